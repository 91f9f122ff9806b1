/* dg-cohorts-dialog.h
 *
 * The window that edits the cohorts of one journey: add one, change its
 * name and date, archive it (it leaves the board's cohort filter but
 * keeps its customers) or bring an archived one back.
 *
 * Its actions, on the window: cohorts.add, cohorts.edit (x: the cohort),
 * cohorts.archive (x), cohorts.restore (x). Adding and editing ask in a
 * message dialog with a name and a date field; its accept response is
 * "save".
 */
#pragma once

#include <adwaita.h>

#include "dg-core.h"

G_BEGIN_DECLS

#define DG_TYPE_COHORTS_DIALOG (dg_cohorts_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DgCohortsDialog, dg_cohorts_dialog, DG, COHORTS_DIALOG, AdwWindow)

GtkWidget *dg_cohorts_dialog_new        (GtkWindow       *parent,
                                         DgContext       *context,
                                         gint64           journey_id);
/* The rows shown: the cohorts in use, then the archived ones. */
guint      dg_cohorts_dialog_get_n_rows (DgCohortsDialog *self,
                                         gboolean         archived);

G_END_DECLS
