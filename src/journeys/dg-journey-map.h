/* dg-journey-map.h
 *
 * The map view of the Journeys page: the journey shown as a picture
 * (dg-journey-map-draw.h) in the page's light or dark style, with
 * “Export as PNG…” (this map) and “Export as PDF…” (every journey, one
 * page each). The page tells it which journey and cohort to show, and
 * when their figures changed.
 */
#pragma once

#include <adwaita.h>

#include "dg-core.h"
#include "dg-journey-map-data.h"

G_BEGIN_DECLS

#define DG_TYPE_JOURNEY_MAP (dg_journey_map_get_type ())

G_DECLARE_FINAL_TYPE (DgJourneyMap, dg_journey_map, DG, JOURNEY_MAP, GtkWidget)

GtkWidget        *dg_journey_map_new         (void);
/* Reads the map of journey @journey_id (0 for none) for cohort
 * @cohort_id (0 for all) from @context, and draws it again: its texts
 * at once, its figures when a worker has read them (while the map is
 * shown; a newer map, or hiding it, cancels the read). */
void              dg_journey_map_show        (DgJourneyMap  *self,
                                              DgContext     *context,
                                              gint64         journey_id,
                                              gint64         cohort_id);
/* What it draws; NULL before a journey was shown. Its figures may not
 * be READY yet. */
DgJourneyMapData *dg_journey_map_get_data    (DgJourneyMap  *self);
/* The exports the dialogs end in: the map shown as a PNG (once its
 * figures are there), at once; an error is shown in a toast, and
 * returned. */
gboolean          dg_journey_map_export_png_to (DgJourneyMap  *self,
                                                const char    *path,
                                                GError       **error);
/* Every journey (the one shown for its cohort, the others for all
 * customers) as a PDF, their figures read in a worker
 * (dg_journey_map_export_pdf_async()): returns at once (FALSE when an
 * export already runs). After a moment a progress dialog shows which
 * journey is being read, with Cancel; Cancel, or hiding the map, ends
 * the export with no file written. A toast says where the file went, that
 * it was cancelled, or why it was not written. */
gboolean          dg_journey_map_export_pdf_to (DgJourneyMap  *self,
                                                const char    *path);
/* Whether a PDF export runs. */
gboolean          dg_journey_map_is_exporting  (DgJourneyMap  *self);

G_END_DECLS
