/* dg-followup-editor.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-customer-picker.h"
#include "dg-date-button.h"
#include "dg-field-row.h"
#include "dg-followup-delete.h"
#include "dg-followup-editor.h"

/* The positions of the Repeat choices in the .ui, in DgRecurrenceUnit
 * order. */
G_STATIC_ASSERT (DG_RECURRENCE_NONE == 0);
G_STATIC_ASSERT (DG_RECURRENCE_DAYS == 1);
G_STATIC_ASSERT (DG_RECURRENCE_WEEKS == 2);
G_STATIC_ASSERT (DG_RECURRENCE_MONTHS == 3);

struct _DgFollowupEditor
{
  AdwWindow       parent_instance;

  DgContext      *context;
  /* What the form holds; validated and written on Save. Its id says
   * whether it is added (0) or changed. */
  DgFollowup     *followup;
  /* The follow-up as given, and the day and time the form showed for it:
   * a due left as it was is kept to the second. */
  DgFollowup     *original;
  char           *filled_date;
  char           *filled_time;
  gboolean        filled_all_day;

  AdwWindowTitle *window_title;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  DgCustomerPicker *customer_picker;
  DgFieldRow     *title_row;
  DgFieldRow     *date_row;
  GtkWidget      *date_hint;
  DgDateButton   *date_button;
  GtkSwitch      *all_day_switch;
  DgFieldRow     *time_row;
  AdwComboRow    *repeat_row;
  GtkWidget      *interval_row;
  GtkSpinButton  *interval_spin;
  GtkLabel       *interval_unit_label;
  GtkWidget      *recurrence_error_row;
  GtkLabel       *recurrence_error;
  GtkWidget      *keep_in_touch_row;
  GtkSwitch      *keep_in_touch_switch;
  GtkWidget      *keep_in_touch_error_row;
  GtkWidget      *delete_group;
  GtkLabel       *keep_in_touch_error;
  GtkWidget      *note_frame;
  GtkTextView    *note_view;
  GtkLabel       *note_error;
};

G_DEFINE_FINAL_TYPE (DgFollowupEditor, dg_followup_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static char *
dup_trimmed (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}

/* "H:MM" or "HH:MM" on a 24-hour clock, as seconds into the day; -1 when
 * @text is not such a time. */
static int
parse_time_of_day (const char *text)
{
  int hours = 0, minutes = 0;
  const char *p = text;
  int digits = 0;

  for (; g_ascii_isdigit (*p) && digits < 2; p++, digits++)
    hours = hours * 10 + (*p - '0');
  if (digits == 0 || *p != ':')
    return -1;
  p++;

  for (digits = 0; g_ascii_isdigit (*p) && digits < 2; p++, digits++)
    minutes = minutes * 10 + (*p - '0');
  if (digits != 2 || *p != '\0' || hours > 23 || minutes > 59)
    return -1;

  return hours * 3600 + minutes * 60;
}

/* The interval as typed; 0, which the core refuses, for anything that is
 * not a whole number, so the problem shows while typing. */
static guint
dg_followup_editor_get_interval (DgFollowupEditor *self)
{
  g_autofree char *text = dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->interval_spin)));
  guint64 value = 0;

  if (*text == '\0' || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &value, NULL))
    return 0;

  return (guint)value;
}

static DgRecurrenceUnit
dg_followup_editor_get_unit (DgFollowupEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->repeat_row);

  return selected <= DG_RECURRENCE_MONTHS ? (DgRecurrenceUnit)selected : DG_RECURRENCE_NONE;
}

static char *
dg_followup_editor_dup_note (DgFollowupEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
dg_followup_editor_due_is_unchanged (DgFollowupEditor *self,
                                     const char       *date_text,
                                     const char       *time_text)
{
  gboolean all_day = gtk_switch_get_active (self->all_day_switch);

  if (dg_followup_get_due_at (self->original) == NULL &&
      dg_followup_get_due_date (self->original) == NULL)
    return FALSE;

  return all_day == self->filled_all_day &&
         g_strcmp0 (date_text, self->filled_date) == 0 &&
         (all_day || g_strcmp0 (time_text, self->filled_time) == 0);
}

/* Reads the day and time into the working follow-up. A day or a time
 * that is not one is found here and returned as the problem, with
 * @out_time_wrong telling which (the follow-up is then left as it was, or
 * due on the day alone); the core checks the rest. The day may be typed
 * in any form dg_date_parse() reads, such as 12/15 or "tomorrow". */
static GError *
dg_followup_editor_read_due (DgFollowupEditor *self,
                             gboolean         *out_time_wrong)
{
  g_autofree char *date_text = dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  g_autofree char *time_text = NULL;
  g_autofree char *iso = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) due_at = NULL;
  g_autoptr(GDateTime) now_utc = NULL;
  GError *error = NULL;
  GDate today;
  GDate date;
  int seconds;

  *out_time_wrong = FALSE;
  time_text = dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->time_row)));

  if (dg_followup_editor_due_is_unchanged (self, date_text, time_text))
    {
      if (dg_followup_get_due_at (self->original) != NULL)
        dg_followup_set_due_at (self->followup, dg_followup_get_due_at (self->original));
      else
        dg_followup_set_due_date (self->followup, dg_followup_get_due_date (self->original));
      return NULL;
    }

  if (*date_text == '\0')
    {
      dg_followup_set_due_at (self->followup, NULL);
      return NULL;
    }

  tz = dg_clock_dup_time_zone (dg_context_get_clock (self->context));
  now_utc = dg_clock_get_now_utc (dg_context_get_clock (self->context));
  dg_recurrence_local_date (now_utc, tz, &today);
  if (dg_date_parse (date_text, &today, &date, &error) != DG_DATE_PARSE_OK)
    return error;

  iso = dg_date_format_iso (&date);
  if (gtk_switch_get_active (self->all_day_switch))
    {
      dg_followup_set_due_date (self->followup, iso);
      return NULL;
    }

  seconds = parse_time_of_day (time_text);
  if (seconds < 0)
    {
      dg_followup_set_due_date (self->followup, iso);
      *out_time_wrong = TRUE;
      if (*time_text == '\0')
        return g_error_new_literal (DG_ERROR, DG_ERROR_INVALID_FIELD,
                                    _("Due: enter a time such as 14:30, or make it all day"));
      return g_error_new (DG_ERROR, DG_ERROR_INVALID_FIELD,
                          /* Translators: %s is the time as typed. */
                          _("Due: “%s” is not a time (use HH:MM, such as 14:30)"), time_text);
    }

  due_at = dg_recurrence_local_time (tz, &date, seconds);
  dg_followup_set_due_at (self->followup, due_at);

  return NULL;
}

/* For the fields that are not field rows (the repeat, keep in touch and
 * the note), whose message is a widget of its own. */
static void
show_field_error (GtkWidget    *field_widget,
                  GtkWidget    *error_widget,
                  GtkLabel     *error_label,
                  const GError *error)
{
  if (error != NULL)
    {
      gtk_label_set_text (error_label, error->message);
      gtk_widget_add_css_class (field_widget, "error");
    }
  else
    {
      gtk_widget_remove_css_class (field_widget, "error");
    }

  gtk_widget_set_visible (error_widget, error != NULL);
}

/* Reads and checks one field, shows or hides its message, and returns the
 * widget to focus when it is invalid. */
static GtkWidget *
dg_followup_editor_check_field (DgFollowupEditor *self,
                                DgFollowupField   field)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  switch (field)
    {
    case DG_FOLLOWUP_FIELD_TITLE:
      text = dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
      dg_followup_set_title (self->followup, text);
      dg_followup_validate_field (self->followup, field, &error);
      return dg_field_row_show_gerror (self->title_row, error) ? GTK_WIDGET (self->title_row) : NULL;

    case DG_FOLLOWUP_FIELD_NOTE:
      text = dg_followup_editor_dup_note (self);
      dg_followup_set_note (self->followup, text);
      dg_followup_validate_field (self->followup, field, &error);
      show_field_error (self->note_frame, GTK_WIDGET (self->note_error), self->note_error, error);
      return error ? GTK_WIDGET (self->note_view) : NULL;

    case DG_FOLLOWUP_FIELD_DUE:
      {
        gboolean time_wrong = FALSE;
        GError *read_error = dg_followup_editor_read_due (self, &time_wrong);

        if (read_error != NULL)
          error = read_error;
        else
          dg_followup_validate_field (self->followup, field, &error);

        /* Only one of the two rows is marked, the one to fix. */
        dg_field_row_show_gerror (time_wrong ? self->time_row : self->date_row, error);
        dg_field_row_set_error (time_wrong ? self->date_row : self->time_row, NULL);

        if (error == NULL)
          return NULL;
        return GTK_WIDGET (time_wrong ? self->time_row : self->date_row);
      }

    case DG_FOLLOWUP_FIELD_RECURRENCE:
      dg_followup_set_recurrence (self->followup, dg_followup_editor_get_unit (self));
      dg_followup_set_recurrence_interval (self->followup, dg_followup_editor_get_interval (self));
      dg_followup_validate_field (self->followup, field, &error);
      show_field_error (GTK_WIDGET (self->interval_spin), self->recurrence_error_row,
                        self->recurrence_error, error);
      return error ? GTK_WIDGET (self->interval_spin) : NULL;

    case DG_FOLLOWUP_FIELD_KEEP_IN_TOUCH:
      dg_followup_set_keep_in_touch (self->followup, gtk_switch_get_active (self->keep_in_touch_switch));
      dg_followup_validate_field (self->followup, field, &error);
      show_field_error (self->keep_in_touch_row, self->keep_in_touch_error_row,
                        self->keep_in_touch_error, error);
      return error ? GTK_WIDGET (self->keep_in_touch_switch) : NULL;

    case DG_FOLLOWUP_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Shows only the rows that mean something for what is chosen. */
static void
dg_followup_editor_update_rows (DgFollowupEditor *self)
{
  DgRecurrenceUnit unit = dg_followup_editor_get_unit (self);
  guint interval = dg_followup_editor_get_interval (self);
  gboolean has_customer = dg_followup_get_customer_id (self->followup) > 0;
  const char *unit_text = "";

  gtk_widget_set_visible (GTK_WIDGET (self->time_row), !gtk_switch_get_active (self->all_day_switch));
  gtk_widget_set_visible (self->interval_row, unit != DG_RECURRENCE_NONE);

  switch (unit)
    {
    case DG_RECURRENCE_DAYS:
      /* Translators: after “Every” and a number in the Repeat section. */
      unit_text = g_dngettext (GETTEXT_PACKAGE, "day", "days", interval);
      break;

    case DG_RECURRENCE_WEEKS:
      /* Translators: after “Every” and a number in the Repeat section. */
      unit_text = g_dngettext (GETTEXT_PACKAGE, "week", "weeks", interval);
      break;

    case DG_RECURRENCE_MONTHS:
      /* Translators: after “Every” and a number in the Repeat section. */
      unit_text = g_dngettext (GETTEXT_PACKAGE, "month", "months", interval);
      break;

    case DG_RECURRENCE_NONE:
    default:
      break;
    }
  gtk_label_set_text (self->interval_unit_label, unit_text);

  /* Keeping in touch needs a customer; a switch left on without one stays
   * usable so that it can be turned off. */
  gtk_widget_set_sensitive (self->keep_in_touch_row,
                            has_customer || gtk_switch_get_active (self->keep_in_touch_switch));
}

static void
on_customer_id_cb (DgCustomerPicker *picker,
                   GParamSpec       *pspec,
                   DgFollowupEditor *self)
{
  const char *name = dg_customer_picker_get_customer_name (picker);

  dg_followup_set_customer_id (self->followup, dg_customer_picker_get_customer_id (picker));
  dg_followup_set_customer_name (self->followup, name);
  adw_window_title_set_subtitle (self->window_title, name);

  dg_followup_editor_update_rows (self);
  /* Keeping in touch needs a customer: its message follows the choice. */
  if (gtk_switch_get_active (self->keep_in_touch_switch))
    dg_followup_editor_check_field (self, DG_FOLLOWUP_FIELD_KEEP_IN_TOUCH);
}

static void
on_title_changed_cb (GtkEditable      *editable,
                     DgFollowupEditor *self)
{
  dg_followup_editor_check_field (self, DG_FOLLOWUP_FIELD_TITLE);
}

static void
on_due_changed_cb (GtkEditable      *editable,
                   DgFollowupEditor *self)
{
  dg_followup_editor_check_field (self, DG_FOLLOWUP_FIELD_DUE);
}

/* A time proposed when an all-day follow-up gets one: the next full hour
 * when it is due today and that hour is still today, else 09:00. */
static char *
dg_followup_editor_propose_time (DgFollowupEditor *self)
{
  g_autoptr(GDateTime) now = dg_clock_get_now_local (dg_context_get_clock (self->context));
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *date_text = dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  int hour = g_date_time_get_hour (now) + 1;

  if (g_strcmp0 (today, date_text) == 0 && hour <= 23)
    return g_strdup_printf ("%02d:00", hour);

  return g_strdup ("09:00");
}

static void
on_all_day_active_cb (GtkSwitch        *all_day_switch,
                      GParamSpec       *pspec,
                      DgFollowupEditor *self)
{
  const char *time_text = gtk_editable_get_text (GTK_EDITABLE (self->time_row));

  if (!gtk_switch_get_active (all_day_switch) && *time_text == '\0')
    {
      g_autofree char *proposed = dg_followup_editor_propose_time (self);

      /* Setting the text checks the due by itself. */
      gtk_editable_set_text (GTK_EDITABLE (self->time_row), proposed);
    }

  dg_followup_editor_update_rows (self);
  dg_followup_editor_check_field (self, DG_FOLLOWUP_FIELD_DUE);
}

static void
dg_followup_editor_repeat_changed (DgFollowupEditor *self)
{
  dg_followup_editor_update_rows (self);
  dg_followup_editor_check_field (self, DG_FOLLOWUP_FIELD_RECURRENCE);
  /* Keeping in touch needs a repeat: its message follows the choice. */
  if (gtk_switch_get_active (self->keep_in_touch_switch))
    dg_followup_editor_check_field (self, DG_FOLLOWUP_FIELD_KEEP_IN_TOUCH);
}

static void
on_repeat_selected_cb (AdwComboRow      *row,
                       GParamSpec       *pspec,
                       DgFollowupEditor *self)
{
  dg_followup_editor_repeat_changed (self);
}

static void
on_interval_changed_cb (GtkEditable      *editable,
                        DgFollowupEditor *self)
{
  dg_followup_editor_repeat_changed (self);
}

static void
on_keep_in_touch_active_cb (GtkSwitch        *keep_in_touch_switch,
                            GParamSpec       *pspec,
                            DgFollowupEditor *self)
{
  dg_followup_editor_update_rows (self);
  dg_followup_editor_check_field (self, DG_FOLLOWUP_FIELD_KEEP_IN_TOUCH);
}

static void
on_note_buffer_changed_cb (GtkTextBuffer    *buffer,
                           DgFollowupEditor *self)
{
  dg_followup_editor_check_field (self, DG_FOLLOWUP_FIELD_NOTE);
}

static void
dg_followup_editor_show_error (DgFollowupEditor *self,
                               const char       *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

gboolean
dg_followup_editor_save (DgFollowupEditor *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *first_invalid = NULL;
  DgDatabase *database;
  DgClock *clock;
  gboolean saved;

  g_return_val_if_fail (DG_IS_FOLLOWUP_EDITOR (self), FALSE);

  dg_followup_editor_show_error (self, NULL);

  if (!dg_customer_picker_check (self->customer_picker))
    first_invalid = GTK_WIDGET (self->customer_picker);

  for (guint field = 0; field < DG_FOLLOWUP_N_FIELDS; field++)
    {
      GtkWidget *invalid = dg_followup_editor_check_field (self, field);

      if (first_invalid == NULL)
        first_invalid = invalid;
    }

  if (first_invalid != NULL)
    {
      gtk_widget_grab_focus (first_invalid);
      return FALSE;
    }

  database = dg_context_get_database (self->context);
  clock = dg_context_get_clock (self->context);

  if (dg_followup_get_id (self->followup) == 0)
    saved = dg_followups_insert (database, clock, self->followup, &error);
  else
    saved = dg_followups_update (database, clock, self->followup, &error);

  if (!saved)
    {
      g_autofree char *message = NULL;

      /* Translators: shown in the follow-up form when writing failed; %s
       * is the reason, a full sentence. */
      message = g_strdup_printf (_("The follow-up could not be saved. %s"), error->message);
      dg_followup_editor_show_error (self, message);
      return FALSE;
    }

  g_signal_emit (self, signals [SAVED], 0, self->followup);
  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}

static void
dg_followup_editor_save_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  dg_followup_editor_save (DG_FOLLOWUP_EDITOR (widget));
}

/* Deleting is asked over the editor; the editor closes once it is done and
 * the Undo toast shows in the window below. */
static void
dg_followup_editor_delete_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  DgFollowupEditor *self = DG_FOLLOWUP_EDITOR (widget);

  dg_followup_delete_ask (GTK_WINDOW (self), gtk_window_get_transient_for (GTK_WINDOW (self)),
                          self->context, self->original, GTK_WINDOW (self));
}

static void
dg_followup_editor_fill (DgFollowupEditor *self)
{
  DgFollowup *followup = self->followup;
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (dg_context_get_clock (self->context));
  g_autofree char *date_text = NULL;
  g_autofree char *time_text = NULL;
  GDateTime *due_at = dg_followup_get_due_at (followup);
  const char *due_date = dg_followup_get_due_date (followup);
  const char *note = dg_followup_get_note (followup);
  gboolean all_day = TRUE;

  dg_customer_picker_set_customer_id (self->customer_picker, dg_followup_get_customer_id (followup));
  dg_followup_set_customer_id (followup, dg_customer_picker_get_customer_id (self->customer_picker));
  dg_followup_set_customer_name (followup, dg_customer_picker_get_customer_name (self->customer_picker));
  adw_window_title_set_subtitle (self->window_title,
                                 dg_customer_picker_get_customer_name (self->customer_picker));

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), dg_followup_get_title (followup));

  if (due_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_timezone (due_at, tz);

      date_text = g_date_time_format (local, "%Y-%m-%d");
      time_text = g_date_time_format (local, "%H:%M");
      all_day = FALSE;
    }
  else if (due_date != NULL)
    {
      date_text = g_strdup (due_date);
    }
  else
    {
      /* A new follow-up with no day yet is proposed for today. */
      g_autoptr(GDateTime) now = dg_clock_get_now_local (dg_context_get_clock (self->context));

      date_text = g_date_time_format (now, "%Y-%m-%d");
    }

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date_text);
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), time_text ? time_text : "");
  gtk_switch_set_active (self->all_day_switch, all_day);
  self->filled_date = g_steal_pointer (&date_text);
  self->filled_time = time_text ? g_steal_pointer (&time_text) : g_strdup ("");
  self->filled_all_day = all_day;

  adw_combo_row_set_selected (self->repeat_row, dg_followup_get_recurrence (followup));
  gtk_spin_button_set_value (self->interval_spin,
                             MAX (dg_followup_get_recurrence_interval (followup), 1));
  gtk_switch_set_active (self->keep_in_touch_switch, dg_followup_get_keep_in_touch (followup));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note ? note : "", -1);

  dg_followup_editor_update_rows (self);
}

static void
dg_followup_editor_dispose (GObject *object)
{
  DgFollowupEditor *self = (DgFollowupEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_FOLLOWUP_EDITOR);

  g_clear_object (&self->context);
  g_clear_object (&self->followup);
  g_clear_object (&self->original);

  G_OBJECT_CLASS (dg_followup_editor_parent_class)->dispose (object);
}

static void
dg_followup_editor_finalize (GObject *object)
{
  DgFollowupEditor *self = (DgFollowupEditor *)object;

  g_free (self->filled_date);
  g_free (self->filled_time);

  G_OBJECT_CLASS (dg_followup_editor_parent_class)->finalize (object);
}

static void
dg_followup_editor_class_init (DgFollowupEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_followup_editor_dispose;
  object_class->finalize = dg_followup_editor_finalize;

  /**
   * DgFollowupEditor::saved:
   * @followup: the follow-up as written, with its id
   *
   * Emitted after the follow-up was written, just before the form closes.
   */
  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, DG_TYPE_FOLLOWUP);

  g_type_ensure (DG_TYPE_CUSTOMER_PICKER);
  g_type_ensure (DG_TYPE_FIELD_ROW);
  g_type_ensure (DG_TYPE_DATE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/followups/dg-followup-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DgFollowupEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupEditor, customer_picker);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupEditor, date_hint);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupEditor, all_day_switch);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupEditor, time_row);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupEditor, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupEditor, interval_row);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupEditor, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupEditor, interval_unit_label);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupEditor, recurrence_error_row);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupEditor, recurrence_error);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupEditor, keep_in_touch_row);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupEditor, keep_in_touch_switch);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupEditor, keep_in_touch_error_row);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupEditor, delete_group);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupEditor, keep_in_touch_error);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupEditor, note_frame);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupEditor, note_view);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupEditor, note_error);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, dg_followup_editor_save_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, dg_followup_editor_delete_action);

  /* Ctrl+Enter saves from anywhere, the note included; see init for the
   * capture-phase controller that makes that work inside the text view. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dg_followup_editor_init (DgFollowupEditor *self)
{

  gtk_widget_init_template (GTK_WIDGET (self));
  dg_date_button_bind (self->date_button, self->date_row, DG_DATE_BUTTON_DATE, self->date_hint);

  dg_form_add_save_shortcut (GTK_WIDGET (self), "editor.save");
}

DgFollowupEditor *
dg_followup_editor_new (GtkWindow  *parent,
                        DgContext  *context,
                        DgFollowup *followup)
{
  DgFollowupEditor *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DG_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (!followup || DG_IS_FOLLOWUP (followup), NULL);

  self = g_object_new (DG_TYPE_FOLLOWUP_EDITOR,
                       "transient-for", parent,
                       NULL);

  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));

  self->context = g_object_ref (context);
  dg_date_button_set_clock (self->date_button, dg_context_get_clock (context));
  self->original = followup ? dg_followup_copy (followup) : dg_followup_new ();
  self->followup = dg_followup_copy (self->original);

  if (dg_followup_get_id (self->followup) != 0)
    {
      adw_window_title_set_title (self->window_title, _("Edit Follow-up"));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Follow-up"));
      gtk_widget_set_visible (self->delete_group, TRUE);
    }
  else
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", FALSE);
      adw_window_title_set_title (self->window_title, _("New Follow-up"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Follow-up"));
    }

  dg_customer_picker_set_database (self->customer_picker, dg_context_get_database (context));
  dg_followup_editor_fill (self);

  /* Connected after filling in, so that the values from the database are
   * taken as they are and only what the user changes is checked. */
  g_signal_connect_object (self->customer_picker, "notify::customer-id",
                           G_CALLBACK (on_customer_id_cb), self, 0);
  g_signal_connect_object (self->title_row, "changed",
                           G_CALLBACK (on_title_changed_cb), self, 0);
  g_signal_connect_object (self->date_row, "changed",
                           G_CALLBACK (on_due_changed_cb), self, 0);
  g_signal_connect_object (self->time_row, "changed",
                           G_CALLBACK (on_due_changed_cb), self, 0);
  g_signal_connect_object (self->all_day_switch, "notify::active",
                           G_CALLBACK (on_all_day_active_cb), self, 0);
  g_signal_connect_object (self->repeat_row, "notify::selected",
                           G_CALLBACK (on_repeat_selected_cb), self, 0);
  g_signal_connect_object (self->interval_spin, "changed",
                           G_CALLBACK (on_interval_changed_cb), self, 0);
  g_signal_connect_object (self->keep_in_touch_switch, "notify::active",
                           G_CALLBACK (on_keep_in_touch_active_cb), self, 0);
  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (on_note_buffer_changed_cb), self, 0);

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));

  return self;
}
