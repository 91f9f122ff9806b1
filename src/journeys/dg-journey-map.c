/* dg-journey-map.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-journey-map-draw.h"
#include "dg-journey-map-export.h"
#include "dg-journey-map.h"
#include "dg-progress-dialog.h"
#include "dg-toast.h"

struct _DgJourneyMap
{
  GtkWidget             parent_instance;

  DgContext            *context;
  gint64                journey_id;
  gint64                cohort_id;
  /* Those of the data drawn. */
  gint64                shown_journey_id;
  gint64                shown_cohort_id;
  DgJourneyMapData     *data;
  /* The page follows moves and stages; contacts, whose feedback makes
   * the feeling line, only the map does. */
  gulong                contacts_handler;
  guint                 reload_source;
  /* The figures are read in a worker (see load()): the read under way,
   * and its number — a result that is not of the latest read is not
   * drawn. */
  GCancellable         *figures_cancellable;
  guint                 figures_serial;
  /* The figures shown are not those of the map shown, or none are. */
  gboolean              figures_stale;

  GtkWidget            *box;
  GtkDrawingArea       *area;
  /* The save dialog open now, if any. */
  GtkFileChooserNative *chooser;
  /* The PDF export under way, if any, and its progress dialog once it
   * has taken longer than a moment. */
  GCancellable         *export_cancellable;
  char                 *export_path;
  guint                 progress_timeout_id;
  GtkWidget            *progress_dialog;
  GtkProgressBar       *progress_bar;
  guint                 progress_n;
  guint                 progress_total;
};

G_DEFINE_FINAL_TYPE (DgJourneyMap, dg_journey_map, GTK_TYPE_WIDGET)

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  DgJourneyMap *self = DG_JOURNEY_MAP (user_data);

  if (self->data == NULL)
    return;

  dg_journey_map_draw (cr, self->data, width, height,
                       adw_style_manager_get_dark (adw_style_manager_get_default ()));
}

static void load (DgJourneyMap *self);

static gboolean
reload_cb (gpointer user_data)
{
  DgJourneyMap *self = DG_JOURNEY_MAP (user_data);

  self->reload_source = 0;
  load (self);

  return G_SOURCE_REMOVE;
}

static void
on_contacts_changed_cb (DgDatabase   *db,
                        const char   *table,
                        DgJourneyMap *self)
{
  /* Logging one contact for many customers writes many rows: read the
   * figures once, when the main loop is idle. */
  if (self->reload_source == 0 && self->journey_id != 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->reload_source = g_idle_add (reload_cb, self);
}

static void
disconnect (DgJourneyMap *self)
{
  if (self->context != NULL)
    g_clear_signal_handler (&self->contacts_handler, dg_context_get_database (self->context));
  g_clear_handle_id (&self->reload_source, g_source_remove);
}

void
dg_journey_map_show (DgJourneyMap *self,
                     DgContext    *context,
                     gint64        journey_id,
                     gint64        cohort_id)
{
  g_return_if_fail (DG_IS_JOURNEY_MAP (self));
  g_return_if_fail (context == NULL || DG_IS_CONTEXT (context));

  if (context != self->context)
    {
      disconnect (self);
      g_set_object (&self->context, context);
      if (context != NULL)
        self->contacts_handler = g_signal_connect_object (dg_context_get_database (context),
                                                          "changed::" DG_TABLE_INTERACTIONS,
                                                          G_CALLBACK (on_contacts_changed_cb), self, 0);
    }
  self->journey_id = journey_id;
  self->cohort_id = cohort_id;
  load (self);
}

static void
update (DgJourneyMap *self)
{
  int width = 0, height = 0;

  dg_journey_map_get_minimum_size (self->data, &width, &height);
  gtk_drawing_area_set_content_width (self->area, width);
  gtk_drawing_area_set_content_height (self->area, height);
  /* The PNG is the map as shown: with its figures. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journey-map.export-png",
                                 self->data != NULL && self->data->figures == DG_JOURNEY_MAP_FIGURES_READY);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journey-map.export-pdf",
                                 self->data != NULL && self->export_cancellable == NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
cancel_figures (DgJourneyMap *self)
{
  g_cancellable_cancel (self->figures_cancellable);
  g_clear_object (&self->figures_cancellable);
  self->figures_serial++;
}

typedef struct
{
  DgJourneyMap *self;
  guint         serial;
} FiguresRead;

/* A read cancelled, or overtaken by a newer map, says nothing. */
static void
on_figures_read_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  FiguresRead *read = user_data;
  g_autoptr(DgJourneyMap) self = read->self;
  guint serial = read->serial;
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GError) error = NULL;

  g_free (read);
  figures = dg_journey_analytics_finish (DG_DATABASE (source_object), result, &error);
  if (serial != self->figures_serial || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->figures_cancellable);
  self->figures_stale = FALSE;
  if (self->data == NULL)
    return;

  if (figures != NULL)
    {
      dg_journey_map_data_set_figures (self->data, figures);
    }
  else
    {
      g_warning ("Could not read the figures of journey %" G_GINT64_FORMAT ": %s", self->journey_id,
                 error->message);
      dg_journey_map_data_set_figures_error (self->data, error);
    }
  update (self);
}

static void
read_figures (DgJourneyMap *self)
{
  FiguresRead *read = g_new0 (FiguresRead, 1);

  cancel_figures (self);
  self->figures_cancellable = g_cancellable_new ();
  read->self = g_object_ref (self);
  read->serial = self->figures_serial;
  dg_journey_analytics_async (dg_context_get_database (self->context), dg_context_get_clock (self->context),
                              self->journey_id, self->cohort_id, self->figures_cancellable,
                              on_figures_read_cb, read);
}

/* The journey's texts are read at once; its figures take seconds on a
 * large journey, so a worker reads them on a connection of its own while
 * the map shows a placeholder in their place — or, for the same journey
 * and cohort, the figures it showed until now. */
static void
load (DgJourneyMap *self)
{
  DgContext *context = self->context;
  gint64 journey_id = self->journey_id;
  g_autoptr(DgJourneyMapData) old = g_steal_pointer (&self->data);
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  cancel_figures (self);
  self->figures_stale = FALSE;

  if (context != NULL && journey_id != 0)
    {
      self->data = dg_journey_map_data_load_texts (dg_context_get_database (context), journey_id,
                                                   self->cohort_id, &error);
      if (self->data == NULL)
        g_warning ("Could not read the map of journey %" G_GINT64_FORMAT ": %s", journey_id, error->message);
    }

  if (self->data != NULL)
    {
      if (old != NULL && journey_id == self->shown_journey_id && self->cohort_id == self->shown_cohort_id)
        dg_journey_map_data_keep_figures (self->data, old);
      self->figures_stale = TRUE;
      /* A hidden map reads them when it is shown. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        read_figures (self);
    }
  self->shown_journey_id = journey_id;
  self->shown_cohort_id = self->cohort_id;

  update (self);
}

DgJourneyMapData *
dg_journey_map_get_data (DgJourneyMap *self)
{
  g_return_val_if_fail (DG_IS_JOURNEY_MAP (self), NULL);

  return self->data;
}

static void
show_saved (DgJourneyMap *self,
            const char   *path)
{
  g_autofree char *name = g_filename_display_basename (path);
  /* Translators: a toast after exporting the journey map. */
  g_autofree char *title = g_strdup_printf (_("Map saved as “%s”"), name);

  dg_toast_show (GTK_WIDGET (self), title);
}

gboolean
dg_journey_map_export_png_to (DgJourneyMap  *self,
                              const char    *path,
                              GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (DG_IS_JOURNEY_MAP (self), FALSE);
  g_return_val_if_fail (self->data != NULL, FALSE);
  g_return_val_if_fail (self->data->figures == DG_JOURNEY_MAP_FIGURES_READY, FALSE);

  if (!dg_journey_map_export_png (self->data, path, FALSE, &local_error))
    {
      dg_toast_show_error (GTK_WIDGET (self), local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  show_saved (self, path);
  return TRUE;
}

/* The PDF export's progress, as the customer exports show theirs */

/* How long an export runs before its progress dialog shows. */
#define PROGRESS_DELAY_MS 500

static void
update_progress (DgJourneyMap *self)
{
  g_autofree char *text = NULL;

  if (self->progress_bar == NULL || self->progress_total == 0)
    return;

  gtk_progress_bar_set_fraction (self->progress_bar, (double) (self->progress_n - 1) / self->progress_total);
  /* Translators: under the progress bar of the PDF export of the journey
   * maps: the figures of journey %1$u of %2$u are being read. */
  text = g_strdup_printf (_("Journey %1$u of %2$u"), self->progress_n, self->progress_total);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
on_progress_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         DgJourneyMap     *self)
{
  /* The dialog closes itself; the toast comes as the export ends. */
  self->progress_dialog = NULL;
  self->progress_bar = NULL;
  g_cancellable_cancel (self->export_cancellable);
}

static gboolean
show_progress_cb (gpointer user_data)
{
  DgJourneyMap *self = DG_JOURNEY_MAP (user_data);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  self->progress_timeout_id = 0;
  if (!GTK_IS_WINDOW (root))
    return G_SOURCE_REMOVE;

  dialog = dg_progress_dialog_new (GTK_WINDOW (root), self->export_path,
                                   G_CALLBACK (on_progress_response_cb), self, &self->progress_bar);
  self->progress_dialog = GTK_WIDGET (dialog);
  update_progress (self);
  gtk_window_present (GTK_WINDOW (dialog));

  return G_SOURCE_REMOVE;
}

static void
hide_progress (DgJourneyMap *self)
{
  GtkWidget *dialog = g_steal_pointer (&self->progress_dialog);

  g_clear_handle_id (&self->progress_timeout_id, g_source_remove);
  self->progress_bar = NULL;
  if (dialog != NULL)
    {
      g_signal_handlers_disconnect_by_func (dialog, on_progress_response_cb, self);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

static void
on_export_progress_cb (guint    n,
                       guint    total,
                       gpointer user_data)
{
  DgJourneyMap *self = DG_JOURNEY_MAP (user_data);

  self->progress_n = n;
  self->progress_total = total;
  update_progress (self);
}

static void
on_pdf_exported_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(DgJourneyMap) self = user_data;
  g_autofree char *path = g_steal_pointer (&self->export_path);
  g_autoptr(GError) error = NULL;
  gboolean written;

  written = dg_journey_map_export_pdf_finish (result, &error);
  g_clear_object (&self->export_cancellable);
  hide_progress (self);
  /* Disposed meanwhile: there is nothing left to tell. */
  if (self->area == NULL)
    return;

  update (self);
  if (written)
    show_saved (self, path);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    dg_toast_show (GTK_WIDGET (self), _("Export cancelled"));
  else
    dg_toast_show_error (GTK_WIDGET (self), error);
}

gboolean
dg_journey_map_export_pdf_to (DgJourneyMap *self,
                              const char   *path)
{
  g_return_val_if_fail (DG_IS_JOURNEY_MAP (self), FALSE);
  g_return_val_if_fail (self->context != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->export_cancellable != NULL)
    return FALSE;

  self->export_cancellable = g_cancellable_new ();
  self->export_path = g_strdup (path);
  self->progress_n = 0;
  self->progress_total = 0;
  update (self);
  dg_journey_map_export_pdf_async (dg_context_get_database (self->context), dg_context_get_clock (self->context),
                                   self->journey_id, self->cohort_id, path, self->export_cancellable,
                                   on_export_progress_cb, self, on_pdf_exported_cb, g_object_ref (self));
  /* A quick export comes and goes without a dialog flashing by. */
  self->progress_timeout_id = g_timeout_add (PROGRESS_DELAY_MS, show_progress_cb, self);

  return TRUE;
}

gboolean
dg_journey_map_is_exporting (DgJourneyMap *self)
{
  g_return_val_if_fail (DG_IS_JOURNEY_MAP (self), FALSE);

  return self->export_cancellable != NULL;
}

static void
on_chooser_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        DgJourneyMap    *self)
{
  gboolean pdf = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "dg-pdf"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL && pdf)
        dg_journey_map_export_pdf_to (self, path);
      else if (path != NULL && self->data != NULL && self->data->figures == DG_JOURNEY_MAP_FIGURES_READY)
        dg_journey_map_export_png_to (self, path, NULL);
    }

  g_clear_object (&self->chooser);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DgJourneyMap *self = DG_JOURNEY_MAP (widget);
  gboolean pdf = g_str_equal (action_name, "journey-map.export-pdf");
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;

  if (self->chooser != NULL || self->data == NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (pdf ? _("Export Journey Maps as PDF")
                                                   : _("Export Journey Map as PNG"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_object_set_data (G_OBJECT (self->chooser), "dg-pdf", GINT_TO_POINTER (pdf));
  /* Translators: the file name offered when exporting every journey map. */
  name = pdf ? g_strdup_printf ("%s.pdf", _("Journey maps"))
             : g_strdup_printf ("%s.png", self->data->title);
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_dark_changed_cb (AdwStyleManager *manager,
                    GParamSpec      *pspec,
                    DgJourneyMap    *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
dg_journey_map_map (GtkWidget *widget)
{
  DgJourneyMap *self = DG_JOURNEY_MAP (widget);

  GTK_WIDGET_CLASS (dg_journey_map_parent_class)->map (widget);

  if (self->figures_stale && self->figures_cancellable == NULL && self->data != NULL)
    read_figures (self);
}

/* A map out of sight reads nothing: it reads again when shown. Its PDF
 * export ends too, as the page it was started from is left or closed;
 * the toast says it was cancelled. */
static void
dg_journey_map_unmap (GtkWidget *widget)
{
  DgJourneyMap *self = DG_JOURNEY_MAP (widget);

  cancel_figures (self);
  g_cancellable_cancel (self->export_cancellable);
  hide_progress (self);

  GTK_WIDGET_CLASS (dg_journey_map_parent_class)->unmap (widget);
}

static void
dg_journey_map_dispose (GObject *object)
{
  DgJourneyMap *self = DG_JOURNEY_MAP (object);

  disconnect (self);
  cancel_figures (self);
  g_cancellable_cancel (self->export_cancellable);
  hide_progress (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  self->area = NULL;
  g_clear_pointer (&self->data, dg_journey_map_data_free);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (dg_journey_map_parent_class)->dispose (object);
}

static void
dg_journey_map_finalize (GObject *object)
{
  DgJourneyMap *self = DG_JOURNEY_MAP (object);

  g_free (self->export_path);

  G_OBJECT_CLASS (dg_journey_map_parent_class)->finalize (object);
}

static void
dg_journey_map_class_init (DgJourneyMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_journey_map_dispose;
  object_class->finalize = dg_journey_map_finalize;
  widget_class->map = dg_journey_map_map;
  widget_class->unmap = dg_journey_map_unmap;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "journeymap");
  gtk_widget_class_install_action (widget_class, "journey-map.export-png", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "journey-map.export-pdf", NULL, export_activated);
}

static void
dg_journey_map_init (DgJourneyMap *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *button;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_widget_add_css_class (bar, "toolbar");
  gtk_widget_set_halign (bar, GTK_ALIGN_END);
  button = gtk_button_new_with_label (_("Export as PNG…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "journey-map.export-png");
  gtk_widget_set_tooltip_text (button, _("Save this map as a picture"));
  gtk_box_append (GTK_BOX (bar), button);
  button = gtk_button_new_with_label (_("Export as PDF…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "journey-map.export-pdf");
  gtk_widget_set_tooltip_text (button, _("Save the maps of every journey, one page each, for printing"));
  gtk_box_append (GTK_BOX (bar), button);
  gtk_box_append (GTK_BOX (self->box), bar);

  self->area = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->area), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->area), TRUE);
  gtk_drawing_area_set_draw_func (self->area, draw_cb, self, NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->area));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (self->box), scroller);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journey-map.export-png", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journey-map.export-pdf", FALSE);
}

GtkWidget *
dg_journey_map_new (void)
{
  return g_object_new (DG_TYPE_JOURNEY_MAP, NULL);
}
