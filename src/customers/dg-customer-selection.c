/* dg-customer-selection.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include "dg-customer-selection.h"

struct _DgCustomerSelection
{
  GObject         parent_instance;

  DgCustomerList *list;
  gulong          items_changed_handler;

  /* 0 and GTK_INVALID_LIST_POSITION when nothing is selected. */
  gint64          selected_id;
  guint           selected;
  /* Held, so that the list keeps this object up to date and hands it out
   * again for the row. */
  DgCustomer     *selected_item;

  /* While a change is told in two steps, the rows [gap, gap + gap_len) of
   * the list are not shown yet; see on_list_items_changed_cb(). */
  guint           gap;
  guint           gap_len;
};

/* A change of more rows than this that is not one moved row is told as a
 * removal and then an insertion. */
#define MAX_REPLACED_ROWS 64

static void dg_customer_selection_list_model_init      (GListModelInterface         *iface);
static void dg_customer_selection_selection_model_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DgCustomerSelection, dg_customer_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, dg_customer_selection_list_model_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, dg_customer_selection_selection_model_init))

enum {
  PROP_0,
  PROP_LIST,
  PROP_SELECTED,
  PROP_SELECTED_ITEM,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The position in the list of the row shown at @position. */
static guint
to_list_position (DgCustomerSelection *self,
                  guint                position)
{
  if (self->gap_len > 0 && position >= self->gap)
    return position + self->gap_len;

  return position;
}

static GType
dg_customer_selection_get_item_type (GListModel *model)
{
  return DG_TYPE_CUSTOMER;
}

static guint
dg_customer_selection_get_n_items (GListModel *model)
{
  DgCustomerSelection *self = DG_CUSTOMER_SELECTION (model);

  return g_list_model_get_n_items (G_LIST_MODEL (self->list)) - self->gap_len;
}

static gpointer
dg_customer_selection_get_item (GListModel *model,
                                guint       position)
{
  DgCustomerSelection *self = DG_CUSTOMER_SELECTION (model);

  if (position >= dg_customer_selection_get_n_items (model))
    return NULL;

  return g_list_model_get_item (G_LIST_MODEL (self->list), to_list_position (self, position));
}

static void
dg_customer_selection_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = dg_customer_selection_get_item_type;
  iface->get_n_items = dg_customer_selection_get_n_items;
  iface->get_item = dg_customer_selection_get_item;
}

/* Selects @position, or nothing for GTK_INVALID_LIST_POSITION, and tells
 * the view which rows to redraw. */
static void
dg_customer_selection_select (DgCustomerSelection *self,
                              guint                position)
{
  guint old = self->selected;
  DgCustomer *old_item = self->selected_item;

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->list)))
    position = GTK_INVALID_LIST_POSITION;

  if (position == old)
    return;

  self->selected = position;
  self->selected_id = 0;
  self->selected_item = NULL;
  if (position != GTK_INVALID_LIST_POSITION)
    {
      self->selected_id = dg_customer_list_get_id (self->list, position);
      self->selected_item = g_list_model_get_item (G_LIST_MODEL (self->list), position);
    }

  if (old == GTK_INVALID_LIST_POSITION)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), position, 1);
  else if (position == GTK_INVALID_LIST_POSITION)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), old, 1);
  else
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self),
                                           MIN (old, position),
                                           MAX (old, position) - MIN (old, position) + 1);

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED_ITEM]);
  g_object_thaw_notify (G_OBJECT (self));

  g_clear_object (&old_item);
}

static gboolean
dg_customer_selection_is_selected (GtkSelectionModel *model,
                                   guint              position)
{
  DgCustomerSelection *self = DG_CUSTOMER_SELECTION (model);

  return self->selected != GTK_INVALID_LIST_POSITION &&
         to_list_position (self, position) == self->selected;
}

static GtkBitset *
dg_customer_selection_get_selection_in_range (GtkSelectionModel *model,
                                              guint              position,
                                              guint              n_items)
{
  DgCustomerSelection *self = DG_CUSTOMER_SELECTION (model);
  GtkBitset *result = gtk_bitset_new_empty ();
  guint shown = self->selected;

  if (shown == GTK_INVALID_LIST_POSITION)
    return result;

  if (self->gap_len > 0 && shown >= self->gap)
    {
      if (shown < self->gap + self->gap_len)
        return result;
      shown -= self->gap_len;
    }

  if (shown >= position && shown - position < n_items)
    gtk_bitset_add (result, shown);

  return result;
}

static gboolean
dg_customer_selection_select_item (GtkSelectionModel *model,
                                   guint              position,
                                   gboolean           unselect_rest)
{
  DgCustomerSelection *self = DG_CUSTOMER_SELECTION (model);

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->list)))
    return FALSE;

  dg_customer_selection_select (self, position);

  return TRUE;
}

/* A selected row can be unselected (Ctrl+click), as the view allowed. */
static gboolean
dg_customer_selection_unselect_item (GtkSelectionModel *model,
                                     guint              position)
{
  DgCustomerSelection *self = DG_CUSTOMER_SELECTION (model);

  if (position == self->selected)
    dg_customer_selection_select (self, GTK_INVALID_LIST_POSITION);

  return TRUE;
}

static gboolean
dg_customer_selection_unselect_all (GtkSelectionModel *model)
{
  DgCustomerSelection *self = DG_CUSTOMER_SELECTION (model);

  dg_customer_selection_select (self, GTK_INVALID_LIST_POSITION);

  return TRUE;
}

static void
dg_customer_selection_selection_model_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = dg_customer_selection_is_selected;
  iface->get_selection_in_range = dg_customer_selection_get_selection_in_range;
  iface->select_item = dg_customer_selection_select_item;
  iface->unselect_item = dg_customer_selection_unselect_item;
  iface->unselect_all = dg_customer_selection_unselect_all;
}

/* Finds the selected customer again after the list changed: rows outside
 * the stretch that changed keep their customers, and inside it the id is
 * looked up among the list's ids, which builds nothing. */
static void
dg_customer_selection_follow (DgCustomerSelection  *self,
                              guint                 position,
                              guint                 removed,
                              guint                 added,
                              DgCustomer          **old_item)
{
  if (self->selected == GTK_INVALID_LIST_POSITION || self->selected < position)
    return;

  if (self->selected >= position + removed)
    {
      self->selected = self->selected - removed + added;
      return;
    }

  /* The object held here stays the customer's: the list keeps it up to
   * date while it lives, and asking for the row again would build its
   * whole page. */
  self->selected = dg_customer_list_find (self->list, self->selected_id);
  if (self->selected == GTK_INVALID_LIST_POSITION)
    {
      self->selected_id = 0;
      *old_item = g_steal_pointer (&self->selected_item);
    }
}

/* GTK 4.8's list views, when a row they track (the one at the top of the
 * view, the focused one) is among the rows removed, look for its object
 * in every added row, which builds all of them: a new sort or search would
 * build the whole list. So a row that moved is told as that row going and
 * coming back, and any other large change as all of its rows going, then
 * the new ones coming; with nothing added, nothing is looked for. */
static void
on_list_items_changed_cb (GListModel          *list,
                          guint                position,
                          guint                removed,
                          guint                added,
                          DgCustomerSelection *self)
{
  g_autoptr(DgCustomer) old_item = NULL;
  guint old = self->selected;
  guint from, to;

  dg_customer_selection_follow (self, position, removed, added, &old_item);

  if (dg_customer_list_get_move (self->list, &from, &to))
    {
      self->gap = to;
      self->gap_len = 1;
      g_list_model_items_changed (G_LIST_MODEL (self), from, 1, 0);
      self->gap_len = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), to, 0, 1);
    }
  else if (removed > 0 && added > MAX_REPLACED_ROWS)
    {
      self->gap = position;
      self->gap_len = added;
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, 0);
      self->gap_len = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);
    }
  else
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->selected != old)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED]);
  if (old_item != NULL && old_item != self->selected_item)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED_ITEM]);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
dg_customer_selection_constructed (GObject *object)
{
  DgCustomerSelection *self = DG_CUSTOMER_SELECTION (object);

  G_OBJECT_CLASS (dg_customer_selection_parent_class)->constructed (object);

  g_assert (DG_IS_CUSTOMER_LIST (self->list));

  self->items_changed_handler = g_signal_connect (self->list, "items-changed",
                                                  G_CALLBACK (on_list_items_changed_cb),
                                                  self);
}

static void
dg_customer_selection_dispose (GObject *object)
{
  DgCustomerSelection *self = DG_CUSTOMER_SELECTION (object);

  if (self->list != NULL)
    g_clear_signal_handler (&self->items_changed_handler, self->list);
  g_clear_object (&self->selected_item);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (dg_customer_selection_parent_class)->dispose (object);
}

static void
dg_customer_selection_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DgCustomerSelection *self = DG_CUSTOMER_SELECTION (object);

  switch (prop_id)
    {
    case PROP_LIST:
      g_value_set_object (value, self->list);
      break;

    case PROP_SELECTED:
      g_value_set_uint (value, self->selected);
      break;

    case PROP_SELECTED_ITEM:
      g_value_set_object (value, self->selected_item);
      break;

    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, DG_TYPE_CUSTOMER);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_customer_selection_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DgCustomerSelection *self = DG_CUSTOMER_SELECTION (object);

  switch (prop_id)
    {
    case PROP_LIST:
      self->list = g_value_dup_object (value);
      break;

    case PROP_SELECTED:
      dg_customer_selection_set_selected (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_customer_selection_class_init (DgCustomerSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = dg_customer_selection_constructed;
  object_class->dispose = dg_customer_selection_dispose;
  object_class->get_property = dg_customer_selection_get_property;
  object_class->set_property = dg_customer_selection_set_property;

  properties [PROP_LIST] =
    g_param_spec_object ("list", NULL, NULL,
                         DG_TYPE_CUSTOMER_LIST,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL,
                       0, G_MAXUINT, GTK_INVALID_LIST_POSITION,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SELECTED_ITEM] =
    g_param_spec_object ("selected-item", NULL, NULL,
                         DG_TYPE_CUSTOMER,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL,
                        G_TYPE_OBJECT,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dg_customer_selection_init (DgCustomerSelection *self)
{
  self->selected = GTK_INVALID_LIST_POSITION;
}

DgCustomerSelection *
dg_customer_selection_new (DgCustomerList *list)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_LIST (list), NULL);

  return g_object_new (DG_TYPE_CUSTOMER_SELECTION,
                       "list", list,
                       NULL);
}

DgCustomerList *
dg_customer_selection_get_list (DgCustomerSelection *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_SELECTION (self), NULL);

  return self->list;
}

guint
dg_customer_selection_get_selected (DgCustomerSelection *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_SELECTION (self), GTK_INVALID_LIST_POSITION);

  return self->selected;
}

void
dg_customer_selection_set_selected (DgCustomerSelection *self,
                                    guint                position)
{
  g_return_if_fail (DG_IS_CUSTOMER_SELECTION (self));

  dg_customer_selection_select (self, position);
}

DgCustomer *
dg_customer_selection_get_selected_item (DgCustomerSelection *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_SELECTION (self), NULL);

  return self->selected_item;
}

gint64
dg_customer_selection_get_selected_id (DgCustomerSelection *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_SELECTION (self), 0);

  return self->selected_id;
}

gboolean
dg_customer_selection_select_id (DgCustomerSelection *self,
                                 gint64               id)
{
  guint position;

  g_return_val_if_fail (DG_IS_CUSTOMER_SELECTION (self), FALSE);

  position = dg_customer_list_find (self->list, id);
  if (position == G_MAXUINT)
    return FALSE;

  dg_customer_selection_select (self, position);

  return TRUE;
}
