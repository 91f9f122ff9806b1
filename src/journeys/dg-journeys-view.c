/* dg-journeys-view.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-journey-editor.h"
#include "dg-journey-map.h"
#include "dg-journeys-view-private.h"
#include "dg-page.h"
#include "dg-stage-panel.h"
#include "dg-toast.h"

static void
dg_journeys_view_page_init (DgPageInterface *iface)
{
  iface->name = "journeys";
  /* Translators: the page of journey boards */
  iface->title = N_("Journeys");
  iface->icon_name = "mark-location-symbolic";
}

G_DEFINE_FINAL_TYPE_WITH_CODE (DgJourneysView, dg_journeys_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (DG_TYPE_PAGE, dg_journeys_view_page_init))

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void dg_journeys_view_reload (DgJourneysView *self);

static gboolean
same_stages (GPtrArray *a,
             GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      DgStage *x = g_ptr_array_index (a, i);
      DgStage *y = g_ptr_array_index (b, i);

      if (x->id != y->id || g_strcmp0 (x->name, y->name) != 0)
        return FALSE;
    }

  return TRUE;
}

static void
update_selection_bar (DgJourneysView *self)
{
  g_autoptr(GArray) ids = dg_journeys_view_get_selected_ids (self);

  if (ids->len > 0)
    {
      g_autofree char *text = NULL;

      /* Translators: in the bar shown while cards of the journey board
       * are selected; %u is how many. */
      text = g_strdup_printf (ngettext ("%u selected", "%u selected", ids->len), ids->len);
      gtk_label_set_text (self->selection_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->selection_revealer), TRUE);
    }
  gtk_revealer_set_reveal_child (self->selection_revealer, ids->len > 0);
  _dg_journeys_view_update_actions (self);
  _dg_journeys_view_update_editor_actions (self);
}

static void
on_selection_changed_cb (GObject        *selection,
                         GParamSpec     *pspec,
                         DgJourneysView *self)
{
  update_selection_bar (self);
}

static void
on_card_picked_cb (DgJourneyColumn *picked,
                   DgJourneysView  *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      DgJourneyColumn *column = g_ptr_array_index (self->columns, i);

      if (column != picked)
        gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (dg_journey_column_get_selection (column)));
    }
}

/* The Move To menu of the selection bar: every stage of the journey. */
static void
update_move_menu (DgJourneysView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; self->stages != NULL && i < self->stages->len; i++)
    {
      DgStage *stage = g_ptr_array_index (self->stages, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (stage->name, NULL);

      g_menu_item_set_action_and_target_value (item, "journeys.move-selected", g_variant_new_int64 (stage->id));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->move_selected_button, G_MENU_MODEL (menu));
}

static void
remove_columns (DgJourneysView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->columns_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->columns_box), child);
  g_ptr_array_set_size (self->columns, 0);
}

static void
build_columns (DgJourneysView *self)
{
  remove_columns (self);

  for (guint i = 0; i < self->stages->len; i++)
    {
      GtkWidget *column = dg_journey_column_new (self->context, self->stages, i, self->cohort_id);

      g_signal_connect_object (dg_journey_column_get_selection (DG_JOURNEY_COLUMN (column)), "notify::n-selected",
                               G_CALLBACK (on_selection_changed_cb), self, 0);
      g_signal_connect_object (column, "card-picked", G_CALLBACK (on_card_picked_cb), self, 0);
      gtk_box_append (GTK_BOX (self->columns_box), column);
      g_ptr_array_add (self->columns, column);
    }

  update_move_menu (self);
}

/* The board, or the map when the header's toggle asks for it. */
static void
show_content (DgJourneysView *self)
{
  gboolean map = gtk_toggle_button_get_active (self->map_toggle);

  if (self->stages == NULL || self->stages->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "no-stages");
      return;
    }

  /* The selection bar would act on cards no longer in sight. */
  if (map)
    _dg_journeys_view_clear_selection (self);
  gtk_stack_set_visible_child_name (self->stack, map ? "map" : "board");
}

static void
on_map_toggled_cb (DgJourneysView *self)
{
  show_content (self);
  _dg_journeys_view_refresh_figures (self);
}

static void
fill_cohorts (DgJourneysView *self)
{
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint selected = 0;

  cohorts = dg_cohorts_list (dg_context_get_database (self->context), self->journey_id, FALSE, &error);
  if (cohorts == NULL)
    {
      g_warning ("Could not read the cohorts: %s", error->message);
      cohorts = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_cohort_free);
    }

  /* Translators: the first item of the cohort filter of the journey
   * board. */
  g_ptr_array_add (names, (gpointer) _("All Cohorts"));
  for (guint i = 0; i < cohorts->len; i++)
    {
      DgCohort *cohort = g_ptr_array_index (cohorts, i);

      g_ptr_array_add (names, cohort->name);
      if (cohort->id == self->cohort_id)
        selected = i + 1;
    }
  g_ptr_array_add (names, NULL);

  if (selected == 0)
    self->cohort_id = 0;
  gtk_string_list_splice (self->cohort_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->cohort_names)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->cohort_dropdown, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->cohort_dropdown), cohorts->len > 0);

  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  self->cohorts = g_steal_pointer (&cohorts);
}

/* Reads the journeys, their cohorts and the stages of the one shown, and
 * rebuilds the columns when the stages changed. */
static void
dg_journeys_view_reload (DgJourneysView *self)
{
  g_autoptr(GPtrArray) journeys = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  DgDatabase *db = dg_context_get_database (self->context);
  guint selected = GTK_INVALID_LIST_POSITION;

  self->needs_reload = FALSE;
  journeys = dg_journeys_list (db, &error);
  if (journeys == NULL)
    {
      g_warning ("Could not read the journeys: %s", error->message);
      return;
    }

  self->updating = TRUE;

  for (guint i = 0; i < journeys->len; i++)
    {
      DgJourney *journey = g_ptr_array_index (journeys, i);

      g_ptr_array_add (names, journey->name);
      if (journey->id == self->journey_id)
        selected = i;
    }
  g_ptr_array_add (names, NULL);
  if (selected == GTK_INVALID_LIST_POSITION && journeys->len > 0)
    {
      selected = 0;
      self->cohort_id = 0;
    }
  self->journey_id = journeys->len > 0 ? ((DgJourney *) g_ptr_array_index (journeys, selected))->id : 0;

  gtk_string_list_splice (self->journey_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->journey_names)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->journey_dropdown, selected);
  g_clear_pointer (&self->journeys, g_ptr_array_unref);
  self->journeys = g_steal_pointer (&journeys);

  if (self->journey_id == 0)
    {
      self->updating = FALSE;
      g_clear_pointer (&self->stages, g_ptr_array_unref);
      remove_columns (self);
      gtk_widget_set_visible (self->toolbar, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      _dg_journeys_view_update_empty_demo (self);
      update_selection_bar (self);
      return;
    }

  fill_cohorts (self);
  self->updating = FALSE;
  gtk_widget_set_visible (self->toolbar, TRUE);

  stages = dg_stages_list (db, self->journey_id, &error);
  if (stages == NULL)
    {
      g_warning ("Could not read the stages: %s", error->message);
      return;
    }

  if (!same_stages (self->stages, stages))
    {
      g_clear_pointer (&self->stages, g_ptr_array_unref);
      self->stages = g_steal_pointer (&stages);
      build_columns (self);
    }
  else
    {
      for (guint i = 0; i < self->columns->len; i++)
        dg_journey_column_set_cohort_id (g_ptr_array_index (self->columns, i), self->cohort_id);
    }

  show_content (self);
  _dg_journeys_view_refresh_figures (self);
  update_selection_bar (self);
}

void
_dg_journeys_view_reload_pending (DgJourneysView *self)
{
  if (self->needs_reload)
    dg_journeys_view_reload (self);
}

static gboolean
reload_cb (gpointer user_data)
{
  DgJourneysView *self = DG_JOURNEYS_VIEW (user_data);

  self->reload_source = 0;
  if (self->needs_reload)
    dg_journeys_view_reload (self);
  else if (self->needs_figures)
    _dg_journeys_view_refresh_figures (self);
  self->needs_figures = FALSE;

  return G_SOURCE_REMOVE;
}

/* Many changes come together (a bulk move writes enrollments, events and
 * follow-ups): the page reads them once, when the main loop is idle. */
static void
schedule_reload (DgJourneysView *self,
                 gboolean        everything)
{
  if (everything)
    self->needs_reload = TRUE;
  else
    self->needs_figures = TRUE;

  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_cb, self);
}

static void
on_structure_changed_cb (DgDatabase     *db,
                         const char     *table,
                         DgJourneysView *self)
{
  schedule_reload (self, TRUE);
}

static void
on_enrollments_changed_cb (DgDatabase     *db,
                           const char     *table,
                           DgJourneysView *self)
{
  schedule_reload (self, FALSE);
}

static void
on_day_changed_cb (DgClock        *clock,
                   DgJourneysView *self)
{
  schedule_reload (self, FALSE);
}

static void
on_customers_changed_cb (DgDatabase     *db,
                         const char     *table,
                         DgJourneysView *self)
{
  _dg_journeys_view_update_empty_demo (self);
}

static void
on_journey_selected_cb (GtkDropDown    *dropdown,
                        GParamSpec     *pspec,
                        DgJourneysView *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  DgJourney *journey;

  if (self->updating || self->journeys == NULL || selected >= self->journeys->len)
    return;

  journey = g_ptr_array_index (self->journeys, selected);
  dg_journeys_view_show_journey (self, journey->id);
}

static void
on_cohort_selected_cb (GtkDropDown    *dropdown,
                       GParamSpec     *pspec,
                       DgJourneysView *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  gint64 id = 0;

  if (self->updating || self->cohorts == NULL)
    return;

  if (selected > 0 && selected <= self->cohorts->len)
    id = ((DgCohort *) g_ptr_array_index (self->cohorts, selected - 1))->id;
  dg_journeys_view_set_cohort_id (self, id);
}

static void
dg_journeys_view_disconnect (DgJourneysView *self)
{
  if (self->context == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (self->changed_handlers); i++)
    g_clear_signal_handler (&self->changed_handlers[i], dg_context_get_database (self->context));
  g_clear_signal_handler (&self->customers_handler, dg_context_get_database (self->context));
  g_clear_signal_handler (&self->day_handler, dg_context_get_clock (self->context));
  g_clear_handle_id (&self->reload_source, g_source_remove);
  _dg_journeys_view_cancel_figures (self);
}

void
dg_journeys_view_set_context (DgJourneysView *self,
                              DgContext      *context)
{
  static const struct { const char *table; gboolean structure; } tables[] = {
    { DG_TABLE_JOURNEYS, TRUE },
    { DG_TABLE_STAGES, TRUE },
    { DG_TABLE_COHORTS, TRUE },
    { DG_TABLE_ENROLLMENTS, FALSE },
    { DG_TABLE_STAGE_EVENTS, FALSE },
  };

  g_return_if_fail (DG_IS_JOURNEYS_VIEW (self));
  g_return_if_fail (context == NULL || DG_IS_CONTEXT (context));

  if (self->context == context)
    return;

  dg_journeys_view_disconnect (self);
  remove_columns (self);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_set_object (&self->context, context);

  if (context != NULL)
    {
      DgDatabase *db = dg_context_get_database (context);

      G_STATIC_ASSERT (G_N_ELEMENTS (tables) == G_N_ELEMENTS (self->changed_handlers));
      for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
        {
          g_autofree char *signal = g_strconcat ("changed::", tables[i].table, NULL);

          self->changed_handlers[i] =
            g_signal_connect_object (db, signal,
                                     tables[i].structure ? G_CALLBACK (on_structure_changed_cb)
                                                         : G_CALLBACK (on_enrollments_changed_cb),
                                     self, 0);
        }
      self->customers_handler = g_signal_connect_object (db, DG_DATABASE_CHANGED (DG_TABLE_CUSTOMERS),
                                                         G_CALLBACK (on_customers_changed_cb),
                                                         self, 0);
      self->day_handler = g_signal_connect_object (dg_context_get_clock (context), "day-changed",
                                                   G_CALLBACK (on_day_changed_cb), self, 0);
      dg_journeys_view_reload (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTEXT]);
}

static void
dg_journeys_view_dispose (GObject *object)
{
  DgJourneysView *self = DG_JOURNEYS_VIEW (object);

  dg_journeys_view_disconnect (self);
  _dg_journeys_view_clear_pending_card (self);
  if (self->columns != NULL)
    g_ptr_array_set_size (self->columns, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_JOURNEYS_VIEW);
  g_clear_pointer (&self->journeys, g_ptr_array_unref);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->copied_messages, dg_stage_messages_free);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (dg_journeys_view_parent_class)->dispose (object);
}

static void
dg_journeys_view_finalize (GObject *object)
{
  DgJourneysView *self = DG_JOURNEYS_VIEW (object);

  g_clear_pointer (&self->columns, g_ptr_array_unref);

  G_OBJECT_CLASS (dg_journeys_view_parent_class)->finalize (object);
}

static void
dg_journeys_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DgJourneysView *self = DG_JOURNEYS_VIEW (object);

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
dg_journeys_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DgJourneysView *self = DG_JOURNEYS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      dg_journeys_view_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_journeys_view_class_init (DgJourneysViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (DG_TYPE_JOURNEY_MAP);

  object_class->dispose = dg_journeys_view_dispose;
  object_class->finalize = dg_journeys_view_finalize;
  object_class->get_property = dg_journeys_view_get_property;
  object_class->set_property = dg_journeys_view_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         DG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/journeys/dg-journeys-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "journeysview");
  gtk_widget_class_bind_template_child (widget_class, DgJourneysView, main_box);
  gtk_widget_class_bind_template_child (widget_class, DgJourneysView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, DgJourneysView, journey_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DgJourneysView, journey_names);
  gtk_widget_class_bind_template_child (widget_class, DgJourneysView, cohort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DgJourneysView, cohort_names);
  gtk_widget_class_bind_template_child (widget_class, DgJourneysView, add_button);
  gtk_widget_class_bind_template_child (widget_class, DgJourneysView, selection_revealer);
  gtk_widget_class_bind_template_child (widget_class, DgJourneysView, selection_label);
  gtk_widget_class_bind_template_child (widget_class, DgJourneysView, move_selected_button);
  gtk_widget_class_bind_template_child (widget_class, DgJourneysView, stack);
  gtk_widget_class_bind_template_child (widget_class, DgJourneysView, empty_actions);
  gtk_widget_class_bind_template_child (widget_class, DgJourneysView, board_scroller);
  gtk_widget_class_bind_template_child (widget_class, DgJourneysView, columns_box);
  gtk_widget_class_bind_template_child (widget_class, DgJourneysView, board_toggle);
  gtk_widget_class_bind_template_child (widget_class, DgJourneysView, map_toggle);
  gtk_widget_class_bind_template_child (widget_class, DgJourneysView, map);
  gtk_widget_class_bind_template_callback (widget_class, on_map_toggled_cb);

  _dg_journeys_view_class_actions_init (widget_class);
  _dg_journeys_view_class_contacts_init (widget_class);
  dg_stage_panel_install_action (widget_class);
  _dg_journeys_view_class_editor_init (widget_class);
}

/* GTK 4.8's drop-down is as wide as the name on its button, so a long
 * journey or cohort name would keep the window from narrowing to a
 * phone's width: that name gives way to an ellipsis when room is short.
 * Its popover, sized by itself, still lists the names whole. The label
 * is made when the drop-down first shows an item, so this runs each time
 * it shows another. */
static void
ellipsize_button_labels (GtkWidget *widget)
{
  if (GTK_IS_POPOVER (widget))
    return;
  if (GTK_IS_LABEL (widget))
    gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ellipsize_button_labels (child);
}

static void
dg_journeys_view_init (DgJourneysView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->journey_dropdown, "notify::selected-item", G_CALLBACK (ellipsize_button_labels), NULL);
  g_signal_connect (self->cohort_dropdown, "notify::selected-item", G_CALLBACK (ellipsize_button_labels), NULL);

  self->columns = g_ptr_array_new ();
  g_signal_connect (self, "unmap", G_CALLBACK (_dg_journeys_view_unmap), NULL);
  g_signal_connect_object (self->journey_dropdown, "notify::selected",
                           G_CALLBACK (on_journey_selected_cb), self, 0);
  g_signal_connect_object (self->cohort_dropdown, "notify::selected",
                           G_CALLBACK (on_cohort_selected_cb), self, 0);
  _dg_journeys_view_fill_empty_actions (self, GTK_BOX (self->empty_actions));
  _dg_journeys_view_add_journey_menu (self, GTK_WIDGET (self->cohort_dropdown));
  _dg_journeys_view_update_actions (self);
  _dg_journeys_view_update_editor_actions (self);
}

GtkWidget *
dg_journeys_view_new (DgContext *context)
{
  g_return_val_if_fail (DG_IS_CONTEXT (context), NULL);

  return g_object_new (DG_TYPE_JOURNEYS_VIEW, "context", context, NULL);
}

DgContext *
dg_journeys_view_get_context (DgJourneysView *self)
{
  g_return_val_if_fail (DG_IS_JOURNEYS_VIEW (self), NULL);

  return self->context;
}

gint64
dg_journeys_view_get_journey_id (DgJourneysView *self)
{
  g_return_val_if_fail (DG_IS_JOURNEYS_VIEW (self), 0);

  return self->journey_id;
}

gboolean
dg_journeys_view_show_journey (DgJourneysView *self,
                               gint64          id)
{
  gboolean found = FALSE;

  g_return_val_if_fail (DG_IS_JOURNEYS_VIEW (self), FALSE);

  for (guint i = 0; self->journeys != NULL && i < self->journeys->len && !found; i++)
    found = ((DgJourney *) g_ptr_array_index (self->journeys, i))->id == id;
  if (!found)
    return FALSE;

  if (self->journey_id != id)
    {
      self->journey_id = id;
      self->cohort_id = 0;
      dg_journeys_view_reload (self);
    }

  return TRUE;
}

gint64
dg_journeys_view_get_cohort_id (DgJourneysView *self)
{
  g_return_val_if_fail (DG_IS_JOURNEYS_VIEW (self), 0);

  return self->cohort_id;
}

gboolean
dg_journeys_view_set_cohort_id (DgJourneysView *self,
                                gint64          id)
{
  guint position = 0;

  g_return_val_if_fail (DG_IS_JOURNEYS_VIEW (self), FALSE);

  for (guint i = 0; id != 0 && self->cohorts != NULL && i < self->cohorts->len; i++)
    {
      if (((DgCohort *) g_ptr_array_index (self->cohorts, i))->id == id)
        position = i + 1;
    }
  if (id != 0 && position == 0)
    return FALSE;

  if (self->cohort_id == id)
    return TRUE;

  self->cohort_id = id;
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->cohort_dropdown, position);
  self->updating = FALSE;

  for (guint i = 0; i < self->columns->len; i++)
    dg_journey_column_set_cohort_id (g_ptr_array_index (self->columns, i), id);
  _dg_journeys_view_refresh_figures (self);
  update_selection_bar (self);

  return TRUE;
}

guint
dg_journeys_view_get_n_columns (DgJourneysView *self)
{
  g_return_val_if_fail (DG_IS_JOURNEYS_VIEW (self), 0);

  return self->columns->len;
}

GtkWidget *
dg_journeys_view_get_column (DgJourneysView *self,
                             guint           position)
{
  g_return_val_if_fail (DG_IS_JOURNEYS_VIEW (self), NULL);
  g_return_val_if_fail (position < self->columns->len, NULL);

  return g_ptr_array_index (self->columns, position);
}

GArray *
dg_journeys_view_get_selected_ids (DgJourneysView *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (DG_IS_JOURNEYS_VIEW (self), ids);

  for (guint i = 0; i < self->columns->len; i++)
    {
      DgIdSelection *selection = dg_journey_column_get_selection (g_ptr_array_index (self->columns, i));
      g_autoptr(GArray) selected = dg_id_selection_get_selected_ids (selection);

      g_array_append_vals (ids, selected->data, selected->len);
    }

  return ids;
}

GArray *
_dg_journeys_view_ids_for_card (DgJourneysView *self,
                                gint64          id)
{
  GArray *ids;

  for (guint i = 0; i < self->columns->len; i++)
    {
      DgIdSelection *selection = dg_journey_column_get_selection (g_ptr_array_index (self->columns, i));

      if (dg_id_selection_is_id_selected (selection, id))
        return dg_journeys_view_get_selected_ids (self);
    }

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (ids, id);

  return ids;
}

DgJourneyColumn *
_dg_journeys_view_find_column_of (DgJourneysView *self,
                                  gint64          id)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      DgJourneyColumn *column = g_ptr_array_index (self->columns, i);

      if (dg_id_list_find (DG_ID_LIST (dg_journey_column_get_model (column)), id) != G_MAXUINT)
        return column;
    }

  return NULL;
}

void
_dg_journeys_view_clear_selection (DgJourneysView *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      DgIdSelection *selection = dg_journey_column_get_selection (g_ptr_array_index (self->columns, i));

      gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (selection));
    }
}
