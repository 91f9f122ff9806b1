/* dg-date-parse.c — see dg-date-parse.h for the forms accepted. */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-date-parse.h"

#include <string.h>
#include <glib/gi18n.h>

#include "dg-error.h"

/* What each number of the text is followed by. */
typedef enum
{
  UNIT_NONE,
  UNIT_YEAR,   /* 년 */
  UNIT_MONTH,  /* 월 */
  UNIT_DAY,    /* 일 */
} Unit;

#define MAX_PARTS 3

typedef struct
{
  guint  value;
  guint  digits;
  Unit   unit;
} Part;

/* The words for days near today, in both languages, with their distance. */
static const struct
{
  const char *word;
  int         days;
} relative_words[] = {
  { "today", 0 },
  { "tomorrow", 1 },
  { "오늘", 0 },
  { "내일", 1 },
  { "모레", 2 },
};

static const char *
skip_blanks (const char *p)
{
  while (*p == ' ' || *p == '\t')
    p++;
  return p;
}

/* Splits @text into numbers with their units or separators; FALSE when it
 * holds anything else. Separators between numbers without units are one
 * of "-", "/" and "." (a trailing "." is the Korean "2026. 12. 15."). */
static gboolean
split_parts (const char *text,
             Part        parts[MAX_PARTS],
             guint      *out_n_parts,
             gboolean   *out_has_units)
{
  const char *p = skip_blanks (text);
  guint n = 0;
  gboolean has_units = FALSE;
  gboolean has_plain = FALSE;
  char separator = '\0';

  while (*p != '\0')
    {
      Part *part;

      if (!g_ascii_isdigit (*p) || n == MAX_PARTS)
        return FALSE;

      part = &parts[n++];
      part->value = 0;
      part->digits = 0;
      part->unit = UNIT_NONE;
      while (g_ascii_isdigit (*p))
        {
          if (part->digits == 4)
            return FALSE;
          part->value = part->value * 10 + (guint) (*p - '0');
          part->digits++;
          p++;
        }

      p = skip_blanks (p);
      if (g_str_has_prefix (p, "년"))
        part->unit = UNIT_YEAR;
      else if (g_str_has_prefix (p, "월"))
        part->unit = UNIT_MONTH;
      else if (g_str_has_prefix (p, "일"))
        part->unit = UNIT_DAY;

      if (part->unit != UNIT_NONE)
        {
          has_units = TRUE;
          p = skip_blanks (p + strlen ("년"));
          continue;
        }

      has_plain = TRUE;
      if (*p == '\0')
        break;
      if (*p != '-' && *p != '/' && *p != '.')
        return FALSE;
      /* One kind of separator throughout: "12/15-3" is no date. */
      if (separator != '\0' && *p != separator)
        return FALSE;
      separator = *p;
      p = skip_blanks (p + 1);
      if (*p == '\0' && separator != '.')
        return FALSE;
    }

  if (n == 0 || (has_units && has_plain))
    return FALSE;

  *out_n_parts = n;
  *out_has_units = has_units;
  return TRUE;
}

/* Year, month and day from Korean parts: [Y년] [M월] D일, each at most once
 * and in that order. */
static gboolean
read_units (const Part  *parts,
            guint        n_parts,
            const GDate *today,
            guint       *year,
            guint       *month,
            guint       *day)
{
  Unit last = UNIT_NONE;

  *year = g_date_get_year (today);
  *month = g_date_get_month (today);
  *day = 0;

  for (guint i = 0; i < n_parts; i++)
    {
      if (parts[i].unit <= last)
        return FALSE;
      last = parts[i].unit;
      if (last == UNIT_YEAR)
        {
          if (parts[i].digits != 4)
            return FALSE;
          *year = parts[i].value;
        }
      else if (last == UNIT_MONTH)
        *month = parts[i].value;
      else
        *day = parts[i].value;
    }

  /* "12월" alone names no day. */
  return last == UNIT_DAY;
}

static DgDateParseResult
fail (DgDateParseResult   result,
      const char         *text,
      GError            **error)
{
  if (result == DG_DATE_PARSE_NOT_REAL)
    /* Translators: %s is what was typed in a date field, such as 2026-02-30 */
    g_set_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD, _("“%s” is not a real date"), text);
  else
    /* Translators: %s is what was typed in a date field; keep YYYY-MM-DD,
     * or use the letters your language uses for it */
    g_set_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                 _("“%s” is not a date (use YYYY-MM-DD, 12/15 or “today”)"), text);
  return result;
}

DgDateParseResult
dg_date_parse (const char   *text,
               const GDate  *today,
               GDate        *out_date,
               GError      **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;
  Part parts[MAX_PARTS];
  guint n_parts = 0;
  gboolean has_units = FALSE;
  guint year, month, day;

  g_return_val_if_fail (text != NULL, DG_DATE_PARSE_NOT_A_DATE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), DG_DATE_PARSE_NOT_A_DATE);
  g_return_val_if_fail (out_date != NULL, DG_DATE_PARSE_NOT_A_DATE);

  stripped = g_strstrip (g_strdup (text));
  folded = g_utf8_casefold (stripped, -1);

  for (guint i = 0; i < G_N_ELEMENTS (relative_words); i++)
    {
      if (strcmp (folded, relative_words[i].word) == 0)
        {
          *out_date = *today;
          g_date_add_days (out_date, relative_words[i].days);
          return DG_DATE_PARSE_OK;
        }
    }

  if (!split_parts (stripped, parts, &n_parts, &has_units))
    return fail (DG_DATE_PARSE_NOT_A_DATE, stripped, error);

  if (has_units)
    {
      if (!read_units (parts, n_parts, today, &year, &month, &day))
        return fail (DG_DATE_PARSE_NOT_A_DATE, stripped, error);
    }
  else if (n_parts == 3 && parts[0].digits == 4 &&
           parts[1].digits <= 2 && parts[2].digits <= 2)
    {
      year = parts[0].value;
      month = parts[1].value;
      day = parts[2].value;
    }
  else if (n_parts == 2 && parts[0].digits <= 2 && parts[1].digits <= 2)
    {
      year = g_date_get_year (today);
      month = parts[0].value;
      day = parts[1].value;
    }
  else
    return fail (DG_DATE_PARSE_NOT_A_DATE, stripped, error);

  if (year < 1 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return fail (DG_DATE_PARSE_NOT_REAL, stripped, error);

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return DG_DATE_PARSE_OK;
}

gboolean
dg_date_split_iso (const char *text,
                   guint      *out_year,
                   guint      *out_month,
                   guint      *out_day)
{
  g_return_val_if_fail (out_year != NULL && out_month != NULL && out_day != NULL, FALSE);

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7 ? text[i] != '-' : !g_ascii_isdigit (text[i]))
        return FALSE;
    }

  *out_year = (guint) g_ascii_strtoull (text, NULL, 10);
  *out_month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  *out_day = (guint) g_ascii_strtoull (text + 8, NULL, 10);

  return TRUE;
}

gboolean
dg_date_is_iso (const char *text)
{
  guint year, month, day;

  return dg_date_split_iso (text, &year, &month, &day)
         && year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= 31
         && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

char *
dg_date_format_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}
