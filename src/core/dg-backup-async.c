/* dg-backup-async.c
 *
 * Exporting on a worker thread; loading and restoring are in
 * dg-backup-restore-async.c.
 */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-backup-async.h"
#include "dg-database-private.h"

/* The worker threads hold no GObject of the caller's: a task may be
 * finalized in the worker, and with it whatever it holds. They get paths,
 * open their own connections, and hand back plain data. */

typedef struct
{
  char           *db_path;
  char           *path;
  GDateTime      *exported_at;
  DgBackupCounts  counts;
} ExportData;

static void
export_data_free (gpointer user_data)
{
  ExportData *data = user_data;

  g_free (data->db_path);
  g_free (data->path);
  g_clear_pointer (&data->exported_at, g_date_time_unref);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(DgDatabase) reader = NULL;
  GError *error = NULL;

  reader = dg_database_open_reader (data->db_path, cancellable, &error);
  if (reader == NULL
      || !dg_backup_export (reader, data->path, data->exported_at, &data->counts,
                            cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
dg_backup_export_async (DgDatabase          *db,
                        const char          *path,
                        GDateTime           *exported_at,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (DG_IS_DATABASE (db));
  g_return_if_fail (path != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ExportData, 1);
  data->db_path = g_strdup (dg_database_get_path (db));
  data->path = g_strdup (path);
  data->exported_at = exported_at ? g_date_time_ref (exported_at) : g_date_time_new_now_utc ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dg_backup_export_async);
  g_task_set_task_data (task, data, export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
dg_backup_export_finish (GAsyncResult    *result,
                         DgBackupCounts  *out_counts,
                         GError         **error)
{
  ExportData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dg_backup_export_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  if (out_counts != NULL)
    *out_counts = data->counts;

  return TRUE;
}
