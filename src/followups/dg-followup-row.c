/* dg-followup-row.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-date-names.h"
#include "dg-followup-delete.h"
#include "dg-followup-editor.h"
#include "dg-followup-row.h"
#include "dg-toast.h"

/* Snoozing "until tomorrow" or "next week" means the start of that working
 * day, when the reminder is seen rather than at midnight. */
#define SNOOZE_MORNING_SECONDS (9 * 60 * 60)

/* Below this width the row puts Done, Snooze and Edit in its More menu, so
 * the title keeps room for a few words. Wider than the row ever needs with
 * all its buttons, in any language: a wide row is never squeezed below its
 * minimum, and the row's minimum is the narrow one once it is narrower. */
#define NARROW_WIDTH 560
/* The "when" column while narrow: wide enough for "09:30" and "All day". */
#define NARROW_WHEN_WIDTH 64
#define WIDE_WHEN_WIDTH 96

struct _DgFollowupRow
{
  GtkListBoxRow  parent_instance;

  DgContext     *context;
  DgFollowup    *followup;
  gboolean       show_day;
  gboolean       narrow;
  /* Whether followup.done and the three snoozes are enabled: the menu's
   * narrow-* stand-ins follow them while the row is narrow. */
  gboolean       can_done;
  gboolean       can_snooze[3];

  GtkWidget     *when_box;
  GtkLabel      *day_label;
  GtkLabel      *time_label;
  GtkLabel      *title_label;
  GtkWidget     *customer_button;
  GtkLabel      *customer_label;
  GtkWidget     *repeat_box;
  GtkLabel      *repeat_label;
  GtkWidget     *snooze_box;
  GtkLabel      *snooze_label;
  GtkWidget     *done_button;
  GtkWidget     *snooze_button;
  GtkWidget     *edit_button;
  GtkWidget     *open_button;
};

static const char * const snooze_actions[] = {
  "followup.snooze-hour",
  "followup.snooze-tomorrow",
  "followup.snooze-next-week",
};

static const char * const narrow_snooze_actions[] = {
  "followup.narrow-snooze-hour",
  "followup.narrow-snooze-tomorrow",
  "followup.narrow-snooze-next-week",
};

G_DEFINE_FINAL_TYPE (DgFollowupRow, dg_followup_row, GTK_TYPE_LIST_BOX_ROW)

typedef struct
{
  DgContext *context;
  gint64     id;
  gint64     next_id;
} DoneUndo;

static void
done_undo_free (gpointer data)
{
  DoneUndo *undo = data;

  g_clear_object (&undo->context);
  g_free (undo);
}

static GDateTime *
local_morning (DgClock *clock,
               guint    days_from_today)
{
  g_autoptr(GDateTime) now = dg_clock_get_now_local (clock);
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (clock);
  GDate date;

  dg_recurrence_local_date (now, tz, &date);
  g_date_add_days (&date, days_from_today);

  return dg_recurrence_local_time (tz, &date, SNOOZE_MORNING_SECONDS);
}

GDateTime *
dg_followup_row_snooze_hour (DgClock *clock)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);

  now = dg_clock_get_now_utc (clock);

  return g_date_time_add_hours (now, 1);
}

GDateTime *
dg_followup_row_snooze_tomorrow (DgClock *clock)
{
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);

  return local_morning (clock, 1);
}

GDateTime *
dg_followup_row_snooze_next_week (DgClock *clock)
{
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);

  return local_morning (clock, 7);
}

/* The instant its reminder would come without a snooze: the due of a
 * timed follow-up, the morning of an all-day one's day. A snooze only
 * makes sense later than that. */
static GDateTime *
dup_reminder_time (DgFollowupRow *self)
{
  DgClock *clock = dg_context_get_clock (self->context);
  g_autoptr(GTimeZone) tz = NULL;
  GDate date;

  if (!dg_followup_get_all_day (self->followup))
    {
      GDateTime *due = dg_followup_get_due_at (self->followup);

      return due != NULL ? g_date_time_ref (due) : NULL;
    }

  tz = dg_clock_dup_time_zone (clock);
  if (!dg_followup_get_due_day (self->followup, tz, &date))
    return NULL;

  return dg_recurrence_local_time (tz, &date, SNOOZE_MORNING_SECONDS);
}

static void
dg_followup_row_update_actions (DgFollowupRow *self)
{
  gboolean open = FALSE;
  gboolean can_snooze[3] = { FALSE, FALSE, FALSE };

  if (self->context != NULL && self->followup != NULL)
    {
      DgClock *clock = dg_context_get_clock (self->context);
      g_autoptr(GDateTime) reminder = dup_reminder_time (self);
      GDateTime *choices[3] = {
        dg_followup_row_snooze_hour (clock),
        dg_followup_row_snooze_tomorrow (clock),
        dg_followup_row_snooze_next_week (clock),
      };

      open = dg_followup_get_status (self->followup) == DG_FOLLOWUP_STATUS_OPEN;
      for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
        {
          can_snooze[i] = open && choices[i] != NULL &&
                          (reminder == NULL || g_date_time_compare (choices[i], reminder) > 0);
          g_clear_pointer (&choices[i], g_date_time_unref);
        }
    }

  self->can_done = open;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "followup.done", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "followup.narrow-done", self->narrow && open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "followup.narrow-edit", self->narrow);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "followup.stop-repeating",
                                 open && dg_followup_get_recurrence (self->followup) != DG_RECURRENCE_NONE);
  for (guint i = 0; i < G_N_ELEMENTS (snooze_actions); i++)
    {
      self->can_snooze[i] = can_snooze[i];
      gtk_widget_action_set_enabled (GTK_WIDGET (self), snooze_actions[i], can_snooze[i]);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), narrow_snooze_actions[i],
                                     self->narrow && can_snooze[i]);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "followup.show-customer",
                                 self->followup != NULL &&
                                 dg_followup_get_customer_id (self->followup) != 0);
}

static char *
format_day (DgFollowupRow *self,
            GTimeZone     *tz,
            GDateTime     *due_local)
{
  g_autoptr(GDateTime) now = dg_clock_get_now_local (dg_context_get_clock (self->context));
  GDate today, due;
  int days;

  dg_recurrence_local_date (now, tz, &today);
  dg_recurrence_local_date (due_local, tz, &due);
  days = g_date_days_between (&due, &today);

  if (days == 0)
    return g_strdup (_("Today"));
  if (days == 1)
    return g_strdup (_("Yesterday"));
  if (days == -1)
    return g_strdup (_("Tomorrow"));

  if (g_date_get_year (&due) == g_date_get_year (&today))
    /* Translators: the day a follow-up was due, beside its time, in
     * g_date_time_format() notation where %a is the short weekday name
     * (from Dangol's own translations), %b the short month name and %-d
     * the day of the month. Korean would use "%-m월 %-d일 (%a)". */
    return dg_date_names_format (due_local, _("%a, %b %-d"));

  /* Translators: as "%a, %b %-d", for a day in another year; %Y is the
   * year. Korean would use "%Y년 %-m월 %-d일". */
  return dg_date_names_format (due_local, _("%b %-d, %Y"));
}

static char *
format_repeat (DgFollowup *followup)
{
  guint n = dg_followup_get_recurrence_interval (followup);

  if (dg_followup_get_keep_in_touch (followup))
    {
      switch (dg_followup_get_recurrence (followup))
        {
        case DG_RECURRENCE_DAYS:
          /* Translators: a keep-in-touch follow-up, which comes back this
           * long after the last contact with the customer. */
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Keep in touch every %u day",
                                               "Keep in touch every %u days", n), n);
        case DG_RECURRENCE_WEEKS:
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Keep in touch every %u week",
                                               "Keep in touch every %u weeks", n), n);
        case DG_RECURRENCE_MONTHS:
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Keep in touch every %u month",
                                               "Keep in touch every %u months", n), n);
        case DG_RECURRENCE_NONE:
        default:
          return NULL;
        }
    }

  switch (dg_followup_get_recurrence (followup))
    {
    case DG_RECURRENCE_DAYS:
      if (n == 1)
        return g_strdup (_("Every day"));
      /* Translators: how often a follow-up comes back; %u is at least 2. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u day", "Every %u days", n), n);
    case DG_RECURRENCE_WEEKS:
      if (n == 1)
        return g_strdup (_("Every week"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u week", "Every %u weeks", n), n);
    case DG_RECURRENCE_MONTHS:
      if (n == 1)
        return g_strdup (_("Every month"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u month", "Every %u months", n), n);
    case DG_RECURRENCE_NONE:
    default:
      return NULL;
    }
}

static void
dg_followup_row_fill (DgFollowupRow *self)
{
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (dg_context_get_clock (self->context));
  g_autoptr(GDateTime) due_local = NULL;
  g_autofree char *repeat = NULL;
  g_autofree char *day = NULL;
  const char *customer = dg_followup_get_customer_name (self->followup);
  gboolean has_customer = dg_followup_get_customer_id (self->followup) != 0;
  GDateTime *snooze;
  GDate date;

  gtk_label_set_text (self->title_label, dg_followup_get_title (self->followup));

  if (dg_followup_get_all_day (self->followup))
    {
      gtk_label_set_text (self->time_label, _("All day"));
      if (dg_followup_get_due_day (self->followup, tz, &date))
        due_local = dg_recurrence_day_start (tz, &date);
    }
  else if (dg_followup_get_due_at (self->followup) != NULL)
    {
      g_autofree char *time = NULL;

      due_local = g_date_time_to_timezone (dg_followup_get_due_at (self->followup), tz);
      /* Translators: the time of day a follow-up is due, in
       * g_date_time_format() notation: %H hours (00-23), %M minutes. */
      time = g_date_time_format (due_local, C_("time of day", "%H:%M"));
      gtk_label_set_text (self->time_label, time);
    }
  else
    gtk_label_set_text (self->time_label, "");

  snooze = dg_followups_active_snooze (self->followup, dg_context_get_clock (self->context));
  if (snooze != NULL)
    {
      g_autoptr(GDateTime) until_local = g_date_time_to_timezone (snooze, tz);
      g_autofree char *time = NULL;
      g_autofree char *until_day = NULL;
      g_autofree char *text = NULL;
      GDate until_date, today;
      g_autoptr(GDateTime) now = dg_clock_get_now_utc (dg_context_get_clock (self->context));

      /* Listed at the snooze, so it shows the snooze's time and day. */
      time = g_date_time_format (until_local, C_("time of day", "%H:%M"));
      gtk_label_set_text (self->time_label, time);
      g_clear_pointer (&due_local, g_date_time_unref);
      due_local = g_date_time_ref (until_local);

      dg_recurrence_local_date (now, tz, &today);
      dg_recurrence_local_date (until_local, tz, &until_date);
      if (g_date_compare (&until_date, &today) == 0)
        /* Translators: under a snoozed follow-up; %s is the time of day
         * it comes back, as 15:30. */
        text = g_strdup_printf (_("Snoozed until %s"), time);
      else
        {
          until_day = format_day (self, tz, until_local);
          /* Translators: under a snoozed follow-up; the first %s is the
           * day it comes back (Tomorrow, or Wed, Mar 11), the second the
           * time of day. */
          text = g_strdup_printf (_("Snoozed until %s %s"), until_day, time);
        }
      gtk_label_set_text (self->snooze_label, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->snooze_box),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }
  gtk_widget_set_visible (self->snooze_box, snooze != NULL);

  if (self->show_day && due_local != NULL)
    day = format_day (self, tz, due_local);
  gtk_label_set_text (self->day_label, day != NULL ? day : "");
  gtk_widget_set_visible (GTK_WIDGET (self->day_label), day != NULL);

  gtk_label_set_text (self->customer_label, customer);
  gtk_widget_set_visible (self->customer_button, has_customer);
  if (has_customer)
    {
      g_autofree char *tooltip = NULL;

      /* Translators: the tooltip of a customer's name in a follow-up. */
      tooltip = g_strdup_printf (_("Show %s"), customer);
      gtk_widget_set_tooltip_text (self->customer_button, tooltip);
    }

  gtk_widget_set_tooltip_text (self->open_button,
                               has_customer ? _("Open the customer") : _("Open the follow-up"));

  repeat = format_repeat (self->followup);
  gtk_label_set_text (self->repeat_label, repeat != NULL ? repeat : "");
  gtk_widget_set_visible (self->repeat_box, repeat != NULL);

  if (snooze == NULL && dg_followup_is_overdue (self->followup, dg_context_get_clock (self->context)))
    gtk_widget_add_css_class (GTK_WIDGET (self), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "overdue");

  dg_followup_row_update_actions (self);
}

static void
undo_done (gpointer user_data)
{
  DoneUndo *undo = user_data;
  g_autoptr(GError) error = NULL;

  if (!dg_followups_reopen (dg_context_get_database (undo->context),
                            dg_context_get_clock (undo->context),
                            undo->id, undo->next_id, &error))
    g_warning ("Could not undo a follow-up's completion: %s", error->message);
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DgFollowupRow *self = DG_FOLLOWUP_ROW (widget);
  g_autoptr(DgFollowup) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  DoneUndo *undo;

  if (!dg_followups_complete (dg_context_get_database (self->context),
                              dg_context_get_clock (self->context),
                              dg_followup_get_id (self->followup),
                              &next, &error))
    {
      dg_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  undo = g_new0 (DoneUndo, 1);
  undo->context = g_object_ref (self->context);
  undo->id = dg_followup_get_id (self->followup);
  undo->next_id = next != NULL ? dg_followup_get_id (next) : 0;

  /* Translators: a toast after a follow-up was marked as done, with an
   * Undo button; %s is the follow-up's title. */
  title = g_markup_printf_escaped (_("Marked “%s” as done"), dg_followup_get_title (self->followup));
  dg_toast_show_undo (GTK_WIDGET (self), title, undo_done, undo, done_undo_free);
}

/* What a snooze's Undo puts back: the snooze it had before, if any. */
typedef struct
{
  DgContext *context;
  gint64     id;
  GDateTime *previous;
} SnoozeUndo;

static void
snooze_undo_free (gpointer data)
{
  SnoozeUndo *undo = data;

  g_clear_object (&undo->context);
  g_clear_pointer (&undo->previous, g_date_time_unref);
  g_free (undo);
}

static void
undo_snooze (gpointer user_data)
{
  SnoozeUndo *undo = user_data;
  g_autoptr(GError) error = NULL;

  if (!dg_followups_restore_snooze (dg_context_get_database (undo->context),
                                    dg_context_get_clock (undo->context),
                                    undo->id, undo->previous, &error))
    g_warning ("Could not undo a follow-up's snooze: %s", error->message);
}

static void
snooze_until (DgFollowupRow *self,
              GDateTime     *until)
{
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (dg_context_get_clock (self->context));
  g_autoptr(GDateTime) until_local = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  GDateTime *stored = dg_followup_get_snoozed_until (self->followup);
  /* Held before snoozing: the change notice may give the row new data. */
  g_autoptr(GDateTime) previous = stored != NULL ? g_date_time_ref (stored) : NULL;
  g_autoptr(DgFollowup) followup = g_object_ref (self->followup);
  SnoozeUndo *undo;

  if (!dg_followups_snooze (dg_context_get_database (self->context),
                            dg_context_get_clock (self->context),
                            dg_followup_get_id (self->followup),
                            until, &error))
    {
      dg_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  until_local = g_date_time_to_timezone (until, tz);
  /* Translators: when a snoozed follow-up comes back, in
   * g_date_time_format() notation, with %a the short weekday name from
   * Dangol's own translations. Korean would use "%-m월 %-d일 (%a) %H:%M". */
  when = dg_date_names_format (until_local, _("%a, %b %-d at %H:%M"));
  /* Translators: shown when a follow-up was snoozed; the first %s is its
   * title, the second when it comes back. */
  title = g_markup_printf_escaped (_("“%s” snoozed until %s"),
                                   dg_followup_get_title (followup), when);

  undo = g_new0 (SnoozeUndo, 1);
  undo->context = g_object_ref (self->context);
  undo->id = dg_followup_get_id (followup);
  undo->previous = g_steal_pointer (&previous);
  dg_toast_show_undo (GTK_WIDGET (self), title, undo_snooze, undo, snooze_undo_free);
}

static void
snooze_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DgFollowupRow *self = DG_FOLLOWUP_ROW (widget);
  DgClock *clock = dg_context_get_clock (self->context);
  g_autoptr(GDateTime) until = NULL;

  if (g_str_equal (action_name, "followup.snooze-hour"))
    until = dg_followup_row_snooze_hour (clock);
  else if (g_str_equal (action_name, "followup.snooze-tomorrow"))
    until = dg_followup_row_snooze_tomorrow (clock);
  else
    until = dg_followup_row_snooze_next_week (clock);

  snooze_until (self, until);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DgFollowupRow *self = DG_FOLLOWUP_ROW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  DgFollowupEditor *editor;

  editor = dg_followup_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   self->context, self->followup);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DgFollowupRow *self = DG_FOLLOWUP_ROW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  dg_followup_delete_ask (window, window, self->context, self->followup, NULL);
}

static void
stop_repeating_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DgFollowupRow *self = DG_FOLLOWUP_ROW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  dg_followup_stop_repeating (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                              self->context, self->followup);
}

static void
show_customer_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DgFollowupRow *self = DG_FOLLOWUP_ROW (widget);

  gtk_widget_activate_action (widget, "win.show-customer", "x",
                              dg_followup_get_customer_id (self->followup));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DgFollowupRow *self = DG_FOLLOWUP_ROW (widget);

  if (dg_followup_get_customer_id (self->followup) != 0)
    show_customer_action (widget, action_name, parameter);
  else
    edit_action (widget, action_name, parameter);
}

gboolean
dg_followup_row_get_narrow (DgFollowupRow *self)
{
  g_return_val_if_fail (DG_IS_FOLLOWUP_ROW (self), FALSE);

  return self->narrow;
}

/* Hides the buttons that the More menu stands in for, and shows their
 * items there (the menu hides an item whose action is disabled). */
static void
dg_followup_row_set_narrow (DgFollowupRow *self,
                            gboolean       narrow)
{
  if (self->narrow == narrow)
    return;

  self->narrow = narrow;

  gtk_widget_set_visible (self->done_button, !narrow);
  gtk_widget_set_visible (self->snooze_button, !narrow);
  gtk_widget_set_visible (self->edit_button, !narrow);
  gtk_widget_set_size_request (self->when_box, narrow ? NARROW_WHEN_WIDTH : WIDE_WHEN_WIDTH, -1);
  gtk_label_set_wrap (self->day_label, narrow);
  if (narrow)
    gtk_widget_add_css_class (GTK_WIDGET (self), "narrow");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "narrow");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "followup.narrow-done", narrow && self->can_done);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "followup.narrow-edit", narrow);
  for (guint i = 0; i < G_N_ELEMENTS (narrow_snooze_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), narrow_snooze_actions[i],
                                   narrow && self->can_snooze[i]);
}

static void
dg_followup_row_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  GtkWidget *child = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (widget));

  gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

/* The row picks its layout from the width it gets. The changes queue a
 * new layout of the row, made before its children are placed, and the
 * width does not depend on them, so the next layout keeps the mode. */
static void
dg_followup_row_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  DgFollowupRow *self = DG_FOLLOWUP_ROW (widget);
  GtkWidget *child = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (widget));

  dg_followup_row_set_narrow (self, width < NARROW_WIDTH);

  gtk_widget_size_allocate (child, &(GtkAllocation) { 0, 0, width, height }, baseline);
}

typedef struct
{
  GtkWidget *row;
  char      *action_name;
} DeferredAction;

static gboolean
deferred_action_cb (gpointer user_data)
{
  DeferredAction *deferred = user_data;

  if (gtk_widget_get_root (deferred->row) != NULL)
    gtk_widget_activate_action (deferred->row, deferred->action_name, NULL);
  g_object_unref (deferred->row);
  g_free (deferred->action_name);
  g_free (deferred);

  return G_SOURCE_REMOVE;
}

/* The More menu's stand-ins do what the buttons do, once the menu has
 * closed: the list rebuilds its rows after a change, the menu's with
 * them, which must not go while the menu is still closing. */
static void
narrow_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DeferredAction *deferred = g_new0 (DeferredAction, 1);

  g_assert (g_str_has_prefix (action_name, "followup.narrow-"));

  deferred->row = g_object_ref (widget);
  deferred->action_name = g_strconcat ("followup.", action_name + strlen ("followup.narrow-"), NULL);
  g_idle_add (deferred_action_cb, deferred);
}

DgFollowup *
dg_followup_row_get_followup (DgFollowupRow *self)
{
  g_return_val_if_fail (DG_IS_FOLLOWUP_ROW (self), NULL);

  return self->followup;
}

static void
dg_followup_row_dispose (GObject *object)
{
  DgFollowupRow *self = (DgFollowupRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_FOLLOWUP_ROW);
  g_clear_object (&self->context);
  g_clear_object (&self->followup);

  G_OBJECT_CLASS (dg_followup_row_parent_class)->dispose (object);
}

static void
dg_followup_row_class_init (DgFollowupRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_followup_row_dispose;

  widget_class->measure = dg_followup_row_measure;
  widget_class->size_allocate = dg_followup_row_size_allocate;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/followups/dg-followup-row.ui");
  gtk_widget_class_set_css_name (widget_class, "followuprow");
  gtk_widget_class_bind_template_child (widget_class, DgFollowupRow, when_box);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupRow, day_label);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupRow, customer_button);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupRow, customer_label);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupRow, repeat_box);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupRow, repeat_label);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupRow, snooze_box);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupRow, snooze_label);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupRow, done_button);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupRow, snooze_button);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, DgFollowupRow, open_button);

  gtk_widget_class_install_action (widget_class, "followup.done", NULL, done_action);
  gtk_widget_class_install_action (widget_class, "followup.snooze-hour", NULL, snooze_action);
  gtk_widget_class_install_action (widget_class, "followup.snooze-tomorrow", NULL, snooze_action);
  gtk_widget_class_install_action (widget_class, "followup.snooze-next-week", NULL, snooze_action);
  gtk_widget_class_install_action (widget_class, "followup.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "followup.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "followup.show-customer", NULL, show_customer_action);
  gtk_widget_class_install_action (widget_class, "followup.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "followup.stop-repeating", NULL, stop_repeating_action);
  /* The More menu's stand-ins for the buttons a narrow row hides. */
  gtk_widget_class_install_action (widget_class, "followup.narrow-done", NULL, narrow_action);
  gtk_widget_class_install_action (widget_class, "followup.narrow-edit", NULL, narrow_action);
  for (guint i = 0; i < G_N_ELEMENTS (narrow_snooze_actions); i++)
    gtk_widget_class_install_action (widget_class, narrow_snooze_actions[i], NULL, narrow_action);
}

static void
dg_followup_row_init (DgFollowupRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* A widget with a layout manager never has its size_allocate called:
   * the row lays out its child itself, to pick its mode first. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "followup.narrow-done", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "followup.narrow-edit", FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (narrow_snooze_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), narrow_snooze_actions[i], FALSE);
}

GtkWidget *
dg_followup_row_new (DgContext  *context,
                     DgFollowup *followup,
                     gboolean    show_day)
{
  DgFollowupRow *self;

  g_return_val_if_fail (DG_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (DG_IS_FOLLOWUP (followup), NULL);

  self = g_object_new (DG_TYPE_FOLLOWUP_ROW, NULL);
  self->context = g_object_ref (context);
  self->followup = g_object_ref (followup);
  self->show_day = show_day;
  dg_followup_row_fill (self);

  return GTK_WIDGET (self);
}
