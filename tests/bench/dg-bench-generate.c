/* dg-bench-generate.c
 *
 * Creates a benchmark database of N made-up customers through
 * dg_customers_insert(), the same path the app takes.
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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(DgBenchData) data = NULL;
  g_autofree char *output = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *partial_wal = NULL;
  g_autofree char *partial_shm = NULL;
  gint64 count = 1000;
  gint seed = 20261124;
  gint64 start;
  gint64 batch_start;
  GOptionEntry entries[] = {
    { "count", 'n', 0, G_OPTION_ARG_INT64, &count, "Number of customers", "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Database to create", "PATH" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed", "SEED" },
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

  /* A large page cache only makes the generator faster; the app's own
   * settings apply whenever the file is opened again. */
  if (!dg_database_exec (db, "PRAGMA cache_size = -262144;", &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  data = dg_bench_data_new ((guint32) seed);
  start = batch_start = g_get_monotonic_time ();

  for (gint64 i = 0; i < count; i++)
    {
      g_autoptr(DgCustomer) customer = dg_bench_data_make_customer (data);

      if (i % BATCH == 0 && !dg_database_begin (db, &error))
        break;

      if (!dg_customers_insert (db, customer, &error))
        {
          g_prefix_error (&error, "customer %" G_GINT64_FORMAT " (%s): ",
                          i, dg_customer_get_name (customer));
          dg_database_rollback (db);
          break;
        }

      if ((i + 1) % BATCH == 0 || i + 1 == count)
        {
          if (!dg_database_commit (db, &error))
            break;

          if ((i + 1) % 100000 == 0)
            {
              gint64 now = g_get_monotonic_time ();

              g_printerr ("  %" G_GINT64_FORMAT " customers, %.1f s (last 100k: %.1f s)\n",
                          i + 1, (now - start) / 1e6, (now - batch_start) / 1e6);
              batch_start = now;
            }
        }
    }

  if (error != NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Fold the WAL back so the cached file stands alone and opens fast. */
  if (!dg_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE);", &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_clear_object (&db);

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
