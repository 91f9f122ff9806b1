/* dg-bulk-dialog.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-bulk-dialog.h"
#include "dg-field-row.h"

#define DEFAULT_DAYS 14

struct _DgBulkDialog
{
  AdwMessageDialog  parent_instance;

  DgBulkDialogKind  kind;

  DgFieldRow       *tag_row;
  AdwComboRow      *channel_row;
  DgFieldRow       *summary_row;
  AdwComboRow      *feedback_row;
  DgFieldRow       *title_row;
  AdwActionRow     *days_row;
  GtkSpinButton    *days_spin;
};

G_DEFINE_FINAL_TYPE (DgBulkDialog, dg_bulk_dialog, ADW_TYPE_MESSAGE_DIALOG)

static gboolean
row_is_filled (DgFieldRow *row)
{
  g_autofree char *text = dg_field_row_dup_trimmed_text (row);

  return *text != '\0';
}

/* "apply" is offered once what the action needs is there, so the dialog
 * never closes on an answer that cannot be used. */
static void
dg_bulk_dialog_update_response (DgBulkDialog *self)
{
  gboolean ready = FALSE;

  switch (self->kind)
    {
    case DG_BULK_DIALOG_ADD_TAG:
    case DG_BULK_DIALOG_REMOVE_TAG:
      ready = row_is_filled (self->tag_row);
      break;
    case DG_BULK_DIALOG_LOG_CONTACT:
      ready = row_is_filled (self->summary_row);
      break;
    case DG_BULK_DIALOG_ADD_FOLLOWUP:
      ready = row_is_filled (self->title_row);
      break;
    default:
      g_assert_not_reached ();
    }

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "apply", ready);
}

static void
on_field_changed_cb (DgBulkDialog *self)
{
  dg_bulk_dialog_update_response (self);
}

static void
dg_bulk_dialog_class_init (DgBulkDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (DG_TYPE_FIELD_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/customers/dg-bulk-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DgBulkDialog, tag_row);
  gtk_widget_class_bind_template_child (widget_class, DgBulkDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, DgBulkDialog, summary_row);
  gtk_widget_class_bind_template_child (widget_class, DgBulkDialog, feedback_row);
  gtk_widget_class_bind_template_child (widget_class, DgBulkDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, DgBulkDialog, days_row);
  gtk_widget_class_bind_template_child (widget_class, DgBulkDialog, days_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
}

static void
dg_bulk_dialog_init (DgBulkDialog *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) feedbacks = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The labels are the core's, so they read as in each timeline. */
  for (int channel = DG_INTERACTION_CHANNEL_CALL; channel <= DG_INTERACTION_CHANNEL_OTHER; channel++)
    gtk_string_list_append (channels, dg_interaction_channel_get_label (channel));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
  adw_combo_row_set_selected (self->channel_row, DG_INTERACTION_CHANNEL_MESSAGE);

  /* Translators: the choice for a contact logged without saying how it
   * went. */
  gtk_string_list_append (feedbacks, _("No Feedback"));
  for (int feedback = DG_INTERACTION_FEEDBACK_POSITIVE; feedback <= DG_INTERACTION_FEEDBACK_NEGATIVE; feedback++)
    gtk_string_list_append (feedbacks, dg_interaction_feedback_get_label (feedback));
  adw_combo_row_set_model (self->feedback_row, G_LIST_MODEL (feedbacks));

  gtk_spin_button_set_value (self->days_spin, DEFAULT_DAYS);
}

static void
dg_bulk_dialog_set_texts (DgBulkDialog *self,
                          guint         n)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  g_autofree char *heading = NULL;
  const char *apply = NULL;
  const char *body = NULL;

  switch (self->kind)
    {
    case DG_BULK_DIALOG_ADD_TAG:
      /* Translators: the heading of a dialog; %u is how many customers
       * are selected. */
      heading = g_strdup_printf (ngettext ("Add a Tag to %u Customer",
                                           "Add a Tag to %u Customers", n), n);
      body = _("Separate several tags with commas. A tag that does not exist yet is created.");
      apply = _("_Add Tag");
      break;
    case DG_BULK_DIALOG_REMOVE_TAG:
      /* Translators: the heading of a dialog; %u is how many customers
       * are selected. */
      heading = g_strdup_printf (ngettext ("Remove a Tag from %u Customer",
                                           "Remove a Tag from %u Customers", n), n);
      body = _("The tag stays for other customers.");
      apply = _("_Remove Tag");
      break;
    case DG_BULK_DIALOG_LOG_CONTACT:
      /* Translators: the heading of a dialog; %u is how many customers
       * are selected. */
      heading = g_strdup_printf (ngettext ("Log a Contact with %u Customer",
                                           "Log a Contact with %u Customers", n), n);
      body = _("The same contact goes into each customer’s history, as happening now.");
      apply = _("_Log Contact");
      break;
    case DG_BULK_DIALOG_ADD_FOLLOWUP:
      /* Translators: the heading of a dialog; %u is how many customers
       * are selected. */
      heading = g_strdup_printf (ngettext ("Add a Follow-up for %u Customer",
                                           "Add a Follow-up for Each of %u Customers", n), n);
      body = _("Each customer gets a follow-up of their own, due on the same day.");
      apply = _("_Add Follow-ups");
      break;
    default:
      g_assert_not_reached ();
    }

  adw_message_dialog_set_heading (dialog, heading);
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "apply", apply,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "apply");
  adw_message_dialog_set_close_response (dialog, "cancel");
}

DgBulkDialog *
dg_bulk_dialog_new (GtkWindow        *parent,
                    DgBulkDialogKind  kind,
                    guint             n_customers)
{
  DgBulkDialog *self;
  gboolean tag;

  self = g_object_new (DG_TYPE_BULK_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->kind = kind;

  tag = kind == DG_BULK_DIALOG_ADD_TAG || kind == DG_BULK_DIALOG_REMOVE_TAG;
  gtk_widget_set_visible (GTK_WIDGET (self->tag_row), tag);
  gtk_widget_set_visible (GTK_WIDGET (self->channel_row), kind == DG_BULK_DIALOG_LOG_CONTACT);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_row), kind == DG_BULK_DIALOG_LOG_CONTACT);
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_row), kind == DG_BULK_DIALOG_LOG_CONTACT);
  gtk_widget_set_visible (GTK_WIDGET (self->title_row), kind == DG_BULK_DIALOG_ADD_FOLLOWUP);
  gtk_widget_set_visible (GTK_WIDGET (self->days_row), kind == DG_BULK_DIALOG_ADD_FOLLOWUP);

  dg_bulk_dialog_set_texts (self, n_customers);
  dg_bulk_dialog_update_response (self);

  return self;
}

DgBulkDialogKind
dg_bulk_dialog_get_kind (DgBulkDialog *self)
{
  g_return_val_if_fail (DG_IS_BULK_DIALOG (self), DG_BULK_DIALOG_ADD_TAG);

  return self->kind;
}

char *
dg_bulk_dialog_dup_tag (DgBulkDialog *self)
{
  g_return_val_if_fail (DG_IS_BULK_DIALOG (self), NULL);

  return dg_field_row_dup_trimmed_text (self->tag_row);
}

DgInteraction *
dg_bulk_dialog_build_contact (DgBulkDialog *self,
                              GDateTime    *now)
{
  g_autofree char *summary = NULL;
  DgInteraction *contact;

  g_return_val_if_fail (DG_IS_BULK_DIALOG (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  summary = dg_field_row_dup_trimmed_text (self->summary_row);

  contact = dg_interaction_new ();
  dg_interaction_set_occurred_at (contact, now);
  dg_interaction_set_channel (contact, adw_combo_row_get_selected (self->channel_row));
  dg_interaction_set_summary (contact, summary);
  dg_interaction_set_feedback (contact, adw_combo_row_get_selected (self->feedback_row));

  return contact;
}

DgFollowup *
dg_bulk_dialog_build_followup (DgBulkDialog *self,
                               DgClock      *clock)
{
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  DgFollowup *followup;

  g_return_val_if_fail (DG_IS_BULK_DIALOG (self), NULL);
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);

  title = dg_field_row_dup_trimmed_text (self->title_row);
  date = dg_customers_bulk_date_in_days (clock, gtk_spin_button_get_value_as_int (self->days_spin));

  followup = dg_followup_new ();
  dg_followup_set_title (followup, title);
  dg_followup_set_due_date (followup, date);

  return followup;
}

void
dg_bulk_dialog_set_days (DgBulkDialog *self,
                         guint         days)
{
  g_return_if_fail (DG_IS_BULK_DIALOG (self));

  gtk_spin_button_set_value (self->days_spin, days);
}
