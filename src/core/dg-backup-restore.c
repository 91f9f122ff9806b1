/* dg-backup-restore.c
 *
 * Restore: a safety copy of the database first (VACUUM INTO a file made
 * 0600 beforehand, since SQLite would make it 0644), then one transaction
 * that deletes every record (the catalogue's reverse order), writes the
 * file's (its order), recomputes every derived value and commits. SQLite's
 * journal makes the transaction all or nothing: a crash or a kill at any
 * point leaves the old data or the new, never a mix.
 *
 * Each record gets as its id its row number in the file (the checker
 * numbered them in the same walk), so a reference is a lookup of the
 * uuid in the file's tables, never a query.
 */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dg-backup-private.h"
#include "dg-database-private.h"
#include "dg-error.h"
#include "dg-meta-private.h"
#include "dg-record-private.h"
#include "dg-recurrence.h"

typedef struct
{
  DgBackupFile       *file;
  DgDatabase         *db;
  JsonParser         *parser;
  GCancellable       *cancellable;
  GTimeZone          *tz;
  const DgBackupKind *kinds;
  guint               n_kinds;
  /* Days to move every date and time by. */
  int                 shift_days;
  /* Per kind, the row numbers given so far. */
  guint              *rows;
  guint               since_check;
} Restore;

/* @text moved by r->shift_days, or NULL when it stays. */
static char *
shift_text (Restore             *r,
            const DgBackupField *field,
            const char          *text)
{
  if (r->shift_days == 0)
    return NULL;

  switch (field->type)
    {
    case DG_BACKUP_VALUE_INSTANT:
      {
        g_autoptr(GDateTime) utc = dg_record_parse_time (text);
        g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, r->tz);
        g_autoptr(GDateTime) moved = g_date_time_add_days (local, r->shift_days);

        return moved != NULL ? dg_record_format_time (moved) : NULL;
      }

    case DG_BACKUP_VALUE_DATE:
    case DG_BACKUP_VALUE_ANCHOR:
      {
        GDate date;
        int seconds = -1;

        if (!dg_recurrence_parse_anchor (text, &date, &seconds))
          return NULL;
        g_date_add_days (&date, r->shift_days);
        return dg_recurrence_format_anchor (&date, seconds);
      }

    default:
      return NULL;
    }
}

static guint
row_of_uuid (Restore    *r,
             const char *table,
             const char *uuid)
{
  GHashTable *ids = g_ptr_array_index (r->file->ids, dg_backup_kind_for_table (table));

  return GPOINTER_TO_UINT (g_hash_table_lookup (ids, uuid));
}

static gboolean
fail_changed (GError **error)
{
  g_set_error (error, DG_ERROR, DG_ERROR_INVALID_BACKUP, "%s",
               _("The backup no longer reads as it did when it was checked"));
  return FALSE;
}

static char *
build_insert (const DgBackupKind *kind)
{
  GString *sql = g_string_new (NULL);
  GString *placeholders = g_string_new (NULL);
  const DgCatalogTable *table;
  guint n = 1;

  g_string_printf (sql, "INSERT INTO \"%s\" (id", kind->table);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      if (g_str_equal (kind->fields[i].table, kind->table))
        {
          g_string_append_printf (sql, ", \"%s\"", kind->fields[i].column);
          n++;
        }
    }
  /* A derived column that may not be NULL holds a placeholder until the
   * recompute at the end writes its value. */
  table = dg_catalog_lookup (kind->table);
  for (guint c = 0; c < table->n_columns; c++)
    {
      if (table->columns[c].kind == DG_CATALOG_COLUMN_DERIVED && table->columns[c].not_null)
        {
          g_string_append_printf (sql, ", \"%s\"", table->columns[c].name);
          g_string_append (placeholders, g_str_equal (table->columns[c].type, "INTEGER") ? ", 0" : ", ''");
        }
    }

  g_string_append (sql, ") VALUES (?1");
  for (guint i = 2; i <= n; i++)
    g_string_append_printf (sql, ", ?%u", i);
  g_string_append_printf (sql, "%s)", placeholders->str);
  g_string_free (placeholders, TRUE);

  return g_string_free (sql, FALSE);
}

static gboolean
bind_field (Restore             *r,
            sqlite3_stmt        *stmt,
            int                  index,
            JsonObject          *record,
            const DgBackupField *field,
            guint                parent_row,
            GError             **error)
{
  g_autofree char *problem = NULL;
  g_autofree char *shifted = NULL;
  DgBackupValue value;

  if (field->type == DG_BACKUP_VALUE_PARENT)
    {
      sqlite3_bind_int64 (stmt, index, parent_row);
      return TRUE;
    }

  problem = dg_backup_read_value (record, field, &value);
  if (problem != NULL)
    return fail_changed (error);

  if (value.is_null)
    sqlite3_bind_null (stmt, index);
  else if (field->type == DG_BACKUP_VALUE_INTEGER || field->type == DG_BACKUP_VALUE_BOOLEAN)
    sqlite3_bind_int64 (stmt, index, value.number);
  else if (field->type == DG_BACKUP_VALUE_REFERENCE)
    {
      guint row = row_of_uuid (r, field->target, value.text);

      if (row == 0)
        return fail_changed (error);
      sqlite3_bind_int64 (stmt, index, row);
    }
  else
    {
      shifted = shift_text (r, field, value.text);
      dg_database_bind_text (stmt, index, shifted != NULL ? shifted : value.text);
    }

  return TRUE;
}

/* The rows of link tables (customer_tags, enrollment_followups) a record
 * holds as its fields. */
static gboolean
insert_links (Restore            *r,
              const DgBackupKind *kind,
              JsonObject         *record,
              guint               row,
              GError            **error)
{
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const DgBackupField *field = &kind->fields[i];
      const char *key_column;
      g_autofree char *sql = NULL;

      if (g_str_equal (field->table, kind->table) || field->type == DG_BACKUP_VALUE_PARENT)
        continue;

      key_column = dg_backup_link_column (field->table, kind->table);

      if (field->type == DG_BACKUP_VALUE_REFERENCE_LIST)
        {
          JsonNode *node = json_object_get_member (record, field->key);
          JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
          g_auto(DgStatement) stmt = NULL;

          if (array == NULL || json_array_get_length (array) == 0)
            continue;

          sql = g_strdup_printf ("INSERT INTO \"%s\" (\"%s\", \"%s\") VALUES (?1, ?2)",
                                 field->table, key_column, field->column);
          stmt = dg_database_prepare (r->db, sql, error);
          if (stmt == NULL)
            return FALSE;

          for (guint e = 0; e < json_array_get_length (array); e++)
            {
              guint target = row_of_uuid (r, field->target, json_array_get_string_element (array, e));

              if (target == 0)
                return fail_changed (error);
              sqlite3_reset (stmt);
              sqlite3_bind_int64 (stmt, 1, row);
              sqlite3_bind_int64 (stmt, 2, target);
              if (!dg_database_run (r->db, stmt, error))
                return FALSE;
            }
        }
      else if (i == 0 || !g_str_equal (kind->fields[i - 1].table, field->table))
        {
          /* The first field of a link row: write the row once, with all
           * of its fields, when they are given. */
          g_auto(DgStatement) stmt = NULL;
          GString *columns = g_string_new (NULL);
          GString *values = g_string_new ("?1");
          gboolean present = TRUE;
          int n = 1;

          for (guint j = i; j < kind->n_fields && g_str_equal (kind->fields[j].table, field->table); j++)
            {
              JsonNode *node = json_object_get_member (record, kind->fields[j].key);

              present = present && node != NULL && !JSON_NODE_HOLDS_NULL (node);
              g_string_append_printf (columns, ", \"%s\"", kind->fields[j].column);
              g_string_append_printf (values, ", ?%d", ++n);
            }

          sql = g_strdup_printf ("INSERT INTO \"%s\" (\"%s\"%s) VALUES (%s)",
                                 field->table, key_column, columns->str, values->str);
          g_string_free (columns, TRUE);
          g_string_free (values, TRUE);
          if (!present)
            continue;

          stmt = dg_database_prepare (r->db, sql, error);
          if (stmt == NULL)
            return FALSE;

          sqlite3_bind_int64 (stmt, 1, row);
          n = 1;
          for (guint j = i; j < kind->n_fields && g_str_equal (kind->fields[j].table, field->table); j++)
            {
              if (!bind_field (r, stmt, ++n, record, &kind->fields[j], 0, error))
                return FALSE;
            }
          if (!dg_database_run (r->db, stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
insert_record (Restore    *r,
               guint       k,
               JsonNode   *node,
               guint       parent_row,
               GError    **error)
{
  const DgBackupKind *kind = &r->kinds[k];
  g_autofree char *sql = build_insert (kind);
  g_auto(DgStatement) stmt = NULL;
  JsonObject *record;
  guint row = ++r->rows[k];
  int index = 1;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_changed (error);
  record = json_node_get_object (node);

  stmt = dg_database_prepare (r->db, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, index, row);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      if (!g_str_equal (kind->fields[i].table, kind->table))
        continue;
      if (!bind_field (r, stmt, ++index, record, &kind->fields[i], parent_row, error))
        return FALSE;
    }

  if (!dg_database_run (r->db, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, dg_statement_release);

  if (!insert_links (r, kind, record, row, error))
    return FALSE;

  for (guint child = 0; child < r->n_kinds; child++)
    {
      JsonNode *children;
      JsonArray *array;

      if (r->kinds[child].parent != (int) k)
        continue;

      children = json_object_get_member (record, r->kinds[child].key);
      if (children == NULL)
        continue;
      array = json_node_get_array (children);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (!insert_record (r, child, json_array_get_element (array, i), row, error))
            return FALSE;
        }
    }

  if (++r->since_check >= 1000)
    {
      r->since_check = 0;
      if (g_cancellable_set_error_if_cancelled (r->cancellable, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
delete_everything (Restore  *r,
                   GError  **error)
{
  guint n_tables, n_settings;
  const DgCatalogTable *tables = dg_catalog_get_tables (&n_tables);
  const DgBackupSetting *settings = dg_backup_get_settings (&n_settings);

  for (guint i = n_tables; i-- > 0;)
    {
      g_autofree char *sql = NULL;

      /* The full-text tables follow their content table's triggers. */
      if (tables[i].flags & DG_CATALOG_TABLE_VIRTUAL)
        continue;

      if (tables[i].flags & DG_CATALOG_TABLE_META)
        {
          for (guint s = 0; s < n_settings; s++)
            {
              g_auto(DgStatement) stmt = dg_database_prepare (r->db, "DELETE FROM meta WHERE name = ?1", error);

              if (stmt == NULL)
                return FALSE;
              sqlite3_bind_text (stmt, 1, settings[s].name, -1, SQLITE_STATIC);
              if (!dg_database_run (r->db, stmt, error))
                return FALSE;
            }
          continue;
        }

      sql = g_strdup_printf ("DELETE FROM \"%s\"", tables[i].name);
      if (!dg_database_exec (r->db, sql, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_everything (Restore  *r,
                  GError  **error)
{
  for (guint s = 0; s < r->file->settings->len; s++)
    {
      DgBackupSettingValue *entry = &g_array_index (r->file->settings, DgBackupSettingValue, s);
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, entry->value);

      if (!dg_meta_set (r->db, entry->setting->name, text, error))
        return FALSE;
    }

  for (guint k = 0; k < r->n_kinds; k++)
    {
      GArray *spans = g_ptr_array_index (r->file->spans, k);

      if (r->kinds[k].parent >= 0 || spans == NULL)
        continue;

      for (guint i = 0; i < spans->len; i++)
        {
          g_autoptr(JsonNode) node = dg_backup_parse_span (r->parser, r->file->data,
                                                           &g_array_index (spans, DgBackupSpan, i),
                                                           NULL);

          if (node == NULL)
            return fail_changed (error);
          if (!insert_record (r, k, node, 0, error))
            return FALSE;
        }
    }

  /* Due keys and remind times in this machine's zone, the one every write
   * of follow-ups then keeps. */
  if (!dg_meta_set (r->db, "all_day_zone", g_time_zone_get_identifier (r->tz), error))
    return FALSE;

  return dg_catalog_recompute_all_locked (r->db, error);
}

static char *
safety_copy_path (DgDatabase *db,
                  DgClock    *clock)
{
  g_autofree char *dir = g_path_get_dirname (dg_database_get_path (db));
  g_autoptr(GDateTime) now = dg_clock_get_now_local (clock);
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");

  for (guint n = 1; ; n++)
    {
      g_autofree char *name = n == 1
                              ? g_strdup_printf ("dangol-before-restore-%s.db", stamp)
                              : g_strdup_printf ("dangol-before-restore-%s-%u.db", stamp, n);
      char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS) || n > 1000)
        return path;
      g_free (path);
    }
}

static gboolean
write_safety_copy (DgDatabase  *db,
                   DgClock     *clock,
                   char       **out_path,
                   GError     **error)
{
  g_autofree char *path = safety_copy_path (db, clock);
  g_auto(DgStatement) stmt = NULL;
  int fd;

  /* SQLite would create it 0644; an empty file it writes into keeps the
   * mode it was made with. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write the safety copy “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  stmt = dg_database_prepare (db, "VACUUM INTO ?1", error);
  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, path, -1, SQLITE_STATIC);
  if (stmt == NULL || !dg_database_run (db, stmt, error))
    {
      g_unlink (path);
      return FALSE;
    }

  *out_path = g_steal_pointer (&path);

  return TRUE;
}

static int
days_to_today (DgBackupFile *file,
               DgClock      *clock,
               GTimeZone    *tz)
{
  g_autoptr(GDateTime) now = dg_clock_get_now_local (clock);
  g_autoptr(GDateTime) exported = g_date_time_to_timezone (file->exported_at, tz);
  GDate today, then;

  g_date_clear (&today, 1);
  g_date_clear (&then, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_date_set_dmy (&then, g_date_time_get_day_of_month (exported), g_date_time_get_month (exported),
                  g_date_time_get_year (exported));

  return g_date_days_between (&then, &today);
}

gboolean
dg_backup_file_restore (DgBackupFile          *file,
                        DgDatabase            *db,
                        DgBackupRestoreFlags   flags,
                        char                 **out_safety_copy,
                        GCancellable          *cancellable,
                        GError               **error)
{
  g_autoptr(DgClock) clock = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *safety_copy = NULL;
  g_autofree guint *rows = NULL;
  Restore r = { 0 };

  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), FALSE);

  if (out_safety_copy != NULL)
    *out_safety_copy = NULL;

  clock = file->clock != NULL ? g_object_ref (file->clock) : dg_clock_new_system ();
  tz = dg_clock_dup_time_zone (clock);
  parser = json_parser_new_immutable ();

  r.file = file;
  r.db = db;
  r.parser = parser;
  r.cancellable = cancellable;
  r.tz = tz;
  r.kinds = dg_backup_get_kinds (&r.n_kinds);
  r.rows = rows = g_new0 (guint, r.n_kinds);
  if (flags & DG_BACKUP_RESTORE_SHIFT_TO_TODAY)
    r.shift_days = days_to_today (file, clock, tz);

  if (!(flags & DG_BACKUP_RESTORE_NO_SAFETY_COPY)
      && !write_safety_copy (db, clock, &safety_copy, error))
    return FALSE;

  if (!dg_database_begin (db, error))
    goto failed;

  if (!delete_everything (&r, error) || !write_everything (&r, error))
    {
      dg_database_rollback (db);
      goto failed;
    }

  if (!dg_database_commit (db, error))
    goto failed;

  dg_database_notify_all (db);

  if (out_safety_copy != NULL)
    *out_safety_copy = g_steal_pointer (&safety_copy);

  return TRUE;

failed:
  /* The database is as it was: a copy of it is only clutter. */
  if (safety_copy != NULL)
    g_unlink (safety_copy);

  return FALSE;
}
