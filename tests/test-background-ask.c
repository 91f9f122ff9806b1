/* test-background-ask.c
 *
 * The question asked at the first close: the window is closed while
 * follow-ups are still to come and running in the background is off, and
 * a dialog asks whether to keep reminding. It comes once and only then:
 * not with nothing to come, not with the setting already on, not once
 * answered. Keep Reminding turns the setting on, writes the autostart entry
 * (or, in a sandbox, asks the Background portal, here python3-dbusmock
 * with tests/portal-background.py) and keeps the app running without a
 * window; Not Now is remembered and the app ends as before. Each case runs
 * the app through g_application_run(), as main() does, on a bus of its own
 * and a fake clock; the dialog is saved as a screenshot. Last, the
 * morning agenda's rows in Preferences.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>
#include <signal.h>

#include "dg-application.h"
#include "dg-autostart.h"
#include "dg-preferences-window.h"
#include "dg-test-util.h"
#include "dg-ui-test-util.h"
#include "dg-window.h"

#define PORTAL_NAME     "org.freedesktop.portal.Desktop"
#define PORTAL_PATH     "/org/freedesktop/portal/desktop"
#define MOCK_INTERFACE  "org.freedesktop.DBus.Mock"
#define MOCK_TIMEOUT_USEC (60 * G_USEC_PER_SEC)

static GTestDBus *test_bus;
static GDBusConnection *connection;
static GSettings *settings;
static DgFakeClock *fake_clock;
static char *db_path;

static GSubprocess *mock;
static gboolean mock_exited;
static char *portal_owner;

typedef enum
{
  ANSWER_NONE,      /* no dialog is expected */
  ANSWER_KEEP,
  ANSWER_NOT_NOW,
  ANSWER_ESCAPE,    /* Escape, then Not Now at the second close */
} Answer;

typedef struct
{
  DgApplication *app;
  Answer         answer;
  gboolean       use_portal;
  const char    *screenshot;
  /* What to wait for once the window went, before the app may be ended. */
  gboolean     (*settle) (void);

  guint          n_dialogs;
  gboolean       shut_down;
  gboolean       ran_after_close;
  gboolean       timed_out;
  guint          after_close_id;
} Run;

static gboolean
on_timeout_cb (gpointer user_data)
{
  Run *run = user_data;

  run->timed_out = TRUE;
  g_application_quit (G_APPLICATION (run->app));

  return G_SOURCE_REMOVE;
}

static gboolean
after_close_cb (gpointer user_data)
{
  Run *run = user_data;

  run->after_close_id = 0;
  if (run->shut_down)
    return G_SOURCE_REMOVE;

  /* Still running with no window: it stays for the reminders. Quit ends
   * it for the next case. */
  run->ran_after_close = TRUE;
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (run->app)));
  g_action_group_activate_action (G_ACTION_GROUP (run->app), "quit", NULL);

  return G_SOURCE_REMOVE;
}

static AdwMessageDialog *
wait_for_dialog (Run *run)
{
  AdwMessageDialog *dialog = NULL;

  dg_ui_test_wait_for ((dialog = (AdwMessageDialog *) dg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  run->n_dialogs++;

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Keep Reminding When Dangol Is Closed?"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "keep"), ==, _("_Keep Reminding"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "not-now"), ==, _("_Not Now"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "keep");

  return dialog;
}

/* Answers as a click on the button does. */
static void
answer_dialog (AdwMessageDialog *dialog,
               const char       *label)
{
  GtkWidget *button = dg_ui_test_find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
script_cb (gpointer user_data)
{
  Run *run = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (run->app));

  g_assert_true (DG_IS_WINDOW (window));
  gtk_window_set_default_size (window, 900, 600);
  dg_ui_test_wait_painted (GTK_WIDGET (window), 1);

  gtk_window_close (window);

  if (run->answer != ANSWER_NONE)
    {
      AdwMessageDialog *dialog = wait_for_dialog (run);

      /* The window waits for the answer. */
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
      g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == window);

      if (run->screenshot != NULL)
        {
          g_autofree char *path = NULL;

          dg_ui_test_wait_painted (GTK_WIDGET (dialog), 1);
          path = dg_ui_test_screenshot (GTK_WIDGET (dialog), run->screenshot);
          g_assert_nonnull (path);
        }

      if (run->answer == ANSWER_ESCAPE)
        {
          /* Escape is no answer: the window stays, and the next close
           * asks again. */
          gtk_window_close (GTK_WINDOW (dialog));
          dg_ui_test_wait_for (dg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) == NULL);
          g_assert_false (g_settings_get_boolean (settings, "background-asked"));
          g_assert_true (gtk_application_get_windows (GTK_APPLICATION (run->app)) != NULL);

          gtk_window_close (window);
          dialog = wait_for_dialog (run);
          answer_dialog (dialog, _("_Not Now"));
        }
      else
        answer_dialog (dialog, run->answer == ANSWER_KEEP ? _("_Keep Reminding") : _("_Not Now"));
    }

  /* The window goes (after the dialog, when there was one); a later
   * iteration of the app's loop comes only when the app did not end. */
  dg_ui_test_wait_for (gtk_application_get_windows (GTK_APPLICATION (run->app)) == NULL);
  if (run->settle != NULL)
    dg_ui_test_wait_for (run->settle ());
  run->after_close_id = g_idle_add (after_close_cb, run);

  return G_SOURCE_REMOVE;
}

static void
on_window_added_cb (GtkApplication *application,
                    GtkWindow      *window,
                    Run            *run)
{
  if (DG_IS_WINDOW (window))
    g_idle_add (script_cb, run);
}

static void
on_shutdown_cb (GApplication *application,
                Run          *run)
{
  run->shut_down = TRUE;
}

static void
run_app (Run *run)
{
  char *argv[] = { (char *) "dangol", (char *) "--db", db_path, NULL };
  guint timeout;
  int status;

  run->app = dg_application_new ();
  g_application_set_flags (G_APPLICATION (run->app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  dg_application_set_clock (run->app, DG_CLOCK (fake_clock));
  dg_application_set_use_background_portal (run->app, run->use_portal);
  g_signal_connect (run->app, "window-added", G_CALLBACK (on_window_added_cb), run);
  g_signal_connect (run->app, "shutdown", G_CALLBACK (on_shutdown_cb), run);
  timeout = g_timeout_add_seconds (90, on_timeout_cb, run);

  status = g_application_run (G_APPLICATION (run->app), G_N_ELEMENTS (argv) - 1, argv);

  g_assert_false (run->timed_out);
  g_source_remove (timeout);
  g_clear_handle_id (&run->after_close_id, g_source_remove);
  g_assert_cmpint (status, ==, 0);
  g_clear_object (&run->app);
}

static void
reset_settings (gboolean run_in_background,
                gboolean asked)
{
  g_settings_set_boolean (settings, "run-in-background", run_in_background);
  g_settings_set_boolean (settings, "background-asked", asked);
  g_assert_true (dg_autostart_set_enabled (run_in_background, NULL));
}

static gboolean
autostart_installed (void)
{
  g_autofree char *path = dg_autostart_get_path ();
  g_autofree char *template_path = dg_autostart_get_template_path ();
  g_autoptr(GBytes) written = dg_test_read_file (path);
  g_autoptr(GBytes) expected = dg_test_read_file (template_path);

  return written != NULL && expected != NULL && g_bytes_equal (written, expected);
}

static gint64
add_followup (const char *title,
              int         days_from_now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = dg_database_open (db_path, &error);
  g_autoptr(DgFollowup) followup = dg_followup_new ();
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (DG_CLOCK (fake_clock));
  g_autoptr(GDateTime) due = g_date_time_add_days (now, days_from_now);

  g_assert_no_error (error);
  dg_followup_set_title (followup, title);
  dg_followup_set_due_at (followup, due);
  g_assert_true (dg_followups_insert (db, DG_CLOCK (fake_clock), followup, &error));
  g_assert_no_error (error);

  /* Its reminder was shown back then: there is no notification service
   * on this bus. */
  if (days_from_now < 0)
    {
      g_assert_true (dg_reminders_mark_notified (db, dg_followup_get_id (followup), now, &error));
      g_assert_no_error (error);
    }

  return dg_followup_get_id (followup);
}

/* Nothing to come: no question, and the app ends with its window. */
static void
test_nothing_to_come (void)
{
  Run run = { .answer = ANSWER_NONE };

  reset_settings (FALSE, FALSE);
  add_followup ("Called yesterday", -1);

  run_app (&run);
  g_assert_cmpuint (run.n_dialogs, ==, 0);
  g_assert_false (run.ran_after_close);
  g_assert_false (g_settings_get_boolean (settings, "background-asked"));
}

static void
test_keep_reminding (void)
{
  Run run = { .answer = ANSWER_KEEP, .screenshot = "background-ask" };

  reset_settings (FALSE, FALSE);
  add_followup ("Call about the spring course", 2);

  run_app (&run);
  g_assert_cmpuint (run.n_dialogs, ==, 1);
  /* It went on running with no window, for the reminders… */
  g_assert_true (run.ran_after_close);
  /* …with the setting on, the answer kept and the autostart entry there. */
  g_assert_true (g_settings_get_boolean (settings, "run-in-background"));
  g_assert_true (g_settings_get_boolean (settings, "background-asked"));
  g_assert_true (autostart_installed ());
}

/* Asked once: not again after Keep Reminding was turned off in
 * Preferences. */
static void
test_asked_before (void)
{
  Run run = { .answer = ANSWER_NONE };

  reset_settings (FALSE, TRUE);

  run_app (&run);
  g_assert_cmpuint (run.n_dialogs, ==, 0);
  g_assert_false (run.ran_after_close);
  g_assert_false (g_settings_get_boolean (settings, "run-in-background"));
}

/* Already on: nothing to ask, the app stays. */
static void
test_already_in_background (void)
{
  Run run = { .answer = ANSWER_NONE };

  reset_settings (TRUE, FALSE);

  run_app (&run);
  g_assert_cmpuint (run.n_dialogs, ==, 0);
  g_assert_true (run.ran_after_close);
  g_assert_false (g_settings_get_boolean (settings, "background-asked"));
}

static void
test_not_now (void)
{
  Run run = { .answer = ANSWER_NOT_NOW };

  reset_settings (FALSE, FALSE);

  run_app (&run);
  g_assert_cmpuint (run.n_dialogs, ==, 1);
  /* The app ended with its window, as before; the answer is kept. */
  g_assert_false (run.ran_after_close);
  g_assert_true (g_settings_get_boolean (settings, "background-asked"));
  g_assert_false (g_settings_get_boolean (settings, "run-in-background"));
  g_assert_false (dg_autostart_get_enabled ());

  /* Declining loses no reminder: the one to come stays pending, and the
   * next start catches it up once it fell due while Dangol was closed
   * (shown: test-notifications' restart case). */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DgDatabase) db = dg_database_open (db_path, &error);
    g_autoptr(GDateTime) now = dg_clock_get_now_utc (DG_CLOCK (fake_clock));
    g_autoptr(GDateTime) next_week = g_date_time_add_days (now, 7);
    g_autoptr(GPtrArray) due = NULL;
    gboolean found = FALSE;

    g_assert_no_error (error);
    due = dg_reminders_collect_due (db, next_week, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < due->len; i++)
      found |= g_str_equal (dg_followup_get_title (g_ptr_array_index (due, i)), "Call about the spring course");
    g_assert_true (found);
  }

  /* And not asked again. */
  {
    Run again = { .answer = ANSWER_NONE };

    run_app (&again);
    g_assert_cmpuint (again.n_dialogs, ==, 0);
    g_assert_false (again.ran_after_close);
  }
}

static void
test_escape_asks_again (void)
{
  Run run = { .answer = ANSWER_ESCAPE };

  reset_settings (FALSE, FALSE);

  run_app (&run);
  g_assert_cmpuint (run.n_dialogs, ==, 2);
  g_assert_false (run.ran_after_close);
  g_assert_true (g_settings_get_boolean (settings, "background-asked"));
}

/* In a sandbox with no portal on the bus: the autostart entry, as
 * outside one. */
static void
test_no_portal_falls_back (void)
{
  Run run = { .answer = ANSWER_KEEP, .use_portal = TRUE, .settle = autostart_installed };

  reset_settings (FALSE, FALSE);
  g_assert_null (portal_owner);

  run_app (&run);
  g_assert_true (run.ran_after_close);
  g_assert_true (g_settings_get_boolean (settings, "run-in-background"));
  dg_ui_test_wait_for (autostart_installed ());
}

static void
on_portal_appeared_cb (GDBusConnection *bus_connection,
                       const char      *name,
                       const char      *owner,
                       gpointer         user_data)
{
  g_free (portal_owner);
  portal_owner = g_strdup (owner);
}

static void
on_portal_vanished_cb (GDBusConnection *bus_connection,
                       const char      *name,
                       gpointer         user_data)
{
  g_clear_pointer (&portal_owner, g_free);
}

static void
on_mock_exited_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  mock_exited = TRUE;
}

static void
start_portal (const char *response)
{
  g_autofree char *template = g_test_build_filename (G_TEST_DIST, "portal-background.py", NULL);
  g_autofree char *parameters = g_strdup_printf ("{\"response\": %s}", response);
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + MOCK_TIMEOUT_USEC;

  g_assert_null (mock);
  mock_exited = FALSE;
  mock = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                           "/usr/bin/python3", "-m", "dbusmock", "--session",
                           "-t", template, "-p", parameters, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (mock, NULL, on_mock_exited_cb, NULL);

  while (portal_owner == NULL && !mock_exited && dg_ui_test_iterate (deadline))
    ;
  if (portal_owner == NULL)
    g_error ("The Background portal mock (/usr/bin/python3 -m dbusmock -t %s) did not "
             "start: is python3-dbusmock installed?", template);
}

static void
stop_portal (void)
{
  gint64 deadline = g_get_monotonic_time () + MOCK_TIMEOUT_USEC;

  if (mock == NULL)
    return;

  g_subprocess_send_signal (mock, SIGTERM);
  while (!mock_exited)
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&mock);
  while (portal_owner != NULL && dg_ui_test_iterate (deadline))
    ;
  g_assert_null (portal_owner);
}

/* The RequestBackground calls the portal received: their options. */
static GPtrArray *
get_portal_requests (void)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) calls = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);

  reply = g_dbus_connection_call_sync (connection, PORTAL_NAME, PORTAL_PATH,
                                       MOCK_INTERFACE, "GetMethodCalls",
                                       g_variant_new ("(s)", "RequestBackground"),
                                       G_VARIANT_TYPE ("(a(tav))"), G_DBUS_CALL_FLAGS_NONE,
                                       -1, NULL, &error);
  g_assert_no_error (error);
  calls = g_variant_get_child_value (reply, 0);

  for (gsize i = 0; i < g_variant_n_children (calls); i++)
    {
      g_autoptr(GVariant) entry = g_variant_get_child_value (calls, i);
      g_autoptr(GVariant) args = g_variant_get_child_value (entry, 1);
      g_autoptr(GVariant) boxed = g_variant_get_child_value (args, 1);

      g_ptr_array_add (result, g_variant_get_variant (boxed));
    }

  return result;
}

static gboolean
portal_was_asked (void)
{
  g_autoptr(GPtrArray) requests = get_portal_requests ();

  return requests->len > 0;
}

static gboolean
background_turned_off (void)
{
  return !g_settings_get_boolean (settings, "run-in-background");
}

static void
test_portal (void)
{
  Run run = { .answer = ANSWER_KEEP, .use_portal = TRUE, .settle = portal_was_asked };
  g_autoptr(GPtrArray) requests = NULL;
  g_autofree const char **commandline = NULL;
  GVariant *options;
  gboolean autostart = FALSE;
  const char *reason = NULL;
  const char *token = NULL;

  reset_settings (FALSE, FALSE);
  g_assert_true (dg_autostart_set_enabled (FALSE, NULL));
  start_portal ("0");

  run_app (&run);
  g_assert_true (run.ran_after_close);
  g_assert_true (g_settings_get_boolean (settings, "run-in-background"));

  requests = get_portal_requests ();
  g_assert_cmpuint (requests->len, ==, 1);
  options = g_ptr_array_index (requests, 0);
  g_assert_true (g_variant_lookup (options, "autostart", "b", &autostart));
  g_assert_true (autostart);
  g_assert_true (g_variant_lookup (options, "commandline", "^a&s", &commandline));
  g_assert_cmpstr (commandline[0], ==, "dangol");
  g_assert_cmpstr (commandline[1], ==, "--background");
  g_assert_null (commandline[2]);
  g_assert_true (g_variant_lookup (options, "reason", "&s", &reason));
  g_assert_cmpstr (reason, ==, _("Show follow-up reminders while the Dangol window is closed"));
  g_assert_true (g_variant_lookup (options, "handle_token", "&s", &token));

  /* The portal starts it at login: no entry of Dangol's own. */
  g_assert_false (dg_autostart_get_enabled ());

  stop_portal ();
}

/* Declined in the desktop's own dialog: the setting goes back off, and
 * the app ends with its window as it did before. */
static void
test_portal_declined (void)
{
  Run run = { .answer = ANSWER_KEEP, .use_portal = TRUE, .settle = background_turned_off };
  g_autoptr(GPtrArray) requests = NULL;

  reset_settings (FALSE, FALSE);
  start_portal ("1");

  run_app (&run);
  requests = get_portal_requests ();
  g_assert_cmpuint (requests->len, >=, 1);
  g_assert_false (g_settings_get_boolean (settings, "run-in-background"));
  g_assert_true (g_settings_get_boolean (settings, "background-asked"));
  g_assert_false (dg_autostart_get_enabled ());

  stop_portal ();
}

/* The morning agenda's rows in Preferences: they follow the settings,
 * the time reads as a time of day, and the reminders give the agenda only
 * while both it and running in the background are on. */
static void
test_preferences_agenda (void)
{
  g_autoptr(DgApplication) app = dg_application_new ();
  g_autoptr(GError) error = NULL;
  DgPreferencesWindow *preferences = NULL;
  DgReminderService *service;
  GtkWidget *agenda_group, *agenda_switch, *time_row, *time_spin;
  GtkWindow *window;

  /* Before the agenda's time: there is no notification service here. */
  {
    g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (DG_CLOCK (fake_clock));
    g_autoptr(GDateTime) early = dg_test_local_time (tz, 2026, 11, 25, 7, 0);

    dg_fake_clock_set_now (fake_clock, early);
  }
  reset_settings (FALSE, TRUE);
  g_settings_reset (settings, "morning-agenda");
  g_settings_reset (settings, "morning-agenda-time");

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  dg_application_set_clock (app, DG_CLOCK (fake_clock));
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  dg_ui_test_settle_gtk ();
  g_assert_true (dg_application_open_database (app, db_path, &error));
  dg_application_start_reminders (app);
  service = dg_notifier_get_service (dg_application_get_notifier (app));

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (DG_IS_WINDOW (window));

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  dg_ui_test_wait_for ((preferences = (DgPreferencesWindow *) dg_ui_test_find_window (DG_TYPE_PREFERENCES_WINDOW)) != NULL);
  gtk_window_set_default_size (GTK_WINDOW (preferences), 600, 720);

  agenda_group = dg_ui_test_find_by_id (GTK_WIDGET (preferences), "agenda_group");
  agenda_switch = dg_ui_test_find_by_id (GTK_WIDGET (preferences), "agenda_switch");
  time_row = dg_ui_test_find_by_id (GTK_WIDGET (preferences), "agenda_time_row");
  time_spin = dg_ui_test_find_by_id (GTK_WIDGET (preferences), "agenda_time_spin");
  g_assert_nonnull (agenda_group);
  g_assert_nonnull (agenda_switch);
  g_assert_nonnull (time_row);
  g_assert_nonnull (time_spin);

  /* On by default, at 8:30, but only once reminders run in the
   * background. */
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (agenda_switch)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (time_spin)), ==, "08:30");
  g_assert_false (gtk_widget_get_sensitive (agenda_group));
  g_assert_false (dg_reminder_service_get_morning_agenda (service));

  g_settings_set_boolean (settings, "run-in-background", TRUE);
  dg_ui_test_wait_for (gtk_widget_get_sensitive (agenda_group));
  dg_ui_test_wait_for (dg_reminder_service_get_morning_agenda (service));
  g_assert_true (gtk_widget_get_sensitive (time_row));
  dg_ui_test_wait_painted (GTK_WIDGET (preferences), 1);
  {
    g_autofree char *path = dg_ui_test_screenshot (GTK_WIDGET (preferences), "preferences-agenda");

    g_assert_nonnull (path);
  }

  /* A time typed as a time of day. */
  gtk_editable_set_text (GTK_EDITABLE (time_spin), "7:45");
  gtk_spin_button_update (GTK_SPIN_BUTTON (time_spin));
  g_assert_cmpint (g_settings_get_int (settings, "morning-agenda-time"), ==, 7 * 60 + 45);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (time_spin)), ==, "07:45");
  g_settings_set_int (settings, "morning-agenda-time", 9 * 60);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (time_spin)), ==, "09:00");

  /* Off: no agenda, and no time to set. */
  gtk_switch_set_active (GTK_SWITCH (agenda_switch), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "morning-agenda"));
  g_assert_false (gtk_widget_get_sensitive (time_row));
  dg_ui_test_wait_for (!dg_reminder_service_get_morning_agenda (service));

  gtk_switch_set_active (GTK_SWITCH (agenda_switch), TRUE);
  dg_ui_test_wait_for (dg_reminder_service_get_morning_agenda (service));
  g_settings_set_boolean (settings, "run-in-background", FALSE);
  dg_ui_test_wait_for (!dg_reminder_service_get_morning_agenda (service));

  gtk_window_destroy (GTK_WINDOW (preferences));

  /* The agenda's Open Today brings the window to Today. */
  {
    AdwViewStack *stack = ADW_VIEW_STACK (dg_ui_test_find_by_id (GTK_WIDGET (window), "view_stack"));

    g_assert_nonnull (stack);
    adw_view_stack_set_visible_child_name (stack, "customers");
    g_signal_emit_by_name (dg_application_get_agenda_notifier (app), "open-today");
    dg_ui_test_wait_for (g_strcmp0 (adw_view_stack_get_visible_child_name (stack), "today") == 0);
  }

  gtk_window_destroy (window);
  dg_ui_test_wait_for (gtk_application_get_windows (GTK_APPLICATION (app)) == NULL);
  g_settings_set_boolean (settings, "morning-agenda", FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  g_autofree char *config_home = NULL;
  g_autoptr(GError) error = NULL;
  guint watch;
  int ret;

  config_home = g_build_filename (dg_test_tempdir (), "config", NULL);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);

  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  /* A bus of our own: the app's name is free, and the portal is the mock
   * or nothing. GTestDBus unsets DISPLAY, which the app needs. */
  test_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (test_bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  watch = g_bus_watch_name_on_connection (connection, PORTAL_NAME,
                                          G_BUS_NAME_WATCHER_FLAGS_NONE,
                                          on_portal_appeared_cb,
                                          on_portal_vanished_cb,
                                          NULL, NULL);

  db_path = dg_test_temp_path ("dangol.db");
  fake_clock = dg_test_fake_clock ("Asia/Seoul", 2026, 11, 24, 18, 0);
  settings = g_settings_new (APPLICATION_ID);
  /* The agenda is not what these cases are about. */
  g_settings_set_boolean (settings, "morning-agenda", FALSE);

  g_test_add_func ("/background-ask/nothing-to-come", test_nothing_to_come);
  g_test_add_func ("/background-ask/keep-reminding", test_keep_reminding);
  g_test_add_func ("/background-ask/asked-before", test_asked_before);
  g_test_add_func ("/background-ask/already-in-background", test_already_in_background);
  g_test_add_func ("/background-ask/not-now", test_not_now);
  g_test_add_func ("/background-ask/escape-asks-again", test_escape_asks_again);
  g_test_add_func ("/background-ask/no-portal-falls-back", test_no_portal_falls_back);
  g_test_add_func ("/background-ask/portal", test_portal);
  g_test_add_func ("/background-ask/portal-declined", test_portal_declined);
  g_test_add_func ("/preferences/morning-agenda", test_preferences_agenda);

  ret = g_test_run ();

  stop_portal ();
  g_bus_unwatch_name (watch);
  g_clear_object (&settings);
  g_clear_object (&fake_clock);
  g_clear_object (&connection);
  /* GTK keeps the bus connection of the apps run here to the end of the
   * process, so the bus is stopped without waiting for it. */
  g_test_dbus_stop (test_bus);
  g_free (db_path);
  g_free (portal_owner);

  return ret;
}
