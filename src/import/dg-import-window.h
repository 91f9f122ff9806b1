/* dg-import-window.h
 *
 * The window that imports one file into the customers: a CSV sheet, or a
 * vCard file read through the same DgCsvImport (dg_csv_import_get_format()).
 * Its pages follow the import's steps:
 *
 *   File      how the sheet is written (encoding, separator, header; each
 *             change reads it again) and the first customers as they
 *             will be stored
 *   Columns   what each column holds (a CSV sheet's only)
 *   Survey    a survey sheet's answers and feelings (dg-import-survey-page.h),
 *             when the File page says the sheet is survey answers
 *   Check     what will happen: new customers, duplicates and what to do
 *             with each, refused rows with their reasons, values that
 *             differ from the customers'
 *   Journey   optionally, the journey stage and a new cohort to put
 *             everyone imported or matched in
 *
 * then Import, on a worker thread with a Cancel that leaves the database
 * as it was. Once imported it emits ::imported and closes; the main
 * window's toast offers Undo.
 *
 * Reading and previewing run on a worker (dg-import-worker.h); while one
 * runs, the pages do not change the import.
 */
#pragma once

#include <adwaita.h>

#include "dg-context.h"
#include "dg-core.h"

G_BEGIN_DECLS

#define DG_TYPE_IMPORT_WINDOW (dg_import_window_get_type ())

G_DECLARE_FINAL_TYPE (DgImportWindow, dg_import_window, DG, IMPORT_WINDOW, AdwWindow)

/* Starts reading @path at once. */
DgImportWindow *dg_import_window_new           (GtkWindow      *parent,
                                                DgContext      *context,
                                                const char     *path);
DgCsvImport    *dg_import_window_get_import    (DgImportWindow *self);
/* "loading", "error", "file", "columns", "survey", "check", "journey"
 * or "progress". */
const char     *dg_import_window_get_page_name (DgImportWindow *self);
/* Whether a worker reads or writes the file now. */
gboolean        dg_import_window_get_busy      (DgImportWindow *self);

G_END_DECLS
