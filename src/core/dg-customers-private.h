/* dg-customers-private.h
 *
 * What the files of the customers module (dg-customers.c, -tags.c and
 * -search.c) share: small statement helpers and the pieces of a write that
 * more than one of them needs. Every function here runs inside the
 * caller's transaction.
 */
#pragma once

#include "dg-customers.h"
#include "dg-database-private.h"

G_BEGIN_DECLS

void       dg_customers_set_not_found   (GError        **error);
/* ISO 8601 in UTC with whole seconds ("2026-11-24T03:22:01Z"); NULL stays NULL. */
char      *dg_customers_format_time     (GDateTime      *time);
/* Now, in UTC, to the second: what a stored time can hold. */
GDateTime *dg_customers_now             (void);
/* Binds a copy of @text, or NULL when @text is NULL. */
void       dg_customers_bind_text       (sqlite3_stmt   *stmt,
                                         int             index,
                                         const char     *text);
/* Steps @stmt to its end. */
gboolean   dg_customers_run             (DgDatabase     *db,
                                         sqlite3_stmt   *stmt,
                                         GError        **error);
/* Rows changed by the last statement. */
int        dg_customers_changes         (DgDatabase     *db);
/* FALSE with @error unset when there is no customer @id. */
gboolean   dg_customers_exists          (DgDatabase     *db,
                                         gint64          id,
                                         GError        **error);
/* Rewrites the customer's search row (and, through its triggers, its
 * entries in the trigram index and the index of short pieces) from what
 * its customers row holds now. */
gboolean   dg_customers_sync_search_row (DgDatabase     *db,
                                         gint64          id,
                                         GError        **error);
/* Makes the customer's linked tags exactly @tags, creating missing ones. */
gboolean   dg_customers_replace_tags    (DgDatabase          *db,
                                         gint64               id,
                                         const char * const  *tags,
                                         GError             **error);

G_END_DECLS
