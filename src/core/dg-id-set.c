/* dg-id-set.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-id-set.h"

/* Where a pointer holds an id, the id is the key itself; elsewhere each
 * key is a gint64 of its own. */
#if GLIB_SIZEOF_VOID_P >= 8
#define PACKED_KEYS 1
#else
#define PACKED_KEYS 0
#endif

struct _DgIdSet
{
  GHashTable *table;
};

static inline gconstpointer
key_of (const gint64 *id)
{
#if PACKED_KEYS
  return GSIZE_TO_POINTER ((gsize) *id);
#else
  return id;
#endif
}

static inline gint64
id_of (gconstpointer key)
{
#if PACKED_KEYS
  return (gint64) GPOINTER_TO_SIZE (key);
#else
  return *(const gint64 *) key;
#endif
}

static GHashTable *
new_table (void)
{
#if PACKED_KEYS
  return g_hash_table_new (g_direct_hash, g_direct_equal);
#else
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
#endif
}

DgIdSet *
dg_id_set_new (void)
{
  DgIdSet *self = g_new0 (DgIdSet, 1);

  self->table = new_table ();

  return self;
}

void
dg_id_set_free (DgIdSet *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->table);
  g_free (self);
}

guint
dg_id_set_size (DgIdSet *self)
{
  return g_hash_table_size (self->table);
}

gboolean
dg_id_set_contains (DgIdSet *self,
                    gint64   id)
{
  return g_hash_table_contains (self->table, key_of (&id));
}

gboolean
dg_id_set_add (DgIdSet *self,
               gint64   id)
{
  if (dg_id_set_contains (self, id))
    return FALSE;

#if PACKED_KEYS
  g_hash_table_add (self->table, (gpointer) key_of (&id));
#else
  g_hash_table_add (self->table, g_memdup2 (&id, sizeof id));
#endif

  return TRUE;
}

gboolean
dg_id_set_remove (DgIdSet *self,
                  gint64   id)
{
  return g_hash_table_remove (self->table, key_of (&id));
}

void
dg_id_set_clear (DgIdSet *self)
{
  g_hash_table_remove_all (self->table);
}

gboolean
dg_id_set_retain (DgIdSet      *self,
                  const gint64 *ids,
                  guint         n_ids)
{
  GHashTable *kept;
  guint n_found = 0;

  if (dg_id_set_size (self) == 0)
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    if (dg_id_set_contains (self, ids[i]))
      n_found++;

  if (n_found == dg_id_set_size (self))
    return FALSE;

  kept = new_table ();
  for (guint i = 0; i < n_ids; i++)
    {
      if (!dg_id_set_contains (self, ids[i]))
        continue;
#if PACKED_KEYS
      g_hash_table_add (kept, (gpointer) key_of (&ids[i]));
#else
      g_hash_table_add (kept, g_memdup2 (&ids[i], sizeof ids[i]));
#endif
    }

  g_hash_table_unref (self->table);
  self->table = kept;

  return TRUE;
}

GArray *
dg_id_set_to_array (DgIdSet *self)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), dg_id_set_size (self));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 id = id_of (key);

      g_array_append_val (ids, id);
    }

  return ids;
}
