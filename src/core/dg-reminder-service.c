/* dg-reminder-service.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-catalog.h"
#include "dg-followups.h"
#include "dg-reminder-service.h"
#include "dg-reminders.h"

struct _DgReminderService
{
  GObject       parent_instance;

  DgDatabase   *db;
  DgClock      *clock;
  GMainContext *context;
  GSource      *timer;
  GSource      *idle;
  GDateTime    *next_wakeup;
  gulong        db_handler;
  gulong        clock_handler;
  guint         n_checks;
  guint         agenda_minute;
  guint         going_cold_days;
  /* For an agenda turned on while running, after that day's time: the
   * first day it is given. Invalid otherwise. */
  GDate         agenda_start_day;

  guint         agenda_enabled : 1;
  guint         running : 1;
  guint         in_check : 1;
};

G_DEFINE_FINAL_TYPE (DgReminderService, dg_reminder_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_CLOCK,
  PROP_RUNNING,
  PROP_NEXT_WAKEUP,
  PROP_N_CHECKS,
  N_PROPS
};

enum {
  DUE,
  MORNING_AGENDA,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
clear_source (GSource **source)
{
  if (*source != NULL)
    {
      g_source_destroy (*source);
      g_clear_pointer (source, g_source_unref);
    }
}

static gboolean
on_timer_cb (gpointer user_data)
{
  DgReminderService *self = user_data;

  g_clear_pointer (&self->timer, g_source_unref);
  dg_reminder_service_check_now (self);

  return G_SOURCE_REMOVE;
}

static gboolean
on_idle_cb (gpointer user_data)
{
  DgReminderService *self = user_data;

  g_clear_pointer (&self->idle, g_source_unref);
  dg_reminder_service_check_now (self);

  return G_SOURCE_REMOVE;
}

/* Sleeps until @next (whole seconds after @now), or the safety net. */
static void
arm_timer (DgReminderService *self,
           GDateTime         *now,
           GDateTime         *next)
{
  gint64 delay = DG_REMINDER_SERVICE_MAX_SLEEP_SECONDS;

  clear_source (&self->timer);

  if (next != NULL)
    delay = CLAMP (g_date_time_to_unix (next) - g_date_time_to_unix (now),
                   1, DG_REMINDER_SERVICE_MAX_SLEEP_SECONDS);

  /* One line per check, so that the wake-ups of a running instance can be
   * counted from outside (G_MESSAGES_DEBUG=Dangol-Core; the follow-up
   * benchmark does). */
  g_debug ("Reminder check %u done, next in %" G_GINT64_FORMAT " s", self->n_checks, delay);

  self->timer = g_timeout_source_new (delay * 1000);
  g_source_set_static_name (self->timer, "[dangol] reminder timer");
  g_source_set_callback (self->timer, on_timer_cb, self, NULL);
  g_source_attach (self->timer, self->context);
}

/* When the agenda of @day is due: its agenda time, local. */
static GDateTime *
agenda_time_of_day (DgReminderService *self,
                    GTimeZone         *tz,
                    const GDate       *day)
{
  return g_date_time_new (tz,
                          g_date_get_year (day), g_date_get_month (day), g_date_get_day (day),
                          self->agenda_minute / 60, self->agenda_minute % 60, 0);
}

/* Gives today's agenda when its time has come and it was not given yet;
 * returns when the next agenda is due, or NULL when it is off. */
static GDateTime *
check_morning_agenda (DgReminderService *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) due = NULL;
  DgMorningSummary summary;
  GDate today, given, tomorrow;
  gboolean shown = FALSE;

  if (!self->agenda_enabled)
    return NULL;

  tz = dg_clock_dup_time_zone (self->clock);
  now = dg_clock_get_now_local (self->clock);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
  tomorrow = today;
  g_date_add_days (&tomorrow, 1);

  due = agenda_time_of_day (self, tz, &today);
  if (due != NULL && g_date_time_compare (now, due) < 0)
    return g_steal_pointer (&due);

  if (g_date_valid (&self->agenda_start_day) && g_date_compare (&today, &self->agenda_start_day) < 0)
    return agenda_time_of_day (self, tz, &tomorrow);

  if (!dg_reminders_get_agenda_day (self->db, &given, &error))
    {
      g_warning ("Could not look up the last morning agenda: %s", error->message);
      return agenda_time_of_day (self, tz, &tomorrow);
    }

  if (g_date_valid (&given) && g_date_compare (&given, &today) >= 0)
    return agenda_time_of_day (self, tz, &tomorrow);

  if (!dg_reminders_morning_summary (self->db, self->clock, self->going_cold_days,
                                     &summary, &error))
    {
      g_warning ("Could not count what today holds: %s", error->message);
      return agenda_time_of_day (self, tz, &tomorrow);
    }

  g_debug ("Morning agenda: %u due today, %u overdue, %u going cold, %u birthdays",
           summary.due_today, summary.overdue, summary.going_cold, summary.birthdays);

  /* A day with nothing to do has no agenda, and keeps none for later: one
   * added during the day is what its own reminder is for. */
  if (dg_morning_summary_is_empty (&summary))
    shown = TRUE;
  else
    g_signal_emit (self, signals [MORNING_AGENDA], 0, &summary, &shown);

  if (!shown)
    return NULL;

  if (!dg_reminders_set_agenda_day (self->db, &today, &error))
    g_warning ("Could not record the morning agenda as given: %s", error->message);

  return agenda_time_of_day (self, tz, &tomorrow);
}

static void
set_next_wakeup (DgReminderService *self,
                 GDateTime         *next)
{
  if (self->next_wakeup == next
      || (self->next_wakeup != NULL && next != NULL && g_date_time_equal (self->next_wakeup, next)))
    return;

  g_clear_pointer (&self->next_wakeup, g_date_time_unref);
  self->next_wakeup = next ? g_date_time_ref (next) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NEXT_WAKEUP]);
}

static void
on_followups_changed_cb (DgDatabase        *db,
                         const char        *table,
                         DgReminderService *self)
{
  dg_reminder_service_queue_check (self);
}

static void
on_clock_changed_cb (DgClock           *clock,
                     DgReminderService *self)
{
  dg_reminder_service_queue_check (self);
}

static void
dg_reminder_service_dispose (GObject *object)
{
  DgReminderService *self = (DgReminderService *)object;

  dg_reminder_service_stop (self);

  g_clear_object (&self->db);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (dg_reminder_service_parent_class)->dispose (object);
}

static void
dg_reminder_service_finalize (GObject *object)
{
  DgReminderService *self = (DgReminderService *)object;

  g_clear_pointer (&self->next_wakeup, g_date_time_unref);

  G_OBJECT_CLASS (dg_reminder_service_parent_class)->finalize (object);
}

static void
dg_reminder_service_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DgReminderService *self = DG_REMINDER_SERVICE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;

    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    case PROP_NEXT_WAKEUP:
      g_value_set_boxed (value, self->next_wakeup);
      break;

    case PROP_N_CHECKS:
      g_value_set_uint (value, self->n_checks);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_reminder_service_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DgReminderService *self = DG_REMINDER_SERVICE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->db = g_value_dup_object (value);
      break;

    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_reminder_service_class_init (DgReminderServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dg_reminder_service_dispose;
  object_class->finalize = dg_reminder_service_finalize;
  object_class->get_property = dg_reminder_service_get_property;
  object_class->set_property = dg_reminder_service_set_property;

  properties [PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         DG_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         DG_TYPE_CLOCK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_NEXT_WAKEUP] =
    g_param_spec_boxed ("next-wakeup", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_CHECKS] =
    g_param_spec_uint ("n-checks", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DgReminderService::due:
   * @followups: (element-type DgFollowup): the follow-ups whose reminder
   *   is due, earliest first
   *
   * Show them, then mark those shown with dg_reminders_mark_notified().
   */
  signals [DUE] =
    g_signal_new ("due",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);

  /**
   * DgReminderService::morning-agenda:
   * @summary: (type DgMorningSummary): what the day holds
   *
   * The day's agenda is due. Return %TRUE once it was shown; it is then
   * recorded as given for @summary's day. %FALSE (or no handler) offers it
   * again at the next check.
   */
  signals [MORNING_AGENDA] =
    g_signal_new ("morning-agenda",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  g_signal_accumulator_true_handled, NULL,
                  NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_POINTER);
}

static void
dg_reminder_service_init (DgReminderService *self)
{
  self->agenda_minute = 8 * 60 + 30;
  self->going_cold_days = 30;
  g_date_clear (&self->agenda_start_day, 1);
}

DgReminderService *
dg_reminder_service_new (DgDatabase *db,
                         DgClock    *clock)
{
  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);

  return g_object_new (DG_TYPE_REMINDER_SERVICE,
                       "database", db,
                       "clock", clock,
                       NULL);
}

DgDatabase *
dg_reminder_service_get_database (DgReminderService *self)
{
  g_return_val_if_fail (DG_IS_REMINDER_SERVICE (self), NULL);

  return self->db;
}

DgClock *
dg_reminder_service_get_clock (DgReminderService *self)
{
  g_return_val_if_fail (DG_IS_REMINDER_SERVICE (self), NULL);

  return self->clock;
}

void
dg_reminder_service_start (DgReminderService *self)
{
  g_return_if_fail (DG_IS_REMINDER_SERVICE (self));

  if (self->running)
    return;

  self->running = TRUE;
  self->context = g_main_context_ref_thread_default ();
  self->db_handler = g_signal_connect (self->db, DG_DATABASE_CHANGED (DG_TABLE_FOLLOWUPS),
                                       G_CALLBACK (on_followups_changed_cb), self);
  self->clock_handler = g_signal_connect (self->clock, "changed",
                                          G_CALLBACK (on_clock_changed_cb), self);

  dg_reminder_service_queue_check (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RUNNING]);
}

void
dg_reminder_service_stop (DgReminderService *self)
{
  g_return_if_fail (DG_IS_REMINDER_SERVICE (self));

  if (!self->running)
    return;

  self->running = FALSE;
  g_clear_signal_handler (&self->db_handler, self->db);
  g_clear_signal_handler (&self->clock_handler, self->clock);
  clear_source (&self->timer);
  clear_source (&self->idle);
  g_clear_pointer (&self->context, g_main_context_unref);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RUNNING]);
}

gboolean
dg_reminder_service_get_running (DgReminderService *self)
{
  g_return_val_if_fail (DG_IS_REMINDER_SERVICE (self), FALSE);

  return self->running;
}

void
dg_reminder_service_queue_check (DgReminderService *self)
{
  g_return_if_fail (DG_IS_REMINDER_SERVICE (self));

  if (!self->running || self->idle != NULL)
    return;

  self->idle = g_idle_source_new ();
  g_source_set_static_name (self->idle, "[dangol] reminder check");
  g_source_set_callback (self->idle, on_idle_cb, self, NULL);
  g_source_attach (self->idle, self->context);
}

void
dg_reminder_service_check_now (DgReminderService *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GDateTime) agenda = NULL;

  g_return_if_fail (DG_IS_REMINDER_SERVICE (self));

  /* A ::due handler that asks for a check gets one right after. */
  if (self->in_check)
    {
      dg_reminder_service_queue_check (self);
      return;
    }

  g_object_ref (self);
  self->in_check = TRUE;
  self->n_checks++;

  if (!dg_followups_sync_time_zone (self->db, self->clock, &error))
    {
      g_warning ("Could not bring all-day follow-ups to the current time zone: %s",
                 error->message);
      g_clear_error (&error);
    }

  now = dg_clock_get_now_utc (self->clock);
  due = dg_reminders_collect_due (self->db, now, &error);
  if (due == NULL)
    {
      g_warning ("Could not look up due reminders: %s", error->message);
      g_clear_error (&error);
    }
  else if (due->len > 0)
    {
      g_debug ("%u reminders due", due->len);
      g_signal_emit (self, signals [DUE], 0, due);
    }

  /* The handler may have taken time or changed the data: ask again. */
  g_clear_pointer (&now, g_date_time_unref);
  now = dg_clock_get_now_utc (self->clock);
  next = dg_reminders_next_wakeup (self->db, now, &error);
  if (error != NULL)
    {
      g_warning ("Could not look up the next reminder: %s", error->message);
      g_clear_error (&error);
    }

  set_next_wakeup (self, next);

  /* The agenda's time wakes the service too; one that could not be shown
   * (NULL) is tried again at the next check, a minute later at most. */
  agenda = check_morning_agenda (self);
  if (self->running)
    arm_timer (self, now,
               agenda != NULL && (next == NULL || g_date_time_compare (agenda, next) < 0)
               ? agenda : next);

  self->in_check = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_CHECKS]);
  g_object_unref (self);
}

GDateTime *
dg_reminder_service_get_next_wakeup (DgReminderService *self)
{
  g_return_val_if_fail (DG_IS_REMINDER_SERVICE (self), NULL);

  return self->next_wakeup;
}

guint
dg_reminder_service_get_n_checks (DgReminderService *self)
{
  g_return_val_if_fail (DG_IS_REMINDER_SERVICE (self), 0);

  return self->n_checks;
}

void
dg_reminder_service_set_morning_agenda (DgReminderService *self,
                                        gboolean           enabled,
                                        guint              minute_of_day,
                                        guint              going_cold_days)
{
  g_return_if_fail (DG_IS_REMINDER_SERVICE (self));
  g_return_if_fail (minute_of_day < 24 * 60);

  enabled = !!enabled;
  going_cold_days = MAX (going_cold_days, 1);
  if (self->agenda_enabled == enabled && self->agenda_minute == minute_of_day
      && self->going_cold_days == going_cold_days)
    return;

  /* Turned on while running, after its time (as when the person just
   * chose to keep reminding): they are at the computer, so the first
   * agenda is the next morning's. At a start it is caught up instead. */
  if (enabled && !self->agenda_enabled)
    g_date_clear (&self->agenda_start_day, 1);
  if (enabled && !self->agenda_enabled && self->running)
    {
      g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (self->clock);
      g_autoptr(GDateTime) now = dg_clock_get_now_local (self->clock);
      g_autoptr(GDateTime) due = NULL;
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_dmy (&today,
                      g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now),
                      g_date_time_get_year (now));
      self->agenda_minute = minute_of_day;
      due = agenda_time_of_day (self, tz, &today);
      if (due == NULL || g_date_time_compare (now, due) >= 0)
        {
          self->agenda_start_day = today;
          g_date_add_days (&self->agenda_start_day, 1);
        }
    }

  self->agenda_enabled = enabled;
  self->agenda_minute = minute_of_day;
  self->going_cold_days = going_cold_days;
  dg_reminder_service_queue_check (self);
}

gboolean
dg_reminder_service_get_morning_agenda (DgReminderService *self)
{
  g_return_val_if_fail (DG_IS_REMINDER_SERVICE (self), FALSE);

  return self->agenda_enabled;
}
