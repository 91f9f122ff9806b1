/* test-auto-backup.c
 *
 * The automatic backup: one a day whatever wakes it, named by the local
 * date, in a private folder it creates; rotation keeps the newest N of its
 * own files and nothing else in the folder is touched; Back Up Now
 * replaces today's.
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "dg-backup-auto.h"
#include "dg-test-util.h"

typedef struct
{
  DgDatabase   *db;
  DgFakeClock  *clock;
  DgBackupAuto *backup;
  char         *folder;
  GPtrArray    *written;
  guint         n_failed;
} Fixture;

static void
on_backed_up_cb (DgBackupAuto *backup,
                 const char   *path,
                 Fixture      *fixture)
{
  g_ptr_array_add (fixture->written, g_strdup (path));
}

static void
on_failed_cb (DgBackupAuto *backup,
              const GError *error,
              Fixture      *fixture)
{
  fixture->n_failed++;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;

  fixture->db = dg_test_open_database ();
  dg_customer_set_name (customer, "김민수");
  g_assert_true (dg_customers_insert (fixture->db, customer, &error));
  g_assert_no_error (error);

  /* Late evening in Seoul, so that the local date (12-07) is not the UTC
   * one (12-06): the name must follow the local date. */
  fixture->clock = dg_test_fake_clock ("Asia/Seoul", 2026, 12, 7, 8, 30);
  fixture->backup = dg_backup_auto_new (fixture->db, DG_CLOCK (fixture->clock));
  fixture->folder = g_build_filename (dg_test_tempdir (), "sync", "dangol backups", NULL);
  fixture->written = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (fixture->backup, "backed-up", G_CALLBACK (on_backed_up_cb), fixture);
  g_signal_connect (fixture->backup, "failed", G_CALLBACK (on_failed_cb), fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->backup);
  g_clear_object (&fixture->clock);
  g_clear_object (&fixture->db);
  g_clear_pointer (&fixture->folder, g_free);
  g_clear_pointer (&fixture->written, g_ptr_array_unref);
}

/* Runs what is pending, and any backup it started, to the end. */
static void
settle (Fixture *fixture)
{
  for (;;)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (!dg_backup_auto_get_busy (fixture->backup))
        break;
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
write_file (const char *folder,
            const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "{}", -1, &error));
  g_assert_no_error (error);
}

static gboolean
exists (const char *folder,
        const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static guint
count_backups (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (dg_backup_auto_is_backup_name (name))
        n++;
    }

  return n;
}

static void
test_names (void)
{
  g_autoptr(GTimeZone) seoul = g_time_zone_new_identifier ("Asia/Seoul");
  g_autoptr(GDateTime) time = g_date_time_new (seoul, 2026, 1, 5, 23, 59, 0);
  g_autofree char *name = dg_backup_auto_file_name (time);

  g_assert_cmpstr (name, ==, "dangol-backup-2026-01-05.json");
  g_assert_true (dg_backup_auto_is_backup_name (name));
  g_assert_true (dg_backup_auto_is_backup_name ("dangol-backup-2024-02-29.json"));
  g_assert_false (dg_backup_auto_is_backup_name ("dangol-backup-2025-02-29.json"));
  g_assert_false (dg_backup_auto_is_backup_name ("dangol-backup-2026-13-01.json"));
  g_assert_false (dg_backup_auto_is_backup_name ("dangol-backup-2026-01-05.json.bak"));
  g_assert_false (dg_backup_auto_is_backup_name ("my-dangol-backup-2026-01-05.json"));
  g_assert_false (dg_backup_auto_is_backup_name ("dangol-backup-2026-1-05.json"));
  g_assert_false (dg_backup_auto_is_backup_name ("dangol-backup-latest.json"));
  g_assert_false (dg_backup_auto_is_backup_name ("dangol-backup-2026-01-05.JSON"));
}

/* The first start writes today's backup into a folder it creates private;
 * waking again the same day writes nothing; the next day writes again. */
static void
test_once_a_day (Fixture       *fixture,
                 gconstpointer  data)
{
  GStatBuf st;

  dg_backup_auto_set_folder (fixture->backup, fixture->folder);
  dg_backup_auto_start (fixture->backup);
  settle (fixture);

  g_assert_cmpuint (fixture->n_failed, ==, 0);
  g_assert_cmpuint (fixture->written->len, ==, 1);
  g_assert_true (exists (fixture->folder, "dangol-backup-2026-12-07.json"));
  g_assert_nonnull (dg_backup_auto_get_last_backup (fixture->backup));

  /* Created for the owner only: it holds the customers' data. */
  g_assert_cmpint (g_stat (fixture->folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (fixture->written->pdata[0], &st), ==, 0);
  g_assert_cmpint (st.st_mode & 077, ==, 0);

  /* The same day, whatever wakes it: the clock jumping, a setting. */
  dg_fake_clock_advance (fixture->clock, 10 * G_TIME_SPAN_HOUR);
  settle (fixture);
  dg_backup_auto_set_keep (fixture->backup, 5);
  dg_backup_auto_set_enabled (fixture->backup, FALSE);
  dg_backup_auto_set_enabled (fixture->backup, TRUE);
  settle (fixture);
  g_assert_cmpuint (fixture->written->len, ==, 1);

  /* A new object (a restart) reads from the folder that today's was made. */
  {
    g_autoptr(DgBackupAuto) again = dg_backup_auto_new (fixture->db, DG_CLOCK (fixture->clock));

    dg_backup_auto_set_folder (again, fixture->folder);
    g_signal_connect (again, "backed-up", G_CALLBACK (on_backed_up_cb), fixture);
    dg_backup_auto_start (again);
    while (g_main_context_iteration (NULL, FALSE))
      ;
    g_assert_false (dg_backup_auto_get_busy (again));
    g_assert_nonnull (dg_backup_auto_get_last_backup (again));
  }
  g_assert_cmpuint (fixture->written->len, ==, 1);

  /* Past midnight (Seoul): the next day's. */
  dg_fake_clock_advance (fixture->clock, 6 * G_TIME_SPAN_HOUR);
  settle (fixture);
  g_assert_cmpuint (fixture->written->len, ==, 2);
  g_assert_true (exists (fixture->folder, "dangol-backup-2026-12-08.json"));
  g_assert_true (exists (fixture->folder, "dangol-backup-2026-12-07.json"));
}

/* Switched off, no day brings a backup; switched on, today's comes. */
static void
test_disabled (Fixture       *fixture,
               gconstpointer  data)
{
  dg_backup_auto_set_folder (fixture->backup, fixture->folder);
  dg_backup_auto_set_enabled (fixture->backup, FALSE);
  dg_backup_auto_start (fixture->backup);
  settle (fixture);
  dg_fake_clock_advance (fixture->clock, 3 * G_TIME_SPAN_DAY);
  settle (fixture);

  g_assert_cmpuint (fixture->written->len, ==, 0);
  g_assert_false (g_file_test (fixture->folder, G_FILE_TEST_EXISTS));

  dg_backup_auto_set_enabled (fixture->backup, TRUE);
  settle (fixture);
  g_assert_cmpuint (fixture->written->len, ==, 1);
  g_assert_true (exists (fixture->folder, "dangol-backup-2026-12-10.json"));
}

/* With no folder set, "backups" beside the database. */
static void
test_default_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *db_dir = g_path_get_dirname (dg_database_get_path (fixture->db));
  g_autofree char *expected = g_build_filename (db_dir, "backups", NULL);
  g_autofree char *folder = NULL;

  dg_backup_auto_set_folder (fixture->backup, "");
  folder = dg_backup_auto_dup_target_folder (fixture->backup);
  g_assert_cmpstr (folder, ==, expected);

  dg_backup_auto_start (fixture->backup);
  settle (fixture);
  g_assert_cmpuint (fixture->written->len, ==, 1);
  g_assert_true (exists (expected, "dangol-backup-2026-12-07.json"));
}

/* Rotation keeps the newest N of its own files, by the date in their
 * names, and leaves everything else: other files, files with names like
 * its own but not its own, a folder and a link named as a backup. */
static void
test_rotation (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *subdir = g_build_filename (fixture->folder, "dangol-backup-2020-01-01.json", NULL);
  g_autofree char *link = g_build_filename (fixture->folder, "dangol-backup-2020-01-02.json", NULL);
  g_autofree char *target = g_build_filename (fixture->folder, "notes.txt", NULL);
  const char *foreign[] = {
    "notes.txt",
    "dangol-backup-latest.json",
    "dangol-backup-2026-12-01.json.bak",
    "dangol-backup-2026-12-01.json.sync-conflict-20261201-1.json",
    "dangol.db",
    "dangol-before-restore-2026-11-01-091500.db",
    "Dangol-backup-2019-01-01.json",
  };

  g_assert_cmpint (g_mkdir_with_parents (fixture->folder, 0700), ==, 0);
  /* Twenty days of older backups, the oldest first. */
  for (int day = 1; day <= 20; day++)
    {
      g_autofree char *name = g_strdup_printf ("dangol-backup-2026-11-%02d.json", day);

      write_file (fixture->folder, name);
    }
  for (guint i = 0; i < G_N_ELEMENTS (foreign); i++)
    write_file (fixture->folder, foreign[i]);
  g_assert_cmpint (g_mkdir (subdir, 0700), ==, 0);
  g_assert_cmpint (symlink (target, link), ==, 0);

  dg_backup_auto_set_folder (fixture->backup, fixture->folder);
  dg_backup_auto_set_keep (fixture->backup, 3);
  dg_backup_auto_start (fixture->backup);
  settle (fixture);

  g_assert_cmpuint (fixture->written->len, ==, 1);
  /* Today's and the two newest before it. */
  g_assert_cmpuint (count_backups (fixture->folder), ==, 3 + 2);
  g_assert_true (exists (fixture->folder, "dangol-backup-2026-12-07.json"));
  g_assert_true (exists (fixture->folder, "dangol-backup-2026-11-20.json"));
  g_assert_true (exists (fixture->folder, "dangol-backup-2026-11-19.json"));
  g_assert_false (exists (fixture->folder, "dangol-backup-2026-11-18.json"));
  g_assert_false (exists (fixture->folder, "dangol-backup-2026-11-01.json"));
  for (guint i = 0; i < G_N_ELEMENTS (foreign); i++)
    g_assert_true (exists (fixture->folder, foreign[i]));
  g_assert_true (g_file_test (subdir, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));

  /* Keeping more deletes nothing more; the next days rotate the oldest. */
  dg_backup_auto_set_keep (fixture->backup, 14);
  dg_fake_clock_advance (fixture->clock, G_TIME_SPAN_DAY);
  settle (fixture);
  g_assert_cmpuint (count_backups (fixture->folder), ==, 4 + 2);
  dg_backup_auto_set_keep (fixture->backup, 2);
  dg_fake_clock_advance (fixture->clock, G_TIME_SPAN_DAY);
  settle (fixture);
  g_assert_cmpuint (count_backups (fixture->folder), ==, 2 + 2);
  g_assert_true (exists (fixture->folder, "dangol-backup-2026-12-09.json"));
  g_assert_true (exists (fixture->folder, "dangol-backup-2026-12-08.json"));
  g_assert_false (exists (fixture->folder, "dangol-backup-2026-12-07.json"));
}

static void
on_back_up_now_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **out_path = user_data;
  g_autoptr(GError) error = NULL;

  *out_path = dg_backup_auto_back_up_now_finish (DG_BACKUP_AUTO (object), result, &error);
  g_assert_no_error (error);
}

/* Back Up Now writes today's again, with what was added since, even while
 * switched off; asked while one is being written, it waits for a new one. */
static void
test_back_up_now (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *contents = NULL;

  dg_backup_auto_set_folder (fixture->backup, fixture->folder);
  dg_backup_auto_set_enabled (fixture->backup, FALSE);
  dg_backup_auto_start (fixture->backup);

  dg_backup_auto_back_up_now_async (fixture->backup, NULL, on_back_up_now_cb, &first);
  g_assert_true (dg_backup_auto_get_busy (fixture->backup));
  dg_customer_set_name (customer, "박지은");
  g_assert_true (dg_customers_insert (fixture->db, customer, &error));
  g_assert_no_error (error);
  dg_backup_auto_back_up_now_async (fixture->backup, NULL, on_back_up_now_cb, &second);
  settle (fixture);

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_true (g_str_has_suffix (first, "/dangol-backup-2026-12-07.json"));
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpuint (fixture->written->len, ==, 2);
  g_assert_true (g_file_get_contents (second, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "박지은"));
}

/* A folder that cannot be made is reported, and nothing is written. */
static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *dir = dg_test_tempdir ();
  g_autofree char *file = g_build_filename (dir, "a-file", NULL);
  g_autofree char *folder = g_build_filename (file, "backups", NULL);

  write_file (dir, "a-file");
  dg_backup_auto_set_folder (fixture->backup, folder);
  dg_test_expect_warning ("Could not write the automatic backup*");
  dg_backup_auto_start (fixture->backup);
  settle (fixture);
  g_assert_cmpuint (dg_test_n_expected_warnings (), ==, 1);
  dg_test_expect_warning (NULL);

  g_assert_cmpuint (fixture->n_failed, ==, 1);
  g_assert_cmpuint (fixture->written->len, ==, 0);
  g_assert_null (dg_backup_auto_get_last_backup (fixture->backup));
}

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_setup, (func), fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/auto-backup/names", test_names);
  ADD ("/auto-backup/once-a-day", test_once_a_day);
  ADD ("/auto-backup/disabled", test_disabled);
  ADD ("/auto-backup/default-folder", test_default_folder);
  ADD ("/auto-backup/rotation", test_rotation);
  ADD ("/auto-backup/back-up-now", test_back_up_now);
  ADD ("/auto-backup/unwritable", test_unwritable);

  return g_test_run ();
}
