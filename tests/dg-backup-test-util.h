/* dg-backup-test-util.h
 *
 * What the backup tests share: a database with rows in every table, and an
 * export of it with a fixed exported_at.
 */
#pragma once

#include "dg-test-util.h"

G_BEGIN_DECLS

/* Fills every backed-up table of the empty @db (and a setting). */
void    dg_backup_test_fill   (DgDatabase *db);
/* Exports @db to @path with exported_at 2026-12-07T09:15:00Z; the bytes. */
GBytes *dg_backup_test_export (DgDatabase *db,
                               const char *path);

G_END_DECLS
