/* test-date-parse.c
 *
 * dg_date_parse(): every form a date field accepts, read against a fixed
 * "today", and the texts it refuses, telling a text that is no date from
 * a date that does not exist (Feb 30, Feb 29 outside leap years).
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include "dg-test-util.h"

typedef struct
{
  const char *text;
  const char *expected;
} Case;

static void
check_parses (const GDate *today,
              const Case  *cases,
              gsize        n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;
      GDate date;

      g_test_message ("parsing “%s”", cases[i].text);
      g_assert_cmpint (dg_date_parse (cases[i].text, today, &date, &error), ==, DG_DATE_PARSE_OK);
      g_assert_no_error (error);
      iso = dg_date_format_iso (&date);
      g_assert_cmpstr (iso, ==, cases[i].expected);
    }
}

static void
check_fails (const GDate       *today,
             const char *const *texts,
             DgDateParseResult  expected)
{
  for (gsize i = 0; texts[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      g_test_message ("refusing “%s”", texts[i]);
      g_assert_cmpint (dg_date_parse (texts[i], today, &date, &error), ==, expected);
      g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD);
    }
}

static void
test_forms (void)
{
  GDate today;
  const Case cases[] = {
    { "2026-12-15", "2026-12-15" },
    { "  2026-12-15 ", "2026-12-15" },
    { "2026-1-5", "2026-01-05" },
    { "2026/12/15", "2026-12-15" },
    { "2026. 12. 15.", "2026-12-15" },
    { "2026.12.15", "2026-12-15" },
    /* Short forms are this year, even when the day has passed. */
    { "12/15", "2026-12-15" },
    { "12-15", "2026-12-15" },
    { "1/5", "2026-01-05" },
    { "12.15", "2026-12-15" },
    { "12월 15일", "2026-12-15" },
    { "12월15일", "2026-12-15" },
    { "3월 1일", "2026-03-01" },
    { "2027년 1월 2일", "2027-01-02" },
    { "15일", "2026-06-15" },
    { "today", "2026-06-10" },
    { "Today", "2026-06-10" },
    { "TOMORROW", "2026-06-11" },
    { "오늘", "2026-06-10" },
    { "내일", "2026-06-11" },
    { "모레", "2026-06-12" },
  };

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 10, G_DATE_JUNE, 2026);
  check_parses (&today, cases, G_N_ELEMENTS (cases));
}

static void
test_relative_across_years (void)
{
  GDate today;
  const Case cases[] = {
    { "tomorrow", "2027-01-01" },
    { "모레", "2027-01-02" },
    { "12/31", "2026-12-31" },
  };

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 31, G_DATE_DECEMBER, 2026);
  check_parses (&today, cases, G_N_ELEMENTS (cases));
}

static void
test_not_a_date (void)
{
  GDate today;
  const char *const texts[] = {
    "", "  ", "soon", "12", "12/", "/15", "12/15/", "12/15-3", "2026-12",
    "20261215", "26-12-15", "12345-01-01", "2026-123-01", "12월", "월 15일",
    "15일 12월", "12월 15", "2026년", "yesterday tomorrow", "12/15 14:30",
    "1 2 3", "-12-15", NULL,
  };

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 10, G_DATE_JUNE, 2026);
  check_fails (&today, texts, DG_DATE_PARSE_NOT_A_DATE);
}

static void
test_not_real (void)
{
  GDate today;
  const char *const texts[] = {
    "2026-02-30", "2026-02-29", "2100-02-29", "2026-04-31", "2026-13-01",
    "2026-00-10", "2026-01-00", "0000-01-01", "2/30", "13/1", "2월 30일",
    "32일", NULL,
  };
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 10, G_DATE_JUNE, 2026);
  check_fails (&today, texts, DG_DATE_PARSE_NOT_REAL);

  /* The message says what is wrong with the very text typed. */
  dg_date_parse ("2026-02-30", &today, &date, &error);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_assert_nonnull (strstr (error->message, "not a real date"));
}

static void
test_leap_years (void)
{
  GDate today;
  const Case leap[] = {
    { "2028-02-29", "2028-02-29" },
    { "2000-02-29", "2000-02-29" },
    { "2/29", "2028-02-29" },
    { "2월 29일", "2028-02-29" },
  };
  const char *const not_real_in_2027[] = { "2/29", "2월 29일", "2027-02-29", NULL };

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_JANUARY, 2028);
  check_parses (&today, leap, G_N_ELEMENTS (leap));

  g_date_set_dmy (&today, 1, G_DATE_JANUARY, 2027);
  check_fails (&today, not_real_in_2027, DG_DATE_PARSE_NOT_REAL);
}

/* The stored form alone, exactly: what the command line's --cohort-date,
 * a cohort's date and a birthday are checked with. */
static void
test_iso (void)
{
  const char *not_iso[] = {
    "", "2026-12-1", "2026-12-015", "2026/12/15", " 2026-12-15", "2026-12-15 ",
    "2026-+1-15", "2026-1a-15", "12/15", "2026-12-15T00", NULL,
  };
  guint year = 0, month = 0, day = 0;

  g_assert_true (dg_date_is_iso ("2026-12-15"));
  g_assert_true (dg_date_is_iso ("2024-02-29"));
  g_assert_false (dg_date_is_iso ("2026-02-29"));
  g_assert_false (dg_date_is_iso ("2026-02-30"));
  g_assert_false (dg_date_is_iso ("2026-13-01"));
  g_assert_false (dg_date_is_iso ("2026-00-10"));
  g_assert_false (dg_date_is_iso ("0000-01-01"));
  g_assert_false (dg_date_is_iso (NULL));
  for (guint i = 0; not_iso[i] != NULL; i++)
    {
      g_assert_false (dg_date_is_iso (not_iso[i]));
      g_assert_false (dg_date_split_iso (not_iso[i], &year, &month, &day));
    }

  /* A lunar birthday's 30th of the second month has the shape. */
  g_assert_true (dg_date_split_iso ("2026-02-30", &year, &month, &day));
  g_assert_cmpuint (year, ==, 2026);
  g_assert_cmpuint (month, ==, 2);
  g_assert_cmpuint (day, ==, 30);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date-parse/forms", test_forms);
  g_test_add_func ("/date-parse/relative-across-years", test_relative_across_years);
  g_test_add_func ("/date-parse/not-a-date", test_not_a_date);
  g_test_add_func ("/date-parse/not-real", test_not_real);
  g_test_add_func ("/date-parse/leap-years", test_leap_years);
  g_test_add_func ("/date-parse/iso", test_iso);

  return g_test_run ();
}
