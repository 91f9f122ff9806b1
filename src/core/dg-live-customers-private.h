/* dg-live-customers-private.h
 *
 * The customer objects a DgCustomerList has handed out and that something
 * still holds (a view showing the row, a selection), by id. The list hands
 * out the same object again while one lives, and after a change to the
 * data reads each one again and copies what changed into it through its
 * setters, so that only the properties that changed notify. The table
 * holds weak references: an object leaves it when its last user lets go.
 */
#pragma once

#include "dg-customers.h"

G_BEGIN_DECLS

typedef struct _DgLiveCustomers DgLiveCustomers;

DgLiveCustomers *dg_live_customers_new    (void);
/* Stops following the objects; whoever holds them keeps them. */
void             dg_live_customers_free   (DgLiveCustomers  *self);
/* The live object of the customer with @id, or NULL; not a new reference. */
DgCustomer      *dg_live_customers_lookup (DgLiveCustomers  *self,
                                           gint64            id);
/* Follows @customer, by its id, until it is finalized. */
void             dg_live_customers_add    (DgLiveCustomers  *self,
                                           DgCustomer       *customer);
/* Reads every live customer again from @db and sets what changed on its
 * object. An object that cannot take a new value (a property without a
 * setter) is no longer followed; returns the ids of those, as a set of
 * gint64, or NULL for none: a view must be told to ask for them again. A
 * customer deleted meanwhile keeps its last values. Sets @error for the
 * first read that failed otherwise, and goes on with the others. */
GHashTable      *dg_live_customers_reload (DgLiveCustomers  *self,
                                           DgDatabase       *db,
                                           GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgLiveCustomers, dg_live_customers_free)

G_END_DECLS
