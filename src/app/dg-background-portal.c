/* dg-background-portal.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "dg-background-portal.h"

#define PORTAL_BUS_NAME      "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH   "/org/freedesktop/portal/desktop"
#define BACKGROUND_INTERFACE "org.freedesktop.portal.Background"
#define REQUEST_INTERFACE    "org.freedesktop.portal.Request"

typedef struct
{
  GDBusConnection *connection;
  char            *parent_window;
  GVariant        *options;
  char            *request_path;
  guint            response_id;
} Request;

typedef struct
{
  gboolean background;
  gboolean autostart;
} Answer;

static void
request_unsubscribe (Request *request)
{
  if (request->response_id != 0)
    g_dbus_connection_signal_unsubscribe (request->connection, request->response_id);
  request->response_id = 0;
}

static void
request_free (Request *request)
{
  request_unsubscribe (request);
  g_clear_object (&request->connection);
  g_clear_pointer (&request->parent_window, g_free);
  g_clear_pointer (&request->options, g_variant_unref);
  g_clear_pointer (&request->request_path, g_free);
  g_free (request);
}

gboolean
dg_background_portal_is_sandboxed (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

static void
return_answer (GTask    *task,
               gboolean  background,
               gboolean  autostart)
{
  Answer *answer = g_new0 (Answer, 1);
  Request *request = g_task_get_task_data (task);

  request_unsubscribe (request);

  answer->background = background;
  answer->autostart = autostart;
  g_task_return_pointer (task, answer, g_free);
}

static void
return_error (GTask  *task,
              GError *error)
{
  Request *request = g_task_get_task_data (task);

  request_unsubscribe (request);

  g_task_return_error (task, error);
}

static void
on_response_cb (GDBusConnection *connection,
                const char      *sender_name,
                const char      *object_path,
                const char      *interface_name,
                const char      *signal_name,
                GVariant        *parameters,
                gpointer         user_data)
{
  GTask *task = user_data;
  g_autoptr(GVariant) results = NULL;
  gboolean background = FALSE, autostart = FALSE;
  guint32 response = 2;

  if (g_task_get_completed (task) || !g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ua{sv})")))
    return;

  g_variant_get (parameters, "(u@a{sv})", &response, &results);
  g_debug ("Background portal answered %u", response);

  /* 0: granted; 1: the person declined, which is an answer; 2: the
   * request ended some other way. */
  if (response == 2)
    {
      return_error (g_object_ref (task),
                    g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                         _("The desktop did not answer the request to run in the background")));
      g_object_unref (task);
      return;
    }

  if (response == 0)
    {
      g_variant_lookup (results, "background", "b", &background);
      g_variant_lookup (results, "autostart", "b", &autostart);
    }

  return_answer (g_object_ref (task), background, autostart);
  g_object_unref (task);
}

static void
subscribe (GTask      *task,
           const char *path)
{
  Request *request = g_task_get_task_data (task);

  request_unsubscribe (request);
  g_free (request->request_path);
  request->request_path = g_strdup (path);
  /* The subscription holds the task until it is dropped. */
  request->response_id =
    g_dbus_connection_signal_subscribe (request->connection,
                                        PORTAL_BUS_NAME,
                                        REQUEST_INTERFACE,
                                        "Response",
                                        path,
                                        NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        on_response_cb,
                                        g_object_ref (task),
                                        g_object_unref);
}

static void
on_request_background_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  Request *request = g_task_get_task_data (task);
  const char *handle = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (g_task_get_completed (task))
    return;

  if (reply == NULL)
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A portal older than handle tokens answers on a path of its own
   * choosing; follow it there. */
  g_variant_get (reply, "(&o)", &handle);
  if (g_strcmp0 (handle, request->request_path) != 0)
    subscribe (task, handle);
}

static void
send_request (GTask *task)
{
  Request *request = g_task_get_task_data (task);

  g_dbus_connection_call (request->connection,
                          PORTAL_BUS_NAME,
                          PORTAL_OBJECT_PATH,
                          BACKGROUND_INTERFACE,
                          "RequestBackground",
                          g_variant_new ("(s@a{sv})", request->parent_window, request->options),
                          G_VARIANT_TYPE ("(o)"),
                          G_DBUS_CALL_FLAGS_NONE,
                          -1,
                          g_task_get_cancellable (task),
                          on_request_background_cb,
                          g_object_ref (task));
}

static void
on_version_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          return_error (task, g_steal_pointer (&error));
          return;
        }

      /* No portal, or one without the Background interface. */
      g_debug ("No Background portal: %s", error->message);
      return_error (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                               _("The desktop offers no way to run in the background")));
      return;
    }

  send_request (task);
}

static char *
make_request_path (GDBusConnection *connection,
                   const char      *token)
{
  const char *unique = g_dbus_connection_get_unique_name (connection);
  g_autofree char *sender = NULL;

  /* ":1.42" becomes "1_42", as the portal names its request objects. */
  sender = g_strdup (unique != NULL && unique[0] == ':' ? unique + 1 : (unique ? unique : ""));
  g_strdelimit (sender, ".", '_');

  return g_strdup_printf (PORTAL_OBJECT_PATH "/request/%s/%s", sender, token);
}

void
dg_background_portal_request (GDBusConnection     *connection,
                              const char          *parent_window,
                              gboolean             autostart,
                              const char * const  *commandline,
                              const char          *reason,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  static guint counter;
  g_autoptr(GTask) task = NULL;
  g_autofree char *token = NULL;
  g_autofree char *path = NULL;
  GVariantBuilder options;
  Request *request;

  g_return_if_fail (G_IS_DBUS_CONNECTION (connection));
  g_return_if_fail (commandline != NULL && commandline[0] != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dg_background_portal_request);

  token = g_strdup_printf ("dangol%u_%u", (guint) getpid (), ++counter);
  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (autostart));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));
  if (reason != NULL)
    g_variant_builder_add (&options, "{sv}", "reason", g_variant_new_string (reason));

  request = g_new0 (Request, 1);
  request->connection = g_object_ref (connection);
  request->parent_window = g_strdup (parent_window != NULL ? parent_window : "");
  request->options = g_variant_ref_sink (g_variant_builder_end (&options));
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  /* Listening before asking: the answer may come before the reply. */
  path = make_request_path (connection, token);
  subscribe (task, path);

  g_dbus_connection_call (connection,
                          PORTAL_BUS_NAME,
                          PORTAL_OBJECT_PATH,
                          "org.freedesktop.DBus.Properties",
                          "Get",
                          g_variant_new ("(ss)", BACKGROUND_INTERFACE, "version"),
                          G_VARIANT_TYPE ("(v)"),
                          G_DBUS_CALL_FLAGS_NONE,
                          -1,
                          cancellable,
                          on_version_cb,
                          g_steal_pointer (&task));
}

gboolean
dg_background_portal_request_finish (GAsyncResult  *result,
                                     gboolean      *out_background,
                                     gboolean      *out_autostart,
                                     GError       **error)
{
  g_autofree Answer *answer = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  answer = g_task_propagate_pointer (G_TASK (result), error);
  if (answer == NULL)
    return FALSE;

  if (out_background != NULL)
    *out_background = answer->background;
  if (out_autostart != NULL)
    *out_autostart = answer->autostart;

  return TRUE;
}
