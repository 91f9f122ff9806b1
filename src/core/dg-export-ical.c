/* dg-export-ical.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libical/ical.h>

#include "dg-customers.h"
#include "dg-export-file-private.h"
#include "dg-export-ical.h"
#include "dg-followups-private.h"
#include "dg-phone.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

static struct icaltimetype
utc_time (GDateTime *time)
{
  return icaltime_from_timet_with_zone (g_date_time_to_unix (time), 0,
                                        icaltimezone_get_utc_timezone ());
}

static gboolean
due_time (DgFollowup          *followup,
          struct icaltimetype *out)
{
  GDate date;

  if (dg_followup_get_all_day (followup))
    {
      if (!dg_recurrence_parse_date (dg_followup_get_due_date (followup), &date))
        return FALSE;
      *out = icaltime_null_date ();
      out->year = g_date_get_year (&date);
      out->month = g_date_get_month (&date);
      out->day = g_date_get_day (&date);
      return TRUE;
    }

  if (dg_followup_get_due_at (followup) == NULL)
    return FALSE;
  *out = utc_time (dg_followup_get_due_at (followup));

  return TRUE;
}

static void
add_rrule (icalcomponent *todo,
           DgFollowup    *followup)
{
  struct icalrecurrencetype rule;

  icalrecurrencetype_clear (&rule);
  switch (dg_followup_get_recurrence (followup))
    {
    case DG_RECURRENCE_DAYS:
      rule.freq = ICAL_DAILY_RECURRENCE;
      break;
    case DG_RECURRENCE_WEEKS:
      rule.freq = ICAL_WEEKLY_RECURRENCE;
      break;
    case DG_RECURRENCE_MONTHS:
      rule.freq = ICAL_MONTHLY_RECURRENCE;
      break;
    case DG_RECURRENCE_NONE:
    default:
      return;
    }
  rule.interval = MAX (dg_followup_get_recurrence_interval (followup), 1);
  icalcomponent_add_property (todo, icalproperty_new_rrule (rule));
}

static char *
describe (DgFollowup *followup,
          DgCustomer *customer)
{
  GString *text = g_string_new (NULL);
  const char *note = dg_followup_get_note (followup);

  if (customer != NULL)
    {
      g_autofree char *phone = dg_phone_format_display (dg_customer_get_phone (customer));

      /* Translators: the first line of an exported follow-up's
       * description in a calendar app; the customer's name (the phone
       * number follows in brackets). */
      g_string_append_printf (text, _("Customer: %s"), dg_customer_get_name (customer));
      if (phone != NULL && *phone != '\0')
        g_string_append_printf (text, " (%s)", phone);
    }

  if (note != NULL && *note != '\0')
    {
      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, note);
    }

  return g_string_free (text, FALSE);
}

static icalcomponent *
make_todo (DgFollowup *followup,
           DgCustomer *customer,
           GDateTime  *stamp)
{
  icalcomponent *todo = icalcomponent_new (ICAL_VTODO_COMPONENT);
  g_autofree char *description = describe (followup, customer);
  struct icaltimetype due;

  icalcomponent_add_property (todo, icalproperty_new_uid (dg_followup_get_uuid (followup)));
  icalcomponent_add_property (todo, icalproperty_new_dtstamp (utc_time (stamp)));
  if (dg_followup_get_created_at (followup) != NULL)
    icalcomponent_add_property (todo,
                                icalproperty_new_created (utc_time (dg_followup_get_created_at (followup))));
  if (dg_followup_get_updated_at (followup) != NULL)
    icalcomponent_add_property (todo,
                                icalproperty_new_lastmodified (utc_time (dg_followup_get_updated_at (followup))));
  icalcomponent_add_property (todo, icalproperty_new_summary (dg_followup_get_title (followup)));
  if (*description != '\0')
    icalcomponent_add_property (todo, icalproperty_new_description (description));

  if (due_time (followup, &due))
    {
      /* A recurrence set is counted from DTSTART (RFC 5545, 3.8.5.3). */
      if (dg_followup_get_recurrence (followup) != DG_RECURRENCE_NONE)
        icalcomponent_add_property (todo, icalproperty_new_dtstart (due));
      icalcomponent_add_property (todo, icalproperty_new_due (due));
      add_rrule (todo, followup);
    }

  switch (dg_followup_get_status (followup))
    {
    case DG_FOLLOWUP_STATUS_DONE:
      icalcomponent_add_property (todo, icalproperty_new_status (ICAL_STATUS_COMPLETED));
      if (dg_followup_get_done_at (followup) != NULL)
        icalcomponent_add_property (todo,
                                    icalproperty_new_completed (utc_time (dg_followup_get_done_at (followup))));
      break;
    case DG_FOLLOWUP_STATUS_CANCELLED:
      icalcomponent_add_property (todo, icalproperty_new_status (ICAL_STATUS_CANCELLED));
      break;
    case DG_FOLLOWUP_STATUS_OPEN:
    default:
      icalcomponent_add_property (todo, icalproperty_new_status (ICAL_STATUS_NEEDSACTION));
      break;
    }

  return todo;
}

static GPtrArray *
list_open (DgDatabase  *db,
           GError     **error)
{
  g_auto(DgStatement) stmt = dg_database_prepare (db,
                                                  DG_FOLLOWUP_SELECT
                                                  "WHERE f.status = 'open' "
                                                  "ORDER BY f.due_key, f.id",
                                                  error);

  if (stmt == NULL)
    return NULL;

  return dg_followups_collect_rows (db, stmt, error);
}

gboolean
dg_export_ical (DgDatabase            *db,
                GDateTime             *from,
                GDateTime             *to,
                const char            *path,
                GDateTime             *exported_at,
                GCancellable          *cancellable,
                DgExportProgressFunc   progress,
                gpointer               progress_data,
                guint                 *out_count,
                GError               **error)
{
  g_autoptr(GPtrArray) followups = NULL;
  g_autoptr(GHashTable) customers = NULL;
  g_autoptr(icalcomponent) calendar = NULL;
  g_autoptr(GDateTime) stamp = NULL;
  g_autoptr(DgExportFile) file = NULL;
  g_autofree char *prodid = NULL;
  char *text;
  gboolean ok;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail ((from == NULL) == (to == NULL), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (from != NULL)
    followups = dg_followups_list_range (db, from, to, DG_FOLLOWUP_FILTER_ALL, 0, error);
  else
    followups = list_open (db, error);
  if (followups == NULL)
    return FALSE;

  stamp = exported_at != NULL ? g_date_time_ref (exported_at) : g_date_time_new_now_utc ();
  customers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  prodid = g_strdup_printf ("-//Dangol//Dangol %s//EN", PACKAGE_VERSION);
  icalcomponent_add_property (calendar, icalproperty_new_prodid (prodid));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));

  for (guint i = 0; i < followups->len; i++)
    {
      DgFollowup *followup = g_ptr_array_index (followups, i);
      gint64 customer_id = dg_followup_get_customer_id (followup);
      DgCustomer *customer = NULL;

      if (!dg_export_file_step (i, followups->len, cancellable, progress, progress_data, error))
        return FALSE;

      if (customer_id > 0)
        {
          customer = g_hash_table_lookup (customers, &customer_id);
          if (customer == NULL)
            {
              customer = dg_customers_get (db, customer_id, error);
              if (customer == NULL)
                return FALSE;
              g_hash_table_insert (customers, g_memdup2 (&customer_id, sizeof customer_id),
                                   customer);
            }
        }

      icalcomponent_add_component (calendar, make_todo (followup, customer, stamp));
    }

  file = dg_export_file_open (path, error);
  if (file == NULL)
    return FALSE;

  text = icalcomponent_as_ical_string_r (calendar);
  ok = dg_export_file_write (file, text, -1, error);
  free (text);
  if (!ok
      || !dg_export_file_step (followups->len, followups->len, cancellable, progress,
                               progress_data, error)
      || !dg_export_file_commit (g_steal_pointer (&file), error))
    return FALSE;

  if (out_count != NULL)
    *out_count = followups->len;

  return TRUE;
}
