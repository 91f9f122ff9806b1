/* test-ui-customer-filters.c
 *
 * The filters of the customer list in the real window: a customer saved
 * while a search is on is shown, not hidden; a tag clicked on a customer's
 * page lists its customers, with a chip that clears; the Filter menu's
 * source and "no contact for" choices, together with the search text and
 * the empty state they can lead to; and Select All under a filter, which
 * selects the customers it keeps and no others.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dg-customer-selection.h"
#include "dg-customers-test-util.h"
#include "dg-test-util.h"
#include "dg-ui-test-util.h"

static DgCustomerList *
get_list (void)
{
  return dg_customers_view_get_list (dg_customers_test_get_view ());
}

static GtkWidget *
get_page (void)
{
  return GTK_WIDGET (dg_customers_view_get_customer_page (dg_customers_test_get_view ()));
}

static gboolean
page_is_shown (void)
{
  return adw_leaflet_get_visible_child (ADW_LEAFLET (dg_customers_test_view_child ("leaflet"))) == get_page ();
}

/* Whether the customer page shows the customer named @name. */
static gboolean
page_shows (const char *name)
{
  DgCustomer *customer;

  if (!page_is_shown ())
    return FALSE;

  customer = dg_customer_page_get_customer (DG_CUSTOMER_PAGE (get_page ()));

  return customer != NULL && g_strcmp0 (dg_customer_get_name (customer), name) == 0;
}

static void
assert_name_at (guint       position,
                const char *name)
{
  g_autofree char *shown = dg_customers_test_dup_name (position);

  g_assert_cmpstr (shown, ==, name);
}

static const char *
search_text (void)
{
  return gtk_editable_get_text (GTK_EDITABLE (dg_customers_test_view_child ("search_entry")));
}

static void
set_search (const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (dg_customers_test_view_child ("search_entry")), text);
  dg_ui_test_wait_for (g_strcmp0 (dg_customer_list_get_text (get_list ()), text) == 0);
}

/* A customer with @source and @tags, added @added_days_ago days before
 * the fixture's clock, and contacted @contact_days_ago days before it
 * (never when negative). */
static gint64
insert_customer (const char *name,
                 const char *source,
                 const char *tags_text,
                 int         added_days_ago,
                 int         contact_days_ago)
{
  DgUiFixture *fixture = dg_ui_fixture_get_current ();
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_auto(GStrv) tags = dg_tags_parse (tags_text);
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (DG_CLOCK (fixture->clock));
  g_autoptr(GDateTime) added = g_date_time_add_days (now, -added_days_ago);
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  dg_customer_set_source (customer, source);
  dg_customer_set_tags (customer, (const char * const *) tags);
  dg_customer_set_created_at (customer, added);
  g_assert_true (dg_customers_insert (fixture->database, customer, &error));
  g_assert_no_error (error);

  if (contact_days_ago >= 0)
    {
      g_autoptr(DgInteraction) interaction = dg_interaction_new ();
      g_autoptr(GDateTime) when = g_date_time_add_days (now, -contact_days_ago);

      dg_interaction_set_customer_id (interaction, dg_customer_get_id (customer));
      dg_interaction_set_occurred_at (interaction, when);
      dg_interaction_set_channel (interaction, DG_INTERACTION_CHANNEL_CALL);
      g_assert_true (dg_interactions_insert (fixture->database, DG_CLOCK (fixture->clock), interaction, &error));
      g_assert_no_error (error);
    }

  return dg_customer_get_id (customer);
}

/* Five customers: two tagged 봄 강의, two from the blog, three not
 * contacted for over a month. */
static void
insert_customers (void)
{
  insert_customer ("김민수", "Blog", "봄 강의, VIP", 200, 45);
  insert_customer ("이서연", "친구 소개", "봄 강의", 200, 3);
  insert_customer ("Bob Stone", "Blog", "", 100, -1);
  insert_customer ("Alice Kim", "Instagram", "VIP", 10, -1);
  insert_customer ("박지훈", "", "가을 세미나", 300, 120);
}

/* A screenshot of the window once the list has read all its rows: a
 * worker that ends after the frames waited for would have the window
 * drawn again, and the screenshot catch it between two frames, empty. */
static void
screenshot (const char *name)
{
  dg_ui_test_wait_for (dg_customer_list_is_complete (get_list ()) &&
                       !dg_customer_list_is_loading (get_list ()));
  dg_ui_test_flush ();
  dg_customers_test_screenshot (GTK_WIDGET (dg_customers_test_get_window ()), name);
}

/* The texts of the chips of the filter bar, "|" between them. */
static char *
chip_texts (void)
{
  GtkWidget *chips = dg_customers_test_view_child ("filter_chips");
  g_autoptr(GString) texts = g_string_new (NULL);

  if (!gtk_widget_is_visible (chips))
    return g_strdup ("");

  for (GtkWidget *child = gtk_widget_get_first_child (chips);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = dg_ui_test_find_by_type (child, GTK_TYPE_LABEL);

      if (texts->len > 0)
        g_string_append_c (texts, '|');
      g_string_append (texts, gtk_label_get_text (GTK_LABEL (label)));
    }

  return g_string_free (g_steal_pointer (&texts), FALSE);
}

static gboolean
chips_are (const char *expected)
{
  g_autofree char *texts = chip_texts ();

  return g_strcmp0 (texts, expected) == 0;
}

static char *
tag_chip (const char *tag)
{
  return g_strdup_printf (_("Tag: %s"), tag);
}

static char *
source_chip (const char *source)
{
  return g_strdup_printf (_("Source: %s"), source);
}

static char *
no_contact_chip (guint days)
{
  return g_strdup_printf (ngettext ("No contact for %u day", "No contact for %u days", days), days);
}

static const char *
count_text (void)
{
  return gtk_label_get_text (GTK_LABEL (dg_customers_test_view_child ("count_label")));
}

static char *
n_of_total (guint n,
            guint total)
{
  return g_strdup_printf (ngettext ("%1$u of %2$u customer", "%1$u of %2$u customers", total), n, total);
}

/* The remove button of the chip whose button sets @action_name. */
static GtkWidget *
chip_remove_button (const char *action_name)
{
  GtkWidget *chips = dg_customers_test_view_child ("filter_chips");

  for (GtkWidget *child = gtk_widget_get_first_child (chips);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = dg_ui_test_find_by_type (child, GTK_TYPE_BUTTON);

      if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), action_name) == 0)
        return button;
    }

  return NULL;
}

/* A mapped item of a popover menu showing @text. */
static GtkWidget *
find_menu_item (GtkWidget  *root,
                const char *text)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;

  if (g_strcmp0 (G_OBJECT_TYPE_NAME (root), "GtkModelButton") == 0)
    {
      g_autofree char *label = NULL;

      g_object_get (root, "text", &label, NULL);
      if (g_strcmp0 (label, text) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_item (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Opens the Filter menu and its submenu @submenu; returns the popover. */
static GtkWidget *
open_filter_submenu (const char *submenu)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (dg_customers_test_view_child ("filter_button"));
  GtkWidget *popover;
  GtkWidget *item = NULL;

  gtk_menu_button_popup (button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  g_assert_nonnull (popover);
  dg_ui_test_wait_for (gtk_widget_get_mapped (popover));

  dg_ui_test_wait_for ((item = find_menu_item (popover, submenu)) != NULL);
  gtk_widget_activate (item);

  return popover;
}

/* Chooses @choice in the submenu @submenu of the Filter menu, as a click
 * does. */
static void
choose_filter (const char *submenu,
               const char *choice)
{
  GtkWidget *popover = open_filter_submenu (submenu);
  GtkWidget *item = NULL;

  dg_ui_test_wait_for ((item = find_menu_item (popover, choice)) != NULL);
  gtk_widget_activate (item);
  dg_ui_test_wait_for (!gtk_widget_get_visible (popover));
}

static DgCustomerEditor *
open_editor (const char *action)
{
  DgCustomerEditor *editor;

  dg_customers_test_activate (action);
  editor = dg_customers_test_wait_for_editor ();

  return editor;
}

static void
save_editor (DgCustomerEditor *editor)
{
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  dg_ui_test_wait_for (editor == NULL);
}

/* A customer added or changed while a search is on is shown: the new one
 * opens on its page; a changed one the search no longer finds opens on its
 * page; one it still finds stays selected in the list. */
static void
test_saved_while_searching (DgUiFixture   *fixture,
                            gconstpointer  data)
{
  DgCustomerEditor *editor;
  gint64 id;

  insert_customers ();
  set_search ("Bob");
  dg_ui_test_wait_for (dg_customers_test_shows_only ("Bob Stone"));

  /* Added: the search does not find her, and her page opens. */
  editor = open_editor ("customers.new");
  dg_customers_test_editor_set_text (editor, "name_row", "최하늘");
  save_editor (editor);
  dg_ui_test_wait_for (page_shows ("최하늘"));
  /* The search is still there to go back to. */
  g_assert_cmpstr (search_text (), ==, "Bob");
  screenshot ("customers-added-while-searching");
  dg_customers_test_activate ("customers.back");
  dg_ui_test_wait_for (!page_is_shown ());
  g_assert_true (dg_customers_test_shows_only ("Bob Stone"));

  /* Changed so that the search no longer finds him: his page opens. */
  id = dg_customers_test_find_id ("Bob Stone");
  dg_customer_selection_set_selected (DG_CUSTOMER_SELECTION (dg_customers_test_get_selection ()), 0);
  editor = open_editor ("customers.edit");
  dg_customers_test_editor_set_text (editor, "name_row", "Robert Stone");
  save_editor (editor);
  dg_ui_test_wait_for (page_shows ("Robert Stone"));
  g_assert_cmpint (dg_customer_get_id (dg_customer_page_get_customer (DG_CUSTOMER_PAGE (get_page ()))), ==, id);
  dg_customers_test_activate ("customers.back");
  dg_ui_test_wait_for (!page_is_shown ());
  dg_ui_test_wait_for (dg_customers_test_n_items () == 0);

  /* Changed and still found: the list keeps him selected, no page. */
  set_search ("Stone");
  dg_ui_test_wait_for (dg_customers_test_shows_only ("Robert Stone"));
  dg_customer_selection_set_selected (DG_CUSTOMER_SELECTION (dg_customers_test_get_selection ()), 0);
  editor = open_editor ("customers.edit");
  dg_customers_test_editor_set_text (editor, "name_row", "Rob Stone");
  save_editor (editor);
  dg_ui_test_wait_for (dg_customers_test_shows_only ("Rob Stone"));
  g_assert_false (page_is_shown ());
  g_assert_cmpint (dg_customers_test_selected_id (), ==, id);

  /* A filter hides a new customer as a search does: the page opens. */
  set_search ("");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dg_customers_test_get_view ()),
                                             "customers.filter-tag", "s", "VIP"));
  dg_ui_test_wait_for (dg_customers_test_n_items () == 2);
  editor = open_editor ("customers.new");
  dg_customers_test_editor_set_text (editor, "name_row", "정다은");
  save_editor (editor);
  dg_ui_test_wait_for (page_shows ("정다은"));
  g_assert_cmpstr (dg_customer_list_get_tag (get_list ()), ==, "VIP");
}

/* A tag on a customer's page lists every customer with it, with a chip
 * that says so; clearing it brings everyone back. */
static void
test_tag_click (DgUiFixture   *fixture,
                gconstpointer  data)
{
  g_autofree char *chip = tag_chip ("봄 강의");
  g_autofree char *count = n_of_total (2, 5);
  g_autofree char *all = g_strdup_printf (ngettext ("%u customer", "%u customers", 5), 5);
  GtkWidget *tag_button = NULL;

  insert_customers ();
  dg_ui_test_wait_for (dg_customers_test_n_items () == 5);
  g_assert_false (gtk_widget_get_visible (dg_customers_test_view_child ("filter_bar")));

  /* From a search, to the page of one it found. */
  set_search ("김민수");
  dg_ui_test_wait_for (dg_customers_test_shows_only ("김민수"));
  dg_customers_test_open ("김민수");

  dg_ui_test_wait_for ((tag_button = dg_ui_test_find_button (get_page (), "봄 강의")) != NULL);
  g_assert_true (gtk_widget_is_visible (tag_button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (tag_button)), ==, "customers.show-tagged");
  dg_customers_test_screenshot (GTK_WIDGET (dg_customers_test_get_window ()), "customer-page-tags");
  gtk_widget_activate (tag_button);

  /* The list of everyone tagged 봄 강의, the search gone. */
  dg_ui_test_wait_for (!page_is_shown ());
  dg_ui_test_wait_for (dg_customers_test_n_items () == 2);
  g_assert_cmpstr (search_text (), ==, "");
  g_assert_cmpstr (dg_customer_list_get_tag (get_list ()), ==, "봄 강의");
  assert_name_at (0, "김민수");
  assert_name_at (1, "이서연");
  dg_ui_test_wait_for (gtk_widget_is_visible (dg_customers_test_view_child ("filter_bar")));
  g_assert_true (chips_are (chip));
  dg_ui_test_wait_for (g_strcmp0 (count_text (), count) == 0);
  screenshot ("customers-filter-bar");

  /* Clear Filters: everyone again. */
  gtk_widget_activate (dg_customers_test_view_child ("clear_filters_button"));
  dg_ui_test_wait_for (dg_customers_test_n_items () == 5);
  g_assert_false (gtk_widget_get_visible (dg_customers_test_view_child ("filter_bar")));
  g_assert_null (dg_customer_list_get_tag (get_list ()));
  dg_ui_test_wait_for (g_strcmp0 (count_text (), all) == 0);

  /* The chip's own button removes its filter too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dg_customers_test_get_view ()),
                                             "customers.filter-tag", "s", "VIP"));
  dg_ui_test_wait_for (dg_customers_test_n_items () == 2);
  {
    g_autofree char *vip = tag_chip ("VIP");

    g_assert_true (chips_are (vip));
  }
  gtk_widget_activate (chip_remove_button ("customers.filter-tag"));
  dg_ui_test_wait_for (dg_customers_test_n_items () == 5);
  g_assert_true (chips_are (""));
}

/* The Filter menu: a source, then "no contact for" the going-cold days,
 * together and with the search text, down to the empty state. */
static void
test_source_and_no_contact (DgUiFixture   *fixture,
                            gconstpointer  data)
{
  g_autofree char *blog = source_chip ("Blog");
  g_autofree char *cold = no_contact_chip (30);
  g_autofree char *both = g_strdup_printf ("%s|%s", blog, cold);
  g_autofree char *days = g_strdup_printf (ngettext ("%u day", "%u days", 30), 30);
  g_autofree char *cold_item = g_strdup_printf (_("%s (going cold)"), days);
  g_autofree char *empty = NULL;
  AdwStatusPage *status;
  GtkWidget *popover;

  /* With nobody stored, the menu says there is nothing to choose. */
  popover = open_filter_submenu (_("Tag"));
  dg_ui_test_wait_for (find_menu_item (popover, _("No tags yet")) != NULL);
  g_assert_false (gtk_widget_is_sensitive (find_menu_item (popover, _("No tags yet"))));
  g_assert_nonnull (find_menu_item (popover, _("Any Tag")));
  gtk_popover_popdown (GTK_POPOVER (popover));
  dg_ui_test_wait_for (!gtk_widget_get_visible (popover));

  insert_customers ();
  dg_ui_test_wait_for (dg_customers_test_n_items () == 5);

  /* The menu offers the sources in use, each once. */
  popover = open_filter_submenu (_("Source"));
  dg_ui_test_wait_for (find_menu_item (popover, "친구 소개") != NULL);
  g_assert_nonnull (find_menu_item (popover, "Instagram"));
  g_assert_nonnull (find_menu_item (popover, _("Any Source")));
  g_free (dg_ui_test_screenshot_with_popover (popover, "customers-filter-menu"));
  gtk_popover_popdown (GTK_POPOVER (popover));
  dg_ui_test_wait_for (!gtk_widget_get_visible (popover));

  choose_filter (_("Source"), "Blog");
  dg_ui_test_wait_for (dg_customers_test_n_items () == 2);
  assert_name_at (0, "Bob Stone");
  assert_name_at (1, "김민수");
  g_assert_true (chips_are (blog));

  /* Bob was never contacted and was added 100 days ago; 김민수 was last
   * called 45 days ago: both cold after 30 days. */
  choose_filter (_("No Contact For"), cold_item);
  dg_ui_test_wait_for (dg_customer_list_get_no_contact_days (get_list ()) == 30);
  g_assert_cmpuint (dg_customers_test_n_items (), ==, 2);
  g_assert_true (chips_are (both));

  /* Without the source, the cold ones from anywhere: 박지훈 too, not
   * 이서연 (called 3 days ago) or Alice (added 10 days ago). */
  gtk_widget_activate (chip_remove_button ("customers.filter-source"));
  dg_ui_test_wait_for (dg_customers_test_n_items () == 3);
  g_assert_true (chips_are (cold));
  assert_name_at (2, "박지훈");

  /* The search text narrows what the filters keep. */
  set_search ("Bob");
  dg_ui_test_wait_for (dg_customers_test_shows_only ("Bob Stone"));

  /* Twenty-five days on, Alice has gone a month without contact as well. */
  set_search ("");
  dg_fake_clock_advance (fixture->clock, 25 * G_TIME_SPAN_DAY);
  dg_ui_test_wait_for (dg_customers_test_n_items () == 4);

  /* Nobody matches: the empty state says the filters are why, and clears
   * them. */
  set_search ("Alice");
  dg_ui_test_wait_for (dg_customers_test_shows_only ("Alice Kim"));
  choose_filter (_("Source"), "친구 소개");
  dg_ui_test_wait_for (dg_customers_test_n_items () == 0);
  empty = g_strdup_printf (_("No customer matches “%s” with these filters."), "Alice");
  dg_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (dg_customers_test_view_child ("list_stack"))), "no-results") == 0);
  status = ADW_STATUS_PAGE (dg_customers_test_view_child ("no_results_page"));
  g_assert_cmpstr (adw_status_page_get_description (status), ==, empty);
  g_assert_true (gtk_widget_is_visible (dg_customers_test_view_child ("no_results_clear_button")));
  screenshot ("customers-filter-empty");

  set_search ("");
  dg_ui_test_wait_for (g_strcmp0 (adw_status_page_get_description (status), _("No customers match these filters.")) == 0);

  gtk_widget_activate (dg_customers_test_view_child ("no_results_clear_button"));
  dg_ui_test_wait_for (dg_customers_test_n_items () == 5);
  g_assert_true (chips_are (""));
  g_assert_cmpuint (dg_customer_list_get_no_contact_days (get_list ()), ==, 0);
  g_assert_null (dg_customer_list_get_source (get_list ()));
}

/* Select All under a filter selects the customers it keeps, and the bulk
 * actions get those ids only. */
static void
test_select_all_filtered (DgUiFixture   *fixture,
                          gconstpointer  data)
{
  DgCustomerQuery everyone = { .archived = DG_ARCHIVED_INCLUDE };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) tagged = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) selected = NULL;
  g_autoptr(GError) error = NULL;

  dg_customers_test_insert_generated (3000);
  ids = dg_customers_search_ids (fixture->database, &everyone, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 3000);
  for (guint i = 7; i < ids->len; i += 97)
    {
      gint64 id = g_array_index (ids, gint64, i);

      g_assert_true (dg_customers_add_tag (fixture->database, id, "재방문", &error));
      g_assert_no_error (error);
      g_array_append_val (tagged, id);
    }
  dg_ui_test_wait_for (dg_customer_list_is_complete (get_list ()) &&
                       dg_customers_test_n_items () == 3000);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dg_customers_test_get_view ()),
                                             "customers.filter-tag", "s", "재방문"));
  dg_ui_test_wait_for (dg_customer_list_is_complete (get_list ()) &&
                       dg_customers_test_n_items () == tagged->len);

  dg_customers_test_activate ("customers.select-all");
  g_assert_cmpuint (dg_customer_selection_get_n_selected (DG_CUSTOMER_SELECTION (dg_customers_test_get_selection ())),
                    ==, tagged->len);
  /* In list order, that is by name: the order they were generated in. */
  selected = dg_customer_selection_get_selected_ids (DG_CUSTOMER_SELECTION (dg_customers_test_get_selection ()));
  g_assert_cmpuint (selected->len, ==, tagged->len);
  g_assert_cmpint (memcmp (selected->data, tagged->data, tagged->len * sizeof (gint64)), ==, 0);
  dg_ui_test_wait_for (gtk_revealer_get_child_revealed (GTK_REVEALER (dg_customers_test_view_child ("selection_revealer"))));
  /* Each row on show is drawn selected. */
  {
    GtkWidget *rows = dg_ui_test_find_by_type (dg_customers_test_view_child ("column_view"), GTK_TYPE_LIST_VIEW);

    for (GtkWidget *row = gtk_widget_get_first_child (rows); row != NULL; row = gtk_widget_get_next_sibling (row))
      if (gtk_widget_get_visible (row) && dg_ui_test_row_get_text (row, 0) != NULL)
        g_assert_true (gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED);
  }
  gtk_widget_grab_focus (dg_customers_test_view_child ("column_view"));
  screenshot ("customers-filter-select-all");
}

static gint64
add_journey (const char *name)
{
  DgUiFixture *fixture = dg_ui_fixture_get_current ();
  g_autoptr(DgJourney) journey = dg_journey_new (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_journeys_insert (fixture->database, journey, &error));
  g_assert_no_error (error);

  return journey->id;
}

static gint64
add_stage (gint64      journey_id,
           const char *name)
{
  DgUiFixture *fixture = dg_ui_fixture_get_current ();
  g_autoptr(DgStage) stage = dg_stage_new (journey_id, name);
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_stages_insert (fixture->database, stage, &error));
  g_assert_no_error (error);

  return stage->id;
}

static gint64
enroll (const char *name,
        gint64      stage_id,
        gint64      cohort_id)
{
  DgUiFixture *fixture = dg_ui_fixture_get_current ();
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (dg_enrollments_enroll (fixture->database, DG_CLOCK (fixture->clock),
                                        dg_customers_test_find_id (name), stage_id, cohort_id,
                                        &id, &error));
  g_assert_no_error (error);

  return id;
}

/* Chooses @choice in the submenu of journey @journey under Journey in the
 * Filter menu, as clicks do; with @screenshot, saves the open menu first. */
static void
choose_journey_filter (const char *journey,
                       const char *choice,
                       const char *screenshot_name)
{
  GtkWidget *popover = open_filter_submenu (_("Journey"));
  GtkWidget *item = NULL;

  dg_ui_test_wait_for ((item = find_menu_item (popover, journey)) != NULL);
  gtk_widget_activate (item);
  dg_ui_test_wait_for ((item = find_menu_item (popover, choice)) != NULL);
  if (screenshot_name != NULL)
    g_free (dg_ui_test_screenshot_with_popover (popover, screenshot_name));
  gtk_widget_activate (item);
  dg_ui_test_wait_for (!gtk_widget_get_visible (popover));
}

static char *
journey_chip (const char *journey,
              const char *stage,
              const char *cohort,
              const char *status)
{
  GString *text = g_string_new (NULL);

  g_string_printf (text, _("Journey: %s"), journey);
  if (stage != NULL)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, _("Stage: %s"), stage);
    }
  if (cohort != NULL)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, _("Cohort: %s"), cohort);
    }
  if (status != NULL)
    {
      g_string_append (text, " · ");
      g_string_append (text, status);
    }

  return g_string_free (text, FALSE);
}

/* The Journey submenu: a stage of a journey, then a cohort and a status
 * of it; customers moving between stages come and go; the chip follows a
 * rename and its button clears the filter. */
static void
test_journey_filter (DgUiFixture   *fixture,
                     gconstpointer  data)
{
  g_autoptr(DgCohort) cohort = NULL;
  g_autoptr(DgJourney) renamed = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *survey_chip = journey_chip ("공개강의", "설문", NULL, NULL);
  g_autofree char *cohort_chip = journey_chip ("공개강의", NULL, "12/15", NULL);
  g_autofree char *dropped_chip = journey_chip ("공개강의", NULL, "12/15", C_("journey status", "Dropped"));
  g_autofree char *renamed_chip = journey_chip ("공개강의 겨울", NULL, "12/15", C_("journey status", "Dropped"));
  g_autofree char *lecture_chip = journey_chip ("공개강의", NULL, NULL, NULL);
  g_autofree char *survey_key = NULL;
  g_autofree char *coaching_key = NULL;
  g_autofree char *two = n_of_total (2, 5);
  g_autofree char *three = n_of_total (3, 5);
  GtkWidget *popover;
  gint64 lecture, signup, talk, survey, coaching;
  gint64 moving, dropping;

  insert_customers ();
  /* Nobody walks a journey yet: the submenu says so. */
  popover = open_filter_submenu (_("Journey"));
  dg_ui_test_wait_for (find_menu_item (popover, _("No journeys yet")) != NULL);
  g_assert_false (gtk_widget_is_sensitive (find_menu_item (popover, _("No journeys yet"))));
  gtk_popover_popdown (GTK_POPOVER (popover));
  dg_ui_test_wait_for (!gtk_widget_get_visible (popover));

  lecture = add_journey ("공개강의");
  signup = add_stage (lecture, "신청");
  talk = add_stage (lecture, "강의");
  survey = add_stage (lecture, "설문");
  coaching = add_journey ("Coaching");
  cohort = dg_cohort_new (lecture, "12/15", "2026-12-15");
  g_assert_true (dg_cohorts_insert (fixture->database, cohort, &error));
  g_assert_no_error (error);

  enroll ("김민수", survey, cohort->id);
  moving = enroll ("이서연", talk, cohort->id);
  enroll ("Bob Stone", survey, 0);
  dropping = enroll ("Alice Kim", signup, cohort->id);
  enroll ("박지훈", add_stage (coaching, "Intro"), 0);
  undo = dg_enrollments_drop (fixture->database, DG_CLOCK (fixture->clock), &dropping, 1, "", &error);
  g_assert_no_error (error);
  dg_ui_test_wait_for (dg_customers_test_n_items () == 5);

  /* The survey stage of the lecture: the two in it. */
  choose_journey_filter ("공개강의", "설문", NULL);
  dg_ui_test_wait_for (dg_customers_test_n_items () == 2);
  assert_name_at (0, "Bob Stone");
  assert_name_at (1, "김민수");
  g_assert_true (chips_are (survey_chip));
  dg_ui_test_wait_for (g_strcmp0 (count_text (), two) == 0);
  {
    g_autofree char *key = NULL;

    survey_key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":0:active", lecture, survey);
    g_object_get (dg_customers_test_get_view (), "filter-journey", &key, NULL);
    g_assert_cmpstr (key, ==, survey_key);
  }
  screenshot ("customers-journey-filter");

  /* 이서연 moves on from the lecture to the survey: the list shows her. */
  g_clear_object (&undo);
  undo = dg_enrollments_move (fixture->database, DG_CLOCK (fixture->clock), &moving, 1, survey, &error);
  g_assert_no_error (error);
  dg_ui_test_wait_for (dg_customers_test_n_items () == 3);
  assert_name_at (2, "이서연");
  dg_ui_test_wait_for (g_strcmp0 (count_text (), three) == 0);

  /* Any stage, the 12/15 cohort: the three of it still walking. */
  choose_journey_filter ("공개강의", _("Any Stage"), NULL);
  dg_ui_test_wait_for (chips_are (lecture_chip));
  choose_journey_filter ("공개강의", "12/15", NULL);
  dg_ui_test_wait_for (chips_are (cohort_chip));
  dg_ui_test_wait_for (dg_customers_test_n_items () == 2);
  assert_name_at (0, "김민수");
  assert_name_at (1, "이서연");

  /* Who dropped out of the 12/15 lecture: Alice. */
  /* The menu shows the stage, cohort and status chosen. */
  choose_journey_filter ("공개강의", C_("journey status", "Dropped"), "customers-journey-filter-menu");
  dg_ui_test_wait_for (dg_customers_test_shows_only ("Alice Kim"));
  g_assert_true (chips_are (dropped_chip));
  screenshot ("customers-journey-filter-dropped");

  /* The chip follows a rename of the journey. */
  renamed = dg_journeys_get (fixture->database, lecture, &error);
  g_assert_no_error (error);
  g_free (renamed->name);
  renamed->name = g_strdup ("공개강의 겨울");
  g_assert_true (dg_journeys_update (fixture->database, renamed, &error));
  g_assert_no_error (error);
  dg_ui_test_wait_for (chips_are (renamed_chip));

  /* Its button clears the journey filter. */
  gtk_widget_activate (chip_remove_button ("customers.filter-journey"));
  dg_ui_test_wait_for (dg_customers_test_n_items () == 5);
  g_assert_true (chips_are (""));

  /* A journey deleted under the filter leaves it. */
  coaching_key = g_strdup_printf ("%" G_GINT64_FORMAT ":0:0:active", coaching);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dg_customers_test_get_view ()),
                                             "customers.filter-journey", "s", coaching_key));
  dg_ui_test_wait_for (dg_customers_test_shows_only ("박지훈"));
  g_assert_true (dg_journeys_delete (fixture->database, coaching, &error));
  g_assert_no_error (error);
  dg_ui_test_wait_for (dg_customers_test_n_items () == 5);
  g_assert_true (chips_are (""));
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  DG_CUSTOMERS_TEST_ADD ("/ui/customer-filters/saved-while-searching", test_saved_while_searching);
  DG_CUSTOMERS_TEST_ADD ("/ui/customer-filters/tag-click", test_tag_click);
  DG_CUSTOMERS_TEST_ADD ("/ui/customer-filters/source-and-no-contact", test_source_and_no_contact);
  DG_CUSTOMERS_TEST_ADD ("/ui/customer-filters/select-all", test_select_all_filtered);
  DG_CUSTOMERS_TEST_ADD ("/ui/customer-filters/journey", test_journey_filter);

  return g_test_run ();
}
