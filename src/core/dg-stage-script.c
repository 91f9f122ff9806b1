/* dg-stage-script.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dg-journeys-private.h"
#include "dg-record-private.h"
#include "dg-recurrence.h"
#include "dg-stage-script.h"

static const char * const placeholders[] = {
  DG_PLACEHOLDER_NAME,
  DG_PLACEHOLDER_ORGANIZATION,
  DG_PLACEHOLDER_STAGE,
  DG_PLACEHOLDER_COHORT,
  DG_PLACEHOLDER_COHORT_DATE,
  DG_PLACEHOLDER_NEXT_FOLLOWUP,
  NULL
};

const char * const *
dg_stage_script_get_placeholders (void)
{
  return placeholders;
}

static gboolean
is_placeholder (const char *name)
{
  return g_strv_contains (placeholders, name);
}

static void
report (GPtrArray  *list,
        const char *name)
{
  if (!g_ptr_array_find_with_equal_func (list, name, g_str_equal, NULL))
    g_ptr_array_add (list, g_strdup (name));
}

/* The length of the placeholder name after the '{' at @text, up to its
 * '}'; 0 when the braces hold no placeholder. */
static gsize
name_length (const char *text)
{
  gsize n = 0;

  while (text[n] != '\0' && text[n] != '}')
    {
      if (text[n] == '{' || g_ascii_isspace (text[n]))
        return 0;
      n++;
    }

  return text[n] == '}' ? n : 0;
}

char *
dg_stage_script_fill (const char  *script,
                      GHashTable  *values,
                      GPtrArray  **out_missing,
                      GPtrArray  **out_unknown)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  GString *text = g_string_new (NULL);
  const char *p = script != NULL ? script : "";

  while (*p != '\0')
    {
      gsize n;

      if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}'))
        {
          g_string_append_c (text, p[0]);
          p += 2;
          continue;
        }

      if (p[0] != '{' || (n = name_length (p + 1)) == 0)
        {
          g_string_append_c (text, *p++);
          continue;
        }

      {
        g_autofree char *name = g_strndup (p + 1, n);
        const char *value = values != NULL ? g_hash_table_lookup (values, name) : NULL;

        if (!is_placeholder (name))
          {
            report (unknown, name);
            g_string_append_len (text, p, n + 2);
          }
        else if (value == NULL || *value == '\0')
          {
            report (missing, name);
            g_string_append_len (text, p, n + 2);
          }
        else
          {
            g_string_append (text, value);
          }
        p += n + 2;
      }
    }

  if (out_missing != NULL)
    *out_missing = g_steal_pointer (&missing);
  if (out_unknown != NULL)
    *out_unknown = g_steal_pointer (&unknown);

  return g_string_free (text, FALSE);
}

static void
set_value (GHashTable *values,
           const char *name,
           const char *value)
{
  if (value != NULL && *value != '\0')
    g_hash_table_insert (values, (gpointer) name, g_strdup (value));
}

/* Fills @values from the enrollment's row; its script in @out_script. */
static gboolean
read_values (DgDatabase   *db,
             DgClock      *clock,
             gint64        enrollment_id,
             GHashTable   *values,
             char        **out_script,
             GError      **error)
{
  g_auto(DgStatement) stmt = NULL;
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (clock);
  int rc;

  stmt = dg_database_prepare (db,
                              "SELECT c.name, c.organization, s.name, h.name, h.date, s.message_script, "
                              "  f.all_day, f.due_date, f.due_at "
                              "FROM enrollments e JOIN customers c ON c.id = e.customer_id "
                              "JOIN stages s ON s.id = e.stage_id LEFT JOIN cohorts h ON h.id = e.cohort_id "
                              "LEFT JOIN followups f ON f.id = (SELECT n.id FROM followups n "
                              "  WHERE n.customer_id = e.customer_id AND n.status = 'open' "
                              "  ORDER BY n.due_key, n.id LIMIT 1) "
                              "WHERE e.id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, enrollment_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return dg_journeys_not_found (error, _("The customer is no longer in the journey"));
  if (rc != SQLITE_ROW)
    return dg_database_set_error (db, error);

  set_value (values, DG_PLACEHOLDER_NAME, (const char *) sqlite3_column_text (stmt, 0));
  set_value (values, DG_PLACEHOLDER_ORGANIZATION, (const char *) sqlite3_column_text (stmt, 1));
  set_value (values, DG_PLACEHOLDER_STAGE, (const char *) sqlite3_column_text (stmt, 2));
  set_value (values, DG_PLACEHOLDER_COHORT, (const char *) sqlite3_column_text (stmt, 3));
  set_value (values, DG_PLACEHOLDER_COHORT_DATE, (const char *) sqlite3_column_text (stmt, 4));

  if (sqlite3_column_int (stmt, 6) == 1)
    {
      set_value (values, DG_PLACEHOLDER_NEXT_FOLLOWUP, (const char *) sqlite3_column_text (stmt, 7));
    }
  else if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
    {
      g_autoptr(GDateTime) due = dg_record_parse_time ((const char *) sqlite3_column_text (stmt, 8));
      g_autoptr(GDateTime) local = due != NULL ? g_date_time_to_timezone (due, tz) : NULL;
      g_autofree char *text = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : NULL;

      set_value (values, DG_PLACEHOLDER_NEXT_FOLLOWUP, text);
    }

  if (out_script != NULL)
    *out_script = dg_journeys_column_text (stmt, 5);

  return TRUE;
}

GHashTable *
dg_stage_script_values (DgDatabase  *db,
                        DgClock     *clock,
                        gint64       enrollment_id,
                        GError     **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);

  if (!read_values (db, clock, enrollment_id, values, NULL, error))
    return NULL;

  return g_steal_pointer (&values);
}

char *
dg_stage_script_fill_for_enrollment (DgDatabase  *db,
                                     DgClock     *clock,
                                     gint64       enrollment_id,
                                     GPtrArray  **out_missing,
                                     GPtrArray  **out_unknown,
                                     GError     **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *script = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);

  if (!read_values (db, clock, enrollment_id, values, &script, error))
    return NULL;

  return dg_stage_script_fill (script, values, out_missing, out_unknown);
}
