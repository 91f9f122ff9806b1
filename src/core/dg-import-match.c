/* dg-import-match.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <string.h>

#include "dg-database-private.h"
#include "dg-import-match.h"
#include "dg-search.h"

/* Fewer digits than this are an extension or a typo, not a person. */
#define MIN_PHONE_DIGITS 7

char *
dg_import_phone_digits (const char *phone)
{
  char *digits;

  if (phone == NULL)
    return g_strdup ("");

  digits = dg_search_digits (phone);
  if (g_str_has_prefix (digits, "0082"))
    memmove (digits, digits + 3, strlen (digits + 3) + 1), digits[0] = '0';
  else if (g_str_has_prefix (digits, "82") && strchr (phone, '+') != NULL)
    memmove (digits, digits + 1, strlen (digits + 1) + 1), digits[0] = '0';

  return digits;
}

char *
dg_import_phone_key (const char *phone)
{
  g_autofree char *digits = dg_import_phone_digits (phone);

  if (strlen (digits) < MIN_PHONE_DIGITS)
    return NULL;

  return g_steal_pointer (&digits);
}

static gint64
first_id (DgDatabase    *db,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;

  dg_database_set_error (db, error);
  return -1;
}

gint64
dg_import_find_match (DgDatabase  *db,
                      const char  *uuid,
                      const char  *phone,
                      const char  *email,
                      GError     **error)
{
  g_autofree char *key = dg_import_phone_key (phone);
  gint64 id;

  g_return_val_if_fail (DG_IS_DATABASE (db), -1);

  if (uuid != NULL && *uuid != '\0')
    {
      g_auto(DgStatement) stmt = dg_database_prepare (db,
                                                      "SELECT id FROM customers WHERE uuid = ?1",
                                                      error);
      if (stmt == NULL)
        return -1;
      dg_database_bind_text (stmt, 1, uuid);
      if ((id = first_id (db, stmt, error)) != 0)
        return id;
    }

  if (key != NULL)
    {
      /* Stored digits are the number as typed: 010… or 8210…. "archived IN"
       * lets the (archived, phone_digits) index serve. */
      g_autofree char *international = g_strconcat ("82", key + 1, NULL);
      g_auto(DgStatement) stmt = dg_database_prepare (db,
                                                      "SELECT id FROM customers "
                                                      "WHERE archived IN (0, 1) "
                                                      "  AND phone_digits IN (?1, ?2) "
                                                      "ORDER BY archived, id LIMIT 1",
                                                      error);
      if (stmt == NULL)
        return -1;
      dg_database_bind_text (stmt, 1, key);
      dg_database_bind_text (stmt, 2, key[0] == '0' ? international : key);
      if ((id = first_id (db, stmt, error)) != 0)
        return id;
    }

  if (email != NULL && *email != '\0')
    {
      g_auto(DgStatement) stmt = dg_database_prepare (db,
                                                      "SELECT id FROM customers "
                                                      "WHERE archived IN (0, 1) "
                                                      "  AND email = ?1 COLLATE NOCASE "
                                                      "ORDER BY archived, id LIMIT 1",
                                                      error);
      if (stmt == NULL)
        return -1;
      dg_database_bind_text (stmt, 1, email);
      if ((id = first_id (db, stmt, error)) != 0)
        return id;
    }

  return 0;
}
