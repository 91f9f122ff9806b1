/* dg-customers-view-loading.c
 *
 * The customer list's first frame: how many rows the window can show, read
 * before it, and the rest read in a worker thread once those are painted.
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include "dg-customers-view-private.h"

/* The list reads before its first frame only the rows the window can
 * show, counted at the height of the lowest row below the header bar,
 * toolbar and column titles, and the rest in a worker thread after that
 * frame: each row of cells costs more than a millisecond to build, and a
 * list of a million customers then shows as fast as one of a hundred. */
#define ROW_HEIGHT 30
#define ABOVE_ROWS 120
#define MIN_FIRST_ROWS 16
#define MAX_FIRST_ROWS 128

static int
get_tallest_monitor_height (GdkDisplay *display)
{
  GListModel *monitors = gdk_display_get_monitors (display);
  int height = 0;

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      height = MAX (height, geometry.height);
    }

  return height;
}

guint
_dg_customers_view_get_first_rows (DgCustomersView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GSettings *settings = self->context ? dg_context_get_settings (self->context) : NULL;
  int width, height = 0;

  /* A window that opens maximized is as tall as its screen. */
  if (settings != NULL && g_settings_get_boolean (settings, "window-maximized"))
    height = get_tallest_monitor_height (gtk_widget_get_display (GTK_WIDGET (self)));
  else if (GTK_IS_WINDOW (root))
    gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);

  if (height <= 0)
    return MAX_FIRST_ROWS;

  return CLAMP ((height - ABOVE_ROWS) / ROW_HEIGHT + 1, MIN_FIRST_ROWS, MAX_FIRST_ROWS);
}

void
_dg_customers_view_cancel_load_rest (DgCustomersView *self)
{
  if (self->load_rest_clock != NULL)
    g_clear_signal_handler (&self->load_rest_handler, self->load_rest_clock);
  g_clear_object (&self->load_rest_clock);
}

static void
on_after_paint_cb (GdkFrameClock   *frame_clock,
                   DgCustomersView *self)
{
  _dg_customers_view_cancel_load_rest (self);
  if (self->list != NULL)
    dg_customer_list_load_rest (self->list);
}

/* Once the first rows are painted, the worker reads the rest: it shares
 * no processor time with that frame, and its rows come in a later one. A
 * view never shown never reads them. */
void
_dg_customers_view_queue_load_rest (DgCustomersView *self)
{
  GdkFrameClock *frame_clock;

  if (self->list == NULL || dg_customer_list_is_complete (self->list) ||
      self->load_rest_clock != NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (frame_clock == NULL)
    {
      dg_customer_list_load_rest (self->list);
      return;
    }

  self->load_rest_clock = g_object_ref (frame_clock);
  self->load_rest_handler = g_signal_connect (frame_clock, "after-paint",
                                              G_CALLBACK (on_after_paint_cb), self);
  gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}
