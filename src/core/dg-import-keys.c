/* dg-import-keys.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <sqlite3.h>

#include <glib/gi18n.h>

#include "dg-error.h"
#include "dg-import-keys.h"

/* The keys' pages kept in memory; the rest wait in the file. */
#define KEYS_CACHE_KB 1024

struct _DgImportKeys
{
  sqlite3      *handle;
  sqlite3_stmt *lookup;
  sqlite3_stmt *add;
};

static gboolean
set_error (DgImportKeys  *self,
           GError       **error)
{
  g_set_error (error, DG_ERROR, DG_ERROR_DATABASE,
               _("Could not keep the rows read to find those that repeat: %s"),
               self->handle != NULL ? sqlite3_errmsg (self->handle) : sqlite3_errstr (SQLITE_NOMEM));
  return FALSE;
}

void
dg_import_keys_free (DgImportKeys *self)
{
  if (self == NULL)
    return;

  sqlite3_finalize (self->lookup);
  sqlite3_finalize (self->add);
  /* Closing it rolls its only transaction back and deletes its file. */
  sqlite3_close (self->handle);
  g_free (self);
}

DgImportKeys *
dg_import_keys_new (GError **error)
{
  g_autoptr(DgImportKeys) self = g_new0 (DgImportKeys, 1);

  /* An empty name is a private temporary database on disk, not in
   * memory (the connection's temp_store is the default, FILE). Nothing
   * in it outlives the import: no journal, no syncing, one transaction
   * never committed. */
  if (sqlite3_open_v2 ("", &self->handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK
      || sqlite3_exec (self->handle,
                       "PRAGMA journal_mode = OFF;"
                       "PRAGMA synchronous = OFF;"
                       "PRAGMA cache_size = -" G_STRINGIFY (KEYS_CACHE_KB) ";"
                       "CREATE TABLE keys (key TEXT PRIMARY KEY, row INTEGER NOT NULL) WITHOUT ROWID;"
                       "BEGIN;",
                       NULL, NULL, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (self->handle, "SELECT row FROM keys WHERE key = ?1", -1, &self->lookup,
                             NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (self->handle, "INSERT OR REPLACE INTO keys (key, row) VALUES (?1, ?2)", -1,
                             &self->add, NULL) != SQLITE_OK)
    {
      set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

gboolean
dg_import_keys_lookup (DgImportKeys  *self,
                       const char    *key,
                       gboolean      *out_found,
                       guint         *out_row,
                       GError       **error)
{
  int rc;

  sqlite3_bind_text (self->lookup, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (self->lookup);
  *out_found = rc == SQLITE_ROW;
  if (out_row != NULL)
    *out_row = rc == SQLITE_ROW ? (guint) sqlite3_column_int64 (self->lookup, 0) : 0;
  sqlite3_reset (self->lookup);
  sqlite3_clear_bindings (self->lookup);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_error (self, error);

  return TRUE;
}

gboolean
dg_import_keys_add (DgImportKeys  *self,
                    const char    *key,
                    guint          row,
                    GError       **error)
{
  int rc;

  sqlite3_bind_text (self->add, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (self->add, 2, row);
  rc = sqlite3_step (self->add);
  sqlite3_reset (self->add);
  sqlite3_clear_bindings (self->add);

  if (rc != SQLITE_DONE)
    return set_error (self, error);

  return TRUE;
}
