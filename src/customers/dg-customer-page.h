/* dg-customer-page.h
 *
 * Everything known about one customer: contact details, tags, note,
 * consent and dates, the follow-ups still open and the contact log, newest
 * first, with a form to log a contact. It shows what is in the database
 * and reloads when the customer, its contacts or its follow-ups change
 * there. The Customers view owns the toolbar's actions (customers.*); the
 * page owns those of its follow-ups and contacts (history.*).
 */
#pragma once

#include <gtk/gtk.h>

#include "dg-core.h"

G_BEGIN_DECLS

#define DG_TYPE_CUSTOMER_PAGE (dg_customer_page_get_type ())

G_DECLARE_FINAL_TYPE (DgCustomerPage, dg_customer_page, DG, CUSTOMER_PAGE, GtkWidget)

DgContext  *dg_customer_page_get_context  (DgCustomerPage  *self);
void        dg_customer_page_set_context  (DgCustomerPage  *self,
                                           DgContext       *context);
/* The customer shown, as last read from the database; NULL when none, or
 * when it was deleted. */
DgCustomer *dg_customer_page_get_customer (DgCustomerPage  *self);
/* Reads the customer with @id and shows it; FALSE (and nothing shown)
 * when it cannot be read. */
gboolean    dg_customer_page_load         (DgCustomerPage  *self,
                                           gint64           id,
                                           GError         **error);
void        dg_customer_page_clear        (DgCustomerPage  *self);

G_END_DECLS
