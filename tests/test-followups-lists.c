/* test-followups-lists.c */
#include "config.h"

#include <string.h>

#include "dg-followup-test-util.h"
#include "dg-test-util.h"

typedef DgFollowupFixture Fixture;

/* Around local midnight in New York, where UTC is already on the next day. */
static void
test_today_lists (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) t_2300 = dg_test_at (fixture, 2026, 3, 10, 23, 0);
  g_autoptr(GDateTime) t_2345 = dg_test_at (fixture, 2026, 3, 10, 23, 45);
  g_autoptr(GDateTime) t_0015 = dg_test_at (fixture, 2026, 3, 11, 0, 15);
  g_autoptr(GDateTime) yesterday_late = dg_test_at (fixture, 2026, 3, 9, 23, 59);
  g_autoptr(GDateTime) t_2200 = dg_test_at (fixture, 2026, 3, 10, 22, 0);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a, b, c, d, e, f, g, h, done;

  dg_test_set_now (fixture, 2026, 3, 10, 23, 30);

  f = dg_test_add_timed (fixture, "F yesterday 23:59", yesterday_late);
  e = dg_test_add_all_day (fixture, "E all day yesterday", "2026-03-09");
  a = dg_test_add_timed (fixture, "A 23:00 today", t_2300);
  d = dg_test_add_all_day (fixture, "D all day today", "2026-03-10");
  b = dg_test_add_timed (fixture, "B 23:45 today", t_2345);
  c = dg_test_add_timed (fixture, "C 00:15 tomorrow", t_0015);
  g = dg_test_add_all_day (fixture, "G all day in a week", "2026-03-17");
  h = dg_test_add_all_day (fixture, "H all day in eight days", "2026-03-18");
  done = dg_test_add_timed (fixture, "done 22:00", t_2200);
  g_assert_true (dg_followups_complete (fixture->db, fixture->base, done, NULL, &error));
  g_assert_no_error (error);

  list = dg_followups_list_overdue (fixture->db, fixture->base, 0, &error);
  g_assert_no_error (error);
  dg_test_assert_followup_ids (list, (gint64[]) { e, f, a, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_cmpint (dg_followups_count_overdue (fixture->db, fixture->base, 0, &error), ==, 3);
  /* A limit stops the count there. */
  g_assert_cmpint (dg_followups_count_overdue (fixture->db, fixture->base, 2, &error), ==, 2);
  g_assert_cmpint (dg_followups_count_overdue (fixture->db, fixture->base, 4, &error), ==, 3);

  list = dg_followups_list_overdue (fixture->db, fixture->base, 2, &error);
  dg_test_assert_followup_ids (list, (gint64[]) { e, f, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dg_followups_list_due_today (fixture->db, fixture->base, 0, &error);
  g_assert_no_error (error);
  dg_test_assert_followup_ids (list, (gint64[]) { d, b, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dg_followups_list_upcoming (fixture->db, fixture->base, 7, 0, &error);
  g_assert_no_error (error);
  dg_test_assert_followup_ids (list, (gint64[]) { c, g, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  {
    g_autoptr(DgFollowup) fd = dg_test_get_followup (fixture, d);
    g_autoptr(DgFollowup) fa = dg_test_get_followup (fixture, a);

    g_assert_false (dg_followup_is_overdue (fd, fixture->base));
    g_assert_true (dg_followup_is_overdue (fa, fixture->base));
  }

  /* Just past midnight: yesterday's all-day item and 23:45 are overdue,
   * 00:15 is due today, and the eight-day one is within the week. */
  dg_test_set_now (fixture, 2026, 3, 11, 0, 0);
  dg_fake_clock_advance (fixture->clock, 30 * G_TIME_SPAN_SECOND);

  list = dg_followups_list_overdue (fixture->db, fixture->base, 0, &error);
  dg_test_assert_followup_ids (list, (gint64[]) { e, f, d, a, b, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dg_followups_list_due_today (fixture->db, fixture->base, 0, &error);
  dg_test_assert_followup_ids (list, (gint64[]) { c, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dg_followups_list_upcoming (fixture->db, fixture->base, 7, 0, &error);
  dg_test_assert_followup_ids (list, (gint64[]) { g, h, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Snoozed until later: out of the way until the snooze ends. */
  {
    g_autoptr(GDateTime) until = dg_test_at (fixture, 2026, 3, 11, 9, 0);

    g_assert_true (dg_followups_snooze (fixture->db, fixture->base, e, until, &error));
    g_assert_no_error (error);

    list = dg_followups_list_overdue (fixture->db, fixture->base, 0, &error);
    dg_test_assert_followup_ids (list, (gint64[]) { f, d, a, b, 0 });
    g_clear_pointer (&list, g_ptr_array_unref);

    dg_test_set_now (fixture, 2026, 3, 11, 9, 0);
    list = dg_followups_list_overdue (fixture->db, fixture->base, 0, &error);
    dg_test_assert_followup_ids (list, (gint64[]) { e, f, d, a, b, c, 0 });
    g_clear_pointer (&list, g_ptr_array_unref);
  }
}

static void
test_range_and_day (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) morning = dg_test_at (fixture, 2026, 3, 12, 9, 0);
  g_autoptr(GDateTime) midnight = dg_test_at (fixture, 2026, 3, 12, 0, 0);
  g_autoptr(GDateTime) night = dg_test_at (fixture, 2026, 3, 12, 23, 59);
  g_autoptr(GDateTime) next_day = dg_test_at (fixture, 2026, 3, 13, 0, 0);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  GDate day = dg_test_date (2026, 3, 12);
  gint64 timed = dg_test_add_timed (fixture, "timed 9:00", morning);
  gint64 all_day = dg_test_add_all_day (fixture, "all day", "2026-03-12");
  gint64 at_midnight = dg_test_add_timed (fixture, "at midnight", midnight);
  gint64 late = dg_test_add_timed (fixture, "23:59", night);
  gint64 done = dg_test_add_timed (fixture, "done", morning);
  gint64 cancelled = dg_test_add_timed (fixture, "cancelled", morning);
  gint64 tomorrow = dg_test_add_timed (fixture, "next day", next_day);

  g_assert_true (dg_followups_complete (fixture->db, fixture->base, done, NULL, &error));
  g_assert_true (dg_followups_cancel (fixture->db, fixture->base, cancelled, &error));
  g_assert_no_error (error);

  /* On one day the all-day ones come first, then by time, then by id. */
  list = dg_followups_list_day (fixture->db, fixture->base, &day, DG_FOLLOWUP_FILTER_OPEN, 0, &error);
  g_assert_no_error (error);
  dg_test_assert_followup_ids (list, (gint64[]) { all_day, at_midnight, timed, late, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dg_followups_list_day (fixture->db, fixture->base, &day, DG_FOLLOWUP_FILTER_NOT_CANCELLED, 0, &error);
  dg_test_assert_followup_ids (list, (gint64[]) { all_day, at_midnight, timed, done, late, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dg_followups_list_day (fixture->db, fixture->base, &day, DG_FOLLOWUP_FILTER_ALL, 0, &error);
  dg_test_assert_followup_ids (list, (gint64[]) { all_day, at_midnight, timed, done, cancelled, late, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dg_followups_list_day (fixture->db, fixture->base, &day, DG_FOLLOWUP_FILTER_ALL, 2, &error);
  dg_test_assert_followup_ids (list, (gint64[]) { all_day, at_midnight, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  /* [from, to) */
  list = dg_followups_list_range (fixture->db, midnight, next_day, DG_FOLLOWUP_FILTER_OPEN, 0, &error);
  dg_test_assert_followup_ids (list, (gint64[]) { all_day, at_midnight, timed, late, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dg_followups_list_range (fixture->db, morning, next_day, DG_FOLLOWUP_FILTER_OPEN, 0, &error);
  dg_test_assert_followup_ids (list, (gint64[]) { timed, late, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  {
    GDate next = dg_test_date (2026, 3, 13);

    list = dg_followups_list_day (fixture->db, fixture->base, &next, DG_FOLLOWUP_FILTER_OPEN, 0, &error);
    dg_test_assert_followup_ids (list, (gint64[]) { tomorrow, 0 });
  }
}

static void
assert_counts (GArray      *counts,
               const guint *expected,
               guint        n)
{
  g_assert_nonnull (counts);
  g_assert_cmpuint (counts->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      if (g_array_index (counts, guint, i) != expected[i])
        g_error ("day %u: %u follow-ups, expected %u", i + 1,
                 g_array_index (counts, guint, i), expected[i]);
    }
}

static void
test_count_month (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) counts = NULL;
  guint expected[31] = { 0 };

  dg_test_add_all_day (fixture, "first", "2026-03-01");
  dg_test_add_all_day (fixture, "first again", "2026-03-01");
  /* The 23-hour day: 00:30 and 23:30 are both on the 8th. */
  {
    g_autoptr(GDateTime) early = dg_test_at (fixture, 2026, 3, 8, 0, 30);
    g_autoptr(GDateTime) late = dg_test_at (fixture, 2026, 3, 8, 23, 30);

    dg_test_add_timed (fixture, "dst early", early);
    dg_test_add_timed (fixture, "dst late", late);
  }
  /* 23:30 on the 31st is April 1st in UTC; 00:30 on April 1st is not March. */
  {
    g_autoptr(GDateTime) last = dg_test_at (fixture, 2026, 3, 31, 23, 30);
    g_autoptr(GDateTime) april = dg_test_at (fixture, 2026, 4, 1, 0, 30);
    g_autoptr(GDateTime) feb = dg_test_at (fixture, 2026, 2, 28, 23, 59);

    dg_test_add_timed (fixture, "last evening", last);
    dg_test_add_timed (fixture, "april", april);
    dg_test_add_timed (fixture, "february", feb);
  }
  dg_test_add_all_day (fixture, "last day", "2026-03-31");
  dg_test_add_all_day (fixture, "april all day", "2026-04-01");
  {
    gint64 done = dg_test_add_all_day (fixture, "done on the 15th", "2026-03-15");
    gint64 cancelled = dg_test_add_all_day (fixture, "cancelled on the 15th", "2026-03-15");

    g_assert_true (dg_followups_complete (fixture->db, fixture->base, done, NULL, &error));
    g_assert_true (dg_followups_cancel (fixture->db, fixture->base, cancelled, &error));
    g_assert_no_error (error);
  }

  expected[0] = 2;
  expected[7] = 2;
  expected[30] = 2;
  counts = dg_followups_count_month (fixture->db, fixture->tz, 2026, 3, DG_FOLLOWUP_FILTER_OPEN, &error);
  g_assert_no_error (error);
  assert_counts (counts, expected, 31);
  g_clear_pointer (&counts, g_array_unref);

  expected[14] = 1;
  counts = dg_followups_count_month (fixture->db, fixture->tz, 2026, 3, DG_FOLLOWUP_FILTER_NOT_CANCELLED, &error);
  assert_counts (counts, expected, 31);
  g_clear_pointer (&counts, g_array_unref);

  expected[14] = 2;
  counts = dg_followups_count_month (fixture->db, fixture->tz, 2026, 3, DG_FOLLOWUP_FILTER_ALL, &error);
  assert_counts (counts, expected, 31);
  g_clear_pointer (&counts, g_array_unref);

  /* A 6×7 grid from Sunday, February 22nd. */
  {
    GDate first = dg_test_date (2026, 2, 22);
    guint grid[42] = { 0 };

    grid[6] = 1;        /* Feb 28 */
    grid[7] = 2;        /* Mar 1 */
    grid[14] = 2;       /* Mar 8 */
    grid[37] = 2;       /* Mar 31 */
    grid[38] = 2;       /* Apr 1 */
    counts = dg_followups_count_per_day (fixture->db, fixture->tz, &first, 42, DG_FOLLOWUP_FILTER_OPEN, &error);
    g_assert_no_error (error);
    assert_counts (counts, grid, 42);
    g_clear_pointer (&counts, g_array_unref);
  }

  /* In Seoul the same instants fall on other days, and all-day dates do
   * not move. */
  {
    g_autoptr(GTimeZone) seoul = g_time_zone_new_identifier ("Asia/Seoul");
    guint in_seoul[30] = { 0 };

    dg_fake_clock_set_time_zone (fixture->clock, seoul);
    g_assert_true (dg_followups_sync_time_zone (fixture->db, fixture->base, &error));
    g_assert_no_error (error);

    in_seoul[0] = 2 + 1;        /* April 1st all day + 23:30 EDT and 00:30 EDT */
    counts = dg_followups_count_month (fixture->db, seoul, 2026, 4, DG_FOLLOWUP_FILTER_OPEN, &error);
    g_assert_no_error (error);
    assert_counts (counts, in_seoul, 30);
  }
}

/* Completing late skips the occurrences missed in between. */
/* The owner flies from New York to Seoul: all-day follow-ups stay on their
 * dates, timed ones on their instants. */
static void
test_time_zone_change (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GTimeZone) seoul = g_time_zone_new_identifier ("Asia/Seoul");
  g_autoptr(GDateTime) due = dg_test_at (fixture, 2026, 3, 12, 20, 0);  /* 09:00 on the 13th in Seoul */
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  GDate the_12th = dg_test_date (2026, 3, 12);
  GDate the_13th = dg_test_date (2026, 3, 13);
  gint64 all_day = dg_test_add_all_day (fixture, "all day on the 12th", "2026-03-12");
  gint64 timed = dg_test_add_timed (fixture, "timed", due);

  dg_fake_clock_set_time_zone (fixture->clock, seoul);

  /* A write (or the sync at start) brings the keys along. */
  dg_test_add_all_day (fixture, "written in Seoul", "2026-03-20");

  list = dg_followups_list_day (fixture->db, fixture->base, &the_12th, DG_FOLLOWUP_FILTER_OPEN, 0, &error);
  g_assert_no_error (error);
  dg_test_assert_followup_ids (list, (gint64[]) { all_day, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dg_followups_list_day (fixture->db, fixture->base, &the_13th, DG_FOLLOWUP_FILTER_OPEN, 0, &error);
  dg_test_assert_followup_ids (list, (gint64[]) { timed, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  /* In Seoul it is 2026-03-10 23:00 now; the 12th is not overdue. Two days
   * later at 00:30 it is. */
  list = dg_followups_list_overdue (fixture->db, fixture->base, 0, &error);
  dg_test_assert_followup_ids (list, (gint64[]) { 0 });
  g_clear_pointer (&list, g_ptr_array_unref);
  {
    g_autoptr(GDateTime) later = g_date_time_new (seoul, 2026, 3, 13, 0, 30, 0);

    dg_fake_clock_set_now (fixture->clock, later);
    list = dg_followups_list_overdue (fixture->db, fixture->base, 0, &error);
    dg_test_assert_followup_ids (list, (gint64[]) { all_day, 0 });
  }
}

/* A snooze past the due lists the follow-up at the snooze, on Today and
 * in the calendar, until the snooze ends; a snooze before the due only
 * brings its reminder earlier. */
static void
test_snoozed_lists (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) t_1000 = dg_test_at (fixture, 2026, 3, 10, 10, 0);
  g_autoptr(GDateTime) t_1100 = dg_test_at (fixture, 2026, 3, 10, 11, 0);
  g_autoptr(GDateTime) t_1530 = dg_test_at (fixture, 2026, 3, 10, 15, 30);
  g_autoptr(GDateTime) t_1600 = dg_test_at (fixture, 2026, 3, 10, 16, 0);
  g_autoptr(GDateTime) tomorrow_0800 = dg_test_at (fixture, 2026, 3, 11, 8, 0);
  g_autoptr(GDateTime) tomorrow_0900 = dg_test_at (fixture, 2026, 3, 11, 9, 0);
  g_autoptr(GDateTime) tomorrow_1200 = dg_test_at (fixture, 2026, 3, 11, 12, 0);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  GDate yesterday = dg_test_date (2026, 3, 9);
  GDate today = dg_test_date (2026, 3, 10);
  GDate tomorrow = dg_test_date (2026, 3, 11);
  gint64 a, b, c, d, e, late;

  dg_test_set_now (fixture, 2026, 3, 10, 14, 0);

  a = dg_test_add_timed (fixture, "A 10:00 today, snoozed to 15:30", t_1000);
  b = dg_test_add_all_day (fixture, "B all day yesterday, snoozed to tomorrow", "2026-03-09");
  c = dg_test_add_timed (fixture, "C 11:00 today, snoozed to tomorrow", t_1100);
  d = dg_test_add_timed (fixture, "D 8:00 tomorrow", tomorrow_0800);
  e = dg_test_add_timed (fixture, "E 12:00 tomorrow, reminded at 16:00", tomorrow_1200);
  late = dg_test_add_timed (fixture, "late 11:00 today", t_1100);

  g_assert_true (dg_followups_snooze (fixture->db, fixture->base, a, t_1530, &error));
  g_assert_true (dg_followups_snooze (fixture->db, fixture->base, b, tomorrow_0900, &error));
  g_assert_true (dg_followups_snooze (fixture->db, fixture->base, c, tomorrow_0900, &error));
  g_assert_true (dg_followups_snooze (fixture->db, fixture->base, e, t_1600, &error));
  g_assert_no_error (error);

  list = dg_followups_list_overdue (fixture->db, fixture->base, 0, &error);
  g_assert_no_error (error);
  dg_test_assert_followup_ids (list, (gint64[]) { late, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_cmpint (dg_followups_count_overdue (fixture->db, fixture->base, 0, &error), ==, 1);

  list = dg_followups_list_due_today (fixture->db, fixture->base, 0, &error);
  g_assert_no_error (error);
  dg_test_assert_followup_ids (list, (gint64[]) { a, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dg_followups_list_upcoming (fixture->db, fixture->base, 7, 0, &error);
  g_assert_no_error (error);
  dg_test_assert_followup_ids (list, (gint64[]) { d, b, c, e, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  /* A limit keeps the first ones of both kinds, in order. */
  list = dg_followups_list_upcoming (fixture->db, fixture->base, 7, 2, &error);
  dg_test_assert_followup_ids (list, (gint64[]) { d, b, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The calendar: on the snooze's day, not on the due's. */
  list = dg_followups_list_day (fixture->db, fixture->base, &yesterday, DG_FOLLOWUP_FILTER_OPEN, 0, &error);
  dg_test_assert_followup_ids (list, (gint64[]) { 0 });
  g_clear_pointer (&list, g_ptr_array_unref);
  list = dg_followups_list_day (fixture->db, fixture->base, &today, DG_FOLLOWUP_FILTER_NOT_CANCELLED, 0, &error);
  dg_test_assert_followup_ids (list, (gint64[]) { late, a, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);
  list = dg_followups_list_day (fixture->db, fixture->base, &tomorrow, DG_FOLLOWUP_FILTER_ALL, 0, &error);
  dg_test_assert_followup_ids (list, (gint64[]) { d, b, c, e, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  /* At the snooze's instant it is overdue again, from its due. */
  dg_test_set_now (fixture, 2026, 3, 10, 15, 30);
  list = dg_followups_list_overdue (fixture->db, fixture->base, 0, &error);
  dg_test_assert_followup_ids (list, (gint64[]) { a, late, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);
  list = dg_followups_list_due_today (fixture->db, fixture->base, 0, &error);
  dg_test_assert_followup_ids (list, (gint64[]) { 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Undoing a snooze puts the one before back exactly, none included. */
  g_assert_true (dg_followups_restore_snooze (fixture->db, fixture->base, c, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(DgFollowup) fc = dg_test_get_followup (fixture, c);

    g_assert_null (dg_followup_get_snoozed_until (fc));
  }
  list = dg_followups_list_overdue (fixture->db, fixture->base, 0, &error);
  dg_test_assert_followup_ids (list, (gint64[]) { a, c, late, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (dg_followups_snooze (fixture->db, fixture->base, b, tomorrow_1200, &error));
  g_assert_true (dg_followups_restore_snooze (fixture->db, fixture->base, b, tomorrow_0900, &error));
  g_assert_no_error (error);
  {
    g_autoptr(DgFollowup) fb = dg_test_get_followup (fixture, b);

    g_assert_true (g_date_time_equal (dg_followup_get_snoozed_until (fb), tomorrow_0900));
  }
  list = dg_followups_list_upcoming (fixture->db, fixture->base, 7, 0, &error);
  dg_test_assert_followup_ids (list, (gint64[]) { d, b, e, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);
}

static void
assert_statements_index_bound (DgDatabase *db,
                               GPtrArray  *statements)
{
  for (guint i = 0; i < statements->len; i++)
    {
      const char *sql = g_ptr_array_index (statements, i);

      if (g_str_has_prefix (sql, "SELECT") || g_str_has_prefix (sql, "UPDATE")
          || g_str_has_prefix (sql, "DELETE"))
        dg_test_assert_index_bound (db, sql);
    }
}

/* The plan of the first statement in @statements that holds @needle. */
static char *
plan_of (DgDatabase *db,
         GPtrArray  *statements,
         const char *needle)
{
  for (guint i = 0; i < statements->len; i++)
    {
      const char *sql = g_ptr_array_index (statements, i);

      if (strstr (sql, needle) != NULL)
        return dg_test_query_plan (db, sql);
    }

  g_error ("No statement with “%s” ran", needle);
}

static void
test_query_plans (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 customer = dg_test_add_customer (fixture, "Plans");
  g_autoptr(GDateTime) due = dg_test_at (fixture, 2026, 3, 12, 9, 0);
  g_autoptr(GDateTime) end = dg_test_at (fixture, 2026, 4, 12, 9, 0);
  g_autoptr(GDateTime) until = dg_test_at (fixture, 2026, 3, 11, 9, 0);
  g_autoptr(GDateTime) contact = dg_test_at (fixture, 2026, 3, 9, 9, 0);
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GError) error = NULL;
  GDate day = dg_test_date (2026, 3, 12);
  gint64 id;

  /* Enough rows that a scan would look cheap to no one. */
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_hours (due, i * 5);
      g_autoptr(DgFollowup) f = dg_test_make_timed ("row", when);

      dg_followup_set_customer_id (f, i % 3 == 0 ? customer : 0);
      dg_test_insert_followup (fixture, f);
    }
  dg_test_log_contact (fixture, customer, contact);

  dg_test_trace_begin (fixture->db);
  {
    g_autoptr(DgFollowup) kit = dg_test_make_all_day ("keep in touch", "2026-03-20");
    g_autoptr(DgFollowup) next = NULL;
    g_autoptr(GPtrArray) a = NULL;
    g_autoptr(GArray) counts = NULL;

    dg_followup_set_customer_id (kit, customer);
    dg_followup_set_keep_in_touch (kit, TRUE);
    dg_followup_set_recurrence (kit, DG_RECURRENCE_DAYS);
    id = dg_test_insert_followup (fixture, kit);
    dg_test_log_contact (fixture, customer, contact);
    g_assert_true (dg_followups_update (fixture->db, fixture->base, kit, &error));
    g_assert_true (dg_followups_snooze (fixture->db, fixture->base, id, until, &error));
    g_assert_true (dg_followups_move_to_date (fixture->db, fixture->base, id, &day, &error));
    g_assert_true (dg_followups_complete (fixture->db, fixture->base, id, &next, &error));
    g_assert_true (dg_followups_reopen (fixture->db, fixture->base, id, dg_followup_get_id (next), &error));
    g_assert_true (dg_followups_cancel (fixture->db, fixture->base, id, &error));

    for (DgFollowupFilter filter = DG_FOLLOWUP_FILTER_OPEN; filter <= DG_FOLLOWUP_FILTER_ALL; filter++)
      {
        g_clear_pointer (&a, g_ptr_array_unref);
        a = dg_followups_list_range (fixture->db, due, end, filter, 0, &error);
        g_clear_pointer (&a, g_ptr_array_unref);
        a = dg_followups_list_for_customer (fixture->db, customer, filter, &error);
        g_clear_pointer (&counts, g_array_unref);
        counts = dg_followups_count_month (fixture->db, fixture->tz, 2026, 3, filter, &error);
      }
    g_clear_pointer (&a, g_ptr_array_unref);
    a = dg_followups_list_overdue (fixture->db, fixture->base, 10, &error);
    g_clear_pointer (&a, g_ptr_array_unref);
    a = dg_followups_list_due_today (fixture->db, fixture->base, 10, &error);
    g_clear_pointer (&a, g_ptr_array_unref);
    a = dg_followups_list_upcoming (fixture->db, fixture->base, 7, 10, &error);
    dg_followups_count_overdue (fixture->db, fixture->base, 0, &error);
    g_assert_true (dg_followups_delete (fixture->db, id, &error));
    g_assert_no_error (error);
  }
  statements = dg_test_trace_end (fixture->db);
  g_assert_cmpuint (statements->len, >, 15);
  assert_statements_index_bound (fixture->db, statements);

  /* The open lists walk the small index of open follow-ups; the counts
   * read no table row. */
  {
    g_autofree char *overdue = plan_of (fixture->db, statements, "f.due_key < ?1");
    g_autofree char *open_count = plan_of (fixture->db, statements,
                                           "SELECT due_key FROM followups WHERE status = 'open'");
    g_autofree char *not_cancelled_count = plan_of (fixture->db, statements,
                                                    "SELECT due_key FROM followups WHERE due_key >= ?1 AND due_key < ?2 AND status <> 'cancelled'");
    g_autofree char *per_customer = plan_of (fixture->db, statements, "WHERE f.customer_id = ?1 AND f.status = 'open' ORDER");

    g_assert_nonnull (strstr (overdue, "followups_open_by_due"));
    g_assert_nonnull (strstr (open_count, "COVERING INDEX"));
    g_assert_nonnull (strstr (not_cancelled_count, "COVERING INDEX followups_by_due"));
    g_assert_nonnull (strstr (per_customer, "followups_by_customer"));
  }
  {
    g_autofree char *snoozed = plan_of (fixture->db, statements, "f.remind_at >= ?1");

    g_assert_nonnull (strstr (snoozed, "followups_snoozed_by_remind"));
  }
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, dg_followup_fixture_set_up, func, dg_followup_fixture_tear_down)

  ADD ("/followups/lists/today-lists", test_today_lists);
  ADD ("/followups/lists/range-and-day", test_range_and_day);
  ADD ("/followups/lists/snoozed", test_snoozed_lists);
  ADD ("/followups/lists/count-month", test_count_month);
  ADD ("/followups/lists/time-zone-change", test_time_zone_change);
  ADD ("/followups/lists/query-plans", test_query_plans);

#undef ADD

  return g_test_run ();
}
