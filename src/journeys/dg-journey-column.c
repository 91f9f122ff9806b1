/* dg-journey-column.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-journey-card.h"
#include "dg-journey-column.h"

struct _DgJourneyColumn
{
  GtkWidget        parent_instance;

  DgContext       *context;
  GPtrArray       *stages;
  guint            position;
  DgStageColumn   *model;
  DgIdSelection   *selection;

  GtkWidget       *header;
  GtkWidget       *name_label;
  GtkWidget       *count_label;
  GtkWidget       *conversion_label;
  GtkWidget       *median_label;
  GtkWidget       *playbook_button;
  GtkWidget       *empty_label;
  GtkWidget       *scroller;
  GtkListView     *list_view;
  /* The frame clock whose next paint starts reading the rest of the
   * cards, while that is pending. */
  GdkFrameClock   *load_rest_clock;
  gulong           load_rest_handler;
};

G_DEFINE_FINAL_TYPE (DgJourneyColumn, dg_journey_column, GTK_TYPE_WIDGET)

enum {
  CARD_PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static DgStage *
get_stage (DgJourneyColumn *self)
{
  return g_ptr_array_index (self->stages, self->position);
}

/* A column reads before its first frame only the cards the window can
 * show, counted at the height of the smallest card below the header bar,
 * the toolbar and the column's header (one card for a column to the
 * right of the window's width), and the rest in a worker thread after
 * that frame: GTK 4.8's list view builds up to two hundred rows at once,
 * and a board of eight columns of thousands would build over a thousand
 * cards before showing anything. */
#define CARD_HEIGHT 64
#define ABOVE_CARDS 180
#define COLUMN_WIDTH 280
#define MIN_FIRST_CARDS 8
#define MAX_FIRST_CARDS 64

static GdkRectangle
get_largest_monitor (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  GListModel *monitors = display != NULL ? gdk_display_get_monitors (display) : NULL;
  GdkRectangle largest = { 0, };

  for (guint i = 0; monitors != NULL && i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      largest.width = MAX (largest.width, geometry.width);
      largest.height = MAX (largest.height, geometry.height);
    }

  return largest;
}

/* The columns are made before they are in the window: its height is the
 * one it opens at, or its screen's when it opens maximized. */
static guint
get_first_cards (DgJourneyColumn *self)
{
  GSettings *settings = dg_context_get_settings (self->context);
  GdkRectangle size;

  if (settings != NULL && !g_settings_get_boolean (settings, "window-maximized"))
    {
      size.width = g_settings_get_int (settings, "window-width");
      size.height = g_settings_get_int (settings, "window-height");
    }
  else
    {
      size = get_largest_monitor ();
    }

  if (size.height <= 0 || size.width <= 0)
    return MAX_FIRST_CARDS;
  if ((int) self->position * COLUMN_WIDTH >= size.width)
    return 1;

  return CLAMP ((size.height - ABOVE_CARDS) / CARD_HEIGHT + 1, MIN_FIRST_CARDS, MAX_FIRST_CARDS);
}

static void
cancel_load_rest (DgJourneyColumn *self)
{
  if (self->load_rest_clock != NULL)
    g_clear_signal_handler (&self->load_rest_handler, self->load_rest_clock);
  g_clear_object (&self->load_rest_clock);
}

static void
on_after_paint_cb (GdkFrameClock   *frame_clock,
                   DgJourneyColumn *self)
{
  cancel_load_rest (self);
  dg_id_list_load_rest (DG_ID_LIST (self->model));
}

/* Once the first cards are painted, the worker reads the rest: it shares
 * no processor time with that frame. A column never shown never reads
 * them. */
static void
queue_load_rest (DgJourneyColumn *self)
{
  GdkFrameClock *frame_clock;

  if (self->model == NULL || dg_id_list_is_complete (DG_ID_LIST (self->model))
      || self->load_rest_clock != NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (frame_clock == NULL)
    {
      dg_id_list_load_rest (DG_ID_LIST (self->model));
      return;
    }

  self->load_rest_clock = g_object_ref (frame_clock);
  self->load_rest_handler = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint_cb), self);
  gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static void
update_count (DgJourneyColumn *self)
{
  g_autoptr(GError) error = NULL;
  guint n = dg_stage_column_count (self->model, &error);
  g_autofree char *text = g_strdup_printf ("%u", n);

  if (error != NULL)
    g_warning ("Could not count the customers in stage %" G_GINT64_FORMAT ": %s",
               dg_stage_column_get_stage_id (self->model), error->message);

  gtk_label_set_text (GTK_LABEL (self->count_label), text);
  gtk_widget_set_visible (self->empty_label, n == 0);
}

static void
on_model_n_items_cb (GObject         *model,
                     GParamSpec      *pspec,
                     DgJourneyColumn *self)
{
  update_count (self);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             DgJourneyColumn          *self)
{
  GtkWidget *card = dg_journey_card_new (dg_context_get_clock (self->context));

  dg_journey_card_set_stages (DG_JOURNEY_CARD (card), self->stages);
  gtk_list_item_set_child (list_item, card);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            DgJourneyColumn          *self)
{
  dg_journey_card_set_item (DG_JOURNEY_CARD (gtk_list_item_get_child (list_item)),
                            gtk_list_item_get_item (list_item));
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              DgJourneyColumn          *self)
{
  dg_journey_card_set_item (DG_JOURNEY_CARD (gtk_list_item_get_child (list_item)), NULL);
}

static void
on_activate_cb (GtkListView     *list_view,
                guint            position,
                DgJourneyColumn *self)
{
  g_autoptr(DgEnrollmentCard) card = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (card == NULL || dg_enrollment_card_get_customer_id (card) == 0)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-customer", "x",
                              dg_enrollment_card_get_customer_id (card));
}

/* The card that holds the keyboard focus: the focus is on the list's row,
 * whose child the card is, or on a button inside the card. */
static DgJourneyCard *
find_focused_card (DgJourneyColumn *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *card;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    return NULL;

  card = gtk_widget_get_ancestor (focus, DG_TYPE_JOURNEY_CARD);
  if (card == NULL && DG_IS_JOURNEY_CARD (gtk_widget_get_first_child (focus)))
    card = gtk_widget_get_first_child (focus);

  return card != NULL ? DG_JOURNEY_CARD (card) : NULL;
}

static gboolean
move_focused_card (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  DgJourneyColumn *self = DG_JOURNEY_COLUMN (widget);
  DgJourneyCard *card = find_focused_card (self);
  DgEnrollmentCard *item = card != NULL ? dg_journey_card_get_item (card) : NULL;

  if (item == NULL)
    return FALSE;

  return gtk_widget_activate_action (widget, "journeys.move-card-step", "(xi)",
                                     dg_enrollment_card_get_id (item), g_variant_get_int32 (args));
}

/* A plain click picks a card alone, on the whole board: the page clears
 * the other columns' selections. Ctrl and Shift add to the selection. On
 * release, as the list selects: a press that starts dragging the
 * selection must not shrink it. */
static void
on_list_released_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     DgJourneyColumn *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  if ((state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) == 0)
    g_signal_emit (self, signals[CARD_PICKED], 0);
}

gboolean
dg_journey_column_drop (DgJourneyColumn *self,
                        const GValue    *value)
{
  gint64 id;

  g_return_val_if_fail (DG_IS_JOURNEY_COLUMN (self), FALSE);

  if (!G_VALUE_HOLDS_INT64 (value))
    return FALSE;

  id = g_value_get_int64 (value);
  if (id <= 0)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), "journeys.move-card", "(xx)",
                                     id, get_stage (self)->id);
}

static gboolean
on_drop_cb (GtkDropTarget   *target,
            const GValue    *value,
            double           x,
            double           y,
            DgJourneyColumn *self)
{
  return dg_journey_column_drop (self, value);
}

static GdkDragAction
on_drop_enter_cb (GtkDropTarget   *target,
                  double           x,
                  double           y,
                  DgJourneyColumn *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "drop-target");

  return GDK_ACTION_MOVE;
}

static void
on_drop_leave_cb (GtkDropTarget   *target,
                  DgJourneyColumn *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-target");
}

static void
on_header_released_cb (GtkGestureClick *gesture,
                       int              n_press,
                       double           x,
                       double           y,
                       DgJourneyColumn *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "journeys.open-stage-panel", "x", get_stage (self)->id);
}

static void
dg_journey_column_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (dg_journey_column_parent_class)->map (widget);

  queue_load_rest (DG_JOURNEY_COLUMN (widget));
}

static void
dg_journey_column_unmap (GtkWidget *widget)
{
  cancel_load_rest (DG_JOURNEY_COLUMN (widget));

  GTK_WIDGET_CLASS (dg_journey_column_parent_class)->unmap (widget);
}

static void
dg_journey_column_dispose (GObject *object)
{
  DgJourneyColumn *self = DG_JOURNEY_COLUMN (object);
  GtkWidget *child;

  cancel_load_rest (self);
  if (self->model != NULL)
    dg_id_list_cancel_load (DG_ID_LIST (self->model));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (dg_journey_column_parent_class)->dispose (object);
}

static void
dg_journey_column_class_init (DgJourneyColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_journey_column_dispose;
  widget_class->map = dg_journey_column_map;
  widget_class->unmap = dg_journey_column_unmap;

  /* Emitted when a card was clicked without Ctrl or Shift. */
  signals[CARD_PICKED] = g_signal_new ("card-picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "journeycolumn");
}

static GtkWidget *
new_caption (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

/* Ctrl+Left and Ctrl+Right, before the scrolled window's own bindings
 * of the same keys (which scroll sideways) see them. */
static void
add_move_shortcuts (DgJourneyColumn *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  static const struct { guint keyval; int step; } keys[] = {
    { GDK_KEY_Left, -1 }, { GDK_KEY_KP_Left, -1 }, { GDK_KEY_Right, 1 }, { GDK_KEY_KP_Right, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, GDK_CONTROL_MASK),
                                                gtk_callback_action_new (move_focused_card, NULL, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (keys[i].step));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
dg_journey_column_init (DgJourneyColumn *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *title_row;
  GtkWidget *figures_row;
  GtkEventController *header_click;

  add_move_shortcuts (self);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_add_css_class (self->header, "header");
  gtk_widget_set_parent (self->header, GTK_WIDGET (self));

  header_click = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  g_signal_connect_object (header_click, "released", G_CALLBACK (on_header_released_cb), self, 0);
  gtk_widget_add_controller (self->header, header_click);

  title_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (self->header), title_row);
  self->name_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->name_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->name_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->name_label, TRUE);
  gtk_widget_add_css_class (self->name_label, "heading");
  gtk_box_append (GTK_BOX (title_row), self->name_label);
  self->count_label = gtk_label_new ("0");
  gtk_widget_add_css_class (self->count_label, "count");
  gtk_widget_add_css_class (self->count_label, "numeric");
  gtk_box_append (GTK_BOX (title_row), self->count_label);
  /* Opens the stage's playbook (dg-stage-panel.h); a click on the rest
   * of the header does the same. */
  self->playbook_button = gtk_button_new_from_icon_name ("document-properties-symbolic");
  gtk_widget_set_tooltip_text (self->playbook_button, _("Playbook"));
  gtk_widget_add_css_class (self->playbook_button, "flat");
  gtk_widget_set_valign (self->playbook_button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (title_row), self->playbook_button);

  figures_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (self->header), figures_row);
  self->conversion_label = new_caption ();
  gtk_box_append (GTK_BOX (figures_row), self->conversion_label);
  self->median_label = new_caption ();
  gtk_box_append (GTK_BOX (figures_row), self->median_label);

  /* Shown while the stage holds no one: where cards come from. */
  self->empty_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->empty_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (self->empty_label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (self->empty_label, 12);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_parent (self->empty_label, GTK_WIDGET (self));

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

static void
dg_journey_column_build_list (DgJourneyColumn *self,
                              gint64           cohort_id)
{
  DgStage *stage = get_stage (self);
  GtkListItemFactory *factory;
  GtkEventController *click;
  GtkDropTarget *drop_target;

  gtk_label_set_text (GTK_LABEL (self->name_label), stage->name);
  gtk_widget_set_tooltip_text (self->name_label, stage->name);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->playbook_button), "journeys.open-stage-panel");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->playbook_button), "x", stage->id);
  gtk_label_set_text (GTK_LABEL (self->empty_label),
                      self->position == 0 ? _("No one yet: add customers, or drag cards here")
                                          : _("No one here: drag cards here or move them from their menu"));

  self->model = dg_stage_column_new_partial (dg_context_get_database (self->context),
                                             dg_context_get_clock (self->context),
                                             stage->id, cohort_id, get_first_cards (self));
  self->selection = dg_id_selection_new (DG_ID_LIST (self->model));
  g_signal_connect_object (self->model, "notify::n-items", G_CALLBACK (on_model_n_items_cb), self, 0);
  g_signal_connect_object (self->model, "notify::complete", G_CALLBACK (on_model_n_items_cb), self, 0);
  update_count (self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), self);

  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                                      factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "cards");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, stage->name, -1);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (on_activate_cb), self, 0);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->list_view));

  click = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_event_controller_set_propagation_phase (click, GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "released", G_CALLBACK (on_list_released_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), click);

  drop_target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (on_drop_cb), self, 0);
  g_signal_connect_object (drop_target, "enter", G_CALLBACK (on_drop_enter_cb), self, 0);
  g_signal_connect_object (drop_target, "leave", G_CALLBACK (on_drop_leave_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));
}

GtkWidget *
dg_journey_column_new (DgContext *context,
                       GPtrArray *stages,
                       guint      position,
                       gint64     cohort_id)
{
  DgJourneyColumn *self;

  g_return_val_if_fail (DG_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (stages != NULL && position < stages->len, NULL);

  self = g_object_new (DG_TYPE_JOURNEY_COLUMN, NULL);
  self->context = g_object_ref (context);
  self->stages = g_ptr_array_ref (stages);
  self->position = position;
  dg_journey_column_build_list (self, cohort_id);

  return GTK_WIDGET (self);
}

gint64
dg_journey_column_get_stage_id (DgJourneyColumn *self)
{
  g_return_val_if_fail (DG_IS_JOURNEY_COLUMN (self), 0);

  return get_stage (self)->id;
}

DgStageColumn *
dg_journey_column_get_model (DgJourneyColumn *self)
{
  g_return_val_if_fail (DG_IS_JOURNEY_COLUMN (self), NULL);

  return self->model;
}

DgIdSelection *
dg_journey_column_get_selection (DgJourneyColumn *self)
{
  g_return_val_if_fail (DG_IS_JOURNEY_COLUMN (self), NULL);

  return self->selection;
}

GtkWidget *
dg_journey_column_get_playbook_button (DgJourneyColumn *self)
{
  g_return_val_if_fail (DG_IS_JOURNEY_COLUMN (self), NULL);

  return self->playbook_button;
}

GtkListView *
dg_journey_column_get_list_view (DgJourneyColumn *self)
{
  g_return_val_if_fail (DG_IS_JOURNEY_COLUMN (self), NULL);

  return self->list_view;
}

void
dg_journey_column_set_cohort_id (DgJourneyColumn *self,
                                 gint64           cohort_id)
{
  g_return_if_fail (DG_IS_JOURNEY_COLUMN (self));

  dg_stage_column_set_cohort_id (self->model, cohort_id);
}

void
dg_journey_column_set_figures (DgJourneyColumn *self,
                               DgStageFigures  *figures)
{
  g_autofree char *conversion = NULL;
  g_autofree char *median = NULL;

  g_return_if_fail (DG_IS_JOURNEY_COLUMN (self));

  if (figures != NULL && figures->conversion >= 0)
    /* Translators: in a column header of the journey board: the share of
     * the customers who reached the stage before who also reached this
     * one. %d%% is the percentage (“62%”). */
    conversion = g_strdup_printf (_("%d%% from previous"), (int) (figures->conversion * 100 + 0.5));

  if (figures != NULL && figures->median_days >= 0)
    /* Translators: in a column header of the journey board: half of the
     * stays in the stage were shorter than this; %.1f is a number of
     * days (“3.5”). */
    median = g_strdup_printf (_("Median %.1f days"), figures->median_days);

  gtk_label_set_text (GTK_LABEL (self->conversion_label), conversion != NULL ? conversion : "");
  gtk_widget_set_visible (self->conversion_label, conversion != NULL);
  gtk_label_set_text (GTK_LABEL (self->median_label), median != NULL ? median : "");
  gtk_widget_set_visible (self->median_label, median != NULL);
}

const char *
dg_journey_column_get_count_text (DgJourneyColumn *self)
{
  g_return_val_if_fail (DG_IS_JOURNEY_COLUMN (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->count_label));
}

const char *
dg_journey_column_get_conversion_text (DgJourneyColumn *self)
{
  g_return_val_if_fail (DG_IS_JOURNEY_COLUMN (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->conversion_label));
}

const char *
dg_journey_column_get_median_text (DgJourneyColumn *self)
{
  g_return_val_if_fail (DG_IS_JOURNEY_COLUMN (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->median_label));
}

static GtkWidget *
find_card_under (GtkWidget *widget,
                 gint64     id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (DG_IS_JOURNEY_CARD (child))
        {
          DgEnrollmentCard *item = dg_journey_card_get_item (DG_JOURNEY_CARD (child));

          if (item != NULL && dg_enrollment_card_get_id (item) == id)
            return child;
          continue;
        }
      if ((found = find_card_under (child, id)) != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
dg_journey_column_find_card (DgJourneyColumn *self,
                             gint64           id)
{
  g_return_val_if_fail (DG_IS_JOURNEY_COLUMN (self), NULL);

  return find_card_under (GTK_WIDGET (self->list_view), id);
}

gboolean
dg_journey_column_focus_card (DgJourneyColumn *self,
                              gint64           id)
{
  guint position;
  GtkWidget *card;

  g_return_val_if_fail (DG_IS_JOURNEY_COLUMN (self), FALSE);

  position = dg_id_list_find (DG_ID_LIST (self->model), id);
  if (position == G_MAXUINT)
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  card = dg_journey_column_find_card (self, id);
  if (card != NULL)
    gtk_widget_grab_focus (gtk_widget_get_parent (card));

  return TRUE;
}
