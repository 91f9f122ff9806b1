/* dg-followups-series.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-catalog.h"
#include "dg-error.h"
#include "dg-followups-private.h"

/* Deleting a follow-up, ending or keeping its series, and putting it back
 * as it was for Undo. Only the open occurrence of a series is a row of its
 * own (the earlier ones are done), so "this and all later" is the open
 * row alone, and "only this one" is that row replaced by the next one. */

static gboolean
rollback (DgDatabase *db)
{
  dg_database_rollback (db);

  return FALSE;
}

static gboolean
delete_row (DgDatabase  *db,
            gint64       id,
            GError     **error)
{
  g_auto(DgStatement) stmt = NULL;

  stmt = dg_database_prepare (db, "DELETE FROM followups WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  return dg_database_run (db, stmt, error);
}

static gboolean
repeats (DgFollowup *followup)
{
  return dg_followup_get_recurrence (followup) != DG_RECURRENCE_NONE;
}

gboolean
dg_followups_remove (DgDatabase  *db,
                     DgClock     *clock,
                     gint64       id,
                     gboolean     keep_series,
                     DgFollowup **out_removed,
                     DgFollowup **out_next,
                     GError     **error)
{
  g_auto(DgFollowupsWrite) ctx = { 0 };
  g_autoptr(DgFollowup) row = NULL;
  g_autoptr(DgFollowup) next = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DG_IS_CLOCK (clock), FALSE);

  if (out_removed != NULL)
    *out_removed = NULL;
  if (out_next != NULL)
    *out_next = NULL;

  if (!dg_followups_begin_write (db, clock, &ctx, error))
    return FALSE;

  row = dg_followups_get (db, id, error);
  if (row == NULL)
    return rollback (db);

  /* The series goes on as if this one had been done, without counting it
   * as done: the next occurrence is the one completing would make. */
  if (keep_series && repeats (row) && dg_followup_get_status (row) == DG_FOLLOWUP_STATUS_OPEN)
    {
      next = dg_followups_make_next (db, row, &ctx, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return rollback (db);
        }
    }

  /* The next one is written first so that it cannot take the id of the
   * deleted one, which Undo gives back. */
  if (next != NULL)
    {
      gint64 next_id = 0;

      if (!dg_followups_write_row (db, next, &ctx, TRUE, 0, &next_id, error))
        return rollback (db);
      dg_followup_set_id (next, next_id);
    }

  if (!delete_row (db, id, error) || dg_database_changes (db) == 0)
    {
      if (error != NULL && *error == NULL)
        dg_followups_set_not_found (error);
      return rollback (db);
    }

  dg_database_notify_changed (db, DG_TABLE_FOLLOWUPS);

  if (!dg_database_commit (db, error))
    return FALSE;

  if (out_removed != NULL)
    *out_removed = g_steal_pointer (&row);
  if (out_next != NULL)
    *out_next = g_steal_pointer (&next);

  return TRUE;
}

gboolean
dg_followups_stop_repeating (DgDatabase  *db,
                             DgClock     *clock,
                             gint64       id,
                             DgFollowup **out_before,
                             GError     **error)
{
  g_auto(DgFollowupsWrite) ctx = { 0 };
  g_autoptr(DgFollowup) stored = NULL;
  g_autoptr(DgFollowup) row = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DG_IS_CLOCK (clock), FALSE);

  if (out_before != NULL)
    *out_before = NULL;

  if (!dg_followups_begin_write (db, clock, &ctx, error))
    return FALSE;

  stored = dg_followups_get (db, id, error);
  if (stored == NULL)
    return rollback (db);

  if (!repeats (stored))
    {
      if (!dg_database_commit (db, error))
        return FALSE;
      if (out_before != NULL)
        *out_before = g_steal_pointer (&stored);
      return TRUE;
    }

  row = dg_followup_copy (stored);
  dg_followup_set_recurrence (row, DG_RECURRENCE_NONE);
  dg_followup_set_recurrence_interval (row, 1);
  dg_followup_set_keep_in_touch (row, FALSE);
  dg_followups_reset_anchor (row, ctx.tz);
  dg_followup_set_updated_at (row, ctx.now);
  if (!dg_followups_write_row (db, row, &ctx, FALSE, 0, NULL, error))
    return rollback (db);

  dg_database_notify_changed (db, DG_TABLE_FOLLOWUPS);

  if (!dg_database_commit (db, error))
    return FALSE;

  if (out_before != NULL)
    *out_before = g_steal_pointer (&stored);

  return TRUE;
}

gboolean
dg_followups_restore (DgDatabase  *db,
                      DgClock     *clock,
                      DgFollowup  *saved,
                      gint64       created_next_id,
                      GError     **error)
{
  g_auto(DgFollowupsWrite) ctx = { 0 };
  g_autoptr(DgFollowup) row = NULL;
  gint64 id;
  gboolean present = FALSE;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DG_IS_CLOCK (clock), FALSE);
  g_return_val_if_fail (DG_IS_FOLLOWUP (saved), FALSE);

  if (!dg_followups_begin_write (db, clock, &ctx, error))
    return FALSE;

  id = dg_followup_get_id (saved);
  if (created_next_id > 0 && created_next_id != id && !delete_row (db, created_next_id, error))
    return rollback (db);

  row = dg_followup_copy (saved);
  if (id > 0 && !dg_database_has_row (db, DG_TABLE_FOLLOWUPS, id, &present, error))
    return rollback (db);

  if (present)
    {
      if (!dg_followups_write_row (db, row, &ctx, FALSE, 0, NULL, error))
        return rollback (db);
      dg_database_notify_changed (db, DG_TABLE_FOLLOWUPS);
    }
  else if (!dg_followups_insert_locked (db, row, &ctx, error))
    return rollback (db);

  return dg_database_commit (db, error);
}
