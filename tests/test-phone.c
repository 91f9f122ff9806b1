/* test-phone.c
 *
 * How phone numbers are shown: Korean numbers in one grouping whatever
 * their separators, +82 numbers in their international form, and anything
 * else exactly as typed.
 */
#include "config.h"

#include "dg-core.h"

typedef struct
{
  const char *stored;
  const char *shown;
} PhoneCase;

static const PhoneCase cases[] = {
  /* Mobile: 3-4-4, and 3-3-4 for the old 10-digit numbers. */
  { "01012345678", "010-1234-5678" },
  { "010-1234-5678", "010-1234-5678" },
  { "010 1234 5678", "010-1234-5678" },
  { "010.1234.5678", "010-1234-5678" },
  { "010-12-345678", "010-1234-5678" },
  { " 01012345678", "010-1234-5678" },
  { "0111234567", "011-123-4567" },
  { "01612345678", "016-1234-5678" },
  { "017-123-4567", "017-123-4567" },
  { "0181234567", "018-123-4567" },
  { "01912345678", "019-1234-5678" },
  /* Seoul. */
  { "021234567", "02-123-4567" },
  { "0212345678", "02-1234-5678" },
  { "(02) 123-4567", "02-123-4567" },
  /* Other areas. */
  { "0311234567", "031-123-4567" },
  { "03112345678", "031-1234-5678" },
  { "051 123 4567", "051-123-4567" },
  { "064-1234-5678", "064-1234-5678" },
  /* Internet phones and toll-free. */
  { "07012345678", "070-1234-5678" },
  { "0701234567", "070-123-4567" },
  { "0801234567", "080-123-4567" },
  /* Service numbers. */
  { "15881234", "1588-1234" },
  { "1577-1234", "1577-1234" },
  { "1644 1234", "1644-1234" },
  { "18001234", "1800-1234" },
  /* +82: international form, grouped, without the trunk 0. */
  { "+821012345678", "+82 10-1234-5678" },
  { "+82 10-1234-5678", "+82 10-1234-5678" },
  { "+82 (0)10 1234 5678", "+82 10-1234-5678" },
  { "+82212345678", "+82 2-1234-5678" },
  { "+82311234567", "+82 31-123-4567" },
  { "+82 15881234", "+82 1588-1234" },
  /* Other countries: as typed. */
  { "+1 415 555 0100", "+1 415 555 0100" },
  { "+81-3-1234-5678", "+81-3-1234-5678" },
  { "+44(20)71234567", "+44(20)71234567" },
  /* Not recognised: as typed. */
  { "", "" },
  { "   ", "   " },
  { "+", "+" },
  { "+82", "+82" },
  { "0101234567", "0101234567" },
  { "010123456789", "010123456789" },
  { "0201234", "0201234" },
  { "02-123-4567 ext. 12", "02-123-4567 ext. 12" },
  { "02-123-4567 내선 3", "02-123-4567 내선 3" },
  { "010-1234-567B", "010-1234-567B" },
  { "1234-5678", "1234-5678" },
  { "0991234567", "0991234567" },
  { "0001234567", "0001234567" },
  { "112", "112" },
  { "010/1234/5678", "010/1234/5678" },
  { "+8201", "+8201" },
};

static void
test_format_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = dg_phone_format_display (cases[i].stored);

      g_test_message ("“%s”", cases[i].stored);
      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
}

static void
test_format_null (void)
{
  g_assert_null (dg_phone_format_display (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/phone/format/table", test_format_table);
  g_test_add_func ("/phone/format/null", test_format_null);

  return g_test_run ();
}
