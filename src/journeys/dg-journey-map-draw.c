/* dg-journey-map-draw.c
 *
 * The font sizes are absolute (in cairo units), so the map looks the same
 * on a screen, in a PNG and in a PDF whose page is scaled to it.
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "dg-journey-map-draw.h"
#include "dg-keep-all.h"

#define MARGIN        24.0
#define LABEL_WIDTH   120.0
#define PAD           8.0
#define TITLE_HEIGHT  64.0
#define HEADER_HEIGHT 40.0
#define MIN_STAGE_WIDTH 170
#define FONT_FAMILY   "Sans"

typedef struct { double r, g, b; } Rgb;

typedef struct
{
  Rgb background;
  Rgb text;
  Rgb dim;
  Rgb grid;
  Rgb label_fill;
  Rgb header_fill;
  Rgb accent;
  Rgb positive;
  Rgb negative;
  Rgb neutral;
} Palette;

/* The Adwaita colours, so the map sits on the page as if it were part of
 * it; each pair keeps text readable on its background. */
static const Palette light_palette = {
  .background  = { 1.00, 1.00, 1.00 },
  .text        = { 0.12, 0.12, 0.12 },
  .dim         = { 0.42, 0.42, 0.42 },
  .grid        = { 0.85, 0.85, 0.85 },
  .label_fill  = { 0.96, 0.96, 0.95 },
  .header_fill = { 0.89, 0.93, 0.98 },
  .accent      = { 0.11, 0.44, 0.85 },
  .positive    = { 0.15, 0.55, 0.30 },
  .negative    = { 0.75, 0.11, 0.16 },
  .neutral     = { 0.45, 0.45, 0.45 },
};

static const Palette dark_palette = {
  .background  = { 0.14, 0.14, 0.14 },
  .text        = { 1.00, 1.00, 1.00 },
  .dim         = { 0.70, 0.70, 0.70 },
  .grid        = { 0.30, 0.30, 0.30 },
  .label_fill  = { 0.19, 0.19, 0.19 },
  .header_fill = { 0.16, 0.24, 0.36 },
  .accent      = { 0.47, 0.68, 0.93 },
  .positive    = { 0.34, 0.89, 0.54 },
  .negative    = { 1.00, 0.48, 0.39 },
  .neutral     = { 0.75, 0.75, 0.75 },
};

typedef enum
{
  ROW_SCENARIO,
  ROW_TOUCHPOINT,
  ROW_DETAIL,
  ROW_PAIN_POINTS,
  ROW_DIGITISATION,
  ROW_NUMBERS,
  ROW_FEELING,
  N_ROWS
} Row;

/* How much of the height each row takes. */
static const double row_weights[N_ROWS] = { 3.0, 1.2, 3.4, 2.6, 0.9, 2.6, 3.2 };

static void
set_colour (cairo_t    *cr,
            const Rgb  *colour)
{
  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
}

/* Pango may break a line between any two Hangul syllables; the map, like
 * the labels (dg-keep-all.h), breaks Korean only between words, except
 * inside a word too long to keep whole. */
static void
keep_words_whole (PangoLayout *layout,
                  const char  *text)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;
      gboolean too_long = FALSE;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        {
          if (p != start && dg_keep_all_is_line_start (text, p - text))
            too_long = TRUE;
          p = g_utf8_next_char (p);
        }
      if (p > start && !too_long)
        {
          PangoAttribute *attr = pango_attr_allow_breaks_new (FALSE);

          attr->start_index = start - text;
          attr->end_index = p - text;
          pango_attr_list_insert (attrs, attr);
        }
    }

  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

/* Shows @text at @x, @y, wrapped by words into @width and cut with an
 * ellipsis where it would be taller than @height (0: one line). */
static void
show_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      width,
           double      height,
           double      size,
           gboolean    bold,
           const Rgb  *colour)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  /* A positive height ellipsizes the last line that fits; -1 is one line. */
  pango_layout_set_height (layout, height > 0 ? (int) (height * PANGO_SCALE) : -1);
  pango_layout_set_text (layout, text, -1);
  keep_words_whole (layout, text);

  set_colour (cr, colour);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static const char *
row_label (Row row)
{
  switch (row)
    {
    /* Translators: the rows of the journey map. */
    case ROW_SCENARIO: return _("Scenario");
    case ROW_TOUCHPOINT: return _("Touchpoint");
    case ROW_DETAIL: return _("Detail");
    case ROW_PAIN_POINTS: return _("Pain points");
    case ROW_DIGITISATION: return _("Digitisation");
    case ROW_NUMBERS: return _("Numbers");
    case ROW_FEELING: return _("Feeling");
    case N_ROWS:
    default: return "";
    }
}

static char *
format_numbers (DgJourneyMapStage *stage)
{
  GString *text = g_string_new (NULL);

  /* Translators: on the journey map: the customers in a stage now. */
  g_string_append_printf (text, _("In stage: %u"), stage->n_now);
  g_string_append_c (text, '\n');
  if (stage->conversion >= 0)
    /* Translators: on the journey map; %.0f%% is a percentage. */
    g_string_append_printf (text, _("Conversion: %.0f%%"), stage->conversion * 100);
  else
    g_string_append (text, _("Conversion: —"));
  g_string_append_c (text, '\n');
  if (stage->median_days >= 0)
    /* Translators: on the journey map: the median of the days spent in
     * the stage. */
    g_string_append_printf (text, _("Median: %.1f days"), stage->median_days);
  else
    g_string_append (text, _("Median: —"));
  g_string_append_c (text, '\n');
  /* Translators: on the journey map: the customers who dropped out in
   * the stage. */
  g_string_append_printf (text, _("Dropped: %u"), stage->n_dropped);
  if (stage->top_drop_reason != NULL)
    g_string_append_printf (text, " (%s)", stage->top_drop_reason);

  return g_string_free (text, FALSE);
}

static void
draw_point (cairo_t   *cr,
            double     x,
            double     y,
            const Rgb *fill,
            const Rgb *ring)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, 6, 0, 2 * G_PI);
  set_colour (cr, fill);
  cairo_fill_preserve (cr);
  set_colour (cr, ring);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
}

/* The feeling line across the row from @top, @height high: +1 at the top,
 * −1 at the bottom; stages without feedback break the line and show a
 * hollow dashed ring with “No feedback” instead of a point. */
static void
draw_feeling (cairo_t          *cr,
              const Palette    *palette,
              DgJourneyMapData *data,
              double            left,
              double            stage_width,
              double            top,
              double            height)
{
  double plot_top = top + PAD + 6;
  double plot_height = height - 2 * PAD - 12 - 16;
  double middle = plot_top + plot_height / 2;
  gboolean drawing = FALSE;
  double dashes[] = { 4, 4 };
  guint n = data->stages->len;

  /* The neutral line. */
  cairo_new_path (cr);
  cairo_save (cr);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_set_line_width (cr, 1);
  set_colour (cr, &palette->grid);
  cairo_move_to (cr, left, middle);
  cairo_line_to (cr, left + n * stage_width, middle);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* The scale, at the right of the row's label. */
  show_text (cr, "+1", left - 28, plot_top - 7, 24, 0, 10, FALSE, &palette->dim);
  show_text (cr, "0", left - 28, middle - 7, 24, 0, 10, FALSE, &palette->dim);
  show_text (cr, "−1", left - 28, plot_top + plot_height - 7, 24, 0, 10, FALSE, &palette->dim);
  cairo_new_path (cr);

  /* Until the figures come there is nothing to plot; the numbers row
   * above says why. */
  if (data->figures != DG_JOURNEY_MAP_FIGURES_READY)
    return;

  /* The line, broken where a stage has no feedback. */
  cairo_set_line_width (cr, 3);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  set_colour (cr, &palette->accent);
  for (guint i = 0; i < n; i++)
    {
      DgJourneyMapStage *stage = g_ptr_array_index (data->stages, i);
      double x = left + (i + 0.5) * stage_width;
      double y = middle - CLAMP (stage->feeling, -1, 1) * plot_height / 2;

      if (stage->n_feedback == 0)
        {
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      drawing = TRUE;
    }
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      DgJourneyMapStage *stage = g_ptr_array_index (data->stages, i);
      double x = left + (i + 0.5) * stage_width;
      double y = middle - CLAMP (stage->feeling, -1, 1) * plot_height / 2;
      g_autofree char *caption = NULL;

      /* The previous caption left a current point: start afresh, or the
       * ring would be joined to it. */
      cairo_new_path (cr);
      if (stage->n_feedback == 0)
        {
          cairo_save (cr);
          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
          cairo_set_line_width (cr, 1.5);
          set_colour (cr, &palette->dim);
          cairo_arc (cr, x, middle, 6, 0, 2 * G_PI);
          cairo_stroke (cr);
          cairo_restore (cr);
          /* Translators: on the journey map's feeling line, at a stage
           * where no contact had any feedback. */
          caption = g_strdup (_("No feedback"));
        }
      else
        {
          const Rgb *fill = stage->feeling > 0.05 ? &palette->positive
                            : stage->feeling < -0.05 ? &palette->negative
                            : &palette->neutral;

          draw_point (cr, x, y, fill, &palette->background);
          caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%+.2f from %u response",
                                                  "%+.2f from %u responses", stage->n_feedback),
                                     stage->feeling, stage->n_feedback);
        }
      show_text (cr, caption, left + i * stage_width + PAD, top + height - PAD - 14,
                 stage_width - 2 * PAD, 0, 10.5, FALSE, &palette->dim);
    }
}

/* In place of the numbers of every stage: that they could not be read,
 * and why. */
static void
draw_figures_error (cairo_t          *cr,
                    const Palette    *palette,
                    DgJourneyMapData *data,
                    double            x,
                    double            y,
                    double            width,
                    double            height)
{
  /* Translators: on the journey map, across the row of the stages'
   * numbers when they could not be read. */
  show_text (cr, _("The numbers could not be counted."), x, y, width, 0, 12.5, TRUE, &palette->negative);
  if (data->figures_error != NULL)
    show_text (cr, data->figures_error, x, y + 20, width, MAX (height - 20, 1), 12, FALSE, &palette->dim);
}

void
dg_journey_map_get_natural_size (DgJourneyMapData *data,
                                 int              *out_width,
                                 int              *out_height)
{
  guint n = data != NULL && data->stages != NULL ? data->stages->len : 0;

  /* A4 landscape at 96 dpi unless there are many stages. */
  *out_width = MAX (1123, (int) (2 * MARGIN + LABEL_WIDTH) + (int) n * MIN_STAGE_WIDTH);
  *out_height = 794;
}

void
dg_journey_map_get_minimum_size (DgJourneyMapData *data,
                                 int              *out_width,
                                 int              *out_height)
{
  guint n = data != NULL && data->stages != NULL ? data->stages->len : 0;

  *out_width = (int) (2 * MARGIN + LABEL_WIDTH) + (int) n * MIN_STAGE_WIDTH;
  *out_height = 620;
}

void
dg_journey_map_draw (cairo_t          *cr,
                     DgJourneyMapData *data,
                     double            width,
                     double            height,
                     gboolean          dark)
{
  const Palette *palette = dark ? &dark_palette : &light_palette;
  double grid_top = MARGIN + TITLE_HEIGHT;
  double grid_left = MARGIN + LABEL_WIDTH;
  double grid_width = width - 2 * MARGIN - LABEL_WIDTH;
  double rows_height = height - grid_top - HEADER_HEIGHT - MARGIN;
  double total_weight = 0;
  double stage_width;
  double y;
  /* Where the numbers row is, when its text spans every stage. */
  double span_top = 0, span_bottom = 0;
  guint n;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);

  n = data->stages->len;
  cairo_save (cr);

  set_colour (cr, &palette->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  show_text (cr, data->title, MARGIN, MARGIN, width - 2 * MARGIN, 0, 22, TRUE, &palette->text);
  show_text (cr, data->subtitle, MARGIN, MARGIN + 32, width - 2 * MARGIN, 0, 13, FALSE, &palette->dim);

  if (n == 0 || grid_width <= 0 || rows_height <= 0)
    {
      cairo_restore (cr);
      return;
    }

  stage_width = grid_width / n;
  for (guint r = 0; r < N_ROWS; r++)
    total_weight += row_weights[r];

  /* The stage names. */
  set_colour (cr, &palette->header_fill);
  cairo_rectangle (cr, grid_left, grid_top, grid_width, HEADER_HEIGHT);
  cairo_fill (cr);
  for (guint i = 0; i < n; i++)
    {
      DgJourneyMapStage *stage = g_ptr_array_index (data->stages, i);

      show_text (cr, stage->name, grid_left + i * stage_width + PAD, grid_top + 10,
                 stage_width - 2 * PAD, 0, 14, TRUE, &palette->text);
    }

  set_colour (cr, &palette->label_fill);
  cairo_rectangle (cr, MARGIN, grid_top + HEADER_HEIGHT, LABEL_WIDTH, rows_height);
  cairo_fill (cr);

  y = grid_top + HEADER_HEIGHT;
  for (Row row = 0; row < N_ROWS; row++)
    {
      double row_height = rows_height * row_weights[row] / total_weight;

      show_text (cr, row_label (row), MARGIN + PAD, y + PAD, LABEL_WIDTH - 2 * PAD,
                 row_height - 2 * PAD, 12.5, TRUE, &palette->text);

      if (row == ROW_FEELING)
        {
          draw_feeling (cr, palette, data, grid_left, stage_width, y, row_height);
        }
      else if (row == ROW_NUMBERS && data->figures == DG_JOURNEY_MAP_FIGURES_FAILED)
        {
          draw_figures_error (cr, palette, data, grid_left + PAD, y + PAD, grid_width - 2 * PAD,
                              row_height - 2 * PAD);
          span_top = y;
          span_bottom = y + row_height;
        }
      else
        {
          for (guint i = 0; i < n; i++)
            {
              DgJourneyMapStage *stage = g_ptr_array_index (data->stages, i);
              g_autofree char *numbers = NULL;
              const char *text = NULL;

              switch (row)
                {
                case ROW_SCENARIO: text = stage->scenario; break;
                case ROW_TOUCHPOINT: text = stage->touchpoint; break;
                case ROW_DETAIL: text = stage->detail; break;
                case ROW_PAIN_POINTS: text = stage->pain_points; break;
                case ROW_DIGITISATION: text = dg_journey_map_digitisation_label (stage->digitisation); break;
                case ROW_NUMBERS:
                  if (data->figures == DG_JOURNEY_MAP_FIGURES_READY)
                    text = numbers = format_numbers (stage);
                  break;
                case ROW_FEELING:
                case N_ROWS:
                default: break;
                }
              if (row == ROW_NUMBERS && text == NULL)
                {
                  /* Translators: on the journey map, in place of a
                   * stage's numbers while they are being counted. */
                  show_text (cr, _("Counting…"), grid_left + i * stage_width + PAD, y + PAD,
                             stage_width - 2 * PAD, 0, 12, FALSE, &palette->dim);
                  continue;
                }
              show_text (cr, text != NULL ? text : "", grid_left + i * stage_width + PAD, y + PAD,
                         stage_width - 2 * PAD, row_height - 2 * PAD, 12, FALSE,
                         row == ROW_PAIN_POINTS ? &palette->negative : &palette->text);
            }
        }

      /* The line under the row. */
      set_colour (cr, &palette->grid);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, MARGIN, y + row_height + 0.5);
      cairo_line_to (cr, grid_left + grid_width, y + row_height + 0.5);
      cairo_stroke (cr);
      y += row_height;
    }

  /* The lines between the stages. */
  set_colour (cr, &palette->grid);
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i <= n; i++)
    {
      double x = grid_left + i * stage_width + 0.5;

      cairo_move_to (cr, x, grid_top);
      /* Not across a text that spans the stages. */
      if (span_bottom > span_top && i > 0 && i < n)
        {
          cairo_line_to (cr, x, span_top);
          cairo_move_to (cr, x, span_bottom);
        }
      cairo_line_to (cr, x, grid_top + HEADER_HEIGHT + rows_height);
    }
  cairo_move_to (cr, MARGIN + 0.5, grid_top + HEADER_HEIGHT);
  cairo_line_to (cr, MARGIN + 0.5, grid_top + HEADER_HEIGHT + rows_height);
  cairo_stroke (cr);

  cairo_restore (cr);
}
