/* test-ui-journey-editor.c
 *
 * Editing journeys on the Journeys page, in the real window: without
 * journeys the page offers the shipped templates (DANGOL_SEEDS_DIR) and
 * using one shows its board; the journey menu renames, duplicates with
 * and without customers, and deletes a journey whose toast's Undo brings
 * it back with its enrollments; the stages dialog adds, renames, moves
 * and removes stages, asking where the customers of a removed stage go;
 * the cohorts dialog adds a cohort with a date and archives it. The
 * empty page and the stages dialog are saved as screenshots.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-cohorts-dialog.h"
#include "dg-field-row.h"
#include "dg-journey-test-util.h"
#include "dg-journeys-view.h"
#include "dg-stages-dialog.h"
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
  gint64 kim_e, lee_e;
} Board;

/* A journey of three stages with Kim and Lee in the first, Kim in a
 * cohort; the page shows its board. */
static void
show_board (DgUiFixture *fixture,
            Board       *board)
{
  g_autoptr(DgJourney) journey = dg_journey_new (dg_test_is_korean () ? "공개강의 → 코칭" : "Lecture to coaching");
  g_autoptr(DgCohort) cohort = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_journeys_insert (fixture->database, journey, &error));
  g_assert_no_error (error);
  board->journey = journey->id;
  board->stages[0] = dg_journey_test_add_stage (journey->id, dg_test_is_korean () ? "신청" : "Sign-up", -1,
                                                NULL);
  board->stages[1] = dg_journey_test_add_stage (journey->id, dg_test_is_korean () ? "강의" : "Lecture", -1,
                                                NULL);
  board->stages[2] = dg_journey_test_add_stage (journey->id, dg_test_is_korean () ? "설문" : "Survey", -1,
                                                NULL);
  cohort = dg_cohort_new (journey->id, dg_test_is_korean () ? "12/15 공개강의" : "Dec 15 lecture", "2026-12-15");
  g_assert_true (dg_cohorts_insert (fixture->database, cohort, &error));
  g_assert_no_error (error);
  board->cohort = cohort->id;
  board->kim_e = dg_journey_test_enroll (dg_journey_test_add_customer ("김민수", NULL),
                                         board->stages[0], board->cohort);
  board->lee_e = dg_journey_test_enroll (dg_journey_test_add_customer ("이서연", NULL),
                                         board->stages[0], 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "journeys"));
  dg_ui_test_wait_for (dg_ui_fixture_get_journeys_view (fixture) != NULL && dg_journeys_view_get_n_columns (dg_ui_fixture_get_journeys_view (fixture)) == 3);
  dg_ui_test_wait_painted (GTK_WIDGET (dg_ui_fixture_get_journeys_view (fixture)), 2);
}

/* How many enrollments the stages of @journey hold. */
static guint
count_enrollments (DgUiFixture *fixture,
                   gint64       journey)
{
  g_autoptr(GPtrArray) stages = dg_stages_list (fixture->database, journey, NULL);
  guint total = 0;

  g_assert_nonnull (stages);
  for (guint i = 0; i < stages->len; i++)
    {
      guint count = 0;

      g_assert_true (dg_stages_count_enrollments (fixture->database, ((DgStage *) stages->pdata[i])->id, &count,
                                                  NULL));
      total += count;
    }

  return total;
}

static guint
count_journeys (DgUiFixture *fixture)
{
  g_autoptr(GPtrArray) journeys = dg_journeys_list (fixture->database, NULL);

  return journeys->len;
}

static AdwMessageDialog *
wait_for_message (void)
{
  AdwMessageDialog *dialog;

  dg_ui_test_wait_for ((dialog = ADW_MESSAGE_DIALOG (dg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG))) != NULL);

  return dialog;
}

static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  dg_ui_test_flush ();
}

/* Fills the name dialog in and accepts it. */
static void
answer_name (const char *name)
{
  AdwMessageDialog *dialog = wait_for_message ();

  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), name);
  answer (dialog, "save");
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_templates (DgUiFixture   *fixture,
                gconstpointer  data)
{
  DgJourneysView *view = dg_ui_fixture_get_journeys_view (fixture);
  GtkStack *stack = GTK_STACK (dg_ui_test_find_by_id (GTK_WIDGET (view), "stack"));
  g_autoptr(GPtrArray) templates = dg_journey_templates_list (NULL, NULL, NULL);
  g_autoptr(GPtrArray) journeys = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  DgJourneyTemplate *lecture = NULL;
  GtkListBox *list;
  GtkWidget *use = NULL;

  g_assert_nonnull (templates);
  g_assert_cmpuint (templates->len, ==, 2);
  dg_ui_test_wait_painted (GTK_WIDGET (view), 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_nonnull (dg_ui_test_find_button (GTK_WIDGET (view), _("Create a Journey")));

  /* Each template, in the language of the interface, with what it is
   * for and a button that uses it. */
  list = GTK_LIST_BOX (find_named (GTK_WIDGET (view), "template-list"));
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  for (guint i = 0; i < templates->len; i++)
    {
      DgJourneyTemplate *tmpl = g_ptr_array_index (templates, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      g_assert_nonnull (row);
      g_assert_cmpstr (tmpl->language, ==, dg_test_is_korean () ? "ko" : "en");
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, tmpl->name);
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, tmpl->description);
      if (g_strcmp0 (tmpl->id, "lecture") == 0)
        {
          lecture = tmpl;
          use = dg_ui_test_find_button (GTK_WIDGET (row), _("Use"));
        }
    }
  g_assert_null (gtk_list_box_get_row_at_index (list, templates->len));
  g_assert_nonnull (lecture);
  g_assert_nonnull (use);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (fixture->window), "journey-editor-empty"));

  /* Using it creates the journey with its stages and shows its board. */
  gtk_widget_activate (use);
  dg_ui_test_wait_for (count_journeys (fixture) == 1);
  journeys = dg_journeys_list (fixture->database, NULL);
  g_assert_cmpuint (journeys->len, ==, 1);
  g_assert_cmpstr (((DgJourney *) journeys->pdata[0])->name, ==, lecture->name);
  stages = dg_stages_list (fixture->database, ((DgJourney *) journeys->pdata[0])->id, NULL);
  g_assert_cmpuint (stages->len, ==, lecture->stages->len);
  dg_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "board") == 0);
  g_assert_cmpint (dg_journeys_view_get_journey_id (view), ==, ((DgJourney *) journeys->pdata[0])->id);
  g_assert_cmpuint (dg_journeys_view_get_n_columns (view), ==, lecture->stages->len);

  /* With a journey, the journey menu offers the templates too. */
  {
    GtkMenuButton *button = GTK_MENU_BUTTON (find_named (GTK_WIDGET (view), "journey-menu-button"));
    GMenuModel *menu;
    GMenuModel *section;
    GMenuModel *submenu = NULL;

    g_assert_nonnull (button);
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
    dg_ui_test_wait_painted (GTK_WIDGET (view), 2);
    g_free (dg_ui_test_screenshot (GTK_WIDGET (fixture->window), "journey-editor-template-board"));
    menu = gtk_menu_button_get_menu_model (button);
    section = g_menu_model_get_item_link (menu, 2, G_MENU_LINK_SECTION);
    for (int i = 0; i < g_menu_model_get_n_items (section) && submenu == NULL; i++)
      submenu = g_menu_model_get_item_link (section, i, G_MENU_LINK_SUBMENU);
    g_assert_nonnull (submenu);
    g_assert_cmpint (g_menu_model_get_n_items (submenu), ==, templates->len);
    g_object_unref (submenu);
    g_object_unref (section);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "journeys.use-template", "s", "shop"));
  g_assert_cmpuint (count_journeys (fixture), ==, 2);
  dg_ui_test_wait_for (dg_journeys_view_get_journey_id (view) != ((DgJourney *) journeys->pdata[0])->id);
}

static void
test_journey_menu (DgUiFixture   *fixture,
                   gconstpointer  data)
{
  DgJourneysView *view;
  g_autoptr(DgJourney) renamed = NULL;
  g_autoptr(DgJourney) restored = NULL;
  GtkWidget *dropdown;
  GtkWidget *undo;
  gint64 without, with;
  Board board;

  show_board (fixture, &board);
  view = dg_ui_fixture_get_journeys_view (fixture);
  dropdown = dg_ui_test_find_by_id (GTK_WIDGET (view), "journey_dropdown");

  /* The journey menu, as it shows. */
  {
    GtkMenuButton *button = GTK_MENU_BUTTON (find_named (GTK_WIDGET (view), "journey-menu-button"));
    GtkPopover *popover;

    g_assert_nonnull (button);
    gtk_menu_button_popup (button);
    popover = gtk_menu_button_get_popover (button);
    dg_ui_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (popover)));
    dg_ui_test_wait_painted (GTK_WIDGET (popover), 2);
    g_free (dg_ui_test_screenshot_with_popover (GTK_WIDGET (popover), "journey-editor-menu"));
    gtk_menu_button_popdown (button);
  }

  /* Rename. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "journeys.rename-journey", NULL));
  answer_name (dg_test_is_korean () ? "소모임 여정" : "Study group");
  renamed = dg_journeys_get (fixture->database, board.journey, NULL);
  g_assert_cmpstr (renamed->name, ==, dg_test_is_korean () ? "소모임 여정" : "Study group");
  dg_ui_test_wait_for (g_strcmp0 (gtk_string_object_get_string (gtk_drop_down_get_selected_item (
                                    GTK_DROP_DOWN (dropdown))), renamed->name) == 0);

  /* Duplicate without customers: the copy has the stages, not Kim and
   * Lee, and the board shows it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "journeys.duplicate-journey", NULL));
  answer (wait_for_message (), "without");
  g_assert_cmpuint (count_journeys (fixture), ==, 2);
  dg_ui_test_wait_for (dg_journeys_view_get_journey_id (view) != board.journey);
  without = dg_journeys_view_get_journey_id (view);
  {
    g_autoptr(GPtrArray) stages = dg_stages_list (fixture->database, without, NULL);

    g_assert_cmpuint (stages->len, ==, 3);
  }
  g_assert_cmpuint (count_enrollments (fixture, without), ==, 0);
  g_assert_cmpuint (count_enrollments (fixture, board.journey), ==, 2);

  /* With customers. */
  g_assert_true (dg_journeys_view_show_journey (view, board.journey));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "journeys.duplicate-journey", NULL));
  answer (wait_for_message (), "with");
  g_assert_cmpuint (count_journeys (fixture), ==, 3);
  dg_ui_test_wait_for (dg_journeys_view_get_journey_id (view) != board.journey &&
                       dg_journeys_view_get_journey_id (view) != without);
  with = dg_journeys_view_get_journey_id (view);
  g_assert_cmpuint (count_enrollments (fixture, with), ==, 2);
  g_assert_cmpuint (count_enrollments (fixture, board.journey), ==, 2);

  /* Delete, then Undo: the journey comes back with its enrollments. */
  g_assert_true (dg_journeys_view_show_journey (view, board.journey));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "journeys.delete-journey", NULL));
  g_assert_null (dg_journeys_get (fixture->database, board.journey, NULL));
  g_assert_cmpuint (count_journeys (fixture), ==, 2);
  dg_ui_test_wait_for (dg_journeys_view_get_journey_id (view) != board.journey &&
                       dg_journeys_view_get_journey_id (view) != 0);
  dg_ui_test_wait_for ((undo = dg_ui_test_find_button (GTK_WIDGET (fixture->window), _("Undo"))) != NULL);
  gtk_widget_activate (undo);
  dg_ui_test_wait_for ((restored = dg_journeys_get (fixture->database, board.journey, NULL)) != NULL);
  g_assert_cmpstr (restored->name, ==, renamed->name);
  g_assert_cmpuint (count_enrollments (fixture, board.journey), ==, 2);
  {
    g_autoptr(DgEnrollment) kim = dg_enrollments_get (fixture->database, board.kim_e, NULL);
    g_autoptr(GPtrArray) cohorts = dg_cohorts_list (fixture->database, board.journey, FALSE, NULL);

    g_assert_nonnull (kim);
    g_assert_cmpint (kim->stage_id, ==, board.stages[0]);
    g_assert_cmpint (kim->cohort_id, ==, board.cohort);
    g_assert_cmpuint (cohorts->len, ==, 1);
  }
  dg_ui_test_wait_for (dg_journeys_view_get_journey_id (view) == board.journey &&
                       dg_journeys_view_get_n_columns (view) == 3);
}

static gint64
stage_at (DgUiFixture *fixture,
          gint64       journey,
          guint        position)
{
  g_autoptr(GPtrArray) stages = dg_stages_list (fixture->database, journey, NULL);

  g_assert_cmpuint (position, <, stages->len);

  return ((DgStage *) stages->pdata[position])->id;
}

static guint
count_stages (DgUiFixture *fixture,
              gint64       journey)
{
  g_autoptr(GPtrArray) stages = dg_stages_list (fixture->database, journey, NULL);

  return stages->len;
}

static void
test_stages (DgUiFixture   *fixture,
             gconstpointer  data)
{
  const char *added = dg_test_is_korean () ? "다음 과정 안내" : "Invitation";
  const char *renamed = dg_test_is_korean () ? "다음 과정 초대" : "Next course";
  DgStagesDialog *dialog;
  AdwMessageDialog *ask;
  g_autoptr(DgEnrollment) kim = NULL;
  g_autoptr(DgEnrollment) lee = NULL;
  gint64 new_stage;
  Board board;

  show_board (fixture, &board);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dg_ui_fixture_get_journeys_view (fixture)), "journeys.edit-stages", NULL));
  dg_ui_test_wait_for ((dialog = DG_STAGES_DIALOG (dg_ui_test_find_window (DG_TYPE_STAGES_DIALOG))) != NULL);
  g_assert_cmpuint (dg_stages_dialog_get_n_rows (dialog), ==, 3);
  g_assert_cmpstr (dg_stages_dialog_get_row_title (dialog, 1), ==, dg_test_is_korean () ? "강의" : "Lecture");
  dg_ui_test_wait_painted (GTK_WIDGET (dialog), 2);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (dialog), "journey-editor-stages"));

  /* Add: it comes last, on the board too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "stages.add", NULL));
  answer_name (added);
  g_assert_cmpuint (count_stages (fixture, board.journey), ==, 4);
  new_stage = stage_at (fixture, board.journey, 3);
  dg_ui_test_wait_for (dg_stages_dialog_get_n_rows (dialog) == 4);
  g_assert_cmpstr (dg_stages_dialog_get_row_title (dialog, 3), ==, added);
  dg_ui_test_wait_for (dg_journeys_view_get_n_columns (dg_ui_fixture_get_journeys_view (fixture)) == 4);

  /* Rename. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "stages.rename", "x", new_stage));
  answer_name (renamed);
  {
    g_autoptr(DgStage) stage = dg_stages_get (fixture->database, new_stage, NULL);

    g_assert_cmpstr (stage->name, ==, renamed);
  }
  dg_ui_test_wait_for (g_strcmp0 (dg_stages_dialog_get_row_title (dialog, 3), renamed) == 0);

  /* Up, then down again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "stages.move-up", "x", new_stage));
  g_assert_cmpint (stage_at (fixture, board.journey, 2), ==, new_stage);
  g_assert_cmpint (stage_at (fixture, board.journey, 3), ==, board.stages[2]);
  dg_ui_test_wait_for (g_strcmp0 (dg_stages_dialog_get_row_title (dialog, 2), renamed) == 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "stages.move-down", "x", new_stage));
  g_assert_cmpint (stage_at (fixture, board.journey, 3), ==, new_stage);
  dg_ui_test_wait_for (g_strcmp0 (dg_stages_dialog_get_row_title (dialog, 3), renamed) == 0);

  /* Dragged onto the first row, it takes its place. */
  {
    g_auto(GValue) value = G_VALUE_INIT;

    g_value_init (&value, DG_TYPE_STAGE_REF);
    dg_ui_test_drag_value (dg_stages_dialog_get_row (dialog, 3), &value);
    g_assert_cmpint (((DgStageRef *) g_value_get_boxed (&value))->id, ==, new_stage);
    g_assert_true (dg_ui_test_drop_value (dg_stages_dialog_get_row (dialog, 0), &value));
  }
  g_assert_cmpint (stage_at (fixture, board.journey, 0), ==, new_stage);
  g_assert_cmpint (stage_at (fixture, board.journey, 1), ==, board.stages[0]);
  g_assert_cmpint (stage_at (fixture, board.journey, 3), ==, board.stages[2]);
  dg_ui_test_wait_for (g_strcmp0 (dg_stages_dialog_get_row_title (dialog, 0), renamed) == 0);

  /* An empty stage goes after a plain confirmation. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "stages.remove", "x", new_stage));
  ask = wait_for_message ();
  g_assert_null (adw_message_dialog_get_extra_child (ask));
  answer (ask, "remove");
  g_assert_cmpuint (count_stages (fixture, board.journey), ==, 3);
  dg_ui_test_wait_for (dg_stages_dialog_get_n_rows (dialog) == 3);

  /* One with customers asks where they go: the other stages. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "stages.remove", "x", board.stages[0]));
  ask = wait_for_message ();
  {
    GtkDropDown *dropdown = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (ask));
    GListModel *names;

    g_assert_nonnull (dropdown);
    names = gtk_drop_down_get_model (dropdown);
    g_assert_cmpuint (g_list_model_get_n_items (names), ==, 2);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 1), ==, dg_test_is_korean () ? "설문" : "Survey");
    gtk_drop_down_set_selected (dropdown, 1);
    dg_ui_test_wait_painted (GTK_WIDGET (ask), 2);
    g_free (dg_ui_test_screenshot (GTK_WIDGET (ask), "journey-editor-remove-stage"));
  }
  answer (ask, "remove");
  g_assert_cmpuint (count_stages (fixture, board.journey), ==, 2);
  kim = dg_enrollments_get (fixture->database, board.kim_e, NULL);
  lee = dg_enrollments_get (fixture->database, board.lee_e, NULL);
  g_assert_cmpint (kim->stage_id, ==, board.stages[2]);
  g_assert_cmpint (lee->stage_id, ==, board.stages[2]);
  dg_ui_test_wait_for (dg_stages_dialog_get_n_rows (dialog) == 2);
  dg_ui_test_wait_for (dg_journeys_view_get_n_columns (dg_ui_fixture_get_journeys_view (fixture)) == 2);

  /* The toast's Undo brings the stage back, first again, with its
   * customers in it. */
  {
    GtkWidget *undo;

    dg_ui_test_wait_for ((undo = dg_ui_test_find_button (GTK_WIDGET (dialog), _("Undo"))) != NULL);
    g_free (dg_ui_test_screenshot (GTK_WIDGET (dialog), "journey-editor-stage-removed"));
    gtk_widget_activate (undo);
  }
  dg_ui_test_wait_for (dg_stages_dialog_get_n_rows (dialog) == 3);
  g_assert_cmpint (stage_at (fixture, board.journey, 0), ==, board.stages[0]);
  g_clear_pointer (&kim, dg_enrollment_free);
  kim = dg_enrollments_get (fixture->database, board.kim_e, NULL);
  g_assert_cmpint (kim->stage_id, ==, board.stages[0]);
  dg_ui_test_wait_for (dg_journeys_view_get_n_columns (dg_ui_fixture_get_journeys_view (fixture)) == 3);
}

static void
test_cohorts (DgUiFixture   *fixture,
              gconstpointer  data)
{
  const char *name = dg_test_is_korean () ? "1/10 공개강의" : "Jan 10 lecture";
  DgCohortsDialog *dialog;
  AdwMessageDialog *ask;
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(GPtrArray) active = NULL;
  DgCohort *added = NULL;
  Board board;

  show_board (fixture, &board);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dg_ui_fixture_get_journeys_view (fixture)), "journeys.edit-cohorts", NULL));
  dg_ui_test_wait_for ((dialog = DG_COHORTS_DIALOG (dg_ui_test_find_window (DG_TYPE_COHORTS_DIALOG))) != NULL);
  g_assert_cmpuint (dg_cohorts_dialog_get_n_rows (dialog, FALSE), ==, 1);
  g_assert_cmpuint (dg_cohorts_dialog_get_n_rows (dialog, TRUE), ==, 0);

  /* Add one with a date. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "cohorts.add", NULL));
  ask = wait_for_message ();
  {
    GtkListBox *list = GTK_LIST_BOX (adw_message_dialog_get_extra_child (ask));

    g_assert_false (adw_message_dialog_get_response_enabled (ask, "save"));
    GtkWidget *date_row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1));

    gtk_editable_set_text (GTK_EDITABLE (gtk_list_box_get_row_at_index (list, 0)), name);
    g_assert_true (adw_message_dialog_get_response_enabled (ask, "save"));
    /* A day that does not exist is refused in its field. */
    gtk_editable_set_text (GTK_EDITABLE (date_row), "2027-02-30");
    g_assert_false (adw_message_dialog_get_response_enabled (ask, "save"));
    g_assert_nonnull (dg_field_row_get_error (DG_FIELD_ROW (date_row)));
    gtk_editable_set_text (GTK_EDITABLE (date_row), "2027-01-10");
    g_assert_null (dg_field_row_get_error (DG_FIELD_ROW (date_row)));
    dg_ui_test_wait_painted (GTK_WIDGET (ask), 2);
    g_free (dg_ui_test_screenshot (GTK_WIDGET (ask), "journey-editor-cohort-form"));
  }
  answer (ask, "save");
  cohorts = dg_cohorts_list (fixture->database, board.journey, TRUE, NULL);
  g_assert_cmpuint (cohorts->len, ==, 2);
  for (guint i = 0; i < cohorts->len; i++)
    if (g_strcmp0 (((DgCohort *) cohorts->pdata[i])->name, name) == 0)
      added = cohorts->pdata[i];
  g_assert_nonnull (added);
  g_assert_cmpstr (added->date, ==, "2027-01-10");
  g_assert_false (added->archived);
  dg_ui_test_wait_for (dg_cohorts_dialog_get_n_rows (dialog, FALSE) == 2);
  dg_ui_test_wait_painted (GTK_WIDGET (dialog), 2);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (dialog), "journey-editor-cohorts"));

  /* Archive it: it leaves the cohorts in use and the board's filter. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "cohorts.archive", "x", added->id));
  active = dg_cohorts_list (fixture->database, board.journey, FALSE, NULL);
  g_assert_cmpuint (active->len, ==, 1);
  g_assert_cmpint (((DgCohort *) active->pdata[0])->id, ==, board.cohort);
  dg_ui_test_wait_for (dg_cohorts_dialog_get_n_rows (dialog, TRUE) == 1 &&
                       dg_cohorts_dialog_get_n_rows (dialog, FALSE) == 1);
  dg_ui_test_wait_for (!dg_journeys_view_set_cohort_id (dg_ui_fixture_get_journeys_view (fixture), added->id));
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  DG_UI_TEST_ADD_WITH ("/ui/journey-editor/templates", &journeys_page, test_templates);
  DG_UI_TEST_ADD ("/ui/journey-editor/journey-menu", test_journey_menu);
  DG_UI_TEST_ADD ("/ui/journey-editor/stages", test_stages);
  DG_UI_TEST_ADD ("/ui/journey-editor/cohorts", test_cohorts);

  return g_test_run ();
}
