/* dg-import-survey.h
 *
 * A survey sheet imported as feedback: the survey mode of the CSV import
 * (dg-import-csv.h). Each row is matched to a customer by phone or
 * e-mail (dg_import_find_match(), as every import matches) and becomes
 * one logged contact of channel "other": its summary the answer columns
 * as "question: answer" lines, its feedback read from the feeling column
 * (positive, neutral or negative, each distinct answer's reading
 * guessed and changeable), its time the form's timestamp, or the
 * import's time when the sheet has none.
 *
 * A row that matches no customer is listed with its reason; the caller
 * may have those added as customers, and their contact is then logged
 * for the new customer. Matched customers are not updated from the sheet.
 *
 * A contact is already logged, and not logged again, when the customer
 * has a contact of channel "other" with the same summary at the same
 * time (at any time, for a row without a timestamp): importing the same
 * survey twice logs nothing the second time.
 *
 * The preview's rows (dg_csv_import_get_row()) read in this mode: a
 * matched row is a DUPLICATE of :match-customer-id, with :fills FALSE when
 * its contact is already logged; an unmatched row is NEW, or a DUPLICATE
 * of :match-row, the earlier unmatched row of the same person (whose
 * added customer it then joins); a row refused is among the problems.
 * Plans do not apply. The summary counts :n_logged, :n_already_logged
 * and :n_unmatched; customers added count in :n_added.
 *
 * The apply writes it all in one transaction; its one Undo removes the
 * contacts and the customers it added and puts back the keep-in-touch
 * follow-ups the contacts moved.
 */
#pragma once

#include "dg-import-csv.h"
#include "dg-interaction.h"

G_BEGIN_DECLS

/* The feedback an answer gives: "매우 만족", "좋았어요", "5점", "4" →
 * positive; "보통", "3점" → neutral; "불만족", "아쉬웠어요", "1점" →
 * negative, and their English equivalents; NONE when it says neither. */
DgInteractionFeedback  dg_import_guess_feedback             (const char            *answer);

/* Turns the survey mode on (@clock not NULL: it gives the time of rows
 * without a timestamp and checks that none is in the future) or off.
 * The next load guesses the answer and feeling columns: every column
 * that fills no customer field is an answer, and the first whose answers
 * (or header) read as feelings is the feeling column. */
void                   dg_csv_import_set_survey             (DgCsvImport           *self,
                                                             DgClock               *clock);
gboolean               dg_csv_import_get_survey             (DgCsvImport           *self);
/* Whether the rows that match no customer add one (FALSE by default). */
void                   dg_csv_import_set_add_unmatched      (DgCsvImport           *self,
                                                             gboolean               add);
/* The rows that matched no customer, "Row 5: 최유진: no customer has
 * this phone or e-mail", in row order (those that could not be added
 * either are among the problems). */
GPtrArray             *dg_csv_import_get_unmatched          (DgCsvImport           *self);
/* The distinct answers of the feeling column seen by the last preview,
 * in the order they first came. */
GPtrArray             *dg_csv_import_get_feedback_values    (DgCsvImport           *self);
DgInteractionFeedback  dg_csv_import_get_feedback_for_value (DgCsvImport           *self,
                                                             const char            *value);
/* Reads @value as @feedback from now on, the apply included. */
void                   dg_csv_import_set_feedback_for_value (DgCsvImport           *self,
                                                             const char            *value,
                                                             DgInteractionFeedback  feedback);

G_END_DECLS
