/* dg-followups-private.h
 *
 * What the follow-up files (dg-followups.c, -query.c), the reminders and the
 * interaction log share about the followups table. Every function here
 * runs inside the caller's transaction.
 */
#pragma once

#include "dg-database-private.h"
#include "dg-followups.h"

G_BEGIN_DECLS

/* The columns dg_followups_from_row() reads, with the customer's name. */
#define DG_FOLLOWUP_SELECT                                                     \
  "SELECT f.id, f.uuid, f.customer_id, f.title, f.note, f.all_day, f.due_at, " \
  "  f.due_date, f.status, f.done_at, f.snoozed_until, f.recurrence, "         \
  "  f.recurrence_interval, f.recurrence_anchor, f.keep_in_touch, "            \
  "  f.notified_at, f.created_at, f.updated_at, coalesce (c.name, '') "        \
  "FROM followups f LEFT JOIN customers c ON c.id = f.customer_id "

/* The follow-up on @stmt's row of DG_FOLLOWUP_SELECT. */
DgFollowup *dg_followups_from_row        (sqlite3_stmt  *stmt);
/* Steps @stmt to its end, building one follow-up per row. */
GPtrArray  *dg_followups_collect_rows    (DgDatabase    *db,
                                          sqlite3_stmt  *stmt,
                                          GError       **error);
/* The reminder lead time for timed follow-ups, in minutes. */
gboolean    dg_followups_read_lead       (DgDatabase    *db,
                                          int           *out_minutes,
                                          GError       **error);
/* What dg_followups_sync_time_zone() does, in the open transaction. */
gboolean    dg_followups_sync_zone_locked (DgDatabase   *db,
                                           GTimeZone    *tz,
                                           GError      **error);
/* Moves each open keep-in-touch follow-up of the customer to one interval
 * after the customer's last logged contact (none: they stay). Notifies
 * "followups" when one moved. */
gboolean    dg_followups_follow_contact  (DgDatabase    *db,
                                          DgClock       *clock,
                                          gint64         customer_id,
                                          GError       **error);

G_END_DECLS
