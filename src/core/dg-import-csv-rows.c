/* dg-import-csv-rows.c
 *
 * One row of a sheet: the customer it stores, the customer it matches,
 * and what updating that customer from it fills or would overwrite.
 */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dg-database-private.h"
#include "dg-error.h"
#include "dg-import-csv-private.h"
#include "dg-import-match.h"
#include "dg-search.h"

/* A phone number from a file is matched on its digits: a fragment
 * ("010-12") would match strangers, so a number with too few digits to
 * be a match key (dg_import_phone_key(), the rule every import shares) is
 * refused; and no number has more than 15 (E.164). The customer editor,
 * where a person types, is not as strict. */
#define PHONE_MAX_DIGITS 15

static gboolean
check_phone (const char  *phone,
             char       **out_problem)
{
  g_autofree char *digits = dg_search_digits (phone);
  g_autofree char *key = dg_import_phone_key (phone);
  gsize n = strlen (digits);

  if (n == 0 || (key != NULL && n <= PHONE_MAX_DIGITS))
    return TRUE;

  *out_problem = g_strdup_printf (key == NULL ? _("Phone: “%s” is too short")
                                              : _("Phone: “%s” is too long"),
                                  phone);
  return FALSE;
}

DgCustomer *
dg_csv_import_build_customer (DgCsvImport  *self,
                              GPtrArray    *fields,
                              GTimeZone    *tz,
                              char        **out_problem)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(GString) tag_text = g_string_new (NULL);
  g_autoptr(GDateTime) submitted = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  gboolean consent = FALSE;
  guint n_columns = self->targets->len;
  guint n_notes = 0;

  for (guint c = 0; c < n_columns; c++)
    n_notes += g_array_index (self->targets, DgImportTarget, c) == DG_IMPORT_TARGET_NOTE;

  for (guint i = n_columns; i < fields->len; i++)
    {
      g_autofree char *extra = g_strstrip (g_strdup (g_ptr_array_index (fields, i)));

      if (*extra != '\0')
        {
          *out_problem = g_strdup_printf (_("it has %u cells, but the file has %u columns"),
                                          fields->len, n_columns);
          return NULL;
        }
    }

  for (guint c = 0; c < n_columns; c++)
    {
      DgImportTarget target = g_array_index (self->targets, DgImportTarget, c);
      g_autofree char *value = g_strstrip (g_strdup (c < fields->len ? g_ptr_array_index (fields, c) : ""));
      g_autofree char *birthday = NULL;

      switch (target)
        {
        case DG_IMPORT_TARGET_NAME:
          dg_customer_set_name (customer, value);
          break;
        case DG_IMPORT_TARGET_PHONE:
          if (!check_phone (value, out_problem))
            return NULL;
          dg_customer_set_phone (customer, value);
          break;
        case DG_IMPORT_TARGET_EMAIL:
          dg_customer_set_email (customer, value);
          break;
        case DG_IMPORT_TARGET_ORGANIZATION:
          dg_customer_set_organization (customer, value);
          break;
        case DG_IMPORT_TARGET_SOURCE:
          dg_customer_set_source (customer, value);
          break;
        case DG_IMPORT_TARGET_BIRTHDAY:
          if (*value == '\0')
            break;
          birthday = dg_import_parse_birthday (value);
          if (birthday == NULL)
            {
              *out_problem = g_strdup_printf (_("Birthday: “%s” is not a date with its year (use YYYY-MM-DD)"),
                                              value);
              return NULL;
            }
          dg_customer_set_birthday (customer, birthday);
          break;
        case DG_IMPORT_TARGET_NOTE:
          if (*value == '\0')
            break;
          if (note->len > 0)
            g_string_append_c (note, '\n');
          /* Several answers keep their question. */
          if (n_notes > 1)
            g_string_append_printf (note, "%s: ", (const char *) g_ptr_array_index (self->titles, c));
          g_string_append (note, value);
          break;
        case DG_IMPORT_TARGET_TAGS:
          g_string_append_printf (tag_text, "%s,", value);
          break;
        case DG_IMPORT_TARGET_CONSENT:
          if (!dg_import_parse_consent (value, &consent))
            {
              *out_problem = g_strdup_printf (_("Marketing consent: “%s” is neither yes nor no"), value);
              return NULL;
            }
          break;
        case DG_IMPORT_TARGET_TIMESTAMP:
          g_clear_pointer (&submitted, g_date_time_unref);
          submitted = dg_import_parse_timestamp (value, tz);
          break;
        case DG_IMPORT_TARGET_IGNORE:
        case DG_IMPORT_N_TARGETS:
        default:
          break;
        }
    }

  dg_customer_set_note (customer, note->str);
  tags = dg_tags_parse (tag_text->str);
  dg_customer_set_tags (customer, (const char * const *) tags);
  if (consent)
    {
      g_autoptr(GDateTime) at = submitted != NULL ? g_date_time_to_utc (submitted)
                                : self->applying_at != NULL ? g_date_time_ref (self->applying_at)
                                : NULL;

      dg_customer_set_marketing_consent (customer, TRUE, at);
    }

  if (!dg_customer_validate (customer, &error))
    {
      *out_problem = g_strdup (error->message);
      return NULL;
    }

  return g_steal_pointer (&customer);
}

char *
dg_csv_import_phone_key (DgCustomer *customer)
{
  g_autofree char *key = dg_import_phone_key (dg_customer_get_phone (customer));

  return key != NULL ? g_strconcat ("p:", key, NULL) : NULL;
}

char *
dg_csv_import_name_key (DgCustomer *customer)
{
  g_autofree char *digits = dg_search_digits (dg_customer_get_phone (customer));
  g_autofree char *folded = NULL;

  if (*digits != '\0' || *dg_customer_get_email (customer) != '\0')
    return NULL;

  folded = g_utf8_casefold (dg_customer_get_name (customer), -1);

  return g_strconcat ("n:", folded, NULL);
}

char *
dg_csv_import_uuid_key (DgCustomer *customer)
{
  const char *uuid = dg_customer_get_uuid (customer);

  return uuid != NULL && *uuid != '\0' ? g_strconcat ("u:", uuid, NULL) : NULL;
}

char *
dg_csv_import_email_key (DgCustomer *customer)
{
  g_autofree char *lower = g_ascii_strdown (dg_customer_get_email (customer), -1);

  return *lower != '\0' ? g_strconcat ("e:", lower, NULL) : NULL;
}

gboolean
dg_csv_import_find_customer (DgDatabase  *db,
                             DgCustomer  *customer,
                             gint64      *out_id,
                             GError     **error)
{
  g_autofree char *digits = dg_search_digits (dg_customer_get_phone (customer));
  const char *email = dg_customer_get_email (customer);
  g_auto(DgStatement) stmt = NULL;
  int rc;

  /* The uuid of a Dangol export read back, or the same phone or e-mail. */
  *out_id = dg_import_find_match (db, dg_customer_get_uuid (customer), dg_customer_get_phone (customer),
                                  email, error);
  if (*out_id < 0)
    {
      *out_id = 0;
      return FALSE;
    }

  /* Someone known by name only (a sheet without phone or e-mail
   * columns) is the customer of that name who has neither either, so
   * that the same sheet imported twice adds no one the second time. */
  if (*out_id != 0 || *digits != '\0' || *email != '\0')
    return TRUE;

  stmt = dg_database_prepare (db,
                              "SELECT id FROM customers WHERE archived IN (0, 1) "
                              "AND name = ?1 COLLATE NOCASE AND phone_digits = '' AND email = '' "
                              "ORDER BY archived, id LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  dg_database_bind_text (stmt, 1, dg_customer_get_name (customer));

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    return dg_database_set_error (db, error);

  return TRUE;
}

typedef const char *(*GetText) (DgCustomer *self);
typedef void        (*SetText) (DgCustomer *self, const char *value);

static gboolean
same_value (DgImportTarget  target,
            const char     *a,
            const char     *b)
{
  if (target == DG_IMPORT_TARGET_PHONE)
    {
      g_autofree char *x = dg_import_phone_digits (a);
      g_autofree char *y = dg_import_phone_digits (b);

      return g_str_equal (x, y);
    }
  if (target == DG_IMPORT_TARGET_EMAIL)
    return g_ascii_strcasecmp (a, b) == 0;

  return g_str_equal (a, b);
}

gboolean
dg_csv_import_merge (DgCustomer *existing,
                     DgCustomer *incoming,
                     DgImportFormat format,
                     guint       row,
                     GPtrArray  *conflicts,
                     guint      *out_n_conflicts)
{
  static const struct
  {
    DgImportTarget target;
    GetText        get;
    SetText        set;
  } texts[] = {
    { DG_IMPORT_TARGET_NAME, dg_customer_get_name, dg_customer_set_name },
    { DG_IMPORT_TARGET_PHONE, dg_customer_get_phone, dg_customer_set_phone },
    { DG_IMPORT_TARGET_EMAIL, dg_customer_get_email, dg_customer_set_email },
    { DG_IMPORT_TARGET_ORGANIZATION, dg_customer_get_organization, dg_customer_set_organization },
    { DG_IMPORT_TARGET_SOURCE, dg_customer_get_source, dg_customer_set_source },
    { DG_IMPORT_TARGET_BIRTHDAY, dg_customer_get_birthday, dg_customer_set_birthday },
    { DG_IMPORT_TARGET_NOTE, dg_customer_get_note, dg_customer_set_note },
  };
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  gboolean changed = FALSE;
  guint n_conflicts = 0;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char *have = texts[i].get (existing);
      const char *file = texts[i].get (incoming);

      if (file == NULL || *file == '\0')
        continue;

      if (have == NULL || *have == '\0')
        {
          texts[i].set (existing, file);
          changed = TRUE;
        }
      else if (!same_value (texts[i].target, have, file))
        {
          const char *label = dg_import_target_get_label (texts[i].target);

          n_conflicts++;
          if (format == DG_IMPORT_FORMAT_VCARD)
            dg_csv_import_add_message (conflicts,
                                       /* Translators: a card of a vCard file would change a
                                        * customer's field; it is kept. */
                                       g_strdup_printf (_("Card %u: %s: keeps “%s”; the file has “%s”"),
                                                        row, label, have, file));
          else
            dg_csv_import_add_message (conflicts,
                                       g_strdup_printf (_("Row %u: %s: keeps “%s”; the file has “%s”"),
                                                        row, label, have, file));
        }
    }

  /* Tags add up: a tag from the file takes none away. */
  for (const char * const *t = dg_customer_get_tags (existing); *t != NULL; t++)
    g_ptr_array_add (tags, (gpointer) *t);
  for (const char * const *t = dg_customer_get_tags (incoming); *t != NULL; t++)
    {
      if (!g_strv_contains (dg_customer_get_tags (existing), *t))
        {
          g_ptr_array_add (tags, (gpointer) *t);
          changed = TRUE;
        }
    }
  if (changed && tags->len > g_strv_length ((char **) dg_customer_get_tags (existing)))
    {
      g_autofree char *joined = NULL;
      g_auto(GStrv) sorted = NULL;

      g_ptr_array_add (tags, NULL);
      joined = g_strjoinv (",", (char **) tags->pdata);
      sorted = dg_tags_parse (joined);
      dg_customer_set_tags (existing, (const char * const *) sorted);
    }

  if (dg_customer_get_marketing_consent (incoming) && !dg_customer_get_marketing_consent (existing))
    {
      dg_customer_set_marketing_consent (existing, TRUE, dg_customer_get_consent_at (incoming));
      changed = TRUE;
    }

  *out_n_conflicts = n_conflicts;

  return changed;
}
