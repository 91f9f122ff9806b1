/* dg-month-cell.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-date-names.h"
#include "dg-followup-chip.h"
#include "dg-month-cell.h"

#define CHIP_SPACING 2

struct _DgMonthCell
{
  GtkWidget      parent_instance;

  GDate          date;
  gboolean       out_of_month;
  gboolean       today;
  gboolean       selected;

  /* The chips, in the day's order; children of the cell between the day
   * label and the overflow button. */
  GPtrArray     *chips;
  guint          n_overflow;
  /* The day's follow-ups and how to read them, for the overflow popover. */
  GPtrArray     *followups;
  DgClock       *clock;
  GTimeZone     *tz;

  GtkWidget     *day_label;
  GtkWidget     *overflow_button;
  GtkInscription *overflow_text;
};

G_DEFINE_FINAL_TYPE (DgMonthCell, dg_month_cell, GTK_TYPE_WIDGET)

enum {
  CLICKED,
  FOLLOWUP_ACTIVATED,
  FOLLOWUP_DROPPED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
dg_month_cell_update_flags (DgMonthCell *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  if (self->out_of_month)
    gtk_widget_add_css_class (widget, "out-of-month");
  else
    gtk_widget_remove_css_class (widget, "out-of-month");

  if (self->today)
    gtk_widget_add_css_class (widget, "today");
  else
    gtk_widget_remove_css_class (widget, "today");

  if (self->selected)
    gtk_widget_set_state_flags (widget, GTK_STATE_FLAG_SELECTED, FALSE);
  else
    gtk_widget_unset_state_flags (widget, GTK_STATE_FLAG_SELECTED);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_SELECTED, self->selected,
                               -1);
}

static void
on_chip_activated_cb (DgFollowupChip *chip,
                      int             n_press,
                      DgMonthCell    *self)
{
  GtkWidget *popover;

  /* A chip in the overflow list closes it: the agenda takes over. */
  popover = gtk_widget_get_ancestor (GTK_WIDGET (chip), GTK_TYPE_POPOVER);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));

  g_signal_emit (self, signals [FOLLOWUP_ACTIVATED], 0,
                 dg_followup_chip_get_followup (chip), n_press);
}

static void
dg_month_cell_clear_chips (DgMonthCell *self)
{
  for (guint i = 0; i < self->chips->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->chips, i));
  g_ptr_array_set_size (self->chips, 0);
}

static GtkWidget *
dg_month_cell_create_chip (DgMonthCell *self,
                           DgFollowup  *followup,
                           gboolean     wrap)
{
  GtkWidget *chip;
  GDateTime *snoozed = self->clock != NULL ? dg_followups_active_snooze (followup, self->clock) : NULL;
  gboolean overdue = snoozed == NULL && self->clock != NULL && dg_followup_is_overdue (followup, self->clock);

  chip = dg_followup_chip_new (followup, self->tz, overdue, snoozed, wrap);
  g_signal_connect_object (chip, "activated", G_CALLBACK (on_chip_activated_cb), self, 0);

  return chip;
}

void
dg_month_cell_set_followups (DgMonthCell *self,
                             GPtrArray   *followups,
                             DgClock     *clock,
                             GTimeZone   *tz)
{
  g_return_if_fail (DG_IS_MONTH_CELL (self));

  dg_month_cell_clear_chips (self);
  g_clear_pointer (&self->followups, g_ptr_array_unref);
  g_set_object (&self->clock, clock);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  if (tz != NULL)
    self->tz = g_time_zone_ref (tz);

  if (followups != NULL)
    {
      self->followups = g_ptr_array_ref (followups);

      for (guint i = 0; i < followups->len; i++)
        {
          GtkWidget *chip = dg_month_cell_create_chip (self, g_ptr_array_index (followups, i), FALSE);

          gtk_widget_insert_before (chip, GTK_WIDGET (self), self->overflow_button);
          g_ptr_array_add (self->chips, chip);
        }
    }

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

guint
dg_month_cell_get_n_followups (DgMonthCell *self)
{
  g_return_val_if_fail (DG_IS_MONTH_CELL (self), 0);

  return self->chips->len;
}

guint
dg_month_cell_get_n_overflow (DgMonthCell *self)
{
  g_return_val_if_fail (DG_IS_MONTH_CELL (self), 0);

  return self->n_overflow;
}

GtkWidget *
dg_month_cell_get_overflow_button (DgMonthCell *self)
{
  g_return_val_if_fail (DG_IS_MONTH_CELL (self), NULL);

  return self->overflow_button;
}

/* The popover is built when it opens, from the day's items as they are
 * then, so that 42 cells do not each keep one around. */
static void
create_overflow_popup_cb (GtkMenuButton *button,
                          gpointer       user_data)
{
  DgMonthCell *self = DG_MONTH_CELL (user_data);
  g_autofree char *title = NULL;
  GtkWidget *popover;
  GtkWidget *box;
  GtkWidget *list;
  GtkWidget *label;
  GtkWidget *scrolled;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  title = dg_date_names_format_day (&self->date);
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  list = gtk_box_new (GTK_ORIENTATION_VERTICAL, CHIP_SPACING);
  for (guint i = 0; self->followups != NULL && i < self->followups->len; i++)
    gtk_box_append (GTK_BOX (list), dg_month_cell_create_chip (self, g_ptr_array_index (self->followups, i), TRUE));

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_box_append (GTK_BOX (box), scrolled);

  popover = gtk_popover_new ();
  gtk_widget_add_css_class (popover, "day-overflow");
  gtk_widget_set_size_request (box, 240, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (button, popover);
}

static gboolean
on_drop_target_drop_cb (GtkDropTarget *target,
                        const GValue  *value,
                        double         x,
                        double         y,
                        DgMonthCell   *self)
{
  if (!G_VALUE_HOLDS_INT64 (value))
    return FALSE;

  g_signal_emit (self, signals [FOLLOWUP_DROPPED], 0, g_value_get_int64 (value));

  return TRUE;
}

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      DgMonthCell     *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  /* A chip and the overflow button answer clicks of their own. */
  if (picked != NULL &&
      (gtk_widget_get_ancestor (picked, DG_TYPE_FOLLOWUP_CHIP) != NULL ||
       gtk_widget_get_ancestor (picked, GTK_TYPE_MENU_BUTTON) != NULL))
    return;

  g_signal_emit (self, signals [CLICKED], 0, n_press);
}

void
dg_month_cell_get_date (DgMonthCell *self,
                        GDate       *out_date)
{
  g_return_if_fail (DG_IS_MONTH_CELL (self));
  g_return_if_fail (out_date != NULL);

  *out_date = self->date;
}

void
dg_month_cell_set_date (DgMonthCell *self,
                        const GDate *date,
                        gboolean     out_of_month)
{
  g_autofree char *title = NULL;
  char text[8];

  g_return_if_fail (DG_IS_MONTH_CELL (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  self->date = *date;
  self->out_of_month = out_of_month;

  g_snprintf (text, sizeof text, "%u", g_date_get_day (date));
  gtk_label_set_text (GTK_LABEL (self->day_label), text);

  title = dg_date_names_format_day (date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);

  dg_month_cell_update_flags (self);
}

void
dg_month_cell_set_today (DgMonthCell *self,
                         gboolean     today)
{
  g_return_if_fail (DG_IS_MONTH_CELL (self));

  self->today = !!today;
  dg_month_cell_update_flags (self);
}

void
dg_month_cell_set_selected (DgMonthCell *self,
                            gboolean     selected)
{
  g_return_if_fail (DG_IS_MONTH_CELL (self));

  self->selected = !!selected;
  dg_month_cell_update_flags (self);
}

static void
dg_month_cell_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  DgMonthCell *self = DG_MONTH_CELL (widget);
  int label_min, label_nat, button_min, button_nat;

  gtk_widget_measure (self->day_label, orientation, -1, &label_min, &label_nat, NULL, NULL);
  gtk_widget_measure (self->overflow_button, orientation, -1, &button_min, &button_nat, NULL, NULL);

  /* What the cell holds never makes it larger: the grid gives every day
   * the same room, and the chips that do not fit go behind "+N more". */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (label_min, button_min);
      *natural = MAX (label_nat, button_nat) * 3;
    }
  else
    {
      *minimum = label_min + button_min;
      *natural = label_nat + 4 * (button_nat + CHIP_SPACING);
    }
}

static void
dg_month_cell_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  DgMonthCell *self = DG_MONTH_CELL (widget);
  int label_width, label_height, button_height;
  int y, room;
  guint n_shown;

  gtk_widget_measure (self->day_label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &label_width, NULL, NULL);
  gtk_widget_measure (self->day_label, GTK_ORIENTATION_VERTICAL, -1, NULL, &label_height, NULL, NULL);
  gtk_widget_size_allocate (self->day_label,
                            &(GtkAllocation) { 0, 0, MIN (label_width, width), label_height },
                            -1);

  gtk_widget_measure (self->overflow_button, GTK_ORIENTATION_VERTICAL, -1, NULL, &button_height, NULL, NULL);

  y = label_height + CHIP_SPACING;
  room = height - y;

  /* All chips when they fit; otherwise as many as leave room for the
   * button that shows the rest. */
  n_shown = 0;
  for (guint i = 0; i < self->chips->len; i++)
    {
      GtkWidget *chip = g_ptr_array_index (self->chips, i);
      gboolean last = i + 1 == self->chips->len;
      int chip_height;
      int needed;

      gtk_widget_measure (chip, GTK_ORIENTATION_VERTICAL, width, NULL, &chip_height, NULL, NULL);
      needed = chip_height + (last ? 0 : CHIP_SPACING + button_height);
      if (needed > room)
        break;

      gtk_widget_set_child_visible (chip, TRUE);
      gtk_widget_size_allocate (chip, &(GtkAllocation) { 0, y, width, chip_height }, -1);
      y += chip_height + CHIP_SPACING;
      room -= chip_height + CHIP_SPACING;
      n_shown++;
    }

  for (guint i = n_shown; i < self->chips->len; i++)
    gtk_widget_set_child_visible (g_ptr_array_index (self->chips, i), FALSE);

  if (self->n_overflow != self->chips->len - n_shown)
    {
      self->n_overflow = self->chips->len - n_shown;

      if (self->n_overflow > 0)
        {
          g_autofree char *text = NULL;

          /* Translators: on a day of the month grid that has more
           * follow-ups than fit; %u is how many are not shown. */
          text = g_strdup_printf (ngettext ("+%u more", "+%u more", self->n_overflow), self->n_overflow);
          gtk_inscription_set_text (self->overflow_text, text);
        }
    }

  gtk_widget_set_child_visible (self->overflow_button, self->n_overflow > 0);
  if (self->n_overflow > 0)
    gtk_widget_size_allocate (self->overflow_button,
                              &(GtkAllocation) { 0, y, width, button_height },
                              -1);
}

static void
dg_month_cell_dispose (GObject *object)
{
  DgMonthCell *self = (DgMonthCell *)object;

  if (self->chips != NULL)
    dg_month_cell_clear_chips (self);
  g_clear_pointer (&self->day_label, gtk_widget_unparent);
  g_clear_pointer (&self->overflow_button, gtk_widget_unparent);
  g_clear_pointer (&self->followups, g_ptr_array_unref);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (dg_month_cell_parent_class)->dispose (object);
}

static void
dg_month_cell_finalize (GObject *object)
{
  DgMonthCell *self = (DgMonthCell *)object;

  g_clear_pointer (&self->chips, g_ptr_array_unref);
  g_clear_pointer (&self->tz, g_time_zone_unref);

  G_OBJECT_CLASS (dg_month_cell_parent_class)->finalize (object);
}

static void
dg_month_cell_class_init (DgMonthCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_month_cell_dispose;
  object_class->finalize = dg_month_cell_finalize;

  widget_class->measure = dg_month_cell_measure;
  widget_class->size_allocate = dg_month_cell_size_allocate;

  /* A click (1) or double click (2) on the day, not on one of its items. */
  signals [CLICKED] =
    g_signal_new ("clicked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  /* A click (1) or double click (2) on one of the day's items. */
  signals [FOLLOWUP_ACTIVATED] =
    g_signal_new ("followup-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, DG_TYPE_FOLLOWUP, G_TYPE_INT);

  /* The follow-up with this id was dropped on the day. */
  signals [FOLLOWUP_DROPPED] =
    g_signal_new ("followup-dropped",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "monthcell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID_CELL);
}

static void
dg_month_cell_init (DgMonthCell *self)
{
  GtkDropTarget *drop_target;
  GtkGesture *click;

  self->chips = g_ptr_array_new ();
  g_date_clear (&self->date, 1);

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  self->day_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->day_label, "day-number");
  gtk_widget_set_parent (self->day_label, GTK_WIDGET (self));

  self->overflow_text = GTK_INSCRIPTION (gtk_inscription_new (NULL));
  gtk_inscription_set_min_chars (self->overflow_text, 1);
  gtk_inscription_set_nat_chars (self->overflow_text, 10);
  gtk_widget_set_halign (GTK_WIDGET (self->overflow_text), GTK_ALIGN_FILL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->overflow_text), TRUE);
  gtk_inscription_set_text_overflow (self->overflow_text, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);

  self->overflow_button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->overflow_button), GTK_WIDGET (self->overflow_text));
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (self->overflow_button), FALSE);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->overflow_button),
                                         create_overflow_popup_cb, self, NULL);
  gtk_widget_set_tooltip_text (self->overflow_button, _("Show all of this day’s follow-ups"));
  /* GTK 4.8 does not read a tooltip as the name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->overflow_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show all of this day’s follow-ups"),
                                  -1);
  gtk_widget_add_css_class (self->overflow_button, "overflow");
  gtk_widget_set_child_visible (self->overflow_button, FALSE);
  gtk_widget_set_parent (self->overflow_button, GTK_WIDGET (self));

  drop_target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  g_signal_connect (drop_target, "drop", G_CALLBACK (on_drop_target_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
dg_month_cell_new (void)
{
  return g_object_new (DG_TYPE_MONTH_CELL, NULL);
}
