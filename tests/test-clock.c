/* test-clock.c
 *
 * DgClock::day-changed: the fake clock emits it when set across a local
 * midnight (forwards or back) or into a zone where the date is another
 * one, and only then; the system clock emits it from its own timer at the
 * next local midnight of its zone.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include "dg-test-util.h"

typedef struct
{
  guint changed;
  guint day_changed;
  /* ::changed had come before each ::day-changed. */
  gboolean changed_first;
} Counts;

static void
on_changed_cb (DgClock *clock,
               Counts  *counts)
{
  counts->changed++;
}

static void
on_day_changed_cb (DgClock *clock,
                   Counts  *counts)
{
  counts->day_changed++;
  counts->changed_first = counts->changed >= counts->day_changed;
}

static void
watch (DgClock *clock,
       Counts  *counts)
{
  g_signal_connect (clock, "changed", G_CALLBACK (on_changed_cb), counts);
  g_signal_connect (clock, "day-changed", G_CALLBACK (on_day_changed_cb), counts);
}

static void
test_fake_within_day (void)
{
  g_autoptr(DgFakeClock) clock = dg_test_fake_clock ("Asia/Seoul", 2026, 11, 24, 10, 0);
  Counts counts = { 0 };

  watch (DG_CLOCK (clock), &counts);

  /* 10:00 → 23:59: the same day, however far the time moved. */
  dg_fake_clock_advance (clock, (13 * 60 + 59) * G_TIME_SPAN_MINUTE);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.day_changed, ==, 0);
}

static void
test_fake_across_midnight (void)
{
  g_autoptr(DgFakeClock) clock = dg_test_fake_clock ("Asia/Seoul", 2026, 11, 24, 23, 59);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Seoul");
  g_autoptr(GDateTime) back = NULL;
  Counts counts = { 0 };

  watch (DG_CLOCK (clock), &counts);

  /* 23:59 → 00:00 the next day. */
  dg_fake_clock_advance (clock, G_TIME_SPAN_MINUTE);
  g_assert_cmpuint (counts.day_changed, ==, 1);
  g_assert_true (counts.changed_first);

  /* Later the same new day: nothing. */
  dg_fake_clock_advance (clock, 8 * G_TIME_SPAN_HOUR);
  g_assert_cmpuint (counts.day_changed, ==, 1);

  /* Back to the day before is another day too. */
  back = dg_test_local_time (tz, 2026, 11, 24, 12, 0);
  dg_fake_clock_set_now (clock, back);
  g_assert_cmpuint (counts.day_changed, ==, 2);

  /* Several days at once are one change. */
  dg_fake_clock_advance (clock, 3 * G_TIME_SPAN_DAY);
  g_assert_cmpuint (counts.day_changed, ==, 3);
  g_assert_cmpuint (counts.changed, ==, 4);
}

static void
test_fake_time_zone (void)
{
  /* 10:00 on the 24th in Seoul is 01:00 UTC, 20:00 on the 23rd in New
   * York, 03:00 on the 24th in Paris. */
  g_autoptr(DgFakeClock) clock = dg_test_fake_clock ("Asia/Seoul", 2026, 11, 24, 10, 0);
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  Counts counts = { 0 };

  watch (DG_CLOCK (clock), &counts);

  dg_fake_clock_set_time_zone (clock, paris);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.day_changed, ==, 0);

  dg_fake_clock_set_time_zone (clock, new_york);
  g_assert_cmpuint (counts.changed, ==, 2);
  g_assert_cmpuint (counts.day_changed, ==, 1);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/* The system clock in a zone whose midnight comes in two seconds: its own
 * timer tells of the new day, with no ::changed. */
static void
test_system_midnight (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(DgClock) clock = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *tz = NULL;
  Counts counts = { 0 };
  gboolean timed_out = FALSE;
  guint timeout;
  int seconds, offset;

  /* POSIX TZ: "DGT-hh:mm:ss" is a zone named DGT, hh:mm:ss east of UTC.
   * A local time of 23:59:58 needs an offset of 23:59:58 minus the time
   * of day in UTC. */
  seconds = g_date_time_get_hour (now) * 3600 + g_date_time_get_minute (now) * 60
            + g_date_time_get_second (now);
  offset = ((86398 - seconds) % 86400 + 86400) % 86400;
  if (offset > 12 * 3600)
    offset -= 86400;
  tz = g_strdup_printf ("DGT%c%02d:%02d:%02d", offset >= 0 ? '-' : '+',
                        ABS (offset) / 3600, ABS (offset) / 60 % 60, ABS (offset) % 60);
  g_setenv ("TZ", tz, TRUE);

  clock = dg_clock_new_system ();
  local = dg_clock_get_now_local (clock);
  g_test_message ("TZ=%s, local time %02d:%02d:%02d", tz, g_date_time_get_hour (local),
                  g_date_time_get_minute (local), g_date_time_get_second (local));
  g_assert_cmpint (g_date_time_get_hour (local), ==, 23);
  watch (clock, &counts);

  timeout = g_timeout_add_seconds (15, on_timeout_cb, &timed_out);
  while (counts.day_changed == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);

  g_assert_cmpuint (counts.day_changed, ==, 1);
  g_assert_cmpuint (counts.changed, ==, 0);
  g_clear_pointer (&local, g_date_time_unref);
  local = dg_clock_get_now_local (clock);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 0);

  g_unsetenv ("TZ");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clock/fake/within-day", test_fake_within_day);
  g_test_add_func ("/clock/fake/across-midnight", test_fake_across_midnight);
  g_test_add_func ("/clock/fake/time-zone", test_fake_time_zone);
  g_test_add_func ("/clock/system/midnight", test_system_midnight);

  return g_test_run ();
}
