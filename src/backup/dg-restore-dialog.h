/* dg-restore-dialog.h
 *
 * The question asked before a restore: what the backup holds (its date,
 * how many records of each kind) against what Dangol holds now, which the
 * restore replaces, with a destructive "Replace Everything" response
 * ("replace") beside Cancel ("cancel").
 */
#pragma once

#include <adwaita.h>

#include "dg-backup.h"

G_BEGIN_DECLS

#define DG_TYPE_RESTORE_DIALOG (dg_restore_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DgRestoreDialog, dg_restore_dialog, DG, RESTORE_DIALOG, AdwMessageDialog)

/* @exported_at is shown in @tz. */
GtkWidget *dg_restore_dialog_new (GtkWindow            *parent,
                                  const char           *path,
                                  GDateTime            *exported_at,
                                  GTimeZone            *tz,
                                  const DgBackupCounts *in_file,
                                  const DgBackupCounts *now);

G_END_DECLS
