/* dg-today-cold.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

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

GtkWidget *
dg_today_cold_row_new (DgClock    *clock,
                       DgCustomer *customer)
{
  g_autofree char *subtitle = NULL;
  GVariant *target;
  GtkWidget *row;
  GtkWidget *log_button;
  GtkWidget *add_button;

  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (DG_IS_CUSTOMER (customer), NULL);

  subtitle = format_last_contact (clock, customer);
  target = g_variant_new_int64 (dg_customer_get_id (customer));
  row = g_object_new (DG_TYPE_ROW,
                      "title", dg_customer_get_name (customer),
                      "subtitle", subtitle,
                      "activatable", TRUE,
                      "action-name", "today.show-customer",
                      "action-target", target,
                      NULL);
  gtk_widget_add_css_class (row, "cold-customer");

  log_button = g_object_new (GTK_TYPE_BUTTON,
                             "label", _("Log Contact"),
                             "valign", GTK_ALIGN_CENTER,
                             "tooltip-text", _("Open the customer’s page to log a call, message or meeting"),
                             "action-name", "today.show-customer",
                             "action-target", target,
                             NULL);
  add_button = g_object_new (GTK_TYPE_BUTTON,
                             "label", _("Add Follow-up"),
                             "valign", GTK_ALIGN_CENTER,
                             "tooltip-text", _("Plan when to get in touch again"),
                             "action-name", "today.add-followup-for",
                             "action-target", target,
                             NULL);
  dg_row_add_suffix (DG_ROW (row), log_button);
  dg_row_add_suffix (DG_ROW (row), add_button);

  return row;
}

