/* test-ui-backup.c
 *
 * Back Up… and Restore… in the window, and the Backups group of
 * Preferences: the primary menu offers both; Back Up opens a save dialog
 * offering today's name and writes the file, with a toast saying where;
 * Restore of a good file asks first, showing what the file holds against
 * what is there now, and Cancel changes nothing while Replace Everything
 * replaces it and says where the safety copy is; a broken file shows its
 * problems, selectable, and changes nothing; Back Up Now in Preferences
 * writes today's automatic backup and shows when. The two dialogs are
 * saved as screenshots.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dg-backup-problems-dialog.h"
#include "dg-customers-test-util.h"
#include "dg-preferences-window.h"
#include "dg-restore-dialog.h"
#include "dg-test-util.h"
#include "dg-ui-fixture.h"
#include "dg-ui-test-util.h"

static void
add_customer (DgDatabase *db,
              const char *name)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  g_assert_true (dg_customers_insert (db, customer, &error));
  g_assert_no_error (error);
}

static void
add_followup (DgUiFixture *fixture,
              const char  *title,
              const char  *date)
{
  g_autoptr(DgFollowup) followup = dg_followup_new ();
  g_autoptr(GError) error = NULL;

  dg_followup_set_title (followup, title);
  dg_followup_set_due_date (followup, date);
  g_assert_true (dg_followups_insert (fixture->database, DG_CLOCK (fixture->clock), followup, &error));
  g_assert_no_error (error);
}

static gint64
count_customers (DgDatabase *db)
{
  g_autoptr(GError) error = NULL;
  gint64 n = dg_customers_count (db, NULL, &error);

  g_assert_no_error (error);

  return n;
}

static gboolean
actions_enabled (DgUiFixture *fixture)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "back-up")
         && g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "restore");
}

static char *
write_backup (DgDatabase *db,
              const char *name)
{
  g_autofree char *path = g_build_filename (dg_test_tempdir (), name, NULL);
  g_autoptr(GTimeZone) seoul = g_time_zone_new_identifier ("Asia/Seoul");
  g_autoptr(GDateTime) when = g_date_time_new (seoul, 2026, 11, 20, 18, 5, 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_backup_export (db, path, when, NULL, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

/* The menu offers both; Back Up asks where, offering today's name, and
 * writes there; the toast says where it went. */
static void
test_back_up (DgUiFixture   *fixture,
              gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkMenuButton *menu_button;
  GtkFileChooser *chooser;
  g_autoptr(GFile) folder = g_file_new_for_path (dg_test_tempdir ());
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  GStatBuf st;

  add_customer (fixture->database, "김민수");
  gtk_window_present (GTK_WINDOW (window));

  menu_button = GTK_MENU_BUTTON (dg_ui_test_find_by_type (window, GTK_TYPE_MENU_BUTTON));
  g_assert_nonnull (menu_button);
  g_assert_true (dg_ui_test_menu_has_action (gtk_menu_button_get_menu_model (menu_button), "win.back-up"));
  g_assert_true (dg_ui_test_menu_has_action (gtk_menu_button_get_menu_model (menu_button), "win.restore"));

  gtk_widget_activate_action (window, "win.back-up", NULL);
  dg_ui_test_wait_for (dg_ui_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL);
  chooser = GTK_FILE_CHOOSER (dg_ui_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (chooser);

    /* The fixture's today, in Seoul. */
    g_assert_cmpstr (name, ==, "dangol-backup-2026-11-24.json");
  }
  /* GTK's own dialog checks an accepted name asynchronously: the test
   * closes it and backs up through the action the dialog would call. */
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  dg_ui_test_wait_for (dg_ui_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL);

  path = g_build_filename (g_file_peek_path (folder), "dangol-backup-2026-11-24.json", NULL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_widget_activate_action (window, "win.back-up-to", "s", path);
  dg_ui_test_wait_for (dg_ui_test_toast_contains (window, "dangol-backup-2026-11-24.json"));
  dg_ui_test_wait_for (actions_enabled (fixture));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "dangol-backup"));
  g_assert_nonnull (strstr (contents, "김민수"));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 077, ==, 0);

  /* A folder that is not there: the toast says it did not happen. */
  {
    g_autofree char *nowhere = g_build_filename (g_file_peek_path (folder), "no", "such.json", NULL);

    dg_test_expect_warning ("*such.json*");
    gtk_widget_activate_action (window, "win.back-up-to", "s", nowhere);
    dg_ui_test_wait_for (dg_test_n_expected_warnings () == 1);
    dg_test_expect_warning (NULL);
    dg_ui_test_wait_for (actions_enabled (fixture));
    g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  }
}

static DgRestoreDialog *
wait_for_restore_dialog (void)
{
  dg_ui_test_wait_for (dg_ui_test_find_window (DG_TYPE_RESTORE_DIALOG) != NULL);

  return DG_RESTORE_DIALOG (dg_ui_test_find_window (DG_TYPE_RESTORE_DIALOG));
}

/* The labels of the dialog's table, row by row, "name file now". */
static char *
table_text (DgRestoreDialog *dialog)
{
  GtkWidget *grid = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_true (GTK_IS_GRID (grid));
  for (int row = 1; gtk_grid_get_child_at (GTK_GRID (grid), 0, row) != NULL; row++)
    {
      for (int column = 0; column < 3; column++)
        {
          GtkWidget *label = gtk_grid_get_child_at (GTK_GRID (grid), column, row);

          g_string_append_printf (text, "%s%s", column > 0 ? " " : "",
                                  gtk_label_get_text (GTK_LABEL (label)));
        }
      g_string_append_c (text, '\n');
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Restore asks first, with what the file holds against what is there;
 * Cancel changes nothing, Replace Everything replaces it all and says
 * where the data from before is. */
static void
test_restore (DgUiFixture   *fixture,
              gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autofree char *path = NULL;
  g_autofree char *table = NULL;
  g_autofree char *expected = NULL;
  DgRestoreDialog *dialog;
  const char *customers = g_dpgettext2 (NULL, "backup contents", "Customers");

  add_customer (fixture->database, "김민수");
  add_customer (fixture->database, "이서연");
  add_followup (fixture, "Call about the spring course", "2026-11-25");
  add_followup (fixture, "Send the invoice", "2026-11-26");
  path = write_backup (fixture->database, "good.json");
  add_followup (fixture, "Book the room", "2026-11-27");
  add_customer (fixture->database, "박지은");
  gtk_window_present (GTK_WINDOW (window));
  dg_customers_test_show_page ();
  dg_ui_test_wait_for (dg_customers_test_n_items () == 3);

  gtk_widget_activate_action (window, "win.restore-from", "s", path);
  dialog = wait_for_restore_dialog ();
  g_assert_false (actions_enabled (fixture));
  table = table_text (dialog);
  expected = g_strdup_printf ("%s 2 3\n%s 2 3\n", customers,
                              g_dpgettext2 (NULL, "backup contents", "Follow-ups"));
  g_assert_cmpstr (table, ==, expected);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "good.json"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "replace"), ==,
                   _("_Replace Everything"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "cancel");
  dg_ui_test_wait_painted (GTK_WIDGET (dialog), 2);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (dialog), "backup-restore-confirm"));

  /* Cancel: nothing changes. */
  dg_ui_test_respond (ADW_MESSAGE_DIALOG (dialog), "cancel");
  dg_ui_test_wait_for (dg_ui_test_find_window (DG_TYPE_RESTORE_DIALOG) == NULL);
  dg_ui_test_wait_for (actions_enabled (fixture));
  g_assert_cmpint (count_customers (fixture->database), ==, 3);

  /* Replace Everything. */
  gtk_widget_activate_action (window, "win.restore-from", "s", path);
  dialog = wait_for_restore_dialog ();
  dg_ui_test_respond (ADW_MESSAGE_DIALOG (dialog), "replace");
  dg_ui_test_wait_for (dg_ui_test_toast_contains (window, "dangol-before-restore-"));
  dg_ui_test_wait_for (actions_enabled (fixture));
  g_assert_cmpint (count_customers (fixture->database), ==, 2);
  /* The page on screen shows what was restored. */
  dg_ui_test_wait_for (dg_customers_test_n_items () == 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = dg_customers_test_dup_name (i);

      g_assert_cmpstr (name, !=, "박지은");
    }
}

static DgBackupProblemsDialog *
wait_for_problems_dialog (void)
{
  dg_ui_test_wait_for (dg_ui_test_find_window (DG_TYPE_BACKUP_PROBLEMS_DIALOG) != NULL);

  return DG_BACKUP_PROBLEMS_DIALOG (dg_ui_test_find_window (DG_TYPE_BACKUP_PROBLEMS_DIALOG));
}

/* A broken file shows every problem, selectable, and changes nothing; so
 * does a file that is not there. */
static void
test_broken (DgUiFixture   *fixture,
             gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autofree char *path = g_build_filename (dg_test_tempdir (), "broken.json", NULL);
  g_autofree char *missing = g_build_filename (dg_test_tempdir (), "missing.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  DgBackupProblemsDialog *dialog;
  GtkWidget *label;
  const char *text;

  add_customer (fixture->database, "김민수");
  before = dg_test_dump_database (fixture->database);
  g_assert_true (g_file_set_contents (path,
                                      "{\"format\": \"dangol-backup\", \"version\": 1,"
                                      " \"exported_at\": \"yesterday\","
                                      " \"customers\": [{\"uuid\": 12, \"name\": [\"김민수\"]}]}",
                                      -1, NULL));
  gtk_window_present (GTK_WINDOW (window));

  gtk_widget_activate_action (window, "win.restore-from", "s", path);
  dialog = wait_for_problems_dialog ();
  g_assert_null (dg_ui_test_find_window (DG_TYPE_RESTORE_DIALOG));
  text = dg_backup_problems_dialog_get_text (dialog);
  /* Several problems, one a line, each with its place. */
  g_assert_nonnull (strchr (text, '\n'));
  g_assert_nonnull (strstr (text, "exported_at"));
  g_assert_nonnull (strstr (text, "customers[0]"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "broken.json"));
  label = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))));
  if (GTK_IS_VIEWPORT (label))
    label = gtk_viewport_get_child (GTK_VIEWPORT (label));
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (label)));
  dg_ui_test_wait_painted (GTK_WIDGET (dialog), 2);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (dialog), "backup-problems"));

  dg_ui_test_respond (ADW_MESSAGE_DIALOG (dialog), "close");
  dg_ui_test_wait_for (dg_ui_test_find_window (DG_TYPE_BACKUP_PROBLEMS_DIALOG) == NULL);
  dg_ui_test_wait_for (actions_enabled (fixture));
  after = dg_test_dump_database (fixture->database);
  g_assert_cmpstr (before, ==, after);

  gtk_widget_activate_action (window, "win.restore-from", "s", missing);
  dialog = wait_for_problems_dialog ();
  g_assert_cmpstr (dg_backup_problems_dialog_get_text (dialog), !=, "");
  dg_ui_test_respond (ADW_MESSAGE_DIALOG (dialog), "close");
  dg_ui_test_wait_for (actions_enabled (fixture));
}

/* The Backups group: the folder shown, Back Up Now writes today's backup
 * there and the last backup's time appears. */
static void
test_preferences (DgUiFixture   *fixture,
                  gconstpointer  data)
{
  g_autoptr(DgBackupAuto) backup_auto = NULL;
  g_autofree char *folder = g_build_filename (dg_test_tempdir (), "Sync", "Dangol", NULL);
  g_autofree char *expected = NULL;
  DgPreferencesWindow *preferences;
  AdwActionRow *last_row;
  AdwActionRow *folder_row;

  g_assert_nonnull (fixture->settings);
  g_settings_set_string (fixture->settings, "backup-folder", folder);
  backup_auto = dg_backup_auto_new (fixture->database, DG_CLOCK (fixture->clock));
  g_settings_bind (fixture->settings, "backup-folder", backup_auto, "folder", G_SETTINGS_BIND_GET);
  g_settings_bind (fixture->settings, "backup-enabled", backup_auto, "enabled", G_SETTINGS_BIND_GET);
  g_settings_set_boolean (fixture->settings, "backup-enabled", FALSE);

  preferences = dg_preferences_window_new (GTK_WINDOW (fixture->window), fixture->settings);
  dg_preferences_window_set_backup_auto (preferences, backup_auto);
  g_object_add_weak_pointer (G_OBJECT (preferences), (gpointer *) &preferences);
  gtk_window_set_default_size (GTK_WINDOW (preferences), 600, 980);
  gtk_window_present (GTK_WINDOW (preferences));

  last_row = ADW_ACTION_ROW (dg_ui_test_find_by_id (GTK_WIDGET (preferences), "last_row"));
  folder_row = ADW_ACTION_ROW (dg_ui_test_find_by_id (GTK_WIDGET (preferences), "folder_row"));
  g_assert_cmpstr (adw_action_row_get_subtitle (last_row), ==, _("None yet"));
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (folder_row), "/Sync/Dangol"));
  g_assert_true (gtk_widget_get_visible (dg_ui_test_find_by_id (GTK_WIDGET (preferences), "folder_reset_button")));

  gtk_widget_activate (dg_ui_test_find_by_id (GTK_WIDGET (preferences), "now_button"));
  expected = g_build_filename (folder, "dangol-backup-2026-11-24.json", NULL);
  dg_ui_test_wait_for (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  dg_ui_test_wait_for (g_strcmp0 (adw_action_row_get_subtitle (last_row), _("None yet")) != 0);
  dg_ui_test_wait_for (dg_ui_test_toast_contains (GTK_WIDGET (preferences), "dangol-backup-2026-11-24.json"));

  /* The group, at the end of the page, without the toast over it. */
  {
    g_autoptr(AdwToast) toast = dg_ui_test_find_toast (GTK_WIDGET (preferences));
    GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (last_row), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    adw_toast_dismiss (toast);
    dg_ui_test_wait_for (dg_ui_test_find_toast (GTK_WIDGET (preferences)) == NULL);
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  }
  dg_ui_test_wait_painted (GTK_WIDGET (preferences), 2);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (preferences), "preferences-backups"));

  /* Back to the default folder: beside the database. */
  gtk_widget_activate (dg_ui_test_find_by_id (GTK_WIDGET (preferences), "folder_reset_button"));
  dg_ui_test_wait_for (g_str_has_suffix (adw_action_row_get_subtitle (folder_row), "/backups"));
  g_assert_false (gtk_widget_get_visible (dg_ui_test_find_by_id (GTK_WIDGET (preferences), "folder_reset_button")));

  gtk_window_destroy (GTK_WINDOW (preferences));
  dg_ui_test_wait_for (preferences == NULL);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  DG_UI_TEST_ADD ("/ui/backup/back-up", test_back_up);
  DG_UI_TEST_ADD ("/ui/backup/restore", test_restore);
  DG_UI_TEST_ADD ("/ui/backup/broken", test_broken);
  DG_UI_TEST_ADD ("/ui/backup/preferences", test_preferences);

  return g_test_run ();
}
