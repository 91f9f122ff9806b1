/* test-demo-data.c
 *
 * The demo data of seeds/: which file a language gets; what a restored set
 * holds on any day it is loaded (about two hundred customers, follow-ups
 * in the current month with some overdue and some due today, both
 * journeys with customers in several stages, conversion, feelings and
 * drop reasons; no reminder pending for what was overdue already); that it is loaded only while there are no customers; and
 * that the committed files are exactly what tests/dg-make-demo writes
 * (DANGOL_MAKE_DEMO names it), so that they follow the backup format.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gstdio.h>

#include "dg-test-util.h"

typedef struct
{
  const char *language;
  const char *zone;
  int         year, month, day, hour;
} LoadCase;

static char *
seeds_path (const char *name)
{
  return g_build_filename (dg_journey_templates_get_dir (), name, NULL);
}

static void
test_find_file (void)
{
  const char * const korean[] = { "ko", "C.UTF-8", "C", NULL };
  const char * const english[] = { "en_GB.UTF-8", "en_GB", "en", "C", NULL };
  const char * const german[] = { "de_DE.UTF-8", "de_DE", "de", "C", NULL };
  g_autofree char *ko = seeds_path ("demo-ko.json");
  g_autofree char *en = seeds_path ("demo-en.json");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  path = dg_demo_find_file (NULL, korean, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, ko);
  g_clear_pointer (&path, g_free);

  path = dg_demo_find_file (NULL, english, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, en);
  g_clear_pointer (&path, g_free);

  /* A language without its own set gets the English one. */
  path = dg_demo_find_file (NULL, german, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, en);
  g_clear_pointer (&path, g_free);

  path = dg_demo_find_file (dg_test_tempdir (), korean, &error);
  g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
  g_assert_null (path);
}

static gint64
find_journey (DgDatabase *db,
              int         position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) journeys = dg_journeys_list (db, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (journeys->len, ==, 2);

  return ((DgJourney *) g_ptr_array_index (journeys, position))->id;
}

/* Both journeys have customers in several stages, people who moved on
 * from one stage to the next, feelings either way and reasons to leave. */
static void
check_journey (DgDatabase *db,
               DgClock    *clock,
               gint64      journey_id,
               guint       min_stages_in_use)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) figures = dg_journey_analytics (db, clock, journey_id, 0, &error);
  guint stages_in_use = 0, converting = 0, dropped = 0, positive = 0, negative = 0, reasons = 0;
  gboolean feeling_up = FALSE, feeling_down = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < figures->len; i++)
    {
      DgStageFigures *stage = g_ptr_array_index (figures, i);
      double feeling = dg_stage_figures_get_feeling (stage);

      stages_in_use += stage->n_now > 0;
      converting += stage->conversion > 0 && stage->conversion < 1;
      dropped += stage->n_dropped;
      reasons += stage->drop_reasons->len;
      positive += stage->n_positive;
      negative += stage->n_negative;
      feeling_up |= feeling > 0;
      feeling_down |= feeling < 0.5 && stage->n_positive + stage->n_neutral + stage->n_negative > 0;
    }

  g_assert_cmpuint (stages_in_use, >=, min_stages_in_use);
  g_assert_cmpuint (converting, >=, 2);
  g_assert_cmpuint (dropped, >=, 5);
  g_assert_cmpuint (reasons, >=, 2);
  g_assert_cmpuint (positive, >=, 10);
  g_assert_cmpuint (negative, >=, 3);
  g_assert_true (feeling_up);
  g_assert_true (feeling_down);
}

static void
test_load (gconstpointer data)
{
  const LoadCase *load = data;
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(DgFakeClock) clock = dg_test_fake_clock (load->zone, load->year, load->month, load->day, load->hour, 0);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (load->zone);
  g_autofree char *name = g_strdup_printf ("demo-%s.json", load->language);
  g_autofree char *path = seeds_path (name);
  g_autofree char *safety_copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) per_day = NULL;
  g_autoptr(GPtrArray) today = NULL;
  g_autoptr(GPtrArray) upcoming = NULL;
  DgCustomerQuery everyone = { .archived = DG_ARCHIVED_INCLUDE };
  DgBackupCounts counts = { 0 };
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  guint this_month = 0, days_with_followups = 0;
  gint64 overdue;
  GDate date;

  g_assert_true (dg_demo_load (db, DG_CLOCK (clock), path, &counts, &safety_copy, NULL, &error));
  g_assert_no_error (error);
  /* An empty database needs no copy. */
  g_assert_null (safety_copy);

  g_assert_cmpuint (counts.n_customers, >=, 180);
  g_assert_cmpuint (counts.n_customers, <=, 220);
  g_assert_cmpint (dg_customers_count (db, &everyone, NULL), ==, counts.n_customers);
  g_assert_cmpuint (counts.n_journeys, ==, 2);
  g_assert_cmpuint (counts.n_cohorts, >=, 3);
  g_assert_cmpuint (counts.n_enrollments, >=, 150);
  g_assert_cmpuint (counts.n_interactions, >=, 300);

  /* Whatever day of the month it is loaded on, the month has follow-ups
   * spread over it, some overdue, some due today and in the week ahead. */
  per_day = dg_followups_count_month (db, tz, load->year, load->month, DG_FOLLOWUP_FILTER_NOT_CANCELLED, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < per_day->len; i++)
    {
      guint n = g_array_index (per_day, guint, i);

      this_month += n;
      days_with_followups += n > 0;
    }
  g_assert_cmpuint (this_month, >=, 40);
  g_assert_cmpuint (days_with_followups, >=, 10);

  overdue = dg_followups_count_overdue (db, DG_CLOCK (clock), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (overdue, >=, 2);
  g_assert_cmpint (overdue, <=, 30);
  /* Today's, overdue or not yet by this hour. */
  g_date_set_dmy (&date, load->day, load->month, load->year);
  today = dg_followups_list_day (db, DG_CLOCK (clock), &date, DG_FOLLOWUP_FILTER_OPEN, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (today->len, >=, 3);
  upcoming = dg_followups_list_upcoming (db, DG_CLOCK (clock), 7, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upcoming->len, >=, 10);

  /* What was overdue before today was reminded of when it fell due: no
   * burst of reminders on loading, only today's. */
  now = dg_clock_get_now_utc (DG_CLOCK (clock));
  pending = dg_reminders_collect_due (db, now, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < pending->len; i++)
    {
      GDate due;

      g_assert_true (dg_followup_get_due_day (g_ptr_array_index (pending, i), tz, &due));
      g_assert_cmpint (g_date_compare (&due, &date), ==, 0);
    }

  /* The lecture has seven stages, the studio four. */
  check_journey (db, DG_CLOCK (clock), find_journey (db, 0), 5);
  check_journey (db, DG_CLOCK (clock), find_journey (db, 1), 3);

  /* Once there are customers, it is not loaded again. */
  g_assert_false (dg_demo_load (db, DG_CLOCK (clock), path, NULL, NULL, NULL, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_FAILED);
  g_assert_cmpint (dg_customers_count (db, &everyone, NULL), ==, counts.n_customers);
}

/* A database with a journey but no customer keeps a copy of it. */
static void
test_load_keeps_copy (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(DgJourney) journey = dg_journey_new ("Mine");
  g_autofree char *path = seeds_path ("demo-en.json");
  g_autofree char *safety_copy = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_journeys_insert (db, journey, &error));
  g_assert_no_error (error);

  g_assert_true (dg_demo_load (db, NULL, path, NULL, &safety_copy, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (safety_copy);
  g_assert_true (g_file_test (safety_copy, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (find_journey (db, 0), !=, 0);
  g_unlink (safety_copy);
}

/* The committed files are what the generator writes now. */
static void
test_generator_same_bytes (gconstpointer data)
{
  const char *language = data;
  const char *generator = g_getenv ("DANGOL_MAKE_DEMO");
  g_autofree char *name = g_strdup_printf ("demo-%s.json", language);
  g_autofree char *committed = seeds_path (name);
  g_autofree char *written = dg_test_temp_path (name);
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) actual = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { generator, language, written, NULL };
  int status = 0;

  if (generator == NULL)
    {
      g_test_skip ("DANGOL_MAKE_DEMO is not set");
      return;
    }

  /* Its database only lives for the run: in memory where there is room,
   * it takes a second rather than a syncing disk's fifteen. */
  if (g_access ("/dev/shm", W_OK) == 0)
    env = g_environ_setenv (env, "TMPDIR", "/dev/shm", TRUE);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);

  expected = dg_test_read_file (committed);
  actual = dg_test_read_file (written);
  g_assert_nonnull (expected);
  g_assert_nonnull (actual);
  if (!g_bytes_equal (expected, actual))
    g_test_fail_printf ("%s differs from what tests/dg-make-demo writes: "
                        "run `meson compile -C build demo-data` and commit the files", committed);
}

static const LoadCase load_cases[] = {
  { "ko", "Asia/Seoul", 2027, 3, 1, 9 },
  { "ko", "Asia/Seoul", 2027, 3, 16, 14 },
  { "ko", "Asia/Seoul", 2027, 3, 31, 20 },
  { "en", "Europe/London", 2027, 2, 1, 9 },
  { "en", "America/New_York", 2027, 6, 15, 12 },
  { "en", "UTC", 2026, 12, 31, 18 },
};

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/find-file", test_find_file);
  for (guint i = 0; i < G_N_ELEMENTS (load_cases); i++)
    {
      const LoadCase *load = &load_cases[i];
      g_autofree char *path = g_strdup_printf ("/demo/load/%s/%04d-%02d-%02d", load->language,
                                               load->year, load->month, load->day);

      g_test_add_data_func (path, load, test_load);
    }
  g_test_add_func ("/demo/load/keeps-copy", test_load_keeps_copy);
  g_test_add_data_func ("/demo/generator/ko", "ko", test_generator_same_bytes);
  g_test_add_data_func ("/demo/generator/en", "en", test_generator_same_bytes);

  return g_test_run ();
}
