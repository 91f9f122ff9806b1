/* dg-followup-private.h
 *
 * How core builds a follow-up from its stored row: all fields at once,
 * without the property notifications that no one can be listening to
 * yet. Loading the reminders that fell due spent more on those, and on
 * rebuilding text that was stored clean, than on the query.
 */
#pragma once

#include "dg-followup.h"

G_BEGIN_DECLS

/* The values of one stored follow-up, as read (none is taken). */
typedef struct
{
  gint64            id;
  const char       *uuid;
  gint64            customer_id;
  const char       *customer_name;
  const char       *title;
  const char       *note;
  gboolean          all_day;
  GDateTime        *due_at;
  const char       *due_date;
  DgFollowupStatus  status;
  GDateTime        *done_at;
  GDateTime        *snoozed_until;
  GDateTime        *notified_at;
  DgRecurrenceUnit  recurrence;
  guint             recurrence_interval;
  const char       *recurrence_anchor;
  gboolean          keep_in_touch;
  GDateTime        *created_at;
  GDateTime        *updated_at;
} DgFollowupStored;

/* A follow-up holding @stored, each value cleaned up as its setter would
 * (the due date of an all-day one, else the due time). */
DgFollowup *dg_followup_new_stored (const DgFollowupStored *stored);

G_END_DECLS
