/* dg-id-list.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-database-private.h"
#include "dg-error.h"
#include "dg-id-diff-private.h"
#include "dg-id-list.h"
#include "dg-live-rows-private.h"
#include "dg-row-cache-private.h"

typedef struct
{
  DgDatabase   *db;
  GType         item_type;
  /* Names of the watched tables, and a handler on the database for each. */
  GPtrArray    *tables;
  GArray       *changed_handlers;

  /* gint64 ids in display order. */
  GArray       *ids;
  /* While not 0, @ids holds only the first this many rows of the query. */
  guint         n_partial;
  /* Set while a worker thread reads every id of a partial list. */
  GCancellable *loading;
  /* The rest of a partial list was asked for: every successful query
   * starts reading it again until a worker brings it. */
  gboolean      rest_wanted;
  DgRowCache   *rows;

  /* While items-changed is emitted for a change in which one row moved and
   * every other one kept its order: where it was and where it is now. */
  guint         moved_from;
  guint         moved_to;

  GError       *error;
} DgIdListPrivate;

static void dg_id_list_model_init (GListModelInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (DgIdList, dg_id_list, G_TYPE_OBJECT,
                                  G_ADD_PRIVATE (DgIdList)
                                  G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, dg_id_list_model_init))

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_ITEM_TYPE,
  PROP_FIRST_ROWS,
  PROP_N_ITEMS,
  PROP_COMPLETE,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define PRIV(self) ((DgIdListPrivate *) dg_id_list_get_instance_private (self))

/* Replaces the last error; NULL clears it. Takes @error. */
static void
take_error (DgIdList *self,
            GError   *error)
{
  DgIdListPrivate *priv = PRIV (self);

  if (priv->error == NULL && error == NULL)
    return;

  g_clear_error (&priv->error);
  priv->error = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static GType
dg_id_list_get_item_type (GListModel *model)
{
  return PRIV (DG_ID_LIST (model))->item_type;
}

static guint
dg_id_list_get_n_items (GListModel *model)
{
  return PRIV (DG_ID_LIST (model))->ids->len;
}

static gpointer
dg_id_list_get_item (GListModel *model,
                     guint       position)
{
  DgIdList *self = DG_ID_LIST (model);
  g_autoptr(GError) error = NULL;
  GObject *row;

  if (position >= PRIV (self)->ids->len)
    return NULL;

  row = dg_row_cache_get (PRIV (self)->rows, PRIV (self)->ids, position, &error);
  if (error != NULL)
    take_error (self, g_steal_pointer (&error));

  return row;
}

static void
dg_id_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = dg_id_list_get_item_type;
  iface->get_n_items = dg_id_list_get_n_items;
  iface->get_item = dg_id_list_get_item;
}

static GArray *
query_ids (DgIdList  *self,
           GError   **error)
{
  DgIdListClass *klass = DG_ID_LIST_GET_CLASS (self);
  gpointer query = klass->dup_query (self);
  GArray *ids;

  ids = klass->run_query (PRIV (self)->db, query, PRIV (self)->n_partial, error);
  klass->free_query (query);

  return ids;
}

/* Puts @ids (taken) in place of the ids shown and tells, in one
 * items-changed, about the one stretch of rows that differs between them.
 * Rows in @stale (ids whose objects could not be updated in place) count
 * as changed even where they kept their place. */
static void
replace_ids (DgIdList   *self,
             GArray     *ids,
             GHashTable *stale)
{
  DgIdListPrivate *priv = PRIV (self);
  g_autoptr(GArray) old_ids = g_steal_pointer (&priv->ids);
  DgIdDiff diff;

  priv->ids = ids;

  if (!dg_id_diff (old_ids, ids, stale, &diff))
    return;

  priv->moved_from = diff.moved_from;
  priv->moved_to = diff.moved_to;
  g_list_model_items_changed (G_LIST_MODEL (self), diff.position, diff.removed, diff.added);
  priv->moved_from = G_MAXUINT;
  priv->moved_to = G_MAXUINT;

  if (old_ids->len != ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void start_loading (DgIdList *self);

/* Calls off the worker, if one runs; what it read is dropped. */
static void
cancel_loading (DgIdList *self)
{
  DgIdListPrivate *priv = PRIV (self);

  if (priv->loading != NULL)
    g_cancellable_cancel (priv->loading);
  g_clear_object (&priv->loading);
}

/* A partial list whose query found fewer rows than it may hold has them
 * all. */
static void
check_complete (DgIdList *self)
{
  DgIdListPrivate *priv = PRIV (self);

  if (priv->n_partial == 0 || priv->ids->len >= priv->n_partial)
    return;

  priv->n_partial = 0;
  cancel_loading (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

/* Re-runs the id query and shows its result (see replace_ids()). When the
 * data may have changed (not only the query), every row object still in
 * use is read again and updated in place first, so rows that keep their
 * place need no signal. A failed query keeps the old rows. */
static gboolean
refresh (DgIdList *self,
         gboolean  data_changed)
{
  DgIdListPrivate *priv = PRIV (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) stale = NULL;
  GArray *ids;

  /* What a worker reads may be from before this change, or for another
   * query: it is read again once this query succeeds. */
  cancel_loading (self);

  ids = query_ids (self, &error);
  if (ids == NULL)
    {
      g_debug ("List query failed: %s", error->message);
      take_error (self, g_steal_pointer (&error));
      return FALSE;
    }

  take_error (self, NULL);

  /* The cache goes either way: the rows it holds may sit elsewhere now.
   * Dropped first, so that only rows a view still holds are read again. */
  dg_row_cache_drop_pages (priv->rows);

  if (data_changed)
    {
      stale = dg_row_cache_reload (priv->rows, &error);
      if (error != NULL)
        take_error (self, g_steal_pointer (&error));
    }

  g_object_freeze_notify (G_OBJECT (self));
  replace_ids (self, ids, stale);
  check_complete (self);

  if (priv->n_partial != 0 && priv->rest_wanted)
    start_loading (self);
  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

typedef struct
{
  char          *path;
  gpointer       query;
  DgIdListClass *klass;
} LoadData;

static void
load_data_free (gpointer user_data)
{
  LoadData *data = user_data;

  data->klass->free_query (data->query);
  g_type_class_unref (data->klass);
  g_free (data->path);
  g_free (data);
}

static void
load_ids_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(DgDatabase) reader = NULL;
  GError *error = NULL;
  GArray *ids = NULL;

  reader = dg_database_open_reader (data->path, cancellable, &error);
  if (reader != NULL)
    ids = data->klass->run_query (reader, data->query, 0, &error);

  if (ids != NULL)
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
  else
    g_task_return_error (task, error);
}

/* Called in the main thread, where it drops the reference taken for the
 * read: a list whose last reference went in the worker thread would be
 * finalized there. */
static void
on_ids_loaded_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DgIdList) self = user_data;
  DgIdListPrivate *priv = PRIV (self);
  g_autoptr(GError) error = NULL;
  GArray *ids;

  ids = g_task_propagate_pointer (G_TASK (result), &error);

  /* Cancelled: a newer query or load took its place. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&priv->loading);

  if (ids == NULL)
    {
      g_debug ("List load failed: %s", error->message);
      take_error (self, g_steal_pointer (&error));
      return;
    }

  g_object_freeze_notify (G_OBJECT (self));
  priv->n_partial = 0;
  dg_row_cache_drop_pages (priv->rows);
  replace_ids (self, ids, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
start_loading (DgIdList *self)
{
  DgIdListPrivate *priv = PRIV (self);
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_assert (priv->loading == NULL);

  data = g_new0 (LoadData, 1);
  data->path = g_strdup (dg_database_get_path (priv->db));
  data->klass = g_type_class_ref (G_OBJECT_TYPE (self));
  data->query = data->klass->dup_query (self);

  priv->loading = g_cancellable_new ();
  /* No source object: the task may be freed in the worker thread, and
   * with it whatever it holds. */
  task = g_task_new (NULL, priv->loading, on_ids_loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_loading);
  g_task_set_task_data (task, data, load_data_free);
  g_task_run_in_thread (task, load_ids_thread);
}

static void
on_database_changed_cb (DgDatabase *db,
                        const char *table,
                        DgIdList   *self)
{
  refresh (self, TRUE);
}

static gboolean
dg_id_list_real_update_row (DgIdList *self,
                            GObject  *row,
                            GObject  *fresh)
{
  return dg_live_rows_copy_properties (row, fresh);
}

static GObject *
dg_id_list_real_new_placeholder (DgIdList *self,
                                 gint64    id)
{
  return g_object_new (PRIV (self)->item_type, NULL);
}

static void
dg_id_list_constructed (GObject *object)
{
  DgIdList *self = DG_ID_LIST (object);
  DgIdListPrivate *priv = PRIV (self);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (dg_id_list_parent_class)->constructed (object);

  g_assert (DG_IS_DATABASE (priv->db));
  g_assert (g_type_is_a (priv->item_type, G_TYPE_OBJECT));

  for (guint i = 0; i < priv->tables->len; i++)
    {
      g_autofree char *signal = g_strdup_printf ("changed::%s", (char *) g_ptr_array_index (priv->tables, i));
      gulong handler = g_signal_connect (priv->db, signal, G_CALLBACK (on_database_changed_cb), self);

      g_array_append_val (priv->changed_handlers, handler);
    }

  priv->ids = query_ids (self, &error);
  if (priv->ids == NULL)
    {
      priv->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      priv->error = g_steal_pointer (&error);
    }
  else if (priv->ids->len < priv->n_partial)
    {
      priv->n_partial = 0;
    }
}

static void
dg_id_list_dispose (GObject *object)
{
  DgIdList *self = DG_ID_LIST (object);
  DgIdListPrivate *priv = PRIV (self);

  cancel_loading (self);
  dg_row_cache_drop_pages (priv->rows);
  if (priv->db != NULL)
    {
      for (guint i = 0; i < priv->changed_handlers->len; i++)
        g_signal_handler_disconnect (priv->db, g_array_index (priv->changed_handlers, gulong, i));
    }
  g_array_set_size (priv->changed_handlers, 0);
  g_clear_object (&priv->db);

  G_OBJECT_CLASS (dg_id_list_parent_class)->dispose (object);
}

static void
dg_id_list_finalize (GObject *object)
{
  DgIdListPrivate *priv = PRIV (DG_ID_LIST (object));

  g_clear_pointer (&priv->ids, g_array_unref);
  g_clear_pointer (&priv->rows, dg_row_cache_free);
  g_clear_pointer (&priv->tables, g_ptr_array_unref);
  g_clear_pointer (&priv->changed_handlers, g_array_unref);
  g_clear_error (&priv->error);

  G_OBJECT_CLASS (dg_id_list_parent_class)->finalize (object);
}

static void
dg_id_list_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  DgIdListPrivate *priv = PRIV (DG_ID_LIST (object));

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, priv->db);
      break;

    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, priv->item_type);
      break;

    case PROP_FIRST_ROWS:
      g_value_set_uint (value, priv->n_partial);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, priv->ids ? priv->ids->len : 0);
      break;

    case PROP_COMPLETE:
      g_value_set_boolean (value, priv->n_partial == 0);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, priv->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_id_list_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  DgIdListPrivate *priv = PRIV (DG_ID_LIST (object));

  switch (prop_id)
    {
    case PROP_DATABASE:
      priv->db = g_value_dup_object (value);
      break;

    case PROP_ITEM_TYPE:
      priv->item_type = g_value_get_gtype (value);
      break;

    case PROP_FIRST_ROWS:
      priv->n_partial = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_id_list_class_init (DgIdListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = dg_id_list_constructed;
  object_class->dispose = dg_id_list_dispose;
  object_class->finalize = dg_id_list_finalize;
  object_class->get_property = dg_id_list_get_property;
  object_class->set_property = dg_id_list_set_property;

  klass->update_row = dg_id_list_real_update_row;
  klass->new_placeholder = dg_id_list_real_new_placeholder;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         DG_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL,
                        G_TYPE_OBJECT,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* How many rows to read at first; 0 for all (see :complete). */
  properties[PROP_FIRST_ROWS] =
    g_param_spec_uint ("first-rows", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL,
                          TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL,
                        G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dg_id_list_init (DgIdList *self)
{
  DgIdListPrivate *priv = PRIV (self);

  priv->item_type = G_TYPE_OBJECT;
  priv->tables = g_ptr_array_new_with_free_func (g_free);
  priv->changed_handlers = g_array_new (FALSE, FALSE, sizeof (gulong));
  priv->rows = dg_row_cache_new (self);
  priv->moved_from = G_MAXUINT;
  priv->moved_to = G_MAXUINT;
}

DgDatabase *
dg_id_list_get_database (DgIdList *self)
{
  g_return_val_if_fail (DG_IS_ID_LIST (self), NULL);

  return PRIV (self)->db;
}

gboolean
dg_id_list_query_changed (DgIdList *self)
{
  g_return_val_if_fail (DG_IS_ID_LIST (self), FALSE);

  return refresh (self, FALSE);
}

void
dg_id_list_watch_table (DgIdList   *self,
                        const char *table)
{
  g_return_if_fail (DG_IS_ID_LIST (self));
  g_return_if_fail (table != NULL);
  /* Connected once the database is known, in constructed. */
  g_return_if_fail (PRIV (self)->db == NULL);

  g_ptr_array_add (PRIV (self)->tables, g_strdup (table));
}

void
dg_id_list_reload (DgIdList *self)
{
  DgIdListPrivate *priv;
  guint n_partial;

  g_return_if_fail (DG_IS_ID_LIST (self));

  priv = PRIV (self);
  n_partial = priv->n_partial;

  g_object_freeze_notify (G_OBJECT (self));
  priv->n_partial = 0;
  if (!refresh (self, TRUE))
    priv->n_partial = n_partial;
  else if (n_partial != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
dg_id_list_is_complete (DgIdList *self)
{
  g_return_val_if_fail (DG_IS_ID_LIST (self), TRUE);

  return PRIV (self)->n_partial == 0;
}

void
dg_id_list_load_rest (DgIdList *self)
{
  DgIdListPrivate *priv;

  g_return_if_fail (DG_IS_ID_LIST (self));

  priv = PRIV (self);
  if (priv->n_partial == 0)
    return;

  priv->rest_wanted = TRUE;
  if (priv->loading == NULL)
    start_loading (self);
}

void
dg_id_list_cancel_load (DgIdList *self)
{
  g_return_if_fail (DG_IS_ID_LIST (self));

  PRIV (self)->rest_wanted = FALSE;
  cancel_loading (self);
}

gboolean
dg_id_list_is_loading (DgIdList *self)
{
  g_return_val_if_fail (DG_IS_ID_LIST (self), FALSE);

  return PRIV (self)->loading != NULL;
}

guint
dg_id_list_find (DgIdList *self,
                 gint64    id)
{
  const gint64 *ids;
  guint n_ids;

  g_return_val_if_fail (DG_IS_ID_LIST (self), G_MAXUINT);

  ids = dg_id_list_peek_ids (self, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    if (ids[i] == id)
      return i;

  return G_MAXUINT;
}

gint64
dg_id_list_get_id (DgIdList *self,
                   guint     position)
{
  DgIdListPrivate *priv;

  g_return_val_if_fail (DG_IS_ID_LIST (self), 0);

  priv = PRIV (self);
  if (position >= priv->ids->len)
    return 0;

  return g_array_index (priv->ids, gint64, position);
}

const gint64 *
dg_id_list_peek_ids (DgIdList *self,
                     guint    *n_ids)
{
  DgIdListPrivate *priv;

  g_return_val_if_fail (DG_IS_ID_LIST (self), NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  priv = PRIV (self);
  *n_ids = priv->ids->len;

  return (const gint64 *) (gpointer) priv->ids->data;
}

gboolean
dg_id_list_get_move (DgIdList *self,
                     guint    *from,
                     guint    *to)
{
  DgIdListPrivate *priv;

  g_return_val_if_fail (DG_IS_ID_LIST (self), FALSE);

  priv = PRIV (self);
  if (priv->moved_from == G_MAXUINT)
    return FALSE;

  if (from != NULL)
    *from = priv->moved_from;
  if (to != NULL)
    *to = priv->moved_to;

  return TRUE;
}

const GError *
dg_id_list_get_error (DgIdList *self)
{
  g_return_val_if_fail (DG_IS_ID_LIST (self), NULL);

  return PRIV (self)->error;
}

guint
dg_id_list_get_n_built (DgIdList *self)
{
  g_return_val_if_fail (DG_IS_ID_LIST (self), 0);

  return dg_row_cache_get_n_built (PRIV (self)->rows);
}
