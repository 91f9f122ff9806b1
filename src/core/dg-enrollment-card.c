/* dg-enrollment-card.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-enrollment-card.h"

struct _DgEnrollmentCard
{
  GObject    parent_instance;

  gint64     id;
  gint64     customer_id;
  char      *customer_name;
  gint64     stage_id;
  gint64     cohort_id;
  char      *cohort_name;
  GDateTime *since;
  int        days_in_stage;
  gboolean   stuck;
  gint64     next_followup_id;
  char      *next_followup_title;
  GDateTime *next_followup_due;
  gboolean   next_followup_all_day;
};

G_DEFINE_FINAL_TYPE (DgEnrollmentCard, dg_enrollment_card, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CUSTOMER_ID,
  PROP_CUSTOMER_NAME,
  PROP_STAGE_ID,
  PROP_COHORT_ID,
  PROP_COHORT_NAME,
  PROP_SINCE,
  PROP_DAYS_IN_STAGE,
  PROP_STUCK,
  PROP_NEXT_FOLLOWUP_ID,
  PROP_NEXT_FOLLOWUP_TITLE,
  PROP_NEXT_FOLLOWUP_DUE,
  PROP_NEXT_FOLLOWUP_ALL_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64 *
int64_field (DgEnrollmentCard *self,
             guint             prop_id)
{
  switch (prop_id)
    {
    case PROP_ID: return &self->id;
    case PROP_CUSTOMER_ID: return &self->customer_id;
    case PROP_STAGE_ID: return &self->stage_id;
    case PROP_COHORT_ID: return &self->cohort_id;
    case PROP_NEXT_FOLLOWUP_ID: return &self->next_followup_id;
    default: return NULL;
    }
}

static char **
string_field (DgEnrollmentCard *self,
              guint             prop_id)
{
  switch (prop_id)
    {
    case PROP_CUSTOMER_NAME: return &self->customer_name;
    case PROP_COHORT_NAME: return &self->cohort_name;
    case PROP_NEXT_FOLLOWUP_TITLE: return &self->next_followup_title;
    default: return NULL;
    }
}

static GDateTime **
time_field (DgEnrollmentCard *self,
            guint             prop_id)
{
  switch (prop_id)
    {
    case PROP_SINCE: return &self->since;
    case PROP_NEXT_FOLLOWUP_DUE: return &self->next_followup_due;
    default: return NULL;
    }
}

static void
dg_enrollment_card_finalize (GObject *object)
{
  DgEnrollmentCard *self = DG_ENROLLMENT_CARD (object);

  g_clear_pointer (&self->customer_name, g_free);
  g_clear_pointer (&self->cohort_name, g_free);
  g_clear_pointer (&self->next_followup_title, g_free);
  g_clear_pointer (&self->since, g_date_time_unref);
  g_clear_pointer (&self->next_followup_due, g_date_time_unref);

  G_OBJECT_CLASS (dg_enrollment_card_parent_class)->finalize (object);
}

static void
dg_enrollment_card_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DgEnrollmentCard *self = DG_ENROLLMENT_CARD (object);

  if (int64_field (self, prop_id) != NULL)
    g_value_set_int64 (value, *int64_field (self, prop_id));
  else if (string_field (self, prop_id) != NULL)
    g_value_set_string (value, *string_field (self, prop_id));
  else if (time_field (self, prop_id) != NULL)
    g_value_set_boxed (value, *time_field (self, prop_id));
  else if (prop_id == PROP_DAYS_IN_STAGE)
    g_value_set_int (value, self->days_in_stage);
  else if (prop_id == PROP_STUCK)
    g_value_set_boolean (value, self->stuck);
  else if (prop_id == PROP_NEXT_FOLLOWUP_ALL_DAY)
    g_value_set_boolean (value, self->next_followup_all_day);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
dg_enrollment_card_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DgEnrollmentCard *self = DG_ENROLLMENT_CARD (object);
  gboolean changed = FALSE;

  if (int64_field (self, prop_id) != NULL)
    {
      gint64 *field = int64_field (self, prop_id);

      changed = *field != g_value_get_int64 (value);
      *field = g_value_get_int64 (value);
    }
  else if (string_field (self, prop_id) != NULL)
    {
      char **field = string_field (self, prop_id);
      const char *text = g_value_get_string (value);

      changed = g_strcmp0 (*field, text != NULL ? text : "") != 0;
      if (changed)
        {
          g_free (*field);
          *field = g_strdup (text != NULL ? text : "");
        }
    }
  else if (time_field (self, prop_id) != NULL)
    {
      GDateTime **field = time_field (self, prop_id);
      GDateTime *time = g_value_get_boxed (value);

      changed = (*field == NULL) != (time == NULL) || (time != NULL && !g_date_time_equal (*field, time));
      if (changed)
        {
          g_clear_pointer (field, g_date_time_unref);
          *field = time != NULL ? g_date_time_ref (time) : NULL;
        }
    }
  else if (prop_id == PROP_DAYS_IN_STAGE)
    {
      changed = self->days_in_stage != g_value_get_int (value);
      self->days_in_stage = g_value_get_int (value);
    }
  else if (prop_id == PROP_STUCK || prop_id == PROP_NEXT_FOLLOWUP_ALL_DAY)
    {
      gboolean *field = prop_id == PROP_STUCK ? &self->stuck : &self->next_followup_all_day;

      changed = *field != g_value_get_boolean (value);
      *field = g_value_get_boolean (value);
    }
  else
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
dg_enrollment_card_class_init (DgEnrollmentCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dg_enrollment_card_finalize;
  object_class->get_property = dg_enrollment_card_get_property;
  object_class->set_property = dg_enrollment_card_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CUSTOMER_ID] = g_param_spec_int64 ("customer-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CUSTOMER_NAME] = g_param_spec_string ("customer-name", NULL, NULL, "", flags);
  properties[PROP_STAGE_ID] = g_param_spec_int64 ("stage-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_COHORT_ID] = g_param_spec_int64 ("cohort-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_COHORT_NAME] = g_param_spec_string ("cohort-name", NULL, NULL, "", flags);
  properties[PROP_SINCE] = g_param_spec_boxed ("since", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_DAYS_IN_STAGE] = g_param_spec_int ("days-in-stage", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_STUCK] = g_param_spec_boolean ("stuck", NULL, NULL, FALSE, flags);
  properties[PROP_NEXT_FOLLOWUP_ID] = g_param_spec_int64 ("next-followup-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NEXT_FOLLOWUP_TITLE] = g_param_spec_string ("next-followup-title", NULL, NULL, "", flags);
  properties[PROP_NEXT_FOLLOWUP_DUE] = g_param_spec_boxed ("next-followup-due", NULL, NULL,
                                                           G_TYPE_DATE_TIME, flags);
  properties[PROP_NEXT_FOLLOWUP_ALL_DAY] = g_param_spec_boolean ("next-followup-all-day", NULL, NULL,
                                                                 FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dg_enrollment_card_init (DgEnrollmentCard *self)
{
  self->customer_name = g_strdup ("");
  self->cohort_name = g_strdup ("");
  self->next_followup_title = g_strdup ("");
}

DgEnrollmentCard *
dg_enrollment_card_new (void)
{
  return g_object_new (DG_TYPE_ENROLLMENT_CARD, NULL);
}

#define GETTER(type, name, field)                                             \
type                                                                          \
dg_enrollment_card_get_##name (DgEnrollmentCard *self)                        \
{                                                                             \
  g_return_val_if_fail (DG_IS_ENROLLMENT_CARD (self), (type) 0);              \
  return self->field;                                                         \
}

GETTER (gint64, id, id)
GETTER (gint64, customer_id, customer_id)
GETTER (const char *, customer_name, customer_name)
GETTER (gint64, stage_id, stage_id)
GETTER (gint64, cohort_id, cohort_id)
GETTER (const char *, cohort_name, cohort_name)
GETTER (GDateTime *, since, since)
GETTER (int, days_in_stage, days_in_stage)
GETTER (gboolean, stuck, stuck)
GETTER (gint64, next_followup_id, next_followup_id)
GETTER (const char *, next_followup_title, next_followup_title)
GETTER (GDateTime *, next_followup_due, next_followup_due)
GETTER (gboolean, next_followup_all_day, next_followup_all_day)
