/* dg-customers-view.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-customers-view-private.h"

static void
dg_customers_view_page_init (DgPageInterface *iface)
{
  iface->name = "customers";
  iface->title = N_("Customers");
  iface->icon_name = "system-users-symbolic";
}

G_DEFINE_FINAL_TYPE_WITH_CODE (DgCustomersView, dg_customers_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (DG_TYPE_PAGE, dg_customers_view_page_init))

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_FILTER_TAG,
  PROP_FILTER_SOURCE,
  PROP_NO_CONTACT_DAYS,
  PROP_FILTER_JOURNEY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static DgArchivedFilter
dg_customers_view_get_archived_filter (DgCustomersView *self)
{
  switch (gtk_drop_down_get_selected (self->archived_dropdown))
    {
    case 1:
      return DG_ARCHIVED_ONLY;
    case 2:
      return DG_ARCHIVED_INCLUDE;
    case 0:
    default:
      return DG_ARCHIVED_EXCLUDE;
    }
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    {
      if (!g_unichar_isspace (g_utf8_get_char (text)))
        return FALSE;
    }

  return TRUE;
}

/* The text typed to search for, or NULL for none: the list's query starts
 * with NULL, and the same query again does not run it twice. */
static const char *
dg_customers_view_get_search_text (DgCustomersView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return is_blank (text) ? NULL : text;
}

/* Whether the list shows search results; the entry may already hold newer
 * text that the list has not been asked for yet. */
static gboolean
dg_customers_view_is_searching (DgCustomersView *self)
{
  return !is_blank (dg_customer_list_get_text (self->list));
}

static gint64
count_customers (DgCustomersView  *self,
                 DgArchivedFilter  archived)
{
  g_autoptr(GError) error = NULL;
  DgCustomerQuery query = { .archived = archived };
  gint64 count;

  count = dg_customers_count (dg_context_get_database (self->context), &query, &error);
  if (count < 0)
    {
      g_warning ("Could not count customers: %s", error->message);
      return 0;
    }

  return count;
}

/* Shows the page @name of the list's stack ("list", "empty" or
 * "no-results"). The empty states are built the first time they are
 * shown, from dg-customers-states.ui: a list with rows shows neither, and
 * as hidden pages of the template they cost their widgets, icons and
 * styles before the first frame. */
static void
dg_customers_view_show_state (DgCustomersView *self,
                              const char      *name)
{
  if (gtk_stack_get_child_by_name (self->list_stack, name) == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *id = g_strdelimit (g_strconcat (name, "-page", NULL), "-", '_');
      const char *ids[] = { id, NULL };

      if (!gtk_builder_add_objects_from_resource (builder, RESOURCE_BASE_PATH "/customers/dg-customers-states.ui",
                                                  ids, &error))
        g_error ("The customer list's “%s” cannot be built: %s", name, error->message);

      gtk_stack_add_named (self->list_stack, GTK_WIDGET (gtk_builder_get_object (builder, id)), name);
      if (g_str_equal (name, "no-results"))
        {
          self->no_results_page = ADW_STATUS_PAGE (gtk_builder_get_object (builder, "no_results_page"));
          self->no_results_clear_button = GTK_WIDGET (gtk_builder_get_object (builder, "no_results_clear_button"));
        }
    }

  gtk_stack_set_visible_child_name (self->list_stack, name);
}

/* Shows the count of results, or the right empty state when there are none.
 * The totals are counted only here, and only when they are shown. */
static void
dg_customers_view_update_state (DgCustomersView *self)
{
  g_autofree char *count = NULL;
  gboolean searching, filtered;
  guint n;

  if (self->list == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  searching = dg_customers_view_is_searching (self);
  filtered = _dg_customers_view_has_filters (self);

  if (n > 0)
    {
      dg_customers_view_show_state (self, "list");

      /* Until the rest of the rows are read, their count is not known. */
      if (!dg_customer_list_is_complete (self->list))
        {
          count = g_strdup ("");
        }
      else if (!searching && !filtered)
        {
          /* Translators: the number of customers in the list. */
          count = g_strdup_printf (ngettext ("%u customer", "%u customers", n), n);
        }
      else
        {
          guint total;

          if (self->filter_total < 0)
            self->filter_total = count_customers (self, dg_customers_view_get_archived_filter (self));
          total = MAX ((guint)self->filter_total, n);

          /* Translators: the number of customers found by a search or
           * kept by the filters (%1$u) out of all customers in the list
           * (%2$u). */
          count = g_strdup_printf (ngettext ("%1$u of %2$u customer", "%1$u of %2$u customers", total),
                                   n, total);
        }

      gtk_label_set_text (self->count_label, count);
      return;
    }

  gtk_label_set_text (self->count_label, "");

  if (self->total < 0)
    self->total = count_customers (self, DG_ARCHIVED_INCLUDE);

  if (self->total == 0)
    {
      dg_customers_view_show_state (self, "empty");
      return;
    }

  dg_customers_view_show_state (self, "no-results");
  gtk_widget_set_visible (self->no_results_clear_button, filtered);

  if (filtered)
    {
      g_autofree char *description = NULL;

      if (searching)
        /* Translators: shown when a search finds nobody among the
         * customers the filters keep; %s is what was typed. */
        description = g_markup_printf_escaped (_("No customer matches “%s” with these filters."),
                                               dg_customer_list_get_text (self->list));
      else
        description = g_strdup (_("No customers match these filters."));
      adw_status_page_set_title (self->no_results_page, _("No Results Found"));
      adw_status_page_set_description (self->no_results_page, description);
      adw_status_page_set_icon_name (self->no_results_page, "edit-find-symbolic");
    }
  else if (searching)
    {
      g_autofree char *description = NULL;

      /* Translators: shown when a search finds nobody; %s is what was
       * typed. ㄱㅁㅅ are the initial consonants of a Korean name. */
      description = g_markup_printf_escaped (_("No customer matches “%s”. Try part of a name, a few digits of a phone number, or initial consonants such as ㄱㅁㅅ."),
                                             dg_customer_list_get_text (self->list));
      adw_status_page_set_title (self->no_results_page, _("No Results Found"));
      adw_status_page_set_description (self->no_results_page, description);
      adw_status_page_set_icon_name (self->no_results_page, "edit-find-symbolic");
    }
  else if (dg_customers_view_get_archived_filter (self) == DG_ARCHIVED_ONLY)
    {
      adw_status_page_set_title (self->no_results_page, _("No Archived Customers"));
      adw_status_page_set_description (self->no_results_page,
                                       _("Customers you archive are kept here, out of your daily list."));
      adw_status_page_set_icon_name (self->no_results_page, "system-users-symbolic");
    }
  else
    {
      adw_status_page_set_title (self->no_results_page, _("No Active Customers"));
      adw_status_page_set_description (self->no_results_page,
                                       _("Every customer is archived. Choose “All” to see them."));
      adw_status_page_set_icon_name (self->no_results_page, "system-users-symbolic");
    }
}

void
_dg_customers_view_update_state (DgCustomersView *self)
{
  self->filter_total = -1;
  dg_customers_view_update_state (self);
}

static void
on_list_items_changed_cb (GListModel      *list,
                          guint            position,
                          guint            removed,
                          guint            added,
                          DgCustomersView *self)
{
  dg_customers_view_update_state (self);
  _dg_customers_view_update_actions (self);
}

/* A failed query leaves the rows found before on show; say so, and why. */
static void
on_list_error_cb (DgCustomerList  *list,
                  GParamSpec      *pspec,
                  DgCustomersView *self)
{
  const GError *error = dg_customer_list_get_error (list);

  if (error != NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: shown above the customer list when its search or
       * sort failed; %s says why. */
      text = g_strdup_printf (_("Could not update the customer list, so it may be out of date: %s"),
                              error->message);
      gtk_label_set_text (self->error_label, text);
    }

  gtk_revealer_set_reveal_child (self->error_revealer, error != NULL);
}

static void
on_list_complete_cb (DgCustomerList  *list,
                     GParamSpec      *pspec,
                     DgCustomersView *self)
{
  dg_customers_view_update_state (self);
  _dg_customers_view_update_actions (self);
}

static void
dg_customers_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (dg_customers_view_parent_class)->map (widget);

  _dg_customers_view_queue_load_rest (DG_CUSTOMERS_VIEW (widget));
}

static void
dg_customers_view_unmap (GtkWidget *widget)
{
  _dg_customers_view_cancel_load_rest (DG_CUSTOMERS_VIEW (widget));

  GTK_WIDGET_CLASS (dg_customers_view_parent_class)->unmap (widget);
}

static void
on_retry_button_clicked_cb (GtkButton       *button,
                            DgCustomersView *self)
{
  if (self->list != NULL)
    dg_customer_list_reload (self->list);
}

static void
on_database_changed_cb (DgDatabase      *database,
                        const char      *table,
                        DgCustomersView *self)
{
  self->filter_total = -1;
  self->total = -1;
  dg_customers_view_update_state (self);
}

static void
on_selection_selected_item_cb (DgCustomerSelection *selection,
                               GParamSpec          *pspec,
                               DgCustomersView     *self)
{
  _dg_customers_view_update_actions (self);
}

static void
on_search_entry_search_changed_cb (GtkSearchEntry  *entry,
                                   DgCustomersView *self)
{
  if (self->list == NULL)
    return;

  dg_customer_list_set_text (self->list, dg_customers_view_get_search_text (self));
  dg_customers_view_update_state (self);
}

static void
on_search_entry_stop_search_cb (GtkSearchEntry  *entry,
                                DgCustomersView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* Enter in the search field opens the selected customer, or the first one
 * found, so a search can end on the page without touching the mouse; not
 * while several are selected. */
static void
on_search_entry_activate_cb (GtkSearchEntry  *entry,
                             DgCustomersView *self)
{
  if (self->selection == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;

  /* Several customers picked by hand are not traded for one. */
  if (dg_customer_selection_get_n_selected (self->selection) > 1)
    return;

  if (dg_customer_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    dg_customer_selection_set_selected (self->selection, 0);

  gtk_widget_activate_action (GTK_WIDGET (self), "customers.open", NULL);
}

static void
on_archived_dropdown_selected_cb (GtkDropDown     *dropdown,
                                  GParamSpec      *pspec,
                                  DgCustomersView *self)
{
  if (self->list == NULL)
    return;

  self->filter_total = -1;
  dg_customer_list_set_archived (self->list, dg_customers_view_get_archived_filter (self));
  dg_customers_view_update_state (self);
}

void
_dg_customers_view_activate_row (DgCustomersView *self,
                                 guint            position)
{
  /* Enter on a list with several customers selected would trade them for
   * the focused one; a double-click has picked its row alone already. */
  if (dg_customer_selection_get_n_selected (self->selection) > 1)
    return;

  dg_customer_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "customers.open", NULL);
}

static void
on_column_view_activate_cb (GtkColumnView   *column_view,
                            guint            position,
                            DgCustomersView *self)
{
  _dg_customers_view_activate_row (self, position);
}

static void
on_customer_page_customer_cb (DgCustomerPage  *page,
                              GParamSpec      *pspec,
                              DgCustomersView *self)
{
  /* The customer on the page was deleted: there is nothing left to show. */
  if (dg_customer_page_get_customer (page) == NULL &&
      adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (page))
    _dg_customers_view_show_list (self);

  _dg_customers_view_update_actions (self);
}

static void
on_leaflet_visible_child_cb (AdwLeaflet      *leaflet,
                             GParamSpec      *pspec,
                             DgCustomersView *self)
{
  _dg_customers_view_update_actions (self);
}

/* Built when first asked for: until a customer is opened, the page would
 * only add to the first frame of the list. */
DgCustomerPage *
dg_customers_view_get_customer_page (DgCustomersView *self)
{
  AdwLeafletPage *page;

  g_return_val_if_fail (DG_IS_CUSTOMERS_VIEW (self), NULL);

  if (self->customer_page != NULL)
    return self->customer_page;

  self->customer_page = DG_CUSTOMER_PAGE (g_object_new (DG_TYPE_CUSTOMER_PAGE, NULL));
  g_signal_connect_object (self->customer_page, "notify::customer",
                           G_CALLBACK (on_customer_page_customer_cb), self, 0);
  if (self->context != NULL)
    dg_customer_page_set_context (self->customer_page, self->context);

  page = adw_leaflet_append (self->leaflet, GTK_WIDGET (self->customer_page));
  adw_leaflet_page_set_name (page, "customer");

  return self->customer_page;
}

DgCustomerList *
dg_customers_view_get_list (DgCustomersView *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMERS_VIEW (self), NULL);

  return self->list;
}

gboolean
dg_customers_view_open (DgCustomersView  *self,
                        gint64            id,
                        GError          **error)
{
  g_return_val_if_fail (DG_IS_CUSTOMERS_VIEW (self), FALSE);

  if (!dg_customer_page_load (dg_customers_view_get_customer_page (self), id, error))
    return FALSE;

  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->customer_page));
  _dg_customers_view_update_actions (self);

  return TRUE;
}

DgContext *
dg_customers_view_get_context (DgCustomersView *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMERS_VIEW (self), NULL);

  return self->context;
}

void
dg_customers_view_set_context (DgCustomersView *self,
                               DgContext       *context)
{
  g_autoptr(DgContext) old_context = NULL;
  DgDatabase *database;

  g_return_if_fail (DG_IS_CUSTOMERS_VIEW (self));
  g_return_if_fail (!context || DG_IS_CONTEXT (context));

  if (self->context == context)
    return;

  old_context = self->context != NULL ? g_object_ref (self->context) : NULL;
  if (self->context != NULL)
    g_clear_signal_handler (&self->changed_handler, dg_context_get_database (self->context));
  g_clear_object (&self->selection);
  _dg_customers_view_attach_model (self);
  if (self->list != NULL)
    dg_customer_list_cancel_load (self->list);
  g_clear_object (&self->list);

  g_set_object (&self->context, context);
  if (self->customer_page != NULL)
    dg_customer_page_set_context (self->customer_page, context);
  self->filter_total = -1;
  self->total = -1;

  if (context != NULL)
    {
      DgCustomerQuery query = {
        .text = dg_customers_view_get_search_text (self),
        .archived = dg_customers_view_get_archived_filter (self),
      };

      _dg_customers_view_get_filters (self, &query);
      database = dg_context_get_database (context);
      _dg_customers_view_probe_sort (self, &query.sort, &query.descending);
      self->list = dg_customer_list_new_partial (database, &query,
                                                 _dg_customers_view_get_first_rows (self));
      _dg_customers_view_apply_sort (self);

      self->changed_handler = g_signal_connect_object (database, "changed::customers",
                                                       G_CALLBACK (on_database_changed_cb),
                                                       self, 0);

      /* Nothing is selected until the user picks a row, so Delete never
       * removes a customer they did not choose. */
      self->selection = dg_customer_selection_new (self->list);
      /* After the selection has found its customer again and told the
       * column view, so the actions see the selection as it now is. */
      g_signal_connect_object (self->list, "items-changed",
                               G_CALLBACK (on_list_items_changed_cb),
                               self, G_CONNECT_AFTER);
      g_signal_connect_object (self->selection, "notify::selected-item",
                               G_CALLBACK (on_selection_selected_item_cb),
                               self, 0);
      g_signal_connect_object (self->selection, "notify::n-selected",
                               G_CALLBACK (on_selection_selected_item_cb),
                               self, 0);
      g_signal_connect_object (self->list, "notify::error",
                               G_CALLBACK (on_list_error_cb),
                               self, 0);
      g_signal_connect_object (self->list, "notify::complete",
                               G_CALLBACK (on_list_complete_cb),
                               self, 0);
      _dg_customers_view_attach_model (self);
      _dg_customers_view_queue_load_rest (self);
    }

  _dg_customers_view_filters_set_context (self, old_context);

  if (self->list != NULL)
    on_list_error_cb (self->list, NULL, self);
  else
    gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  dg_customers_view_update_state (self);
  _dg_customers_view_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTEXT]);
}

static void
dg_customers_view_dispose (GObject *object)
{
  DgCustomersView *self = (DgCustomersView *)object;
  GtkWidget *child;

  if (self->context != NULL)
    g_clear_signal_handler (&self->changed_handler, dg_context_get_database (self->context));
  _dg_customers_view_cancel_load_rest (self);
  _dg_customers_view_dispose_filters (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_CUSTOMERS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  /* They went with the list's stack. */
  self->row_view = NULL;
  self->no_results_page = NULL;
  self->no_results_clear_button = NULL;

  g_clear_object (&self->selection);
  if (self->list != NULL)
    dg_customer_list_cancel_load (self->list);
  g_clear_object (&self->list);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (dg_customers_view_parent_class)->dispose (object);
}

static void
dg_customers_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DgCustomersView *self = DG_CUSTOMERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    /* "" rather than NULL: the state of a stateful action is never NULL. */
    case PROP_FILTER_TAG:
      g_value_set_string (value, self->filter_tag ? self->filter_tag : "");
      break;

    case PROP_FILTER_SOURCE:
      g_value_set_string (value, self->filter_source ? self->filter_source : "");
      break;

    case PROP_NO_CONTACT_DAYS:
      g_value_set_uint (value, self->filter_no_contact_days);
      break;

    case PROP_FILTER_JOURNEY:
      g_value_take_string (value, _dg_customers_view_dup_journey_filter (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_customers_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  DgCustomersView *self = DG_CUSTOMERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      dg_customers_view_set_context (self, g_value_get_object (value));
      break;

    case PROP_FILTER_TAG:
      _dg_customers_view_set_filter_tag (self, g_value_get_string (value));
      break;

    case PROP_FILTER_SOURCE:
      _dg_customers_view_set_filter_source (self, g_value_get_string (value));
      break;

    case PROP_NO_CONTACT_DAYS:
      _dg_customers_view_set_no_contact_days (self, g_value_get_uint (value));
      break;

    case PROP_FILTER_JOURNEY:
      _dg_customers_view_set_journey_filter_key (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_customers_view_class_init (DgCustomersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_customers_view_dispose;
  object_class->get_property = dg_customers_view_get_property;
  object_class->set_property = dg_customers_view_set_property;

  widget_class->map = dg_customers_view_map;
  widget_class->unmap = dg_customers_view_unmap;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         DG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Only customers with this tag; "" for all. */
  properties [PROP_FILTER_TAG] =
    g_param_spec_string ("filter-tag", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Only customers from this source; "" for all. */
  properties [PROP_FILTER_SOURCE] =
    g_param_spec_string ("filter-source", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Only customers without contact for this many days; 0 for all. */
  properties [PROP_NO_CONTACT_DAYS] =
    g_param_spec_uint ("no-contact-days", NULL, NULL,
                       0, 36500, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Only customers in a journey, as "JOURNEY:STAGE:COHORT:STATUS" (ids,
   * 0 for any stage or cohort, and active, completed or dropped); "" for
   * all. */
  properties [PROP_FILTER_JOURNEY] =
    g_param_spec_string ("filter-journey", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* No layout manager: with one, size_allocate is never called, and the
   * view picks its layout there (dg-customers-view-rows.c). */
  widget_class->measure = _dg_customers_view_measure;
  widget_class->size_allocate = _dg_customers_view_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "customersview");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/customers/dg-customers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, list_box);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, archived_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, count_label);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, error_label);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, list_mode_stack);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, add_button);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, add_icon_button);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, column_view);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, name_column);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, phone_column);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, email_column);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, tags_column);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, last_contact_column);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, created_column);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, selection_revealer);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, selection_label);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, bulk_menu_button);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, bulk_menu);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, filter_menu);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, filter_tag_section);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, filter_source_section);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, filter_no_contact_section);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, filter_journey_section);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, DgCustomersView, filter_chips);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_archived_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child_cb);

  _dg_customers_view_class_actions_init (widget_class);
  _dg_customers_view_class_bulk_init (widget_class);
  _dg_customers_view_class_filters_init (widget_class);

  g_type_ensure (DG_TYPE_CUSTOMER);
  g_type_ensure (DG_TYPE_CUSTOMER_PAGE);
}

static void
dg_customers_view_init (DgCustomersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter_total = -1;
  self->total = -1;

  _dg_customers_view_init_columns (self);
  _dg_customers_view_init_filters (self);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));

  _dg_customers_view_update_actions (self);
}
