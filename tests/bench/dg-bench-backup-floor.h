/* dg-bench-backup-floor.h
 *
 * The floor a restore is measured against: the least work that turns a
 * backup file into the same rows. It reads the file, finds each record in
 * one plain pass over the text (no checks beyond finding where a record
 * ends), parses each with json-glib, and inserts the rows with one
 * prepared statement per table in one transaction, into a database with
 * the same schema, indexes and triggers as the app's (the contact log's
 * trigger keeps the customers' last contact, the search rows' triggers
 * fill both full-text indexes). References by uuid are resolved through a
 * table of the uuids inserted so far.
 *
 * The values a restore computes (phone digits, tag text, search rows, due
 * keys, remind times) are read from the database the file was exported
 * from before the clock starts and inserted with their rows, so the floor
 * does none of that computing: it is a floor, not a second restore.
 */
#pragma once

#include "dg-core.h"

G_BEGIN_DECLS

typedef struct _DgBenchFloorDerived DgBenchFloorDerived;

/* The derived values of @source, in the order of its rows. */
DgBenchFloorDerived *dg_bench_floor_derived_read (DgDatabase           *source,
                                                  GError              **error);
void                 dg_bench_floor_derived_free (DgBenchFloorDerived  *derived);

/* Inserts the rows of the backup at @path into the empty @target. Sets
 * @out_records to the number of records read. */
gboolean             dg_bench_floor_restore      (const char           *path,
                                                  DgBenchFloorDerived  *derived,
                                                  DgDatabase           *target,
                                                  guint64              *out_records,
                                                  GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgBenchFloorDerived, dg_bench_floor_derived_free)

G_END_DECLS
