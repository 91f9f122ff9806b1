/* dg-export-csv.h
 *
 * Writing customers as CSV for a spreadsheet: the customer list as shown
 * (its search, filters, order and columns) or chosen customers. UTF-8 with
 * a byte order mark, which is what makes Excel on a Korean Windows read
 * the file as UTF-8 instead of CP949; CRLF line ends and RFC 4180 quoting.
 * The header row is translated. The file is written through DgExportFile:
 * a failed export leaves an older file at the path as it was.
 */
#pragma once

#include <gio/gio.h>

#include "dg-customers.h"
#include "dg-database.h"
#include "dg-export-progress.h"

G_BEGIN_DECLS

typedef enum
{
  DG_EXPORT_CSV_NAME,
  /* As the list shows it ("010-1234-5678"), see dg_phone_format_display(). */
  DG_EXPORT_CSV_PHONE,
  DG_EXPORT_CSV_EMAIL,
  DG_EXPORT_CSV_ORGANIZATION,
  /* Every tag, separated by ", ". */
  DG_EXPORT_CSV_TAGS,
  /* Days as YYYY-MM-DD in the time zone given, which spreadsheets read as
   * dates; an empty cell for a customer never contacted. */
  DG_EXPORT_CSV_LAST_CONTACT,
  DG_EXPORT_CSV_ADDED,
  DG_EXPORT_CSV_SOURCE,
  DG_EXPORT_CSV_NOTE,
} DgExportCsvColumn;

/* The columns of the customer list: name, phone, e-mail, tags, last
 * contact, added. */
const DgExportCsvColumn *dg_export_csv_list_columns (guint *n_columns);

/* The translated header of @column. */
const char *dg_export_csv_column_title (DgExportCsvColumn column);

/* One cell's text as written: quoted when it holds a comma, a quote or a
 * line end, and defused when a spreadsheet would take it for a formula. */
char       *dg_export_csv_cell         (const char *text);

/* Writes the customers @ids (in that order), or, when @ids is NULL, those
 * matching @query (its :limit ignored; every customer not archived, by
 * name, when @query is NULL too), with @columns, to @path. @tz is the
 * zone of the days written, NULL for the local one. @out_count, when not
 * NULL, receives how many customers were written. @progress (may be
 * NULL) hears how far it has come; once @cancellable is cancelled it stops
 * with G_IO_ERROR_CANCELLED and leaves no file. */
gboolean    dg_export_csv              (DgDatabase               *db,
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
                                        GError                  **error);

G_END_DECLS
