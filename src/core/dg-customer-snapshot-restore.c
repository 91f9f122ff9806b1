/* dg-customer-snapshot-restore.c
 *
 * Writing a snapshot back: the rows that went, with the same uuids, and
 * the same ids where they are still free (a record whose id was taken
 * meanwhile gets a new one, and every foreign key that refers to it
 * follows); the rows they referred to are found again by uuid (or by a
 * unique column) or written back too.
 */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-customer-snapshot-private.h"
#include "dg-error.h"

/* The ids rows have now, by table: old id → new id (gint64 *). */
typedef struct
{
  GHashTable *ids;   /* table name → GHashTable */
  /* Change names of the tables written. */
  GPtrArray  *written;
} Remap;

static void
remap_clear (Remap *remap)
{
  g_clear_pointer (&remap->ids, g_hash_table_unref);
  g_clear_pointer (&remap->written, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Remap, remap_clear)

static void
remap_set (Remap      *remap,
           const char *table,
           gint64      old_id,
           gint64      new_id)
{
  GHashTable *ids = g_hash_table_lookup (remap->ids, table);

  if (ids == NULL)
    {
      ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      g_hash_table_insert (remap->ids, (gpointer) table, ids);
    }

  g_hash_table_insert (ids, g_memdup2 (&old_id, sizeof old_id), g_memdup2 (&new_id, sizeof new_id));
}

static const gint64 *
remap_get (Remap      *remap,
           const char *table,
           gint64      old_id)
{
  GHashTable *ids = g_hash_table_lookup (remap->ids, table);

  return ids != NULL ? g_hash_table_lookup (ids, &old_id) : NULL;
}

static void
set_conflict_error (DgCustomerSnapshot  *snapshot,
                    GError             **error)
{
  if (snapshot->root_name != NULL)
    g_set_error (error, DG_ERROR, DG_ERROR_FAILED,
                 /* Translators: Undo after deleting a journey failed; %s is
                  * its name. */
                 _("“%s” could not be brought back: part of it has been added again or deleted in the meantime"),
                 snapshot->root_name);
  else if (snapshot->customers->len == 1)
    g_set_error (error, DG_ERROR, DG_ERROR_FAILED,
                 /* Translators: Undo after deleting a customer failed; %s is
                  * the customer's name. */
                 _("“%s” could not be brought back: part of their records has been added again in the meantime"),
                 dg_customer_get_name (g_ptr_array_index (snapshot->customers, 0)));
  else
    g_set_error (error, DG_ERROR, DG_ERROR_FAILED,
                 /* Translators: Undo after deleting several customers failed. */
                 ngettext ("The %u customer could not be brought back: part of their records has been added again in the meantime",
                           "The %u customers could not be brought back: part of their records has been added again in the meantime",
                           snapshot->customers->len),
                 snapshot->customers->len);
}

/* Sets *@out_id to the row of @rows' table whose @column is @value, or 0. */
static gboolean
find_row (DgDatabase     *db,
          TableRows      *rows,
          const char     *column,
          sqlite3_value  *value,
          gint64         *out_id,
          GError        **error)
{
  g_autofree char *sql = NULL;
  g_auto(DgStatement) stmt = NULL;
  int rc;

  /* The column's own collation applies: a tag name matches ignoring case. */
  sql = g_strdup_printf ("SELECT \"%s\" FROM \"%s\" WHERE \"%s\" = ?1 LIMIT 1",
                         rows->table->id_column, rows->table->name, column);
  stmt = dg_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_value (stmt, 1, value);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return dg_database_set_error (db, error);

  *out_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;

  return TRUE;
}

static void
prepare_insert (TableRows *rows)
{
  const DgCatalogTable *table = rows->table;
  GString *sql;

  if (rows->insert_sql != NULL)
    return;

  sql = g_string_new (NULL);
  g_string_append_printf (sql, "INSERT INTO \"%s\" (", table->name);
  for (guint i = 0; i < rows->columns->len; i++)
    g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "", (char *) g_ptr_array_index (rows->columns, i));
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < rows->columns->len; i++)
    g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 1);
  g_string_append (sql, ")");
  rows->insert_sql = g_string_free (sql, FALSE);

  rows->column_refs = g_new0 (const char *, rows->columns->len);
  for (guint k = 0; k < table->n_foreign_keys; k++)
    {
      int i = dg_snapshot_column_index (rows, table->foreign_keys[k].column);

      if (i >= 0)
        rows->column_refs[i] = table->foreign_keys[k].table;
    }
}

/* Writes @row back: the same values, but every foreign key pointed at the
 * id its row has now, and a new id of its own when its old one is taken. */
static gboolean
insert_row (DgDatabase          *db,
            TableRows           *rows,
            Row                 *row,
            Remap               *remap,
            GError             **error)
{
  const DgCatalogTable *table = rows->table;
  g_auto(DgStatement) stmt = NULL;
  int id_index = table->id_column != NULL ? dg_snapshot_column_index (rows, table->id_column) : -1;

  prepare_insert (rows);
  stmt = dg_database_prepare (db, rows->insert_sql, error);
  if (stmt == NULL)
    return FALSE;

  if (id_index >= 0)
    {
      gint64 old_id = sqlite3_value_int64 (g_ptr_array_index (row, id_index));
      gboolean taken = FALSE;

      if (!dg_database_has_row (db, table->name, old_id, &taken, error))
        return FALSE;
      if (taken)
        sqlite3_bind_null (stmt, id_index + 1);
      else
        sqlite3_bind_int64 (stmt, id_index + 1, old_id);
    }

  for (guint i = 0; i < rows->columns->len; i++)
    {
      sqlite3_value *value = g_ptr_array_index (row, i);
      const gint64 *new_id = NULL;

      if ((int) i == id_index)
        continue;

      if (rows->column_refs[i] != NULL && sqlite3_value_type (value) != SQLITE_NULL)
        new_id = remap_get (remap, rows->column_refs[i], sqlite3_value_int64 (value));

      if (new_id != NULL)
        sqlite3_bind_int64 (stmt, i + 1, *new_id);
      else
        sqlite3_bind_value (stmt, i + 1, value);
    }

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return dg_database_set_error (db, error);

  if (id_index >= 0)
    remap_set (remap, table->name, sqlite3_value_int64 (g_ptr_array_index (row, id_index)),
               sqlite3_last_insert_rowid (dg_database_get_handle (db)));

  if (table->change_name != NULL)
    g_ptr_array_add (remap->written, (gpointer) table->change_name);

  return TRUE;
}

/* A row the customers referred to: the row of that uuid, or with that
 * value of a unique column, when there is one now; else written back. */
static gboolean
restore_shared (DgDatabase          *db,
                DgCustomerSnapshot  *snapshot,
                TableRows           *rows,
                Row                 *row,
                Remap               *remap,
                GError             **error)
{
  const DgCatalogTable *table = rows->table;
  gint64 old_id = sqlite3_value_int64 (g_ptr_array_index (row, dg_snapshot_column_index (rows, table->id_column)));
  gint64 found = 0;

  if (table->uuid_column != NULL
      && !find_row (db, rows, table->uuid_column,
                    g_ptr_array_index (row, dg_snapshot_column_index (rows, table->uuid_column)), &found, error))
    return FALSE;

  for (guint r = 0; r < table->n_rules && found == 0; r++)
    {
      const DgCatalogRule *rule = &table->rules[r];

      if (rule->kind == DG_CATALOG_RULE_UNIQUE
          && !find_row (db, rows, rule->column,
                        g_ptr_array_index (row, dg_snapshot_column_index (rows, rule->column)), &found, error))
        return FALSE;
    }

  /* A record's snapshot does not bring back a customer it refers to:
   * that customer's own delete took the rest of their records. */
  if (found == 0 && snapshot->root_name != NULL)
    {
      set_conflict_error (snapshot, error);
      return FALSE;
    }
  if (found == 0)
    return insert_row (db, rows, row, remap, error);

  remap_set (remap, table->name, old_id, found);

  return TRUE;
}

/* A row that went with the customers; its uuid must still be free. */
static gboolean
restore_owned (DgDatabase          *db,
               DgCustomerSnapshot  *snapshot,
               TableRows           *rows,
               Row                 *row,
               Remap               *remap,
               GError             **error)
{
  const DgCatalogTable *table = rows->table;

  if (table->uuid_column != NULL)
    {
      gint64 found = 0;

      if (!find_row (db, rows, table->uuid_column,
                     g_ptr_array_index (row, dg_snapshot_column_index (rows, table->uuid_column)), &found, error))
        return FALSE;
      if (found != 0)
        {
          set_conflict_error (snapshot, error);
          return FALSE;
        }
    }

  return insert_row (db, rows, row, remap, error);
}

static gboolean
restore_locked (DgDatabase          *db,
                DgCustomerSnapshot  *snapshot,
                Remap               *remap,
                GError             **error)
{
  for (guint t = 0; t < snapshot->n_tables; t++)
    {
      TableRows *rows = &snapshot->tables[t];

      for (guint i = 0; i < rows->shared->len; i++)
        {
          if (!restore_shared (db, snapshot, rows, g_ptr_array_index (rows->shared, i), remap, error))
            return FALSE;
        }

      for (guint i = 0; i < rows->owned->len; i++)
        {
          if (!restore_owned (db, snapshot, rows, g_ptr_array_index (rows->owned, i), remap, error))
            return FALSE;
        }
    }

  return TRUE;
}

gboolean
dg_customer_snapshot_restore (DgDatabase          *db,
                              DgCustomerSnapshot  *snapshot,
                              GError             **error)
{
  g_auto(Remap) remap = { 0, };

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  remap.ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_hash_table_unref);
  remap.written = g_ptr_array_new ();

  if (!dg_database_begin (db, error))
    return FALSE;

  if (!restore_locked (db, snapshot, &remap, error))
    {
      dg_database_rollback (db);
      return FALSE;
    }

  for (guint i = 0; i < remap.written->len; i++)
    dg_database_notify_changed (db, g_ptr_array_index (remap.written, i));

  if (!dg_database_commit (db, error))
    return FALSE;

  for (guint i = 0; i < snapshot->customers->len; i++)
    {
      DgCustomer *customer = g_ptr_array_index (snapshot->customers, i);
      const gint64 *id = remap_get (&remap, DG_TABLE_CUSTOMERS, dg_customer_get_id (customer));

      if (id != NULL)
        dg_customer_set_id (customer, *id);
    }

  return TRUE;
}

/* Deletes @row of @rows' table where it is stored now: by its id and uuid,
 * or for a table without an id (a link) by every value. */
static gboolean
delete_stored (DgDatabase  *db,
               TableRows   *rows,
               Row         *row,
               GError     **error)
{
  const DgCatalogTable *table = rows->table;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GArray) bound = g_array_new (FALSE, FALSE, sizeof (int));
  g_auto(DgStatement) stmt = NULL;

  g_string_append_printf (sql, "DELETE FROM \"%s\" WHERE ", table->name);
  for (guint i = 0; i < rows->columns->len; i++)
    {
      const char *column = g_ptr_array_index (rows->columns, i);
      int index = i;

      if (table->id_column != NULL && g_strcmp0 (column, table->id_column) != 0
          && g_strcmp0 (column, table->uuid_column) != 0)
        continue;

      g_string_append_printf (sql, "%s\"%s\" IS ?%u", bound->len > 0 ? " AND " : "", column, bound->len + 1);
      g_array_append_val (bound, index);
    }

  stmt = dg_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < bound->len; i++)
    sqlite3_bind_value (stmt, i + 1, g_ptr_array_index (row, g_array_index (bound, int, i)));

  if (!dg_database_run (db, stmt, error))
    return FALSE;

  if (dg_database_changes (db) > 0 && table->change_name != NULL)
    dg_database_notify_changed (db, table->change_name);

  return TRUE;
}

gboolean
dg_snapshot_replace (DgDatabase          *db,
                     DgCustomerSnapshot  *snapshot,
                     GError             **error)
{
  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  if (!dg_database_begin (db, error))
    return FALSE;

  /* Children first, so that no row is left pointing at one deleted. */
  for (guint t = snapshot->n_tables; t > 0; t--)
    {
      TableRows *rows = &snapshot->tables[t - 1];

      for (guint i = 0; i < rows->owned->len; i++)
        {
          if (!delete_stored (db, rows, g_ptr_array_index (rows->owned, i), error))
            {
              dg_database_rollback (db);
              return FALSE;
            }
        }
    }

  if (!dg_customer_snapshot_restore (db, snapshot, error))
    {
      dg_database_rollback (db);
      return FALSE;
    }

  return dg_database_commit (db, error);
}
