/* test-interactions.c */
#include "config.h"

#include <string.h>

#include "dg-database-private.h"
#include "dg-migrations.h"
#include "dg-test-util.h"

/* A fresh database, a clock in New York on 2026-03-10 at 10:00, and a count
 * of ::changed per table. */
typedef struct
{
  DgDatabase  *db;
  DgFakeClock *clock;
  GTimeZone   *tz;
  guint        interactions_changed;
  guint        customers_changed;
  guint        followups_changed;
} Fixture;

static void
on_changed (DgDatabase *db,
            const char *table,
            Fixture    *fixture)
{
  g_assert_true (sqlite3_get_autocommit (dg_database_get_handle (db)));

  if (g_str_equal (table, "interactions"))
    fixture->interactions_changed++;
  else if (g_str_equal (table, "customers"))
    fixture->customers_changed++;
  else if (g_str_equal (table, "followups"))
    fixture->followups_changed++;
}

static void
reset_counts (Fixture *fixture)
{
  fixture->interactions_changed = 0;
  fixture->customers_changed = 0;
  fixture->followups_changed = 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = dg_test_open_database ();
  fixture->clock = dg_test_fake_clock ("America/New_York", 2026, 3, 10, 10, 0);
  fixture->tz = dg_clock_dup_time_zone (DG_CLOCK (fixture->clock));
  g_signal_connect (fixture->db, "changed", G_CALLBACK (on_changed), fixture);

  /* As the app does at start. */
  g_assert_true (dg_followups_sync_time_zone (fixture->db, DG_CLOCK (fixture->clock), NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  g_clear_object (&fixture->clock);
  g_clear_pointer (&fixture->tz, g_time_zone_unref);
}

static GDateTime *
local (Fixture *fixture,
       int      month,
       int      day,
       int      hour)
{
  return dg_test_local_time (fixture->tz, 2026, month, day, hour, 0);
}

/* A customer added at @created (NULL: the real now). */
static gint64
add_customer (DgDatabase *db,
              const char *name,
              GDateTime  *created)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  dg_customer_set_created_at (customer, created);
  g_assert_true (dg_customers_insert (db, customer, &error));
  g_assert_no_error (error);

  return dg_customer_get_id (customer);
}

static DgInteraction *
make_interaction (gint64                customer_id,
                  GDateTime            *occurred_at,
                  DgInteractionChannel  channel,
                  const char           *summary)
{
  DgInteraction *interaction = dg_interaction_new ();

  dg_interaction_set_customer_id (interaction, customer_id);
  dg_interaction_set_occurred_at (interaction, occurred_at);
  dg_interaction_set_channel (interaction, channel);
  dg_interaction_set_summary (interaction, summary);

  return interaction;
}

static gint64
log_contact (Fixture    *fixture,
             gint64      customer_id,
             GDateTime  *occurred_at,
             const char *summary)
{
  g_autoptr(DgInteraction) interaction = make_interaction (customer_id, occurred_at,
                                                           DG_INTERACTION_CHANNEL_CALL, summary);
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_interactions_insert (fixture->db, DG_CLOCK (fixture->clock), interaction, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_interaction_get_id (interaction), >, 0);

  return dg_interaction_get_id (interaction);
}

static void
assert_last_contact (Fixture   *fixture,
                     gint64     customer_id,
                     GDateTime *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) last = dg_interactions_get_last_contact (fixture->db, customer_id, &error);
  g_autoptr(DgCustomer) customer = dg_customers_get (fixture->db, customer_id, &error);

  g_assert_no_error (error);
  if (expected == NULL)
    {
      g_assert_null (last);
      g_assert_null (dg_customer_get_last_contact_at (customer));
    }
  else
    {
      g_assert_nonnull (last);
      g_assert_true (g_date_time_equal (last, expected));
      g_assert_true (g_date_time_equal (dg_customer_get_last_contact_at (customer), expected));
    }
}

static void
test_log_and_list (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 customer = add_customer (fixture->db, "김민수", NULL);
  g_autoptr(GDateTime) first = local (fixture, 3, 1, 9);
  g_autoptr(GDateTime) second = local (fixture, 3, 5, 14);
  g_autoptr(GDateTime) third = local (fixture, 3, 9, 16);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id1, id2, id3;

  assert_last_contact (fixture, customer, NULL);
  reset_counts (fixture);

  id2 = log_contact (fixture, customer, second, "Asked about the spring course");
  g_assert_cmpuint (fixture->interactions_changed, ==, 1);
  g_assert_cmpuint (fixture->customers_changed, ==, 1);
  assert_last_contact (fixture, customer, second);

  /* An older entry adds to the log but does not change the last contact,
   * so the customer list has nothing to refresh. */
  reset_counts (fixture);
  id1 = log_contact (fixture, customer, first, "First call");
  g_assert_cmpuint (fixture->interactions_changed, ==, 1);
  g_assert_cmpuint (fixture->customers_changed, ==, 0);
  assert_last_contact (fixture, customer, second);

  id3 = log_contact (fixture, customer, third, "Signed up\nPaid by transfer");
  assert_last_contact (fixture, customer, third);

  list = dg_interactions_list_for_customer (fixture->db, customer, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (dg_interaction_get_id (g_ptr_array_index (list, 0)), ==, id3);
  g_assert_cmpint (dg_interaction_get_id (g_ptr_array_index (list, 1)), ==, id2);
  g_assert_cmpint (dg_interaction_get_id (g_ptr_array_index (list, 2)), ==, id1);
  g_assert_cmpstr (dg_interaction_get_summary (g_ptr_array_index (list, 0)), ==,
                   "Signed up\nPaid by transfer");
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dg_interactions_list_for_customer (fixture->db, customer, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);

  /* Every field comes back as stored. */
  {
    g_autoptr(DgInteraction) interaction = make_interaction (customer, first,
                                                             DG_INTERACTION_CHANNEL_MEETING,
                                                             "  Coffee  ");
    g_autoptr(DgInteraction) loaded = NULL;

    dg_interaction_set_feedback (interaction, DG_INTERACTION_FEEDBACK_NEGATIVE);
    g_assert_true (dg_interactions_insert (fixture->db, DG_CLOCK (fixture->clock), interaction, &error));
    g_assert_no_error (error);

    loaded = dg_interactions_get (fixture->db, dg_interaction_get_id (interaction), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (dg_interaction_get_uuid (loaded), ==, dg_interaction_get_uuid (interaction));
    g_assert_cmpuint (strlen (dg_interaction_get_uuid (loaded)), ==, 36);
    g_assert_cmpint (dg_interaction_get_customer_id (loaded), ==, customer);
    g_assert_true (g_date_time_equal (dg_interaction_get_occurred_at (loaded), first));
    g_assert_cmpint (dg_interaction_get_channel (loaded), ==, DG_INTERACTION_CHANNEL_MEETING);
    g_assert_cmpstr (dg_interaction_get_summary (loaded), ==, "Coffee");
    g_assert_cmpint (dg_interaction_get_feedback (loaded), ==, DG_INTERACTION_FEEDBACK_NEGATIVE);
    g_assert_nonnull (dg_interaction_get_created_at (loaded));
  }
}

static void
assert_invalid (Fixture       *fixture,
                DgInteraction *interaction,
                int            code,
                const char    *prefix)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (dg_interactions_insert (fixture->db, DG_CLOCK (fixture->clock), interaction, &error));
  g_assert_error (error, DG_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_cmpint (dg_interaction_get_id (interaction), ==, 0);
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 customer = add_customer (fixture->db, "Anna", NULL);
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (DG_CLOCK (fixture->clock));
  g_autoptr(GDateTime) soon = g_date_time_add_minutes (now, 4);
  g_autoptr(GDateTime) later = g_date_time_add_hours (now, 2);
  g_autoptr(GString) long_summary = g_string_new (NULL);

  {
    g_autoptr(DgInteraction) interaction = make_interaction (0, now, DG_INTERACTION_CHANNEL_CALL, "");

    assert_invalid (fixture, interaction, DG_ERROR_INVALID_FIELD, "Customer: ");
  }
  {
    g_autoptr(DgInteraction) interaction = make_interaction (customer, NULL, DG_INTERACTION_CHANNEL_CALL, "");

    assert_invalid (fixture, interaction, DG_ERROR_INVALID_FIELD, "When: ");
  }
  {
    g_autoptr(DgInteraction) interaction = make_interaction (customer, later, DG_INTERACTION_CHANNEL_CALL, "");

    assert_invalid (fixture, interaction, DG_ERROR_INVALID_FIELD, "When: ");
  }
  {
    for (guint i = 0; i < 20001; i++)
      g_string_append (long_summary, "가");

    {
      g_autoptr(DgInteraction) interaction = make_interaction (customer, now, DG_INTERACTION_CHANNEL_CALL,
                                                               long_summary->str);

      assert_invalid (fixture, interaction, DG_ERROR_INVALID_FIELD, "Summary: ");
    }
  }
  {
    g_autoptr(DgInteraction) interaction = make_interaction (customer + 100, now, DG_INTERACTION_CHANNEL_CALL, "");

    assert_invalid (fixture, interaction, DG_ERROR_NOT_FOUND, "Customer: ");
  }

  g_assert_cmpuint (fixture->interactions_changed, ==, 0);

  /* A few minutes ahead of the clock is fine; an empty summary is too. */
  log_contact (fixture, customer, soon, "");
}

static void
test_update_delete_restore (Fixture       *fixture,
                            gconstpointer  data)
{
  gint64 customer = add_customer (fixture->db, "Lee", NULL);
  gint64 other = add_customer (fixture->db, "Park", NULL);
  g_autoptr(GDateTime) early = local (fixture, 2, 1, 9);
  g_autoptr(GDateTime) middle = local (fixture, 2, 15, 9);
  g_autoptr(GDateTime) late = local (fixture, 3, 1, 9);
  g_autoptr(DgInteraction) deleted = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a = log_contact (fixture, customer, early, "a");
  gint64 b = log_contact (fixture, customer, late, "b");

  assert_last_contact (fixture, customer, late);

  /* Moving the newest back in time moves the last contact with it. */
  {
    g_autoptr(DgInteraction) interaction = dg_interactions_get (fixture->db, b, &error);

    g_assert_no_error (error);
    dg_interaction_set_occurred_at (interaction, middle);
    dg_interaction_set_summary (interaction, "b, corrected");
    reset_counts (fixture);
    g_assert_true (dg_interactions_update (fixture->db, DG_CLOCK (fixture->clock), interaction, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (fixture->interactions_changed, ==, 1);
    g_assert_cmpuint (fixture->customers_changed, ==, 1);
    assert_last_contact (fixture, customer, middle);
  }

  /* Moved to another customer: both last contacts follow. */
  {
    g_autoptr(DgInteraction) interaction = dg_interactions_get (fixture->db, b, &error);

    dg_interaction_set_customer_id (interaction, other);
    g_assert_true (dg_interactions_update (fixture->db, DG_CLOCK (fixture->clock), interaction, &error));
    g_assert_no_error (error);
    assert_last_contact (fixture, customer, early);
    assert_last_contact (fixture, other, middle);

    dg_interaction_set_customer_id (interaction, customer);
    g_assert_true (dg_interactions_update (fixture->db, DG_CLOCK (fixture->clock), interaction, &error));
    g_assert_no_error (error);
    assert_last_contact (fixture, other, NULL);
  }

  /* Delete the newest, then bring it back as Undo does. */
  deleted = dg_interactions_get (fixture->db, b, &error);
  g_assert_no_error (error);
  reset_counts (fixture);
  g_assert_true (dg_interactions_delete (fixture->db, DG_CLOCK (fixture->clock), b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->interactions_changed, ==, 1);
  g_assert_cmpuint (fixture->customers_changed, ==, 1);
  assert_last_contact (fixture, customer, early);

  g_assert_false (dg_interactions_delete (fixture->db, DG_CLOCK (fixture->clock), b, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  {
    g_autoptr(DgInteraction) restored = dg_interaction_copy (deleted);
    g_autoptr(DgInteraction) loaded = NULL;

    g_assert_true (dg_interactions_insert (fixture->db, DG_CLOCK (fixture->clock), restored, &error));
    g_assert_no_error (error);
    g_assert_cmpint (dg_interaction_get_id (restored), ==, b);
    g_assert_cmpstr (dg_interaction_get_uuid (restored), ==, dg_interaction_get_uuid (deleted));

    loaded = dg_interactions_get (fixture->db, b, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (dg_interaction_get_summary (loaded), ==, "b, corrected");
    g_assert_true (g_date_time_equal (dg_interaction_get_created_at (loaded),
                                      dg_interaction_get_created_at (deleted)));
    assert_last_contact (fixture, customer, middle);
  }

  /* Restoring twice does not duplicate the uuid. */
  {
    g_autoptr(DgInteraction) again = dg_interaction_copy (deleted);

    g_assert_false (dg_interactions_insert (fixture->db, DG_CLOCK (fixture->clock), again, &error));
    g_assert_error (error, DG_ERROR, DG_ERROR_DATABASE);
    g_clear_error (&error);
  }

  g_assert_cmpint (a, >, 0);
}

static gint64
count_rows (DgDatabase *db,
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

static void
test_cascade (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 gone = add_customer (fixture->db, "Gone", NULL);
  gint64 kept = add_customer (fixture->db, "Kept", NULL);
  g_autoptr(GDateTime) when = local (fixture, 3, 1, 9);
  g_autoptr(GError) error = NULL;

  log_contact (fixture, gone, when, "x");
  log_contact (fixture, gone, when, "y");
  log_contact (fixture, kept, when, "z");

  g_assert_true (dg_customers_delete (fixture->db, gone, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM interactions"), ==, 1);
  assert_last_contact (fixture, kept, when);
}

static void
test_going_cold (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) long_ago = local (fixture, 1, 1, 9);
  g_autoptr(GDateTime) recently = local (fixture, 3, 8, 9);
  g_autoptr(GDateTime) contact_old = local (fixture, 1, 20, 9);
  g_autoptr(GDateTime) contact_older = local (fixture, 1, 10, 9);
  g_autoptr(GDateTime) contact_new = local (fixture, 3, 1, 9);
  gint64 never_old = add_customer (fixture->db, "Never contacted, added long ago", long_ago);
  gint64 never_new = add_customer (fixture->db, "Never contacted, added this week", recently);
  gint64 cold = add_customer (fixture->db, "Last contact in January", long_ago);
  gint64 colder = add_customer (fixture->db, "Last contact early in January", long_ago);
  gint64 warm = add_customer (fixture->db, "Contacted this month", long_ago);
  gint64 archived = add_customer (fixture->db, "Archived and cold", long_ago);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  log_contact (fixture, cold, contact_old, "");
  log_contact (fixture, colder, contact_older, "");
  log_contact (fixture, warm, contact_new, "");
  g_assert_true (dg_customers_set_archived (fixture->db, archived, TRUE, &error));
  g_assert_no_error (error);

  /* Now is March 10th: 30 days back is February 8th. */
  list = dg_interactions_list_going_cold (fixture->db, DG_CLOCK (fixture->clock), 30, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (dg_customer_get_id (g_ptr_array_index (list, 0)), ==, never_old);
  g_assert_cmpint (dg_customer_get_id (g_ptr_array_index (list, 1)), ==, colder);
  g_assert_cmpint (dg_customer_get_id (g_ptr_array_index (list, 2)), ==, cold);
  g_assert_null (dg_customer_get_last_contact_at (g_ptr_array_index (list, 0)));
  g_assert_true (g_date_time_equal (dg_customer_get_last_contact_at (g_ptr_array_index (list, 1)),
                                    contact_older));
  g_assert_cmpint (dg_interactions_count_going_cold (fixture->db, DG_CLOCK (fixture->clock), 30, 0, &error), ==, 3);
  /* A limit stops the count there, and only there. */
  g_assert_cmpint (dg_interactions_count_going_cold (fixture->db, DG_CLOCK (fixture->clock), 30, 2, &error), ==, 2);
  g_assert_cmpint (dg_interactions_count_going_cold (fixture->db, DG_CLOCK (fixture->clock), 30, 3, &error), ==, 3);
  g_assert_cmpint (dg_interactions_count_going_cold (fixture->db, DG_CLOCK (fixture->clock), 30, 4, &error), ==, 3);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dg_interactions_list_going_cold (fixture->db, DG_CLOCK (fixture->clock), 30, 2, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Five days: the one contacted on March 1st is cold too; the one added
   * on March 8th is not, yet. */
  list = dg_interactions_list_going_cold (fixture->db, DG_CLOCK (fixture->clock), 5, 0, &error);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpint (dg_customer_get_id (g_ptr_array_index (list, 3)), ==, warm);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Logging a contact warms a customer up. */
  {
    g_autoptr(GDateTime) now = dg_clock_get_now_utc (DG_CLOCK (fixture->clock));

    log_contact (fixture, never_old, now, "Finally called");
  }
  g_assert_cmpint (dg_interactions_count_going_cold (fixture->db, DG_CLOCK (fixture->clock), 30, 0, &error), ==, 2);

  /* A week later, the one added this week has had no contact for 9 days. */
  dg_fake_clock_advance (fixture->clock, 7 * G_TIME_SPAN_DAY);
  list = dg_interactions_list_going_cold (fixture->db, DG_CLOCK (fixture->clock), 8, 0, &error);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < list->len; i++)
      found |= dg_customer_get_id (g_ptr_array_index (list, i)) == never_new;
    g_assert_true (found);
  }
}

/* The customer list sorts by last contact through its own index. */
static void
test_sort_by_last_contact (Fixture       *fixture,
                           gconstpointer  data)
{
  gint64 never = add_customer (fixture->db, "Never", NULL);
  gint64 old = add_customer (fixture->db, "Old", NULL);
  gint64 recent = add_customer (fixture->db, "Recent", NULL);
  g_autoptr(GDateTime) t1 = local (fixture, 1, 5, 9);
  g_autoptr(GDateTime) t2 = local (fixture, 3, 5, 9);
  DgCustomerQuery query = { .sort = DG_CUSTOMER_SORT_LAST_CONTACT };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GError) error = NULL;

  log_contact (fixture, old, t1, "");
  log_contact (fixture, recent, t2, "");

  dg_test_trace_begin (fixture->db);
  ids = dg_customers_search_ids (fixture->db, &query, &error);
  statements = dg_test_trace_end (fixture->db);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, never);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, old);
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, recent);

  for (guint i = 0; i < statements->len; i++)
    {
      g_autofree char *plan = dg_test_query_plan (fixture->db, g_ptr_array_index (statements, i));

      g_assert_nonnull (strstr (plan, "customers_by_last_contact"));
      dg_test_assert_index_bound (fixture->db, g_ptr_array_index (statements, i));
    }
  g_clear_pointer (&ids, g_array_unref);

  query.descending = TRUE;
  ids = dg_customers_search_ids (fixture->db, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, recent);
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, never);
}

static void
assert_statements_index_bound (DgDatabase *db,
                               GPtrArray  *statements)
{
  for (guint i = 0; i < statements->len; i++)
    {
      const char *sql = g_ptr_array_index (statements, i);

      if (g_str_has_prefix (sql, "SELECT") || g_str_has_prefix (sql, "UPDATE")
          || g_str_has_prefix (sql, "DELETE"))
        dg_test_assert_index_bound (db, sql);
    }
}

static void
test_query_plans (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 customer = add_customer (fixture->db, "Plan", NULL);
  g_autoptr(GDateTime) when = local (fixture, 3, 1, 9);
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  dg_test_trace_begin (fixture->db);
  id = log_contact (fixture, customer, when, "");
  {
    g_autoptr(GPtrArray) list = dg_interactions_list_for_customer (fixture->db, customer, 0, &error);
    g_autoptr(GPtrArray) cold = dg_interactions_list_going_cold (fixture->db, DG_CLOCK (fixture->clock), 30, 10, &error);
    g_autoptr(GDateTime) last = dg_interactions_get_last_contact (fixture->db, customer, &error);
    g_autoptr(DgInteraction) interaction = dg_interactions_get (fixture->db, id, &error);

    dg_interactions_count_going_cold (fixture->db, DG_CLOCK (fixture->clock), 30, 0, &error);
    dg_interactions_count_going_cold (fixture->db, DG_CLOCK (fixture->clock), 30, 1000, &error);
    g_assert_true (dg_interactions_update (fixture->db, DG_CLOCK (fixture->clock), interaction, &error));
    g_assert_true (dg_interactions_delete (fixture->db, DG_CLOCK (fixture->clock), id, &error));
  }
  statements = dg_test_trace_end (fixture->db);
  g_assert_no_error (error);
  g_assert_cmpuint (statements->len, >, 5);
  assert_statements_index_bound (fixture->db, statements);

  /* What the triggers that keep the last contact run for each change. */
  dg_test_assert_index_bound (fixture->db,
                              "SELECT max (occurred_at) FROM interactions WHERE customer_id = 1");
  /* Deleting a customer finds its log and follow-ups by index. */
  {
    g_autofree char *plan = dg_test_query_plan (fixture->db, "SELECT 1 FROM interactions WHERE customer_id = 1");
    g_autofree char *followups = dg_test_query_plan (fixture->db, "SELECT 1 FROM followups WHERE customer_id = 1");

    g_assert_nonnull (strstr (plan, "interactions_by_customer"));
    g_assert_nonnull (strstr (followups, "followups_by_customer"));
  }
}

/* A database of the first version, with a customer, gains the contact log
 * and the follow-ups and keeps its customer. */
static void
test_migrates_version_1 (void)
{
  g_autofree char *path = dg_test_temp_path ("version-1.db");
  g_autofree char *sql = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(DgCustomer) customer = NULL;
  g_autoptr(DgFakeClock) clock = dg_test_fake_clock ("America/New_York", 2026, 3, 10, 10, 0);
  g_autoptr(GDateTime) when = dg_clock_get_now_utc (DG_CLOCK (clock));
  g_autoptr(DgInteraction) interaction = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *handle = NULL;

  sql = g_strdup_printf ("%s"
                         "PRAGMA application_id = %d; PRAGMA user_version = 1;"
                         "INSERT INTO customers (uuid, name, created_at, updated_at) "
                         "VALUES ('4b1e1b9e-0000-4000-8000-000000000001', 'From version 1', "
                         "'2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');",
                         dg_migration_sql (1), DG_DATABASE_APPLICATION_ID);
  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  db = dg_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dg_database_get_schema_version (db), ==, DG_DATABASE_SCHEMA_VERSION);

  customer = dg_customers_get (db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dg_customer_get_name (customer), ==, "From version 1");
  g_assert_null (dg_customer_get_last_contact_at (customer));

  interaction = dg_interaction_new ();
  dg_interaction_set_customer_id (interaction, 1);
  dg_interaction_set_occurred_at (interaction, when);
  g_assert_true (dg_interactions_insert (db, DG_CLOCK (clock), interaction, &error));
  g_assert_no_error (error);
  g_clear_object (&customer);
  customer = dg_customers_get (db, 1, &error);
  g_assert_true (g_date_time_equal (dg_customer_get_last_contact_at (customer), when));
}

static void
test_names_and_labels (void)
{
  DgInteractionChannel channel;
  DgInteractionFeedback feedback;

  for (guint i = DG_INTERACTION_CHANNEL_CALL; i <= DG_INTERACTION_CHANNEL_OTHER; i++)
    {
      g_assert_true (dg_interaction_channel_from_string (dg_interaction_channel_to_string (i), &channel));
      g_assert_cmpint (channel, ==, i);
      g_assert_cmpstr (dg_interaction_channel_get_label (i), !=, "");
    }
  g_assert_false (dg_interaction_channel_from_string ("fax", &channel));
  g_assert_cmpstr (dg_interaction_channel_to_string (DG_INTERACTION_CHANNEL_MEETING), ==, "meeting");
  g_assert_cmpstr (dg_interaction_channel_get_label (DG_INTERACTION_CHANNEL_CALL), ==, "Call");

  for (guint i = DG_INTERACTION_FEEDBACK_NONE; i <= DG_INTERACTION_FEEDBACK_NEGATIVE; i++)
    {
      g_assert_true (dg_interaction_feedback_from_string (dg_interaction_feedback_to_string (i), &feedback));
      g_assert_cmpint (feedback, ==, i);
    }
  g_assert_null (dg_interaction_feedback_to_string (DG_INTERACTION_FEEDBACK_NONE));
  g_assert_cmpstr (dg_interaction_feedback_get_label (DG_INTERACTION_FEEDBACK_NONE), ==, "");
  g_assert_cmpstr (dg_interaction_feedback_get_label (DG_INTERACTION_FEEDBACK_POSITIVE), ==, "Positive");
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/interactions/names-and-labels", test_names_and_labels);
  g_test_add_func ("/interactions/migrates-version-1", test_migrates_version_1);
  ADD ("/interactions/log-and-list", test_log_and_list);
  ADD ("/interactions/validation", test_validation);
  ADD ("/interactions/update-delete-restore", test_update_delete_restore);
  ADD ("/interactions/cascade", test_cascade);
  ADD ("/interactions/going-cold", test_going_cold);
  ADD ("/interactions/sort-by-last-contact", test_sort_by_last_contact);
  ADD ("/interactions/query-plans", test_query_plans);

#undef ADD

  return g_test_run ();
}
