/* test-ui-customer-journeys.c
 *
 * The Journeys section of a customer's page, on a fake clock standing at
 * Tuesday 2026-11-24 10:00 in Seoul: a customer in two journeys, moved in
 * one and dropped from the other, shows both with their stage and status,
 * and the rows follow moves made elsewhere; "Open Board" goes to the
 * board of that journey with the customer's card selected and focused; a
 * customer in no journey has no section. Saves
 * screenshots in the language under test.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-customer-page.h"
#include "dg-customers-view.h"
#include "dg-journey-column.h"
#include "dg-journey-test-util.h"
#include "dg-journeys-view.h"
#include "dg-test-util.h"
#include "dg-ui-fixture.h"
#include "dg-ui-test-util.h"
#include "dg-window.h"

static DgCustomerPage *
get_page (DgUiFixture *fixture)
{
  return dg_customers_view_get_customer_page (DG_CUSTOMERS_VIEW (dg_window_get_page (fixture->window, "customers")));
}

static void
show_customer (DgUiFixture *fixture,
               gint64       id)
{
  DgCustomerPage *page = get_page (fixture);

  dg_window_show_customer (fixture->window, id);
  dg_ui_test_wait_for (dg_customer_page_get_customer (page) != NULL &&
                       dg_customer_get_id (dg_customer_page_get_customer (page)) == id);
  dg_ui_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (page)));
}

static GtkWidget *
page_child (DgUiFixture *fixture,
            const char  *id)
{
  GtkWidget *child = dg_ui_test_find_by_id (GTK_WIDGET (get_page (fixture)), id);

  g_assert_nonnull (child);

  return child;
}

/* The journey row at @position of the section, or NULL. */
static AdwExpanderRow *
journey_row (DgUiFixture *fixture,
             guint        position)
{
  GtkListBox *list = GTK_LIST_BOX (page_child (fixture, "journeys_list"));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, position);

  return row != NULL ? ADW_EXPANDER_ROW (row) : NULL;
}

static gboolean
row_says (AdwExpanderRow *row,
          const char     *title,
          const char     *in_subtitle)
{
  return row != NULL
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0
         && strstr (adw_expander_row_get_subtitle (row), in_subtitle) != NULL;
}

/* Whether a row under @root is titled @title (an expander row's own
 * header is a row too, titled with the journey). */
static gboolean
has_row_titled (GtkWidget  *root,
                const char *title)
{
  if (ADW_IS_ACTION_ROW (root)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_row_titled (child, title))
      return TRUE;

  return FALSE;
}

static const char *
visible_page (DgUiFixture *fixture)
{
  GtkWidget *stack = dg_ui_test_find_by_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK);

  g_assert_nonnull (stack);

  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack));
}

static void
test_journeys_section (DgUiFixture   *fixture,
                       gconstpointer  data)
{
  const char *lecture_name = dg_test_is_korean () ? "공개강의 → 코칭" : "Lecture to coaching";
  const char *trial_name = dg_test_is_korean () ? "체험 수업" : "Trial class";
  const char *reason = dg_test_is_korean () ? "일정이 맞지 않음" : "Schedule did not fit";
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *five_days = g_strdup_printf (ngettext ("%d day in stage", "%d days in stage", 5), 5);
  g_autofree char *dropped = g_strdup_printf (_("Dropped: %s"), reason);
  g_autofree char *screenshot = NULL;
  gint64 lecture, trial, sign_up, lesson, survey, booked, kim, park;
  gint64 lecture_e = 0, trial_e = 0;
  GtkWidget *group;

  lecture = dg_journey_test_add_journey (lecture_name);
  sign_up = dg_journey_test_add_stage (lecture, dg_test_is_korean () ? "신청" : "Sign-up", -1, NULL);
  lesson = dg_journey_test_add_stage (lecture, dg_test_is_korean () ? "강의" : "Lecture", -1, NULL);
  survey = dg_journey_test_add_stage (lecture, dg_test_is_korean () ? "설문" : "Survey", -1, NULL);
  trial = dg_journey_test_add_journey (trial_name);
  booked = dg_journey_test_add_stage (trial, dg_test_is_korean () ? "예약" : "Booked", -1, NULL);
  kim = dg_journey_test_add_customer ("김민수", NULL);
  park = dg_journey_test_add_customer ("박지훈", NULL);

  /* Kim entered both a week ago, went on to the lecture five days ago,
   * and left the trial four days ago. */
  dg_ui_fixture_set_now (fixture, 2026, 11, 17, 10, 0);
  g_assert_true (dg_enrollments_enroll (fixture->database, DG_CLOCK (fixture->clock), kim, sign_up, 0,
                                        &lecture_e, &error));
  g_assert_no_error (error);
  g_assert_true (dg_enrollments_enroll (fixture->database, DG_CLOCK (fixture->clock), kim, booked, 0,
                                        &trial_e, &error));
  g_assert_no_error (error);
  dg_ui_fixture_set_now (fixture, 2026, 11, 19, 10, 0);
  g_object_unref (dg_journey_test_move (lecture_e, lesson));
  dg_ui_fixture_set_now (fixture, 2026, 11, 20, 10, 0);
  undo = dg_enrollments_drop (fixture->database, DG_CLOCK (fixture->clock), &trial_e, 1, reason, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  dg_ui_fixture_set_now (fixture, 2026, 11, 24, 10, 0);

  /* A customer in no journey has no section. */
  show_customer (fixture, park);
  group = page_child (fixture, "journeys_group");
  g_assert_false (gtk_widget_get_visible (group));
  g_assert_null (journey_row (fixture, 0));

  /* The active journey first, then the dropped one with its reason. */
  show_customer (fixture, kim);
  dg_ui_test_wait_for (gtk_widget_get_visible (group));
  g_assert_true (row_says (journey_row (fixture, 0), lecture_name, dg_test_is_korean () ? "강의" : "Lecture"));
  g_assert_true (row_says (journey_row (fixture, 0), lecture_name, five_days));
  g_assert_true (row_says (journey_row (fixture, 1), trial_name, dropped));
  g_assert_null (journey_row (fixture, 2));

  /* Expanded, the lecture row lists its two events. */
  adw_expander_row_set_expanded (journey_row (fixture, 0), TRUE);
  {
    g_autofree char *started = g_strdup_printf (_("Started in %s"), dg_test_is_korean () ? "신청" : "Sign-up");
    g_autofree char *moved = g_strdup_printf ("%s → %s", dg_test_is_korean () ? "신청" : "Sign-up",
                                              dg_test_is_korean () ? "강의" : "Lecture");

    g_assert_true (has_row_titled (GTK_WIDGET (journey_row (fixture, 0)), started));
    g_assert_true (has_row_titled (GTK_WIDGET (journey_row (fixture, 0)), moved));
  }
  screenshot = dg_ui_test_screenshot (GTK_WIDGET (fixture->window), "customer-journeys");
  g_assert_nonnull (screenshot);

  /* Moved elsewhere, the row follows. */
  g_object_unref (dg_journey_test_move (lecture_e, survey));
  dg_ui_test_wait_for (row_says (journey_row (fixture, 0), lecture_name, dg_test_is_korean () ? "설문" : "Survey"));
  g_assert_true (row_says (journey_row (fixture, 0), lecture_name, _("New in stage today")));

  /* Open Board goes to the Journeys page. */
  {
    GtkWidget *button = dg_ui_test_find_button (GTK_WIDGET (journey_row (fixture, 0)), _("Open Board"));

    g_assert_nonnull (button);
    gtk_widget_activate (button);
    dg_ui_test_wait_for (g_strcmp0 (visible_page (fixture), "journeys") == 0);
  }
}

/* Presses Open Board on the trial's row of customer @id's page. */
static void
open_trial_board (DgUiFixture *fixture,
                  gint64       id)
{
  AdwExpanderRow *row = NULL;
  GtkWidget *button;

  show_customer (fixture, id);
  for (guint i = 0; (row = journey_row (fixture, i)) != NULL; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                   dg_test_is_korean () ? "체험 수업" : "Trial class") == 0)
      break;
  g_assert_nonnull (row);
  button = dg_ui_test_find_button (GTK_WIDGET (row), _("Open Board"));
  g_assert_nonnull (button);
  gtk_widget_activate (button);
}

/* Open Board shows the board of the row's journey, not the one the page
 * showed, with every cohort and the card of the customer selected and
 * focused, even when the page was on the map of another journey. */
static void
test_open_board (DgUiFixture   *fixture,
                 gconstpointer  data)
{
  g_autoptr(DgCohort) cohort = NULL;
  g_autoptr(GError) error = NULL;
  DgJourneysView *view;
  DgJourneyColumn *column;
  GtkWidget *card;
  gint64 lecture, trial, sign_up, booked, tried, kim, lee;
  gint64 kim_e = 0, lee_e = 0;

  lecture = dg_journey_test_add_journey (dg_test_is_korean () ? "공개강의 → 코칭" : "Lecture to coaching");
  sign_up = dg_journey_test_add_stage (lecture, dg_test_is_korean () ? "신청" : "Sign-up", -1, NULL);
  trial = dg_journey_test_add_journey (dg_test_is_korean () ? "체험 수업" : "Trial class");
  booked = dg_journey_test_add_stage (trial, dg_test_is_korean () ? "예약" : "Booked", -1, NULL);
  tried = dg_journey_test_add_stage (trial, dg_test_is_korean () ? "체험" : "Tried", -1, NULL);
  cohort = dg_cohort_new (trial, dg_test_is_korean () ? "12월 체험반" : "December trial", NULL);
  g_assert_true (dg_cohorts_insert (fixture->database, cohort, &error));
  g_assert_no_error (error);
  kim = dg_journey_test_add_customer ("김민수", NULL);
  lee = dg_journey_test_add_customer ("이서연", NULL);
  g_assert_true (dg_enrollments_enroll (fixture->database, DG_CLOCK (fixture->clock), lee, booked, cohort->id,
                                        &lee_e, &error));
  g_assert_true (dg_enrollments_enroll (fixture->database, DG_CLOCK (fixture->clock), kim, booked, 0,
                                        &kim_e, &error));
  g_assert_no_error (error);
  g_object_unref (dg_journey_test_move (kim_e, tried));
  g_assert_true (dg_enrollments_enroll (fixture->database, DG_CLOCK (fixture->clock), kim, sign_up, 0,
                                        NULL, &error));
  g_assert_no_error (error);

  /* The page shows the first journey, as a map. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "journeys"));
  dg_ui_test_wait_for ((view = DG_JOURNEYS_VIEW (dg_window_get_page (fixture->window, "journeys"))) != NULL);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (dg_ui_test_find_by_id (GTK_WIDGET (view), "map_toggle")), TRUE);
  g_assert_cmpint (dg_journeys_view_get_journey_id (view), ==, lecture);

  open_trial_board (fixture, kim);
  dg_ui_test_wait_for (g_strcmp0 (visible_page (fixture), "journeys") == 0);
  g_assert_cmpint (dg_journeys_view_get_journey_id (view), ==, trial);
  g_assert_cmpint (dg_journeys_view_get_cohort_id (view), ==, 0);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (dg_ui_test_find_by_id (GTK_WIDGET (view),
                                                                                          "map_toggle"))));
  g_assert_cmpuint (dg_journeys_view_get_n_columns (view), ==, 2);
  column = DG_JOURNEY_COLUMN (dg_journeys_view_get_column (view, 1));
  {
    g_autoptr(GArray) selected = dg_journeys_view_get_selected_ids (view);

    g_assert_cmpuint (selected->len, ==, 1);
    g_assert_cmpint (g_array_index (selected, gint64, 0), ==, kim_e);
  }
  dg_ui_test_wait_for ((card = dg_journey_column_find_card (column, kim_e)) != NULL
                       && gtk_widget_has_focus (gtk_widget_get_parent (card)));
  dg_ui_test_wait_painted (GTK_WIDGET (view), 2);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (fixture->window), "customer-journeys-open-board"));

  /* The board shows only Lee's cohort now, which would hide Kim: Open
   * Board shows every cohort. */
  g_assert_true (dg_journeys_view_set_cohort_id (view, cohort->id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "journeys.clear-selection", NULL));
  open_trial_board (fixture, kim);
  dg_ui_test_wait_for (g_strcmp0 (visible_page (fixture), "journeys") == 0);
  g_assert_cmpint (dg_journeys_view_get_cohort_id (view), ==, 0);
  {
    g_autoptr(GArray) selected = dg_journeys_view_get_selected_ids (view);

    g_assert_cmpuint (selected->len, ==, 1);
    g_assert_cmpint (g_array_index (selected, gint64, 0), ==, kim_e);
  }
  g_assert_cmpint (lee_e, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Seoul", TRUE);
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  DG_UI_TEST_ADD ("/ui/customer-journeys/section", test_journeys_section);
  DG_UI_TEST_ADD ("/ui/customer-journeys/open-board", test_open_board);

  return g_test_run ();
}
