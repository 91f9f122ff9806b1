/* dg-ui-test-util.c */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "dg-ui-test-util.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

static gboolean
on_wake_up_cb (gpointer user_data)
{
  gboolean *fired = user_data;

  *fired = TRUE;

  return G_SOURCE_REMOVE;
}

gboolean
dg_ui_test_iterate (gint64 deadline)
{
  gint64 now = g_get_monotonic_time ();
  gboolean fired = FALSE;
  guint wake_up;

  if (now >= deadline)
    return FALSE;

  /* A blocking iteration returns when anything happens; the timer makes
   * sure it also returns soon when nothing does, so the caller can look at
   * its condition and the deadline again. */
  wake_up = g_timeout_add (MIN (20, (deadline - now) / 1000 + 1), on_wake_up_cb, &fired);
  g_main_context_iteration (NULL, TRUE);
  if (!fired)
    g_source_remove (wake_up);

  return TRUE;
}

void
dg_ui_test_settle_gtk (void)
{
  GtkSettings *settings = gtk_settings_get_default ();

  g_assert_nonnull (settings);
  g_object_set (settings,
                "gtk-enable-animations", FALSE,
                "gtk-cursor-blink", FALSE,
                NULL);
}

void
dg_ui_test_flush (void)
{
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   guint         *count)
{
  (*count)++;
}

void
dg_ui_test_wait_painted (GtkWidget *widget,
                         guint      n_frames)
{
  GdkFrameClock *clock;
  guint count = 0;
  gulong handler;

  dg_ui_test_wait_for (gtk_widget_get_mapped (widget));

  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &count);
  for (guint painted = 0; painted < n_frames; painted++)
    {
      gtk_widget_queue_draw (widget);
      dg_ui_test_wait_for (count > painted);
    }
  g_signal_handler_disconnect (clock, handler);

  dg_ui_test_flush ();
}

GtkWidget *
dg_ui_test_find_by_id (GtkWidget  *root,
                       const char *id)
{
  const char *buildable_id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (root));

  if (g_strcmp0 (buildable_id, id) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = dg_ui_test_find_by_id (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
dg_ui_test_find_by_type (GtkWidget *root,
                         GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = dg_ui_test_find_by_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
dg_ui_test_find_by_type_name (GtkWidget  *root,
                              const char *type_name)
{
  GType type = g_type_from_name (type_name);

  if (type == G_TYPE_INVALID)
    return NULL;

  return dg_ui_test_find_by_type (root, type);
}

GtkWidget *
dg_ui_test_find_button (GtkWidget  *root,
                        const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = dg_ui_test_find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static const char *
widget_get_text (GtkWidget *widget)
{
  if (GTK_IS_INSCRIPTION (widget))
    return gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));

  return NULL;
}

/* GTK 4.8 builds a column view as a list view whose children are the
 * rows, each with one cell per column, in order, holding the factory's
 * widget. */
const char *
dg_ui_test_row_get_text (GtkWidget *row,
                         guint      column)
{
  GtkWidget *cell = gtk_widget_get_first_child (row);

  for (guint i = 0; i < column && cell != NULL; i++)
    cell = gtk_widget_get_next_sibling (cell);

  if (cell == NULL)
    return NULL;

  for (GtkWidget *child = cell; child != NULL; child = gtk_widget_get_first_child (child))
    {
      const char *text = widget_get_text (child);

      if (text != NULL)
        return text;
    }

  return NULL;
}

static gboolean
row_is_on_screen (GtkWidget *row,
                  GtkWidget *list)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (row) || !gtk_widget_get_child_visible (row))
    return FALSE;
  if (!gtk_widget_compute_bounds (row, list, &bounds))
    return FALSE;

  return bounds.origin.y + bounds.size.height > 0 &&
         bounds.origin.y < gtk_widget_get_height (list);
}

GtkWidget *
dg_ui_test_column_view_find_row (GtkColumnView *view,
                                 guint          key_column,
                                 const char    *text)
{
  GtkWidget *list = dg_ui_test_find_by_type (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW);

  g_assert_nonnull (list);

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (row_is_on_screen (row, list) &&
          g_strcmp0 (dg_ui_test_row_get_text (row, key_column), text) == 0)
        return row;
    }

  return NULL;
}

GtkWindow *
dg_ui_test_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

gboolean
dg_ui_test_can_send_input (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

#ifdef GDK_WINDOWING_X11
  if (xdotool != NULL && GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    return TRUE;
#endif

  return FALSE;
}

static void
run_xdotool (GtkWidget          *widget,
             const char * const *command)
{
#ifdef GDK_WINDOWING_X11
  GtkNative *native = gtk_widget_get_native (widget);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *standard_error = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (dg_ui_test_can_send_input ());
  g_assert_nonnull (native);
  dg_ui_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (native)));

  /* Without a window manager, the X input focus is set directly; --sync
   * waits until the server has moved it. */
  g_ptr_array_add (argv, g_strdup ("timeout"));
  g_ptr_array_add (argv, g_strdup ("20"));
  g_ptr_array_add (argv, g_strdup ("xdotool"));
  g_ptr_array_add (argv, g_strdup ("windowfocus"));
  g_ptr_array_add (argv, g_strdup ("--sync"));
  g_ptr_array_add (argv, g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (native))));
  for (guint i = 0; command[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (command[i]));
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &standard_error, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("xdotool failed: %s %s", error->message, standard_error);
#else
  g_assert_not_reached ();
#endif
}

void
dg_ui_test_send_keys (GtkWidget  *widget,
                      const char *keys)
{
  const char *command[] = { "key", "--clearmodifiers", keys, NULL };

  run_xdotool (widget, command);
}

static void
click_full (GtkWidget  *widget,
            const char *keys,
            const char *n_clicks);

void
dg_ui_test_click (GtkWidget *widget)
{
  click_full (widget, NULL, "1");
}

void
dg_ui_test_click_with (GtkWidget  *widget,
                       const char *keys)
{
  click_full (widget, keys, "1");
}

void
dg_ui_test_double_click (GtkWidget *widget)
{
  click_full (widget, NULL, "2");
}

static void
click_full (GtkWidget  *widget,
            const char *keys,
            const char *n_clicks)
{
#ifdef GDK_WINDOWING_X11
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t center;
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  g_autofree char *beside_x = NULL;
  g_autofree char *window = NULL;
  double dx, dy;
  gulong xid;

  g_assert_nonnull (native);
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                                 gtk_widget_get_height (widget) / 2.0),
                                           &center));
  /* Widget coordinates start inside the surface's client-side shadow. */
  gtk_native_get_surface_transform (native, &dx, &dy);
  xid = gdk_x11_surface_get_xid (gtk_native_get_surface (native));
  x = g_strdup_printf ("%d", (int) (center.x + dx));
  y = g_strdup_printf ("%d", (int) (center.y + dy));
  /* xdotool's mousemove --sync waits for the pointer to leave where it
   * is, which takes it 15 s when it is there already (a case clicking
   * where the case before it clicked last): it comes from one pixel
   * beside instead. */
  beside_x = g_strdup_printf ("%d", (int) (center.x + dx) + 1);
  window = g_strdup_printf ("%lu", xid);

  if (keys == NULL)
    {
      const char *command[] = { "mousemove", "--window", window, beside_x, y,
                                "mousemove", "--sync", "--window", window, x, y,
                                "click", "--repeat", n_clicks, "--delay", "60", "1", NULL };

      run_xdotool (widget, command);
    }
  else
    {
      const char *command[] = { "mousemove", "--window", window, beside_x, y,
                                "mousemove", "--sync", "--window", window, x, y,
                                "keydown", keys, "click", "--repeat", n_clicks, "--delay", "60", "1",
                                "keyup", keys, NULL };

      run_xdotool (widget, command);
    }
#else
  g_assert_not_reached ();
#endif
}

char *
dg_ui_test_screenshot (GtkWidget  *window,
                       const char *name)
{
  const char *dir = g_getenv ("DANGOL_SCREENSHOT_DIR");
  const char *lang = g_getenv ("DANGOL_TEST_LANG");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width, height;

  g_assert_true (GTK_IS_NATIVE (window));

  /* Two frames: the first one after a change may still be laying out
   * children that were created while it ran, such as list rows. */
  dg_ui_test_wait_painted (window, 2);

  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* A change that came after that frame (what a worker read, shown as it
   * came) leaves the window to be laid out again, and it draws nothing
   * until then: take a later frame. */
  for (guint tries = 0; node == NULL && tries < 10; tries++)
    {
      if (tries > 0)
        dg_ui_test_wait_painted (window, 1);
      g_clear_object (&paintable);
      paintable = gtk_widget_paintable_new (window);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_nonnull (texture);

  if (dir == NULL)
    dir = "screenshots";
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  basename = g_strdup_printf ("%s-%s.png", name, lang != NULL ? lang : "en");
  path = g_build_filename (dir, basename, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);

  return g_steal_pointer (&path);
}

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 GtkShortcutTrigger *wanted)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), wanted) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), wanted);

  return gtk_shortcut_trigger_equal (trigger, wanted);
}

char *
dg_ui_test_press_shortcut (GtkWidget  *widget,
                           const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accel);

  g_assert_nonnull (wanted);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (!GTK_IS_NAMED_ACTION (action) ||
              !trigger_matches (gtk_shortcut_get_trigger (shortcut), wanted))
            continue;

          g_assert_true (gtk_shortcut_action_activate (action, 0, widget,
                                                       gtk_shortcut_get_arguments (shortcut)));

          return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
        }
    }

  return NULL;
}

void
dg_ui_test_drag_value (GtkWidget *widget,
                       GValue    *value)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      g_autoptr(GdkContentProvider) content = NULL;
      g_autoptr(GError) error = NULL;

      if (!GTK_IS_DRAG_SOURCE (controller))
        continue;

      g_signal_emit_by_name (controller, "prepare", 1.0, 1.0, &content);
      g_assert_nonnull (content);
      g_assert_true (gdk_content_provider_get_value (content, value, &error));
      g_assert_no_error (error);
      return;
    }

  g_error ("%s has no drag source", G_OBJECT_TYPE_NAME (widget));
}

gboolean
dg_ui_test_drop_value (GtkWidget    *widget,
                       const GValue *value)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean accepted = FALSE;

      if (!GTK_IS_DROP_TARGET (controller))
        continue;

      /* Only what a real drop could bring. */
      g_assert_true (gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)),
                                                        G_VALUE_TYPE (value)));
      g_signal_emit_by_name (controller, "drop", value,
                             gtk_widget_get_width (widget) / 2.0,
                             gtk_widget_get_height (widget) / 2.0,
                             &accepted);
      return accepted;
    }

  g_error ("%s has no drop target", G_OBJECT_TYPE_NAME (widget));
}

#ifdef GDK_WINDOWING_X11
static void
on_xdotool_exited_cb (GPid     pid,
                      int      status,
                      gpointer user_data)
{
  int *exit_status = user_data;

  *exit_status = status;
  g_spawn_close_pid (pid);
}

/* Runs xdotool while the main loop keeps running: a drag needs GTK to
 * answer each step (it takes the pointer once the drag starts). */
static void
run_xdotool_async (const char * const *command)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  int exit_status = -1;
  GPid pid;

  g_ptr_array_add (argv, g_strdup ("timeout"));
  g_ptr_array_add (argv, g_strdup ("20"));
  g_ptr_array_add (argv, g_strdup ("xdotool"));
  for (guint i = 0; command[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (command[i]));
  g_ptr_array_add (argv, NULL);

  g_spawn_async (NULL, (char **) argv->pdata, NULL,
                 G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_child_watch_add (pid, on_xdotool_exited_cb, &exit_status);
  dg_ui_test_wait_for (exit_status != -1);
  g_assert_true (g_spawn_check_wait_status (exit_status, NULL));
}

/* The middle of @widget in the X window of its native. */
static void
x_point_of (GtkWidget *widget,
            int       *x,
            int       *y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t point;
  double dx, dy;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                                 gtk_widget_get_height (widget) / 2.0),
                                           &point));
  gtk_native_get_surface_transform (native, &dx, &dy);
  *x = (int) (point.x + dx);
  *y = (int) (point.y + dy);
}
#endif

void
dg_ui_test_drag_pointer (GtkWidget *from,
                         GtkWidget *to)
{
#ifdef GDK_WINDOWING_X11
  GtkNative *native = gtk_widget_get_native (from);
  g_autofree char *xid = NULL;
  g_autofree char *start_x = NULL;
  g_autofree char *start_y = NULL;
  g_autofree char *beside_x = NULL;
  const int n_steps = 8;
  int from_x, from_y, to_x, to_y;

  g_assert_true (dg_ui_test_can_send_input ());
  g_assert_true (gtk_widget_get_native (to) == native);
  dg_ui_test_wait_for (gtk_widget_get_mapped (from) && gtk_widget_get_mapped (to));

  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (native)));
  x_point_of (from, &from_x, &from_y);
  x_point_of (to, &to_x, &to_y);
  start_x = g_strdup_printf ("%d", from_x);
  start_y = g_strdup_printf ("%d", from_y);
  /* From one pixel beside, as a click comes (see click_full()). */
  beside_x = g_strdup_printf ("%d", from_x + 1);

  {
    const char *press[] = { "windowfocus", "--sync", xid,
                            "mousemove", "--window", xid, beside_x, start_y,
                            "mousemove", "--sync", "--window", xid, start_x, start_y,
                            "mousedown", "1", NULL };

    run_xdotool_async (press);
  }

  for (int step = 1; step <= n_steps; step++)
    {
      g_autofree char *x = g_strdup_printf ("%d", from_x + (to_x - from_x) * step / n_steps);
      g_autofree char *y = g_strdup_printf ("%d", from_y + (to_y - from_y) * step / n_steps);
      const char *move[] = { "mousemove", "--sync", "--window", xid, x, y, NULL };

      run_xdotool_async (move);
    }

  {
    const char *release[] = { "mouseup", "1", NULL };

    run_xdotool_async (release);
  }
#else
  g_assert_not_reached ();
#endif
}

char *
dg_ui_test_screenshot_with_popover (GtkWidget  *popover,
                                    const char *name)
{
  const char *dir = g_getenv ("DANGOL_SCREENSHOT_DIR");
  const char *lang = g_getenv ("DANGOL_TEST_LANG");
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (gtk_widget_get_parent (popover)));
  g_autoptr(GdkPaintable) window_paintable = NULL;
  g_autoptr(GdkPaintable) popover_paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  GdkSurface *surface;
  double window_x, window_y, popover_x, popover_y;

  g_assert_true (GTK_IS_POPOVER (popover));
  g_assert_true (GTK_IS_NATIVE (root));

  dg_ui_test_wait_painted (root, 2);
  dg_ui_test_wait_painted (popover, 2);

  /* The popup's position is relative to the window's surface; widget
   * coordinates start inside each surface's shadow. */
  surface = gtk_native_get_surface (GTK_NATIVE (popover));
  gtk_native_get_surface_transform (GTK_NATIVE (root), &window_x, &window_y);
  gtk_native_get_surface_transform (GTK_NATIVE (popover), &popover_x, &popover_y);

  window_paintable = gtk_widget_paintable_new (root);
  popover_paintable = gtk_widget_paintable_new (popover);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (window_paintable, snapshot,
                          gtk_widget_get_width (root), gtk_widget_get_height (root));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (gdk_popup_get_position_x (GDK_POPUP (surface)) + popover_x - window_x,
                                                gdk_popup_get_position_y (GDK_POPUP (surface)) + popover_y - window_y));
  gdk_paintable_snapshot (popover_paintable, snapshot,
                          gtk_widget_get_width (popover), gtk_widget_get_height (popover));
  gtk_snapshot_restore (snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (root)), node,
                                         &GRAPHENE_RECT_INIT (0, 0,
                                                              gtk_widget_get_width (root),
                                                              gtk_widget_get_height (root)));
  g_assert_nonnull (texture);

  if (dir == NULL)
    dir = "screenshots";
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  basename = g_strdup_printf ("%s-%s.png", name, lang != NULL ? lang : "en");
  path = g_build_filename (dir, basename, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);

  return g_steal_pointer (&path);
}

gboolean
dg_ui_test_menu_has_action (GMenuModel *menu,
                            const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_str_equal (name, action))
        return TRUE;

      section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      if (section != NULL && dg_ui_test_menu_has_action (section, action))
        return TRUE;
    }

  return FALSE;
}

AdwToast *
dg_ui_test_find_toast (GtkWidget *window)
{
  /* AdwToastWidget is private to libadwaita: found by its name. */
  GtkWidget *widget = dg_ui_test_find_by_type_name (window, "AdwToastWidget");
  AdwToast *toast = NULL;

  if (widget == NULL)
    return NULL;
  g_object_get (widget, "toast", &toast, NULL);

  return toast;
}

char *
dg_ui_test_dup_toast_title (GtkWidget *window)
{
  g_autoptr(AdwToast) toast = dg_ui_test_find_toast (window);

  return toast != NULL ? g_strdup (adw_toast_get_title (toast)) : NULL;
}

gboolean
dg_ui_test_toast_contains (GtkWidget  *window,
                           const char *text)
{
  g_autofree char *title = dg_ui_test_dup_toast_title (window);

  return title != NULL && strstr (title, text) != NULL;
}

AdwMessageDialog *
dg_ui_test_wait_for_message_dialog (void)
{
  AdwMessageDialog *dialog = NULL;

  dg_ui_test_wait_for ((dialog = (AdwMessageDialog *) dg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  dg_ui_test_wait_painted (GTK_WIDGET (dialog), 1);

  return dialog;
}

void
dg_ui_test_respond (AdwMessageDialog *dialog,
                    const char       *response)
{
  const char *label = adw_message_dialog_get_response_label (dialog, response);
  GtkWidget *button = dg_ui_test_find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate (button);
  dg_ui_test_wait_for (dialog == NULL);
}

static void
on_clipboard_text_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  char **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  if (*out == NULL)
    *out = g_strdup ("");
}

char *
dg_ui_test_read_clipboard (GtkWidget *widget)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, on_clipboard_text_cb, &text);
  dg_ui_test_wait_for (text != NULL);

  return text;
}
