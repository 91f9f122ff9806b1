/* test-journey-analytics.c
 *
 * The figures of a journey per stage against figures worked out by hand
 * for five customers whose moves, drops and contacts are laid out below,
 * for the whole journey and for each cohort.
 *
 * Stages S1 (usual 5 days), S2 (usual 2), S3 (no limit). Day n is
 * 2026-04-(1+n) at 09:00 New York time (no daylight-saving change in
 * April, so a day is 24 hours); now is day 10.
 *
 *   a (cohort X): S1 day 0 → S2 day 2 → S3 day 5; still in S3.
 *   b (X):        S1 day 0 → S2 day 1; dropped day 4, "too expensive".
 *   c (Y):        S1 day 1; still in S1 (9 days: stuck).
 *   d (Y):        S1 day 3 → S2 day 4 → S1 day 6 → S2 day 7; still in
 *                 S2 (3 days: stuck).
 *   e (X):        S1 day 0; dropped day 2, "schedule".
 *
 * Stays in days: S1 a 2, b 1, c 9, d 1, d 1, e 2; S2 a 3, b 3, d 2, d 3;
 * S3 a 5.
 *
 * Contacts with feedback: a positive day 1 (S1); a negative day 2 at the
 * moment of the g_object_unref (dg_journey_test_move ()); a neutral
 * day 6 (S3); b negative day 3 (S2); b positive day 5 (after the drop:
 * nowhere); c neutral day 8 (S1); d positive day 5 (S2); d negative day 6
 * 12:00 (S1); a contact of a before enrolling and one without feedback
 * count nowhere.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include "dg-followup-test-util.h"
#include "dg-journey-test-util.h"
#include "dg-test-util.h"

typedef struct
{
  DgFollowupFixture  base;
  gint64             journey;
  gint64             s1, s2, s3;
  gint64             x, y;
} Fixture;

static void
at_day (Fixture *fixture,
        int      day,
        int      hour)
{
  dg_test_set_now (&fixture->base, 2026, 4, 1 + day, hour, 0);
}

static void
drop (Fixture    *fixture,
      gint64      id,
      const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgBulkUndo) undo = dg_enrollments_drop (fixture->base.db, fixture->base.base, &id, 1, reason, &error);

  g_assert_no_error (error);
}

static void
contact (Fixture              *fixture,
         gint64                customer,
         int                   day,
         int                   hour,
         DgInteractionFeedback feedback)
{
  g_autoptr(DgInteraction) interaction = dg_interaction_new ();
  g_autoptr(GDateTime) first = dg_test_at (&fixture->base, 2026, 4, 1, hour, 0);
  g_autoptr(GDateTime) when = g_date_time_add_days (first, day);
  g_autoptr(GError) error = NULL;

  dg_interaction_set_customer_id (interaction, customer);
  dg_interaction_set_occurred_at (interaction, when);
  dg_interaction_set_feedback (interaction, feedback);
  g_assert_true (dg_interactions_insert (fixture->base.db, fixture->base.base, interaction, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DgJourney) journey = dg_journey_new ("Funnel");
  g_autoptr(GError) error = NULL;
  gint64 a, b, c, d, e;
  gint64 ea, eb, ec, ed, ee;

  dg_followup_fixture_set_up (&fixture->base, data);
  at_day (fixture, 0, 9);

  g_assert_true (dg_journeys_insert (fixture->base.db, journey, &error));
  g_assert_no_error (error);
  fixture->journey = journey->id;
  fixture->s1 = dg_journey_test_add_stage (fixture->journey, "S1", 5, NULL);
  fixture->s2 = dg_journey_test_add_stage (fixture->journey, "S2", 2, NULL);
  fixture->s3 = dg_journey_test_add_stage (fixture->journey, "S3", -1, NULL);
  fixture->x = dg_journey_test_add_cohort (fixture->journey, "X", NULL);
  fixture->y = dg_journey_test_add_cohort (fixture->journey, "Y", NULL);

  a = dg_test_add_customer (&fixture->base, "a");
  b = dg_test_add_customer (&fixture->base, "b");
  c = dg_test_add_customer (&fixture->base, "c");
  d = dg_test_add_customer (&fixture->base, "d");
  e = dg_test_add_customer (&fixture->base, "e");

  ea = dg_journey_test_enroll (a, fixture->s1, fixture->x);
  eb = dg_journey_test_enroll (b, fixture->s1, fixture->x);
  ee = dg_journey_test_enroll (e, fixture->s1, fixture->x);
  at_day (fixture, 1, 9);
  ec = dg_journey_test_enroll (c, fixture->s1, fixture->y);
  g_object_unref (dg_journey_test_move (eb, fixture->s2));
  at_day (fixture, 2, 9);
  g_object_unref (dg_journey_test_move (ea, fixture->s2));
  drop (fixture, ee, "schedule");
  at_day (fixture, 3, 9);
  ed = dg_journey_test_enroll (d, fixture->s1, fixture->y);
  at_day (fixture, 4, 9);
  drop (fixture, eb, "too expensive");
  g_object_unref (dg_journey_test_move (ed, fixture->s2));
  at_day (fixture, 5, 9);
  g_object_unref (dg_journey_test_move (ea, fixture->s3));
  at_day (fixture, 6, 9);
  g_object_unref (dg_journey_test_move (ed, fixture->s1));
  at_day (fixture, 7, 9);
  g_object_unref (dg_journey_test_move (ed, fixture->s2));
  (void) ec;

  at_day (fixture, 10, 9);
  contact (fixture, a, -1, 9, DG_INTERACTION_FEEDBACK_NEGATIVE);
  contact (fixture, a, 1, 9, DG_INTERACTION_FEEDBACK_POSITIVE);
  contact (fixture, a, 1, 10, DG_INTERACTION_FEEDBACK_NONE);
  contact (fixture, a, 2, 9, DG_INTERACTION_FEEDBACK_NEGATIVE);
  contact (fixture, a, 6, 9, DG_INTERACTION_FEEDBACK_NEUTRAL);
  contact (fixture, b, 3, 9, DG_INTERACTION_FEEDBACK_NEGATIVE);
  contact (fixture, b, 5, 9, DG_INTERACTION_FEEDBACK_POSITIVE);
  contact (fixture, c, 8, 9, DG_INTERACTION_FEEDBACK_NEUTRAL);
  contact (fixture, d, 5, 9, DG_INTERACTION_FEEDBACK_POSITIVE);
  contact (fixture, d, 6, 12, DG_INTERACTION_FEEDBACK_NEGATIVE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  dg_followup_fixture_tear_down (&fixture->base, data);
}

typedef struct
{
  guint       now, stuck, reached, reached_previous, converted;
  double      conversion, median;
  guint       dropped;
  const char *reasons;    /* "reason:count,…" */
  guint       positive, neutral, negative;
} Expected;

static void
assert_figures (DgStageFigures *figures,
                gint64          stage_id,
                const Expected *expected)
{
  g_autoptr(GString) reasons = g_string_new (NULL);

  g_test_message ("stage %" G_GINT64_FORMAT, stage_id);
  g_assert_cmpint (figures->stage_id, ==, stage_id);
  g_assert_cmpuint (figures->n_now, ==, expected->now);
  g_assert_cmpuint (figures->n_stuck, ==, expected->stuck);
  g_assert_cmpuint (figures->n_reached, ==, expected->reached);
  g_assert_cmpuint (figures->n_reached_previous, ==, expected->reached_previous);
  g_assert_cmpuint (figures->n_converted, ==, expected->converted);
  g_assert_cmpfloat_with_epsilon (figures->conversion, expected->conversion, 1e-9);
  g_assert_cmpfloat_with_epsilon (figures->median_days, expected->median, 1e-9);
  g_assert_cmpuint (figures->n_dropped, ==, expected->dropped);
  for (guint i = 0; i < figures->drop_reasons->len; i++)
    {
      DgDropReason *reason = g_ptr_array_index (figures->drop_reasons, i);

      g_string_append_printf (reasons, "%s%s:%u", i > 0 ? "," : "", reason->reason, reason->count);
    }
  g_assert_cmpstr (reasons->str, ==, expected->reasons);
  g_assert_cmpuint (figures->n_positive, ==, expected->positive);
  g_assert_cmpuint (figures->n_neutral, ==, expected->neutral);
  g_assert_cmpuint (figures->n_negative, ==, expected->negative);
}

static GPtrArray *
analytics (Fixture *fixture,
           gint64   cohort)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *figures = dg_journey_analytics (fixture->base.db, fixture->base.base, fixture->journey, cohort, &error);

  g_assert_no_error (error);
  g_assert_nonnull (figures);
  g_assert_cmpuint (figures->len, ==, 3);

  return figures;
}

static void
test_whole_journey (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) figures = analytics (fixture, 0);
  const Expected s1 = { .now = 1, .stuck = 1, .reached = 5, .conversion = -1,
                        .median = 1.5, .dropped = 1, .reasons = "schedule:1",
                        .positive = 1, .neutral = 1, .negative = 1 };
  const Expected s2 = { .now = 1, .stuck = 1, .reached = 3, .reached_previous = 5, .converted = 3,
                        .conversion = 0.6, .median = 3, .dropped = 1, .reasons = "too expensive:1",
                        .positive = 1, .neutral = 0, .negative = 2 };
  const Expected s3 = { .now = 1, .stuck = 0, .reached = 1, .reached_previous = 3, .converted = 1,
                        .conversion = 1.0 / 3, .median = 5, .reasons = "",
                        .neutral = 1 };

  assert_figures (g_ptr_array_index (figures, 0), fixture->s1, &s1);
  assert_figures (g_ptr_array_index (figures, 1), fixture->s2, &s2);
  assert_figures (g_ptr_array_index (figures, 2), fixture->s3, &s3);

  /* The feeling line: (1 − 1) / 3, (1 − 2) / 3, 0 / 1. */
  g_assert_cmpfloat_with_epsilon (dg_stage_figures_get_feeling (g_ptr_array_index (figures, 0)), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (dg_stage_figures_get_feeling (g_ptr_array_index (figures, 1)), -1.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (dg_stage_figures_get_feeling (g_ptr_array_index (figures, 2)), 0, 1e-9);
}

static void
test_cohorts (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) x = analytics (fixture, fixture->x);
  g_autoptr(GPtrArray) y = analytics (fixture, fixture->y);
  /* a, b, e: S1 stays 2, 1, 2. */
  const Expected x1 = { .reached = 3, .conversion = -1, .median = 2, .dropped = 1, .reasons = "schedule:1",
                        .positive = 1 };
  const Expected x2 = { .reached = 2, .reached_previous = 3, .converted = 2, .conversion = 2.0 / 3,
                        .median = 3, .dropped = 1, .reasons = "too expensive:1", .negative = 2 };
  const Expected x3 = { .now = 1, .reached = 1, .reached_previous = 2, .converted = 1, .conversion = 0.5,
                        .median = 5, .reasons = "", .neutral = 1 };
  /* c, d: S1 stays 9, 1, 1; S2 stays 2, 3. */
  const Expected y1 = { .now = 1, .stuck = 1, .reached = 2, .conversion = -1, .median = 1, .reasons = "",
                        .neutral = 1, .negative = 1 };
  const Expected y2 = { .now = 1, .stuck = 1, .reached = 1, .reached_previous = 2, .converted = 1,
                        .conversion = 0.5, .median = 2.5, .reasons = "", .positive = 1 };
  const Expected y3 = { .reached_previous = 1, .conversion = 0, .median = -1, .reasons = "" };

  assert_figures (g_ptr_array_index (x, 0), fixture->s1, &x1);
  assert_figures (g_ptr_array_index (x, 1), fixture->s2, &x2);
  assert_figures (g_ptr_array_index (x, 2), fixture->s3, &x3);
  assert_figures (g_ptr_array_index (y, 0), fixture->s1, &y1);
  assert_figures (g_ptr_array_index (y, 1), fixture->s2, &y2);
  assert_figures (g_ptr_array_index (y, 2), fixture->s3, &y3);
}

/* An empty journey and one without customers have figures of nothing. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(DgJourney) journey = dg_journey_new ("Empty");
  g_autoptr(DgStage) stage = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GError) error = NULL;
  DgStageFigures *only;

  g_assert_true (dg_journeys_insert (fixture->base.db, journey, &error));
  figures = dg_journey_analytics (fixture->base.db, fixture->base.base, journey->id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (figures->len, ==, 0);
  g_clear_pointer (&figures, g_ptr_array_unref);

  stage = dg_stage_new (journey->id, "Only");
  g_assert_true (dg_stages_insert (fixture->base.db, stage, &error));
  figures = dg_journey_analytics (fixture->base.db, fixture->base.base, journey->id, 0, &error);
  g_assert_cmpuint (figures->len, ==, 1);
  only = g_ptr_array_index (figures, 0);
  g_assert_cmpuint (only->n_now, ==, 0);
  g_assert_cmpfloat (only->conversion, ==, -1);
  g_assert_cmpfloat (only->median_days, ==, -1);
  g_assert_cmpfloat (dg_stage_figures_get_feeling (only), ==, 0);
}

static void
on_figures_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GPtrArray **figures = user_data;
  g_autoptr(GError) error = NULL;

  *figures = dg_journey_analytics_finish (DG_DATABASE (source), result, &error);
  g_assert_no_error (error);
}

static void
on_result_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Read in a worker on a connection of its own, the figures are the same
 * as those read on the app's; cancelled, it reports so. */
static void
test_in_a_worker (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) expected = analytics (fixture, fixture->x);
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) cancelled = NULL;
  g_autoptr(GError) error = NULL;

  dg_journey_analytics_async (fixture->base.db, fixture->base.base, fixture->journey, fixture->x, NULL,
                              on_figures_cb, &figures);
  while (figures == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (figures->len, ==, expected->len);
  for (guint i = 0; i < figures->len; i++)
    {
      DgStageFigures *a = g_ptr_array_index (figures, i);
      DgStageFigures *b = g_ptr_array_index (expected, i);

      g_assert_cmpint (a->stage_id, ==, b->stage_id);
      g_assert_cmpuint (a->n_now, ==, b->n_now);
      g_assert_cmpuint (a->n_reached, ==, b->n_reached);
      g_assert_cmpfloat (a->conversion, ==, b->conversion);
      g_assert_cmpfloat (a->median_days, ==, b->median_days);
      g_assert_cmpuint (a->n_dropped, ==, b->n_dropped);
      g_assert_cmpuint (a->n_positive + a->n_neutral + a->n_negative, ==,
                        b->n_positive + b->n_neutral + b->n_negative);
    }

  g_cancellable_cancel (cancellable);
  dg_journey_analytics_async (fixture->base.db, fixture->base.base, fixture->journey, 0, cancellable,
                              on_result_cb, &cancelled);
  while (cancelled == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (dg_journey_analytics_finish (fixture->base.db, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* For the UI tests: a read started while held waits until it is let go
 * (with its figures, or with the error it is let go with) or cancelled;
 * another query's release does not let it go. */
static void
test_held_for_testing (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) failure = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "disk I/O error");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) held = NULL;
  g_autoptr(GAsyncResult) failed = NULL;
  g_autoptr(GAsyncResult) cancelled = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GError) error = NULL;

  dg_journey_analytics_hold_for_testing (TRUE);
  dg_journey_analytics_async (fixture->base.db, fixture->base.base, fixture->journey, fixture->x, NULL,
                              on_result_cb, &held);
  dg_journey_analytics_async (fixture->base.db, fixture->base.base, fixture->journey, 0, NULL,
                              on_result_cb, &failed);
  dg_journey_analytics_async (fixture->base.db, fixture->base.base, fixture->journey, fixture->y, cancellable,
                              on_result_cb, &cancelled);
  g_assert_cmpuint (dg_journey_analytics_get_n_unfinished_for_testing (), ==, 3);

  /* Nothing comes while they are held; releasing another query lets none
   * of them go. */
  dg_journey_analytics_release_for_testing (fixture->journey + 1000, 0, NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (held);
  g_assert_null (failed);
  g_assert_null (cancelled);

  g_cancellable_cancel (cancellable);
  while (cancelled == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (dg_journey_analytics_finish (fixture->base.db, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_null (held);

  dg_journey_analytics_release_for_testing (fixture->journey, 0, failure);
  while (failed == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (dg_journey_analytics_finish (fixture->base.db, failed, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "disk I/O error");
  g_clear_error (&error);
  g_assert_null (held);

  dg_journey_analytics_release_for_testing (fixture->journey, fixture->x, NULL);
  while (held == NULL)
    g_main_context_iteration (NULL, TRUE);
  figures = dg_journey_analytics_finish (fixture->base.db, held, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (figures->len, ==, 3);
  g_assert_cmpuint (dg_journey_analytics_get_n_unfinished_for_testing (), ==, 0);

  dg_journey_analytics_hold_for_testing (FALSE);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/journey-analytics/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("whole-journey", test_whole_journey);
  ADD ("cohorts", test_cohorts);
  ADD ("empty", test_empty);
  ADD ("in-a-worker", test_in_a_worker);
  ADD ("held-for-testing", test_held_for_testing);

  return g_test_run ();
}
