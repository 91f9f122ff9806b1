/* test-vcard-import.c
 *
 * Reading vCard 2.1, 3.0 and 4.0 files as phones and address books write
 * them (Korean names in quoted-printable UTF-8 and EUC-KR, folded lines,
 * several numbers, photos) into customer records, refusing bad cards with
 * their number and reason, and finding duplicates.
 */
#include "config.h"

#include <string.h>

#include "dg-core.h"
#include "dg-test-util.h"

static DgVcardImport *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "vcard", name, NULL);
  g_autoptr(GError) error = NULL;
  DgVcardImport *import = dg_vcard_import_read_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);

  return import;
}

static void
assert_tags (DgCustomer         *customer,
             const char * const *expected)
{
  g_assert_true (g_strv_equal (dg_customer_get_tags (customer), expected));
}

static void
test_version_21 (void)
{
  g_autoptr(DgVcardImport) import = read_fixture ("korean-21.vcf");
  const DgVcardImportCounts *counts = dg_vcard_import_get_counts (import);
  DgCustomer *c;

  g_assert_cmpuint (counts->n_cards, ==, 4);
  g_assert_cmpuint (counts->n_customers, ==, 4);
  g_assert_cmpuint (counts->n_refused, ==, 0);
  g_assert_cmpuint (counts->n_photos, ==, 1);
  g_assert_cmpuint (counts->n_extra_phones, ==, 2);
  g_assert_cmpuint (counts->n_lines_skipped, ==, 0);
  g_assert_null (dg_vcard_import_get_problems (import)[0]);

  /* Quoted-printable UTF-8 split by a soft line break; the first mobile
   * number is the phone even after a home number. */
  c = dg_vcard_import_get_customer (import, 0);
  g_assert_cmpstr (dg_customer_get_name (c), ==, "김민수");
  g_assert_cmpstr (dg_customer_get_phone (c), ==, "010-1234-5678");
  g_assert_cmpstr (dg_customer_get_email (c), ==, "minsu@example.kr");
  g_assert_cmpstr (dg_customer_get_organization (c), ==, "다온교육");
  g_assert_cmpstr (dg_customer_get_birthday (c), ==, "1988-07-21");
  g_assert_cmpstr (dg_customer_get_note (c), ==,
                   "12/15 특강 신청\n재등록 희망\n\n"
                   "Phone: 02-555-1234 (home)\n"
                   "Phone: 010-9999-0000 (mobile)");
  g_assert_cmpuint (dg_vcard_import_get_card_number (import, 0), ==, 1);

  /* Quoted-printable EUC-KR; no mobile number: the first one. */
  c = dg_vcard_import_get_customer (import, 1);
  g_assert_cmpstr (dg_customer_get_name (c), ==, "이영희");
  g_assert_cmpstr (dg_customer_get_phone (c), ==, "031-777-8888");

  /* Outlook's name for the Korean character set, which iconv lacks. */
  c = dg_vcard_import_get_customer (import, 2);
  g_assert_cmpstr (dg_customer_get_name (c), ==, "박지성");
  g_assert_cmpstr (dg_customer_get_phone (c), ==, "+82 10-2222-3333");

  /* 8-bit CP949 text (똠 is not in EUC-KR proper), and a backslash that
   * starts no escape. */
  c = dg_vcard_import_get_customer (import, 3);
  g_assert_cmpstr (dg_customer_get_name (c), ==, "최똠양");
  g_assert_cmpstr (dg_customer_get_phone (c), ==, "010-4444-5555");
  g_assert_cmpstr (dg_customer_get_note (c), ==, "메모: C:\\자료");
}

static void
test_version_30 (void)
{
  g_autoptr(DgVcardImport) import = read_fixture ("korean-30.vcf");
  const DgVcardImportCounts *counts = dg_vcard_import_get_counts (import);
  const char * const tags[] = { "VIP", "강의", NULL };
  const char * const no_tags[] = { NULL };
  DgCustomer *c;

  g_assert_cmpuint (counts->n_customers, ==, 2);
  g_assert_cmpuint (counts->n_photos, ==, 1);
  g_assert_cmpuint (counts->n_extra_phones, ==, 2);
  g_assert_cmpuint (counts->n_extra_emails, ==, 1);
  g_assert_cmpuint (counts->n_addresses, ==, 1);

  c = dg_vcard_import_get_customer (import, 0);
  /* Folded in the middle of the name. */
  g_assert_cmpstr (dg_customer_get_name (c), ==, "정하늘");
  g_assert_cmpstr (dg_customer_get_phone (c), ==, "010-3333-4444");
  g_assert_cmpstr (dg_customer_get_email (c), ==, "haneul@work.example");
  g_assert_cmpstr (dg_customer_get_organization (c), ==, "한빛상사 영업팀");
  g_assert_cmpstr (dg_customer_get_birthday (c), ==, "1990-03-05");
  g_assert_cmpstr (dg_customer_get_uuid (c), ==, "6f1c1a8e-6a52-4d0e-9f43-2b8f2c1d9a10");
  assert_tags (c, tags);
  g_assert_cmpstr (dg_customer_get_note (c), ==,
                   "첫 상담 3/2\n소개: 김민수, 지인\n\n"
                   "Phone: 02-123-4567 (work)\n"
                   "Phone: 031-222-1111 (home)\n"
                   "Email: haneul@home.example (home)\n"
                   "Address: 테헤란로 1 서울 06236 대한민국 (home)");

  /* No FN: the name from N, given name first for a Latin one. */
  c = dg_vcard_import_get_customer (import, 1);
  g_assert_cmpstr (dg_customer_get_name (c), ==, "Jane Kim");
  g_assert_cmpstr (dg_customer_get_phone (c), ==, "");
  g_assert_cmpstr (dg_customer_get_note (c), ==, "");
  assert_tags (c, no_tags);
}

static void
test_version_40 (void)
{
  g_autoptr(DgVcardImport) import = read_fixture ("korean-40.vcf");
  const DgVcardImportCounts *counts = dg_vcard_import_get_counts (import);
  const char * const tags[] = { "재등록", NULL };
  DgCustomer *c;

  g_assert_cmpuint (counts->n_customers, ==, 2);
  g_assert_cmpuint (counts->n_photos, ==, 1);
  g_assert_cmpuint (counts->n_birthdays_ignored, ==, 1);

  c = dg_vcard_import_get_customer (import, 0);
  g_assert_cmpstr (dg_customer_get_name (c), ==, "윤서연");
  /* A tel: URI with a quoted list of types. */
  g_assert_cmpstr (dg_customer_get_phone (c), ==, "+82-10-5555-6666");
  g_assert_cmpstr (dg_customer_get_birthday (c), ==, "1992-04-12");
  g_assert_cmpstr (dg_customer_get_note (c), ==, "Phone: +82-2-555-0000 (home)");
  assert_tags (c, tags);

  /* A birthday without a year cannot be kept. */
  c = dg_vcard_import_get_customer (import, 1);
  g_assert_cmpstr (dg_customer_get_name (c), ==, "한유진");
  g_assert_null (dg_customer_get_birthday (c));
}

static void
test_bad_cards (void)
{
  g_autoptr(DgVcardImport) import = read_fixture ("bad.vcf");
  const DgVcardImportCounts *counts = dg_vcard_import_get_counts (import);
  const char * const *problems = dg_vcard_import_get_problems (import);
  const char * const expected[] = {
    "Card 1: END:VCARD is missing before the next card",
    "Card 2: VERSION is missing",
    "Card 3: FN: the quoted-printable text is broken",
    "Card 4: FN: the character set “X-MARTIAN” is unknown",
    "Card 5: it has no name (FN or N)",
    "Card 6: Phone: “010-CALL-NOW” may hold only digits, spaces and + - . ( ) /",
    "Card 8: the file ends before END:VCARD",
    NULL,
  };

  g_assert_cmpuint (counts->n_cards, ==, 8);
  g_assert_cmpuint (counts->n_customers, ==, 1);
  g_assert_cmpuint (counts->n_refused, ==, 7);
  for (guint i = 0; expected[i] != NULL || problems[i] != NULL; i++)
    g_assert_cmpstr (problems[i], ==, expected[i]);

  g_assert_cmpstr (dg_customer_get_name (dg_vcard_import_get_customer (import, 0)), ==, "정상");
  g_assert_cmpuint (dg_vcard_import_get_card_number (import, 0), ==, 7);
}

static void
test_not_vcard (void)
{
  const char *inputs[] = { "", "\xEF\xBB\xBF", "name,phone\r\n김민수,010-1234-5678\r\n" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DgVcardImport) import = dg_vcard_import_read_data (inputs[i], strlen (inputs[i]),
                                                                   NULL, &error);

      g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_IMPORT);
      g_assert_null (import);
    }
}

/* Lines EVCard would warn about (a fatal warning in tests) are left out
 * and counted; an unknown 8-bit text without CHARSET refuses its card. */
/* A file in UTF-16 with its byte order mark, either way round. */
static void
test_utf16 (void)
{
  const char *text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:문채원\r\nEND:VCARD\r\n";
  const char *charsets[] = { "UTF-16LE", "UTF-16BE" };
  const char *marks[] = { "\xFF\xFE", "\xFE\xFF" };

  for (guint i = 0; i < 2; i++)
    {
      gsize len = 0;
      g_autofree char *converted = g_convert (text, -1, charsets[i], "UTF-8", NULL, &len, NULL);
      g_autofree char *data = g_malloc (len + 2);
      g_autoptr(GError) error = NULL;
      g_autoptr(DgVcardImport) import = NULL;

      memcpy (data, marks[i], 2);
      memcpy (data + 2, converted, len);
      import = dg_vcard_import_read_data (data, len + 2, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (dg_customer_get_name (dg_vcard_import_get_customer (import, 0)), ==,
                       "문채원");

      /* Cut in the middle of a character. */
      g_clear_pointer (&import, dg_vcard_import_free);
      import = dg_vcard_import_read_data (data, len + 1, NULL, &error);
      g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_IMPORT);
      g_assert_null (import);
    }
}

static void
test_odd_lines (void)
{
  const char data[] =
    "junk before\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:오정원\r\n"
    "TEL; TYPE=CELL:010-1111-2222\r\n"
    "not a property\r\n"
    "a.b.NOTE:x\r\n"
    "NOTE:back\\slash\\\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:\xB1\xE8\r\nEND:VCARD\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(DgVcardImport) import = dg_vcard_import_read_data (data, sizeof data - 1, NULL, &error);
  const DgVcardImportCounts *counts;

  g_assert_no_error (error);
  counts = dg_vcard_import_get_counts (import);
  g_assert_cmpuint (counts->n_customers, ==, 1);
  g_assert_cmpuint (counts->n_lines_skipped, ==, 4);
  g_assert_cmpstr (dg_customer_get_note (dg_vcard_import_get_customer (import, 0)), ==,
                   "back\\slash\\");
  g_assert_cmpstr (dg_vcard_import_get_problems (import)[0], ==,
                   "Card 2: FN: the text is not UTF-8 and names no character set");
}

/* What made EVCard warn (fatal in tests) under a mutation run: an
 * ENCODING it does not know or given twice, a grouped END, a soft line
 * break at the end of the text, a carriage return alone. */
static void
test_evcard_traps (void)
{
  const char data[] =
    "BEGIN:VCARD\r\nVERSION:2.1\r\n"
    "FN;ENCODING=8BIT;CHARSET=UTF-8:백지영\r\n"
    "item1.END:x\r\n"
    "TEL;CELL;ENCODING=7BIT:010-2020-3030\rNOTE:old Mac line\r\n"
    "ORG;ENCODING=QUOTED-PRINTABLE;ENCODING=QUOTED-PRINTABLE:=EB=8B=A8=EA=B3=A8=\r\n"
    "END:VCARD\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(DgVcardImport) import = dg_vcard_import_read_data (data, sizeof data - 1, NULL, &error);
  DgCustomer *c;

  g_assert_no_error (error);
  g_assert_cmpuint (dg_vcard_import_get_counts (import)->n_customers, ==, 1);
  g_assert_cmpuint (dg_vcard_import_get_counts (import)->n_lines_skipped, ==, 1);
  c = dg_vcard_import_get_customer (import, 0);
  g_assert_cmpstr (dg_customer_get_name (c), ==, "백지영");
  g_assert_cmpstr (dg_customer_get_organization (c), ==, "단골");
  g_assert_cmpstr (dg_customer_get_phone (c), ==, "010-2020-3030");
  g_assert_cmpstr (dg_customer_get_note (c), ==, "old Mac line");
}

static void
test_duplicates (void)
{
  const char data[] =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:김민수\r\nTEL;TYPE=CELL:010-1234-5678\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:이영희\r\nEMAIL:YH@Example.kr\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:김민수 (회사)\r\nTEL:+82 10 1234 5678\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:이영희2\r\nEMAIL:yh@example.KR\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:박새로이\r\nTEL:010-5555-0000\r\nEND:VCARD\r\n";
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(DgCustomer) existing = dg_customer_new ();
  g_autoptr(DgCustomer) archived = dg_customer_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DgVcardImport) import = dg_vcard_import_read_data (data, sizeof data - 1, NULL, &error);
  const int earlier[] = { -1, -1, 0, 1, -1 };
  g_autofree char *key = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (earlier); i++)
    g_assert_cmpint (dg_vcard_import_get_earlier_duplicate (import, i), ==, earlier[i]);

  dg_customer_set_name (existing, "김민수");
  dg_customer_set_phone (existing, "+82-10-1234-5678");
  g_assert_true (dg_customers_insert (db, existing, &error));
  dg_customer_set_name (archived, "이영희");
  dg_customer_set_email (archived, "yh@example.kr");
  g_assert_true (dg_customers_insert (db, archived, &error));
  g_assert_true (dg_customers_set_archived (db, dg_customer_get_id (archived), TRUE, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < dg_vcard_import_get_n_customers (import); i++)
    {
      DgCustomer *c = dg_vcard_import_get_customer (import, i);
      gint64 id = dg_import_find_match (db, dg_customer_get_uuid (c), dg_customer_get_phone (c),
                                        dg_customer_get_email (c), &error);
      const gint64 expected[] = {
        dg_customer_get_id (existing), dg_customer_get_id (archived),
        dg_customer_get_id (existing), dg_customer_get_id (archived), 0,
      };

      g_assert_no_error (error);
      g_assert_cmpint (id, ==, expected[i]);
    }

  /* Each lookup is one indexed search, whatever the number of customers
   * (only the few matches are sorted, to prefer an active customer). */
  {
    g_autoptr(GPtrArray) statements = NULL;

    dg_test_trace_begin (db);
    g_assert_cmpint (dg_import_find_match (db, "no-such-uuid", "010-7777-0000", "nobody@example.kr",
                                           &error), ==, 0);
    statements = dg_test_trace_end (db);
    g_assert_cmpuint (statements->len, ==, 3);
    for (guint i = 0; i < statements->len; i++)
      {
        g_autofree char *plan = dg_test_query_plan (db, g_ptr_array_index (statements, i));

        g_assert_null (strstr (plan, "SCAN "));
        g_assert_nonnull (strstr (plan, "SEARCH customers USING"));
      }
  }

  /* By uuid, and a number too short to tell people apart matches no one. */
  g_assert_cmpint (dg_import_find_match (db, dg_customer_get_uuid (archived), NULL, NULL, &error),
                   ==, dg_customer_get_id (archived));
  g_assert_cmpint (dg_import_find_match (db, NULL, "5678", NULL, &error), ==, 0);
  g_assert_null (dg_import_phone_key ("5678"));
  key = dg_import_phone_key ("+82 (10) 1234-5678");
  g_assert_cmpstr (key, ==, "01012345678");
  g_clear_pointer (&key, g_free);
  key = dg_import_phone_key ("0082-10-1234-5678");
  g_assert_cmpstr (key, ==, "01012345678");
  g_clear_pointer (&key, g_free);

  /* Seven digits at least, counted as dialled at home: "+82 12345" has
   * six. The CSV import refuses the same numbers. */
  g_assert_null (dg_import_phone_key ("123456"));
  g_assert_null (dg_import_phone_key ("+82 12345"));
  key = dg_import_phone_key ("123-4567");
  g_assert_cmpstr (key, ==, "1234567");
  g_clear_pointer (&key, g_free);
  key = dg_import_phone_digits ("+82 12345");
  g_assert_cmpstr (key, ==, "012345");
}

/* Ten thousand cards, one with a 10 MB photo. */
static void
test_large (void)
{
  GString *data = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DgVcardImport) import = NULL;
  const DgVcardImportCounts *counts;

  g_string_append (data, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:사진\r\nPHOTO;ENCODING=b;TYPE=JPEG:");
  for (guint i = 0; i < 10 * 1024 * 1024 / 74; i++)
    g_string_append (data, "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB\r\n ");
  g_string_append (data, "QQ==\r\nEND:VCARD\r\n");
  for (guint i = 1; i < 10000; i++)
    g_string_append_printf (data,
                            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:고객 %u\r\n"
                            "TEL;TYPE=CELL:010-%04u-%04u\r\nEND:VCARD\r\n",
                            i, i / 10000, i % 10000);

  import = dg_vcard_import_read_data (data->str, data->len, NULL, &error);
  g_assert_no_error (error);
  counts = dg_vcard_import_get_counts (import);
  g_assert_cmpuint (counts->n_cards, ==, 10000);
  g_assert_cmpuint (counts->n_customers, ==, 10000);
  g_assert_cmpuint (counts->n_photos, ==, 1);
  g_assert_cmpstr (dg_customer_get_name (dg_vcard_import_get_customer (import, 9999)), ==,
                   "고객 9999");
  g_string_free (data, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vcard-import/version-2.1", test_version_21);
  g_test_add_func ("/vcard-import/version-3.0", test_version_30);
  g_test_add_func ("/vcard-import/version-4.0", test_version_40);
  g_test_add_func ("/vcard-import/bad-cards", test_bad_cards);
  g_test_add_func ("/vcard-import/not-vcard", test_not_vcard);
  g_test_add_func ("/vcard-import/utf-16", test_utf16);
  g_test_add_func ("/vcard-import/odd-lines", test_odd_lines);
  g_test_add_func ("/vcard-import/evcard-traps", test_evcard_traps);
  g_test_add_func ("/vcard-import/duplicates", test_duplicates);
  g_test_add_func ("/vcard-import/large", test_large);

  return g_test_run ();
}
