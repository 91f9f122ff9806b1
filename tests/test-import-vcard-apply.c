/* test-import-vcard-apply.c
 *
 * Importing a vCard file through the same DgCsvImport as a sheet: told by
 * its content whatever its name, previewed and applied card by card with
 * the same duplicate plans, conflicts, enrolment and Undo; a Dangol export
 * read back adds nothing; bad cards are refused and change nothing.
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
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = dg_test_open_database ();
  fixture->clock = DG_CLOCK (dg_test_fake_clock ("Asia/Seoul", 2026, 12, 7, 10, 0));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  g_clear_object (&fixture->clock);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "vcard", name, NULL);
}

static DgCsvImport *
load_and_preview (Fixture    *fixture,
                  const char *path)
{
  g_autoptr(DgCsvImport) import = dg_csv_import_new (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_csv_import_load (import, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_csv_import_get_format (import), ==, DG_IMPORT_FORMAT_VCARD);
  g_assert_true (dg_csv_import_preview (import, fixture->db, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&import);
}

static DgBulkUndo *
import_file (Fixture         *fixture,
             const char      *path,
             DgImportSummary *summary)
{
  g_autoptr(DgCsvImport) import = load_and_preview (fixture, path);
  g_autoptr(GError) error = NULL;
  DgBulkUndo *undo;

  undo = dg_csv_import_apply (import, fixture->db, fixture->clock, NULL, summary, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);

  return undo;
}

static DgCustomer *
find_by_name (Fixture    *fixture,
              const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM customers WHERE name = '%s'", name);
  gint64 id = dg_test_count_rows (fixture->db, sql);
  g_autoptr(GError) error = NULL;
  DgCustomer *customer = dg_customers_get (fixture->db, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (customer);

  return customer;
}

/* A vCard file is told by its first line, whatever its name: after a byte
 * order mark and blank lines, in UTF-8 or UTF-16; a sheet stays a sheet. */
static void
test_detect (Fixture       *fixture,
             gconstpointer  data)
{
  static const char vcard[] = "\xEF\xBB\xBF\r\n\r\n  begin:vcard\r\nVERSION:3.0\r\nFN:김민수\r\nEND:VCARD\r\n";
  static const char utf16[] = "\xFF\xFE" "B\0E\0G\0I\0N\0:\0V\0C\0A\0R\0D\0\r\0\n\0"
                              "V\0E\0R\0S\0I\0O\0N\0:\0" "3\0.\0" "0\0\r\0\n\0"
                              "F\0N\0:\0K\0i\0m\0\r\0\n\0E\0N\0D\0:\0V\0C\0A\0R\0D\0\r\0\n\0";
  static const char sheet[] = "이름,연락처\r\nBEGIN:VCARD,010-1234-5678\r\n";
  g_autofree char *vcard_path = dg_test_write_temp_file ("contacts.csv", vcard, -1);
  g_autofree char *utf16_path = dg_test_write_temp_file ("contacts.txt", utf16, sizeof utf16 - 1);
  g_autofree char *sheet_path = dg_test_write_temp_file ("sheet.vcf", sheet, -1);
  g_autoptr(DgCsvImport) import = NULL;
  g_autoptr(DgCsvImport) wide = NULL;
  g_autoptr(DgCsvImport) csv = dg_csv_import_new (sheet_path);
  g_autoptr(GError) error = NULL;

  import = load_and_preview (fixture, vcard_path);
  g_assert_cmpuint (dg_csv_import_get_n_columns (import), ==, 0);
  g_assert_cmpuint (dg_csv_import_get_n_rows (import), ==, 1);
  g_assert_cmpuint (dg_csv_import_get_summary (import)->n_added, ==, 1);
  g_assert_nonnull (dg_csv_import_get_vcard_counts (import));

  wide = load_and_preview (fixture, utf16_path);
  g_assert_cmpstr (dg_customer_get_name (g_ptr_array_index (dg_csv_import_get_sample (wide), 0)), ==, "Kim");

  g_assert_true (dg_csv_import_load (csv, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_csv_import_get_format (csv), ==, DG_IMPORT_FORMAT_CSV);
  g_assert_null (dg_csv_import_get_vcard_counts (csv));
  g_assert_cmpuint (dg_csv_import_get_n_columns (csv), ==, 2);
}

/* 2.1, 3.0 and 4.0 files into an empty database: every card added, the
 * counts told; the same file again adds nothing; Undo empties it again. */
static void
test_versions (Fixture       *fixture,
               gconstpointer  data)
{
  static const struct
  {
    const char *file;
    guint       n_cards;
    const char *first_name;
    const char *notes[3];
  } files[] = {
    { "korean-21.vcf", 4, "김민수", { "1 photo left out", "2 further phone numbers kept in the note", NULL } },
    { "korean-30.vcf", 2, "정하늘", { NULL } },
    { "korean-40.vcf", 2, "윤서연", { NULL } },
  };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *path = fixture_path (files[f].file);
      g_autofree char *before = dg_test_dump_database (fixture->db);
      g_autoptr(DgCsvImport) import = load_and_preview (fixture, path);
      g_autoptr(DgBulkUndo) undo = NULL;
      g_autoptr(DgBulkUndo) again = NULL;
      g_autoptr(DgCustomer) first = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) notes = dg_vcard_import_describe_counts (dg_csv_import_get_vcard_counts (import));
      DgImportSummary summary;

      g_assert_cmpuint (dg_csv_import_get_n_rows (import), ==, files[f].n_cards);
      g_assert_cmpuint (dg_csv_import_get_row (import, 0)->row, ==, 1);
      g_assert_cmpuint (dg_csv_import_get_summary (import)->n_added, ==, files[f].n_cards);
      g_assert_cmpuint (dg_csv_import_get_vcard_counts (import)->n_photos, ==, 1);
      for (guint i = 0; files[f].notes[i] != NULL; i++)
        g_assert_true (g_strv_contains ((const char * const *) notes, files[f].notes[i]));

      undo = dg_csv_import_apply (import, fixture->db, fixture->clock, NULL, &summary, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (summary.n_added, ==, files[f].n_cards);
      g_assert_cmpint (dg_test_count_rows (fixture->db, "SELECT count(*) FROM customers"), ==, files[f].n_cards);
      first = find_by_name (fixture, files[f].first_name);
      g_assert_cmpstr (dg_customer_get_name (first), ==, files[f].first_name);

      /* The second time every card is a customer with nothing to fill. */
      again = import_file (fixture, path, &summary);
      g_assert_cmpuint (summary.n_added, ==, 0);
      g_assert_cmpuint (summary.n_updated, ==, 0);
      g_assert_cmpuint (summary.n_unchanged, ==, files[f].n_cards);
      g_assert_cmpuint (dg_bulk_undo_get_n_changed (again), ==, 0);

      dg_test_assert_undo_restores (undo, fixture->db, before);
    }
}

static const char duplicates_vcf[] =
  "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:김민수\r\nTEL;TYPE=CELL:+82 10-1234-5678\r\n"
  "EMAIL:minsu@example.kr\r\nORG:다온교육\r\nCATEGORIES:강의\r\nEND:VCARD\r\n"
  "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:박지훈\r\nTEL;TYPE=CELL:010-2222-3333\r\nEND:VCARD\r\n"
  "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:박지훈\r\nTEL:010 2222 3333\r\nEMAIL:park@example.kr\r\nEND:VCARD\r\n";

/* Kim is known by his number, with another company: his e-mail and tag
 * are filled, his company kept (a conflict); Park's second card is a
 * duplicate of his first. Each plan does what it says. */
static void
test_duplicates (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = dg_test_write_temp_file ("contacts.vcf", duplicates_vcf, -1);
  gint64 kim = dg_test_store_customer (fixture->db, "김민수", "010-1234-5678", "", "단골상사");
  const DgImportPlan plans[] = { DG_IMPORT_PLAN_UPDATE, DG_IMPORT_PLAN_SKIP, DG_IMPORT_PLAN_ADD };

  for (guint p = 0; p < G_N_ELEMENTS (plans); p++)
    {
      g_autoptr(DgCsvImport) import = load_and_preview (fixture, path);
      g_autofree char *before = dg_test_dump_database (fixture->db);
      g_autoptr(DgBulkUndo) undo = NULL;
      g_autoptr(DgCustomer) customer = NULL;
      g_autoptr(GError) error = NULL;
      const DgImportSummary *preview = dg_csv_import_get_summary (import);
      GPtrArray *conflicts = dg_csv_import_get_conflicts (import);
      const DgImportRow *row;
      DgImportSummary summary;

      row = dg_csv_import_get_row (import, 0);
      g_assert_cmpint (row->kind, ==, DG_IMPORT_ROW_DUPLICATE);
      g_assert_cmpint (row->match_customer_id, ==, kim);
      g_assert_cmpuint (row->n_conflicts, ==, 1);
      g_assert_true (row->fills);
      row = dg_csv_import_get_row (import, 2);
      g_assert_cmpint (row->kind, ==, DG_IMPORT_ROW_DUPLICATE);
      g_assert_cmpuint (row->row, ==, 3);
      g_assert_cmpuint (row->match_row, ==, 2);
      g_assert_cmpuint (conflicts->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (conflicts, 0), ==,
                       "Card 1: Organization: keeps “단골상사”; the file has “다온교육”");

      dg_csv_import_set_plan_for_all (import, plans[p]);
      undo = dg_csv_import_apply (import, fixture->db, fixture->clock, NULL, &summary, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (summary.n_added, ==, preview->n_added);
      g_assert_cmpuint (summary.n_skipped, ==, preview->n_skipped);

      customer = dg_customers_get (fixture->db, kim, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (dg_customer_get_organization (customer), ==, "단골상사");
      switch (plans[p])
        {
        case DG_IMPORT_PLAN_UPDATE:
          g_assert_cmpuint (summary.n_added, ==, 1);
          g_assert_cmpuint (summary.n_updated, ==, 2);
          g_assert_cmpstr (dg_customer_get_email (customer), ==, "minsu@example.kr");
          g_assert_true (g_strv_equal (dg_customer_get_tags (customer), (const char *[]) { "강의", NULL }));
          g_assert_cmpint (dg_test_count_rows (fixture->db, "SELECT count(*) FROM customers WHERE name = '박지훈' "
                                                "AND email = 'park@example.kr'"), ==, 1);
          break;
        case DG_IMPORT_PLAN_SKIP:
          g_assert_cmpuint (summary.n_added, ==, 1);
          g_assert_cmpuint (summary.n_skipped, ==, 2);
          g_assert_cmpstr (dg_customer_get_email (customer), ==, "");
          g_assert_cmpint (dg_test_count_rows (fixture->db, "SELECT count(*) FROM customers WHERE name = '박지훈' "
                                                "AND email = ''"), ==, 1);
          break;
        case DG_IMPORT_PLAN_ADD:
        default:
          g_assert_cmpuint (summary.n_added, ==, 3);
          g_assert_cmpstr (dg_customer_get_email (customer), ==, "");
          g_assert_cmpint (dg_test_count_rows (fixture->db, "SELECT count(*) FROM customers WHERE name = '김민수'"), ==, 2);
          g_assert_cmpint (dg_test_count_rows (fixture->db, "SELECT count(*) FROM customers WHERE name = '박지훈'"), ==, 2);
          break;
        }

      dg_test_assert_undo_restores (undo, fixture->db, before);
    }
}

/* Every card added or matched joins the stage, in a cohort made for
 * them (one already in the journey stays where it is); one Undo takes it
 * all back. */
static void
test_enroll (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = dg_test_write_temp_file ("contacts.vcf", duplicates_vcf, -1);
  g_autoptr(DgJourney) journey = dg_journey_new ("공개강의");
  g_autoptr(DgStage) signed_up = NULL;
  g_autoptr(DgCsvImport) import = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(DgBulkUndo) kim_undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 kim = dg_test_store_customer (fixture->db, "김민수", "010-1234-5678", "", "");
  DgImportSummary summary;

  g_assert_true (dg_journeys_insert (fixture->db, journey, &error));
  signed_up = dg_stage_new (journey->id, "신청");
  g_assert_true (dg_stages_insert (fixture->db, signed_up, &error));
  g_assert_no_error (error);
  /* Kim is in the journey already: he stays where he is. */
  kim_undo = dg_enrollments_enroll_many (fixture->db, fixture->clock, &kim, 1, signed_up->id, 0, &error);
  g_assert_no_error (error);
  before = dg_test_dump_database (fixture->db);

  import = load_and_preview (fixture, path);
  dg_csv_import_set_enrollment (import, signed_up->id, "12/15 특강", "2026-12-15");
  undo = dg_csv_import_apply (import, fixture->db, fixture->clock, NULL, &summary, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (summary.n_enrolled, ==, 1);
  g_assert_cmpint (dg_test_count_rows (fixture->db, "SELECT count(*) FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id "
                                        "JOIN customers u ON u.id = e.customer_id "
                                        "WHERE c.name = '12/15 특강' AND c.date = '2026-12-15' "
                                        "AND u.name = '박지훈'"), ==, 1);
  g_assert_cmpint (dg_test_count_rows (fixture->db, "SELECT count(*) FROM enrollments"), ==, 2);

  dg_test_assert_undo_restores (undo, fixture->db, before);
}

/* Dangol's own export read back finds every customer by its uuid, even
 * one whose number changed since, and adds or changes nothing. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = dg_test_temp_path ("export.vcf");
  g_autoptr(DgCustomer) lee = dg_customer_new ();
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(DgCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *tags[] = { "VIP", "강의", NULL };
  DgImportSummary summary;
  guint n = 0;

  dg_test_store_customer (fixture->db, "김민수", "010-1234-5678", "minsu@example.kr", "다온교육");
  dg_test_store_customer (fixture->db, "박지훈", "", "", "");
  dg_customer_set_name (lee, "이영희");
  dg_customer_set_phone (lee, "+82 10-4444-5555");
  dg_customer_set_note (lee, "첫 상담 3/2\n소개: 김민수, 지인");
  dg_customer_set_birthday (lee, "1990-03-05");
  dg_customer_set_tags (lee, tags);
  g_assert_true (dg_customers_insert (fixture->db, lee, &error));
  g_assert_no_error (error);

  g_assert_true (dg_export_vcard (fixture->db, NULL, 0, path, NULL, NULL, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);

  /* Known by the uuid alone now. */
  dg_customer_set_phone (lee, "010-9999-8888");
  g_assert_true (dg_customers_update (fixture->db, lee, &error));
  g_assert_no_error (error);
  before = dg_test_dump_database (fixture->db);

  import = load_and_preview (fixture, path);
  g_assert_cmpint (dg_csv_import_get_row (import, 2)->match_customer_id, ==, dg_customer_get_id (lee));
  undo = dg_csv_import_apply (import, fixture->db, fixture->clock, NULL, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_added, ==, 0);
  g_assert_cmpuint (summary.n_updated, ==, 0);
  g_assert_cmpuint (summary.n_unchanged, ==, 3);
  g_assert_cmpuint (summary.n_conflicts, ==, 1);
  after = dg_test_dump_database (fixture->db);
  g_assert_cmpstr (after, ==, before);
}

/* The bad cards the issue names are refused with their number and reason
 * and write nothing; the one good card of the file is the only change. */
static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct
  {
    const char *text;
    const char *problem;
  } cards[] = {
    { "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:끝없음\r\nTEL;TYPE=CELL:010-1000-0001\r\n",
      "Card 1: the file ends before END:VCARD" },
    { "BEGIN:VCARD\r\nFN:버전없음\r\nEND:VCARD\r\n",
      "Card 1: VERSION is missing" },
    { "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE:=EA=B9=8G\r\nEND:VCARD\r\n",
      "Card 1: FN: the quoted-printable text is broken" },
    { "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=X-MARTIAN;ENCODING=QUOTED-PRINTABLE:=B1=E8\r\nEND:VCARD\r\n",
      "Card 1: FN: the character set “X-MARTIAN” is unknown" },
  };
  g_autofree char *bad_path = fixture_path ("bad.vcf");
  g_autoptr(DgCsvImport) bad = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  DgImportSummary summary;
  GPtrArray *problems;

  dg_test_store_customer (fixture->db, "김민수", "010-1234-5678", "", "");
  before = dg_test_dump_database (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      g_autofree char *path = dg_test_write_temp_file ("bad-card.vcf", cards[i].text, -1);
      g_autoptr(DgCsvImport) import = load_and_preview (fixture, path);
      g_autoptr(DgBulkUndo) nothing = NULL;
      g_autofree char *after = NULL;

      g_assert_cmpuint (dg_csv_import_get_summary (import)->n_refused, ==, 1);
      g_assert_cmpint (dg_csv_import_get_row (import, 0)->kind, ==, DG_IMPORT_ROW_REFUSED);
      problems = dg_csv_import_get_problems (import);
      g_assert_cmpuint (problems->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, cards[i].problem);

      nothing = dg_csv_import_apply (import, fixture->db, fixture->clock, NULL, &summary, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (summary.n_refused, ==, 1);
      g_assert_cmpuint (summary.n_added, ==, 0);
      g_assert_cmpuint (dg_bulk_undo_get_n_changed (nothing), ==, 0);
      after = dg_test_dump_database (fixture->db);
      g_assert_cmpstr (after, ==, before);
    }

  /* The file of bad cards: problems in card order, one added. */
  bad = load_and_preview (fixture, bad_path);
  problems = dg_csv_import_get_problems (bad);
  g_assert_cmpuint (problems->len, ==, 7);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, "Card 1: END:VCARD is missing before the next card");
  g_assert_cmpstr (g_ptr_array_index (problems, 6), ==, "Card 8: the file ends before END:VCARD");
  g_assert_cmpuint (dg_csv_import_get_row (bad, 6)->row, ==, 7);
  g_assert_cmpint (dg_csv_import_get_row (bad, 6)->kind, ==, DG_IMPORT_ROW_NEW);
  undo = dg_csv_import_apply (bad, fixture->db, fixture->clock, NULL, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_added, ==, 1);
  g_assert_cmpuint (summary.n_refused, ==, 7);
  g_assert_cmpint (dg_test_count_rows (fixture->db, "SELECT count(*) FROM customers WHERE name = '정상'"), ==, 1);
  dg_test_assert_undo_restores (undo, fixture->db, before);
}

/* A 10 MB photo is left out (counted), its card imported without it;
 * 10,000 cards import in one go, a second time add nothing, and Undo
 * takes them all back. */
static void
test_large (Fixture       *fixture,
            gconstpointer  data)
{
  GString *text = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *before = dg_test_dump_database (fixture->db);
  g_autoptr(DgCsvImport) import = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(DgBulkUndo) again = NULL;
  g_autoptr(DgCustomer) photo = NULL;
  g_autoptr(GError) error = NULL;
  DgImportSummary summary;

  g_string_append (text, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:사진\r\nPHOTO;ENCODING=b;TYPE=JPEG:");
  for (guint i = 0; i < 10 * 1024 * 1024 / 74; i++)
    g_string_append (text, "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB\r\n ");
  g_string_append (text, "QQ==\r\nEND:VCARD\r\n");
  for (guint i = 1; i < 10000; i++)
    g_string_append_printf (text,
                            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:고객 %u\r\n"
                            "TEL;TYPE=CELL:010-%04u-%04u\r\nEND:VCARD\r\n",
                            i, 1000 + i / 10000, i % 10000);
  path = dg_test_write_temp_file ("large.vcf", text->str, text->len);
  g_string_free (text, TRUE);

  import = load_and_preview (fixture, path);
  g_assert_cmpuint (dg_csv_import_get_vcard_counts (import)->n_photos, ==, 1);
  g_assert_cmpuint (dg_csv_import_get_summary (import)->n_added, ==, 10000);
  undo = dg_csv_import_apply (import, fixture->db, fixture->clock, NULL, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_added, ==, 10000);

  photo = find_by_name (fixture, "사진");
  g_assert_cmpstr (dg_customer_get_note (photo), ==, "");
  g_assert_cmpint (dg_test_count_rows (fixture->db, "SELECT max(length(note)) FROM customers"), ==, 0);

  again = import_file (fixture, path, &summary);
  g_assert_cmpuint (summary.n_added, ==, 0);
  g_assert_cmpuint (summary.n_unchanged, ==, 10000);

  dg_test_assert_undo_restores (undo, fixture->db, before);
}

/* A survey logs answers from a sheet's columns: a vCard file has none. */
static void
test_survey_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = dg_test_write_temp_file ("contacts.vcf", duplicates_vcf, -1);
  g_autoptr(DgCsvImport) import = dg_csv_import_new (path);
  g_autoptr(GError) error = NULL;

  dg_csv_import_set_survey (import, fixture->clock);
  g_assert_false (dg_csv_import_load (import, NULL, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_IMPORT);
  g_assert_nonnull (strstr (error->message, "CSV"));
}

/* A UTF-16 file is told by its first code units alone: an emoji cut in two
 * by the end of the 4096 bytes read, or a lone surrogate further on, does
 * not turn it into a sheet. */
static void
test_detect_utf16_surrogates (Fixture       *fixture,
                              gconstpointer  data)
{
  static const char lone[] = "\xFF\xFE" "B\0E\0G\0I\0N\0:\0V\0C\0A\0R\0D\0\r\0\n\0"
                             "F\0N\0:\0\x00\xD8K\0\r\0\n\0";
  static const char lone_be[] = "\xFE\xFF" "\0 \0\r\0\n\0b\0e\0g\0i\0n\0:\0v\0c\0a\0r\0d"
                                "\0\r\0\n\xDC\x00";
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", "import-vcard-corpus",
                                                 "utf16le-emoji-at-4k.vcf", NULL);
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(DgCsvImport) import = NULL;
  DgCustomer *customer;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 4096);
  /* The high surrogate ends the prefix the loader sniffs. */
  g_assert_cmphex ((guchar) contents[4095], ==, 0xD8);
  g_assert_true (dg_vcard_import_sniff (contents, 4096));
  g_assert_true (dg_vcard_import_sniff (contents, 4095));

  import = load_and_preview (fixture, path);
  g_assert_cmpuint (dg_csv_import_get_n_rows (import), ==, 1);
  customer = g_ptr_array_index (dg_csv_import_get_sample (import), 0);
  g_assert_cmpstr (dg_customer_get_name (customer), ==, "Emoji Kim");
  g_assert_true (g_str_has_suffix (dg_customer_get_note (customer), "a\U0001F600"));

  g_assert_true (dg_vcard_import_sniff (lone, sizeof lone - 1));
  g_assert_true (dg_vcard_import_sniff (lone_be, sizeof lone_be - 1));
  g_assert_false (dg_vcard_import_sniff (lone, 2 + 2 * 10));
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/import-vcard/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("detect", test_detect);
  ADD ("detect-utf16-surrogates", test_detect_utf16_surrogates);
  ADD ("versions", test_versions);
  ADD ("duplicates", test_duplicates);
  ADD ("enroll", test_enroll);
  ADD ("round-trip", test_round_trip);
  ADD ("bad-input", test_bad_input);
  ADD ("large", test_large);
  ADD ("survey-refused", test_survey_refused);
#undef ADD

  return g_test_run ();
}
