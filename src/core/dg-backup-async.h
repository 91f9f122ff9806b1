/* dg-backup-async.h
 *
 * Backups on a worker thread, so that a window stays responsive and the
 * automatic backup does not stall the reminders while a large database is
 * written or a large file is read and checked.
 *
 * Each task works on a connection of its own to the database's file: an
 * export reads through a reader (it sees one committed state, WAL lets the
 * app go on writing), a restore writes through a second connection, and
 * its _finish(), in the caller's thread, tells the caller's DgDatabase
 * that everything changed (dg_database_notify_all()).
 */
#pragma once

#include "dg-backup.h"

G_BEGIN_DECLS

/* dg_backup_export() of @db's file to @path on a worker thread. */
void          dg_backup_export_async        (DgDatabase            *db,
                                             const char            *path,
                                             GDateTime             *exported_at,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
/* @out_counts (may be NULL) receives what was written. */
gboolean      dg_backup_export_finish       (GAsyncResult          *result,
                                             DgBackupCounts        *out_counts,
                                             GError               **error);

/* dg_backup_file_load() on a worker thread. */
void          dg_backup_file_load_async     (const char            *path,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
/* NULL on failure, with every problem in @out_problems (may be NULL) as
 * dg_backup_file_load() gives them. */
DgBackupFile *dg_backup_file_load_finish    (GAsyncResult          *result,
                                             GPtrArray            **out_problems,
                                             GError               **error);

/* dg_backup_file_restore() into @db's file on a worker thread; takes
 * @file. */
void          dg_backup_file_restore_async  (DgBackupFile          *file,
                                             DgDatabase            *db,
                                             DgBackupRestoreFlags   flags,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
/* Once the restore committed, emits dg_database_notify_all() on the @db
 * it was started with (here, in the caller's thread). */
gboolean      dg_backup_file_restore_finish (GAsyncResult          *result,
                                             char                 **out_safety_copy,
                                             GError               **error);

G_END_DECLS
