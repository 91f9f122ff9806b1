/* test-search-filters.c
 *
 * The filters of the customer list (a tag, a source, no contact for some
 * days, a journey with its stage, cohort and status), alone, together and
 * with search text, against what a plain pass over every customer in C
 * finds: its tags, its source, its last contact and its enrollments read
 * one customer at a time through the customer and journey APIs.
 */
#include "config.h"

#include <string.h>

#include "dg-search-reference.h"
#include "dg-test-util.h"

#define N_CUSTOMERS 240

static const char * const family_names[] = { "김", "이", "박", "최", "Kim", "Lee" };
static const char * const given_names[] = { "민수", "서연", "지훈", "하은", "Minsu", "Jane", "민지" };
static const char * const tag_pool[] = { "VIP", "봄 강의", "가을 세미나", "재방문", "vip 후보" };
static const char * const source_pool[] = { "Blog", "blog", "친구 소개", "Instagram", "" };

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
} Fixture;

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
log_contact (Fixture   *fixture,
             gint64     customer_id,
             GDateTime *when)
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
add_journey (Fixture    *fixture,
             const char *name)
{
  g_autoptr(DgJourney) journey = dg_journey_new (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_journeys_insert (fixture->db, journey, &error));
  g_assert_no_error (error);

  return journey->id;
}

static gint64
add_stage (Fixture    *fixture,
           gint64      journey_id,
           const char *name)
{
  g_autoptr(DgStage) stage = dg_stage_new (journey_id, name);
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_stages_insert (fixture->db, stage, &error));
  g_assert_no_error (error);

  return stage->id;
}

static gint64
add_cohort (Fixture    *fixture,
            gint64      journey_id,
            const char *name,
            const char *date)
{
  g_autoptr(DgCohort) cohort = dg_cohort_new (journey_id, name, date);
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_cohorts_insert (fixture->db, cohort, &error));
  g_assert_no_error (error);

  return cohort->id;
}

static gint64
enroll (Fixture *fixture,
        gint64   customer_id,
        gint64   stage_id,
        gint64   cohort_id)
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
static void
end_enrollment (Fixture  *fixture,
                gint64    id,
                gboolean  dropped)
{
  g_autoptr(GError) error = NULL;
  DgBulkUndo *undo;

  if (dropped)
    undo = dg_enrollments_drop (fixture->db, DG_CLOCK (fixture->clock), &id, 1, "Too far", &error);
  else
    undo = dg_enrollments_complete (fixture->db, DG_CLOCK (fixture->clock), &id, 1, &error);
  check_undo (undo, error);
}

static void
move_enrollment (Fixture *fixture,
                 gint64   id,
                 gint64   stage_id)
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
enroll_customers (Fixture *fixture,
                  GRand   *rand,
                  gint64   customer_id)
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
    move_enrollment (fixture, id, fixture->lecture_stages[g_rand_int_range (rand, 0, N_LECTURE_STAGES)]);

  fate = g_rand_int_range (rand, 0, 8);
  if (fate >= 4)
    return;

  /* 0, 1: dropped out (1: then came back); 2: finished; 3: dropped out
   * twice. */
  end_enrollment (fixture, id, fate != 2);
  if (fate == 1 || fate == 3)
    {
      id = enroll (fixture, customer_id,
                   fixture->lecture_stages[g_rand_int_range (rand, 0, N_LECTURE_STAGES)], cohort);
      if (fate == 3)
        end_enrollment (fixture, id, TRUE);
    }
}

/* N_CUSTOMERS customers of made-up names, tags, sources, creation days
 * and contacts, the same on every run. */
static void
fill_database (Fixture *fixture)
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
static GHashTable *
read_known (Fixture *fixture)
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

static void
known_free_all (GHashTable *known)
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
static GArray *
reference_ids (Fixture               *fixture,
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
static gboolean
same_ids (GArray *a,
          GArray *b,
          guint   n)
{
  return n == 0 || memcmp (a->data, b->data, n * sizeof (gint64)) == 0;
}

static void
assert_ids_equal (GArray                *got,
                  GArray                *expected,
                  const DgCustomerQuery *query)
{
  if (got->len != expected->len || !same_ids (got, expected, got->len))
    g_error ("text '%s' tag '%s' source '%s' days %u archived %d journey %" G_GINT64_FORMAT
             " stage %" G_GINT64_FORMAT " cohort %" G_GINT64_FORMAT " status %d: %u ids, expected %u",
             query->text ? query->text : "", query->tag ? query->tag : "",
             query->source ? query->source : "", query->no_contact_days,
             query->archived, query->journey_id, query->stage_id, query->cohort_id,
             query->journey_status, got->len, expected->len);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = dg_test_open_database ();
  fixture->clock = dg_test_fake_clock ("Asia/Seoul", 2026, 11, 24, 10, 0);
  fill_database (fixture);
  dg_search_reference_install (fixture->db);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  g_clear_object (&fixture->clock);
}

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
  GHashTable *known = read_known (fixture);
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
              expected = reference_ids (fixture, known, &reference_query);
              got = dg_customers_search_ids (fixture->db, &query, &error);
              g_assert_no_error (error);
              assert_ids_equal (got, expected, &query);

              count = dg_customers_count (fixture->db, &query, &error);
              g_assert_no_error (error);
              g_assert_cmpint (count, ==, expected->len);

              /* A limit counts the rows that pass. */
              query.limit = 3;
              g_clear_pointer (&got, g_array_unref);
              got = dg_customers_search_ids (fixture->db, &query, &error);
              g_assert_no_error (error);
              g_assert_cmpuint (got->len, ==, MIN (3, expected->len));
              g_assert_true (same_ids (got, expected, got->len));

              if (expected->len > 0)
                n_nonempty++;
              if (expected->len > 0 && expected->len < N_CUSTOMERS / 2)
                n_partial++;
            }

  /* The data make most filters keep some customers and drop others. */
  g_assert_cmpuint (n_nonempty, >, 1000);
  g_assert_cmpuint (n_partial, >, 1000);

  known_free_all (known);
}

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
  GHashTable *known = read_known (fixture);
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

                expected = reference_ids (fixture, known, &query);
                got = dg_customers_search_ids (fixture->db, &query, &error);
                g_assert_no_error (error);
                assert_ids_equal (got, expected, &query);

                count = dg_customers_count (fixture->db, &query, &error);
                g_assert_no_error (error);
                g_assert_cmpint (count, ==, expected->len);

                query.limit = 3;
                g_clear_pointer (&got, g_array_unref);
                got = dg_customers_search_ids (fixture->db, &query, &error);
                g_assert_no_error (error);
                g_assert_cmpuint (got->len, ==, MIN (3, expected->len));
                g_assert_true (same_ids (got, expected, got->len));

                if (filter->journey_id > 0 && expected->len > 0)
                  n_nonempty++;
                if (filter->journey_id > 0 && expected->len > 0 && expected->len < N_CUSTOMERS / 4)
                  n_partial++;
              }

  g_assert_cmpuint (n_nonempty, >, 800);
  g_assert_cmpuint (n_partial, >, 800);

  known_free_all (known);
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
  move_enrollment (fixture, enrollment, survey);
  g_assert_cmpuint (n_signals, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_survey + 1);
  g_assert_cmpuint (dg_customer_list_find (list, customer), !=, G_MAXUINT);

  /* Dropped out there: gone, and found among the dropped of the survey. */
  end_enrollment (fixture, enrollment, TRUE);
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
  move_enrollment (fixture, enrollment, lecture_stage);
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
      g_assert_true (same_ids (sorted, cold_ids, sorted->len));
    }
}

/* The list runs the filters through its query, counts the days from its
 * clock each time it runs, and keeps Korean tags and sources as given. */
static void
test_list_filters (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(DgCustomerList) list = dg_customer_list_new (fixture->db);
  GHashTable *known = read_known (fixture);
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

  expected = reference_ids (fixture, known, &query);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n_items, ==, expected->len);
  g_assert_cmpuint (n_items, >, 0);
  for (guint i = 0; i < n_items; i++)
    g_assert_cmpint (dg_customer_list_get_id (list, i), ==, g_array_index (expected, gint64, i));

  /* Sixty days on, more customers have gone that long without a contact. */
  dg_fake_clock_advance (fixture->clock, 60 * G_TIME_SPAN_DAY);
  later = dg_clock_get_now_utc (DG_CLOCK (fixture->clock));
  query.now = later;
  expected_later = reference_ids (fixture, known, &query);
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

  known_free_all (known);
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
  g_assert_true (same_ids (got, expected, got->len));
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
  known = read_known (fixture);
  dg_test_trace_begin (fixture->db);

  for (guint a = 0; a < G_N_ELEMENTS (texts); a++)
    for (guint d = 0; d < G_N_ELEMENTS (days); d++)
      {
        DgCustomerQuery query = { .text = texts[a], .no_contact_days = days[d], .now = now };
        g_autoptr(GArray) expected = reference_ids (fixture, known, &query);
        g_autoptr(GArray) got = dg_customers_search_ids (fixture->db, &query, &error);

        g_assert_no_error (error);
        assert_ids_equal (got, expected, &query);
      }

  /* The cold ones were read, not the others. */
  {
    g_autoptr(GPtrArray) statements = dg_test_trace_end (fixture->db);
    gboolean cold_read = FALSE;

    for (guint i = 0; i < statements->len; i++)
      cold_read |= strstr (g_ptr_array_index (statements, i), "created_at) < ?") != NULL;
    g_assert_true (cold_read);
  }

  known_free_all (known);
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
              fixture_set_up, test_filters_match_reference, fixture_tear_down);
  g_test_add ("/search-filters/no-contact-is-going-cold", Fixture, NULL,
              fixture_set_up, test_no_contact_is_going_cold, fixture_tear_down);
  g_test_add ("/search-filters/list", Fixture, NULL,
              fixture_set_up, test_list_filters, fixture_tear_down);
  g_test_add ("/search-filters/async", Fixture, NULL,
              fixture_set_up, test_async_filters, fixture_tear_down);
  g_test_add ("/search-filters/mostly-warm", Fixture, NULL,
              fixture_set_up, test_mostly_warm, fixture_tear_down);
  g_test_add ("/search-filters/index-bound", Fixture, NULL,
              fixture_set_up, test_index_bound, fixture_tear_down);
  g_test_add ("/search-filters/sources", Fixture, NULL,
              fixture_set_up, test_list_sources, fixture_tear_down);
  g_test_add ("/search-filters/journey-match-reference", Fixture, NULL,
              fixture_set_up, test_journey_filters_match_reference, fixture_tear_down);
  g_test_add ("/search-filters/list-follows-moves", Fixture, NULL,
              fixture_set_up, test_list_follows_moves, fixture_tear_down);
  g_test_add ("/search-filters/journey-index-bound", Fixture, NULL,
              fixture_set_up, test_journey_index_bound, fixture_tear_down);

  return g_test_run ();
}
