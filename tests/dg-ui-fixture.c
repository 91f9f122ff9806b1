/* dg-ui-fixture.c */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include "dg-journey-test-util.h"
#include "dg-test-util.h"
#include "dg-ui-fixture.h"
#include "dg-ui-test-util.h"

static const DgUiFixtureOptions default_options = {
  .zone = "Asia/Seoul",
  .year = 2026, .month = 11, .day = 24, .hour = 10, .minute = 0,
  .width = 1100, .height = 980,
};

static DgApplication *app;
static DgUiFixture *current;

static void
release_app (void)
{
  g_clear_object (&app);
}

DgApplication *
dg_ui_fixture_get_app (void)
{
  g_autoptr(GError) error = NULL;

  if (app != NULL)
    return app;

  app = dg_application_new ();
  /* Each test binary is its own app, even while another instance runs. */
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  dg_ui_test_settle_gtk ();
  atexit (release_app);

  return app;
}

/* The tests run with the schema compiled in the build tree and a memory
 * backend, one for the whole process: every key goes back to its default
 * so that no case sees what another one set. */
static GSettings *
new_default_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  GSettings *settings;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return NULL;

  settings = g_settings_new_full (schema, NULL, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);

  return settings;
}

void
dg_ui_fixture_setup (DgUiFixture   *fixture,
                     gconstpointer  data)
{
  const DgUiFixtureOptions *options = data != NULL ? data : &default_options;
  const DgUiFixtureOptions *when = options->zone != NULL ? options : &default_options;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_assert_null (current);
  current = fixture;

  fixture->app = g_object_ref (dg_ui_fixture_get_app ());

  path = dg_test_temp_path ("dangol.db");
  fixture->database = dg_database_open (path, &error);
  g_assert_no_error (error);

  fixture->clock = dg_test_fake_clock (when->zone, when->year, when->month, when->day,
                                       when->hour, when->minute);
  fixture->settings = new_default_settings ();
  fixture->context = g_object_new (DG_TYPE_CONTEXT,
                                   "database", fixture->database,
                                   "settings", fixture->settings,
                                   "clock", fixture->clock,
                                   NULL);
  dg_followups_sync_time_zone (fixture->database, DG_CLOCK (fixture->clock), &error);
  g_assert_no_error (error);
  dg_journey_test_set_database (fixture->database, DG_CLOCK (fixture->clock));

  fixture->window = dg_window_new (fixture->app, fixture->context);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window),
                               options->width > 0 ? options->width : default_options.width,
                               options->height > 0 ? options->height : default_options.height);
  /* Toasts stay until pressed or replaced: a slow machine must not see an
   * Undo go before the case presses it. */
  dg_window_set_toast_timeout (fixture->window, 0);
  if (options->page != NULL)
    {
      GtkWidget *stack = dg_ui_test_find_by_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK);

      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), options->page);
    }
  gtk_window_present (GTK_WINDOW (fixture->window));
  dg_ui_test_wait_painted (GTK_WIDGET (fixture->window), 1);
}

void
dg_ui_fixture_teardown (DgUiFixture   *fixture,
                        gconstpointer  data)
{
  g_autoptr(GList) toplevels = NULL;

  /* Every window of the case: its main window, and the editors, dialogs
   * and windows of its own it may have left open. */
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    g_object_ref (l->data);
  for (GList *l = toplevels; l; l = l->next)
    {
      gtk_window_destroy (l->data);
      g_object_unref (l->data);
    }
  dg_ui_test_wait_for (fixture->window == NULL);
  dg_ui_test_wait_for (gtk_application_get_windows (GTK_APPLICATION (fixture->app)) == NULL);
  dg_ui_test_flush ();
  dg_journey_test_set_database (NULL, NULL);

  g_clear_object (&fixture->context);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->clock);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->app);

  current = NULL;
}

DgUiFixture *
dg_ui_fixture_get_current (void)
{
  return current;
}

void
dg_ui_fixture_set_now (DgUiFixture *fixture,
                       int          year,
                       int          month,
                       int          day,
                       int          hour,
                       int          minute)
{
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (DG_CLOCK (fixture->clock));
  g_autoptr(GDateTime) now = dg_test_local_time (tz, year, month, day, hour, minute);

  dg_fake_clock_set_now (fixture->clock, now);
}

DgJourneysView *
dg_ui_fixture_get_journeys_view (DgUiFixture *fixture)
{
  return DG_JOURNEYS_VIEW (dg_window_get_page (fixture->window, "journeys"));
}

DgJourneyColumn *
dg_ui_fixture_get_journey_column (DgUiFixture *fixture,
                                  guint        position)
{
  DgJourneysView *view = dg_ui_fixture_get_journeys_view (fixture);

  return DG_JOURNEY_COLUMN (dg_journeys_view_get_column (view, position));
}
