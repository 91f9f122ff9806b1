/* dg-backup-preferences-group.h
 *
 * The Backups group of Preferences: automatic backups on or off, their
 * folder (chosen with the desktop's folder chooser, or the default one),
 * how many to keep, when the last one was written, and Back Up Now. The
 * switch, folder and count are bound to their GSettings keys; the rest
 * needs the app's DgBackupAuto, without which that row is hidden.
 */
#pragma once

#include <adwaita.h>

#include "dg-backup-auto.h"

G_BEGIN_DECLS

#define DG_TYPE_BACKUP_PREFERENCES_GROUP (dg_backup_preferences_group_get_type ())

G_DECLARE_FINAL_TYPE (DgBackupPreferencesGroup, dg_backup_preferences_group, DG, BACKUP_PREFERENCES_GROUP, AdwPreferencesGroup)

void dg_backup_preferences_group_set_settings    (DgBackupPreferencesGroup *self,
                                                  GSettings                *settings);
void dg_backup_preferences_group_set_backup_auto (DgBackupPreferencesGroup *self,
                                                  DgBackupAuto             *backup_auto);

G_END_DECLS
