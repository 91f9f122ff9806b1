/* dg-journey-map-export.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "dg-format.h"
#include "dg-journey-map-draw.h"
#include "dg-journey-map-export.h"

/* A4 landscape, in points. */
#define A4_WIDTH_PT   841.89
#define A4_HEIGHT_PT  595.28

static void
set_export_error (GError     **error,
                  int          code,
                  const char  *path,
                  const char  *reason)
{
  /* The whole path: the folder may be what is wrong. */
  g_autofree char *shown = dg_format_path (path);

  /* Translators: %s are the file's path and the reason, e.g. “Permission
   * denied”. */
  g_set_error (error, G_IO_ERROR, code, _("Could not export the map to “%s”: %s"), shown, reason);
}

/* Creates an empty temporary file next to @path and returns its name. */
static char *
create_temporary (const char  *path,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf ("%s" G_DIR_SEPARATOR_S ".%s.XXXXXX", dir, base);
  /* Readable as any new file of the user's would be, not only 0600. */
  int fd = g_mkstemp_full (name, O_RDWR, 0666);

  if (fd < 0)
    {
      int saved = errno;

      set_export_error (error, g_io_error_from_errno (saved), path, g_strerror (saved));
      return NULL;
    }
  close (fd);

  return g_steal_pointer (&name);
}

/* Renames the finished @temporary over @path, or removes it when
 * @status says the drawing failed. */
static gboolean
finish (const char      *temporary,
        const char      *path,
        cairo_status_t   status,
        GError         **error)
{
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (temporary);
      set_export_error (error, G_IO_ERROR_FAILED, path, cairo_status_to_string (status));
      return FALSE;
    }
  if (g_rename (temporary, path) != 0)
    {
      int saved = errno;

      g_unlink (temporary);
      set_export_error (error, g_io_error_from_errno (saved), path, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

void
dg_journey_map_get_png_size (DgJourneyMapData *data,
                             int              *out_width,
                             int              *out_height)
{
  dg_journey_map_get_natural_size (data, out_width, out_height);
  *out_width *= DG_JOURNEY_MAP_PNG_SCALE;
  *out_height *= DG_JOURNEY_MAP_PNG_SCALE;
}

gboolean
dg_journey_map_export_png (DgJourneyMapData  *data,
                           const char        *path,
                           gboolean           dark,
                           GError           **error)
{
  g_autofree char *temporary = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int width, height;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  temporary = create_temporary (path, error);
  if (temporary == NULL)
    return FALSE;

  dg_journey_map_get_natural_size (data, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * DG_JOURNEY_MAP_PNG_SCALE,
                                        height * DG_JOURNEY_MAP_PNG_SCALE);
  cairo_surface_set_device_scale (surface, DG_JOURNEY_MAP_PNG_SCALE, DG_JOURNEY_MAP_PNG_SCALE);
  cr = cairo_create (surface);
  dg_journey_map_draw (cr, data, width, height, dark);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png (surface, temporary);
  cairo_surface_destroy (surface);

  return finish (temporary, path, status, error);
}

/* Draws @maps (DgJourneyMapData *) into the file @temporary, one A4
 * landscape page each, in the light colours. */
static cairo_status_t
draw_pdf (GPtrArray  *maps,
          const char *temporary)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_pdf_surface_create (temporary, A4_WIDTH_PT, A4_HEIGHT_PT);
  cr = cairo_create (surface);
  for (guint i = 0; i < maps->len; i++)
    {
      DgJourneyMapData *data = g_ptr_array_index (maps, i);
      int width, height;
      double scale;

      /* The map at its natural size, scaled down to fit the page. */
      dg_journey_map_get_natural_size (data, &width, &height);
      scale = MIN (A4_WIDTH_PT / width, A4_HEIGHT_PT / height);
      cairo_save (cr);
      cairo_scale (cr, scale, scale);
      dg_journey_map_draw (cr, data, A4_WIDTH_PT / scale, A4_HEIGHT_PT / scale, FALSE);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

/* Every journey's map as a PDF, its figures read in a worker */

typedef struct
{
  DgDatabase               *db;
  DgClock                  *clock;
  char                     *path;
  /* Made before the first read, so that a folder that cannot be written
   * to is said at once; removed unless it was renamed over @path. */
  char                     *temporary;
  /* DgJourneyMapData *, one for each journey, their figures filled in
   * in turn. */
  GPtrArray                *maps;
  /* The journey and cohort of each map's figures, in the order of
   * @maps. */
  GArray                   *journey_ids;
  GArray                   *cohorts;
  guint                     next;
  DgJourneyMapProgressFunc  progress;
  gpointer                  progress_data;
  gulong                    cancelled_handler;
  /* Whether the task has returned: a read that comes back after a
   * Cancel is only finished and dropped. */
  gboolean                  returned;
} PdfJob;

static void
pdf_job_free (PdfJob *job)
{
  if (job->temporary != NULL)
    g_unlink (job->temporary);
  g_free (job->temporary);
  g_clear_object (&job->db);
  g_clear_object (&job->clock);
  g_free (job->path);
  g_clear_pointer (&job->maps, g_ptr_array_unref);
  g_clear_pointer (&job->journey_ids, g_array_unref);
  g_clear_pointer (&job->cohorts, g_array_unref);
  g_free (job);
}

/* Ends the export, once: with @error (taken), after removing the
 * temporary file; else with the file in place. */
static void
pdf_job_return (GTask  *task,
                GError *error)
{
  PdfJob *job = g_task_get_task_data (task);

  if (job->returned)
    {
      g_clear_error (&error);
      return;
    }
  job->returned = TRUE;
  if (job->cancelled_handler != 0)
    {
      g_signal_handler_disconnect (g_task_get_cancellable (task), job->cancelled_handler);
      job->cancelled_handler = 0;
    }
  if (job->temporary != NULL)
    {
      g_unlink (job->temporary);
      g_clear_pointer (&job->temporary, g_free);
    }
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static GError *
new_cancelled_error (void)
{
  return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Export cancelled"));
}

static gboolean
return_cancelled_cb (gpointer user_data)
{
  pdf_job_return (G_TASK (user_data), new_cancelled_error ());

  return G_SOURCE_REMOVE;
}

/* A Cancel does not wait for the read under way: the export ends at
 * once, from the main loop rather than inside the Cancel's handler. */
static void
on_cancelled_cb (GCancellable *cancellable,
                 GTask        *task)
{
  GSource *source = g_idle_source_new ();

  g_source_set_callback (source, return_cancelled_cb, g_object_ref (task), g_object_unref);
  g_source_attach (source, g_task_get_context (task));
  g_source_unref (source);
}

static void read_next (GTask *task);

static void
on_figures_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PdfJob *job = g_task_get_task_data (task);
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GError) error = NULL;

  figures = dg_journey_analytics_finish (DG_DATABASE (source_object), result, &error);
  if (job->returned)
    return;

  if (figures == NULL)
    {
      GError *export_error = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        export_error = new_cancelled_error ();
      else
        set_export_error (&export_error, G_IO_ERROR_FAILED, job->path, error->message);
      pdf_job_return (task, export_error);
      return;
    }

  dg_journey_map_data_set_figures (g_ptr_array_index (job->maps, job->next), figures);
  job->next++;
  read_next (task);
}

static void
read_next (GTask *task)
{
  PdfJob *job = g_task_get_task_data (task);
  cairo_status_t status;
  GError *error = NULL;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      pdf_job_return (task, new_cancelled_error ());
      return;
    }

  if (job->next < job->maps->len)
    {
      if (job->progress != NULL)
        job->progress (job->next + 1, job->maps->len, job->progress_data);
      dg_journey_analytics_async (job->db, job->clock, g_array_index (job->journey_ids, gint64, job->next),
                                  g_array_index (job->cohorts, gint64, job->next),
                                  g_task_get_cancellable (task), on_figures_cb, g_object_ref (task));
      return;
    }

  /* A few pages of vector drawing, once every figure is there: quick
   * enough for the caller's thread, where Pango draws the rest. */
  status = draw_pdf (job->maps, job->temporary);
  finish (job->temporary, job->path, status, &error);
  /* Renamed or removed: no longer there to remove. */
  g_clear_pointer (&job->temporary, g_free);
  pdf_job_return (task, error);
}

void
dg_journey_map_export_pdf_async (DgDatabase               *db,
                                 DgClock                  *clock,
                                 gint64                    journey_id,
                                 gint64                    cohort_id,
                                 const char               *path,
                                 GCancellable             *cancellable,
                                 DgJourneyMapProgressFunc  progress,
                                 gpointer                  progress_data,
                                 GAsyncReadyCallback       callback,
                                 gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) journeys = NULL;
  g_autoptr(GError) read_error = NULL;
  GError *error = NULL;
  PdfJob *job;

  g_return_if_fail (DG_IS_DATABASE (db));
  g_return_if_fail (DG_IS_CLOCK (clock));
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (PdfJob, 1);
  job->db = g_object_ref (db);
  job->clock = g_object_ref (clock);
  job->path = g_strdup (path);
  job->maps = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_journey_map_data_free);
  job->journey_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  job->cohorts = g_array_new (FALSE, FALSE, sizeof (gint64));
  job->progress = progress;
  job->progress_data = progress_data;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dg_journey_map_export_pdf_async);
  /* A file renamed into place is reported as written, even if a Cancel
   * came after. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) pdf_job_free);

  job->temporary = create_temporary (path, &error);
  if (job->temporary == NULL)
    {
      pdf_job_return (task, error);
      return;
    }

  /* The journeys, their stages and texts are a few rows: read at once. */
  journeys = dg_journeys_list (db, &read_error);
  for (guint i = 0; journeys != NULL && i < journeys->len; i++)
    {
      DgJourney *journey = g_ptr_array_index (journeys, i);
      gint64 cohort = journey->id == journey_id ? cohort_id : 0;
      DgJourneyMapData *data = dg_journey_map_data_load_texts (db, journey->id, cohort, &read_error);

      if (data == NULL)
        break;
      g_ptr_array_add (job->maps, data);
      g_array_append_val (job->journey_ids, journey->id);
      g_array_append_val (job->cohorts, cohort);
    }
  if (read_error != NULL)
    set_export_error (&error, G_IO_ERROR_FAILED, path, read_error->message);
  else if (job->maps->len == 0)
    set_export_error (&error, G_IO_ERROR_NOT_FOUND, path, _("There are no journeys to export"));
  if (error != NULL)
    {
      pdf_job_return (task, error);
      return;
    }

  if (cancellable != NULL)
    job->cancelled_handler = g_signal_connect_object (cancellable, "cancelled",
                                                      G_CALLBACK (on_cancelled_cb), task, 0);
  read_next (task);
}

gboolean
dg_journey_map_export_pdf_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dg_journey_map_export_pdf_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
