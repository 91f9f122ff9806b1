/* dg-birthdays.c
 *
 * Lunar dates go through ICU's Korean calendar (dangi): the lunar year is
 * the one a solar mid-year falls in (read as UCAL_EXTENDED_YEAR), then the
 * month, its leap flag and the day are set and the instant read back in a
 * Gregorian calendar. Both calendars run in UTC, so that no zone offset or
 * summer time moves a midnight into the day before.
 */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <unicode/ucal.h>

#include "dg-birthdays.h"
#include "dg-birthdays-private.h"
#include "dg-catalog.h"
#include "dg-database-private.h"
#include "dg-date-parse.h"
#include "dg-error.h"
#include "dg-followups-private.h"

static const UChar utc_zone[] = { 'U', 'T', 'C', 0 };

void
_dg_birthdays_converter_clear (Converter *converter)
{
  g_clear_pointer (&converter->dangi, ucal_close);
  g_clear_pointer (&converter->gregorian, ucal_close);
}

gboolean
_dg_birthdays_converter_init (Converter *converter)
{
  UErrorCode status = U_ZERO_ERROR;

  converter->dangi = ucal_open (utc_zone, -1, "ko_KR@calendar=dangi", UCAL_DEFAULT, &status);
  converter->gregorian = ucal_open (utc_zone, -1, "en_US@calendar=gregorian", UCAL_GREGORIAN, &status);
  if (U_FAILURE (status))
    {
      g_warning ("ICU has no Korean lunar calendar: %s", u_errorName (status));
      _dg_birthdays_converter_clear (converter);
      return FALSE;
    }

  return TRUE;
}

/* The first day (as a Julian day of GDate) and the number of days of lunar
 * month @month of the lunar year beginning in solar @year; a leap month
 * the year does not have is its regular month. */
static gboolean
lunar_month (Converter *converter,
             int        year,
             int        month,
             gboolean   leap_month,
             guint32   *out_first,
             int       *out_n_days)
{
  UErrorCode status = U_ZERO_ERROR;
  UDate millis;
  int extended_year;
  GDate first;

  ucal_clear (converter->gregorian);
  ucal_setDate (converter->gregorian, year, UCAL_JULY, 1, &status);
  ucal_setMillis (converter->dangi, ucal_getMillis (converter->gregorian, &status), &status);
  extended_year = ucal_get (converter->dangi, UCAL_EXTENDED_YEAR, &status);

  for (;;)
    {
      ucal_clear (converter->dangi);
      ucal_set (converter->dangi, UCAL_EXTENDED_YEAR, extended_year);
      ucal_set (converter->dangi, UCAL_MONTH, month - 1);
      ucal_set (converter->dangi, UCAL_IS_LEAP_MONTH, leap_month ? 1 : 0);
      ucal_set (converter->dangi, UCAL_DATE, 1);
      millis = ucal_getMillis (converter->dangi, &status);
      if (U_FAILURE (status))
        return FALSE;

      /* ICU rolls a leap month the year lacks over into the next month:
       * read back what the fields became. */
      if (ucal_get (converter->dangi, UCAL_MONTH, &status) == month - 1
          && !!ucal_get (converter->dangi, UCAL_IS_LEAP_MONTH, &status) == !!leap_month)
        break;
      if (!leap_month || U_FAILURE (status))
        return FALSE;
      leap_month = FALSE;
    }

  *out_n_days = ucal_getLimit (converter->dangi, UCAL_DATE, UCAL_ACTUAL_MAXIMUM, &status);

  ucal_setMillis (converter->gregorian, millis, &status);
  g_date_clear (&first, 1);
  g_date_set_dmy (&first,
                  ucal_get (converter->gregorian, UCAL_DATE, &status),
                  ucal_get (converter->gregorian, UCAL_MONTH, &status) + 1,
                  ucal_get (converter->gregorian, UCAL_YEAR, &status));
  if (U_FAILURE (status) || !g_date_valid (&first) || *out_n_days < 1)
    return FALSE;

  *out_first = g_date_get_julian (&first);

  return TRUE;
}

/* Reads "YYYY-MM-DD"; a solar day must exist in some year (February 29
 * does), a lunar one may be any 1st to 30th. */
static gboolean
parse_birthday (const char *birthday,
                gboolean    lunar,
                guint      *out_year,
                guint      *out_month,
                guint      *out_day)
{
  guint year, month, day;

  if (birthday == NULL || strlen (birthday) != 10 || birthday[4] != '-' || birthday[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (birthday[i]))
        return FALSE;
    }

  year = g_ascii_strtoull (birthday, NULL, 10);
  month = g_ascii_strtoull (birthday + 5, NULL, 10);
  day = g_ascii_strtoull (birthday + 8, NULL, 10);

  if (year < 1 || month < 1 || month > N_LUNAR_MONTHS || day < 1)
    return FALSE;
  if (lunar ? day > LUNAR_MAX_DAY : !g_date_valid_dmy (day, month, 2000))
    return FALSE;

  *out_year = year;
  *out_month = month;
  *out_day = day;

  return TRUE;
}

gboolean
_dg_birthday_solar_in_year (guint  month,
                            guint  day,
                            int    year,
                            GDate *out_date)
{
  /* Born on February 29: in a common year the birthday is February 28,
   * the last day of the birth month. */
  if (month == 2 && day == 29 && !g_date_is_leap_year (year))
    day = 28;

  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, day, month, year);

  return TRUE;
}

static gboolean
lunar_in_year (Converter *converter,
               guint      month,
               guint      day,
               gboolean   leap_month,
               int        year,
               GDate     *out_date)
{
  guint32 first;
  int n_days;

  if (!lunar_month (converter, year, month, leap_month, &first, &n_days))
    return FALSE;

  /* A 30th in a month of 29 days is its last day. */
  g_date_clear (out_date, 1);
  g_date_set_julian (out_date, first + MIN ((int) day, n_days) - 1);

  return TRUE;
}

gboolean
dg_birthday_in_year (const char *birthday,
                     gboolean    lunar,
                     gboolean    leap_month,
                     int         year,
                     GDate      *out_date)
{
  g_auto(Converter) converter = { 0 };
  guint birth_year, month, day;

  g_return_val_if_fail (out_date != NULL, FALSE);

  if (!parse_birthday (birthday, lunar, &birth_year, &month, &day)
      || year < 1 || year > G_MAXUINT16 - 1)
    return FALSE;

  if (!lunar)
    return _dg_birthday_solar_in_year (month, day, year, out_date);

  return _dg_birthdays_converter_init (&converter)
         && lunar_in_year (&converter, month, day, leap_month, year, out_date);
}

gboolean
dg_birthday_next_occurrence (const char  *birthday,
                             gboolean     lunar,
                             gboolean     leap_month,
                             const GDate *from,
                             GDate       *out_date)
{
  int year;

  g_return_val_if_fail (from != NULL && g_date_valid (from), FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);

  /* A lunar birthday late in the lunar year falls early in the next
   * solar year: start one year back. */
  year = g_date_get_year (from);
  for (int y = year - 1; y <= year + 1; y++)
    {
      GDate date;

      if (!dg_birthday_in_year (birthday, lunar, leap_month, y, &date))
        return FALSE;
      if (g_date_compare (&date, from) >= 0)
        {
          *out_date = date;
          return TRUE;
        }
    }

  return FALSE;
}

char *
dg_birthday_parse_lunar (const char  *text,
                         GError     **error)
{
  guint numbers[3] = { 0, };
  guint n_digits[3] = { 0, };
  guint n = 0;
  gboolean in_number = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= '0' && c <= '9')
        {
          if (!in_number)
            {
              if (n == G_N_ELEMENTS (numbers))
                goto not_a_date;
              n++;
              in_number = TRUE;
            }
          if (++n_digits[n - 1] > 4)
            goto not_a_date;
          numbers[n - 1] = numbers[n - 1] * 10 + (c - '0');
        }
      else
        in_number = FALSE;
    }

  if (n != 3 || n_digits[0] != 4)
    goto not_a_date;

  if (numbers[0] < 1 || numbers[1] < 1 || numbers[1] > N_LUNAR_MONTHS
      || numbers[2] < 1 || numbers[2] > LUNAR_MAX_DAY)
    {
      g_set_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                   /* Translators: %s is what was typed as a lunar birthday. */
                   _("“%s” is not a lunar date: months go from 1 to 12 and days from 1 to 30"),
                   text);
      return NULL;
    }

  return g_strdup_printf ("%04u-%02u-%02u", numbers[0], numbers[1], numbers[2]);

not_a_date:
  g_set_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
               /* Translators: %s is what was typed as a lunar birthday. */
               _("“%s” is not a date: type the lunar year, month and day, such as 1990-02-30"),
               text);
  return NULL;
}

void
dg_birthday_free (DgBirthday *birthday)
{
  if (birthday == NULL)
    return;

  g_free (birthday->name);
  g_free (birthday);
}

static gboolean
make_one (DgDatabase        *db,
          DgBirthday        *birthday,
          const GDate       *today,
          guint              days_before,
          DgFollowupsWrite  *ctx,
          gboolean          *out_made,
          GError           **error)
{
  g_auto(DgStatement) stmt = NULL;
  g_autoptr(DgFollowup) followup = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *birthday_text = NULL;
  g_autofree char *note = NULL;
  int year = g_date_get_year (&birthday->date);
  GDate due = birthday->date;

  *out_made = FALSE;

  stmt = dg_database_prepare (db,
                              "UPDATE customers SET birthday_followup_year = ?2 "
                              "WHERE id = ?1 AND coalesce (birthday_followup_year, 0) < ?2",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, birthday->customer_id);
  sqlite3_bind_int (stmt, 2, year);
  if (!dg_database_run (db, stmt, error))
    return FALSE;

  /* Made already for this birthday (and maybe deleted since). */
  if (dg_database_changes (db) == 0)
    return TRUE;

  /* Turned on, or started, later than N days before: due today. */
  g_date_subtract_days (&due, days_before);
  if (g_date_compare (&due, today) < 0)
    due = *today;

  due_text = dg_date_format_iso (&due);
  birthday_text = dg_date_format_iso (&birthday->date);
  /* Translators: the note of a birthday follow-up; %s is the date of the
   * birthday, YYYY-MM-DD. */
  note = g_strdup_printf (_("Birthday on %s"), birthday_text);

  followup = dg_followup_new ();
  dg_followup_set_customer_id (followup, birthday->customer_id);
  dg_followup_set_title (followup, _("Send a birthday message"));
  dg_followup_set_note (followup, note);
  dg_followup_set_due_date (followup, due_text);

  if (!dg_followup_validate (followup, error)
      || !dg_followups_insert_locked (db, followup, ctx, error))
    return FALSE;

  *out_made = TRUE;

  return TRUE;
}

gboolean
dg_birthdays_make_followups (DgDatabase  *db,
                             DgClock     *clock,
                             guint        days_before,
                             guint       *n_made,
                             GError     **error)
{
  g_auto(DgFollowupsWrite) ctx = { 0 };
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) birthdays = NULL;
  GDate today, last;
  guint made = 0;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DG_IS_CLOCK (clock), FALSE);

  if (n_made != NULL)
    *n_made = 0;

  now = dg_clock_get_now_local (clock);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  last = today;
  g_date_add_days (&last, days_before);

  /* Read and written in one transaction, so that two processes never
   * both make the same one. */
  if (!dg_followups_begin_write (db, clock, &ctx, error))
    return FALSE;

  birthdays = dg_birthdays_in_range (db, &today, &last, error);
  if (birthdays == NULL)
    goto failed;

  for (guint i = 0; i < birthdays->len; i++)
    {
      gboolean made_one = FALSE;

      if (!make_one (db, g_ptr_array_index (birthdays, i), &today, days_before, &ctx,
                     &made_one, error))
        goto failed;
      made += made_one;
    }

  if (!dg_database_commit (db, error))
    return FALSE;

  if (n_made != NULL)
    *n_made = made;

  return TRUE;

failed:
  dg_database_rollback (db);
  return FALSE;
}
