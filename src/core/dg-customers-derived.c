/* dg-customers-derived.c
 *
 * The values a customer's row derives from its source columns, each
 * recomputed by one function, and the check that a customer exists.
 */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-catalog.h"
#include "dg-customers-private.h"
#include "dg-error.h"
#include "dg-search.h"

/* Separates the fields of a search haystack, so no match spans two. */
#define FIELD_SEPARATOR "\x1f"

void
dg_customers_set_not_found (GError **error)
{
  g_set_error_literal (error, DG_ERROR, DG_ERROR_NOT_FOUND,
                       _("This customer no longer exists; it may have been deleted."));
}

gboolean
dg_customers_require (DgDatabase  *db,
                      gint64       id,
                      GError     **error)
{
  gboolean exists = FALSE;

  if (!dg_database_has_row (db, DG_TABLE_CUSTOMERS, id, &exists, error))
    return FALSE;

  if (!exists)
    g_set_error_literal (error, DG_ERROR, DG_ERROR_NOT_FOUND,
                         _("Customer: this customer no longer exists; it may have been deleted"));

  return exists;
}

/* Reads one text column of customer @id; NOT_FOUND when there is none. */
static gboolean
read_text (DgDatabase  *db,
           const char  *sql,
           gint64       id,
           char       **out_text,
           GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  int rc;

  stmt = dg_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      dg_customers_set_not_found (error);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return dg_database_set_error (db, error);

  *out_text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  return TRUE;
}

/* Runs @sql with the customer's id as ?1 and @text as ?2. */
static gboolean
write_text (DgDatabase  *db,
            const char  *sql,
            gint64       id,
            const char  *text,
            GError     **error)
{
  g_auto(DgStatement) stmt = NULL;

  stmt = dg_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  dg_database_bind_text (stmt, 2, text);

  return dg_database_run (db, stmt, error);
}

gboolean
dg_customers_recompute_phone_digits (DgDatabase  *db,
                                     gint64       id,
                                     GError     **error)
{
  g_autofree char *phone = NULL;
  g_autofree char *digits = NULL;

  if (!read_text (db, "SELECT phone FROM customers WHERE id = ?1", id, &phone, error))
    return FALSE;

  digits = dg_search_digits (phone);

  return write_text (db, "UPDATE customers SET phone_digits = ?2 WHERE id = ?1", id, digits, error);
}

gboolean
dg_customers_recompute_tags_text (DgDatabase  *db,
                                  gint64       id,
                                  GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  g_autofree char *tags_text = NULL;
  g_auto(GStrv) tags = NULL;

  {
    g_auto(DgStatement) stmt = NULL;
    int rc;

    stmt = dg_database_prepare (db,
                                "SELECT t.name FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id "
                                "WHERE ct.customer_id = ?1",
                                error);
    if (stmt == NULL)
      return FALSE;

    sqlite3_bind_int64 (stmt, 1, id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    if (rc != SQLITE_DONE)
      return dg_database_set_error (db, error);
  }

  g_ptr_array_add (names, NULL);
  joined = g_strjoinv (",", (char **) names->pdata);
  tags = dg_tags_parse (joined);
  tags_text = g_strjoinv (", ", tags);

  return write_text (db, "UPDATE customers SET tags_text = ?2 WHERE id = ?1", id, tags_text, error);
}

gboolean
dg_customers_recompute_last_contact (DgDatabase  *db,
                                     gint64       id,
                                     GError     **error)
{
  g_auto(DgStatement) stmt = NULL;

  /* What the triggers on interactions keep it at. */
  stmt = dg_database_prepare (db,
                              "UPDATE customers SET last_contact_at = "
                              "  (SELECT max (occurred_at) FROM interactions WHERE customer_id = ?1) "
                              "WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  return dg_database_run (db, stmt, error);
}

/* The text the search matches for one customer: each searchable field
 * normalized the way queries are, with the name's initial consonants. */
static char *
build_haystack (const char *name,
                const char *organization,
                const char *email,
                const char *note,
                const char *tags_text,
                const char *phone_digits)
{
  g_autofree char *chosung = dg_search_chosung (name);
  const char *pieces[] = { name, organization, email, note, tags_text, chosung, phone_digits };
  GString *haystack = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
    {
      g_autofree char *normalized = dg_search_normalize (pieces[i]);

      if (i > 0)
        g_string_append (haystack, FIELD_SEPARATOR);
      g_string_append (haystack, normalized);
    }

  return g_string_free (haystack, FALSE);
}

/* Rewrites the customer_search row (and through its triggers the trigram
 * index) from what the customers row holds now. */
gboolean
dg_customers_sync_search_row (DgDatabase  *db,
                              gint64       id,
                              GError     **error)
{
  g_autofree char *haystack = NULL;

  {
    g_auto(DgStatement) stmt = NULL;
    int rc;

    stmt = dg_database_prepare (db,
                                "SELECT name, organization, email, note, tags_text, phone_digits "
                                "FROM customers WHERE id = ?1",
                                error);
    if (stmt == NULL)
      return FALSE;

    sqlite3_bind_int64 (stmt, 1, id);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_DONE)
      {
        dg_customers_set_not_found (error);
        return FALSE;
      }
    if (rc != SQLITE_ROW)
      return dg_database_set_error (db, error);

    haystack = build_haystack ((const char *) sqlite3_column_text (stmt, 0),
                               (const char *) sqlite3_column_text (stmt, 1),
                               (const char *) sqlite3_column_text (stmt, 2),
                               (const char *) sqlite3_column_text (stmt, 3),
                               (const char *) sqlite3_column_text (stmt, 4),
                               (const char *) sqlite3_column_text (stmt, 5));
  }

  if (!write_text (db, "UPDATE customer_search SET haystack = ?2 WHERE customer_id = ?1",
                   id, haystack, error))
    return FALSE;

  if (dg_database_changes (db) > 0)
    return TRUE;

  /* Not INSERT OR REPLACE: its implicit delete would skip the trigger
   * that keeps the trigram index in step. */
  return write_text (db, "INSERT INTO customer_search (customer_id, haystack) VALUES (?1, ?2)",
                     id, haystack, error);
}

gboolean
dg_customers_rebuild_search_index (DgDatabase  *db,
                                   GError     **error)
{
  return dg_database_exec (db, "INSERT INTO customer_fts (customer_fts) VALUES ('rebuild')", error);
}

gboolean
dg_customers_rebuild_pieces_index (DgDatabase  *db,
                                   GError     **error)
{
  return dg_database_exec (db, "INSERT INTO customer_pieces (customer_pieces) VALUES ('rebuild')", error);
}
