/* dg-format.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "dg-format.h"

static const char *
date_format (void)
{
  /* Translators: how a day is written in lists and on the customer page,
   * in g_date_time_format() notation: %Y year, %-m month number, %b short
   * month name, %-d day of the month. Korean would use "%Y년 %-m월 %-d일". */
  return _("%b %-d, %Y");
}

char *
dg_format_date (GDateTime *datetime,
                GTimeZone *tz)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (tz != NULL, NULL);

  if (datetime == NULL)
    return NULL;

  local = g_date_time_to_timezone (datetime, tz);

  return g_date_time_format (local, date_format ());
}

char *
dg_format_date_time (GDateTime *datetime,
                     GTimeZone *tz)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (tz != NULL, NULL);

  if (datetime == NULL)
    return NULL;

  local = g_date_time_to_timezone (datetime, tz);

  /* Translators: a day and a time of day, in g_date_time_format()
   * notation: %H hours (00-23), %M minutes; the other codes are as in
   * the date format. Korean would use "%Y년 %-m월 %-d일 %H:%M". */
  return g_date_time_format (local, _("%b %-d, %Y, %H:%M"));
}

char *
dg_format_iso_date (const char *iso_date)
{
  g_autoptr(GDateTime) datetime = NULL;
  int year, month, day;

  if (iso_date == NULL || sscanf (iso_date, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return NULL;

  if (!g_date_valid_dmy (day, month, year))
    return NULL;

  /* A birthday has no time zone: format it as the day itself, in UTC. */
  datetime = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (datetime == NULL)
    return NULL;

  return g_date_time_format (datetime, date_format ());
}

char *
dg_format_path (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize len = strlen (home);

  g_return_val_if_fail (path != NULL, NULL);

  if (len > 1 && g_str_has_prefix (path, home) && path[len] == G_DIR_SEPARATOR)
    {
      g_autofree char *rest = g_filename_display_name (path + len);

      return g_strconcat ("~", rest, NULL);
    }

  return g_filename_display_name (path);
}
