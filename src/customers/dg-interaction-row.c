/* dg-interaction-row.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-interaction-row.h"
#include "dg-note-fold.h"

struct _DgInteractionRow
{
  GtkListBoxRow  parent_instance;

  DgInteraction *interaction;

  GtkImage      *channel_icon;
  GtkLabel      *channel_label;
  GtkLabel      *when_label;
  GtkLabel      *feedback_label;
  DgNoteFold    *summary_fold;
  GtkButton     *delete_contact_button;
};

G_DEFINE_FINAL_TYPE (DgInteractionRow, dg_interaction_row, GTK_TYPE_LIST_BOX_ROW)

const char *
dg_interaction_channel_icon_name (DgInteractionChannel channel)
{
  switch (channel)
    {
    case DG_INTERACTION_CHANNEL_CALL:
      return "call-start-symbolic";
    case DG_INTERACTION_CHANNEL_MESSAGE:
      return "chat-message-new-symbolic";
    case DG_INTERACTION_CHANNEL_EMAIL:
      return "mail-unread-symbolic";
    case DG_INTERACTION_CHANNEL_MEETING:
      return "system-users-symbolic";
    case DG_INTERACTION_CHANNEL_OTHER:
    default:
      return "view-more-horizontal-symbolic";
    }
}

static const char *
feedback_css_class (DgInteractionFeedback feedback)
{
  switch (feedback)
    {
    case DG_INTERACTION_FEEDBACK_POSITIVE:
      return "positive";
    case DG_INTERACTION_FEEDBACK_NEGATIVE:
      return "negative";
    case DG_INTERACTION_FEEDBACK_NEUTRAL:
    case DG_INTERACTION_FEEDBACK_NONE:
    default:
      return "neutral";
    }
}

static void
dg_interaction_row_fill (DgInteractionRow *self,
                         const char       *when_text)
{
  DgInteraction *interaction = self->interaction;
  DgInteractionChannel channel = dg_interaction_get_channel (interaction);
  DgInteractionFeedback feedback = dg_interaction_get_feedback (interaction);
  const char *summary = dg_interaction_get_summary (interaction);

  gtk_image_set_from_icon_name (self->channel_icon, dg_interaction_channel_icon_name (channel));
  gtk_label_set_text (self->channel_label, dg_interaction_channel_get_label (channel));
  gtk_label_set_text (self->when_label, when_text);

  if (feedback != DG_INTERACTION_FEEDBACK_NONE)
    {
      gtk_label_set_text (self->feedback_label, dg_interaction_feedback_get_label (feedback));
      gtk_widget_add_css_class (GTK_WIDGET (self->feedback_label), feedback_css_class (feedback));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_label), feedback != DG_INTERACTION_FEEDBACK_NONE);

  dg_note_fold_set_text (self->summary_fold, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_fold), *summary != '\0');

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_contact_button), "x",
                                    dg_interaction_get_id (interaction));
}

DgInteraction *
dg_interaction_row_get_interaction (DgInteractionRow *self)
{
  g_return_val_if_fail (DG_IS_INTERACTION_ROW (self), NULL);

  return self->interaction;
}

static void
dg_interaction_row_dispose (GObject *object)
{
  DgInteractionRow *self = (DgInteractionRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_INTERACTION_ROW);
  g_clear_object (&self->interaction);

  G_OBJECT_CLASS (dg_interaction_row_parent_class)->dispose (object);
}

static void
dg_interaction_row_class_init (DgInteractionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_interaction_row_dispose;

  g_type_ensure (DG_TYPE_NOTE_FOLD);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/customers/dg-interaction-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DgInteractionRow, channel_icon);
  gtk_widget_class_bind_template_child (widget_class, DgInteractionRow, channel_label);
  gtk_widget_class_bind_template_child (widget_class, DgInteractionRow, when_label);
  gtk_widget_class_bind_template_child (widget_class, DgInteractionRow, feedback_label);
  gtk_widget_class_bind_template_child (widget_class, DgInteractionRow, summary_fold);
  gtk_widget_class_bind_template_child (widget_class, DgInteractionRow, delete_contact_button);
}

static void
dg_interaction_row_init (DgInteractionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dg_interaction_row_new (DgInteraction *interaction,
                        const char    *when_text)
{
  DgInteractionRow *self;

  g_return_val_if_fail (DG_IS_INTERACTION (interaction), NULL);

  self = g_object_new (DG_TYPE_INTERACTION_ROW, NULL);
  self->interaction = g_object_ref (interaction);
  dg_interaction_row_fill (self, when_text ? when_text : "");

  return GTK_WIDGET (self);
}
