/* dg-date-button.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include "dg-date-button.h"

#include <string.h>
#include <glib/gi18n.h>

#include "dg-date-parse.h"

struct _DgDateButton
{
  GtkWidget         parent_instance;

  GtkMenuButton    *menu_button;
  GtkPopover       *popover;
  GtkCalendar      *calendar;

  DgFieldRow       *row;
  GtkWidget        *hint;
  DgDateButtonMode  mode;
  DgClock          *clock;
  gulong            changed_id;
  GtkEventController *focus_controller;
  /* Set while the calendar is moved to the field's day, so that moving
   * it is not taken for a pick. */
  gboolean          syncing;
};

G_DEFINE_FINAL_TYPE (DgDateButton, dg_date_button, GTK_TYPE_WIDGET)

GtkWidget *
dg_date_button_new (void)
{
  return g_object_new (DG_TYPE_DATE_BUTTON, NULL);
}

void
dg_date_button_get_today (DgDateButton *self,
                          GDate        *out_today)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (DG_IS_DATE_BUTTON (self));

  now = self->clock != NULL ? dg_clock_get_now_local (self->clock)
                            : g_date_time_new_now_local ();
  g_date_clear (out_today, 1);
  g_date_set_dmy (out_today,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

/* "H:MM" or "HH:MM": the shape of a time the date-and-time fields take. */
static gboolean
looks_like_time (const char *text)
{
  gsize len = strlen (text);

  if (len != 4 && len != 5)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      gboolean colon_here = i == len - 3;

      if (colon_here ? text[i] != ':' : !g_ascii_isdigit (text[i]))
        return FALSE;
    }
  return TRUE;
}

/* Splits the field's text into its day and, in the date-and-time mode,
 * the time at its end (NULL when there is none). */
static char *
dg_date_button_split (DgDateButton  *self,
                      char         **out_time)
{
  g_autofree char *text = dg_field_row_dup_trimmed_text (self->row);
  char *last_space;

  *out_time = NULL;
  if (self->mode != DG_DATE_BUTTON_DATE_AND_TIME)
    return g_steal_pointer (&text);

  if (looks_like_time (text))
    {
      *out_time = g_steal_pointer (&text);
      return g_strdup ("");
    }

  last_space = strrchr (text, ' ');
  if (last_space != NULL && looks_like_time (last_space + 1))
    {
      *out_time = g_strdup (last_space + 1);
      *last_space = '\0';
      return g_strstrip (g_strdup (text));
    }

  return g_steal_pointer (&text);
}

/* Moves the calendar to the day the field holds, or to today. */
static void
on_popover_show_cb (GtkPopover   *popover,
                    DgDateButton *self)
{
  g_autofree char *time_text = NULL;
  g_autofree char *date_text = NULL;
  g_autoptr(GDateTime) shown = NULL;
  GDate today;
  GDate date;

  if (self->row == NULL)
    return;

  date_text = dg_date_button_split (self, &time_text);
  dg_date_button_get_today (self, &today);
  if (*date_text == '\0' ||
      dg_date_parse (date_text, &today, &date, NULL) != DG_DATE_PARSE_OK)
    date = today;

  shown = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                 g_date_get_day (&date), 12, 0, 0);
  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, shown);
  self->syncing = FALSE;
}

static void
on_day_selected_cb (GtkCalendar  *calendar,
                    DgDateButton *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (picked, "%Y-%m-%d");
  g_autofree char *time_text = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *text = NULL;

  if (self->syncing || self->row == NULL)
    return;

  if (self->mode == DG_DATE_BUTTON_DATE_AND_TIME)
    {
      date_text = dg_date_button_split (self, &time_text);
      if (time_text == NULL)
        {
          g_autoptr(GDateTime) now = self->clock != NULL ? dg_clock_get_now_local (self->clock)
                                                         : g_date_time_new_now_local ();

          time_text = g_date_time_format (now, "%H:%M");
        }
      text = g_strdup_printf ("%s %s", iso, time_text);
    }
  else
    text = g_steal_pointer (&iso);

  gtk_editable_set_text (GTK_EDITABLE (self->row), text);
  gtk_editable_set_position (GTK_EDITABLE (self->row), -1);
  gtk_popover_popdown (self->popover);
}

/* A short form typed ("12/15", "내일") is shown in the stored form once
 * the field is left, so that the year it was taken for can be seen. A
 * text that is no date is left as typed, with its message. */
static void
on_row_focus_leave_cb (GtkEventControllerFocus *controller,
                       DgDateButton            *self)
{
  g_autofree char *time_text = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *text = NULL;
  GDate today;
  GDate date;

  /* Focus also leaves a form being closed, which must not be edited. */
  if (self->row == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->row)) ||
      gtk_widget_in_destruction (GTK_WIDGET (self->row)))
    return;

  date_text = dg_date_button_split (self, &time_text);
  dg_date_button_get_today (self, &today);
  if (*date_text == '\0' ||
      dg_date_parse (date_text, &today, &date, NULL) != DG_DATE_PARSE_OK)
    return;

  iso = dg_date_format_iso (&date);
  text = time_text != NULL ? g_strdup_printf ("%s %s", iso, time_text) : g_strdup (iso);
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self->row))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->row), text);
}

static void
dg_date_button_update_hint (DgDateButton *self)
{
  const char *text;

  if (self->hint == NULL || self->row == NULL)
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self->row));
  gtk_widget_set_visible (self->hint, text == NULL || *text == '\0');
}

static void
on_row_changed_cb (GtkEditable  *editable,
                   DgDateButton *self)
{
  dg_date_button_update_hint (self);
}

void
dg_date_button_bind (DgDateButton     *self,
                     DgFieldRow       *row,
                     DgDateButtonMode  mode,
                     GtkWidget        *hint)
{
  g_return_if_fail (DG_IS_DATE_BUTTON (self));
  g_return_if_fail (DG_IS_FIELD_ROW (row));
  g_return_if_fail (self->row == NULL);

  self->row = row;
  self->mode = mode;
  self->hint = hint;
  self->changed_id = g_signal_connect (row, "changed", G_CALLBACK (on_row_changed_cb), self);

  /* The controller belongs to the row; it is taken away with the button,
   * which may go first. */
  self->focus_controller = gtk_event_controller_focus_new ();
  g_signal_connect (self->focus_controller, "leave", G_CALLBACK (on_row_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (row), self->focus_controller);
  dg_date_button_update_hint (self);
}

void
dg_date_button_set_clock (DgDateButton *self,
                          DgClock      *clock)
{
  g_return_if_fail (DG_IS_DATE_BUTTON (self));
  g_return_if_fail (clock == NULL || DG_IS_CLOCK (clock));

  g_set_object (&self->clock, clock);
}

GtkPopover *
dg_date_button_get_popover (DgDateButton *self)
{
  g_return_val_if_fail (DG_IS_DATE_BUTTON (self), NULL);

  return self->popover;
}

GtkCalendar *
dg_date_button_get_calendar (DgDateButton *self)
{
  g_return_val_if_fail (DG_IS_DATE_BUTTON (self), NULL);

  return self->calendar;
}

static void
dg_date_button_dispose (GObject *object)
{
  DgDateButton *self = DG_DATE_BUTTON (object);

  if (self->row != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->row);
      if (self->focus_controller != NULL)
        gtk_widget_remove_controller (GTK_WIDGET (self->row), self->focus_controller);
      self->focus_controller = NULL;
      self->row = NULL;
    }
  self->hint = NULL;
  g_clear_object (&self->clock);
  if (self->menu_button != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->menu_button));
      self->menu_button = NULL;
    }

  G_OBJECT_CLASS (dg_date_button_parent_class)->dispose (object);
}

static void
dg_date_button_class_init (DgDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_date_button_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dg-date-button");
}

static void
dg_date_button_init (DgDateButton *self)
{
  /* Translators: the button at the end of a date field that opens a calendar */
  const char *label = _("Pick a Date");

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect (self->calendar, "day-selected", G_CALLBACK (on_day_selected_cb), self);

  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->popover, GTK_WIDGET (self->calendar));
  g_signal_connect (self->popover, "show", G_CALLBACK (on_popover_show_cb), self);

  self->menu_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->menu_button, "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (self->menu_button, GTK_WIDGET (self->popover));
  /* The button sits at the right end of its field, near the window's
   * edge: beside it, on the left, the calendar stays inside the window.
   * (The menu button sets its popover's position from its direction.) */
  gtk_menu_button_set_direction (self->menu_button, GTK_ARROW_LEFT);
  gtk_widget_set_valign (GTK_WIDGET (self->menu_button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->menu_button), "flat");
  gtk_widget_set_parent (GTK_WIDGET (self->menu_button), GTK_WIDGET (self));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}
