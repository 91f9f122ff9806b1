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

#include "dg-catalog.h"
#include "dg-customer-snapshot.h"
#include "dg-customers.h"
#include "dg-database-private.h"
#include "dg-error.h"

/* One row, column by column as SQLite stored it, so that a column added by
 * a later migration is kept too. */
typedef GPtrArray Row;   /* sqlite3_value * */

/* The rows of one table that went with the customers, and those they
 * referred to that stayed. */
typedef struct
{
  const DgCatalogTable *table;
  GPtrArray            *columns;  /* char *, as read */
  GPtrArray            *owned;    /* Row * */
  GPtrArray            *shared;   /* Row * */
  /* Keys of the rows read, so that a row reached twice is kept once. */
  GHashTable           *seen;
  /* The id_column values of the owned rows (gint64), in the order read
   * and as a set; and the ids of the shared rows. */
  GArray               *owned_ids;
  GHashTable           *owned_set;
  GHashTable           *shared_set;
  /* Built once per restore: the INSERT of every column read, and for each
   * column the table its values refer to (NULL when none). */
  char                 *insert_sql;
  const char          **column_refs;
} TableRows;

struct _DgCustomerSnapshot
{
  GPtrArray *customers;   /* DgCustomer *, in the order asked */
  TableRows *tables;      /* one per catalogue table, in its order */
  guint      n_tables;
  /* A snapshot of another record than customers (a journey): its name,
   * for messages; the rows it refers to (its customers) are not written
   * back when they went meanwhile. */
  char      *root_name;
};

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

static TableRows *
find_rows (DgCustomerSnapshot *snapshot,
           const char         *table)
{
  for (guint i = 0; i < snapshot->n_tables; i++)
    {
      if (g_str_equal (snapshot->tables[i].table->name, table))
        return &snapshot->tables[i];
    }

  g_return_val_if_reached (NULL);
}

static int
column_index (TableRows  *rows,
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
  int id = rows->table->id_column != NULL ? column_index (rows, rows->table->id_column) : -1;
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
  id_index = rows->table->id_column != NULL ? column_index (rows, rows->table->id_column) : -1;

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

      parent = find_rows (snapshot, key->table);
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
      TableRows *parent = find_rows (snapshot, key->table);
      int column = column_index (rows, key->column);

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
  TableRows *customers = find_rows (snapshot, DG_TABLE_CUSTOMERS);

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
  root = find_rows (snapshot, table);

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
      int i = column_index (rows, table->foreign_keys[k].column);

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
  int id_index = table->id_column != NULL ? column_index (rows, table->id_column) : -1;

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
  gint64 old_id = sqlite3_value_int64 (g_ptr_array_index (row, column_index (rows, table->id_column)));
  gint64 found = 0;

  if (table->uuid_column != NULL
      && !find_row (db, rows, table->uuid_column,
                    g_ptr_array_index (row, column_index (rows, table->uuid_column)), &found, error))
    return FALSE;

  for (guint r = 0; r < table->n_rules && found == 0; r++)
    {
      const DgCatalogRule *rule = &table->rules[r];

      if (rule->kind == DG_CATALOG_RULE_UNIQUE
          && !find_row (db, rows, rule->column,
                        g_ptr_array_index (row, column_index (rows, rule->column)), &found, error))
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
                     g_ptr_array_index (row, column_index (rows, table->uuid_column)), &found, error))
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

  return find_rows (snapshot, DG_TABLE_INTERACTIONS)->owned->len;
}

guint
dg_customer_snapshot_get_n_followups (DgCustomerSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, 0);

  return find_rows (snapshot, DG_TABLE_FOLLOWUPS)->owned->len;
}
