/* dg-journey-test-util.c */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include "dg-journey-test-util.h"

static DgDatabase *current_db;
static DgClock *current_clock;

void
dg_journey_test_set_database (DgDatabase *db,
                              DgClock    *clock)
{
  current_db = db;
  current_clock = clock;
}

static DgDatabase *
database (void)
{
  g_assert_nonnull (current_db);

  return current_db;
}

gint64
dg_journey_test_add_journey (const char *name)
{
  g_autoptr(DgJourney) journey = dg_journey_new (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_journeys_insert (database (), journey, &error));
  g_assert_no_error (error);

  return journey->id;
}

gint64
dg_journey_test_add_stage (gint64      journey,
                           const char *name,
                           int         usual_days,
                           const char *message_script)
{
  g_autoptr(DgStage) stage = dg_stage_new (journey, name);
  g_autoptr(GError) error = NULL;

  stage->usual_days = usual_days;
  if (message_script != NULL)
    {
      g_free (stage->message_script);
      stage->message_script = g_strdup (message_script);
    }
  g_assert_true (dg_stages_insert (database (), stage, &error));
  g_assert_no_error (error);

  return stage->id;
}

gint64
dg_journey_test_add_rule (gint64        stage,
                          const char   *title,
                          DgRuleAnchor  anchor,
                          int           offset_days,
                          const char   *time_of_day)
{
  g_autoptr(DgStageRule) rule = dg_stage_rule_new (stage, title, anchor, offset_days);
  g_autoptr(GError) error = NULL;

  rule->time_of_day = g_strdup (time_of_day);
  g_assert_true (dg_stage_rules_insert (database (), rule, &error));
  g_assert_no_error (error);

  return rule->id;
}

gint64
dg_journey_test_add_cohort (gint64      journey,
                            const char *name,
                            const char *date)
{
  g_autoptr(DgCohort) cohort = dg_cohort_new (journey, name, date);
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_cohorts_insert (database (), cohort, &error));
  g_assert_no_error (error);

  return cohort->id;
}

gint64
dg_journey_test_add_customer (const char *name,
                              const char *organization)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  dg_customer_set_organization (customer, organization);
  g_assert_true (dg_customers_insert (database (), customer, &error));
  g_assert_no_error (error);

  return dg_customer_get_id (customer);
}

gint64
dg_journey_test_enroll (gint64 customer,
                        gint64 stage,
                        gint64 cohort)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_nonnull (current_clock);
  g_assert_true (dg_enrollments_enroll (database (), current_clock, customer, stage, cohort, &id,
                                        &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

DgBulkUndo *
dg_journey_test_move (gint64 enrollment,
                      gint64 stage)
{
  g_autoptr(GError) error = NULL;
  DgBulkUndo *undo;

  g_assert_nonnull (current_clock);
  undo = dg_enrollments_move (database (), current_clock, &enrollment, 1, stage, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);

  return undo;
}

DgEnrollment *
dg_journey_test_get_enrollment (gint64 id)
{
  g_autoptr(GError) error = NULL;
  DgEnrollment *enrollment = dg_enrollments_get (database (), id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (enrollment);

  return enrollment;
}

gint64
dg_journey_test_stage_of (gint64 enrollment)
{
  g_autoptr(DgEnrollment) found = dg_journey_test_get_enrollment (enrollment);

  return found->stage_id;
}

DgStage *
dg_journey_test_get_stage (gint64 id)
{
  g_autoptr(GError) error = NULL;
  DgStage *stage = dg_stages_get (database (), id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stage);

  return stage;
}
