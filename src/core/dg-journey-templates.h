/* dg-journey-templates.h
 *
 * Journey templates: ready-made journeys that Dangol ships in its seeds
 * folder (a public lecture series, a small shop or studio) so that a new
 * user starts from a written playbook instead of an empty board. Each is
 * a plain JSON file per language:
 *
 *   { "format": "dangol-journey-template", "version": 1,
 *     "id": "lecture", "language": "ko",
 *     "journey": { "name": …, "description": …,
 *                  "stages": [ { "name": …, "scenario": …, "touchpoint": …,
 *                                "detail_steps": …, "message_script": …,
 *                                "pain_points": …, "unmet_needs": …,
 *                                "digitisation": "manual|template|automated",
 *                                "usual_days": N or null,
 *                                "rules": [ { "title": …, "note": …,
 *                                             "anchor": "stage_entered|cohort_date",
 *                                             "offset_days": N,
 *                                             "time_of_day": "HH:MM" or null } ] } ] } }
 *
 * A file is read and checked whole before anything is written: every
 * problem is reported with the file's name and the place in it
 * ("lecture-ko.json: journey.stages[2].digitisation: …"), and a journey is
 * created from a template in one transaction, so a failure leaves no
 * partial journey behind.
 */
#pragma once

#include "dg-database.h"
#include "dg-journey.h"

G_BEGIN_DECLS

#define DG_JOURNEY_TEMPLATE_FORMAT  "dangol-journey-template"
/* The newest version this build reads. */
#define DG_JOURNEY_TEMPLATE_VERSION 1

/* One stage of a template with the rules it brings. */
typedef struct
{
  /* Its id, uuid, journey and position are 0 / NULL. */
  DgStage   *stage;
  /* DgStageRule *, in their order; their stage id is 0. */
  GPtrArray *rules;
} DgJourneyTemplateStage;

typedef struct
{
  /* The same for every language of one template ("lecture"). */
  char      *id;
  /* The language of its texts ("en", "ko"). */
  char      *language;
  /* The file it was read from. */
  char      *path;
  char      *name;
  char      *description;
  /* DgJourneyTemplateStage *, left to right; never empty. */
  GPtrArray *stages;
} DgJourneyTemplate;

void               dg_journey_template_free  (DgJourneyTemplate *tmpl);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgJourneyTemplate, dg_journey_template_free)

/* Where the templates are: $DANGOL_SEEDS_DIR when set (the tests, a run
 * from the source tree), else the installed seeds folder. */
const char        *dg_journey_templates_get_dir (void);

/* Reads and checks the template at @path. Fails with DG_ERROR_INVALID_FIELD
 * and a message naming the file and the place of the problem. */
DgJourneyTemplate *dg_journey_template_load  (const char   *path,
                                              GError      **error);

/* The templates in @dir (NULL: dg_journey_templates_get_dir()), each in
 * one language: the first of @languages (NULL: g_get_language_names())
 * it is written in, else English, else the first there is. Ordered by id.
 * A folder that does not exist holds none; a template file that cannot be
 * read is left out with a warning, and JSON files that are not templates
 * (the demo data) are passed over. DgJourneyTemplate *. */
GPtrArray         *dg_journey_templates_list (const char          *dir,
                                              const char * const  *languages,
                                              GError             **error);

/* Creates a journey from @tmpl, last in the list of journeys, with its
 * stages and their rules, in one transaction: on failure nothing is
 * written. Sets *@out_journey_id (when not NULL) to the new journey's id. */
gboolean           dg_journey_template_create_journey (DgDatabase              *db,
                                                       const DgJourneyTemplate *tmpl,
                                                       gint64                  *out_journey_id,
                                                       GError                 **error);

G_END_DECLS
