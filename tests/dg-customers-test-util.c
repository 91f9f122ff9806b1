/* dg-customers-test-util.c */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include "dg-customers-test-util.h"
#include "dg-customers-private.h"
#include "dg-database-private.h"
#include "dg-test-util.h"
#include "dg-ui-test-util.h"

const DgUiFixtureOptions dg_customers_test_options = {
  .page = "customers",
  .width = 1100, .height = 720,
};

/* Shows the Customers page again, after a case went to another one. */
void
dg_customers_test_show_page (void)
{
  GtkWidget *stack = dg_ui_test_find_by_type (GTK_WIDGET (dg_customers_test_get_window ()), ADW_TYPE_VIEW_STACK);

  if (stack != NULL)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "customers");
  dg_ui_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (dg_customers_test_get_view ())));
}

DgWindow *
dg_customers_test_get_window (void)
{
  DgUiFixture *fixture = dg_ui_fixture_get_current ();

  g_assert_nonnull (fixture);

  return fixture->window;
}

DgApplication *
dg_customers_test_get_app (void)
{
  return dg_ui_fixture_get_app ();
}

DgDatabase *
dg_customers_test_get_database (void)
{
  DgUiFixture *fixture = dg_ui_fixture_get_current ();

  g_assert_nonnull (fixture);

  return fixture->database;
}

DgCustomersView *
dg_customers_test_get_view (void)
{
  GtkWidget *view = dg_ui_test_find_by_type (GTK_WIDGET (dg_customers_test_get_window ()), DG_TYPE_CUSTOMERS_VIEW);

  g_assert_nonnull (view);

  return DG_CUSTOMERS_VIEW (view);
}

/* A widget of the view's template, else the first descendant with @id:
 * widgets inside the view have ids of their own (a drop-down's popover
 * holds a "search_entry"). */
GtkWidget *
dg_customers_test_view_child (const char *id)
{
  GtkWidget *view = GTK_WIDGET (dg_customers_test_get_view ());
  GObject *object = gtk_widget_get_template_child (view, DG_TYPE_CUSTOMERS_VIEW, id);
  GtkWidget *child;

  if (GTK_IS_WIDGET (object))
    return GTK_WIDGET (object);

  child = dg_ui_test_find_by_id (view, id);
  g_assert_nonnull (child);

  return child;
}

guint
dg_customers_test_n_items (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (dg_customers_view_get_list (dg_customers_test_get_view ())));
}

/* The name shown in row @position. */
char *
dg_customers_test_dup_name (guint position)
{
  g_autoptr(DgCustomer) customer = NULL;

  customer = g_list_model_get_item (G_LIST_MODEL (dg_customers_view_get_list (dg_customers_test_get_view ())), position);
  g_assert_nonnull (customer);

  return g_strdup (dg_customer_get_name (customer));
}

/* The column view's selection, through GTK's interface only. */
GtkSelectionModel *
dg_customers_test_get_selection (void)
{
  return gtk_column_view_get_model (GTK_COLUMN_VIEW (dg_customers_test_view_child ("column_view")));
}

/* The id of the one selected customer, or 0. */
gint64
dg_customers_test_selected_id (void)
{
  GtkSelectionModel *selection = dg_customers_test_get_selection ();
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
  g_autoptr(DgCustomer) customer = NULL;

  if (gtk_bitset_is_empty (selected))
    return 0;

  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
  customer = g_list_model_get_item (G_LIST_MODEL (selection), gtk_bitset_get_minimum (selected));

  return dg_customer_get_id (customer);
}

gboolean
dg_customers_test_shows_only (const char *name)
{
  g_autofree char *first = NULL;

  if (dg_customers_test_n_items () != 1)
    return FALSE;

  first = dg_customers_test_dup_name (0);

  return g_strcmp0 (first, name) == 0;
}

gint64
dg_customers_test_count_all (void)
{
  DgCustomerQuery query = { .archived = DG_ARCHIVED_INCLUDE };

  return dg_customers_count (dg_customers_test_get_database (), &query, NULL);
}

void
dg_customers_test_activate (const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dg_customers_test_get_view ()), name, NULL));
}

GtkWidget *
dg_customers_test_editor_child (DgCustomerEditor *editor,
                                const char       *id)
{
  GtkWidget *child = dg_ui_test_find_by_id (GTK_WIDGET (editor), id);

  g_assert_nonnull (child);

  return child;
}

void
dg_customers_test_editor_set_text (DgCustomerEditor *editor,
                                   const char       *id,
                                   const char       *text)
{
  gtk_editable_set_text (GTK_EDITABLE (dg_customers_test_editor_child (editor, id)), text);
}

DgCustomerEditor *
dg_customers_test_wait_for_editor (void)
{
  DgCustomerEditor *editor = NULL;

  dg_ui_test_wait_for ((editor = (DgCustomerEditor *)dg_ui_test_find_window (DG_TYPE_CUSTOMER_EDITOR)) != NULL);
  dg_ui_test_wait_painted (GTK_WIDGET (editor), 1);

  return editor;
}

DgBulkDialog *
dg_customers_test_wait_for_bulk_dialog (void)
{
  GtkWindow *dialog;

  dg_ui_test_wait_for ((dialog = dg_ui_test_find_window (DG_TYPE_BULK_DIALOG)) != NULL);
  dg_ui_test_wait_painted (GTK_WIDGET (dialog), 2);

  return DG_BULK_DIALOG (dialog);
}

void
dg_customers_test_press_response (gpointer    dialog,
                                  const char *label)
{
  GtkWidget *button = dg_ui_test_find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_object_add_weak_pointer (G_OBJECT (dialog), &dialog);
  gtk_widget_activate (button);
  dg_ui_test_wait_for (dialog == NULL);
}

void
dg_customers_test_screenshot (GtkWidget  *widget,
                              const char *name)
{
  g_autofree char *path = dg_ui_test_screenshot (widget, name);
  g_autoptr(GBytes) png = dg_test_read_file (path);

  g_assert_nonnull (png);
  g_assert_cmpuint (g_bytes_get_size (png), >, 1000);
}

void
dg_customers_test_insert (const char *name,
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
  dg_customers_insert (dg_customers_test_get_database (), customer, &error);
  g_assert_no_error (error);
}

gint64
dg_customers_test_find_id (const char *name)
{
  DgCustomerList *list = dg_customers_view_get_list (dg_customers_test_get_view ());

  for (guint i = 0; i < dg_customers_test_n_items (); i++)
    {
      g_autofree char *row_name = dg_customers_test_dup_name (i);

      if (g_strcmp0 (row_name, name) == 0)
        return dg_customer_list_get_id (list, i);
    }

  g_assert_not_reached ();
}

void
dg_customers_test_update_field (gint64      id,
                                const char *property,
                                const char *value)
{
  g_autoptr(DgCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;

  customer = dg_customers_get (dg_customers_test_get_database (), id, &error);
  g_assert_no_error (error);
  g_object_set (customer, property, value, NULL);
  dg_customers_update (dg_customers_test_get_database (), customer, &error);
  g_assert_no_error (error);
}


static gint64
first_generated_id (DgDatabase *db)
{
  g_auto(DgStatement) stmt = dg_database_prepare (db, "SELECT id FROM customers WHERE uuid = '00000000-0000-4000-8000-000000000000'", NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

static char *
search_row_of_first_generated (DgDatabase *db)
{
  g_auto(DgStatement) stmt = dg_database_prepare (db, "SELECT haystack FROM customer_search WHERE customer_id = ?1", NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, first_generated_id (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

void
dg_customers_test_insert_generated (guint n)
{
  DgDatabase *db = dg_customers_test_get_database ();
  g_autoptr(GError) error = NULL;
  g_autofree char *customers = NULL;

  customers = g_strdup_printf ("WITH RECURSIVE seq (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < %u) "
                               "INSERT INTO customers (uuid, name, phone, phone_digits, email, created_at, updated_at) "
                               "SELECT printf ('00000000-0000-4000-8000-%%012d', i), printf ('Bulk %%06d', i), "
                               "printf ('010-%%04d-%%04d', i / 10000, i %% 10000), printf ('010%%04d%%04d', i / 10000, i %% 10000), "
                               "printf ('bulk%%06d@example.com', i), '2026-01-05T09:00:00Z', '2026-01-05T09:00:00Z' FROM seq",
                               n);

  g_assert_true (dg_database_begin (db, &error));
  g_assert_true (dg_database_exec (db, customers, &error));
  /* name, organization, email, note, tags, initial consonants, phone
   * digits, normalized (lower case) and joined by U+001F. */
  g_assert_true (dg_database_exec (db,
                                   "INSERT INTO customer_search (customer_id, haystack) "
                                   "SELECT id, lower (name) || char (31) || char (31) || email || char (31) || char (31) "
                                   "|| char (31) || char (31) || phone_digits "
                                   "FROM customers WHERE uuid LIKE '00000000-0000-4000-8000-%'",
                                   &error));
  g_assert_no_error (error);

  /* The search row of one of them, written again by the core, is the
   * same: the rows written above are what the core would write. */
  if (n > 0)
    {
      g_autofree char *before = search_row_of_first_generated (db);
      g_autofree char *after = NULL;

      g_assert_true (dg_customers_sync_search_row (db, first_generated_id (db), &error));
      after = search_row_of_first_generated (db);
      g_assert_cmpstr (before, ==, after);
    }

  dg_database_notify_changed (db, "customers");
  g_assert_true (dg_database_commit (db, &error));
}

void
dg_customers_test_open (const char *name)
{
  GtkWidget *page = GTK_WIDGET (dg_customers_view_get_customer_page (dg_customers_test_get_view ()));
  guint position = G_MAXUINT;

  for (guint i = 0; i < dg_customers_test_n_items (); i++)
    {
      g_autofree char *row_name = dg_customers_test_dup_name (i);

      if (g_strcmp0 (row_name, name) == 0)
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);

  /* What Enter or a double click on a row does. */
  g_signal_emit_by_name (dg_customers_test_view_child ("column_view"), "activate", position);

  dg_ui_test_wait_for (adw_leaflet_get_visible_child (ADW_LEAFLET (dg_customers_test_view_child ("leaflet"))) == page);
  dg_ui_test_wait_for (dg_customer_page_get_customer (DG_CUSTOMER_PAGE (page)) != NULL);
  g_assert_cmpstr (dg_customer_get_name (dg_customer_page_get_customer (DG_CUSTOMER_PAGE (page))), ==, name);
}
