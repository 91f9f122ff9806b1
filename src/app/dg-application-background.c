/* dg-application-background.c
 *
 * The question asked the first time the window is closed while follow-ups
 * are still to come and running in the background is off: reminders stop
 * with the window otherwise, and GNOME's rule is that an app starts itself
 * at login only once the person agreed; and how the desktop is asked to
 * start Dangol at login: the Background portal in a sandbox, the
 * autostart entry otherwise.
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-application-private.h"
#include "dg-autostart.h"
#include "dg-background-portal.h"
#include "dg-preferences-window.h"

/* Whether closing the window now would end reminders that are still to
 * come, and the person was never asked about it. */
static gboolean
dg_application_should_ask_background (DgApplication *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  gboolean upcoming = FALSE;

  if (self->settings == NULL || self->context == NULL || self->quitting)
    return FALSE;

  if (g_settings_get_boolean (self->settings, "run-in-background")
      || g_settings_get_boolean (self->settings, "background-asked"))
    return FALSE;

  now = dg_clock_get_now_utc (dg_context_get_clock (self->context));
  if (!dg_reminders_has_upcoming (dg_context_get_database (self->context), now, &upcoming, &error))
    {
      g_message ("Could not look up the follow-ups to come: %s", error->message);
      return FALSE;
    }

  return upcoming;
}

/* @text as markup whose lines break only between words: Pango breaks
 * Korean between any two syllables, which splits words such as
 * 백그라운드에서 across lines. */
static char *
markup_keeping_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  g_autoptr(GString) markup = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (words[i], -1);

      if (i > 0)
        g_string_append_c (markup, ' ');
      g_string_append_printf (markup, "<span allow_breaks=\"false\">%s</span>", escaped);
    }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static gboolean
close_window_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));

  return G_SOURCE_REMOVE;
}

static void
on_background_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           DgApplication    *self)
{
  GtkWindow *window = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  gboolean keep = g_str_equal (response, "keep");

  self->background_dialog = NULL;

  /* Escape puts the window back as it was: nothing was answered. */
  if (!keep && !g_str_equal (response, "not-now"))
    return;

  g_debug ("Asked about the background: %s", response);
  g_settings_set_boolean (self->settings, "background-asked", TRUE);
  if (keep)
    {
      g_settings_set_boolean (self->settings, "run-in-background", TRUE);
      _dg_application_update_hold (self);
    }

  /* Closed once the dialog has gone: with Keep Reminding the app stays
   * without a window, with Not Now it ends as it always did. */
  if (window != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_window_cb,
                     g_object_ref (window), g_object_unref);
}

gboolean
dg_application_window_close_requested (DgApplication *self,
                                       GtkWindow     *window)
{
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  g_return_val_if_fail (DG_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);

  if (self->background_dialog != NULL)
    {
      /* Quit does not wait for an answer. */
      if (!self->quitting)
        return TRUE;

      gtk_window_destroy (GTK_WINDOW (self->background_dialog));
      self->background_dialog = NULL;
      return FALSE;
    }

  if (!dg_application_should_ask_background (self))
    return FALSE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window,
                                                       _("Keep Reminding When Dangol Is Closed?"),
                                                       NULL));
  body = markup_keeping_words (_("Some follow-ups are still to come. Dangol can keep running in the background and start when you log in, so that their reminders reach you. You can change this in Preferences."));
  adw_message_dialog_set_body_use_markup (dialog, TRUE);
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_responses (dialog,
                                    "not-now", _("_Not Now"),
                                    "keep", _("_Keep Reminding"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "keep", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_background_response_cb),
                           self, 0);

  self->background_dialog = GTK_WIDGET (dialog);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
dg_application_report_background_error (DgApplication *self,
                                        gboolean       enabled,
                                        const GError  *error)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (DG_IS_PREFERENCES_WINDOW (window))
    {
      g_autofree char *title = NULL;

      if (enabled)
        /* Translators: %s says what went wrong. */
        title = g_markup_printf_escaped (_("Dangol could not be set to start when you log in: %s"),
                                         error->message);
      else
        /* Translators: %s says what went wrong. */
        title = g_markup_printf_escaped (_("Dangol will still start when you log in: %s"),
                                         error->message);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (title));
    }
}

static void
dg_application_write_autostart (DgApplication *self,
                                gboolean       enabled)
{
  g_autoptr(GError) error = NULL;

  if (!dg_autostart_set_enabled (enabled, &error))
    {
      g_warning ("Could not %s the autostart entry: %s",
                 enabled ? "install" : "remove", error->message);
      dg_application_report_background_error (self, enabled, error);
    }
}

typedef struct
{
  DgApplication *self;
  gboolean       enabled;
} PortalRequest;

static void
on_background_portal_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  PortalRequest *request = user_data;
  g_autoptr(DgApplication) self = request->self;
  gboolean enabled = request->enabled;
  g_autoptr(GError) error = NULL;
  gboolean background = FALSE, autostart = FALSE;

  g_free (request);

  if (!dg_background_portal_request_finish (result, &background, &autostart, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* No portal after all: the autostart entry, as outside a sandbox. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
        {
          dg_application_write_autostart (self, enabled);
          return;
        }

      g_message ("The Background portal failed: %s", error->message);
      dg_application_report_background_error (self, enabled, error);
      return;
    }

  g_debug ("Background portal: background %d, autostart %d", background, autostart);

  /* Declined in the desktop's own dialog: the setting says what is true,
   * and the reminders end with the window as they did before. */
  if (enabled && !background && self->settings != NULL
      && g_settings_get_boolean (self->settings, "run-in-background"))
    {
      g_message ("The desktop does not let Dangol run in the background");
      g_settings_set_boolean (self->settings, "run-in-background", FALSE);
    }
}

void
_dg_application_request_background (DgApplication *self,
                                   gboolean       enabled)
{
  static const char * const commandline[] = { "dangol", "--background", NULL };
  GDBusConnection *connection = NULL;
  PortalRequest *request;

  if (g_application_get_is_registered (G_APPLICATION (self)))
    connection = g_application_get_dbus_connection (G_APPLICATION (self));

  if (!self->use_portal || connection == NULL)
    {
      dg_application_write_autostart (self, enabled);
      return;
    }

  request = g_new0 (PortalRequest, 1);
  request->self = g_object_ref (self);
  request->enabled = enabled;
  dg_background_portal_request (connection, "", enabled, commandline,
                                _("Show follow-up reminders while the Dangol window is closed"),
                                self->cancellable,
                                on_background_portal_cb, request);
}

/* The autostart entry follows the setting at every start, so that one
 * removed or edited by hand, or written by another version, is put right. */
void
_dg_application_sync_autostart (DgApplication *self)
{
  g_autoptr(GError) error = NULL;
  gboolean enabled;

  /* The portal keeps its own entry. */
  if (self->settings == NULL || self->use_portal)
    return;

  enabled = g_settings_get_boolean (self->settings, "run-in-background");
  if (!dg_autostart_sync (enabled, &error))
    g_message ("Could not %s the autostart entry: %s",
               enabled ? "install" : "remove", error->message);
}
