/* dg-date-names.h
 *
 * Names of weekdays and the first day of the week, for the calendar and
 * anything else that writes days for people. The names come from Dangol's
 * own translations rather than from LC_TIME, so that a Korean interface
 * says 월요일 even where no Korean locale is installed; the first day of
 * the week comes from the locale (LC_TIME), as GNOME Calendar reads it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "Monday", or "Mon" when @abbreviated, translated; "" for a bad day. */
const char   *dg_date_names_weekday            (GDateWeekday  weekday,
                                                gboolean      abbreviated);
/* The first day of the week in the current LC_TIME locale. */
GDateWeekday  dg_date_names_get_first_weekday  (void);
/* The first day of the week from glibc's locale data: @first_weekday is
 * _NL_TIME_FIRST_WEEKDAY (1 is the first day of the list), @week_1stday
 * is _NL_TIME_WEEK_1STDAY (19971130, a Sunday, or 19971201, a Monday,
 * the day the list starts on). */
GDateWeekday  dg_date_names_first_weekday_from_langinfo (int    first_weekday,
                                                         guint  week_1stday);
/* @datetime written with g_date_time_format() codes, except that %A and
 * %a are the translated weekday names above. */
char         *dg_date_names_format             (GDateTime    *datetime,
                                                const char   *format);

/* A day as the title of its agenda, e.g. "Tuesday, November 24". */
char         *dg_date_names_format_day         (const GDate  *date);
/* The month and year of @date, e.g. "November 2026". */
char         *dg_date_names_format_month       (const GDate  *date);

G_END_DECLS
