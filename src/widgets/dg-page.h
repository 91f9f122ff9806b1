/* dg-page.h
 *
 * What makes a widget one of the main window's pages (Today, Customers,
 * Calendar, …): its name in the window's stack, its title and icon in the
 * view switcher, and a "context" property (a DgContext) that the window
 * sets when it builds the page. A page sets these three in its interface
 * init; the window lists the page types in one table and builds each page
 * the first time it is shown, since a page that exists costs the first
 * frame even while hidden.
 *
 * A page that reads what it shows again when it comes into view does so
 * when it is mapped: the window's stack maps only the page on show.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DG_TYPE_PAGE (dg_page_get_type ())

G_DECLARE_INTERFACE (DgPage, dg_page, DG, PAGE, GtkWidget)

struct _DgPageInterface
{
  GTypeInterface parent_iface;

  /* Its name in the stack, as for win.* actions and dg_window_get_page(). */
  const char *name;
  /* Its title, untranslated (marked with N_()); shown translated. */
  const char *title;
  const char *icon_name;
};

/* The interface of the page type @type, without making a page. */
const DgPageInterface *dg_page_type_get_info (GType type);

G_END_DECLS
