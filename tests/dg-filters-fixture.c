/* dg-filters-fixture.c */
#include "config.h"

#include <string.h>

#include "dg-filters-fixture.h"
#include "dg-search-reference.h"
#include "dg-test-util.h"

static const char * const family_names[] = { "김", "이", "박", "최", "Kim", "Lee" };
static const char * const given_names[] = { "민수", "서연", "지훈", "하은", "Minsu", "Jane", "민지" };
static const char * const tag_pool[] = { "VIP", "봄 강의", "가을 세미나", "재방문", "vip 후보" };
static const char * const source_pool[] = { "Blog", "blog", "친구 소개", "Instagram", "" };

static void
known_clear (gpointer data)
{
  Known *known = data;

  g_strfreev (known->tags);
  g_free (known->source);
  g_clear_pointer (&known->contact_age_from, g_date_time_unref);
  g_clear_pointer (&known->enrollments, g_ptr_array_unref);
}

static void
log_contact (DgFiltersFixture *fixture,
             gint64            customer_id,
             GDateTime        *when)
{
  g_autoptr(DgInteraction) interaction = dg_interaction_new ();
  g_autoptr(GError) error = NULL;

  dg_interaction_set_customer_id (interaction, customer_id);
  dg_interaction_set_occurred_at (interaction, when);
  dg_interaction_set_channel (interaction, DG_INTERACTION_CHANNEL_CALL);
  g_assert_true (dg_interactions_insert (fixture->db, DG_CLOCK (fixture->clock), interaction, &error));
  g_assert_no_error (error);
}

static gint64
add_journey (DgFiltersFixture *fixture,
             const char       *name)
{
  g_autoptr(DgJourney) journey = dg_journey_new (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_journeys_insert (fixture->db, journey, &error));
  g_assert_no_error (error);

  return journey->id;
}

static gint64
add_stage (DgFiltersFixture *fixture,
           gint64            journey_id,
           const char       *name)
{
  g_autoptr(DgStage) stage = dg_stage_new (journey_id, name);
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_stages_insert (fixture->db, stage, &error));
  g_assert_no_error (error);

  return stage->id;
}

static gint64
add_cohort (DgFiltersFixture *fixture,
            gint64            journey_id,
            const char       *name,
            const char       *date)
{
  g_autoptr(DgCohort) cohort = dg_cohort_new (journey_id, name, date);
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_cohorts_insert (fixture->db, cohort, &error));
  g_assert_no_error (error);

  return cohort->id;
}

static gint64
enroll (DgFiltersFixture *fixture,
        gint64            customer_id,
        gint64            stage_id,
        gint64            cohort_id)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (dg_enrollments_enroll (fixture->db, DG_CLOCK (fixture->clock), customer_id,
                                        stage_id, cohort_id, &id, &error));
  g_assert_no_error (error);

  return id;
}

static void
check_undo (DgBulkUndo *undo,
            GError     *error)
{
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_object_unref (undo);
}

/* Ends enrollment @id: completed, or dropped for a reason. */
void
dg_filters_end_enrollment (DgFiltersFixture *fixture,
                           gint64            id,
                           gboolean          dropped)
{
  g_autoptr(GError) error = NULL;
  DgBulkUndo *undo;

  if (dropped)
    undo = dg_enrollments_drop (fixture->db, DG_CLOCK (fixture->clock), &id, 1, "Too far", &error);
  else
    undo = dg_enrollments_complete (fixture->db, DG_CLOCK (fixture->clock), &id, 1, &error);
  check_undo (undo, error);
}

void
dg_filters_move_enrollment (DgFiltersFixture *fixture,
                            gint64            id,
                            gint64            stage_id)
{
  g_autoptr(GError) error = NULL;
  DgBulkUndo *undo;

  undo = dg_enrollments_move (fixture->db, DG_CLOCK (fixture->clock), &id, 1, stage_id, &error);
  check_undo (undo, error);
}

/* Two journeys: a lecture of four stages and two cohorts, a coaching of
 * two stages. Most customers walk the lecture, some moved on, some
 * finished or dropped out, some came back after dropping out (ended
 * enrollments beside an active one), a few dropped out twice; some are in
 * the coaching too. */
static void
enroll_customers (DgFiltersFixture *fixture,
                  GRand            *rand,
                  gint64            customer_id)
{
  gint64 id;
  gint64 cohort;
  int fate;

  if (g_rand_int_range (rand, 0, 3) == 0)
    enroll (fixture, customer_id,
            fixture->coaching_stages[g_rand_int_range (rand, 0, N_COACHING_STAGES)], 0);

  if (g_rand_int_range (rand, 0, 5) == 0)
    return;

  cohort = g_rand_int_range (rand, 0, N_COHORTS + 1);
  cohort = cohort < N_COHORTS ? fixture->cohorts[cohort] : 0;
  id = enroll (fixture, customer_id,
               fixture->lecture_stages[g_rand_int_range (rand, 0, N_LECTURE_STAGES)], cohort);
  if (g_rand_int_range (rand, 0, 3) == 0)
    dg_filters_move_enrollment (fixture, id, fixture->lecture_stages[g_rand_int_range (rand, 0, N_LECTURE_STAGES)]);

  fate = g_rand_int_range (rand, 0, 8);
  if (fate >= 4)
    return;

  /* 0, 1: dropped out (1: then came back); 2: finished; 3: dropped out
   * twice. */
  dg_filters_end_enrollment (fixture, id, fate != 2);
  if (fate == 1 || fate == 3)
    {
      id = enroll (fixture, customer_id,
                   fixture->lecture_stages[g_rand_int_range (rand, 0, N_LECTURE_STAGES)], cohort);
      if (fate == 3)
        dg_filters_end_enrollment (fixture, id, TRUE);
    }
}

/* N_CUSTOMERS customers of made-up names, tags, sources, creation days
 * and contacts, the same on every run. */
static void
fill_database (DgFiltersFixture *fixture)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
  g_autoptr(GRand) journey_rand = g_rand_new_with_seed (1215);
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (DG_CLOCK (fixture->clock));
  g_autoptr(GError) error = NULL;
  static const char * const lecture_stages[N_LECTURE_STAGES] = { "공지", "신청", "강의", "설문" };

  fixture->lecture = add_journey (fixture, "공개강의");
  for (guint i = 0; i < N_LECTURE_STAGES; i++)
    fixture->lecture_stages[i] = add_stage (fixture, fixture->lecture, lecture_stages[i]);
  fixture->cohorts[0] = add_cohort (fixture, fixture->lecture, "공개강의 12/15", "2026-12-15");
  fixture->cohorts[1] = add_cohort (fixture, fixture->lecture, "1월", NULL);
  fixture->coaching = add_journey (fixture, "Coaching");
  fixture->coaching_stages[0] = add_stage (fixture, fixture->coaching, "Intro");
  fixture->coaching_stages[1] = add_stage (fixture, fixture->coaching, "Sessions");

  for (guint i = 0; i < N_CUSTOMERS; i++)
    {
      g_autoptr(DgCustomer) customer = dg_customer_new ();
      g_autoptr(GDateTime) created = NULL;
      g_autoptr(GPtrArray) tags = g_ptr_array_new ();
      g_autofree char *name = NULL;
      g_autofree char *phone = NULL;
      guint n_contacts;

      name = g_strdup_printf ("%s%s%s",
                              family_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (family_names))],
                              i % 3 == 0 ? " " : "",
                              given_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (given_names))]);
      phone = g_strdup_printf ("010-%04u-%04u", g_rand_int_range (rand, 0, 10000), i);
      dg_customer_set_name (customer, name);
      dg_customer_set_phone (customer, phone);
      dg_customer_set_source (customer, source_pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (source_pool))]);
      for (guint t = 0; t < G_N_ELEMENTS (tag_pool); t++)
        if (g_rand_int_range (rand, 0, 3) == 0)
          g_ptr_array_add (tags, (gpointer) tag_pool[t]);
      g_ptr_array_add (tags, NULL);
      dg_customer_set_tags (customer, (const char * const *) tags->pdata);
      /* Added up to 200 days ago; some on the very day a cutoff falls. */
      created = g_date_time_add_seconds (now, -(gdouble) (i % 17 == 0 ? 30 * 86400 : g_rand_int_range (rand, 0, 200 * 86400)));
      dg_customer_set_created_at (customer, created);
      g_assert_true (dg_customers_insert (fixture->db, customer, &error));
      g_assert_no_error (error);

      n_contacts = g_rand_int_range (rand, 0, 3);
      for (guint c = 0; c < n_contacts; c++)
        {
          g_autoptr(GDateTime) when = g_date_time_add_seconds (now, -(gdouble) g_rand_int_range (rand, 0, 150 * 86400));

          log_contact (fixture, dg_customer_get_id (customer), when);
        }

      if (i % 11 == 0)
        {
          g_assert_true (dg_customers_set_archived (fixture->db, dg_customer_get_id (customer), TRUE, &error));
          g_assert_no_error (error);
        }

      enroll_customers (fixture, journey_rand, dg_customer_get_id (customer));
    }
}

/* Every customer, as the reference sees them, by id. */
GHashTable *
dg_filters_read_known (DgFiltersFixture *fixture)
{
  GHashTable *known = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  DgCustomerQuery everyone = { .archived = DG_ARCHIVED_INCLUDE };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = dg_customers_search_ids (fixture->db, &everyone, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >=, N_CUSTOMERS);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(DgCustomer) customer = dg_customers_get (fixture->db, id, &error);
      g_autoptr(GDateTime) last = NULL;
      Known *k = g_new0 (Known, 1);

      g_assert_no_error (error);
      last = dg_interactions_get_last_contact (fixture->db, id, &error);
      g_assert_no_error (error);

      k->id = id;
      k->tags = g_strdupv ((char **) dg_customer_get_tags (customer));
      k->source = g_strdup (dg_customer_get_source (customer));
      k->contact_age_from = last != NULL ? g_date_time_ref (last)
                                         : g_date_time_ref (dg_customer_get_created_at (customer));
      k->enrollments = dg_enrollments_list_for_customer (fixture->db, id, &error);
      g_assert_no_error (error);
      g_hash_table_insert (known, &k->id, k);
    }

  return known;
}

void
dg_filters_known_free_all (GHashTable *known)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, known);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    known_clear (value);
  g_hash_table_unref (known);
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return g_strcmp0 (fa, fb) == 0;
}

static gboolean
known_passes (const Known           *k,
              const DgCustomerQuery *query)
{
  if (query->tag != NULL)
    {
      gboolean found = FALSE;

      for (guint i = 0; k->tags[i] != NULL && !found; i++)
        found = same_text (k->tags[i], query->tag);
      if (!found)
        return FALSE;
    }

  if (query->source != NULL && !same_text (k->source, query->source))
    return FALSE;

  if (query->no_contact_days > 0)
    {
      g_autoptr(GDateTime) cutoff = g_date_time_add_days (query->now, -(gint) query->no_contact_days);

      /* Whole days of 24 hours, as "going cold" counts; a contact exactly
       * at the cutoff is within the days. */
      if (g_date_time_compare (k->contact_age_from, cutoff) >= 0)
        return FALSE;
    }

  if (query->journey_id > 0)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < k->enrollments->len && !found; i++)
        {
          const DgEnrollment *e = g_ptr_array_index (k->enrollments, i);

          found = e->journey_id == query->journey_id && e->status == query->journey_status &&
                  (query->stage_id == 0 || e->stage_id == query->stage_id) &&
                  (query->cohort_id == 0 || e->cohort_id == query->cohort_id);
        }
      if (!found)
        return FALSE;
    }

  return TRUE;
}

/* What @query should find: the plain scan of the search text, in name
 * order, keeping the customers that pass the filters as read in C. */
GArray *
dg_filters_reference_ids (DgFiltersFixture      *fixture,
                          GHashTable            *known,
                          const DgCustomerQuery *query)
{
  g_autoptr(GArray) found = dg_search_reference_ids (fixture->db, query->text, query->archived);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < found->len; i++)
    {
      gint64 id = g_array_index (found, gint64, i);
      const Known *k = g_hash_table_lookup (known, &id);

      g_assert_nonnull (k);
      if (known_passes (k, query))
        g_array_append_val (ids, id);
    }

  return ids;
}

/* Whether the first @n ids of @a and @b are the same; an empty GArray may
 * have no data, which memcmp must not see. */
gboolean
dg_filters_same_ids (GArray *a,
                     GArray *b,
                     guint   n)
{
  return n == 0 || memcmp (a->data, b->data, n * sizeof (gint64)) == 0;
}

void
dg_filters_assert_ids_equal (GArray                *got,
                             GArray                *expected,
                             const DgCustomerQuery *query)
{
  if (got->len != expected->len || !dg_filters_same_ids (got, expected, got->len))
    g_error ("text '%s' tag '%s' source '%s' days %u archived %d journey %" G_GINT64_FORMAT
             " stage %" G_GINT64_FORMAT " cohort %" G_GINT64_FORMAT " status %d: %u ids, expected %u",
             query->text ? query->text : "", query->tag ? query->tag : "",
             query->source ? query->source : "", query->no_contact_days,
             query->archived, query->journey_id, query->stage_id, query->cohort_id,
             query->journey_status, got->len, expected->len);
}

void
dg_filters_fixture_set_up (DgFiltersFixture *fixture,
                           gconstpointer     data)
{
  fixture->db = dg_test_open_database ();
  fixture->clock = dg_test_fake_clock ("Asia/Seoul", 2026, 11, 24, 10, 0);
  fill_database (fixture);
  dg_search_reference_install (fixture->db);
}

void
dg_filters_fixture_tear_down (DgFiltersFixture *fixture,
                              gconstpointer     data)
{
  g_clear_object (&fixture->db);
  g_clear_object (&fixture->clock);
}

