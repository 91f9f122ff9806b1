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

#include "dg-customers-view-private.h"
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

char *
_dg_customers_view_format_n_selected (guint n_selected)
{
  /* Translators: in the bar shown while several customers are selected
   * in the list; %u is how many. */
  return g_strdup_printf (ngettext ("%u selected", "%u selected", n_selected), n_selected);
}

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
}
