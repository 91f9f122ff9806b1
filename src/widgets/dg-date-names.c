/* dg-date-names.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>

#include "dg-date-names.h"

const char *
dg_date_names_weekday (GDateWeekday weekday,
                       gboolean     abbreviated)
{
  switch (weekday)
    {
    case G_DATE_MONDAY:
      return abbreviated ? C_("weekday abbreviation", "Mon") : C_("weekday", "Monday");
    case G_DATE_TUESDAY:
      return abbreviated ? C_("weekday abbreviation", "Tue") : C_("weekday", "Tuesday");
    case G_DATE_WEDNESDAY:
      return abbreviated ? C_("weekday abbreviation", "Wed") : C_("weekday", "Wednesday");
    case G_DATE_THURSDAY:
      return abbreviated ? C_("weekday abbreviation", "Thu") : C_("weekday", "Thursday");
    case G_DATE_FRIDAY:
      return abbreviated ? C_("weekday abbreviation", "Fri") : C_("weekday", "Friday");
    case G_DATE_SATURDAY:
      return abbreviated ? C_("weekday abbreviation", "Sat") : C_("weekday", "Saturday");
    case G_DATE_SUNDAY:
      return abbreviated ? C_("weekday abbreviation", "Sun") : C_("weekday", "Sunday");
    case G_DATE_BAD_WEEKDAY:
    default:
      return "";
    }
}

GDateWeekday
dg_date_names_first_weekday_from_langinfo (int   first_weekday,
                                           guint week_1stday)
{
  int list_start;
  int day;

  /* The list of days starts on a known Sunday or Monday; anything else
   * is data this code does not understand, and Sunday is then as good a
   * guess as any. */
  if (week_1stday == 19971201)
    list_start = 1;
  else
    list_start = 0;

  if (first_weekday < 1 || first_weekday > 7)
    first_weekday = 1;

  /* 0 is Sunday here, as in struct tm. */
  day = (list_start + first_weekday - 1) % 7;

  return day == 0 ? G_DATE_SUNDAY : (GDateWeekday)day;
}

GDateWeekday
dg_date_names_get_first_weekday (void)
{
#if defined(__GLIBC__)
  int first_weekday = nl_langinfo (_NL_TIME_FIRST_WEEKDAY)[0];
  /* glibc hands this one out as a number in place of the string pointer. */
  guint week_1stday = (guint)(guintptr)nl_langinfo (_NL_TIME_WEEK_1STDAY);

  return dg_date_names_first_weekday_from_langinfo (first_weekday, week_1stday);
#else
  return G_DATE_MONDAY;
#endif
}

static void
append_escaped (GString    *string,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%')
        g_string_append_c (string, '%');
      g_string_append_c (string, *p);
    }
}

char *
dg_date_names_format (GDateTime  *datetime,
                      const char *format)
{
  g_autoptr(GString) expanded = NULL;
  GDateWeekday weekday;

  g_return_val_if_fail (datetime != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  weekday = (GDateWeekday)g_date_time_get_day_of_week (datetime);
  expanded = g_string_new (NULL);

  for (const char *p = format; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] == 'A')
        {
          append_escaped (expanded, dg_date_names_weekday (weekday, FALSE));
          p++;
        }
      else if (p[0] == '%' && p[1] == 'a')
        {
          append_escaped (expanded, dg_date_names_weekday (weekday, TRUE));
          p++;
        }
      else if (p[0] == '%' && p[1] != '\0')
        {
          /* Every other code, %% included, is g_date_time_format()'s. */
          g_string_append_len (expanded, p, 2);
          p++;
        }
      else
        {
          g_string_append_c (expanded, *p);
        }
    }

  return g_date_time_format (datetime, expanded->str);
}

static GDateTime *
date_to_date_time (const GDate *date)
{
  /* A calendar day has no zone: written as the day itself, in UTC. */
  return g_date_time_new_utc (g_date_get_year (date),
                              g_date_get_month (date),
                              g_date_get_day (date),
                              12, 0, 0);
}

char *
dg_date_names_format_day (const GDate *date)
{
  g_autoptr(GDateTime) datetime = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  datetime = date_to_date_time (date);

  /* Translators: a day as the title of its agenda in the calendar, in
   * g_date_time_format() notation: %A the weekday's name, %B the month's
   * name, %-m the month's number, %-d the day of the month. Korean would
   * use "%-m월 %-d일 %A". */
  return dg_date_names_format (datetime, C_("day title", "%A, %B %-d"));
}

char *
dg_date_names_format_month (const GDate *date)
{
  g_autoptr(GDateTime) datetime = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  datetime = date_to_date_time (date);

  /* Translators: the month shown by the calendar, in g_date_time_format()
   * notation: %B the month's name, %-m its number, %Y the year. Korean
   * would use "%Y년 %-m월". */
  return dg_date_names_format (datetime, _("%B %Y"));
}
