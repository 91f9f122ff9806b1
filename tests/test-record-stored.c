/* test-record-stored.c
 *
 * The pieces record objects share: cleaning up text, and reading and
 * holding stored times. Loading takes short cuts for values that were
 * stored clean; they must give what the long way gives.
 */
#include "config.h"

#include "dg-record-private.h"
#include "dg-test-util.h"

static void
assert_normalized (const char *in,
                   gboolean    single_line,
                   const char *expected)
{
  g_autofree char *out = dg_record_normalize_text (in, single_line);

  g_assert_cmpstr (out, ==, expected);
}

static void
test_normalize_text (void)
{
  /* Clean already: given back as they are. */
  assert_normalized ("", TRUE, "");
  assert_normalized ("김민수에게 전화", TRUE, "김민수에게 전화");
  assert_normalized ("a\tb\nc", FALSE, "a\tb\nc");
  assert_normalized ("Ünïcödé ☕ 😀", TRUE, "Ünïcödé ☕ 😀");
  assert_normalized ("x\xe2\x80\xa8y", FALSE, "x\xe2\x80\xa8y");
  /* Not clean: each thing the long way changes. */
  assert_normalized (NULL, TRUE, "");
  assert_normalized ("  a b  ", TRUE, "a b");
  assert_normalized ("\xc2\xa0" "a" "\xe3\x80\x80", TRUE, "a");
  assert_normalized ("a\tb\nc", TRUE, "a b c");
  assert_normalized ("a\rb", FALSE, "a\rb");
  assert_normalized ("a\x01" "b\x7f" "c", FALSE, "a b c");
  assert_normalized ("a\xc2\x85" "b\xc2\x9f" "c\xc2\xa9", TRUE, "a b c\xc2\xa9");
  assert_normalized ("x\xe2\x80\xa8y\xe2\x80\xa9z", TRUE, "x y z");
  assert_normalized ("ok\xff", TRUE, "ok\xef\xbf\xbd");
  assert_normalized ("\n\nline\n", FALSE, "line");
}

static void
test_parse_time (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261206);
  static const char * const edges[] = {
    "1970-01-01T00:00:00Z", "2024-02-29T23:59:59Z", "2000-02-29T12:00:00Z",
    "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1969-12-31T23:59:59Z",
    "2026-11-24T03:22:01Z",
  };

  for (guint i = 0; i < G_N_ELEMENTS (edges) + 2000; i++)
    {
      g_autoptr(GDateTime) expected = NULL;
      g_autoptr(GDateTime) got = NULL;
      g_autofree char *text = NULL;

      if (i < G_N_ELEMENTS (edges))
        text = g_strdup (edges[i]);
      else
        {
          /* From the year 1000: dg_record_format_time() writes the year as
           * it is, and only four digits are the stored form. */
          g_autoptr(GDateTime) random = g_date_time_new_from_unix_utc (g_rand_double_range (rand, -30610224000.0, 253402300799.0));

          text = dg_record_format_time (random);
        }

      expected = g_date_time_new_from_iso8601 (text, NULL);
      got = dg_record_parse_time (text);
      g_assert_nonnull (expected);
      g_assert_nonnull (got);
      g_assert_true (g_date_time_equal (got, expected));
      g_assert_cmpstr (g_time_zone_get_identifier (g_date_time_get_timezone (got)), ==, "UTC");
    }

  /* Other forms still go through GLib's parser. */
  {
    g_autoptr(GDateTime) expected = g_date_time_new_from_unix_utc (1794790800);
    g_autoptr(GDateTime) offset = dg_record_parse_time ("2026-11-16T10:00:00+09:00");
    g_autoptr(GDateTime) fraction = dg_record_parse_time ("2026-11-16T01:00:00.000Z");

    g_assert_true (g_date_time_equal (offset, expected));
    g_assert_true (g_date_time_equal (fraction, expected));
  }

  g_assert_null (dg_record_parse_time (NULL));
  g_assert_null (dg_record_parse_time (""));
}

static void
test_normalize_time (void)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (1794790800);
  g_autoptr(GDateTime) same = dg_record_normalize_time (utc);
  g_autoptr(GTimeZone) seoul = g_time_zone_new_identifier ("Asia/Seoul");
  g_autoptr(GDateTime) local = g_date_time_new (seoul, 2026, 11, 16, 10, 0, 0.5);
  g_autoptr(GDateTime) from_local = dg_record_normalize_time (local);

  g_assert_null (dg_record_normalize_time (NULL));
  /* A stored time is kept as it is. */
  g_assert_true (same == utc);
  /* Anything else becomes UTC to the whole second. */
  g_assert_true (g_date_time_equal (from_local, utc));
  g_assert_cmpint (g_date_time_get_microsecond (from_local), ==, 0);
  g_assert_cmpstr (g_time_zone_get_identifier (g_date_time_get_timezone (from_local)), ==, "UTC");
}

int
main (int argc, char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record-stored/normalize-text", test_normalize_text);
  g_test_add_func ("/record-stored/parse-time", test_parse_time);
  g_test_add_func ("/record-stored/normalize-time", test_normalize_time);

  return g_test_run ();
}
