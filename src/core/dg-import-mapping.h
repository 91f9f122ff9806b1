/* dg-import-mapping.h
 *
 * Which customer field each column of an imported sheet fills, guessed
 * from its header as sign-up forms write them, in Korean and English:
 * "이름", "성함을 적어주세요", "1. 연락처를 입력해 주세요.", "Email Address",
 * "Timestamp", "개인정보 수집 및 이용 동의"… The header is compared without
 * case, spaces or punctuation, and each field's words are looked for inside
 * it in a fixed order of priority (an e-mail column that says "연락처" is
 * still e-mail). Without headers, a column is guessed from its values.
 *
 * And how a sheet's values become a field's: yes/no answers of a consent
 * question, birthdays as people type them, the time a form was submitted.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  DG_IMPORT_TARGET_IGNORE,
  DG_IMPORT_TARGET_NAME,
  DG_IMPORT_TARGET_PHONE,
  DG_IMPORT_TARGET_EMAIL,
  DG_IMPORT_TARGET_ORGANIZATION,
  DG_IMPORT_TARGET_SOURCE,
  DG_IMPORT_TARGET_BIRTHDAY,
  /* Several columns may go to the note, each as "header: answer". */
  DG_IMPORT_TARGET_NOTE,
  /* Several columns may give tags. */
  DG_IMPORT_TARGET_TAGS,
  /* A yes/no answer to the marketing or privacy consent question. */
  DG_IMPORT_TARGET_CONSENT,
  /* When the form was submitted: the time consent was given. */
  DG_IMPORT_TARGET_TIMESTAMP,
  /* A survey's answer, logged in the contact's summary as "question:
   * answer" (see dg-import-survey.h); several columns may be answers. */
  DG_IMPORT_TARGET_ANSWER,
  /* The survey answer that says how it went: positive, neutral or
   * negative feedback of the contact. */
  DG_IMPORT_TARGET_FEEDBACK,
  DG_IMPORT_N_TARGETS
} DgImportTarget;

/* The field's name for people, for the mapping menu. */
const char     *dg_import_target_get_label         (DgImportTarget   target);
/* Whether more than one column may have @target. */
gboolean        dg_import_target_allows_several    (DgImportTarget   target);

/* @header without case, blanks, punctuation or a leading question number. */
char           *dg_import_normalize_header         (const char      *header);
DgImportTarget  dg_import_guess_target             (const char      *header);
/* A guess from a column's values, for a sheet without headers: e-mail
 * addresses, phone numbers, dates; IGNORE when nothing stands out. */
DgImportTarget  dg_import_guess_target_from_values (GPtrArray       *values);

/* Reads a consent answer ("예", "동의합니다", "yes", "아니요", "미동의"…);
 * FALSE when it is neither yes nor no. An empty answer is no. */
gboolean        dg_import_parse_consent            (const char      *text,
                                                    gboolean        *out_consent);
/* Reads a birthday written with its year ("1990-03-05", "1990.3.5",
 * "19900305", "1990년 3월 5일") into "YYYY-MM-DD"; NULL when it is not one. */
char           *dg_import_parse_birthday           (const char      *text);
/* Reads a form's submission time ("2026/12/01 3:04:05 PM GMT+9",
 * "2026. 12. 1 오후 3:04:05", "2026-12-01 15:04"), in @tz when it names no
 * zone; NULL when it is not one. */
GDateTime      *dg_import_parse_timestamp          (const char      *text,
                                                    GTimeZone       *tz);

G_END_DECLS
