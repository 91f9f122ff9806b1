/* dg-field-row.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include "dg-field-row.h"

typedef struct
{
  GtkLabel *error_label;
  char     *error;
  char     *submit_action;
} DgFieldRowPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (DgFieldRow, dg_field_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_ERROR,
  PROP_SUBMIT_ACTION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

GtkWidget *
dg_field_row_new (void)
{
  return g_object_new (DG_TYPE_FIELD_ROW, NULL);
}

const char *
dg_field_row_get_error (DgFieldRow *self)
{
  DgFieldRowPrivate *priv = dg_field_row_get_instance_private (self);

  g_return_val_if_fail (DG_IS_FIELD_ROW (self), NULL);

  return priv->error;
}

/* The description goes on the text too, which is what has the focus and
 * what a screen reader speaks when the user reaches the field. */
static void
dg_field_row_update_accessible (DgFieldRow *self)
{
  DgFieldRowPrivate *priv = dg_field_row_get_instance_private (self);
  GtkAccessible *targets[] = {
    GTK_ACCESSIBLE (self),
    GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (self))),
  };

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      if (targets[i] == NULL)
        continue;

      if (priv->error != NULL)
        {
          gtk_accessible_update_property (targets[i], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, priv->error, -1);
          gtk_accessible_update_state (targets[i], GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
        }
      else
        {
          gtk_accessible_reset_property (targets[i], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
          gtk_accessible_reset_state (targets[i], GTK_ACCESSIBLE_STATE_INVALID);
        }
    }
}

void
dg_field_row_set_error (DgFieldRow *self,
                        const char *error)
{
  DgFieldRowPrivate *priv = dg_field_row_get_instance_private (self);

  g_return_if_fail (DG_IS_FIELD_ROW (self));

  if (error != NULL && *error == '\0')
    error = NULL;

  if (g_strcmp0 (priv->error, error) == 0)
    return;

  g_free (priv->error);
  priv->error = g_strdup (error);

  gtk_label_set_text (priv->error_label, error ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (priv->error_label), error != NULL);
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  dg_field_row_update_accessible (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ERROR]);
}

gboolean
dg_field_row_show_gerror (DgFieldRow   *self,
                          const GError *error)
{
  g_return_val_if_fail (DG_IS_FIELD_ROW (self), FALSE);

  dg_field_row_set_error (self, error ? error->message : NULL);

  return error != NULL;
}

const char *
dg_field_row_get_submit_action (DgFieldRow *self)
{
  DgFieldRowPrivate *priv = dg_field_row_get_instance_private (self);

  g_return_val_if_fail (DG_IS_FIELD_ROW (self), NULL);

  return priv->submit_action;
}

void
dg_field_row_set_submit_action (DgFieldRow *self,
                                const char *action_name)
{
  DgFieldRowPrivate *priv = dg_field_row_get_instance_private (self);

  g_return_if_fail (DG_IS_FIELD_ROW (self));

  if (g_strcmp0 (priv->submit_action, action_name) == 0)
    return;

  g_free (priv->submit_action);
  priv->submit_action = g_strdup (action_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUBMIT_ACTION]);
}

char *
dg_field_row_dup_trimmed_text (DgFieldRow *self)
{
  g_return_val_if_fail (DG_IS_FIELD_ROW (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
}

static void
dg_field_row_submit (DgFieldRow *self)
{
  DgFieldRowPrivate *priv = dg_field_row_get_instance_private (self);
  g_autofree char *name = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autoptr(GError) error = NULL;

  if (priv->submit_action == NULL)
    {
      gtk_widget_activate_action_variant (GTK_WIDGET (self), "default.activate", NULL);
      return;
    }

  if (!g_action_parse_detailed_name (priv->submit_action, &name, &target, &error))
    {
      g_warning ("Field row: bad submit action “%s”: %s", priv->submit_action, error->message);
      return;
    }

  if (!gtk_widget_activate_action_variant (GTK_WIDGET (self), name, target))
    g_debug ("Field row: no action “%s” to submit to", name);
}

static void
on_entry_activated_cb (DgFieldRow *self)
{
  dg_field_row_submit (self);
}

static gboolean
on_ctrl_enter_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  dg_field_row_submit (DG_FIELD_ROW (widget));

  return TRUE;
}

static void
dg_field_row_finalize (GObject *object)
{
  DgFieldRow *self = (DgFieldRow *)object;
  DgFieldRowPrivate *priv = dg_field_row_get_instance_private (self);

  g_free (priv->error);
  g_free (priv->submit_action);

  G_OBJECT_CLASS (dg_field_row_parent_class)->finalize (object);
}

static void
dg_field_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DgFieldRow *self = DG_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_ERROR:
      g_value_set_string (value, dg_field_row_get_error (self));
      break;

    case PROP_SUBMIT_ACTION:
      g_value_set_string (value, dg_field_row_get_submit_action (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_field_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  DgFieldRow *self = DG_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_ERROR:
      dg_field_row_set_error (self, g_value_get_string (value));
      break;

    case PROP_SUBMIT_ACTION:
      dg_field_row_set_submit_action (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_field_row_class_init (DgFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = dg_field_row_finalize;
  object_class->get_property = dg_field_row_get_property;
  object_class->set_property = dg_field_row_set_property;

  /**
   * DgFieldRow:error:
   *
   * What is wrong with the text, shown under it; NULL when nothing is.
   */
  properties [PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * DgFieldRow:submit-action:
   *
   * The detailed action that Enter and Ctrl+Enter activate; NULL for the
   * window's default widget.
   */
  properties [PROP_SUBMIT_ACTION] =
    g_param_spec_string ("submit-action", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Enter alone reaches the row as AdwEntryRow::entry-activated; the text
   * takes no Ctrl+Enter, so that one bubbles up to here. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, on_ctrl_enter_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, on_ctrl_enter_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_ISO_Enter, GDK_CONTROL_MASK, on_ctrl_enter_cb, NULL);
}

static void
dg_field_row_init (DgFieldRow *self)
{
  DgFieldRowPrivate *priv = dg_field_row_get_instance_private (self);
  g_autoptr(GtkWidget) header = NULL;
  GtkWidget *box;

  gtk_widget_add_css_class (GTK_WIDGET (self), "field-row");

  /* The message goes under the row's own content, inside the row, so the
   * row and its problem stay one item of the list for keyboard and screen
   * reader alike. */
  header = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self));
  g_object_ref (header);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);

  priv->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (priv->error_label, TRUE);
  gtk_label_set_wrap_mode (priv->error_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (priv->error_label, 0);
  gtk_widget_set_visible (GTK_WIDGET (priv->error_label), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (priv->error_label), "field-error");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (priv->error_label));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);

  g_signal_connect (self, "entry-activated", G_CALLBACK (on_entry_activated_cb), NULL);
}

void
dg_form_add_save_shortcut (GtkWidget  *form,
                           const char *action_name)
{
  GtkEventController *controller;
  GtkShortcut *shortcut;

  g_return_if_fail (GTK_IS_WIDGET (form));
  g_return_if_fail (action_name != NULL);

  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  shortcut = gtk_shortcut_new (gtk_alternative_trigger_new (gtk_shortcut_trigger_parse_string ("<Control>Return"),
                                                            gtk_shortcut_trigger_parse_string ("<Control>KP_Enter")),
                               gtk_named_action_new (action_name));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (form, controller);
}
