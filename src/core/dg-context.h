/* dg-context.h
 *
 * What the whole app shares, handed to every view as a property: the open
 * database, the settings (NULL when the schema is not installed, as in
 * tests; every reader copes with that) and the clock that says what "now"
 * and "today" are (the system clock unless a :clock was given, such as a
 * DgFakeClock in tests). The context gives its clock to the database
 * (dg_database_set_clock()), so that the times records are written with
 * are that clock's too.
 */
#pragma once

#include <gio/gio.h>

#include "dg-clock.h"
#include "dg-database.h"

G_BEGIN_DECLS

#define DG_TYPE_CONTEXT (dg_context_get_type ())

G_DECLARE_FINAL_TYPE (DgContext, dg_context, DG, CONTEXT, GObject)

DgContext  *dg_context_new          (DgDatabase *database,
                                     GSettings  *settings);
DgDatabase *dg_context_get_database (DgContext  *self);
GSettings  *dg_context_get_settings (DgContext  *self);
DgClock    *dg_context_get_clock    (DgContext  *self);

G_END_DECLS
