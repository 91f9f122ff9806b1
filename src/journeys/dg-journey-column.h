/* dg-journey-column.h
 *
 * One column of the journey board: a stage's header (its name, how many
 * customers are in it now, the conversion from the stage before and the
 * median days spent in it) over a list of its cards. The list reads a
 * DgStageColumn, so a column of thousands builds only the cards on
 * screen, and its selection is a DgIdSelection: click, Ctrl+click,
 * Shift+click and Ctrl+A (the whole column) select cards by id.
 *
 * Activating a card (double-click, Enter) opens its customer through
 * win.show-customer. Ctrl+Left and Ctrl+Right on a focused card raise
 * journeys.move-card-step, and a card dropped on the column raises
 * journeys.move-card to this stage: the page acts on them. A click on the
 * header, or its Playbook button, raises journeys.open-stage-panel.
 */
#pragma once

#include <gtk/gtk.h>

#include "dg-core.h"
#include "dg-id-selection.h"

G_BEGIN_DECLS

#define DG_TYPE_JOURNEY_COLUMN (dg_journey_column_get_type ())

G_DECLARE_FINAL_TYPE (DgJourneyColumn, dg_journey_column, DG, JOURNEY_COLUMN, GtkWidget)

/* A column for stage @position of @stages (DgStage *, kept), of cohort
 * @cohort_id (0 for all). */
GtkWidget       *dg_journey_column_new           (DgContext       *context,
                                                  GPtrArray       *stages,
                                                  guint            position,
                                                  gint64           cohort_id);
gint64           dg_journey_column_get_stage_id  (DgJourneyColumn *self);
DgStageColumn   *dg_journey_column_get_model     (DgJourneyColumn *self);
DgIdSelection   *dg_journey_column_get_selection (DgJourneyColumn *self);
/* The header's button that opens the stage's playbook. */
GtkWidget       *dg_journey_column_get_playbook_button (DgJourneyColumn *self);
GtkListView     *dg_journey_column_get_list_view (DgJourneyColumn *self);
void             dg_journey_column_set_cohort_id (DgJourneyColumn *self,
                                                  gint64           cohort_id);
/* Shows the stage's figures in the header; NULL shows none. */
void             dg_journey_column_set_figures   (DgJourneyColumn *self,
                                                  DgStageFigures  *figures);
/* The header's texts, for tests. */
const char      *dg_journey_column_get_count_text      (DgJourneyColumn *self);
const char      *dg_journey_column_get_conversion_text (DgJourneyColumn *self);
const char      *dg_journey_column_get_median_text     (DgJourneyColumn *self);
/* The card widget on screen for enrollment @id, or NULL. */
GtkWidget       *dg_journey_column_find_card     (DgJourneyColumn *self,
                                                  gint64           id);
/* Scrolls to the card of enrollment @id and gives it the keyboard focus;
 * FALSE when it is not in the column. */
gboolean         dg_journey_column_focus_card    (DgJourneyColumn *self,
                                                  gint64           id);
/* What a card dropped on the column does: raises journeys.move-card for
 * the enrollment in @value (a gint64) to this stage. */
gboolean         dg_journey_column_drop          (DgJourneyColumn *self,
                                                  const GValue    *value);

G_END_DECLS
