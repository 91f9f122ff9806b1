/* dg-bench-backup-data.h
 *
 * A database for the backup benchmark in which every backed-up table has
 * rows: made-up customers and follow-ups (dg-bench-followups-data.h), a
 * contact log of made-up interactions, a reminder lead time, and the
 * lecture journey of seeds/ with cohorts and enrolled customers walked
 * through its stages (their events and the follow-ups its rules made).
 * Everything goes through the core API at a fixed "now"; the same seed
 * gives the same rows.
 */
#pragma once

#include "dg-core.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 customers;
  gint64 interactions;
  gint64 followups;
  /* Customers enrolled in the journey. */
  gint64 enrolled;
} DgBenchBackupSize;

/* Fills the empty @db; @seeds_dir holds lecture-ko.json. Reports progress
 * on stderr when @progress is set. */
gboolean dg_bench_backup_fill (DgDatabase              *db,
                               const char              *seeds_dir,
                               guint32                  seed,
                               const DgBenchBackupSize *size,
                               gboolean                 progress,
                               GError                 **error);

G_END_DECLS
