/* dg-import-window-check.c
 *
 * The Check page of the import window (what will happen, the refused
 * rows, the duplicates with what to do with each, the values that
 * differ) and the Journey page (a stage and a new cohort to put everyone
 * imported in).
 *
 * The lists show at most DG_IMPORT_WINDOW_MAX_LIST_ROWS rows each, then
 * "and N more": a sheet of ten thousand duplicates builds a hundred rows,
 * and the choice for all reaches the rest.
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dg-import-survey.h"
#include "dg-import-window-private.h"

#define COUNT_LABEL_KEY "dg-count-label"
#define ROW_INDEX_KEY "dg-row-index"

/* The Check page */

static void
set_count (AdwActionRow *row,
           guint         count,
           gboolean      always)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (row), COUNT_LABEL_KEY);
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (row), always || count > 0);
}

static void
fill_summary (DgImportWindow *self)
{
  const DgImportSummary *summary = dg_csv_import_get_summary (self->import);

  gboolean survey = dg_csv_import_get_survey (self->import);

  set_count (self->logged_row, summary->n_logged, survey);
  set_count (self->already_logged_row, summary->n_already_logged, FALSE);
  set_count (self->added_row, summary->n_added, TRUE);
  set_count (self->updated_row, summary->n_updated, FALSE);
  set_count (self->unchanged_row, summary->n_unchanged, FALSE);
  set_count (self->skipped_row, summary->n_skipped, FALSE);
  set_count (self->refused_row, summary->n_refused, TRUE);
}

static void
on_plan_selected_cb (AdwComboRow    *row,
                     GParamSpec     *pspec,
                     DgImportWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), ROW_INDEX_KEY));

  if (self->filling || self->busy)
    return;

  dg_csv_import_set_row_plan (self->import, index, adw_combo_row_get_selected (row));
  fill_summary (self);
}

static void
on_all_plan_selected_cb (AdwComboRow    *all_row,
                         GParamSpec     *pspec,
                         DgImportWindow *self)
{
  guint plan = adw_combo_row_get_selected (all_row);

  if (self->filling || self->busy)
    return;

  dg_csv_import_set_plan_for_all (self->import, plan);
  self->filling = TRUE;
  for (guint i = 0; i < self->plan_rows->len; i++)
    adw_combo_row_set_selected (g_ptr_array_index (self->plan_rows, i), plan);
  self->filling = FALSE;
  fill_summary (self);
}

static void
add_list_row (DgImportWindow      *self,
              AdwPreferencesGroup *group,
              GtkWidget           *row)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->check_rows, row);
}

/* A row saying how many more there are than the list shows. */
static void
add_more_row (DgImportWindow      *self,
              AdwPreferencesGroup *group,
              guint                n_more)
{
  GtkWidget *row;
  g_autofree char *title = NULL;

  if (n_more == 0)
    return;

  /* Translators: after a list of rows of an imported file cut short; %u
   * is how many are not shown. */
  title = g_strdup_printf (ngettext ("And %u more", "And %u more", n_more), n_more);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (row, "dim-label");
  add_list_row (self, group, row);
}

static void
add_message_rows (DgImportWindow      *self,
                  AdwPreferencesGroup *group,
                  GPtrArray           *messages,
                  guint                total)
{
  guint shown = MIN (messages->len, DG_IMPORT_WINDOW_MAX_LIST_ROWS);

  for (guint i = 0; i < shown; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (messages, i));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      add_list_row (self, group, row);
    }
  add_more_row (self, group, MAX (total, messages->len) - shown);
  gtk_widget_set_visible (GTK_WIDGET (group), messages->len > 0);
}

static char *
describe_match (DgImportWindow    *self,
                const DgImportRow *info)
{
  g_autoptr(DgCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  if (info->match_customer_id == 0)
    /* Translators: a row of an imported file that names the same person
     * as an earlier row; %u is that row's number. */
    return g_strdup_printf (dg_csv_import_get_format (self->import) == DG_IMPORT_FORMAT_VCARD
                            /* Translators: a card of an imported vCard file
                             * that names the same person as an earlier card. */
                            ? _("The same person as card %u")
                            : _("The same person as row %u"), info->match_row);

  customer = dg_customers_get (dg_context_get_database (self->context), info->match_customer_id, &error);
  name = customer != NULL ? dg_customer_get_name (customer) : "?";
  if (!info->fills && info->n_conflicts == 0)
    /* Translators: %s is the name of the customer an imported row matches. */
    return g_strdup_printf (_("Matches %s · nothing new to fill in"), name);
  if (info->n_conflicts > 0)
    /* Translators: %1$s is the name of the customer an imported row
     * matches; %2$u how many of its fields hold another value. */
    return g_strdup_printf (ngettext ("Matches %1$s · %2$u field differs", "Matches %1$s · %2$u fields differ",
                                      info->n_conflicts), name, info->n_conflicts);

  /* Translators: %s is the name of the customer an imported row matches. */
  return g_strdup_printf (_("Matches %s"), name);
}

static void
fill_duplicates (DgImportWindow *self)
{
  guint n_rows = dg_csv_import_get_n_rows (self->import);
  guint n_duplicates = 0;
  int shared_plan = -1;

  g_ptr_array_set_size (self->plan_rows, 0);
  /* A survey's matched rows log contacts: there is nothing to plan. */
  if (dg_csv_import_get_survey (self->import))
    n_rows = 0;
  for (guint i = 0; i < n_rows; i++)
    {
      const DgImportRow *info = dg_csv_import_get_row (self->import, i);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (info->kind != DG_IMPORT_ROW_DUPLICATE)
        continue;
      if (n_duplicates == 0)
        shared_plan = info->plan;
      else if (shared_plan != (int) info->plan)
        shared_plan = -1;
      if (n_duplicates++ >= DG_IMPORT_WINDOW_MAX_LIST_ROWS)
        continue;

      if (dg_csv_import_get_format (self->import) == DG_IMPORT_FORMAT_VCARD)
        /* Translators: a card of an imported vCard file; %u is its number. */
        title = g_strdup_printf (_("Card %u"), info->row);
      else
        /* Translators: a row of an imported file; %u is its number. */
        title = g_strdup_printf (_("Row %u"), info->row);
      subtitle = describe_match (self, info);
      row = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (self->plan_model));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), info->plan);
      g_object_set_data (G_OBJECT (row), ROW_INDEX_KEY, GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_plan_selected_cb), self, 0);
      add_list_row (self, self->duplicates_group, row);
      g_ptr_array_add (self->plan_rows, row);
    }

  /* The choice for all shows the plan they share, if they share one. */
  if (n_duplicates > 0 && shared_plan >= 0)
    adw_combo_row_set_selected (self->all_plan_row, shared_plan);

  add_more_row (self, self->duplicates_group,
                n_duplicates - MIN (n_duplicates, DG_IMPORT_WINDOW_MAX_LIST_ROWS));
  gtk_widget_set_visible (GTK_WIDGET (self->duplicates_group), n_duplicates > 0);
}

void
_dg_import_window_fill_check (DgImportWindow *self)
{
  const DgImportSummary *summary = dg_csv_import_get_summary (self->import);

  self->filling = TRUE;

  for (guint i = 0; i < self->check_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->check_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->check_rows, 0);

  fill_summary (self);
  add_message_rows (self, self->problems_group, dg_csv_import_get_problems (self->import),
                    summary->n_refused);
  fill_duplicates (self);
  add_message_rows (self, self->conflicts_group, dg_csv_import_get_conflicts (self->import),
                    summary->n_conflicts);

  self->filling = FALSE;
}

static GtkWidget *
add_count_label (AdwActionRow *row)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (row, label);
  g_object_set_data (G_OBJECT (row), COUNT_LABEL_KEY, label);

  return label;
}

/* The Journey page */

static DgJourney *
get_journey (DgImportWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->journey_row);

  /* The first item is "Don't add to a journey". */
  if (self->journeys == NULL || selected == 0 || selected > self->journeys->len)
    return NULL;

  return g_ptr_array_index (self->journeys, selected - 1);
}

static DgStage *
get_stage (DgImportWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->stage_row);

  if (get_journey (self) == NULL || self->stages == NULL || selected >= self->stages->len)
    return NULL;

  return g_ptr_array_index (self->stages, selected);
}

static void
on_journey_selected_cb (AdwComboRow    *row,
                        GParamSpec     *pspec,
                        DgImportWindow *self)
{
  DgJourney *journey = get_journey (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->stages, g_ptr_array_unref);
  if (journey != NULL)
    {
      self->stages = dg_stages_list (dg_context_get_database (self->context), journey->id, &error);
      if (self->stages == NULL)
        g_debug ("Stages of journey %" G_GINT64_FORMAT " not read: %s", journey->id, error->message);
    }
  for (guint i = 0; self->stages != NULL && i < self->stages->len; i++)
    gtk_string_list_append (names, ((DgStage *) g_ptr_array_index (self->stages, i))->name);

  adw_combo_row_set_model (self->stage_row, G_LIST_MODEL (names));
  gtk_widget_set_visible (GTK_WIDGET (self->stage_row), journey != NULL);
  gtk_widget_set_visible (self->cohort_group, journey != NULL);
  _dg_import_window_update (self);
}

static void
on_journey_changed_cb (GObject        *object,
                       GParamSpec     *pspec,
                       DgImportWindow *self)
{
  _dg_import_window_update (self);
}

/* The file's name without its extension: the lecture's sign-up sheet
 * names its cohort. */
static char *
dup_cohort_name (DgImportWindow *self)
{
  g_autofree char *basename = g_path_get_basename (dg_csv_import_get_path (self->import));
  g_autofree char *shown = g_filename_display_name (basename);
  char *dot = strrchr (shown, '.');

  if (dot != NULL && dot != shown)
    *dot = '\0';

  return g_steal_pointer (&shown);
}

void
_dg_import_window_fill_journey (DgImportWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->journeys == NULL)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      g_autoptr(GDateTime) now = dg_clock_get_now_local (dg_context_get_clock (self->context));
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
      g_autofree char *cohort = dup_cohort_name (self);

      self->journeys = dg_journeys_list (dg_context_get_database (self->context), &error);
      if (self->journeys == NULL)
        {
          g_debug ("Journeys not read: %s", error->message);
          self->journeys = g_ptr_array_new ();
        }

      gtk_string_list_append (names, _("Don’t add to a journey"));
      for (guint i = 0; i < self->journeys->len; i++)
        gtk_string_list_append (names, ((DgJourney *) g_ptr_array_index (self->journeys, i))->name);
      adw_combo_row_set_model (self->journey_row, G_LIST_MODEL (names));
      adw_combo_row_set_selected (self->journey_row, 0);
      if (self->journeys->len == 0)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (self->journey_row),
                                     _("There are no journeys yet: create one on the Journeys page first."));

      gtk_editable_set_text (GTK_EDITABLE (self->cohort_name_row), cohort);
      gtk_editable_set_text (GTK_EDITABLE (self->cohort_date_row), today);
      on_journey_selected_cb (self->journey_row, NULL, self);
    }
}

/* Checks the cohort's date; sets *@out_iso (may be NULL) to its stored
 * form, NULL when left empty. */
static gboolean
read_cohort_date (DgImportWindow  *self,
                  char           **out_iso,
                  GError         **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->cohort_date_row));
  g_autoptr(GDateTime) now = dg_clock_get_now_local (dg_context_get_clock (self->context));
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                           g_date_time_get_month (now),
                                           g_date_time_get_year (now));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  GDate date;

  if (out_iso != NULL)
    *out_iso = NULL;
  if (*stripped == '\0')
    return TRUE;
  if (dg_date_parse (text, today, &date, error) != DG_DATE_PARSE_OK)
    return FALSE;
  if (out_iso != NULL)
    *out_iso = dg_date_format_iso (&date);

  return TRUE;
}

gboolean
_dg_import_window_journey_ok (DgImportWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *message = NULL;

  if (get_journey (self) == NULL)
    ;
  else if (get_stage (self) == NULL)
    message = _("This journey has no stages yet: add one on the Journeys page first.");
  else if (gtk_switch_get_active (self->cohort_switch))
    {
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->cohort_name_row))));

      if (*name == '\0')
        message = _("Give the new cohort a name.");
      else if (!read_cohort_date (self, NULL, &error))
        message = error->message;
    }

  gtk_label_set_text (self->journey_message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->journey_message), message != NULL);

  return message == NULL;
}

gboolean
_dg_import_window_apply_journey (DgImportWindow *self)
{
  DgStage *stage = get_stage (self);
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;

  if (!_dg_import_window_journey_ok (self))
    return FALSE;

  if (stage == NULL)
    {
      dg_csv_import_set_enrollment (self->import, 0, NULL, NULL);
      return TRUE;
    }

  if (gtk_switch_get_active (self->cohort_switch))
    {
      name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->cohort_name_row))));
      if (!read_cohort_date (self, &date, NULL))
        return FALSE;
    }

  dg_csv_import_set_enrollment (self->import, stage->id, name, date);

  return TRUE;
}

void
_dg_import_window_check_init (DgImportWindow *self)
{

  self->plan_model = gtk_string_list_new (NULL);
  /* In the order of DgImportPlan. */
  gtk_string_list_append (self->plan_model, C_("import plan", "Update"));
  gtk_string_list_append (self->plan_model, C_("import plan", "Skip"));
  gtk_string_list_append (self->plan_model, C_("import plan", "Add Anyway"));
  adw_combo_row_set_model (self->all_plan_row, G_LIST_MODEL (self->plan_model));

  add_count_label (self->logged_row);
  add_count_label (self->already_logged_row);
  add_count_label (self->added_row);
  add_count_label (self->updated_row);
  add_count_label (self->unchanged_row);
  add_count_label (self->skipped_row);
  add_count_label (self->refused_row);

  g_signal_connect_object (self->all_plan_row, "notify::selected",
                           G_CALLBACK (on_all_plan_selected_cb), self, 0);
  g_signal_connect_object (self->journey_row, "notify::selected",
                           G_CALLBACK (on_journey_selected_cb), self, 0);
  g_signal_connect_object (self->stage_row, "notify::selected",
                           G_CALLBACK (on_journey_changed_cb), self, 0);
  g_signal_connect_object (self->cohort_switch, "notify::active",
                           G_CALLBACK (on_journey_changed_cb), self, 0);
  g_signal_connect_object (self->cohort_name_row, "notify::text",
                           G_CALLBACK (on_journey_changed_cb), self, 0);
  g_signal_connect_object (self->cohort_date_row, "notify::text",
                           G_CALLBACK (on_journey_changed_cb), self, 0);
}
