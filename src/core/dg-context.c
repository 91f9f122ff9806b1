/* dg-context.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-context.h"

struct _DgContext
{
  GObject     parent_instance;

  DgDatabase *database;
  GSettings  *settings;
  DgClock    *clock;
};

G_DEFINE_FINAL_TYPE (DgContext, dg_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_SETTINGS,
  PROP_CLOCK,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
dg_context_dispose (GObject *object)
{
  DgContext *self = (DgContext *)object;

  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (dg_context_parent_class)->dispose (object);
}

static void
dg_context_constructed (GObject *object)
{
  DgContext *self = (DgContext *)object;

  G_OBJECT_CLASS (dg_context_parent_class)->constructed (object);

  if (self->clock == NULL)
    self->clock = dg_clock_new_system ();

  /* What is written through the database is stamped by this clock too. */
  if (self->database != NULL)
    dg_database_set_clock (self->database, self->clock);
}

static void
dg_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  DgContext *self = DG_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  DgContext *self = DG_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_context_class_init (DgContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dg_context_dispose;
  object_class->constructed = dg_context_constructed;
  object_class->get_property = dg_context_get_property;
  object_class->set_property = dg_context_set_property;

  properties [PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         DG_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The system clock when none is given. */
  properties [PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         DG_TYPE_CLOCK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dg_context_init (DgContext *self)
{
}

DgContext *
dg_context_new (DgDatabase *database,
                GSettings  *settings)
{
  g_return_val_if_fail (DG_IS_DATABASE (database), NULL);
  g_return_val_if_fail (!settings || G_IS_SETTINGS (settings), NULL);

  return g_object_new (DG_TYPE_CONTEXT,
                       "database", database,
                       "settings", settings,
                       NULL);
}

DgDatabase *
dg_context_get_database (DgContext *self)
{
  g_return_val_if_fail (DG_IS_CONTEXT (self), NULL);

  return self->database;
}

GSettings *
dg_context_get_settings (DgContext *self)
{
  g_return_val_if_fail (DG_IS_CONTEXT (self), NULL);

  return self->settings;
}

DgClock *
dg_context_get_clock (DgContext *self)
{
  g_return_val_if_fail (DG_IS_CONTEXT (self), NULL);

  return self->clock;
}
