/* dg-window.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-backup-controller.h"
#include "dg-export-controller.h"
#include "dg-import-controller.h"
#include "dg-calendar-view.h"
#include "dg-customers-view.h"
#include "dg-demo-ui.h"
#include "dg-followup-editor.h"
#include "dg-journeys-view.h"
#include "dg-page.h"
#include "dg-today-view.h"
#include "dg-toast.h"
#include "dg-window.h"

struct _DgWindow
{
  AdwApplicationWindow  parent_instance;

  DgContext            *context;
  DgBackupController   *backup;
  DgExportController   *export;
  DgImportController   *import;

  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  guint                 reveal_bar_id;
};

G_DEFINE_FINAL_TYPE (DgWindow, dg_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The window's pages, in the order of the view switcher; it opens on the
 * first. Each is built the first time it is shown (see DgPage). */
static GType (* const page_types[]) (void) = {
  dg_today_view_get_type,
  dg_customers_view_get_type,
  dg_journeys_view_get_type,
  dg_calendar_view_get_type,
};

void
dg_window_set_toast_timeout (DgWindow *self,
                             guint     seconds)
{
  g_return_if_fail (DG_IS_WINDOW (self));

  dg_toast_overlay_set_timeout (self->toast_overlay, seconds);
}

void
dg_window_show_stage_customers (DgWindow *self,
                                gint64    stage_id,
                                gint64    cohort_id)
{
  g_autoptr(DgStage) stage = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *customers;

  g_return_if_fail (DG_IS_WINDOW (self));

  gtk_window_present (GTK_WINDOW (self));

  stage = dg_stages_get (dg_context_get_database (self->context), stage_id, &error);
  if (stage == NULL)
    {
      g_debug ("Stage %" G_GINT64_FORMAT " not shown: %s", stage_id, error->message);
      dg_toast_show (GTK_WIDGET (self->toast_overlay), _("This stage no longer exists"));
      return;
    }

  customers = dg_window_get_page (self, "customers");
  g_return_if_fail (DG_IS_CUSTOMERS_VIEW (customers));

  dg_customers_view_show_journey (DG_CUSTOMERS_VIEW (customers), stage->journey_id, stage->id, cohort_id);
  adw_view_stack_set_visible_child_name (self->view_stack, "customers");
}

void
dg_window_show_customer (DgWindow *self,
                         gint64    customer_id)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *customers;

  g_return_if_fail (DG_IS_WINDOW (self));

  gtk_window_present (GTK_WINDOW (self));

  customers = dg_window_get_page (self, "customers");
  g_return_if_fail (DG_IS_CUSTOMERS_VIEW (customers));

  if (!dg_customers_view_open (DG_CUSTOMERS_VIEW (customers), customer_id, &error))
    {
      g_debug ("Customer %" G_GINT64_FORMAT " not shown: %s", customer_id, error->message);
      dg_toast_show (GTK_WIDGET (self->toast_overlay), _("This customer no longer exists"));
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, "customers");
}

void
dg_window_show_followup (DgWindow *self,
                         gint64    followup_id)
{
  g_autoptr(DgFollowup) followup = NULL;
  g_autoptr(GError) error = NULL;
  DgFollowupEditor *editor;
  GtkWidget *calendar;

  g_return_if_fail (DG_IS_WINDOW (self));

  gtk_window_present (GTK_WINDOW (self));

  followup = dg_followups_get (dg_context_get_database (self->context), followup_id, &error);
  if (followup == NULL)
    {
      g_debug ("Follow-up %" G_GINT64_FORMAT " not shown: %s", followup_id, error->message);
      dg_toast_show (GTK_WIDGET (self->toast_overlay), _("This follow-up no longer exists"));
      return;
    }

  calendar = dg_window_get_page (self, "calendar");
  if (DG_IS_CALENDAR_VIEW (calendar))
    {
      if (dg_calendar_view_show_followup (DG_CALENDAR_VIEW (calendar), followup_id, &error))
        {
          adw_view_stack_set_visible_child_name (self->view_stack, "calendar");
          return;
        }
      g_debug ("Follow-up %" G_GINT64_FORMAT " not shown in the calendar: %s", followup_id, error->message);
    }

  if (dg_followup_get_customer_id (followup) != 0)
    {
      dg_window_show_customer (self, dg_followup_get_customer_id (followup));
      return;
    }

  editor = dg_followup_editor_new (GTK_WINDOW (self), self->context, followup);
  gtk_window_present (GTK_WINDOW (editor));
}

void
dg_window_show_enrollment (DgWindow *self,
                           gint64    enrollment_id)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *journeys;

  g_return_if_fail (DG_IS_WINDOW (self));

  gtk_window_present (GTK_WINDOW (self));

  journeys = dg_window_get_page (self, "journeys");
  g_return_if_fail (DG_IS_JOURNEYS_VIEW (journeys));

  if (!dg_journeys_view_show_enrollment (DG_JOURNEYS_VIEW (journeys), enrollment_id, &error))
    {
      g_debug ("Enrollment %" G_GINT64_FORMAT " not shown: %s", enrollment_id, error->message);
      dg_toast_show (GTK_WIDGET (self->toast_overlay), _("This customer is no longer in the journey"));
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, "journeys");
}

void
dg_window_show_today (DgWindow *self)
{
  g_return_if_fail (DG_IS_WINDOW (self));

  gtk_window_present (GTK_WINDOW (self));

  if (dg_window_get_page (self, "today") != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, "today");
}

DgContext *
dg_window_get_context (DgWindow *self)
{
  g_return_val_if_fail (DG_IS_WINDOW (self), NULL);

  return self->context;
}

static void
dg_window_restore_size (DgWindow *self)
{
  GSettings *settings = dg_context_get_settings (self->context);

  if (settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
dg_window_save_size (DgWindow *self)
{
  GSettings *settings = dg_context_get_settings (self->context);
  gboolean maximized;
  int width, height;

  if (settings == NULL)
    return;

  maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  g_settings_set_boolean (settings, "window-maximized", maximized);

  /* The size of a maximized window says nothing about the size to come
   * back to, so only a normal window's size is kept. */
  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
}

static gboolean
dg_window_close_request (GtkWindow *window)
{
  GtkApplication *application = gtk_window_get_application (window);

  dg_window_save_size (DG_WINDOW (window));

  /* The app may ask first whether to keep reminding once it is closed. */
  if (DG_IS_APPLICATION (application)
      && dg_application_window_close_requested (DG_APPLICATION (application), window))
    return TRUE;

  return GTK_WINDOW_CLASS (dg_window_parent_class)->close_request (window);
}

GtkWidget *
dg_window_get_page (DgWindow   *self,
                    const char *name)
{
  GtkWidget *bin;
  GtkWidget *page;

  g_return_val_if_fail (DG_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  bin = adw_view_stack_get_child_by_name (self->view_stack, name);
  if (bin == NULL)
    return NULL;

  page = adw_bin_get_child (ADW_BIN (bin));
  if (page != NULL)
    return page;

  for (guint i = 0; i < G_N_ELEMENTS (page_types); i++)
    {
      GType type = page_types[i] ();

      if (g_strcmp0 (dg_page_type_get_info (type)->name, name) != 0)
        continue;

      /* In the window before it gets the context: a page may read as
       * much as the window can show, which it learns from its root (the
       * customer list reads 21 rows at the default size, 128 without). */
      page = g_object_new (type, NULL);
      adw_bin_set_child (ADW_BIN (bin), page);
      g_object_set (page, "context", self->context, NULL);
      return page;
    }

  g_return_val_if_reached (NULL);
}

static void
dg_window_build_visible_page (DgWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (name != NULL)
    dg_window_get_page (self, name);
}

/* A page is built when it is shown, not when it becomes the stack's
 * visible child of a window not on screen yet: a window made to show a
 * customer (a reminder's "Open") never builds the Today page it would
 * otherwise open on. */
static void
on_view_stack_visible_child_cb (AdwViewStack *view_stack,
                                GParamSpec   *pspec,
                                DgWindow     *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    dg_window_build_visible_page (self);
}

static void
dg_window_map (GtkWidget *widget)
{
  /* Before the children map, so the page is in the first frame. */
  dg_window_build_visible_page (DG_WINDOW (widget));

  GTK_WIDGET_CLASS (dg_window_parent_class)->map (widget);
}

/* A place in the stack for each page: an empty AdwBin that the page goes
 * into when it is first shown. */
static void
dg_window_add_pages (DgWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_types); i++)
    {
      const DgPageInterface *info = dg_page_type_get_info (page_types[i] ());
      AdwViewStackPage *page;

      page = adw_view_stack_add_titled (self->view_stack, adw_bin_new (),
                                        info->name, _(info->title));
      adw_view_stack_page_set_icon_name (page, info->icon_name);
    }
}

/* Alt+1, Alt+2, … show the pages in the order of the switcher. */
static void
dg_window_add_page_shortcuts (DgWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  for (guint i = 0; i < G_N_ELEMENTS (page_types) && i < 9; i++)
    {
      const DgPageInterface *info = dg_page_type_get_info (page_types[i] ());
      GtkShortcutAction *action = gtk_named_action_new ("win.show-page");
      GtkShortcut *shortcut;

      shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_1 + i, GDK_ALT_MASK), action);
      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (info->name));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static DgCustomersView *
dg_window_get_customers_view (GtkWindow *window)
{
  GtkWidget *page = dg_window_get_page (DG_WINDOW (window), "customers");

  return DG_IS_CUSTOMERS_VIEW (page) ? DG_CUSTOMERS_VIEW (page) : NULL;
}

static void
dg_window_constructed (GObject *object)
{
  DgWindow *self = (DgWindow *)object;

  G_OBJECT_CLASS (dg_window_parent_class)->constructed (object);

  dg_window_restore_size (self);
  dg_window_add_pages (self);
  dg_window_add_page_shortcuts (self);

  self->backup = dg_backup_controller_new (GTK_WINDOW (self), GTK_WIDGET (self->toast_overlay),
                                           self->context);
  dg_backup_controller_install (self->backup);
  self->export = dg_export_controller_new (GTK_WINDOW (self), GTK_WIDGET (self->toast_overlay),
                                           dg_window_get_customers_view,
                                           self->context);
  dg_export_controller_install (self->export);
  self->import = dg_import_controller_new (GTK_WINDOW (self), GTK_WIDGET (self->toast_overlay),
                                           self->context);
  dg_import_controller_install (self->import);

  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (on_view_stack_visible_child_cb), self, 0);
}

/* The bar gets the stack the first time it shows: with it, it makes a
 * button for each page, which a wide window never shows. */
static void
dg_window_update_switcher_bar (DgWindow *self)
{
  gboolean reveal = adw_view_switcher_title_get_title_visible (self->switcher_title);

  if (reveal && adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
  adw_view_switcher_bar_set_reveal (self->switcher_bar, reveal);
}

static gboolean
reveal_switcher_bar_cb (gpointer user_data)
{
  DgWindow *self = user_data;

  self->reveal_bar_id = 0;
  dg_window_update_switcher_bar (self);

  return G_SOURCE_REMOVE;
}

/* The title shows, for want of room for the switcher, while the window is
 * being laid out; the bar at the bottom then takes the switcher. Revealed
 * at once (as a binding would), the bar is given its children in the same
 * layout that measured it hidden, at a height of -1, which GTK warns of. */
static void
on_switcher_title_visible_cb (AdwViewSwitcherTitle *title,
                              GParamSpec           *pspec,
                              DgWindow             *self)
{
  if (self->reveal_bar_id == 0)
    self->reveal_bar_id = g_idle_add (reveal_switcher_bar_cb, self);
}

static void
dg_window_dispose (GObject *object)
{
  DgWindow *self = (DgWindow *)object;

  g_clear_handle_id (&self->reveal_bar_id, g_source_remove);
  if (self->backup != NULL)
    g_object_run_dispose (G_OBJECT (self->backup));
  g_clear_object (&self->backup);
  if (self->export != NULL)
    g_object_run_dispose (G_OBJECT (self->export));
  g_clear_object (&self->export);
  if (self->import != NULL)
    g_object_run_dispose (G_OBJECT (self->import));
  g_clear_object (&self->import);
  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_WINDOW);

  G_OBJECT_CLASS (dg_window_parent_class)->dispose (object);
}

static void
dg_window_finalize (GObject *object)
{
  DgWindow *self = (DgWindow *)object;

  g_clear_object (&self->context);

  G_OBJECT_CLASS (dg_window_parent_class)->finalize (object);
}

static void
dg_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  DgWindow *self = DG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  DgWindow *self = DG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_window_class_init (DgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = dg_window_constructed;
  object_class->dispose = dg_window_dispose;
  object_class->finalize = dg_window_finalize;
  object_class->get_property = dg_window_get_property;
  object_class->set_property = dg_window_set_property;

  widget_class->map = dg_window_map;

  window_class->close_request = dg_window_close_request;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         DG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/app/dg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DgWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DgWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, DgWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, DgWindow, switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_switcher_title_visible_cb);
}

/* The shortcuts window is built the first time it is asked for: built with
 * every window, as GTK does for gtk/help-overlay.ui, it delays the first
 * frame. */
/* GTK 4.8's shortcuts window shows its own "Shortcuts" in its header
 * whatever its title; it should read like the menu item that opens it. */
static gboolean
retitle_header (GtkWidget  *widget,
                const char *gtk_title,
                const char *title)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), gtk_title) == 0)
    {
      gtk_label_set_text (GTK_LABEL (widget), title);
      return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (retitle_header (child, gtk_title, title))
        return TRUE;
    }

  return FALSE;
}

/* GTK 4.8 writes some keys of the shortcuts window by their key names
 * ("Page_Up") and draws arrows and Return as small glyphs: the keycaps get
 * words, and the glyphs a size that can be read. */
static void
make_keycaps_legible (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "keycap"))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (g_str_equal (text, "Page_Up"))
        /* Translators: a key on the keyboard, in the shortcuts window. */
        gtk_label_set_text (GTK_LABEL (widget), C_("keyboard key", "Page Up"));
      else if (g_str_equal (text, "Page_Down"))
        /* Translators: a key on the keyboard, in the shortcuts window. */
        gtk_label_set_text (GTK_LABEL (widget), C_("keyboard key", "Page Down"));
      else if (g_utf8_strlen (text, -1) == 1 && g_utf8_get_char (text) >= 0x2190)
        gtk_widget_add_css_class (widget, "symbol-keycap");
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    make_keycaps_legible (child);
}

/* The shortcuts window's search button is only an icon, read as
 * "GtkImage" by GTK 4.8; it is named like the search entry it opens. */
static void
name_search_button (GtkWidget *widget)
{
  if (widget == NULL)
    return;

  if (GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget))))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, g_dgettext ("gtk40", "Search Shortcuts"),
                                      -1);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    name_search_button (child);
}

static void
dg_window_show_help_overlay (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (user_data);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = NULL;

      builder = gtk_builder_new_from_resource (RESOURCE_BASE_PATH "/app/dg-shortcuts-window.ui");
      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
      retitle_header (gtk_window_get_titlebar (GTK_WINDOW (overlay)),
                      g_dgettext ("gtk40", "Shortcuts"),
                      gtk_window_get_title (GTK_WINDOW (overlay)));
      make_keycaps_legible (GTK_WIDGET (overlay));
      name_search_button (gtk_window_get_titlebar (GTK_WINDOW (overlay)));
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

static void
show_customer_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  dg_window_show_customer (DG_WINDOW (user_data), g_variant_get_int64 (parameter));
}

static void
show_stage_customers_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  gint64 stage_id, cohort_id;

  g_variant_get (parameter, "(xx)", &stage_id, &cohort_id);
  dg_window_show_stage_customers (DG_WINDOW (user_data), stage_id, cohort_id);
}

static void
show_followup_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  dg_window_show_followup (DG_WINDOW (user_data), g_variant_get_int64 (parameter));
}

static void
show_enrollment_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  dg_window_show_enrollment (DG_WINDOW (user_data), g_variant_get_int64 (parameter));
}

static void
show_page_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  DgWindow *self = DG_WINDOW (user_data);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* Where there are no customers yet, the first step is offered where the
 * person is: the customer editor of the Customers page, which opens the
 * new customer's page once saved. */
static void
new_customer_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  DgWindow *self = DG_WINDOW (user_data);
  GtkWidget *customers = dg_window_get_page (self, "customers");

  g_return_if_fail (customers != NULL);

  adw_view_stack_set_visible_child_name (self->view_stack, "customers");
  gtk_widget_activate_action (customers, "customers.new", NULL);
}

static void
show_today_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  dg_window_show_today (DG_WINDOW (user_data));
}

/* The pages reach the window through these: win.show-customer(id),
 * win.show-followup(id) and win.show-enrollment(id) open a record
 * wherever it is shown. */
static const GActionEntry win_actions[] = {
  { "show-help-overlay", dg_window_show_help_overlay },
  { "show-customer", show_customer_action, "x" },
  { "show-stage-customers", show_stage_customers_action, "(xx)" },
  { "show-followup", show_followup_action, "x" },
  { "show-enrollment", show_enrollment_action, "x" },
  { "show-today", show_today_action },
  { "show-page", show_page_action, "s" },
  { "new-customer", new_customer_action },
};

static void
dg_window_init (DgWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  dg_window_update_switcher_bar (self);
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);
  dg_demo_ui_add_window_action (self);
}

DgWindow *
dg_window_new (DgApplication *application,
               DgContext     *context)
{
  g_return_val_if_fail (DG_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (DG_IS_CONTEXT (context), NULL);

  return g_object_new (DG_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}
