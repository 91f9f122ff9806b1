/* test-stage-messages.c
 *
 * The messages of cards selected in several columns: each filled from the
 * script of its own stage, in the order given, joined by the separator;
 * a customer is left out, and named, when their stage has no script, when
 * its script has a placeholder that does not exist, or when they have no
 * value for one it uses; logging them writes one contact per customer,
 * naming their stage, in one transaction that one Undo takes back.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include "dg-followup-test-util.h"
#include "dg-test-util.h"

typedef struct
{
  DgFollowupFixture  base;
  gint64             journey;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DgJourney) journey = dg_journey_new ("공개강의");
  g_autoptr(GError) error = NULL;

  dg_followup_fixture_set_up (&fixture->base, data);
  g_assert_true (dg_journeys_insert (fixture->base.db, journey, &error));
  g_assert_no_error (error);
  fixture->journey = journey->id;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  dg_followup_fixture_tear_down (&fixture->base, data);
}

static gint64
add_stage (Fixture    *fixture,
           const char *name,
           const char *script)
{
  g_autoptr(DgStage) stage = dg_stage_new (fixture->journey, name);
  g_autoptr(GError) error = NULL;

  g_free (stage->message_script);
  stage->message_script = g_strdup (script);
  g_assert_true (dg_stages_insert (fixture->base.db, stage, &error));
  g_assert_no_error (error);

  return stage->id;
}

static gint64
enroll (Fixture    *fixture,
        const char *name,
        const char *organization,
        gint64      stage)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  dg_customer_set_name (customer, name);
  dg_customer_set_organization (customer, organization);
  g_assert_true (dg_customers_insert (fixture->base.db, customer, &error));
  g_assert_no_error (error);
  g_assert_true (dg_enrollments_enroll (fixture->base.db, fixture->base.base, dg_customer_get_id (customer), stage,
                                        0, &id, &error));
  g_assert_no_error (error);

  return id;
}

static gint64
customer_of (Fixture *fixture,
             gint64   enrollment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgEnrollment) got = dg_enrollments_get (fixture->base.db, enrollment, &error);

  g_assert_no_error (error);

  return got->customer_id;
}

static GPtrArray *
contacts_of (Fixture *fixture,
             gint64   customer)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *contacts = dg_interactions_list_for_customer (fixture->base.db, customer, 0, &error);

  g_assert_no_error (error);

  return contacts;
}

static void
test_fill_and_log (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(DgStageMessages) messages = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *report;
  gint64 sign_up, lecture, survey, invite;
  gint64 ids[5];

  sign_up = add_stage (fixture, "신청", "{name}님({organization}), 신청 감사합니다.");
  lecture = add_stage (fixture, "강의", "{name}님, {stage} 안내입니다.");
  survey = add_stage (fixture, "설문", "");
  invite = add_stage (fixture, "초대", "{이름}님께");
  ids[0] = enroll (fixture, "김민수", "서울연구소", sign_up);
  ids[1] = enroll (fixture, "박지훈", NULL, sign_up);
  ids[2] = enroll (fixture, "Nancy Baker", NULL, lecture);
  ids[3] = enroll (fixture, "이서연", NULL, survey);
  ids[4] = enroll (fixture, "최유리", NULL, invite);

  messages = dg_stage_messages_fill (fixture->base.db, fixture->base.base, ids, G_N_ELEMENTS (ids), &error);
  g_assert_no_error (error);
  g_assert_nonnull (messages);

  /* Kim's and Nancy's, each of their own stage, in the order given. */
  g_assert_cmpuint (dg_stage_messages_get_n_messages (messages), ==, 2);
  g_assert_cmpstr (dg_stage_messages_get_text (messages), ==,
                   "김민수님(서울연구소), 신청 감사합니다." DG_STAGE_MESSAGES_SEPARATOR "Nancy Baker님, 강의 안내입니다.");

  /* Park lacks an organization, the survey has no script, the
   * invitation's script has a placeholder that does not exist. */
  report = dg_stage_messages_get_report (messages);
  g_assert_nonnull (strstr (report, "{organization}"));
  g_assert_nonnull (strstr (report, "박지훈"));
  g_assert_nonnull (strstr (report, "“설문”"));
  g_assert_nonnull (strstr (report, "이서연"));
  g_assert_nonnull (strstr (report, "{이름}"));
  g_assert_nonnull (strstr (report, "최유리"));
  g_assert_null (strstr (report, "김민수"));
  g_assert_null (strstr (report, "Nancy"));

  /* Logged: one message each, saying which stage's; one Undo. */
  before = dg_test_dump_database (fixture->base.db);
  undo = dg_stage_messages_log (messages, fixture->base.db, fixture->base.base, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dg_bulk_undo_get_n_changed (undo), ==, 2);
  {
    g_autoptr(GPtrArray) kim = contacts_of (fixture, customer_of (fixture, ids[0]));
    g_autoptr(GPtrArray) nancy = contacts_of (fixture, customer_of (fixture, ids[2]));
    g_autoptr(GPtrArray) park = contacts_of (fixture, customer_of (fixture, ids[1]));

    g_assert_cmpuint (kim->len, ==, 1);
    g_assert_cmpstr (dg_interaction_get_summary (g_ptr_array_index (kim, 0)), ==, "Sent the “신청” message");
    g_assert_cmpint (dg_interaction_get_channel (g_ptr_array_index (kim, 0)), ==, DG_INTERACTION_CHANNEL_MESSAGE);
    g_assert_cmpuint (nancy->len, ==, 1);
    g_assert_cmpstr (dg_interaction_get_summary (g_ptr_array_index (nancy, 0)), ==, "Sent the “강의” message");
    g_assert_cmpuint (park->len, ==, 0);
  }
  g_assert_true (dg_bulk_undo_apply (undo, &error));
  g_assert_no_error (error);
  after = dg_test_dump_database (fixture->base.db);
  g_assert_cmpstr (before, ==, after);

  /* Everyone fine: nothing to report. */
  {
    g_autoptr(DgStageMessages) fine = dg_stage_messages_fill (fixture->base.db, fixture->base.base, &ids[2], 1,
                                                              &error);

    g_assert_no_error (error);
    g_assert_cmpstr (dg_stage_messages_get_report (fine), ==, "");
    g_assert_cmpstr (dg_stage_messages_get_text (fine), ==, "Nancy Baker님, 강의 안내입니다.");
  }

  /* A card that left the journey meanwhile: an error, nothing filled. */
  {
    gint64 gone[] = { ids[0], G_MAXINT32 };

    g_assert_null (dg_stage_messages_fill (fixture->base.db, fixture->base.base, gone, 2, &error));
    g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
  }
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/stage-messages/fill-and-log", Fixture, NULL, fixture_set_up, test_fill_and_log, fixture_tear_down);

  return g_test_run ();
}
