/* test-export-csv.c
 *
 * Customers written as CSV for a spreadsheet: a UTF-8 byte order mark,
 * CRLF, RFC 4180 quoting read back by python3's csv module with the
 * Korean intact, formulas defused while phone numbers stay readable, and
 * the list's search and filters respected.
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "dg-core.h"
#include "dg-database-private.h"
#include "dg-test-util.h"

/* Prints each row of the file as its cells joined by " | ". */
static const char *read_script =
  "import csv, sys\n"
  "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n"
  "    for row in csv.reader(f):\n"
  "        print(' | '.join(c.replace('\\r\\n', '<CRLF>').replace('\\n', '<LF>') for c in row))\n";

static gint64
add_customer (DgDatabase *db,
              const char *name,
              const char *phone,
              const char *email,
              const char *organization,
              const char *note,
              const char *tags_text)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_auto(GStrv) tags = dg_tags_parse (tags_text);
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  dg_customer_set_phone (customer, phone);
  dg_customer_set_email (customer, email);
  dg_customer_set_organization (customer, organization);
  dg_customer_set_note (customer, note);
  dg_customer_set_tags (customer, (const char * const *) tags);
  g_assert_true (dg_customers_insert (db, customer, &error));
  g_assert_no_error (error);

  return dg_customer_get_id (customer);
}

static void
fill (DgDatabase *db,
      gint64      ids[4])
{
  ids[0] = add_customer (db, "김민수", "01012345678", "minsu@example.kr", "다온교육, 본점",
                         "첫 줄\r\n둘째 줄", "VIP, 강의");
  ids[1] = add_customer (db, "이영희 \"영\"", "+82 10-2222-3333", "", "", "", "강의");
  ids[2] = add_customer (db, "=HYPERLINK(\"http://x\")", "", "-2+3@example.com", "@회사", "", "");
  ids[3] = add_customer (db, "John Smith", "", "john@example.com", "Acme", "", "VIP");
}

static char *
read_csv (const char *path)
{
  const char *argv[] = { "/usr/bin/python3", "-c", read_script, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python3 csv failed: %s", err);

  return out;
}

static const DgExportCsvColumn columns[] = {
  DG_EXPORT_CSV_NAME, DG_EXPORT_CSV_PHONE, DG_EXPORT_CSV_EMAIL,
  DG_EXPORT_CSV_ORGANIZATION, DG_EXPORT_CSV_TAGS, DG_EXPORT_CSV_NOTE,
};

static void
test_bytes (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autofree char *path = dg_test_temp_path ("bytes.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  GStatBuf st;
  gint64 ids[4];
  guint count = 0;

  fill (db, ids);
  g_assert_true (dg_export_csv (db, NULL, &ids[3], 1, columns, G_N_ELEMENTS (columns), NULL,
                                path, NULL, NULL, NULL, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 1);

  bytes = dg_test_read_file (path);
  data = g_bytes_get_data (bytes, NULL);
  g_assert_cmpstr (data, ==,
                   "\xEF\xBB\xBF" "Name,Phone,Email,Organization,Tags,Note\r\n"
                   "John Smith,,john@example.com,Acme,VIP,\r\n");

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_cells (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "", "" },
    { "plain", "plain" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "=1+1", "'=1+1" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0" },
    { "+HYPERLINK(\"x\",\"y\")", "\"'+HYPERLINK(\"\"x\"\",\"\"y\"\")\"" },
    { "\t=1", "'\t=1" },
    /* Phone numbers stay as they are read. */
    { "+82 10-1234-5678", "+82 10-1234-5678" },
    { "-", "-" },
    { "+", "'+" },
    { "한글, 쉼표", "\"한글, 쉼표\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cell = dg_export_csv_cell (cases[i].in);

      g_assert_cmpstr (cell, ==, cases[i].out);
    }
}

/* python3's csv module reads back what was stored. */
static void
test_python_reads (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autofree char *path = dg_test_temp_path ("read.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  gint64 ids[4];

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is missing");
      return;
    }

  fill (db, ids);
  g_assert_true (dg_export_csv (db, NULL, ids, 3, columns, G_N_ELEMENTS (columns), NULL,
                                path, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  out = read_csv (path);
  g_assert_cmpstr (out, ==,
                   "Name | Phone | Email | Organization | Tags | Note\n"
                   "김민수 | 010-1234-5678 | minsu@example.kr | 다온교육, 본점 | VIP, 강의 | 첫 줄<CRLF>둘째 줄\n"
                   "이영희 \"영\" | +82 10-2222-3333 |  |  | 강의 | \n"
                   "'=HYPERLINK(\"http://x\") |  | '-2+3@example.com | '@회사 |  | \n");
}

/* The list as shown: its search text, tag filter and order. */
static void
test_query (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autofree char *path = dg_test_temp_path ("query.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  DgCustomerQuery query = { 0 };
  const DgExportCsvColumn *list_columns;
  guint n_list_columns;
  guint count = 0;
  gint64 ids[4];

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is missing");
      return;
    }

  fill (db, ids);
  g_assert_true (dg_customers_set_archived (db, ids[3], TRUE, &error));

  list_columns = dg_export_csv_list_columns (&n_list_columns);
  g_assert_cmpuint (n_list_columns, ==, 6);

  /* A tag; the archived customer with it is not in the list. */
  query.tag = "VIP";
  query.archived = DG_ARCHIVED_EXCLUDE;
  query.sort = DG_CUSTOMER_SORT_NAME;
  query.limit = 1;
  g_assert_true (dg_export_csv (db, &query, NULL, 0, columns, 1, NULL, path, NULL, NULL, NULL,
                                &count,
                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 1);
  out = read_csv (path);
  g_assert_cmpstr (out, ==, "Name\n김민수\n");
  g_clear_pointer (&out, g_free);

  /* Search text, descending by name, with the list's columns. */
  query.tag = NULL;
  query.text = "강의";
  query.descending = TRUE;
  g_assert_true (dg_export_csv (db, &query, NULL, 0, list_columns, n_list_columns, NULL, path,
                                NULL, NULL, NULL, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 2);
  out = read_csv (path);
  {
    g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
    g_autofree char *first = g_strdup_printf ("이영희 \"영\" | +82 10-2222-3333 |  | 강의 |  | %s", today);

    g_assert_cmpuint (g_strv_length (lines), ==, 4);
    g_assert_cmpstr (lines[0], ==, "Name | Phone | Email | Tags | Last Contact | Added");
    g_assert_cmpstr (lines[1], ==, first);
    g_assert_true (g_str_has_prefix (lines[2], "김민수 | 010-1234-5678 | "));
  }

  /* Every customer not archived when there is no query. */
  g_assert_true (dg_export_csv (db, NULL, NULL, 0, columns, 1, NULL, path, NULL, NULL, NULL, &count,
                                &error));
  g_assert_cmpuint (count, ==, 3);
}

/* The export reads in a read transaction of its own that it ends, so the
 * database's own transactions work after it; inside the caller's
 * transaction it opens none and leaves that one open. */
static void
test_transaction (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autofree char *path = dg_test_temp_path ("transaction.csv");
  g_autoptr(GError) error = NULL;
  sqlite3 *handle = dg_database_get_handle (db);
  guint count = 0;
  gint64 ids[4];

  fill (db, ids);
  g_assert_true (dg_export_csv (db, NULL, NULL, 0, columns, 1, NULL, path, NULL, NULL, NULL, &count,
                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 4);
  g_assert_cmpint (sqlite3_get_autocommit (handle), !=, 0);

  g_assert_true (dg_database_begin (db, &error));
  g_assert_no_error (error);
  add_customer (db, "박서준", "", "", "", "", "");
  g_assert_true (dg_export_csv (db, NULL, NULL, 0, columns, 1, NULL, path, NULL, NULL, NULL, &count,
                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 5);
  g_assert_cmpint (sqlite3_get_autocommit (handle), ==, 0);
  g_assert_true (dg_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_get_autocommit (handle), !=, 0);

  g_assert_true (dg_database_begin (db, &error));
  g_assert_no_error (error);
  dg_database_rollback (db);
}

/* A failed export leaves the file that was there. */
static void
test_failure_keeps_old (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autofree char *missing = dg_test_temp_path ("no-such-folder/list.csv");
  g_autoptr(GError) error = NULL;
  gint64 ids[4];

  fill (db, ids);
  g_assert_false (dg_export_csv (db, NULL, NULL, 0, columns, 1, NULL, missing, NULL, NULL, NULL,
                                 NULL,
                                 &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-csv/bytes", test_bytes);
  g_test_add_func ("/export-csv/cells", test_cells);
  g_test_add_func ("/export-csv/python-reads", test_python_reads);
  g_test_add_func ("/export-csv/query", test_query);
  g_test_add_func ("/export-csv/failure-keeps-old", test_failure_keeps_old);
  g_test_add_func ("/export-csv/transaction", test_transaction);

  return g_test_run ();
}
