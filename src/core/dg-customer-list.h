/* dg-customer-list.h
 *
 * A GListModel of DgCustomer that scales to a million rows: it holds only the
 * ordered ids that SQL returns for its query, and builds customer objects
 * for the positions asked for, a page at a time, keeping a few pages cached.
 * Changing the query, or a change to the customers table, re-runs the id
 * query and emits one items-changed for the one stretch of rows that
 * differs (none when nothing did), then notifies :n-items if the count
 * changed.
 *
 * As long as anything holds the object of a row (a view shows it, a
 * selection keeps it), the list hands out that same object for that
 * customer. After a change to the data, each of those objects is read
 * again and the new values are set on it, so only the properties that
 * changed notify: a view bound to them repaints a row that kept its place
 * without any items-changed, wherever the row is and whatever was asked
 * for since.
 *
 * A list for a screen that must show quickly can start partial: it reads
 * only the first rows of its query, and dg_customer_list_load_rest() reads
 * all of them in a worker thread, on a connection of its own, then shows
 * them as one items-changed after the rows already there and sets
 * :complete. Until then a change re-reads the first rows only, and starts
 * the worker again; a worker that fails sets :error and the next change
 * tries again.
 *
 * A query that fails keeps the rows shown before and sets :error (read it
 * with dg_customer_list_get_error()); the next query that succeeds clears
 * it. Setting the same query again is not a change: call
 * dg_customer_list_reload() to retry.
 */
#pragma once

#include "dg-customers.h"

G_BEGIN_DECLS

#define DG_TYPE_CUSTOMER_LIST (dg_customer_list_get_type ())

G_DECLARE_FINAL_TYPE (DgCustomerList, dg_customer_list, DG, CUSTOMER_LIST, GObject)

DgCustomerList *dg_customer_list_new          (DgDatabase            *db);
/* Holds only the first @n_rows customers that match @query (every one when
 * fewer match) until dg_customer_list_load_rest() or _reload(). */
DgCustomerList *dg_customer_list_new_partial  (DgDatabase            *db,
                                               const DgCustomerQuery *query,
                                               guint                  n_rows);
DgDatabase     *dg_customer_list_get_database (DgCustomerList        *self);
void            dg_customer_list_set_query    (DgCustomerList        *self,
                                               const DgCustomerQuery *query);
/* Fills @query with the current one; its strings belong to @self. */
void            dg_customer_list_get_query    (DgCustomerList        *self,
                                               DgCustomerQuery       *query);
const char     *dg_customer_list_get_text     (DgCustomerList        *self);
void            dg_customer_list_set_text     (DgCustomerList        *self,
                                               const char            *text);
/* Only customers with this tag; NULL for all. */
const char     *dg_customer_list_get_tag      (DgCustomerList        *self);
void            dg_customer_list_set_tag      (DgCustomerList        *self,
                                               const char            *tag);
void            dg_customer_list_set_sort     (DgCustomerList        *self,
                                               DgCustomerSort         sort,
                                               gboolean               descending);
void            dg_customer_list_set_archived (DgCustomerList        *self,
                                               DgArchivedFilter       archived);
/* Re-runs the id query now, for every row of a partial list too. */
void            dg_customer_list_reload       (DgCustomerList        *self);
/* Whether the list holds every row of its query (:complete). */
gboolean        dg_customer_list_is_complete  (DgCustomerList        *self);
/* Starts reading every row of a partial list in a worker thread, and again
 * after each change until it has them; no-op when complete. */
void            dg_customer_list_load_rest    (DgCustomerList        *self);
/* Calls off dg_customer_list_load_rest(): the list stays partial. A view
 * that lets go of a list calls it, so the worker does not keep the list. */
void            dg_customer_list_cancel_load  (DgCustomerList        *self);
/* Whether that worker is reading. */
gboolean        dg_customer_list_is_loading   (DgCustomerList        *self);
/* Position of the customer with @id, or G_MAXUINT. */
guint           dg_customer_list_find         (DgCustomerList        *self,
                                               gint64                 id);
/* The customer id at @position without building its row; 0 past the end. */
gint64          dg_customer_list_get_id       (DgCustomerList        *self,
                                               guint                  position);
/* Only while items-changed is emitted: TRUE when the change is one row
 * that moved from @from to @to (positions before and after) while every
 * other row kept its order, so a view can move that row alone. */
gboolean        dg_customer_list_get_move     (DgCustomerList        *self,
                                               guint                 *from,
                                               guint                 *to);
/* Why the last query failed, or NULL after one that succeeded. */
const GError   *dg_customer_list_get_error    (DgCustomerList        *self);
/* How many row objects were built so far, for tests of the page cache. */
guint           dg_customer_list_get_n_built  (DgCustomerList        *self);

G_END_DECLS
