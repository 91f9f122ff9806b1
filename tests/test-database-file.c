/* test-database-file.c
 *
 * A database file before and around its connection: created private, kept
 * private on every open whatever made it, and an existing file inspected
 * without changing it or creating anything beside it, then refused when it
 * is not one Dangol may open.
 */
#include "config.h"

#include <fcntl.h>

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dg-database-private.h"
#include "dg-migrations.h"
#include "dg-test-util.h"

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);

  return st.st_mode & 07777;
}

/* Writes a database with another SQLite connection, as another program
 * (or a newer Dangol) would. */
static void
craft_database (const char *path,
                const char *sql)
{
  sqlite3 *handle = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

/* Opens @path expecting a refusal with @code, and checks that the file kept
 * every byte and that no journal appeared beside it. */
static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GBytes) before = dg_test_read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GBytes) wal_before = dg_test_read_file (wal);
  g_autoptr(GBytes) wal_after = NULL;
  guint mode = before != NULL ? file_mode (path) : 0;

  db = dg_database_open (path, &error);
  g_assert_error (error, DG_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_null (db);
  g_assert_nonnull (strstr (error->message, basename));

  after = dg_test_read_file (path);
  if (before == NULL)
    g_assert_null (after);
  else
    g_assert_true (g_bytes_equal (before, after));

  if (before != NULL)
    g_assert_cmpuint (file_mode (path), ==, mode);

  /* Nothing appeared beside it either, and a log beside it is as it was. */
  wal_after = dg_test_read_file (wal);
  if (wal_before == NULL)
    g_assert_null (wal_after);
  else
    g_assert_true (g_bytes_equal (wal_before, wal_after));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

/* Runs @sql on a new database in WAL mode, then copies the file and its
 * -wal (and -shm when @with_shm) to @path while that connection still
 * holds them, without a checkpoint: what a program that was killed leaves
 * behind. */
static void
craft_wal_database (const char *path,
                    gboolean    with_shm,
                    const char *sql)
{
  g_autofree char *source = dg_test_temp_path ("source.db");
  const char *suffixes[] = { "", "-wal", "-shm" };
  sqlite3 *handle = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (source, &handle), ==, SQLITE_OK);
  if (sqlite3_exec (handle, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;",
                    NULL, NULL, &message) != SQLITE_OK
      || sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);

  for (guint i = 0; i < (with_shm ? 3 : 2); i++)
    {
      g_autofree char *from = g_strconcat (source, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (path, suffixes[i], NULL);
      g_autoptr(GBytes) bytes = dg_test_read_file (from);
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (bytes);
      g_assert_true (g_file_set_contents (to, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
      g_assert_no_error (error);
    }

  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

static void
test_create_modes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;
  const char *tmp = dg_test_tempdir ();
  g_autofree char *dir = g_build_filename (tmp, "data", "dangol", NULL);
  g_autofree char *path = g_build_filename (dir, "dangol.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  mode_t old_umask = umask (022);

  db = dg_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  g_assert_cmpuint (file_mode (dir), ==, 0700);
  g_assert_cmpuint (file_mode (path), ==, 0600);

  g_assert_true (dg_database_exec (db, "INSERT INTO tags (uuid, name) VALUES ('u1', 'vip')", &error));
  g_assert_no_error (error);

  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);

  umask (old_umask);
}

static void
test_default_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_autofree char *expected = g_build_filename (g_getenv ("XDG_DATA_HOME"), "dangol", "dangol.db", NULL);
  g_autofree char *path = dg_database_get_default_path ();
  g_autofree char *dir = NULL;

  g_assert_cmpstr (path, ==, expected);

  db = dg_database_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dg_database_get_path (db), ==, expected);

  dir = g_path_get_dirname (expected);
  g_assert_cmpuint (file_mode (dir), ==, 0700);
  g_assert_cmpuint (file_mode (expected), ==, 0600);
}

static void
test_unusual_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dg_test_temp_path ("고객 목록 #1?%20.db");
  g_autofree char *other = dg_test_temp_path ("남의 파일 #2?.sqlite");
  g_autoptr(DgDatabase) db = NULL;

  db = dg_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dg_database_get_path (db), ==, path);
  g_clear_object (&db);

  /* Reopening inspects the existing file through a URI. */
  db = dg_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dg_database_get_schema_version (db), ==, dg_migrations_latest ());

  craft_database (other, "CREATE TABLE contacts (name TEXT);");
  assert_refused (other, DG_ERROR_NOT_A_DANGOL_DATABASE);
}

static void
test_empty_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dg_test_temp_path ("empty.db");
  g_autoptr(DgDatabase) db = NULL;

  g_assert_true (g_file_set_contents_full (path, "", 0, G_FILE_SET_CONTENTS_NONE, 0600, &error));

  db = dg_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dg_test_pragma_int (db, "user_version"), ==, dg_migrations_latest ());
  g_assert_cmpint (dg_test_pragma_int (db, "application_id"), ==, DG_DATABASE_APPLICATION_ID);
  g_assert_cmpuint (file_mode (path), ==, 0600);
}

static void
test_migrate_from_zero (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dg_test_temp_path ("zero.db");
  g_autoptr(DgDatabase) db = NULL;
  g_auto(DgStatement) stmt = NULL;

  /* A valid SQLite file with no tables at user_version 0. */
  craft_database (path, "CREATE TABLE t (x); DROP TABLE t;");

  db = dg_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dg_test_pragma_int (db, "user_version"), ==, dg_migrations_latest ());
  g_assert_cmpint (dg_test_pragma_int (db, "application_id"), ==, DG_DATABASE_APPLICATION_ID);

  stmt = dg_database_prepare (db,
                              "SELECT count(*) FROM sqlite_master WHERE name IN "
                              "('customers', 'tags', 'customer_tags', 'customer_search', 'customer_fts')",
                              &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 5);
}

static void
test_refuse_newer (void)
{
  g_autofree char *path = dg_test_temp_path ("newer.db");
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_autofree char *expected = NULL;

  sql = g_strdup_printf ("PRAGMA application_id = %d;"
                         "PRAGMA user_version = %d;"
                         "CREATE TABLE future (x);"
                         "INSERT INTO future VALUES ('from the future');",
                         DG_DATABASE_APPLICATION_ID, dg_migrations_latest () + 1);
  craft_database (path, sql);

  assert_refused (path, DG_ERROR_DATABASE_TOO_NEW);

  db = dg_database_open (path, &error);
  g_assert_error (error, DG_ERROR, DG_ERROR_DATABASE_TOO_NEW);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "newer"));
  g_assert_nonnull (strstr (error->message, "not changed"));
}

static void
test_refuse_newer_wal (void)
{
  g_autofree char *path = dg_test_temp_path ("newer-wal.db");
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("PRAGMA journal_mode = WAL;"
                         "PRAGMA application_id = %d;"
                         "PRAGMA user_version = %d;"
                         "CREATE TABLE future (x);",
                         DG_DATABASE_APPLICATION_ID, dg_migrations_latest () + 5);
  craft_database (path, sql);

  assert_refused (path, DG_ERROR_DATABASE_TOO_NEW);
}

/* Files whose records are still in their -wal, as a program killed before
 * a checkpoint leaves them: each is judged by what the log holds, and a
 * refused one gets nothing new beside it (no -shm). */
static void
test_refuse_with_wal (void)
{
  g_autofree char *foreign = dg_test_temp_path ("foreign.db");
  g_autofree char *checkpointed = dg_test_temp_path ("checkpointed.db");
  g_autofree char *newer = dg_test_temp_path ("newer.db");
  g_autofree char *newer_sql = NULL;

  craft_wal_database (foreign, FALSE, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Kim');");
  assert_refused (foreign, DG_ERROR_NOT_A_DANGOL_DATABASE);

  craft_wal_database (checkpointed, FALSE, "CREATE TABLE contacts (name TEXT); PRAGMA wal_checkpoint (TRUNCATE);"
                                    "INSERT INTO contacts VALUES ('Lee');");
  assert_refused (checkpointed, DG_ERROR_NOT_A_DANGOL_DATABASE);

  newer_sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d; CREATE TABLE future (x);",
                               DG_DATABASE_APPLICATION_ID, dg_migrations_latest () + 1);
  craft_wal_database (newer, FALSE, newer_sql);
  assert_refused (newer, DG_ERROR_DATABASE_TOO_NEW);
}

/* One of ours whose file says an older version while its -wal holds a
 * newer Dangol's migration: refused before anything opens it for writing
 * (whose closing would checkpoint the log into the file). */
static void
test_refuse_newer_in_wal (void)
{
  g_autofree char *without_shm = dg_test_temp_path ("newer.db");
  g_autofree char *with_shm = dg_test_temp_path ("newer-held.db");
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 1; %s"
                         "PRAGMA wal_checkpoint (TRUNCATE);"
                         "PRAGMA user_version = %d; CREATE TABLE future (x);",
                         DG_DATABASE_APPLICATION_ID, dg_migration_sql (1), dg_migrations_latest () + 1);

  craft_wal_database (without_shm, FALSE, sql);
  assert_refused (without_shm, DG_ERROR_DATABASE_TOO_NEW);

  /* Its -shm there too: read through, and the file and log stay as they
   * were. */
  {
    g_autofree char *shm = g_strconcat (with_shm, "-shm", NULL);
    g_autofree char *wal = g_strconcat (with_shm, "-wal", NULL);
    g_autoptr(GBytes) before = NULL;
    g_autoptr(GBytes) wal_before = NULL;
    g_autoptr(GBytes) after = NULL;
    g_autoptr(GBytes) wal_after = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(DgDatabase) db = NULL;

    craft_wal_database (with_shm, TRUE, sql);
    g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));
    before = dg_test_read_file (with_shm);
    wal_before = dg_test_read_file (wal);

    db = dg_database_open (with_shm, &error);
    g_assert_error (error, DG_ERROR, DG_ERROR_DATABASE_TOO_NEW);
    g_assert_null (db);

    after = dg_test_read_file (with_shm);
    wal_after = dg_test_read_file (wal);
    g_assert_true (g_bytes_equal (before, after));
    g_assert_true (g_bytes_equal (wal_before, wal_after));
  }
}

/* A Dangol database all in its -wal (killed before its first checkpoint)
 * opens with what the log holds. */
static void
test_open_with_wal (void)
{
  g_autofree char *path = dg_test_temp_path ("crashed.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_auto(DgStatement) stmt = NULL;
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 1; %s"
                         "INSERT INTO tags (uuid, name) VALUES ('u1', 'kept');",
                         DG_DATABASE_APPLICATION_ID, dg_migration_sql (1));
  craft_wal_database (path, FALSE, sql);

  db = dg_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dg_database_get_schema_version (db), ==, dg_migrations_latest ());

  stmt = dg_database_prepare (db, "SELECT name FROM tags WHERE uuid = 'u1'", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "kept");
}

static void
test_refuse_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dg_test_temp_path ("notes.txt");

  g_assert_true (g_file_set_contents (path, "Shopping list:\n- milk\n- 김치\n", -1, &error));
  assert_refused (path, DG_ERROR_NOT_A_DANGOL_DATABASE);

  /* Shorter than SQLite's header. */
  g_assert_true (g_file_set_contents (path, "SQLite", -1, &error));
  assert_refused (path, DG_ERROR_NOT_A_DANGOL_DATABASE);
}

static void
test_refuse_random (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dg_test_temp_path ("random.db");
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint8 bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);

  g_assert_true (g_file_set_contents (path, (const char *) bytes, sizeof bytes, &error));
  assert_refused (path, DG_ERROR_NOT_A_DANGOL_DATABASE);

  /* A real SQLite header followed by garbage. */
  memcpy (bytes, "SQLite format 3", 16);
  g_assert_true (g_file_set_contents (path, (const char *) bytes, sizeof bytes, &error));
  assert_refused (path, DG_ERROR_NOT_A_DANGOL_DATABASE);
}

static void
test_refuse_foreign_sqlite (void)
{
  g_autofree char *plain = dg_test_temp_path ("other.sqlite");
  g_autofree char *other_id = dg_test_temp_path ("other-id.sqlite");
  g_autofree char *versioned = dg_test_temp_path ("versioned.sqlite");

  craft_database (plain, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Kim');");
  assert_refused (plain, DG_ERROR_NOT_A_DANGOL_DATABASE);

  /* Another application's id, even without tables. */
  craft_database (other_id, "PRAGMA application_id = 1234;");
  assert_refused (other_id, DG_ERROR_NOT_A_DANGOL_DATABASE);

  craft_database (versioned, "PRAGMA user_version = 7; CREATE TABLE x (y);");
  assert_refused (versioned, DG_ERROR_NOT_A_DANGOL_DATABASE);
}

static void
test_refuse_directory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_autofree char *path = dg_test_temp_path ("dangol.db");

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);

  db = dg_database_open (path, &error);
  g_assert_error (error, DG_ERROR, DG_ERROR_DATABASE_ACCESS);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_null (db);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
}

static void
test_refuse_parent_is_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_autofree char *parent = dg_test_temp_path ("plain-file");
  g_autofree char *path = g_build_filename (parent, "dangol.db", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  g_assert_true (g_file_set_contents (parent, "not a folder", -1, &error));
  before = dg_test_read_file (parent);

  db = dg_database_open (path, &error);
  g_assert_error (error, DG_ERROR, DG_ERROR_DATABASE_ACCESS);
  g_assert_nonnull (strstr (error->message, parent));
  g_assert_null (db);

  after = dg_test_read_file (parent);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_default_folder_private (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(DgDatabase) chosen = NULL;
  g_autofree char *path = dg_database_get_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *chosen_path = dg_test_temp_path ("dangol.db");
  g_autofree char *chosen_dir = g_path_get_dirname (chosen_path);

  /* A default folder another tool left readable by others is made private. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  db = dg_database_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (dir), ==, 0700);

  /* A folder chosen with --db is the user's business. */
  g_assert_cmpint (g_chmod (chosen_dir, 0755), ==, 0);
  chosen = dg_database_open (chosen_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (chosen_dir), ==, 0755);
}

/* Every open, not only of the default path, keeps Dangol's own folder and
 * the database's files private, whatever made them. */
static void
test_modes_on_every_open (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_autofree char *path = dg_database_get_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  mode_t old_umask = umask (022);

  /* The app passes the default path explicitly. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0777), ==, 0);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  db = dg_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (dir), ==, 0700);
  g_assert_cmpuint (file_mode (path), ==, 0600);

  umask (old_umask);
}

/* A database made by sqlite3 or cp (0644), with a -wal and -shm of that
 * mode beside it, in a folder the user chose: the files become 0600, the
 * folder stays as the user left it. */
static void
test_modes_existing_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_autofree char *dir = dg_test_temp_path ("shared-folder");
  g_autofree char *path = g_build_filename (dir, "dangol.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  const char *files[] = { path, wal, shm };
  mode_t old_umask = umask (022);
  sqlite3 *other = NULL;

  g_assert_cmpint (g_mkdir (dir, 0777), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0777), ==, 0);
  db = dg_database_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  /* Another program holds it, so its -wal and -shm stay. */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "INSERT INTO tags (uuid, name) VALUES ('u', 'x')", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_assert_true (g_file_test (files[i], G_FILE_TEST_EXISTS));
      g_assert_cmpint (g_chmod (files[i], 0644), ==, 0);
    }

  db = dg_database_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_assert_cmpuint (file_mode (files[i]), ==, 0600);
  g_assert_cmpuint (file_mode (dir), ==, 0777);

  g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);
  g_clear_object (&db);
  umask (old_umask);
}

/* A zero-length file (touch) becomes a Dangol database like a new one. */
static void
test_modes_touched_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_autofree char *path = dg_test_temp_path ("touched.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  mode_t old_umask = umask (022);
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT, 0666);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_cmpuint (file_mode (path), ==, 0644);

  db = dg_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dg_test_pragma_int (db, "application_id"), ==, DG_DATABASE_APPLICATION_ID);
  g_assert_true (dg_database_exec (db, "INSERT INTO tags (uuid, name) VALUES ('u', 'x')", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);

  umask (old_umask);
}

/* Runs as an ordinary user (nobody when the tests run as root, since root
 * ignores permission bits), in a child process so the switch stays there. */
static void
refuse_without_permission_child (void)
{
  const uid_t nobody = 65534;
  g_autofree char *dir = dg_test_temp_path ("locked");
  g_autofree char *readonly_dir = g_build_filename (dir, "readonly-folder", NULL);
  g_autofree char *readonly_file = g_build_filename (dir, "readonly.db", NULL);
  g_autofree char *in_locked_folder = g_build_filename (readonly_dir, "dangol.db", NULL);
  g_autofree char *new_in_locked_folder = g_build_filename (readonly_dir, "new", "dangol.db", NULL);
  const char *paths[] = { readonly_file, in_locked_folder, new_in_locked_folder };

  g_assert_cmpint (g_mkdir_with_parents (readonly_dir, 0700), ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DgDatabase) db = dg_database_open (paths[i], &error);

      g_assert_no_error (error);
      g_assert_true (dg_database_exec (db, "INSERT INTO tags (uuid, name) VALUES ('u', 'kept')", &error));
    }

  if (getuid () == 0)
    {
      const char *owned[] = { dir, readonly_dir, readonly_file, in_locked_folder };

      for (guint i = 0; i < G_N_ELEMENTS (owned); i++)
        g_assert_cmpint (chown (owned[i], nobody, nobody), ==, 0);
      g_autofree char *parent = g_path_get_dirname (dir);

      g_assert_cmpint (chown (parent, nobody, nobody), ==, 0);
      g_assert_cmpint (setgid (nobody), ==, 0);
      g_assert_cmpint (setuid (nobody), ==, 0);
    }

  g_assert_cmpint (g_chmod (readonly_file, 0400), ==, 0);
  g_assert_cmpint (g_chmod (readonly_dir, 0500), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) before = dg_test_read_file (paths[i]);
      g_autoptr(GBytes) after = NULL;
      g_autoptr(DgDatabase) db = dg_database_open (paths[i], &error);

      g_assert_error (error, DG_ERROR, DG_ERROR_DATABASE_ACCESS);
      g_assert_null (db);

      after = dg_test_read_file (paths[i]);
      g_assert_true ((before == NULL && after == NULL) || g_bytes_equal (before, after));
    }

  /* Lets the temporary folder be removed. */
  g_chmod (readonly_dir, 0700);
}

static void
test_refuse_without_permission (void)
{
  if (g_test_subprocess ())
    {
      refuse_without_permission_child ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = NULL;

  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  /* Before anything asks GLib for the data directory, which it caches. */
  data_home = g_build_filename (dg_test_tempdir (), "xdg-data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_add_func ("/database/create-modes", test_create_modes);
  g_test_add_func ("/database/default-path", test_default_path);
  g_test_add_func ("/database/default-folder-private", test_default_folder_private);
  g_test_add_func ("/database/unusual-path", test_unusual_path);
  g_test_add_func ("/database/empty-file", test_empty_file);
  g_test_add_func ("/database/migrate-from-zero", test_migrate_from_zero);
  g_test_add_func ("/database/refuse/newer", test_refuse_newer);
  g_test_add_func ("/database/refuse/newer-wal", test_refuse_newer_wal);
  g_test_add_func ("/database/refuse/with-wal", test_refuse_with_wal);
  g_test_add_func ("/database/refuse/newer-in-wal", test_refuse_newer_in_wal);
  g_test_add_func ("/database/open-with-wal", test_open_with_wal);
  g_test_add_func ("/database/modes/every-open", test_modes_on_every_open);
  g_test_add_func ("/database/modes/existing-files", test_modes_existing_files);
  g_test_add_func ("/database/modes/touched-file", test_modes_touched_file);
  g_test_add_func ("/database/refuse/text", test_refuse_text);
  g_test_add_func ("/database/refuse/random", test_refuse_random);
  g_test_add_func ("/database/refuse/foreign-sqlite", test_refuse_foreign_sqlite);
  g_test_add_func ("/database/refuse/directory", test_refuse_directory);
  g_test_add_func ("/database/refuse/parent-is-file", test_refuse_parent_is_file);
  g_test_add_func ("/database/refuse/no-permission", test_refuse_without_permission);

  return g_test_run ();
}
