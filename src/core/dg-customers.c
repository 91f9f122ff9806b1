/* dg-customers.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>

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

/* ISO 8601 in UTC with whole seconds, e.g. 2026-11-24T03:22:01Z. */
char *
dg_customers_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (time == NULL)
    return NULL;

  utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static GDateTime *
parse_time (const char *text)
{
  GDateTime *time;

  if (text == NULL || *text == '\0')
    return NULL;

  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    g_warning ("Ignoring a stored time that is not ISO 8601: %s", text);

  return time;
}

GDateTime *
dg_customers_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_new_from_unix_utc (g_date_time_to_unix (now));
}

void
dg_customers_bind_text (sqlite3_stmt *stmt,
                        int           index,
                        const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* Steps @stmt to its end. */
gboolean
dg_customers_run (DgDatabase    *db,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;

  if (rc != SQLITE_DONE)
    return dg_database_set_error (db, error);

  return TRUE;
}

int
dg_customers_changes (DgDatabase *db)
{
  return sqlite3_changes (dg_database_get_handle (db));
}

/* Whether a customer with @id exists; FALSE with @error unset when not. */
gboolean
dg_customers_exists (DgDatabase  *db,
                     gint64       id,
                     GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  int rc;

  stmt = dg_database_prepare (db, "SELECT 1 FROM customers WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return dg_database_set_error (db, error);

  return rc == SQLITE_ROW;
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
 * index and the index of short pieces) from what the customers row holds
 * now. */
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

  {
    g_auto(DgStatement) stmt = NULL;

    stmt = dg_database_prepare (db,
                                "UPDATE customer_search SET haystack = ?2 WHERE customer_id = ?1",
                                error);
    if (stmt == NULL)
      return FALSE;

    sqlite3_bind_int64 (stmt, 1, id);
    dg_customers_bind_text (stmt, 2, haystack);
    if (!dg_customers_run (db, stmt, error))
      return FALSE;

    if (dg_customers_changes (db) > 0)
      return TRUE;
  }

  {
    /* Not INSERT OR REPLACE: its implicit delete would skip the trigger
     * that keeps the trigram index in step. */
    g_auto(DgStatement) stmt = NULL;

    stmt = dg_database_prepare (db,
                                "INSERT INTO customer_search (customer_id, haystack) VALUES (?1, ?2)",
                                error);
    if (stmt == NULL)
      return FALSE;

    sqlite3_bind_int64 (stmt, 1, id);
    dg_customers_bind_text (stmt, 2, haystack);

    return dg_customers_run (db, stmt, error);
  }
}

/* Binds the fields shared by insert and update, from ?2 to ?13. */
static void
bind_fields (sqlite3_stmt *stmt,
             DgCustomer   *customer)
{
  g_autofree char *phone_digits = dg_search_digits (dg_customer_get_phone (customer));
  g_autofree char *consent_at = dg_customers_format_time (dg_customer_get_consent_at (customer));
  g_autofree char *tags_text = dg_customer_dup_tags_text (customer);

  dg_customers_bind_text (stmt, 2, dg_customer_get_name (customer));
  dg_customers_bind_text (stmt, 3, dg_customer_get_phone (customer));
  dg_customers_bind_text (stmt, 4, phone_digits);
  dg_customers_bind_text (stmt, 5, dg_customer_get_email (customer));
  dg_customers_bind_text (stmt, 6, dg_customer_get_organization (customer));
  dg_customers_bind_text (stmt, 7, dg_customer_get_source (customer));
  dg_customers_bind_text (stmt, 8, dg_customer_get_birthday (customer));
  sqlite3_bind_int (stmt, 9, dg_customer_get_marketing_consent (customer));
  dg_customers_bind_text (stmt, 10, consent_at);
  dg_customers_bind_text (stmt, 11, dg_customer_get_note (customer));
  sqlite3_bind_int (stmt, 12, dg_customer_get_archived (customer));
  dg_customers_bind_text (stmt, 13, tags_text);
}

static gboolean
insert_row (DgDatabase  *db,
            DgCustomer  *customer,
            gint64       wanted_id,
            const char  *uuid,
            GDateTime   *created_at,
            GDateTime   *updated_at,
            gint64      *out_id,
            GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  g_autofree char *created_text = dg_customers_format_time (created_at);
  g_autofree char *updated_text = dg_customers_format_time (updated_at);

  stmt = dg_database_prepare (db,
                              "INSERT INTO customers (id, name, phone, phone_digits, email, "
                              "  organization, source, birthday, marketing_consent, consent_at, "
                              "  note, archived, tags_text, uuid, created_at, updated_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                              "  ?14, ?15, ?16)",
                              error);
  if (stmt == NULL)
    return FALSE;

  if (wanted_id > 0)
    sqlite3_bind_int64 (stmt, 1, wanted_id);
  else
    sqlite3_bind_null (stmt, 1);
  bind_fields (stmt, customer);
  dg_customers_bind_text (stmt, 14, uuid);
  dg_customers_bind_text (stmt, 15, created_text);
  dg_customers_bind_text (stmt, 16, updated_text);

  if (!dg_customers_run (db, stmt, error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (dg_database_get_handle (db));

  return TRUE;
}

gboolean
dg_customers_insert (DgDatabase  *db,
                     DgCustomer  *customer,
                     GError     **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) created_at = NULL;
  g_autoptr(GDateTime) updated_at = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GError) exists_error = NULL;
  gint64 wanted_id;
  gint64 id = 0;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DG_IS_CUSTOMER (customer), FALSE);

  if (!dg_customer_validate (customer, error))
    return FALSE;

  now = dg_customers_now ();
  created_at = dg_customer_get_created_at (customer)
               ? g_date_time_ref (dg_customer_get_created_at (customer))
               : g_date_time_ref (now);
  updated_at = dg_customer_get_updated_at (customer)
               ? g_date_time_ref (dg_customer_get_updated_at (customer))
               : g_date_time_ref (now);
  uuid = *dg_customer_get_uuid (customer) != '\0'
         ? g_strdup (dg_customer_get_uuid (customer))
         : g_uuid_string_random ();

  if (!dg_database_begin (db, error))
    return FALSE;

  /* A customer brought back by undo gets its old id when it is free, so
   * that views can keep it where it was. */
  wanted_id = dg_customer_get_id (customer);
  if (wanted_id > 0 && dg_customers_exists (db, wanted_id, &exists_error))
    wanted_id = 0;

  if (exists_error != NULL
      || !insert_row (db, customer, wanted_id, uuid, created_at, updated_at, &id, error)
      || !dg_customers_replace_tags (db, id, dg_customer_get_tags (customer), error)
      || !dg_customers_sync_search_row (db, id, error))
    {
      if (exists_error != NULL)
        g_propagate_error (error, g_steal_pointer (&exists_error));
      dg_database_rollback (db);
      return FALSE;
    }

  dg_database_notify_changed (db, "customers");

  if (!dg_database_commit (db, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (customer));
  dg_customer_set_id (customer, id);
  dg_customer_set_uuid (customer, uuid);
  dg_customer_set_created_at (customer, created_at);
  dg_customer_set_updated_at (customer, updated_at);
  g_object_thaw_notify (G_OBJECT (customer));

  return TRUE;
}

gboolean
dg_customers_update (DgDatabase  *db,
                     DgCustomer  *customer,
                     GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *updated_text = NULL;
  gint64 id;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DG_IS_CUSTOMER (customer), FALSE);

  if (!dg_customer_validate (customer, error))
    return FALSE;

  id = dg_customer_get_id (customer);
  if (id <= 0)
    {
      dg_customers_set_not_found (error);
      return FALSE;
    }

  now = dg_customers_now ();
  updated_text = dg_customers_format_time (now);

  if (!dg_database_begin (db, error))
    return FALSE;

  stmt = dg_database_prepare (db,
                              "UPDATE customers SET name = ?2, phone = ?3, phone_digits = ?4, "
                              "  email = ?5, organization = ?6, source = ?7, birthday = ?8, "
                              "  marketing_consent = ?9, consent_at = ?10, note = ?11, "
                              "  archived = ?12, tags_text = ?13, updated_at = ?14 "
                              "WHERE id = ?1",
                              error);
  if (stmt == NULL)
    {
      dg_database_rollback (db);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, id);
  bind_fields (stmt, customer);
  dg_customers_bind_text (stmt, 14, updated_text);

  if (!dg_customers_run (db, stmt, error))
    {
      dg_database_rollback (db);
      return FALSE;
    }

  if (dg_customers_changes (db) == 0)
    {
      dg_customers_set_not_found (error);
      dg_database_rollback (db);
      return FALSE;
    }

  if (!dg_customers_replace_tags (db, id, dg_customer_get_tags (customer), error)
      || !dg_customers_sync_search_row (db, id, error))
    {
      dg_database_rollback (db);
      return FALSE;
    }

  dg_database_notify_changed (db, "customers");

  if (!dg_database_commit (db, error))
    return FALSE;

  dg_customer_set_updated_at (customer, now);

  return TRUE;
}

/* Runs one statement that changes the customer @id (bound as ?1, with
 * the current time as ?2 when it takes one) in a transaction of its own. */
static gboolean
change_one (DgDatabase  *db,
            const char  *sql,
            gint64       id,
            int          value,
            GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  g_autoptr(GDateTime) now = dg_customers_now ();
  g_autofree char *now_text = dg_customers_format_time (now);

  if (!dg_database_begin (db, error))
    return FALSE;

  stmt = dg_database_prepare (db, sql, error);
  if (stmt == NULL)
    {
      dg_database_rollback (db);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    dg_customers_bind_text (stmt, 2, now_text);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int (stmt, 3, value);

  if (!dg_customers_run (db, stmt, error))
    {
      dg_database_rollback (db);
      return FALSE;
    }

  if (dg_customers_changes (db) == 0)
    {
      dg_customers_set_not_found (error);
      dg_database_rollback (db);
      return FALSE;
    }

  dg_database_notify_changed (db, "customers");

  return dg_database_commit (db, error);
}

gboolean
dg_customers_set_archived (DgDatabase  *db,
                           gint64       id,
                           gboolean     archived,
                           GError     **error)
{
  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);

  return change_one (db,
                     "UPDATE customers SET updated_at = ?2, archived = ?3 WHERE id = ?1",
                     id, !!archived, error);
}

gboolean
dg_customers_delete (DgDatabase  *db,
                     gint64       id,
                     GError     **error)
{
  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);

  /* Foreign keys cascade to customer_tags and customer_search, whose
   * delete trigger removes the trigram index entry. */
  return change_one (db, "DELETE FROM customers WHERE id = ?1", id, 0, error);
}

#define SELECT_CUSTOMER                                                        \
  "SELECT c.id, c.uuid, c.name, c.phone, c.email, c.organization, c.source, "  \
  "  c.birthday, c.marketing_consent, c.consent_at, c.note, c.archived, "      \
  "  c.created_at, c.updated_at, "                                             \
  "  (SELECT group_concat (t.name, char (31)) FROM customer_tags ct "          \
  "     JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = c.id), "        \
  "  c.last_contact_at "                                                       \
  "FROM customers c "

/* Builds the customer on @stmt's row; one statement, so one snapshot. */
static DgCustomer *
customer_from_row (sqlite3_stmt *stmt)
{
  DgCustomer *customer = dg_customer_new ();
  g_autoptr(GDateTime) consent_at = parse_time ((const char *) sqlite3_column_text (stmt, 9));
  g_autoptr(GDateTime) created_at = parse_time ((const char *) sqlite3_column_text (stmt, 12));
  g_autoptr(GDateTime) updated_at = parse_time ((const char *) sqlite3_column_text (stmt, 13));
  g_autoptr(GDateTime) last_contact_at = parse_time ((const char *) sqlite3_column_text (stmt, 15));
  g_auto(GStrv) tags = NULL;

  if (sqlite3_column_type (stmt, 14) != SQLITE_NULL)
    tags = g_strsplit ((const char *) sqlite3_column_text (stmt, 14), "\x1f", -1);

  dg_customer_set_id (customer, sqlite3_column_int64 (stmt, 0));
  dg_customer_set_uuid (customer, (const char *) sqlite3_column_text (stmt, 1));
  dg_customer_set_name (customer, (const char *) sqlite3_column_text (stmt, 2));
  dg_customer_set_phone (customer, (const char *) sqlite3_column_text (stmt, 3));
  dg_customer_set_email (customer, (const char *) sqlite3_column_text (stmt, 4));
  dg_customer_set_organization (customer, (const char *) sqlite3_column_text (stmt, 5));
  dg_customer_set_source (customer, (const char *) sqlite3_column_text (stmt, 6));
  dg_customer_set_birthday (customer, (const char *) sqlite3_column_text (stmt, 7));
  dg_customer_set_marketing_consent (customer, sqlite3_column_int (stmt, 8) != 0, consent_at);
  dg_customer_set_note (customer, (const char *) sqlite3_column_text (stmt, 10));
  dg_customer_set_archived (customer, sqlite3_column_int (stmt, 11) != 0);
  dg_customer_set_created_at (customer, created_at);
  dg_customer_set_updated_at (customer, updated_at);
  dg_customer_set_last_contact_at (customer, last_contact_at);
  dg_customer_set_tags (customer, (const char * const *) tags);

  return customer;
}

static DgCustomer *
get_one (DgDatabase    *db,
         sqlite3_stmt  *stmt,
         GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return customer_from_row (stmt);

  if (rc == SQLITE_DONE)
    dg_customers_set_not_found (error);
  else
    dg_database_set_error (db, error);

  return NULL;
}

DgCustomer *
dg_customers_get (DgDatabase  *db,
                  gint64       id,
                  GError     **error)
{
  g_auto(DgStatement) stmt = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  stmt = dg_database_prepare (db, SELECT_CUSTOMER "WHERE c.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);

  return get_one (db, stmt, error);
}

DgCustomer *
dg_customers_get_by_uuid (DgDatabase  *db,
                          const char  *uuid,
                          GError     **error)
{
  g_auto(DgStatement) stmt = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  stmt = dg_database_prepare (db, SELECT_CUSTOMER "WHERE c.uuid = ?1", error);
  if (stmt == NULL)
    return NULL;

  dg_customers_bind_text (stmt, 1, uuid);

  return get_one (db, stmt, error);
}
