/* dg-import-worker.h
 *
 * The steps of an import that read the whole file or write to the
 * database, on a worker thread, so that the import window stays
 * responsive and a large file can be cancelled:
 *
 *   LOAD     dg_csv_import_load(), then a first preview, so that the
 *            File page shows the rows as they will be stored; and the
 *            first values of each column, for the Columns page
 *   PREVIEW  dg_csv_import_preview() again, after a column changed
 *   APPLY    dg_csv_import_apply()
 *
 * The worker has a connection of its own to the database's file: the
 * window's DgDatabase and its listeners stay in the main thread. The
 * caller touches @import only once the step finished, and, after an
 * apply, tells its own DgDatabase that everything may have changed
 * (dg_database_notify_all()); the undo returned writes through the
 * worker's connection, so the same holds after it is applied.
 */
#pragma once

#include <gio/gio.h>

#include "dg-core.h"

G_BEGIN_DECLS

typedef enum
{
  DG_IMPORT_STEP_LOAD,
  DG_IMPORT_STEP_PREVIEW,
  DG_IMPORT_STEP_APPLY,
} DgImportStep;

/* How many values of each column the LOAD step keeps. */
#define DG_IMPORT_COLUMN_SAMPLES 3

/* @progress_func (may be NULL) is told how far an APPLY has come, in
 * the caller's thread, at most every 100 ms and once with every row done;
 * never after _finish(). */
void        dg_import_worker_run_async  (DgCsvImport          *import,
                                         DgImportStep          step,
                                         DgDatabase           *db,
                                         DgClock              *clock,
                                         GCancellable         *cancellable,
                                         DgImportProgressFunc  progress_func,
                                         gpointer              progress_data,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
/* FALSE with @error when the step failed (nothing was written). A failed
 * preview does not fail a LOAD (the file can still be read, a column may
 * be missing): its error goes to @out_preview_error (may be NULL).
 * @out_column_values (LOAD; may be NULL) receives, for each column, a
 * GStrv of its first values. @out_undo and @out_summary (APPLY; may be
 * NULL) receive what the import did. */
gboolean    dg_import_worker_run_finish (GAsyncResult         *result,
                                         GError              **out_preview_error,
                                         GPtrArray           **out_column_values,
                                         DgBulkUndo          **out_undo,
                                         DgImportSummary      *out_summary,
                                         GError              **error);

G_END_DECLS
