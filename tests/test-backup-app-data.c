/* test-backup-app-data.c
 *
 * A backup of data the app itself wrote (journeys from the templates,
 * customers, contacts, follow-ups of every kind, enrollments moved,
 * dropped and completed) loads without a problem and comes back the same:
 * what the checker refuses, the app never writes.
 */
#include "config.h"

#include <string.h>

#include "dg-backup-test-util.h"
#include "dg-followup-test-util.h"

static gint64
add_detailed_customer (DgFollowupFixture *fixture)
{
  static const char * const tags[] = { "VIP", "강의 수강생", NULL };
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GDateTime) consent = dg_test_at (fixture, 2026, 3, 1, 9, 0);
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, "김민수");
  dg_customer_set_email (customer, "minsu@example.kr");
  dg_customer_set_note (customer, "첫 줄\n둘째 줄");
  dg_customer_set_birthday (customer, "1990-05-15");
  dg_customer_set_birthday_lunar (customer, TRUE);
  dg_customer_set_birthday_leap_month (customer, TRUE);
  dg_customer_set_marketing_consent (customer, TRUE, consent);
  dg_customer_set_tags (customer, tags);
  g_assert_true (dg_customers_insert (fixture->db, customer, &error));
  g_assert_no_error (error);

  return dg_customer_get_id (customer);
}

static void
add_followups (DgFollowupFixture *fixture,
               gint64             customer_id)
{
  g_autoptr(GDateTime) due = dg_test_at (fixture, 2026, 3, 12, 14, 30);
  g_autoptr(GDateTime) snooze = dg_test_at (fixture, 2026, 3, 11, 9, 0);
  g_autoptr(DgFollowup) weekly = dg_test_make_timed ("주간 정리", due);
  g_autoptr(DgFollowup) touch = dg_test_make_all_day ("안부 연락", "2026-03-20");
  g_autoptr(GError) error = NULL;
  gint64 done, snoozed;

  dg_test_add_all_day (fixture, "하루 종일", "2026-03-11");
  done = dg_test_add_timed (fixture, "끝낼 일", due);
  dg_test_complete_followup (fixture, done, NULL);
  snoozed = dg_test_add_timed (fixture, "미룰 일", due);
  g_assert_true (dg_followups_snooze (fixture->db, fixture->base, snoozed, snooze, &error));
  g_assert_no_error (error);

  dg_followup_set_recurrence (weekly, DG_RECURRENCE_WEEKS);
  dg_followup_set_recurrence_interval (weekly, 2);
  dg_test_insert_followup (fixture, weekly);

  dg_followup_set_customer_id (touch, customer_id);
  dg_followup_set_recurrence (touch, DG_RECURRENCE_MONTHS);
  dg_followup_set_keep_in_touch (touch, TRUE);
  dg_test_insert_followup (fixture, touch);
}

static void
add_journeys (DgFollowupFixture *fixture,
              const gint64      *customers,
              guint              n_customers)
{
  static const char * const languages[] = { "ko", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = dg_journey_templates_list (NULL, languages, &error);
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(DgCohort) cohort = g_new0 (DgCohort, 1);
  g_autoptr(DgBulkUndo) moved = NULL;
  g_autoptr(DgBulkUndo) dropped = NULL;
  g_autoptr(DgBulkUndo) completed = NULL;
  gint64 journey_id = 0;
  gint64 enrollments[3];

  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, >, 0);
  for (guint i = 0; i < templates->len; i++)
    {
      gint64 id;

      g_assert_true (dg_journey_template_create_journey (fixture->db, g_ptr_array_index (templates, i),
                                                         &id, &error));
      g_assert_no_error (error);
      if (journey_id == 0)
        journey_id = id;
    }

  cohort->journey_id = journey_id;
  cohort->name = g_strdup ("3월 특강");
  cohort->date = g_strdup ("2026-03-21");
  g_assert_true (dg_cohorts_insert (fixture->db, cohort, &error));
  g_assert_no_error (error);

  stages = dg_stages_list (fixture->db, journey_id, &error);
  g_assert_cmpuint (stages->len, >=, 3);
  g_assert_cmpuint (n_customers, >=, G_N_ELEMENTS (enrollments));
  for (guint i = 0; i < G_N_ELEMENTS (enrollments); i++)
    {
      g_assert_true (dg_enrollments_enroll (fixture->db, fixture->base, customers[i],
                                            ((DgStage *) g_ptr_array_index (stages, 0))->id,
                                            cohort->id, &enrollments[i], &error));
      g_assert_no_error (error);
    }

  /* Moves make events and the next stages' rule follow-ups. */
  dg_test_set_now (fixture, 2026, 3, 11, 10, 0);
  for (guint s = 1; s < 3; s++)
    {
      g_clear_object (&moved);
      moved = dg_enrollments_move (fixture->db, fixture->base, enrollments, 2,
                                   ((DgStage *) g_ptr_array_index (stages, s))->id, &error);
      g_assert_no_error (error);
    }
  dropped = dg_enrollments_drop (fixture->db, fixture->base, &enrollments[1], 1, "바빠서", &error);
  g_assert_no_error (error);
  completed = dg_enrollments_complete (fixture->db, fixture->base, &enrollments[2], 1, &error);
  g_assert_no_error (error);
}

static void
test_app_data_round_trip (DgFollowupFixture *fixture,
                          gconstpointer      data)
{
  g_autofree char *first_path = dg_test_temp_path ("first.json");
  g_autofree char *second_path = dg_test_temp_path ("second.json");
  g_autoptr(DgDatabase) second = dg_test_open_database ();
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) second_bytes = NULL;
  g_autoptr(DgBackupFile) file = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GDateTime *when;
  const DgBackupCounts *counts;
  gint64 customers[4];

  customers[0] = add_detailed_customer (fixture);
  customers[1] = dg_test_add_customer (fixture, "이서연");
  customers[2] = dg_test_add_customer (fixture, "Park \"Jay\" 박");
  customers[3] = dg_test_add_customer (fixture, "최유나");
  for (guint i = 0; i < G_N_ELEMENTS (customers); i++)
    {
      g_autoptr(GDateTime) contact = dg_test_at (fixture, 2026, 3, 1 + i, 11, 0);

      dg_test_log_contact (fixture, customers[i], contact);
    }
  add_followups (fixture, customers[0]);
  add_journeys (fixture, customers, G_N_ELEMENTS (customers));
  g_assert_true (dg_reminders_set_lead_minutes (fixture->db, 30, &error));

  first_bytes = dg_backup_test_export (fixture->db, first_path);
  file = dg_backup_file_load (first_path, NULL, &problems, &error);
  if (problems != NULL)
    {
      g_ptr_array_add (problems, NULL);
      g_error ("The app's data was refused:\n%s", g_strjoinv ("\n", (char **) problems->pdata));
    }
  g_assert_no_error (error);

  counts = dg_backup_file_get_counts (file);
  g_assert_cmpuint (counts->n_customers, ==, 4);
  g_assert_cmpuint (counts->n_tags, ==, 2);
  g_assert_cmpuint (counts->n_enrollments, ==, 3);
  g_assert_cmpuint (counts->n_stage_events, >=, 7);
  g_assert_cmpuint (counts->n_stage_rules, >, 0);
  g_assert_cmpuint (counts->n_settings, ==, 1);
  /* Follow-ups the stage rules made, linked to their enrollment. */
  g_assert_nonnull (strstr (g_bytes_get_data (first_bytes, NULL), "\"enrollment\": \""));
  g_assert_nonnull (strstr (g_bytes_get_data (first_bytes, NULL), "\"status\": \"dropped\", \"drop_reason\": \"바빠서\""));
  g_assert_nonnull (strstr (g_bytes_get_data (first_bytes, NULL), "\"birthday_calendar\": \"lunar\", \"birthday_leap\": true"));

  dg_backup_file_set_clock (file, DG_CLOCK (fixture->clock));
  g_assert_true (dg_backup_file_restore (file, second, DG_BACKUP_RESTORE_NO_SAFETY_COPY, NULL, NULL, &error));
  g_assert_no_error (error);

  when = dg_backup_file_get_exported_at (file);
  g_assert_true (dg_backup_export (second, second_path, when, NULL, NULL, &error));
  second_bytes = dg_test_read_file (second_path);
  g_assert_cmpstr (g_bytes_get_data (second_bytes, NULL), ==, g_bytes_get_data (first_bytes, NULL));
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/backup/app-data/round-trip", DgFollowupFixture, NULL,
              dg_followup_fixture_set_up, test_app_data_round_trip, dg_followup_fixture_tear_down);

  return g_test_run ();
}
