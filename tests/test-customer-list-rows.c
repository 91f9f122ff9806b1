/* test-customer-list-rows.c
 *
 * The row objects of the customer list as a view holds them: the same
 * object for a customer while one lives, and edits made to customers
 * reaching the objects on show, wherever they are and whatever the view
 * asked for since.
 */
#include "config.h"

#include "dg-database-private.h"
#include "dg-test-util.h"

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
      g_autoptr(DgCustomer) customer = dg_customer_new ();
      guint k = (i * 7919) % n;
      g_autofree char *name = g_strdup_printf ("%s%s%s %05u",
                                               syllables[k % G_N_ELEMENTS (syllables)],
                                               syllables[(k / 12) % G_N_ELEMENTS (syllables)],
                                               syllables[(k / 144) % G_N_ELEMENTS (syllables)],
                                               k);
      g_autofree char *phone = g_strdup_printf ("010-%04u-%04u", k % 10000, (k * 31) % 10000);

      dg_customer_set_name (customer, name);
      dg_customer_set_phone (customer, phone);
      dg_customers_insert (db, customer, &error);
      g_assert_no_error (error);
    }
  g_assert_true (dg_database_commit (db, &error));
  g_assert_no_error (error);
}

/* Holds row objects the way GTK's list views do: the rows inside a
 * viewport keep the object they were given, and after items-changed only
 * the positions it names are asked for again. */
typedef struct
{
  DgCustomerList *list;
  /* DgCustomer or NULL, one per position. */
  GPtrArray      *rows;
  guint           first;
  guint           n_visible;
  guint           n_changes;
} FakeView;

static void
unref_row (gpointer row)
{
  if (row != NULL)
    g_object_unref (row);
}

static void
fake_view_fill (FakeView *view)
{
  for (guint i = view->first; i < view->first + view->n_visible && i < view->rows->len; i++)
    {
      if (g_ptr_array_index (view->rows, i) == NULL)
        g_ptr_array_index (view->rows, i) = g_list_model_get_item (G_LIST_MODEL (view->list), i);
    }

  /* Rows scrolled out of view are let go. */
  for (guint i = 0; i < view->rows->len; i++)
    {
      if (i < view->first || i >= view->first + view->n_visible)
        g_clear_object (&g_ptr_array_index (view->rows, i));
    }
}

static void
on_fake_view_items_changed_cb (GListModel *model,
                               guint       position,
                               guint       removed,
                               guint       added,
                               FakeView   *view)
{
  view->n_changes++;
  g_ptr_array_remove_range (view->rows, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (view->rows, position + i, NULL);
  fake_view_fill (view);
}

static void
fake_view_start (FakeView       *view,
                 DgCustomerList *list,
                 guint           first,
                 guint           n_visible)
{
  view->list = list;
  view->rows = g_ptr_array_new_with_free_func (unref_row);
  g_ptr_array_set_size (view->rows, g_list_model_get_n_items (G_LIST_MODEL (list)));
  view->first = first;
  view->n_visible = n_visible;
  fake_view_fill (view);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_fake_view_items_changed_cb), view);
}

static void
fake_view_scroll (FakeView *view,
                  guint     first)
{
  view->first = first;
  fake_view_fill (view);
}

static void
fake_view_stop (FakeView *view)
{
  g_signal_handlers_disconnect_by_data (view->list, view);
  g_clear_pointer (&view->rows, g_ptr_array_unref);
}

/* Every row in the viewport shows the customer at its position as it is
 * stored now. */
static void
assert_view_shows_stored (FakeView *view)
{
  DgDatabase *db = dg_customer_list_get_database (view->list);

  g_assert_cmpuint (view->rows->len, ==, g_list_model_get_n_items (G_LIST_MODEL (view->list)));

  for (guint i = view->first; i < view->first + view->n_visible && i < view->rows->len; i++)
    {
      DgCustomer *shown = g_ptr_array_index (view->rows, i);
      g_autoptr(DgCustomer) stored = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (shown);
      g_assert_cmpint (dg_customer_get_id (shown), ==, dg_customer_list_get_id (view->list, i));
      stored = dg_customers_get (db, dg_customer_get_id (shown), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (dg_customer_get_name (shown), ==, dg_customer_get_name (stored));
      g_assert_cmpstr (dg_customer_get_phone (shown), ==, dg_customer_get_phone (stored));
      g_assert_cmpstr (dg_customer_get_email (shown), ==, dg_customer_get_email (stored));
      g_assert_cmpstr (dg_customer_get_note (shown), ==, dg_customer_get_note (stored));
      g_assert_true (g_strv_equal (dg_customer_get_tags (shown), dg_customer_get_tags (stored)));
      g_assert_true (g_date_time_equal (dg_customer_get_updated_at (shown), dg_customer_get_updated_at (stored)));
    }
}

static void
set_phone (DgDatabase *db,
           gint64      id,
           const char *phone)
{
  g_autoptr(DgCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;

  customer = dg_customers_get (db, id, &error);
  g_assert_no_error (error);
  dg_customer_set_phone (customer, phone);
  dg_customers_update (db, customer, &error);
  g_assert_no_error (error);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 GString    *names)
{
  g_string_append_printf (names, "%s ", pspec->name);
}

/* After one change drops the page cache, the next change must still reach
 * rows that the view shows but never asked for again. */
static void
test_rows_follow_edits (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(DgCustomerList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) notified = g_string_new ("");
  FakeView view = { 0 };
  DgCustomer *row1;

  add_many (db, 5);
  list = dg_customer_list_new (db);
  fake_view_start (&view, list, 0, 5);
  assert_view_shows_stored (&view);

  /* Archive row 4: it goes, and nothing else is asked for. */
  dg_customers_set_archived (db, dg_customer_list_get_id (list, 4), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (view.n_changes, ==, 1);
  g_assert_cmpuint (view.rows->len, ==, 4);
  assert_view_shows_stored (&view);

  /* Then a new phone for row 1: the object on show has it, and it told
   * its bindings about the phone (and the time of the change) only. */
  row1 = g_ptr_array_index (view.rows, 1);
  g_signal_connect (row1, "notify", G_CALLBACK (count_notify_cb), notified);
  set_phone (db, dg_customer_list_get_id (list, 1), "010-4444-0001");
  g_assert_cmpstr (dg_customer_get_phone (g_ptr_array_index (view.rows, 1)), ==, "010-4444-0001");
  g_assert_true (g_ptr_array_index (view.rows, 1) == row1);
  /* The time of the change is stored in whole seconds, so it may not; a
   * frozen object emits its queued notifications in no fixed order. */
  if (g_strcmp0 (notified->str, "phone ") != 0 &&
      g_strcmp0 (notified->str, "updated-at phone ") != 0)
    g_assert_cmpstr (notified->str, ==, "phone updated-at ");
  g_assert_cmpuint (view.n_changes, ==, 1);
  assert_view_shows_stored (&view);
  g_signal_handlers_disconnect_by_data (row1, notified);

  fake_view_stop (&view);
}

static void
test_rows_follow_edits_across_pages (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(DgCustomerList) list = NULL;
  g_autoptr(GError) error = NULL;
  FakeView view = { 0 };
  guint n_changes;

  add_many (db, 1000);
  list = dg_customer_list_new (db);
  /* A screen that spans the first page boundary. */
  fake_view_start (&view, list, 40, 40);
  assert_view_shows_stored (&view);

  set_phone (db, dg_customer_list_get_id (list, 62), "010-6262-6262");
  assert_view_shows_stored (&view);
  set_phone (db, dg_customer_list_get_id (list, 70), "010-7070-7070");
  assert_view_shows_stored (&view);
  g_assert_cmpuint (view.n_changes, ==, 0);

  /* Tags and a note, on both sides of the boundary again. */
  dg_customers_add_tag (db, dg_customer_list_get_id (list, 50), "가을 강좌", &error);
  g_assert_no_error (error);
  assert_view_shows_stored (&view);
  dg_customers_add_tag (db, dg_customer_list_get_id (list, 75), "가을 강좌", &error);
  g_assert_no_error (error);
  assert_view_shows_stored (&view);

  /* Scrolling far, through more pages than the cache keeps, and back. */
  for (guint first = 40; first < 900; first += 30)
    fake_view_scroll (&view, first);
  fake_view_scroll (&view, 40);
  set_phone (db, dg_customer_list_get_id (list, 41), "010-4141-4141");
  assert_view_shows_stored (&view);

  /* A move of another row above the screen shifts the rows on it: one
   * change, and the rows that kept their objects still show the latest. */
  {
    g_autoptr(DgCustomer) first = dg_customers_get (db, dg_customer_list_get_id (list, 0), &error);

    g_assert_no_error (error);
    dg_customer_set_name (first, "힣 맨 끝으로");
    n_changes = view.n_changes;
    dg_customers_update (db, first, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (view.n_changes, ==, n_changes + 1);
    assert_view_shows_stored (&view);
  }
  set_phone (db, dg_customer_list_get_id (list, 66), "010-6666-6666");
  set_phone (db, dg_customer_list_get_id (list, 44), "010-4444-4444");
  assert_view_shows_stored (&view);

  fake_view_stop (&view);
}

/* A view gets the object it already holds for a customer, even after the
 * cache let it go. */
static void
test_live_identity (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(DgCustomerList) list = NULL;
  g_autoptr(DgCustomer) held = NULL;
  g_autoptr(DgCustomer) again = NULL;
  GWeakRef weak;
  gint64 id;
  guint built;

  add_many (db, 2000);
  list = dg_customer_list_new (db);
  held = g_list_model_get_item (G_LIST_MODEL (list), 3);
  id = dg_customer_get_id (held);

  /* A new query drops the cache; the customer now sits elsewhere. */
  dg_customer_list_set_sort (list, DG_CUSTOMER_SORT_PHONE, TRUE);
  for (guint i = 0; i < 2000; i += 64)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  built = dg_customer_list_get_n_built (list);
  again = g_list_model_get_item (G_LIST_MODEL (list), dg_customer_list_find (list, id));
  g_assert_true (again == held);
  g_clear_object (&again);

  /* Once nothing holds it, a new object is built. */
  g_weak_ref_init (&weak, held);
  g_clear_object (&held);
  dg_customer_list_set_sort (list, DG_CUSTOMER_SORT_NAME, FALSE);
  g_assert_null (g_weak_ref_get (&weak));
  g_weak_ref_clear (&weak);
  held = g_list_model_get_item (G_LIST_MODEL (list), 3);
  g_assert_cmpint (dg_customer_get_id (held), ==, id);
  g_assert_cmpuint (dg_customer_list_get_n_built (list), >, built);

  /* A row object may outlive its list. */
  g_clear_object (&list);
  g_assert_cmpint (dg_customer_get_id (held), ==, id);
}

int
main (int argc, char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/customer-list/rows-follow-edits", test_rows_follow_edits);
  g_test_add_func ("/customer-list/rows-follow-edits-across-pages", test_rows_follow_edits_across_pages);
  g_test_add_func ("/customer-list/live-identity", test_live_identity);

  return g_test_run ();
}
