/* dg-import-survey-page.h
 *
 * The page of the import window that a survey sheet gets (the survey mode
 * of the CSV import, dg-import-survey.h): which columns are answers, which
 * one says how it went and how each of its answers reads, what importing
 * would log, and the rows that match no customer, with a switch to add
 * them as customers.
 *
 * The page works on the import it is given and never previews it itself:
 * when the person changes what the preview depends on (the answer or
 * feeling columns) it emits ::changed, the window previews again and then
 * calls dg_import_survey_page_refresh(). A feeling's reading and the
 * choice to add the unmatched rows need no new preview: the page sets
 * them on the import and shows their effect at once.
 */
#pragma once

#include <adwaita.h>

#include "dg-import-csv.h"

G_BEGIN_DECLS

#define DG_TYPE_IMPORT_SURVEY_PAGE (dg_import_survey_page_get_type ())

G_DECLARE_FINAL_TYPE (DgImportSurveyPage, dg_import_survey_page, DG, IMPORT_SURVEY_PAGE, AdwPreferencesPage)

GtkWidget   *dg_import_survey_page_new        (DgCsvImport        *import);
DgCsvImport *dg_import_survey_page_get_import (DgImportSurveyPage *self);
/* Shows the import as it is now: call after each dg_csv_import_preview(). */
void         dg_import_survey_page_refresh    (DgImportSurveyPage *self);

G_END_DECLS
