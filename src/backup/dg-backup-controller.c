/* dg-backup-controller.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dg-backup-async.h"
#include "dg-backup-auto.h"
#include "dg-backup-controller.h"
#include "dg-backup-problems-dialog.h"
#include "dg-format.h"
#include "dg-restore-dialog.h"
#include "dg-toast.h"

struct _DgBackupController
{
  GObject               parent_instance;

  GtkWindow            *window;
  GtkWidget            *toast_widget;
  DgContext            *context;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  /* The file that was checked, while the question about it is asked. */
  DgBackupFile         *pending;
  guint                 busy : 1;
};

G_DEFINE_FINAL_TYPE (DgBackupController, dg_backup_controller, G_TYPE_OBJECT)

static const char * const action_names[] = { "back-up", "back-up-to", "restore", "restore-from" };

static void
dg_backup_controller_set_busy (DgBackupController *self,
                               gboolean            busy)
{
  self->busy = !!busy;
  if (self->window == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (action_names); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->window), action_names[i]);

      if (G_IS_SIMPLE_ACTION (action))
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), !busy);
    }
}

static void
dg_backup_controller_toast (DgBackupController *self,
                            const char         *markup)
{
  if (self->toast_widget != NULL)
    dg_toast_show (self->toast_widget, markup);
}

char *
dg_backup_controller_dup_default_name (DgBackupController *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (DG_IS_BACKUP_CONTROLLER (self), NULL);

  now = dg_clock_get_now_local (dg_context_get_clock (self->context));

  return dg_backup_auto_file_name (now);
}

/* Back up */

typedef struct
{
  DgBackupController *self;
  char               *path;
} Export;

static void
on_export_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(DgBackupController) self = export->self;
  g_autofree char *path = export->path;
  g_autoptr(GError) error = NULL;

  g_free (export);

  if (!dg_backup_export_finish (result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          dg_backup_controller_set_busy (self, FALSE);
          if (self->toast_widget != NULL)
            dg_toast_show_error (self->toast_widget, error);
        }
      return;
    }

  dg_backup_controller_set_busy (self, FALSE);
  {
    g_autofree char *shown = dg_format_path (path);
    /* Translators: %s is where the backup file was written. */
    g_autofree char *title = g_markup_printf_escaped (_("Backed up to %s"), shown);

    dg_backup_controller_toast (self, title);
  }
}

static void
dg_backup_controller_back_up_to (DgBackupController *self,
                                 const char         *path)
{
  g_autoptr(GDateTime) now = NULL;
  Export *export;

  if (self->busy)
    return;

  now = dg_clock_get_now_utc (dg_context_get_clock (self->context));
  export = g_new0 (Export, 1);
  export->self = g_object_ref (self);
  export->path = g_strdup (path);

  dg_backup_controller_set_busy (self, TRUE);
  dg_backup_export_async (dg_context_get_database (self->context), path, now,
                          self->cancellable, on_export_done_cb, export);
}

/* Restore */

static void
on_restore_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(DgBackupController) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *safety_copy = NULL;

  if (!dg_backup_file_restore_finish (result, &safety_copy, &error))
    {
      AdwMessageDialog *dialog;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      dg_backup_controller_set_busy (self, FALSE);
      g_warning ("Could not restore the backup: %s", error->message);
      if (self->window == NULL)
        return;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->window,
                                                           _("The Backup Was Not Restored"),
                                                           NULL));
      /* Translators: %s says what went wrong. */
      adw_message_dialog_format_body (dialog, _("%s\n\nYour data is as it was before."), error->message);
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  dg_backup_controller_set_busy (self, FALSE);
  if (safety_copy != NULL)
    {
      g_autofree char *shown = dg_format_path (safety_copy);
      /* Translators: %s is the file that keeps the data as it was before. */
      g_autofree char *title = g_markup_printf_escaped (_("Backup restored. The data before it is kept in %s"), shown);

      dg_backup_controller_toast (self, title);
    }
  else
    dg_backup_controller_toast (self, _("Backup restored"));
}

static void
on_restore_dialog_response_cb (AdwMessageDialog   *dialog,
                               const char         *response,
                               DgBackupController *self)
{
  DgBackupFile *file = g_steal_pointer (&self->pending);

  if (!g_str_equal (response, "replace") || file == NULL)
    {
      g_clear_pointer (&file, dg_backup_file_free);
      dg_backup_controller_set_busy (self, FALSE);
      return;
    }

  /* Due keys and remind times are computed in the zone the app shows. */
  dg_backup_file_set_clock (file, dg_context_get_clock (self->context));
  dg_backup_file_restore_async (file, dg_context_get_database (self->context),
                                DG_BACKUP_RESTORE_NONE, self->cancellable,
                                on_restore_done_cb, g_object_ref (self));
}

static void
dg_backup_controller_confirm (DgBackupController *self,
                              DgBackupFile       *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (dg_context_get_clock (self->context));
  DgBackupCounts now = { 0 };
  GtkWidget *dialog;

  if (!dg_backup_count_database (dg_context_get_database (self->context), &now, &error))
    {
      dg_backup_file_free (file);
      dg_backup_controller_set_busy (self, FALSE);
      dg_toast_show_error (self->toast_widget, error);
      return;
    }

  g_clear_pointer (&self->pending, dg_backup_file_free);
  self->pending = file;

  dialog = dg_restore_dialog_new (self->window,
                                  dg_backup_file_get_path (file),
                                  dg_backup_file_get_exported_at (file),
                                  tz,
                                  dg_backup_file_get_counts (file),
                                  &now);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_restore_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  DgBackupController *self;
  char               *path;
} Load;

static void
on_load_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Load *load = user_data;
  g_autoptr(DgBackupController) self = load->self;
  g_autofree char *path = load->path;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  DgBackupFile *file;
  GtkWidget *dialog;

  g_free (load);

  file = dg_backup_file_load_finish (result, &problems, &error);
  if (file != NULL)
    {
      dg_backup_controller_confirm (self, file);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  dg_backup_controller_set_busy (self, FALSE);
  g_message ("Could not restore %s: %s", path, error->message);
  if (self->window == NULL)
    return;

  dialog = dg_backup_problems_dialog_new (self->window, path, problems, error);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
dg_backup_controller_restore_from (DgBackupController *self,
                                   const char         *path)
{
  Load *load;

  if (self->busy)
    return;

  load = g_new0 (Load, 1);
  load->self = g_object_ref (self);
  load->path = g_strdup (path);

  dg_backup_controller_set_busy (self, TRUE);
  dg_backup_file_load_async (path, self->cancellable, on_load_done_cb, load);
}

/* The file choosers */

static void
on_chooser_response_cb (GtkNativeDialog    *chooser,
                        int                 response,
                        DgBackupController *self)
{
  gboolean save = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);

  if (path == NULL)
    return;

  if (save)
    dg_backup_controller_back_up_to (self, path);
  else
    dg_backup_controller_restore_from (self, path);
}

static void
dg_backup_controller_choose (DgBackupController   *self,
                             GtkFileChooserAction  action)
{
  g_autoptr(GtkFileFilter) backups = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  gboolean save = action == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (save ? _("Back Up") : _("Restore a Backup"),
                                               self->window, action,
                                               save ? _("_Save") : _("_Restore"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (backups, _("Dangol Backups"));
  gtk_file_filter_add_pattern (backups, "*.json");
  gtk_file_filter_add_mime_type (backups, "application/json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), backups);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), backups);

  if (save)
    {
      g_autofree char *name = dg_backup_controller_dup_default_name (self);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
    }

  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The actions */

static void
back_up_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  dg_backup_controller_choose (user_data, GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
back_up_to_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  dg_backup_controller_back_up_to (user_data, g_variant_get_string (parameter, NULL));
}

static void
restore_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  dg_backup_controller_choose (user_data, GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
restore_from_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  dg_backup_controller_restore_from (user_data, g_variant_get_string (parameter, NULL));
}

static const GActionEntry actions[] = {
  { "back-up", back_up_action },
  { "back-up-to", back_up_to_action, "s" },
  { "restore", restore_action },
  { "restore-from", restore_from_action, "s" },
};

void
dg_backup_controller_install (DgBackupController *self)
{
  g_return_if_fail (DG_IS_BACKUP_CONTROLLER (self));
  g_return_if_fail (G_IS_ACTION_MAP (self->window));

  g_action_map_add_action_entries (G_ACTION_MAP (self->window), actions,
                                   G_N_ELEMENTS (actions), self);
}

gboolean
dg_backup_controller_get_busy (DgBackupController *self)
{
  g_return_val_if_fail (DG_IS_BACKUP_CONTROLLER (self), FALSE);

  return self->busy;
}

static void
dg_backup_controller_dispose (GObject *object)
{
  DgBackupController *self = (DgBackupController *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_weak_pointer (&self->window);
  g_clear_weak_pointer (&self->toast_widget);
  g_clear_object (&self->context);
  g_clear_pointer (&self->pending, dg_backup_file_free);

  G_OBJECT_CLASS (dg_backup_controller_parent_class)->dispose (object);
}

static void
dg_backup_controller_finalize (GObject *object)
{
  DgBackupController *self = (DgBackupController *)object;

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (dg_backup_controller_parent_class)->finalize (object);
}

static void
dg_backup_controller_class_init (DgBackupControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dg_backup_controller_dispose;
  object_class->finalize = dg_backup_controller_finalize;
}

static void
dg_backup_controller_init (DgBackupController *self)
{
  self->cancellable = g_cancellable_new ();
}

DgBackupController *
dg_backup_controller_new (GtkWindow *window,
                          GtkWidget *toast_widget,
                          DgContext *context)
{
  DgBackupController *self;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (toast_widget), NULL);
  g_return_val_if_fail (DG_IS_CONTEXT (context), NULL);

  self = g_object_new (DG_TYPE_BACKUP_CONTROLLER, NULL);
  g_set_weak_pointer (&self->window, window);
  g_set_weak_pointer (&self->toast_widget, toast_widget);
  self->context = g_object_ref (context);

  return self;
}
