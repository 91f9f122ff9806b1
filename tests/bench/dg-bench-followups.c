/* dg-bench-followups.c
 *
 * Follow-up and reminder benchmarks on a large database:
 *
 *   generate --customers N --followups M --output PATH
 *       creates the database through core (dg-bench-followups-data.h);
 *   fingerprint
 *       prints the schema version and a digest of what core stores for the
 *       first few hundred made-up rows, which keys a cached database;
 *   queries --db PATH [--iterations N]
 *       times the calendar's month query, the per-day counts of a 6-week
 *       grid, the reminders' "next due" query and their collection of what
 *       is due, each through the API and as the very SQL that call ran
 *       (captured with sqlite3_trace_v2(), bound values expanded) stepped
 *       alone on the same connection, and prints each one's query plan;
 *   settle --db PATH
 *       records as shown every reminder due by the real now, as a reminder
 *       service that ran all along would have, so that an idle run of the
 *       app starts from that steady state.
 */
#define G_LOG_DOMAIN "Dangol-Bench"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

#include "dg-core.h"
#include "dg-database-private.h"
#include "dg-bench-followups-data.h"

/* Rows behind a fingerprint: enough to meet every kind of follow-up the
 * generator makes. */
#define FINGERPRINT_CUSTOMERS 300
#define FINGERPRINT_FOLLOWUPS 3000

/* Samples a query gets however long it takes. */
#define MIN_SAMPLES 20

/* The month grid: six weeks. */
#define GRID_DAYS 42

static gint64   opt_customers = 100000;
static gint64   opt_followups = 1000000;
static int      opt_iterations = 200;
static int      opt_budget = 30;
static int      opt_seed = 20261124;
static char    *opt_db = NULL;
static char    *opt_output = NULL;
static char    *opt_only = NULL;
static gboolean opt_verbose = FALSE;

static const GOptionEntry entries[] = {
  { "customers", 0, 0, G_OPTION_ARG_INT64, &opt_customers, "Customers to create (100000)", "N" },
  { "followups", 0, 0, G_OPTION_ARG_INT64, &opt_followups, "Follow-ups to create (1000000)", "N" },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, "Database to create", "PATH" },
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &opt_db, "Database to use", "PATH" },
  { "iterations", 'n', 0, G_OPTION_ARG_INT, &opt_iterations,
    "Samples of each query (200)", "N" },
  { "budget", 0, 0, G_OPTION_ARG_INT, &opt_budget,
    "Seconds after which a slow query stops at 20 samples or more (30)", "S" },
  { "seed", 0, 0, G_OPTION_ARG_INT, &opt_seed, "Random seed", "SEED" },
  { "only", 0, 0, G_OPTION_ARG_STRING, &opt_only,
    "Time one query: month-list, month-counts, next-wakeup or collect-due (for a profiler)", "KEY" },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose, "Print the captured SQL", NULL },
  { NULL }
};

static double
clock_ms (clockid_t id)
{
  struct timespec ts;

  clock_gettime (id, &ts);

  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
now_ms (void)
{
  return clock_ms (CLOCK_MONOTONIC);
}

/* Processor time of this thread: on a busy machine the wall-clock time of
 * a query is mostly time spent waiting for a processor, this is not. */
static double
cpu_ms (void)
{
  return clock_ms (CLOCK_THREAD_CPUTIME_ID);
}

/* generate --------------------------------------------------------------- */

static int
generate (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *partial_wal = NULL;
  g_autofree char *partial_shm = NULL;
  g_autofree char *output_wal = NULL;
  g_autofree char *output_shm = NULL;
  gint64 start = g_get_monotonic_time ();

  if (opt_output == NULL || opt_customers < 0 || opt_followups < 0)
    {
      g_printerr ("Usage: %s generate --customers N --followups M --output PATH\n", g_get_prgname ());
      return 2;
    }

  /* Build beside the target and rename at the end, so that an interrupted
   * run never leaves a short database that looks finished. */
  partial = g_strconcat (opt_output, ".partial", NULL);
  partial_wal = g_strconcat (partial, "-wal", NULL);
  partial_shm = g_strconcat (partial, "-shm", NULL);
  g_unlink (partial);
  g_unlink (partial_wal);
  g_unlink (partial_shm);

  db = dg_database_open (partial, &error);
  if (db == NULL
      || !dg_bench_followups_fill (db, (guint32) opt_seed, opt_customers, opt_followups, TRUE, &error)
      /* Fold the WAL back so the cached file stands alone. */
      || !dg_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE);", &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_clear_object (&db);

  /* The write-ahead log of an older database at the target would be
   * replayed into the new one on its next opening. */
  output_wal = g_strconcat (opt_output, "-wal", NULL);
  output_shm = g_strconcat (opt_output, "-shm", NULL);
  g_unlink (output_wal);
  g_unlink (output_shm);

  if (g_rename (partial, opt_output) != 0)
    {
      g_printerr ("Could not rename %s to %s: %s\n", partial, opt_output, g_strerror (errno));
      return 1;
    }

  g_print ("%" G_GINT64_FORMAT " customers and %" G_GINT64_FORMAT " follow-ups in %s, %.1f s\n",
           opt_customers, opt_followups, opt_output, (g_get_monotonic_time () - start) / 1e6);

  return 0;
}

static int
fingerprint (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  DgDatabase *db;
  int version = 0;
  gboolean ok;

  dir = g_dir_make_tmp ("dg-bench-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  path = g_build_filename (dir, "fingerprint.db", NULL);

  db = dg_database_open (path, &error);
  ok = db != NULL
       && dg_bench_followups_fill (db, (guint32) opt_seed, FINGERPRINT_CUSTOMERS,
                                   FINGERPRINT_FOLLOWUPS, FALSE, &error)
       && dg_bench_followups_digest (db, checksum, &error);
  if (db != NULL)
    version = dg_database_get_schema_version (db);
  g_clear_object (&db);

  /* SQLite removes -wal and -shm when the last connection closes. */
  g_unlink (path);
  g_rmdir (dir);

  if (!ok)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("schema %d data %s\n", version, g_checksum_get_string (checksum));

  return 0;
}

/* settle ----------------------------------------------------------------- */

static int
settle (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(DgClock) clock = dg_clock_new_system ();
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  db = dg_database_open (opt_db, &error);
  if (db == NULL || !dg_followups_sync_time_zone (db, clock, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  now = dg_clock_get_now_utc (clock);
  due = dg_reminders_collect_due (db, now, &error);
  if (due == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < due->len; i++)
    {
      gint64 id = dg_followup_get_id (g_ptr_array_index (due, i));

      g_array_append_val (ids, id);
    }

  if (!dg_reminders_mark_notified_many (db, (gint64 *) ids->data, ids->len, now, &error)
      || !dg_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE);", &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("%u reminders due by now recorded as shown\n", ids->len);

  return 0;
}

/* queries ---------------------------------------------------------------- */

typedef struct
{
  DgDatabase *db;
  DgClock    *clock;
  GTimeZone  *tz;
  GDateTime  *now;
  GDate       grid_first;
  GDateTime  *grid_from;
  GDateTime  *grid_to;
} Bench;

typedef struct
{
  const char     *key;
  const char     *label;
  /* Runs the API once; the result is freed with @free. */
  gpointer      (*run)   (Bench *bench, GError **error);
  /* The rows the API's SQL returned, as read from its result. */
  guint         (*rows)  (gpointer result);
  GDestroyNotify  free;
} Case;

static gpointer
run_month (Bench   *bench,
           GError **error)
{
  return dg_followups_list_range (bench->db, bench->grid_from, bench->grid_to,
                                  DG_FOLLOWUP_FILTER_NOT_CANCELLED, 0, error);
}

static guint
rows_of_array (gpointer result)
{
  return ((GPtrArray *) result)->len;
}

static gpointer
run_counts (Bench   *bench,
            GError **error)
{
  return dg_followups_count_per_day (bench->db, bench->tz, &bench->grid_first, GRID_DAYS,
                                     DG_FOLLOWUP_FILTER_NOT_CANCELLED, error);
}

static guint
rows_of_counts (gpointer result)
{
  GArray *counts = result;
  guint sum = 0;

  for (guint i = 0; i < counts->len; i++)
    sum += g_array_index (counts, guint, i);

  return sum;
}

static void
free_counts (gpointer result)
{
  g_array_unref (result);
}

/* A GDateTime, or this stand-in for "none pending", which is no error. */
static char none_pending;

static gpointer
run_next_wakeup (Bench   *bench,
                 GError **error)
{
  g_autoptr(GError) local_error = NULL;
  GDateTime *next = dg_reminders_next_wakeup (bench->db, bench->now, &local_error);

  if (next != NULL)
    return next;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return &none_pending;
}

/* An aggregate: one row either way. */
static guint
rows_of_next (gpointer result)
{
  return 1;
}

static void
free_next (gpointer result)
{
  if (result != &none_pending)
    g_date_time_unref (result);
}

static gpointer
run_collect (Bench   *bench,
             GError **error)
{
  return dg_reminders_collect_due (bench->db, bench->now, error);
}

static const Case cases[] = {
  { "month-list", "month grid, list_range (42 days)", run_month, rows_of_array,
    (GDestroyNotify) g_ptr_array_unref },
  { "month-counts", "month grid, count_per_day (42)", run_counts, rows_of_counts, free_counts },
  { "next-wakeup", "reminders, next_wakeup", run_next_wakeup, rows_of_next, free_next },
  { "collect-due", "reminders, collect_due", run_collect, rows_of_array,
    (GDestroyNotify) g_ptr_array_unref },
};

static int
trace_cb (unsigned  type,
          void     *user_data,
          void     *p,
          void     *x)
{
  GPtrArray *captured = user_data;
  const char *sql = x;
  char *expanded;

  /* Statements of triggers come as "-- comment" lines; they run anyway as
   * part of their statement. */
  if (type != SQLITE_TRACE_STMT || g_str_has_prefix (sql, "--"))
    return 0;

  expanded = sqlite3_expanded_sql (p);
  g_ptr_array_add (captured, g_strdup (expanded != NULL ? expanded : sql));
  sqlite3_free (expanded);

  return 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Nearest-rank percentile of sorted @values. */
static double
percentile (GArray *values,
            double  p)
{
  guint rank = (guint) ceil (p / 100.0 * values->len);

  return g_array_index (values, double, MAX (rank, 1) - 1);
}

/* Runs the captured statements as one would by hand: steps each to its
 * end and reads every column of every row in its own type. Returns the
 * rows of all of them: a month's list is two statements (those due in it
 * and those snoozed into it) whose rows the API merges. */
static guint
run_plain (GPtrArray *statements)
{
  volatile gint64 sink = 0;
  guint rows = 0;

  for (guint i = 0; i < statements->len; i++)
    {
      sqlite3_stmt *stmt = statements->pdata[i];
      int columns = sqlite3_column_count (stmt);
      guint n = 0;

      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < columns; c++)
            {
              switch (sqlite3_column_type (stmt, c))
                {
                case SQLITE_INTEGER:
                  sink += sqlite3_column_int64 (stmt, c);
                  break;

                case SQLITE_TEXT:
                  sink += sqlite3_column_bytes (stmt, c) + *sqlite3_column_text (stmt, c);
                  break;

                default:
                  break;
                }
            }
          n++;
        }
      sqlite3_reset (stmt);

      rows += n;
    }

  return rows;
}

/* EXPLAIN QUERY PLAN of @sql, indented; FALSE in @out_bound when a table
 * is scanned or the result sorted in a temporary B-tree. */
static char *
query_plan (sqlite3    *handle,
            const char *sql,
            gboolean   *out_bound)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  GString *plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  *out_bound = TRUE;
  if (sqlite3_prepare_v2 (handle, explain, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_string_append_printf (plan, "    (no plan: %s)\n", sqlite3_errmsg (handle));
      *out_bound = FALSE;
      return g_string_free (plan, FALSE);
    }

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *detail = (const char *) sqlite3_column_text (stmt, 3);

      if (g_str_has_prefix (detail, "SCAN ") || strstr (detail, "TEMP B-TREE") != NULL)
        *out_bound = FALSE;
      g_string_append_printf (plan, "    %s\n", detail);
    }
  sqlite3_finalize (stmt);

  return g_string_free (plan, FALSE);
}

typedef struct
{
  guint    rows;
  /* Calls timed together as one sample, and samples. */
  guint    batch;
  guint    samples;
  double   api_p50, api_p99, sql_p50, sql_p99;
  /* API / SQL of the median processor time. */
  double   cpu_ratio;
  gboolean bound;
  GString *plans;
} Result;

static gboolean
run_case (Bench       *bench,
          const Case  *c,
          Result      *result,
          GError     **error)
{
  sqlite3 *handle = dg_database_get_handle (bench->db);
  g_autoptr(GPtrArray) captured = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func ((GDestroyNotify) sqlite3_finalize);
  g_autoptr(GArray) api_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) plain_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) api_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) plain_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  gpointer value;
  guint plain_rows;
  int runs = opt_iterations;
  double budget_end;

  /* The first call prepares and caches core's statements; capture the SQL
   * of the second, which is what every later call runs. */
  value = c->run (bench, error);
  if (value == NULL)
    return FALSE;
  c->free (value);

  sqlite3_trace_v2 (handle, SQLITE_TRACE_STMT, trace_cb, captured);
  value = c->run (bench, error);
  sqlite3_trace_v2 (handle, 0, NULL, NULL);
  if (value == NULL)
    return FALSE;
  result->rows = c->rows (value);
  c->free (value);

  result->bound = TRUE;
  result->plans = g_string_new (NULL);
  for (guint i = 0; i < captured->len; i++)
    {
      const char *sql = captured->pdata[i];
      g_autofree char *plan = NULL;
      sqlite3_stmt *stmt = NULL;
      gboolean bound;

      if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          g_set_error (error, DG_ERROR, DG_ERROR_DATABASE, "%s: %s", sql, sqlite3_errmsg (handle));
          return FALSE;
        }
      g_ptr_array_add (statements, stmt);

      plan = query_plan (handle, sql, &bound);
      result->bound = result->bound && bound;
      g_string_append_printf (result->plans, "  %s\n%s", sql, plan);
      if (opt_verbose)
        g_printerr ("-- %s\n%s;\n", c->key, sql);
    }

  plain_rows = run_plain (statements);
  if (plain_rows != result->rows)
    {
      g_set_error (error, DG_ERROR, DG_ERROR_DATABASE,
                   "%s: the API read %u rows and its SQL %u", c->key, result->rows, plain_rows);
      return FALSE;
    }

  /* A call much shorter than a few milliseconds is timed over a batch of
   * calls, long enough for one preemption not to be the whole figure. */
  {
    double start = now_ms ();

    for (int i = 0; i < 5; i++)
      {
        value = c->run (bench, error);
        if (value == NULL)
          return FALSE;
        c->free (value);
      }
    result->batch = (guint) CLAMP (5.0 / MAX ((now_ms () - start) / 5, 1e-6), 1, 10000);
  }

  /* Alternate the two so that drift in the machine hits both alike. The
   * API's time includes freeing what it returned: the caller pays it. */
  budget_end = now_ms () + opt_budget * 1e3;
  for (int i = 0; i < runs && (i < MIN_SAMPLES || now_ms () < budget_end); i++)
    {
      double start, cpu_start;
      double elapsed;

      start = now_ms ();
      cpu_start = cpu_ms ();
      for (guint b = 0; b < result->batch; b++)
        {
          value = c->run (bench, error);
          if (value == NULL)
            return FALSE;
          c->free (value);
        }
      elapsed = (cpu_ms () - cpu_start) / result->batch;
      g_array_append_val (api_cpu, elapsed);
      elapsed = (now_ms () - start) / result->batch;
      g_array_append_val (api_times, elapsed);

      start = now_ms ();
      cpu_start = cpu_ms ();
      for (guint b = 0; b < result->batch; b++)
        run_plain (statements);
      elapsed = (cpu_ms () - cpu_start) / result->batch;
      g_array_append_val (plain_cpu, elapsed);
      elapsed = (now_ms () - start) / result->batch;
      g_array_append_val (plain_times, elapsed);
    }

  result->samples = api_times->len;
  g_array_sort (api_times, compare_doubles);
  g_array_sort (plain_times, compare_doubles);
  result->api_p50 = percentile (api_times, 50);
  result->api_p99 = percentile (api_times, 99);
  result->sql_p50 = percentile (plain_times, 50);
  result->sql_p99 = percentile (plain_times, 99);
  g_array_sort (api_cpu, compare_doubles);
  g_array_sort (plain_cpu, compare_doubles);
  result->cpu_ratio = percentile (api_cpu, 50) / MAX (percentile (plain_cpu, 50), 1e-6);

  return TRUE;
}

static void
bench_clear (Bench *bench)
{
  g_clear_object (&bench->db);
  g_clear_object (&bench->clock);
  g_clear_pointer (&bench->tz, g_time_zone_unref);
  g_clear_pointer (&bench->now, g_date_time_unref);
  g_clear_pointer (&bench->grid_from, g_date_time_unref);
  g_clear_pointer (&bench->grid_to, g_date_time_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Bench, bench_clear)

/* The grid of the month of "now", as the calendar lays it out with weeks
 * starting on Sunday: from the Sunday on or before the first. */
static void
bench_init_grid (Bench *bench)
{
  GDate end;

  dg_recurrence_local_date (bench->now, bench->tz, &bench->grid_first);
  g_date_set_day (&bench->grid_first, 1);
  g_date_subtract_days (&bench->grid_first, g_date_get_weekday (&bench->grid_first) % 7);

  end = bench->grid_first;
  g_date_add_days (&end, GRID_DAYS);
  bench->grid_from = dg_recurrence_day_start (bench->tz, &bench->grid_first);
  bench->grid_to = dg_recurrence_day_start (bench->tz, &end);
}

static int
queries (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(Bench) bench = { 0 };
  g_autofree char *now_text = NULL;
  g_autofree char *first_text = NULL;
  g_autoptr(GString) plans = g_string_new (NULL);
  g_autoptr(GString) summary = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  gint64 n_followups = 0;
  gint64 n_open = 0;
  gint64 n_pending = 0;
  double worst_ratio = 0;
  const Case *worst = &cases[0];
  gboolean all_bound = TRUE;

  bench.db = dg_database_open (opt_db, &error);
  if (bench.db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  bench.clock = DG_CLOCK (dg_bench_followups_clock_new ());
  bench.tz = dg_clock_dup_time_zone (bench.clock);
  bench.now = dg_clock_get_now_utc (bench.clock);
  if (!dg_followups_sync_time_zone (bench.db, bench.clock, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  bench_init_grid (&bench);

  if (sqlite3_prepare_v2 (dg_database_get_handle (bench.db),
                          "SELECT count(*), sum (status = 'open'), count (remind_at) FROM followups",
                          -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    {
      n_followups = sqlite3_column_int64 (stmt, 0);
      n_open = sqlite3_column_int64 (stmt, 1);
      n_pending = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_finalize (stmt);

  {
    g_autoptr(GDateTime) local = g_date_time_to_timezone (bench.now, bench.tz);

    now_text = g_date_time_format (local, "%Y-%m-%d %H:%M %Z");
  }
  first_text = dg_recurrence_format_date (&bench.grid_first);

  g_print ("%" G_GINT64_FORMAT " follow-ups (%" G_GINT64_FORMAT " open, %" G_GINT64_FORMAT
           " reminders pending), now %s, grid from %s\n",
           n_followups, n_open, n_pending, now_text, first_text);
  g_print ("wall-clock ms per call; SQL alone steps the same statements and reads every\n"
           "column; \"runs\" samples of each, calls shorter than 5 ms timed in batches\n"
           "of \"batch\" calls;\n"
           "cpu × is API / SQL of the median processor time of this thread\n");
  g_print ("%-34s %7s %5s %5s  %8s %8s  %8s %8s  %6s %6s %6s\n",
           "query", "rows", "runs", "batch", "API p50", "p99", "SQL p50", "p99", "p50 ×", "p99 ×", "cpu ×");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Result result = { 0 };
      double ratio50, ratio99;

      if (opt_only != NULL && !g_str_equal (opt_only, cases[i].key))
        continue;

      if (!run_case (&bench, &cases[i], &result, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      ratio50 = result.api_p50 / MAX (result.sql_p50, 1e-6);
      ratio99 = result.api_p99 / MAX (result.sql_p99, 1e-6);
      if (ratio99 > worst_ratio)
        {
          worst_ratio = ratio99;
          worst = &cases[i];
        }
      all_bound = all_bound && result.bound;

      g_print ("%-34s %7u %5u %5u  %8.3f %8.3f  %8.3f %8.3f  %6.2f %6.2f %6.2f\n",
               cases[i].label, result.rows, result.samples, result.batch,
               result.api_p50, result.api_p99, result.sql_p50, result.sql_p99,
               ratio50, ratio99, result.cpu_ratio);
      g_string_append_printf (plans, "%s (%s):\n%s", cases[i].label,
                              result.bound ? "index-bound" : "NOT index-bound",
                              result.plans->str);
      g_string_append_printf (summary, "result %s %u %.3f %.3f %.3f %.3f %.2f %.2f %.2f %s\n",
                              cases[i].key, result.rows,
                              result.api_p50, result.api_p99, result.sql_p50, result.sql_p99,
                              ratio50, ratio99, result.cpu_ratio, result.bound ? "yes" : "NO");
      g_string_free (result.plans, TRUE);
    }

  g_print ("\nEXPLAIN QUERY PLAN of the SQL each call ran:\n%s", plans->str);
  g_print ("\n%s", summary->str);
  g_print ("worst p99 ratio: %.2f (%s)\n", worst_ratio, worst->label);
  g_print ("all index-bound: %s\n", all_bound ? "yes" : "NO");

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *mode;

  setlocale (LC_ALL, "");

  context = g_option_context_new ("generate|fingerprint|queries|settle - follow-up benchmarks");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  mode = argc > 1 ? argv[1] : "";
  if (g_str_equal (mode, "generate"))
    return generate ();
  if (g_str_equal (mode, "fingerprint"))
    return fingerprint ();

  if (opt_db == NULL || opt_iterations < 1)
    {
      g_printerr ("Usage: %s generate|fingerprint|queries|settle [--db PATH] [--iterations N]\n",
                  g_get_prgname ());
      return 2;
    }

  if (g_str_equal (mode, "queries"))
    return queries ();
  if (g_str_equal (mode, "settle"))
    return settle ();

  g_printerr ("Unknown mode “%s”\n", mode);
  return 2;
}
