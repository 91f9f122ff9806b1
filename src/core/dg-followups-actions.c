/* dg-followups-actions.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-catalog.h"
#include "dg-error.h"
#include "dg-followups-private.h"
#include "dg-record-private.h"

/* What happens to follow-ups after they were made: done, cancelled, opened
 * again, snoozed, moved to another day, and moved along with the last
 * contact of their customer. */

static gboolean
rollback (DgDatabase *db)
{
  dg_database_rollback (db);

  return FALSE;
}

static gboolean
read_last_contact (DgDatabase  *db,
                   gint64       customer_id,
                   GDateTime  **out_last,
                   GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  int rc;

  stmt = dg_database_prepare (db, "SELECT last_contact_at FROM customers WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return dg_database_set_error (db, error);

  *out_last = rc == SQLITE_ROW ? dg_record_parse_time ((const char *) sqlite3_column_text (stmt, 0)) : NULL;

  return TRUE;
}

/* Sets the due of a keep-in-touch follow-up to one interval after the day
 * of @base, at the series' wall-clock time when it is timed. */
static gboolean
set_keep_in_touch_due (DgFollowup *followup,
                       GTimeZone  *tz,
                       GDateTime  *base)
{
  g_autoptr(GDateTime) due_at = NULL;
  g_autofree char *due_date = NULL;
  GDate base_date, next, anchor;
  int seconds;

  dg_recurrence_local_date (base, tz, &base_date);
  if (!dg_recurrence_nth_date (&base_date,
                               dg_followup_get_recurrence (followup),
                               dg_followup_get_recurrence_interval (followup),
                               1, &next))
    return FALSE;

  if (dg_followup_get_all_day (followup))
    {
      due_date = dg_recurrence_format_date (&next);
      dg_followup_set_due_date (followup, due_date);
      return TRUE;
    }

  if (!dg_followups_parse_anchor (followup, &anchor, &seconds))
    seconds = dg_recurrence_local_seconds (dg_followup_get_due_at (followup), tz);

  due_at = dg_recurrence_local_time (tz, &next, seconds);
  if (due_at == NULL)
    return FALSE;

  dg_followup_set_due_at (followup, due_at);

  return TRUE;
}

DgFollowup *
dg_followups_make_next (DgDatabase        *db,
                        DgFollowup        *done,
                        DgFollowupsWrite  *ctx,
                        GError           **error)
{
  g_autoptr(DgFollowup) next = dg_followup_copy (done);
  g_autofree char *uuid = g_uuid_string_random ();
  DgRecurrenceUnit unit = dg_followup_get_recurrence (done);
  guint interval = dg_followup_get_recurrence_interval (done);
  GDate anchor;
  int seconds;

  dg_followup_set_id (next, 0);
  dg_followup_set_uuid (next, uuid);
  dg_followup_set_status (next, DG_FOLLOWUP_STATUS_OPEN);
  dg_followup_set_done_at (next, NULL);
  dg_followup_set_snoozed_until (next, NULL);
  dg_followup_set_notified_at (next, NULL);
  dg_followup_set_created_at (next, ctx->now);
  dg_followup_set_updated_at (next, ctx->now);

  if (!dg_followups_parse_anchor (next, &anchor, &seconds))
    {
      dg_followups_reset_anchor (next, ctx->tz);
      if (!dg_followups_parse_anchor (next, &anchor, &seconds))
        return NULL;
    }

  if (dg_followup_get_keep_in_touch (next))
    {
      g_autoptr(GDateTime) last = NULL;
      GDateTime *base;

      if (!read_last_contact (db, dg_followup_get_customer_id (next), &last, error))
        return NULL;

      base = last != NULL && g_date_time_compare (last, ctx->now) > 0 ? last : ctx->now;
      if (!set_keep_in_touch_due (next, ctx->tz, base))
        return NULL;
      dg_followups_reset_anchor (next, ctx->tz);
    }
  else if (dg_followup_get_all_day (next))
    {
      g_autofree char *text = NULL;
      GDate due, today, date;
      const GDate *after;

      if (!dg_recurrence_parse_date (dg_followup_get_due_date (done), &due))
        return NULL;
      dg_recurrence_local_date (ctx->now, ctx->tz, &today);
      after = g_date_compare (&due, &today) > 0 ? &due : &today;

      if (!dg_recurrence_next_date (&anchor, unit, interval, after, &date))
        return NULL;

      text = dg_recurrence_format_date (&date);
      dg_followup_set_due_date (next, text);
    }
  else
    {
      g_autoptr(GDateTime) due_at = NULL;
      GDateTime *due = dg_followup_get_due_at (done);
      GDateTime *after = g_date_time_compare (due, ctx->now) > 0 ? due : ctx->now;

      due_at = dg_recurrence_next_time (ctx->tz, &anchor, seconds, unit, interval, after);
      if (due_at == NULL)
        return NULL;

      dg_followup_set_due_at (next, due_at);
    }

  return g_steal_pointer (&next);
}

gboolean
dg_followups_complete (DgDatabase  *db,
                       DgClock     *clock,
                       gint64       id,
                       DgFollowup **out_next,
                       GError     **error)
{
  g_auto(DgFollowupsWrite) ctx = { 0 };
  g_autoptr(DgFollowup) row = NULL;
  g_autoptr(DgFollowup) next = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DG_IS_CLOCK (clock), FALSE);

  if (out_next != NULL)
    *out_next = NULL;

  if (!dg_followups_begin_write (db, clock, &ctx, error))
    return FALSE;

  row = dg_followups_get (db, id, error);
  if (row == NULL)
    return rollback (db);

  if (dg_followup_get_status (row) != DG_FOLLOWUP_STATUS_OPEN)
    return dg_database_commit (db, error);

  dg_followup_set_status (row, DG_FOLLOWUP_STATUS_DONE);
  dg_followup_set_done_at (row, ctx.now);
  dg_followup_set_updated_at (row, ctx.now);
  if (!dg_followups_write_row (db, row, &ctx, FALSE, 0, NULL, error))
    return rollback (db);

  if (dg_followup_get_recurrence (row) != DG_RECURRENCE_NONE)
    {
      gint64 next_id = 0;

      next = dg_followups_make_next (db, row, &ctx, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return rollback (db);
        }

      if (next != NULL)
        {
          if (!dg_followups_write_row (db, next, &ctx, TRUE, 0, &next_id, error))
            return rollback (db);
          dg_followup_set_id (next, next_id);
        }
      else
        g_debug ("Follow-up %" G_GINT64_FORMAT " has no occurrence after this one", id);
    }

  dg_database_notify_changed (db, DG_TABLE_FOLLOWUPS);

  if (!dg_database_commit (db, error))
    return FALSE;

  if (out_next != NULL)
    *out_next = g_steal_pointer (&next);

  return TRUE;
}

gboolean
dg_followups_cancel (DgDatabase  *db,
                     DgClock     *clock,
                     gint64       id,
                     GError     **error)
{
  g_auto(DgFollowupsWrite) ctx = { 0 };
  g_autoptr(DgFollowup) row = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DG_IS_CLOCK (clock), FALSE);

  if (!dg_followups_begin_write (db, clock, &ctx, error))
    return FALSE;

  row = dg_followups_get (db, id, error);
  if (row == NULL)
    return rollback (db);

  if (dg_followup_get_status (row) != DG_FOLLOWUP_STATUS_OPEN)
    return dg_database_commit (db, error);

  dg_followup_set_status (row, DG_FOLLOWUP_STATUS_CANCELLED);
  dg_followup_set_done_at (row, NULL);
  dg_followup_set_updated_at (row, ctx.now);
  if (!dg_followups_write_row (db, row, &ctx, FALSE, 0, NULL, error))
    return rollback (db);

  dg_database_notify_changed (db, DG_TABLE_FOLLOWUPS);

  return dg_database_commit (db, error);
}

gboolean
dg_followups_reopen (DgDatabase  *db,
                     DgClock     *clock,
                     gint64       id,
                     gint64       created_next_id,
                     GError     **error)
{
  g_auto(DgFollowupsWrite) ctx = { 0 };
  g_autoptr(DgFollowup) row = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DG_IS_CLOCK (clock), FALSE);

  if (!dg_followups_begin_write (db, clock, &ctx, error))
    return FALSE;

  if (created_next_id > 0 && created_next_id != id)
    {
      g_auto(DgStatement) stmt = NULL;

      stmt = dg_database_prepare (db, "DELETE FROM followups WHERE id = ?1", error);
      if (stmt == NULL)
        return rollback (db);

      sqlite3_bind_int64 (stmt, 1, created_next_id);
      if (!dg_database_run (db, stmt, error))
        return rollback (db);
    }

  row = dg_followups_get (db, id, error);
  if (row == NULL)
    return rollback (db);

  dg_followup_set_status (row, DG_FOLLOWUP_STATUS_OPEN);
  dg_followup_set_done_at (row, NULL);
  dg_followup_set_updated_at (row, ctx.now);
  if (!dg_followups_write_row (db, row, &ctx, FALSE, 0, NULL, error))
    return rollback (db);

  dg_database_notify_changed (db, DG_TABLE_FOLLOWUPS);

  return dg_database_commit (db, error);
}

gboolean
dg_followups_snooze (DgDatabase  *db,
                     DgClock     *clock,
                     gint64       id,
                     GDateTime   *until,
                     GError     **error)
{
  g_auto(DgFollowupsWrite) ctx = { 0 };
  g_autoptr(DgFollowup) row = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DG_IS_CLOCK (clock), FALSE);

  if (!dg_followups_begin_write (db, clock, &ctx, error))
    return FALSE;

  if (until == NULL || g_date_time_to_unix (until) <= g_date_time_to_unix (ctx.now))
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                           _("Snooze: choose a time later than now"));
      return rollback (db);
    }

  row = dg_followups_get (db, id, error);
  if (row == NULL)
    return rollback (db);

  if (dg_followup_get_status (row) != DG_FOLLOWUP_STATUS_OPEN)
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_FAILED,
                           _("Snooze: this follow-up is already done or cancelled"));
      return rollback (db);
    }

  dg_followup_set_snoozed_until (row, until);
  dg_followup_set_updated_at (row, ctx.now);
  if (!dg_followups_write_row (db, row, &ctx, FALSE, 0, NULL, error))
    return rollback (db);

  dg_database_notify_changed (db, DG_TABLE_FOLLOWUPS);

  return dg_database_commit (db, error);
}

/* Undo of a snooze: the stored snooze goes back to @previous exactly, even
 * when that time has passed or was none, which dg_followups_snooze()
 * refuses for a new snooze. */
gboolean
dg_followups_restore_snooze (DgDatabase  *db,
                             DgClock     *clock,
                             gint64       id,
                             GDateTime   *previous,
                             GError     **error)
{
  g_auto(DgFollowupsWrite) ctx = { 0 };
  g_autoptr(DgFollowup) row = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DG_IS_CLOCK (clock), FALSE);

  if (!dg_followups_begin_write (db, clock, &ctx, error))
    return FALSE;

  row = dg_followups_get (db, id, error);
  if (row == NULL)
    return rollback (db);

  if (dg_followup_get_status (row) != DG_FOLLOWUP_STATUS_OPEN)
    return dg_database_commit (db, error);

  dg_followup_set_snoozed_until (row, previous);
  dg_followup_set_updated_at (row, ctx.now);
  if (!dg_followups_write_row (db, row, &ctx, FALSE, 0, NULL, error))
    return rollback (db);

  dg_database_notify_changed (db, DG_TABLE_FOLLOWUPS);

  return dg_database_commit (db, error);
}

gboolean
dg_followups_move_to_date (DgDatabase   *db,
                           DgClock      *clock,
                           gint64        id,
                           const GDate  *date,
                           GError      **error)
{
  g_auto(DgFollowupsWrite) ctx = { 0 };
  g_autoptr(DgFollowup) stored = NULL;
  g_autoptr(DgFollowup) row = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DG_IS_CLOCK (clock), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (!dg_followups_begin_write (db, clock, &ctx, error))
    return FALSE;

  stored = dg_followups_get (db, id, error);
  if (stored == NULL)
    return rollback (db);

  row = dg_followup_copy (stored);
  if (dg_followup_get_all_day (row))
    {
      g_autofree char *text = dg_recurrence_format_date (date);

      dg_followup_set_due_date (row, text);
    }
  else
    {
      int seconds = dg_recurrence_local_seconds (dg_followup_get_due_at (row), ctx.tz);
      g_autoptr(GDateTime) due_at = dg_recurrence_local_time (ctx.tz, date, seconds);

      if (due_at == NULL)
        {
          g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                               _("Due: choose a date"));
          return rollback (db);
        }
      dg_followup_set_due_at (row, due_at);
    }

  if (dg_followups_same_due (row, stored))
    return dg_database_commit (db, error);

  dg_followup_set_snoozed_until (row, NULL);
  dg_followups_reset_anchor (row, ctx.tz);
  dg_followup_set_updated_at (row, ctx.now);
  if (!dg_followups_write_row (db, row, &ctx, FALSE, 0, NULL, error))
    return rollback (db);

  dg_database_notify_changed (db, DG_TABLE_FOLLOWUPS);

  return dg_database_commit (db, error);
}

gboolean
dg_followups_follow_contact (DgDatabase  *db,
                             DgClock     *clock,
                             gint64       customer_id,
                             GError     **error)
{
  g_auto(DgFollowupsWrite) ctx = { 0 };
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  gboolean moved = FALSE;

  ctx.tz = dg_clock_dup_time_zone (clock);
  ctx.now = dg_clock_get_now_utc (clock);

  if (!dg_followups_sync_zone_locked (db, ctx.tz, error)
      || !dg_followups_read_lead (db, &ctx.lead_minutes, error)
      || !read_last_contact (db, customer_id, &last, error))
    return FALSE;

  /* Never in touch (or every contact deleted): the dates set stay. */
  if (last == NULL)
    return TRUE;

  {
    g_auto(DgStatement) stmt = NULL;

    stmt = dg_database_prepare (db,
                                DG_FOLLOWUP_SELECT
                                "WHERE f.customer_id = ?1 AND f.status = 'open' "
                                "  AND f.keep_in_touch = 1",
                                error);
    if (stmt == NULL)
      return FALSE;

    sqlite3_bind_int64 (stmt, 1, customer_id);
    kept = dg_followups_collect_rows (db, stmt, error);
    if (kept == NULL)
      return FALSE;
  }

  for (guint i = 0; i < kept->len; i++)
    {
      DgFollowup *stored = g_ptr_array_index (kept, i);
      g_autoptr(DgFollowup) row = dg_followup_copy (stored);

      if (!set_keep_in_touch_due (row, ctx.tz, last) || dg_followups_same_due (row, stored))
        continue;

      dg_followup_set_snoozed_until (row, NULL);
      dg_followups_reset_anchor (row, ctx.tz);
      dg_followup_set_updated_at (row, ctx.now);
      if (!dg_followups_write_row (db, row, &ctx, FALSE, 0, NULL, error))
        return FALSE;

      moved = TRUE;
    }

  if (moved)
    dg_database_notify_changed (db, DG_TABLE_FOLLOWUPS);

  return TRUE;
}
