/* fuzz-backup.c
 *
 * A libFuzzer target over the backup reader: the scanner, the header and
 * record checks, json-glib on the spans the scanner allowed. Any input
 * must be loaded or refused with problems, never crash, hang or leak; a
 * loaded one must give its counts. See tests/fuzz/README.md.
 */
#include "config.h"

#include <string.h>

#include "dg-backup-private.h"
#include "dg-error.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(DgBackupFile) file = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  char *copy = g_malloc (size + 1);

  memcpy (copy, data, size);
  copy[size] = '\0';

  file = dg_backup_file_load_data ("fuzz.json", copy, size, &problems, &error);
  if (file == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain != DG_ERROR || problems != NULL);
    }
  else
    g_assert_nonnull (dg_backup_file_get_counts (file));

  return 0;
}
