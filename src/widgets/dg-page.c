/* dg-page.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include "dg-page.h"

G_DEFINE_INTERFACE (DgPage, dg_page, GTK_TYPE_WIDGET)

static void
dg_page_default_init (DgPageInterface *iface)
{
}

const DgPageInterface *
dg_page_type_get_info (GType type)
{
  gpointer klass;
  const DgPageInterface *iface;

  g_return_val_if_fail (g_type_is_a (type, DG_TYPE_PAGE), NULL);

  /* The reference is kept: the window makes a page of this type sooner
   * or later, and the interface must stay valid as long as it is used. */
  klass = g_type_class_peek (type);
  if (klass == NULL)
    klass = g_type_class_ref (type);
  iface = g_type_interface_peek (klass, DG_TYPE_PAGE);
  g_return_val_if_fail (iface != NULL && iface->name != NULL, NULL);

  return iface;
}
