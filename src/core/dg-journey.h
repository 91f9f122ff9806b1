/* dg-journey.h
 *
 * The records of a journey map, as plain values: a journey, its stages
 * (each with its SDA playbook: the Scenario the customer lives, the Detail
 * of how it is done, the Action the computer takes), the rules by which a
 * stage schedules follow-ups, the cohorts that walk the journey together,
 * a customer's enrollment in a journey and the events of its history.
 *
 * They are what dg-journeys.h, dg-stages.h and dg-enrollments.h read and
 * write. Text fields are never NULL once read ("" for empty); a value set
 * by a caller may be NULL, which stores as "".
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  DG_DIGITISATION_MANUAL,
  /* Done by hand from a prepared text (a message script). */
  DG_DIGITISATION_TEMPLATE,
  DG_DIGITISATION_AUTOMATED,
} DgDigitisation;

typedef enum
{
  /* N days after the customer entered the stage. */
  DG_RULE_ANCHOR_STAGE_ENTERED,
  /* N days before (negative) or after the date of the customer's cohort. */
  DG_RULE_ANCHOR_COHORT_DATE,
} DgRuleAnchor;

typedef enum
{
  DG_ENROLLMENT_ACTIVE,
  DG_ENROLLMENT_COMPLETED,
  DG_ENROLLMENT_DROPPED,
} DgEnrollmentStatus;

/* As stored; NULL for a value out of range. */
const char *dg_digitisation_to_string       (DgDigitisation      level);
/* FALSE when @text is none of them. */
gboolean    dg_digitisation_from_string     (const char         *text,
                                             DgDigitisation     *out_level);
const char *dg_rule_anchor_to_string        (DgRuleAnchor        anchor);
gboolean    dg_rule_anchor_from_string      (const char         *text,
                                             DgRuleAnchor       *out_anchor);
const char *dg_enrollment_status_to_string  (DgEnrollmentStatus  status);
gboolean    dg_enrollment_status_from_string (const char        *text,
                                              DgEnrollmentStatus *out_status);

typedef struct
{
  gint64  id;            /* 0 until stored */
  char   *uuid;          /* NULL until stored */
  char   *name;
  char   *description;
  int     position;      /* set by the store: new ones go last */
} DgJourney;

typedef struct
{
  gint64          id;
  char           *uuid;
  gint64          journey_id;
  int             position;
  char           *name;
  /* Scenario */
  char           *scenario;
  char           *touchpoint;
  /* Detail */
  char           *detail_steps;
  char           *message_script;
  char           *pain_points;
  char           *unmet_needs;
  /* Action */
  DgDigitisation  digitisation;
  /* Longer than this in the stage is stuck; -1 for no limit. */
  int             usual_days;
} DgStage;

typedef struct
{
  gint64        id;
  char         *uuid;
  gint64        stage_id;
  int           position;
  char         *title;
  char         *note;
  DgRuleAnchor  anchor;
  /* Days after the anchor; negative is before (a cohort's date). */
  int           offset_days;
  /* "HH:MM" local: a timed follow-up; NULL: an all-day one. */
  char         *time_of_day;
} DgStageRule;

typedef struct
{
  gint64    id;
  char     *uuid;
  gint64    journey_id;
  char     *name;
  /* "YYYY-MM-DD", or NULL for none. */
  char     *date;
  gboolean  archived;
} DgCohort;

typedef struct
{
  gint64              id;
  char               *uuid;
  gint64              customer_id;
  gint64              journey_id;
  gint64              stage_id;
  gint64              cohort_id;    /* 0 for none */
  DgEnrollmentStatus  status;
  char               *drop_reason;
  /* When it entered its stage, UTC. */
  GDateTime          *since;
  /* Filled by the lists that say so, "" otherwise. */
  char               *customer_name;
  char               *journey_name;
  char               *stage_name;
  char               *cohort_name;
} DgEnrollment;

/* One event of an enrollment's history, with the names of what it refers
 * to as they are now. */
typedef struct
{
  gint64              id;
  gint64              enrollment_id;
  gint64              journey_id;
  char               *journey_name;
  gint64              from_stage_id;  /* 0 when entering the journey */
  char               *from_stage_name;
  gint64              to_stage_id;
  char               *to_stage_name;
  DgEnrollmentStatus  status;
  char               *reason;
  GDateTime          *occurred_at;
} DgStageEvent;

DgJourney    *dg_journey_new      (const char   *name);
DgJourney    *dg_journey_copy     (const DgJourney *journey);
void          dg_journey_free     (DgJourney    *journey);
DgStage      *dg_stage_new        (gint64        journey_id,
                                   const char   *name);
DgStage      *dg_stage_copy       (const DgStage *stage);
void          dg_stage_free       (DgStage      *stage);
DgStageRule  *dg_stage_rule_new   (gint64        stage_id,
                                   const char   *title,
                                   DgRuleAnchor  anchor,
                                   int           offset_days);
DgStageRule  *dg_stage_rule_copy  (const DgStageRule *rule);
void          dg_stage_rule_free  (DgStageRule  *rule);
DgCohort     *dg_cohort_new       (gint64        journey_id,
                                   const char   *name,
                                   const char   *date);
DgCohort     *dg_cohort_copy      (const DgCohort *cohort);
void          dg_cohort_free      (DgCohort     *cohort);
void          dg_enrollment_free  (DgEnrollment *enrollment);
void          dg_stage_event_free (DgStageEvent *event);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgJourney, dg_journey_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgStage, dg_stage_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgStageRule, dg_stage_rule_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgCohort, dg_cohort_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgEnrollment, dg_enrollment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgStageEvent, dg_stage_event_free)

G_END_DECLS
