/* dg-notifier.h
 *
 * Turns the reminders of a DgReminderService into desktop notifications
 * (libnotify): one per due follow-up, titled with the customer and the
 * follow-up, with Done, Snooze 1 hour and Open; or, when more than
 * DG_NOTIFIER_MAX_SINGLE fall due at once, one notification that lists
 * them. A reminder is marked as shown only when the notification service
 * took the notification; without a service it stays pending, a warning is
 * logged once, and it is shown as soon as a service appears on the bus.
 *
 * Notifications are kept until the service closes them, so that their
 * actions can still be answered while the main loop runs. Open is left to
 * whoever shows windows: the notifier emits ::open-followup or ::open-today.
 */
#pragma once

#include <glib-object.h>

#include "dg-core.h"

G_BEGIN_DECLS

/* More due reminders than this at once become one summary notification. */
#define DG_NOTIFIER_MAX_SINGLE 3

#define DG_TYPE_NOTIFIER (dg_notifier_get_type ())

G_DECLARE_FINAL_TYPE (DgNotifier, dg_notifier, DG, NOTIFIER, GObject)

/* Shows the reminders @service finds due; @service should not have been
 * started yet, so that its first check is seen. */
DgNotifier *dg_notifier_new                  (DgReminderService *service);
DgReminderService *dg_notifier_get_service   (DgNotifier        *self);
/* Shows @followups now (what the ::due handler does); they are marked as
 * shown when the notification service took them. */
void        dg_notifier_show                 (DgNotifier        *self,
                                              GPtrArray         *followups);
/* The notification service's id of the notification shown for
 * @followup_id, or of the summary when @followup_id is 0; 0 when none is
 * on screen. */
guint       dg_notifier_get_notification_id  (DgNotifier        *self,
                                              gint64             followup_id);

/* The summary and body of the notification for @followup, the body escaped
 * as markup; @clock says what "today" is. */
char       *dg_notifier_format_summary       (DgFollowup        *followup);
char       *dg_notifier_format_body          (DgFollowup        *followup,
                                              DgClock           *clock);

/* While ::open-followup or ::open-today is emitted: the activation token
 * the notification service sent with the click (for the window to be
 * raised with), or NULL. */
const char        *dg_notifier_get_activation_token (DgNotifier *self);

G_END_DECLS
