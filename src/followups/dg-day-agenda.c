/* dg-day-agenda.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dg-date-names.h"
#include "dg-day-agenda.h"
#include "dg-followup-chip.h"

/* Narrower than this, the rows keep Done in their menu: the title keeps
 * the width of a few words, beside the time and one button. */
#define NARROW_WIDTH 384

struct _DgDayAgenda
{
  GtkWidget     parent_instance;

  GDate         date;
  GPtrArray    *followups;
  /* Where the customers' phone numbers are read; NULL for none. */
  DgDatabase   *database;
  /* Whether rows keep Done in their menu, the agenda being narrow. */
  gboolean      narrow;

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

  /* Shown only while the agenda is narrow and hides the row's button. */
  if (dg_followup_get_status (followup) == DG_FOLLOWUP_STATUS_OPEN)
    {
      g_autoptr(GMenuItem) done = g_menu_item_new (_("Mark as Done"), NULL);

      g_menu_item_set_action_and_target_value (done, "agenda.narrow-done", g_variant_new_int64 (id));
      g_menu_item_set_attribute (done, "hidden-when", "s", "action-disabled");
      g_menu_append_item (menu, done);
    }

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
add_badge (GtkWidget  *box,
           const char *text,
           const char *kind)
{
  GtkWidget *badge = gtk_label_new (text);

  gtk_widget_add_css_class (badge, "status-badge");
  gtk_widget_add_css_class (badge, kind);
  gtk_box_append (GTK_BOX (box), badge);

  return badge;
}

/* The customer's phone number in its display form, or NULL: read when the
 * day is shown, which lists a handful of follow-ups. */
static char *
dg_day_agenda_dup_phone (DgDayAgenda *self,
                         DgFollowup  *followup)
{
  g_autoptr(DgCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  const char *phone;

  if (self->database == NULL || dg_followup_get_customer_id (followup) == 0)
    return NULL;

  customer = dg_customers_get (self->database, dg_followup_get_customer_id (followup), &error);
  if (customer == NULL)
    {
      g_debug ("No phone number for the agenda: %s", error->message);
      return NULL;
    }

  phone = dg_customer_get_phone (customer);
  if (phone == NULL || phone[0] == '\0')
    return NULL;

  return dg_phone_format_display (phone);
}

/* A row stacks the title (whole, over as many lines as it needs) over the
 * customer and phone number and the status badges, beside its time and
 * actions; a narrow agenda moves Done into the row's menu. */
static GtkWidget *
dg_day_agenda_create_row (DgDayAgenda *self,
                          DgFollowup  *followup,
                          DgClock     *clock,
                          GTimeZone   *tz)
{
  g_autoptr(GMenuModel) menu = NULL;
  g_autofree char *phone = NULL;
  GDateTime *snoozed = clock != NULL ? dg_followups_active_snooze (followup, clock) : NULL;
  g_autofree char *time = NULL;
  DgFollowupStatus status = dg_followup_get_status (followup);
  gboolean overdue = snoozed == NULL && clock != NULL && dg_followup_is_overdue (followup, clock);
  const char *customer = dg_followup_get_customer_name (followup);
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *text_box;
  GtkWidget *badges;
  GtkWidget *title_label;
  GtkWidget *time_label;
  GtkWidget *actions;
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

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "agenda-row");
  g_object_set_data_full (G_OBJECT (row), "dg-followup", g_object_ref (followup), g_object_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, dg_followup_get_title (followup),
                                  -1);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (box, "agenda-row-box");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  time_label = gtk_label_new (time != NULL ? time : C_("follow-up time", "All day"));
  gtk_label_set_xalign (GTK_LABEL (time_label), 0);
  gtk_label_set_width_chars (GTK_LABEL (time_label), 5);
  gtk_widget_set_valign (time_label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (time_label, "agenda-time");
  if (time == NULL)
    gtk_widget_add_css_class (time_label, "all-day");
  gtk_box_append (GTK_BOX (box), time_label);

  text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_widget_set_valign (text_box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), text_box);

  /* Whole: a title wraps between words rather than losing its end. */
  title_label = gtk_label_new (dg_followup_get_title (followup));
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title_label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title_label, "title");
  gtk_box_append (GTK_BOX (text_box), title_label);
  g_object_set_data (G_OBJECT (row), "dg-title-label", title_label);

  phone = dg_day_agenda_dup_phone (self, followup);
  if ((customer != NULL && customer[0] != '\0') || phone != NULL)
    {
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

      gtk_widget_add_css_class (line, "agenda-customer");
      gtk_box_append (GTK_BOX (text_box), line);

      if (customer != NULL && customer[0] != '\0')
        {
          GtkWidget *name = gtk_label_new (customer);

          gtk_label_set_xalign (GTK_LABEL (name), 0);
          gtk_label_set_wrap (GTK_LABEL (name), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
          gtk_widget_add_css_class (name, "dim-label");
          gtk_box_append (GTK_BOX (line), name);
        }

      if (phone != NULL)
        {
          /* One line always: a number broken at a hyphen reads as two. */
          GtkWidget *phone_label = gtk_label_new (phone);

          gtk_label_set_xalign (GTK_LABEL (phone_label), 0);
          gtk_label_set_single_line_mode (GTK_LABEL (phone_label), TRUE);
          gtk_widget_add_css_class (phone_label, "dim-label");
          gtk_widget_add_css_class (phone_label, "numeric");
          gtk_box_append (GTK_BOX (line), phone_label);
          g_object_set_data (G_OBJECT (row), "dg-phone-label", phone_label);
        }
    }

  badges = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (badges, GTK_ALIGN_START);
  gtk_widget_set_margin_top (badges, 2);

  if (snoozed != NULL)
    {
      g_autofree char *tooltip = NULL;
      GtkWidget *badge;

      /* Translators: beside a follow-up in the day's agenda whose snooze
       * moved it to the time shown. */
      badge = add_badge (badges, C_("follow-up status", "Snoozed"), "snoozed");
      /* Translators: the tooltip of that mark; %s is the time, as 15:30. */
      tooltip = g_strdup_printf (_("Snoozed until %s"), time);
      gtk_widget_set_tooltip_text (badge, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (badge),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_widget_set_name (badge, "snooze_badge");
      gtk_widget_add_css_class (row, "snoozed");
    }

  if (overdue)
    {
      /* Translators: beside a follow-up whose due date has passed. */
      add_badge (badges, _("Overdue"), "overdue");
      gtk_widget_add_css_class (row, "overdue");
    }
  else if (status == DG_FOLLOWUP_STATUS_DONE)
    {
      /* Translators: beside a follow-up that was completed. */
      add_badge (badges, C_("follow-up status", "Done"), "done");
      gtk_widget_add_css_class (row, "done");
    }

  gtk_box_append (GTK_BOX (text_box), badges);
  gtk_widget_set_visible (badges, gtk_widget_get_first_child (badges) != NULL);

  actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  gtk_widget_set_valign (actions, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), actions);

  if (status == DG_FOLLOWUP_STATUS_OPEN)
    {
      GtkWidget *done_button = gtk_button_new_from_icon_name ("object-select-symbolic");

      gtk_widget_set_valign (done_button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (done_button, _("Mark as Done"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (done_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mark as Done"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (done_button), "calendar.done-followup");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (done_button),
                                              g_variant_new_int64 (dg_followup_get_id (followup)));
      gtk_widget_add_css_class (done_button, "flat");
      gtk_widget_add_css_class (done_button, "circular");
      gtk_widget_set_visible (done_button, !self->narrow);
      gtk_box_append (GTK_BOX (actions), done_button);
      g_object_set_data (G_OBJECT (row), "dg-done-button", done_button);
    }

  menu = build_row_menu (followup);
  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (menu_button, _("More Actions"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("More Actions"), -1);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_box_append (GTK_BOX (actions), menu_button);
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

gboolean
dg_day_agenda_get_narrow (DgDayAgenda *self)
{
  g_return_val_if_fail (DG_IS_DAY_AGENDA (self), FALSE);

  return self->narrow;
}

/* Hides each row's Done button and shows the menu item that stands in
 * for it (hidden while its action is disabled). */
static void
dg_day_agenda_set_narrow (DgDayAgenda *self,
                          gboolean     narrow)
{
  if (self->narrow == narrow)
    return;

  self->narrow = narrow;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *done_button = g_object_get_data (G_OBJECT (row), "dg-done-button");

      if (done_button != NULL)
        gtk_widget_set_visible (done_button, !narrow);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.narrow-done", narrow);
}

void
dg_day_agenda_set_database (DgDayAgenda *self,
                            DgDatabase  *database)
{
  g_return_if_fail (DG_IS_DAY_AGENDA (self));
  g_return_if_fail (database == NULL || DG_IS_DATABASE (database));

  g_set_object (&self->database, database);
}

typedef struct
{
  GtkWidget *agenda;
  GVariant  *id;
} DeferredDone;

static gboolean
deferred_done_cb (gpointer user_data)
{
  DeferredDone *done = user_data;

  if (gtk_widget_get_root (done->agenda) != NULL)
    gtk_widget_activate_action_variant (done->agenda, "calendar.done-followup", done->id);
  g_object_unref (done->agenda);
  g_variant_unref (done->id);
  g_free (done);

  return G_SOURCE_REMOVE;
}

/* Done once the menu has closed: it rebuilds the rows, the menu's with
 * them, which must not go while the menu is still closing. */
static void
narrow_done_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DeferredDone *done = g_new0 (DeferredDone, 1);

  done->agenda = g_object_ref (widget);
  done->id = g_variant_ref (parameter);
  g_idle_add (deferred_done_cb, done);
}

/* The agenda picks the rows' layout from its width, before placing them;
 * the width does not depend on it, so the next layout keeps it. */
static void
dg_day_agenda_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  DgDayAgenda *self = DG_DAY_AGENDA (widget);

  dg_day_agenda_set_narrow (self, width < NARROW_WIDTH);

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
  g_clear_object (&self->database);

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
  gtk_widget_class_install_action (widget_class, "agenda.narrow-done", "x", narrow_done_action);
}

static void
dg_day_agenda_init (DgDayAgenda *self)
{
  g_date_clear (&self->date, 1);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.narrow-done", FALSE);
}
