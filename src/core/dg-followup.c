/* dg-followup.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-followup-private.h"
#include "dg-record-private.h"

struct _DgFollowup
{
  GObject           parent_instance;

  gint64            id;
  char             *uuid;
  gint64            customer_id;
  char             *customer_name;
  char             *title;
  char             *note;
  GDateTime        *due_at;
  char             *due_date;
  GDateTime        *done_at;
  GDateTime        *snoozed_until;
  GDateTime        *notified_at;
  char             *recurrence_anchor;
  GDateTime        *created_at;
  GDateTime        *updated_at;
  DgFollowupStatus  status;
  DgRecurrenceUnit  recurrence;
  guint             recurrence_interval;

  guint             keep_in_touch : 1;
};

G_DEFINE_FINAL_TYPE (DgFollowup, dg_followup, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (DgFollowupStatus, dg_followup_status,
                    G_DEFINE_ENUM_VALUE (DG_FOLLOWUP_STATUS_OPEN, "open"),
                    G_DEFINE_ENUM_VALUE (DG_FOLLOWUP_STATUS_DONE, "done"),
                    G_DEFINE_ENUM_VALUE (DG_FOLLOWUP_STATUS_CANCELLED, "cancelled"))

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_CUSTOMER_ID,
  PROP_CUSTOMER_NAME,
  PROP_TITLE,
  PROP_NOTE,
  PROP_ALL_DAY,
  PROP_DUE_AT,
  PROP_DUE_DATE,
  PROP_STATUS,
  PROP_DONE_AT,
  PROP_SNOOZED_UNTIL,
  PROP_NOTIFIED_AT,
  PROP_RECURRENCE,
  PROP_RECURRENCE_INTERVAL,
  PROP_RECURRENCE_ANCHOR,
  PROP_KEEP_IN_TOUCH,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char * const status_names[] = { "open", "done", "cancelled" };

const char *
dg_followup_status_to_string (DgFollowupStatus status)
{
  g_return_val_if_fail (status <= DG_FOLLOWUP_STATUS_CANCELLED, "open");

  return status_names[status];
}

gboolean
dg_followup_status_from_string (const char       *text,
                                DgFollowupStatus *out_status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    {
      if (g_strcmp0 (text, status_names[i]) == 0)
        {
          *out_status = (DgFollowupStatus) i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
dg_followup_finalize (GObject *object)
{
  DgFollowup *self = (DgFollowup *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->customer_name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->due_at, g_date_time_unref);
  g_clear_pointer (&self->due_date, g_free);
  g_clear_pointer (&self->done_at, g_date_time_unref);
  g_clear_pointer (&self->snoozed_until, g_date_time_unref);
  g_clear_pointer (&self->notified_at, g_date_time_unref);
  g_clear_pointer (&self->recurrence_anchor, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);

  G_OBJECT_CLASS (dg_followup_parent_class)->finalize (object);
}

static void
dg_followup_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DgFollowup *self = DG_FOLLOWUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_CUSTOMER_NAME:
      g_value_set_string (value, self->customer_name);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_ALL_DAY:
      g_value_set_boolean (value, self->due_date != NULL);
      break;

    case PROP_DUE_AT:
      g_value_set_boxed (value, self->due_at);
      break;

    case PROP_DUE_DATE:
      g_value_set_string (value, self->due_date);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_DONE_AT:
      g_value_set_boxed (value, self->done_at);
      break;

    case PROP_SNOOZED_UNTIL:
      g_value_set_boxed (value, self->snoozed_until);
      break;

    case PROP_NOTIFIED_AT:
      g_value_set_boxed (value, self->notified_at);
      break;

    case PROP_RECURRENCE:
      g_value_set_enum (value, self->recurrence);
      break;

    case PROP_RECURRENCE_INTERVAL:
      g_value_set_uint (value, self->recurrence_interval);
      break;

    case PROP_RECURRENCE_ANCHOR:
      g_value_set_string (value, self->recurrence_anchor);
      break;

    case PROP_KEEP_IN_TOUCH:
      g_value_set_boolean (value, self->keep_in_touch);
      break;

    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_boxed (value, self->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_followup_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  DgFollowup *self = DG_FOLLOWUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      dg_followup_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_UUID:
      dg_followup_set_uuid (self, g_value_get_string (value));
      break;

    case PROP_CUSTOMER_ID:
      dg_followup_set_customer_id (self, g_value_get_int64 (value));
      break;

    case PROP_CUSTOMER_NAME:
      dg_followup_set_customer_name (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      dg_followup_set_title (self, g_value_get_string (value));
      break;

    case PROP_NOTE:
      dg_followup_set_note (self, g_value_get_string (value));
      break;

    case PROP_DUE_AT:
      dg_followup_set_due_at (self, g_value_get_boxed (value));
      break;

    case PROP_DUE_DATE:
      dg_followup_set_due_date (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      dg_followup_set_status (self, g_value_get_enum (value));
      break;

    case PROP_DONE_AT:
      dg_followup_set_done_at (self, g_value_get_boxed (value));
      break;

    case PROP_SNOOZED_UNTIL:
      dg_followup_set_snoozed_until (self, g_value_get_boxed (value));
      break;

    case PROP_NOTIFIED_AT:
      dg_followup_set_notified_at (self, g_value_get_boxed (value));
      break;

    case PROP_RECURRENCE:
      dg_followup_set_recurrence (self, g_value_get_enum (value));
      break;

    case PROP_RECURRENCE_INTERVAL:
      dg_followup_set_recurrence_interval (self, g_value_get_uint (value));
      break;

    case PROP_RECURRENCE_ANCHOR:
      dg_followup_set_recurrence_anchor (self, g_value_get_string (value));
      break;

    case PROP_KEEP_IN_TOUCH:
      dg_followup_set_keep_in_touch (self, g_value_get_boolean (value));
      break;

    case PROP_CREATED_AT:
      dg_followup_set_created_at (self, g_value_get_boxed (value));
      break;

    case PROP_UPDATED_AT:
      dg_followup_set_updated_at (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name,
                 const char *default_value)
{
  return g_param_spec_string (name, NULL, NULL,
                              default_value,
                              (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

static GParamSpec *
time_property (const char *name)
{
  return g_param_spec_boxed (name, NULL, NULL,
                             G_TYPE_DATE_TIME,
                             (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

static void
dg_followup_class_init (DgFollowupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dg_followup_finalize;
  object_class->get_property = dg_followup_get_property;
  object_class->set_property = dg_followup_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_UUID] = string_property ("uuid", "");

  properties [PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CUSTOMER_NAME] = string_property ("customer-name", "");
  properties [PROP_TITLE] = string_property ("title", "");
  properties [PROP_NOTE] = string_property ("note", "");

  properties [PROP_ALL_DAY] =
    g_param_spec_boolean ("all-day", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_DUE_AT] = time_property ("due-at");
  properties [PROP_DUE_DATE] = string_property ("due-date", NULL);

  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       DG_TYPE_FOLLOWUP_STATUS,
                       DG_FOLLOWUP_STATUS_OPEN,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DONE_AT] = time_property ("done-at");
  properties [PROP_SNOOZED_UNTIL] = time_property ("snoozed-until");
  properties [PROP_NOTIFIED_AT] = time_property ("notified-at");

  properties [PROP_RECURRENCE] =
    g_param_spec_enum ("recurrence", NULL, NULL,
                       DG_TYPE_RECURRENCE_UNIT,
                       DG_RECURRENCE_NONE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* 0 is accepted here so that validation can name the problem. */
  properties [PROP_RECURRENCE_INTERVAL] =
    g_param_spec_uint ("recurrence-interval", NULL, NULL,
                       0, G_MAXUINT, 1,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_RECURRENCE_ANCHOR] = string_property ("recurrence-anchor", NULL);

  properties [PROP_KEEP_IN_TOUCH] =
    g_param_spec_boolean ("keep-in-touch", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CREATED_AT] = time_property ("created-at");
  properties [PROP_UPDATED_AT] = time_property ("updated-at");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dg_followup_init (DgFollowup *self)
{
  self->uuid = g_strdup ("");
  self->customer_name = g_strdup ("");
  self->title = g_strdup ("");
  self->note = g_strdup ("");
  self->recurrence_interval = 1;
}

DgFollowup *
dg_followup_new (void)
{
  return g_object_new (DG_TYPE_FOLLOWUP, NULL);
}

DgFollowup *
dg_followup_new_stored (const DgFollowupStored *stored)
{
  DgFollowup *self;

  g_return_val_if_fail (stored != NULL, NULL);
  g_return_val_if_fail (stored->status <= DG_FOLLOWUP_STATUS_CANCELLED, NULL);
  g_return_val_if_fail (stored->recurrence <= DG_RECURRENCE_MONTHS, NULL);

  self = dg_followup_new ();

  /* The same values the setters would leave, field by field. */
  self->id = stored->id;
  self->customer_id = stored->customer_id;
  g_free (self->uuid);
  self->uuid = dg_record_normalize_text (stored->uuid, TRUE);
  g_free (self->customer_name);
  self->customer_name = dg_record_normalize_text (stored->customer_name, TRUE);
  g_free (self->title);
  self->title = dg_record_normalize_text (stored->title, TRUE);
  g_free (self->note);
  self->note = dg_record_normalize_text (stored->note, FALSE);

  if (stored->all_day)
    {
      self->due_date = dg_record_normalize_text (stored->due_date, TRUE);
      if (*self->due_date == '\0')
        g_clear_pointer (&self->due_date, g_free);
    }
  else
    {
      self->due_at = dg_record_normalize_time (stored->due_at);
    }

  self->status = stored->status;
  self->done_at = dg_record_normalize_time (stored->done_at);
  self->snoozed_until = dg_record_normalize_time (stored->snoozed_until);
  self->notified_at = dg_record_normalize_time (stored->notified_at);
  self->recurrence = stored->recurrence;
  self->recurrence_interval = stored->recurrence_interval;
  if (stored->recurrence_anchor != NULL && *stored->recurrence_anchor != '\0')
    self->recurrence_anchor = g_strdup (stored->recurrence_anchor);
  self->keep_in_touch = !!stored->keep_in_touch;
  self->created_at = dg_record_normalize_time (stored->created_at);
  self->updated_at = dg_record_normalize_time (stored->updated_at);

  return self;
}

static GDateTime *
ref_time (GDateTime *time)
{
  return time ? g_date_time_ref (time) : NULL;
}

DgFollowup *
dg_followup_copy (DgFollowup *self)
{
  DgFollowup *copy;

  g_return_val_if_fail (DG_IS_FOLLOWUP (self), NULL);

  copy = dg_followup_new ();
  g_free (copy->uuid);
  g_free (copy->customer_name);
  g_free (copy->title);
  g_free (copy->note);
  copy->id = self->id;
  copy->uuid = g_strdup (self->uuid);
  copy->customer_id = self->customer_id;
  copy->customer_name = g_strdup (self->customer_name);
  copy->title = g_strdup (self->title);
  copy->note = g_strdup (self->note);
  copy->due_at = ref_time (self->due_at);
  copy->due_date = g_strdup (self->due_date);
  copy->status = self->status;
  copy->done_at = ref_time (self->done_at);
  copy->snoozed_until = ref_time (self->snoozed_until);
  copy->notified_at = ref_time (self->notified_at);
  copy->recurrence = self->recurrence;
  copy->recurrence_interval = self->recurrence_interval;
  copy->recurrence_anchor = g_strdup (self->recurrence_anchor);
  copy->keep_in_touch = self->keep_in_touch;
  copy->created_at = ref_time (self->created_at);
  copy->updated_at = ref_time (self->updated_at);

  return copy;
}

#define DEFINE_INT64_FIELD(field, PROP)                                       \
gint64                                                                        \
dg_followup_get_##field (DgFollowup *self)                                    \
{                                                                             \
  g_return_val_if_fail (DG_IS_FOLLOWUP (self), 0);                            \
                                                                              \
  return self->field;                                                         \
}                                                                             \
                                                                              \
void                                                                          \
dg_followup_set_##field (DgFollowup *self,                                    \
                         gint64      value)                                   \
{                                                                             \
  g_return_if_fail (DG_IS_FOLLOWUP (self));                                   \
  g_return_if_fail (value >= 0);                                              \
                                                                              \
  if (self->field != value)                                                   \
    {                                                                         \
      self->field = value;                                                    \
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP]);          \
    }                                                                         \
}

DEFINE_INT64_FIELD (id, PROP_ID)
DEFINE_INT64_FIELD (customer_id, PROP_CUSTOMER_ID)

#undef DEFINE_INT64_FIELD

#define DEFINE_TEXT_FIELD(field, PROP, single_line)                           \
const char *                                                                  \
dg_followup_get_##field (DgFollowup *self)                                    \
{                                                                             \
  g_return_val_if_fail (DG_IS_FOLLOWUP (self), NULL);                         \
                                                                              \
  return self->field;                                                         \
}                                                                             \
                                                                              \
void                                                                          \
dg_followup_set_##field (DgFollowup *self,                                    \
                         const char *value)                                   \
{                                                                             \
  g_return_if_fail (DG_IS_FOLLOWUP (self));                                   \
                                                                              \
  if (dg_record_set_string (&self->field,                                     \
                            dg_record_normalize_text (value, single_line)))   \
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP]);            \
}

DEFINE_TEXT_FIELD (uuid, PROP_UUID, TRUE)
DEFINE_TEXT_FIELD (customer_name, PROP_CUSTOMER_NAME, TRUE)
DEFINE_TEXT_FIELD (title, PROP_TITLE, TRUE)
DEFINE_TEXT_FIELD (note, PROP_NOTE, FALSE)

#undef DEFINE_TEXT_FIELD

#define DEFINE_TIME_FIELD(field, PROP)                                        \
GDateTime *                                                                   \
dg_followup_get_##field (DgFollowup *self)                                    \
{                                                                             \
  g_return_val_if_fail (DG_IS_FOLLOWUP (self), NULL);                         \
                                                                              \
  return self->field;                                                         \
}                                                                             \
                                                                              \
void                                                                          \
dg_followup_set_##field (DgFollowup *self,                                    \
                         GDateTime  *value)                                   \
{                                                                             \
  g_return_if_fail (DG_IS_FOLLOWUP (self));                                   \
                                                                              \
  if (dg_record_set_time (&self->field, dg_record_normalize_time (value)))    \
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP]);            \
}

DEFINE_TIME_FIELD (done_at, PROP_DONE_AT)
DEFINE_TIME_FIELD (snoozed_until, PROP_SNOOZED_UNTIL)
DEFINE_TIME_FIELD (notified_at, PROP_NOTIFIED_AT)
DEFINE_TIME_FIELD (created_at, PROP_CREATED_AT)
DEFINE_TIME_FIELD (updated_at, PROP_UPDATED_AT)

#undef DEFINE_TIME_FIELD

gboolean
dg_followup_get_all_day (DgFollowup *self)
{
  g_return_val_if_fail (DG_IS_FOLLOWUP (self), FALSE);

  return self->due_date != NULL;
}

GDateTime *
dg_followup_get_due_at (DgFollowup *self)
{
  g_return_val_if_fail (DG_IS_FOLLOWUP (self), NULL);

  return self->due_at;
}

/* Sets both halves of the due at once, notifying what changed. Takes both. */
static void
set_due (DgFollowup *self,
         GDateTime  *due_at,
         char       *due_date)
{
  gboolean was_all_day = self->due_date != NULL;
  gboolean due_at_changed = dg_record_set_time (&self->due_at, due_at);
  gboolean due_date_changed = dg_record_set_string (&self->due_date, due_date);

  /* Both fields are set before anyone hears of either, so no listener
   * sees a follow-up due both ways or neither; without a freeze, which
   * cost more than the rest of loading a follow-up. */
  if (due_at_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DUE_AT]);
  if (due_date_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DUE_DATE]);
  if (was_all_day != (self->due_date != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ALL_DAY]);
}

void
dg_followup_set_due_at (DgFollowup *self,
                        GDateTime  *due_at)
{
  g_return_if_fail (DG_IS_FOLLOWUP (self));

  set_due (self, dg_record_normalize_time (due_at), NULL);
}

const char *
dg_followup_get_due_date (DgFollowup *self)
{
  g_return_val_if_fail (DG_IS_FOLLOWUP (self), NULL);

  return self->due_date;
}

void
dg_followup_set_due_date (DgFollowup *self,
                          const char *date)
{
  char *value;

  g_return_if_fail (DG_IS_FOLLOWUP (self));

  value = dg_record_normalize_text (date, TRUE);
  if (*value == '\0')
    {
      g_free (value);
      if (self->due_date != NULL)
        set_due (self, NULL, NULL);
      return;
    }

  set_due (self, NULL, value);
}

gboolean
dg_followup_get_due_day (DgFollowup *self,
                         GTimeZone  *tz,
                         GDate      *out_date)
{
  g_return_val_if_fail (DG_IS_FOLLOWUP (self), FALSE);
  g_return_val_if_fail (tz != NULL, FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);

  if (self->due_date != NULL)
    return dg_recurrence_parse_date (self->due_date, out_date);

  if (self->due_at != NULL)
    {
      dg_recurrence_local_date (self->due_at, tz, out_date);
      return TRUE;
    }

  return FALSE;
}

gboolean
dg_followup_is_overdue (DgFollowup *self,
                        DgClock    *clock)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (DG_IS_FOLLOWUP (self), FALSE);
  g_return_val_if_fail (DG_IS_CLOCK (clock), FALSE);

  if (self->status != DG_FOLLOWUP_STATUS_OPEN)
    return FALSE;

  now = dg_clock_get_now_utc (clock);

  if (self->due_date != NULL)
    {
      g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (clock);
      GDate due, today;

      if (!dg_recurrence_parse_date (self->due_date, &due))
        return FALSE;
      dg_recurrence_local_date (now, tz, &today);

      return g_date_compare (&due, &today) < 0;
    }

  return self->due_at != NULL && g_date_time_compare (self->due_at, now) < 0;
}

DgFollowupStatus
dg_followup_get_status (DgFollowup *self)
{
  g_return_val_if_fail (DG_IS_FOLLOWUP (self), DG_FOLLOWUP_STATUS_OPEN);

  return self->status;
}

void
dg_followup_set_status (DgFollowup       *self,
                        DgFollowupStatus  status)
{
  g_return_if_fail (DG_IS_FOLLOWUP (self));
  g_return_if_fail (status <= DG_FOLLOWUP_STATUS_CANCELLED);

  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
    }
}

DgRecurrenceUnit
dg_followup_get_recurrence (DgFollowup *self)
{
  g_return_val_if_fail (DG_IS_FOLLOWUP (self), DG_RECURRENCE_NONE);

  return self->recurrence;
}

void
dg_followup_set_recurrence (DgFollowup       *self,
                            DgRecurrenceUnit  unit)
{
  g_return_if_fail (DG_IS_FOLLOWUP (self));
  g_return_if_fail (unit <= DG_RECURRENCE_MONTHS);

  if (self->recurrence != unit)
    {
      self->recurrence = unit;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RECURRENCE]);
    }
}

guint
dg_followup_get_recurrence_interval (DgFollowup *self)
{
  g_return_val_if_fail (DG_IS_FOLLOWUP (self), 1);

  return self->recurrence_interval;
}

void
dg_followup_set_recurrence_interval (DgFollowup *self,
                                     guint       interval)
{
  g_return_if_fail (DG_IS_FOLLOWUP (self));

  if (self->recurrence_interval != interval)
    {
      self->recurrence_interval = interval;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RECURRENCE_INTERVAL]);
    }
}

const char *
dg_followup_get_recurrence_anchor (DgFollowup *self)
{
  g_return_val_if_fail (DG_IS_FOLLOWUP (self), NULL);

  return self->recurrence_anchor;
}

void
dg_followup_set_recurrence_anchor (DgFollowup *self,
                                   const char *anchor)
{
  char *value;

  g_return_if_fail (DG_IS_FOLLOWUP (self));

  value = anchor && *anchor ? g_strdup (anchor) : NULL;
  if (dg_record_set_string (&self->recurrence_anchor, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RECURRENCE_ANCHOR]);
}

gboolean
dg_followup_get_keep_in_touch (DgFollowup *self)
{
  g_return_val_if_fail (DG_IS_FOLLOWUP (self), FALSE);

  return self->keep_in_touch;
}

void
dg_followup_set_keep_in_touch (DgFollowup *self,
                               gboolean    keep_in_touch)
{
  g_return_if_fail (DG_IS_FOLLOWUP (self));

  keep_in_touch = !!keep_in_touch;

  if (self->keep_in_touch != keep_in_touch)
    {
      self->keep_in_touch = keep_in_touch;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KEEP_IN_TOUCH]);
    }
}
