/* test-vcard-export.c
 *
 * Customers written as vCard 3.0: read back by our own import as the same
 * customers, read by python3-vobject with the Korean intact, written
 * privately and atomically.
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "dg-core.h"
#include "dg-test-util.h"

static gint64
add_customer (DgDatabase *db,
              const char *name,
              const char *phone,
              const char *email,
              const char *organization,
              const char *note,
              const char *birthday,
              gboolean    lunar,
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
  dg_customer_set_birthday_lunar (customer, lunar);
  dg_customer_set_birthday (customer, birthday);
  dg_customer_set_tags (customer, (const char * const *) tags);
  g_assert_true (dg_customers_insert (db, customer, &error));
  g_assert_no_error (error);

  return dg_customer_get_id (customer);
}

static const char *long_note =
  "12월 15일 특강에 신청했고, 다음 과정에 관심이 많음; 주차 문의\n"
  "두 번째 줄: \\ 백슬래시도 그대로, 쉼표, 쌍반점; 모두 그대로 돌아와야 한다.";

static void
fill (DgDatabase *db,
      gint64      ids[3])
{
  ids[0] = add_customer (db, "김민수", "010-1234-5678", "minsu@example.kr", "다온교육",
                         long_note, "1988-07-21", FALSE, "VIP, 강의");
  ids[1] = add_customer (db, "이영희", "+82 10-2222-3333", "", "", "", "1990-08-15", TRUE, "");
  ids[2] = add_customer (db, "John Smith", "", "john@example.com", "Acme; Inc.", "", NULL, FALSE,
                         "재등록");
}

static void
test_round_trip (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autofree char *path = dg_test_temp_path ("contacts.vcf");
  g_autoptr(GError) error = NULL;
  g_autoptr(DgVcardImport) import = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GStatBuf st;
  gint64 ids[3];
  guint count = 0;

  fill (db, ids);
  g_assert_true (dg_export_vcard (db, NULL, 0, path, NULL, NULL, NULL, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 3);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Every line at most 75 octets, folded between characters. */
  bytes = dg_test_read_file (path);
  {
    g_auto(GStrv) lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\r\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_assert_cmpuint (strlen (lines[i]), <=, 75);
        g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      }
  }

  import = dg_vcard_import_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dg_vcard_import_get_n_customers (import), ==, 3);

  /* Sorted by name as the list is: John Smith, 김민수, 이영희. */
  for (guint i = 0; i < 3; i++)
    {
      DgCustomer *read = dg_vcard_import_get_customer (import, i);
      g_autoptr(DgCustomer) stored = dg_customers_get (db, ids[(i + 2) % 3], &error);

      g_assert_cmpstr (dg_customer_get_uuid (read), ==, dg_customer_get_uuid (stored));
      g_assert_cmpstr (dg_customer_get_name (read), ==, dg_customer_get_name (stored));
      g_assert_cmpstr (dg_customer_get_phone (read), ==, dg_customer_get_phone (stored));
      g_assert_cmpstr (dg_customer_get_email (read), ==, dg_customer_get_email (stored));
      g_assert_cmpstr (dg_customer_get_organization (read), ==,
                       dg_customer_get_organization (stored));
      g_assert_cmpstr (dg_customer_get_note (read), ==, dg_customer_get_note (stored));
      g_assert_true (g_strv_equal (dg_customer_get_tags (read), dg_customer_get_tags (stored)));
      /* A lunar birthday is not a date a contacts app could show. */
      if (dg_customer_get_birthday_lunar (stored))
        g_assert_null (dg_customer_get_birthday (read));
      else
        g_assert_cmpstr (dg_customer_get_birthday (read), ==, dg_customer_get_birthday (stored));

      /* Importing the export finds the customers it came from. */
      g_assert_cmpint (dg_import_find_match (db, dg_customer_get_uuid (read),
                                             dg_customer_get_phone (read),
                                             dg_customer_get_email (read), &error),
                       ==, dg_customer_get_id (stored));
    }
}

static void
test_selected (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autofree char *path = dg_test_temp_path ("two.vcf");
  g_autoptr(GError) error = NULL;
  g_autoptr(DgVcardImport) import = NULL;
  gint64 ids[3];
  gint64 chosen[2];
  guint count = 0;

  fill (db, ids);
  g_assert_true (dg_customers_set_archived (db, ids[2], TRUE, &error));

  /* Everyone means everyone not archived. */
  g_assert_true (dg_export_vcard (db, NULL, 0, path, NULL, NULL, NULL, &count, &error));
  g_assert_cmpuint (count, ==, 2);

  chosen[0] = ids[2];
  chosen[1] = ids[0];
  g_assert_true (dg_export_vcard (db, chosen, 2, path, NULL, NULL, NULL, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 2);

  import = dg_vcard_import_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dg_vcard_import_get_n_customers (import), ==, 2);
  g_assert_cmpstr (dg_customer_get_name (dg_vcard_import_get_customer (import, 0)), ==,
                   "John Smith");
  g_assert_cmpstr (dg_customer_get_name (dg_vcard_import_get_customer (import, 1)), ==, "김민수");
}

/* A failed export leaves an older file as it was and nothing beside it. */
static void
test_failure_keeps_old_file (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autofree char *path = dg_test_temp_path ("old.vcf");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "x.vcf", NULL);
  g_autoptr(GError) error = NULL;
  const gint64 nobody[] = { 999 };
  g_autoptr(GDir) listing = NULL;
  guint n_files = 0;

  g_assert_true (g_file_set_contents (path, "old", -1, &error));
  g_assert_false (dg_export_vcard (db, nobody, 1, path, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  {
    g_autoptr(GBytes) bytes = dg_test_read_file (path);

    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "old", 3);
  }
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  g_assert_false (dg_export_vcard (db, NULL, 0, missing, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* python3-vobject, which knows nothing of EVCard, reads the same. */
static void
test_vobject_reads (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autofree char *path = dg_test_temp_path ("read.vcf");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "read-vcard.py", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DgCustomer) first = NULL;
  g_autoptr(DgCustomer) second = NULL;
  g_autoptr(DgCustomer) third = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *escaped_note = NULL;
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  int status;
  gint64 ids[3];

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is missing");
      return;
    }

  fill (db, ids);
  first = dg_customers_get (db, ids[2], NULL);
  second = dg_customers_get (db, ids[0], NULL);
  third = dg_customers_get (db, ids[1], NULL);
  g_assert_true (dg_export_vcard (db, NULL, 0, path, NULL, NULL, NULL, NULL, &error));

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("read-vcard.py failed: %s", err);

  {
    g_auto(GStrv) parts = g_strsplit (long_note, "\n", -1);

    escaped_note = g_strjoinv ("\\n", parts);
  }
  expected = g_strdup_printf (
    "John Smith\t\tjohn@example.com\tAcme; Inc.\t재등록\t\t%s\t\n"
    "김민수\t010-1234-5678;CELL\tminsu@example.kr\t다온교육\tVIP,강의\t1988-07-21\t%s\t%s\n"
    "이영희\t+82 10-2222-3333;CELL\t\t\t\t\t%s\t\n",
    dg_customer_get_uuid (first), dg_customer_get_uuid (second), escaped_note,
    dg_customer_get_uuid (third));
  g_assert_cmpstr (out, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vcard-export/round-trip", test_round_trip);
  g_test_add_func ("/vcard-export/selected", test_selected);
  g_test_add_func ("/vcard-export/failure-keeps-old-file", test_failure_keeps_old_file);
  g_test_add_func ("/vcard-export/vobject-reads", test_vobject_reads);

  return g_test_run ();
}
