/* dg-birthdays.h
 *
 * Customers' birthdays, solar or lunar (음력), as days of the solar
 * calendar: when each one falls this year, who has one in a range of days
 * (Today's "Birthdays this week", the morning agenda), and the "send a
 * birthday message" follow-ups made a set number of days before.
 *
 * A birthday is stored as "YYYY-MM-DD". A lunar one holds the Korean lunar
 * year, month and day, plus whether the month is a leap month (윤달); its
 * year is the lunar year that begins in the solar year of the same number.
 * Lunar dates are converted with ICU's Korean calendar (dangi).
 *
 * A birthday's day in a year, when that day does not exist that year:
 *   - solar February 29 falls on February 28 in a common year;
 *   - a lunar leap month that the year does not have falls in the regular
 *     month of that number;
 *   - a lunar 30th in a month of 29 days falls on that month's last day.
 *
 * Ages are never computed here: the birth year only places a lunar date.
 */
#pragma once

#include "dg-clock.h"
#include "dg-database.h"

G_BEGIN_DECLS

/* The solar date of the birthday @birthday ("YYYY-MM-DD", lunar when
 * @lunar, in a leap month when @leap_month) in @year: for a lunar one, in
 * the lunar year that begins in solar year @year, so it may fall early in
 * @year + 1. FALSE when @birthday is no birthday. */
gboolean    dg_birthday_in_year           (const char   *birthday,
                                           gboolean      lunar,
                                           gboolean      leap_month,
                                           int           year,
                                           GDate        *out_date);
/* The first day on or after @from that is the birthday. */
gboolean    dg_birthday_next_occurrence   (const char   *birthday,
                                           gboolean      lunar,
                                           gboolean      leap_month,
                                           const GDate  *from,
                                           GDate        *out_date);
/* Reads a lunar date as typed: a year of four digits, a month and a day in
 * that order, with any separators ("1990-02-30", "1990. 2. 30.",
 * "1990년 2월 30일"). Checks the ranges a lunar date can have (months 1 to
 * 12, days 1 to 30); on failure sets @error (DG_ERROR_INVALID_FIELD). */
char       *dg_birthday_parse_lunar       (const char   *text,
                                           GError      **error);

typedef struct
{
  gint64    customer_id;
  char     *name;
  /* The solar day it falls on. */
  GDate     date;
  gboolean  lunar;
  gboolean  leap_month;
} DgBirthday;

void        dg_birthday_free              (DgBirthday   *birthday);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgBirthday, dg_birthday_free)

/* The birthdays of customers not archived that fall from @from to @to
 * (both included), as DgBirthday, ordered by day, then name. A range
 * longer than a year lists a birthday once for each time it falls. */
GPtrArray  *dg_birthdays_in_range         (DgDatabase   *db,
                                           const GDate  *from,
                                           const GDate  *to,
                                           GError      **error);
/* The first @max_listed of what dg_birthdays_in_range() lists, and in
 * @out_total how many it lists, without reading the others: they are
 * counted through the birthday index. */
GPtrArray  *dg_birthdays_first_in_range   (DgDatabase   *db,
                                           const GDate  *from,
                                           const GDate  *to,
                                           guint         max_listed,
                                           guint        *out_total,
                                           GError      **error);
/* How many dg_birthdays_in_range() lists; -1 with @error set on failure. */
int         dg_birthdays_count_in_range   (DgDatabase   *db,
                                           GDate        *from,
                                           GDate        *to,
                                           GError      **error);

/* Makes the "send a birthday message" follow-up of every customer whose
 * birthday falls within @days_before days from today (the clock's), due
 * @days_before days before the birthday (today when that has passed).
 * Each customer gets one for each birthday: one made before, even deleted
 * since, is not made again. Sets @n_made to how many were made. */
gboolean    dg_birthdays_make_followups   (DgDatabase   *db,
                                           DgClock      *clock,
                                           guint         days_before,
                                           guint        *n_made,
                                           GError      **error);

G_END_DECLS
