/* test-database.c
 *
 * The connection: its settings, statements, transactions and ::changed.
 * What happens to the file before (inspection, refusal, modes) is in
 * test-database-file.c.
 */
#include "config.h"

#include <glib/gi18n.h>


#include "dg-database-private.h"
#include "dg-migrations.h"
#include "dg-test-util.h"

static void
test_pragmas (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autofree char *journal_mode = dg_test_pragma_text (db, "journal_mode");
  g_autofree char *path = NULL;
  int schema_version = 0;

  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (dg_test_pragma_int (db, "synchronous"), ==, 2);
  g_assert_cmpint (dg_test_pragma_int (db, "foreign_keys"), ==, 1);
  g_assert_cmpint (dg_test_pragma_int (db, "temp_store"), ==, 2);
  g_assert_cmpint (dg_test_pragma_int (db, "application_id"), ==, DG_DATABASE_APPLICATION_ID);
  g_assert_cmpint (dg_test_pragma_int (db, "user_version"), ==, dg_migrations_latest ());
  g_assert_cmpint (sqlite3_busy_timeout (dg_database_get_handle (db), 5000), ==, SQLITE_OK);

  g_assert_cmpint (dg_database_get_schema_version (db), ==, dg_migrations_latest ());
  g_assert_cmpint (dg_database_get_schema_version (db), ==, DG_DATABASE_SCHEMA_VERSION);

  g_object_get (db,
                "path", &path,
                "schema-version", &schema_version,
                NULL);
  g_assert_cmpstr (path, ==, dg_database_get_path (db));
  g_assert_cmpint (schema_version, ==, dg_migrations_latest ());
}

static void
test_reopen (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dg_test_temp_path ("dangol.db");
  g_autoptr(DgDatabase) db = NULL;
  g_auto(DgStatement) stmt = NULL;

  db = dg_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (dg_database_exec (db, "INSERT INTO tags (uuid, name) VALUES ('u1', 'kept')", &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  db = dg_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dg_database_get_schema_version (db), ==, dg_migrations_latest ());

  stmt = dg_database_prepare (db, "SELECT name FROM tags WHERE uuid = 'u1'", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "kept");
}

static void
on_changed (DgDatabase *db,
            const char *table,
            guint      *count)
{
  g_assert_cmpstr (table, ==, "customers");
  /* Emitted after the commit, never inside the transaction. */
  g_assert_true (sqlite3_get_autocommit (dg_database_get_handle (db)));
  (*count)++;
}

static void
test_changed_signal (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(GError) error = NULL;
  guint count = 0;

  g_signal_connect (db, "changed::customers", G_CALLBACK (on_changed), &count);

  /* Outside a transaction: at once. */
  dg_database_notify_changed (db, "customers");
  g_assert_cmpuint (count, ==, 1);

  /* Another table does not reach a handler for this detail. */
  dg_database_notify_changed (db, "tags");
  g_assert_cmpuint (count, ==, 1);

  /* Inside: once, after the commit. */
  g_assert_true (dg_database_begin (db, &error));
  dg_database_notify_changed (db, "customers");
  dg_database_notify_changed (db, "customers");
  dg_database_notify_changed (db, "tags");
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (dg_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 2);

  /* Dropped on rollback. */
  g_assert_true (dg_database_begin (db, &error));
  dg_database_notify_changed (db, "customers");
  dg_database_rollback (db);
  g_assert_cmpuint (count, ==, 2);

  /* Nested: after the outer commit only. */
  g_assert_true (dg_database_begin (db, &error));
  g_assert_true (dg_database_begin (db, &error));
  dg_database_notify_changed (db, "customers");
  g_assert_true (dg_database_commit (db, &error));
  g_assert_cmpuint (count, ==, 2);
  g_assert_true (dg_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 3);
}

static void
test_nested_rollback (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(GError) error = NULL;
  g_auto(DgStatement) stmt = NULL;

  g_assert_true (dg_database_begin (db, &error));
  g_assert_true (dg_database_exec (db, "INSERT INTO tags (uuid, name) VALUES ('a', 'outer')", &error));
  g_assert_true (dg_database_begin (db, &error));
  g_assert_true (dg_database_exec (db, "INSERT INTO tags (uuid, name) VALUES ('b', 'inner')", &error));
  dg_database_rollback (db);
  g_assert_true (dg_database_commit (db, &error));
  g_assert_no_error (error);

  stmt = dg_database_prepare (db, "SELECT group_concat (name) FROM tags", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "outer");
}

/* A write the disk has no room for, or that the database refuses, fails
 * with words a person can act on, and changes nothing. */
static void
test_errors_in_words (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(DgCustomer) large = dg_customer_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *note = g_strnfill (19000, 'x');

  dg_customer_set_name (customer, "김민수");
  g_assert_true (dg_customers_insert (db, customer, &error));
  g_assert_no_error (error);
  before = dg_test_dump_database (db);

  /* The file may grow by two pages: a disk that is full. */
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                           dg_test_pragma_int (db, "page_count") + 2);
  g_assert_true (dg_database_exec (db, limit, &error));
  dg_customer_set_name (large, "Nancy Baker");
  dg_customer_set_note (large, note);
  g_assert_false (dg_customers_insert (db, large, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_DATABASE);
  g_assert_cmpstr (error->message, ==, _("The disk is full. Free some space and try again."));
  g_clear_error (&error);
  after = dg_test_dump_database (db);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* A database that must not be written. */
  g_assert_true (dg_database_exec (db, "PRAGMA query_only = 1", &error));
  dg_customer_set_note (large, "short");
  g_assert_false (dg_customers_insert (db, large, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_DATABASE);
  g_assert_cmpstr (error->message, ==, _("The database cannot be changed: its file or folder is read-only."));
  g_clear_error (&error);
  after = dg_test_dump_database (db);
  g_assert_cmpstr (after, ==, before);
}

static void
count_changed (guint      *count,
               const char *table)
{
  (*count)++;
}

/* A read transaction holds one snapshot; it opens nothing inside the
 * caller's transaction, a transaction begun inside it is a savepoint, and
 * once it ends dg_database_begin() opens a transaction of its own again. */
static void
test_read_transaction (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(DgDatabase) other = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *handle = dg_database_get_handle (db);
  sqlite3_stmt *stmt;
  guint count = 0;

  g_signal_connect_swapped (db, "changed", G_CALLBACK (count_changed), &count);
  other = dg_database_open (dg_database_get_path (db), &error);
  g_assert_no_error (error);

  g_assert_true (dg_database_begin_read (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_get_autocommit (handle), ==, 0);
  g_assert_true (dg_database_begin_read (db, &error));
  stmt = dg_database_prepare (db, "SELECT count(*) FROM tags", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  dg_statement_release (stmt);

  /* Another connection's commit is not in this snapshot. */
  g_assert_true (dg_database_exec (other, "INSERT INTO tags (uuid, name) VALUES ('o', 'other')", &error));
  g_assert_no_error (error);
  stmt = dg_database_prepare (db, "SELECT count(*) FROM tags", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  dg_statement_release (stmt);

  g_assert_true (dg_database_end_read (db, &error));
  g_assert_cmpint (sqlite3_get_autocommit (handle), ==, 0);
  g_assert_true (dg_database_end_read (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_get_autocommit (handle), !=, 0);

  /* Its own transactions work after it, and inside it. */
  g_assert_true (dg_database_begin (db, &error));
  g_assert_no_error (error);
  g_assert_true (dg_database_begin_read (db, &error));
  g_assert_true (dg_database_end_read (db, &error));
  g_assert_cmpint (sqlite3_get_autocommit (handle), ==, 0);
  g_assert_true (dg_database_exec (db, "INSERT INTO tags (uuid, name) VALUES ('a', 'first')", &error));
  dg_database_notify_changed (db, "tags");
  g_assert_true (dg_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 1);

  g_assert_true (dg_database_begin_read (db, &error));
  g_assert_true (dg_database_begin (db, &error));
  g_assert_no_error (error);
  g_assert_true (dg_database_exec (db, "INSERT INTO tags (uuid, name) VALUES ('b', 'second')", &error));
  dg_database_notify_changed (db, "tags");
  g_assert_true (dg_database_commit (db, &error));
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (dg_database_end_read (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpint (sqlite3_get_autocommit (handle), !=, 0);

  stmt = dg_database_prepare (other, "SELECT count(*) FROM tags", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 3);
  dg_statement_release (stmt);
}

static void
test_statement_cache (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *first;
  sqlite3_stmt *second;

  first = dg_database_prepare (db, "SELECT ?1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_bind_int (first, 1, 42), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (first), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (first, 0), ==, 42);

  /* The same statement again, reset and without its old binding. */
  second = dg_database_prepare (db, "SELECT ?1", &error);
  g_assert_true (first == second);
  g_assert_cmpint (sqlite3_step (second), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_type (second, 0), ==, SQLITE_NULL);
  dg_statement_release (second);

  g_assert_null (dg_database_prepare (db, "SELEKT nothing", &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_DATABASE);
}

/* A reader sees what was committed, cannot write, and stops a statement
 * once its cancellable is cancelled. */
static void
test_reader (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(DgDatabase) reader = NULL;
  g_autoptr(DgDatabase) missing = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *missing_path = dg_test_temp_path ("missing.db");
  sqlite3_stmt *stmt;

  g_assert_true (dg_database_exec (db, "CREATE TABLE numbers (n INTEGER);"
                                       "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5000)"
                                       "INSERT INTO numbers SELECT n FROM r;", &error));
  g_assert_no_error (error);

  reader = dg_database_open_reader (dg_database_get_path (db), cancellable, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dg_database_get_schema_version (reader), ==, DG_DATABASE_SCHEMA_VERSION);

  stmt = dg_database_prepare (reader, "SELECT count(*) FROM numbers", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 5000);
  dg_statement_release (stmt);

  /* A commit on the main connection shows in the reader's next read. */
  g_assert_true (dg_database_exec (db, "INSERT INTO numbers VALUES (0)", &error));
  stmt = dg_database_prepare (reader, "SELECT count(*) FROM numbers", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 5001);
  dg_statement_release (stmt);

  g_assert_false (dg_database_exec (reader, "DELETE FROM numbers", &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_DATABASE);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  stmt = dg_database_prepare (reader, "SELECT sum (a.n * b.n) FROM numbers a, numbers b", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_INTERRUPT);
  dg_statement_release (stmt);

  /* The main connection still holds every row. */
  stmt = dg_database_prepare (db, "SELECT count(*) FROM numbers", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 5001);
  dg_statement_release (stmt);

  missing = dg_database_open_reader (missing_path, NULL, &error);
  g_assert_null (missing);
  g_assert_error (error, DG_ERROR, DG_ERROR_DATABASE_ACCESS);
  g_assert_false (g_file_test (missing_path, G_FILE_TEST_EXISTS));
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

  g_test_add_func ("/database/pragmas", test_pragmas);
  g_test_add_func ("/database/reopen", test_reopen);
  g_test_add_func ("/database/changed-signal", test_changed_signal);
  g_test_add_func ("/database/nested-rollback", test_nested_rollback);
  g_test_add_func ("/database/errors-in-words", test_errors_in_words);
  g_test_add_func ("/database/read-transaction", test_read_transaction);
  g_test_add_func ("/database/statement-cache", test_statement_cache);
  g_test_add_func ("/database/reader", test_reader);

  return g_test_run ();
}
