/* test-ui-demo.c
 *
 * Load Demo Data on the empty Today and Customers pages: the press fills
 * the database with the demo set of the interface's language, moved to the
 * fixture's day, and every page shows it (screenshots of Today, Customers,
 * the Journeys board and the calendar with the demo). With a customer in
 * the database the pages offer it no more, and the action changes nothing.
 * `dangol --demo` loads it before the start, once.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dg-customers-test-util.h"
#include "dg-journey-column.h"
#include "dg-journeys-view.h"
#include "dg-test-util.h"
#include "dg-ui-fixture.h"
#include "dg-ui-test-util.h"

/* The Korean set is made in Seoul and the English one in UTC, so each
 * shows its times of day in a zone that reads them the same way. */
static DgUiFixtureOptions today_options = {
  .zone = "Asia/Seoul",
  .year = 2026, .month = 11, .day = 24, .hour = 9, .minute = 0,
  .width = 1280, .height = 860,
};
static DgUiFixtureOptions customers_options = {
  .zone = "Asia/Seoul",
  .year = 2026, .month = 11, .day = 24, .hour = 9, .minute = 0,
  .width = 1280, .height = 860,
  .page = "customers",
};

static GtkWidget *
page (DgUiFixture *fixture,
      const char  *name)
{
  return dg_window_get_page (fixture->window, name);
}

static void
show_page (DgUiFixture *fixture,
           const char  *name)
{
  GtkWidget *stack = dg_ui_test_find_by_id (GTK_WIDGET (fixture->window), "view_stack");

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), name);
  dg_ui_test_wait_for (gtk_widget_get_mapped (page (fixture, name)));
}

static const char *
today_state (DgUiFixture *fixture)
{
  GtkWidget *stack = dg_ui_test_find_by_id (page (fixture, "today"), "stack");

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static void
press (GtkWidget *button)
{
  dg_ui_test_wait_for (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  if (dg_ui_test_can_send_input ())
    {
      dg_ui_test_wait_painted (button, 2);
      dg_ui_test_click (button);
    }
  else
    {
      gtk_widget_activate (button);
    }
}

static gint64
count_customers (DgUiFixture *fixture)
{
  DgCustomerQuery everyone = { .archived = DG_ARCHIVED_INCLUDE };

  return dg_customers_count (fixture->database, &everyone, NULL);
}

/* The name of the first customer by name. */
static char *
first_name (DgUiFixture *fixture)
{
  DgCustomerQuery query = { .archived = DG_ARCHIVED_INCLUDE, .limit = 1 };
  g_autoptr(GArray) ids = dg_customers_search_ids (fixture->database, &query, NULL);
  g_autoptr(DgCustomer) customer = NULL;

  g_assert_cmpuint (ids->len, ==, 1);
  customer = dg_customers_get (fixture->database, g_array_index (ids, gint64, 0), NULL);

  return g_strdup (dg_customer_get_name (customer));
}

static gboolean
is_hangul (char *text)
{
  gunichar c = g_utf8_get_char (text);

  g_free (text);
  return c >= 0xAC00 && c <= 0xD7A3;
}

/* Whether a label under @root says @text. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0
      && gtk_widget_get_mapped (root))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;

  return FALSE;
}

/* Closes the toast, so that the screenshots show the pages whole. */
static void
dismiss_toast (DgUiFixture *fixture)
{
  GtkWidget *toast = dg_ui_test_find_by_type_name (GTK_WIDGET (fixture->window), "AdwToastWidget");
  GtkWidget *close = NULL;

  g_assert_nonnull (toast);
  for (GtkWidget *child = gtk_widget_get_last_child (toast); child != NULL && close == NULL;
       child = gtk_widget_get_prev_sibling (child))
    if (GTK_IS_BUTTON (child))
      close = child;
  g_assert_nonnull (close);
  gtk_widget_activate (close);
  dg_ui_test_wait_for (dg_ui_test_find_by_type_name (GTK_WIDGET (fixture->window), "AdwToastWidget") == NULL);
}

static void
screenshot (DgUiFixture *fixture,
            const char  *name)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) png = NULL;

  dg_ui_test_wait_painted (GTK_WIDGET (fixture->window), 2);
  path = dg_ui_test_screenshot (GTK_WIDGET (fixture->window), name);
  png = dg_test_read_file (path);
  g_assert_nonnull (png);
  g_assert_cmpuint (g_bytes_get_size (png), >, 1000);
}

/* Every page shows the demo: Today its sections, the list its customers
 * (all but the archived), the board the lecture's stages with cards. */
static void
check_pages_show_demo (DgUiFixture *fixture)
{
  DgCustomerQuery listed = { .archived = DG_ARCHIVED_EXCLUDE };
  gint64 n_listed = dg_customers_count (fixture->database, &listed, NULL);
  DgJourneysView *journeys;
  guint n_with_cards = 0;

  g_assert_cmpint (n_listed, >=, 180);

  show_page (fixture, "today");
  dg_ui_test_wait_for (g_strcmp0 (today_state (fixture), "sections") == 0);
  screenshot (fixture, "demo-today");

  show_page (fixture, "customers");
  dg_ui_test_wait_for (dg_customers_test_n_items () == (guint) n_listed);
  screenshot (fixture, "demo-customers");

  show_page (fixture, "journeys");
  journeys = DG_JOURNEYS_VIEW (page (fixture, "journeys"));
  dg_ui_test_wait_for (dg_journeys_view_get_n_columns (journeys) == 7);
  /* Only the lecture's own day has no one: it lasts a day. */
  for (guint i = 0; i < 7; i++)
    {
      DgJourneyColumn *column = DG_JOURNEY_COLUMN (dg_journeys_view_get_column (journeys, i));
      GListModel *cards = G_LIST_MODEL (dg_journey_column_get_model (column));

      dg_ui_test_wait_for (g_list_model_get_n_items (cards) > 0 || i == 3);
      n_with_cards += g_list_model_get_n_items (cards) > 0;
    }
  g_assert_cmpuint (n_with_cards, >=, 6);
  screenshot (fixture, "demo-journeys");

  show_page (fixture, "calendar");
  screenshot (fixture, "demo-calendar");
}

static void
test_load_from_today (DgUiFixture   *fixture,
                      gconstpointer  data)
{
  GtkWidget *button = dg_ui_test_find_by_id (page (fixture, "today"), "load_demo_button");
  g_autofree char *toast = NULL;

  dg_ui_test_wait_for (g_strcmp0 (today_state (fixture), "no-customers") == 0);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==,
                   dg_test_is_korean () ? "데모 데이터 불러오기" : "Load Demo Data");

  press (button);
  dg_ui_test_wait_for (count_customers (fixture) > 0);

  /* The set of the interface's language, and a toast that says so. */
  g_assert_cmpint (count_customers (fixture), >=, 180);
  g_assert_cmpint (is_hangul (first_name (fixture)), ==, dg_test_is_korean ());
  toast = g_strdup_printf (ngettext ("Demo data loaded: %u customer", "Demo data loaded: %u customers",
                                     (guint) count_customers (fixture)),
                           (guint) count_customers (fixture));
  dg_ui_test_wait_for (shows_text (GTK_WIDGET (fixture->window), toast));
  dismiss_toast (fixture);

  check_pages_show_demo (fixture);
}

static void
test_load_from_customers (DgUiFixture   *fixture,
                          gconstpointer  data)
{
  GtkWidget *button = dg_customers_test_view_child ("empty_demo_button");

  dg_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (dg_customers_test_view_child ("list_stack"))),
                                  "empty") == 0);
  press (button);
  dg_ui_test_wait_for (dg_customers_test_n_items () >= 180);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (dg_customers_test_view_child ("list_stack"))),
                   ==, "list");
}

/* With one customer of their own, nobody is offered the demo, and the
 * action leaves the database as it was. */
static void
test_not_offered_with_customers (DgUiFixture   *fixture,
                                 gconstpointer  data)
{
  const char *refused = _("The demo data can only be loaded while there are no customers");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *button;

  dg_customers_test_insert ("Nancy Kim", "010-1234-5678", NULL, NULL, NULL);
  dg_ui_test_wait_for (dg_customers_test_n_items () == 1);
  /* The empty state that offers it is built only when it is to be shown. */
  button = dg_ui_test_find_by_id (GTK_WIDGET (dg_customers_test_get_view ()), "empty_demo_button");
  g_assert_true (button == NULL || !gtk_widget_get_mapped (button));

  show_page (fixture, "today");
  dg_ui_test_wait_for (g_strcmp0 (today_state (fixture), "no-customers") != 0);
  /* The page that offers it is built only when it is to be shown. */
  button = dg_ui_test_find_by_id (page (fixture, "today"), "load_demo_button");
  g_assert_true (button == NULL || !gtk_widget_get_mapped (button));

  before = dg_test_dump_database (fixture->database);
  dg_test_expect_warning (refused);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.load-demo", NULL));
  dg_ui_test_wait_for (shows_text (GTK_WIDGET (fixture->window), refused));
  g_assert_cmpuint (dg_test_n_expected_warnings (), ==, 1);
  dg_test_expect_warning (NULL);
  after = dg_test_dump_database (fixture->database);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (count_customers (fixture), ==, 1);
}

static void
run_dangol (const char  *db,
            char       **out_stdout,
            char       **out_stderr,
            int         *out_status)
{
  const char *argv[] = { g_getenv ("DANGOL_EXE"), "--db", db, "--demo", "--version", NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out_stdout, out_stderr, out_status, &error));
  g_assert_no_error (error);
}

/* dangol --demo loads the set before the start (here --version ends it
 * there), once: a database with customers is refused with the reason. */
static void
test_command_line (void)
{
  g_autofree char *db = dg_test_temp_path ("demo.db");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(DgDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  DgCustomerQuery everyone = { .archived = DG_ARCHIVED_INCLUDE };
  int status = 0;
  gint64 n;

  if (g_getenv ("DANGOL_EXE") == NULL)
    {
      g_test_skip ("DANGOL_EXE is not set");
      return;
    }

  run_dangol (db, &out, &err, &status);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);

  database = dg_database_open (db, &error);
  g_assert_no_error (error);
  n = dg_customers_count (database, &everyone, NULL);
  g_assert_cmpint (n, >=, 180);
  g_assert_nonnull (strstr (out, dg_test_is_korean () ? "데모 데이터를 불러왔습니다" : "Demo data loaded"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  run_dangol (db, &out, &err, &status);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, _("The demo data can only be loaded while there are no customers")));
  g_assert_cmpint (dg_customers_count (database, &everyone, NULL), ==, n);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  if (!dg_test_is_korean ())
    today_options.zone = customers_options.zone = "Europe/London";

  DG_UI_TEST_ADD_WITH ("/ui/demo/load-from-today", &today_options, test_load_from_today);
  DG_UI_TEST_ADD_WITH ("/ui/demo/load-from-customers", &customers_options, test_load_from_customers);
  DG_UI_TEST_ADD_WITH ("/ui/demo/not-offered-with-customers", &customers_options,
                       test_not_offered_with_customers);
  g_test_add_func ("/ui/demo/command-line", test_command_line);

  return g_test_run ();
}
