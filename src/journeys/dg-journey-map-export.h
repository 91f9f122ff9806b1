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

/* How far dg_journey_map_export_pdf_async() has come: the figures of
 * journey @n of @total are being read. */
typedef void (*DgJourneyMapProgressFunc) (guint    n,
                                          guint    total,
                                          gpointer user_data);

/* Every journey as a PDF, one page each in the light colours (journey
 * @journey_id for cohort @cohort_id, the others for all customers): the
 * journeys' texts are read at once, their figures one journey after
 * another in a worker (dg_journey_analytics_async()), and the pages are
 * drawn in the caller's thread once all are read. The temporary file is
 * made first, so a folder that cannot be written to fails at once.
 * @progress, when not NULL, is called in the caller's thread as the read
 * of each journey starts, in order, never after @callback. Once
 * @cancellable is cancelled, the export ends with G_IO_ERROR_CANCELLED
 * without waiting for the read under way. Unless it succeeds it leaves
 * no file, and a file that was at @path is as it was. */
void     dg_journey_map_export_pdf_async  (DgDatabase               *db,
                                           DgClock                  *clock,
                                           gint64                    journey_id,
                                           gint64                    cohort_id,
                                           const char               *path,
                                           GCancellable             *cancellable,
                                           DgJourneyMapProgressFunc  progress,
                                           gpointer                  progress_data,
                                           GAsyncReadyCallback       callback,
                                           gpointer                  user_data);
gboolean dg_journey_map_export_pdf_finish (GAsyncResult             *result,
                                           GError                  **error);

G_END_DECLS
