/* dg-filters-fixture.h
 *
 * What the tests of the customer list's filters share: a database of
 * N_CUSTOMERS made-up customers, the same on every run, with tags,
 * sources, creation days and contacts, walking two journeys (a lecture of
 * four stages and two cohorts, a coaching of two stages), some of them
 * moved on, finished, dropped out, back after dropping out, or dropped
 * out twice; and the reference: what a filter should keep, from a plain
 * pass over every customer in C, its tags, source, last contact and
 * enrollments read one customer at a time through the customer and
 * journey APIs.
 */
#pragma once

#include "dg-core.h"

G_BEGIN_DECLS

#define N_CUSTOMERS 240

/* The lecture journey's stages and cohorts, and the coaching one's
 * stages. */
#define N_LECTURE_STAGES  4
#define N_COHORTS         2
#define N_COACHING_STAGES 2

typedef struct
{
  DgDatabase  *db;
  DgFakeClock *clock;
  gint64       lecture;
  gint64       lecture_stages[N_LECTURE_STAGES];
  gint64       cohorts[N_COHORTS];
  gint64       coaching;
  gint64       coaching_stages[N_COACHING_STAGES];
} DgFiltersFixture;

/* What the reference knows of one customer, read through the API. */
typedef struct
{
  gint64     id;
  char     **tags;
  char      *source;
  /* The last contact, or the day they were added when never contacted. */
  GDateTime *contact_age_from;
  /* DgEnrollment *, every one, ended or not. */
  GPtrArray *enrollments;
} Known;

/* For g_test_add(): the database filled, the reference installed. */
void        dg_filters_fixture_set_up    (DgFiltersFixture      *fixture,
                                          gconstpointer          data);
void        dg_filters_fixture_tear_down (DgFiltersFixture      *fixture,
                                          gconstpointer          data);
/* Every customer, as the reference sees them: Known * by id. */
GHashTable *dg_filters_read_known        (DgFiltersFixture      *fixture);
void        dg_filters_known_free_all    (GHashTable            *known);
/* What @query should find: the plain scan of the search text, in name
 * order, keeping the customers that pass the filters as read in C. */
GArray     *dg_filters_reference_ids     (DgFiltersFixture      *fixture,
                                          GHashTable            *known,
                                          const DgCustomerQuery *query);
/* Whether the first @n ids of @a and @b are the same. */
gboolean    dg_filters_same_ids          (GArray                *a,
                                          GArray                *b,
                                          guint                  n);
/* Fails, naming @query, unless @got and @expected are the same. */
void        dg_filters_assert_ids_equal  (GArray                *got,
                                          GArray                *expected,
                                          const DgCustomerQuery *query);
void        dg_filters_move_enrollment   (DgFiltersFixture      *fixture,
                                          gint64                 id,
                                          gint64                 stage_id);
/* Ends enrollment @id: completed, or dropped for a reason. */
void        dg_filters_end_enrollment    (DgFiltersFixture      *fixture,
                                          gint64                 id,
                                          gboolean               dropped);

G_END_DECLS
