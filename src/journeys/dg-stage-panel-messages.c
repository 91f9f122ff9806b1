/* dg-stage-panel-messages.c
 *
 * Copy Message: the stage's script filled for each customer selected in
 * its column, on the clipboard, with the customers left out named; then
 * Log as Contacts for those whose messages were copied.
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

/* One line per placeholder that lacked a value ("{organization}" in
 * @placeholders, in the order met): who lacks it. */
static char *
describe_missing (GPtrArray  *placeholders,
                  GHashTable *who)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < placeholders->len; i++)
    {
      const char *name = g_ptr_array_index (placeholders, i);
      GPtrArray *people = g_hash_table_lookup (who, name);
      g_autofree char *list = NULL;

      g_ptr_array_add (people, NULL);
      list = g_strjoinv (", ", (char **) people->pdata);
      g_ptr_array_remove_index (people, people->len - 1);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: in the stage panel after Copy Message; %1$u is how
       * many customers, %2$s the placeholder (“{organization}”), %3$s
       * their names. Their messages were not copied. */
      g_string_append_printf (text, ngettext ("%1$u customer has no value for %2$s: %3$s",
                                              "%1$u customers have no value for %2$s: %3$s",
                                              people->len),
                              people->len, name, list);
    }

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
  g_autoptr(GArray) customers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) who = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                     (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) messages = g_string_new (NULL);
  g_autoptr(DgStage) stage = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *script = NULL;
  g_autofree char *report = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!dg_stage_panel_save (self, &error) ||
      (stage = dg_stages_get (db, self->stage_id, &error)) == NULL)
    {
      dg_toast_show_error (_dg_stage_panel_toast_widget (self), error);
      return;
    }

  g_clear_pointer (&self->copied_customers, g_array_unref);
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

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(DgEnrollment) enrollment = dg_enrollments_get (db, id, &error);
      g_autoptr(GHashTable) values = NULL;
      g_autoptr(GPtrArray) missing = NULL;
      g_autofree char *message = NULL;

      if (enrollment == NULL || (values = dg_stage_script_values (db, clock, id, &error)) == NULL)
        {
          dg_toast_show_error (_dg_stage_panel_toast_widget (self), error);
          return;
        }

      message = dg_stage_script_fill (stage->message_script, values, &missing, NULL);
      for (guint j = 0; j < missing->len; j++)
        {
          g_autofree char *name = g_strdup_printf ("{%s}", (const char *) g_ptr_array_index (missing, j));
          GPtrArray *people = g_hash_table_lookup (who, name);

          if (people == NULL)
            {
              people = g_ptr_array_new_with_free_func (g_free);
              g_hash_table_insert (who, g_strdup (name), people);
              g_ptr_array_add (order, g_strdup (name));
            }
          g_ptr_array_add (people, g_strdup (enrollment->customer_name));
        }
      if (missing->len > 0)
        continue;

      if (messages->len > 0)
        g_string_append (messages, DG_STAGE_PANEL_SEPARATOR);
      g_string_append (messages, g_strstrip (message));
      g_array_append_val (customers, enrollment->customer_id);
    }

  if (order->len > 0)
    {
      g_autofree char *lines = describe_missing (order, who);

      report = g_strdup_printf ("%s\n%s", lines,
                                customers->len > 0 ? _("Their messages were not copied; fill in what is missing, then copy again.")
                                                   : _("Nothing was copied; fill in what is missing, then copy again."));
      show_report (self, report);
    }

  if (customers->len == 0)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), messages->str);
  self->copied_customers = g_steal_pointer (&customers);
  g_free (self->copied_stage_name);
  self->copied_stage_name = g_strdup (stage->name);

  /* Translators: a toast after Copy Message; %u is how many messages. */
  title = g_strdup_printf (ngettext ("Copied %u message", "Copied %u messages", self->copied_customers->len),
                           self->copied_customers->len);
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
  DgClock *clock = dg_context_get_clock (self->context);
  g_autoptr(GArray) customers = g_steal_pointer (&self->copied_customers);
  g_autoptr(DgInteraction) contact = dg_interaction_new ();
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (clock);
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *title = NULL;
  UndoData *data;
  guint n;

  if (customers == NULL || customers->len == 0)
    return;

  /* Translators: the summary of the contact logged for each customer a
   * stage's message was sent to; %s is the stage. */
  summary = g_strdup_printf (_("Sent the “%s” message"), self->copied_stage_name);
  dg_interaction_set_occurred_at (contact, now);
  dg_interaction_set_channel (contact, DG_INTERACTION_CHANNEL_MESSAGE);
  dg_interaction_set_summary (contact, summary);

  undo = dg_customers_bulk_log_contact (dg_context_get_database (self->context), clock,
                                        (const gint64 *) (gpointer) customers->data, customers->len,
                                        contact, &error);
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
