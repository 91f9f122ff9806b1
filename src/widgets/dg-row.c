/* dg-row.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include "dg-row.h"

/* Between the prefixes, the texts and the suffixes: the border-spacing
 * libadwaita's style gives a row's header box, which only GtkBox reads. */
#define HEADER_SPACING 6

/* The row's header: prefixes, texts and suffixes on one line, laid out
 * like a horizontal GtkBox whose texts take what the others leave, without
 * asking the texts for a width at a given height. Its CSS name and class
 * are those of AdwActionRow's header, so the row looks the same. */
#define DG_TYPE_ROW_HEADER (dg_row_header_get_type ())

G_DECLARE_FINAL_TYPE (DgRowHeader, dg_row_header, DG, ROW_HEADER, GtkWidget)

struct _DgRowHeader
{
  GtkWidget  parent_instance;

  GtkWidget *prefixes;
  GtkWidget *texts;
  GtkWidget *suffixes;
};

G_DEFINE_FINAL_TYPE (DgRowHeader, dg_row_header, GTK_TYPE_WIDGET)

typedef struct
{
  GtkWidget *widget;
  int        minimum;
  int        natural;
  int        width;
} Slot;

/* The visible children, in order, with their widths for @width (or for
 * their natural widths when @width is -1). Returns how many there are. */
static guint
dg_row_header_distribute (DgRowHeader *self,
                          int          width,
                          Slot         slots[3])
{
  GtkWidget *children[] = { self->prefixes, self->texts, self->suffixes };
  int texts_index = -1;
  int others = 0;
  int others_minimum = 0;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      Slot *slot = &slots[n];

      if (!gtk_widget_should_layout (children[i]))
        continue;

      slot->widget = children[i];
      gtk_widget_measure (children[i], GTK_ORIENTATION_HORIZONTAL, -1,
                          &slot->minimum, &slot->natural, NULL, NULL);
      slot->width = slot->natural;
      if (children[i] == self->texts)
        texts_index = n;
      else
        {
          others += slot->natural;
          others_minimum += slot->minimum;
        }
      n++;
    }

  if (width < 0 || texts_index < 0)
    return n;

  width -= HEADER_SPACING * (int) (n - 1);

  /* The texts take what the prefixes and suffixes leave. When that is
   * less than the texts' comfortable width (twice their minimum, or their
   * natural width when shorter), the others shrink to their minimum, the
   * texts get back up to their natural width, and what is still left
   * goes to the others: a suffix that can be narrower (icons instead of
   * labels) gives way to the text before the text wraps into a column
   * of a few words. */
  if (width - others >= MIN (slots[texts_index].natural, 2 * slots[texts_index].minimum))
    {
      slots[texts_index].width = width - others;
    }
  else
    {
      int spare = MAX (width - slots[texts_index].minimum - others_minimum, 0);
      int texts_gain = MIN (spare, slots[texts_index].natural - slots[texts_index].minimum);

      spare -= texts_gain;
      for (guint i = 0; i < n; i++)
        {
          int give;

          if ((int) i == texts_index)
            continue;

          give = MIN (slots[i].natural - slots[i].minimum, spare);
          slots[i].width = slots[i].minimum + give;
          spare -= give;
          width -= slots[i].width;
        }
      slots[texts_index].width = MAX (width, slots[texts_index].minimum);
    }

  return n;
}

static GtkSizeRequestMode
dg_row_header_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
dg_row_header_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  DgRowHeader *self = DG_ROW_HEADER (widget);
  Slot slots[3];
  guint n;

  /* Widths never depend on the height here: the texts are measured at
   * their natural width, never for a height they must fit in. */
  n = dg_row_header_distribute (self, orientation == GTK_ORIENTATION_VERTICAL ? for_size : -1, slots);

  *minimum = *natural = 0;
  for (guint i = 0; i < n; i++)
    {
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          *minimum += slots[i].minimum;
          *natural += slots[i].natural;
        }
      else
        {
          int child_minimum, child_natural;

          gtk_widget_measure (slots[i].widget, GTK_ORIENTATION_VERTICAL,
                              for_size < 0 ? -1 : slots[i].width,
                              &child_minimum, &child_natural, NULL, NULL);
          *minimum = MAX (*minimum, child_minimum);
          *natural = MAX (*natural, child_natural);
        }
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL && n > 1)
    {
      *minimum += HEADER_SPACING * (int) (n - 1);
      *natural += HEADER_SPACING * (int) (n - 1);
    }
}

static void
dg_row_header_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  DgRowHeader *self = DG_ROW_HEADER (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  Slot slots[3];
  guint n;
  int x = 0;

  n = dg_row_header_distribute (self, width, slots);

  for (guint i = 0; i < n; i++)
    {
      GtkAllocation allocation = {
        .x = rtl ? width - x - slots[i].width : x,
        .y = 0,
        .width = slots[i].width,
        .height = height,
      };

      gtk_widget_size_allocate (slots[i].widget, &allocation, -1);
      x += slots[i].width + HEADER_SPACING;
    }
}

static void
dg_row_header_dispose (GObject *object)
{
  DgRowHeader *self = DG_ROW_HEADER (object);

  g_clear_pointer (&self->prefixes, gtk_widget_unparent);
  g_clear_pointer (&self->texts, gtk_widget_unparent);
  g_clear_pointer (&self->suffixes, gtk_widget_unparent);

  G_OBJECT_CLASS (dg_row_header_parent_class)->dispose (object);
}

static void
dg_row_header_class_init (DgRowHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_row_header_dispose;

  widget_class->get_request_mode = dg_row_header_get_request_mode;
  widget_class->measure = dg_row_header_measure;
  widget_class->size_allocate = dg_row_header_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "box");
}

static GtkWidget *
new_side_box (const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (box, css_class);
  gtk_widget_set_visible (box, FALSE);

  return box;
}

static void
dg_row_header_init (DgRowHeader *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "header");

  self->prefixes = new_side_box ("prefixes");
  gtk_widget_set_parent (self->prefixes, GTK_WIDGET (self));

  self->texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->texts, "title");
  gtk_widget_set_valign (self->texts, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (self->texts, TRUE);
  gtk_widget_set_parent (self->texts, GTK_WIDGET (self));

  self->suffixes = new_side_box ("suffixes");
  gtk_widget_set_parent (self->suffixes, GTK_WIDGET (self));
}

struct _DgRow
{
  GtkListBoxRow  parent_instance;

  DgRowHeader   *header;
  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
};

static void dg_row_buildable_iface_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DgRow, dg_row, GTK_TYPE_LIST_BOX_ROW,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, dg_row_buildable_iface_init))

static GtkBuildableIface *parent_buildable_iface;

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

GtkWidget *
dg_row_new (void)
{
  return g_object_new (DG_TYPE_ROW, NULL);
}

const char *
dg_row_get_title (DgRow *self)
{
  g_return_val_if_fail (DG_IS_ROW (self), NULL);

  return gtk_label_get_text (self->title_label);
}

void
dg_row_set_title (DgRow      *self,
                  const char *title)
{
  g_return_if_fail (DG_IS_ROW (self));

  if (title == NULL)
    title = "";
  if (g_strcmp0 (title, dg_row_get_title (self)) == 0)
    return;

  gtk_label_set_text (self->title_label, title);
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), *title != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

const char *
dg_row_get_subtitle (DgRow *self)
{
  g_return_val_if_fail (DG_IS_ROW (self), NULL);

  return gtk_label_get_text (self->subtitle_label);
}

void
dg_row_set_subtitle (DgRow      *self,
                     const char *subtitle)
{
  g_return_if_fail (DG_IS_ROW (self));

  if (subtitle == NULL)
    subtitle = "";
  if (g_strcmp0 (subtitle, dg_row_get_subtitle (self)) == 0)
    return;

  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), *subtitle != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUBTITLE]);
}

void
dg_row_add_prefix (DgRow     *self,
                   GtkWidget *widget)
{
  g_return_if_fail (DG_IS_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (GTK_BOX (self->header->prefixes), widget);
  gtk_widget_set_visible (self->header->prefixes, TRUE);
}

void
dg_row_add_suffix (DgRow     *self,
                   GtkWidget *widget)
{
  g_return_if_fail (DG_IS_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (GTK_BOX (self->header->suffixes), widget);
  gtk_widget_set_visible (self->header->suffixes, TRUE);
}

/* In a Builder file, <child type="prefix">, and <child type="suffix"> or
 * a widget child without a type: the row's own child is its header. */
static void
dg_row_buildable_add_child (GtkBuildable *buildable,
                            GtkBuilder   *builder,
                            GObject      *child,
                            const char   *type)
{
  DgRow *self = DG_ROW (buildable);

  if (!GTK_IS_WIDGET (child))
    parent_buildable_iface->add_child (buildable, builder, child, type);
  else if (g_strcmp0 (type, "prefix") == 0)
    dg_row_add_prefix (self, GTK_WIDGET (child));
  else if (type == NULL || g_strcmp0 (type, "suffix") == 0)
    dg_row_add_suffix (self, GTK_WIDGET (child));
  else
    GTK_BUILDER_WARN_INVALID_CHILD_TYPE (buildable, type);
}

static void
dg_row_buildable_iface_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = dg_row_buildable_add_child;
}

static void
dg_row_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  DgRow *self = DG_ROW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, dg_row_get_title (self));
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, dg_row_get_subtitle (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_row_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  DgRow *self = DG_ROW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      dg_row_set_title (self, g_value_get_string (value));
      break;

    case PROP_SUBTITLE:
      dg_row_set_subtitle (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_row_class_init (DgRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = dg_row_get_property;
  object_class->set_property = dg_row_set_property;

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* The narrowest a row's text may get, in characters: a wrapping label
 * finds its minimum width by laying its text out at this width, and at
 * none (one piece a line) the rows of a page took most of its first frame. */
#define TEXT_MIN_CHARS 10

static GtkLabel *
new_text_label (const char *css_class)
{
  GtkWidget *label;

  /* As AdwActionRow's: wrapped anywhere a narrow row must, left aligned. */
  label = g_object_new (GTK_TYPE_LABEL,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "width-chars", TEXT_MIN_CHARS,
                        "xalign", 0.0f,
                        NULL);
  gtk_widget_add_css_class (label, css_class);

  return GTK_LABEL (label);
}

/* Built in code rather than from a template: the rows of a page are made
 * before its first frame, and a template is parsed anew for each one. */
static void
dg_row_init (DgRow *self)
{
  /* As AdwActionRow: a row does something only when it is told what. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);

  self->header = g_object_new (DG_TYPE_ROW_HEADER, NULL);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), GTK_WIDGET (self->header));

  self->title_label = new_text_label ("title");
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), FALSE);
  gtk_box_append (GTK_BOX (self->header->texts), GTK_WIDGET (self->title_label));

  self->subtitle_label = new_text_label ("subtitle");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
  gtk_box_append (GTK_BOX (self->header->texts), GTK_WIDGET (self->subtitle_label));

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->subtitle_label, NULL,
                                  -1);
}
