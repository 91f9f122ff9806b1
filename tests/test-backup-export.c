/* test-backup-export.c */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include <json-glib/json-glib.h>

#include "dg-backup-private.h"
#include "dg-backup-test-util.h"
#include "dg-database-private.h"

static void
test_export_file (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autofree char *path = dg_test_temp_path ("backup.json");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *folder = g_path_get_dirname (path);
  DgBackupCounts counts = { 0 };
  DgBackupCounts in_db = { 0 };
  JsonObject *root;
  JsonObject *journey;
  JsonObject *customer;
  struct stat st;

  dg_backup_test_fill (db);

  g_assert_true (dg_backup_export (db, path, NULL, &counts, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Nothing but the file is left beside it. */
  dir = g_dir_open (folder, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "backup.json");
  g_assert_null (g_dir_read_name (dir));

  g_assert_true (dg_backup_count_database (db, &in_db, &error));
  g_assert_cmpmem (&counts, sizeof counts, &in_db, sizeof in_db);
  g_assert_cmpuint (counts.n_settings, ==, 1);
  g_assert_cmpuint (counts.n_tags, ==, 3);
  g_assert_cmpuint (counts.n_customers, ==, 3);
  g_assert_cmpuint (counts.n_journeys, ==, 2);
  g_assert_cmpuint (counts.n_stages, ==, 3);
  g_assert_cmpuint (counts.n_stage_rules, ==, 2);
  g_assert_cmpuint (counts.n_cohorts, ==, 2);
  g_assert_cmpuint (counts.n_enrollments, ==, 2);
  g_assert_cmpuint (counts.n_stage_events, ==, 4);
  g_assert_cmpuint (counts.n_interactions, ==, 3);
  g_assert_cmpuint (counts.n_followups, ==, 6);

  bytes = dg_test_read_file (path);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "dangol-backup");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);

  customer = json_array_get_object_element (json_object_get_array_member (root, "customers"), 0);
  g_assert_cmpstr (json_object_get_string_member (customer, "name"), ==, "김민수");
  g_assert_cmpstr (json_object_get_string_member (customer, "note"), ==, "첫 줄\n둘째 줄\t탭");
  g_assert_true (json_object_get_boolean_member (customer, "marketing_consent"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (customer, "tags")), ==, 2);
  /* Derived columns stay out. */
  g_assert_false (json_object_has_member (customer, "phone_digits"));
  g_assert_false (json_object_has_member (customer, "tags_text"));
  g_assert_false (json_object_has_member (customer, "last_contact_at"));
  g_assert_false (json_object_has_member (customer, "id"));

  customer = json_array_get_object_element (json_object_get_array_member (root, "customers"), 2);
  g_assert_cmpstr (json_object_get_string_member (customer, "note"), ==, "control \001 char");

  journey = json_array_get_object_element (json_object_get_array_member (root, "journeys"), 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (journey, "stages")), ==, 3);
  {
    JsonObject *stage = json_array_get_object_element (json_object_get_array_member (journey, "stages"), 1);
    JsonArray *rules = json_object_get_array_member (stage, "rules");

    g_assert_cmpuint (json_array_get_length (rules), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rules, 0), "time_of_day"),
                     ==, "10:30");
  }
  {
    JsonArray *followups = json_object_get_array_member (root, "followups");
    JsonObject *first = json_array_get_object_element (followups, 0);
    JsonObject *fourth = json_array_get_object_element (followups, 3);

    g_assert_cmpstr (json_object_get_string_member (first, "enrollment"), ==, "enr-kim");
    g_assert_cmpstr (json_object_get_string_member (first, "rule"), ==, "rule-call");
    g_assert_true (json_object_get_null_member (fourth, "customer"));
    g_assert_true (json_object_get_null_member (fourth, "enrollment"));
    g_assert_false (json_object_has_member (first, "due_key"));
    g_assert_false (json_object_has_member (first, "remind_at"));
  }
  g_assert_false (json_object_has_member (root, "customer_tags"));
  g_assert_false (json_object_has_member (root, "meta"));
}

/* Two exports of one database with one exported_at are the same bytes. */
static void
test_export_deterministic (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autofree char *first_path = dg_test_temp_path ("a.json");
  g_autofree char *second_path = dg_test_temp_path ("b.json");
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;

  dg_backup_test_fill (db);
  first = dg_backup_test_export (db, first_path);
  second = dg_backup_test_export (db, second_path);
  g_assert_true (g_bytes_equal (first, second));
}

/* A read-only second connection, as a worker thread uses, writes the
 * same backup. */
static void
test_export_from_reader (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(DgDatabase) reader = NULL;
  g_autofree char *first_path = dg_test_temp_path ("a.json");
  g_autofree char *second_path = dg_test_temp_path ("b.json");
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;

  dg_backup_test_fill (db);
  reader = dg_database_open_reader (dg_database_get_path (db), NULL, &error);
  g_assert_no_error (error);
  first = dg_backup_test_export (db, first_path);
  second = dg_backup_test_export (reader, second_path);
  g_assert_true (g_bytes_equal (first, second));
}

/* A failed export leaves an older file where it was, and nothing beside. */
static void
test_export_failure_keeps_old (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autofree char *path = dg_test_temp_path ("backup.json");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GDir) dir = NULL;
  g_autofree char *missing = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  before = dg_test_read_file (path);

  g_assert_true (dg_database_exec (db, "BEGIN", NULL));
  for (int i = 0; i < 1200; i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO tags (uuid, name) VALUES ('t%d', 'tag %d')", i, i);
      g_assert_true (dg_database_exec (db, sql, NULL));
    }
  g_assert_true (dg_database_exec (db, "COMMIT", NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (dg_backup_export (db, path, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  after = dg_test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  dir = g_dir_open (folder, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "backup.json");
  g_assert_null (g_dir_read_name (dir));

  /* A folder that does not exist: an error naming the file. */
  g_clear_error (&error);
  missing = g_build_filename (folder, "no", "such", "backup.json", NULL);
  g_assert_false (dg_backup_export (db, missing, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "backup.json"));
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backup/export/file", test_export_file);
  g_test_add_func ("/backup/export/deterministic", test_export_deterministic);
  g_test_add_func ("/backup/export/from-reader", test_export_from_reader);
  g_test_add_func ("/backup/export/failure-keeps-old", test_export_failure_keeps_old);

  return g_test_run ();
}
