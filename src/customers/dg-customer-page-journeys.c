/* dg-customer-page-journeys.c
 *
 * The customer page's Journeys section: one expandable row per journey
 * the customer is in, active ones first, saying the stage, the cohort and
 * how it stands; expanded, the stage moves of that enrollment. Hidden when
 * the customer is in no journey.
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-customer-page-private.h"

/* Whole local days from @since to now, by the clock's zone. */
static int
days_since (DgClock   *clock,
            GDateTime *since)
{
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (clock);
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (clock);
  GDate today, day;

  dg_recurrence_local_date (now, tz, &today);
  dg_recurrence_local_date (since, tz, &day);

  return MAX (0, g_date_days_between (&day, &today));
}

static char *
format_date (DgClock   *clock,
             GDateTime *time)
{
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (clock);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, tz);

  /* The same format as dg_format_date(). */
  return g_date_time_format (local, _("%b %-d, %Y"));
}

/* "Stage · Cohort · 5 days in stage", or how it ended. */
static char *
format_enrollment (DgClock            *clock,
                   const DgEnrollment *enrollment)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  int days;

  g_ptr_array_add (parts, g_strdup (enrollment->stage_name));
  if (enrollment->cohort_name != NULL && enrollment->cohort_name[0] != '\0')
    g_ptr_array_add (parts, g_strdup (enrollment->cohort_name));

  switch (enrollment->status)
    {
    case DG_ENROLLMENT_COMPLETED:
      g_ptr_array_add (parts, g_strdup (C_("journey status", "Completed")));
      break;

    case DG_ENROLLMENT_DROPPED:
      if (enrollment->drop_reason != NULL && enrollment->drop_reason[0] != '\0')
        /* Translators: a customer left a journey, %s is why. */
        g_ptr_array_add (parts, g_strdup_printf (_("Dropped: %s"), enrollment->drop_reason));
      else
        g_ptr_array_add (parts, g_strdup (C_("journey status", "Dropped")));
      break;

    case DG_ENROLLMENT_ACTIVE:
    default:
      days = days_since (clock, enrollment->since);
      if (days == 0)
        g_ptr_array_add (parts, g_strdup (_("New in stage today")));
      else
        g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d day in stage",
                                                           "%d days in stage", days), days));
      break;
    }

  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **)parts->pdata);
}

static char *
format_event (const DgStageEvent *event)
{
  switch (event->status)
    {
    case DG_ENROLLMENT_COMPLETED:
      /* Translators: %s is the stage a customer finished a journey in. */
      return g_strdup_printf (_("Completed in %s"), event->to_stage_name);

    case DG_ENROLLMENT_DROPPED:
      /* Translators: %s is the stage a customer left a journey in. */
      return g_strdup_printf (_("Dropped in %s"), event->to_stage_name);

    case DG_ENROLLMENT_ACTIVE:
    default:
      if (event->from_stage_id == 0)
        /* Translators: %s is the stage a customer started a journey in. */
        return g_strdup_printf (_("Started in %s"), event->to_stage_name);
      return g_strdup_printf ("%s → %s", event->from_stage_name, event->to_stage_name);
    }
}

static GtkWidget *
make_row (DgClock            *clock,
          const DgEnrollment *enrollment,
          GPtrArray          *events)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  g_autofree char *subtitle = format_enrollment (clock, enrollment);
  GtkWidget *button = gtk_button_new_with_label (_("Open Board"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), enrollment->journey_name);
  adw_expander_row_set_subtitle (row, subtitle);
  if (enrollment->status != DG_ENROLLMENT_ACTIVE)
    gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-enrollment");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", enrollment->id);
  adw_expander_row_add_action (row, button);

  for (guint i = 0; i < events->len; i++)
    {
      const DgStageEvent *event = g_ptr_array_index (events, i);
      GtkWidget *event_row;
      g_autofree char *title = NULL;
      g_autofree char *date = NULL;

      if (event->enrollment_id != enrollment->id)
        continue;

      title = format_event (event);
      date = format_date (clock, event->occurred_at);
      event_row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (event_row), title);
      if (event->reason != NULL && event->reason[0] != '\0')
        {
          g_autofree char *subtitle_text = g_strdup_printf ("%s · %s", date, event->reason);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (event_row), subtitle_text);
        }
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (event_row), date);
      adw_expander_row_add_row (row, event_row);
    }

  return GTK_WIDGET (row);
}

void
_dg_customer_page_reload_journeys (DgCustomerPage *self)
{
  g_autoptr(GPtrArray) enrollments = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  DgDatabase *database;
  DgClock *clock;
  gint64 customer_id;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->journeys_list))))
    gtk_list_box_remove (self->journeys_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->journeys_group), FALSE);

  if (self->customer == NULL || self->context == NULL)
    return;

  database = dg_context_get_database (self->context);
  clock = dg_context_get_clock (self->context);
  customer_id = dg_customer_get_id (self->customer);

  enrollments = dg_enrollments_list_for_customer (database, customer_id, &error);
  if (enrollments != NULL)
    events = dg_enrollments_history (database, customer_id, &error);
  if (events == NULL)
    {
      g_warning ("Could not read the customer’s journeys: %s", error->message);
      return;
    }

  for (guint i = 0; i < enrollments->len; i++)
    gtk_list_box_append (self->journeys_list,
                         make_row (clock, g_ptr_array_index (enrollments, i), events));

  gtk_widget_set_visible (GTK_WIDGET (self->journeys_group), enrollments->len > 0);
}
