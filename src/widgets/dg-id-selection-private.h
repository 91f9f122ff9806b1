/* dg-id-selection-private.h
 *
 * What the two files of DgIdSelection share: dg-id-selection.c keeps the
 * set of ids, follows the list and answers for it; dg-id-selection-model.c
 * is its GtkSelectionModel, how the list views' clicks, ranges, Ctrl+A and
 * rubber bands change the set.
 */
#pragma once

#include "dg-id-selection.h"

G_BEGIN_DECLS

typedef struct
{
  DgIdList   *list;
  gulong      items_changed_handler;

  DgIdSet    *selected;

  /* While exactly one row is selected: its id, position and object, held
   * so that the list keeps it up to date and hands it out again for the
   * row. Else 0, GTK_INVALID_LIST_POSITION and NULL. */
  gint64      single_id;
  guint       single;
  GObject    *single_item;

  /* While a change is told in two steps, the rows [gap, gap + gap_len) of
   * the list are not shown yet; see on_list_items_changed_cb(). */
  guint       gap;
  guint       gap_len;
} DgIdSelectionPrivate;

DgIdSelectionPrivate *_dg_id_selection_get_priv (DgIdSelection *self);

static inline guint
_dg_id_selection_list_n_items (DgIdSelection *self)
{
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);

  return g_list_model_get_n_items (G_LIST_MODEL (priv->list));
}

/* The position in the list of the row shown at @position. */
static inline guint
_dg_id_selection_to_list_position (DgIdSelection *self,
                                   guint          position)
{
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);

  if (priv->gap_len > 0 && position >= priv->gap)
    return position + priv->gap_len;

  return position;
}

static inline gboolean
_dg_id_selection_id_is_selected (DgIdSelection *self,
                                 gint64         id)
{
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);

  return dg_id_set_contains (priv->selected, id);
}

static inline gboolean
_dg_id_selection_position_is_selected (DgIdSelection *self,
                                       guint          list_position)
{
  DgIdSelectionPrivate *priv = _dg_id_selection_get_priv (self);

  return _dg_id_selection_id_is_selected (self, dg_id_list_get_id (priv->list, list_position));
}

/* dg-id-selection.c: after the set of ids changed, finds the one selected
 * row, if there is one, and notifies what changed. */
void _dg_id_selection_update_single (DgIdSelection *self,
                                     guint          old_n_selected);
/* dg-id-selection-model.c: selects [@position, @position + @n_items) of
 * the list, after unselecting every other row when @clear. */
void _dg_id_selection_select_range  (DgIdSelection *self,
                                     guint          position,
                                     guint          n_items,
                                     gboolean       clear);
void _dg_id_selection_selection_model_init (GtkSelectionModelInterface *iface);

G_END_DECLS
