/* test-ui-details.c
 *
 * Smaller things of the window as a whole: the app's icon is found when
 * it runs from the build tree (the About window shows it); the first start,
 * with no customers, offers Add Customer on Today and on Customers, each
 * opening the customer editor; a long note, the customer's and a contact's
 * in the history, is folded to its first lines with Show More, which
 * unfolds it, while a short one has no button; the keys of the shortcuts
 * window read as words or large glyphs.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dg-accessible.h"
#include "dg-customer-editor.h"
#include "dg-note-fold.h"
#include "dg-test-util.h"
#include "dg-ui-fixture.h"
#include "dg-ui-test-util.h"

static const char *
visible_page (DgUiFixture *fixture)
{
  AdwViewStack *stack = ADW_VIEW_STACK (dg_ui_test_find_by_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK));

  return adw_view_stack_get_visible_child_name (stack);
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_autofree char *path = NULL;

  dg_ui_test_wait_painted (widget, 2);
  path = dg_ui_test_screenshot (widget, name);
  g_assert_nonnull (path);
}

static void
test_about_icon (DgUiFixture   *fixture,
                 gconstpointer  data)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (fixture->window)));
  g_autofree char *icon_name = NULL;
  GtkWindow *about;

  /* Nothing is installed here: the icon comes from the resources. */
  g_assert_true (gtk_icon_theme_has_icon (theme, APPLICATION_ID));

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  dg_ui_test_wait_for ((about = dg_ui_test_find_window (ADW_TYPE_ABOUT_WINDOW)) != NULL);
  g_object_get (about, "application-icon", &icon_name, NULL);
  g_assert_cmpstr (icon_name, ==, APPLICATION_ID);
  g_assert_true (gtk_icon_theme_has_icon (theme, icon_name));
  gtk_window_set_default_size (about, 420, 560);
  screenshot (GTK_WIDGET (about), "about");
}

static GtkWidget *
wait_for_mapped_child (DgUiFixture *fixture,
                       const char  *id)
{
  GtkWidget *widget = NULL;

  dg_ui_test_wait_for ((widget = dg_ui_test_find_by_id (GTK_WIDGET (fixture->window), id)) != NULL
                       && gtk_widget_get_mapped (widget));

  return widget;
}

static void
close_editor (GtkWindow *editor)
{
  gtk_window_destroy (editor);
  dg_ui_test_wait_for (dg_ui_test_find_window (DG_TYPE_CUSTOMER_EDITOR) == NULL);
}

static void
test_first_start_add_customer (DgUiFixture   *fixture,
                               gconstpointer  data)
{
  GtkWindow *editor = NULL;
  GtkWidget *button;

  /* Today, on a database with no customers: Add Customer is the first
   * thing it offers, as the suggested action. */
  g_assert_cmpstr (visible_page (fixture), ==, "today");
  button = wait_for_mapped_child (fixture, "add_customer_button");
  g_assert_true (gtk_widget_has_css_class (button, "suggested-action"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, _("Add Customer"));
  screenshot (GTK_WIDGET (fixture->window), "today-first-start");

  gtk_widget_activate (button);
  dg_ui_test_wait_for ((editor = dg_ui_test_find_window (DG_TYPE_CUSTOMER_EDITOR)) != NULL);
  g_assert_cmpstr (gtk_window_get_title (editor), ==, _("New Customer"));
  g_assert_cmpstr (visible_page (fixture), ==, "customers");
  close_editor (editor);

  /* The Customers page's own empty state offers the same. */
  button = wait_for_mapped_child (fixture, "empty_add_button");
  g_assert_true (gtk_widget_has_css_class (button, "suggested-action"));
  screenshot (GTK_WIDGET (fixture->window), "customers-first-start");
  gtk_widget_activate (button);
  dg_ui_test_wait_for ((editor = dg_ui_test_find_window (DG_TYPE_CUSTOMER_EDITOR)) != NULL);
  close_editor (editor);
}

static const char *long_note_en =
  "Prefers calls after six.\nAsked about the weekend class twice.\n"
  "His daughter may join the spring course.\nLikes printed handouts.\n"
  "Pays by bank transfer, not by card.\nMet at the Seoul book fair in 2025.";
static const char *long_note_ko =
  "여섯 시 이후 통화를 선호함.\n주말반에 대해 두 번 물어봄.\n딸이 봄 강좌에 함께할 수도 있음.\n"
  "인쇄한 자료를 좋아함.\n카드 대신 계좌 이체로 결제.\n2025년 서울 도서전에서 만남.";

static gboolean
korean (void)
{
  return g_strcmp0 (g_getenv ("DANGOL_TEST_LANG"), "ko") == 0;
}

static void
add_contact (DgUiFixture *fixture,
             gint64       customer_id,
             const char  *summary,
             int          days_ago)
{
  g_autoptr(DgInteraction) interaction = dg_interaction_new ();
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (DG_CLOCK (fixture->clock));
  g_autoptr(GDateTime) when = g_date_time_add_days (now, -days_ago);
  g_autoptr(GError) error = NULL;

  dg_interaction_set_customer_id (interaction, customer_id);
  dg_interaction_set_occurred_at (interaction, when);
  dg_interaction_set_channel (interaction, DG_INTERACTION_CHANNEL_CALL);
  dg_interaction_set_summary (interaction, summary);
  dg_interactions_insert (fixture->database, DG_CLOCK (fixture->clock), interaction, &error);
  g_assert_no_error (error);
}

/* Every DgNoteFold under @widget that is on screen, in order. */
static void
collect_folds (GtkWidget *widget,
               GPtrArray *folds)
{
  if (DG_IS_NOTE_FOLD (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (folds, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_folds (child, folds);
}

static DgNoteFold *
find_fold_with (DgUiFixture *fixture,
                const char  *text)
{
  g_autoptr(GPtrArray) folds = g_ptr_array_new ();

  collect_folds (GTK_WIDGET (fixture->window), folds);
  for (guint i = 0; i < folds->len; i++)
    {
      DgNoteFold *fold = g_ptr_array_index (folds, i);

      if (g_str_has_prefix (gtk_label_get_text (dg_note_fold_get_label (fold)), text))
        return fold;
    }

  return NULL;
}

/* A long note is cut to DG_NOTE_FOLD_LINES lines with Show More; the
 * button shows the rest and then folds it again. */
static void
check_folds (DgUiFixture *fixture,
             DgNoteFold  *fold,
             const char  *screenshot_name)
{
  GtkWidget *button = dg_note_fold_get_button (fold);
  GtkWidget *label = GTK_WIDGET (dg_note_fold_get_label (fold));
  int folded_height, full_height, line_height;

  dg_ui_test_wait_for (gtk_widget_get_mapped (button));
  g_assert_true (dg_note_fold_get_overflows (fold));
  g_assert_false (dg_note_fold_get_expanded (fold));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, _("Show More"));

  /* Cut to its first lines: well under what the whole text needs. */
  folded_height = gtk_widget_get_height (label);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (label), NULL, &full_height, NULL, NULL);
  line_height = full_height / pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label)));
  g_assert_cmpint (folded_height, <, full_height);
  g_assert_cmpint (folded_height, <=, DG_NOTE_FOLD_LINES * line_height + line_height / 2);
  screenshot (GTK_WIDGET (fixture->window), screenshot_name);

  gtk_widget_activate (button);
  dg_ui_test_wait_for (dg_note_fold_get_expanded (fold));
  dg_ui_test_wait_for (gtk_widget_get_height (label) == full_height);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, _("Show Less"));
  {
    g_autofree char *name = g_strconcat (screenshot_name, "-shown", NULL);

    screenshot (GTK_WIDGET (fixture->window), name);
  }

  gtk_widget_activate (button);
  dg_ui_test_wait_for (!dg_note_fold_get_expanded (fold));
  dg_ui_test_wait_for (gtk_widget_get_height (label) == folded_height);
}

static void
test_long_note_folds (DgUiFixture   *fixture,
                      gconstpointer  data)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;
  const char *note = korean () ? long_note_ko : long_note_en;
  const char *short_note = korean () ? "짧은 통화." : "A short call.";
  DgNoteFold *fold, *contact_fold, *short_fold;

  dg_customer_set_name (customer, "김민수");
  dg_customer_set_note (customer, note);
  dg_customers_insert (fixture->database, customer, &error);
  g_assert_no_error (error);
  add_contact (fixture, dg_customer_get_id (customer), note, 2);
  add_contact (fixture, dg_customer_get_id (customer), short_note, 1);

  dg_window_show_customer (fixture->window, dg_customer_get_id (customer));
  dg_ui_test_wait_painted (GTK_WIDGET (fixture->window), 2);

  /* The same long text as a contact's note in the history and as the
   * customer's own note; both fold. */
  dg_ui_test_wait_for ((fold = find_fold_with (fixture, "Prefers")) != NULL
                       || (fold = find_fold_with (fixture, "여섯")) != NULL);
  check_folds (fixture, fold, "long-note-folded-1");

  {
    g_autoptr(GPtrArray) folds = g_ptr_array_new ();

    collect_folds (GTK_WIDGET (fixture->window), folds);
    contact_fold = NULL;
    for (guint i = 0; i < folds->len; i++)
      {
        DgNoteFold *candidate = g_ptr_array_index (folds, i);

        if (candidate != fold && g_str_equal (gtk_label_get_text (dg_note_fold_get_label (candidate)), note))
          contact_fold = candidate;
      }
  }
  g_assert_nonnull (contact_fold);
  check_folds (fixture, contact_fold, "long-note-folded-2");

  /* A note that fits has nothing to unfold. */
  short_fold = find_fold_with (fixture, short_note);
  g_assert_nonnull (short_fold);
  dg_ui_test_wait_painted (GTK_WIDGET (fixture->window), 2);
  g_assert_false (dg_note_fold_get_overflows (short_fold));
  g_assert_false (gtk_widget_get_mapped (dg_note_fold_get_button (short_fold)));
}

static void
collect_keycaps (GtkWidget *widget,
                 GPtrArray *keycaps)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "keycap"))
    g_ptr_array_add (keycaps, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_keycaps (child, keycaps);
}

/* Every key reads as a word or a glyph drawn large enough: no key names
 * with underscores ("Page_Up"), arrows and Return at a size of their own. */
static void
test_shortcut_keys_legible (DgUiFixture   *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) keycaps = g_ptr_array_new ();
  GtkWindow *shortcuts;
  guint n_symbols = 0;
  gboolean page_up = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help-overlay", NULL));
  dg_ui_test_wait_for ((shortcuts = dg_ui_test_find_window (GTK_TYPE_SHORTCUTS_WINDOW)) != NULL);
  dg_ui_test_wait_painted (GTK_WIDGET (shortcuts), 2);

  collect_keycaps (GTK_WIDGET (shortcuts), keycaps);
  g_assert_cmpuint (keycaps->len, >, 10);
  for (guint i = 0; i < keycaps->len; i++)
    {
      GtkWidget *keycap = g_ptr_array_index (keycaps, i);
      const char *text = gtk_label_get_text (GTK_LABEL (keycap));

      g_assert_null (strchr (text, '_'));
      page_up |= g_str_equal (text, C_("keyboard key", "Page Up"));
      if (g_utf8_strlen (text, -1) == 1 && g_utf8_get_char (text) >= 0x2190)
        {
          g_assert_true (gtk_widget_has_css_class (keycap, "symbol-keycap"));
          n_symbols++;
        }
    }
  g_assert_true (page_up);
  /* ← → ↑ ↓ and Return, at least. */
  g_assert_cmpuint (n_symbols, >=, 5);
}

/* The names the app gives buttons and rows whose label has a mnemonic. */
static void
test_strip_mnemonic (void)
{
  static const struct { const char *label, *name; } cases[] = {
    { "_Save", "Save" },
    { "Add _Follow-up", "Add Follow-up" },
    { "저장(_S)", "저장" },
    { "후속 연락 추가 (_A)", "후속 연락 추가" },
    { "snake__case", "snake_case" },
    { "No mnemonic", "No mnemonic" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = dg_accessible_strip_mnemonic (cases[i].label);

      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

int
main (int   argc,
      char *argv[])
{
  static const DgUiFixtureOptions customer_size = { .width = 900, .height = 980 };

  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/details/strip-mnemonic", test_strip_mnemonic);
  DG_UI_TEST_ADD ("/ui/details/about-icon", test_about_icon);
  DG_UI_TEST_ADD ("/ui/details/first-start-add-customer", test_first_start_add_customer);
  DG_UI_TEST_ADD_WITH ("/ui/details/long-note-folds", &customer_size, test_long_note_folds);
  DG_UI_TEST_ADD ("/ui/details/shortcut-keys-legible", test_shortcut_keys_legible);

  return g_test_run ();
}
