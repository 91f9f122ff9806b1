/* test-backup-load.c
 *
 * Broken backups: each one is refused with a message that names the
 * place, and a restore attempted with it leaves the database's bytes as
 * they were. Most cases change one thing in a good backup of a database
 * with a row in every table.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "dg-backup-test-util.h"

static DgDatabase *db;
static char *good;

typedef struct
{
  const char *name;
  const char *find;
  const char *replace;
  const char *expected;
} Mutation;

static const Mutation mutations[] = {
  { "wrong-format", "\"format\": \"dangol-backup\"", "\"format\": \"other-app\"",
    "format: not “dangol-backup”: this is not a Dangol backup" },
  { "newer-version", "\"version\": 1", "\"version\": 2",
    "version: made by a newer Dangol (format 2)" },
  { "version-text", "\"version\": 1", "\"version\": \"1\"", "version: not a format version" },
  { "version-past-64-bits", "\"version\": 1", "\"version\": 99999999999999999999",
    "version: a number too large" },
  { "no-format", "\"format\": \"dangol-backup\",\n", "",
    "the file: it is not a Dangol backup (it has no “format”)" },
  { "bad-exported-at", "\"exported_at\": \"2026-12-07T09:15:00Z\"", "\"exported_at\": \"yesterday\"",
    "exported_at: not a time written YYYY-MM-DDTHH:MM:SSZ" },
  { "missing-tags", "\"tags\": [\n", "\"labels\": [\n", "tags: missing" },
  { "unknown-array", "\"tags\": [\n", "\"labels\": [\n", "labels: not a part of a Dangol backup" },
  { "missing-customers", "\"customers\": [", "\"clients\": [", "customers: missing" },
  { "missing-settings", "\"settings\": [", "\"prefs\": [", "settings: missing" },
  { "followups-not-list", "\"followups\": [", "\"followups\": 5, \"extra\": [", "followups: not a list" },
  { "key-twice", "\"cohorts\": [", "\"tags\": [], \"cohorts\": [", "tags: given twice" },
  { "tag-name-type", "\"name\": \"VIP\"", "\"name\": 5", "tags[0].name: not a text" },
  { "customer-email-type", "\"email\": \"minsu@example.kr\"", "\"email\": 5",
    "customers[0].email: not a text" },
  { "customer-tags-type", "\"tags\": [\"tag-vip\", \"tag-lecture\"]", "\"tags\": \"tag-vip\"",
    "customers[0].tags: not a list" },
  { "customer-tag-element-type", "\"tags\": [\"tag-vip\", \"tag-lecture\"]", "\"tags\": [\"tag-vip\", 2]",
    "customers[0].tags[1]: not a uuid (a text)" },
  { "journey-name-type", "\"name\": \"특강 여정\"", "\"name\": true", "journeys[0].name: not a text" },
  { "journey-stages-type", "\"stages\": []", "\"stages\": {}", "journeys[1].stages: not a list" },
  { "stage-usual-days-type", "\"usual_days\": 3", "\"usual_days\": \"3\"",
    "journeys[0].stages[0].usual_days: not a number" },
  { "stage-digitisation", "\"digitisation\": \"template\"", "\"digitisation\": \"robots\"",
    "journeys[0].stages[0].digitisation: “robots” is not one of manual, template, automated" },
  { "rule-offset-fraction", "\"offset_days\": 1,", "\"offset_days\": 1.5,",
    "journeys[0].stages[1].rules[0].offset_days: not a whole number" },
  { "rule-offset-range", "\"offset_days\": 1,", "\"offset_days\": 4000,",
    "journeys[0].stages[1].rules[0].offset_days: 4000 is out of range (-3650 to 3650)" },
  { "rule-time-of-day", "\"time_of_day\": \"10:30\"", "\"time_of_day\": \"25:00\"",
    "journeys[0].stages[1].rules[0].time_of_day: “25:00” is a date or time that does not exist" },
  { "cohort-archived-type", "\"archived\": false, \"created_at\": \"2026-11-01",
    "\"archived\": \"no\", \"created_at\": \"2026-11-01", "cohorts[0].archived: not true or false" },
  { "cohort-impossible-date", "\"date\": \"2026-12-20\"", "\"date\": \"2026-02-30\"",
    "cohorts[0].date: “2026-02-30” is a date or time that does not exist" },
  { "enrollment-status-type", "\"status\": \"active\", \"drop_reason\"", "\"status\": 3, \"drop_reason\"",
    "enrollments[0].status: not a text" },
  { "enrollment-since-format", "\"since\": \"2026-12-01T01:00:00Z\"", "\"since\": \"2026-12-01 01:00\"",
    "enrollments[0].since: “2026-12-01 01:00” is not a time written YYYY-MM-DDTHH:MM:SSZ" },
  { "enrollment-other-journey", "\"journey\": \"jour-lecture\", \"stage\": \"stage-signup\"",
    "\"journey\": \"jour-empty\", \"stage\": \"stage-signup\"",
    "enrollments[0].stage: a stage of another journey" },
  { "event-other-journey", "\"journey\": \"jour-lecture\", \"stage\": \"stage-signup\"",
    "\"journey\": \"jour-empty\", \"stage\": \"stage-signup\"",
    "stage_events[0].to_stage: a stage of another journey than the enrollment's" },
  { "followup-rule-other-journey", "\"journey\": \"jour-lecture\", \"stage\": \"stage-signup\"",
    "\"journey\": \"jour-empty\", \"stage\": \"stage-signup\"",
    "followups[0].rule: a rule of another journey than the enrollment's" },
  { "enrollment-cohort-other-journey", "\"journey\": \"jour-lecture\", \"stage\": \"stage-signup\"",
    "\"journey\": \"jour-empty\", \"stage\": \"stage-signup\"",
    "enrollments[0].cohort: a cohort of another journey" },
  { "enrollment-reason-active", "\"drop_reason\": \"\"", "\"drop_reason\": \"이유\"",
    "enrollments[0].drop_reason: only a dropped enrollment has a reason" },
  { "enrollment-active-twice",
    "\"customer\": \"cust-lee\", \"journey\": \"jour-lecture\", \"stage\": \"stage-notice\", "
    "\"cohort\": null, \"status\": \"dropped\", \"drop_reason\": \"시간이 없음\"",
    "\"customer\": \"cust-kim\", \"journey\": \"jour-lecture\", \"stage\": \"stage-notice\", "
    "\"cohort\": null, \"status\": \"active\", \"drop_reason\": \"\"",
    "enrollments[1].status: the customer is active in this journey twice" },
  { "event-occurred-at-type", "\"occurred_at\": \"2026-11-30T01:00:00Z\"", "\"occurred_at\": 0",
    "stage_events[0].occurred_at: not a text" },
  { "event-dangling-stage", "\"to_stage\": \"stage-notice\"", "\"to_stage\": \"stage-gone\"",
    "stage_events[0].to_stage: no record of “stages” has the uuid “stage-gone”" },
  { "interaction-channel", "\"channel\": \"call\"", "\"channel\": \"fax\"",
    "interactions[0].channel: “fax” is not one of call, message, email, meeting, other" },
  { "interaction-dangling-customer", "\"uuid\": \"int-3\", \"customer\": \"cust-park\"",
    "\"uuid\": \"int-3\", \"customer\": \"cust-gone\"",
    "interactions[2].customer: no record of “customers” has the uuid “cust-gone”" },
  { "followup-all-day-type", "\"all_day\": false, \"due_at\": \"2026-12-02",
    "\"all_day\": \"yes\", \"due_at\": \"2026-12-02", "followups[0].all_day: not true or false" },
  { "followup-impossible-time", "\"due_at\": \"2026-12-02T01:30:00Z\"", "\"due_at\": \"2026-12-02T24:30:00Z\"",
    "followups[0].due_at: “2026-12-02T24:30:00Z” is a date or time that does not exist" },
  { "followup-dangling-rule", "\"rule\": \"rule-call\"", "\"rule\": \"rule-gone\"",
    "followups[0].rule: no record of “rules” has the uuid “rule-gone”" },
  { "followup-enrollment-without-rule", "\"rule\": \"rule-call\"", "\"rule\": null",
    "followups[0].rule: a follow-up made by a stage rule names both the enrollment and the rule" },
  { "followup-interval-range", "\"recurrence_interval\": 2", "\"recurrence_interval\": 0",
    "followups[2].recurrence_interval: 0 is out of range (1 to 999)" },
  { "followup-anchor", "\"recurrence_anchor\": \"2026-12-19\"", "\"recurrence_anchor\": \"2026-12-32\"",
    "followups[1].recurrence_anchor: “2026-12-32” is a date or time that does not exist" },
  { "followup-all-day-with-time", "\"all_day\": true, \"due_at\": null, \"due_date\": \"2026-12-19\"",
    "\"all_day\": true, \"due_at\": \"2026-12-19T00:00:00Z\", \"due_date\": \"2026-12-19\"",
    "followups[1].due_date: an all-day follow-up has a due_date and no due_at (followups.due)" },
  { "followup-keep-in-touch-no-customer", "\"uuid\": \"fu-touch\", \"customer\": \"cust-park\"",
    "\"uuid\": \"fu-touch\", \"customer\": null",
    "followups[2].keep_in_touch: a keep-in-touch follow-up has a customer and repeats" },
  { "setting-value-type", "\"value\": 25", "\"value\": \"25\"",
    "settings[0]: the value is not a number from 0 to 10080" },
  { "setting-unknown", "\"name\": \"reminder_lead_minutes\"", "\"name\": \"theme\"",
    "settings[0]: not a setting this Dangol knows" },
  { "duplicate-tag-uuid", "\"uuid\": \"tag-lecture\"", "\"uuid\": \"tag-vip\"",
    "tags[1].uuid: the uuid “tag-vip” is given to another record too" },
  { "duplicate-customer-uuid", "\"uuid\": \"cust-park\"", "\"uuid\": \"cust-kim\"",
    "customers[2].uuid: the uuid “cust-kim” is given to another record too" },
  { "duplicate-tag-name", "\"name\": \"강의 수강생\"", "\"name\": \"vip\"",
    "tags[1].name: another tag is named “vip” too" },
  { "dangling-tag", "\"tags\": [\"tag-quote\"]", "\"tags\": [\"tag-nope\"]",
    "customers[2].tags[0]: no record of “tags” has the uuid “tag-nope”" },
  { "solar-birthday-impossible", "\"birthday\": \"1990-03-15\"", "\"birthday\": \"1990-02-30\"",
    "customers[0].birthday: “1990-02-30” is a date or time that does not exist" },
  { "position-past-64-bits", "\"position\": 0, \"created_at\"", "\"position\": 18446744073709551616, \"created_at\"",
    "journeys[0].position: a number too large" },
  { "unknown-field", "\"color\": \"#e01b24\"", "\"color\": \"#e01b24\", \"size\": 3",
    "tags[0].size: not a field of this record" },
  { "missing-field", "\"name\": \"VIP\", ", "", "tags[0].name: missing" },
  { "null-field", "\"name\": \"VIP\"", "\"name\": null", "tags[0].name: empty (null), but required" },
  { "empty-uuid", "\"uuid\": \"tag-vip\"", "\"uuid\": \"\"", "tags[0].uuid: empty: every record needs a uuid" },
  { "record-not-object", "\"tags\": [\n    {", "\"tags\": [\n    5, {", "tags[0]: not an object" },
  { "control-character", "\"color\": \"#e01b24\"", "\"color\": \"#e01\001b24\"",
    "tags[0].color: not valid JSON: a control character inside a text" },
  { "bad-escape", "\"color\": \"#e01b24\"", "\"color\": \"\\x41\"", "tags[0].color: not valid JSON: a broken escape" },
  { "nul-escape", "\"color\": \"#e01b24\"", "\"color\": \"a\\u0000b\"", "tags[0].color: a text holds a NUL character" },
  { "lone-surrogate", "\"color\": \"#e01b24\"", "\"color\": \"\\ud800\"", "tags[0].color: not valid JSON: a broken \\u escape" },
  { "leading-zero", "\"value\": 25", "\"value\": 025", "settings[0].value: not valid JSON: a number starts with 0" },
  { "missing-comma", "\"name\": \"VIP\", \"color\"", "\"name\": \"VIP\" \"color\"",
    "tags[0].name: not valid JSON: a “,” or “}” is missing" },
  { "invalid-utf8", "김민수", "\xff\xfe", "not valid UTF-8 text" },
  { "text-after-end", "\n}\n", "\n}\n{}", "not valid JSON: more text after the end" },
};

static GBytes *
database_bytes (void)
{
  g_autofree char *wal = g_strconcat (dg_database_get_path (db), "-wal", NULL);
  g_autoptr(GBytes) main_bytes = dg_test_read_file (dg_database_get_path (db));
  g_autoptr(GBytes) wal_bytes = dg_test_read_file (wal);
  GByteArray *all = g_byte_array_new ();

  g_byte_array_append (all, g_bytes_get_data (main_bytes, NULL), g_bytes_get_size (main_bytes));
  if (wal_bytes != NULL)
    g_byte_array_append (all, g_bytes_get_data (wal_bytes, NULL), g_bytes_get_size (wal_bytes));

  return g_byte_array_free_to_bytes (all);
}

/* Restores @path into the test database as the app would (load, then
 * restore what loaded); fails unless the file is refused with a problem
 * containing @expected and the database's bytes did not change. */
static void
expect_refused_path (const char *path,
                     const char *expected)
{
  g_autoptr(GBytes) before = database_bytes ();
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(DgBackupFile) file = dg_backup_file_load (path, NULL, &problems, &error);
  gboolean found = FALSE;

  if (file != NULL)
    {
      g_assert_true (dg_backup_file_restore (file, db, DG_BACKUP_RESTORE_NO_SAFETY_COPY, NULL, NULL, NULL));
      g_error ("Loaded a broken file; expected “%s”", expected);
    }

  g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_BACKUP);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, >, 0);
  /* The error names the first problem. */
  g_assert_nonnull (strstr (error->message, g_ptr_array_index (problems, 0)));

  for (guint i = 0; i < problems->len; i++)
    found = found || strstr (g_ptr_array_index (problems, i), expected) != NULL;
  if (!found)
    {
      g_autofree char *all = NULL;

      g_ptr_array_add (problems, NULL);
      all = g_strjoinv ("\n", (char **) problems->pdata);
      g_test_fail_printf ("Expected “%s” among:\n%s", expected, all);
    }

  after = database_bytes ();
  g_assert_true (g_bytes_equal (before, after));
}

static void
expect_refused (const char *content,
                gsize       length,
                const char *expected)
{
  g_autofree char *path = dg_test_temp_path ("broken.json");

  g_assert_true (g_file_set_contents (path, content, length, NULL));
  expect_refused_path (path, expected);
  g_unlink (path);
}

static void
test_mutation (gconstpointer data)
{
  const Mutation *mutation = data;
  g_autoptr(GString) text = g_string_new (good);

  g_assert_nonnull (strstr (good, mutation->find));
  g_string_replace (text, mutation->find, mutation->replace, 1);
  expect_refused (text->str, text->len, mutation->expected);
}

static void
test_good_file_loads (void)
{
  g_autofree char *path = dg_test_temp_path ("good.json");
  g_autoptr(DgBackupFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_autofree char *with_bom = g_strconcat ("\xef\xbb\xbf", good, NULL);

  g_assert_true (g_file_set_contents (path, good, -1, NULL));
  file = dg_backup_file_load (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (file);
  g_assert_cmpstr (dg_backup_file_get_path (file), ==, path);

  /* Saved by an editor that starts UTF-8 with a byte order mark. */
  g_clear_pointer (&file, dg_backup_file_free);
  g_assert_true (g_file_set_contents (path, with_bom, -1, NULL));
  file = dg_backup_file_load (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (file);
}

static void
test_empty (void)
{
  expect_refused ("", 0, "the file: it is empty: not a Dangol backup");
  expect_refused (" \n\t\r\n ", 6, "the file: it is empty: not a Dangol backup");
}

static void
test_not_json (void)
{
  expect_refused ("hello", 5, "the file: it does not hold a JSON object");
  expect_refused ("<html></html>", 13, "the file: it does not hold a JSON object");
  expect_refused ("{hello}", 7, "line 1, column 2: not valid JSON: a key is missing");
  expect_refused ("{\"format\": tru}", 15, "format: not valid JSON");
}

static void
test_not_object (void)
{
  static const char * const roots[] = { "[1, 2, 3]", "\"text\"", "42", "null", "true" };

  for (guint i = 0; i < G_N_ELEMENTS (roots); i++)
    expect_refused (roots[i], strlen (roots[i]), "the file: it does not hold a JSON object");
}

static void
test_deep_nesting (void)
{
  const guint depth = 100000;
  GString *arrays = g_string_new ("{\"format\": ");
  GString *objects = g_string_new ("{");

  for (guint i = 0; i < depth; i++)
    {
      g_string_append_c (arrays, '[');
      g_string_append (objects, "\"a\": {");
    }
  for (guint i = 0; i < depth; i++)
    {
      g_string_append_c (arrays, ']');
      g_string_append_c (objects, '}');
    }
  g_string_append_c (arrays, '}');
  g_string_append_c (objects, '}');

  expect_refused (arrays->str, arrays->len, "format[0][0][0]");
  expect_refused (arrays->str, arrays->len, "nested too deeply: not a Dangol backup");
  expect_refused (objects->str, objects->len, "a.a.a.a.a.a.a.a.a.a.a.a.a.a.a: nested too deeply");
  /* Cut off inside the nesting, too. */
  expect_refused (arrays->str, depth / 2, "nested too deeply");

  g_string_free (arrays, TRUE);
  g_string_free (objects, TRUE);
}

/* Cut at many points, each refused: a file cut off is never half read. */
static void
test_truncated (void)
{
  gsize length = strlen (good);
  guint cuts = 0;

  for (gsize cut = 1; cut + 2 < length; cut += 1 + length / 97)
    {
      g_autoptr(GBytes) before = database_bytes ();
      g_autoptr(GBytes) after = NULL;
      g_autofree char *path = dg_test_temp_path ("cut.json");
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(DgBackupFile) file = NULL;

      g_assert_true (g_file_set_contents (path, good, cut, NULL));
      file = dg_backup_file_load (path, NULL, &problems, &error);
      g_assert_null (file);
      g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_BACKUP);
      /* A cut inside a character of several bytes is invalid UTF-8. */
      g_assert_true (strstr (error->message, "the file: it ends too early: the file is cut off") != NULL
                     || strstr (error->message, "not valid UTF-8 text") != NULL);
      after = database_bytes ();
      g_assert_true (g_bytes_equal (before, after));
      cuts++;
    }

  g_assert_cmpuint (cuts, >=, 90);
}

static void
test_long_texts (void)
{
  g_autoptr(GString) text = g_string_new (good);
  g_autoptr(GString) note = g_string_new ("\"note\": \"");

  /* Longer than any field, shorter than the scanner's limit. */
  for (guint i = 0; i < 1000001; i++)
    g_string_append (note, "가");
  g_string_append_c (note, '"');
  g_string_replace (text, "\"note\": \"\"", note->str, 1);
  expect_refused (text->str, text->len, "customers[1].note: too long: at most 1000000 characters");

  g_string_assign (text, good);
  g_string_assign (note, "\"name\": \"");
  for (guint i = 0; i < 10001; i++)
    g_string_append_c (note, 'n');
  g_string_append_c (note, '"');
  g_string_replace (text, "\"name\": \"VIP\"", note->str, 1);
  expect_refused (text->str, text->len, "tags[0].name: too long: at most 10000 characters");

  /* Megabytes: refused by the scanner before json-glib sees them. */
  g_string_assign (text, good);
  g_string_assign (note, "\"note\": \"");
  for (guint i = 0; i < 6 * 1024 * 1024; i++)
    g_string_append_c (note, 'b');
  g_string_append_c (note, '"');
  g_string_replace (text, "\"note\": \"\"", note->str, 1);
  expect_refused (text->str, text->len, "customers[1].note: a text longer than 4.2\u00a0MB: too long for any field");
}

/* Every problem is reported, each with its place. */
static void
test_every_problem (void)
{
  g_autoptr(GString) text = g_string_new (good);

  g_string_replace (text, "\"email\": \"minsu@example.kr\"", "\"email\": 5", 1);
  g_string_replace (text, "\"channel\": \"call\"", "\"channel\": \"fax\"", 1);
  g_string_replace (text, "\"date\": \"2026-12-20\"", "\"date\": \"2026-02-30\"", 1);
  expect_refused (text->str, text->len, "customers[0].email: not a text");
  expect_refused (text->str, text->len, "interactions[0].channel: “fax” is not one of");
  expect_refused (text->str, text->len, "cohorts[0].date: “2026-02-30” is a date or time that does not exist");
}

/* Past a hundred problems, the rest are counted. */
static void
test_many_problems (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": \"dangol-backup\", \"version\": 1, "
                                          "\"exported_at\": \"2026-12-07T09:15:00Z\", \"settings\": [], "
                                          "\"tags\": [");
  const char *rest = "], \"customers\": [], \"journeys\": [], \"cohorts\": [], \"enrollments\": [], "
                     "\"stage_events\": [], \"interactions\": [], \"followups\": []}";
  g_autofree char *path = dg_test_temp_path ("many.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(DgBackupFile) file = NULL;

  for (guint i = 0; i < 150; i++)
    g_string_append_printf (text, "%s{\"uuid\": \"t%u\", \"name\": %u, \"color\": \"\"}", i ? ", " : "", i, i);
  g_string_append (text, rest);

  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  file = dg_backup_file_load (path, NULL, &problems, &error);
  g_assert_null (file);
  g_assert_cmpuint (problems->len, ==, 101);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, "tags[0].name: not a text");
  g_assert_cmpstr (g_ptr_array_index (problems, 99), ==, "tags[99].name: not a text");
  g_assert_cmpstr (g_ptr_array_index (problems, 100), ==, "and 50 more problems");
  g_assert_cmpstr (error->message, ==,
                   "This file cannot be restored: tags[0].name: not a text (and 149 more problems)");

  /* And an empty backup of the same shape loads. */
  g_string_assign (text, "{\"format\": \"dangol-backup\", \"version\": 1, "
                         "\"exported_at\": \"2026-12-07T09:15:00Z\", \"settings\": [], \"tags\": [");
  g_string_append (text, rest);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_error (&error);
  g_clear_pointer (&file, dg_backup_file_free);
  file = dg_backup_file_load (path, NULL, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (file);
}

/* Where a few small values belong, a large value is not parsed. */
static void
test_large_header (void)
{
  g_autoptr(GString) text = g_string_new (good);
  g_autoptr(GString) settings = g_string_new ("\"settings\": [");

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (settings, "{\"name\": \"s%u\", \"value\": 1}, ", i);
  g_string_replace (text, "\"settings\": [", settings->str, 1);
  expect_refused (text->str, text->len, "settings: far too long for what it should hold");
}

static void
test_not_a_file (void)
{
  g_autofree char *missing = dg_test_temp_path ("missing.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(DgBackupFile) file = NULL;

  file = dg_backup_file_load (missing, NULL, NULL, &error);
  g_assert_null (file);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  file = dg_backup_file_load (dg_test_tempdir (), NULL, NULL, &error);
  g_assert_null (file);
  g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_BACKUP);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *good_path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  int status;

  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  db = dg_test_open_database ();
  dg_backup_test_fill (db);
  good_path = dg_test_temp_path ("good.json");
  bytes = dg_backup_test_export (db, good_path);
  good = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_test_add_func ("/backup/load/good", test_good_file_loads);
  g_test_add_func ("/backup/load/empty", test_empty);
  g_test_add_func ("/backup/load/not-json", test_not_json);
  g_test_add_func ("/backup/load/not-object", test_not_object);
  g_test_add_func ("/backup/load/deep-nesting", test_deep_nesting);
  g_test_add_func ("/backup/load/truncated", test_truncated);
  g_test_add_func ("/backup/load/long-texts", test_long_texts);
  g_test_add_func ("/backup/load/every-problem", test_every_problem);
  g_test_add_func ("/backup/load/many-problems", test_many_problems);
  g_test_add_func ("/backup/load/not-a-file", test_not_a_file);
  g_test_add_func ("/backup/load/large-header", test_large_header);
  for (guint i = 0; i < G_N_ELEMENTS (mutations); i++)
    {
      g_autofree char *name = g_strdup_printf ("/backup/load/broken/%s", mutations[i].name);

      g_test_add_data_func (name, &mutations[i], test_mutation);
    }

  status = g_test_run ();

  g_clear_object (&db);
  g_free (good);

  return status;
}
