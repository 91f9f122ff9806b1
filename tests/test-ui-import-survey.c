/* test-ui-import-survey.c
 *
 * The survey page of the import: on a Korean lecture survey, two of whose
 * people are customers, it shows the answer columns and the feeling
 * column, how each feeling reads, what importing would log and the rows
 * that match no customer. A feeling's reading, the answer columns and the
 * feeling column are changed through its widgets, the unmatched rows are
 * added as customers, and the import's apply writes what the page said.
 * The page is saved as screenshots before and after.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-import-survey-options.h"
#include "dg-import-survey-page.h"
#include "dg-test-util.h"
#include "dg-ui-fixture.h"
#include "dg-ui-test-util.h"

#define FEELING_TITLE "강의는 어떠셨나요?"
#define WISH_TITLE    "하고 싶은 말"
/* 최유진 and the nine people of extra_row(). */
#define N_UNMATCHED   10

typedef struct
{
  DgUiFixture        *fixture;
  DgCsvImport        *import;
  DgImportSurveyPage *page;
  guint               n_changed;
} Survey;

/* One more person who took the lecture but is not a customer. */
static char *
extra_row (guint i)
{
  return g_strdup_printf ("2026. 11. 20 오후 4:%02u:00,수강생%u,010-7000-%04u,만족,\r\n", i, i, i);
}

static char *
write_survey (void)
{
  g_autoptr(GString) text = g_string_new ("타임스탬프,이름,연락처," FEELING_TITLE "," WISH_TITLE "\r\n"
                                          "2026. 11. 20 오후 3:04:05,김민수,010-1234-5678,매우 만족,자료가 알찼어요\r\n"
                                          "2026. 11. 20 오후 3:10:00,이서연,010-2222-3333,아쉬웠어요,시간이 짧았어요\r\n"
                                          "2026. 11. 20 오후 3:12:00,최유진,010-9999-0000,보통,\r\n");
  g_autofree char *path = dg_test_temp_path ("survey.csv");

  for (guint i = 1; i < N_UNMATCHED; i++)
    {
      g_autofree char *row = extra_row (i);

      g_string_append (text, row);
    }
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));

  return g_steal_pointer (&path);
}

static gint64
add_customer (DgDatabase *db,
              const char *name,
              const char *phone)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  dg_customer_set_phone (customer, phone);
  g_assert_true (dg_customers_insert (db, customer, &error));
  g_assert_no_error (error);

  return dg_customer_get_id (customer);
}

static void
preview (Survey *survey)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_csv_import_preview (survey->import, survey->fixture->database, NULL, &error));
  g_assert_no_error (error);
}

/* What the import window does on ::changed. */
static void
on_changed_cb (DgImportSurveyPage *page,
               Survey             *survey)
{
  survey->n_changed++;
  preview (survey);
  dg_import_survey_page_refresh (page);
}

static guint
find_column (DgCsvImport *import,
             const char  *title)
{
  for (guint c = 0; c < dg_csv_import_get_n_columns (import); c++)
    {
      if (g_str_equal (dg_csv_import_get_column_title (import, c), title))
        return c;
    }
  g_assert_not_reached ();
}

/* The visible row of @type under @root titled @title; NULL when none. */
static GtkWidget *
find_row (GtkWidget  *root,
          GType       type,
          const char *title)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type)
      && gtk_widget_get_visible (root)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkSwitch *
answer_switch (Survey     *survey,
               const char *title)
{
  GtkWidget *row = find_row (GTK_WIDGET (survey->page), ADW_TYPE_ACTION_ROW, title);

  g_assert_nonnull (row);

  return GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
}

static AdwComboRow *
value_row (Survey     *survey,
           const char *value)
{
  return (AdwComboRow *) find_row (GTK_WIDGET (survey->page), ADW_TYPE_COMBO_ROW, value);
}

static const char *
selected_text (AdwComboRow *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  g_assert_nonnull (item);

  return gtk_string_object_get_string (item);
}

/* Chooses the item of @row that reads @text. */
static void
select_text (AdwComboRow *row,
             const char  *text)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), text))
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_assert_not_reached ();
}

static const char *
row_title (Survey     *survey,
           const char *id)
{
  GtkWidget *row = dg_ui_test_find_by_id (GTK_WIDGET (survey->page), id);

  g_assert_nonnull (row);
  if (!gtk_widget_get_visible (row))
    return NULL;

  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static gboolean
shows (Survey     *survey,
       const char *id)
{
  return gtk_widget_get_visible (dg_ui_test_find_by_id (GTK_WIDGET (survey->page), id));
}

/* The titles of the listed unmatched rows, in order. */
static GPtrArray *
unmatched_titles (Survey *survey)
{
  GtkWidget *list = dg_ui_test_find_by_id (GTK_WIDGET (survey->page), "unmatched_list");
  GPtrArray *titles = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    g_ptr_array_add (titles, (gpointer) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  return titles;
}

static void
assert_count_row (Survey     *survey,
                  const char *id,
                  const char *singular,
                  const char *plural,
                  guint       n)
{
  g_autofree char *expected = g_strdup_printf (ngettext (singular, plural, n), n);

  g_assert_cmpstr (row_title (survey, id), ==, expected);
}

/* Scrolls @root's page to its end, for a screenshot of what is there. */
static void
scroll_to_end (GtkWidget *root)
{
  GtkWidget *scrolled = dg_ui_test_find_by_type (root, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
}

static DgInteraction *
only_contact (DgDatabase *db,
              gint64      customer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = dg_interactions_list_for_customer (db, customer, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 1);

  return g_object_ref (g_ptr_array_index (contacts, 0));
}

static void
test_survey_page (DgUiFixture   *fixture,
                  gconstpointer  data)
{
  DgDatabase *db = fixture->database;
  g_autofree char *path = write_survey ();
  g_autoptr(DgCsvImport) import = dg_csv_import_new (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(DgInteraction) contact = NULL;
  Survey survey = { .fixture = fixture, .import = import };
  DgCustomerQuery all = { .archived = DG_ARCHIVED_INCLUDE };
  DgImportSummary summary = { 0 };
  GtkWidget *window;
  AdwComboRow *feeling_row;
  GtkSwitch *add_switch;
  gint64 kim, lee, choi;
  guint feeling_column, wish_column;

  kim = add_customer (db, "김민수", "01012345678");
  lee = add_customer (db, "이서연", "010 2222 3333");

  dg_csv_import_set_survey (import, DG_CLOCK (fixture->clock));
  g_assert_true (dg_csv_import_load (import, NULL, &error));
  g_assert_no_error (error);
  feeling_column = find_column (import, FEELING_TITLE);
  wish_column = find_column (import, WISH_TITLE);

  /* Made before the preview, as the window may: no result yet. */
  survey.page = DG_IMPORT_SURVEY_PAGE (dg_import_survey_page_new (import));
  g_signal_connect (survey.page, "changed", G_CALLBACK (on_changed_cb), &survey);
  g_assert_false (shows (&survey, "result_group"));
  g_assert_false (shows (&survey, "unmatched_group"));

  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 1000);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (survey.page));
  gtk_window_present (GTK_WINDOW (window));

  preview (&survey);
  dg_import_survey_page_refresh (survey.page);
  dg_ui_test_wait_painted (window, 1);

  /* The columns: the wish is an answer, the feeling question is the
   * feeling column, which is always in the summary; the name, phone and
   * timestamp find the customer and are not offered. */
  g_assert_true (gtk_switch_get_active (answer_switch (&survey, WISH_TITLE)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (answer_switch (&survey, WISH_TITLE))));
  g_assert_true (gtk_switch_get_active (answer_switch (&survey, FEELING_TITLE)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (answer_switch (&survey, FEELING_TITLE))));
  g_assert_null (find_row (GTK_WIDGET (survey.page), ADW_TYPE_ACTION_ROW, "이름"));
  g_assert_null (find_row (GTK_WIDGET (survey.page), ADW_TYPE_ACTION_ROW, "연락처"));
  feeling_row = ADW_COMBO_ROW (dg_ui_test_find_by_id (GTK_WIDGET (survey.page), "feeling_row"));
  g_assert_cmpstr (selected_text (feeling_row), ==, FEELING_TITLE);

  /* Each answer of the feeling column with its reading. */
  g_assert_cmpstr (selected_text (value_row (&survey, "매우 만족")), ==,
                   dg_interaction_feedback_get_label (DG_INTERACTION_FEEDBACK_POSITIVE));
  g_assert_cmpstr (selected_text (value_row (&survey, "아쉬웠어요")), ==,
                   dg_interaction_feedback_get_label (DG_INTERACTION_FEEDBACK_NEGATIVE));
  g_assert_cmpstr (selected_text (value_row (&survey, "보통")), ==,
                   dg_interaction_feedback_get_label (DG_INTERACTION_FEEDBACK_NEUTRAL));
  g_assert_cmpstr (selected_text (value_row (&survey, "만족")), ==,
                   dg_interaction_feedback_get_label (DG_INTERACTION_FEEDBACK_POSITIVE));

  /* The result, and the unmatched rows: eight by name, then a count. */
  assert_count_row (&survey, "logged_row", "%u contact will be logged", "%u contacts will be logged", 2);
  assert_count_row (&survey, "unmatched_row", "%u row matches no customer and is left out",
                    "%u rows match no customer and are left out", N_UNMATCHED);
  g_assert_null (row_title (&survey, "added_row"));
  g_assert_null (row_title (&survey, "already_row"));
  g_assert_null (row_title (&survey, "refused_row"));
  titles = unmatched_titles (&survey);
  g_assert_cmpuint (titles->len, ==, 9);
  {
    g_autofree char *first = g_strdup_printf (_("Row %u: %s: no customer has this phone number or email address"),
                                              4, "최유진");
    g_autofree char *more = g_strdup_printf (ngettext ("And %u more row", "And %u more rows", 2), 2);

    g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, first);
    g_assert_cmpstr (g_ptr_array_index (titles, 8), ==, more);
  }
  g_free (dg_ui_test_screenshot (window, "import-survey"));

  /* "아쉬웠어요" corrected to neutral: read so at once, no new preview. */
  adw_combo_row_set_selected (value_row (&survey, "아쉬웠어요"), 1);
  g_assert_cmpint (dg_csv_import_get_feedback_for_value (import, "아쉬웠어요"), ==, DG_INTERACTION_FEEDBACK_NEUTRAL);
  g_assert_cmpuint (survey.n_changed, ==, 0);

  /* The wish left out of the summary: a new preview, the reading kept. */
  gtk_switch_set_active (answer_switch (&survey, WISH_TITLE), FALSE);
  g_assert_cmpuint (survey.n_changed, ==, 1);
  g_assert_cmpint (dg_csv_import_get_column_target (import, wish_column), ==, DG_IMPORT_TARGET_IGNORE);
  g_assert_false (gtk_switch_get_active (answer_switch (&survey, WISH_TITLE)));
  g_assert_cmpstr (selected_text (value_row (&survey, "아쉬웠어요")), ==,
                   dg_interaction_feedback_get_label (DG_INTERACTION_FEEDBACK_NEUTRAL));

  /* No feeling column: the question stays an answer and its readings go;
   * chosen again, they come back as they were set. */
  adw_combo_row_set_selected (feeling_row, 0);
  g_assert_cmpuint (survey.n_changed, ==, 2);
  g_assert_cmpint (dg_csv_import_get_column_target (import, feeling_column), ==, DG_IMPORT_TARGET_ANSWER);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (answer_switch (&survey, FEELING_TITLE))));
  g_assert_null (value_row (&survey, "보통"));
  select_text (feeling_row, FEELING_TITLE);
  g_assert_cmpuint (survey.n_changed, ==, 3);
  g_assert_cmpint (dg_csv_import_get_column_target (import, feeling_column), ==, DG_IMPORT_TARGET_FEEDBACK);
  g_assert_cmpstr (selected_text (value_row (&survey, "아쉬웠어요")), ==,
                   dg_interaction_feedback_get_label (DG_INTERACTION_FEEDBACK_NEUTRAL));

  /* The unmatched rows added: their contacts are logged too. */
  add_switch = GTK_SWITCH (dg_ui_test_find_by_id (GTK_WIDGET (survey.page), "add_switch"));
  gtk_switch_set_active (add_switch, TRUE);
  assert_count_row (&survey, "logged_row", "%u contact will be logged", "%u contacts will be logged",
                    2 + N_UNMATCHED);
  assert_count_row (&survey, "added_row", "%u new customer will be added", "%u new customers will be added",
                    N_UNMATCHED);
  g_assert_null (row_title (&survey, "unmatched_row"));
  scroll_to_end (GTK_WIDGET (survey.page));
  dg_ui_test_wait_painted (window, 2);
  g_free (dg_ui_test_screenshot (window, "import-survey-add"));

  undo = dg_csv_import_apply (import, db, DG_CLOCK (fixture->clock), NULL, &summary, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_cmpuint (summary.n_logged, ==, 2 + N_UNMATCHED);
  g_assert_cmpuint (summary.n_added, ==, N_UNMATCHED);
  g_assert_cmpuint (summary.n_unmatched, ==, 0);
  g_assert_cmpint (dg_customers_count (db, &all, NULL), ==, 2 + N_UNMATCHED);

  /* Kim: the feeling alone in the summary, read as positive. */
  contact = only_contact (db, kim);
  g_assert_cmpint (dg_interaction_get_channel (contact), ==, DG_INTERACTION_CHANNEL_OTHER);
  g_assert_cmpint (dg_interaction_get_feedback (contact), ==, DG_INTERACTION_FEEDBACK_POSITIVE);
  g_assert_cmpstr (dg_interaction_get_summary (contact), ==, FEELING_TITLE ": 매우 만족");
  g_clear_object (&contact);

  /* Lee: "아쉬웠어요" as it was corrected. */
  contact = only_contact (db, lee);
  g_assert_cmpint (dg_interaction_get_feedback (contact), ==, DG_INTERACTION_FEEDBACK_NEUTRAL);
  g_assert_cmpstr (dg_interaction_get_summary (contact), ==, FEELING_TITLE ": 아쉬웠어요");
  g_clear_object (&contact);

  /* Choi: a new customer with her contact. */
  choi = dg_import_find_match (db, NULL, "010-9999-0000", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (choi, >, 0);
  contact = only_contact (db, choi);
  g_assert_cmpint (dg_interaction_get_feedback (contact), ==, DG_INTERACTION_FEEDBACK_NEUTRAL);
  g_assert_cmpstr (dg_interaction_get_summary (contact), ==, FEELING_TITLE ": 보통");

  /* The same survey again: every contact is already logged, and every
   * person is now a customer. */
  preview (&survey);
  dg_import_survey_page_refresh (survey.page);
  g_assert_cmpstr (row_title (&survey, "logged_row"), ==, _("No contact will be logged"));
  assert_count_row (&survey, "already_row", "%u contact is already logged and is left out",
                    "%u contacts are already logged and are left out", 2 + N_UNMATCHED);
  g_assert_null (row_title (&survey, "added_row"));
  g_assert_false (shows (&survey, "unmatched_group"));
}

/* A page made on an import told to add the unmatched rows shows so. */
static void
test_options_shown (DgUiFixture   *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = write_survey ();
  g_autoptr(DgCsvImport) import = dg_csv_import_new (path);
  g_autoptr(GError) error = NULL;
  GtkWidget *page;

  dg_csv_import_set_survey (import, DG_CLOCK (fixture->clock));
  dg_csv_import_set_add_unmatched (import, TRUE);
  g_assert_true (dg_csv_import_load (import, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (dg_csv_import_preview (import, fixture->database, NULL, &error));
  g_assert_no_error (error);

  page = g_object_ref_sink (dg_import_survey_page_new (import));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (dg_ui_test_find_by_id (page, "add_switch"))));
  g_assert_true (dg_csv_import_get_add_unmatched (import));
  g_assert_true (gtk_widget_get_visible (dg_ui_test_find_by_id (page, "added_row")));
  g_object_unref (page);
}

static guint
count_combo_rows (GtkWidget *root)
{
  guint n = ADW_IS_COMBO_ROW (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_combo_rows (child);

  return n;
}

/* A feeling column of many different answers: the first thirty can be
 * corrected, the others are counted. */
static void
test_many_feelings (DgUiFixture   *fixture,
                    gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("이름,연락처," FEELING_TITLE "\r\n");
  g_autofree char *path = dg_test_temp_path ("many.csv");
  g_autofree char *more = NULL;
  g_autoptr(DgCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page;
  GtkWidget *group;

  for (guint i = 1; i <= 35; i++)
    g_string_append_printf (text, "수강생%u,010-7000-%04u,만족 %u\r\n", i, i, i);
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));

  import = dg_csv_import_new (path);
  dg_csv_import_set_survey (import, DG_CLOCK (fixture->clock));
  g_assert_true (dg_csv_import_load (import, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (dg_csv_import_preview (import, fixture->database, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dg_csv_import_get_feedback_values (import)->len, ==, 35);

  page = g_object_ref_sink (dg_import_survey_page_new (import));
  group = dg_ui_test_find_by_id (page, "feeling_group");
  /* The feeling column's menu and thirty answers. */
  g_assert_cmpuint (count_combo_rows (group), ==, 1 + 30);
  g_assert_nonnull (find_row (group, ADW_TYPE_COMBO_ROW, "만족 30"));
  g_assert_null (find_row (group, ADW_TYPE_COMBO_ROW, "만족 31"));
  {
    g_autofree char *expected = g_strdup_printf (ngettext ("And %u more answer, read as guessed",
                                                           "And %u more answers, read as guessed", 5),
                                                 5);

    g_assert_nonnull (find_row (group, ADW_TYPE_ACTION_ROW, expected));
  }

  /* Shown again, the rows stay as they are. */
  dg_import_survey_page_refresh (DG_IMPORT_SURVEY_PAGE (page));
  g_assert_cmpuint (count_combo_rows (group), ==, 1 + 30);
  g_object_unref (page);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  DG_UI_TEST_ADD ("/ui/import-survey/page", test_survey_page);
  DG_UI_TEST_ADD ("/ui/import-survey/options-shown", test_options_shown);
  DG_UI_TEST_ADD ("/ui/import-survey/many-feelings", test_many_feelings);

  return g_test_run ();
}
