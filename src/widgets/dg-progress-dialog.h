/* dg-progress-dialog.h
 *
 * The dialog an export shows while it runs, after a short delay: the
 * same heading, body and button for every export, and a progress bar the
 * caller fills.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* "Exporting…", "Writing NAME" (the name of @path alone), a progress bar
 * with its text, and Cancel, over @parent. @on_response (an
 * AdwMessageDialog::response handler) is connected with @owner as its
 * data, for as long as @owner lives. *@out_bar is the dialog's bar. */
AdwMessageDialog *dg_progress_dialog_new (GtkWindow       *parent,
                                          const char      *path,
                                          GCallback        on_response,
                                          gpointer         owner,
                                          GtkProgressBar **out_bar);

G_END_DECLS
