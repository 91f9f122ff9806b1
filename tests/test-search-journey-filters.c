/* test-search-journey-filters.c
 *
 * The journey filter of the customer list (a journey, narrowed to a
 * stage, a cohort and a status), alone and with search text and the
 * other filters, against what a plain pass over every customer's
 * enrollments finds (dg-filters-fixture.h); the list following customers
 * as they move; and each filter's read of the enrollments through an
 * index that holds the customer ids.
 */
#include "config.h"

#include <string.h>

#include "dg-filters-fixture.h"
#include "dg-test-util.h"

typedef DgFiltersFixture Fixture;

typedef struct
{
  gint64             journey_id;
  gint64             stage_id;
  gint64             cohort_id;
  DgEnrollmentStatus status;
} JourneyFilter;

/* The journey filters to try: none, each part alone and together, each
 * status, a stage of another journey and a journey that is not there. */
static GArray *
journey_filters (Fixture *fixture)
{
  GArray *filters = g_array_new (FALSE, TRUE, sizeof (JourneyFilter));
  gint64 lecture = fixture->lecture;
  const JourneyFilter fixed[] = {
    { 0 },
    { lecture, 0, 0, DG_ENROLLMENT_ACTIVE },
    { lecture, 0, 0, DG_ENROLLMENT_COMPLETED },
    { lecture, 0, 0, DG_ENROLLMENT_DROPPED },
    { lecture, fixture->lecture_stages[2], 0, DG_ENROLLMENT_DROPPED },
    { lecture, fixture->lecture_stages[3], 0, DG_ENROLLMENT_COMPLETED },
    { lecture, 0, fixture->cohorts[0], DG_ENROLLMENT_ACTIVE },
    { lecture, 0, fixture->cohorts[0], DG_ENROLLMENT_DROPPED },
    { lecture, 0, fixture->cohorts[1], DG_ENROLLMENT_COMPLETED },
    { lecture, fixture->lecture_stages[1], fixture->cohorts[1], DG_ENROLLMENT_ACTIVE },
    { lecture, fixture->lecture_stages[0], fixture->cohorts[0], DG_ENROLLMENT_DROPPED },
    { fixture->coaching, 0, 0, DG_ENROLLMENT_ACTIVE },
    { fixture->coaching, fixture->coaching_stages[1], 0, DG_ENROLLMENT_ACTIVE },
    { lecture, fixture->coaching_stages[0], 0, DG_ENROLLMENT_ACTIVE },
    { fixture->coaching, 0, fixture->cohorts[0], DG_ENROLLMENT_ACTIVE },
    { 9999, 0, 0, DG_ENROLLMENT_ACTIVE },
  };

  g_array_append_vals (filters, fixed, G_N_ELEMENTS (fixed));
  for (guint i = 0; i < N_LECTURE_STAGES; i++)
    {
      JourneyFilter in_stage = { lecture, fixture->lecture_stages[i], 0, DG_ENROLLMENT_ACTIVE };

      g_array_append_val (filters, in_stage);
    }

  return filters;
}

/* Every journey filter with the search texts and some of the other
 * filters. */
static void
test_journey_filters_match_reference (Fixture       *fixture,
                                      gconstpointer  data)
{
  static const char * const texts[] = { NULL, "김", "민수", "kim", "ㄱㅁㅅ", "010", "이 민" };
  static const char * const tags[] = { NULL, "VIP" };
  static const char * const sources[] = { NULL, "Blog" };
  static const guint days[] = { 0, 30 };
  static const DgArchivedFilter archived[] = { DG_ARCHIVED_EXCLUDE, DG_ARCHIVED_INCLUDE, DG_ARCHIVED_ONLY };
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (DG_CLOCK (fixture->clock));
  g_autoptr(GArray) filters = journey_filters (fixture);
  GHashTable *known = dg_filters_read_known (fixture);
  guint n_nonempty = 0;
  guint n_partial = 0;
  guint n_twice = 0;

  /* Some customers have more than one enrollment of a status in the
   * lecture: they are found once. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, known);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        const Known *k = value;
        guint n_dropped = 0;

        for (guint i = 0; i < k->enrollments->len; i++)
          {
            const DgEnrollment *e = g_ptr_array_index (k->enrollments, i);

            n_dropped += e->journey_id == fixture->lecture && e->status == DG_ENROLLMENT_DROPPED;
          }
        n_twice += n_dropped > 1;
      }
  }
  g_assert_cmpuint (n_twice, >, 3);

  for (guint f = 0; f < filters->len; f++)
    for (guint a = 0; a < G_N_ELEMENTS (texts); a++)
      for (guint b = 0; b < G_N_ELEMENTS (tags); b++)
        for (guint c = 0; c < G_N_ELEMENTS (sources); c++)
          for (guint d = 0; d < G_N_ELEMENTS (days); d++)
            for (guint e = 0; e < G_N_ELEMENTS (archived); e++)
              {
                const JourneyFilter *filter = &g_array_index (filters, JourneyFilter, f);
                DgCustomerQuery query = {
                  .text = texts[a],
                  .tag = tags[b],
                  .source = sources[c],
                  .no_contact_days = days[d],
                  .now = now,
                  .archived = archived[e],
                  .journey_id = filter->journey_id,
                  .stage_id = filter->stage_id,
                  .cohort_id = filter->cohort_id,
                  .journey_status = filter->status,
                };
                g_autoptr(GArray) got = NULL;
                g_autoptr(GArray) expected = NULL;
                g_autoptr(GError) error = NULL;
                gint64 count;

                expected = dg_filters_reference_ids (fixture, known, &query);
                got = dg_customers_search_ids (fixture->db, &query, &error);
                g_assert_no_error (error);
                dg_filters_assert_ids_equal (got, expected, &query);

                count = dg_customers_count (fixture->db, &query, &error);
                g_assert_no_error (error);
                g_assert_cmpint (count, ==, expected->len);

                query.limit = 3;
                g_clear_pointer (&got, g_array_unref);
                got = dg_customers_search_ids (fixture->db, &query, &error);
                g_assert_no_error (error);
                g_assert_cmpuint (got->len, ==, MIN (3, expected->len));
                g_assert_true (dg_filters_same_ids (got, expected, got->len));

                if (filter->journey_id > 0 && expected->len > 0)
                  n_nonempty++;
                if (filter->journey_id > 0 && expected->len > 0 && expected->len < N_CUSTOMERS / 4)
                  n_partial++;
              }

  g_assert_cmpuint (n_nonempty, >, 800);
  g_assert_cmpuint (n_partial, >, 800);

  dg_filters_known_free_all (known);
}

/* Whether @ids (gint64) holds @id. */
static gboolean
holds_id (const gint64 *ids,
          guint         n_ids,
          gint64        id)
{
  for (guint i = 0; i < n_ids; i++)
    if (ids[i] == id)
      return TRUE;

  return FALSE;
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *n_signals)
{
  (*n_signals)++;
}

/* The list follows customers as they move between the stages of the
 * journey it is filtered by, and reads nothing when it has no journey
 * filter. */
static void
test_list_follows_moves (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(DgCustomerList) list = dg_customer_list_new (fixture->db);
  gint64 survey = fixture->lecture_stages[3];
  gint64 lecture_stage = fixture->lecture_stages[2];
  g_autoptr(GArray) in_lecture = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GError) error = NULL;
  gint64 journey_id, stage_id, cohort_id;
  DgEnrollmentStatus status;
  gint64 enrollment = 0;
  gint64 customer = 0;
  guint n_survey;
  guint n_signals = 0;

  dg_customer_list_set_journey_filter (list, fixture->lecture, survey, 0, DG_ENROLLMENT_ACTIVE);
  dg_customer_list_get_journey_filter (list, &journey_id, &stage_id, &cohort_id, &status);
  g_assert_cmpint (journey_id, ==, fixture->lecture);
  g_assert_cmpint (stage_id, ==, survey);
  g_assert_cmpint (cohort_id, ==, 0);
  g_assert_cmpint (status, ==, DG_ENROLLMENT_ACTIVE);
  n_survey = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n_survey, >, 0);

  /* Someone active in the lecture stage, not archived. */
  in_lecture = dg_enrollments_stage_ids (fixture->db, lecture_stage, 0, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < in_lecture->len && customer == 0; i++)
    {
      g_autoptr(DgEnrollment) e = dg_enrollments_get (fixture->db, g_array_index (in_lecture, gint64, i), &error);
      g_autoptr(DgCustomer) c = NULL;

      g_assert_no_error (error);
      c = dg_customers_get (fixture->db, e->customer_id, &error);
      g_assert_no_error (error);
      if (!dg_customer_get_archived (c))
        {
          enrollment = e->id;
          customer = e->customer_id;
        }
    }
  g_assert_cmpint (customer, !=, 0);
  g_assert_cmpuint (dg_customer_list_find (list, customer), ==, G_MAXUINT);

  /* Moved into the survey: in the list. */
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &n_signals);
  dg_filters_move_enrollment (fixture, enrollment, survey);
  g_assert_cmpuint (n_signals, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_survey + 1);
  g_assert_cmpuint (dg_customer_list_find (list, customer), !=, G_MAXUINT);

  /* Dropped out there: gone, and found among the dropped of the survey. */
  dg_filters_end_enrollment (fixture, enrollment, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_survey);
  g_assert_cmpuint (dg_customer_list_find (list, customer), ==, G_MAXUINT);
  dg_customer_list_set_journey_filter (list, fixture->lecture, survey, 0, DG_ENROLLMENT_DROPPED);
  g_assert_cmpuint (dg_customer_list_find (list, customer), !=, G_MAXUINT);

  /* Without a journey filter, a move reads nothing. */
  dg_customer_list_set_journey_filter (list, 0, survey, 0, DG_ENROLLMENT_DROPPED);
  dg_customer_list_get_journey_filter (list, &journey_id, &stage_id, &cohort_id, &status);
  g_assert_cmpint (journey_id, ==, 0);
  g_assert_cmpint (stage_id, ==, 0);
  g_assert_cmpint (status, ==, DG_ENROLLMENT_ACTIVE);
  n_signals = 0;
  dg_test_trace_begin (fixture->db);
  dg_filters_move_enrollment (fixture, enrollment, lecture_stage);
  statements = dg_test_trace_end (fixture->db);
  for (guint i = 0; i < statements->len; i++)
    g_assert_null (strstr (g_ptr_array_index (statements, i), "FROM customers c"));
  g_assert_cmpuint (n_signals, ==, 0);

  {
    const gint64 *ids;
    guint n_ids;

    ids = dg_id_list_peek_ids (DG_ID_LIST (list), &n_ids);
    g_assert_true (holds_id (ids, n_ids, customer));
  }
}

/* The journey filter, alone or narrowed to a stage, a cohort or both, of
 * each status, is read through an index of enrollments. */
static void
test_journey_index_bound (Fixture       *fixture,
                          gconstpointer  data)
{
  const JourneyFilter filters[] = {
    { fixture->lecture, 0, 0, DG_ENROLLMENT_ACTIVE },
    { fixture->lecture, fixture->lecture_stages[1], 0, DG_ENROLLMENT_ACTIVE },
    { fixture->lecture, 0, fixture->cohorts[0], DG_ENROLLMENT_DROPPED },
    { fixture->lecture, fixture->lecture_stages[1], fixture->cohorts[0], DG_ENROLLMENT_COMPLETED },
  };
  guint n_read = 0;

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      DgCustomerQuery query = {
        .journey_id = filters[i].journey_id,
        .stage_id = filters[i].stage_id,
        .cohort_id = filters[i].cohort_id,
        .journey_status = filters[i].status,
      };
      g_autoptr(GPtrArray) statements = NULL;
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GError) error = NULL;

      dg_test_trace_begin (fixture->db);
      ids = dg_customers_search_ids (fixture->db, &query, &error);
      g_assert_no_error (error);
      statements = dg_test_trace_end (fixture->db);

      for (guint j = 0; j < statements->len; j++)
        {
          const char *sql = g_ptr_array_index (statements, j);

          if (strstr (sql, "FROM enrollments") != NULL)
            {
              g_autofree char *plan = dg_test_query_plan (fixture->db, sql);

              dg_test_assert_index_bound (fixture->db, sql);
              /* The customer ids come from the index alone (migration 8). */
              g_assert_nonnull (strstr (plan, "USING COVERING INDEX enrollments_by_"));
              n_read++;
            }
        }
    }

  g_assert_cmpuint (n_read, ==, G_N_ELEMENTS (filters));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/search-journey-filters/match-reference", Fixture, NULL,
              dg_filters_fixture_set_up, test_journey_filters_match_reference, dg_filters_fixture_tear_down);
  g_test_add ("/search-journey-filters/list-follows-moves", Fixture, NULL,
              dg_filters_fixture_set_up, test_list_follows_moves, dg_filters_fixture_tear_down);
  g_test_add ("/search-journey-filters/index-bound", Fixture, NULL,
              dg_filters_fixture_set_up, test_journey_index_bound, dg_filters_fixture_tear_down);

  return g_test_run ();
}
