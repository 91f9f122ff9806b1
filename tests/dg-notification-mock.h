/* dg-notification-mock.h
 *
 * python3-dbusmock's notification daemon on a private session bus, for the
 * tests of reminders: it records the Notify and CloseNotification calls it
 * gets and sends the signals a click would (ActionInvoked, with the
 * ActivationToken before it). python3-dbusmock 0.28 (Debian 12) has no
 * -e: the mock is started in the background and waited for by its bus
 * name.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What one Notify call carried. */
typedef struct
{
  char    *app_name;
  guint32  replaces_id;
  char    *app_icon;
  char    *summary;
  char    *body;
  GStrv    actions;
  GVariant *hints;
  gint32   timeout;
} DgNotifyCall;

void          dg_notify_call_free (DgNotifyCall *call);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgNotifyCall, dg_notify_call_free)

/* Brings up a bus of the test's own with the mock on it; a subprocess of
 * the test (g_test_trap_subprocess()) uses its parent's. DISPLAY, which
 * GTestDBus unsets, is kept for windows. */
void          dg_notification_mock_setup        (void);
/* Stops the mock and takes the bus down (nothing in a subprocess). */
void          dg_notification_mock_teardown     (void);
void          dg_notification_mock_start        (void);
void          dg_notification_mock_stop         (void);
/* Waits until the mock owns the notifications name, or no longer does. */
void          dg_notification_mock_wait         (gboolean            running);
void          dg_notification_mock_clear_calls  (void);
/* The Notify calls the mock received since the last clear, as
 * DgNotifyCall. */
GPtrArray    *dg_notification_mock_get_notify_calls (void);
const DgNotifyCall *dg_notification_mock_find_call (GPtrArray      *calls,
                                                   const char     *summary);
/* The label that goes with @key in the action list, or NULL. */
const char   *dg_notification_mock_action_label (const DgNotifyCall *call,
                                                 const char         *key);
/* Whether the notification @id was withdrawn with CloseNotification. */
gboolean      dg_notification_mock_closed       (guint32             id);
/* What the daemon sends for a click on the action @action of @id. */
void          dg_notification_mock_emit_action  (guint32             id,
                                                 const char         *action);
/* What a daemon sends before the action, for the window to be raised. */
void          dg_notification_mock_emit_activation_token (guint32     id,
                                                          const char *token);

G_END_DECLS
