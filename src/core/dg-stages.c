/* dg-stages.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-catalog.h"
#include "dg-customers-bulk-private.h"
#include "dg-error.h"
#include "dg-journeys-private.h"
#include "dg-journeys.h"
#include "dg-record-private.h"
#include "dg-stages.h"

DgStage *
dg_stages_from_row (sqlite3_stmt *stmt)
{
  DgStage *stage = g_new0 (DgStage, 1);
  const char *level = (const char *) sqlite3_column_text (stmt, 11);

  stage->id = sqlite3_column_int64 (stmt, 0);
  stage->uuid = dg_journeys_column_text (stmt, 1);
  stage->journey_id = sqlite3_column_int64 (stmt, 2);
  stage->position = sqlite3_column_int (stmt, 3);
  stage->name = dg_journeys_column_text (stmt, 4);
  stage->scenario = dg_journeys_column_text (stmt, 5);
  stage->touchpoint = dg_journeys_column_text (stmt, 6);
  stage->detail_steps = dg_journeys_column_text (stmt, 7);
  stage->message_script = dg_journeys_column_text (stmt, 8);
  stage->pain_points = dg_journeys_column_text (stmt, 9);
  stage->unmet_needs = dg_journeys_column_text (stmt, 10);
  if (!dg_digitisation_from_string (level, &stage->digitisation))
    stage->digitisation = DG_DIGITISATION_MANUAL;
  stage->usual_days = sqlite3_column_type (stmt, 12) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 12);

  return stage;
}

DgStageRule *
dg_stage_rules_from_row (sqlite3_stmt *stmt)
{
  DgStageRule *rule = g_new0 (DgStageRule, 1);

  rule->id = sqlite3_column_int64 (stmt, 0);
  rule->uuid = dg_journeys_column_text (stmt, 1);
  rule->stage_id = sqlite3_column_int64 (stmt, 2);
  rule->position = sqlite3_column_int (stmt, 3);
  rule->title = dg_journeys_column_text (stmt, 4);
  rule->note = dg_journeys_column_text (stmt, 5);
  if (!dg_rule_anchor_from_string ((const char *) sqlite3_column_text (stmt, 6), &rule->anchor))
    rule->anchor = DG_RULE_ANCHOR_STAGE_ENTERED;
  rule->offset_days = sqlite3_column_int (stmt, 7);
  rule->time_of_day = dg_journeys_column_text_or_null (stmt, 8);

  return rule;
}

static gboolean
fail (DgDatabase *db)
{
  dg_database_rollback (db);
  return FALSE;
}

static void
normalize_multiline (char **field)
{
  char *clean = dg_record_normalize_text (*field, FALSE);

  g_free (*field);
  *field = clean;
}

static gboolean
check_stage (DgStage  *stage,
             GError  **error)
{
  char *touchpoint;

  if (!dg_journeys_check_name (&stage->name, _("A stage needs a name"), error))
    return FALSE;

  if (stage->usual_days > 3650 || stage->usual_days < -1)
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                           _("The usual days in a stage are 0 to 3650, or none"));
      return FALSE;
    }
  if (dg_digitisation_to_string (stage->digitisation) == NULL)
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                           _("The digitisation level is manual, template or automated"));
      return FALSE;
    }

  touchpoint = dg_record_normalize_text (stage->touchpoint, TRUE);
  g_free (stage->touchpoint);
  stage->touchpoint = touchpoint;
  normalize_multiline (&stage->scenario);
  normalize_multiline (&stage->detail_steps);
  normalize_multiline (&stage->message_script);
  normalize_multiline (&stage->pain_points);
  normalize_multiline (&stage->unmet_needs);

  return TRUE;
}

/* Binds the playbook of @stage from ?3 on, as both writes list it. */
static void
bind_playbook (sqlite3_stmt *stmt,
               DgStage      *stage)
{
  dg_database_bind_text (stmt, 3, stage->name);
  dg_database_bind_text (stmt, 4, stage->scenario);
  dg_database_bind_text (stmt, 5, stage->touchpoint);
  dg_database_bind_text (stmt, 6, stage->detail_steps);
  dg_database_bind_text (stmt, 7, stage->message_script);
  dg_database_bind_text (stmt, 8, stage->pain_points);
  dg_database_bind_text (stmt, 9, stage->unmet_needs);
  dg_database_bind_text (stmt, 10, dg_digitisation_to_string (stage->digitisation));
  if (stage->usual_days >= 0)
    sqlite3_bind_int (stmt, 11, stage->usual_days);
  else
    sqlite3_bind_null (stmt, 11);
}

gboolean
dg_stages_insert_locked (DgDatabase  *db,
                         DgStage     *stage,
                         const char  *now,
                         GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  int rc;

  stmt = dg_database_prepare (db,
                              "INSERT INTO stages (uuid, journey_id, position, name, scenario, touchpoint, "
                              "  detail_steps, message_script, pain_points, unmet_needs, digitisation, "
                              "  usual_days, created_at, updated_at) "
                              "VALUES (?1, ?2, (SELECT coalesce (max (position) + 1, 0) FROM stages "
                              "  WHERE journey_id = ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12) "
                              "RETURNING id, position",
                              error);
  if (stmt == NULL)
    return FALSE;

  dg_database_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, stage->journey_id);
  bind_playbook (stmt, stage);
  dg_database_bind_text (stmt, 12, now);

  rc = sqlite3_step (stmt);
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    return dg_journeys_not_found (error, _("The journey no longer exists"));
  if (rc != SQLITE_ROW)
    return dg_database_set_error (db, error);

  stage->id = sqlite3_column_int64 (stmt, 0);
  stage->position = sqlite3_column_int (stmt, 1);
  g_free (stage->uuid);
  stage->uuid = g_steal_pointer (&uuid);

  return dg_database_run (db, stmt, error);
}

gboolean
dg_stages_insert (DgDatabase  *db,
                  DgStage     *stage,
                  GError     **error)
{
  g_autofree char *now = dg_journeys_now_text (db, NULL);

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (stage != NULL, FALSE);

  if (!check_stage (stage, error) || !dg_database_begin (db, error))
    return FALSE;

  if (!dg_stages_insert_locked (db, stage, now, error))
    return fail (db);

  dg_database_notify_changed (db, DG_TABLE_STAGES);

  return dg_database_commit (db, error);
}

gboolean
dg_stages_update (DgDatabase  *db,
                  DgStage     *stage,
                  GError     **error)
{
  g_autofree char *now = dg_journeys_now_text (db, NULL);
  g_auto(DgStatement) stmt = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (stage != NULL, FALSE);

  if (!check_stage (stage, error))
    return FALSE;

  stmt = dg_database_prepare (db,
                              "UPDATE stages SET name = ?3, scenario = ?4, touchpoint = ?5, "
                              "  detail_steps = ?6, message_script = ?7, pain_points = ?8, "
                              "  unmet_needs = ?9, digitisation = ?10, usual_days = ?11, updated_at = ?2 "
                              "WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, stage->id);
  dg_database_bind_text (stmt, 2, now);
  bind_playbook (stmt, stage);
  if (!dg_database_run (db, stmt, error))
    return FALSE;
  if (dg_database_changes (db) == 0)
    return dg_journeys_not_found (error, _("The stage no longer exists"));

  dg_database_notify_changed (db, DG_TABLE_STAGES);

  return TRUE;
}

DgStage *
dg_stages_get (DgDatabase  *db,
               gint64       id,
               GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  stmt = dg_database_prepare (db, "SELECT " DG_STAGE_COLUMNS "FROM stages WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return dg_stages_from_row (stmt);
  if (rc == SQLITE_DONE)
    dg_journeys_not_found (error, _("The stage no longer exists"));
  else
    dg_database_set_error (db, error);

  return NULL;
}

static GPtrArray *
collect (DgDatabase     *db,
         sqlite3_stmt   *stmt,
         gpointer      (*from_row) (sqlite3_stmt *),
         GDestroyNotify  free_func,
         GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      dg_database_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

GPtrArray *
dg_stages_list (DgDatabase  *db,
                gint64       journey_id,
                GError     **error)
{
  g_auto(DgStatement) stmt = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  stmt = dg_database_prepare (db,
                              "SELECT " DG_STAGE_COLUMNS "FROM stages WHERE journey_id = ?1 "
                              "ORDER BY position, id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, journey_id);

  return collect (db, stmt, (gpointer) dg_stages_from_row, (GDestroyNotify) dg_stage_free, error);
}

static gboolean
reorder_locked (DgDatabase    *db,
                gint64         journey_id,
                const gint64  *ids,
                guint          n_ids,
                GError       **error)
{
  g_autoptr(GPtrArray) stages = dg_stages_list (db, journey_id, error);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *now = dg_journeys_now_text (db, NULL);

  if (stages == NULL)
    return FALSE;

  for (guint i = 0; i < stages->len; i++)
    g_hash_table_add (seen, &((DgStage *) g_ptr_array_index (stages, i))->id);

  if (n_ids != stages->len)
    goto mismatch;
  for (guint i = 0; i < n_ids; i++)
    {
      if (!g_hash_table_remove (seen, &ids[i]))
        goto mismatch;
    }

  for (guint i = 0; i < n_ids; i++)
    {
      g_auto(DgStatement) stmt = dg_database_prepare (db,
                                                      "UPDATE stages SET position = ?2, updated_at = ?3 "
                                                      "WHERE id = ?1 AND position <> ?2",
                                                      error);

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, ids[i]);
      sqlite3_bind_int (stmt, 2, i);
      dg_database_bind_text (stmt, 3, now);
      if (!dg_database_run (db, stmt, error))
        return FALSE;
    }

  return TRUE;

mismatch:
  g_set_error_literal (error, DG_ERROR, DG_ERROR_FAILED,
                       _("The stages changed meanwhile; look at them again and retry"));
  return FALSE;
}

gboolean
dg_stages_reorder (DgDatabase    *db,
                   gint64         journey_id,
                   const gint64  *ids,
                   guint          n_ids,
                   GError       **error)
{
  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (!dg_database_begin (db, error))
    return FALSE;

  if (!reorder_locked (db, journey_id, ids, n_ids, error))
    return fail (db);

  dg_database_notify_changed (db, DG_TABLE_STAGES);

  return dg_database_commit (db, error);
}

gboolean
dg_stages_count_enrollments (DgDatabase  *db,
                             gint64       id,
                             guint       *out_count,
                             GError     **error)
{
  g_auto(DgStatement) stmt = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out_count != NULL, FALSE);

  stmt = dg_database_prepare (db, "SELECT count (*) FROM enrollments WHERE stage_id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return dg_database_set_error (db, error);
  *out_count = sqlite3_column_int (stmt, 0);

  return TRUE;
}

/* Runs @sql with ?1 = @id, and ?2 = @move_to and ?3 = @now where it has
 * them. */
static gboolean
run_fold (DgDatabase  *db,
          const char  *sql,
          gint64       id,
          gint64       move_to,
          const char  *now,
          GError     **error)
{
  g_auto(DgStatement) stmt = dg_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, move_to);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    dg_database_bind_text (stmt, 3, now);

  return dg_database_run (db, stmt, error);
}

/* Folds stage @id into @move_to: history first, then the customers, who
 * get @move_to's rule follow-ups when active. */
static gboolean
fold_locked (DgDatabase        *db,
             gint64             id,
             gint64             move_to,
             DgFollowupsWrite  *ctx,
             GArray            *created,
             GError           **error)
{
  g_autofree char *now = dg_record_format_time (ctx->now);
  g_autoptr(GArray) moved = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(DgStatement) stmt = NULL;
  int rc;

  /* A move between the two stages is no move any more: the stay in the
   * folded stage goes on in the other. */
  if (!run_fold (db, "DELETE FROM stage_events WHERE status = 'active' "
                 "AND ((from_stage_id = ?1 AND to_stage_id = ?2) OR (from_stage_id = ?2 AND to_stage_id = ?1))",
                 id, move_to, NULL, error)
      || !run_fold (db, "UPDATE stage_events SET to_stage_id = ?2 WHERE to_stage_id = ?1", id, move_to, NULL, error)
      || !run_fold (db, "UPDATE stage_events SET from_stage_id = ?2 WHERE from_stage_id = ?1",
                    id, move_to, NULL, error))
    return FALSE;

  stmt = dg_database_prepare (db, "SELECT id FROM enrollments WHERE stage_id = ?1 AND status = 'active'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 enrollment = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (moved, enrollment);
    }
  if (rc != SQLITE_DONE)
    return dg_database_set_error (db, error);
  dg_statement_release (g_steal_pointer (&stmt));

  if (!run_fold (db, "UPDATE enrollments SET stage_id = ?2, updated_at = ?3 WHERE stage_id = ?1",
                 id, move_to, now, error))
    return FALSE;

  for (guint i = 0; i < moved->len; i++)
    {
      if (!dg_enrollments_apply_rules_locked (db, g_array_index (moved, gint64, i), move_to, ctx, created, error))
        return FALSE;
    }

  return run_fold (db, "DELETE FROM stages WHERE id = ?1", id, move_to, NULL, error);
}

/* Deletes stage @id (folding it into @move_to); with @undo, first keeps
 * the stage with everything its delete rewrites, and records the
 * follow-ups the fold creates. */
static gboolean
delete_stage (DgDatabase  *db,
              DgClock     *clock,
              gint64       id,
              gint64       move_to,
              DgBulkUndo  *undo,
              GError     **error)
{
  g_auto(DgFollowupsWrite) ctx = { 0 };
  g_autoptr(DgStage) stage = NULL;
  g_autoptr(DgStage) target = NULL;
  g_autoptr(GArray) created = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_enrollments = 0;

  if (!dg_followups_begin_write (db, clock, &ctx, error))
    return FALSE;

  stage = dg_stages_get (db, id, error);
  if (stage == NULL || !dg_stages_count_enrollments (db, id, &n_enrollments, error))
    return fail (db);

  if (move_to != 0)
    {
      target = dg_stages_get (db, move_to, error);
      if (target == NULL)
        return fail (db);
      if (target->journey_id != stage->journey_id || target->id == stage->id)
        {
          g_set_error_literal (error, DG_ERROR, DG_ERROR_FAILED,
                               _("The customers of a stage can only move to another stage of the same journey"));
          return fail (db);
        }
    }
  else if (n_enrollments > 0)
    {
      g_set_error (error, DG_ERROR, DG_ERROR_FAILED,
                   /* Translators: deleting a stage failed; %s is its name. */
                   ngettext ("“%s” holds %u customer: choose the stage to move them to first",
                             "“%s” holds %u customers: choose the stage to move them to first",
                             n_enrollments),
                   stage->name, n_enrollments);
      return fail (db);
    }

  /* Read in this transaction: the stage, its rules, the customers in it
   * and every event that names it, as they are before the fold. */
  if (undo != NULL)
    {
      DgCustomerSnapshot *snapshot = dg_snapshot_take_record (db, DG_TABLE_STAGES, id, stage->name, error);

      if (snapshot == NULL)
        return fail (db);
      dg_bulk_undo_add_snapshot (undo, snapshot);
      dg_bulk_undo_count_changed (undo);
    }

  if (target != NULL)
    {
      if (!fold_locked (db, id, move_to, &ctx, created, error))
        return fail (db);
    }
  else if (!run_fold (db, "DELETE FROM stages WHERE id = ?1", id, 0, NULL, error))
    return fail (db);

  for (guint i = 0; undo != NULL && i < created->len; i++)
    dg_bulk_undo_add_created_in (undo, DG_TABLE_FOLLOWUPS, g_array_index (created, gint64, i));

  dg_database_notify_changed (db, DG_TABLE_STAGES);
  if (n_enrollments > 0)
    {
      dg_database_notify_changed (db, DG_TABLE_ENROLLMENTS);
      dg_database_notify_changed (db, DG_TABLE_FOLLOWUPS);
    }

  return dg_database_commit (db, error);
}

gboolean
dg_stages_delete (DgDatabase  *db,
                  DgClock     *clock,
                  gint64       id,
                  gint64       move_to,
                  GError     **error)
{
  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DG_IS_CLOCK (clock), FALSE);

  return delete_stage (db, clock, id, move_to, NULL, error);
}

DgBulkUndo *
dg_stages_delete_with_undo (DgDatabase  *db,
                            DgClock     *clock,
                            gint64       id,
                            gint64       move_to,
                            GError     **error)
{
  g_autoptr(DgBulkUndo) undo = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);

  undo = dg_bulk_undo_new (db, DG_BULK_ACTION_DELETE_STAGE);
  if (!delete_stage (db, clock, id, move_to, undo, error))
    return NULL;

  return g_steal_pointer (&undo);
}

/* Rules */

static gboolean
check_rule (DgStageRule  *rule,
            GError      **error)
{
  char *note;

  if (!dg_journeys_check_name (&rule->title, _("A stage rule needs a follow-up title"), error)
      || !dg_journeys_check_time (rule->time_of_day, error))
    return FALSE;

  if (rule->offset_days < -3650 || rule->offset_days > 3650
      || dg_rule_anchor_to_string (rule->anchor) == NULL)
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                           _("A stage rule's days are -3650 to 3650"));
      return FALSE;
    }

  note = dg_record_normalize_text (rule->note, FALSE);
  g_free (rule->note);
  rule->note = note;

  return TRUE;
}

gboolean
dg_stage_rules_insert_locked (DgDatabase   *db,
                              DgStageRule  *rule,
                              const char   *now,
                              GError      **error)
{
  g_auto(DgStatement) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  int rc;

  stmt = dg_database_prepare (db,
                              "INSERT INTO stage_rules (uuid, stage_id, position, title, note, anchor, "
                              "  offset_days, time_of_day, created_at, updated_at) "
                              "VALUES (?1, ?2, (SELECT coalesce (max (position) + 1, 0) FROM stage_rules "
                              "  WHERE stage_id = ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?8) "
                              "RETURNING id, position",
                              error);
  if (stmt == NULL)
    return FALSE;

  dg_database_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, rule->stage_id);
  dg_database_bind_text (stmt, 3, rule->title);
  dg_database_bind_text (stmt, 4, rule->note != NULL ? rule->note : "");
  dg_database_bind_text (stmt, 5, dg_rule_anchor_to_string (rule->anchor));
  sqlite3_bind_int (stmt, 6, rule->offset_days);
  dg_database_bind_text (stmt, 7, rule->time_of_day);
  dg_database_bind_text (stmt, 8, now);

  rc = sqlite3_step (stmt);
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    return dg_journeys_not_found (error, _("The stage no longer exists"));
  if (rc != SQLITE_ROW)
    return dg_database_set_error (db, error);

  rule->id = sqlite3_column_int64 (stmt, 0);
  rule->position = sqlite3_column_int (stmt, 1);
  g_free (rule->uuid);
  rule->uuid = g_steal_pointer (&uuid);

  return dg_database_run (db, stmt, error);
}

gboolean
dg_stage_rules_insert (DgDatabase   *db,
                       DgStageRule  *rule,
                       GError      **error)
{
  g_autofree char *now = dg_journeys_now_text (db, NULL);

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (rule != NULL, FALSE);

  if (!check_rule (rule, error) || !dg_database_begin (db, error))
    return FALSE;

  if (!dg_stage_rules_insert_locked (db, rule, now, error))
    return fail (db);

  dg_database_notify_changed (db, DG_TABLE_STAGES);

  return dg_database_commit (db, error);
}

gboolean
dg_stage_rules_update (DgDatabase   *db,
                       DgStageRule  *rule,
                       GError      **error)
{
  g_autofree char *now = dg_journeys_now_text (db, NULL);
  g_auto(DgStatement) stmt = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (rule != NULL, FALSE);

  if (!check_rule (rule, error))
    return FALSE;

  stmt = dg_database_prepare (db,
                              "UPDATE stage_rules SET title = ?2, note = ?3, anchor = ?4, offset_days = ?5, "
                              "  time_of_day = ?6, updated_at = ?7 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, rule->id);
  dg_database_bind_text (stmt, 2, rule->title);
  dg_database_bind_text (stmt, 3, rule->note);
  dg_database_bind_text (stmt, 4, dg_rule_anchor_to_string (rule->anchor));
  sqlite3_bind_int (stmt, 5, rule->offset_days);
  dg_database_bind_text (stmt, 6, rule->time_of_day);
  dg_database_bind_text (stmt, 7, now);
  if (!dg_database_run (db, stmt, error))
    return FALSE;
  if (dg_database_changes (db) == 0)
    return dg_journeys_not_found (error, _("The stage rule no longer exists"));

  dg_database_notify_changed (db, DG_TABLE_STAGES);

  return TRUE;
}

gboolean
dg_stage_rules_delete (DgDatabase  *db,
                       gint64       id,
                       GError     **error)
{
  g_auto(DgStatement) stmt = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);

  stmt = dg_database_prepare (db, "DELETE FROM stage_rules WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!dg_database_run (db, stmt, error))
    return FALSE;
  if (dg_database_changes (db) == 0)
    return dg_journeys_not_found (error, _("The stage rule no longer exists"));

  dg_database_notify_changed (db, DG_TABLE_STAGES);
  dg_database_notify_changed (db, DG_TABLE_FOLLOWUPS);

  return TRUE;
}

GPtrArray *
dg_stage_rules_list (DgDatabase  *db,
                     gint64       stage_id,
                     GError     **error)
{
  g_auto(DgStatement) stmt = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  stmt = dg_database_prepare (db,
                              "SELECT " DG_STAGE_RULE_COLUMNS "FROM stage_rules WHERE stage_id = ?1 "
                              "ORDER BY position, id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, stage_id);

  return collect (db, stmt, (gpointer) dg_stage_rules_from_row, (GDestroyNotify) dg_stage_rule_free, error);
}
