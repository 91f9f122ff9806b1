/* dg-journey-analytics.h
 *
 * The numbers of a journey, stage by stage, computed in SQL from the
 * enrollments and their stage events, for all customers or one cohort:
 *
 *  - now: the customers active in the stage;
 *  - conversion: of the customers who ever reached the previous stage
 *    (to the left), the share who ever reached this one;
 *  - median days: over every stay in the stage — from the event that
 *    brought the customer in (enrolled, moved in, or made active again)
 *    to the next event of their enrollment (moved on, completed, dropped),
 *    or to now for a stay that goes on;
 *  - stuck: the active customers in it for longer than the stage's usual
 *    days;
 *  - dropped: the customers who dropped out in this stage, and why;
 *  - feeling: the feedback (positive, neutral, negative) of the contacts
 *    logged with a customer during one of their stays in the stage — a
 *    contact at the very moment of a move counts for the stage entered.
 */
#pragma once

#include "dg-clock.h"
#include "dg-database.h"

G_BEGIN_DECLS

typedef struct
{
  char  *reason;    /* "" when none was given */
  guint  count;
} DgDropReason;

typedef struct
{
  gint64      stage_id;
  guint       n_now;
  /* Customers who ever reached the stage. */
  guint       n_reached;
  /* Customers who reached the previous stage, and of those, this one. */
  guint       n_reached_previous;
  guint       n_converted;
  /* n_converted / n_reached_previous; -1 for the first stage or when no
   * one reached the previous one. */
  double      conversion;
  /* -1 when no one stayed in the stage yet. */
  double      median_days;
  guint       n_stuck;
  guint       n_dropped;
  /* DgDropReason *, most frequent first. */
  GPtrArray  *drop_reasons;
  guint       n_positive;
  guint       n_neutral;
  guint       n_negative;
} DgStageFigures;

void        dg_stage_figures_free        (DgStageFigures  *figures);
/* (positive − negative) / all feedback, from -1 to 1; 0 without any: the
 * height of the feeling line. */
double      dg_stage_figures_get_feeling (DgStageFigures  *figures);

/* The figures of each stage of @journey_id, left to right, as of now by
 * @clock; only the customers of cohort @cohort_id when not 0:
 * DgStageFigures *. */
GPtrArray  *dg_journey_analytics         (DgDatabase      *db,
                                          DgClock         *clock,
                                          gint64           journey_id,
                                          gint64           cohort_id,
                                          GError         **error);
/* The same, read in a worker thread on a connection of its own: on a
 * journey of a million stage events they take a second or more. The
 * figures are as of the moment of the call. */
void        dg_journey_analytics_async   (DgDatabase      *db,
                                          DgClock         *clock,
                                          gint64           journey_id,
                                          gint64           cohort_id,
                                          GCancellable    *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer         user_data);
GPtrArray  *dg_journey_analytics_finish  (DgDatabase      *db,
                                          GAsyncResult    *result,
                                          GError         **error);

/* For tests (as dg_export_async_hold_for_testing()): a read started while
 * @hold is TRUE waits in its worker, before it reads, until it is
 * released, cancelled, or the hold is turned off, so that a test sees
 * what is shown meanwhile on a machine of any speed. */
void        dg_journey_analytics_hold_for_testing    (gboolean      hold);
/* Lets the held reads of @journey_id for @cohort_id go on; with @error,
 * they fail with a copy of it instead of reading. */
void        dg_journey_analytics_release_for_testing (gint64        journey_id,
                                                      gint64        cohort_id,
                                                      const GError *error);
/* How many reads started while held have not been finished yet
 * (dg_journey_analytics_finish() not called on their result). */
guint       dg_journey_analytics_get_n_unfinished_for_testing (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgStageFigures, dg_stage_figures_free)

G_END_DECLS
