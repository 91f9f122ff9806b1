/* dg-export-ical.h
 *
 * Writing follow-ups as an iCalendar file of VTODOs, which GNOME Calendar,
 * Thunderbird and phones import as tasks. Each follow-up gives one VTODO:
 *  - UID: the follow-up's uuid, so that importing a later export updates
 *    the same tasks instead of adding copies;
 *  - DUE: a DATE for an all-day follow-up, a UTC date-time for a timed
 *    one; a repeating one also has DTSTART (the same) and an RRULE
 *    (FREQ=DAILY, WEEKLY or MONTHLY with its INTERVAL);
 *  - STATUS: NEEDS-ACTION, COMPLETED (with COMPLETED, when it was done)
 *    or CANCELLED;
 *  - SUMMARY: the title; DESCRIPTION: the customer's name and phone, then
 *    the note;
 *  - DTSTAMP: when the file was made; CREATED and LAST-MODIFIED from the
 *    follow-up.
 * libical builds and writes the calendar. The file is written like a
 * backup: a private temporary file beside @path, synced, renamed into
 * place (0600).
 */
#pragma once

#include <gio/gio.h>

#include "dg-database.h"
#include "dg-export-progress.h"

G_BEGIN_DECLS

/* Writes to @path every open follow-up when @from and @to are NULL, or
 * else every follow-up (open, done or cancelled) due in [@from, @to) as
 * dg_followups_list_range() counts it. @exported_at (NULL: now) is the
 * DTSTAMP. @out_count, when not NULL, receives how many were written.
 * @progress (may be NULL) hears how far it has come; once @cancellable is
 * cancelled it stops with G_IO_ERROR_CANCELLED and leaves no file. */
gboolean dg_export_ical (DgDatabase            *db,
                         GDateTime             *from,
                         GDateTime             *to,
                         const char            *path,
                         GDateTime             *exported_at,
                         GCancellable          *cancellable,
                         DgExportProgressFunc   progress,
                         gpointer               progress_data,
                         guint                 *out_count,
                         GError               **error);

G_END_DECLS
