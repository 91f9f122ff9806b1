/* dg-import-csv-source.c
 *
 * The records an import takes its customers from, one at a time: a
 * sheet's rows read again from the file, or the cards of a vCard file read
 * at load. The preview and the apply run the same loop over either.
 */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-import-csv-private.h"
#include "dg-import-vcard-private.h"

gboolean
dg_import_source_open (DgImportSource  *source,
                       DgCsvImport     *self,
                       GCancellable    *cancellable,
                       GError         **error)
{
  *source = (DgImportSource) { .self = self };
  source->tz = g_time_zone_new_local ();

  if (self->format == DG_IMPORT_FORMAT_VCARD)
    return TRUE;

  source->fields = g_ptr_array_new_with_free_func (g_free);
  source->header_pending = self->has_header;
  source->reader = dg_csv_reader_open (self->path, self->detection.encoding, self->detection.delimiter,
                                       cancellable, error);

  return source->reader != NULL;
}

void
dg_import_source_clear (DgImportSource *source)
{
  g_clear_pointer (&source->reader, dg_csv_reader_free);
  g_clear_pointer (&source->fields, g_ptr_array_unref);
  g_clear_pointer (&source->tz, g_time_zone_unref);
  g_clear_object (&source->customer);
  g_clear_pointer (&source->problem, g_free);
}

gboolean
dg_csv_import_row_is_blank (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const char *p = g_ptr_array_index (fields, i);

      for (; *p; p++)
        {
          if (!g_ascii_isspace (*p))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
next_row (DgImportSource  *source,
          GCancellable    *cancellable,
          GError         **error)
{
  DgCsvImport *self = source->self;
  g_autofree char *problem = NULL;

  do
    {
      if (!dg_csv_reader_next (source->reader, source->fields, &source->row, cancellable, error))
        return FALSE;
      if (dg_csv_import_row_is_blank (source->fields))
        continue;
      if (!source->header_pending)
        break;
      source->header_pending = FALSE;
    }
  while (TRUE);

  /* A survey's row is read by the survey's own rules. */
  if (self->survey_clock != NULL)
    return TRUE;

  source->customer = dg_csv_import_build_customer (self, source->fields, source->tz, &problem);
  if (source->customer == NULL)
    source->problem = g_strdup_printf (_("Row %u: %s"), source->row, problem);

  return TRUE;
}

/* Cards in the file's order: the customers and the refused cards are two
 * lists, each by card number. */
static gboolean
next_card (DgImportSource  *source,
           GCancellable    *cancellable,
           GError         **error)
{
  DgVcardImport *vcard = source->self->vcard;
  guint n_customers = dg_vcard_import_get_n_customers (vcard);
  guint n_problems = dg_vcard_import_get_counts (vcard)->n_refused;
  guint customer_card = G_MAXUINT;
  guint problem_card = G_MAXUINT;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (source->next_customer < n_customers)
    customer_card = dg_vcard_import_get_card_number (vcard, source->next_customer);
  if (source->next_problem < n_problems)
    problem_card = dg_vcard_import_get_problem_card (vcard, source->next_problem);

  if (customer_card == G_MAXUINT && problem_card == G_MAXUINT)
    return FALSE;

  if (problem_card < customer_card)
    {
      source->row = problem_card;
      source->problem = g_strdup (dg_vcard_import_get_problems (vcard)[source->next_problem++]);
    }
  else
    {
      source->row = customer_card;
      /* A copy: adding it gives it an id, which a second preview or a
       * failed apply must not see. */
      source->customer = dg_customer_copy (dg_vcard_import_get_customer (vcard, source->next_customer++));
    }

  return TRUE;
}

gboolean
dg_import_source_next (DgImportSource  *source,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_clear_object (&source->customer);
  g_clear_pointer (&source->problem, g_free);

  if (source->reader != NULL)
    return next_row (source, cancellable, error);

  return next_card (source, cancellable, error);
}

const char *
dg_import_source_get_checksum (DgImportSource *source)
{
  /* A vCard file is read once, at load: there is no second reading to
   * compare. */
  return source->reader != NULL ? dg_csv_reader_get_checksum (source->reader) : NULL;
}

void
dg_import_source_prefix_error (DgImportSource  *source,
                               GError         **error)
{
  if (source->reader != NULL)
    g_prefix_error (error, _("Row %u: "), source->row);
  else
    /* Translators: the start of an error about one card of a vCard file. */
    g_prefix_error (error, _("Card %u: "), source->row);
}
