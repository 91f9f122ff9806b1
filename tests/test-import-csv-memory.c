/* test-import-csv-memory.c
 *
 * What an import keeps in memory does not grow with the file: a sheet of
 * 10k new sign-ups leaves no record of its own for each row in the
 * preview (only the duplicate and the refused row have one), its rows
 * still read with their numbers, and its Undo keeps the customers added
 * as one span of ids, which still deletes every one of them.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include "dg-import-csv-private.h"
#include "dg-test-util.h"

#define N_NEW 10000
/* A blank line before this row of the new ones. */
#define BLANK_BEFORE 5000

typedef struct
{
  DgDatabase *db;
  DgClock    *clock;
  char       *path;
} Fixture;

/* The sheet's line number (the header is line 1) of new row @i. */
static guint
line_of (guint i)
{
  return 2 + i + (i >= BLANK_BEFORE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("이름,휴대폰,이메일\r\n");

  for (guint i = 0; i < N_NEW; i++)
    {
      if (i == BLANK_BEFORE)
        g_string_append (text, "\r\n");
      g_string_append_printf (text, "고객 %u,010-%04u-%04u,c%u@example.com\r\n", i, 1000 + i / 10000, i % 10000,
                              i);
    }
  /* Refused: too few digits. */
  g_string_append (text, "짧은 번호,010-12,short@example.com\r\n");
  /* The first row again, by its phone number. */
  g_string_append (text, "고객 0,010 1000 0000,\r\n");

  fixture->db = dg_test_open_database ();
  fixture->clock = DG_CLOCK (dg_test_fake_clock ("Asia/Seoul", 2026, 12, 7, 10, 0));
  fixture->path = dg_test_temp_path ("many.csv");
  g_assert_true (g_file_set_contents (fixture->path, text->str, text->len, NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  g_clear_object (&fixture->clock);
  g_free (fixture->path);
}

static gint64
count_customers (Fixture *fixture)
{
  DgCustomerQuery query = { .archived = DG_ARCHIVED_INCLUDE };

  return dg_customers_count (fixture->db, &query, NULL);
}

static void
test_no_record_per_new_row (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(DgCsvImport) import = dg_csv_import_new (fixture->path);
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  const DgImportRow *row;
  DgImportSummary summary;
  guint n_new = 0;

  g_assert_true (dg_csv_import_load (import, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (dg_csv_import_preview (import, fixture->db, NULL, &error));
  g_assert_no_error (error);

  /* Every row but the blank one, and a record for two of them only. */
  g_assert_cmpuint (dg_csv_import_get_n_rows (import), ==, N_NEW + 2);
  g_assert_cmpuint (dg_csv_import_get_n_records (import), ==, 2);
  g_assert_cmpuint (dg_csv_import_get_summary (import)->n_added, ==, N_NEW);

  /* The new rows still read as before, numbered across the blank line. */
  for (guint i = 0; i < N_NEW; i++)
    {
      row = dg_csv_import_get_row (import, i);
      g_assert_cmpuint (row->row, ==, line_of (i));
      g_assert_cmpint (row->kind, ==, DG_IMPORT_ROW_NEW);
      g_assert_cmpint (row->match_customer_id, ==, 0);
      g_assert_cmpuint (row->match_row, ==, 0);
      g_assert_false (row->fills);
      n_new++;
    }
  g_assert_cmpuint (n_new, ==, N_NEW);

  row = dg_csv_import_get_row (import, N_NEW);
  g_assert_cmpint (row->kind, ==, DG_IMPORT_ROW_REFUSED);
  g_assert_cmpuint (row->row, ==, line_of (N_NEW));
  /* The earlier row it repeats is found without keeping the rows' keys
   * in memory. */
  row = dg_csv_import_get_row (import, N_NEW + 1);
  g_assert_cmpint (row->kind, ==, DG_IMPORT_ROW_DUPLICATE);
  g_assert_cmpuint (row->row, ==, line_of (N_NEW + 1));
  g_assert_cmpuint (row->match_row, ==, line_of (0));

  /* A new row has no plan; the duplicate's is kept. */
  dg_csv_import_set_plan_for_all (import, DG_IMPORT_PLAN_SKIP);
  g_assert_cmpint (dg_csv_import_get_row (import, 3)->plan, ==, DG_IMPORT_PLAN_UPDATE);
  g_assert_cmpint (dg_csv_import_get_row (import, N_NEW + 1)->plan, ==, DG_IMPORT_PLAN_SKIP);
  dg_csv_import_set_row_plan (import, N_NEW + 1, DG_IMPORT_PLAN_UPDATE);
  g_assert_cmpuint (dg_csv_import_get_n_records (import), ==, 2);

  undo = dg_csv_import_apply (import, fixture->db, fixture->clock, NULL, &summary, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_cmpuint (summary.n_added, ==, N_NEW);
  g_assert_cmpuint (summary.n_refused, ==, 1);
  g_assert_cmpint (count_customers (fixture), ==, N_NEW);
  /* One span of ids for the customers added, not one id each. */
  g_assert_cmpuint (dg_bulk_undo_get_n_created_spans (undo), ==, 1);

  g_assert_true (dg_bulk_undo_apply (undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_customers (fixture), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import/csv/memory/no-record-per-new-row", Fixture, NULL, fixture_set_up,
              test_no_record_per_new_row, fixture_tear_down);

  return g_test_run ();
}
