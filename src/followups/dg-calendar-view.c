/* dg-calendar-view.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-calendar-view-private.h"
#include "dg-date-names.h"
#include "dg-page.h"
#include "dg-toast.h"

/* Below this width the agenda goes under the grid instead of beside it. */
#define NARROW_WIDTH 760

static void
dg_calendar_view_page_init (DgPageInterface *iface)
{
  iface->name = "calendar";
  iface->title = N_("Calendar");
  iface->icon_name = "x-office-calendar-symbolic";
}

G_DEFINE_FINAL_TYPE_WITH_CODE (DgCalendarView, dg_calendar_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (DG_TYPE_PAGE, dg_calendar_view_page_init))

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_FIRST_WEEKDAY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void dg_calendar_view_reload (DgCalendarView *self);

void
_dg_calendar_view_report (DgCalendarView *self,
                          const GError   *error)
{
  dg_toast_show_error (GTK_WIDGET (self), error);
}

void
_dg_calendar_view_get_today (DgCalendarView *self,
                             GDate          *out_date)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  DgClock *clock;

  if (self->context == NULL)
    {
      now = g_date_time_new_now_local ();
      g_date_clear (out_date, 1);
      g_date_set_dmy (out_date,
                      g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now),
                      g_date_time_get_year (now));
      return;
    }

  clock = dg_context_get_clock (self->context);
  now = dg_clock_get_now_utc (clock);
  tz = dg_clock_dup_time_zone (clock);
  dg_recurrence_local_date (now, tz, out_date);
}

GDateWeekday
dg_calendar_view_get_first_weekday (DgCalendarView *self)
{
  g_return_val_if_fail (DG_IS_CALENDAR_VIEW (self), G_DATE_BAD_WEEKDAY);

  if (self->first_weekday != G_DATE_BAD_WEEKDAY)
    return self->first_weekday;

  return dg_date_names_get_first_weekday ();
}

void
dg_calendar_view_set_first_weekday (DgCalendarView *self,
                                    GDateWeekday    weekday)
{
  g_return_if_fail (DG_IS_CALENDAR_VIEW (self));
  g_return_if_fail (weekday <= G_DATE_SUNDAY);

  if (self->first_weekday == weekday)
    return;

  self->first_weekday = weekday;
  dg_calendar_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FIRST_WEEKDAY]);
}

/* The first day on screen for the month of @date: the start of the week
 * that holds the 1st. */
static void
dg_calendar_view_compute_first_day (DgCalendarView *self,
                                    const GDate    *date,
                                    GDate          *out_first)
{
  GDateWeekday first_weekday = dg_calendar_view_get_first_weekday (self);
  guint offset;

  g_date_clear (out_first, 1);
  g_date_set_dmy (out_first, 1, g_date_get_month (date), g_date_get_year (date));
  offset = (g_date_get_weekday (out_first) - first_weekday + 7) % 7;
  g_date_subtract_days (out_first, offset);
}

static int
dg_calendar_view_index_of (DgCalendarView *self,
                           const GDate    *date)
{
  int index;

  if (!g_date_valid (&self->first_day))
    return -1;

  index = g_date_days_between (&self->first_day, date);

  return index >= 0 && index < DG_MONTH_GRID_N_DAYS ? index : -1;
}

GPtrArray *
_dg_calendar_view_get_day (DgCalendarView *self,
                           const GDate    *date)
{
  int index = dg_calendar_view_index_of (self, date);

  return index >= 0 ? self->per_day[index] : NULL;
}

static void
dg_calendar_view_clear_days (DgCalendarView *self)
{
  for (guint i = 0; i < DG_MONTH_GRID_N_DAYS; i++)
    g_clear_pointer (&self->per_day[i], g_ptr_array_unref);
}

/* Shows the selected day: its mark in the grid and its agenda, from what
 * was read already. */
static void
dg_calendar_view_show_selected (DgCalendarView *self)
{
  g_autoptr(GTimeZone) tz = NULL;
  DgClock *clock = NULL;
  GDate today;

  _dg_calendar_view_get_today (self, &today);
  dg_month_grid_set_marks (self->month_grid, &today, &self->selected);

  if (self->context != NULL)
    {
      clock = dg_context_get_clock (self->context);
      tz = dg_clock_dup_time_zone (clock);
    }
  dg_day_agenda_set_day (self->agenda, &self->selected,
                         _dg_calendar_view_get_day (self, &self->selected),
                         clock, tz);

  _dg_calendar_view_update_actions (self);
}

/* Reads the six weeks around the selected day in one query and shows
 * them. */
static void
dg_calendar_view_reload (DgCalendarView *self)
{
  g_autoptr(GPtrArray) followups = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  DgClock *clock;
  GDate end;

  dg_calendar_view_clear_days (self);

  if (!g_date_valid (&self->selected))
    _dg_calendar_view_get_today (self, &self->selected);

  dg_calendar_view_compute_first_day (self, &self->selected, &self->first_day);
  dg_month_grid_set_days (self->month_grid, &self->first_day, g_date_get_month (&self->selected));

  title = dg_date_names_format_month (&self->selected);
  gtk_label_set_text (self->month_title, title);
  {
    g_autoptr(GDateTime) month = g_date_time_new_utc (g_date_get_year (&self->selected),
                                                      g_date_get_month (&self->selected),
                                                      1, 12, 0, 0);
    g_autofree char *short_title = NULL;

    /* Translators: the month shown by a narrow calendar, in
     * g_date_time_format() notation: %b the month's short name, %-m its
     * number, %Y the year. Korean would use "%Y년 %-m월". */
    short_title = dg_date_names_format (month, _("%b %Y"));
    gtk_label_set_text (self->month_short_title, short_title);
  }

  if (self->context == NULL)
    {
      dg_month_grid_set_followups (self->month_grid, NULL, NULL, NULL);
      dg_calendar_view_show_selected (self);
      return;
    }

  clock = dg_context_get_clock (self->context);
  tz = dg_clock_dup_time_zone (clock);

  end = self->first_day;
  g_date_add_days (&end, DG_MONTH_GRID_N_DAYS);
  from = dg_recurrence_day_start (tz, &self->first_day);
  to = dg_recurrence_day_start (tz, &end);

  followups = dg_followups_list_range (dg_context_get_database (self->context),
                                       from, to,
                                       DG_FOLLOWUP_FILTER_NOT_CANCELLED, 0,
                                       &error);
  if (followups == NULL)
    g_warning ("Could not read the follow-ups of %s: %s", title, error->message);

  for (guint i = 0; followups != NULL && i < followups->len; i++)
    {
      DgFollowup *followup = g_ptr_array_index (followups, i);
      GDate day;
      int index;

      if (!dg_followups_get_listed_day (followup, clock, tz, &day))
        continue;

      index = dg_calendar_view_index_of (self, &day);
      if (index < 0)
        continue;

      if (self->per_day[index] == NULL)
        self->per_day[index] = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (self->per_day[index], g_object_ref (followup));
    }

  dg_month_grid_set_followups (self->month_grid, self->per_day, clock, tz);
  dg_calendar_view_show_selected (self);
}

void
dg_calendar_view_get_selected_date (DgCalendarView *self,
                                    GDate          *out_date)
{
  g_return_if_fail (DG_IS_CALENDAR_VIEW (self));
  g_return_if_fail (out_date != NULL);

  *out_date = self->selected;
}

void
dg_calendar_view_select_date (DgCalendarView *self,
                              const GDate    *date)
{
  gboolean same_month;

  g_return_if_fail (DG_IS_CALENDAR_VIEW (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  same_month = g_date_valid (&self->selected) &&
               g_date_get_month (&self->selected) == g_date_get_month (date) &&
               g_date_get_year (&self->selected) == g_date_get_year (date);

  self->selected = *date;

  /* Within the month the days are on screen already; another month is
   * read from the database. */
  if (same_month && g_date_valid (&self->first_day))
    dg_calendar_view_show_selected (self);
  else
    dg_calendar_view_reload (self);
}

gboolean
dg_calendar_view_show_followup (DgCalendarView  *self,
                                gint64           followup_id,
                                GError         **error)
{
  g_autoptr(DgFollowup) followup = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  GDate day;

  g_return_val_if_fail (DG_IS_CALENDAR_VIEW (self), FALSE);
  g_return_val_if_fail (self->context != NULL, FALSE);

  followup = dg_followups_get (dg_context_get_database (self->context), followup_id, error);
  if (followup == NULL)
    return FALSE;

  tz = dg_clock_dup_time_zone (dg_context_get_clock (self->context));
  if (!dg_followups_get_listed_day (followup, dg_context_get_clock (self->context), tz, &day))
    {
      g_set_error (error, DG_ERROR, DG_ERROR_NOT_FOUND,
                   _("The follow-up “%s” has no due date."),
                   dg_followup_get_title (followup));
      return FALSE;
    }

  dg_calendar_view_select_date (self, &day);
  dg_day_agenda_select_followup (self->agenda, followup_id);

  return TRUE;
}

static void
on_month_grid_day_clicked_cb (DgMonthGrid    *grid,
                              GDate          *date,
                              int             n_press,
                              DgCalendarView *self)
{
  dg_calendar_view_select_date (self, date);

  /* A double click on a day adds a follow-up there. */
  if (n_press == 2)
    _dg_calendar_view_new_followup (self);
}

static void
on_month_grid_followup_activated_cb (DgMonthGrid    *grid,
                                     DgFollowup     *followup,
                                     int             n_press,
                                     DgCalendarView *self)
{
  g_autoptr(GTimeZone) tz = NULL;
  GDate day;

  if (self->context == NULL)
    return;

  tz = dg_clock_dup_time_zone (dg_context_get_clock (self->context));
  if (dg_followups_get_listed_day (followup, dg_context_get_clock (self->context), tz, &day))
    dg_calendar_view_select_date (self, &day);
  dg_day_agenda_select_followup (self->agenda, dg_followup_get_id (followup));

  if (n_press == 2)
    gtk_widget_activate_action (GTK_WIDGET (self), "calendar.edit-followup", "x",
                                dg_followup_get_id (followup));
}

static void
on_month_grid_followup_dropped_cb (DgMonthGrid    *grid,
                                   gint64          followup_id,
                                   GDate          *date,
                                   DgCalendarView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->context == NULL)
    return;

  if (!dg_calendar_view_move_followup (self, followup_id, date, &error))
    _dg_calendar_view_report (self, error);
}

/* A calendar that is not on screen reads the month again when it is
 * shown (see map), not on every change made elsewhere. */
static void
on_database_changed_cb (DgDatabase     *database,
                        const char     *table,
                        DgCalendarView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    dg_calendar_view_reload (self);
}

static void
on_clock_changed_cb (DgClock        *clock,
                     DgCalendarView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    dg_calendar_view_reload (self);
}

DgContext *
dg_calendar_view_get_context (DgCalendarView *self)
{
  g_return_val_if_fail (DG_IS_CALENDAR_VIEW (self), NULL);

  return self->context;
}

static void
dg_calendar_view_disconnect (DgCalendarView *self)
{
  if (self->context == NULL)
    return;

  g_clear_signal_handler (&self->database_changed_handler, dg_context_get_database (self->context));
  g_clear_signal_handler (&self->clock_changed_handler, dg_context_get_clock (self->context));
  g_clear_signal_handler (&self->day_changed_handler, dg_context_get_clock (self->context));
}

void
dg_calendar_view_set_context (DgCalendarView *self,
                              DgContext      *context)
{
  g_return_if_fail (DG_IS_CALENDAR_VIEW (self));
  g_return_if_fail (!context || DG_IS_CONTEXT (context));

  if (self->context == context)
    return;

  dg_calendar_view_disconnect (self);
  g_set_object (&self->context, context);

  if (context != NULL)
    {
      self->database_changed_handler =
        g_signal_connect_object (dg_context_get_database (context), "changed::followups",
                                 G_CALLBACK (on_database_changed_cb), self, 0);
      self->clock_changed_handler =
        g_signal_connect_object (dg_context_get_clock (context), "changed",
                                 G_CALLBACK (on_clock_changed_cb), self, 0);
      /* Today moves at midnight; what becomes overdue then changes colour. */
      self->day_changed_handler =
        g_signal_connect_object (dg_context_get_clock (context), "day-changed",
                                 G_CALLBACK (on_clock_changed_cb), self, 0);

      /* The calendar opens on today, in the context's clock. */
      _dg_calendar_view_get_today (self, &self->selected);
    }

  dg_day_agenda_set_database (self->agenda, context != NULL ? dg_context_get_database (context) : NULL);
  dg_calendar_view_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTEXT]);
}

/* Beside the month, the agenda gets the room for a title of a few words
 * on one line next to the time and the row's two buttons (about 400 px at
 * the default window size); the month keeps the rest. */
static int
dg_calendar_view_get_agenda_width (int width)
{
  return CLAMP (width * 38 / 100, 320, 460);
}

static void
dg_calendar_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  DgCalendarView *self = DG_CALENDAR_VIEW (widget);
  int bar_min, bar_nat, grid_min, grid_nat, agenda_min, agenda_nat;

  gtk_widget_measure (self->toolbar, orientation, -1, &bar_min, &bar_nat, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->month_grid), orientation, -1, &grid_min, &grid_nat, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->agenda), orientation, -1, &agenda_min, &agenda_nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Narrow, everything is stacked; wide, the agenda is beside. */
      *minimum = MAX (bar_min, MAX (grid_min, agenda_min));
      *natural = MAX (bar_nat, grid_nat + MAX (agenda_nat, dg_calendar_view_get_agenda_width (0)));
    }
  else if (for_size >= 0 && for_size < NARROW_WIDTH)
    {
      *minimum = bar_min + grid_min + agenda_min;
      *natural = bar_nat + grid_nat + agenda_nat;
    }
  else
    {
      *minimum = bar_min + MAX (grid_min, agenda_min);
      *natural = bar_nat + MAX (grid_nat, agenda_nat);
    }
}

static GtkSizeRequestMode
dg_calendar_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
dg_calendar_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  DgCalendarView *self = DG_CALENDAR_VIEW (widget);
  gboolean narrow = width < NARROW_WIDTH;
  int bar_height, grid_min, agenda_min;
  int content_height;

  gtk_widget_measure (self->toolbar, GTK_ORIENTATION_VERTICAL, width, NULL, &bar_height, NULL, NULL);
  gtk_widget_size_allocate (self->toolbar, &(GtkAllocation) { 0, 0, width, bar_height }, -1);
  content_height = MAX (0, height - bar_height);

  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      if (narrow)
        gtk_widget_add_css_class (GTK_WIDGET (self->agenda), "below");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->agenda), "below");
    }

  if (narrow)
    {
      int grid_height;

      gtk_widget_measure (GTK_WIDGET (self->month_grid), GTK_ORIENTATION_VERTICAL, width,
                          &grid_min, NULL, NULL, NULL);
      gtk_widget_measure (GTK_WIDGET (self->agenda), GTK_ORIENTATION_VERTICAL, width,
                          &agenda_min, NULL, NULL, NULL);

      /* The month keeps about two thirds of the height. */
      grid_height = MAX (grid_min, content_height * 2 / 3);
      grid_height = MIN (grid_height, MAX (grid_min, content_height - agenda_min));

      gtk_widget_size_allocate (GTK_WIDGET (self->month_grid),
                                &(GtkAllocation) { 0, bar_height, width, grid_height }, -1);
      gtk_widget_size_allocate (GTK_WIDGET (self->agenda),
                                &(GtkAllocation) {
                                  0, bar_height + grid_height,
                                  width, MAX (0, content_height - grid_height)
                                }, -1);
    }
  else
    {
      int agenda_width = dg_calendar_view_get_agenda_width (width);

      gtk_widget_size_allocate (GTK_WIDGET (self->month_grid),
                                &(GtkAllocation) { 0, bar_height, width - agenda_width, content_height },
                                -1);
      gtk_widget_size_allocate (GTK_WIDGET (self->agenda),
                                &(GtkAllocation) { width - agenda_width, bar_height, agenda_width, content_height },
                                -1);
    }
}

static void
dg_calendar_view_map (GtkWidget *widget)
{
  DgCalendarView *self = DG_CALENDAR_VIEW (widget);

  GTK_WIDGET_CLASS (dg_calendar_view_parent_class)->map (widget);

  /* Shown again after a while: today may have moved meanwhile (a timer
   * does not run while the computer sleeps). */
  if (self->context != NULL)
    dg_calendar_view_reload (self);
}

static gboolean
dg_calendar_view_grab_focus (GtkWidget *widget)
{
  DgCalendarView *self = DG_CALENDAR_VIEW (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->month_grid));
}

static void
dg_calendar_view_dispose (GObject *object)
{
  DgCalendarView *self = (DgCalendarView *)object;

  dg_calendar_view_disconnect (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_CALENDAR_VIEW);

  dg_calendar_view_clear_days (self);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (dg_calendar_view_parent_class)->dispose (object);
}

static void
dg_calendar_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DgCalendarView *self = DG_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_FIRST_WEEKDAY:
      g_value_set_int (value, self->first_weekday);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_calendar_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DgCalendarView *self = DG_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      dg_calendar_view_set_context (self, g_value_get_object (value));
      break;

    case PROP_FIRST_WEEKDAY:
      dg_calendar_view_set_first_weekday (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_calendar_view_class_init (DgCalendarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_calendar_view_dispose;
  object_class->get_property = dg_calendar_view_get_property;
  object_class->set_property = dg_calendar_view_set_property;

  widget_class->measure = dg_calendar_view_measure;
  widget_class->get_request_mode = dg_calendar_view_get_request_mode;
  widget_class->size_allocate = dg_calendar_view_size_allocate;
  widget_class->map = dg_calendar_view_map;
  widget_class->grab_focus = dg_calendar_view_grab_focus;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         DG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* A GDateWeekday; 0 (G_DATE_BAD_WEEKDAY) follows the locale. */
  properties [PROP_FIRST_WEEKDAY] =
    g_param_spec_int ("first-weekday", NULL, NULL,
                      G_DATE_BAD_WEEKDAY, G_DATE_SUNDAY, G_DATE_BAD_WEEKDAY,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "calendarview");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/followups/dg-calendar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DgCalendarView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, DgCalendarView, month_title);
  gtk_widget_class_bind_template_child (widget_class, DgCalendarView, month_short_title);
  gtk_widget_class_bind_template_child (widget_class, DgCalendarView, month_grid);
  gtk_widget_class_bind_template_child (widget_class, DgCalendarView, agenda);
  gtk_widget_class_bind_template_callback (widget_class, on_month_grid_day_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_month_grid_followup_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_month_grid_followup_dropped_cb);

  _dg_calendar_view_class_actions_init (widget_class);

  g_type_ensure (DG_TYPE_MONTH_GRID);
  g_type_ensure (DG_TYPE_DAY_AGENDA);
}

static void
dg_calendar_view_init (DgCalendarView *self)
{
  g_date_clear (&self->selected, 1);
  g_date_clear (&self->first_day, 1);
  self->first_weekday = G_DATE_BAD_WEEKDAY;

  gtk_widget_init_template (GTK_WIDGET (self));

  dg_calendar_view_reload (self);
}
