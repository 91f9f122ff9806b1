/* test-import-survey.c
 *
 * A survey sheet imported as feedback: rows matched to customers by phone
 * or e-mail become contacts with the answers as their summary and the
 * feeling column read as feedback; unmatched rows are listed and may be
 * added; the journey's feeling follows; one Undo takes it all back; the
 * same survey imported twice logs nothing the second time.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include "dg-test-util.h"

typedef struct
{
  DgDatabase  *db;
  DgFakeClock *clock;
  gint64       kim;
  gint64       lee;
  gint64       stage;
} Fixture;

/* A Google Forms survey in Korean: Kim is known by phone, Lee by e-mail
 * (in other case), Choi by no one, and one row gives neither. */
static const char survey_ko[] =
  "타임스탬프,성함,연락처,이메일,수업은 어떠셨나요?,좋았던 점,아쉬운 점\r\n"
  "2026. 12. 1 오후 3:04:05,김민수,010-1234-5678,,매우 만족,강의 자료,\r\n"
  "2026. 12. 1 오후 3:10:00,이영희,,LEE@example.com,아쉬웠어요,,시간이 짧음\r\n"
  "2026. 12. 1 오후 3:12:00,최유진,010-9999-0000,,보통,,\r\n"
  "2026. 12. 1 오후 3:20:00,무명,,,만족,,\r\n";

/* The same in English: Kim is known by e-mail; Jane and Sam are new. */
static const char survey_en[] =
  "Timestamp,Email Address,Your name,Phone number,How satisfied were you overall?,What did you like?,Any suggestions?\r\n"
  "12/1/2026 15:04:05,kim@example.com,Min Kim,,Very satisfied,The slides,\r\n"
  "12/1/2026 15:30:00,jane@example.com,Jane Doe,010-3333-4444,Dissatisfied,,Too short\r\n"
  "12/1/2026 16:00:00,sam@example.com,Sam Lee,,It was fine,,\r\n";

static void
enroll (Fixture *fixture,
        gint64   customer)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (dg_enrollments_enroll (fixture->db, DG_CLOCK (fixture->clock), customer, fixture->stage, 0, &id,
                                        &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DgJourney) journey = dg_journey_new ("Lecture");
  g_autoptr(DgStage) stage = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GError) error = NULL;

  fixture->db = dg_test_open_database ();
  /* Kim and Lee are in the stage "attended" since before the survey. */
  fixture->clock = dg_test_fake_clock ("Asia/Seoul", 2026, 11, 30, 10, 0);
  fixture->kim = dg_test_store_customer (fixture->db, "김민수", "01012345678", "kim@example.com", NULL);
  fixture->lee = dg_test_store_customer (fixture->db, "이영희", "", "lee@example.com", NULL);

  g_assert_true (dg_journeys_insert (fixture->db, journey, &error));
  g_assert_no_error (error);
  stage = dg_stage_new (journey->id, "attended");
  g_assert_true (dg_stages_insert (fixture->db, stage, &error));
  g_assert_no_error (error);
  fixture->stage = stage->id;
  enroll (fixture, fixture->kim);
  enroll (fixture, fixture->lee);

  tz = g_time_zone_new_identifier ("Asia/Seoul");
  now = dg_test_local_time (tz, 2026, 12, 7, 10, 0);
  dg_fake_clock_set_now (fixture->clock, now);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  g_clear_object (&fixture->clock);
}

static DgCsvImport *
load_and_preview (Fixture    *fixture,
                  const char *text)
{
  g_autofree char *path = dg_test_temp_path ("survey.csv");
  g_autoptr(DgCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  import = dg_csv_import_new (path);
  dg_csv_import_set_survey (import, DG_CLOCK (fixture->clock));
  g_assert_true (dg_csv_import_load (import, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (dg_csv_import_preview (import, fixture->db, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&import);
}

static DgBulkUndo *
apply (Fixture         *fixture,
       DgCsvImport     *import,
       DgImportSummary *summary)
{
  g_autoptr(GError) error = NULL;
  DgBulkUndo *undo = dg_csv_import_apply (import, fixture->db, DG_CLOCK (fixture->clock), NULL, summary, &error);

  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_cmpint (dg_bulk_undo_get_action (undo), ==, DG_BULK_ACTION_IMPORT);

  return undo;
}

static GPtrArray *
contacts_of (Fixture *fixture,
             gint64   customer)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = dg_interactions_list_for_customer (fixture->db, customer, 0, &error);

  g_assert_no_error (error);

  return list;
}

static gint64
count_customers (Fixture *fixture)
{
  DgCustomerQuery query = { .archived = DG_ARCHIVED_INCLUDE };

  return dg_customers_count (fixture->db, &query, NULL);
}

static void
test_guess_feedback (void)
{
  static const struct
  {
    const char            *answer;
    DgInteractionFeedback  feedback;
  } cases[] = {
    { "매우 만족", DG_INTERACTION_FEEDBACK_POSITIVE },
    { "만족", DG_INTERACTION_FEEDBACK_POSITIVE },
    { "좋았어요", DG_INTERACTION_FEEDBACK_POSITIVE },
    { "5점", DG_INTERACTION_FEEDBACK_POSITIVE },
    { "4점", DG_INTERACTION_FEEDBACK_POSITIVE },
    { "4", DG_INTERACTION_FEEDBACK_POSITIVE },
    { "보통", DG_INTERACTION_FEEDBACK_NEUTRAL },
    { "3점", DG_INTERACTION_FEEDBACK_NEUTRAL },
    { "불만족", DG_INTERACTION_FEEDBACK_NEGATIVE },
    { "매우 불만족", DG_INTERACTION_FEEDBACK_NEGATIVE },
    { "아쉬웠어요", DG_INTERACTION_FEEDBACK_NEGATIVE },
    { "2점", DG_INTERACTION_FEEDBACK_NEGATIVE },
    { "1", DG_INTERACTION_FEEDBACK_NEGATIVE },
    { "Very satisfied", DG_INTERACTION_FEEDBACK_POSITIVE },
    { "Good", DG_INTERACTION_FEEDBACK_POSITIVE },
    { "Neutral", DG_INTERACTION_FEEDBACK_NEUTRAL },
    { "OK", DG_INTERACTION_FEEDBACK_NEUTRAL },
    { "Dissatisfied", DG_INTERACTION_FEEDBACK_NEGATIVE },
    { "Not good", DG_INTERACTION_FEEDBACK_NEGATIVE },
    { "Poor", DG_INTERACTION_FEEDBACK_NEGATIVE },
    { "It was fine", DG_INTERACTION_FEEDBACK_NONE },
    { "12", DG_INTERACTION_FEEDBACK_NONE },
    { "", DG_INTERACTION_FEEDBACK_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].answer);
      g_assert_cmpint (dg_import_guess_feedback (cases[i].answer), ==, cases[i].feedback);
    }
}

static void
test_korean (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(DgCsvImport) import = load_and_preview (fixture, survey_ko);
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GPtrArray) kim = NULL;
  g_autoptr(GPtrArray) lee = NULL;
  g_autoptr(GDateTime) expected = NULL;
  g_autofree char *before = dg_test_dump_database (fixture->db);
  const DgImportSummary *preview;
  DgImportSummary summary;
  GPtrArray *values;
  DgInteraction *contact;
  gint64 n_customers = count_customers (fixture);

  g_assert_cmpint (dg_csv_import_get_column_target (import, 0), ==, DG_IMPORT_TARGET_TIMESTAMP);
  g_assert_cmpint (dg_csv_import_get_column_target (import, 2), ==, DG_IMPORT_TARGET_PHONE);
  g_assert_cmpint (dg_csv_import_get_column_target (import, 3), ==, DG_IMPORT_TARGET_EMAIL);
  g_assert_cmpint (dg_csv_import_get_column_target (import, 4), ==, DG_IMPORT_TARGET_FEEDBACK);
  g_assert_cmpint (dg_csv_import_get_column_target (import, 5), ==, DG_IMPORT_TARGET_ANSWER);
  g_assert_cmpint (dg_csv_import_get_column_target (import, 6), ==, DG_IMPORT_TARGET_ANSWER);

  preview = dg_csv_import_get_summary (import);
  g_assert_cmpuint (preview->n_logged, ==, 2);
  g_assert_cmpuint (preview->n_unmatched, ==, 1);
  g_assert_cmpuint (preview->n_refused, ==, 1);
  g_assert_cmpuint (dg_csv_import_get_n_rows (import), ==, 4);
  g_assert_cmpint (dg_csv_import_get_row (import, 0)->match_customer_id, ==, fixture->kim);
  g_assert_cmpint (dg_csv_import_get_row (import, 1)->match_customer_id, ==, fixture->lee);
  g_assert_cmpint (dg_csv_import_get_row (import, 2)->kind, ==, DG_IMPORT_ROW_NEW);
  g_assert_cmpuint (dg_csv_import_get_unmatched (import)->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (dg_csv_import_get_unmatched (import), 0), ==,
                   "Row 4: 최유진: no customer has this phone number or email address");
  g_assert_cmpstr (g_ptr_array_index (dg_csv_import_get_problems (import), 0), ==,
                   "Row 5: it has neither a phone number nor an email address to find the customer by");

  values = dg_csv_import_get_feedback_values (import);
  g_assert_cmpuint (values->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (values, 1), ==, "아쉬웠어요");
  g_assert_cmpint (dg_csv_import_get_feedback_for_value (import, "매우 만족"), ==, DG_INTERACTION_FEEDBACK_POSITIVE);
  g_assert_cmpint (dg_csv_import_get_feedback_for_value (import, "보통"), ==, DG_INTERACTION_FEEDBACK_NEUTRAL);

  /* Nothing is written before the apply. */
  {
    g_autofree char *still = dg_test_dump_database (fixture->db);

    g_assert_cmpstr (still, ==, before);
  }

  undo = apply (fixture, import, &summary);
  g_assert_cmpuint (summary.n_logged, ==, 2);
  g_assert_cmpuint (summary.n_unmatched, ==, 1);
  g_assert_cmpuint (summary.n_added, ==, 0);
  g_assert_cmpuint (dg_bulk_undo_get_n_changed (undo), ==, 2);
  g_assert_cmpint (count_customers (fixture), ==, n_customers);

  kim = contacts_of (fixture, fixture->kim);
  g_assert_cmpuint (kim->len, ==, 1);
  contact = g_ptr_array_index (kim, 0);
  g_assert_cmpint (dg_interaction_get_channel (contact), ==, DG_INTERACTION_CHANNEL_OTHER);
  g_assert_cmpint (dg_interaction_get_feedback (contact), ==, DG_INTERACTION_FEEDBACK_POSITIVE);
  g_assert_cmpstr (dg_interaction_get_summary (contact), ==, "수업은 어떠셨나요?: 매우 만족\n좋았던 점: 강의 자료");
  {
    g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Seoul");

    expected = dg_test_local_time (tz, 2026, 12, 1, 15, 4);
  }
  {
    g_autoptr(GDateTime) at_second = g_date_time_add_seconds (expected, 5);

    g_assert_true (g_date_time_equal (dg_interaction_get_occurred_at (contact), at_second));
  }

  lee = contacts_of (fixture, fixture->lee);
  g_assert_cmpuint (lee->len, ==, 1);
  contact = g_ptr_array_index (lee, 0);
  g_assert_cmpint (dg_interaction_get_feedback (contact), ==, DG_INTERACTION_FEEDBACK_NEGATIVE);
  g_assert_cmpstr (dg_interaction_get_summary (contact), ==, "수업은 어떠셨나요?: 아쉬웠어요\n아쉬운 점: 시간이 짧음");

  {
    g_autoptr(GError) error = NULL;

    dg_test_assert_undo_restores (undo, fixture->db, before);
  }
}

static void
test_english_adds_unmatched (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(DgCsvImport) import = load_and_preview (fixture, survey_en);
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GPtrArray) kim = NULL;
  g_autofree char *before = dg_test_dump_database (fixture->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(DgCustomer) sam = NULL;
  g_autoptr(GPtrArray) sam_contacts = NULL;
  DgImportSummary summary;
  gint64 n_customers = count_customers (fixture);
  gint64 sam_id;

  g_assert_cmpint (dg_csv_import_get_column_target (import, 1), ==, DG_IMPORT_TARGET_EMAIL);
  g_assert_cmpint (dg_csv_import_get_column_target (import, 2), ==, DG_IMPORT_TARGET_NAME);
  g_assert_cmpint (dg_csv_import_get_column_target (import, 4), ==, DG_IMPORT_TARGET_FEEDBACK);
  g_assert_cmpint (dg_csv_import_get_column_target (import, 5), ==, DG_IMPORT_TARGET_ANSWER);
  g_assert_cmpuint (dg_csv_import_get_summary (import)->n_logged, ==, 1);
  g_assert_cmpuint (dg_csv_import_get_summary (import)->n_unmatched, ==, 2);
  g_assert_cmpuint (dg_csv_import_get_unmatched (import)->len, ==, 2);

  /* "It was fine" says nothing the guess knows; the caller reads it. */
  g_assert_cmpint (dg_csv_import_get_feedback_for_value (import, "It was fine"), ==, DG_INTERACTION_FEEDBACK_NONE);
  dg_csv_import_set_feedback_for_value (import, "It was fine", DG_INTERACTION_FEEDBACK_NEUTRAL);
  g_assert_cmpint (dg_csv_import_get_feedback_for_value (import, "It was fine"), ==, DG_INTERACTION_FEEDBACK_NEUTRAL);
  dg_csv_import_set_add_unmatched (import, TRUE);

  undo = apply (fixture, import, &summary);
  g_assert_cmpuint (summary.n_logged, ==, 3);
  g_assert_cmpuint (summary.n_added, ==, 2);
  g_assert_cmpuint (summary.n_unmatched, ==, 0);
  g_assert_cmpuint (dg_bulk_undo_get_n_changed (undo), ==, 5);
  g_assert_cmpint (count_customers (fixture), ==, n_customers + 2);

  kim = contacts_of (fixture, fixture->kim);
  g_assert_cmpuint (kim->len, ==, 1);
  g_assert_cmpstr (dg_interaction_get_summary (g_ptr_array_index (kim, 0)), ==,
                   "How satisfied were you overall?: Very satisfied\nWhat did you like?: The slides");
  g_assert_cmpint (dg_interaction_get_feedback (g_ptr_array_index (kim, 0)), ==, DG_INTERACTION_FEEDBACK_POSITIVE);

  sam_id = dg_import_find_match (fixture->db, NULL, NULL, "sam@example.com", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sam_id, >, 0);
  sam = dg_customers_get (fixture->db, sam_id, &error);
  g_assert_cmpstr (dg_customer_get_name (sam), ==, "Sam Lee");
  sam_contacts = contacts_of (fixture, sam_id);
  g_assert_cmpuint (sam_contacts->len, ==, 1);
  g_assert_cmpint (dg_interaction_get_feedback (g_ptr_array_index (sam_contacts, 0)), ==,
                   DG_INTERACTION_FEEDBACK_NEUTRAL);

  /* Undo takes the contacts and the customers added. */
  dg_test_assert_undo_restores (undo, fixture->db, before);
}

static void
test_twice_logs_nothing (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(DgCsvImport) first = load_and_preview (fixture, survey_en);
  g_autoptr(DgCsvImport) second = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(DgBulkUndo) undo_again = NULL;
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;
  DgImportSummary summary;

  dg_csv_import_set_add_unmatched (first, TRUE);
  undo = apply (fixture, first, NULL);
  once = dg_test_dump_database (fixture->db);

  /* A week later, the same file again. */
  dg_fake_clock_advance (fixture->clock, 7 * G_TIME_SPAN_DAY);
  second = load_and_preview (fixture, survey_en);
  g_assert_cmpuint (dg_csv_import_get_summary (second)->n_logged, ==, 0);
  g_assert_cmpuint (dg_csv_import_get_summary (second)->n_already_logged, ==, 3);
  g_assert_cmpuint (dg_csv_import_get_summary (second)->n_unmatched, ==, 0);
  g_assert_false (dg_csv_import_get_row (second, 0)->fills);
  dg_csv_import_set_add_unmatched (second, TRUE);

  undo_again = apply (fixture, second, &summary);
  g_assert_cmpuint (summary.n_logged, ==, 0);
  g_assert_cmpuint (summary.n_already_logged, ==, 3);
  g_assert_cmpuint (summary.n_added, ==, 0);
  g_assert_cmpuint (dg_bulk_undo_get_n_changed (undo_again), ==, 0);
  twice = dg_test_dump_database (fixture->db);
  g_assert_cmpstr (twice, ==, once);
}

static void
test_journey_feeling (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(DgCsvImport) import = load_and_preview (fixture, survey_ko);
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GError) error = NULL;
  gint64 journey;
  DgStageFigures *stage;

  {
    g_autoptr(DgStage) row = dg_stages_get (fixture->db, fixture->stage, &error);

    g_assert_no_error (error);
    journey = row->journey_id;
  }

  figures = dg_journey_analytics (fixture->db, DG_CLOCK (fixture->clock), journey, 0, &error);
  g_assert_no_error (error);
  stage = g_ptr_array_index (figures, 0);
  g_assert_cmpuint (stage->n_positive + stage->n_neutral + stage->n_negative, ==, 0);
  g_clear_pointer (&figures, g_ptr_array_unref);

  /* Kim's "매우 만족" is the one feeling of the stage. */
  dg_csv_import_set_feedback_for_value (import, "아쉬웠어요", DG_INTERACTION_FEEDBACK_NONE);
  undo = apply (fixture, import, NULL);
  figures = dg_journey_analytics (fixture->db, DG_CLOCK (fixture->clock), journey, 0, &error);
  g_assert_no_error (error);
  stage = g_ptr_array_index (figures, 0);
  g_assert_cmpuint (stage->n_positive, ==, 1);
  g_assert_cmpuint (stage->n_negative, ==, 0);
  g_assert_cmpfloat (dg_stage_figures_get_feeling (stage), ==, 1.0);
  g_clear_pointer (&figures, g_ptr_array_unref);

  g_assert_true (dg_bulk_undo_apply (undo, &error));
  g_assert_no_error (error);
  g_clear_object (&undo);

  /* Read as it is guessed, Lee's "아쉬웠어요" weighs as much. */
  dg_csv_import_set_feedback_for_value (import, "아쉬웠어요", DG_INTERACTION_FEEDBACK_NEGATIVE);
  undo = apply (fixture, import, NULL);
  figures = dg_journey_analytics (fixture->db, DG_CLOCK (fixture->clock), journey, 0, &error);
  g_assert_no_error (error);
  stage = g_ptr_array_index (figures, 0);
  g_assert_cmpuint (stage->n_positive, ==, 1);
  g_assert_cmpuint (stage->n_negative, ==, 1);
  g_assert_cmpfloat (dg_stage_figures_get_feeling (stage), ==, 0.0);
}

static DgFollowup *
get_followup (Fixture *fixture,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  DgFollowup *followup = dg_followups_get (fixture->db, id, &error);

  g_assert_no_error (error);

  return followup;
}

static void
test_undo_keep_in_touch (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(DgFollowup) touch = dg_followup_new ();
  g_autoptr(DgFollowup) moved = NULL;
  g_autoptr(DgFollowup) back = NULL;
  g_autoptr(DgCsvImport) import = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *due_before = NULL;

  dg_followup_set_customer_id (touch, fixture->kim);
  dg_followup_set_title (touch, "안부 전화");
  dg_followup_set_due_date (touch, "2026-12-20");
  dg_followup_set_recurrence (touch, DG_RECURRENCE_MONTHS);
  dg_followup_set_recurrence_interval (touch, 1);
  dg_followup_set_keep_in_touch (touch, TRUE);
  g_assert_true (dg_followups_insert (fixture->db, DG_CLOCK (fixture->clock), touch, &error));
  g_assert_no_error (error);
  due_before = g_strdup (dg_followup_get_due_date (touch));
  before = dg_test_dump_database (fixture->db);

  /* Kim's contact on 12-01 moves the keep-in-touch follow-up; Undo puts
   * it back with the rest. */
  import = load_and_preview (fixture, survey_ko);
  undo = apply (fixture, import, NULL);
  moved = get_followup (fixture, dg_followup_get_id (touch));
  g_assert_cmpstr (dg_followup_get_due_date (moved), !=, due_before);

  g_assert_true (dg_bulk_undo_apply (undo, &error));
  g_assert_no_error (error);
  back = get_followup (fixture, dg_followup_get_id (touch));
  g_assert_cmpstr (dg_followup_get_due_date (back), ==, due_before);
  undone = dg_test_dump_database (fixture->db);
  g_assert_cmpstr (undone, ==, before);
}

static void
test_needs_phone_or_email (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = dg_test_temp_path ("survey.csv");
  g_autoptr(DgCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "성함,만족도\r\n김민수,만족\r\n", -1, NULL));
  import = dg_csv_import_new (path);
  dg_csv_import_set_survey (import, DG_CLOCK (fixture->clock));
  g_assert_true (dg_csv_import_load (import, NULL, &error));
  g_assert_cmpint (dg_csv_import_get_column_target (import, 1), ==, DG_IMPORT_TARGET_FEEDBACK);
  g_assert_false (dg_csv_import_preview (import, fixture->db, NULL, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_IMPORT);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Seoul", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-survey/guess-feedback", test_guess_feedback);
#define ADD(path, func) \
  g_test_add ("/import-survey/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("korean", test_korean);
  ADD ("english-adds-unmatched", test_english_adds_unmatched);
  ADD ("twice-logs-nothing", test_twice_logs_nothing);
  ADD ("journey-feeling", test_journey_feeling);
  ADD ("undo-keep-in-touch", test_undo_keep_in_touch);
  ADD ("needs-phone-or-email", test_needs_phone_or_email);
#undef ADD

  return g_test_run ();
}
