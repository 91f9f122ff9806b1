/* dg-customer-list.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-catalog.h"
#include "dg-customer-list.h"
#include "dg-error.h"
#include "dg-id-diff-private.h"
#include "dg-live-customers-private.h"

/* A screen of rows fits in one or two pages; a few more keep scrolling back
 * and forth, and the focus row far away, from rebuilding them. */
#define PAGE_SIZE 64
#define MAX_PAGES 8

typedef struct
{
  guint        index;
  guint        n_items;
  DgCustomer **items;
} Page;

struct _DgCustomerList
{
  GObject           parent_instance;

  DgDatabase       *db;
  gulong            changed_handler;

  char             *text;
  char             *tag;
  DgArchivedFilter  archived;
  DgCustomerSort    sort;
  gboolean          descending;

  /* gint64 customer ids in display order. */
  GArray           *ids;
  /* While not 0, @ids holds only the first this many rows of the query. */
  guint             n_partial;
  /* Set while a worker thread reads every id of a partial list. */
  GCancellable     *loading;
  /* The rest of a partial list was asked for: every successful query
   * starts reading it again until a worker brings it. */
  gboolean          rest_wanted;
  /* Most recently used first. */
  GQueue            pages;
  guint             n_built;
  /* A view keeps the objects of the rows it shows and asks again only for
   * rows that items-changed covers, so the list hands out the same object
   * for a customer as long as one lives, and copies changed data into it:
   * its notify signals repaint the view's cells. */
  DgLiveCustomers  *live;

  /* While items-changed is emitted for a change in which one row moved and
   * every other one kept its order: where it was and where it is now. */
  guint             moved_from;
  guint             moved_to;

  GError           *error;
};

static void dg_customer_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DgCustomerList, dg_customer_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, dg_customer_list_model_init))

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_TEXT,
  PROP_TAG,
  PROP_QUERY,
  PROP_COMPLETE,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean set_string (char **field, const char *value);

static void
page_free (Page *page)
{
  for (guint i = 0; i < page->n_items; i++)
    g_clear_object (&page->items[i]);
  g_free (page->items);
  g_free (page);
}

static void
drop_pages (DgCustomerList *self)
{
  g_queue_clear_full (&self->pages, (GDestroyNotify) page_free);
}

/* Replaces the last error; NULL clears it. Takes @error. */
static void
take_error (DgCustomerList *self,
            GError         *error)
{
  if (self->error == NULL && error == NULL)
    return;

  g_clear_error (&self->error);
  self->error = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static DgCustomer *
build_customer (DgCustomerList *self,
                gint64          id)
{
  g_autoptr(GError) error = NULL;
  DgCustomer *customer;

  customer = dg_live_customers_lookup (self->live, id);
  if (customer != NULL)
    return g_object_ref (customer);

  customer = dg_customers_get (self->db, id, &error);
  self->n_built++;

  if (customer != NULL)
    {
      dg_live_customers_add (self->live, customer);
      return customer;
    }

  /* A position below n-items must hold an item, so a row that went missing
   * since the id query (deleted by another process) stands in empty until
   * the next reload drops it. */
  if (!g_error_matches (error, DG_ERROR, DG_ERROR_NOT_FOUND))
    take_error (self, g_steal_pointer (&error));

  customer = dg_customer_new ();
  dg_customer_set_id (customer, id);
  dg_live_customers_add (self->live, customer);

  return customer;
}

static Page *
lookup_page (DgCustomerList *self,
             guint           index)
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
  page->n_items = MIN (PAGE_SIZE, self->ids->len - index * PAGE_SIZE);
  page->items = g_new0 (DgCustomer *, page->n_items);

  for (guint i = 0; i < page->n_items; i++)
    page->items[i] = build_customer (self, g_array_index (self->ids, gint64, index * PAGE_SIZE + i));

  g_queue_push_head (&self->pages, page);
  while (self->pages.length > MAX_PAGES)
    page_free (g_queue_pop_tail (&self->pages));

  return page;
}

static GType
dg_customer_list_get_item_type (GListModel *model)
{
  return DG_TYPE_CUSTOMER;
}

static guint
dg_customer_list_get_n_items (GListModel *model)
{
  DgCustomerList *self = DG_CUSTOMER_LIST (model);

  return self->ids->len;
}

static gpointer
dg_customer_list_get_item (GListModel *model,
                           guint       position)
{
  DgCustomerList *self = DG_CUSTOMER_LIST (model);
  Page *page;

  if (position >= self->ids->len)
    return NULL;

  page = lookup_page (self, position / PAGE_SIZE);

  return g_object_ref (page->items[position % PAGE_SIZE]);
}

static void
dg_customer_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = dg_customer_list_get_item_type;
  iface->get_n_items = dg_customer_list_get_n_items;
  iface->get_item = dg_customer_list_get_item;
}

static GArray *
query_ids (DgCustomerList  *self,
           GError         **error)
{
  DgCustomerQuery query;

  dg_customer_list_get_query (self, &query);
  query.limit = self->n_partial;

  return dg_customers_search_ids (self->db, &query, error);
}

/* Puts @ids (taken) in place of the ids shown and tells, in one
 * items-changed, about the one stretch of rows that differs between them.
 * Rows in @stale (ids whose objects could not be updated in place) count
 * as changed even where they kept their place. */
static void
replace_ids (DgCustomerList *self,
             GArray         *ids,
             GHashTable     *stale)
{
  g_autoptr(GArray) old_ids = g_steal_pointer (&self->ids);
  DgIdDiff diff;

  self->ids = ids;

  if (!dg_id_diff (old_ids, ids, stale, &diff))
    return;

  self->moved_from = diff.moved_from;
  self->moved_to = diff.moved_to;
  g_list_model_items_changed (G_LIST_MODEL (self), diff.position, diff.removed, diff.added);
  self->moved_from = G_MAXUINT;
  self->moved_to = G_MAXUINT;

  if (old_ids->len != ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void start_loading (DgCustomerList *self);

/* Calls off the worker, if one runs; what it read is dropped. */
static void
cancel_loading (DgCustomerList *self)
{
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
}

/* A partial list whose query found fewer rows than it may hold has them
 * all. */
static void
check_complete (DgCustomerList *self)
{
  if (self->n_partial == 0 || self->ids->len >= self->n_partial)
    return;

  self->n_partial = 0;
  cancel_loading (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

/* Re-runs the id query and shows its result (see replace_ids()). When the
 * data may have changed (not only the query), every row object still in
 * use is read again and updated in place first, so rows that keep their
 * place need no signal. A failed query keeps the old rows. */
static gboolean
refresh (DgCustomerList *self,
         gboolean        data_changed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) stale = NULL;
  GArray *ids;

  /* What a worker reads may be from before this change, or for another
   * query: it is read again once this query succeeds. */
  cancel_loading (self);

  ids = query_ids (self, &error);
  if (ids == NULL)
    {
      g_debug ("Customer list query failed: %s", error->message);
      take_error (self, g_steal_pointer (&error));
      return FALSE;
    }

  take_error (self, NULL);

  /* The cache goes either way: the rows it holds may sit elsewhere now.
   * Dropped first, so that only rows a view still holds are read again. */
  drop_pages (self);

  if (data_changed)
    {
      stale = dg_live_customers_reload (self->live, self->db, &error);
      if (error != NULL)
        take_error (self, g_steal_pointer (&error));
    }

  g_object_freeze_notify (G_OBJECT (self));
  replace_ids (self, ids, stale);
  check_complete (self);

  if (self->n_partial != 0 && self->rest_wanted)
    start_loading (self);
  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

/* Called in the main thread, where it drops the reference taken for the
 * read: a list whose last reference went in the worker thread would be
 * finalized there. */
static void
on_ids_loaded_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DgCustomerList) self = user_data;
  g_autoptr(GError) error = NULL;
  GArray *ids;

  ids = dg_customers_search_ids_finish (result, &error);

  /* Cancelled: a newer query or load took its place. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->loading);

  if (ids == NULL)
    {
      g_debug ("Customer list load failed: %s", error->message);
      take_error (self, g_steal_pointer (&error));
      return;
    }

  g_object_freeze_notify (G_OBJECT (self));
  self->n_partial = 0;
  drop_pages (self);
  replace_ids (self, ids, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
start_loading (DgCustomerList *self)
{
  DgCustomerQuery query;

  g_assert (self->loading == NULL);

  dg_customer_list_get_query (self, &query);

  self->loading = g_cancellable_new ();
  dg_customers_search_ids_async (self->db, &query, self->loading,
                                 on_ids_loaded_cb, g_object_ref (self));
}

static void
on_database_changed_cb (DgDatabase     *db,
                        const char     *table,
                        DgCustomerList *self)
{
  refresh (self, TRUE);
}

static void
dg_customer_list_constructed (GObject *object)
{
  DgCustomerList *self = DG_CUSTOMER_LIST (object);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (dg_customer_list_parent_class)->constructed (object);

  g_assert (DG_IS_DATABASE (self->db));

  self->changed_handler = g_signal_connect (self->db,
                                            DG_DATABASE_CHANGED (DG_TABLE_CUSTOMERS),
                                            G_CALLBACK (on_database_changed_cb),
                                            self);

  self->ids = query_ids (self, &error);
  if (self->ids == NULL)
    {
      self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      self->error = g_steal_pointer (&error);
    }
  else if (self->ids->len < self->n_partial)
    {
      self->n_partial = 0;
    }
}

static void
dg_customer_list_dispose (GObject *object)
{
  DgCustomerList *self = DG_CUSTOMER_LIST (object);

  cancel_loading (self);
  drop_pages (self);
  if (self->db != NULL)
    g_clear_signal_handler (&self->changed_handler, self->db);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (dg_customer_list_parent_class)->dispose (object);
}

static void
dg_customer_list_finalize (GObject *object)
{
  DgCustomerList *self = DG_CUSTOMER_LIST (object);

  g_clear_pointer (&self->ids, g_array_unref);
  /* The objects a view still holds outlive the list. */
  g_clear_pointer (&self->live, dg_live_customers_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->tag, g_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (dg_customer_list_parent_class)->finalize (object);
}

static void
dg_customer_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DgCustomerList *self = DG_CUSTOMER_LIST (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;

    case PROP_TEXT:
      g_value_set_string (value, dg_customer_list_get_text (self));
      break;

    case PROP_TAG:
      g_value_set_string (value, self->tag);
      break;

    case PROP_COMPLETE:
      g_value_set_boolean (value, self->n_partial == 0);
      break;

    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, DG_TYPE_CUSTOMER);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids ? self->ids->len : 0);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_customer_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DgCustomerList *self = DG_CUSTOMER_LIST (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->db = g_value_dup_object (value);
      break;

    case PROP_TEXT:
      dg_customer_list_set_text (self, g_value_get_string (value));
      break;

    case PROP_TAG:
      dg_customer_list_set_tag (self, g_value_get_string (value));
      break;

    case PROP_QUERY:
      if (g_value_get_pointer (value) != NULL)
        {
          const DgCustomerQuery *query = g_value_get_pointer (value);

          set_string (&self->text, query->text);
          set_string (&self->tag, query->tag);
          self->archived = query->archived;
          self->sort = query->sort;
          self->descending = !!query->descending;
          self->n_partial = query->limit;
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_customer_list_class_init (DgCustomerListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = dg_customer_list_constructed;
  object_class->dispose = dg_customer_list_dispose;
  object_class->finalize = dg_customer_list_finalize;
  object_class->get_property = dg_customer_list_get_property;
  object_class->set_property = dg_customer_list_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         DG_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TAG] =
    g_param_spec_string ("tag", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The query to start with, and in its limit how many rows to read at
   * first (see dg_customer_list_new_partial()). */
  properties[PROP_QUERY] =
    g_param_spec_pointer ("query", NULL, NULL,
                          G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL,
                          TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL,
                        G_TYPE_OBJECT,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL,
                        G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dg_customer_list_init (DgCustomerList *self)
{
  self->archived = DG_ARCHIVED_EXCLUDE;
  self->sort = DG_CUSTOMER_SORT_NAME;
  g_queue_init (&self->pages);
  self->live = dg_live_customers_new ();
  self->moved_from = G_MAXUINT;
  self->moved_to = G_MAXUINT;
}

DgCustomerList *
dg_customer_list_new (DgDatabase *db)
{
  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  return g_object_new (DG_TYPE_CUSTOMER_LIST,
                       "database", db,
                       NULL);
}

DgCustomerList *
dg_customer_list_new_partial (DgDatabase            *db,
                              const DgCustomerQuery *query,
                              guint                  n_rows)
{
  DgCustomerQuery first;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (n_rows > 0, NULL);

  first = *query;
  first.limit = n_rows;

  return g_object_new (DG_TYPE_CUSTOMER_LIST,
                       "database", db,
                       "query", &first,
                       NULL);
}

DgDatabase *
dg_customer_list_get_database (DgCustomerList *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_LIST (self), NULL);

  return self->db;
}

/* An empty string is stored as NULL: both mean "no filter", and setting one
 * where the other was is no change. */
static gboolean
set_string (char       **field,
            const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

void
dg_customer_list_set_query (DgCustomerList        *self,
                            const DgCustomerQuery *query)
{
  gboolean text_changed, tag_changed;

  g_return_if_fail (DG_IS_CUSTOMER_LIST (self));
  g_return_if_fail (query != NULL);

  text_changed = set_string (&self->text, query->text);
  tag_changed = set_string (&self->tag, query->tag);

  if (!text_changed && !tag_changed &&
      self->archived == query->archived &&
      self->sort == query->sort &&
      self->descending == query->descending)
    return;

  self->archived = query->archived;
  self->sort = query->sort;
  self->descending = query->descending;

  g_object_freeze_notify (G_OBJECT (self));
  refresh (self, FALSE);
  if (text_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  if (tag_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
dg_customer_list_get_query (DgCustomerList  *self,
                            DgCustomerQuery *query)
{
  g_return_if_fail (DG_IS_CUSTOMER_LIST (self));
  g_return_if_fail (query != NULL);

  query->text = self->text;
  query->tag = self->tag;
  query->archived = self->archived;
  query->sort = self->sort;
  query->descending = self->descending;
  query->limit = 0;
}

const char *
dg_customer_list_get_text (DgCustomerList *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_LIST (self), NULL);

  return self->text ? self->text : "";
}

void
dg_customer_list_set_text (DgCustomerList *self,
                           const char     *text)
{
  DgCustomerQuery query;

  g_return_if_fail (DG_IS_CUSTOMER_LIST (self));

  dg_customer_list_get_query (self, &query);
  query.text = text;
  dg_customer_list_set_query (self, &query);
}

const char *
dg_customer_list_get_tag (DgCustomerList *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_LIST (self), NULL);

  return self->tag;
}

void
dg_customer_list_set_tag (DgCustomerList *self,
                          const char     *tag)
{
  DgCustomerQuery query;

  g_return_if_fail (DG_IS_CUSTOMER_LIST (self));

  dg_customer_list_get_query (self, &query);
  query.tag = tag;
  dg_customer_list_set_query (self, &query);
}

void
dg_customer_list_set_sort (DgCustomerList *self,
                           DgCustomerSort  sort,
                           gboolean        descending)
{
  DgCustomerQuery query;

  g_return_if_fail (DG_IS_CUSTOMER_LIST (self));

  dg_customer_list_get_query (self, &query);
  query.sort = sort;
  query.descending = !!descending;
  dg_customer_list_set_query (self, &query);
}

void
dg_customer_list_set_archived (DgCustomerList   *self,
                               DgArchivedFilter  archived)
{
  DgCustomerQuery query;

  g_return_if_fail (DG_IS_CUSTOMER_LIST (self));

  dg_customer_list_get_query (self, &query);
  query.archived = archived;
  dg_customer_list_set_query (self, &query);
}

void
dg_customer_list_reload (DgCustomerList *self)
{
  guint n_partial;

  g_return_if_fail (DG_IS_CUSTOMER_LIST (self));

  n_partial = self->n_partial;

  g_object_freeze_notify (G_OBJECT (self));
  self->n_partial = 0;
  if (!refresh (self, TRUE))
    self->n_partial = n_partial;
  else if (n_partial != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
dg_customer_list_is_complete (DgCustomerList *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_LIST (self), TRUE);

  return self->n_partial == 0;
}

void
dg_customer_list_load_rest (DgCustomerList *self)
{
  g_return_if_fail (DG_IS_CUSTOMER_LIST (self));

  if (self->n_partial == 0)
    return;

  self->rest_wanted = TRUE;
  if (self->loading == NULL)
    start_loading (self);
}

void
dg_customer_list_cancel_load (DgCustomerList *self)
{
  g_return_if_fail (DG_IS_CUSTOMER_LIST (self));

  self->rest_wanted = FALSE;
  cancel_loading (self);
}

gboolean
dg_customer_list_is_loading (DgCustomerList *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_LIST (self), FALSE);

  return self->loading != NULL;
}

guint
dg_customer_list_find (DgCustomerList *self,
                       gint64          id)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;

  return G_MAXUINT;
}

gint64
dg_customer_list_get_id (DgCustomerList *self,
                         guint           position)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_LIST (self), 0);

  if (position >= self->ids->len)
    return 0;

  return g_array_index (self->ids, gint64, position);
}

gboolean
dg_customer_list_get_move (DgCustomerList *self,
                           guint          *from,
                           guint          *to)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_LIST (self), FALSE);

  if (self->moved_from == G_MAXUINT)
    return FALSE;

  if (from != NULL)
    *from = self->moved_from;
  if (to != NULL)
    *to = self->moved_to;

  return TRUE;
}

const GError *
dg_customer_list_get_error (DgCustomerList *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_LIST (self), NULL);

  return self->error;
}

guint
dg_customer_list_get_n_built (DgCustomerList *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_LIST (self), 0);

  return self->n_built;
}
