/* test-ui-stage-panel.c
 *
 * The stage panel (the SDA playbook of a stage) from the journey board:
 * the header's Playbook button opens it; texts typed in it are written to
 * the stage when it closes; Copy Message puts the script filled for the
 * cards selected in the column on the clipboard, one message each with
 * the separator between them, and leaves out (and names) a customer whose
 * {organization} has no value; Log as Contacts logs one contact per
 * copied customer and Undo takes them back; the digitisation level and a
 * new rule are written to the stage, an edited rule is written back, and
 * a removed rule comes back with Undo; Show in Customer List lists the
 * stage's customers on the Customers page, and follows them as they move.
 * The panel is saved as a screenshot.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-customers-view.h"
#include "dg-journey-column.h"
#include "dg-journey-test-util.h"
#include "dg-journeys-view.h"
#include "dg-stage-panel.h"
#include "dg-test-util.h"
#include "dg-ui-fixture.h"
#include "dg-ui-test-util.h"

typedef struct
{
  gint64 journey;
  gint64 stages[2];
  gint64 cohort;
  gint64 kim, lee, park;      /* customers */
  gint64 kim_e, lee_e, park_e; /* their enrollments */
} Board;

/* A journey of two stages; Kim, Lee and Park signed up, Park with no
 * organization; all three in the first stage. */
static void
show_board (DgUiFixture *fixture,
            Board       *board)
{
  g_autoptr(DgJourney) journey = dg_journey_new (dg_test_is_korean () ? "공개강의 → 코칭" : "Lecture to coaching");
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_journeys_insert (fixture->database, journey, &error));
  g_assert_no_error (error);
  board->journey = journey->id;
  board->stages[0] = dg_journey_test_add_stage (journey->id, dg_test_is_korean () ? "신청" : "Sign-up", -1,
                                                NULL);
  board->stages[1] = dg_journey_test_add_stage (journey->id, dg_test_is_korean () ? "강의" : "Lecture", -1,
                                                NULL);

  board->kim = dg_journey_test_add_customer ("김민수", dg_test_is_korean () ? "서울연구소" : "Seoul Lab");
  board->lee = dg_journey_test_add_customer ("이서연", dg_test_is_korean () ? "부산상사" : "Busan Trading");
  board->park = dg_journey_test_add_customer ("박지훈", NULL);
  board->kim_e = dg_journey_test_enroll (board->kim, board->stages[0], 0);
  board->lee_e = dg_journey_test_enroll (board->lee, board->stages[0], 0);
  board->park_e = dg_journey_test_enroll (board->park, board->stages[0], 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "journeys"));
  dg_ui_test_wait_for (dg_ui_fixture_get_journeys_view (fixture) != NULL && dg_journeys_view_get_n_columns (dg_ui_fixture_get_journeys_view (fixture)) == 2);
  dg_ui_test_wait_painted (GTK_WIDGET (dg_ui_fixture_get_journeys_view (fixture)), 2);
  dg_ui_test_wait_for (dg_journey_column_find_card (dg_ui_fixture_get_journey_column (fixture, 0), board->park_e) != NULL);
}

/* Opens the panel of the first stage with the header's Playbook button. */
static DgStagePanel *
open_panel (DgUiFixture *fixture,
            Board       *board)
{
  DgStagePanel *panel;

  gtk_widget_activate (dg_journey_column_get_playbook_button (dg_ui_fixture_get_journey_column (fixture, 0)));
  dg_ui_test_wait_for ((panel = dg_stage_panel_get_for_view (dg_ui_fixture_get_journeys_view (fixture))) != NULL);
  g_assert_cmpint (dg_stage_panel_get_stage_id (panel), ==, board->stages[0]);
  dg_ui_test_wait_painted (GTK_WIDGET (panel), 2);

  return panel;
}

static void
set_buffer (DgStagePanel *panel,
            const char   *id,
            const char   *text)
{
  GtkWidget *view = dg_ui_test_find_by_id (GTK_WIDGET (panel), id);

  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static void
show_section (DgStagePanel *panel,
              const char   *name)
{
  GtkWidget *stack = dg_ui_test_find_by_id (GTK_WIDGET (panel), "page");

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), name);
  dg_ui_test_wait_painted (GTK_WIDGET (panel), 2);
}

static void
select_cards (DgUiFixture  *fixture,
              const gint64 *ids,
              guint         n_ids)
{
  DgJourneyColumn *column = dg_ui_fixture_get_journey_column (fixture, 0);
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (dg_journey_column_get_selection (column));

  gtk_selection_model_unselect_all (selection);
  for (guint i = 0; i < n_ids; i++)
    {
      guint position = dg_id_list_find (DG_ID_LIST (dg_journey_column_get_model (column)), ids[i]);

      g_assert_cmpuint (position, !=, G_MAXUINT);
      gtk_selection_model_select_item (selection, position, FALSE);
    }
}

static guint
count_contacts (DgUiFixture *fixture,
                gint64       customer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = dg_interactions_list_for_customer (fixture->database, customer, 0, &error);

  g_assert_no_error (error);

  return contacts->len;
}

static void
press_button (GtkWidget  *root,
              const char *label)
{
  GtkWidget *button;

  dg_ui_test_wait_for ((button = dg_ui_test_find_button (root, label)) != NULL);
  /* Activating a button clicks it only after its pressed look has shown:
   * click it now. */
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  dg_ui_test_flush ();
}

static void
test_edit_saves (DgUiFixture   *fixture,
                 gconstpointer  data)
{
  Board board = { 0 };
  DgStagePanel *panel;
  GtkWidget *touchpoint;
  g_autoptr(DgStage) stage = NULL;
  const char *script = dg_test_is_korean () ? "{name}님, {organization} 담당자님 안녕하세요. {stage} 안내드립니다."
                                    : "Hello {name} of {organization}, about {stage}.";

  show_board (fixture, &board);
  panel = open_panel (fixture, &board);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (panel)) == GTK_WINDOW (fixture->window));

  set_buffer (panel, "scenario_view", dg_test_is_korean () ? "공지를 보고 신청서를 작성한다." : "They see the notice and fill in the form.");
  set_buffer (panel, "pain_view", dg_test_is_korean () ? "신청서가 길다." : "The form is long.");
  set_buffer (panel, "steps_view", dg_test_is_korean () ? "1. 신청 확인\n2. 안내 문자 발송" : "1. Check the sign-up\n2. Send the guidance text");
  set_buffer (panel, "script_view", script);
  touchpoint = dg_ui_test_find_by_id (GTK_WIDGET (panel), "touchpoint_entry");
  gtk_editable_set_text (GTK_EDITABLE (touchpoint), dg_test_is_korean () ? "온라인 신청서" : "Online form");

  g_free (dg_ui_test_screenshot (GTK_WIDGET (panel), "stage-panel"));
  show_section (panel, "detail");
  g_free (dg_ui_test_screenshot (GTK_WIDGET (panel), "stage-panel-detail"));

  /* Closing the panel writes what was typed. */
  gtk_window_close (GTK_WINDOW (panel));
  dg_ui_test_wait_for (dg_stage_panel_get_for_view (dg_ui_fixture_get_journeys_view (fixture)) == NULL);
  stage = dg_journey_test_get_stage (board.stages[0]);
  g_assert_cmpstr (stage->message_script, ==, script);
  g_assert_cmpstr (stage->touchpoint, ==, dg_test_is_korean () ? "온라인 신청서" : "Online form");
  g_assert_cmpstr (stage->pain_points, ==, dg_test_is_korean () ? "신청서가 길다." : "The form is long.");
  g_assert_cmpstr (stage->name, ==, dg_test_is_korean () ? "신청" : "Sign-up");

  /* Opened again, it shows what was written. */
  panel = open_panel (fixture, &board);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (dg_ui_test_find_by_id (GTK_WIDGET (panel),
                                                                                             "script_view")));
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, script);
  }
}

static void
test_copy_messages (DgUiFixture   *fixture,
                    gconstpointer  data)
{
  Board board = { 0 };
  DgStagePanel *panel;
  g_autofree char *copied = NULL;
  g_autofree char *again = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *kim_message = NULL;
  g_autofree char *lee_message = NULL;
  const char *report;

  show_board (fixture, &board);
  panel = open_panel (fixture, &board);
  show_section (panel, "detail");
  set_buffer (panel, "script_view", "{name} / {organization} / {stage}");
  kim_message = g_strdup_printf ("김민수 / %s / %s", dg_test_is_korean () ? "서울연구소" : "Seoul Lab",
                                 dg_test_is_korean () ? "신청" : "Sign-up");
  lee_message = g_strdup_printf ("이서연 / %s / %s", dg_test_is_korean () ? "부산상사" : "Busan Trading",
                                 dg_test_is_korean () ? "신청" : "Sign-up");

  /* Nothing selected: nothing is copied, and the panel says what to do. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (panel)), "before");
  press_button (GTK_WIDGET (panel), _("_Copy Message"));
  g_assert_cmpstr (dg_stage_panel_get_report (panel), !=, "");
  copied = dg_ui_test_read_clipboard (GTK_WIDGET (panel));
  g_assert_cmpstr (copied, ==, "before");
  g_clear_pointer (&copied, g_free);

  /* Two cards: two messages, in the column's order, with the separator;
   * the script typed was saved first. */
  select_cards (fixture, (gint64[]) { board.kim_e, board.lee_e }, 2);
  press_button (GTK_WIDGET (panel), _("_Copy Message"));
  g_assert_cmpstr (dg_stage_panel_get_report (panel), ==, "");
  dg_ui_test_wait_for ((copied = dg_ui_test_read_clipboard (GTK_WIDGET (panel))) != NULL && g_strcmp0 (copied, "before") != 0);
  parts = g_strsplit (copied, DG_STAGE_PANEL_SEPARATOR, -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) parts, kim_message));
  g_assert_true (g_strv_contains ((const char * const *) parts, lee_message));
  g_assert_null (strstr (copied, "{"));
  {
    g_autoptr(DgStage) stage = dg_journey_test_get_stage (board.stages[0]);

    g_assert_cmpstr (stage->message_script, ==, "{name} / {organization} / {stage}");
  }

  /* With Park, who has no organization: his message is left out and he
   * is named; the other two are copied. */
  select_cards (fixture, (gint64[]) { board.kim_e, board.lee_e, board.park_e }, 3);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (panel)), "before");
  press_button (GTK_WIDGET (panel), _("_Copy Message"));
  report = dg_stage_panel_get_report (panel);
  g_assert_nonnull (strstr (report, "박지훈"));
  g_assert_nonnull (strstr (report, "{organization}"));
  g_assert_null (strstr (report, "김민수"));
  dg_ui_test_wait_for ((again = dg_ui_test_read_clipboard (GTK_WIDGET (panel))) != NULL && g_strcmp0 (again, "before") != 0);
  g_assert_cmpstr (again, ==, copied);
  g_assert_null (strstr (again, "박지훈"));
  g_free (dg_ui_test_screenshot (GTK_WIDGET (panel), "stage-panel-copied"));

  /* Log as Contacts: one contact each for those copied, none for Park;
   * Undo takes them back. */
  press_button (GTK_WIDGET (panel), _("Log as Contacts"));
  g_assert_cmpuint (count_contacts (fixture, board.kim), ==, 1);
  g_assert_cmpuint (count_contacts (fixture, board.lee), ==, 1);
  g_assert_cmpuint (count_contacts (fixture, board.park), ==, 0);
  press_button (GTK_WIDGET (panel), _("Undo"));
  g_assert_cmpuint (count_contacts (fixture, board.kim), ==, 0);
  g_assert_cmpuint (count_contacts (fixture, board.lee), ==, 0);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GPtrArray *
list_rules (DgUiFixture *fixture,
            gint64       stage)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rules = dg_stage_rules_list (fixture->database, stage, &error);

  g_assert_no_error (error);

  return rules;
}

static guint
count_rules (DgUiFixture *fixture,
             gint64       stage)
{
  g_autoptr(GPtrArray) rules = list_rules (fixture, stage);

  return rules->len;
}

static void
test_action (DgUiFixture   *fixture,
             gconstpointer  data)
{
  Board board = { 0 };
  DgStagePanel *panel;
  GtkWindow *dialog;
  g_autoptr(GPtrArray) rules = NULL;
  DgStageRule *rule;
  const char *title = dg_test_is_korean () ? "안내 문자 보내기" : "Send the guidance text";

  show_board (fixture, &board);
  panel = open_panel (fixture, &board);
  show_section (panel, "action");

  /* The level is written as it is chosen. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dg_ui_test_find_by_id (GTK_WIDGET (panel), "digitisation_dropdown")),
                              DG_DIGITISATION_AUTOMATED);
  {
    g_autoptr(DgStage) stage = dg_journey_test_get_stage (board.stages[0]);

    g_assert_cmpint (stage->digitisation, ==, DG_DIGITISATION_AUTOMATED);
  }

  /* A rule: two days before the cohort's date, at 10:00. */
  g_signal_emit_by_name (dg_ui_test_find_by_id (GTK_WIDGET (panel), "add_rule_button"), "clicked");
  dg_ui_test_wait_for ((dialog = dg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "rule-title")), title);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (GTK_WIDGET (dialog), "rule-days")), 2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_named (GTK_WIDGET (dialog), "rule-when")), 1);
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "rule-time")), "10:00");
  dg_ui_test_wait_painted (GTK_WIDGET (dialog), 1);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (dialog), "stage-panel-rule"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  gtk_window_destroy (dialog);

  rules = list_rules (fixture, board.stages[0]);
  g_assert_cmpuint (rules->len, ==, 1);
  rule = g_ptr_array_index (rules, 0);
  g_assert_cmpstr (rule->title, ==, title);
  g_assert_cmpint (rule->anchor, ==, DG_RULE_ANCHOR_COHORT_DATE);
  g_assert_cmpint (rule->offset_days, ==, -2);
  g_assert_cmpstr (rule->time_of_day, ==, "10:00");

  /* Edited: one day after entering the stage, all day. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "panel.edit-rule", "x", rule->id));
  dg_ui_test_wait_for ((dialog = dg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "rule-title"))), ==, title);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (GTK_WIDGET (dialog), "rule-days")), 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_named (GTK_WIDGET (dialog), "rule-when")), 0);
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "rule-time")), "");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  gtk_window_destroy (dialog);
  g_clear_pointer (&rules, g_ptr_array_unref);
  rules = list_rules (fixture, board.stages[0]);
  g_assert_cmpuint (rules->len, ==, 1);
  rule = g_ptr_array_index (rules, 0);
  g_assert_cmpint (rule->anchor, ==, DG_RULE_ANCHOR_STAGE_ENTERED);
  g_assert_cmpint (rule->offset_days, ==, 1);
  g_assert_null (rule->time_of_day);

  /* The list shows it; removing it has Undo. */
  dg_ui_test_wait_for (dg_ui_test_find_by_type (dg_ui_test_find_by_id (GTK_WIDGET (panel), "rules_list"),
                                                ADW_TYPE_ACTION_ROW) != NULL);
  dg_ui_test_wait_painted (GTK_WIDGET (panel), 2);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (panel), "stage-panel-action"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "panel.remove-rule", "x", rule->id));
  g_assert_cmpuint (count_rules (fixture, board.stages[0]), ==, 0);
  press_button (GTK_WIDGET (panel), _("Undo"));
  g_assert_cmpuint (count_rules (fixture, board.stages[0]), ==, 1);
}

/* The header's Show in Customer List: the Customers page, listing the
 * customers of the stage alone (the search typed there before goes), and
 * following them as they move on. */
static void
test_show_customers (DgUiFixture   *fixture,
                     gconstpointer  data)
{
  Board board = { 0 };
  DgStagePanel *panel;
  DgCustomersView *customers;
  DgCustomerList *list;
  GtkWidget *button;
  g_autofree char *expected_key = NULL;
  g_autofree char *key = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;

  show_board (fixture, &board);
  dg_journey_test_add_customer ("최하늘", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "customers"));
  dg_ui_test_wait_for ((customers = DG_CUSTOMERS_VIEW (dg_window_get_page (fixture->window, "customers"))) != NULL &&
                       gtk_widget_get_mapped (GTK_WIDGET (customers)));
  list = dg_customers_view_get_list (customers);
  dg_customer_list_set_text (list, "최");
  dg_ui_test_wait_for (g_list_model_get_n_items (G_LIST_MODEL (list)) == 1);
  undo = dg_enrollments_move (fixture->database, DG_CLOCK (fixture->clock), &board.lee_e, 1,
                              board.stages[1], &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "journeys"));
  dg_ui_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (dg_ui_fixture_get_journeys_view (fixture))));

  panel = open_panel (fixture, &board);
  button = dg_ui_test_find_by_id (GTK_WIDGET (panel), "customers_button");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");

  /* Kim and Park are in the first stage; Lee moved on, 최하늘 is in no
   * journey. */
  dg_ui_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (customers)));
  dg_ui_test_wait_for (g_list_model_get_n_items (G_LIST_MODEL (list)) == 2);
  g_assert_cmpstr (dg_customer_list_get_text (list), ==, "");
  g_assert_cmpint (dg_customer_list_find (list, board.kim), !=, G_MAXUINT);
  g_assert_cmpint (dg_customer_list_find (list, board.park), !=, G_MAXUINT);
  expected_key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":0:active",
                                  board.journey, board.stages[0]);
  g_object_get (customers, "filter-journey", &key, NULL);
  g_assert_cmpstr (key, ==, expected_key);
  dg_ui_test_wait_painted (GTK_WIDGET (fixture->window), 2);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (fixture->window), "stage-customers-list"));

  /* Park moves on too: the list follows. */
  g_clear_object (&undo);
  undo = dg_enrollments_move (fixture->database, DG_CLOCK (fixture->clock), &board.park_e, 1,
                              board.stages[1], &error);
  g_assert_no_error (error);
  dg_ui_test_wait_for (g_list_model_get_n_items (G_LIST_MODEL (list)) == 1);
  g_assert_cmpint (dg_customer_list_get_id (list, 0), ==, board.kim);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  DG_UI_TEST_ADD ("/ui/stage-panel/edit-saves", test_edit_saves);
  DG_UI_TEST_ADD ("/ui/stage-panel/copy-messages", test_copy_messages);
  DG_UI_TEST_ADD ("/ui/stage-panel/action", test_action);
  DG_UI_TEST_ADD ("/ui/stage-panel/show-customers", test_show_customers);

  return g_test_run ();
}
