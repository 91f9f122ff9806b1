/* test-birthdays.c
 *
 * Solar and lunar birthdays as solar days: lunar dates against published
 * ones (Seollal, Chuseok, a leap month), the days that do not exist every
 * year, the birthdays of a range across New Year, the birthday follow-ups
 * made once, and the migration that added the lunar calendar.
 */
#include "config.h"

#include <string.h>

#include <unicode/ucal.h>

#include "dg-database-private.h"
#include "dg-followup-test-util.h"
#include "dg-migrations.h"
#include "dg-search-pieces-private.h"
#include "dg-test-util.h"

static char *
in_year (const char *birthday,
         gboolean    lunar,
         gboolean    leap_month,
         int         year)
{
  GDate date;

  g_assert_true (dg_birthday_in_year (birthday, lunar, leap_month, year, &date));

  return dg_date_format_iso (&date);
}

static void
assert_in_year (const char *birthday,
                gboolean    lunar,
                gboolean    leap_month,
                int         year,
                const char *expected)
{
  g_autofree char *date = in_year (birthday, lunar, leap_month, year);

  g_assert_cmpstr (date, ==, expected);
}

/* Published dates of Korean holidays, which ICU 72's dangi calendar gives. */
static void
test_lunar_public_dates (void)
{
  /* Seollal, lunar 1/1. */
  assert_in_year ("1980-01-01", TRUE, FALSE, 2026, "2026-02-17");
  assert_in_year ("1980-01-01", TRUE, FALSE, 2027, "2027-02-07");
  /* Chuseok, lunar 8/15. */
  assert_in_year ("1975-08-15", TRUE, FALSE, 2025, "2025-10-06");
  assert_in_year ("1975-08-15", TRUE, FALSE, 2026, "2026-09-25");
  /* 2025 has a leap sixth month: leap 6/1 and the regular 6/1 differ. */
  assert_in_year ("1990-06-01", TRUE, TRUE, 2025, "2025-07-25");
  assert_in_year ("1990-06-01", TRUE, FALSE, 2025, "2025-06-25");
}

/* A leap month the year does not have falls in the regular month. */
static void
test_lunar_leap_month_missing (void)
{
  g_autofree char *regular = in_year ("1990-06-01", TRUE, FALSE, 2026);
  g_autofree char *leap = in_year ("1990-06-01", TRUE, TRUE, 2026);

  g_assert_cmpstr (leap, ==, regular);
  g_assert_cmpstr (regular, ==, "2026-07-14");
}

/* The number of days of the regular lunar month @month of the lunar year
 * that begins in @year, asked of ICU itself. */
static int
lunar_month_days (int year,
                  int month)
{
  static const UChar utc[] = { 'U', 'T', 'C', 0 };
  UErrorCode status = U_ZERO_ERROR;
  UCalendar *gregorian = ucal_open (utc, -1, "en_US@calendar=gregorian", UCAL_GREGORIAN, &status);
  UCalendar *dangi = ucal_open (utc, -1, "ko_KR@calendar=dangi", UCAL_DEFAULT, &status);
  int extended_year;
  int n_days;

  ucal_clear (gregorian);
  ucal_setDate (gregorian, year, UCAL_JULY, 1, &status);
  ucal_setMillis (dangi, ucal_getMillis (gregorian, &status), &status);
  extended_year = ucal_get (dangi, UCAL_EXTENDED_YEAR, &status);
  ucal_clear (dangi);
  ucal_set (dangi, UCAL_EXTENDED_YEAR, extended_year);
  ucal_set (dangi, UCAL_MONTH, month - 1);
  ucal_set (dangi, UCAL_IS_LEAP_MONTH, 0);
  ucal_set (dangi, UCAL_DATE, 1);
  n_days = ucal_getLimit (dangi, UCAL_DATE, UCAL_ACTUAL_MAXIMUM, &status);
  g_assert_false (U_FAILURE (status));

  ucal_close (dangi);
  ucal_close (gregorian);

  return n_days;
}

/* A lunar 30th in a month of 29 days is that month's 29th. */
static void
test_lunar_missing_30th (void)
{
  guint n_short = 0;

  for (int year = 2025; year <= 2027; year++)
    {
      for (int month = 1; month <= 12; month++)
        {
          g_autofree char *birthday_29 = g_strdup_printf ("1990-%02d-29", month);
          g_autofree char *birthday_30 = g_strdup_printf ("1990-%02d-30", month);
          g_autofree char *the_29th = in_year (birthday_29, TRUE, FALSE, year);
          g_autofree char *the_30th = in_year (birthday_30, TRUE, FALSE, year);
          int n_days = lunar_month_days (year, month);

          g_assert_true (n_days == 29 || n_days == 30);
          if (n_days == 29)
            {
              g_assert_cmpstr (the_30th, ==, the_29th);
              n_short++;
            }
          else
            {
              g_assert_cmpstr (the_30th, !=, the_29th);
            }
        }
    }

  g_assert_cmpuint (n_short, >, 0);
  /* The second month of 2025 has 29 days. */
  g_assert_cmpint (lunar_month_days (2025, 2), ==, 29);
  assert_in_year ("1990-02-30", TRUE, FALSE, 2025, "2025-03-28");
}

static void
test_solar_february_29 (void)
{
  GDate from = dg_test_date (2025, 3, 1);
  GDate next;
  g_autofree char *next_text = NULL;

  assert_in_year ("1992-02-29", FALSE, FALSE, 2025, "2025-02-28");
  assert_in_year ("1992-02-29", FALSE, FALSE, 2028, "2028-02-29");
  assert_in_year ("1992-03-01", FALSE, FALSE, 2025, "2025-03-01");

  g_assert_true (dg_birthday_next_occurrence ("1992-02-29", FALSE, FALSE, &from, &next));
  next_text = dg_date_format_iso (&next);
  g_assert_cmpstr (next_text, ==, "2026-02-28");

  /* The leap flag means nothing to a solar birthday. */
  assert_in_year ("1992-06-01", FALSE, TRUE, 2025, "2025-06-01");

  g_assert_false (dg_birthday_in_year ("1992-02-30", FALSE, FALSE, 2025, &next));
  g_assert_false (dg_birthday_in_year ("1992-13-01", TRUE, FALSE, 2025, &next));
  g_assert_false (dg_birthday_in_year ("1992-01-31", TRUE, FALSE, 2025, &next));
  g_assert_false (dg_birthday_in_year ("not a date", FALSE, FALSE, 2025, &next));
}

/* A lunar birthday late in the lunar year falls early in the next solar
 * year: the next one from January 1 is last lunar year's. */
static void
test_next_occurrence (void)
{
  GDate from = dg_test_date (2026, 1, 1);
  GDate next;
  g_autofree char *text = NULL;
  g_autofree char *expected = in_year ("1990-12-20", TRUE, FALSE, 2025);

  g_assert_true (dg_birthday_next_occurrence ("1990-12-20", TRUE, FALSE, &from, &next));
  text = dg_date_format_iso (&next);
  g_assert_cmpstr (text, ==, expected);
  g_assert_true (g_str_has_prefix (text, "2026-0"));

  /* On the day itself, that day. */
  from = dg_test_date (2026, 2, 17);
  g_assert_true (dg_birthday_next_occurrence ("1980-01-01", TRUE, FALSE, &from, &next));
  g_clear_pointer (&text, g_free);
  text = dg_date_format_iso (&next);
  g_assert_cmpstr (text, ==, "2026-02-17");

  /* The day after: next year's. */
  from = dg_test_date (2026, 2, 18);
  g_assert_true (dg_birthday_next_occurrence ("1980-01-01", TRUE, FALSE, &from, &next));
  g_clear_pointer (&text, g_free);
  text = dg_date_format_iso (&next);
  g_assert_cmpstr (text, ==, "2027-02-07");
}

static gint64
add_with_birthday (DgFollowupFixture *fixture,
                   const char        *name,
                   const char        *birthday,
                   gboolean           lunar,
                   gboolean           leap_month)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  dg_customer_set_birthday (customer, birthday);
  dg_customer_set_birthday_lunar (customer, lunar);
  dg_customer_set_birthday_leap_month (customer, leap_month);
  dg_customers_insert (fixture->db, customer, &error);
  g_assert_no_error (error);

  return dg_customer_get_id (customer);
}

static GDate
today_of (DgFollowupFixture *fixture)
{
  g_autoptr(GDateTime) now = dg_clock_get_now_local (DG_CLOCK (fixture->clock));

  return dg_test_date (g_date_time_get_year (now), g_date_time_get_month (now),
                       g_date_time_get_day_of_month (now));
}

/* The week from December 28 to January 3, seen on the fake clock. */
static void
test_range_across_new_year (DgFollowupFixture *fixture,
                            gconstpointer      data)
{
  g_autoptr(GPtrArray) birthdays = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lunar_birthday = NULL;
  gint64 lunar_id, leap_id, dec_30, jan_2, dec_28, jan_3;
  GDate from, to, lunar_first;
  int day;

  dg_test_set_now (fixture, 2026, 12, 28, 9, 0);
  from = today_of (fixture);
  to = from;
  g_date_add_days (&to, 6);
  g_assert_cmpint (g_date_get_year (&to), ==, 2027);
  g_assert_cmpint (g_date_get_day (&to), ==, 3);

  /* Which lunar 11th-month day of the lunar year 2026 is December 31. */
  g_assert_true (dg_birthday_in_year ("1970-11-01", TRUE, FALSE, 2026, &lunar_first));
  day = 1 + (int) (g_date_get_julian (&to) - 3 - g_date_get_julian (&lunar_first));
  g_assert_cmpint (day, >=, 1);
  g_assert_cmpint (day, <=, 30);
  lunar_birthday = g_strdup_printf ("1970-11-%02d", day);

  jan_2 = add_with_birthday (fixture, "Jan Second", "1990-01-02", FALSE, FALSE);
  dec_30 = add_with_birthday (fixture, "Dec Thirtieth", "1985-12-30", FALSE, FALSE);
  lunar_id = add_with_birthday (fixture, "Lunar Kim", lunar_birthday, TRUE, FALSE);
  dec_28 = add_with_birthday (fixture, "Dec Twenty-Eighth", "2000-12-28", FALSE, FALSE);
  jan_3 = add_with_birthday (fixture, "Jan Third", "1999-01-03", FALSE, FALSE);
  /* The lunar year 2026 has no leap eleventh month: a birthday in one
   * falls on the regular month's day. */
  leap_id = add_with_birthday (fixture, "Leap Twin", lunar_birthday, TRUE, TRUE);
  /* Outside the week, archived, or none at all. */
  add_with_birthday (fixture, "Dec 27", "1990-12-27", FALSE, FALSE);
  add_with_birthday (fixture, "Jan 4", "1990-01-04", FALSE, FALSE);
  dg_customers_set_archived (fixture->db,
                             add_with_birthday (fixture, "Archived", "1990-12-29", FALSE, FALSE),
                             TRUE, &error);
  g_assert_no_error (error);
  dg_test_add_customer (fixture, "No birthday");

  birthdays = dg_birthdays_in_range (fixture->db, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (birthdays->len, ==, 6);

  {
    const gint64 ids[] = { dec_28, dec_30, leap_id, lunar_id, jan_2, jan_3 };
    const char *dates[] = { "2026-12-28", "2026-12-30", "2026-12-31", "2026-12-31", "2027-01-02", "2027-01-03" };

    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        DgBirthday *birthday = g_ptr_array_index (birthdays, i);
        g_autofree char *date = dg_date_format_iso (&birthday->date);

        g_assert_cmpint (birthday->customer_id, ==, ids[i]);
        g_assert_cmpstr (date, ==, dates[i]);
        g_assert_cmpint (birthday->lunar, ==, ids[i] == lunar_id || ids[i] == leap_id);
        g_assert_cmpint (birthday->leap_month, ==, ids[i] == leap_id);
      }
  }
  g_assert_cmpstr (((DgBirthday *) g_ptr_array_index (birthdays, 3))->name, ==, "Lunar Kim");

  g_assert_cmpint (dg_birthdays_count_in_range (fixture->db, &from, &to, &error), ==, 6);
  g_assert_no_error (error);
  g_assert_cmpint (dg_birthdays_count_in_range (fixture->db, &to, &to, &error), ==, 1);
  g_assert_cmpint (dg_birthdays_count_in_range (fixture->db, &to, &from, &error), ==, 0);
}

static GPtrArray *
followups_of (DgFollowupFixture *fixture,
              gint64             customer_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = dg_followups_list_for_customer (fixture->db, customer_id,
                                                    DG_FOLLOWUP_FILTER_ALL, &error);

  g_assert_no_error (error);

  return list;
}

static guint
make_followups (DgFollowupFixture *fixture,
                guint              days_before)
{
  g_autoptr(GError) error = NULL;
  guint n_made = G_MAXUINT;

  g_assert_true (dg_birthdays_make_followups (fixture->db, DG_CLOCK (fixture->clock),
                                              days_before, &n_made, &error));
  g_assert_no_error (error);

  return n_made;
}

/* Made N days before, once, and not again once deleted. */
static void
test_followup_once (DgFollowupFixture *fixture,
                    gconstpointer      data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  DgFollowup *followup;
  gint64 id;

  /* Tuesday 2026-03-10; the birthday is on Sunday the 15th. */
  id = add_with_birthday (fixture, "Park Jiyoung", "1985-03-15", FALSE, FALSE);

  g_assert_cmpuint (make_followups (fixture, 3), ==, 0);
  list = followups_of (fixture, id);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  dg_test_set_now (fixture, 2026, 3, 12, 0, 5);
  g_assert_cmpuint (make_followups (fixture, 3), ==, 1);
  list = followups_of (fixture, id);
  g_assert_cmpuint (list->len, ==, 1);
  followup = g_ptr_array_index (list, 0);
  g_assert_cmpstr (dg_followup_get_title (followup), ==, "Send a birthday message");
  g_assert_cmpstr (dg_followup_get_due_date (followup), ==, "2026-03-12");
  g_assert_cmpstr (dg_followup_get_note (followup), ==, "Birthday on 2026-03-15");
  g_assert_cmpint (dg_followup_get_customer_id (followup), ==, id);

  /* Exactly once. */
  g_assert_cmpuint (make_followups (fixture, 3), ==, 0);
  dg_test_set_now (fixture, 2026, 3, 13, 8, 0);
  g_assert_cmpuint (make_followups (fixture, 3), ==, 0);

  /* Deleted, it stays deleted. */
  dg_followups_delete (fixture->db, dg_followup_get_id (followup), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (make_followups (fixture, 3), ==, 0);
  g_assert_cmpuint (make_followups (fixture, 5), ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = followups_of (fixture, id);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Next year's birthday gets its own. */
  dg_test_set_now (fixture, 2027, 3, 12, 9, 0);
  g_assert_cmpuint (make_followups (fixture, 3), ==, 1);
  list = followups_of (fixture, id);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (dg_followup_get_due_date (g_ptr_array_index (list, 0)), ==, "2027-03-12");
}

/* Turned on (or started) when the birthday is nearer than N days: due
 * today, not in the past. Lunar birthdays get theirs too. */
static void
test_followup_late (DgFollowupFixture *fixture,
                    gconstpointer      data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *lunar_birthday = NULL;
  gint64 solar_id, lunar_id;
  GDate date;
  GDate target = dg_test_date (2026, 3, 13);

  /* The lunar day that is 2026-03-13, three days on. */
  g_assert_true (dg_birthday_in_year ("1970-01-01", TRUE, FALSE, 2026, &date));
  lunar_birthday = g_strdup_printf ("1970-01-%02d",
                                    1 + (int) (g_date_get_julian (&target) - g_date_get_julian (&date)));

  solar_id = add_with_birthday (fixture, "Choi", "1990-03-11", FALSE, FALSE);
  lunar_id = add_with_birthday (fixture, "Jung", lunar_birthday, TRUE, FALSE);

  g_assert_cmpuint (make_followups (fixture, 7), ==, 2);

  list = followups_of (fixture, solar_id);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (dg_followup_get_due_date (g_ptr_array_index (list, 0)), ==, "2026-03-10");
  g_clear_pointer (&list, g_ptr_array_unref);

  list = followups_of (fixture, lunar_id);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (dg_followup_get_due_date (g_ptr_array_index (list, 0)), ==, "2026-03-10");
  g_assert_cmpstr (dg_followup_get_note (g_ptr_array_index (list, 0)), ==, "Birthday on 2026-03-13");

  /* On the day itself, with no days before. */
  dg_test_set_now (fixture, 2027, 3, 11, 9, 0);
  g_assert_cmpuint (make_followups (fixture, 0), ==, 1);
}

/* The keeper makes them at start and when the day changes. */
static void
test_followup_keeper (DgFollowupFixture *fixture,
                      gconstpointer      data)
{
  g_autoptr(DgBirthdayFollowups) keeper = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 id;

  id = add_with_birthday (fixture, "Han", "1990-03-13", FALSE, FALSE);
  keeper = dg_birthday_followups_new (fixture->db, DG_CLOCK (fixture->clock));
  dg_birthday_followups_start (keeper);

  /* Off by default. */
  while (g_main_context_iteration (NULL, FALSE));
  list = followups_of (fixture, id);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_object_set (keeper, "days-before", 2, NULL);
  while (g_main_context_iteration (NULL, FALSE));
  list = followups_of (fixture, id);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  dg_test_set_now (fixture, 2026, 3, 11, 0, 1);
  while (g_main_context_iteration (NULL, FALSE));
  list = followups_of (fixture, id);
  g_assert_cmpuint (list->len, ==, 1);
}

static void
test_customer_round_trip (DgFollowupFixture *fixture,
                          gconstpointer      data)
{
  g_autoptr(DgCustomer) loaded = NULL;
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  /* A lunar 30th of the second month is no solar date, but a lunar one. */
  dg_customer_set_name (customer, "Yoon");
  dg_customer_set_birthday (customer, "1990-02-30");
  g_assert_false (dg_customer_validate_field (customer, DG_CUSTOMER_FIELD_BIRTHDAY, &error));
  g_clear_error (&error);
  dg_customer_set_birthday_lunar (customer, TRUE);
  g_assert_true (dg_customer_validate_field (customer, DG_CUSTOMER_FIELD_BIRTHDAY, &error));
  dg_customer_set_birthday (customer, "1990-02-31");
  g_assert_false (dg_customer_validate_field (customer, DG_CUSTOMER_FIELD_BIRTHDAY, &error));
  g_clear_error (&error);

  id = add_with_birthday (fixture, "Yoon", "1990-06-30", TRUE, TRUE);
  loaded = dg_customers_get (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dg_customer_get_birthday (loaded), ==, "1990-06-30");
  g_assert_true (dg_customer_get_birthday_lunar (loaded));
  g_assert_true (dg_customer_get_birthday_leap_month (loaded));

  /* Back to solar: the leap flag goes with the lunar calendar. */
  dg_customer_set_birthday_lunar (loaded, FALSE);
  dg_customers_update (fixture->db, loaded, &error);
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = dg_customers_get (fixture->db, id, &error);
  g_assert_false (dg_customer_get_birthday_lunar (loaded));
  g_assert_false (dg_customer_get_birthday_leap_month (loaded));
}

/* Undo of a delete brings the calendar, the leap month and the follow-up
 * already made back with the customer: no second follow-up. */
static void
test_undo_delete (DgFollowupFixture *fixture,
                  gconstpointer      data)
{
  g_autoptr(DgCustomerSnapshot) snapshot = NULL;
  g_autoptr(DgCustomer) restored = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  /* Lunar 2/1 of 2026 is 2026-03-19; with 9 days before, due today. */
  id = add_with_birthday (fixture, "Kang", "1980-02-01", TRUE, TRUE);
  g_assert_cmpuint (make_followups (fixture, 9), ==, 1);

  snapshot = dg_customers_take_snapshot (fixture->db, id, &error);
  g_assert_no_error (error);
  dg_customers_delete (fixture->db, id, &error);
  g_assert_no_error (error);
  dg_customer_snapshot_restore (fixture->db, snapshot, &error);
  g_assert_no_error (error);
  id = dg_customer_get_id (dg_customer_snapshot_get_customer (snapshot));

  restored = dg_customers_get (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dg_customer_get_birthday (restored), ==, "1980-02-01");
  g_assert_true (dg_customer_get_birthday_lunar (restored));
  g_assert_true (dg_customer_get_birthday_leap_month (restored));

  g_assert_cmpuint (make_followups (fixture, 9), ==, 0);
  list = followups_of (fixture, id);
  g_assert_cmpuint (list->len, ==, 1);
}

/* A database of version 4 gains the lunar columns; its birthdays stay
 * solar and nothing else changes. */
static void
test_migration_from_4 (void)
{
  g_autofree char *path = dg_test_temp_path ("version-4.db");
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(DgCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) birthdays = NULL;
  sqlite3 *handle = NULL;
  char *message = NULL;
  GDate day = dg_test_date (2026, 4, 12);

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (dg_search_pieces_register (handle), ==, SQLITE_OK);
  for (int version = 1; version <= 4; version++)
    g_string_append (sql, dg_migration_sql (version));
  g_string_append_printf (sql,
                          "INSERT INTO customers (uuid, name, birthday, created_at, updated_at) "
                          "VALUES ('9b6c1a52-0000-4000-8000-000000000001', 'Kim Minsu', "
                          "        '1988-04-12', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
                          "PRAGMA application_id = %d; PRAGMA user_version = 4;",
                          DG_DATABASE_APPLICATION_ID);
  if (sqlite3_exec (handle, sql->str, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);

  db = dg_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dg_database_get_schema_version (db), ==, DG_DATABASE_SCHEMA_VERSION);

  customer = dg_customers_get_by_uuid (db, "9b6c1a52-0000-4000-8000-000000000001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dg_customer_get_birthday (customer), ==, "1988-04-12");
  g_assert_false (dg_customer_get_birthday_lunar (customer));
  g_assert_false (dg_customer_get_birthday_leap_month (customer));

  birthdays = dg_birthdays_in_range (db, &day, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (birthdays->len, ==, 1);
  g_assert_false (((DgBirthday *) g_ptr_array_index (birthdays, 0))->lunar);
}

#define FIRST_YEAR 2019
#define LAST_YEAR  2027

/* Checks that the range lists exactly the birthdays whose day in some
 * year, as dg_birthday_in_year() gave it (@when, LAST_YEAR - FIRST_YEAR
 * + 1 days per customer of @ids), falls in it. */
static void
assert_range_like_each_year (DgFollowupFixture *fixture,
                             GArray            *ids,
                             GArray            *when,
                             const GDate       *from,
                             const GDate       *to)
{
  g_autoptr(GPtrArray) birthdays = NULL;
  g_autoptr(GError) error = NULL;
  guint n_expected = 0;

  birthdays = dg_birthdays_in_range (fixture->db, from, to, &error);
  g_assert_no_error (error);

  for (guint c = 0; c < ids->len; c++)
    for (int year = g_date_get_year (from) - 1; year <= g_date_get_year (to); year++)
      {
        guint32 julian = g_array_index (when, guint32, c * (LAST_YEAR - FIRST_YEAR + 1) + (year - FIRST_YEAR));
        gboolean found = FALSE;

        if (julian < g_date_get_julian (from) || julian > g_date_get_julian (to))
          continue;

        n_expected++;
        for (guint b = 0; b < birthdays->len && !found; b++)
          {
            DgBirthday *birthday = g_ptr_array_index (birthdays, b);

            found = birthday->customer_id == g_array_index (ids, gint64, c)
                    && g_date_get_julian (&birthday->date) == julian;
          }
        g_assert_true (found);
      }

  g_assert_cmpuint (birthdays->len, ==, n_expected);
}

/* Every lunar month with and without its leap flag, on days 1, 15, 29
 * and 30: a range lists each on the days dg_birthday_in_year() gives in
 * the years the range touches and the year before (whose last lunar
 * months reach into the next), for weeks all through years with and
 * without leap months, over the ends of lunar months and years, and for
 * ranges of a day, a month and more than a year. */
static void
test_range_lunar_like_each_year (DgFollowupFixture *fixture,
                                 gconstpointer      data)
{
  static const int days[] = { 1, 15, 29, 30 };
  static const struct { int year, month, day, n_days; } ranges[] = {
    { 2020, 1, 1, 1 }, { 2020, 12, 30, 400 }, { 2023, 2, 10, 45 },
    { 2025, 6, 20, 40 }, { 2026, 2, 16, 1 }, { 2027, 1, 1, 30 },
  };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) when = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint month = 1; month <= 12; month++)
    for (guint leap = 0; leap <= 1; leap++)
      for (guint i = 0; i < G_N_ELEMENTS (days); i++)
        {
          g_autofree char *birthday = g_strdup_printf ("1970-%02u-%02d", month, days[i]);
          g_autofree char *name = g_strdup_printf ("%s%s", birthday, leap ? " leap" : "");
          gint64 id = add_with_birthday (fixture, name, birthday, TRUE, leap);

          g_array_append_val (ids, id);
          for (int year = FIRST_YEAR; year <= LAST_YEAR; year++)
            {
              GDate date;
              guint32 julian;

              g_assert_true (dg_birthday_in_year (birthday, TRUE, leap, year, &date));
              julian = g_date_get_julian (&date);
              g_array_append_val (when, julian);
            }
        }

  /* A week starting every nine days, from 2020 through 2026. */
  for (int i = 0; i < 7 * 365 / 9; i++)
    {
      GDate from = dg_test_date (2020, 1, 5);
      GDate to;

      g_date_add_days (&from, i * 9);
      to = from;
      g_date_add_days (&to, 6);
      assert_range_like_each_year (fixture, ids, when, &from, &to);
    }

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    {
      GDate from = dg_test_date (ranges[r].year, ranges[r].month, ranges[r].day);
      GDate to = from;

      g_date_add_days (&to, ranges[r].n_days - 1);
      assert_range_like_each_year (fixture, ids, when, &from, &to);
    }
}

/* The first rows of a range are those dg_birthdays_in_range() lists
 * first, and the total is how many it lists: for every count asked, over
 * a week where several share a day, across calendars and names that sort
 * by collation. */
static void
test_range_first (DgFollowupFixture *fixture,
                  gconstpointer      data)
{
  static const char *names[] = { "나은", "Bob", "가영", "alice", "다인", "Émile", "Zoe", "박", "Chris" };
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  GDate from = dg_test_date (2026, 12, 28);
  GDate to = dg_test_date (2027, 1, 3);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *birthday = g_strdup_printf ("1990-%s", (const char *[]) { "12-28", "12-30", "01-02" }[i % 3]);

      add_with_birthday (fixture, names[i], birthday, FALSE, FALSE);
    }
  add_with_birthday (fixture, "Lunar", "1970-11-20", TRUE, FALSE);
  add_with_birthday (fixture, "Outside", "1990-06-01", FALSE, FALSE);

  all = dg_birthdays_in_range (fixture->db, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >=, G_N_ELEMENTS (names));

  for (guint max = 0; max <= all->len + 1; max++)
    {
      g_autoptr(GPtrArray) first = NULL;
      guint total = 0;

      first = dg_birthdays_first_in_range (fixture->db, &from, &to, max, &total, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (total, ==, all->len);
      g_assert_cmpuint (first->len, ==, MIN (max, all->len));
      for (guint i = 0; i < first->len; i++)
        {
          DgBirthday *a = g_ptr_array_index (first, i);
          DgBirthday *b = g_ptr_array_index (all, i);

          g_assert_cmpint (a->customer_id, ==, b->customer_id);
          g_assert_cmpint (g_date_compare (&a->date, &b->date), ==, 0);
        }
    }

  g_assert_cmpint (dg_birthdays_count_in_range (fixture->db, &from, &to, &error), ==, (int) all->len);
}

/* A week's birthdays are read through the index, not a scan of everyone. */
static void
test_range_uses_index (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autofree char *plan = NULL;

  plan = dg_test_query_plan (db,
                             "SELECT id, name, substr (birthday, 6) FROM customers "
                             "WHERE birthday IS NOT NULL AND archived = 0 "
                             "  AND birthday_calendar = 'solar' AND birthday_leap = 0 "
                             "  AND substr (birthday, 6) IN (SELECT value FROM json_each ('[\"01-02\"]'))");
  g_assert_nonnull (strstr (plan, "customers_by_birthday"));
}

#define ADD_FIXTURE(path, func) \
  g_test_add (path, DgFollowupFixture, NULL, dg_followup_fixture_set_up, func, dg_followup_fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/birthdays/lunar/public-dates", test_lunar_public_dates);
  g_test_add_func ("/birthdays/lunar/leap-month-missing", test_lunar_leap_month_missing);
  g_test_add_func ("/birthdays/lunar/missing-30th", test_lunar_missing_30th);
  g_test_add_func ("/birthdays/solar/february-29", test_solar_february_29);
  g_test_add_func ("/birthdays/next-occurrence", test_next_occurrence);
  ADD_FIXTURE ("/birthdays/range/across-new-year", test_range_across_new_year);
  ADD_FIXTURE ("/birthdays/range/lunar-like-each-year", test_range_lunar_like_each_year);
  ADD_FIXTURE ("/birthdays/range/first", test_range_first);
  g_test_add_func ("/birthdays/range/uses-index", test_range_uses_index);
  ADD_FIXTURE ("/birthdays/followups/once", test_followup_once);
  ADD_FIXTURE ("/birthdays/followups/late", test_followup_late);
  ADD_FIXTURE ("/birthdays/followups/keeper", test_followup_keeper);
  ADD_FIXTURE ("/birthdays/customer/round-trip", test_customer_round_trip);
  ADD_FIXTURE ("/birthdays/customer/undo-delete", test_undo_delete);
  g_test_add_func ("/birthdays/migration-from-4", test_migration_from_4);

  return g_test_run ();
}
