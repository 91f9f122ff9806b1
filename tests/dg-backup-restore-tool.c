/* dg-backup-restore-tool.c
 *
 * Restores a backup into a database, as the app does, for the scripts that
 * test what surrounds a restore: tests/backup-kill-test.py kills it at
 * random points, and a person can time it and read its peak memory.
 *
 *   dg-backup-restore-tool [--export] [--report] DATABASE FILE
 *
 * --export writes a backup of DATABASE to FILE instead. --report prints
 * the seconds taken and the peak resident memory. Exit status 0 on
 * success, 1 when the file was refused or the restore failed.
 */
#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include "dg-core.h"

int
main (int   argc,
      char *argv[])
{
  gboolean export = FALSE;
  gboolean report = FALSE;
  g_autoptr(GOptionContext) context = g_option_context_new ("DATABASE FILE");
  GOptionEntry entries[] = {
    { "export", 0, 0, G_OPTION_ARG_NONE, &export, "Write a backup of DATABASE to FILE", NULL },
    { "report", 0, 0, G_OPTION_ARG_NONE, &report, "Print the time taken and the peak memory", NULL },
    { NULL },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(DgBackupFile) file = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 start, loaded;
  struct rusage usage;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "DATABASE and FILE, please");
      return 2;
    }

  db = dg_database_open (argv[1], &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  start = g_get_monotonic_time ();
  if (export)
    {
      if (!dg_backup_export (db, argv[2], NULL, NULL, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      loaded = g_get_monotonic_time ();
    }
  else
    {
      file = dg_backup_file_load (argv[2], NULL, &problems, &error);
      loaded = g_get_monotonic_time ();
      if (file == NULL)
        {
          g_printerr ("%s\n", error->message);
          for (guint i = 0; problems != NULL && i < problems->len; i++)
            g_printerr ("  %s\n", (const char *) g_ptr_array_index (problems, i));
          return 1;
        }

      if (!dg_backup_file_restore (file, db, DG_BACKUP_RESTORE_NO_SAFETY_COPY, NULL, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  if (report)
    {
      getrusage (RUSAGE_SELF, &usage);
      printf ("load %.2f s, total %.2f s, peak %ld MB\n",
              (loaded - start) / 1e6, (g_get_monotonic_time () - start) / 1e6,
              usage.ru_maxrss / 1024);
    }

  return 0;
}
