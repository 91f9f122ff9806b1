/* dg-import-survey-options.h
 *
 * What a survey import (dg-import-survey.h) was told to do, read back: a
 * page built on an import that already has its options shows them as
 * they are.
 */
#pragma once

#include "dg-import-csv.h"

G_BEGIN_DECLS

/* Whether the rows that match no customer add one. */
gboolean dg_csv_import_get_add_unmatched (DgCsvImport *self);

G_END_DECLS
