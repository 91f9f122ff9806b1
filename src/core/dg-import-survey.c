/* dg-import-survey.c
 *
 * The survey mode of the CSV import: answers as logged contacts.
 */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dg-catalog.h"
#include "dg-error.h"
#include "dg-import-csv-private.h"
#include "dg-import-match.h"
#include "dg-import-survey.h"
#include "dg-interactions-private.h"
#include "dg-record-private.h"

/* Headers that ask how it went, for a feeling column of bare numbers. */
#define FEELING_HEADER_WORDS "만족|어떠셨|어땠|평가|별점|점수|추천|satisf|rating|rate|score|howwas|overall|feedback"

/* @text without case, blanks or punctuation (its digits kept). */
static char *
squash (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = NULL;
  GString *out = g_string_new (NULL);

  if (normal == NULL)
    return g_string_free (out, FALSE);
  folded = g_utf8_casefold (normal, -1);
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static gboolean
has_word (const char *text,
          const char *words)
{
  g_auto(GStrv) list = g_strsplit (words, "|", -1);

  for (guint i = 0; list[i] != NULL; i++)
    {
      if (strstr (text, list[i]) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* A score of five: "5", "5점", "4/5"; -1 when @text is none. */
static int
score_of (const char *text)
{
  char *end = NULL;
  guint64 n;

  if (!g_ascii_isdigit (*text))
    return -1;
  n = g_ascii_strtoull (text, &end, 10);
  if (n < 1 || n > 5)
    return -1;
  if (*end == '\0' || g_str_equal (end, "점") || g_str_equal (end, "5") || g_str_equal (end, "점5"))
    return (int) n;

  return -1;
}

DgInteractionFeedback
dg_import_guess_feedback (const char *answer)
{
  g_autofree char *text = NULL;
  int score;

  g_return_val_if_fail (answer != NULL, DG_INTERACTION_FEEDBACK_NONE);

  text = squash (answer);
  if (*text == '\0')
    return DG_INTERACTION_FEEDBACK_NONE;

  score = score_of (text);
  if (score >= 4)
    return DG_INTERACTION_FEEDBACK_POSITIVE;
  if (score == 3)
    return DG_INTERACTION_FEEDBACK_NEUTRAL;
  if (score >= 1)
    return DG_INTERACTION_FEEDBACK_NEGATIVE;

  /* "불만족" holds "만족", "dissatisfied" "satisfied", "좋지 않았어요"
   * "좋": the negatives are looked for first. */
  if (has_word (text, "불만|아쉬|별로|나빴|나쁨|나빠|실망|좋지않|않았|싫|최악|"
                      "dissatisf|unsatisf|notsatisf|bad|poor|terrible|awful|disappoint|negative|notgood"))
    return DG_INTERACTION_FEEDBACK_NEGATIVE;
  if (has_word (text, "보통|그저그|그럭저럭|무난|neutral|average|okay|soso|fair|neither")
      || g_str_equal (text, "ok"))
    return DG_INTERACTION_FEEDBACK_NEUTRAL;
  if (has_word (text, "만족|좋았|좋아|좋음|좋습|훌륭|최고|추천|감사|유익|"
                      "satisf|good|great|excellent|love|positive|happy|helpful|recommend"))
    return DG_INTERACTION_FEEDBACK_POSITIVE;

  return DG_INTERACTION_FEEDBACK_NONE;
}

void
dg_csv_import_set_survey (DgCsvImport *self,
                          DgClock     *clock)
{
  g_return_if_fail (DG_IS_CSV_IMPORT (self));
  g_return_if_fail (clock == NULL || DG_IS_CLOCK (clock));

  g_set_object (&self->survey_clock, clock);
  dg_csv_import_clear_preview (self);
}

gboolean
dg_csv_import_get_survey (DgCsvImport *self)
{
  g_return_val_if_fail (DG_IS_CSV_IMPORT (self), FALSE);

  return self->survey_clock != NULL;
}

void
dg_csv_import_set_add_unmatched (DgCsvImport *self,
                                 gboolean     add)
{
  g_return_if_fail (DG_IS_CSV_IMPORT (self));

  self->add_unmatched = !!add;
}

GPtrArray *
dg_csv_import_get_unmatched (DgCsvImport *self)
{
  g_return_val_if_fail (DG_IS_CSV_IMPORT (self), NULL);

  return self->unmatched;
}

GPtrArray *
dg_csv_import_get_feedback_values (DgCsvImport *self)
{
  g_return_val_if_fail (DG_IS_CSV_IMPORT (self), NULL);

  return self->feedback_values;
}

/* The reading of @value: the caller's when set, else the guess. */
static DgInteractionFeedback
feedback_for (DgCsvImport *self,
              const char  *value)
{
  gpointer found;

  if (g_hash_table_lookup_extended (self->feedback_map, value, NULL, &found))
    return GPOINTER_TO_INT (found);

  return dg_import_guess_feedback (value);
}

DgInteractionFeedback
dg_csv_import_get_feedback_for_value (DgCsvImport *self,
                                      const char  *value)
{
  g_return_val_if_fail (DG_IS_CSV_IMPORT (self), DG_INTERACTION_FEEDBACK_NONE);
  g_return_val_if_fail (value != NULL, DG_INTERACTION_FEEDBACK_NONE);

  return feedback_for (self, value);
}

void
dg_csv_import_set_feedback_for_value (DgCsvImport           *self,
                                      const char            *value,
                                      DgInteractionFeedback  feedback)
{
  g_return_if_fail (DG_IS_CSV_IMPORT (self));
  g_return_if_fail (value != NULL);
  g_return_if_fail (feedback <= DG_INTERACTION_FEEDBACK_NEGATIVE);

  g_hash_table_insert (self->feedback_map, g_strdup (value), GINT_TO_POINTER (feedback));
}

/* Whether most of the answers in @values read as feelings; bare scores
 * count only under a header that asks how it went. */
static gboolean
reads_as_feelings (const char *title,
                   GPtrArray  *values)
{
  g_autofree char *header = squash (title);
  gboolean asks = has_word (header, FEELING_HEADER_WORDS);
  guint n = 0, read = 0;

  for (guint i = 0; i < values->len; i++)
    {
      g_autofree char *value = squash (g_ptr_array_index (values, i));

      if (*value == '\0')
        continue;
      n++;
      if (score_of (value) > 0 ? asks : dg_import_guess_feedback (value) != DG_INTERACTION_FEEDBACK_NONE)
        read++;
    }

  return n > 0 ? read * 2 > n : asks;
}

void
dg_csv_import_survey_guess (DgCsvImport *self,
                            GPtrArray   *records)
{
  gboolean feeling_taken = FALSE;
  guint first_data = self->has_header ? 1 : 0;

  for (guint c = 0; c < self->targets->len; c++)
    {
      DgImportTarget *target = &g_array_index (self->targets, DgImportTarget, c);
      g_autoptr(GPtrArray) values = g_ptr_array_new ();

      if (*target != DG_IMPORT_TARGET_IGNORE && *target != DG_IMPORT_TARGET_NOTE)
        continue;

      for (guint r = first_data; r < records->len; r++)
        {
          GPtrArray *fields = g_ptr_array_index (records, r);

          g_ptr_array_add (values, c < fields->len ? g_ptr_array_index (fields, c) : (gpointer) "");
        }

      if (!feeling_taken && reads_as_feelings (g_ptr_array_index (self->titles, c), values))
        {
          *target = DG_IMPORT_TARGET_FEEDBACK;
          feeling_taken = TRUE;
        }
      else
        *target = DG_IMPORT_TARGET_ANSWER;
    }
}

/* The trimmed value of the first column of @target; "" when none. */
static char *
value_of (DgCsvImport    *self,
          GPtrArray      *fields,
          DgImportTarget  target)
{
  for (guint c = 0; c < self->targets->len; c++)
    {
      if (g_array_index (self->targets, DgImportTarget, c) == target)
        return g_strstrip (g_strdup (c < fields->len ? g_ptr_array_index (fields, c) : ""));
    }

  return g_strdup ("");
}

gboolean
dg_csv_import_survey_find (DgCsvImport  *self,
                           DgDatabase   *db,
                           GPtrArray    *fields,
                           gint64       *out_id,
                           GError      **error)
{
  g_autofree char *phone = value_of (self, fields, DG_IMPORT_TARGET_PHONE);
  g_autofree char *email = value_of (self, fields, DG_IMPORT_TARGET_EMAIL);

  *out_id = dg_import_find_match (db, NULL, phone, email, error);
  if (*out_id < 0)
    {
      *out_id = 0;
      return FALSE;
    }

  return TRUE;
}

/* The contact row @fields logs (its customer unset), or NULL with
 * @out_problem set. @out_timed: whether the sheet gave its time. */
static DgInteraction *
build_contact (DgCsvImport  *self,
               GPtrArray    *fields,
               GTimeZone    *tz,
               gboolean     *out_timed,
               char        **out_problem)
{
  g_autoptr(DgInteraction) contact = dg_interaction_new ();
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GError) error = NULL;
  DgInteractionFeedback feedback = DG_INTERACTION_FEEDBACK_NONE;

  for (guint c = 0; c < self->targets->len; c++)
    {
      DgImportTarget target = g_array_index (self->targets, DgImportTarget, c);
      g_autofree char *value = g_strstrip (g_strdup (c < fields->len ? g_ptr_array_index (fields, c) : ""));

      if (target == DG_IMPORT_TARGET_TIMESTAMP && *value != '\0')
        {
          g_clear_pointer (&when, g_date_time_unref);
          when = dg_import_parse_timestamp (value, tz);
          if (when == NULL)
            {
              *out_problem = g_strdup_printf (_("Submitted at: “%s” is not a date and time"), value);
              return NULL;
            }
        }

      if (target == DG_IMPORT_TARGET_FEEDBACK)
        feedback = feedback_for (self, value);

      if ((target == DG_IMPORT_TARGET_ANSWER || target == DG_IMPORT_TARGET_FEEDBACK) && *value != '\0')
        {
          if (summary->len > 0)
            g_string_append_c (summary, '\n');
          g_string_append_printf (summary, "%s: %s", (const char *) g_ptr_array_index (self->titles, c), value);
        }
    }

  *out_timed = when != NULL;
  if (when == NULL)
    when = dg_clock_get_now_utc (self->survey_clock);

  {
    g_autoptr(GDateTime) utc = g_date_time_to_utc (when);

    dg_interaction_set_occurred_at (contact, utc);
  }
  dg_interaction_set_channel (contact, DG_INTERACTION_CHANNEL_OTHER);
  dg_interaction_set_summary (contact, summary->str);
  dg_interaction_set_feedback (contact, feedback);

  /* Any customer: only the contact's own fields are checked here. */
  dg_interaction_set_customer_id (contact, 1);
  if (!dg_interaction_validate (contact, self->survey_clock, &error))
    {
      *out_problem = g_strdup (error->message);
      return NULL;
    }
  dg_interaction_set_customer_id (contact, 0);

  return g_steal_pointer (&contact);
}

/* Whether the customer of @contact already has it. */
static gboolean
is_logged (DgDatabase     *db,
           DgInteraction  *contact,
           gboolean        timed,
           gboolean       *out_logged,
           GError        **error)
{
  g_autofree char *when = dg_record_format_time (dg_interaction_get_occurred_at (contact));
  g_auto(DgStatement) stmt = NULL;
  int rc;

  stmt = dg_database_prepare (db,
                              "SELECT 1 FROM interactions WHERE customer_id = ?1 AND channel = 'other' "
                              "AND summary = ?2 AND (?3 IS NULL OR occurred_at = ?3) LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dg_interaction_get_customer_id (contact));
  dg_database_bind_text (stmt, 2, dg_interaction_get_summary (contact));
  dg_database_bind_text (stmt, 3, timed ? when : NULL);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return dg_database_set_error (db, error);
  *out_logged = rc == SQLITE_ROW;

  return TRUE;
}

/* The key of a contact in the file, for one logged twice in it. */
static char *
contact_key (DgInteraction *contact,
             gboolean       timed)
{
  g_autofree char *when = timed ? dg_record_format_time (dg_interaction_get_occurred_at (contact)) : g_strdup ("");

  return g_strdup_printf ("c:%" G_GINT64_FORMAT "\n%s\n%s", dg_interaction_get_customer_id (contact), when,
                          dg_interaction_get_summary (contact));
}

static void
note_feedback_value (DgCsvImport *self,
                     GPtrArray   *fields)
{
  g_autofree char *value = value_of (self, fields, DG_IMPORT_TARGET_FEEDBACK);

  if (*value == '\0')
    return;
  for (guint i = 0; i < self->feedback_values->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->feedback_values, i), value))
        return;
    }
  g_ptr_array_add (self->feedback_values, g_steal_pointer (&value));
}

gboolean
dg_csv_import_survey_preview_row (DgCsvImport  *self,
                                  DgDatabase   *db,
                                  GPtrArray    *fields,
                                  GTimeZone    *tz,
                                  DgImportRow  *info,
                                  DgImportKeys *keys,
                                  DgCustomer  **out_customer,
                                  GError      **error)
{
  g_autoptr(DgInteraction) contact = NULL;
  g_autoptr(DgCustomer) customer = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *phone = value_of (self, fields, DG_IMPORT_TARGET_PHONE);
  g_autofree char *email = value_of (self, fields, DG_IMPORT_TARGET_EMAIL);
  g_autofree char *name = value_of (self, fields, DG_IMPORT_TARGET_NAME);
  gboolean timed = FALSE;
  gint64 id = 0;

  *out_customer = NULL;
  note_feedback_value (self, fields);

  contact = build_contact (self, fields, tz, &timed, &problem);
  if (contact != NULL && *phone == '\0' && *email == '\0')
    problem = g_strdup (_("it has neither a phone number nor an email address to find the customer by"));
  if (problem != NULL)
    {
      info->kind = DG_IMPORT_ROW_REFUSED;
      self->summary.n_refused++;
      dg_csv_import_add_message (self->problems, g_strdup_printf (_("Row %u: %s"), info->row, problem));
      return TRUE;
    }

  if (!dg_csv_import_survey_find (self, db, fields, &id, error))
    return FALSE;

  if (id > 0)
    {
      g_autofree char *key = NULL;
      gboolean logged = FALSE;

      dg_interaction_set_customer_id (contact, id);
      if (!is_logged (db, contact, timed, &logged, error))
        return FALSE;
      key = contact_key (contact, timed);
      if (!logged && !dg_import_keys_lookup (keys, key, &logged, NULL, error))
        return FALSE;
      if (!dg_import_keys_add (keys, key, info->row, error))
        return FALSE;

      info->kind = DG_IMPORT_ROW_DUPLICATE;
      info->match_customer_id = id;
      info->fills = !logged;
      if (logged)
        self->summary.n_already_logged++;
      else
        self->summary.n_logged++;
      return TRUE;
    }

  customer = dg_csv_import_build_customer (self, fields, tz, &problem);
  if (customer == NULL)
    {
      info->kind = DG_IMPORT_ROW_REFUSED;
      self->summary.n_refused++;
      dg_csv_import_add_message (self->problems,
                                 g_strdup_printf (_("Row %u: no customer has this phone number or email "
                                                    "address, and it cannot be added: %s"),
                                                  info->row, problem));
      return TRUE;
    }

  {
    g_autofree char *phone_key = dg_csv_import_phone_key (customer);
    g_autofree char *email_key = dg_csv_import_email_key (customer);
    gboolean found = FALSE;

    if (phone_key != NULL && !dg_import_keys_lookup (keys, phone_key, &found, &info->match_row, error))
      return FALSE;
    if (!found && email_key != NULL
        && !dg_import_keys_lookup (keys, email_key, &found, &info->match_row, error))
      return FALSE;
    if (!found)
      {
        if (phone_key != NULL && !dg_import_keys_add (keys, phone_key, info->row, error))
          return FALSE;
        if (email_key != NULL && !dg_import_keys_add (keys, email_key, info->row, error))
          return FALSE;
      }
  }

  info->kind = info->match_row > 0 ? DG_IMPORT_ROW_DUPLICATE : DG_IMPORT_ROW_NEW;
  info->fills = TRUE;
  self->summary.n_unmatched++;
  dg_csv_import_add_message (self->unmatched,
                             g_strdup_printf (_("Row %u: %s: no customer has this phone number or email address"),
                                              info->row, name));
  *out_customer = g_steal_pointer (&customer);

  return TRUE;
}

/* Keeps the customer's open keep-in-touch follow-ups as they are, once,
 * for Undo: a logged contact moves them. */
static gboolean
keep_followups (DgDatabase  *db,
                DgBulkUndo  *undo,
                GHashTable  *kept,
                gint64       customer_id,
                GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  int rc;

  if (g_hash_table_contains (kept, &customer_id))
    return TRUE;
  g_hash_table_add (kept, g_memdup2 (&customer_id, sizeof customer_id));

  stmt = dg_database_prepare (db,
                              "SELECT * FROM followups "
                              "WHERE customer_id = ?1 AND status = 'open' AND keep_in_touch = 1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DgBulkRow *row = dg_bulk_row_new_from_statement (stmt);

      if (row == NULL)
        {
          g_set_error_literal (error, DG_ERROR, DG_ERROR_DATABASE,
                               _("Out of memory while keeping the follow-ups for Undo."));
          return FALSE;
        }
      dg_bulk_undo_add_row_in (undo, DG_TABLE_FOLLOWUPS, row);
    }

  if (rc != SQLITE_DONE)
    return dg_database_set_error (db, error);

  return TRUE;
}

gboolean
dg_csv_import_survey_log (DgCsvImport      *self,
                          DgDatabase       *db,
                          DgBulkUndo       *undo,
                          GHashTable       *kept_followups,
                          GPtrArray        *fields,
                          GTimeZone        *tz,
                          gint64            customer_id,
                          DgImportSummary  *summary,
                          GError          **error)
{
  g_autoptr(DgInteraction) contact = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *problem = NULL;
  gboolean timed = FALSE;
  gboolean logged = FALSE;

  contact = build_contact (self, fields, tz, &timed, &problem);
  if (contact == NULL)
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_IMPORT, problem);
      return FALSE;
    }
  dg_interaction_set_customer_id (contact, customer_id);

  if (!is_logged (db, contact, timed, &logged, error))
    return FALSE;
  if (logged)
    {
      summary->n_already_logged++;
      return TRUE;
    }

  now = dg_clock_get_now_utc (self->survey_clock);
  if (!keep_followups (db, undo, kept_followups, customer_id, error)
      || !dg_interactions_insert_locked (db, self->survey_clock, contact, now, error))
    return FALSE;

  dg_bulk_undo_add_created_in (undo, DG_TABLE_INTERACTIONS, dg_interaction_get_id (contact));
  dg_bulk_undo_count_changed (undo);
  summary->n_logged++;

  return TRUE;
}
