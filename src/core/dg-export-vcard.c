/* dg-export-vcard.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <string.h>

#include "dg-customers.h"
#include "dg-export-file-private.h"
#include "dg-export-vcard.h"
#include "dg-vcard-private.h"

/* RFC 2426 lines are folded at 75 octets; EVCard does not fold. */
#define FOLD_OCTETS 75

static void
add_text (EVCard     *evc,
          const char *name,
          const char *value,
          const char *type)
{
  EVCardAttribute *attr;

  if (value == NULL || *value == '\0')
    return;

  attr = e_vcard_attribute_new (NULL, name);
  if (type != NULL)
    e_vcard_attribute_add_param_with_value (attr, e_vcard_attribute_param_new ("TYPE"), type);
  e_vcard_append_attribute_with_value (evc, attr, value);
}

/* Folds every line longer than FOLD_OCTETS, never inside a UTF-8
 * character (a Korean syllable is three octets). */
static char *
fold_lines (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + strlen (text) / 32);
  const char *line = text;

  while (*line)
    {
      const char *end = strstr (line, "\r\n");
      const char *p = line;
      gsize width = FOLD_OCTETS;

      if (end == NULL)
        end = line + strlen (line);

      while ((gsize) (end - p) > width)
        {
          const char *cut = p + width;

          while (cut > p && ((guchar) *cut & 0xC0) == 0x80)
            cut--;
          g_string_append_len (out, p, cut - p);
          g_string_append (out, "\r\n ");
          p = cut;
          /* The space that starts a continuation line counts. */
          width = FOLD_OCTETS - 1;
        }
      g_string_append_len (out, p, end - p);
      g_string_append (out, "\r\n");

      line = *end ? end + 2 : end;
    }

  return g_string_free (out, FALSE);
}

char *
dg_export_vcard_card (DgCustomer *customer)
{
  g_autoptr(EVCard) evc = e_vcard_new ();
  g_autofree char *text = NULL;
  const char * const *tags;
  EVCardAttribute *attr;

  g_return_val_if_fail (DG_IS_CUSTOMER (customer), NULL);

  add_text (evc, EVC_FN, dg_customer_get_name (customer), NULL);
  /* One name as typed: a Korean name has no given/family split to guess,
   * and N is required in 3.0. */
  attr = e_vcard_attribute_new (NULL, EVC_N);
  e_vcard_append_attribute_with_values (evc, attr, dg_customer_get_name (customer), "", "", "",
                                        "", NULL);
  add_text (evc, EVC_TEL, dg_customer_get_phone (customer), "CELL");
  add_text (evc, EVC_EMAIL, dg_customer_get_email (customer), "INTERNET");
  if (*dg_customer_get_organization (customer) != '\0')
    {
      attr = e_vcard_attribute_new (NULL, EVC_ORG);
      e_vcard_append_attribute_with_value (evc, attr, dg_customer_get_organization (customer));
    }
  add_text (evc, EVC_NOTE, dg_customer_get_note (customer), NULL);
  if (!dg_customer_get_birthday_lunar (customer))
    add_text (evc, EVC_BDAY, dg_customer_get_birthday (customer), NULL);

  tags = dg_customer_get_tags (customer);
  if (tags[0] != NULL)
    {
      attr = e_vcard_attribute_new (NULL, EVC_CATEGORIES);
      for (guint i = 0; tags[i] != NULL; i++)
        e_vcard_attribute_add_value (attr, tags[i]);
      e_vcard_append_attribute (evc, attr);
    }
  add_text (evc, EVC_UID, dg_customer_get_uuid (customer), NULL);

  text = e_vcard_to_string (evc, EVC_FORMAT_VCARD_30);

  return fold_lines (text);
}

static GArray *
all_ids (DgDatabase  *db,
         GError     **error)
{
  DgCustomerQuery query = { 0 };

  query.archived = DG_ARCHIVED_EXCLUDE;
  query.sort = DG_CUSTOMER_SORT_NAME;

  return dg_customers_search_ids (db, &query, error);
}

gboolean
dg_export_vcard (DgDatabase            *db,
                 const gint64          *ids,
                 guint                  n_ids,
                 const char            *path,
                 GCancellable          *cancellable,
                 DgExportProgressFunc   progress,
                 gpointer               progress_data,
                 guint                 *out_count,
                 GError               **error)
{
  g_autoptr(GArray) every = NULL;
  g_autoptr(DgExportFile) file = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (ids == NULL)
    {
      every = all_ids (db, error);
      if (every == NULL)
        return FALSE;
      ids = (const gint64 *) every->data;
      n_ids = every->len;
    }

  file = dg_export_file_open (path, error);
  if (file == NULL)
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(DgCustomer) customer = NULL;
      g_autofree char *card = NULL;

      if (!dg_export_file_step (i, n_ids, cancellable, progress, progress_data, error))
        return FALSE;

      customer = dg_customers_get (db, ids[i], error);
      if (customer == NULL)
        return FALSE;

      card = dg_export_vcard_card (customer);
      if (!dg_export_file_write (file, card, -1, error))
        return FALSE;
    }

  if (!dg_export_file_step (n_ids, n_ids, cancellable, progress, progress_data, error))
    return FALSE;

  if (!dg_export_file_commit (g_steal_pointer (&file), error))
    return FALSE;

  if (out_count != NULL)
    *out_count = n_ids;

  return TRUE;
}
