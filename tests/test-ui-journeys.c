/* test-ui-journeys.c
 *
 * The Journeys page in the real window: Alt+3 shows it; a journey of
 * three stages shows its columns with their counts and figures and each
 * customer's card (a stuck one in the warning style); a card moves by
 * Ctrl+Right, from its menu and by a drop on another column; a whole
 * column, selected with Ctrl+A, moves at once and comes back with the
 * toast's Undo; a card is dropped with a reason and a customer enrolled
 * from the header, or from the Customers page (the customers selected in
 * the list, or the one shown); without journeys the page says how to start, and
 * creates one, or, while there is no customer either, loads the demo data.
 * Each case has a database and window of its own
 * (dg-ui-fixture.h); the board is saved as a screenshot.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-customer-picker.h"
#include "dg-journey-card.h"
#include "dg-journey-column.h"
#include "dg-journey-test-util.h"
#include "dg-journeys-view.h"
#include "dg-test-util.h"
#include "dg-ui-fixture.h"
#include "dg-ui-test-util.h"

static const DgUiFixtureOptions journeys_page = {
  .page = "journeys",
};

typedef struct
{
  gint64 journey;
  gint64 stages[3];
  gint64 cohort;
  gint64 kim, lee, park, nancy;   /* customers */
  gint64 kim_e, lee_e, park_e, nancy_e;   /* their enrollments */
} Board;

/* A lecture journey: Kim and Lee signed up a week ago (stuck: the stage's
 * usual days are 5), Park four days ago, Nancy went on to the lecture
 * yesterday; no one is at the survey yet. Kim has a follow-up tomorrow. */
static void
add_board (DgUiFixture *fixture,
           Board       *board)
{
  g_autoptr(DgJourney) journey = dg_journey_new (dg_test_is_korean () ? "공개강의 → 코칭" : "Lecture to coaching");
  g_autoptr(DgCohort) cohort = NULL;
  g_autoptr(DgFollowup) followup = dg_followup_new ();
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_journeys_insert (fixture->database, journey, &error));
  g_assert_no_error (error);
  board->journey = journey->id;
  board->stages[0] = dg_journey_test_add_stage (journey->id, dg_test_is_korean () ? "신청" : "Sign-up", 5,
                                                NULL);
  board->stages[1] = dg_journey_test_add_stage (journey->id, dg_test_is_korean () ? "강의" : "Lecture", -1,
                                                NULL);
  board->stages[2] = dg_journey_test_add_stage (journey->id, dg_test_is_korean () ? "설문" : "Survey", 3,
                                                NULL);
  cohort = dg_cohort_new (journey->id, dg_test_is_korean () ? "12/15 공개강의 기수" : "Dec 15 lecture", "2026-12-15");
  g_assert_true (dg_cohorts_insert (fixture->database, cohort, &error));
  g_assert_no_error (error);
  board->cohort = cohort->id;

  board->kim = dg_journey_test_add_customer ("김민수", NULL);
  board->lee = dg_journey_test_add_customer ("이서연", NULL);
  board->park = dg_journey_test_add_customer ("박지훈", NULL);
  board->nancy = dg_journey_test_add_customer ("Nancy Baker", NULL);

  dg_ui_fixture_set_now (fixture, 2026, 11, 17, 10, 0);
  board->kim_e = dg_journey_test_enroll (board->kim, board->stages[0], board->cohort);
  board->lee_e = dg_journey_test_enroll (board->lee, board->stages[0], board->cohort);
  dg_ui_fixture_set_now (fixture, 2026, 11, 20, 10, 0);
  board->park_e = dg_journey_test_enroll (board->park, board->stages[0], 0);
  dg_ui_fixture_set_now (fixture, 2026, 11, 22, 10, 0);
  board->nancy_e = dg_journey_test_enroll (board->nancy, board->stages[0], board->cohort);
  dg_ui_fixture_set_now (fixture, 2026, 11, 23, 10, 0);
  undo = dg_enrollments_move (fixture->database, DG_CLOCK (fixture->clock), &board->nancy_e, 1,
                              board->stages[1], &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  dg_ui_fixture_set_now (fixture, 2026, 11, 24, 10, 0);

  dg_followup_set_customer_id (followup, board->kim);
  dg_followup_set_title (followup, dg_test_is_korean () ? "안내 문자 보내기" : "Send the guidance text");
  dg_followup_set_due_date (followup, "2026-11-25");
  g_assert_true (dg_followups_insert (fixture->database, DG_CLOCK (fixture->clock), followup, &error));
  g_assert_no_error (error);
}

/* Shows the page with the board, and waits for its three columns and the
 * first card. */
static void
show_board (DgUiFixture *fixture,
            Board       *board)
{
  add_board (fixture, board);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "journeys"));
  dg_ui_test_wait_for (dg_ui_fixture_get_journeys_view (fixture) != NULL && dg_journeys_view_get_n_columns (dg_ui_fixture_get_journeys_view (fixture)) == 3);
  dg_ui_test_wait_painted (GTK_WIDGET (dg_ui_fixture_get_journeys_view (fixture)), 2);
  dg_ui_test_wait_for (dg_journey_column_find_card (dg_ui_fixture_get_journey_column (fixture, 0), board->kim_e) != NULL);
}

static GtkWidget *
wait_for_card (DgUiFixture *fixture,
               guint        column,
               gint64       enrollment)
{
  GtkWidget *card;

  dg_ui_test_wait_for ((card = dg_journey_column_find_card (dg_ui_fixture_get_journey_column (fixture, column), enrollment)) != NULL);

  return card;
}

static void
assert_counts (DgUiFixture *fixture,
               const char  *first,
               const char  *second,
               const char  *third)
{
  dg_ui_test_wait_for (g_strcmp0 (dg_journey_column_get_count_text (dg_ui_fixture_get_journey_column (fixture, 0)), first) == 0);
  dg_ui_test_wait_for (g_strcmp0 (dg_journey_column_get_count_text (dg_ui_fixture_get_journey_column (fixture, 1)), second) == 0);
  dg_ui_test_wait_for (g_strcmp0 (dg_journey_column_get_count_text (dg_ui_fixture_get_journey_column (fixture, 2)), third) == 0);
}

static void
press_undo (DgUiFixture *fixture)
{
  GtkWidget *undo;

  dg_ui_test_wait_for ((undo = dg_ui_test_find_button (GTK_WIDGET (fixture->window), _("Undo"))) != NULL);
  gtk_widget_activate (undo);
  dg_ui_test_flush ();
}

static void
test_page_shortcut (DgUiFixture   *fixture,
                    gconstpointer  data)
{
  AdwViewStack *stack = ADW_VIEW_STACK (dg_ui_test_find_by_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK));

  dg_ui_test_wait_painted (GTK_WIDGET (fixture->window), 1);
  g_assert_null (dg_ui_test_find_by_type (GTK_WIDGET (fixture->window), DG_TYPE_JOURNEYS_VIEW));

  if (dg_ui_test_can_send_input ())
    dg_ui_test_send_keys (GTK_WIDGET (fixture->window), "alt+3");
  else
    g_free (dg_ui_test_press_shortcut (GTK_WIDGET (fixture->window), "<Alt>3"));
  dg_ui_test_wait_for (g_strcmp0 (adw_view_stack_get_visible_child_name (stack), "journeys") == 0);
  dg_ui_test_wait_for (dg_ui_fixture_get_journeys_view (fixture) != NULL && gtk_widget_get_mapped (GTK_WIDGET (dg_ui_fixture_get_journeys_view (fixture))));
}

static void
test_empty (DgUiFixture   *fixture,
            gconstpointer  data)
{
  DgJourneysView *view = dg_ui_fixture_get_journeys_view (fixture);
  GtkStack *stack = GTK_STACK (dg_ui_test_find_by_id (GTK_WIDGET (view), "stack"));
  g_autoptr(GPtrArray) journeys = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  GtkWidget *create;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  dg_ui_test_wait_painted (GTK_WIDGET (view), 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_false (gtk_widget_get_visible (dg_ui_test_find_by_id (GTK_WIDGET (view), "toolbar")));
  create = dg_ui_test_find_button (GTK_WIDGET (view), _("Create a Journey"));
  g_assert_nonnull (create);
  g_assert_true (gtk_widget_get_mapped (create));
  g_assert_true (gtk_widget_get_mapped (dg_ui_test_find_button (GTK_WIDGET (view),
                                                                _("Load Demo Data"))));
  g_free (dg_ui_test_screenshot (GTK_WIDGET (fixture->window), "journeys-empty"));

  /* It asks for a name, then shows the new journey with its first
   * stages. */
  gtk_widget_activate (create);
  dg_ui_test_wait_for ((dialog = ADW_MESSAGE_DIALOG (dg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG))) != NULL);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  entry = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Study group");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "create"));
  adw_message_dialog_response (dialog, "create");
  gtk_window_destroy (GTK_WINDOW (dialog));

  journeys = dg_journeys_list (fixture->database, NULL);
  g_assert_cmpuint (journeys->len, ==, 1);
  g_assert_cmpstr (((DgJourney *) journeys->pdata[0])->name, ==, "Study group");
  stages = dg_stages_list (fixture->database, ((DgJourney *) journeys->pdata[0])->id, NULL);
  g_assert_cmpuint (stages->len, ==, 3);
  g_assert_cmpstr (((DgStage *) stages->pdata[0])->name, ==, _("First Contact"));

  dg_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "board") == 0);
  g_assert_cmpint (dg_journeys_view_get_journey_id (view), ==, ((DgJourney *) journeys->pdata[0])->id);
  g_assert_cmpuint (dg_journeys_view_get_n_columns (view), ==, 3);
  g_assert_true (gtk_widget_get_visible (dg_ui_test_find_by_id (GTK_WIDGET (view), "toolbar")));
}

static gboolean
demo_offered (DgJourneysView *view)
{
  GtkWidget *button = dg_ui_test_find_button (GTK_WIDGET (view), _("Load Demo Data"));

  return button != NULL && gtk_widget_get_mapped (button);
}

/* Without journeys, the page offers the demo data as long as there is no
 * customer, which is when it can be loaded; its button loads it and the
 * page shows the demo's board. */
static void
test_empty_demo (DgUiFixture   *fixture,
                 gconstpointer  data)
{
  DgJourneysView *view = dg_ui_fixture_get_journeys_view (fixture);
  GtkStack *stack = GTK_STACK (dg_ui_test_find_by_id (GTK_WIDGET (view), "stack"));
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *button;

  dg_ui_test_wait_painted (GTK_WIDGET (view), 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_true (demo_offered (view));

  dg_customer_set_name (customer, "김민수");
  g_assert_true (dg_customers_insert (fixture->database, customer, &error));
  g_assert_no_error (error);
  dg_ui_test_wait_for (!demo_offered (view));
  g_assert_true (dg_customers_delete (fixture->database, dg_customer_get_id (customer), &error));
  g_assert_no_error (error);
  dg_ui_test_wait_for (demo_offered (view));

  button = dg_ui_test_find_button (GTK_WIDGET (view), _("Load Demo Data"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.load-demo");
  gtk_widget_activate (button);
  dg_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "board") == 0);
  dg_ui_test_wait_for (dg_journeys_view_get_n_columns (view) == 7);
  g_assert_false (demo_offered (view));
}

static void
test_board (DgUiFixture   *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) figures = NULL;
  g_autofree char *median = NULL;
  DgJourneysView *view;
  GtkWidget *kim, *park, *nancy;
  Board board;

  show_board (fixture, &board);
  view = dg_ui_fixture_get_journeys_view (fixture);
  g_assert_cmpint (dg_journeys_view_get_journey_id (view), ==, board.journey);

  /* The stages left to right, with their customers now. */
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (dg_journey_column_get_stage_id (dg_ui_fixture_get_journey_column (fixture, i)), ==, board.stages[i]);
  assert_counts (fixture, "3", "1", "0");

  /* Longest in the stage first: Kim and Lee, then Park. */
  g_assert_cmpint (dg_id_list_get_id (DG_ID_LIST (dg_journey_column_get_model (dg_ui_fixture_get_journey_column (fixture, 0))), 2), ==,
                   board.park_e);

  /* The figures are the core's: a quarter of those who signed up went on
   * to the lecture. */
  {
    g_autofree char *expected = g_strdup_printf (_("%d%% from previous"), 25);

    dg_ui_test_wait_for (g_strcmp0 (dg_journey_column_get_conversion_text (dg_ui_fixture_get_journey_column (fixture, 1)), expected) == 0);
  }
  g_assert_cmpstr (dg_journey_column_get_conversion_text (dg_ui_fixture_get_journey_column (fixture, 0)), ==, "");
  figures = dg_journey_analytics (fixture->database, DG_CLOCK (fixture->clock), board.journey, 0, NULL);
  median = g_strdup_printf (_("Median %.1f days"), ((DgStageFigures *) figures->pdata[0])->median_days);
  g_assert_cmpstr (dg_journey_column_get_median_text (dg_ui_fixture_get_journey_column (fixture, 0)), ==, median);

  /* Cards: the name, the days in the stage, stuck ones in the warning
   * style, and the next follow-up. */
  kim = wait_for_card (fixture, 0, board.kim_e);
  park = wait_for_card (fixture, 0, board.park_e);
  nancy = wait_for_card (fixture, 1, board.nancy_e);
  g_assert_cmpstr (dg_enrollment_card_get_customer_name (dg_journey_card_get_item (DG_JOURNEY_CARD (kim))),
                   ==, "김민수");
  {
    g_autofree char *stuck = g_strdup_printf (ngettext ("%d day in stage, stuck", "%d days in stage, stuck", 7), 7);
    g_autofree char *fresh = g_strdup_printf (ngettext ("%d day in stage", "%d days in stage", 4), 4);
    g_autofree char *next = g_strdup_printf (_("Next: %1$s, %2$s"), _("Tomorrow"),
                                            dg_test_is_korean () ? "안내 문자 보내기" : "Send the guidance text");

    g_assert_cmpstr (dg_journey_card_get_days_text (DG_JOURNEY_CARD (kim)), ==, stuck);
    g_assert_cmpstr (dg_journey_card_get_days_text (DG_JOURNEY_CARD (park)), ==, fresh);
    g_assert_cmpstr (dg_journey_card_get_followup_text (DG_JOURNEY_CARD (kim)), ==, next);
    g_assert_cmpstr (dg_journey_card_get_followup_text (DG_JOURNEY_CARD (park)), ==, "");
  }
  g_assert_true (gtk_widget_has_css_class (kim, "stuck"));
  g_assert_false (gtk_widget_has_css_class (park, "stuck"));
  /* A stage without usual days never holds stuck cards. */
  g_assert_false (gtk_widget_has_css_class (nancy, "stuck"));

  /* The cohort filter keeps its customers only, in the columns and the
   * figures. */
  g_assert_true (dg_journeys_view_set_cohort_id (view, board.cohort));
  assert_counts (fixture, "2", "1", "0");
  g_assert_null (dg_journey_column_find_card (dg_ui_fixture_get_journey_column (fixture, 0), board.park_e));
  g_free (dg_ui_test_screenshot (GTK_WIDGET (fixture->window), "journeys-board-cohort"));
  g_assert_true (dg_journeys_view_set_cohort_id (view, 0));
  assert_counts (fixture, "3", "1", "0");

  dg_ui_test_wait_painted (GTK_WIDGET (view), 2);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (fixture->window), "journeys-board"));

  /* Activating a card opens its customer. */
  gtk_widget_activate_action (GTK_WIDGET (dg_journey_column_get_list_view (dg_ui_fixture_get_journey_column (fixture, 0))),
                              "list.activate-item", "u", 0);
  dg_ui_test_wait_for (g_strcmp0 (adw_view_stack_get_visible_child_name (
                                    ADW_VIEW_STACK (dg_ui_test_find_by_type (GTK_WIDGET (fixture->window),
                                                                             ADW_TYPE_VIEW_STACK))),
                                  "customers") == 0);
}

/* Runs the shortcut bound to @accel in @widget's controllers, whatever
 * its action, as pressing it there would. */
static gboolean
press_on (GtkWidget  *widget,
          const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accel);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

static void
test_keyboard_move (DgUiFixture   *fixture,
                    gconstpointer  data)
{
  GtkWidget *card;
  Board board;

  show_board (fixture, &board);
  card = wait_for_card (fixture, 0, board.park_e);

  /* Ctrl+Right on the focused card: to the next stage, the focus with
   * it. */
  gtk_widget_grab_focus (gtk_widget_get_parent (card));
  g_assert_true (gtk_widget_has_focus (gtk_widget_get_parent (card)));
  if (dg_ui_test_can_send_input ())
    dg_ui_test_send_keys (gtk_widget_get_parent (card), "ctrl+Right");
  else
    g_assert_true (press_on (GTK_WIDGET (dg_ui_fixture_get_journey_column (fixture, 0)), "<Control>Right"));
  dg_ui_test_wait_for (dg_journey_test_stage_of (board.park_e) == board.stages[1]);
  assert_counts (fixture, "2", "2", "0");
  card = wait_for_card (fixture, 1, board.park_e);
  dg_ui_test_wait_for (gtk_widget_has_focus (gtk_widget_get_parent (card)));

  /* And back with Ctrl+Left; the first stage has none before it. */
  if (dg_ui_test_can_send_input ())
    dg_ui_test_send_keys (gtk_widget_get_parent (card), "ctrl+Left");
  else
    g_assert_true (press_on (GTK_WIDGET (dg_ui_fixture_get_journey_column (fixture, 1)), "<Control>Left"));
  dg_ui_test_wait_for (dg_journey_test_stage_of (board.park_e) == board.stages[0]);
  card = wait_for_card (fixture, 0, board.park_e);
  dg_ui_test_wait_for (gtk_widget_has_focus (gtk_widget_get_parent (card)));
  g_assert_true (press_on (GTK_WIDGET (dg_ui_fixture_get_journey_column (fixture, 0)), "<Control>Left"));
  dg_ui_test_flush ();
  g_assert_cmpint (dg_journey_test_stage_of (board.park_e), ==, board.stages[0]);
  assert_counts (fixture, "3", "1", "0");
}

/* The item of @menu (or its submenus) labelled @label. */
static gboolean
find_menu_item (GMenuModel  *menu,
                const char  *label,
                char       **out_action,
                GVariant   **out_target)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item_label = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (menu, i);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label) &&
          g_strcmp0 (item_label, label) == 0)
        {
          g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", out_action));
          *out_target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, NULL);
          return TRUE;
        }

      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) link = g_menu_link_iter_get_value (links);

          if (find_menu_item (link, label, out_action, out_target))
            return TRUE;
        }
    }

  return FALSE;
}

/* Activates the item @label of @card's menu, as a click on it does: its
 * action is found from the card. */
static void
activate_card_menu_item (GtkWidget  *card,
                         const char *label)
{
  g_autoptr(GMenuModel) menu = dg_journey_card_build_menu (DG_JOURNEY_CARD (card));
  g_autofree char *action = NULL;
  g_autoptr(GVariant) target = NULL;

  g_assert_true (find_menu_item (menu, label, &action, &target));
  g_assert_true (gtk_widget_activate_action_variant (card, action, target));
}

static void
test_menu_move (DgUiFixture   *fixture,
                gconstpointer  data)
{
  g_autoptr(DgEnrollment) completed = NULL;
  GtkWidget *card;
  Board board;

  show_board (fixture, &board);
  card = wait_for_card (fixture, 0, board.lee_e);

  /* Move To ▸ each other stage, never its own. */
  {
    g_autoptr(GMenuModel) menu = dg_journey_card_build_menu (DG_JOURNEY_CARD (card));
    g_autofree char *action = NULL;
    g_autoptr(GVariant) target = NULL;

    g_assert_false (find_menu_item (menu, dg_test_is_korean () ? "신청" : "Sign-up", &action, &target));
  }

  /* The menu button opens that menu. */
  {
    GtkMenuButton *button = GTK_MENU_BUTTON (dg_ui_test_find_by_type (card, GTK_TYPE_MENU_BUTTON));
    GtkWidget *popover;

    gtk_menu_button_popup (button);
    popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
    g_assert_nonnull (popover);
    dg_ui_test_wait_for (gtk_widget_get_mapped (popover));
    {
      g_autofree char *action = NULL;
      g_autoptr(GVariant) target = NULL;

      g_assert_true (find_menu_item (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)),
                                     _("Mark Completed"), &action, &target));
      g_assert_cmpstr (action, ==, "journeys.complete-card");
      g_assert_cmpint (g_variant_get_int64 (target), ==, board.lee_e);
    }
    g_free (dg_ui_test_screenshot_with_popover (popover, "journeys-card-menu"));
    gtk_menu_button_popdown (button);
  }
  activate_card_menu_item (card, dg_test_is_korean () ? "설문" : "Survey");
  dg_ui_test_wait_for (dg_journey_test_stage_of (board.lee_e) == board.stages[2]);
  assert_counts (fixture, "2", "1", "1");

  /* Mark Completed: off the board, completed in the core. */
  card = wait_for_card (fixture, 2, board.lee_e);
  activate_card_menu_item (card, _("Mark Completed"));
  completed = dg_journey_test_get_enrollment (board.lee_e);
  g_assert_cmpint (completed->status, ==, DG_ENROLLMENT_COMPLETED);
  assert_counts (fixture, "2", "1", "0");

  /* Drop… asks for the reason first. */
  {
    g_autoptr(DgEnrollment) dropped = NULL;
    AdwMessageDialog *dialog;

    card = wait_for_card (fixture, 1, board.nancy_e);
    activate_card_menu_item (card, _("Drop…"));
    dg_ui_test_wait_for ((dialog = ADW_MESSAGE_DIALOG (dg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG))) != NULL);
    g_assert_cmpint (dg_journey_test_stage_of (board.nancy_e), ==, board.stages[1]);
    gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)),
                           dg_test_is_korean () ? "일정이 맞지 않음" : "Dates did not fit");
    dg_ui_test_wait_painted (GTK_WIDGET (dialog), 2);
    g_free (dg_ui_test_screenshot (GTK_WIDGET (dialog), "journeys-drop-dialog"));
    adw_message_dialog_response (dialog, "drop");
    gtk_window_destroy (GTK_WINDOW (dialog));

    dropped = dg_journey_test_get_enrollment (board.nancy_e);
    g_assert_cmpint (dropped->status, ==, DG_ENROLLMENT_DROPPED);
    g_assert_cmpstr (dropped->drop_reason, ==, dg_test_is_korean () ? "일정이 맞지 않음" : "Dates did not fit");
    assert_counts (fixture, "2", "0", "0");
  }
}

static void
test_drop_on_column (DgUiFixture   *fixture,
                     gconstpointer  data)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GtkWidget *card;
  Board board;

  show_board (fixture, &board);
  card = wait_for_card (fixture, 0, board.kim_e);

  /* The drag carries the enrollment; the third column's drop target takes
   * it there. */
  g_value_init (&value, G_TYPE_INT64);
  dg_ui_test_drag_value (card, &value);
  g_assert_cmpint (g_value_get_int64 (&value), ==, board.kim_e);
  g_assert_true (dg_ui_test_drop_value (GTK_WIDGET (dg_ui_fixture_get_journey_column (fixture, 2)), &value));
  dg_ui_test_wait_for (dg_journey_test_stage_of (board.kim_e) == board.stages[2]);
  assert_counts (fixture, "2", "1", "1");
  wait_for_card (fixture, 2, board.kim_e);

  /* A drop on its own column changes nothing. */
  g_assert_true (dg_ui_test_drop_value (GTK_WIDGET (dg_ui_fixture_get_journey_column (fixture, 2)), &value));
  dg_ui_test_flush ();
  assert_counts (fixture, "2", "1", "1");
}

static guint
n_selected (DgUiFixture *fixture,
            guint        column)
{
  return dg_id_selection_get_n_selected (dg_journey_column_get_selection (dg_ui_fixture_get_journey_column (fixture, column)));
}

/* With the real pointer: a card dragged onto another column moves there
 * (its drag ends after its row went); a click picks one card on the whole
 * board, Ctrl+click adds cards of other columns, Shift+click a range; a
 * selected card dragged takes the selection along. */
static void
test_pointer (DgUiFixture   *fixture,
              gconstpointer  data)
{
  DgJourneysView *view;
  int double_click_time;
  Board board;

  if (!dg_ui_test_can_send_input ())
    {
      g_test_skip ("No X server to send input to");
      return;
    }

  /* Every click here is a single one, even on a card clicked a moment
   * before: a second click within the double-click time would open the
   * customer. */
  g_object_get (gtk_settings_get_default (), "gtk-double-click-time", &double_click_time, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-double-click-time", 1, NULL);

  show_board (fixture, &board);
  view = dg_ui_fixture_get_journeys_view (fixture);

  /* Kim's card onto the third column; nothing else moves. */
  dg_ui_test_drag_pointer (wait_for_card (fixture, 0, board.kim_e), GTK_WIDGET (dg_ui_fixture_get_journey_column (fixture, 2)));
  dg_ui_test_wait_for (dg_journey_test_stage_of (board.kim_e) == board.stages[2]);
  assert_counts (fixture, "2", "1", "1");
  g_assert_cmpint (dg_journey_test_stage_of (board.lee_e), ==, board.stages[0]);

  dg_ui_test_click (wait_for_card (fixture, 2, board.kim_e));
  dg_ui_test_wait_for (n_selected (fixture, 2) == 1);
  dg_ui_test_click_with (wait_for_card (fixture, 1, board.nancy_e), "ctrl");
  dg_ui_test_wait_for (n_selected (fixture, 1) == 1);
  g_assert_cmpuint (n_selected (fixture, 2), ==, 1);
  {
    g_autoptr(GArray) ids = dg_journeys_view_get_selected_ids (view);

    g_assert_cmpuint (ids->len, ==, 2);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, board.nancy_e);
    g_assert_cmpint (g_array_index (ids, gint64, 1), ==, board.kim_e);
  }

  /* A plain click: that card alone, on the whole board. */
  dg_ui_test_click (wait_for_card (fixture, 0, board.lee_e));
  dg_ui_test_wait_for (n_selected (fixture, 0) == 1 && n_selected (fixture, 1) == 0 && n_selected (fixture, 2) == 0);
  g_assert_true (dg_id_selection_is_id_selected (dg_journey_column_get_selection (dg_ui_fixture_get_journey_column (fixture, 0)),
                                                 board.lee_e));

  /* Dragging a selected card takes the whole selection along, from every
   * column. */
  dg_ui_test_click_with (wait_for_card (fixture, 1, board.nancy_e), "ctrl");
  dg_ui_test_wait_for (n_selected (fixture, 1) == 1);
  g_assert_cmpuint (n_selected (fixture, 0), ==, 1);
  /* The pointer starts dragging once the board shows the selection. */
  dg_ui_test_wait_painted (GTK_WIDGET (view), 2);
  dg_ui_test_drag_pointer (wait_for_card (fixture, 0, board.lee_e), GTK_WIDGET (dg_ui_fixture_get_journey_column (fixture, 2)));
  dg_ui_test_wait_for (dg_journey_test_stage_of (board.lee_e) == board.stages[2]);
  g_assert_cmpint (dg_journey_test_stage_of (board.nancy_e), ==, board.stages[2]);
  g_assert_cmpint (dg_journey_test_stage_of (board.park_e), ==, board.stages[0]);
  assert_counts (fixture, "1", "0", "3");

  /* Shift+click selects the cards between the last one picked and this. */
  dg_ui_test_click (wait_for_card (fixture, 2, board.kim_e));
  dg_ui_test_wait_for (n_selected (fixture, 2) == 1);
  dg_ui_test_click_with (wait_for_card (fixture, 2, board.lee_e), "shift");
  dg_ui_test_wait_for (n_selected (fixture, 2) == 3);

  g_object_set (gtk_settings_get_default (), "gtk-double-click-time", double_click_time, NULL);
}

static void
test_bulk_move_undo (DgUiFixture   *fixture,
                     gconstpointer  data)
{
  DgJourneysView *view;
  GtkListView *list;
  GtkWidget *label;
  Board board;

  show_board (fixture, &board);
  view = dg_ui_fixture_get_journeys_view (fixture);
  list = dg_journey_column_get_list_view (dg_ui_fixture_get_journey_column (fixture, 0));

  /* Ctrl+A in the first column selects the whole column. */
  gtk_widget_grab_focus (gtk_widget_get_parent (wait_for_card (fixture, 0, board.kim_e)));
  if (dg_ui_test_can_send_input ())
    dg_ui_test_send_keys (GTK_WIDGET (list), "ctrl+a");
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.select-all", NULL));
  dg_ui_test_wait_for (dg_id_selection_get_n_selected (dg_journey_column_get_selection (dg_ui_fixture_get_journey_column (fixture, 0))) == 3);
  dg_ui_test_wait_for (gtk_revealer_get_child_revealed (GTK_REVEALER (dg_ui_test_find_by_id (GTK_WIDGET (view),
                                                                                            "selection_revealer"))));
  label = dg_ui_test_find_by_id (GTK_WIDGET (view), "selection_label");
  {
    g_autofree char *expected = g_strdup_printf (ngettext ("%u selected", "%u selected", 3), 3);

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected);
  }
  dg_ui_test_wait_painted (GTK_WIDGET (view), 2);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (fixture->window), "journeys-selection"));

  /* The selection bar moves all of them, in one go. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "journeys.move-selected", "x", board.stages[2]));
  g_assert_cmpint (dg_journey_test_stage_of (board.kim_e), ==, board.stages[2]);
  g_assert_cmpint (dg_journey_test_stage_of (board.lee_e), ==, board.stages[2]);
  g_assert_cmpint (dg_journey_test_stage_of (board.park_e), ==, board.stages[2]);
  g_assert_cmpint (dg_journey_test_stage_of (board.nancy_e), ==, board.stages[1]);
  assert_counts (fixture, "0", "1", "3");
  dg_ui_test_wait_for (!gtk_revealer_get_reveal_child (GTK_REVEALER (dg_ui_test_find_by_id (GTK_WIDGET (view),
                                                                                          "selection_revealer"))));

  /* One Undo brings every card back. */
  press_undo (fixture);
  dg_ui_test_wait_for (dg_journey_test_stage_of (board.kim_e) == board.stages[0]);
  g_assert_cmpint (dg_journey_test_stage_of (board.lee_e), ==, board.stages[0]);
  g_assert_cmpint (dg_journey_test_stage_of (board.park_e), ==, board.stages[0]);
  assert_counts (fixture, "3", "1", "0");

  /* A card's menu acts on the whole selection it is part of. */
  gtk_widget_activate_action (GTK_WIDGET (list), "list.select-all", NULL);
  dg_ui_test_wait_for (dg_id_selection_get_n_selected (dg_journey_column_get_selection (dg_ui_fixture_get_journey_column (fixture, 0))) == 3);
  activate_card_menu_item (wait_for_card (fixture, 0, board.lee_e), _("Mark Completed"));
  assert_counts (fixture, "0", "1", "0");
  press_undo (fixture);
  assert_counts (fixture, "3", "1", "0");
}

static void
test_enroll (DgUiFixture   *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) enrollments = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *picker;
  gint64 newcomer;
  Board board;

  show_board (fixture, &board);
  newcomer = dg_journey_test_add_customer ("최유진", NULL);
  g_assert_true (dg_journeys_view_set_cohort_id (dg_ui_fixture_get_journeys_view (fixture), board.cohort));

  gtk_widget_activate (dg_ui_test_find_by_id (GTK_WIDGET (dg_ui_fixture_get_journeys_view (fixture)), "add_button"));
  dg_ui_test_wait_for ((dialog = ADW_MESSAGE_DIALOG (dg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG))) != NULL);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "enroll"));
  picker = adw_message_dialog_get_extra_child (dialog);
  dg_customer_picker_set_customer_id (DG_CUSTOMER_PICKER (picker), newcomer);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "enroll"));
  dg_ui_test_wait_painted (GTK_WIDGET (dialog), 2);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (dialog), "journeys-enroll-dialog"));
  adw_message_dialog_response (dialog, "enroll");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* In the first stage, in the cohort shown. */
  enrollments = dg_enrollments_list_for_customer (fixture->database, newcomer, NULL);
  g_assert_cmpuint (enrollments->len, ==, 1);
  g_assert_cmpint (((DgEnrollment *) enrollments->pdata[0])->stage_id, ==, board.stages[0]);
  g_assert_cmpint (((DgEnrollment *) enrollments->pdata[0])->cohort_id, ==, board.cohort);
  assert_counts (fixture, "3", "1", "0");
}

static guint
n_enrollments (DgUiFixture *fixture,
               gint64       customer,
               gint64       stage,
               gint64       cohort)
{
  g_autoptr(GPtrArray) enrollments = dg_enrollments_list_for_customer (fixture->database, customer, NULL);
  guint n = 0;

  for (guint i = 0; i < enrollments->len; i++)
    {
      DgEnrollment *enrollment = g_ptr_array_index (enrollments, i);

      if (enrollment->stage_id == stage && enrollment->cohort_id == cohort &&
          enrollment->status == DG_ENROLLMENT_ACTIVE)
        n++;
    }

  return n;
}

static AdwMessageDialog *
wait_for_dialog (void)
{
  AdwMessageDialog *dialog;

  dg_ui_test_wait_for ((dialog = ADW_MESSAGE_DIALOG (dg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG))) != NULL);
  dg_ui_test_wait_painted (GTK_WIDGET (dialog), 2);

  return dialog;
}

/* The customers selected in the list, and the customer of a customer
 * page, start a journey from the Customers page. */
static void
test_enroll_from_customers (DgUiFixture   *fixture,
                            gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkWidget *customers;
  GtkWidget *box;
  gint64 choi, jung;
  Board board;

  add_board (fixture, &board);
  choi = dg_journey_test_add_customer ("최유진", NULL);
  jung = dg_journey_test_add_customer ("정하늘", NULL);

  /* Everyone in the list: those already in the journey stay where they
   * are; the two others start in the first stage, in the cohort chosen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "customers"));
  dg_ui_test_wait_for ((customers = dg_window_get_page (fixture->window, "customers")) != NULL &&
                       gtk_widget_get_mapped (customers));
  dg_ui_test_wait_painted (customers, 2);
  dg_ui_test_wait_for (gtk_widget_activate_action (customers, "customers.select-all", NULL) &&
                       gtk_widget_is_visible (dg_ui_test_find_by_id (customers, "selection_revealer")));
  g_assert_true (gtk_widget_activate_action (customers, "customers.bulk-enroll", NULL));
  dialog = wait_for_dialog ();
  box = adw_message_dialog_get_extra_child (dialog);
  {
    GtkWidget *journeys = gtk_widget_get_first_child (box);
    GtkWidget *cohorts = gtk_widget_get_next_sibling (journeys);

    g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (journeys)), ==, 0);
    g_assert_true (gtk_widget_get_visible (cohorts));
    gtk_drop_down_set_selected (GTK_DROP_DOWN (cohorts), 1);
  }
  g_free (dg_ui_test_screenshot (GTK_WIDGET (dialog), "journeys-enroll-selection"));
  adw_message_dialog_response (dialog, "enroll");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_cmpuint (n_enrollments (fixture, choi, board.stages[0], board.cohort), ==, 1);
  g_assert_cmpuint (n_enrollments (fixture, jung, board.stages[0], board.cohort), ==, 1);
  g_assert_cmpint (dg_journey_test_stage_of (board.nancy_e), ==, board.stages[1]);
  g_assert_cmpint (dg_journey_test_stage_of (board.park_e), ==, board.stages[0]);

  /* One Undo takes both out again. */
  press_undo (fixture);
  dg_ui_test_wait_for (n_enrollments (fixture, choi, board.stages[0], board.cohort) == 0);
  g_assert_cmpuint (n_enrollments (fixture, jung, board.stages[0], board.cohort), ==, 0);
  g_assert_cmpint (dg_journey_test_stage_of (board.park_e), ==, board.stages[0]);

  /* From the page of one customer, without a cohort. */
  gtk_widget_activate_action (customers, "customers.select-none", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-customer", "x", choi));
  g_assert_true (gtk_widget_activate_action (customers, "customers.enroll", NULL));
  dialog = wait_for_dialog ();
  adw_message_dialog_response (dialog, "enroll");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (n_enrollments (fixture, choi, board.stages[0], 0), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  DG_UI_TEST_ADD ("/ui/journeys/page-shortcut", test_page_shortcut);
  DG_UI_TEST_ADD_WITH ("/ui/journeys/empty", &journeys_page, test_empty);
  DG_UI_TEST_ADD_WITH ("/ui/journeys/empty-demo", &journeys_page, test_empty_demo);
  DG_UI_TEST_ADD ("/ui/journeys/board", test_board);
  DG_UI_TEST_ADD ("/ui/journeys/keyboard-move", test_keyboard_move);
  DG_UI_TEST_ADD ("/ui/journeys/menu-move", test_menu_move);
  DG_UI_TEST_ADD ("/ui/journeys/drop-on-column", test_drop_on_column);
  DG_UI_TEST_ADD ("/ui/journeys/bulk-move-undo", test_bulk_move_undo);
  DG_UI_TEST_ADD ("/ui/journeys/pointer", test_pointer);
  DG_UI_TEST_ADD ("/ui/journeys/enroll", test_enroll);
  DG_UI_TEST_ADD ("/ui/journeys/enroll-from-customers", test_enroll_from_customers);

  return g_test_run ();
}
