/* dg-reminders.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "dg-birthdays.h"
#include "dg-catalog.h"
#include "dg-followups.h"
#include "dg-followups-private.h"
#include "dg-interactions.h"
#include "dg-meta-private.h"
#include "dg-record-private.h"
#include "dg-reminders.h"

gboolean
dg_reminders_set_lead_minutes (DgDatabase  *db,
                               guint        minutes,
                               GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  g_autofree char *text = NULL;
  int current = 0;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);

  minutes = MIN (minutes, DG_REMINDERS_MAX_LEAD_MINUTES);

  if (!dg_database_begin (db, error))
    return FALSE;

  if (!dg_followups_read_lead (db, &current, error))
    {
      dg_database_rollback (db);
      return FALSE;
    }

  text = g_strdup_printf ("%u", minutes);
  if (!dg_meta_set (db, "reminder_lead_minutes", text, error))
    {
      dg_database_rollback (db);
      return FALSE;
    }

  if ((guint) current == minutes)
    return dg_database_commit (db, error);

  /* Only the pending reminders of timed, unsnoozed follow-ups move; one
   * already shown stays shown, and one that would now fire before the last
   * time it was shown counts as shown. */
  stmt = dg_database_prepare (db,
                              "UPDATE followups SET remind_at = CASE "
                              "  WHEN notified_at IS NOT NULL "
                              "       AND unixepoch (notified_at) >= due_key - ?1 THEN NULL "
                              "  ELSE due_key - ?1 END "
                              "WHERE remind_at IS NOT NULL AND all_day = 0 AND snoozed_until IS NULL",
                              error);
  if (stmt == NULL)
    {
      dg_database_rollback (db);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, (gint64) minutes * 60);
  if (!dg_database_run (db, stmt, error))
    {
      dg_database_rollback (db);
      return FALSE;
    }

  dg_database_notify_changed (db, DG_TABLE_FOLLOWUPS);

  return dg_database_commit (db, error);
}

int
dg_reminders_get_lead_minutes (DgDatabase  *db,
                               GError     **error)
{
  int minutes = 0;

  g_return_val_if_fail (DG_IS_DATABASE (db), -1);

  if (!dg_followups_read_lead (db, &minutes, error))
    return -1;

  return minutes;
}

GPtrArray *
dg_reminders_collect_due (DgDatabase  *db,
                          GDateTime   *now,
                          GError     **error)
{
  g_auto(DgStatement) stmt = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  stmt = dg_database_prepare (db,
                              DG_FOLLOWUP_SELECT
                              "WHERE f.remind_at <= ?1 ORDER BY f.remind_at, f.id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (now));

  return dg_followups_collect_rows (db, stmt, error);
}

static gboolean
mark_one (DgDatabase  *db,
          gint64       id,
          const char  *at_text,
          gint64       at,
          GError     **error)
{
  g_auto(DgStatement) stmt = NULL;

  stmt = dg_database_prepare (db,
                              "UPDATE followups SET notified_at = ?2, "
                              "  remind_at = CASE WHEN remind_at <= ?3 THEN NULL ELSE remind_at END "
                              "WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, at_text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, at);

  return dg_database_run (db, stmt, error);
}

gboolean
dg_reminders_mark_notified_many (DgDatabase    *db,
                                 const gint64  *ids,
                                 guint          n_ids,
                                 GDateTime     *at,
                                 GError       **error)
{
  g_autofree char *at_text = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (at != NULL, FALSE);

  at_text = dg_record_format_time (at);

  if (!dg_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    {
      /* One that was deleted meanwhile has nothing left to remind of. */
      if (!mark_one (db, ids[i], at_text, g_date_time_to_unix (at), error))
        {
          dg_database_rollback (db);
          return FALSE;
        }
    }

  if (n_ids > 0)
    dg_database_notify_changed (db, DG_TABLE_FOLLOWUPS);

  return dg_database_commit (db, error);
}

gboolean
dg_reminders_mark_notified (DgDatabase  *db,
                            gint64       id,
                            GDateTime   *at,
                            GError     **error)
{
  return dg_reminders_mark_notified_many (db, &id, 1, at, error);
}

GDateTime *
dg_reminders_next_wakeup (DgDatabase  *db,
                          GDateTime   *now,
                          GError     **error)
{
  g_auto(DgStatement) stmt = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  stmt = dg_database_prepare (db,
                              "SELECT min (remind_at) FROM followups WHERE remind_at > ?1",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (now));

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      dg_database_set_error (db, error);
      return NULL;
    }

  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return NULL;

  return g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 0));
}

gboolean
dg_reminders_has_upcoming (DgDatabase  *db,
                           GDateTime   *now,
                           gboolean    *out_upcoming,
                           GError     **error)
{
  g_auto(DgStatement) stmt = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (out_upcoming != NULL, FALSE);

  /* Two lookups on their own indexes rather than one OR that scans. */
  stmt = dg_database_prepare (db,
                              "SELECT EXISTS (SELECT 1 FROM followups "
                              "               WHERE status = 'open' AND due_key > ?1) "
                              "    OR EXISTS (SELECT 1 FROM followups "
                              "               WHERE remind_at > ?1 AND status = 'open')",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (now));

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return dg_database_set_error (db, error);

  *out_upcoming = sqlite3_column_int (stmt, 0) != 0;

  return TRUE;
}

gboolean
dg_reminders_morning_summary (DgDatabase        *db,
                              DgClock           *clock,
                              guint              going_cold_days,
                              DgMorningSummary  *out_summary,
                              GError           **error)
{
  g_autoptr(GPtrArray) due_today = NULL;
  g_autoptr(GDateTime) now = NULL;
  gint64 overdue, going_cold;
  int birthdays;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DG_IS_CLOCK (clock), FALSE);
  g_return_val_if_fail (out_summary != NULL, FALSE);

  memset (out_summary, 0, sizeof *out_summary);
  now = dg_clock_get_now_local (clock);
  g_date_clear (&out_summary->day, 1);
  g_date_set_dmy (&out_summary->day,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));

  /* A morning's list is short: counting the rows of the Today page's own
   * query keeps "due today" meaning exactly what Today shows. */
  due_today = dg_followups_list_due_today (db, clock, 0, error);
  if (due_today == NULL)
    return FALSE;

  overdue = dg_followups_count_overdue (db, clock, 0, error);
  if (overdue < 0)
    return FALSE;

  going_cold = dg_interactions_count_going_cold (db, clock, going_cold_days, 0, error);
  if (going_cold < 0)
    return FALSE;

  /* Birthdays of the day itself: the days before are what the birthday
   * follow-ups are for. */
  birthdays = dg_birthdays_count_in_range (db, &out_summary->day, &out_summary->day, error);
  if (birthdays < 0)
    return FALSE;

  out_summary->due_today = due_today->len;
  out_summary->birthdays = (guint) birthdays;
  out_summary->overdue = (guint) MIN (overdue, G_MAXUINT);
  out_summary->going_cold = (guint) MIN (going_cold, G_MAXUINT);

  return TRUE;
}

gboolean
dg_morning_summary_is_empty (const DgMorningSummary *summary)
{
  g_return_val_if_fail (summary != NULL, TRUE);

  return summary->due_today == 0 && summary->overdue == 0
         && summary->going_cold == 0 && summary->birthdays == 0;
}

#define AGENDA_DAY_KEY "morning_agenda_day"

gboolean
dg_reminders_get_agenda_day (DgDatabase  *db,
                             GDate       *out_day,
                             GError     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out_day != NULL, FALSE);

  g_date_clear (out_day, 1);
  if (!dg_meta_get (db, AGENDA_DAY_KEY, &text, error))
    return FALSE;

  /* An unreadable value counts as never: at worst one more agenda. */
  if (text != NULL)
    {
      int year, month, day;

      if (sscanf (text, "%d-%d-%d", &year, &month, &day) == 3
          && g_date_valid_dmy (day, month, year))
        g_date_set_dmy (out_day, day, month, year);
    }

  return TRUE;
}

gboolean
dg_reminders_set_agenda_day (DgDatabase   *db,
                             const GDate  *day,
                             GError      **error)
{
  char text[16];

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  g_snprintf (text, sizeof text, "%04d-%02d-%02d",
              g_date_get_year (day), g_date_get_month (day), g_date_get_day (day));

  return dg_meta_set (db, AGENDA_DAY_KEY, text, error);
}
