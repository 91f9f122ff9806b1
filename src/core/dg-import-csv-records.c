/* dg-import-csv-records.c
 *
 * The preview's rows, kept in memory that does not grow with the file:
 * a plain new row (added as it is, nothing to choose or to read) leaves
 * no record, only its place in a run of row numbers; the others (a
 * duplicate with its plan, a refusal) are kept by their index. A sheet of
 * 100k new sign-ups then keeps one run.
 */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <string.h>

#include "dg-import-csv-private.h"

/* What a new row of number @row reads as: a survey's is unmatched, with
 * its contact to log once its customer is added. */
static void
make_new_row (DgCsvImport *self,
              guint        row,
              DgImportRow *out)
{
  memset (out, 0, sizeof *out);
  out->row = row;
  out->kind = DG_IMPORT_ROW_NEW;
  out->plan = DG_IMPORT_PLAN_UPDATE;
  out->fills = self->survey_clock != NULL;
}

void
dg_csv_import_add_row (DgCsvImport       *self,
                       const DgImportRow *info)
{
  guint index = self->n_rows++;
  DgImportRow plain;

  if (self->runs->len == 0
      || info->row != g_array_index (self->runs, DgImportRun, self->runs->len - 1).row
                      + (index - g_array_index (self->runs, DgImportRun, self->runs->len - 1).index))
    {
      DgImportRun run = { index, info->row };

      g_array_append_val (self->runs, run);
    }

  make_new_row (self, info->row, &plain);
  if (info->kind != plain.kind || info->match_customer_id != plain.match_customer_id
      || info->match_row != plain.match_row || info->plan != plain.plan
      || info->n_conflicts != plain.n_conflicts || info->fills != plain.fills)
    {
      DgImportRecord record = { index, *info };

      g_array_append_val (self->records, record);
    }
}

/* The last element of the sorted @array (of @size-byte elements starting
 * with their guint index) whose index is at most @index; -1 when none. */
static gint
find_at_or_before (GArray *array,
                   gsize   size,
                   guint   index)
{
  gint low = 0, high = (gint) array->len - 1, found = -1;

  while (low <= high)
    {
      gint middle = low + (high - low) / 2;
      guint at = *(const guint *) (array->data + (gsize) middle * size);

      if (at <= index)
        {
          found = middle;
          low = middle + 1;
        }
      else
        high = middle - 1;
    }

  return found;
}

DgImportRow *
dg_csv_import_lookup_row (DgCsvImport *self,
                          guint        index)
{
  gint r = find_at_or_before (self->records, sizeof (DgImportRecord), index);
  const DgImportRun *run;

  if (r >= 0 && g_array_index (self->records, DgImportRecord, r).index == index)
    return &g_array_index (self->records, DgImportRecord, r).row;

  run = &g_array_index (self->runs, DgImportRun,
                        find_at_or_before (self->runs, sizeof (DgImportRun), index));
  make_new_row (self, run->row + (index - run->index), &self->new_row);

  return &self->new_row;
}

guint
dg_csv_import_get_n_records (DgCsvImport *self)
{
  return self->records->len;
}
