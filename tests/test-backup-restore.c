/* test-backup-restore.c */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "dg-backup-test-util.h"
#include "dg-database-private.h"

static DgBackupFile *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  DgBackupFile *file = dg_backup_file_load (path, NULL, &problems, &error);

  g_assert_no_error (error);
  g_assert_null (problems);
  g_assert_nonnull (file);

  return file;
}

static void
restore (DgBackupFile         *file,
         DgDatabase           *db,
         DgBackupRestoreFlags  flags)
{
  g_autoptr(GError) error = NULL;

  gboolean ok = dg_backup_file_restore (file, db, flags, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static char *
query_text (DgDatabase *db,
            const char *sql)
{
  g_auto(DgStatement) stmt = dg_database_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* Export → restore into an empty database → export: the same bytes, and
 * the same rows, derived ones included. */
static void
test_round_trip (void)
{
  g_autoptr(DgDatabase) first = dg_test_open_database ();
  g_autoptr(DgDatabase) second = dg_test_open_database ();
  g_autofree char *first_path = dg_test_temp_path ("first.json");
  g_autofree char *second_path = dg_test_temp_path ("second.json");
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) second_bytes = NULL;
  g_autoptr(DgBackupFile) file = NULL;
  g_autoptr(DgClock) clock = dg_clock_new_system ();
  g_autofree char *first_dump = NULL;
  g_autofree char *second_dump = NULL;
  const DgBackupCounts *counts;
  DgBackupCounts in_db;

  dg_backup_test_fill (first);
  first_bytes = dg_backup_test_export (first, first_path);

  file = load (first_path);
  counts = dg_backup_file_get_counts (file);
  g_assert_cmpuint (counts->n_customers, ==, 3);
  g_assert_cmpuint (counts->n_stages, ==, 3);
  g_assert_cmpuint (counts->n_stage_rules, ==, 2);
  g_assert_cmpuint (counts->n_followups, ==, 6);
  g_assert_cmpuint (counts->n_settings, ==, 1);
  g_assert_cmpint (g_date_time_to_unix (dg_backup_file_get_exported_at (file)), ==,
                   1796634900 /* 2026-12-07T09:15:00Z */);

  restore (file, second, DG_BACKUP_RESTORE_NO_SAFETY_COPY);
  g_assert_true (dg_backup_count_database (second, &in_db, NULL));
  g_assert_cmpmem (&in_db, sizeof in_db, counts, sizeof *counts);

  second_bytes = dg_backup_test_export (second, second_path);
  g_assert_cmpstr (g_bytes_get_data (second_bytes, NULL), ==, g_bytes_get_data (first_bytes, NULL));
  g_assert_true (g_bytes_equal (first_bytes, second_bytes));

  /* Derived values were recomputed: the same rows everywhere, once both
   * compute in the same zone. */
  g_assert_true (dg_followups_sync_time_zone (first, clock, NULL));
  g_assert_true (dg_followups_sync_time_zone (second, clock, NULL));
  first_dump = dg_test_dump_database (first);
  second_dump = dg_test_dump_database (second);
  g_assert_cmpstr (first_dump, ==, second_dump);

  {
    g_autofree char *integrity = dg_test_pragma_text (second, "integrity_check");
    g_autofree char *tags = query_text (second, "SELECT tags_text FROM customers WHERE uuid = 'cust-kim'");
    g_autofree char *contact = query_text (second, "SELECT last_contact_at FROM customers WHERE uuid = 'cust-kim'");

    g_assert_cmpstr (integrity, ==, "ok");
    g_assert_cmpstr (tags, ==, "VIP, 강의 수강생");
    g_assert_cmpstr (contact, ==, "2026-11-25T05:00:00Z");
  }
}

static guint
search (DgDatabase *db,
        const char *text)
{
  DgCustomerQuery query = { .text = text, .archived = DG_ARCHIVED_INCLUDE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = dg_customers_search_ids (db, &query, &error);

  g_assert_no_error (error);

  return ids->len;
}

/* A restore replaces what was there, and search finds the new rows. */
static void
test_replaces_everything (void)
{
  g_autoptr(DgDatabase) source = dg_test_open_database ();
  g_autoptr(DgDatabase) target = dg_test_open_database ();
  g_autofree char *path = dg_test_temp_path ("backup.json");
  g_autofree char *empty_path = dg_test_temp_path ("empty.json");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) empty_bytes = NULL;
  g_autoptr(DgBackupFile) file = NULL;
  g_autoptr(DgBackupFile) empty_file = NULL;
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = NULL;
  DgBackupCounts counts;

  /* The empty database's backup, to empty the other one with. */
  empty_bytes = dg_backup_test_export (source, empty_path);
  dg_backup_test_fill (source);
  bytes = dg_backup_test_export (source, path);

  dg_customer_set_name (customer, "지울 사람");
  g_assert_true (dg_customers_insert (target, customer, &error));
  g_assert_no_error (error);

  file = load (path);
  restore (file, target, DG_BACKUP_RESTORE_NO_SAFETY_COPY);
  g_assert_cmpuint (search (target, "지울"), ==, 0);
  g_assert_cmpuint (search (target, "민수"), ==, 1);
  g_assert_cmpuint (search (target, "ㄱㅁㅅ"), ==, 1);
  g_assert_cmpuint (search (target, "상회"), ==, 1);
  g_assert_cmpuint (search (target, "5678"), ==, 1);

  empty_file = load (empty_path);
  restore (empty_file, target, DG_BACKUP_RESTORE_NO_SAFETY_COPY);
  g_assert_true (dg_backup_count_database (target, &counts, NULL));
  g_assert_cmpuint (counts.n_customers + counts.n_tags + counts.n_followups + counts.n_journeys
                    + counts.n_interactions + counts.n_settings, ==, 0);
}

static void
on_changed (DgDatabase *db,
            const char *table,
            gpointer    user_data)
{
  g_ptr_array_add (user_data, g_strdup (table));
}

/* The safety copy: 0600, beside the database, named with the time, and
 * opens as the data before the restore. Listeners hear of every table. */
static void
test_safety_copy (void)
{
  g_autoptr(DgDatabase) source = dg_test_open_database ();
  g_autoptr(DgDatabase) target = dg_test_open_database ();
  g_autoptr(DgDatabase) copy = NULL;
  g_autofree char *path = dg_test_temp_path ("backup.json");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DgBackupFile) file = NULL;
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DgFakeClock) clock = dg_test_fake_clock ("Asia/Seoul", 2026, 12, 8, 9, 30);
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *safety_copy = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  struct stat st;

  dg_backup_test_fill (source);
  bytes = dg_backup_test_export (source, path);

  dg_customer_set_name (customer, "이전 고객");
  g_assert_true (dg_customers_insert (target, customer, &error));
  before = dg_test_dump_database (target);

  file = load (path);
  dg_backup_file_set_clock (file, DG_CLOCK (clock));
  g_signal_connect (target, "changed", G_CALLBACK (on_changed), changed);
  g_assert_true (dg_backup_file_restore (file, target, DG_BACKUP_RESTORE_NONE, &safety_copy, NULL, &error));
  g_assert_no_error (error);

  g_assert_nonnull (safety_copy);
  dir = g_path_get_dirname (dg_database_get_path (target));
  name = g_path_get_basename (safety_copy);
  g_assert_cmpstr (name, ==, "dangol-before-restore-2026-12-08-093000.db");
  g_assert_true (g_str_has_prefix (safety_copy, dir));
  g_assert_cmpint (g_stat (safety_copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  copy = dg_database_open (safety_copy, &error);
  g_assert_no_error (error);
  after = dg_test_dump_database (copy);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (g_ptr_array_find_with_equal_func (changed, "customers", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (changed, "followups", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (changed, "journeys", g_str_equal, NULL));

  /* A second restore in the same second gets a name of its own. */
  g_clear_pointer (&safety_copy, g_free);
  g_assert_true (dg_backup_file_restore (file, target, DG_BACKUP_RESTORE_NONE, &safety_copy, NULL, &error));
  g_clear_pointer (&name, g_free);
  name = g_path_get_basename (safety_copy);
  g_assert_cmpstr (name, ==, "dangol-before-restore-2026-12-08-093000-2.db");
}

/* Moving to today: every date and time by the days from the export's
 * local date to the clock's; birthdays and times of day stay. */
static void
test_shift_to_today (void)
{
  g_autoptr(DgDatabase) source = dg_test_open_database ();
  g_autoptr(DgDatabase) target = dg_test_open_database ();
  g_autofree char *path = dg_test_temp_path ("backup.json");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DgBackupFile) file = NULL;
  /* Exported 2026-12-07 18:15 in Seoul; today there is 2027-01-10. */
  g_autoptr(DgFakeClock) clock = dg_test_fake_clock ("Asia/Seoul", 2027, 1, 10, 8, 0);

  dg_backup_test_fill (source);
  bytes = dg_backup_test_export (source, path);
  file = load (path);
  dg_backup_file_set_clock (file, DG_CLOCK (clock));
  restore (file, target, DG_BACKUP_RESTORE_NO_SAFETY_COPY | DG_BACKUP_RESTORE_SHIFT_TO_TODAY);

#define CHECK(sql, expected) \
  G_STMT_START { g_autofree char *v = query_text (target, sql); g_assert_cmpstr (v, ==, expected); } G_STMT_END

  /* 34 days later. */
  CHECK ("SELECT due_date FROM followups WHERE uuid = 'fu-remind'", "2027-01-22");
  CHECK ("SELECT recurrence_anchor FROM followups WHERE uuid = 'fu-remind'", "2027-01-22");
  CHECK ("SELECT due_at FROM followups WHERE uuid = 'fu-call'", "2027-01-05T01:30:00Z");
  CHECK ("SELECT recurrence_anchor FROM followups WHERE uuid = 'fu-call'", "2027-01-05T10:30:00");
  CHECK ("SELECT date FROM cohorts WHERE uuid = 'cohort-dec'", "2027-01-23");
  CHECK ("SELECT occurred_at FROM interactions WHERE uuid = 'int-1'", "2026-12-24T05:00:00Z");
  CHECK ("SELECT last_contact_at FROM customers WHERE uuid = 'cust-kim'", "2026-12-29T05:00:00Z");
  CHECK ("SELECT since FROM enrollments WHERE uuid = 'enr-kim'", "2027-01-04T01:00:00Z");
  CHECK ("SELECT birthday FROM customers WHERE uuid = 'cust-kim'", "1990-03-15");
  CHECK ("SELECT time_of_day FROM stage_rules WHERE uuid = 'rule-call'", "10:30");
  CHECK ("SELECT value FROM meta WHERE name = 'all_day_zone'", "Asia/Seoul");
  /* The all-day key is the start of the date in Seoul. */
  CHECK ("SELECT datetime (due_key, 'unixepoch') FROM followups WHERE uuid = 'fu-remind'",
         "2027-01-21 15:00:00");
#undef CHECK
}

/* A restore that fails half way (cancelled) leaves the old data. */
static void
test_cancelled_keeps_old (void)
{
  g_autoptr(DgDatabase) source = dg_test_open_database ();
  g_autoptr(DgDatabase) target = dg_test_open_database ();
  g_autofree char *path = dg_test_temp_path ("backup.json");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DgBackupFile) file = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *safety_copy = NULL;
  g_autofree char *folder = g_path_get_dirname (dg_database_get_path (target));
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_true (dg_database_exec (source, "BEGIN", NULL));
  for (int i = 0; i < 2500; i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO customers (uuid, name, created_at, updated_at) VALUES "
        "('c%d', '고객 %d', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')", i, i);
      g_assert_true (dg_database_exec (source, sql, NULL));
    }
  g_assert_true (dg_database_exec (source, "COMMIT", NULL));
  bytes = dg_backup_test_export (source, path);

  dg_backup_test_fill (target);
  before = dg_test_dump_database (target);

  file = load (path);
  g_cancellable_cancel (cancellable);
  g_assert_false (dg_backup_file_restore (file, target, DG_BACKUP_RESTORE_NONE,
                                          &safety_copy, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (safety_copy);
  after = dg_test_dump_database (target);
  g_assert_cmpstr (before, ==, after);

  /* Nor is a safety copy of the unchanged database left behind. */
  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, "dangol-before-restore"));
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backup/restore/round-trip", test_round_trip);
  g_test_add_func ("/backup/restore/replaces-everything", test_replaces_everything);
  g_test_add_func ("/backup/restore/safety-copy", test_safety_copy);
  g_test_add_func ("/backup/restore/shift-to-today", test_shift_to_today);
  g_test_add_func ("/backup/restore/cancelled-keeps-old", test_cancelled_keeps_old);

  return g_test_run ();
}
