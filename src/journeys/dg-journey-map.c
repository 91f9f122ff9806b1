/* dg-journey-map.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-journey-map.h"
#include "dg-journey-map-draw.h"
#include "dg-journey-map-export.h"
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journey-map.export-pdf", self->data != NULL);
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

gboolean
dg_journey_map_export_pdf_to (DgJourneyMap  *self,
                              const char    *path,
                              GError       **error)
{
  g_autoptr(GPtrArray) maps = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_journey_map_data_free);
  g_autoptr(GPtrArray) journeys = NULL;
  g_autoptr(GError) local_error = NULL;
  DgDatabase *db;

  g_return_val_if_fail (DG_IS_JOURNEY_MAP (self), FALSE);
  g_return_val_if_fail (self->context != NULL, FALSE);

  db = dg_context_get_database (self->context);
  journeys = dg_journeys_list (db, &local_error);
  for (guint i = 0; journeys != NULL && i < journeys->len; i++)
    {
      DgJourney *journey = g_ptr_array_index (journeys, i);
      DgJourneyMapData *data;

      data = dg_journey_map_data_load (db, dg_context_get_clock (self->context), journey->id,
                                       journey->id == self->journey_id ? self->cohort_id : 0, &local_error);
      if (data == NULL)
        break;
      g_ptr_array_add (maps, data);
    }

  if (local_error == NULL)
    dg_journey_map_export_pdf (maps, path, &local_error);
  if (local_error != NULL)
    {
      dg_toast_show_error (GTK_WIDGET (self), local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  show_saved (self, path);
  return TRUE;
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
        dg_journey_map_export_pdf_to (self, path, NULL);
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

/* A map out of sight reads nothing: it reads again when shown. */
static void
dg_journey_map_unmap (GtkWidget *widget)
{
  DgJourneyMap *self = DG_JOURNEY_MAP (widget);

  cancel_figures (self);

  GTK_WIDGET_CLASS (dg_journey_map_parent_class)->unmap (widget);
}

static void
dg_journey_map_dispose (GObject *object)
{
  DgJourneyMap *self = DG_JOURNEY_MAP (object);

  disconnect (self);
  cancel_figures (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->data, dg_journey_map_data_free);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (dg_journey_map_parent_class)->dispose (object);
}

static void
dg_journey_map_class_init (DgJourneyMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_journey_map_dispose;
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
