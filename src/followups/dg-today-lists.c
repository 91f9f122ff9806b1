/* dg-today-lists.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-date-names.h"
#include "dg-followup-row.h"
#include "dg-today-cold.h"
#include "dg-today-lists.h"

void
dg_today_fill_list (DgContext  *context,
                    GtkListBox *list,
                    GPtrArray  *followups,
                    guint       start,
                    guint       end,
                    gboolean    show_day)
{
  for (guint i = start; i < end && i < followups->len; i++)
    gtk_list_box_append (list, dg_followup_row_new (context, followups->pdata[i], show_day));
}

static char *
format_day_heading (GTimeZone   *tz,
                    const GDate *today,
                    const GDate *date)
{
  g_autoptr(GDateTime) start = NULL;

  if (g_date_days_between (today, date) == 1)
    return g_strdup (_("Tomorrow"));

  start = dg_recurrence_day_start (tz, date);
  /* Translators: a day heading in "Next 7 Days", in g_date_time_format()
   * notation where %A is the weekday name (from Dangol's own
   * translations), %b the short month name and %-d the day of the month.
   * Korean would use "%-m월 %-d일 %A". */
  return dg_date_names_format (start, _("%A, %b %-d"));
}

static GtkListBox *
new_day_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  return GTK_LIST_BOX (list);
}

void
dg_today_fill_upcoming (DgContext *context,
                        GtkBox    *box,
                        GPtrArray *followups,
                        guint      start,
                        guint      end)
{
  DgClock *clock = dg_context_get_clock (context);
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (clock);
  g_autoptr(GDateTime) now = dg_clock_get_now_local (clock);
  GtkListBox *day_list = NULL;
  GDate today, day, current;

  dg_recurrence_local_date (now, tz, &today);
  g_date_clear (&current, 1);

  /* Going on: the day of the last row listed, whose list is the last. */
  for (guint i = MIN (start, followups->len); i > 0 && day_list == NULL; i--)
    {
      if (dg_followups_get_listed_day (followups->pdata[i - 1], clock, tz, &current))
        day_list = GTK_LIST_BOX (gtk_widget_get_last_child (GTK_WIDGET (box)));
    }

  for (guint i = start; i < end && i < followups->len; i++)
    {
      DgFollowup *followup = followups->pdata[i];

      if (!dg_followups_get_listed_day (followup, clock, tz, &day))
        continue;

      if (day_list == NULL || g_date_compare (&day, &current) != 0)
        {
          g_autofree char *heading = format_day_heading (tz, &today, &day);
          GtkWidget *label = gtk_label_new (heading);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_widget_add_css_class (label, "day-heading");
          if (day_list != NULL)
            gtk_widget_set_margin_top (label, 6);
          gtk_box_append (box, label);

          day_list = new_day_list ();
          gtk_box_append (box, GTK_WIDGET (day_list));
          current = day;
        }

      gtk_list_box_append (day_list, dg_followup_row_new (context, followup, FALSE));
    }
}

void
dg_today_fill_cold (DgClock    *clock,
                    GtkListBox *list,
                    GPtrArray  *customers)
{
  for (guint i = 0; i < customers->len; i++)
    gtk_list_box_append (list, dg_today_cold_row_new (clock, customers->pdata[i]));
}

void
dg_today_clear (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    {
      if (GTK_IS_LIST_BOX (widget))
        gtk_list_box_remove (GTK_LIST_BOX (widget), child);
      else if (GTK_IS_BOX (widget))
        gtk_box_remove (GTK_BOX (widget), child);
      else
        gtk_widget_unparent (child);
    }
}
