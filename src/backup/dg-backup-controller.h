/* dg-backup-controller.h
 *
 * Back Up… and Restore… for one window: adds to it the actions
 *   win.back-up            asks where to save, then win.back-up-to
 *   win.back-up-to(s)      writes a backup to the path given; a toast says
 *                          where it went
 *   win.restore            asks for a file, then win.restore-from
 *   win.restore-from(s)    loads and checks the file on a worker thread;
 *                          a file with problems gets the list of them, a
 *                          good one the question of what it replaces; once
 *                          replaced, a toast says where the safety copy is
 * The four are disabled while one of them works.
 */
#pragma once

#include <adwaita.h>

#include "dg-context.h"

G_BEGIN_DECLS

#define DG_TYPE_BACKUP_CONTROLLER (dg_backup_controller_get_type ())

G_DECLARE_FINAL_TYPE (DgBackupController, dg_backup_controller, DG, BACKUP_CONTROLLER, GObject)

/* @toast_widget is where toasts go (a widget in the window's toast
 * overlay); neither it nor @window is referenced. */
DgBackupController *dg_backup_controller_new      (GtkWindow          *window,
                                                   GtkWidget          *toast_widget,
                                                   DgContext          *context);
/* Adds the actions to @window's action map. */
void                dg_backup_controller_install  (DgBackupController *self);
/* Whether an export, a load or a restore is under way. */
gboolean            dg_backup_controller_get_busy (DgBackupController *self);
/* The default name of a backup made today, "dangol-backup-2026-12-07.json". */
char               *dg_backup_controller_dup_default_name (DgBackupController *self);

G_END_DECLS
