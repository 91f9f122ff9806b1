/* dg-journey-test-util.h
 *
 * Seeding journeys for the tests, written once: a journey, its stages,
 * rules and cohorts, customers and their enrollments, each stored through
 * the core API and asserted to succeed. They work on the database and
 * clock of the case that runs, which both fixtures (dg-followup-test-util.h
 * and dg-ui-fixture.h) set up with dg_journey_test_set_database().
 */
#pragma once

#include "dg-core.h"

G_BEGIN_DECLS

/* The database and clock the helpers below store into; NULL, NULL when
 * the case ends. Neither is referenced. */
void          dg_journey_test_set_database   (DgDatabase   *db,
                                              DgClock      *clock);

/* Each returns the new row's id. */
gint64        dg_journey_test_add_journey    (const char   *name);
/* @usual_days -1 and @message_script NULL leave them unset. */
gint64        dg_journey_test_add_stage      (gint64        journey,
                                              const char   *name,
                                              int           usual_days,
                                              const char   *message_script);
gint64        dg_journey_test_add_rule       (gint64        stage,
                                              const char   *title,
                                              DgRuleAnchor  anchor,
                                              int           offset_days,
                                              const char   *time_of_day);
/* @date ("2026-04-15") may be NULL. */
gint64        dg_journey_test_add_cohort     (gint64        journey,
                                              const char   *name,
                                              const char   *date);
/* @organization may be NULL. */
gint64        dg_journey_test_add_customer   (const char   *name,
                                              const char   *organization);
/* Enrolls @customer in @stage (and @cohort when above 0), now by the
 * clock; returns the enrollment's id. */
gint64        dg_journey_test_enroll         (gint64        customer,
                                              gint64        stage,
                                              gint64        cohort);
/* Moves enrollment @enrollment to @stage, now by the clock; returns the
 * Undo. */
DgBulkUndo   *dg_journey_test_move           (gint64        enrollment,
                                              gint64        stage);
DgEnrollment *dg_journey_test_get_enrollment (gint64        id);
/* The stage enrollment @enrollment is in. */
gint64        dg_journey_test_stage_of       (gint64        enrollment);
DgStage      *dg_journey_test_get_stage      (gint64        id);

G_END_DECLS
