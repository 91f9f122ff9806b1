/* dg-fake-clock.h
 *
 * A DgClock that stands still until told otherwise: tests (and screenshot
 * runs) set the time and the zone, and advance them without waiting. Every
 * change emits DgClock::changed, so a reminder service driven by this clock
 * looks again at once, and DgClock::day-changed when the local date it
 * stands on is another one (a midnight crossed, either way, or a new zone).
 */
#pragma once

#include "dg-clock.h"

G_BEGIN_DECLS

#define DG_TYPE_FAKE_CLOCK (dg_fake_clock_get_type ())

G_DECLARE_FINAL_TYPE (DgFakeClock, dg_fake_clock, DG, FAKE_CLOCK, DgClock)

/* @now is an instant in any zone; @tz NULL means UTC. */
DgFakeClock *dg_fake_clock_new           (GDateTime   *now,
                                          GTimeZone   *tz);
void         dg_fake_clock_set_now       (DgFakeClock *self,
                                          GDateTime   *now);
/* Moves the time by @span (negative goes back). */
void         dg_fake_clock_advance       (DgFakeClock *self,
                                          GTimeSpan    span);
void         dg_fake_clock_set_time_zone (DgFakeClock *self,
                                          GTimeZone   *tz);

G_END_DECLS
