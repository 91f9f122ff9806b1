/* dg-bench-backup.c
 *
 * Backup benchmarks on a large database:
 *
 *   generate --output PATH [--customers N] [--interactions N] [--followups N] [--enrolled N]
 *       creates the database through core (dg-bench-backup-data.h);
 *   fingerprint
 *       prints the schema version and a digest of what core stores for a
 *       small database made the same way, which keys a cached database;
 *   run --db PATH --work DIR [--runs N] [--part export|restore]
 *       export: times dg_backup_export() against `sqlite3 -json` printing
 *       every row of the tables a backup holds, each a process of its own
 *       timed from spawn to exit, taking turns to go first;
 *       restore: times dg_backup_file_load() and dg_backup_file_restore()
 *       into a new, empty database against the floor of
 *       dg-bench-backup-floor.h, each in a process of its own that prints
 *       its peak resident memory (VmHWM) at its end; checks that both
 *       wrote the same rows.
 *
 * The *-child modes are what run spawns.
 */
#define G_LOG_DOMAIN "Dangol-Bench"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <spawn.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "dg-core.h"
#include "dg-database-private.h"
#include "dg-bench-backup-data.h"
#include "dg-bench-backup-floor.h"
#include "dg-bench-followups-data.h"

extern char **environ;

static DgBenchBackupSize opt_size = { 100000, 1000000, 100000, 10000 };
static int      opt_runs = 3;
static int      opt_cache_mb = 0;
static int      opt_restore_runs = 0;
static int      opt_seed = 20261207;
static char    *opt_db = NULL;
static char    *opt_output = NULL;
static char    *opt_file = NULL;
static char    *opt_work = NULL;
static char    *opt_part = NULL;

static const GOptionEntry entries[] = {
  { "customers", 0, 0, G_OPTION_ARG_INT64, &opt_size.customers, "Customers (100000)", "N" },
  { "interactions", 0, 0, G_OPTION_ARG_INT64, &opt_size.interactions, "Interactions (1000000)", "N" },
  { "followups", 0, 0, G_OPTION_ARG_INT64, &opt_size.followups, "Follow-ups (100000)", "N" },
  { "enrolled", 0, 0, G_OPTION_ARG_INT64, &opt_size.enrolled, "Customers in the journey (10000)", "N" },
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &opt_db, "Database to read", "PATH" },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, "File or database to write", "PATH" },
  { "file", 0, 0, G_OPTION_ARG_FILENAME, &opt_file, "Backup file to restore", "PATH" },
  { "work", 0, 0, G_OPTION_ARG_FILENAME, &opt_work, "Folder for the files of a run", "DIR" },
  { "runs", 'n', 0, G_OPTION_ARG_INT, &opt_runs, "Timed runs of each (3)", "N" },
  { "restore-runs", 0, 0, G_OPTION_ARG_INT, &opt_restore_runs,
    "Timed runs of the restore and its floor (--runs)", "N" },
  { "part", 0, 0, G_OPTION_ARG_STRING, &opt_part, "Run one part: export or restore", "PART" },
  { "cache-mb", 0, 0, G_OPTION_ARG_INT, &opt_cache_mb,
    "SQLite page cache of the restored database, for the restore and the floor alike"
    " (0: SQLite's default, as the app has)", "MB" },
  { "seed", 0, 0, G_OPTION_ARG_INT, &opt_seed, "Random seed", "SEED" },
  { NULL }
};

static double
clock_ms (clockid_t id)
{
  struct timespec ts;

  clock_gettime (id, &ts);

  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

/* Prints this process's peak resident memory (VmHWM), in bytes. The
 * rusage wait4() gives a child spawned with posix_spawn() is no good for
 * this: Linux carries into it the peak of the parent's memory it shared
 * until exec. */
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

/* Opens the new, empty database a restore or the floor writes. */
static DgDatabase *
open_target (GError **error)
{
  g_autoptr(DgDatabase) db = NULL;

  remove_database (opt_output);
  db = dg_database_open (opt_output, error);
  if (db != NULL && opt_cache_mb > 0)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = -%d", opt_cache_mb * 1024);

      if (!dg_database_exec (db, sql, error))
        return NULL;
    }

  return g_steal_pointer (&db);
}

/* generate, fingerprint --------------------------------------------------- */

static gboolean
fill (const char              *path,
      const DgBenchBackupSize *size,
      gboolean                 progress,
      GError                 **error)
{
  g_autoptr(DgDatabase) db = NULL;

  remove_database (path);
  db = dg_database_open (path, error);

  return db != NULL
         && dg_bench_backup_fill (db, DG_BENCH_SEEDS_DIR, (guint32) opt_seed, size, progress, error)
         /* Fold the WAL back so the cached file stands alone. */
         && dg_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE);", error);
}

static int
generate (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *partial = NULL;
  gint64 start = g_get_monotonic_time ();

  if (opt_output == NULL)
    {
      g_printerr ("Usage: %s generate --output PATH\n", g_get_prgname ());
      return 2;
    }

  /* Built beside the target and renamed at the end, so that an
   * interrupted run never leaves a short database that looks finished. */
  partial = g_strconcat (opt_output, ".partial", NULL);
  if (!fill (partial, &opt_size, TRUE, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  remove_database (opt_output);
  if (g_rename (partial, opt_output) != 0)
    {
      g_printerr ("Could not rename %s: %s\n", partial, g_strerror (errno));
      return 1;
    }

  g_print ("%s made in %.1f s\n", opt_output, (g_get_monotonic_time () - start) / 1e6);

  return 0;
}

/* Every row of every ordinary table, leaving out uuids and the times of
 * the journey, its stages, rules and cohorts, which core stamps with the
 * real now. */
static gboolean
digest_made_up (DgDatabase  *db,
                GChecksum   *checksum,
                GError     **error)
{
  sqlite3 *handle = dg_database_get_handle (db);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (handle,
                          "SELECT name FROM sqlite_master WHERE type = 'table' "
                          "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                          "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
                          -1, &stmt, NULL) != SQLITE_OK)
    return dg_database_set_error (db, error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len; t++)
    {
      char *sql = sqlite3_mprintf ("SELECT * FROM \"%w\" ORDER BY 1, 2", (char *) tables->pdata[t]);
      int rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);

      sqlite3_free (sql);
      if (rc != SQLITE_OK)
        return dg_database_set_error (db, error);

      g_checksum_update (checksum, (const guchar *) tables->pdata[t], -1);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *name = sqlite3_column_name (stmt, c);
              const guchar *value;

              if (g_str_equal (name, "uuid") || g_str_equal (name, "created_at")
                  || g_str_equal (name, "updated_at"))
                continue;

              value = sqlite3_column_text (stmt, c);
              g_checksum_update (checksum, value != NULL ? value : (const guchar *) "\1NULL", -1);
              g_checksum_update (checksum, (const guchar *) "\x1f", 1);
            }
          g_checksum_update (checksum, (const guchar *) "\x1e", 1);
        }
      sqlite3_finalize (stmt);
    }

  return TRUE;
}

static int
fingerprint (void)
{
  static const DgBenchBackupSize small = { 300, 3000, 300, 60 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *dir = g_dir_make_tmp ("dg-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  int version = 0;
  gboolean ok;

  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  path = g_build_filename (dir, "fingerprint.db", NULL);

  ok = fill (path, &small, FALSE, &error);
  if (ok)
    {
      g_autoptr(DgDatabase) db = dg_database_open (path, &error);

      ok = db != NULL && digest_made_up (db, checksum, &error);
      if (db != NULL)
        version = dg_database_get_schema_version (db);
    }

  remove_database (path);
  g_rmdir (dir);

  if (!ok)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("schema %d data %s\n", version, g_checksum_get_string (checksum));

  return 0;
}

/* children ---------------------------------------------------------------- */

static int
export_child (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = dg_database_open (opt_db, &error);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 12, 7, 0, 0, 0);

  if (db == NULL || !dg_backup_export (db, opt_output, when, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_clear_object (&db);
  print_peak ();

  return 0;
}

static guint64
count_records (const DgBackupCounts *counts)
{
  return (guint64) counts->n_settings + counts->n_tags + counts->n_customers + counts->n_journeys
         + counts->n_stages + counts->n_stage_rules + counts->n_cohorts + counts->n_enrollments
         + counts->n_stage_events + counts->n_interactions + counts->n_followups;
}

static int
restore_child (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(DgBackupFile) file = NULL;
  g_autoptr(DgFakeClock) clock = dg_bench_followups_clock_new ();
  double start, loaded, cpu_start;

  db = open_target (&error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  start = clock_ms (CLOCK_MONOTONIC);
  cpu_start = clock_ms (CLOCK_PROCESS_CPUTIME_ID);

  file = dg_backup_file_load (opt_file, NULL, &problems, &error);
  if (file == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  loaded = clock_ms (CLOCK_MONOTONIC);

  /* The zone the source computed its due keys in, so both agree. */
  dg_backup_file_set_clock (file, DG_CLOCK (clock));
  if (!dg_backup_file_restore (file, db, DG_BACKUP_RESTORE_NO_SAFETY_COPY, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("total_ms=%.1f\nload_ms=%.1f\napply_ms=%.1f\ncpu_ms=%.1f\nrecords=%" G_GUINT64_FORMAT "\n",
           clock_ms (CLOCK_MONOTONIC) - start, loaded - start, clock_ms (CLOCK_MONOTONIC) - loaded,
           clock_ms (CLOCK_PROCESS_CPUTIME_ID) - cpu_start,
           count_records (dg_backup_file_get_counts (file)));

  /* Closing folds the write-ahead log back: part of the peak too. */
  g_clear_pointer (&file, dg_backup_file_free);
  g_clear_object (&db);
  print_peak ();

  return 0;
}

static int
floor_child (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(DgBenchFloorDerived) derived = NULL;
  guint64 records = 0;
  double start, cpu_start;

  {
    g_autoptr(DgDatabase) source = dg_database_open (opt_db, &error);

    derived = source != NULL ? dg_bench_floor_derived_read (source, &error) : NULL;
    if (derived == NULL)
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }
  }

  db = open_target (&error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  start = clock_ms (CLOCK_MONOTONIC);
  cpu_start = clock_ms (CLOCK_PROCESS_CPUTIME_ID);
  if (!dg_bench_floor_restore (opt_file, derived, db, &records, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("total_ms=%.1f\ncpu_ms=%.1f\nrecords=%" G_GUINT64_FORMAT "\n",
           clock_ms (CLOCK_MONOTONIC) - start, clock_ms (CLOCK_PROCESS_CPUTIME_ID) - cpu_start,
           records);

  g_clear_object (&db);
  print_peak ();

  return 0;
}

/* run --------------------------------------------------------------------- */

typedef struct
{
  double  wall_ms;
  /* User and system time of the child. */
  double  cpu_ms;
  /* Peak resident memory, bytes, as it printed it. */
  guint64 max_rss;
  /* Its key=value lines on stdout, when asked for. */
  char   *out;
} Child;

static double
value_of (const char *out,
          const char *key)
{
  g_auto(GStrv) lines = g_strsplit (out != NULL ? out : "", "\n", -1);
  gsize length = strlen (key);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strncmp (lines[i], key, length) == 0 && lines[i][length] == '=')
        return g_ascii_strtod (lines[i] + length + 1, NULL);
    }

  return -1;
}

/* Spawns @argv (looked up in PATH) with its stdout in @stdout_path and
 * waits for it; then reads that output when @read_output is set. */
static gboolean
run_child (const char * const  *argv,
           const char          *stdout_path,
           gboolean             read_output,
           Child               *child,
           GError             **error)
{
  posix_spawn_file_actions_t actions;
  struct rusage usage;
  double start;
  pid_t pid;
  int status;
  int rc;

  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, STDOUT_FILENO, stdout_path,
                                    O_WRONLY | O_CREAT | O_TRUNC, 0600);

  start = clock_ms (CLOCK_MONOTONIC);
  rc = posix_spawnp (&pid, argv[0], &actions, NULL, (char * const *) argv, environ);
  posix_spawn_file_actions_destroy (&actions);
  if (rc != 0)
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "%s: %s", argv[0], g_strerror (rc));
      return FALSE;
    }

  while (wait4 (pid, &status, 0, &usage) < 0)
    {
      if (errno != EINTR)
        {
          g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "wait4: %s", g_strerror (errno));
          return FALSE;
        }
    }

  child->wall_ms = clock_ms (CLOCK_MONOTONIC) - start;
  child->cpu_ms = usage.ru_utime.tv_sec * 1e3 + usage.ru_utime.tv_usec / 1e3
                  + usage.ru_stime.tv_sec * 1e3 + usage.ru_stime.tv_usec / 1e3;
  g_free (child->out);
  child->out = NULL;
  if (read_output)
    g_file_get_contents (stdout_path, &child->out, NULL, NULL);
  child->max_rss = (guint64) MAX (value_of (child->out, "peak_bytes"), 0);

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "%s failed (status %d)", argv[0], status);
      return FALSE;
    }

  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  guint n = values->len;

  if (n == 0)
    return 0;

  g_array_sort (values, compare_doubles);

  return n % 2 ? g_array_index (values, double, n / 2)
               : (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

static void
add (GArray *values,
     double  value)
{
  g_array_append_val (values, value);
}

static guint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (guint64) st.st_size : 0;
}

/* The SQL that prints every row of every table a backup holds: the
 * kinds' tables, their link tables and the meta values. */
static char *
dump_sql (void)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  guint n_tables;
  const DgCatalogTable *tables = dg_catalog_get_tables (&n_tables);

  for (guint i = 0; i < n_tables; i++)
    {
      if (tables[i].flags & (DG_CATALOG_TABLE_VIRTUAL | DG_CATALOG_TABLE_DERIVED))
        continue;
      g_string_append_printf (sql, "SELECT * FROM \"%s\";", tables[i].name);
    }

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* Writes what was written to @path to disk, as the export does. */
static double
sync_file (const char *path)
{
  double start = clock_ms (CLOCK_MONOTONIC);
  int fd = open (path, O_RDONLY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }

  return clock_ms (CLOCK_MONOTONIC) - start;
}

static gboolean
run_export (const char  *self,
            GError     **error)
{
  g_autofree char *backup = g_build_filename (opt_work, "backup.json", NULL);
  g_autofree char *dump = g_build_filename (opt_work, "sqlite3.json", NULL);
  g_autofree char *out = g_build_filename (opt_work, "child.out", NULL);
  g_autofree char *sql = dump_sql ();
  const char *export_argv[] = { self, "export-child", "--db", opt_db, "--output", backup, NULL };
  const char *sqlite_argv[] = { "sqlite3", "-json", opt_db, sql, NULL };
  g_autoptr(GArray) export_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) export_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sqlite_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sqlite_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sqlite_sync = g_array_new (FALSE, FALSE, sizeof (double));
  Child export = { 0 }, dumped = { 0 };
  guint64 export_rss = 0;
  double e, s, synced = 0;

  g_print ("Export: dg_backup_export () against sqlite3 -json of the same tables;\n"
           "wall-clock ms from spawn to exit, cpu = user + system of the process\n");
  g_print ("%-4s %10s %10s %10s %10s %10s %7s %7s\n",
           "run", "export", "cpu", "sqlite3", "cpu", "+ fsync", "ratio", "cpu ×");

  /* A first run of each, untimed, so both read a database in the page cache. */
  for (int i = -1; i < opt_runs; i++)
    {
      gboolean export_first = i % 2 == 0;

      for (int turn = 0; turn < 2; turn++)
        {
          if ((turn == 0) == export_first)
            {
              if (!run_child (export_argv, out, TRUE, &export, error))
                return FALSE;
            }
          else
            {
              if (!run_child (sqlite_argv, dump, FALSE, &dumped, error))
                return FALSE;
              synced = sync_file (dump);
            }
        }

      if (i < 0)
        continue;

      export_rss = MAX (export_rss, export.max_rss);
      add (export_wall, export.wall_ms);
      add (export_cpu, export.cpu_ms);
      add (sqlite_wall, dumped.wall_ms);
      add (sqlite_cpu, dumped.cpu_ms);
      add (sqlite_sync, synced);
      g_print ("%-4d %10.0f %10.0f %10.0f %10.0f %10.0f %7.2f %7.2f\n", i + 1,
               export.wall_ms, export.cpu_ms, dumped.wall_ms, dumped.cpu_ms, synced,
               export.wall_ms / dumped.wall_ms, export.cpu_ms / dumped.cpu_ms);
    }

  e = median (export_wall);
  s = median (sqlite_wall);
  synced = median (sqlite_sync);
  g_print ("%-4s %10.0f %10.0f %10.0f %10.0f %10.0f %7.2f %7.2f\n", "med",
           e, median (export_cpu), s, median (sqlite_cpu), synced, e / s,
           median (export_cpu) / median (sqlite_cpu));
  g_print ("backup %" G_GUINT64_FORMAT " bytes, sqlite3 -json %" G_GUINT64_FORMAT " bytes;"
           " export peak memory %.1f MB\n",
           file_size (backup), file_size (dump), export_rss / 1e6);
  g_print ("result export %.0f %.0f %.2f %.2f %.0f %.2f %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT "\n",
           e, s, e / s, median (export_cpu) / median (sqlite_cpu), synced, e / (s + synced),
           file_size (backup), export_rss);

  g_free (export.out);
  g_free (dumped.out);
  g_unlink (dump);

  return TRUE;
}

/* A digest of every row of every ordinary table of @path, full-text
 * indexes' own tables left out (their pages depend on the order rows came
 * in; they follow customer_search, which is compared). */
static char *
digest_database (const char  *path,
                 GError     **error)
{
  g_autoptr(DgDatabase) db = dg_database_open (path, error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *handle;
  sqlite3_stmt *stmt = NULL;

  if (db == NULL)
    return NULL;
  handle = dg_database_get_handle (db);

  if (sqlite3_prepare_v2 (handle,
                          "SELECT name FROM sqlite_master WHERE type = 'table'"
                          " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                          " AND name NOT LIKE 'customer\\_fts%' ESCAPE '\\'"
                          " AND name NOT LIKE 'customer\\_pieces%' ESCAPE '\\' ORDER BY name",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      dg_database_set_error (db, error);
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len; t++)
    {
      char *sql = sqlite3_mprintf ("SELECT * FROM \"%w\" ORDER BY 1, 2", (char *) tables->pdata[t]);
      int rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);

      sqlite3_free (sql);
      if (rc != SQLITE_OK)
        {
          dg_database_set_error (db, error);
          return NULL;
        }

      g_checksum_update (checksum, (const guchar *) tables->pdata[t], -1);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const guchar *value = sqlite3_column_text (stmt, c);

              g_checksum_update (checksum, value != NULL ? value : (const guchar *) "\1NULL", -1);
              g_checksum_update (checksum, (const guchar *) "\x1f", 1);
            }
          g_checksum_update (checksum, (const guchar *) "\x1e", 1);
        }
      sqlite3_finalize (stmt);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

static gboolean
run_restore (const char  *self,
             GError     **error)
{
  g_autofree char *backup = g_build_filename (opt_work, "backup.json", NULL);
  g_autofree char *restored = g_build_filename (opt_work, "restored.db", NULL);
  g_autofree char *floored = g_build_filename (opt_work, "floor.db", NULL);
  g_autofree char *out = g_build_filename (opt_work, "child.out", NULL);
  const char *export_argv[] = { self, "export-child", "--db", opt_db, "--output", backup, NULL };
  g_autofree char *cache = g_strdup_printf ("%d", opt_cache_mb);
  g_autofree char *cache_text = opt_cache_mb > 0 ? g_strdup_printf ("%d MB", opt_cache_mb)
                                                 : g_strdup ("SQLite's default (2 MB), as the app has");
  const char *restore_argv[] = { self, "restore-child", "--file", backup, "--output", restored,
                                 "--cache-mb", cache, NULL };
  const char *floor_argv[] = { self, "floor-child", "--file", backup, "--db", opt_db,
                               "--output", floored, "--cache-mb", cache, NULL };
  g_autoptr(GArray) restore_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) restore_load = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) restore_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  Child restore = { 0 }, floor = { 0 };
  guint64 size, restore_rss = 0, floor_rss = 0;
  gboolean same = FALSE;
  double r, f;

  if (!g_file_test (backup, G_FILE_TEST_EXISTS) && !run_child (export_argv, out, TRUE, &restore, error))
    return FALSE;
  size = file_size (backup);

  g_print ("\nRestore of a %.1f MB file into an empty database: dg_backup_file_load () and\n"
           "dg_backup_file_restore () against the floor (plain pass, json-glib per record,\n"
           "one transaction of prepared inserts, same schema, indexes and triggers);\n"
           "ms inside each process, cpu of the process over the same span, its peak memory (VmHWM);\n"
           "page cache of the restored database: %s\n",
           size / 1e6, cache_text);
  g_print ("%-4s %10s %8s %8s %10s %8s %7s %7s %9s %9s\n",
           "run", "restore", "(load)", "cpu", "floor", "cpu", "ratio", "cpu ×", "RSS MB", "floor MB");

  for (int i = 0; i < (opt_restore_runs > 0 ? opt_restore_runs : opt_runs); i++)
    {
      gboolean restore_first = i % 2 == 0;

      for (int turn = 0; turn < 2; turn++)
        {
          if ((turn == 0) == restore_first)
            {
              if (!run_child (restore_argv, out, TRUE, &restore, error))
                return FALSE;
            }
          else if (!run_child (floor_argv, out, TRUE, &floor, error))
            return FALSE;
        }

      /* Same rows, once: the floor is a floor of this restore only if
       * it writes what the restore writes. */
      if (i == 0)
        {
          g_autofree char *a = digest_database (restored, error);
          g_autofree char *b = a != NULL ? digest_database (floored, error) : NULL;

          if (b == NULL)
            return FALSE;
          same = g_str_equal (a, b);
          g_print ("same rows in the restored and the floor's database: %s"
                   " (%.0f records read by each: %.0f)\n",
                   same ? "yes" : "NO", value_of (restore.out, "records"), value_of (floor.out, "records"));
        }

      restore_rss = MAX (restore_rss, restore.max_rss);
      floor_rss = MAX (floor_rss, floor.max_rss);
      add (restore_wall, value_of (restore.out, "total_ms"));
      add (restore_load, value_of (restore.out, "load_ms"));
      add (restore_cpu, value_of (restore.out, "cpu_ms"));
      add (floor_wall, value_of (floor.out, "total_ms"));
      add (floor_cpu, value_of (floor.out, "cpu_ms"));
      g_print ("%-4d %10.0f %8.0f %8.0f %10.0f %8.0f %7.2f %7.2f %9.1f %9.1f\n", i + 1,
               value_of (restore.out, "total_ms"), value_of (restore.out, "load_ms"),
               value_of (restore.out, "cpu_ms"), value_of (floor.out, "total_ms"),
               value_of (floor.out, "cpu_ms"),
               value_of (restore.out, "total_ms") / value_of (floor.out, "total_ms"),
               value_of (restore.out, "cpu_ms") / value_of (floor.out, "cpu_ms"),
               restore.max_rss / 1e6, floor.max_rss / 1e6);
    }

  r = median (restore_wall);
  f = median (floor_wall);
  g_print ("%-4s %10.0f %8.0f %8.0f %10.0f %8.0f %7.2f %7.2f %9.1f %9.1f\n", "med",
           r, median (restore_load), median (restore_cpu), f, median (floor_cpu), r / f,
           median (restore_cpu) / median (floor_cpu), restore_rss / 1e6, floor_rss / 1e6);
  g_print ("restore peak memory %.1f MB for a %.1f MB file: %.2f× its size\n",
           restore_rss / 1e6, size / 1e6, (double) restore_rss / size);
  g_print ("result restore %.0f %.0f %.2f %.2f %.0f %s\n", r, f, r / f,
           median (restore_cpu) / median (floor_cpu), median (restore_load), same ? "yes" : "NO");
  g_print ("result memory %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %.2f %" G_GUINT64_FORMAT "\n",
           restore_rss, size, (double) restore_rss / size, floor_rss);

  g_free (restore.out);
  g_free (floor.out);
  remove_database (restored);
  remove_database (floored);

  return TRUE;
}

static int
run (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", &error);
  const char *part = opt_part != NULL ? opt_part : "all";

  if (self == NULL || opt_db == NULL || opt_work == NULL || opt_runs < 1)
    {
      g_printerr ("Usage: %s run --db PATH --work DIR [--runs N] [--part export|restore]\n",
                  g_get_prgname ());
      return 2;
    }

  if (g_mkdir_with_parents (opt_work, 0700) != 0)
    {
      g_printerr ("%s: %s\n", opt_work, g_strerror (errno));
      return 1;
    }

  if ((!g_str_equal (part, "restore") && !run_export (self, &error))
      || (!g_str_equal (part, "export") && !run_restore (self, &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

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

  context = g_option_context_new ("generate|fingerprint|run - backup benchmarks");
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
  if (g_str_equal (mode, "run"))
    return run ();
  if (g_str_equal (mode, "export-child") && opt_db != NULL && opt_output != NULL)
    return export_child ();
  if (g_str_equal (mode, "restore-child") && opt_file != NULL && opt_output != NULL)
    return restore_child ();
  if (g_str_equal (mode, "floor-child") && opt_file != NULL && opt_db != NULL && opt_output != NULL)
    return floor_child ();

  g_printerr ("Usage: %s generate|fingerprint|run [OPTION…]\n", g_get_prgname ());
  return 2;
}
