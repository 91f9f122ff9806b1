/* dg-import-csv-private.h
 *
 * What the files of the CSV import share: the object's fields, and the
 * pass over the file's rows that the preview and the apply both run.
 */
#pragma once

#include "dg-customers-bulk-private.h"
#include "dg-import-csv.h"
#include "dg-import-keys.h"
#include "dg-import-vcard.h"

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
  /* While dg_csv_import_apply() runs, the time by its clock: when a
   * consent the file gives without a time of its own was given. */
  GDateTime       *applying_at;
  /* Told by the apply how far it has come. */
  DgImportProgressFunc progress_func;
  gpointer         progress_data;

  gboolean         loaded;
  DgImportFormat   format;
  /* A vCard file's cards, read whole at load. */
  DgVcardImport   *vcard;
  DgCsvDetection   detection;
  gboolean         has_header;
  GPtrArray       *titles;      /* char * */
  GArray          *targets;     /* DgImportTarget */

  gboolean         previewed;
  char            *checksum;
  /* The rows, kept small whatever the file's length: a row the person
   * can act on or must read (a duplicate, a refusal) has its record, a
   * plain new row none; its number follows from the runs of numbers
   * without a gap (blank rows are left out). */
  guint            n_rows;
  GArray          *records;     /* DgImportRecord, by index */
  GArray          *runs;        /* DgImportRun, by index */
  /* What dg_csv_import_get_row() gives for a new row. */
  DgImportRow      new_row;
  GPtrArray       *sample;      /* DgCustomer */
  GArray          *sample_rows; /* guint */
  GPtrArray       *problems;    /* char * */
  GPtrArray       *conflicts;   /* char * */
  GPtrArray       *unmatched;   /* char * */
  GPtrArray       *feedback_values; /* char * */
  DgImportSummary  summary;
};

typedef struct
{
  guint        index;
  DgImportRow  row;
} DgImportRecord;

/* Rows from @index on are numbered from @row, one by one, until the next
 * run. */
typedef struct
{
  guint index;
  guint row;
} DgImportRun;

/* Where the preview and the apply take their records from (see
 * dg-import-csv-source.c). */
typedef struct
{
  DgCsvImport   *self;
  /* A sheet: its rows read again. */
  DgCsvReader   *reader;
  gboolean       header_pending;
  /* A vCard file: the next customer and refused card. */
  guint          next_customer;
  guint          next_problem;
  GTimeZone     *tz;

  /* The current record: its row or card number; its cells (a sheet's);
   * the customer it would store, or else why not ("Row 12: …", "Card 3:
   * …"). A survey's rows leave both to the survey. */
  guint          row;
  GPtrArray     *fields;
  DgCustomer    *customer;
  char          *problem;
} DgImportSource;

gboolean    dg_import_source_open         (DgImportSource  *source,
                                           DgCsvImport     *self,
                                           GCancellable    *cancellable,
                                           GError         **error);
/* Moves to the next record, blank rows and the header left out; FALSE at
 * the end, or with @error set. */
gboolean    dg_import_source_next         (DgImportSource  *source,
                                           GCancellable    *cancellable,
                                           GError         **error);
/* Once the end was reached: the sheet's checksum; NULL for a vCard file. */
const char *dg_import_source_get_checksum (DgImportSource  *source);
/* Prefixes @error with the current record's place ("Row 12: "). */
void        dg_import_source_prefix_error (DgImportSource  *source,
                                           GError         **error);
void        dg_import_source_clear        (DgImportSource  *source);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DgImportSource, dg_import_source_clear)

/* Forgets what the last preview found. */
void        dg_csv_import_clear_preview (DgCsvImport  *self);
/* Appends @info to the preview's rows. */
void        dg_csv_import_add_row       (DgCsvImport       *self,
                                         const DgImportRow *info);
/* The row at @index: its record, or else self->new_row made for it. */
DgImportRow *dg_csv_import_lookup_row   (DgCsvImport  *self,
                                         guint         index);
/* How many rows have a record of their own. */
guint       dg_csv_import_get_n_records (DgCsvImport  *self);

/* The customer row @fields would store, or NULL with @out_problem set to
 * why not ("Phone: “010-12” is too short"). */
DgCustomer *dg_csv_import_build_customer (DgCsvImport  *self,
                                          GPtrArray    *fields,
                                          GTimeZone    *tz,
                                          char        **out_problem);
/* The customer in @db that dg_import_find_match() finds for @customer's
 * uuid (a Dangol export's), phone or e-mail, or, when it has neither, the one of its name who has
 * neither either; 0 when none. */
gboolean    dg_csv_import_find_customer  (DgDatabase   *db,
                                          DgCustomer   *customer,
                                          gint64       *out_id,
                                          GError      **error);
/* Fills the fields of @existing that are empty from @incoming, adds its
 * tags, and appends to @conflicts (when not NULL) a message for each field
 * that holds another value, placed by @format's row or card @row. Returns
 * whether @existing changed; counts the conflicts in @out_n_conflicts. */
gboolean    dg_csv_import_merge          (DgCustomer   *existing,
                                          DgCustomer   *incoming,
                                          DgImportFormat format,
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
/* "u:" the uuid a vCard file gave; NULL for none. */
char       *dg_csv_import_uuid_key       (DgCustomer   *customer);

/* Whether every cell of a sheet's row is blank. */
gboolean    dg_csv_import_row_is_blank   (GPtrArray    *fields);

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
                                                 DgImportKeys   *keys,
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
