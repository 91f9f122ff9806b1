/* test-ui-customer-history.c
 *
 * Drives a customer's history on a temporary database with a fake clock
 * standing at Tuesday 2026-11-24 10:00 in Seoul: the follow-up editor with
 * its inline validation, the customer page's "Log contact" form and
 * timeline, its follow-ups with Done and Undo, the list's Last Contact
 * column, and deleting a customer with its history then Undo; saves
 * screenshots in the language under test. Each case has a window of its
 * own on a fresh database (dg-ui-fixture.h) and stores the history it
 * starts from itself: what the cases before it would have made of 김민수's
 * history through the window, written through the core.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-application.h"
#include "dg-customer-page.h"
#include "dg-customer-picker.h"
#include "dg-customers-view.h"
#include "dg-field-row.h"
#include "dg-format.h"
#include "dg-followup-editor.h"
#include "dg-interaction-row.h"
#include "dg-test-util.h"
#include "dg-ui-fixture.h"
#include "dg-ui-test-util.h"
#include "dg-window.h"

/* The fake clock of the case that runs. */
#define fake_clock (dg_ui_fixture_get_current ()->clock)

/* The customer whose history the cases build up. */
static gint64 minsu_id;

/* 김민수's history as the cases, in the order they are listed, build it
 * up through the window: each case starts from the stage the case listed
 * before it ends at. */
typedef enum
{
  /* The follow-up new-with-validation saves. */
  HISTORY_FOLLOWUP,
  /* Renamed by edit. */
  HISTORY_RENAMED,
  /* The three contacts log-contact logs; from here on her page shows. */
  HISTORY_CONTACTS,
  /* The follow-ups add-followup-from-page adds. */
  HISTORY_FOLLOWUPS,
  /* The one due today moved to tomorrow by edit-followup-from-page. */
  HISTORY_MOVED,
  /* The sixty newsletters of show-all-contacts. */
  HISTORY_NEWSLETTERS,
  /* The two customers of last-contact-column, one with a contact. */
  HISTORY_OTHERS,
} HistoryStage;

static void seed_history (HistoryStage stage);

static DgWindow *
get_window (void)
{
  return dg_ui_fixture_get_current ()->window;
}

static DgContext *
get_context (void)
{
  return dg_ui_fixture_get_current ()->context;
}

static DgDatabase *
get_database (void)
{
  return dg_ui_fixture_get_current ()->database;
}

static GTimeZone *
dup_zone (void)
{
  return dg_clock_dup_time_zone (DG_CLOCK (fake_clock));
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

static gint64
insert_customer (const char *name,
                 const char *organization,
                 const char *phone,
                 const char *email,
                 const char *tags_text)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_auto(GStrv) tags = dg_tags_parse (tags_text);
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  dg_customer_set_organization (customer, organization);
  dg_customer_set_phone (customer, phone);
  dg_customer_set_email (customer, email);
  dg_customer_set_tags (customer, (const char * const *)tags);
  dg_customers_insert (get_database (), customer, &error);
  g_assert_no_error (error);

  return dg_customer_get_id (customer);
}

static GtkWidget *
child_of (gpointer    root,
          const char *id)
{
  GtkWidget *child = dg_ui_test_find_by_id (GTK_WIDGET (root), id);

  g_assert_nonnull (child);

  return child;
}

static const char *
text_of (gpointer    root,
         const char *id)
{
  return gtk_editable_get_text (GTK_EDITABLE (child_of (root, id)));
}

static void
set_text (gpointer    root,
          const char *id,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child_of (root, id)), text);
}

static gboolean
is_shown (gpointer    root,
          const char *id)
{
  return gtk_widget_get_visible (child_of (root, id));
}

static GtkWidget *
find_error_label (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "field-error"))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_error_label (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The message field row @id shows under its text, checked against its
 * error property and style; NULL when it shows none. */
static const char *
field_error (gpointer    root,
             const char *id)
{
  GtkWidget *row = child_of (root, id);
  GtkWidget *label = find_error_label (row);

  g_assert_true (DG_IS_FIELD_ROW (row));
  g_assert_nonnull (label);
  if (!gtk_widget_get_visible (label))
    {
      g_assert_null (dg_field_row_get_error (DG_FIELD_ROW (row)));
      g_assert_false (gtk_widget_has_css_class (row, "error"));
      return NULL;
    }

  g_assert_cmpstr (dg_field_row_get_error (DG_FIELD_ROW (row)), ==, gtk_label_get_text (GTK_LABEL (label)));
  g_assert_true (gtk_widget_has_css_class (row, "error"));

  return gtk_label_get_text (GTK_LABEL (label));
}

static DgFollowupEditor *
wait_for_followup_editor (void)
{
  DgFollowupEditor *editor = NULL;

  dg_ui_test_wait_for ((editor = (DgFollowupEditor *)dg_ui_test_find_window (DG_TYPE_FOLLOWUP_EDITOR)) != NULL);
  dg_ui_test_wait_painted (GTK_WIDGET (editor), 1);

  return editor;
}

static GPtrArray *
list_followups (gint64 customer_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *followups;

  followups = dg_followups_list_for_customer (get_database (), customer_id,
                                              DG_FOLLOWUP_FILTER_ALL, &error);
  g_assert_no_error (error);

  return followups;
}

static gboolean
focus_is_in (DgFollowupEditor *editor,
             const char       *id)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (editor));

  return focus != NULL && gtk_widget_is_ancestor (focus, child_of (editor, id));
}

/* A new follow-up for a customer, as the customer page or the Today view
 * would open it: the customer is shown, today is proposed, and each field
 * says what is wrong with it until it is right. */
static void
test_editor_new_with_validation (DgUiFixture   *fixture,
                                 gconstpointer  data)
{
  g_autoptr(DgFollowup) prefilled = dg_followup_new ();
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) expected_due = NULL;
  DgFollowupEditor *editor;
  DgFollowup *followup;
  gint64 customer_id;

  customer_id = minsu_id = insert_customer ("김민수", "Hanbit Consulting", "010-1234-5678",
                                          "minsu@example.com", "VIP, workshop");
  tz = dup_zone ();
  dg_followup_set_customer_id (prefilled, customer_id);

  editor = dg_followup_editor_new (GTK_WINDOW (get_window ()), get_context (), prefilled);
  gtk_window_present (GTK_WINDOW (editor));
  editor = wait_for_followup_editor ();
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);

  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (get_window ()));
  g_assert_cmpint (dg_customer_picker_get_customer_id (DG_CUSTOMER_PICKER (child_of (editor, "customer_picker"))),
                   ==, customer_id);
  g_assert_cmpstr (text_of (editor, "customer_picker"), ==, "김민수");
  g_assert_cmpstr (text_of (editor, "date_row"), ==, "2026-11-24");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (child_of (editor, "all_day_switch"))));
  g_assert_false (is_shown (editor, "time_row"));
  g_assert_false (is_shown (editor, "interval_row"));
  g_assert_null (field_error (editor, "title_row"));

  /* Saving without a title is refused, with the reason under the title. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  dg_ui_test_flush ();
  g_assert_nonnull (editor);
  g_assert_cmpstr (field_error (editor, "title_row"), ==, _("Title: enter what to do"));
  g_assert_true (focus_is_in (editor, "title_row"));
  saved = list_followups (customer_id);
  g_assert_cmpuint (saved->len, ==, 0);
  g_clear_pointer (&saved, g_ptr_array_unref);
  take_screenshot (GTK_WIDGET (editor), "followup-editor-invalid");

  set_text (editor, "title_row", "Call about the spring workshop");
  g_assert_null (field_error (editor, "title_row"));

  /* A day that is not one, then a time that is not one. */
  set_text (editor, "date_row", "2026-02-30");
  g_assert_nonnull (field_error (editor, "date_row"));
  set_text (editor, "date_row", "2026-11-26");
  g_assert_null (field_error (editor, "date_row"));

  gtk_switch_set_active (GTK_SWITCH (child_of (editor, "all_day_switch")), FALSE);
  g_assert_true (is_shown (editor, "time_row"));
  g_assert_cmpstr (text_of (editor, "time_row"), ==, "09:00");
  set_text (editor, "time_row", "25:00");
  g_assert_nonnull (field_error (editor, "time_row"));
  g_assert_null (field_error (editor, "date_row"));
  set_text (editor, "time_row", "14:30");
  g_assert_null (field_error (editor, "time_row"));

  /* Every 0 weeks is not a repeat. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (editor, "repeat_row")), DG_RECURRENCE_WEEKS);
  g_assert_true (is_shown (editor, "interval_row"));
  set_text (editor, "interval_spin", "0");
  g_assert_true (is_shown (editor, "recurrence_error_row"));
  set_text (editor, "interval_spin", "2");
  g_assert_false (is_shown (editor, "recurrence_error_row"));
  gtk_switch_set_active (GTK_SWITCH (child_of (editor, "keep_in_touch_switch")), TRUE);
  g_assert_false (is_shown (editor, "keep_in_touch_error_row"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (child_of (editor, "note_view"))),
                            "Ask whether the Saturday class suits her.", -1);
  take_screenshot (GTK_WIDGET (editor), "followup-editor");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  dg_ui_test_wait_for (editor == NULL);

  saved = list_followups (customer_id);
  g_assert_cmpuint (saved->len, ==, 1);
  followup = g_ptr_array_index (saved, 0);
  g_assert_cmpstr (dg_followup_get_title (followup), ==, "Call about the spring workshop");
  g_assert_false (dg_followup_get_all_day (followup));
  expected_due = dg_test_local_time (tz, 2026, 11, 26, 14, 30);
  g_assert_nonnull (dg_followup_get_due_at (followup));
  g_assert_cmpint (g_date_time_to_unix (dg_followup_get_due_at (followup)), ==,
                   g_date_time_to_unix (expected_due));
  g_assert_cmpint (dg_followup_get_recurrence (followup), ==, DG_RECURRENCE_WEEKS);
  g_assert_cmpuint (dg_followup_get_recurrence_interval (followup), ==, 2);
  g_assert_true (dg_followup_get_keep_in_touch (followup));
  g_assert_cmpstr (dg_followup_get_note (followup), ==, "Ask whether the Saturday class suits her.");
}

/* Changing a follow-up starts from what is stored and keeps what was not
 * touched; Escape leaves without writing. */
static void
test_editor_edit (DgUiFixture   *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) followups = NULL;
  g_autoptr(DgFollowup) changed = NULL;
  g_autoptr(GError) error = NULL;
  DgFollowupEditor *editor;
  DgFollowup *stored;
  gint64 due;

  seed_history (HISTORY_FOLLOWUP);
  followups = list_followups (minsu_id);
  g_assert_cmpuint (followups->len, ==, 1);
  stored = g_ptr_array_index (followups, 0);
  due = g_date_time_to_unix (dg_followup_get_due_at (stored));

  editor = dg_followup_editor_new (GTK_WINDOW (get_window ()), get_context (), stored);
  gtk_window_present (GTK_WINDOW (editor));
  editor = wait_for_followup_editor ();
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);

  g_assert_cmpstr (text_of (editor, "title_row"), ==, "Call about the spring workshop");
  g_assert_cmpstr (text_of (editor, "date_row"), ==, "2026-11-26");
  g_assert_cmpstr (text_of (editor, "time_row"), ==, "14:30");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (child_of (editor, "all_day_switch"))));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child_of (editor, "repeat_row"))), ==,
                    DG_RECURRENCE_WEEKS);
  g_assert_cmpstr (text_of (editor, "interval_spin"), ==, "2");

  /* Escape closes the form and writes nothing. */
  set_text (editor, "title_row", "Not saved");
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  dg_ui_test_wait_for (editor == NULL);
  changed = dg_followups_get (get_database (), dg_followup_get_id (stored), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dg_followup_get_title (changed), ==, "Call about the spring workshop");
  g_clear_object (&changed);

  editor = dg_followup_editor_new (GTK_WINDOW (get_window ()), get_context (), stored);
  gtk_window_present (GTK_WINDOW (editor));
  editor = wait_for_followup_editor ();
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);
  set_text (editor, "title_row", "Call about the Saturday class");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  dg_ui_test_wait_for (editor == NULL);

  changed = dg_followups_get (get_database (), dg_followup_get_id (stored), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dg_followup_get_title (changed), ==, "Call about the Saturday class");
  g_assert_cmpint (g_date_time_to_unix (dg_followup_get_due_at (changed)), ==, due);
  g_assert_cmpuint (dg_followup_get_recurrence_interval (changed), ==, 2);
}


static DgCustomerPage *
get_page (void)
{
  return dg_customers_view_get_customer_page (DG_CUSTOMERS_VIEW (dg_window_get_page (get_window (), "customers")));
}

static GtkWidget *
page_child (const char *id)
{
  return child_of (get_page (), id);
}

static void
show_customer (gint64 id)
{
  DgCustomerPage *page = get_page ();

  dg_window_show_customer (get_window (), id);
  dg_ui_test_wait_for (dg_customer_page_get_customer (page) != NULL &&
                       dg_customer_get_id (dg_customer_page_get_customer (page)) == id);
  dg_ui_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (page)));
}

/* The rows of a list box, in order. */
static guint
list_box_n_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n++;

  return n;
}

static DgInteraction *
history_row_interaction (guint position)
{
  GtkWidget *row = gtk_widget_get_first_child (page_child ("history_list"));

  for (guint i = 0; i < position && row != NULL; i++)
    row = gtk_widget_get_next_sibling (row);

  if (row == NULL)
    return NULL;

  return dg_interaction_row_get_interaction (DG_INTERACTION_ROW (row));
}

static const char *
history_row_summary (guint position)
{
  DgInteraction *interaction = history_row_interaction (position);

  return interaction != NULL ? dg_interaction_get_summary (interaction) : NULL;
}

static guint
count_contacts (gint64 customer_id)
{
  g_autoptr(GPtrArray) interactions = NULL;
  g_autoptr(GError) error = NULL;

  interactions = dg_interactions_list_for_customer (get_database (), customer_id, 0, &error);
  g_assert_no_error (error);

  return interactions->len;
}

/* What pressing Enter in the form's field @id does. */
static void
press_enter_in (const char *id)
{
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (page_child (id))), "activate");
  dg_ui_test_flush ();
}

static gboolean
form_shows_error (void)
{
  return field_error (get_page (), "summary_entry") != NULL
         || field_error (get_page (), "when_entry") != NULL
         || gtk_widget_get_visible (page_child ("error_label"));
}

static void
test_log_contact (DgUiFixture   *fixture,
                  gconstpointer  data)
{
  GtkWidget *row;

  seed_history (HISTORY_RENAMED);
  show_customer (minsu_id);
  g_assert_true (gtk_widget_get_visible (page_child ("history_empty")));
  g_assert_cmpuint (list_box_n_rows (page_child ("history_list")), ==, 0);

  /* A time that is not one, then one still to come: said under the form,
   * and nothing is logged. */
  set_text (get_page (), "summary_entry", "Asked about the spring workshop");
  set_text (get_page (), "when_entry", "25:99");
  g_assert_true (form_shows_error ());
  g_assert_true (gtk_widget_has_css_class (page_child ("when_entry"), "error"));
  g_assert_nonnull (field_error (get_page (), "when_entry"));
  g_assert_null (field_error (get_page (), "summary_entry"));
  take_screenshot (GTK_WIDGET (get_window ()), "contact-form-invalid");
  press_enter_in ("summary_entry");
  g_assert_cmpuint (count_contacts (minsu_id), ==, 0);

  set_text (get_page (), "when_entry", "23:00");
  g_assert_true (form_shows_error ());
  press_enter_in ("when_entry");
  g_assert_cmpuint (count_contacts (minsu_id), ==, 0);

  /* Earlier today, by phone, and it went well. */
  set_text (get_page (), "when_entry", "09:15");
  g_assert_false (form_shows_error ());
  g_assert_false (gtk_widget_has_css_class (page_child ("when_entry"), "error"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (page_child ("feedback_dropdown")), DG_INTERACTION_FEEDBACK_POSITIVE);
  press_enter_in ("summary_entry");

  dg_ui_test_wait_for (g_strcmp0 (history_row_summary (0), "Asked about the spring workshop") == 0);
  g_assert_cmpuint (count_contacts (minsu_id), ==, 1);
  g_assert_false (gtk_widget_get_visible (page_child ("history_empty")));
  /* The form is ready for the next one. */
  g_assert_cmpstr (text_of (get_page (), "summary_entry"), ==, "");
  g_assert_cmpstr (text_of (get_page (), "when_entry"), ==, "");

  /* A message yesterday, then one now: newest first. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (page_child ("channel_dropdown")), DG_INTERACTION_CHANNEL_MESSAGE);
  set_text (get_page (), "summary_entry", "Sent the workshop schedule");
  set_text (get_page (), "when_entry", "2026-11-23 18:40");
  press_enter_in ("when_entry");
  dg_ui_test_wait_for (list_box_n_rows (page_child ("history_list")) == 2);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (page_child ("channel_dropdown")), DG_INTERACTION_CHANNEL_CALL);
  set_text (get_page (), "summary_entry", "Booked the Saturday class");
  press_enter_in ("summary_entry");
  dg_ui_test_wait_for (list_box_n_rows (page_child ("history_list")) == 3);

  g_assert_cmpstr (history_row_summary (0), ==, "Booked the Saturday class");
  g_assert_cmpstr (history_row_summary (1), ==, "Asked about the spring workshop");
  g_assert_cmpstr (history_row_summary (2), ==, "Sent the workshop schedule");
  g_assert_cmpint (dg_interaction_get_feedback (history_row_interaction (1)), ==, DG_INTERACTION_FEEDBACK_POSITIVE);
  g_assert_cmpint (dg_interaction_get_channel (history_row_interaction (2)), ==, DG_INTERACTION_CHANNEL_MESSAGE);

  /* Each row says when, in the clock's zone: now, and yesterday. */
  row = gtk_widget_get_first_child (page_child ("history_list"));
  {
    g_autofree char *now_text = g_strdup_printf (_("%1$s, %2$s"), _("Today"), "10:00");
    g_autofree char *yesterday_text = g_strdup_printf (_("%1$s, %2$s"), _("Yesterday"), "18:40");
    GtkWidget *last = gtk_widget_get_last_child (page_child ("history_list"));

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child_of (row, "when_label"))), ==, now_text);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child_of (last, "when_label"))), ==, yesterday_text);
    g_assert_true (gtk_widget_get_visible (child_of (gtk_widget_get_next_sibling (row), "feedback_label")));
    g_assert_false (gtk_widget_get_visible (child_of (row, "feedback_label")));
  }
}

static void
press_undo (void)
{
  GtkWidget *undo = NULL;

  dg_ui_test_wait_for ((undo = dg_ui_test_find_button (GTK_WIDGET (get_window ()), _("Undo"))) != NULL);
  g_assert_nonnull (gtk_widget_get_ancestor (undo, g_type_from_name ("AdwToastWidget")));
  gtk_widget_activate (undo);
  dg_ui_test_flush ();
}

static void
test_delete_contact_and_undo (DgUiFixture   *fixture,
                              gconstpointer  data)
{
  GtkWidget *row;
  g_autofree char *uuid = NULL;
  gint64 id;
  g_autoptr(DgInteraction) restored = NULL;
  g_autoptr(GError) error = NULL;

  seed_history (HISTORY_CONTACTS);
  row = gtk_widget_get_first_child (page_child ("history_list"));
  uuid = g_strdup (dg_interaction_get_uuid (history_row_interaction (0)));
  id = dg_interaction_get_id (history_row_interaction (0));
  g_assert_cmpstr (history_row_summary (0), ==, "Booked the Saturday class");

  /* The row's own delete button. */
  gtk_widget_activate (child_of (row, "delete_contact_button"));
  dg_ui_test_wait_for (list_box_n_rows (page_child ("history_list")) == 2);
  g_assert_cmpstr (history_row_summary (0), ==, "Asked about the spring workshop");
  g_assert_cmpuint (count_contacts (minsu_id), ==, 2);

  press_undo ();
  dg_ui_test_wait_for (list_box_n_rows (page_child ("history_list")) == 3);
  g_assert_cmpstr (history_row_summary (0), ==, "Booked the Saturday class");
  restored = dg_interactions_get (get_database (), id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dg_interaction_get_uuid (restored), ==, uuid);
}

/* The row of the follow-up titled @title in the page's section. */
static GtkWidget *
find_followup_row (const char *title)
{
  for (GtkWidget *row = gtk_widget_get_first_child (page_child ("followups_list"));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
        return row;
    }

  return NULL;
}

typedef gboolean (*WidgetMatch) (GtkWidget *widget, const char *data);

/* The first descendant of @root (or @root) that @match accepts. */
static GtkWidget *
find_widget (GtkWidget   *root,
             WidgetMatch  match,
             const char  *data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_button_for (GtkWidget  *widget,
               const char *action_name)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

static gboolean
has_css_class (GtkWidget  *widget,
               const char *css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static GtkWidget *
row_button (GtkWidget  *row,
            const char *action_name)
{
  GtkWidget *button = find_widget (row, is_button_for, action_name);

  g_assert_nonnull (button);

  return button;
}

static GtkWidget *
row_due_label (GtkWidget *row)
{
  GtkWidget *label = find_widget (row, has_css_class, "followup-due");

  g_assert_nonnull (label);

  return label;
}

static void
add_overdue_followup (void)
{
  g_autoptr(DgFollowup) followup = dg_followup_new ();
  g_autoptr(GError) error = NULL;

  dg_followup_set_customer_id (followup, minsu_id);
  dg_followup_set_title (followup, "Send the workshop invoice");
  dg_followup_set_due_date (followup, "2026-11-20");
  dg_followups_insert (get_database (), DG_CLOCK (fake_clock), followup, &error);
  g_assert_no_error (error);
}

static void
test_add_followup_from_page (DgUiFixture   *fixture,
                             gconstpointer  data)
{
  DgFollowupEditor *editor;
  GtkWidget *row;

  seed_history (HISTORY_CONTACTS);
  g_assert_nonnull (find_followup_row ("Call about the Saturday class"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page ()), "history.add-followup", NULL));
  editor = wait_for_followup_editor ();
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);
  g_assert_cmpstr (text_of (editor, "customer_picker"), ==, "김민수");
  g_assert_cmpint (dg_customer_picker_get_customer_id (DG_CUSTOMER_PICKER (child_of (editor, "customer_picker"))),
                   ==, minsu_id);

  /* Without a title it is refused, and says why. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  dg_ui_test_flush ();
  g_assert_nonnull (editor);
  g_assert_nonnull (field_error (editor, "title_row"));

  set_text (editor, "title_row", "Confirm the Saturday booking");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  dg_ui_test_wait_for (editor == NULL);

  /* Due today, so it comes first and reads as due. */
  dg_ui_test_wait_for ((row = find_followup_row ("Confirm the Saturday booking")) != NULL);
  g_assert_true (gtk_widget_has_css_class (row, "due-today"));
  g_assert_true (row == gtk_widget_get_first_child (page_child ("followups_list")));

  add_overdue_followup ();
  dg_ui_test_wait_for ((row = find_followup_row ("Send the workshop invoice")) != NULL);
  g_assert_true (gtk_widget_has_css_class (row, "overdue"));
  g_assert_true (gtk_widget_has_css_class (row_due_label (row), "error"));
  g_assert_false (gtk_widget_get_visible (page_child ("followups_empty")));

  take_screenshot (GTK_WIDGET (get_window ()), "customer-history");
}

static void
test_complete_followup_and_undo (DgUiFixture   *fixture,
                                 gconstpointer  data)
{
  GtkWidget *row;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GError) error = NULL;

  seed_history (HISTORY_FOLLOWUPS);
  row = find_followup_row ("Send the workshop invoice");
  g_assert_nonnull (row);
  gtk_widget_activate (row_button (row, "history.complete-followup"));
  dg_ui_test_wait_for (find_followup_row ("Send the workshop invoice") == NULL);

  open = dg_followups_list_for_customer (get_database (), minsu_id, DG_FOLLOWUP_FILTER_OPEN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 2);

  press_undo ();
  dg_ui_test_wait_for ((row = find_followup_row ("Send the workshop invoice")) != NULL);
  g_assert_true (gtk_widget_has_css_class (row, "overdue"));
}

static void
test_edit_followup_from_page (DgUiFixture   *fixture,
                              gconstpointer  data)
{
  GtkWidget *row;
  DgFollowupEditor *editor;

  seed_history (HISTORY_FOLLOWUPS);
  row = find_followup_row ("Confirm the Saturday booking");
  g_assert_nonnull (row);
  gtk_widget_activate (row_button (row, "history.edit-followup"));
  editor = wait_for_followup_editor ();
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);
  g_assert_cmpstr (text_of (editor, "title_row"), ==, "Confirm the Saturday booking");

  set_text (editor, "title_row", "Confirm the Saturday booking by message");
  set_text (editor, "date_row", "2026-11-25");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  dg_ui_test_wait_for (editor == NULL);

  dg_ui_test_wait_for ((row = find_followup_row ("Confirm the Saturday booking by message")) != NULL);
  g_assert_false (gtk_widget_has_css_class (row, "due-today"));
  g_assert_null (find_followup_row ("Confirm the Saturday booking"));
}

/* "Today" and "Yesterday" follow the clock. */
static void
test_clock_change_redraws (DgUiFixture   *fixture,
                           gconstpointer  data)
{
  GtkWidget *list;
  g_autofree char *today = g_strdup_printf (_("%1$s, %2$s"), _("Today"), "10:00");
  g_autofree char *yesterday = g_strdup_printf (_("%1$s, %2$s"), _("Yesterday"), "10:00");

  seed_history (HISTORY_MOVED);
  list = page_child ("history_list");

#define FIRST_WHEN() gtk_label_get_text (GTK_LABEL (child_of (gtk_widget_get_first_child (list), "when_label")))

  g_assert_cmpstr (FIRST_WHEN (), ==, today);
  dg_fake_clock_advance (fake_clock, G_TIME_SPAN_DAY);
  dg_ui_test_wait_for (g_strcmp0 (FIRST_WHEN (), yesterday) == 0);
  dg_fake_clock_advance (fake_clock, -G_TIME_SPAN_DAY);
  dg_ui_test_wait_for (g_strcmp0 (FIRST_WHEN (), today) == 0);

#undef FIRST_WHEN
}

/* Sixty newsletters sent to 김민수 in September. */
static void
insert_newsletters (void)
{
  g_autoptr(GTimeZone) tz = dup_zone ();

  for (int i = 0; i < 60; i++)
    {
      g_autoptr(DgInteraction) interaction = dg_interaction_new ();
      g_autoptr(GDateTime) when = dg_test_local_time (tz, 2026, 9, 1 + i % 28, 8 + i / 28, 0);
      g_autoptr(GError) error = NULL;

      dg_interaction_set_customer_id (interaction, minsu_id);
      dg_interaction_set_occurred_at (interaction, when);
      dg_interaction_set_summary (interaction, "Newsletter");
      dg_interaction_set_channel (interaction, DG_INTERACTION_CHANNEL_EMAIL);
      dg_interactions_insert (get_database (), DG_CLOCK (fake_clock), interaction, &error);
      g_assert_no_error (error);
    }
}

/* A long history shows its latest contacts until asked for all. */
static void
test_show_all_contacts (DgUiFixture   *fixture,
                        gconstpointer  data)
{
  GtkWidget *list;
  guint before;

  seed_history (HISTORY_MOVED);
  list = page_child ("history_list");
  before = list_box_n_rows (list);

  insert_newsletters ();

  dg_ui_test_wait_for (list_box_n_rows (list) == 50);
  g_assert_true (gtk_widget_get_visible (page_child ("show_all_button")));
  g_assert_cmpstr (history_row_summary (0), ==, "Booked the Saturday class");

  gtk_widget_activate (page_child ("show_all_button"));
  dg_ui_test_wait_for (list_box_n_rows (list) == before + 60);
  g_assert_false (gtk_widget_get_visible (page_child ("show_all_button")));
}

static DgCustomersView *
get_view (void)
{
  return DG_CUSTOMERS_VIEW (dg_window_get_page (get_window (), "customers"));
}

static GtkColumnView *
get_column_view (void)
{
  return GTK_COLUMN_VIEW (child_of (get_view (), "column_view"));
}

static void
show_list (void)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_view ()), "customers.back", NULL));
  dg_ui_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (get_column_view ())));
}

static guint
list_n_items (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (dg_customers_view_get_list (get_view ())));
}

static char *
list_dup_name (guint position)
{
  g_autoptr(DgCustomer) customer = NULL;

  customer = g_list_model_get_item (G_LIST_MODEL (dg_customers_view_get_list (get_view ())), position);
  g_assert_nonnull (customer);

  return g_strdup (dg_customer_get_name (customer));
}

/* The Last Contact cell of the row whose name reads @name; NULL while
 * that row is not on screen. */
static const char *
shown_last_contact (const char *name)
{
  GtkWidget *row = dg_ui_test_column_view_find_row (get_column_view (), 0, name);

  return row != NULL ? dg_ui_test_row_get_text (row, 4) : NULL;
}

static GtkColumnViewColumn *
dup_column (guint position)
{
  return g_list_model_get_item (gtk_column_view_get_columns (get_column_view ()), position);
}

static void
test_last_contact_column (DgUiFixture   *fixture,
                          gconstpointer  data)
{
  g_autoptr(GtkColumnViewColumn) column = dup_column (4);
  g_autoptr(GtkColumnViewColumn) name_column = dup_column (0);
  g_autoptr(DgCustomer) minsu = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *first = NULL;
  g_autoptr(GTimeZone) tz = dup_zone ();
  g_autoptr(DgInteraction) interaction = dg_interaction_new ();
  g_autoptr(GDateTime) when = NULL;
  gint64 jisung;

  seed_history (HISTORY_NEWSLETTERS);
  g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, _("Last Contact"));

  jisung = insert_customer ("박지성", NULL, "010-5555-1212", "jisung.park@example.kr", "VIP");
  insert_customer ("이민호", "한빛 컨설팅", "02-345-6789", "minho.lee@example.kr", "강의");
  show_list ();
  dg_ui_test_wait_for (list_n_items () == 3);

  /* The day of the contact logged on the page, in the clock's zone. */
  minsu = dg_customers_get (get_database (), minsu_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dg_customer_get_last_contact_at (minsu));
  expected = dg_format_date (dg_customer_get_last_contact_at (minsu), tz);
  dg_ui_test_wait_for (g_strcmp0 (shown_last_contact ("김민수"), expected) == 0);
  g_assert_cmpstr (shown_last_contact ("이민호"), ==, C_("last contact", "Never"));

  /* A contact logged elsewhere shows at once, on its day in the clock's
   * zone: 08:00 in Seoul is still the day before in UTC. */
  when = dg_test_local_time (tz, 2026, 11, 2, 8, 0);
  dg_interaction_set_customer_id (interaction, jisung);
  dg_interaction_set_occurred_at (interaction, when);
  dg_interactions_insert (get_database (), DG_CLOCK (fake_clock), interaction, &error);
  g_assert_no_error (error);
  g_clear_pointer (&expected, g_free);
  expected = dg_format_date (when, tz);
  dg_ui_test_wait_for (g_strcmp0 (shown_last_contact ("박지성"), expected) == 0);
  {
    g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
    g_autofree char *in_utc = dg_format_date (when, utc);

    g_assert_cmpstr (in_utc, !=, expected);
  }

  /* Sorted in SQL: never contacted first, then the longest ago. */
  gtk_column_view_sort_by_column (get_column_view (), column, GTK_SORT_ASCENDING);
  dg_ui_test_wait_for ((first = list_dup_name (0)) != NULL && g_str_equal (first, "이민호"));
  g_clear_pointer (&first, g_free);
  first = list_dup_name (1);
  g_assert_cmpstr (first, ==, "박지성");
  g_clear_pointer (&first, g_free);

  gtk_column_view_sort_by_column (get_column_view (), column, GTK_SORT_DESCENDING);
  first = list_dup_name (0);
  g_assert_cmpstr (first, ==, "김민수");
  take_screenshot (GTK_WIDGET (get_window ()), "customers-last-contact");

  gtk_column_view_sort_by_column (get_column_view (), name_column, GTK_SORT_ASCENDING);
}

static guint
count_followups (gint64           customer_id,
                 DgFollowupFilter filter)
{
  g_autoptr(GPtrArray) followups = NULL;
  g_autoptr(GError) error = NULL;

  followups = dg_followups_list_for_customer (get_database (), customer_id, filter, &error);
  g_assert_no_error (error);

  return followups->len;
}

/* Deleting a customer from its page takes its contacts and follow-ups
 * with it; Undo brings all of them back. */
static void
test_delete_customer_and_undo (DgUiFixture   *fixture,
                               gconstpointer  data)
{
  g_autoptr(DgCustomer) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  guint n_contacts, n_open, n_all, n_customers;
  GtkWidget *row;

  seed_history (HISTORY_OTHERS);

  /* One of them done, so that its status has to come back too. */
  show_customer (minsu_id);
  row = find_followup_row ("Confirm the Saturday booking by message");
  g_assert_nonnull (row);
  gtk_widget_activate (row_button (row, "history.complete-followup"));
  dg_ui_test_wait_for (find_followup_row ("Confirm the Saturday booking by message") == NULL);

  n_contacts = count_contacts (minsu_id);
  n_open = count_followups (minsu_id, DG_FOLLOWUP_FILTER_OPEN);
  n_all = count_followups (minsu_id, DG_FOLLOWUP_FILTER_ALL);
  g_assert_cmpuint (n_contacts, >, 0);
  g_assert_cmpuint (n_open, >, 0);
  g_assert_cmpuint (n_all, >, n_open);

  dg_ui_test_wait_for (list_box_n_rows (page_child ("history_list")) > 0);
  n_customers = list_n_items ();
  uuid = g_strdup (dg_customer_get_uuid (dg_customer_page_get_customer (get_page ())));

  /* Delete from the page's menu; with a history, it asks first. */
  {
    GtkWindow *dialog = NULL;
    GtkWidget *button;

    g_assert_true (gtk_widget_activate_action (page_child ("menu_button"), "customers.delete", NULL));
    dg_ui_test_wait_for ((dialog = dg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
    button = dg_ui_test_find_button (GTK_WIDGET (dialog), _("_Delete"));
    g_assert_nonnull (button);
    gtk_widget_activate (button);
  }
  dg_ui_test_wait_for (list_n_items () == n_customers - 1);
  dg_ui_test_wait_for (dg_customer_page_get_customer (get_page ()) == NULL);
  g_assert_null (dg_customers_get_by_uuid (get_database (), uuid, NULL));
  g_assert_cmpuint (count_contacts (minsu_id), ==, 0);
  g_assert_cmpuint (count_followups (minsu_id, DG_FOLLOWUP_FILTER_ALL), ==, 0);

  press_undo ();
  dg_ui_test_wait_for (list_n_items () == n_customers);
  restored = dg_customers_get_by_uuid (get_database (), uuid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  g_assert_cmpint (dg_customer_get_id (restored), ==, minsu_id);
  g_assert_cmpuint (count_contacts (minsu_id), ==, n_contacts);
  g_assert_cmpuint (count_followups (minsu_id, DG_FOLLOWUP_FILTER_OPEN), ==, n_open);
  g_assert_cmpuint (count_followups (minsu_id, DG_FOLLOWUP_FILTER_ALL), ==, n_all);

  /* And the page shows it all again. */
  show_customer (minsu_id);
  dg_ui_test_wait_for (find_followup_row ("Send the workshop invoice") != NULL);
  dg_ui_test_wait_for (g_strcmp0 (history_row_summary (0), "Booked the Saturday class") == 0);
}

/* A contact logged through the page's form, at @when. */
static void
log_contact (DgInteractionChannel   channel,
             DgInteractionFeedback  feedback,
             const char            *summary,
             GDateTime             *when)
{
  g_autoptr(DgInteraction) interaction = dg_interaction_new ();
  g_autoptr(GError) error = NULL;

  dg_interaction_set_customer_id (interaction, minsu_id);
  dg_interaction_set_channel (interaction, channel);
  dg_interaction_set_feedback (interaction, feedback);
  dg_interaction_set_summary (interaction, summary);
  dg_interaction_set_occurred_at (interaction, when);
  dg_interactions_insert (get_database (), DG_CLOCK (fake_clock), interaction, &error);
  g_assert_no_error (error);
}

static void
insert_followup (DgFollowup *followup)
{
  g_autoptr(GError) error = NULL;

  dg_followup_set_customer_id (followup, minsu_id);
  dg_followups_insert (get_database (), DG_CLOCK (fake_clock), followup, &error);
  g_assert_no_error (error);
}

/* 김민수 with the history the cases before @stage leave, written through
 * the core; from HISTORY_CONTACTS on, her page shown. */
static void
seed_history (HistoryStage stage)
{
  g_autoptr(GTimeZone) tz = dup_zone ();

  minsu_id = insert_customer ("김민수", "Hanbit Consulting", "010-1234-5678",
                              "minsu@example.com", "VIP, workshop");

  {
    g_autoptr(DgFollowup) followup = dg_followup_new ();
    g_autoptr(GDateTime) due = dg_test_local_time (tz, 2026, 11, 26, 14, 30);

    dg_followup_set_title (followup, stage >= HISTORY_RENAMED ? "Call about the Saturday class"
                                                              : "Call about the spring workshop");
    dg_followup_set_due_at (followup, due);
    dg_followup_set_recurrence (followup, DG_RECURRENCE_WEEKS);
    dg_followup_set_recurrence_interval (followup, 2);
    dg_followup_set_keep_in_touch (followup, TRUE);
    dg_followup_set_note (followup, "Ask whether the Saturday class suits her.");
    insert_followup (followup);
  }

  if (stage >= HISTORY_CONTACTS)
    {
      g_autoptr(GDateTime) morning = dg_test_local_time (tz, 2026, 11, 24, 9, 15);
      g_autoptr(GDateTime) yesterday = dg_test_local_time (tz, 2026, 11, 23, 18, 40);
      g_autoptr(GDateTime) now = dg_clock_get_now_utc (DG_CLOCK (fake_clock));

      log_contact (DG_INTERACTION_CHANNEL_CALL, DG_INTERACTION_FEEDBACK_POSITIVE,
                   "Asked about the spring workshop", morning);
      log_contact (DG_INTERACTION_CHANNEL_MESSAGE, DG_INTERACTION_FEEDBACK_NONE,
                   "Sent the workshop schedule", yesterday);
      log_contact (DG_INTERACTION_CHANNEL_CALL, DG_INTERACTION_FEEDBACK_NONE,
                   "Booked the Saturday class", now);
    }

  if (stage >= HISTORY_FOLLOWUPS)
    {
      g_autoptr(DgFollowup) followup = dg_followup_new ();

      if (stage >= HISTORY_MOVED)
        {
          dg_followup_set_title (followup, "Confirm the Saturday booking by message");
          dg_followup_set_due_date (followup, "2026-11-25");
        }
      else
        {
          dg_followup_set_title (followup, "Confirm the Saturday booking");
          dg_followup_set_due_date (followup, "2026-11-24");
        }
      insert_followup (followup);
      add_overdue_followup ();
    }

  if (stage >= HISTORY_NEWSLETTERS)
    insert_newsletters ();

  if (stage >= HISTORY_OTHERS)
    {
      g_autoptr(DgInteraction) interaction = dg_interaction_new ();
      g_autoptr(GDateTime) when = dg_test_local_time (tz, 2026, 11, 2, 15, 0);
      g_autoptr(GError) error = NULL;
      gint64 jisung;

      jisung = insert_customer ("박지성", NULL, "010-5555-1212", "jisung.park@example.kr", "VIP");
      insert_customer ("이민호", "한빛 컨설팅", "02-345-6789", "minho.lee@example.kr", "강의");
      dg_interaction_set_customer_id (interaction, jisung);
      dg_interaction_set_occurred_at (interaction, when);
      dg_interactions_insert (get_database (), DG_CLOCK (fake_clock), interaction, &error);
      g_assert_no_error (error);
    }

  if (stage >= HISTORY_CONTACTS)
    show_customer (minsu_id);
}

/* The window of the page's screenshots. */
static const DgUiFixtureOptions history_options = { .width = 1100, .height = 960 };

static gboolean
is_menu_button (GtkWidget  *widget,
                const char *name)
{
  return GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

/* The item labelled @label of a popover menu (a GtkModelButton, which
 * shows its label without the mnemonic's underscore). */
static gboolean
is_menu_item (GtkWidget  *widget,
              const char *label)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) pieces = NULL;
  g_autofree char *plain = NULL;

  if (!g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkModelButton"))
    return FALSE;

  pieces = g_strsplit (label, "_", -1);
  plain = g_strjoinv ("", pieces);
  g_object_get (widget, "text", &text, NULL);

  return g_strcmp0 (text, plain) == 0;
}

/* Whether the row's subtitle says how often it repeats. */
static gboolean
says_how_often (GtkWidget *row)
{
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

  return subtitle != NULL && *subtitle != '\0';
}

static gboolean
followup_exists (gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgFollowup) followup = dg_followups_get (get_database (), id, &error);

  return followup != NULL;
}

/* A follow-up on the customer's page is deleted and stops repeating from
 * its row's menu, with Undo; a repeating one asks first. */
static void
test_delete_followup_from_page (DgUiFixture   *fixture,
                                gconstpointer  data)
{
  GtkWidget *row;
  GtkMenuButton *button;
  GtkPopover *popover;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog = NULL;
  gint64 series = 0, invoice = 0;

  seed_history (HISTORY_FOLLOWUPS);
  open = dg_followups_list_for_customer (get_database (), minsu_id, DG_FOLLOWUP_FILTER_OPEN, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < open->len; i++)
    {
      DgFollowup *followup = g_ptr_array_index (open, i);

      if (dg_followup_get_recurrence (followup) != DG_RECURRENCE_NONE)
        series = dg_followup_get_id (followup);
      if (g_strcmp0 (dg_followup_get_title (followup), "Send the workshop invoice") == 0)
        invoice = dg_followup_get_id (followup);
    }
  g_assert_cmpint (series, >, 0);
  g_assert_cmpint (invoice, >, 0);

  row = find_followup_row ("Call about the Saturday class");
  g_assert_nonnull (row);
  button = GTK_MENU_BUTTON (find_widget (row, is_menu_button, "followup-menu-button"));
  g_assert_nonnull (button);
  gtk_menu_button_popup (button);
  popover = gtk_menu_button_get_popover (button);
  dg_ui_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  g_assert_nonnull (find_widget (GTK_WIDGET (popover), is_menu_item, _("Stop _Repeating")));
  g_assert_nonnull (find_widget (GTK_WIDGET (popover), is_menu_item, _("_Delete…")));
  {
    g_autofree char *path = dg_ui_test_screenshot_with_popover (GTK_WIDGET (popover), "customer-followup-menu");

    g_test_message ("Saved %s", path);
  }
  gtk_menu_button_popdown (button);

  /* Not repeating: deleted at once, and back with Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page ()), "history.delete-followup", "x", invoice));
  g_assert_false (followup_exists (invoice));
  dg_ui_test_wait_for (find_followup_row ("Send the workshop invoice") == NULL);
  press_undo ();
  dg_ui_test_wait_for (find_followup_row ("Send the workshop invoice") != NULL);
  g_assert_true (followup_exists (invoice));

  /* Stop repeating: the row no longer says how often. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page ()), "history.stop-repeating", "x", series));
  dg_ui_test_wait_for ((row = find_followup_row ("Call about the Saturday class")) != NULL
                       && !says_how_often (row));
  press_undo ();
  dg_ui_test_wait_for ((row = find_followup_row ("Call about the Saturday class")) != NULL
                       && says_how_often (row));

  /* Repeating: this one and all later ends the series. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page ()), "history.delete-followup", "x", series));
  dg_ui_test_wait_for ((dialog = (AdwMessageDialog *)dg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  gtk_widget_activate (dg_ui_test_find_button (GTK_WIDGET (dialog),
                                               adw_message_dialog_get_response_label (dialog, "all-later")));
  dg_ui_test_wait_for (dialog == NULL);
  g_assert_false (followup_exists (series));
  dg_ui_test_wait_for (find_followup_row ("Call about the Saturday class") == NULL);
  press_undo ();
  dg_ui_test_wait_for (find_followup_row ("Call about the Saturday class") != NULL);
  g_assert_true (followup_exists (series));
}

int
main (int   argc,
      char *argv[])
{
  /* The list writes days in the process's local time, the page in the
   * clock's zone: the same zone makes both say the same day. */
  g_setenv ("TZ", "Asia/Seoul", TRUE);
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  DG_UI_TEST_ADD_WITH ("/ui/followup-editor/new-with-validation", &history_options, test_editor_new_with_validation);
  DG_UI_TEST_ADD_WITH ("/ui/followup-editor/edit", &history_options, test_editor_edit);
  DG_UI_TEST_ADD_WITH ("/ui/customer-history/log-contact", &history_options, test_log_contact);
  DG_UI_TEST_ADD_WITH ("/ui/customer-history/delete-contact-and-undo", &history_options, test_delete_contact_and_undo);
  DG_UI_TEST_ADD_WITH ("/ui/customer-history/add-followup-from-page", &history_options, test_add_followup_from_page);
  DG_UI_TEST_ADD_WITH ("/ui/customer-history/complete-followup-and-undo", &history_options, test_complete_followup_and_undo);
  DG_UI_TEST_ADD_WITH ("/ui/customer-history/edit-followup-from-page", &history_options, test_edit_followup_from_page);
  DG_UI_TEST_ADD_WITH ("/ui/customer-history/delete-followup-from-page", &history_options, test_delete_followup_from_page);
  DG_UI_TEST_ADD_WITH ("/ui/customer-history/clock-change-redraws", &history_options, test_clock_change_redraws);
  DG_UI_TEST_ADD_WITH ("/ui/customer-history/show-all-contacts", &history_options, test_show_all_contacts);
  DG_UI_TEST_ADD_WITH ("/ui/customer-history/last-contact-column", &history_options, test_last_contact_column);
  DG_UI_TEST_ADD_WITH ("/ui/customer-history/delete-customer-and-undo", &history_options, test_delete_customer_and_undo);

  return g_test_run ();
}
