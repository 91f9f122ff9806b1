/* test-ui-phone.c
 *
 * Phone numbers on the Customers page: stored as typed, shown in one
 * Korean form in the list and on the customer page, in a column wide
 * enough that the number is never cut at the default window size, and
 * under the name in the customer picker.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-customer-page.h"
#include "dg-customer-picker.h"
#include "dg-customers-test-util.h"
#include "dg-test-util.h"
#include "dg-ui-test-util.h"

/* The phone column, counted from 0. */
#define PHONE_COLUMN 1

static void
insert_customers (void)
{
  dg_customers_test_insert ("김민수", "01012345678", "minsu@example.com", "Hanbit Consulting", "VIP");
  dg_customers_test_insert ("Alice Johnson", "+821098765432", "alice@example.com", NULL, NULL);
  dg_customers_test_insert ("Bob Stone", "+1 415 555 0100", "bob@stone.dev", NULL, NULL);
  dg_customers_test_insert ("이민호", "0212345678", "minho.lee@example.kr", "한빛 컨설팅", NULL);
  dg_customers_test_insert ("박지성", "15881234", NULL, NULL, NULL);

  dg_ui_test_wait_for (dg_customers_test_n_items () == 5);
  dg_ui_test_wait_painted (GTK_WIDGET (dg_customers_test_get_window ()), 2);
}

static GtkWidget *
find_row (const char *name)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (dg_customers_test_view_child ("column_view"));

  return dg_ui_test_column_view_find_row (column_view, 0, name);
}

/* The widget that shows the phone in @row: the cell's inscription. */
static GtkWidget *
phone_cell (GtkWidget *row)
{
  GtkWidget *cell = gtk_widget_get_first_child (row);

  for (guint i = 0; i < PHONE_COLUMN && cell != NULL; i++)
    cell = gtk_widget_get_next_sibling (cell);
  g_assert_nonnull (cell);

  return dg_ui_test_find_by_type (cell, GTK_TYPE_INSCRIPTION);
}

static gboolean
row_shows_phone (const char *name,
                 const char *phone)
{
  GtkWidget *row = find_row (name);

  return row != NULL && g_strcmp0 (dg_ui_test_row_get_text (row, PHONE_COLUMN), phone) == 0;
}

/* Whether the whole text of @inscription fits in the width it was given:
 * GtkInscription asks for nat-chars, not for its text, so the text's own
 * width is measured with the widget's font. */
static void
assert_not_cut (GtkWidget *inscription)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (inscription));
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (inscription, text);
  int text_width = 0;

  pango_layout_get_pixel_size (layout, &text_width, NULL);
  g_test_message ("“%s”: %d px of text in %d px", text, text_width,
                  gtk_widget_get_width (inscription));
  g_assert_cmpint (text_width, >, 0);
  g_assert_cmpint (gtk_widget_get_width (inscription), >=, text_width);
}

static void
test_list_and_page (DgUiFixture   *fixture,
                    gconstpointer  data)
{
  DgCustomersView *view = dg_customers_test_get_view ();
  DgCustomerPage *page = dg_customers_view_get_customer_page (view);
  gint64 minsu = 0;
  GtkWidget *phone_value;

  insert_customers ();

  dg_ui_test_wait_for (row_shows_phone ("김민수", "010-1234-5678"));
  dg_ui_test_wait_for (row_shows_phone ("이민호", "02-1234-5678"));
  dg_ui_test_wait_for (row_shows_phone ("Alice Johnson", "+82 10-9876-5432"));
  dg_ui_test_wait_for (row_shows_phone ("Bob Stone", "+1 415 555 0100"));
  dg_ui_test_wait_for (row_shows_phone ("박지성", "1588-1234"));

  /* The longest forms fit the column at the default size. */
  assert_not_cut (phone_cell (find_row ("김민수")));
  assert_not_cut (phone_cell (find_row ("Alice Johnson")));
  assert_not_cut (phone_cell (find_row ("Bob Stone")));

  dg_customers_test_screenshot (GTK_WIDGET (dg_customers_test_get_window ()), "phone-list");

  minsu = dg_customers_test_find_id ("김민수");
  dg_window_show_customer (dg_customers_test_get_window (), minsu);
  dg_ui_test_wait_for (dg_customer_page_get_customer (page) != NULL &&
                       dg_customer_get_id (dg_customer_page_get_customer (page)) == minsu);
  dg_ui_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (page)));

  phone_value = dg_ui_test_find_by_id (GTK_WIDGET (page), "phone_value");
  g_assert_nonnull (phone_value);
  dg_ui_test_wait_for (g_strcmp0 (gtk_label_get_text (GTK_LABEL (phone_value)), "010-1234-5678") == 0);

  /* Only the display changed: the customer keeps the number as typed. */
  g_assert_cmpstr (dg_customer_get_phone (dg_customer_page_get_customer (page)), ==, "01012345678");

  dg_customers_test_screenshot (GTK_WIDGET (dg_customers_test_get_window ()), "phone-page");
}

static GtkWidget *
find_caption (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "caption"))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_caption (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The picker of the follow-up editors lists a match with its phone in
 * the same form as the list. */
static void
test_picker (DgUiFixture   *fixture,
             gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *picker = dg_customer_picker_new ();
  g_autofree char *expected = g_strconcat ("010-1234-5678", _(" · "), "Hanbit Consulting", NULL);
  GtkWidget *caption;

  insert_customers ();

  dg_customer_picker_set_database (DG_CUSTOMER_PICKER (picker), dg_customers_test_get_database ());
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (dg_customers_test_get_window ()));
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 300);
  gtk_window_set_child (GTK_WINDOW (window), picker);
  gtk_window_present (GTK_WINDOW (window));
  dg_ui_test_wait_painted (window, 1);

  gtk_widget_grab_focus (picker);
  gtk_editable_set_text (GTK_EDITABLE (picker), "김민수");
  dg_ui_test_wait_for (dg_customer_picker_get_popup_shown (DG_CUSTOMER_PICKER (picker)) &&
                       dg_customer_picker_get_n_matches (DG_CUSTOMER_PICKER (picker)) == 1);
  dg_ui_test_wait_painted (dg_customer_picker_get_popover (DG_CUSTOMER_PICKER (picker)), 1);

  caption = find_caption (dg_customer_picker_get_popover (DG_CUSTOMER_PICKER (picker)));
  g_assert_nonnull (caption);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (caption)), ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  DG_CUSTOMERS_TEST_ADD ("/ui/phone/list-and-page", test_list_and_page);
  DG_CUSTOMERS_TEST_ADD ("/ui/phone/picker", test_picker);

  return g_test_run ();
}
