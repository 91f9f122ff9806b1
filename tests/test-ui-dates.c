/* test-ui-dates.c
 *
 * The date fields, driven as a user would, in English and Korean: the
 * calendar button at the end of the follow-up's due date, the birthday
 * and the contact's "When" opens on the field's day and fills the field
 * when a day is picked; the fields take the short forms (12/15, 12월 15일,
 * tomorrow, 내일) and write the stored YYYY-MM-DD; 2026-02-30 says it is
 * not a real date; the YYYY-MM-DD hint goes once a value is there.
 * The fake clock says Tuesday 2026-11-24 10:00 in Seoul.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "dg-customer-editor.h"
#include "dg-date-button.h"
#include "dg-field-row.h"
#include "dg-followup-editor.h"
#include "dg-interaction-form.h"
#include "dg-test-util.h"
#include "dg-ui-fixture.h"
#include "dg-ui-test-util.h"
#include "dg-window.h"

static GtkWidget *
child_of (gpointer    root,
          const char *id)
{
  GtkWidget *child = dg_ui_test_find_by_id (GTK_WIDGET (root), id);

  g_assert_nonnull (child);
  return child;
}

static void
set_text (gpointer    root,
          const char *id,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child_of (root, id)), text);
}

static const char *
text_of (gpointer    root,
         const char *id)
{
  return gtk_editable_get_text (GTK_EDITABLE (child_of (root, id)));
}

static const char *
error_of (gpointer    root,
          const char *id)
{
  return dg_field_row_get_error (DG_FIELD_ROW (child_of (root, id)));
}

/* The message a field shows for @text that names no real day. */
static char *
not_real_message (const char *text)
{
  return g_strdup_printf (_("“%s” is not a real date"), text);
}

static void
open_popover (DgDateButton *button)
{
  GtkPopover *popover = dg_date_button_get_popover (button);
  GtkMenuButton *menu_button = GTK_MENU_BUTTON (dg_ui_test_find_by_type (GTK_WIDGET (button),
                                                                         GTK_TYPE_MENU_BUTTON));

  gtk_menu_button_popup (menu_button);
  dg_ui_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  dg_ui_test_wait_painted (GTK_WIDGET (popover), 1);
}

static void
assert_calendar_on (DgDateButton *button,
                    int           year,
                    int           month,
                    int           day)
{
  g_autoptr(GDateTime) shown = gtk_calendar_get_date (dg_date_button_get_calendar (button));

  g_assert_cmpint (g_date_time_get_year (shown), ==, year);
  g_assert_cmpint (g_date_time_get_month (shown), ==, month);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, day);
}

/* Picks a day as a click on it does: the calendar moves there and says
 * a day was selected. */
static void
pick_day (DgDateButton *button,
          int           year,
          int           month,
          int           day)
{
  GtkCalendar *calendar = dg_date_button_get_calendar (button);
  g_autoptr(GDateTime) picked = g_date_time_new_local (year, month, day, 12, 0, 0);

  gtk_calendar_select_day (calendar, picked);
  g_signal_emit_by_name (calendar, "day-selected");
}

static gint64
insert_followup (const char *due_date)
{
  DgUiFixture *fixture = dg_ui_fixture_get_current ();
  g_autoptr(DgFollowup) followup = dg_followup_new ();
  g_autoptr(GError) error = NULL;

  dg_followup_set_title (followup, "Send the quote");
  dg_followup_set_due_date (followup, due_date);
  dg_followups_insert (fixture->database, dg_context_get_clock (fixture->context), followup, &error);
  g_assert_no_error (error);
  return dg_followup_get_id (followup);
}

static DgFollowupEditor *
open_followup_editor (gint64 id)
{
  DgUiFixture *fixture = dg_ui_fixture_get_current ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DgFollowup) followup = dg_followups_get (fixture->database, id, &error);
  DgFollowupEditor *editor;

  g_assert_no_error (error);
  editor = dg_followup_editor_new (GTK_WINDOW (fixture->window), fixture->context, followup);
  gtk_window_present (GTK_WINDOW (editor));
  dg_ui_test_wait_painted (GTK_WIDGET (editor), 1);
  return editor;
}

static char *
saved_due_date (gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgFollowup) followup = dg_followups_get (dg_ui_fixture_get_current ()->database, id, &error);

  g_assert_no_error (error);
  return g_strdup (dg_followup_get_due_date (followup));
}

static void
test_followup_popover (DgUiFixture   *fixture,
                       gconstpointer  data)
{
  gint64 id = insert_followup ("2026-12-15");
  DgFollowupEditor *editor = open_followup_editor (id);
  DgDateButton *button = DG_DATE_BUTTON (child_of (editor, "date_button"));
  GtkWidget *hint = child_of (editor, "date_hint");
  g_autofree char *shot = NULL;
  g_autofree char *due = NULL;

  /* A value is there, so the format hint is not. */
  g_assert_cmpstr (text_of (editor, "date_row"), ==, "2026-12-15");
  g_assert_false (gtk_widget_get_visible (hint));

  /* The calendar opens on the field's day… */
  open_popover (button);
  assert_calendar_on (button, 2026, 12, 15);
  shot = dg_ui_test_screenshot_with_popover (GTK_WIDGET (dg_date_button_get_popover (button)),
                                             "dates-due-popover");

  /* …and a day picked is written in the stored form, closing it. */
  pick_day (button, 2026, 12, 22);
  g_assert_cmpstr (text_of (editor, "date_row"), ==, "2026-12-22");
  dg_ui_test_wait_for (!gtk_widget_get_visible (GTK_WIDGET (dg_date_button_get_popover (button))));
  g_assert_null (error_of (editor, "date_row"));

  g_assert_true (dg_followup_editor_save (editor));
  due = saved_due_date (id);
  g_assert_cmpstr (due, ==, "2026-12-22");
}

static void
test_followup_typing (DgUiFixture   *fixture,
                      gconstpointer  data)
{
  const struct
  {
    const char *typed;
    const char *stored;
  } forms[] = {
    { "12/15", "2026-12-15" },
    { "12-16", "2026-12-16" },
    { "12월 17일", "2026-12-17" },
    { "tomorrow", "2026-11-25" },
    { "내일", "2026-11-25" },
    { "모레", "2026-11-26" },
    { "Today", "2026-11-24" },
    /* A short form is this year even when that day has passed. */
    { "3/1", "2026-03-01" },
    { "2027-01-05", "2027-01-05" },
  };
  gint64 id = insert_followup ("2026-12-01");
  DgFollowupEditor *editor;
  DgDateButton *button;
  GtkWidget *hint;
  g_autofree char *not_real = not_real_message ("2026-02-30");

  /* Saving closes the editor: each form is typed into a new one. */
  for (gsize i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *due = NULL;

      g_test_message ("typing “%s”", forms[i].typed);
      editor = open_followup_editor (id);
      set_text (editor, "date_row", forms[i].typed);
      g_assert_null (error_of (editor, "date_row"));
      g_assert_true (dg_followup_editor_save (editor));
      due = saved_due_date (id);
      g_assert_cmpstr (due, ==, forms[i].stored);
    }

  editor = open_followup_editor (id);
  button = DG_DATE_BUTTON (child_of (editor, "date_button"));
  hint = child_of (editor, "date_hint");

  /* Left, a short form shows the day it was taken for. */
  gtk_widget_grab_focus (child_of (editor, "date_row"));
  set_text (editor, "date_row", "12/9");
  gtk_widget_grab_focus (child_of (editor, "title_row"));
  dg_ui_test_wait_for (g_strcmp0 (text_of (editor, "date_row"), "2026-12-09") == 0);

  /* The calendar opens on a day typed in a short form too. */
  set_text (editor, "date_row", "12월 3일");
  open_popover (button);
  assert_calendar_on (button, 2026, 12, 3);
  gtk_popover_popdown (dg_date_button_get_popover (button));

  set_text (editor, "date_row", "2026-02-30");
  g_assert_cmpstr (error_of (editor, "date_row"), ==, not_real);
  g_assert_true (gtk_widget_has_css_class (child_of (editor, "date_row"), "error"));
  g_assert_false (dg_followup_editor_save (editor));

  set_text (editor, "date_row", "2/29");
  g_assert_nonnull (error_of (editor, "date_row"));

  set_text (editor, "date_row", "soon");
  g_assert_nonnull (error_of (editor, "date_row"));

  /* Emptied, the field shows its format hint again. */
  set_text (editor, "date_row", "");
  g_assert_true (gtk_widget_get_visible (hint));
  set_text (editor, "date_row", "1");
  g_assert_false (gtk_widget_get_visible (hint));
}

static void
test_birthday (DgUiFixture   *fixture,
               gconstpointer  data)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(DgCustomer) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *not_real = not_real_message ("1990-02-30");
  g_autofree char *shot = NULL;
  DgCustomerEditor *editor;
  DgDateButton *button;
  GtkWidget *hint;

  dg_customer_set_name (customer, "김민수");
  dg_customers_insert (fixture->database, customer, &error);
  g_assert_no_error (error);

  editor = dg_customer_editor_new (GTK_WINDOW (fixture->window), fixture->database, customer);
  gtk_window_present (GTK_WINDOW (editor));
  dg_ui_test_wait_painted (GTK_WIDGET (editor), 1);
  button = DG_DATE_BUTTON (child_of (editor, "birthday_button"));
  hint = child_of (editor, "birthday_hint");

  /* No birthday yet: the hint shows, and the calendar opens on today. */
  g_assert_cmpstr (text_of (editor, "birthday_row"), ==, "");
  g_assert_true (gtk_widget_get_visible (hint));

  set_text (editor, "birthday_row", "1990년 3월 2일");
  g_assert_null (error_of (editor, "birthday_row"));
  g_assert_false (gtk_widget_get_visible (hint));
  open_popover (button);
  assert_calendar_on (button, 1990, 3, 2);
  shot = dg_ui_test_screenshot_with_popover (GTK_WIDGET (dg_date_button_get_popover (button)),
                                             "dates-birthday-popover");
  pick_day (button, 1990, 3, 12);
  g_assert_cmpstr (text_of (editor, "birthday_row"), ==, "1990-03-12");

  set_text (editor, "birthday_row", "1990-02-30");
  g_assert_cmpstr (error_of (editor, "birthday_row"), ==, not_real);
  g_assert_false (dg_customer_editor_save (editor));

  set_text (editor, "birthday_row", "1990/3/2");
  g_assert_null (error_of (editor, "birthday_row"));
  g_assert_true (dg_customer_editor_save (editor));

  saved = dg_customers_get (fixture->database, dg_customer_get_id (customer), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dg_customer_get_birthday (saved), ==, "1990-03-02");
}

static void
test_contact_when (DgUiFixture   *fixture,
                   gconstpointer  data)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *not_real = not_real_message ("2026-02-30");
  g_autofree char *shot = NULL;
  GtkWidget *window = gtk_window_new ();
  DgInteractionForm *form;
  DgDateButton *button;
  GtkPopover *popover;

  dg_customer_set_name (customer, "김민수");
  dg_customers_insert (fixture->database, customer, &error);
  g_assert_no_error (error);

  form = g_object_new (DG_TYPE_INTERACTION_FORM, NULL);
  dg_interaction_form_set_context (form, fixture->context);
  dg_interaction_form_set_customer_id (form, dg_customer_get_id (customer));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (form));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 360);
  gtk_window_present (GTK_WINDOW (window));
  dg_ui_test_wait_painted (window, 1);
  button = DG_DATE_BUTTON (child_of (form, "when_button"));
  popover = dg_date_button_get_popover (button);

  /* A time alone keeps its time when a day is picked. */
  set_text (form, "when_entry", "09:30");
  open_popover (button);
  assert_calendar_on (button, 2026, 11, 24);
  shot = dg_ui_test_screenshot_with_popover (GTK_WIDGET (popover), "dates-contact-popover");
  pick_day (button, 2026, 11, 20);
  g_assert_cmpstr (text_of (form, "when_entry"), ==, "2026-11-20 09:30");

  /* A day picked again replaces the day, not the time. */
  open_popover (button);
  assert_calendar_on (button, 2026, 11, 20);
  pick_day (button, 2026, 11, 18);
  g_assert_cmpstr (text_of (form, "when_entry"), ==, "2026-11-18 09:30");

  /* An empty field gets the time of now. */
  set_text (form, "when_entry", "");
  open_popover (button);
  pick_day (button, 2026, 11, 21);
  g_assert_cmpstr (text_of (form, "when_entry"), ==, "2026-11-21 10:00");

  /* Short forms of the day are taken before a time. */
  set_text (form, "when_entry", "11월 23일 18:40");
  g_assert_null (error_of (form, "when_entry"));
  set_text (form, "when_entry", "11/22 9:05");
  g_assert_null (error_of (form, "when_entry"));
  gtk_widget_grab_focus (child_of (form, "when_entry"));
  set_text (form, "when_entry", "11/22 9:05");
  gtk_widget_grab_focus (child_of (form, "summary_entry"));
  dg_ui_test_wait_for (g_strcmp0 (text_of (form, "when_entry"), "2026-11-22 9:05") == 0);
  set_text (form, "when_entry", "오늘 09:00");
  g_assert_null (error_of (form, "when_entry"));

  set_text (form, "when_entry", "2026-02-30 10:00");
  g_assert_cmpstr (error_of (form, "when_entry"), ==, not_real);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Seoul", TRUE);
  /* GtkCalendar names months and weekdays from the C library's locale
   * (read when GTK starts), not from the translations; the tests run in
   * C.UTF-8, so the Korean run takes Korean dates where the system has
   * the locale. */
  locale_t korean = g_strcmp0 (g_getenv ("DANGOL_TEST_LANG"), "ko") == 0
                     ? newlocale (LC_TIME_MASK, "ko_KR.UTF-8", (locale_t) 0)
                     : (locale_t) 0;

  if (korean != (locale_t) 0)
    {
      freelocale (korean);
      g_setenv ("LANG", g_getenv ("LC_ALL") ? g_getenv ("LC_ALL") : "C.UTF-8", TRUE);
      g_unsetenv ("LC_ALL");
      g_setenv ("LC_TIME", "ko_KR.UTF-8", TRUE);
    }
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  DG_UI_TEST_ADD ("/ui/dates/due-popover", test_followup_popover);
  DG_UI_TEST_ADD ("/ui/dates/due-typing", test_followup_typing);
  DG_UI_TEST_ADD ("/ui/dates/birthday", test_birthday);
  DG_UI_TEST_ADD ("/ui/dates/contact-when", test_contact_when);

  return g_test_run ();
}
