/* dg-customer-snapshot.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-customer-snapshot.h"
#include "dg-customers.h"
#include "dg-database-private.h"
#include "dg-error.h"

/* The rows of one table that belonged to the customer, column by column
 * as SQLite stored them, so that a column added by a later migration is
 * kept too. */
typedef struct
{
  const char *table;
  GPtrArray  *columns;   /* char * */
  GPtrArray  *rows;      /* GPtrArray of sqlite3_value * */
} TableRows;

/* In the order they are written back: what a row refers to first. */
enum {
  TABLE_CUSTOMERS,
  TABLE_TAGS,
  TABLE_CUSTOMER_TAGS,
  TABLE_CUSTOMER_SEARCH,
  TABLE_INTERACTIONS,
  TABLE_FOLLOWUPS,
  N_TABLES
};

static const struct {
  const char *table;
  const char *select;
} tables[N_TABLES] = {
  { "customers", "SELECT * FROM customers WHERE id = ?1" },
  { "tags", "SELECT t.* FROM tags t JOIN customer_tags ct ON ct.tag_id = t.id "
            "WHERE ct.customer_id = ?1 ORDER BY t.id" },
  { "customer_tags", "SELECT * FROM customer_tags WHERE customer_id = ?1 ORDER BY tag_id" },
  { "customer_search", "SELECT * FROM customer_search WHERE customer_id = ?1" },
  { "interactions", "SELECT * FROM interactions WHERE customer_id = ?1 ORDER BY id" },
  { "followups", "SELECT * FROM followups WHERE customer_id = ?1 ORDER BY id" },
};

struct _DgCustomerSnapshot
{
  DgCustomer *customer;
  TableRows   tables[N_TABLES];
};

static void
table_rows_clear (TableRows *rows)
{
  g_clear_pointer (&rows->columns, g_ptr_array_unref);
  g_clear_pointer (&rows->rows, g_ptr_array_unref);
}

void
dg_customer_snapshot_free (DgCustomerSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  for (guint i = 0; i < N_TABLES; i++)
    table_rows_clear (&snapshot->tables[i]);
  g_clear_object (&snapshot->customer);
  g_free (snapshot);
}

static gboolean
read_rows (DgDatabase  *db,
           guint        table,
           gint64       customer_id,
           TableRows   *out,
           GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  int n_columns;
  int rc;

  stmt = dg_database_prepare (db, tables[table].select, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);

  out->table = tables[table].table;
  out->columns = g_ptr_array_new_with_free_func (g_free);
  out->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);

  n_columns = sqlite3_column_count (stmt);
  for (int i = 0; i < n_columns; i++)
    g_ptr_array_add (out->columns, g_strdup (sqlite3_column_name (stmt, i)));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GPtrArray *row = g_ptr_array_new_full (n_columns, (GDestroyNotify)sqlite3_value_free);

      for (int i = 0; i < n_columns; i++)
        {
          sqlite3_value *value = sqlite3_value_dup (sqlite3_column_value (stmt, i));

          if (value == NULL)
            {
              g_ptr_array_unref (row);
              g_set_error_literal (error, DG_ERROR, DG_ERROR_DATABASE,
                                   _("The customer could not be kept for Undo: out of memory"));
              return FALSE;
            }
          g_ptr_array_add (row, value);
        }
      g_ptr_array_add (out->rows, row);
    }

  if (rc != SQLITE_DONE)
    return dg_database_set_error (db, error);

  return TRUE;
}

DgCustomerSnapshot *
dg_customers_take_snapshot (DgDatabase  *db,
                            gint64       id,
                            GError     **error)
{
  g_autoptr(DgCustomerSnapshot) snapshot = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  snapshot = g_new0 (DgCustomerSnapshot, 1);

  /* One transaction, so that every table is read at the same moment. */
  if (!dg_database_begin (db, error))
    return NULL;

  snapshot->customer = dg_customers_get (db, id, error);
  if (snapshot->customer == NULL)
    {
      dg_database_rollback (db);
      return NULL;
    }

  for (guint i = 0; i < N_TABLES; i++)
    {
      if (!read_rows (db, i, id, &snapshot->tables[i], error))
        {
          dg_database_rollback (db);
          return NULL;
        }
    }

  if (!dg_database_commit (db, error))
    return NULL;

  return g_steal_pointer (&snapshot);
}

static int
column_index (TableRows  *rows,
              const char *name)
{
  for (guint i = 0; i < rows->columns->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (rows->columns, i), name))
        return i;
    }

  return -1;
}

/* Whether a row of @table already has @column = @value. */
static gboolean
row_exists (DgDatabase     *db,
            const char     *table,
            const char     *column,
            sqlite3_value  *value,
            gboolean       *out_exists,
            GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE \"%s\" = ?1", table, column);
  g_auto(DgStatement) stmt = NULL;
  int rc;

  stmt = dg_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_value (stmt, 1, value);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return dg_database_set_error (db, error);

  *out_exists = rc == SQLITE_ROW;

  return TRUE;
}

/* What the rows being written refer to that may have changed: the
 * customer's id and the ids of its tags. */
typedef struct
{
  gint64      customer_id;
  GHashTable *tag_ids;     /* old id → id now, as gint64 * */
} Remap;

static void
set_conflict_error (DgCustomerSnapshot  *snapshot,
                    GError             **error)
{
  g_set_error (error, DG_ERROR, DG_ERROR_FAILED,
               /* Translators: Undo after deleting a customer failed; %s is
                * the customer's name. */
               _("“%s” could not be brought back: part of their records has been added again in the meantime"),
               dg_customer_get_name (snapshot->customer));
}

/* Writes @row back into its table: the same values, but the customer and
 * tag ids as they are now, and a new id when its own was taken. */
static gboolean
insert_row (DgDatabase          *db,
            DgCustomerSnapshot  *snapshot,
            TableRows           *rows,
            GPtrArray           *row,
            Remap               *remap,
            gint64              *out_id,
            GError             **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_auto(DgStatement) stmt = NULL;
  int uuid_column = column_index (rows, "uuid");

  if (uuid_column >= 0)
    {
      gboolean exists = FALSE;

      if (!row_exists (db, rows->table, "uuid", g_ptr_array_index (row, uuid_column), &exists, error))
        return FALSE;
      if (exists)
        {
          set_conflict_error (snapshot, error);
          return FALSE;
        }
    }

  g_string_append_printf (sql, "INSERT INTO \"%s\" (", rows->table);
  for (guint i = 0; i < rows->columns->len; i++)
    g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "", (char *)g_ptr_array_index (rows->columns, i));
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < rows->columns->len; i++)
    g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 1);
  g_string_append (sql, ")");

  stmt = dg_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < rows->columns->len; i++)
    {
      const char *column = g_ptr_array_index (rows->columns, i);
      sqlite3_value *value = g_ptr_array_index (row, i);

      if (g_str_equal (column, "id"))
        {
          gboolean taken = FALSE;

          if (!row_exists (db, rows->table, "id", value, &taken, error))
            return FALSE;
          if (taken)
            sqlite3_bind_null (stmt, i + 1);
          else
            sqlite3_bind_value (stmt, i + 1, value);
        }
      else if (g_str_equal (column, "customer_id"))
        {
          sqlite3_bind_int64 (stmt, i + 1, remap->customer_id);
        }
      else if (g_str_equal (column, "tag_id"))
        {
          gint64 old_id = sqlite3_value_int64 (value);
          gint64 *new_id = g_hash_table_lookup (remap->tag_ids, &old_id);

          sqlite3_bind_int64 (stmt, i + 1, new_id != NULL ? *new_id : old_id);
        }
      else
        {
          sqlite3_bind_value (stmt, i + 1, value);
        }
    }

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return dg_database_set_error (db, error);

  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (dg_database_get_handle (db));

  return TRUE;
}

/* A tag of the customer: the tag of that uuid or name when there is one
 * now, else the tag written back. */
static gboolean
restore_tag (DgDatabase          *db,
             DgCustomerSnapshot  *snapshot,
             TableRows           *rows,
             GPtrArray           *row,
             Remap               *remap,
             gboolean            *out_created,
             GError             **error)
{
  g_auto(DgStatement) stmt = NULL;
  gint64 old_id = sqlite3_value_int64 (g_ptr_array_index (row, column_index (rows, "id")));
  gint64 new_id;
  int rc;

  stmt = dg_database_prepare (db, "SELECT id FROM tags WHERE uuid = ?1 OR name = ?2 LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_value (stmt, 1, g_ptr_array_index (row, column_index (rows, "uuid")));
  sqlite3_bind_value (stmt, 2, g_ptr_array_index (row, column_index (rows, "name")));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      new_id = sqlite3_column_int64 (stmt, 0);
    }
  else if (rc == SQLITE_DONE)
    {
      dg_statement_release (g_steal_pointer (&stmt));
      if (!insert_row (db, snapshot, rows, row, remap, &new_id, error))
        return FALSE;
      *out_created = TRUE;
    }
  else
    {
      return dg_database_set_error (db, error);
    }

  g_hash_table_insert (remap->tag_ids, g_memdup2 (&old_id, sizeof old_id), g_memdup2 (&new_id, sizeof new_id));

  return TRUE;
}

static gboolean
restore_locked (DgDatabase          *db,
                DgCustomerSnapshot  *snapshot,
                Remap               *remap,
                gboolean            *out_tags_created,
                GError             **error)
{
  TableRows *customers = &snapshot->tables[TABLE_CUSTOMERS];

  if (customers->rows->len != 1)
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_NOT_FOUND, _("The customer was not found"));
      return FALSE;
    }

  if (!insert_row (db, snapshot, customers, g_ptr_array_index (customers->rows, 0),
                   remap, &remap->customer_id, error))
    return FALSE;

  for (guint table = TABLE_TAGS; table < N_TABLES; table++)
    {
      TableRows *rows = &snapshot->tables[table];

      for (guint i = 0; i < rows->rows->len; i++)
        {
          GPtrArray *row = g_ptr_array_index (rows->rows, i);
          gboolean ok;

          if (table == TABLE_TAGS)
            ok = restore_tag (db, snapshot, rows, row, remap, out_tags_created, error);
          else
            ok = insert_row (db, snapshot, rows, row, remap, NULL, error);

          if (!ok)
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
  Remap remap = { 0, };
  gboolean tags_created = FALSE;
  gboolean ok;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  remap.tag_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  if (!dg_database_begin (db, error))
    {
      g_hash_table_unref (remap.tag_ids);
      return FALSE;
    }

  ok = restore_locked (db, snapshot, &remap, &tags_created, error);
  g_hash_table_unref (remap.tag_ids);

  if (!ok)
    {
      dg_database_rollback (db);
      return FALSE;
    }

  dg_database_notify_changed (db, "customers");
  if (tags_created)
    dg_database_notify_changed (db, "tags");
  if (snapshot->tables[TABLE_INTERACTIONS].rows->len > 0)
    dg_database_notify_changed (db, "interactions");
  if (snapshot->tables[TABLE_FOLLOWUPS].rows->len > 0)
    dg_database_notify_changed (db, "followups");

  if (!dg_database_commit (db, error))
    return FALSE;

  dg_customer_set_id (snapshot->customer, remap.customer_id);

  return TRUE;
}

DgCustomer *
dg_customer_snapshot_get_customer (DgCustomerSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, NULL);

  return snapshot->customer;
}

guint
dg_customer_snapshot_get_n_interactions (DgCustomerSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, 0);

  return snapshot->tables[TABLE_INTERACTIONS].rows->len;
}

guint
dg_customer_snapshot_get_n_followups (DgCustomerSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, 0);

  return snapshot->tables[TABLE_FOLLOWUPS].rows->len;
}
