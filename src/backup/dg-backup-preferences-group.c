/* dg-backup-preferences-group.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dg-backup-preferences-group.h"
#include "dg-format.h"

struct _DgBackupPreferencesGroup
{
  AdwPreferencesGroup   parent_instance;

  GSettings            *settings;
  DgBackupAuto         *backup_auto;
  GtkFileChooserNative *chooser;

  GtkSwitch            *enabled_switch;
  AdwActionRow         *enabled_row;
  AdwActionRow         *folder_row;
  GtkWidget            *folder_reset_button;
  GtkSpinButton        *keep_spin;
  AdwActionRow         *last_row;
  GtkWidget            *now_button;
};

G_DEFINE_FINAL_TYPE (DgBackupPreferencesGroup, dg_backup_preferences_group, ADW_TYPE_PREFERENCES_GROUP)

static void
dg_backup_preferences_group_show_folder (DgBackupPreferencesGroup *self)
{
  g_autofree char *folder = NULL;
  g_autofree char *shown = NULL;
  gboolean custom;

  if (self->settings == NULL)
    return;

  folder = g_settings_get_string (self->settings, "backup-folder");
  custom = folder[0] != '\0';
  if (!custom && self->backup_auto != NULL)
    {
      g_free (folder);
      folder = dg_backup_auto_dup_default_folder (self->backup_auto);
    }

  if (folder[0] != '\0')
    shown = dg_format_path (folder);
  else
    shown = g_strdup (_("“backups” beside the database"));

  adw_action_row_set_subtitle (self->folder_row, shown);
  gtk_widget_set_visible (self->folder_reset_button, custom);
}

static void
dg_backup_preferences_group_show_last (DgBackupPreferencesGroup *self)
{
  GDateTime *last;
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->last_row), self->backup_auto != NULL);
  if (self->backup_auto == NULL)
    return;

  gtk_widget_set_sensitive (self->now_button, !dg_backup_auto_get_busy (self->backup_auto));

  last = dg_backup_auto_get_last_backup (self->backup_auto);
  tz = g_time_zone_new_local ();
  text = dg_format_date_time (last, tz);
  adw_action_row_set_subtitle (self->last_row, text != NULL ? text : _("None yet"));
}

static void
on_folder_changed_cb (GSettings                *settings,
                      const char               *key,
                      DgBackupPreferencesGroup *self)
{
  dg_backup_preferences_group_show_folder (self);
}

static void
on_backup_auto_notify_cb (DgBackupAuto             *backup_auto,
                          GParamSpec               *pspec,
                          DgBackupPreferencesGroup *self)
{
  dg_backup_preferences_group_show_last (self);
}

static void
dg_backup_preferences_group_toast (DgBackupPreferencesGroup *self,
                                   const char               *title)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (title));
  else
    g_message ("%s", title);
}

static void
on_back_up_now_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DgBackupPreferencesGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *title = NULL;

  path = dg_backup_auto_back_up_now_finish (DG_BACKUP_AUTO (object), result, &error);
  if (path == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_warning ("Could not back up: %s", error->message);
      /* Translators: %s says what went wrong. */
      title = g_markup_printf_escaped (_("Not backed up: %s"), error->message);
    }
  else
    {
      shown = dg_format_path (path);
      /* Translators: %s is where the backup file was written. */
      title = g_markup_printf_escaped (_("Backed up to %s"), shown);
    }

  dg_backup_preferences_group_toast (self, title);
}

static void
on_now_button_clicked_cb (GtkButton                *button,
                          DgBackupPreferencesGroup *self)
{
  if (self->backup_auto == NULL)
    return;

  dg_backup_auto_back_up_now_async (self->backup_auto, NULL, on_back_up_now_cb, g_object_ref (self));
  dg_backup_preferences_group_show_last (self);
}

static void
on_folder_reset_button_clicked_cb (GtkButton                *button,
                                   DgBackupPreferencesGroup *self)
{
  if (self->settings != NULL)
    g_settings_reset (self->settings, "backup-folder");
}

static void
on_chooser_response_cb (GtkNativeDialog          *chooser,
                        int                       response,
                        DgBackupPreferencesGroup *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);

  if (path != NULL && self->settings != NULL)
    g_settings_set_string (self->settings, "backup-folder", path);
}

static void
on_folder_button_clicked_cb (GtkButton                *button,
                             DgBackupPreferencesGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *current = NULL;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Backup Folder"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  if (self->backup_auto != NULL)
    current = dg_backup_auto_dup_target_folder (self->backup_auto);
  if (current != NULL && g_file_test (current, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (current);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
dg_backup_preferences_group_set_settings (DgBackupPreferencesGroup *self,
                                          GSettings                *settings)
{
  g_return_if_fail (DG_IS_BACKUP_PREFERENCES_GROUP (self));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (self->settings == NULL);

  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "backup-enabled", self->enabled_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "backup-keep", self->keep_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed::backup-folder",
                           G_CALLBACK (on_folder_changed_cb), self, 0);
  dg_backup_preferences_group_show_folder (self);
}

void
dg_backup_preferences_group_set_backup_auto (DgBackupPreferencesGroup *self,
                                             DgBackupAuto             *backup_auto)
{
  g_return_if_fail (DG_IS_BACKUP_PREFERENCES_GROUP (self));
  g_return_if_fail (!backup_auto || DG_IS_BACKUP_AUTO (backup_auto));

  if (self->backup_auto != NULL)
    g_signal_handlers_disconnect_by_data (self->backup_auto, self);
  g_set_object (&self->backup_auto, backup_auto);
  if (backup_auto != NULL)
    {
      g_signal_connect_object (backup_auto, "notify::last-backup",
                               G_CALLBACK (on_backup_auto_notify_cb), self, 0);
      g_signal_connect_object (backup_auto, "notify::busy",
                               G_CALLBACK (on_backup_auto_notify_cb), self, 0);
    }

  dg_backup_preferences_group_show_folder (self);
  dg_backup_preferences_group_show_last (self);
}

static void
dg_backup_preferences_group_dispose (GObject *object)
{
  DgBackupPreferencesGroup *self = (DgBackupPreferencesGroup *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_BACKUP_PREFERENCES_GROUP);
  g_clear_object (&self->backup_auto);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dg_backup_preferences_group_parent_class)->dispose (object);
}

static void
dg_backup_preferences_group_class_init (DgBackupPreferencesGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_backup_preferences_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/backup/dg-backup-preferences-group.ui");
  gtk_widget_class_bind_template_child (widget_class, DgBackupPreferencesGroup, enabled_switch);
  gtk_widget_class_bind_template_child (widget_class, DgBackupPreferencesGroup, enabled_row);
  gtk_widget_class_bind_template_child (widget_class, DgBackupPreferencesGroup, folder_row);
  gtk_widget_class_bind_template_child (widget_class, DgBackupPreferencesGroup, folder_reset_button);
  gtk_widget_class_bind_template_child (widget_class, DgBackupPreferencesGroup, keep_spin);
  gtk_widget_class_bind_template_child (widget_class, DgBackupPreferencesGroup, last_row);
  gtk_widget_class_bind_template_child (widget_class, DgBackupPreferencesGroup, now_button);
  gtk_widget_class_bind_template_callback (widget_class, on_folder_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folder_reset_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_now_button_clicked_cb);
}

static void
dg_backup_preferences_group_init (DgBackupPreferencesGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  dg_backup_preferences_group_show_last (self);
}
