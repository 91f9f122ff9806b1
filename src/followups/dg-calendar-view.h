/* dg-calendar-view.h
 *
 * The Calendar page of the window: a month of follow-ups as a 6×7 grid of
 * days, with the agenda of the selected day beside it (below it in a narrow
 * window). One query reads the six weeks on screen whenever the month or the
 * follow-ups change. Dragging a follow-up onto another day moves it there,
 * with Undo. Its actions (calendar.previous-month, .next-month, .today,
 * .previous-day, .next-day, .previous-week, .next-week, .open-day,
 * .new-followup) work on the selected day; their keys are set in
 * dg-calendar-view.ui.
 */
#pragma once

#include <gtk/gtk.h>

#include "dg-core.h"

G_BEGIN_DECLS

#define DG_TYPE_CALENDAR_VIEW (dg_calendar_view_get_type ())

G_DECLARE_FINAL_TYPE (DgCalendarView, dg_calendar_view, DG, CALENDAR_VIEW, GtkWidget)

DgContext *dg_calendar_view_get_context       (DgCalendarView *self);
void       dg_calendar_view_set_context       (DgCalendarView *self,
                                               DgContext      *context);
/* The selected day; the month shown is always the one it is in. */
void       dg_calendar_view_get_selected_date (DgCalendarView *self,
                                               GDate          *out_date);
/* Selects @date and shows its month. */
void       dg_calendar_view_select_date       (DgCalendarView *self,
                                               const GDate    *date);
/* Selects the day the follow-up with @followup_id is due on and picks it
 * out in that day's agenda; FALSE when it cannot be read or has no due. */
gboolean   dg_calendar_view_show_followup     (DgCalendarView *self,
                                               gint64          followup_id,
                                               GError        **error);
/* The first day of the week, G_DATE_MONDAY to G_DATE_SUNDAY, as shown;
 * the locale's unless set. */
GDateWeekday dg_calendar_view_get_first_weekday (DgCalendarView *self);
/* G_DATE_BAD_WEEKDAY goes back to the locale's first day. */
void       dg_calendar_view_set_first_weekday (DgCalendarView *self,
                                               GDateWeekday    weekday);
/* Moves the follow-up with @followup_id to @date, keeping its time of day,
 * and offers Undo: what dropping it on a day does. */
gboolean   dg_calendar_view_move_followup     (DgCalendarView *self,
                                               gint64          followup_id,
                                               const GDate    *date,
                                               GError        **error);

G_END_DECLS
