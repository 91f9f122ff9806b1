/* test-journey-board.c
 *
 * What the journey screens read and edit: a column of the board (its ids
 * per stage and cohort, its cards, and the list model that follows
 * moves), the message script filled for a customer, and the editing of
 * journeys, stages and cohorts (reorder, duplicate, delete).
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <string.h>

#include "dg-database-private.h"
#include "dg-followup-test-util.h"
#include "dg-journey-test-util.h"
#include "dg-test-util.h"

typedef struct
{
  DgFollowupFixture  base;
  gint64             journey;
  gint64             first, second, third;
  gint64             spring, autumn;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DgJourney) journey = dg_journey_new ("Lectures");
  g_autoptr(GError) error = NULL;

  dg_followup_fixture_set_up (&fixture->base, data);
  dg_test_set_now (&fixture->base, 2026, 4, 1, 9, 0);

  g_free (journey->description);
  journey->description = g_strdup ("Public lectures, then coaching");
  g_assert_true (dg_journeys_insert (fixture->base.db, journey, &error));
  g_assert_no_error (error);
  fixture->journey = journey->id;

  fixture->first = dg_journey_test_add_stage (fixture->journey, "Sign-up", 2,
                                              "{name}님, {cohort}({cohort_date}) 신청 감사합니다. {organization} 담당자님께도 안부를! "
                                              "다음 연락: {next_followup}. {{중괄호}} {이름} { name } {}");
  fixture->second = dg_journey_test_add_stage (fixture->journey, "Lecture", -1, "");
  fixture->third = dg_journey_test_add_stage (fixture->journey, "Survey", 5, "");
  fixture->spring = dg_journey_test_add_cohort (fixture->journey, "Spring", "2026-04-15");
  fixture->autumn = dg_journey_test_add_cohort (fixture->journey, "Autumn", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  dg_followup_fixture_tear_down (&fixture->base, data);
}

static void
assert_ids (GArray       *ids,
            const gint64 *expected,
            guint         n_expected)
{
  g_assert_nonnull (ids);
  g_assert_cmpuint (ids->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, expected[i]);
}

static void
test_stage_ids_and_cards (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) spring = NULL;
  g_autoptr(GArray) limited = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GDateTime) expected_since = NULL;
  DgEnrollmentCard *card;
  gint64 kim, lee, park, gone;
  gint64 kim_customer = dg_test_add_customer (&fixture->base, "김민수");
  gint64 ids[4];

  /* Kim entered first, in spring; Lee a day later, in autumn; Park a
   * day after that, in spring. */
  kim = dg_journey_test_enroll (kim_customer, fixture->first, fixture->spring);
  dg_test_set_now (&fixture->base, 2026, 4, 2, 9, 0);
  lee = dg_journey_test_enroll (dg_test_add_customer (&fixture->base, "이서연"), fixture->first,
                                fixture->autumn);
  dg_test_set_now (&fixture->base, 2026, 4, 3, 9, 0);
  park = dg_journey_test_enroll (dg_test_add_customer (&fixture->base, "박지훈"), fixture->first,
                                 fixture->spring);

  /* Longest in the stage first; the cohort filter keeps its own. */
  all = dg_enrollments_stage_ids (fixture->base.db, fixture->first, 0, 0, &error);
  g_assert_no_error (error);
  assert_ids (all, (gint64[]) { kim, lee, park }, 3);
  spring = dg_enrollments_stage_ids (fixture->base.db, fixture->first, fixture->spring, 0, &error);
  assert_ids (spring, (gint64[]) { kim, park }, 2);
  limited = dg_enrollments_stage_ids (fixture->base.db, fixture->first, 0, 2, &error);
  assert_ids (limited, (gint64[]) { kim, lee }, 2);

  /* Kim's next open follow-up is the earliest; a done one does not
   * count. */
  dg_test_add_all_day (&fixture->base, "Call back", "2026-04-20");
  {
    g_autoptr(DgFollowup) timed = NULL;
    g_autoptr(DgFollowup) done = NULL;
    gint64 done_id;

    due = dg_test_at (&fixture->base, 2026, 4, 10, 14, 0);
    timed = dg_test_make_timed ("Send the slides", due);
    dg_followup_set_customer_id (timed, kim_customer);
    dg_test_insert_followup (&fixture->base, timed);
    done = dg_test_make_all_day ("Old call", "2026-04-05");
    dg_followup_set_customer_id (done, kim_customer);
    done_id = dg_test_insert_followup (&fixture->base, done);
    dg_test_complete_followup (&fixture->base, done_id, NULL);
  }

  /* Three days and a bit later: Kim (2 usual days) is stuck at 5 days. */
  dg_test_set_now (&fixture->base, 2026, 4, 6, 10, 0);
  gone = 999999;
  ids[0] = park;
  ids[1] = gone;
  ids[2] = kim;
  ids[3] = lee;
  cards = dg_enrollments_get_cards (fixture->base.db, fixture->base.base, ids, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 4);
  g_assert_null (g_ptr_array_index (cards, 1));

  card = g_ptr_array_index (cards, 2);
  g_assert_cmpint (dg_enrollment_card_get_id (card), ==, kim);
  g_assert_cmpint (dg_enrollment_card_get_customer_id (card), ==, kim_customer);
  g_assert_cmpstr (dg_enrollment_card_get_customer_name (card), ==, "김민수");
  g_assert_cmpint (dg_enrollment_card_get_stage_id (card), ==, fixture->first);
  g_assert_cmpint (dg_enrollment_card_get_cohort_id (card), ==, fixture->spring);
  g_assert_cmpstr (dg_enrollment_card_get_cohort_name (card), ==, "Spring");
  expected_since = dg_test_at (&fixture->base, 2026, 4, 1, 9, 0);
  g_assert_true (g_date_time_equal (dg_enrollment_card_get_since (card), expected_since));
  g_assert_cmpint (dg_enrollment_card_get_days_in_stage (card), ==, 5);
  g_assert_true (dg_enrollment_card_get_stuck (card));
  g_assert_cmpstr (dg_enrollment_card_get_next_followup_title (card), ==, "Send the slides");
  g_assert_true (g_date_time_equal (dg_enrollment_card_get_next_followup_due (card), due));
  g_assert_false (dg_enrollment_card_get_next_followup_all_day (card));

  /* Park: 3 days, 2 usual: stuck; no follow-up. Lee: 4 days. */
  card = g_ptr_array_index (cards, 0);
  g_assert_cmpint (dg_enrollment_card_get_days_in_stage (card), ==, 3);
  g_assert_true (dg_enrollment_card_get_stuck (card));
  g_assert_cmpint (dg_enrollment_card_get_next_followup_id (card), ==, 0);
  g_assert_cmpstr (dg_enrollment_card_get_next_followup_title (card), ==, "");
  g_assert_null (dg_enrollment_card_get_next_followup_due (card));
  card = g_ptr_array_index (cards, 3);
  g_assert_cmpint (dg_enrollment_card_get_days_in_stage (card), ==, 4);

  /* Exactly the usual days is not stuck yet. */
  dg_test_set_now (&fixture->base, 2026, 4, 5, 9, 0);
  g_clear_pointer (&cards, g_ptr_array_unref);
  cards = dg_enrollments_get_cards (fixture->base.db, fixture->base.base, &park, 1, &error);
  card = g_ptr_array_index (cards, 0);
  g_assert_cmpint (dg_enrollment_card_get_days_in_stage (card), ==, 2);
  g_assert_false (dg_enrollment_card_get_stuck (card));
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_emissions)
{
  (*n_emissions)++;
}

static void
test_stage_column (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgStageColumn) first = NULL;
  g_autoptr(DgStageColumn) second = NULL;
  g_autoptr(DgEnrollmentCard) card = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  gint64 kim = dg_journey_test_enroll (dg_test_add_customer (&fixture->base, "김민수"), fixture->first,
                                       fixture->spring);
  gint64 lee = dg_journey_test_enroll (dg_test_add_customer (&fixture->base, "이서연"), fixture->first,
                                       fixture->autumn);
  guint n_emissions = 0;

  first = dg_stage_column_new (fixture->base.db, fixture->base.base, fixture->first, 0);
  second = dg_stage_column_new (fixture->base.db, fixture->base.base, fixture->second, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (first)) == DG_TYPE_ENROLLMENT_CARD);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (first)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (second)), ==, 0);
  card = g_list_model_get_item (G_LIST_MODEL (first), 0);
  g_assert_cmpint (dg_enrollment_card_get_id (card), ==, kim);
  g_assert_cmpint (dg_enrollment_card_get_days_in_stage (card), ==, 0);

  /* A move shows in both columns. */
  g_signal_connect (second, "items-changed", G_CALLBACK (on_items_changed), &n_emissions);
  undo = dg_enrollments_move (fixture->base.db, fixture->base.base, &lee, 1, fixture->second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_emissions, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (first)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (second)), ==, 1);
  g_assert_cmpint (dg_id_list_get_id (DG_ID_LIST (second), 0), ==, lee);

  /* Undo moves it back. */
  g_assert_true (dg_bulk_undo_apply (undo, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (first)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (second)), ==, 0);

  /* The cohort filter. */
  dg_stage_column_set_cohort_id (first, fixture->autumn);
  g_assert_cmpint (dg_stage_column_get_cohort_id (first), ==, fixture->autumn);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (first)), ==, 1);
  g_assert_cmpint (dg_id_list_get_id (DG_ID_LIST (first), 0), ==, lee);

  /* A new day moves the days on the card held, without a query change. */
  dg_fake_clock_advance (fixture->base.clock, 3 * G_TIME_SPAN_DAY);
  g_assert_cmpint (dg_enrollment_card_get_days_in_stage (card), ==, 3);
  g_assert_true (dg_enrollment_card_get_stuck (card));
}

/* A column that reads only its first cards counts the rest in the
 * database, and has them all once it read the rest in a worker. */
static void
test_partial_column (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(DgStageColumn) column = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[5];

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *name = g_strdup_printf ("고객 %u", i);

      ids[i] = dg_journey_test_enroll (dg_test_add_customer (&fixture->base, name), fixture->first,
                                       i % 2 == 0 ? fixture->spring : fixture->autumn);
      dg_fake_clock_advance (fixture->base.clock, G_TIME_SPAN_MINUTE);
    }

  column = dg_stage_column_new_partial (fixture->base.db, fixture->base.base, fixture->first, 0, 2);
  g_assert_false (dg_id_list_is_complete (DG_ID_LIST (column)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (column)), ==, 2);
  g_assert_cmpint (dg_id_list_get_id (DG_ID_LIST (column), 1), ==, ids[1]);
  g_assert_cmpuint (dg_stage_column_count (column, &error), ==, 5);
  g_assert_no_error (error);

  /* Of one cohort: three in spring. */
  dg_stage_column_set_cohort_id (column, fixture->spring);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (column)), ==, 2);
  g_assert_cmpuint (dg_stage_column_count (column, &error), ==, 3);
  g_assert_no_error (error);

  dg_id_list_load_rest (DG_ID_LIST (column));
  while (!dg_id_list_is_complete (DG_ID_LIST (column)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (column)), ==, 3);
  g_assert_cmpuint (dg_stage_column_count (column, &error), ==, 3);
  g_assert_cmpint (dg_id_list_get_id (DG_ID_LIST (column), 2), ==, ids[4]);
}

static void
test_script (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) unknown = NULL;
  g_autofree char *text = NULL;
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GDateTime) due = NULL;
  gint64 id;

  /* Values filled, unknown and missing ones left as written and
   * reported once each, in order. */
  g_hash_table_insert (values, "name", "김민수");
  g_hash_table_insert (values, "stage", "");
  text = dg_stage_script_fill ("{name}님 {stage} {name} {bogus} {{name}} {cohort}{이름}, {잘못} }", values,
                               &missing, &unknown);
  g_assert_cmpstr (text, ==, "김민수님 {stage} 김민수 {bogus} {name} {cohort}{이름}, {잘못} }");
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpuint (missing->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (missing, 0), ==, "stage");
  g_assert_cmpstr (g_ptr_array_index (missing, 1), ==, "cohort");
  g_assert_cmpuint (unknown->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (unknown, 0), ==, "bogus");
  g_assert_cmpstr (g_ptr_array_index (unknown, 1), ==, "이름");
  g_assert_cmpstr (g_ptr_array_index (unknown, 2), ==, "잘못");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&missing, g_ptr_array_unref);
  g_clear_pointer (&unknown, g_ptr_array_unref);

  /* For an enrollment: its customer, cohort and next follow-up. */
  dg_customer_set_name (customer, "김민수");
  dg_customer_set_organization (customer, "단골상사");
  g_assert_true (dg_customers_insert (fixture->base.db, customer, &error));
  g_assert_no_error (error);
  id = dg_journey_test_enroll (dg_customer_get_id (customer), fixture->first, fixture->spring);
  due = dg_test_at (&fixture->base, 2026, 4, 14, 19, 30);
  {
    g_autoptr(DgFollowup) followup = dg_test_make_timed ("Remind", due);

    dg_followup_set_customer_id (followup, dg_customer_get_id (customer));
    dg_test_insert_followup (&fixture->base, followup);
  }
  text = dg_stage_script_fill_for_enrollment (fixture->base.db, fixture->base.base, id, &missing, &unknown, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==,
                   "김민수님, Spring(2026-04-15) 신청 감사합니다. 단골상사 담당자님께도 안부를! "
                   "다음 연락: 2026-04-14 19:30. {중괄호} {이름} { name } {}");
  g_assert_cmpuint (missing->len, ==, 0);
  g_assert_cmpuint (unknown->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (unknown, 0), ==, "이름");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&missing, g_ptr_array_unref);
  g_clear_pointer (&unknown, g_ptr_array_unref);

  /* Without an organization, a dated cohort or a follow-up: reported,
   * not blank. */
  id = dg_journey_test_enroll (dg_test_add_customer (&fixture->base, "이서연"), fixture->first,
                               fixture->autumn);
  text = dg_stage_script_fill_for_enrollment (fixture->base.db, fixture->base.base, id, &missing, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==,
                   "이서연님, Autumn({cohort_date}) 신청 감사합니다. {organization} 담당자님께도 안부를! "
                   "다음 연락: {next_followup}. {중괄호} {이름} { name } {}");
  g_assert_cmpuint (missing->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (missing, 0), ==, "cohort_date");
  g_assert_cmpstr (g_ptr_array_index (missing, 1), ==, "organization");
  g_assert_cmpstr (g_ptr_array_index (missing, 2), ==, "next_followup");

  g_assert_null (dg_stage_script_fill_for_enrollment (fixture->base.db, fixture->base.base, 424242, NULL, NULL,
                                                      &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
}

static char *
stage_names (Fixture *fixture,
             gint64   journey)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stages = dg_stages_list (fixture->base.db, journey, &error);
  g_autoptr(GString) names = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < stages->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? "," : "", ((DgStage *) g_ptr_array_index (stages, i))->name);

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
test_edit_journey (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgStage) stage = NULL;
  g_autoptr(DgJourney) journey = NULL;
  g_autoptr(GPtrArray) journeys = NULL;
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(DgStageRule) rule = NULL;
  g_autofree char *names = NULL;
  gint64 order[] = { fixture->third, fixture->first, fixture->second };
  gint64 wrong[] = { fixture->third, fixture->first };
  gint64 copy = 0, with_customers = 0;
  gint64 kim;

  /* Reorder; a list that is not every stage once is refused. */
  g_assert_true (dg_stages_reorder (fixture->base.db, fixture->journey, order, 3, &error));
  g_assert_no_error (error);
  names = stage_names (fixture, fixture->journey);
  g_assert_cmpstr (names, ==, "Survey,Sign-up,Lecture");
  g_assert_false (dg_stages_reorder (fixture->base.db, fixture->journey, wrong, 2, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_FAILED);
  g_clear_error (&error);

  /* The playbook is kept and cleaned up. */
  stage = dg_stages_get (fixture->base.db, fixture->second, &error);
  g_assert_no_error (error);
  g_free (stage->scenario);
  stage->scenario = g_strdup ("  강의 당일\n  자리 안내  ");
  g_free (stage->touchpoint);
  stage->touchpoint = g_strdup ("현장\n강의실");
  stage->digitisation = DG_DIGITISATION_TEMPLATE;
  g_assert_true (dg_stages_update (fixture->base.db, stage, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stage, dg_stage_free);
  stage = dg_stages_get (fixture->base.db, fixture->second, &error);
  g_assert_cmpstr (stage->scenario, ==, "강의 당일\n  자리 안내");
  g_assert_cmpstr (stage->touchpoint, ==, "현장 강의실");
  g_assert_cmpint (stage->digitisation, ==, DG_DIGITISATION_TEMPLATE);
  g_assert_cmpint (stage->usual_days, ==, -1);

  /* Empty names, bad times and days are refused. */
  g_free (stage->name);
  stage->name = g_strdup ("   ");
  g_assert_false (dg_stages_update (fixture->base.db, stage, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD);
  g_clear_error (&error);
  rule = dg_stage_rule_new (fixture->first, "Call", DG_RULE_ANCHOR_STAGE_ENTERED, 1);
  rule->time_of_day = g_strdup ("24:00");
  g_assert_false (dg_stage_rules_insert (fixture->base.db, rule, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD);
  g_clear_error (&error);
  g_free (rule->time_of_day);
  rule->time_of_day = g_strdup ("23:59");
  g_assert_true (dg_stage_rules_insert (fixture->base.db, rule, &error));
  g_assert_no_error (error);
  {
    g_autoptr(DgCohort) cohort = dg_cohort_new (fixture->journey, "Bad", "2026-02-30");

    g_assert_false (dg_cohorts_insert (fixture->base.db, cohort, &error));
    g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD);
    g_clear_error (&error);
  }

  /* Duplicate without and with customers. */
  kim = dg_journey_test_enroll (dg_test_add_customer (&fixture->base, "김민수"), fixture->second,
                                fixture->spring);
  g_assert_true (dg_journeys_duplicate (fixture->base.db, fixture->base.base, fixture->journey, FALSE, &copy,
                                        &error));
  g_assert_no_error (error);
  g_assert_true (dg_journeys_duplicate (fixture->base.db, fixture->base.base, fixture->journey, TRUE,
                                        &with_customers, &error));
  g_assert_no_error (error);

  journeys = dg_journeys_list (fixture->base.db, &error);
  g_assert_cmpuint (journeys->len, ==, 3);
  journey = dg_journey_copy (g_ptr_array_index (journeys, 1));
  g_assert_cmpint (journey->id, ==, copy);
  g_assert_cmpstr (journey->name, ==, "Lectures (copy)");
  g_assert_cmpstr (journey->description, ==, "Public lectures, then coaching");
  g_clear_pointer (&names, g_free);
  names = stage_names (fixture, copy);
  g_assert_cmpstr (names, ==, "Survey,Sign-up,Lecture");
  {
    g_autoptr(GPtrArray) copied = dg_stages_list (fixture->base.db, copy, &error);
    DgStage *lecture = g_ptr_array_index (copied, 2);
    DgStage *signup = g_ptr_array_index (copied, 1);

    g_assert_cmpstr (lecture->scenario, ==, "강의 당일\n  자리 안내");
    g_assert_cmpint (lecture->digitisation, ==, DG_DIGITISATION_TEMPLATE);
    rules = dg_stage_rules_list (fixture->base.db, signup->id, &error);
    g_assert_cmpuint (rules->len, ==, 1);
    g_assert_cmpstr (((DgStageRule *) g_ptr_array_index (rules, 0))->time_of_day, ==, "23:59");
  }
  cohorts = dg_cohorts_list (fixture->base.db, copy, TRUE, &error);
  g_assert_cmpuint (cohorts->len, ==, 2);
  g_assert_cmpstr (((DgCohort *) g_ptr_array_index (cohorts, 0))->name, ==, "Spring");

  {
    g_auto(DgStatement) stmt = dg_database_prepare (fixture->base.db,
                                                    "SELECT count (*) FROM enrollments WHERE journey_id = ?1",
                                                    NULL);

    sqlite3_bind_int64 (stmt, 1, copy);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  }
  {
    g_autoptr(GPtrArray) list = NULL;
    DgEnrollment *copied = NULL;
    g_autoptr(DgEnrollment) original = NULL;

    original = dg_enrollments_get (fixture->base.db, kim, &error);
    list = dg_enrollments_list_for_customer (fixture->base.db, original->customer_id, &error);
    g_assert_cmpuint (list->len, ==, 2);
    for (guint i = 0; i < list->len; i++)
      {
        DgEnrollment *e = g_ptr_array_index (list, i);

        if (e->journey_id == with_customers)
          copied = e;
      }
    g_assert_nonnull (copied);
    g_assert_cmpstr (copied->stage_name, ==, "Lecture");
    g_assert_cmpstr (copied->cohort_name, ==, "Spring");
    g_assert_cmpint (copied->cohort_id, !=, fixture->spring);
    g_assert_true (g_date_time_equal (copied->since, original->since));
  }

  /* Deleting a cohort keeps its customers, in no cohort. */
  g_assert_true (dg_cohorts_delete (fixture->base.db, fixture->spring, &error));
  g_assert_no_error (error);
  {
    g_autoptr(DgEnrollment) after = dg_enrollments_get (fixture->base.db, kim, &error);

    g_assert_no_error (error);
    g_assert_cmpint (after->cohort_id, ==, 0);
  }
  g_clear_pointer (&cohorts, g_ptr_array_unref);
  cohorts = dg_cohorts_list (fixture->base.db, fixture->journey, FALSE, &error);
  g_assert_cmpuint (cohorts->len, ==, 1);

  /* Archiving hides a cohort from the usual list. */
  {
    g_autoptr(DgCohort) autumn = dg_cohorts_get (fixture->base.db, fixture->autumn, &error);

    autumn->archived = TRUE;
    g_assert_true (dg_cohorts_update (fixture->base.db, autumn, &error));
    g_clear_pointer (&cohorts, g_ptr_array_unref);
    cohorts = dg_cohorts_list (fixture->base.db, fixture->journey, FALSE, &error);
    g_assert_cmpuint (cohorts->len, ==, 0);
  }

  /* Deleting a journey takes its stages, cohorts and enrollments; its
   * Undo brings all of them back as they were. */
  {
    g_autoptr(DgCustomerSnapshot) snapshot = NULL;
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    g_autoptr(DgEnrollment) enrollment = dg_enrollments_get (fixture->base.db, kim, &error);
    gint64 customer = enrollment->customer_id;

    before = dg_test_dump_database (fixture->base.db);
    snapshot = dg_journeys_take_snapshot (fixture->base.db, fixture->journey, &error);
    g_assert_no_error (error);
    g_assert_true (dg_journeys_delete (fixture->base.db, fixture->journey, &error));
    g_assert_no_error (error);
    g_assert_null (dg_enrollments_get (fixture->base.db, kim, &error));
    g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
    g_clear_error (&error);

    g_assert_true (dg_customer_snapshot_restore (fixture->base.db, snapshot, &error));
    g_assert_no_error (error);
    after = dg_test_dump_database (fixture->base.db);
    g_assert_cmpstr (before, ==, after);

    /* Not when one of its customers went meanwhile: that Undo fails and
     * writes nothing. */
    g_clear_pointer (&snapshot, dg_customer_snapshot_free);
    snapshot = dg_journeys_take_snapshot (fixture->base.db, fixture->journey, &error);
    g_assert_true (dg_journeys_delete (fixture->base.db, fixture->journey, &error));
    g_assert_true (dg_customers_delete (fixture->base.db, customer, &error));
    g_clear_pointer (&before, g_free);
    before = dg_test_dump_database (fixture->base.db);
    g_assert_false (dg_customer_snapshot_restore (fixture->base.db, snapshot, &error));
    g_assert_error (error, DG_ERROR, DG_ERROR_FAILED);
    g_assert_nonnull (strstr (error->message, "Lectures"));
    g_clear_error (&error);
    g_clear_pointer (&after, g_free);
    after = dg_test_dump_database (fixture->base.db);
    g_assert_cmpstr (before, ==, after);

    g_assert_null (dg_journeys_take_snapshot (fixture->base.db, fixture->journey, &error));
    g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
  }
}

/* A column reads its ids and cards through indexes, sorting nothing:
 * a column of thousands opens at once. */
static void
test_board_plans (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) cohort_ids = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  gint64 id = dg_journey_test_enroll (dg_test_add_customer (&fixture->base, "김민수"), fixture->first,
                                      fixture->spring);
  guint n_checked = 0;

  dg_test_trace_begin (fixture->base.db);
  ids = dg_enrollments_stage_ids (fixture->base.db, fixture->first, 0, 100, &error);
  cohort_ids = dg_enrollments_stage_ids (fixture->base.db, fixture->first, fixture->spring, 100, &error);
  cards = dg_enrollments_get_cards (fixture->base.db, fixture->base.base, &id, 1, &error);
  g_assert_no_error (error);
  statements = dg_test_trace_end (fixture->base.db);

  for (guint i = 0; i < statements->len; i++)
    {
      const char *sql = g_ptr_array_index (statements, i);

      if (strstr (sql, "FROM enrollments") != NULL)
        {
          dg_test_assert_index_bound (fixture->base.db, sql);
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, ==, 3);
}

/* The values the catalogue's rules allow are the ones the records write. */
static void
test_enum_rules (void)
{
  const DgCatalogRule *rule = dg_catalog_lookup_rule ("stages.digitisation", NULL);
  DgEnrollmentStatus status;

  g_assert_nonnull (rule);
  for (int v = DG_DIGITISATION_MANUAL; v <= DG_DIGITISATION_AUTOMATED; v++)
    g_assert_cmpstr (rule->values[v], ==, dg_digitisation_to_string (v));
  g_assert_null (rule->values[DG_DIGITISATION_AUTOMATED + 1]);

  rule = dg_catalog_lookup_rule ("stage_rules.anchor", NULL);
  g_assert_cmpstr (rule->values[DG_RULE_ANCHOR_STAGE_ENTERED], ==, "stage_entered");
  g_assert_cmpstr (rule->values[DG_RULE_ANCHOR_COHORT_DATE], ==, "cohort_date");
  g_assert_null (rule->values[DG_RULE_ANCHOR_COHORT_DATE + 1]);

  rule = dg_catalog_lookup_rule ("enrollments.status", NULL);
  for (int v = DG_ENROLLMENT_ACTIVE; v <= DG_ENROLLMENT_DROPPED; v++)
    {
      g_assert_cmpstr (rule->values[v], ==, dg_enrollment_status_to_string (v));
      g_assert_true (dg_enrollment_status_from_string (rule->values[v], &status));
      g_assert_cmpint (status, ==, v);
    }
  g_assert_false (dg_enrollment_status_from_string ("paused", &status));

  rule = dg_catalog_lookup_rule ("enrollments.one-active-per-journey", NULL);
  g_assert_cmpint (rule->kind, ==, DG_CATALOG_RULE_UNIQUE_INDEX);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/journey-board/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("stage-ids-and-cards", test_stage_ids_and_cards);
  ADD ("stage-column", test_stage_column);
  ADD ("partial-column", test_partial_column);
  ADD ("script", test_script);
  ADD ("edit-journey", test_edit_journey);
  ADD ("board-plans", test_board_plans);
  g_test_add_func ("/journey-board/enum-rules", test_enum_rules);

  return g_test_run ();
}
