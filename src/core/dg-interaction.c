/* dg-interaction.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-error.h"
#include "dg-interaction.h"
#include "dg-record-private.h"

#define SUMMARY_MAX_CHARS 20000
/* A contact logged a little ahead of the clock (a form filled in while the
 * call still ran) is not a mistake. */
#define FUTURE_SLACK_SECONDS 300

struct _DgInteraction
{
  DgRecord               parent_instance;

  gint64                 customer_id;
  GDateTime             *occurred_at;
  char                  *summary;
  DgInteractionChannel   channel;
  DgInteractionFeedback  feedback;
};

G_DEFINE_FINAL_TYPE (DgInteraction, dg_interaction, DG_TYPE_RECORD)

G_DEFINE_ENUM_TYPE (DgInteractionChannel, dg_interaction_channel,
                    G_DEFINE_ENUM_VALUE (DG_INTERACTION_CHANNEL_CALL, "call"),
                    G_DEFINE_ENUM_VALUE (DG_INTERACTION_CHANNEL_MESSAGE, "message"),
                    G_DEFINE_ENUM_VALUE (DG_INTERACTION_CHANNEL_EMAIL, "email"),
                    G_DEFINE_ENUM_VALUE (DG_INTERACTION_CHANNEL_MEETING, "meeting"),
                    G_DEFINE_ENUM_VALUE (DG_INTERACTION_CHANNEL_OTHER, "other"))

G_DEFINE_ENUM_TYPE (DgInteractionFeedback, dg_interaction_feedback,
                    G_DEFINE_ENUM_VALUE (DG_INTERACTION_FEEDBACK_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (DG_INTERACTION_FEEDBACK_POSITIVE, "positive"),
                    G_DEFINE_ENUM_VALUE (DG_INTERACTION_FEEDBACK_NEUTRAL, "neutral"),
                    G_DEFINE_ENUM_VALUE (DG_INTERACTION_FEEDBACK_NEGATIVE, "negative"))

enum {
  PROP_0,
  PROP_CUSTOMER_ID,
  PROP_OCCURRED_AT,
  PROP_CHANNEL,
  PROP_SUMMARY,
  PROP_FEEDBACK,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char * const channel_names[] = { "call", "message", "email", "meeting", "other" };
static const char * const feedback_names[] = { NULL, "positive", "neutral", "negative" };

const char *
dg_interaction_channel_to_string (DgInteractionChannel channel)
{
  g_return_val_if_fail (channel <= DG_INTERACTION_CHANNEL_OTHER, "other");

  return channel_names[channel];
}

gboolean
dg_interaction_channel_from_string (const char           *text,
                                    DgInteractionChannel *out_channel)
{
  for (guint i = 0; i < G_N_ELEMENTS (channel_names); i++)
    {
      if (g_strcmp0 (text, channel_names[i]) == 0)
        {
          *out_channel = (DgInteractionChannel) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
dg_interaction_channel_get_label (DgInteractionChannel channel)
{
  switch (channel)
    {
    case DG_INTERACTION_CHANNEL_CALL:
      return C_("interaction channel", "Call");

    case DG_INTERACTION_CHANNEL_MESSAGE:
      return C_("interaction channel", "Message");

    case DG_INTERACTION_CHANNEL_EMAIL:
      return C_("interaction channel", "Email");

    case DG_INTERACTION_CHANNEL_MEETING:
      return C_("interaction channel", "Meeting");

    case DG_INTERACTION_CHANNEL_OTHER:
    default:
      return C_("interaction channel", "Other");
    }
}

const char *
dg_interaction_feedback_to_string (DgInteractionFeedback feedback)
{
  g_return_val_if_fail (feedback <= DG_INTERACTION_FEEDBACK_NEGATIVE, NULL);

  return feedback_names[feedback];
}

gboolean
dg_interaction_feedback_from_string (const char            *text,
                                     DgInteractionFeedback *out_feedback)
{
  for (guint i = 0; i < G_N_ELEMENTS (feedback_names); i++)
    {
      if (g_strcmp0 (text, feedback_names[i]) == 0)
        {
          *out_feedback = (DgInteractionFeedback) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
dg_interaction_feedback_get_label (DgInteractionFeedback feedback)
{
  switch (feedback)
    {
    case DG_INTERACTION_FEEDBACK_POSITIVE:
      return C_("interaction feedback", "Positive");

    case DG_INTERACTION_FEEDBACK_NEUTRAL:
      return C_("interaction feedback", "Neutral");

    case DG_INTERACTION_FEEDBACK_NEGATIVE:
      return C_("interaction feedback", "Negative");

    case DG_INTERACTION_FEEDBACK_NONE:
    default:
      return "";
    }
}

static void
dg_interaction_finalize (GObject *object)
{
  DgInteraction *self = (DgInteraction *)object;

  g_clear_pointer (&self->occurred_at, g_date_time_unref);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (dg_interaction_parent_class)->finalize (object);
}

static void
dg_interaction_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DgInteraction *self = DG_INTERACTION (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_OCCURRED_AT:
      g_value_set_boxed (value, self->occurred_at);
      break;

    case PROP_CHANNEL:
      g_value_set_enum (value, self->channel);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_FEEDBACK:
      g_value_set_enum (value, self->feedback);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_interaction_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DgInteraction *self = DG_INTERACTION (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER_ID:
      dg_interaction_set_customer_id (self, g_value_get_int64 (value));
      break;

    case PROP_OCCURRED_AT:
      dg_interaction_set_occurred_at (self, g_value_get_boxed (value));
      break;

    case PROP_CHANNEL:
      dg_interaction_set_channel (self, g_value_get_enum (value));
      break;

    case PROP_SUMMARY:
      dg_interaction_set_summary (self, g_value_get_string (value));
      break;

    case PROP_FEEDBACK:
      dg_interaction_set_feedback (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_interaction_class_init (DgInteractionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dg_interaction_finalize;
  object_class->get_property = dg_interaction_get_property;
  object_class->set_property = dg_interaction_set_property;

  properties [PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_OCCURRED_AT] = dg_record_time_property ("occurred-at");

  properties [PROP_CHANNEL] =
    g_param_spec_enum ("channel", NULL, NULL,
                       DG_TYPE_INTERACTION_CHANNEL,
                       DG_INTERACTION_CHANNEL_CALL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SUMMARY] = dg_record_string_property ("summary", "");

  properties [PROP_FEEDBACK] =
    g_param_spec_enum ("feedback", NULL, NULL,
                       DG_TYPE_INTERACTION_FEEDBACK,
                       DG_INTERACTION_FEEDBACK_NONE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dg_interaction_init (DgInteraction *self)
{
  self->summary = g_strdup ("");
  self->channel = DG_INTERACTION_CHANNEL_CALL;
  self->feedback = DG_INTERACTION_FEEDBACK_NONE;
}

DgInteraction *
dg_interaction_new (void)
{
  return g_object_new (DG_TYPE_INTERACTION, NULL);
}

DG_RECORD_DEFINE_ACCESSORS (DgInteraction, dg_interaction)

DG_RECORD_DEFINE_ID_FIELD (DgInteraction, dg_interaction, DG_IS_INTERACTION, customer_id, PROP_CUSTOMER_ID)
DG_RECORD_DEFINE_TIME_FIELD (DgInteraction, dg_interaction, DG_IS_INTERACTION, occurred_at, PROP_OCCURRED_AT)
DG_RECORD_DEFINE_TEXT_FIELD (DgInteraction, dg_interaction, DG_IS_INTERACTION, summary, PROP_SUMMARY, FALSE)

DgInteractionChannel
dg_interaction_get_channel (DgInteraction *self)
{
  g_return_val_if_fail (DG_IS_INTERACTION (self), DG_INTERACTION_CHANNEL_OTHER);

  return self->channel;
}

void
dg_interaction_set_channel (DgInteraction        *self,
                            DgInteractionChannel  channel)
{
  g_return_if_fail (DG_IS_INTERACTION (self));
  g_return_if_fail (channel <= DG_INTERACTION_CHANNEL_OTHER);

  if (self->channel != channel)
    {
      self->channel = channel;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHANNEL]);
    }
}

DgInteractionFeedback
dg_interaction_get_feedback (DgInteraction *self)
{
  g_return_val_if_fail (DG_IS_INTERACTION (self), DG_INTERACTION_FEEDBACK_NONE);

  return self->feedback;
}

void
dg_interaction_set_feedback (DgInteraction         *self,
                             DgInteractionFeedback  feedback)
{
  g_return_if_fail (DG_IS_INTERACTION (self));
  g_return_if_fail (feedback <= DG_INTERACTION_FEEDBACK_NEGATIVE);

  if (self->feedback != feedback)
    {
      self->feedback = feedback;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FEEDBACK]);
    }
}

gboolean
dg_interaction_validate (DgInteraction  *self,
                         DgClock        *clock,
                         GError        **error)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (DG_IS_INTERACTION (self), FALSE);
  g_return_val_if_fail (DG_IS_CLOCK (clock), FALSE);

  if (self->customer_id <= 0)
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                           _("Customer: choose who you were in touch with"));
      return FALSE;
    }

  if (self->occurred_at == NULL)
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                           _("When: choose when you were in touch"));
      return FALSE;
    }

  now = dg_clock_get_now_utc (clock);
  if (g_date_time_difference (self->occurred_at, now) > FUTURE_SLACK_SECONDS * G_TIME_SPAN_SECOND)
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                           _("When: this is in the future; "
                             "plan a contact that is still to come as a follow-up"));
      return FALSE;
    }

  if (self->channel > DG_INTERACTION_CHANNEL_OTHER)
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                           _("Channel: choose call, message, email, meeting or other"));
      return FALSE;
    }

  if (g_utf8_strlen (self->summary, -1) > SUMMARY_MAX_CHARS)
    {
      g_set_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                   _("Summary: use at most %d characters"), SUMMARY_MAX_CHARS);
      return FALSE;
    }

  return TRUE;
}
