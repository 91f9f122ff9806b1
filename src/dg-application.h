/* dg-application.h
 *
 * The running Dangol: one instance per session. The primary instance opens
 * the database (the default one or the one named with --db), keeps the
 * shared DgContext and shows the main window; a second launch only presents
 * that window.
 */
#pragma once

#include <adwaita.h>

#include "dg-core.h"

G_BEGIN_DECLS

#define DG_TYPE_APPLICATION (dg_application_get_type ())

G_DECLARE_FINAL_TYPE (DgApplication, dg_application, DG, APPLICATION, AdwApplication)

DgApplication *dg_application_new           (void);
/* NULL until a database was opened. */
DgContext     *dg_application_get_context   (DgApplication  *self);
/* Opens the database at @path (the default path when NULL) and builds the
 * context from it. Fails, leaving the file untouched, when the database is
 * refused; a context that is already open is kept. */
gboolean       dg_application_open_database (DgApplication  *self,
                                             const char     *path,
                                             GError        **error);
/* Tells the user why the database could not be opened, and quits when they
 * have read it. Returns the dialog. */
GtkWidget     *dg_application_show_open_error (DgApplication *self,
                                               const GError  *error);

G_END_DECLS
