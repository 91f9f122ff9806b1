/* test-backup-large.c
 *
 * Files of hundreds of megabytes: refused, or loaded, quickly and within
 * twice their size in memory. A program of its own, so that its peak
 * memory (getrusage) is the test's alone. The file of many records is a
 * slow test: run it with -m slow (meson test --suite backup).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "dg-backup-test-util.h"

#define MB (1024 * 1024)

static gint64
peak_bytes (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);

  return (gint64) usage.ru_maxrss * 1024;
}

static const char header[] =
  "{\n  \"format\": \"dangol-backup\",\n  \"version\": 1,\n"
  "  \"exported_at\": \"2026-12-07T09:15:00Z\",\n  \"settings\": [],\n  \"tags\": [],\n";
static const char empty_rest[] =
  "  \"journeys\": [],\n  \"cohorts\": [],\n  \"enrollments\": [],\n  \"stage_events\": [],\n";

/* A text of 300 MB in one field: refused by the scanner at its first
 * megabytes, without json-glib ever seeing it. */
static void
test_huge_text (void)
{
  g_autofree char *path = dg_test_temp_path ("huge.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(DgBackupFile) file = NULL;
  g_autofree char *chunk = g_malloc (MB);
  const gint64 size = 300 * (gint64) MB;
  gint64 before, started;
  FILE *out;

  memset (chunk, 'a', MB);
  out = g_fopen (path, "w");
  g_assert_nonnull (out);
  fputs (header, out);
  fputs ("  \"customers\": [{\"uuid\": \"c1\", \"name\": \"", out);
  for (int i = 0; i < 300; i++)
    g_assert_cmpuint (fwrite (chunk, 1, MB, out), ==, MB);
  fputs ("\"}],\n", out);
  fputs (empty_rest, out);
  fputs ("  \"interactions\": [],\n  \"followups\": []\n}\n", out);
  g_assert_cmpint (fclose (out), ==, 0);

  before = peak_bytes ();
  started = g_get_monotonic_time ();
  file = dg_backup_file_load (path, NULL, &problems, &error);
  g_assert_null (file);
  g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_BACKUP);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==,
                   "customers[0].name: a text longer than 4.2\u00a0MB: too long for any field");
  g_test_message ("Refused in %.2f s, peak %" G_GINT64_FORMAT " MB",
                  (g_get_monotonic_time () - started) / 1e6, peak_bytes () / MB);
  g_assert_cmpint (peak_bytes () - before, <=, 2 * size);
  g_unlink (path);
}

/* A backup of 200 000 customers and a million contacts (about 280 MB) is
 * loaded record by record: the peak stays within twice the file. */
static void
test_many_records (void)
{
  g_autofree char *path = dg_test_temp_path ("many.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(DgBackupFile) file = NULL;
  const guint n_customers = 200000;
  const guint n_interactions = 1000000;
  gint64 before, started, size;
  GStatBuf st;
  FILE *out;

  if (!g_test_slow ())
    {
      g_test_skip ("A slow test: run it with -m slow");
      return;
    }

  out = g_fopen (path, "w");
  g_assert_nonnull (out);
  fputs (header, out);
  fputs ("  \"customers\": [", out);
  for (guint i = 0; i < n_customers; i++)
    fprintf (out,
             "%s\n    {\"uuid\": \"3f1c9a6e-0000-4000-8000-%012u\", \"name\": \"김민수 %u\", "
             "\"phone\": \"010-1234-5678\", \"email\": \"c%u@example.kr\", \"organization\": \"단골상회\", "
             "\"source\": \"\", \"birthday\": null, \"birthday_calendar\": \"solar\", \"birthday_leap\": false, "
             "\"birthday_followup_year\": null, \"marketing_consent\": false, \"consent_at\": null, "
             "\"note\": \"\", \"archived\": false, \"tags\": [], \"created_at\": \"2026-01-01T00:00:00Z\", "
             "\"updated_at\": \"2026-01-01T00:00:00Z\"}",
             i ? "," : "", i, i, i);
  fputs ("\n  ],\n", out);
  fputs (empty_rest, out);
  fputs ("  \"interactions\": [", out);
  for (guint i = 0; i < n_interactions; i++)
    fprintf (out,
             "%s\n    {\"uuid\": \"7a2b8c4d-0000-4000-8000-%012u\", "
             "\"customer\": \"3f1c9a6e-0000-4000-8000-%012u\", \"occurred_at\": \"2026-11-20T05:00:00Z\", "
             "\"channel\": \"call\", \"summary\": \"수업 문의 통화\", \"feedback\": null, "
             "\"created_at\": \"2026-11-20T05:10:00Z\"}",
             i ? "," : "", i, i % n_customers);
  fputs ("\n  ],\n  \"followups\": []\n}\n", out);
  g_assert_cmpint (fclose (out), ==, 0);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  size = st.st_size;

  before = peak_bytes ();
  started = g_get_monotonic_time ();
  file = dg_backup_file_load (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dg_backup_file_get_counts (file)->n_interactions, ==, n_interactions);
  g_test_message ("Loaded %" G_GINT64_FORMAT " MB in %.2f s, peak %" G_GINT64_FORMAT " MB",
                  size / MB, (g_get_monotonic_time () - started) / 1e6, peak_bytes () / MB);
  g_assert_cmpint (peak_bytes () - before, <=, 2 * size);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backup/large/huge-text", test_huge_text);
  g_test_add_func ("/backup/large/many-records", test_many_records);

  return g_test_run ();
}
