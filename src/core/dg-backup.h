/* dg-backup.h
 *
 * Backups: one JSON file (data/backup-format.md) that holds every source
 * column the table catalogue names, rows referring to each other by uuid.
 * Derived values (search rows, phone digits, tag text, last contact, due
 * keys, remind times) are never written; a restore recomputes them through
 * the catalogue, in the restoring machine's time zone.
 *
 * Export streams record by record into a temporary file beside the target,
 * synced and renamed into place, mode 0600.
 *
 * Restore is two steps, so that a person can see what a file holds before
 * anything is replaced: dg_backup_file_load() reads and checks the whole
 * file without touching any database, and reports every problem with its
 * place ("customers[12].email: not a string"); only a file that loaded can
 * be applied with dg_backup_file_restore(), which first writes a safety
 * copy of the current database beside it and then replaces everything in
 * one transaction: an interruption at any point leaves the old or the new
 * data, never a mix.
 */
#pragma once

#include <gio/gio.h>

#include "dg-clock.h"
#include "dg-database.h"

G_BEGIN_DECLS

#define DG_BACKUP_FORMAT_NAME    "dangol-backup"
/* The newest format version this build reads and the one it writes. */
#define DG_BACKUP_FORMAT_VERSION 1

/* How many records of each kind a backup file or a database holds. */
typedef struct
{
  guint n_settings;
  guint n_tags;
  guint n_customers;
  guint n_journeys;
  guint n_stages;
  guint n_stage_rules;
  guint n_cohorts;
  guint n_enrollments;
  guint n_stage_events;
  guint n_interactions;
  guint n_followups;
} DgBackupCounts;

/* Counts the records a backup of @db would hold: what a restore replaces. */
gboolean dg_backup_count_database (DgDatabase      *db,
                                   DgBackupCounts  *out_counts,
                                   GError         **error);

/* Writes a backup of everything in @db to @path. @exported_at (UTC) is
 * written as the file's exported_at; NULL means now. Nothing is left at
 * @path (nor beside it) when it fails: an older file there stays as it
 * was. @out_counts, when not NULL, receives what was written. */
gboolean dg_backup_export         (DgDatabase      *db,
                                   const char      *path,
                                   GDateTime       *exported_at,
                                   DgBackupCounts  *out_counts,
                                   GCancellable    *cancellable,
                                   GError         **error);

typedef struct _DgBackupFile DgBackupFile;

/* Reads and checks the backup at @path. On failure returns NULL with
 * DG_ERROR_INVALID_BACKUP (or an I/O error) whose message names the first
 * problem, and, when @out_problems is not NULL, sets it to every problem
 * found, each a translated line "place: what is wrong" (free with
 * g_ptr_array_unref). Touches no database. */
DgBackupFile         *dg_backup_file_load            (const char      *path,
                                                      GCancellable    *cancellable,
                                                      GPtrArray      **out_problems,
                                                      GError         **error);
void                  dg_backup_file_free            (DgBackupFile    *file);
const char           *dg_backup_file_get_path        (DgBackupFile    *file);
/* The file's exported_at. */
GDateTime            *dg_backup_file_get_exported_at (DgBackupFile    *file);
const DgBackupCounts *dg_backup_file_get_counts      (DgBackupFile    *file);
/* The clock whose zone the restore computes due keys and remind times in,
 * and whose today DG_BACKUP_RESTORE_SHIFT_TO_TODAY moves dates to (the
 * context's, so that a fake clock moves them too); the system clock when
 * none is set. */
void                  dg_backup_file_set_clock       (DgBackupFile    *file,
                                                      DgClock         *clock);

typedef enum
{
  DG_BACKUP_RESTORE_NONE = 0,
  /* Moves every date and time of the file by the whole number of days
   * from the local date of its exported_at to today, so that a demo data
   * set always looks current (follow-ups this month, contacts last week). */
  DG_BACKUP_RESTORE_SHIFT_TO_TODAY = 1 << 0,
  /* Writes no safety copy (a database that is new and empty). */
  DG_BACKUP_RESTORE_NO_SAFETY_COPY = 1 << 1,
} DgBackupRestoreFlags;

/* Replaces everything in @db with the contents of @file. Unless told
 * otherwise, first writes a safety copy of @db (mode 0600) beside its file,
 * named with the time ("dangol-before-restore-2026-12-07-091500.db"), and
 * sets @out_safety_copy (may be NULL) to its path. Then, in one
 * transaction: deletes every record, writes the file's, recomputes every
 * derived value; and emits dg_database_notify_all() once committed. */
gboolean              dg_backup_file_restore         (DgBackupFile          *file,
                                                      DgDatabase            *db,
                                                      DgBackupRestoreFlags   flags,
                                                      char                 **out_safety_copy,
                                                      GCancellable          *cancellable,
                                                      GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgBackupFile, dg_backup_file_free)

G_END_DECLS
