/* dg-database-private.h
 *
 * What the core modules share about a database and no one else may see:
 * the SQLite handle, cached prepared statements and transactions.
 */
#pragma once

#include <sqlite3.h>

#include "dg-database.h"

G_BEGIN_DECLS

sqlite3      *dg_database_get_handle (DgDatabase  *self);

/* A cached prepared statement, reset and with its bindings cleared.
 * It stays owned by the database; do not finalize it. */
sqlite3_stmt *dg_database_prepare    (DgDatabase  *self,
                                      const char  *sql,
                                      GError     **error);

/* BEGIN IMMEDIATE, so that a read-then-write transaction cannot fail with
 * SQLITE_BUSY_SNAPSHOT when another process holds the database too. */
gboolean      dg_database_begin      (DgDatabase  *self,
                                      GError     **error);
gboolean      dg_database_commit     (DgDatabase  *self,
                                      GError     **error);
void          dg_database_rollback   (DgDatabase  *self);

gboolean      dg_database_exec       (DgDatabase  *self,
                                      const char  *sql,
                                      GError     **error);

/* Fills @error with DG_ERROR_DATABASE and SQLite's message; returns FALSE. */
gboolean      dg_database_set_error  (DgDatabase  *self,
                                      GError     **error);

/* Emits ::changed::TABLE (deferred until the outer transaction commits). */
void          dg_database_notify_changed (DgDatabase *self,
                                          const char *table);

G_END_DECLS
