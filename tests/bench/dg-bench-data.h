/* dg-bench-data.h
 *
 * Made-up but realistic customers for the benchmarks: Korean names drawn
 * with the surname frequencies of the population and common given-name
 * syllables, some Latin names, Korean phone numbers, romanized email
 * addresses, organizations, tags and short notes. The same seed gives the
 * same customers, so that figures from two runs compare.
 */
#pragma once

#include "dg-core.h"

G_BEGIN_DECLS

typedef struct _DgBenchData DgBenchData;

DgBenchData *dg_bench_data_new           (guint32      seed);
void         dg_bench_data_free          (DgBenchData *self);
/* A new customer that passes validation; its created/updated times lie in
 * the three years before a fixed date. */
DgCustomer  *dg_bench_data_make_customer (DgBenchData *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgBenchData, dg_bench_data_free)

G_END_DECLS
