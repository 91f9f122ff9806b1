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
  g_autofree char *name = g_filename_display_basename (path);

  /* Translators: %s are the file's name and the reason, e.g. “Permission
   * denied”. */
  g_set_error (error, G_IO_ERROR, code, _("Could not export the map to “%s”: %s"), name, reason);
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

gboolean
dg_journey_map_export_pdf (GPtrArray   *maps,
                           const char  *path,
                           GError     **error)
{
  g_autofree char *temporary = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (maps != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  temporary = create_temporary (path, error);
  if (temporary == NULL)
    return FALSE;

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

  return finish (temporary, path, status, error);
}
