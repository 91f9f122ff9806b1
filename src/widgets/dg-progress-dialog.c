/* dg-progress-dialog.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-progress-dialog.h"

AdwMessageDialog *
dg_progress_dialog_new (GtkWindow       *parent,
                        const char      *path,
                        GCallback        on_response,
                        gpointer         owner,
                        GtkProgressBar **out_bar)
{
  /* The name alone: a long folder path would not wrap in a small dialog. */
  g_autofree char *name = g_filename_display_basename (path);
  AdwMessageDialog *dialog;
  GtkWidget *bar;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Exporting…"), NULL));
  /* Translators: the body of the dialog shown while an export runs; %s is
   * the file's name. */
  adw_message_dialog_format_body (dialog, _("Writing %s"), name);
  bar = gtk_progress_bar_new ();
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (bar), TRUE);
  adw_message_dialog_set_extra_child (dialog, bar);
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", on_response, owner, 0);

  *out_bar = GTK_PROGRESS_BAR (bar);

  return dialog;
}
