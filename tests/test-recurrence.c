/* test-recurrence.c */
#include "config.h"

#include "dg-test-util.h"

static GTimeZone *
new_york (void)
{
  GTimeZone *tz = g_time_zone_new_identifier ("America/New_York");

  g_assert_nonnull (tz);

  return tz;
}

static GDate
date (int year,
      int month,
      int day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, year);

  return d;
}

static void
assert_date (const GDate *d,
             const char  *expected)
{
  g_autofree char *text = dg_recurrence_format_date (d);

  g_assert_cmpstr (text, ==, expected);
}

/* @time as UTC ISO 8601 and as local ISO 8601 with its offset. */
static void
assert_instant (GDateTime  *time,
                const char *utc,
                const char *local)
{
  g_autoptr(GDateTime) in_utc = g_date_time_to_utc (time);
  g_autofree char *utc_text = g_date_time_format (in_utc, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *local_text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");

  g_assert_cmpstr (utc_text, ==, utc);
  g_assert_cmpstr (local_text, ==, local);
}

static void
test_local_time (void)
{
  g_autoptr(GTimeZone) tz = new_york ();
  GDate spring = date (2026, 3, 8);
  GDate fall = date (2026, 11, 1);
  GDate plain = date (2026, 7, 4);

  {
    g_autoptr(GDateTime) t = dg_recurrence_local_time (tz, &plain, 9 * 3600);

    assert_instant (t, "2026-07-04T13:00:00Z", "2026-07-04T09:00:00-04:00");
  }

  /* 02:30 does not exist on the day clocks spring forward: read with the
   * offset before the gap, it is 03:30 daylight time. */
  {
    g_autoptr(GDateTime) t = dg_recurrence_local_time (tz, &spring, 2 * 3600 + 30 * 60);

    assert_instant (t, "2026-03-08T07:30:00Z", "2026-03-08T03:30:00-04:00");
  }

  /* 01:30 happens twice on the day clocks fall back: the first, daylight. */
  {
    g_autoptr(GDateTime) t = dg_recurrence_local_time (tz, &fall, 1 * 3600 + 30 * 60);

    assert_instant (t, "2026-11-01T05:30:00Z", "2026-11-01T01:30:00-04:00");
  }

  /* Midnight, and the 23- and 25-hour days. */
  {
    GDate after_spring = date (2026, 3, 9);
    GDate after_fall = date (2026, 11, 2);
    g_autoptr(GDateTime) start = dg_recurrence_day_start (tz, &spring);
    g_autoptr(GDateTime) next = dg_recurrence_day_start (tz, &after_spring);
    g_autoptr(GDateTime) fall_start = dg_recurrence_day_start (tz, &fall);
    g_autoptr(GDateTime) fall_next = dg_recurrence_day_start (tz, &after_fall);

    assert_instant (start, "2026-03-08T05:00:00Z", "2026-03-08T00:00:00-05:00");
    g_assert_cmpint (g_date_time_difference (next, start), ==, 23 * G_TIME_SPAN_HOUR);
    g_assert_cmpint (g_date_time_difference (fall_next, fall_start), ==, 25 * G_TIME_SPAN_HOUR);
  }

  /* A zone whose clocks spring forward at midnight: the day starts at
   * the end of the gap. */
  {
    g_autoptr(GTimeZone) santiago = g_time_zone_new_identifier ("America/Santiago");
    GDate gap_day = date (2022, 9, 11);

    if (santiago != NULL)
      {
        g_autoptr(GDateTime) start = dg_recurrence_day_start (santiago, &gap_day);

        assert_instant (start, "2022-09-11T04:00:00Z", "2022-09-11T01:00:00-03:00");
      }
  }
}

static void
test_local_date (void)
{
  g_autoptr(GTimeZone) tz = new_york ();
  g_autoptr(GDateTime) late = g_date_time_new_utc (2026, 1, 10, 4, 59, 59);
  g_autoptr(GDateTime) midnight = g_date_time_new_utc (2026, 1, 10, 5, 0, 0);
  GDate d;

  /* 23:59:59 on the 9th in New York, then midnight of the 10th. */
  dg_recurrence_local_date (late, tz, &d);
  assert_date (&d, "2026-01-09");
  g_assert_cmpint (dg_recurrence_local_seconds (late, tz), ==, 86399);
  dg_recurrence_local_date (midnight, tz, &d);
  assert_date (&d, "2026-01-10");
  g_assert_cmpint (dg_recurrence_local_seconds (midnight, tz), ==, 0);
}

static void
test_month_ends (void)
{
  GDate jan31 = date (2026, 1, 31);
  GDate leap_jan31 = date (2024, 1, 31);
  GDate d;

  /* The anchor's day of the month, clamped to each month's end. */
  g_assert_true (dg_recurrence_nth_date (&jan31, DG_RECURRENCE_MONTHS, 1, 1, &d));
  assert_date (&d, "2026-02-28");
  g_assert_true (dg_recurrence_nth_date (&jan31, DG_RECURRENCE_MONTHS, 1, 2, &d));
  assert_date (&d, "2026-03-31");
  g_assert_true (dg_recurrence_nth_date (&jan31, DG_RECURRENCE_MONTHS, 1, 3, &d));
  assert_date (&d, "2026-04-30");
  g_assert_true (dg_recurrence_nth_date (&jan31, DG_RECURRENCE_MONTHS, 1, 11, &d));
  assert_date (&d, "2026-12-31");
  g_assert_true (dg_recurrence_nth_date (&jan31, DG_RECURRENCE_MONTHS, 1, 12, &d));
  assert_date (&d, "2027-01-31");
  g_assert_true (dg_recurrence_nth_date (&leap_jan31, DG_RECURRENCE_MONTHS, 1, 1, &d));
  assert_date (&d, "2024-02-29");
  g_assert_true (dg_recurrence_nth_date (&jan31, DG_RECURRENCE_MONTHS, 3, 1, &d));
  assert_date (&d, "2026-04-30");

  /* The next after Feb 28 comes from the anchor, not from the 28th. */
  {
    GDate feb28 = date (2026, 2, 28);

    g_assert_true (dg_recurrence_next_date (&jan31, DG_RECURRENCE_MONTHS, 1, &feb28, &d));
    assert_date (&d, "2026-03-31");
  }
}

static void
test_leap_days (void)
{
  GDate feb29 = date (2024, 2, 29);
  static const char * const expected[] = {
    "2024-02-29", "2025-02-28", "2026-02-28", "2027-02-28", "2028-02-29", "2029-02-28",
  };
  GDate d;

  for (guint n = 0; n < G_N_ELEMENTS (expected); n++)
    {
      g_assert_true (dg_recurrence_nth_date (&feb29, DG_RECURRENCE_MONTHS, 12, n, &d));
      assert_date (&d, expected[n]);
    }

  /* Every day across the leap day. */
  {
    GDate feb28 = date (2028, 2, 28);

    g_assert_true (dg_recurrence_nth_date (&feb28, DG_RECURRENCE_DAYS, 1, 1, &d));
    assert_date (&d, "2028-02-29");
    g_assert_true (dg_recurrence_nth_date (&feb28, DG_RECURRENCE_DAYS, 1, 2, &d));
    assert_date (&d, "2028-03-01");
  }
}

static void
test_days_and_weeks (void)
{
  GDate anchor = date (2026, 1, 5);
  GDate after = date (2026, 3, 1);
  GDate d;

  g_assert_true (dg_recurrence_nth_date (&anchor, DG_RECURRENCE_WEEKS, 2, 3, &d));
  assert_date (&d, "2026-02-16");

  /* The first occurrence strictly after a date, skipping the missed ones. */
  g_assert_true (dg_recurrence_next_date (&anchor, DG_RECURRENCE_WEEKS, 2, &after, &d));
  assert_date (&d, "2026-03-02");
  g_assert_true (dg_recurrence_next_date (&anchor, DG_RECURRENCE_DAYS, 10, &after, &d));
  assert_date (&d, "2026-03-06");

  /* On an occurrence: the one after it. */
  {
    GDate on = date (2026, 3, 2);

    g_assert_true (dg_recurrence_next_date (&anchor, DG_RECURRENCE_WEEKS, 2, &on, &d));
    assert_date (&d, "2026-03-16");
  }

  /* Before the anchor: the anchor. */
  {
    GDate before = date (2025, 12, 1);

    g_assert_true (dg_recurrence_next_date (&anchor, DG_RECURRENCE_DAYS, 1, &before, &d));
    assert_date (&d, "2026-01-05");
  }

  /* Nothing repeats without a unit; nothing past the year 9999. */
  g_assert_false (dg_recurrence_next_date (&anchor, DG_RECURRENCE_NONE, 1, &after, &d));
  {
    GDate end = date (9999, 12, 20);

    g_assert_false (dg_recurrence_nth_date (&end, DG_RECURRENCE_WEEKS, 2, 1, &d));
    g_assert_false (dg_recurrence_nth_date (&end, DG_RECURRENCE_MONTHS, 1, 1, &d));
    g_assert_true (dg_recurrence_nth_date (&end, DG_RECURRENCE_DAYS, 11, 1, &d));
    assert_date (&d, "9999-12-31");
  }
}

/* A daily 9:00 stays at 9:00 local across both changes, so the interval
 * is 23 hours in March and 25 in November. */
static void
test_daily_nine_across_dst (void)
{
  g_autoptr(GTimeZone) tz = new_york ();
  GDate anchor = date (2026, 3, 1);
  g_autoptr(GDateTime) before_spring = g_date_time_new_utc (2026, 3, 7, 14, 0, 0);
  g_autoptr(GDateTime) spring = NULL;
  g_autoptr(GDateTime) day_after = NULL;
  g_autoptr(GDateTime) before_fall = g_date_time_new_utc (2026, 10, 31, 13, 0, 0);
  g_autoptr(GDateTime) fall = NULL;

  spring = dg_recurrence_next_time (tz, &anchor, 9 * 3600, DG_RECURRENCE_DAYS, 1, before_spring);
  assert_instant (spring, "2026-03-08T13:00:00Z", "2026-03-08T09:00:00-04:00");
  g_assert_cmpint (g_date_time_difference (spring, before_spring), ==, 23 * G_TIME_SPAN_HOUR);

  day_after = dg_recurrence_next_time (tz, &anchor, 9 * 3600, DG_RECURRENCE_DAYS, 1, spring);
  assert_instant (day_after, "2026-03-09T13:00:00Z", "2026-03-09T09:00:00-04:00");

  fall = dg_recurrence_next_time (tz, &anchor, 9 * 3600, DG_RECURRENCE_DAYS, 1, before_fall);
  assert_instant (fall, "2026-11-01T14:00:00Z", "2026-11-01T09:00:00-05:00");
  g_assert_cmpint (g_date_time_difference (fall, before_fall), ==, 25 * G_TIME_SPAN_HOUR);

  /* Weekly too. */
  {
    GDate sunday = date (2026, 3, 1);
    g_autoptr(GDateTime) first = dg_recurrence_local_time (tz, &sunday, 9 * 3600);
    g_autoptr(GDateTime) next = dg_recurrence_next_time (tz, &sunday, 9 * 3600,
                                                         DG_RECURRENCE_WEEKS, 1, first);

    assert_instant (next, "2026-03-08T13:00:00Z", "2026-03-08T09:00:00-04:00");
  }
}

/* A daily 02:30: on the spring-forward day it is 03:30 (02:30 does not
 * exist), and back at 02:30 the day after; in November the first 02:30
 * is unambiguous (the repeated hour is 01:00-02:00). */
static void
test_daily_half_past_two_across_dst (void)
{
  g_autoptr(GTimeZone) tz = new_york ();
  GDate anchor = date (2026, 3, 1);
  int seconds = 2 * 3600 + 30 * 60;
  g_autoptr(GDateTime) t1 = NULL;
  g_autoptr(GDateTime) t2 = NULL;
  g_autoptr(GDateTime) t3 = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 3, 7, 0, 0, 0);

  t1 = dg_recurrence_next_time (tz, &anchor, seconds, DG_RECURRENCE_DAYS, 1, start);
  assert_instant (t1, "2026-03-07T07:30:00Z", "2026-03-07T02:30:00-05:00");
  t2 = dg_recurrence_next_time (tz, &anchor, seconds, DG_RECURRENCE_DAYS, 1, t1);
  assert_instant (t2, "2026-03-08T07:30:00Z", "2026-03-08T03:30:00-04:00");
  t3 = dg_recurrence_next_time (tz, &anchor, seconds, DG_RECURRENCE_DAYS, 1, t2);
  assert_instant (t3, "2026-03-09T06:30:00Z", "2026-03-09T02:30:00-04:00");

  /* 01:30 in November: the first (daylight) one, then standard time. */
  {
    GDate oct = date (2026, 10, 30);
    g_autoptr(GDateTime) before = g_date_time_new_utc (2026, 10, 31, 12, 0, 0);
    g_autoptr(GDateTime) f1 = dg_recurrence_next_time (tz, &oct, 5400, DG_RECURRENCE_DAYS, 1, before);
    g_autoptr(GDateTime) f2 = dg_recurrence_next_time (tz, &oct, 5400, DG_RECURRENCE_DAYS, 1, f1);

    assert_instant (f1, "2026-11-01T05:30:00Z", "2026-11-01T01:30:00-04:00");
    assert_instant (f2, "2026-11-02T06:30:00Z", "2026-11-02T01:30:00-05:00");
  }
}

static void
test_monthly_time (void)
{
  g_autoptr(GTimeZone) tz = new_york ();
  GDate jan31 = date (2026, 1, 31);
  g_autoptr(GDateTime) first = dg_recurrence_local_time (tz, &jan31, 18 * 3600);
  g_autoptr(GDateTime) second = dg_recurrence_next_time (tz, &jan31, 18 * 3600,
                                                         DG_RECURRENCE_MONTHS, 1, first);
  g_autoptr(GDateTime) third = dg_recurrence_next_time (tz, &jan31, 18 * 3600,
                                                        DG_RECURRENCE_MONTHS, 1, second);

  assert_instant (second, "2026-02-28T23:00:00Z", "2026-02-28T18:00:00-05:00");
  /* Daylight time by then; still 18:00. */
  assert_instant (third, "2026-03-31T22:00:00Z", "2026-03-31T18:00:00-04:00");
}

static void
test_text_forms (void)
{
  GDate d;
  int seconds = 0;
  g_autofree char *anchor = NULL;
  g_autofree char *date_only = NULL;
  DgRecurrenceUnit unit = DG_RECURRENCE_NONE;

  g_assert_true (dg_recurrence_parse_date ("2028-02-29", &d));
  assert_date (&d, "2028-02-29");
  g_assert_false (dg_recurrence_parse_date ("2026-02-29", &d));
  g_assert_false (dg_recurrence_parse_date ("2026-13-01", &d));
  g_assert_false (dg_recurrence_parse_date ("2026-1-01", &d));
  g_assert_false (dg_recurrence_parse_date ("0000-01-01", &d));
  g_assert_false (dg_recurrence_parse_date ("2026-01-01T09:00:00", &d));
  g_assert_false (dg_recurrence_parse_date ("", &d));
  g_assert_false (dg_recurrence_parse_date (NULL, &d));

  g_assert_true (dg_recurrence_parse_anchor ("2026-03-08T02:30:00", &d, &seconds));
  assert_date (&d, "2026-03-08");
  g_assert_cmpint (seconds, ==, 9000);
  g_assert_true (dg_recurrence_parse_anchor ("2026-03-08", &d, &seconds));
  g_assert_cmpint (seconds, ==, -1);
  g_assert_false (dg_recurrence_parse_anchor ("2026-03-08T24:00:00", &d, &seconds));
  g_assert_false (dg_recurrence_parse_anchor ("2026-03-08 02:30:00", &d, &seconds));
  g_assert_false (dg_recurrence_parse_anchor ("2026-03-08T02:30", &d, &seconds));

  d = date (2026, 3, 8);
  anchor = dg_recurrence_format_anchor (&d, 9000);
  g_assert_cmpstr (anchor, ==, "2026-03-08T02:30:00");
  date_only = dg_recurrence_format_anchor (&d, -1);
  g_assert_cmpstr (date_only, ==, "2026-03-08");

  for (guint i = DG_RECURRENCE_NONE; i <= DG_RECURRENCE_MONTHS; i++)
    {
      g_assert_true (dg_recurrence_unit_from_string (dg_recurrence_unit_to_string (i), &unit));
      g_assert_cmpint (unit, ==, i);
    }
  g_assert_false (dg_recurrence_unit_from_string ("year", &unit));
}

static void
on_clock_changed (DgClock *clock,
                  guint   *count)
{
  (*count)++;
}

static void
test_clock (void)
{
  g_autoptr(DgClock) system = dg_clock_new_system ();
  g_autoptr(DgFakeClock) fake = dg_test_fake_clock ("America/New_York", 2026, 3, 8, 1, 59);
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (system);
  g_autoptr(GDateTime) after = g_date_time_new_now_utc ();
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GTimeZone) system_tz = dg_clock_dup_time_zone (system);
  guint changed = 0;

  /* The system clock: the real time to the second, the process zone. */
  g_assert_cmpint (g_date_time_get_microsecond (now), ==, 0);
  g_assert_cmpint (g_date_time_to_unix (now), >=, g_date_time_to_unix (before));
  g_assert_cmpint (g_date_time_to_unix (now), <=, g_date_time_to_unix (after));
  g_assert_cmpstr (g_time_zone_get_identifier (system_tz), ==, g_time_zone_get_identifier (local));

  /* The fake one stands still until moved, and says so when it is. */
  g_signal_connect (fake, "changed", G_CALLBACK (on_clock_changed), &changed);
  {
    g_autoptr(GDateTime) local_now = dg_clock_get_now_local (DG_CLOCK (fake));
    g_autofree char *text = g_date_time_format (local_now, "%Y-%m-%dT%H:%M:%S%:z");

    g_assert_cmpstr (text, ==, "2026-03-08T01:59:00-05:00");
  }
  dg_fake_clock_advance (fake, G_TIME_SPAN_MINUTE);
  g_assert_cmpuint (changed, ==, 1);
  {
    g_autoptr(GDateTime) local_now = dg_clock_get_now_local (DG_CLOCK (fake));
    g_autofree char *text = g_date_time_format (local_now, "%Y-%m-%dT%H:%M:%S%:z");

    /* One minute later is 03:00 on the spring-forward night. */
    g_assert_cmpstr (text, ==, "2026-03-08T03:00:00-04:00");
  }
  {
    g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
    g_autoptr(GTimeZone) tz = NULL;

    dg_fake_clock_set_time_zone (fake, utc);
    g_assert_cmpuint (changed, ==, 2);
    tz = dg_clock_dup_time_zone (DG_CLOCK (fake));
    g_assert_cmpstr (g_time_zone_get_identifier (tz), ==, "UTC");
  }
  dg_clock_changed (DG_CLOCK (fake));
  g_assert_cmpuint (changed, ==, 3);

  /* The app's context has the system clock unless told otherwise. */
  {
    g_autoptr(DgDatabase) db = dg_test_open_database ();
    g_autoptr(DgContext) plain = dg_context_new (db, NULL);
    g_autoptr(DgContext) faked = g_object_new (DG_TYPE_CONTEXT,
                                               "database", db,
                                               "clock", fake,
                                               NULL);

    g_assert_true (DG_IS_CLOCK (dg_context_get_clock (plain)));
    g_assert_false (DG_IS_FAKE_CLOCK (dg_context_get_clock (plain)));
    g_assert_true (dg_context_get_clock (faked) == DG_CLOCK (fake));
  }
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clock/system-and-fake", test_clock);
  g_test_add_func ("/recurrence/local-time", test_local_time);
  g_test_add_func ("/recurrence/local-date", test_local_date);
  g_test_add_func ("/recurrence/month-ends", test_month_ends);
  g_test_add_func ("/recurrence/leap-days", test_leap_days);
  g_test_add_func ("/recurrence/days-and-weeks", test_days_and_weeks);
  g_test_add_func ("/recurrence/daily-nine-across-dst", test_daily_nine_across_dst);
  g_test_add_func ("/recurrence/daily-half-past-two-across-dst", test_daily_half_past_two_across_dst);
  g_test_add_func ("/recurrence/monthly-time", test_monthly_time);
  g_test_add_func ("/recurrence/text-forms", test_text_forms);

  return g_test_run ();
}
