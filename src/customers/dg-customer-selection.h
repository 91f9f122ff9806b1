/* dg-customer-selection.h
 *
 * The single selection of the customer list. It remembers the selected
 * customer by id and, after the list changes, finds that id again among
 * the list's ids without building a row object: GTK 4.8's
 * GtkSingleSelection looks for its object by building every added row,
 * all of them when a sort or a search changes the whole list.
 *
 * When the selected customer leaves the list (deleted, archived out of the
 * filter, no longer matching the search), nothing is selected: Delete and
 * Enter then act on nobody, rather than on a neighbour the user never
 * picked. Nothing is selected at first either.
 */
#pragma once

#include <gtk/gtk.h>

#include "dg-core.h"

G_BEGIN_DECLS

#define DG_TYPE_CUSTOMER_SELECTION (dg_customer_selection_get_type ())

G_DECLARE_FINAL_TYPE (DgCustomerSelection, dg_customer_selection, DG, CUSTOMER_SELECTION, GObject)

DgCustomerSelection *dg_customer_selection_new               (DgCustomerList      *list);
DgCustomerList      *dg_customer_selection_get_list          (DgCustomerSelection *self);
/* The selected position, or GTK_INVALID_LIST_POSITION. */
guint                dg_customer_selection_get_selected      (DgCustomerSelection *self);
/* Selects @position; GTK_INVALID_LIST_POSITION or a position past the end
 * selects nothing. */
void                 dg_customer_selection_set_selected      (DgCustomerSelection *self,
                                                              guint                position);
/* The selected customer, or NULL; owned by @self. */
DgCustomer          *dg_customer_selection_get_selected_item (DgCustomerSelection *self);
/* The id of the selected customer, or 0. */
gint64               dg_customer_selection_get_selected_id   (DgCustomerSelection *self);
/* Selects the customer with @id; FALSE, with the selection unchanged, when
 * that customer is not in the list. */
gboolean             dg_customer_selection_select_id         (DgCustomerSelection *self,
                                                              gint64               id);

G_END_DECLS
