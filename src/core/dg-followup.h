/* dg-followup.h
 *
 * A follow-up: something the owner promised to do by a date, optionally for
 * one customer. A record (dg-record.h) with one property per field and
 * validation; dg-followups.h stores, changes and finds it.
 *
 * It is due either at an instant (:due-at, a time of day on a day) or on a
 * whole day (:due-date, "YYYY-MM-DD", :all-day TRUE). An all-day date is a
 * date on the calendar, not an instant: it stays on that date whatever the
 * time zone, and "today" is the clock's local day.
 *
 * It may repeat every :recurrence-interval days, weeks or months (see
 * dg-recurrence.h for the arithmetic): completing it creates the next one.
 * A keep-in-touch follow-up (for a customer, repeating) is instead due one
 * interval after the customer's last logged contact, and moves whenever a
 * contact is logged.
 *
 * :status, :done-at, :notified-at and :recurrence-anchor are kept by the
 * core (dg_followups_complete(), dg_followups_snooze(), the reminders);
 * dg_followups_update() does not write them, dg_followups_insert() keeps
 * them so that an undone delete brings the follow-up back as it was.
 */
#pragma once

#include <glib-object.h>

#include "dg-clock.h"
#include "dg-record.h"
#include "dg-recurrence.h"

G_BEGIN_DECLS

typedef enum
{
  DG_FOLLOWUP_STATUS_OPEN,
  DG_FOLLOWUP_STATUS_DONE,
  DG_FOLLOWUP_STATUS_CANCELLED,
} DgFollowupStatus;

#define DG_TYPE_FOLLOWUP_STATUS (dg_followup_status_get_type ())
#define DG_TYPE_FOLLOWUP        (dg_followup_get_type ())

GType dg_followup_status_get_type (void);

G_DECLARE_FINAL_TYPE (DgFollowup, dg_followup, DG, FOLLOWUP, DgRecord)

typedef enum
{
  DG_FOLLOWUP_FIELD_TITLE,
  DG_FOLLOWUP_FIELD_NOTE,
  DG_FOLLOWUP_FIELD_DUE,
  DG_FOLLOWUP_FIELD_RECURRENCE,
  DG_FOLLOWUP_FIELD_KEEP_IN_TOUCH,
  DG_FOLLOWUP_N_FIELDS
} DgFollowupField;

/* "open", "done", "cancelled", as stored. */
const char      *dg_followup_status_to_string      (DgFollowupStatus  status);
gboolean         dg_followup_status_from_string    (const char       *text,
                                                    DgFollowupStatus *out_status);

DgFollowup      *dg_followup_new                   (void);
DgFollowup      *dg_followup_copy                  (DgFollowup       *self);

/* 0 until stored. */
gint64           dg_followup_get_id                (DgFollowup       *self);
void             dg_followup_set_id                (DgFollowup       *self,
                                                    gint64            id);
const char      *dg_followup_get_uuid              (DgFollowup       *self);
void             dg_followup_set_uuid              (DgFollowup       *self,
                                                    const char       *uuid);
/* 0 for a follow-up of no one in particular. */
gint64           dg_followup_get_customer_id       (DgFollowup       *self);
void             dg_followup_set_customer_id       (DgFollowup       *self,
                                                    gint64            customer_id);
/* The customer's name as loaded with the follow-up; "" without one. */
const char      *dg_followup_get_customer_name     (DgFollowup       *self);
void             dg_followup_set_customer_name     (DgFollowup       *self,
                                                    const char       *name);
const char      *dg_followup_get_title             (DgFollowup       *self);
void             dg_followup_set_title             (DgFollowup       *self,
                                                    const char       *title);
const char      *dg_followup_get_note              (DgFollowup       *self);
void             dg_followup_set_note              (DgFollowup       *self,
                                                    const char       *note);

/* TRUE when due on a whole day (:due-date set). */
gboolean         dg_followup_get_all_day           (DgFollowup       *self);
/* The due instant of a timed follow-up; NULL for an all-day one. */
GDateTime       *dg_followup_get_due_at            (DgFollowup       *self);
/* Makes the follow-up timed, due at @due_at (NULL: no due date yet). */
void             dg_followup_set_due_at            (DgFollowup       *self,
                                                    GDateTime        *due_at);
/* "YYYY-MM-DD" of an all-day follow-up; NULL for a timed one. */
const char      *dg_followup_get_due_date          (DgFollowup       *self);
/* Makes the follow-up all-day on @date ("YYYY-MM-DD"; NULL: no due date). */
void             dg_followup_set_due_date          (DgFollowup       *self,
                                                    const char       *date);
/* The local day the follow-up is due on, in @tz; FALSE without a due. */
gboolean         dg_followup_get_due_day           (DgFollowup       *self,
                                                    GTimeZone        *tz,
                                                    GDate            *out_date);
/* Whether it is open and its due has passed by @clock's now: a timed one
 * after its instant, an all-day one from the day after its date. */
gboolean         dg_followup_is_overdue            (DgFollowup       *self,
                                                    DgClock          *clock);

DgFollowupStatus dg_followup_get_status            (DgFollowup       *self);
void             dg_followup_set_status            (DgFollowup       *self,
                                                    DgFollowupStatus  status);
/* When it was done; NULL unless :status is done. */
GDateTime       *dg_followup_get_done_at           (DgFollowup       *self);
void             dg_followup_set_done_at           (DgFollowup       *self,
                                                    GDateTime        *done_at);
/* The last snooze: its reminder fires then instead. NULL when never
 * snoozed (or the due changed since). */
GDateTime       *dg_followup_get_snoozed_until     (DgFollowup       *self);
void             dg_followup_set_snoozed_until     (DgFollowup       *self,
                                                    GDateTime        *snoozed_until);
/* When its reminder was last shown; NULL when never. */
GDateTime       *dg_followup_get_notified_at       (DgFollowup       *self);
void             dg_followup_set_notified_at       (DgFollowup       *self,
                                                    GDateTime        *notified_at);

DgRecurrenceUnit dg_followup_get_recurrence        (DgFollowup       *self);
void             dg_followup_set_recurrence        (DgFollowup       *self,
                                                    DgRecurrenceUnit  unit);
/* N of "every N units"; 1 by default. */
guint            dg_followup_get_recurrence_interval (DgFollowup     *self);
void             dg_followup_set_recurrence_interval (DgFollowup     *self,
                                                      guint           interval);
/* Where the series is counted from: the local date, and for a timed
 * follow-up the wall-clock time, of the due when it was last set
 * ("YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS"). Kept by the core. */
const char      *dg_followup_get_recurrence_anchor (DgFollowup       *self);
void             dg_followup_set_recurrence_anchor (DgFollowup       *self,
                                                    const char       *anchor);
gboolean         dg_followup_get_keep_in_touch     (DgFollowup       *self);
void             dg_followup_set_keep_in_touch     (DgFollowup       *self,
                                                    gboolean          keep_in_touch);

GDateTime       *dg_followup_get_created_at        (DgFollowup       *self);
void             dg_followup_set_created_at        (DgFollowup       *self,
                                                    GDateTime        *created_at);
GDateTime       *dg_followup_get_updated_at        (DgFollowup       *self);
void             dg_followup_set_updated_at        (DgFollowup       *self,
                                                    GDateTime        *updated_at);

/* Checks one field; the message names it ("Title: …", "Due: …",
 * "Repeat: …", "Keep in touch: …"). */
gboolean         dg_followup_validate_field        (DgFollowup       *self,
                                                    DgFollowupField   field,
                                                    GError          **error);
/* Checks every field and stops at the first problem. */
gboolean         dg_followup_validate              (DgFollowup       *self,
                                                    GError          **error);

G_END_DECLS
