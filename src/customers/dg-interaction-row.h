/* dg-interaction-row.h
 *
 * One entry of a customer's timeline: the channel's icon and name, when it
 * happened, what was said and how it went, and a button that deletes it
 * (the history.delete-contact action, with the entry's id).
 */
#pragma once

#include <gtk/gtk.h>

#include "dg-core.h"

G_BEGIN_DECLS

#define DG_TYPE_INTERACTION_ROW (dg_interaction_row_get_type ())

G_DECLARE_FINAL_TYPE (DgInteractionRow, dg_interaction_row, DG, INTERACTION_ROW, GtkListBoxRow)

/* @when_text is when it happened, written for people by the caller. */
GtkWidget     *dg_interaction_row_new             (DgInteraction    *interaction,
                                                   const char       *when_text);
DgInteraction *dg_interaction_row_get_interaction (DgInteractionRow *self);
/* The symbolic icon that stands for @channel. */
const char    *dg_interaction_channel_icon_name   (DgInteractionChannel channel);

G_END_DECLS
