/* dg-import-window-private.h
 *
 * What the files of the import window share: dg-import-window.c (the
 * steps, the worker, the header bar), dg-import-window-file.c (the File,
 * Columns and Survey pages), dg-import-window-check.c (the Check and
 * Journey pages).
 */
#pragma once

#include "dg-import-window.h"
#include "dg-import-worker.h"

G_BEGIN_DECLS

struct _DgImportWindow
{
  AdwWindow         parent_instance;

  DgContext        *context;
  DgCsvImport      *import;
  GCancellable     *cancellable;
  /* The step running on the worker, if any. */
  gboolean          busy;
  DgImportStep      busy_step;
  /* Why the last preview failed (no name column…), or NULL. */
  GError           *preview_error;
  /* Why the file could not be read again after a change on the File
   * page (bytes that are not text in the encoding chosen…), or NULL:
   * the page says so and offers its choices again. */
  GError           *load_error;
  /* Per column, a GStrv of its first values. */
  GPtrArray        *column_values;
  /* The page the pages' list shows now (an index into it), or -1 while
   * the window shows loading, an error or the progress. */
  int               step_index;
  guint             pulse_id;
  gboolean          closed;

  /* Journeys and stages offered on the Journey page. */
  GPtrArray        *journeys;
  GPtrArray        *stages;
  /* The duplicates' plan drop-downs shown, each with its row index. */
  GPtrArray        *plan_rows;
  gboolean          filling;
  /* The columns' rows are to be made again (a new load). */
  gboolean          columns_stale;
  /* The fields a column can go to; what to do with a duplicate. */
  GtkStringList    *target_model;
  /* Every field, the survey's answers too. */
  GtkStringList    *survey_target_model;
  /* The survey's page (dg-import-survey-page.h), made when first shown. */
  GtkWidget        *survey_page;
  GtkStringList    *plan_model;

  AdwWindowTitle   *window_title;
  GtkWidget        *back_button;
  GtkWidget        *close_button;
  GtkWidget        *next_button;
  GtkSpinner       *busy_spinner;
  AdwToastOverlay  *toast_overlay;
  GtkStack         *stack;
  AdwStatusPage    *error_page;

  GtkWidget        *csv_group;
  AdwComboRow      *encoding_row;
  AdwComboRow      *delimiter_row;
  GtkSwitch        *header_switch;
  GtkSwitch        *survey_switch;
  GtkLabel         *vcard_notes;
  GtkWidget        *sample_group;
  GtkLabel         *sample_message;
  GtkWidget        *sample_scroller;
  GtkGrid          *sample_grid;

  GtkWidget        *missing_name_label;
  AdwPreferencesGroup *columns_group;
  GPtrArray        *column_rows;

  AdwActionRow     *added_row;
  AdwActionRow     *logged_row;
  AdwActionRow     *already_logged_row;
  AdwActionRow     *updated_row;
  AdwActionRow     *unchanged_row;
  AdwActionRow     *skipped_row;
  AdwActionRow     *refused_row;
  AdwPreferencesGroup *problems_group;
  AdwPreferencesGroup *duplicates_group;
  AdwComboRow      *all_plan_row;
  AdwPreferencesGroup *conflicts_group;
  /* The rows added to the groups above, to take out when refilled. */
  GPtrArray        *check_rows;

  AdwComboRow      *journey_row;
  AdwComboRow      *stage_row;
  GtkWidget        *cohort_group;
  GtkSwitch        *cohort_switch;
  AdwEntryRow      *cohort_name_row;
  AdwEntryRow      *cohort_date_row;
  GtkLabel         *journey_message;

  GtkProgressBar   *progress_bar;
};

/* How many rows a list of the Check page shows before "and N more". */
#define DG_IMPORT_WINDOW_MAX_LIST_ROWS 100

/* Runs @step on the worker; the pages refresh when it is done. */
void     _dg_import_window_run          (DgImportWindow *self,
                                         DgImportStep    step);
/* Sets the header bar's buttons for the page shown and the state. */
void     _dg_import_window_update       (DgImportWindow *self);

/* dg-import-window-file.c */
void     _dg_import_window_file_init    (DgImportWindow *self);
void     _dg_import_window_fill_file    (DgImportWindow *self);
void     _dg_import_window_fill_columns (DgImportWindow *self);
gboolean _dg_import_window_has_name     (DgImportWindow *self);
gboolean _dg_import_window_columns_ok   (DgImportWindow *self);
void     _dg_import_window_fill_survey  (DgImportWindow *self);

/* dg-import-window-check.c */
void     _dg_import_window_check_init   (DgImportWindow *self);
void     _dg_import_window_fill_check   (DgImportWindow *self);
void     _dg_import_window_fill_journey (DgImportWindow *self);
/* Whether the journey page's choices can be imported; gives them to the
 * import when they can. */
gboolean _dg_import_window_journey_ok   (DgImportWindow *self);
gboolean _dg_import_window_apply_journey (DgImportWindow *self);

G_END_DECLS
