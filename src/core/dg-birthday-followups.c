/* dg-birthday-followups.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-birthday-followups.h"
#include "dg-birthdays.h"
#include "dg-catalog.h"

struct _DgBirthdayFollowups
{
  GObject       parent_instance;

  DgDatabase   *database;
  DgClock      *clock;
  GMainContext *context;
  GSource      *idle;
  int           days_before;
  guint         started : 1;
};

G_DEFINE_FINAL_TYPE (DgBirthdayFollowups, dg_birthday_followups, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DAYS_BEFORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

gboolean
dg_birthday_followups_run (DgBirthdayFollowups  *self,
                           GError              **error)
{
  guint n_made = 0;

  g_return_val_if_fail (DG_IS_BIRTHDAY_FOLLOWUPS (self), FALSE);

  if (self->days_before < 0)
    return TRUE;

  if (!dg_birthdays_make_followups (self->database, self->clock, (guint) self->days_before,
                                    &n_made, error))
    return FALSE;

  if (n_made > 0)
    g_debug ("Made %u birthday follow-ups", n_made);

  return TRUE;
}

static gboolean
on_idle_cb (gpointer user_data)
{
  DgBirthdayFollowups *self = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->idle, g_source_unref);

  if (!dg_birthday_followups_run (self, &error))
    g_warning ("Could not make the birthday follow-ups: %s", error->message);

  return G_SOURCE_REMOVE;
}

static void
dg_birthday_followups_queue (DgBirthdayFollowups *self)
{
  if (!self->started || self->idle != NULL || self->days_before < 0)
    return;

  self->idle = g_idle_source_new ();
  g_source_set_static_name (self->idle, "[dangol] birthday follow-ups");
  g_source_set_callback (self->idle, on_idle_cb, self, NULL);
  g_source_attach (self->idle, self->context);
}

static void
on_day_changed_cb (DgClock             *clock,
                   DgBirthdayFollowups *self)
{
  dg_birthday_followups_queue (self);
}

static void
on_customers_changed_cb (DgDatabase          *database,
                         const char          *table,
                         DgBirthdayFollowups *self)
{
  dg_birthday_followups_queue (self);
}

void
dg_birthday_followups_start (DgBirthdayFollowups *self)
{
  g_return_if_fail (DG_IS_BIRTHDAY_FOLLOWUPS (self));

  if (self->started)
    return;

  self->started = TRUE;
  self->context = g_main_context_ref_thread_default ();
  g_signal_connect_object (self->clock, "day-changed",
                           G_CALLBACK (on_day_changed_cb), self, 0);
  g_signal_connect_object (self->database, DG_DATABASE_CHANGED (DG_TABLE_CUSTOMERS),
                           G_CALLBACK (on_customers_changed_cb), self, 0);
  dg_birthday_followups_queue (self);
}

int
dg_birthday_followups_get_days_before (DgBirthdayFollowups *self)
{
  g_return_val_if_fail (DG_IS_BIRTHDAY_FOLLOWUPS (self), -1);

  return self->days_before;
}

void
dg_birthday_followups_set_days_before (DgBirthdayFollowups *self,
                                       int                  days_before)
{
  g_return_if_fail (DG_IS_BIRTHDAY_FOLLOWUPS (self));

  days_before = CLAMP (days_before, -1, DG_BIRTHDAY_FOLLOWUPS_MAX_DAYS);
  if (self->days_before == days_before)
    return;

  self->days_before = days_before;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DAYS_BEFORE]);
  dg_birthday_followups_queue (self);
}

static void
dg_birthday_followups_dispose (GObject *object)
{
  DgBirthdayFollowups *self = (DgBirthdayFollowups *)object;

  if (self->idle != NULL)
    {
      g_source_destroy (self->idle);
      g_clear_pointer (&self->idle, g_source_unref);
    }
  g_clear_object (&self->database);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (dg_birthday_followups_parent_class)->dispose (object);
}

static void
dg_birthday_followups_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DgBirthdayFollowups *self = DG_BIRTHDAY_FOLLOWUPS (object);

  switch (prop_id)
    {
    case PROP_DAYS_BEFORE:
      g_value_set_int (value, self->days_before);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_birthday_followups_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DgBirthdayFollowups *self = DG_BIRTHDAY_FOLLOWUPS (object);

  switch (prop_id)
    {
    case PROP_DAYS_BEFORE:
      dg_birthday_followups_set_days_before (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_birthday_followups_class_init (DgBirthdayFollowupsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dg_birthday_followups_dispose;
  object_class->get_property = dg_birthday_followups_get_property;
  object_class->set_property = dg_birthday_followups_set_property;

  /* How many days before a birthday its follow-up is due; -1 for none. */
  properties [PROP_DAYS_BEFORE] =
    g_param_spec_int ("days-before", NULL, NULL,
                      -1, DG_BIRTHDAY_FOLLOWUPS_MAX_DAYS, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dg_birthday_followups_init (DgBirthdayFollowups *self)
{
  self->days_before = -1;
}

DgBirthdayFollowups *
dg_birthday_followups_new (DgDatabase *db,
                           DgClock    *clock)
{
  DgBirthdayFollowups *self;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);

  self = g_object_new (DG_TYPE_BIRTHDAY_FOLLOWUPS, NULL);
  self->database = g_object_ref (db);
  self->clock = g_object_ref (clock);

  return self;
}
