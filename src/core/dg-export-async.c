/* dg-export-async.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-database-private.h"
#include "dg-export-async.h"
#include "dg-export-csv.h"
#include "dg-export-ical.h"
#include "dg-export-vcard.h"

/* Carries the worker's progress to the caller's thread: the worker keeps
 * the latest figures and attaches one idle at a time, so that a fast
 * export does not flood the main loop. */
typedef struct
{
  gatomicrefcount       ref;
  GMainContext         *context;
  DgExportProgressFunc  func;
  gpointer              data;
  GMutex                lock;
  guint                 done;
  guint                 total;
  gboolean              pending;
  /* Set by dg_export_finish(): nothing is reported after it. */
  gboolean              finished;
  /* See dg_export_async_hold_for_testing(). */
  GCancellable         *hold;
} Progress;

static gboolean hold_for_testing;

void
dg_export_async_hold_for_testing (gboolean hold)
{
  hold_for_testing = hold;
}

static Progress *
progress_ref (Progress *progress)
{
  g_atomic_ref_count_inc (&progress->ref);

  return progress;
}

static void
progress_unref (gpointer user_data)
{
  Progress *progress = user_data;

  if (!g_atomic_ref_count_dec (&progress->ref))
    return;

  g_main_context_unref (progress->context);
  g_clear_object (&progress->hold);
  g_mutex_clear (&progress->lock);
  g_free (progress);
}

static gboolean
progress_report_cb (gpointer user_data)
{
  Progress *progress = user_data;
  guint done, total;
  gboolean finished;

  g_mutex_lock (&progress->lock);
  progress->pending = FALSE;
  done = progress->done;
  total = progress->total;
  finished = progress->finished;
  g_mutex_unlock (&progress->lock);

  if (!finished)
    progress->func (done, total, progress->data);

  return G_SOURCE_REMOVE;
}

/* In the worker. */
static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *progress = user_data;
  gboolean attach;

  g_mutex_lock (&progress->lock);
  progress->done = done;
  progress->total = total;
  attach = !progress->pending && !progress->finished;
  progress->pending |= attach;
  g_mutex_unlock (&progress->lock);

  if (attach)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_callback (source, progress_report_cb, progress_ref (progress),
                             progress_unref);
      g_source_set_static_name (source, "[dangol] export progress");
      g_source_attach (source, progress->context);
    }

  if (progress->hold != NULL && done > 0)
    {
      GPollFD fd;

      if (g_cancellable_make_pollfd (progress->hold, &fd))
        {
          g_poll (&fd, 1, -1);
          g_cancellable_release_fd (progress->hold);
        }
    }
}

/* The worker holds no GObject of the caller's (a task may be finalized in
 * the worker, and with it whatever it holds): a path, copies, and plain
 * data back. */
typedef struct
{
  char            *db_path;
  DgExportFormat   format;
  DgCustomerQuery  query;
  gboolean         has_query;
  char            *text;
  char            *tag;
  char            *source;
  GArray          *ids;
  GTimeZone       *tz;
  char            *path;
  Progress        *progress;
  guint            count;
} ExportData;

static void
export_data_free (gpointer user_data)
{
  ExportData *data = user_data;

  g_free (data->db_path);
  g_free (data->text);
  g_free (data->tag);
  g_free (data->source);
  g_clear_pointer (&data->query.now, g_date_time_unref);
  g_clear_pointer (&data->ids, g_array_unref);
  g_clear_pointer (&data->tz, g_time_zone_unref);
  g_free (data->path);
  g_clear_pointer (&data->progress, progress_unref);
  g_free (data);
}

static gboolean
run_export (DgDatabase    *reader,
            ExportData    *data,
            GCancellable  *cancellable,
            GError       **error)
{
  const gint64 *ids = data->ids != NULL ? (const gint64 *) data->ids->data : NULL;
  guint n_ids = data->ids != NULL ? data->ids->len : 0;
  DgExportProgressFunc progress = data->progress != NULL ? progress_cb : NULL;

  switch (data->format)
    {
    case DG_EXPORT_CUSTOMERS_CSV:
      {
        const DgExportCsvColumn *columns;
        guint n_columns;

        columns = dg_export_csv_list_columns (&n_columns);
        return dg_export_csv (reader, data->has_query ? &data->query : NULL, ids, n_ids,
                              columns, n_columns, data->tz, data->path, cancellable,
                              progress, data->progress, &data->count, error);
      }

    case DG_EXPORT_CONTACTS_VCARD:
      return dg_export_vcard (reader, ids, n_ids, data->path, cancellable,
                              progress, data->progress, &data->count, error);

    case DG_EXPORT_FOLLOWUPS_ICAL:
      return dg_export_ical (reader, NULL, NULL, data->path, NULL, cancellable,
                             progress, data->progress, &data->count, error);

    default:
      g_return_val_if_reached (FALSE);
    }
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
  if (reader == NULL || !run_export (reader, data, cancellable, &error))
    {
      /* A cancelled reader stops its statement with SQLite's own error;
       * the caller hears that it was cancelled. */
      if (g_cancellable_is_cancelled (cancellable)
          && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_error (&error);
          g_cancellable_set_error_if_cancelled (cancellable, &error);
        }
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
dg_export_async (DgDatabase             *db,
                 DgExportFormat          format,
                 const DgCustomerQuery  *query,
                 const gint64           *ids,
                 guint                   n_ids,
                 GTimeZone              *tz,
                 const char             *path,
                 GCancellable           *cancellable,
                 DgExportProgressFunc    progress,
                 gpointer                progress_data,
                 GAsyncReadyCallback     callback,
                 gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (DG_IS_DATABASE (db));
  g_return_if_fail (format <= DG_EXPORT_FOLLOWUPS_ICAL);
  g_return_if_fail (ids != NULL || n_ids == 0);
  g_return_if_fail (path != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ExportData, 1);
  data->db_path = g_strdup (dg_database_get_path (db));
  data->format = format;
  if (query != NULL)
    {
      data->has_query = TRUE;
      data->query = *query;
      data->query.text = data->text = g_strdup (query->text);
      data->query.tag = data->tag = g_strdup (query->tag);
      data->query.source = data->source = g_strdup (query->source);
      data->query.now = query->now != NULL ? g_date_time_ref (query->now) : NULL;
    }
  if (n_ids > 0)
    {
      data->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
      g_array_append_vals (data->ids, ids, n_ids);
    }
  data->tz = tz != NULL ? g_time_zone_ref (tz) : g_time_zone_new_local ();
  data->path = g_strdup (path);
  if (progress != NULL)
    {
      data->progress = g_new0 (Progress, 1);
      g_atomic_ref_count_init (&data->progress->ref);
      g_mutex_init (&data->progress->lock);
      data->progress->context = g_main_context_ref_thread_default ();
      data->progress->func = progress;
      data->progress->data = progress_data;
      if (hold_for_testing && cancellable != NULL)
        data->progress->hold = g_object_ref (cancellable);
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dg_export_async);
  g_task_set_task_data (task, data, export_data_free);
  /* The result says what happened to the file: written, or not. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, export_thread);
}

gboolean
dg_export_finish (GAsyncResult  *result,
                  guint         *out_count,
                  GError       **error)
{
  ExportData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dg_export_async, FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (data->progress != NULL)
    {
      g_mutex_lock (&data->progress->lock);
      data->progress->finished = TRUE;
      g_mutex_unlock (&data->progress->lock);
    }

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  if (out_count != NULL)
    *out_count = data->count;

  return TRUE;
}
