/* test-import-csv-bad.c
 *
 * CSV files an import must refuse, or read without harm: empty, a header
 * alone, a byte-order mark alone, ragged rows, a quote never closed at the
 * end, NUL bytes, mixed line endings, bytes that are not text in their
 * encoding (CP949, UTF-16), CP949 that happens to be valid UTF-8, a file
 * that turns bad between the preview and the import, and (slow) a 200 MB
 * file refused at its last row with memory that stays small. Each message
 * is checked in English and in Korean, with the row it names, and a dump
 * of the database is the same before and after.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "dg-test-util.h"

typedef struct
{
  DgDatabase *db;
  DgClock    *clock;
} Fixture;

typedef struct
{
  const char *name;
  const char *bytes;
  gssize      len;
  /* The refusal, or the first refused row's reason when the file
   * previews (its rows are then all refused, and applying adds nothing). */
  const char *english;
  const char *korean;
} BadFile;

/* Literals with NUL bytes give their length; the others -1. */
#define BYTES(s) s, sizeof (s) - 1

static const BadFile bad_files[] = {
  { "empty", "", -1,
    "The file is empty: it holds no rows.",
    "파일이 비어 있습니다. 행이 하나도 없습니다." },
  { "header-only", "이름,연락처,이메일\r\n", -1,
    "The file has a header but no rows under it.",
    "파일에 머리글만 있고 그 아래에 행이 없습니다." },
  { "bom-only", "\xEF\xBB\xBF", -1,
    "The file is empty: it holds no rows.",
    "파일이 비어 있습니다. 행이 하나도 없습니다." },
  { "bom-then-blank-lines", "\xEF\xBB\xBF\r\n\r\n,,\r\n", -1,
    "The file is empty: it holds no rows.",
    "파일이 비어 있습니다. 행이 하나도 없습니다." },
  { "ragged", "이름,연락처,메모\n김민수,010-1111-2222,a,b\n박지훈,010-3333-4444,c,d,e\n", -1,
    "Row 2: it has 4 cells, but the file has 3 columns",
    "2행: 칸이 4개인데 파일의 열은 3개입니다" },
  { "unterminated-quote-at-end", "이름,연락처\n김민수,010-1111-2222\n박지훈,\"010-3333-4444", -1,
    "Row 3: a quoted field is never closed; a \" is missing.",
    "3행: 따옴표로 시작한 칸이 닫히지 않았습니다. \"가 빠져 있습니다." },
  { "nul", BYTES ("이름,연락처\n김민수,010-1111-2222\n박지훈,010\0-3333-4444\n"),
    "Row 3 holds a NUL character: this is not a text file, or not in this encoding.",
    "3행에 NUL 문자가 있습니다. 텍스트 파일이 아니거나 이 인코딩이 아닙니다." },
  /* Every kind of line ending counts one row: the last row is the 5th. */
  { "mixed-line-endings",
    "name,phone\r\nKim,010-1111-2222\nLee,010-2222-3333\rPark,010-3333-4444\r\nChoi,\"010", -1,
    "Row 5: a quoted field is never closed; a \" is missing.",
    "5행: 따옴표로 시작한 칸이 닫히지 않았습니다. \"가 빠져 있습니다." },
  /* "김민수" and "한별" in CP949 (not UTF-8, so read as CP949), then two
   * bytes CP949 has no character for, at the start of row 3. */
  { "invalid-cp949", "name\n\xB1\xE8\xB9\xCE\xBC\xF6\n\xFF\xFF\xC7\xD1\xBA\xB0\n", -1,
    "Row 3: the file is not valid Korean (CP949/EUC-KR) text; choose another encoding.",
    "3행: 올바른 한국어 (CP949/EUC-KR) 텍스트가 아닙니다. 다른 인코딩을 고르세요." },
  /* UTF-16LE with its mark: "이름\n김\n" then a low surrogate alone in the
   * middle of row 3. */
  { "invalid-utf16",
    BYTES ("\xFF\xFE" "\x74\xC7\x84\xB9\n\0" "\x40\xAE\n\0" "\x15\xBC\x00\xDC\x40\xAE\n\0"),
    "Row 3: the file is not valid UTF-16 (little-endian) text; choose another encoding.",
    "3행: 올바른 UTF-16 (리틀 엔디언) 텍스트가 아닙니다. 다른 인코딩을 고르세요." },
  /* Half a character at the end. */
  { "odd-utf16", BYTES ("\xFE\xFF" "\0n\0a\0m\0e\0\n\0K\0i\0m\0\n\0"),
    "Row 3: the file is not valid UTF-16 (big-endian) text; choose another encoding.",
    "3행: 올바른 UTF-16 (빅 엔디언) 텍스트가 아닙니다. 다른 인코딩을 고르세요." },
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = dg_test_open_database ();
  fixture->clock = DG_CLOCK (dg_test_fake_clock ("Asia/Seoul", 2026, 12, 7, 10, 0));
  /* The files' people, known: a file that got through would update them. */
  dg_test_store_customer (fixture->db, "김민수", "01011112222", "", NULL);
  dg_test_store_customer (fixture->db, "이영희", "", "lee@example.com", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  g_clear_object (&fixture->clock);
}

/* Runs the test again in a child process reading Korean, and checks it
 * passed; TRUE in that child. */
static gboolean
also_in_korean (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("DANGOL_TEST_LANG", "ko", TRUE);
      dg_test_init_i18n ();
      return TRUE;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  return FALSE;
}

/* Loads, previews and, when the preview passes, applies @path: the import
 * must stop with @message, or preview with @message as its first problem
 * and apply nothing; the database is unchanged either way. */
static void
check_refused (Fixture    *fixture,
               const char *path,
               const char *message)
{
  g_autofree char *before = dg_test_dump_database (fixture->db);
  g_autofree char *after = NULL;
  g_autoptr(DgCsvImport) import = dg_csv_import_new (path);
  g_autoptr(GError) error = NULL;

  if (dg_csv_import_load (import, NULL, &error)
      && dg_csv_import_preview (import, fixture->db, NULL, &error))
    {
      g_autoptr(DgBulkUndo) undo = NULL;
      GPtrArray *problems = dg_csv_import_get_problems (import);
      DgImportSummary summary;

      g_assert_cmpuint (problems->len, >=, 1);
      g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, message);
      g_assert_cmpuint (dg_csv_import_get_summary (import)->n_refused, ==,
                        dg_csv_import_get_n_rows (import));

      undo = dg_csv_import_apply (import, fixture->db, fixture->clock, NULL, &summary, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (summary.n_added + summary.n_updated, ==, 0);
    }
  else
    {
      g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_IMPORT);
      g_assert_cmpstr (error->message, ==, message);
    }

  after = dg_test_dump_database (fixture->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_bad_file (Fixture       *fixture,
               gconstpointer  data)
{
  const BadFile *bad = data;
  g_autofree char *path = dg_test_write_temp_file ("bad.csv", bad->bytes, bad->len);

  if (also_in_korean ())
    {
      check_refused (fixture, path, bad->korean);
      return;
    }
  check_refused (fixture, path, bad->english);
}

/* CP949 bytes that are also valid UTF-8 ("짬" is C2 AB in CP949, which
 * UTF-8 reads as "«"): read as UTF-8, but the doubt is said, and read as
 * CP949 when the person says so. */
static void
test_cp949_valid_utf8 (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *before = dg_test_dump_database (fixture->db);
  g_autofree char *after = NULL;
  g_autofree char *path = dg_test_write_temp_file ("bad.csv", "name,phone\n\xC2\xAB\xC2\xAB,010-5555-6666\n", -1);
  g_autoptr(DgCsvImport) import = dg_csv_import_new (path);
  g_autoptr(GError) error = NULL;
  const DgCsvDetection *detection;
  GPtrArray *sample;

  g_assert_true (dg_csv_import_load (import, NULL, &error));
  g_assert_no_error (error);
  detection = dg_csv_import_get_detection (import);
  g_assert_cmpint (detection->encoding, ==, DG_CSV_ENCODING_UTF8);
  g_assert_false (detection->fallback);
  g_assert_true (detection->maybe_cp949);

  dg_csv_import_set_encoding (import, DG_CSV_ENCODING_CP949);
  g_assert_true (dg_csv_import_load (import, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (dg_csv_import_preview (import, fixture->db, NULL, &error));
  g_assert_no_error (error);
  sample = dg_csv_import_get_sample (import);
  g_assert_cmpuint (sample->len, ==, 1);
  g_assert_cmpstr (dg_customer_get_name (g_ptr_array_index (sample, 0)), ==, "짬짬");

  after = dg_test_dump_database (fixture->db);
  g_assert_cmpstr (after, ==, before);
}

/* F6 B4 96 96 would be U+1B4596, past the last code point: iconv lets it
 * through as UTF-8, the reader does not. */
static void
test_utf8_past_last_code_point (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *path = dg_test_write_temp_file ("bad.csv", "name,phone\nKim,010-1111-2222\nL\xF6\xB4\x96\x96" "e,010\n", -1);
  g_autoptr(DgCsvImport) import = dg_csv_import_new (path);
  g_autoptr(GError) error = NULL;

  /* Not UTF-8, so detected as CP949. */
  g_assert_true (dg_csv_import_load (import, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_csv_import_get_detection (import)->encoding, ==, DG_CSV_ENCODING_CP949);
  g_assert_true (dg_csv_import_get_detection (import)->fallback);

  dg_csv_import_set_encoding (import, DG_CSV_ENCODING_UTF8);
  g_assert_false (dg_csv_import_load (import, NULL, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_IMPORT);
  g_assert_cmpstr (error->message, ==, "Row 3: the file is not valid UTF-8 text; choose another encoding.");
}

/* A file that previewed well and turns bad at row 200 before the import:
 * the rows before it were written in the transaction, and are rolled
 * back. */
static void
test_bad_at_apply (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GString) good = g_string_new ("이름,연락처\n");
  g_autoptr(GString) bad = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = dg_test_dump_database (fixture->db);
  g_autofree char *after = NULL;
  g_autoptr(DgCsvImport) import = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  gboolean korean = also_in_korean ();

  for (guint i = 2; i <= 300; i++)
    g_string_append_printf (good, "고객%u,010-7000-%04u\n", i, i);
  path = dg_test_write_temp_file ("bad.csv", good->str, good->len);
  import = dg_csv_import_new (path);
  g_assert_true (dg_csv_import_load (import, NULL, &error));
  g_assert_true (dg_csv_import_preview (import, fixture->db, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dg_csv_import_get_summary (import)->n_added, ==, 299);

  /* The same length, with a NUL in row 200's phone number. */
  bad = g_string_new_len (good->str, good->len);
  bad->str[strstr (bad->str, "010-7000-0200") - bad->str + 3] = '\0';
  g_assert_true (g_file_set_contents (path, bad->str, bad->len, NULL));

  undo = dg_csv_import_apply (import, fixture->db, fixture->clock, NULL, NULL, &error);
  g_assert_null (undo);
  g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_IMPORT);
  g_assert_cmpstr (error->message, ==,
                   korean ? "아무것도 가져오지 않았습니다. 200행에 NUL 문자가 있습니다. "
                            "텍스트 파일이 아니거나 이 인코딩이 아닙니다."
                          : "Nothing was imported. Row 200 holds a NUL character: "
                            "this is not a text file, or not in this encoding.");

  after = dg_test_dump_database (fixture->db);
  g_assert_cmpstr (after, ==, before);
}

static gsize
peak_rss (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmHWM:");
  g_assert_nonnull (line);

  return g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10) * 1024;
}

/* 200 MB of sign-ups, 4 kB a row with a long note, the last row's quote
 * never closed: read through (both passes stream it), refused with that
 * row, the database unchanged, and the peak memory grown by far less
 * than the file. */
#define LARGE_BYTES (200 * 1000 * 1000)

static void
test_large_file (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = dg_test_temp_path ("large.csv");
  g_autofree char *before = dg_test_dump_database (fixture->db);
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *note = NULL;
  g_autoptr(DgCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  gsize written = 0, rss_before;
  guint row = 1;
  FILE *file;

  if (!g_test_slow ())
    {
      g_test_skip ("Writes and reads 200 MB; run with -m slow");
      return;
    }

  note = g_strnfill (4000, 'x');
  memcpy (note, "첫 수업 후기: ", strlen ("첫 수업 후기: "));
  file = fopen (path, "wb");
  g_assert_nonnull (file);
  written += fprintf (file, "이름,연락처,이메일,메모\n");
  while (written < LARGE_BYTES)
    {
      row++;
      written += fprintf (file, "고객%u,010-%04u-%04u,c%u@example.com,\"%s\"\n",
                          row, row / 10000 + 1000, row % 10000, row, note);
    }
  row++;
  fprintf (file, "마지막,010-9999-9999,,\"닫히지 않은 메모\n");
  g_assert_cmpint (fclose (file), ==, 0);

  rss_before = peak_rss ();
  import = dg_csv_import_new (path);
  g_assert_true (dg_csv_import_load (import, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (dg_csv_import_preview (import, fixture->db, NULL, &error));
  expected = g_strdup_printf ("Row %u: a quoted field is never closed; a \" is missing.", row);
  g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_IMPORT);
  g_assert_cmpstr (error->message, ==, expected);
  g_test_message ("%u rows, %zu bytes; peak memory grew by %zu kB", row, written,
                  (peak_rss () - rss_before) / 1024);
  g_assert_cmpuint (peak_rss () - rss_before, <, 32 * 1024 * 1024);

  g_assert_cmpint (g_unlink (path), ==, 0);
  after = dg_test_dump_database (fixture->db);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strconcat ("/import-csv-bad/", bad_files[i].name, NULL);

      g_test_add (path, Fixture, &bad_files[i], fixture_set_up, test_bad_file, fixture_tear_down);
    }
  g_test_add ("/import-csv-bad/cp949-valid-utf8", Fixture, NULL,
              fixture_set_up, test_cp949_valid_utf8, fixture_tear_down);
  g_test_add ("/import-csv-bad/utf8-past-last-code-point", Fixture, NULL,
              fixture_set_up, test_utf8_past_last_code_point, fixture_tear_down);
  g_test_add ("/import-csv-bad/bad-at-apply", Fixture, NULL,
              fixture_set_up, test_bad_at_apply, fixture_tear_down);
  g_test_add ("/import-csv-bad/large-file", Fixture, NULL,
              fixture_set_up, test_large_file, fixture_tear_down);

  return g_test_run ();
}
