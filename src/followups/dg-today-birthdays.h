/* dg-today-birthdays.h
 *
 * The "Birthdays This Week" section of the Today page: the customers whose
 * birthday (solar or lunar) falls in the seven days from today, each with
 * its day and a mark when it is lunar; activating one opens the customer
 * (the today.show-customer action). Hidden when there are none. Ages are
 * never shown.
 */
#pragma once

#include <gtk/gtk.h>

#include "dg-core.h"

G_BEGIN_DECLS

#define DG_TYPE_TODAY_BIRTHDAYS (dg_today_birthdays_get_type ())

G_DECLARE_FINAL_TYPE (DgTodayBirthdays, dg_today_birthdays, DG, TODAY_BIRTHDAYS, GtkWidget)

/* How many days, today included, the section looks ahead. */
#define DG_TODAY_BIRTHDAYS_DAYS 7

/* Lists the birthdays again; returns whether there are any. */
gboolean dg_today_birthdays_refresh (DgTodayBirthdays  *self,
                                     DgDatabase        *database,
                                     DgClock           *clock);

G_END_DECLS
