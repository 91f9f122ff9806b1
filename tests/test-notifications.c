/* test-notifications.c
 *
 * Reminders as desktop notifications, against python3-dbusmock's
 * notification daemon on a private session bus: what the Notify calls
 * carry (title, escaped body, actions, hints), the summary for many due
 * at once, the actions coming back as ActionInvoked, a missing daemon
 * losing nothing, nothing shown twice across a restart, and the morning
 * agenda with Open Today, once a day. The cases run
 * in order on one database and one fake clock, like a day of use.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-agenda-notifier.h"
#include "dg-notification-mock.h"
#include "dg-notifier.h"
#include "dg-test-util.h"
#include "dg-ui-test-util.h"

static char *db_path;
static DgDatabase *db;
static DgFakeClock *fake_clock;
static DgReminderService *service;
static DgNotifier *notifier;
static DgAgendaNotifier *agenda_notifier;

/* Whether start_reminders() turns the morning agenda on, as the app does
 * before it starts the service. */
static gboolean agenda_on;

static gint64 customer_minsu;
static gint64 customer_kim_lee;
static gint64 followup_call;
static gint64 followup_invoice;
static gint64 followup_later;

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
  agenda_notifier = dg_agenda_notifier_new (service);
  dg_reminder_service_set_morning_agenda (service, agenda_on, 8 * 60 + 30, 30);
  dg_reminder_service_start (service);

  dg_ui_test_wait_for (dg_reminder_service_get_n_checks (service) >= 1);
}

static void
stop_reminders (void)
{
  dg_reminder_service_stop (service);
  g_clear_object (&notifier);
  g_clear_object (&agenda_notifier);
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
  const DgNotifyCall *call, *invoice;
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

  calls = dg_notification_mock_get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 2);

  call_summary = g_strdup_printf (_("%s — %s"), "김민수", "Call about the spring course");
  invoice_summary = g_strdup_printf (_("%s — %s"), "<Kim & Lee>", "Send the invoice");
  if (g_strcmp0 (g_getenv ("DANGOL_TEST_LANG"), "ko") != 0)
    g_assert_cmpstr (call_summary, ==, "김민수 — Call about the spring course");

  call = dg_notification_mock_find_call (calls, call_summary);
  invoice = dg_notification_mock_find_call (calls, invoice_summary);
  g_assert_nonnull (call);
  g_assert_nonnull (invoice);

  /* The body is markup for the daemon: what was typed arrives escaped. */
  g_assert_nonnull (strstr (invoice->body,
                            "Ask &lt;Kim &amp; Lee&gt; whether the &lt;b&gt;draft&lt;/b&gt; &amp; receipt arrived"));
  g_assert_null (strstr (invoice->body, "<"));
  g_assert_nonnull (strstr (call->body, "10:05"));

  for (guint i = 0; i < calls->len; i++)
    {
      const DgNotifyCall *c = g_ptr_array_index (calls, i);

      g_assert_cmpstr (dg_notification_mock_action_label (c, "done"), ==, _("Done"));
      g_assert_cmpstr (dg_notification_mock_action_label (c, "snooze"), ==, _("Snooze 1 Hour"));
      g_assert_cmpstr (dg_notification_mock_action_label (c, "open"), ==, _("Open"));
      g_assert_nonnull (dg_notification_mock_action_label (c, "default"));
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
  dg_notification_mock_clear_calls ();
  check_now ();
  g_clear_pointer (&calls, g_ptr_array_unref);
  calls = dg_notification_mock_get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 0);

  /* The one at 15:00 comes when its time comes. */
  dg_fake_clock_advance (fake_clock, 4 * G_TIME_SPAN_HOUR + 50 * G_TIME_SPAN_MINUTE);
  dg_ui_test_wait_for (is_notified (followup_later));
  g_clear_pointer (&calls, g_ptr_array_unref);
  calls = dg_notification_mock_get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 1);
  g_assert_nonnull (dg_notification_mock_find_call (calls, "Order name cards"));
  dg_notification_mock_clear_calls ();
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
on_open_today_cb (GObject    *source,
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
  dg_notification_mock_emit_action (invoice_id, "done");
  dg_ui_test_wait_for (get_status (followup_invoice) == DG_FOLLOWUP_STATUS_DONE);

  /* Done, its reminder leaves the screen. */
  dg_ui_test_wait_for (dg_notifier_get_notification_id (notifier, followup_invoice) == 0);
  g_assert_true (dg_notification_mock_closed (invoice_id));
  g_assert_false (dg_notification_mock_closed (call_id));

  /* Open, from the button and from a click on the notification. */
  dg_notification_mock_emit_action (call_id, "open");
  dg_ui_test_wait_for (opened_followup == followup_call);
  opened_followup = 0;
  dg_notification_mock_emit_action (call_id, "default");
  dg_ui_test_wait_for (opened_followup == followup_call);
  g_assert_cmpuint (opened_today, ==, 0);

  /* Snooze 1 hour: it comes back an hour from now, in place of the old
   * notification. */
  now = dg_clock_get_now_utc (DG_CLOCK (fake_clock));
  expected = g_date_time_add_hours (now, 1);
  dg_notification_mock_emit_action (call_id, "snooze");
  dg_ui_test_wait_for (is_snoozed (followup_call));
  snoozed = get_followup (followup_call);
  g_assert_true (g_date_time_equal (dg_followup_get_snoozed_until (snoozed), expected));
  g_assert_cmpint (get_status (followup_call), ==, DG_FOLLOWUP_STATUS_OPEN);

  dg_notification_mock_clear_calls ();
  dg_fake_clock_advance (fake_clock, 59 * G_TIME_SPAN_MINUTE);
  check_now ();
  calls = dg_notification_mock_get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 0);

  dg_fake_clock_advance (fake_clock, G_TIME_SPAN_MINUTE);
  check_now ();
  g_clear_pointer (&calls, g_ptr_array_unref);
  calls = dg_notification_mock_get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 1);
  g_assert_cmpuint (((DgNotifyCall *) g_ptr_array_index (calls, 0))->replaces_id, ==, call_id);
  dg_notification_mock_clear_calls ();
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
  const DgNotifyCall *call;
  guint32 summary_id;

  /* Seven fall due at once: one notification lists them. */
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    ids[i] = insert_followup (i == 0 ? customer_kim_lee : 0, titles[i], NULL, -1, 0);

  check_now ();
  calls = dg_notification_mock_get_notify_calls ();
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
  g_assert_cmpstr (dg_notification_mock_action_label (call, "open"), ==, _("Open"));
  g_assert_null (dg_notification_mock_action_label (call, "done"));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_true (is_notified (ids[i]));

  summary_id = dg_notifier_get_notification_id (notifier, 0);
  g_assert_cmpuint (summary_id, !=, 0);
  opened_followup = 0;
  dg_notification_mock_emit_action (summary_id, "open");
  dg_ui_test_wait_for (opened_today == 1);
  g_assert_cmpint (opened_followup, ==, 0);

  /* Exactly three stay single notifications. */
  dg_notification_mock_clear_calls ();
  for (guint i = 0; i < DG_NOTIFIER_MAX_SINGLE; i++)
    insert_followup (0, titles[i], NULL, -1, 0);
  check_now ();
  g_clear_pointer (&calls, g_ptr_array_unref);
  calls = dg_notification_mock_get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, DG_NOTIFIER_MAX_SINGLE);
  dg_notification_mock_clear_calls ();
}

static void
test_no_daemon (void)
{
  g_autoptr(GPtrArray) calls = NULL;
  gint64 id;

  dg_notification_mock_stop ();

  /* Nobody to show it to: a warning, and the reminder stays pending. */
  id = insert_followup (customer_minsu, "Text the new timetable", NULL, -1, 0);
  dg_test_expect_warning ("No notification service is running; reminders will be shown when one is available");
  check_now ();
  g_assert_cmpuint (dg_test_n_expected_warnings (), ==, 1);
  g_assert_false (is_notified (id));

  /* Said once, not at every check. */
  check_now ();
  g_assert_cmpuint (dg_test_n_expected_warnings (), ==, 1);
  g_assert_false (is_notified (id));

  /* A daemon appears: the reminder is shown then, without waiting for the
   * next check. */
  dg_notification_mock_start ();
  dg_ui_test_wait_for (is_notified (id));
  g_assert_cmpuint (dg_test_n_expected_warnings (), ==, 1);
  dg_test_expect_warning (NULL);
  calls = dg_notification_mock_get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 1);
  g_assert_nonnull (strstr (((DgNotifyCall *) g_ptr_array_index (calls, 0))->summary, "Text the new timetable"));
  dg_notification_mock_clear_calls ();
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
  calls = dg_notification_mock_get_notify_calls ();
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
  calls = dg_notification_mock_get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 1);
  g_assert_cmpstr (((DgNotifyCall *) g_ptr_array_index (calls, 0))->summary, ==, "Water the office plants");
  dg_notification_mock_clear_calls ();

  stop_reminders ();
  start_reminders ();
  check_now ();
  g_clear_pointer (&calls, g_ptr_array_unref);
  calls = dg_notification_mock_get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 0);
}

static void
assert_agenda_text (guint       due_today,
                    guint       overdue,
                    guint       going_cold,
                    const char *expected)
{
  DgMorningSummary summary = { .due_today = due_today, .overdue = overdue, .going_cold = going_cold };
  g_autofree char *text = dg_agenda_notifier_format_body (&summary);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_morning_agenda (void)
{
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_body = NULL;
  DgMorningSummary summary;
  const DgNotifyCall *call;
  guint32 id;

  if (g_strcmp0 (g_getenv ("DANGOL_TEST_LANG"), "ko") != 0)
    {
      assert_agenda_text (5, 2, 3, "5 follow-ups due today, 2 overdue, 3 customers going cold");
      assert_agenda_text (1, 0, 1, "1 follow-up due today, 1 customer going cold");
      assert_agenda_text (0, 1, 0, "1 overdue");
    }
  else
    assert_agenda_text (5, 2, 3, "오늘 할 후속 연락 5건, 기한 지남 2건, 연락이 뜸한 고객 3명");

  /* Turned on while running, past its time: the first agenda is the next
   * day's… */
  dg_notification_mock_clear_calls ();
  dg_reminder_service_set_morning_agenda (service, TRUE, 8 * 60 + 30, 30);
  check_now ();
  calls = dg_notification_mock_get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 0);
  g_clear_pointer (&calls, g_ptr_array_unref);

  /* …but started later in the day than its time, the app gives it at
   * once, as one notification that says what the day holds. */
  g_assert_true (dg_reminders_morning_summary (db, DG_CLOCK (fake_clock), 30, &summary, &error));
  g_assert_no_error (error);
  g_assert_false (dg_morning_summary_is_empty (&summary));
  expected_body = dg_agenda_notifier_format_body (&summary);

  stop_reminders ();
  agenda_on = TRUE;
  start_reminders ();
  dg_ui_test_wait_for (dg_agenda_notifier_get_notification_id (agenda_notifier) != 0);
  id = dg_agenda_notifier_get_notification_id (agenda_notifier);

  calls = dg_notification_mock_get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 1);
  call = g_ptr_array_index (calls, 0);
  g_assert_cmpstr (call->summary, ==, _("Today’s Agenda"));
  g_assert_cmpstr (call->body, ==, expected_body);
  g_assert_cmpstr (dg_notification_mock_action_label (call, "open-today"), ==, _("Open Today"));
  g_assert_nonnull (dg_notification_mock_action_label (call, "default"));
  g_assert_null (dg_notification_mock_action_label (call, "done"));

  /* Open Today, from the button and from a click. */
  g_signal_connect (agenda_notifier, "open-today", G_CALLBACK (on_open_today_cb), NULL);
  opened_today = 0;
  dg_notification_mock_emit_action (id, "open-today");
  dg_ui_test_wait_for (opened_today == 1);
  dg_notification_mock_emit_action (id, "default");
  dg_ui_test_wait_for (opened_today == 2);

  /* Once a day: not again at the next checks, nor after a restart. */
  dg_notification_mock_clear_calls ();
  check_now ();
  stop_reminders ();
  start_reminders ();
  check_now ();
  g_clear_pointer (&calls, g_ptr_array_unref);
  calls = dg_notification_mock_get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, 0);

  /* The next day at its time, once more. */
  dg_fake_clock_advance (fake_clock, G_TIME_SPAN_DAY);
  check_now ();
  g_clear_pointer (&calls, g_ptr_array_unref);
  calls = dg_notification_mock_get_notify_calls ();
  g_assert_nonnull (dg_notification_mock_find_call (calls, _("Today’s Agenda")));
  dg_notification_mock_clear_calls ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);
  dg_notification_mock_setup ();

  db_path = dg_test_temp_path ("dangol.db");
  fake_clock = dg_test_fake_clock ("Asia/Seoul", 2026, 11, 24, 10, 0);

  g_test_add_func ("/notifications/single", test_single);
  g_test_add_func ("/notifications/actions", test_actions);
  g_test_add_func ("/notifications/summary", test_summary);
  g_test_add_func ("/notifications/no-daemon", test_no_daemon);
  g_test_add_func ("/notifications/restart", test_restart);
  g_test_add_func ("/notifications/morning-agenda", test_morning_agenda);

  ret = g_test_run ();

  if (service != NULL)
    stop_reminders ();
  dg_notification_mock_teardown ();
  g_clear_object (&fake_clock);
  g_free (db_path);

  return ret;
}
