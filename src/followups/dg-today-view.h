/* dg-today-view.h
 *
 * The Today page, the first one the window shows: what is overdue, what is
 * due today and in the next seven days, each with Done, Snooze, Open and
 * Edit, the birthdays of the week (dg-today-birthdays.h), and the
 * customers going cold (no logged contact for longer than the
 * "going-cold-days" setting). It follows the database and the clock:
 * any change to follow-ups, contacts or customers, and the start of a new
 * day, lists everything again.
 */
#pragma once

#include <gtk/gtk.h>

#include "dg-core.h"

G_BEGIN_DECLS

#define DG_TYPE_TODAY_VIEW (dg_today_view_get_type ())

G_DECLARE_FINAL_TYPE (DgTodayView, dg_today_view, DG, TODAY_VIEW, GtkWidget)

DgContext *dg_today_view_get_context (DgTodayView *self);
void       dg_today_view_set_context (DgTodayView *self,
                                      DgContext   *context);

G_END_DECLS
