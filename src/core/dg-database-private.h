/* dg-database-private.h
 *
 * What the core modules share about a database and no one else may see:
 * the SQLite handle, cached prepared statements, the small helpers every
 * module runs them with, and transactions.
 */
#pragma once

#include <sqlite3.h>

#include "dg-database.h"

G_BEGIN_DECLS

sqlite3      *dg_database_get_handle (DgDatabase  *self);

/* Now, in UTC to the whole second, by the database's clock (the system
 * time when it has none): the created and updated times of what is
 * written through it. */
GDateTime    *dg_database_now        (DgDatabase  *self);

/* A second connection to the database at @path, already opened and
 * migrated by a DgDatabase, for reading on another thread: it sees what
 * was committed when each read starts, never waits for the writer (WAL)
 * and cannot write. Use it from one thread at a time. While @cancellable
 * is cancelled, a statement it runs stops with an error. */
DgDatabase   *dg_database_open_reader (const char    *path,
                                       GCancellable  *cancellable,
                                       GError       **error);

/* A cached prepared statement, reset and with its bindings cleared.
 * It stays owned by the database; do not finalize it. */
sqlite3_stmt *dg_database_prepare    (DgDatabase  *self,
                                      const char  *sql,
                                      GError     **error);

/* A statement from dg_database_prepare() that is reset when it goes out of
 * scope, so that no finished read keeps a snapshot open:
 *   g_auto(DgStatement) stmt = dg_database_prepare (db, sql, error); */
typedef sqlite3_stmt *DgStatement;
void          dg_statement_release   (sqlite3_stmt *stmt);
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (DgStatement, dg_statement_release, NULL)

/* BEGIN IMMEDIATE, so that a read-then-write transaction cannot fail with
 * SQLITE_BUSY_SNAPSHOT when another process holds the database too. */
gboolean      dg_database_begin      (DgDatabase  *self,
                                      GError     **error);
/* A commit that fails rolls the transaction back, so either way it is over. */
gboolean      dg_database_commit     (DgDatabase  *self,
                                      GError     **error);
void          dg_database_rollback   (DgDatabase  *self);

/* A read transaction, so that several reads see one snapshot: a deferred
 * BEGIN, which holds no lock writers wait for, when no transaction is
 * open; nothing when the caller has one. Calls nest; each is ended by
 * dg_database_end_read(), which commits the transaction it opened (a
 * failed commit rolls back, so either way it is over). dg_database_begin()
 * inside it opens a savepoint. */
gboolean      dg_database_begin_read (DgDatabase  *self,
                                      GError     **error);
gboolean      dg_database_end_read   (DgDatabase  *self,
                                      GError     **error);

gboolean      dg_database_exec       (DgDatabase  *self,
                                      const char  *sql,
                                      GError     **error);

/* Steps @stmt to its end. */
gboolean      dg_database_run        (DgDatabase    *self,
                                      sqlite3_stmt  *stmt,
                                      GError       **error);
/* Binds a copy of @text, or NULL when @text is NULL. */
void          dg_database_bind_text  (sqlite3_stmt  *stmt,
                                      int            index,
                                      const char    *text);
/* Rows changed by the last statement. */
int           dg_database_changes    (DgDatabase    *self);
/* Sets *@out_exists to whether @table (a catalogue table with an id
 * column) holds the row @id. */
gboolean      dg_database_has_row    (DgDatabase    *self,
                                      const char    *table,
                                      gint64         id,
                                      gboolean      *out_exists,
                                      GError       **error);

/* Fills @error with DG_ERROR_DATABASE and SQLite's message; returns FALSE. */
gboolean      dg_database_set_error  (DgDatabase  *self,
                                      GError     **error);

/* Emits ::changed::TABLE (deferred until the outer transaction commits). */
void          dg_database_notify_changed (DgDatabase *self,
                                          const char *table);

G_END_DECLS
