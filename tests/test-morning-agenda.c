/* test-morning-agenda.c
 *
 * The morning agenda on a fake clock: what the day holds
 * (dg_reminders_morning_summary()), whether anything lies ahead for a
 * reminder running in the background (dg_reminders_has_upcoming()), and
 * the reminder service giving the agenda at its time, catching it up when
 * started later that day, never twice a day (also across a restart) and
 * never on a day with nothing to do.
 */
#include "config.h"

#include "dg-followup-test-util.h"
#include "dg-test-util.h"

typedef struct
{
  DgFollowupFixture  base;
  DgReminderService *service;
  /* The summaries of every ::morning-agenda emission. */
  GArray            *agendas;
  /* What the handler answers: whether it showed the agenda. */
  gboolean           shown;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  dg_followup_fixture_set_up (&fixture->base, data);
  fixture->agendas = g_array_new (FALSE, TRUE, sizeof (DgMorningSummary));
  fixture->shown = TRUE;
}

static void
stop_service (Fixture *fixture)
{
  if (fixture->service != NULL)
    dg_reminder_service_stop (fixture->service);
  g_clear_object (&fixture->service);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  stop_service (fixture);
  g_clear_pointer (&fixture->agendas, g_array_unref);
  dg_followup_fixture_tear_down (&fixture->base, data);

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
on_morning_agenda_cb (DgReminderService      *service,
                      const DgMorningSummary *summary,
                      Fixture                *fixture)
{
  g_array_append_vals (fixture->agendas, summary, 1);

  return fixture->shown;
}

static gboolean
on_deadline_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Waits for the check a clock change or a start asked for. */
static void
run_one_check (Fixture *fixture,
               guint    checks_before)
{
  gboolean expired = FALSE;
  guint deadline = g_timeout_add_seconds (10, on_deadline_cb, &expired);

  while (dg_reminder_service_get_n_checks (fixture->service) <= checks_before && !expired)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (expired);
  g_source_remove (deadline);
}

static void
start_service (Fixture *fixture)
{
  g_assert_null (fixture->service);
  fixture->service = dg_reminder_service_new (fixture->base.db, fixture->base.base);
  g_signal_connect (fixture->service, "morning-agenda", G_CALLBACK (on_morning_agenda_cb), fixture);
  dg_reminder_service_set_morning_agenda (fixture->service, TRUE, 8 * 60 + 30, 30);
  dg_reminder_service_start (fixture->service);
  run_one_check (fixture, 0);
}

/* Moves the clock to @hour:@minute local on 2026-03-@day and waits for the
 * check that follows. */
static void
move_to (Fixture *fixture,
         int      day,
         int      hour,
         int      minute)
{
  guint checks = dg_reminder_service_get_n_checks (fixture->service);

  dg_test_set_now (&fixture->base, 2026, 3, day, hour, minute);
  run_one_check (fixture, checks);
}

static const DgMorningSummary *
agenda (Fixture *fixture,
        guint    index)
{
  g_assert_cmpuint (fixture->agendas->len, >, index);

  return &g_array_index (fixture->agendas, DgMorningSummary, index);
}

/* A customer added @days_ago days before the clock's now. */
static gint64
add_customer_added (Fixture    *fixture,
                    const char *name,
                    int         days_ago)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (fixture->base.base);
  g_autoptr(GDateTime) added = g_date_time_add_days (now, -days_ago);
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  dg_customer_set_created_at (customer, added);
  g_assert_true (dg_customers_insert (fixture->base.db, customer, &error));
  g_assert_no_error (error);

  return dg_customer_get_id (customer);
}

static void
assert_summary (const DgMorningSummary *summary,
                guint                   due_today,
                guint                   overdue,
                guint                   going_cold)
{
  g_assert_cmpuint (summary->due_today, ==, due_today);
  g_assert_cmpuint (summary->overdue, ==, overdue);
  g_assert_cmpuint (summary->going_cold, ==, going_cold);
  g_assert_cmpuint (summary->birthdays, ==, 0);
}

static void
add_birthday (Fixture    *fixture,
              const char *name,
              const char *birthday,
              gboolean    lunar)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  dg_customer_set_birthday (customer, birthday);
  dg_customer_set_birthday_lunar (customer, lunar);
  g_assert_true (dg_customers_insert (fixture->base.db, customer, &error));
  g_assert_no_error (error);
}

/* The birthdays of the day itself, solar or lunar, count; tomorrow's do
 * not, and a day with a birthday alone is not empty. */
static void
test_summary_birthdays (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DgMorningSummary summary;

  add_birthday (fixture, "solar today", "1990-03-10", FALSE);
  /* Lunar 1/1 of 2026 is 2026-02-17, so lunar 1/22 is 2026-03-10. */
  add_birthday (fixture, "lunar today", "1985-01-22", TRUE);
  add_birthday (fixture, "solar tomorrow", "1992-03-11", FALSE);

  g_assert_true (dg_reminders_morning_summary (fixture->base.db, fixture->base.base, 30, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.birthdays, ==, 2);
  g_assert_cmpuint (summary.due_today, ==, 0);
  g_assert_cmpuint (summary.overdue, ==, 0);
  g_assert_false (dg_morning_summary_is_empty (&summary));
}

static void
test_summary_counts (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GDateTime) yesterday = dg_test_at (&fixture->base, 2026, 3, 9, 15, 0);
  g_autoptr(GDateTime) this_afternoon = dg_test_at (&fixture->base, 2026, 3, 10, 16, 0);
  g_autoptr(GDateTime) next_week = dg_test_at (&fixture->base, 2026, 3, 17, 9, 0);
  g_autoptr(GError) error = NULL;
  DgMorningSummary summary;
  gint64 done;

  g_assert_true (dg_reminders_morning_summary (fixture->base.db, fixture->base.base, 30, &summary, &error));
  g_assert_no_error (error);
  assert_summary (&summary, 0, 0, 0);
  g_assert_true (dg_morning_summary_is_empty (&summary));
  g_assert_true (g_date_valid (&summary.day));
  g_assert_cmpint (g_date_get_year (&summary.day), ==, 2026);
  g_assert_cmpint (g_date_get_month (&summary.day), ==, 3);
  g_assert_cmpint (g_date_get_day (&summary.day), ==, 10);

  dg_test_add_timed (&fixture->base, "overdue since yesterday", yesterday);
  dg_test_add_timed (&fixture->base, "this afternoon", this_afternoon);
  dg_test_add_all_day (&fixture->base, "some time today", "2026-03-10");
  dg_test_add_all_day (&fixture->base, "tomorrow", "2026-03-11");
  dg_test_add_timed (&fixture->base, "next week", next_week);
  done = dg_test_add_all_day (&fixture->base, "done today", "2026-03-10");
  dg_test_complete_followup (&fixture->base, done, NULL);

  /* Cold after 30 days without contact; one contacted last week is not. */
  add_customer_added (fixture, "added long ago", 60);
  add_customer_added (fixture, "added last month", 31);
  {
    gint64 warm = add_customer_added (fixture, "called last week", 90);
    g_autoptr(GDateTime) last_week = dg_test_at (&fixture->base, 2026, 3, 3, 11, 0);

    dg_test_log_contact (&fixture->base, warm, last_week);
  }
  add_customer_added (fixture, "added yesterday", 1);

  g_assert_true (dg_reminders_morning_summary (fixture->base.db, fixture->base.base, 30, &summary, &error));
  g_assert_no_error (error);
  assert_summary (&summary, 2, 1, 2);
  g_assert_false (dg_morning_summary_is_empty (&summary));

  /* The days come from the setting. */
  g_assert_true (dg_reminders_morning_summary (fixture->base.db, fixture->base.base, 45, &summary, &error));
  assert_summary (&summary, 2, 1, 1);
}

static void
test_has_upcoming (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (fixture->base.base);
  g_autoptr(GDateTime) earlier = dg_test_at (&fixture->base, 2026, 3, 10, 9, 0);
  g_autoptr(GDateTime) later = dg_test_at (&fixture->base, 2026, 3, 12, 9, 0);
  g_autoptr(GDateTime) in_an_hour = g_date_time_add_hours (now, 1);
  g_autoptr(GError) error = NULL;
  gboolean upcoming = TRUE;
  gint64 id;

  g_assert_true (dg_reminders_has_upcoming (fixture->base.db, now, &upcoming, &error));
  g_assert_no_error (error);
  g_assert_false (upcoming);

  /* Past due only: nothing for a reminder to wait for. */
  id = dg_test_add_timed (&fixture->base, "this morning", earlier);
  g_assert_true (dg_reminders_has_upcoming (fixture->base.db, now, &upcoming, &error));
  g_assert_false (upcoming);

  /* Snoozed to later: its reminder is ahead. */
  g_assert_true (dg_followups_snooze (fixture->base.db, fixture->base.base, id, in_an_hour, &error));
  g_assert_no_error (error);
  g_assert_true (dg_reminders_has_upcoming (fixture->base.db, now, &upcoming, &error));
  g_assert_true (upcoming);
  dg_test_complete_followup (&fixture->base, id, NULL);
  g_assert_true (dg_reminders_has_upcoming (fixture->base.db, now, &upcoming, &error));
  g_assert_false (upcoming);

  /* Due later, and open. */
  id = dg_test_add_timed (&fixture->base, "Thursday", later);
  g_assert_true (dg_reminders_has_upcoming (fixture->base.db, now, &upcoming, &error));
  g_assert_true (upcoming);
  g_assert_true (dg_followups_cancel (fixture->base.db, fixture->base.base, id, &error));
  g_assert_true (dg_reminders_has_upcoming (fixture->base.db, now, &upcoming, &error));
  g_assert_false (upcoming);

  /* An all-day one tomorrow. */
  dg_test_add_all_day (&fixture->base, "tomorrow", "2026-03-11");
  g_assert_true (dg_reminders_has_upcoming (fixture->base.db, now, &upcoming, &error));
  g_assert_true (upcoming);
}

static void
test_at_its_time (Fixture       *fixture,
                  gconstpointer  data)
{
  dg_test_set_now (&fixture->base, 2026, 3, 11, 8, 0);
  dg_test_add_all_day (&fixture->base, "call the printer", "2026-03-11");
  dg_test_add_all_day (&fixture->base, "send the survey", "2026-03-12");

  start_service (fixture);
  g_assert_cmpuint (fixture->agendas->len, ==, 0);

  move_to (fixture, 11, 8, 29);
  g_assert_cmpuint (fixture->agendas->len, ==, 0);

  move_to (fixture, 11, 8, 30);
  g_assert_cmpuint (fixture->agendas->len, ==, 1);
  assert_summary (agenda (fixture, 0), 1, 0, 0);
  g_assert_cmpint (g_date_get_day (&agenda (fixture, 0)->day), ==, 11);

  /* Once a day: not at the next check, nor later that day… */
  dg_reminder_service_check_now (fixture->service);
  move_to (fixture, 11, 11, 0);
  move_to (fixture, 11, 23, 59);
  g_assert_cmpuint (fixture->agendas->len, ==, 1);

  /* …nor after a restart. */
  stop_service (fixture);
  start_service (fixture);
  g_assert_cmpuint (fixture->agendas->len, ==, 1);

  /* The next morning, at its time again. */
  move_to (fixture, 12, 8, 0);
  g_assert_cmpuint (fixture->agendas->len, ==, 1);
  move_to (fixture, 12, 8, 30);
  g_assert_cmpuint (fixture->agendas->len, ==, 2);
  /* Yesterday's printer call was not done: overdue now. */
  assert_summary (agenda (fixture, 1), 1, 1, 0);
}

static void
test_caught_up_when_started_late (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate given;

  dg_test_add_all_day (&fixture->base, "call the printer", "2026-03-11");

  /* The computer was off at 8:30 and started at 11:00. */
  dg_test_set_now (&fixture->base, 2026, 3, 11, 11, 0);
  start_service (fixture);
  g_assert_cmpuint (fixture->agendas->len, ==, 1);
  assert_summary (agenda (fixture, 0), 1, 0, 0);

  g_assert_true (dg_reminders_get_agenda_day (fixture->base.db, &given, &error));
  g_assert_no_error (error);
  g_assert_true (g_date_valid (&given));
  g_assert_cmpint (g_date_get_day (&given), ==, 11);

  move_to (fixture, 11, 11, 30);
  g_assert_cmpuint (fixture->agendas->len, ==, 1);

  /* Started early the next day: it waits for the time. */
  stop_service (fixture);
  dg_test_set_now (&fixture->base, 2026, 3, 12, 7, 0);
  start_service (fixture);
  g_assert_cmpuint (fixture->agendas->len, ==, 1);
  move_to (fixture, 12, 8, 30);
  g_assert_cmpuint (fixture->agendas->len, ==, 2);
}

static void
test_not_on_an_empty_day (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GDateTime) this_evening = NULL;

  dg_test_set_now (&fixture->base, 2026, 3, 11, 8, 0);
  dg_test_add_all_day (&fixture->base, "next week", "2026-03-18");

  start_service (fixture);
  move_to (fixture, 11, 8, 30);
  move_to (fixture, 11, 10, 0);
  g_assert_cmpuint (fixture->agendas->len, ==, 0);

  /* One added for today after the agenda's time has its own reminder; no
   * agenda comes late for it. */
  this_evening = dg_test_at (&fixture->base, 2026, 3, 11, 17, 0);
  dg_test_add_timed (&fixture->base, "added during the day", this_evening);
  move_to (fixture, 11, 12, 0);
  g_assert_cmpuint (fixture->agendas->len, ==, 0);

  /* The next day has it overdue, so there is an agenda. */
  move_to (fixture, 12, 8, 30);
  g_assert_cmpuint (fixture->agendas->len, ==, 1);
  assert_summary (agenda (fixture, 0), 0, 1, 0);
}

static void
test_unshown_offered_again (Fixture       *fixture,
                            gconstpointer  data)
{
  dg_test_set_now (&fixture->base, 2026, 3, 11, 9, 0);
  dg_test_add_all_day (&fixture->base, "call the printer", "2026-03-11");

  /* No notification service: not shown, so offered again. */
  fixture->shown = FALSE;
  start_service (fixture);
  g_assert_cmpuint (fixture->agendas->len, ==, 1);
  move_to (fixture, 11, 9, 1);
  g_assert_cmpuint (fixture->agendas->len, ==, 2);

  fixture->shown = TRUE;
  move_to (fixture, 11, 9, 2);
  g_assert_cmpuint (fixture->agendas->len, ==, 3);
  move_to (fixture, 11, 9, 3);
  g_assert_cmpuint (fixture->agendas->len, ==, 3);
}

static void
test_off (Fixture       *fixture,
          gconstpointer  data)
{
  guint checks;

  dg_test_set_now (&fixture->base, 2026, 3, 11, 9, 0);
  dg_test_add_all_day (&fixture->base, "call the printer", "2026-03-11");

  fixture->service = dg_reminder_service_new (fixture->base.db, fixture->base.base);
  g_signal_connect (fixture->service, "morning-agenda", G_CALLBACK (on_morning_agenda_cb), fixture);
  g_assert_false (dg_reminder_service_get_morning_agenda (fixture->service));
  dg_reminder_service_start (fixture->service);
  run_one_check (fixture, 0);
  move_to (fixture, 11, 10, 0);
  g_assert_cmpuint (fixture->agendas->len, ==, 0);

  /* Turned on during the day, past its time, by someone at the computer:
   * the first agenda is the next morning's. */
  checks = dg_reminder_service_get_n_checks (fixture->service);
  dg_reminder_service_set_morning_agenda (fixture->service, TRUE, 8 * 60 + 30, 30);
  run_one_check (fixture, checks);
  move_to (fixture, 11, 12, 0);
  g_assert_cmpuint (fixture->agendas->len, ==, 0);
  move_to (fixture, 12, 8, 30);
  g_assert_cmpuint (fixture->agendas->len, ==, 1);

  /* But a start later that day catches it up, as always. */
  stop_service (fixture);
  dg_test_set_now (&fixture->base, 2026, 3, 13, 10, 0);
  start_service (fixture);
  g_assert_cmpuint (fixture->agendas->len, ==, 2);

  /* Turned on before its time: that same day. */
  dg_reminder_service_set_morning_agenda (fixture->service, FALSE, 8 * 60 + 30, 30);
  move_to (fixture, 14, 7, 0);
  checks = dg_reminder_service_get_n_checks (fixture->service);
  dg_reminder_service_set_morning_agenda (fixture->service, TRUE, 8 * 60 + 30, 30);
  run_one_check (fixture, checks);
  move_to (fixture, 14, 8, 30);
  g_assert_cmpuint (fixture->agendas->len, ==, 3);

  /* Off: none the next day. */
  dg_reminder_service_set_morning_agenda (fixture->service, FALSE, 8 * 60 + 30, 30);
  move_to (fixture, 15, 9, 0);
  g_assert_cmpuint (fixture->agendas->len, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/morning-agenda/summary-counts", test_summary_counts);
  ADD ("/morning-agenda/summary-birthdays", test_summary_birthdays);
  ADD ("/morning-agenda/has-upcoming", test_has_upcoming);
  ADD ("/morning-agenda/at-its-time", test_at_its_time);
  ADD ("/morning-agenda/caught-up-when-started-late", test_caught_up_when_started_late);
  ADD ("/morning-agenda/not-on-an-empty-day", test_not_on_an_empty_day);
  ADD ("/morning-agenda/unshown-offered-again", test_unshown_offered_again);
  ADD ("/morning-agenda/off", test_off);

#undef ADD

  return g_test_run ();
}
