/* dg-stages-dialog.c
 *
 * The stages of a journey as a boxed list, top to bottom in the board's
 * left-to-right order, reordered by the rows' up and down buttons or by
 * dragging a row onto another. Each write goes to the core at once (there is no
 * Save); the list is rebuilt from the database when the stages change,
 * whoever changed them, once the main loop is idle, so that a row is not
 * taken away while its own button is still handling the click.
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-journey-editor.h"
#include "dg-stages-dialog.h"
#include "dg-toast.h"

struct _DgStagesDialog
{
  AdwWindow             parent_instance;

  DgContext            *context;
  gint64                journey_id;
  /* DgStage *, in their order. */
  GPtrArray            *stages;
  /* AdwActionRow *, one per stage, owned by the group. */
  GPtrArray            *rows;
  guint                 rebuild_source;

  AdwToastOverlay      *overlay;
  AdwPreferencesGroup  *group;
};

static DgStageRef *
dg_stage_ref_copy (const DgStageRef *ref)
{
  return g_memdup2 (ref, sizeof *ref);
}

G_DEFINE_BOXED_TYPE (DgStageRef, dg_stage_ref, dg_stage_ref_copy, g_free)

G_DEFINE_FINAL_TYPE (DgStagesDialog, dg_stages_dialog, ADW_TYPE_WINDOW)

#define MOVE_TO_KEY "dg-stages-move-to"

static DgDatabase *
get_db (DgStagesDialog *self)
{
  return dg_context_get_database (self->context);
}

static GtkWidget *
new_row_button (const char *icon_name,
                const char *tooltip,
                const char *action_name,
                gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));

  return button;
}

static void move_to_place (DgStagesDialog *self,
                           gint64          id,
                           gint64          target_id);

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    gpointer       user_data)
{
  DgStageRef ref = { .id = GPOINTER_TO_SIZE (user_data) };

  return gdk_content_provider_new_typed (DG_TYPE_STAGE_REF, &ref);
}

static gboolean
on_drop_cb (GtkDropTarget  *target,
            const GValue   *value,
            double          x,
            double          y,
            DgStagesDialog *self)
{
  DgStageRef *ref = g_value_get_boxed (value);
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  gint64 target_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "dg-stage-id"));

  if (ref == NULL || ref->id == target_id)
    return FALSE;

  move_to_place (self, ref->id, target_id);

  return TRUE;
}

static void
add_drag_and_drop (DgStagesDialog *self,
                   GtkWidget      *row,
                   gint64          id)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (DG_TYPE_STAGE_REF, GDK_ACTION_MOVE);

  g_object_set_data (G_OBJECT (row), "dg-stage-id", GSIZE_TO_POINTER ((gsize) id));
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), GSIZE_TO_POINTER ((gsize) id));
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}

static void
rebuild (DgStagesDialog *self)
{
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GError) error = NULL;

  stages = dg_stages_list (get_db (self), self->journey_id, &error);
  if (stages == NULL)
    {
      g_warning ("Could not read the stages: %s", error->message);
      return;
    }

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < stages->len; i++)
    {
      DgStage *stage = g_ptr_array_index (stages, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *up, *down;
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GtkWidget *prefix = gtk_label_new (number);

      gtk_widget_add_css_class (prefix, "dim-label");
      gtk_widget_add_css_class (prefix, "numeric");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), prefix);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), stage->name);

      up = new_row_button ("go-up-symbolic", _("Move Up"), "stages.move-up", stage->id);
      down = new_row_button ("go-down-symbolic", _("Move Down"), "stages.move-down", stage->id);
      gtk_widget_set_sensitive (up, i > 0);
      gtk_widget_set_sensitive (down, i + 1 < stages->len);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_row_button ("document-edit-symbolic", _("Rename"), "stages.rename", stage->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_row_button ("user-trash-symbolic", _("Remove"), "stages.remove", stage->id));
      add_drag_and_drop (self, row, stage->id);
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }

  g_clear_pointer (&self->stages, g_ptr_array_unref);
  self->stages = g_steal_pointer (&stages);
}

static gboolean
rebuild_cb (gpointer user_data)
{
  DgStagesDialog *self = user_data;

  self->rebuild_source = 0;
  rebuild (self);

  return G_SOURCE_REMOVE;
}

static void
on_stages_changed_cb (DgDatabase     *db,
                      const char     *table,
                      DgStagesDialog *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add (rebuild_cb, self);
}

static DgStage *
find_stage (DgStagesDialog *self,
            gint64          id,
            guint          *out_position)
{
  for (guint i = 0; self->stages != NULL && i < self->stages->len; i++)
    {
      DgStage *stage = g_ptr_array_index (self->stages, i);

      if (stage->id == id)
        {
          if (out_position != NULL)
            *out_position = i;
          return stage;
        }
    }

  return NULL;
}

static void
show_error (DgStagesDialog *self,
            const GError   *error)
{
  g_warning ("%s", error->message);
  adw_toast_overlay_add_toast (self->overlay, adw_toast_new (error->message));
}

static void
add_cb (const char *name,
        gpointer    user_data)
{
  DgStagesDialog *self = user_data;
  g_autoptr(DgStage) stage = dg_stage_new (self->journey_id, name);
  g_autoptr(GError) error = NULL;

  if (!dg_stages_insert (get_db (self), stage, &error))
    show_error (self, error);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  dg_journey_editor_ask_name (widget, G_OBJECT (widget), _("New Stage"),
                              _("It comes last; move it up to where it belongs."), NULL, _("Add"),
                              add_cb, widget);
}

typedef struct
{
  DgStagesDialog *self;
  gint64          id;
} RenameData;

static void
rename_cb (const char *name,
           gpointer    user_data)
{
  RenameData *data = user_data;
  DgStage *found = find_stage (data->self, data->id, NULL);
  g_autoptr(DgStage) stage = NULL;
  g_autoptr(GError) error = NULL;

  if (found == NULL)
    return;

  stage = dg_stage_copy (found);
  g_free (stage->name);
  stage->name = g_strdup (name);
  if (!dg_stages_update (get_db (data->self), stage, &error))
    show_error (data->self, error);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DgStagesDialog *self = DG_STAGES_DIALOG (widget);
  gint64 id = g_variant_get_int64 (parameter);
  DgStage *stage = find_stage (self, id, NULL);
  RenameData *data;
  GtkWidget *dialog;

  if (stage == NULL)
    return;

  data = g_new0 (RenameData, 1);
  data->self = self;
  data->id = id;
  dialog = dg_journey_editor_ask_name (widget, G_OBJECT (self), _("Rename Stage"), NULL, stage->name,
                                       _("Rename"), rename_cb, data);
  g_object_set_data_full (G_OBJECT (dialog), "dg-rename-data", data, g_free);
}

/* Puts stage @id where @target_id is, the stages between them shifting
 * by one. */
static void
move_to_place (DgStagesDialog *self,
               gint64          id,
               gint64          target_id)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  guint from, to;

  if (find_stage (self, id, &from) == NULL || find_stage (self, target_id, &to) == NULL || from == to)
    return;

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->stages->len);
  for (guint i = 0; i < self->stages->len; i++)
    {
      gint64 other = ((DgStage *) g_ptr_array_index (self->stages, i))->id;

      if (other != id)
        g_array_append_val (ids, other);
    }
  g_array_insert_val (ids, to, id);

  if (!dg_stages_reorder (get_db (self), self->journey_id, (const gint64 *) (gpointer) ids->data, ids->len,
                          &error))
    show_error (self, error);
}

static void
move (DgStagesDialog *self,
      gint64          id,
      int             step)
{
  guint position;

  if (find_stage (self, id, &position) == NULL ||
      (step < 0 && position == 0) || (step > 0 && position + 1 >= self->stages->len))
    return;

  move_to_place (self, id, ((DgStage *) g_ptr_array_index (self->stages, position + step))->id);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move (DG_STAGES_DIALOG (widget), g_variant_get_int64 (parameter), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move (DG_STAGES_DIALOG (widget), g_variant_get_int64 (parameter), 1);
}

typedef struct
{
  GWeakRef    dialog;
  DgBulkUndo *undo;
} RemoveUndo;

static void
remove_undo_free (gpointer data)
{
  RemoveUndo *undo = data;

  g_weak_ref_clear (&undo->dialog);
  g_clear_object (&undo->undo);
  g_free (undo);
}

static void
remove_undo_cb (gpointer user_data)
{
  RemoveUndo *undo = user_data;
  g_autoptr(DgStagesDialog) self = g_weak_ref_get (&undo->dialog);
  g_autoptr(GError) error = NULL;

  if (!dg_bulk_undo_apply (undo->undo, &error) && self != NULL)
    show_error (self, error);
}

static void
on_remove_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       DgStagesDialog   *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "dg-stage-id"));
  GArray *move_to_ids = g_object_get_data (G_OBJECT (dialog), MOVE_TO_KEY);
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  RemoveUndo *data;
  DgStage *stage;
  gint64 move_to = 0;

  if (g_strcmp0 (response, "remove") != 0)
    return;

  if (move_to_ids != NULL)
    {
      GtkDropDown *dropdown = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
      guint selected = gtk_drop_down_get_selected (dropdown);

      if (selected >= move_to_ids->len)
        return;
      move_to = g_array_index (move_to_ids, gint64, selected);
    }

  stage = find_stage (self, id, NULL);
  if (stage == NULL)
    return;
  /* Kept before the stage goes with the list's next rebuild. */
  escaped = g_markup_escape_text (stage->name, -1);

  undo = dg_stages_delete_with_undo (get_db (self), dg_context_get_clock (self->context), id, move_to, &error);
  if (undo == NULL)
    {
      show_error (self, error);
      return;
    }

  /* Translators: a toast after removing a stage of a journey; %s is its
   * name. */
  title = g_strdup_printf (_("Removed “%s”"), escaped);
  data = g_new0 (RemoveUndo, 1);
  g_weak_ref_init (&data->dialog, self);
  data->undo = g_steal_pointer (&undo);
  /* Its customers' history was rewritten: the Undo stays until the
   * window closes or the user dismisses it. */
  dg_toast_show_undo_until_left (adw_toast_overlay_get_child (self->overlay), title, remove_undo_cb, data,
                                 remove_undo_free);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DgStagesDialog *self = DG_STAGES_DIALOG (widget);
  gint64 id = g_variant_get_int64 (parameter);
  DgStage *stage = find_stage (self, id, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  guint count = 0;

  if (stage == NULL)
    return;
  if (!dg_stages_count_enrollments (get_db (self), id, &count, &error))
    {
      show_error (self, error);
      return;
    }
  if (count > 0 && self->stages->len < 2)
    {
      adw_toast_overlay_add_toast (self->overlay,
                                   adw_toast_new (_("The only stage holds customers; add another "
                                                    "stage to move them to first")));
      return;
    }

  /* Translators: the heading of the dialog that removes a stage of a
   * journey; %s is its name. */
  heading = g_strdup_printf (_("Remove “%s”?"), stage->name);
  if (count > 0)
    /* Translators: in the dialog that removes a stage; %u is how many
     * customers are in it. */
    body = g_strdup_printf (ngettext ("%u customer is in this stage. Choose the stage they move to; "
                                      "its figures count this stage's history as its own.",
                                      "%u customers are in this stage. Choose the stage they move to; "
                                      "its figures count this stage's history as its own.", count), count);
  else
    body = g_strdup (_("Its playbook and rules are removed with it."));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  g_object_set_data (G_OBJECT (dialog), "dg-stage-id", GSIZE_TO_POINTER ((gsize) id));
  if (count > 0)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      GtkWidget *dropdown;

      for (guint i = 0; i < self->stages->len; i++)
        {
          DgStage *other = g_ptr_array_index (self->stages, i);

          if (other->id == id)
            continue;
          gtk_string_list_append (names, other->name);
          g_array_append_val (ids, other->id);
        }
      dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Move the customers to"), -1);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), dropdown);
      g_object_set_data_full (G_OBJECT (dialog), MOVE_TO_KEY, ids, (GDestroyNotify) g_array_unref);
    }

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    "remove", count > 0 ? _("Move and Remove") : _("Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
dg_stages_dialog_dispose (GObject *object)
{
  DgStagesDialog *self = DG_STAGES_DIALOG (object);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (dg_stages_dialog_parent_class)->dispose (object);
}

static void
dg_stages_dialog_finalize (GObject *object)
{
  DgStagesDialog *self = DG_STAGES_DIALOG (object);

  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (dg_stages_dialog_parent_class)->finalize (object);
}

static void
dg_stages_dialog_class_init (DgStagesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_stages_dialog_dispose;
  object_class->finalize = dg_stages_dialog_finalize;

  gtk_widget_class_install_action (widget_class, "stages.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "stages.rename", "x", rename_action);
  gtk_widget_class_install_action (widget_class, "stages.move-up", "x", move_up_action);
  gtk_widget_class_install_action (widget_class, "stages.move-down", "x", move_down_action);
  gtk_widget_class_install_action (widget_class, "stages.remove", "x", remove_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dg_stages_dialog_init (DgStagesDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *add = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  self->rows = g_ptr_array_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Stages"));
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 560);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_description (self->group,
                                         _("Customers walk them from top to bottom: the board shows them "
                                           "left to right."));
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add Stage…"));
  gtk_button_set_child (GTK_BUTTON (add), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "stages.add");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "flat");
  adw_preferences_group_set_header_suffix (self->group, add);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->group);
  gtk_widget_set_vexpand (page, TRUE);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), page);
  self->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->overlay, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->overlay));
}

GtkWidget *
dg_stages_dialog_new (GtkWindow *parent,
                      DgContext *context,
                      gint64     journey_id)
{
  g_autoptr(DgJourney) journey = NULL;
  DgStagesDialog *self;

  g_return_val_if_fail (DG_IS_CONTEXT (context), NULL);

  self = g_object_new (DG_TYPE_STAGES_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->journey_id = journey_id;
  journey = dg_journeys_get (dg_context_get_database (context), journey_id, NULL);
  if (journey != NULL)
    adw_preferences_group_set_title (self->group, journey->name);
  g_signal_connect_object (dg_context_get_database (context), "changed::" DG_TABLE_STAGES,
                           G_CALLBACK (on_stages_changed_cb), self, 0);
  rebuild (self);

  return GTK_WIDGET (self);
}

guint
dg_stages_dialog_get_n_rows (DgStagesDialog *self)
{
  g_return_val_if_fail (DG_IS_STAGES_DIALOG (self), 0);

  return self->rows->len;
}

GtkWidget *
dg_stages_dialog_get_row (DgStagesDialog *self,
                          guint           position)
{
  g_return_val_if_fail (DG_IS_STAGES_DIALOG (self), NULL);
  g_return_val_if_fail (position < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, position);
}

const char *
dg_stages_dialog_get_row_title (DgStagesDialog *self,
                                guint           position)
{
  g_return_val_if_fail (DG_IS_STAGES_DIALOG (self), NULL);
  g_return_val_if_fail (position < self->rows->len, NULL);

  return adw_preferences_row_get_title (g_ptr_array_index (self->rows, position));
}
