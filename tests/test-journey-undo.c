/* test-journey-undo.c
 *
 * What ends or undoes a customer's walk through a journey: completing or
 * dropping cancels the open follow-ups the stage rules created for them
 * (a move does not, nor a follow-up added by hand), and the Undo opens
 * them again; removing a stage that holds customers folds it into another,
 * and its Undo brings the stage back with its rules, its customers back in
 * it with their history, and takes away the follow-ups the move gave
 * them; an empty stage comes back too, and an Undo that finds a customer
 * gone writes nothing.
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
  /* Sign-up (two rules on the cohort's date), lecture (a rule 1 day after
   * entering), survey (a rule 1 day after entering, at 10:00). */
  gint64             signup, lecture, survey;
  gint64             cohort;    /* 공개강의 4/15, dated 2026-04-15 */
  gint64             kim, lee, park;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  dg_followup_fixture_set_up (&fixture->base, data);
  dg_test_set_now (&fixture->base, 2026, 4, 1, 9, 0);

  fixture->journey = dg_journey_test_add_journey ("공개강의");

  fixture->signup = dg_journey_test_add_stage (fixture->journey, "Sign-up", -1, NULL);
  fixture->lecture = dg_journey_test_add_stage (fixture->journey, "Lecture", -1, NULL);
  fixture->survey = dg_journey_test_add_stage (fixture->journey, "Survey", -1, NULL);
  dg_journey_test_add_rule (fixture->signup, "Send the guidance text", DG_RULE_ANCHOR_COHORT_DATE,
                            -2, "10:00");
  dg_journey_test_add_rule (fixture->signup, "Thank them for coming", DG_RULE_ANCHOR_COHORT_DATE, 1,
                            NULL);
  dg_journey_test_add_rule (fixture->lecture, "Check attendance", DG_RULE_ANCHOR_STAGE_ENTERED, 1,
                            NULL);
  dg_journey_test_add_rule (fixture->survey, "Ask for the survey", DG_RULE_ANCHOR_STAGE_ENTERED, 1,
                            "10:00");

  fixture->cohort = dg_journey_test_add_cohort (fixture->journey, "공개강의 4/15", "2026-04-15");

  fixture->kim = dg_test_add_customer (&fixture->base, "김민수");
  fixture->lee = dg_test_add_customer (&fixture->base, "이서연");
  fixture->park = dg_test_add_customer (&fixture->base, "박지훈");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  dg_followup_fixture_tear_down (&fixture->base, data);
}

/* The customer's follow-ups by due: "title" or "title (cancelled)" or
 * "title (done)", joined by "; ". */
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
      DgFollowupStatus status = dg_followup_get_status (followup);

      if (dg_followup_get_customer_id (followup) != customer)
        continue;

      g_string_append_printf (text, "%s%s%s", text->len > 0 ? "; " : "", dg_followup_get_title (followup),
                              status == DG_FOLLOWUP_STATUS_CANCELLED ? " (cancelled)"
                              : status == DG_FOLLOWUP_STATUS_DONE ? " (done)" : "");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

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

      g_string_append_printf (text, "%s%s→%s:%s", i > 0 ? " " : "", event->from_stage_name,
                              event->to_stage_name, dg_enrollment_status_to_string (event->status));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define assert_followups(fixture, customer, expected)                       \
  G_STMT_START {                                                            \
    g_autofree char *dg_text_ = followups_of ((fixture), (customer));       \
    g_assert_cmpstr (dg_text_, ==, (expected));                             \
  } G_STMT_END

#define assert_history(fixture, customer, expected)                         \
  G_STMT_START {                                                            \
    g_autofree char *dg_text_ = history_of ((fixture), (customer));         \
    g_assert_cmpstr (dg_text_, ==, (expected));                             \
  } G_STMT_END

static void
test_complete_cancels_rule_followups (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GDateTime) call_at = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 kim, lee;

  kim = dg_journey_test_enroll (fixture->kim, fixture->signup, fixture->cohort);
  lee = dg_journey_test_enroll (fixture->lee, fixture->signup, fixture->cohort);
  /* A follow-up the owner added by hand is no rule's. */
  call_at = dg_test_at (&fixture->base, 2026, 4, 20, 15, 0);
  {
    g_autoptr(DgFollowup) call = dg_test_make_timed ("Call about coaching", call_at);

    dg_followup_set_customer_id (call, fixture->kim);
    dg_test_insert_followup (&fixture->base, call);
  }

  /* A move keeps the rule follow-ups of the stage left: the guidance
   * text still has to go out before the lecture. */
  dg_test_set_now (&fixture->base, 2026, 4, 2, 9, 0);
  g_object_unref (dg_journey_test_move (kim, fixture->lecture));
  assert_followups (fixture, fixture->kim,
                    "Check attendance; Send the guidance text; Thank them for coming; Call about coaching");

  /* Completing cancels the open ones the rules made, in one go with the
   * status; the owner's own call stays. */
  before = dg_test_dump_database (fixture->base.db);
  fixture->base.followups_changed = 0;
  dg_test_set_now (&fixture->base, 2026, 4, 3, 9, 0);
  undo = dg_enrollments_complete (fixture->base.db, fixture->base.base, &kim, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dg_bulk_undo_get_n_changed (undo), ==, 1);
  g_assert_cmpuint (fixture->base.followups_changed, ==, 1);
  assert_followups (fixture, fixture->kim,
                    "Check attendance (cancelled); Send the guidance text (cancelled); "
                    "Thank them for coming (cancelled); Call about coaching");
  /* Nothing of them is left to remind of. */
  {
    g_auto(DgStatement) stmt = dg_database_prepare (fixture->base.db,
                                                    "SELECT count (*) FROM followups f JOIN enrollment_followups l "
                                                    "ON l.followup_id = f.id WHERE l.enrollment_id = ?1 "
                                                    "AND f.remind_at IS NOT NULL",
                                                    &error);

    g_assert_no_error (error);
    sqlite3_bind_int64 (stmt, 1, kim);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  }

  /* Undo opens them again, exactly as they were. */
  g_assert_true (dg_bulk_undo_apply (undo, &error));
  g_assert_no_error (error);
  after = dg_test_dump_database (fixture->base.db);
  g_assert_cmpstr (before, ==, after);

  /* Dropping does the same; a rule follow-up already done stays done. */
  {
    g_autoptr(GPtrArray) list = NULL;
    g_autoptr(GDateTime) from = g_date_time_new_utc (2000, 1, 1, 0, 0, 0);
    g_autoptr(GDateTime) to = g_date_time_new_utc (2100, 1, 1, 0, 0, 0);

    list = dg_followups_list_range (fixture->base.db, from, to, DG_FOLLOWUP_FILTER_ALL, 0, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < list->len; i++)
      {
        DgFollowup *followup = g_ptr_array_index (list, i);

        if (dg_followup_get_customer_id (followup) == fixture->lee
            && g_str_equal (dg_followup_get_title (followup), "Send the guidance text"))
          dg_test_complete_followup (&fixture->base, dg_followup_get_id (followup), NULL);
      }
  }
  g_clear_object (&undo);
  g_clear_pointer (&before, g_free);
  before = dg_test_dump_database (fixture->base.db);
  undo = dg_enrollments_drop (fixture->base.db, fixture->base.base, &lee, 1, "Moved away", &error);
  g_assert_no_error (error);
  assert_followups (fixture, fixture->lee, "Send the guidance text (done); Thank them for coming (cancelled)");
  assert_followups (fixture, fixture->kim,
                    "Check attendance; Send the guidance text; Thank them for coming; Call about coaching");
  g_assert_true (dg_bulk_undo_apply (undo, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = dg_test_dump_database (fixture->base.db);
  g_assert_cmpstr (before, ==, after);

  /* Dropped, then brought back into the journey by a move: the stage's
   * rules apply again, as their follow-ups are no longer open. */
  g_clear_object (&undo);
  undo = dg_enrollments_drop (fixture->base.db, fixture->base.base, &lee, 1, "", &error);
  g_assert_no_error (error);
  g_object_unref (dg_journey_test_move (lee, fixture->survey));
  assert_followups (fixture, fixture->lee,
                    "Ask for the survey; Send the guidance text (done); Thank them for coming (cancelled)");
}

/* Kim: sign-up → lecture, in the lecture now; Lee: sign-up → lecture →
 * survey; Park: sign-up → lecture, dropped there. */
static void
walk (Fixture *fixture,
      gint64  *kim,
      gint64  *lee,
      gint64  *park)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;

  *kim = dg_journey_test_enroll (fixture->kim, fixture->signup, fixture->cohort);
  *lee = dg_journey_test_enroll (fixture->lee, fixture->signup, fixture->cohort);
  *park = dg_journey_test_enroll (fixture->park, fixture->signup, fixture->cohort);
  dg_test_set_now (&fixture->base, 2026, 4, 2, 9, 0);
  g_object_unref (dg_journey_test_move (*kim, fixture->lecture));
  g_object_unref (dg_journey_test_move (*lee, fixture->lecture));
  g_object_unref (dg_journey_test_move (*park, fixture->lecture));
  dg_test_set_now (&fixture->base, 2026, 4, 3, 9, 0);
  g_object_unref (dg_journey_test_move (*lee, fixture->survey));
  undo = dg_enrollments_drop (fixture->base.db, fixture->base.base, park, 1, "Too far", &error);
  g_assert_no_error (error);
}

static void
test_delete_stage_undo (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(DgEnrollment) moved = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 kim, lee, park;

  walk (fixture, &kim, &lee, &park);
  before = dg_test_dump_database (fixture->base.db);

  /* Folded into the survey: Kim gets its rule follow-up there, and the
   * lecture is gone from every history. */
  dg_test_set_now (&fixture->base, 2026, 4, 5, 9, 0);
  undo = dg_stages_delete_with_undo (fixture->base.db, fixture->base.base, fixture->lecture, fixture->survey,
                                     &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_cmpint (dg_bulk_undo_get_action (undo), ==, DG_BULK_ACTION_DELETE_STAGE);
  g_assert_cmpuint (dg_bulk_undo_get_n_changed (undo), ==, 1);
  moved = dg_enrollments_get (fixture->base.db, kim, &error);
  g_assert_no_error (error);
  g_assert_cmpint (moved->stage_id, ==, fixture->survey);
  assert_history (fixture, fixture->kim, "→Sign-up:active Sign-up→Survey:active");
  assert_history (fixture, fixture->lee, "→Sign-up:active Sign-up→Survey:active");
  assert_followups (fixture, fixture->kim,
                    "Check attendance; Ask for the survey; Send the guidance text; Thank them for coming");

  /* Undo: the lecture, its rule, Kim and Park in it with their history,
   * Lee's path through it, and no survey follow-up for Kim. */
  fixture->base.followups_changed = 0;
  g_assert_true (dg_bulk_undo_apply (undo, &error));
  g_assert_no_error (error);
  after = dg_test_dump_database (fixture->base.db);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (fixture->base.followups_changed, ==, 1);
  assert_history (fixture, fixture->lee, "→Sign-up:active Sign-up→Lecture:active Lecture→Survey:active");
  stages = dg_stages_list (fixture->base.db, fixture->journey, &error);
  g_assert_cmpuint (stages->len, ==, 3);
  g_assert_cmpint (((DgStage *) g_ptr_array_index (stages, 1))->id, ==, fixture->lecture);
  rules = dg_stage_rules_list (fixture->base.db, fixture->lecture, &error);
  g_assert_cmpuint (rules->len, ==, 1);

  /* Once only. */
  g_assert_false (dg_bulk_undo_apply (undo, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_FAILED);
  g_clear_error (&error);

  /* The board's moves still work on what came back. */
  g_object_unref (dg_journey_test_move (kim, fixture->survey));
  assert_history (fixture, fixture->kim, "→Sign-up:active Sign-up→Lecture:active Lecture→Survey:active");
}

static void
test_delete_empty_stage_undo (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autofree char *before = dg_test_dump_database (fixture->base.db);
  g_autofree char *after = NULL;

  undo = dg_stages_delete_with_undo (fixture->base.db, fixture->base.base, fixture->survey, 0, &error);
  g_assert_no_error (error);
  g_assert_null (dg_stages_get (fixture->base.db, fixture->survey, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (dg_bulk_undo_apply (undo, &error));
  g_assert_no_error (error);
  after = dg_test_dump_database (fixture->base.db);
  g_assert_cmpstr (before, ==, after);

  /* A stage holding customers still needs somewhere to move them. */
  dg_journey_test_enroll (fixture->kim, fixture->survey, fixture->cohort);
  g_clear_object (&undo);
  undo = dg_stages_delete_with_undo (fixture->base.db, fixture->base.base, fixture->survey, 0, &error);
  g_assert_null (undo);
  g_assert_error (error, DG_ERROR, DG_ERROR_FAILED);
}

static void
test_delete_stage_undo_conflict (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 kim, lee, park;

  walk (fixture, &kim, &lee, &park);
  undo = dg_stages_delete_with_undo (fixture->base.db, fixture->base.base, fixture->lecture, fixture->signup,
                                     &error);
  g_assert_no_error (error);

  /* Park is deleted meanwhile: his enrollment cannot come back, so
   * nothing does, and the Undo says why. */
  g_assert_true (dg_customers_delete (fixture->base.db, fixture->park, &error));
  g_assert_no_error (error);
  before = dg_test_dump_database (fixture->base.db);
  g_assert_false (dg_bulk_undo_apply (undo, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "Lecture"));
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
  g_test_add ("/journey-undo/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("complete-cancels-rule-followups", test_complete_cancels_rule_followups);
  ADD ("delete-stage", test_delete_stage_undo);
  ADD ("delete-empty-stage", test_delete_empty_stage_undo);
  ADD ("delete-stage-conflict", test_delete_stage_undo_conflict);

  return g_test_run ();
}
