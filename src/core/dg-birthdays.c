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
#include "dg-catalog.h"
#include "dg-database-private.h"
#include "dg-date-parse.h"
#include "dg-error.h"
#include "dg-followups-private.h"

#define N_LUNAR_MONTHS 12
#define LUNAR_MAX_DAY  30

static const UChar utc_zone[] = { 'U', 'T', 'C', 0 };

typedef struct
{
  UCalendar *dangi;
  UCalendar *gregorian;
} Converter;

static void
converter_clear (Converter *converter)
{
  g_clear_pointer (&converter->dangi, ucal_close);
  g_clear_pointer (&converter->gregorian, ucal_close);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Converter, converter_clear)

static gboolean
converter_init (Converter *converter)
{
  UErrorCode status = U_ZERO_ERROR;

  converter->dangi = ucal_open (utc_zone, -1, "ko_KR@calendar=dangi", UCAL_DEFAULT, &status);
  converter->gregorian = ucal_open (utc_zone, -1, "en_US@calendar=gregorian", UCAL_GREGORIAN, &status);
  if (U_FAILURE (status))
    {
      g_warning ("ICU has no Korean lunar calendar: %s", u_errorName (status));
      converter_clear (converter);
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

static gboolean
solar_in_year (guint  month,
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
    return solar_in_year (month, day, year, out_date);

  return converter_init (&converter)
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

/* The days each "MM-DD" of one calendar falls on within the range. */
typedef struct
{
  guint32     from;
  guint32     to;
  GHashTable *solar;        /* char * → GArray of guint32 Julian days */
  GHashTable *lunar;
  GHashTable *lunar_leap;
} RangeKeys;

static void
range_keys_clear (RangeKeys *keys)
{
  g_clear_pointer (&keys->solar, g_hash_table_unref);
  g_clear_pointer (&keys->lunar, g_hash_table_unref);
  g_clear_pointer (&keys->lunar_leap, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RangeKeys, range_keys_clear)

static void
add_key (RangeKeys  *keys,
         GHashTable *table,
         guint       month,
         guint       day,
         guint32     julian)
{
  g_autofree char *key = NULL;
  GArray *days;

  if (julian < keys->from || julian > keys->to)
    return;

  key = g_strdup_printf ("%02u-%02u", month, day);
  days = g_hash_table_lookup (table, key);
  if (days == NULL)
    {
      days = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_hash_table_insert (table, g_steal_pointer (&key), days);
    }
  g_array_append_val (days, julian);
}

/* A lunar day: the month (1 to 12) of which lunar year, whether it is
 * the year's leap month, and the day of that month. */
typedef struct
{
  int      year;
  int      month;
  gboolean leap;
  int      day;
} LunarDay;

/* The lunar day that Julian day @julian (of GDate) is. */
static gboolean
lunar_day_of (Converter *converter,
              guint32    julian,
              LunarDay  *out)
{
  UErrorCode status = U_ZERO_ERROR;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  ucal_clear (converter->gregorian);
  ucal_setDate (converter->gregorian, g_date_get_year (&date), g_date_get_month (&date) - 1,
                g_date_get_day (&date), &status);
  ucal_setMillis (converter->dangi, ucal_getMillis (converter->gregorian, &status), &status);
  out->year = ucal_get (converter->dangi, UCAL_EXTENDED_YEAR, &status);
  out->month = ucal_get (converter->dangi, UCAL_MONTH, &status) + 1;
  out->leap = ucal_get (converter->dangi, UCAL_IS_LEAP_MONTH, &status) != 0;
  out->day = ucal_get (converter->dangi, UCAL_DATE, &status);

  return U_SUCCESS (status) && out->month >= 1 && out->month <= N_LUNAR_MONTHS
         && out->day >= 1 && out->day <= LUNAR_MAX_DAY;
}

/* Keys every lunar month that has a day in the range, and only those:
 * converting a date costs ICU an astronomical computation, and the
 * Today page asks for a week before its first frame. A month is found
 * from the lunar day of its first day; its length and whether a leap
 * month follows it from the day 29 days later, which is its 30th or the
 * next month's first. The same days come out as from lunar_month() for
 * each month of each year: a birthday in a leap month the year does not
 * have falls in the regular month. */
static gboolean
add_lunar_keys (RangeKeys *keys)
{
  g_auto(Converter) converter = { 0 };
  LunarDay month;
  guint32 first;

  if (!converter_init (&converter) || !lunar_day_of (&converter, keys->from, &month))
    return FALSE;

  first = keys->from - (month.day - 1);
  while (first <= keys->to)
    {
      LunarDay next;
      int n_days;

      if (!lunar_day_of (&converter, first + 29, &next))
        return FALSE;
      if (next.day == 30)
        {
          n_days = 30;
          if (!lunar_day_of (&converter, first + 30, &next))
            return FALSE;
        }
      else
        n_days = 29;
      if (next.day != 1)
        return FALSE;

      for (int day = 1; day <= LUNAR_MAX_DAY; day++)
        {
          guint32 julian = first + MIN (day, n_days) - 1;

          if (month.leap)
            add_key (keys, keys->lunar_leap, month.month, day, julian);
          else
            {
              add_key (keys, keys->lunar, month.month, day, julian);
              if (!next.leap || next.month != month.month)
                add_key (keys, keys->lunar_leap, month.month, day, julian);
            }
        }

      first += n_days;
      month = next;
    }

  return TRUE;
}

static gboolean
range_keys_init (RangeKeys   *keys,
                 const GDate *from,
                 const GDate *to)
{
  keys->from = g_date_get_julian (from);
  keys->to = g_date_get_julian (to);
  keys->solar = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  keys->lunar = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  keys->lunar_leap = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);

  for (int year = g_date_get_year (from); year <= g_date_get_year (to); year++)
    {
      for (guint month = 1; month <= N_LUNAR_MONTHS; month++)
        {
          for (guint day = 1; day <= g_date_get_days_in_month (month, 2000); day++)
            {
              GDate date;

              if (solar_in_year (month, day, year, &date))
                add_key (keys, keys->solar, month, day, g_date_get_julian (&date));
            }
        }
    }

  return add_lunar_keys (keys);
}

/* Adds the birthdays of one calendar whose "MM-DD" is a key of @table. */
static gboolean
collect (DgDatabase  *db,
         GHashTable  *table,
         gboolean     lunar,
         gboolean     leap_month,
         GPtrArray   *into,
         GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  g_autoptr(GString) json = g_string_new ("[");
  GHashTableIter iter;
  const char *key;
  int rc;

  if (g_hash_table_size (table) == 0)
    return TRUE;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    g_string_append_printf (json, "%s\"%s\"", json->len > 1 ? "," : "", key);
  g_string_append_c (json, ']');

  /* Each condition as customers_by_birthday is written, so it is used. */
  stmt = dg_database_prepare (db,
                              "SELECT id, name, substr (birthday, 6) FROM customers "
                              "WHERE birthday IS NOT NULL AND archived = 0 "
                              "  AND birthday_calendar = ?1 AND birthday_leap = ?2 "
                              "  AND substr (birthday, 6) IN (SELECT value FROM json_each (?3))",
                              error);
  if (stmt == NULL)
    return FALSE;

  dg_database_bind_text (stmt, 1, lunar ? "lunar" : "solar");
  sqlite3_bind_int (stmt, 2, leap_month);
  dg_database_bind_text (stmt, 3, json->str);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GArray *days = g_hash_table_lookup (table, sqlite3_column_text (stmt, 2));

      for (guint i = 0; days != NULL && i < days->len; i++)
        {
          DgBirthday *birthday = g_new0 (DgBirthday, 1);

          birthday->customer_id = sqlite3_column_int64 (stmt, 0);
          birthday->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          g_date_clear (&birthday->date, 1);
          g_date_set_julian (&birthday->date, g_array_index (days, guint32, i));
          birthday->lunar = lunar;
          birthday->leap_month = leap_month;
          g_ptr_array_add (into, birthday);
        }
    }

  if (rc != SQLITE_DONE)
    return dg_database_set_error (db, error);

  return TRUE;
}

static int
compare_birthdays (gconstpointer a,
                   gconstpointer b)
{
  const DgBirthday *x = *(const DgBirthday * const *) a;
  const DgBirthday *y = *(const DgBirthday * const *) b;
  int cmp = g_date_compare (&x->date, &y->date);

  if (cmp == 0)
    cmp = g_utf8_collate (x->name, y->name);
  if (cmp == 0)
    cmp = (x->customer_id > y->customer_id) - (x->customer_id < y->customer_id);

  return cmp;
}

GPtrArray *
dg_birthdays_in_range (DgDatabase   *db,
                       const GDate  *from,
                       const GDate  *to,
                       GError      **error)
{
  g_autoptr(GPtrArray) birthdays = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_birthday_free);
  g_auto(RangeKeys) keys = { 0 };

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);

  if (g_date_compare (from, to) > 0)
    return g_steal_pointer (&birthdays);

  if (!range_keys_init (&keys, from, to))
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_FAILED,
                           _("Lunar birthdays cannot be converted: the Korean calendar is missing"));
      return NULL;
    }

  if (!collect (db, keys.solar, FALSE, FALSE, birthdays, error)
      || !collect (db, keys.lunar, TRUE, FALSE, birthdays, error)
      || !collect (db, keys.lunar_leap, TRUE, TRUE, birthdays, error))
    return NULL;

  g_ptr_array_sort (birthdays, compare_birthdays);

  return g_steal_pointer (&birthdays);
}

int
dg_birthdays_count_in_range (DgDatabase  *db,
                             GDate       *from,
                             GDate       *to,
                             GError     **error)
{
  g_autoptr(GPtrArray) birthdays = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), -1);

  birthdays = dg_birthdays_in_range (db, from, to, error);
  if (birthdays == NULL)
    return -1;

  return (int) MIN (birthdays->len, (guint) G_MAXINT);
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
