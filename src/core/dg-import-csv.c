/* dg-import-csv.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dg-customers.h"
#include "dg-error.h"
#include "dg-import-csv-private.h"
#include "dg-import-survey.h"

/* How many rows the header and the columns' fields are guessed from. */
#define GUESS_ROWS 20

G_DEFINE_FINAL_TYPE (DgCsvImport, dg_csv_import, G_TYPE_OBJECT)

static void
dg_csv_import_finalize (GObject *object)
{
  DgCsvImport *self = DG_CSV_IMPORT (object);

  g_free (self->path);
  g_clear_pointer (&self->vcard, dg_vcard_import_free);
  g_free (self->cohort_name);
  g_free (self->cohort_date);
  g_clear_object (&self->survey_clock);
  g_clear_pointer (&self->feedback_map, g_hash_table_unref);
  g_clear_pointer (&self->unmatched, g_ptr_array_unref);
  g_clear_pointer (&self->feedback_values, g_ptr_array_unref);
  g_clear_pointer (&self->titles, g_ptr_array_unref);
  g_clear_pointer (&self->targets, g_array_unref);
  g_free (self->checksum);
  g_clear_pointer (&self->records, g_array_unref);
  g_clear_pointer (&self->runs, g_array_unref);
  g_clear_pointer (&self->sample, g_ptr_array_unref);
  g_clear_pointer (&self->sample_rows, g_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);

  G_OBJECT_CLASS (dg_csv_import_parent_class)->finalize (object);
}

static void
dg_csv_import_class_init (DgCsvImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dg_csv_import_finalize;
}

static void
dg_csv_import_init (DgCsvImport *self)
{
  self->titles = g_ptr_array_new_with_free_func (g_free);
  self->targets = g_array_new (FALSE, TRUE, sizeof (DgImportTarget));
  self->records = g_array_new (FALSE, TRUE, sizeof (DgImportRecord));
  self->runs = g_array_new (FALSE, TRUE, sizeof (DgImportRun));
  self->sample = g_ptr_array_new_with_free_func (g_object_unref);
  self->sample_rows = g_array_new (FALSE, TRUE, sizeof (guint));
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->conflicts = g_ptr_array_new_with_free_func (g_free);
  self->unmatched = g_ptr_array_new_with_free_func (g_free);
  self->feedback_values = g_ptr_array_new_with_free_func (g_free);
  self->feedback_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

DgCsvImport *
dg_csv_import_new (const char *path)
{
  DgCsvImport *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (DG_TYPE_CSV_IMPORT, NULL);
  self->path = g_strdup (path);

  return self;
}

const char *
dg_csv_import_get_path (DgCsvImport *self)
{
  g_return_val_if_fail (DG_IS_CSV_IMPORT (self), NULL);

  return self->path;
}

DgImportFormat
dg_csv_import_get_format (DgCsvImport *self)
{
  g_return_val_if_fail (DG_IS_CSV_IMPORT (self), DG_IMPORT_FORMAT_CSV);

  return self->format;
}

const DgVcardImportCounts *
dg_csv_import_get_vcard_counts (DgCsvImport *self)
{
  g_return_val_if_fail (DG_IS_CSV_IMPORT (self), NULL);

  return self->vcard != NULL ? dg_vcard_import_get_counts (self->vcard) : NULL;
}

void
dg_csv_import_set_encoding (DgCsvImport   *self,
                            DgCsvEncoding  encoding)
{
  g_return_if_fail (DG_IS_CSV_IMPORT (self));

  self->encoding = encoding;
}

void
dg_csv_import_set_delimiter (DgCsvImport *self,
                             char         delimiter)
{
  g_return_if_fail (DG_IS_CSV_IMPORT (self));
  g_return_if_fail (delimiter == 0 || delimiter == ',' || delimiter == ';' || delimiter == '\t');

  self->delimiter = delimiter;
}

void
dg_csv_import_set_header_mode (DgCsvImport     *self,
                               DgCsvHeaderMode  mode)
{
  g_return_if_fail (DG_IS_CSV_IMPORT (self));

  self->header_mode = mode;
}

void
dg_csv_import_set_enrollment (DgCsvImport *self,
                              gint64       stage_id,
                              const char  *cohort_name,
                              const char  *cohort_date)
{
  g_return_if_fail (DG_IS_CSV_IMPORT (self));

  self->stage_id = stage_id;
  g_free (self->cohort_name);
  self->cohort_name = g_strdup (cohort_name);
  g_free (self->cohort_date);
  self->cohort_date = g_strdup (cohort_date);
}

void
dg_csv_import_clear_preview (DgCsvImport *self)
{
  self->previewed = FALSE;
  g_clear_pointer (&self->checksum, g_free);
  self->n_rows = 0;
  g_array_set_size (self->records, 0);
  g_array_set_size (self->runs, 0);
  g_ptr_array_set_size (self->sample, 0);
  g_array_set_size (self->sample_rows, 0);
  g_ptr_array_set_size (self->problems, 0);
  g_ptr_array_set_size (self->conflicts, 0);
  g_ptr_array_set_size (self->unmatched, 0);
  g_ptr_array_set_size (self->feedback_values, 0);
  memset (&self->summary, 0, sizeof self->summary);
}

void
dg_csv_import_add_message (GPtrArray *list,
                           char      *message)
{
  if (list != NULL && list->len < DG_CSV_IMPORT_MAX_MESSAGES)
    g_ptr_array_add (list, message);
  else
    g_free (message);
}

/* A first row is a header when one of its cells names a field, or when
 * none of them looks like a value (an e-mail, a phone number, a date). */
static gboolean
looks_like_header (GPtrArray *first)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  for (guint i = 0; i < first->len; i++)
    {
      if (dg_import_guess_target (g_ptr_array_index (first, i)) != DG_IMPORT_TARGET_IGNORE)
        return TRUE;
    }

  for (guint i = 0; i < first->len; i++)
    {
      g_ptr_array_set_size (one, 0);
      g_ptr_array_add (one, g_ptr_array_index (first, i));
      if (dg_import_guess_target_from_values (one) != DG_IMPORT_TARGET_IGNORE)
        return FALSE;
    }

  return TRUE;
}

static gboolean
mostly_text (GPtrArray *values)
{
  guint n = 0, text = 0;

  for (guint i = 0; i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);
      gboolean has_letter = FALSE;

      if (*value == '\0')
        continue;
      n++;
      for (const char *p = value; *p && !has_letter; p = g_utf8_next_char (p))
        has_letter = g_unichar_isalpha (g_utf8_get_char (p));
      text += has_letter;
    }

  return n > 0 && text * 2 > n;
}

/* Guesses each column's field; a field that takes one column goes to the
 * first column that looks like it. */
static void
guess_targets (DgCsvImport *self,
               GPtrArray   *records)
{
  gboolean taken[DG_IMPORT_N_TARGETS] = { FALSE };
  guint first_data = self->has_header ? 1 : 0;

  g_array_set_size (self->targets, self->titles->len);

  for (guint c = 0; c < self->titles->len; c++)
    {
      g_autoptr(GPtrArray) values = g_ptr_array_new ();
      DgImportTarget target;

      for (guint r = first_data; r < records->len; r++)
        {
          GPtrArray *fields = g_ptr_array_index (records, r);

          g_ptr_array_add (values, c < fields->len ? g_ptr_array_index (fields, c) : (gpointer) "");
        }

      if (self->has_header)
        target = dg_import_guess_target (g_ptr_array_index (self->titles, c));
      else
        {
          target = dg_import_guess_target_from_values (values);
          /* Without a header the names are the first column of words. */
          if (target == DG_IMPORT_TARGET_IGNORE && !taken[DG_IMPORT_TARGET_NAME] && mostly_text (values))
            target = DG_IMPORT_TARGET_NAME;
        }

      if (!dg_import_target_allows_several (target) && taken[target])
        target = DG_IMPORT_TARGET_IGNORE;
      taken[target] = TRUE;
      g_array_index (self->targets, DgImportTarget, c) = target;
    }

  if (self->survey_clock != NULL)
    dg_csv_import_survey_guess (self, records);
}

/* Reads the start of the file to tell a vCard file, whatever its name,
 * from a sheet. */
static gboolean
sniff_format (DgCsvImport     *self,
              DgImportFormat  *out_format,
              GCancellable    *cancellable,
              GError         **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (self->path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  char start[4096];
  gsize len = 0;

  if (stream == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (stream), start, sizeof start, &len, cancellable, error))
    return FALSE;

  *out_format = dg_vcard_import_sniff (start, len) ? DG_IMPORT_FORMAT_VCARD : DG_IMPORT_FORMAT_CSV;

  return TRUE;
}

static gboolean
refuse_survey (DgCsvImport  *self,
               GError      **error)
{
  if (self->format != DG_IMPORT_FORMAT_VCARD || self->survey_clock == NULL)
    return FALSE;

  g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_IMPORT,
                       _("A survey is imported from a CSV sheet; this is a contacts (vCard) file."));
  return TRUE;
}

gboolean
dg_csv_import_load (DgCsvImport   *self,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(DgCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *first;
  guint n_columns = 0;

  g_return_val_if_fail (DG_IS_CSV_IMPORT (self), FALSE);

  self->loaded = FALSE;
  dg_csv_import_clear_preview (self);
  g_ptr_array_set_size (self->titles, 0);
  g_array_set_size (self->targets, 0);
  g_hash_table_remove_all (self->feedback_map);
  memset (&self->detection, 0, sizeof self->detection);
  self->has_header = FALSE;
  g_clear_pointer (&self->vcard, dg_vcard_import_free);

  if (!sniff_format (self, &self->format, cancellable, error) || refuse_survey (self, error))
    return FALSE;

  if (self->format == DG_IMPORT_FORMAT_VCARD)
    {
      self->vcard = dg_vcard_import_read_file (self->path, cancellable, error);
      self->loaded = self->vcard != NULL;
      return self->loaded;
    }

  reader = dg_csv_reader_open (self->path, self->encoding, self->delimiter, cancellable, error);
  if (reader == NULL)
    return FALSE;
  self->detection = *dg_csv_reader_get_detection (reader);

  while (records->len <= GUESS_ROWS)
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) local_error = NULL;
      guint row;

      if (!dg_csv_reader_next (reader, fields, &row, cancellable, &local_error))
        {
          if (local_error == NULL)
            break;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (dg_csv_import_row_is_blank (fields))
        continue;

      n_columns = MAX (n_columns, fields->len);
      g_ptr_array_add (records, g_steal_pointer (&fields));
    }

  if (records->len == 0)
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_IMPORT,
                           _("The file is empty: it holds no rows."));
      return FALSE;
    }

  first = g_ptr_array_index (records, 0);
  self->has_header = self->header_mode == DG_CSV_HEADER_YES
                     || (self->header_mode == DG_CSV_HEADER_AUTO && looks_like_header (first));
  /* A header says how many columns there are: a row with more cells than
   * it is refused rather than read into columns no one named. */
  if (self->has_header)
    n_columns = first->len;

  for (guint c = 0; c < n_columns; c++)
    {
      const char *title = self->has_header && c < first->len ? g_ptr_array_index (first, c) : "";
      g_autofree char *stripped = g_strstrip (g_strdup (title));

      if (*stripped == '\0')
        g_ptr_array_add (self->titles, g_strdup_printf (_("Column %u"), c + 1));
      else
        g_ptr_array_add (self->titles, g_steal_pointer (&stripped));
    }

  guess_targets (self, records);
  self->loaded = TRUE;

  return TRUE;
}

const DgCsvDetection *
dg_csv_import_get_detection (DgCsvImport *self)
{
  g_return_val_if_fail (DG_IS_CSV_IMPORT (self), NULL);

  return &self->detection;
}

gboolean
dg_csv_import_get_has_header (DgCsvImport *self)
{
  g_return_val_if_fail (DG_IS_CSV_IMPORT (self), FALSE);

  return self->has_header;
}

guint
dg_csv_import_get_n_columns (DgCsvImport *self)
{
  g_return_val_if_fail (DG_IS_CSV_IMPORT (self), 0);

  return self->titles->len;
}

const char *
dg_csv_import_get_column_title (DgCsvImport *self,
                                guint        column)
{
  g_return_val_if_fail (DG_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->titles->len, NULL);

  return g_ptr_array_index (self->titles, column);
}

DgImportTarget
dg_csv_import_get_column_target (DgCsvImport *self,
                                 guint        column)
{
  g_return_val_if_fail (DG_IS_CSV_IMPORT (self), DG_IMPORT_TARGET_IGNORE);
  g_return_val_if_fail (column < self->targets->len, DG_IMPORT_TARGET_IGNORE);

  return g_array_index (self->targets, DgImportTarget, column);
}

void
dg_csv_import_set_column_target (DgCsvImport    *self,
                                 guint           column,
                                 DgImportTarget  target)
{
  g_return_if_fail (DG_IS_CSV_IMPORT (self));
  g_return_if_fail (column < self->targets->len);
  g_return_if_fail (target < DG_IMPORT_N_TARGETS);

  if (!dg_import_target_allows_several (target))
    {
      for (guint c = 0; c < self->targets->len; c++)
        {
          if (g_array_index (self->targets, DgImportTarget, c) == target)
            g_array_index (self->targets, DgImportTarget, c) = DG_IMPORT_TARGET_IGNORE;
        }
    }

  g_array_index (self->targets, DgImportTarget, column) = target;
  dg_csv_import_clear_preview (self);
}

static gboolean
has_target (DgCsvImport    *self,
            DgImportTarget  target)
{
  for (guint c = 0; c < self->targets->len; c++)
    {
      if (g_array_index (self->targets, DgImportTarget, c) == target)
        return TRUE;
    }

  return FALSE;
}

/* A record that matches customer @id: what updating it would fill. */
static gboolean
preview_duplicate (DgCsvImport  *self,
                   DgDatabase   *db,
                   DgCustomer   *customer,
                   gint64        id,
                   DgImportRow  *info,
                   GError      **error)
{
  g_autoptr(DgCustomer) existing = dg_customers_get (db, id, error);

  if (existing == NULL)
    return FALSE;

  info->kind = DG_IMPORT_ROW_DUPLICATE;
  info->match_customer_id = id;
  info->fills = dg_csv_import_merge (existing, customer, self->format, info->row, self->conflicts,
                                     &info->n_conflicts);
  self->summary.n_conflicts += info->n_conflicts;
  if (info->fills)
    self->summary.n_updated++;
  else
    self->summary.n_unchanged++;

  return TRUE;
}

/* Classifies one valid record against @db and the earlier ones (@keys). */
static gboolean
preview_row (DgCsvImport  *self,
             DgDatabase   *db,
             DgCustomer   *customer,
             DgImportRow  *info,
             DgImportKeys *keys,
             GError      **error)
{
  /* The keys an earlier record is matched on, the strongest first. */
  char *row_keys[] = {
    dg_csv_import_uuid_key (customer),
    dg_csv_import_phone_key (customer),
    dg_csv_import_email_key (customer),
    dg_csv_import_name_key (customer),
  };
  gboolean ok = TRUE;
  gint64 id = 0;

  if (!dg_csv_import_find_customer (db, customer, &id, error))
    ok = FALSE;
  else if (id > 0)
    ok = preview_duplicate (self, db, customer, id, info, error);
  else
    {
      gboolean found = FALSE;

      for (guint i = 0; ok && i < G_N_ELEMENTS (row_keys) && !found; i++)
        {
          if (row_keys[i] != NULL)
            ok = dg_import_keys_lookup (keys, row_keys[i], &found, &info->match_row, error);
        }

      if (ok && info->match_row > 0)
        {
          info->kind = DG_IMPORT_ROW_DUPLICATE;
          info->fills = TRUE;
          /* What it fills in the customer of that row shows once applied. */
          self->summary.n_updated++;
        }
      else if (ok)
        {
          info->kind = DG_IMPORT_ROW_NEW;
          self->summary.n_added++;
          for (guint i = 0; ok && i < G_N_ELEMENTS (row_keys); i++)
            {
              if (row_keys[i] != NULL)
                ok = dg_import_keys_add (keys, row_keys[i], info->row, error);
            }
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (row_keys); i++)
    g_free (row_keys[i]);

  return ok;
}

gboolean
dg_csv_import_preview (DgCsvImport   *self,
                       DgDatabase    *db,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_auto(DgImportSource) source = { 0 };
  g_autoptr(DgImportKeys) keys = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (DG_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (self->loaded, FALSE);

  dg_csv_import_clear_preview (self);

  if (refuse_survey (self, error))
    return FALSE;
  if (self->format == DG_IMPORT_FORMAT_CSV && self->survey_clock != NULL
      && !has_target (self, DG_IMPORT_TARGET_PHONE) && !has_target (self, DG_IMPORT_TARGET_EMAIL))
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_IMPORT,
                           _("Choose the column that holds the phone numbers or the email addresses."));
      return FALSE;
    }
  if (self->format == DG_IMPORT_FORMAT_CSV && self->survey_clock == NULL
      && !has_target (self, DG_IMPORT_TARGET_NAME))
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_IMPORT,
                           _("Choose the column that holds the names."));
      return FALSE;
    }

  if (!dg_import_source_open (&source, self, cancellable, error))
    return FALSE;
  keys = dg_import_keys_new (error);
  if (keys == NULL)
    return FALSE;

  while (dg_import_source_next (&source, cancellable, &local_error))
    {
      DgImportRow info = { .row = source.row, .plan = DG_IMPORT_PLAN_UPDATE };
      g_autoptr(DgCustomer) customer = g_steal_pointer (&source.customer);

      if (self->survey_clock != NULL)
        {
          if (!dg_csv_import_survey_preview_row (self, db, source.fields, source.tz, &info, keys, &customer,
                                                 error))
            return FALSE;
        }
      else if (customer == NULL)
        {
          info.kind = DG_IMPORT_ROW_REFUSED;
          self->summary.n_refused++;
          dg_csv_import_add_message (self->problems, g_steal_pointer (&source.problem));
        }
      else if (!preview_row (self, db, customer, &info, keys, error))
        return FALSE;

      if (customer != NULL && self->sample->len < DG_CSV_IMPORT_SAMPLE_ROWS)
        {
          g_ptr_array_add (self->sample, g_object_ref (customer));
          g_array_append_val (self->sample_rows, info.row);
        }
      dg_csv_import_add_row (self, &info);
      if (self->progress_func != NULL && self->n_rows % DG_CSV_IMPORT_PROGRESS_ROWS == 0)
        self->progress_func (self->n_rows, 0, self->progress_data);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (self->n_rows == 0)
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_IMPORT,
                           self->has_header ? _("The file has a header but no rows under it.")
                                            : _("The file is empty: it holds no rows."));
      return FALSE;
    }

  self->checksum = g_strdup (dg_import_source_get_checksum (&source));
  self->previewed = TRUE;

  return TRUE;
}

guint
dg_csv_import_get_n_rows (DgCsvImport *self)
{
  g_return_val_if_fail (DG_IS_CSV_IMPORT (self), 0);

  return self->n_rows;
}

const DgImportRow *
dg_csv_import_get_row (DgCsvImport *self,
                       guint        index)
{
  g_return_val_if_fail (DG_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->n_rows, NULL);

  return dg_csv_import_lookup_row (self, index);
}

GPtrArray *
dg_csv_import_get_sample (DgCsvImport *self)
{
  g_return_val_if_fail (DG_IS_CSV_IMPORT (self), NULL);

  return self->sample;
}

guint
dg_csv_import_get_sample_row (DgCsvImport *self,
                              guint        index)
{
  g_return_val_if_fail (DG_IS_CSV_IMPORT (self), 0);
  g_return_val_if_fail (index < self->sample_rows->len, 0);

  return g_array_index (self->sample_rows, guint, index);
}

GPtrArray *
dg_csv_import_get_problems (DgCsvImport *self)
{
  g_return_val_if_fail (DG_IS_CSV_IMPORT (self), NULL);

  return self->problems;
}

GPtrArray *
dg_csv_import_get_conflicts (DgCsvImport *self)
{
  g_return_val_if_fail (DG_IS_CSV_IMPORT (self), NULL);

  return self->conflicts;
}

const DgImportSummary *
dg_csv_import_get_summary (DgCsvImport *self)
{
  g_return_val_if_fail (DG_IS_CSV_IMPORT (self), NULL);

  return &self->summary;
}

/* Moves a duplicate's count from its old plan's to its new one's. */
static void
set_plan (DgCsvImport  *self,
          DgImportRow  *info,
          DgImportPlan  plan)
{
  /* A survey's rows log contacts: there is nothing to plan. */
  if (info->kind != DG_IMPORT_ROW_DUPLICATE || info->plan == plan || self->survey_clock != NULL)
    return;

  if (info->plan == DG_IMPORT_PLAN_SKIP)
    self->summary.n_skipped--;
  else if (info->plan == DG_IMPORT_PLAN_ADD)
    self->summary.n_added--;
  else if (info->fills)
    self->summary.n_updated--;
  else
    self->summary.n_unchanged--;

  if (plan == DG_IMPORT_PLAN_SKIP)
    self->summary.n_skipped++;
  else if (plan == DG_IMPORT_PLAN_ADD)
    self->summary.n_added++;
  else if (info->fills)
    self->summary.n_updated++;
  else
    self->summary.n_unchanged++;

  info->plan = plan;
}

void
dg_csv_import_set_row_plan (DgCsvImport  *self,
                            guint         index,
                            DgImportPlan  plan)
{
  g_return_if_fail (DG_IS_CSV_IMPORT (self));
  g_return_if_fail (index < self->n_rows);

  set_plan (self, dg_csv_import_lookup_row (self, index), plan);
}

void
dg_csv_import_set_plan_for_all (DgCsvImport  *self,
                                DgImportPlan  plan)
{
  g_return_if_fail (DG_IS_CSV_IMPORT (self));

  /* A new row has no plan to change. */
  for (guint i = 0; i < self->records->len; i++)
    set_plan (self, &g_array_index (self->records, DgImportRecord, i).row, plan);
}
