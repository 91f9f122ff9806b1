/* dg-preferences-window.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <stdio.h>

#include "dg-backup-preferences-group.h"
#include "dg-preferences-window.h"

struct _DgPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  GtkSwitch            *background_switch;
  GtkSpinButton        *lead_spin;
  GtkSpinButton        *cold_spin;
  GtkSwitch            *birthday_followup_switch;
  GtkWidget            *birthday_days_row;
  GtkSpinButton        *birthday_days_spin;
  GtkWidget            *agenda_group;
  GtkSwitch            *agenda_switch;
  GtkWidget            *agenda_time_row;
  GtkSpinButton        *agenda_time_spin;
  DgBackupPreferencesGroup *backups_group;
};

G_DEFINE_FINAL_TYPE (DgPreferencesWindow, dg_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* What "Days Before" shows while birthday messages are off. */
#define DEFAULT_BIRTHDAY_DAYS 3

/* birthday-followup-days is -1 when off, else the days: one switch and
 * one spin button show it. */
static void
dg_preferences_window_show_birthday_days (DgPreferencesWindow *self)
{
  int days = g_settings_get_int (self->settings, "birthday-followup-days");

  if (days >= 0)
    gtk_spin_button_set_value (self->birthday_days_spin, days);
  gtk_switch_set_active (self->birthday_followup_switch, days >= 0);
  gtk_widget_set_sensitive (self->birthday_days_row, days >= 0);
}

static void
on_birthday_days_changed_cb (GSettings           *settings,
                             const char          *key,
                             DgPreferencesWindow *self)
{
  dg_preferences_window_show_birthday_days (self);
}

static void
dg_preferences_window_write_birthday_days (DgPreferencesWindow *self)
{
  int days = -1;

  if (gtk_switch_get_active (self->birthday_followup_switch))
    days = gtk_spin_button_get_value_as_int (self->birthday_days_spin);

  if (g_settings_get_int (self->settings, "birthday-followup-days") != days)
    g_settings_set_int (self->settings, "birthday-followup-days", days);
  gtk_widget_set_sensitive (self->birthday_days_row, days >= 0);
}

static void
on_birthday_followup_switch_active_cb (GtkSwitch           *birthday_switch,
                                       GParamSpec          *pspec,
                                       DgPreferencesWindow *self)
{
  dg_preferences_window_write_birthday_days (self);
}

static void
on_birthday_days_spin_value_changed_cb (GtkSpinButton       *spin,
                                        DgPreferencesWindow *self)
{
  dg_preferences_window_write_birthday_days (self);
}

static void
dg_preferences_window_constructed (GObject *object)
{
  DgPreferencesWindow *self = (DgPreferencesWindow *)object;

  G_OBJECT_CLASS (dg_preferences_window_parent_class)->constructed (object);

  g_settings_bind (self->settings, "run-in-background",
                   self->background_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reminder-lead-minutes",
                   self->lead_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "going-cold-days",
                   self->cold_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);

  gtk_spin_button_set_value (self->birthday_days_spin, DEFAULT_BIRTHDAY_DAYS);
  dg_preferences_window_show_birthday_days (self);
  g_signal_connect_object (self->settings, "changed::birthday-followup-days",
                           G_CALLBACK (on_birthday_days_changed_cb), self, 0);
  g_signal_connect_object (self->birthday_followup_switch, "notify::active",
                           G_CALLBACK (on_birthday_followup_switch_active_cb), self, 0);
  g_signal_connect_object (self->birthday_days_spin, "value-changed",
                           G_CALLBACK (on_birthday_days_spin_value_changed_cb), self, 0);
  /* The agenda comes from the reminders in the background. */
  g_settings_bind (self->settings, "morning-agenda",
                   self->agenda_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "morning-agenda-time",
                   self->agenda_time_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "run-in-background",
                   self->agenda_group, "sensitive",
                   G_SETTINGS_BIND_GET);
  g_object_bind_property (self->agenda_switch, "active",
                          self->agenda_time_row, "sensitive",
                          G_BINDING_SYNC_CREATE);
  dg_backup_preferences_group_set_settings (self->backups_group, self->settings);
}

/* The agenda's time is kept in minutes and shown as a time of day. */
static gboolean
on_agenda_time_output_cb (GtkSpinButton       *spin,
                          DgPreferencesWindow *self)
{
  int minutes = (int) gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  char text[8];

  g_snprintf (text, sizeof text, "%02d:%02d", minutes / 60, minutes % 60);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static int
on_agenda_time_input_cb (GtkSpinButton       *spin,
                         double              *new_value,
                         DgPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  int hours = 0, minutes = 0;

  /* "8:30", "08:30" and "8" are all half past eight or eight. */
  if (sscanf (text, "%d:%d", &hours, &minutes) < 1
      || hours < 0 || hours > 23 || minutes < 0 || minutes > 59)
    return GTK_INPUT_ERROR;

  *new_value = hours * 60 + minutes;

  return TRUE;
}

static void
dg_preferences_window_dispose (GObject *object)
{
  DgPreferencesWindow *self = (DgPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (dg_preferences_window_parent_class)->dispose (object);
}

static void
dg_preferences_window_finalize (GObject *object)
{
  DgPreferencesWindow *self = (DgPreferencesWindow *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dg_preferences_window_parent_class)->finalize (object);
}

static void
dg_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DgPreferencesWindow *self = DG_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DgPreferencesWindow *self = DG_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_preferences_window_class_init (DgPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dg_preferences_window_constructed;
  object_class->dispose = dg_preferences_window_dispose;
  object_class->finalize = dg_preferences_window_finalize;
  object_class->get_property = dg_preferences_window_get_property;
  object_class->set_property = dg_preferences_window_set_property;

  properties [PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/app/dg-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, background_switch);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, lead_spin);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, cold_spin);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, birthday_followup_switch);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, birthday_days_row);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, birthday_days_spin);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, agenda_group);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, agenda_switch);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, agenda_time_row);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, agenda_time_spin);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, backups_group);
  gtk_widget_class_bind_template_callback (widget_class, on_agenda_time_input_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_agenda_time_output_cb);
}

static void
dg_preferences_window_init (DgPreferencesWindow *self)
{
  g_type_ensure (DG_TYPE_BACKUP_PREFERENCES_GROUP);
  gtk_widget_init_template (GTK_WIDGET (self));
}

DgPreferencesWindow *
dg_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (DG_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       NULL);
}

GSettings *
dg_preferences_window_get_settings (DgPreferencesWindow *self)
{
  g_return_val_if_fail (DG_IS_PREFERENCES_WINDOW (self), NULL);

  return self->settings;
}

void
dg_preferences_window_set_backup_auto (DgPreferencesWindow *self,
                                       DgBackupAuto        *backup_auto)
{
  g_return_if_fail (DG_IS_PREFERENCES_WINDOW (self));

  dg_backup_preferences_group_set_backup_auto (self->backups_group, backup_auto);
}
