/* dg-backup-write.c
 *
 * Export: one read transaction (a consistent snapshot, and no write lock
 * that would hold the other process back), records written one by one as
 * they are read, into a private temporary file beside the target that is
 * synced and then renamed over it (DgExportFile). Nothing builds the whole document, so
 * memory stays flat however big the database is.
 *
 * The text is deterministic: records in id order (a restore gives ids in
 * file order, so a restored database writes the same order), keys in the
 * order of the format's tables, numbers as integers, strings escaped one
 * way.
 */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-backup-private.h"
#include "dg-database-private.h"
#include "dg-error.h"
#include "dg-export-file-private.h"
#include "dg-meta-private.h"
#include "dg-record-private.h"

/* The uuids of a table by id, for the references to it. A lookup per
 * row in SQLite would read the referred table's pages at random, and the
 * rows read around it push them out of its small page cache: for a
 * million interactions that was half the time of the export. */
typedef struct
{
  /* Ascending, with the uuid of each at the same index. */
  GArray       *ids;
  GPtrArray    *uuids;
  GStringChunk *text;
} UuidMap;

typedef struct
{
  DgDatabase     *db;
  DgExportFile   *file;
  GString        *out;
  GCancellable   *cancellable;
  DgBackupCounts  counts;
  guint           since_check;
  /* table name → UuidMap, made when first needed */
  GHashTable     *maps;
} Writer;

static void
uuid_map_free (gpointer data)
{
  UuidMap *map = data;

  g_array_unref (map->ids);
  g_ptr_array_unref (map->uuids);
  g_string_chunk_free (map->text);
  g_free (map);
}

static UuidMap *
get_uuid_map (Writer      *w,
              const char  *table,
              GError     **error)
{
  UuidMap *map = g_hash_table_lookup (w->maps, table);
  g_autofree char *sql = NULL;
  g_auto(DgStatement) stmt = NULL;
  int rc;

  if (map != NULL)
    return map;

  sql = g_strdup_printf ("SELECT id, uuid FROM \"%s\" ORDER BY id", table);
  stmt = dg_database_prepare (w->db, sql, error);
  if (stmt == NULL)
    return NULL;

  map = g_new0 (UuidMap, 1);
  map->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  map->uuids = g_ptr_array_new ();
  map->text = g_string_chunk_new (64 * 1024);
  g_hash_table_insert (w->maps, (gpointer) table, map);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (map->ids, id);
      g_ptr_array_add (map->uuids,
                       g_string_chunk_insert (map->text, (const char *) sqlite3_column_text (stmt, 1)));
    }

  if (rc != SQLITE_DONE)
    {
      dg_database_set_error (w->db, error);
      g_hash_table_remove (w->maps, table);
      return NULL;
    }

  return map;
}

/* The uuid of row @id of @map, or NULL. */
static const char *
uuid_map_lookup (UuidMap *map,
                 gint64   id)
{
  guint low = 0;
  guint high = map->ids->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      gint64 found = g_array_index (map->ids, gint64, middle);

      if (found == id)
        return g_ptr_array_index (map->uuids, middle);
      if (found < id)
        low = middle + 1;
      else
        high = middle;
    }

  return NULL;
}

static gboolean
record_done (Writer  *w,
             GError **error)
{
  if (!dg_export_file_flush_if_full (w->file, error))
    return FALSE;

  if (++w->since_check >= 1000)
    {
      w->since_check = 0;
      if (g_cancellable_set_error_if_cancelled (w->cancellable, error))
        return FALSE;
    }

  return TRUE;
}

static void
append_string (GString    *out,
               const char *text)
{
  g_autofree char *valid = NULL;
  const char *run;

  /* The database holds valid UTF-8; anything else would make a file no
   * one can read back. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  /* Bytes that need no escape are copied a run at a time. */
  run = text;
  for (const char *p = text; ; p++)
    {
      guchar c = *p;

      if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
        continue;

      g_string_append_len (out, run, p - run);
      if (c == '\0')
        break;
      run = p + 1;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default: g_string_append_printf (out, "\\u%04x", c); break;
        }
    }
  g_string_append_c (out, '"');
}

static void
append_key (GString    *out,
            gboolean   *first,
            const char *key)
{
  if (!*first)
    g_string_append (out, ", ");
  *first = FALSE;
  /* The format's own keys: ASCII names that need neither a check nor an
   * escape, written for every record. */
  g_string_append_c (out, '"');
  g_string_append (out, key);
  g_string_append (out, "\": ");
}

static char *
build_select (const DgBackupKind *kind)
{
  GString *sql = g_string_new ("SELECT t.id");

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const DgBackupField *field = &kind->fields[i];

      if (field->type == DG_BACKUP_VALUE_PARENT || field->type == DG_BACKUP_VALUE_REFERENCE_LIST)
        continue;

      /* A reference of the row itself is read as the id, and written as
       * the uuid its table's map holds. */
      if (field->type != DG_BACKUP_VALUE_REFERENCE || g_str_equal (field->table, kind->table))
        g_string_append_printf (sql, ", t.\"%s\"", field->column);
      else
        g_string_append_printf (sql,
                                ", (SELECT r.uuid FROM \"%s\" l JOIN \"%s\" r ON r.id = l.\"%s\""
                                " WHERE l.\"%s\" = t.id)",
                                field->table, field->target, field->column,
                                dg_backup_link_column (field->table, kind->table));
    }

  g_string_append_printf (sql, " FROM \"%s\" t", kind->table);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      if (kind->fields[i].type == DG_BACKUP_VALUE_PARENT
          && g_str_equal (kind->fields[i].table, kind->table))
        g_string_append_printf (sql, " WHERE t.\"%s\" = ?1", kind->fields[i].column);
    }

  g_string_append (sql, " ORDER BY t.id");

  return g_string_free (sql, FALSE);
}

static gboolean write_kind (Writer   *w,
                            guint     index,
                            gint64    parent_id,
                            GError  **error);

static gboolean
write_reference_list (Writer              *w,
                      const DgBackupKind  *kind,
                      const DgBackupField *field,
                      gint64               id,
                      GError             **error)
{
  g_autofree char *sql = NULL;
  g_auto(DgStatement) stmt = NULL;
  gboolean first = TRUE;
  int rc;

  sql = g_strdup_printf ("SELECT r.uuid FROM \"%s\" l JOIN \"%s\" r ON r.id = l.\"%s\""
                         " WHERE l.\"%s\" = ?1 ORDER BY r.id",
                         field->table, field->target, field->column,
                         dg_backup_link_column (field->table, kind->table));
  stmt = dg_database_prepare (w->db, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  g_string_append_c (w->out, '[');
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!first)
        g_string_append (w->out, ", ");
      first = FALSE;
      append_string (w->out, (const char *) sqlite3_column_text (stmt, 0));
    }
  g_string_append_c (w->out, ']');

  if (rc != SQLITE_DONE)
    return dg_database_set_error (w->db, error);

  return TRUE;
}

static void
append_value (GString             *out,
              const DgBackupField *field,
              sqlite3_stmt        *stmt,
              int                  column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    {
      g_string_append (out, "null");
      return;
    }

  switch (field->type)
    {
    case DG_BACKUP_VALUE_INTEGER:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, column));
      break;

    case DG_BACKUP_VALUE_BOOLEAN:
      g_string_append (out, sqlite3_column_int64 (stmt, column) != 0 ? "true" : "false");
      break;

    default:
      append_string (out, (const char *) sqlite3_column_text (stmt, column));
      break;
    }
}

/* A reference of the row itself: its id, written as the uuid. */
static gboolean
append_reference (Writer               *w,
                  const DgBackupField  *field,
                  sqlite3_stmt         *stmt,
                  int                   column,
                  GError              **error)
{
  UuidMap *map;
  const char *uuid;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    {
      g_string_append (w->out, "null");
      return TRUE;
    }

  map = get_uuid_map (w, field->target, error);
  if (map == NULL)
    return FALSE;

  /* Foreign keys keep every reference to a row that exists. */
  uuid = uuid_map_lookup (map, sqlite3_column_int64 (stmt, column));
  if (uuid != NULL)
    append_string (w->out, uuid);
  else
    g_string_append (w->out, "null");

  return TRUE;
}

static gboolean
write_record (Writer        *w,
              guint          index,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  guint n_kinds;
  const DgBackupKind *kinds = dg_backup_get_kinds (&n_kinds);
  const DgBackupKind *kind = &kinds[index];
  gint64 id = sqlite3_column_int64 (stmt, 0);
  gboolean first = TRUE;
  int column = 1;

  g_string_append_c (w->out, '{');
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const DgBackupField *field = &kind->fields[i];

      if (field->type == DG_BACKUP_VALUE_PARENT)
        continue;

      append_key (w->out, &first, field->key);
      if (field->type == DG_BACKUP_VALUE_REFERENCE_LIST)
        {
          if (!write_reference_list (w, kind, field, id, error))
            return FALSE;
        }
      else if (field->type == DG_BACKUP_VALUE_REFERENCE && g_str_equal (field->table, kind->table))
        {
          if (!append_reference (w, field, stmt, column++, error))
            return FALSE;
        }
      else
        append_value (w->out, field, stmt, column++);
    }

  for (guint k = 0; k < n_kinds; k++)
    {
      if (kinds[k].parent != (int) index)
        continue;

      append_key (w->out, &first, kinds[k].key);
      if (!write_kind (w, k, id, error))
        return FALSE;
    }

  g_string_append_c (w->out, '}');
  (*dg_backup_counts_slot (&w->counts, kind))++;

  return TRUE;
}

/* Writes the array of kind @index: every record, or those nested in the
 * record @parent_id of its parent kind. */
static gboolean
write_kind (Writer   *w,
            guint     index,
            gint64    parent_id,
            GError  **error)
{
  guint n_kinds;
  const DgBackupKind *kind = &dg_backup_get_kinds (&n_kinds)[index];
  g_autofree char *sql = build_select (kind);
  g_auto(DgStatement) stmt = NULL;
  gboolean top = kind->parent < 0;
  gboolean first = TRUE;
  int rc;

  stmt = dg_database_prepare (w->db, sql, error);
  if (stmt == NULL)
    return FALSE;

  if (!top)
    sqlite3_bind_int64 (stmt, 1, parent_id);

  g_string_append_c (w->out, '[');
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (top)
        g_string_append (w->out, first ? "\n    " : ",\n    ");
      else if (!first)
        g_string_append (w->out, ", ");
      first = FALSE;

      if (!write_record (w, index, stmt, error))
        return FALSE;

      if (top && !record_done (w, error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    return dg_database_set_error (w->db, error);

  g_string_append (w->out, top && !first ? "\n  ]" : "]");

  return TRUE;
}

static gboolean
write_settings (Writer  *w,
                GError **error)
{
  guint n_settings;
  const DgBackupSetting *settings = dg_backup_get_settings (&n_settings);
  gboolean first = TRUE;

  g_string_append (w->out, ",\n  \"settings\": [");
  for (guint i = 0; i < n_settings; i++)
    {
      g_autofree char *value = NULL;
      gint64 number;

      if (!dg_meta_get (w->db, settings[i].name, &value, error))
        return FALSE;
      if (value == NULL)
        continue;

      /* What the app reads from an unreadable value is what it keeps. */
      number = g_ascii_strtoll (value, NULL, 10);
      number = CLAMP (number, settings[i].min, settings[i].max);

      g_string_append (w->out, first ? "\n    {\"name\": " : ",\n    {\"name\": ");
      first = FALSE;
      append_string (w->out, settings[i].name);
      g_string_append_printf (w->out, ", \"value\": %" G_GINT64_FORMAT "}", number);
      w->counts.n_settings++;
    }
  g_string_append (w->out, first ? "]" : "\n  ]");

  return TRUE;
}

static gboolean
write_document (Writer     *w,
                GDateTime  *exported_at,
                GError    **error)
{
  guint n_kinds;
  const DgBackupKind *kinds = dg_backup_get_kinds (&n_kinds);
  g_autofree char *when = dg_record_format_time (exported_at);

  g_string_append (w->out, "{\n  \"format\": ");
  append_string (w->out, DG_BACKUP_FORMAT_NAME);
  g_string_append_printf (w->out, ",\n  \"version\": %d,\n  \"exported_at\": ",
                          DG_BACKUP_FORMAT_VERSION);
  append_string (w->out, when);

  if (!write_settings (w, error))
    return FALSE;

  for (guint k = 0; k < n_kinds; k++)
    {
      if (kinds[k].parent >= 0)
        continue;

      g_string_append (w->out, ",\n  ");
      append_string (w->out, kinds[k].key);
      g_string_append (w->out, ": ");
      if (!write_kind (w, k, 0, error))
        return FALSE;
    }

  g_string_append (w->out, "\n}\n");

  return TRUE;
}

/* Reads inside one transaction: the caller's if one is open, else a read
 * transaction of our own, which holds no lock other writers wait for. */
static gboolean
write_snapshot (Writer     *w,
                GDateTime  *exported_at,
                GError    **error)
{
  gboolean ok;

  if (!dg_database_begin_read (w->db, error))
    return FALSE;

  ok = write_document (w, exported_at, error);

  /* A commit that fails is told, unless the snapshot already failed. */
  if (!dg_database_end_read (w->db, ok ? error : NULL))
    ok = FALSE;

  return ok;
}

gboolean
dg_backup_export (DgDatabase      *db,
                  const char      *path,
                  GDateTime       *exported_at,
                  DgBackupCounts  *out_counts,
                  GCancellable    *cancellable,
                  GError         **error)
{
  g_autoptr(DgExportFile) file = NULL;
  g_autoptr(GDateTime) when = NULL;
  Writer w = { 0 };
  gboolean ok;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), FALSE);

  when = exported_at != NULL ? dg_record_normalize_time (exported_at) : dg_database_now (db);

  file = dg_export_file_open_full (path, DG_EXPORT_FILE_BACKUP, error);
  if (file == NULL)
    return FALSE;

  w.db = db;
  w.file = file;
  w.out = dg_export_file_get_buffer (file);
  w.cancellable = cancellable;
  w.maps = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, uuid_map_free);

  /* On failure (cancelled too) the temporary file goes with @file. */
  ok = write_snapshot (&w, when, error);
  g_hash_table_unref (w.maps);
  if (!ok)
    return FALSE;

  if (!dg_export_file_commit (g_steal_pointer (&file), error))
    return FALSE;

  if (out_counts != NULL)
    *out_counts = w.counts;

  return TRUE;
}

gboolean
dg_backup_count_database (DgDatabase      *db,
                          DgBackupCounts  *out_counts,
                          GError         **error)
{
  guint n_kinds, n_settings;
  const DgBackupKind *kinds = dg_backup_get_kinds (&n_kinds);
  const DgBackupSetting *settings = dg_backup_get_settings (&n_settings);
  DgBackupCounts counts = { 0 };

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out_counts != NULL, FALSE);

  for (guint k = 0; k < n_kinds; k++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", kinds[k].table);
      g_auto(DgStatement) stmt = dg_database_prepare (db, sql, error);

      if (stmt == NULL)
        return FALSE;
      if (sqlite3_step (stmt) != SQLITE_ROW)
        return dg_database_set_error (db, error);

      *dg_backup_counts_slot (&counts, &kinds[k]) = sqlite3_column_int64 (stmt, 0);
    }

  for (guint i = 0; i < n_settings; i++)
    {
      g_autofree char *value = NULL;

      if (!dg_meta_get (db, settings[i].name, &value, error))
        return FALSE;
      if (value != NULL)
        counts.n_settings++;
    }

  *out_counts = counts;

  return TRUE;
}
