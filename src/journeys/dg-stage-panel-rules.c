/* dg-stage-panel-rules.c
 *
 * The Action section's rules: each a row saying what follow-up it adds
 * and when, with Edit and Remove (with Undo); Add Rule and Edit open the
 * same small dialog.
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-stage-panel-private.h"
#include "dg-toast.h"

/* The choices of the dialog's When drop-down, in its order. */
enum {
  WHEN_AFTER_ENTERING,
  WHEN_BEFORE_COHORT,
  WHEN_AFTER_COHORT,
};

#define RULE_KEY "dg-stage-rule"

static char *
describe_when (const DgStageRule *rule)
{
  g_autofree char *when = NULL;
  int days = ABS (rule->offset_days);

  if (rule->anchor == DG_RULE_ANCHOR_STAGE_ENTERED)
    when = days == 0 ? g_strdup (_("The day the customer enters the stage"))
                     /* Translators: when a stage rule's follow-up is due. */
                     : g_strdup_printf (ngettext ("%d day after entering the stage",
                                                  "%d days after entering the stage", days), days);
  else if (rule->offset_days == 0)
    when = g_strdup (_("On the cohort’s date"));
  else if (rule->offset_days < 0)
    /* Translators: when a stage rule's follow-up is due. */
    when = g_strdup_printf (ngettext ("%d day before the cohort’s date",
                                      "%d days before the cohort’s date", days), days);
  else
    /* Translators: when a stage rule's follow-up is due. */
    when = g_strdup_printf (ngettext ("%d day after the cohort’s date",
                                      "%d days after the cohort’s date", days), days);

  if (rule->time_of_day == NULL)
    return g_steal_pointer (&when);

  /* Translators: %1$s says which day (“2 days before the cohort’s
   * date”), %2$s the time (“10:00”). */
  return g_strdup_printf (_("%1$s, at %2$s"), when, rule->time_of_day);
}

static GtkWidget *
new_row (DgStageRule *rule)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *when = describe_when (rule);
  g_autofree char *escaped = g_markup_escape_text (rule->title, -1);
  g_autofree char *subtitle = NULL;

  if (rule->note[0] != '\0')
    subtitle = g_markup_printf_escaped ("%s\n%s", when, rule->note);
  else
    subtitle = g_markup_escape_text (when, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_tooltip_text (edit, _("Edit Rule"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "panel.edit-rule");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "x", rule->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Rule"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "panel.remove-rule");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", rule->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  g_object_set_data_full (G_OBJECT (row), RULE_KEY, dg_stage_rule_copy (rule), (GDestroyNotify) dg_stage_rule_free);

  return row;
}

void
_dg_stage_panel_fill_rules (DgStagePanel *self)
{
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rules_list))) != NULL)
    gtk_list_box_remove (self->rules_list, child);

  rules = dg_stage_rules_list (dg_context_get_database (self->context), self->stage_id, &error);
  if (rules == NULL)
    {
      g_warning ("Could not read the rules of stage %" G_GINT64_FORMAT ": %s", self->stage_id, error->message);
      return;
    }

  if (rules->len == 0)
    {
      GtkWidget *empty = gtk_label_new (_("No rules: customers entering this stage get no follow-ups from it."));

      gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
      gtk_widget_set_margin_top (empty, 12);
      gtk_widget_set_margin_bottom (empty, 12);
      gtk_widget_set_margin_start (empty, 12);
      gtk_widget_set_margin_end (empty, 12);
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_list_box_append (self->rules_list, empty);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (empty)), FALSE);
      return;
    }

  for (guint i = 0; i < rules->len; i++)
    gtk_list_box_append (self->rules_list, new_row (g_ptr_array_index (rules, i)));
}

static DgStageRule *
find_rule (DgStagePanel *self,
           gint64        id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->rules_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      DgStageRule *rule = g_object_get_data (G_OBJECT (row), RULE_KEY);

      if (rule != NULL && rule->id == id)
        return rule;
    }

  return NULL;
}

static GtkWidget *
get_field (AdwMessageDialog *dialog,
           const char       *name)
{
  return g_object_get_data (G_OBJECT (dialog), name);
}

static void
on_rule_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     DgStagePanel     *self)
{
  DgStageRule *shown = g_object_get_data (G_OBJECT (dialog), RULE_KEY);
  g_autoptr(DgStageRule) rule = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *time = NULL;
  DgDatabase *db;
  guint when;
  int days;
  gboolean ok;

  if (g_strcmp0 (response, "save") != 0 || self->context == NULL || self->stage_id == 0)
    return;

  db = dg_context_get_database (self->context);
  rule = shown != NULL ? dg_stage_rule_copy (shown) : dg_stage_rule_new (self->stage_id, "", 0, 0);
  g_free (rule->title);
  rule->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (get_field (dialog, "rule-title"))));
  g_free (rule->note);
  rule->note = g_strdup (gtk_editable_get_text (GTK_EDITABLE (get_field (dialog, "rule-note"))));
  days = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (get_field (dialog, "rule-days")));
  when = gtk_drop_down_get_selected (GTK_DROP_DOWN (get_field (dialog, "rule-when")));
  rule->anchor = when == WHEN_AFTER_ENTERING ? DG_RULE_ANCHOR_STAGE_ENTERED : DG_RULE_ANCHOR_COHORT_DATE;
  rule->offset_days = when == WHEN_BEFORE_COHORT ? -days : days;
  time = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (get_field (dialog, "rule-time")))));
  g_free (rule->time_of_day);
  rule->time_of_day = time[0] != '\0' ? g_steal_pointer (&time) : NULL;

  if (shown != NULL)
    ok = dg_stage_rules_update (db, rule, &error);
  else
    ok = dg_stage_rules_insert (db, rule, &error);
  if (!ok)
    dg_toast_show_error (_dg_stage_panel_toast_widget (self), error);
}

static void
on_title_changed_cb (GtkEditable      *entry,
                     AdwMessageDialog *dialog)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "save", title[0] != '\0');
}

static GtkWidget *
add_labelled (GtkGrid    *grid,
              int         row,
              const char *label_text,
              GtkWidget  *field)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_widget_set_hexpand (field, TRUE);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, field, 1, row, 1, 1);

  return field;
}

/* The dialog that adds a rule (@rule NULL) or edits @rule. */
static void
present_rule_dialog (DgStagePanel *self,
                     DgStageRule  *rule)
{
  static const char * const whens[] = {
    /* Translators: in the stage rule dialog, after a number (“2 days after…”). */
    N_("days after entering the stage"),
    N_("days before the cohort’s date"),
    N_("days after the cohort’s date"),
    NULL
  };
  g_autoptr(GPtrArray) when_names = g_ptr_array_new ();
  GtkWidget *dialog;
  GtkWidget *grid;
  GtkWidget *title;
  GtkWidget *note;
  GtkWidget *days;
  GtkWidget *when;
  GtkWidget *time;
  GtkWidget *when_box;

  for (guint i = 0; whens[i] != NULL; i++)
    g_ptr_array_add (when_names, (gpointer) _(whens[i]));
  g_ptr_array_add (when_names, NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), rule != NULL ? _("Edit Rule") : _("New Rule"),
                                   _("Each customer who enters this stage from now on gets this follow-up."));
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);

  title = add_labelled (GTK_GRID (grid), 0, _("_Follow-up"), gtk_entry_new ());
  gtk_widget_set_name (title, "rule-title");
  gtk_entry_set_placeholder_text (GTK_ENTRY (title), _("Send the guidance text"));
  note = add_labelled (GTK_GRID (grid), 1, _("_Note"), gtk_entry_new ());
  gtk_widget_set_name (note, "rule-note");
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Optional"));

  when_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  days = gtk_spin_button_new_with_range (0, 3650, 1);
  gtk_widget_set_name (days, "rule-days");
  gtk_accessible_update_property (GTK_ACCESSIBLE (days), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Days"), -1);
  gtk_box_append (GTK_BOX (when_box), days);
  when = gtk_drop_down_new_from_strings ((const char * const *) when_names->pdata);
  gtk_widget_set_name (when, "rule-when");
  gtk_widget_set_hexpand (when, TRUE);
  gtk_box_append (GTK_BOX (when_box), when);
  add_labelled (GTK_GRID (grid), 2, _("_When"), when_box);

  time = add_labelled (GTK_GRID (grid), 3, _("_Time"), gtk_entry_new ());
  gtk_widget_set_name (time, "rule-time");
  gtk_entry_set_placeholder_text (GTK_ENTRY (time), _("HH:MM, or empty for all day"));

  g_object_set_data (G_OBJECT (dialog), "rule-title", title);
  g_object_set_data (G_OBJECT (dialog), "rule-note", note);
  g_object_set_data (G_OBJECT (dialog), "rule-days", days);
  g_object_set_data (G_OBJECT (dialog), "rule-when", when);
  g_object_set_data (G_OBJECT (dialog), "rule-time", time);

  if (rule != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (title), rule->title);
      gtk_editable_set_text (GTK_EDITABLE (note), rule->note);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (days), ABS (rule->offset_days));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (when),
                                  rule->anchor == DG_RULE_ANCHOR_STAGE_ENTERED ? WHEN_AFTER_ENTERING
                                  : rule->offset_days < 0 ? WHEN_BEFORE_COHORT : WHEN_AFTER_COHORT);
      gtk_editable_set_text (GTK_EDITABLE (time), rule->time_of_day != NULL ? rule->time_of_day : "");
      g_object_set_data_full (G_OBJECT (dialog), RULE_KEY, dg_stage_rule_copy (rule),
                              (GDestroyNotify) dg_stage_rule_free);
    }

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    "save", _("Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  on_title_changed_cb (GTK_EDITABLE (title), ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_object (title, "changed", G_CALLBACK (on_title_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rule_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (title);
}

static void
add_rule_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  present_rule_dialog (DG_STAGE_PANEL (widget), NULL);
}

static void
edit_rule_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DgStagePanel *self = DG_STAGE_PANEL (widget);
  DgStageRule *rule = find_rule (self, g_variant_get_int64 (parameter));

  if (rule != NULL)
    present_rule_dialog (self, rule);
}

typedef struct
{
  DgDatabase  *db;
  DgStageRule *rule;
} RemovedRule;

static void
removed_rule_free (gpointer data)
{
  RemovedRule *removed = data;

  g_object_unref (removed->db);
  dg_stage_rule_free (removed->rule);
  g_free (removed);
}

/* Undo stores the rule again, last among the stage's rules; the
 * follow-ups it had created stay as they were. */
static void
undo_remove_cb (gpointer user_data)
{
  RemovedRule *removed = user_data;
  g_autoptr(GError) error = NULL;

  removed->rule->id = 0;
  g_clear_pointer (&removed->rule->uuid, g_free);
  if (!dg_stage_rules_insert (removed->db, removed->rule, &error))
    g_warning ("Could not bring the rule back: %s", error->message);
}

static void
remove_rule_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DgStagePanel *self = DG_STAGE_PANEL (widget);
  DgStageRule *shown = find_rule (self, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  RemovedRule *removed;

  if (shown == NULL)
    return;

  removed = g_new0 (RemovedRule, 1);
  removed->db = g_object_ref (dg_context_get_database (self->context));
  removed->rule = dg_stage_rule_copy (shown);
  if (!dg_stage_rules_delete (removed->db, removed->rule->id, &error))
    {
      removed_rule_free (removed);
      dg_toast_show_error (_dg_stage_panel_toast_widget (self), error);
      return;
    }

  /* Translators: a toast; %s is the rule's follow-up title. */
  title = g_markup_printf_escaped (_("Removed the rule “%s”"), removed->rule->title);
  dg_toast_show_undo (_dg_stage_panel_toast_widget (self), title, undo_remove_cb, removed, removed_rule_free);
}

void
_dg_stage_panel_class_rules_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "panel.add-rule", NULL, add_rule_action);
  gtk_widget_class_install_action (widget_class, "panel.edit-rule", "x", edit_rule_action);
  gtk_widget_class_install_action (widget_class, "panel.remove-rule", "x", remove_rule_action);
}
