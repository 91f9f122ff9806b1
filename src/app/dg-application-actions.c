/* dg-application-actions.c
 *
 * The app.* actions and their accelerators.
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-application-private.h"
#include "dg-preferences-window.h"

static void
dg_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  DgApplication *self = DG_APPLICATION (user_data);
  g_autoptr(GList) windows = NULL;

  /* Quit ends the reminders too, whatever "Run in Background" says. */
  self->quitting = TRUE;
  _dg_application_update_hold (self);

  /* Closing each window, rather than quitting at once, lets the main
   * window remember its size as it does when closed by hand; the app ends
   * with its last window. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

static void
dg_application_preferences_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  DgApplication *self = DG_APPLICATION (user_data);
  GtkWindow *parent = GTK_WINDOW (_dg_application_find_window (self));
  DgPreferencesWindow *preferences;

  g_return_if_fail (self->settings != NULL);

  /* One Preferences window is enough: asking again brings it forward. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (DG_IS_PREFERENCES_WINDOW (l->data))
        {
          gtk_window_present (l->data);
          return;
        }
    }

  preferences = dg_preferences_window_new (parent, self->settings);
  dg_preferences_window_set_backup_auto (preferences, self->backup_auto);
  gtk_window_set_application (GTK_WINDOW (preferences), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
dg_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  DgApplication *self = DG_APPLICATION (user_data);
  const char *developers[] = { _("Dangol contributors"), NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "modal", TRUE,
                        "application-icon", APPLICATION_ID,
                        /* Translators: the name of the application; 단골 means
                         * "a regular customer". */
                        "application-name", _("Dangol"),
                        "comments", _("Keep track of your customers and follow up with them on time."),
                        "developer-name", _("Dangol contributors"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", _("© 2026 Dangol contributors"),
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);

  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", dg_application_quit_action },
  { "preferences", dg_application_preferences_action },
  { "about", dg_application_about_action },
};

static const struct {
  const char *action;
  const char *accels[3];
} app_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
};

void
_dg_application_install_actions (DgApplication *self,
                                 GSettings     *settings)
{
  GAction *preferences;

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);

  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           app_accels[i].action,
                                           app_accels[i].accels);

  /* Without the schema there is nothing the preferences could keep. */
  preferences = g_action_map_lookup_action (G_ACTION_MAP (self), "preferences");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (preferences), settings != NULL);

  /* The setting as an action too, so that it can be switched from outside
   * the window: `gapplication action io.github.dangol.Dangol
   * run-in-background` on the running instance. */
  if (settings != NULL)
    {
      g_autoptr(GAction) background = g_settings_create_action (settings, "run-in-background");

      g_action_map_add_action (G_ACTION_MAP (self), background);
    }
}
