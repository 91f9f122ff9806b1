/* dg-bulk-dialog.h
 *
 * The question asked before acting on several selected customers at once:
 * which tag to add or remove, what contact to log for all of them, which
 * follow-up to add for each. It only collects the answer; the customers
 * view does the work when it responds "apply", which it offers only once
 * the fields it needs are filled in.
 */
#pragma once

#include <adwaita.h>

#include "dg-core.h"

G_BEGIN_DECLS

typedef enum
{
  DG_BULK_DIALOG_ADD_TAG,
  DG_BULK_DIALOG_REMOVE_TAG,
  DG_BULK_DIALOG_LOG_CONTACT,
  DG_BULK_DIALOG_ADD_FOLLOWUP,
} DgBulkDialogKind;

#define DG_TYPE_BULK_DIALOG (dg_bulk_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DgBulkDialog, dg_bulk_dialog, DG, BULK_DIALOG, AdwMessageDialog)

DgBulkDialog     *dg_bulk_dialog_new            (GtkWindow        *parent,
                                                 DgBulkDialogKind  kind,
                                                 guint             n_customers);
DgBulkDialogKind  dg_bulk_dialog_get_kind       (DgBulkDialog     *self);
/* The tag names as typed (comma-separated), trimmed. */
char             *dg_bulk_dialog_dup_tag        (DgBulkDialog     *self);
/* The contact to log, happening @now: channel, summary and feedback. */
DgInteraction    *dg_bulk_dialog_build_contact  (DgBulkDialog     *self,
                                                 GDateTime        *now);
/* The follow-up to add: its title, all day, due the chosen number of days
 * after today by @clock. */
DgFollowup       *dg_bulk_dialog_build_followup (DgBulkDialog     *self,
                                                 DgClock          *clock);
/* Days from today for the follow-up (14 unless changed). */
void              dg_bulk_dialog_set_days       (DgBulkDialog     *self,
                                                 guint             days);

G_END_DECLS
