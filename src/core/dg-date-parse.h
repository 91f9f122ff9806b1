/* dg-date-parse.h
 *
 * Reads a day as people type it in a date field. Besides the stored form
 * YYYY-MM-DD it accepts the short forms of the English and Korean locales,
 * whatever language the interface speaks:
 *
 *   2026-12-15, 2026/12/15, 2026. 12. 15.   a full date
 *   12/15, 12-15, 12.15                      month and day of this year
 *   12월 15일, 2026년 12월 15일               Korean month and day (and year)
 *   15일                                      that day of this month
 *   today, tomorrow, 오늘, 내일, 모레          relative to today
 *
 * A short form without a year always means this year, even when that day
 * has passed: a due date in the past is allowed, and guessing next year
 * would surprise someone writing down what was due.
 *
 * "Today" is given by the caller (the context's clock), so the result does
 * not depend on when the code runs.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  DG_DATE_PARSE_OK,
  /* The text is no form of a date at all. */
  DG_DATE_PARSE_NOT_A_DATE,
  /* The text has the shape of a date naming a day that does not exist,
   * such as 2026-02-30 or 13/01. */
  DG_DATE_PARSE_NOT_REAL,
} DgDateParseResult;

/* Reads @text (blanks at both ends ignored) into @out_date, with @today
 * giving the year of short forms and the day of "today"; on failure sets
 * @error (DG_ERROR_INVALID_FIELD) to a translated message naming the text. */
DgDateParseResult dg_date_parse (const char   *text,
                                 const GDate  *today,
                                 GDate        *out_date,
                                 GError      **error);

/* Whether @text is exactly the stored form YYYY-MM-DD (ten characters,
 * digits and two dashes, nothing around them); fills the three numbers.
 * Does not check that the day exists: a lunar date's month may have 30. */
gboolean          dg_date_split_iso  (const char   *text,
                                      guint        *out_year,
                                      guint        *out_month,
                                      guint        *out_day);
/* Whether @text is exactly YYYY-MM-DD naming a day that exists. */
gboolean          dg_date_is_iso     (const char   *text);

/* The stored form of @date: "YYYY-MM-DD", newly allocated. */
char             *dg_date_format_iso (const GDate *date);

G_END_DECLS
