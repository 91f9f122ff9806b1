/* dg-today-lists.h
 *
 * The follow-up rows of Today's sections, added a span at a time: the
 * page builds the rows its first screen shows before its first frame and
 * the rest in the frame after.
 */
#pragma once

#include <gtk/gtk.h>

#include "dg-core.h"

G_BEGIN_DECLS

/* Appends to @list a row for each of @followups[@start, @end). */
void dg_today_fill_list     (DgContext  *context,
                             GtkListBox *list,
                             GPtrArray  *followups,
                             guint       start,
                             guint       end,
                             gboolean    show_day);
/* Appends to @box the rows of @followups[@start, @end) under a heading
 * for each day, the first of them in the day's list already in @box when
 * it goes on from the day before @start. */
void dg_today_fill_upcoming (DgContext  *context,
                             GtkBox     *box,
                             GPtrArray  *followups,
                             guint       start,
                             guint       end);

/* Appends to @list a row for each customer going cold of @customers. */
void dg_today_fill_cold     (DgClock    *clock,
                             GtkListBox *list,
                             GPtrArray  *customers);
/* Removes every child of @widget, a list box, a box or another. */
void dg_today_clear         (GtkWidget  *widget);

G_END_DECLS
