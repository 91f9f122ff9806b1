/* test-search-filters.c
 *
 * The filters of the customer list (a tag, a source, no contact for some
 * days), alone, together and with search text, against what a plain pass
 * over every customer finds (dg-filters-fixture.h).
 */
#include "config.h"

#include <string.h>

#include "dg-filters-fixture.h"
#include "dg-search-reference.h"
#include "dg-test-util.h"

typedef DgFiltersFixture Fixture;

/* Every combination of text, tag, source, days and archive filter. */
static void
test_filters_match_reference (Fixture       *fixture,
                              gconstpointer  data)
{
  static const char * const texts[] = { NULL, "김", "민수", "kim", "ㄱㅁㅅ", "010", "이 민" };
  static const char * const tags[] = { NULL, "VIP", "vip", "봄 강의", "vip 후보", "없는 태그" };
  static const char * const sources[] = { NULL, "Blog", "BLOG", "친구 소개", " Instagram " };
  static const guint days[] = { 0, 1, 30, 90, 400 };
  static const DgArchivedFilter archived[] = { DG_ARCHIVED_EXCLUDE, DG_ARCHIVED_INCLUDE, DG_ARCHIVED_ONLY };
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (DG_CLOCK (fixture->clock));
  GHashTable *known = dg_filters_read_known (fixture);
  guint n_nonempty = 0;
  guint n_partial = 0;

  for (guint a = 0; a < G_N_ELEMENTS (texts); a++)
    for (guint b = 0; b < G_N_ELEMENTS (tags); b++)
      for (guint c = 0; c < G_N_ELEMENTS (sources); c++)
        for (guint d = 0; d < G_N_ELEMENTS (days); d++)
          for (guint e = 0; e < G_N_ELEMENTS (archived); e++)
            {
              g_autofree char *trimmed_source = sources[c] ? g_strstrip (g_strdup (sources[c])) : NULL;
              DgCustomerQuery query = {
                .text = texts[a],
                .tag = tags[b],
                .source = sources[c],
                .no_contact_days = days[d],
                .now = now,
                .archived = archived[e],
              };
              DgCustomerQuery reference_query = query;
              g_autoptr(GArray) got = NULL;
              g_autoptr(GArray) expected = NULL;
              g_autoptr(GError) error = NULL;
              gint64 count;

              reference_query.source = trimmed_source;
              expected = dg_filters_reference_ids (fixture, known, &reference_query);
              got = dg_customers_search_ids (fixture->db, &query, &error);
              g_assert_no_error (error);
              dg_filters_assert_ids_equal (got, expected, &query);

              count = dg_customers_count (fixture->db, &query, &error);
              g_assert_no_error (error);
              g_assert_cmpint (count, ==, expected->len);

              /* A limit counts the rows that pass. */
              query.limit = 3;
              g_clear_pointer (&got, g_array_unref);
              got = dg_customers_search_ids (fixture->db, &query, &error);
              g_assert_no_error (error);
              g_assert_cmpuint (got->len, ==, MIN (3, expected->len));
              g_assert_true (dg_filters_same_ids (got, expected, got->len));

              if (expected->len > 0)
                n_nonempty++;
              if (expected->len > 0 && expected->len < N_CUSTOMERS / 2)
                n_partial++;
            }

  /* The data make most filters keep some customers and drop others. */
  g_assert_cmpuint (n_nonempty, >, 1000);
  g_assert_cmpuint (n_partial, >, 1000);

  dg_filters_known_free_all (known);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The ids of @array (gint64), sorted. */
static GArray *
sorted_copy (GArray *array)
{
  GArray *copy = g_array_copy (array);

  g_array_sort (copy, compare_ids);

  return copy;
}

/* "No contact for N days" is the Today page's "going cold", for the same
 * clock and days. */
static void
test_no_contact_is_going_cold (Fixture       *fixture,
                               gconstpointer  data)
{
  static const guint days[] = { 1, 7, 30, 45, 120 };
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (DG_CLOCK (fixture->clock));

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      DgCustomerQuery query = { .no_contact_days = days[i], .now = now };
      g_autoptr(GPtrArray) cold = NULL;
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GArray) cold_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) sorted = NULL;
      g_autoptr(GError) error = NULL;

      cold = dg_interactions_list_going_cold (fixture->db, DG_CLOCK (fixture->clock), days[i], 0, &error);
      g_assert_no_error (error);
      ids = dg_customers_search_ids (fixture->db, &query, &error);
      g_assert_no_error (error);

      for (guint j = 0; j < cold->len; j++)
        {
          gint64 id = dg_customer_get_id (g_ptr_array_index (cold, j));

          g_array_append_val (cold_ids, id);
        }
      g_array_sort (cold_ids, compare_ids);
      sorted = sorted_copy (ids);

      g_assert_cmpuint (sorted->len, ==, cold_ids->len);
      g_assert_true (dg_filters_same_ids (sorted, cold_ids, sorted->len));
    }
}

/* The list runs the filters through its query, counts the days from its
 * clock each time it runs, and keeps Korean tags and sources as given. */
static void
test_list_filters (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(DgCustomerList) list = dg_customer_list_new (fixture->db);
  GHashTable *known = dg_filters_read_known (fixture);
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (DG_CLOCK (fixture->clock));
  g_autoptr(GDateTime) later = NULL;
  DgCustomerQuery query = { .tag = "봄 강의", .source = "친구 소개", .no_contact_days = 30, .now = now };
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GArray) expected_later = NULL;
  guint n_items;

  dg_customer_list_set_clock (list, DG_CLOCK (fixture->clock));
  dg_customer_list_set_tag (list, "봄 강의");
  dg_customer_list_set_source (list, "친구 소개");
  dg_customer_list_set_no_contact_days (list, 30);
  g_assert_cmpstr (dg_customer_list_get_tag (list), ==, "봄 강의");
  g_assert_cmpstr (dg_customer_list_get_source (list), ==, "친구 소개");
  g_assert_cmpuint (dg_customer_list_get_no_contact_days (list), ==, 30);

  expected = dg_filters_reference_ids (fixture, known, &query);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n_items, ==, expected->len);
  g_assert_cmpuint (n_items, >, 0);
  for (guint i = 0; i < n_items; i++)
    g_assert_cmpint (dg_customer_list_get_id (list, i), ==, g_array_index (expected, gint64, i));

  /* Sixty days on, more customers have gone that long without a contact. */
  dg_fake_clock_advance (fixture->clock, 60 * G_TIME_SPAN_DAY);
  later = dg_clock_get_now_utc (DG_CLOCK (fixture->clock));
  query.now = later;
  expected_later = dg_filters_reference_ids (fixture, known, &query);
  g_assert_cmpuint (expected_later->len, >, expected->len);
  dg_customer_list_reload (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected_later->len);

  /* Empty filters are none. */
  dg_customer_list_set_tag (list, "");
  dg_customer_list_set_source (list, NULL);
  dg_customer_list_set_no_contact_days (list, 0);
  g_assert_null (dg_customer_list_get_tag (list));
  g_assert_null (dg_customer_list_get_source (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                    N_CUSTOMERS - (N_CUSTOMERS + 10) / 11);

  dg_filters_known_free_all (known);
}

static void
on_search_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = dg_customers_search_ids_finish (result, &error);
  g_assert_no_error (error);
}

/* The worker thread reads the filters from its own copy of the query. */
static void
test_async_filters (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (DG_CLOCK (fixture->clock));
  g_autofree char *tag = g_strdup ("VIP");
  g_autofree char *source = g_strdup ("blog");
  DgCustomerQuery query = { .text = "민", .tag = tag, .source = source, .no_contact_days = 20, .now = now };
  g_autoptr(GArray) expected = NULL;
  GArray *got = NULL;
  g_autoptr(GError) error = NULL;

  expected = dg_customers_search_ids (fixture->db, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, >, 0);

  dg_customers_search_ids_async (fixture->db, &query, NULL, on_search_done_cb, &got);
  /* The strings handed over may go at once. */
  g_clear_pointer (&tag, g_free);
  g_clear_pointer (&source, g_free);
  while (got == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (got->len, ==, expected->len);
  g_assert_true (dg_filters_same_ids (got, expected, got->len));
  g_array_unref (got);
}

/* When most customers were contacted lately, the cold ones are read
 * rather than the others: the same answers. */
static void
test_mostly_warm (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const texts[] = { NULL, "김", "Jane" };
  static const guint days[] = { 1, 30, 90 };
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (DG_CLOCK (fixture->clock));
  g_autoptr(GDateTime) lately = g_date_time_add_days (now, -1);
  g_autoptr(GError) error = NULL;
  GHashTable *known;

  for (guint i = 0; i < 600; i++)
    {
      g_autoptr(DgCustomer) customer = dg_customer_new ();
      g_autofree char *name = g_strdup_printf ("%s Jane %u", i % 2 ? "김" : "Park", i);

      dg_customer_set_name (customer, name);
      dg_customer_set_created_at (customer, lately);
      g_assert_true (dg_customers_insert (fixture->db, customer, &error));
      g_assert_no_error (error);
    }
  dg_search_reference_install (fixture->db);
  known = dg_filters_read_known (fixture);
  dg_test_trace_begin (fixture->db);

  for (guint a = 0; a < G_N_ELEMENTS (texts); a++)
    for (guint d = 0; d < G_N_ELEMENTS (days); d++)
      {
        DgCustomerQuery query = { .text = texts[a], .no_contact_days = days[d], .now = now };
        g_autoptr(GArray) expected = dg_filters_reference_ids (fixture, known, &query);
        g_autoptr(GArray) got = dg_customers_search_ids (fixture->db, &query, &error);

        g_assert_no_error (error);
        dg_filters_assert_ids_equal (got, expected, &query);
      }

  /* The cold ones were read, not the others. */
  {
    g_autoptr(GPtrArray) statements = dg_test_trace_end (fixture->db);
    gboolean cold_read = FALSE;

    for (guint i = 0; i < statements->len; i++)
      cold_read |= strstr (g_ptr_array_index (statements, i), "created_at) < ?") != NULL;
    g_assert_true (cold_read);
  }

  dg_filters_known_free_all (known);
}

/* Each filter is read through an index, and so are the sources the menu
 * offers. */
static void
test_index_bound (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (DG_CLOCK (fixture->clock));
  DgCustomerQuery query = { .tag = "VIP", .source = "blog", .no_contact_days = 30, .now = now };
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GArray) ids = NULL;
  g_auto(GStrv) sources = NULL;
  g_autoptr(GError) error = NULL;
  guint n_filters = 0;

  dg_test_trace_begin (fixture->db);
  ids = dg_customers_search_ids (fixture->db, &query, &error);
  g_assert_no_error (error);
  sources = dg_customers_list_sources (fixture->db, &error);
  g_assert_no_error (error);
  statements = dg_test_trace_end (fixture->db);

  for (guint i = 0; i < statements->len; i++)
    {
      const char *sql = g_ptr_array_index (statements, i);

      if (strstr (sql, "customer_tags") != NULL || strstr (sql, "source") != NULL ||
          strstr (sql, "coalesce (last_contact_at") != NULL)
        {
          dg_test_assert_index_bound (fixture->db, sql);
          n_filters++;
        }
    }

  /* The tag's, the source's, the days' and the menu's. */
  g_assert_cmpuint (n_filters, ==, 4);
}

/* The sources a filter can offer: each once whatever its case, sorted,
 * none empty. */
static void
test_list_sources (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(GStrv) sources = NULL;
  g_autoptr(GError) error = NULL;

  sources = dg_customers_list_sources (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (sources), ==, 3);
  g_assert_cmpstr (sources[0], ==, "Blog");
  g_assert_cmpstr (sources[1], ==, "Instagram");
  g_assert_cmpstr (sources[2], ==, "친구 소개");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/search-filters/match-reference", Fixture, NULL,
              dg_filters_fixture_set_up, test_filters_match_reference, dg_filters_fixture_tear_down);
  g_test_add ("/search-filters/no-contact-is-going-cold", Fixture, NULL,
              dg_filters_fixture_set_up, test_no_contact_is_going_cold, dg_filters_fixture_tear_down);
  g_test_add ("/search-filters/list", Fixture, NULL,
              dg_filters_fixture_set_up, test_list_filters, dg_filters_fixture_tear_down);
  g_test_add ("/search-filters/async", Fixture, NULL,
              dg_filters_fixture_set_up, test_async_filters, dg_filters_fixture_tear_down);
  g_test_add ("/search-filters/mostly-warm", Fixture, NULL,
              dg_filters_fixture_set_up, test_mostly_warm, dg_filters_fixture_tear_down);
  g_test_add ("/search-filters/index-bound", Fixture, NULL,
              dg_filters_fixture_set_up, test_index_bound, dg_filters_fixture_tear_down);
  g_test_add ("/search-filters/sources", Fixture, NULL,
              dg_filters_fixture_set_up, test_list_sources, dg_filters_fixture_tear_down);

  return g_test_run ();
}
