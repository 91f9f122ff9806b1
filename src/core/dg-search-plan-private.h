/* dg-search-plan-private.h
 *
 * How a customer query runs. Each word of the search text is answered by
 * an index: the trigram index (customer_fts) for three characters or more,
 * the index of short pieces (customer_pieces) for fewer, the name's
 * initial consonants and the phone digits for the words that need them.
 * The plan first reads the ids each word matches. When one word is found
 * by few customers, the query starts from those ids (handed to SQLite as
 * a JSON array) and sorts them;
 * otherwise it walks the sort order's index, and each row is kept when
 * every word's ids hold it. Walking 100k names took 10 ms; SQLite's own
 * test of a row against a list of 19k matches tripled that, and sorting
 * those 19k took longer still, so the words' ids are tested here, in a
 * bitmap. The list's filters (a tag, a source, no contact for some days,
 * a journey with its stage, cohort and status) are read the same way,
 * each through its index, and join the words.
 */
#pragma once

#include "dg-customers.h"
#include "dg-database-private.h"

G_BEGIN_DECLS

typedef struct
{
  /* The FROM and WHERE of the query, its text parameters in order. */
  GString   *from_where;
  GPtrArray *params;
  /* Id sets a row of the query must be in too (DgIdSet *). */
  GPtrArray *filters;
} DgSearchPlan;

gboolean dg_search_plan_init  (DgSearchPlan          *plan,
                               DgDatabase            *db,
                               const DgCustomerQuery *query,
                               GError               **error);
void     dg_search_plan_clear (DgSearchPlan          *plan);
/* @sql, made of a SELECT list and the plan's FROM and WHERE (and more
 * that takes no parameter), with the plan's parameters bound. */
sqlite3_stmt *dg_search_plan_prepare (const DgSearchPlan *plan,
                                      DgDatabase         *db,
                                      const char         *sql,
                                      GError            **error);
/* Whether a row of the query with customer @id passes the filters. */
gboolean dg_search_plan_keeps (const DgSearchPlan    *plan,
                               gint64                 id);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DgSearchPlan, dg_search_plan_clear)

G_END_DECLS
