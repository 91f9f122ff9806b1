/* dg-bench-backup-floor.c
 *
 * The column lists come from the backup format's tables (which key is
 * which column); everything else is written out plainly here, so that the
 * floor shares no reading, checking or inserting code with the restore.
 */
#define G_LOG_DOMAIN "Dangol-Bench"

#include "config.h"

#include <string.h>

#include "dg-backup-private.h"
#include "dg-bench-backup-floor.h"
#include "dg-database-private.h"

/* remind_at NULL */
#define NO_REMINDER G_MININT64

struct _DgBenchFloorDerived
{
  GStringChunk *text;
  /* Per customer, in id order. */
  GPtrArray    *phone_digits;
  GPtrArray    *tags_text;
  GPtrArray    *haystack;
  /* Per follow-up, in id order. */
  GArray       *due_key;
  GArray       *remind_at;
  char         *all_day_zone;
};

void
dg_bench_floor_derived_free (DgBenchFloorDerived *derived)
{
  if (derived == NULL)
    return;

  g_string_chunk_free (derived->text);
  g_ptr_array_unref (derived->phone_digits);
  g_ptr_array_unref (derived->tags_text);
  g_ptr_array_unref (derived->haystack);
  g_array_unref (derived->due_key);
  g_array_unref (derived->remind_at);
  g_free (derived->all_day_zone);
  g_free (derived);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

DgBenchFloorDerived *
dg_bench_floor_derived_read (DgDatabase  *source,
                             GError     **error)
{
  g_autoptr(DgBenchFloorDerived) derived = g_new0 (DgBenchFloorDerived, 1);
  sqlite3_stmt *stmt;
  int rc;

  derived->text = g_string_chunk_new (1024 * 1024);
  derived->phone_digits = g_ptr_array_new ();
  derived->tags_text = g_ptr_array_new ();
  derived->haystack = g_ptr_array_new ();
  derived->due_key = g_array_new (FALSE, FALSE, sizeof (gint64));
  derived->remind_at = g_array_new (FALSE, FALSE, sizeof (gint64));

  stmt = dg_database_prepare (source,
                              "SELECT c.phone_digits, c.tags_text, s.haystack FROM customers c"
                              " LEFT JOIN customer_search s ON s.customer_id = c.id ORDER BY c.id",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (derived->phone_digits, g_string_chunk_insert_const (derived->text, column_text (stmt, 0)));
      g_ptr_array_add (derived->tags_text, g_string_chunk_insert_const (derived->text, column_text (stmt, 1)));
      g_ptr_array_add (derived->haystack, g_string_chunk_insert (derived->text, column_text (stmt, 2)));
    }
  dg_statement_release (stmt);
  if (rc != SQLITE_DONE)
    {
      dg_database_set_error (source, error);
      return NULL;
    }

  stmt = dg_database_prepare (source, "SELECT due_key, remind_at FROM followups ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 key = sqlite3_column_int64 (stmt, 0);
      gint64 remind = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? NO_REMINDER
                                                                   : sqlite3_column_int64 (stmt, 1);

      g_array_append_val (derived->due_key, key);
      g_array_append_val (derived->remind_at, remind);
    }
  dg_statement_release (stmt);
  if (rc != SQLITE_DONE)
    {
      dg_database_set_error (source, error);
      return NULL;
    }

  stmt = dg_database_prepare (source, "SELECT value FROM meta WHERE name = 'all_day_zone'", error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    derived->all_day_zone = g_strdup (column_text (stmt, 0));
  dg_statement_release (stmt);

  return g_steal_pointer (&derived);
}

/* One kind's statements. */
typedef struct
{
  const DgBackupKind *kind;
  sqlite3_stmt       *insert;
  /* For each link table the kind's fields name: its insert. */
  sqlite3_stmt       *links[4];
  /* uuid → row */
  GHashTable         *ids;
  gint64              rows;
} FloorKind;

typedef struct
{
  DgDatabase          *db;
  DgBenchFloorDerived *derived;
  JsonParser          *parser;
  FloorKind           *kinds;
  guint                n_kinds;
  sqlite3_stmt        *search;
  sqlite3_stmt        *meta;
  guint64              records;
} Floor;

static int
kind_of_table (Floor      *f,
               const char *table)
{
  for (guint k = 0; k < f->n_kinds; k++)
    {
      if (g_str_equal (f->kinds[k].kind->table, table))
        return k;
    }

  g_assert_not_reached ();
}

static gboolean
prepare (Floor         *f,
         const char    *sql,
         sqlite3_stmt **out,
         GError       **error)
{
  if (sqlite3_prepare_v3 (dg_database_get_handle (f->db), sql, -1, SQLITE_PREPARE_PERSISTENT,
                          out, NULL) != SQLITE_OK)
    {
      g_prefix_error (error, "%s: ", sql);
      return dg_database_set_error (f->db, error);
    }

  return TRUE;
}

/* INSERT INTO table (id, its own columns, the derived ones) and one
 * insert per link table. */
static gboolean
prepare_kind (Floor      *f,
              FloorKind  *fk,
              GError    **error)
{
  const DgBackupKind *kind = fk->kind;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new ("?");
  guint n_links = 0;

  g_string_printf (sql, "INSERT INTO \"%s\" (id", kind->table);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      if (g_str_equal (kind->fields[i].table, kind->table))
        {
          g_string_append_printf (sql, ", \"%s\"", kind->fields[i].column);
          g_string_append (values, ", ?");
        }
    }
  if (g_str_equal (kind->table, DG_TABLE_CUSTOMERS))
    {
      g_string_append (sql, ", phone_digits, tags_text");
      g_string_append (values, ", ?, ?");
    }
  else if (g_str_equal (kind->table, DG_TABLE_FOLLOWUPS))
    {
      g_string_append (sql, ", due_key, remind_at");
      g_string_append (values, ", ?, ?");
    }
  g_string_append_printf (sql, ") VALUES (%s)", values->str);
  if (!prepare (f, sql->str, &fk->insert, error))
    return FALSE;

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const DgBackupField *field = &kind->fields[i];
      g_autoptr(GString) link = NULL;

      if (g_str_equal (field->table, kind->table) || field->type == DG_BACKUP_VALUE_PARENT
          || (i > 0 && g_str_equal (kind->fields[i - 1].table, field->table)))
        continue;

      link = g_string_new (NULL);
      g_string_printf (link, "INSERT INTO \"%s\" (\"%s\"", field->table,
                       dg_backup_link_column (field->table, kind->table));
      g_string_truncate (values, 0);
      g_string_append (values, "?");
      for (guint j = i; j < kind->n_fields && g_str_equal (kind->fields[j].table, field->table); j++)
        {
          g_string_append_printf (link, ", \"%s\"", kind->fields[j].column);
          g_string_append (values, ", ?");
        }
      g_string_append_printf (link, ") VALUES (%s)", values->str);

      g_assert (n_links < G_N_ELEMENTS (fk->links));
      if (!prepare (f, link->str, &fk->links[n_links++], error))
        return FALSE;
    }

  return TRUE;
}

static gint64
lookup (Floor      *f,
        const char *table,
        const char *uuid)
{
  return GPOINTER_TO_SIZE (g_hash_table_lookup (f->kinds[kind_of_table (f, table)].ids, uuid));
}

/* Binds the JSON value of @field as it is: text, number, true/false, a
 * reference's row, or NULL. */
static void
bind_member (Floor               *f,
             sqlite3_stmt        *stmt,
             int                  index,
             JsonObject          *record,
             const DgBackupField *field)
{
  JsonNode *node = json_object_get_member (record, field->key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    sqlite3_bind_null (stmt, index);
  else if (field->type == DG_BACKUP_VALUE_REFERENCE)
    sqlite3_bind_int64 (stmt, index, lookup (f, field->target, json_node_get_string (node)));
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    sqlite3_bind_text (stmt, index, json_node_get_string (node), -1, SQLITE_STATIC);
  else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, index, json_node_get_boolean (node));
  else
    sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
}

static gboolean
step (Floor         *f,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return dg_database_set_error (f->db, error);

  return TRUE;
}

static gboolean insert_record (Floor     *f,
                               guint      k,
                               JsonNode  *node,
                               gint64     parent_row,
                               GError   **error);

static gboolean
insert_links (Floor       *f,
              FloorKind   *fk,
              JsonObject  *record,
              gint64       row,
              GError     **error)
{
  const DgBackupKind *kind = fk->kind;
  guint n_links = 0;

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const DgBackupField *field = &kind->fields[i];
      sqlite3_stmt *stmt;

      if (g_str_equal (field->table, kind->table) || field->type == DG_BACKUP_VALUE_PARENT
          || (i > 0 && g_str_equal (kind->fields[i - 1].table, field->table)))
        continue;

      stmt = fk->links[n_links++];
      if (field->type == DG_BACKUP_VALUE_REFERENCE_LIST)
        {
          JsonArray *array = json_object_get_array_member (record, field->key);

          for (guint e = 0; e < json_array_get_length (array); e++)
            {
              sqlite3_bind_int64 (stmt, 1, row);
              sqlite3_bind_int64 (stmt, 2, lookup (f, field->target,
                                                   json_array_get_string_element (array, e)));
              if (!step (f, stmt, error))
                return FALSE;
            }
        }
      else
        {
          int index = 1;

          /* A row of its fields, when they are given. */
          if (json_object_get_null_member (record, field->key))
            continue;

          sqlite3_bind_int64 (stmt, index, row);
          for (guint j = i; j < kind->n_fields && g_str_equal (kind->fields[j].table, field->table); j++)
            bind_member (f, stmt, ++index, record, &kind->fields[j]);
          if (!step (f, stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
insert_record (Floor     *f,
               guint      k,
               JsonNode  *node,
               gint64     parent_row,
               GError   **error)
{
  FloorKind *fk = &f->kinds[k];
  const DgBackupKind *kind = fk->kind;
  JsonObject *record = json_node_get_object (node);
  sqlite3_stmt *stmt = fk->insert;
  gint64 row = ++fk->rows;
  int index = 1;

  f->records++;

  sqlite3_bind_int64 (stmt, index, row);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const DgBackupField *field = &kind->fields[i];

      if (!g_str_equal (field->table, kind->table))
        continue;

      index++;
      if (field->type == DG_BACKUP_VALUE_PARENT)
        sqlite3_bind_int64 (stmt, index, parent_row);
      else
        bind_member (f, stmt, index, record, field);

      if (field->type == DG_BACKUP_VALUE_UUID)
        g_hash_table_insert (fk->ids, g_strdup (json_object_get_string_member (record, field->key)),
                             GSIZE_TO_POINTER (row));
    }

  if (g_str_equal (kind->table, DG_TABLE_CUSTOMERS))
    {
      sqlite3_bind_text (stmt, ++index, f->derived->phone_digits->pdata[row - 1], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, ++index, f->derived->tags_text->pdata[row - 1], -1, SQLITE_STATIC);
    }
  else if (g_str_equal (kind->table, DG_TABLE_FOLLOWUPS))
    {
      gint64 remind = g_array_index (f->derived->remind_at, gint64, row - 1);

      sqlite3_bind_int64 (stmt, ++index, g_array_index (f->derived->due_key, gint64, row - 1));
      if (remind == NO_REMINDER)
        sqlite3_bind_null (stmt, ++index);
      else
        sqlite3_bind_int64 (stmt, ++index, remind);
    }

  if (!step (f, stmt, error) || !insert_links (f, fk, record, row, error))
    return FALSE;

  if (g_str_equal (kind->table, DG_TABLE_CUSTOMERS))
    {
      sqlite3_bind_int64 (f->search, 1, row);
      sqlite3_bind_text (f->search, 2, f->derived->haystack->pdata[row - 1], -1, SQLITE_STATIC);
      if (!step (f, f->search, error))
        return FALSE;
    }

  for (guint child = 0; child < f->n_kinds; child++)
    {
      JsonArray *array;

      if (f->kinds[child].kind->parent != (int) k)
        continue;

      array = json_object_get_array_member (record, f->kinds[child].kind->key);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (!insert_record (f, child, json_array_get_element (array, i), row, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
insert_setting (Floor       *f,
                JsonObject  *record,
                GError     **error)
{
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT,
                                            json_object_get_int_member (record, "value"));

  f->records++;
  sqlite3_bind_text (f->meta, 1, json_object_get_string_member (record, "name"), -1, SQLITE_STATIC);
  sqlite3_bind_text (f->meta, 2, value, -1, SQLITE_STATIC);

  return step (f, f->meta, error);
}

/* The top-level kind whose array is under @key (not nul-terminated), -1
 * for the settings, -2 for anything else. */
static int
kind_of_key (Floor      *f,
             const char *key,
             gsize       length)
{
  if (length == strlen ("settings") && memcmp (key, "settings", length) == 0)
    return -1;

  for (guint k = 0; k < f->n_kinds; k++)
    {
      const char *name = f->kinds[k].kind->key;

      if (f->kinds[k].kind->parent < 0 && strlen (name) == length && memcmp (name, key, length) == 0)
        return k;
    }

  return -2;
}

static gboolean
handle_record (Floor       *f,
               int          k,
               const char  *text,
               gsize        length,
               GError     **error)
{
  JsonNode *root;

  if (!json_parser_load_from_data (f->parser, text, length, error))
    return FALSE;
  root = json_parser_get_root (f->parser);

  if (k == -1)
    return insert_setting (f, json_node_get_object (root), error);

  return insert_record (f, k, root, 0, error);
}

/* One pass over the text: the records are the objects two levels down
 * (root object → array → record); the key of their array is the last
 * string seen one level down. */
static gboolean
walk (Floor       *f,
      const char  *data,
      gsize        length,
      GError     **error)
{
  const char *p = data;
  const char *end = data + length;
  const char *key = NULL;
  gsize key_length = 0;
  const char *record = NULL;
  int kind = -2;
  int depth = 0;

  while (p < end)
    {
      switch (*p)
        {
        case '"':
          {
            const char *start = ++p;

            while (p < end && *p != '"')
              p += *p == '\\' ? 2 : 1;
            if (depth == 1)
              {
                key = start;
                key_length = p - start;
              }
          }
          break;

        case '[':
          if (depth == 1 && key != NULL)
            kind = kind_of_key (f, key, key_length);
          depth++;
          break;

        case '{':
          if (depth == 2)
            record = p;
          depth++;
          break;

        case ']':
          depth--;
          break;

        case '}':
          depth--;
          if (depth == 2 && record != NULL)
            {
              if (kind != -2 && !handle_record (f, kind, record, p + 1 - record, error))
                return FALSE;
              record = NULL;
            }
          break;

        default:
          break;
        }
      p++;
    }

  return TRUE;
}

static void
floor_clear (Floor *f)
{
  for (guint k = 0; k < f->n_kinds; k++)
    {
      sqlite3_finalize (f->kinds[k].insert);
      for (guint l = 0; l < G_N_ELEMENTS (f->kinds[k].links); l++)
        sqlite3_finalize (f->kinds[k].links[l]);
      g_clear_pointer (&f->kinds[k].ids, g_hash_table_unref);
    }
  g_free (f->kinds);
  sqlite3_finalize (f->search);
  sqlite3_finalize (f->meta);
  g_clear_object (&f->parser);
}

gboolean
dg_bench_floor_restore (const char           *path,
                        DgBenchFloorDerived  *derived,
                        DgDatabase           *target,
                        guint64              *out_records,
                        GError              **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  const DgBackupKind *kinds;
  Floor f = { 0 };
  gboolean ok;

  if (!g_file_get_contents (path, &data, &length, error))
    return FALSE;

  f.db = target;
  f.derived = derived;
  f.parser = json_parser_new_immutable ();
  kinds = dg_backup_get_kinds (&f.n_kinds);
  f.kinds = g_new0 (FloorKind, f.n_kinds);

  ok = prepare (&f, "INSERT INTO customer_search (customer_id, haystack) VALUES (?, ?)", &f.search, error)
       && prepare (&f, "INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)", &f.meta, error);
  for (guint k = 0; k < f.n_kinds && ok; k++)
    {
      f.kinds[k].kind = &kinds[k];
      f.kinds[k].ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      ok = prepare_kind (&f, &f.kinds[k], error);
    }

  ok = ok && dg_database_begin (target, error);
  if (ok)
    {
      if (derived->all_day_zone != NULL)
        {
          sqlite3_bind_text (f.meta, 1, "all_day_zone", -1, SQLITE_STATIC);
          sqlite3_bind_text (f.meta, 2, derived->all_day_zone, -1, SQLITE_STATIC);
          ok = step (&f, f.meta, error);
        }

      ok = ok && walk (&f, data, length, error);
      if (ok)
        ok = dg_database_commit (target, error);
      else
        dg_database_rollback (target);
    }

  *out_records = f.records;
  floor_clear (&f);

  return ok;
}
