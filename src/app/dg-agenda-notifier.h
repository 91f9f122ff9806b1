/* dg-agenda-notifier.h
 *
 * The morning agenda of a DgReminderService as a desktop notification
 * (libnotify): "Today’s Agenda", what the day holds in one line ("5
 * follow-ups due today, 2 overdue, 3 customers going cold"), and Open
 * Today. It answers the service's ::morning-agenda, which records the day
 * as given only when the notification service took the notification; a
 * day's agenda replaces the one before if that is still on screen.
 *
 * Open Today is left to whoever shows windows: ::open-today.
 */
#pragma once

#include <glib-object.h>

#include "dg-core.h"

G_BEGIN_DECLS

#define DG_TYPE_AGENDA_NOTIFIER (dg_agenda_notifier_get_type ())

G_DECLARE_FINAL_TYPE (DgAgendaNotifier, dg_agenda_notifier, DG, AGENDA_NOTIFIER, GObject)

DgAgendaNotifier *dg_agenda_notifier_new                 (DgReminderService      *service);
/* Shows the agenda for @summary now (what the ::morning-agenda handler
 * does); TRUE when the notification service took it. */
gboolean          dg_agenda_notifier_show                (DgAgendaNotifier       *self,
                                                          const DgMorningSummary *summary);
/* The notification service's id of the agenda on screen; 0 when none. */
guint             dg_agenda_notifier_get_notification_id (DgAgendaNotifier       *self);
/* The body of the agenda for @summary, escaped as markup: only the parts
 * that are not zero, each plural-correct. */
char             *dg_agenda_notifier_format_body         (const DgMorningSummary *summary);

G_END_DECLS
