/* dg-clock-private.h
 *
 * For the clocks of the core: a clock that sets its time without telling
 * anyone (while it is being made) takes the day it stands on as the one
 * ::day-changed counts from.
 */
#pragma once

#include "dg-clock.h"

G_BEGIN_DECLS

void _dg_clock_reset_day (DgClock *self);

G_END_DECLS
