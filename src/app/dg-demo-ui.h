/* dg-demo-ui.h
 *
 * The ways into the demo data (src/core/dg-demo.h): the window action
 * that the empty Today and Customers pages offer, and `dangol --demo`.
 */
#pragma once

#include "dg-application.h"
#include "dg-window.h"

G_BEGIN_DECLS

/* Adds win.load-demo to @window: loads the demo data into the window's
 * database while it holds no customers, and says so in a toast. */
void dg_demo_ui_add_window_action (DgWindow      *window);

/* Adds --demo to @app's options: before anything else, the demo data is
 * loaded into the database that --db names (or the default one), which
 * must hold no customers; if that fails, Dangol ends with the reason. */
void dg_demo_ui_add_option        (DgApplication *app);

G_END_DECLS
