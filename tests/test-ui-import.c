/* test-ui-import.c
 *
 * Import… in the window: the primary menu and the customer list's
 * selection bar offer it; win.import-file opens the import window on a
 * file, whose pages are driven here through their widgets and actions:
 * a Korean sheet in UTF-8 and in CP949, duplicates skipped or updated,
 * everyone imported put in a journey stage and a new cohort, Cancel
 * while the import runs leaving the database as it was, Undo from the
 * toast taking the import back, a column missing, a refused row, a file
 * that cannot be read or that changed before Import, a vCard file (no
 * sheet settings, no columns) and a survey sheet (its page after the
 * columns). Every page is saved as a screenshot.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dg-customers-test-util.h"
#include "dg-import-controller.h"
#include "dg-import-window.h"
#include "dg-test-util.h"
#include "dg-ui-fixture.h"
#include "dg-ui-test-util.h"

static const char korean_sheet[] =
  "이름,연락처,이메일,소속,태그\n"
  "김민수,010-1234-5678,minsu@example.com,다온,vip\n"
  "이서연,010-2222-3333,seoyeon@example.com,한빛,\n"
  "박지훈,010-4444-5555,,,\"강의, 신규\"\n";

/* Writes @name in a new temporary folder. */
static char *
write_file (const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dg_test_tempdir (), name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);

  return path;
}

static gboolean
toast_contains (GtkWidget  *window,
                const char *text)
{
  GtkWidget *widget = dg_ui_test_find_by_type_name (window, "AdwToastWidget");
  g_autoptr(AdwToast) toast = NULL;

  if (widget == NULL)
    return FALSE;
  g_object_get (widget, "toast", &toast, NULL);

  return toast != NULL && strstr (adw_toast_get_title (toast), text) != NULL;
}

static DgImportWindow *
find_import_window (void)
{
  return (DgImportWindow *) dg_ui_test_find_window (DG_TYPE_IMPORT_WINDOW);
}

static gboolean
shows_page (DgImportWindow *window,
            const char     *page)
{
  return !dg_import_window_get_busy (window)
         && g_strcmp0 (dg_import_window_get_page_name (window), page) == 0;
}

/* Opens the import window on @path and waits for its first page. */
static DgImportWindow *
open_import (DgUiFixture *fixture,
             const char  *path,
             const char  *page)
{
  DgImportWindow *window;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "import-file",
                                  g_variant_new_string (path));
  dg_ui_test_wait_for ((window = find_import_window ()) != NULL);
  dg_ui_test_wait_for (shows_page (window, page));

  return window;
}

/* Whether Next (or Import) can be pressed: the button follows
 * import.next. */
static gboolean
next_enabled (DgImportWindow *window)
{
  return gtk_widget_get_sensitive (dg_ui_test_find_by_id (GTK_WIDGET (window), "next_button"));
}

static void
go_next (DgImportWindow *window,
         const char     *page)
{
  g_assert_true (next_enabled (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "import.next", NULL);
  dg_ui_test_wait_for (shows_page (window, page));
}

/* Presses Import on the Journey page and waits for the window to close. */
static void
import_and_close (DgImportWindow *window)
{
  g_assert_true (shows_page (window, "journey"));
  gtk_widget_activate_action (GTK_WIDGET (window), "import.next", NULL);
  dg_ui_test_wait_for (find_import_window () == NULL);
}

/* The count at the end of a row of the Check page's summary. */
static const char *
count_of (DgImportWindow *window,
          const char     *row_id)
{
  GtkWidget *row = dg_ui_test_find_by_id (GTK_WIDGET (window), row_id);
  GtkWidget *label = g_object_get_data (G_OBJECT (row), "dg-count-label");

  g_assert_true (GTK_IS_LABEL (label));

  return gtk_label_get_text (GTK_LABEL (label));
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/* The combo rows inside the .ui object @id, in their order. */
static GPtrArray *
combo_rows_in (DgImportWindow *window,
               const char     *id)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (dg_ui_test_find_by_id (GTK_WIDGET (window), id), ADW_TYPE_COMBO_ROW, found);

  return found;
}

static gboolean
grid_shows (DgImportWindow *window,
            const char     *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (dg_ui_test_find_by_id (GTK_WIDGET (window), "sample_grid"), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
        return TRUE;
    }

  return FALSE;
}

static DgCustomer *
get_customer (const char *name)
{
  gint64 id = dg_customers_test_find_id (name);
  g_autoptr(GError) error = NULL;
  DgCustomer *customer;

  g_assert_cmpint (id, >, 0);
  customer = dg_customers_get (dg_customers_test_get_database (), id, &error);
  g_assert_no_error (error);

  return customer;
}

static char *
describe (guint n_added,
          guint n_updated,
          guint n_skipped)
{
  DgImportSummary summary = { .n_added = n_added, .n_updated = n_updated, .n_skipped = n_skipped };

  return dg_import_controller_describe (&summary);
}

static void
press_undo (GtkWidget *window)
{
  GtkWidget *undo;

  dg_ui_test_wait_for ((undo = dg_ui_test_find_button (window, _("Undo"))) != NULL);
  gtk_widget_activate (undo);
}

/* The menus offer Import… next to Export…. */
static void
test_menus (DgUiFixture   *fixture,
            gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkSelectionModel *selection;
  GMenuModel *bulk_menu;

  g_assert_true (dg_ui_test_menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (dg_ui_test_find_by_id (window, "primary_menu_button"))),
                                  "win.import"));

  dg_customers_test_insert ("김민수", "010-1234-5678", NULL, NULL, NULL);
  dg_customers_test_insert ("이서연", "010-2222-3333", NULL, NULL, NULL);
  dg_ui_test_wait_for (dg_customers_test_n_items () == 2);
  selection = dg_customers_test_get_selection ();
  gtk_selection_model_select_item (selection, 0, TRUE);
  gtk_selection_model_select_item (selection, 1, FALSE);
  dg_ui_test_wait_for (gtk_revealer_get_child_revealed (GTK_REVEALER (dg_customers_test_view_child ("selection_revealer"))));
  bulk_menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (dg_customers_test_view_child ("bulk_menu_button")));
  g_assert_nonnull (bulk_menu);
  g_assert_true (dg_ui_test_menu_has_action (bulk_menu, "win.import"));

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "import"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "import-file"));
}

/* A Korean sheet in UTF-8 through every page, then Undo from the toast. */
static void
test_utf8_and_undo (DgUiFixture   *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = write_file ("신청자 명단.csv", korean_sheet, -1);
  g_autofree char *expected = describe (3, 0, 0);
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(DgCustomer) minsu = NULL;
  g_autoptr(DgCustomer) jihun = NULL;
  DgImportWindow *window;

  window = open_import (fixture, path, "file");
  /* UTF-8, comma, a header. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (dg_ui_test_find_by_id (GTK_WIDGET (window), "encoding_row"))), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (dg_ui_test_find_by_id (GTK_WIDGET (window), "delimiter_row"))), ==, 0);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (dg_ui_test_find_by_id (GTK_WIDGET (window), "header_switch"))));
  g_assert_true (grid_shows (window, "김민수"));
  g_assert_true (grid_shows (window, "010-4444-5555"));
  /* The header is not a customer. */
  g_assert_cmpuint (dg_csv_import_get_sample (dg_import_window_get_import (window))->len, ==, 3);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (window), "import-file"));

  go_next (window, "columns");
  columns = combo_rows_in (window, "columns_group");
  g_assert_cmpuint (columns->len, ==, 5);
  g_assert_cmpuint (adw_combo_row_get_selected (g_ptr_array_index (columns, 0)), ==, DG_IMPORT_TARGET_NAME);
  g_assert_cmpuint (adw_combo_row_get_selected (g_ptr_array_index (columns, 1)), ==, DG_IMPORT_TARGET_PHONE);
  g_assert_cmpuint (adw_combo_row_get_selected (g_ptr_array_index (columns, 4)), ==, DG_IMPORT_TARGET_TAGS);
  g_assert_false (gtk_widget_get_visible (dg_ui_test_find_by_id (GTK_WIDGET (window), "missing_name_label")));
  g_free (dg_ui_test_screenshot (GTK_WIDGET (window), "import-columns"));

  go_next (window, "check");
  g_assert_cmpstr (count_of (window, "added_row"), ==, "3");
  g_assert_cmpstr (count_of (window, "refused_row"), ==, "0");
  g_free (dg_ui_test_screenshot (GTK_WIDGET (window), "import-check"));

  go_next (window, "journey");
  /* No journey yet: the page says where to make one. */
  g_assert_nonnull (adw_action_row_get_subtitle (ADW_ACTION_ROW (dg_ui_test_find_by_id (GTK_WIDGET (window), "journey_row"))));
  g_free (dg_ui_test_screenshot (GTK_WIDGET (window), "import-journey-none"));
  import_and_close (window);

  dg_ui_test_wait_for (dg_customers_test_count_all () == 3);
  /* The list shown refreshes: the worker wrote through its own
   * connection. */
  dg_ui_test_wait_for (dg_customers_test_n_items () == 3);
  minsu = get_customer ("김민수");
  g_assert_cmpstr (dg_customer_get_phone (minsu), ==, "010-1234-5678");
  g_assert_cmpstr (dg_customer_get_email (minsu), ==, "minsu@example.com");
  g_assert_cmpstr (dg_customer_get_organization (minsu), ==, "다온");
  jihun = get_customer ("박지훈");
  g_assert_cmpstrv (dg_customer_get_tags (jihun), ((const char * const[]) { "강의", "신규", NULL }));

  dg_ui_test_wait_for (toast_contains (GTK_WIDGET (fixture->window), expected));
  g_free (dg_ui_test_screenshot (GTK_WIDGET (fixture->window), "import-toast"));
  press_undo (GTK_WIDGET (fixture->window));
  dg_ui_test_wait_for (dg_customers_test_count_all () == 0);
  dg_ui_test_wait_for (dg_customers_test_n_items () == 0);
}

/* The same sheet saved by Excel on Korean Windows: read as CP949, said
 * so, and stored as the same Korean text. */
static void
test_cp949 (DgUiFixture   *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *bytes = g_convert (korean_sheet, -1, "CP949", "UTF-8", NULL, &length, &error);
  g_autofree char *path = NULL;
  g_autoptr(DgCustomer) seoyeon = NULL;
  DgImportWindow *window;
  AdwComboRow *encoding_row;

  g_assert_no_error (error);
  path = write_file ("excel.csv", bytes, length);
  window = open_import (fixture, path, "file");
  encoding_row = ADW_COMBO_ROW (dg_ui_test_find_by_id (GTK_WIDGET (window), "encoding_row"));
  g_assert_cmpuint (adw_combo_row_get_selected (encoding_row), ==, 3);
  g_assert_true (grid_shows (window, "이서연"));

  /* Read as UTF-8 on request, the bytes are refused with a message on
   * the page, where another encoding can be chosen. */
  adw_combo_row_set_selected (encoding_row, 0);
  dg_ui_test_wait_for (shows_page (window, "file"));
  g_assert_true (gtk_widget_get_visible (dg_ui_test_find_by_id (GTK_WIDGET (window), "sample_message")));
  g_assert_false (next_enabled (window));
  g_assert_cmpuint (adw_combo_row_get_selected (encoding_row), ==, 0);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (window), "import-file-encoding"));
  adw_combo_row_set_selected (encoding_row, 3);
  dg_ui_test_wait_for (shows_page (window, "file"));
  g_assert_false (gtk_widget_get_visible (dg_ui_test_find_by_id (GTK_WIDGET (window), "sample_message")));
  g_assert_true (grid_shows (window, "이서연"));

  go_next (window, "columns");
  go_next (window, "check");
  go_next (window, "journey");
  import_and_close (window);

  dg_ui_test_wait_for (dg_customers_test_count_all () == 3);
  seoyeon = get_customer ("이서연");
  g_assert_cmpstr (dg_customer_get_organization (seoyeon), ==, "한빛");
}

/* A row with the phone of a customer stored: skipped, then updated. */
static void
import_duplicate (DgUiFixture  *fixture,
                  DgImportPlan  plan)
{
  g_autofree char *path = write_file ("dup.csv", korean_sheet, -1);
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(DgCustomer) minsu = NULL;
  DgImportWindow *window;
  AdwComboRow *all;

  dg_customers_test_insert ("김민수", "010-1234-5678", NULL, NULL, NULL);
  dg_ui_test_wait_for (dg_customers_test_count_all () == 1);

  window = open_import (fixture, path, "file");
  go_next (window, "columns");
  go_next (window, "check");
  g_assert_cmpstr (count_of (window, "added_row"), ==, "2");
  g_assert_cmpstr (count_of (window, "updated_row"), ==, "1");
  all = ADW_COMBO_ROW (dg_ui_test_find_by_id (GTK_WIDGET (window), "all_plan_row"));
  plans = combo_rows_in (window, "duplicates_group");
  g_assert_true (g_ptr_array_remove (plans, all));
  g_assert_cmpuint (plans->len, ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (g_ptr_array_index (plans, 0)), ==, DG_IMPORT_PLAN_UPDATE);
  if (plan == DG_IMPORT_PLAN_UPDATE)
    g_free (dg_ui_test_screenshot (GTK_WIDGET (window), "import-duplicates"));

  /* The choice for all reaches each row, and the counts. */
  adw_combo_row_set_selected (all, DG_IMPORT_PLAN_SKIP);
  g_assert_cmpuint (adw_combo_row_get_selected (g_ptr_array_index (plans, 0)), ==, DG_IMPORT_PLAN_SKIP);
  g_assert_cmpstr (count_of (window, "skipped_row"), ==, "1");
  g_assert_false (gtk_widget_get_visible (dg_ui_test_find_by_id (GTK_WIDGET (window), "updated_row")));
  /* And one row's own choice. */
  adw_combo_row_set_selected (g_ptr_array_index (plans, 0), plan);

  go_next (window, "journey");
  import_and_close (window);

  dg_ui_test_wait_for (dg_customers_test_count_all () == 3);
  minsu = get_customer ("김민수");
  if (plan == DG_IMPORT_PLAN_SKIP)
    g_assert_cmpstr (dg_customer_get_email (minsu), ==, "");
  else
    g_assert_cmpstr (dg_customer_get_email (minsu), ==, "minsu@example.com");

  {
    g_autofree char *expected = plan == DG_IMPORT_PLAN_SKIP ? describe (2, 0, 1) : describe (2, 1, 0);

    dg_ui_test_wait_for (toast_contains (GTK_WIDGET (fixture->window), expected));
  }
}

static void
test_duplicate_skip (DgUiFixture   *fixture,
                     gconstpointer  data)
{
  import_duplicate (fixture, DG_IMPORT_PLAN_SKIP);
}

static void
test_duplicate_update (DgUiFixture   *fixture,
                       gconstpointer  data)
{
  import_duplicate (fixture, DG_IMPORT_PLAN_UPDATE);
}

/* Everyone imported starts in the stage chosen, in a new cohort named
 * after the file. */
static void
test_journey (DgUiFixture   *fixture,
              gconstpointer  data)
{
  DgDatabase *db = dg_customers_test_get_database ();
  g_autoptr(DgJourney) journey = dg_journey_new ("12월 특강");
  g_autoptr(DgStage) first = NULL;
  g_autoptr(DgStage) second = NULL;
  g_autofree char *path = write_file ("12월 특강 신청.csv", korean_sheet, -1);
  g_autoptr(GArray) enrolled = NULL;
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(GError) error = NULL;
  DgImportWindow *window;
  AdwComboRow *journey_row, *stage_row;
  DgCohort *cohort;

  g_assert_true (dg_journeys_insert (db, journey, &error));
  first = dg_stage_new (journey->id, "관심");
  g_assert_true (dg_stages_insert (db, first, &error));
  second = dg_stage_new (journey->id, "신청");
  g_assert_true (dg_stages_insert (db, second, &error));
  g_assert_no_error (error);

  window = open_import (fixture, path, "file");
  go_next (window, "columns");
  go_next (window, "check");
  go_next (window, "journey");
  journey_row = ADW_COMBO_ROW (dg_ui_test_find_by_id (GTK_WIDGET (window), "journey_row"));
  stage_row = ADW_COMBO_ROW (dg_ui_test_find_by_id (GTK_WIDGET (window), "stage_row"));
  g_assert_cmpuint (adw_combo_row_get_selected (journey_row), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (stage_row)));

  adw_combo_row_set_selected (journey_row, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (stage_row)));
  adw_combo_row_set_selected (stage_row, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dg_ui_test_find_by_id (GTK_WIDGET (window), "cohort_name_row"))),
                   ==, "12월 특강 신청");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dg_ui_test_find_by_id (GTK_WIDGET (window), "cohort_date_row"))),
                   ==, "2026-11-24");

  /* A date that does not exist holds the import back, with the reason. */
  gtk_editable_set_text (GTK_EDITABLE (dg_ui_test_find_by_id (GTK_WIDGET (window), "cohort_date_row")), "2026-02-30");
  g_assert_false (next_enabled (window));
  g_assert_true (gtk_widget_get_visible (dg_ui_test_find_by_id (GTK_WIDGET (window), "journey_message")));
  gtk_editable_set_text (GTK_EDITABLE (dg_ui_test_find_by_id (GTK_WIDGET (window), "cohort_date_row")), "2026-12-12");
  g_assert_true (next_enabled (window));
  g_free (dg_ui_test_screenshot (GTK_WIDGET (window), "import-journey"));

  import_and_close (window);

  dg_ui_test_wait_for (dg_customers_test_count_all () == 3);
  enrolled = dg_enrollments_stage_ids (db, second->id, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (enrolled->len, ==, 3);
  cohorts = dg_cohorts_list (db, journey->id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cohorts->len, ==, 1);
  cohort = g_ptr_array_index (cohorts, 0);
  g_assert_cmpstr (cohort->name, ==, "12월 특강 신청");
  g_assert_cmpstr (cohort->date, ==, "2026-12-12");
}

/* Cancel while the import writes: nothing is stored, and the window goes
 * back to its last page. The sheet is large enough that the import is
 * still running when Cancel is pressed, in the same main loop iteration
 * as Import. */
static void
test_cancel (DgUiFixture   *fixture,
             gconstpointer  data)
{
  g_autoptr(GString) sheet = g_string_new ("이름,연락처\n");
  g_autofree char *path = NULL;
  g_autoptr(GtkProgressBar) bar = NULL;
  g_autofree char *expected = NULL;
  DgImportWindow *window;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (sheet, "고객%u,010-%04u-%04u\n", i, 1000 + i / 10000, i % 10000);
  path = write_file ("large.csv", sheet->str, sheet->len);

  window = open_import (fixture, path, "file");
  go_next (window, "columns");
  go_next (window, "check");
  g_assert_cmpstr (count_of (window, "added_row"), ==, "20000");
  go_next (window, "journey");

  gtk_widget_activate_action (GTK_WIDGET (window), "import.next", NULL);
  g_assert_true (dg_import_window_get_busy (window));
  g_assert_cmpstr (dg_import_window_get_page_name (window), ==, "progress");
  gtk_widget_activate (dg_ui_test_find_by_id (GTK_WIDGET (window), "cancel_button"));

  dg_ui_test_wait_for (shows_page (window, "journey"));
  g_assert_true (find_import_window () == window);
  g_assert_cmpint (dg_customers_test_count_all (), ==, 0);

  /* Imported after all, the whole sheet is stored; the bar tells how
   * far it has come, and ends full. */
  bar = g_object_ref (GTK_PROGRESS_BAR (dg_ui_test_find_by_id (GTK_WIDGET (window), "progress_bar")));
  gtk_widget_activate_action (GTK_WIDGET (window), "import.next", NULL);
  dg_ui_test_wait_for (gtk_progress_bar_get_fraction (bar) > 0 || find_import_window () == NULL);
  if (find_import_window () == window)
    g_free (dg_ui_test_screenshot (GTK_WIDGET (window), "import-progress"));
  dg_ui_test_wait_for (find_import_window () == NULL);
  g_assert_cmpint (dg_customers_test_count_all (), ==, 20000);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (bar), ==, 1.0);
  expected = g_strdup_printf (ngettext ("%u of %u row", "%u of %u rows", 20000), 20000, 20000);
  g_assert_cmpstr (gtk_progress_bar_get_text (bar), ==, expected);
}

/* Without a name column the Columns page says so and Next waits; a row
 * that cannot be stored is refused with its reason. */
static void
test_missing_name_and_refused (DgUiFixture   *fixture,
                               gconstpointer  data)
{
  g_autofree char *path = write_file ("no-name.csv",
                                      "고객,연락처\n"
                                      "김민수,010-1234-5678\n"
                                      "이서연,010-12\n", -1);
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  DgImportWindow *window;

  window = open_import (fixture, path, "file");
  g_assert_true (gtk_widget_get_visible (dg_ui_test_find_by_id (GTK_WIDGET (window), "sample_message")));
  go_next (window, "columns");
  g_assert_true (gtk_widget_get_visible (dg_ui_test_find_by_id (GTK_WIDGET (window), "missing_name_label")));
  g_assert_false (next_enabled (window));
  g_free (dg_ui_test_screenshot (GTK_WIDGET (window), "import-columns-missing"));

  columns = combo_rows_in (window, "columns_group");
  adw_combo_row_set_selected (g_ptr_array_index (columns, 0), DG_IMPORT_TARGET_NAME);
  dg_ui_test_wait_for (shows_page (window, "columns"));
  g_assert_false (gtk_widget_get_visible (dg_ui_test_find_by_id (GTK_WIDGET (window), "missing_name_label")));

  go_next (window, "check");
  g_assert_cmpstr (count_of (window, "added_row"), ==, "1");
  g_assert_cmpstr (count_of (window, "refused_row"), ==, "1");
  problems = g_ptr_array_new ();
  collect (dg_ui_test_find_by_id (GTK_WIDGET (window), "problems_group"), ADW_TYPE_ACTION_ROW, problems);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (g_ptr_array_index (problems, 0)), "010-12"));
  g_free (dg_ui_test_screenshot (GTK_WIDGET (window), "import-check-refused"));

  go_next (window, "journey");
  import_and_close (window);
  dg_ui_test_wait_for (dg_customers_test_count_all () == 1);
}

/* A file that is not text: the window says why, and nothing is stored. */
static void
test_unreadable (DgUiFixture   *fixture,
                 gconstpointer  data)
{
  static const char binary[] = "PK\003\004\000\000\000\000binary";
  g_autofree char *path = write_file ("sheet.xlsx", binary, sizeof binary);
  DgImportWindow *window;
  AdwStatusPage *page;

  window = open_import (fixture, path, "error");
  page = ADW_STATUS_PAGE (dg_ui_test_find_by_id (GTK_WIDGET (window), "error_page"));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, _("The File Cannot Be Read"));
  g_assert_nonnull (adw_status_page_get_description (page));
  g_assert_false (gtk_widget_get_visible (dg_ui_test_find_by_id (GTK_WIDGET (window), "next_button")));
  g_free (dg_ui_test_screenshot (GTK_WIDGET (window), "import-error"));
  g_assert_cmpint (dg_customers_test_count_all (), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The file changed between the Check page and Import: the window says
 * so, nothing is stored, and reading it again starts over. */
static void
test_changed (DgUiFixture   *fixture,
              gconstpointer  data)
{
  g_autofree char *path = write_file ("changing.csv", korean_sheet, -1);
  g_autofree char *longer = g_strconcat (korean_sheet, "최유진,010-7777-8888,,,\n", NULL);
  AdwStatusPage *page;
  DgImportWindow *window;

  window = open_import (fixture, path, "file");
  go_next (window, "columns");
  go_next (window, "check");
  go_next (window, "journey");
  g_assert_true (g_file_set_contents (path, longer, -1, NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "import.next", NULL);
  dg_ui_test_wait_for (shows_page (window, "error"));
  page = ADW_STATUS_PAGE (dg_ui_test_find_by_id (GTK_WIDGET (window), "error_page"));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, _("The Import Failed"));
  g_assert_nonnull (strstr (adw_status_page_get_description (page), _("The file changed since the preview; preview it again.")));
  g_assert_cmpint (dg_customers_test_count_all (), ==, 0);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (window), "import-changed"));

  gtk_widget_activate (dg_ui_test_find_by_id (GTK_WIDGET (window), "retry_button"));
  dg_ui_test_wait_for (shows_page (window, "file"));
  g_assert_true (grid_shows (window, "최유진"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The same sheet twice: the second time every row is a duplicate with
 * nothing to fill, and the Check page lists the first hundred with "And
 * 50 more" rather than a row for each. */
static void
test_many_duplicates (DgUiFixture   *fixture,
                      gconstpointer  data)
{
  g_autoptr(GString) sheet = g_string_new ("이름,연락처\n");
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *path = NULL;
  g_autofree char *more = NULL;
  DgImportWindow *window;
  gboolean found_more = FALSE;

  for (guint i = 0; i < 150; i++)
    g_string_append_printf (sheet, "고객%u,010-5000-%04u\n", i, i);
  path = write_file ("twice.csv", sheet->str, sheet->len);

  window = open_import (fixture, path, "file");
  go_next (window, "columns");
  go_next (window, "check");
  go_next (window, "journey");
  import_and_close (window);
  dg_ui_test_wait_for (dg_customers_test_count_all () == 150);

  window = open_import (fixture, path, "file");
  go_next (window, "columns");
  go_next (window, "check");
  g_assert_cmpstr (count_of (window, "added_row"), ==, "0");
  g_assert_cmpstr (count_of (window, "unchanged_row"), ==, "150");
  plans = combo_rows_in (window, "duplicates_group");
  g_assert_true (g_ptr_array_remove (plans, dg_ui_test_find_by_id (GTK_WIDGET (window), "all_plan_row")));
  g_assert_cmpuint (plans->len, ==, 100);

  more = g_strdup_printf (ngettext ("And %u more", "And %u more", 50), 50);
  collect (dg_ui_test_find_by_id (GTK_WIDGET (window), "duplicates_group"), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    found_more = found_more || g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), more) == 0;
  g_assert_true (found_more);

  go_next (window, "journey");
  import_and_close (window);
  g_assert_cmpint (dg_customers_test_count_all (), ==, 150);
}

/* A vCard file: no encoding, separator, header or columns to choose; its
 * cards are checked as a sheet's rows are, and imported. */
static void
test_vcard (DgUiFixture   *fixture,
            gconstpointer  data)
{
  static const char cards[] =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:김민수\r\nTEL;TYPE=CELL:+82 10-1234-5678\r\n"
    "TEL;TYPE=WORK:02-123-4567\r\nEMAIL:minsu@example.kr\r\nORG:다온교육\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:박지훈\r\nTEL;TYPE=CELL:010-2222-3333\r\nEND:VCARD\r\n";
  g_autofree char *path = write_file ("contacts.vcf", cards, -1);
  g_autoptr(DgCustomer) minsu = NULL;
  DgImportWindow *window;

  dg_customers_test_insert ("박지훈", "010-2222-3333", NULL, NULL, NULL);
  dg_ui_test_wait_for (dg_customers_test_count_all () == 1);

  window = open_import (fixture, path, "file");
  g_assert_cmpint (dg_csv_import_get_format (dg_import_window_get_import (window)), ==, DG_IMPORT_FORMAT_VCARD);
  g_assert_false (gtk_widget_get_visible (dg_ui_test_find_by_id (GTK_WIDGET (window), "csv_group")));
  g_assert_true (gtk_widget_get_visible (dg_ui_test_find_by_id (GTK_WIDGET (window), "vcard_notes")));
  g_assert_true (grid_shows (window, "김민수"));
  g_free (dg_ui_test_screenshot (GTK_WIDGET (window), "import-vcard"));

  /* Straight to the check: a vCard file has no columns. */
  go_next (window, "check");
  g_assert_cmpstr (count_of (window, "added_row"), ==, "1");
  g_assert_cmpstr (count_of (window, "unchanged_row"), ==, "1");
  go_next (window, "journey");
  gtk_widget_activate_action (GTK_WIDGET (window), "import.back", NULL);
  dg_ui_test_wait_for (shows_page (window, "check"));
  gtk_widget_activate_action (GTK_WIDGET (window), "import.back", NULL);
  dg_ui_test_wait_for (shows_page (window, "file"));
  go_next (window, "check");
  go_next (window, "journey");
  import_and_close (window);

  dg_ui_test_wait_for (dg_customers_test_count_all () == 2);
  minsu = get_customer ("김민수");
  g_assert_cmpstr (dg_customer_get_organization (minsu), ==, "다온교육");
}

/* A survey sheet: the File page's switch turns the survey mode on, its
 * page comes after the columns, and the import logs a contact for the
 * customer who answered (the one who is not a customer is left out). */
static void
test_survey (DgUiFixture   *fixture,
             gconstpointer  data)
{
  static const char survey[] =
    "타임스탬프,이름,연락처,강의는 어떠셨나요?,하고 싶은 말\r\n"
    "2026. 11. 20 오후 3:04:05,김민수,010-1234-5678,매우 만족,자료가 알찼어요\r\n"
    "2026. 11. 20 오후 3:12:00,최유진,010-9999-0000,보통,\r\n";
  g_autofree char *path = write_file ("설문.csv", survey, -1);
  DgImportSummary logged = { .n_logged = 1 };
  g_autofree char *expected = dg_import_controller_describe (&logged);
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  DgImportWindow *window;
  gint64 minsu;

  dg_customers_test_insert ("김민수", "010-1234-5678", NULL, NULL, NULL);
  dg_ui_test_wait_for (dg_customers_test_count_all () == 1);
  minsu = dg_customers_test_find_id ("김민수");

  window = open_import (fixture, path, "file");
  g_assert_false (dg_csv_import_get_survey (dg_import_window_get_import (window)));
  gtk_switch_set_active (GTK_SWITCH (dg_ui_test_find_by_id (GTK_WIDGET (window), "survey_switch")), TRUE);
  dg_ui_test_wait_for (shows_page (window, "file"));
  g_assert_true (dg_csv_import_get_survey (dg_import_window_get_import (window)));

  go_next (window, "columns");
  go_next (window, "survey");
  g_free (dg_ui_test_screenshot (GTK_WIDGET (window), "import-window-survey"));
  go_next (window, "check");
  g_assert_cmpstr (count_of (window, "logged_row"), ==, "1");
  g_assert_false (gtk_widget_get_visible (dg_ui_test_find_by_id (GTK_WIDGET (window), "duplicates_group")));
  go_next (window, "journey");
  gtk_widget_activate_action (GTK_WIDGET (window), "import.back", NULL);
  dg_ui_test_wait_for (shows_page (window, "check"));
  gtk_widget_activate_action (GTK_WIDGET (window), "import.back", NULL);
  dg_ui_test_wait_for (shows_page (window, "survey"));
  go_next (window, "check");
  go_next (window, "journey");
  import_and_close (window);

  dg_ui_test_wait_for (toast_contains (GTK_WIDGET (fixture->window), expected));
  g_assert_cmpint (dg_customers_test_count_all (), ==, 1);
  contacts = dg_interactions_list_for_customer (dg_customers_test_get_database (), minsu, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 1);
}

/* A file dropped onto the window opens the import. */
static void
test_drop (DgUiFixture   *fixture,
           gconstpointer  data)
{
  g_autofree char *path = write_file ("dropped.csv", korean_sheet, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_auto(GValue) value = G_VALUE_INIT;
  DgImportWindow *window;

  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_assert_true (dg_ui_test_drop_value (GTK_WIDGET (fixture->window), &value));
  dg_ui_test_wait_for ((window = find_import_window ()) != NULL);
  dg_ui_test_wait_for (shows_page (window, "file"));
  g_assert_cmpstr (dg_csv_import_get_path (dg_import_window_get_import (window)), ==, path);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  DG_CUSTOMERS_TEST_ADD ("/ui/import/menus", test_menus);
  DG_CUSTOMERS_TEST_ADD ("/ui/import/utf8-and-undo", test_utf8_and_undo);
  DG_CUSTOMERS_TEST_ADD ("/ui/import/cp949", test_cp949);
  DG_CUSTOMERS_TEST_ADD ("/ui/import/duplicate-skip", test_duplicate_skip);
  DG_CUSTOMERS_TEST_ADD ("/ui/import/duplicate-update", test_duplicate_update);
  DG_CUSTOMERS_TEST_ADD ("/ui/import/journey", test_journey);
  DG_CUSTOMERS_TEST_ADD ("/ui/import/cancel", test_cancel);
  DG_CUSTOMERS_TEST_ADD ("/ui/import/missing-name-and-refused", test_missing_name_and_refused);
  DG_CUSTOMERS_TEST_ADD ("/ui/import/unreadable", test_unreadable);
  DG_CUSTOMERS_TEST_ADD ("/ui/import/changed", test_changed);
  DG_CUSTOMERS_TEST_ADD ("/ui/import/many-duplicates", test_many_duplicates);
  DG_CUSTOMERS_TEST_ADD ("/ui/import/vcard", test_vcard);
  DG_CUSTOMERS_TEST_ADD ("/ui/import/survey", test_survey);
  DG_CUSTOMERS_TEST_ADD ("/ui/import/drop", test_drop);

  return g_test_run ();
}
