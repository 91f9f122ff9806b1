/* dg-test-util.h
 *
 * Helpers every test shares: a private temporary directory that is removed
 * at exit, and a fresh database inside it.
 */
#pragma once

#include "dg-core.h"

G_BEGIN_DECLS

/* A new empty directory, removed with its contents when the test ends. */
const char *dg_test_tempdir          (void);
/* A path inside a new temporary directory; the file does not exist yet. */
char       *dg_test_temp_path        (const char *basename);
/* A newly created database in a temporary directory. */
DgDatabase *dg_test_open_database    (void);
/* The whole content of @path, or NULL when it does not exist. */
GBytes     *dg_test_read_file        (const char *path);
/* Whether the case runs in Korean (DANGOL_TEST_LANG=ko). */
gboolean    dg_test_is_korean        (void);
/* The names in @dir, sorted and joined by spaces. */
char       *dg_test_list_dir         (const char *dir);
/* GLib 2.74's g_test_expect_message() does not see structured logging,
 * which Dangol's code uses. From now on, a warning whose message matches
 * @pattern (g_pattern_match_simple(): "*such.csv*") is counted instead of
 * printed, so that it does not end the test, and the count starts again
 * at 0; NULL stops that and keeps the count. Thread-safe. */
void        dg_test_expect_warning   (const char *pattern);
/* How many warnings matched since dg_test_expect_warning() was last given
 * a pattern. */
guint       dg_test_n_expected_warnings (void);
/* Selects the language named by DANGOL_TEST_LANG and binds the text domain to
 * the build tree's translations. Call first in main(). */
void        dg_test_init_i18n        (void);

/* The instant of a local wall-clock time in @tz (not in a gap or a repeat). */
GDateTime  *dg_test_local_time       (GTimeZone  *tz,
                                      int         year,
                                      int         month,
                                      int         day,
                                      int         hour,
                                      int         minute);
/* A fake clock in the zone @zone (an identifier such as
 * "America/New_York") standing at that local wall-clock time. */
DgFakeClock *dg_test_fake_clock      (const char *zone,
                                      int         year,
                                      int         month,
                                      int         day,
                                      int         hour,
                                      int         minute);
/* The first column of the one row @sql gives on @db, as an integer
 * ("SELECT count(*) FROM …"). */
gint64      dg_test_count_rows       (DgDatabase *db,
                                      const char *sql);
/* Stores a customer through the core API; @phone, @email and
 * @organization may be NULL. Returns its id. */
gint64      dg_test_store_customer   (DgDatabase *db,
                                      const char *name,
                                      const char *phone,
                                      const char *email,
                                      const char *organization);
/* Writes @len bytes of @data (-1: up to its NUL) into a new file named
 * @basename in a fresh temporary folder; returns its path. */
char       *dg_test_write_temp_file  (const char *basename,
                                      const char *data,
                                      gssize      len);
/* The value of PRAGMA @pragma on @db. */
char       *dg_test_pragma_text      (DgDatabase *db,
                                      const char *pragma);
gint64      dg_test_pragma_int       (DgDatabase *db,
                                      const char *pragma);
/* Every row of every table of @db's schema (as PRAGMA table_list finds
 * them, not a hand list), ordered, with each value's storage class: two
 * dumps are equal when the tables hold the same rows. A full-text table
 * shows through its content; SQLite's own shadow tables, whose layout
 * changes with every write, are left out (check them with the FTS5
 * integrity-check). */
char       *dg_test_dump_database    (DgDatabase *db);
/* The rows @sql selects, dumped as dg_test_dump_database() dumps a table. */
char       *dg_test_query_rows       (DgDatabase *db,
                                      const char *sql);
/* Applies @undo, which must succeed, and asserts that @db then dumps as
 * @before, a dg_test_dump_database() taken before what @undo reverses. */
void        dg_test_assert_undo_restores (DgBulkUndo *undo,
                                          DgDatabase *db,
                                          const char *before);
/* Starts recording the SQL text of every statement @db runs. */
void        dg_test_trace_begin      (DgDatabase *db);
/* Stops recording; the distinct SQL texts run since, in order. */
GPtrArray  *dg_test_trace_end        (DgDatabase *db);
/* EXPLAIN QUERY PLAN of @sql, one detail line per step. */
char       *dg_test_query_plan       (DgDatabase *db,
                                      const char *sql);
/* Fails unless every table in @sql's plan is searched through an index or
 * key (no SCAN) and no temporary B-tree sorts the result. */
void        dg_test_assert_index_bound (DgDatabase *db,
                                        const char *sql);

G_END_DECLS
