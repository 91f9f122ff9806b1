/* dg-id-selection-model.c
 *
 * DgIdSelection as a GtkSelectionModel: each change GTK asks for is made
 * on the set of ids, then told as the range of rows that may look
 * different.
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include "dg-id-selection-private.h"

/* Up to this many selected ids are found one by one in the list; more,
 * by one pass over it. */
#define MAX_LOOKUPS 16

/* The first and last positions of selected rows; FALSE for none. */
static gboolean
selection_bounds (DgIdSelection *self,
                  guint         *first,
                  guint         *last)
{
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);
  const gint64 *ids;
  guint n_ids;

  *first = G_MAXUINT;
  *last = 0;

  if (dg_id_set_size (priv->selected) == 0)
    return FALSE;

  if (dg_id_set_size (priv->selected) <= MAX_LOOKUPS)
    {
      g_autoptr(GArray) selected = dg_id_set_to_array (priv->selected);

      for (guint i = 0; i < selected->len; i++)
        {
          guint position = dg_id_list_find (priv->list, g_array_index (selected, gint64, i));

          if (position == G_MAXUINT)
            continue;
          *first = MIN (*first, position);
          *last = MAX (*last, position);
        }

      return *first != G_MAXUINT;
    }

  ids = dg_id_list_peek_ids (priv->list, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      if (!_dg_id_selection_id_is_selected (self, ids[i]))
        continue;
      *first = MIN (*first, i);
      *last = i;
    }

  return *first != G_MAXUINT;
}

/* Tells the view that rows [@first, @last] may look different now. */
static void
emit_selection_changed (DgIdSelection *self,
                        guint          first,
                        guint          last)
{
  if (first > last)
    return;

  gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), first, last - first + 1);
}

/* Empties the set when @unselect_rest, noting where the rows it held are
 * into [@first, @last]. */
static void
unselect_rest (DgIdSelection *self,
               guint         *first,
               guint         *last)
{
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);
  guint old_first, old_last;

  if (selection_bounds (self, &old_first, &old_last))
    {
      *first = MIN (*first, old_first);
      *last = MAX (*last, old_last);
    }
  dg_id_set_clear (priv->selected);
}

static gboolean
dg_id_selection_is_selected (GtkSelectionModel *model,
                             guint              position)
{
  DgIdSelection *self = DG_ID_SELECTION (model);

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self)))
    return FALSE;

  return _dg_id_selection_position_is_selected (self, _dg_id_selection_to_list_position (self, position));
}

static GtkBitset *
dg_id_selection_get_selection_in_range (GtkSelectionModel *model,
                                        guint              position,
                                        guint              n_items)
{
  DgIdSelection *self = DG_ID_SELECTION (model);
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);
  GtkBitset *result = gtk_bitset_new_empty ();
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self));
  guint end;

  if (dg_id_set_size (priv->selected) == 0 || position >= n_shown)
    return result;

  end = n_items > n_shown - position ? n_shown : position + n_items;
  for (guint i = position; i < end; i++)
    {
      if (_dg_id_selection_position_is_selected (self, _dg_id_selection_to_list_position (self, i)))
        gtk_bitset_add (result, i);
    }

  return result;
}

void
_dg_id_selection_select_range (DgIdSelection *self,
                               guint          position,
                               guint          n_items,
                               gboolean       clear)
{
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);
  guint old_n_selected = dg_id_set_size (priv->selected);
  guint first = G_MAXUINT, last = 0;
  guint end = MIN (position + n_items, _dg_id_selection_list_n_items (self));

  /* Clicking the one selected row again changes nothing. */
  if (clear && n_items == 1 && old_n_selected == 1 && position < end &&
      _dg_id_selection_position_is_selected (self, position))
    return;

  if (clear)
    unselect_rest (self, &first, &last);

  for (guint i = position; i < end; i++)
    {
      if (dg_id_set_add (priv->selected, dg_id_list_get_id (priv->list, i)) || clear)
        {
          first = MIN (first, i);
          last = MAX (last, i);
        }
    }

  _dg_id_selection_update_single (self, old_n_selected);
  emit_selection_changed (self, first, last);
}

static void
unselect_range (DgIdSelection *self,
                guint          position,
                guint          n_items)
{
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);
  guint old_n_selected = dg_id_set_size (priv->selected);
  guint first = G_MAXUINT, last = 0;
  guint end = MIN (position + n_items, _dg_id_selection_list_n_items (self));

  for (guint i = position; i < end; i++)
    {
      if (dg_id_set_remove (priv->selected, dg_id_list_get_id (priv->list, i)))
        {
          first = MIN (first, i);
          last = i;
        }
    }

  _dg_id_selection_update_single (self, old_n_selected);
  emit_selection_changed (self, first, last);
}

static gboolean
dg_id_selection_select_item (GtkSelectionModel *model,
                             guint              position,
                             gboolean           unselect_rest)
{
  DgIdSelection *self = DG_ID_SELECTION (model);

  if (position >= _dg_id_selection_list_n_items (self))
    return FALSE;

  _dg_id_selection_select_range (self, position, 1, unselect_rest);

  return TRUE;
}

static gboolean
dg_id_selection_unselect_item (GtkSelectionModel *model,
                               guint              position)
{
  unselect_range (DG_ID_SELECTION (model), position, 1);

  return TRUE;
}

static gboolean
dg_id_selection_select_range (GtkSelectionModel *model,
                              guint              position,
                              guint              n_items,
                              gboolean           unselect_rest)
{
  _dg_id_selection_select_range (DG_ID_SELECTION (model), position, n_items, unselect_rest);

  return TRUE;
}

static gboolean
dg_id_selection_unselect_range (GtkSelectionModel *model,
                                guint              position,
                                guint              n_items)
{
  unselect_range (DG_ID_SELECTION (model), position, n_items);

  return TRUE;
}

static gboolean
dg_id_selection_select_all (GtkSelectionModel *model)
{
  DgIdSelection *self = DG_ID_SELECTION (model);

  _dg_id_selection_select_range (self, 0, _dg_id_selection_list_n_items (self), FALSE);

  return TRUE;
}

static gboolean
dg_id_selection_unselect_all (GtkSelectionModel *model)
{
  DgIdSelection *self = DG_ID_SELECTION (model);
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);
  guint old_n_selected = dg_id_set_size (priv->selected);
  guint first = G_MAXUINT, last = 0;

  unselect_rest (self, &first, &last);
  _dg_id_selection_update_single (self, old_n_selected);
  emit_selection_changed (self, first, last);

  return TRUE;
}

/* Rubber-band selection and the like: the rows in @mask take their state
 * from @selected. */
static gboolean
dg_id_selection_set_selection (GtkSelectionModel *model,
                               GtkBitset         *selected,
                               GtkBitset         *mask)
{
  DgIdSelection *self = DG_ID_SELECTION (model);
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);
  guint old_n_selected = dg_id_set_size (priv->selected);
  guint first = G_MAXUINT, last = 0;
  guint n = _dg_id_selection_list_n_items (self);
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, mask, &position);
       more && position < n;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = dg_id_list_get_id (priv->list, position);
      gboolean changed;

      if (gtk_bitset_contains (selected, position))
        changed = dg_id_set_add (priv->selected, id);
      else
        changed = dg_id_set_remove (priv->selected, id);

      if (changed)
        {
          first = MIN (first, position);
          last = MAX (last, position);
        }
    }

  _dg_id_selection_update_single (self, old_n_selected);
  emit_selection_changed (self, first, last);

  return TRUE;
}

void
_dg_id_selection_selection_model_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = dg_id_selection_is_selected;
  iface->get_selection_in_range = dg_id_selection_get_selection_in_range;
  iface->select_item = dg_id_selection_select_item;
  iface->unselect_item = dg_id_selection_unselect_item;
  iface->select_range = dg_id_selection_select_range;
  iface->unselect_range = dg_id_selection_unselect_range;
  iface->select_all = dg_id_selection_select_all;
  iface->unselect_all = dg_id_selection_unselect_all;
  iface->set_selection = dg_id_selection_set_selection;
}
