/* dg-enrollments.c
 *
 * The writes: enrolling, moving, completing and dropping, with the stage
 * events they create and what their Undo needs. The follow-ups of stage
 * rules are made and cancelled in dg-enrollments-rules.c, the reads are
 * in dg-enrollments-query.c.
 */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-catalog.h"
#include "dg-customers-bulk-private.h"
#include "dg-enrollments.h"
#include "dg-error.h"
#include "dg-followup.h"
#include "dg-journeys-private.h"
#include "dg-journeys.h"
#include "dg-record-private.h"
#include "dg-stages.h"

static gboolean
insert_event (DgDatabase          *db,
              gint64               enrollment_id,
              gint64               from_stage_id,
              gint64               to_stage_id,
              DgEnrollmentStatus   status,
              const char          *reason,
              const char          *now,
              DgBulkUndo          *undo,
              GError             **error)
{
  g_auto(DgStatement) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();

  stmt = dg_database_prepare (db,
                              "INSERT INTO stage_events (uuid, enrollment_id, from_stage_id, to_stage_id, "
                              "  status, reason, occurred_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                              error);
  if (stmt == NULL)
    return FALSE;

  dg_database_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, enrollment_id);
  if (from_stage_id != 0)
    sqlite3_bind_int64 (stmt, 3, from_stage_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int64 (stmt, 4, to_stage_id);
  dg_database_bind_text (stmt, 5, dg_enrollment_status_to_string (status));
  dg_database_bind_text (stmt, 6, reason != NULL ? reason : "");
  dg_database_bind_text (stmt, 7, now);
  if (!dg_database_run (db, stmt, error))
    return FALSE;

  dg_bulk_undo_add_created_in (undo, DG_TABLE_STAGE_EVENTS,
                               sqlite3_last_insert_rowid (dg_database_get_handle (db)));

  return TRUE;
}

/* Applies the rules of @stage_id, recording what they created. */
static gboolean
enter_stage (DgDatabase        *db,
             gint64             enrollment_id,
             gint64             stage_id,
             DgFollowupsWrite  *ctx,
             DgBulkUndo        *undo,
             gboolean          *created_followups,
             GError           **error)
{
  g_autoptr(GArray) created = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!dg_enrollments_apply_rules_locked (db, enrollment_id, stage_id, ctx, created, error))
    return FALSE;

  for (guint i = 0; i < created->len; i++)
    dg_bulk_undo_add_created_in (undo, DG_TABLE_FOLLOWUPS, g_array_index (created, gint64, i));
  *created_followups |= created->len > 0;

  return TRUE;
}

static gboolean
check_cohort (DgDatabase  *db,
              gint64       cohort_id,
              gint64       journey_id,
              GError     **error)
{
  g_autoptr(DgCohort) cohort = NULL;

  if (cohort_id == 0)
    return TRUE;

  cohort = dg_cohorts_get (db, cohort_id, error);
  if (cohort == NULL)
    return FALSE;
  if (cohort->journey_id != journey_id)
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_FAILED, _("The cohort is of another journey"));
      return FALSE;
    }

  return TRUE;
}

/* Enrols one customer; *@out_id is 0 when they were already active in
 * the journey and @skip_active let that pass. */
static gboolean
enroll_locked (DgDatabase        *db,
               DgFollowupsWrite  *ctx,
               DgBulkUndo        *undo,
               gint64             customer_id,
               DgStage           *stage,
               gint64             cohort_id,
               gboolean           skip_active,
               gboolean          *created_followups,
               gint64            *out_id,
               GError           **error)
{
  g_autofree char *now = dg_record_format_time (ctx->now);
  g_autofree char *uuid = g_uuid_string_random ();
  g_auto(DgStatement) stmt = NULL;
  gboolean exists = FALSE;
  int rc;

  *out_id = 0;

  if (!dg_database_has_row (db, DG_TABLE_CUSTOMERS, customer_id, &exists, error))
    return FALSE;
  if (!exists)
    return dg_journeys_not_found (error, _("The customer no longer exists; they may have been deleted."));

  stmt = dg_database_prepare (db,
                              "SELECT 1 FROM enrollments WHERE customer_id = ?1 AND journey_id = ?2 "
                              "AND status = 'active'",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int64 (stmt, 2, stage->journey_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return dg_database_set_error (db, error);
  dg_statement_release (g_steal_pointer (&stmt));
  if (rc == SQLITE_ROW)
    {
      if (skip_active)
        return TRUE;
      g_set_error_literal (error, DG_ERROR, DG_ERROR_FAILED,
                           _("The customer is already in this journey"));
      return FALSE;
    }

  stmt = dg_database_prepare (db,
                              "INSERT INTO enrollments (uuid, customer_id, journey_id, stage_id, cohort_id, "
                              "  status, since, created_at, updated_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, 'active', ?6, ?6, ?6)",
                              error);
  if (stmt == NULL)
    return FALSE;
  dg_database_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, customer_id);
  sqlite3_bind_int64 (stmt, 3, stage->journey_id);
  sqlite3_bind_int64 (stmt, 4, stage->id);
  if (cohort_id != 0)
    sqlite3_bind_int64 (stmt, 5, cohort_id);
  else
    sqlite3_bind_null (stmt, 5);
  dg_database_bind_text (stmt, 6, now);
  if (!dg_database_run (db, stmt, error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (dg_database_get_handle (db));
  dg_bulk_undo_add_created_in (undo, DG_TABLE_ENROLLMENTS, *out_id);
  dg_bulk_undo_count_changed (undo);

  return insert_event (db, *out_id, 0, stage->id, DG_ENROLLMENT_ACTIVE, NULL, now, undo, error)
         && enter_stage (db, *out_id, stage->id, ctx, undo, created_followups, error);
}

static GArray *
unique_ids (const gint64 *ids,
            guint         n_ids)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *unique = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n_ids; i++)
    {
      if (g_hash_table_add (seen, (gpointer) &ids[i]))
        g_array_append_val (unique, ids[i]);
    }

  return unique;
}

static DgBulkUndo *
finish (DgDatabase  *db,
        DgBulkUndo  *undo,
        gboolean     created_followups,
        GError     **error)
{
  g_autoptr(DgBulkUndo) owned = undo;

  if (dg_bulk_undo_get_n_changed (undo) > 0)
    dg_database_notify_changed (db, DG_TABLE_ENROLLMENTS);
  if (created_followups)
    dg_database_notify_changed (db, DG_TABLE_FOLLOWUPS);

  if (!dg_database_commit (db, error))
    return NULL;

  return g_steal_pointer (&owned);
}

static DgBulkUndo *
fail (DgDatabase  *db,
      GError     **error,
      const char  *prefix)
{
  dg_database_rollback (db);
  g_prefix_error (error, "%s", prefix);

  return NULL;
}

/* Enrols each customer of @customer_ids; with @skip_active, those already
 * active in the journey are left as they are, else they fail. Sets
 * *@out_first_id to the first enrollment made. Records into @into when
 * given (another action's undo), else into an undo of its own. */
static DgBulkUndo *
enroll (DgDatabase    *db,
        DgClock       *clock,
        DgBulkUndo    *into,
        const gint64  *customer_ids,
        guint          n_ids,
        gint64         stage_id,
        gint64         cohort_id,
        gboolean       skip_active,
        gint64        *out_first_id,
        GError       **error)
{
  g_auto(DgFollowupsWrite) ctx = { 0 };
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GArray) unique = NULL;
  g_autoptr(DgStage) stage = NULL;
  const char *prefix = n_ids == 1 ? _("The customer could not be enrolled. ")
                                  : _("The customers could not be enrolled; nothing was changed. ");
  gboolean created_followups = FALSE;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (customer_ids != NULL || n_ids == 0, NULL);

  unique = unique_ids (customer_ids, n_ids);
  undo = into != NULL ? g_object_ref (into) : dg_bulk_undo_new (db, DG_BULK_ACTION_ENROLL);

  if (!dg_followups_begin_write (db, clock, &ctx, error))
    return NULL;

  stage = dg_stages_get (db, stage_id, error);
  if (stage == NULL || !check_cohort (db, cohort_id, stage->journey_id, error))
    return fail (db, error, prefix);

  for (guint i = 0; i < unique->len; i++)
    {
      gint64 id;

      if (!enroll_locked (db, &ctx, undo, g_array_index (unique, gint64, i), stage, cohort_id, skip_active,
                          &created_followups, &id, error))
        return fail (db, error, prefix);
      if (out_first_id != NULL && *out_first_id == 0)
        *out_first_id = id;
    }

  return finish (db, g_steal_pointer (&undo), created_followups, error);
}

gboolean
dg_enrollments_enroll (DgDatabase  *db,
                       DgClock     *clock,
                       gint64       customer_id,
                       gint64       stage_id,
                       gint64       cohort_id,
                       gint64      *out_id,
                       GError     **error)
{
  g_autoptr(DgBulkUndo) undo = NULL;
  gint64 id = 0;

  undo = enroll (db, clock, NULL, &customer_id, 1, stage_id, cohort_id, FALSE, &id, error);
  if (undo == NULL)
    return FALSE;

  if (out_id != NULL)
    *out_id = id;

  return TRUE;
}

DgBulkUndo *
dg_enrollments_enroll_many (DgDatabase    *db,
                            DgClock       *clock,
                            const gint64  *customer_ids,
                            guint          n_ids,
                            gint64         stage_id,
                            gint64         cohort_id,
                            GError       **error)
{
  return enroll (db, clock, NULL, customer_ids, n_ids, stage_id, cohort_id, TRUE, NULL, error);
}

gboolean
dg_enrollments_enroll_many_into (DgDatabase    *db,
                                 DgClock       *clock,
                                 DgBulkUndo    *undo,
                                 const gint64  *customer_ids,
                                 guint          n_ids,
                                 gint64         stage_id,
                                 gint64         cohort_id,
                                 GError       **error)
{
  g_autoptr(DgBulkUndo) same = NULL;

  g_return_val_if_fail (DG_IS_BULK_UNDO (undo), FALSE);

  same = enroll (db, clock, undo, customer_ids, n_ids, stage_id, cohort_id, TRUE, NULL, error);

  return same != NULL;
}

/* The enrollment's row as stored, for Undo, and what the actions read. */
static DgBulkRow *
read_enrollment (DgDatabase          *db,
                 gint64               id,
                 gint64              *out_journey_id,
                 gint64              *out_stage_id,
                 DgEnrollmentStatus  *out_status,
                 char               **out_reason,
                 GError             **error)
{
  g_auto(DgStatement) stmt = NULL;
  DgBulkRow *row;
  int rc;

  stmt = dg_database_prepare (db,
                              "SELECT id, uuid, customer_id, journey_id, stage_id, cohort_id, status, "
                              "  drop_reason, since, created_at, updated_at FROM enrollments WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      dg_journeys_not_found (error, _("One of the customers is no longer in the journey; the board may be out of date."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      dg_database_set_error (db, error);
      return NULL;
    }

  *out_journey_id = sqlite3_column_int64 (stmt, 3);
  *out_stage_id = sqlite3_column_int64 (stmt, 4);
  if (!dg_enrollment_status_from_string ((const char *) sqlite3_column_text (stmt, 6), out_status))
    *out_status = DG_ENROLLMENT_ACTIVE;
  *out_reason = dg_journeys_column_text (stmt, 7);

  row = dg_bulk_row_new_from_statement (stmt);
  if (row == NULL)
    g_set_error_literal (error, DG_ERROR, DG_ERROR_DATABASE, _("Out of memory"));

  return row;
}

/* Sets the enrollment's stage, status, reason (and since, when @since_now)
 * as @now; a constraint that fails is said in words. */
static gboolean
write_enrollment (DgDatabase          *db,
                  gint64               id,
                  gint64               stage_id,
                  DgEnrollmentStatus   status,
                  const char          *reason,
                  gboolean             since_now,
                  const char          *now,
                  GError             **error)
{
  g_auto(DgStatement) stmt = NULL;
  int rc;

  stmt = dg_database_prepare (db,
                              "UPDATE enrollments SET stage_id = ?2, status = ?3, drop_reason = ?4, "
                              "  since = CASE ?5 WHEN 1 THEN ?6 ELSE since END, updated_at = ?6 "
                              "WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, stage_id);
  dg_database_bind_text (stmt, 3, dg_enrollment_status_to_string (status));
  dg_database_bind_text (stmt, 4, status == DG_ENROLLMENT_DROPPED && reason != NULL ? reason : "");
  sqlite3_bind_int (stmt, 5, since_now ? 1 : 0);
  dg_database_bind_text (stmt, 6, now);

  rc = sqlite3_step (stmt);
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_FAILED,
                           _("The customer is active in this journey again; they cannot be in it twice"));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return dg_database_set_error (db, error);

  return TRUE;
}

DgBulkUndo *
dg_enrollments_move (DgDatabase    *db,
                     DgClock       *clock,
                     const gint64  *ids,
                     guint          n_ids,
                     gint64         to_stage_id,
                     GError       **error)
{
  g_auto(DgFollowupsWrite) ctx = { 0 };
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GArray) unique = NULL;
  g_autoptr(DgStage) stage = NULL;
  g_autofree char *now = NULL;
  const char *prefix = _("The customers could not be moved; nothing was changed. ");
  gboolean created_followups = FALSE;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  unique = unique_ids (ids, n_ids);
  undo = dg_bulk_undo_new (db, DG_BULK_ACTION_MOVE_STAGE);

  if (!dg_followups_begin_write (db, clock, &ctx, error))
    return NULL;
  now = dg_record_format_time (ctx.now);

  stage = dg_stages_get (db, to_stage_id, error);
  if (stage == NULL)
    return fail (db, error, prefix);

  for (guint i = 0; i < unique->len; i++)
    {
      gint64 id = g_array_index (unique, gint64, i);
      gint64 journey_id, stage_id;
      DgEnrollmentStatus status;
      g_autofree char *reason = NULL;
      g_autoptr(DgBulkRow) row = read_enrollment (db, id, &journey_id, &stage_id, &status, &reason, error);

      if (row == NULL)
        return fail (db, error, prefix);
      if (journey_id != stage->journey_id)
        {
          g_set_error_literal (error, DG_ERROR, DG_ERROR_FAILED,
                               _("A customer can only move to a stage of their journey"));
          return fail (db, error, prefix);
        }
      if (stage_id == stage->id && status == DG_ENROLLMENT_ACTIVE)
        continue;

      if (!write_enrollment (db, id, stage->id, DG_ENROLLMENT_ACTIVE, NULL, TRUE, now, error)
          || !insert_event (db, id, stage_id, stage->id, DG_ENROLLMENT_ACTIVE, NULL, now, undo, error)
          || !enter_stage (db, id, stage->id, &ctx, undo, &created_followups, error))
        return fail (db, error, prefix);

      dg_bulk_undo_add_row_in (undo, DG_TABLE_ENROLLMENTS, g_steal_pointer (&row));
      dg_bulk_undo_count_changed (undo);
    }

  return finish (db, g_steal_pointer (&undo), created_followups, error);
}

static DgBulkUndo *
set_status (DgDatabase          *db,
            DgClock             *clock,
            const gint64        *ids,
            guint                n_ids,
            DgEnrollmentStatus   status,
            const char          *reason,
            GError             **error)
{
  g_auto(DgFollowupsWrite) ctx = { 0 };
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GArray) unique = NULL;
  g_autofree char *now = NULL;
  g_autofree char *clean = dg_record_normalize_text (reason, TRUE);
  const char *prefix = status == DG_ENROLLMENT_DROPPED
                       ? _("The customers could not be marked as dropped out; nothing was changed. ")
                       : _("The customers could not be marked as completed; nothing was changed. ");
  gboolean cancelled = FALSE;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  unique = unique_ids (ids, n_ids);
  undo = dg_bulk_undo_new (db, status == DG_ENROLLMENT_DROPPED ? DG_BULK_ACTION_DROP_ENROLLMENT
                                                               : DG_BULK_ACTION_COMPLETE_ENROLLMENT);

  if (!dg_followups_begin_write (db, clock, &ctx, error))
    return NULL;
  now = dg_record_format_time (ctx.now);

  for (guint i = 0; i < unique->len; i++)
    {
      gint64 id = g_array_index (unique, gint64, i);
      gint64 journey_id, stage_id;
      DgEnrollmentStatus old_status;
      g_autofree char *old_reason = NULL;
      g_autoptr(DgBulkRow) row = read_enrollment (db, id, &journey_id, &stage_id, &old_status, &old_reason, error);

      if (row == NULL)
        return fail (db, error, prefix);
      if (old_status == status && (status != DG_ENROLLMENT_DROPPED || g_str_equal (old_reason, clean)))
        continue;

      if (!write_enrollment (db, id, stage_id, status, clean, FALSE, now, error)
          || !insert_event (db, id, stage_id, stage_id, status,
                            status == DG_ENROLLMENT_DROPPED ? clean : NULL, now, undo, error)
          || (old_status == DG_ENROLLMENT_ACTIVE
              && !dg_enrollments_cancel_rules_locked (db, id, &ctx, undo, &cancelled, error)))
        return fail (db, error, prefix);

      dg_bulk_undo_add_row_in (undo, DG_TABLE_ENROLLMENTS, g_steal_pointer (&row));
      dg_bulk_undo_count_changed (undo);
    }

  return finish (db, g_steal_pointer (&undo), cancelled, error);
}

DgBulkUndo *
dg_enrollments_complete (DgDatabase    *db,
                         DgClock       *clock,
                         const gint64  *ids,
                         guint          n_ids,
                         GError       **error)
{
  return set_status (db, clock, ids, n_ids, DG_ENROLLMENT_COMPLETED, NULL, error);
}

DgBulkUndo *
dg_enrollments_drop (DgDatabase    *db,
                     DgClock       *clock,
                     const gint64  *ids,
                     guint          n_ids,
                     const char    *reason,
                     GError       **error)
{
  return set_status (db, clock, ids, n_ids, DG_ENROLLMENT_DROPPED, reason, error);
}

gboolean
dg_enrollments_set_cohort (DgDatabase  *db,
                           gint64       id,
                           gint64       cohort_id,
                           GError     **error)
{
  g_autofree char *now = dg_journeys_now_text (db, NULL);
  g_autoptr(DgEnrollment) enrollment = NULL;
  g_auto(DgStatement) stmt = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);

  if (!dg_database_begin (db, error))
    return FALSE;

  enrollment = dg_enrollments_get (db, id, error);
  if (enrollment == NULL || !check_cohort (db, cohort_id, enrollment->journey_id, error))
    goto failed;

  stmt = dg_database_prepare (db, "UPDATE enrollments SET cohort_id = ?2, updated_at = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (cohort_id != 0)
    sqlite3_bind_int64 (stmt, 2, cohort_id);
  else
    sqlite3_bind_null (stmt, 2);
  dg_database_bind_text (stmt, 3, now);
  if (!dg_database_run (db, stmt, error))
    goto failed;

  dg_database_notify_changed (db, DG_TABLE_ENROLLMENTS);

  return dg_database_commit (db, error);

failed:
  dg_database_rollback (db);
  return FALSE;
}
