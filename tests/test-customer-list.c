/* test-customer-list.c */
#include "config.h"

#include <glib/gstdio.h>

#include "dg-database-private.h"
#include "dg-test-util.h"

/* Watches a list the way a view does: it keeps its own copy of the ids,
 * changed only through items-changed, and after every emission checks that
 * the copy and the model agree and that the model agrees with SQL. */
typedef struct
{
  DgCustomerList *list;
  GArray         *mirror;
  guint           n_changes;
  guint           position;
  guint           removed;
  guint           added;
  guint           n_items_notifies;
  guint           n_items_at_notify;
  /* What dg_customer_list_get_move() said during the last change. */
  gboolean        moved;
  guint           moved_from;
  guint           moved_to;
} Watch;

static GArray *
ids_of_query (DgCustomerList *list)
{
  g_autoptr(GError) error = NULL;
  DgCustomerQuery query;
  GArray *ids;

  dg_customer_list_get_query (list, &query);
  ids = dg_customers_search_ids (dg_customer_list_get_database (list), &query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ids);

  return ids;
}

static gint64
item_id (GListModel *model,
         guint       position)
{
  g_autoptr(DgCustomer) customer = g_list_model_get_item (model, position);

  g_assert_nonnull (customer);
  g_assert_true (DG_IS_CUSTOMER (customer));

  return dg_customer_get_id (customer);
}

/* The model's rows, built one by one, are the query's ids in order. */
static void
assert_model_matches_query (DgCustomerList *list)
{
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(GArray) ids = ids_of_query (list);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      g_assert_cmpint (item_id (model, i), ==, g_array_index (ids, gint64, i));
      g_assert_cmpint (dg_customer_list_get_id (list, i), ==, g_array_index (ids, gint64, i));
    }
  g_assert_null (g_list_model_get_item (model, ids->len));
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Watch      *watch)
{
  g_autoptr(GArray) ids = ids_of_query (watch->list);

  watch->n_changes++;
  watch->moved = dg_customer_list_get_move (watch->list, &watch->moved_from, &watch->moved_to);
  watch->position = position;
  watch->removed = removed;
  watch->added = added;

  g_assert_cmpuint (position + removed, <=, watch->mirror->len);
  g_array_remove_range (watch->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      gint64 id = item_id (model, position + i);

      g_array_insert_val (watch->mirror, position + i, id);
    }

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, watch->mirror->len);
  g_assert_cmpuint (ids->len, ==, watch->mirror->len);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpint (g_array_index (watch->mirror, gint64, i), ==, g_array_index (ids, gint64, i));
}

static void
on_n_items_notify_cb (GObject    *object,
                      GParamSpec *pspec,
                      Watch      *watch)
{
  guint n_items;

  g_object_get (object, "n-items", &n_items, NULL);
  watch->n_items_notifies++;
  watch->n_items_at_notify = n_items;
  /* Views read the count after items-changed, never before. */
  g_assert_cmpuint (n_items, ==, watch->mirror->len);
}

static void
watch_start (Watch          *watch,
             DgCustomerList *list)
{
  watch->list = list;
  watch->mirror = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      gint64 id = dg_customer_list_get_id (list, i);

      g_array_append_val (watch->mirror, id);
    }

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), watch);
  g_signal_connect (list, "notify::n-items", G_CALLBACK (on_n_items_notify_cb), watch);
}

static void
watch_reset (Watch *watch)
{
  watch->n_changes = 0;
  watch->n_items_notifies = 0;
  watch->position = watch->removed = watch->added = G_MAXUINT;
}

static void
watch_stop (Watch *watch)
{
  g_signal_handlers_disconnect_by_data (watch->list, watch);
  g_clear_pointer (&watch->mirror, g_array_unref);
}

/* The one stretch where @a and @b differ, as items-changed tells it. */
static void
minimal_change (GArray *a,
                GArray *b,
                guint  *position,
                guint  *removed,
                guint  *added)
{
  guint prefix = 0, suffix = 0;

  while (prefix < a->len && prefix < b->len &&
         g_array_index (a, gint64, prefix) == g_array_index (b, gint64, prefix))
    prefix++;
  while (suffix < a->len - prefix && suffix < b->len - prefix &&
         g_array_index (a, gint64, a->len - 1 - suffix) == g_array_index (b, gint64, b->len - 1 - suffix))
    suffix++;

  *position = prefix;
  *removed = a->len - prefix - suffix;
  *added = b->len - prefix - suffix;
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

static gint64
add_customer (DgDatabase *db,
              const char *name,
              const char *phone,
              const char *tag)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;
  const char *tags[] = { tag, NULL };

  dg_customer_set_name (customer, name);
  if (phone)
    dg_customer_set_phone (customer, phone);
  dg_customer_set_tags (customer, tags);
  dg_customers_insert (db, customer, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dg_customer_get_id (customer), >, 0);

  return dg_customer_get_id (customer);
}

static const char * const syllables[] = {
  "김", "이", "박", "최", "민", "수", "서", "연", "지", "현", "준", "영",
};

/* @n customers with names that sort in a scrambled order of insertion. */
static void
add_many (DgDatabase *db,
          guint       n)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_database_begin (db, &error));
  for (guint i = 0; i < n; i++)
    {
      guint k = (i * 7919) % n;
      g_autofree char *name = g_strdup_printf ("%s%s%s %05u",
                                               syllables[k % G_N_ELEMENTS (syllables)],
                                               syllables[(k / 12) % G_N_ELEMENTS (syllables)],
                                               syllables[(k / 144) % G_N_ELEMENTS (syllables)],
                                               k);
      g_autofree char *phone = g_strdup_printf ("010-%04u-%04u", k % 10000, (k * 31) % 10000);

      add_customer (db, name, phone, k % 3 == 0 ? "VIP" : NULL);
    }
  g_assert_true (dg_database_commit (db, &error));
  g_assert_no_error (error);
}

static void
test_items (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(DgCustomerList) list = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;
  gint64 kim, lee, smith;
  guint n_items;
  GType item_type;

  kim = add_customer (db, "김민수", "010-1234-5678", "VIP");
  lee = add_customer (db, "이서연", "02-555-0101", NULL);
  smith = add_customer (db, "Anna Smith", NULL, "newsletter");

  list = dg_customer_list_new (db);
  model = G_LIST_MODEL (list);

  g_assert_true (dg_customer_list_get_database (list) == db);
  g_assert_true (g_list_model_get_item_type (model) == DG_TYPE_CUSTOMER);
  g_object_get (list, "n-items", &n_items, "item-type", &item_type, NULL);
  g_assert_cmpuint (n_items, ==, 3);
  g_assert_true (item_type == DG_TYPE_CUSTOMER);
  g_assert_cmpstr (dg_customer_list_get_text (list), ==, "");
  g_assert_null (dg_customer_list_get_error (list));
  assert_model_matches_query (list);

  /* Sorted by name: Latin before Hangul in code point order. */
  g_assert_cmpint (dg_customer_list_get_id (list, 0), ==, smith);
  g_assert_cmpint (dg_customer_list_get_id (list, 1), ==, kim);
  g_assert_cmpint (dg_customer_list_get_id (list, 2), ==, lee);
  g_assert_cmpint (dg_customer_list_get_id (list, 3), ==, 0);
  g_assert_cmpuint (dg_customer_list_find (list, lee), ==, 2);
  g_assert_cmpuint (dg_customer_list_find (list, 999999), ==, G_MAXUINT);

  {
    g_autoptr(DgCustomer) c = g_list_model_get_item (model, 1);
    g_autoptr(DgCustomer) again = g_list_model_get_item (model, 1);
    const char * const *tags = dg_customer_get_tags (c);

    g_assert_cmpstr (dg_customer_get_name (c), ==, "김민수");
    g_assert_cmpstr (dg_customer_get_phone (c), ==, "010-1234-5678");
    g_assert_cmpuint (g_strv_length ((char **) tags), ==, 1);
    g_assert_cmpstr (tags[0], ==, "VIP");
    /* A new reference each time, to the cached object. */
    g_assert_true (c == again);
    g_assert_cmpuint (G_OBJECT (c)->ref_count, >=, 3);
  }

  dg_customer_list_set_text (list, "민수");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpint (dg_customer_list_get_id (list, 0), ==, kim);
  g_assert_cmpstr (dg_customer_list_get_text (list), ==, "민수");

  dg_customer_list_set_text (list, "ㅇㅅㅇ");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpint (dg_customer_list_get_id (list, 0), ==, lee);

  dg_customer_list_set_text (list, NULL);
  dg_customer_list_set_tag (list, "VIP");
  g_assert_cmpstr (dg_customer_list_get_tag (list), ==, "VIP");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpint (dg_customer_list_get_id (list, 0), ==, kim);
  dg_customer_list_set_tag (list, NULL);

  dg_customers_set_archived (db, lee, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpuint (dg_customer_list_find (list, lee), ==, G_MAXUINT);
  dg_customer_list_set_archived (list, DG_ARCHIVED_ONLY);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpint (dg_customer_list_get_id (list, 0), ==, lee);
  dg_customer_list_set_archived (list, DG_ARCHIVED_INCLUDE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  assert_model_matches_query (list);
}

static void
test_properties (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(DgCustomerList) list = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tag = NULL;
  guint n_text_notifies = 0;

  add_customer (db, "김민수", NULL, "VIP");
  add_customer (db, "박지현", NULL, NULL);
  list = g_object_new (DG_TYPE_CUSTOMER_LIST, "database", db, "text", "지현", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  g_signal_connect_swapped (list, "notify::text", G_CALLBACK (count_cb), &n_text_notifies);

  /* No text and empty text are the same filter. */
  g_object_set (list, "text", NULL, NULL);
  g_object_set (list, "text", "", NULL);
  g_assert_cmpuint (n_text_notifies, ==, 1);
  g_assert_cmpstr (dg_customer_list_get_text (list), ==, "");
  n_text_notifies = 0;
  g_object_set (list, "text", "김", "tag", "VIP", NULL);
  g_object_get (list, "text", &text, "tag", &tag, NULL);
  g_assert_cmpstr (text, ==, "김");
  g_assert_cmpstr (tag, ==, "VIP");
  g_assert_cmpuint (n_text_notifies, ==, 1);
  g_object_set (list, "text", "김", NULL);
  g_assert_cmpuint (n_text_notifies, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

static void
test_lazy_pages (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(DgCustomerList) list = NULL;
  GListModel *model;
  guint n, built;

  add_many (db, 3000);
  list = dg_customer_list_new (db);
  model = G_LIST_MODEL (list);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, 3000);

  /* Counting and finding build nothing. */
  g_assert_cmpuint (dg_customer_list_get_n_built (list), ==, 0);
  g_assert_cmpuint (dg_customer_list_find (list, dg_customer_list_get_id (list, 2999)), ==, 2999);
  g_assert_cmpuint (dg_customer_list_get_n_built (list), ==, 0);

  /* One row builds its page, not the list. */
  g_assert_cmpint (item_id (model, 0), ==, dg_customer_list_get_id (list, 0));
  built = dg_customer_list_get_n_built (list);
  g_assert_cmpuint (built, >=, 1);
  g_assert_cmpuint (built, <=, 128);

  /* Its neighbours come from the cache. */
  for (guint i = 1; i < 10; i++)
    g_assert_cmpint (item_id (model, i), ==, dg_customer_list_get_id (list, i));
  g_assert_cmpuint (dg_customer_list_get_n_built (list), ==, built);

  /* Far apart rows, in both directions, are right and cost a page each. */
  g_assert_cmpint (item_id (model, 2999), ==, dg_customer_list_get_id (list, 2999));
  g_assert_cmpint (item_id (model, 1500), ==, dg_customer_list_get_id (list, 1500));
  g_assert_cmpint (item_id (model, 700), ==, dg_customer_list_get_id (list, 700));
  g_assert_cmpuint (dg_customer_list_get_n_built (list), <=, 4 * built);
  g_assert_cmpint (item_id (model, 0), ==, dg_customer_list_get_id (list, 0));
  g_assert_cmpuint (dg_customer_list_get_n_built (list), <=, 4 * built);

  /* Scrolling through everything builds every row once or a few times,
   * and every row is the right one. */
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (item_id (model, i), ==, dg_customer_list_get_id (list, i));
  for (guint i = n; i > 0; i--)
    g_assert_cmpint (item_id (model, i - 1), ==, dg_customer_list_get_id (list, i - 1));
  g_assert_cmpuint (dg_customer_list_get_n_built (list), <=, 3 * n);

  /* A new query drops the cache but builds nothing by itself. */
  built = dg_customer_list_get_n_built (list);
  dg_customer_list_set_text (list, "김");
  dg_customer_list_set_sort (list, DG_CUSTOMER_SORT_PHONE, TRUE);
  g_assert_cmpuint (dg_customer_list_get_n_built (list), ==, built);
  assert_model_matches_query (list);
}

static void
test_changes (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(DgCustomerList) list = NULL;
  g_autoptr(DgCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  Watch watch = { 0 };
  guint position, removed, added, n;
  gint64 id;

  add_many (db, 500);
  list = dg_customer_list_new (db);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  /* Built rows are what a view shows; have some on either side. */
  for (guint i = 0; i < n; i += 37)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  watch_start (&watch, list);

  /* Insert: one row appears where it sorts. */
  watch_reset (&watch);
  id = add_customer (db, "박민 new", NULL, NULL);
  g_assert_cmpuint (watch.n_changes, ==, 1);
  g_assert_cmpuint (watch.position, ==, dg_customer_list_find (list, id));
  g_assert_cmpuint (watch.removed, ==, 0);
  g_assert_cmpuint (watch.added, ==, 1);
  g_assert_cmpuint (watch.n_items_notifies, ==, 1);
  g_assert_cmpuint (watch.n_items_at_notify, ==, n + 1);
  g_assert_false (watch.moved);

  /* Update that moves the row: one stretch from the old place to the new. */
  before = ids_of_query (list);
  customer = dg_customers_get (db, id, &error);
  g_assert_no_error (error);
  dg_customer_set_name (customer, "가장 앞");
  watch_reset (&watch);
  dg_customers_update (db, customer, &error);
  g_assert_no_error (error);
  after = ids_of_query (list);
  minimal_change (before, after, &position, &removed, &added);
  g_assert_cmpuint (watch.n_changes, ==, 1);
  g_assert_cmpuint (watch.position, ==, position);
  g_assert_cmpuint (watch.removed, ==, removed);
  g_assert_cmpuint (watch.added, ==, added);
  g_assert_cmpuint (watch.position, ==, 0);
  g_assert_cmpuint (watch.n_items_notifies, ==, 0);
  /* ...which is one row moving: a view can move that row alone. */
  g_assert_true (watch.moved);
  g_assert_cmpuint (watch.moved_from, ==, position + removed - 1);
  g_assert_cmpuint (watch.moved_to, ==, 0);
  g_assert_cmpint (g_array_index (before, gint64, watch.moved_from), ==, id);
  g_assert_false (dg_customer_list_get_move (list, NULL, NULL));

  /* Update in place of a row on show: no signal, the shown object itself
   * has the new fields. */
  {
    g_autoptr(DgCustomer) shown = g_list_model_get_item (G_LIST_MODEL (list), 0);

    dg_customer_set_email (customer, "front@example.com");
    watch_reset (&watch);
    dg_customers_update (db, customer, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (watch.n_changes, ==, 0);
    g_assert_cmpstr (dg_customer_get_email (shown), ==, "front@example.com");
  }

  /* The same for a row near the end. */
  {
    guint last = g_list_model_get_n_items (G_LIST_MODEL (list)) - 1;
    g_autoptr(DgCustomer) shown = g_list_model_get_item (G_LIST_MODEL (list), last);
    g_autoptr(DgCustomer) edited = dg_customer_copy (shown);
    g_autoptr(DgCustomer) now_shown = NULL;

    dg_customer_set_note (edited, "edited");
    watch_reset (&watch);
    dg_customers_update (db, edited, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (watch.n_changes, ==, 0);
    g_assert_cmpstr (dg_customer_get_note (shown), ==, "edited");
    now_shown = g_list_model_get_item (G_LIST_MODEL (list), last);
    g_assert_true (now_shown == shown);
  }

  /* Tagging changes the row too. */
  position = dg_customer_list_find (list, id);
  {
    g_autoptr(DgCustomer) shown = g_list_model_get_item (G_LIST_MODEL (list), position);

    watch_reset (&watch);
    dg_customers_add_tag (db, id, "새 태그", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (watch.n_changes, ==, 0);
    g_assert_true (g_strv_contains (dg_customer_get_tags (shown), "새 태그"));
  }

  /* Delete: one row goes. */
  position = dg_customer_list_find (list, id);
  watch_reset (&watch);
  dg_customers_delete (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (watch.n_changes, ==, 1);
  g_assert_cmpuint (watch.position, ==, position);
  g_assert_cmpuint (watch.removed, ==, 1);
  g_assert_cmpuint (watch.added, ==, 0);
  g_assert_cmpuint (watch.n_items_notifies, ==, 1);
  g_assert_cmpuint (watch.n_items_at_notify, ==, n);

  /* Archive: the row leaves the default list. */
  id = dg_customer_list_get_id (list, 250);
  watch_reset (&watch);
  dg_customers_set_archived (db, id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (watch.n_changes, ==, 1);
  g_assert_cmpuint (watch.position, ==, 250);
  g_assert_cmpuint (watch.removed, ==, 1);
  g_assert_cmpuint (watch.added, ==, 0);

  /* Many writes in one transaction: one change. */
  watch_reset (&watch);
  g_assert_true (dg_database_begin (db, &error));
  add_customer (db, "가가가", NULL, NULL);
  add_customer (db, "힣힣힣", NULL, NULL);
  g_assert_true (dg_database_commit (db, &error));
  g_assert_cmpuint (watch.n_changes, ==, 1);
  g_assert_cmpuint (watch.position, ==, 0);
  g_assert_cmpuint (watch.added, ==, watch.removed + 2);
  g_assert_cmpuint (watch.n_items_notifies, ==, 1);

  /* A change to a row the view never built and that stays in place is
   * not worth a signal. */
  {
    g_autoptr(DgCustomer) hidden = NULL;

    dg_customer_list_reload (list);
    id = dg_customer_list_get_id (list, 100);
    hidden = dg_customers_get (db, id, &error);
    g_assert_no_error (error);
    dg_customer_set_note (hidden, "not on screen");
    watch_reset (&watch);
    dg_customers_update (db, hidden, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (watch.n_changes, ==, 0);
  }

  watch_stop (&watch);
}

static void
test_query_changes (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(DgCustomerList) list = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  Watch watch = { 0 };
  guint position, removed, added;
  guint n;

  add_many (db, 400);
  list = dg_customer_list_new (db);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i += 50)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  watch_start (&watch, list);

  /* Text: one change, from the first row that differs. */
  before = ids_of_query (list);
  watch_reset (&watch);
  dg_customer_list_set_text (list, "민");
  after = ids_of_query (list);
  minimal_change (before, after, &position, &removed, &added);
  g_assert_cmpuint (watch.n_changes, ==, 1);
  g_assert_cmpuint (watch.position, ==, position);
  g_assert_cmpuint (watch.removed, ==, removed);
  g_assert_cmpuint (watch.added, ==, added);
  g_assert_cmpuint (watch.n_items_notifies, ==, 1);
  g_assert_cmpuint (watch.n_items_at_notify, ==, after->len);
  g_assert_cmpuint (after->len, >, 0);
  g_assert_cmpuint (after->len, <, n);

  /* Narrowing further. */
  watch_reset (&watch);
  dg_customer_list_set_text (list, "민수");
  g_assert_cmpuint (watch.n_changes, ==, 1);

  /* Same text, the same query again, or an identical reload: nothing. */
  watch_reset (&watch);
  dg_customer_list_set_text (list, "민수");
  dg_customer_list_reload (list);
  g_assert_cmpuint (watch.n_changes, ==, 0);
  g_assert_cmpuint (watch.n_items_notifies, ==, 0);
  g_assert_cmpuint (watch.n_changes, ==, 0);
  g_assert_cmpuint (watch.n_items_notifies, ==, 0);

  /* Text that keeps the same rows: nothing either. */
  watch_reset (&watch);
  dg_customer_list_set_text (list, "민수 ");
  g_assert_cmpuint (watch.n_changes, ==, 0);

  /* Sort: one change, the count stays. */
  dg_customer_list_set_text (list, NULL);
  watch_reset (&watch);
  dg_customer_list_set_sort (list, DG_CUSTOMER_SORT_PHONE, FALSE);
  g_assert_cmpuint (watch.n_changes, ==, 1);
  g_assert_cmpuint (watch.n_items_notifies, ==, 0);
  watch_reset (&watch);
  dg_customer_list_set_sort (list, DG_CUSTOMER_SORT_PHONE, TRUE);
  g_assert_cmpuint (watch.n_changes, ==, 1);
  g_assert_cmpuint (watch.position, ==, 0);
  g_assert_cmpuint (watch.removed, ==, n);
  g_assert_cmpuint (watch.added, ==, n);
  g_assert_false (watch.moved);

  /* Nothing matches, then everything again. */
  watch_reset (&watch);
  dg_customer_list_set_text (list, "없는 사람");
  g_assert_cmpuint (watch.n_changes, ==, 1);
  g_assert_cmpuint (watch.position, ==, 0);
  g_assert_cmpuint (watch.removed, ==, n);
  g_assert_cmpuint (watch.added, ==, 0);
  g_assert_cmpuint (watch.n_items_at_notify, ==, 0);
  watch_reset (&watch);
  dg_customer_list_set_text (list, "");
  g_assert_cmpuint (watch.n_changes, ==, 1);
  g_assert_cmpuint (watch.added, ==, n);

  /* set_query changes several things at once with one change. */
  {
    DgCustomerQuery query = {
      .text = "010",
      .tag = "VIP",
      .archived = DG_ARCHIVED_INCLUDE,
      .sort = DG_CUSTOMER_SORT_CREATED,
      .descending = TRUE,
    };

    watch_reset (&watch);
    dg_customer_list_set_query (list, &query);
    g_assert_cmpuint (watch.n_changes, ==, 1);
    g_assert_cmpuint (watch.n_items_notifies, ==, 1);
    assert_model_matches_query (list);
  }

  watch_stop (&watch);
}

static void
test_failed_query (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(DgCustomerList) list = NULL;
  g_autoptr(GError) error = NULL;
  Watch watch = { 0 };
  guint n_error_notifies = 0;
  guint n;

  add_many (db, 50);
  list = dg_customer_list_new (db);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  watch_start (&watch, list);
  g_signal_connect_swapped (list, "notify::error", G_CALLBACK (count_cb), &n_error_notifies);

  /* Break what a short search reads, behind the model's back. */
  g_assert_true (dg_database_exec (db, "ALTER TABLE customer_pieces RENAME TO customer_pieces_away", &error));
  g_assert_no_error (error);

  watch_reset (&watch);
  dg_customer_list_set_text (list, "민");
  g_assert_nonnull (dg_customer_list_get_error (list));
  g_assert_true (dg_customer_list_get_error (list)->domain == DG_ERROR);
  g_assert_cmpuint (n_error_notifies, ==, 1);
  g_assert_cmpuint (watch.n_changes, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  g_assert_cmpint (item_id (G_LIST_MODEL (list), 0), >, 0);

  {
    GError *property = NULL;

    g_object_get (list, "error", &property, NULL);
    g_assert_nonnull (property);
    g_error_free (property);
  }

  g_assert_true (dg_database_exec (db, "ALTER TABLE customer_pieces_away RENAME TO customer_pieces", &error));
  g_assert_no_error (error);
  dg_customer_list_reload (list);
  g_assert_null (dg_customer_list_get_error (list));
  g_assert_cmpuint (n_error_notifies, ==, 2);
  g_assert_cmpuint (watch.n_changes, ==, 1);
  assert_model_matches_query (list);

  watch_stop (&watch);
}

/* Another process deleted a row: this process heard nothing, and the view
 * still gets an object for every position until the next reload. */
static void
test_row_gone (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(DgCustomerList) list = NULL;
  g_autoptr(DgCustomer) placeholder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 gone;

  add_many (db, 10);
  list = dg_customer_list_new (db);
  gone = dg_customer_list_get_id (list, 3);
  sql = g_strdup_printf ("DELETE FROM customers WHERE id = %" G_GINT64_FORMAT, gone);
  g_assert_true (dg_database_exec (db, sql, &error));
  g_assert_no_error (error);

  placeholder = g_list_model_get_item (G_LIST_MODEL (list), 3);
  g_assert_nonnull (placeholder);
  g_assert_cmpint (dg_customer_get_id (placeholder), ==, gone);
  g_assert_null (dg_customer_list_get_error (list));
  g_assert_cmpint (item_id (G_LIST_MODEL (list), 4), ==, dg_customer_list_get_id (list, 4));

  dg_customer_list_reload (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 9);
  g_assert_cmpuint (dg_customer_list_find (list, gone), ==, G_MAXUINT);
  assert_model_matches_query (list);
}

/* The first @n ids of the list's whole query. */
static void
assert_first_rows (DgCustomerList *list,
                   guint           n)
{
  g_autoptr(GArray) ids = ids_of_query (list);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  g_assert_cmpuint (ids->len, >, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (item_id (G_LIST_MODEL (list), i), ==, g_array_index (ids, gint64, i));
}

static gboolean
give_up_cb (gpointer user_data)
{
  g_error ("Still waiting for %s after 60 s", (const char *) user_data);

  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds; a minute is a hang. */
#define WAIT_FOR(condition)                                                   \
  G_STMT_START {                                                              \
    guint give_up = g_timeout_add_seconds (60, give_up_cb, (gpointer) #condition); \
    while (!(condition))                                                      \
      g_main_context_iteration (NULL, TRUE);                                  \
    g_source_remove (give_up);                                                \
  } G_STMT_END

static void
wait_not_loading (DgCustomerList *list)
{
  WAIT_FOR (!dg_customer_list_is_loading (list));
}

/* A partial list holds its first rows until asked for the rest, then
 * gets them from a worker thread as one change after the rows it has. */
static void
test_partial (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(DgCustomerList) list = NULL;
  DgCustomerQuery query = { .archived = DG_ARCHIVED_EXCLUDE };
  Watch watch = { 0 };
  guint n_complete_notifies = 0;
  gint64 first;

  add_many (db, 150);
  list = dg_customer_list_new_partial (db, &query, 20);
  g_signal_connect_swapped (list, "notify::complete", G_CALLBACK (count_cb), &n_complete_notifies);

  g_assert_false (dg_customer_list_is_complete (list));
  g_assert_false (dg_customer_list_is_loading (list));
  assert_first_rows (list, 20);

  /* A change re-reads the first rows only. */
  first = add_customer (db, "Aaron Abbott", NULL, NULL);
  assert_first_rows (list, 20);
  g_assert_cmpint (dg_customer_list_get_id (list, 0), ==, first);
  g_assert_false (dg_customer_list_is_complete (list));

  watch_start (&watch, list);
  watch_reset (&watch);
  dg_customer_list_load_rest (list);
  g_assert_true (dg_customer_list_is_loading (list));
  /* The rest comes through the main loop, never during the call. */
  g_assert_cmpuint (watch.n_changes, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 20);

  wait_not_loading (list);
  g_assert_true (dg_customer_list_is_complete (list));
  g_assert_null (dg_customer_list_get_error (list));
  g_assert_cmpuint (n_complete_notifies, ==, 1);
  g_assert_cmpuint (watch.n_changes, ==, 1);
  g_assert_cmpuint (watch.position, ==, 20);
  g_assert_cmpuint (watch.removed, ==, 0);
  g_assert_cmpuint (watch.added, ==, 151 - 20);
  g_assert_cmpuint (watch.n_items_notifies, ==, 1);
  assert_model_matches_query (list);

  /* Complete: nothing more to read. */
  dg_customer_list_load_rest (list);
  g_assert_false (dg_customer_list_is_loading (list));
  watch_stop (&watch);
}

/* A query that finds no more rows than the list may hold has them all. */
static void
test_partial_small (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(DgCustomerList) list = NULL;
  DgCustomerQuery query = { .tag = "VIP" };
  gboolean complete = FALSE;

  add_many (db, 30);
  list = dg_customer_list_new_partial (db, &query, 20);
  g_object_get (list, "complete", &complete, NULL);
  g_assert_true (complete);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 10);
  assert_model_matches_query (list);

  /* The query of a partial list starts as given, and limits nothing after. */
  g_assert_cmpstr (dg_customer_list_get_tag (list), ==, "VIP");
  dg_customer_list_set_tag (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 30);
}

/* What the worker read before a change is not shown: it reads again. */
static void
test_partial_change_while_loading (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(DgCustomerList) list = NULL;
  DgCustomerQuery query = { 0 };
  gint64 last;

  add_many (db, 200);
  list = dg_customer_list_new_partial (db, &query, 16);
  dg_customer_list_load_rest (list);
  last = add_customer (db, "힣힣힣", NULL, NULL);
  g_assert_true (dg_customer_list_is_loading (list));

  wait_not_loading (list);
  g_assert_true (dg_customer_list_is_complete (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 201);
  g_assert_cmpint (dg_customer_list_get_id (list, 200), ==, last);
  assert_model_matches_query (list);

  /* Another order while the worker reads the first: a result in the old
   * order would not match the query. */
  g_clear_object (&list);
  list = dg_customer_list_new_partial (db, &query, 16);
  dg_customer_list_load_rest (list);
  dg_customer_list_set_sort (list, DG_CUSTOMER_SORT_NAME, TRUE);
  g_assert_cmpint (dg_customer_list_get_id (list, 0), ==, last);
  wait_not_loading (list);
  g_assert_true (dg_customer_list_is_complete (list));
  assert_model_matches_query (list);
  g_assert_cmpint (dg_customer_list_get_id (list, 0), ==, last);
}

/* Reload reads every row at once, whether a worker runs or not; the
 * worker it replaced changes nothing when it ends. */
static void
test_partial_reload (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(DgCustomerList) list = NULL;
  DgCustomerQuery query = { 0 };
  guint n_changes = 0;

  add_many (db, 100);
  list = dg_customer_list_new_partial (db, &query, 10);
  dg_customer_list_reload (list);
  g_assert_true (dg_customer_list_is_complete (list));
  g_assert_false (dg_customer_list_is_loading (list));
  assert_model_matches_query (list);

  g_clear_object (&list);
  list = dg_customer_list_new_partial (db, &query, 10);
  dg_customer_list_load_rest (list);
  dg_customer_list_reload (list);
  g_assert_true (dg_customer_list_is_complete (list));
  g_assert_false (dg_customer_list_is_loading (list));
  /* Had the cancelled worker's rows been shown, they would not be this
   * query's. */
  dg_customer_list_set_tag (list, "VIP");
  g_signal_connect_swapped (list, "items-changed", G_CALLBACK (count_cb), &n_changes);

  /* The cancelled worker holds the list until it has ended. */
  WAIT_FOR (G_OBJECT (list)->ref_count == 1);
  g_assert_cmpuint (n_changes, ==, 0);
  assert_model_matches_query (list);
}

/* A worker that cannot read leaves the first rows and says why; reload
 * reads the rest on the list's own connection. */
static void
test_partial_load_fails (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(DgCustomerList) list = NULL;
  DgCustomerQuery query = { 0 };
  g_autofree char *moved = NULL;

  add_many (db, 60);
  list = dg_customer_list_new_partial (db, &query, 10);

  /* The open connection keeps the file; a new one finds nothing there. */
  moved = g_strconcat (dg_database_get_path (db), ".moved", NULL);
  g_assert_cmpint (g_rename (dg_database_get_path (db), moved), ==, 0);

  dg_customer_list_load_rest (list);
  wait_not_loading (list);
  g_assert_nonnull (dg_customer_list_get_error (list));
  g_assert_true (dg_customer_list_get_error (list)->domain == DG_ERROR);
  g_assert_false (dg_customer_list_is_complete (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 10);

  /* The next change tries again, and says again why it could not. */
  dg_customer_list_set_sort (list, DG_CUSTOMER_SORT_NAME, TRUE);
  g_assert_true (dg_customer_list_is_loading (list));
  wait_not_loading (list);
  g_assert_nonnull (dg_customer_list_get_error (list));
  g_assert_false (dg_customer_list_is_complete (list));

  dg_customer_list_reload (list);
  g_assert_null (dg_customer_list_get_error (list));
  g_assert_true (dg_customer_list_is_complete (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 60);
  g_assert_cmpint (g_rename (moved, dg_database_get_path (db)), ==, 0);
}

static void
on_list_finalized_cb (gpointer  user_data,
                      GObject  *where_the_object_was)
{
  gboolean *finalized = user_data;

  /* Never in the worker thread: the list belongs to the main one. */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  *finalized = TRUE;
}

/* Dropped while its worker runs, the list goes once the worker ends, in
 * the main thread, whether the load was called off or not. */
static void
test_partial_dispose (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  DgCustomerQuery query = { 0 };

  add_many (db, 100);

  for (guint cancel = 0; cancel <= 1; cancel++)
    {
      DgCustomerList *list = dg_customer_list_new_partial (db, &query, 10);
      gboolean finalized = FALSE;

      g_object_weak_ref (G_OBJECT (list), on_list_finalized_cb, &finalized);
      dg_customer_list_load_rest (list);
      if (cancel)
        dg_customer_list_cancel_load (list);
      g_object_unref (list);

      WAIT_FOR (finalized);
    }
}

int
main (int argc, char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/customer-list/items", test_items);
  g_test_add_func ("/customer-list/properties", test_properties);
  g_test_add_func ("/customer-list/lazy-pages", test_lazy_pages);
  g_test_add_func ("/customer-list/changes", test_changes);
  g_test_add_func ("/customer-list/query-changes", test_query_changes);
  g_test_add_func ("/customer-list/failed-query", test_failed_query);
  g_test_add_func ("/customer-list/row-gone", test_row_gone);
  g_test_add_func ("/customer-list/partial", test_partial);
  g_test_add_func ("/customer-list/partial/small", test_partial_small);
  g_test_add_func ("/customer-list/partial/change-while-loading", test_partial_change_while_loading);
  g_test_add_func ("/customer-list/partial/reload", test_partial_reload);
  g_test_add_func ("/customer-list/partial/load-fails", test_partial_load_fails);
  g_test_add_func ("/customer-list/partial/dispose", test_partial_dispose);

  return g_test_run ();
}
