/* dg-cohorts-dialog.c
 *
 * The cohorts of a journey in two boxed lists: those in use, by date,
 * and the archived ones. A cohort is archived rather than deleted so that
 * its customers keep the group they walked with; the board's filter just
 * stops offering it. The lists are rebuilt from the database when the
 * cohorts change, once the main loop is idle.
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-cohorts-dialog.h"
#include "dg-date-button.h"
#include "dg-field-row.h"

struct _DgCohortsDialog
{
  AdwWindow             parent_instance;

  DgContext            *context;
  gint64                journey_id;
  /* DgCohort *, archived ones included. */
  GPtrArray            *cohorts;
  /* AdwActionRow *, owned by their group. */
  GPtrArray            *active_rows;
  GPtrArray            *archived_rows;
  guint                 rebuild_source;

  AdwToastOverlay      *overlay;
  AdwPreferencesGroup  *active_group;
  AdwPreferencesGroup  *archived_group;
};

G_DEFINE_FINAL_TYPE (DgCohortsDialog, dg_cohorts_dialog, ADW_TYPE_WINDOW)

#define COHORT_ID_KEY "dg-cohort-id"
#define NAME_ROW_KEY "dg-cohort-name-row"
#define DATE_ROW_KEY "dg-cohort-date-row"
#define DATE_BUTTON_KEY "dg-cohort-date-button"

static DgDatabase *
get_db (DgCohortsDialog *self)
{
  return dg_context_get_database (self->context);
}

static GtkWidget *
new_row_button (const char *icon_name,
                const char *tooltip,
                const char *action_name,
                gint64      id)
{
  GtkWidget *button;

  /* Archiving has no icon that says it: it is worded. */
  if (icon_name != NULL)
    {
      button = gtk_button_new_from_icon_name (icon_name);
      gtk_widget_set_tooltip_text (button, tooltip);
    }
  else
    button = gtk_button_new_with_label (tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));

  return button;
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static char *
describe_date (const char *date)
{
  if (date == NULL || date[0] == '\0')
    return g_strdup (_("No date"));

  return g_strdup (date);
}

static void
rebuild (DgCohortsDialog *self)
{
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(GError) error = NULL;

  cohorts = dg_cohorts_list (get_db (self), self->journey_id, TRUE, &error);
  if (cohorts == NULL)
    {
      g_warning ("Could not read the cohorts: %s", error->message);
      return;
    }

  clear_rows (self->active_group, self->active_rows);
  clear_rows (self->archived_group, self->archived_rows);

  for (guint i = 0; i < cohorts->len; i++)
    {
      DgCohort *cohort = g_ptr_array_index (cohorts, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *date = describe_date (cohort->date);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cohort->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_row_button ("document-edit-symbolic", _("Edit"), "cohorts.edit", cohort->id));
      if (cohort->archived)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     new_row_button (NULL, _("Restore"), "cohorts.restore",
                                                     cohort->id));
          adw_preferences_group_add (self->archived_group, row);
          g_ptr_array_add (self->archived_rows, row);
        }
      else
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     new_row_button (NULL, _("Archive"), "cohorts.archive",
                                                     cohort->id));
          adw_preferences_group_add (self->active_group, row);
          g_ptr_array_add (self->active_rows, row);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->archived_group), self->archived_rows->len > 0);

  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  self->cohorts = g_steal_pointer (&cohorts);
}

static gboolean
rebuild_cb (gpointer user_data)
{
  DgCohortsDialog *self = user_data;

  self->rebuild_source = 0;
  rebuild (self);

  return G_SOURCE_REMOVE;
}

static void
on_cohorts_changed_cb (DgDatabase      *db,
                       const char      *table,
                       DgCohortsDialog *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add (rebuild_cb, self);
}

static DgCohort *
find_cohort (DgCohortsDialog *self,
             gint64           id)
{
  for (guint i = 0; self->cohorts != NULL && i < self->cohorts->len; i++)
    {
      DgCohort *cohort = g_ptr_array_index (self->cohorts, i);

      if (cohort->id == id)
        return cohort;
    }

  return NULL;
}

static void
show_error (DgCohortsDialog *self,
            const GError    *error)
{
  g_warning ("%s", error->message);
  adw_toast_overlay_add_toast (self->overlay, adw_toast_new (error->message));
}

/* Reads the form of @dialog into @cohort: FALSE, with the problem shown
 * in its field, when the date is not one. */
static gboolean
read_form (DgCohortsDialog  *self,
           AdwMessageDialog *dialog,
           DgCohort         *cohort)
{
  DgFieldRow *name_row = g_object_get_data (G_OBJECT (dialog), NAME_ROW_KEY);
  DgFieldRow *date_row = g_object_get_data (G_OBJECT (dialog), DATE_ROW_KEY);
  DgDateButton *button = g_object_get_data (G_OBJECT (dialog), DATE_BUTTON_KEY);
  g_autofree char *name = dg_field_row_dup_trimmed_text (name_row);
  g_autofree char *date_text = dg_field_row_dup_trimmed_text (date_row);

  g_free (cohort->name);
  cohort->name = g_steal_pointer (&name);
  g_clear_pointer (&cohort->date, g_free);
  if (date_text[0] != '\0')
    {
      g_autoptr(GError) error = NULL;
      GDate today, date;

      dg_date_button_get_today (button, &today);
      if (dg_date_parse (date_text, &today, &date, &error) != DG_DATE_PARSE_OK)
        {
          show_error (self, error);
          return FALSE;
        }
      cohort->date = dg_date_format_iso (&date);
    }

  return TRUE;
}

static void
on_form_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     DgCohortsDialog  *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), COHORT_ID_KEY));
  g_autoptr(DgCohort) cohort = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_strcmp0 (response, "save") != 0)
    return;

  if (id != 0)
    {
      DgCohort *found = find_cohort (self, id);

      if (found == NULL)
        return;
      cohort = dg_cohort_copy (found);
    }
  else
    cohort = dg_cohort_new (self->journey_id, NULL, NULL);

  if (!read_form (self, dialog, cohort))
    return;

  ok = id != 0 ? dg_cohorts_update (get_db (self), cohort, &error)
               : dg_cohorts_insert (get_db (self), cohort, &error);
  if (!ok)
    show_error (self, error);
}

/* Save is offered while the name is not blank and the date is empty or
 * a day; a date that is not one says why in its field. */
static void
on_form_changed_cb (GtkEditable      *row,
                    AdwMessageDialog *dialog)
{
  DgFieldRow *name_row = g_object_get_data (G_OBJECT (dialog), NAME_ROW_KEY);
  DgFieldRow *date_row = g_object_get_data (G_OBJECT (dialog), DATE_ROW_KEY);
  DgDateButton *button = g_object_get_data (G_OBJECT (dialog), DATE_BUTTON_KEY);
  g_autofree char *name = dg_field_row_dup_trimmed_text (name_row);
  g_autofree char *date_text = dg_field_row_dup_trimmed_text (date_row);
  g_autoptr(GError) error = NULL;

  if (date_text[0] != '\0')
    {
      GDate today, date;

      dg_date_button_get_today (button, &today);
      dg_date_parse (date_text, &today, &date, &error);
    }
  dg_field_row_show_gerror (date_row, error);
  adw_message_dialog_set_response_enabled (dialog, "save", name[0] != '\0' && error == NULL);
}

/* Asks for the name and date of cohort @cohort, or of a new one. */
static void
present_form (DgCohortsDialog *self,
              const DgCohort  *cohort)
{
  GtkWidget *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *name_row = dg_field_row_new ();
  GtkWidget *date_row = dg_field_row_new ();
  GtkWidget *hint;
  GtkWidget *button = dg_date_button_new ();

  dialog = adw_message_dialog_new (GTK_WINDOW (self), cohort != NULL ? _("Edit Cohort") : _("New Cohort"),
                                   _("A cohort is a group that walks the journey together, such as "
                                     "the people of one lecture date."));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Name"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (date_row), _("Date"));
  hint = gtk_label_new (_("YYYY-MM-DD"));
  gtk_widget_add_css_class (hint, "dim-label");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (date_row), hint);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (date_row), button);
  dg_date_button_set_clock (DG_DATE_BUTTON (button), dg_context_get_clock (self->context));
  dg_date_button_bind (DG_DATE_BUTTON (button), DG_FIELD_ROW (date_row), DG_DATE_BUTTON_DATE, hint);
  gtk_list_box_append (GTK_LIST_BOX (list), name_row);
  gtk_list_box_append (GTK_LIST_BOX (list), date_row);
  if (cohort != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (name_row), cohort->name);
      gtk_editable_set_text (GTK_EDITABLE (date_row), cohort->date != NULL ? cohort->date : "");
      g_object_set_data (G_OBJECT (dialog), COHORT_ID_KEY, GSIZE_TO_POINTER ((gsize) cohort->id));
    }
  g_object_set_data (G_OBJECT (dialog), NAME_ROW_KEY, name_row);
  g_object_set_data (G_OBJECT (dialog), DATE_ROW_KEY, date_row);
  g_object_set_data (G_OBJECT (dialog), DATE_BUTTON_KEY, button);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    "save", cohort != NULL ? _("Save") : _("Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  on_form_changed_cb (GTK_EDITABLE (name_row), ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_object (name_row, "changed", G_CALLBACK (on_form_changed_cb), dialog, 0);
  g_signal_connect_object (date_row, "changed", G_CALLBACK (on_form_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_form_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name_row);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  present_form (DG_COHORTS_DIALOG (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DgCohortsDialog *self = DG_COHORTS_DIALOG (widget);
  DgCohort *cohort = find_cohort (self, g_variant_get_int64 (parameter));

  if (cohort != NULL)
    present_form (self, cohort);
}

static void
set_archived (DgCohortsDialog *self,
              gint64           id,
              gboolean         archived)
{
  DgCohort *found = find_cohort (self, id);
  g_autoptr(DgCohort) cohort = NULL;
  g_autoptr(GError) error = NULL;

  if (found == NULL)
    return;

  cohort = dg_cohort_copy (found);
  cohort->archived = archived;
  if (!dg_cohorts_update (get_db (self), cohort, &error))
    show_error (self, error);
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  set_archived (DG_COHORTS_DIALOG (widget), g_variant_get_int64 (parameter), TRUE);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  set_archived (DG_COHORTS_DIALOG (widget), g_variant_get_int64 (parameter), FALSE);
}

static void
dg_cohorts_dialog_dispose (GObject *object)
{
  DgCohortsDialog *self = DG_COHORTS_DIALOG (object);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (dg_cohorts_dialog_parent_class)->dispose (object);
}

static void
dg_cohorts_dialog_finalize (GObject *object)
{
  DgCohortsDialog *self = DG_COHORTS_DIALOG (object);

  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  g_clear_pointer (&self->active_rows, g_ptr_array_unref);
  g_clear_pointer (&self->archived_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (dg_cohorts_dialog_parent_class)->finalize (object);
}

static void
dg_cohorts_dialog_class_init (DgCohortsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_cohorts_dialog_dispose;
  object_class->finalize = dg_cohorts_dialog_finalize;

  gtk_widget_class_install_action (widget_class, "cohorts.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "cohorts.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "cohorts.archive", "x", archive_action);
  gtk_widget_class_install_action (widget_class, "cohorts.restore", "x", restore_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dg_cohorts_dialog_init (DgCohortsDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *add = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  self->active_rows = g_ptr_array_new ();
  self->archived_rows = g_ptr_array_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Cohorts"));
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 520);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->active_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_description (self->active_group,
                                         _("The board can show the customers of one cohort at a time."));
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add Cohort…"));
  gtk_button_set_child (GTK_BUTTON (add), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "cohorts.add");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "flat");
  adw_preferences_group_set_header_suffix (self->active_group, add);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->active_group);

  self->archived_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->archived_group, _("Archived"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->archived_group);
  gtk_widget_set_vexpand (page, TRUE);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), page);
  self->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->overlay, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->overlay));
}

GtkWidget *
dg_cohorts_dialog_new (GtkWindow *parent,
                       DgContext *context,
                       gint64     journey_id)
{
  g_autoptr(DgJourney) journey = NULL;
  DgCohortsDialog *self;

  g_return_val_if_fail (DG_IS_CONTEXT (context), NULL);

  self = g_object_new (DG_TYPE_COHORTS_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->journey_id = journey_id;
  journey = dg_journeys_get (dg_context_get_database (context), journey_id, NULL);
  if (journey != NULL)
    adw_preferences_group_set_title (self->active_group, journey->name);
  g_signal_connect_object (dg_context_get_database (context), "changed::" DG_TABLE_COHORTS,
                           G_CALLBACK (on_cohorts_changed_cb), self, 0);
  rebuild (self);

  return GTK_WIDGET (self);
}

guint
dg_cohorts_dialog_get_n_rows (DgCohortsDialog *self,
                              gboolean         archived)
{
  g_return_val_if_fail (DG_IS_COHORTS_DIALOG (self), 0);

  return archived ? self->archived_rows->len : self->active_rows->len;
}
