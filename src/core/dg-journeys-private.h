/* dg-journeys-private.h
 *
 * What the journey files (dg-journeys.c, dg-stages.c, dg-enrollments*.c,
 * dg-journey-analytics.c) share: reading their rows, checking their
 * fields, and the writes that run inside a caller's transaction.
 */
#pragma once

#include "dg-clock.h"
#include "dg-customers-bulk.h"
#include "dg-database-private.h"
#include "dg-followups-private.h"
#include "dg-journey.h"

G_BEGIN_DECLS

#define DG_STAGE_COLUMNS                                                       \
  "id, uuid, journey_id, position, name, scenario, touchpoint, detail_steps, " \
  "  message_script, pain_points, unmet_needs, digitisation, usual_days "
#define DG_STAGE_RULE_COLUMNS                                                  \
  "id, uuid, stage_id, position, title, note, anchor, offset_days, time_of_day "
#define DG_COHORT_COLUMNS "id, uuid, journey_id, name, date, archived "

/* The text of column @column, "" for NULL. */
char        *dg_journeys_column_text   (sqlite3_stmt  *stmt,
                                        int            column);
/* The text of column @column, NULL for NULL. */
char        *dg_journeys_column_text_or_null (sqlite3_stmt *stmt,
                                              int           column);
/* Now by @clock, or by @db's clock when it is NULL, as stored. */
char        *dg_journeys_now_text      (DgDatabase    *db,
                                        DgClock       *clock);

DgStage     *dg_stages_from_row        (sqlite3_stmt  *stmt);
DgStageRule *dg_stage_rules_from_row   (sqlite3_stmt  *stmt);
DgCohort    *dg_cohorts_from_row       (sqlite3_stmt  *stmt);

/* Sets DG_ERROR_NOT_FOUND with a message naming @what went missing. */
gboolean     dg_journeys_not_found     (GError       **error,
                                        const char    *message);

/* Checks and cleans up what a person typed: a one-line name that must not
 * be empty (@message is the error otherwise), a YYYY-MM-DD date or NULL,
 * an HH:MM time or NULL. */
gboolean     dg_journeys_check_name    (char         **name,
                                        const char    *message,
                                        GError       **error);
gboolean     dg_journeys_check_date    (const char    *date,
                                        GError       **error);
gboolean     dg_journeys_check_time    (const char    *time,
                                        GError       **error);

/* Inside the caller's transaction: writes @stage (or @rule) as a new row
 * at the end of its journey (or stage), and sets its id, uuid and
 * position. The stage's journey must exist. */
gboolean     dg_stages_insert_locked      (DgDatabase   *db,
                                           DgStage      *stage,
                                           const char   *now,
                                           GError      **error);
gboolean     dg_stage_rules_insert_locked (DgDatabase   *db,
                                           DgStageRule  *rule,
                                           const char   *now,
                                           GError      **error);
gboolean     dg_cohorts_insert_locked     (DgDatabase   *db,
                                           DgCohort     *cohort,
                                           const char   *now,
                                           GError      **error);
/* dg_cohorts_insert(), its time by @clock (NULL: @db's clock). */
gboolean     dg_cohorts_insert_with_clock (DgDatabase   *db,
                                           DgCohort     *cohort,
                                           DgClock      *clock,
                                           GError      **error);

/* Inside a transaction opened by dg_followups_begin_write(): creates the
 * follow-ups of the rules of stage @stage_id for enrollment
 * @enrollment_id, which entered it at @ctx->now, except those of a rule
 * whose follow-up for this enrollment is still open. Appends the ids
 * created to @created (when not NULL). */
gboolean     dg_enrollments_apply_rules_locked (DgDatabase        *db,
                                                gint64             enrollment_id,
                                                gint64             stage_id,
                                                DgFollowupsWrite  *ctx,
                                                GArray            *created,
                                                GError           **error);
/* Cancels the open follow-ups the stage rules created for enrollment
 * @enrollment_id, keeping each row as it was in @undo; sets *@cancelled
 * when one was (see dg_enrollments_complete()). */
gboolean     dg_enrollments_cancel_rules_locked (DgDatabase        *db,
                                                 gint64             enrollment_id,
                                                 DgFollowupsWrite  *ctx,
                                                 DgBulkUndo        *undo,
                                                 gboolean          *cancelled,
                                                 GError           **error);

/* dg_enrollments_enroll_many() inside the caller's transaction, recorded
 * into @undo (an import's), whose count of changes the enrollments made
 * add to. */
gboolean     dg_enrollments_enroll_many_into (DgDatabase    *db,
                                              DgClock       *clock,
                                              DgBulkUndo    *undo,
                                              const gint64  *customer_ids,
                                              guint          n_ids,
                                              gint64         stage_id,
                                              gint64         cohort_id,
                                              GError       **error);

G_END_DECLS
