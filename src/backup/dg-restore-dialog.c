/* dg-restore-dialog.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-backup-counts.h"
#include "dg-format.h"
#include "dg-restore-dialog.h"

struct _DgRestoreDialog
{
  AdwMessageDialog  parent_instance;

  GtkGrid          *counts_grid;
};

G_DEFINE_FINAL_TYPE (DgRestoreDialog, dg_restore_dialog, ADW_TYPE_MESSAGE_DIALOG)

static GtkWidget *
count_label (guint count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");

  return label;
}

static void
dg_restore_dialog_fill (DgRestoreDialog      *self,
                        const DgBackupCounts *in_file,
                        const DgBackupCounts *now)
{
  guint row = 1;

  for (guint i = 0; i < dg_backup_counts_n_kinds (); i++)
    {
      guint file_count = dg_backup_counts_get (in_file, i);
      guint now_count = dg_backup_counts_get (now, i);
      GtkWidget *name;

      /* A kind that is nowhere says nothing. */
      if (file_count == 0 && now_count == 0)
        continue;

      name = gtk_label_new (dg_backup_counts_kind_name (i));
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_grid_attach (self->counts_grid, name, 0, row, 1, 1);
      gtk_grid_attach (self->counts_grid, count_label (file_count), 1, row, 1, 1);
      gtk_grid_attach (self->counts_grid, count_label (now_count), 2, row, 1, 1);
      row++;
    }
}

static void
dg_restore_dialog_class_init (DgRestoreDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/backup/dg-restore-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DgRestoreDialog, counts_grid);
}

static void
dg_restore_dialog_init (DgRestoreDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dg_restore_dialog_new (GtkWindow            *parent,
                       const char           *path,
                       GDateTime            *exported_at,
                       GTimeZone            *tz,
                       const DgBackupCounts *in_file,
                       const DgBackupCounts *now)
{
  DgRestoreDialog *self;
  g_autofree char *name = NULL;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (in_file != NULL && now != NULL, NULL);

  self = g_object_new (DG_TYPE_RESTORE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);

  name = g_filename_display_basename (path);
  when = dg_format_date_time (exported_at, tz);
  /* Translators: the first %s is a file name, the second the day and
   * time the backup was made. */
  body = g_strdup_printf (_("Everything Dangol holds now will be replaced by the backup “%s”, made on %s. A copy of the current data is kept beside the database first."),
                          name, when != NULL ? when : "?");
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  dg_restore_dialog_fill (self, in_file, now);

  return GTK_WIDGET (self);
}
