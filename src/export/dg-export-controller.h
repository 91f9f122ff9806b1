/* dg-export-controller.h
 *
 * Export… for one window: adds to it the actions
 *   win.export             asks what to export (the customer list as shown,
 *                          as CSV; every contact as vCard; the open
 *                          follow-ups as iCalendar), then where to save
 *   win.export-selection   the same for the customers selected in the
 *                          customer list: CSV or vCard
 *   win.export-to((ss))    writes the kind given ("list-csv",
 *                          "contacts-vcard", "followups-ical",
 *                          "selection-csv", "selection-vcard") to the path
 *                          given, without asking; a toast says where it
 *                          went, a dialog why it failed
 * The file is written on a worker thread: the action returns at once, and
 * an export that takes longer than a moment shows a progress dialog whose
 * Cancel stops it and leaves no file. The actions are disabled while an
 * export runs.
 */
#pragma once

#include <adwaita.h>

#include "dg-context.h"
#include "dg-customers-view.h"

G_BEGIN_DECLS

#define DG_TYPE_EXPORT_CONTROLLER (dg_export_controller_get_type ())

G_DECLARE_FINAL_TYPE (DgExportController, dg_export_controller, DG, EXPORT_CONTROLLER, GObject)

/* @toast_widget is where toasts go (a widget in the window's toast
 * overlay); neither it nor @window is referenced. The customer list is
 * the window's "customers" page (see dg_window_get_page()). */
/* Returns the customer list of @window, or NULL when it has none. */
typedef DgCustomersView *(*DgExportCustomersFunc) (GtkWindow *window);

DgExportController *dg_export_controller_new     (GtkWindow             *window,
                                                  GtkWidget             *toast_widget,
                                                  DgExportCustomersFunc  customers_func,
                                                  DgContext             *context);
/* Adds the actions to @window's action map. */
void                dg_export_controller_install (DgExportController *self);
/* The name offered for a @kind exported today,
 * "dangol-customers-2026-12-07.csv". */
char               *dg_export_controller_dup_default_name (DgExportController *self,
                                                           const char         *kind);
/* How long an export runs before its progress dialog shows, for every
 * controller; 500 ms unless set. 0 shows it as the export starts. */
void                dg_export_controller_set_progress_delay (guint milliseconds);

G_END_DECLS
