/* test-ui-today.c
 *
 * Drives the real Today view and the window's "show" functions. Each case
 * has a window of its own on a fresh temporary database (dg-ui-fixture.h),
 * with a fake clock standing at Tuesday 2026-11-24 10:00 in Seoul so that
 * "today" is known and the screenshots are stable; a case that needs
 * follow-ups seeds them itself.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-application.h"
#include "dg-calendar-view.h"
#include "dg-customer-editor.h"
#include "dg-customer-page.h"
#include "dg-customers-view.h"
#include "dg-date-names.h"
#include "dg-followup-editor.h"
#include "dg-followup-row.h"
#include "dg-row.h"
#include "dg-test-util.h"
#include "dg-today-view.h"
#include "dg-ui-fixture.h"
#include "dg-ui-test-util.h"
#include "dg-window.h"

/* The fake clock of the case that runs. */
#define fake_clock (dg_ui_fixture_get_current ()->clock)

static DgWindow *
get_window (void)
{
  return dg_ui_fixture_get_current ()->window;
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

static GTimeZone *
get_time_zone (void)
{
  return dg_clock_dup_time_zone (DG_CLOCK (fake_clock));
}

/* The instant of @hour:@minute local time on @year-@month-@day. */
static GDateTime *
local_time (int year,
            int month,
            int day,
            int hour,
            int minute)
{
  g_autoptr(GTimeZone) tz = get_time_zone ();

  return dg_test_local_time (tz, year, month, day, hour, minute);
}

/* A customer added on @added (month 10 or 11 of 2026), so that whether
 * it goes cold does not depend on the real date. */
static gint64
insert_customer_added (const char *name,
                       int         month,
                       int         day)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GDateTime) added = local_time (2026, month, day, 12, 0);
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  dg_customer_set_created_at (customer, added);
  dg_customers_insert (get_database (), customer, &error);
  g_assert_no_error (error);

  return dg_customer_get_id (customer);
}

static gint64
insert_customer (const char *name)
{
  return insert_customer_added (name, 11, 1);
}

static void
log_contact (gint64 customer_id,
             int    month,
             int    day)
{
  g_autoptr(DgInteraction) interaction = dg_interaction_new ();
  g_autoptr(GDateTime) when = local_time (2026, month, day, 11, 0);
  g_autoptr(GError) error = NULL;

  dg_interaction_set_customer_id (interaction, customer_id);
  dg_interaction_set_occurred_at (interaction, when);
  dg_interaction_set_channel (interaction, DG_INTERACTION_CHANNEL_CALL);
  dg_interaction_set_summary (interaction, "Talked about the next course");
  dg_interactions_insert (get_database (), DG_CLOCK (fake_clock), interaction, &error);
  g_assert_no_error (error);
}

static gint64
save_followup (DgFollowup *followup)
{
  g_autoptr(GError) error = NULL;

  dg_followups_insert (get_database (), DG_CLOCK (fake_clock), followup, &error);
  g_assert_no_error (error);

  return dg_followup_get_id (followup);
}

/* A timed follow-up due at @hour:@minute local time on 2026-@month-@day. */
static gint64
insert_followup_on (const char *title,
                    gint64      customer_id,
                    int         month,
                    int         day,
                    int         hour,
                    int         minute)
{
  g_autoptr(DgFollowup) followup = dg_followup_new ();
  g_autoptr(GDateTime) due = local_time (2026, month, day, hour, minute);

  dg_followup_set_title (followup, title);
  dg_followup_set_customer_id (followup, customer_id);
  dg_followup_set_due_at (followup, due);

  return save_followup (followup);
}

static gint64
insert_followup (const char *title,
                 gint64      customer_id,
                 int         day,
                 int         hour,
                 int         minute)
{
  return insert_followup_on (title, customer_id, 11, day, hour, minute);
}

/* An all-day follow-up due on @date ("YYYY-MM-DD"). */
static gint64
insert_all_day (const char *title,
                gint64      customer_id,
                const char *date)
{
  g_autoptr(DgFollowup) followup = dg_followup_new ();

  dg_followup_set_title (followup, title);
  dg_followup_set_customer_id (followup, customer_id);
  dg_followup_set_due_date (followup, date);

  return save_followup (followup);
}

static DgFollowup *
get_followup (gint64 id)
{
  g_autoptr(GError) error = NULL;
  DgFollowup *followup = dg_followups_get (get_database (), id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (followup);

  return followup;
}

static DgCustomerPage *
get_customer_page (void)
{
  return dg_customers_view_get_customer_page (DG_CUSTOMERS_VIEW (dg_window_get_page (get_window (), "customers")));
}

static gint64
shown_customer_id (void)
{
  DgCustomerPage *page = get_customer_page ();
  DgCustomer *customer = dg_customer_page_get_customer (page);

  return customer != NULL ? dg_customer_get_id (customer) : 0;
}

static gboolean
customer_page_shown (void)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (window_child ("leaflet"));

  return adw_leaflet_get_visible_child (leaflet) == GTK_WIDGET (get_customer_page ());
}

static DgTodayView *
get_view (void)
{
  return DG_TODAY_VIEW (dg_window_get_page (get_window (), "today"));
}

static GtkWidget *
view_child (const char *id)
{
  GtkWidget *child = dg_ui_test_find_by_id (GTK_WIDGET (get_view ()), id);

  g_assert_nonnull (child);

  return child;
}

static const char *
view_state (void)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (view_child ("stack")));
}

static void
show_page (const char *name)
{
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (window_child ("view_stack")), name);
}

static void
take_screenshot (const char *name)
{
  g_autofree char *path = dg_ui_test_screenshot (GTK_WIDGET (get_window ()), name);
  g_autoptr(GBytes) png = dg_test_read_file (path);

  g_assert_nonnull (png);
  g_assert_cmpuint (g_bytes_get_size (png), >, 1000);
}

/* The titles of the follow-ups a list shows, in order, joined by "|";
 * "" when the list's section is hidden. */
static char *
list_titles (const char *list_id)
{
  GtkWidget *list = view_child (list_id);
  g_autoptr(GString) titles = g_string_new (NULL);
  GtkWidget *section = gtk_widget_get_parent (list);

  if (!gtk_widget_get_visible (section) ||
      g_strcmp0 (view_state (), "sections") != 0)
    return g_strdup ("");

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (!DG_IS_FOLLOWUP_ROW (row))
        continue;
      if (titles->len > 0)
        g_string_append_c (titles, '|');
      g_string_append (titles, dg_followup_get_title (dg_followup_row_get_followup (DG_FOLLOWUP_ROW (row))));
    }

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

/* "Next 7 Days" as "heading: title|title; heading: title". */
static char *
upcoming_titles (void)
{
  GtkWidget *box = view_child ("upcoming_box");
  g_autoptr(GString) text = g_string_new (NULL);

  if (!gtk_widget_get_visible (view_child ("upcoming_section")) ||
      g_strcmp0 (view_state (), "sections") != 0)
    return g_strdup ("");

  for (GtkWidget *child = gtk_widget_get_first_child (box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        g_string_append_printf (text, "%s%s: ", text->len > 0 ? "; " : "",
                                gtk_label_get_text (GTK_LABEL (child)));
      else
        for (GtkWidget *row = gtk_widget_get_first_child (child);
             row != NULL;
             row = gtk_widget_get_next_sibling (row))
          {
            DgFollowup *followup = dg_followup_row_get_followup (DG_FOLLOWUP_ROW (row));

            if (row != gtk_widget_get_first_child (child))
              g_string_append_c (text, '|');
            g_string_append (text, dg_followup_get_title (followup));
          }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The names and subtitles in "Going Cold", as "name (subtitle)|...". */
static char *
cold_rows (void)
{
  GtkWidget *list = view_child ("cold_list");
  g_autoptr(GString) text = g_string_new (NULL);

  if (!gtk_widget_get_visible (view_child ("cold_section")) ||
      g_strcmp0 (view_state (), "sections") != 0)
    return g_strdup ("");

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (text->len > 0)
        g_string_append_c (text, '|');
      g_string_append_printf (text, "%s (%s)",
                              dg_row_get_title (DG_ROW (row)),
                              dg_row_get_subtitle (DG_ROW (row)));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
shows (char       *actual,
       const char *expected)
{
  g_autofree char *owned = actual;

  return g_strcmp0 (owned, expected) == 0;
}

#define assert_shows(actual_expr, expected)                                   \
  G_STMT_START {                                                               \
    const char *assert_shows_expected_ = (expected);                           \
    g_autofree char *assert_shows_actual_ = NULL;                              \
    dg_ui_test_wait_for (shows ((actual_expr), assert_shows_expected_));       \
    assert_shows_actual_ = (actual_expr);                                      \
    g_assert_cmpstr (assert_shows_actual_, ==, assert_shows_expected_);       \
  } G_STMT_END

/* The row of the follow-up titled @title in the list @list_id, or in
 * "Next 7 Days" when @list_id is NULL. */
static DgFollowupRow *
find_row (const char *list_id,
          const char *title)
{
  GtkWidget *root = list_id != NULL ? view_child (list_id) : view_child ("upcoming_box");
  GtkWidget *found = NULL;
  GPtrArray *stack = g_ptr_array_new ();

  g_ptr_array_add (stack, root);
  while (stack->len > 0 && found == NULL)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (DG_IS_FOLLOWUP_ROW (widget))
        {
          DgFollowup *followup = dg_followup_row_get_followup (DG_FOLLOWUP_ROW (widget));

          if (g_strcmp0 (dg_followup_get_title (followup), title) == 0)
            found = widget;
          continue;
        }

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_ptr_array_unref (stack);

  g_assert_nonnull (found);

  return DG_FOLLOWUP_ROW (found);
}

static GtkWidget *
row_child (DgFollowupRow *row,
           const char    *id)
{
  GtkWidget *child = dg_ui_test_find_by_id (GTK_WIDGET (row), id);

  g_assert_nonnull (child);

  return child;
}

static char *
expected_day_heading (int month,
                      int day)
{
  g_autoptr(GDateTime) time = local_time (2026, month, day, 0, 0);

  return dg_date_names_format (time, _("%A, %b %-d"));
}

static void
press_undo (void)
{
  GtkWidget *undo = NULL;

  dg_ui_test_wait_for ((undo = dg_ui_test_find_button (GTK_WIDGET (get_window ()), _("Undo"))) != NULL);
  g_assert_nonnull (gtk_widget_get_ancestor (undo, g_type_from_name ("AdwToastWidget")));
  gtk_widget_activate (undo);
}

static DgFollowupEditor *
wait_for_editor (void)
{
  DgFollowupEditor *editor = NULL;

  dg_ui_test_wait_for ((editor = (DgFollowupEditor *)dg_ui_test_find_window (DG_TYPE_FOLLOWUP_EDITOR)) != NULL);
  dg_ui_test_wait_painted (GTK_WIDGET (editor), 1);

  return editor;
}

static void
close_editor (DgFollowupEditor *editor)
{
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);
  gtk_window_close (GTK_WINDOW (editor));
  dg_ui_test_wait_for (editor == NULL);
}

/* A screenshot of the window with the popover it shows drawn where it is
 * on screen: a popover is a surface of its own, which a snapshot of the
 * window leaves out. */
static void
take_screenshot_with_popover (GtkWidget  *popover,
                              const char *name)
{
  GtkWidget *window = GTK_WIDGET (get_window ());
  const char *dir = g_getenv ("DANGOL_SCREENSHOT_DIR");
  const char *lang = g_getenv ("DANGOL_TEST_LANG");
  g_autoptr(GdkPaintable) window_paintable = NULL;
  g_autoptr(GdkPaintable) popover_paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  double window_x, window_y, popover_x, popover_y;
  int x, y, width, height;

  dg_ui_test_wait_painted (window, 2);
  dg_ui_test_wait_painted (popover, 2);

  gtk_native_get_surface_transform (GTK_NATIVE (window), &window_x, &window_y);
  gtk_native_get_surface_transform (GTK_NATIVE (popover), &popover_x, &popover_y);
  x = gdk_popup_get_position_x (GDK_POPUP (gtk_native_get_surface (GTK_NATIVE (popover))));
  y = gdk_popup_get_position_y (GDK_POPUP (gtk_native_get_surface (GTK_NATIVE (popover))));

  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  window_paintable = gtk_widget_paintable_new (window);
  popover_paintable = gtk_widget_paintable_new (popover);

  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (window_paintable, snapshot, width, height);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + popover_x - window_x,
                                                          y + popover_y - window_y));
  gdk_paintable_snapshot (popover_paintable, snapshot,
                          gtk_widget_get_width (popover), gtk_widget_get_height (popover));
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (dir == NULL)
    dir = "screenshots";
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  basename = g_strdup_printf ("%s-%s.png", name, lang != NULL ? lang : "en");
  path = g_build_filename (dir, basename, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
}

static DgFollowupStatus
followup_status (gint64 id)
{
  g_autoptr(DgFollowup) followup = get_followup (id);

  return dg_followup_get_status (followup);
}

/* Whether the stored snooze of @id is @expected (NULL: none). */
static gboolean
followup_snoozed_until_is (gint64     id,
                           GDateTime *expected)
{
  g_autoptr(DgFollowup) followup = get_followup (id);
  GDateTime *until = dg_followup_get_snoozed_until (followup);

  if (until == NULL || expected == NULL)
    return until == expected;

  return g_date_time_equal (until, expected);
}

static void
test_opens_on_today (DgUiFixture   *fixture,
                     gconstpointer  data)
{
  get_window ();

  g_assert_cmpstr (visible_page (), ==, "today");
  dg_ui_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (get_view ())));
}

static void
test_no_customers (DgUiFixture   *fixture,
                   gconstpointer  data)
{
  g_autofree char *date = NULL;
  g_autoptr(GDateTime) now = dg_clock_get_now_local (DG_CLOCK (fake_clock));

  get_window ();

  g_assert_cmpstr (view_state (), ==, "no-customers");
  /* A state is built the first time it is shown, not with the page. */
  g_assert_null (gtk_stack_get_child_by_name (GTK_STACK (view_child ("stack")), "caught-up"));
  date = dg_date_names_format (now, _("%A, %B %-d, %Y"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (view_child ("date_label"))), ==, date);

  take_screenshot ("today-no-customers");

  /* The way out of the empty state goes where customers are added. */
  gtk_widget_activate (view_child ("go_to_customers_button"));
  dg_ui_test_wait_for (g_strcmp0 (visible_page (), "customers") == 0);
  show_page ("today");
}

static gint64 minsu, jiwoo, seoyeon, hana, jihun;
static gint64 invoice, quote_call, partnership, certificates, invitation;

static void
test_caught_up (DgUiFixture   *fixture,
                gconstpointer  data)
{
  minsu = insert_customer ("김민수");

  /* The view follows the database: a customer and nothing due. */
  dg_ui_test_wait_for (g_strcmp0 (view_state (), "caught-up") == 0);
  g_assert_true (gtk_widget_get_visible (view_child ("caught_up_add_button")));

  take_screenshot ("today-empty");
}

/* Tuesday 2026-11-24, 10:00 in Seoul. */
static void
seed (void)
{
  g_autoptr(DgFollowup) repeating = dg_followup_new ();
  g_autoptr(DgFollowup) keep_in_touch = dg_followup_new ();
  g_autoptr(GDateTime) coaching_due = local_time (2026, 11, 24, 16, 30);
  g_autoptr(GDateTime) snooze_until = local_time (2026, 11, 24, 13, 0);
  g_autoptr(GError) error = NULL;

  minsu = insert_customer ("김민수");
  jiwoo = insert_customer ("Jiwoo Park");
  seoyeon = insert_customer ("Seo-yeon Lee");
  /* Going cold: one last called 75 days ago, one never called in the 54
   * days since being added. */
  hana = insert_customer_added ("Hana Choi", 8, 1);
  log_contact (hana, 9, 10);
  jihun = insert_customer_added ("박지훈", 10, 1);
  log_contact (minsu, 11, 20);

  /* Overdue: last Friday, yesterday (all day), and earlier today. */
  invoice = insert_followup ("Send the workshop invoice", jiwoo, 20, 14, 0);
  insert_all_day ("Renew the venue booking", 0, "2026-11-23");
  quote_call = insert_followup ("Call back about the quote", minsu, 24, 9, 0);

  /* Due today: all day first, then by time. */
  insert_all_day ("Post the course schedule", 0, "2026-11-24");
  dg_followup_set_title (repeating, "Coaching follow-up call");
  dg_followup_set_customer_id (repeating, seoyeon);
  dg_followup_set_due_at (repeating, coaching_due);
  dg_followup_set_recurrence (repeating, DG_RECURRENCE_WEEKS);
  dg_followup_set_recurrence_interval (repeating, 2);
  save_followup (repeating);

  /* The next seven days: Wednesday 25 to Tuesday 1 December. */
  insert_followup ("Send the survey", minsu, 25, 10, 0);
  dg_followup_set_title (keep_in_touch, "Check in");
  dg_followup_set_customer_id (keep_in_touch, jiwoo);
  dg_followup_set_due_date (keep_in_touch, "2026-11-27");
  dg_followup_set_recurrence (keep_in_touch, DG_RECURRENCE_DAYS);
  dg_followup_set_recurrence_interval (keep_in_touch, 30);
  dg_followup_set_keep_in_touch (keep_in_touch, TRUE);
  save_followup (keep_in_touch);
  invitation = insert_followup ("Invite to the spring course", seoyeon, 28, 11, 0);
  insert_all_day ("Order the course books", 0, "2026-12-01");
  /* The eighth day is not in it. */
  insert_followup_on ("Confirm the caterer", 0, 12, 2, 9, 0);

  /* Due yesterday, snoozed until 13:00 today: due today at 13:00, not
   * overdue. Done: in no list. */
  partnership = insert_followup ("Reply to the partnership email", jiwoo, 23, 15, 0);
  dg_followups_snooze (get_database (), DG_CLOCK (fake_clock), partnership, snooze_until, &error);
  g_assert_no_error (error);
  certificates = insert_followup ("Print the certificates", 0, 24, 8, 0);
  dg_followups_complete (get_database (), DG_CLOCK (fake_clock), certificates, NULL, &error);
  g_assert_no_error (error);
}

static void
seed_and_wait (void)
{
  seed ();
  dg_ui_test_wait_for (g_strcmp0 (view_state (), "sections") == 0);
}

/* Past midnight: Wednesday 2026-11-25, 00:30. */
static void
go_to_next_day (void)
{
  g_autoptr(GDateTime) after_midnight = local_time (2026, 11, 25, 0, 30);

  dg_fake_clock_set_now (fake_clock, after_midnight);
  assert_shows (list_titles ("today_list"), "Send the survey");
}

/* @n customers never contacted, added on 1 September and the days after,
 * all going cold. */
static void
insert_cold_customers (int n)
{
  for (int i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Customer %02d", i);

      insert_customer_added (name, 9, 1 + i % 30);
    }
}

static void
test_sections (DgUiFixture   *fixture,
               gconstpointer  data)
{
  g_autofree char *friday = expected_day_heading (11, 27);
  g_autofree char *saturday = expected_day_heading (11, 28);
  g_autofree char *tuesday = expected_day_heading (12, 1);
  g_autofree char *upcoming = NULL;
  g_autofree char *cold = NULL;
  g_autofree char *hana_text = NULL;
  g_autofree char *jihun_text = NULL;
  g_autofree char *every_two_weeks = NULL;
  g_autofree char *keep_in_touch = NULL;
  g_autofree char *snoozed = NULL;

  seed ();

  hana_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Last contact %d day ago",
                                            "Last contact %d days ago", 75), 75);
  jihun_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Never contacted, added %d day ago",
                                             "Never contacted, added %d days ago", 54), 54);
  every_two_weeks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u week", "Every %u weeks", 2), 2);
  snoozed = g_strdup_printf (_("Snoozed until %s"), "13:00");
  keep_in_touch = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Keep in touch every %u day",
                                                "Keep in touch every %u days", 30), 30);

  upcoming = g_strdup_printf ("%s: Send the survey; %s: Check in; %s: Invite to the spring course; %s: Order the course books",
                              _("Tomorrow"), friday, saturday, tuesday);
  cold = g_strdup_printf ("Hana Choi (%s)|박지훈 (%s)", hana_text, jihun_text);

  dg_ui_test_wait_for (g_strcmp0 (view_state (), "sections") == 0);
  assert_shows (list_titles ("overdue_list"),
                "Send the workshop invoice|Renew the venue booking|Call back about the quote");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (view_child ("overdue_count"))), ==, "3");
  assert_shows (list_titles ("today_list"), "Post the course schedule|Reply to the partnership email|Coaching follow-up call");
  assert_shows (upcoming_titles (), upcoming);
  assert_shows (cold_rows (), cold);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (view_child ("cold_count"))), ==, "2");
  g_assert_false (gtk_widget_get_visible (view_child ("caught_up_section")));
  g_assert_false (gtk_widget_get_visible (view_child ("overdue_more_button")));
  g_assert_false (gtk_widget_get_visible (view_child ("cold_more_button")));

  /* What a row says: the day of an overdue one, the time or "All day",
   * the customer, the repeat. */
  {
    DgFollowupRow *row = find_row ("overdue_list", "Renew the venue booking");

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (row_child (row, "day_label"))), ==, _("Yesterday"));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (row_child (row, "time_label"))), ==, _("All day"));
    g_assert_false (gtk_widget_get_visible (row_child (row, "customer_button")));
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "overdue"));

    row = find_row ("today_list", "Coaching follow-up call");
    g_assert_false (gtk_widget_get_visible (row_child (row, "day_label")));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (row_child (row, "time_label"))), ==, "16:30");
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (row_child (row, "customer_label"))), ==, "Seo-yeon Lee");
    g_assert_true (gtk_widget_get_visible (row_child (row, "repeat_box")));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (row_child (row, "repeat_label"))), ==, every_two_weeks);
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "overdue"));

    row = find_row (NULL, "Check in");
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (row_child (row, "repeat_label"))), ==, keep_in_touch);
    g_assert_false (gtk_widget_get_visible (row_child (row, "snooze_box")));

    /* A snoozed one shows under its new time, marked, and not in red. */
    row = find_row ("today_list", "Reply to the partnership email");
    g_assert_false (gtk_widget_get_visible (row_child (row, "day_label")));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (row_child (row, "time_label"))), ==, "13:00");
    g_assert_true (gtk_widget_get_visible (row_child (row, "snooze_box")));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (row_child (row, "snooze_label"))), ==, snoozed);
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "overdue"));
  }

  take_screenshot ("today");
}

static void
test_done_and_undo (DgUiFixture   *fixture,
                    gconstpointer  data)
{
  DgFollowupRow *row;

  seed_and_wait ();
  row = find_row ("overdue_list", "Call back about the quote");

  /* Done, as a click on the row's button. */
  gtk_widget_activate (row_child (row, "done_button"));
  dg_ui_test_wait_for (followup_status (quote_call) == DG_FOLLOWUP_STATUS_DONE);
  assert_shows (list_titles ("overdue_list"), "Send the workshop invoice|Renew the venue booking");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (view_child ("overdue_count"))), ==, "2");

  /* Undo opens it again, in its place. */
  press_undo ();
  dg_ui_test_wait_for (followup_status (quote_call) == DG_FOLLOWUP_STATUS_OPEN);
  assert_shows (list_titles ("overdue_list"),
                "Send the workshop invoice|Renew the venue booking|Call back about the quote");
}

static void
test_done_repeating (DgUiFixture   *fixture,
                     gconstpointer  data)
{
  DgFollowupRow *row;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GError) error = NULL;

  seed_and_wait ();
  row = find_row ("today_list", "Coaching follow-up call");

  /* A repeating one comes back in two weeks, beyond the seven days; Undo
   * takes that back too. */
  gtk_widget_activate (row_child (row, "done_button"));
  assert_shows (list_titles ("today_list"), "Post the course schedule|Reply to the partnership email");
  series = dg_followups_list_for_customer (get_database (), seoyeon, DG_FOLLOWUP_FILTER_OPEN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->len, ==, 2);

  press_undo ();
  assert_shows (list_titles ("today_list"), "Post the course schedule|Reply to the partnership email|Coaching follow-up call");
  g_clear_pointer (&series, g_ptr_array_unref);
  series = dg_followups_list_for_customer (get_database (), seoyeon, DG_FOLLOWUP_FILTER_OPEN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->len, ==, 2);
}

static void
test_snooze (DgUiFixture   *fixture,
             gconstpointer  data)
{
  DgFollowupRow *row;
  GtkMenuButton *button;
  g_autoptr(DgFollowup) stored = NULL;
  g_autoptr(GDateTime) in_an_hour = local_time (2026, 11, 24, 11, 0);
  g_autoptr(GDateTime) snooze_until = local_time (2026, 11, 24, 13, 0);
  GtkPopover *popover;

  seed_and_wait ();
  row = find_row ("overdue_list", "Send the workshop invoice");
  button = GTK_MENU_BUTTON (row_child (row, "snooze_button"));

  gtk_menu_button_popup (button);
  popover = gtk_menu_button_get_popover (button);
  dg_ui_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  take_screenshot_with_popover (GTK_WIDGET (popover), "today-snooze-menu");
  gtk_menu_button_popdown (button);

  /* A choice is taken only when it is later than the follow-up is due:
   * an hour from now is earlier than Saturday's invitation. */
  {
    DgFollowupRow *upcoming = find_row (NULL, "Invite to the spring course");
    g_autoptr(DgFollowup) unchanged = NULL;

    gtk_widget_activate_action (GTK_WIDGET (upcoming), "followup.snooze-hour", NULL);
    dg_ui_test_flush ();
    unchanged = get_followup (invitation);
    g_assert_null (dg_followup_get_snoozed_until (unchanged));
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "followup.snooze-hour", NULL));

  stored = get_followup (invoice);
  g_assert_nonnull (dg_followup_get_snoozed_until (stored));
  g_assert_true (g_date_time_equal (dg_followup_get_snoozed_until (stored), in_an_hour));
  /* It moves from overdue to today, under its new time. */
  assert_shows (list_titles ("overdue_list"), "Renew the venue booking|Call back about the quote");
  assert_shows (list_titles ("today_list"),
                "Post the course schedule|Send the workshop invoice|Reply to the partnership email|"
                "Coaching follow-up call");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (view_child ("overdue_count"))), ==, "2");
  row = find_row ("today_list", "Send the workshop invoice");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (row_child (row, "time_label"))), ==, "11:00");
  g_assert_true (gtk_widget_get_visible (row_child (row, "snooze_box")));
  take_screenshot ("today-snoozed");

  /* Undo puts back the snooze it had: none. */
  press_undo ();
  dg_ui_test_wait_for (followup_snoozed_until_is (invoice, NULL));
  assert_shows (list_titles ("overdue_list"),
                "Send the workshop invoice|Renew the venue booking|Call back about the quote");

  /* Snoozing a snoozed one again: Undo puts back the first snooze exactly. */
  row = find_row ("today_list", "Reply to the partnership email");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "followup.snooze-tomorrow", NULL));
  assert_shows (list_titles ("today_list"), "Post the course schedule|Coaching follow-up call");
  /* Snoozed to tomorrow morning: under Tomorrow, before the survey at 10:00. */
  {
    g_autofree char *friday = expected_day_heading (11, 27);
    g_autofree char *saturday = expected_day_heading (11, 28);
    g_autofree char *tuesday = expected_day_heading (12, 1);
    g_autofree char *upcoming = g_strdup_printf ("%s: Reply to the partnership email|Send the survey; "
                                                 "%s: Check in; %s: Invite to the spring course; "
                                                 "%s: Order the course books",
                                                 _("Tomorrow"), friday, saturday, tuesday);
    g_autofree char *marked = NULL;

    assert_shows (upcoming_titles (), upcoming);
    row = find_row (NULL, "Reply to the partnership email");
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (row_child (row, "time_label"))), ==, "09:00");
    marked = g_strdup_printf (_("Snoozed until %s %s"), _("Tomorrow"), "09:00");
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (row_child (row, "snooze_label"))), ==, marked);
    take_screenshot ("today-snoozed-tomorrow");
  }
  press_undo ();
  dg_ui_test_wait_for (followup_snoozed_until_is (partnership, snooze_until));
  assert_shows (list_titles ("today_list"),
                "Post the course schedule|Reply to the partnership email|Coaching follow-up call");
}

static void
test_next_day (DgUiFixture   *fixture,
               gconstpointer  data)
{
  g_autofree char *friday = expected_day_heading (11, 27);
  g_autofree char *saturday = expected_day_heading (11, 28);
  g_autofree char *tuesday = expected_day_heading (12, 1);
  g_autofree char *wednesday = expected_day_heading (12, 2);
  g_autofree char *upcoming = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GDateTime) after_midnight = local_time (2026, 11, 25, 0, 30);

  seed_and_wait ();

  /* Past midnight: yesterday's follow-ups are overdue, the snoozes of
   * yesterday are over, and the seven days reach Wednesday 2 December. */
  dg_fake_clock_set_now (fake_clock, after_midnight);

  assert_shows (list_titles ("overdue_list"),
                "Send the workshop invoice|Renew the venue booking|Reply to the partnership email|"
                "Post the course schedule|Call back about the quote|Coaching follow-up call");
  assert_shows (list_titles ("today_list"), "Send the survey");
  upcoming = g_strdup_printf ("%s: Check in; %s: Invite to the spring course; %s: Order the course books; %s: Confirm the caterer",
                              friday, saturday, tuesday, wednesday);
  assert_shows (upcoming_titles (), upcoming);

  date = dg_date_names_format (after_midnight, _("%A, %B %-d, %Y"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (view_child ("date_label"))), ==, date);
}

static void
test_going_cold_add_followup (DgUiFixture   *fixture,
                              gconstpointer  data)
{
  g_autofree char *expected = NULL;
  DgFollowupEditor *editor;
  GtkWidget *row;
  GtkWidget *add;

  seed_and_wait ();
  go_to_next_day ();
  row = gtk_widget_get_first_child (view_child ("cold_list"));
  add = dg_ui_test_find_button (row, _("Add Follow-up"));
  g_assert_nonnull (add);
  gtk_widget_activate (add);
  editor = wait_for_editor ();

  /* Prefilled for the customer, to keep in touch as often as the
   * threshold. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dg_ui_test_find_by_id (GTK_WIDGET (editor), "customer_picker"))),
                   ==, "Hana Choi");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (dg_ui_test_find_by_id (GTK_WIDGET (editor), "keep_in_touch_switch"))));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (dg_ui_test_find_by_id (GTK_WIDGET (editor), "interval_spin"))),
                   ==, 30);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dg_ui_test_find_by_id (GTK_WIDGET (editor), "date_row"))),
                   ==, "2026-11-25");

  g_assert_true (dg_followup_editor_save (editor));
  expected = g_strdup_printf ("%s|Send the survey", _("Get in touch"));
  assert_shows (list_titles ("today_list"), expected);
}

static void
test_add_followup (DgUiFixture   *fixture,
                   gconstpointer  data)
{
  DgFollowupEditor *editor;

  seed_and_wait ();
  go_to_next_day ();

  /* Ctrl+N on Today adds a follow-up, not a customer. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_view ()), "today.add-followup", NULL));
  editor = wait_for_editor ();
  gtk_editable_set_text (GTK_EDITABLE (dg_ui_test_find_by_id (GTK_WIDGET (editor), "title_row")), "Book the room");
  g_assert_true (dg_followup_editor_save (editor));
  assert_shows (list_titles ("today_list"), "Book the room|Send the survey");
}

/* Keys and clicks sent for real, through the X server: Ctrl+N on Today
 * adds a follow-up, not a customer (the Customers view has its own Ctrl+N
 * while it is shown), and a click on Done completes the row. */
static void
test_real_input (DgUiFixture   *fixture,
                 gconstpointer  data)
{
  DgFollowupEditor *editor;
  DgFollowupRow *row;
  gint64 room;

  if (!dg_ui_test_can_send_input ())
    {
      g_test_skip ("Needs an X11 display and xdotool");
      return;
    }

  seed_and_wait ();
  go_to_next_day ();
  room = insert_all_day ("Book the room", 0, "2026-11-25");
  assert_shows (list_titles ("today_list"), "Book the room|Send the survey");
  dg_ui_test_wait_painted (GTK_WIDGET (get_window ()), 1);
  dg_ui_test_send_keys (GTK_WIDGET (get_window ()), "ctrl+n");
  editor = wait_for_editor ();
  g_assert_null (dg_ui_test_find_window (DG_TYPE_CUSTOMER_EDITOR));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, _("New Follow-up"));
  close_editor (editor);

  row = find_row ("today_list", "Book the room");
  g_assert_cmpint (dg_followup_get_id (dg_followup_row_get_followup (row)), ==, room);
  dg_ui_test_click (row_child (row, "done_button"));
  dg_ui_test_wait_for (followup_status (room) == DG_FOLLOWUP_STATUS_DONE);
  assert_shows (list_titles ("today_list"), "Send the survey");
}

static void
test_customer_link (DgUiFixture   *fixture,
                    gconstpointer  data)
{
  DgFollowupRow *row;

  seed_and_wait ();
  go_to_next_day ();
  row = find_row ("today_list", "Send the survey");
  gtk_widget_activate (row_child (row, "customer_button"));
  dg_ui_test_wait_for (g_strcmp0 (visible_page (), "customers") == 0);
  dg_ui_test_wait_for (customer_page_shown ());
  g_assert_cmpint (shown_customer_id (), ==, minsu);

  show_page ("today");
  row = find_row ("overdue_list", "Renew the venue booking");
  gtk_widget_activate (row_child (row, "open_button"));
  close_editor (wait_for_editor ());
}

static void
test_log_contact (DgUiFixture   *fixture,
                  gconstpointer  data)
{
  g_autofree char *jihun_text = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *row;
  GtkWidget *log;

  seed_and_wait ();
  go_to_next_day ();
  row = gtk_widget_get_first_child (view_child ("cold_list"));
  log = dg_ui_test_find_button (row, _("Log Contact"));
  g_assert_nonnull (log);
  gtk_widget_activate (log);
  dg_ui_test_wait_for (g_strcmp0 (visible_page (), "customers") == 0);
  dg_ui_test_wait_for (customer_page_shown ());
  g_assert_cmpint (shown_customer_id (), ==, hana);

  /* A contact logged there warms her up; a day has passed since the
   * clock went past midnight. */
  show_page ("today");
  log_contact (hana, 11, 24);
  jihun_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Never contacted, added %d day ago",
                                             "Never contacted, added %d days ago", 55), 55);
  expected = g_strdup_printf ("박지훈 (%s)", jihun_text);
  assert_shows (cold_rows (), expected);
}

static guint
count_rows (const char *list_id)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (view_child (list_id));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;

  return n;
}

static void
test_show_all (DgUiFixture   *fixture,
               gconstpointer  data)
{
  GtkWidget *more = view_child ("cold_more_button");
  g_autofree char *label = NULL;

  /* Twelve going cold: the ten coldest, and a way to see all. */
  insert_cold_customers (12);

  dg_ui_test_wait_for (g_strcmp0 (gtk_label_get_text (GTK_LABEL (view_child ("cold_count"))), "12") == 0);
  dg_ui_test_wait_for (count_rows ("cold_list") == 10);
  g_assert_true (gtk_widget_get_visible (more));
  label = g_strdup_printf (_("Show All (%d)"), 12);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (more)), ==, label);

  gtk_widget_activate (more);
  dg_ui_test_wait_for (count_rows ("cold_list") == 12);
  g_assert_false (gtk_widget_get_visible (more));
}

typedef struct
{
  GtkWidget *view;
  guint      frames;
  int        rows_at_map;
  int        rows_at_first_paint;
  gboolean   section_shown_at_map;
  char      *count_at_map;
  char      *shown_at_first_paint;
} FirstFrame;

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n++;

  return n;
}

static void
on_first_map_cb (GtkWidget  *view,
                 FirstFrame *first)
{
  first->rows_at_map = count_children (dg_ui_test_find_by_id (view, "cold_list"));
  first->section_shown_at_map = gtk_widget_get_visible (dg_ui_test_find_by_id (view, "cold_section"));
  first->count_at_map = g_strdup (gtk_label_get_text (GTK_LABEL (dg_ui_test_find_by_id (view, "cold_count"))));
}

/* Connected before the view's own handler: sees what the frame painted. */
static void
on_after_paint_count_cb (GdkFrameClock *clock,
                         FirstFrame    *first)
{
  if (first->frames++ == 0)
    first->rows_at_first_paint = count_children (dg_ui_test_find_by_id (first->view, "cold_list"));
}

/* The first time the page is shown, its first frame comes without the
 * section of customers going cold, below the first screen, though their
 * count is known; the frame after it brings them, and from then on they
 * are listed with the rest. */
static void
test_cold_after_first_frame (DgUiFixture   *fixture,
                             gconstpointer  data)
{
  FirstFrame first = { .rows_at_first_paint = -1, };
  GtkWindow *window;
  GtkWidget *view;
  GtkWidget *list;
  GdkFrameClock *clock;
  gulong paint_handler;

  insert_cold_customers (3);

  view = g_object_new (DG_TYPE_TODAY_VIEW, "context", fixture->context, NULL);
  first.view = view;
  g_signal_connect_after (view, "map", G_CALLBACK (on_first_map_cb), &first);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 800, 600);
  gtk_window_set_child (window, view);
  gtk_widget_realize (GTK_WIDGET (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_count_cb), &first);
  gtk_window_present (window);

  list = dg_ui_test_find_by_id (view, "cold_list");
  dg_ui_test_wait_for (count_children (list) == 3);
  g_assert_cmpint (first.rows_at_map, ==, 0);
  g_assert_false (first.section_shown_at_map);
  g_assert_cmpstr (first.count_at_map, ==, "3");
  g_assert_cmpuint (first.frames, >=, 1);
  g_assert_cmpint (first.rows_at_first_paint, ==, 0);
  g_assert_true (gtk_widget_get_visible (dg_ui_test_find_by_id (view, "cold_section")));

  /* Once painted, a change lists them as soon as the count is new. */
  insert_cold_customers (4);
  dg_ui_test_wait_for (g_strcmp0 (gtk_label_get_text (GTK_LABEL (dg_ui_test_find_by_id (view, "cold_count"))), "7") == 0);
  g_assert_cmpuint (count_children (list), ==, 7);

  g_signal_handler_disconnect (clock, paint_handler);
  g_free (first.count_at_map);
  gtk_window_destroy (window);
}

static void
append_titles (GtkWidget *list,
               GString   *titles)
{
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (DG_IS_FOLLOWUP_ROW (row))
        g_string_append_printf (titles, "%s|",
                                dg_followup_get_title (dg_followup_row_get_followup (DG_FOLLOWUP_ROW (row))));
    }
}

/* The titles of @view's follow-up rows, in the order shown. */
static char *
shown_followups (GtkWidget *view)
{
  GString *titles = g_string_new (NULL);
  GtkWidget *upcoming = dg_ui_test_find_by_id (view, "upcoming_box");

  append_titles (dg_ui_test_find_by_id (view, "overdue_list"), titles);
  append_titles (dg_ui_test_find_by_id (view, "today_list"), titles);
  for (GtkWidget *c = gtk_widget_get_first_child (upcoming); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_LIST_BOX (c))
        append_titles (c, titles);
    }

  return g_string_free (titles, FALSE);
}

static void
on_after_paint_rows_cb (GdkFrameClock *clock,
                        FirstFrame    *first)
{
  if (first->frames++ == 0)
    first->shown_at_first_paint = shown_followups (first->view);
}

/* A busy day: the first time the page is shown, its first frame holds
 * only the rows a first screen shows (a dozen, overdue first); the frame
 * after brings the others, each section up to its limit, in order, the
 * rows of the first frame kept. */
static void
test_rows_after_first_frame (DgUiFixture   *fixture,
                             gconstpointer  data)
{
  FirstFrame first = { .rows_at_first_paint = -1, };
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *shown = NULL;
  GtkWindow *window;
  GtkWidget *view;
  GdkFrameClock *clock;
  GtkWidget *first_row;
  GtkWidget *more;
  g_autofree char *label = NULL;
  gulong paint_handler;

  /* Due at 08:00 on the 20th, 13:00 today and 09:00 on the 26th, one a
   * minute, in the order the page lists them; more overdue than the
   * section shows. */
  for (int i = 0; i < 60; i++)
    {
      g_autofree char *title = g_strdup_printf ("Overdue %02d", i);

      insert_followup (title, 0, 20, 8, i);
      if (i < 50)
        g_string_append_printf (expected, "%s|", title);
    }
  for (int i = 0; i < 30; i++)
    {
      g_autofree char *title = g_strdup_printf ("Today %02d", i);

      insert_followup (title, 0, 24, 13, i);
      g_string_append_printf (expected, "%s|", title);
    }
  for (int i = 0; i < 30; i++)
    {
      g_autofree char *title = g_strdup_printf ("Upcoming %02d", i);

      insert_followup (title, 0, 26, 9, i);
      g_string_append_printf (expected, "%s|", title);
    }

  view = g_object_new (DG_TYPE_TODAY_VIEW, "context", fixture->context, NULL);
  first.view = view;
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 800, 600);
  gtk_window_set_child (window, view);
  gtk_widget_realize (GTK_WIDGET (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_rows_cb), &first);
  gtk_window_present (window);

  first_row = gtk_widget_get_first_child (dg_ui_test_find_by_id (view, "overdue_list"));
  dg_ui_test_wait_for (first.frames >= 1);
  g_assert_true (g_str_has_prefix (expected->str, first.shown_at_first_paint));
  g_assert_cmpuint (strlen (first.shown_at_first_paint), ==, strlen ("Overdue 00|") * 12);
  dg_ui_test_wait_for (g_strcmp0 ((shown = (g_free (shown), shown_followups (view))), expected->str) == 0);
  /* The rows of the first frame are still the ones shown. */
  g_assert_true (gtk_widget_get_first_child (dg_ui_test_find_by_id (view, "overdue_list")) == first_row);
  more = dg_ui_test_find_by_id (view, "overdue_more_button");
  label = g_strdup_printf (_("Show All (%d)"), 60);
  g_assert_true (gtk_widget_get_visible (more));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (more)), ==, label);
  gtk_widget_activate (more);
  dg_ui_test_wait_for (count_children (dg_ui_test_find_by_id (view, "overdue_list")) == 60);
  g_assert_false (gtk_widget_get_visible (more));

  g_signal_handler_disconnect (clock, paint_handler);
  g_free (first.shown_at_first_paint);
  gtk_window_destroy (window);
}

/* The first frame ends within a day of "Next 7 Days": the rows after it
 * go on in that day's list, under one heading per day. */
static void
test_upcoming_split_at_first_frame (DgUiFixture   *fixture,
                                    gconstpointer  data)
{
  GtkWindow *window;
  GtkWidget *view;
  GtkWidget *box;
  GtkWidget *c;

  for (int i = 0; i < 15; i++)
    {
      g_autofree char *on_26th = g_strdup_printf ("26th %02d", i);
      g_autofree char *on_27th = g_strdup_printf ("27th %02d", i);

      insert_followup (on_26th, 0, 26, 9, i);
      insert_followup (on_27th, 0, 27, 9, i);
    }

  view = g_object_new (DG_TYPE_TODAY_VIEW, "context", fixture->context, NULL);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 800, 600);
  gtk_window_set_child (window, view);
  gtk_window_present (window);

  box = dg_ui_test_find_by_id (view, "upcoming_box");
  dg_ui_test_wait_for (count_children (box) == 4 && count_children (gtk_widget_get_last_child (box)) == 15);
  c = gtk_widget_get_first_child (box);
  g_assert_true (GTK_IS_LABEL (c));
  c = gtk_widget_get_next_sibling (c);
  g_assert_true (GTK_IS_LIST_BOX (c));
  g_assert_cmpuint (count_children (c), ==, 15);
  c = gtk_widget_get_next_sibling (c);
  g_assert_true (GTK_IS_LABEL (c));

  gtk_window_destroy (window);
}

/* Taken out of its window before its first frame, with the window gone,
 * the page lists the customers going cold once shown in another. */
static void
test_cold_when_moved_before_first_frame (DgUiFixture   *fixture,
                                         gconstpointer  data)
{
  g_autoptr(GtkWidget) view = NULL;
  GtkWindow *window;

  insert_cold_customers (3);

  view = g_object_ref_sink (g_object_new (DG_TYPE_TODAY_VIEW, "context", fixture->context, NULL));
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (window, view);
  gtk_window_present (window);
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_false (gtk_widget_get_visible (dg_ui_test_find_by_id (view, "cold_section")));
  gtk_window_set_child (window, NULL);
  gtk_window_destroy (window);
  dg_ui_test_flush ();

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 800, 600);
  gtk_window_set_child (window, view);
  gtk_window_present (window);
  dg_ui_test_wait_for (count_children (dg_ui_test_find_by_id (view, "cold_list")) == 3);
  g_assert_true (gtk_widget_get_visible (dg_ui_test_find_by_id (view, "cold_section")));
  gtk_window_destroy (window);
}

/* A thousand going cold and more: the count stops there, so that it costs
 * little before the first frame at any size, and says so. */
static void
test_cold_count_capped (DgUiFixture   *fixture,
                        gconstpointer  data)
{
  g_autofree char *capped = g_strdup_printf (_("%d+"), 999);
  GtkWidget *more = view_child ("cold_more_button");

  insert_cold_customers (1001);

  dg_ui_test_wait_for (g_strcmp0 (gtk_label_get_text (GTK_LABEL (view_child ("cold_count"))), capped) == 0);
  dg_ui_test_wait_for (count_rows ("cold_list") == 10);
  g_assert_true (gtk_widget_get_visible (more));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (more)), ==, _("Show All"));
}

/* A thousand overdue and more: the count stops there too. */
static void
test_overdue_count_capped (DgUiFixture   *fixture,
                           gconstpointer  data)
{
  g_autofree char *capped = g_strdup_printf (_("%d+"), 999);
  GtkWidget *more = view_child ("overdue_more_button");

  for (int i = 0; i < 1001; i++)
    insert_followup ("Overdue", 0, 1 + i % 20, 8 + i % 10, i % 60);

  dg_ui_test_wait_for (g_strcmp0 (gtk_label_get_text (GTK_LABEL (view_child ("overdue_count"))), capped) == 0);
  dg_ui_test_wait_for (count_rows ("overdue_list") == 50);
  g_assert_true (gtk_widget_get_visible (more));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (more)), ==, _("Show All"));
}

/* The window's pages come from one table: each in its place with its
 * title and icon, and only the one on show is built. */
static void
test_pages (DgUiFixture   *fixture,
            gconstpointer  data)
{
  static const struct
  {
    const char *name;
    const char *title;
    const char *icon_name;
  } expected[] = {
    { "today", N_("Today"), "alarm-symbolic" },
    { "customers", N_("Customers"), "system-users-symbolic" },
    { "journeys", N_("Journeys"), "mark-location-symbolic" },
    { "calendar", N_("Calendar"), "x-office-calendar-symbolic" },
  };
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (ADW_VIEW_STACK (window_child ("view_stack")));
  GtkWidget *calendar;
  GtkWidget *customers;
  DgCustomerList *list;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, expected[i].name);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, _(expected[i].title));
      g_assert_cmpstr (adw_view_stack_page_get_icon_name (page), ==, expected[i].icon_name);
    }

  g_assert_nonnull (dg_ui_test_find_by_type (GTK_WIDGET (get_window ()), DG_TYPE_TODAY_VIEW));
  g_assert_null (dg_ui_test_find_by_type (GTK_WIDGET (get_window ()), DG_TYPE_CUSTOMERS_VIEW));
  g_assert_null (dg_ui_test_find_by_type (GTK_WIDGET (get_window ()), DG_TYPE_CALENDAR_VIEW));

  /* Asked for, a page is built with the window's context, once. */
  calendar = dg_window_get_page (get_window (), "calendar");
  g_assert_true (DG_IS_CALENDAR_VIEW (calendar));
  g_assert_true (dg_calendar_view_get_context (DG_CALENDAR_VIEW (calendar)) == fixture->context);
  g_assert_false (gtk_widget_get_mapped (calendar));
  g_assert_true (dg_window_get_page (get_window (), "calendar") == calendar);
  g_assert_null (dg_window_get_page (get_window (), "no-such-page"));

  /* A window switched to another page before it is shown (as one made to
   * open a customer) never builds the page it would have opened on. */
  {
    DgWindow *other = dg_window_new (fixture->app, fixture->context);
    GtkWidget *stack = dg_ui_test_find_by_type (GTK_WIDGET (other), ADW_TYPE_VIEW_STACK);

    g_assert_null (dg_ui_test_find_by_type (GTK_WIDGET (other), DG_TYPE_TODAY_VIEW));
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "calendar");
    g_assert_null (dg_ui_test_find_by_type (GTK_WIDGET (other), DG_TYPE_CALENDAR_VIEW));
    gtk_window_present (GTK_WINDOW (other));
    dg_ui_test_wait_painted (GTK_WIDGET (other), 1);
    g_assert_true (gtk_widget_get_mapped (dg_ui_test_find_by_type (GTK_WIDGET (other), DG_TYPE_CALENDAR_VIEW)));
    g_assert_null (dg_ui_test_find_by_type (GTK_WIDGET (other), DG_TYPE_TODAY_VIEW));
    gtk_window_destroy (GTK_WINDOW (other));
  }

  /* A page is in the window when it gets the context, so it can size
   * what it reads to the window: the customer list reads the rows a
   * window 980 pixels high shows (29), not its most (128). */
  insert_cold_customers (200);
  customers = dg_window_get_page (get_window (), "customers");
  list = dg_customers_view_get_list (DG_CUSTOMERS_VIEW (customers));
  g_assert_false (dg_customer_list_is_complete (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 29);

  show_page ("customers");
  dg_ui_test_wait_for (gtk_widget_get_mapped (customers));
  dg_ui_test_wait_for (dg_customer_list_is_complete (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 200);
}

/* A hidden page reads nothing: what changed while another page was on
 * show is there when the page is shown again, in its first frame. */
static void
test_hidden_page_waits (DgUiFixture   *fixture,
                        gconstpointer  data)
{
  g_autoptr(GDateTime) now = dg_clock_get_now_local (DG_CLOCK (fake_clock));
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  guint before;

  seed_and_wait ();
  dg_ui_test_flush ();
  show_page ("customers");
  dg_ui_test_wait_for (!gtk_widget_get_mapped (GTK_WIDGET (get_view ())));
  before = count_rows ("today_list");

  insert_all_day ("Sent while away", 0, today);
  dg_ui_test_flush ();
  g_assert_cmpuint (count_rows ("today_list"), ==, before);

  show_page ("today");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (get_view ())));
  g_assert_cmpuint (count_rows ("today_list"), ==, before + 1);
}

static void
test_threshold_setting (DgUiFixture   *fixture,
                        gconstpointer  data)
{
  GSettings *settings = dg_context_get_settings (dg_window_get_context (get_window ()));

  if (settings == NULL)
    {
      g_test_skip ("The settings schema is not installed");
      return;
    }

  insert_cold_customers (12);
  dg_ui_test_wait_for (g_strcmp0 (gtk_label_get_text (GTK_LABEL (view_child ("cold_count"))), "12") == 0);

  /* Nobody has been out of touch for more than a year... */
  g_settings_set_int (settings, "going-cold-days", 365);
  assert_shows (cold_rows (), "");

  /* ...and more than 80 days before 24 November 10:00 is 5 September
   * 10:00 or earlier: the customers added at noon on 1 to 4 September. */
  g_settings_set_int (settings, "going-cold-days", 80);
  dg_ui_test_wait_for (g_strcmp0 (gtk_label_get_text (GTK_LABEL (view_child ("cold_count"))), "4") == 0);
  g_assert_cmpstr (view_state (), ==, "sections");
  dg_ui_test_wait_for (gtk_widget_get_visible (view_child ("cold_section")));

  g_settings_reset (settings, "going-cold-days");
  dg_ui_test_wait_for (g_strcmp0 (gtk_label_get_text (GTK_LABEL (view_child ("cold_count"))), "12") == 0);
}

static void
test_show_customer (DgUiFixture   *fixture,
                    gconstpointer  data)
{
  seed ();
  dg_window_show_customer (get_window (), jiwoo);
  g_assert_cmpstr (visible_page (), ==, "customers");
  dg_ui_test_wait_for (customer_page_shown ());
  g_assert_cmpint (shown_customer_id (), ==, jiwoo);

  show_page ("today");
  dg_window_show_customer (get_window (), jihun);
  g_assert_cmpstr (visible_page (), ==, "customers");
  dg_ui_test_wait_for (customer_page_shown ());
  g_assert_cmpint (shown_customer_id (), ==, jihun);

  /* A customer that is gone leaves the window as it was. */
  show_page ("today");
  dg_window_show_customer (get_window (), 999999);
  g_assert_cmpstr (visible_page (), ==, "today");
}

static void
test_show_followup (DgUiFixture   *fixture,
                    gconstpointer  data)
{
  GDate selected;

  seed ();

  /* The calendar, on the follow-up's day. */
  dg_window_show_followup (get_window (), invitation);
  g_assert_cmpstr (visible_page (), ==, "calendar");
  dg_calendar_view_get_selected_date (DG_CALENDAR_VIEW (dg_window_get_page (get_window (), "calendar")), &selected);
  g_assert_cmpint (g_date_get_year (&selected), ==, 2026);
  g_assert_cmpint (g_date_get_month (&selected), ==, 11);
  g_assert_cmpint (g_date_get_day (&selected), ==, 28);

  /* A follow-up that is gone leaves the window as it was. */
  show_page ("today");
  dg_window_show_followup (get_window (), 999999);
  g_assert_cmpstr (visible_page (), ==, "today");
}

static gboolean
followup_exists (gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgFollowup) followup = dg_followups_get (get_database (), id, &error);

  return followup != NULL;
}

/* How many open follow-ups titled @title there are, and the id of one. */
static guint
count_open_titled (const char *title,
                   gint64     *out_id)
{
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  series = dg_followups_list_for_customer (get_database (), seoyeon, DG_FOLLOWUP_FILTER_OPEN, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < series->len; i++)
    {
      DgFollowup *followup = g_ptr_array_index (series, i);

      if (g_strcmp0 (dg_followup_get_title (followup), title) != 0)
        continue;
      if (out_id != NULL)
        *out_id = dg_followup_get_id (followup);
      n++;
    }

  return n;
}

/* The item labelled @label of a popover menu (a GtkModelButton, which is
 * not a GtkButton). */
static GtkWidget *
find_menu_item (GtkWidget  *root,
                const char *label)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (root), "GtkModelButton"))
    {
      g_autofree char *text = NULL;

      g_auto(GStrv) pieces = g_strsplit (label, "_", -1);
      g_autofree char *plain = g_strjoinv ("", pieces);

      /* The item shows its label without the mnemonic's underscore. */
      g_object_get (root, "text", &text, NULL);
      if (g_strcmp0 (text, plain) == 0 || g_strcmp0 (text, label) == 0)
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

/* A follow-up that does not repeat goes at once from its menu, and Undo
 * brings it back in its place. */
static void
test_delete_and_undo (DgUiFixture   *fixture,
                      gconstpointer  data)
{
  DgFollowupRow *row;

  seed_and_wait ();
  row = find_row ("overdue_list", "Call back about the quote");

  /* Only a repeating one can stop repeating: its menu has Delete alone. */
  {
    GtkMenuButton *button = GTK_MENU_BUTTON (row_child (row, "more_button"));
    GtkPopover *popover;
    GtkWidget *stop;

    gtk_menu_button_popup (button);
    popover = gtk_menu_button_get_popover (button);
    dg_ui_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (popover)));
    stop = find_menu_item (GTK_WIDGET (popover), _("Stop _Repeating"));
    g_assert_true (stop == NULL || !gtk_widget_get_visible (stop));
    g_assert_nonnull (find_menu_item (GTK_WIDGET (popover), _("_Delete…")));
    gtk_menu_button_popdown (button);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "followup.delete", NULL));
  dg_ui_test_wait_for (!followup_exists (quote_call));
  g_assert_null (dg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  assert_shows (list_titles ("overdue_list"), "Send the workshop invoice|Renew the venue booking");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (view_child ("overdue_count"))), ==, "2");

  press_undo ();
  dg_ui_test_wait_for (followup_exists (quote_call));
  assert_shows (list_titles ("overdue_list"),
                "Send the workshop invoice|Renew the venue booking|Call back about the quote");
}

/* A repeating one asks: only this one (the series goes on with the next
 * occurrence), or this one and all later ones (the series ends). */
static void
test_delete_repeating (DgUiFixture   *fixture,
                       gconstpointer  data)
{
  DgFollowupRow *row;
  GtkMenuButton *button;
  GtkPopover *popover;
  AdwMessageDialog *dialog;
  gint64 coaching, next = 0;

  seed_and_wait ();
  row = find_row ("today_list", "Coaching follow-up call");
  coaching = dg_followup_get_id (dg_followup_row_get_followup (row));
  button = GTK_MENU_BUTTON (row_child (row, "more_button"));

  gtk_menu_button_popup (button);
  popover = gtk_menu_button_get_popover (button);
  dg_ui_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  g_assert_nonnull (find_menu_item (GTK_WIDGET (popover), _("Stop _Repeating")));
  g_assert_nonnull (find_menu_item (GTK_WIDGET (popover), _("_Delete…")));
  take_screenshot_with_popover (GTK_WIDGET (popover), "today-followup-menu");
  gtk_menu_button_popdown (button);

  /* Cancel: nothing goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "followup.delete", NULL));
  dialog = dg_ui_test_wait_for_message_dialog ();
  {
    g_autofree char *path = dg_ui_test_screenshot (GTK_WIDGET (dialog), "followup-delete-repeating");

    g_test_message ("Saved %s", path);
  }
  dg_ui_test_respond (dialog, "cancel");
  g_assert_true (followup_exists (coaching));

  /* Only this one: the next occurrence, two weeks on, takes its place. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "followup.delete", NULL));
  dg_ui_test_respond (dg_ui_test_wait_for_message_dialog (), "only-this");
  g_assert_false (followup_exists (coaching));
  g_assert_cmpuint (count_open_titled ("Coaching follow-up call", &next), ==, 1);
  g_assert_cmpint (next, !=, coaching);
  {
    g_autoptr(DgFollowup) following = get_followup (next);
    g_autoptr(GDateTime) expected = local_time (2026, 12, 8, 16, 30);

    g_assert_true (g_date_time_equal (dg_followup_get_due_at (following), expected));
  }
  assert_shows (list_titles ("today_list"), "Post the course schedule|Reply to the partnership email");

  press_undo ();
  dg_ui_test_wait_for (followup_exists (coaching));
  g_assert_false (followup_exists (next));
  g_assert_cmpuint (count_open_titled ("Coaching follow-up call", NULL), ==, 1);
  assert_shows (list_titles ("today_list"), "Post the course schedule|Reply to the partnership email|Coaching follow-up call");

  /* This one and all later: the series ends. */
  row = find_row ("today_list", "Coaching follow-up call");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "followup.delete", NULL));
  dg_ui_test_respond (dg_ui_test_wait_for_message_dialog (), "all-later");
  g_assert_cmpuint (count_open_titled ("Coaching follow-up call", NULL), ==, 0);
  assert_shows (list_titles ("today_list"), "Post the course schedule|Reply to the partnership email");

  press_undo ();
  dg_ui_test_wait_for (followup_exists (coaching));
  assert_shows (list_titles ("today_list"), "Post the course schedule|Reply to the partnership email|Coaching follow-up call");
}

static DgRecurrenceUnit
recurrence_of (gint64 id)
{
  g_autoptr(DgFollowup) followup = get_followup (id);

  return dg_followup_get_recurrence (followup);
}

static void
test_stop_repeating (DgUiFixture   *fixture,
                     gconstpointer  data)
{
  DgFollowupRow *row;
  gint64 coaching;

  seed_and_wait ();
  row = find_row ("today_list", "Coaching follow-up call");
  coaching = dg_followup_get_id (dg_followup_row_get_followup (row));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "followup.stop-repeating", NULL));
  {
    g_autoptr(DgFollowup) stopped = get_followup (coaching);

    g_assert_cmpint (dg_followup_get_recurrence (stopped), ==, DG_RECURRENCE_NONE);
    g_assert_cmpint (dg_followup_get_status (stopped), ==, DG_FOLLOWUP_STATUS_OPEN);
  }
  /* The row no longer says it repeats. */
  dg_ui_test_wait_for (!gtk_widget_get_visible (row_child (find_row ("today_list", "Coaching follow-up call"),
                                                           "repeat_box")));
  take_screenshot ("today-stopped-repeating");

  press_undo ();
  dg_ui_test_wait_for (recurrence_of (coaching) == DG_RECURRENCE_WEEKS);
  {
    g_autoptr(DgFollowup) back = get_followup (coaching);

    g_assert_cmpuint (dg_followup_get_recurrence_interval (back), ==, 2);
  }
  dg_ui_test_wait_for (gtk_widget_get_visible (row_child (find_row ("today_list", "Coaching follow-up call"),
                                                          "repeat_box")));
}

/* The editor's Delete closes it and offers Undo in the main window. */
static void
test_editor_delete (DgUiFixture   *fixture,
                    gconstpointer  data)
{
  DgFollowupEditor *editor;
  GtkWidget *delete_button;
  DgFollowupRow *row;
  gint64 coaching;

  seed_and_wait ();
  row = find_row ("overdue_list", "Call back about the quote");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "followup.edit", NULL));
  editor = wait_for_editor ();
  delete_button = dg_ui_test_find_by_id (GTK_WIDGET (editor), "delete_button");
  g_assert_nonnull (delete_button);
  g_assert_true (gtk_widget_is_visible (delete_button));
  {
    GtkWidget *page = dg_ui_test_find_by_id (GTK_WIDGET (editor), "preferences_page");
    GtkWidget *scrolled = dg_ui_test_find_by_type (page, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    g_autofree char *path = NULL;

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    dg_ui_test_wait_painted (GTK_WIDGET (editor), 2);
    path = dg_ui_test_screenshot (GTK_WIDGET (editor), "followup-editor-delete");
    g_test_message ("Saved %s", path);
  }

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);
  gtk_widget_activate (delete_button);
  dg_ui_test_wait_for (editor == NULL);
  g_assert_false (followup_exists (quote_call));

  press_undo ();
  dg_ui_test_wait_for (followup_exists (quote_call));

  /* A repeating one asks over the editor first. */
  row = find_row ("today_list", "Coaching follow-up call");
  coaching = dg_followup_get_id (dg_followup_row_get_followup (row));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "followup.edit", NULL));
  editor = wait_for_editor ();
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL));
  {
    AdwMessageDialog *dialog = dg_ui_test_wait_for_message_dialog ();

    g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (editor));
    dg_ui_test_respond (dialog, "only-this");
  }
  dg_ui_test_wait_for (editor == NULL);
  g_assert_false (followup_exists (coaching));
  g_assert_cmpuint (count_open_titled ("Coaching follow-up call", NULL), ==, 1);

  press_undo ();
  dg_ui_test_wait_for (followup_exists (coaching));
  g_assert_cmpuint (count_open_titled ("Coaching follow-up call", NULL), ==, 1);

  /* A new follow-up has nothing to delete. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_view ()), "today.add-followup", NULL));
  editor = wait_for_editor ();
  g_assert_false (gtk_widget_is_visible (dg_ui_test_find_by_id (GTK_WIDGET (editor), "delete_button")));
  close_editor (editor);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  DG_UI_TEST_ADD ("/ui/today/opens-on-today", test_opens_on_today);
  DG_UI_TEST_ADD ("/ui/today/no-customers", test_no_customers);
  DG_UI_TEST_ADD ("/ui/today/caught-up", test_caught_up);
  DG_UI_TEST_ADD ("/ui/today/sections", test_sections);
  DG_UI_TEST_ADD ("/ui/today/done-and-undo", test_done_and_undo);
  DG_UI_TEST_ADD ("/ui/today/done-repeating", test_done_repeating);
  DG_UI_TEST_ADD ("/ui/today/snooze", test_snooze);
  DG_UI_TEST_ADD ("/ui/today/delete-and-undo", test_delete_and_undo);
  DG_UI_TEST_ADD ("/ui/today/delete-repeating", test_delete_repeating);
  DG_UI_TEST_ADD ("/ui/today/stop-repeating", test_stop_repeating);
  DG_UI_TEST_ADD ("/ui/today/editor-delete", test_editor_delete);
  DG_UI_TEST_ADD ("/ui/today/next-day", test_next_day);
  DG_UI_TEST_ADD ("/ui/today/going-cold-add-followup", test_going_cold_add_followup);
  DG_UI_TEST_ADD ("/ui/today/add-followup", test_add_followup);
  DG_UI_TEST_ADD ("/ui/today/real-input", test_real_input);
  DG_UI_TEST_ADD ("/ui/today/customer-link", test_customer_link);
  DG_UI_TEST_ADD ("/ui/today/log-contact", test_log_contact);
  DG_UI_TEST_ADD ("/ui/today/show-all", test_show_all);
  DG_UI_TEST_ADD ("/ui/today/cold-after-first-frame", test_cold_after_first_frame);
  DG_UI_TEST_ADD ("/ui/today/rows-after-first-frame", test_rows_after_first_frame);
  DG_UI_TEST_ADD ("/ui/today/upcoming-split", test_upcoming_split_at_first_frame);
  DG_UI_TEST_ADD ("/ui/today/cold-when-moved", test_cold_when_moved_before_first_frame);
  DG_UI_TEST_ADD ("/ui/today/cold-count-capped", test_cold_count_capped);
  DG_UI_TEST_ADD ("/ui/today/overdue-count-capped", test_overdue_count_capped);
  DG_UI_TEST_ADD ("/ui/today/hidden-page-waits", test_hidden_page_waits);
  DG_UI_TEST_ADD ("/ui/today/threshold-setting", test_threshold_setting);
  DG_UI_TEST_ADD ("/ui/window/pages", test_pages);
  DG_UI_TEST_ADD ("/ui/window/show-customer", test_show_customer);
  DG_UI_TEST_ADD ("/ui/window/show-followup", test_show_followup);

  return g_test_run ();
}
