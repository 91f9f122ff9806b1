/* dg-import-controller.h
 *
 * Import… for one window: adds to it the actions
 *   win.import           asks for a file (a CSV sheet or a vCard file)
 *                        and opens the import window on it
 *   win.import-file(s)   opens the import window on the path given,
 *                        without asking
 * and takes files dropped onto the window the same way. Once a file is
 * imported, a toast in the window says what was done ("58 added, 3
 * updated") and offers Undo, which reverses the whole import.
 */
#pragma once

#include <adwaita.h>

#include "dg-context.h"
#include "dg-core.h"

G_BEGIN_DECLS

#define DG_TYPE_IMPORT_CONTROLLER (dg_import_controller_get_type ())

G_DECLARE_FINAL_TYPE (DgImportController, dg_import_controller, DG, IMPORT_CONTROLLER, GObject)

/* @toast_widget is where toasts go (a widget in the window's toast
 * overlay); neither it nor @window is referenced. */
DgImportController *dg_import_controller_new      (GtkWindow          *window,
                                                   GtkWidget          *toast_widget,
                                                   DgContext          *context);
/* Adds the actions to @window's action map, and the drop target. */
void                dg_import_controller_install  (DgImportController *self);
/* Opens the import window on @path (or presents the one already open). */
void                dg_import_controller_open     (DgImportController *self,
                                                   const char         *path);
/* What an import did, as its toast says it: "58 added, 3 updated". */
char               *dg_import_controller_describe (const DgImportSummary *summary);

G_END_DECLS
