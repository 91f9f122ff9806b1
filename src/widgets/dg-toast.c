/* dg-toast.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-toast.h"

#define TIMEOUT_KEY "dg-toast-timeout"
/* Long enough to read the title and reach Undo. */
#define DEFAULT_TIMEOUT 5

typedef struct
{
  DgUndoFunc     undo;
  gpointer       user_data;
  GDestroyNotify destroy;
} UndoData;

static void
undo_data_free (gpointer data)
{
  UndoData *undo = data;

  if (undo->destroy != NULL)
    undo->destroy (undo->user_data);
  g_free (undo);
}

static void
on_undo_toast_button_clicked_cb (AdwToast *toast,
                                 UndoData *undo)
{
  DgUndoFunc func = g_steal_pointer (&undo->undo);

  if (func != NULL)
    func (undo->user_data);
}

static AdwToastOverlay *
find_overlay (GtkWidget *widget)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  return overlay != NULL ? ADW_TOAST_OVERLAY (overlay) : NULL;
}

static AdwToast *
toast_new (AdwToastOverlay *overlay,
           const char      *title)
{
  gpointer timeout = g_object_get_data (G_OBJECT (overlay), TIMEOUT_KEY);
  AdwToast *toast = adw_toast_new (title);

  /* A newer message replaces the older toast at once, so an Undo on
   * screen always belongs to the last thing done. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, timeout != NULL ? GPOINTER_TO_UINT (timeout) - 1 : DEFAULT_TIMEOUT);
  return toast;
}

void
dg_toast_show (GtkWidget  *widget,
               const char *title)
{
  AdwToastOverlay *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (title != NULL);

  overlay = find_overlay (widget);
  if (overlay == NULL)
    {
      g_debug ("No place to show the toast “%s”", title);
      return;
    }

  adw_toast_overlay_add_toast (overlay, toast_new (overlay, title));
}

static AdwToast *
undo_toast_new (GtkWidget      *widget,
                const char     *title,
                DgUndoFunc      undo,
                gpointer        user_data,
                GDestroyNotify  destroy)
{
  AdwToastOverlay *overlay;
  AdwToast *toast;
  UndoData *data;

  data = g_new0 (UndoData, 1);
  data->undo = undo;
  data->user_data = user_data;
  data->destroy = destroy;

  overlay = find_overlay (widget);
  if (overlay == NULL)
    {
      g_debug ("No place to show the toast “%s”", title);
      undo_data_free (data);
      return NULL;
    }

  toast = toast_new (overlay, title);
  /* No mnemonic: the toast is one click away, and a mnemonic shows as
   * "(U)" after the Korean label. */
  adw_toast_set_button_label (toast, _("Undo"));
  g_object_set_data_full (G_OBJECT (toast), "dg-undo", data, undo_data_free);
  g_signal_connect (toast, "button-clicked",
                    G_CALLBACK (on_undo_toast_button_clicked_cb),
                    data);

  return toast;
}

void
dg_toast_show_undo (GtkWidget      *widget,
                    const char     *title,
                    DgUndoFunc      undo,
                    gpointer        user_data,
                    GDestroyNotify  destroy)
{
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (title != NULL);
  g_return_if_fail (undo != NULL);

  toast = undo_toast_new (widget, title, undo, user_data, destroy);
  if (toast != NULL)
    adw_toast_overlay_add_toast (find_overlay (widget), toast);
}

AdwToast *
dg_toast_show_undo_until_left (GtkWidget      *widget,
                               const char     *title,
                               DgUndoFunc      undo,
                               gpointer        user_data,
                               GDestroyNotify  destroy)
{
  AdwToast *toast;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (undo != NULL, NULL);

  toast = undo_toast_new (widget, title, undo, user_data, destroy);
  if (toast == NULL)
    return NULL;

  /* No clock runs it out: an Undo that vanished while the user read the
   * page is what lost a customer. Leaving the page ends it instead, since
   * an Undo for something no longer in sight would be a surprise. The
   * handler goes with the toast. */
  adw_toast_set_timeout (toast, 0);
  g_signal_connect_object (widget, "unmap",
                           G_CALLBACK (adw_toast_dismiss),
                           toast, G_CONNECT_SWAPPED);

  /* The overlay takes the reference toast_new() gave. */
  adw_toast_overlay_add_toast (find_overlay (widget), toast);

  return toast;
}

void
dg_toast_show_error (GtkWidget    *widget,
                     const GError *error)
{
  g_autofree char *title = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  g_warning ("%s", error->message);
  title = g_markup_escape_text (error->message, -1);
  dg_toast_show (widget, title);
}

void
dg_toast_overlay_set_timeout (AdwToastOverlay *overlay,
                              guint            seconds)
{
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));

  /* Stored plus one, so that a timeout of 0 is told apart from unset. */
  g_object_set_data (G_OBJECT (overlay), TIMEOUT_KEY, GUINT_TO_POINTER (seconds + 1));
}
