/* dg-customer-selection.h
 *
 * The selection of the customer list: a DgIdSelection (see
 * dg-id-selection.h) over a DgCustomerList, with its row typed as the
 * customer it is.
 */
#pragma once

#include "dg-id-selection.h"

G_BEGIN_DECLS

#define DG_TYPE_CUSTOMER_SELECTION (dg_customer_selection_get_type ())

G_DECLARE_FINAL_TYPE (DgCustomerSelection, dg_customer_selection, DG, CUSTOMER_SELECTION, DgIdSelection)

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
