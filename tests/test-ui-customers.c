/* test-ui-customers.c
 *
 * Drives the real Customers view on a temporary database: the form with its
 * inline validation, Korean search, the customer page, edit, delete with
 * Undo, archiving, sorting; saves screenshots in the language under test.
 * The cases run in order and share one window, like a user's session.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-application.h"
#include "dg-database-private.h"
#include "dg-customer-editor.h"
#include "dg-customer-page.h"
#include "dg-customer-selection.h"
#include "dg-customers-view.h"
#include "dg-test-util.h"
#include "dg-ui-test-util.h"
#include "dg-window.h"

static DgApplication *app;
static DgWindow *window;

static void show_customers_page (void);

static DgWindow *
get_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (window != NULL)
    return window;

  app = dg_application_new ();
  /* Each test binary is its own app, even while another instance runs. */
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  dg_ui_test_settle_gtk ();

  path = dg_test_temp_path ("dangol.db");
  dg_application_open_database (app, path, &error);
  g_assert_no_error (error);

  g_application_activate (G_APPLICATION (app));
  window = DG_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (DG_IS_WINDOW (window));

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  /* Toasts stay until pressed or replaced: the Undo cases take several
   * steps, which a loaded machine may take longer than a toast's 5 s. */
  dg_window_set_toast_timeout (window, 0);
  show_customers_page ();
  dg_ui_test_wait_painted (GTK_WIDGET (window), 1);

  return window;
}

static DgDatabase *
get_database (void)
{
  return dg_context_get_database (dg_window_get_context (get_window ()));
}

static DgCustomersView *
get_view (void)
{
  GtkWidget *view = dg_ui_test_find_by_type (GTK_WIDGET (get_window ()), DG_TYPE_CUSTOMERS_VIEW);

  g_assert_nonnull (view);

  return DG_CUSTOMERS_VIEW (view);
}

/* A widget of the view's template, else the first descendant with @id:
 * widgets inside the view have ids of their own (a drop-down's popover
 * holds a "search_entry"). */
static GtkWidget *
view_child (const char *id)
{
  GtkWidget *view = GTK_WIDGET (get_view ());
  GObject *object = gtk_widget_get_template_child (view, DG_TYPE_CUSTOMERS_VIEW, id);
  GtkWidget *child;

  if (GTK_IS_WIDGET (object))
    return GTK_WIDGET (object);

  child = dg_ui_test_find_by_id (view, id);
  g_assert_nonnull (child);

  return child;
}

static guint
list_n_items (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (dg_customers_view_get_list (get_view ())));
}

/* The name shown in row @position. */
static char *
list_dup_name (guint position)
{
  g_autoptr(DgCustomer) customer = NULL;

  customer = g_list_model_get_item (G_LIST_MODEL (dg_customers_view_get_list (get_view ())), position);
  g_assert_nonnull (customer);

  return g_strdup (dg_customer_get_name (customer));
}

/* The column view's selection, through GTK's interface only. */
static GtkSelectionModel *
get_selection (void)
{
  return gtk_column_view_get_model (GTK_COLUMN_VIEW (view_child ("column_view")));
}

/* The id of the one selected customer, or 0. */
static gint64
selected_id (void)
{
  GtkSelectionModel *selection = get_selection ();
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
  g_autoptr(DgCustomer) customer = NULL;

  if (gtk_bitset_is_empty (selected))
    return 0;

  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
  customer = g_list_model_get_item (G_LIST_MODEL (selection), gtk_bitset_get_minimum (selected));

  return dg_customer_get_id (customer);
}

static gboolean
list_shows_only (const char *name)
{
  g_autofree char *first = NULL;

  if (list_n_items () != 1)
    return FALSE;

  first = list_dup_name (0);

  return g_strcmp0 (first, name) == 0;
}

static gint64
count_all (void)
{
  DgCustomerQuery query = { .archived = DG_ARCHIVED_INCLUDE };

  return dg_customers_count (get_database (), &query, NULL);
}

static void
activate_view_action (const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_view ()), name, NULL));
}

static GtkWidget *
editor_child (DgCustomerEditor *editor,
              const char       *id)
{
  GtkWidget *child = dg_ui_test_find_by_id (GTK_WIDGET (editor), id);

  g_assert_nonnull (child);

  return child;
}

static void
editor_set_text (DgCustomerEditor *editor,
                 const char       *id,
                 const char       *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, id)), text);
}

static DgCustomerEditor *
wait_for_editor (void)
{
  DgCustomerEditor *editor = NULL;

  dg_ui_test_wait_for ((editor = (DgCustomerEditor *)dg_ui_test_find_window (DG_TYPE_CUSTOMER_EDITOR)) != NULL);
  dg_ui_test_wait_painted (GTK_WIDGET (editor), 1);

  return editor;
}

static void
take_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autofree char *path = dg_ui_test_screenshot (widget, name);
  g_autoptr(GBytes) png = dg_test_read_file (path);

  g_assert_nonnull (png);
  g_assert_cmpuint (g_bytes_get_size (png), >, 1000);
}

static void
insert_customer (const char *name,
                 const char *phone,
                 const char *email,
                 const char *organization,
                 const char *tags_text)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_auto(GStrv) tags = dg_tags_parse (tags_text);
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  dg_customer_set_phone (customer, phone);
  dg_customer_set_email (customer, email);
  dg_customer_set_organization (customer, organization);
  dg_customer_set_tags (customer, (const char * const *)tags);
  dg_customers_insert (get_database (), customer, &error);
  g_assert_no_error (error);
}

static void
test_empty_state (void)
{
  GtkStack *stack;

  get_window ();
  stack = GTK_STACK (view_child ("list_stack"));

  g_assert_cmpint (count_all (), ==, 0);
  dg_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "empty") == 0);
  g_assert_true (gtk_widget_get_visible (view_child ("empty_add_button")));

  take_screenshot (GTK_WIDGET (window), "customers-empty");
}

static void
test_add_with_validation (void)
{
  DgCustomerEditor *editor;
  GtkWidget *email_error_row;
  GtkLabel *email_error;
  GtkTextBuffer *note;

  activate_view_action ("customers.new");
  editor = wait_for_editor ();
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);

  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (window));

  editor_set_text (editor, "name_row", "김민수");
  editor_set_text (editor, "phone_row", "010-1234-5678");
  editor_set_text (editor, "email_row", "minsu@example");
  editor_set_text (editor, "organization_row", "Hanbit Consulting");
  editor_set_text (editor, "source_row", "Blog");
  editor_set_text (editor, "birthday_row", "1988-04-12");
  editor_set_text (editor, "tags_row", "VIP, workshop");
  note = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor_child (editor, "note_view")));
  gtk_text_buffer_set_text (note, "Prefers calls after 6 pm.\nAsked about the spring workshop.", -1);
  gtk_switch_set_active (GTK_SWITCH (editor_child (editor, "consent_switch")), TRUE);

  /* The malformed email is pointed out as it is typed, under its field. */
  email_error_row = editor_child (editor, "email_error_row");
  email_error = GTK_LABEL (editor_child (editor, "email_error"));
  g_assert_true (gtk_widget_get_visible (email_error_row));
  g_assert_true (gtk_widget_has_css_class (editor_child (editor, "email_row"), "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (email_error), "minsu@example"));
  g_assert_false (gtk_widget_get_visible (editor_child (editor, "name_error_row")));

  /* Save is refused, nothing is written, and the bad field gets focus. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  dg_ui_test_flush ();
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpint (count_all (), ==, 0);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (editor)),
                                         editor_child (editor, "email_row")));
  take_screenshot (GTK_WIDGET (editor), "editor-invalid");

  editor_set_text (editor, "email_row", "minsu@example.com");
  g_assert_false (gtk_widget_get_visible (email_error_row));
  g_assert_false (gtk_widget_has_css_class (editor_child (editor, "email_row"), "error"));
  take_screenshot (GTK_WIDGET (editor), "editor");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  dg_ui_test_wait_for (editor == NULL);

  g_assert_cmpint (count_all (), ==, 1);
  dg_ui_test_wait_for (list_shows_only ("김민수"));
}

static void
test_list (void)
{
  insert_customer ("Alice Johnson", "010-2222-3333", "alice@example.com", "Sunrise Studio", "workshop");
  insert_customer ("박지성", "010-5555-1212", "jisung.park@example.kr", NULL, "VIP");
  insert_customer ("이민호", "02-345-6789", "minho.lee@example.kr", "한빛 컨설팅", "강의");
  insert_customer ("Bob Stone", "010-7777-8888", "bob@stone.dev", NULL, "newsletter");
  insert_customer ("김민지", "010-3030-4040", "minji@example.kr", NULL, "워크숍, VIP");

  dg_ui_test_wait_for (list_n_items () == 6);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (view_child ("list_stack"))), ==, "list");

  {
    g_autofree char *expected = g_strdup_printf (ngettext ("%u customer", "%u customers", 6), 6);

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (view_child ("count_label"))), ==, expected);
  }

  take_screenshot (GTK_WIDGET (window), "customers-list");
}

static void
test_sort_by_column (void)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (view_child ("column_view"));
  GListModel *columns = gtk_column_view_get_columns (column_view);
  g_autoptr(GtkColumnViewColumn) email_column = NULL;
  g_autoptr(GtkColumnViewColumn) name_column = NULL;
  g_autofree char *first = NULL;

  name_column = g_list_model_get_item (columns, 0);
  email_column = g_list_model_get_item (columns, 2);

  /* The header's sort order reaches the SQL query: emails descending puts
   * bob@stone.dev before alice@example.com and the .kr addresses. */
  gtk_column_view_sort_by_column (column_view, email_column, GTK_SORT_DESCENDING);
  dg_ui_test_wait_for (list_n_items () == 6);
  first = list_dup_name (0);
  g_assert_cmpstr (first, ==, "김민수");
  g_clear_pointer (&first, g_free);
  first = list_dup_name (5);
  g_assert_cmpstr (first, ==, "Alice Johnson");
  g_clear_pointer (&first, g_free);

  gtk_column_view_sort_by_column (column_view, name_column, GTK_SORT_ASCENDING);
  first = list_dup_name (0);
  g_assert_cmpstr (first, ==, "Alice Johnson");
}

/* The text the column view shows in column @column of the row whose name
 * cell reads @name; NULL while no such row is on screen. */
static const char *
shown_cell (const char *name,
            guint       column)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (view_child ("column_view"));
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

static gint64
find_customer_id (const char *name)
{
  DgCustomerList *list = dg_customers_view_get_list (get_view ());

  for (guint i = 0; i < list_n_items (); i++)
    {
      g_autofree char *row_name = list_dup_name (i);

      if (g_strcmp0 (row_name, name) == 0)
        return dg_customer_list_get_id (list, i);
    }

  g_assert_not_reached ();
}

static void
update_field (gint64      id,
              const char *property,
              const char *value)
{
  g_autoptr(DgCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;

  customer = dg_customers_get (get_database (), id, &error);
  g_assert_no_error (error);
  g_object_set (customer, property, value, NULL);
  dg_customers_update (get_database (), customer, &error);
  g_assert_no_error (error);
}

/* Rows that keep their place show edits made after an earlier change took
 * another row away: the view does not ask for them again, so the objects
 * it holds must change. Read off the cells on screen, not the model. */
static void
test_rows_follow_edits (void)
{
  g_autoptr(GError) error = NULL;
  gint64 park, bob, lee;

  dg_ui_test_wait_painted (GTK_WIDGET (window), 2);
  dg_ui_test_wait_for (row_shows ("Bob Stone", 1, "010-7777-8888"));
  dg_ui_test_wait_for (row_shows ("이민호", 2, "minho.lee@example.kr"));

  park = find_customer_id ("박지성");
  bob = find_customer_id ("Bob Stone");
  lee = find_customer_id ("이민호");
  g_assert_cmpuint (dg_customer_list_find (dg_customers_view_get_list (get_view ()), park), ==, 4);

  dg_customers_set_archived (get_database (), park, TRUE, &error);
  g_assert_no_error (error);
  dg_ui_test_wait_for (list_n_items () == 5);
  dg_ui_test_wait_for (shown_cell ("박지성", 0) == NULL);

  update_field (bob, "phone", "010-1212-3434");
  dg_ui_test_wait_for (row_shows ("Bob Stone", 1, "010-1212-3434"));
  update_field (lee, "email", "minho@example.kr");
  dg_ui_test_wait_for (row_shows ("이민호", 2, "minho@example.kr"));
  dg_ui_test_wait_painted (GTK_WIDGET (window), 1);
  g_assert_true (row_shows ("Bob Stone", 1, "010-1212-3434"));

  /* As it was, for the cases that follow. */
  update_field (bob, "phone", "010-7777-8888");
  update_field (lee, "email", "minho.lee@example.kr");
  dg_customers_set_archived (get_database (), park, FALSE, &error);
  g_assert_no_error (error);
  dg_ui_test_wait_for (list_n_items () == 6);
  dg_ui_test_wait_for (row_shows ("Bob Stone", 1, "010-7777-8888"));
  dg_ui_test_wait_for (row_shows ("이민호", 2, "minho.lee@example.kr"));
  dg_ui_test_wait_for (row_shows ("박지성", 1, "010-5555-1212"));
}

static void
test_search_korean (void)
{
  GtkEditable *search = GTK_EDITABLE (view_child ("search_entry"));

  /* Two Korean characters: below the trigram index's reach. */
  gtk_editable_set_text (search, "민수");
  dg_ui_test_wait_for (list_shows_only ("김민수"));

  {
    g_autofree char *expected = g_strdup_printf (ngettext ("%1$u of %2$u customer", "%1$u of %2$u customers", 6), 1, 6);

    dg_ui_test_wait_for (g_strcmp0 (gtk_label_get_text (GTK_LABEL (view_child ("count_label"))), expected) == 0);
  }

  gtk_editable_set_text (search, "");
  dg_ui_test_wait_for (list_n_items () == 6);

  /* Initial consonants. */
  gtk_editable_set_text (search, "ㄱㅁㅅ");
  dg_ui_test_wait_for (list_shows_only ("김민수"));
  take_screenshot (GTK_WIDGET (window), "customers-search");

  gtk_editable_set_text (search, "ㅁㅅ");
  dg_ui_test_wait_for (list_shows_only ("김민수"));

  /* A search that finds nobody says so, and says what to try. */
  gtk_editable_set_text (search, "zzzz");
  dg_ui_test_wait_for (list_n_items () == 0);
  dg_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (view_child ("list_stack"))),
                                  "no-results") == 0);
  take_screenshot (GTK_WIDGET (window), "customers-no-results");

  gtk_editable_set_text (search, "");
  dg_ui_test_wait_for (list_n_items () == 6);
}

static void
open_customer (const char *name)
{
  DgCustomersView *view = get_view ();
  DgCustomerList *list = dg_customers_view_get_list (view);
  GtkWidget *page = view_child ("customer_page");
  guint position = G_MAXUINT;

  for (guint i = 0; i < list_n_items (); i++)
    {
      g_autofree char *row_name = list_dup_name (i);

      if (g_strcmp0 (row_name, name) == 0)
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);
  (void)list;

  /* What Enter or a double click on a row does. */
  g_signal_emit_by_name (view_child ("column_view"), "activate", position);

  dg_ui_test_wait_for (adw_leaflet_get_visible_child (ADW_LEAFLET (view_child ("leaflet"))) == page);
  dg_ui_test_wait_for (dg_customer_page_get_customer (DG_CUSTOMER_PAGE (page)) != NULL);
  g_assert_cmpstr (dg_customer_get_name (dg_customer_page_get_customer (DG_CUSTOMER_PAGE (page))), ==, name);
}

static void
test_page_and_edit (void)
{
  DgCustomerEditor *editor;
  GtkLabel *phone_value;

  open_customer ("김민수");

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (view_child ("name_label"))), ==, "김민수");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (view_child ("email_value"))), ==, "minsu@example.com");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (view_child ("note_label"))), "spring workshop"));
  phone_value = GTK_LABEL (view_child ("phone_value"));
  g_assert_cmpstr (gtk_label_get_text (phone_value), ==, "010-1234-5678");
  take_screenshot (GTK_WIDGET (window), "customer-page");

  activate_view_action ("customers.edit");
  editor = wait_for_editor ();
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);

  /* The form starts with what is stored. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_child (editor, "name_row"))), ==, "김민수");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_child (editor, "tags_row"))), ==, "VIP, workshop");

  editor_set_text (editor, "phone_row", "010-9876-5432");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  dg_ui_test_wait_for (editor == NULL);

  dg_ui_test_wait_for (g_strcmp0 (gtk_label_get_text (phone_value), "010-9876-5432") == 0);
}

static void
test_delete_and_undo (void)
{
  DgCustomerPage *page = DG_CUSTOMER_PAGE (view_child ("customer_page"));
  DgCustomerList *list = dg_customers_view_get_list (get_view ());
  g_autoptr(DgCustomer) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  GtkWidget *undo;
  gint64 id;

  g_assert_nonnull (dg_customer_page_get_customer (page));
  uuid = g_strdup (dg_customer_get_uuid (dg_customer_page_get_customer (page)));
  id = dg_customer_get_id (dg_customer_page_get_customer (page));

  activate_view_action ("customers.delete");

  /* Back on the list, without the row, and with a toast that offers Undo. */
  dg_ui_test_wait_for (adw_leaflet_get_visible_child (ADW_LEAFLET (view_child ("leaflet"))) == view_child ("list_box"));
  dg_ui_test_wait_for (list_n_items () == 5);
  g_assert_cmpuint (dg_customer_list_find (list, id), ==, G_MAXUINT);
  g_assert_null (dg_customers_get_by_uuid (get_database (), uuid, NULL));

  dg_ui_test_wait_for ((undo = dg_ui_test_find_button (GTK_WIDGET (window), _("_Undo"))) != NULL);
  g_assert_nonnull (gtk_widget_get_ancestor (undo, g_type_from_name ("AdwToastWidget")));
  {
    g_autoptr(AdwToast) toast = NULL;

    g_object_get (gtk_widget_get_ancestor (undo, g_type_from_name ("AdwToastWidget")), "toast", &toast, NULL);
    g_assert_cmpuint (adw_toast_get_timeout (toast), ==, 0);
  }
  take_screenshot (GTK_WIDGET (window), "customers-deleted");

  gtk_widget_activate (undo);

  dg_ui_test_wait_for (list_n_items () == 6);
  restored = dg_customers_get_by_uuid (get_database (), uuid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  g_assert_cmpstr (dg_customer_get_name (restored), ==, "김민수");
  g_assert_cmpstr (dg_customer_get_phone (restored), ==, "010-9876-5432");
  g_assert_cmpuint (g_strv_length ((char **)dg_customer_get_tags (restored)), ==, 2);
  g_assert_cmpuint (dg_customer_list_find (list, dg_customer_get_id (restored)), !=, G_MAXUINT);
}

static void
test_archive_filter (void)
{
  GtkDropDown *filter = GTK_DROP_DOWN (view_child ("archived_dropdown"));
  guint position = G_MAXUINT;

  for (guint i = 0; i < list_n_items (); i++)
    {
      g_autofree char *name = list_dup_name (i);

      if (g_strcmp0 (name, "Bob Stone") == 0)
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);

  g_assert_true (gtk_selection_model_select_item (get_selection (), position, TRUE));
  activate_view_action ("customers.archive");

  /* Archived customers leave the everyday list... */
  dg_ui_test_wait_for (list_n_items () == 5);
  g_assert_cmpint (count_all (), ==, 6);

  /* ...and are found under Archived, and under All. */
  gtk_drop_down_set_selected (filter, 1);
  dg_ui_test_wait_for (list_shows_only ("Bob Stone"));
  gtk_drop_down_set_selected (filter, 2);
  dg_ui_test_wait_for (list_n_items () == 6);

  /* Undo brings it back among the active ones. */
  gtk_drop_down_set_selected (filter, 0);
  dg_ui_test_wait_for (list_n_items () == 5);
  {
    GtkWidget *undo;

    dg_ui_test_wait_for ((undo = dg_ui_test_find_button (GTK_WIDGET (window), _("_Undo"))) != NULL);
    gtk_widget_activate (undo);
  }
  dg_ui_test_wait_for (list_n_items () == 6);

  /* From the page: the badge shows, and the button offers the way back. */
  open_customer ("Bob Stone");
  g_assert_false (gtk_widget_get_visible (view_child ("archived_label")));
  activate_view_action ("customers.archive");
  dg_ui_test_wait_for (gtk_widget_get_visible (view_child ("archived_label")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (view_child ("archive_button"))), ==, _("_Unarchive"));
  take_screenshot (GTK_WIDGET (window), "customer-page-archived");

  activate_view_action ("customers.archive");
  dg_ui_test_wait_for (!gtk_widget_get_visible (view_child ("archived_label")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (view_child ("archive_button"))), ==, _("_Archive"));

  activate_view_action ("customers.back");
  dg_ui_test_wait_for (adw_leaflet_get_visible_child (ADW_LEAFLET (view_child ("leaflet"))) == view_child ("list_box"));
  g_assert_cmpuint (list_n_items (), ==, 6);
}

static void
test_save_error_is_shown (void)
{
  DgCustomerEditor *editor;
  GtkWidget *revealer;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  for (guint i = 0; i < list_n_items (); i++)
    {
      g_autofree char *name = list_dup_name (i);

      if (g_strcmp0 (name, "Alice Johnson") == 0)
        {
          gtk_selection_model_select_item (get_selection (), i, TRUE);
          id = selected_id ();
        }
    }
  g_assert_cmpint (id, >, 0);

  activate_view_action ("customers.edit");
  editor = wait_for_editor ();
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);

  /* Someone else deletes the customer while the form is open. */
  dg_customers_delete (get_database (), id, &error);
  g_assert_no_error (error);

  editor_set_text (editor, "organization_row", "Sunset Studio");
  g_assert_false (dg_customer_editor_save (editor));

  /* The form stays, with the reason on top, and nothing came back. */
  g_assert_nonnull (editor);
  revealer = editor_child (editor, "error_revealer");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (editor_child (editor, "error_label"))), !=, "");
  g_assert_null (dg_customers_get (get_database (), id, NULL));
  take_screenshot (GTK_WIDGET (editor), "editor-save-error");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  dg_ui_test_wait_for (editor == NULL);
  dg_ui_test_wait_for (list_n_items () == 5);
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
  GtkWidget *list = dg_ui_test_find_by_type (view_child ("column_view"), GTK_TYPE_LIST_VIEW);

  g_assert_true (gtk_widget_activate_action (list, "list.scroll-to-item", "u", position));
}

/* GTK 4.8's single selection, and its list view for the rows it tracks,
 * build every row of a changed list to find an object again; a sort, a
 * search or an edit with a row selected must cost no more than the rows
 * the view shows. */
static void
test_selection_keeps_customer (void)
{
  DgCustomerList *list = dg_customers_view_get_list (get_view ());
  GtkColumnView *column_view = GTK_COLUMN_VIEW (view_child ("column_view"));
  GtkEditable *search = GTK_EDITABLE (view_child ("search_entry"));
  g_autoptr(GtkColumnViewColumn) name_column = g_list_model_get_item (gtk_column_view_get_columns (column_view), 0);
  g_autoptr(GtkColumnViewColumn) phone_column = g_list_model_get_item (gtk_column_view_get_columns (column_view), 1);
  g_autoptr(GError) error = NULL;
  guint n_before = list_n_items ();
  gint64 picked = 0;
  guint built;

  g_assert_true (dg_database_begin (get_database (), &error));
  for (guint i = 0; i < N_BULK; i++)
    {
      g_autoptr(DgCustomer) customer = dg_customer_new ();
      g_autofree char *name = g_strdup_printf ("Bulk %05u", i);
      g_autofree char *phone = g_strdup_printf ("010-%04u-%04u", (i * 7919) % 10000, i);

      dg_customer_set_name (customer, name);
      dg_customer_set_phone (customer, phone);
      dg_customers_insert (get_database (), customer, &error);
      g_assert_no_error (error);
      if (i == 7000)
        picked = dg_customer_get_id (customer);
    }
  g_assert_true (dg_database_commit (get_database (), &error));
  dg_ui_test_wait_for (list_n_items () == n_before + N_BULK);

  /* The user scrolls down and picks a row. */
  scroll_to_row (dg_customer_list_find (list, picked));
  dg_ui_test_wait_painted (GTK_WIDGET (window), 2);
  g_assert_true (gtk_selection_model_select_item (get_selection (), dg_customer_list_find (list, picked), TRUE));
  g_assert_cmpint (selected_id (), ==, picked);
  dg_ui_test_wait_painted (GTK_WIDGET (window), 1);

  /* Another sort: the rows on screen are built, not the list. */
  built = dg_customer_list_get_n_built (list);
  gtk_column_view_sort_by_column (column_view, phone_column, GTK_SORT_DESCENDING);
  dg_ui_test_wait_painted (GTK_WIDGET (window), 2);
  g_test_message ("Sort change built %u rows", dg_customer_list_get_n_built (list) - built);
  g_assert_cmpuint (dg_customer_list_get_n_built (list) - built, <=, MAX_BUILT);
  g_assert_cmpint (selected_id (), ==, picked);
  g_assert_true (gtk_selection_model_is_selected (get_selection (), dg_customer_list_find (list, picked)));

  /* A search that still finds the customer keeps it selected. */
  built = dg_customer_list_get_n_built (list);
  gtk_editable_set_text (search, "Bulk 07");
  dg_ui_test_wait_for (g_strcmp0 (dg_customer_list_get_text (list), "Bulk 07") == 0);
  dg_ui_test_wait_painted (GTK_WIDGET (window), 2);
  g_test_message ("Search built %u rows", dg_customer_list_get_n_built (list) - built);
  g_assert_cmpuint (dg_customer_list_get_n_built (list) - built, <=, MAX_BUILT);
  g_assert_cmpint (selected_id (), ==, picked);

  /* One that does not leaves nothing selected, so Delete removes nobody. */
  built = dg_customer_list_get_n_built (list);
  replace_search_text (search, "Bulk 01");
  dg_ui_test_wait_for (g_strcmp0 (dg_customer_list_get_text (list), "Bulk 01") == 0);
  dg_ui_test_wait_painted (GTK_WIDGET (window), 2);
  g_assert_cmpuint (dg_customer_list_get_n_built (list) - built, <=, MAX_BUILT);
  g_assert_cmpint (selected_id (), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (get_view ()), "customers.delete", NULL);
  dg_ui_test_flush ();
  g_assert_cmpint (count_all (), ==, n_before + N_BULK);

  gtk_editable_set_text (search, "");
  gtk_column_view_sort_by_column (column_view, name_column, GTK_SORT_ASCENDING);
  dg_ui_test_wait_for (dg_customer_list_get_text (list)[0] == '\0');
  dg_ui_test_wait_for (list_n_items () == n_before + N_BULK);

  /* An edit that moves a row from the top to the bottom while the user
   * looks at the middle: the same rows stay on screen, little is built. */
  {
    g_autofree char *shown = NULL;
    gint64 moved = find_customer_id ("Bulk 00010");

    scroll_to_row (5000);
    dg_ui_test_wait_painted (GTK_WIDGET (window), 2);
    shown = list_dup_name (5000);
    dg_ui_test_wait_for (shown_cell (shown, 0) != NULL);

    built = dg_customer_list_get_n_built (list);
    update_field (moved, "name", "Bulk 09999 moved");
    dg_ui_test_wait_painted (GTK_WIDGET (window), 2);
    g_test_message ("Moving edit built %u rows", dg_customer_list_get_n_built (list) - built);
    g_assert_cmpuint (dg_customer_list_get_n_built (list) - built, <=, MAX_BUILT);
    g_assert_nonnull (shown_cell (shown, 0));
    {
      g_autofree char *before_moved = list_dup_name (dg_customer_list_find (list, moved) - 1);

      g_assert_cmpstr (before_moved, ==, "Bulk 09999");
    }

    update_field (moved, "name", "Bulk 00010");
    dg_ui_test_wait_painted (GTK_WIDGET (window), 2);
    g_assert_nonnull (shown_cell (shown, 0));
  }
}

/* The window opens on another page when it has one. */
static void
show_customers_page (void)
{
  GtkWidget *stack = dg_ui_test_find_by_type (GTK_WIDGET (get_window ()), ADW_TYPE_VIEW_STACK);

  if (stack != NULL)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "customers");
  dg_ui_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (get_view ())));
}

/* The row on screen whose name cell reads @name. */
static GtkWidget *
wait_for_row (const char *name)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (view_child ("column_view"));
  GtkWidget *row = NULL;

  dg_ui_test_wait_for ((row = dg_ui_test_column_view_find_row (column_view, 0, name)) != NULL);

  return row;
}

/* Keys pressed for real, through the X server, as a user would: what the
 * shortcut controllers and the search field's key capture do with them is
 * part of what is tested. */
static void
test_real_keys (void)
{
  GtkWidget *page = view_child ("customer_page");
  GtkWidget *leaflet = view_child ("leaflet");
  DgCustomerEditor *editor;
  gint64 park;

  if (!dg_ui_test_can_send_input ())
    {
      g_test_skip ("Needs an X11 display and xdotool");
      return;
    }

  show_customers_page ();
  dg_ui_test_wait_painted (GTK_WIDGET (window), 1);
  g_assert_cmpuint (list_n_items (), ==, 6);
  park = find_customer_id ("박지성");

  /* Pick a row, press Delete: the customer goes, with Undo. */
  dg_ui_test_click (wait_for_row ("박지성"));
  dg_ui_test_wait_for (selected_id () == park);
  dg_ui_test_send_keys (GTK_WIDGET (window), "Delete");
  dg_ui_test_wait_for (list_n_items () == 5);
  g_assert_null (dg_customers_get (get_database (), park, NULL));
  {
    GtkWidget *undo;

    dg_ui_test_wait_for ((undo = dg_ui_test_find_button (GTK_WIDGET (window), _("_Undo"))) != NULL);
    gtk_widget_activate (undo);
  }
  dg_ui_test_wait_for (list_n_items () == 6);
  g_assert_nonnull (wait_for_row ("박지성"));

  /* Enter opens the row picked. */
  dg_ui_test_click (wait_for_row ("이민호"));
  dg_ui_test_wait_for (selected_id () == find_customer_id ("이민호"));
  dg_ui_test_send_keys (GTK_WIDGET (window), "Return");
  dg_ui_test_wait_for (adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet)) == page);
  g_assert_cmpstr (dg_customer_get_name (dg_customer_page_get_customer (DG_CUSTOMER_PAGE (page))), ==, "이민호");
  activate_view_action ("customers.back");
  dg_ui_test_wait_for (adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet)) == view_child ("list_box"));

  /* Typing in the list searches. */
  dg_ui_test_click (wait_for_row ("Bob Stone"));
  dg_ui_test_send_keys (GTK_WIDGET (window), "b");
  dg_ui_test_wait_for (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (view_child ("search_entry"))), "b") == 0);
  gtk_editable_set_text (GTK_EDITABLE (view_child ("search_entry")), "");
  dg_ui_test_wait_for (list_n_items () == 6);

  /* Ctrl+N opens the form. */
  dg_ui_test_send_keys (GTK_WIDGET (window), "ctrl+n");
  editor = wait_for_editor ();
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  dg_ui_test_wait_for (editor == NULL);
}

/* A list query that fails is shown above the rows, with its reason, until
 * one succeeds. */
static void
test_list_error_is_shown (void)
{
  GtkRevealer *revealer = GTK_REVEALER (view_child ("error_revealer"));
  GtkEditable *search = GTK_EDITABLE (view_child ("search_entry"));
  DgCustomerList *list = dg_customers_view_get_list (get_view ());
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpuint (list_n_items (), ==, 6);

  /* Break what every search reads, as damage to the file would. */
  g_assert_true (dg_database_exec (get_database (), "ALTER TABLE customer_search RENAME TO customer_search_away", &error));
  g_assert_no_error (error);
  gtk_editable_set_text (search, "민");
  dg_ui_test_wait_for (gtk_revealer_get_reveal_child (revealer));

  g_assert_nonnull (dg_customer_list_get_error (list));
  expected = g_strdup_printf (_("Could not update the customer list, so it may be out of date: %s"),
                              dg_customer_list_get_error (list)->message);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (view_child ("error_label"))), ==, expected);
  /* The rows found before stay. */
  g_assert_cmpuint (list_n_items (), ==, 6);
  take_screenshot (GTK_WIDGET (window), "customers-list-error");

  /* Repaired, Try Again finds the customers and the message goes. */
  g_assert_true (dg_database_exec (get_database (), "ALTER TABLE customer_search_away RENAME TO customer_search", &error));
  g_assert_no_error (error);
  gtk_widget_activate (view_child ("retry_button"));
  dg_ui_test_wait_for (!gtk_revealer_get_reveal_child (revealer));
  g_assert_null (dg_customer_list_get_error (list));
  g_assert_cmpuint (list_n_items (), ==, 3);

  gtk_editable_set_text (search, "");
  dg_ui_test_wait_for (list_n_items () == 6);
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

/* The action a shortcut of the view's global controller activates. */
static char *
dup_shortcut_action (const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (get_view ()));
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accel);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) != GTK_SHORTCUT_SCOPE_GLOBAL)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          gboolean matches = gtk_shortcut_trigger_equal (trigger, wanted);

          if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
            matches = gtk_shortcut_trigger_equal (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), wanted) ||
                      gtk_shortcut_trigger_equal (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), wanted);

          if (matches && GTK_IS_NAMED_ACTION (action))
            return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
        }
    }

  return NULL;
}

static void
test_shortcuts (void)
{
  GtkWidget *search = view_child ("search_entry");
  struct {
    const char *accel;
    const char *action;
  } expected[] = {
    { "<Control>n", "customers.new" },
    { "<Control>f", "customers.search" },
    { "<Control>e", "customers.edit" },
    { "Delete", "customers.delete" },
  };

  /* The view's shortcuts hold in the whole window while it is shown. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *action = dup_shortcut_action (expected[i].accel);

      g_assert_cmpstr (action, ==, expected[i].action);
    }

  gtk_widget_grab_focus (view_child ("column_view"));
  activate_view_action ("customers.search");
  dg_ui_test_wait_for (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), search));
}

static void
test_window_menu (void)
{
  g_auto(GStrv) quit_accels = NULL;
  g_auto(GStrv) help_accels = NULL;
  GtkShortcutsWindow *help;
  GtkWindow *about;

  get_window ();

  quit_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_cmpstr (quit_accels[0], ==, "<Control>q");
  help_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  g_assert_nonnull (help_accels[0]);

  /* The shortcuts window comes from gtk/help-overlay.ui in the resources. */
  help = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (help);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  dg_ui_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (help)));
  take_screenshot (GTK_WIDGET (help), "shortcuts");
  gtk_window_close (GTK_WINDOW (help));
  dg_ui_test_wait_for (!gtk_widget_get_visible (GTK_WIDGET (help)));

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  dg_ui_test_wait_for ((about = dg_ui_test_find_window (ADW_TYPE_ABOUT_WINDOW)) != NULL);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  gtk_window_destroy (about);
  dg_ui_test_wait_for (dg_ui_test_find_window (ADW_TYPE_ABOUT_WINDOW) == NULL);
}

static void
test_quit_saves_size (void)
{
  GSettings *settings = dg_context_get_settings (dg_window_get_context (get_window ()));
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* The tests find the build tree's schema, so settings are there. */
  g_assert_nonnull (settings);
  g_settings_set_int (settings, "window-width", 1);
  g_settings_set_int (settings, "window-height", 1);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  dg_ui_test_wait_for (window == NULL);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, width);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, height);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static void
test_refuse_foreign_database (void)
{
  g_autofree char *path = dg_test_temp_path ("not-dangol.db");
  static const char junk[] = "This is a text file, not a database.\n";
  g_autoptr(GBytes) after = NULL;

  g_assert_true (g_file_set_contents (path, junk, -1, NULL));

  g_setenv ("DANGOL_TEST_DB", path, TRUE);
  g_test_trap_subprocess ("/ui/app/refuse-foreign-database/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*not-dangol.db*");

  /* Refused and left exactly as it was. */
  after = dg_test_read_file (path);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), junk, strlen (junk));
}

static gboolean
answer_open_error_cb (gpointer user_data)
{
  AdwMessageDialog *dialog = user_data;

  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not-dangol.db"));
  g_assert_nonnull (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  take_screenshot (GTK_WIDGET (dialog), "database-error");

  adw_message_dialog_response (dialog, "quit");

  return G_SOURCE_REMOVE;
}

static void
on_window_added_cb (GtkApplication *application,
                    GtkWindow      *added,
                    gpointer        user_data)
{
  gboolean *dialog_shown = user_data;

  if (!ADW_IS_MESSAGE_DIALOG (added))
    return;

  *dialog_shown = TRUE;
  dg_ui_test_settle_gtk ();
  g_idle_add (answer_open_error_cb, added);
}

static void
test_refuse_foreign_database_subprocess (void)
{
  g_autoptr(DgApplication) child_app = dg_application_new ();
  const char *path = g_getenv ("DANGOL_TEST_DB");
  char *argv[] = { (char *)"dangol", (char *)"--db", (char *)path, NULL };
  gboolean dialog_shown = FALSE;

  g_application_set_flags (G_APPLICATION (child_app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (child_app, "window-added", G_CALLBACK (on_window_added_cb), &dialog_shown);

  g_application_run (G_APPLICATION (child_app), G_N_ELEMENTS (argv) - 1, argv);

  g_assert_true (dialog_shown);
  g_assert_null (dg_application_get_context (child_app));
}

static void
test_version (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(DgApplication) child_app = dg_application_new ();
      char *argv[] = { (char *)"dangol", (char *)"--version", NULL };

      /* --version answers without a display. */
      g_unsetenv ("DISPLAY");
      g_unsetenv ("WAYLAND_DISPLAY");
      g_assert_cmpint (g_application_run (G_APPLICATION (child_app), 2, argv), ==, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("dangol " PACKAGE_VERSION "\n");
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/selection/model", test_selection_model);
  g_test_add_func ("/ui/app/version", test_version);
  g_test_add_func ("/ui/app/refuse-foreign-database", test_refuse_foreign_database);
  g_test_add_func ("/ui/app/refuse-foreign-database/subprocess", test_refuse_foreign_database_subprocess);
  g_test_add_func ("/ui/customers/empty-state", test_empty_state);
  g_test_add_func ("/ui/customers/add-with-validation", test_add_with_validation);
  g_test_add_func ("/ui/customers/list", test_list);
  g_test_add_func ("/ui/customers/sort-by-column", test_sort_by_column);
  g_test_add_func ("/ui/customers/rows-follow-edits", test_rows_follow_edits);
  g_test_add_func ("/ui/customers/search-korean", test_search_korean);
  g_test_add_func ("/ui/customers/page-and-edit", test_page_and_edit);
  g_test_add_func ("/ui/customers/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/ui/customers/archive-filter", test_archive_filter);
  g_test_add_func ("/ui/customers/shortcuts", test_shortcuts);
  g_test_add_func ("/ui/customers/real-keys", test_real_keys);
  g_test_add_func ("/ui/customers/list-error-is-shown", test_list_error_is_shown);
  g_test_add_func ("/ui/customers/save-error-is-shown", test_save_error_is_shown);
  g_test_add_func ("/ui/customers/selection-keeps-customer", test_selection_keeps_customer);
  g_test_add_func ("/ui/window/menu", test_window_menu);
  g_test_add_func ("/ui/window/quit-saves-size", test_quit_saves_size);

  return g_test_run ();
}
