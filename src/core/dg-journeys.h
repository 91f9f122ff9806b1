/* dg-journeys.h
 *
 * Storing journeys and their cohorts. A journey is the path customers
 * walk (announcement → sign-up → lecture → survey → regular); a cohort is
 * a group that walks it together, usually the people of one lecture date.
 * Stages and their rules are in dg-stages.h, customers in a journey in
 * dg-enrollments.h.
 *
 * Every write is one transaction (BEGIN IMMEDIATE) and writes nothing
 * when it fails; it emits DgDatabase::changed for the tables it changed
 * (DG_TABLE_JOURNEYS, DG_TABLE_COHORTS, …) after the commit.
 */
#pragma once

#include "dg-clock.h"
#include "dg-customer-snapshot.h"
#include "dg-database.h"
#include "dg-journey.h"

G_BEGIN_DECLS

/* Checks the name, then stores @journey last in the list of journeys;
 * sets its id, uuid and position. */
gboolean   dg_journeys_insert    (DgDatabase    *db,
                                  DgJourney     *journey,
                                  GError       **error);
/* Writes its name and description. */
gboolean   dg_journeys_update    (DgDatabase    *db,
                                  DgJourney     *journey,
                                  GError       **error);
/* Deletes the journey with its stages, rules, cohorts, enrollments and
 * their history. The follow-ups its rules created stay, unlinked. */
gboolean   dg_journeys_delete    (DgDatabase    *db,
                                  gint64         id,
                                  GError       **error);
/* Everything dg_journeys_delete() deletes, kept for its Undo: restore it
 * with dg_customer_snapshot_restore(), which fails and writes nothing
 * when a customer or follow-up it refers to was deleted meanwhile. */
DgCustomerSnapshot *dg_journeys_take_snapshot (DgDatabase  *db,
                                               gint64       id,
                                               GError     **error);
DgJourney *dg_journeys_get       (DgDatabase    *db,
                                  gint64         id,
                                  GError       **error);
/* Every journey, in their order: DgJourney *. */
GPtrArray *dg_journeys_list      (DgDatabase    *db,
                                  GError       **error);
/* A copy of journey @id, last in the list, named “NAME (copy)”: its
 * stages with their playbook and rules, and its cohorts. With
 * @with_customers, each customer active in it is enrolled in the copy in
 * the same stage and cohort, since the same time (their history and
 * follow-ups stay with the original). Sets *@out_id to the copy's id. */
gboolean   dg_journeys_duplicate (DgDatabase    *db,
                                  DgClock       *clock,
                                  gint64         id,
                                  gboolean       with_customers,
                                  gint64        *out_id,
                                  GError       **error);

/* Checks the name and date, then stores @cohort; sets its id and uuid. */
gboolean   dg_cohorts_insert     (DgDatabase    *db,
                                  DgCohort      *cohort,
                                  GError       **error);
/* Writes its name, date and archived flag. */
gboolean   dg_cohorts_update     (DgDatabase    *db,
                                  DgCohort      *cohort,
                                  GError       **error);
/* Deletes the cohort; its customers stay in the journey, in no cohort. */
gboolean   dg_cohorts_delete     (DgDatabase    *db,
                                  gint64         id,
                                  GError       **error);
DgCohort  *dg_cohorts_get        (DgDatabase    *db,
                                  gint64         id,
                                  GError       **error);
/* The cohorts of a journey, by date (those without one last), then name:
 * DgCohort *. Archived ones only with @include_archived. */
GPtrArray *dg_cohorts_list       (DgDatabase    *db,
                                  gint64         journey_id,
                                  gboolean       include_archived,
                                  GError       **error);

G_END_DECLS
