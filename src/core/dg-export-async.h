/* dg-export-async.h
 *
 * The exports on a worker thread, so that a window stays responsive while
 * a hundred thousand customers are written. The worker reads through a
 * connection of its own (dg_database_open_reader(): one committed state,
 * the app goes on writing), gets copies of everything it needs, and hands
 * back a count. Progress comes back to the caller's thread.
 */
#pragma once

#include "dg-customers.h"
#include "dg-database.h"
#include "dg-export-progress.h"

G_BEGIN_DECLS

typedef enum
{
  /* dg_export_csv() with the customer list's columns. */
  DG_EXPORT_CUSTOMERS_CSV,
  /* dg_export_vcard(). */
  DG_EXPORT_CONTACTS_VCARD,
  /* dg_export_ical() of the open follow-ups. */
  DG_EXPORT_FOLLOWUPS_ICAL,
} DgExportFormat;

/* Writes @format to @path on a worker thread: the customers @ids (in that
 * order) when @n_ids is above 0, else for CSV those matching @query (may
 * be NULL, see dg_export_csv()), for vCard every customer not archived.
 * @query, @ids and @tz (NULL: local; the days of a CSV file) are copied.
 * @progress, when not NULL, is called in the caller's thread (the thread
 * default main context) with how far the worker has come, never after
 * dg_export_finish(). Once @cancellable is cancelled the export stops,
 * leaves no file and finishes with G_IO_ERROR_CANCELLED; a file already
 * renamed into place is reported as written. */
void     dg_export_async  (DgDatabase             *db,
                           DgExportFormat          format,
                           const DgCustomerQuery  *query,
                           const gint64           *ids,
                           guint                   n_ids,
                           GTimeZone              *tz,
                           const char             *path,
                           GCancellable           *cancellable,
                           DgExportProgressFunc    progress,
                           gpointer                progress_data,
                           GAsyncReadyCallback     callback,
                           gpointer                user_data);
/* For tests: an export started while @hold is TRUE, with a progress
 * function and a cancellable, stops at its first progress report until it
 * is cancelled, so that a test sees it at work on a machine of any speed. */
void     dg_export_async_hold_for_testing (gboolean hold);

/* @out_count (may be NULL) receives how many records were written. */
gboolean dg_export_finish (GAsyncResult           *result,
                           guint                  *out_count,
                           GError                **error);

G_END_DECLS
