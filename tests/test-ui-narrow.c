/* test-ui-narrow.c
 *
 * Every page at the width of a phone (360 px, GNOME's mobile width) and
 * at 1280 px: the window can be made that narrow on each page (its
 * measured minimum width is no more than 360), the customer table becomes
 * a list of two-line rows on the same selection and back (driven by its
 * own keys and actions), a wider toolbar does not keep it a table, the rows of
 * Today and of the calendar's agenda put their actions in their menu,
 * where they still work; and at the default size the agenda shows a
 * Korean title whole and a phone number on one line. Each window opens
 * wide and is then narrowed, as a person would drag it.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-calendar-view.h"
#include "dg-customers-test-util.h"
#include "dg-day-agenda.h"
#include "dg-followup-row.h"
#include "dg-journey-column.h"
#include "dg-journey-templates.h"
#include "dg-journeys-view.h"
#include "dg-test-util.h"
#include "dg-ui-fixture.h"
#include "dg-ui-test-util.h"

#define PHONE_WIDTH 360
#define WIDE_WIDTH 1280

static const DgUiFixtureOptions wide_today = { .width = WIDE_WIDTH, .height = 720 };
static const DgUiFixtureOptions wide_customers = { .width = WIDE_WIDTH, .height = 720, .page = "customers" };
static const DgUiFixtureOptions wide_calendar = { .width = WIDE_WIDTH, .height = 720, .page = "calendar" };
/* No page at first: the Journeys page is built, when shown, on the seeded journey. */
static const DgUiFixtureOptions wide_journeys = { .width = WIDE_WIDTH, .height = 720 };
static const DgUiFixtureOptions default_calendar = { .width = 1100, .height = 720, .page = "calendar" };

static DgUiFixture *
fixture (void)
{
  return dg_ui_fixture_get_current ();
}

static GtkWidget *
window_widget (void)
{
  return GTK_WIDGET (fixture ()->window);
}

static void
show_page (const char *name)
{
  AdwViewStack *stack = ADW_VIEW_STACK (dg_ui_test_find_by_id (window_widget (), "view_stack"));

  adw_view_stack_set_visible_child_name (stack, name);
  dg_ui_test_wait_for (gtk_widget_get_mapped (dg_window_get_page (fixture ()->window, name)));
}

static int
min_width (GtkWidget *widget)
{
  int minimum;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);

  return minimum;
}

/* The width of the window on screen, its frame included, as the window
 * manager and gtk_window_set_default_size() count it. */
static int
window_width (void)
{
  return gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window_widget ())));
}

static void
resize_to (int width)
{
  gint64 deadline = g_get_monotonic_time () + DG_UI_TEST_TIMEOUT_USEC;

  /* Asked again now and then: a size asked for while the window was
   * still taking the last one can go unheeded without a window manager. */
  for (guint i = 0; window_width () != width && dg_ui_test_iterate (deadline); i++)
    {
      if (i % 100 == 0)
        {
          gtk_window_set_default_size (GTK_WINDOW (window_widget ()), width + 1, 720);
          gtk_window_set_default_size (GTK_WINDOW (window_widget ()), width, 720);
        }
    }
  if (window_width () != width)
    g_test_message ("The window is %d px wide, at least %d", window_width (),
                    min_width (window_widget ()));
  g_assert_cmpint (window_width (), ==, width);
}

/* Resizes the window to @width in steps, as dragging its edge does (the
 * window manager keeps it no narrower than it says it can be at each
 * step), and waits until it has painted it. */
static void
set_width (int width)
{
  int step = width < window_width () ? -80 : 80;

  for (int w = window_width () + step; step < 0 ? w > width : w < width; w += step)
    {
      resize_to (w);
      dg_ui_test_wait_painted (window_widget (), 1);
    }
  resize_to (width);
  dg_ui_test_wait_painted (window_widget (), 2);
}

/* The window and what it holds can be as narrow as a phone, on the page
 * on show, and it is. */
static void
assert_fits_phone (const char *what)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window_widget ()));

  g_test_message ("%s: window needs %d px, its content %d px", what,
                  min_width (window_widget ()), min_width (content));
  g_assert_cmpint (min_width (content), <=, PHONE_WIDTH);
  g_assert_cmpint (min_width (window_widget ()), <=, PHONE_WIDTH);
  g_assert_cmpint (window_width (), ==, PHONE_WIDTH);
}

static void
screenshot (const char *name)
{
  g_autofree char *path = dg_ui_test_screenshot (window_widget (), name);

  g_test_message ("Saved %s", path);
}

static gint64
insert_customer (const char *name,
                 const char *phone)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  dg_customer_set_phone (customer, phone);
  dg_customers_insert (fixture ()->database, customer, &error);
  g_assert_no_error (error);

  return dg_customer_get_id (customer);
}

/* A follow-up due at @hour:30 on 2026-11-@day (the fake clock's today is
 * the 24th, at 10:00). */
static gint64
insert_followup (const char *title,
                 int         day,
                 int         hour,
                 gint64      customer_id)
{
  g_autoptr(DgFollowup) followup = dg_followup_new ();
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (DG_CLOCK (fixture ()->clock));
  g_autoptr(GDateTime) due = dg_test_local_time (tz, 2026, 11, day, hour, 30);
  g_autoptr(GError) error = NULL;

  dg_followup_set_title (followup, title);
  dg_followup_set_customer_id (followup, customer_id);
  dg_followup_set_due_at (followup, due);
  dg_followups_insert (fixture ()->database, DG_CLOCK (fixture ()->clock), followup, &error);
  g_assert_no_error (error);

  return dg_followup_get_id (followup);
}

static DgFollowupStatus
status_of (gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgFollowup) followup = dg_followups_get (fixture ()->database, id, &error);

  g_assert_no_error (error);

  return dg_followup_get_status (followup);
}

/* The menu item showing @label (without its mnemonic) under @root. */
static GtkWidget *
find_menu_item (GtkWidget  *root,
                const char *label)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (root), "GtkModelButton"))
    {
      g_autofree char *text = NULL;
      g_auto(GStrv) pieces = g_strsplit (label, "_", -1);
      g_autofree char *plain = g_strjoinv ("", pieces);

      g_object_get (root, "text", &text, NULL);
      if (g_strcmp0 (text, plain) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_item (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Opens @button's menu and says whether it offers @label; with @press,
 * the name of a screenshot of the menu, presses it (the menu then
 * closes). */
static gboolean
menu_offers (GtkMenuButton *button,
             const char    *label,
             const char    *press)
{
  GtkPopover *popover;
  GtkWidget *item;
  gboolean offered;

  gtk_menu_button_popup (button);
  popover = gtk_menu_button_get_popover (button);
  dg_ui_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (popover)));

  item = find_menu_item (GTK_WIDGET (popover), label);
  offered = item != NULL && gtk_widget_get_mapped (item);
  if (offered && press)
    {
      g_autofree char *path = dg_ui_test_screenshot_with_popover (GTK_WIDGET (popover), press);

      g_test_message ("Saved %s", path);
      /* As a click does: the item's action, then the menu closes. */
      gtk_widget_activate (item);
    }
  if (gtk_widget_get_visible (GTK_WIDGET (popover)))
    gtk_menu_button_popdown (button);

  return offered;
}

/* The Today row of the follow-up with @id, or NULL. */
static DgFollowupRow *
today_row (GtkWidget *root,
           gint64     id)
{
  if (DG_IS_FOLLOWUP_ROW (root) &&
      dg_followup_get_id (dg_followup_row_get_followup (DG_FOLLOWUP_ROW (root))) == id)
    return DG_FOLLOWUP_ROW (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      DgFollowupRow *found = today_row (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A customer added @days_ago days before the fake clock's today and never
 * contacted: the Today page lists it as going cold. */
static void
insert_cold_customer (const char *name,
                      int         days_ago)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (DG_CLOCK (fixture ()->clock));
  g_autoptr(GDateTime) added = g_date_time_add_days (now, -days_ago);
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  dg_customer_set_created_at (customer, added);
  dg_customers_insert (fixture ()->database, customer, &error);
  g_assert_no_error (error);
}

/* The first row of Today's going-cold list, once it has one. */
static GtkWidget *
cold_customer_row (void)
{
  GtkWidget *list = dg_ui_test_find_by_id (window_widget (), "cold_list");

  return list != NULL ? gtk_widget_get_first_child (list) : NULL;
}

/* Whether the buttons of @row that are shown have labels (not icons only). */
static gboolean
cold_buttons_have_labels (GtkWidget *row)
{
  GtkWidget *squeezer = dg_ui_test_find_by_type (row, ADW_TYPE_SQUEEZER);
  GtkWidget *buttons = adw_squeezer_get_visible_child (ADW_SQUEEZER (squeezer));

  g_assert_nonnull (buttons);
  for (GtkWidget *b = gtk_widget_get_first_child (buttons); b != NULL; b = gtk_widget_get_next_sibling (b))
    {
      g_assert_true (gtk_widget_get_mapped (b));
      if (gtk_button_get_label (GTK_BUTTON (b)) == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
test_today (DgUiFixture   *fixture,
            gconstpointer  data)
{
  gint64 customer = insert_customer ("김민수", "01012345678");
  gint64 overdue = insert_followup ("Call back about the quote for the spring workshop", 23, 15, customer);
  gint64 due = insert_followup ("수강 후기 설문 보내기", 24, 16, customer);
  DgFollowupRow *row;
  GtkMenuButton *more;
  GtkWidget *cold_row;

  /* Going cold: never contacted since it was added, 200 days ago. */
  insert_cold_customer ("Never Contacted Customer With A Long Name", 200);

  show_page ("today");
  dg_ui_test_wait_for ((row = today_row (window_widget (), due)) != NULL);
  dg_ui_test_wait_for ((cold_row = cold_customer_row ()) != NULL);
  dg_ui_test_wait_painted (window_widget (), 2);
  /* Wide, its buttons have their labels. */
  g_assert_true (cold_buttons_have_labels (cold_row));

  /* Wide, the row has its buttons, and its menu does not repeat them. */
  g_assert_false (dg_followup_row_get_narrow (row));
  g_assert_true (gtk_widget_get_mapped (dg_ui_test_find_by_id (GTK_WIDGET (row), "done_button")));
  screenshot ("narrow-today-1280");
  more = GTK_MENU_BUTTON (dg_ui_test_find_by_id (GTK_WIDGET (row), "more_button"));
  g_assert_false (menu_offers (more, _("Mark as Done"), NULL));

  set_width (PHONE_WIDTH);
  assert_fits_phone ("Today");
  /* Narrow, the going-cold row's buttons keep only their icons. */
  g_assert_false (cold_buttons_have_labels (cold_row));
  g_assert_true (dg_followup_row_get_narrow (row));
  g_assert_true (dg_followup_row_get_narrow (today_row (window_widget (), overdue)));
  g_assert_false (gtk_widget_get_mapped (dg_ui_test_find_by_id (GTK_WIDGET (row), "done_button")));
  g_assert_false (gtk_widget_get_mapped (dg_ui_test_find_by_id (GTK_WIDGET (row), "snooze_button")));
  /* The title keeps the room the buttons gave up. */
  g_assert_cmpint (gtk_widget_get_width (dg_ui_test_find_by_id (GTK_WIDGET (row), "title_label")), >=, 120);
  screenshot ("narrow-today-360");

  /* Done from the menu completes it. */
  /* Snoozes as the snooze button offers them: not for an hour, still
   * before it is due at 16:30. */
  g_assert_true (menu_offers (more, _("Snooze Until _Tomorrow at 09:00"), NULL));
  g_assert_false (menu_offers (more, _("Snooze for an _Hour"), NULL));
  g_assert_true (menu_offers (more, _("Mark as Done"), "narrow-today-menu-360"));
  dg_ui_test_wait_for (status_of (due) == DG_FOLLOWUP_STATUS_DONE);
  g_assert_cmpint (status_of (overdue), ==, DG_FOLLOWUP_STATUS_OPEN);

  /* Wide again, the buttons come back. */
  set_width (WIDE_WIDTH);
  row = today_row (window_widget (), overdue);
  g_assert_false (dg_followup_row_get_narrow (row));
  g_assert_true (gtk_widget_get_mapped (dg_ui_test_find_by_id (GTK_WIDGET (row), "done_button")));
}

/* The first start, with no customers, fits a phone too. */
static void
test_first_start (DgUiFixture   *fixture,
                  gconstpointer  data)
{
  show_page ("today");
  dg_ui_test_wait_painted (window_widget (), 2);

  set_width (PHONE_WIDTH);
  assert_fits_phone ("Today, first start");
  screenshot ("narrow-first-start-360");
}

static GtkListView *
row_view (void)
{
  GtkWidget *stack = dg_customers_test_view_child ("list_mode_stack");
  GtkWidget *rows = gtk_stack_get_child_by_name (GTK_STACK (stack), "rows");

  return rows != NULL ? GTK_LIST_VIEW (dg_ui_test_find_by_type (rows, GTK_TYPE_LIST_VIEW)) : NULL;
}

static GtkColumnView *
column_view (void)
{
  return GTK_COLUMN_VIEW (dg_customers_test_view_child ("column_view"));
}

static void
test_customers (DgUiFixture   *fixture,
                gconstpointer  data)
{
  DgCustomersView *view = dg_customers_test_get_view ();
  GtkSelectionModel *selection;
  GtkListView *rows;
  GtkWidget *bar;

  dg_customers_test_insert ("김민수", "010-1234-5678", "minsu@example.com", "단골 요가", "vip");
  dg_customers_test_insert ("이서연", "02-123-4567", "seoyeon@example.com", NULL, NULL);
  dg_customers_test_insert ("Park Jiwoo", "010-9876-5432", NULL, "Jiwoo Design", NULL);
  dg_ui_test_wait_for (dg_customers_test_n_items () == 3);
  dg_ui_test_wait_painted (window_widget (), 2);

  /* Wide: the table, and no list of rows built for nothing. */
  selection = dg_customers_test_get_selection ();
  g_assert_false (dg_customers_view_get_narrow (view));
  g_assert_true (gtk_column_view_get_model (column_view ()) == selection);
  g_assert_null (row_view ());
  screenshot ("narrow-customers-1280");

  set_width (PHONE_WIDTH);
  assert_fits_phone ("Customers");
  g_assert_true (dg_customers_view_get_narrow (view));
  rows = row_view ();
  g_assert_nonnull (rows);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (rows)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (column_view ())));
  /* One model at a time: the hidden table builds no rows. */
  g_assert_true (gtk_list_view_get_model (rows) == selection);
  g_assert_null (gtk_column_view_get_model (column_view ()));
  screenshot ("narrow-customers-360");

  /* The list's own keys and clicks select, one or several, by id. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (rows), "list.select-item", "(ubb)", 0, FALSE, NULL));
  {
    g_autofree char *first = dg_customers_test_dup_name (0);

    g_autoptr(DgCustomer) selected = g_list_model_get_item (G_LIST_MODEL (selection), 0);

    g_assert_true (gtk_selection_model_is_selected (selection, 0));
    g_assert_cmpint (dg_customer_get_id (selected), ==, dg_customers_test_find_id (first));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (rows), "list.select-item", "(ubb)", 2, TRUE, NULL));
  g_assert_true (gtk_selection_model_is_selected (selection, 0));
  g_assert_true (gtk_selection_model_is_selected (selection, 2));
  g_assert_false (gtk_selection_model_is_selected (selection, 1));

  /* The bar for several fits the phone too. */
  bar = dg_customers_test_view_child ("selection_revealer");
  dg_ui_test_wait_for (gtk_widget_get_mapped (bar) && gtk_revealer_get_child_revealed (GTK_REVEALER (bar)));
  dg_ui_test_wait_painted (window_widget (), 2);
  assert_fits_phone ("Customers, several selected");
  screenshot ("narrow-customers-selection-360");

  /* Back to the table: the selection stays. */
  set_width (WIDE_WIDTH);
  g_assert_false (dg_customers_view_get_narrow (view));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (column_view ())));
  g_assert_true (gtk_column_view_get_model (column_view ()) == selection);
  g_assert_null (gtk_list_view_get_model (rows));
  g_assert_true (gtk_selection_model_is_selected (selection, 0));
  g_assert_true (gtk_selection_model_is_selected (selection, 2));
  dg_customers_test_activate ("customers.select-none");

  /* Down selects the next row, Enter opens its customer; without a way to
   * send keys, the actions the keys are bound to. */
  set_width (PHONE_WIDTH);
  g_assert_true (gtk_list_view_get_model (rows) == selection);
  if (dg_ui_test_can_send_input ())
    {
      GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (rows));

      /* The rows are the list's children, in their order. */
      while (first != NULL && !g_str_equal (G_OBJECT_TYPE_NAME (first), "GtkListItemWidget"))
        first = gtk_widget_get_next_sibling (first);
      g_assert_nonnull (first);
      dg_ui_test_click (first);
      dg_ui_test_wait_for (gtk_selection_model_is_selected (selection, 0));
      dg_ui_test_send_keys (first, "Down");
      dg_ui_test_wait_for (gtk_selection_model_is_selected (selection, 1));
      g_assert_false (gtk_selection_model_is_selected (selection, 0));
      dg_ui_test_send_keys (GTK_WIDGET (rows), "Return");
    }
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (rows), "list.activate-item", "u", 1));
  dg_ui_test_wait_for (dg_customer_page_get_customer (dg_customers_view_get_customer_page (view)) != NULL);
  {
    g_autofree char *name = dg_customers_test_dup_name (1);

    g_assert_cmpstr (dg_customer_get_name (dg_customer_page_get_customer (dg_customers_view_get_customer_page (view))),
                     ==, name);
  }
  dg_ui_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (dg_customers_view_get_customer_page (view))));
  dg_ui_test_wait_painted (window_widget (), 2);
  assert_fits_phone ("Customer page");
  screenshot ("narrow-customer-page-360");

  set_width (WIDE_WIDTH);
  screenshot ("narrow-customer-page-1280");
}

/* A toolbar that needs more than the table's threshold (more filters, a
 * longer translation) does not hold the window wide: the view turns
 * narrow below what its wide layout needs. */
static void
test_customers_wide_toolbar (DgUiFixture   *fixture,
                             gconstpointer  data)
{
  DgCustomersView *view = dg_customers_test_get_view ();
  GtkWidget *filler = gtk_label_new (NULL);

  dg_customers_test_insert ("김민수", "010-1234-5678", NULL, NULL, NULL);
  dg_ui_test_wait_for (dg_customers_test_n_items () == 1);
  gtk_widget_set_size_request (filler, 320, -1);
  gtk_box_append (GTK_BOX (dg_customers_test_view_child ("toolbar")), filler);
  dg_ui_test_wait_painted (window_widget (), 2);
  g_assert_false (dg_customers_view_get_narrow (view));

  set_width (720);
  g_assert_true (dg_customers_view_get_narrow (view));

  set_width (WIDE_WIDTH);
  g_assert_false (dg_customers_view_get_narrow (view));
}

static GtkListBoxRow *
agenda_row (gint64 id)
{
  GtkWidget *list = dg_ui_test_find_by_id (dg_window_get_page (fixture ()->window, "calendar"), "list_box");

  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i);
      DgFollowup *followup;

      if (row == NULL)
        return NULL;
      followup = g_object_get_data (G_OBJECT (row), "dg-followup");
      if (dg_followup_get_id (followup) == id)
        return row;
    }
}

static DgDayAgenda *
agenda (void)
{
  return DG_DAY_AGENDA (dg_ui_test_find_by_id (dg_window_get_page (fixture ()->window, "calendar"), "agenda"));
}

static void
test_calendar (DgUiFixture   *fixture,
               gconstpointer  data)
{
  gint64 customer = insert_customer ("김민수", "01012345678");
  gint64 id = insert_followup ("수강 후기 설문 보내기", 24, 15, customer);
  GtkMenuButton *more;
  GtkListBoxRow *row;

  insert_followup ("Call back about the quote for the spring workshop", 24, 11, customer);
  dg_ui_test_wait_for ((row = agenda_row (id)) != NULL);
  dg_ui_test_wait_painted (window_widget (), 2);

  g_assert_false (dg_day_agenda_get_narrow (agenda ()));
  g_assert_true (gtk_widget_get_mapped (g_object_get_data (G_OBJECT (row), "dg-done-button")));
  screenshot ("narrow-calendar-1280");
  more = g_object_get_data (G_OBJECT (row), "dg-menu-button");
  g_assert_false (menu_offers (more, _("Mark as Done"), NULL));

  set_width (PHONE_WIDTH);
  assert_fits_phone ("Calendar");
  g_assert_true (dg_day_agenda_get_narrow (agenda ()));
  g_assert_false (gtk_widget_get_mapped (g_object_get_data (G_OBJECT (row), "dg-done-button")));
  /* Scrolled into sight: the agenda is under the month. */
  screenshot ("narrow-calendar-360");

  g_assert_true (menu_offers (more, _("Mark as Done"), "narrow-agenda-menu-360"));
  dg_ui_test_wait_for (status_of (id) == DG_FOLLOWUP_STATUS_DONE);
}

/* At the default size, beside the month, the agenda shows a typical
 * Korean title whole on one line, and the phone number on one line. */
static void
test_agenda_default_size (DgUiFixture   *fixture,
                          gconstpointer  data)
{
  gint64 customer = insert_customer ("김민수", "01012345678");
  gint64 id = insert_followup ("수강 후기 설문 보내기", 24, 15, customer);
  GtkListBoxRow *row;
  GtkLabel *title;
  GtkLabel *phone;

  insert_followup ("이서연님께 상담 전화", 24, 11, customer);
  g_assert_true (dg_calendar_view_show_followup (DG_CALENDAR_VIEW (dg_window_get_page (fixture->window, "calendar")),
                                                 id, NULL));
  dg_ui_test_wait_for ((row = agenda_row (id)) != NULL);
  dg_ui_test_wait_painted (window_widget (), 2);
  g_assert_false (dg_day_agenda_get_narrow (agenda ()));

  title = g_object_get_data (G_OBJECT (row), "dg-title-label");
  g_assert_cmpstr (gtk_label_get_text (title), ==, "수강 후기 설문 보내기");
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (title)));
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (title)), ==, 1);

  phone = g_object_get_data (G_OBJECT (row), "dg-phone-label");
  g_assert_nonnull (phone);
  g_assert_cmpstr (gtk_label_get_text (phone), ==, "010-1234-5678");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (phone)));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (phone)));
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (phone)), ==, 1);

  screenshot ("narrow-agenda-default");
}

/* The preferences window fits a phone as well. */
static void
test_preferences (DgUiFixture   *fixture,
                  gconstpointer  data)
{
  GtkWindow *preferences;
  GtkWidget *content;

  g_assert_true (gtk_widget_activate_action (window_widget (), "app.preferences", NULL));
  dg_ui_test_wait_for ((preferences = dg_ui_test_find_window (ADW_TYPE_PREFERENCES_WINDOW)) != NULL);
  dg_ui_test_wait_painted (GTK_WIDGET (preferences), 2);
  content = adw_window_get_content (ADW_WINDOW (preferences));
  g_test_message ("Preferences need %d px, their content %d px",
                  min_width (GTK_WIDGET (preferences)), min_width (content));
  g_assert_cmpint (min_width (content), <=, PHONE_WIDTH);
}

/* The first shipped journey, with one customer in its first stage. */
static guint
seed_journey (void)
{
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GError) error = NULL;
  gint64 journey = 0;
  const DgStage *first;

  templates = dg_journey_templates_list (NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, >, 0);
  g_assert_true (dg_journey_template_create_journey (fixture ()->database, g_ptr_array_index (templates, 0),
                                                     &journey, &error));
  g_assert_no_error (error);
  stages = dg_stages_list (fixture ()->database, journey, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stages->len, >, 0);
  first = g_ptr_array_index (stages, 0);
  g_assert_true (dg_enrollments_enroll (fixture ()->database, DG_CLOCK (fixture ()->clock),
                                        insert_customer ("김민수", "01012345678"), first->id, 0, NULL, &error));
  g_assert_no_error (error);

  return stages->len;
}

/* Says what each part of the Journeys page needs, to tell which one keeps
 * the window wide when it cannot be narrowed. */
static void
log_journeys_widths (DgJourneysView *view)
{
  const char *ids[] = { "toolbar", "selection_bar", "board_scroller", "columns_box", "map" };

  for (GtkWidget *child = gtk_widget_get_first_child (dg_ui_test_find_by_id (GTK_WIDGET (view), "toolbar"));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_test_message ("Journeys toolbar: %s needs %d px", G_OBJECT_TYPE_NAME (child), min_width (child));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_test_message ("Journeys %s needs %d px", ids[i], min_width (dg_ui_test_find_by_id (GTK_WIDGET (view), ids[i])));
}

/* The journey board and its map fit a phone: the toolbar gives up its
 * labels for icons, a column fits beside the board's margins, and the
 * board and the map scroll sideways rather than widen the window. */
static void
test_journeys (DgUiFixture   *fixture,
               gconstpointer  data)
{
  guint n_stages = seed_journey ();
  DgJourneysView *view;
  GtkStack *stack;
  GtkWidget *scroller, *map_toggle, *column, *revealer;

  show_page ("journeys");
  view = DG_JOURNEYS_VIEW (dg_window_get_page (fixture->window, "journeys"));
  dg_ui_test_wait_for (dg_journeys_view_get_n_columns (view) == n_stages);
  stack = GTK_STACK (dg_ui_test_find_by_id (GTK_WIDGET (view), "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "board");
  dg_ui_test_wait_painted (window_widget (), 2);
  screenshot ("narrow-journeys-1280");
  log_journeys_widths (view);

  set_width (PHONE_WIDTH);
  assert_fits_phone ("Journeys, board");
  /* One column shows whole, the others are a scroll away. */
  scroller = dg_ui_test_find_by_id (GTK_WIDGET (view), "board_scroller");
  column = gtk_widget_get_first_child (dg_ui_test_find_by_id (GTK_WIDGET (view), "columns_box"));
  g_assert_nonnull (column);
  g_assert_cmpint (gtk_widget_get_width (column), <=, gtk_widget_get_width (scroller) - 24);
  g_assert_true (gtk_widget_get_mapped (dg_ui_test_find_by_id (GTK_WIDGET (view), "add_icon_button")));
  screenshot ("narrow-journeys-360");

  /* The bar for the selected cards fits too, its buttons in a menu. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dg_journey_column_get_list_view (DG_JOURNEY_COLUMN (column))),
                                             "list.select-all", NULL));
  revealer = dg_ui_test_find_by_id (GTK_WIDGET (view), "selection_revealer");
  dg_ui_test_wait_for (gtk_widget_get_mapped (revealer) && gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)));
  dg_ui_test_wait_painted (window_widget (), 2);
  assert_fits_phone ("Journeys, cards selected");
  g_assert_true (gtk_widget_get_mapped (dg_ui_test_find_by_id (GTK_WIDGET (view), "selection_menu_button")));
  g_assert_true (gtk_widget_get_mapped (dg_ui_test_find_by_id (GTK_WIDGET (view), "move_selected_button")));
  screenshot ("narrow-journeys-selection-360");

  /* As a click does: the button's clicked signal, on the icon shown
   * for the word. */
  map_toggle = dg_ui_test_find_by_id (GTK_WIDGET (view), "map_icon_toggle");
  g_assert_true (gtk_widget_get_mapped (map_toggle));
  g_assert_false (gtk_widget_get_mapped (dg_ui_test_find_by_id (GTK_WIDGET (view), "map_toggle")));
  g_assert_true (gtk_widget_activate (map_toggle));
  dg_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "map") == 0);
  dg_ui_test_wait_painted (window_widget (), 2);
  assert_fits_phone ("Journeys, map");
  screenshot ("narrow-journey-map-360");

  set_width (WIDE_WIDTH);
  g_assert_true (gtk_widget_get_mapped (dg_ui_test_find_by_id (GTK_WIDGET (view), "add_button")));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (dg_ui_test_find_by_id (GTK_WIDGET (view), "map_toggle"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (dg_ui_test_find_by_id (GTK_WIDGET (view), "board_toggle"))));
  screenshot ("narrow-journey-map-1280");
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  DG_UI_TEST_ADD_WITH ("/ui/narrow/today", &wide_today, test_today);
  DG_UI_TEST_ADD_WITH ("/ui/narrow/first-start", &wide_today, test_first_start);
  DG_UI_TEST_ADD_WITH ("/ui/narrow/customers", &wide_customers, test_customers);
  DG_UI_TEST_ADD_WITH ("/ui/narrow/customers-wide-toolbar", &wide_customers, test_customers_wide_toolbar);
  DG_UI_TEST_ADD_WITH ("/ui/narrow/calendar", &wide_calendar, test_calendar);
  DG_UI_TEST_ADD_WITH ("/ui/narrow/agenda-default-size", &default_calendar, test_agenda_default_size);
  DG_UI_TEST_ADD_WITH ("/ui/narrow/journeys", &wide_journeys, test_journeys);
  DG_UI_TEST_ADD_WITH ("/ui/narrow/preferences", &wide_today, test_preferences);

  return g_test_run ();
}
