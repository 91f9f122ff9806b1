/* test-ui-birthdays.c
 *
 * Birthdays in the real windows: Today's "Birthdays This Week" with solar
 * and lunar birthdays (hidden when there are none, opening the customer
 * when activated), and the customer editor's solar/lunar choice with its
 * leap-month check. The fake clock stands at Tuesday 2026-11-24 10:00 in
 * Seoul (dg-ui-fixture.h).
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dg-customer-editor.h"
#include "dg-customer-page.h"
#include "dg-customers-view.h"
#include "dg-date-names.h"
#include "dg-field-row.h"
#include "dg-preferences-window.h"
#include "dg-row.h"
#include "dg-test-util.h"
#include "dg-today-view.h"
#include "dg-ui-fixture.h"
#include "dg-ui-test-util.h"
#include "dg-window.h"

static DgWindow *
get_window (void)
{
  return dg_ui_fixture_get_current ()->window;
}

static DgDatabase *
get_database (void)
{
  return dg_ui_fixture_get_current ()->database;
}

static GtkWidget *
child_of (GtkWidget  *root,
          const char *id)
{
  GtkWidget *child = dg_ui_test_find_by_id (root, id);

  g_assert_nonnull (child);

  return child;
}

/* A customer added on 2026-11-01, long enough ago to be listed nowhere
 * else, not long enough to go cold. */
static gint64
insert_customer (const char *name,
                 const char *birthday,
                 gboolean    lunar,
                 gboolean    leap_month)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (DG_CLOCK (dg_ui_fixture_get_current ()->clock));
  g_autoptr(GDateTime) added = dg_test_local_time (tz, 2026, 11, 1, 12, 0);
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  dg_customer_set_birthday (customer, birthday);
  dg_customer_set_birthday_lunar (customer, lunar);
  dg_customer_set_birthday_leap_month (customer, leap_month);
  dg_customer_set_created_at (customer, added);
  dg_customers_insert (get_database (), customer, &error);
  g_assert_no_error (error);

  return dg_customer_get_id (customer);
}

static GtkWidget *
today_child (const char *id)
{
  return child_of (GTK_WIDGET (dg_window_get_page (get_window (), "today")), id);
}

static guint
n_birthday_rows (void)
{
  GtkWidget *list = today_child ("birthdays_section");
  guint n = 0;

  list = child_of (list, "list");
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    n++;

  return n;
}

static DgRow *
birthday_row (guint position)
{
  GtkListBox *list = GTK_LIST_BOX (child_of (today_child ("birthdays_section"), "list"));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, position);

  g_assert_nonnull (row);

  return DG_ROW (row);
}

/* Whether @row has a suffix label reading @text. */
static gboolean
row_has_label (GtkWidget  *row,
               const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (row); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return TRUE;
      if (row_has_label (child, text))
        return TRUE;
    }

  return FALSE;
}

static gboolean
customer_page_shows (gint64 id)
{
  DgCustomersView *view = DG_CUSTOMERS_VIEW (dg_window_get_page (get_window (), "customers"));
  DgCustomerPage *page = dg_customers_view_get_customer_page (view);
  DgCustomer *customer = dg_customer_page_get_customer (page);

  return customer != NULL && dg_customer_get_id (customer) == id
         && gtk_widget_is_drawable (GTK_WIDGET (page));
}

/* The day @day of November 2026 as a birthday row says it, in @format. */
static char *
day_text (int         day,
          const char *format)
{
  GDate date;
  g_autofree char *text = NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, 11, 2026);
  text = dg_date_names_format_day (&date);

  return g_strdup_printf (format, text);
}

static void
test_today (DgUiFixture   *fixture,
            gconstpointer  data)
{
  GtkWidget *section = today_child ("birthdays_section");
  g_autofree char *lunar_birthday = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(GError) error = NULL;
  gint64 minsu, jiwoo, seoyeon;
  GDate first, monday;

  /* No birthdays: no section. */
  insert_customer ("한지민", "1990-12-24", FALSE, FALSE);
  dg_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (today_child ("stack"))),
                                  "caught-up") == 0);
  g_assert_false (gtk_widget_get_visible (section));

  /* This Thursday (solar), and the lunar day that is next Monday. */
  g_assert_true (dg_birthday_in_year ("1970-10-01", TRUE, FALSE, 2026, &first));
  g_date_clear (&monday, 1);
  g_date_set_dmy (&monday, 30, 11, 2026);
  lunar_birthday = g_strdup_printf ("1975-10-%02d",
                                    1 + (int) (g_date_get_julian (&monday) - g_date_get_julian (&first)));
  seoyeon = insert_customer ("이서연", lunar_birthday, TRUE, FALSE);
  minsu = insert_customer ("김민수", "1988-11-26", FALSE, FALSE);
  jiwoo = insert_customer ("박지우", "1992-11-24", FALSE, FALSE);

  dg_ui_test_wait_for (gtk_widget_get_visible (section) && n_birthday_rows () == 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (today_child ("stack"))), ==, "sections");

  /* By day: today, Thursday, then next Monday's lunar one. */
  g_assert_cmpstr (dg_row_get_title (birthday_row (0)), ==, "박지우");
  g_assert_cmpstr (dg_row_get_title (birthday_row (1)), ==, "김민수");
  g_assert_cmpstr (dg_row_get_title (birthday_row (2)), ==, "이서연");
  subtitle = day_text (24, _("Today, %s"));
  g_assert_cmpstr (dg_row_get_subtitle (birthday_row (0)), ==, subtitle);
  g_clear_pointer (&subtitle, g_free);
  subtitle = day_text (26, "%s");
  g_assert_cmpstr (dg_row_get_subtitle (birthday_row (1)), ==, subtitle);
  g_assert_nonnull (strstr (subtitle, dg_date_names_weekday (G_DATE_THURSDAY, FALSE)));
  g_clear_pointer (&subtitle, g_free);
  subtitle = day_text (30, "%s");
  g_assert_cmpstr (dg_row_get_subtitle (birthday_row (2)), ==, subtitle);
  g_assert_true (row_has_label (GTK_WIDGET (birthday_row (2)), C_("birthday", "Lunar")));
  g_assert_false (row_has_label (GTK_WIDGET (birthday_row (1)), C_("birthday", "Lunar")));

  dg_ui_test_wait_painted (section, 2);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (get_window ()), "today-birthdays"));

  /* A row opens its customer, whose page marks the birthday lunar. */
  gtk_widget_activate (GTK_WIDGET (birthday_row (2)));
  dg_ui_test_wait_for (customer_page_shows (seoyeon));
  {
    DgCustomersView *view = DG_CUSTOMERS_VIEW (dg_window_get_page (get_window (), "customers"));
    GtkWidget *value = child_of (GTK_WIDGET (dg_customers_view_get_customer_page (view)), "birthday_value");
    g_autofree char *expected = g_strdup_printf (_("Lunar %s"), lunar_birthday);

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (value)), ==, expected);
  }

  /* Birthdays gone, the section goes too. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (child_of (GTK_WIDGET (get_window ()), "view_stack")),
                                         "today");
  for (guint i = 0; i < 3; i++)
    {
      const gint64 ids[] = { minsu, jiwoo, seoyeon };
      g_autoptr(DgCustomer) customer = dg_customers_get (get_database (), ids[i], &error);

      g_assert_no_error (error);
      dg_customer_set_birthday (customer, NULL);
      dg_customers_update (get_database (), customer, &error);
      g_assert_no_error (error);
    }
  dg_ui_test_wait_for (!gtk_widget_get_visible (section));
  dg_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (today_child ("stack"))),
                                  "caught-up") == 0);
}

/* Many birthdays in the week: the first eight as rows, then one that
 * counts the rest and opens nothing. */
static void
test_today_many (DgUiFixture   *fixture,
                 gconstpointer  data)
{
  g_autofree char *more = NULL;

  for (guint i = 0; i < 11; i++)
    {
      g_autofree char *name = g_strdup_printf ("Customer %02u", i);

      insert_customer (name, "1990-11-24", FALSE, FALSE);
    }

  dg_ui_test_wait_for (gtk_widget_get_visible (today_child ("birthdays_section")) && n_birthday_rows () == 9);
  for (guint i = 0; i < 8; i++)
    g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (birthday_row (i))));

  more = g_strdup_printf (ngettext ("And %u more birthday this week",
                                    "And %u more birthdays this week", 3), 3);
  g_assert_cmpstr (dg_row_get_title (birthday_row (8)), ==, more);
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (birthday_row (8))));
}

static DgCustomerEditor *
open_editor (DgCustomer *customer)
{
  DgCustomerEditor *editor = dg_customer_editor_new (GTK_WINDOW (get_window ()), get_database (), customer);

  gtk_window_present (GTK_WINDOW (editor));
  dg_ui_test_wait_painted (GTK_WIDGET (editor), 1);

  return editor;
}

static void
set_text (DgCustomerEditor *editor,
          const char       *id,
          const char       *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child_of (GTK_WIDGET (editor), id)), text);
}

static const char *
error_of (DgCustomerEditor *editor,
          const char       *id)
{
  return dg_field_row_get_error (DG_FIELD_ROW (child_of (GTK_WIDGET (editor), id)));
}

static void
on_saved_cb (DgCustomerEditor *editor,
             DgCustomer       *customer,
             gint64           *out_id)
{
  *out_id = dg_customer_get_id (customer);
}

static void
test_editor_lunar (DgUiFixture   *fixture,
                   gconstpointer  data)
{
  DgCustomerEditor *editor;
  AdwComboRow *calendar;
  GtkWidget *leap_row;
  GtkWidget *leap_check;
  g_autoptr(DgCustomer) saved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  editor = open_editor (NULL);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  calendar = ADW_COMBO_ROW (child_of (GTK_WIDGET (editor), "birthday_calendar_row"));
  leap_row = child_of (GTK_WIDGET (editor), "birthday_leap_row");
  leap_check = child_of (GTK_WIDGET (editor), "birthday_leap_check");

  /* Solar by default: no leap month, and a 30th of February is no date. */
  g_assert_cmpuint (adw_combo_row_get_selected (calendar), ==, 0);
  g_assert_false (gtk_widget_get_visible (leap_row));
  g_assert_true (gtk_widget_get_visible (child_of (GTK_WIDGET (editor), "birthday_button")));
  set_text (editor, "name_row", "이서연");
  set_text (editor, "birthday_row", "1990-02-30");
  g_assert_nonnull (error_of (editor, "birthday_row"));

  /* Lunar: it is one, the leap month can be ticked, and the solar
   * calendar button goes. */
  adw_combo_row_set_selected (calendar, 1);
  g_assert_null (error_of (editor, "birthday_row"));
  g_assert_true (gtk_widget_get_visible (leap_row));
  g_assert_false (gtk_widget_get_visible (child_of (GTK_WIDGET (editor), "birthday_button")));
  set_text (editor, "birthday_row", "1990-06-31");
  g_assert_nonnull (error_of (editor, "birthday_row"));
  set_text (editor, "birthday_row", "1990년 6월 30일");
  g_assert_null (error_of (editor, "birthday_row"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (leap_check), TRUE);

  dg_ui_test_wait_painted (GTK_WIDGET (editor), 2);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (editor), "customer-editor-lunar"));

  g_signal_connect (editor, "saved", G_CALLBACK (on_saved_cb), &id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  dg_ui_test_wait_for (editor == NULL);

  g_assert_cmpint (id, >, 0);
  saved = dg_customers_get (get_database (), id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dg_customer_get_birthday (saved), ==, "1990-06-30");
  g_assert_true (dg_customer_get_birthday_lunar (saved));
  g_assert_true (dg_customer_get_birthday_leap_month (saved));

  /* Reopened, it shows what was saved. */
  editor = open_editor (saved);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  calendar = ADW_COMBO_ROW (child_of (GTK_WIDGET (editor), "birthday_calendar_row"));
  g_assert_cmpuint (adw_combo_row_get_selected (calendar), ==, 1);
  g_assert_true (gtk_widget_get_visible (child_of (GTK_WIDGET (editor), "birthday_leap_row")));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (child_of (GTK_WIDGET (editor), "birthday_leap_check"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child_of (GTK_WIDGET (editor), "birthday_row"))), ==, "1990-06-30");

  /* Back to solar: the leap month is dropped. */
  adw_combo_row_set_selected (calendar, 0);
  g_assert_false (gtk_widget_get_visible (child_of (GTK_WIDGET (editor), "birthday_leap_row")));
  set_text (editor, "birthday_row", "1990-06-29");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  dg_ui_test_wait_for (editor == NULL);
  g_clear_object (&saved);
  saved = dg_customers_get (get_database (), id, &error);
  g_assert_false (dg_customer_get_birthday_lunar (saved));
  g_assert_false (dg_customer_get_birthday_leap_month (saved));
}

/* The Birthdays group of Preferences: off by default, a switch and the
 * days before, both written to birthday-followup-days. */
static void
test_preferences (DgUiFixture   *fixture,
                  gconstpointer  data)
{
  DgPreferencesWindow *preferences;
  GtkSwitch *birthday_switch;
  GtkSpinButton *days;
  GtkWidget *days_row;

  g_assert_nonnull (fixture->settings);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "birthday-followup-days"), ==, -1);

  preferences = dg_preferences_window_new (GTK_WINDOW (get_window ()), fixture->settings);
  g_object_add_weak_pointer (G_OBJECT (preferences), (gpointer *) &preferences);
  /* Tall enough for the screenshot to reach the Birthdays group. */
  gtk_window_set_default_size (GTK_WINDOW (preferences), 600, 640);
  gtk_window_present (GTK_WINDOW (preferences));
  birthday_switch = GTK_SWITCH (child_of (GTK_WIDGET (preferences), "birthday_followup_switch"));
  days = GTK_SPIN_BUTTON (child_of (GTK_WIDGET (preferences), "birthday_days_spin"));
  days_row = child_of (GTK_WIDGET (preferences), "birthday_days_row");

  g_assert_false (gtk_switch_get_active (birthday_switch));
  g_assert_false (gtk_widget_get_sensitive (days_row));

  gtk_switch_set_active (birthday_switch, TRUE);
  g_assert_true (gtk_widget_get_sensitive (days_row));
  g_assert_cmpint (g_settings_get_int (fixture->settings, "birthday-followup-days"), ==,
                   gtk_spin_button_get_value_as_int (days));
  gtk_spin_button_set_value (days, 5);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "birthday-followup-days"), ==, 5);

  /* The setting changed elsewhere shows here. */
  g_settings_set_int (fixture->settings, "birthday-followup-days", 2);
  dg_ui_test_wait_for (gtk_spin_button_get_value_as_int (days) == 2);

  dg_ui_test_wait_painted (GTK_WIDGET (preferences), 2);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (preferences), "preferences-birthdays"));

  gtk_switch_set_active (birthday_switch, FALSE);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "birthday-followup-days"), ==, -1);
  g_assert_false (gtk_widget_get_sensitive (days_row));

  gtk_window_destroy (GTK_WINDOW (preferences));
  dg_ui_test_wait_for (preferences == NULL);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  DG_UI_TEST_ADD ("/ui/birthdays/today", test_today);
  DG_UI_TEST_ADD ("/ui/birthdays/today-many", test_today_many);
  DG_UI_TEST_ADD ("/ui/birthdays/editor-lunar", test_editor_lunar);
  DG_UI_TEST_ADD ("/ui/birthdays/preferences", test_preferences);

  return g_test_run ();
}
