/* dg-application.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-accessible.h"
#include "dg-application-private.h"
#include "dg-keep-all.h"
#include "dg-background-portal.h"
#include "dg-demo-ui.h"
#include "dg-notifier.h"
#include "dg-preferences-window.h"
#include "dg-window.h"

G_DEFINE_FINAL_TYPE (DgApplication, dg_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  /* Translators: the placeholder of the --db option in "dangol --help". */
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database at PATH instead of the default one"), N_("PATH") },
  { "background", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start without a window and show reminders when follow-ups fall due"), NULL },
  /* Translators: the placeholder of the --backup and --restore options in
   * "dangol --help". */
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a backup of everything to FILE and exit"), N_("FILE") },
  { "restore", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Replace everything with the backup in FILE and exit; asks first"), N_("FILE") },
  { "yes", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Restore without asking"), NULL },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the customers of a CSV sheet or a vCard file and exit; updates those already known"), N_("FILE") },
  /* Translators: the placeholder of the --journey, --stage and --cohort
   * options in "dangol --help". */
  { "journey", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import: the journey to enrol the customers in"), N_("NAME") },
  { "stage", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import: the stage of that journey"), N_("NAME") },
  { "cohort", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import: a new cohort to put them in"), N_("NAME") },
  { "cohort-date", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --cohort: the cohort’s date"), N_("YYYY-MM-DD") },
  { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the customers as CSV to FILE and exit"), N_("FILE") },
  { "export-vcard", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the customers as vCard contacts to FILE and exit"), N_("FILE") },
  { "export-ical", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the open follow-ups as iCalendar tasks to FILE and exit"), N_("FILE") },
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

DgWindow *
_dg_application_find_window (DgApplication *self)
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

  /* Reading the dialog does not make the start a success. */
  self->exit_status = EXIT_FAILURE;

  /* Without a database there is no main window; a bare one stands in, so
   * the dialog has a window to belong to as dialogs should. */
  parent = GTK_WINDOW (_dg_application_find_window (self));
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

static gboolean
dg_application_wants_background (DgApplication *self)
{
  /* Only an app that shows reminders has a reason to stay without a
   * window; Quit ends it whatever the setting. */
  if (self->reminders == NULL || self->quitting)
    return FALSE;

  if (self->background_start)
    return TRUE;

  return self->settings != NULL && g_settings_get_boolean (self->settings, "run-in-background");
}

/* Holds the app running with no window while it should remind in the
 * background, and lets it end with its last window otherwise. */
void
_dg_application_update_hold (DgApplication *self)
{
  gboolean want = dg_application_wants_background (self);

  if (want == self->held)
    return;

  self->held = want;
  g_debug ("%s the app running without a window", want ? "Holding" : "No longer holding");
  if (want)
    g_application_hold (G_APPLICATION (self));
  else
    g_application_release (G_APPLICATION (self));
}

static void
dg_application_apply_lead_minutes (DgApplication *self)
{
  g_autoptr(GError) error = NULL;
  int minutes;

  if (self->context == NULL || self->settings == NULL)
    return;

  minutes = g_settings_get_int (self->settings, "reminder-lead-minutes");
  if (!dg_reminders_set_lead_minutes (dg_context_get_database (self->context),
                                      (guint) MAX (minutes, 0), &error))
    g_warning ("Could not set how long before a follow-up to remind: %s", error->message);
}

static void
on_lead_minutes_changed_cb (GSettings     *settings,
                            const char    *key,
                            DgApplication *self)
{
  dg_application_apply_lead_minutes (self);
}

/* The morning agenda belongs to the reminders in the background: it is
 * given while both settings are on. */
void
_dg_application_apply_morning_agenda (DgApplication *self)
{
  gboolean enabled;
  int minute, cold_days;

  if (self->reminders == NULL || self->settings == NULL)
    return;

  enabled = g_settings_get_boolean (self->settings, "morning-agenda")
            && g_settings_get_boolean (self->settings, "run-in-background");
  minute = g_settings_get_int (self->settings, "morning-agenda-time");
  cold_days = g_settings_get_int (self->settings, "going-cold-days");

  dg_reminder_service_set_morning_agenda (self->reminders, enabled,
                                          (guint) CLAMP (minute, 0, 24 * 60 - 1),
                                          (guint) MAX (cold_days, 1));
}

static void
on_morning_agenda_changed_cb (GSettings     *settings,
                              const char    *key,
                              DgApplication *self)
{
  _dg_application_apply_morning_agenda (self);
}

static void
on_run_in_background_changed_cb (GSettings     *settings,
                                 const char    *key,
                                 DgApplication *self)
{
  gboolean enabled = g_settings_get_boolean (settings, key);

  _dg_application_request_background (self, enabled);
  _dg_application_update_hold (self);
  _dg_application_apply_morning_agenda (self);
}

static GSettings *
dg_application_get_settings (DgApplication *self)
{
  if (self->settings_checked)
    return self->settings;

  self->settings_checked = TRUE;
  self->settings = dg_application_create_settings ();
  if (self->settings == NULL)
    return NULL;

  g_signal_connect_object (self->settings, "changed::reminder-lead-minutes",
                           G_CALLBACK (on_lead_minutes_changed_cb),
                           self, 0);
  g_signal_connect_object (self->settings, "changed::run-in-background",
                           G_CALLBACK (on_run_in_background_changed_cb),
                           self, 0);
  g_signal_connect_object (self->settings, "changed::morning-agenda",
                           G_CALLBACK (on_morning_agenda_changed_cb),
                           self, 0);
  g_signal_connect_object (self->settings, "changed::morning-agenda-time",
                           G_CALLBACK (on_morning_agenda_changed_cb),
                           self, 0);
  g_signal_connect_object (self->settings, "changed::going-cold-days",
                           G_CALLBACK (on_morning_agenda_changed_cb),
                           self, 0);

  return self->settings;
}

void
dg_application_set_clock (DgApplication *self,
                          DgClock       *clock)
{
  g_return_if_fail (DG_IS_APPLICATION (self));
  g_return_if_fail (!clock || DG_IS_CLOCK (clock));
  g_return_if_fail (self->context == NULL);

  g_set_object (&self->clock, clock);
}

gboolean
dg_application_open_database (DgApplication  *self,
                              const char     *path,
                              GError        **error)
{
  g_autoptr(DgDatabase) database = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (DG_IS_APPLICATION (self), FALSE);

  if (self->context != NULL)
    return TRUE;

  /* NULL, not the default path spelled out: the core keeps its own
   * default folder private, and only that one. */
  database = dg_database_open (path, error);
  if (database == NULL)
    return FALSE;

  self->context = g_object_new (DG_TYPE_CONTEXT,
                                "database", database,
                                "settings", dg_application_get_settings (self),
                                "clock", self->clock,
                                NULL);

  /* All-day follow-ups are stored for the zone they were written in;
   * every list asked for from now on must see them in this one. */
  if (!dg_followups_sync_time_zone (database, dg_context_get_clock (self->context), &local_error))
    g_warning ("Could not bring all-day follow-ups to the current time zone: %s",
               local_error->message);

  dg_application_apply_lead_minutes (self);

  return TRUE;
}

DgContext *
dg_application_get_context (DgApplication *self)
{
  g_return_val_if_fail (DG_IS_APPLICATION (self), NULL);

  return self->context;
}

void
_dg_application_set_startup_id (DgApplication *self,
                                const char    *startup_id)
{
  g_free (self->startup_id);
  self->startup_id = g_strdup (startup_id);
}

DgWindow *
_dg_application_present_window (DgApplication *self)
{
  DgWindow *window = _dg_application_find_window (self);

  if (window == NULL)
    window = dg_window_new (self, self->context);

  /* A window manager that prevents focus stealing raises a window only
   * for the token of the launch or click that asked for it (an X11
   * startup id, or an XDG activation token on Wayland). */
  if (self->startup_id != NULL)
    {
      gtk_window_set_startup_id (GTK_WINDOW (window), self->startup_id);
      g_free (self->presented_startup_id);
      self->presented_startup_id = g_steal_pointer (&self->startup_id);
    }

  gtk_window_present (GTK_WINDOW (window));

  return window;
}

const char *
dg_application_get_presented_startup_id (DgApplication *self)
{
  g_return_val_if_fail (DG_IS_APPLICATION (self), NULL);

  return self->presented_startup_id;
}

int
dg_application_get_exit_status (DgApplication *self)
{
  g_return_val_if_fail (DG_IS_APPLICATION (self), EXIT_FAILURE);

  return self->exit_status;
}

DgBackupAuto *
dg_application_get_backup_auto (DgApplication *self)
{
  g_return_val_if_fail (DG_IS_APPLICATION (self), NULL);

  return self->backup_auto;
}

DgNotifier *
dg_application_get_notifier (DgApplication *self)
{
  g_return_val_if_fail (DG_IS_APPLICATION (self), NULL);

  return self->notifier;
}

DgAgendaNotifier *
dg_application_get_agenda_notifier (DgApplication *self)
{
  g_return_val_if_fail (DG_IS_APPLICATION (self), NULL);

  return self->agenda_notifier;
}

static void
dg_application_activate (GApplication *app)
{
  DgApplication *self = DG_APPLICATION (app);

  if (self->context == NULL)
    {
      g_autoptr(GError) error = NULL;

      _dg_application_sync_autostart (self);
      if (!dg_application_open_database (self, NULL, &error))
        {
          g_message ("%s", error->message);
          dg_application_show_open_error (self, error);
          return;
        }

      dg_application_start_reminders (self);
    }

  _dg_application_present_window (self);
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

  /* Backups are made and restored here, in the process that was started,
   * and it ends: no window, no running instance asked. */
  return _dg_application_run_cli (DG_APPLICATION (app), options);
}

static int
dg_application_command_line (GApplication            *app,
                             GApplicationCommandLine *command_line)
{
  DgApplication *self = DG_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  gboolean background = g_variant_dict_contains (options, "background");
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

      _dg_application_sync_autostart (self);
      if (!dg_application_open_database (self, path, &error))
        {
          g_application_command_line_printerr (command_line, "%s\n", error->message);
          dg_application_show_open_error (self, error);
          return EXIT_FAILURE;
        }

      /* The first launch of the session owns the reminders; with
       * --background it stays without a window until one is asked for. */
      self->background_start = background;
      dg_application_start_reminders (self);
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

  /* A second --background launch, such as the autostart entry of a
   * session where Dangol already runs, changes nothing on screen. */
  if (!background)
    g_application_activate (app);

  return EXIT_SUCCESS;
}

/* A second launch hands over the token of its start with the command line
 * or activation; GTK uses it for the display, the window needs it too. */
static void
dg_application_before_emit (GApplication *app,
                            GVariant     *platform_data)
{
  DgApplication *self = DG_APPLICATION (app);
  const char *token = NULL;

  G_APPLICATION_CLASS (dg_application_parent_class)->before_emit (app, platform_data);

  if (!g_variant_lookup (platform_data, "activation-token", "&s", &token))
    g_variant_lookup (platform_data, "desktop-startup-id", "&s", &token);

  _dg_application_set_startup_id (self, token);
}

static void
dg_application_after_emit (GApplication *app,
                           GVariant     *platform_data)
{
  /* A token is good for the one request it came with. */
  _dg_application_set_startup_id (DG_APPLICATION (app), NULL);

  G_APPLICATION_CLASS (dg_application_parent_class)->after_emit (app, platform_data);
}

static void
dg_application_window_added (GtkApplication *app,
                             GtkWindow      *window)
{
  DgApplication *self = DG_APPLICATION (app);

  GTK_APPLICATION_CLASS (dg_application_parent_class)->window_added (app, window);

  /* Once the window was shown, closing it follows the setting. */
  if (DG_IS_WINDOW (window) && self->background_start)
    {
      self->background_start = FALSE;
      _dg_application_update_hold (self);
    }
}

static void
dg_application_startup (GApplication *app)
{
  DgApplication *self = DG_APPLICATION (app);

  G_APPLICATION_CLASS (dg_application_parent_class)->startup (app);

  /* Korean lines break at spaces, in every label the app shows. */
  dg_keep_all_install ();

  _dg_application_install_actions (self, dg_application_get_settings (self));

  gtk_window_set_default_icon_name (APPLICATION_ID);
  dg_accessible_install_button_names ();
}

static void
dg_application_shutdown (GApplication *app)
{
  DgApplication *self = DG_APPLICATION (app);

  if (self->reminders != NULL)
    dg_reminder_service_stop (self->reminders);

  /* A portal's late answer may keep the object alive: it no longer
   * follows the settings. */
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);

  G_APPLICATION_CLASS (dg_application_parent_class)->shutdown (app);
}

static void
dg_application_dispose (GObject *object)
{
  DgApplication *self = (DgApplication *)object;

  if (self->background_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->background_dialog));

  g_cancellable_cancel (self->cancellable);
  if (self->system_bus != NULL && self->sleep_subscription != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_subscription);
  self->sleep_subscription = 0;
  g_clear_object (&self->system_bus);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->notifier);
  g_clear_object (&self->birthday_followups);
  g_clear_handle_id (&self->backup_start_id, g_source_remove);
  g_clear_object (&self->backup_auto);
  g_clear_object (&self->agenda_notifier);
  g_clear_object (&self->reminders);
  g_clear_object (&self->context);
  g_clear_object (&self->clock);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->startup_id, g_free);
  g_clear_pointer (&self->presented_startup_id, g_free);

  G_OBJECT_CLASS (dg_application_parent_class)->dispose (object);
}

static void
dg_application_class_init (DgApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = dg_application_dispose;

  app_class->activate = dg_application_activate;
  app_class->startup = dg_application_startup;
  app_class->shutdown = dg_application_shutdown;
  app_class->command_line = dg_application_command_line;
  app_class->handle_local_options = dg_application_handle_local_options;
  app_class->before_emit = dg_application_before_emit;
  app_class->after_emit = dg_application_after_emit;

  gtk_app_class->window_added = dg_application_window_added;
}

static void
dg_application_init (DgApplication *self)
{
  self->cancellable = g_cancellable_new ();
  self->use_portal = dg_background_portal_is_sandboxed ();

  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  dg_demo_ui_add_option (self);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                             _("Keep track of your customers and follow up with them on time."));
  g_application_set_option_context_description (G_APPLICATION (self),
                                                 _("With --backup, --restore, --import or an --export option, Dangol\n"
                                                   "opens no window and exits with:\n"
                                                   "  0  done\n"
                                                   "  1  failed: a file or the database could not be read or written,\n"
                                                   "     there is no database at the --db path, the file to import\n"
                                                   "     changed while it was imported, or Dangol is running (for\n"
                                                   "     --restore and --import)\n"
                                                   "  2  invalid input: the backup file is not valid (each problem on a\n"
                                                   "     line of stderr), the file to import has no rows or no names,\n"
                                                   "     the journey or stage named does not exist, or --cohort-date\n"
                                                   "     is not a date YYYY-MM-DD\n"
                                                   "  3  not confirmed (also when there is no terminal to ask on and no\n"
                                                   "     --yes), or options that do not go together\n"
                                                   "Add --db PATH to work on another database."));
}

void
dg_application_set_use_background_portal (DgApplication *self,
                                          gboolean       use_portal)
{
  g_return_if_fail (DG_IS_APPLICATION (self));

  self->use_portal = !!use_portal;
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
