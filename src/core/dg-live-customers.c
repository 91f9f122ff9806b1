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

static gboolean
same_value (GParamSpec   *pspec,
            const GValue *a,
            const GValue *b)
{
  if (G_VALUE_HOLDS (a, G_TYPE_DATE_TIME))
    {
      GDateTime *x = g_value_get_boxed (a);
      GDateTime *y = g_value_get_boxed (b);

      return x == NULL || y == NULL ? x == y : g_date_time_equal (x, y);
    }

  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    {
      const char * const *x = g_value_get_boxed (a);
      const char * const *y = g_value_get_boxed (b);

      return x == NULL || y == NULL ? x == y : g_strv_equal (x, y);
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

/* Copies into @live what differs in @fresh, the same customer as stored
 * now, through its setters, so that only the fields that changed notify.
 * Returns whether @live now reads the same as @fresh in every property;
 * a field with no setter leaves it behind. */
static gboolean
update_customer (DgCustomer *live,
                 DgCustomer *fresh)
{
  g_autofree GParamSpec **pspecs = NULL;
  gboolean same = TRUE;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (fresh), &n_pspecs);

  g_object_freeze_notify (G_OBJECT (live));

  /* Consent comes with the time it was given, which has no setter of its
   * own; the property alone would record the time of this copy. */
  dg_customer_set_marketing_consent (live,
                                     dg_customer_get_marketing_consent (fresh),
                                     dg_customer_get_consent_at (fresh));

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) old_value = G_VALUE_INIT;
      g_auto(GValue) new_value = G_VALUE_INIT;

      if ((pspec->flags & G_PARAM_READABLE) == 0)
        continue;

      g_value_init (&old_value, pspec->value_type);
      g_value_init (&new_value, pspec->value_type);
      g_object_get_property (G_OBJECT (live), pspec->name, &old_value);
      g_object_get_property (G_OBJECT (fresh), pspec->name, &new_value);

      if (same_value (pspec, &old_value, &new_value))
        continue;

      if ((pspec->flags & G_PARAM_WRITABLE) != 0 &&
          (pspec->flags & G_PARAM_CONSTRUCT_ONLY) == 0 &&
          g_strcmp0 (pspec->name, "marketing-consent") != 0)
        {
          g_object_set_property (G_OBJECT (live), pspec->name, &new_value);
          g_value_unset (&old_value);
          g_value_init (&old_value, pspec->value_type);
          g_object_get_property (G_OBJECT (live), pspec->name, &old_value);

          if (same_value (pspec, &old_value, &new_value))
            continue;
        }

      same = FALSE;
    }

  g_object_thaw_notify (G_OBJECT (live));

  return same;
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

      if (update_customer (customer, fresh))
        continue;

      forget (self, live);
      if (stale == NULL)
        stale = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_hash_table_add (stale, g_memdup2 (&id, sizeof id));
    }

  return stale;
}
