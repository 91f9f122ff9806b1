/* dg-customers-contacts.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-customers-contacts.h"
#include "dg-database-private.h"

/* @ids as a JSON array, which json_each() turns into rows: one statement
 * reads any number of customers, without a temporary table to write. */
static char *
ids_to_json (const gint64 *ids,
             guint         n_ids)
{
  GString *json = g_string_sized_new (n_ids * 8 + 2);

  g_string_append_c (json, '[');
  for (guint i = 0; i < n_ids; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      g_string_append_printf (json, "%" G_GINT64_FORMAT, ids[i]);
    }
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

GStrv
dg_customers_get_contacts (DgDatabase     *db,
                           const gint64   *ids,
                           guint           n_ids,
                           DgContactField  field,
                           GError        **error)
{
  static const char *phone_sql =
    "SELECT trim (c.phone), c.phone_digits FROM json_each (?) j JOIN customers c ON c.id = j.value"
    " WHERE trim (coalesce (c.phone, '')) <> '' ORDER BY j.key";
  static const char *email_sql =
    "SELECT trim (c.email), lower (trim (c.email)) FROM json_each (?) j JOIN customers c ON c.id = j.value"
    " WHERE trim (coalesce (c.email, '')) <> '' ORDER BY j.key";
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *json = NULL;
  g_auto(DgStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  stmt = dg_database_prepare (db, field == DG_CONTACT_FIELD_EMAIL ? email_sql : phone_sql, error);
  if (stmt == NULL)
    return NULL;

  json = ids_to_json (ids, n_ids);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *value = (const char *) sqlite3_column_text (stmt, 0);
      const char *key = (const char *) sqlite3_column_text (stmt, 1);

      /* The same number with other dashes, the same address in another
       * case, is one. */
      if (key == NULL || *key == '\0')
        key = value;
      if (!g_hash_table_add (seen, g_strdup (key)))
        continue;
      g_strv_builder_add (values, value);
    }

  if (rc != SQLITE_DONE)
    {
      dg_database_set_error (db, error);
      return NULL;
    }

  return g_strv_builder_end (values);
}
