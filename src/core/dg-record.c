/* dg-record.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <string.h>

#include "dg-record-private.h"

char *
dg_record_normalize_text (const char *text,
                          gboolean    single_line)
{
  g_autofree char *valid = NULL;
  GString *out;
  const char *start;
  const char *end;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);

  start = valid;
  while (*start && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  out = g_string_sized_new (end - start);
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (single_line
          ? (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
          : (g_unichar_iscntrl (c) && c != '\n' && c != '\t' && c != '\r'))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

gboolean
dg_record_set_string (char **field,
                      char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return FALSE;
    }

  g_free (*field);
  *field = value;

  return TRUE;
}

gboolean
dg_record_set_time (GDateTime **field,
                    GDateTime  *value)
{
  if (*field == value
      || (*field != NULL && value != NULL && g_date_time_equal (*field, value)))
    {
      g_clear_pointer (&value, g_date_time_unref);
      return FALSE;
    }

  g_clear_pointer (field, g_date_time_unref);
  *field = value;

  return TRUE;
}

GDateTime *
dg_record_normalize_time (GDateTime *time)
{
  if (time == NULL)
    return NULL;

  return g_date_time_new_from_unix_utc (g_date_time_to_unix (time));
}

GDateTime *
dg_record_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return dg_record_normalize_time (now);
}

char *
dg_record_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (time == NULL)
    return NULL;

  utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

GDateTime *
dg_record_parse_time (const char *text)
{
  GDateTime *time;

  if (text == NULL || *text == '\0')
    return NULL;

  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    g_warning ("Ignoring a stored time that is not ISO 8601: %s", text);

  return time;
}
