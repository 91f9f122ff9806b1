/* dg-recurrence.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "dg-recurrence.h"

#define SECONDS_PER_DAY 86400
#define MAX_YEAR        9999

G_DEFINE_ENUM_TYPE (DgRecurrenceUnit, dg_recurrence_unit,
                    G_DEFINE_ENUM_VALUE (DG_RECURRENCE_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (DG_RECURRENCE_DAYS, "day"),
                    G_DEFINE_ENUM_VALUE (DG_RECURRENCE_WEEKS, "week"),
                    G_DEFINE_ENUM_VALUE (DG_RECURRENCE_MONTHS, "month"))

static const char * const unit_names[] = { "none", "day", "week", "month" };

const char *
dg_recurrence_unit_to_string (DgRecurrenceUnit unit)
{
  g_return_val_if_fail (unit <= DG_RECURRENCE_MONTHS, "none");

  return unit_names[unit];
}

gboolean
dg_recurrence_unit_from_string (const char       *text,
                                DgRecurrenceUnit *out_unit)
{
  for (guint i = 0; i < G_N_ELEMENTS (unit_names); i++)
    {
      if (g_strcmp0 (text, unit_names[i]) == 0)
        {
          *out_unit = (DgRecurrenceUnit) i;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
parse_digits (const char *text,
              guint       len,
              guint      *out_value)
{
  guint value = 0;

  for (guint i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }

  *out_value = value;

  return TRUE;
}

/* Reads "YYYY-MM-DD" at the start of @text. */
static gboolean
parse_date_prefix (const char *text,
                   GDate      *out_date)
{
  guint year, month, day;

  if (text == NULL || strlen (text) < 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  if (!parse_digits (text, 4, &year)
      || !parse_digits (text + 5, 2, &month)
      || !parse_digits (text + 8, 2, &day))
    return FALSE;

  if (year < 1 || year > MAX_YEAR || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, day, month, year);

  return TRUE;
}

gboolean
dg_recurrence_parse_date (const char *text,
                          GDate      *out_date)
{
  g_return_val_if_fail (out_date != NULL, FALSE);

  return text != NULL && strlen (text) == 10 && parse_date_prefix (text, out_date);
}

char *
dg_recurrence_format_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

gboolean
dg_recurrence_parse_anchor (const char *text,
                            GDate      *out_date,
                            int        *out_seconds)
{
  guint hour, minute, second;

  g_return_val_if_fail (out_date != NULL, FALSE);
  g_return_val_if_fail (out_seconds != NULL, FALSE);

  if (!parse_date_prefix (text, out_date))
    return FALSE;

  if (text[10] == '\0')
    {
      *out_seconds = -1;
      return TRUE;
    }

  if (strlen (text) != 19 || text[10] != 'T' || text[13] != ':' || text[16] != ':'
      || !parse_digits (text + 11, 2, &hour)
      || !parse_digits (text + 14, 2, &minute)
      || !parse_digits (text + 17, 2, &second)
      || hour > 23 || minute > 59 || second > 59)
    return FALSE;

  *out_seconds = hour * 3600 + minute * 60 + second;

  return TRUE;
}

char *
dg_recurrence_format_anchor (const GDate *date,
                             int          seconds)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (seconds < SECONDS_PER_DAY, NULL);

  day = dg_recurrence_format_date (date);
  if (seconds < 0)
    return g_steal_pointer (&day);

  return g_strdup_printf ("%sT%02d:%02d:%02d", day,
                          seconds / 3600, (seconds / 60) % 60, seconds % 60);
}

/* Days from 1970-01-01 to @date. */
static gint64
days_since_epoch (const GDate *date)
{
  static guint32 epoch_julian;

  if (epoch_julian == 0)
    {
      GDate epoch;

      g_date_clear (&epoch, 1);
      g_date_set_dmy (&epoch, 1, G_DATE_JANUARY, 1970);
      epoch_julian = g_date_get_julian (&epoch);
    }

  return (gint64) g_date_get_julian (date) - epoch_julian;
}

static gint32
offset_at (GTimeZone *tz,
           gint64     unix_time)
{
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, unix_time);

  return g_time_zone_get_offset (tz, interval);
}

GDateTime *
dg_recurrence_local_time (GTimeZone   *tz,
                          const GDate *date,
                          int          seconds)
{
  g_autoptr(GDateTime) utc = NULL;
  gint64 wall;
  gint32 offsets[2];
  gint64 chosen = G_MAXINT64;

  g_return_val_if_fail (tz != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (seconds >= 0 && seconds < SECONDS_PER_DAY, NULL);

  if (g_date_get_year (date) > MAX_YEAR)
    return NULL;

  /* The wall-clock reading as if it were UTC; a real instant is that minus
   * an offset the zone has at that instant. Offsets a day either side
   * bracket any one change. */
  wall = days_since_epoch (date) * SECONDS_PER_DAY + seconds;
  offsets[0] = offset_at (tz, wall - SECONDS_PER_DAY);
  offsets[1] = offset_at (tz, wall + SECONDS_PER_DAY);

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      gint64 candidate = wall - offsets[i];

      /* Twice valid: the clocks fell back; take the first. */
      if (offset_at (tz, candidate) == offsets[i] && candidate < chosen)
        chosen = candidate;
    }

  /* Never valid: the clocks sprang forward over it; read it with the
   * offset from before the gap. */
  if (chosen == G_MAXINT64)
    chosen = wall - offsets[0];

  utc = g_date_time_new_from_unix_utc (chosen);
  if (utc == NULL)
    return NULL;

  return g_date_time_to_timezone (utc, tz);
}

GDateTime *
dg_recurrence_day_start (GTimeZone   *tz,
                         const GDate *date)
{
  return dg_recurrence_local_time (tz, date, 0);
}

void
dg_recurrence_local_date (GDateTime *time,
                          GTimeZone *tz,
                          GDate     *out_date)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_if_fail (time != NULL);
  g_return_if_fail (tz != NULL);
  g_return_if_fail (out_date != NULL);

  local = g_date_time_to_timezone (time, tz);
  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date,
                  g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

int
dg_recurrence_local_seconds (GDateTime *time,
                             GTimeZone *tz)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, 0);
  g_return_val_if_fail (tz != NULL, 0);

  local = g_date_time_to_timezone (time, tz);

  return g_date_time_get_hour (local) * 3600
         + g_date_time_get_minute (local) * 60
         + g_date_time_get_second (local);
}

gboolean
dg_recurrence_nth_date (const GDate      *anchor,
                        DgRecurrenceUnit  unit,
                        guint             interval,
                        guint             n,
                        GDate            *out_date)
{
  guint64 steps;

  g_return_val_if_fail (anchor != NULL && g_date_valid (anchor), FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);

  steps = (guint64) interval * n;
  g_date_clear (out_date, 1);

  switch (unit)
    {
    case DG_RECURRENCE_NONE:
      *out_date = *anchor;
      return n == 0;

    case DG_RECURRENCE_DAYS:
    case DG_RECURRENCE_WEEKS:
      {
        guint64 julian = g_date_get_julian (anchor)
                         + steps * (unit == DG_RECURRENCE_WEEKS ? 7 : 1);
        GDate last;

        g_date_clear (&last, 1);
        g_date_set_dmy (&last, 31, G_DATE_DECEMBER, MAX_YEAR);
        if (julian > g_date_get_julian (&last))
          return FALSE;

        g_date_set_julian (out_date, (guint32) julian);
        return TRUE;
      }

    case DG_RECURRENCE_MONTHS:
      {
        guint64 months = (guint64) g_date_get_year (anchor) * 12
                         + (g_date_get_month (anchor) - 1) + steps;
        guint year = months / 12;
        guint month = months % 12 + 1;
        guint8 day;

        if (months / 12 > MAX_YEAR)
          return FALSE;

        /* The anchor's day of the month, or the month's last day. */
        day = MIN (g_date_get_day (anchor), g_date_get_days_in_month (month, year));
        g_date_set_dmy (out_date, day, month, year);
        return TRUE;
      }

    default:
      g_return_val_if_reached (FALSE);
    }
}

/* An occurrence index at or before the first one after @after. */
static guint
first_candidate (const GDate      *anchor,
                 DgRecurrenceUnit  unit,
                 guint             interval,
                 const GDate      *after)
{
  gint64 distance;

  if (g_date_compare (after, anchor) < 0)
    return 0;

  if (unit == DG_RECURRENCE_MONTHS)
    distance = ((gint64) g_date_get_year (after) * 12 + g_date_get_month (after))
               - ((gint64) g_date_get_year (anchor) * 12 + g_date_get_month (anchor));
  else
    distance = ((gint64) g_date_get_julian (after) - g_date_get_julian (anchor))
               / (unit == DG_RECURRENCE_WEEKS ? 7 : 1);

  return distance / interval;
}

gboolean
dg_recurrence_next_date (const GDate      *anchor,
                         DgRecurrenceUnit  unit,
                         guint             interval,
                         const GDate      *after,
                         GDate            *out_date)
{
  g_return_val_if_fail (anchor != NULL && g_date_valid (anchor), FALSE);
  g_return_val_if_fail (after != NULL && g_date_valid (after), FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);

  if (unit == DG_RECURRENCE_NONE || interval == 0)
    return FALSE;

  for (guint n = first_candidate (anchor, unit, interval, after); ; n++)
    {
      if (!dg_recurrence_nth_date (anchor, unit, interval, n, out_date))
        return FALSE;
      if (g_date_compare (out_date, after) > 0)
        return TRUE;
    }
}

GDateTime *
dg_recurrence_next_time (GTimeZone        *tz,
                         const GDate      *anchor,
                         int               seconds,
                         DgRecurrenceUnit  unit,
                         guint             interval,
                         GDateTime        *after)
{
  GDate after_date;
  guint n;

  g_return_val_if_fail (tz != NULL, NULL);
  g_return_val_if_fail (anchor != NULL && g_date_valid (anchor), NULL);
  g_return_val_if_fail (seconds >= 0 && seconds < SECONDS_PER_DAY, NULL);
  g_return_val_if_fail (after != NULL, NULL);

  if (unit == DG_RECURRENCE_NONE || interval == 0)
    return NULL;

  /* Start one occurrence early: a time resolved past a gap may cross
   * midnight into the date after its own. */
  dg_recurrence_local_date (after, tz, &after_date);
  n = first_candidate (anchor, unit, interval, &after_date);
  if (n > 0)
    n--;

  for (; ; n++)
    {
      g_autoptr(GDateTime) time = NULL;
      GDate date;

      if (!dg_recurrence_nth_date (anchor, unit, interval, n, &date))
        return NULL;

      time = dg_recurrence_local_time (tz, &date, seconds);
      if (time == NULL)
        return NULL;
      if (g_date_time_compare (time, after) > 0)
        return g_steal_pointer (&time);
    }
}
