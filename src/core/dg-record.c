/* dg-record.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <string.h>

#include "dg-record-private.h"

/* TRUE when dg_record_normalize_text() would give @text back unchanged:
 * valid UTF-8, no white space at either end and no control character it
 * turns into a space. What was stored went through it, so loading a row
 * copies its text instead of rebuilding it character by character. */
static gboolean
is_normalized (const char *text,
               gboolean    single_line)
{
  const char *end;

  if (!g_utf8_validate (text, -1, &end))
    return FALSE;

  if (*text == '\0')
    return TRUE;

  if (g_unichar_isspace (g_utf8_get_char (text))
      || g_unichar_isspace (g_utf8_get_char (g_utf8_find_prev_char (text, end))))
    return FALSE;

  for (const guchar *p = (const guchar *) text; p < (const guchar *) end; p++)
    {
      /* C0 controls and DEL; C1 controls (U+0080..U+009F, 0xC2 0x80..0x9F);
       * the line and paragraph separators (U+2028, U+2029). Valid UTF-8
       * has the bytes after a lead byte. */
      if (*p < 0x20 || *p == 0x7F)
        {
          if (single_line || (*p != '\n' && *p != '\t' && *p != '\r'))
            return FALSE;
        }
      else if (*p == 0xC2 && p[1] <= 0x9F)
        {
          return FALSE;
        }
      else if (single_line && *p == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9))
        {
          return FALSE;
        }
    }

  return TRUE;
}

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

  if (is_normalized (text, single_line))
    return g_strdup (text);

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

  /* Already in UTC to the second, as every parsed stored time is. */
  if (g_date_time_get_microsecond (time) == 0
      && g_strcmp0 (g_time_zone_get_identifier (g_date_time_get_timezone (time)), "UTC") == 0)
    return g_date_time_ref (time);

  return g_date_time_new_from_unix_utc (g_date_time_to_unix (time));
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

/* The value of the @n decimal digits at @text, or -1 when one is not a
 * digit. */
static int
parse_digits (const char *text,
              int         n)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }

  return value;
}

/* Days from 1970-01-01 to a date of the proleptic Gregorian calendar
 * (H. Hinnant's days_from_civil). */
static gint64
days_from_civil (int year,
                 int month,
                 int day)
{
  gint64 y = month <= 2 ? year - 1 : year;
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 year_of_era = y - era * 400;
  gint64 day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  gint64 day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

  return era * 146097 + day_of_era - 719468;
}

/* The time of @text in the form dg_record_format_time() writes
 * ("2026-11-24T03:22:01Z"), or NULL when it has another form or is not a
 * real time. Parsing it by hand costs a tenth of GLib's ISO 8601 parser,
 * which loading many rows felt. */
static GDateTime *
parse_stored_time (const char *text)
{
  int year, month, day, hour, minute, second;

  if (strlen (text) != 20
      || text[4] != '-' || text[7] != '-' || text[10] != 'T'
      || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
    return NULL;

  year = parse_digits (text, 4);
  month = parse_digits (text + 5, 2);
  day = parse_digits (text + 8, 2);
  hour = parse_digits (text + 11, 2);
  minute = parse_digits (text + 14, 2);
  second = parse_digits (text + 17, 2);

  if (year < 1 || month < 1 || month > 12 || day < 1
      || day > g_date_get_days_in_month (month, year)
      || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return NULL;

  return g_date_time_new_from_unix_utc (days_from_civil (year, month, day) * 86400
                                        + hour * 3600 + minute * 60 + second);
}

GDateTime *
dg_record_parse_time (const char *text)
{
  GDateTime *time;

  if (text == NULL || *text == '\0')
    return NULL;

  time = parse_stored_time (text);
  if (time != NULL)
    return time;

  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    g_warning ("Ignoring a stored time that is not ISO 8601: %s", text);

  return time;
}
