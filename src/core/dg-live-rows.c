/* dg-live-rows.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-live-rows-private.h"
#include "dg-record-private.h"

struct _DgLiveRows
{
  /* gint64 id → LiveRow */
  GHashTable *table;
};

typedef struct
{
  gint64      id;
  GObject    *row;
  DgLiveRows *owner;
} LiveRow;

static void
on_row_finalized_cb (gpointer  data,
                     GObject  *where_the_object_was)
{
  LiveRow *live = data;

  /* Frees @live. */
  g_hash_table_remove (live->owner->table, &live->id);
}

gboolean
dg_live_rows_copy_properties (GObject *row,
                              GObject *fresh)
{
  g_autofree GParamSpec **pspecs = NULL;
  gboolean same = TRUE;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (fresh), &n_pspecs);

  g_object_freeze_notify (row);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) old_value = G_VALUE_INIT;
      g_auto(GValue) new_value = G_VALUE_INIT;

      if ((pspec->flags & G_PARAM_READABLE) == 0)
        continue;

      g_value_init (&old_value, pspec->value_type);
      g_value_init (&new_value, pspec->value_type);
      g_object_get_property (row, pspec->name, &old_value);
      g_object_get_property (fresh, pspec->name, &new_value);

      if (dg_record_same_value (pspec, &old_value, &new_value))
        continue;

      if ((pspec->flags & G_PARAM_WRITABLE) != 0 &&
          (pspec->flags & G_PARAM_CONSTRUCT_ONLY) == 0)
        {
          g_object_set_property (row, pspec->name, &new_value);
          g_value_unset (&old_value);
          g_value_init (&old_value, pspec->value_type);
          g_object_get_property (row, pspec->name, &old_value);

          if (dg_record_same_value (pspec, &old_value, &new_value))
            continue;
        }

      same = FALSE;
    }

  g_object_thaw_notify (row);

  return same;
}

DgLiveRows *
dg_live_rows_new (void)
{
  DgLiveRows *self = g_new0 (DgLiveRows, 1);

  self->table = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);

  return self;
}

void
dg_live_rows_free (DgLiveRows *self)
{
  GHashTableIter iter;
  LiveRow *live;

  if (self == NULL)
    return;

  g_hash_table_iter_init (&iter, self->table);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &live))
    {
      g_object_weak_unref (live->row, on_row_finalized_cb, live);
      g_hash_table_iter_remove (&iter);
    }

  g_hash_table_unref (self->table);
  g_free (self);
}

GObject *
dg_live_rows_lookup (DgLiveRows *self,
                     gint64      id)
{
  LiveRow *live = g_hash_table_lookup (self->table, &id);

  return live != NULL ? live->row : NULL;
}

void
dg_live_rows_add (DgLiveRows *self,
                  gint64      id,
                  GObject    *row)
{
  LiveRow *live;

  g_return_if_fail (dg_live_rows_lookup (self, id) == NULL);

  live = g_new0 (LiveRow, 1);
  live->id = id;
  live->row = row;
  live->owner = self;
  g_object_weak_ref (row, on_row_finalized_cb, live);
  g_hash_table_insert (self->table, &live->id, live);
}

GArray *
dg_live_rows_get_ids (DgLiveRows *self)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), g_hash_table_size (self->table));
  GHashTableIter iter;
  gint64 *id;

  g_hash_table_iter_init (&iter, self->table);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    g_array_append_val (ids, *id);

  return ids;
}

void
dg_live_rows_forget (DgLiveRows *self,
                     gint64      id)
{
  LiveRow *live = g_hash_table_lookup (self->table, &id);

  if (live == NULL)
    return;

  g_object_weak_unref (live->row, on_row_finalized_cb, live);
  g_hash_table_remove (self->table, &id);
}
