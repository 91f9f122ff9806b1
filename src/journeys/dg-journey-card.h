/* dg-journey-card.h
 *
 * One card of the journey board, as a column's list view shows it: the
 * customer's name, how many days they have been in the stage (in the
 * warning colour when that is longer than the stage's usual days) and
 * their next follow-up, with a menu to move the card to another stage,
 * mark it completed or drop it. It can be dragged onto another column:
 * the drag carries the enrollment's id (a gint64).
 *
 * The card only asks for things to happen: its menu raises the
 * journeys.* actions of the page it is on (journeys.move-card and so on,
 * with the enrollment's id), which decides whether they apply to this
 * card alone or to the selection it is part of.
 */
#pragma once

#include <gtk/gtk.h>

#include "dg-core.h"

G_BEGIN_DECLS

#define DG_TYPE_JOURNEY_CARD (dg_journey_card_get_type ())

G_DECLARE_FINAL_TYPE (DgJourneyCard, dg_journey_card, DG, JOURNEY_CARD, GtkWidget)

GtkWidget        *dg_journey_card_new             (DgClock          *clock);
/* The enrollment shown, or NULL while the card is not bound to a row. */
DgEnrollmentCard *dg_journey_card_get_item        (DgJourneyCard    *self);
void              dg_journey_card_set_item        (DgJourneyCard    *self,
                                                   DgEnrollmentCard *item);
/* The stages of the journey (DgStage *), for its Move to menu; the card
 * keeps a reference to the array. */
void              dg_journey_card_set_stages      (DgJourneyCard    *self,
                                                   GPtrArray        *stages);
/* The menu of the card as it would open now, for tests. */
GMenuModel       *dg_journey_card_build_menu      (DgJourneyCard    *self);
/* The texts shown, for tests: the days in the stage and the next
 * follow-up ("" when none). */
const char       *dg_journey_card_get_days_text     (DgJourneyCard  *self);
const char       *dg_journey_card_get_followup_text (DgJourneyCard  *self);

G_END_DECLS
