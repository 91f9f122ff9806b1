/* dg-customer-snapshot.h
 *
 * Everything that goes when a customer is deleted, kept so that Undo can
 * bring it all back: the customer's row, its tags, its search entry, its
 * contact log and its follow-ups (with their status and reminder state),
 * copied as stored.
 *
 * Which rows those are comes from the table catalogue: every row a delete
 * cascades to, in every table, and the rows they refer to that stay (tags).
 *
 * Take the snapshot just before dg_customers_delete(); restoring writes the
 * rows back in one transaction with the same uuids, and the same ids where
 * they are still free (a record whose id was taken meanwhile gets a new
 * one, and every foreign key that refers to it follows). A restore that
 * fails, for instance because a record with one of the uuids exists again,
 * writes nothing.
 *
 * One snapshot can hold many customers (dg_customers_take_snapshots()): they
 * are read in one transaction and come back in one, all or none.
 */
#pragma once

#include "dg-customer.h"
#include "dg-database.h"

G_BEGIN_DECLS

typedef struct _DgCustomerSnapshot DgCustomerSnapshot;

/* Reads everything of customer @id in one transaction; NULL with
 * DG_ERROR_NOT_FOUND when there is no such customer. */
DgCustomerSnapshot *dg_customers_take_snapshot              (DgDatabase          *db,
                                                             gint64               id,
                                                             GError             **error);
/* The same for each of the @n_ids customers @ids, in one transaction;
 * NULL with DG_ERROR_NOT_FOUND when one of them does not exist. */
DgCustomerSnapshot *dg_customers_take_snapshots             (DgDatabase          *db,
                                                             const gint64        *ids,
                                                             guint                n_ids,
                                                             GError             **error);
/* The same for another record, row @id of catalogue table @table (a
 * journey): the row, every row its delete cascades to, and the rows those
 * refer to. Restoring fails, writing nothing, when one of those it refers
 * to (a customer) is gone meanwhile. @name names it in messages.
 * NULL with DG_ERROR_NOT_FOUND when there is no such row. */
DgCustomerSnapshot *dg_snapshot_take_record                 (DgDatabase          *db,
                                                             const char          *table,
                                                             gint64               id,
                                                             const char          *name,
                                                             GError             **error);
/* Writes the customers and everything that was theirs back. On success the
 * snapshot's customer holds the id it has now. Emits ::changed for each
 * table written, after the commit. */
gboolean            dg_customer_snapshot_restore            (DgDatabase          *db,
                                                             DgCustomerSnapshot  *snapshot,
                                                             GError             **error);
/* Puts the rows of @snapshot back over those stored now under the same
 * ids and uuids: those are deleted (with every row their delete cascades
 * to), then the snapshot is restored, in one transaction. What the Undo
 * of a change that rewrote rows rather than deleting them needs: folding
 * a stage into another (dg_stages_delete()) moved its customers and
 * rewrote their history. */
gboolean            dg_snapshot_replace                     (DgDatabase          *db,
                                                             DgCustomerSnapshot  *snapshot,
                                                             GError             **error);
/* The (first) customer as it was read (name, tags, last contact…). */
DgCustomer         *dg_customer_snapshot_get_customer       (DgCustomerSnapshot  *snapshot);
guint               dg_customer_snapshot_get_n_customers    (DgCustomerSnapshot  *snapshot);
/* The @i-th customer, in the order of the ids asked for. */
DgCustomer         *dg_customer_snapshot_get_nth_customer   (DgCustomerSnapshot  *snapshot,
                                                             guint                i);
/* Of all its customers together. */
guint               dg_customer_snapshot_get_n_interactions (DgCustomerSnapshot  *snapshot);
guint               dg_customer_snapshot_get_n_followups    (DgCustomerSnapshot  *snapshot);
void                dg_customer_snapshot_free               (DgCustomerSnapshot  *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgCustomerSnapshot, dg_customer_snapshot_free)

G_END_DECLS
