/* test-ui-editors.c
 *
 * The pieces the editors are built from, driven as a user would: the
 * follow-up form's customer field chosen by keyboard with Korean queries
 * (ㄱㅁㅅ, 민수, phone digits), changed and cleared, and written to the
 * database; and the field row's message, style and Enter/Ctrl+Enter.
 * Each case has a window of its own on a fresh database (dg-ui-fixture.h)
 * and stores the customers it searches itself.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-application.h"
#include "dg-customer-picker.h"
#include "dg-field-row.h"
#include "dg-followup-editor.h"
#include "dg-test-util.h"
#include "dg-ui-fixture.h"
#include "dg-ui-test-util.h"
#include "dg-window.h"

/* The fake clock of the case that runs. */
#define fake_clock (dg_ui_fixture_get_current ()->clock)

static gint64 minsu_id;
static gint64 lee_minsu_id;
static gint64 jihoon_id;
static gint64 nancy_id;

static gint64
insert_customer (DgDatabase *database,
                 const char *name,
                 const char *phone,
                 const char *organization,
                 gboolean    archived)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  dg_customer_set_phone (customer, phone);
  dg_customer_set_organization (customer, organization);
  dg_customers_insert (database, customer, &error);
  g_assert_no_error (error);
  if (archived)
    {
      dg_customers_set_archived (database, dg_customer_get_id (customer), TRUE, &error);
      g_assert_no_error (error);
    }

  return dg_customer_get_id (customer);
}

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

/* The customers the picker searches, on the case's database. */
static void
insert_customers (void)
{
  DgDatabase *database = get_database ();

  minsu_id = insert_customer (database, "김민수", "010-1234-5678", "Hanbit Consulting", FALSE);
  lee_minsu_id = insert_customer (database, "이민수", "010-9876-5432", "Seoul Dance", FALSE);
  jihoon_id = insert_customer (database, "박지훈", "010-5555-0101", NULL, FALSE);
  nancy_id = insert_customer (database, "Nancy Baker", NULL, "Baker & Co", FALSE);
  /* Matches ㄱㅁㅅ too, but archived customers are not offered. */
  insert_customer (database, "김민석", "010-2222-3333", NULL, TRUE);
}

static GtkWidget *
child_of (gpointer    root,
          const char *id)
{
  GtkWidget *child = dg_ui_test_find_by_id (GTK_WIDGET (root), id);

  g_assert_nonnull (child);

  return child;
}

static DgFollowupEditor *
open_editor (DgFollowup *followup)
{
  DgFollowupEditor *editor = dg_followup_editor_new (GTK_WINDOW (get_window ()), get_context (), followup);

  gtk_window_present (GTK_WINDOW (editor));
  dg_ui_test_wait_painted (GTK_WIDGET (editor), 1);

  return editor;
}

static DgCustomerPicker *
picker_of (DgFollowupEditor *editor)
{
  return DG_CUSTOMER_PICKER (child_of (editor, "customer_picker"));
}

static GtkListBox *
match_list_of (DgCustomerPicker *picker)
{
  return GTK_LIST_BOX (dg_ui_test_find_by_type (dg_customer_picker_get_popover (picker), GTK_TYPE_LIST_BOX));
}

static GtkWidget *
find_label_with_class (GtkWidget  *root,
                       const char *css_class)
{
  if (GTK_IS_LABEL (root) && (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The names the open list shows, joined with "|". */
static char *
dup_match_names (DgCustomerPicker *picker)
{
  GtkListBox *list = match_list_of (picker);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      GtkWidget *label = find_label_with_class (GTK_WIDGET (row), NULL);

      g_assert_nonnull (label);
      g_strv_builder_add (builder, gtk_label_get_text (GTK_LABEL (label)));
    }
  names = g_strv_builder_end (builder);

  return g_strjoinv ("|", names);
}

/* Types @query as one edit (as an input method commits it) into the empty
 * field and waits for its list to open. */
static void
type_query (DgCustomerPicker *picker,
            const char       *query)
{
  gtk_editable_set_text (GTK_EDITABLE (picker), "");
  g_assert_false (dg_customer_picker_get_popup_shown (picker));
  gtk_editable_set_text (GTK_EDITABLE (picker), query);
  dg_ui_test_wait_for (dg_customer_picker_get_popup_shown (picker));
  dg_ui_test_wait_painted (dg_customer_picker_get_popover (picker), 1);
}

static void
assert_matches (DgCustomerPicker *picker,
                const char       *query,
                const char       *expected)
{
  g_autofree char *names = NULL;

  type_query (picker, query);
  names = dup_match_names (picker);
  g_assert_cmpstr (names, ==, expected);
  if (*expected == '\0')
    {
      GtkWidget *no_match = find_label_with_class (dg_customer_picker_get_popover (picker), "no-match");

      g_assert_cmpuint (dg_customer_picker_get_n_matches (picker), ==, 0);
      g_assert_nonnull (no_match);
      g_assert_true (gtk_widget_get_mapped (no_match));
    }
  else
    {
      g_auto(GStrv) split = g_strsplit (expected, "|", -1);

      g_assert_cmpuint (dg_customer_picker_get_n_matches (picker), ==, g_strv_length (split));
    }
}

static gint64
selected_index (DgCustomerPicker *picker)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (match_list_of (picker));

  return row ? gtk_list_box_row_get_index (row) : -1;
}

static DgFollowup *
get_followup (gint64 id)
{
  g_autoptr(GError) error = NULL;
  DgFollowup *followup = dg_followups_get (get_database (), id, &error);

  g_assert_no_error (error);

  return followup;
}

static gint64
add_followup (const char *title,
              gint64      customer_id)
{
  g_autoptr(DgFollowup) followup = dg_followup_new ();
  g_autoptr(GError) error = NULL;

  dg_followup_set_title (followup, title);
  dg_followup_set_due_date (followup, "2026-12-08");
  dg_followup_set_customer_id (followup, customer_id);
  dg_followups_insert (get_database (), DG_CLOCK (fake_clock), followup, &error);
  g_assert_no_error (error);

  return dg_followup_get_id (followup);
}

static GtkWidget *
find_button_with_tooltip (GtkWidget  *root,
                          const char *tooltip)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Activates the clear button as Space on it would, and waits for the
 * click (a button shows itself pressed a moment first). */
static void
press_clear (DgCustomerPicker *picker)
{
  GtkWidget *button = find_button_with_tooltip (GTK_WIDGET (picker), _("No Customer"));

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  gtk_widget_activate (button);
  dg_ui_test_wait_for (*gtk_editable_get_text (GTK_EDITABLE (picker)) == '\0');
  g_assert_false (gtk_widget_get_visible (button));
}

static void
on_saved_cb (DgFollowupEditor *editor,
             DgFollowup       *followup,
             gint64           *out_id)
{
  *out_id = dg_followup_get_id (followup);
}

/* Saves by the editor's Save action; returns the id written. */
static gint64
save_and_wait (DgFollowupEditor *editor)
{
  gint64 id = 0;

  g_signal_connect (editor, "saved", G_CALLBACK (on_saved_cb), &id);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  dg_ui_test_wait_for (editor == NULL);
  g_assert_cmpint (id, >, 0);

  return id;
}

static gboolean
focus_is_in (GtkWidget *window,
             GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* A new follow-up for no one yet: ㄱㅁㅅ, Down and Enter choose 김민수,
 * and saving writes the follow-up as hers. */
static void
test_choose_by_keyboard (DgUiFixture   *fixture,
                         gconstpointer  data)
{
  g_autoptr(DgFollowup) stored = NULL;
  DgFollowupEditor *editor;
  DgCustomerPicker *picker;
  GtkWidget *detail;
  gint64 id;

  if (!dg_ui_test_can_send_input ())
    {
      g_test_skip ("Needs X11 and xdotool to type");
      return;
    }

  insert_customers ();
  editor = open_editor (NULL);
  picker = picker_of (editor);
  g_assert_cmpint (dg_customer_picker_get_customer_id (picker), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker)), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (child_of (editor, "title_row")), "Invite to the next course");

  gtk_widget_grab_focus (GTK_WIDGET (picker));
  assert_matches (picker, "ㄱㅁㅅ", "김민수");
  detail = find_label_with_class (dg_customer_picker_get_popover (picker), "caption");
  g_assert_nonnull (detail);
  {
    g_autofree char *expected = g_strconcat ("010-1234-5678", _(" · "), "Hanbit Consulting", NULL);

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (detail)), ==, expected);
  }
  g_assert_cmpint (selected_index (picker), ==, -1);
  g_free (dg_ui_test_screenshot_with_popover (dg_customer_picker_get_popover (picker), "customer-picker"));

  dg_ui_test_send_keys (GTK_WIDGET (picker), "Down");
  dg_ui_test_wait_for (selected_index (picker) == 0);
  g_assert_true (focus_is_in (GTK_WIDGET (editor), GTK_WIDGET (picker)));
  {
    GtkAccessible *text = GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (picker)));

    gtk_test_accessible_assert_property (text, GTK_ACCESSIBLE_PROPERTY_AUTOCOMPLETE,
                                         GTK_ACCESSIBLE_AUTOCOMPLETE_LIST);
    gtk_test_accessible_assert_relation (text, GTK_ACCESSIBLE_RELATION_ACTIVE_DESCENDANT,
                                         gtk_list_box_get_row_at_index (match_list_of (picker), 0));
  }
  g_free (dg_ui_test_screenshot_with_popover (dg_customer_picker_get_popover (picker), "customer-picker-selected"));
  dg_ui_test_send_keys (GTK_WIDGET (picker), "Return");
  dg_ui_test_wait_for (dg_customer_picker_get_customer_id (picker) == minsu_id);
  g_assert_false (dg_customer_picker_get_popup_shown (picker));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker)), ==, "김민수");
  g_assert_cmpstr (dg_customer_picker_get_customer_name (picker), ==, "김민수");
  g_assert_null (dg_field_row_get_error (DG_FIELD_ROW (picker)));
  /* Enter picked; it did not save as well. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (child_of (editor, "window_title"))), ==, "김민수");
  g_free (dg_ui_test_screenshot (GTK_WIDGET (editor), "customer-picker-chosen"));

  id = save_and_wait (editor);
  stored = get_followup (id);
  g_assert_cmpstr (dg_followup_get_title (stored), ==, "Invite to the next course");
  g_assert_cmpint (dg_followup_get_customer_id (stored), ==, minsu_id);
}

/* The same search as the customer list: syllables, initial consonants,
 * phone digits and Latin names; nothing found says so. Escape closes the
 * list, not the form, and text that chose no one is refused on Save. */
static void
test_search_and_escape (DgUiFixture   *fixture,
                        gconstpointer  data)
{
  g_autoptr(DgFollowup) stored = NULL;
  DgFollowupEditor *editor;
  DgCustomerPicker *picker;
  gint64 id;

  insert_customers ();
  editor = open_editor (NULL);
  picker = picker_of (editor);
  gtk_editable_set_text (GTK_EDITABLE (child_of (editor, "title_row")), "Book the room");
  gtk_widget_grab_focus (GTK_WIDGET (picker));

  assert_matches (picker, "민수", "김민수|이민수");
  assert_matches (picker, "0101234", "김민수");
  assert_matches (picker, "ㅇㅁㅅ", "이민수");
  assert_matches (picker, "baker", "Nancy Baker");
  assert_matches (picker, "지훈", "박지훈");
  assert_matches (picker, "없는사람", "");
  g_free (dg_ui_test_screenshot_with_popover (dg_customer_picker_get_popover (picker), "customer-picker-no-match"));

  if (dg_ui_test_can_send_input ())
    {
      dg_ui_test_send_keys (GTK_WIDGET (picker), "Escape");
      dg_ui_test_wait_for (!dg_customer_picker_get_popup_shown (picker));
      dg_ui_test_flush ();
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
    }

  /* Typed, but no one chosen: Save says so at the field. */
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  dg_ui_test_flush ();
  g_assert_nonnull (editor);
  g_assert_cmpstr (dg_field_row_get_error (DG_FIELD_ROW (picker)), ==,
                   _("Customer: choose one from the list, or clear the field"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (picker), "error"));
  g_assert_true (focus_is_in (GTK_WIDGET (editor), GTK_WIDGET (picker)));
  g_free (dg_ui_test_screenshot (GTK_WIDGET (editor), "customer-picker-invalid"));
  g_object_remove_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);

  /* The clear button: for no one in particular. */
  press_clear (picker);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker)), ==, "");
  g_assert_null (dg_field_row_get_error (DG_FIELD_ROW (picker)));
  g_assert_cmpint (dg_customer_picker_get_customer_id (picker), ==, 0);

  id = save_and_wait (editor);
  stored = get_followup (id);
  g_assert_cmpstr (dg_followup_get_title (stored), ==, "Book the room");
  g_assert_cmpint (dg_followup_get_customer_id (stored), ==, 0);
}

/* Opened from a customer's follow-up, the customer is there and can be
 * changed to another, then cleared. */
static void
test_change_and_clear (DgUiFixture   *fixture,
                       gconstpointer  data)
{
  DgFollowupEditor *editor;
  DgCustomerPicker *picker;
  gint64 id;

  insert_customers ();
  id = add_followup ("Send the workshop invoice", minsu_id);
  {
    g_autoptr(DgFollowup) followup = get_followup (id);

    editor = open_editor (followup);
  }
  picker = picker_of (editor);
  g_assert_cmpint (dg_customer_picker_get_customer_id (picker), ==, minsu_id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker)), ==, "김민수");
  g_assert_false (dg_customer_picker_get_popup_shown (picker));

  /* Typing over the name is a new search: the choice goes until a new one
   * is made. */
  gtk_widget_grab_focus (GTK_WIDGET (picker));
  assert_matches (picker, "이민", "이민수");
  g_assert_cmpint (dg_customer_picker_get_customer_id (picker), ==, 0);
  if (dg_ui_test_can_send_input ())
    {
      dg_ui_test_send_keys (GTK_WIDGET (picker), "Down");
      dg_ui_test_wait_for (selected_index (picker) == 0);
      dg_ui_test_send_keys (GTK_WIDGET (picker), "Return");
    }
  else
    {
      gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (match_list_of (picker), 0)));
    }
  dg_ui_test_wait_for (dg_customer_picker_get_customer_id (picker) == lee_minsu_id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker)), ==, "이민수");
  g_assert_cmpint (save_and_wait (editor), ==, id);
  {
    g_autoptr(DgFollowup) stored = get_followup (id);

    g_assert_cmpint (dg_followup_get_customer_id (stored), ==, lee_minsu_id);
    g_assert_cmpstr (dg_followup_get_customer_name (stored), ==, "이민수");
  }

  {
    g_autoptr(DgFollowup) followup = get_followup (id);

    editor = open_editor (followup);
  }
  picker = picker_of (editor);
  g_assert_cmpint (dg_customer_picker_get_customer_id (picker), ==, lee_minsu_id);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (editor), "followup-editor-customer"));
  press_clear (picker);
  g_assert_cmpint (dg_customer_picker_get_customer_id (picker), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker)), ==, "");
  g_assert_true (focus_is_in (GTK_WIDGET (editor), GTK_WIDGET (picker)));
  g_assert_cmpint (save_and_wait (editor), ==, id);
  {
    g_autoptr(DgFollowup) stored = get_followup (id);

    g_assert_cmpint (dg_followup_get_customer_id (stored), ==, 0);
  }
}

/* A match can be clicked too. */
static void
test_choose_by_click (DgUiFixture   *fixture,
                      gconstpointer  data)
{
  DgFollowupEditor *editor;
  DgCustomerPicker *picker;

  if (!dg_ui_test_can_send_input ())
    {
      g_test_skip ("Needs X11 and xdotool to click");
      return;
    }

  insert_customers ();
  editor = open_editor (NULL);
  picker = picker_of (editor);
  gtk_widget_grab_focus (GTK_WIDGET (picker));
  assert_matches (picker, "민수", "김민수|이민수");
  dg_ui_test_click (GTK_WIDGET (gtk_list_box_get_row_at_index (match_list_of (picker), 1)));
  dg_ui_test_wait_for (dg_customer_picker_get_customer_id (picker) == lee_minsu_id);
  g_assert_false (dg_customer_picker_get_popup_shown (picker));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker)), ==, "이민수");

  /* Moving on to another field closes the list. */
  assert_matches (picker, "ㄱㅁㅅ", "김민수");
  gtk_widget_grab_focus (child_of (editor, "title_row"));
  dg_ui_test_wait_for (!dg_customer_picker_get_popup_shown (picker));

  gtk_window_destroy (GTK_WINDOW (editor));
}

/* However many match, only the first ones by name are read and listed;
 * Down on an empty field lists everyone from the start. */
static void
test_at_most_max_matches (DgUiFixture   *fixture,
                          gconstpointer  data)
{
  DgFollowupEditor *editor;
  DgCustomerPicker *picker;
  g_autofree char *names = NULL;

  insert_customers ();
  for (guint i = 1; i <= 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("Student %02u", i);

      insert_customer (get_database (), name, NULL, "Spring Class", FALSE);
    }

  editor = open_editor (NULL);
  picker = picker_of (editor);
  gtk_widget_grab_focus (GTK_WIDGET (picker));
  type_query (picker, "student");
  g_assert_cmpuint (dg_customer_picker_get_n_matches (picker), ==, DG_CUSTOMER_PICKER_MAX_MATCHES);
  names = dup_match_names (picker);
  g_assert_true (g_str_has_prefix (names, "Student 01|Student 02|"));
  g_assert_true (g_str_has_suffix (names, "|Student 20"));

  if (dg_ui_test_can_send_input ())
    {
      /* The last of the list scrolls into sight as the arrows reach it. */
      for (guint i = 0; i < DG_CUSTOMER_PICKER_MAX_MATCHES; i++)
        dg_ui_test_send_keys (GTK_WIDGET (picker), "Down");
      dg_ui_test_wait_for (selected_index (picker) == DG_CUSTOMER_PICKER_MAX_MATCHES - 1);
      {
        GtkWidget *scrolled = dg_ui_test_find_by_type (dg_customer_picker_get_popover (picker),
                                                       GTK_TYPE_SCROLLED_WINDOW);
        GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

        dg_ui_test_wait_painted (dg_customer_picker_get_popover (picker), 1);
        g_assert_cmpfloat (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment),
                           ==, gtk_adjustment_get_upper (adjustment));
      }
      g_free (dg_ui_test_screenshot_with_popover (dg_customer_picker_get_popover (picker), "customer-picker-scrolled"));
      dg_ui_test_send_keys (GTK_WIDGET (picker), "Up");
      dg_ui_test_wait_for (selected_index (picker) == DG_CUSTOMER_PICKER_MAX_MATCHES - 2);

      gtk_editable_set_text (GTK_EDITABLE (picker), "");
      g_assert_false (dg_customer_picker_get_popup_shown (picker));
      dg_ui_test_send_keys (GTK_WIDGET (picker), "Down");
      dg_ui_test_wait_for (dg_customer_picker_get_popup_shown (picker));
      g_clear_pointer (&names, g_free);
      names = dup_match_names (picker);
      g_assert_cmpuint (dg_customer_picker_get_n_matches (picker), ==, DG_CUSTOMER_PICKER_MAX_MATCHES);
      g_assert_true (g_str_has_prefix (names, "Nancy Baker|Student 01|"));
    }

  gtk_window_destroy (GTK_WINDOW (editor));
}

/* Keeping in touch needs a customer: the switch follows the choice. */
static void
test_keep_in_touch_follows_customer (DgUiFixture   *fixture,
                                     gconstpointer  data)
{
  DgFollowupEditor *editor;
  DgCustomerPicker *picker;
  GtkWidget *keep_in_touch_row;

  insert_customers ();
  editor = open_editor (NULL);
  picker = picker_of (editor);
  keep_in_touch_row = child_of (editor, "keep_in_touch_row");

  g_assert_false (gtk_widget_get_sensitive (keep_in_touch_row));
  dg_customer_picker_set_customer_id (picker, nancy_id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (picker)), ==, "Nancy Baker");
  g_assert_true (gtk_widget_get_sensitive (keep_in_touch_row));
  dg_customer_picker_set_customer_id (picker, 0);
  g_assert_false (gtk_widget_get_sensitive (keep_in_touch_row));

  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
on_submit_cb (GSimpleAction *action,
              GVariant      *parameter,
              guint         *count)
{
  (*count)++;
}

static void
on_error_notify_cb (DgFieldRow *row,
                    GParamSpec *pspec,
                    guint      *count)
{
  (*count)++;
}

static void
on_default_clicked_cb (GtkButton *button,
                       guint     *count)
{
  (*count)++;
}

/* The field row alone: its message, style and description, and Enter and
 * Ctrl+Enter submitting to its action or to the window's default. */
static void
test_field_row (DgUiFixture   *fixture,
                gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = NULL;
  g_autoptr(GSimpleAction) submit = NULL;
  GtkWidget *test_window;
  GtkWidget *box;
  GtkWidget *list;
  GtkWidget *default_button;
  DgFieldRow *row;
  GtkWidget *label;
  GtkWidget *text;
  guint submitted = 0;
  guint defaulted = 0;
  guint notified = 0;

  /* The app, for its style sheet: the fixture made it. */
  group = g_simple_action_group_new ();
  submit = g_simple_action_new ("submit", NULL);
  test_window = gtk_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  default_button = gtk_button_new_with_label ("Default");
  row = DG_FIELD_ROW (dg_field_row_new ());

  g_signal_connect (submit, "activate", G_CALLBACK (on_submit_cb), &submitted);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (submit));
  gtk_widget_insert_action_group (box, "test", G_ACTION_GROUP (group));
  g_signal_connect (default_button, "clicked", G_CALLBACK (on_default_clicked_cb), &defaulted);
  g_signal_connect (row, "notify::error", G_CALLBACK (on_error_notify_cb), &notified);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Email");
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row));
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), default_button);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_window_set_child (GTK_WINDOW (test_window), box);
  gtk_window_set_default_widget (GTK_WINDOW (test_window), default_button);
  gtk_window_set_default_size (GTK_WINDOW (test_window), 400, -1);
  gtk_window_present (GTK_WINDOW (test_window));
  dg_ui_test_wait_painted (test_window, 1);

  label = find_label_with_class (GTK_WIDGET (row), "field-error");
  text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row)));
  g_assert_nonnull (label);
  g_assert_true (GTK_IS_TEXT (text));
  g_assert_false (gtk_widget_get_visible (label));
  g_assert_null (dg_field_row_get_error (row));

  dg_field_row_set_error (row, "Email: “minsu@” is not an email address");
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Email: “minsu@” is not an email address");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_cmpuint (notified, ==, 1);
  /* Told to assistive technologies on the text, which has the focus. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Email: “minsu@” is not an email address");
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  /* The same message again is no change. */
  dg_field_row_set_error (row, "Email: “minsu@” is not an email address");
  g_assert_cmpuint (notified, ==, 1);
  g_free (dg_ui_test_screenshot (test_window, "field-row-error"));

  {
    g_autoptr(GError) error = g_error_new_literal (DG_ERROR, DG_ERROR_INVALID_FIELD, "Name: enter a name");

    g_assert_true (dg_field_row_show_gerror (row, error));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Name: enter a name");
    g_assert_false (dg_field_row_show_gerror (row, NULL));
  }
  g_assert_false (gtk_widget_get_visible (label));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_null (dg_field_row_get_error (row));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  dg_field_row_set_error (row, "");
  g_assert_null (dg_field_row_get_error (row));

  gtk_editable_set_text (GTK_EDITABLE (row), "  minsu@example.com ");
  {
    g_autofree char *trimmed = dg_field_row_dup_trimmed_text (row);

    g_assert_cmpstr (trimmed, ==, "minsu@example.com");
  }

  /* Enter without a submit action: the window's default widget (a button
   * shows itself pressed a moment before it is clicked). */
  g_signal_emit_by_name (text, "activate");
  dg_ui_test_wait_for (defaulted == 1);
  g_assert_cmpuint (submitted, ==, 0);

  /* With one, Enter and Ctrl+Enter activate it. */
  dg_field_row_set_submit_action (row, "test.submit");
  g_assert_cmpstr (dg_field_row_get_submit_action (row), ==, "test.submit");
  g_signal_emit_by_name (text, "activate");
  g_assert_cmpuint (submitted, ==, 1);
  if (dg_ui_test_can_send_input ())
    {
      gtk_widget_grab_focus (GTK_WIDGET (row));
      dg_ui_test_send_keys (GTK_WIDGET (row), "ctrl+Return");
      dg_ui_test_wait_for (submitted == 2);
      dg_ui_test_send_keys (GTK_WIDGET (row), "Return");
      dg_ui_test_wait_for (submitted == 3);
    }
  g_assert_cmpuint (defaulted, ==, 1);

  gtk_window_destroy (GTK_WINDOW (test_window));
}

/* The window the editors are transient for. */
static const DgUiFixtureOptions editors_options = { .width = 1100, .height = 900 };

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Seoul", TRUE);
  /* GTK's in-process accessibility backend, so what the widgets tell
   * assistive technologies can be read back; no bus is needed. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  DG_UI_TEST_ADD_WITH ("/ui/field-row/error-and-submit", &editors_options, test_field_row);
  DG_UI_TEST_ADD_WITH ("/ui/customer-picker/choose-by-keyboard", &editors_options, test_choose_by_keyboard);
  DG_UI_TEST_ADD_WITH ("/ui/customer-picker/search-and-escape", &editors_options, test_search_and_escape);
  DG_UI_TEST_ADD_WITH ("/ui/customer-picker/change-and-clear", &editors_options, test_change_and_clear);
  DG_UI_TEST_ADD_WITH ("/ui/customer-picker/choose-by-click", &editors_options, test_choose_by_click);
  DG_UI_TEST_ADD_WITH ("/ui/customer-picker/keep-in-touch", &editors_options, test_keep_in_touch_follows_customer);
  DG_UI_TEST_ADD_WITH ("/ui/customer-picker/at-most-max-matches", &editors_options, test_at_most_max_matches);

  return g_test_run ();
}
