/* dg-id-selection.c
 *
 * The set of selected ids, following the list; its GtkSelectionModel is
 * in dg-id-selection-model.c.
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include "dg-id-selection-private.h"

/* A change of more rows than this that is not one moved row is told as a
 * removal and then an insertion. */
#define MAX_REPLACED_ROWS 64

static void dg_id_selection_list_model_init (GListModelInterface *iface);

G_DEFINE_TYPE_WITH_CODE (DgIdSelection, dg_id_selection, G_TYPE_OBJECT,
                         G_ADD_PRIVATE (DgIdSelection)
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, dg_id_selection_list_model_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, _dg_id_selection_selection_model_init))

enum {
  PROP_0,
  PROP_LIST,
  PROP_SELECTED,
  PROP_SELECTED_ITEM,
  PROP_N_SELECTED,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

DgIdSelectionPrivate *
_dg_id_selection_get_priv (DgIdSelection *self)
{
  return dg_id_selection_get_instance_private (self);
}

/* After the set of ids changed: finds the one selected row, if there is
 * one, and tells what changed. The object of a row that stays the only one
 * selected is kept; asking for it again would build its page. */
void
_dg_id_selection_update_single (DgIdSelection *self,
                                guint          old_n_selected)
{
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);
  g_autoptr(GObject) old_item = NULL;
  guint old_single = priv->single;
  guint position = GTK_INVALID_LIST_POSITION;
  gboolean item_changed = FALSE;

  if (dg_id_set_size (priv->selected) == 1)
    {
      g_autoptr(GArray) selected = dg_id_set_to_array (priv->selected);
      gint64 id = g_array_index (selected, gint64, 0);

      position = dg_id_list_find (priv->list, id);

      if (priv->single_item == NULL || priv->single_id != id)
        {
          old_item = g_steal_pointer (&priv->single_item);
          if (position != G_MAXUINT)
            priv->single_item = g_list_model_get_item (G_LIST_MODEL (priv->list), position);
          priv->single_id = priv->single_item != NULL ? id : 0;
          item_changed = TRUE;
        }
    }
  else if (priv->single_item != NULL)
    {
      old_item = g_steal_pointer (&priv->single_item);
      priv->single_id = 0;
      item_changed = TRUE;
    }

  priv->single = position == G_MAXUINT ? GTK_INVALID_LIST_POSITION : position;

  g_object_freeze_notify (G_OBJECT (self));
  if (priv->single != old_single)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED]);
  if (item_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED_ITEM]);
  if (dg_id_set_size (priv->selected) != old_n_selected)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_SELECTED]);
  g_object_thaw_notify (G_OBJECT (self));
}

static GType
dg_id_selection_get_item_type (GListModel *model)
{
  DgIdSelection *self = DG_ID_SELECTION (model);
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);

  return g_list_model_get_item_type (G_LIST_MODEL (priv->list));
}

static guint
dg_id_selection_get_n_items (GListModel *model)
{
  DgIdSelection *self = DG_ID_SELECTION (model);
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);

  return _dg_id_selection_list_n_items (self) - priv->gap_len;
}

static gpointer
dg_id_selection_get_item (GListModel *model,
                          guint       position)
{
  DgIdSelection *self = DG_ID_SELECTION (model);
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);

  if (position >= dg_id_selection_get_n_items (model))
    return NULL;

  return g_list_model_get_item (G_LIST_MODEL (priv->list), _dg_id_selection_to_list_position (self, position));
}

static void
dg_id_selection_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = dg_id_selection_get_item_type;
  iface->get_n_items = dg_id_selection_get_n_items;
  iface->get_item = dg_id_selection_get_item;
}

/* After the list changed, drops the ids that left it: one pass over its
 * ids, which builds nothing. */
static void
dg_id_selection_follow (DgIdSelection *self)
{
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);
  const gint64 *ids;
  guint n_ids;

  ids = dg_id_list_peek_ids (priv->list, &n_ids);
  dg_id_set_retain (priv->selected, ids, n_ids);
}

/* GTK 4.8's list views, when a row they track (the one at the top of the
 * view, the focused one) is among the rows removed, look for its object
 * in every added row, which builds all of them: a new sort or search would
 * build the whole list. So a row that moved is told as that row going and
 * coming back, and any other large change as all of its rows going, then
 * the new ones coming; with nothing added, nothing is looked for. */
static void
on_list_items_changed_cb (GListModel    *list,
                          guint          position,
                          guint          removed,
                          guint          added,
                          DgIdSelection *self)
{
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);
  guint old_n_selected = dg_id_set_size (priv->selected);
  guint from, to;

  dg_id_selection_follow (self);

  if (dg_id_list_get_move (priv->list, &from, &to))
    {
      priv->gap = to;
      priv->gap_len = 1;
      g_list_model_items_changed (G_LIST_MODEL (self), from, 1, 0);
      priv->gap_len = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), to, 0, 1);
    }
  else if (removed > 0 && added > MAX_REPLACED_ROWS)
    {
      priv->gap = position;
      priv->gap_len = added;
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, 0);
      priv->gap_len = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);
    }
  else
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);

  g_object_freeze_notify (G_OBJECT (self));
  _dg_id_selection_update_single (self, old_n_selected);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
dg_id_selection_constructed (GObject *object)
{
  DgIdSelection *self = DG_ID_SELECTION (object);
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);

  G_OBJECT_CLASS (dg_id_selection_parent_class)->constructed (object);

  g_assert (DG_IS_ID_LIST (priv->list));

  priv->items_changed_handler = g_signal_connect (priv->list, "items-changed",
                                                  G_CALLBACK (on_list_items_changed_cb),
                                                  self);
}

static void
dg_id_selection_dispose (GObject *object)
{
  DgIdSelection *self = DG_ID_SELECTION (object);
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);

  if (priv->list != NULL)
    g_clear_signal_handler (&priv->items_changed_handler, priv->list);
  g_clear_object (&priv->single_item);
  g_clear_object (&priv->list);

  G_OBJECT_CLASS (dg_id_selection_parent_class)->dispose (object);
}

static void
dg_id_selection_finalize (GObject *object)
{
  DgIdSelection *self = DG_ID_SELECTION (object);
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);

  g_clear_pointer (&priv->selected, dg_id_set_free);

  G_OBJECT_CLASS (dg_id_selection_parent_class)->finalize (object);
}

static void
dg_id_selection_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DgIdSelection *self = DG_ID_SELECTION (object);
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);

  switch (prop_id)
    {
    case PROP_LIST:
      g_value_set_object (value, priv->list);
      break;

    case PROP_SELECTED:
      g_value_set_uint (value, priv->single);
      break;

    case PROP_SELECTED_ITEM:
      g_value_set_object (value, priv->single_item);
      break;

    case PROP_N_SELECTED:
      g_value_set_uint (value, dg_id_set_size (priv->selected));
      break;

    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, priv->list != NULL ? g_list_model_get_item_type (G_LIST_MODEL (priv->list))
                                                   : G_TYPE_OBJECT);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, priv->list != NULL ? _dg_id_selection_list_n_items (self) : 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_id_selection_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DgIdSelection *self = DG_ID_SELECTION (object);
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);

  switch (prop_id)
    {
    case PROP_LIST:
      priv->list = g_value_dup_object (value);
      break;

    case PROP_SELECTED:
      dg_id_selection_set_selected (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_id_selection_class_init (DgIdSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = dg_id_selection_constructed;
  object_class->dispose = dg_id_selection_dispose;
  object_class->finalize = dg_id_selection_finalize;
  object_class->get_property = dg_id_selection_get_property;
  object_class->set_property = dg_id_selection_set_property;

  properties [PROP_LIST] =
    g_param_spec_object ("list", NULL, NULL,
                         DG_TYPE_ID_LIST,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL,
                       0, G_MAXUINT, GTK_INVALID_LIST_POSITION,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SELECTED_ITEM] =
    g_param_spec_object ("selected-item", NULL, NULL,
                         G_TYPE_OBJECT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_SELECTED] =
    g_param_spec_uint ("n-selected", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL,
                        G_TYPE_OBJECT,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dg_id_selection_init (DgIdSelection *self)
{
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);
  priv->selected = dg_id_set_new ();
  priv->single = GTK_INVALID_LIST_POSITION;
}

DgIdSelection *
dg_id_selection_new (DgIdList *list)
{
  g_return_val_if_fail (DG_IS_ID_LIST (list), NULL);

  return g_object_new (DG_TYPE_ID_SELECTION,
                       "list", list,
                       NULL);
}

DgIdList *
dg_id_selection_get_list (DgIdSelection *self)
{
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);
  g_return_val_if_fail (DG_IS_ID_SELECTION (self), NULL);

  return priv->list;
}

guint
dg_id_selection_get_selected (DgIdSelection *self)
{
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);
  g_return_val_if_fail (DG_IS_ID_SELECTION (self), GTK_INVALID_LIST_POSITION);

  return priv->single;
}

void
dg_id_selection_set_selected (DgIdSelection *self,
                              guint          position)
{
  g_return_if_fail (DG_IS_ID_SELECTION (self));

  if (position >= _dg_id_selection_list_n_items (self))
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self));
  else
    _dg_id_selection_select_range (self, position, 1, TRUE);
}

GObject *
dg_id_selection_get_selected_item (DgIdSelection *self)
{
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);
  g_return_val_if_fail (DG_IS_ID_SELECTION (self), NULL);

  return priv->single_item;
}

gint64
dg_id_selection_get_selected_id (DgIdSelection *self)
{
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);
  g_return_val_if_fail (DG_IS_ID_SELECTION (self), 0);

  return priv->single_item != NULL ? priv->single_id : 0;
}

gboolean
dg_id_selection_select_id (DgIdSelection *self,
                           gint64         id)
{
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);
  guint position;

  g_return_val_if_fail (DG_IS_ID_SELECTION (self), FALSE);

  position = dg_id_list_find (priv->list, id);
  if (position == G_MAXUINT)
    return FALSE;

  _dg_id_selection_select_range (self, position, 1, TRUE);

  return TRUE;
}

guint
dg_id_selection_get_n_selected (DgIdSelection *self)
{
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);
  g_return_val_if_fail (DG_IS_ID_SELECTION (self), 0);

  return dg_id_set_size (priv->selected);
}

GArray *
dg_id_selection_get_selected_ids (DgIdSelection *self)
{
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);
  GArray *result;
  const gint64 *ids;
  guint n_ids;

  g_return_val_if_fail (DG_IS_ID_SELECTION (self), NULL);

  result = g_array_sized_new (FALSE, FALSE, sizeof (gint64), dg_id_set_size (priv->selected));
  if (dg_id_set_size (priv->selected) == 0)
    return result;

  ids = dg_id_list_peek_ids (priv->list, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    if (_dg_id_selection_id_is_selected (self, ids[i]))
      g_array_append_val (result, ids[i]);

  return result;
}

gboolean
dg_id_selection_is_id_selected (DgIdSelection *self,
                                gint64         id)
{
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);

  g_return_val_if_fail (DG_IS_ID_SELECTION (self), FALSE);

  return dg_id_set_contains (priv->selected, id);
}
