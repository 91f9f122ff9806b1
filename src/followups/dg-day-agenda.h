/* dg-day-agenda.h
 *
 * Everything planned for one day, beside the month grid: each follow-up
 * with its time (or "All day"), title, customer and status, a Done button
 * and a menu to edit it, open its customer or move it to another date
 * (the way to reschedule without a mouse). The buttons activate the
 * calendar view's actions (calendar.done-followup, .edit-followup,
 * .open-customer, .move-followup, .new-followup); the agenda only shows.
 * Each row stacks the title over the customer, their phone number and the
 * status; narrower than a phone-sized threshold, Done moves into the
 * row's menu.
 */
#pragma once

#include <gtk/gtk.h>

#include "dg-core.h"

G_BEGIN_DECLS

#define DG_TYPE_DAY_AGENDA (dg_day_agenda_get_type ())

G_DECLARE_FINAL_TYPE (DgDayAgenda, dg_day_agenda, DG, DAY_AGENDA, GtkWidget)

/* Shows @followups (NULL for none) as the agenda of @date; @clock tells
 * which are overdue and @tz where their times are read. */
void     dg_day_agenda_set_day          (DgDayAgenda *self,
                                         const GDate *date,
                                         GPtrArray   *followups,
                                         DgClock     *clock,
                                         GTimeZone   *tz);
/* The database the customers' phone numbers are read from, for the days
 * set from now on; NULL shows none. */
void     dg_day_agenda_set_database     (DgDayAgenda *self,
                                         DgDatabase  *database);
/* Whether the rows keep Done in their menu, the agenda being narrow. */
gboolean dg_day_agenda_get_narrow       (DgDayAgenda *self);
guint    dg_day_agenda_get_n_followups  (DgDayAgenda *self);
/* The follow-up in row @index, or NULL. */
DgFollowup *dg_day_agenda_get_followup  (DgDayAgenda *self,
                                         guint        index);
/* Selects the row of the follow-up with @followup_id and scrolls to it;
 * FALSE when the day has no such follow-up. */
gboolean dg_day_agenda_select_followup  (DgDayAgenda *self,
                                         gint64       followup_id);
/* The id of the selected row's follow-up, or 0. */
gint64   dg_day_agenda_get_selected_id  (DgDayAgenda *self);

G_END_DECLS
