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
#define DG_FOLLOWUP_COLUMNS                                                    \
  "f.id, f.uuid, f.customer_id, f.title, f.note, f.all_day, f.due_at, "        \
  "  f.due_date, f.status, f.done_at, f.snoozed_until, f.recurrence, "         \
  "  f.recurrence_interval, f.recurrence_anchor, f.keep_in_touch, "            \
  "  f.notified_at, f.created_at, f.updated_at, coalesce (c.name, '') "
#define DG_FOLLOWUP_FROM                                                       \
  "FROM followups f LEFT JOIN customers c ON c.id = f.customer_id "
#define DG_FOLLOWUP_SELECT "SELECT " DG_FOLLOWUP_COLUMNS DG_FOLLOWUP_FROM

/* What every write needs besides the row: the clock's zone and now, and
 * the lead time of reminders. */
typedef struct
{
  GTimeZone *tz;
  GDateTime *now;
  int        lead_minutes;
} DgFollowupsWrite;

void        dg_followups_write_clear     (DgFollowupsWrite  *ctx);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DgFollowupsWrite, dg_followups_write_clear)

void        dg_followups_set_not_found   (GError           **error);
/* Opens a write transaction (BEGIN IMMEDIATE), brings the all-day keys to
 * the clock's zone and fills @ctx. Rolls back on failure. */
gboolean    dg_followups_begin_write     (DgDatabase        *db,
                                          DgClock           *clock,
                                          DgFollowupsWrite  *ctx,
                                          GError           **error);
/* Writes every column of @followup and its derived keys (due_key,
 * remind_at) as a new row (with id @wanted_id when not 0) or over the row
 * of its id; NOT_FOUND when there is none. */
gboolean    dg_followups_write_row       (DgDatabase        *db,
                                          DgFollowup        *followup,
                                          DgFollowupsWrite  *ctx,
                                          gboolean           insert,
                                          gint64             wanted_id,
                                          gint64            *out_id,
                                          GError           **error);
/* What dg_followups_insert() does inside the transaction
 * dg_followups_begin_write() opened: fills in what @row leaves unset
 * (uuid, anchor, times), checks its customer, writes it with its derived
 * keys and sets its id. @row must have been validated. */
gboolean    dg_followups_insert_locked   (DgDatabase        *db,
                                          DgFollowup        *row,
                                          DgFollowupsWrite  *ctx,
                                          GError           **error);
/* Reads the anchor; FALSE when it is missing or of the other kind (a date
 * for a timed follow-up or the reverse). */
gboolean    dg_followups_parse_anchor    (DgFollowup        *followup,
                                          GDate             *out_date,
                                          int               *out_seconds);
/* Starts the series at the follow-up's due as it is now. */
void        dg_followups_reset_anchor    (DgFollowup        *followup,
                                          GTimeZone         *tz);
gboolean    dg_followups_same_due        (DgFollowup        *a,
                                          DgFollowup        *b);

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
/* The recompute functions of the two derived columns of follow-up @id:
 * the start of its due (due_key) and when its reminder fires (remind_at),
 * from its source columns and the zone and lead time recorded in meta. */
gboolean    dg_followups_recompute_due_key   (DgDatabase  *db,
                                              gint64       id,
                                              GError     **error);
gboolean    dg_followups_recompute_remind_at (DgDatabase  *db,
                                              gint64       id,
                                              GError     **error);
/* The occurrence of @done's series after it, as completing @done makes
 * it (not yet written), or NULL when the series has none: without an
 * error when it simply ends. */
DgFollowup *dg_followups_make_next       (DgDatabase        *db,
                                          DgFollowup        *done,
                                          DgFollowupsWrite  *ctx,
                                          GError           **error);
/* Moves each open keep-in-touch follow-up of the customer to one interval
 * after the customer's last logged contact (none: they stay). Notifies
 * "followups" when one moved. */
gboolean    dg_followups_follow_contact  (DgDatabase    *db,
                                          DgClock       *clock,
                                          gint64         customer_id,
                                          GError       **error);

G_END_DECLS
