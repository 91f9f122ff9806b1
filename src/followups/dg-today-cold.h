/* dg-today-cold.h
 *
 * A row of Today's "Going Cold" section: a customer nobody has been in
 * touch with for a while, how long it has been, and buttons to log a
 * contact or plan the next one (the page's today.show-customer and
 * today.add-followup-for actions).
 */
#pragma once

#include <gtk/gtk.h>

#include "dg-core.h"

G_BEGIN_DECLS

GtkWidget *dg_today_cold_row_new (DgClock    *clock,
                                  DgCustomer *customer);

G_END_DECLS
