/* dg-window.h
 *
 * The main window: a header bar with a view switcher over the app's pages
 * (Customers for now), a primary menu and a toast overlay that every page
 * uses to offer Undo after a destructive action.
 */
#pragma once

#include <adwaita.h>

#include "dg-application.h"
#include "dg-core.h"

G_BEGIN_DECLS

#define DG_TYPE_WINDOW (dg_window_get_type ())

G_DECLARE_FINAL_TYPE (DgWindow, dg_window, DG, WINDOW, AdwApplicationWindow)

/* Called when the user presses Undo on a toast. The titles of toasts are
 * Pango markup: escape names with g_markup_printf_escaped(). */
typedef void (*DgUndoFunc) (gpointer user_data);

DgWindow  *dg_window_new            (DgApplication  *application,
                                     DgContext      *context);
DgContext *dg_window_get_context    (DgWindow       *self);
void       dg_window_add_toast      (DgWindow       *self,
                                     const char     *title);
/* Shows @title with an Undo button that calls @undo once; @destroy frees
 * @user_data when the toast is gone, whether or not Undo was pressed. */
void       dg_window_add_undo_toast (DgWindow       *self,
                                     const char     *title,
                                     DgUndoFunc      undo,
                                     gpointer        user_data,
                                     GDestroyNotify  destroy);

G_END_DECLS
