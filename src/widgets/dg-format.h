/* dg-format.h
 *
 * How the app writes dates, times and file paths for people: dates in
 * the zone of the context's clock (the local zone, or the one a test
 * sets), in the format the translation chooses.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The day of @datetime in @tz, e.g. "Nov 24, 2026"; NULL for NULL. */
char *dg_format_date      (GDateTime  *datetime,
                           GTimeZone  *tz);
/* The day and time of @datetime in @tz, e.g. "Nov 24, 2026, 14:05";
 * NULL for NULL. */
char *dg_format_date_time (GDateTime  *datetime,
                           GTimeZone  *tz);
/* A calendar date stored as "YYYY-MM-DD", written like dg_format_date();
 * NULL when @iso_date is NULL, empty or not a date. */
char *dg_format_iso_date  (const char *iso_date);
/* @path (in the file system's encoding) in UTF-8, the home folder as
 * "~", e.g. "~/Documents/maps.pdf". */
char *dg_format_path      (const char *path);

G_END_DECLS
