/* dg-import-window-file.c
 *
 * The File page (how the sheet is written, and the first customers as
 * they will be stored) and the Columns page (what each column holds) of
 * the import window.
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dg-import-survey-page.h"
#include "dg-import-survey.h"
#include "dg-import-window-private.h"

/* The encodings offered, in the order of the menu. */
static const DgCsvEncoding encodings[] = {
  DG_CSV_ENCODING_UTF8,
  DG_CSV_ENCODING_UTF16LE,
  DG_CSV_ENCODING_UTF16BE,
  DG_CSV_ENCODING_CP949,
};

static const char delimiters[] = { ',', ';', '\t' };

/* The fields a column can go to: the survey's answers are not offered
 * outside the survey mode. */
#define N_OFFERED_TARGETS (DG_IMPORT_TARGET_TIMESTAMP + 1)

/* The File page */

static void
on_encoding_selected_cb (AdwComboRow    *row,
                         GParamSpec     *pspec,
                         DgImportWindow *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling || self->busy || selected >= G_N_ELEMENTS (encodings))
    return;

  dg_csv_import_set_encoding (self->import, encodings[selected]);
  _dg_import_window_run (self, DG_IMPORT_STEP_LOAD);
}

static void
on_delimiter_selected_cb (AdwComboRow    *row,
                          GParamSpec     *pspec,
                          DgImportWindow *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling || self->busy || selected >= G_N_ELEMENTS (delimiters))
    return;

  dg_csv_import_set_delimiter (self->import, delimiters[selected]);
  _dg_import_window_run (self, DG_IMPORT_STEP_LOAD);
}

static void
on_header_active_cb (GtkSwitch      *header_switch,
                     GParamSpec     *pspec,
                     DgImportWindow *self)
{
  if (self->filling || self->busy)
    return;

  dg_csv_import_set_header_mode (self->import, gtk_switch_get_active (header_switch)
                                               ? DG_CSV_HEADER_YES : DG_CSV_HEADER_NO);
  _dg_import_window_run (self, DG_IMPORT_STEP_LOAD);
}

static void
on_survey_active_cb (GtkSwitch      *survey_switch,
                     GParamSpec     *pspec,
                     DgImportWindow *self)
{
  if (self->filling || self->busy)
    return;

  /* The next load guesses the answer and feeling columns. */
  dg_csv_import_set_survey (self->import, gtk_switch_get_active (survey_switch)
                                          ? dg_context_get_clock (self->context) : NULL);
  _dg_import_window_run (self, DG_IMPORT_STEP_LOAD);
}

void
_dg_import_window_file_init (DgImportWindow *self)
{
  g_autoptr(GtkStringList) encoding_names = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    gtk_string_list_append (encoding_names, dg_csv_encoding_get_label (encodings[i]));
  adw_combo_row_set_model (self->encoding_row, G_LIST_MODEL (encoding_names));

  self->target_model = gtk_string_list_new (NULL);
  for (guint t = 0; t < N_OFFERED_TARGETS; t++)
    gtk_string_list_append (self->target_model, dg_import_target_get_label (t));
  self->survey_target_model = gtk_string_list_new (NULL);
  for (guint t = 0; t < DG_IMPORT_N_TARGETS; t++)
    gtk_string_list_append (self->survey_target_model, dg_import_target_get_label (t));

  g_signal_connect_object (self->encoding_row, "notify::selected",
                           G_CALLBACK (on_encoding_selected_cb), self, 0);
  g_signal_connect_object (self->delimiter_row, "notify::selected",
                           G_CALLBACK (on_delimiter_selected_cb), self, 0);
  g_signal_connect_object (self->header_switch, "notify::active",
                           G_CALLBACK (on_header_active_cb), self, 0);
  g_signal_connect_object (self->survey_switch, "notify::active",
                           G_CALLBACK (on_survey_active_cb), self, 0);
}

/* What the detection found that is worth saying. */
static const char *
describe_encoding (const DgCsvDetection *detection)
{
  if (detection->fallback)
    return _("Not UTF-8: read as Korean (CP949/EUC-KR)");
  if (detection->maybe_cp949)
    return _("If the names look garbled, choose Korean (CP949/EUC-KR)");
  if (detection->has_bom)
    return _("Named by the start of the file");

  return _("Detected from the file");
}

/* Longer values are cut here rather than ellipsized by the label: the
 * grid keeps its width and scrolls sideways, instead of squeezing every
 * column into the page. */
#define MAX_CELL_CHARS 30

static void
add_cell (GtkGrid    *grid,
          const char *text,
          int         column,
          int         row,
          const char *css_class)
{
  g_autofree char *cut = NULL;
  GtkWidget *label;

  if (g_utf8_strlen (text, -1) > MAX_CELL_CHARS)
    {
      g_autofree char *start = g_utf8_substring (text, 0, MAX_CELL_CHARS - 1);

      cut = g_strconcat (start, "…", NULL);
    }
  label = gtk_label_new (cut != NULL ? cut : text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

typedef enum
{
  FIELD_NAME,
  FIELD_PHONE,
  FIELD_EMAIL,
  FIELD_ORGANIZATION,
  FIELD_SOURCE,
  FIELD_BIRTHDAY,
  FIELD_TAGS,
  FIELD_NOTE,
  N_FIELDS
} Field;

/* One line of @customer's @field, or NULL when it has none. */
static char *
dup_field (DgCustomer *customer,
           Field       field)
{
  const char *text = NULL;

  switch (field)
    {
    case FIELD_NAME:
      text = dg_customer_get_name (customer);
      break;
    case FIELD_PHONE:
      text = dg_customer_get_phone (customer);
      break;
    case FIELD_EMAIL:
      text = dg_customer_get_email (customer);
      break;
    case FIELD_ORGANIZATION:
      text = dg_customer_get_organization (customer);
      break;
    case FIELD_SOURCE:
      text = dg_customer_get_source (customer);
      break;
    case FIELD_BIRTHDAY:
      text = dg_customer_get_birthday (customer);
      break;
    case FIELD_TAGS:
      {
        g_autofree char *tags = dg_customer_dup_tags_text (customer);

        return tags != NULL && *tags != '\0' ? g_steal_pointer (&tags) : NULL;
      }
    case FIELD_NOTE:
      text = dg_customer_get_note (customer);
      break;
    default:
      g_assert_not_reached ();
    }

  if (text == NULL || *text == '\0')
    return NULL;

  return g_strndup (text, strcspn (text, "\r\n"));
}

static const char *
field_title (Field field)
{
  static const DgImportTarget targets[] = {
    DG_IMPORT_TARGET_NAME, DG_IMPORT_TARGET_PHONE, DG_IMPORT_TARGET_EMAIL,
    DG_IMPORT_TARGET_ORGANIZATION, DG_IMPORT_TARGET_SOURCE, DG_IMPORT_TARGET_BIRTHDAY,
    DG_IMPORT_TARGET_TAGS, DG_IMPORT_TARGET_NOTE,
  };

  return dg_import_target_get_label (targets[field]);
}

/* The sample as a grid: the row number, then each field that any of the
 * rows has. */
static void
fill_sample (DgImportWindow *self)
{
  GPtrArray *sample = dg_csv_import_get_sample (self->import);
  GtkWidget *child;
  gboolean shown[N_FIELDS] = { TRUE };
  int column = 1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sample_grid))) != NULL)
    gtk_grid_remove (self->sample_grid, child);

  if (self->load_error != NULL || self->preview_error != NULL || sample->len == 0)
    {
      gtk_label_set_text (self->sample_message,
                          self->load_error != NULL ? self->load_error->message
                          : self->preview_error != NULL ? self->preview_error->message
                          : _("No row can be stored as it is: the Check page says why."));
      gtk_widget_set_visible (GTK_WIDGET (self->sample_message), TRUE);
      gtk_widget_set_visible (gtk_widget_get_parent (self->sample_scroller), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sample_message), FALSE);
  gtk_widget_set_visible (gtk_widget_get_parent (self->sample_scroller), TRUE);

  for (guint i = 0; i < sample->len; i++)
    {
      for (Field f = FIELD_PHONE; f < N_FIELDS; f++)
        {
          g_autofree char *text = shown[f] ? NULL : dup_field (g_ptr_array_index (sample, i), f);

          shown[f] = shown[f] || text != NULL;
        }
    }

  /* Translators: the heading of the column of row numbers in the preview
   * of an imported file. */
  add_cell (self->sample_grid,
            dg_csv_import_get_format (self->import) == DG_IMPORT_FORMAT_VCARD
            /* Translators: the heading of the column of card numbers in
             * the preview of an imported vCard file. */
            ? C_("import preview", "Card") : C_("import preview", "Row"),
            0, 0, "heading");
  for (Field f = 0; f < N_FIELDS; f++)
    {
      if (!shown[f])
        continue;

      add_cell (self->sample_grid, field_title (f), column, 0, "heading");
      for (guint i = 0; i < sample->len; i++)
        {
          g_autofree char *text = dup_field (g_ptr_array_index (sample, i), f);

          add_cell (self->sample_grid, text != NULL ? text : "", column, i + 1, NULL);
        }
      column++;
    }

  for (guint i = 0; i < sample->len; i++)
    {
      g_autofree char *row = g_strdup_printf ("%u", dg_csv_import_get_sample_row (self->import, i));

      add_cell (self->sample_grid, row, 0, i + 1, "dim-label");
    }
}

void
_dg_import_window_fill_file (DgImportWindow *self)
{
  const DgCsvDetection *detection = dg_csv_import_get_detection (self->import);
  gboolean csv = dg_csv_import_get_format (self->import) == DG_IMPORT_FORMAT_CSV;

  self->filling = TRUE;

  gtk_widget_set_visible (self->csv_group, csv);
  /* After a failed reading the choices stay as they were made. */
  if (csv && self->load_error == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
        {
          if (encodings[i] == detection->encoding)
            adw_combo_row_set_selected (self->encoding_row, i);
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row), describe_encoding (detection));

      for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
        {
          if (delimiters[i] == detection->delimiter)
            adw_combo_row_set_selected (self->delimiter_row, i);
        }
      gtk_switch_set_active (self->header_switch, dg_csv_import_get_has_header (self->import));
      gtk_switch_set_active (self->survey_switch, dg_csv_import_get_survey (self->import));
    }
  else if (csv)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row), "");

  /* What a vCard file's import leaves out or keeps in the note. */
  if (!csv && dg_csv_import_get_vcard_counts (self->import) != NULL)
    {
      g_auto(GStrv) notes = dg_vcard_import_describe_counts (dg_csv_import_get_vcard_counts (self->import));
      g_autofree char *text = g_strjoinv ("\n", notes);

      gtk_label_set_text (self->vcard_notes, text);
      gtk_widget_set_visible (GTK_WIDGET (self->vcard_notes), *text != '\0');
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->vcard_notes), FALSE);

  fill_sample (self);

  self->filling = FALSE;
}

/* The Columns page */

gboolean
_dg_import_window_has_name (DgImportWindow *self)
{
  if (dg_csv_import_get_format (self->import) != DG_IMPORT_FORMAT_CSV)
    return TRUE;

  for (guint c = 0; c < dg_csv_import_get_n_columns (self->import); c++)
    {
      if (dg_csv_import_get_column_target (self->import, c) == DG_IMPORT_TARGET_NAME)
        return TRUE;
    }

  return FALSE;
}

/* A survey's columns may also be answers, or its feeling. */
static guint
n_targets (DgImportWindow *self)
{
  return dg_csv_import_get_survey (self->import) ? DG_IMPORT_N_TARGETS : N_OFFERED_TARGETS;
}

/* A survey needs no names, but the preview says what it misses. */
gboolean
_dg_import_window_columns_ok (DgImportWindow *self)
{
  if (dg_csv_import_get_survey (self->import))
    return self->preview_error == NULL;

  return _dg_import_window_has_name (self);
}

static void
on_column_selected_cb (AdwComboRow    *row,
                       GParamSpec     *pspec,
                       DgImportWindow *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "dg-column"));
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling || self->busy || selected >= n_targets (self))
    return;

  dg_csv_import_set_column_target (self->import, column, selected);
  /* A field taken from another column shows there at once. */
  _dg_import_window_fill_columns (self);
  _dg_import_window_run (self, DG_IMPORT_STEP_PREVIEW);
}

static void
build_column_rows (DgImportWindow *self)
{
  guint n_columns = dg_csv_import_get_n_columns (self->import);

  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);

  for (guint c = 0; c < n_columns; c++)
    {
      GtkWidget *row = adw_combo_row_new ();
      char **values = NULL;
      g_autofree char *subtitle = NULL;

      if (self->column_values != NULL && c < self->column_values->len)
        values = g_ptr_array_index (self->column_values, c);
      subtitle = values != NULL && values[0] != NULL
                 ? g_strjoinv (" · ", values)
                 : g_strdup (_("Empty in the first rows"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     dg_csv_import_get_column_title (self->import, c));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      adw_combo_row_set_model (ADW_COMBO_ROW (row),
                               G_LIST_MODEL (dg_csv_import_get_survey (self->import)
                                             ? self->survey_target_model : self->target_model));
      g_object_set_data (G_OBJECT (row), "dg-column", GUINT_TO_POINTER (c));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_column_selected_cb), self, 0);
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->column_rows, row);
    }
}

void
_dg_import_window_fill_columns (DgImportWindow *self)
{
  if (self->columns_stale || self->column_rows->len != dg_csv_import_get_n_columns (self->import))
    {
      self->filling = TRUE;
      build_column_rows (self);
      self->filling = FALSE;
      self->columns_stale = FALSE;
    }

  self->filling = TRUE;
  for (guint c = 0; c < self->column_rows->len; c++)
    {
      DgImportTarget target = dg_csv_import_get_column_target (self->import, c);

      adw_combo_row_set_selected (g_ptr_array_index (self->column_rows, c),
                                  target < n_targets (self) ? target : DG_IMPORT_TARGET_IGNORE);
    }
  self->filling = FALSE;

  if (dg_csv_import_get_survey (self->import))
    {
      if (self->preview_error != NULL)
        gtk_label_set_text (GTK_LABEL (self->missing_name_label), self->preview_error->message);
      gtk_widget_set_visible (self->missing_name_label, self->preview_error != NULL);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (self->missing_name_label),
                          _("No column holds the names. Choose “Name” for the column that has them: every customer needs one."));
      gtk_widget_set_visible (self->missing_name_label, !_dg_import_window_has_name (self));
    }
  _dg_import_window_update (self);
}

/* The Survey page */

static void
on_survey_changed_cb (DgImportSurveyPage *page,
                      DgImportWindow     *self)
{
  if (!self->busy)
    _dg_import_window_run (self, DG_IMPORT_STEP_PREVIEW);
}

void
_dg_import_window_fill_survey (DgImportWindow *self)
{
  if (self->survey_page == NULL)
    {
      self->survey_page = dg_import_survey_page_new (self->import);
      gtk_stack_add_named (self->stack, self->survey_page, "survey");
      g_signal_connect_object (self->survey_page, "changed", G_CALLBACK (on_survey_changed_cb), self, 0);
    }

  dg_import_survey_page_refresh (DG_IMPORT_SURVEY_PAGE (self->survey_page));
}
