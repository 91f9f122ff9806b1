/* dg-journey.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-journey.h"

static const char * const digitisation_names[] = { "manual", "template", "automated" };
static const char * const anchor_names[] = { "stage_entered", "cohort_date" };
static const char * const status_names[] = { "active", "completed", "dropped" };

static gboolean
lookup (const char * const *names,
        guint               n_names,
        const char         *text,
        int                *out_value)
{
  for (guint i = 0; text != NULL && i < n_names; i++)
    {
      if (g_str_equal (names[i], text))
        {
          *out_value = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
dg_digitisation_to_string (DgDigitisation level)
{
  return (guint) level < G_N_ELEMENTS (digitisation_names) ? digitisation_names[level] : NULL;
}

gboolean
dg_digitisation_from_string (const char     *text,
                             DgDigitisation *out_level)
{
  int value;

  if (!lookup (digitisation_names, G_N_ELEMENTS (digitisation_names), text, &value))
    return FALSE;
  *out_level = value;

  return TRUE;
}

const char *
dg_rule_anchor_to_string (DgRuleAnchor anchor)
{
  return (guint) anchor < G_N_ELEMENTS (anchor_names) ? anchor_names[anchor] : NULL;
}

gboolean
dg_rule_anchor_from_string (const char   *text,
                            DgRuleAnchor *out_anchor)
{
  int value;

  if (!lookup (anchor_names, G_N_ELEMENTS (anchor_names), text, &value))
    return FALSE;
  *out_anchor = value;

  return TRUE;
}

const char *
dg_enrollment_status_to_string (DgEnrollmentStatus status)
{
  return (guint) status < G_N_ELEMENTS (status_names) ? status_names[status] : NULL;
}

gboolean
dg_enrollment_status_from_string (const char         *text,
                                  DgEnrollmentStatus *out_status)
{
  int value;

  if (!lookup (status_names, G_N_ELEMENTS (status_names), text, &value))
    return FALSE;
  *out_status = value;

  return TRUE;
}

DgJourney *
dg_journey_new (const char *name)
{
  DgJourney *journey = g_new0 (DgJourney, 1);

  journey->name = g_strdup (name);
  journey->description = g_strdup ("");

  return journey;
}

DgJourney *
dg_journey_copy (const DgJourney *journey)
{
  DgJourney *copy = g_memdup2 (journey, sizeof *journey);

  copy->uuid = g_strdup (journey->uuid);
  copy->name = g_strdup (journey->name);
  copy->description = g_strdup (journey->description);

  return copy;
}

void
dg_journey_free (DgJourney *journey)
{
  if (journey == NULL)
    return;

  g_free (journey->uuid);
  g_free (journey->name);
  g_free (journey->description);
  g_free (journey);
}

DgStage *
dg_stage_new (gint64      journey_id,
              const char *name)
{
  DgStage *stage = g_new0 (DgStage, 1);

  stage->journey_id = journey_id;
  stage->name = g_strdup (name);
  stage->usual_days = -1;

  return stage;
}

DgStage *
dg_stage_copy (const DgStage *stage)
{
  DgStage *copy = g_memdup2 (stage, sizeof *stage);

  copy->uuid = g_strdup (stage->uuid);
  copy->name = g_strdup (stage->name);
  copy->scenario = g_strdup (stage->scenario);
  copy->touchpoint = g_strdup (stage->touchpoint);
  copy->detail_steps = g_strdup (stage->detail_steps);
  copy->message_script = g_strdup (stage->message_script);
  copy->pain_points = g_strdup (stage->pain_points);
  copy->unmet_needs = g_strdup (stage->unmet_needs);

  return copy;
}

void
dg_stage_free (DgStage *stage)
{
  if (stage == NULL)
    return;

  g_free (stage->uuid);
  g_free (stage->name);
  g_free (stage->scenario);
  g_free (stage->touchpoint);
  g_free (stage->detail_steps);
  g_free (stage->message_script);
  g_free (stage->pain_points);
  g_free (stage->unmet_needs);
  g_free (stage);
}

DgStageRule *
dg_stage_rule_new (gint64        stage_id,
                   const char   *title,
                   DgRuleAnchor  anchor,
                   int           offset_days)
{
  DgStageRule *rule = g_new0 (DgStageRule, 1);

  rule->stage_id = stage_id;
  rule->title = g_strdup (title);
  rule->anchor = anchor;
  rule->offset_days = offset_days;

  return rule;
}

DgStageRule *
dg_stage_rule_copy (const DgStageRule *rule)
{
  DgStageRule *copy = g_memdup2 (rule, sizeof *rule);

  copy->uuid = g_strdup (rule->uuid);
  copy->title = g_strdup (rule->title);
  copy->note = g_strdup (rule->note);
  copy->time_of_day = g_strdup (rule->time_of_day);

  return copy;
}

void
dg_stage_rule_free (DgStageRule *rule)
{
  if (rule == NULL)
    return;

  g_free (rule->uuid);
  g_free (rule->title);
  g_free (rule->note);
  g_free (rule->time_of_day);
  g_free (rule);
}

DgCohort *
dg_cohort_new (gint64      journey_id,
               const char *name,
               const char *date)
{
  DgCohort *cohort = g_new0 (DgCohort, 1);

  cohort->journey_id = journey_id;
  cohort->name = g_strdup (name);
  cohort->date = g_strdup (date);

  return cohort;
}

DgCohort *
dg_cohort_copy (const DgCohort *cohort)
{
  DgCohort *copy = g_memdup2 (cohort, sizeof *cohort);

  copy->uuid = g_strdup (cohort->uuid);
  copy->name = g_strdup (cohort->name);
  copy->date = g_strdup (cohort->date);

  return copy;
}

void
dg_cohort_free (DgCohort *cohort)
{
  if (cohort == NULL)
    return;

  g_free (cohort->uuid);
  g_free (cohort->name);
  g_free (cohort->date);
  g_free (cohort);
}

void
dg_enrollment_free (DgEnrollment *enrollment)
{
  if (enrollment == NULL)
    return;

  g_free (enrollment->uuid);
  g_free (enrollment->drop_reason);
  g_clear_pointer (&enrollment->since, g_date_time_unref);
  g_free (enrollment->customer_name);
  g_free (enrollment->journey_name);
  g_free (enrollment->stage_name);
  g_free (enrollment->cohort_name);
  g_free (enrollment);
}

void
dg_stage_event_free (DgStageEvent *event)
{
  if (event == NULL)
    return;

  g_free (event->journey_name);
  g_free (event->from_stage_name);
  g_free (event->to_stage_name);
  g_free (event->reason);
  g_clear_pointer (&event->occurred_at, g_date_time_unref);
  g_free (event);
}
