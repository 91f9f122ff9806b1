/* dg-background-portal.h
 *
 * Asking the desktop to let Dangol run in the background and start it at
 * login through the Background portal (org.freedesktop.portal.Background
 * on org.freedesktop.portal.Desktop). Inside a sandbox (Flatpak) that is
 * the only way: an entry written to the autostart folder there is never
 * read. The portal names the request with a handle token, emits
 * org.freedesktop.portal.Request.Response on the request's object, and
 * may first ask the person in a dialog of its own.
 *
 * Outside a sandbox the portal cannot start the app (it would start it
 * with `flatpak run`), so the app writes its autostart entry itself there
 * (dg-autostart.h); dg_background_portal_is_sandboxed() says which.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Whether Dangol runs in a Flatpak sandbox. */
gboolean dg_background_portal_is_sandboxed (void);

/* Asks the portal on @connection to let the app run in the background,
 * and to start it at login with @commandline when @autostart (or to stop
 * doing so otherwise). @reason is shown to the person; @parent_window is a
 * window handle ("x11:…", "wayland:…") or "". Fails with
 * G_IO_ERROR_NOT_SUPPORTED when no Background portal answers on the bus. */
void     dg_background_portal_request        (GDBusConnection     *connection,
                                              const char          *parent_window,
                                              gboolean             autostart,
                                              const char * const  *commandline,
                                              const char          *reason,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* TRUE when the portal answered: @out_background says whether the app may
 * run in the background, @out_autostart whether it will start at login.
 * A person who declined in the portal's dialog is an answer, not an
 * error. */
gboolean dg_background_portal_request_finish (GAsyncResult        *result,
                                              gboolean            *out_background,
                                              gboolean            *out_autostart,
                                              GError             **error);

G_END_DECLS
