/* test-ui-journey-map-export.c
 *
 * “Export as PDF” of the journey maps reads each journey's figures in a
 * worker. With the reads held, the export returns at once and the main
 * loop goes on (timeouts fire, the window paints); after a moment a
 * progress dialog says which journey is being read, and once the reads
 * are let go the PDF is written: poppler's pdfinfo and pdftotext read one
 * page per journey, each with its name and its figures. Cancel in that
 * dialog, or leaving the map, ends the export: no file, no temporary
 * file, and a file already at the path is as it was. A read that fails,
 * and a path that cannot be written to (told before any read), show an
 * error naming the path and leave nothing. Under the page,
 * dg_journey_map_export_pdf_async() reports progress in order, never
 * after its callback, cancelled or not.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dg-journey-map.h"
#include "dg-journey-map-export.h"
#include "dg-journey-test-util.h"
#include "dg-journeys-view.h"
#include "dg-test-util.h"
#include "dg-ui-fixture.h"
#include "dg-ui-test-util.h"

#define T(en, ko) (dg_test_is_korean () ? (ko) : (en))

#define OLD_CONTENTS "an older file, to be kept"

typedef struct
{
  gint64 lecture;
  gint64 shop;
  char  *dir;
  char  *pdf;
} Seed;

static const char *
lecture_name (void)
{
  return T ("Public lecture to membership", "공개강의 → 정규 회원");
}

static const char *
shop_name (void)
{
  return T ("Studio visits", "스튜디오 방문");
}

static gint64
add_journey (DgUiFixture *fixture,
             const char  *name,
             const char  *first,
             const char  *second)
{
  g_autoptr(DgJourney) journey = dg_journey_new (name);
  g_autoptr(DgStage) stage = NULL;
  g_autoptr(DgStage) next = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_journeys_insert (fixture->database, journey, &error));
  g_assert_no_error (error);
  stage = dg_stage_new (journey->id, first);
  g_assert_true (dg_stages_insert (fixture->database, stage, &error));
  g_assert_no_error (error);
  next = dg_stage_new (journey->id, second);
  g_assert_true (dg_stages_insert (fixture->database, next, &error));
  g_assert_no_error (error);
  dg_journey_test_enroll (dg_journey_test_add_customer ("김민수", NULL), stage->id, 0);
  dg_journey_test_enroll (dg_journey_test_add_customer ("Nancy Baker", NULL), next->id, 0);

  return journey->id;
}

/* Two journeys, and a folder for the PDF; every read from now on is
 * held. */
static void
seed (DgUiFixture *fixture,
      Seed        *s)
{
  g_autoptr(GError) error = NULL;

  s->lecture = add_journey (fixture, lecture_name (), T ("Sign-up", "신청"), T ("Lecture", "강의"));
  s->shop = add_journey (fixture, shop_name (), T ("First visit", "첫 방문"), T ("Regular", "단골"));
  s->dir = g_dir_make_tmp ("dangol-map-XXXXXX", &error);
  g_assert_no_error (error);
  s->pdf = g_build_filename (s->dir, "maps.pdf", NULL);

  dg_journey_analytics_hold_for_testing (TRUE);
}

/* The two journeys, the map of the first shown. */
static DgJourneyMap *
show_map (DgUiFixture *fixture,
          Seed        *s)
{
  DgJourneysView *view;
  GtkStack *stack;

  seed (fixture, s);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "journeys"));
  view = DG_JOURNEYS_VIEW (dg_window_get_page (fixture->window, "journeys"));
  dg_ui_test_wait_for (dg_journeys_view_get_n_columns (view) > 0);
  g_assert_true (dg_journeys_view_show_journey (view, s->lecture));
  dg_ui_test_wait_for (dg_journeys_view_get_n_columns (view) == 2);
  stack = GTK_STACK (dg_ui_test_find_by_id (GTK_WIDGET (view), "stack"));
  dg_ui_test_wait_painted (GTK_WIDGET (view), 2);
  g_assert_true (gtk_widget_activate (dg_ui_test_find_by_id (GTK_WIDGET (view), "map_toggle")));
  dg_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "map") == 0);

  return DG_JOURNEY_MAP (dg_ui_test_find_by_type (GTK_WIDGET (view), DG_TYPE_JOURNEY_MAP));
}

/* Lets the reads of both journeys go on (only those already started). */
static void
release (Seed         *s,
         const GError *error)
{
  dg_journey_analytics_release_for_testing (s->lecture, 0, error);
  dg_journey_analytics_release_for_testing (s->shop, 0, error);
}

/* Turns the hold off, waits until every read held has been answered,
 * and removes the folder, which must be empty by then. */
static void
finish (Seed *s)
{
  dg_journey_analytics_hold_for_testing (FALSE);
  dg_ui_test_wait_for (dg_journey_analytics_get_n_unfinished_for_testing () == 0);
  dg_ui_test_flush ();
  g_assert_cmpint (g_rmdir (s->dir), ==, 0);
  g_free (s->pdf);
  g_free (s->dir);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;

  return n;
}

/* Puts a file at @path that an export must not touch unless it succeeds. */
static void
write_old_file (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, OLD_CONTENTS, -1, &error));
  g_assert_no_error (error);
}

static void
assert_old_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, OLD_CONTENTS);
}

/* What a poppler tool prints for @path; NULL (and the test marked as
 * skipped) when poppler-utils is not installed. */
static char *
run_poppler (const char *tool,
             const char *path,
             const char *page)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  if (program == NULL)
    {
      g_test_skip ("poppler-utils (pdfinfo, pdftotext) is not installed");
      return NULL;
    }

  if (page == NULL)
    {
      const char *argv[] = { program, path, NULL };

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                                   NULL, &status, &error));
    }
  else
    {
      const char *argv[] = { program, "-f", page, "-l", page, path, "-", NULL };

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                                   NULL, &status, &error));
    }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&out);
}

/* @path is a PDF a reader opens, with a page for each of @names in that
 * order, each page with its journey's name and its figures read. */
static void
assert_pdf_pages (const char         *path,
                  const char * const *names)
{
  g_autofree char *info = run_poppler ("pdfinfo", path, NULL);
  g_autofree char *expected = NULL;
  guint n_names = g_strv_length ((char **) names);

  if (info == NULL)
    return;

  expected = g_strdup_printf ("\nPages:           %u\n", n_names);
  g_assert_nonnull (strstr (info, expected));
  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *text = run_poppler ("pdftotext", path, number);

      g_assert_nonnull (strstr (text, names[i]));
      /* Not the placeholder drawn while the figures are being read. */
      g_assert_null (strstr (text, _("Counting…")));
    }
}

static gboolean
progress_says (AdwMessageDialog *dialog,
               guint             n)
{
  GtkWidget *bar = dg_ui_test_find_by_type (GTK_WIDGET (dialog), GTK_TYPE_PROGRESS_BAR);
  g_autofree char *expected = g_strdup_printf (_("Journey %1$u of %2$u"), n, 2);

  return bar != NULL && g_strcmp0 (gtk_progress_bar_get_text (GTK_PROGRESS_BAR (bar)), expected) == 0;
}

static gboolean
count_tick_cb (gpointer user_data)
{
  guint *ticks = user_data;

  (*ticks)++;

  return G_SOURCE_CONTINUE;
}

static void
test_pdf_held (DgUiFixture   *fixture,
               gconstpointer  user_data)
{
  const char *names[3] = { NULL };
  AdwMessageDialog *dialog;
  DgJourneyMap *map;
  guint ticks = 0;
  guint tick_id;
  Seed s = { 0 };

  map = show_map (fixture, &s);
  names[0] = lecture_name ();
  names[1] = shop_name ();

  /* It returns at once, with the first read held in its worker, and the
   * main loop goes on: timeouts fire, the window paints. */
  g_assert_true (dg_journey_map_export_pdf_to (map, s.pdf));
  g_assert_true (dg_journey_map_is_exporting (map));
  g_assert_false (gtk_widget_is_sensitive (dg_ui_test_find_button (GTK_WIDGET (map), _("Export as PDF…"))));
  tick_id = g_timeout_add (5, count_tick_cb, &ticks);
  dg_ui_test_wait_for (ticks >= 5);
  g_source_remove (tick_id);
  dg_ui_test_wait_painted (GTK_WIDGET (fixture->window), 3);
  g_assert_true (dg_journey_map_is_exporting (map));

  /* After a moment, which journey is being read. */
  dialog = dg_ui_test_wait_for_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Exporting…"));
  g_assert_true (progress_says (dialog, 1));
  g_assert_false (g_file_test (s.pdf, G_FILE_TEST_EXISTS));
  g_free (dg_ui_test_screenshot (GTK_WIDGET (dialog), "journey-map-pdf-progress"));

  release (&s, NULL);
  dg_ui_test_wait_for (progress_says (dialog, 2));
  g_assert_false (g_file_test (s.pdf, G_FILE_TEST_EXISTS));
  release (&s, NULL);
  dg_ui_test_wait_for (!dg_journey_map_is_exporting (map));
  dg_ui_test_wait_for (dg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) == NULL);

  /* The PDF, and nothing else: the temporary file was renamed. */
  assert_pdf_pages (s.pdf, names);
  g_assert_cmpuint (count_files (s.dir), ==, 1);
  dg_ui_test_wait_for (dg_ui_test_toast_contains (GTK_WIDGET (fixture->window), "maps.pdf"));
  g_assert_true (gtk_widget_is_sensitive (dg_ui_test_find_button (GTK_WIDGET (map), _("Export as PDF…"))));

  g_unlink (s.pdf);
  finish (&s);
}

static void
test_pdf_cancel (DgUiFixture   *fixture,
                 gconstpointer  user_data)
{
  AdwMessageDialog *dialog;
  DgJourneyMap *map;
  Seed s = { 0 };

  map = show_map (fixture, &s);
  write_old_file (s.pdf);
  g_assert_true (dg_journey_map_export_pdf_to (map, s.pdf));
  dialog = dg_ui_test_wait_for_message_dialog ();
  g_assert_true (progress_says (dialog, 1));
  /* The temporary file beside it. */
  g_assert_cmpuint (count_files (s.dir), ==, 2);

  /* It ends without waiting for the read held. */
  dg_ui_test_respond (dialog, "cancel");
  dg_ui_test_wait_for (!dg_journey_map_is_exporting (map));
  dg_ui_test_wait_for (dg_ui_test_toast_contains (GTK_WIDGET (fixture->window), _("Export cancelled")));
  assert_old_file (s.pdf);
  g_assert_cmpuint (count_files (s.dir), ==, 1);
  g_assert_true (gtk_widget_is_sensitive (dg_ui_test_find_button (GTK_WIDGET (map), _("Export as PDF…"))));

  /* Nor once the reads could go on. */
  release (&s, NULL);
  dg_journey_analytics_hold_for_testing (FALSE);
  dg_ui_test_wait_for (dg_journey_analytics_get_n_unfinished_for_testing () == 0);
  dg_ui_test_flush ();
  assert_old_file (s.pdf);
  g_assert_cmpuint (count_files (s.dir), ==, 1);

  g_unlink (s.pdf);
  finish (&s);
}

/* Leaving the map for the board ends the export as Cancel does. */
static void
test_pdf_hide (DgUiFixture   *fixture,
               gconstpointer  user_data)
{
  DgJourneysView *view;
  DgJourneyMap *map;
  GtkStack *stack;
  Seed s = { 0 };

  map = show_map (fixture, &s);
  view = DG_JOURNEYS_VIEW (dg_window_get_page (fixture->window, "journeys"));
  stack = GTK_STACK (dg_ui_test_find_by_id (GTK_WIDGET (view), "stack"));
  write_old_file (s.pdf);
  g_assert_true (dg_journey_map_export_pdf_to (map, s.pdf));

  g_assert_true (gtk_widget_activate (dg_ui_test_find_by_id (GTK_WIDGET (view), "board_toggle")));
  dg_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "board") == 0);
  dg_ui_test_wait_for (!dg_journey_map_is_exporting (map));
  dg_ui_test_wait_for (dg_ui_test_toast_contains (GTK_WIDGET (fixture->window), _("Export cancelled")));
  assert_old_file (s.pdf);
  g_assert_cmpuint (count_files (s.dir), ==, 1);

  release (&s, NULL);
  g_unlink (s.pdf);
  finish (&s);
}

static void
test_pdf_read_error (DgUiFixture   *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) failure = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "disk I/O error");
  g_autofree char *title = NULL;
  AdwMessageDialog *dialog;
  DgJourneyMap *map;
  Seed s = { 0 };

  map = show_map (fixture, &s);
  write_old_file (s.pdf);
  g_assert_true (dg_journey_map_export_pdf_to (map, s.pdf));
  dialog = dg_ui_test_wait_for_message_dialog ();
  release (&s, NULL);
  dg_ui_test_wait_for (progress_says (dialog, 2));

  /* The map's own read of the first journey is done: only the export's
   * read of the second fails. */
  dg_test_expect_warning ("*maps.pdf*disk I/O error*");
  release (&s, failure);
  dg_ui_test_wait_for (!dg_journey_map_is_exporting (map));
  dg_ui_test_wait_for (dg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  dg_ui_test_wait_for (dg_ui_test_toast_contains (GTK_WIDGET (fixture->window), "disk I/O error"));
  g_assert_cmpuint (dg_test_n_expected_warnings (), ==, 1);
  dg_test_expect_warning (NULL);

  /* In the reader's language, with the path. */
  title = dg_ui_test_dup_toast_title (GTK_WIDGET (fixture->window));
  g_assert_nonnull (strstr (title, T ("Could not export", "내보내지 못했습니다")));
  g_assert_nonnull (strstr (title, "maps.pdf"));
  assert_old_file (s.pdf);
  g_assert_cmpuint (count_files (s.dir), ==, 1);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (fixture->window), "journey-map-pdf-error"));

  g_unlink (s.pdf);
  finish (&s);
}

/* Exports to @path, which cannot be written to: the error names the
 * path, and comes before any figure is read (they are all held). */
static void
assert_unwritable (DgUiFixture  *fixture,
                   DgJourneyMap *map,
                   const char   *path,
                   const char   *shown)
{
  g_autofree char *title = NULL;

  dg_test_expect_warning ("*maps.pdf*");
  g_assert_true (dg_journey_map_export_pdf_to (map, path));
  dg_ui_test_wait_for (!dg_journey_map_is_exporting (map));
  g_assert_cmpuint (dg_test_n_expected_warnings (), ==, 1);
  dg_test_expect_warning (NULL);
  dg_ui_test_wait_for (dg_ui_test_toast_contains (GTK_WIDGET (fixture->window), shown));
  title = dg_ui_test_dup_toast_title (GTK_WIDGET (fixture->window));
  g_assert_nonnull (strstr (title, T ("Could not export", "내보내지 못했습니다")));
  g_assert_null (dg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_pdf_unwritable (DgUiFixture   *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  DgJourneyMap *map;
  Seed s = { 0 };

  map = show_map (fixture, &s);

  /* The tests may run as root, which writes into any folder: a “folder”
   * that is a file is one no one can write into. */
  file = g_build_filename (s.dir, "not-a-folder", NULL);
  write_old_file (file);
  path = g_build_filename (file, "maps.pdf", NULL);
  assert_unwritable (fixture, map, path, "not-a-folder/maps.pdf");
  assert_old_file (file);
  g_assert_cmpuint (count_files (s.dir), ==, 1);
  g_unlink (file);

  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (s.dir, 0500), ==, 0);
      assert_unwritable (fixture, map, s.pdf, "maps.pdf");
      g_assert_cmpint (g_chmod (s.dir, 0700), ==, 0);
      g_assert_cmpuint (count_files (s.dir), ==, 0);
    }

  finish (&s);
}

/* What dg_journey_map_export_pdf_async() reported. */
typedef struct
{
  GArray   *steps;
  guint     total;
  gboolean  finished;
  gboolean  written;
  GError   *error;
} Reports;

static void
on_progress_cb (guint    n,
                guint    total,
                gpointer user_data)
{
  Reports *reports = user_data;

  g_assert_false (reports->finished);
  g_assert_cmpuint (n, ==, reports->steps->len + 1);
  g_assert_cmpuint (n, <=, total);
  reports->total = total;
  g_array_append_val (reports->steps, n);
}

static void
on_exported_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Reports *reports = user_data;

  g_assert_false (reports->finished);
  reports->written = dg_journey_map_export_pdf_finish (result, &reports->error);
  reports->finished = TRUE;
}

static void
start_export (DgUiFixture  *fixture,
              const char   *path,
              GCancellable *cancellable,
              Reports      *reports)
{
  reports->steps = g_array_new (FALSE, FALSE, sizeof (guint));
  dg_journey_map_export_pdf_async (fixture->database, dg_context_get_clock (fixture->context), 0, 0, path,
                                   cancellable, on_progress_cb, reports, on_exported_cb, reports);
}

static void
reports_clear (Reports *reports)
{
  g_clear_pointer (&reports->steps, g_array_unref);
  g_clear_error (&reports->error);
}

static void
test_progress_order (DgUiFixture   *fixture,
                     gconstpointer  user_data)
{
  const char *names[4] = { NULL };
  Reports reports = { 0 };
  gint64 third;
  Seed s = { 0 };

  seed (fixture, &s);
  third = add_journey (fixture, T ("Online course", "온라인 강좌"), T ("Trial", "체험"), T ("Paid", "결제"));
  names[0] = lecture_name ();
  names[1] = shop_name ();
  names[2] = T ("Online course", "온라인 강좌");

  /* Each read starts as the one before ends, in the journeys' order. */
  start_export (fixture, s.pdf, NULL, &reports);
  g_assert_cmpuint (reports.steps->len, ==, 1);
  g_assert_cmpuint (reports.total, ==, 3);
  dg_ui_test_flush ();
  g_assert_cmpuint (reports.steps->len, ==, 1);
  dg_journey_analytics_release_for_testing (s.lecture, 0, NULL);
  dg_ui_test_wait_for (reports.steps->len == 2);
  dg_journey_analytics_release_for_testing (s.shop, 0, NULL);
  dg_ui_test_wait_for (reports.steps->len == 3);
  g_assert_false (reports.finished);
  g_assert_false (g_file_test (s.pdf, G_FILE_TEST_EXISTS));
  dg_journey_analytics_release_for_testing (third, 0, NULL);
  dg_ui_test_wait_for (reports.finished);

  g_assert_no_error (reports.error);
  g_assert_true (reports.written);
  g_assert_cmpuint (reports.steps->len, ==, 3);
  g_assert_cmpuint (reports.total, ==, 3);
  assert_pdf_pages (s.pdf, names);
  g_assert_cmpuint (count_files (s.dir), ==, 1);

  /* Nothing comes after the end. */
  dg_ui_test_flush ();
  g_assert_cmpuint (reports.steps->len, ==, 3);

  reports_clear (&reports);
  g_unlink (s.pdf);
  finish (&s);
}

static void
test_progress_cancelled (DgUiFixture   *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Reports reports = { 0 };
  Seed s = { 0 };

  seed (fixture, &s);
  write_old_file (s.pdf);
  start_export (fixture, s.pdf, cancellable, &reports);
  dg_journey_analytics_release_for_testing (s.lecture, 0, NULL);
  dg_ui_test_wait_for (reports.steps->len == 2);

  /* Cancelled while the second journey is being read: it ends without
   * waiting for that read. */
  g_cancellable_cancel (cancellable);
  dg_ui_test_wait_for (reports.finished);
  g_assert_error (reports.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (reports.written);
  assert_old_file (s.pdf);
  g_assert_cmpuint (count_files (s.dir), ==, 1);

  /* The read let go after that reports nothing, and writes nothing. */
  dg_journey_analytics_release_for_testing (s.shop, 0, NULL);
  dg_journey_analytics_hold_for_testing (FALSE);
  dg_ui_test_wait_for (dg_journey_analytics_get_n_unfinished_for_testing () == 0);
  dg_ui_test_flush ();
  g_assert_cmpuint (reports.steps->len, ==, 2);
  assert_old_file (s.pdf);
  g_assert_cmpuint (count_files (s.dir), ==, 1);

  reports_clear (&reports);
  g_unlink (s.pdf);
  finish (&s);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  DG_UI_TEST_ADD ("/ui/journey-map-export/held", test_pdf_held);
  DG_UI_TEST_ADD ("/ui/journey-map-export/cancel", test_pdf_cancel);
  DG_UI_TEST_ADD ("/ui/journey-map-export/hide", test_pdf_hide);
  DG_UI_TEST_ADD ("/ui/journey-map-export/read-error", test_pdf_read_error);
  DG_UI_TEST_ADD ("/ui/journey-map-export/unwritable", test_pdf_unwritable);
  DG_UI_TEST_ADD ("/ui/journey-map-export/progress-order", test_progress_order);
  DG_UI_TEST_ADD ("/ui/journey-map-export/progress-cancelled", test_progress_cancelled);

  return g_test_run ();
}
