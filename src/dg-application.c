/* dg-application.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-application.h"
#include "dg-window.h"

struct _DgApplication
{
  AdwApplication  parent_instance;

  DgContext      *context;
};

G_DEFINE_FINAL_TYPE (DgApplication, dg_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  /* Translators: the placeholder of the --db option in "dangol --help". */
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database at PATH instead of the default one"), N_("PATH") },
  { NULL }
};

static GSettings *
dg_application_create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Running from the build tree the schema is not installed; the app then
   * works without remembering its window size rather than aborting. */
  if (source == NULL)
    return NULL;

  schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

static DgWindow *
dg_application_find_window (DgApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (DG_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

static void
on_open_error_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           DgApplication    *self)
{
  g_application_quit (G_APPLICATION (self));
}

GtkWidget *
dg_application_show_open_error (DgApplication *self,
                                const GError  *error)
{
  GtkWindow *parent;
  GtkWidget *dialog;

  g_return_val_if_fail (DG_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (error != NULL, NULL);

  /* Without a database there is no main window; a bare one stands in, so
   * the dialog has a window to belong to as dialogs should. */
  parent = GTK_WINDOW (dg_application_find_window (self));
  if (parent == NULL)
    {
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-error-symbolic");
      gtk_widget_set_vexpand (status, TRUE);
      gtk_box_append (GTK_BOX (content), adw_header_bar_new ());
      gtk_box_append (GTK_BOX (content), status);

      parent = g_object_new (ADW_TYPE_APPLICATION_WINDOW,
                             "application", self,
                             "title", _("Dangol"),
                             "default-width", 640,
                             "default-height", 480,
                             "content", content,
                             NULL);
      gtk_window_present (parent);
    }

  dialog = adw_message_dialog_new (parent,
                                   _("Dangol Cannot Open the Database"),
                                   error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_open_error_response_cb),
                           self, 0);

  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

gboolean
dg_application_open_database (DgApplication  *self,
                              const char     *path,
                              GError        **error)
{
  g_autoptr(DgDatabase) database = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *default_path = NULL;

  g_return_val_if_fail (DG_IS_APPLICATION (self), FALSE);

  if (self->context != NULL)
    return TRUE;

  if (path == NULL)
    path = default_path = dg_database_get_default_path ();

  database = dg_database_open (path, error);
  if (database == NULL)
    return FALSE;

  settings = dg_application_create_settings ();
  self->context = dg_context_new (database, settings);

  return TRUE;
}

DgContext *
dg_application_get_context (DgApplication *self)
{
  g_return_val_if_fail (DG_IS_APPLICATION (self), NULL);

  return self->context;
}

static void
dg_application_activate (GApplication *app)
{
  DgApplication *self = DG_APPLICATION (app);
  GtkWindow *window;

  if (self->context == NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!dg_application_open_database (self, NULL, &error))
        {
          g_warning ("%s", error->message);
          dg_application_show_open_error (self, error);
          return;
        }
    }

  window = GTK_WINDOW (dg_application_find_window (self));
  if (window == NULL)
    window = GTK_WINDOW (dg_window_new (self, self->context));

  gtk_window_present (window);
}

static int
dg_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "dangol", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static int
dg_application_command_line (GApplication            *app,
                             GApplicationCommandLine *command_line)
{
  DgApplication *self = DG_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  const char *arg = NULL;

  /* The arguments may come from a second launch in another directory, so a
   * relative path is resolved against that launch's working directory. */
  if (g_variant_dict_lookup (options, "db", "^&ay", &arg))
    {
      file = g_application_command_line_create_file_for_arg (command_line, arg);
      path = g_file_get_path (file);
    }

  if (self->context == NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!dg_application_open_database (self, path, &error))
        {
          g_application_command_line_printerr (command_line, "%s\n", error->message);
          dg_application_show_open_error (self, error);
          return EXIT_FAILURE;
        }
    }
  else if (path != NULL)
    {
      DgDatabase *database = dg_context_get_database (self->context);
      g_autoptr(GFile) open_file = g_file_new_for_path (dg_database_get_path (database));

      if (!g_file_equal (file, open_file))
        {
          g_autofree char *message = NULL;

          /* Translators: shown on the terminal when Dangol is started with
           * --db while it already runs; the first %s is the database asked
           * for, the second the one that is open. */
          message = g_strdup_printf (_("“%s” was not opened: Dangol is already running with “%s”. Quit Dangol first to open another database."),
                                     path, dg_database_get_path (database));
          g_application_command_line_printerr (command_line, "%s\n", message);
        }
    }

  g_application_activate (app);

  return EXIT_SUCCESS;
}

static void
dg_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  g_autoptr(GList) windows = NULL;

  /* Closing each window, rather than quitting at once, lets the main
   * window remember its size as it does when closed by hand; the app ends
   * with its last window. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
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
  { "about", dg_application_about_action },
};

static const struct {
  const char *action;
  const char *accels[3];
} app_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "window.close", { "<Control>w", NULL } },
};

static void
dg_application_startup (GApplication *app)
{
  DgApplication *self = DG_APPLICATION (app);

  G_APPLICATION_CLASS (dg_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);

  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           app_accels[i].action,
                                           app_accels[i].accels);

  gtk_window_set_default_icon_name (APPLICATION_ID);
}

static void
dg_application_dispose (GObject *object)
{
  DgApplication *self = (DgApplication *)object;

  g_clear_object (&self->context);

  G_OBJECT_CLASS (dg_application_parent_class)->dispose (object);
}

static void
dg_application_class_init (DgApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = dg_application_dispose;

  app_class->activate = dg_application_activate;
  app_class->startup = dg_application_startup;
  app_class->command_line = dg_application_command_line;
  app_class->handle_local_options = dg_application_handle_local_options;
}

static void
dg_application_init (DgApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                             _("Keep track of your customers and follow up with them on time."));
}

DgApplication *
dg_application_new (void)
{
  return g_object_new (DG_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}
