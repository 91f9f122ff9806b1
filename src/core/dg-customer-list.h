/* dg-customer-list.h
 *
 * A GListModel of DgCustomer that scales to a million rows: it holds only the
 * ordered ids that SQL returns for its query, and builds customer objects
 * for the positions asked for, a page at a time, keeping a few pages cached.
 * Changing the query, or a change to the customers table, re-runs the id
 * query and emits one items-changed.
 */
#pragma once

#include "dg-customers.h"

G_BEGIN_DECLS

#define DG_TYPE_CUSTOMER_LIST (dg_customer_list_get_type ())

G_DECLARE_FINAL_TYPE (DgCustomerList, dg_customer_list, DG, CUSTOMER_LIST, GObject)

DgCustomerList *dg_customer_list_new          (DgDatabase            *db);
DgDatabase     *dg_customer_list_get_database (DgCustomerList        *self);
void            dg_customer_list_set_query    (DgCustomerList        *self,
                                               const DgCustomerQuery *query);
const char     *dg_customer_list_get_text     (DgCustomerList        *self);
void            dg_customer_list_set_text     (DgCustomerList        *self,
                                               const char            *text);
void            dg_customer_list_set_sort     (DgCustomerList        *self,
                                               DgCustomerSort         sort,
                                               gboolean               descending);
void            dg_customer_list_set_archived (DgCustomerList        *self,
                                               DgArchivedFilter       archived);
/* Re-runs the id query now. */
void            dg_customer_list_reload       (DgCustomerList        *self);
/* Position of the customer with @id, or G_MAXUINT. */
guint           dg_customer_list_find         (DgCustomerList        *self,
                                               gint64                 id);

G_END_DECLS
