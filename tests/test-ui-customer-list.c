/* test-ui-customer-list.c
 *
 * The customer list of the real window on a temporary database, as a user
 * meets it: rows that follow edits made elsewhere, real key presses (Delete,
 * Enter, typing to search, Ctrl+N), a failed query shown above the rows,
 * and a selection that survives sorts and searches at 10,000 customers
 * without building the list. Also the selection model on its own. Each
 * case has a window of its own on a fresh database (dg-ui-fixture.h) and
 * stores its customers itself.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-calendar-view.h"
#include "dg-customer-page.h"
#include "dg-customer-selection.h"
#include "dg-customers-test-util.h"
#include "dg-database-private.h"
#include "dg-test-util.h"
#include "dg-ui-test-util.h"

/* The customers every case starts from, sorted by name: Alice Johnson,
 * Bob Stone, 김민수, 김민지, 박지성, 이민호. */
static void
insert_customers (void)
{
  dg_customers_test_insert ("김민수", "010-1234-5678", "minsu@example.com", "Hanbit Consulting", "VIP, workshop");
  dg_customers_test_insert ("Alice Johnson", "010-2222-3333", "alice@example.com", "Sunrise Studio", "workshop");
  dg_customers_test_insert ("박지성", "010-5555-1212", "jisung.park@example.kr", NULL, "VIP");
  dg_customers_test_insert ("이민호", "02-345-6789", "minho.lee@example.kr", "한빛 컨설팅", "강의");
  dg_customers_test_insert ("Bob Stone", "010-7777-8888", "bob@stone.dev", NULL, "newsletter");
  dg_customers_test_insert ("김민지", "010-3030-4040", "minji@example.kr", NULL, "워크숍, VIP");

  dg_ui_test_wait_for (dg_customers_test_n_items () == 6);
  dg_ui_test_wait_painted (GTK_WIDGET (dg_customers_test_get_window ()), 1);
}

static void
test_setup (DgUiFixture   *fixture,
            gconstpointer  data)
{
  insert_customers ();
}

/* The text the column view shows in column @column of the row whose name
 * cell reads @name; NULL while no such row is on screen. */
static const char *
shown_cell (const char *name,
            guint       column)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (dg_customers_test_view_child ("column_view"));
  GtkWidget *row = dg_ui_test_column_view_find_row (column_view, 0, name);

  return row != NULL ? dg_ui_test_row_get_text (row, column) : NULL;
}

static gboolean
row_shows (const char *name,
           guint       column,
           const char *text)
{
  return g_strcmp0 (shown_cell (name, column), text) == 0;
}

/* Rows that keep their place show edits made after an earlier change took
 * another row away: the view does not ask for them again, so the objects
 * it holds must change. Read off the cells on screen, not the model. */
static void
test_rows_follow_edits (DgUiFixture   *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 park, bob, lee;

  insert_customers ();
  dg_ui_test_wait_painted (GTK_WIDGET (dg_customers_test_get_window ()), 2);
  dg_ui_test_wait_for (row_shows ("Bob Stone", 1, "010-7777-8888"));
  dg_ui_test_wait_for (row_shows ("이민호", 2, "minho.lee@example.kr"));

  park = dg_customers_test_find_id ("박지성");
  bob = dg_customers_test_find_id ("Bob Stone");
  lee = dg_customers_test_find_id ("이민호");
  g_assert_cmpuint (dg_customer_list_find (dg_customers_view_get_list (dg_customers_test_get_view ()), park), ==, 4);

  dg_customers_set_archived (dg_customers_test_get_database (), park, TRUE, &error);
  g_assert_no_error (error);
  dg_ui_test_wait_for (dg_customers_test_n_items () == 5);
  dg_ui_test_wait_for (shown_cell ("박지성", 0) == NULL);

  dg_customers_test_update_field (bob, "phone", "010-1212-3434");
  dg_ui_test_wait_for (row_shows ("Bob Stone", 1, "010-1212-3434"));
  dg_customers_test_update_field (lee, "email", "minho@example.kr");
  dg_ui_test_wait_for (row_shows ("이민호", 2, "minho@example.kr"));
  dg_ui_test_wait_painted (GTK_WIDGET (dg_customers_test_get_window ()), 1);
  g_assert_true (row_shows ("Bob Stone", 1, "010-1212-3434"));

  /* Put back as it was, the rows follow again. */
  dg_customers_test_update_field (bob, "phone", "010-7777-8888");
  dg_customers_test_update_field (lee, "email", "minho.lee@example.kr");
  dg_customers_set_archived (dg_customers_test_get_database (), park, FALSE, &error);
  g_assert_no_error (error);
  dg_ui_test_wait_for (dg_customers_test_n_items () == 6);
  dg_ui_test_wait_for (row_shows ("Bob Stone", 1, "010-7777-8888"));
  dg_ui_test_wait_for (row_shows ("이민호", 2, "minho.lee@example.kr"));
  dg_ui_test_wait_for (row_shows ("박지성", 1, "010-5555-1212"));
}

#define N_BULK 10000
/* GTK 4.8's list view keeps up to 200 row widgets around the top row it
 * shows; the list builds rows 64 at a time. */
#define VIEW_ROWS 200
#define PAGE_ROWS 64
#define MAX_BUILT (((VIEW_ROWS + PAGE_ROWS - 1) / PAGE_ROWS) * PAGE_ROWS)

/* Replaces the search text as typing over it would, without passing
 * through an empty field (which searches at once, for everybody). */
static void
replace_search_text (GtkEditable *search,
                     const char  *text)
{
  int old_length = g_utf8_strlen (gtk_editable_get_text (search), -1);
  int end = old_length;

  gtk_editable_insert_text (search, text, -1, &end);
  gtk_editable_delete_text (search, 0, old_length);
}

static void
scroll_to_row (guint position)
{
  GtkWidget *list = dg_ui_test_find_by_type (dg_customers_test_view_child ("column_view"), GTK_TYPE_LIST_VIEW);

  g_assert_true (gtk_widget_activate_action (list, "list.scroll-to-item", "u", position));
}

/* GTK 4.8's single selection, and its list view for the rows it tracks,
 * build every row of a changed list to find an object again; a sort, a
 * search or an edit with a row selected must cost no more than the rows
 * the view shows. */
static void
test_selection_keeps_customer (DgUiFixture   *fixture,
                               gconstpointer  data)
{
  DgCustomerList *list = dg_customers_view_get_list (dg_customers_test_get_view ());
  GtkColumnView *column_view = GTK_COLUMN_VIEW (dg_customers_test_view_child ("column_view"));
  GtkEditable *search = GTK_EDITABLE (dg_customers_test_view_child ("search_entry"));
  g_autoptr(GtkColumnViewColumn) name_column = g_list_model_get_item (gtk_column_view_get_columns (column_view), 0);
  g_autoptr(GtkColumnViewColumn) phone_column = g_list_model_get_item (gtk_column_view_get_columns (column_view), 1);
  g_autoptr(GError) error = NULL;
  guint n_before;
  gint64 picked = 0;
  guint built;

  insert_customers ();
  n_before = dg_customers_test_n_items ();
  g_assert_true (dg_database_begin (dg_customers_test_get_database (), &error));
  for (guint i = 0; i < N_BULK; i++)
    {
      g_autoptr(DgCustomer) customer = dg_customer_new ();
      g_autofree char *name = g_strdup_printf ("Bulk %05u", i);
      g_autofree char *phone = g_strdup_printf ("010-%04u-%04u", (i * 7919) % 10000, i);

      dg_customer_set_name (customer, name);
      dg_customer_set_phone (customer, phone);
      dg_customers_insert (dg_customers_test_get_database (), customer, &error);
      g_assert_no_error (error);
      if (i == 7000)
        picked = dg_customer_get_id (customer);
    }
  g_assert_true (dg_database_commit (dg_customers_test_get_database (), &error));
  dg_ui_test_wait_for (dg_customers_test_n_items () == n_before + N_BULK);

  /* The user scrolls down and picks a row. */
  scroll_to_row (dg_customer_list_find (list, picked));
  dg_ui_test_wait_painted (GTK_WIDGET (dg_customers_test_get_window ()), 2);
  g_assert_true (gtk_selection_model_select_item (dg_customers_test_get_selection (), dg_customer_list_find (list, picked), TRUE));
  g_assert_cmpint (dg_customers_test_selected_id (), ==, picked);
  dg_ui_test_wait_painted (GTK_WIDGET (dg_customers_test_get_window ()), 1);

  /* Another sort: the rows on screen are built, not the list. */
  built = dg_customer_list_get_n_built (list);
  gtk_column_view_sort_by_column (column_view, phone_column, GTK_SORT_DESCENDING);
  dg_ui_test_wait_painted (GTK_WIDGET (dg_customers_test_get_window ()), 2);
  g_test_message ("Sort change built %u rows", dg_customer_list_get_n_built (list) - built);
  g_assert_cmpuint (dg_customer_list_get_n_built (list) - built, <=, MAX_BUILT);
  g_assert_cmpint (dg_customers_test_selected_id (), ==, picked);
  g_assert_true (gtk_selection_model_is_selected (dg_customers_test_get_selection (), dg_customer_list_find (list, picked)));

  /* A search that still finds the customer keeps it selected. */
  built = dg_customer_list_get_n_built (list);
  gtk_editable_set_text (search, "Bulk 07");
  dg_ui_test_wait_for (g_strcmp0 (dg_customer_list_get_text (list), "Bulk 07") == 0);
  dg_ui_test_wait_painted (GTK_WIDGET (dg_customers_test_get_window ()), 2);
  g_test_message ("Search built %u rows", dg_customer_list_get_n_built (list) - built);
  g_assert_cmpuint (dg_customer_list_get_n_built (list) - built, <=, MAX_BUILT);
  g_assert_cmpint (dg_customers_test_selected_id (), ==, picked);

  /* One that does not leaves nothing selected, so Delete removes nobody
   * (each word is looked for in every field: "01" alone would find the
   * picked customer's phone number, 010-3000-7000). */
  built = dg_customer_list_get_n_built (list);
  replace_search_text (search, "Bulk 019");
  dg_ui_test_wait_for (g_strcmp0 (dg_customer_list_get_text (list), "Bulk 019") == 0);
  dg_ui_test_wait_painted (GTK_WIDGET (dg_customers_test_get_window ()), 2);
  g_assert_cmpuint (dg_customer_list_get_n_built (list) - built, <=, MAX_BUILT);
  g_assert_cmpint (dg_customers_test_selected_id (), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (dg_customers_test_get_view ()), "customers.delete", NULL);
  dg_ui_test_flush ();
  g_assert_cmpint (dg_customers_test_count_all (), ==, n_before + N_BULK);

  gtk_editable_set_text (search, "");
  gtk_column_view_sort_by_column (column_view, name_column, GTK_SORT_ASCENDING);
  dg_ui_test_wait_for (dg_customer_list_get_text (list)[0] == '\0');
  dg_ui_test_wait_for (dg_customers_test_n_items () == n_before + N_BULK);

  /* An edit that moves a row from the top to the bottom while the user
   * looks at the middle: the same rows stay on screen, little is built. */
  {
    g_autofree char *shown = NULL;
    gint64 moved = dg_customers_test_find_id ("Bulk 00010");

    scroll_to_row (5000);
    dg_ui_test_wait_painted (GTK_WIDGET (dg_customers_test_get_window ()), 2);
    shown = dg_customers_test_dup_name (5000);
    dg_ui_test_wait_for (shown_cell (shown, 0) != NULL);

    built = dg_customer_list_get_n_built (list);
    dg_customers_test_update_field (moved, "name", "Bulk 09999 moved");
    dg_ui_test_wait_painted (GTK_WIDGET (dg_customers_test_get_window ()), 2);
    g_test_message ("Moving edit built %u rows", dg_customer_list_get_n_built (list) - built);
    g_assert_cmpuint (dg_customer_list_get_n_built (list) - built, <=, MAX_BUILT);
    g_assert_nonnull (shown_cell (shown, 0));
    {
      g_autofree char *before_moved = dg_customers_test_dup_name (dg_customer_list_find (list, moved) - 1);

      g_assert_cmpstr (before_moved, ==, "Bulk 09999");
    }

    dg_customers_test_update_field (moved, "name", "Bulk 00010");
    dg_ui_test_wait_painted (GTK_WIDGET (dg_customers_test_get_window ()), 2);
    g_assert_nonnull (shown_cell (shown, 0));
  }
}

/* A new window reads only the rows it can show before its first frame,
 * and the rest, with their count, once the list is on screen. */
static void
test_first_rows (DgUiFixture   *fixture,
                 gconstpointer  data)
{
  DgWindow *main_window = dg_customers_test_get_window ();
  DgCustomerQuery query = { .archived = DG_ARCHIVED_EXCLUDE };
  g_autofree char *count = NULL;
  DgCustomersView *view;
  DgCustomerList *list;
  GtkWindow *window;
  gint64 total;
  guint first;

  /* The six, and the ten thousand selection-keeps-customer adds. */
  insert_customers ();
  dg_customers_test_insert_generated (N_BULK);

  total = dg_customers_count (dg_customers_test_get_database (), &query, NULL);
  g_assert_cmpint (total, >, 1000);

  window = GTK_WINDOW (dg_window_new (dg_customers_test_get_app (), dg_window_get_context (main_window)));
  /* The window opens on Today: the Customers page is built when asked for. */
  g_assert_null (dg_ui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_CUSTOMERS_VIEW));
  view = DG_CUSTOMERS_VIEW (dg_window_get_page (DG_WINDOW (window), "customers"));
  list = dg_customers_view_get_list (view);

  first = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_test_message ("The first frame reads %u rows", first);
  g_assert_false (dg_customer_list_is_complete (list));
  g_assert_false (dg_customer_list_is_loading (list));
  g_assert_cmpuint (first, >=, 16);
  g_assert_cmpuint (first, <=, 128);
  g_assert_cmpuint (dg_customer_list_get_n_built (list), <=, first);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (dg_ui_test_find_by_id (GTK_WIDGET (view), "count_label"))), ==, "");

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (dg_ui_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)),
                                         "customers");
  gtk_window_present (window);
  dg_ui_test_wait_for (dg_customer_list_is_complete (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, total);
  count = g_strdup_printf (ngettext ("%u customer", "%u customers", total), (guint) total);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (dg_ui_test_find_by_id (GTK_WIDGET (view), "count_label"))), ==, count);

  /* A page not shown yet is not built; shown, it is, with the context. */
  g_assert_null (dg_ui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_CALENDAR_VIEW));
  g_assert_null (dg_ui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_CUSTOMER_PAGE));
  {
    DgCustomerPage *page = dg_customers_view_get_customer_page (view);

    g_assert_true (dg_ui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_CUSTOMER_PAGE) == GTK_WIDGET (page));
    g_assert_true (dg_customers_view_get_customer_page (view) == page);
    g_assert_true (dg_customer_page_get_context (page) == dg_window_get_context (main_window));
  }
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (dg_ui_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)),
                                         "calendar");
  {
    GtkWidget *calendar = dg_ui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_CALENDAR_VIEW);

    g_assert_nonnull (calendar);
    g_assert_true (calendar == dg_window_get_page (DG_WINDOW (window), "calendar"));
    g_assert_true (dg_calendar_view_get_context (DG_CALENDAR_VIEW (calendar)) == dg_window_get_context (main_window));
    dg_ui_test_wait_for (gtk_widget_get_mapped (calendar));
  }
  g_assert_null (dg_window_get_page (DG_WINDOW (window), "no-such-page"));

  gtk_window_destroy (window);
}

/* The row on screen whose name cell reads @name. */
static GtkWidget *
wait_for_row (const char *name)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (dg_customers_test_view_child ("column_view"));
  GtkWidget *row = NULL;

  dg_ui_test_wait_for ((row = dg_ui_test_column_view_find_row (column_view, 0, name)) != NULL);

  return row;
}

/* Keys pressed for real, through the X server, as a user would: what the
 * shortcut controllers and the search field's key capture do with them is
 * part of what is tested. */
static void
test_real_keys (DgUiFixture   *fixture,
                gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (dg_customers_view_get_customer_page (dg_customers_test_get_view ()));
  GtkWidget *leaflet = dg_customers_test_view_child ("leaflet");
  DgCustomerEditor *editor;
  gint64 park;

  if (!dg_ui_test_can_send_input ())
    {
      g_test_skip ("Needs an X11 display and xdotool");
      return;
    }

  insert_customers ();
  dg_customers_test_show_page ();
  dg_ui_test_wait_painted (GTK_WIDGET (dg_customers_test_get_window ()), 1);
  g_assert_cmpuint (dg_customers_test_n_items (), ==, 6);
  park = dg_customers_test_find_id ("박지성");

  /* Pick a row, press Delete: the customer goes, with Undo. */
  dg_ui_test_click (wait_for_row ("박지성"));
  dg_ui_test_wait_for (dg_customers_test_selected_id () == park);
  dg_ui_test_send_keys (GTK_WIDGET (dg_customers_test_get_window ()), "Delete");
  dg_ui_test_wait_for (dg_customers_test_n_items () == 5);
  g_assert_null (dg_customers_get (dg_customers_test_get_database (), park, NULL));
  {
    GtkWidget *undo;

    dg_ui_test_wait_for ((undo = dg_ui_test_find_button (GTK_WIDGET (dg_customers_test_get_window ()), _("Undo"))) != NULL);
    gtk_widget_activate (undo);
  }
  dg_ui_test_wait_for (dg_customers_test_n_items () == 6);
  g_assert_nonnull (wait_for_row ("박지성"));

  /* Enter opens the row picked. */
  dg_ui_test_click (wait_for_row ("이민호"));
  dg_ui_test_wait_for (dg_customers_test_selected_id () == dg_customers_test_find_id ("이민호"));
  dg_ui_test_send_keys (GTK_WIDGET (dg_customers_test_get_window ()), "Return");
  dg_ui_test_wait_for (adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet)) == page);
  g_assert_cmpstr (dg_customer_get_name (dg_customer_page_get_customer (DG_CUSTOMER_PAGE (page))), ==, "이민호");
  dg_customers_test_activate ("customers.back");
  dg_ui_test_wait_for (adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet)) == dg_customers_test_view_child ("list_box"));

  /* Typing in the list searches. */
  dg_ui_test_click (wait_for_row ("Bob Stone"));
  dg_ui_test_send_keys (GTK_WIDGET (dg_customers_test_get_window ()), "b");
  dg_ui_test_wait_for (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (dg_customers_test_view_child ("search_entry"))), "b") == 0);
  gtk_editable_set_text (GTK_EDITABLE (dg_customers_test_view_child ("search_entry")), "");
  dg_ui_test_wait_for (dg_customers_test_n_items () == 6);

  /* Ctrl+N opens the form. */
  dg_ui_test_send_keys (GTK_WIDGET (dg_customers_test_get_window ()), "ctrl+n");
  editor = dg_customers_test_wait_for_editor ();
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  dg_ui_test_wait_for (editor == NULL);
}

/* A list query that fails is shown above the rows, with its reason, until
 * one succeeds. */
static void
test_list_error_is_shown (DgUiFixture   *fixture,
                          gconstpointer  data)
{
  GtkRevealer *revealer = GTK_REVEALER (dg_customers_test_view_child ("error_revealer"));
  GtkEditable *search = GTK_EDITABLE (dg_customers_test_view_child ("search_entry"));
  DgCustomerList *list = dg_customers_view_get_list (dg_customers_test_get_view ());
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  insert_customers ();
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpuint (dg_customers_test_n_items (), ==, 6);

  /* Break what a short search reads, as damage to the file would. */
  g_assert_true (dg_database_exec (dg_customers_test_get_database (), "ALTER TABLE customer_pieces RENAME TO customer_pieces_away", &error));
  g_assert_no_error (error);
  gtk_editable_set_text (search, "민");
  dg_ui_test_wait_for (gtk_revealer_get_reveal_child (revealer));

  g_assert_nonnull (dg_customer_list_get_error (list));
  expected = g_strdup_printf (_("Could not update the customer list, so it may be out of date: %s"),
                              dg_customer_list_get_error (list)->message);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (dg_customers_test_view_child ("error_label"))), ==, expected);
  /* The rows found before stay. */
  g_assert_cmpuint (dg_customers_test_n_items (), ==, 6);
  dg_customers_test_screenshot (GTK_WIDGET (dg_customers_test_get_window ()), "customers-list-error");

  /* Repaired, Try Again finds the customers and the message goes. */
  g_assert_true (dg_database_exec (dg_customers_test_get_database (), "ALTER TABLE customer_pieces_away RENAME TO customer_pieces", &error));
  g_assert_no_error (error);
  gtk_widget_activate (dg_customers_test_view_child ("retry_button"));
  dg_ui_test_wait_for (!gtk_revealer_get_reveal_child (revealer));
  g_assert_null (dg_customer_list_get_error (list));
  g_assert_cmpuint (dg_customers_test_n_items (), ==, 3);

  gtk_editable_set_text (search, "");
  dg_ui_test_wait_for (dg_customers_test_n_items () == 6);
}

/* What a list view sees of the selection: its own copy of the ids, changed
 * only through items-changed, checked against the model after each one. */
typedef struct
{
  GListModel *model;
  GArray     *mirror;
  guint       n_signals;
} SelectionWatch;

static gint64
model_item_id (GListModel *model,
               guint       position)
{
  g_autoptr(DgCustomer) customer = g_list_model_get_item (model, position);

  g_assert_nonnull (customer);

  return dg_customer_get_id (customer);
}

static void
on_watched_items_changed_cb (GListModel     *model,
                             guint           position,
                             guint           removed,
                             guint           added,
                             SelectionWatch *watch)
{
  g_autoptr(GtkBitset) selected = NULL;
  gint64 selected_id;

  watch->n_signals++;
  g_assert_cmpuint (position + removed, <=, watch->mirror->len);
  g_array_remove_range (watch->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      gint64 id = model_item_id (model, position + i);

      g_array_insert_val (watch->mirror, position + i, id);
    }

  /* Every row, even between the two halves of a change told in two. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, watch->mirror->len);
  for (guint i = 0; i < watch->mirror->len; i++)
    g_assert_cmpint (model_item_id (model, i), ==, g_array_index (watch->mirror, gint64, i));
  g_assert_null (g_list_model_get_item (model, watch->mirror->len));

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (model));
  selected_id = dg_customer_selection_get_selected_id (DG_CUSTOMER_SELECTION (model));
  if (!gtk_bitset_is_empty (selected))
    {
      g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
      g_assert_cmpint (g_array_index (watch->mirror, gint64, gtk_bitset_get_minimum (selected)), ==, selected_id);
    }
}

static void
add_bulk (DgDatabase *db,
          guint       n)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_database_begin (db, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DgCustomer) customer = dg_customer_new ();
      g_autofree char *name = g_strdup_printf ("%s %05u", i % 2 ? "김민" : "Kim", i);
      g_autofree char *phone = g_strdup_printf ("010-%04u-%04u", (i * 7919) % 10000, i);

      dg_customer_set_name (customer, name);
      dg_customer_set_phone (customer, phone);
      dg_customers_insert (db, customer, &error);
      g_assert_no_error (error);
    }
  g_assert_true (dg_database_commit (db, &error));
}

static void
count_notify_cb (guint *count)
{
  (*count)++;
}

/* The selection finds its customer by id, building nothing, and what it
 * tells a view stays consistent, however it splits a change. */
static void
test_selection_model (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(DgCustomerList) list = NULL;
  g_autoptr(DgCustomerSelection) selection = NULL;
  g_autoptr(GError) error = NULL;
  SelectionWatch watch = { 0 };
  guint n_item_notifies = 0;
  gint64 picked, moved;
  guint built;

  add_bulk (db, 3000);
  list = dg_customer_list_new (db);
  selection = dg_customer_selection_new (list);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (selection)) == DG_TYPE_CUSTOMER);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 3000);
  g_assert_cmpuint (dg_customer_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  g_assert_null (dg_customer_selection_get_selected_item (selection));

  g_assert_true (gtk_selection_model_select_item (GTK_SELECTION_MODEL (selection), 2000, TRUE));
  picked = dg_customer_selection_get_selected_id (selection);
  g_assert_cmpint (picked, ==, dg_customer_list_get_id (list, 2000));
  g_assert_cmpint (dg_customer_get_id (dg_customer_selection_get_selected_item (selection)), ==, picked);
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (selection), 2000));
  g_signal_connect_swapped (selection, "notify::selected-item", G_CALLBACK (count_notify_cb), &n_item_notifies);

  /* Sorts and searches that keep the customer: found by id, nothing built. */
  built = dg_customer_list_get_n_built (list);
  dg_customer_list_set_sort (list, DG_CUSTOMER_SORT_PHONE, TRUE);
  dg_customer_list_set_text (list, "김민");
  dg_customer_list_set_sort (list, DG_CUSTOMER_SORT_NAME, TRUE);
  g_assert_cmpuint (dg_customer_list_get_n_built (list), ==, built);
  g_assert_cmpint (dg_customer_selection_get_selected_id (selection), ==, picked);
  g_assert_cmpuint (dg_customer_selection_get_selected (selection), ==, dg_customer_list_find (list, picked));
  g_assert_cmpuint (n_item_notifies, ==, 0);

  /* A search without it: nothing selected. */
  dg_customer_list_set_text (list, "Kim");
  g_assert_cmpuint (dg_customer_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpint (dg_customer_selection_get_selected_id (selection), ==, 0);
  g_assert_null (dg_customer_selection_get_selected_item (selection));
  g_assert_cmpuint (n_item_notifies, ==, 1);
  g_assert_cmpuint (dg_customer_list_get_n_built (list), ==, built);
  dg_customer_list_set_text (list, NULL);
  g_assert_cmpint (dg_customer_selection_get_selected_id (selection), ==, 0);

  /* Selecting by id, and unselecting as Ctrl+click does. */
  g_assert_true (dg_customer_selection_select_id (selection, picked));
  g_assert_false (dg_customer_selection_select_id (selection, 999999));
  g_assert_cmpint (dg_customer_selection_get_selected_id (selection), ==, picked);
  g_assert_true (gtk_selection_model_unselect_item (GTK_SELECTION_MODEL (selection),
                                                    dg_customer_selection_get_selected (selection)));
  g_assert_cmpint (dg_customer_selection_get_selected_id (selection), ==, 0);
  g_assert_true (dg_customer_selection_select_id (selection, picked));

  /* What a view sees, change by change. */
  watch.model = G_LIST_MODEL (selection);
  watch.mirror = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      gint64 id = dg_customer_list_get_id (list, i);

      g_array_append_val (watch.mirror, id);
    }
  g_signal_connect (selection, "items-changed", G_CALLBACK (on_watched_items_changed_cb), &watch);

  /* A new order: every row goes, then comes back. */
  dg_customer_list_set_sort (list, DG_CUSTOMER_SORT_PHONE, FALSE);
  g_assert_cmpuint (watch.n_signals, ==, 2);

  /* One row moving far, either way: that row alone. */
  moved = dg_customer_list_get_id (list, 10);
  {
    g_autoptr(DgCustomer) customer = dg_customers_get (db, moved, &error);

    g_assert_no_error (error);
    dg_customer_set_phone (customer, "019-9999-9999");
    watch.n_signals = 0;
    dg_customers_update (db, customer, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (watch.n_signals, ==, 2);
    g_assert_cmpuint (dg_customer_list_find (list, moved), ==, 2999);

    dg_customer_set_phone (customer, "00-0000-0000");
    dg_customers_update (db, customer, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (dg_customer_list_find (list, moved), ==, 0);
  }

  /* The selected row itself moving, then going. */
  {
    g_autoptr(DgCustomer) customer = dg_customers_get (db, picked, &error);

    g_assert_no_error (error);
    dg_customer_set_phone (customer, "010-0000-0001");
    dg_customers_update (db, customer, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (dg_customer_selection_get_selected (selection), ==, dg_customer_list_find (list, picked));
    g_assert_cmpstr (dg_customer_get_phone (dg_customer_selection_get_selected_item (selection)), ==, "010-0000-0001");

    dg_customers_set_archived (db, picked, TRUE, &error);
    g_assert_no_error (error);
    g_assert_cmpint (dg_customer_selection_get_selected_id (selection), ==, 0);
  }

  /* A narrower search, and everyone again. */
  dg_customer_list_set_text (list, "김민 01");
  dg_customer_list_set_text (list, NULL);
  g_assert_cmpuint (watch.mirror->len, ==, 2999);

  g_signal_handlers_disconnect_by_data (selection, &watch);
  g_clear_pointer (&watch.mirror, g_array_unref);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/selection/model", test_selection_model);
  DG_CUSTOMERS_TEST_ADD ("/ui/customer-list/setup", test_setup);
  DG_CUSTOMERS_TEST_ADD ("/ui/customer-list/rows-follow-edits", test_rows_follow_edits);
  DG_CUSTOMERS_TEST_ADD ("/ui/customer-list/real-keys", test_real_keys);
  DG_CUSTOMERS_TEST_ADD ("/ui/customer-list/list-error-is-shown", test_list_error_is_shown);
  DG_CUSTOMERS_TEST_ADD ("/ui/customer-list/selection-keeps-customer", test_selection_keeps_customer);
  DG_CUSTOMERS_TEST_ADD ("/ui/customer-list/first-rows", test_first_rows);

  return g_test_run ();
}
