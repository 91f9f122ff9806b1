/* dg-birthdays-range.c
 *
 * The birthdays that fall within a range of days: each "MM-DD" of each
 * calendar (solar, lunar, lunar leap month) is keyed to the days it falls
 * on in the range, and the customers holding those keys are read through
 * the birthday index.
 */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-birthdays.h"
#include "dg-birthdays-private.h"
#include "dg-database-private.h"
#include "dg-error.h"

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

  if (!_dg_birthdays_converter_init (&converter) || !lunar_day_of (&converter, keys->from, &month))
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

              if (_dg_birthday_solar_in_year (month, day, year, &date))
                add_key (keys, keys->solar, month, day, g_date_get_julian (&date));
            }
        }
    }

  return add_lunar_keys (keys);
}

/* The keys of @table as a JSON array, for json_each (). */
static char *
keys_json (GHashTable *table)
{
  GString *json = g_string_new ("[");
  GHashTableIter iter;
  const char *key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    g_string_append_printf (json, "%s\"%s\"", json->len > 1 ? "," : "", key);
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

/* Prepares @sql, whose ?1 to ?3 are the calendar, the leap flag and the
 * keys of @table. Each condition of the queries is written as
 * customers_by_birthday is, so that it is used. */
static sqlite3_stmt *
prepare_for_keys (DgDatabase  *db,
                  const char  *sql,
                  GHashTable  *table,
                  gboolean     lunar,
                  gboolean     leap_month,
                  GError     **error)
{
  g_autofree char *json = keys_json (table);
  sqlite3_stmt *stmt = dg_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;

  dg_database_bind_text (stmt, 1, lunar ? "lunar" : "solar");
  sqlite3_bind_int (stmt, 2, leap_month);
  dg_database_bind_text (stmt, 3, json);

  return stmt;
}

#define KEYS_WHERE                                                          \
  "WHERE birthday IS NOT NULL AND archived = 0 "                            \
  "  AND birthday_calendar = ?1 AND birthday_leap = ?2 "                    \
  "  AND substr (birthday, 6) IN (SELECT value FROM json_each (?3))"

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
  int rc;

  if (g_hash_table_size (table) == 0)
    return TRUE;

  stmt = prepare_for_keys (db, "SELECT id, name, substr (birthday, 6) FROM customers " KEYS_WHERE,
                           table, lunar, leap_month, error);
  if (stmt == NULL)
    return FALSE;

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

/* Counts, through the birthday index alone, the birthdays of one calendar
 * on each day of the range (@per_day: Julian day → count). */
static gboolean
count_per_day (DgDatabase  *db,
               GHashTable  *table,
               gboolean     lunar,
               gboolean     leap_month,
               GHashTable  *per_day,
               GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  int rc;

  if (g_hash_table_size (table) == 0)
    return TRUE;

  stmt = prepare_for_keys (db, "SELECT substr (birthday, 6), count (*) FROM customers " KEYS_WHERE " GROUP BY 1",
                           table, lunar, leap_month, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GArray *days = g_hash_table_lookup (table, sqlite3_column_text (stmt, 0));
      guint n = sqlite3_column_int (stmt, 1);

      for (guint i = 0; days != NULL && i < days->len; i++)
        {
          gpointer day = GUINT_TO_POINTER (g_array_index (days, guint32, i));

          g_hash_table_insert (per_day, day,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_day, day)) + n));
        }
    }

  if (rc != SQLITE_DONE)
    return dg_database_set_error (db, error);

  return TRUE;
}

/* The keys of @table with only their days up to @last. */
static GHashTable *
keys_until (GHashTable *table,
            guint32     last)
{
  GHashTable *kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  GHashTableIter iter;
  const char *key;
  GArray *days;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &days))
    {
      GArray *early = NULL;

      for (guint i = 0; i < days->len; i++)
        {
          if (g_array_index (days, guint32, i) > last)
            continue;
          if (early == NULL)
            early = g_array_new (FALSE, FALSE, sizeof (guint32));
          g_array_append_val (early, g_array_index (days, guint32, i));
        }
      if (early != NULL)
        g_hash_table_insert (kept, g_strdup (key), early);
    }

  return kept;
}

GPtrArray *
dg_birthdays_first_in_range (DgDatabase   *db,
                             const GDate  *from,
                             const GDate  *to,
                             guint         max_listed,
                             guint        *out_total,
                             GError      **error)
{
  g_autoptr(GPtrArray) birthdays = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_birthday_free);
  g_autoptr(GHashTable) per_day = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) solar = NULL;
  g_autoptr(GHashTable) lunar = NULL;
  g_autoptr(GHashTable) lunar_leap = NULL;
  g_auto(RangeKeys) keys = { 0 };
  guint total = 0;
  guint32 last;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (out_total != NULL, NULL);

  *out_total = 0;
  if (g_date_compare (from, to) > 0)
    return g_steal_pointer (&birthdays);

  if (!range_keys_init (&keys, from, to))
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_FAILED,
                           _("Lunar birthdays cannot be converted: the Korean calendar is missing"));
      return NULL;
    }

  /* How many fall on each day, from the index alone: at a million
   * customers a week holds thousands, whose names are not needed. */
  if (!count_per_day (db, keys.solar, FALSE, FALSE, per_day, error)
      || !count_per_day (db, keys.lunar, TRUE, FALSE, per_day, error)
      || !count_per_day (db, keys.lunar_leap, TRUE, TRUE, per_day, error))
    return NULL;

  /* The first @max_listed are all on or before the first day by which
   * that many have fallen: only those days' rows are read and sorted. */
  last = keys.to;
  for (guint32 day = keys.from; day <= keys.to; day++)
    {
      total += GPOINTER_TO_UINT (g_hash_table_lookup (per_day, GUINT_TO_POINTER (day)));
      if (total >= max_listed && last == keys.to)
        last = day;
    }
  *out_total = total;

  if (max_listed == 0)
    return g_steal_pointer (&birthdays);

  solar = keys_until (keys.solar, last);
  lunar = keys_until (keys.lunar, last);
  lunar_leap = keys_until (keys.lunar_leap, last);
  if (!collect (db, solar, FALSE, FALSE, birthdays, error)
      || !collect (db, lunar, TRUE, FALSE, birthdays, error)
      || !collect (db, lunar_leap, TRUE, TRUE, birthdays, error))
    return NULL;

  g_ptr_array_sort (birthdays, compare_birthdays);
  if (birthdays->len > max_listed)
    g_ptr_array_set_size (birthdays, max_listed);

  return g_steal_pointer (&birthdays);
}

int
dg_birthdays_count_in_range (DgDatabase  *db,
                             GDate       *from,
                             GDate       *to,
                             GError     **error)
{
  g_autoptr(GPtrArray) birthdays = NULL;
  guint total;

  g_return_val_if_fail (DG_IS_DATABASE (db), -1);

  birthdays = dg_birthdays_first_in_range (db, from, to, 0, &total, error);
  if (birthdays == NULL)
    return -1;

  return (int) MIN (total, (guint) G_MAXINT);
}
