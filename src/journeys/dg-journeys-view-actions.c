/* dg-journeys-view-actions.c
 *
 * What the Journeys page does when asked: the journeys.* actions of the
 * cards (move, step left or right, complete, drop) and of the selection
 * bar, enrolling a customer, creating a journey, and showing the card of
 * one enrollment. An action on many
 * cards is one transaction and shows one toast with Undo.
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-customer-picker.h"
#include "dg-journeys-view-private.h"
#include "dg-toast.h"

/* The ids a dialog acts on, kept on it: those chosen when it opened,
 * whatever is selected by the time it is answered. */
#define DIALOG_IDS_KEY "dg-journeys-ids"

typedef struct
{
  GWeakRef    view;
  DgBulkUndo *undo;
} UndoData;

static void
undo_data_free (gpointer data)
{
  UndoData *undo = data;

  g_weak_ref_clear (&undo->view);
  g_clear_object (&undo->undo);
  g_free (undo);
}

static void
undo_cb (gpointer user_data)
{
  UndoData *undo = user_data;
  g_autoptr(DgJourneysView) self = g_weak_ref_get (&undo->view);
  g_autoptr(GError) error = NULL;

  if (!dg_bulk_undo_apply (undo->undo, &error) && self != NULL)
    dg_toast_show_error (GTK_WIDGET (self), error);
}

void
_dg_journeys_view_report (DgJourneysView *self,
                          DgBulkUndo     *undo,
                          const GError   *error,
                          const char     *title)
{
  UndoData *data;

  if (undo == NULL)
    {
      dg_toast_show_error (GTK_WIDGET (self), error);
      return;
    }
  if (dg_bulk_undo_get_n_changed (undo) == 0)
    return;

  data = g_new0 (UndoData, 1);
  g_weak_ref_init (&data->view, self);
  data->undo = g_object_ref (undo);
  dg_toast_show_undo (GTK_WIDGET (self), title, undo_cb, data, undo_data_free);
}

static DgStage *
find_stage (DgJourneysView *self,
            gint64          stage_id,
            guint          *out_position)
{
  for (guint i = 0; self->stages != NULL && i < self->stages->len; i++)
    {
      DgStage *stage = g_ptr_array_index (self->stages, i);

      if (stage->id == stage_id)
        {
          if (out_position != NULL)
            *out_position = i;
          return stage;
        }
    }

  return NULL;
}

static void
move_ids (DgJourneysView *self,
          GArray         *ids,
          gint64          stage_id)
{
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  DgStage *stage = find_stage (self, stage_id, NULL);
  guint n;

  if (stage == NULL || ids->len == 0)
    return;

  undo = dg_enrollments_move (dg_context_get_database (self->context), dg_context_get_clock (self->context),
                              (const gint64 *) (gpointer) ids->data, ids->len, stage_id, &error);
  n = undo != NULL ? dg_bulk_undo_get_n_changed (undo) : 0;
  escaped = g_markup_escape_text (stage->name, -1);
  /* Translators: a toast; %1$u is how many customers were moved, %2$s
   * the stage they were moved to. */
  title = g_strdup_printf (ngettext ("Moved %1$u customer to “%2$s”",
                                     "Moved %1$u customers to “%2$s”", n), n, escaped);
  _dg_journeys_view_report (self, undo, error, title);
}

static void
complete_ids (DgJourneysView *self,
              GArray         *ids)
{
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n;

  if (ids->len == 0)
    return;

  undo = dg_enrollments_complete (dg_context_get_database (self->context), dg_context_get_clock (self->context),
                                  (const gint64 *) (gpointer) ids->data, ids->len, &error);
  n = undo != NULL ? dg_bulk_undo_get_n_changed (undo) : 0;
  /* Translators: a toast; %u is how many customers finished the
   * journey. */
  title = g_strdup_printf (ngettext ("%u customer completed the journey",
                                     "%u customers completed the journey", n), n);
  _dg_journeys_view_report (self, undo, error, title);
}

static void
on_drop_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     DgJourneysView   *self)
{
  GArray *ids = g_object_get_data (G_OBJECT (dialog), DIALOG_IDS_KEY);
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n;

  if (g_strcmp0 (response, "drop") != 0 || self->context == NULL)
    return;

  undo = dg_enrollments_drop (dg_context_get_database (self->context), dg_context_get_clock (self->context),
                              (const gint64 *) (gpointer) ids->data, ids->len,
                              gtk_editable_get_text (entry), &error);
  n = undo != NULL ? dg_bulk_undo_get_n_changed (undo) : 0;
  /* Translators: a toast; %u is how many customers were marked as having
   * dropped out of the journey. */
  title = g_strdup_printf (ngettext ("%u customer dropped out",
                                     "%u customers dropped out", n), n);
  _dg_journeys_view_report (self, undo, error, title);
}

static void
on_drop_entry_activate_cb (GtkEntry         *entry,
                           AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "drop");
  gtk_window_close (GTK_WINDOW (dialog));
}

static GtkWindow *
get_parent_window (DgJourneysView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Asks why @ids dropped out, then marks them dropped. */
static void
present_drop_dialog (DgJourneysView *self,
                     GArray         *ids)
{
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (ids->len == 0)
    return;

  /* Translators: the heading of the dialog that marks customers as
   * dropped out of a journey; %u is how many. */
  heading = g_strdup_printf (ngettext ("Drop %u Customer?", "Drop %u Customers?", ids->len), ids->len);
  dialog = adw_message_dialog_new (get_parent_window (self), heading,
                                   _("They leave the journey here. The reason is kept in their history "
                                     "and counted in the stage’s figures."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason (optional)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_drop_entry_activate_cb), dialog, 0);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    /* Translators: the button that marks customers as dropped out. */
                                    "drop", C_("journey", "Drop"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "drop", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "drop");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), DIALOG_IDS_KEY, g_array_ref (ids), (GDestroyNotify) g_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_drop_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_card_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DgJourneysView *self = DG_JOURNEYS_VIEW (widget);
  g_autoptr(GArray) ids = NULL;
  gint64 id, stage_id;

  g_variant_get (parameter, "(xx)", &id, &stage_id);
  ids = _dg_journeys_view_ids_for_card (self, id);
  move_ids (self, ids, stage_id);
}

/* Ctrl+Left / Ctrl+Right: to the stage before or after the card's, with
 * the focus following a card that moved alone. */
static void
move_card_step_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DgJourneysView *self = DG_JOURNEYS_VIEW (widget);
  g_autoptr(GArray) ids = NULL;
  DgJourneyColumn *column;
  gint64 id;
  int step;
  guint position;

  g_variant_get (parameter, "(xi)", &id, &step);
  column = _dg_journeys_view_find_column_of (self, id);
  if (column == NULL || find_stage (self, dg_journey_column_get_stage_id (column), &position) == NULL)
    return;

  if ((step < 0 && position == 0) || (step > 0 && position + 1 >= self->stages->len))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  position = step < 0 ? position - 1 : position + 1;
  ids = _dg_journeys_view_ids_for_card (self, id);
  move_ids (self, ids, ((DgStage *) g_ptr_array_index (self->stages, position))->id);
  dg_journey_column_focus_card (g_ptr_array_index (self->columns, position), id);
}

static void
complete_card_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DgJourneysView *self = DG_JOURNEYS_VIEW (widget);
  g_autoptr(GArray) ids = _dg_journeys_view_ids_for_card (self, g_variant_get_int64 (parameter));

  complete_ids (self, ids);
}

static void
drop_card_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DgJourneysView *self = DG_JOURNEYS_VIEW (widget);
  g_autoptr(GArray) ids = _dg_journeys_view_ids_for_card (self, g_variant_get_int64 (parameter));

  present_drop_dialog (self, ids);
}

static void
move_selected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DgJourneysView *self = DG_JOURNEYS_VIEW (widget);
  g_autoptr(GArray) ids = dg_journeys_view_get_selected_ids (self);

  move_ids (self, ids, g_variant_get_int64 (parameter));
}

static void
complete_selected_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  DgJourneysView *self = DG_JOURNEYS_VIEW (widget);
  g_autoptr(GArray) ids = dg_journeys_view_get_selected_ids (self);

  complete_ids (self, ids);
}

static void
drop_selected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DgJourneysView *self = DG_JOURNEYS_VIEW (widget);
  g_autoptr(GArray) ids = dg_journeys_view_get_selected_ids (self);

  present_drop_dialog (self, ids);
}

static void
clear_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  _dg_journeys_view_clear_selection (DG_JOURNEYS_VIEW (widget));
}

static void
on_enroll_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       DgJourneysView   *self)
{
  DgCustomerPicker *picker = DG_CUSTOMER_PICKER (adw_message_dialog_get_extra_child (dialog));
  gint64 customer_id = dg_customer_picker_get_customer_id (picker);
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  DgStage *first;

  if (g_strcmp0 (response, "enroll") != 0 || self->context == NULL || self->stages == NULL ||
      self->stages->len == 0 || customer_id == 0)
    return;

  first = g_ptr_array_index (self->stages, 0);
  undo = dg_enrollments_enroll_many (dg_context_get_database (self->context), dg_context_get_clock (self->context),
                                     &customer_id, 1, first->id, self->cohort_id, &error);
  if (undo != NULL && dg_bulk_undo_get_n_changed (undo) == 0)
    {
      dg_toast_show (GTK_WIDGET (self), _("The customer is already in this journey"));
      return;
    }

  escaped = g_markup_escape_text (dg_customer_picker_get_customer_name (picker), -1);
  /* Translators: a toast; %s is the customer's name. */
  title = g_strdup_printf (_("Added %s to the journey"), escaped);
  _dg_journeys_view_report (self, undo, error, title);
}

static void
on_picker_changed_cb (DgCustomerPicker *picker,
                      GParamSpec       *pspec,
                      AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "enroll", dg_customer_picker_get_customer_id (picker) != 0);
}

static void
add_customers_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DgJourneysView *self = DG_JOURNEYS_VIEW (widget);
  g_autofree char *body = NULL;
  DgStage *first;
  GtkWidget *dialog;
  GtkWidget *picker;

  if (self->stages == NULL || self->stages->len == 0)
    return;

  first = g_ptr_array_index (self->stages, 0);
  if (self->cohort_id != 0)
    {
      const char *cohort = gtk_string_object_get_string (gtk_drop_down_get_selected_item (self->cohort_dropdown));

      /* Translators: in the dialog that enrolls a customer in a journey;
       * %1$s is the first stage, %2$s the cohort. */
      body = g_strdup_printf (_("They start in “%1$s”, in the cohort “%2$s”."), first->name, cohort);
    }
  else
    /* Translators: in the dialog that enrolls a customer in a journey;
     * %s is the first stage. */
    body = g_strdup_printf (_("They start in “%s”."), first->name);

  dialog = adw_message_dialog_new (get_parent_window (self), _("Add a Customer to the Journey"), body);
  picker = dg_customer_picker_new ();
  dg_customer_picker_set_database (DG_CUSTOMER_PICKER (picker), dg_context_get_database (self->context));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), picker);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    /* Translators: the button that enrolls the chosen customer. */
                                    "enroll", _("Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "enroll", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "enroll", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "enroll");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (picker, "notify::customer-id", G_CALLBACK (on_picker_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_enroll_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (picker);
}

/* A new journey starts with stages most services have; the user renames
 * them or adds their own. */
static gboolean
create_journey (DgJourneysView  *self,
                const char      *name,
                gint64          *out_id,
                GError         **error)
{
  static const char * const stage_names[] = {
    /* Translators: the stages a new journey starts with. */
    N_("First Contact"),
    N_("In Progress"),
    N_("Regular"),
  };
  DgDatabase *db = dg_context_get_database (self->context);
  g_autoptr(DgJourney) journey = dg_journey_new (name);

  if (!dg_journeys_insert (db, journey, error))
    return FALSE;
  *out_id = journey->id;

  for (guint i = 0; i < G_N_ELEMENTS (stage_names); i++)
    {
      g_autoptr(DgStage) stage = dg_stage_new (journey->id, _(stage_names[i]));

      if (!dg_stages_insert (db, stage, error))
        return FALSE;
    }

  return TRUE;
}

static void
on_create_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       DgJourneysView   *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (g_strcmp0 (response, "create") != 0 || self->context == NULL)
    return;

  if (!create_journey (self, gtk_editable_get_text (entry), &id, &error))
    {
      dg_toast_show_error (GTK_WIDGET (self), error);
      if (id == 0)
        return;
    }

  /* The board follows the new journey when it reads the change. */
  self->journey_id = id;
  self->cohort_id = 0;
}

static void
on_create_entry_changed_cb (GtkEditable      *entry,
                            AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "create", name[0] != '\0');
}

static void
on_create_entry_activate_cb (GtkEntry         *entry,
                             AdwMessageDialog *dialog)
{
  if (!adw_message_dialog_get_response_enabled (dialog, "create"))
    return;

  adw_message_dialog_response (dialog, "create");
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
create_journey_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DgJourneysView *self = DG_JOURNEYS_VIEW (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (get_parent_window (self), _("New Journey"),
                                   _("Name the path your customers walk, such as “Public lecture to "
                                     "coaching”. It starts with three stages you can rename."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Journey name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Journey name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    "create", _("Create"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_create_entry_changed_cb), dialog, 0);
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_create_entry_activate_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_create_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_dg_journeys_view_clear_pending_card (DgJourneysView *self)
{
  if (self->pending_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->pending_tick_id);
  self->pending_tick_id = 0;
  self->pending_card = 0;
  self->pending_ticks = 0;
}

/* A card exists only once its column has laid it out, after the page
 * is on screen: the focus waits for it, a few frames at most. */
static gboolean
focus_pending_card_cb (GtkWidget     *widget,
                       GdkFrameClock *frame_clock,
                       gpointer       user_data)
{
  DgJourneysView *self = DG_JOURNEYS_VIEW (widget);
  DgJourneyColumn *column = _dg_journeys_view_find_column_of (self, self->pending_card);
  GtkWidget *card = column != NULL ? dg_journey_column_find_card (column, self->pending_card) : NULL;

  if (card == NULL && column != NULL && self->pending_ticks++ < 30)
    {
      /* Far down a long column: its card is built once scrolled to. */
      if (self->pending_ticks == 1)
        dg_journey_column_focus_card (column, self->pending_card);
      return G_SOURCE_CONTINUE;
    }

  if (card != NULL)
    dg_journey_column_focus_card (column, self->pending_card);
  self->pending_tick_id = 0;
  _dg_journeys_view_clear_pending_card (self);

  return G_SOURCE_REMOVE;
}

gboolean
dg_journeys_view_show_enrollment (DgJourneysView  *self,
                                  gint64           id,
                                  GError         **error)
{
  g_autoptr(DgEnrollment) enrollment = NULL;
  DgJourneyColumn *column = NULL;

  g_return_val_if_fail (DG_IS_JOURNEYS_VIEW (self), FALSE);
  g_return_val_if_fail (self->context != NULL, FALSE);

  enrollment = dg_enrollments_get (dg_context_get_database (self->context), id, error);
  if (enrollment == NULL)
    return FALSE;

  /* The journey may be new since the page last read the list. */
  _dg_journeys_view_reload_pending (self);
  if (!dg_journeys_view_show_journey (self, enrollment->journey_id))
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_NOT_FOUND, _("The journey no longer exists"));
      return FALSE;
    }
  if (self->cohort_id != 0 && self->cohort_id != enrollment->cohort_id)
    dg_journeys_view_set_cohort_id (self, 0);
  gtk_toggle_button_set_active (self->board_toggle, TRUE);

  _dg_journeys_view_clear_pending_card (self);
  _dg_journeys_view_clear_selection (self);
  if (enrollment->status == DG_ENROLLMENT_ACTIVE)
    column = _dg_journeys_view_find_column_of (self, id);
  if (column != NULL)
    {
      dg_id_selection_select_id (dg_journey_column_get_selection (column), id);
      self->pending_card = id;
      self->pending_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_pending_card_cb, NULL, NULL);
    }

  return TRUE;
}

void
_dg_journeys_view_update_actions (DgJourneysView *self)
{
  g_autoptr(GArray) ids = dg_journeys_view_get_selected_ids (self);
  gboolean has_board = self->stages != NULL && self->stages->len > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journeys.add-customers", has_board);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journeys.move-selected", ids->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journeys.complete-selected", ids->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journeys.drop-selected", ids->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journeys.clear-selection", ids->len > 0);
  _dg_journeys_view_update_contact_actions (self, ids->len > 0);
}

void
_dg_journeys_view_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "journeys.move-card", "(xx)", move_card_action);
  gtk_widget_class_install_action (widget_class, "journeys.move-card-step", "(xi)", move_card_step_action);
  gtk_widget_class_install_action (widget_class, "journeys.complete-card", "x", complete_card_action);
  gtk_widget_class_install_action (widget_class, "journeys.drop-card", "x", drop_card_action);
  gtk_widget_class_install_action (widget_class, "journeys.move-selected", "x", move_selected_action);
  gtk_widget_class_install_action (widget_class, "journeys.complete-selected", NULL, complete_selected_action);
  gtk_widget_class_install_action (widget_class, "journeys.drop-selected", NULL, drop_selected_action);
  gtk_widget_class_install_action (widget_class, "journeys.clear-selection", NULL, clear_selection_action);
  gtk_widget_class_install_action (widget_class, "journeys.add-customers", NULL, add_customers_action);
  gtk_widget_class_install_action (widget_class, "journeys.create-journey", NULL, create_journey_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "journeys.clear-selection", NULL);
}
