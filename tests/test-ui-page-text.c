/* test-ui-page-text.c
 *
 * How the text of the main window reads, in English and in Korean:
 *
 * - The buttons of the pages (list rows, header bars, empty states) and of
 *   toasts carry no mnemonic: in Korean a mnemonic shows as a letter in
 *   brackets, "완료(D)" on every row. Dialogs and forms keep theirs.
 * - Every wrapping label breaks its lines between words (dg-keep-all.h),
 *   libadwaita's row subtitles and status pages too.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-calendar-view.h"
#include "dg-customers-test-util.h"
#include "dg-interaction-form.h"
#include "dg-journey-templates.h"
#include "dg-keep-all.h"
#include "dg-test-util.h"
#include "dg-ui-fixture.h"
#include "dg-ui-test-util.h"

/* Narrow enough for the Korean text to wrap, wide enough for every page. */
static const DgUiFixtureOptions page_text_options = {
  .width = 720, .height = 900,
};

#define PAGE_TEXT_TEST_ADD(path, func)                                       \
  DG_UI_TEST_ADD_WITH ((path), &page_text_options, (func))

#define LONG_NOTE "처음 상담 때 반복되는 일정 관리가 어렵다고 하셨습니다. 날마다 찾아보십시오 " \
                  "안내문을 보내 드리고 다음 달 강의 일정도 함께 알려 드리기로 했습니다."
#define LONG_TITLE "다음 주 강의 안내문과 설문 결과를 정리해서 날마다 찾아보십시오 메시지로 보내고 참석 여부와 주차 안내까지 함께 확인하기"

static DgWindow *
get_window (void)
{
  return dg_ui_fixture_get_current ()->window;
}

static DgDatabase *
get_database (void)
{
  return dg_ui_fixture_get_current ()->database;
}

static DgClock *
get_clock (void)
{
  return DG_CLOCK (dg_ui_fixture_get_current ()->clock);
}

static GtkWidget *
window_child (const char *id)
{
  GtkWidget *child = dg_ui_test_find_by_id (GTK_WIDGET (get_window ()), id);

  g_assert_nonnull (child);
  return child;
}

static void
show_page (const char *name)
{
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (window_child ("view_stack")), name);
  dg_ui_test_wait_painted (GTK_WIDGET (get_window ()), 2);
}

static GDateTime *
local_time (int month,
            int day,
            int hour)
{
  g_autoptr(GTimeZone) zone = dg_clock_dup_time_zone (get_clock ());

  return g_date_time_new (zone, 2026, month, day, hour, 0, 0);
}

static gint64
insert_customer (const char *name,
                 const char *note)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  dg_customer_set_phone (customer, "010-1234-5678");
  dg_customer_set_organization (customer, "단골 교육 연구소");
  if (note != NULL)
    dg_customer_set_note (customer, note);
  dg_customers_insert (get_database (), customer, &error);
  g_assert_no_error (error);

  return dg_customer_get_id (customer);
}

static void
insert_followup (const char *title,
                 gint64      customer_id,
                 int         day,
                 int         hour)
{
  g_autoptr(DgFollowup) followup = dg_followup_new ();
  g_autoptr(GDateTime) due = local_time (11, day, hour);
  g_autoptr(GError) error = NULL;

  dg_followup_set_title (followup, title);
  dg_followup_set_customer_id (followup, customer_id);
  dg_followup_set_due_at (followup, due);
  dg_followups_insert (get_database (), get_clock (), followup, &error);
  g_assert_no_error (error);
}

static void
log_contact (gint64      customer_id,
             const char *summary)
{
  g_autoptr(DgInteraction) interaction = dg_interaction_new ();
  g_autoptr(GDateTime) when = local_time (11, 20, 11);
  g_autoptr(GError) error = NULL;

  dg_interaction_set_customer_id (interaction, customer_id);
  dg_interaction_set_occurred_at (interaction, when);
  dg_interaction_set_channel (interaction, DG_INTERACTION_CHANNEL_CALL);
  dg_interaction_set_summary (interaction, summary);
  dg_interactions_insert (get_database (), get_clock (), interaction, &error);
  g_assert_no_error (error);
}

/* Overdue and due today, with titles long enough to wrap, and a customer
 * with a long note and a contact, another going cold. */
static void
seed (void)
{
  gint64 minsu = insert_customer ("김민수", LONG_NOTE);

  insert_customer ("박지훈", NULL);
  log_contact (minsu, LONG_NOTE);
  insert_followup (LONG_TITLE, minsu, 23, 15);
  insert_followup ("반복 일정 확인 전화", minsu, 24, 9);
  insert_followup ("Send the workshop invoice", 0, 24, 16);
}

typedef struct
{
  /* "text" of each label that shows a mnemonic where none should be. */
  GString *mnemonics;
  guint    n_mnemonics_allowed;
  /* Wrapping labels whose lines start inside a word, or without the rule. */
  GString *broken_words;
  guint    n_wrapped;
} Findings;

/* Whether @text has a word that the rule keeps whole. */
static gboolean
has_kept_word (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!dg_keep_all_is_line_start (text, p - text))
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_allow_breaks (GtkLabel *label)
{
  PangoAttrList *attrs = gtk_label_get_attributes (label);
  g_autoptr(PangoAttrIterator) iter = NULL;

  if (attrs == NULL)
    return FALSE;
  iter = pango_attr_list_get_iterator (attrs);
  do
    {
      if (pango_attr_iterator_get (iter, PANGO_ATTR_ALLOW_BREAKS) != NULL)
        return TRUE;
    }
  while (pango_attr_iterator_next (iter));

  return FALSE;
}

static void
check_wrapping (GtkLabel *label,
                Findings *findings)
{
  PangoLayout *layout;
  const char *text;

  if (!gtk_label_get_wrap (label) || !gtk_widget_get_mapped (GTK_WIDGET (label)))
    return;

  layout = gtk_label_get_layout (label);
  text = pango_layout_get_text (layout);
  if (has_kept_word (text) && !has_allow_breaks (label))
    g_string_append_printf (findings->broken_words, "\n  without the rule: “%s”", text);

  if (pango_layout_get_line_count (layout) > 1)
    findings->n_wrapped++;
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;

      if (!dg_keep_all_is_line_start (text, line->start_index))
        g_string_append_printf (findings->broken_words, "\n  a line starts inside a word: “%s”", text);
    }
}

static void
check_tree (GtkWidget *widget,
            gboolean   in_form,
            Findings  *findings)
{
  /* A popover is a surface of its own, opened on purpose, like a small
   * dialog; the contact form is a form. */
  if (GTK_IS_POPOVER (widget))
    return;
  in_form |= DG_IS_INTERACTION_FORM (widget);

  if (GTK_IS_LABEL (widget))
    {
      GtkLabel *label = GTK_LABEL (widget);

      if (gtk_label_get_use_underline (label) && strchr (gtk_label_get_label (label), '_') != NULL)
        {
          if (in_form)
            findings->n_mnemonics_allowed++;
          else
            g_string_append_printf (findings->mnemonics, "\n  “%s” in a %s",
                                    gtk_label_get_label (label),
                                    G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
        }
      check_wrapping (label, findings);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_tree (child, in_form, findings);
}

/* Checks the visible page of the window and what is over it (toasts). */
static void
check_window (const char *what,
              guint       min_wrapped)
{
  Findings findings = { g_string_new (NULL), 0, g_string_new (NULL), 0 };

  check_tree (GTK_WIDGET (get_window ()), FALSE, &findings);

  if (findings.mnemonics->len > 0)
    g_error ("%s: buttons with a mnemonic:%s", what, findings.mnemonics->str);
  if (findings.broken_words->len > 0)
    g_error ("%s: labels that break words:%s", what, findings.broken_words->str);
  g_test_message ("%s: %u wrapped labels, %u mnemonics in forms",
                  what, findings.n_wrapped, findings.n_mnemonics_allowed);
  g_assert_cmpuint (findings.n_wrapped, >=, min_wrapped);

  g_string_free (findings.mnemonics, TRUE);
  g_string_free (findings.broken_words, TRUE);
}

static void
take_screenshot (const char *name)
{
  g_autofree char *path = dg_ui_test_screenshot (GTK_WIDGET (get_window ()), name);

  g_assert_nonnull (path);
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_today (DgUiFixture   *fixture,
            gconstpointer  data)
{
  GtkWidget *title;
  GtkWidget *done;
  GtkWidget *toast;

  seed ();
  show_page ("today");
  dg_ui_test_wait_for ((title = find_label (GTK_WIDGET (get_window ()), LONG_TITLE)) != NULL);
  dg_ui_test_wait_painted (title, 2);

  /* The long title wraps, between words. */
  check_window ("Today", 1);
  take_screenshot ("page-text-today");

  /* Done shows a toast with Undo, which has no mnemonic either. */
  done = dg_ui_test_find_by_id (GTK_WIDGET (get_window ()), "done_button");
  g_assert_nonnull (done);
  gtk_widget_activate (done);
  dg_ui_test_wait_for ((toast = dg_ui_test_find_by_type_name (GTK_WIDGET (get_window ()), "AdwToastWidget")) != NULL);
  dg_ui_test_wait_for (dg_ui_test_find_button (toast, _("Undo")) != NULL);
  dg_ui_test_wait_painted (toast, 2);
  check_window ("Today with a toast", 0);
  take_screenshot ("page-text-toast");
}

static void
test_customers (DgUiFixture   *fixture,
                gconstpointer  data)
{
  GtkWidget *note;

  seed ();
  show_page ("customers");
  dg_ui_test_wait_for (dg_customers_test_n_items () == 2);
  check_window ("Customers", 0);

  dg_customers_test_open ("김민수");
  dg_ui_test_wait_for ((note = find_label (GTK_WIDGET (get_window ()), LONG_NOTE)) != NULL);
  dg_ui_test_wait_painted (note, 2);
  /* The note and the contact's summary wrap; the contact form keeps its
   * mnemonic. */
  check_window ("A customer's page", 2);
  take_screenshot ("page-text-customer");
}

static void
test_calendar (DgUiFixture   *fixture,
               gconstpointer  data)
{
  GDate date;
  GtkWidget *title;

  seed ();
  show_page ("calendar");
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 23, G_DATE_NOVEMBER, 2026);
  dg_calendar_view_select_date (DG_CALENDAR_VIEW (dg_window_get_page (get_window (), "calendar")), &date);
  dg_ui_test_wait_for ((title = find_label (GTK_WIDGET (get_window ()), LONG_TITLE)) != NULL);
  dg_ui_test_wait_painted (title, 2);

  check_window ("Calendar", 1);
  take_screenshot ("page-text-calendar");
}

/* Dialogs keep their mnemonics: Cancel and Save of the editor. */
/* The Journeys page, on a journey made from a shipped template: its
 * header, the board's columns and the map's export buttons. */
static void
test_journeys (DgUiFixture   *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *map_toggle;

  templates = dg_journey_templates_list (NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, >, 0);
  g_assert_true (dg_journey_template_create_journey (get_database (), g_ptr_array_index (templates, 0), NULL, &error));
  g_assert_no_error (error);

  show_page ("journeys");
  dg_ui_test_wait_for ((map_toggle = dg_ui_test_find_by_id (GTK_WIDGET (get_window ()), "map_toggle")) != NULL
                       && dg_ui_test_find_by_type_name (GTK_WIDGET (get_window ()), "DgJourneyColumn") != NULL);
  dg_ui_test_wait_painted (map_toggle, 2);
  check_window ("Journeys", 0);
  take_screenshot ("page-text-journeys");

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (map_toggle), TRUE);
  dg_ui_test_wait_for (dg_ui_test_find_button (GTK_WIDGET (get_window ()), _("Export as PNG…")) != NULL);
  dg_ui_test_wait_painted (map_toggle, 2);
  check_window ("Journey map", 0);
  take_screenshot ("page-text-journey-map");
}

static void
test_dialog_keeps_mnemonics (DgUiFixture   *fixture,
                             gconstpointer  data)
{
  DgCustomerEditor *editor;
  Findings findings = { g_string_new (NULL), 0, g_string_new (NULL), 0 };

  show_page ("customers");
  dg_customers_test_activate ("customers.new");
  editor = dg_customers_test_wait_for_editor ();

  check_tree (GTK_WIDGET (editor), FALSE, &findings);
  g_test_message ("The editor's mnemonics:%s", findings.mnemonics->str);
  g_assert_nonnull (strstr (findings.mnemonics->str, _("_Cancel")));
  g_assert_nonnull (strstr (findings.mnemonics->str, _("_Save")));

  g_string_free (findings.mnemonics, TRUE);
  g_string_free (findings.broken_words, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  PAGE_TEXT_TEST_ADD ("/ui/page-text/today", test_today);
  PAGE_TEXT_TEST_ADD ("/ui/page-text/customers", test_customers);
  PAGE_TEXT_TEST_ADD ("/ui/page-text/calendar", test_calendar);
  PAGE_TEXT_TEST_ADD ("/ui/page-text/journeys", test_journeys);
  PAGE_TEXT_TEST_ADD ("/ui/page-text/dialog-keeps-mnemonics", test_dialog_keeps_mnemonics);

  return g_test_run ();
}
