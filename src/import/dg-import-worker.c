/* dg-import-worker.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include "dg-import-worker.h"

/* The task's data. The import and the clock are the caller's: the thread
 * uses them while the caller waits, and they are released by _finish(),
 * in the caller's thread (a task may be finalized in the worker). */
typedef struct
{
  DgCsvImport     *import;
  DgClock         *clock;
  DgImportStep     step;
  char            *db_path;
  GError          *preview_error;
  GPtrArray       *column_values;
  DgBulkUndo      *undo;
  DgImportSummary  summary;
  /* The apply's progress, relayed to the caller's thread: the func and
   * its data are touched there only (cleared by _finish()); the counts
   * are written by the worker, read by the relay. */
  DgImportProgressFunc  progress_func;
  gpointer              progress_data;
  guint                 progress_done;
  guint                 progress_total;
  gint                  progress_pending;
  gint64                progress_relayed_at;
} StepData;

static void
step_data_free (gpointer user_data)
{
  StepData *data = user_data;

  /* Left only when _finish() was never called. */
  g_clear_object (&data->import);
  g_clear_object (&data->clock);
  g_clear_object (&data->undo);
  g_free (data->db_path);
  g_clear_error (&data->preview_error);
  g_clear_pointer (&data->column_values, g_ptr_array_unref);
  g_free (data);
}

/* The first values of each column of a CSV sheet, read again with what
 * the load found, so that a column can be told by what it holds. */
static GPtrArray *
read_column_values (DgCsvImport  *import,
                    GCancellable *cancellable)
{
  const DgCsvDetection *detection = dg_csv_import_get_detection (import);
  guint n_columns = dg_csv_import_get_n_columns (import);
  g_autoptr(DgCsvReader) reader = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = NULL;
  GPtrArray *strvs;
  g_autoptr(GError) error = NULL;
  gboolean skip = dg_csv_import_get_has_header (import);
  guint n_read = 0;
  guint row;

  values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (values, g_ptr_array_new_with_free_func (g_free));

  reader = dg_csv_reader_open (dg_csv_import_get_path (import), detection->encoding,
                               detection->delimiter, cancellable, &error);
  while (reader != NULL && n_read < DG_IMPORT_COLUMN_SAMPLES * 4
         && dg_csv_reader_next (reader, fields, &row, cancellable, &error))
    {
      if (skip)
        {
          skip = FALSE;
          continue;
        }
      n_read++;
      for (guint c = 0; c < n_columns && c < fields->len; c++)
        {
          GPtrArray *column = g_ptr_array_index (values, c);
          g_autofree char *value = g_strstrip (g_strdup (g_ptr_array_index (fields, c)));

          if (*value != '\0' && column->len < DG_IMPORT_COLUMN_SAMPLES)
            g_ptr_array_add (column, g_steal_pointer (&value));
        }
    }
  if (error != NULL)
    g_debug ("Column values of %s not read: %s", dg_csv_import_get_path (import), error->message);

  /* Each as a GStrv, which outlives the arrays. */
  strvs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint c = 0; c < n_columns; c++)
    {
      GPtrArray *column = g_ptr_array_index (values, c);

      g_ptr_array_add (column, NULL);
      g_ptr_array_add (strvs, g_ptr_array_steal (column, NULL));
    }

  return strvs;
}

static gboolean
relay_progress_cb (gpointer user_data)
{
  GTask *task = user_data;
  StepData *data = g_task_get_task_data (task);

  /* Cleared first: a count written after the reads below sends another. */
  g_atomic_int_set (&data->progress_pending, 0);
  if (data->progress_func != NULL)
    data->progress_func ((guint) g_atomic_int_get ((gint *) &data->progress_done),
                         (guint) g_atomic_int_get ((gint *) &data->progress_total),
                         data->progress_data);

  return G_SOURCE_REMOVE;
}

/* On the worker: at most one relay waits in the caller's context, and
 * one goes every 100 ms at most, but the last count always goes. */
static void
apply_progress_cb (guint    done,
                   guint    total,
                   gpointer user_data)
{
  GTask *task = user_data;
  StepData *data = g_task_get_task_data (task);
  gint64 now = g_get_monotonic_time ();

  g_atomic_int_set ((gint *) &data->progress_done, (gint) done);
  g_atomic_int_set ((gint *) &data->progress_total, (gint) total);
  if (done < total && now - data->progress_relayed_at < 100 * G_TIME_SPAN_MILLISECOND)
    return;
  data->progress_relayed_at = now;
  if (g_atomic_int_compare_and_exchange (&data->progress_pending, 0, 1))
    g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT,
                                relay_progress_cb, g_object_ref (task), g_object_unref);
}

static void
step_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  StepData *data = task_data;
  g_autoptr(DgDatabase) db = NULL;
  GError *error = NULL;

  if (data->step == DG_IMPORT_STEP_LOAD
      && !dg_csv_import_load (data->import, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  db = dg_database_open (data->db_path, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  switch (data->step)
    {
    case DG_IMPORT_STEP_LOAD:
      if (dg_csv_import_get_format (data->import) == DG_IMPORT_FORMAT_CSV)
        data->column_values = read_column_values (data->import, cancellable);
      if (!dg_csv_import_preview (data->import, db, cancellable, &data->preview_error)
          && g_error_matches (data->preview_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&data->preview_error));
          return;
        }
      break;

    case DG_IMPORT_STEP_PREVIEW:
      if (!dg_csv_import_preview (data->import, db, cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      break;

    case DG_IMPORT_STEP_APPLY:
      if (data->progress_func != NULL)
        dg_csv_import_set_progress_func (data->import, apply_progress_cb, task);
      data->undo = dg_csv_import_apply (data->import, db, data->clock, cancellable,
                                        &data->summary, &error);
      dg_csv_import_set_progress_func (data->import, NULL, NULL);
      if (data->undo == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      break;

    default:
      g_assert_not_reached ();
    }

  g_task_return_boolean (task, TRUE);
}

void
dg_import_worker_run_async (DgCsvImport         *import,
                            DgImportStep         step,
                            DgDatabase          *db,
                            DgClock             *clock,
                            GCancellable        *cancellable,
                            DgImportProgressFunc progress_func,
                            gpointer             progress_data,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  StepData *data;

  g_return_if_fail (DG_IS_CSV_IMPORT (import));
  g_return_if_fail (DG_IS_DATABASE (db));
  g_return_if_fail (DG_IS_CLOCK (clock));

  data = g_new0 (StepData, 1);
  data->import = g_object_ref (import);
  data->clock = g_object_ref (clock);
  data->step = step;
  data->db_path = g_strdup (dg_database_get_path (db));
  data->progress_func = progress_func;
  data->progress_data = progress_data;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dg_import_worker_run_async);
  g_task_set_task_data (task, data, step_data_free);
  g_task_run_in_thread (task, step_thread);
}

gboolean
dg_import_worker_run_finish (GAsyncResult     *result,
                             GError          **out_preview_error,
                             GPtrArray       **out_column_values,
                             DgBulkUndo      **out_undo,
                             DgImportSummary  *out_summary,
                             GError          **error)
{
  GTask *task = G_TASK (result);
  StepData *data = g_task_get_task_data (task);

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  /* Released here, in the caller's thread. */
  g_clear_object (&data->import);
  g_clear_object (&data->clock);
  /* A relay still waiting tells no one. */
  data->progress_func = NULL;
  data->progress_data = NULL;

  if (out_preview_error != NULL)
    *out_preview_error = g_steal_pointer (&data->preview_error);
  if (out_column_values != NULL)
    *out_column_values = g_steal_pointer (&data->column_values);
  if (out_summary != NULL)
    *out_summary = data->summary;
  if (out_undo != NULL)
    *out_undo = g_steal_pointer (&data->undo);
  else
    g_clear_object (&data->undo);

  return g_task_propagate_boolean (task, error);
}
