/* fuzz-import-csv.c
 *
 * A libFuzzer target over the CSV import's reading: the encoding and
 * delimiter detection, the RFC 4180 parser, the header and column guesses,
 * the value parsers (consent, birthday, timestamp), and the preview of
 * every row against a small database with customers to match. The reader
 * takes a path, so each input is written to one temporary file first.
 * Any input must be read or refused with a message, never crash, hang or
 * leak; the database is never written. See tests/fuzz/README.md.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "dg-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

/* The value parsers see the first rows' cells. */
#define PARSE_ROWS 20

static char       *tmp_dir;
static char       *csv_path;
static DgDatabase *db;

static void
clean_up (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "fuzz.db", NULL);
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

  g_clear_object (&db);
  g_unlink (csv_path);
  g_unlink (db_path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (tmp_dir);
}

static void
add_customer (const char *name,
              const char *phone,
              const char *email)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  dg_customer_set_phone (customer, phone);
  dg_customer_set_email (customer, email);
  if (!dg_customers_insert (db, customer, &error))
    g_error ("%s", error->message);
}

static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;

  tmp_dir = g_dir_make_tmp ("dangol-fuzz-csv-XXXXXX", &error);
  if (tmp_dir == NULL)
    g_error ("%s", error->message);
  csv_path = g_build_filename (tmp_dir, "input.csv", NULL);
  db_path = g_build_filename (tmp_dir, "fuzz.db", NULL);
  db = dg_database_open (db_path, &error);
  if (db == NULL)
    g_error ("%s", error->message);

  /* Rows can match these by phone, by e-mail, or by name alone. */
  add_customer ("김민수", "010-1234-5678", "");
  add_customer ("이영희", "", "lee@example.com");
  add_customer ("박지훈", "", "");
  atexit (clean_up);
}

static void
write_input (const guint8 *data,
             size_t        size)
{
  FILE *f = fopen (csv_path, "wb");

  if (f == NULL || fwrite (data, 1, size, f) != size || fclose (f) != 0)
    g_error ("Cannot write %s", csv_path);
}

static void
read_cells (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgCsvReader) reader = dg_csv_reader_open (csv_path, DG_CSV_ENCODING_AUTO, 0,
                                                       NULL, &error);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Seoul");
  guint row, n = 0;

  if (reader == NULL)
    {
      g_assert_nonnull (error);
      return;
    }
  g_assert_nonnull (dg_csv_encoding_get_label (dg_csv_reader_get_detection (reader)->encoding));

  while (dg_csv_reader_next (reader, fields, &row, NULL, &error))
    {
      g_assert_cmpuint (row, ==, ++n);
      g_assert_cmpuint (fields->len, >=, 1);
      if (n > PARSE_ROWS)
        continue;

      g_assert_cmpint (dg_import_guess_target_from_values (fields), <, DG_IMPORT_N_TARGETS);
      for (guint i = 0; i < fields->len; i++)
        {
          const char *text = g_ptr_array_index (fields, i);
          g_autofree char *normal = dg_import_normalize_header (text);
          g_autofree char *birthday = dg_import_parse_birthday (text);
          g_autoptr(GDateTime) submitted = dg_import_parse_timestamp (text, tz);
          gboolean consent;

          g_assert_true (g_utf8_validate (text, -1, NULL));
          g_assert_nonnull (normal);
          g_assert_cmpint (dg_import_guess_target (text), <, DG_IMPORT_N_TARGETS);
          dg_import_parse_consent (text, &consent);
          g_assert_true (birthday == NULL || strlen (birthday) == 10);
          g_assert_true (submitted == NULL || g_date_time_get_year (submitted) >= 1);
        }
    }
  if (error == NULL)
    g_assert_nonnull (dg_csv_reader_get_checksum (reader));
}

static void
load_and_preview (void)
{
  g_autoptr(DgCsvImport) import = dg_csv_import_new (csv_path);
  g_autoptr(GError) error = NULL;
  guint last_row = 0, n_refused = 0;

  if (!dg_csv_import_load (import, NULL, &error))
    {
      g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_IMPORT);
      return;
    }
  g_assert_no_error (error);
  for (guint c = 0; c < dg_csv_import_get_n_columns (import); c++)
    g_assert_nonnull (dg_csv_import_get_column_title (import, c));

  if (!dg_csv_import_preview (import, db, NULL, &error))
    {
      g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_IMPORT);
      return;
    }
  g_assert_no_error (error);

  for (guint i = 0; i < dg_csv_import_get_n_rows (import); i++)
    {
      const DgImportRow *row = dg_csv_import_get_row (import, i);

      g_assert_cmpuint (row->row, >, last_row);
      last_row = row->row;
      n_refused += row->kind == DG_IMPORT_ROW_REFUSED;
    }
  g_assert_cmpuint (dg_csv_import_get_summary (import)->n_refused, ==, n_refused);
  g_assert_cmpuint (dg_csv_import_get_sample (import)->len, <=, DG_CSV_IMPORT_SAMPLE_ROWS);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  if (db == NULL)
    set_up ();

  write_input (data, size);
  read_cells ();
  load_and_preview ();

  return 0;
}
