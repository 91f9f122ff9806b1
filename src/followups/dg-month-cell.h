/* dg-month-cell.h
 *
 * One day of the month grid: its number, and its follow-ups as chips, as
 * many as fit in the height the grid gives it; the rest behind a "+N more"
 * button whose popover lists all of the day's items. A follow-up dropped on
 * the cell is handed on with ::followup-dropped. The cell shows what it is
 * given; the calendar view reads the database.
 */
#pragma once

#include <gtk/gtk.h>

#include "dg-core.h"

G_BEGIN_DECLS

#define DG_TYPE_MONTH_CELL (dg_month_cell_get_type ())

G_DECLARE_FINAL_TYPE (DgMonthCell, dg_month_cell, DG, MONTH_CELL, GtkWidget)

GtkWidget *dg_month_cell_new            (void);
void       dg_month_cell_get_date       (DgMonthCell *self,
                                         GDate       *out_date);
/* @out_of_month dims a day of the month before or after. */
void       dg_month_cell_set_date       (DgMonthCell *self,
                                         const GDate *date,
                                         gboolean     out_of_month);
void       dg_month_cell_set_today      (DgMonthCell *self,
                                         gboolean     today);
void       dg_month_cell_set_selected   (DgMonthCell *self,
                                         gboolean     selected);
/* The day's follow-ups in order (NULL or empty for none); @clock says
 * which are overdue, @tz is where their times are read. */
void       dg_month_cell_set_followups  (DgMonthCell *self,
                                         GPtrArray   *followups,
                                         DgClock     *clock,
                                         GTimeZone   *tz);
guint      dg_month_cell_get_n_followups (DgMonthCell *self);
/* How many follow-ups are left out for lack of room, as of the last
 * allocation. */
guint      dg_month_cell_get_n_overflow (DgMonthCell *self);
/* The "+N more" button. */
GtkWidget *dg_month_cell_get_overflow_button (DgMonthCell *self);

G_END_DECLS
