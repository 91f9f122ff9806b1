/* dg-bench-journey-data.h
 *
 * The journey of the journey benchmarks, added to a database of made-up
 * customers (dg-bench-data.h): a lecture journey of eight stages with
 * their playbook and rules, its cohorts (one lecture date each, over the
 * two years before now), every customer enrolled in it and walked through
 * it with a fixed number of stage events each, forward mostly, sometimes
 * back; some completed, some dropped with a reason. Each stage entered
 * gets its rule follow-ups as the app makes them; those of the stays that
 * ended are done, and every reminder that fell due was shown. Contacts
 * with feedback are logged during the stays, for the feeling. Beside it,
 * an empty journey with the same stages and rules.
 *
 * The journey, its stages, rules and cohorts are made through the core
 * API; the enrollments, events and contacts as rows written in one
 * transaction, with their follow-ups made by the core's own rule code at
 * the time of each entry, so that a million events take seconds rather
 * than the hours the API's one-move-at-a-time transactions would.
 */
#pragma once

#include "dg-core.h"

G_BEGIN_DECLS

#define DG_BENCH_JOURNEY_NAME       "공개강의 여정"
#define DG_BENCH_EMPTY_JOURNEY_NAME "빈 여정"
#define DG_BENCH_JOURNEY_STAGES     8

typedef struct
{
  guint32  seed;
  /* Customers with ids 1 to n_customers are enrolled, one each. */
  gint64   n_customers;
  guint    n_cohorts;
  /* Stage events of each enrollment: n_events / n_customers. */
  gint64   n_events;
  /* Contacts logged with each customer during their walk. */
  guint    contacts_each;
  gboolean progress;
} DgBenchJourneySpec;

/* Adds the two journeys to @db, the busy one first. */
gboolean dg_bench_journey_fill (DgDatabase                *db,
                                const DgBenchJourneySpec  *spec,
                                GError                   **error);

G_END_DECLS
