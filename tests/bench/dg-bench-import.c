/* dg-bench-import.c
 *
 * Import and export benchmarks, each mode a process that
 * tests/bench/run-bench-import.sh spawns and times:
 *
 *   write-csv --rows N --output PATH [--seed S]
 *       writes N made-up sign-ups (dg-bench-data.h, a seed other than the
 *       database's) as a Korean sheet in CP949, as Excel on a Korean
 *       Windows saves it: name, phone, e-mail, organization, note;
 *   import --db PATH --file PATH
 *       imports the sheet into the database as a person does: load (the
 *       encoding and delimiter detected, the columns guessed), preview
 *       (every row checked for duplicates against the customers there) and
 *       apply, in one transaction;
 *   floor --db PATH --rows N [--seed S]
 *       the same customers (the same fields) inserted through
 *       dg_customers_insert() in one transaction, made in memory first;
 *   export --db PATH --output PATH
 *       writes every customer not archived to CSV with the customer list's
 *       columns through dg_export_csv();
 *   time --output PATH -- COMMAND [ARGUMENT...]
 *       runs COMMAND with its output to PATH, and prints its time from
 *       spawn to exit and the processor time it used (the export above
 *       and its floor, `sqlite3 -csv`, are each timed so).
 *
 * Each prints "key=value" lines: the milliseconds of the work (not of
 * opening the database or of making the floor's customers), wall-clock
 * and processor time, what it did, and the process's peak resident memory
 * (VmHWM) at its end.
 */
#define G_LOG_DOMAIN "Dangol-Bench"

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

#include "dg-core.h"
#include "dg-database-private.h"
#include "dg-bench-data.h"

static int   opt_rows = 100000;
static int   opt_seed = 20261208;
static char *opt_db = NULL;
static char *opt_file = NULL;
static char *opt_output = NULL;

static const GOptionEntry entries[] = {
  { "rows", 'n', 0, G_OPTION_ARG_INT, &opt_rows, "Rows of the sheet (100000)", "N" },
  { "seed", 0, 0, G_OPTION_ARG_INT, &opt_seed, "Random seed of the sheet's people", "SEED" },
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &opt_db, "Database", "PATH" },
  { "file", 0, 0, G_OPTION_ARG_FILENAME, &opt_file, "Sheet to import", "PATH" },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, "File to write", "PATH" },
  { NULL }
};

static void
print_peak (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, "\nVmHWM:")) == NULL)
    return;

  g_print ("peak_bytes=%" G_GUINT64_FORMAT "\n",
           g_ascii_strtoull (line + strlen ("\nVmHWM:"), NULL, 10) * 1024);
}

extern char **environ;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1e3;
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);

  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
timeval_ms (const struct timeval *tv)
{
  return tv->tv_sec * 1e3 + tv->tv_usec / 1e3;
}

static gboolean
run_timed (char    **argv,
           GError  **error)
{
  posix_spawn_file_actions_t actions;
  struct rusage usage;
  double start;
  pid_t pid;
  int status, res;

  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, STDOUT_FILENO, opt_output,
                                    O_WRONLY | O_CREAT | O_TRUNC, 0600);
  start = now_ms ();
  res = posix_spawnp (&pid, argv[0], &actions, NULL, argv, environ);
  posix_spawn_file_actions_destroy (&actions);
  if (res != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (res), "%s: %s", argv[0], g_strerror (res));
      return FALSE;
    }
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s failed", argv[0]);
      return FALSE;
    }

  g_print ("ms=%.1f\ncpu_ms=%.1f\n", now_ms () - start,
           timeval_ms (&usage.ru_utime) + timeval_ms (&usage.ru_stime));

  return TRUE;
}

/* The fields a sheet carries of made-up customer @index, and nothing
 * else, so that the import and the floor store the same. Each has a phone
 * number (010-0xxx-xxxx) and an e-mail domain no customer of the
 * database has: every row is checked for duplicates and none is found, so
 * that both add every row. */
static DgCustomer *
make_signup (DgBenchData *data,
             int          index)
{
  g_autoptr(DgCustomer) made = dg_bench_data_make_customer (data);
  DgCustomer *customer = dg_customer_new ();
  g_autofree char *phone = g_strdup_printf ("010-%04d-%04d", index / 10000, index % 10000);
  g_auto(GStrv) email = g_strsplit (dg_customer_get_email (made), "@", 2);
  g_autofree char *signup_email = g_strdup_printf ("%s.%d@signup.example", email[0], index);

  dg_customer_set_name (customer, dg_customer_get_name (made));
  dg_customer_set_phone (customer, phone);
  dg_customer_set_email (customer, signup_email);
  dg_customer_set_organization (customer, dg_customer_get_organization (made));
  dg_customer_set_note (customer, dg_customer_get_note (made));

  return customer;
}

static gboolean
write_csv (GError **error)
{
  g_autoptr(DgBenchData) data = dg_bench_data_new (opt_seed);
  g_autoptr(GString) text = g_string_new ("이름,연락처,이메일,소속,메모\r\n");
  g_autofree char *cp949 = NULL;
  gsize len = 0;

  for (int i = 0; i < opt_rows; i++)
    {
      g_autoptr(DgCustomer) customer = make_signup (data, i);
      const char *values[] = {
        dg_customer_get_name (customer), dg_customer_get_phone (customer),
        dg_customer_get_email (customer), dg_customer_get_organization (customer),
        dg_customer_get_note (customer),
      };

      for (guint c = 0; c < G_N_ELEMENTS (values); c++)
        {
          g_autofree char *cell = dg_export_csv_cell (values[c]);

          if (c > 0)
            g_string_append_c (text, ',');
          g_string_append (text, cell);
        }
      g_string_append (text, "\r\n");
    }

  cp949 = g_convert_with_fallback (text->str, text->len, "CP949", "UTF-8", "?",
                                   NULL, &len, error);
  if (cp949 == NULL)
    return FALSE;
  g_print ("bytes=%" G_GSIZE_FORMAT "\n", len);

  return g_file_set_contents (opt_output, cp949, len, error);
}

static gboolean
run_import (DgDatabase  *db,
            GError     **error)
{
  g_autoptr(DgCsvImport) import = dg_csv_import_new (opt_file);
  g_autoptr(DgClock) clock = dg_clock_new_system ();
  g_autoptr(DgBulkUndo) undo = NULL;
  const DgCsvDetection *detection;
  DgImportSummary summary;
  double start, loaded, previewed, applied, cpu_start = cpu_ms ();

  start = now_ms ();
  if (!dg_csv_import_load (import, NULL, error))
    return FALSE;
  loaded = now_ms ();
  if (!dg_csv_import_preview (import, db, NULL, error))
    return FALSE;
  previewed = now_ms ();
  undo = dg_csv_import_apply (import, db, clock, NULL, &summary, error);
  if (undo == NULL)
    return FALSE;
  applied = now_ms ();

  detection = dg_csv_import_get_detection (import);
  if (detection->encoding != DG_CSV_ENCODING_CP949)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The sheet was read as %s, not CP949",
                   dg_csv_encoding_get_label (detection->encoding));
      return FALSE;
    }

  g_print ("ms=%.1f\ncpu_ms=%.1f\nload_ms=%.1f\npreview_ms=%.1f\napply_ms=%.1f\n",
           applied - start, cpu_ms () - cpu_start,
           loaded - start, previewed - loaded, applied - previewed);
  g_print ("added=%u\nupdated=%u\nunchanged=%u\nrefused=%u\n",
           summary.n_added, summary.n_updated, summary.n_unchanged, summary.n_refused);

  return TRUE;
}

static gboolean
run_floor (DgDatabase  *db,
           GError     **error)
{
  g_autoptr(DgBenchData) data = dg_bench_data_new (opt_seed);
  g_autoptr(GPtrArray) customers = g_ptr_array_new_with_free_func (g_object_unref);
  double start, cpu_start;

  for (int i = 0; i < opt_rows; i++)
    g_ptr_array_add (customers, make_signup (data, i));

  start = now_ms ();
  cpu_start = cpu_ms ();
  if (!dg_database_begin (db, error))
    return FALSE;
  for (guint i = 0; i < customers->len; i++)
    {
      if (!dg_customers_insert (db, g_ptr_array_index (customers, i), error))
        {
          dg_database_rollback (db);
          return FALSE;
        }
    }
  if (!dg_database_commit (db, error))
    return FALSE;

  g_print ("ms=%.1f\ncpu_ms=%.1f\nadded=%u\n", now_ms () - start, cpu_ms () - cpu_start,
           customers->len);

  return TRUE;
}

static gboolean
run_export (DgDatabase  *db,
            GError     **error)
{
  const DgExportCsvColumn *columns;
  guint n_columns, count = 0;
  double start = now_ms ();

  columns = dg_export_csv_list_columns (&n_columns);
  if (!dg_export_csv (db, NULL, NULL, 0, columns, n_columns, NULL, opt_output, NULL, &count, error))
    return FALSE;

  g_print ("ms=%.1f\nexported=%u\n", now_ms () - start, count);

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("write-csv|import|floor|export");
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  const char *mode;
  gboolean ok;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "Name one mode");
      return 2;
    }
  mode = argv[1];

  if (g_str_equal (mode, "write-csv"))
    ok = opt_output != NULL && write_csv (&error);
  else if (g_str_equal (mode, "time"))
    {
      /* GOption leaves the "--" before the command in argv. */
      int first = argc > 2 && g_str_equal (argv[2], "--") ? 3 : 2;

      if (opt_output != NULL && argc > first && run_timed (argv + first, &error))
        return 0;
      g_printerr ("time: %s\n", error != NULL ? error->message : "bad arguments");
      return 1;
    }
  else
    {
      if (opt_db == NULL || (db = dg_database_open (opt_db, &error)) == NULL)
        {
          g_printerr ("%s\n", error != NULL ? error->message : "--db is missing");
          return 1;
        }
      if (g_str_equal (mode, "import"))
        ok = opt_file != NULL && run_import (db, &error);
      else if (g_str_equal (mode, "floor"))
        ok = run_floor (db, &error);
      else if (g_str_equal (mode, "export"))
        ok = opt_output != NULL && run_export (db, &error);
      else
        ok = FALSE;
    }

  if (!ok)
    {
      g_printerr ("%s: %s\n", mode, error != NULL ? error->message : "bad arguments");
      return 1;
    }
  print_peak ();

  return 0;
}
