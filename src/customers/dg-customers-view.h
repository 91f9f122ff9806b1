/* dg-customers-view.h
 *
 * The Customers page of the window: search, the archive filter and a
 * column view over the customer list, sorted and filtered in SQL, with the
 * page of one customer beside it. Its actions (customers.new, .search,
 * .open, .edit, .archive, .delete, .back) work on the customer shown, or
 * the one selected in the list. Several customers can be selected
 * (customers.select-all, .select-none); a bar then offers what can be
 * done to all of them (the customers.bulk-* actions). In a narrow window
 * the table becomes a list of two-line rows, the name over the phone
 * number and organization, on the same selection.
 *
 * The list can be filtered by a tag, a source and "no contact for N days",
 * together with the search text: the :filter-tag, :filter-source and
 * :no-contact-days properties, set by the stateful actions
 * customers.filter-tag(s), customers.filter-source(s) and
 * customers.filter-no-contact(u) ("" or 0 clears one) and cleared by
 * customers.clear-filters. customers.show-tagged(s) shows the list of the
 * customers with a tag alone, as clicking a tag does.
 *
 * It can also be filtered by journey: :filter-journey, set by the
 * stateful action customers.filter-journey(s), holds
 * "JOURNEY:STAGE:COHORT:STATUS" (ids, 0 for any stage or cohort; active,
 * completed or dropped), "" for none; the Filter menu's Journey submenu
 * sets it. The list follows customers as they move between stages.
 */
#pragma once

#include <gtk/gtk.h>

#include "dg-core.h"
#include "dg-customer-page.h"
#include "dg-page.h"

G_BEGIN_DECLS

#define DG_TYPE_CUSTOMERS_VIEW (dg_customers_view_get_type ())

G_DECLARE_FINAL_TYPE (DgCustomersView, dg_customers_view, DG, CUSTOMERS_VIEW, GtkWidget)

DgContext      *dg_customers_view_get_context (DgCustomersView *self);
void            dg_customers_view_set_context (DgCustomersView *self,
                                               DgContext       *context);
/* The list the column view shows; NULL until a context is set. */
DgCustomerList *dg_customers_view_get_list    (DgCustomersView *self);
/* Whether the list shows two-line rows, the window being narrow. */
gboolean        dg_customers_view_get_narrow  (DgCustomersView *self);
/* The page of one customer, made the first time it is asked for. */
DgCustomerPage *dg_customers_view_get_customer_page (DgCustomersView *self);
/* Shows the list of the customers active in journey @journey_id, in its
 * stage @stage_id and cohort @cohort_id when above 0, alone: the search
 * and the other filters go. */
void            dg_customers_view_show_journey (DgCustomersView *self,
                                                gint64           journey_id,
                                                gint64           stage_id,
                                                gint64           cohort_id);
/* The ids (gint64) of the selected customers, in the list's order. */
GArray         *dg_customers_view_dup_selected_ids (DgCustomersView *self);
/* Shows the page of the customer with @id. */
gboolean        dg_customers_view_open        (DgCustomersView *self,
                                               gint64           id,
                                               GError         **error);

G_END_DECLS
