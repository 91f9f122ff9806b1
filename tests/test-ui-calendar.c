/* test-ui-calendar.c
 *
 * Drives the real Calendar page on a temporary database, with a fake clock
 * standing at Tuesday 2026-11-24 10:00 in Seoul so that "today" is known
 * and the screenshots are stable: the week's first day, moving between
 * months, a follow-up added from a day through the editor, "+N more",
 * dragging a follow-up to another day and Undo, moving one with the
 * keyboard, overdue and done items, the empty day. Each case has a window
 * of its own on a fresh database with one customer (dg-ui-fixture.h).
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <sqlite3.h>

#include "dg-application.h"
#include "dg-calendar-view.h"
#include "dg-database-private.h"
#include "dg-date-names.h"
#include "dg-day-agenda.h"
#include "dg-followup-chip.h"
#include "dg-followup-editor.h"
#include "dg-month-cell.h"
#include "dg-month-grid.h"
#include "dg-test-util.h"
#include "dg-ui-fixture.h"
#include "dg-ui-test-util.h"
#include "dg-window.h"

/* The fake clock of the case that runs. */
#define fake_clock (dg_ui_fixture_get_current ()->clock)

/* The customer every case has. */
static gint64 customer_id;

static const DgUiFixtureOptions calendar_options = {
  .width = 1100, .height = 760,
  .page = "calendar",
};

static DgWindow *
get_window (void)
{
  return dg_ui_fixture_get_current ()->window;
}

/* The shared fixture on the Calendar page, with a customer. */
static void
setup (DgUiFixture   *fixture,
       gconstpointer  data)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;

  dg_ui_fixture_setup (fixture, &calendar_options);

  dg_customer_set_name (customer, "김민수");
  dg_customers_insert (fixture->database, customer, &error);
  g_assert_no_error (error);
  customer_id = dg_customer_get_id (customer);
  dg_ui_test_wait_for (gtk_widget_get_mapped (dg_window_get_page (fixture->window, "calendar")));
}

static DgDatabase *
get_database (void)
{
  return dg_context_get_database (dg_window_get_context (get_window ()));
}

static DgCalendarView *
get_view (void)
{
  GtkWidget *view = dg_window_get_page (get_window (), "calendar");

  g_assert_nonnull (view);

  return DG_CALENDAR_VIEW (view);
}

static GtkWidget *
view_child (const char *id)
{
  GtkWidget *child = dg_ui_test_find_by_id (GTK_WIDGET (get_view ()), id);

  g_assert_nonnull (child);

  return child;
}

static DgMonthGrid *
get_grid (void)
{
  return DG_MONTH_GRID (view_child ("month_grid"));
}

static DgDayAgenda *
get_agenda (void)
{
  return DG_DAY_AGENDA (view_child ("agenda"));
}

static void
activate_view_action (const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_view ()), name, NULL));
}

static GDate
make_date (int year,
           int month,
           int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return date;
}

static gboolean
date_is (const GDate *date,
         int          year,
         int          month,
         int          day)
{
  return g_date_valid (date) &&
         (int)g_date_get_year (date) == year &&
         (int)g_date_get_month (date) == month &&
         (int)g_date_get_day (date) == day;
}

static gboolean
selected_is (int year,
             int month,
             int day)
{
  GDate selected;

  dg_calendar_view_get_selected_date (get_view (), &selected);

  return date_is (&selected, year, month, day);
}

static gboolean
first_cell_is (int year,
               int month,
               int day)
{
  GDate date;

  dg_month_cell_get_date (dg_month_grid_get_cell (get_grid (), 0), &date);

  return date_is (&date, year, month, day);
}

static void
select_day (int year,
            int month,
            int day)
{
  GDate date = make_date (year, month, day);

  dg_calendar_view_select_date (get_view (), &date);
}

static DgMonthCell *
cell_for (int year,
          int month,
          int day)
{
  GDate date = make_date (year, month, day);
  DgMonthCell *cell = dg_month_grid_get_cell_for_date (get_grid (), &date);

  g_assert_nonnull (cell);

  return cell;
}

static GTimeZone *
get_time_zone (void)
{
  return dg_clock_dup_time_zone (DG_CLOCK (fake_clock));
}

/* Adds a follow-up on @year-@month-@day, at @hour:@minute local time or,
 * with @hour -1, all day. */
static gint64
insert_followup (const char *title,
                 int         year,
                 int         month,
                 int         day,
                 int         hour,
                 int         minute,
                 gint64      customer)
{
  g_autoptr(DgFollowup) followup = dg_followup_new ();
  g_autoptr(GError) error = NULL;

  dg_followup_set_title (followup, title);
  dg_followup_set_customer_id (followup, customer);
  if (hour < 0)
    {
      g_autofree char *date = g_strdup_printf ("%04d-%02d-%02d", year, month, day);

      dg_followup_set_due_date (followup, date);
    }
  else
    {
      g_autoptr(GTimeZone) tz = get_time_zone ();
      g_autoptr(GDateTime) due = dg_test_local_time (tz, year, month, day, hour, minute);

      dg_followup_set_due_at (followup, due);
    }

  dg_followups_insert (get_database (), DG_CLOCK (fake_clock), followup, &error);
  g_assert_no_error (error);

  return dg_followup_get_id (followup);
}

static DgFollowup *
get_followup (gint64 id)
{
  g_autoptr(GError) error = NULL;
  DgFollowup *followup = dg_followups_get (get_database (), id, &error);

  g_assert_no_error (error);

  return followup;
}

static DgFollowupStatus
status_of (gint64 id)
{
  g_autoptr(DgFollowup) followup = get_followup (id);

  return dg_followup_get_status (followup);
}

static gboolean
followup_is_on (gint64 id,
                int    year,
                int    month,
                int    day)
{
  g_autoptr(DgFollowup) followup = get_followup (id);
  g_autoptr(GTimeZone) tz = get_time_zone ();
  GDate due;

  return dg_followup_get_due_day (followup, tz, &due) && date_is (&due, year, month, day);
}

/* The chip of the follow-up with @id in @cell (among the children, shown
 * or not), or NULL. */
static DgFollowupChip *
cell_find_chip (DgMonthCell *cell,
                gint64       id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (cell));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (DG_IS_FOLLOWUP_CHIP (child) &&
          dg_followup_get_id (dg_followup_chip_get_followup (DG_FOLLOWUP_CHIP (child))) == id)
        return DG_FOLLOWUP_CHIP (child);
    }

  return NULL;
}

static gboolean
agenda_has (gint64 id)
{
  DgDayAgenda *agenda = get_agenda ();

  for (guint i = 0; i < dg_day_agenda_get_n_followups (agenda); i++)
    {
      if (dg_followup_get_id (dg_day_agenda_get_followup (agenda, i)) == id)
        return TRUE;
    }

  return FALSE;
}

/* The agenda's row of the follow-up with @id. */
static GtkWidget *
agenda_row (gint64 id)
{
  GtkListBox *list = GTK_LIST_BOX (dg_ui_test_find_by_id (GTK_WIDGET (get_agenda ()), "list_box"));

  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      g_assert_nonnull (row);
      if (dg_followup_get_id (g_object_get_data (G_OBJECT (row), "dg-followup")) == id)
        return GTK_WIDGET (row);
    }
}

static void
take_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autofree char *path = dg_ui_test_screenshot (widget, name);
  g_autoptr(GBytes) png = dg_test_read_file (path);

  g_assert_nonnull (png);
  g_assert_cmpuint (g_bytes_get_size (png), >, 1000);
}

/* Counts the SQL statements the database runs, for checking that a month
 * is read in one query and not one per day. */
static int
count_statement (unsigned  type,
                 void     *user_data,
                 void     *stmt,
                 void     *unused)
{
  guint *count = user_data;

  (*count)++;

  return 0;
}

static void
count_statements_begin (guint *count)
{
  *count = 0;
  sqlite3_trace_v2 (dg_database_get_handle (get_database ()), SQLITE_TRACE_STMT, count_statement, count);
}

static void
count_statements_end (void)
{
  sqlite3_trace_v2 (dg_database_get_handle (get_database ()), 0, NULL, NULL);
}

/* The expected month title, in the language under test. */
static char *
month_title (int year,
             int month)
{
  GDate date = make_date (year, month, 1);

  return dg_date_names_format_month (&date);
}

static const char *
shown_month_title (void)
{
  return gtk_label_get_text (GTK_LABEL (view_child ("month_title")));
}

static void
press (GtkWidget  *widget,
       const char *accel,
       const char *expected_action)
{
  g_autofree char *action = dg_ui_test_press_shortcut (widget, accel);

  g_assert_cmpstr (action, ==, expected_action);
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
press_undo (void)
{
  GtkWidget *undo;

  dg_ui_test_wait_for ((undo = dg_ui_test_find_button (GTK_WIDGET (get_window ()), _("Undo"))) != NULL);
  g_assert_nonnull (gtk_widget_get_ancestor (undo, g_type_from_name ("AdwToastWidget")));
  gtk_widget_activate (undo);
}

static void
test_week_start (DgUiFixture   *fixture,
                 gconstpointer  data)
{
  DgCalendarView *view = get_view ();
  const char *saved_locale;
  g_autofree char *locale = NULL;

  /* glibc's data: the list of days starts on a Sunday (19971130) or a
   * Monday (19971201), and the first weekday counts from there. */
  g_assert_cmpint (dg_date_names_first_weekday_from_langinfo (1, 19971130), ==, G_DATE_SUNDAY);
  g_assert_cmpint (dg_date_names_first_weekday_from_langinfo (2, 19971130), ==, G_DATE_MONDAY);
  g_assert_cmpint (dg_date_names_first_weekday_from_langinfo (7, 19971130), ==, G_DATE_SATURDAY);
  g_assert_cmpint (dg_date_names_first_weekday_from_langinfo (1, 19971201), ==, G_DATE_MONDAY);
  g_assert_cmpint (dg_date_names_first_weekday_from_langinfo (7, 19971201), ==, G_DATE_SUNDAY);
  /* Data it does not understand gives a Sunday, not a crash. */
  g_assert_cmpint (dg_date_names_first_weekday_from_langinfo (0, 0), ==, G_DATE_SUNDAY);

  /* The C locale, which the tests run in, starts weeks on Sunday. */
  saved_locale = setlocale (LC_TIME, NULL);
  locale = g_strdup (saved_locale);
  g_assert_nonnull (setlocale (LC_TIME, "C"));
  g_assert_cmpint (dg_date_names_get_first_weekday (), ==, G_DATE_SUNDAY);
  setlocale (LC_TIME, locale);

  /* November 2026 begins on a Sunday: a Sunday week shows it first, a
   * Monday week starts on October 26. */
  g_assert_cmpint (dg_calendar_view_get_first_weekday (view), ==, dg_date_names_get_first_weekday ());

  dg_calendar_view_set_first_weekday (view, G_DATE_SUNDAY);
  g_assert_true (first_cell_is (2026, 11, 1));
  g_assert_cmpstr (dg_month_grid_get_weekday_label (get_grid (), 0), ==, C_("weekday abbreviation", "Sun"));
  g_assert_cmpstr (dg_month_grid_get_weekday_label (get_grid (), 6), ==, C_("weekday abbreviation", "Sat"));

  dg_calendar_view_set_first_weekday (view, G_DATE_MONDAY);
  g_assert_true (first_cell_is (2026, 10, 26));
  g_assert_cmpstr (dg_month_grid_get_weekday_label (get_grid (), 0), ==, C_("weekday abbreviation", "Mon"));
  g_assert_cmpstr (dg_month_grid_get_weekday_label (get_grid (), 6), ==, C_("weekday abbreviation", "Sun"));

  /* Back to the locale's. */
  dg_calendar_view_set_first_weekday (view, G_DATE_BAD_WEEKDAY);
  g_assert_true (first_cell_is (2026, 11, 1));
}

static void
test_navigate (DgUiFixture   *fixture,
               gconstpointer  data)
{
  g_autofree char *november = month_title (2026, 11);
  g_autofree char *december = month_title (2026, 12);
  g_autofree char *october = month_title (2026, 10);
  GtkWidget *grid = GTK_WIDGET (get_grid ());
  GDate today = make_date (2026, 11, 24);
  guint n_statements;

  /* The calendar opens on today, marked. */
  g_assert_true (selected_is (2026, 11, 24));
  g_assert_cmpstr (shown_month_title (), ==, november);
  if (g_strcmp0 (g_getenv ("DANGOL_TEST_LANG"), "en") == 0)
    g_assert_cmpstr (november, ==, "November 2026");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (dg_month_grid_get_cell_for_date (get_grid (), &today)),
                                           "today"));
  g_assert_true (gtk_widget_get_state_flags (GTK_WIDGET (dg_month_grid_get_cell_for_date (get_grid (), &today))) &
                 GTK_STATE_FLAG_SELECTED);

  /* Another month is two queries, whatever the number of days: the
   * follow-ups due in it, and those snoozed into it. */
  count_statements_begin (&n_statements);
  activate_view_action ("calendar.next-month");
  count_statements_end ();
  g_assert_cmpuint (n_statements, ==, 2);
  g_assert_cmpstr (shown_month_title (), ==, december);
  g_assert_true (selected_is (2026, 12, 24));
  /* December 1 is a Tuesday: the grid starts on Sunday, November 29, dimmed. */
  g_assert_true (first_cell_is (2026, 11, 29));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (dg_month_grid_get_cell (get_grid (), 0)), "out-of-month"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (dg_month_grid_get_cell (get_grid (), 2)), "out-of-month"));

  activate_view_action ("calendar.previous-month");
  activate_view_action ("calendar.previous-month");
  g_assert_cmpstr (shown_month_title (), ==, october);
  g_assert_true (first_cell_is (2026, 9, 27));

  activate_view_action ("calendar.today");
  g_assert_cmpstr (shown_month_title (), ==, november);
  g_assert_true (selected_is (2026, 11, 24));

  /* The keys of the grid: a day, a week, a month; arrows cross into the
   * next month. Moving within the month reads nothing. */
  gtk_widget_grab_focus (grid);
  count_statements_begin (&n_statements);
  press (grid, "Right", "calendar.next-day");
  count_statements_end ();
  g_assert_cmpuint (n_statements, ==, 0);
  g_assert_true (selected_is (2026, 11, 25));
  press (grid, "Down", "calendar.next-week");
  g_assert_true (selected_is (2026, 12, 2));
  g_assert_cmpstr (shown_month_title (), ==, december);
  press (grid, "Up", "calendar.previous-week");
  press (grid, "Left", "calendar.previous-day");
  g_assert_true (selected_is (2026, 11, 24));
  g_assert_cmpstr (shown_month_title (), ==, november);
  press (grid, "Page_Up", "calendar.previous-month");
  g_assert_true (selected_is (2026, 10, 24));
  press (grid, "Page_Down", "calendar.next-month");
  press (grid, "Page_Down", "calendar.next-month");
  g_assert_true (selected_is (2026, 12, 24));
  press (grid, "Home", "calendar.today");
  g_assert_true (selected_is (2026, 11, 24));
  press (GTK_WIDGET (get_view ()), "<Alt>Right", "calendar.next-month");
  press (grid, "t", "calendar.today");
  g_assert_true (selected_is (2026, 11, 24));

  /* At midnight today moves on, and the mark with it. */
  dg_fake_clock_advance (fake_clock, 24 * G_TIME_SPAN_HOUR);
  {
    GDate tomorrow = make_date (2026, 11, 25);

    dg_ui_test_wait_for (gtk_widget_has_css_class (GTK_WIDGET (dg_month_grid_get_cell_for_date (get_grid (), &tomorrow)),
                                                   "today"));
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (dg_month_grid_get_cell_for_date (get_grid (), &today)),
                                              "today"));
  }
  dg_fake_clock_advance (fake_clock, -24 * G_TIME_SPAN_HOUR);
  dg_ui_test_wait_for (gtk_widget_has_css_class (GTK_WIDGET (dg_month_grid_get_cell_for_date (get_grid (), &today)),
                                                 "today"));

  /* A month's last day moves to the next month's last day when shorter. */
  select_day (2026, 1, 31);
  activate_view_action ("calendar.next-month");
  g_assert_true (selected_is (2026, 2, 28));
  activate_view_action ("calendar.today");
}

static void
test_create_from_calendar (DgUiFixture   *fixture,
                           gconstpointer  data)
{
  DgFollowupEditor *editor;
  DgMonthCell *cell;
  DgFollowup *shown;
  GtkWidget *title_row;
  GtkWidget *date_row;

  /* A day with nothing on it says so, and offers to add something. */
  select_day (2026, 11, 26);
  g_assert_cmpuint (dg_day_agenda_get_n_followups (get_agenda ()), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (dg_ui_test_find_by_id (GTK_WIDGET (get_agenda ()), "stack"))),
                   ==, "empty");
  g_assert_true (gtk_widget_get_mapped (dg_ui_test_find_by_id (GTK_WIDGET (get_agenda ()), "empty_add_button")));

  /* N in the grid opens the editor on the selected day. */
  gtk_widget_grab_focus (GTK_WIDGET (get_grid ()));
  press (GTK_WIDGET (get_grid ()), "n", "calendar.new-followup");
  editor = wait_for_editor ();
  date_row = dg_ui_test_find_by_id (GTK_WIDGET (editor), "date_row");
  title_row = dg_ui_test_find_by_id (GTK_WIDGET (editor), "title_row");
  g_assert_nonnull (date_row);
  g_assert_nonnull (title_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "2026-11-26");

  gtk_editable_set_text (GTK_EDITABLE (title_row), "Send the course invitation");
  g_assert_true (dg_followup_editor_save (editor));
  dg_ui_test_wait_for (dg_ui_test_find_window (DG_TYPE_FOLLOWUP_EDITOR) == NULL);

  /* It is in the day's cell and in its agenda. */
  cell = cell_for (2026, 11, 26);
  dg_ui_test_wait_for (dg_month_cell_get_n_followups (cell) == 1);
  g_assert_cmpuint (dg_day_agenda_get_n_followups (get_agenda ()), ==, 1);
  shown = dg_day_agenda_get_followup (get_agenda (), 0);
  g_assert_cmpstr (dg_followup_get_title (shown), ==, "Send the course invitation");
  g_assert_cmpstr (dg_followup_get_due_date (shown), ==, "2026-11-26");
  g_assert_nonnull (cell_find_chip (cell, dg_followup_get_id (shown)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (dg_ui_test_find_by_id (GTK_WIDGET (get_agenda ()), "stack"))),
                   ==, "list");

  /* Enter on the day opens its first item in the editor. */
  press (GTK_WIDGET (get_grid ()), "Return", "calendar.open-day");
  editor = wait_for_editor ();
  title_row = dg_ui_test_find_by_id (GTK_WIDGET (editor), "title_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Send the course invitation");
  gtk_window_destroy (GTK_WINDOW (editor));
  dg_ui_test_wait_for (dg_ui_test_find_window (DG_TYPE_FOLLOWUP_EDITOR) == NULL);
}

static void
test_overdue_and_done (DgUiFixture   *fixture,
                       gconstpointer  data)
{
  gint64 overdue = insert_followup ("Call back about the quote", 2026, 11, 20, 15, 0, customer_id);
  gint64 done = insert_followup ("Thank-you message", 2026, 11, 20, -1, 0, 0);
  gint64 later = insert_followup ("강의실 예약 확인", 2026, 11, 27, 11, 0, 0);
  g_autoptr(GError) error = NULL;
  DgMonthCell *cell = cell_for (2026, 11, 20);
  DgFollowupChip *chip;

  dg_followups_complete (get_database (), DG_CLOCK (fake_clock), done, NULL, &error);
  g_assert_no_error (error);

  dg_ui_test_wait_for (dg_month_cell_get_n_followups (cell) == 2);

  /* Past due and still open stands out; done is dimmed and struck. */
  chip = cell_find_chip (cell, overdue);
  g_assert_nonnull (chip);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (chip), "overdue"));
  chip = cell_find_chip (cell, done);
  g_assert_nonnull (chip);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (chip), "done"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (chip), "overdue"));
  chip = cell_find_chip (cell_for (2026, 11, 27), later);
  g_assert_nonnull (chip);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (chip), "overdue"));

  /* The chip shows the time, the title and the short customer name. */
  {
    g_autofree char *text = dg_followup_chip_dup_text (cell_find_chip (cell, overdue));

    g_assert_cmpstr (text, ==, "15:00 Call back about the quote · 김민수");
  }

  /* A click on a chip selects its day and picks it out in the agenda. */
  select_day (2026, 11, 1);
  g_signal_emit_by_name (cell_find_chip (cell, overdue), "activated", 1);
  g_assert_true (selected_is (2026, 11, 20));
  g_assert_cmpint (dg_day_agenda_get_selected_id (get_agenda ()), ==, overdue);

  /* The agenda says the same in words. */
  select_day (2026, 11, 20);
  g_assert_true (agenda_has (overdue));
  g_assert_true (agenda_has (done));
  g_assert_true (gtk_widget_has_css_class (agenda_row (overdue), "overdue"));
  g_assert_true (gtk_widget_has_css_class (agenda_row (done), "done"));

  /* Done from the agenda, with Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_view ()), "calendar.done-followup", "x", overdue));
  g_assert_cmpint (status_of (overdue), ==, DG_FOLLOWUP_STATUS_DONE);
  dg_ui_test_wait_for (gtk_widget_has_css_class (GTK_WIDGET (cell_find_chip (cell, overdue)), "done"));
  press_undo ();
  dg_ui_test_wait_for (status_of (overdue) == DG_FOLLOWUP_STATUS_OPEN);
  dg_ui_test_wait_for (gtk_widget_has_css_class (GTK_WIDGET (cell_find_chip (cell, overdue)), "overdue"));
}

/* A follow-up snoozed past its due shows on the snooze's day at its time,
 * marked, and not in red on its old day. */
static void
test_snoozed (DgUiFixture   *fixture,
              gconstpointer  data)
{
  gint64 id = insert_followup ("Send the workshop invoice", 2026, 11, 20, 15, 0, customer_id);
  g_autoptr(GTimeZone) tz = get_time_zone ();
  g_autoptr(GDateTime) until = dg_test_local_time (tz, 2026, 11, 25, 9, 30);
  g_autoptr(GError) error = NULL;
  DgMonthCell *old_day = cell_for (2026, 11, 20);
  DgMonthCell *new_day = cell_for (2026, 11, 25);
  DgFollowupChip *chip;

  dg_ui_test_wait_for (cell_find_chip (old_day, id) != NULL);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell_find_chip (old_day, id)), "overdue"));

  g_assert_true (dg_followups_snooze (get_database (), DG_CLOCK (fake_clock), id, until, &error));
  g_assert_no_error (error);
  dg_ui_test_wait_for (cell_find_chip (new_day, id) != NULL && cell_find_chip (old_day, id) == NULL);

  chip = cell_find_chip (new_day, id);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (chip), "snoozed"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (chip), "overdue"));
  {
    g_autofree char *text = dg_followup_chip_dup_text (chip);
    g_autofree char *expected = g_strdup_printf ("09:30 Send the workshop invoice · 김민수 · %s",
                                                 C_("calendar", "snoozed"));

    g_assert_cmpstr (text, ==, expected);
  }

  /* The old day's agenda no longer has it; the new day's marks it. */
  select_day (2026, 11, 20);
  g_assert_false (agenda_has (id));
  select_day (2026, 11, 25);
  g_assert_true (agenda_has (id));
  g_assert_true (gtk_widget_has_css_class (agenda_row (id), "snoozed"));
  g_assert_false (gtk_widget_has_css_class (agenda_row (id), "overdue"));
  take_screenshot (GTK_WIDGET (get_window ()), "calendar-snoozed");

  /* Once the snooze is over and its reminder shown, it is back on its
   * day, overdue. */
  g_assert_true (dg_followups_restore_snooze (get_database (), DG_CLOCK (fake_clock), id, NULL, &error));
  g_assert_no_error (error);
  dg_ui_test_wait_for (cell_find_chip (old_day, id) != NULL && cell_find_chip (new_day, id) == NULL);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell_find_chip (old_day, id)), "overdue"));
}

static GtkWidget *
find_popover (GtkWidget *button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));

  return popover != NULL ? GTK_WIDGET (popover) : NULL;
}

static guint
count_chips (GtkWidget *root,
             GPtrArray *texts)
{
  guint n = 0;

  if (DG_IS_FOLLOWUP_CHIP (root))
    {
      if (texts != NULL)
        g_ptr_array_add (texts, dg_followup_chip_dup_text (DG_FOLLOWUP_CHIP (root)));
      return 1;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_chips (child, texts);

  return n;
}

/* A busy Wednesday 25 November: more than its cell can show. */
static const char * const busy_titles[] = {
  "Workshop reminder",
  "박지우님께 상담 전화",
  "Send the survey",
  "Invoice for October",
  "Invite to the next course",
  "Ask for a review",
};

static void
insert_busy_day (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (busy_titles); i++)
    insert_followup (busy_titles[i], 2026, 11, 25, i == 0 ? -1 : 8 + (int)i, 30, i == 1 ? customer_id : 0);
  dg_ui_test_wait_for (dg_month_cell_get_n_followups (cell_for (2026, 11, 25)) == G_N_ELEMENTS (busy_titles));
}

static void
test_overflow (DgUiFixture   *fixture,
               gconstpointer  data)
{
  const char * const *titles = busy_titles;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  DgMonthCell *cell = cell_for (2026, 11, 25);
  GtkWidget *button;
  GtkWidget *popover;
  g_autofree char *more = NULL;
  guint n_overflow;

  insert_busy_day ();
  select_day (2026, 11, 25);
  g_assert_cmpuint (dg_month_cell_get_n_followups (cell), ==, G_N_ELEMENTS (busy_titles));
  dg_ui_test_wait_painted (GTK_WIDGET (get_window ()), 1);

  /* Not all fit: the rest are behind "+N more". */
  n_overflow = dg_month_cell_get_n_overflow (cell);
  g_assert_cmpuint (n_overflow, >, 0);
  g_assert_cmpuint (n_overflow, <, G_N_ELEMENTS (busy_titles));
  button = dg_month_cell_get_overflow_button (cell);
  g_assert_true (gtk_widget_get_child_visible (button));
  g_assert_true (gtk_widget_get_mapped (button));
  more = g_strdup_printf (ngettext ("+%u more", "+%u more", n_overflow), n_overflow);
  g_assert_cmpstr (gtk_inscription_get_text (GTK_INSCRIPTION (gtk_menu_button_get_child (GTK_MENU_BUTTON (button)))),
                   ==, more);

  /* A day with fewer items shows them all. */
  g_assert_cmpuint (dg_month_cell_get_n_overflow (cell_for (2026, 11, 20)), ==, 0);
  g_assert_false (gtk_widget_get_child_visible (dg_month_cell_get_overflow_button (cell_for (2026, 11, 20))));

  /* The popover lists every item of the day. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  dg_ui_test_wait_for ((popover = find_popover (button)) != NULL && gtk_widget_get_mapped (popover));
  g_assert_cmpuint (count_chips (popover, texts), ==, G_N_ELEMENTS (busy_titles));
  for (guint i = 0; i < G_N_ELEMENTS (busy_titles); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < texts->len; j++)
        found |= strstr (g_ptr_array_index (texts, j), titles[i]) != NULL;
      g_assert_true (found);
    }

  {
    g_autofree char *path = dg_ui_test_screenshot_with_popover (popover, "calendar-overflow");

    g_assert_nonnull (path);
  }

  gtk_popover_popdown (GTK_POPOVER (popover));
  dg_ui_test_wait_for (!gtk_widget_get_mapped (popover));
}

/* What the cell's GtkDropTarget does when a follow-up is dropped on it:
 * its ::drop handler gets the dragged value. */
static gboolean
drop_on_cell (DgMonthCell *cell,
              gint64       id)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, id);

  return dg_ui_test_drop_value (GTK_WIDGET (cell), &value);
}

/* The id a drag from @widget (a chip or an agenda row) carries. */
static gint64
drag_value_of (GtkWidget *widget)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT64);
  dg_ui_test_drag_value (widget, &value);

  return g_value_get_int64 (&value);
}

static void
test_drag_and_undo (DgUiFixture   *fixture,
                    gconstpointer  data)
{
  gint64 id = insert_followup ("Follow up on the trial lesson", 2026, 11, 18, 14, 30, customer_id);
  DgMonthCell *from = cell_for (2026, 11, 18);
  DgMonthCell *to = cell_for (2026, 11, 19);
  DgFollowupChip *chip;
  g_autoptr(DgFollowup) moved = NULL;
  g_autoptr(GTimeZone) tz = get_time_zone ();
  g_autoptr(GDateTime) local = NULL;

  dg_ui_test_wait_for ((chip = cell_find_chip (from, id)) != NULL);
  g_assert_cmpint (drag_value_of (GTK_WIDGET (chip)), ==, id);

  g_assert_true (drop_on_cell (to, drag_value_of (GTK_WIDGET (chip))));

  /* Stored on the new day at the same time, and shown there. */
  g_assert_true (followup_is_on (id, 2026, 11, 19));
  moved = get_followup (id);
  local = g_date_time_to_timezone (dg_followup_get_due_at (moved), tz);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 14);
  g_assert_cmpint (g_date_time_get_minute (local), ==, 30);
  dg_ui_test_wait_for (cell_find_chip (to, id) != NULL && cell_find_chip (from, id) == NULL);
  g_assert_true (selected_is (2026, 11, 19));
  g_assert_true (agenda_has (id));
  g_assert_cmpint (dg_day_agenda_get_selected_id (get_agenda ()), ==, id);

  /* Undo puts it back. */
  press_undo ();
  dg_ui_test_wait_for (followup_is_on (id, 2026, 11, 18));
  dg_ui_test_wait_for (cell_find_chip (from, id) != NULL && cell_find_chip (to, id) == NULL);
  g_assert_true (selected_is (2026, 11, 18));

  /* A row of the agenda drags the same way. */
  select_day (2026, 11, 18);
  {
    gint64 dragged = drag_value_of (agenda_row (id));

    g_assert_cmpint (dragged, ==, id);

    g_assert_true (drop_on_cell (cell_for (2026, 11, 17), dragged));
    dg_ui_test_wait_for (followup_is_on (id, 2026, 11, 17));
    press_undo ();
    dg_ui_test_wait_for (followup_is_on (id, 2026, 11, 18));
  }

  /* A drop on its own day changes nothing. */
  g_assert_true (drop_on_cell (from, id));
  g_assert_true (followup_is_on (id, 2026, 11, 18));

  /* Dragged out of the "+N more" list onto a day of the next month that
   * the grid shows. */
  {
    DgMonthCell *busy = cell_for (2026, 11, 25);
    GtkWidget *button = dg_month_cell_get_overflow_button (busy);
    GtkWidget *popover;
    GtkWidget *last = NULL;
    gint64 hidden;

    insert_busy_day ();
    select_day (2026, 11, 25);
    dg_ui_test_wait_painted (GTK_WIDGET (get_window ()), 1);
    g_assert_cmpuint (dg_month_cell_get_n_overflow (busy), >, 0);
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    dg_ui_test_wait_for ((popover = find_popover (button)) != NULL && gtk_widget_get_mapped (popover));

    for (GtkWidget *child = dg_ui_test_find_by_type (popover, DG_TYPE_FOLLOWUP_CHIP);
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      last = child;
    g_assert_nonnull (last);
    hidden = drag_value_of (last);
    g_assert_false (gtk_widget_get_child_visible (GTK_WIDGET (cell_find_chip (busy, hidden))));

    g_assert_true (drop_on_cell (cell_for (2026, 12, 1), hidden));
    gtk_popover_popdown (GTK_POPOVER (popover));
    g_assert_true (followup_is_on (hidden, 2026, 12, 1));
    dg_ui_test_wait_for (selected_is (2026, 12, 1) && agenda_has (hidden));

    press_undo ();
    dg_ui_test_wait_for (followup_is_on (hidden, 2026, 11, 25));
    dg_ui_test_wait_for (selected_is (2026, 11, 25) && agenda_has (hidden));
  }
}

static void
test_move_with_keyboard (DgUiFixture   *fixture,
                         gconstpointer  data)
{
  gint64 id = insert_followup ("Prepare the workbook", 2026, 11, 23, -1, 0, 0);
  GtkWidget *agenda = GTK_WIDGET (get_agenda ());
  GtkWidget *calendar;
  GtkWidget *move;
  GtkWidget *popover;
  g_autoptr(GDateTime) target = NULL;

  select_day (2026, 11, 23);
  dg_ui_test_wait_for (agenda_has (id));

  /* "Move to Date…" in the row's menu opens a calendar on the day. */
  g_assert_true (gtk_widget_activate_action (agenda_row (id), "agenda.move-to-date", "x", id));
  dg_ui_test_wait_for ((calendar = dg_ui_test_find_by_type (agenda, GTK_TYPE_CALENDAR)) != NULL &&
                       gtk_widget_get_mapped (calendar));
  popover = gtk_widget_get_ancestor (calendar, GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  dg_ui_test_wait_painted (popover, 1);

  target = g_date_time_new_local (2026, 12, 3, 12, 0, 0);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), target);
  move = dg_ui_test_find_button (popover, _("_Move"));
  g_assert_nonnull (move);
  gtk_widget_activate (move);

  /* Moved, and the calendar follows it into December. */
  dg_ui_test_wait_for (followup_is_on (id, 2026, 12, 3));
  dg_ui_test_wait_for (selected_is (2026, 12, 3) && agenda_has (id));
  g_assert_cmpint (dg_day_agenda_get_selected_id (get_agenda ()), ==, id);
  dg_ui_test_wait_for (!gtk_widget_get_mapped (popover));

  press_undo ();
  dg_ui_test_wait_for (followup_is_on (id, 2026, 11, 23));
  g_assert_true (selected_is (2026, 11, 23));
}

static void
test_show_followup (DgUiFixture   *fixture,
                    gconstpointer  data)
{
  gint64 id = insert_followup ("Birthday message", 2027, 1, 8, -1, 0, customer_id);
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_calendar_view_show_followup (get_view (), id, &error));
  g_assert_no_error (error);
  g_assert_true (selected_is (2027, 1, 8));
  g_assert_cmpint (dg_day_agenda_get_selected_id (get_agenda ()), ==, id);

  g_assert_false (dg_calendar_view_show_followup (get_view (), 999999, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);

  activate_view_action ("calendar.today");
}

static void
test_real_input (DgUiFixture   *fixture,
                 gconstpointer  data)
{
  GtkWidget *grid = GTK_WIDGET (get_grid ());
  gint64 id = insert_followup ("Drag me to Friday", 2026, 11, 17, 13, 0, 0);
  DgMonthCell *from = cell_for (2026, 11, 17);
  DgMonthCell *to = cell_for (2026, 11, 20);
  DgFollowupChip *chip;
  DgFollowupEditor *editor;

  if (!dg_ui_test_can_send_input ())
    {
      g_test_skip ("Needs an X11 display and xdotool");
      return;
    }

  activate_view_action ("calendar.today");
  dg_ui_test_wait_painted (GTK_WIDGET (get_window ()), 1);

  /* A click on a day selects it and gives the grid the keys. */
  dg_ui_test_click (GTK_WIDGET (cell_for (2026, 11, 11)));
  dg_ui_test_wait_for (selected_is (2026, 11, 11));
  dg_ui_test_wait_for (gtk_widget_has_focus (grid));

  dg_ui_test_send_keys (grid, "Right");
  dg_ui_test_wait_for (selected_is (2026, 11, 12));
  dg_ui_test_send_keys (grid, "Down");
  dg_ui_test_wait_for (selected_is (2026, 11, 19));
  dg_ui_test_send_keys (grid, "Page_Down");
  dg_ui_test_wait_for (selected_is (2026, 12, 19));
  dg_ui_test_send_keys (grid, "Home");
  dg_ui_test_wait_for (selected_is (2026, 11, 24));

  /* Ctrl+N anywhere in the window opens the editor on the selected day. */
  dg_ui_test_send_keys (GTK_WIDGET (get_window ()), "ctrl+n");
  editor = wait_for_editor ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dg_ui_test_find_by_id (GTK_WIDGET (editor), "date_row"))),
                   ==, "2026-11-24");
  gtk_window_destroy (GTK_WINDOW (editor));
  dg_ui_test_wait_for (dg_ui_test_find_window (DG_TYPE_FOLLOWUP_EDITOR) == NULL);

  /* A real drag with the pointer, from one day to another. */
  dg_ui_test_wait_for ((chip = cell_find_chip (from, id)) != NULL && gtk_widget_get_mapped (GTK_WIDGET (chip)));
  dg_ui_test_wait_painted (GTK_WIDGET (get_window ()), 1);
  dg_ui_test_drag_pointer (GTK_WIDGET (chip), GTK_WIDGET (to));

  dg_ui_test_wait_for (followup_is_on (id, 2026, 11, 20));
  dg_ui_test_wait_for (cell_find_chip (to, id) != NULL && cell_find_chip (from, id) == NULL);

  press_undo ();
  dg_ui_test_wait_for (followup_is_on (id, 2026, 11, 17));
  dg_ui_test_wait_for (dg_ui_test_find_button (GTK_WIDGET (get_window ()), _("Undo")) == NULL);
}

static void
test_refresh_when_shown (DgUiFixture   *fixture,
                         gconstpointer  data)
{
  AdwViewStack *stack = ADW_VIEW_STACK (dg_ui_test_find_by_id (GTK_WIDGET (get_window ()), "view_stack"));
  DgMonthCell *cell = cell_for (2026, 11, 10);
  gint64 id;

  /* Added elsewhere while the calendar is hidden, the follow-up is there
   * when it comes back. */
  adw_view_stack_set_visible_child_name (stack, "customers");
  dg_ui_test_wait_for (!gtk_widget_get_mapped (GTK_WIDGET (get_view ())));
  id = insert_followup ("Send the receipt", 2026, 11, 10, 9, 0, customer_id);

  adw_view_stack_set_visible_child_name (stack, "calendar");
  dg_ui_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (get_view ())));
  dg_ui_test_wait_for (cell_find_chip (cell, id) != NULL);
}

static void
test_screenshots (DgUiFixture   *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 done;

  /* A month as it looks in use: a busy day, one overdue and one done on
   * the same day, the weeks ahead, and earlier weeks with some work done. */
  insert_busy_day ();
  insert_followup ("Call back about the quote", 2026, 11, 20, 15, 0, customer_id);
  done = insert_followup ("Thank-you message", 2026, 11, 20, -1, 0, 0);
  dg_followups_complete (get_database (), DG_CLOCK (fake_clock), done, NULL, &error);
  g_assert_no_error (error);
  insert_followup ("Follow up on the trial lesson", 2026, 11, 18, 14, 30, customer_id);
  insert_followup ("Send the course invitation", 2026, 11, 26, -1, 0, 0);
  insert_followup ("강의실 예약 확인", 2026, 11, 27, 11, 0, 0);
  done = insert_followup ("Newsletter draft", 2026, 11, 3, -1, 0, 0);
  dg_followups_complete (get_database (), DG_CLOCK (fake_clock), done, NULL, &error);
  g_assert_no_error (error);
  insert_followup ("이서연님 수업 후기 요청", 2026, 11, 9, 10, 0, 0);
  done = insert_followup ("Renew the room booking", 2026, 11, 12, 16, 0, 0);
  dg_followups_complete (get_database (), DG_CLOCK (fake_clock), done, NULL, &error);
  g_assert_no_error (error);
  insert_followup ("Course feedback call", 2026, 11, 12, 11, 0, customer_id);

  /* The month with its items, and a busy day's agenda beside it. */
  select_day (2026, 11, 25);
  gtk_widget_grab_focus (GTK_WIDGET (get_grid ()));
  gtk_window_set_focus_visible (GTK_WINDOW (get_window ()), TRUE);
  take_screenshot (GTK_WIDGET (get_window ()), "calendar-month");
  gtk_window_set_focus_visible (GTK_WINDOW (get_window ()), FALSE);

  /* A narrow window puts the agenda under the grid. */
  gtk_window_set_default_size (GTK_WINDOW (get_window ()), 720, 760);
  dg_ui_test_wait_for (gtk_widget_has_css_class (GTK_WIDGET (get_agenda ()), "below"));
  select_day (2026, 11, 20);
  take_screenshot (GTK_WIDGET (get_window ()), "calendar-agenda");

  gtk_window_set_default_size (GTK_WINDOW (get_window ()), 1100, 760);
  dg_ui_test_wait_for (!gtk_widget_has_css_class (GTK_WIDGET (get_agenda ()), "below"));
}

static gboolean
followup_exists (gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgFollowup) followup = dg_followups_get (get_database (), id, &error);

  return followup != NULL;
}

static DgRecurrenceUnit
recurrence_of (gint64 id)
{
  g_autoptr(DgFollowup) followup = get_followup (id);

  return dg_followup_get_recurrence (followup);
}

static guint
count_on_day (int year,
              int month,
              int day)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  list = dg_followups_list_day (get_database (), DG_CLOCK (fake_clock), &date,
                                DG_FOLLOWUP_FILTER_OPEN, 0, &error);
  g_assert_no_error (error);

  return list->len;
}

/* The item labelled @label of a popover menu (a GtkModelButton, which
 * shows its label without the mnemonic's underscore). */
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

/* Waits for the dialog asking about a repeating follow-up and clicks its
 * button for @response. */
static void
respond_to_dialog (const char *response)
{
  AdwMessageDialog *dialog = NULL;
  GtkWidget *button;

  dg_ui_test_wait_for ((dialog = (AdwMessageDialog *)dg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  dg_ui_test_wait_painted (GTK_WIDGET (dialog), 1);
  button = dg_ui_test_find_button (GTK_WIDGET (dialog),
                                   adw_message_dialog_get_response_label (dialog, response));
  g_assert_nonnull (button);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  gtk_widget_activate (button);
  dg_ui_test_wait_for (dialog == NULL);
}

/* The day agenda's menu deletes a follow-up (asking first when it
 * repeats) and stops a repeat, each with Undo. */
static void
test_delete_from_agenda (DgUiFixture   *fixture,
                         gconstpointer  data)
{
  g_autoptr(DgFollowup) weekly = dg_followup_new ();
  g_autoptr(GTimeZone) tz = get_time_zone ();
  g_autoptr(GDateTime) due = dg_test_local_time (tz, 2026, 11, 26, 10, 0);
  g_autoptr(GError) error = NULL;
  gint64 once = insert_followup ("Thank-you message", 2026, 11, 26, -1, 0, 0);
  GtkMenuButton *button;
  GtkPopover *popover;
  gint64 series;

  dg_followup_set_title (weekly, "Weekly class check-in");
  dg_followup_set_customer_id (weekly, customer_id);
  dg_followup_set_due_at (weekly, due);
  dg_followup_set_recurrence (weekly, DG_RECURRENCE_WEEKS);
  dg_followup_set_recurrence_interval (weekly, 1);
  dg_followups_insert (get_database (), DG_CLOCK (fake_clock), weekly, &error);
  g_assert_no_error (error);
  series = dg_followup_get_id (weekly);

  select_day (2026, 11, 26);
  dg_ui_test_wait_for (agenda_has (series) && agenda_has (once));

  button = g_object_get_data (G_OBJECT (agenda_row (series)), "dg-menu-button");
  gtk_menu_button_popup (button);
  popover = gtk_menu_button_get_popover (button);
  dg_ui_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  g_assert_nonnull (find_menu_item (GTK_WIDGET (popover), _("Stop _Repeating")));
  g_assert_nonnull (find_menu_item (GTK_WIDGET (popover), _("_Delete…")));
  {
    g_autofree char *path = dg_ui_test_screenshot_with_popover (GTK_WIDGET (popover), "calendar-agenda-menu");

    g_test_message ("Saved %s", path);
  }
  gtk_menu_button_popdown (button);

  /* One that does not repeat has no Stop Repeating, and goes at once. */
  button = g_object_get_data (G_OBJECT (agenda_row (once)), "dg-menu-button");
  gtk_menu_button_popup (button);
  popover = gtk_menu_button_get_popover (button);
  dg_ui_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  g_assert_null (find_menu_item (GTK_WIDGET (popover), _("Stop _Repeating")));
  gtk_menu_button_popdown (button);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_view ()), "calendar.delete-followup", "x", once));
  g_assert_false (followup_exists (once));
  dg_ui_test_wait_for (!agenda_has (once));
  press_undo ();
  dg_ui_test_wait_for (agenda_has (once));

  /* Stop repeating, then Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_view ()), "calendar.stop-repeating", "x", series));
  {
    g_autoptr(DgFollowup) stopped = get_followup (series);

    g_assert_cmpint (dg_followup_get_recurrence (stopped), ==, DG_RECURRENCE_NONE);
  }
  press_undo ();
  dg_ui_test_wait_for (recurrence_of (series) == DG_RECURRENCE_WEEKS);

  /* Only this one: next week's takes its place on Dec 3. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_view ()), "calendar.delete-followup", "x", series));
  respond_to_dialog ("only-this");
  g_assert_false (followup_exists (series));
  dg_ui_test_wait_for (!agenda_has (series));
  g_assert_cmpuint (count_on_day (2026, 12, 3), ==, 1);
  press_undo ();
  dg_ui_test_wait_for (agenda_has (series));
  g_assert_cmpuint (count_on_day (2026, 12, 3), ==, 0);
  g_assert_true (followup_is_on (series, 2026, 11, 26));
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ui/calendar/week-start", DgUiFixture, NULL, setup, test_week_start, dg_ui_fixture_teardown);
  g_test_add ("/ui/calendar/navigate", DgUiFixture, NULL, setup, test_navigate, dg_ui_fixture_teardown);
  g_test_add ("/ui/calendar/create-from-calendar", DgUiFixture, NULL, setup, test_create_from_calendar, dg_ui_fixture_teardown);
  g_test_add ("/ui/calendar/overdue-and-done", DgUiFixture, NULL, setup, test_overdue_and_done, dg_ui_fixture_teardown);
  g_test_add ("/ui/calendar/snoozed", DgUiFixture, NULL, setup, test_snoozed, dg_ui_fixture_teardown);
  g_test_add ("/ui/calendar/overflow", DgUiFixture, NULL, setup, test_overflow, dg_ui_fixture_teardown);
  g_test_add ("/ui/calendar/drag-and-undo", DgUiFixture, NULL, setup, test_drag_and_undo, dg_ui_fixture_teardown);
  g_test_add ("/ui/calendar/move-with-keyboard", DgUiFixture, NULL, setup, test_move_with_keyboard, dg_ui_fixture_teardown);
  g_test_add ("/ui/calendar/show-followup", DgUiFixture, NULL, setup, test_show_followup, dg_ui_fixture_teardown);
  g_test_add ("/ui/calendar/real-input", DgUiFixture, NULL, setup, test_real_input, dg_ui_fixture_teardown);
  g_test_add ("/ui/calendar/refresh-when-shown", DgUiFixture, NULL, setup, test_refresh_when_shown, dg_ui_fixture_teardown);
  g_test_add ("/ui/calendar/delete-from-agenda", DgUiFixture, NULL, setup, test_delete_from_agenda, dg_ui_fixture_teardown);
  g_test_add ("/ui/calendar/screenshots", DgUiFixture, NULL, setup, test_screenshots, dg_ui_fixture_teardown);

  return g_test_run ();
}
