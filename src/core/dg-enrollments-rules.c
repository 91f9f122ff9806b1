/* dg-enrollments-rules.c
 *
 * The follow-ups of stage rules for one enrollment: made when it enters a
 * stage, cancelled when it completes or drops out of the journey.
 */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-catalog.h"
#include "dg-customers-bulk-private.h"
#include "dg-error.h"
#include "dg-followup.h"
#include "dg-journeys-private.h"
#include "dg-recurrence.h"
#include "dg-stages.h"

/* A rule to apply, read before any follow-up is written. */
typedef struct
{
  gint64        rule_id;
  char         *title;
  char         *note;
  DgRuleAnchor  anchor;
  int           offset_days;
  char         *time_of_day;
  gint64        customer_id;
  char         *cohort_date;
} PendingRule;

static void
pending_rule_clear (PendingRule *rule)
{
  g_free (rule->title);
  g_free (rule->note);
  g_free (rule->time_of_day);
  g_free (rule->cohort_date);
}

/* The follow-up @rule makes for a customer who entered its stage at
 * @ctx->now; NULL when it has no day (a cohort without a date). */
static DgFollowup *
make_followup (PendingRule      *rule,
               DgFollowupsWrite *ctx)
{
  g_autoptr(DgFollowup) followup = dg_followup_new ();
  GDate day;

  if (rule->anchor == DG_RULE_ANCHOR_COHORT_DATE)
    {
      if (rule->cohort_date == NULL || !dg_recurrence_parse_date (rule->cohort_date, &day))
        return NULL;
    }
  else
    {
      dg_recurrence_local_date (ctx->now, ctx->tz, &day);
    }

  if (rule->offset_days >= 0)
    g_date_add_days (&day, rule->offset_days);
  else
    g_date_subtract_days (&day, -rule->offset_days);

  if (rule->time_of_day != NULL)
    {
      int seconds = (g_ascii_digit_value (rule->time_of_day[0]) * 10 + g_ascii_digit_value (rule->time_of_day[1])) * 3600
                    + (g_ascii_digit_value (rule->time_of_day[3]) * 10 + g_ascii_digit_value (rule->time_of_day[4])) * 60;
      g_autoptr(GDateTime) due = dg_recurrence_local_time (ctx->tz, &day, seconds);

      if (due == NULL)
        return NULL;
      dg_followup_set_due_at (followup, due);
    }
  else
    {
      g_autofree char *date = dg_recurrence_format_date (&day);

      dg_followup_set_due_date (followup, date);
    }

  dg_followup_set_customer_id (followup, rule->customer_id);
  dg_followup_set_title (followup, rule->title);
  dg_followup_set_note (followup, rule->note);

  return g_steal_pointer (&followup);
}

gboolean
dg_enrollments_apply_rules_locked (DgDatabase        *db,
                                   gint64             enrollment_id,
                                   gint64             stage_id,
                                   DgFollowupsWrite  *ctx,
                                   GArray            *created,
                                   GError           **error)
{
  g_auto(DgStatement) stmt = NULL;
  g_autoptr(GArray) rules = g_array_new (FALSE, TRUE, sizeof (PendingRule));
  int rc;

  g_array_set_clear_func (rules, (GDestroyNotify) pending_rule_clear);

  stmt = dg_database_prepare (db,
                              "SELECT r.id, r.title, r.note, r.anchor, r.offset_days, r.time_of_day, "
                              "  e.customer_id, c.date "
                              "FROM enrollments e JOIN stage_rules r ON r.stage_id = ?2 "
                              "LEFT JOIN cohorts c ON c.id = e.cohort_id "
                              "WHERE e.id = ?1 AND NOT EXISTS (SELECT 1 FROM enrollment_followups l "
                              "  JOIN followups f ON f.id = l.followup_id "
                              "  WHERE l.enrollment_id = e.id AND l.rule_id = r.id AND f.status = 'open') "
                              "ORDER BY r.position, r.id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, enrollment_id);
  sqlite3_bind_int64 (stmt, 2, stage_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PendingRule rule = {
        .rule_id = sqlite3_column_int64 (stmt, 0),
        .title = dg_journeys_column_text (stmt, 1),
        .note = dg_journeys_column_text (stmt, 2),
        .offset_days = sqlite3_column_int (stmt, 4),
        .time_of_day = dg_journeys_column_text_or_null (stmt, 5),
        .customer_id = sqlite3_column_int64 (stmt, 6),
        .cohort_date = dg_journeys_column_text_or_null (stmt, 7),
      };

      if (!dg_rule_anchor_from_string ((const char *) sqlite3_column_text (stmt, 3), &rule.anchor))
        rule.anchor = DG_RULE_ANCHOR_STAGE_ENTERED;
      g_array_append_val (rules, rule);
    }
  if (rc != SQLITE_DONE)
    return dg_database_set_error (db, error);
  dg_statement_release (g_steal_pointer (&stmt));

  for (guint i = 0; i < rules->len; i++)
    {
      PendingRule *rule = &g_array_index (rules, PendingRule, i);
      g_autoptr(DgFollowup) followup = make_followup (rule, ctx);
      g_auto(DgStatement) link = NULL;
      gint64 id;

      if (followup == NULL)
        continue;

      if (!dg_followup_validate (followup, error) || !dg_followups_insert_locked (db, followup, ctx, error))
        return FALSE;
      id = dg_followup_get_id (followup);

      link = dg_database_prepare (db,
                                  "INSERT INTO enrollment_followups (followup_id, enrollment_id, rule_id) "
                                  "VALUES (?1, ?2, ?3)",
                                  error);
      if (link == NULL)
        return FALSE;
      sqlite3_bind_int64 (link, 1, id);
      sqlite3_bind_int64 (link, 2, enrollment_id);
      sqlite3_bind_int64 (link, 3, rule->rule_id);
      if (!dg_database_run (db, link, error))
        return FALSE;

      if (created != NULL)
        g_array_append_val (created, id);
    }

  return TRUE;
}

/* Completing or dropping ends the customer's walk through the journey,
 * so the follow-ups its stages' rules scheduled for them and that are
 * still open (the guidance text before a lecture they will not attend, the
 * survey reminder of a course they left) would only be noise on the Today
 * page: they are cancelled, each kept as it was for Undo. Moving to
 * another stage cancels nothing: the guidance text of the stage a
 * customer just left usually still has to go out (they moved on before it
 * was due, or moved back), and the owner can still see and cancel it; a
 * follow-up the owner added by hand is never linked to a rule, so it is
 * never touched. Sets *@cancelled when one was. */
gboolean
dg_enrollments_cancel_rules_locked (DgDatabase        *db,
                                    gint64             enrollment_id,
                                    DgFollowupsWrite  *ctx,
                                    DgBulkUndo        *undo,
                                    gboolean          *cancelled,
                                    GError           **error)
{
  g_auto(DgStatement) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_bulk_row_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = dg_database_prepare (db,
                              "SELECT f.* FROM followups f JOIN enrollment_followups l ON l.followup_id = f.id "
                              "WHERE l.enrollment_id = ?1 AND f.status = 'open' ORDER BY f.id",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, enrollment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DgBulkRow *row = dg_bulk_row_new_from_statement (stmt);
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (row == NULL)
        {
          g_set_error_literal (error, DG_ERROR, DG_ERROR_DATABASE,
                               _("Out of memory while keeping the follow-ups for Undo."));
          return FALSE;
        }
      g_ptr_array_add (rows, row);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    return dg_database_set_error (db, error);
  dg_statement_release (g_steal_pointer (&stmt));

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(DgFollowup) followup = dg_followups_get (db, g_array_index (ids, gint64, i), error);

      if (followup == NULL)
        return FALSE;

      dg_followup_set_status (followup, DG_FOLLOWUP_STATUS_CANCELLED);
      dg_followup_set_done_at (followup, NULL);
      dg_followup_set_updated_at (followup, ctx->now);
      if (!dg_followups_write_row (db, followup, ctx, FALSE, 0, NULL, error))
        return FALSE;

      dg_bulk_undo_add_row_in (undo, DG_TABLE_FOLLOWUPS, g_ptr_array_steal_index (rows, 0));
      *cancelled = TRUE;
    }

  return TRUE;
}
