/* fuzz-import-vcard.c
 *
 * A libFuzzer target over reading a vCard file: the line unfolding and
 * charset handling done before EVCard, EVCard's parse of each card, and
 * each card made into a customer (or refused with a reason), with the
 * duplicates within the file. Any input must be read or refused, never
 * crash, hang or leak. See tests/fuzz/README.md.
 */
#include "config.h"

#include "dg-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgVcardImport) import = NULL;
  const DgVcardImportCounts *counts;
  const char * const *problems;
  guint n, n_problems;

  import = dg_vcard_import_read_data ((const char *) data, size, NULL, &error);
  if (import == NULL)
    {
      g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_IMPORT);
      return 0;
    }
  g_assert_no_error (error);

  counts = dg_vcard_import_get_counts (import);
  n = dg_vcard_import_get_n_customers (import);
  g_assert_cmpuint (n, ==, counts->n_customers);
  g_assert_cmpuint (counts->n_customers + counts->n_refused, <=, counts->n_cards);

  for (guint i = 0; i < n; i++)
    {
      DgCustomer *customer = dg_vcard_import_get_customer (import, i);
      int earlier = dg_vcard_import_get_earlier_duplicate (import, i);

      g_assert_true (DG_IS_CUSTOMER (customer));
      g_assert_true (g_utf8_validate (dg_customer_get_name (customer), -1, NULL));
      g_assert_true (g_utf8_validate (dg_customer_get_note (customer), -1, NULL));
      g_assert_cmpuint (dg_vcard_import_get_card_number (import, i), >=, 1);
      g_assert_cmpuint (dg_vcard_import_get_card_number (import, i), <=, counts->n_cards);
      g_assert_cmpint (earlier, <, (int) i);
      g_assert_cmpint (earlier, >=, -1);
    }

  problems = dg_vcard_import_get_problems (import);
  n_problems = g_strv_length ((char **) problems);
  g_assert_cmpuint (n_problems, ==, counts->n_refused);
  for (guint i = 0; i < n_problems; i++)
    g_assert_true (g_utf8_validate (problems[i], -1, NULL));

  return 0;
}
