/* dg-followup-chip.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-followup-chip.h"

/* Customer names longer than this are left out of a chip; the tooltip and
 * the day's agenda still show them. */
#define SHORT_NAME_CHARS 12

struct _DgFollowupChip
{
  GtkWidget   parent_instance;

  DgFollowup *followup;
  char       *time;
  gboolean    snoozed;
  gboolean    wrap;

  GtkWidget  *text;
};

G_DEFINE_FINAL_TYPE (DgFollowupChip, dg_followup_chip, GTK_TYPE_WIDGET)

enum {
  ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

char *
dg_followup_format_time (DgFollowup *followup,
                         GTimeZone  *tz)
{
  g_autoptr(GDateTime) local = NULL;
  GDateTime *due_at;

  g_return_val_if_fail (DG_IS_FOLLOWUP (followup), NULL);

  due_at = dg_followup_get_due_at (followup);
  if (due_at == NULL)
    return NULL;

  local = tz != NULL ? g_date_time_to_timezone (due_at, tz) : g_date_time_to_local (due_at);

  return g_date_time_format (local, "%H:%M");
}

static gboolean
dg_followup_chip_shows_customer (DgFollowupChip *self)
{
  const char *name = dg_followup_get_customer_name (self->followup);

  return name != NULL && name[0] != '\0' && g_utf8_strlen (name, -1) <= SHORT_NAME_CHARS;
}

static char *
dg_followup_chip_build_markup (DgFollowupChip *self,
                               gboolean        with_customer)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *title = NULL;
  gboolean done = dg_followup_get_status (self->followup) == DG_FOLLOWUP_STATUS_DONE;

  if (done)
    g_string_append (markup, "<s>");

  if (self->time != NULL)
    g_string_append_printf (markup, "<span font_features='tnum'><b>%s</b></span> ", self->time);

  title = g_markup_escape_text (dg_followup_get_title (self->followup), -1);
  g_string_append (markup, title);

  if (with_customer)
    {
      const char *name = dg_followup_get_customer_name (self->followup);

      if (name != NULL && name[0] != '\0')
        {
          g_autofree char *escaped = g_markup_escape_text (name, -1);

          g_string_append_printf (markup, " <span fgalpha='65%%'>· %s</span>", escaped);
        }
    }

  if (with_customer && self->snoozed)
    {
      /* Translators: after a follow-up in the calendar whose snooze
       * moved it to the time shown. */
      g_autofree char *escaped = g_markup_escape_text (C_("calendar", "snoozed"), -1);

      g_string_append_printf (markup, " <span fgalpha='65%%'>· %s</span>", escaped);
    }

  if (done)
    g_string_append (markup, "</s>");

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

char *
dg_followup_chip_dup_text (DgFollowupChip *self)
{
  g_autofree char *markup = NULL;
  char *text = NULL;

  g_return_val_if_fail (DG_IS_FOLLOWUP_CHIP (self), NULL);

  markup = dg_followup_chip_build_markup (self, self->wrap || dg_followup_chip_shows_customer (self));
  if (!pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL))
    return g_strdup ("");

  return text;
}

DgFollowup *
dg_followup_chip_get_followup (DgFollowupChip *self)
{
  g_return_val_if_fail (DG_IS_FOLLOWUP_CHIP (self), NULL);

  return self->followup;
}

static GdkContentProvider *
on_drag_source_prepare_cb (GtkDragSource  *source,
                           double          x,
                           double          y,
                           DgFollowupChip *self)
{
  return gdk_content_provider_new_typed (G_TYPE_INT64, dg_followup_get_id (self->followup));
}

static void
on_drag_source_drag_begin_cb (GtkDragSource  *source,
                              GdkDrag        *drag,
                              DgFollowupChip *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));
  GtkWidget *popover;

  gtk_drag_source_set_icon (source, paintable, 0, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragged");

  /* A chip dragged out of a day's list needs the days under the list. */
  popover = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_POPOVER);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
on_drag_source_drag_end_cb (GtkDragSource  *source,
                            GdkDrag        *drag,
                            gboolean        delete_data,
                            DgFollowupChip *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragged");
}

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      DgFollowupChip  *self)
{
  g_signal_emit (self, signals [ACTIVATED], 0, n_press);
}

static void
dg_followup_chip_dispose (GObject *object)
{
  DgFollowupChip *self = (DgFollowupChip *)object;

  g_clear_pointer (&self->text, gtk_widget_unparent);
  g_clear_object (&self->followup);

  G_OBJECT_CLASS (dg_followup_chip_parent_class)->dispose (object);
}

static void
dg_followup_chip_finalize (GObject *object)
{
  DgFollowupChip *self = (DgFollowupChip *)object;

  g_clear_pointer (&self->time, g_free);

  G_OBJECT_CLASS (dg_followup_chip_parent_class)->finalize (object);
}

static void
dg_followup_chip_class_init (DgFollowupChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_followup_chip_dispose;
  object_class->finalize = dg_followup_chip_finalize;

  /* A click (1) or a double click (2) on the chip. */
  signals [ACTIVATED] =
    g_signal_new ("activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "followupchip");
}

static void
dg_followup_chip_init (DgFollowupChip *self)
{
  GtkDragSource *drag_source;
  GtkGesture *click;

  drag_source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag_source, GDK_ACTION_MOVE);
  g_signal_connect (drag_source, "prepare", G_CALLBACK (on_drag_source_prepare_cb), self);
  g_signal_connect (drag_source, "drag-begin", G_CALLBACK (on_drag_source_drag_begin_cb), self);
  /* A drop that moves the follow-up rebuilds the month, and this chip
   * with it, before the drag ends: GTK keeps the source for the end of
   * the drag, which must then no longer call into the chip. */
  g_signal_connect_object (drag_source, "drag-end", G_CALLBACK (on_drag_source_drag_end_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag_source));

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
dg_followup_chip_new (DgFollowup *followup,
                      GTimeZone  *tz,
                      gboolean    overdue,
                      GDateTime  *snoozed,
                      gboolean    wrap)
{
  DgFollowupChip *self;
  g_autofree char *markup = NULL;

  g_return_val_if_fail (DG_IS_FOLLOWUP (followup), NULL);

  self = g_object_new (DG_TYPE_FOLLOWUP_CHIP, NULL);
  self->followup = g_object_ref (followup);
  if (snoozed != NULL)
    {
      g_autoptr(GDateTime) local = tz != NULL ? g_date_time_to_timezone (snoozed, tz)
                                              : g_date_time_to_local (snoozed);

      self->time = g_date_time_format (local, "%H:%M");
      self->snoozed = TRUE;
    }
  else
    self->time = dg_followup_format_time (followup, tz);
  self->wrap = wrap;

  markup = dg_followup_chip_build_markup (self, wrap || dg_followup_chip_shows_customer (self));
  if (wrap)
    {
      self->text = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (self->text), markup);
      gtk_label_set_wrap (GTK_LABEL (self->text), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (self->text), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (self->text), 0);
      gtk_label_set_max_width_chars (GTK_LABEL (self->text), 30);
    }
  else
    {
      /* An inscription asks for no more room whatever its text, so the
       * cells of the grid stay the same size. */
      self->text = gtk_inscription_new (NULL);
      gtk_inscription_set_markup (GTK_INSCRIPTION (self->text), markup);
      gtk_inscription_set_min_lines (GTK_INSCRIPTION (self->text), 1);
      gtk_inscription_set_nat_lines (GTK_INSCRIPTION (self->text), 1);
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (self->text), 1);
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (self->text),
                                         GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
    }
  gtk_widget_set_parent (self->text, GTK_WIDGET (self));

  /* A chip cut short says all of it on hover. */
  if (!wrap)
    {
      g_autofree char *tooltip = dg_followup_chip_build_markup (self, TRUE);

      gtk_widget_set_tooltip_markup (GTK_WIDGET (self), tooltip);
    }

  if (dg_followup_get_all_day (followup))
    gtk_widget_add_css_class (GTK_WIDGET (self), "all-day");
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self), "overdue");
  if (snoozed != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "snoozed");
  if (dg_followup_get_status (followup) == DG_FOLLOWUP_STATUS_DONE)
    gtk_widget_add_css_class (GTK_WIDGET (self), "done");

  return GTK_WIDGET (self);
}
