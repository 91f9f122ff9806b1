/* dg-customers-tags.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-catalog.h"
#include "dg-customers-private.h"
#include "dg-error.h"
#include "dg-record-private.h"

/* The id of the tag named @name (case-insensitively), created if new. */
gint64
dg_customers_ensure_tag (DgDatabase  *db,
                         const char  *name,
                         gboolean    *out_created,
                         GError     **error)
{
  g_autofree char *uuid = NULL;

  {
    g_auto(DgStatement) stmt = NULL;
    int rc;

    stmt = dg_database_prepare (db, "SELECT id FROM tags WHERE name = ?1", error);
    if (stmt == NULL)
      return 0;

    dg_database_bind_text (stmt, 1, name);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_ROW)
      return sqlite3_column_int64 (stmt, 0);
    if (rc != SQLITE_DONE)
      {
        dg_database_set_error (db, error);
        return 0;
      }
  }

  {
    g_auto(DgStatement) stmt = NULL;

    stmt = dg_database_prepare (db, "INSERT INTO tags (uuid, name) VALUES (?1, ?2)", error);
    if (stmt == NULL)
      return 0;

    uuid = g_uuid_string_random ();
    dg_database_bind_text (stmt, 1, uuid);
    dg_database_bind_text (stmt, 2, name);
    if (!dg_database_run (db, stmt, error))
      return 0;
  }

  dg_database_notify_changed (db, DG_TABLE_TAGS);
  if (out_created != NULL)
    *out_created = TRUE;

  return sqlite3_last_insert_rowid (dg_database_get_handle (db));
}

/* Links @name to the customer; sets @out_added when the link is new. */
static gboolean
link_tag (DgDatabase  *db,
          gint64       id,
          const char  *name,
          gboolean    *out_added,
          GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  gint64 tag_id;

  tag_id = dg_customers_ensure_tag (db, name, NULL, error);
  if (tag_id == 0)
    return FALSE;

  stmt = dg_database_prepare (db,
                              "INSERT OR IGNORE INTO customer_tags (customer_id, tag_id) "
                              "VALUES (?1, ?2)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, tag_id);
  if (!dg_database_run (db, stmt, error))
    return FALSE;

  if (out_added != NULL)
    *out_added = dg_database_changes (db) > 0;

  return TRUE;
}

/* Makes the customer's tags exactly @tags. */
gboolean
dg_customers_replace_tags (DgDatabase          *db,
                           gint64               id,
                           const char * const  *tags,
                           GError             **error)
{
  {
    g_auto(DgStatement) stmt = NULL;

    stmt = dg_database_prepare (db, "DELETE FROM customer_tags WHERE customer_id = ?1", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, id);
    if (!dg_database_run (db, stmt, error))
      return FALSE;
  }

  for (guint i = 0; tags[i] != NULL; i++)
    {
      if (!link_tag (db, id, tags[i], NULL, error))
        return FALSE;
    }

  return TRUE;
}

/* Recomputes customers.tags_text from the linked tags, after a tag was
 * added or removed on its own, and marks the customer as updated. */
gboolean
dg_customers_refresh_tags_text (DgDatabase  *db,
                                gint64       id,
                                GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  g_autoptr(GDateTime) now = dg_database_now (db);
  g_autofree char *updated_at = dg_record_format_time (now);

  if (!dg_customers_recompute_tags_text (db, id, error))
    return FALSE;

  stmt = dg_database_prepare (db, "UPDATE customers SET updated_at = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  dg_database_bind_text (stmt, 2, updated_at);

  return dg_database_run (db, stmt, error);
}

/* Parses @text as tag names for adding or removing one on its own. */
char **
dg_customers_parse_tag_argument (const char  *text,
                                 GError     **error)
{
  g_autoptr(DgCustomer) check = dg_customer_new ();
  g_auto(GStrv) names = dg_tags_parse (text);

  if (names[0] == NULL)
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                           _("Tags: enter a tag name"));
      return NULL;
    }

  dg_customer_set_tags (check, (const char * const *) names);
  if (!dg_customer_validate_field (check, DG_CUSTOMER_FIELD_TAGS, error))
    return NULL;

  return g_steal_pointer (&names);
}

/* Adds or removes the tags named in @text and refreshes what depends on
 * the customer's tags when anything changed. */
static gboolean
change_tags (DgDatabase  *db,
             gint64       id,
             const char  *text,
             gboolean     add,
             GError     **error)
{
  g_auto(GStrv) names = NULL;
  gboolean changed = FALSE;
  gboolean exists = FALSE;

  names = dg_customers_parse_tag_argument (text, error);
  if (names == NULL)
    return FALSE;

  if (!dg_database_begin (db, error))
    return FALSE;

  if (!dg_database_has_row (db, DG_TABLE_CUSTOMERS, id, &exists, error))
    goto failed;
  if (!exists)
    {
      dg_customers_set_not_found (error);
      goto failed;
    }

  for (guint i = 0; names[i] != NULL; i++)
    {
      gboolean one_changed = FALSE;

      if (add)
        {
          if (!link_tag (db, id, names[i], &one_changed, error))
            goto failed;
        }
      else
        {
          g_auto(DgStatement) stmt = NULL;

          stmt = dg_database_prepare (db,
                                      "DELETE FROM customer_tags WHERE customer_id = ?1 "
                                      "AND tag_id IN (SELECT id FROM tags WHERE name = ?2)",
                                      error);
          if (stmt == NULL)
            goto failed;

          sqlite3_bind_int64 (stmt, 1, id);
          dg_database_bind_text (stmt, 2, names[i]);
          if (!dg_database_run (db, stmt, error))
            goto failed;
          one_changed = dg_database_changes (db) > 0;
        }

      changed |= one_changed;
    }

  if (changed)
    {
      if (!dg_customers_refresh_tags_text (db, id, error) || !dg_customers_sync_search_row (db, id, error))
        goto failed;
      dg_database_notify_changed (db, DG_TABLE_CUSTOMERS);
    }

  return dg_database_commit (db, error);

failed:
  dg_database_rollback (db);
  return FALSE;
}

gboolean
dg_customers_add_tag (DgDatabase  *db,
                      gint64       id,
                      const char  *tag,
                      GError     **error)
{
  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);

  return change_tags (db, id, tag, TRUE, error);
}

gboolean
dg_customers_remove_tag (DgDatabase  *db,
                         gint64       id,
                         const char  *tag,
                         GError     **error)
{
  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);

  return change_tags (db, id, tag, FALSE, error);
}

char **
dg_tags_list (DgDatabase  *db,
              GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  g_autoptr(GPtrArray) names = NULL;
  int rc;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  /* NOCASE then bytes: the order dg_tags_parse() gives a customer's tags. */
  stmt = dg_database_prepare (db,
                              "SELECT name FROM tags t "
                              "WHERE EXISTS (SELECT 1 FROM customer_tags ct WHERE ct.tag_id = t.id) "
                              "ORDER BY name COLLATE NOCASE, name COLLATE BINARY",
                              error);
  if (stmt == NULL)
    return NULL;

  names = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));

  if (rc != SQLITE_DONE)
    {
      dg_database_set_error (db, error);
      return NULL;
    }

  g_ptr_array_add (names, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

char **
dg_customers_list_sources (DgDatabase  *db,
                           GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  g_autoptr(GPtrArray) names = NULL;
  int rc;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  /* Read when the filter menu opens, through customers_by_source.
   * "Blog" and "blog" are one source, as the filter matches them both. */
  stmt = dg_database_prepare (db,
                              "SELECT min (source) FROM customers WHERE source COLLATE NOCASE > '' "
                              "GROUP BY source COLLATE NOCASE "
                              "ORDER BY source COLLATE NOCASE",
                              error);
  if (stmt == NULL)
    return NULL;

  names = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));

  if (rc != SQLITE_DONE)
    {
      dg_database_set_error (db, error);
      return NULL;
    }

  g_ptr_array_add (names, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}
