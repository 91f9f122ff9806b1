/* dg-enroll-dialog.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-enroll-dialog.h"
#include "dg-toast.h"

/* What the dialog keeps while it is open. */
typedef struct
{
  DgContext   *context;
  GWeakRef     widget;
  GArray      *customer_ids;
  GPtrArray   *journeys;
  GPtrArray   *cohorts;
  GtkDropDown *journey_dropdown;
  GtkDropDown *cohort_dropdown;
} EnrollData;

#define ENROLL_DATA_KEY "dg-enroll-data"

static void
enroll_data_free (gpointer user_data)
{
  EnrollData *data = user_data;

  g_clear_object (&data->context);
  g_weak_ref_clear (&data->widget);
  g_clear_pointer (&data->customer_ids, g_array_unref);
  g_clear_pointer (&data->journeys, g_ptr_array_unref);
  g_clear_pointer (&data->cohorts, g_ptr_array_unref);
  g_free (data);
}

typedef struct
{
  GWeakRef    widget;
  DgBulkUndo *undo;
} UndoData;

static void
undo_data_free (gpointer user_data)
{
  UndoData *undo = user_data;

  g_weak_ref_clear (&undo->widget);
  g_clear_object (&undo->undo);
  g_free (undo);
}

static void
undo_cb (gpointer user_data)
{
  UndoData *undo = user_data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&undo->widget);
  g_autoptr(GError) error = NULL;

  if (!dg_bulk_undo_apply (undo->undo, &error) && widget != NULL)
    dg_toast_show_error (widget, error);
}

static DgJourney *
get_journey (EnrollData *data)
{
  guint selected = gtk_drop_down_get_selected (data->journey_dropdown);

  if (data->journeys == NULL || selected >= data->journeys->len)
    return NULL;

  return g_ptr_array_index (data->journeys, selected);
}

/* The cohort drop-down offers the cohorts of the journey chosen. */
static void
fill_cohorts (EnrollData *data)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  DgJourney *journey = get_journey (data);

  g_clear_pointer (&data->cohorts, g_ptr_array_unref);
  if (journey != NULL)
    data->cohorts = dg_cohorts_list (dg_context_get_database (data->context), journey->id, FALSE, &error);
  if (error != NULL)
    g_warning ("Could not read the cohorts: %s", error->message);

  /* Translators: the first choice of the cohort drop-down when enrolling
   * customers in a journey. */
  gtk_string_list_append (names, _("No Cohort"));
  for (guint i = 0; data->cohorts != NULL && i < data->cohorts->len; i++)
    gtk_string_list_append (names, ((DgCohort *) g_ptr_array_index (data->cohorts, i))->name);

  gtk_drop_down_set_model (data->cohort_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (data->cohort_dropdown, 0);
  gtk_widget_set_visible (GTK_WIDGET (data->cohort_dropdown), data->cohorts != NULL && data->cohorts->len > 0);
}

static void
on_journey_selected_cb (GtkDropDown *dropdown,
                        GParamSpec  *pspec,
                        EnrollData  *data)
{
  fill_cohorts (data);
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                EnrollData       *data)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&data->widget);
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  DgJourney *journey = get_journey (data);
  guint cohort = gtk_drop_down_get_selected (data->cohort_dropdown);
  gint64 cohort_id = 0;
  UndoData *undo_data;
  guint n;

  if (g_strcmp0 (response, "enroll") != 0 || journey == NULL || widget == NULL)
    return;

  if (data->cohorts != NULL && cohort > 0 && cohort <= data->cohorts->len)
    cohort_id = ((DgCohort *) g_ptr_array_index (data->cohorts, cohort - 1))->id;

  stages = dg_stages_list (dg_context_get_database (data->context), journey->id, &error);
  if (stages != NULL && stages->len == 0)
    {
      dg_toast_show (widget, _("This journey has no stages yet"));
      return;
    }
  if (stages != NULL)
    undo = dg_enrollments_enroll_many (dg_context_get_database (data->context),
                                       dg_context_get_clock (data->context),
                                       (const gint64 *) (gpointer) data->customer_ids->data,
                                       data->customer_ids->len,
                                       ((DgStage *) g_ptr_array_index (stages, 0))->id,
                                       cohort_id, &error);
  if (undo == NULL)
    {
      dg_toast_show_error (widget, error);
      return;
    }

  n = dg_bulk_undo_get_n_changed (undo);
  if (n == 0)
    {
      dg_toast_show (widget, data->customer_ids->len == 1 ? _("The customer is already in this journey")
                                                          : _("These customers are already in this journey"));
      return;
    }

  escaped = g_markup_escape_text (journey->name, -1);
  /* Translators: a toast; %1$u is how many customers were enrolled, %2$s
   * the journey. */
  title = g_strdup_printf (ngettext ("Added %1$u customer to “%2$s”",
                                     "Added %1$u customers to “%2$s”", n), n, escaped);
  undo_data = g_new0 (UndoData, 1);
  g_weak_ref_init (&undo_data->widget, widget);
  undo_data->undo = g_steal_pointer (&undo);
  dg_toast_show_undo (widget, title, undo_cb, undo_data, undo_data_free);
}

AdwMessageDialog *
dg_enroll_dialog_present (GtkWidget    *widget,
                          DgContext    *context,
                          const gint64 *customer_ids,
                          guint         n_ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *heading = NULL;
  GtkRoot *root;
  EnrollData *data;
  GtkWidget *dialog;
  GtkWidget *box;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (DG_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (n_ids > 0, NULL);

  data = g_new0 (EnrollData, 1);
  data->context = g_object_ref (context);
  g_weak_ref_init (&data->widget, widget);
  data->customer_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (data->customer_ids, customer_ids, n_ids);
  data->journeys = dg_journeys_list (dg_context_get_database (context), &error);
  if (data->journeys == NULL)
    g_warning ("Could not read the journeys: %s", error->message);
  for (guint i = 0; data->journeys != NULL && i < data->journeys->len; i++)
    gtk_string_list_append (names, ((DgJourney *) g_ptr_array_index (data->journeys, i))->name);

  if (n_ids == 1)
    heading = g_strdup (_("Add to a Journey"));
  else
    /* Translators: the heading of the dialog that enrolls the customers
     * selected in the list; %u is how many. */
    heading = g_strdup_printf (ngettext ("Add %u Customer to a Journey",
                                         "Add %u Customers to a Journey", n_ids), n_ids);

  root = gtk_widget_get_root (widget);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   g_list_model_get_n_items (G_LIST_MODEL (names)) > 0
                                   ? _("They start in the journey’s first stage.")
                                   : _("There are no journeys yet: create one on the Journeys page first."));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  data->journey_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->journey_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Journey"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->journey_dropdown));
  data->cohort_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->cohort_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cohort"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->cohort_dropdown));
  gtk_widget_set_visible (box, data->journeys != NULL && data->journeys->len > 0);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  fill_cohorts (data);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    "enroll", _("Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "enroll", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "enroll",
                                           data->journeys != NULL && data->journeys->len > 0);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "enroll");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data_full (G_OBJECT (dialog), ENROLL_DATA_KEY, data, enroll_data_free);
  g_signal_connect (data->journey_dropdown, "notify::selected", G_CALLBACK (on_journey_selected_cb), data);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));

  return ADW_MESSAGE_DIALOG (dialog);
}
