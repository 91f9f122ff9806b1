/* dg-ui-fixture.h
 *
 * One fixture for the UI tests: each case gets a fresh temporary database,
 * a fake clock and a main window of its own on them, with the settings at
 * their defaults, so that no case depends on another having run first.
 * The application is one per test program (a GApplication registers once),
 * and the window's context is built here rather than by the application,
 * so that it runs on the fake clock.
 *
 *   g_test_add ("/ui/today/sections", DgUiFixture, NULL,
 *               dg_ui_fixture_setup, test_sections, dg_ui_fixture_teardown);
 *
 * or DG_UI_TEST_ADD() for the defaults. The data argument may point to a
 * DgUiFixtureOptions (a zone and time for the clock, a size, a page to
 * open on); NULL takes the defaults: Tuesday 2026-11-24 10:00 in Seoul,
 * 1100×980, the page the window opens on.
 */
#pragma once

#include <adwaita.h>

#include "dg-application.h"
#include "dg-core.h"
#include "dg-journey-column.h"
#include "dg-journeys-view.h"
#include "dg-window.h"

G_BEGIN_DECLS

typedef struct
{
  /* An identifier such as "Asia/Seoul"; NULL for the default time too. */
  const char *zone;
  int         year, month, day, hour, minute;
  /* 0 for the default. */
  int         width, height;
  /* The page to show first ("customers", …); NULL for the window's own. */
  const char *page;
} DgUiFixtureOptions;

typedef struct
{
  DgApplication *app;
  DgDatabase    *database;
  DgFakeClock   *clock;
  /* NULL when the schema is not installed. */
  GSettings     *settings;
  DgContext     *context;
  DgWindow      *window;
} DgUiFixture;

void         dg_ui_fixture_setup       (DgUiFixture   *fixture,
                                        gconstpointer  options);
/* Destroys every window the case left (editors, dialogs) and drops the
 * database, so the next case starts from nothing. */
void         dg_ui_fixture_teardown    (DgUiFixture   *fixture,
                                        gconstpointer  options);
/* The fixture of the case that runs now, for helpers that do not take it;
 * NULL between cases. */
DgUiFixture *dg_ui_fixture_get_current (void);

/* The window's Journeys page, and its column at @position. */
DgJourneysView  *dg_ui_fixture_get_journeys_view  (DgUiFixture *fixture);
DgJourneyColumn *dg_ui_fixture_get_journey_column (DgUiFixture *fixture,
                                                   guint        position);

/* Moves the fixture's clock to a local wall-clock time in its zone. */
void         dg_ui_fixture_set_now     (DgUiFixture   *fixture,
                                        int            year,
                                        int            month,
                                        int            day,
                                        int            hour,
                                        int            minute);

/* The same as the fixture's application, outside a case too: made and
 * registered on first use. */
DgApplication *dg_ui_fixture_get_app   (void);

#define DG_UI_TEST_ADD(path, func)                                           \
  g_test_add ((path), DgUiFixture, NULL,                                     \
              dg_ui_fixture_setup, (func), dg_ui_fixture_teardown)

/* The same with a DgUiFixtureOptions, e.g. { .page = "customers" } for
 * the tests of the Customers page. */
#define DG_UI_TEST_ADD_WITH(path, options, func)                             \
  g_test_add ((path), DgUiFixture, (options),                                \
              dg_ui_fixture_setup, (func), dg_ui_fixture_teardown)

G_END_DECLS
