/* dg-customers-bulk-undo.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-customers-bulk-private.h"
#include "dg-catalog.h"
#include "dg-customers-private.h"
#include "dg-error.h"

struct _DgBulkUndo
{
  GObject       parent_instance;

  DgDatabase   *db;
  DgBulkAction  action;
  gboolean      applied;

  /* Customers whose tags or archived flag changed, and their updated_at
   * before, which Undo puts back. */
  GArray       *customer_ids;     /* gint64 */
  GPtrArray    *updated_at;       /* char * */
  GArray       *links;            /* DgBulkLink */
  GArray       *created_tags;     /* gint64 */
  /* Contacts or follow-ups created. */
  GArray       *created_rows;     /* gint64 */
  /* Keep-in-touch follow-ups as they were before a contact moved them. */
  GPtrArray    *followup_rows;    /* DgBulkRow */
  GPtrArray    *snapshots;        /* DgCustomerSnapshot */
  /* Rows of any table created, and rows as they were before. */
  GArray       *created_in;       /* TableSpan */
  GPtrArray    *rows_in;          /* TableBulkRow */
  guint         n_counted;
};

/* Rows @first to @last of @table, each created: an import adds its
 * customers with ids one after the other, so that its Undo keeps one span
 * for them all instead of an id for each. */
typedef struct
{
  const char *table;
  gint64      first;
  gint64      last;
} TableSpan;

typedef struct
{
  const char *table;
  DgBulkRow  *row;
} TableBulkRow;

static void
table_bulk_row_free (TableBulkRow *row)
{
  dg_bulk_row_free (row->row);
  g_free (row);
}

G_DEFINE_FINAL_TYPE (DgBulkUndo, dg_bulk_undo, G_TYPE_OBJECT)

void
dg_bulk_row_free (DgBulkRow *row)
{
  if (row == NULL)
    return;

  g_clear_pointer (&row->columns, g_ptr_array_unref);
  g_clear_pointer (&row->values, g_ptr_array_unref);
  g_free (row);
}

DgBulkRow *
dg_bulk_row_new_from_statement (sqlite3_stmt *stmt)
{
  g_autoptr(DgBulkRow) row = g_new0 (DgBulkRow, 1);
  int n_columns = sqlite3_column_count (stmt);

  row->columns = g_ptr_array_new_full (n_columns, g_free);
  row->values = g_ptr_array_new_full (n_columns, (GDestroyNotify) sqlite3_value_free);

  for (int i = 0; i < n_columns; i++)
    {
      sqlite3_value *value = sqlite3_value_dup (sqlite3_column_value (stmt, i));

      if (value == NULL)
        return NULL;

      g_ptr_array_add (row->columns, g_strdup (sqlite3_column_name (stmt, i)));
      g_ptr_array_add (row->values, value);
    }

  return g_steal_pointer (&row);
}

static void
dg_bulk_undo_dispose (GObject *object)
{
  DgBulkUndo *self = DG_BULK_UNDO (object);

  g_clear_object (&self->db);

  G_OBJECT_CLASS (dg_bulk_undo_parent_class)->dispose (object);
}

static void
dg_bulk_undo_finalize (GObject *object)
{
  DgBulkUndo *self = DG_BULK_UNDO (object);

  g_clear_pointer (&self->customer_ids, g_array_unref);
  g_clear_pointer (&self->updated_at, g_ptr_array_unref);
  g_clear_pointer (&self->links, g_array_unref);
  g_clear_pointer (&self->created_tags, g_array_unref);
  g_clear_pointer (&self->created_rows, g_array_unref);
  g_clear_pointer (&self->followup_rows, g_ptr_array_unref);
  g_clear_pointer (&self->snapshots, g_ptr_array_unref);
  g_clear_pointer (&self->created_in, g_array_unref);
  g_clear_pointer (&self->rows_in, g_ptr_array_unref);

  G_OBJECT_CLASS (dg_bulk_undo_parent_class)->finalize (object);
}

static void
dg_bulk_undo_class_init (DgBulkUndoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dg_bulk_undo_dispose;
  object_class->finalize = dg_bulk_undo_finalize;
}

static void
dg_bulk_undo_init (DgBulkUndo *self)
{
  self->customer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->updated_at = g_ptr_array_new_with_free_func (g_free);
  self->links = g_array_new (FALSE, FALSE, sizeof (DgBulkLink));
  self->created_tags = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->created_rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->followup_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_bulk_row_free);
  self->snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_customer_snapshot_free);
  self->created_in = g_array_new (FALSE, FALSE, sizeof (TableSpan));
  self->rows_in = g_ptr_array_new_with_free_func ((GDestroyNotify) table_bulk_row_free);
}

DgBulkUndo *
dg_bulk_undo_new (DgDatabase   *db,
                  DgBulkAction  action)
{
  DgBulkUndo *self = g_object_new (DG_TYPE_BULK_UNDO, NULL);

  self->db = g_object_ref (db);
  self->action = action;

  return self;
}

void
dg_bulk_undo_add_customer (DgBulkUndo *self,
                           gint64      id,
                           const char *updated_at)
{
  g_array_append_val (self->customer_ids, id);
  g_ptr_array_add (self->updated_at, g_strdup (updated_at));
}

void
dg_bulk_undo_add_link (DgBulkUndo *self,
                       gint64      customer_id,
                       gint64      tag_id)
{
  DgBulkLink link = { customer_id, tag_id };

  g_array_append_val (self->links, link);
}

void
dg_bulk_undo_add_created_tag (DgBulkUndo *self,
                              gint64      tag_id)
{
  g_array_append_val (self->created_tags, tag_id);
}

void
dg_bulk_undo_add_created_row (DgBulkUndo *self,
                              gint64      id)
{
  g_array_append_val (self->created_rows, id);
}

void
dg_bulk_undo_add_followup_row (DgBulkUndo *self,
                               DgBulkRow  *row)
{
  g_ptr_array_add (self->followup_rows, row);
}

void
dg_bulk_undo_add_snapshot (DgBulkUndo         *self,
                           DgCustomerSnapshot *snapshot)
{
  g_ptr_array_add (self->snapshots, snapshot);
}

void
dg_bulk_undo_add_created_in (DgBulkUndo *self,
                             const char *table,
                             gint64      id)
{
  TableSpan span = { table, id, id };

  if (self->created_in->len > 0)
    {
      TableSpan *last = &g_array_index (self->created_in, TableSpan, self->created_in->len - 1);

      if (g_str_equal (last->table, table) && last->last < G_MAXINT64 && id == last->last + 1)
        {
          last->last = id;
          return;
        }
    }

  g_array_append_val (self->created_in, span);
}

gboolean
dg_bulk_undo_has_created_in (DgBulkUndo *self,
                             const char *table,
                             gint64      id)
{
  for (guint i = self->created_in->len; i > 0; i--)
    {
      const TableSpan *span = &g_array_index (self->created_in, TableSpan, i - 1);

      if (id >= span->first && id <= span->last && g_str_equal (span->table, table))
        return TRUE;
    }

  return FALSE;
}

guint
dg_bulk_undo_get_n_created_spans (DgBulkUndo *self)
{
  return self->created_in->len;
}

void
dg_bulk_undo_add_row_in (DgBulkUndo *self,
                         const char *table,
                         DgBulkRow  *row)
{
  TableBulkRow *kept = g_new (TableBulkRow, 1);

  kept->table = table;
  kept->row = row;
  g_ptr_array_add (self->rows_in, kept);
}

void
dg_bulk_undo_count_changed (DgBulkUndo *self)
{
  self->n_counted++;
}

DgBulkAction
dg_bulk_undo_get_action (DgBulkUndo *self)
{
  g_return_val_if_fail (DG_IS_BULK_UNDO (self), DG_BULK_ACTION_ADD_TAG);

  return self->action;
}

guint
dg_bulk_undo_get_n_changed (DgBulkUndo *self)
{
  g_return_val_if_fail (DG_IS_BULK_UNDO (self), 0);

  switch (self->action)
    {
    case DG_BULK_ACTION_DELETE:
      return self->snapshots->len;
    case DG_BULK_ACTION_LOG_CONTACT:
    case DG_BULK_ACTION_ADD_FOLLOWUP:
      return self->created_rows->len;
    case DG_BULK_ACTION_ENROLL:
    case DG_BULK_ACTION_MOVE_STAGE:
    case DG_BULK_ACTION_COMPLETE_ENROLLMENT:
    case DG_BULK_ACTION_DROP_ENROLLMENT:
    case DG_BULK_ACTION_DELETE_STAGE:
    case DG_BULK_ACTION_IMPORT:
      return self->n_counted;
    case DG_BULK_ACTION_ADD_TAG:
    case DG_BULK_ACTION_REMOVE_TAG:
    case DG_BULK_ACTION_ARCHIVE:
    case DG_BULK_ACTION_UNARCHIVE:
    default:
      return self->customer_ids->len;
    }
}

/* Runs @sql once for each id of @ids, bound as ?1. */
static gboolean
run_for_each (DgDatabase  *db,
              const char  *sql,
              GArray      *ids,
              GError     **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      g_auto(DgStatement) stmt = dg_database_prepare (db, sql, error);

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      if (!dg_database_run (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Puts the tag links back as they were: unlinks the added ones, links the
 * removed ones again (unless their customer or tag is gone since). */
static gboolean
revert_links (DgBulkUndo  *self,
              GError     **error)
{
  gboolean added = self->action == DG_BULK_ACTION_ADD_TAG || self->action == DG_BULK_ACTION_IMPORT;
  const char *sql = added
                    ? "DELETE FROM customer_tags WHERE customer_id = ?1 AND tag_id = ?2"
                    : "INSERT OR IGNORE INTO customer_tags (customer_id, tag_id) "
                      "SELECT ?1, ?2 WHERE EXISTS (SELECT 1 FROM customers WHERE id = ?1) "
                      "  AND EXISTS (SELECT 1 FROM tags WHERE id = ?2)";

  for (guint i = 0; i < self->links->len; i++)
    {
      DgBulkLink *link = &g_array_index (self->links, DgBulkLink, i);
      g_auto(DgStatement) stmt = dg_database_prepare (self->db, sql, error);

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, link->customer_id);
      sqlite3_bind_int64 (stmt, 2, link->tag_id);
      if (!dg_database_run (self->db, stmt, error))
        return FALSE;
    }

  /* A tag the action created goes too, unless it got other customers. */
  return run_for_each (self->db,
                       "DELETE FROM tags WHERE id = ?1 "
                       "AND NOT EXISTS (SELECT 1 FROM customer_tags WHERE tag_id = ?1)",
                       self->created_tags, error);
}

/* Recomputes what depends on the tags of each customer changed and puts
 * its updated_at back. */
static gboolean
restore_customers (DgBulkUndo  *self,
                   GError     **error)
{
  for (guint i = 0; i < self->customer_ids->len; i++)
    {
      gint64 id = g_array_index (self->customer_ids, gint64, i);
      gboolean exists = FALSE;

      if (!dg_database_has_row (self->db, DG_TABLE_CUSTOMERS, id, &exists, error))
        return FALSE;
      /* Deleted since: nothing of it to put back. */
      if (!exists)
        continue;

      if (self->action == DG_BULK_ACTION_ADD_TAG || self->action == DG_BULK_ACTION_REMOVE_TAG)
        {
          if (!dg_customers_refresh_tags_text (self->db, id, error)
              || !dg_customers_sync_search_row (self->db, id, error))
            return FALSE;
        }

      {
        g_auto(DgStatement) stmt = NULL;

        stmt = dg_database_prepare (self->db,
                                    "UPDATE customers SET updated_at = ?2, "
                                    "  archived = CASE ?3 WHEN 1 THEN 0 WHEN 2 THEN 1 ELSE archived END "
                                    "WHERE id = ?1",
                                    error);
        if (stmt == NULL)
          return FALSE;

        sqlite3_bind_int64 (stmt, 1, id);
        dg_database_bind_text (stmt, 2, g_ptr_array_index (self->updated_at, i));
        sqlite3_bind_int (stmt, 3,
                          self->action == DG_BULK_ACTION_ARCHIVE ? 1
                          : self->action == DG_BULK_ACTION_UNARCHIVE ? 2 : 0);
        if (!dg_database_run (self->db, stmt, error))
          return FALSE;
      }
    }

  return TRUE;
}

/* Writes @row back over its id in @table, where it still is. */
static gboolean
restore_row (DgBulkUndo  *self,
             const char  *table,
             DgBulkRow   *row,
             GError     **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_auto(DgStatement) stmt = NULL;
  int id_index = 0;

  g_string_append_printf (sql, "UPDATE \"%s\" SET ", table);
  for (guint c = 0; c < row->columns->len; c++)
    {
      const char *column = g_ptr_array_index (row->columns, c);

      if (g_str_equal (column, "id"))
        id_index = c + 1;
      else
        g_string_append_printf (sql, "%s\"%s\" = ?%u", sql->str[sql->len - 1] == ' ' ? "" : ", ",
                                column, c + 1);
    }
  g_string_append_printf (sql, " WHERE id = ?%d", id_index);

  stmt = dg_database_prepare (self->db, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  for (guint c = 0; c < row->values->len; c++)
    sqlite3_bind_value (stmt, c + 1, g_ptr_array_index (row->values, c));

  return dg_database_run (self->db, stmt, error);
}

/* Writes each kept follow-up row back over its id, where it still is. */
static gboolean
restore_followup_rows (DgBulkUndo  *self,
                       GError     **error)
{
  for (guint i = 0; i < self->followup_rows->len; i++)
    {
      if (!restore_row (self, DG_TABLE_FOLLOWUPS, g_ptr_array_index (self->followup_rows, i), error))
        return FALSE;
    }

  return TRUE;
}

/* Deletes the rows created, last first, then writes the rows kept back,
 * and tells the listeners of every table touched. */
static gboolean
revert_rows_in (DgBulkUndo  *self,
                GError     **error)
{
  for (guint i = self->created_in->len; i > 0; i--)
    {
      TableSpan *created = &g_array_index (self->created_in, TableSpan, i - 1);
      const DgCatalogTable *table = dg_catalog_lookup (created->table);
      g_autofree char *sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE id = ?1", created->table);
      g_auto(DgStatement) stmt = dg_database_prepare (self->db, sql, error);

      if (stmt == NULL)
        return FALSE;

      for (gint64 id = created->last; id >= created->first; id--)
        {
          sqlite3_reset (stmt);
          sqlite3_bind_int64 (stmt, 1, id);
          if (!dg_database_run (self->db, stmt, error))
            return FALSE;
        }
      dg_database_notify_changed (self->db, table->change_name);
    }

  for (guint i = 0; i < self->rows_in->len; i++)
    {
      TableBulkRow *kept = g_ptr_array_index (self->rows_in, i);

      if (!restore_row (self, kept->table, kept->row, error))
        return FALSE;
      dg_database_notify_changed (self->db, dg_catalog_lookup (kept->table)->change_name);
    }

  return TRUE;
}

/* Rewrites the search entry of each customer row written back. */
static gboolean
resync_restored_customers (DgBulkUndo  *self,
                           GError     **error)
{
  for (guint i = 0; i < self->rows_in->len; i++)
    {
      TableBulkRow *kept = g_ptr_array_index (self->rows_in, i);

      if (!g_str_equal (kept->table, DG_TABLE_CUSTOMERS))
        continue;

      for (guint c = 0; c < kept->row->columns->len; c++)
        {
          if (g_str_equal (g_ptr_array_index (kept->row->columns, c), "id")
              && !dg_customers_sync_search_row (self->db,
                                                sqlite3_value_int64 (g_ptr_array_index (kept->row->values, c)),
                                                error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
apply_locked (DgBulkUndo  *self,
              GError     **error)
{
  switch (self->action)
    {
    case DG_BULK_ACTION_ADD_TAG:
    case DG_BULK_ACTION_REMOVE_TAG:
      if (!revert_links (self, error) || !restore_customers (self, error))
        return FALSE;
      dg_database_notify_changed (self->db, DG_TABLE_CUSTOMERS);
      if (self->created_tags->len > 0)
        dg_database_notify_changed (self->db, DG_TABLE_TAGS);
      return TRUE;

    case DG_BULK_ACTION_ARCHIVE:
    case DG_BULK_ACTION_UNARCHIVE:
      if (!restore_customers (self, error))
        return FALSE;
      dg_database_notify_changed (self->db, DG_TABLE_CUSTOMERS);
      return TRUE;

    case DG_BULK_ACTION_DELETE:
      for (guint i = 0; i < self->snapshots->len; i++)
        {
          if (!dg_customer_snapshot_restore (self->db, g_ptr_array_index (self->snapshots, i), error))
            return FALSE;
        }
      return TRUE;

    case DG_BULK_ACTION_LOG_CONTACT:
      /* The log's triggers put each customer's last contact back. */
      if (!run_for_each (self->db, "DELETE FROM interactions WHERE id = ?1", self->created_rows, error)
          || !restore_followup_rows (self, error))
        return FALSE;
      dg_database_notify_changed (self->db, DG_TABLE_INTERACTIONS);
      dg_database_notify_changed (self->db, DG_TABLE_CUSTOMERS);
      if (self->followup_rows->len > 0)
        dg_database_notify_changed (self->db, DG_TABLE_FOLLOWUPS);
      return TRUE;

    case DG_BULK_ACTION_ADD_FOLLOWUP:
      if (!run_for_each (self->db, "DELETE FROM followups WHERE id = ?1", self->created_rows, error))
        return FALSE;
      dg_database_notify_changed (self->db, DG_TABLE_FOLLOWUPS);
      return TRUE;

    case DG_BULK_ACTION_ENROLL:
    case DG_BULK_ACTION_MOVE_STAGE:
    case DG_BULK_ACTION_COMPLETE_ENROLLMENT:
    case DG_BULK_ACTION_DROP_ENROLLMENT:
      return revert_rows_in (self, error);

    case DG_BULK_ACTION_DELETE_STAGE:
      /* The follow-ups the stage's customers got on moving go first; then
       * the stage, its rules, its customers and every history it was in
       * are put back over what the move rewrote. */
      if (!revert_rows_in (self, error))
        return FALSE;
      for (guint i = 0; i < self->snapshots->len; i++)
        {
          if (!dg_snapshot_replace (self->db, g_ptr_array_index (self->snapshots, i), error))
            return FALSE;
        }
      return TRUE;

    case DG_BULK_ACTION_IMPORT:
      /* The customers added go (with the tags linked to them), those
       * updated get their row back; then the tags linked to those and the
       * tags the import created, and their search entries follow. */
      if (!revert_rows_in (self, error)
          || !revert_links (self, error)
          || !resync_restored_customers (self, error))
        return FALSE;
      dg_database_notify_changed (self->db, DG_TABLE_CUSTOMERS);
      if (self->created_tags->len > 0)
        dg_database_notify_changed (self->db, DG_TABLE_TAGS);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

gboolean
dg_bulk_undo_apply (DgBulkUndo  *self,
                    GError     **error)
{
  g_return_val_if_fail (DG_IS_BULK_UNDO (self), FALSE);

  if (self->applied)
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_FAILED,
                           _("This change was already undone."));
      return FALSE;
    }

  if (!dg_database_begin (self->db, error))
    goto failed;

  if (!apply_locked (self, error))
    {
      dg_database_rollback (self->db);
      goto failed;
    }

  if (!dg_database_commit (self->db, error))
    goto failed;

  self->applied = TRUE;

  return TRUE;

failed:
  g_prefix_error (error, "%s", _("Undo failed; nothing was changed. "));
  return FALSE;
}
