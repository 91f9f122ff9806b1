/* dg-journeys-view.h
 *
 * The Journeys page: a journey's board. The header picks the journey and
 * a cohort (or all of them); the board shows the journey's stages as
 * columns, left to right, each with its figures and its customers' cards.
 * Cards move by drag and drop, by Ctrl+Left / Ctrl+Right, or from their
 * menu; cards selected in any columns (Ctrl+A selects a whole column) are
 * moved, marked completed or dropped together, or get one contact logged
 * for all of them, in one transaction with one Undo; Copy Messages puts
 * each one's message of the stage they are in on the clipboard (see
 * dg-stage-messages.h) and offers to log them as contacts. "Add Customers" enrolls a customer in the first stage (and
 * the cohort shown). The header's Board | Map toggle shows the journey as
 * a map instead (dg-journey-map.h). Without any journey the page says how
 * to start.
 *
 * It reaches the window through actions only (win.show-customer).
 */
#pragma once

#include <adwaita.h>

#include "dg-core.h"

G_BEGIN_DECLS

#define DG_TYPE_JOURNEYS_VIEW (dg_journeys_view_get_type ())

G_DECLARE_FINAL_TYPE (DgJourneysView, dg_journeys_view, DG, JOURNEYS_VIEW, GtkWidget)

GtkWidget *dg_journeys_view_new              (DgContext      *context);
DgContext *dg_journeys_view_get_context      (DgJourneysView *self);
void       dg_journeys_view_set_context      (DgJourneysView *self,
                                              DgContext      *context);
/* The journey shown; 0 when there is none. */
gint64     dg_journeys_view_get_journey_id   (DgJourneysView *self);
/* Shows journey @id; FALSE when there is no such journey. */
gboolean   dg_journeys_view_show_journey     (DgJourneysView *self,
                                              gint64          id);
/* Shows the board of the journey of enrollment @id, with every cohort
 * unless the one shown is the enrollment's, and, when it is active there,
 * selects its card and gives it the keyboard focus once the board is on
 * screen. FALSE with @error when there is no such enrollment. */
gboolean   dg_journeys_view_show_enrollment  (DgJourneysView *self,
                                              gint64          id,
                                              GError        **error);
/* The cohort whose customers the board shows; 0 for all. */
gint64     dg_journeys_view_get_cohort_id    (DgJourneysView *self);
/* Shows the customers of cohort @id of the journey (0 for all); FALSE
 * when the journey has no such cohort. */
gboolean   dg_journeys_view_set_cohort_id    (DgJourneysView *self,
                                              gint64          id);
/* The board's columns (DgJourneyColumn), left to right. */
guint      dg_journeys_view_get_n_columns    (DgJourneysView *self);
GtkWidget *dg_journeys_view_get_column       (DgJourneysView *self,
                                              guint           position);
/* The ids of the cards selected in every column, column by column. */
GArray    *dg_journeys_view_get_selected_ids (DgJourneysView *self);

G_END_DECLS
