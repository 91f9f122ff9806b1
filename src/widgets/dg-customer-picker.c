/* dg-customer-picker.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-customer-picker.h"

struct _DgCustomerPicker
{
  DgFieldRow    parent_instance;

  DgDatabase   *database;
  gint64        customer_id;
  char         *customer_name;

  /* The search running for what was typed last; cancelled by the next. */
  GCancellable *search;
  /* The ids the popover lists, in its order. */
  GArray       *match_ids;
  /* Set while the picker writes the text itself, which is not typing. */
  gboolean      setting_text;
  guint         leave_idle;

  GtkWidget    *clear_button;
  GtkPopover   *popover;
  GtkScrolledWindow *scrolled;
  GtkListBox   *match_list;
  GtkLabel     *no_match_label;
};

G_DEFINE_FINAL_TYPE (DgCustomerPicker, dg_customer_picker, DG_TYPE_FIELD_ROW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_CUSTOMER_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

GtkWidget *
dg_customer_picker_new (void)
{
  return g_object_new (DG_TYPE_CUSTOMER_PICKER, NULL);
}

DgDatabase *
dg_customer_picker_get_database (DgCustomerPicker *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_PICKER (self), NULL);

  return self->database;
}

void
dg_customer_picker_set_database (DgCustomerPicker *self,
                                 DgDatabase       *database)
{
  g_return_if_fail (DG_IS_CUSTOMER_PICKER (self));
  g_return_if_fail (!database || DG_IS_DATABASE (database));

  if (g_set_object (&self->database, database))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATABASE]);
}

gint64
dg_customer_picker_get_customer_id (DgCustomerPicker *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_PICKER (self), 0);

  return self->customer_id;
}

const char *
dg_customer_picker_get_customer_name (DgCustomerPicker *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_PICKER (self), NULL);

  return self->customer_name;
}

gboolean
dg_customer_picker_get_popup_shown (DgCustomerPicker *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_PICKER (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->popover));
}

guint
dg_customer_picker_get_n_matches (DgCustomerPicker *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_PICKER (self), 0);

  return self->match_ids->len;
}

GtkWidget *
dg_customer_picker_get_popover (DgCustomerPicker *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_PICKER (self), NULL);

  return GTK_WIDGET (self->popover);
}

static void
dg_customer_picker_set_text (DgCustomerPicker *self,
                             const char       *text)
{
  self->setting_text = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self), text ? text : "");
  gtk_editable_set_position (GTK_EDITABLE (self), -1);
  self->setting_text = FALSE;
}

static void
dg_customer_picker_update_clear_button (DgCustomerPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));

  gtk_widget_set_visible (self->clear_button, self->customer_id > 0 || *text != '\0');
}

/* Records the choice; the text is the caller's to set. */
static void
dg_customer_picker_choose (DgCustomerPicker *self,
                           gint64            customer_id,
                           const char       *name)
{
  gboolean changed = self->customer_id != customer_id;

  self->customer_id = customer_id;
  g_free (self->customer_name);
  self->customer_name = customer_id > 0 ? g_strdup (name) : NULL;

  if (customer_id > 0)
    dg_field_row_set_error (DG_FIELD_ROW (self), NULL);
  dg_customer_picker_update_clear_button (self);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CUSTOMER_ID]);
}

void
dg_customer_picker_set_customer_id (DgCustomerPicker *self,
                                    gint64            customer_id)
{
  g_autoptr(DgCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (DG_IS_CUSTOMER_PICKER (self));

  if (customer_id > 0)
    {
      g_return_if_fail (self->database != NULL);

      customer = dg_customers_get (self->database, customer_id, &error);
      if (customer == NULL)
        g_debug ("Customer picker: no customer %" G_GINT64_FORMAT ": %s", customer_id, error->message);
    }

  g_cancellable_cancel (self->search);
  gtk_popover_popdown (self->popover);

  dg_customer_picker_set_text (self, customer ? dg_customer_get_name (customer) : "");
  dg_customer_picker_choose (self, customer ? customer_id : 0,
                             customer ? dg_customer_get_name (customer) : NULL);
  dg_field_row_set_error (DG_FIELD_ROW (self), NULL);
}

gboolean
dg_customer_picker_check (DgCustomerPicker *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (DG_IS_CUSTOMER_PICKER (self), FALSE);

  text = dg_field_row_dup_trimmed_text (DG_FIELD_ROW (self));
  if (self->customer_id == 0 && *text != '\0')
    {
      dg_field_row_set_error (DG_FIELD_ROW (self),
                              _("Customer: choose one from the list, or clear the field"));
      return FALSE;
    }

  dg_field_row_set_error (DG_FIELD_ROW (self), NULL);

  return TRUE;
}

/* "010-1234-5678 · Hanbit Consulting", from what the customer has. */
static char *
describe_customer (DgCustomer *customer)
{
  g_autofree char *phone = dg_phone_format_display (dg_customer_get_phone (customer));
  const char *parts[] = { phone, dg_customer_get_organization (customer) };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) shown = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] != NULL && *parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  shown = g_strv_builder_end (builder);

  /* Translators: between a customer's phone and organization in the list
   * of customers to choose from. */
  return g_strjoinv (_(" · "), shown);
}

static GtkWidget *
dg_customer_picker_make_row (DgCustomer *customer)
{
  g_autofree char *detail = describe_customer (customer);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (dg_customer_get_name (customer));

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), name);

  if (*detail != '\0')
    {
      GtkWidget *label = gtk_label_new (detail);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* The keyboard stays in the field; the list only shows the choice. */
  gtk_widget_set_focusable (row, FALSE);

  return row;
}

static void
dg_customer_picker_show_matches (DgCustomerPicker *self,
                                 GArray           *ids,
                                 const char       *text)
{
  GtkListBoxRow *row;
  g_autofree char *no_match = NULL;

  while ((row = gtk_list_box_get_row_at_index (self->match_list, 0)) != NULL)
    gtk_list_box_remove (self->match_list, GTK_WIDGET (row));
  g_array_set_size (self->match_ids, 0);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(DgCustomer) customer = NULL;
      g_autoptr(GError) error = NULL;

      customer = dg_customers_get (self->database, id, &error);
      if (customer == NULL)
        {
          /* Deleted between the search and now. */
          g_debug ("Customer picker: skipping %" G_GINT64_FORMAT ": %s", id, error->message);
          continue;
        }

      gtk_list_box_append (self->match_list, dg_customer_picker_make_row (customer));
      g_array_append_val (self->match_ids, id);
    }

  /* Translators: in the list of customers to choose from; %s is what was
   * typed. */
  no_match = g_strdup_printf (_("No customer matches “%s”"), text);
  gtk_label_set_text (self->no_match_label, no_match);

  gtk_widget_set_size_request (GTK_WIDGET (self->popover), gtk_widget_get_width (GTK_WIDGET (self)), -1);
  gtk_popover_popup (self->popover);
}

static void
on_search_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DgCustomerPicker) self = user_data;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  ids = dg_customers_search_ids_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (ids == NULL)
    {
      g_warning ("Customer picker: search failed: %s", error->message);
      return;
    }

  /* The search ran for the text as it was; typing since then started a
   * newer one, which cancelled this. */
  text = dg_field_row_dup_trimmed_text (DG_FIELD_ROW (self));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    dg_customer_picker_show_matches (self, ids, text);
}

static void
dg_customer_picker_search (DgCustomerPicker *self)
{
  g_autofree char *text = dg_field_row_dup_trimmed_text (DG_FIELD_ROW (self));
  DgCustomerQuery query = {
    .text = text,
    .archived = DG_ARCHIVED_EXCLUDE,
    .sort = DG_CUSTOMER_SORT_NAME,
    .limit = DG_CUSTOMER_PICKER_MAX_MATCHES,
  };

  if (self->database == NULL)
    return;

  g_cancellable_cancel (self->search);
  g_clear_object (&self->search);
  self->search = g_cancellable_new ();

  dg_customers_search_ids_async (self->database, &query, self->search,
                                 on_search_done_cb, g_object_ref (self));
}

static void
dg_customer_picker_close (DgCustomerPicker *self)
{
  g_cancellable_cancel (self->search);
  gtk_popover_popdown (self->popover);
}

static void
dg_customer_picker_pick (DgCustomerPicker *self,
                         guint             index)
{
  g_autoptr(DgCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_return_if_fail (index < self->match_ids->len);

  id = g_array_index (self->match_ids, gint64, index);
  customer = dg_customers_get (self->database, id, &error);
  dg_customer_picker_close (self);
  if (customer == NULL)
    {
      dg_field_row_set_error (DG_FIELD_ROW (self), error->message);
      return;
    }

  dg_customer_picker_set_text (self, dg_customer_get_name (customer));
  dg_customer_picker_choose (self, id, dg_customer_get_name (customer));
}

static void
on_changed_cb (DgCustomerPicker *self)
{
  g_autofree char *text = NULL;

  if (self->setting_text)
    return;

  /* Typing over a choice undoes it: the field holds a search again. */
  dg_customer_picker_choose (self, 0, NULL);
  dg_field_row_set_error (DG_FIELD_ROW (self), NULL);

  text = dg_field_row_dup_trimmed_text (DG_FIELD_ROW (self));
  if (*text == '\0')
    dg_customer_picker_close (self);
  else
    dg_customer_picker_search (self);
}

static void
dg_customer_picker_move (DgCustomerPicker *self,
                         int               step)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->match_list);
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  int n = self->match_ids->len;
  int index;

  if (n == 0)
    return;

  if (selected == NULL)
    index = step > 0 ? 0 : n - 1;
  else
    index = CLAMP (gtk_list_box_row_get_index (selected) + step, 0, n - 1);

  selected = gtk_list_box_get_row_at_index (self->match_list, index);
  gtk_list_box_select_row (self->match_list, selected);
  /* The focus stays in the text: tell assistive technologies which match
   * the arrows reached. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (self))),
                                  GTK_ACCESSIBLE_RELATION_ACTIVE_DESCENDANT, selected,
                                  -1);

  /* The row has no focus to scroll it into sight: the field keeps it. */
  adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  if (gtk_widget_compute_bounds (GTK_WIDGET (selected), GTK_WIDGET (self->match_list), &bounds))
    gtk_adjustment_clamp_page (adjustment, bounds.origin.y, bounds.origin.y + bounds.size.height);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   DgCustomerPicker      *self)
{
  gboolean shown = gtk_widget_get_visible (GTK_WIDGET (self->popover));

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (!shown)
        {
          /* Down on a field not being searched lists everyone from the
           * start of the alphabet, to browse. */
          dg_customer_picker_search (self);
          return TRUE;
        }
      dg_customer_picker_move (self, 1);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (!shown)
        return FALSE;
      dg_customer_picker_move (self, -1);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (!shown)
        return FALSE;
      {
        GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->match_list);

        if (selected != NULL)
          dg_customer_picker_pick (self, gtk_list_box_row_get_index (selected));
        else if (self->match_ids->len > 0)
          dg_customer_picker_pick (self, 0);
        else
          dg_customer_picker_close (self);
      }
      return TRUE;

    case GDK_KEY_Escape:
      if (!shown)
        return FALSE;
      dg_customer_picker_close (self);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
on_match_list_row_activated_cb (GtkListBox       *list,
                                GtkListBoxRow    *row,
                                DgCustomerPicker *self)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint)index < self->match_ids->len)
    dg_customer_picker_pick (self, index);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_clear_clicked_cb (GtkButton        *button,
                     DgCustomerPicker *self)
{
  dg_customer_picker_set_customer_id (self, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* Closes the list once the focus has gone to another widget of the
 * window. When the window itself loses the focus the list stays: the
 * pointer may be on its way to click a match. */
static gboolean
close_if_left_cb (gpointer user_data)
{
  DgCustomerPicker *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  self->leave_idle = 0;

  if (root != NULL && GTK_IS_WINDOW (root) && gtk_window_is_active (GTK_WINDOW (root))
      && (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self))))
    dg_customer_picker_close (self);

  return G_SOURCE_REMOVE;
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   DgCustomerPicker        *self)
{
  if (self->leave_idle == 0)
    self->leave_idle = g_idle_add (close_if_left_cb, self);
}

static void
dg_customer_picker_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  DgCustomerPicker *self = DG_CUSTOMER_PICKER (widget);

  GTK_WIDGET_CLASS (dg_customer_picker_parent_class)->size_allocate (widget, width, height, baseline);

  /* A popover follows its parent only when the parent presents it. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_popover_present (self->popover);
}

static void
dg_customer_picker_dispose (GObject *object)
{
  DgCustomerPicker *self = (DgCustomerPicker *)object;

  g_cancellable_cancel (self->search);
  g_clear_object (&self->search);
  g_clear_handle_id (&self->leave_idle, g_source_remove);
  if (self->popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
    }
  g_clear_object (&self->database);

  G_OBJECT_CLASS (dg_customer_picker_parent_class)->dispose (object);
}

static void
dg_customer_picker_finalize (GObject *object)
{
  DgCustomerPicker *self = (DgCustomerPicker *)object;

  g_free (self->customer_name);
  g_array_unref (self->match_ids);

  G_OBJECT_CLASS (dg_customer_picker_parent_class)->finalize (object);
}

static void
dg_customer_picker_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DgCustomerPicker *self = DG_CUSTOMER_PICKER (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_customer_picker_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DgCustomerPicker *self = DG_CUSTOMER_PICKER (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      dg_customer_picker_set_database (self, g_value_get_object (value));
      break;

    case PROP_CUSTOMER_ID:
      dg_customer_picker_set_customer_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_customer_picker_class_init (DgCustomerPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_customer_picker_dispose;
  object_class->finalize = dg_customer_picker_finalize;
  object_class->get_property = dg_customer_picker_get_property;
  object_class->set_property = dg_customer_picker_set_property;

  widget_class->size_allocate = dg_customer_picker_size_allocate;

  properties [PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         DG_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * DgCustomerPicker:customer-id:
   *
   * The chosen customer; 0 for none.
   */
  properties [PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dg_customer_picker_init (DgCustomerPicker *self)
{
  GtkEventController *controller;
  GtkWidget *scrolled;
  GtkWidget *text;

  self->match_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_add_css_class (GTK_WIDGET (self), "customer-picker");
  /* Translators: the field of the follow-up form that chooses whom it is
   * for. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Customer"));

  self->clear_button = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_set_valign (self->clear_button, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->clear_button, FALSE);
  gtk_widget_add_css_class (self->clear_button, "flat");
  gtk_widget_set_tooltip_text (self->clear_button, _("No Customer"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->clear_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Clear the Customer"),
                                  -1);
  g_signal_connect_object (self->clear_button, "clicked", G_CALLBACK (on_clear_clicked_cb), self, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->clear_button);

  self->match_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->match_list, GTK_SELECTION_SINGLE);
  gtk_list_box_set_activate_on_single_click (self->match_list, TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self->match_list), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->match_list), "customer-matches");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->match_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Matching Customers"),
                                  -1);
  g_signal_connect_object (self->match_list, "row-activated",
                           G_CALLBACK (on_match_list_row_activated_cb), self, 0);

  self->no_match_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->no_match_label, TRUE);
  gtk_label_set_wrap_mode (self->no_match_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self->no_match_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->no_match_label), "no-match");
  gtk_list_box_set_placeholder (self->match_list, GTK_WIDGET (self->no_match_label));

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->match_list));
  self->scrolled = GTK_SCROLLED_WINDOW (scrolled);

  /* Not autohide: the popover then takes neither the keyboard nor a grab,
   * and typing goes on in the field while it shows. */
  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_autohide (self->popover, FALSE);
  gtk_popover_set_has_arrow (self->popover, FALSE);
  gtk_popover_set_position (self->popover, GTK_POS_BOTTOM);
  gtk_widget_set_halign (GTK_WIDGET (self->popover), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self->popover), "customer-picker-popover");
  gtk_popover_set_child (self->popover, scrolled);
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self));

  /* Before the text sees the keys, so Enter and Escape act on the list
   * while it is open. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (on_focus_leave_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect (self, "changed", G_CALLBACK (on_changed_cb), NULL);

  text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self)));
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (text),
                                    GTK_ACCESSIBLE_PROPERTY_AUTOCOMPLETE, GTK_ACCESSIBLE_AUTOCOMPLETE_LIST,
                                    GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE,
                                    -1);
}
