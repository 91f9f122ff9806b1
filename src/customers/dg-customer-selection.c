/* dg-customer-selection.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include "dg-customer-selection.h"

struct _DgCustomerSelection
{
  DgIdSelection parent_instance;
};

G_DEFINE_FINAL_TYPE (DgCustomerSelection, dg_customer_selection, DG_TYPE_ID_SELECTION)

static void
dg_customer_selection_class_init (DgCustomerSelectionClass *klass)
{
}

static void
dg_customer_selection_init (DgCustomerSelection *self)
{
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

  return DG_CUSTOMER_LIST (dg_id_selection_get_list (DG_ID_SELECTION (self)));
}

guint
dg_customer_selection_get_selected (DgCustomerSelection *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_SELECTION (self), GTK_INVALID_LIST_POSITION);

  return dg_id_selection_get_selected (DG_ID_SELECTION (self));
}

void
dg_customer_selection_set_selected (DgCustomerSelection *self,
                                    guint                position)
{
  g_return_if_fail (DG_IS_CUSTOMER_SELECTION (self));

  dg_id_selection_set_selected (DG_ID_SELECTION (self), position);
}

DgCustomer *
dg_customer_selection_get_selected_item (DgCustomerSelection *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_SELECTION (self), NULL);

  return DG_CUSTOMER (dg_id_selection_get_selected_item (DG_ID_SELECTION (self)));
}

gint64
dg_customer_selection_get_selected_id (DgCustomerSelection *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_SELECTION (self), 0);

  return dg_id_selection_get_selected_id (DG_ID_SELECTION (self));
}

gboolean
dg_customer_selection_select_id (DgCustomerSelection *self,
                                 gint64               id)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_SELECTION (self), FALSE);

  return dg_id_selection_select_id (DG_ID_SELECTION (self), id);
}

guint
dg_customer_selection_get_n_selected (DgCustomerSelection *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_SELECTION (self), 0);

  return dg_id_selection_get_n_selected (DG_ID_SELECTION (self));
}

GArray *
dg_customer_selection_get_selected_ids (DgCustomerSelection *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_SELECTION (self), NULL);

  return dg_id_selection_get_selected_ids (DG_ID_SELECTION (self));
}
