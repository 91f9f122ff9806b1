/* dg-followup.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-followup-private.h"
#include "dg-record-private.h"

struct _DgFollowup
{
  DgRecord          parent_instance;

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
  DgFollowupStatus  status;
  DgRecurrenceUnit  recurrence;
  guint             recurrence_interval;

  guint             keep_in_touch : 1;
};

G_DEFINE_FINAL_TYPE (DgFollowup, dg_followup, DG_TYPE_RECORD)

G_DEFINE_ENUM_TYPE (DgFollowupStatus, dg_followup_status,
                    G_DEFINE_ENUM_VALUE (DG_FOLLOWUP_STATUS_OPEN, "open"),
                    G_DEFINE_ENUM_VALUE (DG_FOLLOWUP_STATUS_DONE, "done"),
                    G_DEFINE_ENUM_VALUE (DG_FOLLOWUP_STATUS_CANCELLED, "cancelled"))

enum {
  PROP_0,
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

  g_clear_pointer (&self->customer_name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->due_at, g_date_time_unref);
  g_clear_pointer (&self->due_date, g_free);
  g_clear_pointer (&self->done_at, g_date_time_unref);
  g_clear_pointer (&self->snoozed_until, g_date_time_unref);
  g_clear_pointer (&self->notified_at, g_date_time_unref);
  g_clear_pointer (&self->recurrence_anchor, g_free);

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
      /* NULL is the value an all-day follow-up already has: it keeps its
       * date, as a timed one keeps its instant when :due-date is set to
       * NULL. (dg_followup_set_due_at() with NULL removes either due.) */
      if (g_value_get_boxed (value) != NULL || self->due_date == NULL)
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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_followup_class_init (DgFollowupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dg_followup_finalize;
  object_class->get_property = dg_followup_get_property;
  object_class->set_property = dg_followup_set_property;

  properties [PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CUSTOMER_NAME] = dg_record_string_property ("customer-name", "");
  properties [PROP_TITLE] = dg_record_string_property ("title", "");
  properties [PROP_NOTE] = dg_record_string_property ("note", "");

  properties [PROP_ALL_DAY] =
    g_param_spec_boolean ("all-day", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_DUE_AT] = dg_record_time_property ("due-at");
  properties [PROP_DUE_DATE] = dg_record_string_property ("due-date", NULL);

  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       DG_TYPE_FOLLOWUP_STATUS,
                       DG_FOLLOWUP_STATUS_OPEN,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DONE_AT] = dg_record_time_property ("done-at");
  properties [PROP_SNOOZED_UNTIL] = dg_record_time_property ("snoozed-until");
  properties [PROP_NOTIFIED_AT] = dg_record_time_property ("notified-at");

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

  properties [PROP_RECURRENCE_ANCHOR] = dg_record_string_property ("recurrence-anchor", NULL);

  properties [PROP_KEEP_IN_TOUCH] =
    g_param_spec_boolean ("keep-in-touch", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dg_followup_init (DgFollowup *self)
{
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

DG_RECORD_DEFINE_ACCESSORS (DgFollowup, dg_followup)
DG_RECORD_DEFINE_UPDATED_AT (DgFollowup, dg_followup)

DgFollowup *
dg_followup_new_stored (const DgFollowupStored *stored)
{
  DgFollowup *self;

  g_return_val_if_fail (stored != NULL, NULL);
  g_return_val_if_fail (stored->status <= DG_FOLLOWUP_STATUS_CANCELLED, NULL);
  g_return_val_if_fail (stored->recurrence <= DG_RECURRENCE_MONTHS, NULL);

  self = dg_followup_new ();

  /* The same values the setters would leave, field by field. */
  dg_record_set_stored (DG_RECORD (self), stored->id, stored->uuid,
                        stored->created_at, stored->updated_at);
  self->customer_id = stored->customer_id;
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

  return self;
}

DG_RECORD_DEFINE_ID_FIELD (DgFollowup, dg_followup, DG_IS_FOLLOWUP, customer_id, PROP_CUSTOMER_ID)
DG_RECORD_DEFINE_TEXT_FIELD (DgFollowup, dg_followup, DG_IS_FOLLOWUP, customer_name, PROP_CUSTOMER_NAME, TRUE)
DG_RECORD_DEFINE_TEXT_FIELD (DgFollowup, dg_followup, DG_IS_FOLLOWUP, title, PROP_TITLE, TRUE)
DG_RECORD_DEFINE_TEXT_FIELD (DgFollowup, dg_followup, DG_IS_FOLLOWUP, note, PROP_NOTE, FALSE)
DG_RECORD_DEFINE_TIME_FIELD (DgFollowup, dg_followup, DG_IS_FOLLOWUP, done_at, PROP_DONE_AT)
DG_RECORD_DEFINE_TIME_FIELD (DgFollowup, dg_followup, DG_IS_FOLLOWUP, snoozed_until, PROP_SNOOZED_UNTIL)
DG_RECORD_DEFINE_TIME_FIELD (DgFollowup, dg_followup, DG_IS_FOLLOWUP, notified_at, PROP_NOTIFIED_AT)

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
