/* test-search-index.c
 *
 * Search through the database: the index of short pieces kept in step with
 * every write (and built by migration 3 for rows that existed before),
 * syllables mixed with initial consonants, and several words.
 */
#include "config.h"

#include <string.h>

#include "dg-database-private.h"
#include "dg-migrations.h"
#include "dg-test-util.h"

static gint64
add_customer (DgDatabase  *db,
              const char  *name,
              const char  *organization,
              const char  *note)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  if (organization != NULL)
    dg_customer_set_organization (customer, organization);
  if (note != NULL)
    dg_customer_set_note (customer, note);
  g_assert_true (dg_customers_insert (db, customer, &error));
  g_assert_no_error (error);

  return dg_customer_get_id (customer);
}

static GArray *
search_limited (DgDatabase *db,
                const char *text,
                guint       limit)
{
  g_autoptr(GError) error = NULL;
  DgCustomerQuery query = { .text = text, .limit = limit };
  GArray *ids = dg_customers_search_ids (db, &query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);

  return ids;
}

/* Fails unless searching @text finds exactly @expected (ending with 0), in
 * that order, and counts as many. */
static void
assert_search (DgDatabase   *db,
               const char   *text,
               const gint64 *expected)
{
  g_autoptr(GArray) ids = search_limited (db, text, 0);
  g_autoptr(GError) error = NULL;
  DgCustomerQuery query = { .text = text };
  guint n = 0;

  while (expected[n] != 0)
    n++;

  if (ids->len != n)
    g_error ("“%s”: %u results, expected %u", text, ids->len, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, expected[i]);

  g_assert_cmpint (dg_customers_count (db, &query, &error), ==, n);
  g_assert_no_error (error);
}

/* FTS5's own check that an index holds exactly what its content table
 * does. */
static void
assert_index_consistent (DgDatabase *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_database_exec (db,
                                   "INSERT INTO customer_pieces (customer_pieces) "
                                   "VALUES ('integrity-check');",
                                   &error));
  g_assert_no_error (error);
}

static void
test_short_index_follows_writes (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(DgCustomer) customer = NULL;
  g_autoptr(DgCustomerSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  gint64 minsu = add_customer (db, "김민수", "카페 온도", NULL);
  gint64 other = add_customer (db, "박지은", NULL, "민트 좋아함");

  assert_search (db, "민", (gint64[]) { minsu, other, 0 });
  assert_search (db, "민수", (gint64[]) { minsu, 0 });
  assert_search (db, "온도", (gint64[]) { minsu, 0 });
  /* No piece spans two fields: the name ends in 수, the organization
   * starts with 카. */
  assert_search (db, "수카", (gint64[]) { 0 });
  assert_index_consistent (db);

  customer = dg_customers_get (db, minsu, &error);
  g_assert_no_error (error);
  dg_customer_set_name (customer, "이서연");
  g_assert_true (dg_customers_update (db, customer, &error));
  g_assert_no_error (error);
  assert_search (db, "민수", (gint64[]) { 0 });
  assert_search (db, "서연", (gint64[]) { minsu, 0 });
  assert_search (db, "민", (gint64[]) { other, 0 });

  g_assert_true (dg_customers_add_tag (db, other, "단골", &error));
  g_assert_no_error (error);
  assert_search (db, "단골", (gint64[]) { other, 0 });
  assert_index_consistent (db);

  snapshot = dg_customers_take_snapshot (db, minsu, &error);
  g_assert_no_error (error);
  g_assert_true (dg_customers_delete (db, minsu, &error));
  g_assert_no_error (error);
  assert_search (db, "서연", (gint64[]) { 0 });
  assert_index_consistent (db);

  /* Undo writes the search row back, and the index with it. */
  g_assert_true (dg_customer_snapshot_restore (db, snapshot, &error));
  g_assert_no_error (error);
  assert_search (db, "서연", (gint64[]) { dg_customer_get_id (dg_customer_snapshot_get_customer (snapshot)), 0 });
  assert_index_consistent (db);
}

static void
test_short_limit_counts_matches (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(GArray) ids = NULL;
  gint64 expected[4] = { 0 };

  /* Customers without 민 before the ones with it in name order, so that
   * a limit counted on the walked rows would find none; enough of 민
   * among them that the search walks the name order. */
  for (int i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("가나%03d", i);

      add_customer (db, name, NULL, NULL);
    }
  expected[2] = add_customer (db, "하민", NULL, NULL);
  expected[0] = add_customer (db, "다민", NULL, NULL);
  expected[1] = add_customer (db, "라민", NULL, NULL);

  ids = search_limited (db, "민", 2);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, expected[0]);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, expected[1]);
  assert_search (db, "민", expected);
}

static void
test_migration_builds_short_index (void)
{
  g_autofree char *path = dg_test_temp_path ("version-2.db");
  g_autofree char *sql = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *handle = NULL;

  /* A database of version 2 with two customers and their search rows, as
   * Dangol wrote them before the index of short pieces. */
  sql = g_strdup_printf ("%s%s"
                         "PRAGMA application_id = %d; PRAGMA user_version = 2;"
                         "INSERT INTO customers (id, uuid, name, created_at, updated_at) VALUES"
                         " (1, '4b1e1b9e-0000-4000-8000-000000000001', '김민수',"
                         "  '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'),"
                         " (2, '4b1e1b9e-0000-4000-8000-000000000002', 'Nancy Baker',"
                         "  '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');"
                         "INSERT INTO customer_search (customer_id, haystack) VALUES"
                         " (1, '김민수\x1f\x1f\x1f\x1f\x1fㄱㅁㅅ\x1f'),"
                         " (2, 'nancy baker\x1f\x1f\x1f\x1f\x1f\x1f');",
                         dg_migration_sql (1), dg_migration_sql (2),
                         DG_DATABASE_APPLICATION_ID);
  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  db = dg_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dg_database_get_schema_version (db), ==, dg_migrations_latest ());
  assert_index_consistent (db);

  assert_search (db, "민수", (gint64[]) { 1, 0 });
  assert_search (db, "ㅁ", (gint64[]) { 1, 0 });
  assert_search (db, "y", (gint64[]) { 2, 0 });
  assert_search (db, "y b", (gint64[]) { 2, 0 });
  assert_search (db, "yb", (gint64[]) { 0 });
}

static void
test_reader_reads_short_index (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(DgDatabase) reader = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  DgCustomerQuery query = { .text = "민" };
  gint64 id = add_customer (db, "김민수", NULL, NULL);

  /* The worker thread's own read-only connection has the tokenizer too. */
  reader = dg_database_open_reader (dg_database_get_path (db), NULL, &error);
  g_assert_no_error (error);
  ids = dg_customers_search_ids (reader, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, id);
}

static void
test_mixed_chosung (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  gint64 lee_minsu = add_customer (db, "이민수", NULL, NULL);
  gint64 lee_minho = add_customer (db, "이민호", NULL, NULL);
  gint64 spaced = add_customer (db, "이 민수", NULL, NULL);
  gint64 kim = add_customer (db, "김민수", "이마트", NULL);

  assert_search (db, "이ㅁㅅ", (gint64[]) { lee_minsu, 0 });
  assert_search (db, "이민ㅅ", (gint64[]) { lee_minsu, 0 });
  assert_search (db, "ㅇ민ㅅ", (gint64[]) { lee_minsu, 0 });
  assert_search (db, "이ㅁ", (gint64[]) { lee_minsu, lee_minho, 0 });
  assert_search (db, "이민ㅎ", (gint64[]) { lee_minho, 0 });
  /* As before: all consonants and all syllables. */
  assert_search (db, "ㅇㅁㅅ", (gint64[]) { spaced, lee_minsu, 0 });
  assert_search (db, "이민수", (gint64[]) { lee_minsu, 0 });
  /* The initials match the name only: 이마트 is an organization. */
  assert_search (db, "ㄱ민ㅅ", (gint64[]) { kim, 0 });
  assert_search (db, "이ㅁㅌ", (gint64[]) { 0 });
  /* ㅏ and ㄳ begin no syllable, so they are only text. */
  assert_search (db, "이ㅏ", (gint64[]) { 0 });
  assert_search (db, "민ㄳ", (gint64[]) { 0 });
}

static void
test_several_words (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  gint64 nancy = add_customer (db, "Nancy Baker", NULL, NULL);
  gint64 minsu = add_customer (db, "김민수", "서울대학교", NULL);
  gint64 seoul = add_customer (db, "박서울", NULL, "민수 씨 소개");
  gint64 other = add_customer (db, "Baker Street", NULL, "nancy's friend");

  assert_search (db, "baker nancy", (gint64[]) { other, nancy, 0 });
  assert_search (db, "nancy baker", (gint64[]) { other, nancy, 0 });
  assert_search (db, "  Baker   ", (gint64[]) { other, nancy, 0 });
  assert_search (db, "baker street nancy", (gint64[]) { other, 0 });
  assert_search (db, "민수 서울", (gint64[]) { minsu, seoul, 0 });
  assert_search (db, "서울 민수", (gint64[]) { minsu, seoul, 0 });
  /* An ideographic space, as a Korean input method types it. */
  assert_search (db, "서울\xe3\x80\x80ㄱㅁㅅ", (gint64[]) { minsu, 0 });
  assert_search (db, "서울대 소개", (gint64[]) { 0 });
  assert_search (db, "nancy zzz", (gint64[]) { 0 });
}

int
main (int argc, char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/index/follows-writes", test_short_index_follows_writes);
  g_test_add_func ("/search/index/limit", test_short_limit_counts_matches);
  g_test_add_func ("/search/index/migration", test_migration_builds_short_index);
  g_test_add_func ("/search/index/reader", test_reader_reads_short_index);
  g_test_add_func ("/search/mixed-chosung", test_mixed_chosung);
  g_test_add_func ("/search/several-words", test_several_words);

  return g_test_run ();
}
