/* dg-autostart.h
 *
 * The entry in the user's autostart folder ($XDG_CONFIG_HOME/autostart)
 * that starts Dangol in the background at login, so that reminders arrive
 * with no window open. It is a copy of the autostart entry Dangol installs
 * in its data folder (PKGDATADIR, or $DANGOL_DATADIR when set, as the
 * tests and a run from the build tree do), written atomically.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where the entry goes: .../autostart/io.github.dangol.Dangol.desktop. */
char     *dg_autostart_get_path          (void);
/* The installed entry that is copied there. */
char     *dg_autostart_get_template_path (void);
/* Writes the entry (TRUE) or removes it (FALSE); removing an entry that
 * is not there succeeds. */
gboolean  dg_autostart_set_enabled       (gboolean   enabled,
                                          GError   **error);
/* Makes the entry follow the setting: when @enabled, writes it unless it
 * already is the installed entry byte for byte; otherwise removes it if it
 * is there. What the app does at every start, so that an entry removed,
 * edited or left over by hand or by another version is put right. */
gboolean  dg_autostart_sync              (gboolean   enabled,
                                          GError   **error);
gboolean  dg_autostart_get_enabled       (void);

G_END_DECLS
