/* dg-export-file-private.h
 *
 * Writing an export (vCard, iCalendar, backup) so that a reader never
 * sees half a file: the text goes into a private temporary file beside the target
 * (created 0600), which is synced and then renamed over it. A failed or
 * abandoned export leaves nothing behind, and an older file at the target
 * stays as it was.
 */
#pragma once

#include <gio/gio.h>

#include "dg-export-progress.h"

G_BEGIN_DECLS

typedef struct _DgExportFile DgExportFile;

/* Chooses the wording of the errors: a backup names itself as one. */
typedef enum
{
  DG_EXPORT_FILE_EXPORT,
  DG_EXPORT_FILE_BACKUP,
} DgExportFileKind;

/* Creates the temporary file beside @path. */
DgExportFile *dg_export_file_open   (const char    *path,
                                     GError       **error);
DgExportFile *dg_export_file_open_full (const char        *path,
                                        DgExportFileKind   kind,
                                        GError           **error);
/* Appends @len bytes of @data (a NUL-terminated string when @len < 0). */
gboolean      dg_export_file_write  (DgExportFile  *self,
                                     const char    *data,
                                     gssize         len,
                                     GError       **error);
/* The text not written yet: a writer producing many small pieces may
 * append to it directly, then call dg_export_file_flush_if_full(). */
GString      *dg_export_file_get_buffer    (DgExportFile  *self);
/* Writes the buffer out once it has grown past the flush size. */
gboolean      dg_export_file_flush_if_full (DgExportFile  *self,
                                            GError       **error);
/* Syncs, closes and renames the file into place, syncs the folder, then
 * frees @self; on failure the temporary file is removed. */
gboolean      dg_export_file_commit (DgExportFile  *self,
                                     GError       **error);
/* Removes the temporary file and frees @self. */
void          dg_export_file_abort  (DgExportFile  *self);

/* Called before each of @total records with @done, the records written
 * so far, and once more after the last: at the first, every few hundred
 * and the last, reports @progress (may be NULL) and checks @cancellable.
 * FALSE, with @error set, once it is cancelled: the caller then abandons
 * the file, so that a cancelled export leaves nothing behind, not even
 * when only the commit was left. */
gboolean      dg_export_file_step   (guint                 done,
                                     guint                 total,
                                     GCancellable         *cancellable,
                                     DgExportProgressFunc  progress,
                                     gpointer              progress_data,
                                     GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgExportFile, dg_export_file_abort)

G_END_DECLS
