/* dg-export-csv.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dg-customers.h"
#include "dg-export-csv.h"
#include "dg-export-file-private.h"
#include "dg-phone.h"

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

static char *
column_text (DgCustomer        *customer,
             DgExportCsvColumn  column,
             GTimeZone         *tz)
{
  switch (column)
    {
    case DG_EXPORT_CSV_NAME:
      return g_strdup (dg_customer_get_name (customer));
    case DG_EXPORT_CSV_PHONE:
      return dg_phone_format_display (dg_customer_get_phone (customer));
    case DG_EXPORT_CSV_EMAIL:
      return g_strdup (dg_customer_get_email (customer));
    case DG_EXPORT_CSV_ORGANIZATION:
      return g_strdup (dg_customer_get_organization (customer));
    case DG_EXPORT_CSV_TAGS:
      return g_strjoinv (", ", (char **) dg_customer_get_tags (customer));
    case DG_EXPORT_CSV_LAST_CONTACT:
      return format_day (dg_customer_get_last_contact_at (customer), tz);
    case DG_EXPORT_CSV_ADDED:
      return format_day (dg_customer_get_created_at (customer), tz);
    case DG_EXPORT_CSV_SOURCE:
      return g_strdup (dg_customer_get_source (customer));
    case DG_EXPORT_CSV_NOTE:
      return g_strdup (dg_customer_get_note (customer));
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
  g_autoptr(GArray) found = NULL;
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(DgExportFile) file = NULL;
  GString *buffer;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (columns != NULL && n_columns > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (tz == NULL)
    tz = local = g_time_zone_new_local ();

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

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(DgCustomer) customer = NULL;

      if (!dg_export_file_step (i, n_ids, cancellable, progress, progress_data, error))
        return FALSE;

      customer = dg_customers_get (db, ids[i], error);
      if (customer == NULL)
        return FALSE;

      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *text = column_text (customer, columns[c], tz);

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
