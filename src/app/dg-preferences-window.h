/* dg-preferences-window.h
 *
 * Dangol's preferences: whether it runs in the background (reminders while
 * the window is closed, started at login), how long before a timed
 * follow-up its reminder comes, and after how many days without contact a
 * customer is going cold. Every row is bound to its GSettings key, so a
 * change takes effect at once and there is nothing to save. The Backups
 * group shows the last automatic backup and backs up now through the
 * app's DgBackupAuto, once given one.
 */
#pragma once

#include <adwaita.h>

#include "dg-backup-auto.h"

G_BEGIN_DECLS

#define DG_TYPE_PREFERENCES_WINDOW (dg_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (DgPreferencesWindow, dg_preferences_window, DG, PREFERENCES_WINDOW, AdwPreferencesWindow)

DgPreferencesWindow *dg_preferences_window_new      (GtkWindow           *parent,
                                                     GSettings           *settings);
GSettings           *dg_preferences_window_get_settings (DgPreferencesWindow *self);
void                 dg_preferences_window_set_backup_auto (DgPreferencesWindow *self,
                                                            DgBackupAuto        *backup_auto);

G_END_DECLS
