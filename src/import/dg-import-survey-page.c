/* dg-import-survey-page.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dg-import-survey-options.h"
#include "dg-import-survey-page.h"
#include "dg-import-survey.h"

/* Unmatched rows listed by name; the rest are counted. */
#define MAX_UNMATCHED_SHOWN 8
/* Feeling answers offered for correction. A feeling column is usually a
 * choice of a few; free text taken for one would otherwise make a row of
 * every answer. */
#define MAX_FEELINGS_SHOWN 30

/* The readings a feeling's menu offers, in its order. */
static const DgInteractionFeedback readings[] = {
  DG_INTERACTION_FEEDBACK_POSITIVE,
  DG_INTERACTION_FEEDBACK_NEUTRAL,
  DG_INTERACTION_FEEDBACK_NEGATIVE,
  DG_INTERACTION_FEEDBACK_NONE,
};

struct _DgImportSurveyPage
{
  AdwPreferencesPage  parent_instance;

  DgCsvImport        *import;
  /* The columns the page offers, in file order: those that fill no
   * customer field (guint). */
  GArray             *columns;
  /* One switch row per offered column, in the same order. */
  GPtrArray          *answer_rows;
  /* The feeling rows, and the answers they read (char *), in order; the
   * row that counts those not shown comes last among the rows. */
  GPtrArray          *value_rows;
  GPtrArray          *values;
  /* Set while the page shows the import, so the handlers do not take
   * what it sets for the person's doing. */
  gboolean            showing;

  AdwPreferencesGroup *answers_group;
  AdwPreferencesGroup *feeling_group;
  AdwComboRow         *feeling_row;
  AdwPreferencesGroup *result_group;
  AdwActionRow        *logged_row;
  AdwActionRow        *added_row;
  AdwActionRow        *already_row;
  AdwActionRow        *unmatched_row;
  AdwActionRow        *refused_row;
  AdwPreferencesGroup *unmatched_group;
  GtkSwitch           *add_switch;
  GtkListBox          *unmatched_list;
};

G_DEFINE_FINAL_TYPE (DgImportSurveyPage, dg_import_survey_page, ADW_TYPE_PREFERENCES_PAGE)

enum
{
  PROP_0,
  PROP_IMPORT,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Whether the page offers @target's column: the answers, the feeling and
 * the columns that fill nothing; those that find or make the customer are
 * the Columns page's. */
static gboolean
is_survey_target (DgImportTarget target)
{
  return target == DG_IMPORT_TARGET_IGNORE
         || target == DG_IMPORT_TARGET_NOTE
         || target == DG_IMPORT_TARGET_ANSWER
         || target == DG_IMPORT_TARGET_FEEDBACK;
}

/* The offered column that is the feeling column; -1 when none is. */
static int
feeling_index (DgImportSurveyPage *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      guint column = g_array_index (self->columns, guint, i);

      if (dg_csv_import_get_column_target (self->import, column) == DG_IMPORT_TARGET_FEEDBACK)
        return (int) i;
    }

  return -1;
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
on_answer_switch_active_cb (GtkSwitch          *answer_switch,
                            GParamSpec         *pspec,
                            DgImportSurveyPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (answer_switch), "dg-index"));
  guint column = g_array_index (self->columns, guint, index);
  DgImportTarget target = gtk_switch_get_active (answer_switch) ? DG_IMPORT_TARGET_ANSWER
                                                                : DG_IMPORT_TARGET_IGNORE;

  if (self->showing || dg_csv_import_get_column_target (self->import, column) == target)
    return;

  dg_csv_import_set_column_target (self->import, column, target);
  dg_import_survey_page_refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static GtkSwitch *
row_get_switch (GtkWidget *row)
{
  return GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
}

/* Makes a row for each offered column, once the columns changed. */
static void
build_answer_rows (DgImportSurveyPage *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  clear_rows (self->answers_group, self->answer_rows);
  /* Translators: the feeling column's menu item for no column. */
  gtk_string_list_append (titles, C_("feeling column", "None"));

  for (guint i = 0; i < self->columns->len; i++)
    {
      guint column = g_array_index (self->columns, guint, i);
      const char *title = dg_csv_import_get_column_title (self->import, column);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *answer_switch = gtk_switch_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_valign (answer_switch, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (answer_switch), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      g_object_set_data (G_OBJECT (answer_switch), "dg-index", GUINT_TO_POINTER (i));
      g_signal_connect (answer_switch, "notify::active", G_CALLBACK (on_answer_switch_active_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), answer_switch);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), answer_switch);

      adw_preferences_group_add (self->answers_group, row);
      g_ptr_array_add (self->answer_rows, row);
      gtk_string_list_append (titles, title);
    }

  adw_combo_row_set_model (self->feeling_row, G_LIST_MODEL (titles));
}

/* Sets the switches and the feeling column's menu to the import's
 * columns; the feeling column is always in the summary. */
static void
show_answers (DgImportSurveyPage *self)
{
  for (guint i = 0; i < self->answer_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->answer_rows, i);
      guint column = g_array_index (self->columns, guint, i);
      DgImportTarget target = dg_csv_import_get_column_target (self->import, column);
      GtkSwitch *answer_switch = row_get_switch (row);
      gboolean feeling = target == DG_IMPORT_TARGET_FEEDBACK;

      gtk_switch_set_active (answer_switch, target == DG_IMPORT_TARGET_ANSWER || feeling);
      gtk_widget_set_sensitive (GTK_WIDGET (answer_switch), !feeling);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   feeling ? _("The feeling column, always in the summary") : NULL);
    }

  adw_combo_row_set_selected (self->feeling_row, (guint) (feeling_index (self) + 1));
}

static void
on_feeling_row_selected_cb (AdwComboRow        *row,
                            GParamSpec         *pspec,
                            DgImportSurveyPage *self)
{
  guint selected = adw_combo_row_get_selected (row);
  int old_index;
  int new_index = selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;

  /* While the page is refreshed, the columns offered and the import's
   * targets may not match yet: what the combo shows is the import's. */
  if (self->showing)
    return;

  old_index = feeling_index (self);
  if (new_index == old_index || new_index >= (int) self->columns->len)
    return;

  /* The feeling column was an answer too: it stays one when another
   * column, or none, becomes the feeling. */
  if (old_index >= 0)
    dg_csv_import_set_column_target (self->import, g_array_index (self->columns, guint, old_index),
                                     DG_IMPORT_TARGET_ANSWER);
  if (new_index >= 0)
    dg_csv_import_set_column_target (self->import, g_array_index (self->columns, guint, new_index),
                                     DG_IMPORT_TARGET_FEEDBACK);

  dg_import_survey_page_refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static guint
reading_position (DgInteractionFeedback feedback)
{
  for (guint i = 0; i < G_N_ELEMENTS (readings); i++)
    {
      if (readings[i] == feedback)
        return i;
    }

  return G_N_ELEMENTS (readings) - 1;
}

static void
on_value_row_selected_cb (AdwComboRow        *row,
                          GParamSpec         *pspec,
                          DgImportSurveyPage *self)
{
  const char *value = g_object_get_data (G_OBJECT (row), "dg-value");
  guint selected = adw_combo_row_get_selected (row);

  if (self->showing || selected >= G_N_ELEMENTS (readings))
    return;

  dg_csv_import_set_feedback_for_value (self->import, value, readings[selected]);
}

static GtkWidget *message_row_new (const char *text);

/* Whether @shown holds the first answers of @values, as many as are
 * shown. */
static gboolean
shows_first_values (GPtrArray *shown,
                    GPtrArray *values)
{
  if (MIN (values->len, MAX_FEELINGS_SHOWN) != shown->len)
    return FALSE;
  for (guint i = 0; i < shown->len; i++)
    {
      if (!g_str_equal (g_ptr_array_index (shown, i), g_ptr_array_index (values, i)))
        return FALSE;
    }

  return TRUE;
}

/* A row for each distinct answer of the feeling column, with its reading;
 * the rows are made again only when the answers changed, so a menu the
 * person is using stays. */
static void
show_feelings (DgImportSurveyPage *self)
{
  GPtrArray *values = dg_csv_import_get_feedback_values (self->import);

  if (!shows_first_values (self->values, values))
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (readings); i++)
        {
          if (readings[i] == DG_INTERACTION_FEEDBACK_NONE)
            /* Translators: an answer that reads as no feedback. */
            gtk_string_list_append (labels, C_("feedback", "None"));
          else
            gtk_string_list_append (labels, dg_interaction_feedback_get_label (readings[i]));
        }

      clear_rows (self->feeling_group, self->value_rows);
      g_ptr_array_set_size (self->values, 0);
      for (guint i = 0; i < MIN (values->len, MAX_FEELINGS_SHOWN); i++)
        {
          const char *value = g_ptr_array_index (values, i);
          GtkWidget *row = adw_combo_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value);
          adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
          g_object_set_data_full (G_OBJECT (row), "dg-value", g_strdup (value), g_free);
          g_signal_connect (row, "notify::selected", G_CALLBACK (on_value_row_selected_cb), self);
          adw_preferences_group_add (self->feeling_group, row);
          g_ptr_array_add (self->value_rows, row);
          g_ptr_array_add (self->values, g_strdup (value));
        }
    }

  /* The count of those not shown follows the rows, made anew each time:
   * the answers shown may stay while the others change. */
  if (self->value_rows->len > self->values->len)
    {
      adw_preferences_group_remove (self->feeling_group, g_ptr_array_index (self->value_rows, self->values->len));
      g_ptr_array_set_size (self->value_rows, self->values->len);
    }
  if (values->len > self->values->len)
    {
      guint n_more = values->len - self->values->len;
      g_autofree char *text = g_strdup_printf (ngettext ("And %u more answer, read as guessed",
                                                         "And %u more answers, read as guessed", n_more),
                                               n_more);
      GtkWidget *row = message_row_new (text);

      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->feeling_group, row);
      g_ptr_array_add (self->value_rows, row);
    }

  for (guint i = 0; i < self->values->len; i++)
    {
      AdwComboRow *row = g_ptr_array_index (self->value_rows, i);
      const char *value = g_ptr_array_index (self->values, i);

      adw_combo_row_set_selected (row, reading_position (dg_csv_import_get_feedback_for_value (self->import, value)));
    }
}

static void
set_count_row (AdwActionRow *row,
               guint         count,
               char         *text)
{
  g_autofree char *owned = text;

  gtk_widget_set_visible (GTK_WIDGET (row), count > 0);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), owned);
}

/* What applying would do, in words: the preview's counts, and with the
 * unmatched rows added, their contacts and the customers they make. */
static void
show_result (DgImportSurveyPage *self)
{
  const DgImportSummary *summary = dg_csv_import_get_summary (self->import);
  gboolean add = gtk_switch_get_active (self->add_switch);
  guint n_rows = dg_csv_import_get_n_rows (self->import);
  guint n_new = 0;
  guint n_logged;

  /* An unmatched row is new, or joins an earlier one of the same person. */
  for (guint i = 0; i < n_rows; i++)
    {
      if (dg_csv_import_get_row (self->import, i)->kind == DG_IMPORT_ROW_NEW)
        n_new++;
    }
  n_logged = summary->n_logged + (add ? summary->n_unmatched : 0);

  {
    g_autofree char *text = n_logged > 0 ? g_strdup_printf (ngettext ("%u contact will be logged",
                                                                      "%u contacts will be logged", n_logged),
                                                            n_logged)
                                         : g_strdup (_("No contact will be logged"));

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->logged_row), text);
  }

  set_count_row (self->added_row, add ? n_new : 0,
                 g_strdup_printf (ngettext ("%u new customer will be added",
                                            "%u new customers will be added", n_new),
                                  n_new));
  set_count_row (self->already_row, summary->n_already_logged,
                 g_strdup_printf (ngettext ("%u contact is already logged and is left out",
                                            "%u contacts are already logged and are left out", summary->n_already_logged),
                                  summary->n_already_logged));
  set_count_row (self->unmatched_row, add ? 0 : summary->n_unmatched,
                 g_strdup_printf (ngettext ("%u row matches no customer and is left out",
                                            "%u rows match no customer and are left out", summary->n_unmatched),
                                  summary->n_unmatched));
  set_count_row (self->refused_row, summary->n_refused,
                 g_strdup_printf (ngettext ("%u row cannot be read and is left out",
                                            "%u rows cannot be read and are left out", summary->n_refused),
                                  summary->n_refused));
}

static GtkWidget *
message_row_new (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

/* The first unmatched rows, and how many more there are. */
static void
show_unmatched (DgImportSurveyPage *self)
{
  GPtrArray *unmatched = dg_csv_import_get_unmatched (self->import);
  guint n_unmatched = dg_csv_import_get_summary (self->import)->n_unmatched;
  guint n_shown = MIN (unmatched->len, MAX_UNMATCHED_SHOWN);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->unmatched_list))) != NULL)
    gtk_list_box_remove (self->unmatched_list, child);

  gtk_widget_set_visible (GTK_WIDGET (self->unmatched_group), n_unmatched > 0);
  for (guint i = 0; i < n_shown; i++)
    gtk_list_box_append (self->unmatched_list, message_row_new (g_ptr_array_index (unmatched, i)));

  if (n_unmatched > n_shown)
    {
      guint n_more = n_unmatched - n_shown;
      g_autofree char *text = g_strdup_printf (ngettext ("And %u more row", "And %u more rows", n_more), n_more);
      GtkWidget *row = message_row_new (text);

      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->unmatched_list, row);
    }
}

static void
on_add_switch_active_cb (GtkSwitch          *add_switch,
                         GParamSpec         *pspec,
                         DgImportSurveyPage *self)
{
  if (self->showing)
    return;

  dg_csv_import_set_add_unmatched (self->import, gtk_switch_get_active (add_switch));
  show_result (self);
}

/* The offered columns of the import as it is now, in @columns. */
static void
collect_columns (DgImportSurveyPage *self,
                 GArray             *columns)
{
  guint n_columns = dg_csv_import_get_n_columns (self->import);

  for (guint column = 0; column < n_columns; column++)
    {
      if (is_survey_target (dg_csv_import_get_column_target (self->import, column)))
        g_array_append_val (columns, column);
    }
}

void
dg_import_survey_page_refresh (DgImportSurveyPage *self)
{
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean previewed;

  g_return_if_fail (DG_IS_IMPORT_SURVEY_PAGE (self));

  self->showing = TRUE;

  /* A new load or the Columns page may offer other columns: only then
   * are their rows made again. */
  collect_columns (self, columns);
  if (columns->len != self->columns->len
      || memcmp (columns->data, self->columns->data, columns->len * sizeof (guint)) != 0
      || self->answer_rows->len != columns->len)
    {
      g_array_set_size (self->columns, 0);
      g_array_append_vals (self->columns, columns->data, columns->len);
      build_answer_rows (self);
    }
  else
    {
      /* Same columns, but a new load may have read other titles. */
      for (guint i = 0; i < self->columns->len; i++)
        {
          const char *title = dg_csv_import_get_column_title (self->import, g_array_index (self->columns, guint, i));
          AdwPreferencesRow *row = g_ptr_array_index (self->answer_rows, i);

          if (g_strcmp0 (adw_preferences_row_get_title (row), title) != 0)
            {
              build_answer_rows (self);
              break;
            }
        }
    }

  show_answers (self);
  show_feelings (self);

  /* Before a preview, or after one that failed, there is no result. */
  previewed = dg_csv_import_get_n_rows (self->import) > 0;
  gtk_widget_set_visible (GTK_WIDGET (self->result_group), previewed);
  gtk_switch_set_active (self->add_switch, dg_csv_import_get_add_unmatched (self->import));
  show_result (self);
  show_unmatched (self);

  self->showing = FALSE;
}

DgCsvImport *
dg_import_survey_page_get_import (DgImportSurveyPage *self)
{
  g_return_val_if_fail (DG_IS_IMPORT_SURVEY_PAGE (self), NULL);

  return self->import;
}

GtkWidget *
dg_import_survey_page_new (DgCsvImport *import)
{
  g_return_val_if_fail (DG_IS_CSV_IMPORT (import), NULL);

  return g_object_new (DG_TYPE_IMPORT_SURVEY_PAGE, "import", import, NULL);
}

static void
dg_import_survey_page_constructed (GObject *object)
{
  DgImportSurveyPage *self = DG_IMPORT_SURVEY_PAGE (object);

  G_OBJECT_CLASS (dg_import_survey_page_parent_class)->constructed (object);

  dg_import_survey_page_refresh (self);
}

static void
dg_import_survey_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DgImportSurveyPage *self = DG_IMPORT_SURVEY_PAGE (object);

  switch (prop_id)
    {
    case PROP_IMPORT:
      g_value_set_object (value, self->import);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_import_survey_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DgImportSurveyPage *self = DG_IMPORT_SURVEY_PAGE (object);

  switch (prop_id)
    {
    case PROP_IMPORT:
      self->import = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_import_survey_page_dispose (GObject *object)
{
  DgImportSurveyPage *self = DG_IMPORT_SURVEY_PAGE (object);

  g_clear_object (&self->import);

  G_OBJECT_CLASS (dg_import_survey_page_parent_class)->dispose (object);
}

static void
dg_import_survey_page_finalize (GObject *object)
{
  DgImportSurveyPage *self = DG_IMPORT_SURVEY_PAGE (object);

  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->answer_rows, g_ptr_array_unref);
  g_clear_pointer (&self->value_rows, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_ptr_array_unref);

  G_OBJECT_CLASS (dg_import_survey_page_parent_class)->finalize (object);
}

static void
dg_import_survey_page_class_init (DgImportSurveyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dg_import_survey_page_constructed;
  object_class->get_property = dg_import_survey_page_get_property;
  object_class->set_property = dg_import_survey_page_set_property;
  object_class->dispose = dg_import_survey_page_dispose;
  object_class->finalize = dg_import_survey_page_finalize;

  properties[PROP_IMPORT] =
    g_param_spec_object ("import", NULL, NULL,
                         DG_TYPE_CSV_IMPORT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The person changed a column the preview depends on: preview again,
   * then call dg_import_survey_page_refresh(). */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/dangol/Dangol/import/dg-import-survey-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DgImportSurveyPage, answers_group);
  gtk_widget_class_bind_template_child (widget_class, DgImportSurveyPage, feeling_group);
  gtk_widget_class_bind_template_child (widget_class, DgImportSurveyPage, feeling_row);
  gtk_widget_class_bind_template_child (widget_class, DgImportSurveyPage, result_group);
  gtk_widget_class_bind_template_child (widget_class, DgImportSurveyPage, logged_row);
  gtk_widget_class_bind_template_child (widget_class, DgImportSurveyPage, added_row);
  gtk_widget_class_bind_template_child (widget_class, DgImportSurveyPage, already_row);
  gtk_widget_class_bind_template_child (widget_class, DgImportSurveyPage, unmatched_row);
  gtk_widget_class_bind_template_child (widget_class, DgImportSurveyPage, refused_row);
  gtk_widget_class_bind_template_child (widget_class, DgImportSurveyPage, unmatched_group);
  gtk_widget_class_bind_template_child (widget_class, DgImportSurveyPage, add_switch);
  gtk_widget_class_bind_template_child (widget_class, DgImportSurveyPage, unmatched_list);
  gtk_widget_class_bind_template_callback (widget_class, on_feeling_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_switch_active_cb);
}

static void
dg_import_survey_page_init (DgImportSurveyPage *self)
{
  self->columns = g_array_new (FALSE, FALSE, sizeof (guint));
  self->answer_rows = g_ptr_array_new ();
  self->value_rows = g_ptr_array_new ();
  self->values = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}
