/* dg-backup-problems-dialog.h
 *
 * Says why a backup cannot be restored: every problem the check found,
 * one a line with its place in the file, in a scrolled list that can be
 * selected and copied; or the one error when the file could not be read.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DG_TYPE_BACKUP_PROBLEMS_DIALOG (dg_backup_problems_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DgBackupProblemsDialog, dg_backup_problems_dialog, DG, BACKUP_PROBLEMS_DIALOG, AdwMessageDialog)

/* @problems (may be NULL or empty) are strings; @error says what went
 * wrong when there are none. */
GtkWidget  *dg_backup_problems_dialog_new      (GtkWindow              *parent,
                                                const char             *path,
                                                GPtrArray              *problems,
                                                const GError           *error);
/* The text of the list, as shown. */
const char *dg_backup_problems_dialog_get_text (DgBackupProblemsDialog *self);

G_END_DECLS
