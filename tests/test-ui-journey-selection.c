/* test-ui-journey-selection.c
 *
 * The journey board's selection bar acting on the customers of the cards
 * selected: Log Contact opens the customer list's bulk dialog and logs
 * one contact with each of them, which one Undo takes back; Copy Messages
 * puts each customer's message, filled from the script of their own
 * stage, on the clipboard, one per person with the separator, names a
 * customer left out for a missing value, and offers to log the messages
 * as contacts, again with one Undo. The bar and the dialogs are saved as
 * screenshots.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-bulk-dialog.h"
#include "dg-journey-column.h"
#include "dg-journey-test-util.h"
#include "dg-journeys-view.h"
#include "dg-test-util.h"
#include "dg-ui-fixture.h"
#include "dg-ui-test-util.h"

typedef struct
{
  gint64 journey;
  gint64 stages[2];
  gint64 kim, lee, park, nancy;          /* customers */
  gint64 kim_e, lee_e, park_e, nancy_e;  /* their enrollments */
} Board;

/* Kim, Lee and Park (who has no organization) signed up; Nancy is at the
 * lecture. Each stage has a script of its own. */
static void
show_board (DgUiFixture *fixture,
            Board       *board)
{
  g_autoptr(DgJourney) journey = dg_journey_new (dg_test_is_korean () ? "공개강의 → 코칭" : "Lecture to coaching");
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_journeys_insert (fixture->database, journey, &error));
  g_assert_no_error (error);
  board->journey = journey->id;
  board->stages[0] = dg_journey_test_add_stage (journey->id, dg_test_is_korean () ? "신청" : "Sign-up", -1,
                                                dg_test_is_korean () ? "{name}님({organization}), {stage} 감사합니다."
                                                             : "Thank you, {name} of {organization}, for the {stage}.");
  board->stages[1] = dg_journey_test_add_stage (journey->id, dg_test_is_korean () ? "강의" : "Lecture", -1,
                                                dg_test_is_korean () ? "{name}님, {stage} 안내입니다."
                                                             : "{name}, about the {stage}.");

  board->kim = dg_journey_test_add_customer ("김민수", dg_test_is_korean () ? "서울연구소" : "Seoul Lab");
  board->lee = dg_journey_test_add_customer ("이서연", dg_test_is_korean () ? "부산상사" : "Busan Trading");
  board->park = dg_journey_test_add_customer ("박지훈", NULL);
  board->nancy = dg_journey_test_add_customer ("Nancy Baker", "Baker & Co");
  board->kim_e = dg_journey_test_enroll (board->kim, board->stages[0], 0);
  board->lee_e = dg_journey_test_enroll (board->lee, board->stages[0], 0);
  board->park_e = dg_journey_test_enroll (board->park, board->stages[0], 0);
  board->nancy_e = dg_journey_test_enroll (board->nancy, board->stages[0], 0);
  undo = dg_enrollments_move (fixture->database, DG_CLOCK (fixture->clock), &board->nancy_e, 1,
                              board->stages[1], &error);
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "journeys"));
  dg_ui_test_wait_for (dg_ui_fixture_get_journeys_view (fixture) != NULL && dg_journeys_view_get_n_columns (dg_ui_fixture_get_journeys_view (fixture)) == 2);
  dg_ui_test_wait_painted (GTK_WIDGET (dg_ui_fixture_get_journeys_view (fixture)), 2);
  dg_ui_test_wait_for (dg_journey_column_find_card (dg_ui_fixture_get_journey_column (fixture, 0), board->park_e) != NULL);
  dg_ui_test_wait_for (dg_journey_column_find_card (dg_ui_fixture_get_journey_column (fixture, 1), board->nancy_e) != NULL);
}

static guint
n_selected (DgJourneysView *view)
{
  g_autoptr(GArray) ids = dg_journeys_view_get_selected_ids (view);

  return ids->len;
}

/* Selects the whole first column, as Ctrl+A does, and Nancy's card in the
 * second with it, as Ctrl+click does. */
static void
select_everyone (DgUiFixture *fixture)
{
  DgJourneysView *view = dg_ui_fixture_get_journeys_view (fixture);
  GtkSelectionModel *second = GTK_SELECTION_MODEL (dg_journey_column_get_selection (dg_ui_fixture_get_journey_column (fixture, 1)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dg_journey_column_get_list_view (dg_ui_fixture_get_journey_column (fixture, 0))),
                                             "list.select-all", NULL));
  gtk_selection_model_select_item (second, 0, FALSE);
  dg_ui_test_wait_for (n_selected (view) == 4);
  dg_ui_test_wait_for (gtk_revealer_get_child_revealed (GTK_REVEALER (dg_ui_test_find_by_id (GTK_WIDGET (view),
                                                                                            "selection_revealer"))));
}

static GPtrArray *
contacts_of (DgUiFixture *fixture,
             gint64       customer)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *contacts = dg_interactions_list_for_customer (fixture->database, customer, 0, &error);

  g_assert_no_error (error);

  return contacts;
}

static guint
count_contacts (DgUiFixture *fixture,
                gint64       customer)
{
  g_autoptr(GPtrArray) contacts = contacts_of (fixture, customer);

  return contacts->len;
}

/* The summary of the customer's one contact. */
static char *
contact_summary (DgUiFixture *fixture,
                 gint64       customer)
{
  g_autoptr(GPtrArray) contacts = contacts_of (fixture, customer);

  g_assert_cmpuint (contacts->len, ==, 1);

  return g_strdup (dg_interaction_get_summary (g_ptr_array_index (contacts, 0)));
}

static void
press_button (GtkWidget  *root,
              const char *label)
{
  GtkWidget *button;

  dg_ui_test_wait_for ((button = dg_ui_test_find_button (root, label)) != NULL);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  dg_ui_test_flush ();
}

static void
test_log_contact (DgUiFixture   *fixture,
                  gconstpointer  data)
{
  Board board = { 0 };
  DgJourneysView *view;
  DgBulkDialog *dialog;
  GtkWidget *summary;
  gint64 customers[4];
  const char *said = dg_test_is_korean () ? "강의 안내 전화" : "Called about the lecture";

  dg_window_set_toast_timeout (fixture->window, 0);
  show_board (fixture, &board);
  view = dg_ui_fixture_get_journeys_view (fixture);
  customers[0] = board.kim;
  customers[1] = board.lee;
  customers[2] = board.park;
  customers[3] = board.nancy;

  select_everyone (fixture);
  g_assert_true (gtk_widget_get_visible (dg_ui_test_find_by_id (GTK_WIDGET (view), "log_contact_selected_button")));
  g_free (dg_ui_test_screenshot (GTK_WIDGET (fixture->window), "journey-selection-bar"));

  /* The customer list's dialog, for the four of them. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "journeys.log-contact-selected", NULL));
  dg_ui_test_wait_for ((dialog = DG_BULK_DIALOG (dg_ui_test_find_window (DG_TYPE_BULK_DIALOG))) != NULL);
  dg_ui_test_wait_painted (GTK_WIDGET (dialog), 2);
  g_assert_cmpint (dg_bulk_dialog_get_kind (dialog), ==, DG_BULK_DIALOG_LOG_CONTACT);
  {
    g_autofree char *heading = g_strdup_printf (ngettext ("Log a Contact with %u Customer",
                                                          "Log a Contact with %u Customers", 4), 4);

    g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, heading);
  }
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  summary = dg_ui_test_find_by_id (GTK_WIDGET (dialog), "summary_row");
  gtk_editable_set_text (GTK_EDITABLE (summary), said);
  adw_combo_row_set_selected (ADW_COMBO_ROW (dg_ui_test_find_by_id (GTK_WIDGET (dialog), "channel_row")),
                              DG_INTERACTION_CHANNEL_CALL);
  adw_combo_row_set_selected (ADW_COMBO_ROW (dg_ui_test_find_by_id (GTK_WIDGET (dialog), "feedback_row")),
                              DG_INTERACTION_FEEDBACK_POSITIVE);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (dialog), "journey-selection-log-contact"));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  press_button (GTK_WIDGET (dialog), _("_Log Contact"));
  dg_ui_test_wait_for (dialog == NULL);

  /* One contact each, as the dialog said, in one transaction. */
  for (guint i = 0; i < G_N_ELEMENTS (customers); i++)
    {
      g_autoptr(GPtrArray) contacts = contacts_of (fixture, customers[i]);
      DgInteraction *contact;

      g_assert_cmpuint (contacts->len, ==, 1);
      contact = g_ptr_array_index (contacts, 0);
      g_assert_cmpstr (dg_interaction_get_summary (contact), ==, said);
      g_assert_cmpint (dg_interaction_get_channel (contact), ==, DG_INTERACTION_CHANNEL_CALL);
      g_assert_cmpint (dg_interaction_get_feedback (contact), ==, DG_INTERACTION_FEEDBACK_POSITIVE);
    }

  /* One Undo takes all four back. */
  press_button (GTK_WIDGET (fixture->window), _("Undo"));
  for (guint i = 0; i < G_N_ELEMENTS (customers); i++)
    g_assert_cmpuint (count_contacts (fixture, customers[i]), ==, 0);
}

static void
test_copy_messages (DgUiFixture   *fixture,
                    gconstpointer  data)
{
  Board board = { 0 };
  DgJourneysView *view;
  GtkWindow *report;
  g_autofree char *copied = NULL;
  g_autofree char *kim_message = NULL;
  g_autofree char *lee_message = NULL;
  g_autofree char *nancy_message = NULL;
  g_autofree char *body = NULL;
  g_auto(GStrv) parts = NULL;
  const char *sign_up = dg_test_is_korean () ? "신청" : "Sign-up";
  const char *lecture = dg_test_is_korean () ? "강의" : "Lecture";

  dg_window_set_toast_timeout (fixture->window, 0);
  show_board (fixture, &board);
  view = dg_ui_fixture_get_journeys_view (fixture);
  if (dg_test_is_korean ())
    {
      kim_message = g_strdup ("김민수님(서울연구소), 신청 감사합니다.");
      lee_message = g_strdup ("이서연님(부산상사), 신청 감사합니다.");
      nancy_message = g_strdup ("Nancy Baker님, 강의 안내입니다.");
    }
  else
    {
      kim_message = g_strdup ("Thank you, 김민수 of Seoul Lab, for the Sign-up.");
      lee_message = g_strdup ("Thank you, 이서연 of Busan Trading, for the Sign-up.");
      nancy_message = g_strdup ("Nancy Baker, about the Lecture.");
    }

  select_everyone (fixture);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (view)), "before");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "journeys.copy-messages-selected", NULL));

  /* Park has no organization: he is named, and left out. */
  dg_ui_test_wait_for ((report = dg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  dg_ui_test_wait_painted (GTK_WIDGET (report), 2);
  {
    g_autofree char *heading = g_strdup_printf (_("Copied %1$u of %2$u Messages"), 3, 4);

    g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (report)), ==, heading);
  }
  body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (report)));
  g_assert_nonnull (strstr (body, "박지훈"));
  g_assert_nonnull (strstr (body, "{organization}"));
  g_assert_null (strstr (body, "김민수"));
  g_free (dg_ui_test_screenshot (GTK_WIDGET (report), "journey-selection-copy-report"));
  g_object_add_weak_pointer (G_OBJECT (report), (gpointer *) &report);
  press_button (GTK_WIDGET (report), _("_Close"));
  dg_ui_test_wait_for (report == NULL);

  /* Three messages, each of its customer's own stage, in the board's
   * order, with the separator a texting service splits on. */
  dg_ui_test_wait_for ((copied = dg_ui_test_read_clipboard (GTK_WIDGET (view))) != NULL && g_strcmp0 (copied, "before") != 0);
  parts = g_strsplit (copied, DG_STAGE_MESSAGES_SEPARATOR, -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  g_assert_cmpstr (parts[0], ==, kim_message);
  g_assert_cmpstr (parts[1], ==, lee_message);
  g_assert_cmpstr (parts[2], ==, nancy_message);
  g_assert_null (strstr (copied, "박지훈"));
  g_assert_null (strstr (copied, "{"));

  /* The toast offers to log them: one contact each, saying which stage's
   * message went out; none for Park. One Undo takes them back. */
  g_free (dg_ui_test_screenshot (GTK_WIDGET (fixture->window), "journey-selection-copied"));
  press_button (GTK_WIDGET (fixture->window), _("Log as Contacts"));
  {
    g_autofree char *kim = contact_summary (fixture, board.kim);
    g_autofree char *nancy = contact_summary (fixture, board.nancy);
    g_autofree char *sent_sign_up = g_strdup_printf (_("Sent the “%s” message"), sign_up);
    g_autofree char *sent_lecture = g_strdup_printf (_("Sent the “%s” message"), lecture);

    g_assert_cmpstr (kim, ==, sent_sign_up);
    g_assert_cmpstr (nancy, ==, sent_lecture);
  }
  g_assert_cmpuint (count_contacts (fixture, board.lee), ==, 1);
  g_assert_cmpuint (count_contacts (fixture, board.park), ==, 0);
  press_button (GTK_WIDGET (fixture->window), _("Undo"));
  g_assert_cmpuint (count_contacts (fixture, board.kim), ==, 0);
  g_assert_cmpuint (count_contacts (fixture, board.lee), ==, 0);
  g_assert_cmpuint (count_contacts (fixture, board.nancy), ==, 0);

  /* Nancy alone: no one is left out, so there is nothing to report. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "journeys.clear-selection", NULL));
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (dg_journey_column_get_selection (dg_ui_fixture_get_journey_column (fixture, 1))),
                                   0, TRUE);
  dg_ui_test_wait_for (n_selected (view) == 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "journeys.copy-messages-selected", NULL));
  g_clear_pointer (&copied, g_free);
  dg_ui_test_wait_for ((copied = dg_ui_test_read_clipboard (GTK_WIDGET (view))) != NULL && g_str_equal (copied, nancy_message));
  g_assert_null (dg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Seoul", TRUE);
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  DG_UI_TEST_ADD ("/ui/journey-selection/log-contact", test_log_contact);
  DG_UI_TEST_ADD ("/ui/journey-selection/copy-messages", test_copy_messages);

  return g_test_run ();
}
