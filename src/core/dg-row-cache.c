/* dg-row-cache.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-live-rows-private.h"
#include "dg-row-cache-private.h"

/* A screen of rows fits in one or two pages; a few more keep scrolling back
 * and forth, and the focus row far away, from rebuilding them. */
#define PAGE_SIZE 64
#define MAX_PAGES 8

typedef struct
{
  guint     index;
  guint     n_items;
  GObject **items;
} Page;

struct _DgRowCache
{
  DgIdList   *list;
  /* Most recently used first. */
  GQueue      pages;
  guint       n_built;
  /* A view keeps the objects of the rows it shows and asks again only for
   * rows that items-changed covers, so the list hands out the same object
   * for an id as long as one lives, and copies changed data into it: its
   * notify signals repaint the view's cells. */
  DgLiveRows *live;
};

/* Rows that are no longer stored are NULL in what build_rows returns. */
static void
unref_row (gpointer row)
{
  if (row != NULL)
    g_object_unref (row);
}

static void
page_free (Page *page)
{
  for (guint i = 0; i < page->n_items; i++)
    g_clear_object (&page->items[i]);
  g_free (page->items);
  g_free (page);
}

DgRowCache *
dg_row_cache_new (DgIdList *list)
{
  DgRowCache *self = g_new0 (DgRowCache, 1);

  self->list = list;
  g_queue_init (&self->pages);
  self->live = dg_live_rows_new ();

  return self;
}

void
dg_row_cache_free (DgRowCache *self)
{
  if (self == NULL)
    return;

  dg_row_cache_drop_pages (self);
  /* The objects a view still holds outlive the list. */
  dg_live_rows_free (self->live);
  g_free (self);
}

void
dg_row_cache_drop_pages (DgRowCache *self)
{
  g_queue_clear_full (&self->pages, (GDestroyNotify) page_free);
}

guint
dg_row_cache_get_n_built (DgRowCache *self)
{
  return self->n_built;
}

/* Fills @items with the rows of @ids: the live object of a row where there
 * is one, else a new one, followed from then on. */
static void
build_rows (DgRowCache    *self,
            const gint64  *ids,
            guint          n_ids,
            GObject      **items,
            GError       **error)
{
  DgIdListClass *klass = DG_ID_LIST_GET_CLASS (self->list);
  g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) built = NULL;
  guint next = 0;

  for (guint i = 0; i < n_ids; i++)
    {
      GObject *row = dg_live_rows_lookup (self->live, ids[i]);

      items[i] = row != NULL ? g_object_ref (row) : NULL;
      if (row == NULL)
        g_array_append_val (missing, ids[i]);
    }

  if (missing->len == 0)
    return;

  built = klass->build_rows (self->list, (const gint64 *) (gpointer) missing->data, missing->len, error);
  self->n_built += missing->len;
  if (built != NULL)
    g_ptr_array_set_free_func (built, unref_row);
  if (built != NULL && built->len != missing->len)
    {
      g_critical ("%s built %u rows for %u ids", G_OBJECT_TYPE_NAME (self->list), built->len, missing->len);
      g_clear_pointer (&built, g_ptr_array_unref);
    }

  for (guint i = 0; i < n_ids; i++)
    {
      GObject *row;

      if (items[i] != NULL)
        continue;

      row = built != NULL ? g_steal_pointer (&g_ptr_array_index (built, next)) : NULL;
      next++;
      if (row == NULL)
        row = klass->new_placeholder (self->list, ids[i]);

      dg_live_rows_add (self->live, ids[i], row);
      items[i] = row;
    }
}

static Page *
lookup_page (DgRowCache    *self,
             const GArray  *ids,
             guint          index,
             GError       **error)
{
  Page *page;

  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      page = l->data;

      if (page->index == index)
        {
          if (l != self->pages.head)
            {
              g_queue_unlink (&self->pages, l);
              g_queue_push_head_link (&self->pages, l);
            }
          return page;
        }
    }

  page = g_new0 (Page, 1);
  page->index = index;
  page->n_items = MIN (PAGE_SIZE, ids->len - index * PAGE_SIZE);
  page->items = g_new0 (GObject *, page->n_items);

  build_rows (self, &g_array_index (ids, gint64, index * PAGE_SIZE), page->n_items, page->items, error);

  g_queue_push_head (&self->pages, page);
  while (self->pages.length > MAX_PAGES)
    page_free (g_queue_pop_tail (&self->pages));

  return page;
}

GObject *
dg_row_cache_get (DgRowCache    *self,
                  const GArray  *ids,
                  guint          position,
                  GError       **error)
{
  Page *page;

  g_return_val_if_fail (position < ids->len, NULL);

  page = lookup_page (self, ids, position / PAGE_SIZE, error);

  return g_object_ref (page->items[position % PAGE_SIZE]);
}

GHashTable *
dg_row_cache_reload (DgRowCache  *self,
                     GError     **error)
{
  DgIdListClass *klass = DG_ID_LIST_GET_CLASS (self->list);
  g_autoptr(GArray) ids = dg_live_rows_get_ids (self->live);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  GHashTable *stale = NULL;

  if (ids->len == 0)
    return NULL;

  /* Setters run signal handlers, which may drop the last reference to
   * another row; go through references held here. */
  rows = g_ptr_array_new_full (ids->len, g_object_unref);
  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (rows, g_object_ref (dg_live_rows_lookup (self->live, g_array_index (ids, gint64, i))));

  fresh = klass->build_rows (self->list, (const gint64 *) (gpointer) ids->data, ids->len, error);
  if (fresh == NULL)
    return NULL;
  g_ptr_array_set_free_func (fresh, unref_row);
  if (fresh->len != ids->len)
    {
      g_critical ("%s built %u rows for %u ids", G_OBJECT_TYPE_NAME (self->list), fresh->len, ids->len);
      return NULL;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      GObject *row = g_ptr_array_index (rows, i);
      GObject *fresh_row = g_ptr_array_index (fresh, i);

      if (fresh_row == NULL || dg_live_rows_lookup (self->live, id) != row)
        continue;

      if (klass->update_row (self->list, row, fresh_row))
        continue;

      dg_live_rows_forget (self->live, id);
      if (stale == NULL)
        stale = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_hash_table_add (stale, g_memdup2 (&id, sizeof id));
    }

  return stale;
}
