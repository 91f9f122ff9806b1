/* dg-bench-followups-data.h
 *
 * Made-up follow-ups for the follow-up and reminder benchmarks, spread as a
 * busy owner's would be: due over two years either side of a fixed "now"
 * (denser in the weeks around it), timed and all-day, most of the past ones
 * done or cancelled, some repeating or keeping in touch, some snoozed, most
 * for a customer. Every reminder that fell due before that "now" was shown,
 * as by a reminder service that has been running all along. The same seed
 * gives the same follow-ups.
 */
#pragma once

#include "dg-core.h"

G_BEGIN_DECLS

/* The zone of the data: all-day follow-ups are stored for one zone, so the
 * app that opens the database must run in it too (TZ=Asia/Seoul). */
#define DG_BENCH_FOLLOWUPS_ZONE "Asia/Seoul"

typedef struct _DgBenchFollowups DgBenchFollowups;

/* A fake clock standing at the data's fixed "now", in DG_BENCH_FOLLOWUPS_ZONE. */
DgFakeClock      *dg_bench_followups_clock_new    (void);

/* Follow-ups for the customers with ids @first_customer_id to
 * @first_customer_id + @n_customers - 1 (none when @n_customers is 0). */
DgBenchFollowups *dg_bench_followups_new          (guint32           seed,
                                                   gint64            first_customer_id,
                                                   gint64            n_customers);
void              dg_bench_followups_free         (DgBenchFollowups *self);
DgFollowup       *dg_bench_followups_make         (DgBenchFollowups *self);

/* Creates @path with @n_customers customers (dg-bench-data.h) and
 * @n_followups follow-ups, through dg_customers_insert() and
 * dg_followups_insert(), batched in transactions. Reports progress on
 * stderr when @progress is set. */
gboolean          dg_bench_followups_fill         (DgDatabase       *db,
                                                   guint32           seed,
                                                   gint64            n_customers,
                                                   gint64            n_followups,
                                                   gboolean          progress,
                                                   GError          **error);
/* Adds every row of every ordinary table to @checksum, leaving out uuids
 * and stamps of the moment, so that a cached database is remade only when
 * what core stores changes. */
gboolean          dg_bench_followups_digest       (DgDatabase       *db,
                                                   GChecksum        *checksum,
                                                   GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgBenchFollowups, dg_bench_followups_free)

G_END_DECLS
