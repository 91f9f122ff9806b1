/* dg-backup-auto.h
 *
 * The automatic backup: once a day while Dangol runs (with its window or
 * in the background), a backup of the database is written into a folder,
 * named by the local date ("dangol-backup-2026-12-07.json"), and only the
 * newest :keep of those files are kept. A folder that Syncthing or
 * Nextcloud keeps in sync then carries the data to another computer.
 *
 * Whether today's backup was made is read from the folder itself (a file
 * with today's name), so a restart, a second process or a file deleted by
 * hand all come out right. Rotation deletes only regular files named as
 * this module names them: anything else in the folder stays.
 *
 * The folder is :folder, or, when that is empty, "backups" beside the
 * database (for the default database, $XDG_DATA_HOME/dangol/backups). A
 * folder it creates is private (0700).
 *
 * It looks at start, when the clock's day changes or the time jumps (a
 * resume), every hour as a safety net, and when a setting changes; the
 * export runs on a worker thread.
 */
#pragma once

#include "dg-backup.h"
#include "dg-clock.h"

G_BEGIN_DECLS

#define DG_TYPE_BACKUP_AUTO (dg_backup_auto_get_type ())

G_DECLARE_FINAL_TYPE (DgBackupAuto, dg_backup_auto, DG, BACKUP_AUTO, GObject)

#define DG_BACKUP_AUTO_DEFAULT_KEEP 14
#define DG_BACKUP_AUTO_MAX_KEEP     365

DgBackupAuto *dg_backup_auto_new                (DgDatabase    *db,
                                                 DgClock       *clock);
gboolean      dg_backup_auto_get_enabled        (DgBackupAuto  *self);
void          dg_backup_auto_set_enabled        (DgBackupAuto  *self,
                                                 gboolean       enabled);
/* What was set; NULL or "" for the default folder. */
const char   *dg_backup_auto_get_folder         (DgBackupAuto  *self);
void          dg_backup_auto_set_folder         (DgBackupAuto  *self,
                                                 const char    *folder);
int           dg_backup_auto_get_keep           (DgBackupAuto  *self);
void          dg_backup_auto_set_keep           (DgBackupAuto  *self,
                                                 int            keep);
/* "backups" beside the database. */
char         *dg_backup_auto_dup_default_folder (DgBackupAuto  *self);
/* The folder backups go to: :folder, or the default one. */
char         *dg_backup_auto_dup_target_folder  (DgBackupAuto  *self);
/* When the newest backup in the folder was written; NULL when it holds
 * none. */
GDateTime    *dg_backup_auto_get_last_backup    (DgBackupAuto  *self);
/* Whether a backup is being written now. */
gboolean      dg_backup_auto_get_busy           (DgBackupAuto  *self);

/* Starts looking, from the main context of the calling thread. */
void          dg_backup_auto_start              (DgBackupAuto  *self);
/* Writes today's backup now, replacing one made earlier today, then
 * rotates; works whether or not :enabled. */
void          dg_backup_auto_back_up_now_async  (DgBackupAuto         *self,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
/* The path written, or NULL with @error. */
char         *dg_backup_auto_back_up_now_finish (DgBackupAuto         *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

/* The name of the automatic backup of the local date of @local_time. */
char         *dg_backup_auto_file_name          (GDateTime     *local_time);
/* Whether @name is one that dg_backup_auto_file_name() gives. */
gboolean      dg_backup_auto_is_backup_name     (const char    *name);
/* Deletes the automatic backups in @folder but the newest @keep (by the
 * date in their names); other files stay. */
gboolean      dg_backup_auto_rotate             (const char    *folder,
                                                 guint          keep,
                                                 GError       **error);

G_END_DECLS
