/* dg-import-csv-private.h
 *
 * What the files of the CSV import share: the object's fields, and the
 * pass over the file's rows that the preview and the apply both run.
 */
#pragma once

#include "dg-customers-bulk-private.h"
#include "dg-import-csv.h"

G_BEGIN_DECLS

struct _DgCsvImport
{
  GObject          parent_instance;

  char            *path;
  DgCsvEncoding    encoding;
  char             delimiter;
  DgCsvHeaderMode  header_mode;
  gint64           stage_id;
  char            *cohort_name;
  char            *cohort_date;
  /* The survey mode: set when not NULL. */
  DgClock         *survey_clock;
  gboolean         add_unmatched;
  GHashTable      *feedback_map;    /* answer → DgInteractionFeedback */

  gboolean         loaded;
  DgCsvDetection   detection;
  gboolean         has_header;
  GPtrArray       *titles;      /* char * */
  GArray          *targets;     /* DgImportTarget */

  gboolean         previewed;
  char            *checksum;
  GArray          *rows;        /* DgImportRow */
  GPtrArray       *sample;      /* DgCustomer */
  GArray          *sample_rows; /* guint */
  GPtrArray       *problems;    /* char * */
  GPtrArray       *conflicts;   /* char * */
  GPtrArray       *unmatched;   /* char * */
  GPtrArray       *feedback_values; /* char * */
  DgImportSummary  summary;
};

/* Forgets what the last preview found. */
void        dg_csv_import_clear_preview (DgCsvImport  *self);

/* The customer row @fields would store, or NULL with @out_problem set to
 * why not ("Phone: “010-12” is too short"). */
DgCustomer *dg_csv_import_build_customer (DgCsvImport  *self,
                                          GPtrArray    *fields,
                                          GTimeZone    *tz,
                                          char        **out_problem);
/* The customer in @db that dg_import_find_match() finds for @customer's
 * phone or e-mail, or, when it has neither, the one of its name who has
 * neither either; 0 when none. */
gboolean    dg_csv_import_find_customer  (DgDatabase   *db,
                                          DgCustomer   *customer,
                                          gint64       *out_id,
                                          GError      **error);
/* Fills the fields of @existing that are empty from @incoming, adds its
 * tags, and appends to @conflicts (when not NULL) a message for each field
 * that holds another value. Returns whether @existing changed; counts the
 * conflicts in @out_n_conflicts. */
gboolean    dg_csv_import_merge          (DgCustomer   *existing,
                                          DgCustomer   *incoming,
                                          guint         row,
                                          GPtrArray    *conflicts,
                                          guint        *out_n_conflicts);
/* The match keys of @customer: "p:" dg_import_phone_key() (a +82 number
 * as it is dialled at home; none for fewer than 7 digits), "e:" the e-mail
 * in lower case; NULL for none. */
char       *dg_csv_import_phone_key      (DgCustomer   *customer);
char       *dg_csv_import_email_key      (DgCustomer   *customer);
/* "n:" the name, for a customer with neither phone nor e-mail. */
char       *dg_csv_import_name_key       (DgCustomer   *customer);

/* Adds @message to @list while it has room. */
void        dg_csv_import_add_message    (GPtrArray    *list,
                                          char         *message);

/* The survey mode's part of each step (dg-import-survey.c). */

/* Turns the columns that fill no customer field into answers, and the one
 * that reads as feelings into the feeling column. */
void           dg_csv_import_survey_guess       (DgCsvImport    *self,
                                                 GPtrArray      *records);
/* Classifies one row: matched (a duplicate of its customer; :fills when
 * its contact is not logged yet), unmatched (new, or a duplicate of an
 * earlier unmatched row) or refused. @out_customer receives the customer
 * it would add, when it builds one. */
gboolean       dg_csv_import_survey_preview_row (DgCsvImport    *self,
                                                 DgDatabase     *db,
                                                 GPtrArray      *fields,
                                                 GTimeZone      *tz,
                                                 DgImportRow    *info,
                                                 GHashTable     *keys,
                                                 DgCustomer    **out_customer,
                                                 GError        **error);
/* The customer that row @fields matches by phone or e-mail; 0 when none. */
gboolean       dg_csv_import_survey_find        (DgCsvImport    *self,
                                                 DgDatabase     *db,
                                                 GPtrArray      *fields,
                                                 gint64         *out_id,
                                                 GError        **error);
/* Logs the contact of row @fields for @customer_id unless it is already
 * logged, recording it (and the keep-in-touch follow-ups it may move,
 * once per customer in @kept_followups) in @undo. */
gboolean       dg_csv_import_survey_log         (DgCsvImport    *self,
                                                 DgDatabase     *db,
                                                 DgBulkUndo     *undo,
                                                 GHashTable     *kept_followups,
                                                 GPtrArray      *fields,
                                                 GTimeZone      *tz,
                                                 gint64          customer_id,
                                                 DgImportSummary *summary,
                                                 GError        **error);

G_END_DECLS
