/* dg-clock.h
 *
 * Where the core learns what time it is and which time zone "local" means.
 * Everything in the core that depends on the time (due today, overdue,
 * reminders, recurrence) asks a DgClock instead of the system, so that tests
 * (and screenshots) can run on a DgFakeClock they set and advance.
 *
 * The system clock reads the real time and the process time zone
 * (g_time_zone_new_local(), that is TZ or /etc/localtime). Times are whole
 * seconds, which is what the database stores.
 *
 * ::changed says that the time jumped or the zone changed, so anything that
 * waits for a moment (the reminder service) must look again. A fake clock
 * emits it whenever it is set or advanced; for the system clock, the app
 * calls dg_clock_changed() when it learns of a jump (a resume from suspend,
 * a new time zone).
 *
 * ::day-changed says that the local date is another one, so whatever shows
 * "today" (the Today page, the calendar's mark) looks again. The system
 * clock keeps one timer for the whole app, armed for the next local
 * midnight of its zone and armed again by dg_clock_changed(); a fake clock
 * emits it when it is set across a midnight. It follows ::changed when
 * both happen at once.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DG_TYPE_CLOCK (dg_clock_get_type ())

G_DECLARE_DERIVABLE_TYPE (DgClock, dg_clock, DG, CLOCK, GObject)

struct _DgClockClass
{
  GObjectClass parent_class;

  /* Now, in UTC; the default reads the system time. */
  GDateTime *(*get_now_utc)    (DgClock *self);
  /* The local zone; the default is the process time zone. */
  GTimeZone *(*dup_time_zone)  (DgClock *self);

  gpointer padding[4];
};

DgClock   *dg_clock_new_system    (void);
/* Now in UTC, to the whole second. */
GDateTime *dg_clock_get_now_utc   (DgClock *self);
/* Now in the clock's local zone, to the whole second. */
GDateTime *dg_clock_get_now_local (DgClock *self);
/* The zone that "today" and all-day dates are in. */
GTimeZone *dg_clock_dup_time_zone (DgClock *self);
/* Emits ::changed, then ::day-changed if the local date is another one. */
void       dg_clock_changed       (DgClock *self);

G_END_DECLS
