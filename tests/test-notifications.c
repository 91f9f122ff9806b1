/* test-notifications.c
 *
 * Reminders as desktop notifications, against python3-dbusmock's
 * notification daemon on a private session bus: what the Notify calls
 * carry (title, escaped body, actions, hints), the summary for many due
 * at once, the actions coming back as ActionInvoked, a missing daemon
 * losing nothing, and nothing shown twice across a restart. The cases run
 * in order on one database and one fake clock, like a day of use. Last,
 * the app's own reminders: Open shows the follow-up's customer, and the
 * window is presented with the click's (or a second launch's) activation
 * token.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>
#include <signal.h>

#include "dg-application.h"
#include "dg-customer-page.h"
#include "dg-customers-view.h"
#include "dg-notifier.h"
#include "dg-window.h"
#include "dg-test-util.h"
#include "dg-ui-test-util.h"

#define NOTIFICATIONS_NAME  "org.freedesktop.Notifications"
#define NOTIFICATIONS_PATH  "/org/freedesktop/Notifications"
#define MOCK_INTERFACE      "org.freedesktop.DBus.Mock"
/* Python starting on a loaded machine can take a while. */
#define MOCK_TIMEOUT_USEC   (60 * G_USEC_PER_SEC)

static GTestDBus *test_bus;
static GDBusConnection *connection;
static GSubprocess *mock;
static gboolean mock_exited;
static char *notifications_owner;

/* GLib 2.74's g_test_expect_message() does not see structured logging,
 * which the app's library uses: this writer counts the one warning the
 * test expects instead. */
static const char *expected_warning;
static guint n_expected_warnings;

static char *db_path;
static DgDatabase *db;
static DgFakeClock *fake_clock;
static DgReminderService *service;
static DgNotifier *notifier;

static gint64 customer_minsu;
static gint64 customer_kim_lee;
static gint64 followup_call;
static gint64 followup_invoice;
static gint64 followup_later;

/* What one Notify call carried. */
typedef struct
{
  char    *app_name;
  guint32  replaces_id;
  char    *app_icon;
  char    *summary;
  char    *body;
  GStrv    actions;
  GVariant *hints;
  gint32   timeout;
} NotifyCall;

static void
notify_call_free (NotifyCall *call)
{
  g_free (call->app_name);
  g_free (call->app_icon);
  g_free (call->summary);
  g_free (call->body);
  g_strfreev (call->actions);
  g_clear_pointer (&call->hints, g_variant_unref);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NotifyCall, notify_call_free)

static GLogWriterOutput
log_writer_cb (GLogLevelFlags   log_level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
        message = fields[i].value;
    }

  if (expected_warning != NULL
      && (log_level & G_LOG_LEVEL_WARNING) != 0
      && g_strcmp0 (domain, "Dangol-Ui") == 0
      && g_strcmp0 (message, expected_warning) == 0)
    {
      n_expected_warnings++;
      return G_LOG_WRITER_HANDLED;
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
on_owner_appeared_cb (GDBusConnection *bus_connection,
                      const char      *name,
                      const char      *owner,
                      gpointer         user_data)
{
  g_free (notifications_owner);
  notifications_owner = g_strdup (owner);
}

static void
on_owner_vanished_cb (GDBusConnection *bus_connection,
                      const char      *name,
                      gpointer         user_data)
{
  g_clear_pointer (&notifications_owner, g_free);
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
wait_for_mock (gboolean running)
{
  gint64 deadline = g_get_monotonic_time () + MOCK_TIMEOUT_USEC;

  while ((notifications_owner != NULL) != running
         && !(running && mock_exited)
         && dg_ui_test_iterate (deadline))
    ;

  if (running && mock_exited)
    g_error ("The notification daemon mock (/usr/bin/python3 -m dbusmock) exited before "
             "it owned %s: is python3-dbusmock installed?", NOTIFICATIONS_NAME);
  if ((notifications_owner != NULL) != running)
    g_error ("%s was not %s within %d s", NOTIFICATIONS_NAME,
             running ? "owned" : "released", (int) (MOCK_TIMEOUT_USEC / G_USEC_PER_SEC));
}

static void
start_mock (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (mock);
  mock_exited = FALSE;
  mock = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                           "/usr/bin/python3", "-m", "dbusmock",
                           "--session", "-t", "notification_daemon",
                           NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (mock, NULL, on_mock_exited_cb, NULL);

  wait_for_mock (TRUE);
}

static void
stop_mock (void)
{
  if (mock == NULL)
    return;

  g_subprocess_send_signal (mock, SIGTERM);
  while (!mock_exited)
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&mock);

  wait_for_mock (FALSE);
}

static GVariant *
mock_call (const char         *method,
           GVariant           *parameters,
           const GVariantType *reply_type)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply;

  reply = g_dbus_connection_call_sync (connection,
                                       NOTIFICATIONS_NAME, NOTIFICATIONS_PATH,
                                       MOCK_INTERFACE, method, parameters,
                                       reply_type, G_DBUS_CALL_FLAGS_NONE,
                                       -1, NULL, &error);
  g_assert_no_error (error);

  return reply;
}

static void
clear_calls (void)
{
  g_autoptr(GVariant) reply = mock_call ("ClearCalls", NULL, NULL);
}

/* The Notify calls the daemon received since the last clear_calls(). */
static GPtrArray *
get_notify_calls (void)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) calls = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) notify_call_free);

  reply = mock_call ("GetMethodCalls", g_variant_new ("(s)", "Notify"), G_VARIANT_TYPE ("(a(tav))"));
  calls = g_variant_get_child_value (reply, 0);

  for (gsize i = 0; i < g_variant_n_children (calls); i++)
    {
      g_autoptr(GVariant) entry = g_variant_get_child_value (calls, i);
      g_autoptr(GVariant) args = g_variant_get_child_value (entry, 1);
      NotifyCall *call = g_new0 (NotifyCall, 1);

      GVariant *values[8];

      /* The mock records the arguments as an array of variants. */
      g_assert_cmpuint (g_variant_n_children (args), ==, G_N_ELEMENTS (values));
      for (gsize n = 0; n < G_N_ELEMENTS (values); n++)
        {
          g_autoptr(GVariant) boxed = g_variant_get_child_value (args, n);

          values[n] = g_variant_get_variant (boxed);
        }

      call->app_name = g_variant_dup_string (values[0], NULL);
      call->replaces_id = g_variant_get_uint32 (values[1]);
      call->app_icon = g_variant_dup_string (values[2], NULL);
      call->summary = g_variant_dup_string (values[3], NULL);
      call->body = g_variant_dup_string (values[4], NULL);
      call->actions = g_variant_dup_strv (values[5], NULL);
      call->hints = g_variant_ref (values[6]);
      call->timeout = g_variant_get_int32 (values[7]);

      for (gsize n = 0; n < G_N_ELEMENTS (values); n++)
        g_variant_unref (values[n]);
      g_ptr_array_add (result, call);
    }

  return result;
}

static const NotifyCall *
find_call (GPtrArray  *calls,
           const char *summary)
{
  for (guint i = 0; i < calls->len; i++)
    {
      const NotifyCall *call = g_ptr_array_index (calls, i);

      if (g_strcmp0 (call->summary, summary) == 0)
        return call;
    }

  return NULL;
}

/* The label that goes with @key in the action list, or NULL. */
static const char *
call_action_label (const NotifyCall *call,
                   const char       *key)
{
  for (guint i = 0; call->actions[i] != NULL && call->actions[i + 1] != NULL; i += 2)
    {
      if (g_str_equal (call->actions[i], key))
        return call->actions[i + 1];
    }

  return NULL;
}

/* Whether the notification @id was withdrawn with CloseNotification. */
static gboolean
mock_closed (guint32 id)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) calls = NULL;

  reply = mock_call ("GetMethodCalls", g_variant_new ("(s)", "CloseNotification"),
                     G_VARIANT_TYPE ("(a(tav))"));
  calls = g_variant_get_child_value (reply, 0);

  for (gsize i = 0; i < g_variant_n_children (calls); i++)
    {
      g_autoptr(GVariant) entry = g_variant_get_child_value (calls, i);
      g_autoptr(GVariant) args = g_variant_get_child_value (entry, 1);
      g_autoptr(GVariant) boxed = g_variant_get_child_value (args, 0);
      g_autoptr(GVariant) value = g_variant_get_variant (boxed);
      /* The mock declares the id as an int32. */
      guint32 closed = g_variant_is_of_type (value, G_VARIANT_TYPE_INT32)
                       ? (guint32) g_variant_get_int32 (value)
                       : g_variant_get_uint32 (value);

      if (closed == id)
        return TRUE;
    }

  return FALSE;
}

static void
emit_action (guint32     id,
             const char *action)
{
  GVariantBuilder args;
  g_autoptr(GVariant) reply = NULL;

  g_assert_cmpuint (id, !=, 0);

  g_variant_builder_init (&args, G_VARIANT_TYPE ("av"));
  g_variant_builder_add (&args, "v", g_variant_new_uint32 (id));
  g_variant_builder_add (&args, "v", g_variant_new_string (action));
  reply = mock_call ("EmitSignal",
                     g_variant_new ("(sssav)", NOTIFICATIONS_NAME, "ActionInvoked", "us", &args),
                     NULL);
}

static gint64
insert_customer (const char *name)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  dg_customers_insert (db, customer, &error);
  g_assert_no_error (error);

  return dg_customer_get_id (customer);
}

static gint64
insert_followup (gint64      customer_id,
                 const char *title,
                 const char *note,
                 int         hour,
                 int         minute)
{
  g_autoptr(DgFollowup) followup = dg_followup_new ();
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (DG_CLOCK (fake_clock));
  g_autoptr(GError) error = NULL;

  dg_followup_set_customer_id (followup, customer_id);
  dg_followup_set_title (followup, title);
  dg_followup_set_note (followup, note);
  if (hour < 0)
    dg_followup_set_due_date (followup, "2026-11-24");
  else
    {
      g_autoptr(GDateTime) due = dg_test_local_time (tz, 2026, 11, 24, hour, minute);

      dg_followup_set_due_at (followup, due);
    }

  dg_followups_insert (db, DG_CLOCK (fake_clock), followup, &error);
  g_assert_no_error (error);

  return dg_followup_get_id (followup);
}

static DgFollowup *
get_followup (gint64 id)
{
  g_autoptr(GError) error = NULL;
  DgFollowup *followup = dg_followups_get (db, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (followup);

  return followup;
}

static gboolean
is_notified (gint64 id)
{
  g_autoptr(DgFollowup) followup = get_followup (id);

  return dg_followup_get_notified_at (followup) != NULL;
}

static gboolean
is_snoozed (gint64 id)
{
  g_autoptr(DgFollowup) followup = get_followup (id);

  return dg_followup_get_snoozed_until (followup) != NULL;
}

static DgFollowupStatus
get_status (gint64 id)
{
  g_autoptr(DgFollowup) followup = get_followup (id);

  return dg_followup_get_status (followup);
}

/* Starts the reminders as the app does, and waits for their first check. */
static void
start_reminders (void)
{
  g_autoptr(GError) error = NULL;

  if (db == NULL)
    {
      db = dg_database_open (db_path, &error);
      g_assert_no_error (error);
    }

  service = dg_reminder_service_new (db, DG_CLOCK (fake_clock));
  notifier = dg_notifier_new (service);
  dg_reminder_service_start (service);

  dg_ui_test_wait_for (dg_reminder_service_get_n_checks (service) >= 1);
}

static void
stop_reminders (void)
{
  dg_reminder_service_stop (service);
  g_clear_object (&notifier);
  g_clear_object (&service);
  g_clear_object (&db);
}

/* Runs one check now, whatever the timers say. */
static void
check_now (void)
{
  dg_reminder_service_check_now (service);
}

static void
test_single (void)
{
  g_autoptr(GPtrArray) calls = NULL;
  g_autofree char *call_summary = NULL;
  g_autofree char *invoice_summary = NULL;
  const NotifyCall *call, *invoice;
  const char *desktop_entry = NULL;
  g_autoptr(GError) error = NULL;

  db = dg_database_open (db_path, &error);
  g_assert_no_error (error);

  customer_minsu = insert_customer ("김민수");
  customer_kim_lee = insert_customer ("<Kim & Lee>");
  /* 10:05 reminds at 9:55 (ten minutes before); all-day ones at 9:00; both
   * are due at 10:00. The one at 15:00 waits until 14:50. */
  followup_call = insert_followup (customer_minsu, "Call about the spring course", NULL, 10, 5);
  followup_invoice = insert_followup (customer_kim_lee, "Send the invoice",
                                      "Ask <Kim & Lee> whether the <b>draft</b> & receipt arrived",
                                      -1, 0);
  followup_later = insert_followup (0, "Order name cards", NULL, 15, 0);

  start_reminders ();

  calls = get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 2);

  call_summary = g_strdup_printf (_("%s — %s"), "김민수", "Call about the spring course");
  invoice_summary = g_strdup_printf (_("%s — %s"), "<Kim & Lee>", "Send the invoice");
  if (g_strcmp0 (g_getenv ("DANGOL_TEST_LANG"), "ko") != 0)
    g_assert_cmpstr (call_summary, ==, "김민수 — Call about the spring course");

  call = find_call (calls, call_summary);
  invoice = find_call (calls, invoice_summary);
  g_assert_nonnull (call);
  g_assert_nonnull (invoice);

  /* The body is markup for the daemon: what was typed arrives escaped. */
  g_assert_nonnull (strstr (invoice->body,
                            "Ask &lt;Kim &amp; Lee&gt; whether the &lt;b&gt;draft&lt;/b&gt; &amp; receipt arrived"));
  g_assert_null (strstr (invoice->body, "<"));
  g_assert_nonnull (strstr (call->body, "10:05"));

  for (guint i = 0; i < calls->len; i++)
    {
      const NotifyCall *c = g_ptr_array_index (calls, i);

      g_assert_cmpstr (call_action_label (c, "done"), ==, _("Done"));
      g_assert_cmpstr (call_action_label (c, "snooze"), ==, _("Snooze 1 Hour"));
      g_assert_cmpstr (call_action_label (c, "open"), ==, _("Open"));
      g_assert_nonnull (call_action_label (c, "default"));
      g_assert_cmpstr (c->app_icon, ==, APPLICATION_ID);
      g_assert_cmpuint (c->replaces_id, ==, 0);
      g_assert_true (g_variant_lookup (c->hints, "desktop-entry", "&s", &desktop_entry));
      g_assert_cmpstr (desktop_entry, ==, APPLICATION_ID);
    }

  g_assert_true (is_notified (followup_call));
  g_assert_true (is_notified (followup_invoice));
  g_assert_false (is_notified (followup_later));
  g_assert_cmpuint (dg_notifier_get_notification_id (notifier, followup_call), !=, 0);

  /* Shown once: the next check finds nothing new. */
  clear_calls ();
  check_now ();
  g_clear_pointer (&calls, g_ptr_array_unref);
  calls = get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 0);

  /* The one at 15:00 comes when its time comes. */
  dg_fake_clock_advance (fake_clock, 4 * G_TIME_SPAN_HOUR + 50 * G_TIME_SPAN_MINUTE);
  dg_ui_test_wait_for (is_notified (followup_later));
  g_clear_pointer (&calls, g_ptr_array_unref);
  calls = get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 1);
  g_assert_nonnull (find_call (calls, "Order name cards"));
  clear_calls ();
}

static gint64 opened_followup;
static guint opened_today;

static void
on_open_followup_cb (DgNotifier *source,
                     gint64      followup_id,
                     gpointer    user_data)
{
  opened_followup = followup_id;
}

static void
on_open_today_cb (DgNotifier *source,
                  gpointer    user_data)
{
  opened_today++;
}

static void
test_actions (void)
{
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(DgFollowup) snoozed = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) expected = NULL;
  guint32 call_id = dg_notifier_get_notification_id (notifier, followup_call);
  guint32 invoice_id = dg_notifier_get_notification_id (notifier, followup_invoice);

  g_signal_connect (notifier, "open-followup", G_CALLBACK (on_open_followup_cb), NULL);
  g_signal_connect (notifier, "open-today", G_CALLBACK (on_open_today_cb), NULL);

  /* Done, as the daemon reports a click on the button. */
  emit_action (invoice_id, "done");
  dg_ui_test_wait_for (get_status (followup_invoice) == DG_FOLLOWUP_STATUS_DONE);

  /* Done, its reminder leaves the screen. */
  dg_ui_test_wait_for (dg_notifier_get_notification_id (notifier, followup_invoice) == 0);
  g_assert_true (mock_closed (invoice_id));
  g_assert_false (mock_closed (call_id));

  /* Open, from the button and from a click on the notification. */
  emit_action (call_id, "open");
  dg_ui_test_wait_for (opened_followup == followup_call);
  opened_followup = 0;
  emit_action (call_id, "default");
  dg_ui_test_wait_for (opened_followup == followup_call);
  g_assert_cmpuint (opened_today, ==, 0);

  /* Snooze 1 hour: it comes back an hour from now, in place of the old
   * notification. */
  now = dg_clock_get_now_utc (DG_CLOCK (fake_clock));
  expected = g_date_time_add_hours (now, 1);
  emit_action (call_id, "snooze");
  dg_ui_test_wait_for (is_snoozed (followup_call));
  snoozed = get_followup (followup_call);
  g_assert_true (g_date_time_equal (dg_followup_get_snoozed_until (snoozed), expected));
  g_assert_cmpint (get_status (followup_call), ==, DG_FOLLOWUP_STATUS_OPEN);

  clear_calls ();
  dg_fake_clock_advance (fake_clock, 59 * G_TIME_SPAN_MINUTE);
  check_now ();
  calls = get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 0);

  dg_fake_clock_advance (fake_clock, G_TIME_SPAN_MINUTE);
  check_now ();
  g_clear_pointer (&calls, g_ptr_array_unref);
  calls = get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 1);
  g_assert_cmpuint (((NotifyCall *) g_ptr_array_index (calls, 0))->replaces_id, ==, call_id);
  clear_calls ();
}

static void
test_summary (void)
{
  static const char *titles[] = {
    "Invite to the autumn <workshop>",
    "Thank for the review",
    "Q&A follow-up",
    "Confirm the venue",
    "Send the survey",
    "Book the room",
    "Renew the membership",
  };
  g_autoptr(GPtrArray) calls = NULL;
  g_autofree char *expected_summary = NULL;
  gint64 ids[G_N_ELEMENTS (titles)];
  const NotifyCall *call;
  guint32 summary_id;

  /* Seven fall due at once: one notification lists them. */
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    ids[i] = insert_followup (i == 0 ? customer_kim_lee : 0, titles[i], NULL, -1, 0);

  check_now ();
  calls = get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 1);
  call = g_ptr_array_index (calls, 0);

  expected_summary = g_strdup_printf (ngettext ("%u follow-up is due", "%u follow-ups are due", 7), 7);
  g_assert_cmpstr (call->summary, ==, expected_summary);
  if (g_strcmp0 (g_getenv ("DANGOL_TEST_LANG"), "ko") != 0)
    {
      g_assert_cmpstr (call->summary, ==, "7 follow-ups are due");
      g_assert_nonnull (strstr (call->body, "and 2 more"));
    }
  g_assert_nonnull (strstr (call->body, "&lt;Kim &amp; Lee&gt; — Invite to the autumn &lt;workshop&gt;"));
  g_assert_nonnull (strstr (call->body, "Q&amp;A follow-up"));
  g_assert_null (strstr (call->body, "Book the room"));
  g_assert_cmpstr (call_action_label (call, "open"), ==, _("Open"));
  g_assert_null (call_action_label (call, "done"));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_true (is_notified (ids[i]));

  summary_id = dg_notifier_get_notification_id (notifier, 0);
  g_assert_cmpuint (summary_id, !=, 0);
  opened_followup = 0;
  emit_action (summary_id, "open");
  dg_ui_test_wait_for (opened_today == 1);
  g_assert_cmpint (opened_followup, ==, 0);

  /* Exactly three stay single notifications. */
  clear_calls ();
  for (guint i = 0; i < DG_NOTIFIER_MAX_SINGLE; i++)
    insert_followup (0, titles[i], NULL, -1, 0);
  check_now ();
  g_clear_pointer (&calls, g_ptr_array_unref);
  calls = get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, DG_NOTIFIER_MAX_SINGLE);
  clear_calls ();
}

static void
test_no_daemon (void)
{
  g_autoptr(GPtrArray) calls = NULL;
  gint64 id;

  stop_mock ();

  /* Nobody to show it to: a warning, and the reminder stays pending. */
  id = insert_followup (customer_minsu, "Text the new timetable", NULL, -1, 0);
  expected_warning = "No notification service is running; reminders will be shown when one is available";
  check_now ();
  g_assert_cmpuint (n_expected_warnings, ==, 1);
  g_assert_false (is_notified (id));

  /* Said once, not at every check. */
  check_now ();
  g_assert_cmpuint (n_expected_warnings, ==, 1);
  g_assert_false (is_notified (id));

  /* A daemon appears: the reminder is shown then, without waiting for the
   * next check. */
  start_mock ();
  dg_ui_test_wait_for (is_notified (id));
  g_assert_cmpuint (n_expected_warnings, ==, 1);
  expected_warning = NULL;
  calls = get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 1);
  g_assert_nonnull (strstr (((NotifyCall *) g_ptr_array_index (calls, 0))->summary, "Text the new timetable"));
  clear_calls ();
}

static void
test_restart (void)
{
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  /* Quit and start again on the same file: nothing shown before comes
   * back. */
  stop_reminders ();
  start_reminders ();
  calls = get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 0);

  /* While nothing runs, another process adds one that falls due; the
   * computer sleeps through it. The next start catches it up, once. */
  stop_reminders ();
  db = dg_database_open (db_path, &error);
  g_assert_no_error (error);
  id = insert_followup (0, "Water the office plants", NULL, 18, 0);
  g_clear_object (&db);
  dg_fake_clock_advance (fake_clock, 2 * G_TIME_SPAN_DAY);

  start_reminders ();
  g_assert_true (is_notified (id));
  g_clear_pointer (&calls, g_ptr_array_unref);
  calls = get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 1);
  g_assert_cmpstr (((NotifyCall *) g_ptr_array_index (calls, 0))->summary, ==, "Water the office plants");
  clear_calls ();

  stop_reminders ();
  start_reminders ();
  check_now ();
  g_clear_pointer (&calls, g_ptr_array_unref);
  calls = get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 0);
}

static void
emit_activation_token (guint32     id,
                       const char *token)
{
  GVariantBuilder args;
  g_autoptr(GVariant) reply = NULL;

  g_variant_builder_init (&args, G_VARIANT_TYPE ("av"));
  g_variant_builder_add (&args, "v", g_variant_new_uint32 (id));
  g_variant_builder_add (&args, "v", g_variant_new_string (token));
  reply = mock_call ("EmitSignal",
                     g_variant_new ("(sssav)", NOTIFICATIONS_NAME, "ActivationToken", "us", &args),
                     NULL);
}

static DgWindow *
find_main_window (DgApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    {
      if (DG_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

static const char *
visible_page_name (DgWindow *window)
{
  GtkWidget *stack = dg_ui_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);

  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack));
}

/* The customer whose page the window shows, or 0. */
static gint64
shown_customer_id (DgWindow *window)
{
  GtkWidget *view = dg_window_get_page (window, "customers");
  DgCustomerPage *page = dg_customers_view_get_customer_page (DG_CUSTOMERS_VIEW (view));
  DgCustomer *customer = dg_customer_page_get_customer (page);

  if (g_strcmp0 (visible_page_name (window), "customers") != 0
      || !gtk_widget_get_mapped (GTK_WIDGET (page)) || customer == NULL)
    return 0;

  return dg_customer_get_id (customer);
}

/* The app's own reminders: Open raises the window with the click's
 * activation token and shows the customer the follow-up is for; one for
 * no one in particular opens on the follow-up itself. */
static void
test_open_in_window (void)
{
  g_autoptr(DgApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  DgNotifier *app_notifier;
  DgWindow *window;
  gint64 customer, with_customer, for_no_one;
  guint32 id;

  /* In a process of its own: GTK and the app keep the session bus, which
   * this process must close at its end. The mock and the bus are the
   * parent's. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  db = dg_database_open (db_path, &error);
  g_assert_no_error (error);
  customer = insert_customer ("Park & Sons Bakery");
  with_customer = insert_followup (customer, "Bring the contract", NULL, 9, 0);
  for_no_one = insert_followup (0, "Renew the domain", NULL, 9, 30);
  g_clear_object (&db);

  app = dg_application_new ();

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  dg_application_set_clock (app, DG_CLOCK (fake_clock));
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (dg_application_open_database (app, db_path, &error));
  g_assert_no_error (error);
  dg_application_start_reminders (app);
  app_notifier = dg_application_get_notifier (app);
  dg_ui_test_wait_for (dg_notifier_get_notification_id (app_notifier, with_customer) != 0
                       && dg_notifier_get_notification_id (app_notifier, for_no_one) != 0);
  g_assert_null (find_main_window (app));

  id = dg_notifier_get_notification_id (app_notifier, with_customer);
  emit_activation_token (id, "dangol-test-token-1");
  emit_action (id, "open");
  dg_ui_test_wait_for ((window = find_main_window (app)) != NULL
                       && shown_customer_id (window) == customer);
  g_assert_cmpstr (dg_application_get_presented_startup_id (app), ==, "dangol-test-token-1");
  g_assert_cmpstr (dg_notifier_get_activation_token (app_notifier), ==, NULL);

  /* For no one: the follow-up in the calendar, as before. */
  id = dg_notifier_get_notification_id (app_notifier, for_no_one);
  emit_activation_token (id, "dangol-test-token-2");
  emit_action (id, "default");
  dg_ui_test_wait_for (g_strcmp0 (visible_page_name (window), "calendar") == 0);
  g_assert_cmpstr (dg_application_get_presented_startup_id (app), ==, "dangol-test-token-2");

  /* A second launch: its token comes in the platform data of the
   * activation GApplication hands over. */
  {
    GVariantDict platform_data;
    g_autoptr(GVariant) data = NULL;

    g_variant_dict_init (&platform_data, NULL);
    g_variant_dict_insert (&platform_data, "activation-token", "s", "dangol-test-token-3");
    data = g_variant_ref_sink (g_variant_dict_end (&platform_data));
    G_APPLICATION_GET_CLASS (app)->before_emit (G_APPLICATION (app), data);
    g_application_activate (G_APPLICATION (app));
    G_APPLICATION_GET_CLASS (app)->after_emit (G_APPLICATION (app), data);
  }
  g_assert_cmpstr (dg_application_get_presented_startup_id (app), ==, "dangol-test-token-3");

  /* An X11 launch says desktop-startup-id; nothing else waits for a
   * token once the launch was handled. */
  {
    GVariantDict platform_data;
    g_autoptr(GVariant) data = NULL;

    g_variant_dict_init (&platform_data, NULL);
    g_variant_dict_insert (&platform_data, "desktop-startup-id", "s", "dangol-test_TIME1234");
    data = g_variant_ref_sink (g_variant_dict_end (&platform_data));
    G_APPLICATION_GET_CLASS (app)->before_emit (G_APPLICATION (app), data);
    g_application_activate (G_APPLICATION (app));
    G_APPLICATION_GET_CLASS (app)->after_emit (G_APPLICATION (app), data);
  }
  g_assert_cmpstr (dg_application_get_presented_startup_id (app), ==, "dangol-test_TIME1234");

  gtk_window_destroy (GTK_WINDOW (window));
  dg_ui_test_wait_for (gtk_application_get_windows (GTK_APPLICATION (app)) == NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  g_autoptr(GError) error = NULL;
  guint watch;
  int ret;

  g_log_set_writer_func (log_writer_cb, NULL, NULL);
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  /* A bus of our own, so that the mock daemon is the only one there; a
   * subprocess uses its parent's. */
  if (!g_test_subprocess ())
    {
      test_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      g_test_dbus_up (test_bus);
      /* GTestDBus unsets DISPLAY, which the app's window needs. */
      if (display != NULL)
        g_setenv ("DISPLAY", display, TRUE);
    }
  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  watch = g_bus_watch_name_on_connection (connection, NOTIFICATIONS_NAME,
                                          G_BUS_NAME_WATCHER_FLAGS_NONE,
                                          on_owner_appeared_cb,
                                          on_owner_vanished_cb,
                                          NULL, NULL);
  if (!g_test_subprocess ())
    start_mock ();
  else
    wait_for_mock (TRUE);

  db_path = dg_test_temp_path ("dangol.db");
  fake_clock = dg_test_fake_clock ("Asia/Seoul", 2026, 11, 24, 10, 0);

  g_test_add_func ("/notifications/single", test_single);
  g_test_add_func ("/notifications/actions", test_actions);
  g_test_add_func ("/notifications/summary", test_summary);
  g_test_add_func ("/notifications/no-daemon", test_no_daemon);
  g_test_add_func ("/notifications/restart", test_restart);
  g_test_add_func ("/notifications/open-in-window", test_open_in_window);

  ret = g_test_run ();

  if (service != NULL)
    stop_reminders ();
  if (g_test_subprocess ())
    return ret;
  stop_mock ();
  /* libnotify keeps a connection to the bus, which must go before it. */
  notify_uninit ();
  g_bus_unwatch_name (watch);
  g_clear_object (&fake_clock);
  g_clear_object (&connection);
  g_test_dbus_down (test_bus);
  g_clear_object (&test_bus);
  g_free (db_path);

  return ret;
}
