/* dg-bench-journey.c
 *
 * The journey benchmarks that need no window, and the data they run on:
 *
 *   --generate          adds the journeys of dg-bench-journey-data.h to a
 *                       database of made-up customers (a copy)
 *   --put-first=busy|empty
 *                       puts that journey first, the one the board opens
 *   --analytics         times dg_journey_analytics() on the busy journey,
 *                       for every cohort and for one, against the very SQL
 *                       it runs (captured with sqlite3_trace_v2(), bound
 *                       values expanded) stepped alone on the same
 *                       connection
 *   --move              times dg_enrollments_move() of the first N cards of
 *                       a column (the board's order) to the next stage,
 *                       against the same writes as plain prepared
 *                       statements in one transaction: the enrollments,
 *                       their events and the next stage's rule follow-ups
 *                       with their links, every value computed beforehand
 *                       (the follow-ups' from a move through the API that
 *                       was undone). The difference is what core adds: its
 *                       reads for Undo and for the rules, and its checks.
 *
 * The timed runs alternate API and floor, so that a slow moment of the
 * machine hits both alike. --move changes the database while it runs (and
 * puts it back): give it a copy.
 */
#define G_LOG_DOMAIN "Dangol-Bench"

#include "config.h"

#include <locale.h>

#include "dg-bench-journey-data.h"
#include "dg-bench-journey.h"
#include "dg-database-private.h"

static gboolean opt_generate = FALSE;
static char    *opt_put_first = NULL;
static gboolean opt_analytics = FALSE;
static gboolean opt_move = FALSE;
static char    *opt_db = NULL;
static gint64   opt_customers = 100000;
static int      opt_cohorts = 500;
static gint64   opt_events = 1000000;
static int      opt_contacts = 2;
static int      opt_seed = 20261207;
static int      opt_runs = 5;
static int      opt_cards = 2000;
static gboolean opt_verbose = FALSE;

static const GOptionEntry entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &opt_db, "Database", "PATH" },
  { "generate", 0, 0, G_OPTION_ARG_NONE, &opt_generate, "Add the journeys to the database", NULL },
  { "put-first", 0, 0, G_OPTION_ARG_STRING, &opt_put_first, "Put the busy or the empty journey first", "WHICH" },
  { "analytics", 0, 0, G_OPTION_ARG_NONE, &opt_analytics, "Time the analytics", NULL },
  { "move", 0, 0, G_OPTION_ARG_NONE, &opt_move, "Time a bulk move", NULL },
  { "customers", 0, 0, G_OPTION_ARG_INT64, &opt_customers, "Customers to enrol (100000)", "N" },
  { "cohorts", 0, 0, G_OPTION_ARG_INT, &opt_cohorts, "Cohorts (500)", "N" },
  { "events", 0, 0, G_OPTION_ARG_INT64, &opt_events, "Stage events (1000000)", "N" },
  { "contacts", 0, 0, G_OPTION_ARG_INT, &opt_contacts, "Contacts logged per customer (2)", "N" },
  { "seed", 0, 0, G_OPTION_ARG_INT, &opt_seed, "Random seed", "SEED" },
  { "runs", 'r', 0, G_OPTION_ARG_INT, &opt_runs, "Timed runs of each (5)", "N" },
  { "cards", 0, 0, G_OPTION_ARG_INT, &opt_cards, "Cards moved (2000)", "N" },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose, "Print the captured SQL", NULL },
  { NULL }
};

void
bench_check (gboolean    ok,
       GError     *error,
       const char *what)
{
  if (!ok)
    g_error ("%s: %s", what, error != NULL ? error->message : "failed");
}

sqlite3_stmt *
bench_prepare (DgDatabase *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (dg_database_get_handle (db), sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (dg_database_get_handle (db)));

  return stmt;
}

void
bench_step (DgDatabase   *db,
      sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("%s: %s", sqlite3_sql (stmt), sqlite3_errmsg (dg_database_get_handle (db)));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

void
bench_exec (DgDatabase *db,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (dg_database_get_handle (db), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

gint64
bench_query_int (DgDatabase *db,
           const char *sql)
{
  sqlite3_stmt *stmt = bench_prepare (db, sql);
  gint64 value;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s: no row", sql);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

gint64
bench_journey_id (DgDatabase *db,
            const char *name)
{
  char *sql = sqlite3_mprintf ("SELECT id FROM journeys WHERE name = %Q", name);
  gint64 id = bench_query_int (db, sql);

  sqlite3_free (sql);

  return id;
}

double
bench_ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
bench_median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);

  if (samples->len % 2 == 1)
    return g_array_index (samples, double, samples->len / 2);

  return (g_array_index (samples, double, samples->len / 2 - 1)
          + g_array_index (samples, double, samples->len / 2)) / 2;
}

double
bench_slowest (GArray *samples)
{
  g_array_sort (samples, compare_doubles);

  return g_array_index (samples, double, samples->len - 1);
}

/* Empties the write-ahead log, so that no timed run pays for a checkpoint
 * the one before it made due. */
void
bench_checkpoint (DgDatabase *db)
{
  bench_exec (db, "PRAGMA wal_checkpoint (TRUNCATE)");
}

/* --- generating ---------------------------------------------------------- */

static int
generate (DgDatabase *db)
{
  g_autoptr(GError) error = NULL;
  DgBenchJourneySpec spec = {
    .seed = (guint32) opt_seed,
    .n_customers = opt_customers,
    .n_cohorts = (guint) opt_cohorts,
    .n_events = opt_events,
    .contacts_each = (guint) opt_contacts,
    .progress = TRUE,
  };
  gint64 start = g_get_monotonic_time ();

  if (bench_query_int (db, "SELECT count (*) FROM customers") < opt_customers)
    g_error ("the database has fewer than %" G_GINT64_FORMAT " customers", opt_customers);
  if (bench_query_int (db, "SELECT count (*) FROM journeys") > 0)
    g_error ("the database has journeys already");

  /* A large page cache only makes the generator faster. */
  bench_exec (db, "PRAGMA cache_size = -262144");
  bench_check (dg_bench_journey_fill (db, &spec, &error), error, "generate");
  bench_exec (db, "ANALYZE");
  bench_checkpoint (db);

  g_print ("%" G_GINT64_FORMAT " enrollments, %" G_GINT64_FORMAT " stage events, %" G_GINT64_FORMAT
           " cohorts, %" G_GINT64_FORMAT " rule follow-ups, %" G_GINT64_FORMAT " contacts, %.1f s\n",
           bench_query_int (db, "SELECT count (*) FROM enrollments"),
           bench_query_int (db, "SELECT count (*) FROM stage_events"),
           bench_query_int (db, "SELECT count (*) FROM cohorts"),
           bench_query_int (db, "SELECT count (*) FROM enrollment_followups"),
           bench_query_int (db, "SELECT count (*) FROM interactions"),
           (g_get_monotonic_time () - start) / 1e6);

  return 0;
}

static int
put_first (DgDatabase *db,
           const char *which)
{
  gint64 busy = bench_journey_id (db, DG_BENCH_JOURNEY_NAME);
  gint64 empty = bench_journey_id (db, DG_BENCH_EMPTY_JOURNEY_NAME);
  g_autofree char *sql = NULL;

  if (g_strcmp0 (which, "busy") != 0 && g_strcmp0 (which, "empty") != 0)
    {
      g_printerr ("--put-first must be busy or empty\n");
      return 2;
    }

  sql = g_strdup_printf ("UPDATE journeys SET position = CASE id WHEN %" G_GINT64_FORMAT " THEN 0 "
                         "WHEN %" G_GINT64_FORMAT " THEN 1 ELSE position END",
                         g_str_equal (which, "busy") ? busy : empty,
                         g_str_equal (which, "busy") ? empty : busy);
  bench_exec (db, sql);
  bench_checkpoint (db);

  return 0;
}

/* --- analytics ----------------------------------------------------------- */

static int
trace_cb (unsigned  type,
          void     *user_data,
          void     *p,
          void     *x)
{
  GPtrArray *captured = user_data;
  const char *sql = x;
  char *expanded;

  if (type != SQLITE_TRACE_STMT || g_str_has_prefix (sql, "--"))
    return 0;

  expanded = sqlite3_expanded_sql (p);
  g_ptr_array_add (captured, g_strdup (expanded != NULL ? expanded : sql));
  sqlite3_free (expanded);

  return 0;
}

/* Steps each statement to its end, reading every column as core does;
 * with --verbose, tells how long each took. */
static void
run_plain (GPtrArray *statements)
{
  for (guint i = 0; i < statements->len; i++)
    {
      sqlite3_stmt *stmt = statements->pdata[i];
      gint64 start = g_get_monotonic_time ();
      int rc;

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          (void) sqlite3_column_text (stmt, c);
      if (rc != SQLITE_DONE)
        g_error ("%s: %s", sqlite3_sql (stmt), sqlite3_errmsg (sqlite3_db_handle (stmt)));
      sqlite3_reset (stmt);
      if (opt_verbose)
        g_printerr ("  statement %u: %.1f ms\n", i + 1, bench_ms_since (start));
    }
}

/* Times the figures of @journey (of @cohort, 0 for all); returns the
 * ratio of the medians. */
static double
time_analytics (DgDatabase *db,
                DgClock    *clock,
                gint64      journey,
                gint64      cohort,
                const char *label)
{
  g_autoptr(GPtrArray) captured = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func ((GDestroyNotify) sqlite3_finalize);
  g_autoptr(GArray) api = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) plain = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *handle = dg_database_get_handle (db);
  double ratio;

  /* The first call prepares and caches core's statements; capture the
   * second, which runs them as every later call does. */
  figures = dg_journey_analytics (db, clock, journey, cohort, &error);
  bench_check (figures != NULL, error, "analytics");
  g_clear_pointer (&figures, g_ptr_array_unref);

  sqlite3_trace_v2 (handle, SQLITE_TRACE_STMT, trace_cb, captured);
  figures = dg_journey_analytics (db, clock, journey, cohort, &error);
  sqlite3_trace_v2 (handle, 0, NULL, NULL);
  bench_check (figures != NULL, error, "analytics");

  for (guint i = 0; i < captured->len; i++)
    {
      sqlite3_stmt *stmt = NULL;

      if (opt_verbose)
        g_printerr ("%s;\n", (char *) captured->pdata[i]);
      if (sqlite3_prepare_v2 (handle, captured->pdata[i], -1, &stmt, NULL) != SQLITE_OK)
        g_error ("%s: %s", (char *) captured->pdata[i], sqlite3_errmsg (handle));
      g_ptr_array_add (statements, stmt);
    }

  for (int run = 0; run < opt_runs; run++)
    {
      for (int turn = 0; turn < 2; turn++)
        {
          gint64 start = g_get_monotonic_time ();
          double ms;

          if ((turn + run) % 2 == 0)
            {
              g_autoptr(GPtrArray) again = dg_journey_analytics (db, clock, journey, cohort, &error);

              bench_check (again != NULL, error, "analytics");
              ms = bench_ms_since (start);
              g_array_append_val (api, ms);
            }
          else
            {
              run_plain (statements);
              ms = bench_ms_since (start);
              g_array_append_val (plain, ms);
            }
        }
    }

  ratio = bench_median (api) / bench_median (plain);
  g_print ("%-30s %5u %9.1f %9.1f %9.1f %9.1f %7.2f\n", label, statements->len,
           bench_median (api), bench_slowest (api), bench_median (plain), bench_slowest (plain), ratio);

  return ratio;
}

static int
analytics (DgDatabase *db)
{
  g_autoptr(DgClock) clock = dg_clock_new_system ();
  gint64 journey = bench_journey_id (db, DG_BENCH_JOURNEY_NAME);
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM cohorts WHERE journey_id = %" G_GINT64_FORMAT
                                          " ORDER BY date LIMIT 1 OFFSET 250", journey);
  gint64 cohort = bench_query_int (db, sql);
  double worst, one;

  g_print ("%" G_GINT64_FORMAT " enrollments, %" G_GINT64_FORMAT " stage events; median and slowest of %d runs (ms)\n",
           bench_query_int (db, "SELECT count (*) FROM enrollments"),
           bench_query_int (db, "SELECT count (*) FROM stage_events"), opt_runs);
  g_print ("%-30s %5s %9s %9s %9s %9s %7s\n", "analytics", "stmts", "API", "slowest", "SQL", "slowest", "ratio");
  worst = time_analytics (db, clock, journey, 0, "all cohorts");
  one = time_analytics (db, clock, journey, cohort, "one cohort");
  worst = MAX (worst, one);
  g_print ("worst ratio: %.2f\n", worst);

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;

  setlocale (LC_ALL, "");

  context = g_option_context_new ("- the journey benchmarks and their data");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (opt_db == NULL || opt_runs < 1 || opt_customers < 1 || opt_cohorts < 1 || opt_cards < 1)
    {
      g_printerr ("Usage: %s --db PATH (--generate | --put-first=busy|empty | --analytics | --move)\n",
                  g_get_prgname ());
      return 2;
    }

  db = dg_database_open (opt_db, &error);
  bench_check (db != NULL, error, opt_db);

  if (opt_generate)
    return generate (db);
  if (opt_put_first != NULL)
    return put_first (db, opt_put_first);
  if (opt_analytics)
    return analytics (db);
  if (opt_move)
    return dg_bench_journey_move (db, opt_cards, opt_runs);

  g_printerr ("Nothing to do: --generate, --put-first, --analytics or --move\n");

  return 2;
}
