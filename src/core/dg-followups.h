/* dg-followups.h
 *
 * Storing, changing and finding follow-ups. Every write is one short
 * transaction (BEGIN IMMEDIATE); a function that fails has written nothing.
 * Every write emits DgDatabase::changed::followups after it committed.
 *
 * Functions that need "now" or "today" take a DgClock: today is the local
 * day in the clock's time zone.
 *
 * Ordering: every list is ordered by due, then by id. An all-day follow-up
 * counts as due at the start of its local day, so on one day the all-day
 * ones come first. Lists of open follow-ups leave out cancelled and done
 * ones; the calendar may ask for done ones too with a DgFollowupFilter.
 *
 * All-day dates and time zones: an all-day follow-up is due on a calendar
 * date, whatever the zone. To keep every query on one index, the database
 * also stores the instant its local day starts; that instant depends on the
 * zone, so when the clock's zone differs from the one recorded in the
 * database every write, and dg_followups_sync_time_zone(), recomputes it
 * first. Call dg_followups_sync_time_zone() once at start-up before asking
 * for lists (the reminder service also calls it on every check).
 */
#pragma once

#include "dg-clock.h"
#include "dg-database.h"
#include "dg-followup.h"

G_BEGIN_DECLS

typedef enum
{
  /* Only open follow-ups. */
  DG_FOLLOWUP_FILTER_OPEN,
  /* Open and done ones: what the calendar shows. */
  DG_FOLLOWUP_FILTER_NOT_CANCELLED,
  DG_FOLLOWUP_FILTER_ALL,
} DgFollowupFilter;

/* Validates, then inserts. Sets the id, and the uuid, anchor and
 * created/updated times when they are unset. A follow-up brought back by
 * Undo keeps its uuid, its id when that is free, its status and whether its
 * reminder was shown. The customer, when set, must exist. */
gboolean    dg_followups_insert          (DgDatabase        *db,
                                          DgClock           *clock,
                                          DgFollowup        *followup,
                                          GError           **error);
/* Validates, then writes what a person edits: customer, title, note, due,
 * repeat, keep-in-touch and snooze. Status, done and reminder state stay
 * as stored (use complete, cancel, reopen and snooze for those). Changing
 * the due or the repeat restarts the series from the new due and drops the
 * snooze; a new due that is later than the last reminder shown gets a new
 * reminder. Refreshes @followup from what was stored. */
gboolean    dg_followups_update          (DgDatabase        *db,
                                          DgClock           *clock,
                                          DgFollowup        *followup,
                                          GError           **error);
gboolean    dg_followups_delete          (DgDatabase        *db,
                                          gint64             id,
                                          GError           **error);
/* Deletes it and hands back what it was in @out_removed, for Undo. With
 * @keep_series an open repeating follow-up is replaced by its next
 * occurrence, the one completing it would make (returned in @out_next):
 * "only this one". Without, a repeating one ends there: "this and all
 * later" (the earlier ones are done and stay). One transaction. */
gboolean    dg_followups_remove          (DgDatabase        *db,
                                          DgClock           *clock,
                                          gint64             id,
                                          gboolean           keep_series,
                                          DgFollowup       **out_removed,
                                          DgFollowup       **out_next,
                                          GError           **error);
/* Keeps this one but makes it not repeat (nor keep in touch). Hands back
 * what it was in @out_before, for Undo. A follow-up that does not repeat
 * is left as it is. */
gboolean    dg_followups_stop_repeating  (DgDatabase        *db,
                                          DgClock           *clock,
                                          gint64             id,
                                          DgFollowup       **out_before,
                                          GError           **error);
/* Undoes remove and stop_repeating: writes @saved back as it was, with its
 * id (when free), uuid, status and series, and deletes @created_next_id
 * (remove's out_next; 0 for none), in one transaction. */
gboolean    dg_followups_restore         (DgDatabase        *db,
                                          DgClock           *clock,
                                          DgFollowup        *saved,
                                          gint64             created_next_id,
                                          GError           **error);
DgFollowup *dg_followups_get             (DgDatabase        *db,
                                          gint64             id,
                                          GError           **error);
DgFollowup *dg_followups_get_by_uuid     (DgDatabase        *db,
                                          const char        *uuid,
                                          GError           **error);

/* Marks it done now. A repeating follow-up gets its next occurrence in the
 * same transaction, returned in @out_next (NULL when it does not repeat):
 *  - every N days/weeks/months: the first occurrence of the series after
 *    both the completed one's due and now (missed ones are skipped), at the
 *    series' wall-clock time;
 *  - keep in touch: one interval after the later of the customer's last
 *    logged contact and now (completing counts as being in touch; it does
 *    not log a contact).
 * Completing a follow-up that is not open changes nothing and succeeds, so
 * that a second click (or Done on a stale notification) is harmless. */
gboolean    dg_followups_complete        (DgDatabase        *db,
                                          DgClock           *clock,
                                          gint64             id,
                                          DgFollowup       **out_next,
                                          GError           **error);
/* Marks it cancelled; a repeating one ends there. Cancelling a follow-up
 * that is not open changes nothing and succeeds. */
gboolean    dg_followups_cancel          (DgDatabase        *db,
                                          DgClock           *clock,
                                          gint64             id,
                                          GError           **error);
/* Undoes complete or cancel: opens it again and deletes @created_next_id
 * (the follow-up complete returned in out_next; 0 for none), in one
 * transaction. A reminder already shown is not shown again. */
gboolean    dg_followups_reopen          (DgDatabase        *db,
                                          DgClock           *clock,
                                          gint64             id,
                                          gint64             created_next_id,
                                          GError           **error);
/* Its reminder fires again at @until, which must be later than now. It
 * stays due when it was due. Only an open follow-up can be snoozed. */
gboolean    dg_followups_snooze          (DgDatabase        *db,
                                          DgClock           *clock,
                                          gint64             id,
                                          GDateTime         *until,
                                          GError           **error);
/* Puts back the snooze a follow-up had before dg_followups_snooze():
 * @previous, or none when NULL. Undo of a snooze; a follow-up no longer
 * open is left as it is. */
gboolean    dg_followups_restore_snooze  (DgDatabase        *db,
                                          DgClock           *clock,
                                          gint64             id,
                                          GDateTime         *previous,
                                          GError           **error);
/* The snooze @followup is listed at for now: one still to come and later
 * than its due, as dg_followups_list_due_today() and the others place it.
 * NULL when none (a snooze before the due only brings the reminder
 * earlier). Owned by @followup. */
GDateTime  *dg_followups_active_snooze   (DgFollowup        *followup,
                                          DgClock           *clock);
/* The local day in @tz that @followup is listed on: its snooze's while
 * dg_followups_active_snooze() has one, else its due's. */
gboolean    dg_followups_get_listed_day  (DgFollowup        *followup,
                                          DgClock           *clock,
                                          GTimeZone         *tz,
                                          GDate             *out_date);
/* Moves the due to @date (local, in the clock's zone), keeping the
 * wall-clock time of a timed follow-up: what dragging it to another day
 * in the calendar does. */
gboolean    dg_followups_move_to_date    (DgDatabase        *db,
                                          DgClock           *clock,
                                          gint64             id,
                                          const GDate       *date,
                                          GError           **error);
/* Recomputes the stored start of every all-day follow-up's day (and its
 * reminder time) when the clock's zone is not the one they were computed
 * in; does nothing otherwise. */
gboolean    dg_followups_sync_time_zone  (DgDatabase        *db,
                                          DgClock           *clock,
                                          GError           **error);

/* The lists below hold DgFollowup objects with :customer-name filled in;
 * @limit 0 means all. */

/* Due in [@from, @to): timed ones whose instant is in it, all-day ones
 * whose day starts in it. An open one snoozed past its due is listed at
 * its snooze instead while the snooze's reminder is to come, so it shows
 * under its new time. Ordered by the instant each is listed at. For a
 * calendar, pass the starts of local days (dg_recurrence_day_start()). */
GPtrArray  *dg_followups_list_range      (DgDatabase        *db,
                                          GDateTime         *from,
                                          GDateTime         *to,
                                          DgFollowupFilter   filter,
                                          guint              limit,
                                          GError           **error);
/* Due on the local day @date in the clock's zone: a day's agenda. */
GPtrArray  *dg_followups_list_day        (DgDatabase        *db,
                                          DgClock           *clock,
                                          const GDate       *date,
                                          DgFollowupFilter   filter,
                                          guint              limit,
                                          GError           **error);
/* Open, and past due by now: a timed one after its instant, an all-day
 * one from the day after its date. Leaves out those snoozed until later
 * than now; they come back when the snooze ends. Oldest first. */
GPtrArray  *dg_followups_list_overdue    (DgDatabase        *db,
                                          DgClock           *clock,
                                          guint              limit,
                                          GError           **error);
/* How many are overdue, counting no further than @limit (0 counts all);
 * -1 on error. */
gint64      dg_followups_count_overdue   (DgDatabase        *db,
                                          DgClock           *clock,
                                          guint              limit,
                                          GError           **error);
/* Open and due for the rest of today: all-day ones dated today and timed
 * ones from now to the end of the local day, and those snoozed past their
 * due until later today (listed at the snooze); those snoozed past today
 * are upcoming. With dg_followups_list_overdue() this is everything open
 * up to the end of today, each follow-up once. */
GPtrArray  *dg_followups_list_due_today  (DgDatabase        *db,
                                          DgClock           *clock,
                                          guint              limit,
                                          GError           **error);
/* Open and due (or snoozed past the due) on the @n_days local days after
 * today. */
GPtrArray  *dg_followups_list_upcoming   (DgDatabase        *db,
                                          DgClock           *clock,
                                          guint              n_days,
                                          guint              limit,
                                          GError           **error);
GPtrArray  *dg_followups_list_for_customer (DgDatabase      *db,
                                            gint64           customer_id,
                                            DgFollowupFilter filter,
                                            GError         **error);

/* How many follow-ups are due on each of the @n_days local days from
 * @first in @tz: a GArray of guint, one per day. */
GArray     *dg_followups_count_per_day   (DgDatabase        *db,
                                          GTimeZone         *tz,
                                          const GDate       *first,
                                          guint              n_days,
                                          DgFollowupFilter   filter,
                                          GError           **error);
/* The same for every day of @month (1-12) of @year: element 0 is day 1. */
GArray     *dg_followups_count_month     (DgDatabase        *db,
                                          GTimeZone         *tz,
                                          int                year,
                                          int                month,
                                          DgFollowupFilter   filter,
                                          GError           **error);

G_END_DECLS
