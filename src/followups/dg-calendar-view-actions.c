/* dg-calendar-view-actions.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-calendar-view-private.h"
#include "dg-date-names.h"
#include "dg-followup-delete.h"
#include "dg-followup-editor.h"
#include "dg-toast.h"

typedef struct
{
  GWeakRef    view;
  DgDatabase *database;
  DgClock    *clock;
  gint64      id;
  /* Done: the next occurrence it created, 0 for none. */
  gint64      next_id;
  /* Moved: the day it was on. */
  GDate       old_date;
} UndoData;

static UndoData *
undo_data_new (DgCalendarView *self,
               gint64          id)
{
  UndoData *undo = g_new0 (UndoData, 1);

  g_weak_ref_init (&undo->view, self);
  undo->database = g_object_ref (dg_context_get_database (self->context));
  undo->clock = g_object_ref (dg_context_get_clock (self->context));
  undo->id = id;
  g_date_clear (&undo->old_date, 1);

  return undo;
}

static void
undo_data_free (gpointer data)
{
  UndoData *undo = data;

  g_weak_ref_clear (&undo->view);
  g_clear_object (&undo->database);
  g_clear_object (&undo->clock);
  g_free (undo);
}

void
_dg_calendar_view_update_actions (DgCalendarView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_context = self->context != NULL;

  gtk_widget_action_set_enabled (widget, "calendar.new-followup", has_context);
  gtk_widget_action_set_enabled (widget, "calendar.open-day", has_context);
  gtk_widget_action_set_enabled (widget, "calendar.done-followup", has_context);
  gtk_widget_action_set_enabled (widget, "calendar.edit-followup", has_context);
  gtk_widget_action_set_enabled (widget, "calendar.open-customer", has_context);
  gtk_widget_action_set_enabled (widget, "calendar.move-followup", has_context);
  gtk_widget_action_set_enabled (widget, "calendar.delete-followup", has_context);
  gtk_widget_action_set_enabled (widget, "calendar.stop-repeating", has_context);
}

static void
on_editor_saved_cb (DgFollowupEditor *editor,
                    DgFollowup       *followup,
                    DgCalendarView   *self)
{
  g_autoptr(GError) error = NULL;

  /* The calendar goes to where the follow-up now is, which may be another
   * day than the one it was added on. */
  if (!dg_calendar_view_show_followup (self, dg_followup_get_id (followup), &error))
    g_debug ("Not showing the saved follow-up: %s", error->message);
}

void
_dg_calendar_view_show_editor (DgCalendarView *self,
                               DgFollowup     *followup)
{
  DgFollowupEditor *editor;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  editor = dg_followup_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   self->context, followup);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

void
_dg_calendar_view_new_followup (DgCalendarView *self)
{
  g_autoptr(DgFollowup) followup = NULL;
  g_autofree char *date = NULL;

  if (self->context == NULL)
    return;

  followup = dg_followup_new ();
  date = dg_recurrence_format_date (&self->selected);
  dg_followup_set_due_date (followup, date);

  _dg_calendar_view_show_editor (self, followup);
}

static void
dg_calendar_view_move_selection (DgCalendarView *self,
                                 int             days)
{
  GDate date = self->selected;

  if (days > 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);

  if (g_date_valid (&date))
    dg_calendar_view_select_date (self, &date);
}

static void
dg_calendar_view_move_month (DgCalendarView *self,
                             int             months)
{
  GDate date = self->selected;

  /* The same day of the month, or the month's last day when it is
   * shorter. */
  if (months > 0)
    g_date_add_months (&date, months);
  else
    g_date_subtract_months (&date, -months);

  if (g_date_valid (&date))
    dg_calendar_view_select_date (self, &date);
}

static void
previous_month_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  dg_calendar_view_move_month (DG_CALENDAR_VIEW (widget), -1);
}

static void
next_month_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  dg_calendar_view_move_month (DG_CALENDAR_VIEW (widget), 1);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DgCalendarView *self = DG_CALENDAR_VIEW (widget);
  GDate today;

  _dg_calendar_view_get_today (self, &today);
  dg_calendar_view_select_date (self, &today);
}

static void
previous_day_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  dg_calendar_view_move_selection (DG_CALENDAR_VIEW (widget), -1);
}

static void
next_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  dg_calendar_view_move_selection (DG_CALENDAR_VIEW (widget), 1);
}

static void
previous_week_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  dg_calendar_view_move_selection (DG_CALENDAR_VIEW (widget), -7);
}

static void
next_week_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  dg_calendar_view_move_selection (DG_CALENDAR_VIEW (widget), 7);
}

static void
edit_followup (DgCalendarView *self,
               gint64          id)
{
  g_autoptr(DgFollowup) followup = NULL;
  g_autoptr(GError) error = NULL;

  /* The form starts from what is stored now. */
  followup = dg_followups_get (dg_context_get_database (self->context), id, &error);
  if (followup == NULL)
    {
      _dg_calendar_view_report (self, error);
      return;
    }

  _dg_calendar_view_show_editor (self, followup);
}

static void
open_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DgCalendarView *self = DG_CALENDAR_VIEW (widget);
  GPtrArray *day = _dg_calendar_view_get_day (self, &self->selected);

  if (day != NULL && day->len > 0)
    edit_followup (self, dg_followup_get_id (g_ptr_array_index (day, 0)));
  else
    _dg_calendar_view_new_followup (self);
}

static void
new_followup_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _dg_calendar_view_new_followup (DG_CALENDAR_VIEW (widget));
}

static void
edit_followup_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  edit_followup (DG_CALENDAR_VIEW (widget), g_variant_get_int64 (parameter));
}

static void
open_customer_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_widget_activate_action_variant (widget, "win.show-customer", parameter);
}

static void
undo_done (gpointer user_data)
{
  UndoData *undo = user_data;
  g_autoptr(DgCalendarView) self = g_weak_ref_get (&undo->view);
  g_autoptr(GError) error = NULL;

  if (!dg_followups_reopen (undo->database, undo->clock, undo->id, undo->next_id, &error) &&
      self != NULL)
    _dg_calendar_view_report (self, error);
}

static void
done_followup_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DgCalendarView *self = DG_CALENDAR_VIEW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  DgDatabase *database = dg_context_get_database (self->context);
  g_autoptr(DgFollowup) followup = NULL;
  g_autoptr(DgFollowup) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  UndoData *undo;

  followup = dg_followups_get (database, id, &error);
  if (followup == NULL ||
      !dg_followups_complete (database, dg_context_get_clock (self->context), id, &next, &error))
    {
      _dg_calendar_view_report (self, error);
      return;
    }

  undo = undo_data_new (self, id);
  undo->next_id = next != NULL ? dg_followup_get_id (next) : 0;

  /* Translators: a toast after a follow-up was marked as done, with an
   * Undo button; %s is the follow-up's title. */
  title = g_markup_printf_escaped (_("Marked “%s” as done"), dg_followup_get_title (followup));
  dg_toast_show_undo (GTK_WIDGET (self), title, undo_done, undo, undo_data_free);
}

static void
delete_followup_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DgCalendarView *self = DG_CALENDAR_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  g_autoptr(DgFollowup) followup = NULL;
  g_autoptr(GError) error = NULL;

  followup = dg_followups_get (dg_context_get_database (self->context),
                               g_variant_get_int64 (parameter), &error);
  if (followup == NULL)
    {
      _dg_calendar_view_report (self, error);
      return;
    }

  dg_followup_delete_ask (window, window, self->context, followup, NULL);
}

static void
stop_repeating_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DgCalendarView *self = DG_CALENDAR_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(DgFollowup) followup = NULL;
  g_autoptr(GError) error = NULL;

  followup = dg_followups_get (dg_context_get_database (self->context),
                               g_variant_get_int64 (parameter), &error);
  if (followup == NULL)
    {
      _dg_calendar_view_report (self, error);
      return;
    }

  dg_followup_stop_repeating (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                              self->context, followup);
}

static void
undo_move (gpointer user_data)
{
  UndoData *undo = user_data;
  g_autoptr(DgCalendarView) self = g_weak_ref_get (&undo->view);
  g_autoptr(GError) error = NULL;

  if (!dg_followups_move_to_date (undo->database, undo->clock, undo->id, &undo->old_date, &error))
    {
      if (self != NULL)
        _dg_calendar_view_report (self, error);
      return;
    }

  if (self != NULL)
    {
      dg_calendar_view_select_date (self, &undo->old_date);
      dg_day_agenda_select_followup (self->agenda, undo->id);
    }
}

gboolean
dg_calendar_view_move_followup (DgCalendarView  *self,
                                gint64           followup_id,
                                const GDate     *date,
                                GError         **error)
{
  g_autoptr(DgFollowup) followup = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *title = NULL;
  g_autofree char *day = NULL;
  DgDatabase *database;
  DgClock *clock;
  UndoData *undo;
  GDate old_date;

  g_return_val_if_fail (DG_IS_CALENDAR_VIEW (self), FALSE);
  g_return_val_if_fail (self->context != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  database = dg_context_get_database (self->context);
  clock = dg_context_get_clock (self->context);
  tz = dg_clock_dup_time_zone (clock);

  followup = dg_followups_get (database, followup_id, error);
  if (followup == NULL)
    return FALSE;

  /* Dropped back where it was: nothing to do, nothing to undo. */
  if (dg_followup_get_due_day (followup, tz, &old_date) && g_date_compare (&old_date, date) == 0)
    return TRUE;

  if (!dg_followups_move_to_date (database, clock, followup_id, date, error))
    return FALSE;

  dg_calendar_view_select_date (self, date);
  dg_day_agenda_select_followup (self->agenda, followup_id);

  if (!g_date_valid (&old_date))
    return TRUE;

  undo = undo_data_new (self, followup_id);
  undo->old_date = old_date;

  day = dg_date_names_format_day (date);
  /* Translators: a toast after a follow-up was moved to another day, with
   * an Undo button; %1$s is the follow-up's title, %2$s the new day as in
   * "Tuesday, November 24". */
  title = g_markup_printf_escaped (_("Moved “%1$s” to %2$s"), dg_followup_get_title (followup), day);
  dg_toast_show_undo (GTK_WIDGET (self), title, undo_move, undo, undo_data_free);

  return TRUE;
}

static void
move_followup_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DgCalendarView *self = DG_CALENDAR_VIEW (widget);
  g_autoptr(GError) error = NULL;
  const char *iso;
  gint64 id;
  GDate date;

  g_variant_get (parameter, "(x&s)", &id, &iso);
  if (!dg_recurrence_parse_date (iso, &date))
    {
      g_warning ("Not a date to move a follow-up to: %s", iso);
      return;
    }

  if (!dg_calendar_view_move_followup (self, id, &date, &error))
    _dg_calendar_view_report (self, error);
}

void
_dg_calendar_view_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "calendar.previous-month", NULL, previous_month_action);
  gtk_widget_class_install_action (widget_class, "calendar.next-month", NULL, next_month_action);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "calendar.previous-day", NULL, previous_day_action);
  gtk_widget_class_install_action (widget_class, "calendar.next-day", NULL, next_day_action);
  gtk_widget_class_install_action (widget_class, "calendar.previous-week", NULL, previous_week_action);
  gtk_widget_class_install_action (widget_class, "calendar.next-week", NULL, next_week_action);
  gtk_widget_class_install_action (widget_class, "calendar.open-day", NULL, open_day_action);
  gtk_widget_class_install_action (widget_class, "calendar.new-followup", NULL, new_followup_action);
  gtk_widget_class_install_action (widget_class, "calendar.edit-followup", "x", edit_followup_action);
  gtk_widget_class_install_action (widget_class, "calendar.done-followup", "x", done_followup_action);
  gtk_widget_class_install_action (widget_class, "calendar.open-customer", "x", open_customer_action);
  gtk_widget_class_install_action (widget_class, "calendar.move-followup", "(xs)", move_followup_action);
  gtk_widget_class_install_action (widget_class, "calendar.delete-followup", "x", delete_followup_action);
  gtk_widget_class_install_action (widget_class, "calendar.stop-repeating", "x", stop_repeating_action);
}
