/* dg-customers-view-actions.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-customer-editor.h"
#include "dg-customers-view-private.h"
#include "dg-enroll-dialog.h"
#include "dg-toast.h"

typedef struct
{
  GWeakRef    view;
  DgDatabase *database;
  DgCustomer *customer;
  /* For archiving: the state to go back to. */
  gboolean    archived;
  /* For deleting: everything that went with the customer. */
  DgCustomerSnapshot *snapshot;
} UndoData;

static UndoData *
undo_data_new (DgCustomersView *self,
               DgCustomer      *customer)
{
  UndoData *undo = g_new0 (UndoData, 1);

  g_weak_ref_init (&undo->view, self);
  undo->database = g_object_ref (dg_context_get_database (self->context));
  undo->customer = g_object_ref (customer);

  return undo;
}

static void
undo_data_free (gpointer data)
{
  UndoData *undo = data;

  g_weak_ref_clear (&undo->view);
  g_clear_object (&undo->database);
  g_clear_object (&undo->customer);
  g_clear_pointer (&undo->snapshot, dg_customer_snapshot_free);
  g_free (undo);
}

static gboolean
dg_customers_view_page_is_shown (DgCustomersView *self)
{
  return self->customer_page != NULL &&
         adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->customer_page);
}

static DgCustomer *
dg_customers_view_get_selected (DgCustomersView *self)
{
  if (self->selection == NULL)
    return NULL;

  return dg_customer_selection_get_selected_item (self->selection);
}

DgCustomer *
_dg_customers_view_get_current (DgCustomersView *self)
{
  if (dg_customers_view_page_is_shown (self))
    return dg_customer_page_get_customer (self->customer_page);

  return dg_customers_view_get_selected (self);
}

void
_dg_customers_view_update_actions (DgCustomersView *self)
{
  gboolean has_context = self->context != NULL;
  gboolean on_page = dg_customers_view_page_is_shown (self);
  gboolean has_current = has_context && _dg_customers_view_get_current (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.new", has_context);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.search", has_context);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.open", has_current && !on_page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.edit", has_current);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.archive", has_current);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.delete", has_current);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.enroll", has_current);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.back", on_page);

  _dg_customers_view_update_selection_bar (self);
}

void
_dg_customers_view_show_list (DgCustomersView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_box);
  _dg_customers_view_update_actions (self);
}

/* The customer shown (or the one selected) starts a journey. */
static void
enroll_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DgCustomersView *self = DG_CUSTOMERS_VIEW (widget);
  DgCustomer *customer = _dg_customers_view_get_current (self);
  gint64 id;

  if (customer == NULL)
    return;

  id = dg_customer_get_id (customer);
  dg_enroll_dialog_present (widget, self->context, &id, 1);
}

void
_dg_customers_view_select (DgCustomersView *self,
                           gint64           id)
{
  if (self->selection == NULL)
    return;

  /* The customer may be past the first rows of a list still being read. */
  if (dg_customer_list_find (self->list, id) == G_MAXUINT &&
      !dg_customer_list_is_complete (self->list))
    dg_customer_list_reload (self->list);

  if (!dg_customer_selection_select_id (self->selection, id))
    return;

  _dg_customers_view_scroll_to (self, dg_customer_selection_get_selected (self->selection));
}

/* Opens the page of the customer with @id, as the other pages of the
 * window do: through the window when there is one. */
static void
dg_customers_view_show_customer (DgCustomersView *self,
                                 gint64           id)
{
  g_autoptr(GError) error = NULL;

  if (gtk_widget_activate_action (GTK_WIDGET (self), "win.show-customer", "x", id))
    return;

  if (!dg_customers_view_open (self, id, &error))
    dg_toast_show_error (GTK_WIDGET (self), error);
}

/* A customer just saved is never hidden by the search or the filters: a
 * new one opens on its page, as in GNOME Contacts, with its row selected
 * for Back when the list shows it; a changed one stays where it was seen,
 * on its page or selected in the list, unless the list no longer shows
 * it, and then its page opens. */
static void
dg_customers_view_show_saved (DgCustomersView *self,
                              gint64           id,
                              gboolean         added)
{
  gboolean on_page = dg_customers_view_page_is_shown (self);

  if (self->list != NULL && (!on_page || added))
    _dg_customers_view_select (self, id);

  if (added)
    dg_customers_view_show_customer (self, id);
  else if (!on_page && (self->list == NULL || dg_customer_list_find (self->list, id) == G_MAXUINT))
    dg_customers_view_show_customer (self, id);
}

static void
on_editor_saved_cb (DgCustomerEditor *editor,
                    DgCustomer       *customer,
                    DgCustomersView  *self)
{
  dg_customers_view_show_saved (self, dg_customer_get_id (customer), FALSE);
}

static void
on_editor_added_cb (DgCustomerEditor *editor,
                    DgCustomer       *customer,
                    DgCustomersView  *self)
{
  dg_customers_view_show_saved (self, dg_customer_get_id (customer), TRUE);
}

static void
dg_customers_view_show_editor (DgCustomersView *self,
                               DgCustomer      *customer)
{
  DgCustomerEditor *editor;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  editor = dg_customer_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   dg_context_get_database (self->context),
                                   customer);
  g_signal_connect_object (editor, "saved",
                           customer == NULL ? G_CALLBACK (on_editor_added_cb)
                                            : G_CALLBACK (on_editor_saved_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  dg_customers_view_show_editor (DG_CUSTOMERS_VIEW (widget), NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DgCustomersView *self = DG_CUSTOMERS_VIEW (widget);

  _dg_customers_view_show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DgCustomersView *self = DG_CUSTOMERS_VIEW (widget);
  DgCustomer *customer = dg_customers_view_get_selected (self);
  g_autoptr(GError) error = NULL;

  if (customer == NULL)
    return;

  if (!dg_customers_view_open (self, dg_customer_get_id (customer), &error))
    dg_toast_show_error (GTK_WIDGET (self), error);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DgCustomersView *self = DG_CUSTOMERS_VIEW (widget);
  DgCustomer *current = _dg_customers_view_get_current (self);
  g_autoptr(DgCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;

  if (current == NULL)
    return;

  /* The form starts from what is stored now, not from a row read earlier. */
  customer = dg_customers_get (dg_context_get_database (self->context),
                               dg_customer_get_id (current), &error);
  if (customer == NULL)
    {
      dg_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  dg_customers_view_show_editor (self, customer);
}

static void
undo_archive (gpointer user_data)
{
  UndoData *undo = user_data;
  g_autoptr(DgCustomersView) self = g_weak_ref_get (&undo->view);
  g_autoptr(GError) error = NULL;

  if (!dg_customers_set_archived (undo->database,
                                  dg_customer_get_id (undo->customer),
                                  undo->archived,
                                  &error) && self != NULL)
    dg_toast_show_error (GTK_WIDGET (self), error);
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DgCustomersView *self = DG_CUSTOMERS_VIEW (widget);
  DgCustomer *current = _dg_customers_view_get_current (self);
  g_autoptr(DgCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  UndoData *undo;
  gboolean archived;

  if (current == NULL)
    return;

  /* The list may drop the row under the current filter, so the object is
   * held on to here. */
  customer = g_object_ref (current);
  archived = dg_customer_get_archived (customer);

  if (!dg_customers_set_archived (dg_context_get_database (self->context),
                                  dg_customer_get_id (customer), !archived, &error))
    {
      dg_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  if (archived)
    /* Translators: a toast after a customer was taken out of the archive;
     * %s is the customer's name. */
    title = g_markup_printf_escaped (_("Unarchived “%s”"), dg_customer_get_name (customer));
  else
    /* Translators: a toast after a customer was archived; %s is the
     * customer's name. */
    title = g_markup_printf_escaped (_("Archived “%s”"), dg_customer_get_name (customer));

  undo = undo_data_new (self, customer);
  undo->archived = archived;
  dg_toast_show_undo (GTK_WIDGET (self), title, undo_archive, undo, undo_data_free);
}

static void
undo_delete (gpointer user_data)
{
  UndoData *undo = user_data;
  g_autoptr(DgCustomersView) self = g_weak_ref_get (&undo->view);
  g_autoptr(GError) error = NULL;

  /* The snapshot holds the customer's rows as stored, with its contact
   * log and follow-ups, so it all comes back as the same records. */
  if (!dg_customer_snapshot_restore (undo->database, undo->snapshot, &error))
    {
      if (self != NULL)
        dg_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  if (self != NULL && !dg_customers_view_page_is_shown (self))
    _dg_customers_view_select (self,
                               dg_customer_get_id (dg_customer_snapshot_get_customer (undo->snapshot)));
}

/* Opening a customer is leaving the list the toast was about, the way
 * going to another page of the window is. */
static void
on_leaflet_child_dismiss_cb (AdwLeaflet *leaflet,
                             GParamSpec *pspec,
                             AdwToast   *toast)
{
  if (g_strcmp0 (adw_leaflet_get_visible_child_name (leaflet), "customer") == 0)
    adw_toast_dismiss (toast);
}

/* Deletes the customer with @id, with everything that goes with it, and
 * offers Undo until the user dismisses it or leaves the list. */
static void
dg_customers_view_delete (DgCustomersView *self,
                          gint64           id)
{
  g_autoptr(DgCustomerSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  DgDatabase *database = dg_context_get_database (self->context);
  DgCustomer *customer;
  AdwToast *toast;
  UndoData *undo;

  /* Everything Undo needs is read before the rows are gone: deleting a
   * customer also deletes its tags' links, contact log and follow-ups. */
  snapshot = dg_customers_take_snapshot (database, id, &error);
  if (snapshot == NULL || !dg_customers_delete (database, id, &error))
    {
      dg_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  if (dg_customers_view_page_is_shown (self))
    _dg_customers_view_show_list (self);

  customer = dg_customer_snapshot_get_customer (snapshot);

  /* Translators: a toast after a customer was deleted, with an Undo
   * button; %s is the customer's name. */
  title = g_markup_printf_escaped (_("Deleted “%s”"), dg_customer_get_name (customer));

  undo = undo_data_new (self, customer);
  undo->snapshot = g_steal_pointer (&snapshot);
  toast = dg_toast_show_undo_until_left (GTK_WIDGET (self), title,
                                         undo_delete, undo, undo_data_free);
  if (toast != NULL)
    g_signal_connect_object (self->leaflet, "notify::visible-child",
                             G_CALLBACK (on_leaflet_child_dismiss_cb),
                             toast, 0);
}

/* "3 contacts, 2 follow-ups": what a customer's history holds. */
static char *
format_history (guint n_contacts,
                guint n_followups)
{
  g_autofree char *contacts = NULL;
  g_autofree char *followups = NULL;

  /* Translators: part of what goes when a customer is deleted; %u is how
   * many contacts were logged with them. */
  contacts = g_strdup_printf (ngettext ("%u contact", "%u contacts", n_contacts), n_contacts);
  /* Translators: part of what goes when a customer is deleted; %u is how
   * many follow-ups they have, done or not. */
  followups = g_strdup_printf (ngettext ("%u follow-up", "%u follow-ups", n_followups), n_followups);

  if (n_followups == 0)
    return g_steal_pointer (&contacts);
  if (n_contacts == 0)
    return g_steal_pointer (&followups);

  /* Translators: joins "3 contacts" and "2 follow-ups" in the dialog
   * asking before a customer is deleted. */
  return g_strdup_printf (C_("history counts", "%1$s, %2$s"), contacts, followups);
}

static void
on_delete_dialog_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              DgCustomersView  *self)
{
  const gint64 *id = g_object_get_data (G_OBJECT (dialog), "dg-customer-id");

  if (g_strcmp0 (response, "delete") == 0)
    dg_customers_view_delete (self, *id);
}

/* Asks before a customer with a history goes: GNOME Contacts' way, since
 * what went with them is more than one row to type in again. */
static void
dg_customers_view_ask_delete (DgCustomersView *self,
                              DgCustomer      *customer,
                              guint            n_contacts,
                              guint            n_followups)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *history = format_history (n_contacts, n_followups);
  g_autofree char *body = NULL;
  gint64 *id = g_new (gint64, 1);
  AdwMessageDialog *dialog;

  *id = dg_customer_get_id (customer);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       NULL, NULL));
  /* Translators: the title of the dialog asking before a customer is
   * deleted; %s is the customer's name. */
  adw_message_dialog_format_heading (dialog, _("Delete “%s”?"), dg_customer_get_name (customer));
  /* Translators: in the dialog asking before a customer is deleted; %s
   * is what goes with them, such as "3 contacts, 2 follow-ups". */
  body = g_strdup_printf (_("Their history is deleted with them: %s."), history);
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "dg-customer-id", id, g_free);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_delete_dialog_response_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DgCustomersView *self = DG_CUSTOMERS_VIEW (widget);
  DgCustomer *current = _dg_customers_view_get_current (self);
  g_autoptr(DgCustomerSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  guint n_contacts, n_followups;

  if (current == NULL)
    return;

  /* The snapshot counts what would go; the delete takes its own, of the
   * rows as they are once the user said yes. */
  snapshot = dg_customers_take_snapshot (dg_context_get_database (self->context),
                                         dg_customer_get_id (current), &error);
  if (snapshot == NULL)
    {
      dg_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  n_contacts = dg_customer_snapshot_get_n_interactions (snapshot);
  n_followups = dg_customer_snapshot_get_n_followups (snapshot);

  /* A customer without a history is one row: Undo is enough. */
  if (n_contacts == 0 && n_followups == 0)
    dg_customers_view_delete (self, dg_customer_get_id (current));
  else
    dg_customers_view_ask_delete (self, dg_customer_snapshot_get_customer (snapshot),
                                  n_contacts, n_followups);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DgCustomersView *self = DG_CUSTOMERS_VIEW (widget);

  _dg_customers_view_show_list (self);
  gtk_widget_grab_focus (_dg_customers_view_get_list_widget (self));
}

void
_dg_customers_view_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "customers.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "customers.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "customers.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "customers.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "customers.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "customers.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "customers.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "customers.enroll", NULL, enroll_action);
}
