/* dg-backup-problems-dialog.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-backup-problems-dialog.h"

/* A label of a few thousand lines still lays out quickly; a hostile file
 * may have a million problems, and no one reads past the first ones. */
#define MAX_LINES 1000

struct _DgBackupProblemsDialog
{
  AdwMessageDialog  parent_instance;

  GtkLabel         *problems_label;
};

G_DEFINE_FINAL_TYPE (DgBackupProblemsDialog, dg_backup_problems_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
dg_backup_problems_dialog_class_init (DgBackupProblemsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/backup/dg-backup-problems-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DgBackupProblemsDialog, problems_label);
}

static void
dg_backup_problems_dialog_init (DgBackupProblemsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dg_backup_problems_dialog_new (GtkWindow    *parent,
                               const char   *path,
                               GPtrArray    *problems,
                               const GError *error)
{
  DgBackupProblemsDialog *self;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_problems = problems != NULL ? problems->len : 0;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (DG_TYPE_BACKUP_PROBLEMS_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);

  name = g_filename_display_basename (path);
  if (n_problems > 0)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: %s is a file name, %u how many problems it has. */
                                         "“%s” has a problem. Nothing was changed.",
                                         "“%s” has %u problems. Nothing was changed.",
                                         n_problems),
                            name, n_problems);
  else
    /* Translators: %s is a file name. */
    body = g_strdup_printf (_("“%s” could not be read. Nothing was changed."), name);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  for (guint i = 0; i < MIN (n_problems, MAX_LINES); i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (problems, i));
    }
  if (n_problems > MAX_LINES)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: after the first problems of a file. */
                                           "…and %u more",
                                           "…and %u more",
                                           n_problems - MAX_LINES),
                              n_problems - MAX_LINES);
    }
  if (n_problems == 0 && error != NULL)
    g_string_append (text, error->message);

  gtk_label_set_text (self->problems_label, text->str);

  return GTK_WIDGET (self);
}

const char *
dg_backup_problems_dialog_get_text (DgBackupProblemsDialog *self)
{
  g_return_val_if_fail (DG_IS_BACKUP_PROBLEMS_DIALOG (self), NULL);

  return gtk_label_get_text (self->problems_label);
}
