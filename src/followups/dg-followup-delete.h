/* dg-followup-delete.h
 *
 * Deleting a follow-up and ending its series from anywhere it is shown
 * (a row's menu, the calendar's agenda, the editor), each with an Undo
 * toast in the main window.
 *
 * A follow-up that repeats is not deleted at once: a dialog asks whether
 * only this occurrence goes (the series continues with the next one) or
 * this one and all later ones (the series ends). Stopping the repeat keeps
 * this one and makes it not repeat.
 */
#pragma once

#include <gtk/gtk.h>

#include "dg-core.h"

G_BEGIN_DECLS

/* Deletes @followup, asking first when it repeats. The dialog is shown
 * over @parent; the toast goes to @main_window (when NULL, @parent). When
 * @close_after is given, that window is closed once it was deleted. */
void dg_followup_delete_ask       (GtkWindow  *parent,
                                   GtkWindow  *main_window,
                                   DgContext  *context,
                                   DgFollowup *followup,
                                   GtkWindow  *close_after);
/* Makes @followup stop repeating, with an Undo toast in @main_window. */
void dg_followup_stop_repeating   (GtkWindow  *main_window,
                                   DgContext  *context,
                                   DgFollowup *followup);

G_END_DECLS
