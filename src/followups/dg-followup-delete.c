/* dg-followup-delete.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dg-followup-delete.h"
#include "dg-toast.h"

/* What Undo needs: the follow-up as it was, and the occurrence a delete
 * of "only this one" created in its place. */
typedef struct
{
  DgContext  *context;
  DgFollowup *saved;
  gint64      next_id;
} RestoreUndo;

static void
restore_undo_free (gpointer data)
{
  RestoreUndo *undo = data;

  g_clear_object (&undo->context);
  g_clear_object (&undo->saved);
  g_free (undo);
}

static void
restore (gpointer user_data)
{
  RestoreUndo *undo = user_data;
  g_autoptr(GError) error = NULL;

  if (!dg_followups_restore (dg_context_get_database (undo->context),
                             dg_context_get_clock (undo->context),
                             undo->saved, undo->next_id, &error))
    g_warning ("Could not undo a change to a follow-up: %s", error->message);
}

/* The window's toast overlay: the main window's content holds it, and the
 * widget that asked may be gone by now (its list lists again). */
static GtkWidget *
find_overlay (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_overlay (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
show_undo (GtkWindow   *main_window,
           DgContext   *context,
           DgFollowup  *saved,
           gint64       next_id,
           const char  *title)
{
  RestoreUndo *undo = g_new0 (RestoreUndo, 1);
  GtkWidget *overlay = main_window != NULL ? find_overlay (GTK_WIDGET (main_window)) : NULL;

  undo->context = g_object_ref (context);
  undo->saved = g_object_ref (saved);
  undo->next_id = next_id;

  dg_toast_show_undo (overlay != NULL ? overlay : GTK_WIDGET (main_window),
                      title, restore, undo, restore_undo_free);
}

static void
show_error (GtkWindow    *main_window,
            const GError *error)
{
  GtkWidget *overlay = main_window != NULL ? find_overlay (GTK_WIDGET (main_window)) : NULL;

  dg_toast_show_error (overlay != NULL ? overlay : GTK_WIDGET (main_window), error);
}

static void
remove_followup (GtkWindow  *main_window,
                 DgContext  *context,
                 DgFollowup *followup,
                 gboolean    keep_series,
                 GtkWindow  *close_after)
{
  g_autoptr(DgFollowup) removed = NULL;
  g_autoptr(DgFollowup) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!dg_followups_remove (dg_context_get_database (context),
                            dg_context_get_clock (context),
                            dg_followup_get_id (followup), keep_series,
                            &removed, &next, &error))
    {
      show_error (main_window, error);
      return;
    }

  /* Translators: a toast after a follow-up was deleted, with an Undo
   * button; %s is the follow-up's title. */
  title = g_markup_printf_escaped (_("Deleted the follow-up “%s”"), dg_followup_get_title (removed));
  show_undo (main_window, context, removed, next != NULL ? dg_followup_get_id (next) : 0, title);

  /* Last: the window may own @context and @followup. */
  if (close_after != NULL)
    gtk_window_destroy (close_after);
}

typedef struct
{
  GtkWindow  *main_window;
  DgContext  *context;
  DgFollowup *followup;
  GtkWindow  *close_after;
} Ask;

static void
ask_free (Ask *ask)
{
  g_clear_object (&ask->main_window);
  g_clear_object (&ask->context);
  g_clear_object (&ask->followup);
  g_clear_object (&ask->close_after);
  g_free (ask);
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  Ask *ask = user_data;

  /* The dialog closes after this; the window it is over may be closed
   * first, so it no longer hangs on that one. */
  if (ask->close_after != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (dialog), ask->main_window);

  if (g_str_equal (response, "only-this"))
    remove_followup (ask->main_window, ask->context, ask->followup, TRUE, ask->close_after);
  else if (g_str_equal (response, "all-later"))
    remove_followup (ask->main_window, ask->context, ask->followup, FALSE, ask->close_after);

  ask_free (ask);
}

void
dg_followup_delete_ask (GtkWindow  *parent,
                        GtkWindow  *main_window,
                        DgContext  *context,
                        DgFollowup *followup,
                        GtkWindow  *close_after)
{
  GtkWidget *dialog;
  Ask *ask;

  g_return_if_fail (!parent || GTK_IS_WINDOW (parent));
  g_return_if_fail (DG_IS_CONTEXT (context));
  g_return_if_fail (DG_IS_FOLLOWUP (followup));

  if (main_window == NULL)
    main_window = parent;

  if (dg_followup_get_recurrence (followup) == DG_RECURRENCE_NONE
      || dg_followup_get_status (followup) != DG_FOLLOWUP_STATUS_OPEN)
    {
      remove_followup (main_window, context, followup, FALSE, close_after);
      return;
    }

  dialog = adw_message_dialog_new (parent, _("Delete a Repeating Follow-up?"), NULL);
  /* Translators: the body of the dialog asked before deleting a
   * follow-up that repeats; %s is its title. */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” repeats. Delete only this one and keep the series going, "
                                    "or delete this one and all later ones?"),
                                  dg_followup_get_title (followup));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "only-this", _("Delete _Only This One"),
                                    "all-later", _("Delete This and _All Later"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "only-this",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "all-later",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  ask = g_new0 (Ask, 1);
  ask->main_window = main_window != NULL ? g_object_ref (main_window) : NULL;
  ask->context = g_object_ref (context);
  ask->followup = g_object_ref (followup);
  ask->close_after = close_after != NULL ? g_object_ref (close_after) : NULL;
  g_signal_connect (dialog, "response", G_CALLBACK (on_delete_response_cb), ask);

  gtk_window_present (GTK_WINDOW (dialog));
}

void
dg_followup_stop_repeating (GtkWindow  *main_window,
                            DgContext  *context,
                            DgFollowup *followup)
{
  g_autoptr(DgFollowup) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (DG_IS_CONTEXT (context));
  g_return_if_fail (DG_IS_FOLLOWUP (followup));

  if (!dg_followups_stop_repeating (dg_context_get_database (context),
                                    dg_context_get_clock (context),
                                    dg_followup_get_id (followup), &before, &error))
    {
      show_error (main_window, error);
      return;
    }

  /* Translators: a toast after a follow-up was made not to repeat, with
   * an Undo button; %s is its title. */
  title = g_markup_printf_escaped (_("“%s” no longer repeats"), dg_followup_get_title (before));
  show_undo (main_window, context, before, 0, title);
}
