/* dg-journey-map-export.h
 *
 * Saving journey maps as files to print or share: a PNG of one map, a PDF
 * of A4 landscape pages, one map per page. Each file is written to a
 * temporary file in the same folder, then renamed over the path, so a
 * failed export never leaves a broken file behind.
 */
#pragma once

#include "dg-journey-map-data.h"

G_BEGIN_DECLS

/* The PNG is drawn at twice the map's natural size, sharp on screens that
 * scale by 2 and in print. */
#define DG_JOURNEY_MAP_PNG_SCALE 2

/* The PNG's size in pixels. */
void     dg_journey_map_get_png_size   (DgJourneyMapData  *data,
                                        int               *out_width,
                                        int               *out_height);
gboolean dg_journey_map_export_png     (DgJourneyMapData  *data,
                                        const char        *path,
                                        gboolean           dark,
                                        GError           **error);
/* @maps: DgJourneyMapData *, one page each, in the light colours. */
gboolean dg_journey_map_export_pdf     (GPtrArray         *maps,
                                        const char        *path,
                                        GError           **error);

G_END_DECLS
