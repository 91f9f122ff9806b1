/* test-journeys.c
 *
 * Customers walking a journey: enrolling, moving (one, many, back and
 * forth), the follow-ups the stage rules create (after entering, before
 * and after the cohort's date, none twice while open), history, completing
 * and dropping, at most one active enrollment per journey, the Undo of the
 * bulk actions, and deleting a stage that holds customers.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include "dg-database-private.h"
#include "dg-followup-test-util.h"
#include "dg-journey-test-util.h"
#include "dg-test-util.h"

typedef struct
{
  DgFollowupFixture  base;
  gint64             journey;
  /* Sign-up (usual 3 days; rules on the cohort's date), lecture, survey
   * (a rule 1 day after entering, at 10:00). */
  gint64             signup, lecture, survey;
  gint64             cohort;    /* 공개강의 4/15, dated 2026-04-15 */
  gint64             undated;   /* a cohort without a date */
  gint64             kim, lee, park;
  GHashTable        *changed;
} Fixture;

static void
on_changed (DgDatabase *db,
            const char *table,
            Fixture    *fixture)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (fixture->changed, table));

  g_assert_true (sqlite3_get_autocommit (dg_database_get_handle (db)));
  g_hash_table_insert (fixture->changed, g_strdup (table), GUINT_TO_POINTER (n + 1));
}

static guint
n_changed (Fixture    *fixture,
           const char *table)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (fixture->changed, table));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DgJourney) journey = dg_journey_new ("  공개강의  ");
  g_autoptr(GError) error = NULL;

  dg_followup_fixture_set_up (&fixture->base, data);
  dg_test_set_now (&fixture->base, 2026, 4, 1, 9, 0);

  g_assert_true (dg_journeys_insert (fixture->base.db, journey, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (journey->name, ==, "공개강의");
  fixture->journey = journey->id;

  fixture->signup = dg_journey_test_add_stage (fixture->journey, "Sign-up", 3, NULL);
  fixture->lecture = dg_journey_test_add_stage (fixture->journey, "Lecture", -1, NULL);
  fixture->survey = dg_journey_test_add_stage (fixture->journey, "Survey", 2, NULL);
  dg_journey_test_add_rule (fixture->signup, "Send the guidance text",
                            DG_RULE_ANCHOR_COHORT_DATE, -2, "10:00");
  dg_journey_test_add_rule (fixture->signup, "Thank them for coming",
                            DG_RULE_ANCHOR_COHORT_DATE, 1, NULL);
  dg_journey_test_add_rule (fixture->survey, "Ask for the survey",
                            DG_RULE_ANCHOR_STAGE_ENTERED, 1, "10:00");
  fixture->cohort = dg_journey_test_add_cohort (fixture->journey, "공개강의 4/15", "2026-04-15");
  fixture->undated = dg_journey_test_add_cohort (fixture->journey, "Waiting list", NULL);

  fixture->kim = dg_test_add_customer (&fixture->base, "김민수");
  fixture->lee = dg_test_add_customer (&fixture->base, "이서연");
  fixture->park = dg_test_add_customer (&fixture->base, "박지훈");

  fixture->changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect (fixture->base.db, "changed", G_CALLBACK (on_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (fixture->base.db, fixture);
  g_clear_pointer (&fixture->changed, g_hash_table_unref);
  dg_followup_fixture_tear_down (&fixture->base, data);
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  g_auto(DgStatement) stmt = dg_database_prepare (fixture->base.db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

/* The customer's follow-ups, ordered by due: "title@due" each, the due as
 * New York time (timed) or the date (all day), joined by "; ". */
static char *
followups_of (Fixture *fixture,
              gint64   customer)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) from = g_date_time_new_utc (2000, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_utc (2100, 1, 1, 0, 0, 0);

  list = dg_followups_list_range (fixture->base.db, from, to, DG_FOLLOWUP_FILTER_ALL, 0, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < list->len; i++)
    {
      DgFollowup *followup = g_ptr_array_index (list, i);
      g_autofree char *due = NULL;

      if (dg_followup_get_customer_id (followup) != customer)
        continue;

      if (dg_followup_get_all_day (followup))
        due = g_strdup (dg_followup_get_due_date (followup));
      else
        {
          g_autoptr(GDateTime) local = g_date_time_to_timezone (dg_followup_get_due_at (followup),
                                                                fixture->base.tz);

          due = g_date_time_format (local, "%Y-%m-%d %H:%M");
        }
      g_string_append_printf (text, "%s%s@%s%s", text->len > 0 ? "; " : "", dg_followup_get_title (followup),
                              due, dg_followup_get_status (followup) == DG_FOLLOWUP_STATUS_OPEN ? "" : " (closed)");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The customer's history: "from→to:status" each, joined by " ". */
static char *
history_of (Fixture *fixture,
            gint64   customer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = dg_enrollments_history (fixture->base.db, customer, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      DgStageEvent *event = g_ptr_array_index (events, i);

      g_assert_cmpstr (event->journey_name, ==, "공개강의");
      g_string_append_printf (text, "%s%s→%s:%s%s%s", i > 0 ? " " : "", event->from_stage_name,
                              event->to_stage_name, dg_enrollment_status_to_string (event->status),
                              *event->reason != '\0' ? ":" : "", event->reason);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_enroll_and_move (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(DgEnrollment) enrolled = NULL;
  g_autoptr(DgEnrollment) moved = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autofree char *followups = NULL;
  g_autofree char *history = NULL;
  g_autoptr(GDateTime) entered = NULL;
  gint64 id;

  id = dg_journey_test_enroll (fixture->kim, fixture->signup, fixture->cohort);
  g_assert_cmpuint (n_changed (fixture, DG_TABLE_ENROLLMENTS), ==, 1);
  g_assert_cmpuint (n_changed (fixture, DG_TABLE_FOLLOWUPS), ==, 1);

  enrolled = dg_journey_test_get_enrollment (id);
  entered = dg_test_at (&fixture->base, 2026, 4, 1, 9, 0);
  g_assert_cmpint (enrolled->journey_id, ==, fixture->journey);
  g_assert_cmpint (enrolled->stage_id, ==, fixture->signup);
  g_assert_cmpint (enrolled->cohort_id, ==, fixture->cohort);
  g_assert_cmpint (enrolled->status, ==, DG_ENROLLMENT_ACTIVE);
  g_assert_true (g_date_time_equal (enrolled->since, entered));
  g_assert_cmpstr (enrolled->customer_name, ==, "김민수");
  g_assert_cmpstr (enrolled->stage_name, ==, "Sign-up");
  g_assert_cmpstr (enrolled->cohort_name, ==, "공개강의 4/15");

  /* Two days before the lecture at 10:00 New York time, and the day after
   * it, all day. */
  followups = followups_of (fixture, fixture->kim);
  g_assert_cmpstr (followups, ==,
                   "Send the guidance text@2026-04-13 10:00; Thank them for coming@2026-04-16");

  /* Three days later to the lecture: no rules there. */
  dg_test_set_now (&fixture->base, 2026, 4, 4, 15, 30);
  g_clear_pointer (&followups, g_free);
  undo = dg_journey_test_move (id, fixture->lecture);
  g_assert_cmpuint (dg_bulk_undo_get_n_changed (undo), ==, 1);
  g_assert_cmpint (dg_bulk_undo_get_action (undo), ==, DG_BULK_ACTION_MOVE_STAGE);
  moved = dg_journey_test_get_enrollment (id);
  g_assert_cmpint (moved->stage_id, ==, fixture->lecture);
  g_clear_pointer (&entered, g_date_time_unref);
  entered = dg_test_at (&fixture->base, 2026, 4, 4, 15, 30);
  g_assert_true (g_date_time_equal (moved->since, entered));

  /* The survey: its rule is one day after entering, at 10:00. */
  dg_test_set_now (&fixture->base, 2026, 4, 16, 20, 0);
  g_clear_object (&undo);
  undo = dg_journey_test_move (id, fixture->survey);
  followups = followups_of (fixture, fixture->kim);
  g_assert_cmpstr (followups, ==,
                   "Send the guidance text@2026-04-13 10:00; Thank them for coming@2026-04-16; "
                   "Ask for the survey@2026-04-17 10:00");

  history = history_of (fixture, fixture->kim);
  g_assert_cmpstr (history, ==, "→Sign-up:active Sign-up→Lecture:active Lecture→Survey:active");

  /* Moving to the stage it is in changes nothing. */
  g_clear_object (&undo);
  undo = dg_journey_test_move (id, fixture->survey);
  g_assert_cmpuint (dg_bulk_undo_get_n_changed (undo), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM stage_events"), ==, 3);

  /* Each rule follow-up is linked to the enrollment and its rule. */
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM enrollment_followups l "
                                       "JOIN followups f ON f.id = l.followup_id "
                                       "JOIN enrollments e ON e.id = l.enrollment_id "
                                       "JOIN stage_rules r ON r.id = l.rule_id "
                                       "WHERE f.customer_id = e.customer_id AND f.title = r.title"), ==, 3);
}

static void
test_move_back_no_duplicates (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autofree char *followups = NULL;
  g_autofree char *history = NULL;
  gint64 guidance;
  gint64 id;

  id = dg_journey_test_enroll (fixture->kim, fixture->signup, fixture->cohort);

  /* Back and forth while both follow-ups are open: none again. */
  dg_test_set_now (&fixture->base, 2026, 4, 2, 9, 0);
  g_clear_object (&undo);
  undo = dg_journey_test_move (id, fixture->lecture);
  dg_test_set_now (&fixture->base, 2026, 4, 3, 9, 0);
  g_clear_object (&undo);
  undo = dg_journey_test_move (id, fixture->signup);
  followups = followups_of (fixture, fixture->kim);
  g_assert_cmpstr (followups, ==,
                   "Send the guidance text@2026-04-13 10:00; Thank them for coming@2026-04-16");

  /* Once the guidance was sent, entering again creates it again; the
   * thank-you, still open, stays single. */
  guidance = query_int (fixture, "SELECT id FROM followups WHERE title = 'Send the guidance text'");
  dg_test_complete_followup (&fixture->base, guidance, NULL);
  dg_test_set_now (&fixture->base, 2026, 4, 4, 9, 0);
  g_clear_object (&undo);
  undo = dg_journey_test_move (id, fixture->lecture);
  dg_test_set_now (&fixture->base, 2026, 4, 5, 9, 0);
  g_clear_object (&undo);
  undo = dg_journey_test_move (id, fixture->signup);
  g_clear_pointer (&followups, g_free);
  followups = followups_of (fixture, fixture->kim);
  g_assert_cmpstr (followups, ==,
                   "Send the guidance text@2026-04-13 10:00 (closed); Send the guidance text@2026-04-13 10:00; "
                   "Thank them for coming@2026-04-16");

  history = history_of (fixture, fixture->kim);
  g_assert_cmpstr (history, ==,
                   "→Sign-up:active Sign-up→Lecture:active Lecture→Sign-up:active "
                   "Sign-up→Lecture:active Lecture→Sign-up:active");
}

static void
test_rules_cohort_date (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *kim = NULL;
  g_autofree char *lee = NULL;
  g_autofree char *park = NULL;

  /* No cohort, or a cohort without a date: no day to count from. */
  dg_journey_test_enroll (fixture->kim, fixture->signup, 0);
  dg_journey_test_enroll (fixture->lee, fixture->signup, fixture->undated);
  kim = followups_of (fixture, fixture->kim);
  lee = followups_of (fixture, fixture->lee);
  g_assert_cmpstr (kim, ==, "");
  g_assert_cmpstr (lee, ==, "");
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM enrollment_followups"), ==, 0);

  /* Signing up after the guidance day: created anyway, and overdue. */
  dg_test_set_now (&fixture->base, 2026, 4, 14, 12, 0);
  dg_journey_test_enroll (fixture->park, fixture->signup, fixture->cohort);
  park = followups_of (fixture, fixture->park);
  g_assert_cmpstr (park, ==,
                   "Send the guidance text@2026-04-13 10:00; Thank them for coming@2026-04-16");
  g_assert_cmpint (dg_followups_count_overdue (fixture->base.db, fixture->base.base, 0, NULL), ==, 1);

  /* Giving a cohort later keeps what was created. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) list = dg_enrollments_list_for_customer (fixture->base.db, fixture->kim, &error);
    DgEnrollment *enrollment;

    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 1);
    enrollment = g_ptr_array_index (list, 0);
    g_assert_true (dg_enrollments_set_cohort (fixture->base.db, enrollment->id, fixture->cohort, &error));
    g_assert_no_error (error);
    g_clear_pointer (&kim, g_free);
    kim = followups_of (fixture, fixture->kim);
    g_assert_cmpstr (kim, ==, "");
  }
}

static void
test_one_active_per_journey (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 ids[] = { 0, 0, 0 };
  gint64 first, second;

  first = dg_journey_test_enroll (fixture->kim, fixture->signup, 0);
  before = dg_test_dump_database (fixture->base.db);

  g_assert_false (dg_enrollments_enroll (fixture->base.db, fixture->base.base, fixture->kim, fixture->lecture, 0,
                                         NULL, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_FAILED);
  g_clear_error (&error);

  /* The database refuses it too. */
  g_assert_false (dg_database_exec (fixture->base.db,
                                    "INSERT INTO enrollments (uuid, customer_id, journey_id, stage_id, status, "
                                    "  since, created_at, updated_at) "
                                    "SELECT 'x', customer_id, journey_id, stage_id, 'active', since, since, since "
                                    "FROM enrollments",
                                    &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_DATABASE);
  g_clear_error (&error);
  after = dg_test_dump_database (fixture->base.db);
  g_assert_cmpstr (before, ==, after);

  /* Many: the one already in is left alone, the others enrolled. */
  ids[0] = fixture->kim;
  ids[1] = fixture->lee;
  ids[2] = fixture->lee;
  undo = dg_enrollments_enroll_many (fixture->base.db, fixture->base.base, ids, G_N_ELEMENTS (ids),
                                     fixture->lecture, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dg_bulk_undo_get_n_changed (undo), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM enrollments"), ==, 2);

  /* Dropped out, they may come again; but not have the old one made
   * active while the new one is. */
  g_clear_object (&undo);
  undo = dg_enrollments_drop (fixture->base.db, fixture->base.base, &first, 1, "Moved away", &error);
  g_assert_no_error (error);
  second = dg_journey_test_enroll (fixture->kim, fixture->lecture, 0);
  g_assert_cmpint (second, !=, first);

  g_clear_pointer (&before, g_free);
  before = dg_test_dump_database (fixture->base.db);
  g_clear_object (&undo);
  undo = dg_enrollments_move (fixture->base.db, fixture->base.base, &first, 1, fixture->survey, &error);
  g_assert_error (error, DG_ERROR, DG_ERROR_FAILED);
  g_assert_null (undo);
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = dg_test_dump_database (fixture->base.db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_complete_and_drop (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(DgEnrollment) dropped = NULL;
  g_autoptr(DgEnrollment) completed = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *history = NULL;
  gint64 kim, lee;

  kim = dg_journey_test_enroll (fixture->kim, fixture->signup, fixture->cohort);
  lee = dg_journey_test_enroll (fixture->lee, fixture->signup, fixture->cohort);
  before = dg_test_dump_database (fixture->base.db);

  dg_test_set_now (&fixture->base, 2026, 4, 2, 9, 0);
  undo = dg_enrollments_drop (fixture->base.db, fixture->base.base, &kim, 1, " Too \n expensive ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (dg_bulk_undo_get_action (undo), ==, DG_BULK_ACTION_DROP_ENROLLMENT);
  dropped = dg_journey_test_get_enrollment (kim);
  g_assert_cmpint (dropped->status, ==, DG_ENROLLMENT_DROPPED);
  g_assert_cmpstr (dropped->drop_reason, ==, "Too   expensive");
  g_assert_cmpint (dropped->stage_id, ==, fixture->signup);
  history = history_of (fixture, fixture->kim);
  g_assert_cmpstr (history, ==, "→Sign-up:active Sign-up→Sign-up:dropped:Too   expensive");

  /* Undo puts it back as it was, history and all. */
  g_assert_true (dg_bulk_undo_apply (undo, &error));
  g_assert_no_error (error);
  after = dg_test_dump_database (fixture->base.db);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (dg_bulk_undo_apply (undo, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_FAILED);
  g_clear_error (&error);

  g_clear_object (&undo);
  undo = dg_enrollments_complete (fixture->base.db, fixture->base.base, &lee, 1, &error);
  g_assert_no_error (error);
  completed = dg_journey_test_get_enrollment (lee);
  g_assert_cmpint (completed->status, ==, DG_ENROLLMENT_COMPLETED);
  g_assert_cmpstr (completed->drop_reason, ==, "");

  /* A completed customer no longer sits on the board. */
  {
    g_autoptr(GArray) ids = dg_enrollments_stage_ids (fixture->base.db, fixture->signup, 0, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, kim);
  }
}

static void
test_bulk_move_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 ids[3];

  ids[0] = dg_journey_test_enroll (fixture->kim, fixture->signup, fixture->cohort);
  ids[1] = dg_journey_test_enroll (fixture->lee, fixture->signup, fixture->cohort);
  ids[2] = dg_journey_test_enroll (fixture->park, fixture->lecture, 0);
  before = dg_test_dump_database (fixture->base.db);
  g_hash_table_remove_all (fixture->changed);

  /* The whole column and one more to the survey, in one transaction. */
  dg_test_set_now (&fixture->base, 2026, 4, 16, 18, 0);
  undo = dg_enrollments_move (fixture->base.db, fixture->base.base, ids, G_N_ELEMENTS (ids), fixture->survey,
                              &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dg_bulk_undo_get_n_changed (undo), ==, 3);
  g_assert_cmpuint (n_changed (fixture, DG_TABLE_ENROLLMENTS), ==, 1);
  g_assert_cmpuint (n_changed (fixture, DG_TABLE_FOLLOWUPS), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM enrollments WHERE stage_id = (SELECT id FROM "
                                       "stages WHERE name = 'Survey')"), ==, 3);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM followups WHERE title = 'Ask for the survey'"), ==, 3);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM stage_events"), ==, 6);

  /* One Undo puts every table back. */
  g_hash_table_remove_all (fixture->changed);
  g_assert_true (dg_bulk_undo_apply (undo, &error));
  g_assert_no_error (error);
  after = dg_test_dump_database (fixture->base.db);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (n_changed (fixture, DG_TABLE_ENROLLMENTS), ==, 1);
  g_assert_cmpuint (n_changed (fixture, DG_TABLE_FOLLOWUPS), ==, 1);

  /* A move that fails half-way (one enrollment is of another journey)
   * writes nothing. */
  {
    g_autoptr(DgJourney) other = dg_journey_new ("Coaching");
    g_autoptr(DgStage) stage = NULL;
    g_autoptr(DgBulkUndo) failed = NULL;
    gint64 mixed[2];

    g_assert_true (dg_journeys_insert (fixture->base.db, other, &error));
    stage = dg_stage_new (other->id, "Intro");
    g_assert_true (dg_stages_insert (fixture->base.db, stage, &error));
    mixed[0] = ids[0];
    mixed[1] = dg_journey_test_enroll (fixture->kim, stage->id, 0);
    g_clear_pointer (&before, g_free);
    before = dg_test_dump_database (fixture->base.db);
    failed = dg_enrollments_move (fixture->base.db, fixture->base.base, mixed, 2, fixture->survey, &error);
    g_assert_null (failed);
    g_assert_error (error, DG_ERROR, DG_ERROR_FAILED);
    g_clear_pointer (&after, g_free);
    after = dg_test_dump_database (fixture->base.db);
    g_assert_cmpstr (before, ==, after);
  }
}

static void
test_enroll_many_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autofree char *before = dg_test_dump_database (fixture->base.db);
  g_autofree char *after = NULL;
  gint64 customers[] = { fixture->kim, fixture->lee, fixture->park };

  undo = dg_enrollments_enroll_many (fixture->base.db, fixture->base.base, customers, 3, fixture->signup,
                                     fixture->cohort, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dg_bulk_undo_get_n_changed (undo), ==, 3);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM followups"), ==, 6);

  g_assert_true (dg_bulk_undo_apply (undo, &error));
  g_assert_no_error (error);
  after = dg_test_dump_database (fixture->base.db);
  g_assert_cmpstr (before, ==, after);

  /* A cohort of another journey is refused. */
  {
    g_autoptr(DgJourney) other = dg_journey_new ("Coaching");
    g_autoptr(DgCohort) cohort = NULL;

    g_assert_true (dg_journeys_insert (fixture->base.db, other, &error));
    cohort = dg_cohort_new (other->id, "Spring", NULL);
    g_assert_true (dg_cohorts_insert (fixture->base.db, cohort, &error));
    g_assert_false (dg_enrollments_enroll (fixture->base.db, fixture->base.base, fixture->kim, fixture->signup,
                                           cohort->id, NULL, &error));
    g_assert_error (error, DG_ERROR, DG_ERROR_FAILED);
  }
}

static void
test_delete_stage (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(DgEnrollment) kim = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *history = NULL;
  g_autofree char *followups = NULL;
  gint64 kim_id, lee_id;
  gint64 empty;
  guint n = 0;

  /* Kim: sign-up → lecture, in the lecture now; Lee: sign-up → lecture →
   * survey. */
  kim_id = dg_journey_test_enroll (fixture->kim, fixture->signup, 0);
  lee_id = dg_journey_test_enroll (fixture->lee, fixture->signup, 0);
  dg_test_set_now (&fixture->base, 2026, 4, 2, 9, 0);
  g_clear_object (&undo);
  undo = dg_journey_test_move (kim_id, fixture->lecture);
  g_clear_object (&undo);
  undo = dg_journey_test_move (lee_id, fixture->lecture);
  dg_test_set_now (&fixture->base, 2026, 4, 3, 9, 0);
  g_clear_object (&undo);
  undo = dg_journey_test_move (lee_id, fixture->survey);

  g_assert_true (dg_stages_count_enrollments (fixture->base.db, fixture->lecture, &n, &error));
  g_assert_cmpuint (n, ==, 1);

  /* Without a stage to move them to: refused, nothing written. */
  before = dg_test_dump_database (fixture->base.db);
  g_assert_false (dg_stages_delete (fixture->base.db, fixture->base.base, fixture->lecture, 0, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (dg_stages_delete (fixture->base.db, fixture->base.base, fixture->lecture, fixture->lecture,
                                    &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_FAILED);
  g_clear_error (&error);
  after = dg_test_dump_database (fixture->base.db);
  g_assert_cmpstr (before, ==, after);

  /* Folded into the survey: Kim is there now, with its rule follow-up;
   * the lecture is gone from every history. */
  dg_test_set_now (&fixture->base, 2026, 4, 5, 9, 0);
  g_hash_table_remove_all (fixture->changed);
  g_assert_true (dg_stages_delete (fixture->base.db, fixture->base.base, fixture->lecture, fixture->survey, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed (fixture, DG_TABLE_STAGES), ==, 1);
  g_assert_cmpuint (n_changed (fixture, DG_TABLE_ENROLLMENTS), ==, 1);

  kim = dg_journey_test_get_enrollment (kim_id);
  g_assert_cmpint (kim->stage_id, ==, fixture->survey);
  g_assert_cmpint (kim->status, ==, DG_ENROLLMENT_ACTIVE);
  history = history_of (fixture, fixture->kim);
  g_assert_cmpstr (history, ==, "→Sign-up:active Sign-up→Survey:active");
  g_clear_pointer (&history, g_free);
  history = history_of (fixture, fixture->lee);
  g_assert_cmpstr (history, ==, "→Sign-up:active Sign-up→Survey:active");
  followups = followups_of (fixture, fixture->kim);
  g_assert_cmpstr (followups, ==, "Ask for the survey@2026-04-06 10:00");
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM stage_events WHERE from_stage_id = to_stage_id"),
                   ==, 0);

  stages = dg_stages_list (fixture->base.db, fixture->journey, &error);
  g_assert_cmpuint (stages->len, ==, 2);

  /* An empty stage goes without asking. */
  empty = dg_journey_test_add_stage (fixture->journey, "Regular", -1, NULL);
  g_assert_true (dg_stages_delete (fixture->base.db, fixture->base.base, empty, 0, &error));
  g_assert_no_error (error);
  g_assert_null (dg_stages_get (fixture->base.db, empty, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
}

static void
test_customer_delete_undo (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(DgCustomerSnapshot) snapshot = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *history = NULL;
  gint64 id;

  id = dg_journey_test_enroll (fixture->kim, fixture->signup, fixture->cohort);
  dg_journey_test_enroll (fixture->lee, fixture->signup, fixture->cohort);
  dg_test_set_now (&fixture->base, 2026, 4, 2, 9, 0);
  g_clear_object (&undo);
  undo = dg_journey_test_move (id, fixture->survey);
  when = dg_test_at (&fixture->base, 2026, 4, 2, 8, 0);
  dg_test_log_contact (&fixture->base, fixture->kim, when);
  before = dg_test_dump_database (fixture->base.db);

  snapshot = dg_customers_take_snapshot (fixture->base.db, fixture->kim, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dg_customer_snapshot_get_n_followups (snapshot), ==, 3);
  g_assert_true (dg_customers_delete (fixture->base.db, fixture->kim, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM enrollments"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM stage_events"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM enrollment_followups"), ==, 2);

  /* Undo brings back the enrollment, its history and its rule follow-ups
   * with their links, as they were. */
  g_assert_true (dg_customer_snapshot_restore (fixture->base.db, snapshot, &error));
  g_assert_no_error (error);
  after = dg_test_dump_database (fixture->base.db);
  g_assert_cmpstr (before, ==, after);
  history = history_of (fixture, fixture->kim);
  g_assert_cmpstr (history, ==, "→Sign-up:active Sign-up→Survey:active");

  /* The same through the bulk delete's Undo. */
  g_clear_object (&undo);
  undo = dg_customers_bulk_delete (fixture->base.db, &fixture->kim, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM enrollments"), ==, 1);
  g_assert_true (dg_bulk_undo_apply (undo, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = dg_test_dump_database (fixture->base.db);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/journeys/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("enroll-and-move", test_enroll_and_move);
  ADD ("move-back-no-duplicates", test_move_back_no_duplicates);
  ADD ("rules-cohort-date", test_rules_cohort_date);
  ADD ("one-active-per-journey", test_one_active_per_journey);
  ADD ("complete-and-drop", test_complete_and_drop);
  ADD ("bulk-move-undo", test_bulk_move_undo);
  ADD ("enroll-many-undo", test_enroll_many_undo);
  ADD ("delete-stage", test_delete_stage);
  ADD ("customer-delete-undo", test_customer_delete_undo);

  return g_test_run ();
}
