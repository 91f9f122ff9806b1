/* dg-stage-panel.h
 *
 * The playbook of one stage, in a window of its own beside the board: the
 * Scenario (what the customer experiences, where, what hurts and what is
 * missing), the Detail (the steps and the message script) and the Action
 * (how far the stage is digitised, and the rules by which it schedules
 * follow-ups).
 *
 * The texts are written to the stage when a field loses the focus, before
 * the messages are copied and when the window closes, so nothing typed is
 * lost. The digitisation level and the rules are written as they change.
 *
 * Copy Message fills the script for each customer selected in the stage's
 * column on the board and puts the messages on the clipboard, one per
 * customer, in the column's order, separated by DG_STAGE_PANEL_SEPARATOR
 * (see dg-stage-messages.h, shared with the board's selection bar). A
 * customer whose message would keep a placeholder with no value
 * ({organization} for someone with no organization) is left out and named
 * in the panel. A toast then offers to log the copied messages as one
 * contact per customer, with Undo.
 */
#pragma once

#include <adwaita.h>

#include "dg-core.h"
#include "dg-journeys-view.h"

G_BEGIN_DECLS

#define DG_STAGE_PANEL_SEPARATOR DG_STAGE_MESSAGES_SEPARATOR

#define DG_TYPE_STAGE_PANEL (dg_stage_panel_get_type ())

G_DECLARE_FINAL_TYPE (DgStagePanel, dg_stage_panel, DG, STAGE_PANEL, AdwWindow)

/* Shows the panel of stage @stage_id for the board of @view: the one open
 * already, switched to that stage (the texts of the stage it showed are
 * saved first), or a new one beside @view's window. */
DgStagePanel *dg_stage_panel_open          (DgJourneysView *view,
                                            gint64          stage_id);
/* The panel open for @view, or NULL. */
DgStagePanel *dg_stage_panel_get_for_view  (DgJourneysView *view);
/* Installs journeys.open-stage-panel (the stage's id, "x") on the page's
 * class: what a column's header raises. */
void          dg_stage_panel_install_action (GtkWidgetClass *widget_class);

gint64        dg_stage_panel_get_stage_id  (DgStagePanel   *self);
/* Writes the texts to the stage when they changed; FALSE with @error
 * when the stage could not be written. */
gboolean      dg_stage_panel_save          (DgStagePanel   *self,
                                            GError        **error);
/* What the report under Copy Message says now ("" when nothing), for
 * tests. */
const char   *dg_stage_panel_get_report    (DgStagePanel   *self);

G_END_DECLS
