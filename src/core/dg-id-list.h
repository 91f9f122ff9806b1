/* dg-id-list.h
 *
 * A GListModel of records that scales to a million rows: it holds only the
 * ordered ids that a query returns, and builds the row objects for the
 * positions asked for, a page at a time, keeping a few pages cached. A
 * subclass says what the rows are: the query that returns the ids in
 * order (run_query), how to build the row objects of a set of ids
 * (build_rows), and the tables whose changes may change them
 * (dg_id_list_watch_table()). DgCustomerList is one; any other list of
 * records is another.
 *
 * A change to the query (dg_id_list_query_changed()), or a change to a
 * watched table (DgDatabase::changed), re-runs the id query and emits one
 * items-changed for the one stretch of rows that differs (none when
 * nothing did), then notifies :n-items if the count changed.
 *
 * As long as anything holds the object of a row (a view shows it, a
 * selection keeps it), the list hands out that same object for that id.
 * After a change to the data, each of those objects is built again and the
 * new values are copied into it (update_row), so only the properties that
 * changed notify: a view bound to them repaints a row that kept its place
 * without any items-changed.
 *
 * A list for a screen that must show quickly can start partial
 * (:first-rows): it reads only the first rows of its query, and
 * dg_id_list_load_rest() reads all of them in a worker thread, on a
 * connection of its own, then shows them as one items-changed after the
 * rows already there and sets :complete. Until then a change re-reads the
 * first rows only, and starts the worker again; a worker that fails sets
 * :error and the next change tries again.
 *
 * A query that fails keeps the rows shown before and sets :error; the next
 * query that succeeds clears it.
 */
#pragma once

#include "dg-database.h"

G_BEGIN_DECLS

#define DG_TYPE_ID_LIST (dg_id_list_get_type ())

G_DECLARE_DERIVABLE_TYPE (DgIdList, dg_id_list, DG, ID_LIST, GObject)

struct _DgIdListClass
{
  GObjectClass parent_class;

  /* The current query, as a copy a worker thread may read while the list
   * changes; freed with free_query. */
  gpointer    (*dup_query)       (DgIdList      *self);
  void        (*free_query)      (gpointer       query);
  /* The ids @query finds on @db, in the order to show them, at most
   * @limit of them (0 for all); NULL with @error set on failure. Runs in
   * the main thread on the list's database, and in a worker thread on a
   * reader of its own: it may use only its arguments. */
  GArray     *(*run_query)       (DgDatabase    *db,
                                  gconstpointer  query,
                                  guint          limit,
                                  GError       **error);
  /* The row objects of @ids, in their order, one per id (NULL for a row
   * that is no longer stored); the list takes the array and the objects.
   * NULL with @error set when reading failed. */
  GPtrArray  *(*build_rows)      (DgIdList      *self,
                                  const gint64  *ids,
                                  guint          n_ids,
                                  GError       **error);
  /* Copies what differs in @fresh into @row, the object handed out for
   * the same id; returns whether @row now reads the same as @fresh (FALSE
   * makes the list tell the view to ask for that row again). By default,
   * every writable property is copied. */
  gboolean    (*update_row)      (DgIdList      *self,
                                  GObject       *row,
                                  GObject       *fresh);
  /* The object that stands for a row that went missing since the id query
   * (deleted by another process) until the next one drops it: a position
   * below :n-items must hold an item. By default an empty :item-type. */
  GObject    *(*new_placeholder) (DgIdList      *self,
                                  gint64         id);

  gpointer padding[8];
};

DgDatabase   *dg_id_list_get_database (DgIdList      *self);
/* For subclasses: re-runs the id query after the query changed. Returns
 * FALSE when it failed (see :error); the rows shown stay. */
gboolean      dg_id_list_query_changed (DgIdList     *self);
/* For subclasses, from their init: a change to @table re-reads the list. */
void          dg_id_list_watch_table  (DgIdList      *self,
                                       const char    *table);
/* Re-runs the id query now, for every row of a partial list too, and reads
 * the rows in use again. */
void          dg_id_list_reload       (DgIdList      *self);
/* Whether the list holds every row of its query (:complete). */
gboolean      dg_id_list_is_complete  (DgIdList      *self);
/* Starts reading every row of a partial list in a worker thread, and again
 * after each change until it has them; no-op when complete. */
void          dg_id_list_load_rest    (DgIdList      *self);
/* Calls off dg_id_list_load_rest(): the list stays partial. A view that
 * lets go of a list calls it, so the worker does not keep the list. */
void          dg_id_list_cancel_load  (DgIdList      *self);
/* Whether that worker is reading. */
gboolean      dg_id_list_is_loading   (DgIdList      *self);
/* Position of the row with @id, or G_MAXUINT. */
guint         dg_id_list_find         (DgIdList      *self,
                                       gint64         id);
/* The id at @position without building its row; 0 past the end. */
gint64        dg_id_list_get_id       (DgIdList      *self,
                                       guint          position);
/* Every id, in list order, without building any row; owned by @self and
 * valid until the list next changes. */
const gint64 *dg_id_list_peek_ids     (DgIdList      *self,
                                       guint         *n_ids);
/* Only while items-changed is emitted: TRUE when the change is one row
 * that moved from @from to @to (positions before and after) while every
 * other row kept its order, so a view can move that row alone. */
gboolean      dg_id_list_get_move     (DgIdList      *self,
                                       guint         *from,
                                       guint         *to);
/* Why the last query failed, or NULL after one that succeeded. */
const GError *dg_id_list_get_error    (DgIdList      *self);
/* How many row objects were built so far, for tests of the page cache. */
guint         dg_id_list_get_n_built  (DgIdList      *self);

G_END_DECLS
