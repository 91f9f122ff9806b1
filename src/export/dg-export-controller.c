/* dg-export-controller.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dg-customers-view.h"
#include "dg-export-async.h"
#include "dg-export-controller.h"
#include "dg-format.h"
#include "dg-progress-dialog.h"
#include "dg-toast.h"

struct _DgExportController
{
  GObject               parent_instance;

  GtkWindow            *window;
  GtkWidget            *toast_widget;
  /* Finds the customer list whose search, filters and order "as shown"
   * means, given the window: the page is made only when first shown. */
  DgExportCustomersFunc customers_func;
  DgContext            *context;
  GtkFileChooserNative *chooser;
  /* The selected customers while their export is asked about. */
  GArray               *pending_ids;

  /* The export running, if any. */
  GCancellable         *cancellable;
  DgExportFormat        format;
  char                 *path;
  guint                 done;
  guint                 total;
  guint                 progress_timeout_id;
  GtkWidget            *progress_dialog;
  GtkProgressBar       *progress_bar;
  guint                 busy : 1;
};

G_DEFINE_FINAL_TYPE (DgExportController, dg_export_controller, G_TYPE_OBJECT)

typedef enum
{
  FORMAT_CSV,
  FORMAT_VCARD,
  FORMAT_ICAL,
} Format;

typedef struct
{
  const char *kind;
  const char *base_name;
  Format      format;
  gboolean    selection;
} Kind;

static const Kind kinds[] = {
  { "list-csv", "dangol-customers", FORMAT_CSV, FALSE },
  { "contacts-vcard", "dangol-contacts", FORMAT_VCARD, FALSE },
  { "followups-ical", "dangol-follow-ups", FORMAT_ICAL, FALSE },
  { "selection-csv", "dangol-customers", FORMAT_CSV, TRUE },
  { "selection-vcard", "dangol-contacts", FORMAT_VCARD, TRUE },
};

static const char * const extensions[] = { "csv", "vcf", "ics" };

static const Kind *
find_kind (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_str_equal (kinds[i].kind, kind))
        return &kinds[i];
    }

  return NULL;
}

char *
dg_export_controller_dup_default_name (DgExportController *self,
                                       const char         *kind)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *day = NULL;
  const Kind *found;

  g_return_val_if_fail (DG_IS_EXPORT_CONTROLLER (self), NULL);

  found = find_kind (kind);
  g_return_val_if_fail (found != NULL, NULL);

  now = dg_clock_get_now_local (dg_context_get_clock (self->context));
  day = g_date_time_format (now, "%Y-%m-%d");

  return g_strdup_printf ("%s-%s.%s", found->base_name, day, extensions[found->format]);
}

static DgCustomersView *
customers_view (DgExportController *self)
{
  return self->window != NULL ? self->customers_func (self->window) : NULL;
}

static const char * const busy_actions[] = { "export", "export-selection", "export-to" };

static void
dg_export_controller_set_busy (DgExportController *self,
                               gboolean            busy)
{
  self->busy = !!busy;
  if (self->window == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (busy_actions); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->window), busy_actions[i]);

      if (G_IS_SIMPLE_ACTION (action))
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), !busy);
    }
}

static void
show_error (DgExportController *self,
            const GError       *error)
{
  AdwMessageDialog *dialog;

  g_warning ("Could not export: %s", error->message);
  if (self->window == NULL)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->window,
                                                       _("Nothing Was Exported"), NULL));
  /* Translators: %s says what went wrong. */
  adw_message_dialog_format_body (dialog, _("%s\n\nA file that was there before is as it was."),
                                  error->message);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Progress, once an export takes longer than a moment */

static guint progress_delay_ms = 500;

void
dg_export_controller_set_progress_delay (guint milliseconds)
{
  progress_delay_ms = milliseconds;
}

static void
update_progress (DgExportController *self)
{
  g_autofree char *text = NULL;

  if (self->progress_bar == NULL || self->total == 0)
    return;

  gtk_progress_bar_set_fraction (self->progress_bar, (double) self->done / self->total);
  /* Translators: under the progress bar of an export: %1$u records of
   * %2$u are written. */
  text = g_strdup_printf (_("%1$u of %2$u"), self->done, self->total);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
on_progress_response_cb (AdwMessageDialog   *dialog,
                         const char         *response,
                         DgExportController *self)
{
  /* The dialog closes itself; the toast comes once the worker stopped. */
  self->progress_dialog = NULL;
  self->progress_bar = NULL;
  g_cancellable_cancel (self->cancellable);
}

static void
show_progress (DgExportController *self)
{
  AdwMessageDialog *dialog;

  if (self->window == NULL || self->progress_dialog != NULL)
    return;

  dialog = dg_progress_dialog_new (self->window, self->path,
                                   G_CALLBACK (on_progress_response_cb), self, &self->progress_bar);
  self->progress_dialog = GTK_WIDGET (dialog);
  update_progress (self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
show_progress_cb (gpointer user_data)
{
  DgExportController *self = user_data;

  self->progress_timeout_id = 0;
  show_progress (self);

  return G_SOURCE_REMOVE;
}

static void
on_progress_cb (guint    done,
                guint    total,
                gpointer user_data)
{
  DgExportController *self = user_data;

  self->done = done;
  self->total = total;
  update_progress (self);
}

static void
hide_progress (DgExportController *self)
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

/* Writing */

static void
on_export_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DgExportController) self = user_data;
  g_autofree char *path = g_steal_pointer (&self->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *title = NULL;
  gboolean followups = self->format == DG_EXPORT_FOLLOWUPS_ICAL;
  guint count = 0;

  g_clear_object (&self->cancellable);
  hide_progress (self);
  dg_export_controller_set_busy (self, FALSE);

  if (!dg_export_finish (result, &count, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      else if (self->toast_widget != NULL)
        dg_toast_show (self->toast_widget, _("Export cancelled"));
      return;
    }

  shown = dg_format_path (path);
  if (followups)
    /* Translators: a toast; %1$u is how many follow-ups, %2$s the file. */
    title = g_markup_printf_escaped (ngettext ("Exported %1$u follow-up to %2$s",
                                               "Exported %1$u follow-ups to %2$s", count),
                                     count, shown);
  else
    /* Translators: a toast; %1$u is how many customers, %2$s the file. */
    title = g_markup_printf_escaped (ngettext ("Exported %1$u customer to %2$s",
                                               "Exported %1$u customers to %2$s", count),
                                     count, shown);
  if (self->toast_widget != NULL)
    dg_toast_show (self->toast_widget, title);
}

/* Starts writing on a worker thread; the window stays responsive. */
static void
dg_export_controller_export_to (DgExportController *self,
                                const char         *kind_name,
                                const char         *path,
                                GArray             *ids)
{
  static const DgExportFormat formats[] = {
    DG_EXPORT_CUSTOMERS_CSV, DG_EXPORT_CONTACTS_VCARD, DG_EXPORT_FOLLOWUPS_ICAL,
  };
  DgClock *clock = dg_context_get_clock (self->context);
  const Kind *kind = find_kind (kind_name);
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (clock);
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (clock);
  g_autoptr(GArray) selected = NULL;
  DgCustomerQuery query = { 0 };
  const DgCustomerQuery *list_query = NULL;

  g_return_if_fail (kind != NULL);

  if (self->busy)
    return;

  if (kind->selection)
    {
      DgCustomersView *view = customers_view (self);

      if (ids == NULL && view != NULL)
        ids = selected = dg_customers_view_dup_selected_ids (view);
      if (ids == NULL || ids->len == 0)
        return;
    }
  else
    ids = NULL;

  /* The customer list as shown: its search, filters and order, with days
   * counted back from the app's clock, as the list counts them. */
  if (kind->format == FORMAT_CSV && !kind->selection)
    {
      DgCustomersView *view = customers_view (self);
      DgCustomerList *list = view != NULL ? dg_customers_view_get_list (view) : NULL;

      if (list != NULL)
        {
          dg_customer_list_get_query (list, &query);
          query.now = now;
          list_query = &query;
        }
    }

  self->format = formats[kind->format];
  self->path = g_strdup (path);
  self->done = self->total = 0;
  self->cancellable = g_cancellable_new ();
  dg_export_controller_set_busy (self, TRUE);

  dg_export_async (dg_context_get_database (self->context), self->format, list_query,
                   ids != NULL ? (const gint64 *) ids->data : NULL, ids != NULL ? ids->len : 0,
                   tz, path, self->cancellable, on_progress_cb, self,
                   on_export_done_cb, g_object_ref (self));

  if (progress_delay_ms == 0)
    show_progress (self);
  else
    self->progress_timeout_id = g_timeout_add (progress_delay_ms, show_progress_cb, self);
}

/* Where to save */

static void
on_chooser_response_cb (GtkNativeDialog    *chooser,
                        int                 response,
                        DgExportController *self)
{
  const char *kind = g_object_get_data (G_OBJECT (chooser), "dg-export-kind");
  g_autoptr(GArray) ids = g_steal_pointer (&self->pending_ids);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }

  if (path != NULL && kind != NULL)
    dg_export_controller_export_to (self, kind, path, ids);

  gtk_native_dialog_destroy (chooser);
  if (self->chooser == GTK_FILE_CHOOSER_NATIVE (chooser))
    g_clear_object (&self->chooser);
}

static void
dg_export_controller_choose_file (DgExportController *self,
                                  const char         *kind_name)
{
  const Kind *kind = find_kind (kind_name);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *name = dg_export_controller_dup_default_name (self, kind_name);
  static const char * const filter_names[] = {
    N_("CSV Files"), N_("vCard Files"), N_("iCalendar Files"),
  };
  static const char * const mime_types[] = { "text/csv", "text/vcard", "text/calendar" };
  g_autofree char *pattern = g_strconcat ("*.", extensions[kind->format], NULL);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  self->chooser = gtk_file_chooser_native_new (_("Export"), self->window,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_object_set_data (G_OBJECT (self->chooser), "dg-export-kind", (gpointer) kind->kind);

  gtk_file_filter_set_name (filter, _(filter_names[kind->format]));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_mime_type (filter, mime_types[kind->format]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* What to export */

static void
on_kind_response_cb (AdwMessageDialog   *dialog,
                     const char         *response,
                     DgExportController *self)
{
  if (find_kind (response) == NULL)
    {
      g_clear_pointer (&self->pending_ids, g_array_unref);
      return;
    }

  dg_export_controller_choose_file (self, response);
}

static void
dg_export_controller_ask (DgExportController *self,
                          gboolean            selection)
{
  AdwMessageDialog *dialog;

  if (self->window == NULL)
    return;

  g_clear_pointer (&self->pending_ids, g_array_unref);
  if (selection)
    {
      DgCustomersView *view = customers_view (self);
      guint n;

      if (view == NULL)
        return;
      self->pending_ids = dg_customers_view_dup_selected_ids (view);
      n = self->pending_ids->len;
      if (n == 0)
        return;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->window, NULL, NULL));
      /* Translators: the heading of the dialog asking how to export the
       * selected customers; %u is how many. */
      adw_message_dialog_format_heading (dialog, ngettext ("Export %u Customer",
                                                           "Export %u Customers", n), n);
      adw_message_dialog_set_body (dialog, _("Choose a format. A spreadsheet opens CSV; "
                                             "phones and contacts apps read vCard."));
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "selection-csv", _("_Spreadsheet (CSV)"),
                                        "selection-vcard", _("C_ontacts (vCard)"),
                                        NULL);
    }
  else
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->window, _("Export"), NULL));
      adw_message_dialog_set_body (dialog, _("Choose what to write to a file."));
      /* Too wide for a row, the buttons stack with the last added on top:
       * the customer list comes first, Cancel last. */
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "followups-ical", _("Open _Follow-ups (iCalendar)"),
                                        "contacts-vcard", _("C_ontacts (vCard)"),
                                        "list-csv", _("Customer _List as Shown (CSV)"),
                                        NULL);
    }

  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_kind_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The actions */

static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  dg_export_controller_ask (user_data, FALSE);
}

static void
export_selection_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  dg_export_controller_ask (user_data, TRUE);
}

static void
export_to_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  const char *kind, *path;

  g_variant_get (parameter, "(&s&s)", &kind, &path);
  if (find_kind (kind) == NULL)
    {
      g_warning ("No such export: %s", kind);
      return;
    }

  dg_export_controller_export_to (user_data, kind, path, NULL);
}

static const GActionEntry actions[] = {
  { "export", export_action },
  { "export-selection", export_selection_action },
  { "export-to", export_to_action, "(ss)" },
};

void
dg_export_controller_install (DgExportController *self)
{
  g_return_if_fail (DG_IS_EXPORT_CONTROLLER (self));
  g_return_if_fail (G_IS_ACTION_MAP (self->window));

  g_action_map_add_action_entries (G_ACTION_MAP (self->window), actions,
                                   G_N_ELEMENTS (actions), self);
}

static void
dg_export_controller_dispose (GObject *object)
{
  DgExportController *self = (DgExportController *)object;

  /* The export running stops and leaves no file; its callback holds a
   * reference and finds the window gone. */
  g_cancellable_cancel (self->cancellable);
  hide_progress (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->pending_ids, g_array_unref);
  g_clear_weak_pointer (&self->window);
  g_clear_weak_pointer (&self->toast_widget);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (dg_export_controller_parent_class)->dispose (object);
}

static void
dg_export_controller_finalize (GObject *object)
{
  DgExportController *self = (DgExportController *)object;

  g_clear_object (&self->cancellable);
  g_free (self->path);

  G_OBJECT_CLASS (dg_export_controller_parent_class)->finalize (object);
}

static void
dg_export_controller_class_init (DgExportControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dg_export_controller_dispose;
  object_class->finalize = dg_export_controller_finalize;
}

static void
dg_export_controller_init (DgExportController *self)
{
}

DgExportController *
dg_export_controller_new (GtkWindow             *window,
                          GtkWidget             *toast_widget,
                          DgExportCustomersFunc  customers_func,
                          DgContext             *context)
{
  DgExportController *self;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (toast_widget), NULL);
  g_return_val_if_fail (customers_func != NULL, NULL);
  g_return_val_if_fail (DG_IS_CONTEXT (context), NULL);

  self = g_object_new (DG_TYPE_EXPORT_CONTROLLER, NULL);
  g_set_weak_pointer (&self->window, window);
  g_set_weak_pointer (&self->toast_widget, toast_widget);
  self->customers_func = customers_func;
  self->context = g_object_ref (context);

  return self;
}
