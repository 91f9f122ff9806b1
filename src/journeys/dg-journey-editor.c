/* dg-journey-editor.c
 *
 * The journey menu of the Journeys page and what its items do. Deleting a
 * journey takes its snapshot first (stages, rules, cohorts, enrollments
 * and their history), so that the toast's Undo brings all of it back.
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-cohorts-dialog.h"
#include "dg-journey-editor.h"
#include "dg-stages-dialog.h"
#include "dg-toast.h"

#define NAME_DATA_KEY "dg-name-dialog"

typedef struct
{
  GWeakRef   owner;
  DgNameFunc func;
  gpointer   user_data;
} NameData;

static void
name_data_free (gpointer data)
{
  NameData *name = data;

  g_weak_ref_clear (&name->owner);
  g_free (name);
}

static char *
dup_trimmed (GtkEditable *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (entry)));
}

static void
on_name_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          unused)
{
  NameData *data = g_object_get_data (G_OBJECT (dialog), NAME_DATA_KEY);
  g_autoptr(GObject) owner = g_weak_ref_get (&data->owner);
  g_autofree char *name = dup_trimmed (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)));

  if (g_strcmp0 (response, "save") != 0 || owner == NULL || name[0] == '\0')
    return;

  data->func (name, data->user_data);
}

static void
on_name_changed_cb (GtkEditable      *entry,
                    AdwMessageDialog *dialog)
{
  g_autofree char *name = dup_trimmed (entry);

  adw_message_dialog_set_response_enabled (dialog, "save", name[0] != '\0');
}

static void
on_name_activate_cb (GtkEntry         *entry,
                     AdwMessageDialog *dialog)
{
  if (!adw_message_dialog_get_response_enabled (dialog, "save"))
    return;

  adw_message_dialog_response (dialog, "save");
  gtk_window_close (GTK_WINDOW (dialog));
}

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

GtkWidget *
dg_journey_editor_ask_name (GtkWidget  *widget,
                            GObject    *owner,
                            const char *heading,
                            const char *body,
                            const char *text,
                            const char *accept_label,
                            DgNameFunc  func,
                            gpointer    user_data)
{
  GtkWidget *dialog = adw_message_dialog_new (window_of (widget), heading, body);
  GtkWidget *entry = gtk_entry_new ();
  NameData *data = g_new0 (NameData, 1);

  g_weak_ref_init (&data->owner, owner);
  data->func = func;
  data->user_data = user_data;
  g_object_set_data_full (G_OBJECT (dialog), NAME_DATA_KEY, data, name_data_free);

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    "save", accept_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  on_name_changed_cb (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_name_changed_cb), dialog, 0);
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_name_activate_cb), dialog, 0);
  g_signal_connect (dialog, "response", G_CALLBACK (on_name_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);

  return dialog;
}

static DgJourney *
current_journey (DgJourneysView *self)
{
  for (guint i = 0; self->journeys != NULL && i < self->journeys->len; i++)
    {
      DgJourney *journey = g_ptr_array_index (self->journeys, i);

      if (journey->id == self->journey_id)
        return journey;
    }

  return NULL;
}

/* The board follows journey @id when it reads the change. */
static void
follow_journey (DgJourneysView *self,
                gint64          id)
{
  self->journey_id = id;
  self->cohort_id = 0;
}

static void
rename_cb (const char *name,
           gpointer    user_data)
{
  DgJourneysView *self = user_data;
  DgJourney *current = current_journey (self);
  g_autoptr(DgJourney) journey = NULL;
  g_autoptr(GError) error = NULL;

  if (current == NULL)
    return;

  journey = dg_journey_copy (current);
  g_free (journey->name);
  journey->name = g_strdup (name);
  if (!dg_journeys_update (dg_context_get_database (self->context), journey, &error))
    dg_toast_show_error (GTK_WIDGET (self), error);
}

static void
rename_journey_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DgJourneysView *self = DG_JOURNEYS_VIEW (widget);
  DgJourney *journey = current_journey (self);

  if (journey == NULL)
    return;

  dg_journey_editor_ask_name (widget, G_OBJECT (self), _("Rename Journey"), NULL, journey->name,
                              _("Rename"), rename_cb, self);
}

static void
on_duplicate_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          DgJourneysView   *self)
{
  gboolean with_customers = g_strcmp0 (response, "with") == 0;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if ((!with_customers && g_strcmp0 (response, "without") != 0) || self->context == NULL ||
      self->journey_id == 0)
    return;

  if (!dg_journeys_duplicate (dg_context_get_database (self->context), dg_context_get_clock (self->context),
                              self->journey_id, with_customers, &id, &error))
    {
      dg_toast_show_error (GTK_WIDGET (self), error);
      return;
    }
  follow_journey (self, id);
}

static void
duplicate_journey_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  DgJourneysView *self = DG_JOURNEYS_VIEW (widget);
  DgJourney *journey = current_journey (self);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (journey == NULL)
    return;

  /* Translators: the heading of the dialog that copies a journey; %s is
   * its name. */
  heading = g_strdup_printf (_("Duplicate “%s”?"), journey->name);
  dialog = adw_message_dialog_new (window_of (widget), heading,
                                   _("The copy has the same stages, playbook, rules and cohorts. "
                                     "It can also hold the customers who are in this journey now, "
                                     "each in the same stage; their history stays here."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    "without", _("Without Customers"),
                                    "with", _("With Customers"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "without", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "without");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_duplicate_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  GWeakRef            view;
  DgDatabase         *db;
  DgCustomerSnapshot *snapshot;
  gint64              journey_id;
} DeleteUndo;

static void
delete_undo_free (gpointer data)
{
  DeleteUndo *undo = data;

  g_weak_ref_clear (&undo->view);
  g_clear_object (&undo->db);
  g_clear_pointer (&undo->snapshot, dg_customer_snapshot_free);
  g_free (undo);
}

static void
delete_undo_cb (gpointer user_data)
{
  DeleteUndo *undo = user_data;
  g_autoptr(DgJourneysView) self = g_weak_ref_get (&undo->view);
  g_autoptr(GError) error = NULL;

  if (!dg_customer_snapshot_restore (undo->db, undo->snapshot, &error))
    {
      if (self != NULL)
        dg_toast_show_error (GTK_WIDGET (self), error);
      return;
    }
  if (self != NULL)
    follow_journey (self, undo->journey_id);
}

static void
delete_journey_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DgJourneysView *self = DG_JOURNEYS_VIEW (widget);
  DgDatabase *db = dg_context_get_database (self->context);
  DgJourney *journey = current_journey (self);
  g_autoptr(DgCustomerSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  DeleteUndo *undo;
  gint64 id;

  if (journey == NULL)
    return;

  id = journey->id;
  snapshot = dg_journeys_take_snapshot (db, id, &error);
  if (snapshot == NULL)
    {
      dg_toast_show_error (widget, error);
      return;
    }
  /* Translators: a toast; %s is the journey's name. */
  title = g_markup_printf_escaped (_("Deleted the journey “%s”"), journey->name);
  if (!dg_journeys_delete (db, id, &error))
    {
      dg_toast_show_error (widget, error);
      return;
    }

  undo = g_new0 (DeleteUndo, 1);
  g_weak_ref_init (&undo->view, self);
  undo->db = g_object_ref (db);
  undo->snapshot = g_steal_pointer (&snapshot);
  undo->journey_id = id;
  /* A journey holds the history of every customer in it: its Undo stays
   * until the user leaves the page. */
  dg_toast_show_undo_until_left (widget, title, delete_undo_cb, undo, delete_undo_free);
}

static void
use_template_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DgJourneysView *self = DG_JOURNEYS_VIEW (widget);
  const char *wanted = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;

  templates = dg_journey_templates_list (NULL, NULL, &error);
  if (templates == NULL)
    {
      dg_toast_show_error (widget, error);
      return;
    }

  for (guint i = 0; i < templates->len; i++)
    {
      DgJourneyTemplate *tmpl = g_ptr_array_index (templates, i);
      gint64 id = 0;

      if (g_strcmp0 (tmpl->id, wanted) != 0)
        continue;

      if (!dg_journey_template_create_journey (dg_context_get_database (self->context), tmpl, &id, &error))
        dg_toast_show_error (widget, error);
      else
        follow_journey (self, id);
      return;
    }
}

static void
edit_stages_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DgJourneysView *self = DG_JOURNEYS_VIEW (widget);

  if (self->journey_id == 0)
    return;

  gtk_window_present (GTK_WINDOW (dg_stages_dialog_new (window_of (widget), self->context, self->journey_id)));
}

static void
edit_cohorts_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DgJourneysView *self = DG_JOURNEYS_VIEW (widget);

  if (self->journey_id == 0)
    return;

  gtk_window_present (GTK_WINDOW (dg_cohorts_dialog_new (window_of (widget), self->context, self->journey_id)));
}

static GMenuModel *
build_journey_menu (void)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) structure = g_menu_new ();
  g_autoptr(GMenu) create = g_menu_new ();
  g_autoptr(GMenu) templates_menu = g_menu_new ();
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;

  g_menu_append (edit, _("Rename…"), "journeys.rename-journey");
  g_menu_append (edit, _("Duplicate…"), "journeys.duplicate-journey");
  g_menu_append (edit, _("Delete"), "journeys.delete-journey");
  g_menu_append (structure, _("Edit Stages…"), "journeys.edit-stages");
  g_menu_append (structure, _("Cohorts…"), "journeys.edit-cohorts");
  g_menu_append (create, _("New Journey…"), "journeys.create-journey");

  templates = dg_journey_templates_list (NULL, NULL, &error);
  if (templates == NULL)
    g_warning ("Could not read the journey templates: %s", error->message);
  for (guint i = 0; templates != NULL && i < templates->len; i++)
    {
      DgJourneyTemplate *tmpl = g_ptr_array_index (templates, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (tmpl->name, NULL);

      g_menu_item_set_action_and_target_value (item, "journeys.use-template", g_variant_new_string (tmpl->id));
      g_menu_append_item (templates_menu, item);
    }
  if (templates != NULL && templates->len > 0)
    g_menu_append_submenu (create, _("New from Template"), G_MENU_MODEL (templates_menu));

  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (structure));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (create));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

void
_dg_journeys_view_add_journey_menu (DgJourneysView *self,
                                    GtkWidget      *sibling)
{
  g_autoptr(GMenuModel) menu = build_journey_menu ();
  GtkWidget *button = gtk_menu_button_new ();

  gtk_widget_set_name (button, "journey-menu-button");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_tooltip_text (button, _("Journey Menu"));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (sibling)), button, sibling);
}

void
_dg_journeys_view_update_editor_actions (DgJourneysView *self)
{
  gboolean has_journey = self->journey_id != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journeys.rename-journey", has_journey);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journeys.duplicate-journey", has_journey);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journeys.delete-journey", has_journey);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journeys.edit-stages", has_journey);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journeys.edit-cohorts", has_journey);
}

void
_dg_journeys_view_class_editor_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "journeys.rename-journey", NULL, rename_journey_action);
  gtk_widget_class_install_action (widget_class, "journeys.duplicate-journey", NULL, duplicate_journey_action);
  gtk_widget_class_install_action (widget_class, "journeys.delete-journey", NULL, delete_journey_action);
  gtk_widget_class_install_action (widget_class, "journeys.use-template", "s", use_template_action);
  gtk_widget_class_install_action (widget_class, "journeys.edit-stages", NULL, edit_stages_action);
  gtk_widget_class_install_action (widget_class, "journeys.edit-cohorts", NULL, edit_cohorts_action);
}
