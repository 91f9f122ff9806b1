/* test-ui-window.c
 *
 * The main window as a whole: Alt+1, Alt+2, … show its pages in the order
 * of the view switcher, from wherever the focus is, and the keyboard
 * shortcuts window lists them under the title of its menu item; a narrow
 * window shows the switcher in a bar at the bottom.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-test-util.h"
#include "dg-ui-fixture.h"
#include "dg-ui-test-util.h"

static const char *
visible_page (DgUiFixture *fixture)
{
  AdwViewStack *stack = ADW_VIEW_STACK (dg_ui_test_find_by_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK));

  return adw_view_stack_get_visible_child_name (stack);
}

/* Presses @keys with real input where there is an X server to send it,
 * else through the window's shortcut. */
static void
press (DgUiFixture *fixture,
       const char  *xdotool_keys,
       const char  *accel)
{
  if (dg_ui_test_can_send_input ())
    dg_ui_test_send_keys (GTK_WIDGET (fixture->window), xdotool_keys);
  else
    g_free (dg_ui_test_press_shortcut (GTK_WIDGET (fixture->window), accel));
}

static void
test_alt_number_switches_pages (DgUiFixture   *fixture,
                                gconstpointer  data)
{
  dg_ui_test_wait_painted (GTK_WIDGET (fixture->window), 2);
  g_assert_cmpstr (visible_page (fixture), ==, "today");

  press (fixture, "alt+2", "<Alt>2");
  dg_ui_test_wait_for (g_strcmp0 (visible_page (fixture), "customers") == 0);
  /* Built as it is shown, like a click on the switcher. */
  dg_ui_test_wait_for (dg_window_get_page (fixture->window, "customers") != NULL);

  press (fixture, "alt+3", "<Alt>3");
  dg_ui_test_wait_for (g_strcmp0 (visible_page (fixture), "journeys") == 0);

  press (fixture, "alt+4", "<Alt>4");
  dg_ui_test_wait_for (g_strcmp0 (visible_page (fixture), "calendar") == 0);

  press (fixture, "alt+1", "<Alt>1");
  dg_ui_test_wait_for (g_strcmp0 (visible_page (fixture), "today") == 0);

  /* A number past the last page changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "nowhere"));
  g_assert_cmpstr (visible_page (fixture), ==, "today");
}

/* A label under @root that shows @text. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (root == NULL)
    return NULL;

  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_shortcuts_window (DgUiFixture   *fixture,
                       gconstpointer  data)
{
  GtkWindow *shortcuts;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help-overlay", NULL));
  dg_ui_test_wait_for ((shortcuts = dg_ui_test_find_window (GTK_TYPE_SHORTCUTS_WINDOW)) != NULL);

  /* Titled like the menu item that opens it, without its mnemonic, in
   * its header too, which shows its section's title rather than the
   * window's. */
  g_assert_cmpstr (gtk_window_get_title (shortcuts), ==, _("Keyboard Shortcuts"));
  dg_ui_test_wait_painted (GTK_WIDGET (shortcuts), 2);
  g_assert_nonnull (find_label (gtk_window_get_titlebar (shortcuts), _("Keyboard Shortcuts")));
  g_free (dg_ui_test_screenshot (GTK_WIDGET (shortcuts), "shortcuts-window"));

  {
    gboolean found[4] = { FALSE, FALSE, FALSE, FALSE };
    GtkWidget *child;
    GSList *stack = g_slist_prepend (NULL, shortcuts);

    /* Every GtkShortcutsShortcut under the window, for Alt+1…4. */
    while (stack != NULL)
      {
        GtkWidget *widget = stack->data;

        stack = g_slist_delete_link (stack, stack);
        if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
          {
            g_autofree char *accel = NULL;

            g_object_get (widget, "accelerator", &accel, NULL);
            for (guint i = 0; i < G_N_ELEMENTS (found); i++)
              {
                g_autofree char *wanted = g_strdup_printf ("<Alt>%u", i + 1);

                if (g_strcmp0 (accel, wanted) == 0)
                  found[i] = TRUE;
              }
          }
        for (child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
          stack = g_slist_prepend (stack, child);
      }

    g_assert_true (found[0] && found[1] && found[2] && found[3]);
  }
}

/* The toggle buttons under @root, depth first: the switcher's, in the
 * order of the pages. */
static void
collect_toggle_buttons (GtkWidget *root,
                        GPtrArray *into)
{
  if (GTK_IS_TOGGLE_BUTTON (root))
    g_ptr_array_add (into, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_toggle_buttons (child, into);
}

/* A window too narrow for the switcher in its title shows it in a bar at
 * the bottom, one button per page, which switch pages; a wide window has
 * made no buttons for that bar. */
static void
test_switcher_bar_when_narrow (DgUiFixture   *fixture,
                               gconstpointer  data)
{
  GtkWidget *bar = dg_ui_test_find_by_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_SWITCHER_BAR);
  GtkWidget *stack = dg_ui_test_find_by_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  dg_ui_test_wait_painted (GTK_WIDGET (fixture->window), 2);
  g_assert_false (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
  collect_toggle_buttons (bar, buttons);
  g_assert_cmpuint (buttons->len, ==, 0);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 640);
  dg_ui_test_wait_for (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
  g_assert_true (adw_view_switcher_bar_get_stack (ADW_VIEW_SWITCHER_BAR (bar)) == ADW_VIEW_STACK (stack));
  collect_toggle_buttons (bar, buttons);
  g_assert_cmpuint (buttons->len, ==, 4);
  dg_ui_test_wait_painted (GTK_WIDGET (fixture->window), 2);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (fixture->window), "window-narrow"));

  /* The second button is the Customers page. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (buttons->pdata[1]), TRUE);
  dg_ui_test_wait_for (g_strcmp0 (visible_page (fixture), "customers") == 0);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 720);
  dg_ui_test_wait_for (!adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  DG_UI_TEST_ADD ("/ui/window/alt-number-switches-pages", test_alt_number_switches_pages);
  DG_UI_TEST_ADD ("/ui/window/shortcuts-window", test_shortcuts_window);
  DG_UI_TEST_ADD ("/ui/window/switcher-bar-when-narrow", test_switcher_bar_when_narrow);

  return g_test_run ();
}
