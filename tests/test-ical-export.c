/* test-ical-export.c
 *
 * Follow-ups written as iCalendar VTODOs with libical, read back by
 * python3-icalendar: DUE as a date or a UTC time, RRULE for repeating
 * ones, STATUS, the customer in the description, and UIDs that stay the
 * same from one export to the next.
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "dg-core.h"
#include "dg-followup-test-util.h"
#include "dg-test-util.h"

typedef struct
{
  DgFollowupFixture base;
  char             *uuids[5];
} Fixture;

static const char *long_note =
  "특강 후기 묻기. 한 줄이 일흔다섯 옥텟을 넘으면 접히는데, 한글 한 글자가 세 바이트다.";

static const char *titles[] = { "전화 드리기", "문자 보내기", "월간 점검", "끝난 일", "취소한 일" };

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  DgFollowupFixture *f = &fixture->base;
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GError) error = NULL;
  DgFollowup *made[5];
  gint64 ids[5];

  dg_followup_fixture_set_up (f, data);

  dg_customer_set_name (customer, "김민수");
  dg_customer_set_phone (customer, "01012345678");
  g_assert_true (dg_customers_insert (f->db, customer, &error));

  made[0] = dg_test_make_all_day (titles[0], "2026-03-15");
  dg_followup_set_customer_id (made[0], dg_customer_get_id (customer));
  /* Long enough to be folded: never inside a Hangul syllable. */
  dg_followup_set_note (made[0], long_note);

  due = dg_test_at (f, 2026, 3, 12, 9, 30);
  made[1] = dg_test_make_timed (titles[1], due);
  dg_followup_set_customer_id (made[1], dg_customer_get_id (customer));
  dg_followup_set_recurrence (made[1], DG_RECURRENCE_WEEKS);
  dg_followup_set_recurrence_interval (made[1], 2);

  /* libical leaves out INTERVAL=1, the default. */
  made[2] = dg_test_make_all_day (titles[2], "2026-03-20");
  dg_followup_set_recurrence (made[2], DG_RECURRENCE_MONTHS);

  made[3] = dg_test_make_all_day (titles[3], "2026-03-11");
  made[4] = dg_test_make_all_day (titles[4], "2026-03-13");

  for (guint i = 0; i < 5; i++)
    {
      ids[i] = dg_test_insert_followup (f, made[i]);
      fixture->uuids[i] = g_strdup (dg_followup_get_uuid (made[i]));
      g_object_unref (made[i]);
    }

  dg_test_complete_followup (f, ids[3], NULL);
  g_assert_true (dg_followups_cancel (f->db, f->base, ids[4], &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint i = 0; i < 5; i++)
    g_free (fixture->uuids[i]);
  dg_followup_fixture_tear_down (&fixture->base, data);
}

static char *
read_with_python (const char *path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "read-ical.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("read-ical.py failed: %s", err);

  return out;
}

static char *
expected_line (Fixture    *fixture,
               guint       index,
               const char *rest)
{
  return g_strdup_printf ("%s|%s|%s\n", titles[index], fixture->uuids[index], rest);
}

static void
test_open (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = dg_test_temp_path ("open.ics");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *rest = g_strconcat ("2026-03-15|||NEEDS-ACTION||"
                                      "Customer: 김민수 (010-1234-5678)\\n\\n", long_note, NULL);
  g_autofree char *a = expected_line (fixture, 0, rest);
  g_autofree char *b = expected_line (fixture, 1,
                                      "2026-03-12T13:30:00+00:00|2026-03-12T13:30:00+00:00|"
                                      "FREQ=WEEKLY;INTERVAL=2|NEEDS-ACTION||"
                                      "Customer: 김민수 (010-1234-5678)");
  g_autofree char *c = expected_line (fixture, 2, "2026-03-20|2026-03-20|FREQ=MONTHLY|"
                                      "NEEDS-ACTION||");
  g_autofree char *expected = NULL;
  GStatBuf st;
  guint count = 0;

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is missing");
      return;
    }

  g_assert_true (dg_export_ical (fixture->base.db, NULL, NULL, path, NULL, NULL, NULL, NULL,
                                 &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 3);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  out = read_with_python (path);
  /* Sorted by summary as Python orders the text. */
  expected = g_strdup_printf ("-//Dangol//Dangol %s//EN|2.0\n%s%s%s", PACKAGE_VERSION, b, c, a);
  g_assert_cmpstr (out, ==, expected);
}

static void
test_range (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = dg_test_temp_path ("range.ics");
  g_autoptr(GDateTime) from = dg_test_at (&fixture->base, 2026, 3, 11, 0, 0);
  g_autoptr(GDateTime) to = dg_test_at (&fixture->base, 2026, 3, 14, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  guint count = 0;

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is missing");
      return;
    }

  /* 11th to 13th: the done one, the timed one on the 12th, the cancelled
   * one. */
  g_assert_true (dg_export_ical (fixture->base.db, from, to, path, NULL, NULL, NULL, NULL,
                                 &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 3);

  out = read_with_python (path);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  /* In Python's order of the titles: 끝, 문, 취. */
  g_assert_true (g_str_has_prefix (lines[1], titles[3]));
  g_assert_true (g_str_has_suffix (lines[1], "|2026-03-11|||COMPLETED|completed|"));
  g_assert_true (g_str_has_prefix (lines[2], titles[1]));
  g_assert_true (g_str_has_suffix (lines[2], "|NEEDS-ACTION||Customer: 김민수 (010-1234-5678)"));
  g_assert_true (g_str_has_prefix (lines[3], titles[4]));
  g_assert_true (g_str_has_suffix (lines[3], "|2026-03-13|||CANCELLED||"));
}

/* Exporting again names the same tasks, so a calendar updates them; with
 * the same stamp the file is the same bytes. */
static void
test_stable (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *first = dg_test_temp_path ("first.ics");
  g_autofree char *second = dg_test_temp_path ("second.ics");
  g_autofree char *third = dg_test_temp_path ("third.ics");
  g_autoptr(GDateTime) stamp = g_date_time_new_utc (2026, 3, 10, 15, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_new_utc (2026, 3, 11, 15, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autoptr(GBytes) c = NULL;

  g_assert_true (dg_export_ical (fixture->base.db, NULL, NULL, first, stamp, NULL, NULL, NULL,
                                 NULL, &error));
  g_assert_true (dg_export_ical (fixture->base.db, NULL, NULL, second, stamp, NULL, NULL,
                                 NULL, NULL, &error));
  g_assert_true (dg_export_ical (fixture->base.db, NULL, NULL, third, later, NULL, NULL, NULL,
                                 NULL, &error));
  g_assert_no_error (error);

  a = dg_test_read_file (first);
  b = dg_test_read_file (second);
  c = dg_test_read_file (third);
  g_assert_true (g_bytes_equal (a, b));
  g_assert_false (g_bytes_equal (a, c));
  g_assert_nonnull (strstr (g_bytes_get_data (a, NULL), "DTSTAMP:20260310T150000Z"));

  /* CRLF lines of at most 75 octets, folded between characters. */
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (a, NULL), g_bytes_get_size (a));
    g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
    gboolean folded = FALSE;

    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_assert_null (strchr (lines[i], '\n'));
        g_assert_cmpuint (strlen (lines[i]), <=, 75);
        g_assert_true (g_utf8_validate (lines[i], -1, NULL));
        folded |= lines[i][0] == ' ';
      }
    g_assert_true (folded);
  }

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *uid = g_strdup_printf ("UID:%s\r\n", fixture->uuids[i]);

      g_assert_nonnull (g_strstr_len (g_bytes_get_data (a, NULL), g_bytes_get_size (a), uid));
      g_assert_nonnull (g_strstr_len (g_bytes_get_data (c, NULL), g_bytes_get_size (c), uid));
    }

  if (g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_autofree char *read_a = read_with_python (first);
      g_autofree char *read_c = read_with_python (third);

      g_assert_cmpstr (read_a, ==, read_c);
    }
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ical-export/open", Fixture, NULL, fixture_set_up, test_open, fixture_tear_down);
  g_test_add ("/ical-export/range", Fixture, NULL, fixture_set_up, test_range, fixture_tear_down);
  g_test_add ("/ical-export/stable", Fixture, NULL, fixture_set_up, test_stable, fixture_tear_down);

  return g_test_run ();
}
