/* dg-application-reminders.c
 *
 * What the instance that reminds starts: the notifiers of follow-ups and
 * of the morning agenda, the daily automatic backup, and the watch on the
 * system's sleep, after which the reminders catch up.
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include "dg-application-private.h"
#include "dg-notifier.h"
#include "dg-window.h"

static void
on_notifier_open_followup_cb (DgNotifier    *notifier,
                              gint64         followup_id,
                              DgApplication *self)
{
  g_autoptr(DgFollowup) followup = NULL;
  DgWindow *window;

  _dg_application_set_startup_id (self, dg_notifier_get_activation_token (notifier));
  window = _dg_application_present_window (self);

  /* A reminder about someone is opened on that person's page, where the
   * history and the way to reach them are; one for no one in particular
   * on the follow-up itself. */
  followup = dg_followups_get (dg_context_get_database (self->context), followup_id, NULL);
  if (followup != NULL && dg_followup_get_customer_id (followup) != 0)
    dg_window_show_customer (window, dg_followup_get_customer_id (followup));
  else
    dg_window_show_followup (window, followup_id);
}

static void
on_notifier_open_today_cb (DgNotifier    *notifier,
                           DgApplication *self)
{
  _dg_application_set_startup_id (self, dg_notifier_get_activation_token (notifier));
  dg_window_show_today (_dg_application_present_window (self));
}

static void
on_agenda_open_today_cb (DgAgendaNotifier *notifier,
                         DgApplication    *self)
{
  dg_window_show_today (_dg_application_present_window (self));
}

static void
on_prepare_for_sleep_cb (GDBusConnection *connection,
                         const char      *sender_name,
                         const char      *object_path,
                         const char      *interface_name,
                         const char      *signal_name,
                         GVariant        *parameters,
                         gpointer         user_data)
{
  DgApplication *self = user_data;
  gboolean going_to_sleep = TRUE;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;

  g_variant_get (parameters, "(b)", &going_to_sleep);

  /* The reminder timer slept with the computer: what fell due meanwhile
   * is shown at once instead of at the next safety-net check. */
  if (!going_to_sleep && self->context != NULL)
    dg_clock_changed (dg_context_get_clock (self->context));
}

static void
on_system_bus_ready_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(DgApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  self->system_bus = g_bus_get_finish (result, &error);
  if (self->system_bus == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No system bus, resumes are noticed by the next check: %s", error->message);
      return;
    }

  self->sleep_subscription =
    g_dbus_connection_signal_subscribe (self->system_bus,
                                        "org.freedesktop.login1",
                                        "org.freedesktop.login1.Manager",
                                        "PrepareForSleep",
                                        "/org/freedesktop/login1",
                                        NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        on_prepare_for_sleep_cb,
                                        self, NULL);
}

/* How long after the start the daily backup looks whether today's was
 * made. */
#define BACKUP_START_DELAY_SECONDS 10

static gboolean
start_backup_auto_cb (gpointer user_data)
{
  DgApplication *self = user_data;

  self->backup_start_id = 0;
  dg_backup_auto_start (self->backup_auto);

  return G_SOURCE_REMOVE;
}

void
dg_application_start_reminders (DgApplication *self)
{
  g_return_if_fail (DG_IS_APPLICATION (self));

  if (self->context == NULL || self->reminders != NULL)
    return;

  self->reminders = dg_reminder_service_new (dg_context_get_database (self->context),
                                             dg_context_get_clock (self->context));
  self->notifier = dg_notifier_new (self->reminders);
  g_signal_connect_object (self->notifier, "open-followup",
                           G_CALLBACK (on_notifier_open_followup_cb),
                           self, 0);
  g_signal_connect_object (self->notifier, "open-today",
                           G_CALLBACK (on_notifier_open_today_cb),
                           self, 0);
  self->agenda_notifier = dg_agenda_notifier_new (self->reminders);
  g_signal_connect_object (self->agenda_notifier, "open-today",
                           G_CALLBACK (on_agenda_open_today_cb),
                           self, 0);

  _dg_application_apply_morning_agenda (self);
  dg_reminder_service_start (self->reminders);

  /* Birthday follow-ups are made by the instance that reminds, window or
   * not, as many days ahead as the preference says. */
  self->birthday_followups = dg_birthday_followups_new (dg_context_get_database (self->context),
                                                        dg_context_get_clock (self->context));
  if (self->settings != NULL)
    g_settings_bind (self->settings, "birthday-followup-days",
                     self->birthday_followups, "days-before",
                     G_SETTINGS_BIND_GET);
  dg_birthday_followups_start (self->birthday_followups);

  /* So is the daily backup: the instance that runs all day writes it. */
  self->backup_auto = dg_backup_auto_new (dg_context_get_database (self->context),
                                          dg_context_get_clock (self->context));
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "backup-enabled", self->backup_auto, "enabled",
                       G_SETTINGS_BIND_GET);
      g_settings_bind (self->settings, "backup-folder", self->backup_auto, "folder",
                       G_SETTINGS_BIND_GET);
      g_settings_bind (self->settings, "backup-keep", self->backup_auto, "keep",
                       G_SETTINGS_BIND_GET);
    }
  /* Not in the first seconds, while the window builds its first frame
   * and the reminders catch up: a backup reads the whole database. */
  self->backup_start_id = g_timeout_add_seconds (BACKUP_START_DELAY_SECONDS,
                                                 start_backup_auto_cb, self);

  g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable,
             on_system_bus_ready_cb, g_object_ref (self));

  _dg_application_update_hold (self);
}
