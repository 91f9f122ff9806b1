/* dg-customer-list.h
 *
 * The customers that match a DgCustomerQuery (search text, tag, source,
 * no contact for some days, a journey's stage or cohort, archive filter,
 * sort), as a DgIdList of DgCustomer: it holds only their ids in the order
 * SQL returns, builds customer objects for the rows asked for, keeps the
 * objects in use up to date, and follows the customers table, and the
 * enrollments while a journey filters it (customers moving between
 * stages come and go).
 * See dg-id-list.h for how it changes, starts partial and reports errors;
 * the dg_customer_list_ functions that are not about the query are the
 * same as the dg_id_list_ ones.
 *
 * Setting the same query again is not a change: call
 * dg_customer_list_reload() to retry.
 */
#pragma once

#include "dg-clock.h"
#include "dg-customers.h"
#include "dg-id-list.h"

G_BEGIN_DECLS

#define DG_TYPE_CUSTOMER_LIST (dg_customer_list_get_type ())

G_DECLARE_FINAL_TYPE (DgCustomerList, dg_customer_list, DG, CUSTOMER_LIST, DgIdList)

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
/* Only customers from this source; NULL for all. */
const char     *dg_customer_list_get_source   (DgCustomerList        *self);
void            dg_customer_list_set_source   (DgCustomerList        *self,
                                               const char            *source);
/* Only customers with no contact for this many days; 0 for all. */
guint           dg_customer_list_get_no_contact_days (DgCustomerList *self);
void            dg_customer_list_set_no_contact_days (DgCustomerList *self,
                                                      guint           days);
/* Only customers in journey @journey_id (0 for all), in its stage
 * @stage_id and cohort @cohort_id when above 0, with an enrollment of
 * @status: see DgCustomerQuery. */
void            dg_customer_list_get_journey_filter (DgCustomerList     *self,
                                                     gint64             *journey_id,
                                                     gint64             *stage_id,
                                                     gint64             *cohort_id,
                                                     DgEnrollmentStatus *status);
void            dg_customer_list_set_journey_filter (DgCustomerList     *self,
                                                     gint64              journey_id,
                                                     gint64              stage_id,
                                                     gint64              cohort_id,
                                                     DgEnrollmentStatus  status);
/* The clock the days count back from, read each time the query runs (the
 * query's own :now is not used); NULL, the default, for the system time.
 * Re-running when the time moves on is the caller's to ask (reload). */
void            dg_customer_list_set_clock    (DgCustomerList        *self,
                                               DgClock               *clock);
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
