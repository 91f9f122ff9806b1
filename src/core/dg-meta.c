/* dg-meta.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-meta-private.h"

gboolean
dg_meta_get (DgDatabase  *db,
             const char  *name,
             char       **out_value,
             GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  int rc;

  stmt = dg_database_prepare (db, "SELECT value FROM meta WHERE name = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc == SQLITE_DONE)
    *out_value = NULL;
  else
    return dg_database_set_error (db, error);

  return TRUE;
}

gboolean
dg_meta_set (DgDatabase  *db,
             const char  *name,
             const char  *value,
             GError     **error)
{
  g_auto(DgStatement) stmt = NULL;

  stmt = dg_database_prepare (db,
                              "INSERT INTO meta (name, value) VALUES (?1, ?2) "
                              "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return dg_database_set_error (db, error);

  return TRUE;
}
