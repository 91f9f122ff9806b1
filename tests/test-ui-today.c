/* test-ui-today.c
 *
 * Drives the real Today view and the window's "show" functions on a
 * temporary database, with a fake clock standing at Tuesday 2026-11-24
 * 10:00 in Seoul so that "today" is known and the screenshots are stable.
 * The cases run in order and share one window, like a user's session.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-application.h"
#include "dg-customer-page.h"
#include "dg-customers-view.h"
#include "dg-test-util.h"
#include "dg-today-view.h"
#include "dg-ui-test-util.h"
#include "dg-window.h"

static DgApplication *app;
static DgWindow *window;
static DgFakeClock *fake_clock;

static DgWindow *
get_window (void)
{
  g_autoptr(DgDatabase) database = NULL;
  g_autoptr(DgContext) context = NULL;
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
  database = dg_database_open (path, &error);
  g_assert_no_error (error);

  fake_clock = dg_test_fake_clock ("Asia/Seoul", 2026, 11, 24, 10, 0);
  context = g_object_new (DG_TYPE_CONTEXT,
                          "database", database,
                          "clock", fake_clock,
                          NULL);
  dg_followups_sync_time_zone (database, DG_CLOCK (fake_clock), &error);
  g_assert_no_error (error);

  window = dg_window_new (app, context);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  dg_ui_test_wait_painted (GTK_WIDGET (window), 1);

  return window;
}

static DgDatabase *
get_database (void)
{
  return dg_context_get_database (dg_window_get_context (get_window ()));
}

static GtkWidget *
window_child (const char *id)
{
  GtkWidget *child = dg_ui_test_find_by_id (GTK_WIDGET (get_window ()), id);

  g_assert_nonnull (child);

  return child;
}

static const char *
visible_page (void)
{
  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (window_child ("view_stack")));
}

static gint64
insert_customer (const char *name)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  dg_customers_insert (get_database (), customer, &error);
  g_assert_no_error (error);

  return dg_customer_get_id (customer);
}

/* A timed follow-up due at @hour:@minute local time on 2026-11-@day. */
static gint64
insert_followup (const char *title,
                 gint64      customer_id,
                 int         day,
                 int         hour,
                 int         minute)
{
  g_autoptr(DgFollowup) followup = dg_followup_new ();
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (DG_CLOCK (fake_clock));
  g_autoptr(GDateTime) due = dg_test_local_time (tz, 2026, 11, day, hour, minute);
  g_autoptr(GError) error = NULL;

  dg_followup_set_title (followup, title);
  dg_followup_set_customer_id (followup, customer_id);
  dg_followup_set_due_at (followup, due);
  dg_followups_insert (get_database (), DG_CLOCK (fake_clock), followup, &error);
  g_assert_no_error (error);

  return dg_followup_get_id (followup);
}

static gint64
shown_customer_id (void)
{
  DgCustomerPage *page = DG_CUSTOMER_PAGE (window_child ("customer_page"));
  DgCustomer *customer = dg_customer_page_get_customer (page);

  return customer != NULL ? dg_customer_get_id (customer) : 0;
}

static gboolean
customer_page_shown (void)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (window_child ("leaflet"));

  return adw_leaflet_get_visible_child (leaflet) == window_child ("customer_page");
}

static void
test_show_customer (void)
{
  gint64 minsu = insert_customer ("김민수");
  gint64 jiwoo = insert_customer ("Jiwoo Park");

  dg_window_show_customer (get_window (), jiwoo);
  g_assert_cmpstr (visible_page (), ==, "customers");
  dg_ui_test_wait_for (customer_page_shown ());
  g_assert_cmpint (shown_customer_id (), ==, jiwoo);

  dg_window_show_customer (get_window (), minsu);
  g_assert_cmpstr (visible_page (), ==, "customers");
  dg_ui_test_wait_for (customer_page_shown ());
  g_assert_cmpint (shown_customer_id (), ==, minsu);

  /* A customer that is gone leaves the page as it was. */
  dg_window_show_customer (get_window (), 999999);
  g_assert_cmpint (shown_customer_id (), ==, minsu);
}

static void
test_show_followup (void)
{
  gint64 customer = insert_customer ("Seo-yeon Lee");
  gint64 call = insert_followup ("Call about the spring course", customer, 24, 15, 0);

  dg_window_show_followup (get_window (), call);
  g_assert_cmpstr (visible_page (), ==, "customers");
  dg_ui_test_wait_for (customer_page_shown ());
  g_assert_cmpint (shown_customer_id (), ==, customer);

  /* A follow-up that is gone leaves the page as it was. */
  dg_window_show_followup (get_window (), 999999);
  g_assert_cmpint (shown_customer_id (), ==, customer);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/window/show-customer", test_show_customer);
  g_test_add_func ("/ui/window/show-followup", test_show_followup);

  result = g_test_run ();

  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&fake_clock);
  g_clear_object (&app);

  return result;
}
