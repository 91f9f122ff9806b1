/* test-reminders.c */
#include "config.h"

#include <string.h>

#include "dg-database-private.h"
#include "dg-test-util.h"

/* A database file, a fake clock in New York on 2026-03-10 at 10:00, and a
 * reminder service that the service tests start. */
typedef struct
{
  char              *path;
  DgDatabase        *db;
  DgFakeClock       *clock;
  DgClock           *base;
  GTimeZone         *tz;
  DgReminderService *service;
  /* One GArray of gint64 ids per ::due emission. */
  GPtrArray         *emissions;
  gboolean           mark_shown;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = dg_test_temp_path ("dangol.db");
  fixture->db = dg_database_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->clock = dg_test_fake_clock ("America/New_York", 2026, 3, 10, 10, 0);
  fixture->base = DG_CLOCK (fixture->clock);
  fixture->tz = dg_clock_dup_time_zone (fixture->base);
  fixture->emissions = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  fixture->mark_shown = TRUE;
  g_assert_true (dg_followups_sync_time_zone (fixture->db, fixture->base, NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->service != NULL)
    dg_reminder_service_stop (fixture->service);
  g_clear_object (&fixture->service);
  g_clear_object (&fixture->db);
  g_clear_object (&fixture->clock);
  g_clear_pointer (&fixture->tz, g_time_zone_unref);
  g_clear_pointer (&fixture->emissions, g_ptr_array_unref);
  g_clear_pointer (&fixture->path, g_free);

  /* Nothing of the service may be left in the main context. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GDateTime *
at (Fixture *fixture,
    int      month,
    int      day,
    int      hour,
    int      minute)
{
  return dg_test_local_time (fixture->tz, 2026, month, day, hour, minute);
}

static void
set_now (Fixture *fixture,
         int      month,
         int      day,
         int      hour,
         int      minute)
{
  g_autoptr(GDateTime) now = at (fixture, month, day, hour, minute);

  dg_fake_clock_set_now (fixture->clock, now);
}

static gint64
add_timed (Fixture    *fixture,
           const char *title,
           GDateTime  *due)
{
  g_autoptr(DgFollowup) followup = dg_followup_new ();
  g_autoptr(GError) error = NULL;

  dg_followup_set_title (followup, title);
  dg_followup_set_due_at (followup, due);
  g_assert_true (dg_followups_insert (fixture->db, fixture->base, followup, &error));
  g_assert_no_error (error);

  return dg_followup_get_id (followup);
}

static gint64
add_all_day (Fixture    *fixture,
             const char *title,
             const char *due)
{
  g_autoptr(DgFollowup) followup = dg_followup_new ();
  g_autoptr(GError) error = NULL;

  dg_followup_set_title (followup, title);
  dg_followup_set_due_date (followup, due);
  g_assert_true (dg_followups_insert (fixture->db, fixture->base, followup, &error));
  g_assert_no_error (error);

  return dg_followup_get_id (followup);
}

/* The ids collect_due returns now, 0-terminated in @expected. */
static void
assert_due (Fixture      *fixture,
            const gint64 *expected)
{
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (fixture->base);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = dg_reminders_collect_due (fixture->db, now, &error);
  guint n = 0;

  g_assert_no_error (error);
  while (expected[n] != 0)
    n++;

  if (due->len != n)
    {
      for (guint i = 0; i < due->len; i++)
        g_test_message ("due: %" G_GINT64_FORMAT " %s",
                        dg_followup_get_id (g_ptr_array_index (due, i)),
                        dg_followup_get_title (g_ptr_array_index (due, i)));
    }
  g_assert_cmpuint (due->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (dg_followup_get_id (g_ptr_array_index (due, i)), ==, expected[i]);
}

static void
mark (Fixture *fixture,
      gint64   id)
{
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (fixture->base);
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_reminders_mark_notified (fixture->db, id, now, &error));
  g_assert_no_error (error);
}

static void
test_lead_and_all_day_hour (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GDateTime) eleven = at (fixture, 3, 10, 11, 0);
  g_autoptr(GDateTime) noon = at (fixture, 3, 10, 12, 0);
  g_autoptr(GError) error = NULL;
  gint64 timed, all_day, later;

  g_assert_cmpint (dg_reminders_get_lead_minutes (fixture->db, &error), ==, DG_REMINDERS_DEFAULT_LEAD_MINUTES);

  set_now (fixture, 3, 10, 7, 0);
  timed = add_timed (fixture, "11:00", eleven);
  all_day = add_all_day (fixture, "all day", "2026-03-10");
  later = add_timed (fixture, "12:00", noon);

  assert_due (fixture, (gint64[]) { 0 });
  set_now (fixture, 3, 10, 8, 59);
  assert_due (fixture, (gint64[]) { 0 });
  /* All-day ones at 09:00 local, whatever the lead. */
  set_now (fixture, 3, 10, 9, 0);
  assert_due (fixture, (gint64[]) { all_day, 0 });
  mark (fixture, all_day);

  set_now (fixture, 3, 10, 10, 49);
  assert_due (fixture, (gint64[]) { 0 });
  set_now (fixture, 3, 10, 10, 50);
  assert_due (fixture, (gint64[]) { timed, 0 });
  mark (fixture, timed);

  /* A longer lead brings the pending 12:00 one forward to 11:30; the
   * reminders already shown stay shown. */
  g_assert_true (dg_reminders_set_lead_minutes (fixture->db, 30, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_reminders_get_lead_minutes (fixture->db, &error), ==, 30);
  set_now (fixture, 3, 10, 11, 29);
  assert_due (fixture, (gint64[]) { 0 });
  set_now (fixture, 3, 10, 11, 30);
  assert_due (fixture, (gint64[]) { later, 0 });

  /* New follow-ups use the lead too. */
  {
    g_autoptr(GDateTime) two = at (fixture, 3, 10, 14, 0);
    gint64 id;

    mark (fixture, later);
    id = add_timed (fixture, "14:00", two);
    set_now (fixture, 3, 10, 13, 30);
    assert_due (fixture, (gint64[]) { id, 0 });
  }
}

static void
test_shown_only_when_marked (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GDateTime) due = at (fixture, 3, 10, 10, 5);
  g_autoptr(GError) error = NULL;
  gint64 id = add_timed (fixture, "call", due);

  /* Not marked (no notification daemon, say): offered again every time. */
  assert_due (fixture, (gint64[]) { id, 0 });
  assert_due (fixture, (gint64[]) { id, 0 });
  dg_fake_clock_advance (fixture->clock, G_TIME_SPAN_HOUR);
  assert_due (fixture, (gint64[]) { id, 0 });

  mark (fixture, id);
  assert_due (fixture, (gint64[]) { 0 });
  dg_fake_clock_advance (fixture->clock, G_TIME_SPAN_DAY);
  assert_due (fixture, (gint64[]) { 0 });

  {
    g_autoptr(DgFollowup) stored = dg_followups_get (fixture->db, id, &error);
    g_autoptr(GDateTime) then = g_date_time_add (dg_clock_get_now_utc (fixture->base), -G_TIME_SPAN_DAY);

    g_assert_no_error (error);
    g_assert_nonnull (dg_followup_get_notified_at (stored));
    g_assert_true (g_date_time_equal (dg_followup_get_notified_at (stored), then));
  }
}

/* Three follow-ups fell due over a weekend with the computer off: each is
 * returned at start, earliest first, and once marked never again. */
static void
test_catch_up_after_downtime (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GDateTime) fri = at (fixture, 3, 13, 17, 0);
  g_autoptr(GDateTime) sun = at (fixture, 3, 15, 11, 0);
  g_autoptr(GDateTime) mon_late = at (fixture, 3, 16, 15, 0);
  gint64 a = add_timed (fixture, "Friday 17:00", fri);
  gint64 b = add_all_day (fixture, "Saturday", "2026-03-14");
  gint64 c = add_timed (fixture, "Sunday 11:00", sun);
  gint64 d = add_timed (fixture, "Monday 15:00", mon_late);
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->db);

  /* Monday morning. */
  set_now (fixture, 3, 16, 8, 30);
  fixture->db = dg_database_open (fixture->path, &error);
  g_assert_no_error (error);

  assert_due (fixture, (gint64[]) { a, b, c, 0 });
  {
    g_autoptr(GDateTime) now = dg_clock_get_now_utc (fixture->base);
    gint64 ids[] = { a, b, c };

    g_assert_true (dg_reminders_mark_notified_many (fixture->db, ids, G_N_ELEMENTS (ids), now, &error));
    g_assert_no_error (error);
  }
  assert_due (fixture, (gint64[]) { 0 });

  {
    g_autoptr(GDateTime) now = dg_clock_get_now_utc (fixture->base);
    g_autoptr(GDateTime) next = dg_reminders_next_wakeup (fixture->db, now, &error);
    g_autoptr(GDateTime) expected = at (fixture, 3, 16, 14, 50);

    g_assert_no_error (error);
    g_assert_true (g_date_time_equal (next, expected));
  }

  set_now (fixture, 3, 16, 14, 50);
  assert_due (fixture, (gint64[]) { d, 0 });
}

/* Shown, then the app quits: after a restart nothing is shown twice, and
 * what was not shown yet still is. */
static void
test_never_twice_across_restart (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GDateTime) due1 = at (fixture, 3, 10, 10, 5);
  g_autoptr(GDateTime) due2 = at (fixture, 3, 10, 10, 8);
  g_autoptr(GError) error = NULL;
  gint64 shown = add_timed (fixture, "shown", due1);
  gint64 not_shown = add_timed (fixture, "not shown", due2);

  assert_due (fixture, (gint64[]) { shown, not_shown, 0 });
  mark (fixture, shown);

  for (guint restart = 0; restart < 2; restart++)
    {
      g_clear_object (&fixture->db);
      dg_fake_clock_advance (fixture->clock, 5 * G_TIME_SPAN_MINUTE);
      fixture->db = dg_database_open (fixture->path, &error);
      g_assert_no_error (error);

      assert_due (fixture, (gint64[]) { not_shown, 0 });
    }

  mark (fixture, not_shown);
  g_clear_object (&fixture->db);
  fixture->db = dg_database_open (fixture->path, &error);
  g_assert_no_error (error);
  assert_due (fixture, (gint64[]) { 0 });
}

static void
test_snooze (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GDateTime) due = at (fixture, 3, 10, 10, 5);
  g_autoptr(GDateTime) hour_later = at (fixture, 3, 10, 11, 0);
  g_autoptr(GError) error = NULL;
  gint64 id = add_timed (fixture, "call", due);
  gint64 other = add_timed (fixture, "other", due);

  assert_due (fixture, (gint64[]) { id, other, 0 });
  mark (fixture, id);
  mark (fixture, other);

  /* Snooze 1 hour from the notification. */
  g_assert_true (dg_followups_snooze (fixture->db, fixture->base, id, hour_later, &error));
  g_assert_no_error (error);
  assert_due (fixture, (gint64[]) { 0 });

  {
    g_autoptr(GDateTime) now = dg_clock_get_now_utc (fixture->base);
    g_autoptr(GDateTime) next = dg_reminders_next_wakeup (fixture->db, now, &error);

    g_assert_true (g_date_time_equal (next, hour_later));
  }

  set_now (fixture, 3, 10, 10, 59);
  assert_due (fixture, (gint64[]) { 0 });
  set_now (fixture, 3, 10, 11, 0);
  assert_due (fixture, (gint64[]) { id, 0 });
  mark (fixture, id);
  assert_due (fixture, (gint64[]) { 0 });

  /* Snoozed again before it fires, the first snooze does not fire. */
  {
    g_autoptr(GDateTime) one = at (fixture, 3, 10, 12, 0);
    g_autoptr(GDateTime) two = at (fixture, 3, 10, 13, 0);

    g_assert_true (dg_followups_snooze (fixture->db, fixture->base, id, one, &error));
    g_assert_true (dg_followups_snooze (fixture->db, fixture->base, id, two, &error));
    set_now (fixture, 3, 10, 12, 30);
    assert_due (fixture, (gint64[]) { 0 });
    set_now (fixture, 3, 10, 13, 0);
    assert_due (fixture, (gint64[]) { id, 0 });
  }

  /* Snoozed while its notification was on screen: marking that one shown
   * does not swallow the snooze. */
  {
    g_autoptr(GDateTime) shown_at = dg_clock_get_now_utc (fixture->base);
    g_autoptr(GDateTime) until = at (fixture, 3, 10, 14, 0);

    g_assert_true (dg_followups_snooze (fixture->db, fixture->base, id, until, &error));
    g_assert_true (dg_reminders_mark_notified (fixture->db, id, shown_at, &error));
    g_assert_no_error (error);
    set_now (fixture, 3, 10, 14, 0);
    assert_due (fixture, (gint64[]) { id, 0 });
  }
}

static void
test_edits_and_reminders (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GDateTime) due = at (fixture, 3, 10, 10, 5);
  g_autoptr(GDateTime) tomorrow = at (fixture, 3, 11, 10, 5);
  g_autoptr(GError) error = NULL;
  gint64 id = add_timed (fixture, "call", due);

  assert_due (fixture, (gint64[]) { id, 0 });
  mark (fixture, id);

  /* A new title is not a new reminder. */
  {
    g_autoptr(DgFollowup) edited = dg_followups_get (fixture->db, id, &error);

    dg_followup_set_title (edited, "call Anna");
    g_assert_true (dg_followups_update (fixture->db, fixture->base, edited, &error));
    g_assert_no_error (error);
    assert_due (fixture, (gint64[]) { 0 });
  }

  /* A new due is. */
  {
    g_autoptr(DgFollowup) edited = dg_followups_get (fixture->db, id, &error);

    dg_followup_set_due_at (edited, tomorrow);
    g_assert_true (dg_followups_update (fixture->db, fixture->base, edited, &error));
    g_assert_no_error (error);
    assert_due (fixture, (gint64[]) { 0 });
    set_now (fixture, 3, 11, 9, 55);
    assert_due (fixture, (gint64[]) { id, 0 });
    mark (fixture, id);
  }

  /* Done, then undone: not shown again. Closed ones are never due. */
  {
    g_autoptr(DgFollowup) next = NULL;

    g_assert_true (dg_followups_complete (fixture->db, fixture->base, id, &next, &error));
    assert_due (fixture, (gint64[]) { 0 });
    g_assert_true (dg_followups_reopen (fixture->db, fixture->base, id, 0, &error));
    g_assert_no_error (error);
    assert_due (fixture, (gint64[]) { 0 });
  }

  /* Dragged to another day: reminded there. */
  {
    GDate day;

    g_date_clear (&day, 1);
    g_date_set_dmy (&day, 12, 3, 2026);
    g_assert_true (dg_followups_move_to_date (fixture->db, fixture->base, id, &day, &error));
    g_assert_no_error (error);
    set_now (fixture, 3, 12, 9, 55);
    assert_due (fixture, (gint64[]) { id, 0 });
  }

  /* Cancelled: its pending reminder goes. */
  g_assert_true (dg_followups_cancel (fixture->db, fixture->base, id, &error));
  assert_due (fixture, (gint64[]) { 0 });

  /* A repeating one's next occurrence reminds afresh. */
  {
    g_autoptr(DgFollowup) daily = dg_followup_new ();
    g_autoptr(DgFollowup) next = NULL;
    g_autoptr(GDateTime) nine = at (fixture, 3, 12, 10, 0);

    dg_followup_set_title (daily, "daily");
    dg_followup_set_due_at (daily, nine);
    dg_followup_set_recurrence (daily, DG_RECURRENCE_DAYS);
    g_assert_true (dg_followups_insert (fixture->db, fixture->base, daily, &error));
    g_assert_no_error (error);
    assert_due (fixture, (gint64[]) { dg_followup_get_id (daily), 0 });
    mark (fixture, dg_followup_get_id (daily));
    g_assert_true (dg_followups_complete (fixture->db, fixture->base, dg_followup_get_id (daily), &next, &error));
    assert_due (fixture, (gint64[]) { 0 });
    set_now (fixture, 3, 13, 9, 50);
    assert_due (fixture, (gint64[]) { dg_followup_get_id (next), 0 });
  }
}

static void
assert_index_bound_statements (DgDatabase *db,
                               GPtrArray  *statements)
{
  for (guint i = 0; i < statements->len; i++)
    {
      const char *sql = g_ptr_array_index (statements, i);

      if (!g_str_has_prefix (sql, "SELECT") && !g_str_has_prefix (sql, "UPDATE")
          && !g_str_has_prefix (sql, "DELETE"))
        continue;

      /* Changing the lead walks the pending reminders, and only them. */
      if (strstr (sql, "WHERE remind_at IS NOT NULL AND all_day = 0") != NULL)
        {
          g_autofree char *plan = dg_test_query_plan (db, sql);

          g_assert_nonnull (strstr (plan, "followups_by_remind"));
        }

      dg_test_assert_index_bound (db, sql);
    }
}

static void
test_query_plans (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) due = at (fixture, 3, 10, 10, 5);
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (fixture->base);

  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_hours (due, i);

      add_timed (fixture, "row", when);
    }

  dg_test_trace_begin (fixture->db);
  {
    g_autoptr(GPtrArray) due_now = dg_reminders_collect_due (fixture->db, now, &error);
    g_autoptr(GDateTime) next = dg_reminders_next_wakeup (fixture->db, now, &error);

    g_assert_nonnull (next);
    g_assert_true (dg_reminders_mark_notified (fixture->db, 1, now, &error));
    g_assert_true (dg_reminders_set_lead_minutes (fixture->db, 15, &error));
    g_assert_no_error (error);
  }
  statements = dg_test_trace_end (fixture->db);
  assert_index_bound_statements (fixture->db, statements);

  /* The next wake-up is one step down the index of pending reminders. */
  {
    g_autofree char *plan = dg_test_query_plan (fixture->db,
                                                "SELECT min (remind_at) FROM followups WHERE remind_at > ?1");

    g_assert_nonnull (strstr (plan, "COVERING INDEX followups_by_remind"));
    for (guint i = 0; i < statements->len; i++)
      {
        if (strstr (g_ptr_array_index (statements, i), "min (remind_at)") != NULL)
          return;
      }
    g_assert_not_reached ();
  }
}

/* The reminder service, driven by the fake clock. */

static void
on_due (DgReminderService *service,
        GPtrArray         *followups,
        Fixture           *fixture)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (fixture->base);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < followups->len; i++)
    {
      gint64 id = dg_followup_get_id (g_ptr_array_index (followups, i));

      g_array_append_val (ids, id);
    }
  g_ptr_array_add (fixture->emissions, ids);

  if (fixture->mark_shown)
    {
      g_assert_true (dg_reminders_mark_notified_many (fixture->db, (gint64 *) ids->data, ids->len,
                                                      now, &error));
      g_assert_no_error (error);
    }
}

static gboolean
on_deadline (gpointer user_data)
{
  gboolean *expired = user_data;

  *expired = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main context until the service has made @n_checks checks in
 * all, failing after ten seconds. */
static void
run_until_checks (Fixture *fixture,
                  guint    n_checks)
{
  gboolean expired = FALSE;
  guint deadline = g_timeout_add_seconds (10, on_deadline, &expired);

  while (dg_reminder_service_get_n_checks (fixture->service) < n_checks && !expired)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (expired);
  g_source_remove (deadline);
}

static void
start_service (Fixture *fixture)
{
  fixture->service = dg_reminder_service_new (fixture->db, fixture->base);
  g_signal_connect (fixture->service, "due", G_CALLBACK (on_due), fixture);
  dg_reminder_service_start (fixture->service);
  g_assert_true (dg_reminder_service_get_running (fixture->service));
  run_until_checks (fixture, 1);
}

static void
assert_emission (Fixture      *fixture,
                 guint         index,
                 const gint64 *expected)
{
  GArray *ids;
  guint n = 0;

  g_assert_cmpuint (fixture->emissions->len, >, index);
  ids = g_ptr_array_index (fixture->emissions, index);
  while (expected[n] != 0)
    n++;

  g_assert_cmpuint (ids->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, expected[i]);
}

static void
test_service_catch_up_and_timer (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GDateTime) past = at (fixture, 3, 10, 9, 0);
  g_autoptr(GDateTime) soon = at (fixture, 3, 10, 10, 30);
  gint64 missed = add_timed (fixture, "fell due while off", past);
  gint64 upcoming = add_timed (fixture, "at 10:30", soon);
  guint checks;

  /* At start: what fell due while nothing ran, once. */
  start_service (fixture);
  g_assert_cmpuint (fixture->emissions->len, ==, 1);
  assert_emission (fixture, 0, (gint64[]) { missed, 0 });

  /* It sleeps until the next reminder, 10:20. */
  {
    g_autoptr(GDateTime) expected = at (fixture, 3, 10, 10, 20);

    g_assert_true (g_date_time_equal (dg_reminder_service_get_next_wakeup (fixture->service), expected));
  }

  /* Not yet at 10:19. */
  checks = dg_reminder_service_get_n_checks (fixture->service);
  set_now (fixture, 3, 10, 10, 19);
  run_until_checks (fixture, checks + 1);
  g_assert_cmpuint (fixture->emissions->len, ==, 1);

  /* At 10:20. */
  checks = dg_reminder_service_get_n_checks (fixture->service);
  set_now (fixture, 3, 10, 10, 20);
  run_until_checks (fixture, checks + 1);
  g_assert_cmpuint (fixture->emissions->len, ==, 2);
  assert_emission (fixture, 1, (gint64[]) { upcoming, 0 });
  g_assert_null (dg_reminder_service_get_next_wakeup (fixture->service));

  /* Later checks find nothing more. */
  checks = dg_reminder_service_get_n_checks (fixture->service);
  dg_fake_clock_advance (fixture->clock, G_TIME_SPAN_DAY);
  run_until_checks (fixture, checks + 1);
  g_assert_cmpuint (fixture->emissions->len, ==, 2);
}

static void
test_service_sees_new_followups (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GDateTime) now_ish = at (fixture, 3, 10, 10, 5);
  g_autoptr(GDateTime) later = at (fixture, 3, 10, 16, 0);
  guint checks;
  gint64 id;

  start_service (fixture);
  g_assert_cmpuint (fixture->emissions->len, ==, 0);
  g_assert_null (dg_reminder_service_get_next_wakeup (fixture->service));

  /* Added in the window, due within the lead: shown at once. */
  checks = dg_reminder_service_get_n_checks (fixture->service);
  id = add_timed (fixture, "right away", now_ish);
  run_until_checks (fixture, checks + 1);
  g_assert_cmpuint (fixture->emissions->len, ==, 1);
  assert_emission (fixture, 0, (gint64[]) { id, 0 });

  /* Added for later: the wake-up moves to it. */
  checks = dg_reminder_service_get_n_checks (fixture->service);
  add_timed (fixture, "later", later);
  run_until_checks (fixture, checks + 1);
  {
    g_autoptr(GDateTime) expected = at (fixture, 3, 10, 15, 50);

    g_assert_true (g_date_time_equal (dg_reminder_service_get_next_wakeup (fixture->service), expected));
  }
  g_assert_cmpuint (fixture->emissions->len, ==, 1);

  /* Stopped: nothing runs any more. */
  dg_reminder_service_stop (fixture->service);
  g_assert_false (dg_reminder_service_get_running (fixture->service));
  checks = dg_reminder_service_get_n_checks (fixture->service);
  set_now (fixture, 3, 10, 16, 0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (dg_reminder_service_get_n_checks (fixture->service), ==, checks);
  g_assert_cmpuint (fixture->emissions->len, ==, 1);
}

/* No notification daemon: the handler marks nothing, so the same reminder
 * is offered at the next check, and none is lost. */
static void
test_service_offers_unshown_again (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GDateTime) due = at (fixture, 3, 10, 10, 5);
  gint64 id = add_timed (fixture, "keep trying", due);
  guint checks;

  fixture->mark_shown = FALSE;
  start_service (fixture);
  assert_emission (fixture, 0, (gint64[]) { id, 0 });

  /* The next check (at the latest the safety net, a minute later). */
  checks = dg_reminder_service_get_n_checks (fixture->service);
  dg_fake_clock_advance (fixture->clock, G_TIME_SPAN_MINUTE);
  run_until_checks (fixture, checks + 1);
  g_assert_cmpuint (fixture->emissions->len, ==, 2);
  assert_emission (fixture, 1, (gint64[]) { id, 0 });

  /* The daemon is back. */
  fixture->mark_shown = TRUE;
  dg_reminder_service_check_now (fixture->service);
  g_assert_cmpuint (fixture->emissions->len, ==, 3);

  checks = dg_reminder_service_get_n_checks (fixture->service);
  dg_fake_clock_advance (fixture->clock, G_TIME_SPAN_MINUTE);
  run_until_checks (fixture, checks + 1);
  g_assert_cmpuint (fixture->emissions->len, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/reminders/lead-and-all-day-hour", test_lead_and_all_day_hour);
  ADD ("/reminders/shown-only-when-marked", test_shown_only_when_marked);
  ADD ("/reminders/catch-up-after-downtime", test_catch_up_after_downtime);
  ADD ("/reminders/never-twice-across-restart", test_never_twice_across_restart);
  ADD ("/reminders/snooze", test_snooze);
  ADD ("/reminders/edits", test_edits_and_reminders);
  ADD ("/reminders/query-plans", test_query_plans);
  ADD ("/reminder-service/catch-up-and-timer", test_service_catch_up_and_timer);
  ADD ("/reminder-service/sees-new-followups", test_service_sees_new_followups);
  ADD ("/reminder-service/offers-unshown-again", test_service_offers_unshown_again);

#undef ADD

  return g_test_run ();
}
