/* dg-birthdays-private.h
 *
 * What the birthday files (dg-birthdays.c, dg-birthdays-range.c) share:
 * the pair of ICU calendars that turns lunar dates into solar ones.
 */
#pragma once

#include <glib.h>
#include <unicode/ucal.h>

G_BEGIN_DECLS

#define N_LUNAR_MONTHS 12
#define LUNAR_MAX_DAY  30

/* ICU's Korean calendar (dangi) and a Gregorian one, both in UTC. */
typedef struct
{
  UCalendar *dangi;
  UCalendar *gregorian;
} Converter;

/* Opens both calendars; FALSE (with a warning) when ICU has no dangi. */
gboolean _dg_birthdays_converter_init  (Converter *converter);
void     _dg_birthdays_converter_clear (Converter *converter);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Converter, _dg_birthdays_converter_clear)

/* Day @day of solar month @month in @year; February 29 falls on the 28th
 * in a common year. */
gboolean _dg_birthday_solar_in_year    (guint      month,
                                        guint      day,
                                        int        year,
                                        GDate     *out_date);

G_END_DECLS
