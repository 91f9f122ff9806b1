/* dg-export-vcard.h
 *
 * Writing customers as vCard 3.0, what phones and GNOME Contacts read:
 * FN and N, TEL;TYPE=CELL, EMAIL;TYPE=INTERNET, ORG, NOTE, BDAY (a solar
 * birthday only: vCard has no lunar calendar), CATEGORIES from the tags
 * and UID from the customer's uuid, so that a contacts app updates the
 * same contact when the file is imported again. EVCard writes each card.
 *
 * The file is written the way backups are: into a private temporary file
 * beside @path, synced, then renamed into place (mode 0600); a failed
 * export leaves an older file at @path as it was.
 */
#pragma once

#include <gio/gio.h>

#include "dg-customer.h"
#include "dg-database.h"
#include "dg-export-progress.h"

G_BEGIN_DECLS

/* One customer as a vCard 3.0 card (CRLF line ends, long lines folded). */
char     *dg_export_vcard_card (DgCustomer            *customer);

/* Writes the customers @ids (in that order), or every customer that is
 * not archived when @ids is NULL, to @path. @out_count, when not NULL,
 * receives how many cards were written. @progress (may be NULL) hears
 * how far it has come; once @cancellable is cancelled it stops with
 * G_IO_ERROR_CANCELLED and leaves no file. */
gboolean  dg_export_vcard      (DgDatabase            *db,
                                const gint64          *ids,
                                guint                  n_ids,
                                const char            *path,
                                GCancellable          *cancellable,
                                DgExportProgressFunc   progress,
                                gpointer               progress_data,
                                guint                 *out_count,
                                GError               **error);

G_END_DECLS
