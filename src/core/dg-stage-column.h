/* dg-stage-column.h
 *
 * One column of the journey board: the active enrollments in a stage (of
 * one cohort, or all), longest in the stage first, as a DgIdList of
 * DgEnrollmentCard. It holds only their ids, builds the cards on screen,
 * and follows the enrollments, the customers (their names) and the
 * follow-ups (the next one on each card); a new local day by the clock
 * reads the cards again, so the days in the stage and the stuck flag
 * move on. See dg-id-list.h for how it changes and reports errors.
 */
#pragma once

#include "dg-clock.h"
#include "dg-id-list.h"

G_BEGIN_DECLS

#define DG_TYPE_STAGE_COLUMN (dg_stage_column_get_type ())

G_DECLARE_FINAL_TYPE (DgStageColumn, dg_stage_column, DG, STAGE_COLUMN, DgIdList)

DgStageColumn *dg_stage_column_new        (DgDatabase    *db,
                                           DgClock       *clock,
                                           gint64         stage_id,
                                           gint64         cohort_id);
/* The same, reading only its first @first_rows cards (those a screen
 * shows) until dg_id_list_load_rest() reads the rest: a column of
 * thousands shows as fast as one of ten. */
DgStageColumn *dg_stage_column_new_partial (DgDatabase    *db,
                                            DgClock       *clock,
                                            gint64         stage_id,
                                            gint64         cohort_id,
                                            guint          first_rows);
gint64         dg_stage_column_get_stage_id  (DgStageColumn *self);
/* 0 for every cohort. */
gint64         dg_stage_column_get_cohort_id (DgStageColumn *self);
void           dg_stage_column_set_cohort_id (DgStageColumn *self,
                                              gint64         cohort_id);
/* The cards in the column: its rows once complete, else counted in the
 * database. */
guint          dg_stage_column_count         (DgStageColumn *self,
                                              GError       **error);

G_END_DECLS
