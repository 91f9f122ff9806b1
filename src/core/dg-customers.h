/* dg-customers.h
 *
 * Storing, finding and changing customers. Every function is one short
 * transaction on the database; a function that fails has written nothing.
 */
#pragma once

#include "dg-customer.h"
#include "dg-database.h"
#include "dg-journey.h"

G_BEGIN_DECLS

typedef enum
{
  DG_CUSTOMER_SORT_NAME,
  DG_CUSTOMER_SORT_PHONE,
  DG_CUSTOMER_SORT_EMAIL,
  DG_CUSTOMER_SORT_TAGS,
  DG_CUSTOMER_SORT_CREATED,
  /* Never contacted first when ascending. */
  DG_CUSTOMER_SORT_LAST_CONTACT,
} DgCustomerSort;

typedef enum
{
  DG_ARCHIVED_EXCLUDE,
  DG_ARCHIVED_ONLY,
  DG_ARCHIVED_INCLUDE,
} DgArchivedFilter;

typedef struct
{
  /* Search text; NULL or blank matches everyone. */
  const char       *text;
  /* Only customers with this tag, when not NULL. */
  const char       *tag;
  DgArchivedFilter  archived;
  DgCustomerSort    sort;
  gboolean          descending;
  /* At most this many ids from dg_customers_search_ids(); 0 for all. */
  guint             limit;
  /* Only customers who found the business through this source (the same
   * text, ignoring case), when not NULL. */
  const char       *source;
  /* When above 0: only customers with no contact logged in the last this
   * many days before @now (never contacted: added before then), which is
   * what "going cold" means on the Today page. */
  guint             no_contact_days;
  /* The instant @no_contact_days counts back from; NULL for the system
   * time. */
  GDateTime        *now;
  /* When above 0: only customers with an enrollment of status
   * @journey_status (active when left at 0) in this journey, narrowed to
   * those in stage @stage_id and in cohort @cohort_id when these are
   * above 0 (read only with a journey). A completed or dropped
   * enrollment stays in the stage where it ended. */
  gint64            journey_id;
  gint64            stage_id;
  gint64            cohort_id;
  DgEnrollmentStatus journey_status;
} DgCustomerQuery;

/* Validates, then inserts. Sets the id, and the uuid and created/updated
 * times when they are unset (a customer restored by undo keeps its own). */
gboolean    dg_customers_insert       (DgDatabase       *db,
                                       DgCustomer       *customer,
                                       GError          **error);
/* Validates, then writes every field and the tags; bumps updated_at. */
gboolean    dg_customers_update       (DgDatabase       *db,
                                       DgCustomer       *customer,
                                       GError          **error);
gboolean    dg_customers_set_archived (DgDatabase       *db,
                                       gint64            id,
                                       gboolean          archived,
                                       GError          **error);
/* Deletes the customer and everything that belongs to it. */
gboolean    dg_customers_delete       (DgDatabase       *db,
                                       gint64            id,
                                       GError          **error);
DgCustomer *dg_customers_get          (DgDatabase       *db,
                                       gint64            id,
                                       GError          **error);
DgCustomer *dg_customers_get_by_uuid  (DgDatabase       *db,
                                       const char       *uuid,
                                       GError          **error);

gboolean    dg_customers_add_tag      (DgDatabase       *db,
                                       gint64            id,
                                       const char       *tag,
                                       GError          **error);
gboolean    dg_customers_remove_tag   (DgDatabase       *db,
                                       gint64            id,
                                       const char       *tag,
                                       GError          **error);
/* Every tag name in use, sorted. */
char      **dg_tags_list              (DgDatabase       *db,
                                       GError          **error);
/* Every source in use (how customers found the business), sorted, each
 * once whatever its case. */
char      **dg_customers_list_sources (DgDatabase       *db,
                                       GError          **error);

/* The ids of the customers matching @query, in its order (gint64 each). */
GArray     *dg_customers_search_ids   (DgDatabase            *db,
                                       const DgCustomerQuery *query,
                                       GError               **error);
/* The same, read in a worker thread on a read-only connection of its own
 * (see dg_database_open_reader()), so a long read does not hold up the
 * thread that asks. @callback runs in the thread-default main context of
 * the caller; nothing of @db is used in the worker but its path. */
void        dg_customers_search_ids_async  (DgDatabase            *db,
                                            const DgCustomerQuery *query,
                                            GCancellable          *cancellable,
                                            GAsyncReadyCallback    callback,
                                            gpointer               user_data);
GArray     *dg_customers_search_ids_finish (GAsyncResult          *result,
                                            GError               **error);
/* How many customers match @query; -1 on error. */
gint64      dg_customers_count        (DgDatabase            *db,
                                       const DgCustomerQuery *query,
                                       GError               **error);

G_END_DECLS
