/* dg-journey-card.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-date-names.h"
#include "dg-journey-card.h"

struct _DgJourneyCard
{
  GtkWidget         parent_instance;

  DgClock          *clock;
  DgEnrollmentCard *item;
  gulong            notify_handler;
  GPtrArray        *stages;

  GtkWidget        *name_label;
  GtkWidget        *menu_button;
  GtkWidget        *days_label;
  GtkWidget        *followup_label;
};

G_DEFINE_FINAL_TYPE (DgJourneyCard, dg_journey_card, GTK_TYPE_WIDGET)

/* The day of the next follow-up as the agenda writes it: Today,
 * Tomorrow, or the date. */
static char *
format_followup_day (DgJourneyCard *self,
                     GDateTime     *due)
{
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (self->clock);
  g_autoptr(GDateTime) now = dg_clock_get_now_local (self->clock);
  g_autoptr(GDateTime) due_local = g_date_time_to_timezone (due, tz);
  GDate today, day;
  int days;

  dg_recurrence_local_date (now, tz, &today);
  dg_recurrence_local_date (due_local, tz, &day);
  days = g_date_days_between (&day, &today);

  if (days == 0)
    return g_strdup (_("Today"));
  if (days == 1)
    return g_strdup (_("Yesterday"));
  if (days == -1)
    return g_strdup (_("Tomorrow"));
  if (g_date_get_year (&day) == g_date_get_year (&today))
    return dg_date_names_format (due_local, _("%a, %b %-d"));

  return dg_date_names_format (due_local, _("%b %-d, %Y"));
}

static void
dg_journey_card_update (DgJourneyCard *self)
{
  g_autofree char *days = NULL;
  g_autofree char *followup = NULL;
  gboolean stuck;
  int n_days;

  if (self->item == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->name_label), "");
      gtk_label_set_text (GTK_LABEL (self->days_label), "");
      gtk_label_set_text (GTK_LABEL (self->followup_label), "");
      gtk_widget_set_visible (self->followup_label, FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (self), "stuck");
      return;
    }

  n_days = dg_enrollment_card_get_days_in_stage (self->item);
  stuck = dg_enrollment_card_get_stuck (self->item);
  if (stuck)
    /* Translators: on a card of the journey board, for a customer who has
     * been in the stage longer than its usual days; %d is how many. */
    days = g_strdup_printf (ngettext ("%d day in stage, stuck", "%d days in stage, stuck", n_days), n_days);
  else if (n_days == 0)
    /* Translators: on a card of the journey board: entered the stage
     * today. */
    days = g_strdup (_("New in stage today"));
  else
    /* Translators: on a card of the journey board; %d is how many days
     * the customer has been in the stage. */
    days = g_strdup_printf (ngettext ("%d day in stage", "%d days in stage", n_days), n_days);

  if (dg_enrollment_card_get_next_followup_id (self->item) != 0)
    {
      g_autofree char *day = format_followup_day (self, dg_enrollment_card_get_next_followup_due (self->item));

      /* Translators: on a card of the journey board: the customer's next
       * follow-up; %1$s is its day (Today, Tomorrow, or a date), %2$s its
       * title. */
      followup = g_strdup_printf (_("Next: %1$s, %2$s"), day,
                                  dg_enrollment_card_get_next_followup_title (self->item));
    }

  gtk_label_set_text (GTK_LABEL (self->name_label), dg_enrollment_card_get_customer_name (self->item));
  gtk_label_set_text (GTK_LABEL (self->days_label), days);
  gtk_label_set_text (GTK_LABEL (self->followup_label), followup != NULL ? followup : "");
  gtk_widget_set_visible (self->followup_label, followup != NULL);
  if (stuck)
    gtk_widget_add_css_class (GTK_WIDGET (self), "stuck");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "stuck");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  dg_enrollment_card_get_customer_name (self->item),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, days,
                                  -1);
}

static void
on_item_notify_cb (DgEnrollmentCard *item,
                   GParamSpec       *pspec,
                   DgJourneyCard    *self)
{
  dg_journey_card_update (self);
}

GMenuModel *
dg_journey_card_build_menu (DgJourneyCard *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) move_to = g_menu_new ();
  g_autoptr(GMenu) status = g_menu_new ();
  g_autoptr(GMenu) open = g_menu_new ();
  gint64 id, stage_id;

  g_return_val_if_fail (DG_IS_JOURNEY_CARD (self), NULL);

  if (self->item == NULL)
    return G_MENU_MODEL (g_steal_pointer (&menu));

  id = dg_enrollment_card_get_id (self->item);
  stage_id = dg_enrollment_card_get_stage_id (self->item);

  for (guint i = 0; self->stages != NULL && i < self->stages->len; i++)
    {
      DgStage *stage = g_ptr_array_index (self->stages, i);
      g_autoptr(GMenuItem) item = NULL;

      if (stage->id == stage_id)
        continue;
      item = g_menu_item_new (stage->name, NULL);
      g_menu_item_set_action_and_target_value (item, "journeys.move-card",
                                               g_variant_new ("(xx)", id, stage->id));
      g_menu_append_item (move_to, item);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (move_to)) > 0)
    /* Translators: a submenu of a card of the journey board, listing the
     * other stages of the journey. */
    g_menu_append_submenu (menu, _("Move To"), G_MENU_MODEL (move_to));

  {
    g_autoptr(GMenuItem) complete = g_menu_item_new (_("Mark Completed"), NULL);
    g_autoptr(GMenuItem) drop = g_menu_item_new (_("Drop…"), NULL);
    g_autoptr(GMenuItem) customer = g_menu_item_new (_("Open Customer"), NULL);

    g_menu_item_set_action_and_target_value (complete, "journeys.complete-card", g_variant_new_int64 (id));
    g_menu_item_set_action_and_target_value (drop, "journeys.drop-card", g_variant_new_int64 (id));
    g_menu_item_set_action_and_target_value (customer, "win.show-customer",
                                             g_variant_new_int64 (dg_enrollment_card_get_customer_id (self->item)));
    g_menu_append_item (status, complete);
    g_menu_append_item (status, drop);
    g_menu_append_item (open, customer);
  }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (status));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (open));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

/* The menu is made when it opens: each card's items name its enrollment,
 * and most cards never open theirs. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  DgJourneyCard *self = DG_JOURNEY_CARD (user_data);
  g_autoptr(GMenuModel) menu = dg_journey_card_build_menu (self);

  gtk_menu_button_set_menu_model (button, menu);
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    DgJourneyCard *self)
{
  if (self->item == NULL || dg_enrollment_card_get_id (self->item) == 0)
    return NULL;

  return gdk_content_provider_new_typed (G_TYPE_INT64, dg_enrollment_card_get_id (self->item));
}

static void
on_drag_begin_cb (GtkDragSource *source,
                  GdkDrag       *drag,
                  DgJourneyCard *self)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, icon, 0, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragged");
}

/* Connected with g_signal_connect_object(): after a drop that moved the
 * card, its row may be gone by the time GTK emits ::drag-end. */
static void
on_drag_end_cb (GtkDragSource *source,
                GdkDrag       *drag,
                gboolean       delete_data,
                DgJourneyCard *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragged");
}

static void
dg_journey_card_dispose (GObject *object)
{
  DgJourneyCard *self = DG_JOURNEY_CARD (object);
  GtkWidget *child;

  dg_journey_card_set_item (self, NULL);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (dg_journey_card_parent_class)->dispose (object);
}

static void
dg_journey_card_class_init (DgJourneyCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_journey_card_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "journeycard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
new_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
dg_journey_card_init (DgJourneyCard *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkDragSource *drag_source;
  GtkWidget *top;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 2);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_parent (top, GTK_WIDGET (self));

  self->name_label = new_label ("heading");
  gtk_widget_set_hexpand (self->name_label, TRUE);
  gtk_box_append (GTK_BOX (top), self->name_label);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "view-more-symbolic");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->menu_button), create_menu_cb, self, NULL);
  gtk_widget_set_tooltip_text (self->menu_button, _("Card Menu"));
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_box_append (GTK_BOX (top), self->menu_button);

  self->days_label = new_label ("days");
  gtk_widget_set_parent (self->days_label, GTK_WIDGET (self));

  self->followup_label = new_label ("followup");
  gtk_widget_add_css_class (self->followup_label, "dim-label");
  gtk_widget_set_parent (self->followup_label, GTK_WIDGET (self));

  drag_source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag_source, GDK_ACTION_MOVE);
  g_signal_connect (drag_source, "prepare", G_CALLBACK (on_drag_prepare_cb), self);
  g_signal_connect (drag_source, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect_object (drag_source, "drag-end", G_CALLBACK (on_drag_end_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag_source));
}

GtkWidget *
dg_journey_card_new (DgClock *clock)
{
  DgJourneyCard *self;

  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);

  self = g_object_new (DG_TYPE_JOURNEY_CARD, NULL);
  self->clock = g_object_ref (clock);

  return GTK_WIDGET (self);
}

DgEnrollmentCard *
dg_journey_card_get_item (DgJourneyCard *self)
{
  g_return_val_if_fail (DG_IS_JOURNEY_CARD (self), NULL);

  return self->item;
}

void
dg_journey_card_set_item (DgJourneyCard    *self,
                          DgEnrollmentCard *item)
{
  g_return_if_fail (DG_IS_JOURNEY_CARD (self));
  g_return_if_fail (item == NULL || DG_IS_ENROLLMENT_CARD (item));

  if (self->item == item)
    return;

  if (self->item != NULL)
    g_clear_signal_handler (&self->notify_handler, self->item);
  g_set_object (&self->item, item);
  if (item != NULL)
    self->notify_handler = g_signal_connect (item, "notify", G_CALLBACK (on_item_notify_cb), self);

  dg_journey_card_update (self);
}

void
dg_journey_card_set_stages (DgJourneyCard *self,
                            GPtrArray     *stages)
{
  g_return_if_fail (DG_IS_JOURNEY_CARD (self));

  if (stages != NULL)
    g_ptr_array_ref (stages);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  self->stages = stages;
}

const char *
dg_journey_card_get_days_text (DgJourneyCard *self)
{
  g_return_val_if_fail (DG_IS_JOURNEY_CARD (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->days_label));
}

const char *
dg_journey_card_get_followup_text (DgJourneyCard *self)
{
  g_return_val_if_fail (DG_IS_JOURNEY_CARD (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->followup_label));
}
