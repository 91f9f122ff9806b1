/* test-record-times.c
 *
 * The created and updated times Dangol writes come from the clock of the
 * context the records are written through, not from the system: with a
 * fake clock far from the real time, every write through the core API
 * (customers, tags, bulk actions, contacts, follow-ups, journeys) and an
 * import that fills in a customer stamp the fake clock's time.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include "dg-database-private.h"
#include "dg-record-private.h"
#include "dg-test-util.h"

typedef struct
{
  DgDatabase  *db;
  DgFakeClock *clock;
  DgContext   *context;
} Fixture;

/* Far from any real time the tests run at. */
static GDateTime *
fake_now (void)
{
  return g_date_time_new_utc (2031, 5, 6, 7, 8, 9);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = fake_now ();

  fixture->db = dg_test_open_database ();
  fixture->clock = dg_fake_clock_new (now, NULL);
  fixture->context = g_object_new (DG_TYPE_CONTEXT,
                                   "database", fixture->db,
                                   "clock", fixture->clock,
                                   NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->clock);
  g_clear_object (&fixture->db);
}

static DgClock *
get_clock (Fixture *fixture)
{
  return dg_context_get_clock (fixture->context);
}

#define assert_time(actual, expected) \
  G_STMT_START { \
    g_autofree char *actual_text = dg_record_format_time (actual); \
    g_autofree char *expected_text = g_date_time_format_iso8601 (expected); \
    g_assert_nonnull (actual); \
    g_assert_cmpstr (actual_text, ==, expected_text); \
  } G_STMT_END

/* Moves the fake clock a day on, so that an update is told from the
 * insert; returns the new time. */
static GDateTime *
next_day (Fixture *fixture)
{
  dg_fake_clock_advance (fixture->clock, G_TIME_SPAN_DAY);

  return dg_clock_get_now_utc (get_clock (fixture));
}

static gint64
add_customer (Fixture    *fixture,
              const char *name)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  g_assert_true (dg_customers_insert (dg_context_get_database (fixture->context), customer, &error));
  g_assert_no_error (error);

  return dg_customer_get_id (customer);
}

static DgCustomer *
get_customer (Fixture *fixture,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  DgCustomer *customer = dg_customers_get (fixture->db, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (customer);

  return customer;
}

/* The one text value @sql (with ?1 bound to @id) reads. */
static char *
stored_text (Fixture    *fixture,
             const char *sql,
             gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_auto(DgStatement) stmt = dg_database_prepare (fixture->db, sql, &error);

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
test_context_gives_clock (Fixture       *fixture,
                          gconstpointer  data)
{
  g_assert_true (dg_database_get_clock (fixture->db) == DG_CLOCK (fixture->clock));
}

static void
test_customer_insert_update (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GDateTime) created = fake_now ();
  g_autoptr(GDateTime) updated = NULL;
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(DgCustomer) stored = NULL;
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, "김민수");
  g_assert_true (dg_customers_insert (fixture->db, customer, &error));
  g_assert_no_error (error);
  assert_time (dg_customer_get_created_at (customer), created);
  assert_time (dg_customer_get_updated_at (customer), created);

  stored = get_customer (fixture, dg_customer_get_id (customer));
  assert_time (dg_customer_get_created_at (stored), created);
  assert_time (dg_customer_get_updated_at (stored), created);
  g_clear_object (&stored);

  updated = next_day (fixture);
  dg_customer_set_organization (customer, "단골상사");
  g_assert_true (dg_customers_update (fixture->db, customer, &error));
  g_assert_no_error (error);
  assert_time (dg_customer_get_updated_at (customer), updated);

  stored = get_customer (fixture, dg_customer_get_id (customer));
  assert_time (dg_customer_get_created_at (stored), created);
  assert_time (dg_customer_get_updated_at (stored), updated);
}

static void
test_customer_archive_and_tag (Fixture       *fixture,
                               gconstpointer  data)
{
  gint64 id = add_customer (fixture, "김민수");
  g_autoptr(GDateTime) archived = next_day (fixture);
  g_autoptr(GDateTime) tagged = NULL;
  g_autoptr(DgCustomer) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_customers_set_archived (fixture->db, id, TRUE, &error));
  g_assert_no_error (error);
  stored = get_customer (fixture, id);
  assert_time (dg_customer_get_updated_at (stored), archived);
  g_clear_object (&stored);

  tagged = next_day (fixture);
  g_assert_true (dg_customers_add_tag (fixture->db, id, "VIP", &error));
  g_assert_no_error (error);
  stored = get_customer (fixture, id);
  assert_time (dg_customer_get_updated_at (stored), tagged);
}

static void
test_bulk (Fixture       *fixture,
           gconstpointer  data)
{
  gint64 ids[] = { add_customer (fixture, "김민수"), add_customer (fixture, "이영희") };
  g_autoptr(GDateTime) tagged = next_day (fixture);
  g_autoptr(GDateTime) archived = NULL;
  g_autoptr(DgBulkUndo) tag_undo = NULL;
  g_autoptr(DgBulkUndo) archive_undo = NULL;
  g_autoptr(GError) error = NULL;

  tag_undo = dg_customers_bulk_add_tag (fixture->db, ids, G_N_ELEMENTS (ids), "VIP, 강의", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dg_bulk_undo_get_n_changed (tag_undo), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(DgCustomer) stored = get_customer (fixture, ids[i]);

      assert_time (dg_customer_get_updated_at (stored), tagged);
    }

  archived = next_day (fixture);
  archive_undo = dg_customers_bulk_set_archived (fixture->db, ids, G_N_ELEMENTS (ids), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dg_bulk_undo_get_n_changed (archive_undo), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(DgCustomer) stored = get_customer (fixture, ids[i]);

      assert_time (dg_customer_get_updated_at (stored), archived);
    }
}

static void
test_interaction (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 id = add_customer (fixture, "김민수");
  g_autoptr(GDateTime) now = next_day (fixture);
  g_autoptr(DgInteraction) interaction = dg_interaction_new ();
  g_autoptr(DgInteraction) stored = NULL;
  g_autoptr(GError) error = NULL;

  dg_interaction_set_customer_id (interaction, id);
  dg_interaction_set_occurred_at (interaction, now);
  dg_interaction_set_summary (interaction, "Called about the spring course");
  g_assert_true (dg_interactions_insert (fixture->db, get_clock (fixture), interaction, &error));
  g_assert_no_error (error);

  stored = dg_interactions_get (fixture->db, dg_interaction_get_id (interaction), &error);
  g_assert_no_error (error);
  assert_time (dg_interaction_get_created_at (stored), now);
}

static void
test_followup (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 id = add_customer (fixture, "김민수");
  g_autoptr(GDateTime) created = next_day (fixture);
  g_autoptr(GDateTime) due = g_date_time_add_days (created, 2);
  g_autoptr(GDateTime) done = NULL;
  g_autoptr(DgFollowup) followup = dg_followup_new ();
  g_autoptr(DgFollowup) stored = NULL;
  g_autoptr(GError) error = NULL;

  dg_followup_set_title (followup, "Send the syllabus");
  dg_followup_set_customer_id (followup, id);
  dg_followup_set_due_at (followup, due);
  g_assert_true (dg_followups_insert (fixture->db, get_clock (fixture), followup, &error));
  g_assert_no_error (error);

  stored = dg_followups_get (fixture->db, dg_followup_get_id (followup), &error);
  g_assert_no_error (error);
  assert_time (dg_followup_get_created_at (stored), created);
  assert_time (dg_followup_get_updated_at (stored), created);
  g_clear_object (&stored);

  done = next_day (fixture);
  g_assert_true (dg_followups_complete (fixture->db, get_clock (fixture),
                                        dg_followup_get_id (followup), NULL, &error));
  g_assert_no_error (error);

  stored = dg_followups_get (fixture->db, dg_followup_get_id (followup), &error);
  g_assert_no_error (error);
  assert_time (dg_followup_get_created_at (stored), created);
  assert_time (dg_followup_get_updated_at (stored), done);
  assert_time (dg_followup_get_done_at (stored), done);
}

static void
test_journey (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GDateTime) created = next_day (fixture);
  g_autoptr(GDateTime) updated = NULL;
  g_autoptr(DgJourney) journey = dg_journey_new ("Spring lecture");
  g_autofree char *created_text = g_date_time_format_iso8601 (created);
  g_autofree char *updated_text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_journeys_insert (fixture->db, journey, &error));
  g_assert_no_error (error);
  {
    g_autofree char *stored_created = stored_text (fixture, "SELECT created_at FROM journeys WHERE id = ?1",
                                                   journey->id);
    g_autofree char *stored_updated = stored_text (fixture, "SELECT updated_at FROM journeys WHERE id = ?1",
                                                   journey->id);

    g_assert_cmpstr (stored_created, ==, created_text);
    g_assert_cmpstr (stored_updated, ==, created_text);
  }

  updated = next_day (fixture);
  updated_text = g_date_time_format_iso8601 (updated);
  g_free (journey->name);
  journey->name = g_strdup ("Autumn lecture");
  g_assert_true (dg_journeys_update (fixture->db, journey, &error));
  g_assert_no_error (error);
  {
    g_autofree char *stored_updated = stored_text (fixture, "SELECT updated_at FROM journeys WHERE id = ?1",
                                                   journey->id);

    g_assert_cmpstr (stored_updated, ==, updated_text);
  }
}

/* An import writes through a database of its own (the import window's
 * worker opens one), which no context gave a clock: the clock the import
 * is given stamps the customers it adds and those it fills in, the
 * consent they give, and the cohort it makes for them. */
static void
test_import (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(GDateTime) now = fake_now ();
  g_autoptr(DgFakeClock) clock = dg_fake_clock_new (now, NULL);
  g_autofree char *path = dg_test_write_temp_file ("signup.csv",
                                                   "이름,연락처,이메일 주소,개인정보 수집 및 이용에 동의하십니까?\r\n"
                                                   "김민수,010-1234-5678,kim@example.com,예\r\n"
                                                   "박지훈,010-2222-3333,park@example.com,예\r\n",
                                                   -1);
  gint64 kim = dg_test_store_customer (db, "김민수", "01012345678", NULL, NULL);
  g_autoptr(DgCustomer) before = NULL;
  g_autoptr(DgCustomer) filled = NULL;
  g_autoptr(DgCustomer) added = NULL;
  g_autoptr(DgCsvImport) import = dg_csv_import_new (path);
  g_autoptr(DgJourney) journey = dg_journey_new ("공개강의");
  g_autoptr(DgStage) stage = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *now_text = g_date_time_format_iso8601 (now);
  DgImportSummary summary;

  g_assert_null (dg_database_get_clock (db));
  g_assert_true (dg_journeys_insert (db, journey, &error));
  stage = dg_stage_new (journey->id, "신청");
  g_assert_true (dg_stages_insert (db, stage, &error));
  g_assert_no_error (error);
  before = dg_customers_get (db, kim, &error);
  g_assert_no_error (error);

  g_assert_true (dg_csv_import_load (import, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (dg_csv_import_preview (import, db, NULL, &error));
  g_assert_no_error (error);
  dg_csv_import_set_enrollment (import, stage->id, "12/15 특강", "2026-12-15");
  undo = dg_csv_import_apply (import, db, DG_CLOCK (clock), NULL, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_updated, ==, 1);
  g_assert_cmpuint (summary.n_added, ==, 1);
  g_assert_cmpuint (summary.n_enrolled, ==, 2);
  {
    g_autofree char *query = g_strdup_printf ("SELECT count(*) FROM cohorts WHERE name = '12/15 특강' "
                                              "AND created_at = '%s' AND updated_at = '%s'",
                                              now_text, now_text);

    g_assert_cmpint (dg_test_count_rows (db, query), ==, 1);
  }

  filled = dg_customers_get (db, kim, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dg_customer_get_email (filled), ==, "kim@example.com");
  g_assert_true (g_date_time_equal (dg_customer_get_created_at (filled),
                                    dg_customer_get_created_at (before)));
  assert_time (dg_customer_get_updated_at (filled), now);
  /* The sheet has no time of its own for the consent: given now. */
  assert_time (dg_customer_get_consent_at (filled), now);

  added = dg_customers_get (db, kim + 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dg_customer_get_name (added), ==, "박지훈");
  assert_time (dg_customer_get_created_at (added), now);
  assert_time (dg_customer_get_updated_at (added), now);
  assert_time (dg_customer_get_consent_at (added), now);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  ADD ("/record-times/context-gives-clock", test_context_gives_clock);
  ADD ("/record-times/customer-insert-update", test_customer_insert_update);
  ADD ("/record-times/customer-archive-and-tag", test_customer_archive_and_tag);
  ADD ("/record-times/bulk", test_bulk);
  ADD ("/record-times/interaction", test_interaction);
  ADD ("/record-times/followup", test_followup);
  ADD ("/record-times/journey", test_journey);
  g_test_add_func ("/record-times/import-fills", test_import);

  return g_test_run ();
}
