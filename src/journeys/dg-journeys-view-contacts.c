/* dg-journeys-view-contacts.c
 *
 * The selection bar's actions that write to the selected customers
 * rather than move them: Log Contact (the customer list's bulk dialog,
 * one contact for all of them) and Copy Messages (each customer's message
 * of the stage they are in, as the stage panel's Copy Message fills it),
 * which then offers to log the messages sent as contacts. Each log is one
 * transaction with one Undo.
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-bulk-dialog.h"
#include "dg-journeys-view-private.h"
#include "dg-toast.h"

/* The enrollments a dialog acts on: those selected when it opened. */
#define DIALOG_IDS_KEY "dg-journeys-contact-ids"

static GtkWindow *
get_parent_window (DgJourneysView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
on_log_contact_response_cb (DgBulkDialog   *dialog,
                            const char     *response,
                            DgJourneysView *self)
{
  GArray *ids = g_object_get_data (G_OBJECT (dialog), DIALOG_IDS_KEY);
  g_autoptr(GArray) customers = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(DgInteraction) contact = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  DgDatabase *db;
  DgClock *clock;
  guint n;

  if (g_strcmp0 (response, "apply") != 0 || self->context == NULL)
    return;

  db = dg_context_get_database (self->context);
  clock = dg_context_get_clock (self->context);
  customers = dg_enrollments_get_customer_ids (db, (const gint64 *) (gpointer) ids->data, ids->len, &error);
  if (customers == NULL)
    {
      dg_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  now = dg_clock_get_now_utc (clock);
  contact = dg_bulk_dialog_build_contact (dialog, now);
  undo = dg_customers_bulk_log_contact (db, clock, (const gint64 *) (gpointer) customers->data, customers->len,
                                        contact, &error);
  n = undo != NULL ? dg_bulk_undo_get_n_changed (undo) : 0;
  /* Translators: a toast; %u is how many customers. */
  title = g_strdup_printf (ngettext ("Logged the contact with %u customer",
                                     "Logged the contact with %u customers", n), n);
  _dg_journeys_view_report (self, undo, error, title);
}

static void
log_contact_selected_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  DgJourneysView *self = DG_JOURNEYS_VIEW (widget);
  g_autoptr(GArray) ids = dg_journeys_view_get_selected_ids (self);
  DgBulkDialog *dialog;

  if (ids->len == 0)
    return;

  dialog = dg_bulk_dialog_new (get_parent_window (self), DG_BULK_DIALOG_LOG_CONTACT, ids->len);
  g_object_set_data_full (G_OBJECT (dialog), DIALOG_IDS_KEY, g_steal_pointer (&ids),
                          (GDestroyNotify) g_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_log_contact_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
log_copied_messages (DgJourneysView *self)
{
  g_autoptr(DgStageMessages) copied = g_steal_pointer (&self->copied_messages);
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n;

  if (copied == NULL || self->context == NULL)
    return;

  undo = dg_stage_messages_log (copied, dg_context_get_database (self->context),
                                dg_context_get_clock (self->context), &error);
  n = undo != NULL ? dg_bulk_undo_get_n_changed (undo) : 0;
  /* Translators: a toast; %u is how many customers. */
  title = g_strdup_printf (ngettext ("Logged the message as a contact with %u customer",
                                     "Logged the message as a contact with %u customers", n), n);
  _dg_journeys_view_report (self, undo, error, title);
}

static void
on_log_copied_clicked_cb (AdwToast       *toast,
                          DgJourneysView *self)
{
  log_copied_messages (self);
}

/* Offers to log the messages just copied, in a toast that stays: the
 * owner pastes them into a texting service and sends them before coming
 * back to log them. */
static void
offer_to_log (DgJourneysView *self,
              guint           n)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    return;

  /* Translators: a toast after Copy Message; %u is how many messages. */
  title = g_strdup_printf (ngettext ("Copied %u message", "Copied %u messages", n), n);
  toast = adw_toast_new (title);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("Log as Contacts"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_log_copied_clicked_cb), self, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* Says who was left out and why; the messages of the others are on the
 * clipboard already. */
static void
present_report (DgJourneysView *self,
                guint           n_copied,
                guint           n_selected,
                const char     *report)
{
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (n_copied > 0)
    /* Translators: the heading of the dialog shown when some of the
     * selected customers' messages could not be filled; %1$u is how many
     * were copied, %2$u how many customers were selected. */
    heading = g_strdup_printf (_("Copied %1$u of %2$u Messages"), n_copied, n_selected);
  else
    heading = g_strdup (_("No Messages Copied"));

  dialog = adw_message_dialog_new (get_parent_window (self), heading, report);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copy_messages_selected_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  DgJourneysView *self = DG_JOURNEYS_VIEW (widget);
  g_autoptr(GArray) ids = dg_journeys_view_get_selected_ids (self);
  g_autoptr(DgStageMessages) messages = NULL;
  g_autoptr(GError) error = NULL;
  const char *report;
  guint n;

  if (ids->len == 0 || self->context == NULL)
    return;

  g_clear_pointer (&self->copied_messages, dg_stage_messages_free);
  messages = dg_stage_messages_fill (dg_context_get_database (self->context), dg_context_get_clock (self->context),
                                     (const gint64 *) (gpointer) ids->data, ids->len, &error);
  if (messages == NULL)
    {
      dg_toast_show_error (widget, error);
      return;
    }

  n = dg_stage_messages_get_n_messages (messages);
  report = dg_stage_messages_get_report (messages);
  if (n > 0)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), dg_stage_messages_get_text (messages));
  if (*report != '\0')
    present_report (self, n, ids->len, report);
  if (n == 0)
    return;

  self->copied_messages = g_steal_pointer (&messages);
  offer_to_log (self, n);
}

void
_dg_journeys_view_class_contacts_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "journeys.log-contact-selected", NULL,
                                   log_contact_selected_action);
  gtk_widget_class_install_action (widget_class, "journeys.copy-messages-selected", NULL,
                                   copy_messages_selected_action);
}

void
_dg_journeys_view_update_contact_actions (DgJourneysView *self,
                                          gboolean        has_selection)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journeys.log-contact-selected", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journeys.copy-messages-selected", has_selection);
}
