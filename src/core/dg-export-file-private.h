/* dg-export-file-private.h
 *
 * Writing an export (vCard, iCalendar) so that a reader never sees half
 * a file: the text goes into a private temporary file beside the target
 * (created 0600), which is synced and then renamed over it. A failed or
 * abandoned export leaves nothing behind, and an older file at the target
 * stays as it was.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _DgExportFile DgExportFile;

/* Creates the temporary file beside @path. */
DgExportFile *dg_export_file_open   (const char    *path,
                                     GError       **error);
/* Appends @len bytes of @data (a NUL-terminated string when @len < 0). */
gboolean      dg_export_file_write  (DgExportFile  *self,
                                     const char    *data,
                                     gssize         len,
                                     GError       **error);
/* Syncs, closes and renames the file into place, then frees @self; on
 * failure the temporary file is removed. */
gboolean      dg_export_file_commit (DgExportFile  *self,
                                     GError       **error);
/* Removes the temporary file and frees @self. */
void          dg_export_file_abort  (DgExportFile  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgExportFile, dg_export_file_abort)

G_END_DECLS
