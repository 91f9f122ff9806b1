/* dg-bench-journey.h
 *
 * What the files of dg-bench-journey share: small helpers that stop the
 * program on any failure (a benchmark has nothing to recover), and the
 * bulk move's benchmark (dg-bench-journey-move.c).
 */
#pragma once

#include "dg-core.h"
#include "dg-database-private.h"

G_BEGIN_DECLS

void          bench_check      (gboolean      ok,
                                GError       *error,
                                const char   *what);
sqlite3_stmt *bench_prepare    (DgDatabase   *db,
                                const char   *sql);
/* Steps @stmt to its end, then resets it and clears its bindings. */
void          bench_step       (DgDatabase   *db,
                                sqlite3_stmt *stmt);
void          bench_exec       (DgDatabase   *db,
                                const char   *sql);
gint64        bench_query_int  (DgDatabase   *db,
                                const char   *sql);
gint64        bench_journey_id (DgDatabase   *db,
                                const char   *name);
double        bench_ms_since   (gint64        start);
/* Sorts @samples. */
double        bench_median     (GArray       *samples);
double        bench_slowest    (GArray       *samples);
void          bench_checkpoint (DgDatabase   *db);

/* Times the bulk move of the first @n_cards cards of a column, @runs
 * times, against its floor; prints the figures and "worst ratio: R". */
int           dg_bench_journey_move (DgDatabase *db,
                                     int         n_cards,
                                     int         runs);

G_END_DECLS
