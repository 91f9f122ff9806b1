/* dg-journey-map-data.h
 *
 * What the journey map shows, read from the core in one place: the
 * journey's stages left to right with their playbook texts and their
 * figures from dg_journey_analytics(). The texts are quick to read; the
 * figures, on a large journey, take seconds: the page reads the texts
 * first and fills the figures in when a worker has read them. The
 * drawing code
 * (dg-journey-map-draw.h) takes this plain data only, so the same map
 * renders to the page, a PNG and a PDF.
 */
#pragma once

#include <glib.h>

#include "dg-core.h"

G_BEGIN_DECLS

typedef struct
{
  gint64          stage_id;
  char           *name;
  char           *scenario;
  char           *touchpoint;
  char           *detail;
  /* The pain points, then the unmet needs. */
  char           *pain_points;
  DgDigitisation  digitisation;
  guint           n_now;
  /* -1 for the first stage, or when no one reached the previous one. */
  double          conversion;
  /* -1 when no one stayed in the stage yet. */
  double          median_days;
  guint           n_dropped;
  /* The most frequent reason to drop out here; NULL when none was given. */
  char           *top_drop_reason;
  /* Positive, neutral and negative contacts logged in the stage. */
  guint           n_feedback;
  /* From -1 to 1; only meaningful when n_feedback > 0: a stage without
   * feedback has no point on the feeling line. */
  double          feeling;
} DgJourneyMapStage;

typedef enum
{
  DG_JOURNEY_MAP_FIGURES_READING,
  DG_JOURNEY_MAP_FIGURES_READY,
  DG_JOURNEY_MAP_FIGURES_FAILED,
} DgJourneyMapFigures;

typedef struct
{
  char      *title;
  /* The cohort shown, or that it shows every customer. */
  char      *subtitle;
  /* DgJourneyMapStage *, left to right. */
  GPtrArray *stages;
  /* Whether the stages' figures are there yet; the map shows a
   * placeholder where they go until they are. */
  DgJourneyMapFigures figures;
  /* Why they could not be read, when FAILED. */
  char      *figures_error;
} DgJourneyMapData;

/* The map of journey @journey_id, for the customers of cohort @cohort_id
 * (0 for all), as of now by @clock, figures and all, read in the calling
 * thread. */
DgJourneyMapData *dg_journey_map_data_load (DgDatabase        *db,
                                            DgClock           *clock,
                                            gint64             journey_id,
                                            gint64             cohort_id,
                                            GError           **error);
/* The same without the figures (still READING): no more than the
 * journey, its cohort and its stages. */
DgJourneyMapData *dg_journey_map_data_load_texts (DgDatabase  *db,
                                                  gint64       journey_id,
                                                  gint64       cohort_id,
                                                  GError     **error);
/* Fills in the figures from dg_journey_analytics() (DgStageFigures *):
 * READY. */
void              dg_journey_map_data_set_figures (DgJourneyMapData *data,
                                                   GPtrArray        *figures);
/* They could not be read: FAILED, for @error's reason. */
void              dg_journey_map_data_set_figures_error (DgJourneyMapData *data,
                                                         const GError     *error);
/* Takes the figures @from holds for the same stages, to show while newer
 * ones are read; TRUE (and READY) when it had them for every stage. */
gboolean          dg_journey_map_data_keep_figures (DgJourneyMapData *data,
                                                    DgJourneyMapData *from);
void              dg_journey_map_data_free (DgJourneyMapData  *data);
/* The digitisation level as the map names it. */
const char       *dg_journey_map_digitisation_label (DgDigitisation level);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgJourneyMapData, dg_journey_map_data_free)

G_END_DECLS
