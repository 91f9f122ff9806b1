/* test-ui-customer-list-selection.c
 *
 * Selecting many customers in the real window, at 100,000 customers: real
 * clicks with Ctrl and Shift, Shift+arrows, Ctrl+A and Escape, a selection
 * that keeps its customers by id across a new sort and a search, the
 * selection bar's count in English and Korean, and copying the phone
 * numbers of everyone selected, and tagging everyone selected in one
 * transaction, all without building more rows than the window shows.
 * Each case stores the 100,000 customers on a database of its own
 * (dg-ui-fixture.h).
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-customer-selection.h"
#include "dg-customers-test-util.h"
#include "dg-test-util.h"
#include "dg-ui-test-util.h"

#define N_CUSTOMERS 100000
/* GTK 4.8's list view keeps up to 200 row widgets around the top row it
 * shows; the list builds rows 64 at a time. */
#define VIEW_ROWS 200
#define PAGE_ROWS 64
#define MAX_BUILT (((VIEW_ROWS + PAGE_ROWS - 1) / PAGE_ROWS) * PAGE_ROWS)

static DgCustomerList *
get_list (void)
{
  return dg_customers_view_get_list (dg_customers_test_get_view ());
}

static DgCustomerSelection *
get_selection (void)
{
  return DG_CUSTOMER_SELECTION (dg_customers_test_get_selection ());
}

static guint
n_selected (void)
{
  return dg_customer_selection_get_n_selected (get_selection ());
}

/* Whether exactly the rows at @positions (ending with G_MAXUINT) are
 * selected, asked through GTK's interface for the rows around them. */
static gboolean
selected_rows_are (const guint *positions)
{
  GtkSelectionModel *model = dg_customers_test_get_selection ();
  g_autoptr(GtkBitset) shown = gtk_selection_model_get_selection_in_range (model, 0, 50);
  g_autoptr(GtkBitset) wanted = gtk_bitset_new_empty ();

  for (guint i = 0; positions[i] != G_MAXUINT; i++)
    gtk_bitset_add (wanted, positions[i]);

  return gtk_bitset_equals (shown, wanted) &&
         n_selected () == gtk_bitset_get_size (wanted);
}

#define SELECTED_ROWS_ARE(...) selected_rows_are ((const guint[]) { __VA_ARGS__, G_MAXUINT })

static GtkWidget *
row_widget (guint position)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (dg_customers_test_view_child ("column_view"));
  g_autofree char *name = g_strdup_printf ("Bulk %06u", position);
  GtkWidget *row = NULL;

  dg_ui_test_wait_for ((row = dg_ui_test_column_view_find_row (column_view, 0, name)) != NULL);

  return row;
}

static const char *
bar_text (void)
{
  return gtk_label_get_text (GTK_LABEL (dg_customers_test_view_child ("selection_label")));
}

static gboolean
bar_shown (void)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (dg_customers_test_view_child ("selection_revealer")));
}

static void
scroll_to_row (guint position)
{
  GtkWidget *list_view = dg_ui_test_find_by_type (dg_customers_test_view_child ("column_view"), GTK_TYPE_LIST_VIEW);

  g_assert_true (gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position));
}

/* Every case starts here: its customers stored on its fresh database,
 * sorted by name, nothing selected, the top of the list on screen. */
static void
start (void)
{
  GtkColumnView *column_view;
  g_autoptr(GtkColumnViewColumn) name_column = NULL;

  dg_customers_test_show_page ();
  g_assert_cmpint (dg_customers_test_count_all (), ==, 0);
  dg_customers_test_insert_generated (N_CUSTOMERS);

  column_view = GTK_COLUMN_VIEW (dg_customers_test_view_child ("column_view"));
  name_column = g_list_model_get_item (gtk_column_view_get_columns (column_view), 0);
  gtk_column_view_sort_by_column (column_view, name_column, GTK_SORT_ASCENDING);
  gtk_editable_set_text (GTK_EDITABLE (dg_customers_test_view_child ("search_entry")), "");
  dg_ui_test_wait_for (dg_customers_test_n_items () == N_CUSTOMERS);
  gtk_selection_model_unselect_all (dg_customers_test_get_selection ());
  scroll_to_row (0);
  dg_ui_test_wait_painted (GTK_WIDGET (dg_customers_test_get_window ()), 2);
  g_assert_cmpuint (n_selected (), ==, 0);
  g_assert_false (bar_shown ());
}

/* Click, Ctrl+click, Shift+click, Shift+arrows and Escape through the X
 * server, as a user gives them. */
static void
test_pointer_and_keys (DgUiFixture   *fixture,
                       gconstpointer  data)
{
  start ();
  if (!dg_ui_test_can_send_input ())
    {
      g_test_skip ("Needs an X11 display and xdotool");
      return;
    }

  dg_ui_test_click (row_widget (2));
  dg_ui_test_wait_for (SELECTED_ROWS_ARE (2));
  g_assert_cmpint (dg_customer_selection_get_selected_id (get_selection ()), ==, dg_customer_list_get_id (get_list (), 2));
  g_assert_false (bar_shown ());

  dg_ui_test_click_with (row_widget (5), "shift");
  dg_ui_test_wait_for (SELECTED_ROWS_ARE (2, 3, 4, 5));
  g_assert_true (bar_shown ());
  g_assert_null (dg_customer_selection_get_selected_item (get_selection ()));

  dg_ui_test_click_with (row_widget (8), "ctrl");
  dg_ui_test_wait_for (SELECTED_ROWS_ARE (2, 3, 4, 5, 8));
  dg_ui_test_click_with (row_widget (3), "ctrl");
  dg_ui_test_wait_for (SELECTED_ROWS_ARE (2, 4, 5, 8));
  dg_ui_test_wait_for (g_strcmp0 (bar_text (), "4 selected") == 0 || g_strcmp0 (bar_text (), "4명 선택됨") == 0);
  dg_customers_test_screenshot (GTK_WIDGET (dg_customers_test_get_window ()), "customers-selection-rows");

  /* Escape in the list lets go of all of them. */
  dg_ui_test_send_keys (row_widget (3), "Escape");
  dg_ui_test_wait_for (n_selected () == 0);
  dg_ui_test_wait_for (!bar_shown ());

  /* Shift+Down twice from a clicked row: that row and the two below. */
  dg_ui_test_click (row_widget (10));
  dg_ui_test_wait_for (SELECTED_ROWS_ARE (10));
  dg_ui_test_send_keys (row_widget (10), "shift+Down");
  dg_ui_test_wait_for (SELECTED_ROWS_ARE (10, 11));
  dg_ui_test_send_keys (row_widget (11), "shift+Down");
  dg_ui_test_wait_for (SELECTED_ROWS_ARE (10, 11, 12));
  dg_ui_test_send_keys (row_widget (12), "shift+Up");
  dg_ui_test_wait_for (SELECTED_ROWS_ARE (10, 11));

  /* With several selected, the actions on one customer wait, and Enter
   * and Delete do nothing. */
  g_assert_null (dg_customer_selection_get_selected_item (get_selection ()));
  dg_ui_test_send_keys (row_widget (11), "Delete");
  dg_ui_test_send_keys (row_widget (11), "Return");
  dg_ui_test_flush ();
  g_assert_cmpint (dg_customers_test_count_all (), ==, N_CUSTOMERS);
  g_assert_true (SELECTED_ROWS_ARE (10, 11));

  /* A plain click picks one row again. */
  dg_ui_test_click (row_widget (4));
  dg_ui_test_wait_for (SELECTED_ROWS_ARE (4));

  /* A double-click on a row, among several selected, opens that one. */
  dg_ui_test_click_with (row_widget (6), "shift");
  dg_ui_test_wait_for (SELECTED_ROWS_ARE (4, 5, 6));
  dg_ui_test_double_click (row_widget (9));
  dg_ui_test_wait_for (adw_leaflet_get_visible_child (ADW_LEAFLET (dg_customers_test_view_child ("leaflet"))) ==
                       GTK_WIDGET (dg_customers_view_get_customer_page (dg_customers_test_get_view ())));
  g_assert_cmpint (dg_customer_get_id (dg_customer_page_get_customer (dg_customers_view_get_customer_page (dg_customers_test_get_view ()))),
                   ==, dg_customer_list_get_id (get_list (), 9));
  g_assert_true (SELECTED_ROWS_ARE (9));
  dg_customers_test_activate ("customers.back");
}

/* Rows picked stay picked, by customer, through a new sort and a search;
 * those a search leaves out are no longer selected. */
static void
test_kept_by_id (DgUiFixture   *fixture,
                 gconstpointer  data)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (dg_customers_test_view_child ("column_view"));
  GtkEditable *search = GTK_EDITABLE (dg_customers_test_view_child ("search_entry"));
  g_autoptr(GtkColumnViewColumn) name_column = g_list_model_get_item (gtk_column_view_get_columns (column_view), 0);
  g_autoptr(GtkColumnViewColumn) phone_column = g_list_model_get_item (gtk_column_view_get_columns (column_view), 1);
  GtkSelectionModel *model = dg_customers_test_get_selection ();
  DgCustomerList *list = get_list ();
  g_autoptr(GArray) picked = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ids = NULL;
  guint built;

  start ();
  g_assert_true (gtk_selection_model_select_item (model, 7, TRUE));
  g_assert_true (gtk_selection_model_select_item (model, 70, FALSE));
  g_assert_true (gtk_selection_model_select_range (model, 700, 3, FALSE));
  g_assert_cmpuint (n_selected (), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      guint position = (guint[]) { 7, 70, 700, 701, 702 }[i];
      gint64 id = dg_customer_list_get_id (list, position);

      g_array_append_val (picked, id);
    }

  /* By phone, descending: the five are at the far end now, still picked. */
  built = dg_customer_list_get_n_built (list);
  gtk_column_view_sort_by_column (column_view, phone_column, GTK_SORT_DESCENDING);
  dg_ui_test_wait_painted (GTK_WIDGET (dg_customers_test_get_window ()), 2);
  g_test_message ("Sort with 5 selected built %u rows", dg_customer_list_get_n_built (list) - built);
  g_assert_cmpuint (dg_customer_list_get_n_built (list) - built, <=, MAX_BUILT);
  g_assert_cmpuint (n_selected (), ==, 5);
  ids = dg_customer_selection_get_selected_ids (get_selection ());
  g_assert_cmpuint (ids->len, ==, 5);
  /* In list order, which the sort reversed. */
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, g_array_index (picked, gint64, 4 - i));
  g_assert_true (gtk_selection_model_is_selected (model, dg_customer_list_find (list, g_array_index (picked, gint64, 0))));
  g_assert_false (gtk_selection_model_is_selected (model, dg_customer_list_find (list, g_array_index (picked, gint64, 0)) + 1));
  g_clear_pointer (&ids, g_array_unref);

  /* A search that keeps three of them: the addresses bulk000700… to
   * bulk000799…. */
  built = dg_customer_list_get_n_built (list);
  gtk_editable_set_text (search, "bulk0007");
  dg_ui_test_wait_for (g_strcmp0 (dg_customer_list_get_text (list), "bulk0007") == 0);
  dg_ui_test_wait_painted (GTK_WIDGET (dg_customers_test_get_window ()), 2);
  g_assert_cmpuint (dg_customer_list_get_n_built (list) - built, <=, MAX_BUILT);
  g_assert_cmpuint (dg_customers_test_n_items (), ==, 100);
  g_assert_cmpuint (n_selected (), ==, 3);
  dg_ui_test_wait_for (g_strcmp0 (bar_text (), "3 selected") == 0 || g_strcmp0 (bar_text (), "3명 선택됨") == 0);

  /* Back to everyone: the two left out stay unselected. */
  gtk_editable_set_text (search, "");
  gtk_column_view_sort_by_column (column_view, name_column, GTK_SORT_ASCENDING);
  dg_ui_test_wait_for (dg_customers_test_n_items () == N_CUSTOMERS);
  g_assert_cmpuint (n_selected (), ==, 3);
  g_assert_false (gtk_selection_model_is_selected (model, 7));
  g_assert_true (gtk_selection_model_is_selected (model, 700));

  gtk_selection_model_unselect_all (model);
  g_assert_cmpuint (n_selected (), ==, 0);
}

/* Ctrl+A at 100,000 customers, the bar, and a copy of every phone number:
 * ids only, no more rows built than the window shows. */
static void
test_select_all (DgUiFixture   *fixture,
                 gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (dg_customers_test_get_view ());
  DgCustomerList *list = get_list ();
  g_autoptr(GArray) ids = NULL;
  g_autofree char *copied = NULL;
  g_auto(GStrv) lines = NULL;
  guint built;

  start ();
  built = dg_customer_list_get_n_built (list);
  if (dg_ui_test_can_send_input ())
    {
      dg_ui_test_click (row_widget (1));
      dg_ui_test_wait_for (n_selected () == 1);
      dg_ui_test_send_keys (row_widget (1), "ctrl+a");
    }
  else
    {
      g_assert_true (gtk_widget_activate_action (view, "customers.select-all", NULL));
    }
  dg_ui_test_wait_for (n_selected () == N_CUSTOMERS);
  dg_ui_test_wait_for (bar_shown ());
  dg_ui_test_wait_painted (GTK_WIDGET (dg_customers_test_get_window ()), 2);

  ids = dg_customer_selection_get_selected_ids (get_selection ());
  g_assert_cmpuint (ids->len, ==, N_CUSTOMERS);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, dg_customer_list_get_id (list, 0));
  g_assert_cmpint (g_array_index (ids, gint64, N_CUSTOMERS - 1), ==, dg_customer_list_get_id (list, N_CUSTOMERS - 1));
  g_assert_true (gtk_selection_model_is_selected (dg_customers_test_get_selection (), N_CUSTOMERS - 1));

  /* The count, in the language of the test. */
  if (g_strcmp0 (g_getenv ("DANGOL_TEST_LANG"), "ko") == 0)
    g_assert_cmpstr (bar_text (), ==, "100000명 선택됨");
  else
    g_assert_cmpstr (bar_text (), ==, "100000 selected");

  /* Every phone number, one per line, in list order. */
  g_assert_true (gtk_widget_activate_action (view, "customers.bulk-copy-phones", "s", "lines"));
  copied = dg_ui_test_read_clipboard (view);
  lines = g_strsplit (copied, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, N_CUSTOMERS);
  g_assert_cmpstr (lines[0], ==, "010-0000-0000");
  g_assert_cmpstr (lines[N_CUSTOMERS - 1], ==, "010-0009-9999");

  g_test_message ("Ctrl+A, the bar and the copy built %u rows", dg_customer_list_get_n_built (list) - built);
  g_assert_cmpuint (dg_customer_list_get_n_built (list) - built, <=, MAX_BUILT);

  dg_customers_test_screenshot (GTK_WIDGET (dg_customers_test_get_window ()), "customers-selection-bar");
  {
    GtkMenuButton *button = GTK_MENU_BUTTON (dg_customers_test_view_child ("bulk_menu_button"));
    g_autofree char *path = NULL;

    gtk_menu_button_popup (button);
    dg_ui_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (button))));
    path = dg_ui_test_screenshot_with_popover (GTK_WIDGET (gtk_menu_button_get_popover (button)),
                                               "customers-selection-menu");
    gtk_menu_button_popdown (button);
  }

  /* Select None in the bar. */
  g_assert_true (gtk_widget_activate_action (view, "customers.select-none", NULL));
  g_assert_cmpuint (n_selected (), ==, 0);
  dg_ui_test_wait_for (!bar_shown ());
}

static void
count_changed_cb (guint *count)
{
  (*count)++;
}

/* Ctrl+A at 100,000 customers, then Add Tag… from the bar: everyone gets
 * the tag in one transaction, and neither the dialog nor the list that
 * follows the change builds more rows than the window shows. */
static void
test_select_all_add_tag (DgUiFixture   *fixture,
                         gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (dg_customers_test_get_view ());
  DgDatabase *db = dg_customers_test_get_database ();
  DgCustomerQuery tagged = { .tag = "봄 강의", .archived = DG_ARCHIVED_INCLUDE };
  DgCustomerList *list = get_list ();
  g_autoptr(GError) error = NULL;
  DgBulkDialog *dialog;
  guint n_changed = 0;
  gint64 begin;
  gulong handler;
  guint built;

  start ();
  built = dg_customer_list_get_n_built (list);
  if (dg_ui_test_can_send_input ())
    {
      dg_ui_test_click (row_widget (1));
      dg_ui_test_wait_for (n_selected () == 1);
      dg_ui_test_send_keys (row_widget (1), "ctrl+a");
    }
  else
    {
      g_assert_true (gtk_widget_activate_action (view, "customers.select-all", NULL));
    }
  dg_ui_test_wait_for (n_selected () == N_CUSTOMERS);
  dg_ui_test_wait_for (bar_shown ());
  g_assert_cmpint (dg_customers_count (db, &tagged, &error), ==, 0);
  g_assert_no_error (error);

  handler = g_signal_connect_swapped (db, "changed::customers", G_CALLBACK (count_changed_cb), &n_changed);
  dg_customers_test_activate ("customers.bulk-add-tag");
  dialog = dg_customers_test_wait_for_bulk_dialog ();
  g_assert_cmpint (dg_bulk_dialog_get_kind (dialog), ==, DG_BULK_DIALOG_ADD_TAG);
  gtk_editable_set_text (GTK_EDITABLE (dg_ui_test_find_by_id (GTK_WIDGET (dialog), "tag_row")), "봄 강의");
  begin = g_get_monotonic_time ();
  dg_customers_test_press_response (dialog, _("_Add Tag"));
  g_test_message ("Tagging %u customers took %.1f ms", N_CUSTOMERS, (g_get_monotonic_time () - begin) / 1000.0);

  /* The list follows the change, with the toast that offers Undo. */
  dg_ui_test_wait_for (n_changed > 0);
  dg_ui_test_wait_for (dg_ui_test_find_button (GTK_WIDGET (dg_customers_test_get_window ()), _("Undo")) != NULL);
  dg_ui_test_wait_painted (GTK_WIDGET (dg_customers_test_get_window ()), 2);
  g_signal_handler_disconnect (db, handler);

  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpint (dg_customers_count (db, &tagged, &error), ==, N_CUSTOMERS);
  g_assert_no_error (error);
  g_test_message ("Ctrl+A and Add Tag built %u rows", dg_customer_list_get_n_built (list) - built);
  g_assert_cmpuint (dg_customer_list_get_n_built (list) - built, <=, MAX_BUILT);
}

typedef struct
{
  guint n_signals;
  guint position;
  guint n_items;
} Changed;

static void
on_selection_changed_cb (GtkSelectionModel *model,
                         guint              position,
                         guint              n_items,
                         Changed           *changed)
{
  changed->n_signals++;
  changed->position = position;
  changed->n_items = n_items;
}

#define ASSERT_CHANGED(changed, n, pos, len)                    \
  G_STMT_START {                                                \
    g_assert_cmpuint ((changed)->n_signals, ==, (n));           \
    g_assert_cmpuint ((changed)->position, ==, (pos));          \
    g_assert_cmpuint ((changed)->n_items, ==, (len));           \
  } G_STMT_END

/* The model alone, on a list of its own no view shows: selecting and
 * unselecting everyone and reading the ids build no row, and each change
 * is told as the one stretch of rows that looks different. */
static void
test_model (DgUiFixture   *fixture,
            gconstpointer  data)
{
  g_autoptr(DgCustomerList) list = NULL;
  g_autoptr(DgCustomerSelection) selection = NULL;
  g_autoptr(GArray) ids = NULL;
  GtkSelectionModel *model;
  Changed changed = { 0 };

  start ();
  list = dg_customer_list_new (dg_customers_test_get_database ());
  selection = dg_customer_selection_new (list);
  model = GTK_SELECTION_MODEL (selection);
  g_signal_connect (selection, "selection-changed", G_CALLBACK (on_selection_changed_cb), &changed);

  {
    gint64 begin = g_get_monotonic_time ();

    g_assert_true (gtk_selection_model_select_all (model));
    ids = dg_customer_selection_get_selected_ids (selection);
    g_test_message ("Selecting %u customers and reading their ids took %.1f ms",
                    N_CUSTOMERS, (g_get_monotonic_time () - begin) / 1000.0);
    g_clear_pointer (&ids, g_array_unref);
  }
  ASSERT_CHANGED (&changed, 1, 0, N_CUSTOMERS);
  g_assert_cmpuint (dg_customer_selection_get_n_selected (selection), ==, N_CUSTOMERS);
  g_assert_true (gtk_selection_model_is_selected (model, N_CUSTOMERS / 2));
  ids = dg_customer_selection_get_selected_ids (selection);
  g_assert_cmpuint (ids->len, ==, N_CUSTOMERS);
  g_assert_null (dg_customer_selection_get_selected_item (selection));
  g_assert_true (gtk_selection_model_unselect_all (model));
  ASSERT_CHANGED (&changed, 2, 0, N_CUSTOMERS);
  g_assert_cmpuint (dg_customer_selection_get_n_selected (selection), ==, 0);
  g_assert_cmpuint (dg_customer_list_get_n_built (list), ==, 0);

  /* One row, then another instead: both rows and those between. */
  g_assert_true (gtk_selection_model_select_item (model, 5, TRUE));
  ASSERT_CHANGED (&changed, 3, 5, 1);
  g_assert_true (gtk_selection_model_select_item (model, 9, TRUE));
  ASSERT_CHANGED (&changed, 4, 5, 5);
  g_assert_cmpint (dg_customer_selection_get_selected_id (selection), ==, dg_customer_list_get_id (list, 9));
  /* Selecting a row already selected changes nothing. */
  g_assert_true (gtk_selection_model_select_item (model, 9, FALSE));
  g_assert_true (gtk_selection_model_select_item (model, 9, TRUE));
  g_assert_cmpuint (changed.n_signals, ==, 4);

  /* Ranges far away: only them. */
  g_assert_true (gtk_selection_model_select_range (model, 70000, 3, FALSE));
  ASSERT_CHANGED (&changed, 5, 70000, 3);
  g_assert_true (gtk_selection_model_unselect_item (model, 70001));
  ASSERT_CHANGED (&changed, 6, 70001, 1);
  g_assert_true (gtk_selection_model_unselect_all (model));
  ASSERT_CHANGED (&changed, 7, 9, 70002 - 9 + 1);

  /* Rubber-band style: the rows of the mask take their state. */
  {
    g_autoptr(GtkBitset) mask = gtk_bitset_new_range (20, 10);
    g_autoptr(GtkBitset) selected = gtk_bitset_new_range (22, 3);
    g_autoptr(GtkBitset) shown = NULL;

    g_assert_true (gtk_selection_model_set_selection (model, selected, mask));
    ASSERT_CHANGED (&changed, 8, 22, 3);
    shown = gtk_selection_model_get_selection (model);
    g_assert_true (gtk_bitset_equals (shown, selected));
  }

  /* Only the one customer held for :selected-item was ever built, with
   * its page. */
  g_assert_cmpuint (dg_customer_list_get_n_built (list), <=, 2 * PAGE_ROWS);
  g_signal_handlers_disconnect_by_data (selection, &changed);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  DG_CUSTOMERS_TEST_ADD ("/ui/list-selection/model", test_model);
  DG_CUSTOMERS_TEST_ADD ("/ui/list-selection/pointer-and-keys", test_pointer_and_keys);
  DG_CUSTOMERS_TEST_ADD ("/ui/list-selection/kept-by-id", test_kept_by_id);
  DG_CUSTOMERS_TEST_ADD ("/ui/list-selection/select-all", test_select_all);
  DG_CUSTOMERS_TEST_ADD ("/ui/list-selection/select-all-add-tag", test_select_all_add_tag);

  return g_test_run ();
}
