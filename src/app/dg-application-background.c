/* dg-application-background.c
 *
 * The question asked the first time the window is closed while follow-ups
 * are still to come and running in the background is off: reminders stop
 * with the window otherwise, and GNOME's rule is that an app starts itself
 * at login only once the person agreed.
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-application-private.h"

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
