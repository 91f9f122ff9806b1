/* test-customers-bulk.c
 *
 * Bulk actions on a selection of customers: each one's effect and the
 * values derived from it, its Undo (the tables exactly as before), and a
 * failure half-way that leaves nothing changed.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <string.h>

#include "dg-database-private.h"
#include "dg-followup-test-util.h"
#include "dg-test-util.h"

typedef struct
{
  DgFollowupFixture  base;
  /* Emissions of ::changed per table, each checked to come after commit. */
  GHashTable        *changed;
  /* Kim (tag VIP, phone, e-mail), Lee (no phone), Park (archived, a
   * contact, a keep-in-touch follow-up), Choi (nothing). */
  gint64             kim, lee, park, choi;
} Fixture;

static void
on_changed (DgDatabase *db,
            const char *table,
            Fixture    *fixture)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (fixture->changed, table));

  g_assert_true (sqlite3_get_autocommit (dg_database_get_handle (db)));
  g_hash_table_insert (fixture->changed, g_strdup (table), GUINT_TO_POINTER (n + 1));
}

static guint
n_changed (Fixture    *fixture,
           const char *table)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (fixture->changed, table));
}

static gint64
add_customer (Fixture    *fixture,
              const char *name,
              const char *phone,
              const char *email,
              const char *tags)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_auto(GStrv) tag_list = dg_tags_parse (tags);
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  dg_customer_set_phone (customer, phone);
  dg_customer_set_email (customer, email);
  dg_customer_set_tags (customer, (const char * const *) tag_list);
  g_assert_true (dg_customers_insert (fixture->base.db, customer, &error));
  g_assert_no_error (error);

  return dg_customer_get_id (customer);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) contact = NULL;
  g_autoptr(DgFollowup) keep = NULL;

  dg_followup_fixture_set_up (&fixture->base, data);

  fixture->kim = add_customer (fixture, "김민수", "010-1234-5678", "minsu@example.com", "VIP");
  fixture->lee = add_customer (fixture, "이서연", "", "seoyeon@example.com", "");
  fixture->park = add_customer (fixture, "박지훈", "010-2222-3333", "", "강의");
  fixture->choi = add_customer (fixture, "최유진", "010 1234 5678", "Minsu@Example.com", "");

  g_assert_true (dg_customers_set_archived (fixture->base.db, fixture->park, TRUE, &error));
  g_assert_no_error (error);

  contact = dg_test_at (&fixture->base, 2026, 3, 2, 15, 0);
  dg_test_log_contact (&fixture->base, fixture->park, contact);
  keep = dg_test_make_all_day ("안부 전화", "2026-04-01");
  dg_followup_set_customer_id (keep, fixture->park);
  dg_followup_set_recurrence (keep, DG_RECURRENCE_MONTHS);
  dg_followup_set_keep_in_touch (keep, TRUE);
  dg_test_insert_followup (&fixture->base, keep);
  dg_test_add_timed (&fixture->base, "견적 보내기", contact);

  fixture->changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect (fixture->base.db, "changed", G_CALLBACK (on_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->changed, g_hash_table_unref);
  dg_followup_fixture_tear_down (&fixture->base, data);
}

/* Every row of every table, as text with each value's type, and whether
 * the trigram index agrees with the search rows. */
static char *
dump_tables (DgDatabase *db)
{
  static const char * const queries[] = {
    "SELECT * FROM customers ORDER BY id",
    "SELECT * FROM tags ORDER BY id",
    "SELECT * FROM customer_tags ORDER BY customer_id, tag_id",
    "SELECT * FROM customer_search ORDER BY customer_id",
    "SELECT * FROM interactions ORDER BY id",
    "SELECT * FROM followups ORDER BY id",
    "SELECT * FROM meta ORDER BY name",
  };
  sqlite3 *handle = dg_database_get_handle (db);
  GString *dump = g_string_new (NULL);

  g_assert_cmpint (sqlite3_exec (handle, "INSERT INTO customer_fts (customer_fts) VALUES ('integrity-check')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (handle, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (dump, "%s\n", queries[q]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (stmt); i++)
            g_string_append_printf (dump, "%s%s=%d:%s", i > 0 ? " | " : "",
                                    sqlite3_column_name (stmt, i),
                                    sqlite3_column_type (stmt, i),
                                    sqlite3_column_type (stmt, i) == SQLITE_NULL
                                      ? "NULL" : (const char *) sqlite3_column_text (stmt, i));
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }

  return g_string_free (dump, FALSE);
}

static void
exec (DgDatabase *db,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (dg_database_get_handle (db), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
query_int (DgDatabase *db,
           const char *sql,
           gint64      id)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (dg_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static DgCustomer *
get_customer (Fixture *fixture,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  DgCustomer *customer = dg_customers_get (fixture->base.db, id, &error);

  g_assert_no_error (error);

  return customer;
}

/* What the customers row stores as its tag text, the list's tags column. */
static void
assert_tags_text (Fixture    *fixture,
                  gint64      id,
                  const char *expected)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (dg_database_get_handle (fixture->base.db),
                                       "SELECT tags_text FROM customers WHERE id = ?1", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, expected);
  sqlite3_finalize (stmt);
}

static guint
search_count (Fixture    *fixture,
              const char *text)
{
  DgCustomerQuery query = { .text = text, .archived = DG_ARCHIVED_INCLUDE };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = dg_customers_search_ids (fixture->base.db, &query, &error);
  g_assert_no_error (error);

  return ids->len;
}

/* Applies @undo, checks the tables are @before again, and that a second
 * Undo is refused. */
static void
undo_and_compare (Fixture    *fixture,
                  DgBulkUndo *undo,
                  const char *before)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  g_assert_true (dg_bulk_undo_apply (undo, &error));
  g_assert_no_error (error);

  after = dump_tables (fixture->base.db);
  g_assert_cmpstr (after, ==, before);

  g_assert_false (dg_bulk_undo_apply (undo, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_FAILED);
}

static void
test_add_tag (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *before = dump_tables (fixture->base.db);
  gint64 ids[] = { fixture->kim, fixture->lee, fixture->park, fixture->lee };
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;

  undo = dg_customers_bulk_add_tag (fixture->base.db, ids, G_N_ELEMENTS (ids), "VIP, 3월 특강", &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_cmpint (dg_bulk_undo_get_action (undo), ==, DG_BULK_ACTION_ADD_TAG);
  g_assert_cmpuint (dg_bulk_undo_get_n_changed (undo), ==, 3);

  assert_tags_text (fixture, fixture->kim, "3월 특강, VIP");
  assert_tags_text (fixture, fixture->park, "3월 특강, VIP, 강의");
  assert_tags_text (fixture, fixture->choi, "");
  /* The search rows followed: three found by the new tag, through the
   * trigram index and the short-query path. */
  g_assert_cmpuint (search_count (fixture, "3월 특강"), ==, 3);
  g_assert_cmpuint (search_count (fixture, "vip"), ==, 3);
  g_assert_cmpuint (n_changed (fixture, "customers"), ==, 1);
  g_assert_cmpuint (n_changed (fixture, "tags"), ==, 1);

  g_hash_table_remove_all (fixture->changed);
  undo_and_compare (fixture, undo, before);
  g_assert_cmpuint (search_count (fixture, "vip"), ==, 1);
  g_assert_cmpuint (n_changed (fixture, "customers"), ==, 1);
  g_assert_cmpuint (n_changed (fixture, "tags"), ==, 1);
}

static void
test_remove_tag (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *before = dump_tables (fixture->base.db);
  gint64 ids[] = { fixture->kim, fixture->lee, fixture->park };
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;

  undo = dg_customers_bulk_remove_tag (fixture->base.db, ids, G_N_ELEMENTS (ids), "vip", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dg_bulk_undo_get_n_changed (undo), ==, 1);

  assert_tags_text (fixture, fixture->kim, "");
  g_assert_cmpuint (search_count (fixture, "vip"), ==, 0);
  /* The tag stays for the next time. */
  g_assert_cmpint (query_int (fixture->base.db, "SELECT count (*) FROM tags WHERE name = 'VIP' AND ?1", 1), ==, 1);

  undo_and_compare (fixture, undo, before);
  g_assert_cmpuint (search_count (fixture, "vip"), ==, 1);
}

static void
test_archive (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *before = dump_tables (fixture->base.db);
  gint64 ids[] = { fixture->choi, fixture->park, fixture->kim };
  g_autoptr(DgBulkUndo) archive = NULL;
  g_autoptr(DgBulkUndo) unarchive = NULL;
  g_autoptr(GError) error = NULL;
  DgCustomerQuery archived = { .archived = DG_ARCHIVED_ONLY };

  archive = dg_customers_bulk_set_archived (fixture->base.db, ids, G_N_ELEMENTS (ids), TRUE, &error);
  g_assert_no_error (error);
  /* Park was archived already. */
  g_assert_cmpuint (dg_bulk_undo_get_n_changed (archive), ==, 2);
  g_assert_cmpint (dg_customers_count (fixture->base.db, &archived, NULL), ==, 3);
  g_assert_cmpuint (n_changed (fixture, "customers"), ==, 1);

  /* Undo unarchives only those it archived: Park stays archived. */
  undo_and_compare (fixture, archive, before);
  g_assert_cmpint (dg_customers_count (fixture->base.db, &archived, NULL), ==, 1);

  unarchive = dg_customers_bulk_set_archived (fixture->base.db, ids, G_N_ELEMENTS (ids), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dg_bulk_undo_get_n_changed (unarchive), ==, 1);
  g_assert_cmpint (dg_customers_count (fixture->base.db, &archived, NULL), ==, 0);
  undo_and_compare (fixture, unarchive, before);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *before = dump_tables (fixture->base.db);
  gint64 ids[] = { fixture->park, fixture->kim, fixture->choi };
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;

  undo = dg_customers_bulk_delete (fixture->base.db, ids, G_N_ELEMENTS (ids), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dg_bulk_undo_get_n_changed (undo), ==, 3);
  g_assert_cmpint (query_int (fixture->base.db, "SELECT count (*) FROM customers WHERE ?1", 1), ==, 1);
  g_assert_cmpint (query_int (fixture->base.db, "SELECT count (*) FROM interactions WHERE ?1", 1), ==, 0);
  g_assert_cmpint (query_int (fixture->base.db, "SELECT count (*) FROM followups WHERE customer_id = ?1",
                              fixture->park), ==, 0);
  g_assert_cmpuint (search_count (fixture, "김민수"), ==, 0);
  g_assert_cmpuint (n_changed (fixture, "customers"), ==, 1);
  g_assert_cmpuint (n_changed (fixture, "interactions"), ==, 1);
  g_assert_cmpuint (n_changed (fixture, "followups"), ==, 1);

  g_hash_table_remove_all (fixture->changed);
  undo_and_compare (fixture, undo, before);
  g_assert_cmpuint (search_count (fixture, "김민수"), ==, 1);
  g_assert_cmpuint (n_changed (fixture, "customers"), ==, 1);
  g_assert_cmpuint (n_changed (fixture, "followups"), ==, 1);
}

static DgInteraction *
make_contact (Fixture *fixture)
{
  g_autoptr(GDateTime) when = dg_test_at (&fixture->base, 2026, 3, 10, 9, 30);
  DgInteraction *contact = dg_interaction_new ();

  dg_interaction_set_occurred_at (contact, when);
  dg_interaction_set_channel (contact, DG_INTERACTION_CHANNEL_MESSAGE);
  dg_interaction_set_summary (contact, "특강 감사 문자 보냄");
  dg_interaction_set_feedback (contact, DG_INTERACTION_FEEDBACK_POSITIVE);

  return contact;
}

static void
test_log_contact (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *before = dump_tables (fixture->base.db);
  gint64 ids[] = { fixture->kim, fixture->lee, fixture->park };
  g_autoptr(DgInteraction) contact = make_contact (fixture);
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GPtrArray) kept = NULL;

  undo = dg_customers_bulk_log_contact (fixture->base.db, fixture->base.base, ids, G_N_ELEMENTS (ids),
                                        contact, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dg_bulk_undo_get_n_changed (undo), ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(DgCustomer) customer = get_customer (fixture, ids[i]);

      g_assert_true (g_date_time_equal (dg_customer_get_last_contact_at (customer),
                                        dg_interaction_get_occurred_at (contact)));
    }
  log = dg_interactions_list_for_customer (fixture->base.db, fixture->lee, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpstr (dg_interaction_get_summary (g_ptr_array_index (log, 0)), ==, "특강 감사 문자 보냄");
  g_assert_cmpint (dg_interaction_get_channel (g_ptr_array_index (log, 0)), ==, DG_INTERACTION_CHANNEL_MESSAGE);

  /* Park's keep-in-touch follow-up moved to a month after this contact. */
  kept = dg_followups_list_for_customer (fixture->base.db, fixture->park, DG_FOLLOWUP_FILTER_OPEN, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < kept->len; i++)
    {
      DgFollowup *followup = g_ptr_array_index (kept, i);

      if (dg_followup_get_keep_in_touch (followup))
        g_assert_cmpstr (dg_followup_get_due_date (followup), ==, "2026-04-10");
    }
  g_assert_cmpuint (n_changed (fixture, "interactions"), ==, 1);
  g_assert_cmpuint (n_changed (fixture, "customers"), ==, 1);
  g_assert_cmpuint (n_changed (fixture, "followups"), ==, 1);

  undo_and_compare (fixture, undo, before);
}

static void
test_add_followup (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *before = dump_tables (fixture->base.db);
  gint64 ids[] = { fixture->kim, fixture->lee, fixture->choi };
  g_autofree char *due = dg_customers_bulk_date_in_days (fixture->base.base, 14);
  g_autoptr(DgFollowup) followup = dg_test_make_all_day ("다음 강의 초대", due);
  g_autoptr(DgFollowup) single = dg_test_make_all_day ("다음 강의 초대", due);
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *with_bulk = NULL;
  gint64 single_id;

  g_assert_cmpstr (due, ==, "2026-03-24");
  dg_followup_set_note (followup, "4월 특강 안내");

  undo = dg_customers_bulk_add_followup (fixture->base.db, fixture->base.base, ids, G_N_ELEMENTS (ids),
                                         followup, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dg_bulk_undo_get_n_changed (undo), ==, 3);
  g_assert_cmpuint (n_changed (fixture, "followups"), ==, 1);
  /* The template itself was not stored. */
  g_assert_cmpint (dg_followup_get_id (followup), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GPtrArray) list = dg_followups_list_for_customer (fixture->base.db, ids[i],
                                                                  DG_FOLLOWUP_FILTER_OPEN, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (list->len, ==, 1);
      g_assert_cmpstr (dg_followup_get_title (g_ptr_array_index (list, 0)), ==, "다음 강의 초대");
      g_assert_cmpstr (dg_followup_get_note (g_ptr_array_index (list, 0)), ==, "4월 특강 안내");
      g_assert_cmpstr (dg_followup_get_due_date (g_ptr_array_index (list, 0)), ==, "2026-03-24");
    }

  /* Due key and reminder time as a follow-up added on its own gets them. */
  dg_followup_set_customer_id (single, fixture->park);
  single_id = dg_test_insert_followup (&fixture->base, single);
  g_assert_cmpint (query_int (fixture->base.db,
                              "SELECT count (DISTINCT due_key || ' ' || remind_at) FROM followups "
                              "WHERE title = '다음 강의 초대' AND ?1", 1), ==, 1);
  g_assert_true (dg_followups_delete (fixture->base.db, single_id, &error));
  g_assert_no_error (error);

  with_bulk = dump_tables (fixture->base.db);
  g_assert_cmpstr (with_bulk, !=, before);
  undo_and_compare (fixture, undo, before);
}

static void
test_addresses (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 ids[] = { fixture->choi, fixture->lee, 999999, fixture->kim, fixture->park, fixture->choi };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) phones = NULL;
  g_auto(GStrv) emails = NULL;
  g_auto(GStrv) none = NULL;

  /* Lee has no phone and Park no e-mail, 999999 does not exist, and Kim
   * has Choi's number and address, written another way. */
  phones = dg_customers_get_contacts (fixture->base.db, ids, G_N_ELEMENTS (ids),
                                      DG_CONTACT_FIELD_PHONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (phones, ((const char *[]) { "010 1234 5678", "010-2222-3333", NULL }));

  emails = dg_customers_get_contacts (fixture->base.db, ids, G_N_ELEMENTS (ids),
                                      DG_CONTACT_FIELD_EMAIL, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (emails, ((const char *[]) { "Minsu@Example.com", "seoyeon@example.com", NULL }));

  none = dg_customers_get_contacts (fixture->base.db, &fixture->lee, 1,
                                    DG_CONTACT_FIELD_PHONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (none, ((const char *[]) { NULL }));
}

/* Runs every write action on a selection with an id that does not exist
 * in the middle: each fails as NOT_FOUND and writes nothing. */
static void
test_missing_customer (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *before = dump_tables (fixture->base.db);
  gint64 ids[] = { fixture->kim, fixture->lee, 999999, fixture->choi };
  g_autoptr(DgInteraction) contact = make_contact (fixture);
  g_autoptr(DgFollowup) followup = dg_test_make_all_day ("초대", "2026-03-24");

  for (int action = DG_BULK_ACTION_ADD_TAG; action <= DG_BULK_ACTION_ADD_FOLLOWUP; action++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DgBulkUndo) undo = NULL;
      g_autofree char *after = NULL;
      DgDatabase *db = fixture->base.db;
      DgClock *clock = fixture->base.base;

      switch (action)
        {
        case DG_BULK_ACTION_ADD_TAG:
          undo = dg_customers_bulk_add_tag (db, ids, G_N_ELEMENTS (ids), "새 태그", &error);
          break;
        case DG_BULK_ACTION_REMOVE_TAG:
          undo = dg_customers_bulk_remove_tag (db, ids, G_N_ELEMENTS (ids), "VIP", &error);
          break;
        case DG_BULK_ACTION_ARCHIVE:
          undo = dg_customers_bulk_set_archived (db, ids, G_N_ELEMENTS (ids), TRUE, &error);
          break;
        case DG_BULK_ACTION_UNARCHIVE:
          undo = dg_customers_bulk_set_archived (db, ids, G_N_ELEMENTS (ids), FALSE, &error);
          break;
        case DG_BULK_ACTION_DELETE:
          undo = dg_customers_bulk_delete (db, ids, G_N_ELEMENTS (ids), &error);
          break;
        case DG_BULK_ACTION_LOG_CONTACT:
          undo = dg_customers_bulk_log_contact (db, clock, ids, G_N_ELEMENTS (ids), contact, &error);
          break;
        case DG_BULK_ACTION_ADD_FOLLOWUP:
          undo = dg_customers_bulk_add_followup (db, clock, ids, G_N_ELEMENTS (ids), followup, &error);
          break;
        default:
          g_assert_not_reached ();
        }

      g_test_message ("action %d: %s", action, error ? error->message : "(no error)");
      g_assert_null (undo);
      g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
      g_assert_nonnull (strstr (error->message, "nothing was changed"));
      g_assert_nonnull (strstr (error->message, "no longer exists"));

      after = dump_tables (db);
      g_assert_cmpstr (after, ==, before);
    }

  /* Nothing was committed, so no one was told of a change. */
  g_assert_cmpuint (g_hash_table_size (fixture->changed), ==, 0);
}

/* Rows the trigger below saw; kept outside the database, so a rollback
 * does not reset it. */
static guint n_inserts;

static void
count_insert (sqlite3_context  *context,
              int               argc,
              sqlite3_value   **argv)
{
  sqlite3_result_int (context, ++n_inserts);
}

/* A trigger refuses the third row an action inserts: the first two are
 * rolled back with it. */
static void
test_refused_row (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const tables[] = { "customer_tags", "interactions", "followups" };
  g_autofree char *before = dump_tables (fixture->base.db);
  gint64 ids[] = { fixture->kim, fixture->lee, fixture->park, fixture->choi };
  g_autoptr(DgInteraction) contact = make_contact (fixture);
  g_autoptr(DgFollowup) followup = dg_test_make_all_day ("초대", "2026-03-24");

  g_assert_cmpint (sqlite3_create_function (dg_database_get_handle (fixture->base.db), "count_insert", 0,
                                            SQLITE_UTF8, NULL, count_insert, NULL, NULL), ==, SQLITE_OK);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *trigger = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(DgBulkUndo) undo = NULL;
      g_autofree char *after = NULL;

      n_inserts = 0;
      trigger = g_strdup_printf ("CREATE TEMP TRIGGER refuse_third BEFORE INSERT ON main.%s BEGIN "
                                 "  SELECT RAISE (ABORT, 'refused by the test') "
                                 "    WHERE count_insert () = 3; "
                                 "END",
                                 tables[t]);
      exec (fixture->base.db, trigger);

      if (t == 0)
        undo = dg_customers_bulk_add_tag (fixture->base.db, ids, G_N_ELEMENTS (ids), "새 태그", &error);
      else if (t == 1)
        undo = dg_customers_bulk_log_contact (fixture->base.db, fixture->base.base, ids, G_N_ELEMENTS (ids),
                                              contact, &error);
      else
        undo = dg_customers_bulk_add_followup (fixture->base.db, fixture->base.base, ids, G_N_ELEMENTS (ids),
                                               followup, &error);

      g_test_message ("%s: %s", tables[t], error ? error->message : "(no error)");
      g_assert_null (undo);
      g_assert_error (error, DG_ERROR, DG_ERROR_DATABASE);
      g_assert_nonnull (strstr (error->message, "refused by the test"));
      g_assert_nonnull (strstr (error->message, "4 customers"));
      g_assert_nonnull (strstr (error->message, "nothing was changed"));
      g_assert_cmpuint (n_inserts, ==, 3);

      exec (fixture->base.db, "DROP TRIGGER refuse_third");
      after = dump_tables (fixture->base.db);
      g_assert_cmpstr (after, ==, before);
    }

  g_assert_cmpuint (g_hash_table_size (fixture->changed), ==, 0);
}

/* An Undo that cannot finish writes nothing, and may be tried again. */
static void
test_failed_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *before = dump_tables (fixture->base.db);
  g_autofree char *deleted = NULL;
  g_autofree char *after = NULL;
  gint64 ids[] = { fixture->kim, fixture->lee, fixture->park };
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;

  undo = dg_customers_bulk_delete (fixture->base.db, ids, G_N_ELEMENTS (ids), &error);
  g_assert_no_error (error);
  deleted = dump_tables (fixture->base.db);

  /* The last one restored is refused: the first two must not stay. */
  exec (fixture->base.db,
        "CREATE TEMP TRIGGER refuse_park BEFORE INSERT ON main.customers "
        "WHEN new.name = '박지훈' BEGIN SELECT RAISE (ABORT, 'refused by the test'); END");
  g_assert_false (dg_bulk_undo_apply (undo, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "refused by the test"));
  g_assert_true (g_str_has_prefix (error->message, "Undo failed"));
  g_clear_error (&error);
  after = dump_tables (fixture->base.db);
  g_assert_cmpstr (after, ==, deleted);

  exec (fixture->base.db, "DROP TRIGGER refuse_park");
  g_assert_true (dg_bulk_undo_apply (undo, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = dump_tables (fixture->base.db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_empty_selection (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *before = dump_tables (fixture->base.db);
  g_autofree char *after = NULL;
  g_autoptr(DgInteraction) contact = make_contact (fixture);
  g_autoptr(DgBulkUndo) tag = NULL;
  g_autoptr(DgBulkUndo) log = NULL;
  g_autoptr(GError) error = NULL;

  tag = dg_customers_bulk_remove_tag (fixture->base.db, NULL, 0, "VIP", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dg_bulk_undo_get_n_changed (tag), ==, 0);
  log = dg_customers_bulk_log_contact (fixture->base.db, fixture->base.base, NULL, 0, contact, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dg_bulk_undo_get_n_changed (log), ==, 0);

  /* A blank tag name is refused before anything is written. */
  g_assert_null (dg_customers_bulk_add_tag (fixture->base.db, &fixture->kim, 1, " , ", &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD);

  after = dump_tables (fixture->base.db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (g_hash_table_size (fixture->changed), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/customers-bulk/add-tag", test_add_tag);
  ADD ("/customers-bulk/remove-tag", test_remove_tag);
  ADD ("/customers-bulk/archive", test_archive);
  ADD ("/customers-bulk/delete", test_delete);
  ADD ("/customers-bulk/log-contact", test_log_contact);
  ADD ("/customers-bulk/add-followup", test_add_followup);
  ADD ("/customers-bulk/addresses", test_addresses);
  ADD ("/customers-bulk/missing-customer", test_missing_customer);
  ADD ("/customers-bulk/refused-row", test_refused_row);
  ADD ("/customers-bulk/failed-undo", test_failed_undo);
  ADD ("/customers-bulk/empty-selection", test_empty_selection);

#undef ADD

  return g_test_run ();
}
