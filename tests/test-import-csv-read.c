/* test-import-csv-read.c
 *
 * Reading a CSV file to import: the encodings a Korean owner's files come
 * in (UTF-8 with and without BOM, UTF-16 LE/BE, CP949 from Excel), the
 * delimiter, RFC 4180 quoting, bad files refused with the row, and the
 * columns' fields guessed from Google Forms and Naver Form headers.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <string.h>

#include "dg-test-util.h"

static const char korean_csv[] =
  "이름,연락처,메모\r\n"
  "김민수,010-1234-5678,첫 수업\r\n"
  "이영희,010-2222-3333,\"소개, 지인\"\r\n";

static char *
write_file (const char *bytes,
            gssize      len)
{
  g_autofree char *path = dg_test_temp_path ("import.csv");

  g_assert_true (g_file_set_contents (path, bytes, len, NULL));

  return g_steal_pointer (&path);
}

/* Reads every record of @path into rows of fields. */
static GPtrArray *
read_all (const char     *path,
          DgCsvEncoding   encoding,
          char            delimiter,
          DgCsvDetection *out_detection,
          GError        **error)
{
  g_autoptr(DgCsvReader) reader = dg_csv_reader_open (path, encoding, delimiter, NULL, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GError) local_error = NULL;
  guint expected_row = 1;

  if (reader == NULL)
    return NULL;
  if (out_detection != NULL)
    *out_detection = *dg_csv_reader_get_detection (reader);

  for (;;)
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      guint row = 0;

      if (!dg_csv_reader_next (reader, fields, &row, NULL, &local_error))
        break;
      g_assert_cmpuint (row, ==, expected_row++);
      g_ptr_array_add (rows, g_steal_pointer (&fields));
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_assert_nonnull (dg_csv_reader_get_checksum (reader));

  return g_steal_pointer (&rows);
}

static const char *
field (GPtrArray *rows,
       guint      row,
       guint      column)
{
  GPtrArray *fields = g_ptr_array_index (rows, row);

  g_assert_cmpuint (column, <, fields->len);
  return g_ptr_array_index (fields, column);
}

static void
assert_korean_rows (GPtrArray *rows)
{
  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (field (rows, 0, 0), ==, "이름");
  g_assert_cmpstr (field (rows, 1, 0), ==, "김민수");
  g_assert_cmpstr (field (rows, 1, 2), ==, "첫 수업");
  g_assert_cmpstr (field (rows, 2, 2), ==, "소개, 지인");
}

static void
test_utf8 (void)
{
  g_autofree char *with_bom = g_strconcat ("\xEF\xBB\xBF", korean_csv, NULL);
  g_autofree char *path = write_file (korean_csv, -1);
  g_autofree char *bom_path = write_file (with_bom, -1);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) bom_rows = NULL;
  g_autoptr(GError) error = NULL;
  DgCsvDetection detection;

  rows = read_all (path, DG_CSV_ENCODING_AUTO, 0, &detection, &error);
  g_assert_no_error (error);
  assert_korean_rows (rows);
  g_assert_cmpint (detection.encoding, ==, DG_CSV_ENCODING_UTF8);
  g_assert_false (detection.has_bom);
  g_assert_false (detection.fallback);
  g_assert_false (detection.maybe_cp949);
  g_assert_cmpint (detection.delimiter, ==, ',');
  g_assert_true (detection.delimiter_detected);

  bom_rows = read_all (bom_path, DG_CSV_ENCODING_AUTO, 0, &detection, &error);
  g_assert_no_error (error);
  /* The mark is not part of the first header. */
  assert_korean_rows (bom_rows);
  g_assert_cmpint (detection.encoding, ==, DG_CSV_ENCODING_UTF8);
  g_assert_true (detection.has_bom);
  g_assert_false (detection.fallback);
}

static void
check_utf16 (const char    *iconv_name,
             const char    *bom,
             DgCsvEncoding  expected)
{
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  g_autofree char *body = g_convert (korean_csv, -1, iconv_name, "UTF-8", NULL, &len, &error);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  DgCsvDetection detection;

  g_assert_no_error (error);
  g_byte_array_append (bytes, (const guint8 *) bom, 2);
  g_byte_array_append (bytes, (const guint8 *) body, len);
  path = write_file ((const char *) bytes->data, bytes->len);

  rows = read_all (path, DG_CSV_ENCODING_AUTO, 0, &detection, &error);
  g_assert_no_error (error);
  assert_korean_rows (rows);
  g_assert_cmpint (detection.encoding, ==, expected);
  g_assert_true (detection.has_bom);
  g_assert_false (detection.fallback);
}

static void
test_utf16 (void)
{
  check_utf16 ("UTF-16LE", "\xFF\xFE", DG_CSV_ENCODING_UTF16LE);
  check_utf16 ("UTF-16BE", "\xFE\xFF", DG_CSV_ENCODING_UTF16BE);
}

static void
test_cp949 (void)
{
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  g_autofree char *bytes = g_convert (korean_csv, -1, "CP949", "UTF-8", NULL, &len, &error);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) as_utf8 = NULL;
  DgCsvDetection detection;

  g_assert_no_error (error);
  /* Not valid UTF-8: the fallback is said, not silent. */
  g_assert_false (g_utf8_validate (bytes, len, NULL));
  path = write_file (bytes, len);

  rows = read_all (path, DG_CSV_ENCODING_AUTO, 0, &detection, &error);
  g_assert_no_error (error);
  assert_korean_rows (rows);
  g_assert_cmpint (detection.encoding, ==, DG_CSV_ENCODING_CP949);
  g_assert_true (detection.fallback);
  g_assert_false (detection.has_bom);

  /* Told to read it as UTF-8, it refuses with the row. */
  as_utf8 = read_all (path, DG_CSV_ENCODING_UTF8, 0, NULL, &error);
  g_assert_null (as_utf8);
  g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_IMPORT);
  g_assert_cmpstr (error->message, ==, "Row 1: the file is not valid UTF-8 text; choose another encoding.");
}

static void
test_cp949_valid_utf8 (void)
{
  /* "Café" in UTF-8 is also two Latin letters and a Hangul syllable in
   * CP949: read as UTF-8, with the doubt said. */
  g_autofree char *path = write_file ("name,note\nCaf\xC3\xA9,x\n", -1);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  DgCsvDetection detection;

  rows = read_all (path, DG_CSV_ENCODING_AUTO, 0, &detection, &error);
  g_assert_no_error (error);
  g_assert_cmpint (detection.encoding, ==, DG_CSV_ENCODING_UTF8);
  g_assert_false (detection.fallback);
  g_assert_true (detection.maybe_cp949);
  g_assert_cmpstr (field (rows, 1, 0), ==, "Café");
}

static void
test_bad_encoding (void)
{
  g_autofree char *odd = write_file ("\xFF\xFE" "a\0,\0b", 7);
  g_autofree char *nul = write_file ("a,b\nc\0d,e\n", 10);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  /* Half a UTF-16 character at the end. */
  rows = read_all (odd, DG_CSV_ENCODING_AUTO, 0, NULL, &error);
  g_assert_null (rows);
  g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_IMPORT);
  g_assert_nonnull (strstr (error->message, "UTF-16"));
  g_clear_error (&error);

  rows = read_all (nul, DG_CSV_ENCODING_AUTO, 0, NULL, &error);
  g_assert_null (rows);
  g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_IMPORT);
  g_assert_cmpstr (error->message, ==,
                   "Row 2 holds a NUL character: this is not a text file, or not in this encoding.");
}

static void
test_delimiters (void)
{
  struct
  {
    const char *text;
    char        delimiter;
    guint       n_fields;
  } cases[] = {
    { "이름;연락처;메모\n김;010-1111-2222;a\n", ';', 3 },
    { "이름\t연락처\n김\t010-1111-2222\n", '\t', 2 },
    /* Semicolons inside quotes do not count. */
    { "\"a;b;c\",d\n\"e;f;g\",h\n", ',', 2 },
    /* Commas in a note column of a semicolon file. */
    { "name;note\nKim;\"a, b, c\"\nLee;\"d, e\"\n", ';', 2 },
    /* One column. */
    { "name\nKim\n", ',', 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_file (cases[i].text, -1);
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GError) error = NULL;
      DgCsvDetection detection;

      rows = read_all (path, DG_CSV_ENCODING_AUTO, 0, &detection, &error);
      g_assert_no_error (error);
      g_assert_cmpint (detection.delimiter, ==, cases[i].delimiter);
      g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, 1))->len, ==, cases[i].n_fields);
    }
}

static void
test_quoting (void)
{
  g_autofree char *path = write_file ("이름,메모\r\n"
                                      "\"김민수\",\"첫 줄\r\n둘째 줄, 쉼표 \"\"인용\"\"\"\r\n"
                                      "박,\"\"\n"
                                      "최,x\"y\r"
                                      "정,\"끝\"",
                                      -1);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = read_all (path, DG_CSV_ENCODING_AUTO, 0, NULL, &error);
  g_assert_no_error (error);
  /* Rows count records, not lines; the last needs no line break. */
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (field (rows, 1, 0), ==, "김민수");
  g_assert_cmpstr (field (rows, 1, 1), ==, "첫 줄\r\n둘째 줄, 쉼표 \"인용\"");
  g_assert_cmpstr (field (rows, 2, 1), ==, "");
  /* A quote inside an unquoted field is kept; a lone CR ends a line. */
  g_assert_cmpstr (field (rows, 3, 1), ==, "x\"y");
  g_assert_cmpstr (field (rows, 4, 1), ==, "끝");
}

static void
test_unterminated_quote (void)
{
  g_autofree char *path = write_file ("a,b\nc,d\n\"e,f\ng,h\n", -1);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = read_all (path, DG_CSV_ENCODING_AUTO, ',', NULL, &error);
  g_assert_null (rows);
  g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_IMPORT);
  g_assert_cmpstr (error->message, ==, "Row 3: a quoted field is never closed; a \" is missing.");
}

static void
test_long_record (void)
{
  g_autoptr(GString) text = g_string_new ("a,b\n\"");
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  /* A quote never closed swallows the rest: stopped at 1 MB, not read
   * into memory whole. */
  for (guint i = 0; i < 50000; i++)
    g_string_append (text, "김민수,010-1234-5678,memo\n");
  path = write_file (text->str, text->len);

  rows = read_all (path, DG_CSV_ENCODING_AUTO, ',', NULL, &error);
  g_assert_null (rows);
  g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_IMPORT);
  g_assert_cmpstr (error->message, ==, "Row 2 is longer than 1 MB; a quote may be missing.");
}

static void
assert_targets (const char            *header,
                const DgImportTarget  *expected,
                guint                  n)
{
  g_auto(GStrv) columns = g_strsplit (header, "|", -1);

  g_assert_cmpuint (g_strv_length (columns), ==, n);
  for (guint i = 0; i < n; i++)
    {
      if (dg_import_guess_target (columns[i]) != expected[i])
        g_error ("“%s”: guessed %d, expected %d", columns[i],
                 dg_import_guess_target (columns[i]), expected[i]);
    }
}

static void
test_guess_headers (void)
{
  static const DgImportTarget google[] = {
    DG_IMPORT_TARGET_TIMESTAMP, DG_IMPORT_TARGET_NAME, DG_IMPORT_TARGET_PHONE,
    DG_IMPORT_TARGET_EMAIL, DG_IMPORT_TARGET_ORGANIZATION, DG_IMPORT_TARGET_SOURCE,
    DG_IMPORT_TARGET_CONSENT, DG_IMPORT_TARGET_NOTE,
  };
  static const DgImportTarget naver[] = {
    DG_IMPORT_TARGET_TIMESTAMP, DG_IMPORT_TARGET_NAME, DG_IMPORT_TARGET_PHONE,
    DG_IMPORT_TARGET_EMAIL, DG_IMPORT_TARGET_ORGANIZATION, DG_IMPORT_TARGET_CONSENT,
    DG_IMPORT_TARGET_BIRTHDAY, DG_IMPORT_TARGET_TAGS, DG_IMPORT_TARGET_IGNORE,
  };

  assert_targets ("타임스탬프|성함을 적어주세요|연락처 (휴대폰)|이메일 주소|소속 회사|"
                  "어떻게 알게 되셨나요?|개인정보 수집 및 이용에 동의하십니까?|하고 싶은 말",
                  google, G_N_ELEMENTS (google));
  assert_targets ("Timestamp|Full Name|Phone number|Email Address|Company|"
                  "How did you hear about us?|I agree to receive marketing messages|Comments",
                  google, G_N_ELEMENTS (google));
  assert_targets ("응답일시|1. 이름|2. 휴대전화 번호|3. 이메일|4. 소속|5. 마케팅 정보 수신 동의|"
                  "6. 생년월일|태그|7. 수강 희망 과목",
                  naver, G_N_ELEMENTS (naver));
  /* An e-mail question that says 연락처, a company's name. */
  g_assert_cmpint (dg_import_guess_target ("연락받을 이메일"), ==, DG_IMPORT_TARGET_EMAIL);
  g_assert_cmpint (dg_import_guess_target ("회사 이름"), ==, DG_IMPORT_TARGET_ORGANIZATION);
  g_assert_cmpint (dg_import_guess_target ("E-MAIL"), ==, DG_IMPORT_TARGET_EMAIL);
  g_assert_cmpint (dg_import_guess_target ("유입 경로"), ==, DG_IMPORT_TARGET_SOURCE);
  g_assert_cmpint (dg_import_guess_target ("생일"), ==, DG_IMPORT_TARGET_BIRTHDAY);
  g_assert_cmpint (dg_import_guess_target ("메모"), ==, DG_IMPORT_TARGET_NOTE);
  g_assert_cmpint (dg_import_guess_target (""), ==, DG_IMPORT_TARGET_IGNORE);
}

static void
test_values (void)
{
  g_autoptr(GTimeZone) seoul = g_time_zone_new_identifier ("Asia/Seoul");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  struct
  {
    const char *text;
    gboolean    ok;
    gboolean    consent;
  } consents[] = {
    { "예", TRUE, TRUE }, { "동의합니다", TRUE, TRUE }, { "Yes", TRUE, TRUE },
    { "I agree", TRUE, TRUE }, { "아니요", TRUE, FALSE }, { "동의하지 않습니다", TRUE, FALSE },
    { "미동의", TRUE, FALSE }, { "No", TRUE, FALSE }, { "", TRUE, FALSE },
    { "글쎄요", FALSE, FALSE },
  };
  struct
  {
    const char *text;
    const char *iso;
  } birthdays[] = {
    { "1990-03-05", "1990-03-05" }, { "1990.3.5", "1990-03-05" }, { "19900305", "1990-03-05" },
    { "1990년 3월 5일", "1990-03-05" }, { "1990/02/30", NULL }, { "3월 5일", NULL },
    { "어제", NULL },
  };
  g_autoptr(GDateTime) english = NULL;
  g_autoptr(GDateTime) korean = NULL;
  g_autoptr(GDateTime) naver = NULL;
  g_autofree char *english_text = NULL;
  g_autofree char *korean_text = NULL;
  g_autofree char *naver_text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (consents); i++)
    {
      gboolean consent = !consents[i].consent;

      g_assert_cmpint (dg_import_parse_consent (consents[i].text, &consent), ==, consents[i].ok);
      if (consents[i].ok)
        g_assert_cmpint (consent, ==, consents[i].consent);
    }

  for (guint i = 0; i < G_N_ELEMENTS (birthdays); i++)
    {
      g_autofree char *iso = dg_import_parse_birthday (birthdays[i].text);

      g_assert_cmpstr (iso, ==, birthdays[i].iso);
    }

  english = dg_import_parse_timestamp ("12/1/2026 15:04:05", seoul);
  korean = dg_import_parse_timestamp ("2026. 12. 1 오후 3:04:05", seoul);
  naver = dg_import_parse_timestamp ("2026/12/01 3:04:05 PM GMT+9", utc);
  english_text = g_date_time_format_iso8601 (english);
  korean_text = g_date_time_format_iso8601 (korean);
  naver_text = g_date_time_format_iso8601 (naver);
  g_assert_cmpstr (english_text, ==, "2026-12-01T15:04:05+09");
  g_assert_cmpstr (korean_text, ==, "2026-12-01T15:04:05+09");
  g_assert_cmpstr (naver_text, ==, "2026-12-01T15:04:05+09");
  g_assert_null (dg_import_parse_timestamp ("지난주", seoul));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-csv-read/utf8", test_utf8);
  g_test_add_func ("/import-csv-read/utf16", test_utf16);
  g_test_add_func ("/import-csv-read/cp949", test_cp949);
  g_test_add_func ("/import-csv-read/cp949-valid-utf8", test_cp949_valid_utf8);
  g_test_add_func ("/import-csv-read/bad-encoding", test_bad_encoding);
  g_test_add_func ("/import-csv-read/delimiters", test_delimiters);
  g_test_add_func ("/import-csv-read/quoting", test_quoting);
  g_test_add_func ("/import-csv-read/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/import-csv-read/long-record", test_long_record);
  g_test_add_func ("/import-csv-read/guess-headers", test_guess_headers);
  g_test_add_func ("/import-csv-read/values", test_values);

  return g_test_run ();
}
