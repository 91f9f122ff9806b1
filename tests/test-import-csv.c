/* test-import-csv.c
 *
 * Importing customers from a sign-up sheet: the preview (rows as stored,
 * refused rows with their reasons, duplicates of customers and of earlier
 * rows, conflicts), the plans, the apply in one transaction and its Undo,
 * and the same file imported twice adding nothing.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <string.h>

#include "dg-database-private.h"
#include "dg-test-util.h"

typedef struct
{
  DgDatabase *db;
  DgClock    *clock;
  gint64      kim;
  gint64      lee;
} Fixture;

/* A Google Forms export in Korean: Kim is known (the form fills his
 * e-mail and company), Park is new and signs up twice, Lee is known by
 * e-mail and gives another company, three rows are refused. */
static const char signup_csv[] =
  "타임스탬프,성함을 적어주세요,연락처 (휴대폰),이메일 주소,소속 회사,개인정보 수집 및 이용에 동의하십니까?,하고 싶은 말\r\n"
  "2026. 12. 1 오후 3:04:05,김민수,010-1234-5678,kim@example.com,단골상사,예,\r\n"
  "2026. 12. 1 오후 3:10:00,박지훈,010-2222-3333,park@example.com,,예,\"첫 수업, 기대됩니다\"\r\n"
  "2026. 12. 1 오후 3:12:00,최유진,010-12,choi@example.com,,예,\r\n"
  "2026. 12. 1 오후 3:20:00,이영희,010-4444-5555,LEE@example.com,B사,아니요,\r\n"
  "2026. 12. 1 오후 3:25:00,박지훈,010 2222 3333,,,예,\"두 번째 신청\"\r\n"
  "2026. 12. 1 오후 3:30:00,정하늘,010-5555-6666,jung@,,예,\r\n"
  "\r\n"
  "2026. 12. 1 오후 3:40:00,한별,010-7777-8888,,,글쎄요,\r\n";

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = dg_test_open_database ();
  fixture->clock = DG_CLOCK (dg_test_fake_clock ("Asia/Seoul", 2026, 12, 7, 10, 0));
  fixture->kim = dg_test_store_customer (fixture->db, "김민수", "01012345678", "", "");
  fixture->lee = dg_test_store_customer (fixture->db, "이영희", "", "lee@example.com", "A사");
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
                  const char *path)
{
  g_autoptr(DgCsvImport) import = dg_csv_import_new (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_csv_import_load (import, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (dg_csv_import_preview (import, fixture->db, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&import);
}

static gint64
count_customers (Fixture *fixture)
{
  DgCustomerQuery query = { .archived = DG_ARCHIVED_INCLUDE };

  return dg_customers_count (fixture->db, &query, NULL);
}

static void
test_preview (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = dg_test_write_temp_file ("signup.csv", signup_csv, -1);
  g_autoptr(DgCsvImport) import = NULL;
  g_autofree char *before = dg_test_dump_database (fixture->db);
  g_autofree char *after = NULL;
  const DgImportSummary *summary;
  GPtrArray *problems, *conflicts, *sample;
  DgCustomer *park;

  import = load_and_preview (fixture, path);

  g_assert_true (dg_csv_import_get_has_header (import));
  g_assert_cmpuint (dg_csv_import_get_n_columns (import), ==, 7);
  g_assert_cmpstr (dg_csv_import_get_column_title (import, 1), ==, "성함을 적어주세요");
  g_assert_cmpint (dg_csv_import_get_column_target (import, 0), ==, DG_IMPORT_TARGET_TIMESTAMP);
  g_assert_cmpint (dg_csv_import_get_column_target (import, 1), ==, DG_IMPORT_TARGET_NAME);
  g_assert_cmpint (dg_csv_import_get_column_target (import, 2), ==, DG_IMPORT_TARGET_PHONE);
  g_assert_cmpint (dg_csv_import_get_column_target (import, 5), ==, DG_IMPORT_TARGET_CONSENT);
  g_assert_cmpint (dg_csv_import_get_column_target (import, 6), ==, DG_IMPORT_TARGET_NOTE);

  /* Seven rows under the header; the blank one is left out. */
  g_assert_cmpuint (dg_csv_import_get_n_rows (import), ==, 7);

  problems = dg_csv_import_get_problems (import);
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, "Row 4: Phone: “010-12” is too short");
  g_assert_cmpstr (g_ptr_array_index (problems, 1), ==,
                   "Row 7: Email: “jung@” is not an email address");
  g_assert_cmpstr (g_ptr_array_index (problems, 2), ==,
                   "Row 9: Marketing consent: “글쎄요” is neither yes nor no");

  /* Kim by phone, Lee by e-mail (whatever its case), Park's second
   * sign-up by the digits of his first. */
  g_assert_cmpint (dg_csv_import_get_row (import, 0)->kind, ==, DG_IMPORT_ROW_DUPLICATE);
  g_assert_cmpint (dg_csv_import_get_row (import, 0)->match_customer_id, ==, fixture->kim);
  g_assert_cmpint (dg_csv_import_get_row (import, 0)->plan, ==, DG_IMPORT_PLAN_UPDATE);
  g_assert_cmpint (dg_csv_import_get_row (import, 1)->kind, ==, DG_IMPORT_ROW_NEW);
  g_assert_cmpint (dg_csv_import_get_row (import, 2)->kind, ==, DG_IMPORT_ROW_REFUSED);
  g_assert_cmpint (dg_csv_import_get_row (import, 3)->kind, ==, DG_IMPORT_ROW_DUPLICATE);
  g_assert_cmpint (dg_csv_import_get_row (import, 3)->match_customer_id, ==, fixture->lee);
  g_assert_cmpuint (dg_csv_import_get_row (import, 3)->n_conflicts, ==, 1);
  g_assert_cmpint (dg_csv_import_get_row (import, 4)->kind, ==, DG_IMPORT_ROW_DUPLICATE);
  g_assert_cmpint (dg_csv_import_get_row (import, 4)->match_customer_id, ==, 0);
  g_assert_cmpuint (dg_csv_import_get_row (import, 4)->match_row, ==, 3);
  g_assert_cmpuint (dg_csv_import_get_row (import, 6)->row, ==, 9);

  conflicts = dg_csv_import_get_conflicts (import);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (conflicts, 0), ==,
                   "Row 5: Organization: keeps “A사”; the file has “B사”");

  summary = dg_csv_import_get_summary (import);
  g_assert_cmpuint (summary->n_added, ==, 1);
  g_assert_cmpuint (summary->n_updated, ==, 3);
  g_assert_cmpuint (summary->n_unchanged, ==, 0);
  g_assert_cmpuint (summary->n_refused, ==, 3);
  g_assert_cmpuint (summary->n_conflicts, ==, 1);

  /* The rows as they will be stored. */
  sample = dg_csv_import_get_sample (import);
  g_assert_cmpuint (sample->len, ==, 4);
  g_assert_cmpuint (dg_csv_import_get_sample_row (import, 1), ==, 3);
  park = g_ptr_array_index (sample, 1);
  g_assert_cmpstr (dg_customer_get_name (park), ==, "박지훈");
  g_assert_cmpstr (dg_customer_get_note (park), ==, "첫 수업, 기대됩니다");
  g_assert_true (dg_customer_get_marketing_consent (park));
  {
    g_autoptr(GDateTime) expected = g_date_time_new_local (2026, 12, 1, 15, 10, 0);

    /* Consent given when the form was sent, read in the local zone. */
    g_assert_cmpint (g_date_time_to_unix (dg_customer_get_consent_at (park)), ==,
                     g_date_time_to_unix (expected));
  }

  /* A preview writes nothing. */
  after = dg_test_dump_database (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_apply_and_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = dg_test_write_temp_file ("signup.csv", signup_csv, -1);
  g_autoptr(DgCsvImport) import = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(DgCustomer) kim = NULL;
  g_autoptr(DgCustomer) lee = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dg_test_dump_database (fixture->db);
  DgImportSummary summary;
  DgCustomerQuery query = { .text = "박지훈", .archived = DG_ARCHIVED_INCLUDE };
  g_autoptr(GArray) parks = NULL;
  g_autoptr(DgCustomer) park = NULL;

  import = load_and_preview (fixture, path);
  undo = dg_csv_import_apply (import, fixture->db, fixture->clock, NULL, &summary, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);

  /* Park's second sign-up, a duplicate of his first, fills nothing: its
   * note is a conflict with the first's. */
  g_assert_cmpuint (summary.n_added, ==, 1);
  g_assert_cmpuint (summary.n_updated, ==, 2);
  g_assert_cmpuint (summary.n_unchanged, ==, 1);
  g_assert_cmpuint (summary.n_refused, ==, 3);
  g_assert_cmpuint (summary.n_conflicts, ==, 2);
  g_assert_cmpint (dg_bulk_undo_get_action (undo), ==, DG_BULK_ACTION_IMPORT);
  g_assert_cmpuint (dg_bulk_undo_get_n_changed (undo), ==, 3);
  g_assert_cmpint (count_customers (fixture), ==, 3);

  /* Empty fields filled, a different value kept. */
  kim = dg_customers_get (fixture->db, fixture->kim, &error);
  g_assert_cmpstr (dg_customer_get_email (kim), ==, "kim@example.com");
  g_assert_cmpstr (dg_customer_get_organization (kim), ==, "단골상사");
  g_assert_cmpstr (dg_customer_get_phone (kim), ==, "01012345678");
  g_assert_true (dg_customer_get_marketing_consent (kim));
  lee = dg_customers_get (fixture->db, fixture->lee, &error);
  g_assert_cmpstr (dg_customer_get_organization (lee), ==, "A사");
  g_assert_cmpstr (dg_customer_get_phone (lee), ==, "010-4444-5555");
  g_assert_false (dg_customer_get_marketing_consent (lee));

  /* Park once, found by search. */
  parks = dg_customers_search_ids (fixture->db, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parks->len, ==, 1);
  park = dg_customers_get (fixture->db, g_array_index (parks, gint64, 0), &error);
  g_assert_cmpstr (dg_customer_get_note (park), ==, "첫 수업, 기대됩니다");

  dg_test_assert_undo_restores (undo, fixture->db, before);
}

/* A customer the import adds was created when the import's clock says,
 * not when the machine's does. */
static void
test_clock_time (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = dg_test_write_temp_file ("signup.csv",
                                                   "이름,연락처\r\n한별,010-7777-8888\r\n", -1);
  g_autoptr(DgCsvImport) import = load_and_preview (fixture, path);
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(DgCustomer) added = NULL;
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (fixture->clock);
  g_autoptr(GError) error = NULL;
  DgCustomerQuery query = { .text = "한별", .archived = DG_ARCHIVED_INCLUDE };
  g_autoptr(GArray) ids = NULL;

  undo = dg_csv_import_apply (import, fixture->db, fixture->clock, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);

  ids = dg_customers_search_ids (fixture->db, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  added = dg_customers_get (fixture->db, g_array_index (ids, gint64, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_to_unix (dg_customer_get_created_at (added)), ==, g_date_time_to_unix (now));
  g_assert_cmpint (g_date_time_to_unix (dg_customer_get_updated_at (added)), ==, g_date_time_to_unix (now));
}

static void
test_import_twice (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = dg_test_write_temp_file ("signup.csv", signup_csv, -1);
  g_autoptr(DgCsvImport) first = load_and_preview (fixture, path);
  g_autoptr(DgCsvImport) second = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(DgBulkUndo) undo_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;
  DgImportSummary summary;

  undo = dg_csv_import_apply (first, fixture->db, fixture->clock, NULL, NULL, &error);
  g_assert_no_error (error);
  once = dg_test_dump_database (fixture->db);

  second = load_and_preview (fixture, path);
  g_assert_cmpuint (dg_csv_import_get_summary (second)->n_added, ==, 0);
  g_assert_cmpuint (dg_csv_import_get_summary (second)->n_updated, ==, 0);
  g_assert_cmpuint (dg_csv_import_get_summary (second)->n_unchanged, ==, 4);

  undo_again = dg_csv_import_apply (second, fixture->db, fixture->clock, NULL, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_added, ==, 0);
  g_assert_cmpuint (summary.n_updated, ==, 0);
  g_assert_cmpuint (summary.n_unchanged, ==, 4);
  g_assert_cmpuint (dg_bulk_undo_get_n_changed (undo_again), ==, 0);

  twice = dg_test_dump_database (fixture->db);
  g_assert_cmpstr (twice, ==, once);
}

static void
test_names_only_twice (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = dg_test_write_temp_file ("signup.csv",
                                                   "이름,소속\n홍길동,단골상사\n홍길동,\n김민수,\n", -1);
  g_autoptr(DgCsvImport) first = load_and_preview (fixture, path);
  g_autoptr(DgCsvImport) second = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(DgBulkUndo) undo_again = NULL;
  g_autoptr(GError) error = NULL;
  DgImportSummary summary;

  /* The second 홍길동 is the first; 김민수 has a phone in the database, so
   * a name alone is not him. */
  g_assert_cmpuint (dg_csv_import_get_row (first, 1)->match_row, ==, 2);
  g_assert_cmpint (dg_csv_import_get_row (first, 2)->kind, ==, DG_IMPORT_ROW_NEW);
  undo = dg_csv_import_apply (first, fixture->db, fixture->clock, NULL, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_added, ==, 2);
  g_assert_cmpint (count_customers (fixture), ==, 4);

  second = load_and_preview (fixture, path);
  undo_again = dg_csv_import_apply (second, fixture->db, fixture->clock, NULL, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_added, ==, 0);
  g_assert_cmpuint (summary.n_unchanged, ==, 3);
  g_assert_cmpint (count_customers (fixture), ==, 4);
}

/* A CSV import matches phones as a vCard import does
 * (dg_import_phone_key()): +82 and 0082 are the leading 0, and a number
 * of fewer than 7 digits once read that way is refused, not matched. */
static void
test_phone_forms (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = dg_test_write_temp_file ("signup.csv", "이름,전화\n"
                                      "홍,+82 10-1234-5678\n"
                                      "김,0082 10 1234 5678\n"
                                      "최,+82 12345\n"
                                      "박,+82-10-9999-0000\n"
                                      "박지훈,010 9999 0000\n"
                                      "정,123456\n", -1);
  g_autoptr(DgCsvImport) import = load_and_preview (fixture, path);
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;

  g_assert_cmpint (dg_csv_import_get_row (import, 0)->kind, ==, DG_IMPORT_ROW_DUPLICATE);
  g_assert_cmpint (dg_csv_import_get_row (import, 0)->match_customer_id, ==, fixture->kim);
  g_assert_cmpint (dg_csv_import_get_row (import, 1)->kind, ==, DG_IMPORT_ROW_DUPLICATE);
  g_assert_cmpint (dg_csv_import_get_row (import, 1)->match_customer_id, ==, fixture->kim);
  g_assert_cmpint (dg_csv_import_get_row (import, 2)->kind, ==, DG_IMPORT_ROW_REFUSED);
  g_assert_cmpint (dg_csv_import_get_row (import, 3)->kind, ==, DG_IMPORT_ROW_NEW);
  g_assert_cmpint (dg_csv_import_get_row (import, 4)->kind, ==, DG_IMPORT_ROW_DUPLICATE);
  g_assert_cmpuint (dg_csv_import_get_row (import, 4)->match_row, ==, 5);
  g_assert_cmpint (dg_csv_import_get_row (import, 5)->kind, ==, DG_IMPORT_ROW_REFUSED);

  /* "+82 12345" has seven digits as written, six as dialled at home. */
  problems = dg_csv_import_get_problems (import);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, "Row 4: Phone: “+82 12345” is too short");
  g_assert_cmpstr (g_ptr_array_index (problems, 1), ==, "Row 7: Phone: “123456” is too short");

  /* What the CSV import finds is what the vCard import finds. */
  g_assert_cmpint (dg_import_find_match (fixture->db, NULL, "0082 10 1234 5678", NULL, &error),
                   ==, fixture->kim);
  g_assert_no_error (error);
}

static void
test_plans (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = dg_test_write_temp_file ("signup.csv", signup_csv, -1);
  g_autoptr(DgCsvImport) import = load_and_preview (fixture, path);
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(DgCustomer) kim = NULL;
  g_autoptr(GError) error = NULL;
  DgImportSummary summary;

  /* Skip every duplicate but add Kim's row as a customer of its own. */
  dg_csv_import_set_plan_for_all (import, DG_IMPORT_PLAN_SKIP);
  dg_csv_import_set_row_plan (import, 0, DG_IMPORT_PLAN_ADD);
  g_assert_cmpuint (dg_csv_import_get_summary (import)->n_skipped, ==, 2);
  g_assert_cmpuint (dg_csv_import_get_summary (import)->n_added, ==, 2);
  g_assert_cmpuint (dg_csv_import_get_summary (import)->n_updated, ==, 0);

  undo = dg_csv_import_apply (import, fixture->db, fixture->clock, NULL, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_added, ==, 2);
  g_assert_cmpuint (summary.n_skipped, ==, 2);
  g_assert_cmpuint (summary.n_updated, ==, 0);
  g_assert_cmpint (count_customers (fixture), ==, 4);

  kim = dg_customers_get (fixture->db, fixture->kim, &error);
  g_assert_cmpstr (dg_customer_get_email (kim), ==, "");
}

static void
test_refused_files (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *before = dg_test_dump_database (fixture->db);
  g_autofree char *after = NULL;
  struct
  {
    const char *text;
    const char *message;
  } cases[] = {
    { "", "The file is empty: it holds no rows." },
    { "\xEF\xBB\xBF", "The file is empty: it holds no rows." },
    { "\r\n\r\n", "The file is empty: it holds no rows." },
    { "이름,연락처\r\n", "The file has a header but no rows under it." },
    { "메모,태그\nx,y\n", "Choose the column that holds the names." },
    { "이름,연락처\n김,010-1111-2222\n\"박,010", "Row 3: a quoted field is never closed; a \" is missing." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = dg_test_write_temp_file ("signup.csv", cases[i].text, -1);
      g_autoptr(DgCsvImport) import = dg_csv_import_new (path);
      g_autoptr(GError) error = NULL;

      if (dg_csv_import_load (import, NULL, &error))
        g_assert_false (dg_csv_import_preview (import, fixture->db, NULL, &error));
      g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_IMPORT);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }

  after = dg_test_dump_database (fixture->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_ragged_rows (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = dg_test_write_temp_file ("signup.csv",
                                                   "이름,연락처,메모\n김,010-1111-2222\n박,010-3333-4444,a,b\n최,010-5555-6666,,\n", -1);
  g_autoptr(DgCsvImport) import = load_and_preview (fixture, path);
  GPtrArray *problems = dg_csv_import_get_problems (import);

  /* A short row has empty cells; a long one is refused unless the extra
   * cells are empty. */
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, "Row 3: it has 4 cells, but the file has 3 columns");
  g_assert_cmpuint (dg_csv_import_get_summary (import)->n_added, ==, 2);
}

static void
test_file_changed (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = dg_test_write_temp_file ("signup.csv", signup_csv, -1);
  g_autoptr(DgCsvImport) import = load_and_preview (fixture, path);
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dg_test_dump_database (fixture->db);
  g_autofree char *after = NULL;
  g_autofree char *changed = g_strconcat (signup_csv, "2026. 12. 2 오전 9:00:00,새사람,010-9999-0000,,,예,\r\n", NULL);

  cancellable = g_cancellable_new ();
  g_cancellable_cancel (cancellable);
  undo = dg_csv_import_apply (import, fixture->db, fixture->clock, cancellable, NULL, &error);
  g_assert_null (undo);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, changed, -1, NULL));
  undo = dg_csv_import_apply (import, fixture->db, fixture->clock, NULL, NULL, &error);
  g_assert_null (undo);
  g_assert_error (error, DG_ERROR, DG_ERROR_IMPORT_FILE_CHANGED);
  g_assert_cmpstr (error->message, ==,
                   "Nothing was imported. The file changed since the preview; preview it again.");

  after = dg_test_dump_database (fixture->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_no_header (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *cp949 = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DgCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  /* An Excel list saved on Korean Windows: CP949, no header. */
  cp949 = g_convert ("정우성;010-3030-4040;jung@example.com\r\n강동원;010-5050-6060;kang@example.com\r\n",
                     -1, "CP949", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  path = dg_test_temp_path ("list.csv");
  g_assert_true (g_file_set_contents (path, cp949, len, NULL));

  import = load_and_preview (fixture, path);
  g_assert_cmpint (dg_csv_import_get_detection (import)->encoding, ==, DG_CSV_ENCODING_CP949);
  g_assert_true (dg_csv_import_get_detection (import)->fallback);
  g_assert_cmpint (dg_csv_import_get_detection (import)->delimiter, ==, ';');
  g_assert_false (dg_csv_import_get_has_header (import));
  g_assert_cmpstr (dg_csv_import_get_column_title (import, 0), ==, "Column 1");
  g_assert_cmpint (dg_csv_import_get_column_target (import, 0), ==, DG_IMPORT_TARGET_NAME);
  g_assert_cmpint (dg_csv_import_get_column_target (import, 1), ==, DG_IMPORT_TARGET_PHONE);
  g_assert_cmpint (dg_csv_import_get_column_target (import, 2), ==, DG_IMPORT_TARGET_EMAIL);
  g_assert_cmpuint (dg_csv_import_get_summary (import)->n_added, ==, 2);
  g_assert_cmpstr (dg_customer_get_name (g_ptr_array_index (dg_csv_import_get_sample (import), 0)), ==, "정우성");

  /* Told there is a header, the first row names the columns; changing a
   * column's field takes it from the column that had it. */
  dg_csv_import_set_header_mode (import, DG_CSV_HEADER_YES);
  g_assert_true (dg_csv_import_load (import, NULL, &error));
  g_assert_true (dg_csv_import_get_has_header (import));
  g_assert_cmpstr (dg_csv_import_get_column_title (import, 0), ==, "정우성");
  dg_csv_import_set_column_target (import, 0, DG_IMPORT_TARGET_NAME);
  dg_csv_import_set_column_target (import, 2, DG_IMPORT_TARGET_NAME);
  g_assert_cmpint (dg_csv_import_get_column_target (import, 0), ==, DG_IMPORT_TARGET_IGNORE);
  g_assert_true (dg_csv_import_preview (import, fixture->db, NULL, &error));
  g_assert_cmpuint (dg_csv_import_get_n_rows (import), ==, 1);
}

static void
test_enroll (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = dg_test_write_temp_file ("signup.csv", signup_csv, -1);
  g_autoptr(DgCsvImport) import = NULL;
  g_autoptr(DgJourney) journey = dg_journey_new ("공개강의");
  g_autoptr(DgStage) signed_up = NULL;
  g_autoptr(DgStageRule) rule = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(DgBulkUndo) kim_undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  DgImportSummary summary;

  g_assert_true (dg_journeys_insert (fixture->db, journey, &error));
  signed_up = dg_stage_new (journey->id, "신청");
  g_assert_true (dg_stages_insert (fixture->db, signed_up, &error));
  rule = dg_stage_rule_new (signed_up->id, "안내 문자 보내기", DG_RULE_ANCHOR_COHORT_DATE, -1);
  g_assert_true (dg_stage_rules_insert (fixture->db, rule, &error));
  g_assert_no_error (error);
  /* Kim is in the journey already: he stays where he is. */
  kim_undo = dg_enrollments_enroll_many (fixture->db, fixture->clock, &fixture->kim, 1, signed_up->id, 0, &error);
  g_assert_no_error (error);
  before = dg_test_dump_database (fixture->db);

  import = load_and_preview (fixture, path);
  dg_csv_import_set_enrollment (import, signed_up->id, "12/15 특강", "2026-12-15");
  undo = dg_csv_import_apply (import, fixture->db, fixture->clock, NULL, &summary, &error);
  g_assert_no_error (error);

  /* Lee and the new Park; the cohort made, and its rule's follow-ups. */
  g_assert_cmpuint (summary.n_enrolled, ==, 2);
  g_assert_cmpint (dg_test_count_rows (fixture->db, "SELECT count(*) FROM cohorts WHERE name = '12/15 특강' AND date = '2026-12-15'"), ==, 1);
  g_assert_cmpint (dg_test_count_rows (fixture->db, "SELECT count(*) FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id "
                                        "WHERE c.name = '12/15 특강'"), ==, 2);
  g_assert_cmpint (dg_test_count_rows (fixture->db, "SELECT count(*) FROM followups WHERE title = '안내 문자 보내기' "
                                        "AND due_date = '2026-12-14'"), ==, 2);

  /* One Undo takes the customers, the enrollments and the cohort. */
  dg_test_assert_undo_restores (undo, fixture->db, before);
}

static void
test_korean (Fixture       *fixture,
             gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = NULL;
      g_autoptr(DgCsvImport) import = NULL;
      GPtrArray *problems;

      g_setenv ("DANGOL_TEST_LANG", "ko", TRUE);
      dg_test_init_i18n ();
      path = dg_test_write_temp_file ("signup.csv", signup_csv, -1);
      import = load_and_preview (fixture, path);
      problems = dg_csv_import_get_problems (import);
      g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, "4행: 전화번호: “010-12” 번호가 너무 짧습니다");
      g_assert_cmpstr (g_ptr_array_index (dg_csv_import_get_conflicts (import), 0), ==,
                       "5행: 소속: “A사” 값을 그대로 둡니다. 파일의 값은 “B사”입니다");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

typedef struct
{
  GThread *thread;
  GArray  *done;
  guint    total;
} Progress;

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_true (g_thread_self () == progress->thread);
  g_assert_cmpuint (total, ==, progress->total);
  if (total > 0)
    g_assert_cmpuint (done, <=, total);
  g_array_append_val (progress->done, done);
}

/* The preview tells how many rows it has read; the apply how far it has
 * come, on its own thread, counting the refused rows too, and ends with
 * every row done. */
static void
test_progress (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GString) sheet = g_string_new ("이름,연락처\n");
  g_autofree char *path = NULL;
  g_autoptr(DgCsvImport) import = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) done = g_array_new (FALSE, FALSE, sizeof (guint));
  Progress progress = { g_thread_self (), done, 0 };
  DgImportSummary summary;

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (sheet, "고객%u,010-2000-%04u\n", i, i);
  /* A refused row and a blank one. */
  g_string_append (sheet, "짧은번호,010-12\n\n고객끝,010-3000-0001\n");
  path = dg_test_write_temp_file ("progress.csv", sheet->str, sheet->len);

  /* The preview counts the rows read, the total not known yet. */
  import = dg_csv_import_new (path);
  g_assert_true (dg_csv_import_load (import, NULL, &error));
  g_assert_no_error (error);
  dg_csv_import_set_progress_func (import, progress_cb, &progress);
  g_assert_true (dg_csv_import_preview (import, fixture->db, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (done->len, ==, 1002 / DG_CSV_IMPORT_PROGRESS_ROWS);
  for (guint i = 0; i < done->len; i++)
    g_assert_cmpuint (g_array_index (done, guint, i), ==, (i + 1) * DG_CSV_IMPORT_PROGRESS_ROWS);
  g_array_set_size (done, 0);

  progress.total = dg_csv_import_get_n_rows (import);
  g_assert_cmpuint (progress.total, ==, 1002);

  undo = dg_csv_import_apply (import, fixture->db, fixture->clock, NULL, &summary, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_cmpuint (summary.n_added, ==, 1001);
  g_assert_cmpuint (summary.n_refused, ==, 1);

  /* Every few hundred rows, not each one: a window is not flooded. */
  g_assert_cmpuint (done->len, >, 2);
  g_assert_cmpuint (done->len, <=, 1002 / DG_CSV_IMPORT_PROGRESS_ROWS + 1);
  for (guint i = 1; i < done->len; i++)
    g_assert_cmpuint (g_array_index (done, guint, i - 1), <, g_array_index (done, guint, i));
  g_assert_cmpuint (g_array_index (done, guint, done->len - 1), ==, progress.total);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/import-csv/preview", test_preview);
  ADD ("/import-csv/apply-and-undo", test_apply_and_undo);
  ADD ("/import-csv/clock-time", test_clock_time);
  ADD ("/import-csv/import-twice", test_import_twice);
  ADD ("/import-csv/names-only-twice", test_names_only_twice);
  ADD ("/import-csv/phone-forms", test_phone_forms);
  ADD ("/import-csv/plans", test_plans);
  ADD ("/import-csv/refused-files", test_refused_files);
  ADD ("/import-csv/ragged-rows", test_ragged_rows);
  ADD ("/import-csv/file-changed", test_file_changed);
  ADD ("/import-csv/no-header", test_no_header);
  ADD ("/import-csv/enroll", test_enroll);
  ADD ("/import-csv/korean", test_korean);
  ADD ("/import-csv/progress", test_progress);

  return g_test_run ();
}
