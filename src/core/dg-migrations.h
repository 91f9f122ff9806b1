/* dg-migrations.h
 *
 * The numbered schema migrations. Migration N brings a database from
 * user_version N-1 to N; each runs in its own transaction.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* SQL of migration @version (1-based), or NULL past the last one. */
const char *dg_migration_sql     (int version);
int         dg_migrations_latest (void);

G_END_DECLS
