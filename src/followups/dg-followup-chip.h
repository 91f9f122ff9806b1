/* dg-followup-chip.h
 *
 * One follow-up as a small coloured line in a day of the month grid (or in
 * the list of a day that has more than fits): its time, title and, when it
 * is short, the customer's name. Overdue ones take the error colour and
 * done ones are struck through. It can be dragged onto another day: the
 * drag carries the follow-up's id as a G_TYPE_INT64.
 */
#pragma once

#include <gtk/gtk.h>

#include "dg-core.h"

G_BEGIN_DECLS

#define DG_TYPE_FOLLOWUP_CHIP (dg_followup_chip_get_type ())

G_DECLARE_FINAL_TYPE (DgFollowupChip, dg_followup_chip, DG, FOLLOWUP_CHIP, GtkWidget)

/* @wrap: a chip in the list of a day's items shows all of its text;
 * one in a cell keeps to one line. @snoozed: the snooze it is listed at
 * (dg_followups_active_snooze()), whose time it then shows, marked. */
GtkWidget  *dg_followup_chip_new          (DgFollowup     *followup,
                                           GTimeZone      *tz,
                                           gboolean        overdue,
                                           GDateTime      *snoozed,
                                           gboolean        wrap);
DgFollowup *dg_followup_chip_get_followup (DgFollowupChip *self);
/* The text shown, without markup. */
char       *dg_followup_chip_dup_text     (DgFollowupChip *self);

/* The wall-clock time of a timed follow-up in @tz ("14:05"); NULL for an
 * all-day one. */
char       *dg_followup_format_time       (DgFollowup     *followup,
                                           GTimeZone      *tz);

G_END_DECLS
