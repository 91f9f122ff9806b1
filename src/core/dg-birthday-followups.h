/* dg-birthday-followups.h
 *
 * Keeps the "send a birthday message" follow-ups made, while the app runs:
 * at start, when the day changes (DgClock::day-changed), when a customer
 * changes (a birthday just typed in may already be due), and when
 * :days-before changes, it calls dg_birthdays_make_followups(). With
 * :days-before at -1 (the default) it makes none.
 *
 * Runs from an idle callback of the main context it was started in, never
 * inside a signal emission.
 */
#pragma once

#include "dg-clock.h"
#include "dg-database.h"

G_BEGIN_DECLS

#define DG_TYPE_BIRTHDAY_FOLLOWUPS (dg_birthday_followups_get_type ())

G_DECLARE_FINAL_TYPE (DgBirthdayFollowups, dg_birthday_followups, DG, BIRTHDAY_FOLLOWUPS, GObject)

/* The most days before a birthday its follow-up may be due. */
#define DG_BIRTHDAY_FOLLOWUPS_MAX_DAYS 60

DgBirthdayFollowups *dg_birthday_followups_new             (DgDatabase          *db,
                                                            DgClock             *clock);
/* -1 when no follow-up is made. */
int                  dg_birthday_followups_get_days_before (DgBirthdayFollowups *self);
void                 dg_birthday_followups_set_days_before (DgBirthdayFollowups *self,
                                                            int                  days_before);
void                 dg_birthday_followups_start           (DgBirthdayFollowups *self);
/* Makes what is due now; FALSE with @error when writing failed. */
gboolean             dg_birthday_followups_run             (DgBirthdayFollowups *self,
                                                            GError             **error);

G_END_DECLS
