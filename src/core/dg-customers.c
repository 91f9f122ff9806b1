/* dg-customers.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-catalog.h"
#include "dg-customers-private.h"
#include "dg-error.h"
#include "dg-record-private.h"
#include "dg-search.h"

/* Binds the fields shared by insert and update, from ?2 to ?13 and the
 * birthday's calendar as ?17 and ?18. */
static void
bind_fields (sqlite3_stmt *stmt,
             DgCustomer   *customer)
{
  g_autofree char *phone_digits = dg_search_digits (dg_customer_get_phone (customer));
  g_autofree char *consent_at = dg_record_format_time (dg_customer_get_consent_at (customer));
  g_autofree char *tags_text = dg_customer_dup_tags_text (customer);

  dg_database_bind_text (stmt, 2, dg_customer_get_name (customer));
  dg_database_bind_text (stmt, 3, dg_customer_get_phone (customer));
  dg_database_bind_text (stmt, 4, phone_digits);
  dg_database_bind_text (stmt, 5, dg_customer_get_email (customer));
  dg_database_bind_text (stmt, 6, dg_customer_get_organization (customer));
  dg_database_bind_text (stmt, 7, dg_customer_get_source (customer));
  dg_database_bind_text (stmt, 8, dg_customer_get_birthday (customer));
  sqlite3_bind_int (stmt, 9, dg_customer_get_marketing_consent (customer));
  dg_database_bind_text (stmt, 10, consent_at);
  dg_database_bind_text (stmt, 11, dg_customer_get_note (customer));
  sqlite3_bind_int (stmt, 12, dg_customer_get_archived (customer));
  dg_database_bind_text (stmt, 13, tags_text);
  /* A solar birthday has no leap month; neither has none. */
  dg_database_bind_text (stmt, 17, dg_customer_get_birthday_lunar (customer) ? "lunar" : "solar");
  sqlite3_bind_int (stmt, 18, dg_customer_get_birthday_lunar (customer)
                              && dg_customer_get_birthday_leap_month (customer));
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
  g_autofree char *created_text = dg_record_format_time (created_at);
  g_autofree char *updated_text = dg_record_format_time (updated_at);

  stmt = dg_database_prepare (db,
                              "INSERT INTO customers (id, name, phone, phone_digits, email, "
                              "  organization, source, birthday, marketing_consent, consent_at, "
                              "  note, archived, tags_text, uuid, created_at, updated_at, "
                              "  birthday_calendar, birthday_leap) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                              "  ?14, ?15, ?16, ?17, ?18)",
                              error);
  if (stmt == NULL)
    return FALSE;

  if (wanted_id > 0)
    sqlite3_bind_int64 (stmt, 1, wanted_id);
  else
    sqlite3_bind_null (stmt, 1);
  bind_fields (stmt, customer);
  dg_database_bind_text (stmt, 14, uuid);
  dg_database_bind_text (stmt, 15, created_text);
  dg_database_bind_text (stmt, 16, updated_text);

  if (!dg_database_run (db, stmt, error))
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
  gboolean id_taken = FALSE;
  gint64 wanted_id;
  gint64 id = 0;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DG_IS_CUSTOMER (customer), FALSE);

  if (!dg_customer_validate (customer, error))
    return FALSE;

  now = dg_database_now (db);
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
  if (wanted_id > 0 && !dg_database_has_row (db, DG_TABLE_CUSTOMERS, wanted_id, &id_taken, error))
    {
      dg_database_rollback (db);
      return FALSE;
    }
  if (id_taken)
    wanted_id = 0;

  if (!insert_row (db, customer, wanted_id, uuid, created_at, updated_at, &id, error)
      || !dg_customers_replace_tags (db, id, dg_customer_get_tags (customer), error)
      || !dg_customers_sync_search_row (db, id, error))
    {
      dg_database_rollback (db);
      return FALSE;
    }

  dg_database_notify_changed (db, DG_TABLE_CUSTOMERS);

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
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DG_IS_CUSTOMER (customer), FALSE);

  now = dg_database_now (db);

  return dg_customers_update_at (db, customer, now, error);
}

gboolean
dg_customers_update_at (DgDatabase  *db,
                        DgCustomer  *customer,
                        GDateTime   *now,
                        GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  g_autofree char *updated_text = NULL;
  gint64 id;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DG_IS_CUSTOMER (customer), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (!dg_customer_validate (customer, error))
    return FALSE;

  id = dg_customer_get_id (customer);
  if (id <= 0)
    {
      dg_customers_set_not_found (error);
      return FALSE;
    }

  updated_text = dg_record_format_time (now);

  if (!dg_database_begin (db, error))
    return FALSE;

  stmt = dg_database_prepare (db,
                              "UPDATE customers SET name = ?2, phone = ?3, phone_digits = ?4, "
                              "  email = ?5, organization = ?6, source = ?7, birthday = ?8, "
                              "  marketing_consent = ?9, consent_at = ?10, note = ?11, "
                              "  archived = ?12, tags_text = ?13, updated_at = ?14, "
                              "  birthday_calendar = ?17, birthday_leap = ?18 "
                              "WHERE id = ?1",
                              error);
  if (stmt == NULL)
    {
      dg_database_rollback (db);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, id);
  bind_fields (stmt, customer);
  dg_database_bind_text (stmt, 14, updated_text);

  if (!dg_database_run (db, stmt, error))
    {
      dg_database_rollback (db);
      return FALSE;
    }

  if (dg_database_changes (db) == 0)
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

  dg_database_notify_changed (db, DG_TABLE_CUSTOMERS);

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
  g_autoptr(GDateTime) now = dg_database_now (db);
  g_autofree char *now_text = dg_record_format_time (now);

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
    dg_database_bind_text (stmt, 2, now_text);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int (stmt, 3, value);

  if (!dg_database_run (db, stmt, error))
    {
      dg_database_rollback (db);
      return FALSE;
    }

  if (dg_database_changes (db) == 0)
    {
      dg_customers_set_not_found (error);
      dg_database_rollback (db);
      return FALSE;
    }

  dg_database_notify_changed (db, DG_TABLE_CUSTOMERS);

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
  "  c.last_contact_at, c.birthday_calendar, c.birthday_leap "                \
  "FROM customers c "

/* Builds the customer on @stmt's row; one statement, so one snapshot. */
static DgCustomer *
customer_from_row (sqlite3_stmt *stmt)
{
  DgCustomer *customer = dg_customer_new ();
  g_autoptr(GDateTime) consent_at = dg_record_parse_time ((const char *) sqlite3_column_text (stmt, 9));
  g_autoptr(GDateTime) created_at = dg_record_parse_time ((const char *) sqlite3_column_text (stmt, 12));
  g_autoptr(GDateTime) updated_at = dg_record_parse_time ((const char *) sqlite3_column_text (stmt, 13));
  g_autoptr(GDateTime) last_contact_at = dg_record_parse_time ((const char *) sqlite3_column_text (stmt, 15));
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
  dg_customer_set_birthday_lunar (customer, g_strcmp0 ((const char *) sqlite3_column_text (stmt, 16), "lunar") == 0);
  dg_customer_set_birthday_leap_month (customer, sqlite3_column_int (stmt, 17) != 0);
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

  dg_database_bind_text (stmt, 1, uuid);

  return get_one (db, stmt, error);
}
