/* dg-recurrence.h
 *
 * Calendar arithmetic for follow-ups, kept apart so that it can be tested on
 * its own: local wall-clock times in a time zone, the start of a local day,
 * and the dates and times of a repeating series.
 *
 * A series is described by its anchor, the local date (and, for an item
 * with a time, the local wall-clock time) of its first occurrence, and
 * "every N days / weeks / months". Occurrence n is always computed from the
 * anchor, never from the occurrence before it, so nothing drifts:
 *
 *  - Days and weeks are calendar days: the wall-clock time stays the same
 *    across daylight saving changes (9:00 stays 9:00 in America/New_York in
 *    March and November), so the real interval is then 23 or 25 hours.
 *  - Months keep the anchor's day of the month and clamp it to the month's
 *    last day: an anchor on Jan 31 gives Feb 28 (Feb 29 in a leap year), then
 *    Mar 31, Apr 30. An anchor on Feb 29 every 12 months gives Feb 28 in
 *    common years and Feb 29 again in the next leap year.
 *  - A wall-clock time that does not exist on a given day (02:30 on the day
 *    clocks spring forward) is read with the UTC offset from before the gap,
 *    as RFC 5545 does, so it lands as far past the gap as it was into it:
 *    02:30 becomes 03:30 that day, and the next day is 02:30 again. A
 *    wall-clock time that happens twice (01:30 on the day clocks fall back)
 *    is the first of the two, in daylight time.
 *
 * Dates are GDates (day, month, year in the proleptic Gregorian calendar,
 * years 1 to 9999); text forms are "YYYY-MM-DD" and, for a wall-clock
 * anchor, "YYYY-MM-DDTHH:MM:SS" with no zone.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  DG_RECURRENCE_NONE,
  DG_RECURRENCE_DAYS,
  DG_RECURRENCE_WEEKS,
  DG_RECURRENCE_MONTHS,
} DgRecurrenceUnit;

#define DG_TYPE_RECURRENCE_UNIT (dg_recurrence_unit_get_type ())
GType        dg_recurrence_unit_get_type     (void);

/* The largest N of "every N units" that follow-ups accept. */
#define DG_RECURRENCE_MAX_INTERVAL 999

/* "none", "day", "week" or "month", as stored. */
const char  *dg_recurrence_unit_to_string    (DgRecurrenceUnit  unit);
gboolean     dg_recurrence_unit_from_string  (const char       *text,
                                              DgRecurrenceUnit *out_unit);

/* "YYYY-MM-DD" of a real date between years 1 and 9999. */
gboolean     dg_recurrence_parse_date        (const char       *text,
                                              GDate            *out_date);
char        *dg_recurrence_format_date       (const GDate      *date);
/* "YYYY-MM-DD" (sets *out_seconds to -1) or "YYYY-MM-DDTHH:MM:SS". */
gboolean     dg_recurrence_parse_anchor      (const char       *text,
                                              GDate            *out_date,
                                              int              *out_seconds);
/* @seconds into the day, or -1 for a date alone. */
char        *dg_recurrence_format_anchor     (const GDate      *date,
                                              int               seconds);

/* The instant at wall-clock @seconds (0 to 86399) into @date in @tz,
 * resolving gaps and repeats as described above; in @tz. NULL when the
 * date is out of range. */
GDateTime   *dg_recurrence_local_time        (GTimeZone        *tz,
                                              const GDate      *date,
                                              int               seconds);
/* The first instant of @date in @tz (its local midnight, or the end of a
 * gap that swallows midnight). */
GDateTime   *dg_recurrence_day_start         (GTimeZone        *tz,
                                              const GDate      *date);
/* The local date of @time in @tz. */
void         dg_recurrence_local_date        (GDateTime        *time,
                                              GTimeZone        *tz,
                                              GDate            *out_date);
/* Seconds since local midnight of @time's wall clock in @tz. */
int          dg_recurrence_local_seconds     (GDateTime        *time,
                                              GTimeZone        *tz);

/* Occurrence @n (0 is the anchor itself) of every @interval @unit from
 * @anchor. FALSE when it is past the year 9999. */
gboolean     dg_recurrence_nth_date          (const GDate      *anchor,
                                              DgRecurrenceUnit  unit,
                                              guint             interval,
                                              guint             n,
                                              GDate            *out_date);
/* The first occurrence strictly after @after (the anchor itself when it is
 * later). FALSE when there is none before the year 10000. */
gboolean     dg_recurrence_next_date         (const GDate      *anchor,
                                              DgRecurrenceUnit  unit,
                                              guint             interval,
                                              const GDate      *after,
                                              GDate            *out_date);
/* The same for a series at wall-clock @seconds in @tz: the first occurrence
 * strictly after the instant @after, in @tz; NULL when there is none. */
GDateTime   *dg_recurrence_next_time         (GTimeZone        *tz,
                                              const GDate      *anchor,
                                              int               seconds,
                                              DgRecurrenceUnit  unit,
                                              guint             interval,
                                              GDateTime        *after);

G_END_DECLS
