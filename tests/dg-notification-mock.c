/* dg-notification-mock.c */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <libnotify/notify.h>
#include <signal.h>

#include "dg-notification-mock.h"
#include "dg-ui-test-util.h"

#define NOTIFICATIONS_NAME  "org.freedesktop.Notifications"
#define NOTIFICATIONS_PATH  "/org/freedesktop/Notifications"
#define MOCK_INTERFACE      "org.freedesktop.DBus.Mock"
/* Python starting on a loaded machine can take a while. */
#define MOCK_TIMEOUT_USEC   (60 * G_USEC_PER_SEC)

static GTestDBus *test_bus;
static GDBusConnection *connection;
static GSubprocess *mock;
static gboolean mock_exited;
static char *notifications_owner;
static guint watch;

void
dg_notify_call_free (DgNotifyCall *call)
{
  g_free (call->app_name);
  g_free (call->app_icon);
  g_free (call->summary);
  g_free (call->body);
  g_strfreev (call->actions);
  g_clear_pointer (&call->hints, g_variant_unref);
  g_free (call);
}


static void
on_owner_appeared_cb (GDBusConnection *bus_connection,
                      const char      *name,
                      const char      *owner,
                      gpointer         user_data)
{
  g_free (notifications_owner);
  notifications_owner = g_strdup (owner);
}

static void
on_owner_vanished_cb (GDBusConnection *bus_connection,
                      const char      *name,
                      gpointer         user_data)
{
  g_clear_pointer (&notifications_owner, g_free);
}

static void
on_mock_exited_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  mock_exited = TRUE;
}

void
dg_notification_mock_wait (gboolean running)
{
  gint64 deadline = g_get_monotonic_time () + MOCK_TIMEOUT_USEC;

  while ((notifications_owner != NULL) != running
         && !(running && mock_exited)
         && dg_ui_test_iterate (deadline))
    ;

  if (running && mock_exited)
    g_error ("The notification daemon mock (/usr/bin/python3 -m dbusmock) exited before "
             "it owned %s: is python3-dbusmock installed?", NOTIFICATIONS_NAME);
  if ((notifications_owner != NULL) != running)
    g_error ("%s was not %s within %d s", NOTIFICATIONS_NAME,
             running ? "owned" : "released", (int) (MOCK_TIMEOUT_USEC / G_USEC_PER_SEC));
}

void
dg_notification_mock_start (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (mock);
  mock_exited = FALSE;
  mock = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                           "/usr/bin/python3", "-m", "dbusmock",
                           "--session", "-t", "notification_daemon",
                           NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (mock, NULL, on_mock_exited_cb, NULL);

  dg_notification_mock_wait (TRUE);
}

void
dg_notification_mock_stop (void)
{
  if (mock == NULL)
    return;

  g_subprocess_send_signal (mock, SIGTERM);
  while (!mock_exited)
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&mock);

  dg_notification_mock_wait (FALSE);
}

static GVariant *
mock_call (const char         *method,
           GVariant           *parameters,
           const GVariantType *reply_type)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply;

  reply = g_dbus_connection_call_sync (connection,
                                       NOTIFICATIONS_NAME, NOTIFICATIONS_PATH,
                                       MOCK_INTERFACE, method, parameters,
                                       reply_type, G_DBUS_CALL_FLAGS_NONE,
                                       -1, NULL, &error);
  g_assert_no_error (error);

  return reply;
}

void
dg_notification_mock_clear_calls (void)
{
  g_autoptr(GVariant) reply = mock_call ("ClearCalls", NULL, NULL);
}

/* The Notify calls the daemon received since the last dg_notification_mock_clear_calls(). */
GPtrArray *
dg_notification_mock_get_notify_calls (void)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) calls = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_notify_call_free);

  reply = mock_call ("GetMethodCalls", g_variant_new ("(s)", "Notify"), G_VARIANT_TYPE ("(a(tav))"));
  calls = g_variant_get_child_value (reply, 0);

  for (gsize i = 0; i < g_variant_n_children (calls); i++)
    {
      g_autoptr(GVariant) entry = g_variant_get_child_value (calls, i);
      g_autoptr(GVariant) args = g_variant_get_child_value (entry, 1);
      DgNotifyCall *call = g_new0 (DgNotifyCall, 1);

      GVariant *values[8];

      /* The mock records the arguments as an array of variants. */
      g_assert_cmpuint (g_variant_n_children (args), ==, G_N_ELEMENTS (values));
      for (gsize n = 0; n < G_N_ELEMENTS (values); n++)
        {
          g_autoptr(GVariant) boxed = g_variant_get_child_value (args, n);

          values[n] = g_variant_get_variant (boxed);
        }

      call->app_name = g_variant_dup_string (values[0], NULL);
      call->replaces_id = g_variant_get_uint32 (values[1]);
      call->app_icon = g_variant_dup_string (values[2], NULL);
      call->summary = g_variant_dup_string (values[3], NULL);
      call->body = g_variant_dup_string (values[4], NULL);
      call->actions = g_variant_dup_strv (values[5], NULL);
      call->hints = g_variant_ref (values[6]);
      call->timeout = g_variant_get_int32 (values[7]);

      for (gsize n = 0; n < G_N_ELEMENTS (values); n++)
        g_variant_unref (values[n]);
      g_ptr_array_add (result, call);
    }

  return result;
}

const DgNotifyCall *
dg_notification_mock_find_call (GPtrArray  *calls,
           const char *summary)
{
  for (guint i = 0; i < calls->len; i++)
    {
      const DgNotifyCall *call = g_ptr_array_index (calls, i);

      if (g_strcmp0 (call->summary, summary) == 0)
        return call;
    }

  return NULL;
}

/* The label that goes with @key in the action list, or NULL. */
const char *
dg_notification_mock_action_label (const DgNotifyCall *call,
                   const char       *key)
{
  for (guint i = 0; call->actions[i] != NULL && call->actions[i + 1] != NULL; i += 2)
    {
      if (g_str_equal (call->actions[i], key))
        return call->actions[i + 1];
    }

  return NULL;
}

/* Whether the notification @id was withdrawn with CloseNotification. */
gboolean
dg_notification_mock_closed (guint32 id)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) calls = NULL;

  reply = mock_call ("GetMethodCalls", g_variant_new ("(s)", "CloseNotification"),
                     G_VARIANT_TYPE ("(a(tav))"));
  calls = g_variant_get_child_value (reply, 0);

  for (gsize i = 0; i < g_variant_n_children (calls); i++)
    {
      g_autoptr(GVariant) entry = g_variant_get_child_value (calls, i);
      g_autoptr(GVariant) args = g_variant_get_child_value (entry, 1);
      g_autoptr(GVariant) boxed = g_variant_get_child_value (args, 0);
      g_autoptr(GVariant) value = g_variant_get_variant (boxed);
      /* The mock declares the id as an int32. */
      guint32 closed = g_variant_is_of_type (value, G_VARIANT_TYPE_INT32)
                       ? (guint32) g_variant_get_int32 (value)
                       : g_variant_get_uint32 (value);

      if (closed == id)
        return TRUE;
    }

  return FALSE;
}

void
dg_notification_mock_emit_action (guint32     id,
             const char *action)
{
  GVariantBuilder args;
  g_autoptr(GVariant) reply = NULL;

  g_assert_cmpuint (id, !=, 0);

  g_variant_builder_init (&args, G_VARIANT_TYPE ("av"));
  g_variant_builder_add (&args, "v", g_variant_new_uint32 (id));
  g_variant_builder_add (&args, "v", g_variant_new_string (action));
  reply = mock_call ("EmitSignal",
                     g_variant_new ("(sssav)", NOTIFICATIONS_NAME, "ActionInvoked", "us", &args),
                     NULL);
}

void
dg_notification_mock_emit_activation_token (guint32     id,
                       const char *token)
{
  GVariantBuilder args;
  g_autoptr(GVariant) reply = NULL;

  g_variant_builder_init (&args, G_VARIANT_TYPE ("av"));
  g_variant_builder_add (&args, "v", g_variant_new_uint32 (id));
  g_variant_builder_add (&args, "v", g_variant_new_string (token));
  reply = mock_call ("EmitSignal",
                     g_variant_new ("(sssav)", NOTIFICATIONS_NAME, "ActivationToken", "us", &args),
                     NULL);
}


void
dg_notification_mock_setup (void)
{
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  g_autoptr(GError) error = NULL;

  /* A bus of our own, so that the mock daemon is the only one there. */
  if (!g_test_subprocess ())
    {
      test_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      g_test_dbus_up (test_bus);
      if (display != NULL)
        g_setenv ("DISPLAY", display, TRUE);
    }

  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  watch = g_bus_watch_name_on_connection (connection, NOTIFICATIONS_NAME,
                                          G_BUS_NAME_WATCHER_FLAGS_NONE,
                                          on_owner_appeared_cb,
                                          on_owner_vanished_cb,
                                          NULL, NULL);
  if (!g_test_subprocess ())
    dg_notification_mock_start ();
  else
    dg_notification_mock_wait (TRUE);
}

void
dg_notification_mock_teardown (void)
{
  if (g_test_subprocess ())
    return;

  dg_notification_mock_stop ();
  /* libnotify keeps a connection to the bus, which must go before it. */
  notify_uninit ();
  g_bus_unwatch_name (watch);
  g_clear_object (&connection);
  g_test_dbus_down (test_bus);
  g_clear_object (&test_bus);
}
