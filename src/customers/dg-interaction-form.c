/* dg-interaction-form.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dg-date-button.h"
#include "dg-field-row.h"
#include "dg-interaction-form.h"

/* The dropdowns list the enums in order; the feedback one starts with
 * "no feedback", which is DG_INTERACTION_FEEDBACK_NONE. */
G_STATIC_ASSERT (DG_INTERACTION_CHANNEL_CALL == 0);
G_STATIC_ASSERT (DG_INTERACTION_FEEDBACK_NONE == 0);

struct _DgInteractionForm
{
  GtkWidget    parent_instance;

  DgContext   *context;
  gint64       customer_id;

  GtkDropDown *channel_dropdown;
  DgFieldRow  *summary_entry;
  GtkDropDown *feedback_dropdown;
  DgFieldRow  *when_entry;
  DgDateButton *when_button;
  GtkButton   *log_button;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (DgInteractionForm, dg_interaction_form, GTK_TYPE_WIDGET)

enum {
  LOGGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* "HH:MM" as seconds into the day; -1 when it is not such a time. */
static int
parse_time_of_day (const char *text,
                   const char **end)
{
  int hours = 0, minutes = 0, digits = 0;
  const char *p = text;

  for (; g_ascii_isdigit (*p) && digits < 2; p++, digits++)
    hours = hours * 10 + (*p - '0');
  if (digits == 0 || *p != ':')
    return -1;
  p++;
  for (digits = 0; g_ascii_isdigit (*p) && digits < 2; p++, digits++)
    minutes = minutes * 10 + (*p - '0');
  if (digits != 2 || hours > 23 || minutes > 59)
    return -1;

  *end = p;

  return hours * 3600 + minutes * 60;
}

/* When the contact happened: now for an empty field, a time today, or a
 * day and a time, in the clock's zone; NULL when @text is none of these,
 * with the problem in @error when it is the day (such as "2026-02-30").
 * The day may be typed in any form dg_date_parse() reads, so "12/15 14:30",
 * "12월 15일 14:30" and "today 9:00" are all taken. */
static GDateTime *
dg_interaction_form_parse_when (DgInteractionForm  *self,
                                const char         *text,
                                GError            **error)
{
  DgClock *clock = dg_context_get_clock (self->context);
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (clock);
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (clock);
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  const char *time_part = stripped;
  const char *end = NULL;
  char *last_space;
  GDate today;
  GDate date;
  int seconds;

  if (*stripped == '\0')
    return g_steal_pointer (&now);

  dg_recurrence_local_date (now, tz, &today);
  date = today;

  last_space = strrchr (stripped, ' ');
  if (last_space != NULL)
    {
      *last_space = '\0';
      time_part = last_space + 1;
      if (dg_date_parse (stripped, &today, &date, error) != DG_DATE_PARSE_OK)
        return NULL;
    }

  seconds = parse_time_of_day (time_part, &end);
  if (seconds < 0 || *end != '\0')
    return NULL;

  return dg_recurrence_local_time (tz, &date, seconds);
}

static char *
dup_summary (DgInteractionForm *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->summary_entry))));
}

/* The contact the form describes, or NULL with the problem in @error and
 * the field to fix in @out_invalid. */
static DgInteraction *
dg_interaction_form_read (DgInteractionForm  *self,
                          GtkWidget         **out_invalid,
                          GError            **error)
{
  g_autoptr(DgInteraction) interaction = dg_interaction_new ();
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GError) date_error = NULL;
  g_autofree char *summary = dup_summary (self);
  DgClock *clock = dg_context_get_clock (self->context);

  when = dg_interaction_form_parse_when (self, gtk_editable_get_text (GTK_EDITABLE (self->when_entry)),
                                         &date_error);
  if (when == NULL)
    {
      *out_invalid = GTK_WIDGET (self->when_entry);
      if (date_error != NULL)
        g_propagate_error (error, g_steal_pointer (&date_error));
      else
        g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                             _("When: use HH:MM for a time today, or YYYY-MM-DD HH:MM"));
      return NULL;
    }

  dg_interaction_set_customer_id (interaction, self->customer_id);
  dg_interaction_set_channel (interaction, gtk_drop_down_get_selected (self->channel_dropdown));
  dg_interaction_set_feedback (interaction, gtk_drop_down_get_selected (self->feedback_dropdown));
  dg_interaction_set_summary (interaction, summary);
  dg_interaction_set_occurred_at (interaction, when);

  if (!dg_interaction_validate (interaction, clock, error))
    {
      g_autoptr(DgInteraction) at_now = dg_interaction_copy (interaction);
      g_autoptr(GDateTime) now = dg_clock_get_now_utc (clock);

      /* The core names the field in its message; the same contact logged
       * now tells which of the two entries it is about. */
      dg_interaction_set_occurred_at (at_now, now);
      *out_invalid = dg_interaction_validate (at_now, clock, NULL)
                       ? GTK_WIDGET (self->when_entry)
                       : GTK_WIDGET (self->summary_entry);
      return NULL;
    }

  return g_steal_pointer (&interaction);
}

/* A problem of a field goes under that field; one of the whole form
 * (writing failed) under the form. */
static void
dg_interaction_form_show_error (DgInteractionForm *self,
                                GtkWidget         *invalid,
                                const char        *message)
{
  gboolean for_form = message != NULL && invalid == NULL;

  dg_field_row_set_error (self->summary_entry,
                          invalid == GTK_WIDGET (self->summary_entry) ? message : NULL);
  dg_field_row_set_error (self->when_entry,
                          invalid == GTK_WIDGET (self->when_entry) ? message : NULL);

  gtk_label_set_text (self->error_label, for_form ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), for_form);
}

/* Checks the form as it is typed, so that a problem shows before Enter. */
static void
dg_interaction_form_check (DgInteractionForm *self)
{
  g_autoptr(DgInteraction) interaction = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *invalid = NULL;

  if (self->context == NULL || self->customer_id <= 0)
    return;

  interaction = dg_interaction_form_read (self, &invalid, &error);
  dg_interaction_form_show_error (self, invalid, error ? error->message : NULL);
}

void
dg_interaction_form_clear (DgInteractionForm *self)
{
  g_return_if_fail (DG_IS_INTERACTION_FORM (self));

  gtk_editable_set_text (GTK_EDITABLE (self->summary_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->when_entry), "");
  gtk_drop_down_set_selected (self->feedback_dropdown, DG_INTERACTION_FEEDBACK_NONE);
  dg_interaction_form_show_error (self, NULL, NULL);
}

gboolean
dg_interaction_form_log (DgInteractionForm *self)
{
  g_autoptr(DgInteraction) interaction = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *invalid = NULL;

  g_return_val_if_fail (DG_IS_INTERACTION_FORM (self), FALSE);

  if (self->context == NULL || self->customer_id <= 0)
    return FALSE;

  interaction = dg_interaction_form_read (self, &invalid, &error);
  if (interaction == NULL)
    {
      dg_interaction_form_show_error (self, invalid, error->message);
      gtk_widget_grab_focus (invalid);
      return FALSE;
    }

  if (!dg_interactions_insert (dg_context_get_database (self->context),
                               dg_context_get_clock (self->context),
                               interaction, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: shown under the "Log contact" form when writing
       * failed; %s is the reason, a full sentence. */
      message = g_strdup_printf (_("The contact could not be logged. %s"), error->message);
      dg_interaction_form_show_error (self, NULL, message);
      return FALSE;
    }

  /* The channel stays: the next contact is often of the same kind. */
  dg_interaction_form_clear (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->summary_entry));

  g_signal_emit (self, signals [LOGGED], 0, interaction);

  return TRUE;
}

static void
on_field_changed_cb (GtkEditable       *editable,
                     DgInteractionForm *self)
{
  dg_interaction_form_check (self);
}

static void
log_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  dg_interaction_form_log (DG_INTERACTION_FORM (widget));
}

static void
dg_interaction_form_update_sensitive (DgInteractionForm *self)
{
  gboolean usable = self->context != NULL && self->customer_id > 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self), usable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact-form.log", usable);
}

void
dg_interaction_form_set_context (DgInteractionForm *self,
                                 DgContext         *context)
{
  g_return_if_fail (DG_IS_INTERACTION_FORM (self));
  g_return_if_fail (!context || DG_IS_CONTEXT (context));

  g_set_object (&self->context, context);
  dg_date_button_set_clock (self->when_button, context ? dg_context_get_clock (context) : NULL);
  dg_interaction_form_update_sensitive (self);
}

void
dg_interaction_form_set_customer_id (DgInteractionForm *self,
                                     gint64             customer_id)
{
  g_return_if_fail (DG_IS_INTERACTION_FORM (self));

  if (self->customer_id == customer_id)
    return;

  self->customer_id = customer_id;
  dg_interaction_form_clear (self);
  gtk_drop_down_set_selected (self->channel_dropdown, DG_INTERACTION_CHANNEL_CALL);
  dg_interaction_form_update_sensitive (self);
}

static void
dg_interaction_form_dispose (GObject *object)
{
  DgInteractionForm *self = (DgInteractionForm *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_INTERACTION_FORM);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (dg_interaction_form_parent_class)->dispose (object);
}

static void
dg_interaction_form_class_init (DgInteractionFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_interaction_form_dispose;

  /**
   * DgInteractionForm::logged:
   * @interaction: the contact as written, with its id
   *
   * Emitted after a contact was logged.
   */
  signals [LOGGED] =
    g_signal_new ("logged",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, DG_TYPE_INTERACTION);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (DG_TYPE_FIELD_ROW);
  g_type_ensure (DG_TYPE_DATE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/customers/dg-interaction-form.ui");
  gtk_widget_class_bind_template_child (widget_class, DgInteractionForm, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DgInteractionForm, summary_entry);
  gtk_widget_class_bind_template_child (widget_class, DgInteractionForm, feedback_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DgInteractionForm, when_entry);
  gtk_widget_class_bind_template_child (widget_class, DgInteractionForm, when_button);
  gtk_widget_class_bind_template_child (widget_class, DgInteractionForm, log_button);
  gtk_widget_class_bind_template_child (widget_class, DgInteractionForm, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);

  gtk_widget_class_install_action (widget_class, "contact-form.log", NULL, log_action);
}

static void
dg_interaction_form_init (DgInteractionForm *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) feedbacks = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  dg_date_button_bind (self->when_button, self->when_entry, DG_DATE_BUTTON_DATE_AND_TIME, NULL);

  /* The labels are the core's, so they read the same in the timeline. */
  for (int channel = DG_INTERACTION_CHANNEL_CALL; channel <= DG_INTERACTION_CHANNEL_OTHER; channel++)
    gtk_string_list_append (channels, dg_interaction_channel_get_label (channel));
  gtk_drop_down_set_model (self->channel_dropdown, G_LIST_MODEL (channels));

  /* Translators: the choice in the "Log contact" form for a contact
   * logged without saying how it went. */
  gtk_string_list_append (feedbacks, _("No Feedback"));
  for (int feedback = DG_INTERACTION_FEEDBACK_POSITIVE; feedback <= DG_INTERACTION_FEEDBACK_NEGATIVE; feedback++)
    gtk_string_list_append (feedbacks, dg_interaction_feedback_get_label (feedback));
  gtk_drop_down_set_model (self->feedback_dropdown, G_LIST_MODEL (feedbacks));

  dg_interaction_form_update_sensitive (self);
}
