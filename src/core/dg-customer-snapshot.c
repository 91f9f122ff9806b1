/* dg-customer-snapshot.c
 *
 * Which rows go with a customer comes from the table catalogue: the rows of
 * every table whose foreign key cascades from a row that goes, table after
 * table in catalogue order. The rows those refer to without going with them
 * (the tags of customer_tags) are kept too, so that Undo can find them again
 * or bring them back. Every reference in the schema cascades (test-catalog
 * checks it); one that set NULL instead would need its rows re-pointed on
 * restore.
 */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-customer-snapshot-private.h"
#include "dg-customers.h"
#include "dg-error.h"


void
dg_customer_snapshot_free (DgCustomerSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  for (guint i = 0; i < snapshot->n_tables; i++)
    {
      TableRows *rows = &snapshot->tables[i];

      g_clear_pointer (&rows->columns, g_ptr_array_unref);
      g_clear_pointer (&rows->owned, g_ptr_array_unref);
      g_clear_pointer (&rows->shared, g_ptr_array_unref);
      g_clear_pointer (&rows->seen, g_hash_table_unref);
      g_clear_pointer (&rows->owned_ids, g_array_unref);
      g_clear_pointer (&rows->owned_set, g_hash_table_unref);
      g_clear_pointer (&rows->shared_set, g_hash_table_unref);
      g_clear_pointer (&rows->insert_sql, g_free);
      g_clear_pointer (&rows->column_refs, g_free);
    }
  g_free (snapshot->tables);
  g_clear_pointer (&snapshot->customers, g_ptr_array_unref);
  g_free (snapshot->root_name);
  g_free (snapshot);
}

static DgCustomerSnapshot *
snapshot_new (void)
{
  DgCustomerSnapshot *snapshot = g_new0 (DgCustomerSnapshot, 1);
  const DgCatalogTable *tables = dg_catalog_get_tables (&snapshot->n_tables);

  snapshot->customers = g_ptr_array_new_with_free_func (g_object_unref);
  snapshot->tables = g_new0 (TableRows, snapshot->n_tables);
  for (guint i = 0; i < snapshot->n_tables; i++)
    {
      TableRows *rows = &snapshot->tables[i];

      rows->table = &tables[i];
      rows->owned = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      rows->shared = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      rows->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      rows->owned_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      rows->owned_set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      rows->shared_set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    }

  return snapshot;
}

TableRows *
dg_snapshot_find_rows (DgCustomerSnapshot *snapshot,
                       const char         *table)
{
  for (guint i = 0; i < snapshot->n_tables; i++)
    {
      if (g_str_equal (snapshot->tables[i].table->name, table))
        return &snapshot->tables[i];
    }

  g_return_val_if_reached (NULL);
}

int
dg_snapshot_column_index (TableRows  *rows,
                          const char *name)
{
  for (guint i = 0; rows->columns != NULL && i < rows->columns->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (rows->columns, i), name))
        return i;
    }

  return -1;
}

/* What tells a row from the others of its table: its id, or for a table
 * without one every value. */
static char *
row_key (TableRows *rows,
         Row       *row)
{
  int id = rows->table->id_column != NULL ? dg_snapshot_column_index (rows, rows->table->id_column) : -1;
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < row->len; i++)
    {
      sqlite3_value *value = g_ptr_array_index (row, i);

      if (id >= 0 && (int) i != id)
        continue;
      g_string_append_printf (key, "%d:%s\x1f", sqlite3_value_type (value),
                              sqlite3_value_type (value) == SQLITE_NULL
                                ? "" : (const char *) sqlite3_value_text (value));
    }

  return g_string_free (key, FALSE);
}

/* Reads the rows of @rows' table where @column = @id into @into (owned or
 * shared), each once. */
static gboolean
read_rows (DgDatabase  *db,
           TableRows   *rows,
           const char  *column,
           gint64       id,
           gboolean     owned,
           GError     **error)
{
  g_autofree char *sql = NULL;
  g_auto(DgStatement) stmt = NULL;
  int n_columns;
  int id_index;
  int rc;

  sql = g_strdup_printf ("SELECT * FROM \"%s\" WHERE \"%s\" = ?1%s%s%s", rows->table->name, column,
                         rows->table->id_column ? " ORDER BY \"" : "",
                         rows->table->id_column ? rows->table->id_column : "",
                         rows->table->id_column ? "\"" : "");
  stmt = dg_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  n_columns = sqlite3_column_count (stmt);
  if (rows->columns == NULL)
    {
      rows->columns = g_ptr_array_new_with_free_func (g_free);
      for (int i = 0; i < n_columns; i++)
        g_ptr_array_add (rows->columns, g_strdup (sqlite3_column_name (stmt, i)));
    }
  id_index = rows->table->id_column != NULL ? dg_snapshot_column_index (rows, rows->table->id_column) : -1;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GPtrArray) row = g_ptr_array_new_full (n_columns, (GDestroyNotify) sqlite3_value_free);
      char *key;

      for (int i = 0; i < n_columns; i++)
        {
          sqlite3_value *value = sqlite3_value_dup (sqlite3_column_value (stmt, i));

          if (value == NULL)
            {
              g_set_error_literal (error, DG_ERROR, DG_ERROR_DATABASE,
                                   _("The customer could not be kept for Undo: out of memory"));
              return FALSE;
            }
          g_ptr_array_add (row, value);
        }

      key = row_key (rows, row);
      if (!g_hash_table_add (rows->seen, key))
        continue;

      if (id_index >= 0)
        {
          gint64 row_id = sqlite3_value_int64 (g_ptr_array_index (row, id_index));

          if (owned)
            {
              g_array_append_val (rows->owned_ids, row_id);
              g_hash_table_add (rows->owned_set, g_memdup2 (&row_id, sizeof row_id));
            }
          else
            {
              g_hash_table_add (rows->shared_set, g_memdup2 (&row_id, sizeof row_id));
            }
        }
      g_ptr_array_add (owned ? rows->owned : rows->shared, g_steal_pointer (&row));
    }

  if (rc != SQLITE_DONE)
    return dg_database_set_error (db, error);

  return TRUE;
}

/* Every row that a delete of the owned rows read so far cascades to. */
static gboolean
read_cascade (DgDatabase          *db,
              DgCustomerSnapshot  *snapshot,
              TableRows           *rows,
              GError             **error)
{
  const DgCatalogTable *table = rows->table;

  for (guint k = 0; k < table->n_foreign_keys; k++)
    {
      const DgCatalogForeignKey *key = &table->foreign_keys[k];
      TableRows *parent;

      if (key->on_delete != DG_CATALOG_ON_DELETE_CASCADE)
        continue;

      parent = dg_snapshot_find_rows (snapshot, key->table);
      for (guint i = 0; i < parent->owned_ids->len; i++)
        {
          if (!read_rows (db, rows, key->column, g_array_index (parent->owned_ids, gint64, i), TRUE, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* The rows @rows refer to that do not go with them (a customer's tags). */
static gboolean
read_referred (DgDatabase          *db,
               DgCustomerSnapshot  *snapshot,
               TableRows           *rows,
               GError             **error)
{
  const DgCatalogTable *table = rows->table;
  GPtrArray *lists[] = { rows->owned, rows->shared };

  for (guint k = 0; k < table->n_foreign_keys; k++)
    {
      const DgCatalogForeignKey *key = &table->foreign_keys[k];
      TableRows *parent = dg_snapshot_find_rows (snapshot, key->table);
      int column = dg_snapshot_column_index (rows, key->column);

      if (column < 0)
        continue;

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        {
          for (guint i = 0; i < lists[l]->len; i++)
            {
              Row *row = g_ptr_array_index (lists[l], i);
              sqlite3_value *value = g_ptr_array_index (row, column);
              gint64 id = sqlite3_value_int64 (value);

              if (sqlite3_value_type (value) == SQLITE_NULL
                  || g_hash_table_contains (parent->owned_set, &id)
                  || g_hash_table_contains (parent->shared_set, &id))
                continue;
              if (!read_rows (db, parent, parent->table->id_column, id, FALSE, error))
                return FALSE;
            }
        }
    }

  return TRUE;
}

/* Every row a delete of the owned rows of @root cascades to, and the rows
 * those refer to. */
static gboolean
take_closure_locked (DgDatabase          *db,
                     DgCustomerSnapshot  *snapshot,
                     TableRows           *root,
                     GError             **error)
{
  /* Parents come first, so each table sees every row it cascades from. */
  for (guint t = 0; t < snapshot->n_tables; t++)
    {
      TableRows *rows = &snapshot->tables[t];

      if (rows != root && !read_cascade (db, snapshot, rows, error))
        return FALSE;
    }

  /* Last table first: a row kept because another refers to it may refer
   * to an earlier table's row in turn. */
  for (guint t = snapshot->n_tables; t > 0; t--)
    {
      if (!read_referred (db, snapshot, &snapshot->tables[t - 1], error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
take_locked (DgDatabase          *db,
             DgCustomerSnapshot  *snapshot,
             const gint64        *ids,
             guint                n_ids,
             GError             **error)
{
  TableRows *customers = dg_snapshot_find_rows (snapshot, DG_TABLE_CUSTOMERS);

  for (guint i = 0; i < n_ids; i++)
    {
      DgCustomer *customer;

      if (g_hash_table_contains (customers->owned_set, &ids[i]))
        continue;

      customer = dg_customers_get (db, ids[i], error);
      if (customer == NULL)
        return FALSE;
      g_ptr_array_add (snapshot->customers, customer);

      if (!read_rows (db, customers, "id", ids[i], TRUE, error))
        return FALSE;
    }

  return take_closure_locked (db, snapshot, customers, error);
}

DgCustomerSnapshot *
dg_snapshot_take_record (DgDatabase  *db,
                         const char  *table,
                         gint64       id,
                         const char  *name,
                         GError     **error)
{
  g_autoptr(DgCustomerSnapshot) snapshot = NULL;
  TableRows *root;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (dg_catalog_lookup (table) != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  snapshot = snapshot_new ();
  snapshot->root_name = g_strdup (name);
  root = dg_snapshot_find_rows (snapshot, table);

  if (!dg_database_begin (db, error))
    return NULL;

  if (!read_rows (db, root, root->table->id_column, id, TRUE, error)
      || !take_closure_locked (db, snapshot, root, error))
    {
      dg_database_rollback (db);
      return NULL;
    }

  if (!dg_database_commit (db, error))
    return NULL;

  if (root->owned->len == 0)
    {
      g_set_error (error, DG_ERROR, DG_ERROR_NOT_FOUND,
                   /* Translators: %s is the name of what was to be kept for Undo. */
                   _("“%s” no longer exists"), name);
      return NULL;
    }

  return g_steal_pointer (&snapshot);
}

DgCustomerSnapshot *
dg_customers_take_snapshots (DgDatabase    *db,
                             const gint64  *ids,
                             guint          n_ids,
                             GError       **error)
{
  g_autoptr(DgCustomerSnapshot) snapshot = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  snapshot = snapshot_new ();

  /* One transaction, so that every table is read at the same moment. */
  if (!dg_database_begin (db, error))
    return NULL;

  if (!take_locked (db, snapshot, ids, n_ids, error))
    {
      dg_database_rollback (db);
      return NULL;
    }

  if (!dg_database_commit (db, error))
    return NULL;

  return g_steal_pointer (&snapshot);
}

DgCustomerSnapshot *
dg_customers_take_snapshot (DgDatabase  *db,
                            gint64       id,
                            GError     **error)
{
  return dg_customers_take_snapshots (db, &id, 1, error);
}

guint
dg_customer_snapshot_get_n_customers (DgCustomerSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, 0);

  return snapshot->customers->len;
}

DgCustomer *
dg_customer_snapshot_get_nth_customer (DgCustomerSnapshot *snapshot,
                                       guint               i)
{
  g_return_val_if_fail (snapshot != NULL, NULL);
  g_return_val_if_fail (i < snapshot->customers->len, NULL);

  return g_ptr_array_index (snapshot->customers, i);
}

DgCustomer *
dg_customer_snapshot_get_customer (DgCustomerSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, NULL);

  return snapshot->customers->len > 0 ? g_ptr_array_index (snapshot->customers, 0) : NULL;
}

guint
dg_customer_snapshot_get_n_interactions (DgCustomerSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, 0);

  return dg_snapshot_find_rows (snapshot, DG_TABLE_INTERACTIONS)->owned->len;
}

guint
dg_customer_snapshot_get_n_followups (DgCustomerSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, 0);

  return dg_snapshot_find_rows (snapshot, DG_TABLE_FOLLOWUPS)->owned->len;
}
