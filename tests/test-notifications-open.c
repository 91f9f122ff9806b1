/* test-notifications-open.c
 *
 * The app's own reminders, on python3-dbusmock's notification daemon: Open
 * shows the page of the customer the follow-up is for (the follow-up
 * itself when it is for no one), and the window is presented with the
 * activation token the daemon sent with the click, or the one a second
 * launch handed over in its platform data.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-application.h"
#include "dg-customer-page.h"
#include "dg-customers-view.h"
#include "dg-notification-mock.h"
#include "dg-notifier.h"
#include "dg-test-util.h"
#include "dg-ui-test-util.h"
#include "dg-window.h"

static char *db_path;
static DgFakeClock *fake_clock;

static gint64
insert_customer (DgDatabase *db,
                 const char *name)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  dg_customers_insert (db, customer, &error);
  g_assert_no_error (error);

  return dg_customer_get_id (customer);
}

/* A follow-up due today at @hour:@minute, Seoul time. */
static gint64
insert_followup (DgDatabase *db,
                 gint64      customer_id,
                 const char *title,
                 int         hour,
                 int         minute)
{
  g_autoptr(DgFollowup) followup = dg_followup_new ();
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (DG_CLOCK (fake_clock));
  g_autoptr(GDateTime) due = dg_test_local_time (tz, 2026, 11, 24, hour, minute);
  g_autoptr(GError) error = NULL;

  dg_followup_set_customer_id (followup, customer_id);
  dg_followup_set_title (followup, title);
  dg_followup_set_due_at (followup, due);
  dg_followups_insert (db, DG_CLOCK (fake_clock), followup, &error);
  g_assert_no_error (error);

  return dg_followup_get_id (followup);
}

static DgWindow *
find_main_window (DgApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    {
      if (DG_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

static const char *
visible_page_name (DgWindow *window)
{
  GtkWidget *stack = dg_ui_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);

  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack));
}

/* The customer whose page the window shows, or 0. */
static gint64
shown_customer_id (DgWindow *window)
{
  GtkWidget *view = dg_window_get_page (window, "customers");
  DgCustomerPage *page = dg_customers_view_get_customer_page (DG_CUSTOMERS_VIEW (view));
  DgCustomer *customer = dg_customer_page_get_customer (page);

  if (g_strcmp0 (visible_page_name (window), "customers") != 0
      || !gtk_widget_get_mapped (GTK_WIDGET (page)) || customer == NULL)
    return 0;

  return dg_customer_get_id (customer);
}

static void
test_open_in_window (void)
{
  g_autoptr(DgApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  DgNotifier *app_notifier;
  DgWindow *window;
  gint64 customer, with_customer, for_no_one;
  guint32 id;

  /* In a process of its own: GTK and the app keep the session bus, which
   * the test must close at its end. The mock and the bus are the
   * parent's. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  {
    g_autoptr(DgDatabase) db = dg_database_open (db_path, &error);

    g_assert_no_error (error);
    customer = insert_customer (db, "Park & Sons Bakery");
    with_customer = insert_followup (db, customer, "Bring the contract", 9, 0);
    for_no_one = insert_followup (db, 0, "Renew the domain", 9, 30);
  }

  app = dg_application_new ();

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  dg_application_set_clock (app, DG_CLOCK (fake_clock));
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (dg_application_open_database (app, db_path, &error));
  g_assert_no_error (error);
  dg_application_start_reminders (app);
  app_notifier = dg_application_get_notifier (app);
  dg_ui_test_wait_for (dg_notifier_get_notification_id (app_notifier, with_customer) != 0
                       && dg_notifier_get_notification_id (app_notifier, for_no_one) != 0);
  g_assert_null (find_main_window (app));

  id = dg_notifier_get_notification_id (app_notifier, with_customer);
  dg_notification_mock_emit_activation_token (id, "dangol-test-token-1");
  dg_notification_mock_emit_action (id, "open");
  dg_ui_test_wait_for ((window = find_main_window (app)) != NULL
                       && shown_customer_id (window) == customer);
  g_assert_cmpstr (dg_application_get_presented_startup_id (app), ==, "dangol-test-token-1");
  g_assert_cmpstr (dg_notifier_get_activation_token (app_notifier), ==, NULL);

  /* For no one: the follow-up in the calendar, as before. */
  id = dg_notifier_get_notification_id (app_notifier, for_no_one);
  dg_notification_mock_emit_activation_token (id, "dangol-test-token-2");
  dg_notification_mock_emit_action (id, "default");
  dg_ui_test_wait_for (g_strcmp0 (visible_page_name (window), "calendar") == 0);
  g_assert_cmpstr (dg_application_get_presented_startup_id (app), ==, "dangol-test-token-2");

  /* A second launch: its token comes in the platform data of the
   * activation GApplication hands over. */
  {
    GVariantDict platform_data;
    g_autoptr(GVariant) data = NULL;

    g_variant_dict_init (&platform_data, NULL);
    g_variant_dict_insert (&platform_data, "activation-token", "s", "dangol-test-token-3");
    data = g_variant_ref_sink (g_variant_dict_end (&platform_data));
    G_APPLICATION_GET_CLASS (app)->before_emit (G_APPLICATION (app), data);
    g_application_activate (G_APPLICATION (app));
    G_APPLICATION_GET_CLASS (app)->after_emit (G_APPLICATION (app), data);
  }
  g_assert_cmpstr (dg_application_get_presented_startup_id (app), ==, "dangol-test-token-3");

  /* An X11 launch says desktop-startup-id; nothing else waits for a
   * token once the launch was handled. */
  {
    GVariantDict platform_data;
    g_autoptr(GVariant) data = NULL;

    g_variant_dict_init (&platform_data, NULL);
    g_variant_dict_insert (&platform_data, "desktop-startup-id", "s", "dangol-test_TIME1234");
    data = g_variant_ref_sink (g_variant_dict_end (&platform_data));
    G_APPLICATION_GET_CLASS (app)->before_emit (G_APPLICATION (app), data);
    g_application_activate (G_APPLICATION (app));
    G_APPLICATION_GET_CLASS (app)->after_emit (G_APPLICATION (app), data);
  }
  g_assert_cmpstr (dg_application_get_presented_startup_id (app), ==, "dangol-test_TIME1234");

  gtk_window_destroy (GTK_WINDOW (window));
  dg_ui_test_wait_for (gtk_application_get_windows (GTK_APPLICATION (app)) == NULL);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);
  dg_notification_mock_setup ();

  db_path = dg_test_temp_path ("dangol.db");
  fake_clock = dg_test_fake_clock ("Asia/Seoul", 2026, 11, 24, 10, 0);

  g_test_add_func ("/notifications/open-in-window", test_open_in_window);

  ret = g_test_run ();

  dg_notification_mock_teardown ();
  g_clear_object (&fake_clock);
  g_free (db_path);

  return ret;
}
