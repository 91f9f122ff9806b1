/* dg-notifier.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "dg-format.h"
#include "dg-notifier.h"

#define NOTIFICATIONS_BUS_NAME "org.freedesktop.Notifications"
/* How many follow-ups the summary notification names before "and N more". */
#define SUMMARY_MAX_LINES      5

struct _DgNotifier
{
  GObject             parent_instance;

  DgReminderService  *service;
  /* Follow-up id (gint64 *) → the NotifyNotification on screen for it. */
  GHashTable         *notifications;
  NotifyNotification *summary;
  gulong              due_handler;
  gulong              changed_handler;
  guint               prune_id;
  guint               watch_id;

  /* The activation token of the action being answered, if the
   * notification service sent one. */
  char               *activation_token;

  guint               warned : 1;
};

G_DEFINE_FINAL_TYPE (DgNotifier, dg_notifier, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SERVICE,
  N_PROPS
};

enum {
  OPEN_FOLLOWUP,
  OPEN_TODAY,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static DgDatabase *
get_database (DgNotifier *self)
{
  return dg_reminder_service_get_database (self->service);
}

static DgClock *
get_clock (DgNotifier *self)
{
  return dg_reminder_service_get_clock (self->service);
}

static gint64
notification_get_followup_id (NotifyNotification *notification)
{
  gint64 *id = g_object_get_data (G_OBJECT (notification), "dg-followup-id");

  return id != NULL ? *id : 0;
}

char *
dg_notifier_format_summary (DgFollowup *followup)
{
  const char *customer;

  g_return_val_if_fail (DG_IS_FOLLOWUP (followup), NULL);

  customer = dg_followup_get_customer_name (followup);
  if (customer == NULL || customer[0] == '\0')
    return g_strdup (dg_followup_get_title (followup));

  /* Translators: the title of a reminder: the customer's name, then what
   * was promised, e.g. "김민수 — Call about the spring course". */
  return g_strdup_printf (_("%s — %s"), customer, dg_followup_get_title (followup));
}

static char *
format_due (DgFollowup *followup,
            DgClock    *clock)
{
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (clock);
  g_autoptr(GDateTime) now_utc = dg_clock_get_now_utc (clock);
  g_autoptr(GDateTime) now = g_date_time_to_timezone (now_utc, tz);
  g_autofree char *when = NULL;
  GDate today, due_day;

  if (!dg_followup_get_due_day (followup, tz, &due_day))
    return NULL;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));

  if (dg_followup_get_all_day (followup))
    {
      if (g_date_compare (&due_day, &today) == 0)
        return g_strdup (_("Due today"));

      when = dg_format_iso_date (dg_followup_get_due_date (followup));
    }
  else
    {
      g_autoptr(GDateTime) due = g_date_time_to_timezone (dg_followup_get_due_at (followup), tz);

      if (g_date_compare (&due_day, &today) == 0)
        {
          g_autofree char *time = g_date_time_format (due, "%H:%M");

          /* Translators: when a follow-up is due today; %s is the time of
           * day, e.g. "Due at 14:30". */
          return g_strdup_printf (_("Due at %s"), time);
        }

      /* Translators: a day and a time of day, in g_date_time_format()
       * notation: %H hours (00-23), %M minutes; the other codes are as in
       * the date format. Korean would use "%Y년 %-m월 %-d일 %H:%M". */
      when = g_date_time_format (due, _("%b %-d, %Y, %H:%M"));
    }

  /* Translators: when a follow-up that is not due today is due; %s is a
   * date, or a date and a time. */
  return g_strdup_printf (_("Due %s"), when);
}

char *
dg_notifier_format_body (DgFollowup *followup,
                         DgClock    *clock)
{
  g_autofree char *due = NULL;
  g_autofree char *text = NULL;
  const char *note;

  g_return_val_if_fail (DG_IS_FOLLOWUP (followup), NULL);
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);

  due = format_due (followup, clock);
  note = dg_followup_get_note (followup);

  if (note != NULL && note[0] != '\0')
    text = due != NULL ? g_strdup_printf ("%s\n%s", due, note) : g_strdup (note);
  else
    text = g_strdup (due != NULL ? due : "");

  /* Notification services read the body as markup: a name such as
   * "<Kim & Lee>" must reach the screen as it was typed. */
  return g_markup_escape_text (text, -1);
}

static char *
format_summary_body (GPtrArray *followups)
{
  g_autoptr(GString) body = g_string_new (NULL);
  guint shown = MIN (followups->len, SUMMARY_MAX_LINES);

  for (guint i = 0; i < shown; i++)
    {
      g_autofree char *line = dg_notifier_format_summary (g_ptr_array_index (followups, i));
      g_autofree char *escaped = g_markup_escape_text (line, -1);

      if (i > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, escaped);
    }

  if (followups->len > shown)
    {
      guint rest = followups->len - shown;

      g_string_append_c (body, '\n');
      /* Translators: the last line of a notification that lists due
       * follow-ups, when not all of them fit. */
      g_string_append_printf (body, ngettext ("and %u more", "and %u more", rest), rest);
    }

  return g_string_free (g_steal_pointer (&body), FALSE);
}

static gboolean
error_means_no_service (const GError *error)
{
  return g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN)
      || g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER)
      || g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND)
      || g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NO_SERVER)
      || error->domain == G_IO_ERROR;
}

/* A reminder that was not shown stays pending and is offered again, so
 * one line in the log says so rather than one per reminder and check. */
static void
report_failure (DgNotifier   *self,
                const GError *error)
{
  g_debug ("A reminder was not shown: %s", error->message);

  if (self->warned)
    return;

  self->warned = TRUE;
  if (error_means_no_service (error))
    g_warning ("No notification service is running; reminders will be shown when one is available");
  else
    g_warning ("Reminders could not be shown and will be tried again: %s", error->message);
}

static void
mark_shown (DgNotifier   *self,
            const gint64 *ids,
            guint         n_ids,
            GDateTime    *at)
{
  g_autoptr(GError) error = NULL;

  if (!dg_reminders_mark_notified_many (get_database (self), ids, n_ids, at, &error))
    g_warning ("Could not record that a reminder was shown: %s", error->message);
}

static void
on_notification_closed_cb (NotifyNotification *notification,
                           DgNotifier         *self)
{
  gint64 id = notification_get_followup_id (notification);

  if (notification == self->summary)
    {
      g_clear_object (&self->summary);
      return;
    }

  if (g_hash_table_lookup (self->notifications, &id) == notification)
    g_hash_table_remove (self->notifications, &id);
}

static void
complete_followup (DgNotifier *self,
                   gint64      id)
{
  g_autoptr(GError) error = NULL;

  if (!dg_followups_complete (get_database (self), get_clock (self), id, NULL, &error))
    g_warning ("Could not mark follow-up %" G_GINT64_FORMAT " done: %s", id, error->message);
}

static void
snooze_followup (DgNotifier *self,
                 gint64      id)
{
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (get_clock (self));
  g_autoptr(GDateTime) until = g_date_time_add_hours (now, 1);
  g_autoptr(GError) error = NULL;

  if (!dg_followups_snooze (get_database (self), get_clock (self), id, until, &error))
    g_warning ("Could not snooze follow-up %" G_GINT64_FORMAT ": %s", id, error->message);
}

/* libnotify holds the token only while the action's callback runs. */
static void
take_activation_token (DgNotifier         *self,
                       NotifyNotification *notification)
{
  g_free (self->activation_token);
  self->activation_token = g_strdup (notify_notification_get_activation_token (notification));
}

static void
on_followup_action_cb (NotifyNotification *notification,
                       char               *action,
                       gpointer            user_data)
{
  DgNotifier *self = DG_NOTIFIER (user_data);
  gint64 id = notification_get_followup_id (notification);

  g_debug ("Reminder action %s for follow-up %" G_GINT64_FORMAT, action, id);

  if (g_str_equal (action, "done"))
    complete_followup (self, id);
  else if (g_str_equal (action, "snooze"))
    snooze_followup (self, id);
  else
    {
      take_activation_token (self, notification);
      g_signal_emit (self, signals [OPEN_FOLLOWUP], 0, id);
      g_clear_pointer (&self->activation_token, g_free);
    }
}

static void
on_summary_action_cb (NotifyNotification *notification,
                      char               *action,
                      gpointer            user_data)
{
  DgNotifier *self = DG_NOTIFIER (user_data);

  take_activation_token (self, notification);
  g_signal_emit (self, signals [OPEN_TODAY], 0);
  g_clear_pointer (&self->activation_token, g_free);
}

const char *
dg_notifier_get_activation_token (DgNotifier *self)
{
  g_return_val_if_fail (DG_IS_NOTIFIER (self), NULL);

  return self->activation_token;
}

/* Sets what every Dangol notification shares. */
static void
prepare_notification (NotifyNotification *notification)
{
  notify_notification_clear_actions (notification);
  notify_notification_clear_hints (notification);
  notify_notification_set_hint_string (notification, "desktop-entry", APPLICATION_ID);
  notify_notification_set_category (notification, "x-dangol.reminder");
  notify_notification_set_urgency (notification, NOTIFY_URGENCY_NORMAL);
  /* A reminder waits to be seen rather than passing while no one looks. */
  notify_notification_set_timeout (notification, NOTIFY_EXPIRES_NEVER);
}

static NotifyNotification *
new_notification (DgNotifier *self,
                  const char *summary,
                  const char *body)
{
  NotifyNotification *notification;

  notification = notify_notification_new (summary, body, APPLICATION_ID);
  g_signal_connect_object (notification, "closed",
                           G_CALLBACK (on_notification_closed_cb),
                           self, 0);

  return notification;
}

static gboolean
show_one (DgNotifier *self,
          DgFollowup *followup,
          GDateTime  *now)
{
  g_autoptr(GError) error = NULL;
  NotifyNotification *created = NULL;
  g_autofree char *summary = dg_notifier_format_summary (followup);
  g_autofree char *body = dg_notifier_format_body (followup, get_clock (self));
  NotifyNotification *notification;
  gint64 id = dg_followup_get_id (followup);

  /* A follow-up reminded again (after a snooze) replaces its old
   * notification instead of adding a second one. */
  notification = g_hash_table_lookup (self->notifications, &id);
  if (notification != NULL)
    notify_notification_update (notification, summary, body, APPLICATION_ID);
  else
    {
      notification = created = new_notification (self, summary, body);
      g_object_set_data_full (G_OBJECT (notification), "dg-followup-id",
                              g_memdup2 (&id, sizeof id), g_free);
    }

  prepare_notification (notification);
  notify_notification_add_action (notification, "done", _("Done"),
                                  on_followup_action_cb, self, NULL);
  notify_notification_add_action (notification, "snooze", _("Snooze 1 Hour"),
                                  on_followup_action_cb, self, NULL);
  notify_notification_add_action (notification, "open", _("Open"),
                                  on_followup_action_cb, self, NULL);
  /* Clicking the notification itself opens it too. */
  notify_notification_add_action (notification, "default", _("Open"),
                                  on_followup_action_cb, self, NULL);

  if (!notify_notification_show (notification, &error))
    {
      report_failure (self, error);
      g_clear_object (&created);
      return FALSE;
    }

  self->warned = FALSE;
  if (created != NULL)
    g_hash_table_insert (self->notifications, g_memdup2 (&id, sizeof id), created);

  mark_shown (self, &id, 1, now);

  return TRUE;
}

static gboolean
show_summary (DgNotifier *self,
              GPtrArray  *followups,
              GDateTime  *now)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;
  g_autofree gint64 *ids = NULL;

  summary = g_strdup_printf (ngettext ("%u follow-up is due", "%u follow-ups are due", followups->len),
                             followups->len);
  body = format_summary_body (followups);

  if (self->summary != NULL)
    notify_notification_update (self->summary, summary, body, APPLICATION_ID);
  else
    self->summary = new_notification (self, summary, body);

  prepare_notification (self->summary);
  notify_notification_add_action (self->summary, "open", _("Open"),
                                  on_summary_action_cb, self, NULL);
  notify_notification_add_action (self->summary, "default", _("Open"),
                                  on_summary_action_cb, self, NULL);

  if (!notify_notification_show (self->summary, &error))
    {
      report_failure (self, error);
      g_clear_object (&self->summary);
      return FALSE;
    }

  self->warned = FALSE;

  ids = g_new (gint64, followups->len);
  for (guint i = 0; i < followups->len; i++)
    ids[i] = dg_followup_get_id (g_ptr_array_index (followups, i));
  mark_shown (self, ids, followups->len, now);

  return TRUE;
}

void
dg_notifier_show (DgNotifier *self,
                  GPtrArray  *followups)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (DG_IS_NOTIFIER (self));
  g_return_if_fail (followups != NULL);

  if (followups->len == 0)
    return;

  now = dg_clock_get_now_utc (get_clock (self));

  if (followups->len > DG_NOTIFIER_MAX_SINGLE)
    {
      show_summary (self, followups, now);
      return;
    }

  for (guint i = 0; i < followups->len; i++)
    {
      /* Without a service the rest would fail the same way. */
      if (!show_one (self, g_ptr_array_index (followups, i), now))
        break;
    }
}

guint
dg_notifier_get_notification_id (DgNotifier *self,
                                 gint64      followup_id)
{
  NotifyNotification *notification;
  int id = 0;

  g_return_val_if_fail (DG_IS_NOTIFIER (self), 0);

  if (followup_id == 0)
    notification = self->summary;
  else
    notification = g_hash_table_lookup (self->notifications, &followup_id);

  if (notification != NULL)
    g_object_get (notification, "id", &id, NULL);

  return (guint) id;
}

DgReminderService *
dg_notifier_get_service (DgNotifier *self)
{
  g_return_val_if_fail (DG_IS_NOTIFIER (self), NULL);

  return self->service;
}

/* A follow-up done, cancelled or deleted in the window no longer needs
 * its reminder on screen, where Snooze could not work any more. */
static gboolean
prune_notifications_cb (gpointer user_data)
{
  DgNotifier *self = user_data;
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer key, value;

  self->prune_id = 0;

  g_hash_table_iter_init (&iter, self->notifications);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(DgFollowup) followup = NULL;
      g_autoptr(GError) error = NULL;

      followup = dg_followups_get (get_database (self), *(gint64 *) key, &error);
      if (followup == NULL && !g_error_matches (error, DG_ERROR, DG_ERROR_NOT_FOUND))
        continue;

      if (followup == NULL || dg_followup_get_status (followup) != DG_FOLLOWUP_STATUS_OPEN)
        {
          g_ptr_array_add (stale, g_object_ref (value));
          g_hash_table_iter_remove (&iter);
        }
    }

  for (guint i = 0; i < stale->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!notify_notification_close (g_ptr_array_index (stale, i), &error))
        g_debug ("A reminder could not be withdrawn: %s", error->message);
    }

  return G_SOURCE_REMOVE;
}

static void
on_followups_changed_cb (DgDatabase *db,
                         const char *table,
                         DgNotifier *self)
{
  if (self->prune_id == 0 && g_hash_table_size (self->notifications) > 0)
    self->prune_id = g_idle_add (prune_notifications_cb, self);
}

static void
on_service_due_cb (DgReminderService *service,
                   GPtrArray         *followups,
                   DgNotifier        *self)
{
  dg_notifier_show (self, followups);
}

static void
on_name_appeared_cb (GDBusConnection *connection,
                     const char      *name,
                     const char      *name_owner,
                     gpointer         user_data)
{
  DgNotifier *self = user_data;

  /* What could not be shown while no one listened is shown now. */
  g_debug ("Notification service %s appeared", name_owner);
  dg_reminder_service_queue_check (self->service);
}

static void
on_name_vanished_cb (GDBusConnection *connection,
                     const char      *name,
                     gpointer         user_data)
{
  DgNotifier *self = user_data;

  /* Its notifications went with it; their actions cannot come any more. */
  g_hash_table_remove_all (self->notifications);
  g_clear_object (&self->summary);
}

static void
dg_notifier_constructed (GObject *object)
{
  DgNotifier *self = (DgNotifier *)object;

  G_OBJECT_CLASS (dg_notifier_parent_class)->constructed (object);

  /* libnotify keeps the first name it is given for the whole process. */
  notify_init (_("Dangol"));

  self->due_handler = g_signal_connect (self->service, "due",
                                        G_CALLBACK (on_service_due_cb), self);
  self->changed_handler = g_signal_connect (get_database (self), "changed::followups",
                                            G_CALLBACK (on_followups_changed_cb), self);
  self->watch_id = g_bus_watch_name (G_BUS_TYPE_SESSION,
                                     NOTIFICATIONS_BUS_NAME,
                                     G_BUS_NAME_WATCHER_FLAGS_NONE,
                                     on_name_appeared_cb,
                                     on_name_vanished_cb,
                                     self, NULL);
}

static void
dg_notifier_dispose (GObject *object)
{
  DgNotifier *self = (DgNotifier *)object;

  g_clear_handle_id (&self->watch_id, g_bus_unwatch_name);
  g_clear_handle_id (&self->prune_id, g_source_remove);
  if (self->service != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, get_database (self));
      g_clear_signal_handler (&self->due_handler, self->service);
    }
  if (self->notifications != NULL)
    g_hash_table_remove_all (self->notifications);
  g_clear_object (&self->summary);
  g_clear_object (&self->service);

  G_OBJECT_CLASS (dg_notifier_parent_class)->dispose (object);
}

static void
dg_notifier_finalize (GObject *object)
{
  DgNotifier *self = (DgNotifier *)object;

  g_clear_pointer (&self->notifications, g_hash_table_unref);
  g_free (self->activation_token);

  G_OBJECT_CLASS (dg_notifier_parent_class)->finalize (object);
}

static void
dg_notifier_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DgNotifier *self = DG_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_SERVICE:
      g_value_set_object (value, self->service);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_notifier_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  DgNotifier *self = DG_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_SERVICE:
      self->service = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_notifier_class_init (DgNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = dg_notifier_constructed;
  object_class->dispose = dg_notifier_dispose;
  object_class->finalize = dg_notifier_finalize;
  object_class->get_property = dg_notifier_get_property;
  object_class->set_property = dg_notifier_set_property;

  properties [PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL,
                         DG_TYPE_REMINDER_SERVICE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DgNotifier::open-followup:
   * @followup_id: the follow-up whose reminder was opened
   *
   * The person asked to see the follow-up (Open, or a click on the
   * notification).
   */
  signals [OPEN_FOLLOWUP] =
    g_signal_new ("open-followup",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * DgNotifier::open-today:
   *
   * The person opened the notification that lists several reminders.
   */
  signals [OPEN_TODAY] =
    g_signal_new ("open-today",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
dg_notifier_init (DgNotifier *self)
{
  self->notifications = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                               g_free, g_object_unref);
}

DgNotifier *
dg_notifier_new (DgReminderService *service)
{
  g_return_val_if_fail (DG_IS_REMINDER_SERVICE (service), NULL);

  return g_object_new (DG_TYPE_NOTIFIER,
                       "service", service,
                       NULL);
}
