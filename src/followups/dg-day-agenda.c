/* dg-day-agenda.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dg-date-names.h"
#include "dg-day-agenda.h"
#include "dg-followup-chip.h"

struct _DgDayAgenda
{
  GtkWidget     parent_instance;

  GDate         date;
  GPtrArray    *followups;

  /* Where a follow-up is moved with the keyboard: one popover, pointed
   * at the row it is for. */
  GtkWidget    *date_popover;
  GtkCalendar  *date_calendar;
  gint64        moving_id;

  GtkWidget    *box;
  GtkLabel     *day_title;
  GtkLabel     *day_subtitle;
  GtkStack     *stack;
  GtkListBox   *list_box;
};

G_DEFINE_FINAL_TYPE (DgDayAgenda, dg_day_agenda, GTK_TYPE_WIDGET)

static DgFollowup *
row_get_followup (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "dg-followup");
}

static GdkContentProvider *
on_row_drag_prepare_cb (GtkDragSource *source,
                        double         x,
                        double         y,
                        GtkWidget     *row)
{
  DgFollowup *followup = row_get_followup (GTK_LIST_BOX_ROW (row));

  return gdk_content_provider_new_typed (G_TYPE_INT64, dg_followup_get_id (followup));
}

static void
on_row_drag_begin_cb (GtkDragSource *source,
                      GdkDrag       *drag,
                      GtkWidget     *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static GMenuModel *
build_row_menu (DgFollowup *followup)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) edit = NULL;
  g_autoptr(GMenuItem) move = NULL;
  gint64 id = dg_followup_get_id (followup);

  edit = g_menu_item_new (_("_Edit"), NULL);
  g_menu_item_set_action_and_target_value (edit, "calendar.edit-followup", g_variant_new_int64 (id));
  g_menu_append_item (menu, edit);

  if (dg_followup_get_customer_id (followup) != 0)
    {
      g_autoptr(GMenuItem) open = g_menu_item_new (_("Open _Customer"), NULL);

      g_menu_item_set_action_and_target_value (open, "calendar.open-customer",
                                               g_variant_new_int64 (dg_followup_get_customer_id (followup)));
      g_menu_append_item (menu, open);
    }

  move = g_menu_item_new (_("_Move to Date…"), NULL);
  g_menu_item_set_action_and_target_value (move, "agenda.move-to-date", g_variant_new_int64 (id));
  g_menu_append_item (menu, move);

  if (dg_followup_get_recurrence (followup) != DG_RECURRENCE_NONE
      && dg_followup_get_status (followup) == DG_FOLLOWUP_STATUS_OPEN)
    {
      g_autoptr(GMenuItem) stop = g_menu_item_new (_("Stop _Repeating"), NULL);

      g_menu_item_set_action_and_target_value (stop, "calendar.stop-repeating", g_variant_new_int64 (id));
      g_menu_append_item (menu, stop);
    }

  {
    g_autoptr(GMenuItem) delete = g_menu_item_new (_("_Delete…"), NULL);
    g_autoptr(GMenu) section = g_menu_new ();

    g_menu_item_set_action_and_target_value (delete, "calendar.delete-followup", g_variant_new_int64 (id));
    g_menu_append_item (section, delete);
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  }

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static GtkWidget *
dg_day_agenda_create_row (DgDayAgenda *self,
                          DgFollowup  *followup,
                          DgClock     *clock,
                          GTimeZone   *tz)
{
  g_autoptr(GMenuModel) menu = NULL;
  GDateTime *snoozed = clock != NULL ? dg_followups_active_snooze (followup, clock) : NULL;
  g_autofree char *time = NULL;
  DgFollowupStatus status = dg_followup_get_status (followup);
  gboolean overdue = snoozed == NULL && clock != NULL && dg_followup_is_overdue (followup, clock);
  const char *customer = dg_followup_get_customer_name (followup);
  GtkWidget *row;
  GtkWidget *time_label;
  GtkWidget *menu_button;
  GtkDragSource *drag_source;

  if (snoozed != NULL)
    {
      g_autoptr(GDateTime) local = tz != NULL ? g_date_time_to_timezone (snoozed, tz)
                                              : g_date_time_to_local (snoozed);

      /* Listed at its snooze: it shows that time, and says so below. */
      time = g_date_time_format (local, "%H:%M");
    }
  else
    time = dg_followup_format_time (followup, tz);

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dg_followup_get_title (followup));
  if (customer != NULL && customer[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), customer);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "agenda-row");
  g_object_set_data_full (G_OBJECT (row), "dg-followup", g_object_ref (followup), g_object_unref);

  time_label = gtk_label_new (time != NULL ? time : C_("follow-up time", "All day"));
  gtk_label_set_xalign (GTK_LABEL (time_label), 0);
  gtk_label_set_width_chars (GTK_LABEL (time_label), 5);
  gtk_widget_add_css_class (time_label, "agenda-time");
  if (time == NULL)
    gtk_widget_add_css_class (time_label, "all-day");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), time_label);

  if (snoozed != NULL)
    {
      g_autofree char *tooltip = NULL;
      GtkWidget *badge;

      /* Translators: beside a follow-up in the day's agenda whose snooze
       * moved it to the time shown. */
      badge = gtk_label_new (C_("follow-up status", "Snoozed"));
      /* Translators: the tooltip of that mark; %s is the time, as 15:30. */
      tooltip = g_strdup_printf (_("Snoozed until %s"), time);
      gtk_widget_set_tooltip_text (badge, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (badge),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "status-badge");
      gtk_widget_add_css_class (badge, "snoozed");
      gtk_widget_set_name (badge, "snooze_badge");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
      gtk_widget_add_css_class (row, "snoozed");
    }

  if (status == DG_FOLLOWUP_STATUS_DONE || overdue)
    {
      GtkWidget *badge;

      if (overdue)
        /* Translators: beside a follow-up whose due date has passed. */
        badge = gtk_label_new (_("Overdue"));
      else
        /* Translators: beside a follow-up that was completed. */
        badge = gtk_label_new (C_("follow-up status", "Done"));
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "status-badge");
      gtk_widget_add_css_class (badge, overdue ? "overdue" : "done");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
      gtk_widget_add_css_class (row, overdue ? "overdue" : "done");
    }

  if (status == DG_FOLLOWUP_STATUS_OPEN)
    {
      GtkWidget *done_button = gtk_button_new_from_icon_name ("object-select-symbolic");

      gtk_widget_set_valign (done_button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (done_button, _("Mark as Done"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (done_button), "calendar.done-followup");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (done_button),
                                              g_variant_new_int64 (dg_followup_get_id (followup)));
      gtk_widget_add_css_class (done_button, "flat");
      gtk_widget_add_css_class (done_button, "circular");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), done_button);
    }

  menu = build_row_menu (followup);
  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (menu_button, _("More Actions"));
  gtk_widget_add_css_class (menu_button, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);
  g_object_set_data (G_OBJECT (row), "dg-menu-button", menu_button);

  /* A row can be dragged onto a day of the month, like its chip. */
  drag_source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag_source, GDK_ACTION_MOVE);
  g_signal_connect (drag_source, "prepare", G_CALLBACK (on_row_drag_prepare_cb), row);
  g_signal_connect (drag_source, "drag-begin", G_CALLBACK (on_row_drag_begin_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag_source));

  return row;
}

static void
dg_day_agenda_update_title (DgDayAgenda *self,
                            DgClock     *clock,
                            GTimeZone   *tz)
{
  g_autofree char *title = dg_date_names_format_day (&self->date);
  g_autofree char *count = NULL;
  guint n = self->followups != NULL ? self->followups->len : 0;
  gboolean today = FALSE;

  if (clock != NULL)
    {
      g_autoptr(GDateTime) now = dg_clock_get_now_utc (clock);
      GDate today_date;

      dg_recurrence_local_date (now, tz, &today_date);
      today = g_date_compare (&today_date, &self->date) == 0;
    }

  gtk_label_set_text (self->day_title, title);

  if (n == 0)
    count = g_strdup (today ? _("Today") : "");
  else if (today)
    /* Translators: under the date of today's agenda; %u is how many
     * follow-ups are due today. */
    count = g_strdup_printf (ngettext ("Today · %u follow-up", "Today · %u follow-ups", n), n);
  else
    /* Translators: under the date of a day's agenda; %u is how many
     * follow-ups are due that day. */
    count = g_strdup_printf (ngettext ("%u follow-up", "%u follow-ups", n), n);

  gtk_label_set_text (self->day_subtitle, count);
  gtk_widget_set_visible (GTK_WIDGET (self->day_subtitle), count[0] != '\0');
}

void
dg_day_agenda_set_day (DgDayAgenda *self,
                       const GDate *date,
                       GPtrArray   *followups,
                       DgClock     *clock,
                       GTimeZone   *tz)
{
  gint64 selected_id;
  GtkWidget *child;

  g_return_if_fail (DG_IS_DAY_AGENDA (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  /* The same follow-up stays selected when the day is only refreshed. */
  selected_id = g_date_valid (&self->date) && g_date_compare (&self->date, date) == 0
                ? dg_day_agenda_get_selected_id (self) : 0;

  self->date = *date;
  g_clear_pointer (&self->followups, g_ptr_array_unref);
  if (followups != NULL)
    self->followups = g_ptr_array_ref (followups);

  if (self->date_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->date_popover));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  for (guint i = 0; followups != NULL && i < followups->len; i++)
    gtk_list_box_append (self->list_box,
                         dg_day_agenda_create_row (self, g_ptr_array_index (followups, i), clock, tz));

  dg_day_agenda_update_title (self, clock, tz);
  gtk_stack_set_visible_child_name (self->stack,
                                    dg_day_agenda_get_n_followups (self) > 0 ? "list" : "empty");

  if (selected_id != 0)
    dg_day_agenda_select_followup (self, selected_id);
}

guint
dg_day_agenda_get_n_followups (DgDayAgenda *self)
{
  g_return_val_if_fail (DG_IS_DAY_AGENDA (self), 0);

  return self->followups != NULL ? self->followups->len : 0;
}

DgFollowup *
dg_day_agenda_get_followup (DgDayAgenda *self,
                            guint        index)
{
  g_return_val_if_fail (DG_IS_DAY_AGENDA (self), NULL);

  if (self->followups == NULL || index >= self->followups->len)
    return NULL;

  return g_ptr_array_index (self->followups, index);
}

static GtkListBoxRow *
dg_day_agenda_find_row (DgDayAgenda *self,
                        gint64       followup_id)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);

      if (row == NULL)
        return NULL;
      if (dg_followup_get_id (row_get_followup (row)) == followup_id)
        return row;
    }
}

gboolean
dg_day_agenda_select_followup (DgDayAgenda *self,
                               gint64       followup_id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (DG_IS_DAY_AGENDA (self), FALSE);

  row = dg_day_agenda_find_row (self, followup_id);
  if (row == NULL)
    return FALSE;

  gtk_list_box_select_row (self->list_box, row);

  return TRUE;
}

gint64
dg_day_agenda_get_selected_id (DgDayAgenda *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (DG_IS_DAY_AGENDA (self), 0);

  row = gtk_list_box_get_selected_row (self->list_box);

  return row != NULL ? dg_followup_get_id (row_get_followup (row)) : 0;
}

static void
on_list_box_row_activated_cb (GtkListBox    *list_box,
                              GtkListBoxRow *row,
                              DgDayAgenda   *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "calendar.edit-followup", "x",
                              dg_followup_get_id (row_get_followup (row)));
}

static void
on_move_button_clicked_cb (GtkButton   *button,
                           DgDayAgenda *self)
{
  g_autoptr(GDateTime) chosen = gtk_calendar_get_date (self->date_calendar);
  g_autofree char *iso = g_date_time_format (chosen, "%Y-%m-%d");
  gint64 id = self->moving_id;

  gtk_popover_popdown (GTK_POPOVER (self->date_popover));
  gtk_widget_activate_action (GTK_WIDGET (self), "calendar.move-followup", "(xs)", id, iso);
}

static void
dg_day_agenda_ensure_date_popover (DgDayAgenda *self)
{
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *button;

  if (self->date_popover != NULL)
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  label = gtk_label_new (_("Move to Date"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  self->date_calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_widget_set_name (GTK_WIDGET (self->date_calendar), "move_calendar");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->date_calendar));

  button = gtk_button_new_with_mnemonic (_("_Move"));
  gtk_widget_set_name (button, "move_button");
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_move_button_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (box), button);

  self->date_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->date_popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (self->date_popover), button);
  gtk_popover_set_position (GTK_POPOVER (self->date_popover), GTK_POS_LEFT);
  gtk_widget_set_parent (self->date_popover, GTK_WIDGET (self));
}

static void
move_to_date_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DgDayAgenda *self = DG_DAY_AGENDA (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GDateTime) current = NULL;
  GtkListBoxRow *row;
  GtkWidget *anchor;
  graphene_rect_t bounds;

  row = dg_day_agenda_find_row (self, id);
  if (row == NULL)
    return;

  dg_day_agenda_ensure_date_popover (self);
  self->moving_id = id;

  current = g_date_time_new_local (g_date_get_year (&self->date),
                                   g_date_get_month (&self->date),
                                   g_date_get_day (&self->date),
                                   12, 0, 0);
  gtk_calendar_select_day (self->date_calendar, current);

  anchor = g_object_get_data (G_OBJECT (row), "dg-menu-button");
  if (anchor == NULL)
    anchor = GTK_WIDGET (row);
  if (gtk_widget_compute_bounds (anchor, GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->date_popover),
                                 &(GdkRectangle) {
                                   bounds.origin.x, bounds.origin.y,
                                   bounds.size.width, bounds.size.height
                                 });

  gtk_list_box_select_row (self->list_box, row);
  gtk_popover_popup (GTK_POPOVER (self->date_popover));
  gtk_widget_grab_focus (GTK_WIDGET (self->date_calendar));
}

static void
dg_day_agenda_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  DgDayAgenda *self = DG_DAY_AGENDA (widget);

  gtk_widget_size_allocate (self->box, &(GtkAllocation) { 0, 0, width, height }, baseline);

  if (self->date_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->date_popover));
}

static void
dg_day_agenda_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  DgDayAgenda *self = DG_DAY_AGENDA (widget);

  gtk_widget_measure (self->box, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
dg_day_agenda_dispose (GObject *object)
{
  DgDayAgenda *self = (DgDayAgenda *)object;

  g_clear_pointer (&self->date_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_DAY_AGENDA);
  g_clear_pointer (&self->followups, g_ptr_array_unref);

  G_OBJECT_CLASS (dg_day_agenda_parent_class)->dispose (object);
}

static void
dg_day_agenda_class_init (DgDayAgendaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_day_agenda_dispose;

  widget_class->measure = dg_day_agenda_measure;
  widget_class->size_allocate = dg_day_agenda_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "dayagenda");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/followups/dg-day-agenda.ui");
  gtk_widget_class_bind_template_child (widget_class, DgDayAgenda, box);
  gtk_widget_class_bind_template_child (widget_class, DgDayAgenda, day_title);
  gtk_widget_class_bind_template_child (widget_class, DgDayAgenda, day_subtitle);
  gtk_widget_class_bind_template_child (widget_class, DgDayAgenda, stack);
  gtk_widget_class_bind_template_child (widget_class, DgDayAgenda, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_list_box_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "agenda.move-to-date", "x", move_to_date_action);
}

static void
dg_day_agenda_init (DgDayAgenda *self)
{
  g_date_clear (&self->date, 1);

  gtk_widget_init_template (GTK_WIDGET (self));
}
