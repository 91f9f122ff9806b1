/* dg-live-customers.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-error.h"
#include "dg-live-customers-private.h"

struct _DgLiveCustomers
{
  /* gint64 id → LiveCustomer */
  GHashTable *table;
};

typedef struct
{
  gint64           id;
  DgCustomer      *customer;
  DgLiveCustomers *owner;
} LiveCustomer;

static void
on_customer_finalized_cb (gpointer  data,
                          GObject  *where_the_object_was)
{
  LiveCustomer *live = data;

  /* Frees @live. */
  g_hash_table_remove (live->owner->table, &live->id);
}

/* Stops following @live's object and frees @live. */
static void
forget (DgLiveCustomers *self,
        LiveCustomer    *live)
{
  g_object_weak_unref (G_OBJECT (live->customer), on_customer_finalized_cb, live);
  g_hash_table_remove (self->table, &live->id);
}

DgLiveCustomers *
dg_live_customers_new (void)
{
  DgLiveCustomers *self = g_new0 (DgLiveCustomers, 1);

  self->table = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);

  return self;
}

void
dg_live_customers_free (DgLiveCustomers *self)
{
  GHashTableIter iter;
  LiveCustomer *live;

  if (self == NULL)
    return;

  g_hash_table_iter_init (&iter, self->table);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &live))
    {
      g_object_weak_unref (G_OBJECT (live->customer), on_customer_finalized_cb, live);
      g_hash_table_iter_remove (&iter);
    }

  g_hash_table_unref (self->table);
  g_free (self);
}

DgCustomer *
dg_live_customers_lookup (DgLiveCustomers *self,
                          gint64           id)
{
  LiveCustomer *live = g_hash_table_lookup (self->table, &id);

  return live != NULL ? live->customer : NULL;
}

void
dg_live_customers_add (DgLiveCustomers *self,
                       DgCustomer      *customer)
{
  LiveCustomer *live = g_new0 (LiveCustomer, 1);

  g_return_if_fail (dg_live_customers_lookup (self, dg_customer_get_id (customer)) == NULL);

  live->id = dg_customer_get_id (customer);
  live->customer = customer;
  live->owner = self;
  g_object_weak_ref (G_OBJECT (customer), on_customer_finalized_cb, live);
  g_hash_table_insert (self->table, &live->id, live);
}

GHashTable *
dg_live_customers_reload (DgLiveCustomers  *self,
                          DgDatabase       *db,
                          GError          **error)
{
  g_autoptr(GPtrArray) customers = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTable *stale = NULL;
  GHashTableIter iter;
  LiveCustomer *live;

  /* Setters run signal handlers, which may drop the last reference to
   * another customer; go through references held here. */
  g_hash_table_iter_init (&iter, self->table);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &live))
    g_ptr_array_add (customers, g_object_ref (live->customer));

  for (guint i = 0; i < customers->len; i++)
    {
      DgCustomer *customer = g_ptr_array_index (customers, i);
      gint64 id = dg_customer_get_id (customer);
      g_autoptr(DgCustomer) fresh = NULL;
      g_autoptr(GError) local_error = NULL;

      live = g_hash_table_lookup (self->table, &id);
      if (live == NULL || live->customer != customer)
        continue;

      fresh = dg_customers_get (db, id, &local_error);
      if (fresh == NULL)
        {
          if (!g_error_matches (local_error, DG_ERROR, DG_ERROR_NOT_FOUND) &&
              error != NULL && *error == NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          continue;
        }

      /* Only the fields that changed notify; a field with no setter
       * leaves the object behind. */
      if (dg_record_update (DG_RECORD (customer), DG_RECORD (fresh)))
        continue;

      forget (self, live);
      if (stale == NULL)
        stale = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_hash_table_add (stale, g_memdup2 (&id, sizeof id));
    }

  return stale;
}
