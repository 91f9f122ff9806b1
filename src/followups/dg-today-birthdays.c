/* dg-today-birthdays.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dg-date-names.h"
#include "dg-row.h"
#include "dg-today-birthdays.h"

struct _DgTodayBirthdays
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (DgTodayBirthdays, dg_today_birthdays, GTK_TYPE_WIDGET)

/* Rows shown at most: a week of birthdays among thousands of customers is
 * a count, not a list to read on Today. */
#define MAX_ROWS 8

/* "Friday, December 12", with "Today" or "Tomorrow" before the nearest two. */
static char *
format_day (const GDate *date,
            const GDate *today)
{
  int days = g_date_days_between (today, date);
  g_autofree char *day = dg_date_names_format_day (date);

  if (days == 0)
    /* Translators: a birthday today; %s is the day, e.g. "Friday, December 12". */
    return g_strdup_printf (_("Today, %s"), day);
  if (days == 1)
    /* Translators: a birthday tomorrow; %s is the day, e.g. "Friday, December 12". */
    return g_strdup_printf (_("Tomorrow, %s"), day);

  return g_steal_pointer (&day);
}

static GtkWidget *
new_row (DgBirthday  *birthday,
         const GDate *today)
{
  g_autofree char *subtitle = format_day (&birthday->date, today);
  GtkWidget *row;

  row = g_object_new (DG_TYPE_ROW,
                      "title", birthday->name,
                      "subtitle", subtitle,
                      "activatable", TRUE,
                      "action-name", "today.show-customer",
                      "action-target", g_variant_new_int64 (birthday->customer_id),
                      NULL);
  gtk_widget_add_css_class (row, "birthday");

  if (birthday->lunar)
    {
      GtkWidget *mark;

      mark = g_object_new (GTK_TYPE_LABEL,
                           /* Translators: marks a birthday of the lunar calendar (음력). */
                           "label", birthday->leap_month ? C_("birthday", "Lunar, leap month")
                                                         : C_("birthday", "Lunar"),
                           "valign", GTK_ALIGN_CENTER,
                           NULL);
      gtk_widget_add_css_class (mark, "dim-label");
      gtk_widget_add_css_class (mark, "caption");
      dg_row_add_suffix (DG_ROW (row), mark);
    }

  dg_row_add_suffix (DG_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

gboolean
dg_today_birthdays_refresh (DgTodayBirthdays *self,
                            DgDatabase       *database,
                            DgClock          *clock)
{
  g_autoptr(GPtrArray) birthdays = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  GDate today, last;
  guint total;

  g_return_val_if_fail (DG_IS_TODAY_BIRTHDAYS (self), FALSE);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  now = dg_clock_get_now_local (clock);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  last = today;
  g_date_add_days (&last, DG_TODAY_BIRTHDAYS_DAYS - 1);

  /* Only the rows shown are read; the rest are counted. */
  birthdays = dg_birthdays_first_in_range (database, &today, &last, MAX_ROWS, &total, &error);
  if (birthdays == NULL)
    {
      g_warning ("Could not list this week’s birthdays: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return FALSE;
    }

  for (guint i = 0; i < birthdays->len; i++)
    gtk_list_box_append (self->list, new_row (g_ptr_array_index (birthdays, i), &today));

  if (total > MAX_ROWS)
    {
      guint rest = total - MAX_ROWS;
      /* Translators: the last row of Today's birthdays of the week, when
       * there are more than it lists. */
      g_autofree char *title = g_strdup_printf (ngettext ("And %u more birthday this week",
                                                          "And %u more birthdays this week",
                                                          rest),
                                                rest);
      GtkWidget *row = g_object_new (DG_TYPE_ROW,
                                     "title", title,
                                     "activatable", FALSE,
                                     NULL);

      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self), total > 0);

  return total > 0;
}

static void
dg_today_birthdays_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DG_TYPE_TODAY_BIRTHDAYS);

  G_OBJECT_CLASS (dg_today_birthdays_parent_class)->dispose (object);
}

static void
dg_today_birthdays_class_init (DgTodayBirthdaysClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_today_birthdays_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/followups/dg-today-birthdays.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, DgTodayBirthdays, box);
  gtk_widget_class_bind_template_child (widget_class, DgTodayBirthdays, list);
}

static void
dg_today_birthdays_init (DgTodayBirthdays *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
