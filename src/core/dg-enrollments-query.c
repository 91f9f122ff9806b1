/* dg-enrollments-query.c
 *
 * The reads of enrollments: one enrollment, a customer's, their history,
 * and a stage's column of the board with its cards.
 */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-enrollments.h"
#include "dg-error.h"
#include "dg-journeys-private.h"
#include "dg-record-private.h"

#define ENROLLMENT_SELECT                                                      \
  "SELECT e.id, e.uuid, e.customer_id, e.journey_id, e.stage_id, "             \
  "  coalesce (e.cohort_id, 0), e.status, e.drop_reason, e.since, c.name, "    \
  "  j.name, s.name, coalesce (h.name, '') "                                   \
  "FROM enrollments e JOIN customers c ON c.id = e.customer_id "               \
  "JOIN journeys j ON j.id = e.journey_id JOIN stages s ON s.id = e.stage_id " \
  "LEFT JOIN cohorts h ON h.id = e.cohort_id "

static DgEnrollment *
enrollment_from_row (sqlite3_stmt *stmt)
{
  DgEnrollment *enrollment = g_new0 (DgEnrollment, 1);

  enrollment->id = sqlite3_column_int64 (stmt, 0);
  enrollment->uuid = dg_journeys_column_text (stmt, 1);
  enrollment->customer_id = sqlite3_column_int64 (stmt, 2);
  enrollment->journey_id = sqlite3_column_int64 (stmt, 3);
  enrollment->stage_id = sqlite3_column_int64 (stmt, 4);
  enrollment->cohort_id = sqlite3_column_int64 (stmt, 5);
  if (!dg_enrollment_status_from_string ((const char *) sqlite3_column_text (stmt, 6), &enrollment->status))
    enrollment->status = DG_ENROLLMENT_ACTIVE;
  enrollment->drop_reason = dg_journeys_column_text (stmt, 7);
  enrollment->since = dg_record_parse_time ((const char *) sqlite3_column_text (stmt, 8));
  enrollment->customer_name = dg_journeys_column_text (stmt, 9);
  enrollment->journey_name = dg_journeys_column_text (stmt, 10);
  enrollment->stage_name = dg_journeys_column_text (stmt, 11);
  enrollment->cohort_name = dg_journeys_column_text (stmt, 12);

  return enrollment;
}

DgEnrollment *
dg_enrollments_get (DgDatabase  *db,
                    gint64       id,
                    GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  stmt = dg_database_prepare (db, ENROLLMENT_SELECT "WHERE e.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return enrollment_from_row (stmt);
  if (rc == SQLITE_DONE)
    dg_journeys_not_found (error, _("The customer is no longer in the journey"));
  else
    dg_database_set_error (db, error);

  return NULL;
}

GPtrArray *
dg_enrollments_list_for_customer (DgDatabase  *db,
                                  gint64       customer_id,
                                  GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_enrollment_free);
  int rc;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  stmt = dg_database_prepare (db,
                              ENROLLMENT_SELECT "WHERE e.customer_id = ?1 "
                              "ORDER BY e.status <> 'active', e.updated_at DESC, e.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, enrollment_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      dg_database_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

GPtrArray *
dg_enrollments_history (DgDatabase  *db,
                        gint64       customer_id,
                        GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_stage_event_free);
  int rc;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  stmt = dg_database_prepare (db,
                              "SELECT ev.id, ev.enrollment_id, e.journey_id, j.name, "
                              "  coalesce (ev.from_stage_id, 0), coalesce (fs.name, ''), ev.to_stage_id, "
                              "  ts.name, ev.status, ev.reason, ev.occurred_at "
                              "FROM enrollments e JOIN stage_events ev ON ev.enrollment_id = e.id "
                              "JOIN journeys j ON j.id = e.journey_id "
                              "LEFT JOIN stages fs ON fs.id = ev.from_stage_id "
                              "JOIN stages ts ON ts.id = ev.to_stage_id "
                              "WHERE e.customer_id = ?1 ORDER BY ev.occurred_at, ev.id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DgStageEvent *event = g_new0 (DgStageEvent, 1);

      event->id = sqlite3_column_int64 (stmt, 0);
      event->enrollment_id = sqlite3_column_int64 (stmt, 1);
      event->journey_id = sqlite3_column_int64 (stmt, 2);
      event->journey_name = dg_journeys_column_text (stmt, 3);
      event->from_stage_id = sqlite3_column_int64 (stmt, 4);
      event->from_stage_name = dg_journeys_column_text (stmt, 5);
      event->to_stage_id = sqlite3_column_int64 (stmt, 6);
      event->to_stage_name = dg_journeys_column_text (stmt, 7);
      if (!dg_enrollment_status_from_string ((const char *) sqlite3_column_text (stmt, 8), &event->status))
        event->status = DG_ENROLLMENT_ACTIVE;
      event->reason = dg_journeys_column_text (stmt, 9);
      event->occurred_at = dg_record_parse_time ((const char *) sqlite3_column_text (stmt, 10));
      g_ptr_array_add (events, event);
    }
  if (rc != SQLITE_DONE)
    {
      dg_database_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&events);
}

GArray *
dg_enrollments_stage_ids (DgDatabase  *db,
                          gint64       stage_id,
                          gint64       cohort_id,
                          guint        limit,
                          GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  /* Two statements, so that each reads enrollments_by_stage in order. */
  stmt = dg_database_prepare (db,
                              cohort_id != 0
                              ? "SELECT id FROM enrollments WHERE stage_id = ?1 AND status = 'active' "
                                "AND cohort_id = ?2 ORDER BY since, id LIMIT ?3"
                              : "SELECT id FROM enrollments WHERE stage_id = ?1 AND status = 'active' "
                                "ORDER BY since, id LIMIT ?3",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, stage_id);
  if (cohort_id != 0)
    sqlite3_bind_int64 (stmt, 2, cohort_id);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      dg_database_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static void
unref_card (gpointer card)
{
  if (card != NULL)
    g_object_unref (card);
}

GPtrArray *
dg_enrollments_get_cards (DgDatabase    *db,
                          DgClock       *clock,
                          const gint64  *ids,
                          guint          n_ids,
                          GError       **error)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_full (n_ids, unref_card);
  g_autoptr(GDateTime) now = NULL;
  gint64 now_unix;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  now = dg_clock_get_now_utc (clock);
  now_unix = g_date_time_to_unix (now);

  for (guint i = 0; i < n_ids; i++)
    {
      g_auto(DgStatement) stmt = NULL;
      g_autoptr(GDateTime) since = NULL;
      g_autoptr(GDateTime) due = NULL;
      gint64 in_stage;
      int rc;

      stmt = dg_database_prepare (db,
                                  "SELECT e.id, e.customer_id, c.name, e.stage_id, coalesce (e.cohort_id, 0), "
                                  "  coalesce (h.name, ''), e.since, s.usual_days, "
                                  "  coalesce (f.id, 0), coalesce (f.title, ''), f.all_day, f.due_key "
                                  "FROM enrollments e JOIN customers c ON c.id = e.customer_id "
                                  "JOIN stages s ON s.id = e.stage_id "
                                  "LEFT JOIN cohorts h ON h.id = e.cohort_id "
                                  "LEFT JOIN followups f ON f.id = (SELECT n.id FROM followups n "
                                  "  WHERE n.customer_id = e.customer_id AND n.status = 'open' "
                                  "  ORDER BY n.due_key, n.id LIMIT 1) "
                                  "WHERE e.id = ?1",
                                  error);
      if (stmt == NULL)
        return NULL;

      sqlite3_bind_int64 (stmt, 1, ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          g_ptr_array_add (cards, NULL);
          continue;
        }
      if (rc != SQLITE_ROW)
        {
          dg_database_set_error (db, error);
          return NULL;
        }

      since = dg_record_parse_time ((const char *) sqlite3_column_text (stmt, 6));
      in_stage = since != NULL ? MAX (0, now_unix - g_date_time_to_unix (since)) : 0;
      if (sqlite3_column_type (stmt, 11) != SQLITE_NULL)
        due = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 11));

      g_ptr_array_add (cards,
                       g_object_new (DG_TYPE_ENROLLMENT_CARD,
                                     "id", sqlite3_column_int64 (stmt, 0),
                                     "customer-id", sqlite3_column_int64 (stmt, 1),
                                     "customer-name", (const char *) sqlite3_column_text (stmt, 2),
                                     "stage-id", sqlite3_column_int64 (stmt, 3),
                                     "cohort-id", sqlite3_column_int64 (stmt, 4),
                                     "cohort-name", (const char *) sqlite3_column_text (stmt, 5),
                                     "since", since,
                                     "days-in-stage", (int) MIN (in_stage / 86400, G_MAXINT),
                                     "stuck", sqlite3_column_type (stmt, 7) != SQLITE_NULL
                                              && in_stage > sqlite3_column_int64 (stmt, 7) * 86400,
                                     "next-followup-id", sqlite3_column_int64 (stmt, 8),
                                     "next-followup-title", (const char *) sqlite3_column_text (stmt, 9),
                                     "next-followup-due", due,
                                     "next-followup-all-day", sqlite3_column_int (stmt, 10) != 0,
                                     NULL));
    }

  return g_steal_pointer (&cards);
}

GArray *
dg_enrollments_get_customer_ids (DgDatabase    *db,
                                 const gint64  *ids,
                                 guint          n_ids,
                                 GError       **error)
{
  g_autoptr(GArray) customers = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_auto(DgStatement) stmt = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  stmt = dg_database_prepare (db, "SELECT customer_id FROM enrollments WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < n_ids; i++)
    {
      gint64 customer;
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          dg_journeys_not_found (error, _("One of the customers is no longer in the journey; the board may be out of date."));
          return NULL;
        }
      if (rc != SQLITE_ROW)
        {
          dg_database_set_error (db, error);
          return NULL;
        }
      customer = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (customers, customer);
    }

  return g_steal_pointer (&customers);
}
