/* test-ui-customer-delete.c
 *
 * Deleting a customer through the real Customers view, as GNOME Contacts
 * does it: Delete lives in the customer page's menu, never in the corner
 * where the other pages put "Add"; a customer with contacts or follow-ups
 * is deleted only once a dialog naming them was confirmed; the Undo toast
 * stays until dismissed or the list is left. Saves screenshots of the
 * page's header, its menu and the dialog in the language under test.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-customer-page.h"
#include "dg-customers-test-util.h"
#include "dg-test-util.h"
#include "dg-ui-test-util.h"

/* Four customers, 김민수 with two tags. */
static void
insert_customers (void)
{
  dg_customers_test_insert ("김민수", "010-9876-5432", "minsu@example.com", "Hanbit Consulting", "VIP, workshop");
  dg_customers_test_insert ("Alice Johnson", "010-2222-3333", "alice@example.com", "Sunrise Studio", "workshop");
  dg_customers_test_insert ("박지성", "010-5555-1212", "jisung.park@example.kr", NULL, "VIP");
  dg_customers_test_insert ("Bob Stone", "010-7777-8888", "bob@stone.dev", NULL, "newsletter");
  dg_ui_test_wait_for (dg_customers_test_n_items () == 4);
}

/* The label of the item of the customer page's menu that activates
 * @action, or NULL when the menu has none; valid until the menu changes. */

static const char *
page_menu_label (const char *action)
{
  GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (dg_customers_test_view_child ("menu_button")));
  static char *label = NULL;

  g_clear_pointer (&label, g_free);
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *item_action = NULL;

          if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) &&
              g_strcmp0 (item_action, action) == 0 &&
              g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label))
            return label;
        }
    }

  return NULL;
}

/* Whether a widget under @root activates @action when clicked. */

static gboolean
has_actionable (GtkWidget  *root,
                const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_ACTIONABLE (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return TRUE;
      if (has_actionable (child, action))
        return TRUE;
    }

  return FALSE;
}

/* The toast that offers Undo, or NULL when none is on screen. */
static AdwToast *
find_undo_toast (void)
{
  GtkWidget *undo = dg_ui_test_find_button (GTK_WIDGET (dg_customers_test_get_window ()), _("Undo"));
  GtkWidget *toast_widget;
  AdwToast *toast = NULL;

  if (undo == NULL)
    return NULL;

  toast_widget = gtk_widget_get_ancestor (undo, g_type_from_name ("AdwToastWidget"));
  g_assert_nonnull (toast_widget);
  g_object_get (toast_widget, "toast", &toast, NULL);
  /* The overlay holds it while it shows. */
  g_object_unref (toast);

  return toast;
}

static void
press_undo (void)
{
  AdwToast *toast = NULL;

  dg_ui_test_wait_for ((toast = find_undo_toast ()) != NULL);
  gtk_widget_activate (dg_ui_test_find_button (GTK_WIDGET (dg_customers_test_get_window ()), _("Undo")));
}

/* Logs @n_contacts contacts and adds @n_followups follow-ups to the
 * customer @id. */
static void
add_history (DgUiFixture *fixture,
             gint64       id,
             guint        n_contacts,
             guint        n_followups)
{
  for (guint i = 0; i < n_contacts; i++)
    {
      g_autoptr(DgInteraction) interaction = dg_interaction_new ();
      g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 10, 1 + i, 9, 0, 0);
      g_autoptr(GError) error = NULL;

      dg_interaction_set_customer_id (interaction, id);
      dg_interaction_set_occurred_at (interaction, when);
      dg_interaction_set_summary (interaction, "Called about the workshop");
      dg_interaction_set_channel (interaction, DG_INTERACTION_CHANNEL_CALL);
      dg_interactions_insert (dg_customers_test_get_database (), DG_CLOCK (fixture->clock), interaction, &error);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < n_followups; i++)
    {
      g_autoptr(DgFollowup) followup = dg_followup_new ();
      g_autofree char *due = g_strdup_printf ("2026-12-%02u", 10 + i);
      g_autoptr(GError) error = NULL;

      dg_followup_set_customer_id (followup, id);
      dg_followup_set_title (followup, "Send the invoice");
      dg_followup_set_due_date (followup, due);
      dg_followups_insert (dg_customers_test_get_database (), DG_CLOCK (fixture->clock), followup, &error);
      g_assert_no_error (error);
    }
}

/* How many contacts and follow-ups the stored customer @id has. */
static void
count_history (gint64  id,
               guint  *n_contacts,
               guint  *n_followups)
{
  g_autoptr(DgCustomerSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  snapshot = dg_customers_take_snapshot (dg_customers_test_get_database (), id, &error);
  g_assert_no_error (error);
  *n_contacts = dg_customer_snapshot_get_n_interactions (snapshot);
  *n_followups = dg_customer_snapshot_get_n_followups (snapshot);
}

static AdwMessageDialog *
wait_for_delete_dialog (void)
{
  GtkWindow *dialog = NULL;

  dg_ui_test_wait_for ((dialog = dg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  dg_ui_test_wait_painted (GTK_WIDGET (dialog), 2);

  return ADW_MESSAGE_DIALOG (dialog);
}

static gboolean
list_shown (void)
{
  return adw_leaflet_get_visible_child (ADW_LEAFLET (dg_customers_test_view_child ("leaflet"))) == dg_customers_test_view_child ("list_box");
}


static void
test_page_menu (DgUiFixture   *fixture,
                gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (dg_customers_view_get_customer_page (dg_customers_test_get_view ()));
  GtkWidget *toolbar;
  GtkMenuButton *menu_button;
  GtkWidget *popover;

  insert_customers ();
  dg_customers_test_open ("김민수");

  toolbar = dg_customers_test_view_child ("toolbar");
  menu_button = GTK_MENU_BUTTON (dg_customers_test_view_child ("menu_button"));
  g_assert_true (gtk_widget_get_last_child (toolbar) == GTK_WIDGET (menu_button));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (menu_button), "destructive-action"));
  g_assert_null (dg_ui_test_find_button (page, _("_Delete")));
  g_assert_false (has_actionable (page, "customers.delete"));
  g_assert_false (has_actionable (page, "customers.archive"));

  g_assert_cmpstr (page_menu_label ("customers.delete"), ==, _("_Delete Customer"));
  g_assert_cmpstr (page_menu_label ("customers.archive"), ==, _("_Archive"));
  dg_customers_test_screenshot (GTK_WIDGET (dg_customers_test_get_window ()), "customer-page-header");

  gtk_menu_button_popup (menu_button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (menu_button));
  dg_ui_test_wait_for (gtk_widget_get_mapped (popover));
  dg_ui_test_wait_painted (popover, 2);
  g_free (dg_ui_test_screenshot_with_popover (popover, "customer-page-menu"));
  gtk_menu_button_popdown (menu_button);
}

/* A customer without a history goes at once, with an Undo that stays. */
static void
test_delete_and_undo (DgUiFixture   *fixture,
                      gconstpointer  data)
{
  DgCustomerPage *page = dg_customers_view_get_customer_page (dg_customers_test_get_view ());
  DgCustomerList *list = dg_customers_view_get_list (dg_customers_test_get_view ());
  g_autoptr(DgCustomer) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  AdwToast *toast = NULL;
  gint64 id;

  /* Other toasts run out, as in the app; this one must not. */
  dg_window_set_toast_timeout (dg_customers_test_get_window (), 5);

  insert_customers ();
  dg_customers_test_open ("김민수");

  g_assert_nonnull (dg_customer_page_get_customer (page));
  uuid = g_strdup (dg_customer_get_uuid (dg_customer_page_get_customer (page)));
  id = dg_customer_get_id (dg_customer_page_get_customer (page));

  /* What the Delete item of the page's menu does. */
  g_assert_true (gtk_widget_activate_action (dg_customers_test_view_child ("menu_button"), "customers.delete", NULL));

  /* Back on the list, without the row, with no question asked and a toast
   * that offers Undo until dismissed. */
  dg_ui_test_wait_for (list_shown ());
  dg_ui_test_wait_for (dg_customers_test_n_items () == 3);
  g_assert_null (dg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (dg_customer_list_find (list, id), ==, G_MAXUINT);
  g_assert_null (dg_customers_get_by_uuid (dg_customers_test_get_database (), uuid, NULL));

  dg_ui_test_wait_for ((toast = find_undo_toast ()) != NULL);
  g_assert_cmpuint (adw_toast_get_timeout (toast), ==, 0);
  dg_customers_test_screenshot (GTK_WIDGET (dg_customers_test_get_window ()), "customers-deleted");

  press_undo ();

  dg_ui_test_wait_for (dg_customers_test_n_items () == 4);
  restored = dg_customers_get_by_uuid (dg_customers_test_get_database (), uuid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  g_assert_cmpstr (dg_customer_get_name (restored), ==, "김민수");
  g_assert_cmpstr (dg_customer_get_phone (restored), ==, "010-9876-5432");
  g_assert_cmpuint (g_strv_length ((char **)dg_customer_get_tags (restored)), ==, 2);
  g_assert_cmpuint (dg_customer_list_find (list, dg_customer_get_id (restored)), !=, G_MAXUINT);

  /* Opening another customer leaves the list: its Undo goes. */
  dg_customers_test_open ("Bob Stone");
  g_assert_true (gtk_widget_activate_action (dg_customers_test_view_child ("menu_button"), "customers.delete", NULL));
  dg_ui_test_wait_for (list_shown ());
  dg_ui_test_wait_for (find_undo_toast () != NULL);
  dg_customers_test_open ("Alice Johnson");
  dg_ui_test_wait_for (find_undo_toast () == NULL);
  g_assert_cmpint (dg_customers_test_count_all (), ==, 3);
}

/* A customer with a history is deleted only once the user said so, from
 * the page's menu as from the list's Delete key. */
static void
test_delete_with_history (DgUiFixture   *fixture,
                          gconstpointer  data)
{
  GtkWidget *stack = dg_ui_test_find_by_type (GTK_WIDGET (dg_customers_test_get_window ()), ADW_TYPE_VIEW_STACK);
  g_autofree char *contacts = g_strdup_printf (ngettext ("%u contact", "%u contacts", 3), 3);
  g_autofree char *followups = g_strdup_printf (ngettext ("%u follow-up", "%u follow-ups", 2), 2);
  AdwMessageDialog *dialog;
  AdwToast *toast = NULL;
  guint n_contacts, n_followups;
  gint64 id;

  dg_window_set_toast_timeout (dg_customers_test_get_window (), 5);

  insert_customers ();
  id = dg_customers_test_find_id ("김민수");
  add_history (fixture, id, 3, 2);
  dg_customers_test_open ("김민수");

  /* The dialog names what goes, and Cancel keeps it all. */
  g_assert_true (gtk_widget_activate_action (dg_customers_test_view_child ("menu_button"), "customers.delete", NULL));
  dialog = wait_for_delete_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "김민수"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), contacts));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), followups));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  dg_customers_test_screenshot (GTK_WIDGET (dialog), "customer-delete-dialog");

  dg_customers_test_press_response (dialog, _("_Cancel"));
  dg_ui_test_flush ();
  g_assert_false (list_shown ());
  g_assert_cmpuint (dg_customers_test_n_items (), ==, 4);
  count_history (id, &n_contacts, &n_followups);
  g_assert_cmpuint (n_contacts, ==, 3);
  g_assert_cmpuint (n_followups, ==, 2);

  /* Confirmed, it all goes, and Undo brings it all back. */
  g_assert_true (gtk_widget_activate_action (dg_customers_test_view_child ("menu_button"), "customers.delete", NULL));
  dialog = wait_for_delete_dialog ();
  dg_customers_test_press_response (dialog, _("_Delete"));
  dg_ui_test_wait_for (list_shown ());
  dg_ui_test_wait_for (dg_customers_test_n_items () == 3);
  g_assert_cmpint (dg_customers_test_count_all (), ==, 3);

  dg_ui_test_wait_for ((toast = find_undo_toast ()) != NULL);
  g_assert_cmpuint (adw_toast_get_timeout (toast), ==, 0);
  dg_customers_test_screenshot (GTK_WIDGET (dg_customers_test_get_window ()), "customer-deleted-with-history");

  press_undo ();
  dg_ui_test_wait_for (dg_customers_test_n_items () == 4);
  count_history (id, &n_contacts, &n_followups);
  g_assert_cmpuint (n_contacts, ==, 3);
  g_assert_cmpuint (n_followups, ==, 2);

  /* The list's Delete asks the same. */
  dg_ui_test_wait_for (dg_customers_test_selected_id () == id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dg_customers_test_get_view ()), "customers.delete", NULL));
  dialog = wait_for_delete_dialog ();
  dg_customers_test_press_response (dialog, _("_Delete"));
  dg_ui_test_wait_for (dg_customers_test_n_items () == 3);
  dg_ui_test_wait_for (find_undo_toast () != NULL);

  /* Going to another page of the window ends the Undo. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "today");
  dg_ui_test_wait_for (find_undo_toast () == NULL);
  dg_customers_test_show_page ();
  dg_ui_test_flush ();
  g_assert_null (find_undo_toast ());
  g_assert_cmpint (dg_customers_test_count_all (), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  DG_CUSTOMERS_TEST_ADD ("/ui/customers/page-menu", test_page_menu);
  DG_CUSTOMERS_TEST_ADD ("/ui/customers/delete-and-undo", test_delete_and_undo);
  DG_CUSTOMERS_TEST_ADD ("/ui/customers/delete-with-history", test_delete_with_history);

  return g_test_run ();
}
