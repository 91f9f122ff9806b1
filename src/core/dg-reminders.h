/* dg-reminders.h
 *
 * Which follow-up reminders are due, and which were shown. The rules:
 *
 *  - A timed follow-up reminds the lead time (dg_reminders_set_lead_minutes(),
 *    by default DG_REMINDERS_DEFAULT_LEAD_MINUTES) before its due. An all-day
 *    one reminds at DG_REMINDERS_ALL_DAY_HOUR:00 local time on its date; the
 *    lead time does not apply to it.
 *  - A snoozed follow-up reminds at the end of its snooze instead.
 *  - A follow-up saved with a reminder time already past (due in five
 *    minutes, or yesterday) reminds at the next check.
 *  - A reminder is pending while the follow-up is open and it was not shown
 *    since its reminder time. dg_reminders_collect_due() returns every
 *    pending reminder whose time has come, however long ago: what fell due
 *    while nothing was running is caught up at the next start. Each one is
 *    returned until dg_reminders_mark_notified() records it as shown, which
 *    the caller does only once the notification was really shown; after
 *    that it is never returned again, also after a restart, until its due
 *    changes or it is snoozed.
 *
 * The lead time is stored in the database, so that what is pending can be
 * kept in an index; the app copies its setting here at start and whenever
 * it changes.
 *
 * The morning agenda is one notification a day that says what the day
 * holds (dg_reminders_morning_summary()). The local day it was last given
 * for is kept in the database, next to what reminders remember as shown,
 * so that it is given once a day however often Dangol starts.
 */
#pragma once

#include "dg-clock.h"
#include "dg-database.h"
#include "dg-followup.h"

G_BEGIN_DECLS

/* The local hour at which an all-day follow-up reminds. */
#define DG_REMINDERS_ALL_DAY_HOUR         9
#define DG_REMINDERS_DEFAULT_LEAD_MINUTES 10
/* One week. */
#define DG_REMINDERS_MAX_LEAD_MINUTES     10080

/* Sets how many minutes before a timed follow-up it reminds (at most
 * DG_REMINDERS_MAX_LEAD_MINUTES), and reschedules the reminders not shown
 * yet; those already shown are not shown again. Emits ::changed::followups
 * when it changed. */
gboolean    dg_reminders_set_lead_minutes   (DgDatabase    *db,
                                             guint          minutes,
                                             GError       **error);
/* -1 on error. */
int         dg_reminders_get_lead_minutes   (DgDatabase    *db,
                                             GError       **error);
/* The follow-ups (DgFollowup, with :customer-name) whose reminder is pending
 * and due by @now, earliest first. */
GPtrArray  *dg_reminders_collect_due        (DgDatabase    *db,
                                             GDateTime     *now,
                                             GError       **error);
/* Records that the reminder of @id was shown at @at. A reminder that moved
 * past @at in the meantime (snoozed) stays pending. */
gboolean    dg_reminders_mark_notified      (DgDatabase    *db,
                                             gint64         id,
                                             GDateTime     *at,
                                             GError       **error);
/* The same for several, in one transaction (a summary notification). */
gboolean    dg_reminders_mark_notified_many (DgDatabase    *db,
                                             const gint64  *ids,
                                             guint          n_ids,
                                             GDateTime     *at,
                                             GError       **error);
/* The earliest pending reminder time later than @now; NULL (with @error
 * unset) when none is pending. */
GDateTime  *dg_reminders_next_wakeup        (DgDatabase    *db,
                                             GDateTime     *now,
                                             GError       **error);

/* What the morning agenda says about a day. */
typedef struct
{
  /* The local day it is about, in the clock's zone. */
  GDate day;
  /* Open and due for the rest of the day (dg_followups_list_due_today()). */
  guint due_today;
  /* Open and past due (dg_followups_count_overdue()). */
  guint overdue;
  /* Customers going cold (dg_interactions_count_going_cold()). */
  guint going_cold;
  /* Customers whose birthday is that day. */
  guint birthdays;
} DgMorningSummary;

/* Whether an open follow-up has its due or a reminder still to come after
 * @now: what a reminder running in the background would be needed for. */
gboolean    dg_reminders_has_upcoming       (DgDatabase        *db,
                                             GDateTime         *now,
                                             gboolean          *out_upcoming,
                                             GError           **error);
/* Counts what the day of @clock's now holds; customers going cold are
 * those without contact for more than @going_cold_days days. */
gboolean    dg_reminders_morning_summary    (DgDatabase        *db,
                                             DgClock           *clock,
                                             guint              going_cold_days,
                                             DgMorningSummary  *out_summary,
                                             GError           **error);
/* Whether @summary has nothing to tell: no agenda on such a day. */
gboolean    dg_morning_summary_is_empty     (const DgMorningSummary *summary);
/* The last local day the morning agenda was given (or found empty) for;
 * @out_day is cleared (g_date_valid() FALSE) when never. */
gboolean    dg_reminders_get_agenda_day     (DgDatabase        *db,
                                             GDate             *out_day,
                                             GError           **error);
gboolean    dg_reminders_set_agenda_day     (DgDatabase        *db,
                                             const GDate       *day,
                                             GError           **error);

G_END_DECLS
