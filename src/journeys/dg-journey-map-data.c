/* dg-journey-map-data.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-journey-map-data.h"

static void
dg_journey_map_stage_free (DgJourneyMapStage *stage)
{
  g_free (stage->name);
  g_free (stage->scenario);
  g_free (stage->touchpoint);
  g_free (stage->detail);
  g_free (stage->pain_points);
  g_free (stage->top_drop_reason);
  g_free (stage);
}

void
dg_journey_map_data_free (DgJourneyMapData *data)
{
  if (data == NULL)
    return;

  g_free (data->title);
  g_free (data->subtitle);
  g_free (data->figures_error);
  g_clear_pointer (&data->stages, g_ptr_array_unref);
  g_free (data);
}

const char *
dg_journey_map_digitisation_label (DgDigitisation level)
{
  switch (level)
    {
    case DG_DIGITISATION_MANUAL:
      /* Translators: a stage's digitisation level on the journey map. */
      return _("Manual");
    case DG_DIGITISATION_TEMPLATE:
      /* Translators: a stage's digitisation level on the journey map:
       * done by hand from a prepared message. */
      return _("From a template");
    case DG_DIGITISATION_AUTOMATED:
      /* Translators: a stage's digitisation level on the journey map. */
      return _("Automated");
    default:
      return "";
    }
}

static char *
join_texts (const char *first,
            const char *second)
{
  gboolean has_first = first != NULL && *first != '\0';
  gboolean has_second = second != NULL && *second != '\0';

  if (has_first && has_second)
    return g_strconcat (first, "\n", second, NULL);
  return g_strdup (has_first ? first : has_second ? second : "");
}

static DgStageFigures *
find_figures (GPtrArray *figures,
              gint64     stage_id)
{
  for (guint i = 0; i < figures->len; i++)
    {
      DgStageFigures *found = g_ptr_array_index (figures, i);

      if (found->stage_id == stage_id)
        return found;
    }
  return NULL;
}

DgJourneyMapData *
dg_journey_map_data_load_texts (DgDatabase  *db,
                                gint64       journey_id,
                                gint64       cohort_id,
                                GError     **error)
{
  g_autoptr(DgJourneyMapData) data = g_new0 (DgJourneyMapData, 1);
  g_autoptr(DgJourney) journey = NULL;
  g_autoptr(GPtrArray) stages = NULL;

  journey = dg_journeys_get (db, journey_id, error);
  if (journey == NULL)
    return NULL;
  stages = dg_stages_list (db, journey_id, error);
  if (stages == NULL)
    return NULL;

  data->title = g_strdup (journey->name);
  if (cohort_id != 0)
    {
      g_autoptr(DgCohort) cohort = dg_cohorts_get (db, cohort_id, error);

      if (cohort == NULL)
        return NULL;
      data->subtitle = g_strdup (cohort->name);
    }
  else
    {
      /* Translators: under the journey's name on the map, when its
       * figures count every cohort. */
      data->subtitle = g_strdup (_("All customers"));
    }

  data->figures = DG_JOURNEY_MAP_FIGURES_READING;
  data->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_journey_map_stage_free);
  for (guint i = 0; i < stages->len; i++)
    {
      DgStage *stage = g_ptr_array_index (stages, i);
      DgJourneyMapStage *column = g_new0 (DgJourneyMapStage, 1);

      column->stage_id = stage->id;
      column->name = g_strdup (stage->name);
      column->scenario = g_strdup (stage->scenario != NULL ? stage->scenario : "");
      column->touchpoint = g_strdup (stage->touchpoint != NULL ? stage->touchpoint : "");
      column->detail = g_strdup (stage->detail_steps != NULL ? stage->detail_steps : "");
      column->pain_points = join_texts (stage->pain_points, stage->unmet_needs);
      column->digitisation = stage->digitisation;
      column->conversion = -1;
      column->median_days = -1;
      g_ptr_array_add (data->stages, column);
    }

  return g_steal_pointer (&data);
}

static void
clear_figures (DgJourneyMapStage *column)
{
  column->n_now = 0;
  column->conversion = -1;
  column->median_days = -1;
  column->n_dropped = 0;
  g_clear_pointer (&column->top_drop_reason, g_free);
  column->n_feedback = 0;
  column->feeling = 0;
}

void
dg_journey_map_data_set_figures (DgJourneyMapData *data,
                                 GPtrArray        *figures)
{
  g_return_if_fail (data != NULL);
  g_return_if_fail (figures != NULL);

  for (guint i = 0; i < data->stages->len; i++)
    {
      DgJourneyMapStage *column = g_ptr_array_index (data->stages, i);
      DgStageFigures *stage_figures = find_figures (figures, column->stage_id);

      clear_figures (column);
      if (stage_figures == NULL)
        continue;

      column->n_now = stage_figures->n_now;
      column->conversion = stage_figures->conversion;
      column->median_days = stage_figures->median_days;
      column->n_dropped = stage_figures->n_dropped;
      if (stage_figures->drop_reasons != NULL && stage_figures->drop_reasons->len > 0)
        {
          DgDropReason *reason = g_ptr_array_index (stage_figures->drop_reasons, 0);

          if (reason->reason != NULL && *reason->reason != '\0')
            column->top_drop_reason = g_strdup (reason->reason);
        }
      column->n_feedback = stage_figures->n_positive + stage_figures->n_neutral + stage_figures->n_negative;
      column->feeling = dg_stage_figures_get_feeling (stage_figures);
    }

  data->figures = DG_JOURNEY_MAP_FIGURES_READY;
  g_clear_pointer (&data->figures_error, g_free);
}

void
dg_journey_map_data_set_figures_error (DgJourneyMapData *data,
                                       const GError     *error)
{
  g_return_if_fail (data != NULL);
  g_return_if_fail (error != NULL);

  for (guint i = 0; i < data->stages->len; i++)
    clear_figures (g_ptr_array_index (data->stages, i));
  data->figures = DG_JOURNEY_MAP_FIGURES_FAILED;
  g_free (data->figures_error);
  data->figures_error = g_strdup (error->message);
}

static DgJourneyMapStage *
find_column (DgJourneyMapData *data,
             gint64            stage_id)
{
  for (guint i = 0; i < data->stages->len; i++)
    {
      DgJourneyMapStage *column = g_ptr_array_index (data->stages, i);

      if (column->stage_id == stage_id)
        return column;
    }
  return NULL;
}

gboolean
dg_journey_map_data_keep_figures (DgJourneyMapData *data,
                                  DgJourneyMapData *from)
{
  g_return_val_if_fail (data != NULL, FALSE);

  if (from == NULL || from->figures != DG_JOURNEY_MAP_FIGURES_READY)
    return FALSE;

  /* A stage new since has no figures to show yet: all or none. */
  for (guint i = 0; i < data->stages->len; i++)
    {
      DgJourneyMapStage *column = g_ptr_array_index (data->stages, i);

      if (find_column (from, column->stage_id) == NULL)
        return FALSE;
    }

  for (guint i = 0; i < data->stages->len; i++)
    {
      DgJourneyMapStage *column = g_ptr_array_index (data->stages, i);
      DgJourneyMapStage *old = find_column (from, column->stage_id);

      clear_figures (column);
      column->n_now = old->n_now;
      column->conversion = old->conversion;
      column->median_days = old->median_days;
      column->n_dropped = old->n_dropped;
      column->top_drop_reason = g_strdup (old->top_drop_reason);
      column->n_feedback = old->n_feedback;
      column->feeling = old->feeling;
    }
  data->figures = DG_JOURNEY_MAP_FIGURES_READY;

  return TRUE;
}

DgJourneyMapData *
dg_journey_map_data_load (DgDatabase  *db,
                          DgClock     *clock,
                          gint64       journey_id,
                          gint64       cohort_id,
                          GError     **error)
{
  g_autoptr(DgJourneyMapData) data = NULL;
  g_autoptr(GPtrArray) figures = NULL;

  data = dg_journey_map_data_load_texts (db, journey_id, cohort_id, error);
  if (data == NULL)
    return NULL;
  figures = dg_journey_analytics (db, clock, journey_id, cohort_id, error);
  if (figures == NULL)
    return NULL;
  dg_journey_map_data_set_figures (data, figures);

  return g_steal_pointer (&data);
}
