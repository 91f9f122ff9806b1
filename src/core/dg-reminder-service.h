/* dg-reminder-service.h
 *
 * The reminder clock of a running Dangol: it sleeps until the next reminder
 * is due and then emits ::due with the follow-ups to show. The GTK side
 * connects to ::due, shows a notification for each (or one summary) and
 * calls dg_reminders_mark_notified() for those it really showed; a
 * follow-up it did not mark is offered again at the next check.
 *
 * A check runs at start, when the next reminder time comes, at the latest a
 * minute after the previous one (a safety net for suspend, a clock that was
 * set, or another process writing the database), soon after
 * DgDatabase::changed::followups (a follow-up added in the window is seen at
 * once), and soon after DgClock::changed (a fake clock advanced by a test).
 * Checks triggered by signals run from an idle callback in the main context
 * the service was started in, never inside the signal emission, so a ::due
 * handler may write to the database.
 *
 * The morning agenda (off until dg_reminder_service_set_morning_agenda()
 * turns it on): at the agenda time of each local day, or at the first check
 * after it when nothing ran then (started at 11:00 for an agenda at 8:30),
 * ::morning-agenda is emitted once with what the day holds, unless the day
 * holds nothing. The day is recorded in the database when a handler says
 * it showed the agenda (or when there was nothing to show), so it is not
 * given twice, also across a restart; one that could not be shown is
 * offered again at the next check that day. Turned on while the service
 * runs and after that day's time, the first agenda is the next day's.
 */
#pragma once

#include "dg-clock.h"
#include "dg-database.h"
#include "dg-reminders.h"

G_BEGIN_DECLS

#define DG_TYPE_REMINDER_SERVICE (dg_reminder_service_get_type ())

G_DECLARE_FINAL_TYPE (DgReminderService, dg_reminder_service, DG, REMINDER_SERVICE, GObject)

/* The longest the service sleeps between two checks. */
#define DG_REMINDER_SERVICE_MAX_SLEEP_SECONDS 60

DgReminderService *dg_reminder_service_new             (DgDatabase        *db,
                                                        DgClock           *clock);
DgDatabase        *dg_reminder_service_get_database    (DgReminderService *self);
DgClock           *dg_reminder_service_get_clock       (DgReminderService *self);
/* Starts checking, with a first check from the main context at once. */
void               dg_reminder_service_start           (DgReminderService *self);
void               dg_reminder_service_stop            (DgReminderService *self);
gboolean           dg_reminder_service_get_running     (DgReminderService *self);
/* Asks for a check as soon as the main context is idle. */
void               dg_reminder_service_queue_check     (DgReminderService *self);
/* Checks now, emitting ::due before it returns when something is due. */
void               dg_reminder_service_check_now       (DgReminderService *self);
/* The next pending reminder time seen by the last check; NULL when none. */
GDateTime         *dg_reminder_service_get_next_wakeup (DgReminderService *self);
/* How many checks ran: wake-ups, for tests and benchmarks. */
guint              dg_reminder_service_get_n_checks    (DgReminderService *self);
/* Turns the morning agenda on or off, at @minute_of_day (0-1439) local
 * time; customers count as going cold after @going_cold_days days without
 * contact. Asks for a check when something changed. */
void               dg_reminder_service_set_morning_agenda (DgReminderService *self,
                                                           gboolean           enabled,
                                                           guint              minute_of_day,
                                                           guint              going_cold_days);
gboolean           dg_reminder_service_get_morning_agenda (DgReminderService *self);

G_END_DECLS
