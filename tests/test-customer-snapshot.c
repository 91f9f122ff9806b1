/* test-customer-snapshot.c
 *
 * Undo of a customer's delete: the snapshot taken before the delete brings
 * back the customer, its tags, search entry, contact log and follow-ups as
 * they were stored (every table of the schema is compared), re-points every
 * reference to a record whose id was taken meanwhile, and a restore that
 * fails writes nothing. Several customers come back together or not at all.
 */
#include "config.h"

#include <string.h>

#include "dg-customer-snapshot.h"
#include "dg-database-private.h"
#include "dg-test-util.h"

/* A fresh database with two customers and their histories, and a clock in
 * Seoul on 2026-11-24 at 10:00. */
typedef struct
{
  DgDatabase  *db;
  DgFakeClock *clock;
  GTimeZone   *tz;
  gint64       minsu;
  gint64       jisung;
  GPtrArray   *changed;
} Fixture;

static void
on_changed (DgDatabase *db,
            const char *table,
            Fixture    *fixture)
{
  /* Only ever after the commit. */
  g_assert_true (sqlite3_get_autocommit (dg_database_get_handle (db)));
  g_ptr_array_add (fixture->changed, g_strdup (table));
}

static gboolean
was_changed (Fixture    *fixture,
             const char *table)
{
  return g_ptr_array_find_with_equal_func (fixture->changed, table, g_str_equal, NULL);
}

static gint64
add_customer (Fixture    *fixture,
              const char *name,
              const char *tags_text)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_auto(GStrv) tags = dg_tags_parse (tags_text);
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  dg_customer_set_phone (customer, "010-1234-5678");
  dg_customer_set_note (customer, "Prefers calls after six.");
  dg_customer_set_tags (customer, (const char * const *)tags);
  g_assert_true (dg_customers_insert (fixture->db, customer, &error));
  g_assert_no_error (error);

  return dg_customer_get_id (customer);
}

static DgInteraction *
log_contact (Fixture              *fixture,
             gint64                customer_id,
             int                   day,
             DgInteractionChannel  channel,
             const char           *summary,
             DgInteractionFeedback feedback)
{
  g_autoptr(DgInteraction) interaction = dg_interaction_new ();
  g_autoptr(GDateTime) when = dg_test_local_time (fixture->tz, 2026, 11, day, 9, 30);
  g_autoptr(GError) error = NULL;

  dg_interaction_set_customer_id (interaction, customer_id);
  dg_interaction_set_occurred_at (interaction, when);
  dg_interaction_set_channel (interaction, channel);
  dg_interaction_set_summary (interaction, summary);
  dg_interaction_set_feedback (interaction, feedback);
  g_assert_true (dg_interactions_insert (fixture->db, DG_CLOCK (fixture->clock), interaction, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&interaction);
}

static gint64
add_followup (Fixture          *fixture,
              gint64            customer_id,
              const char       *title,
              const char       *due_date,
              int               hour,
              DgRecurrenceUnit  unit,
              gboolean          keep_in_touch)
{
  g_autoptr(DgFollowup) followup = dg_followup_new ();
  g_autoptr(GError) error = NULL;

  dg_followup_set_customer_id (followup, customer_id);
  dg_followup_set_title (followup, title);
  if (hour >= 0)
    {
      GDate date;
      g_autoptr(GDateTime) due = NULL;

      g_assert_true (dg_recurrence_parse_date (due_date, &date));
      due = dg_recurrence_local_time (fixture->tz, &date, hour * 3600);
      dg_followup_set_due_at (followup, due);
    }
  else
    {
      dg_followup_set_due_date (followup, due_date);
    }
  dg_followup_set_recurrence (followup, unit);
  dg_followup_set_recurrence_interval (followup, unit != DG_RECURRENCE_NONE ? 30 : 1);
  dg_followup_set_keep_in_touch (followup, keep_in_touch);
  g_assert_true (dg_followups_insert (fixture->db, DG_CLOCK (fixture->clock), followup, &error));
  g_assert_no_error (error);

  return dg_followup_get_id (followup);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DgInteraction) first = NULL;
  g_autoptr(DgInteraction) second = NULL;
  g_autoptr(DgInteraction) other = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  gint64 done_id;

  fixture->db = dg_test_open_database ();
  fixture->clock = dg_test_fake_clock ("Asia/Seoul", 2026, 11, 24, 10, 0);
  fixture->tz = dg_clock_dup_time_zone (DG_CLOCK (fixture->clock));
  fixture->changed = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (dg_followups_sync_time_zone (fixture->db, DG_CLOCK (fixture->clock), NULL));

  fixture->minsu = add_customer (fixture, "김민수", "VIP, workshop");
  fixture->jisung = add_customer (fixture, "박지성", "VIP");

  first = log_contact (fixture, fixture->minsu, 10, DG_INTERACTION_CHANNEL_CALL,
                       "Asked about the spring workshop", DG_INTERACTION_FEEDBACK_POSITIVE);
  second = log_contact (fixture, fixture->minsu, 20, DG_INTERACTION_CHANNEL_MESSAGE,
                        "Sent the schedule", DG_INTERACTION_FEEDBACK_NONE);
  other = log_contact (fixture, fixture->jisung, 21, DG_INTERACTION_CHANNEL_EMAIL,
                       "Invoice", DG_INTERACTION_FEEDBACK_NEUTRAL);

  add_followup (fixture, fixture->minsu, "Call back", "2026-11-26", 14, DG_RECURRENCE_NONE, FALSE);
  add_followup (fixture, fixture->minsu, "Keep in touch", "2026-12-20", -1, DG_RECURRENCE_DAYS, TRUE);
  done_id = add_followup (fixture, fixture->minsu, "Send the invitation", "2026-11-20", -1,
                          DG_RECURRENCE_NONE, FALSE);
  add_followup (fixture, fixture->jisung, "Invoice reminder", "2026-11-25", 11, DG_RECURRENCE_NONE, FALSE);

  /* Status and reminder state are part of what comes back. */
  now = dg_clock_get_now_utc (DG_CLOCK (fixture->clock));
  g_assert_true (dg_reminders_mark_notified (fixture->db, done_id, now, &error));
  g_assert_no_error (error);
  g_assert_true (dg_followups_complete (fixture->db, DG_CLOCK (fixture->clock), done_id, NULL, &error));
  g_assert_no_error (error);

  g_signal_connect (fixture->db, "changed", G_CALLBACK (on_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  g_clear_object (&fixture->clock);
  g_clear_pointer (&fixture->tz, g_time_zone_unref);
  g_clear_pointer (&fixture->changed, g_ptr_array_unref);
}

/* Every table the schema has, not a hand list: a table added later that
 * Undo forgot shows here. The trigram index, whose pages change with every
 * write, is checked against the search rows by FTS5 itself. */
static char *
dump_tables (DgDatabase *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_database_exec (db, "INSERT INTO customer_fts (customer_fts, rank) "
                                       "VALUES ('integrity-check', 1)", &error));
  g_assert_no_error (error);

  return dg_test_dump_database (db);
}

/* How many rows of each table refer to customer @id, through each foreign
 * key of the catalogue that refers to customers. */
static char *
count_references (DgDatabase *db,
                  gint64      id)
{
  const DgCatalogTable *tables;
  GString *counts = g_string_new (NULL);
  guint n_tables;

  tables = dg_catalog_get_tables (&n_tables);
  for (guint i = 0; i < n_tables; i++)
    {
      for (guint k = 0; k < tables[i].n_foreign_keys; k++)
        {
          const DgCatalogForeignKey *key = &tables[i].foreign_keys[k];
          g_autofree char *sql = NULL;
          sqlite3_stmt *stmt = NULL;

          if (!g_str_equal (key->table, DG_TABLE_CUSTOMERS))
            continue;

          sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE \"%s\" = ?1", tables[i].name, key->column);
          g_assert_cmpint (sqlite3_prepare_v2 (dg_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
          sqlite3_bind_int64 (stmt, 1, id);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
          g_string_append_printf (counts, "%s.%s=%d ", tables[i].name, key->column, sqlite3_column_int (stmt, 0));
          sqlite3_finalize (stmt);
        }
    }

  return g_string_free (counts, FALSE);
}

static gint64
count_rows (DgDatabase *db,
            const char *sql,
            gint64      id)
{
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_prepare_v2 (dg_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return count;
}

static guint
search_count (DgDatabase *db,
              const char *text)
{
  DgCustomerQuery query = { .text = text, .archived = DG_ARCHIVED_INCLUDE };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = dg_customers_search_ids (db, &query, &error);
  g_assert_no_error (error);

  return ids->len;
}

static void
test_delete_and_restore (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(DgCustomerSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_tables (fixture->db);
  g_autofree char *deleted = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GDateTime) last_contact = NULL;

  snapshot = dg_customers_take_snapshot (fixture->db, fixture->minsu, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  g_assert_cmpstr (dg_customer_get_name (dg_customer_snapshot_get_customer (snapshot)), ==, "김민수");
  g_assert_cmpuint (dg_customer_snapshot_get_n_interactions (snapshot), ==, 2);
  g_assert_cmpuint (dg_customer_snapshot_get_n_followups (snapshot), ==, 3);
  /* Taking it writes nothing. */
  g_assert_cmpuint (fixture->changed->len, ==, 0);

  g_assert_true (dg_customers_delete (fixture->db, fixture->minsu, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM interactions WHERE customer_id = ?1",
                               fixture->minsu), ==, 0);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM followups WHERE customer_id = ?1",
                               fixture->minsu), ==, 0);
  g_assert_cmpuint (search_count (fixture->db, "김민수"), ==, 0);
  deleted = dump_tables (fixture->db);
  g_assert_cmpstr (deleted, !=, before);

  g_ptr_array_set_size (fixture->changed, 0);
  g_assert_true (dg_customer_snapshot_restore (fixture->db, snapshot, &error));
  g_assert_no_error (error);

  after = dump_tables (fixture->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (dg_customer_get_id (dg_customer_snapshot_get_customer (snapshot)), ==, fixture->minsu);

  /* The search index, the last contact and the lists see it again. */
  g_assert_cmpuint (search_count (fixture->db, "김민수"), ==, 1);
  g_assert_cmpuint (search_count (fixture->db, "ㄱㅁㅅ"), ==, 1);
  last_contact = dg_interactions_get_last_contact (fixture->db, fixture->minsu, &error);
  g_assert_no_error (error);
  g_assert_nonnull (last_contact);

  g_assert_true (was_changed (fixture, DG_TABLE_CUSTOMERS));
  g_assert_true (was_changed (fixture, DG_TABLE_INTERACTIONS));
  g_assert_true (was_changed (fixture, DG_TABLE_FOLLOWUPS));
}

/* Another customer took the deleted one's id: it comes back under a new
 * id, and its records follow it. */
static void
test_restore_when_id_taken (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(DgCustomerSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) interactions = NULL;
  g_autoptr(GPtrArray) followups = NULL;
  g_autoptr(DgCustomer) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *references = count_references (fixture->db, fixture->jisung);
  g_autofree char *newcomer_references = NULL;
  g_autofree char *restored_references = NULL;
  const char *uuid;
  gint64 newcomer;
  gint64 restored_id;

  snapshot = dg_customers_take_snapshot (fixture->db, fixture->jisung, &error);
  g_assert_no_error (error);
  uuid = dg_customer_get_uuid (dg_customer_snapshot_get_customer (snapshot));

  g_assert_true (dg_customers_delete (fixture->db, fixture->jisung, &error));
  g_assert_no_error (error);
  /* SQLite gives the next customer the highest id plus one: the one freed. */
  newcomer = add_customer (fixture, "이민호", "VIP");
  g_assert_cmpint (newcomer, ==, fixture->jisung);
  newcomer_references = count_references (fixture->db, newcomer);

  g_assert_true (dg_customer_snapshot_restore (fixture->db, snapshot, &error));
  g_assert_no_error (error);

  restored_id = dg_customer_get_id (dg_customer_snapshot_get_customer (snapshot));
  g_assert_cmpint (restored_id, !=, newcomer);
  restored = dg_customers_get_by_uuid (fixture->db, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dg_customer_get_id (restored), ==, restored_id);
  g_assert_cmpstr (dg_customer_get_name (restored), ==, "박지성");
  g_assert_cmpuint (g_strv_length ((char **)dg_customer_get_tags (restored)), ==, 1);

  interactions = dg_interactions_list_for_customer (fixture->db, restored_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (interactions->len, ==, 1);
  followups = dg_followups_list_for_customer (fixture->db, restored_id, DG_FOLLOWUP_FILTER_ALL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (followups->len, ==, 1);
  g_assert_cmpstr (dg_followup_get_customer_name (g_ptr_array_index (followups, 0)), ==, "박지성");

  /* Every foreign key to customers followed the restored customer, and the
   * newcomer kept what is theirs. */
  restored_references = count_references (fixture->db, restored_id);
  g_assert_cmpstr (restored_references, ==, references);
  g_clear_pointer (&restored_references, g_free);
  restored_references = count_references (fixture->db, newcomer);
  g_assert_cmpstr (restored_references, ==, newcomer_references);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM interactions WHERE customer_id = ?1",
                               newcomer), ==, 0);
  g_assert_cmpuint (search_count (fixture->db, "박지성"), ==, 1);
}

/* A tag that went away meanwhile, its id taken by another one: it comes
 * back under a new id, and the customer's link follows it. */
static void
test_restore_when_tag_id_taken (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(DgCustomerSnapshot) snapshot = NULL;
  g_autoptr(DgCustomer) restored = NULL;
  g_autoptr(DgCustomer) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_auto(GStrv) tags = NULL;
  gint64 workshop = count_rows (fixture->db, "SELECT id FROM tags WHERE name = 'workshop' AND ?1", 1);
  gint64 newcomer;

  snapshot = dg_customers_take_snapshot (fixture->db, fixture->minsu, &error);
  g_assert_no_error (error);
  g_assert_true (dg_customers_delete (fixture->db, fixture->minsu, &error));
  g_assert_no_error (error);

  /* Nothing else had the tag; it is dropped, and the next tag made gets
   * its id. */
  g_assert_cmpint (workshop, ==, count_rows (fixture->db, "SELECT max (id) FROM tags WHERE ?1", 1));
  sql = g_strdup_printf ("DELETE FROM tags WHERE id = %" G_GINT64_FORMAT, workshop);
  g_assert_true (dg_database_exec (fixture->db, sql, &error));
  newcomer = add_customer (fixture, "이민호", "spring");
  g_assert_cmpint (count_rows (fixture->db, "SELECT id FROM tags WHERE name = 'spring' AND ?1", 1), ==, workshop);

  g_assert_true (dg_customer_snapshot_restore (fixture->db, snapshot, &error));
  g_assert_no_error (error);

  restored = dg_customers_get (fixture->db, fixture->minsu, &error);
  g_assert_no_error (error);
  tags = g_strdupv ((char **) dg_customer_get_tags (restored));
  g_assert_cmpuint (g_strv_length (tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "VIP");
  g_assert_cmpstr (tags[1], ==, "workshop");
  g_assert_cmpint (count_rows (fixture->db, "SELECT id FROM tags WHERE name = 'workshop' AND ?1", 1), !=, workshop);

  other = dg_customers_get (fixture->db, newcomer, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((char **) dg_customer_get_tags (other)), ==, 1);
  g_assert_cmpstr (dg_customer_get_tags (other)[0], ==, "spring");
}

/* Several customers deleted at once come back at once. */
static void
test_many (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(DgCustomerSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_tables (fixture->db);
  g_autofree char *after = NULL;
  gint64 ids[] = { fixture->jisung, fixture->minsu };

  snapshot = dg_customers_take_snapshots (fixture->db, ids, G_N_ELEMENTS (ids), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dg_customer_snapshot_get_n_customers (snapshot), ==, 2);
  g_assert_cmpstr (dg_customer_get_name (dg_customer_snapshot_get_nth_customer (snapshot, 0)), ==, "박지성");
  g_assert_cmpstr (dg_customer_get_name (dg_customer_snapshot_get_nth_customer (snapshot, 1)), ==, "김민수");
  g_assert_cmpuint (dg_customer_snapshot_get_n_interactions (snapshot), ==, 3);
  g_assert_cmpuint (dg_customer_snapshot_get_n_followups (snapshot), ==, 4);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_assert_true (dg_customers_delete (fixture->db, ids[i], &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (search_count (fixture->db, "VIP"), ==, 0);

  g_ptr_array_set_size (fixture->changed, 0);
  g_assert_true (dg_customer_snapshot_restore (fixture->db, snapshot, &error));
  g_assert_no_error (error);
  after = dump_tables (fixture->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (search_count (fixture->db, "VIP"), ==, 2);
  g_assert_true (was_changed (fixture, DG_TABLE_CUSTOMERS));
  g_assert_false (was_changed (fixture, DG_TABLE_TAGS));

  /* A missing one fails the whole snapshot. */
  ids[1] = 9999;
  g_clear_pointer (&snapshot, dg_customer_snapshot_free);
  snapshot = dg_customers_take_snapshots (fixture->db, ids, G_N_ELEMENTS (ids), &error);
  g_assert_null (snapshot);
  g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
}

/* One of several customers cannot come back: none does. */
static void
test_many_all_or_nothing (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(DgCustomerSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DgCustomer) copy = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 ids[] = { fixture->minsu, fixture->jisung };

  snapshot = dg_customers_take_snapshots (fixture->db, ids, G_N_ELEMENTS (ids), &error);
  g_assert_no_error (error);
  g_assert_true (dg_customers_delete (fixture->db, fixture->minsu, &error));
  g_assert_true (dg_customers_delete (fixture->db, fixture->jisung, &error));
  g_assert_no_error (error);

  /* The second one is back already, with its uuid. */
  copy = dg_customer_copy (dg_customer_snapshot_get_nth_customer (snapshot, 1));
  dg_customer_set_id (copy, 0);
  g_assert_true (dg_customers_insert (fixture->db, copy, &error));
  g_assert_no_error (error);

  before = dump_tables (fixture->db);
  g_ptr_array_set_size (fixture->changed, 0);
  g_assert_false (dg_customer_snapshot_restore (fixture->db, snapshot, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "2"));
  after = dump_tables (fixture->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (fixture->changed->len, ==, 0);
}

/* One of the customer's contacts exists again (another process restored a
 * backup, say): the restore fails after writing the customer and its tags,
 * and none of it stays. */
static void
test_failed_restore_writes_nothing (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(DgCustomerSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) logged = NULL;
  g_autoptr(DgInteraction) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  logged = dg_interactions_list_for_customer (fixture->db, fixture->minsu, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (logged->len, ==, 2);
  /* Newest first: the second of two interactions is written after the
   * customer, its tags and the first one. */
  copy = dg_interaction_copy (g_ptr_array_index (logged, 0));

  snapshot = dg_customers_take_snapshot (fixture->db, fixture->minsu, &error);
  g_assert_no_error (error);
  g_assert_true (dg_customers_delete (fixture->db, fixture->minsu, &error));
  g_assert_no_error (error);

  dg_interaction_set_id (copy, 0);
  dg_interaction_set_customer_id (copy, fixture->jisung);
  g_assert_true (dg_interactions_insert (fixture->db, DG_CLOCK (fixture->clock), copy, &error));
  g_assert_no_error (error);

  before = dump_tables (fixture->db);
  g_ptr_array_set_size (fixture->changed, 0);

  g_assert_false (dg_customer_snapshot_restore (fixture->db, snapshot, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "김민수"));

  after = dump_tables (fixture->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (fixture->changed->len, ==, 0);
  g_assert_cmpuint (search_count (fixture->db, "김민수"), ==, 0);
  g_assert_null (dg_customers_get_by_uuid (fixture->db,
                                           dg_customer_get_uuid (dg_customer_snapshot_get_customer (snapshot)),
                                           NULL));

  /* Once the obstacle is gone, the same snapshot still works. */
  g_clear_error (&error);
  g_assert_true (dg_interactions_delete (fixture->db, DG_CLOCK (fixture->clock),
                                         dg_interaction_get_id (copy), &error));
  g_assert_no_error (error);
  g_assert_true (dg_customer_snapshot_restore (fixture->db, snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM interactions WHERE customer_id = ?1",
                               fixture->minsu), ==, 2);
}

/* Undo pressed twice, or after the customer came back another way. */
static void
test_restore_twice_fails (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(DgCustomerSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  snapshot = dg_customers_take_snapshot (fixture->db, fixture->minsu, &error);
  g_assert_no_error (error);
  g_assert_true (dg_customers_delete (fixture->db, fixture->minsu, &error));
  g_assert_true (dg_customer_snapshot_restore (fixture->db, snapshot, &error));
  g_assert_no_error (error);

  before = dump_tables (fixture->db);
  g_assert_false (dg_customer_snapshot_restore (fixture->db, snapshot, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_FAILED);
  after = dump_tables (fixture->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_missing_customer (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(DgCustomerSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  snapshot = dg_customers_take_snapshot (fixture->db, 9999, &error);
  g_assert_null (snapshot);
  g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/customer-snapshot/delete-and-restore", Fixture, NULL,
              fixture_set_up, test_delete_and_restore, fixture_tear_down);
  g_test_add ("/customer-snapshot/restore-when-id-taken", Fixture, NULL,
              fixture_set_up, test_restore_when_id_taken, fixture_tear_down);
  g_test_add ("/customer-snapshot/restore-when-tag-id-taken", Fixture, NULL,
              fixture_set_up, test_restore_when_tag_id_taken, fixture_tear_down);
  g_test_add ("/customer-snapshot/many", Fixture, NULL,
              fixture_set_up, test_many, fixture_tear_down);
  g_test_add ("/customer-snapshot/many-all-or-nothing", Fixture, NULL,
              fixture_set_up, test_many_all_or_nothing, fixture_tear_down);
  g_test_add ("/customer-snapshot/failed-restore-writes-nothing", Fixture, NULL,
              fixture_set_up, test_failed_restore_writes_nothing, fixture_tear_down);
  g_test_add ("/customer-snapshot/restore-twice-fails", Fixture, NULL,
              fixture_set_up, test_restore_twice_fails, fixture_tear_down);
  g_test_add ("/customer-snapshot/missing-customer", Fixture, NULL,
              fixture_set_up, test_missing_customer, fixture_tear_down);

  return g_test_run ();
}
