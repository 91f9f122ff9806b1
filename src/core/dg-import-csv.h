/* dg-import-csv.h
 *
 * Importing customers from a CSV sheet (a sign-up form's export, an Excel
 * list) in three steps a person can follow:
 *
 * 1. dg_csv_import_load() reads the start of the file: its encoding and
 *    delimiter (see dg-import-csv-reader.h), whether the first row is a
 *    header, and a guessed field for each column (dg-import-mapping.h).
 *    Each can be changed; changing the encoding, delimiter or header
 *    choice needs a new load.
 * 2. dg_csv_import_preview() reads every row as it would be stored: a
 *    customer checked by the same validation as the customer editor, or a
 *    refusal with its reason ("Row 12: Phone: “010-12” is too short"). A
 *    row whose phone digits or e-mail match an existing customer, or an
 *    earlier row of the file, is a duplicate (a row with neither matches
 *    by name a customer with neither); its plan is to update that
 *    customer (the default), skip it, or add it anyway. Updating fills the
 *    fields that are empty and reports each field that holds another
 *    value as a conflict, never overwriting it.
 * 3. dg_csv_import_apply() reads the file again and writes it in one
 *    transaction, with one DgBulkUndo that deletes the customers it added
 *    and puts back the ones it updated. Importing the same file twice
 *    adds nothing the second time: every row is then a duplicate that has
 *    nothing left to fill.
 *
 * The file is streamed in both passes, and memory does not grow with it:
 * only the rows a person can act on or must read (duplicates, refusals)
 * keep a record, the keys that find a row repeating an earlier one wait in
 * a temporary file, and the Undo keeps the ids of the customers added as
 * spans. Only the first DG_CSV_IMPORT_SAMPLE_ROWS rows are kept whole,
 * for the preview.
 *
 * A survey sheet takes the same steps in the survey mode
 * (dg-import-survey.h): each row then logs a contact with feedback.
 *
 * A vCard file (dg-import-vcard.h) takes them too: the load tells it by
 * its content and reads its cards whole; the preview and the apply then
 * take the cards' customers instead of the sheet's rows, through the same
 * matching (a Dangol export's uuid first), plans, enrolment and Undo. A
 * row is then a card, numbered from 1, and its problems read "Card 12:
 * …". A survey is a sheet's only.
 */
#pragma once

#include "dg-clock.h"
#include "dg-customer.h"
#include "dg-customers-bulk.h"
#include "dg-database.h"
#include "dg-import-csv-reader.h"
#include "dg-import-mapping.h"
#include "dg-import-vcard.h"

G_BEGIN_DECLS

#define DG_CSV_IMPORT_SAMPLE_ROWS 50
/* Refusal and conflict messages kept; the counts go on. */
#define DG_CSV_IMPORT_MAX_MESSAGES 1000

typedef enum
{
  DG_CSV_HEADER_AUTO,
  DG_CSV_HEADER_YES,
  DG_CSV_HEADER_NO,
} DgCsvHeaderMode;

/* What kind of file an import reads. */
typedef enum
{
  DG_IMPORT_FORMAT_CSV,
  DG_IMPORT_FORMAT_VCARD,
} DgImportFormat;

typedef enum
{
  DG_IMPORT_ROW_NEW,
  DG_IMPORT_ROW_DUPLICATE,
  DG_IMPORT_ROW_REFUSED,
  /* Blank rows are left out without a word. */
  DG_IMPORT_ROW_BLANK,
} DgImportRowKind;

typedef enum
{
  DG_IMPORT_PLAN_UPDATE,
  DG_IMPORT_PLAN_SKIP,
  DG_IMPORT_PLAN_ADD,
} DgImportPlan;

typedef struct
{
  /* The row's number in the file, as a spreadsheet shows it; for a
   * vCard file, the card's (1 for the first). */
  guint            row;
  DgImportRowKind  kind;
  /* A duplicate: of this customer, or else of this earlier row. */
  gint64           match_customer_id;
  guint            match_row;
  DgImportPlan     plan;
  /* Fields that would not be filled because the customer holds another
   * value. */
  guint            n_conflicts;
  /* Updating would fill at least one empty field (always assumed of a
   * duplicate of an earlier row, whose customer does not exist yet). */
  gboolean         fills;
} DgImportRow;

typedef struct
{
  guint n_added;
  guint n_updated;
  /* Duplicates with nothing to fill. */
  guint n_unchanged;
  guint n_skipped;
  guint n_refused;
  guint n_conflicts;
  /* Customers enrolled in the journey stage (see
   * dg_csv_import_set_enrollment()); those already in the journey are
   * left where they are. */
  guint n_enrolled;
  /* A survey (dg-import-survey.h): the contacts logged, those left out
   * because the customer already has them, and the rows that matched no
   * customer and were not added. */
  guint n_logged;
  guint n_already_logged;
  guint n_unmatched;
} DgImportSummary;

#define DG_TYPE_CSV_IMPORT (dg_csv_import_get_type ())

G_DECLARE_FINAL_TYPE (DgCsvImport, dg_csv_import, DG, CSV_IMPORT, GObject)

DgCsvImport          *dg_csv_import_new               (const char       *path);
const char           *dg_csv_import_get_path          (DgCsvImport      *self);
/* What the last load found the file to be: a vCard file starts with
 * BEGIN:VCARD (after a byte order mark or blank lines), whatever its name.
 * Encoding, delimiter, header and columns are a CSV sheet's; a vCard file
 * has none. */
DgImportFormat        dg_csv_import_get_format        (DgCsvImport      *self);
/* A vCard file's counts: photos left out, numbers kept in the note,
 * birthdays left out (see dg_vcard_import_describe_counts()); NULL for a
 * sheet. */
const DgVcardImportCounts *dg_csv_import_get_vcard_counts (DgCsvImport *self);

/* What to read the next load with: DG_CSV_ENCODING_AUTO and delimiter 0
 * detect. */
void                  dg_csv_import_set_encoding      (DgCsvImport      *self,
                                                       DgCsvEncoding     encoding);
void                  dg_csv_import_set_delimiter     (DgCsvImport      *self,
                                                       char              delimiter);
void                  dg_csv_import_set_header_mode   (DgCsvImport      *self,
                                                       DgCsvHeaderMode   mode);

/* Reads the start of the file; guesses the columns' fields afresh. */
gboolean              dg_csv_import_load              (DgCsvImport      *self,
                                                       GCancellable     *cancellable,
                                                       GError          **error);
/* What the last load found (or was told). */
const DgCsvDetection *dg_csv_import_get_detection     (DgCsvImport      *self);
gboolean              dg_csv_import_get_has_header    (DgCsvImport      *self);
guint                 dg_csv_import_get_n_columns     (DgCsvImport      *self);
/* The header's text, or "Column 3" without a header. */
const char           *dg_csv_import_get_column_title  (DgCsvImport      *self,
                                                       guint             column);
DgImportTarget        dg_csv_import_get_column_target (DgCsvImport      *self,
                                                       guint             column);
/* Gives @column the field @target; a field that takes one column is taken
 * from the column that had it. Forgets the last preview. */
void                  dg_csv_import_set_column_target (DgCsvImport      *self,
                                                       guint             column,
                                                       DgImportTarget    target);

/* Reads every row against @db; fails when no column holds the names. */
gboolean              dg_csv_import_preview           (DgCsvImport      *self,
                                                       DgDatabase       *db,
                                                       GCancellable     *cancellable,
                                                       GError          **error);
/* The rows of the last preview, header and blank rows left out. A new
 * row's record is made on request: it holds until the next call. */
guint                 dg_csv_import_get_n_rows        (DgCsvImport      *self);
const DgImportRow    *dg_csv_import_get_row           (DgCsvImport      *self,
                                                       guint             index);
/* The first rows that would be stored, as customers (those refused are
 * not among them), and the row number of each. */
GPtrArray            *dg_csv_import_get_sample        (DgCsvImport      *self);
guint                 dg_csv_import_get_sample_row    (DgCsvImport      *self,
                                                       guint             index);
/* Every refused row's reason, "Row 12: …" ("Card 12: …"), in row order. */
GPtrArray            *dg_csv_import_get_problems      (DgCsvImport      *self);
/* Every conflict, "Row 7: Email: keeps “a@x.kr”, the file has “b@x.kr”". */
GPtrArray            *dg_csv_import_get_conflicts     (DgCsvImport      *self);
/* What applying the preview would do. */
const DgImportSummary *dg_csv_import_get_summary      (DgCsvImport      *self);

/* The plan of one duplicate row (by index among the rows), or of all. */
void                  dg_csv_import_set_row_plan      (DgCsvImport      *self,
                                                       guint             index,
                                                       DgImportPlan      plan);
void                  dg_csv_import_set_plan_for_all  (DgCsvImport      *self,
                                                       DgImportPlan      plan);

/* Enrols every customer the import adds or matches (not those skipped)
 * in stage @stage_id (0: none), in a cohort named @cohort_name created on
 * the spot with @cohort_date ("YYYY-MM-DD" or NULL), or in none when
 * @cohort_name is NULL: the lecture's sign-up sheet becomes its cohort in
 * "signed up", whose rules schedule the follow-ups. */
void                  dg_csv_import_set_enrollment    (DgCsvImport      *self,
                                                       gint64            stage_id,
                                                       const char       *cohort_name,
                                                       const char       *cohort_date);

/* @done of @total rows are written: @total is the preview's count
 * (dg_csv_import_get_n_rows()). Called on the thread that runs the
 * apply, every DG_CSV_IMPORT_PROGRESS_ROWS rows and once with @done equal
 * to @total when every row is written. The preview, which reads the file
 * without knowing how many rows it holds, calls it with @total 0 as it
 * has read every DG_CSV_IMPORT_PROGRESS_ROWS rows. */
#define DG_CSV_IMPORT_PROGRESS_ROWS 250

typedef void (*DgImportProgressFunc) (guint    done,
                                      guint    total,
                                      gpointer user_data);

/* What dg_csv_import_preview() and dg_csv_import_apply() tell while they
 * run (@func NULL: nothing). */
void                  dg_csv_import_set_progress_func (DgCsvImport          *self,
                                                       DgImportProgressFunc  func,
                                                       gpointer              user_data);

/* Imports the previewed file in one transaction. Fails, writing nothing,
 * with DG_ERROR_IMPORT_FILE_CHANGED when the file changed since the
 * preview (a sheet's; a vCard file's cards were read whole at load and
 * are what was previewed), when cancelled, or when a row cannot be
 * written. @out_summary (may be NULL) receives what it did.
 * The undo reverses it whole, the enrollments and the cohort with it; its
 * count of changes is the customers added or updated and the enrollments
 * made. @clock gives the time of the enrollments. */
DgBulkUndo           *dg_csv_import_apply             (DgCsvImport      *self,
                                                       DgDatabase       *db,
                                                       DgClock          *clock,
                                                       GCancellable     *cancellable,
                                                       DgImportSummary  *out_summary,
                                                       GError          **error);

G_END_DECLS
