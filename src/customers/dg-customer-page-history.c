/* dg-customer-page-history.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-customer-page-private.h"
#include "dg-followup-delete.h"
#include "dg-followup-editor.h"
#include "dg-interaction-row.h"
#include "dg-toast.h"

/* How many contacts the timeline shows before "Show All Contacts". */
#define HISTORY_PAGE_SIZE 50

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

/* A day as people say it next to today: "Today", "Tomorrow", "Yesterday",
 * else the date, without the year when it is this year's. */
static char *
format_day (const GDate *date,
            const GDate *today,
            GTimeZone   *tz)
{
  g_autoptr(GDateTime) midnight = NULL;
  int days = g_date_days_between (today, date);

  if (days == 0)
    return g_strdup (_("Today"));
  if (days == 1)
    return g_strdup (_("Tomorrow"));
  if (days == -1)
    return g_strdup (_("Yesterday"));

  midnight = g_date_time_new (tz, g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 12, 0, 0);
  if (g_date_get_year (date) == g_date_get_year (today))
    /* Translators: a day of this year, in g_date_time_format() notation:
     * %b short month name, %-m month number, %-d day of the month. Korean
     * would use "%-m월 %-d일". */
    return g_date_time_format (midnight, _("%b %-d"));

  /* The same format as dg_format_date(). */
  return g_date_time_format (midnight, _("%b %-d, %Y"));
}

/* @time as a day (see format_day()) and, when @with_time, a time of day, in
 * the clock's zone. */
static char *
format_when (DgClock   *clock,
             GDateTime *time,
             gboolean   with_time)
{
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (clock);
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (clock);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, tz);
  g_autofree char *day = NULL;
  g_autofree char *clock_time = NULL;
  GDate today, date;

  dg_recurrence_local_date (now, tz, &today);
  dg_recurrence_local_date (time, tz, &date);
  day = format_day (&date, &today, tz);

  if (!with_time)
    return g_steal_pointer (&day);

  clock_time = g_date_time_format (local, "%H:%M");

  /* Translators: a day ("Today", or a date) and a time of day ("14:30"). */
  return g_strdup_printf (_("%1$s, %2$s"), day, clock_time);
}

static char *
format_followup_due (DgClock    *clock,
                     DgFollowup *followup)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) now = NULL;
  GDate today, date;

  if (dg_followup_get_due_at (followup) != NULL)
    return format_when (clock, dg_followup_get_due_at (followup), TRUE);

  if (!dg_recurrence_parse_date (dg_followup_get_due_date (followup), &date))
    return g_strdup ("");

  tz = dg_clock_dup_time_zone (clock);
  now = dg_clock_get_now_utc (clock);
  dg_recurrence_local_date (now, tz, &today);

  return format_day (&date, &today, tz);
}

/* "Every 2 weeks", or, keeping in touch, counted from the last contact. */
static char *
format_repeat (DgFollowup *followup)
{
  guint n = dg_followup_get_recurrence_interval (followup);
  gboolean keep = dg_followup_get_keep_in_touch (followup);

  switch (dg_followup_get_recurrence (followup))
    {
    case DG_RECURRENCE_DAYS:
      if (keep)
        return g_strdup_printf (ngettext ("%u day after the last contact",
                                          "%u days after the last contact", n), n);
      /* The same messages as the follow-up rows: "Every day" has no number,
       * so it cannot share an entry with its plural. */
      if (n == 1)
        return g_strdup (_("Every day"));
      return g_strdup_printf (ngettext ("Every %u day", "Every %u days", n), n);

    case DG_RECURRENCE_WEEKS:
      if (keep)
        return g_strdup_printf (ngettext ("%u week after the last contact",
                                          "%u weeks after the last contact", n), n);
      if (n == 1)
        return g_strdup (_("Every week"));
      return g_strdup_printf (ngettext ("Every %u week", "Every %u weeks", n), n);

    case DG_RECURRENCE_MONTHS:
      if (keep)
        return g_strdup_printf (ngettext ("%u month after the last contact",
                                          "%u months after the last contact", n), n);
      if (n == 1)
        return g_strdup (_("Every month"));
      return g_strdup_printf (ngettext ("Every %u month", "Every %u months", n), n);

    case DG_RECURRENCE_NONE:
    default:
      return NULL;
    }
}

static GtkWidget *
make_icon_button (const char *icon_name,
                  const char *tooltip,
                  const char *action_name,
                  gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);

  return button;
}

/* The row's menu: what is done to a follow-up less often than Edit and
 * Done, and the destructive Delete apart from them. */
static GtkWidget *
make_followup_menu_button (DgFollowup *followup)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenuItem) delete = g_menu_item_new (_("_Delete…"), NULL);
  gint64 id = dg_followup_get_id (followup);
  GtkWidget *button = gtk_menu_button_new ();

  if (dg_followup_get_recurrence (followup) != DG_RECURRENCE_NONE
      && dg_followup_get_status (followup) == DG_FOLLOWUP_STATUS_OPEN)
    {
      g_autoptr(GMenuItem) stop = g_menu_item_new (_("Stop _Repeating"), NULL);

      g_menu_item_set_action_and_target_value (stop, "history.stop-repeating", g_variant_new_int64 (id));
      g_menu_append_item (menu, stop);
    }

  g_menu_item_set_action_and_target_value (delete, "history.delete-followup", g_variant_new_int64 (id));
  g_menu_append_item (section, delete);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("More Actions"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_name (button, "followup-menu-button");

  return button;
}

static GtkWidget *
make_followup_row (DgCustomerPage *self,
                   DgFollowup     *followup)
{
  DgClock *clock = dg_context_get_clock (self->context);
  g_autofree char *due = format_followup_due (clock, followup);
  g_autofree char *repeat = format_repeat (followup);
  gint64 id = dg_followup_get_id (followup);
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (clock);
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (clock);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *due_label = gtk_label_new (due);
  GDate today, due_day;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dg_followup_get_title (followup));
  if (repeat != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), repeat);

  /* Overdue reads as an error, due today as a warning. */
  gtk_widget_add_css_class (due_label, "followup-due");
  dg_recurrence_local_date (now, tz, &today);
  if (dg_followup_is_overdue (followup, clock))
    {
      gtk_widget_add_css_class (due_label, "error");
      gtk_widget_add_css_class (row, "overdue");
      /* Translators: the tooltip of the due day of an overdue follow-up. */
      gtk_widget_set_tooltip_text (due_label, _("Overdue"));
    }
  else if (dg_followup_get_due_day (followup, tz, &due_day) &&
           g_date_compare (&due_day, &today) == 0)
    {
      gtk_widget_add_css_class (due_label, "warning");
      gtk_widget_add_css_class (row, "due-today");
    }
  else
    {
      gtk_widget_add_css_class (due_label, "dim-label");
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), due_label);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_icon_button ("document-edit-symbolic", _("Edit Follow-up"),
                                               "history.edit-followup", id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_icon_button ("object-select-symbolic", _("Mark as Done"),
                                               "history.complete-followup", id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), make_followup_menu_button (followup));

  return row;
}

void
_dg_customer_page_reload_followups (DgCustomerPage *self)
{
  g_autoptr(GPtrArray) followups = NULL;
  g_autoptr(GError) error = NULL;

  clear_list_box (self->followups_list);

  if (self->context == NULL || self->customer == NULL)
    return;

  followups = dg_followups_list_for_customer (dg_context_get_database (self->context),
                                              dg_customer_get_id (self->customer),
                                              DG_FOLLOWUP_FILTER_OPEN, &error);
  if (followups == NULL)
    {
      g_warning ("Could not list the customer's follow-ups: %s", error->message);
      return;
    }

  for (guint i = 0; i < followups->len; i++)
    gtk_list_box_append (self->followups_list, make_followup_row (self, g_ptr_array_index (followups, i)));

  gtk_widget_set_visible (GTK_WIDGET (self->followups_list), followups->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->followups_empty), followups->len == 0);
}

void
_dg_customer_page_reload_history (DgCustomerPage *self)
{
  g_autoptr(GPtrArray) interactions = NULL;
  g_autoptr(GError) error = NULL;
  DgClock *clock;
  gboolean more;
  guint shown;

  clear_list_box (self->history_list);

  if (self->context == NULL || self->customer == NULL)
    return;

  clock = dg_context_get_clock (self->context);

  /* One more than a page tells whether there are older ones. */
  interactions = dg_interactions_list_for_customer (dg_context_get_database (self->context),
                                                    dg_customer_get_id (self->customer),
                                                    self->show_all_contacts ? 0 : HISTORY_PAGE_SIZE + 1,
                                                    &error);
  if (interactions == NULL)
    {
      g_warning ("Could not list the customer's contacts: %s", error->message);
      return;
    }

  more = !self->show_all_contacts && interactions->len > HISTORY_PAGE_SIZE;
  shown = more ? HISTORY_PAGE_SIZE : interactions->len;

  for (guint i = 0; i < shown; i++)
    {
      DgInteraction *interaction = g_ptr_array_index (interactions, i);
      g_autofree char *when = format_when (clock, dg_interaction_get_occurred_at (interaction), TRUE);

      gtk_list_box_append (self->history_list, dg_interaction_row_new (interaction, when));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->history_list), shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->history_empty), shown == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->show_all_button), more);
}

/* What Undo needs once the page may be gone or show someone else. */
typedef struct
{
  GWeakRef       page;
  DgDatabase    *database;
  DgClock       *clock;
  DgInteraction *interaction;
  gint64         followup_id;
  gint64         next_id;
} UndoData;

static UndoData *
undo_data_new (DgCustomerPage *self)
{
  UndoData *undo = g_new0 (UndoData, 1);

  g_weak_ref_init (&undo->page, self);
  undo->database = g_object_ref (dg_context_get_database (self->context));
  undo->clock = g_object_ref (dg_context_get_clock (self->context));

  return undo;
}

static void
undo_data_free (gpointer data)
{
  UndoData *undo = data;

  g_weak_ref_clear (&undo->page);
  g_clear_object (&undo->database);
  g_clear_object (&undo->clock);
  g_clear_object (&undo->interaction);
  g_free (undo);
}

static void
undo_report (UndoData     *undo,
             const GError *error)
{
  g_autoptr(DgCustomerPage) self = g_weak_ref_get (&undo->page);

  if (self != NULL)
    dg_toast_show_error (GTK_WIDGET (self), error);
  else
    g_warning ("%s", error->message);
}

static void
undo_delete_contact (gpointer user_data)
{
  UndoData *undo = user_data;
  g_autoptr(GError) error = NULL;

  /* The kept copy has its uuid, id and times: the same entry comes back. */
  if (!dg_interactions_insert (undo->database, undo->clock, undo->interaction, &error))
    undo_report (undo, error);
}

static void
delete_contact_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DgCustomerPage *self = DG_CUSTOMER_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(DgInteraction) interaction = NULL;
  g_autoptr(GError) error = NULL;
  DgDatabase *database;
  UndoData *undo;

  if (self->context == NULL)
    return;

  database = dg_context_get_database (self->context);

  /* Everything Undo needs is read before the row is gone. */
  interaction = dg_interactions_get (database, id, &error);
  if (interaction == NULL ||
      !dg_interactions_delete (database, dg_context_get_clock (self->context), id, &error))
    {
      dg_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  undo = undo_data_new (self);
  undo->interaction = g_steal_pointer (&interaction);
  dg_toast_show_undo (GTK_WIDGET (self), _("Contact deleted"), undo_delete_contact, undo, undo_data_free);
}

static void
dg_customer_page_show_followup_editor (DgCustomerPage *self,
                                       DgFollowup     *followup)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  DgFollowupEditor *editor;

  editor = dg_followup_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   self->context, followup);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_followup_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DgCustomerPage *self = DG_CUSTOMER_PAGE (widget);
  g_autoptr(DgFollowup) followup = NULL;

  if (self->context == NULL || self->customer == NULL)
    return;

  followup = dg_followup_new ();
  dg_followup_set_customer_id (followup, dg_customer_get_id (self->customer));
  dg_followup_set_customer_name (followup, dg_customer_get_name (self->customer));
  dg_customer_page_show_followup_editor (self, followup);
}

static void
edit_followup_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DgCustomerPage *self = DG_CUSTOMER_PAGE (widget);
  g_autoptr(DgFollowup) followup = NULL;
  g_autoptr(GError) error = NULL;

  if (self->context == NULL)
    return;

  /* The form starts from what is stored now, not from a row read earlier. */
  followup = dg_followups_get (dg_context_get_database (self->context),
                               g_variant_get_int64 (parameter), &error);
  if (followup == NULL)
    {
      dg_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  dg_customer_page_show_followup_editor (self, followup);
}

static void
delete_followup_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DgCustomerPage *self = DG_CUSTOMER_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  g_autoptr(DgFollowup) followup = NULL;
  g_autoptr(GError) error = NULL;

  if (self->context == NULL)
    return;

  followup = dg_followups_get (dg_context_get_database (self->context),
                               g_variant_get_int64 (parameter), &error);
  if (followup == NULL)
    {
      dg_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  dg_followup_delete_ask (window, window, self->context, followup, NULL);
}

static void
stop_repeating_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DgCustomerPage *self = DG_CUSTOMER_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(DgFollowup) followup = NULL;
  g_autoptr(GError) error = NULL;

  if (self->context == NULL)
    return;

  followup = dg_followups_get (dg_context_get_database (self->context),
                               g_variant_get_int64 (parameter), &error);
  if (followup == NULL)
    {
      dg_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  dg_followup_stop_repeating (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                              self->context, followup);
}

static void
undo_complete_followup (gpointer user_data)
{
  UndoData *undo = user_data;
  g_autoptr(GError) error = NULL;

  if (!dg_followups_reopen (undo->database, undo->clock, undo->followup_id, undo->next_id, &error))
    undo_report (undo, error);
}

static void
complete_followup_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  DgCustomerPage *self = DG_CUSTOMER_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(DgFollowup) followup = NULL;
  g_autoptr(DgFollowup) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  DgDatabase *database;
  UndoData *undo;

  if (self->context == NULL)
    return;

  database = dg_context_get_database (self->context);

  followup = dg_followups_get (database, id, &error);
  if (followup == NULL ||
      !dg_followups_complete (database, dg_context_get_clock (self->context), id, &next, &error))
    {
      dg_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  undo = undo_data_new (self);
  undo->followup_id = id;
  undo->next_id = next != NULL ? dg_followup_get_id (next) : 0;

  /* Translators: a toast after a follow-up was marked as done, with an
   * Undo button; %s is the follow-up's title. */
  title = g_markup_printf_escaped (_("Marked “%s” as done"), dg_followup_get_title (followup));
  dg_toast_show_undo (GTK_WIDGET (self), title, undo_complete_followup, undo, undo_data_free);
}

static void
show_all_contacts_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  DgCustomerPage *self = DG_CUSTOMER_PAGE (widget);

  self->show_all_contacts = TRUE;
  _dg_customer_page_reload_history (self);
}

void
_dg_customer_page_class_history_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "history.delete-contact", "x", delete_contact_action);
  gtk_widget_class_install_action (widget_class, "history.add-followup", NULL, add_followup_action);
  gtk_widget_class_install_action (widget_class, "history.edit-followup", "x", edit_followup_action);
  gtk_widget_class_install_action (widget_class, "history.complete-followup", "x", complete_followup_action);
  gtk_widget_class_install_action (widget_class, "history.delete-followup", "x", delete_followup_action);
  gtk_widget_class_install_action (widget_class, "history.stop-repeating", "x", stop_repeating_action);
  gtk_widget_class_install_action (widget_class, "history.show-all-contacts", NULL, show_all_contacts_action);
}
