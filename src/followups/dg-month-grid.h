/* dg-month-grid.h
 *
 * Six weeks of days under the names of the weekdays, every day the same
 * size, the way a wall calendar lays out a month. It shows the days and
 * follow-ups it is given, marks today and the selected day, and reports
 * clicks and drops; the calendar view decides what they mean. It takes the
 * keyboard focus as one widget: the selected day is the focused one.
 */
#pragma once

#include <gtk/gtk.h>

#include "dg-core.h"
#include "dg-month-cell.h"

G_BEGIN_DECLS

#define DG_MONTH_GRID_N_DAYS 42

#define DG_TYPE_MONTH_GRID (dg_month_grid_get_type ())

G_DECLARE_FINAL_TYPE (DgMonthGrid, dg_month_grid, DG, MONTH_GRID, GtkWidget)

/* Shows the 42 days from @first_day (its weekday starts every week),
 * dimming those not in @month (1-12). */
void         dg_month_grid_set_days       (DgMonthGrid *self,
                                           const GDate *first_day,
                                           GDateMonth   month);
/* Marks @today and @selected when they are on screen (either may be
 * NULL). */
void         dg_month_grid_set_marks      (DgMonthGrid *self,
                                           const GDate *today,
                                           const GDate *selected);
/* @per_day holds DG_MONTH_GRID_N_DAYS arrays of follow-ups (or NULLs), one
 * per day from the first. */
void         dg_month_grid_set_followups  (DgMonthGrid *self,
                                           GPtrArray  **per_day,
                                           DgClock     *clock,
                                           GTimeZone   *tz);
/* The cell of day @index (0 to 41) from the first. */
DgMonthCell *dg_month_grid_get_cell       (DgMonthGrid *self,
                                           guint        index);
/* The cell of @date, or NULL when it is not on screen. */
DgMonthCell *dg_month_grid_get_cell_for_date (DgMonthGrid *self,
                                              const GDate *date);
/* The weekday names across the top, for tests. */
const char  *dg_month_grid_get_weekday_label (DgMonthGrid *self,
                                              guint        column);

G_END_DECLS
