/* test-id-list.c
 *
 * The general id-backed list with a second kind of row: one customer's
 * contact log, newest first, defined here with its own query and row
 * builder. The list must read ids only, build rows a page at a time, keep
 * the objects in use and update them in place, tell each change as one
 * minimal items-changed, follow only the tables it watches, and read a
 * partial list's rest in a worker thread.
 */
#include "config.h"

#include "dg-database-private.h"
#include "dg-test-util.h"

#define TEST_TYPE_CONTACT_LIST (test_contact_list_get_type ())
G_DECLARE_FINAL_TYPE (TestContactList, test_contact_list, TEST, CONTACT_LIST, DgIdList)

struct _TestContactList
{
  DgIdList parent_instance;
  gint64   customer_id;
  guint    n_queries;
};

G_DEFINE_FINAL_TYPE (TestContactList, test_contact_list, DG_TYPE_ID_LIST)

static gpointer
test_contact_list_dup_query (DgIdList *list)
{
  TestContactList *self = TEST_CONTACT_LIST (list);

  self->n_queries++;

  return g_memdup2 (&self->customer_id, sizeof self->customer_id);
}

static GArray *
test_contact_list_run_query (DgDatabase     *db,
                             gconstpointer   query,
                             guint           limit,
                             GError        **error)
{
  g_autofree char *sql = NULL;
  g_auto(DgStatement) stmt = NULL;
  GArray *ids;

  sql = g_strdup_printf ("SELECT id FROM interactions WHERE customer_id = ?"
                         " ORDER BY occurred_at DESC, id DESC LIMIT %d",
                         limit > 0 ? (int) limit : -1);
  stmt = dg_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, *(const gint64 *) query);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  return ids;
}

static GPtrArray *
test_contact_list_build_rows (DgIdList      *list,
                              const gint64  *ids,
                              guint          n_ids,
                              GError       **error)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (guint i = 0; i < n_ids; i++)
    g_ptr_array_add (rows, dg_interactions_get (dg_id_list_get_database (list), ids[i], NULL));

  return rows;
}

static void
test_contact_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TEST_CONTACT_LIST (object)->customer_id = g_value_get_int64 (value);
}

static void
test_contact_list_class_init (TestContactListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  DgIdListClass *list_class = DG_ID_LIST_CLASS (klass);

  object_class->set_property = test_contact_list_set_property;
  g_object_class_install_property (object_class, 1,
                                   g_param_spec_int64 ("customer-id", NULL, NULL,
                                                       0, G_MAXINT64, 0,
                                                       G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  list_class->dup_query = test_contact_list_dup_query;
  list_class->free_query = g_free;
  list_class->run_query = test_contact_list_run_query;
  list_class->build_rows = test_contact_list_build_rows;
}

static void
test_contact_list_init (TestContactList *self)
{
  dg_id_list_watch_table (DG_ID_LIST (self), "interactions");
}

static TestContactList *
test_contact_list_new (DgDatabase *db,
                       gint64      customer_id,
                       guint       first_rows)
{
  /* The query is first run in constructed, so it is a construct
   * property. */
  return g_object_new (TEST_TYPE_CONTACT_LIST,
                       "database", db,
                       "item-type", DG_TYPE_INTERACTION,
                       "customer-id", customer_id,
                       "first-rows", first_rows,
                       NULL);
}

typedef struct
{
  DgDatabase  *db;
  DgFakeClock *clock;
  gint64       customer;
  gint64       other;
} Fixture;

static gint64
add_customer (DgDatabase *db,
              const char *name)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  dg_customers_insert (db, customer, &error);
  g_assert_no_error (error);

  return dg_customer_get_id (customer);
}

/* Logs a contact @minutes after a fixed instant. */
static gint64
add_contact (Fixture    *fixture,
             gint64      customer,
             guint       minutes,
             const char *summary)
{
  g_autoptr(DgInteraction) interaction = dg_interaction_new ();
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 1, 5, 9, 0, 0);
  g_autoptr(GDateTime) when = g_date_time_add_minutes (start, minutes);
  g_autoptr(GError) error = NULL;

  dg_interaction_set_customer_id (interaction, customer);
  dg_interaction_set_occurred_at (interaction, when);
  dg_interaction_set_channel (interaction, DG_INTERACTION_CHANNEL_CALL);
  dg_interaction_set_summary (interaction, summary);
  dg_interactions_insert (fixture->db, DG_CLOCK (fixture->clock), interaction, &error);
  g_assert_no_error (error);

  return dg_interaction_get_id (interaction);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->db = dg_test_open_database ();
  fixture->clock = dg_test_fake_clock ("Asia/Seoul", 2026, 3, 10, 10, 0);
  fixture->customer = add_customer (fixture->db, "김민수");
  fixture->other = add_customer (fixture->db, "Alice");

  g_assert_true (dg_database_begin (fixture->db, &error));
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *summary = g_strdup_printf ("Call %03u", i);

      add_contact (fixture, fixture->customer, i * 10, summary);
    }
  g_assert_true (dg_database_commit (fixture->db, &error));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->clock);
  g_clear_object (&fixture->db);
}

typedef struct
{
  guint n_changes;
  guint position;
  guint removed;
  guint added;
} Changes;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Changes    *changes)
{
  changes->n_changes++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}

static const char *
summary_at (DgIdList *list,
            guint     position)
{
  g_autoptr(DgInteraction) row = g_list_model_get_item (G_LIST_MODEL (list), position);

  /* The list holds the row in its page cache. */
  return dg_interaction_get_summary (row);
}

static void
test_rows_and_changes (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TestContactList) contacts = test_contact_list_new (fixture->db, fixture->customer, 0);
  DgIdList *list = DG_ID_LIST (contacts);
  g_autoptr(DgInteraction) held = NULL;
  g_autoptr(GError) error = NULL;
  Changes changes = { 0 };
  guint n_notifies = 0;
  guint n_queries;
  gint64 newest, middle;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == DG_TYPE_INTERACTION);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 300);
  g_assert_true (dg_id_list_is_complete (list));
  g_assert_cmpuint (dg_id_list_get_n_built (list), ==, 0);

  /* Newest first, built one page at a time. */
  g_assert_cmpstr (summary_at (list, 0), ==, "Call 299");
  g_assert_cmpuint (dg_id_list_get_n_built (list), ==, 64);
  g_assert_cmpstr (summary_at (list, 150), ==, "Call 149");
  g_assert_cmpuint (dg_id_list_get_n_built (list), ==, 128);
  g_assert_cmpstr (summary_at (list, 151), ==, "Call 148");
  g_assert_cmpuint (dg_id_list_get_n_built (list), ==, 128);

  newest = dg_id_list_get_id (list, 0);
  middle = dg_id_list_get_id (list, 150);
  g_assert_cmpuint (dg_id_list_find (list, middle), ==, 150);
  held = g_list_model_get_item (G_LIST_MODEL (list), 150);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);

  /* A new contact in the middle of the log: one row added there. */
  add_contact (fixture, fixture->customer, 1495, "Call between");
  g_assert_cmpuint (changes.n_changes, ==, 1);
  g_assert_cmpuint (changes.position, ==, 150);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
  g_assert_cmpstr (summary_at (list, 150), ==, "Call between");
  g_assert_cmpuint (dg_id_list_find (list, middle), ==, 151);

  /* An edit that keeps the order: the object held is updated in place,
   * with no items-changed. */
  {
    g_autoptr(DgInteraction) edited = dg_interactions_get (fixture->db, middle, &error);

    g_assert_no_error (error);
    g_signal_connect_swapped (held, "notify::summary", G_CALLBACK (g_atomic_int_inc), &n_notifies);
    dg_interaction_set_summary (edited, "Call 149, rescheduled");
    dg_interactions_update (fixture->db, DG_CLOCK (fixture->clock), edited, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (changes.n_changes, ==, 1);
  g_assert_cmpuint (n_notifies, ==, 1);
  g_assert_cmpstr (dg_interaction_get_summary (held), ==, "Call 149, rescheduled");
  {
    g_autoptr(DgInteraction) again = g_list_model_get_item (G_LIST_MODEL (list), 151);

    g_assert_true (again == held);
  }

  /* Deleting the newest: one row removed at the top. */
  dg_interactions_delete (fixture->db, DG_CLOCK (fixture->clock), newest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes.n_changes, ==, 2);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 300);

  /* Another customer's contact changes nothing here; a change to a table
   * it does not watch does not even run its query. */
  add_contact (fixture, fixture->other, 5, "Other");
  g_assert_cmpuint (changes.n_changes, ==, 2);
  n_queries = contacts->n_queries;
  {
    g_autoptr(DgCustomer) customer = dg_customers_get (fixture->db, fixture->other, &error);

    g_assert_no_error (error);
    dg_customer_set_name (customer, "Alice Kim");
    dg_customers_update (fixture->db, customer, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (contacts->n_queries, ==, n_queries);

  /* A row deleted behind the list's back stands in as an empty object
   * until the next query drops it. */
  {
    g_autofree char *sql = g_strdup_printf ("DELETE FROM interactions WHERE id = %" G_GINT64_FORMAT,
                                            dg_id_list_get_id (list, 299));
    g_autoptr(DgInteraction) missing = NULL;

    g_assert_true (dg_database_exec (fixture->db, sql, &error));
    missing = g_list_model_get_item (G_LIST_MODEL (list), 299);
    g_assert_nonnull (missing);
    g_assert_true (DG_IS_INTERACTION (missing));
    g_assert_cmpint (dg_interaction_get_id (missing), ==, 0);
    dg_id_list_reload (list);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 299);
  }

  g_signal_handlers_disconnect_by_data (list, &changes);
}

static void
test_partial (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TestContactList) contacts = test_contact_list_new (fixture->db, fixture->customer, 20);
  DgIdList *list = DG_ID_LIST (contacts);
  Changes changes = { 0 };

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 20);
  g_assert_false (dg_id_list_is_complete (list));
  g_assert_cmpstr (summary_at (list, 19), ==, "Call 280");

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);
  dg_id_list_load_rest (list);
  g_assert_true (dg_id_list_is_loading (list));
  while (!dg_id_list_is_complete (list))
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (dg_id_list_is_loading (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 300);
  g_assert_cmpuint (changes.n_changes, ==, 1);
  g_assert_cmpuint (changes.position, ==, 20);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 280);
  g_assert_cmpstr (summary_at (list, 299), ==, "Call 000");
  g_assert_null (dg_id_list_get_error (list));

  g_signal_handlers_disconnect_by_data (list, &changes);
}

/* The set a selection keeps: ids beyond 32 bits, retaining the ids still
 * in a list. */
static void
test_id_set (void)
{
  g_autoptr(DgIdSet) set = dg_id_set_new ();
  const gint64 big = G_GINT64_CONSTANT (0x100000002);
  const gint64 list[] = { 5, 7, big, 11 };
  g_autoptr(GArray) ids = NULL;

  g_assert_true (dg_id_set_add (set, 2));
  g_assert_true (dg_id_set_add (set, big));
  g_assert_true (dg_id_set_add (set, 7));
  g_assert_false (dg_id_set_add (set, 7));
  g_assert_cmpuint (dg_id_set_size (set), ==, 3);
  /* Same low 32 bits as @big, another id. */
  g_assert_false (dg_id_set_contains (set, 2 + G_GINT64_CONSTANT (0x100000000) * 2));
  g_assert_true (dg_id_set_contains (set, big));

  g_assert_true (dg_id_set_retain (set, list, G_N_ELEMENTS (list)));
  g_assert_false (dg_id_set_retain (set, list, G_N_ELEMENTS (list)));
  g_assert_cmpuint (dg_id_set_size (set), ==, 2);
  g_assert_false (dg_id_set_contains (set, 2));
  ids = dg_id_set_to_array (set);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_true ((g_array_index (ids, gint64, 0) == big && g_array_index (ids, gint64, 1) == 7) ||
                 (g_array_index (ids, gint64, 0) == 7 && g_array_index (ids, gint64, 1) == big));

  g_assert_true (dg_id_set_remove (set, 7));
  g_assert_false (dg_id_set_remove (set, 7));
  dg_id_set_clear (set);
  g_assert_cmpuint (dg_id_set_size (set), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/id-list/id-set", test_id_set);
  g_test_add ("/id-list/rows-and-changes", Fixture, NULL,
              fixture_set_up, test_rows_and_changes, fixture_tear_down);
  g_test_add ("/id-list/partial", Fixture, NULL,
              fixture_set_up, test_partial, fixture_tear_down);

  return g_test_run ();
}
