/* dg-import-window.c
 *
 * The import window's steps, its worker and its header bar; the pages'
 * contents are in dg-import-window-file.c and dg-import-window-check.c.
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-import-survey.h"
#include "dg-import-window-private.h"
#include "dg-toast.h"

G_DEFINE_FINAL_TYPE (DgImportWindow, dg_import_window, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

typedef struct
{
  const char *name;
  /* The window's title while the page shows. */
  const char *title;
  /* NULL: every import has the page. */
  gboolean  (*applies)   (DgImportWindow *self);
  void      (*fill)      (DgImportWindow *self);
  gboolean  (*can_go_on) (DgImportWindow *self);
} Step;

static gboolean
is_csv (DgImportWindow *self)
{
  return dg_csv_import_get_format (self->import) == DG_IMPORT_FORMAT_CSV;
}

/* A sheet without a name column goes on to the Columns page, where one is
 * chosen; a vCard file has no columns to choose. */
static gboolean
file_can_go_on (DgImportWindow *self)
{
  return self->load_error == NULL && (is_csv (self) || self->preview_error == NULL);
}

static gboolean
is_survey (DgImportWindow *self)
{
  return is_csv (self) && dg_csv_import_get_survey (self->import);
}

static gboolean
check_can_go_on (DgImportWindow *self)
{
  return self->preview_error == NULL;
}

/* The pages, in their order; Import follows the last. */
static const Step steps[] = {
  { "file", N_("File"), NULL, _dg_import_window_fill_file, file_can_go_on },
  { "columns", N_("Columns"), is_csv, _dg_import_window_fill_columns, _dg_import_window_columns_ok },
  { "survey", N_("Survey"), is_survey, _dg_import_window_fill_survey, check_can_go_on },
  { "check", N_("Check"), NULL, _dg_import_window_fill_check, check_can_go_on },
  { "journey", N_("Journey"), NULL, _dg_import_window_fill_journey, _dg_import_window_journey_ok },
};

static gboolean
step_applies (DgImportWindow *self,
              int             index)
{
  return steps[index].applies == NULL || steps[index].applies (self);
}

/* The next page after @index that the import has, in @direction; -1 when
 * there is none. */
static int
find_step (DgImportWindow *self,
           int             index,
           int             direction)
{
  for (int i = index + direction; i >= 0 && i < (int) G_N_ELEMENTS (steps); i += direction)
    {
      if (step_applies (self, i))
        return i;
    }

  return -1;
}

DgCsvImport *
dg_import_window_get_import (DgImportWindow *self)
{
  g_return_val_if_fail (DG_IS_IMPORT_WINDOW (self), NULL);

  return self->import;
}

const char *
dg_import_window_get_page_name (DgImportWindow *self)
{
  g_return_val_if_fail (DG_IS_IMPORT_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
dg_import_window_get_busy (DgImportWindow *self)
{
  g_return_val_if_fail (DG_IS_IMPORT_WINDOW (self), FALSE);

  return self->busy;
}

void
_dg_import_window_update (DgImportWindow *self)
{
  gboolean applying = self->busy && self->busy_step == DG_IMPORT_STEP_APPLY;
  /* While the import runs, its page is the progress, whose Cancel is the
   * only way on. */
  gboolean on_step = self->step_index >= 0 && !applying;
  gboolean last = on_step && find_step (self, self->step_index, 1) < 0;

  gtk_widget_set_visible (self->back_button, on_step && find_step (self, self->step_index, -1) >= 0);
  gtk_widget_set_visible (self->close_button, !applying);
  gtk_button_set_label (GTK_BUTTON (self->close_button), on_step || self->busy ? _("_Cancel") : _("_Close"));
  gtk_widget_set_visible (self->next_button, on_step);
  gtk_button_set_label (GTK_BUTTON (self->next_button), last ? _("_Import") : _("_Next"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.back", on_step && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.next",
                                 on_step && !self->busy && steps[self->step_index].can_go_on (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel", applying);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.retry", !self->busy);

  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), self->busy && on_step);
  gtk_spinner_set_spinning (self->busy_spinner, self->busy && on_step);
  /* Nothing on the pages changes the import while a worker reads it. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), !self->busy || applying);
}

static void
dg_import_window_show_state (DgImportWindow *self,
                             const char     *name)
{
  self->step_index = -1;
  gtk_stack_set_visible_child_name (self->stack, name);
  adw_window_title_set_title (self->window_title, _("Import"));
  _dg_import_window_update (self);
}

static void
dg_import_window_go_to (DgImportWindow *self,
                        int             index)
{
  self->step_index = index;
  steps[index].fill (self);
  gtk_stack_set_visible_child_name (self->stack, steps[index].name);
  adw_window_title_set_title (self->window_title, _(steps[index].title));
  _dg_import_window_update (self);
}

static void
dg_import_window_show_error (DgImportWindow *self,
                             const char     *title,
                             const GError   *error)
{
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, error->message);
  dg_import_window_show_state (self, "error");
}

static gboolean
pulse_cb (gpointer user_data)
{
  DgImportWindow *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);

  return G_SOURCE_CONTINUE;
}

/* The worker's count: the bar stops pulsing and shows how far. */
static void
on_apply_progress_cb (guint    done,
                      guint    total,
                      gpointer user_data)
{
  DgImportWindow *self = user_data;
  g_autofree char *text = NULL;

  if (self->closed || total == 0)
    return;

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
  text = g_strdup_printf (ngettext ("%u of %u row", "%u of %u rows", total), done, total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_show_text (self->progress_bar, TRUE);
}

static void
dg_import_window_applied (DgImportWindow        *self,
                          DgBulkUndo            *undo,
                          const DgImportSummary *summary)
{
  /* The worker wrote through a connection of its own. */
  dg_database_notify_all (dg_context_get_database (self->context));
  g_signal_emit (self, signals[IMPORTED], 0, undo, summary);
  if (!self->closed)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_step_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(DgImportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) preview_error = NULL;
  g_autoptr(GPtrArray) column_values = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  DgImportSummary summary = { 0 };
  DgImportStep step = self->busy_step;
  gboolean ok;

  ok = dg_import_worker_run_finish (result, &preview_error, &column_values, &undo,
                                    &summary, &error);
  self->busy = FALSE;
  g_clear_handle_id (&self->pulse_id, g_source_remove);

  if (step == DG_IMPORT_STEP_APPLY && ok)
    {
      dg_import_window_applied (self, undo, &summary);
      return;
    }
  if (self->closed)
    return;

  switch (step)
    {
    case DG_IMPORT_STEP_LOAD:
      if (!ok && self->step_index == 0)
        {
          g_clear_error (&self->load_error);
          self->load_error = g_steal_pointer (&error);
          dg_import_window_go_to (self, 0);
          return;
        }
      if (!ok)
        {
          dg_import_window_show_error (self, _("The File Cannot Be Read"), error);
          return;
        }
      g_clear_error (&self->load_error);
      g_clear_error (&self->preview_error);
      self->preview_error = g_steal_pointer (&preview_error);
      g_clear_pointer (&self->column_values, g_ptr_array_unref);
      self->column_values = g_steal_pointer (&column_values);
      self->columns_stale = TRUE;
      dg_import_window_go_to (self, MAX (self->step_index, 0));
      break;

    case DG_IMPORT_STEP_PREVIEW:
      if (!ok && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (!ok && !g_error_matches (error, DG_ERROR, DG_ERROR_INVALID_IMPORT))
        {
          dg_import_window_show_error (self, _("The File Cannot Be Read"), error);
          return;
        }
      g_clear_error (&self->preview_error);
      self->preview_error = g_steal_pointer (&error);
      dg_import_window_go_to (self, MAX (self->step_index, 0));
      break;

    case DG_IMPORT_STEP_APPLY:
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          dg_import_window_go_to (self, self->step_index);
          dg_toast_show (GTK_WIDGET (self->stack), _("Import cancelled: nothing was imported"));
          return;
        }
      /* The core's message says that nothing was written. */
      dg_import_window_show_error (self, _("The Import Failed"), error);
      break;

    default:
      g_assert_not_reached ();
    }
}

void
_dg_import_window_run (DgImportWindow *self,
                       DgImportStep    step)
{
  g_return_if_fail (!self->busy);

  self->busy = TRUE;
  self->busy_step = step;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (step == DG_IMPORT_STEP_APPLY)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
      gtk_progress_bar_set_show_text (self->progress_bar, FALSE);
      self->pulse_id = g_timeout_add (100, pulse_cb, self);
      gtk_stack_set_visible_child_name (self->stack, "progress");
      adw_window_title_set_title (self->window_title, _("Import"));
    }

  dg_import_worker_run_async (self->import, step, dg_context_get_database (self->context),
                              dg_context_get_clock (self->context), self->cancellable,
                              on_apply_progress_cb, self,
                              on_step_done_cb, g_object_ref (self));
  _dg_import_window_update (self);
}

/* The actions */

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DgImportWindow *self = DG_IMPORT_WINDOW (widget);
  int next;

  if (self->busy || self->step_index < 0 || !steps[self->step_index].can_go_on (self))
    return;

  next = find_step (self, self->step_index, 1);
  if (next >= 0)
    {
      dg_import_window_go_to (self, next);
      return;
    }

  if (_dg_import_window_apply_journey (self))
    _dg_import_window_run (self, DG_IMPORT_STEP_APPLY);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DgImportWindow *self = DG_IMPORT_WINDOW (widget);
  int back;

  if (self->busy || self->step_index < 0)
    return;

  back = find_step (self, self->step_index, -1);
  if (back >= 0)
    dg_import_window_go_to (self, back);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DgImportWindow *self = DG_IMPORT_WINDOW (widget);

  if (self->busy)
    g_cancellable_cancel (self->cancellable);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DgImportWindow *self = DG_IMPORT_WINDOW (widget);

  if (self->busy)
    return;

  /* From the start: what was detected or chosen may be what failed. */
  dg_csv_import_set_encoding (self->import, DG_CSV_ENCODING_AUTO);
  dg_csv_import_set_delimiter (self->import, 0);
  dg_csv_import_set_header_mode (self->import, DG_CSV_HEADER_AUTO);
  g_clear_error (&self->load_error);
  self->step_index = -1;
  dg_import_window_show_state (self, "loading");
  _dg_import_window_run (self, DG_IMPORT_STEP_LOAD);
}

/* Closed while a worker runs, the window cancels it: a cancelled import
 * writes nothing. */
static gboolean
dg_import_window_close_request (GtkWindow *window)
{
  DgImportWindow *self = DG_IMPORT_WINDOW (window);

  self->closed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (dg_import_window_parent_class)->close_request (window);
}

static void
dg_import_window_dispose (GObject *object)
{
  DgImportWindow *self = (DgImportWindow *)object;

  self->closed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_IMPORT_WINDOW);

  G_OBJECT_CLASS (dg_import_window_parent_class)->dispose (object);
}

static void
dg_import_window_finalize (GObject *object)
{
  DgImportWindow *self = (DgImportWindow *)object;

  g_clear_object (&self->import);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->preview_error);
  g_clear_error (&self->load_error);
  g_clear_pointer (&self->column_values, g_ptr_array_unref);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->check_rows, g_ptr_array_unref);
  g_clear_pointer (&self->plan_rows, g_ptr_array_unref);
  g_clear_pointer (&self->journeys, g_ptr_array_unref);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_object (&self->target_model);
  g_clear_object (&self->survey_target_model);
  g_clear_object (&self->plan_model);

  G_OBJECT_CLASS (dg_import_window_parent_class)->finalize (object);
}

static void
dg_import_window_class_init (DgImportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = dg_import_window_dispose;
  object_class->finalize = dg_import_window_finalize;
  window_class->close_request = dg_import_window_close_request;

  /**
   * DgImportWindow::imported:
   * @undo: reverses the import whole
   * @summary: (type gpointer): the DgImportSummary of what it did
   *
   * The file was imported; the window closes.
   */
  signals[IMPORTED] = g_signal_new ("imported",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 2, DG_TYPE_BULK_UNDO, G_TYPE_POINTER);

  gtk_widget_class_install_action (widget_class, "import.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.retry", NULL, retry_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/import/dg-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, close_button);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, next_button);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, csv_group);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, header_switch);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, survey_switch);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, vcard_notes);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, sample_group);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, sample_message);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, sample_scroller);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, sample_grid);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, missing_name_label);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, columns_group);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, added_row);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, logged_row);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, already_logged_row);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, updated_row);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, unchanged_row);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, skipped_row);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, refused_row);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, problems_group);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, duplicates_group);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, all_plan_row);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, journey_row);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, stage_row);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, cohort_group);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, cohort_switch);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, cohort_name_row);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, cohort_date_row);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, journey_message);
  gtk_widget_class_bind_template_child (widget_class, DgImportWindow, progress_bar);
}

static void
dg_import_window_init (DgImportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->step_index = -1;
  self->column_rows = g_ptr_array_new ();
  self->check_rows = g_ptr_array_new ();
  self->plan_rows = g_ptr_array_new ();
}

DgImportWindow *
dg_import_window_new (GtkWindow  *parent,
                      DgContext  *context,
                      const char *path)
{
  DgImportWindow *self;
  g_autofree char *basename = NULL;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DG_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (DG_TYPE_IMPORT_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->context = g_object_ref (context);
  self->import = dg_csv_import_new (path);

  basename = g_path_get_basename (path);
  shown = g_filename_display_name (basename);
  adw_window_title_set_subtitle (self->window_title, shown);

  _dg_import_window_file_init (self);
  _dg_import_window_check_init (self);

  dg_import_window_show_state (self, "loading");
  _dg_import_window_run (self, DG_IMPORT_STEP_LOAD);

  return self;
}
