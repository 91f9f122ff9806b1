/* test-ui-customers-bulk.c
 *
 * The bulk actions of the customer list's selection bar, in the real
 * window: with several customers selected, tag them, log one contact for
 * all, add a follow-up for each, archive and delete them, each through its
 * dialog where it has one, and each undone again with the toast's Undo.
 * The dialogs are saved as screenshots in the language under test. Each
 * case stores its customers in a window and database of its own
 * (dg-ui-fixture.h).
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-bulk-dialog.h"
#include "dg-customer-selection.h"
#include "dg-customers-test-util.h"
#include "dg-test-util.h"
#include "dg-ui-test-util.h"

static const char * const names[] = { "김민수", "이서연", "Nancy Baker", "박지훈" };

static GArray *
selected_ids (void)
{
  return dg_customer_selection_get_selected_ids (DG_CUSTOMER_SELECTION (dg_customers_test_get_selection ()));
}

/* The customers of this test in the list, every one of them selected. */
static void
select_everyone (void)
{
  dg_customers_test_insert ("김민수", "010-1234-5678", "minsu@example.com", NULL, NULL);
  dg_customers_test_insert ("이서연", "010 2222 3333", NULL, "Hanbit", NULL);
  dg_customers_test_insert ("Nancy Baker", NULL, "nancy@example.com", NULL, "vip");
  dg_customers_test_insert ("박지훈", "02-123-4567", NULL, NULL, NULL);
  dg_ui_test_wait_for (dg_customers_test_n_items () == G_N_ELEMENTS (names));

  dg_customers_test_activate ("customers.select-all");
  dg_ui_test_wait_for (dg_customer_selection_get_n_selected (DG_CUSTOMER_SELECTION (dg_customers_test_get_selection ())) == G_N_ELEMENTS (names));
  dg_ui_test_wait_for (gtk_revealer_get_child_revealed (GTK_REVEALER (dg_customers_test_view_child ("selection_revealer"))));
}

static void
set_row_text (GtkWidget  *dialog,
              const char *id,
              const char *text)
{
  GtkWidget *row = dg_ui_test_find_by_id (dialog, id);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
press_undo (void)
{
  GtkWidget *undo;

  dg_ui_test_wait_for ((undo = dg_ui_test_find_button (GTK_WIDGET (dg_customers_test_get_window ()), _("Undo"))) != NULL);
  gtk_widget_activate (undo);
  dg_ui_test_flush ();
}

static guint
count_with_tag (GArray     *ids,
                const char *tag)
{
  guint n = 0;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(DgCustomer) customer = dg_customers_get (dg_customers_test_get_database (),
                                                          g_array_index (ids, gint64, i), NULL);

      if (customer != NULL && g_strv_contains (dg_customer_get_tags (customer), tag))
        n++;
    }

  return n;
}

static void
test_add_tag_and_undo (DgUiFixture   *fixture,
                       gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;
  DgBulkDialog *dialog;

  select_everyone ();
  ids = selected_ids ();

  dg_customers_test_activate ("customers.bulk-add-tag");
  dialog = dg_customers_test_wait_for_bulk_dialog ();
  g_assert_cmpint (dg_bulk_dialog_get_kind (dialog), ==, DG_BULK_DIALOG_ADD_TAG);

  /* Nothing to add yet: the dialog cannot be answered with it. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  g_assert_false (gtk_widget_get_visible (dg_ui_test_find_by_id (GTK_WIDGET (dialog), "summary_row")));

  set_row_text (GTK_WIDGET (dialog), "tag_row", "봄 강의");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  dg_customers_test_screenshot (GTK_WIDGET (dialog), "bulk-add-tag");

  dg_customers_test_press_response (dialog, _("_Add Tag"));
  g_assert_null (dg_ui_test_find_window (DG_TYPE_BULK_DIALOG));
  dg_ui_test_wait_for (count_with_tag (ids, "봄 강의") == ids->len);

  press_undo ();
  dg_ui_test_wait_for (count_with_tag (ids, "봄 강의") == 0);
  g_assert_cmpuint (count_with_tag (ids, "vip"), ==, 1);
}

static void
test_remove_tag (DgUiFixture   *fixture,
                 gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;
  DgBulkDialog *dialog;

  select_everyone ();
  ids = selected_ids ();

  dg_customers_test_activate ("customers.bulk-remove-tag");
  dialog = dg_customers_test_wait_for_bulk_dialog ();
  set_row_text (GTK_WIDGET (dialog), "tag_row", "vip");
  dg_customers_test_press_response (dialog, _("_Remove Tag"));
  dg_ui_test_wait_for (count_with_tag (ids, "vip") == 0);

  press_undo ();
  dg_ui_test_wait_for (count_with_tag (ids, "vip") == 1);
}

static void
test_cancel_changes_nothing (DgUiFixture   *fixture,
                             gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;
  DgBulkDialog *dialog;

  select_everyone ();
  ids = selected_ids ();

  dg_customers_test_activate ("customers.bulk-add-tag");
  dialog = dg_customers_test_wait_for_bulk_dialog ();
  set_row_text (GTK_WIDGET (dialog), "tag_row", "never");
  dg_customers_test_press_response (dialog, _("_Cancel"));
  g_assert_cmpuint (count_with_tag (ids, "never"), ==, 0);
}

static guint
count_contacts (GArray *ids)
{
  guint n = 0;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GPtrArray) contacts = dg_interactions_list_for_customer (dg_customers_test_get_database (),
                                                                         g_array_index (ids, gint64, i),
                                                                         0, NULL);

      for (guint j = 0; contacts != NULL && j < contacts->len; j++)
        if (g_strcmp0 (dg_interaction_get_summary (g_ptr_array_index (contacts, j)), "강의 감사 문자") == 0)
          n++;
    }

  return n;
}

static void
test_log_contact_and_undo (DgUiFixture   *fixture,
                           gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;
  DgBulkDialog *dialog;

  select_everyone ();
  ids = selected_ids ();

  dg_customers_test_activate ("customers.bulk-log-contact");
  dialog = dg_customers_test_wait_for_bulk_dialog ();
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  g_assert_false (gtk_widget_get_visible (dg_ui_test_find_by_id (GTK_WIDGET (dialog), "tag_row")));
  set_row_text (GTK_WIDGET (dialog), "summary_row", "강의 감사 문자");
  adw_combo_row_set_selected (ADW_COMBO_ROW (dg_ui_test_find_by_id (GTK_WIDGET (dialog), "feedback_row")),
                              DG_INTERACTION_FEEDBACK_POSITIVE);
  dg_customers_test_screenshot (GTK_WIDGET (dialog), "bulk-log-contact");

  dg_customers_test_press_response (dialog, _("_Log Contact"));
  dg_ui_test_wait_for (count_contacts (ids) == ids->len);

  /* Each one's last contact is now. */
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(DgCustomer) customer = dg_customers_get (dg_customers_test_get_database (),
                                                          g_array_index (ids, gint64, i), NULL);

      g_assert_nonnull (dg_customer_get_last_contact_at (customer));
    }

  press_undo ();
  dg_ui_test_wait_for (count_contacts (ids) == 0);
}

static guint
count_followups (GArray     *ids,
                 const char *date)
{
  guint n = 0;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GPtrArray) followups = dg_followups_list_for_customer (dg_customers_test_get_database (),
                                                                       g_array_index (ids, gint64, i),
                                                                       DG_FOLLOWUP_FILTER_ALL, NULL);

      for (guint j = 0; followups != NULL && j < followups->len; j++)
        {
          DgFollowup *followup = g_ptr_array_index (followups, j);

          if (g_strcmp0 (dg_followup_get_title (followup), "다음 과정 안내") == 0 &&
              g_strcmp0 (dg_followup_get_due_date (followup), date) == 0)
            n++;
        }
    }

  return n;
}

static void
test_add_followup_and_undo (DgUiFixture   *fixture,
                            gconstpointer  data)
{
  DgContext *context = dg_window_get_context (dg_customers_test_get_window ());
  g_autofree char *due = dg_customers_bulk_date_in_days (dg_context_get_clock (context), 14);
  g_autoptr(GArray) ids = NULL;
  DgBulkDialog *dialog;

  select_everyone ();
  ids = selected_ids ();

  dg_customers_test_activate ("customers.bulk-add-followup");
  dialog = dg_customers_test_wait_for_bulk_dialog ();
  g_assert_true (gtk_widget_get_visible (dg_ui_test_find_by_id (GTK_WIDGET (dialog), "days_row")));
  set_row_text (GTK_WIDGET (dialog), "title_row", "다음 과정 안내");
  dg_customers_test_screenshot (GTK_WIDGET (dialog), "bulk-add-followup");

  dg_customers_test_press_response (dialog, _("_Add Follow-ups"));
  dg_ui_test_wait_for (count_followups (ids, due) == ids->len);

  press_undo ();
  dg_ui_test_wait_for (count_followups (ids, due) == 0);
}

static void
test_archive_and_undo (DgUiFixture   *fixture,
                       gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;

  select_everyone ();
  ids = selected_ids ();

  /* The list shows active customers: archived, they leave it. */
  dg_customers_test_activate ("customers.bulk-archive");
  dg_ui_test_wait_for (dg_customers_test_n_items () == 0);
  g_assert_cmpint (dg_customers_test_count_all (), ==, G_N_ELEMENTS (names));

  press_undo ();
  dg_ui_test_wait_for (dg_customers_test_n_items () == G_N_ELEMENTS (names));
}

static void
test_delete_asks_then_undo (DgUiFixture   *fixture,
                            gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;
  AdwMessageDialog *dialog;
  GtkWindow *window;

  select_everyone ();
  ids = selected_ids ();

  dg_customers_test_activate ("customers.bulk-delete");
  dg_ui_test_wait_for ((window = dg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  dialog = ADW_MESSAGE_DIALOG (window);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  dg_ui_test_wait_painted (GTK_WIDGET (dialog), 2);
  dg_customers_test_screenshot (GTK_WIDGET (dialog), "bulk-delete");

  /* Asking deletes nothing. */
  g_assert_cmpint (dg_customers_test_count_all (), ==, G_N_ELEMENTS (names));

  dg_customers_test_press_response (dialog, _("_Delete"));
  dg_ui_test_wait_for (dg_customers_test_count_all () == 0);
  dg_ui_test_wait_for (dg_customers_test_n_items () == 0);

  press_undo ();
  dg_ui_test_wait_for (dg_customers_test_count_all () == G_N_ELEMENTS (names));
  dg_ui_test_wait_for (dg_customers_test_n_items () == G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpint (dg_customers_test_find_id (names[i]), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  DG_CUSTOMERS_TEST_ADD ("/ui/customers-bulk/add-tag-and-undo", test_add_tag_and_undo);
  DG_CUSTOMERS_TEST_ADD ("/ui/customers-bulk/remove-tag", test_remove_tag);
  DG_CUSTOMERS_TEST_ADD ("/ui/customers-bulk/cancel-changes-nothing", test_cancel_changes_nothing);
  DG_CUSTOMERS_TEST_ADD ("/ui/customers-bulk/log-contact-and-undo", test_log_contact_and_undo);
  DG_CUSTOMERS_TEST_ADD ("/ui/customers-bulk/add-followup-and-undo", test_add_followup_and_undo);
  DG_CUSTOMERS_TEST_ADD ("/ui/customers-bulk/archive-and-undo", test_archive_and_undo);
  DG_CUSTOMERS_TEST_ADD ("/ui/customers-bulk/delete-asks-then-undo", test_delete_asks_then_undo);

  return g_test_run ();
}
