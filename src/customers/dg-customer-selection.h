/* dg-customer-selection.h
 *
 * The selection of the customer list: any number of customers, kept as a
 * set of ids. It never builds the rows it selects or tests: GTK 4.8's own
 * selections find their items again by building every row of a changed
 * list, and Ctrl+A over a million customers must cost ids only. After the
 * list changes (a new sort, a search, an edit), the customers still in it
 * stay selected wherever they went; those that left it (deleted, archived
 * out of the filter, no longer matching the search) are no longer
 * selected, so an action never reaches a customer the user cannot see.
 * Nothing is selected at first.
 *
 * GTK's list views drive it through GtkSelectionModel: a click selects
 * one row (select_item with unselect_rest), Ctrl+click toggles one,
 * Shift+click and Shift+arrows select a range from the last row picked,
 * Ctrl+A selects all. :selected and :selected-item name the customer when
 * exactly one is selected, for the actions that work on one.
 */
#pragma once

#include <gtk/gtk.h>

#include "dg-core.h"

G_BEGIN_DECLS

#define DG_TYPE_CUSTOMER_SELECTION (dg_customer_selection_get_type ())

G_DECLARE_FINAL_TYPE (DgCustomerSelection, dg_customer_selection, DG, CUSTOMER_SELECTION, GObject)

DgCustomerSelection *dg_customer_selection_new               (DgCustomerList      *list);
DgCustomerList      *dg_customer_selection_get_list          (DgCustomerSelection *self);
/* The position of the one selected customer; GTK_INVALID_LIST_POSITION
 * when none or several are selected. */
guint                dg_customer_selection_get_selected      (DgCustomerSelection *self);
/* Selects @position alone; GTK_INVALID_LIST_POSITION or a position past
 * the end selects nothing. */
void                 dg_customer_selection_set_selected      (DgCustomerSelection *self,
                                                              guint                position);
/* The one selected customer, or NULL when none or several are; owned by
 * @self. */
DgCustomer          *dg_customer_selection_get_selected_item (DgCustomerSelection *self);
/* The id of the one selected customer, or 0 when none or several are. */
gint64               dg_customer_selection_get_selected_id   (DgCustomerSelection *self);
/* Selects the customer with @id alone; FALSE, with the selection
 * unchanged, when that customer is not in the list. */
gboolean             dg_customer_selection_select_id         (DgCustomerSelection *self,
                                                              gint64               id);
/* How many customers are selected (:n-selected), without building a row. */
guint                dg_customer_selection_get_n_selected    (DgCustomerSelection *self);
/* The ids (gint64) of the selected customers, in the list's order,
 * without building a row. */
GArray              *dg_customer_selection_get_selected_ids  (DgCustomerSelection *self);

G_END_DECLS
