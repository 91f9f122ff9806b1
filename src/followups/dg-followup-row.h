/* dg-followup-row.h
 *
 * One follow-up as a row of a list: when it is due, its title, the
 * customer it is for (a link to the customer's page), how it repeats, and
 * the buttons to act on it. Its actions do the work through the core and
 * the window, so any list of follow-ups can use the row as it is:
 *
 *   followup.done               completes it; a toast offers Undo
 *   followup.snooze-hour        snoozes it for an hour,
 *   followup.snooze-tomorrow    until 09:00 tomorrow,
 *   followup.snooze-next-week   until 09:00 a week from today (each only
 *                               when that is later than it is due)
 *   followup.open               the customer's page, or the editor when it
 *                               is for no one in particular
 *   followup.edit               the follow-up editor
 *   followup.show-customer      the customer's page
 *   followup.delete             deletes it (a repeating one asks whether
 *                               only this one or also all later ones);
 *                               a toast offers Undo
 *   followup.stop-repeating     keeps it but ends its series (only when
 *                               it is open and repeats); Undo as above
 *
 * Narrower than a phone-sized threshold, the row hides Done, Snooze and
 * Edit and offers them in its More menu instead, so the title keeps its
 * room.
 *
 * Times are written in the clock's zone. The row does not follow changes
 * to the follow-up: the list that holds it lists again on
 * DgDatabase::changed::followups.
 */
#pragma once

#include <gtk/gtk.h>

#include "dg-core.h"

G_BEGIN_DECLS

#define DG_TYPE_FOLLOWUP_ROW (dg_followup_row_get_type ())

G_DECLARE_FINAL_TYPE (DgFollowupRow, dg_followup_row, DG, FOLLOWUP_ROW, GtkListBoxRow)

/* With @show_day the row also says which day it is due ("Yesterday",
 * "Fri, Nov 20"), for lists that span days such as the overdue ones. */
GtkWidget  *dg_followup_row_new            (DgContext     *context,
                                            DgFollowup    *followup,
                                            gboolean       show_day);
DgFollowup *dg_followup_row_get_followup   (DgFollowupRow *self);
/* Whether the row is laid out narrow, its actions in the More menu. */
gboolean    dg_followup_row_get_narrow     (DgFollowupRow *self);
/* When each snooze choice would end, from the clock's now: in an hour,
 * tomorrow at 09:00 and a week from today at 09:00, local time. */
GDateTime  *dg_followup_row_snooze_hour      (DgClock      *clock);
GDateTime  *dg_followup_row_snooze_tomorrow  (DgClock      *clock);
GDateTime  *dg_followup_row_snooze_next_week (DgClock      *clock);

G_END_DECLS
