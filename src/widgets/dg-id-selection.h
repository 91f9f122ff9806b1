/* dg-id-selection.h
 *
 * The selection of a list of records (a DgIdList): any number of rows,
 * kept as a set of ids. It never builds the rows it selects or tests:
 * GTK 4.8's own selections find their items again by building every row
 * of a changed list, and Ctrl+A over a million rows must cost ids only.
 * After the list changes (a new sort, a search, an edit, a card moved to
 * another column), the rows still in it stay selected wherever they went;
 * those that left it are no longer selected, so an action never reaches a
 * record the user cannot see. Nothing is selected at first.
 *
 * GTK's list views drive it through GtkSelectionModel: a click selects
 * one row (select_item with unselect_rest), Ctrl+click toggles one,
 * Shift+click and Shift+arrows select a range from the last row picked,
 * Ctrl+A selects all. :selected and :selected-item name the row when
 * exactly one is selected, for the actions that work on one.
 *
 * The customer list's selection (DgCustomerSelection) is one; each column
 * of the journey board has another.
 */
#pragma once

#include <gtk/gtk.h>

#include "dg-core.h"

G_BEGIN_DECLS

#define DG_TYPE_ID_SELECTION (dg_id_selection_get_type ())

G_DECLARE_DERIVABLE_TYPE (DgIdSelection, dg_id_selection, DG, ID_SELECTION, GObject)

struct _DgIdSelectionClass
{
  GObjectClass parent_class;

  gpointer padding[4];
};

DgIdSelection *dg_id_selection_new               (DgIdList      *list);
DgIdList      *dg_id_selection_get_list          (DgIdSelection *self);
/* The position of the one selected row; GTK_INVALID_LIST_POSITION when
 * none or several are selected. */
guint          dg_id_selection_get_selected      (DgIdSelection *self);
/* Selects @position alone; GTK_INVALID_LIST_POSITION or a position past
 * the end selects nothing. */
void           dg_id_selection_set_selected      (DgIdSelection *self,
                                                  guint          position);
/* The object of the one selected row, or NULL when none or several are;
 * owned by @self. */
GObject       *dg_id_selection_get_selected_item (DgIdSelection *self);
/* The id of the one selected row, or 0 when none or several are. */
gint64         dg_id_selection_get_selected_id   (DgIdSelection *self);
/* Selects the row with @id alone; FALSE, with the selection unchanged,
 * when that row is not in the list. */
gboolean       dg_id_selection_select_id         (DgIdSelection *self,
                                                  gint64         id);
/* How many rows are selected (:n-selected), without building a row. */
guint          dg_id_selection_get_n_selected    (DgIdSelection *self);
/* The ids (gint64) of the selected rows, in the list's order, without
 * building a row. */
GArray        *dg_id_selection_get_selected_ids  (DgIdSelection *self);
/* Whether the row with @id is selected. */
gboolean       dg_id_selection_is_id_selected    (DgIdSelection *self,
                                                  gint64         id);

G_END_DECLS
