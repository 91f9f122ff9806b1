/* test-customers.c */
#include "config.h"

#include "dg-database-private.h"
#include "dg-test-util.h"

/* Each test gets a fresh database and counts ::changed::customers. */
typedef struct
{
  DgDatabase *db;
  guint       changed;
} Fixture;

static void
on_customers_changed (DgDatabase *db,
                      const char *table,
                      Fixture    *fixture)
{
  g_assert_cmpstr (table, ==, "customers");
  /* Only ever after the commit. */
  g_assert_true (sqlite3_get_autocommit (dg_database_get_handle (db)));
  fixture->changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = dg_test_open_database ();
  g_signal_connect (fixture->db, "changed::customers",
                    G_CALLBACK (on_customers_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
}

/* The first column of the first row of @sql, as an integer. */
static gint64
query_int (DgDatabase *db,
           const char *sql,
           gint64      id)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (dg_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static char *
query_text (DgDatabase *db,
            const char *sql,
            gint64      id)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (dg_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

/* The trigram index agrees with its content table. */
static void
assert_fts_consistent (DgDatabase *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_database_exec (db, "INSERT INTO customer_fts (customer_fts) VALUES ('integrity-check')", &error));
  g_assert_no_error (error);
}

static DgCustomer *
make_customer (const char *name,
               const char *phone,
               const char *email,
               const char *tags)
{
  DgCustomer *customer = dg_customer_new ();
  g_auto(GStrv) tag_names = dg_tags_parse (tags);

  dg_customer_set_name (customer, name);
  dg_customer_set_phone (customer, phone);
  dg_customer_set_email (customer, email);
  dg_customer_set_tags (customer, (const char * const *) tag_names);

  return customer;
}

static gint64
add_customer (DgDatabase *db,
              const char *name,
              const char *phone,
              const char *email,
              const char *tags)
{
  g_autoptr(DgCustomer) customer = make_customer (name, phone, email, tags);
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_customers_insert (db, customer, &error));
  g_assert_no_error (error);

  return dg_customer_get_id (customer);
}

static GArray *
search (DgDatabase  *db,
        const char  *text)
{
  DgCustomerQuery query = { .text = text, .archived = DG_ARCHIVED_INCLUDE };
  g_autoptr(GError) error = NULL;
  GArray *ids;

  ids = dg_customers_search_ids (db, &query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ids);
  g_assert_cmpint (dg_customers_count (db, &query, NULL), ==, ids->len);

  return ids;
}

static gboolean
ids_contain (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    {
      if (g_array_index (ids, gint64, i) == id)
        return TRUE;
    }

  return FALSE;
}

/* Checks that searching @text finds exactly the customers in @expected
 * (0-terminated), in name order. */
static void
assert_search (DgDatabase   *db,
               const char   *text,
               const gint64 *expected)
{
  g_autoptr(GArray) ids = search (db, text);
  guint n = 0;

  while (expected[n] != 0)
    n++;

  if (ids->len != n)
    g_error ("Searching “%s” found %u customers, expected %u", text, ids->len, n);

  for (guint i = 0; i < n; i++)
    {
      if (!ids_contain (ids, expected[i]))
        g_error ("Searching “%s” did not find customer %" G_GINT64_FORMAT, text, expected[i]);
    }
}

static void
assert_time_text (const char *text)
{
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
                                       text, 0, 0));
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  DgDatabase *db = fixture->db;
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(DgCustomer) loaded = NULL;
  g_autoptr(DgCustomer) by_uuid = NULL;
  g_autoptr(GDateTime) consent_at = g_date_time_new_utc (2026, 3, 15, 9, 30, 0);
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "VIP", "가을 세미나", "재방문", NULL };
  g_autofree char *created_text = NULL;
  g_autofree char *consent_text = NULL;
  g_autofree char *haystack = NULL;
  g_autofree char *expected_haystack = NULL;
  gint64 id;

  dg_customer_set_name (customer, "김민수");
  dg_customer_set_phone (customer, "010-1234-5678");
  dg_customer_set_email (customer, "Minsu.Kim@Example.com");
  dg_customer_set_organization (customer, "단골상회");
  dg_customer_set_source (customer, "지인 소개");
  dg_customer_set_birthday (customer, "1988-04-12");
  dg_customer_set_marketing_consent (customer, TRUE, consent_at);
  dg_customer_set_note (customer, "첫 상담: 화요일 오후\n두 번째 줄");
  dg_customer_set_tags (customer, tags);

  g_assert_true (dg_customers_insert (db, customer, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, 1);

  id = dg_customer_get_id (customer);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (strlen (dg_customer_get_uuid (customer)), ==, 36);
  g_assert_true (g_uuid_string_is_valid (dg_customer_get_uuid (customer)));
  g_assert_nonnull (dg_customer_get_created_at (customer));
  g_assert_true (g_date_time_equal (dg_customer_get_created_at (customer),
                                    dg_customer_get_updated_at (customer)));

  loaded = dg_customers_get (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dg_customer_get_id (loaded), ==, id);
  g_assert_cmpstr (dg_customer_get_uuid (loaded), ==, dg_customer_get_uuid (customer));
  g_assert_cmpstr (dg_customer_get_name (loaded), ==, "김민수");
  g_assert_cmpstr (dg_customer_get_phone (loaded), ==, "010-1234-5678");
  g_assert_cmpstr (dg_customer_get_email (loaded), ==, "Minsu.Kim@Example.com");
  g_assert_cmpstr (dg_customer_get_organization (loaded), ==, "단골상회");
  g_assert_cmpstr (dg_customer_get_source (loaded), ==, "지인 소개");
  g_assert_cmpstr (dg_customer_get_birthday (loaded), ==, "1988-04-12");
  g_assert_true (dg_customer_get_marketing_consent (loaded));
  g_assert_true (g_date_time_equal (dg_customer_get_consent_at (loaded), consent_at));
  g_assert_cmpstr (dg_customer_get_note (loaded), ==, "첫 상담: 화요일 오후\n두 번째 줄");
  g_assert_false (dg_customer_get_archived (loaded));
  g_assert_true (g_date_time_equal (dg_customer_get_created_at (loaded), dg_customer_get_created_at (customer)));
  g_assert_true (g_date_time_equal (dg_customer_get_updated_at (loaded), dg_customer_get_updated_at (customer)));
  g_assert_true (g_strv_equal (dg_customer_get_tags (loaded), tags));

  by_uuid = dg_customers_get_by_uuid (db, dg_customer_get_uuid (customer), &error);
  g_assert_no_error (error);
  g_assert_cmpint (dg_customer_get_id (by_uuid), ==, id);
  g_assert_true (g_strv_equal (dg_customer_get_tags (by_uuid), tags));

  /* What is stored, as other modules and backups will read it. */
  created_text = query_text (db, "SELECT created_at FROM customers WHERE id = ?", id);
  assert_time_text (created_text);
  consent_text = query_text (db, "SELECT consent_at FROM customers WHERE id = ?", id);
  g_assert_cmpstr (consent_text, ==, "2026-03-15T09:30:00Z");
  g_assert_cmpint (query_int (db, "SELECT phone_digits = '01012345678' FROM customers WHERE id = ?", id), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT tags_text = 'VIP, 가을 세미나, 재방문' FROM customers WHERE id = ?", id), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customer_tags WHERE customer_id = ?", id), ==, 3);

  haystack = query_text (db, "SELECT haystack FROM customer_search WHERE customer_id = ?", id);
  expected_haystack = g_strjoin ("\x1f", "김민수", "단골상회", "minsu.kim@example.com",
                                 "첫 상담: 화요일 오후\n두 번째 줄", "vip, 가을 세미나, 재방문",
                                 "ㄱㅁㅅ", "01012345678", NULL);
  g_assert_cmpstr (haystack, ==, expected_haystack);
  assert_fts_consistent (db);
}

static void
test_minimal_round_trip (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(DgCustomer) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_customer (fixture->db, "Lee", NULL, NULL, NULL);

  loaded = dg_customers_get (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dg_customer_get_phone (loaded), ==, "");
  g_assert_null (dg_customer_get_birthday (loaded));
  g_assert_false (dg_customer_get_marketing_consent (loaded));
  g_assert_null (dg_customer_get_consent_at (loaded));
  g_assert_null (dg_customer_get_tags (loaded)[0]);
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  DgDatabase *db = fixture->db;
  g_autoptr(DgCustomer) missing = make_customer ("Nobody", NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (dg_customers_get (db, 9999, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (dg_customers_get_by_uuid (db, "00000000-0000-4000-8000-000000000000", &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Never stored. */
  g_assert_false (dg_customers_update (db, missing, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  dg_customer_set_id (missing, 9999);
  g_assert_false (dg_customers_update (db, missing, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (dg_customers_delete (db, 9999, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (dg_customers_set_archived (db, 9999, TRUE, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (dg_customers_add_tag (db, 9999, "vip", &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpuint (fixture->changed, ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM tags", 0), ==, 0);
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  DgDatabase *db = fixture->db;
  g_autoptr(DgCustomer) customer = make_customer ("김민수", "010-1234-5678", NULL, "vip");
  g_autoptr(DgCustomer) loaded = NULL;
  g_autoptr(GDateTime) long_ago = g_date_time_new_utc (2020, 1, 1, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  const char *new_tags[] = { "신규", NULL };
  gint64 id;

  dg_customer_set_created_at (customer, long_ago);
  dg_customer_set_updated_at (customer, long_ago);
  g_assert_true (dg_customers_insert (db, customer, &error));
  g_assert_no_error (error);
  id = dg_customer_get_id (customer);
  g_assert_true (g_date_time_equal (dg_customer_get_updated_at (customer), long_ago));

  dg_customer_set_name (customer, "박지은");
  dg_customer_set_phone (customer, "02-555-0101");
  dg_customer_set_archived (customer, TRUE);
  dg_customer_set_tags (customer, new_tags);
  g_assert_true (dg_customers_update (db, customer, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, 2);

  g_assert_cmpint (g_date_time_compare (dg_customer_get_updated_at (customer), long_ago), >, 0);

  loaded = dg_customers_get (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dg_customer_get_name (loaded), ==, "박지은");
  g_assert_cmpstr (dg_customer_get_phone (loaded), ==, "02-555-0101");
  g_assert_true (dg_customer_get_archived (loaded));
  g_assert_true (g_strv_equal (dg_customer_get_tags (loaded), new_tags));
  g_assert_true (g_date_time_equal (dg_customer_get_created_at (loaded), long_ago));
  g_assert_cmpint (g_date_time_compare (dg_customer_get_updated_at (loaded), long_ago), >, 0);
  g_assert_cmpstr (dg_customer_get_uuid (loaded), ==, dg_customer_get_uuid (customer));

  /* The search follows the new fields, and forgets the old ones. */
  assert_search (db, "지은", (gint64[]) { id, 0 });
  assert_search (db, "ㅂㅈㅇ", (gint64[]) { id, 0 });
  assert_search (db, "0255501", (gint64[]) { id, 0 });
  assert_search (db, "신규", (gint64[]) { id, 0 });
  assert_search (db, "민수", (gint64[]) { 0 });
  assert_search (db, "ㄱㅁㅅ", (gint64[]) { 0 });
  assert_search (db, "0101234", (gint64[]) { 0 });
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customer_tags WHERE customer_id = ?", id), ==, 1);
  assert_fts_consistent (db);
}

static void
test_archive (Fixture       *fixture,
              gconstpointer  data)
{
  DgDatabase *db = fixture->db;
  DgCustomerQuery exclude = { .archived = DG_ARCHIVED_EXCLUDE };
  DgCustomerQuery only = { .archived = DG_ARCHIVED_ONLY };
  DgCustomerQuery include = { .archived = DG_ARCHIVED_INCLUDE };
  g_autoptr(GError) error = NULL;
  g_autoptr(DgCustomer) loaded = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 kept = add_customer (db, "Kept", NULL, NULL, NULL);
  gint64 archived = add_customer (db, "Archived", NULL, NULL, NULL);

  fixture->changed = 0;
  g_assert_true (dg_customers_set_archived (db, archived, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, 1);

  g_assert_cmpint (dg_customers_count (db, &exclude, &error), ==, 1);
  g_assert_cmpint (dg_customers_count (db, &only, &error), ==, 1);
  g_assert_cmpint (dg_customers_count (db, &include, &error), ==, 2);

  ids = dg_customers_search_ids (db, &exclude, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, kept);
  g_clear_pointer (&ids, g_array_unref);

  ids = dg_customers_search_ids (db, &only, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, archived);
  g_clear_pointer (&ids, g_array_unref);

  /* Archived customers are found only when the query asks for them. */
  exclude.text = "Archived";
  g_assert_cmpint (dg_customers_count (db, &exclude, &error), ==, 0);
  only.text = "Archived";
  g_assert_cmpint (dg_customers_count (db, &only, &error), ==, 1);

  loaded = dg_customers_get (db, archived, &error);
  g_assert_true (dg_customer_get_archived (loaded));
  g_clear_object (&loaded);

  g_assert_true (dg_customers_set_archived (db, archived, FALSE, &error));
  g_assert_cmpuint (fixture->changed, ==, 2);
  loaded = dg_customers_get (db, archived, &error);
  g_assert_false (dg_customer_get_archived (loaded));
  g_assert_cmpint (dg_customers_count (db, &only, &error), ==, 0);
  exclude.text = NULL;
  g_assert_cmpint (dg_customers_count (db, &exclude, &error), ==, 2);
  g_assert_no_error (error);
}

static void
test_delete_cascade (Fixture       *fixture,
                     gconstpointer  data)
{
  DgDatabase *db = fixture->db;
  g_autoptr(GError) error = NULL;
  g_autoptr(DgCustomer) loaded = NULL;
  gint64 other = add_customer (db, "이민호", NULL, NULL, "vip");
  gint64 id = add_customer (db, "김민수", "010-1234-5678", "minsu@example.com", "vip, 신규");

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customer_fts WHERE customer_fts MATCH '\"김민수\"'", 0), ==, 1);

  fixture->changed = 0;
  g_assert_true (dg_customers_delete (db, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, 1);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers WHERE id = ?", id), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customer_tags WHERE customer_id = ?", id), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customer_search WHERE customer_id = ?", id), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customer_fts WHERE customer_fts MATCH '\"김민수\"'", 0), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customer_fts WHERE customer_fts MATCH '\"minsu@\"'", 0), ==, 0);
  assert_fts_consistent (db);

  /* Tags stay, and so does everyone else. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM tags", 0), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customer_tags WHERE customer_id = ?", other), ==, 1);
  assert_search (db, "민", (gint64[]) { other, 0 });

  loaded = dg_customers_get (db, id, &error);
  g_assert_null (loaded);
  g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  DgDatabase *db = fixture->db;
  g_autoptr(DgCustomer) customer = make_customer ("김민수", "010-1234-5678", NULL, "vip, 신규");
  g_autoptr(DgCustomer) restored = NULL;
  g_autoptr(GDateTime) long_ago = g_date_time_new_utc (2021, 6, 1, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  gint64 id;

  dg_customer_set_created_at (customer, long_ago);
  g_assert_true (dg_customers_insert (db, customer, &error));
  id = dg_customer_get_id (customer);
  uuid = g_strdup (dg_customer_get_uuid (customer));

  /* The view deletes, keeps the object for its Undo toast, and puts it back. */
  g_assert_true (dg_customers_delete (db, id, &error));
  g_assert_true (dg_customers_insert (db, customer, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, 3);

  g_assert_cmpint (dg_customer_get_id (customer), ==, id);
  g_assert_cmpstr (dg_customer_get_uuid (customer), ==, uuid);

  restored = dg_customers_get_by_uuid (db, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dg_customer_get_id (restored), ==, id);
  g_assert_true (g_date_time_equal (dg_customer_get_created_at (restored), long_ago));
  g_assert_true (g_strv_equal (dg_customer_get_tags (restored), dg_customer_get_tags (customer)));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM tags", 0), ==, 2);
  assert_search (db, "ㄱㅁㅅ", (gint64[]) { id, 0 });
  assert_search (db, "0101234", (gint64[]) { id, 0 });
  assert_fts_consistent (db);
}

static void
test_restore_taken_id (Fixture       *fixture,
                       gconstpointer  data)
{
  DgDatabase *db = fixture->db;
  g_autoptr(DgCustomer) customer = make_customer ("First", NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  gint64 id;
  gint64 other;

  g_assert_true (dg_customers_insert (db, customer, &error));
  id = dg_customer_get_id (customer);
  g_assert_true (dg_customers_delete (db, id, &error));

  /* Someone else got the old id meanwhile: the restored one gets a new one. */
  other = add_customer (db, "Second", NULL, NULL, NULL);
  g_assert_cmpint (other, ==, id);

  g_assert_true (dg_customers_insert (db, customer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_customer_get_id (customer), !=, id);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers", 0), ==, 2);
}

static void
test_validation_writes_nothing (Fixture       *fixture,
                                gconstpointer  data)
{
  DgDatabase *db = fixture->db;
  g_autoptr(DgCustomer) invalid = make_customer ("", "010-1234-5678", NULL, "new tag");
  g_autoptr(DgCustomer) stored = make_customer ("Stored", NULL, "kim@example.com", NULL);
  g_autoptr(DgCustomer) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_customers_insert (db, stored, &error));
  fixture->changed = 0;

  g_assert_false (dg_customers_insert (db, invalid, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD);
  g_assert_true (g_str_has_prefix (error->message, "Name:"));
  g_clear_error (&error);
  g_assert_cmpint (dg_customer_get_id (invalid), ==, 0);
  g_assert_cmpstr (dg_customer_get_uuid (invalid), ==, "");

  dg_customer_set_email (stored, "not an email");
  g_assert_false (dg_customers_update (db, stored, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD);
  g_clear_error (&error);

  g_assert_false (dg_customers_add_tag (db, dg_customer_get_id (stored), " , ", &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD);
  g_clear_error (&error);

  g_assert_cmpuint (fixture->changed, ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customers", 0), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customer_search", 0), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM tags", 0), ==, 0);

  loaded = dg_customers_get (db, dg_customer_get_id (stored), &error);
  g_assert_cmpstr (dg_customer_get_email (loaded), ==, "kim@example.com");
}

static void
test_tags (Fixture       *fixture,
           gconstpointer  data)
{
  DgDatabase *db = fixture->db;
  DgCustomerQuery query = { .archived = DG_ARCHIVED_INCLUDE };
  g_autoptr(GError) error = NULL;
  g_autoptr(DgCustomer) loaded = NULL;
  g_autoptr(GArray) ids = NULL;
  g_auto(GStrv) list = NULL;
  g_autofree char *tags_text = NULL;
  gint64 a = add_customer (db, "Alpha", NULL, NULL, NULL);
  gint64 b = add_customer (db, "Bravo", NULL, NULL, "단골");
  gint64 c = add_customer (db, "Charlie", NULL, NULL, NULL);

  fixture->changed = 0;
  g_assert_true (dg_customers_add_tag (db, a, "vip", &error));
  g_assert_true (dg_customers_add_tag (db, b, " vip ", &error));
  /* The same tag, whatever its case. */
  g_assert_true (dg_customers_add_tag (db, c, "VIP", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM tags", 0), ==, 2);

  /* Adding a tag the customer has changes nothing. */
  g_assert_true (dg_customers_add_tag (db, a, "Vip", &error));
  g_assert_cmpuint (fixture->changed, ==, 3);

  loaded = dg_customers_get (db, b, &error);
  tags_text = dg_customer_dup_tags_text (loaded);
  g_assert_cmpstr (tags_text, ==, "vip, 단골");
  g_clear_object (&loaded);

  query.tag = "Vip";
  g_assert_cmpint (dg_customers_count (db, &query, &error), ==, 3);
  ids = dg_customers_search_ids (db, &query, &error);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, a);
  g_clear_pointer (&ids, g_array_unref);

  g_assert_true (dg_customers_remove_tag (db, b, "VIP", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, 4);
  g_assert_true (dg_customers_remove_tag (db, b, "not there", &error));
  g_assert_cmpuint (fixture->changed, ==, 4);

  ids = dg_customers_search_ids (db, &query, &error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_false (ids_contain (ids, b));
  g_clear_pointer (&ids, g_array_unref);

  /* The tag filter and the text search combine. */
  query.text = "char";
  g_assert_cmpint (dg_customers_count (db, &query, &error), ==, 1);
  query.text = NULL;
  query.tag = "단골";
  g_assert_cmpint (dg_customers_count (db, &query, &error), ==, 1);
  query.tag = "nobody has this";
  g_assert_cmpint (dg_customers_count (db, &query, &error), ==, 0);

  loaded = dg_customers_get (db, b, &error);
  g_assert_cmpstr (dg_customer_get_tags (loaded)[0], ==, "단골");
  g_assert_null (dg_customer_get_tags (loaded)[1]);
  g_clear_object (&loaded);

  /* Tags are searchable text too. */
  assert_search (db, "vip", (gint64[]) { a, c, 0 });
  assert_search (db, "단골", (gint64[]) { b, 0 });

  list = dg_tags_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (list), ==, 2);
  g_assert_cmpstr (list[0], ==, "vip");
  g_assert_cmpstr (list[1], ==, "단골");
  g_clear_pointer (&list, g_strfreev);

  /* A tag nobody uses any more is not offered. */
  g_assert_true (dg_customers_remove_tag (db, b, "단골", &error));
  list = dg_tags_list (db, &error);
  g_assert_cmpuint (g_strv_length (list), ==, 1);
  assert_fts_consistent (db);
}

static void
test_count (Fixture       *fixture,
            gconstpointer  data)
{
  DgDatabase *db = fixture->db;
  DgCustomerQuery query = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (dg_customers_count (db, &query, &error), ==, 0);

  add_customer (db, "김민수", NULL, NULL, NULL);
  add_customer (db, "김민지", NULL, NULL, NULL);
  add_customer (db, "Kim", NULL, NULL, NULL);

  g_assert_cmpint (dg_customers_count (db, &query, &error), ==, 3);
  query.text = "김민";
  g_assert_cmpint (dg_customers_count (db, &query, &error), ==, 2);
  query.text = "   ";
  g_assert_cmpint (dg_customers_count (db, &query, &error), ==, 3);
  query.text = "nobody";
  g_assert_cmpint (dg_customers_count (db, &query, &error), ==, 0);
  g_assert_no_error (error);
}

typedef struct
{
  const char *name;
  const char *phone;
  const char *email;
  const char *tags;
  int         created_day;
} SortRow;

static void
assert_order (DgDatabase     *db,
              DgCustomerSort  sort,
              gboolean        descending,
              const gint64   *ids,
              const guint    *order,
              guint           n)
{
  DgCustomerQuery query = { .sort = sort, .descending = descending };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = dg_customers_search_ids (db, &query, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, n);

  for (guint i = 0; i < n; i++)
    {
      guint expected = descending ? order[n - 1 - i] : order[i];

      if (g_array_index (found, gint64, i) != ids[expected])
        g_error ("Sort %d %s: position %u holds %" G_GINT64_FORMAT ", expected row %u",
                 sort, descending ? "descending" : "ascending", i,
                 g_array_index (found, gint64, i), expected);
    }
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  static const SortRow rows[] = {
    /* 0 */ { "delta",   "010-3333-0000", "d@example.com", "b",    3 },
    /* 1 */ { "Alpha",   "010-1111-0000", "C@example.com", "A",    5 },
    /* 2 */ { "김민수",  "02-999-0000",   "a@example.com", "가",   1 },
    /* 3 */ { "charlie", "",              "",              "",     4 },
    /* 4 */ { "Bravo",   "010-2222-0000", "B@example.com", "c",    2 },
    /* 5 */ { "alpha",   "010-1111-0000", "e@example.com", "a",    6 },
  };
  /* Ties fall back to the id, in the same direction. */
  static const guint by_name[] = { 1, 5, 4, 3, 0, 2 };
  static const guint by_phone[] = { 3, 1, 5, 4, 0, 2 };
  static const guint by_email[] = { 3, 2, 4, 1, 0, 5 };
  static const guint by_tags[] = { 3, 1, 5, 0, 4, 2 };
  static const guint by_created[] = { 2, 4, 0, 3, 1, 5 };
  DgDatabase *db = fixture->db;
  gint64 ids[G_N_ELEMENTS (rows)];

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(DgCustomer) customer = make_customer (rows[i].name, rows[i].phone, rows[i].email, rows[i].tags);
      g_autoptr(GDateTime) created = g_date_time_new_utc (2025, 1, rows[i].created_day, 8, 0, 0);
      g_autoptr(GError) error = NULL;

      dg_customer_set_created_at (customer, created);
      g_assert_true (dg_customers_insert (db, customer, &error));
      g_assert_no_error (error);
      ids[i] = dg_customer_get_id (customer);
    }

  for (guint descending = 0; descending < 2; descending++)
    {
      assert_order (db, DG_CUSTOMER_SORT_NAME, descending, ids, by_name, G_N_ELEMENTS (rows));
      assert_order (db, DG_CUSTOMER_SORT_PHONE, descending, ids, by_phone, G_N_ELEMENTS (rows));
      assert_order (db, DG_CUSTOMER_SORT_EMAIL, descending, ids, by_email, G_N_ELEMENTS (rows));
      assert_order (db, DG_CUSTOMER_SORT_TAGS, descending, ids, by_tags, G_N_ELEMENTS (rows));
      assert_order (db, DG_CUSTOMER_SORT_CREATED, descending, ids, by_created, G_N_ELEMENTS (rows));
    }
}

static int
remember_sql (unsigned  type,
              void     *user_data,
              void     *stmt,
              void     *unused)
{
  char **sql = user_data;
  const char *text = sqlite3_sql (stmt);

  if (g_str_has_prefix (text, "SELECT c.id"))
    {
      g_free (*sql);
      *sql = g_strdup (text);
    }

  return 0;
}

/* The query plan of the id query dg_customers_search_ids() really runs. */
static char *
plan_of_search (DgDatabase            *db,
                const DgCustomerQuery *query)
{
  sqlite3 *handle = dg_database_get_handle (db);
  g_autofree char *sql = NULL;
  g_autofree char *explain = NULL;
  g_autoptr(GArray) ids = NULL;
  GString *plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  sqlite3_trace_v2 (handle, SQLITE_TRACE_STMT, remember_sql, &sql);
  ids = dg_customers_search_ids (db, query, NULL);
  sqlite3_trace_v2 (handle, 0, NULL, NULL);
  g_assert_nonnull (ids);
  g_assert_nonnull (sql);

  explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);

  return g_string_free (plan, FALSE);
}

static void
test_query_plan (Fixture       *fixture,
                 gconstpointer  data)
{
  static const struct {
    DgCustomerSort  sort;
    const char     *index;
  } sorts[] = {
    { DG_CUSTOMER_SORT_NAME, "customers_by_name" },
    { DG_CUSTOMER_SORT_PHONE, "customers_by_phone" },
    { DG_CUSTOMER_SORT_EMAIL, "customers_by_email" },
    { DG_CUSTOMER_SORT_TAGS, "customers_by_tags" },
    { DG_CUSTOMER_SORT_CREATED, "customers_by_created" },
  };
  DgDatabase *db = fixture->db;

  add_customer (db, "김민수", "010-1234-5678", "minsu@example.com", "vip");

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    {
      for (guint descending = 0; descending < 2; descending++)
        {
          DgCustomerQuery query = { .sort = sorts[i].sort, .descending = descending };
          g_autofree char *plan = plan_of_search (db, &query);

          g_test_message ("%s %s:\n%s", sorts[i].index, descending ? "DESC" : "ASC", plan);
          g_assert_nonnull (strstr (plan, sorts[i].index));
          g_assert_null (strstr (plan, "TEMP B-TREE"));
        }
    }

  /* A word few customers hold starts the query from its matches (read
   * from the trigram index for three characters or more, from the short
   * pieces for fewer, with the phone digits for a phone number) and finds
   * each customer by its key. */
  {
    DgCustomerQuery query = { .text = "김민수", .tag = "vip" };
    g_autofree char *plan = plan_of_search (db, &query);

    g_test_message ("김민수:\n%s", plan);
    g_assert_true (g_str_has_prefix (plan, "SCAN m VIRTUAL TABLE"));
    g_assert_nonnull (strstr (plan, "SEARCH c USING INTEGER PRIMARY KEY"));
    g_assert_null (strstr (plan, "customers_by_name"));
  }
  {
    DgCustomerQuery query = { .text = "민수" };
    g_autofree char *plan = plan_of_search (db, &query);

    g_test_message ("민수:\n%s", plan);
    g_assert_true (g_str_has_prefix (plan, "SCAN m VIRTUAL TABLE"));
    g_assert_nonnull (strstr (plan, "SEARCH c USING INTEGER PRIMARY KEY"));
  }
  {
    DgCustomerQuery query = { .text = "010-1234" };
    g_autofree char *plan = plan_of_search (db, &query);

    g_test_message ("010-1234:\n%s", plan);
    g_assert_nonnull (strstr (plan, "SEARCH c USING INTEGER PRIMARY KEY"));
    g_assert_null (strstr (plan, "customers_by_name"));
  }

  /* A word many customers hold keeps the sort index; its matches are
   * tested on the way. */
  for (guint i = 0; i < 600; i++)
    add_customer (db, "이민호", NULL, NULL, NULL);
  {
    DgCustomerQuery query = { .text = "민" };
    g_autofree char *plan = plan_of_search (db, &query);

    g_test_message ("민:\n%s", plan);
    g_assert_nonnull (strstr (plan, "customers_by_name"));
    g_assert_null (strstr (plan, "TEMP B-TREE"));
  }
}

static void
on_search_ids_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The ids of @query read in a worker thread; waits for them. */
static GArray *
search_ids_in_thread (DgDatabase            *db,
                      const DgCustomerQuery *query,
                      GCancellable          *cancellable,
                      GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  dg_customers_search_ids_async (db, query, cancellable, on_search_ids_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return dg_customers_search_ids_finish (result, error);
}

/* In a worker thread the search finds what it finds on the caller's
 * connection, in the same order; called off, it says so. */
static void
test_search_async (Fixture       *fixture,
                   gconstpointer  data)
{
  DgDatabase *db = fixture->db;
  DgCustomerQuery queries[] = {
    { 0 },
    { .text = "민수" },
    { .text = "example", .sort = DG_CUSTOMER_SORT_EMAIL, .descending = TRUE },
    { .tag = "vip", .archived = DG_ARCHIVED_INCLUDE },
  };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) none = NULL;
  g_autoptr(GError) error = NULL;

  add_customer (db, "김민수", "010-1234-5678", "minsu@example.com", "vip");
  add_customer (db, "Anna Schmidt", NULL, "anna@example.com", NULL);
  add_customer (db, "이민수", "02-555-0101", "lee@example.org", "vip");

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GArray) here = dg_customers_search_ids (db, &queries[i], &error);
      g_autoptr(GArray) there = search_ids_in_thread (db, &queries[i], NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (there);
      g_assert_cmpuint (there->len, ==, here->len);
      g_assert_cmpmem (there->data, there->len * sizeof (gint64), here->data, here->len * sizeof (gint64));
    }

  g_cancellable_cancel (cancellable);
  none = search_ids_in_thread (db, NULL, cancellable, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  DgDatabase *db = fixture->db;
  gint64 minsu = add_customer (db, "김민수", "010-1234-5678", "minsu.kim@example.com", "vip");
  gint64 minho = add_customer (db, "이민호", "+82 10-9876-5432", "minho@mail.example.org", NULL);
  gint64 jieun = add_customer (db, "박지은", "02-555-0101", "jieun_park@example.com", "세미나");
  gint64 anna = add_customer (db, "Anna Schmidt", NULL, "anna@schmidt.de", NULL);
  gint64 percent = add_customer (db, "100% Club", NULL, "axb@example.com", NULL);
  gint64 digits_in_email = add_customer (db, "Digits In Email", NULL, "user8210@example.net", NULL);
  g_autoptr(DgCustomer) quoted = make_customer ("Quote Person", NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;

  dg_customer_set_note (quoted, "She said \"call me back\" twice; path C:\\dangol");
  g_assert_true (dg_customers_insert (db, quoted, &error));
  g_assert_no_error (error);

  /* Two Korean characters: the trigram index alone would find nothing. */
  assert_search (db, "민수", (gint64[]) { minsu, 0 });
  assert_search (db, "민", (gint64[]) { minsu, minho, 0 });
  assert_search (db, "김민수", (gint64[]) { minsu, 0 });
  assert_search (db, "  민수 ", (gint64[]) { minsu, 0 });

  /* Initial consonants, whole or in part. */
  assert_search (db, "ㄱㅁㅅ", (gint64[]) { minsu, 0 });
  assert_search (db, "ㅁㅅ", (gint64[]) { minsu, 0 });
  assert_search (db, "ㅇㅁㅎ", (gint64[]) { minho, 0 });
  assert_search (db, "ㅁ", (gint64[]) { minsu, minho, 0 });

  /* Phone numbers, whatever the dashes and spaces. */
  assert_search (db, "0101234", (gint64[]) { minsu, 0 });
  assert_search (db, "010-1234", (gint64[]) { minsu, 0 });
  assert_search (db, "1234 5678", (gint64[]) { minsu, 0 });
  assert_search (db, "9876", (gint64[]) { minho, 0 });
  assert_search (db, "555-01", (gint64[]) { jieun, 0 });
  /* Digits typed as a phone number look in phone numbers only... */
  assert_search (db, "+82 10", (gint64[]) { minho, 0 });
  assert_search (db, "+82", (gint64[]) { minho, 0 });
  /* ... while digits alone are text like any other. */
  assert_search (db, "8210", (gint64[]) { minho, digits_in_email, 0 });

  /* Email, organization, note and tags, case-insensitively. */
  assert_search (db, "example.co", (gint64[]) { minsu, jieun, percent, 0 });
  assert_search (db, "MINHO@", (gint64[]) { minho, 0 });
  assert_search (db, "schmidt", (gint64[]) { anna, 0 });
  assert_search (db, "Sch", (gint64[]) { anna, 0 });
  assert_search (db, "vip", (gint64[]) { minsu, 0 });
  assert_search (db, "세미", (gint64[]) { jieun, 0 });

  /* LIKE's wildcards are plain characters in a query. */
  assert_search (db, "%", (gint64[]) { percent, 0 });
  assert_search (db, "0%", (gint64[]) { percent, 0 });
  assert_search (db, "100%", (gint64[]) { percent, 0 });
  assert_search (db, "_", (gint64[]) { jieun, 0 });
  assert_search (db, "n_p", (gint64[]) { jieun, 0 });
  assert_search (db, "a_b", (gint64[]) { 0 });
  assert_search (db, "\\", (gint64[]) { dg_customer_get_id (quoted), 0 });
  assert_search (db, "C:\\d", (gint64[]) { dg_customer_get_id (quoted), 0 });

  /* Quotes and FTS syntax are searched for, never parsed. */
  assert_search (db, "\"", (gint64[]) { dg_customer_get_id (quoted), 0 });
  assert_search (db, "\"call me", (gint64[]) { dg_customer_get_id (quoted), 0 });
  assert_search (db, "\"call me back\"", (gint64[]) { dg_customer_get_id (quoted), 0 });
  assert_search (db, "back\" OR \"", (gint64[]) { 0 });
  assert_search (db, "NEAR(a b)", (gint64[]) { 0 });
  assert_search (db, "kim*", (gint64[]) { 0 });

  assert_search (db, "nobody here", (gint64[]) { 0 });
}

static void
test_search_blank (Fixture       *fixture,
                   gconstpointer  data)
{
  DgDatabase *db = fixture->db;
  gint64 a = add_customer (fixture->db, "김민수", NULL, NULL, NULL);
  gint64 b = add_customer (fixture->db, "Kim", NULL, NULL, NULL);

  assert_search (db, NULL, (gint64[]) { a, b, 0 });
  assert_search (db, "", (gint64[]) { a, b, 0 });
  assert_search (db, " \t\u3000", (gint64[]) { a, b, 0 });
}

int
main (int argc, char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/customers/round-trip", test_round_trip);
  ADD ("/customers/minimal-round-trip", test_minimal_round_trip);
  ADD ("/customers/not-found", test_not_found);
  ADD ("/customers/update", test_update);
  ADD ("/customers/archive", test_archive);
  ADD ("/customers/delete-cascade", test_delete_cascade);
  ADD ("/customers/delete-undo", test_delete_undo);
  ADD ("/customers/restore-taken-id", test_restore_taken_id);
  ADD ("/customers/validation-writes-nothing", test_validation_writes_nothing);
  ADD ("/customers/tags", test_tags);
  ADD ("/customers/count", test_count);
  ADD ("/customers/sort", test_sort);
  ADD ("/customers/query-plan", test_query_plan);
  ADD ("/customers/search-async", test_search_async);
  ADD ("/customers/search", test_search);
  ADD ("/customers/search-blank", test_search_blank);

#undef ADD

  return g_test_run ();
}
