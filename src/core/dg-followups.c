/* dg-followups.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "dg-catalog.h"
#include "dg-customers-private.h"
#include "dg-error.h"
#include "dg-followups-private.h"
#include "dg-meta-private.h"
#include "dg-record-private.h"
#include "dg-reminders.h"

#define META_LEAD "reminder_lead_minutes"
#define META_ZONE "all_day_zone"

void
dg_followups_write_clear (DgFollowupsWrite *ctx)
{
  g_clear_pointer (&ctx->tz, g_time_zone_unref);
  g_clear_pointer (&ctx->now, g_date_time_unref);
}

static gboolean
rollback (DgDatabase *db)
{
  dg_database_rollback (db);

  return FALSE;
}

/* The instant that orders the follow-up among the others: its due, or the
 * start of its local day when it is all-day. */
static gboolean
due_key_of (DgFollowup *followup,
            GTimeZone  *tz,
            gint64     *out_key)
{
  g_autoptr(GDateTime) start = NULL;
  GDate date;

  if (!dg_followup_get_all_day (followup))
    {
      GDateTime *due_at = dg_followup_get_due_at (followup);

      if (due_at == NULL)
        return FALSE;

      *out_key = g_date_time_to_unix (due_at);
      return TRUE;
    }

  if (!dg_recurrence_parse_date (dg_followup_get_due_date (followup), &date)
      || (start = dg_recurrence_day_start (tz, &date)) == NULL)
    return FALSE;

  *out_key = g_date_time_to_unix (start);

  return TRUE;
}

/* When its reminder fires: the snooze, else the all-day reminder hour on
 * its date, else its due less the lead time. */
static gint64
reminder_time (DgFollowup *followup,
               GTimeZone  *tz,
               int         lead_minutes,
               gint64      due_key)
{
  GDateTime *snoozed_until = dg_followup_get_snoozed_until (followup);

  if (snoozed_until != NULL)
    return g_date_time_to_unix (snoozed_until);

  if (dg_followup_get_all_day (followup))
    {
      g_autoptr(GDateTime) at = NULL;
      GDate date;

      if (dg_recurrence_parse_date (dg_followup_get_due_date (followup), &date)
          && (at = dg_recurrence_local_time (tz, &date, DG_REMINDERS_ALL_DAY_HOUR * 3600)) != NULL)
        return g_date_time_to_unix (at);

      return due_key;
    }

  return due_key - (gint64) lead_minutes * 60;
}

/* Whether a reminder is still to be shown, and when: while open and not
 * shown since its reminder time. */
static gboolean
pending_reminder (DgFollowup *followup,
                  GTimeZone  *tz,
                  int         lead_minutes,
                  gint64      due_key,
                  gint64     *out_remind_at)
{
  GDateTime *notified_at = dg_followup_get_notified_at (followup);
  gint64 remind_at;

  if (dg_followup_get_status (followup) != DG_FOLLOWUP_STATUS_OPEN)
    return FALSE;

  remind_at = reminder_time (followup, tz, lead_minutes, due_key);
  if (notified_at != NULL && g_date_time_to_unix (notified_at) >= remind_at)
    return FALSE;

  *out_remind_at = remind_at;

  return TRUE;
}

/* The anchor a series starts from when its due is set now. */
static char *
derive_anchor (DgFollowup *followup,
               GTimeZone  *tz)
{
  GDateTime *due_at = dg_followup_get_due_at (followup);
  GDate date;

  if (dg_followup_get_all_day (followup))
    return g_strdup (dg_followup_get_due_date (followup));

  if (due_at == NULL)
    return NULL;

  dg_recurrence_local_date (due_at, tz, &date);

  return dg_recurrence_format_anchor (&date, dg_recurrence_local_seconds (due_at, tz));
}

gboolean
dg_followups_parse_anchor (DgFollowup *followup,
                           GDate      *out_date,
                           int        *out_seconds)
{
  if (!dg_recurrence_parse_anchor (dg_followup_get_recurrence_anchor (followup),
                                   out_date, out_seconds))
    return FALSE;

  return dg_followup_get_all_day (followup) == (*out_seconds < 0);
}

void
dg_followups_reset_anchor (DgFollowup *followup,
                           GTimeZone  *tz)
{
  g_autofree char *anchor = derive_anchor (followup, tz);

  dg_followup_set_recurrence_anchor (followup, anchor);
}

gboolean
dg_followups_same_due (DgFollowup *a,
                       DgFollowup *b)
{
  GDateTime *a_at = dg_followup_get_due_at (a);
  GDateTime *b_at = dg_followup_get_due_at (b);

  if (g_strcmp0 (dg_followup_get_due_date (a), dg_followup_get_due_date (b)) != 0)
    return FALSE;

  if (a_at == NULL || b_at == NULL)
    return a_at == b_at;

  return g_date_time_equal (a_at, b_at);
}

static void
bind_time (sqlite3_stmt *stmt,
           int           index,
           GDateTime    *time)
{
  g_autofree char *text = dg_record_format_time (time);

  dg_database_bind_text (stmt, index, text);
}

gboolean
dg_followups_write_row (DgDatabase        *db,
                        DgFollowup        *followup,
                        DgFollowupsWrite  *ctx,
                        gboolean           insert,
                        gint64             wanted_id,
                        gint64            *out_id,
                        GError           **error)
{
  g_auto(DgStatement) stmt = NULL;
  gint64 due_key = 0;
  gint64 remind_at = 0;
  gint64 customer_id = dg_followup_get_customer_id (followup);

  if (!due_key_of (followup, ctx->tz, &due_key))
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                           _("Due: choose a date"));
      return FALSE;
    }

  if (insert)
    stmt = dg_database_prepare (db,
                                "INSERT INTO followups (id, uuid, customer_id, title, note, "
                                "  all_day, due_at, due_date, due_key, status, done_at, "
                                "  snoozed_until, recurrence, recurrence_interval, "
                                "  recurrence_anchor, keep_in_touch, notified_at, remind_at, "
                                "  created_at, updated_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                                "  ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
                                error);
  else
    stmt = dg_database_prepare (db,
                                "UPDATE followups SET uuid = ?2, customer_id = ?3, title = ?4, "
                                "  note = ?5, all_day = ?6, due_at = ?7, due_date = ?8, "
                                "  due_key = ?9, status = ?10, done_at = ?11, "
                                "  snoozed_until = ?12, recurrence = ?13, "
                                "  recurrence_interval = ?14, recurrence_anchor = ?15, "
                                "  keep_in_touch = ?16, notified_at = ?17, remind_at = ?18, "
                                "  created_at = ?19, updated_at = ?20 "
                                "WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;

  if (insert && wanted_id <= 0)
    sqlite3_bind_null (stmt, 1);
  else
    sqlite3_bind_int64 (stmt, 1, insert ? wanted_id : dg_followup_get_id (followup));
  dg_database_bind_text (stmt, 2, dg_followup_get_uuid (followup));
  if (customer_id > 0)
    sqlite3_bind_int64 (stmt, 3, customer_id);
  else
    sqlite3_bind_null (stmt, 3);
  dg_database_bind_text (stmt, 4, dg_followup_get_title (followup));
  dg_database_bind_text (stmt, 5, dg_followup_get_note (followup));
  sqlite3_bind_int (stmt, 6, dg_followup_get_all_day (followup));
  bind_time (stmt, 7, dg_followup_get_due_at (followup));
  dg_database_bind_text (stmt, 8, dg_followup_get_due_date (followup));
  sqlite3_bind_int64 (stmt, 9, due_key);
  dg_database_bind_text (stmt, 10, dg_followup_status_to_string (dg_followup_get_status (followup)));
  bind_time (stmt, 11, dg_followup_get_done_at (followup));
  bind_time (stmt, 12, dg_followup_get_snoozed_until (followup));
  dg_database_bind_text (stmt, 13, dg_recurrence_unit_to_string (dg_followup_get_recurrence (followup)));
  /* A follow-up that does not repeat may carry any interval in its
   * object (a spin button left at 0); it is stored as 1. */
  sqlite3_bind_int (stmt, 14, CLAMP (dg_followup_get_recurrence_interval (followup),
                                     1, DG_RECURRENCE_MAX_INTERVAL));
  dg_database_bind_text (stmt, 15, dg_followup_get_recurrence_anchor (followup));
  sqlite3_bind_int (stmt, 16, dg_followup_get_keep_in_touch (followup));
  bind_time (stmt, 17, dg_followup_get_notified_at (followup));
  if (pending_reminder (followup, ctx->tz, ctx->lead_minutes, due_key, &remind_at))
    sqlite3_bind_int64 (stmt, 18, remind_at);
  else
    sqlite3_bind_null (stmt, 18);
  bind_time (stmt, 19, dg_followup_get_created_at (followup));
  bind_time (stmt, 20, dg_followup_get_updated_at (followup));

  if (!dg_database_run (db, stmt, error))
    return FALSE;

  if (!insert && dg_database_changes (db) == 0)
    {
      dg_followups_set_not_found (error);
      return FALSE;
    }

  if (out_id != NULL)
    *out_id = insert ? sqlite3_last_insert_rowid (dg_database_get_handle (db))
                     : dg_followup_get_id (followup);

  return TRUE;
}

gboolean
dg_followups_read_lead (DgDatabase  *db,
                        int         *out_minutes,
                        GError     **error)
{
  g_autofree char *value = NULL;

  if (!dg_meta_get (db, META_LEAD, &value, error))
    return FALSE;

  *out_minutes = value != NULL
                 ? CLAMP (atoi (value), 0, DG_REMINDERS_MAX_LEAD_MINUTES)
                 : DG_REMINDERS_DEFAULT_LEAD_MINUTES;

  return TRUE;
}

gboolean
dg_followups_sync_zone_locked (DgDatabase  *db,
                               GTimeZone   *tz,
                               GError     **error)
{
  g_autoptr(GPtrArray) all_day = NULL;
  g_autofree char *stored = NULL;
  g_auto(DgFollowupsWrite) ctx = { 0 };
  const char *zone = g_time_zone_get_identifier (tz);

  if (!dg_meta_get (db, META_ZONE, &stored, error))
    return FALSE;

  if (g_strcmp0 (stored, zone) == 0)
    return TRUE;

  ctx.tz = g_time_zone_ref (tz);
  if (!dg_followups_read_lead (db, &ctx.lead_minutes, error))
    return FALSE;

  {
    g_auto(DgStatement) stmt = NULL;

    /* A scan, but only when the zone changed: rare, and it keeps every
     * other query on one index. In the order of the keys, the updates
     * below walk the due indexes in order too: at 400k all-day rows, 8 s
     * rather than 13 s for the same updates in the order of the ids. */
    stmt = dg_database_prepare (db, DG_FOLLOWUP_SELECT "WHERE f.all_day = 1 ORDER BY f.due_key, f.id", error);
    if (stmt == NULL)
      return FALSE;

    all_day = dg_followups_collect_rows (db, stmt, error);
    if (all_day == NULL)
      return FALSE;
  }

  /* Only the two columns the zone derives; the others stay as they
   * were, their indexes untouched. */
  {
    g_auto(DgStatement) update = NULL;

    update = dg_database_prepare (db,
                                  "UPDATE followups SET due_key = ?2, remind_at = ?3 "
                                  "WHERE id = ?1 AND (due_key IS NOT ?2 OR remind_at IS NOT ?3)",
                                  error);
    if (update == NULL)
      return FALSE;

    for (guint i = 0; i < all_day->len; i++)
      {
        DgFollowup *followup = g_ptr_array_index (all_day, i);
        gint64 due_key = 0;
        gint64 remind_at = 0;

        /* A date that cannot be read keeps its key, as any write would
         * refuse it. */
        if (!due_key_of (followup, ctx.tz, &due_key))
          continue;

        sqlite3_reset (update);
        sqlite3_bind_int64 (update, 1, dg_followup_get_id (followup));
        sqlite3_bind_int64 (update, 2, due_key);
        if (pending_reminder (followup, ctx.tz, ctx.lead_minutes, due_key, &remind_at))
          sqlite3_bind_int64 (update, 3, remind_at);
        else
          sqlite3_bind_null (update, 3);
        if (!dg_database_run (db, update, error))
          return FALSE;
      }
  }

  if (all_day->len > 0)
    dg_database_notify_changed (db, DG_TABLE_FOLLOWUPS);

  g_debug ("All-day follow-ups now keyed in %s (were %s): %u rewritten",
           zone, stored ? stored : "none", all_day->len);

  return dg_meta_set (db, META_ZONE, zone, error);
}

gboolean
dg_followups_begin_write (DgDatabase        *db,
                          DgClock           *clock,
                          DgFollowupsWrite  *ctx,
                          GError           **error)
{
  ctx->tz = dg_clock_dup_time_zone (clock);
  ctx->now = dg_clock_get_now_utc (clock);

  if (!dg_database_begin (db, error))
    return FALSE;

  if (!dg_followups_sync_zone_locked (db, ctx->tz, error)
      || !dg_followups_read_lead (db, &ctx->lead_minutes, error))
    return rollback (db);

  return TRUE;
}

gboolean
dg_followups_sync_time_zone (DgDatabase  *db,
                             DgClock     *clock,
                             GError     **error)
{
  g_auto(DgFollowupsWrite) ctx = { 0 };
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *stored = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DG_IS_CLOCK (clock), FALSE);

  /* The usual case, the same zone, takes no write lock: the reminder
   * service asks on every check. */
  tz = dg_clock_dup_time_zone (clock);
  if (!dg_meta_get (db, META_ZONE, &stored, error))
    return FALSE;
  if (g_strcmp0 (stored, g_time_zone_get_identifier (tz)) == 0)
    return TRUE;

  if (!dg_followups_begin_write (db, clock, &ctx, error))
    return FALSE;

  return dg_database_commit (db, error);
}

/* The zone all-day keys are computed in: the one recorded in meta (the
 * clock's, since every write syncs it first), local when none is. */
static GTimeZone *
read_zone (DgDatabase  *db,
           GError     **error)
{
  g_autofree char *stored = NULL;
  GTimeZone *tz = NULL;

  if (!dg_meta_get (db, META_ZONE, &stored, error))
    return NULL;

  if (stored != NULL)
    tz = g_time_zone_new_identifier (stored);

  return tz != NULL ? tz : g_time_zone_new_local ();
}

/* Computes the derived keys of follow-up @id and writes @column with one. */
static gboolean
recompute_key (DgDatabase  *db,
               gint64       id,
               const char  *sql,
               gboolean     remind_at,
               GError     **error)
{
  g_autoptr(DgFollowup) followup = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_auto(DgStatement) stmt = NULL;
  int lead_minutes = 0;
  gint64 due_key = 0;
  gint64 remind = 0;

  followup = dg_followups_get (db, id, error);
  if (followup == NULL)
    return FALSE;

  tz = read_zone (db, error);
  if (tz == NULL || !dg_followups_read_lead (db, &lead_minutes, error))
    return FALSE;

  if (!due_key_of (followup, tz, &due_key))
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                           _("Due: choose a date"));
      return FALSE;
    }

  stmt = dg_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!remind_at)
    sqlite3_bind_int64 (stmt, 2, due_key);
  else if (pending_reminder (followup, tz, lead_minutes, due_key, &remind))
    sqlite3_bind_int64 (stmt, 2, remind);
  else
    sqlite3_bind_null (stmt, 2);

  return dg_database_run (db, stmt, error);
}

gboolean
dg_followups_recompute_due_key (DgDatabase  *db,
                                gint64       id,
                                GError     **error)
{
  return recompute_key (db, id, "UPDATE followups SET due_key = ?2 WHERE id = ?1", FALSE, error);
}

gboolean
dg_followups_recompute_remind_at (DgDatabase  *db,
                                  gint64       id,
                                  GError     **error)
{
  return recompute_key (db, id, "UPDATE followups SET remind_at = ?2 WHERE id = ?1", TRUE, error);
}

static gboolean
check_customer (DgDatabase  *db,
                gint64       customer_id,
                GError     **error)
{
  /* A follow-up may belong to no one. */
  return customer_id <= 0 || dg_customers_require (db, customer_id, error);
}

/* Fills in what the core keeps and the caller may have left unset. */
static void
complete_for_insert (DgFollowup *row,
                     GTimeZone  *tz,
                     GDateTime  *now)
{
  GDate date;
  int seconds;

  if (*dg_followup_get_uuid (row) == '\0')
    {
      g_autofree char *uuid = g_uuid_string_random ();

      dg_followup_set_uuid (row, uuid);
    }
  if (dg_followup_get_created_at (row) == NULL)
    dg_followup_set_created_at (row, now);
  if (dg_followup_get_updated_at (row) == NULL)
    dg_followup_set_updated_at (row, now);
  if (!dg_followups_parse_anchor (row, &date, &seconds))
    dg_followups_reset_anchor (row, tz);

  if (dg_followup_get_status (row) != DG_FOLLOWUP_STATUS_DONE)
    dg_followup_set_done_at (row, NULL);
  else if (dg_followup_get_done_at (row) == NULL)
    dg_followup_set_done_at (row, now);
}

gboolean
dg_followups_insert_locked (DgDatabase        *db,
                            DgFollowup        *row,
                            DgFollowupsWrite  *ctx,
                            GError           **error)
{
  gint64 wanted_id;
  gint64 id = 0;
  gboolean id_taken = FALSE;

  complete_for_insert (row, ctx->tz, ctx->now);

  /* Brought back by Undo: its old id when that is free, so views can keep
   * it where it was. */
  wanted_id = dg_followup_get_id (row);
  if (wanted_id > 0 && !dg_database_has_row (db, DG_TABLE_FOLLOWUPS, wanted_id, &id_taken, error))
    return FALSE;
  if (wanted_id <= 0 || id_taken)
    wanted_id = 0;

  if (!check_customer (db, dg_followup_get_customer_id (row), error)
      || !dg_followups_write_row (db, row, ctx, TRUE, wanted_id, &id, error))
    return FALSE;

  dg_followup_set_id (row, id);
  dg_database_notify_changed (db, DG_TABLE_FOLLOWUPS);

  return TRUE;
}

gboolean
dg_followups_insert (DgDatabase  *db,
                     DgClock     *clock,
                     DgFollowup  *followup,
                     GError     **error)
{
  g_auto(DgFollowupsWrite) ctx = { 0 };
  g_autoptr(DgFollowup) row = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DG_IS_CLOCK (clock), FALSE);
  g_return_val_if_fail (DG_IS_FOLLOWUP (followup), FALSE);

  if (!dg_followup_validate (followup, error))
    return FALSE;

  if (!dg_followups_begin_write (db, clock, &ctx, error))
    return FALSE;

  row = dg_followup_copy (followup);
  if (!dg_followups_insert_locked (db, row, &ctx, error))
    return rollback (db);

  if (!dg_database_commit (db, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (followup));
  dg_followup_set_id (followup, dg_followup_get_id (row));
  dg_followup_set_uuid (followup, dg_followup_get_uuid (row));
  dg_followup_set_recurrence_anchor (followup, dg_followup_get_recurrence_anchor (row));
  dg_followup_set_done_at (followup, dg_followup_get_done_at (row));
  dg_followup_set_created_at (followup, dg_followup_get_created_at (row));
  dg_followup_set_updated_at (followup, dg_followup_get_updated_at (row));
  g_object_thaw_notify (G_OBJECT (followup));

  return TRUE;
}

/* Copies what dg_followups_update() may change from @edited onto @row. */
static void
apply_edits (DgFollowup *row,
             DgFollowup *edited)
{
  dg_followup_set_customer_id (row, dg_followup_get_customer_id (edited));
  dg_followup_set_title (row, dg_followup_get_title (edited));
  dg_followup_set_note (row, dg_followup_get_note (edited));
  if (dg_followup_get_all_day (edited))
    dg_followup_set_due_date (row, dg_followup_get_due_date (edited));
  else
    dg_followup_set_due_at (row, dg_followup_get_due_at (edited));
  dg_followup_set_recurrence (row, dg_followup_get_recurrence (edited));
  dg_followup_set_recurrence_interval (row, dg_followup_get_recurrence_interval (edited));
  dg_followup_set_keep_in_touch (row, dg_followup_get_keep_in_touch (edited));
  dg_followup_set_snoozed_until (row, dg_followup_get_snoozed_until (edited));
}

/* Copies the whole stored state of @row back onto the caller's object. */
static void
refresh_from (DgFollowup *followup,
              DgFollowup *row)
{
  g_object_freeze_notify (G_OBJECT (followup));
  dg_followup_set_status (followup, dg_followup_get_status (row));
  dg_followup_set_done_at (followup, dg_followup_get_done_at (row));
  dg_followup_set_snoozed_until (followup, dg_followup_get_snoozed_until (row));
  dg_followup_set_notified_at (followup, dg_followup_get_notified_at (row));
  dg_followup_set_recurrence_anchor (followup, dg_followup_get_recurrence_anchor (row));
  dg_followup_set_created_at (followup, dg_followup_get_created_at (row));
  dg_followup_set_updated_at (followup, dg_followup_get_updated_at (row));
  g_object_thaw_notify (G_OBJECT (followup));
}

gboolean
dg_followups_update (DgDatabase  *db,
                     DgClock     *clock,
                     DgFollowup  *followup,
                     GError     **error)
{
  g_auto(DgFollowupsWrite) ctx = { 0 };
  g_autoptr(DgFollowup) stored = NULL;
  g_autoptr(DgFollowup) row = NULL;
  gboolean due_changed;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DG_IS_CLOCK (clock), FALSE);
  g_return_val_if_fail (DG_IS_FOLLOWUP (followup), FALSE);

  if (!dg_followup_validate (followup, error))
    return FALSE;

  if (dg_followup_get_id (followup) <= 0)
    {
      dg_followups_set_not_found (error);
      return FALSE;
    }

  if (!dg_followups_begin_write (db, clock, &ctx, error))
    return FALSE;

  stored = dg_followups_get (db, dg_followup_get_id (followup), error);
  if (stored == NULL)
    return rollback (db);

  row = dg_followup_copy (stored);
  apply_edits (row, followup);

  /* A new due (or a new repeat) starts the series again from it, and a
   * snooze of the old due no longer means anything. */
  due_changed = !dg_followups_same_due (row, stored);
  if (due_changed)
    dg_followup_set_snoozed_until (row, NULL);
  if (due_changed
      || dg_followup_get_recurrence (row) != dg_followup_get_recurrence (stored)
      || dg_followup_get_recurrence_interval (row) != dg_followup_get_recurrence_interval (stored)
      || dg_followup_get_keep_in_touch (row) != dg_followup_get_keep_in_touch (stored))
    dg_followups_reset_anchor (row, ctx.tz);
  dg_followup_set_updated_at (row, ctx.now);

  if ((dg_followup_get_customer_id (row) != dg_followup_get_customer_id (stored)
       && !check_customer (db, dg_followup_get_customer_id (row), error))
      || !dg_followups_write_row (db, row, &ctx, FALSE, 0, NULL, error))
    return rollback (db);

  dg_database_notify_changed (db, DG_TABLE_FOLLOWUPS);

  if (!dg_database_commit (db, error))
    return FALSE;

  refresh_from (followup, row);

  return TRUE;
}

gboolean
dg_followups_delete (DgDatabase  *db,
                     gint64       id,
                     GError     **error)
{
  g_auto(DgStatement) stmt = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);

  if (!dg_database_begin (db, error))
    return FALSE;

  stmt = dg_database_prepare (db, "DELETE FROM followups WHERE id = ?1", error);
  if (stmt == NULL)
    return rollback (db);

  sqlite3_bind_int64 (stmt, 1, id);
  if (!dg_database_run (db, stmt, error))
    return rollback (db);

  if (dg_database_changes (db) == 0)
    {
      dg_followups_set_not_found (error);
      return rollback (db);
    }

  dg_database_notify_changed (db, DG_TABLE_FOLLOWUPS);

  return dg_database_commit (db, error);
}


GDateTime *
dg_followups_active_snooze (DgFollowup *followup,
                            DgClock    *clock)
{
  GDateTime *until;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) due = NULL;

  g_return_val_if_fail (DG_IS_FOLLOWUP (followup), NULL);
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);

  until = dg_followup_get_snoozed_until (followup);
  if (until == NULL || dg_followup_get_status (followup) != DG_FOLLOWUP_STATUS_OPEN)
    return NULL;

  now = dg_clock_get_now_utc (clock);
  if (g_date_time_compare (until, now) <= 0)
    return NULL;

  if (dg_followup_get_all_day (followup))
    {
      g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (clock);
      GDate date;

      if (dg_followup_get_due_day (followup, tz, &date))
        due = dg_recurrence_day_start (tz, &date);
    }
  else if (dg_followup_get_due_at (followup) != NULL)
    due = g_date_time_ref (dg_followup_get_due_at (followup));

  /* A snooze before the due only brings the reminder earlier. */
  if (due != NULL && g_date_time_compare (until, due) <= 0)
    return NULL;

  return until;
}

gboolean
dg_followups_get_listed_day (DgFollowup *followup,
                             DgClock    *clock,
                             GTimeZone  *tz,
                             GDate      *out_date)
{
  GDateTime *snoozed;

  g_return_val_if_fail (DG_IS_FOLLOWUP (followup), FALSE);
  g_return_val_if_fail (DG_IS_CLOCK (clock), FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);

  snoozed = dg_followups_active_snooze (followup, clock);
  if (snoozed == NULL)
    return dg_followup_get_due_day (followup, tz, out_date);

  dg_recurrence_local_date (snoozed, tz, out_date);

  return TRUE;
}
