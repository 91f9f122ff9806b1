/* dg-backup-restore-async.c
 *
 * Loading and restoring a backup on a worker thread (see dg-backup-async.h).
 */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-backup-async.h"

typedef struct
{
  char      *path;
  GPtrArray *problems;
} LoadData;

static void
load_data_free (gpointer user_data)
{
  LoadData *data = user_data;

  g_free (data->path);
  g_clear_pointer (&data->problems, g_ptr_array_unref);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  DgBackupFile *file;
  GError *error = NULL;

  file = dg_backup_file_load (data->path, cancellable, &data->problems, &error);
  if (file == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, file, (GDestroyNotify) dg_backup_file_free);
}

void
dg_backup_file_load_async (const char          *path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (path != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (LoadData, 1);
  data->path = g_strdup (path);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dg_backup_file_load_async);
  g_task_set_task_data (task, data, load_data_free);
  g_task_run_in_thread (task, load_thread);
}

DgBackupFile *
dg_backup_file_load_finish (GAsyncResult  *result,
                            GPtrArray    **out_problems,
                            GError       **error)
{
  LoadData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dg_backup_file_load_async, NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (out_problems != NULL)
    *out_problems = data->problems ? g_ptr_array_ref (data->problems) : NULL;

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  DgBackupFile         *file;
  char                 *db_path;
  DgBackupRestoreFlags  flags;
  char                 *safety_copy;
} RestoreData;

static void
restore_data_free (gpointer user_data)
{
  RestoreData *data = user_data;

  g_clear_pointer (&data->file, dg_backup_file_free);
  g_free (data->db_path);
  g_free (data->safety_copy);
  g_free (data);
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RestoreData *data = task_data;
  g_autoptr(DgDatabase) writer = NULL;
  GError *error = NULL;

  writer = dg_database_open (data->db_path, &error);
  if (writer == NULL
      || !dg_backup_file_restore (data->file, writer, data->flags, &data->safety_copy,
                                  cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/* Runs in the caller's thread once the worker is done: only here is the
 * caller's database touched. */
static void
on_restore_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  DgDatabase *db = g_task_get_task_data (outer);
  RestoreData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, error);
      return;
    }

  dg_database_notify_all (db);
  g_task_return_pointer (outer, g_steal_pointer (&data->safety_copy), g_free);
}

void
dg_backup_file_restore_async (DgBackupFile         *file,
                              DgDatabase           *db,
                              DgBackupRestoreFlags  flags,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  g_autoptr(GTask) inner = NULL;
  GTask *outer;
  RestoreData *data;

  g_return_if_fail (file != NULL);
  g_return_if_fail (DG_IS_DATABASE (db));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  outer = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (outer, dg_backup_file_restore_async);
  g_task_set_task_data (outer, g_object_ref (db), g_object_unref);

  data = g_new0 (RestoreData, 1);
  data->file = file;
  data->db_path = g_strdup (dg_database_get_path (db));
  data->flags = flags;

  inner = g_task_new (NULL, cancellable, on_restore_done_cb, outer);
  g_task_set_task_data (inner, data, restore_data_free);
  g_task_run_in_thread (inner, restore_thread);
}

gboolean
dg_backup_file_restore_finish (GAsyncResult  *result,
                               char         **out_safety_copy,
                               GError       **error)
{
  g_autofree char *safety_copy = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dg_backup_file_restore_async, FALSE);

  safety_copy = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (out_safety_copy != NULL)
    *out_safety_copy = g_steal_pointer (&safety_copy);

  return TRUE;
}
