/* dg-backup-counts.h
 *
 * The kinds of record a backup holds, named for people, in one order: the
 * restore dialog and `dangol --restore` show what a file holds against
 * what a restore replaces with these.
 */
#pragma once

#include "dg-backup.h"

G_BEGIN_DECLS

guint       dg_backup_counts_n_kinds   (void);
/* The translated name of kind @i, e.g. "Customers". */
const char *dg_backup_counts_kind_name (guint                 i);
guint       dg_backup_counts_get       (const DgBackupCounts *counts,
                                        guint                 i);

G_END_DECLS
