/* dg-export-csv.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dg-customers-private.h"
#include "dg-customers.h"
#include "dg-database-private.h"
#include "dg-export-csv.h"
#include "dg-export-file-private.h"
#include "dg-phone.h"
#include "dg-record-private.h"

/* The byte order mark: without it Excel on a Korean Windows opens a CSV
 * file as CP949 and shows UTF-8 Hangul as mojibake. */
#define UTF8_BOM "\xEF\xBB\xBF"

static const DgExportCsvColumn list_columns[] = {
  DG_EXPORT_CSV_NAME,
  DG_EXPORT_CSV_PHONE,
  DG_EXPORT_CSV_EMAIL,
  DG_EXPORT_CSV_TAGS,
  DG_EXPORT_CSV_LAST_CONTACT,
  DG_EXPORT_CSV_ADDED,
};

const DgExportCsvColumn *
dg_export_csv_list_columns (guint *n_columns)
{
  *n_columns = G_N_ELEMENTS (list_columns);
  return list_columns;
}

const char *
dg_export_csv_column_title (DgExportCsvColumn column)
{
  switch (column)
    {
    case DG_EXPORT_CSV_NAME:
      return _("Name");
    case DG_EXPORT_CSV_PHONE:
      return _("Phone");
    case DG_EXPORT_CSV_EMAIL:
      return _("Email");
    case DG_EXPORT_CSV_ORGANIZATION:
      return _("Organization");
    case DG_EXPORT_CSV_TAGS:
      return _("Tags");
    case DG_EXPORT_CSV_LAST_CONTACT:
      /* Translators: a column of the exported customer list: the day of
       * the last call, message, e-mail or meeting. */
      return _("Last Contact");
    case DG_EXPORT_CSV_ADDED:
      /* Translators: a column of the exported customer list: the day the
       * customer was added. */
      return _("Added");
    case DG_EXPORT_CSV_SOURCE:
      /* Translators: a column of the exported customer list: how the
       * customer found the business. */
      return _("Source");
    case DG_EXPORT_CSV_NOTE:
      return _("Note");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Only digits, spaces, "-", ".", "(" and ")" after an optional leading
 * "+": a phone number, which a spreadsheet cannot run as a formula. */
static gboolean
is_phone_like (const char *text)
{
  const char *p = text;

  if (*p == '+')
    p++;
  if (*p == '\0')
    return FALSE;
  for (; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p) && strchr (" -.()", *p) == NULL)
        return FALSE;
    }

  return TRUE;
}

char *
dg_export_csv_cell (const char *text)
{
  GString *cell;
  gboolean quote;

  if (text == NULL)
    text = "";

  cell = g_string_sized_new (strlen (text) + 3);

  /* Formula injection: a spreadsheet runs a cell starting with "=", "+",
   * "-" or "@" (or a tab or CR before one) as a formula, so a customer
   * named "=HYPERLINK(...)" could act when the owner opens the file. Such
   * a cell gets a leading apostrophe, which shows it as text. A phone
   * number ("+82 10-1234-5678", "-") holds nothing a formula could call
   * and is left as typed, so that it still reads as the number. */
  if (strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0' && !is_phone_like (text))
    g_string_append_c (cell, '\'');
  g_string_append (cell, text);

  /* RFC 4180: a field with a comma, a quote or a line end is quoted, and
   * its quotes doubled. */
  quote = strpbrk (cell->str, ",\"\r\n") != NULL;
  if (quote)
    {
      for (gsize i = 0; i < cell->len; i++)
        {
          if (cell->str[i] == '"')
            g_string_insert_c (cell, i++, '"');
        }
      g_string_prepend_c (cell, '"');
      g_string_append_c (cell, '"');
    }

  return g_string_free (cell, FALSE);
}

static char *
format_day (GDateTime *datetime,
            GTimeZone *tz)
{
  g_autoptr(GDateTime) local = NULL;

  if (datetime == NULL)
    return NULL;

  local = g_date_time_to_timezone (datetime, tz);

  return g_date_time_format (local, "%Y-%m-%d");
}

/* One row of what is written, its columns in DgExportCsvColumn's order. The
 * stored values are those a DgCustomer reads (normalized when written);
 * tags_text is its tags as "a, b" (dg-catalog.c). Reading them straight
 * from one statement, rather than building a customer with its tags'
 * subquery, is most of the export's speed. */
#define SELECT_ROW                                                             \
  "SELECT name, phone, email, organization, tags_text, last_contact_at, "     \
  "  created_at, source, note FROM customers WHERE id = ?1"

G_STATIC_ASSERT (DG_EXPORT_CSV_NAME == 0 && DG_EXPORT_CSV_PHONE == 1 && DG_EXPORT_CSV_EMAIL == 2
                 && DG_EXPORT_CSV_ORGANIZATION == 3 && DG_EXPORT_CSV_TAGS == 4
                 && DG_EXPORT_CSV_LAST_CONTACT == 5 && DG_EXPORT_CSV_ADDED == 6
                 && DG_EXPORT_CSV_SOURCE == 7 && DG_EXPORT_CSV_NOTE == 8);

static char *
column_text (sqlite3_stmt      *stmt,
             DgExportCsvColumn  column,
             GTimeZone         *tz)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  g_autoptr(GDateTime) datetime = NULL;

  switch (column)
    {
    case DG_EXPORT_CSV_PHONE:
      return dg_phone_format_display (text != NULL ? text : "");
    case DG_EXPORT_CSV_LAST_CONTACT:
    case DG_EXPORT_CSV_ADDED:
      datetime = text != NULL ? dg_record_parse_time (text) : NULL;
      return format_day (datetime, tz);
    case DG_EXPORT_CSV_NAME:
    case DG_EXPORT_CSV_EMAIL:
    case DG_EXPORT_CSV_ORGANIZATION:
    case DG_EXPORT_CSV_TAGS:
    case DG_EXPORT_CSV_SOURCE:
    case DG_EXPORT_CSV_NOTE:
      return g_strdup (text != NULL ? text : "");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
append_cell (GString    *line,
             const char *text,
             gboolean    first)
{
  g_autofree char *cell = dg_export_csv_cell (text);

  if (!first)
    g_string_append_c (line, ',');
  g_string_append (line, cell);
}

/* SQLite's page cache while exporting, in kB: the customers table of
 * 100k customers fits. */
#define EXPORT_CACHE_KB 65536

static int
pragma_int (sqlite3    *handle,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value = -2000;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* Writes the customers; see dg_export_csv(). */
static gboolean
write_customers (DgDatabase               *db,
                 const DgCustomerQuery    *query,
                 const gint64             *ids,
                 guint                     n_ids,
                 const DgExportCsvColumn  *columns,
                 guint                     n_columns,
                 GTimeZone                *tz,
                 const char               *path,
                 GCancellable             *cancellable,
                 DgExportProgressFunc      progress,
                 gpointer                  progress_data,
                 guint                    *out_count,
                 GError                  **error)
{
  g_autoptr(GArray) found = NULL;
  g_autoptr(DgExportFile) file = NULL;
  g_auto(DgStatement) stmt = NULL;
  GString *buffer;

  if (ids == NULL)
    {
      DgCustomerQuery all = { 0 };

      if (query != NULL)
        all = *query;
      else
        {
          all.archived = DG_ARCHIVED_EXCLUDE;
          all.sort = DG_CUSTOMER_SORT_NAME;
        }
      all.limit = 0;

      found = dg_customers_search_ids (db, &all, error);
      if (found == NULL)
        return FALSE;
      ids = (const gint64 *) found->data;
      n_ids = found->len;
    }

  file = dg_export_file_open (path, error);
  if (file == NULL)
    return FALSE;

  buffer = dg_export_file_get_buffer (file);
  g_string_append (buffer, UTF8_BOM);
  for (guint c = 0; c < n_columns; c++)
    append_cell (buffer, dg_export_csv_column_title (columns[c]), c == 0);
  g_string_append (buffer, "\r\n");

  stmt = dg_database_prepare (db, SELECT_ROW, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    {
      int rc;

      if (!dg_export_file_step (i, n_ids, cancellable, progress, progress_data, error))
        return FALSE;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          dg_customers_set_not_found (error);
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        return dg_database_set_error (db, error);

      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *text = column_text (stmt, columns[c], tz);

          append_cell (buffer, text, c == 0);
        }
      g_string_append (buffer, "\r\n");

      if (!dg_export_file_flush_if_full (file, error))
        return FALSE;
    }

  if (!dg_export_file_step (n_ids, n_ids, cancellable, progress, progress_data, error))
    return FALSE;

  if (!dg_export_file_commit (g_steal_pointer (&file), error))
    return FALSE;

  if (out_count != NULL)
    *out_count = n_ids;

  return TRUE;
}

gboolean
dg_export_csv (DgDatabase               *db,
               const DgCustomerQuery    *query,
               const gint64             *ids,
               guint                     n_ids,
               const DgExportCsvColumn  *columns,
               guint                     n_columns,
               GTimeZone                *tz,
               const char               *path,
               GCancellable             *cancellable,
               DgExportProgressFunc      progress,
               gpointer                  progress_data,
               guint                    *out_count,
               GError                  **error)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *handle;
  gboolean ok;
  int cache_size;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (columns != NULL && n_columns > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (tz == NULL)
    tz = local = g_time_zone_new_local ();

  /* Every customer is read in one read transaction (the caller's, if one
   * is open): the file is one moment's list, and SQLite takes its shared
   * lock once rather than once a customer, which cost more than reading
   * them. A read transaction holds no lock that writers wait for. */
  handle = dg_database_get_handle (db);
  if (!dg_database_begin_read (db, error))
    return FALSE;

  /* The customers are read in the list's order, not the table's: with
   * SQLite's 2 MB page cache, each was a page read again from the file.
   * The cache is larger for the export (pages are allocated as read, and
   * freed when it is set back). */
  cache_size = pragma_int (handle, "PRAGMA cache_size");
  sqlite3_exec (handle, "PRAGMA cache_size = -" G_STRINGIFY (EXPORT_CACHE_KB), NULL, NULL, NULL);

  ok = write_customers (db, query, ids, n_ids, columns, n_columns, tz, path,
                        cancellable, progress, progress_data, out_count, error);

  sql = g_strdup_printf ("PRAGMA cache_size = %d", cache_size);
  sqlite3_exec (handle, sql, NULL, NULL, NULL);
  /* A commit that fails is told, unless the export already failed. */
  if (!dg_database_end_read (db, ok ? error : NULL))
    ok = FALSE;

  return ok;
}
