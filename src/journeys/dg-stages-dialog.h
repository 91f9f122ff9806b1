/* dg-stages-dialog.h
 *
 * The window that edits the stages of one journey: add, rename, move up
 * or down, and remove them. Removing a stage that holds customers asks
 * which stage they go to instead; a toast then offers Undo, which brings
 * the stage back with its rules and its customers with their history.
 *
 * A row can also be dragged onto another, whose place it takes; the drag
 * carries a DgStageRef, so that nothing else dropped there (a card of the
 * board, some text) is taken for a stage.
 *
 * Its actions, on the window: stages.add, stages.rename (x: the stage),
 * stages.move-up (x), stages.move-down (x), stages.remove (x).
 */
#pragma once

#include <adwaita.h>

#include "dg-core.h"

G_BEGIN_DECLS

/* A stage being dragged: its id. */
typedef struct
{
  gint64 id;
} DgStageRef;

#define DG_TYPE_STAGE_REF (dg_stage_ref_get_type ())
GType       dg_stage_ref_get_type (void) G_GNUC_CONST;

#define DG_TYPE_STAGES_DIALOG (dg_stages_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DgStagesDialog, dg_stages_dialog, DG, STAGES_DIALOG, AdwWindow)

GtkWidget *dg_stages_dialog_new        (GtkWindow      *parent,
                                        DgContext      *context,
                                        gint64          journey_id);
/* The rows shown, one per stage; follows the database after an idle. */
guint      dg_stages_dialog_get_n_rows (DgStagesDialog *self);
GtkWidget  *dg_stages_dialog_get_row       (DgStagesDialog *self,
                                            guint           position);
/* The name the row at @position shows. */
const char *dg_stages_dialog_get_row_title (DgStagesDialog *self,
                                            guint           position);

G_END_DECLS
