/* dg-toast.h
 *
 * Toasts for any widget: a view shows a message, or offers Undo after a
 * destructive action, in the AdwToastOverlay it sits in (the window's),
 * without knowing which window that is.
 *
 * Titles are Pango markup: escape names with g_markup_printf_escaped().
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Called once when the user presses Undo on a toast. */
typedef void (*DgUndoFunc) (gpointer user_data);

/* Shows @title in the toast overlay @widget is inside; logs it when
 * @widget is in none (not yet in a window, or already taken out). */
void dg_toast_show               (GtkWidget       *widget,
                                  const char      *title);
/* Shows @title with an Undo button that calls @undo once; @destroy frees
 * @user_data when the toast is gone, whether or not Undo was pressed (at
 * once when there is no overlay to show it in). */
void dg_toast_show_undo          (GtkWidget       *widget,
                                  const char      *title,
                                  DgUndoFunc       undo,
                                  gpointer         user_data,
                                  GDestroyNotify   destroy);
/* Like dg_toast_show_undo(), for an action whose loss would hurt (a
 * customer deleted with its history): the toast has no timeout and stays
 * until the user dismisses it, a newer toast replaces it, or @widget is
 * unmapped, that is, the user went to another page of the window or the
 * window closed. Returns the toast, owned by the overlay, so that the caller
 * can dismiss it sooner; NULL when there is no overlay to show it in. */
AdwToast *dg_toast_show_undo_until_left (GtkWidget       *widget,
                                         const char      *title,
                                         DgUndoFunc       undo,
                                         gpointer         user_data,
                                         GDestroyNotify   destroy);
/* The error of an action the user started: logged as a warning and shown,
 * so the user knows that it did not happen. */
void dg_toast_show_error         (GtkWidget       *widget,
                                  const GError    *error);
/* How long the toasts shown in @overlay from now on stay, in seconds; 0
 * keeps each until it is dismissed. 5 unless set. */
void dg_toast_overlay_set_timeout (AdwToastOverlay *overlay,
                                   guint            seconds);

G_END_DECLS
