/* dg-import-controller.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-import-controller.h"
#include "dg-import-window.h"
#include "dg-toast.h"

struct _DgImportController
{
  GObject               parent_instance;

  GtkWindow            *window;
  GtkWidget            *toast_widget;
  DgContext            *context;
  GtkFileChooserNative *chooser;
  /* The import window open now: one file at a time. */
  DgImportWindow       *import_window;
};

G_DEFINE_FINAL_TYPE (DgImportController, dg_import_controller, G_TYPE_OBJECT)

char *
dg_import_controller_describe (const DgImportSummary *summary)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (summary != NULL, NULL);

  if (summary->n_logged > 0)
    /* Translators: part of the toast after a survey's import: contacts
     * logged with the customers' feedback. */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u contact logged", "%u contacts logged",
                                                       summary->n_logged),
                                             summary->n_logged));
  if (summary->n_added > 0)
    /* Translators: part of the toast after an import, joined to the next
     * by a comma; %u is how many customers. */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u added", "%u added", summary->n_added),
                                             summary->n_added));
  if (summary->n_updated > 0)
    /* Translators: part of the toast after an import. */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u updated", "%u updated", summary->n_updated),
                                             summary->n_updated));
  if (summary->n_unchanged > 0)
    /* Translators: part of the toast after an import: customers the file
     * had nothing new for. */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u already up to date",
                                                       "%u already up to date", summary->n_unchanged),
                                             summary->n_unchanged));
  if (summary->n_skipped > 0)
    /* Translators: part of the toast after an import. */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u skipped", "%u skipped", summary->n_skipped),
                                             summary->n_skipped));
  if (summary->n_refused > 0)
    /* Translators: part of the toast after an import: rows not imported
     * because of a problem. */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u refused", "%u refused", summary->n_refused),
                                             summary->n_refused));
  if (summary->n_enrolled > 0)
    /* Translators: part of the toast after an import: customers put in
     * a journey's stage. */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u added to the journey",
                                                       "%u added to the journey", summary->n_enrolled),
                                             summary->n_enrolled));

  if (parts->len == 0)
    return g_strdup (_("Nothing was imported"));

  g_ptr_array_add (parts, NULL);
  /* Translators: what separates the parts of the toast after an import,
   * "58 added, 3 updated". */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

/* Undo */

typedef struct
{
  GWeakRef    toast_widget;
  DgBulkUndo *undo;
  DgDatabase *database;
} UndoData;

static void
undo_data_free (gpointer user_data)
{
  UndoData *data = user_data;

  g_weak_ref_clear (&data->toast_widget);
  g_clear_object (&data->undo);
  g_clear_object (&data->database);
  g_free (data);
}

static void
undo_import (gpointer user_data)
{
  UndoData *data = user_data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&data->toast_widget);
  g_autoptr(GError) error = NULL;

  if (!dg_bulk_undo_apply (data->undo, &error))
    {
      if (widget != NULL)
        dg_toast_show_error (widget, error);
      return;
    }

  /* The undo wrote through the import's own connection. */
  dg_database_notify_all (data->database);
}

static void
on_imported_cb (DgImportWindow        *window,
                DgBulkUndo            *undo,
                const DgImportSummary *summary,
                DgImportController    *self)
{
  g_autofree char *text = dg_import_controller_describe (summary);
  g_autofree char *title = g_markup_escape_text (text, -1);
  UndoData *data;

  if (self->toast_widget == NULL)
    return;

  data = g_new0 (UndoData, 1);
  g_weak_ref_init (&data->toast_widget, self->toast_widget);
  data->undo = g_object_ref (undo);
  data->database = g_object_ref (dg_context_get_database (self->context));
  dg_toast_show_undo (self->toast_widget, title, undo_import, data, undo_data_free);
}

void
dg_import_controller_open (DgImportController *self,
                           const char         *path)
{
  g_return_if_fail (DG_IS_IMPORT_CONTROLLER (self));
  g_return_if_fail (path != NULL);

  if (self->window == NULL)
    return;

  if (self->import_window != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->import_window));
      return;
    }

  self->import_window = dg_import_window_new (self->window, self->context, path);
  g_object_add_weak_pointer (G_OBJECT (self->import_window), (gpointer *) &self->import_window);
  g_signal_connect_object (self->import_window, "imported", G_CALLBACK (on_imported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (self->import_window));
}

/* Which file */

static void
on_chooser_response_cb (GtkNativeDialog    *chooser,
                        int                 response,
                        DgImportController *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }

  gtk_native_dialog_destroy (chooser);
  if (self->chooser == GTK_FILE_CHOOSER_NATIVE (chooser))
    g_clear_object (&self->chooser);

  if (path != NULL)
    dg_import_controller_open (self, path);
}

static GtkFileFilter *
new_filter (const char         *name,
            const char * const *suffixes,
            const char * const *mime_types)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; suffixes != NULL && suffixes[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  for (guint i = 0; mime_types != NULL && mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);

  return filter;
}

static void
dg_import_controller_choose_file (DgImportController *self)
{
  static const char * const sheet_suffixes[] = { "csv", "tsv", "txt", NULL };
  static const char * const sheet_types[] = { "text/csv", "text/tab-separated-values", NULL };
  static const char * const card_suffixes[] = { "vcf", "vcard", NULL };
  static const char * const card_types[] = { "text/vcard", "text/x-vcard", NULL };
  static const char * const all_suffixes[] = { "csv", "tsv", "txt", "vcf", "vcard", NULL };
  static const char * const all_types[] = { "text/csv", "text/tab-separated-values",
                                            "text/vcard", "text/x-vcard", NULL };
  g_autoptr(GtkFileFilter) supported = NULL;
  g_autoptr(GtkFileFilter) sheets = NULL;
  g_autoptr(GtkFileFilter) cards = NULL;
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->window == NULL)
    return;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  self->chooser = gtk_file_chooser_native_new (_("Import"), self->window,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  supported = new_filter (_("Spreadsheets and Contacts"), all_suffixes, all_types);
  sheets = new_filter (_("Spreadsheets (CSV, TSV, TXT)"), sheet_suffixes, sheet_types);
  cards = new_filter (_("Contacts (vCard)"), card_suffixes, card_types);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), supported);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), sheets);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), cards);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), supported);

  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Dropped files */

static gboolean
on_drop_cb (GtkDropTarget      *target,
            const GValue       *value,
            double              x,
            double              y,
            DgImportController *self)
{
  GFile *file = NULL;
  g_autofree char *path = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);

      file = files != NULL ? files->data : NULL;
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);

  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    return FALSE;

  dg_import_controller_open (self, path);

  return TRUE;
}

/* The actions */

static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  dg_import_controller_choose_file (user_data);
}

static void
import_file_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  dg_import_controller_open (user_data, g_variant_get_string (parameter, NULL));
}

static const GActionEntry actions[] = {
  { "import", import_action },
  { "import-file", import_file_action, "s" },
};

void
dg_import_controller_install (DgImportController *self)
{
  GtkDropTarget *target;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  g_return_if_fail (DG_IS_IMPORT_CONTROLLER (self));
  g_return_if_fail (G_IS_ACTION_MAP (self->window));

  g_action_map_add_action_entries (G_ACTION_MAP (self->window), actions,
                                   G_N_ELEMENTS (actions), self);

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->window), GTK_EVENT_CONTROLLER (target));
}

static void
dg_import_controller_dispose (GObject *object)
{
  DgImportController *self = (DgImportController *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->import_window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->import_window), (gpointer *) &self->import_window);
  self->import_window = NULL;
  g_clear_weak_pointer (&self->window);
  g_clear_weak_pointer (&self->toast_widget);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (dg_import_controller_parent_class)->dispose (object);
}

static void
dg_import_controller_class_init (DgImportControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dg_import_controller_dispose;
}

static void
dg_import_controller_init (DgImportController *self)
{
}

DgImportController *
dg_import_controller_new (GtkWindow *window,
                          GtkWidget *toast_widget,
                          DgContext *context)
{
  DgImportController *self;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (toast_widget), NULL);
  g_return_val_if_fail (DG_IS_CONTEXT (context), NULL);

  self = g_object_new (DG_TYPE_IMPORT_CONTROLLER, NULL);
  g_set_weak_pointer (&self->window, window);
  g_set_weak_pointer (&self->toast_widget, toast_widget);
  self->context = g_object_ref (context);

  return self;
}
