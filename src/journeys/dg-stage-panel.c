/* dg-stage-panel.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-stage-panel-private.h"
#include "dg-toast.h"

/* The panel open for a page, kept on the page (a weak pointer). */
#define PANEL_KEY "dg-stage-panel"

G_DEFINE_FINAL_TYPE (DgStagePanel, dg_stage_panel, ADW_TYPE_WINDOW)

GtkWidget *
_dg_stage_panel_toast_widget (DgStagePanel *self)
{
  return self->page;
}

static char *
dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_text (GtkTextView *view,
          const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

/* Puts the panel's texts into @stage; TRUE when any differs from it. */
static gboolean
take_texts (DgStagePanel *self,
            DgStage      *stage)
{
  struct { char **field; char *text; } fields[] = {
    { &stage->scenario, dup_text (self->scenario_view) },
    { &stage->touchpoint, g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->touchpoint_entry))) },
    { &stage->pain_points, dup_text (self->pain_view) },
    { &stage->unmet_needs, dup_text (self->needs_view) },
    { &stage->detail_steps, dup_text (self->steps_view) },
    { &stage->message_script, dup_text (self->script_view) },
  };
  gboolean changed = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (g_strcmp0 (*fields[i].field, fields[i].text) != 0)
        {
          g_free (*fields[i].field);
          *fields[i].field = fields[i].text;
          changed = TRUE;
        }
      else
        g_free (fields[i].text);
    }

  return changed;
}

/* The stage as stored now: another window may have renamed it or changed
 * its level meanwhile, and only what the panel edits is written back. */
static DgStage *
get_stage (DgStagePanel  *self,
           GError       **error)
{
  if (self->context == NULL || self->stage_id == 0)
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_NOT_FOUND, _("The stage no longer exists"));
      return NULL;
    }

  return dg_stages_get (dg_context_get_database (self->context), self->stage_id, error);
}

gboolean
dg_stage_panel_save (DgStagePanel  *self,
                     GError       **error)
{
  g_autoptr(DgStage) stage = NULL;

  g_return_val_if_fail (DG_IS_STAGE_PANEL (self), FALSE);

  /* While it is torn down the fields lose the focus once more: what they
   * held was written when the window closed. */
  if (self->loading || self->context == NULL)
    return TRUE;

  stage = get_stage (self, error);
  if (stage == NULL)
    return FALSE;

  if (!take_texts (self, stage))
    return TRUE;

  return dg_stages_update (dg_context_get_database (self->context), stage, error);
}

static void
save_or_report (DgStagePanel *self)
{
  g_autoptr(GError) error = NULL;

  if (!dg_stage_panel_save (self, &error))
    dg_toast_show_error (_dg_stage_panel_toast_widget (self), error);
}

static void
update_title (DgStagePanel *self,
              DgStage      *stage)
{
  g_autofree char *title = NULL;

  /* Translators: the title of the stage panel; %s is the stage's name. */
  title = g_strdup_printf (_("Playbook: %s"), stage->name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_title (self->window_title, stage->name);
  gtk_label_set_text (self->stage_label, stage->name);
  /* Translators: the subtitle of the stage panel. */
  adw_view_switcher_title_set_subtitle (self->window_title, _("Stage Playbook"));
}

/* Fills every field from the stored stage. */
static void
load (DgStagePanel *self)
{
  g_autoptr(DgStage) stage = NULL;
  g_autoptr(GError) error = NULL;

  stage = get_stage (self, &error);
  if (stage == NULL)
    {
      g_warning ("Could not read stage %" G_GINT64_FORMAT ": %s", self->stage_id, error->message);
      return;
    }

  self->loading = TRUE;
  update_title (self, stage);
  set_text (self->scenario_view, stage->scenario);
  gtk_editable_set_text (GTK_EDITABLE (self->touchpoint_entry), stage->touchpoint);
  set_text (self->pain_view, stage->pain_points);
  set_text (self->needs_view, stage->unmet_needs);
  set_text (self->steps_view, stage->detail_steps);
  set_text (self->script_view, stage->message_script);
  gtk_drop_down_set_selected (self->digitisation_dropdown, stage->digitisation);
  gtk_label_set_text (self->report_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->report_label), FALSE);
  self->loading = FALSE;

  _dg_stage_panel_fill_rules (self);
}

/* The stages changed: the stage may be renamed, have other rules, or be
 * gone, which closes the panel. What is being typed stays. */
static void
on_stages_changed_cb (DgDatabase   *db,
                      const char   *table,
                      DgStagePanel *self)
{
  g_autoptr(DgStage) stage = NULL;
  g_autoptr(GError) error = NULL;

  stage = get_stage (self, &error);
  if (stage == NULL)
    {
      if (g_error_matches (error, DG_ERROR, DG_ERROR_NOT_FOUND))
        {
          self->stage_id = 0;
          gtk_window_destroy (GTK_WINDOW (self));
        }
      return;
    }

  update_title (self, stage);
  self->loading = TRUE;
  gtk_drop_down_set_selected (self->digitisation_dropdown, stage->digitisation);
  self->loading = FALSE;
  _dg_stage_panel_fill_rules (self);
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   DgStagePanel            *self)
{
  save_or_report (self);
}

static void
on_digitisation_selected_cb (GtkDropDown  *dropdown,
                             GParamSpec   *pspec,
                             DgStagePanel *self)
{
  g_autoptr(DgStage) stage = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->loading || selected > DG_DIGITISATION_AUTOMATED)
    return;

  stage = get_stage (self, &error);
  if (stage != NULL && stage->digitisation != (DgDigitisation) selected)
    {
      take_texts (self, stage);
      stage->digitisation = selected;
      dg_stages_update (dg_context_get_database (self->context), stage, &error);
    }
  if (error != NULL)
    dg_toast_show_error (_dg_stage_panel_toast_widget (self), error);
}

static gboolean
dg_stage_panel_close_request (GtkWindow *window)
{
  DgStagePanel *self = DG_STAGE_PANEL (window);

  if (self->stage_id != 0)
    save_or_report (self);

  return GTK_WINDOW_CLASS (dg_stage_panel_parent_class)->close_request (window);
}

static void
disconnect (DgStagePanel *self)
{
  if (self->context != NULL)
    g_clear_signal_handler (&self->stages_handler, dg_context_get_database (self->context));
}

static void
dg_stage_panel_dispose (GObject *object)
{
  DgStagePanel *self = DG_STAGE_PANEL (object);

  disconnect (self);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_STAGE_PANEL);
  g_clear_object (&self->context);
  g_clear_pointer (&self->copied, dg_stage_messages_free);

  G_OBJECT_CLASS (dg_stage_panel_parent_class)->dispose (object);
}

static void
dg_stage_panel_finalize (GObject *object)
{
  DgStagePanel *self = DG_STAGE_PANEL (object);

  g_weak_ref_clear (&self->view);

  G_OBJECT_CLASS (dg_stage_panel_parent_class)->finalize (object);
}

/* The customers in the stage, of the cohort the board shows, in the
 * customer list of the board's window. */
static void
show_customers_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DgStagePanel *self = DG_STAGE_PANEL (widget);
  g_autoptr(DgJourneysView) view = g_weak_ref_get (&self->view);

  if (view == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (view), "win.show-stage-customers", "(xx)",
                              self->stage_id, dg_journeys_view_get_cohort_id (view));
}

static void
dg_stage_panel_class_init (DgStagePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = dg_stage_panel_dispose;
  object_class->finalize = dg_stage_panel_finalize;
  window_class->close_request = dg_stage_panel_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/journeys/dg-stage-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DgStagePanel, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DgStagePanel, window_title);
  gtk_widget_class_bind_template_child (widget_class, DgStagePanel, stage_label);
  gtk_widget_class_bind_template_child (widget_class, DgStagePanel, page);
  gtk_widget_class_bind_template_child (widget_class, DgStagePanel, scenario_view);
  gtk_widget_class_bind_template_child (widget_class, DgStagePanel, touchpoint_entry);
  gtk_widget_class_bind_template_child (widget_class, DgStagePanel, pain_view);
  gtk_widget_class_bind_template_child (widget_class, DgStagePanel, needs_view);
  gtk_widget_class_bind_template_child (widget_class, DgStagePanel, steps_view);
  gtk_widget_class_bind_template_child (widget_class, DgStagePanel, script_view);
  gtk_widget_class_bind_template_child (widget_class, DgStagePanel, placeholders_label);
  gtk_widget_class_bind_template_child (widget_class, DgStagePanel, copy_button);
  gtk_widget_class_bind_template_child (widget_class, DgStagePanel, report_label);
  gtk_widget_class_bind_template_child (widget_class, DgStagePanel, digitisation_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DgStagePanel, rules_list);

  _dg_stage_panel_class_messages_init (widget_class);
  _dg_stage_panel_class_rules_init (widget_class);
  gtk_widget_class_install_action (widget_class, "panel.show-customers", NULL, show_customers_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
watch_focus (DgStagePanel *self,
             GtkWidget    *widget)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect_object (controller, "leave", G_CALLBACK (on_focus_leave_cb), self, 0);
  gtk_widget_add_controller (widget, controller);
}

static void
dg_stage_panel_init (DgStagePanel *self)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *hint = NULL;
  const char * const *placeholders = dg_stage_script_get_placeholders ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_weak_ref_init (&self->view, NULL);

  watch_focus (self, GTK_WIDGET (self->scenario_view));
  watch_focus (self, GTK_WIDGET (self->touchpoint_entry));
  watch_focus (self, GTK_WIDGET (self->pain_view));
  watch_focus (self, GTK_WIDGET (self->needs_view));
  watch_focus (self, GTK_WIDGET (self->steps_view));
  watch_focus (self, GTK_WIDGET (self->script_view));
  g_signal_connect_object (self->digitisation_dropdown, "notify::selected",
                           G_CALLBACK (on_digitisation_selected_cb), self, 0);

  for (guint i = 0; placeholders[i] != NULL; i++)
    g_string_append_printf (names, "%s{%s}", i > 0 ? " " : "", placeholders[i]);
  /* Translators: under the message script; %s lists the placeholders,
   * which stay in English: “{name} {organization} …”. */
  hint = g_strdup_printf (_("Filled for each customer: %s"), names->str);
  gtk_label_set_text (self->placeholders_label, hint);
}

static void
set_stage (DgStagePanel *self,
           gint64        stage_id)
{
  self->stage_id = stage_id;
  g_clear_pointer (&self->copied, dg_stage_messages_free);
  load (self);
}

DgStagePanel *
dg_stage_panel_get_for_view (DgJourneysView *view)
{
  g_return_val_if_fail (DG_IS_JOURNEYS_VIEW (view), NULL);

  return g_object_get_data (G_OBJECT (view), PANEL_KEY);
}

static void
on_panel_destroyed (gpointer  data,
                    GObject  *where_the_object_was)
{
  DgJourneysView *view = data;

  g_object_steal_data (G_OBJECT (view), PANEL_KEY);
  g_object_unref (view);
}

DgStagePanel *
dg_stage_panel_open (DgJourneysView *view,
                     gint64          stage_id)
{
  DgStagePanel *self;
  DgContext *context;
  GtkRoot *root;

  g_return_val_if_fail (DG_IS_JOURNEYS_VIEW (view), NULL);

  context = dg_journeys_view_get_context (view);
  if (context == NULL)
    return NULL;

  self = dg_stage_panel_get_for_view (view);
  if (self != NULL)
    {
      if (self->stage_id != stage_id)
        {
          save_or_report (self);
          set_stage (self, stage_id);
        }
      gtk_window_present (GTK_WINDOW (self));
      return self;
    }

  self = g_object_new (DG_TYPE_STAGE_PANEL, NULL);
  self->context = g_object_ref (context);
  g_weak_ref_set (&self->view, view);
  self->stages_handler = g_signal_connect_object (dg_context_get_database (context),
                                                  DG_DATABASE_CHANGED (DG_TABLE_STAGES),
                                                  G_CALLBACK (on_stages_changed_cb), self, 0);
  root = gtk_widget_get_root (GTK_WIDGET (view));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);

  g_object_set_data (G_OBJECT (view), PANEL_KEY, self);
  g_object_weak_ref (G_OBJECT (self), on_panel_destroyed, g_object_ref (view));

  set_stage (self, stage_id);
  gtk_window_present (GTK_WINDOW (self));

  return self;
}

static void
open_stage_panel_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  dg_stage_panel_open (DG_JOURNEYS_VIEW (widget), g_variant_get_int64 (parameter));
}

void
dg_stage_panel_install_action (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "journeys.open-stage-panel", "x", open_stage_panel_action);
}

gint64
dg_stage_panel_get_stage_id (DgStagePanel *self)
{
  g_return_val_if_fail (DG_IS_STAGE_PANEL (self), 0);

  return self->stage_id;
}

const char *
dg_stage_panel_get_report (DgStagePanel *self)
{
  g_return_val_if_fail (DG_IS_STAGE_PANEL (self), NULL);

  return gtk_label_get_text (self->report_label);
}
