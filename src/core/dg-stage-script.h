/* dg-stage-script.h
 *
 * Filling a stage's message script for one customer: "{name}님, {cohort}
 * 강의는 {cohort_date}입니다" becomes the text to send. The placeholders
 * are {name}, {organization}, {stage}, {cohort}, {cohort_date} and
 * {next_followup}; "{{" and "}}" write a brace.
 *
 * A placeholder with no value for this customer (no organization, no
 * cohort…) is not filled with a blank: it stays in the text as written
 * and is reported in the missing list, so that the person sending sees it
 * before it goes out. A placeholder that is none of the above (a typo,
 * "{이름}") stays as written too and is reported in the unknown list.
 * Anything else in braces that is not a placeholder (it holds a space or
 * a line break, or is empty) is plain text. Text is UTF-8 throughout;
 * values are inserted as they are.
 */
#pragma once

#include "dg-clock.h"
#include "dg-database.h"

G_BEGIN_DECLS

#define DG_PLACEHOLDER_NAME          "name"
#define DG_PLACEHOLDER_ORGANIZATION  "organization"
#define DG_PLACEHOLDER_STAGE         "stage"
#define DG_PLACEHOLDER_COHORT        "cohort"
#define DG_PLACEHOLDER_COHORT_DATE   "cohort_date"
#define DG_PLACEHOLDER_NEXT_FOLLOWUP "next_followup"

/* The placeholder names, NULL-terminated, in the order above. */
const char * const *dg_stage_script_get_placeholders (void);

/* @script with each placeholder replaced by its value in @values (name →
 * value; a missing key, NULL or "" is no value). Sets *@out_missing and
 * *@out_unknown (when not NULL) to the names left in the text, each once
 * in the order they first appear (char *; empty arrays when none). */
char       *dg_stage_script_fill              (const char   *script,
                                               GHashTable   *values,
                                               GPtrArray   **out_missing,
                                               GPtrArray   **out_unknown);

/* The values of the placeholders for enrollment @enrollment_id now by
 * @clock: its customer's name and organization, its stage, its cohort's
 * name and date ("YYYY-MM-DD"), and the customer's next open follow-up's
 * local due ("YYYY-MM-DD HH:MM", or "YYYY-MM-DD" all day). Absent when
 * there is none. name → value (char *). */
GHashTable *dg_stage_script_values            (DgDatabase   *db,
                                               DgClock      *clock,
                                               gint64        enrollment_id,
                                               GError      **error);
/* The message script of the enrollment's stage, filled with its values
 * (see dg_stage_script_fill()). */
char       *dg_stage_script_fill_for_enrollment (DgDatabase  *db,
                                                 DgClock     *clock,
                                                 gint64       enrollment_id,
                                                 GPtrArray  **out_missing,
                                                 GPtrArray  **out_unknown,
                                                 GError     **error);

G_END_DECLS
