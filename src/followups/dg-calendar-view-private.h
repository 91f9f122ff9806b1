/* dg-calendar-view-private.h
 *
 * What dg-calendar-view.c (the widget, its data and layout) and
 * dg-calendar-view-actions.c (what its actions do) share.
 */
#pragma once

#include <adwaita.h>

#include "dg-calendar-view.h"
#include "dg-day-agenda.h"
#include "dg-month-grid.h"

G_BEGIN_DECLS

struct _DgCalendarView
{
  GtkWidget     parent_instance;

  DgContext    *context;
  gulong        database_changed_handler;
  gulong        clock_changed_handler;
  gulong        day_changed_handler;

  GDate         selected;
  /* G_DATE_BAD_WEEKDAY: the locale's. */
  GDateWeekday  first_weekday;

  /* The six weeks on screen and their follow-ups, one array per day,
   * from the one query that read them. */
  GDate         first_day;
  GPtrArray    *per_day[DG_MONTH_GRID_N_DAYS];
  gboolean      narrow;

  GtkWidget    *toolbar;
  GtkLabel     *month_title;
  GtkLabel     *month_short_title;
  DgMonthGrid  *month_grid;
  DgDayAgenda  *agenda;
};

void        _dg_calendar_view_class_actions_init (GtkWidgetClass *widget_class);
void        _dg_calendar_view_update_actions     (DgCalendarView *self);
/* The follow-ups due on @date as on screen; NULL when it is not. */
GPtrArray  *_dg_calendar_view_get_day            (DgCalendarView *self,
                                                  const GDate    *date);
/* Today in the clock's zone. */
void        _dg_calendar_view_get_today          (DgCalendarView *self,
                                                  GDate          *out_date);
/* Opens the follow-up editor on @followup (a new one when its id is 0). */
void        _dg_calendar_view_show_editor        (DgCalendarView *self,
                                                  DgFollowup     *followup);
/* Opens the editor on a new follow-up due on the selected day. */
void        _dg_calendar_view_new_followup       (DgCalendarView *self);
/* Says what went wrong in a toast, and in the log. */
void        _dg_calendar_view_report             (DgCalendarView *self,
                                                  const GError   *error);

G_END_DECLS
