/* dg-note-fold.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-note-fold.h"

struct _DgNoteFold
{
  GtkWidget  parent_instance;

  GtkLabel  *label;
  GtkWidget *button;

  guint      expanded : 1;
  /* Whether the text had more lines than are shown folded, at the last
   * allocation. */
  guint      overflows : 1;
};

G_DEFINE_FINAL_TYPE (DgNoteFold, dg_note_fold, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EXPANDED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

#define SPACING 3

static void
dg_note_fold_update (DgNoteFold *self)
{
  gtk_button_set_label (GTK_BUTTON (self->button),
                        self->expanded ? _("Show Less") : _("Show More"));
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* The height of the first DG_NOTE_FOLD_LINES lines of the text at @width,
 * or -1 when it has no more lines than that. Pango cannot cut a text of
 * several paragraphs to a number of lines (a negative layout height
 * counts per paragraph), so the fold is a clip. */
static int
folded_height (DgNoteFold *self,
               int         width)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoLayoutIter *iter;
  int y0, y1 = 0;

  if (width <= 0)
    return -1;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->label), gtk_label_get_text (self->label));
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (pango_layout_get_line_count (layout) <= DG_NOTE_FOLD_LINES)
    return -1;

  iter = pango_layout_get_iter (layout);
  for (int i = 0; i < DG_NOTE_FOLD_LINES; i++)
    {
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_next_line (iter);
    }
  pango_layout_iter_free (iter);

  return PANGO_PIXELS_CEIL (y1);
}

gboolean
dg_note_fold_get_overflows (DgNoteFold *self)
{
  g_return_val_if_fail (DG_IS_NOTE_FOLD (self), FALSE);

  return self->overflows;
}

static void
dg_note_fold_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  DgNoteFold *self = DG_NOTE_FOLD (widget);
  int label_min, label_nat, button_min, button_nat;

  gtk_widget_measure (GTK_WIDGET (self->label), orientation, for_size,
                      &label_min, &label_nat, NULL, NULL);
  gtk_widget_measure (self->button, orientation, -1, &button_min, &button_nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (label_min, button_min);
      *natural = MAX (label_nat, button_nat);
      return;
    }

  /* Without a width, the label's own: one line per paragraph. */
  if (for_size < 0)
    gtk_widget_measure (GTK_WIDGET (self->label), GTK_ORIENTATION_HORIZONTAL, -1,
                        NULL, &for_size, NULL, NULL);

  if (folded_height (self, for_size) >= 0)
    {
      if (!self->expanded)
        label_min = label_nat = MIN (label_nat, folded_height (self, for_size));
      label_min += SPACING + button_min;
      label_nat += SPACING + button_nat;
    }

  *minimum = label_min;
  *natural = label_nat;
}

static void
dg_note_fold_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  DgNoteFold *self = DG_NOTE_FOLD (widget);
  int fold = folded_height (self, width);
  int label_height, button_width, button_height;

  self->overflows = fold >= 0;
  gtk_widget_set_child_visible (self->button, self->overflows);
  if (!self->overflows)
    {
      gtk_widget_size_allocate (GTK_WIDGET (self->label), &(GtkAllocation) { 0, 0, width, height }, -1);
      return;
    }

  gtk_widget_measure (self->button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &button_width, NULL, NULL);
  gtk_widget_measure (self->button, GTK_ORIENTATION_VERTICAL, -1, NULL, &button_height, NULL, NULL);
  label_height = MAX (0, height - button_height - SPACING);
  if (!self->expanded)
    label_height = MIN (label_height, fold);

  gtk_widget_size_allocate (GTK_WIDGET (self->label), &(GtkAllocation) { 0, 0, width, label_height }, -1);
  gtk_widget_size_allocate (self->button,
                            &(GtkAllocation) { 0, label_height + SPACING, MIN (button_width, width), button_height },
                            -1);
}

static GtkSizeRequestMode
dg_note_fold_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
on_button_clicked_cb (GtkButton  *button,
                      DgNoteFold *self)
{
  dg_note_fold_set_expanded (self, !self->expanded);
}

void
dg_note_fold_set_text (DgNoteFold *self,
                       const char *text)
{
  g_return_if_fail (DG_IS_NOTE_FOLD (self));

  if (g_strcmp0 (gtk_label_get_label (self->label), text) == 0)
    return;

  /* Another note starts folded. */
  gtk_label_set_text (self->label, text);
  self->expanded = FALSE;
  dg_note_fold_update (self);
}

GtkLabel *
dg_note_fold_get_label (DgNoteFold *self)
{
  g_return_val_if_fail (DG_IS_NOTE_FOLD (self), NULL);

  return self->label;
}

GtkWidget *
dg_note_fold_get_button (DgNoteFold *self)
{
  g_return_val_if_fail (DG_IS_NOTE_FOLD (self), NULL);

  return self->button;
}

gboolean
dg_note_fold_get_expanded (DgNoteFold *self)
{
  g_return_val_if_fail (DG_IS_NOTE_FOLD (self), FALSE);

  return self->expanded;
}

void
dg_note_fold_set_expanded (DgNoteFold *self,
                           gboolean    expanded)
{
  g_return_if_fail (DG_IS_NOTE_FOLD (self));

  expanded = !!expanded;
  if (self->expanded == expanded)
    return;

  self->expanded = expanded;
  dg_note_fold_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EXPANDED]);
}

static void
dg_note_fold_dispose (GObject *object)
{
  DgNoteFold *self = (DgNoteFold *)object;

  if (self->label != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->label));
  self->label = NULL;
  g_clear_pointer (&self->button, gtk_widget_unparent);

  G_OBJECT_CLASS (dg_note_fold_parent_class)->dispose (object);
}

static void
dg_note_fold_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DgNoteFold *self = DG_NOTE_FOLD (object);

  switch (prop_id)
    {
    case PROP_EXPANDED:
      g_value_set_boolean (value, self->expanded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_note_fold_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  DgNoteFold *self = DG_NOTE_FOLD (object);

  switch (prop_id)
    {
    case PROP_EXPANDED:
      dg_note_fold_set_expanded (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_note_fold_class_init (DgNoteFoldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_note_fold_dispose;
  object_class->get_property = dg_note_fold_get_property;
  object_class->set_property = dg_note_fold_set_property;

  widget_class->measure = dg_note_fold_measure;
  widget_class->size_allocate = dg_note_fold_size_allocate;
  widget_class->get_request_mode = dg_note_fold_get_request_mode;

  properties [PROP_EXPANDED] =
    g_param_spec_boolean ("expanded", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "notefold");
}

static void
dg_note_fold_init (DgNoteFold *self)
{
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_wrap_mode (self->label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->label, 0);
  gtk_label_set_yalign (self->label, 0);
  gtk_label_set_selectable (self->label, TRUE);
  /* What is folded away is not drawn over the button. */
  gtk_widget_set_overflow (GTK_WIDGET (self->label), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));

  self->button = gtk_button_new ();
  gtk_widget_set_halign (self->button, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->button, "flat");
  gtk_widget_add_css_class (self->button, "note-fold-button");
  g_signal_connect_object (self->button, "clicked",
                           G_CALLBACK (on_button_clicked_cb), self, 0);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));

  dg_note_fold_update (self);
}

GtkWidget *
dg_note_fold_new (void)
{
  return g_object_new (DG_TYPE_NOTE_FOLD, NULL);
}
