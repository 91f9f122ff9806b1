/* dg-journey-map-draw.h
 *
 * Drawing the journey map with cairo and Pango, from plain data, on any
 * surface: the page's drawing area, a PNG, a PDF page. The stages are
 * columns; the rows are the Scenario, Touchpoint, Detail, Pain points and
 * Digitisation of each stage, its funnel numbers, and the feeling line:
 * the feeling of the real feedback at each stage, with no point (a gap in
 * the line) where there was none.
 */
#pragma once

#include <cairo.h>

#include "dg-journey-map-data.h"

G_BEGIN_DECLS

/* The size the map is drawn at by default, in cairo units (pixels at
 * 96 dpi): wide enough for @data's stages. */
void dg_journey_map_get_natural_size (DgJourneyMapData *data,
                                      int              *out_width,
                                      int              *out_height);
/* The smallest size that keeps @data's texts readable, for the page. */
void dg_journey_map_get_minimum_size (DgJourneyMapData *data,
                                      int              *out_width,
                                      int              *out_height);
/* Draws @data filling @width × @height from cairo's origin, in light or
 * @dark colours. */
void dg_journey_map_draw             (cairo_t          *cr,
                                      DgJourneyMapData *data,
                                      double            width,
                                      double            height,
                                      gboolean          dark);

G_END_DECLS
