/* dg-stage-panel-messages.c
 *
 * Copy Message: the stage's script filled for each customer selected in
 * its column (dg-stage-messages.h), on the clipboard, with the customers
 * left out named; then Log as Contacts for those whose messages were
 * copied.
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-journey-column.h"
#include "dg-stage-panel-private.h"
#include "dg-toast.h"

/* The enrollments selected in the stage's column, in its order. */
static GArray *
get_selected (DgStagePanel *self)
{
  g_autoptr(DgJourneysView) view = g_weak_ref_get (&self->view);

  for (guint i = 0; view != NULL && i < dg_journeys_view_get_n_columns (view); i++)
    {
      DgJourneyColumn *column = DG_JOURNEY_COLUMN (dg_journeys_view_get_column (view, i));

      if (dg_journey_column_get_stage_id (column) == self->stage_id)
        return dg_id_selection_get_selected_ids (dg_journey_column_get_selection (column));
    }

  return g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
show_report (DgStagePanel *self,
             const char   *text)
{
  gtk_label_set_text (self->report_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->report_label), text != NULL && *text != '\0');
}

static char *
join_braced (GPtrArray *names)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (text, "%s{%s}", i > 0 ? ", " : "", (const char *) g_ptr_array_index (names, i));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
copy_messages_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DgStagePanel *self = DG_STAGE_PANEL (widget);
  DgDatabase *db = dg_context_get_database (self->context);
  DgClock *clock = dg_context_get_clock (self->context);
  g_autoptr(GArray) ids = get_selected (self);
  g_autoptr(DgStageMessages) messages = NULL;
  g_autoptr(DgStage) stage = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *script = NULL;
  g_autofree char *report = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  guint n;

  if (!dg_stage_panel_save (self, &error) ||
      (stage = dg_stages_get (db, self->stage_id, &error)) == NULL)
    {
      dg_toast_show_error (_dg_stage_panel_toast_widget (self), error);
      return;
    }

  g_clear_pointer (&self->copied, dg_stage_messages_free);
  show_report (self, NULL);

  if (stage->message_script[0] == '\0')
    {
      show_report (self, _("Write the message script first."));
      return;
    }
  if (ids->len == 0)
    {
      show_report (self, _("Select the customers to write to in this stage’s column on the board: "
                           "click a card, Ctrl+click more, or Ctrl+A for the whole column."));
      return;
    }

  {
    g_autoptr(GPtrArray) unknown = NULL;

    g_free (dg_stage_script_fill (stage->message_script, NULL, NULL, &unknown));
    if (unknown->len > 0)
      {
        g_autofree char *names = join_braced (unknown);

        /* Translators: in the stage panel; %s lists what looks like
         * placeholders but is none (“{이름}”). */
        report = g_strdup_printf (_("The script has placeholders that do not exist: %s. Nothing was copied."),
                                  names);
        show_report (self, report);
        return;
      }
  }

  messages = dg_stage_messages_fill (db, clock, (const gint64 *) (gpointer) ids->data, ids->len, &error);
  if (messages == NULL)
    {
      dg_toast_show_error (_dg_stage_panel_toast_widget (self), error);
      return;
    }

  show_report (self, dg_stage_messages_get_report (messages));
  n = dg_stage_messages_get_n_messages (messages);
  if (n == 0)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), dg_stage_messages_get_text (messages));
  self->copied = g_steal_pointer (&messages);

  /* Translators: a toast after Copy Message; %u is how many messages. */
  title = g_strdup_printf (ngettext ("Copied %u message", "Copied %u messages", n), n);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Log as Contacts"));
  adw_toast_set_action_name (toast, "panel.log-contacts");
  /* The owner pastes the messages into a texting service and sends them
   * before coming back to log them: the offer stays until dismissed. */
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

typedef struct
{
  GWeakRef    panel;
  DgBulkUndo *undo;
} UndoData;

static void
undo_data_free (gpointer data)
{
  UndoData *undo = data;

  g_weak_ref_clear (&undo->panel);
  g_clear_object (&undo->undo);
  g_free (undo);
}

static void
undo_cb (gpointer user_data)
{
  UndoData *undo = user_data;
  g_autoptr(DgStagePanel) self = g_weak_ref_get (&undo->panel);
  g_autoptr(GError) error = NULL;

  if (!dg_bulk_undo_apply (undo->undo, &error) && self != NULL)
    dg_toast_show_error (_dg_stage_panel_toast_widget (self), error);
}

static void
log_contacts_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DgStagePanel *self = DG_STAGE_PANEL (widget);
  g_autoptr(DgStageMessages) copied = g_steal_pointer (&self->copied);
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  UndoData *data;
  guint n;

  if (copied == NULL)
    return;

  undo = dg_stage_messages_log (copied, dg_context_get_database (self->context),
                                dg_context_get_clock (self->context), &error);
  if (undo == NULL)
    {
      dg_toast_show_error (_dg_stage_panel_toast_widget (self), error);
      return;
    }

  n = dg_bulk_undo_get_n_changed (undo);
  /* Translators: a toast; %u is how many customers. */
  title = g_strdup_printf (ngettext ("Logged the message as a contact with %u customer",
                                     "Logged the message as a contact with %u customers", n), n);
  data = g_new0 (UndoData, 1);
  g_weak_ref_init (&data->panel, self);
  data->undo = g_object_ref (undo);
  dg_toast_show_undo (_dg_stage_panel_toast_widget (self), title, undo_cb, data, undo_data_free);
}

void
_dg_stage_panel_class_messages_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "panel.copy-messages", NULL, copy_messages_action);
  gtk_widget_class_install_action (widget_class, "panel.log-contacts", NULL, log_contacts_action);
}
