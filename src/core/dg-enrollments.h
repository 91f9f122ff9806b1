/* dg-enrollments.h
 *
 * Customers walking journeys. An enrollment is one customer in one
 * journey: the stage they are in, their cohort, and whether they are
 * still walking it (active), finished it (completed) or dropped out
 * (dropped, with a reason). A customer has at most one active enrollment
 * per journey; a completed or dropped one stays as history, and they may
 * be enrolled again.
 *
 * Every change writes a stage event (the history the funnel, the time in
 * each stage and the feeling per stage are computed from), and entering a
 * stage creates the follow-ups of its rules (dg-stages.h), linked to the
 * enrollment: N days after entering, or N days before or after the
 * cohort's date (a rule of the cohort's date is skipped for a customer
 * without a cohort or a cohort without a date), all day or at the rule's
 * local time in the clock's zone. A follow-up whose day has already passed
 * is created all the same, and shows as overdue. Entering a stage again
 * (moving back) does not create the follow-up of a rule again while the
 * one it created for this enrollment is still open.
 *
 * The actions on many enrollments at once (a column, a selection of
 * cards, a whole cohort) are each one transaction, all or nothing, and
 * return a DgBulkUndo (dg-customers-bulk.h) that reverses exactly what
 * they did: the events and follow-ups they created are deleted and the
 * enrollments written back as they were. An id given twice counts once.
 * DgDatabase::changed::enrollments (and ::followups when follow-ups were
 * created) is emitted after the commit.
 *
 * The board's columns read the ids of a stage's active enrollments with
 * dg_enrollments_stage_ids() and the cards with
 * dg_enrollments_get_cards(); DgStageColumn does both as a list model.
 */
#pragma once

#include "dg-clock.h"
#include "dg-customers-bulk.h"
#include "dg-database.h"
#include "dg-enrollment-card.h"
#include "dg-journey.h"

G_BEGIN_DECLS

/* Enrols customer @customer_id in the journey of stage @stage_id, in that
 * stage, in cohort @cohort_id (0 for none; it must be of the same
 * journey). Fails when they are already active in that journey. Sets
 * *@out_id to the new enrollment's id. */
gboolean      dg_enrollments_enroll      (DgDatabase    *db,
                                          DgClock       *clock,
                                          gint64         customer_id,
                                          gint64         stage_id,
                                          gint64         cohort_id,
                                          gint64        *out_id,
                                          GError       **error);
/* The same for each of @n_ids customers; those already active in the
 * journey are left as they are (and not counted as changed). */
DgBulkUndo   *dg_enrollments_enroll_many (DgDatabase    *db,
                                          DgClock       *clock,
                                          const gint64  *customer_ids,
                                          guint          n_ids,
                                          gint64         stage_id,
                                          gint64         cohort_id,
                                          GError       **error);
/* Moves each enrollment of @ids into stage @to_stage_id of its journey:
 * an event from its stage, since = now, and the new stage's rule
 * follow-ups. A completed or dropped one becomes active again there (it
 * fails when the customer is active in the journey once more). One
 * already active in that stage is left as it is. */
DgBulkUndo   *dg_enrollments_move        (DgDatabase    *db,
                                          DgClock       *clock,
                                          const gint64  *ids,
                                          guint          n_ids,
                                          gint64         to_stage_id,
                                          GError       **error);
/* Marks each enrollment completed in the stage it is in. The follow-ups
 * the stages' rules created for an active one and that are still open are
 * cancelled with it (its Undo opens them again); moving to another stage
 * leaves them open. */
DgBulkUndo   *dg_enrollments_complete    (DgDatabase    *db,
                                          DgClock       *clock,
                                          const gint64  *ids,
                                          guint          n_ids,
                                          GError       **error);
/* Marks each enrollment dropped in the stage it is in, for @reason (one
 * line; may be empty), cancelling its open rule follow-ups as
 * dg_enrollments_complete() does. */
DgBulkUndo   *dg_enrollments_drop        (DgDatabase    *db,
                                          DgClock       *clock,
                                          const gint64  *ids,
                                          guint          n_ids,
                                          const char    *reason,
                                          GError       **error);
/* Puts the enrollment in cohort @cohort_id (0: none) of its journey. Its
 * rule follow-ups already created stay as they are. */
gboolean      dg_enrollments_set_cohort  (DgDatabase    *db,
                                          gint64         id,
                                          gint64         cohort_id,
                                          GError       **error);

/* With the names of its customer, journey, stage and cohort. */
DgEnrollment *dg_enrollments_get         (DgDatabase    *db,
                                          gint64         id,
                                          GError       **error);
/* The customer of each of @ids, in their order (a customer twice when
 * given twice); NOT_FOUND when one of them is no longer stored. */
GArray       *dg_enrollments_get_customer_ids (DgDatabase   *db,
                                               const gint64 *ids,
                                               guint         n_ids,
                                               GError      **error);
/* The customer's enrollments, active first, then the latest: with names;
 * DgEnrollment *. */
GPtrArray    *dg_enrollments_list_for_customer (DgDatabase *db,
                                                gint64      customer_id,
                                                GError    **error);
/* Every event of every enrollment of the customer, oldest first:
 * DgStageEvent *. */
GPtrArray    *dg_enrollments_history     (DgDatabase    *db,
                                          gint64         customer_id,
                                          GError       **error);
/* The active enrollments in stage @stage_id (of cohort @cohort_id, or
 * all when 0), longest in the stage first, at most @limit (0: all). */
GArray       *dg_enrollments_stage_ids   (DgDatabase    *db,
                                          gint64         stage_id,
                                          gint64         cohort_id,
                                          guint          limit,
                                          GError       **error);
/* The cards of @ids as the board shows them now by @clock, in their
 * order, NULL for an id no longer stored: DgEnrollmentCard *. */
GPtrArray    *dg_enrollments_get_cards   (DgDatabase    *db,
                                          DgClock       *clock,
                                          const gint64  *ids,
                                          guint          n_ids,
                                          GError       **error);

G_END_DECLS
