/* dg-customers-view-actions.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-customer-editor.h"
#include "dg-customers-view-private.h"
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.back", on_page);

  _dg_customers_view_update_selection_bar (self);
}

void
_dg_customers_view_show_list (DgCustomersView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_box);
  _dg_customers_view_update_actions (self);
}

/* GTK 4.8's column view cannot scroll to a row itself; its inner list view
 * has the action that does. */
static void
dg_customers_view_scroll_to (DgCustomersView *self,
                             guint            position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
    }
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

  dg_customers_view_scroll_to (self, dg_customer_selection_get_selected (self->selection));
}

static void
on_editor_saved_cb (DgCustomerEditor *editor,
                    DgCustomer       *customer,
                    DgCustomersView  *self)
{
  /* The page follows the database by itself; the list shows where the new
   * or changed customer now is. */
  if (!dg_customers_view_page_is_shown (self))
    _dg_customers_view_select (self, dg_customer_get_id (customer));
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
                           G_CALLBACK (on_editor_saved_cb),
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

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DgCustomersView *self = DG_CUSTOMERS_VIEW (widget);
  DgCustomer *current = _dg_customers_view_get_current (self);
  g_autoptr(DgCustomerSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  DgDatabase *database;
  DgCustomer *customer;
  UndoData *undo;

  if (current == NULL)
    return;

  database = dg_context_get_database (self->context);

  /* Everything Undo needs is read before the rows are gone: deleting a
   * customer also deletes its tags' links, contact log and follow-ups. */
  snapshot = dg_customers_take_snapshot (database, dg_customer_get_id (current), &error);
  if (snapshot == NULL || !dg_customers_delete (database, dg_customer_get_id (current), &error))
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
  dg_toast_show_undo (GTK_WIDGET (self), title, undo_delete, undo, undo_data_free);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DgCustomersView *self = DG_CUSTOMERS_VIEW (widget);

  _dg_customers_view_show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
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
}
