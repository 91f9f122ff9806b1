/* test-ui-customers.c
 *
 * Drives the real Customers view on a temporary database: the form with its
 * inline validation, Korean search, the customer page, edit, archiving,
 * sorting (deleting is test-ui-customer-delete.c); saves screenshots in the language under test.
 * Each case has a window of its own on a fresh database (dg-ui-fixture.h)
 * and stores the customers it needs itself: 김민수 as the form of
 * add-with-validation saves her, and the five others of the list.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-customer-page.h"
#include "dg-customers-test-util.h"
#include "dg-note-fold.h"
#include "dg-field-row.h"
#include "dg-test-util.h"
#include "dg-ui-test-util.h"

static void
test_empty_state (DgUiFixture   *fixture,
                  gconstpointer  data)
{
  GtkStack *stack;

  stack = GTK_STACK (dg_customers_test_view_child ("list_stack"));

  g_assert_cmpint (dg_customers_test_count_all (), ==, 0);
  dg_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "empty") == 0);
  g_assert_true (gtk_widget_get_visible (dg_customers_test_view_child ("empty_add_button")));

  dg_customers_test_screenshot (GTK_WIDGET (dg_customers_test_get_window ()), "customers-empty");
}

/* The label a field row shows its problem in. */
static GtkWidget *
find_error_label (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "field-error"))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_error_label (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_add_with_validation (DgUiFixture   *fixture,
                          gconstpointer  data)
{
  DgCustomerEditor *editor;
  GtkWidget *email_row;
  GtkWidget *email_error;
  GtkTextBuffer *note;

  dg_customers_test_activate ("customers.new");
  editor = dg_customers_test_wait_for_editor ();
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);

  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (dg_customers_test_get_window ()));

  dg_customers_test_editor_set_text (editor, "name_row", "김민수");
  dg_customers_test_editor_set_text (editor, "phone_row", "010-1234-5678");
  dg_customers_test_editor_set_text (editor, "email_row", "minsu@example");
  dg_customers_test_editor_set_text (editor, "organization_row", "Hanbit Consulting");
  dg_customers_test_editor_set_text (editor, "source_row", "Blog");
  dg_customers_test_editor_set_text (editor, "birthday_row", "1988-04-12");
  dg_customers_test_editor_set_text (editor, "tags_row", "VIP, workshop");
  note = gtk_text_view_get_buffer (GTK_TEXT_VIEW (dg_customers_test_editor_child (editor, "note_view")));
  gtk_text_buffer_set_text (note, "Prefers calls after 6 pm.\nAsked about the spring workshop.", -1);
  gtk_switch_set_active (GTK_SWITCH (dg_customers_test_editor_child (editor, "consent_switch")), TRUE);

  /* The malformed email is pointed out as it is typed, under its field. */
  email_row = dg_customers_test_editor_child (editor, "email_row");
  email_error = find_error_label (email_row);
  g_assert_true (gtk_widget_get_visible (email_error));
  g_assert_true (gtk_widget_has_css_class (email_row, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (email_error)), "minsu@example"));
  g_assert_cmpstr (dg_field_row_get_error (DG_FIELD_ROW (email_row)), ==, gtk_label_get_text (GTK_LABEL (email_error)));
  g_assert_false (gtk_widget_get_visible (find_error_label (dg_customers_test_editor_child (editor, "name_row"))));
  g_assert_null (dg_field_row_get_error (DG_FIELD_ROW (dg_customers_test_editor_child (editor, "name_row"))));

  /* Save is refused, nothing is written, and the bad field gets focus. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  dg_ui_test_flush ();
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpint (dg_customers_test_count_all (), ==, 0);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (editor)),
                                         dg_customers_test_editor_child (editor, "email_row")));
  dg_customers_test_screenshot (GTK_WIDGET (editor), "editor-invalid");

  dg_customers_test_editor_set_text (editor, "email_row", "minsu@example.com");
  g_assert_false (gtk_widget_get_visible (email_error));
  g_assert_false (gtk_widget_has_css_class (email_row, "error"));
  g_assert_null (dg_field_row_get_error (DG_FIELD_ROW (email_row)));
  dg_customers_test_screenshot (GTK_WIDGET (editor), "editor");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  dg_ui_test_wait_for (editor == NULL);

  g_assert_cmpint (dg_customers_test_count_all (), ==, 1);
  dg_ui_test_wait_for (dg_customers_test_shows_only ("김민수"));

  /* Created, updated and consent given at the fake clock's time. */
  {
    g_autoptr(GDateTime) now = dg_clock_get_now_utc (DG_CLOCK (fixture->clock));
    g_autoptr(DgCustomer) stored = NULL;
    g_autoptr(GError) error = NULL;

    stored = dg_customers_get (dg_customers_test_get_database (),
                               dg_customers_test_find_id ("김민수"), &error);
    g_assert_no_error (error);
    g_assert_true (g_date_time_equal (dg_customer_get_created_at (stored), now));
    g_assert_true (g_date_time_equal (dg_customer_get_updated_at (stored), now));
    g_assert_true (dg_customer_get_marketing_consent (stored));
    g_assert_true (g_date_time_equal (dg_customer_get_consent_at (stored), now));
  }
}

/* 김민수 as the form of add-with-validation stores her, with @phone:
 * page-and-edit changes it. */
static void
insert_minsu (const char *phone)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  const char *tags[] = { "VIP", "workshop", NULL };
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, "김민수");
  dg_customer_set_phone (customer, phone);
  dg_customer_set_email (customer, "minsu@example.com");
  dg_customer_set_organization (customer, "Hanbit Consulting");
  dg_customer_set_source (customer, "Blog");
  dg_customer_set_birthday (customer, "1988-04-12");
  dg_customer_set_tags (customer, tags);
  dg_customer_set_note (customer, "Prefers calls after 6 pm.\nAsked about the spring workshop.");
  dg_customer_set_marketing_consent (customer, TRUE, NULL);
  dg_customers_insert (dg_customers_test_get_database (), customer, &error);
  g_assert_no_error (error);
}

/* The five customers the list adds to 김민수. */
static void
insert_others (void)
{
  dg_customers_test_insert ("Alice Johnson", "010-2222-3333", "alice@example.com", "Sunrise Studio", "workshop");
  dg_customers_test_insert ("박지성", "010-5555-1212", "jisung.park@example.kr", NULL, "VIP");
  dg_customers_test_insert ("이민호", "02-345-6789", "minho.lee@example.kr", "한빛 컨설팅", "강의");
  dg_customers_test_insert ("Bob Stone", "010-7777-8888", "bob@stone.dev", NULL, "newsletter");
  dg_customers_test_insert ("김민지", "010-3030-4040", "minji@example.kr", NULL, "워크숍, VIP");
}

/* The six customers of the list, shown. */
static void
insert_all (const char *minsu_phone)
{
  insert_minsu (minsu_phone);
  insert_others ();
  dg_ui_test_wait_for (dg_customers_test_n_items () == 6);
}

static void
test_list (DgUiFixture   *fixture,
           gconstpointer  data)
{
  insert_minsu ("010-1234-5678");
  dg_ui_test_wait_for (dg_customers_test_n_items () == 1);

  insert_others ();
  dg_ui_test_wait_for (dg_customers_test_n_items () == 6);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (dg_customers_test_view_child ("list_stack"))), ==, "list");
  /* An empty state is built the first time it is shown, not with the view. */
  g_assert_null (gtk_stack_get_child_by_name (GTK_STACK (dg_customers_test_view_child ("list_stack")), "no-results"));

  {
    g_autofree char *expected = g_strdup_printf (ngettext ("%u customer", "%u customers", 6), 6);

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (dg_customers_test_view_child ("count_label"))), ==, expected);
  }

  dg_customers_test_screenshot (GTK_WIDGET (dg_customers_test_get_window ()), "customers-list");
}

static void
test_sort_by_column (DgUiFixture   *fixture,
                     gconstpointer  data)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (dg_customers_test_view_child ("column_view"));
  GListModel *columns = gtk_column_view_get_columns (column_view);
  g_autoptr(GtkColumnViewColumn) email_column = NULL;
  g_autoptr(GtkColumnViewColumn) name_column = NULL;
  g_autofree char *first = NULL;

  insert_all ("010-1234-5678");

  name_column = g_list_model_get_item (columns, 0);
  email_column = g_list_model_get_item (columns, 2);

  /* The header's sort order reaches the SQL query: emails descending puts
   * bob@stone.dev before alice@example.com and the .kr addresses. */
  gtk_column_view_sort_by_column (column_view, email_column, GTK_SORT_DESCENDING);
  dg_ui_test_wait_for (dg_customers_test_n_items () == 6);
  first = dg_customers_test_dup_name (0);
  g_assert_cmpstr (first, ==, "김민수");
  g_clear_pointer (&first, g_free);
  first = dg_customers_test_dup_name (5);
  g_assert_cmpstr (first, ==, "Alice Johnson");
  g_clear_pointer (&first, g_free);

  gtk_column_view_sort_by_column (column_view, name_column, GTK_SORT_ASCENDING);
  first = dg_customers_test_dup_name (0);
  g_assert_cmpstr (first, ==, "Alice Johnson");
}

static void
test_search_korean (DgUiFixture   *fixture,
                    gconstpointer  data)
{
  GtkEditable *search = GTK_EDITABLE (dg_customers_test_view_child ("search_entry"));

  insert_all ("010-1234-5678");

  /* Two Korean characters: below the trigram index's reach. */
  gtk_editable_set_text (search, "민수");
  dg_ui_test_wait_for (dg_customers_test_shows_only ("김민수"));

  {
    g_autofree char *expected = g_strdup_printf (ngettext ("%1$u of %2$u customer", "%1$u of %2$u customers", 6), 1, 6);

    dg_ui_test_wait_for (g_strcmp0 (gtk_label_get_text (GTK_LABEL (dg_customers_test_view_child ("count_label"))), expected) == 0);
  }

  gtk_editable_set_text (search, "");
  dg_ui_test_wait_for (dg_customers_test_n_items () == 6);

  /* Initial consonants. */
  gtk_editable_set_text (search, "ㄱㅁㅅ");
  dg_ui_test_wait_for (dg_customers_test_shows_only ("김민수"));
  dg_customers_test_screenshot (GTK_WIDGET (dg_customers_test_get_window ()), "customers-search");

  gtk_editable_set_text (search, "ㅁㅅ");
  dg_ui_test_wait_for (dg_customers_test_shows_only ("김민수"));

  /* A search that finds nobody says so, and says what to try. */
  gtk_editable_set_text (search, "zzzz");
  dg_ui_test_wait_for (dg_customers_test_n_items () == 0);
  dg_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (dg_customers_test_view_child ("list_stack"))),
                                  "no-results") == 0);
  dg_customers_test_screenshot (GTK_WIDGET (dg_customers_test_get_window ()), "customers-no-results");

  gtk_editable_set_text (search, "");
  dg_ui_test_wait_for (dg_customers_test_n_items () == 6);
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
static void
test_page_and_edit (DgUiFixture   *fixture,
                    gconstpointer  data)
{
  DgCustomerEditor *editor;
  GtkLabel *phone_value;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) updated = NULL;
  g_autoptr(DgCustomer) stored = NULL;
  g_autoptr(GError) error = NULL;

  insert_all ("010-1234-5678");

  dg_customers_test_open ("김민수");

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (dg_customers_test_view_child ("name_label"))), ==, "김민수");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (dg_customers_test_view_child ("email_value"))), ==, "minsu@example.com");
  g_assert_nonnull (strstr (gtk_label_get_text (dg_note_fold_get_label (DG_NOTE_FOLD (dg_customers_test_view_child ("note_fold")))), "spring workshop"));
  phone_value = GTK_LABEL (dg_customers_test_view_child ("phone_value"));
  g_assert_cmpstr (gtk_label_get_text (phone_value), ==, "010-1234-5678");
  dg_customers_test_screenshot (GTK_WIDGET (dg_customers_test_get_window ()), "customer-page");

  dg_customers_test_activate ("customers.edit");
  editor = dg_customers_test_wait_for_editor ();
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);

  /* The form starts with what is stored. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dg_customers_test_editor_child (editor, "name_row"))), ==, "김민수");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dg_customers_test_editor_child (editor, "tags_row"))), ==, "VIP, workshop");

  /* Saved two hours after it was added: updated then, by the fake clock. */
  created = dg_clock_get_now_utc (DG_CLOCK (fixture->clock));
  dg_fake_clock_advance (fixture->clock, 2 * G_TIME_SPAN_HOUR);
  updated = dg_clock_get_now_utc (DG_CLOCK (fixture->clock));

  dg_customers_test_editor_set_text (editor, "phone_row", "010-9876-5432");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  dg_ui_test_wait_for (editor == NULL);

  dg_ui_test_wait_for (g_strcmp0 (gtk_label_get_text (phone_value), "010-9876-5432") == 0);

  stored = dg_customers_get (dg_customers_test_get_database (),
                             dg_customers_test_find_id ("김민수"), &error);
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (dg_customer_get_created_at (stored), created));
  g_assert_true (g_date_time_equal (dg_customer_get_updated_at (stored), updated));
}

/* The page header: the corner where the other pages have "Add" holds a
 * menu, and Delete is in it, never a button of its own. */
static void
test_archive_filter (DgUiFixture   *fixture,
                     gconstpointer  data)
{
  GtkDropDown *filter = GTK_DROP_DOWN (dg_customers_test_view_child ("archived_dropdown"));
  guint position = G_MAXUINT;

  insert_all ("010-9876-5432");

  for (guint i = 0; i < dg_customers_test_n_items (); i++)
    {
      g_autofree char *name = dg_customers_test_dup_name (i);

      if (g_strcmp0 (name, "Bob Stone") == 0)
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);

  g_assert_true (gtk_selection_model_select_item (dg_customers_test_get_selection (), position, TRUE));
  dg_customers_test_activate ("customers.archive");

  /* Archived customers leave the everyday list... */
  dg_ui_test_wait_for (dg_customers_test_n_items () == 5);
  g_assert_cmpint (dg_customers_test_count_all (), ==, 6);

  /* ...and are found under Archived, and under All. */
  gtk_drop_down_set_selected (filter, 1);
  dg_ui_test_wait_for (dg_customers_test_shows_only ("Bob Stone"));
  gtk_drop_down_set_selected (filter, 2);
  dg_ui_test_wait_for (dg_customers_test_n_items () == 6);

  /* Undo brings it back among the active ones. */
  gtk_drop_down_set_selected (filter, 0);
  dg_ui_test_wait_for (dg_customers_test_n_items () == 5);
  {
    GtkWidget *undo;

    dg_ui_test_wait_for ((undo = dg_ui_test_find_button (GTK_WIDGET (dg_customers_test_get_window ()), _("Undo"))) != NULL);
    gtk_widget_activate (undo);
  }
  dg_ui_test_wait_for (dg_customers_test_n_items () == 6);

  /* From the page: the badge shows, and the button offers the way back. */
  dg_customers_test_open ("Bob Stone");
  g_assert_false (gtk_widget_get_visible (dg_customers_test_view_child ("archived_label")));
  dg_customers_test_activate ("customers.archive");
  dg_ui_test_wait_for (gtk_widget_get_visible (dg_customers_test_view_child ("archived_label")));
  dg_ui_test_wait_for (g_strcmp0 (page_menu_label ("customers.archive"), _("_Unarchive")) == 0);
  dg_customers_test_screenshot (GTK_WIDGET (dg_customers_test_get_window ()), "customer-page-archived");

  dg_customers_test_activate ("customers.archive");
  dg_ui_test_wait_for (!gtk_widget_get_visible (dg_customers_test_view_child ("archived_label")));
  dg_ui_test_wait_for (g_strcmp0 (page_menu_label ("customers.archive"), _("_Archive")) == 0);

  dg_customers_test_activate ("customers.back");
  dg_ui_test_wait_for (adw_leaflet_get_visible_child (ADW_LEAFLET (dg_customers_test_view_child ("leaflet"))) == dg_customers_test_view_child ("list_box"));
  g_assert_cmpuint (dg_customers_test_n_items (), ==, 6);
}

static void
test_save_error_is_shown (DgUiFixture   *fixture,
                          gconstpointer  data)
{
  DgCustomerEditor *editor;
  GtkWidget *revealer;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  insert_all ("010-9876-5432");

  for (guint i = 0; i < dg_customers_test_n_items (); i++)
    {
      g_autofree char *name = dg_customers_test_dup_name (i);

      if (g_strcmp0 (name, "Alice Johnson") == 0)
        {
          gtk_selection_model_select_item (dg_customers_test_get_selection (), i, TRUE);
          id = dg_customers_test_selected_id ();
        }
    }
  g_assert_cmpint (id, >, 0);

  dg_customers_test_activate ("customers.edit");
  editor = dg_customers_test_wait_for_editor ();
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);

  /* Someone else deletes the customer while the form is open. */
  dg_customers_delete (dg_customers_test_get_database (), id, &error);
  g_assert_no_error (error);

  dg_customers_test_editor_set_text (editor, "organization_row", "Sunset Studio");
  g_assert_false (dg_customer_editor_save (editor));

  /* The form stays, with the reason on top, and nothing came back. */
  g_assert_nonnull (editor);
  revealer = dg_customers_test_editor_child (editor, "error_revealer");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (dg_customers_test_editor_child (editor, "error_label"))), !=, "");
  g_assert_null (dg_customers_get (dg_customers_test_get_database (), id, NULL));
  dg_customers_test_screenshot (GTK_WIDGET (editor), "editor-save-error");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  dg_ui_test_wait_for (editor == NULL);
  dg_ui_test_wait_for (dg_customers_test_n_items () == 5);
}

/* The action a shortcut of the view's global controller activates. */
static char *
dup_shortcut_action (const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (dg_customers_test_get_view ()));
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
test_shortcuts (DgUiFixture   *fixture,
                gconstpointer  data)
{
  GtkWidget *search = dg_customers_test_view_child ("search_entry");
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

  gtk_widget_grab_focus (dg_customers_test_view_child ("column_view"));
  dg_customers_test_activate ("customers.search");
  dg_ui_test_wait_for (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dg_customers_test_get_window ())), search));
}

static void
test_window_menu (DgUiFixture   *fixture,
                  gconstpointer  data)
{
  g_auto(GStrv) quit_accels = NULL;
  g_auto(GStrv) help_accels = NULL;
  GtkShortcutsWindow *help;
  GtkWindow *about;

  quit_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (dg_customers_test_get_app ()), "app.quit");
  g_assert_cmpstr (quit_accels[0], ==, "<Control>q");
  help_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (dg_customers_test_get_app ()), "win.show-help-overlay");
  g_assert_nonnull (help_accels[0]);

  /* The shortcuts window is built when first asked for, then kept. */
  help = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (dg_customers_test_get_window ()));
  g_assert_null (help);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dg_customers_test_get_window ()), "win.show-help-overlay", NULL));
  help = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (dg_customers_test_get_window ()));
  g_assert_nonnull (help);
  dg_ui_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (help)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (help)) == GTK_WINDOW (dg_customers_test_get_window ()));
  dg_customers_test_screenshot (GTK_WIDGET (help), "shortcuts");
  gtk_window_close (GTK_WINDOW (help));
  dg_ui_test_wait_for (!gtk_widget_get_visible (GTK_WIDGET (help)));
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (dg_customers_test_get_window ())) == help);

  g_action_group_activate_action (G_ACTION_GROUP (dg_customers_test_get_app ()), "about", NULL);
  dg_ui_test_wait_for ((about = dg_ui_test_find_window (ADW_TYPE_ABOUT_WINDOW)) != NULL);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (dg_customers_test_get_window ()));
  gtk_window_destroy (about);
  dg_ui_test_wait_for (dg_ui_test_find_window (ADW_TYPE_ABOUT_WINDOW) == NULL);
}

static void
test_quit_saves_size (DgUiFixture   *fixture,
                      gconstpointer  data)
{
  DgWindow *window = dg_customers_test_get_window ();
  GSettings *settings = dg_context_get_settings (dg_window_get_context (window));
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* The tests find the build tree's schema, so settings are there. */
  g_assert_nonnull (settings);
  g_settings_set_int (settings, "window-width", 1);
  g_settings_set_int (settings, "window-height", 1);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  g_action_group_activate_action (G_ACTION_GROUP (dg_customers_test_get_app ()), "quit", NULL);
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
  dg_customers_test_screenshot (GTK_WIDGET (dialog), "database-error");

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

  g_test_add_func ("/ui/app/version", test_version);
  g_test_add_func ("/ui/app/refuse-foreign-database", test_refuse_foreign_database);
  g_test_add_func ("/ui/app/refuse-foreign-database/subprocess", test_refuse_foreign_database_subprocess);
  DG_CUSTOMERS_TEST_ADD ("/ui/customers/empty-state", test_empty_state);
  DG_CUSTOMERS_TEST_ADD ("/ui/customers/add-with-validation", test_add_with_validation);
  DG_CUSTOMERS_TEST_ADD ("/ui/customers/list", test_list);
  DG_CUSTOMERS_TEST_ADD ("/ui/customers/sort-by-column", test_sort_by_column);
  DG_CUSTOMERS_TEST_ADD ("/ui/customers/search-korean", test_search_korean);
  DG_CUSTOMERS_TEST_ADD ("/ui/customers/page-and-edit", test_page_and_edit);
  DG_CUSTOMERS_TEST_ADD ("/ui/customers/archive-filter", test_archive_filter);
  DG_CUSTOMERS_TEST_ADD ("/ui/customers/shortcuts", test_shortcuts);
  DG_CUSTOMERS_TEST_ADD ("/ui/customers/save-error-is-shown", test_save_error_is_shown);
  DG_CUSTOMERS_TEST_ADD ("/ui/window/menu", test_window_menu);
  DG_CUSTOMERS_TEST_ADD ("/ui/window/quit-saves-size", test_quit_saves_size);

  return g_test_run ();
}
