/* dg-stages.h
 *
 * Storing the stages of a journey, each with its SDA playbook, and the
 * rules by which a stage schedules follow-ups for every customer who
 * enters it ("send the guidance text 2 days before the lecture, at 10:00";
 * "ask for the survey 1 day after entering").
 *
 * Every write is one transaction and writes nothing when it fails; it
 * emits DgDatabase::changed::stages (and ::enrollments, ::followups when
 * it moved customers) after the commit.
 */
#pragma once

#include "dg-clock.h"
#include "dg-customers-bulk.h"
#include "dg-database.h"
#include "dg-journey.h"

G_BEGIN_DECLS

/* Checks the name, then stores @stage last in its journey; sets its id,
 * uuid and position. */
gboolean     dg_stages_insert        (DgDatabase   *db,
                                      DgStage      *stage,
                                      GError      **error);
/* Writes its name and playbook (its journey and position stay). */
gboolean     dg_stages_update        (DgDatabase   *db,
                                      DgStage      *stage,
                                      GError      **error);
DgStage     *dg_stages_get           (DgDatabase   *db,
                                      gint64        id,
                                      GError      **error);
/* The stages of a journey, left to right: DgStage *. */
GPtrArray   *dg_stages_list          (DgDatabase   *db,
                                      gint64        journey_id,
                                      GError      **error);
/* Puts the stages of @journey_id in the order of @ids, which must hold
 * each of its stages once. */
gboolean     dg_stages_reorder       (DgDatabase   *db,
                                      gint64        journey_id,
                                      const gint64 *ids,
                                      guint         n_ids,
                                      GError      **error);
/* Deletes stage @id with its rules. A stage that holds customers (any
 * enrollment, active or not) needs @move_to, another stage of the same
 * journey, which it is folded into: its customers go there (the active
 * ones get its rule follow-ups, as entering it would give them), and its
 * history counts as @move_to's, so the funnel of the stages that stay is
 * whole. @move_to 0 with customers in the stage fails and writes nothing. */
gboolean     dg_stages_delete        (DgDatabase   *db,
                                      DgClock      *clock,
                                      gint64        id,
                                      gint64        move_to,
                                      GError      **error);
/* The same, returning what its Undo needs: the stage comes back with its
 * playbook and rules, its customers back in it with their history as it
 * was, and the follow-ups the move gave them are deleted. The Undo fails,
 * writing nothing, when a record it refers to (a customer, a follow-up)
 * was deleted meanwhile. */
DgBulkUndo  *dg_stages_delete_with_undo (DgDatabase *db,
                                         DgClock    *clock,
                                         gint64      id,
                                         gint64      move_to,
                                         GError    **error);
/* How many enrollments (active or not) are at the stage now. */
gboolean     dg_stages_count_enrollments (DgDatabase *db,
                                          gint64      id,
                                          guint      *out_count,
                                          GError    **error);

/* Checks the title and time, then stores @rule last among its stage's
 * rules; sets its id, uuid and position. It applies to customers who
 * enter the stage from now on. */
gboolean     dg_stage_rules_insert   (DgDatabase   *db,
                                      DgStageRule  *rule,
                                      GError      **error);
/* Writes its title, note, anchor, days and time. Follow-ups it created
 * already stay as they are. */
gboolean     dg_stage_rules_update   (DgDatabase   *db,
                                      DgStageRule  *rule,
                                      GError      **error);
/* Deletes the rule; the follow-ups it created stay, unlinked. */
gboolean     dg_stage_rules_delete   (DgDatabase   *db,
                                      gint64        id,
                                      GError      **error);
/* The rules of a stage, in their order: DgStageRule *. */
GPtrArray   *dg_stage_rules_list     (DgDatabase   *db,
                                      gint64        stage_id,
                                      GError      **error);

G_END_DECLS
