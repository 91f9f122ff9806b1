/* dg-customers-view-bulk.c
 *
 * The selection bar of the customer list and its actions: with more than
 * one customer selected it shows how many and what can be done to all of
 * them (the customers.bulk-* actions, in the bar's menu). The actions read
 * the selected ids only (_dg_customers_view_get_selected_ids()), never the
 * rows: Ctrl+A selects every customer in the list, which may be a hundred
 * thousand.
 *
 * A bulk action is installed in _dg_customers_view_class_bulk_init(),
 * enabled with the others in _dg_customers_view_update_selection_bar()
 * (while anyone is selected), and offered as an item of "bulk_menu" in
 * dg-customers-view.ui.
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-bulk-dialog.h"
#include "dg-customers-view-private.h"
#include "dg-enroll-dialog.h"
#include "dg-toast.h"

static guint
dg_customers_view_get_n_selected (DgCustomersView *self)
{
  return self->selection != NULL ? dg_customer_selection_get_n_selected (self->selection) : 0;
}

GArray *
_dg_customers_view_get_selected_ids (DgCustomersView *self)
{
  if (self->selection == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));

  return dg_customer_selection_get_selected_ids (self->selection);
}

GArray *
dg_customers_view_dup_selected_ids (DgCustomersView *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMERS_VIEW (self), NULL);

  return _dg_customers_view_get_selected_ids (self);
}

char *
_dg_customers_view_format_n_selected (guint n_selected)
{
  /* Translators: in the bar shown while several customers are selected
   * in the list; %u is how many. */
  return g_strdup_printf (ngettext ("%u selected", "%u selected", n_selected), n_selected);
}

/* What Undo of a bulk action needs: the view to report to, weakly, and
 * the core's record of what the action did. */
typedef struct
{
  GWeakRef    view;
  DgBulkUndo *undo;
} BulkUndoData;

static void
bulk_undo_data_free (gpointer data)
{
  BulkUndoData *undo = data;

  g_weak_ref_clear (&undo->view);
  g_clear_object (&undo->undo);
  g_free (undo);
}

static void
undo_bulk (gpointer user_data)
{
  BulkUndoData *undo = user_data;
  g_autoptr(DgCustomersView) self = g_weak_ref_get (&undo->view);
  g_autoptr(GError) error = NULL;

  if (!dg_bulk_undo_apply (undo->undo, &error) && self != NULL)
    dg_toast_show_error (GTK_WIDGET (self), error);
}

/* Reports the result of a bulk action: its error, or @title with Undo. */
static void
dg_customers_view_bulk_done (DgCustomersView *self,
                             DgBulkUndo      *undo,
                             const GError    *error,
                             const char      *title)
{
  BulkUndoData *data;

  if (undo == NULL)
    {
      dg_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  data = g_new0 (BulkUndoData, 1);
  g_weak_ref_init (&data->view, self);
  data->undo = g_object_ref (undo);
  dg_toast_show_undo (GTK_WIDGET (self), title, undo_bulk, data, bulk_undo_data_free);
}

/* The ids a dialog acts on: those selected when it was opened, whatever
 * is selected by the time it is answered. */
#define DIALOG_IDS_KEY "dg-bulk-ids"

static void
on_bulk_dialog_response_cb (DgBulkDialog    *dialog,
                            const char      *response,
                            DgCustomersView *self)
{
  GArray *ids = g_object_get_data (G_OBJECT (dialog), DIALOG_IDS_KEY);
  DgDatabase *db = dg_context_get_database (self->context);
  DgClock *clock = dg_context_get_clock (self->context);
  const gint64 *id_data = (const gint64 *) (gpointer) ids->data;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n = ids->len;

  if (g_strcmp0 (response, "apply") != 0)
    return;

  switch (dg_bulk_dialog_get_kind (dialog))
    {
    case DG_BULK_DIALOG_ADD_TAG:
      {
        g_autofree char *tag = dg_bulk_dialog_dup_tag (dialog);
        g_autofree char *escaped = g_markup_escape_text (tag, -1);

        undo = dg_customers_bulk_add_tag (db, id_data, n, tag, &error);
        /* Translators: a toast; %1$s is the tag as typed, %2$u how many
         * customers got it. */
        title = g_strdup_printf (ngettext ("Tagged %2$u customer “%1$s”",
                                           "Tagged %2$u customers “%1$s”", n), escaped, n);
      }
      break;

    case DG_BULK_DIALOG_REMOVE_TAG:
      {
        g_autofree char *tag = dg_bulk_dialog_dup_tag (dialog);
        g_autofree char *escaped = g_markup_escape_text (tag, -1);

        undo = dg_customers_bulk_remove_tag (db, id_data, n, tag, &error);
        /* Translators: a toast; %1$s is the tag as typed, %2$u how many
         * customers were selected. */
        title = g_strdup_printf (ngettext ("Removed “%1$s” from %2$u customer",
                                           "Removed “%1$s” from %2$u customers", n), escaped, n);
      }
      break;

    case DG_BULK_DIALOG_LOG_CONTACT:
      {
        g_autoptr(GDateTime) now = dg_clock_get_now_utc (clock);
        g_autoptr(DgInteraction) contact = dg_bulk_dialog_build_contact (dialog, now);

        undo = dg_customers_bulk_log_contact (db, clock, id_data, n, contact, &error);
        /* Translators: a toast; %u is how many customers. */
        title = g_strdup_printf (ngettext ("Logged the contact with %u customer",
                                           "Logged the contact with %u customers", n), n);
      }
      break;

    case DG_BULK_DIALOG_ADD_FOLLOWUP:
      {
        g_autoptr(DgFollowup) followup = dg_bulk_dialog_build_followup (dialog, clock);

        undo = dg_customers_bulk_add_followup (db, clock, id_data, n, followup, &error);
        /* Translators: a toast; %u is how many follow-ups were added, one
         * per customer. */
        title = g_strdup_printf (ngettext ("Added %u follow-up",
                                           "Added %u follow-ups", n), n);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  dg_customers_view_bulk_done (self, undo, error, title);
}

static void
present_bulk_dialog (DgCustomersView  *self,
                     DgBulkDialogKind  kind)
{
  g_autoptr(GArray) ids = _dg_customers_view_get_selected_ids (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  DgBulkDialog *dialog;

  if (ids->len == 0)
    return;

  dialog = dg_bulk_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, kind, ids->len);
  g_object_set_data_full (G_OBJECT (dialog), DIALOG_IDS_KEY,
                          g_steal_pointer (&ids), (GDestroyNotify) g_array_unref);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_bulk_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_tag_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  present_bulk_dialog (DG_CUSTOMERS_VIEW (widget), DG_BULK_DIALOG_ADD_TAG);
}

static void
remove_tag_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  present_bulk_dialog (DG_CUSTOMERS_VIEW (widget), DG_BULK_DIALOG_REMOVE_TAG);
}

static void
log_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  present_bulk_dialog (DG_CUSTOMERS_VIEW (widget), DG_BULK_DIALOG_LOG_CONTACT);
}

static void
add_followup_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  present_bulk_dialog (DG_CUSTOMERS_VIEW (widget), DG_BULK_DIALOG_ADD_FOLLOWUP);
}

static void
bulk_enroll_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DgCustomersView *self = DG_CUSTOMERS_VIEW (widget);
  g_autoptr(GArray) ids = _dg_customers_view_get_selected_ids (self);

  if (ids->len > 0)
    dg_enroll_dialog_present (widget, self->context, (const gint64 *) (gpointer) ids->data, ids->len);
}

static void
set_archived (DgCustomersView *self,
              gboolean         archived)
{
  g_autoptr(GArray) ids = _dg_customers_view_get_selected_ids (self);
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n;

  undo = dg_customers_bulk_set_archived (dg_context_get_database (self->context),
                                         (const gint64 *) (gpointer) ids->data, ids->len,
                                         archived, &error);
  n = undo != NULL ? dg_bulk_undo_get_n_changed (undo) : 0;
  if (archived)
    /* Translators: a toast; %u is how many customers were archived. */
    title = g_strdup_printf (ngettext ("Archived %u customer", "Archived %u customers", n), n);
  else
    /* Translators: a toast; %u is how many customers were taken out of
     * the archive. */
    title = g_strdup_printf (ngettext ("Unarchived %u customer", "Unarchived %u customers", n), n);

  dg_customers_view_bulk_done (self, undo, error, title);
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  set_archived (DG_CUSTOMERS_VIEW (widget), TRUE);
}

static void
unarchive_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  set_archived (DG_CUSTOMERS_VIEW (widget), FALSE);
}

static void
on_delete_dialog_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              DgCustomersView  *self)
{
  GArray *ids = g_object_get_data (G_OBJECT (dialog), DIALOG_IDS_KEY);
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n = ids->len;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  undo = dg_customers_bulk_delete (dg_context_get_database (self->context),
                                   (const gint64 *) (gpointer) ids->data, n, &error);
  /* Translators: a toast with an Undo button; %u is how many customers
   * were deleted. */
  title = g_strdup_printf (ngettext ("Deleted %u customer", "Deleted %u customers", n), n);
  dg_customers_view_bulk_done (self, undo, error, title);
}

/* Deleting many at once is asked first: the Undo toast alone is easy to
 * miss, and it takes their whole history with them. */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DgCustomersView *self = DG_CUSTOMERS_VIEW (widget);
  g_autoptr(GArray) ids = _dg_customers_view_get_selected_ids (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  guint n = ids->len;

  if (n == 0)
    return;

  /* Translators: the question before deleting; %u is how many customers
   * are selected. */
  heading = g_strdup_printf (ngettext ("Delete %u Customer?", "Delete %u Customers?", n), n);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading,
                                                       _("Their contact logs and follow-ups are deleted too. "
                                                         "You can undo this right afterwards.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), DIALOG_IDS_KEY,
                          g_steal_pointer (&ids), (GDestroyNotify) g_array_unref);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_delete_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char * const bulk_write_actions[] = {
  "customers.bulk-add-tag",
  "customers.bulk-remove-tag",
  "customers.bulk-archive",
  "customers.bulk-unarchive",
  "customers.bulk-delete",
  "customers.bulk-log-contact",
  "customers.bulk-add-followup",
  "customers.bulk-enroll",
};

void
_dg_customers_view_update_selection_bar (DgCustomersView *self)
{
  guint n_selected = dg_customers_view_get_n_selected (self);
  guint n_items = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  gboolean any = self->context != NULL && n_selected > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.select-all",
                                 self->context != NULL && n_selected < n_items);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.select-none", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.bulk-copy-phones", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.bulk-copy-emails", any);
  for (guint i = 0; i < G_N_ELEMENTS (bulk_write_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), bulk_write_actions[i], any);

  /* One selected customer is the usual state of a list: its actions are
   * the page's. The bar is for several. */
  if (n_selected > 1)
    {
      g_autofree char *text = _dg_customers_view_format_n_selected (n_selected);

      gtk_label_set_text (self->selection_label, text);

      /* The menu's popover is built once there is a bar to show it. */
      if (gtk_menu_button_get_menu_model (self->bulk_menu_button) == NULL)
        gtk_menu_button_set_menu_model (self->bulk_menu_button, self->bulk_menu);
    }
  if (n_selected > 1)
    gtk_widget_set_visible (GTK_WIDGET (self->selection_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->selection_revealer, n_selected > 1);
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DgCustomersView *self = DG_CUSTOMERS_VIEW (widget);

  if (self->selection != NULL)
    gtk_selection_model_select_all (GTK_SELECTION_MODEL (self->selection));
}

static void
select_none_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DgCustomersView *self = DG_CUSTOMERS_VIEW (widget);

  if (self->selection != NULL)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
}

/* Copies the phone numbers or e-mail addresses of the selected customers,
 * in list order, each once: one per line, or on one line separated by
 * commas as SMS and mail services take them (@parameter "lines" or
 * "commas"). */
static void
copy_contacts (DgCustomersView *self,
               DgContactField   field,
               GVariant        *parameter)
{
  g_autoptr(GArray) ids = _dg_customers_view_get_selected_ids (self);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) values = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  gboolean commas = g_strcmp0 (g_variant_get_string (parameter, NULL), "commas") == 0;
  guint n;

  values = dg_customers_get_contacts (dg_context_get_database (self->context),
                                      (const gint64 *) (gpointer) ids->data, ids->len,
                                      field, &error);
  if (values == NULL)
    {
      dg_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  n = g_strv_length (values);
  if (n == 0)
    {
      dg_toast_show (GTK_WIDGET (self),
                     field == DG_CONTACT_FIELD_PHONE
                       ? _("None of the selected customers has a phone number")
                       : _("None of the selected customers has an email address"));
      return;
    }

  text = g_strjoinv (commas ? ", " : "\n", values);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);

  if (field == DG_CONTACT_FIELD_PHONE)
    /* Translators: a toast; %u is how many phone numbers were copied. */
    title = g_strdup_printf (ngettext ("Copied %u phone number", "Copied %u phone numbers", n), n);
  else
    /* Translators: a toast; %u is how many email addresses were copied. */
    title = g_strdup_printf (ngettext ("Copied %u email address", "Copied %u email addresses", n), n);
  dg_toast_show (GTK_WIDGET (self), title);
}

static void
copy_phones_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  copy_contacts (DG_CUSTOMERS_VIEW (widget), DG_CONTACT_FIELD_PHONE, parameter);
}

static void
copy_emails_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  copy_contacts (DG_CUSTOMERS_VIEW (widget), DG_CONTACT_FIELD_EMAIL, parameter);
}

void
_dg_customers_view_class_bulk_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "customers.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "customers.select-none", NULL, select_none_action);
  gtk_widget_class_install_action (widget_class, "customers.bulk-copy-phones", "s", copy_phones_action);
  gtk_widget_class_install_action (widget_class, "customers.bulk-copy-emails", "s", copy_emails_action);
  gtk_widget_class_install_action (widget_class, "customers.bulk-add-tag", NULL, add_tag_action);
  gtk_widget_class_install_action (widget_class, "customers.bulk-remove-tag", NULL, remove_tag_action);
  gtk_widget_class_install_action (widget_class, "customers.bulk-archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "customers.bulk-unarchive", NULL, unarchive_action);
  gtk_widget_class_install_action (widget_class, "customers.bulk-delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "customers.bulk-log-contact", NULL, log_contact_action);
  gtk_widget_class_install_action (widget_class, "customers.bulk-add-followup", NULL, add_followup_action);
  gtk_widget_class_install_action (widget_class, "customers.bulk-enroll", NULL, bulk_enroll_action);
}
