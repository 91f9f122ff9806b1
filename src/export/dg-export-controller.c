/* dg-export-controller.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dg-customers-view.h"
#include "dg-export-controller.h"
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

/* A path as a person reads it: the home folder as "~". */
static char *
display_path (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize len = strlen (home);

  if (len > 1 && g_str_has_prefix (path, home) && path[len] == G_DIR_SEPARATOR)
    {
      g_autofree char *rest = g_filename_display_name (path + len);

      return g_strconcat ("~", rest, NULL);
    }

  return g_filename_display_name (path);
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

/* The customer list as shown: its search, filters and order, with days
 * counted back from the app's clock, as the list counts them. */
static gboolean
export_list_csv (DgExportController  *self,
                 const char          *path,
                 guint               *count,
                 GError             **error)
{
  DgCustomersView *view = customers_view (self);
  DgCustomerList *list = view != NULL ? dg_customers_view_get_list (view) : NULL;
  DgClock *clock = dg_context_get_clock (self->context);
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (clock);
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (clock);
  DgCustomerQuery query = { 0 };
  const DgExportCsvColumn *columns;
  guint n_columns;

  columns = dg_export_csv_list_columns (&n_columns);
  if (list == NULL)
    return dg_export_csv (dg_context_get_database (self->context), NULL, NULL, 0,
                          columns, n_columns, tz, path, NULL, count, error);

  dg_customer_list_get_query (list, &query);
  query.now = now;

  return dg_export_csv (dg_context_get_database (self->context), &query, NULL, 0,
                        columns, n_columns, tz, path, NULL, count, error);
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

static void
dg_export_controller_export_to (DgExportController *self,
                                const char         *kind_name,
                                const char         *path,
                                GArray             *ids)
{
  DgDatabase *db = dg_context_get_database (self->context);
  const Kind *kind = find_kind (kind_name);
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (dg_context_get_clock (self->context));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) selected = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *title = NULL;
  const gint64 *id_data = NULL;
  guint n_ids = 0;
  guint count = 0;
  gboolean ok = FALSE;

  g_return_if_fail (kind != NULL);

  if (kind->selection)
    {
      DgCustomersView *view = customers_view (self);

      if (ids == NULL && view != NULL)
        ids = selected = dg_customers_view_dup_selected_ids (view);
      if (ids == NULL || ids->len == 0)
        return;
      id_data = (const gint64 *) ids->data;
      n_ids = ids->len;
    }

  switch (kind->format)
    {
    case FORMAT_CSV:
      if (kind->selection)
        {
          const DgExportCsvColumn *columns;
          guint n_columns;

          columns = dg_export_csv_list_columns (&n_columns);
          ok = dg_export_csv (db, NULL, id_data, n_ids, columns, n_columns, tz, path,
                              NULL, &count, &error);
        }
      else
        ok = export_list_csv (self, path, &count, &error);
      break;

    case FORMAT_VCARD:
      ok = dg_export_vcard (db, id_data, n_ids, path, NULL, &count, &error);
      break;

    case FORMAT_ICAL:
      ok = dg_export_ical (db, NULL, NULL, path, NULL, NULL, &count, &error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (!ok)
    {
      show_error (self, error);
      return;
    }

  shown = display_path (path);
  if (kind->format == FORMAT_ICAL)
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
dg_export_controller_class_init (DgExportControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dg_export_controller_dispose;
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
