/* dg-import-survey-options.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-import-csv-private.h"
#include "dg-import-survey-options.h"

gboolean
dg_csv_import_get_add_unmatched (DgCsvImport *self)
{
  g_return_val_if_fail (DG_IS_CSV_IMPORT (self), FALSE);

  return self->add_unmatched;
}
