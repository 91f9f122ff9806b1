/* dg-today-cold.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dg-row.h"
#include "dg-today-cold.h"

static char *
format_last_contact (DgClock    *clock,
                     DgCustomer *customer)
{
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (clock);
  g_autoptr(GDateTime) now = dg_clock_get_now_local (clock);
  GDateTime *last = dg_customer_get_last_contact_at (customer);
  GDateTime *since = last != NULL ? last : dg_customer_get_created_at (customer);
  GDate today, then;
  int days = 0;

  dg_recurrence_local_date (now, tz, &today);
  if (since != NULL)
    {
      dg_recurrence_local_date (since, tz, &then);
      days = MAX (0, g_date_days_between (&then, &today));
    }

  if (last != NULL)
    /* Translators: under the name of a customer going cold. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Last contact %d day ago",
                                         "Last contact %d days ago", days), days);

  /* Translators: under the name of a customer going cold who was never
   * contacted; the number of days counts from when they were added. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Never contacted, added %d day ago",
                                       "Never contacted, added %d days ago", days), days);
}

/* A button of the row: with its label, or with only its icon for a narrow
 * window, its label then told by the tooltip and to assistive technologies. */
static GtkWidget *
new_button (const char *label,
            const char *icon_name,
            const char *tooltip,
            const char *action_name,
            GVariant   *target)
{
  GtkWidget *button;

  button = g_object_new (GTK_TYPE_BUTTON,
                         "valign", GTK_ALIGN_CENTER,
                         "tooltip-text", tooltip,
                         "action-name", action_name,
                         "action-target", target,
                         NULL);
  if (icon_name == NULL)
    {
      gtk_button_set_label (GTK_BUTTON (button), label);
    }
  else
    {
      gtk_button_set_icon_name (GTK_BUTTON (button), icon_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }

  return button;
}

/* The row's two buttons, with their labels while the row has room for
 * them and with their icons alone when it has not, as in a window as
 * narrow as a phone. */
static GtkWidget *
new_buttons (GVariant *target,
             gboolean  icons)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char *log_label = _("Log Contact");
  const char *add_label = _("Add Follow-up");

  gtk_box_append (GTK_BOX (box),
                  new_button (log_label, icons ? "chat-message-new-symbolic" : NULL,
                              _("Open the customer’s page to log a call, message or meeting"),
                              "today.show-customer", target));
  gtk_box_append (GTK_BOX (box),
                  new_button (add_label, icons ? "alarm-symbolic" : NULL,
                              _("Plan when to get in touch again"),
                              "today.add-followup-for", target));

  return box;
}

GtkWidget *
dg_today_cold_row_new (DgClock    *clock,
                       DgCustomer *customer)
{
  g_autofree char *subtitle = NULL;
  g_autoptr(GVariant) target = NULL;
  GtkWidget *row;
  GtkWidget *squeezer;

  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (DG_IS_CUSTOMER (customer), NULL);

  subtitle = format_last_contact (clock, customer);
  target = g_variant_ref_sink (g_variant_new_int64 (dg_customer_get_id (customer)));
  row = g_object_new (DG_TYPE_ROW,
                      "title", dg_customer_get_name (customer),
                      "subtitle", subtitle,
                      "activatable", TRUE,
                      "action-name", "today.show-customer",
                      "action-target", target,
                      NULL);
  gtk_widget_add_css_class (row, "cold-customer");

  squeezer = g_object_new (ADW_TYPE_SQUEEZER,
                           "transition-type", ADW_SQUEEZER_TRANSITION_TYPE_NONE,
                           "xalign", 1.0f,
                           NULL);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), new_buttons (target, FALSE));
  adw_squeezer_add (ADW_SQUEEZER (squeezer), new_buttons (target, TRUE));
  dg_row_add_suffix (DG_ROW (row), squeezer);

  return row;
}
