/* dg-customers-view-rows.c
 *
 * The customer list in a narrow window: a list of two-line rows (the name
 * over the phone number and organization) in place of the table, on the
 * same selection, built the first time the window is that narrow. The
 * view picks the layout from its width when it is allocated.
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-customers-view-private.h"

/* Narrower than this the table's columns no longer fit. The view is also
 * narrow below the least width of its wide layout (see the measure), so
 * a toolbar that grows can never hold the window above this. */
#define NARROW_WIDTH 640

/* "010-1234-5678 · Example Ltd", or either alone. */
static char *
format_details_cb (GtkListItem *item,
                   const char  *phone,
                   const char  *organization,
                   gpointer     user_data)
{
  g_autofree char *display = phone != NULL && phone[0] != '\0' ? dg_phone_format_display (phone) : NULL;
  gboolean has_organization = organization != NULL && organization[0] != '\0';

  if (display != NULL && has_organization)
    /* Translators: under a customer's name in the narrow customer list:
     * their phone number, then their organization. */
    return g_strdup_printf (_("%s · %s"), display, organization);
  if (display != NULL)
    return g_steal_pointer (&display);

  return g_strdup (has_organization ? organization : "");
}

static GtkExpression *
customer_property (const char *property)
{
  GtkExpression *item = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");

  return gtk_property_expression_new (DG_TYPE_CUSTOMER, item, property);
}

/* Built in code, like the table's cells: a builder factory parses its
 * template for every row. */
static void
on_row_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_inscription_new (NULL);
  GtkWidget *details = gtk_inscription_new (NULL);
  GtkExpression *params[2];
  GtkExpression *expression;

  gtk_widget_add_css_class (box, "customer-row");

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (name), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "name");
  gtk_box_append (GTK_BOX (box), name);
  gtk_expression_bind (customer_property ("name"), name, "text", item);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (details), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "details");
  gtk_widget_add_css_class (details, "dim-label");
  gtk_box_append (GTK_BOX (box), details);
  params[0] = customer_property ("phone");
  params[1] = customer_property ("organization");
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 2, params,
                                            G_CALLBACK (format_details_cb), NULL, NULL);
  gtk_expression_bind (expression, details, "text", item);

  gtk_list_item_set_child (item, box);
}

static void
on_row_view_activate_cb (GtkListView     *list_view,
                         guint            position,
                         DgCustomersView *self)
{
  _dg_customers_view_activate_row (self, position);
}

static void
dg_customers_view_ensure_row_view (DgCustomersView *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkWidget *scrolled_window;

  if (self->row_view != NULL)
    return;

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_row_setup_cb), NULL);

  self->row_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, g_steal_pointer (&factory)));
  gtk_widget_add_css_class (GTK_WIDGET (self->row_view), "customer-rows");
  g_signal_connect_object (self->row_view, "activate", G_CALLBACK (on_row_view_activate_cb), self, 0);

  scrolled_window = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled_window),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled_window), GTK_WIDGET (self->row_view));
  gtk_stack_add_named (self->list_mode_stack, scrolled_window, "rows");
}

GtkWidget *
_dg_customers_view_get_list_widget (DgCustomersView *self)
{
  if (self->narrow && self->row_view != NULL)
    return GTK_WIDGET (self->row_view);

  return GTK_WIDGET (self->column_view);
}

/* Only the list on show has the model: the other would build rows for
 * every change of it. Until the view is first allocated, neither has it:
 * a list builds its first rows as soon as it gets a model, and only the
 * width tells which list shows. */
void
_dg_customers_view_attach_model (DgCustomersView *self)
{
  GtkSelectionModel *model = self->selection != NULL && self->layout_known
                             ? GTK_SELECTION_MODEL (self->selection) : NULL;

  gtk_column_view_set_model (self->column_view, self->narrow ? NULL : model);
  if (self->row_view != NULL)
    gtk_list_view_set_model (self->row_view, self->narrow ? model : NULL);
}

/* GTK 4.8's column view cannot scroll to a row itself; its inner list view
 * has the action that does. */
void
_dg_customers_view_scroll_to (DgCustomersView *self,
                              guint            position)
{
  GtkWidget *list = _dg_customers_view_get_list_widget (self);

  if (GTK_IS_LIST_VIEW (list))
    {
      gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
    }
}

gboolean
dg_customers_view_get_narrow (DgCustomersView *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMERS_VIEW (self), FALSE);

  return self->narrow;
}

/* Swaps the table for the rows, or back, keeping the selection, the
 * focus and the selected row in sight. */
static void
dg_customers_view_set_narrow (DgCustomersView *self,
                              gboolean         narrow)
{
  GtkWidget *old_list;
  GtkWidget *new_list;
  GtkWidget *focus;
  gboolean had_focus;
  guint selected;

  if (self->narrow == narrow)
    return;

  old_list = _dg_customers_view_get_list_widget (self);
  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  had_focus = focus != NULL && gtk_widget_is_ancestor (focus, old_list);

  if (narrow)
    dg_customers_view_ensure_row_view (self);
  self->narrow = narrow;
  _dg_customers_view_attach_model (self);

  new_list = _dg_customers_view_get_list_widget (self);
  gtk_stack_set_visible_child_name (self->list_mode_stack, narrow ? "rows" : "table");
  gtk_search_entry_set_key_capture_widget (self->search_entry, new_list);

  /* The toolbar gives its room to the search field. */
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), !narrow);
  gtk_widget_set_visible (self->add_button, !narrow);
  gtk_widget_set_visible (self->add_icon_button, narrow);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), narrow);
  /* With the Filter button beside it, the field's own least width is what
   * keeps the toolbar within 360 px; it still takes the room left. */
  gtk_editable_set_width_chars (GTK_EDITABLE (self->search_entry), narrow ? 4 : 12);

  if (had_focus)
    gtk_widget_grab_focus (new_list);

  selected = self->selection != NULL ? dg_customer_selection_get_selected (self->selection)
                                     : GTK_INVALID_LIST_POSITION;
  if (selected != GTK_INVALID_LIST_POSITION)
    _dg_customers_view_scroll_to (self, selected);
}

void
_dg_customers_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  DgCustomersView *self = DG_CUSTOMERS_VIEW (widget);

  gtk_widget_measure (GTK_WIDGET (self->leaflet), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);

  /* Wide, the view says it can be narrower than the table and its toolbar
   * need: given less, it turns narrow before placing them. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL && !self->narrow)
    {
      self->wide_minimum = *minimum;
      *minimum = MIN (*minimum, NARROW_WIDTH - 1);
    }
}

/* The view picks its layout before its children are placed. The changes
 * queue a new layout, which keeps the layout: it depends on the width the
 * window gives and on the least width of the wide layout, measured while
 * it shows, not on what the narrow one holds. */
void
_dg_customers_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  DgCustomersView *self = DG_CUSTOMERS_VIEW (widget);

  dg_customers_view_set_narrow (self, width < MAX (NARROW_WIDTH, self->wide_minimum));
  if (!self->layout_known)
    {
      self->layout_known = TRUE;
      _dg_customers_view_attach_model (self);
    }

  gtk_widget_size_allocate (GTK_WIDGET (self->leaflet),
                            &(GtkAllocation) { 0, 0, width, height }, baseline);
}
