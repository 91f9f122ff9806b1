/* dg-bench-generate.c
 *
 * Creates a benchmark database of N made-up customers through
 * dg_customers_insert(), the same path the app takes. With --fingerprint it
 * instead prints a digest of what core stores for the first few of those
 * customers, so that a cached database is remade only when that changes.
 */
#define G_LOG_DOMAIN "Dangol-Bench"

#include "config.h"

#include <errno.h>
#include <locale.h>

#include <glib/gstdio.h>

#include "dg-core.h"
#include "dg-database-private.h"
#include "dg-bench-data.h"

/* Inserts grouped in one transaction; each insert is its own savepoint
 * inside it. One commit per customer would time the disk, not Dangol. */
#define BATCH 10000

/* Customers behind a fingerprint: enough to meet every kind of name,
 * phone, tag and note the generator makes. */
#define FINGERPRINT_COUNT 500

static gboolean
insert_customers (DgDatabase  *db,
                  guint32      seed,
                  gint64       count,
                  gboolean     progress,
                  GError     **error)
{
  g_autoptr(DgBenchData) data = dg_bench_data_new (seed);
  gint64 start = g_get_monotonic_time ();
  gint64 batch_start = start;

  /* A large page cache only makes the generator faster; the app's own
   * settings apply whenever the file is opened again. */
  if (!dg_database_exec (db, "PRAGMA cache_size = -262144;", error))
    return FALSE;

  for (gint64 i = 0; i < count; i++)
    {
      g_autoptr(DgCustomer) customer = dg_bench_data_make_customer (data);

      if (i % BATCH == 0 && !dg_database_begin (db, error))
        return FALSE;

      if (!dg_customers_insert (db, customer, error))
        {
          g_prefix_error (error, "customer %" G_GINT64_FORMAT " (%s): ",
                          i, dg_customer_get_name (customer));
          dg_database_rollback (db);
          return FALSE;
        }

      if ((i + 1) % BATCH == 0 || i + 1 == count)
        {
          if (!dg_database_commit (db, error))
            return FALSE;

          if (progress && (i + 1) % 100000 == 0)
            {
              gint64 now = g_get_monotonic_time ();

              g_printerr ("  %" G_GINT64_FORMAT " customers, %.1f s (last 100k: %.1f s)\n",
                          i + 1, (now - start) / 1e6, (now - batch_start) / 1e6);
              batch_start = now;
            }
        }
    }

  return TRUE;
}

/* Random ids and the times core stamps with "now" differ from run to run
 * without changing what a benchmark measures. */
static gboolean
is_unstable_column (const char *name)
{
  return g_str_equal (name, "uuid") || g_str_has_suffix (name, "_at");
}

/* Adds every row of every ordinary table (search index shadow tables
 * included) to @checksum. */
static gboolean
digest_tables (DgDatabase  *db,
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
      char *sql = sqlite3_mprintf ("SELECT * FROM \"%w\"", (char *) tables->pdata[t]);
      int rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);

      sqlite3_free (sql);
      if (rc != SQLITE_OK)
        return dg_database_set_error (db, error);

      g_checksum_update (checksum, (const guchar *) tables->pdata[t], -1);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const guchar *value;

              if (is_unstable_column (sqlite3_column_name (stmt, c)))
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
print_fingerprint (guint32 seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  DgDatabase *db;
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
       && insert_customers (db, seed, FINGERPRINT_COUNT, FALSE, &error)
       && digest_tables (db, checksum, &error);
  g_clear_object (&db);

  /* SQLite removes -wal and -shm when the last connection closes. */
  g_unlink (path);
  g_rmdir (dir);

  if (!ok)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("%s\n", g_checksum_get_string (checksum));

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_autofree char *output = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *partial_wal = NULL;
  g_autofree char *partial_shm = NULL;
  g_autofree char *output_wal = NULL;
  g_autofree char *output_shm = NULL;
  gboolean fingerprint = FALSE;
  gint64 count = 1000;
  gint seed = 20261124;
  gint64 start;
  GOptionEntry entries[] = {
    { "count", 'n', 0, G_OPTION_ARG_INT64, &count, "Number of customers", "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Database to create", "PATH" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed", "SEED" },
    { "fingerprint", 0, 0, G_OPTION_ARG_NONE, &fingerprint,
      "Print a digest of what core stores for these customers", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("- create a benchmark database");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (fingerprint)
    return print_fingerprint ((guint32) seed);

  if (output == NULL || count < 1)
    {
      g_printerr ("Usage: %s --count N --output PATH\n", g_get_prgname ());
      return 2;
    }

  /* Build beside the target and rename at the end, so that an interrupted
   * run never leaves a short database that looks finished. */
  partial = g_strconcat (output, ".partial", NULL);
  partial_wal = g_strconcat (partial, "-wal", NULL);
  partial_shm = g_strconcat (partial, "-shm", NULL);
  g_unlink (partial);
  g_unlink (partial_wal);
  g_unlink (partial_shm);

  db = dg_database_open (partial, &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  start = g_get_monotonic_time ();
  if (!insert_customers (db, (guint32) seed, count, TRUE, &error)
      /* Fold the WAL back so the cached file stands alone. */
      || !dg_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE);", &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_clear_object (&db);

  /* The write-ahead log of an older database at @output would be replayed
   * into the new one on its next opening, corrupting it. */
  output_wal = g_strconcat (output, "-wal", NULL);
  output_shm = g_strconcat (output, "-shm", NULL);
  g_unlink (output_wal);
  g_unlink (output_shm);

  if (g_rename (partial, output) != 0)
    {
      g_printerr ("Could not rename %s to %s: %s\n", partial, output, g_strerror (errno));
      return 1;
    }

  g_print ("%" G_GINT64_FORMAT " customers in %s, %.1f s (%.1f µs each)\n",
           count, output, (g_get_monotonic_time () - start) / 1e6,
           (g_get_monotonic_time () - start) / (gdouble) count);

  return 0;
}
