/* dg-test-util.c */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "dg-database-private.h"
#include "dg-test-util.h"

static GPtrArray *tempdirs;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }

  g_chmod (path, 0700);
  g_rmdir (path);
}

static void
remove_tempdirs (void)
{
  for (guint i = 0; tempdirs && i < tempdirs->len; i++)
    remove_tree (g_ptr_array_index (tempdirs, i));
  g_clear_pointer (&tempdirs, g_ptr_array_unref);
}

const char *
dg_test_tempdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir;

  dir = g_dir_make_tmp ("dangol-test-XXXXXX", &error);
  g_assert_no_error (error);

  if (tempdirs == NULL)
    {
      tempdirs = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_tempdirs);
    }
  g_ptr_array_add (tempdirs, dir);

  return dir;
}

char *
dg_test_temp_path (const char *basename)
{
  return g_build_filename (dg_test_tempdir (), basename, NULL);
}

DgDatabase *
dg_test_open_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dg_test_temp_path ("dangol.db");
  DgDatabase *db;

  db = dg_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  return db;
}

GBytes *
dg_test_read_file (const char *path)
{
  char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return NULL;

  return g_bytes_new_take (contents, len);
}

void
dg_test_init_i18n (void)
{
  const char *lang = g_getenv ("DANGOL_TEST_LANG");
  const char *localedir = g_getenv ("DANGOL_LOCALEDIR");

  if (lang != NULL)
    g_setenv ("LANGUAGE", lang, TRUE);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

GDateTime *
dg_test_local_time (GTimeZone *tz,
                    int        year,
                    int        month,
                    int        day,
                    int        hour,
                    int        minute)
{
  GDateTime *time = g_date_time_new (tz, year, month, day, hour, minute, 0);

  g_assert_nonnull (time);

  return time;
}

DgFakeClock *
dg_test_fake_clock (const char *zone,
                    int         year,
                    int         month,
                    int         day,
                    int         hour,
                    int         minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) now = NULL;

  g_assert_nonnull (tz);
  now = dg_test_local_time (tz, year, month, day, hour, minute);

  return dg_fake_clock_new (now, tz);
}

char *
dg_test_pragma_text (DgDatabase *db,
                     const char *pragma)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (dg_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

gint64
dg_test_pragma_int (DgDatabase *db,
                    const char *pragma)
{
  g_autofree char *text = dg_test_pragma_text (db, pragma);

  return g_ascii_strtoll (text, NULL, 10);
}

static void
dump_rows (sqlite3    *handle,
           const char *sql,
           GString    *dump)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (handle));
  g_string_append_printf (dump, "%s\n", sql);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (dump, "%s%s=%d:%s", i > 0 ? " | " : "",
                                sqlite3_column_name (stmt, i),
                                sqlite3_column_type (stmt, i),
                                sqlite3_column_type (stmt, i) == SQLITE_NULL
                                  ? "NULL" : (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (dump, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

char *
dg_test_query_rows (DgDatabase *db,
                    const char *sql)
{
  GString *dump = g_string_new (NULL);

  dump_rows (dg_database_get_handle (db), sql, dump);

  return g_string_free (dump, FALSE);
}

char *
dg_test_dump_database (DgDatabase *db)
{
  sqlite3 *handle = dg_database_get_handle (db);
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  GString *dump = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT name, type FROM pragma_table_list "
                                       "WHERE schema = 'main' AND type IN ('table', 'virtual') "
                                       "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      gboolean is_virtual = g_str_equal (sqlite3_column_text (stmt, 1), "virtual");
      g_autofree char *all = g_strdup_printf ("SELECT %s* FROM \"%s\"", is_virtual ? "rowid, " : "", name);
      sqlite3_stmt *columns = NULL;
      GString *sql = g_string_new (all);
      int n_columns;

      g_assert_cmpint (sqlite3_prepare_v2 (handle, all, -1, &columns, NULL), ==, SQLITE_OK);
      n_columns = sqlite3_column_count (columns);
      sqlite3_finalize (columns);

      /* Every column in the order, so a table without rowid sorts too. */
      g_string_append (sql, " ORDER BY ");
      for (int i = 1; i <= n_columns; i++)
        g_string_append_printf (sql, "%s%d", i > 1 ? ", " : "", i);
      g_ptr_array_add (queries, g_string_free (sql, FALSE));
    }
  sqlite3_finalize (stmt);

  /* At least the tables of the first migration. */
  g_assert_cmpuint (queries->len, >=, 5);

  for (guint i = 0; i < queries->len; i++)
    dump_rows (handle, g_ptr_array_index (queries, i), dump);

  return g_string_free (dump, FALSE);
}

void
dg_test_assert_undo_restores (DgBulkUndo *undo,
                              DgDatabase *db,
                              const char *before)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *undone = NULL;
  gboolean applied;

  /* The error first: its message says why. */
  applied = dg_bulk_undo_apply (undo, &error);
  g_assert_no_error (error);
  g_assert_true (applied);
  undone = dg_test_dump_database (db);
  g_assert_cmpstr (undone, ==, before);
}

static int
record_statement (unsigned  type,
                  void     *user_data,
                  void     *stmt,
                  void     *unused)
{
  GPtrArray *statements = user_data;
  const char *sql = sqlite3_sql (stmt);

  if (sql != NULL && !g_ptr_array_find_with_equal_func (statements, sql, g_str_equal, NULL))
    g_ptr_array_add (statements, g_strdup (sql));

  return 0;
}

void
dg_test_trace_begin (DgDatabase *db)
{
  GPtrArray *statements = g_ptr_array_new_with_free_func (g_free);

  g_object_set_data_full (G_OBJECT (db), "dg-test-trace", statements,
                          (GDestroyNotify) g_ptr_array_unref);
  sqlite3_trace_v2 (dg_database_get_handle (db), SQLITE_TRACE_STMT, record_statement, statements);
}

GPtrArray *
dg_test_trace_end (DgDatabase *db)
{
  GPtrArray *statements;

  sqlite3_trace_v2 (dg_database_get_handle (db), 0, NULL, NULL);
  statements = g_object_steal_data (G_OBJECT (db), "dg-test-trace");
  g_assert_nonnull (statements);

  return statements;
}

char *
dg_test_query_plan (DgDatabase *db,
                    const char *sql)
{
  sqlite3 *handle = dg_database_get_handle (db);
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  GString *plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);

  return g_string_free (plan, FALSE);
}

void
dg_test_assert_index_bound (DgDatabase *db,
                            const char *sql)
{
  g_autofree char *plan = dg_test_query_plan (db, sql);

  g_test_message ("%s\n%s", sql, plan);
  if (strstr (plan, "SCAN ") != NULL || strstr (plan, "TEMP B-TREE") != NULL)
    g_error ("Not index-bound:\n%s\n%s", sql, plan);
}

gboolean
dg_test_is_korean (void)
{
  return g_strcmp0 (g_getenv ("DANGOL_TEST_LANG"), "ko") == 0;
}

char *
dg_test_list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

/* Expected warnings */

G_LOCK_DEFINE_STATIC (expected_warning);
static char *expected_warning;
static guint n_expected_warnings;

static GLogWriterOutput
log_writer_cb (GLogLevelFlags   log_level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  const char *message = NULL;
  gboolean expected = FALSE;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
        message = fields[i].value;
    }

  if ((log_level & G_LOG_LEVEL_WARNING) != 0 && message != NULL)
    {
      G_LOCK (expected_warning);
      expected = expected_warning != NULL && g_pattern_match_simple (expected_warning, message);
      n_expected_warnings += expected;
      G_UNLOCK (expected_warning);
    }

  if (expected)
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

void
dg_test_expect_warning (const char *pattern)
{
  static gsize installed;

  /* A writer can be set once a process; ours hands every message it
   * does not expect to the default one. */
  if (g_once_init_enter (&installed))
    {
      g_log_set_writer_func (log_writer_cb, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }

  G_LOCK (expected_warning);
  g_free (expected_warning);
  expected_warning = g_strdup (pattern);
  if (pattern != NULL)
    n_expected_warnings = 0;
  G_UNLOCK (expected_warning);
}

guint
dg_test_n_expected_warnings (void)
{
  guint n;

  G_LOCK (expected_warning);
  n = n_expected_warnings;
  G_UNLOCK (expected_warning);

  return n;
}

gint64
dg_test_count_rows (DgDatabase *db,
                    const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (dg_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

gint64
dg_test_store_customer (DgDatabase *db,
                        const char *name,
                        const char *phone,
                        const char *email,
                        const char *organization)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  dg_customer_set_phone (customer, phone);
  dg_customer_set_email (customer, email);
  dg_customer_set_organization (customer, organization);
  g_assert_true (dg_customers_insert (db, customer, &error));
  g_assert_no_error (error);

  return dg_customer_get_id (customer);
}

char *
dg_test_write_temp_file (const char *basename,
                         const char *data,
                         gssize      len)
{
  g_autofree char *path = dg_test_temp_path (basename);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, data, len, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}
