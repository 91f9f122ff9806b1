/* dg-journeys.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dg-catalog.h"
#include "dg-date-parse.h"
#include "dg-error.h"
#include "dg-journeys-private.h"
#include "dg-journeys.h"
#include "dg-record-private.h"
#include "dg-stages.h"

char *
dg_journeys_column_text (sqlite3_stmt *stmt,
                         int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

char *
dg_journeys_column_text_or_null (sqlite3_stmt *stmt,
                                 int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

char *
dg_journeys_now_text (DgDatabase *db,
                      DgClock    *clock)
{
  g_autoptr(GDateTime) now = clock != NULL ? dg_clock_get_now_utc (clock) : dg_database_now (db);

  return dg_record_format_time (now);
}

gboolean
dg_journeys_not_found (GError     **error,
                       const char  *message)
{
  g_set_error_literal (error, DG_ERROR, DG_ERROR_NOT_FOUND, message);

  return FALSE;
}

gboolean
dg_journeys_check_name (char       **name,
                        const char  *message,
                        GError     **error)
{
  char *clean = dg_record_normalize_text (*name, TRUE);

  g_free (*name);
  *name = clean;

  if (*clean == '\0')
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_FIELD, message);
      return FALSE;
    }

  return TRUE;
}

gboolean
dg_journeys_check_date (const char  *date,
                        GError     **error)
{
  if (date == NULL || dg_date_is_iso (date))
    return TRUE;

  g_set_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
               /* Translators: %s is what was given as a date. */
               _("“%s” is not a date: write it as YYYY-MM-DD"), date);
  return FALSE;
}

gboolean
dg_journeys_check_time (const char  *time,
                        GError     **error)
{
  if (time == NULL
      || (strlen (time) == 5 && g_ascii_isdigit (time[0]) && g_ascii_isdigit (time[1])
          && time[2] == ':' && g_ascii_isdigit (time[3]) && g_ascii_isdigit (time[4])
          && g_ascii_digit_value (time[0]) * 10 + g_ascii_digit_value (time[1]) < 24
          && g_ascii_digit_value (time[3]) < 6))
    return TRUE;

  g_set_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
               /* Translators: %s is what was given as a time of day. */
               _("“%s” is not a time of day: write it as HH:MM, from 00:00 to 23:59"), time);
  return FALSE;
}

static DgJourney *
journey_from_row (sqlite3_stmt *stmt)
{
  DgJourney *journey = g_new0 (DgJourney, 1);

  journey->id = sqlite3_column_int64 (stmt, 0);
  journey->uuid = dg_journeys_column_text (stmt, 1);
  journey->name = dg_journeys_column_text (stmt, 2);
  journey->description = dg_journeys_column_text (stmt, 3);
  journey->position = sqlite3_column_int (stmt, 4);

  return journey;
}

DgCohort *
dg_cohorts_from_row (sqlite3_stmt *stmt)
{
  DgCohort *cohort = g_new0 (DgCohort, 1);

  cohort->id = sqlite3_column_int64 (stmt, 0);
  cohort->uuid = dg_journeys_column_text (stmt, 1);
  cohort->journey_id = sqlite3_column_int64 (stmt, 2);
  cohort->name = dg_journeys_column_text (stmt, 3);
  cohort->date = dg_journeys_column_text_or_null (stmt, 4);
  cohort->archived = sqlite3_column_int (stmt, 5) != 0;

  return cohort;
}

static gboolean
fail (DgDatabase *db)
{
  dg_database_rollback (db);
  return FALSE;
}

static gboolean
insert_journey_locked (DgDatabase  *db,
                       DgJourney   *journey,
                       const char  *now,
                       GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();

  stmt = dg_database_prepare (db,
                              "INSERT INTO journeys (uuid, name, description, position, created_at, updated_at) "
                              "VALUES (?1, ?2, ?3, (SELECT coalesce (max (position) + 1, 0) FROM journeys), ?4, ?4) "
                              "RETURNING id, position",
                              error);
  if (stmt == NULL)
    return FALSE;

  dg_database_bind_text (stmt, 1, uuid);
  dg_database_bind_text (stmt, 2, journey->name);
  dg_database_bind_text (stmt, 3, journey->description != NULL ? journey->description : "");
  dg_database_bind_text (stmt, 4, now);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return dg_database_set_error (db, error);

  journey->id = sqlite3_column_int64 (stmt, 0);
  journey->position = sqlite3_column_int (stmt, 1);
  g_free (journey->uuid);
  journey->uuid = g_steal_pointer (&uuid);

  return dg_database_run (db, stmt, error);
}

static gboolean
check_journey (DgJourney  *journey,
               GError    **error)
{
  char *description;

  if (!dg_journeys_check_name (&journey->name, _("A journey needs a name"), error))
    return FALSE;

  description = dg_record_normalize_text (journey->description, FALSE);
  g_free (journey->description);
  journey->description = description;

  return TRUE;
}

gboolean
dg_journeys_insert (DgDatabase  *db,
                    DgJourney   *journey,
                    GError     **error)
{
  g_autofree char *now = dg_journeys_now_text (db, NULL);

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (journey != NULL, FALSE);

  if (!check_journey (journey, error) || !dg_database_begin (db, error))
    return FALSE;

  if (!insert_journey_locked (db, journey, now, error))
    return fail (db);

  dg_database_notify_changed (db, DG_TABLE_JOURNEYS);

  return dg_database_commit (db, error);
}

gboolean
dg_journeys_update (DgDatabase  *db,
                    DgJourney   *journey,
                    GError     **error)
{
  g_autofree char *now = dg_journeys_now_text (db, NULL);
  g_auto(DgStatement) stmt = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (journey != NULL, FALSE);

  if (!check_journey (journey, error))
    return FALSE;

  stmt = dg_database_prepare (db,
                              "UPDATE journeys SET name = ?2, description = ?3, updated_at = ?4 "
                              "WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, journey->id);
  dg_database_bind_text (stmt, 2, journey->name);
  dg_database_bind_text (stmt, 3, journey->description);
  dg_database_bind_text (stmt, 4, now);
  if (!dg_database_run (db, stmt, error))
    return FALSE;
  if (dg_database_changes (db) == 0)
    return dg_journeys_not_found (error, _("The journey no longer exists"));

  dg_database_notify_changed (db, DG_TABLE_JOURNEYS);

  return TRUE;
}

gboolean
dg_journeys_delete (DgDatabase  *db,
                    gint64       id,
                    GError     **error)
{
  g_auto(DgStatement) stmt = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);

  stmt = dg_database_prepare (db, "DELETE FROM journeys WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!dg_database_run (db, stmt, error))
    return FALSE;
  if (dg_database_changes (db) == 0)
    return dg_journeys_not_found (error, _("The journey no longer exists"));

  dg_database_notify_changed (db, DG_TABLE_JOURNEYS);
  dg_database_notify_changed (db, DG_TABLE_STAGES);
  dg_database_notify_changed (db, DG_TABLE_COHORTS);
  dg_database_notify_changed (db, DG_TABLE_ENROLLMENTS);
  dg_database_notify_changed (db, DG_TABLE_FOLLOWUPS);

  return TRUE;
}

DgCustomerSnapshot *
dg_journeys_take_snapshot (DgDatabase  *db,
                           gint64       id,
                           GError     **error)
{
  g_autoptr(DgJourney) journey = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  journey = dg_journeys_get (db, id, error);
  if (journey == NULL)
    return NULL;

  return dg_snapshot_take_record (db, DG_TABLE_JOURNEYS, id, journey->name, error);
}

DgJourney *
dg_journeys_get (DgDatabase  *db,
                 gint64       id,
                 GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  stmt = dg_database_prepare (db,
                              "SELECT id, uuid, name, description, position FROM journeys WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return journey_from_row (stmt);
  if (rc == SQLITE_DONE)
    dg_journeys_not_found (error, _("The journey no longer exists"));
  else
    dg_database_set_error (db, error);

  return NULL;
}

/* Steps @stmt to its end, one record per row. */
static GPtrArray *
collect (DgDatabase     *db,
         sqlite3_stmt   *stmt,
         gpointer      (*from_row) (sqlite3_stmt *),
         GDestroyNotify  free_func,
         GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      dg_database_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

GPtrArray *
dg_journeys_list (DgDatabase  *db,
                  GError     **error)
{
  g_auto(DgStatement) stmt = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  stmt = dg_database_prepare (db,
                              "SELECT id, uuid, name, description, position FROM journeys "
                              "ORDER BY position, id",
                              error);
  if (stmt == NULL)
    return NULL;

  return collect (db, stmt, (gpointer) journey_from_row, (GDestroyNotify) dg_journey_free, error);
}

/* Copies the active enrollments of journey @from into @to, mapping stages
 * and cohorts through @stage_map and @cohort_map (old id → new id).
 * Each starts in the copy where it stands now, since the same time: a
 * copy is a new path (next season's course, a variant to try), and the
 * moves, drops and feeling of the original happened on the original, so
 * copying them would make the copy's funnel report what it never saw and
 * count every contact's feeling twice across the two maps. Completed and
 * dropped customers stay with the original for the same reason. */
static gboolean
copy_enrollments_locked (DgDatabase  *db,
                         gint64       from,
                         gint64       to,
                         GHashTable  *stage_map,
                         GHashTable  *cohort_map,
                         const char  *now,
                         GError     **error)
{
  g_auto(DgStatement) read = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64[3]));
  g_autoptr(GPtrArray) since = g_ptr_array_new_with_free_func (g_free);
  int rc;

  read = dg_database_prepare (db,
                              "SELECT customer_id, stage_id, coalesce (cohort_id, 0), since FROM enrollments "
                              "WHERE journey_id = ?1 AND status = 'active' ORDER BY id",
                              error);
  if (read == NULL)
    return FALSE;

  sqlite3_bind_int64 (read, 1, from);
  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      gint64 row[3] = { sqlite3_column_int64 (read, 0), sqlite3_column_int64 (read, 1),
                        sqlite3_column_int64 (read, 2) };

      g_array_append_vals (rows, row, 1);
      g_ptr_array_add (since, dg_journeys_column_text (read, 3));
    }
  if (rc != SQLITE_DONE)
    return dg_database_set_error (db, error);
  dg_statement_release (g_steal_pointer (&read));

  for (guint i = 0; i < rows->len; i++)
    {
      gint64 *row = (gint64 *) (void *) rows->data + i * 3;
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *event_uuid = g_uuid_string_random ();
      gint64 *stage = g_hash_table_lookup (stage_map, &row[1]);
      gint64 *cohort = g_hash_table_lookup (cohort_map, &row[2]);
      const char *entered = g_ptr_array_index (since, i);
      g_auto(DgStatement) stmt = NULL;
      gint64 enrollment_id;

      stmt = dg_database_prepare (db,
                                  "INSERT INTO enrollments (uuid, customer_id, journey_id, stage_id, cohort_id, "
                                  "  status, since, created_at, updated_at) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, 'active', ?6, ?7, ?7)",
                                  error);
      if (stmt == NULL)
        return FALSE;

      dg_database_bind_text (stmt, 1, uuid);
      sqlite3_bind_int64 (stmt, 2, row[0]);
      sqlite3_bind_int64 (stmt, 3, to);
      sqlite3_bind_int64 (stmt, 4, *stage);
      if (cohort != NULL)
        sqlite3_bind_int64 (stmt, 5, *cohort);
      else
        sqlite3_bind_null (stmt, 5);
      dg_database_bind_text (stmt, 6, entered);
      dg_database_bind_text (stmt, 7, now);
      if (!dg_database_run (db, stmt, error))
        return FALSE;
      enrollment_id = sqlite3_last_insert_rowid (dg_database_get_handle (db));
      dg_statement_release (g_steal_pointer (&stmt));

      stmt = dg_database_prepare (db,
                                  "INSERT INTO stage_events (uuid, enrollment_id, from_stage_id, to_stage_id, "
                                  "  status, occurred_at) VALUES (?1, ?2, NULL, ?3, 'active', ?4)",
                                  error);
      if (stmt == NULL)
        return FALSE;

      dg_database_bind_text (stmt, 1, event_uuid);
      sqlite3_bind_int64 (stmt, 2, enrollment_id);
      sqlite3_bind_int64 (stmt, 3, *stage);
      dg_database_bind_text (stmt, 4, entered);
      if (!dg_database_run (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
duplicate_locked (DgDatabase  *db,
                  DgJourney   *copy,
                  gint64       from,
                  gboolean     with_customers,
                  const char  *now,
                  GError     **error)
{
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(GHashTable) stage_map = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) cohort_map = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  if (!insert_journey_locked (db, copy, now, error))
    return FALSE;

  stages = dg_stages_list (db, from, error);
  if (stages == NULL)
    return FALSE;

  for (guint i = 0; i < stages->len; i++)
    {
      DgStage *stage = g_ptr_array_index (stages, i);
      g_autoptr(GPtrArray) rules = dg_stage_rules_list (db, stage->id, error);
      gint64 old_id = stage->id;

      if (rules == NULL)
        return FALSE;

      stage->journey_id = copy->id;
      if (!dg_stages_insert_locked (db, stage, now, error))
        return FALSE;
      g_hash_table_insert (stage_map, g_memdup2 (&old_id, sizeof old_id),
                           g_memdup2 (&stage->id, sizeof stage->id));

      for (guint r = 0; r < rules->len; r++)
        {
          DgStageRule *rule = g_ptr_array_index (rules, r);

          rule->stage_id = stage->id;
          if (!dg_stage_rules_insert_locked (db, rule, now, error))
            return FALSE;
        }
    }

  cohorts = dg_cohorts_list (db, from, TRUE, error);
  if (cohorts == NULL)
    return FALSE;

  for (guint i = 0; i < cohorts->len; i++)
    {
      DgCohort *cohort = g_ptr_array_index (cohorts, i);
      gint64 old_id = cohort->id;

      cohort->journey_id = copy->id;
      if (!dg_cohorts_insert_locked (db, cohort, now, error))
        return FALSE;
      g_hash_table_insert (cohort_map, g_memdup2 (&old_id, sizeof old_id),
                           g_memdup2 (&cohort->id, sizeof cohort->id));
    }

  return !with_customers
         || copy_enrollments_locked (db, from, copy->id, stage_map, cohort_map, now, error);
}

gboolean
dg_journeys_duplicate (DgDatabase  *db,
                       DgClock     *clock,
                       gint64       id,
                       gboolean     with_customers,
                       gint64      *out_id,
                       GError     **error)
{
  g_autofree char *now = NULL;
  g_autoptr(DgJourney) original = NULL;
  g_autoptr(DgJourney) copy = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DG_IS_CLOCK (clock), FALSE);

  now = dg_journeys_now_text (db, clock);
  if (!dg_database_begin (db, error))
    return FALSE;

  original = dg_journeys_get (db, id, error);
  if (original == NULL)
    return fail (db);

  /* Translators: the name of a copy of a journey; %s is the original's. */
  name = g_strdup_printf (_("%s (copy)"), original->name);
  copy = dg_journey_new (name);
  g_free (copy->description);
  copy->description = g_strdup (original->description);

  if (!duplicate_locked (db, copy, id, with_customers, now, error))
    return fail (db);

  dg_database_notify_changed (db, DG_TABLE_JOURNEYS);
  dg_database_notify_changed (db, DG_TABLE_STAGES);
  dg_database_notify_changed (db, DG_TABLE_COHORTS);
  if (with_customers)
    dg_database_notify_changed (db, DG_TABLE_ENROLLMENTS);

  if (!dg_database_commit (db, error))
    return FALSE;

  if (out_id != NULL)
    *out_id = copy->id;

  return TRUE;
}

/* Cohorts */

static gboolean
check_cohort (DgCohort  *cohort,
              GError   **error)
{
  return dg_journeys_check_name (&cohort->name, _("A cohort needs a name"), error)
         && dg_journeys_check_date (cohort->date, error);
}

gboolean
dg_cohorts_insert_locked (DgDatabase  *db,
                          DgCohort    *cohort,
                          const char  *now,
                          GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();

  stmt = dg_database_prepare (db,
                              "INSERT INTO cohorts (uuid, journey_id, name, date, archived, created_at, updated_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                              error);
  if (stmt == NULL)
    return FALSE;

  dg_database_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, cohort->journey_id);
  dg_database_bind_text (stmt, 3, cohort->name);
  dg_database_bind_text (stmt, 4, cohort->date);
  sqlite3_bind_int (stmt, 5, cohort->archived ? 1 : 0);
  dg_database_bind_text (stmt, 6, now);
  if (!dg_database_run (db, stmt, error))
    return FALSE;

  cohort->id = sqlite3_last_insert_rowid (dg_database_get_handle (db));
  g_free (cohort->uuid);
  cohort->uuid = g_steal_pointer (&uuid);

  return TRUE;
}

gboolean
dg_cohorts_insert (DgDatabase  *db,
                   DgCohort    *cohort,
                   GError     **error)
{
  return dg_cohorts_insert_with_clock (db, cohort, NULL, error);
}

gboolean
dg_cohorts_insert_with_clock (DgDatabase  *db,
                              DgCohort    *cohort,
                              DgClock     *clock,
                              GError     **error)
{
  g_autofree char *now = dg_journeys_now_text (db, clock);
  g_autoptr(DgJourney) journey = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (cohort != NULL, FALSE);

  if (!check_cohort (cohort, error) || !dg_database_begin (db, error))
    return FALSE;

  journey = dg_journeys_get (db, cohort->journey_id, error);
  if (journey == NULL || !dg_cohorts_insert_locked (db, cohort, now, error))
    return fail (db);

  dg_database_notify_changed (db, DG_TABLE_COHORTS);

  return dg_database_commit (db, error);
}

gboolean
dg_cohorts_update (DgDatabase  *db,
                   DgCohort    *cohort,
                   GError     **error)
{
  g_autofree char *now = dg_journeys_now_text (db, NULL);
  g_auto(DgStatement) stmt = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (cohort != NULL, FALSE);

  if (!check_cohort (cohort, error))
    return FALSE;

  stmt = dg_database_prepare (db,
                              "UPDATE cohorts SET name = ?2, date = ?3, archived = ?4, updated_at = ?5 "
                              "WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, cohort->id);
  dg_database_bind_text (stmt, 2, cohort->name);
  dg_database_bind_text (stmt, 3, cohort->date);
  sqlite3_bind_int (stmt, 4, cohort->archived ? 1 : 0);
  dg_database_bind_text (stmt, 5, now);
  if (!dg_database_run (db, stmt, error))
    return FALSE;
  if (dg_database_changes (db) == 0)
    return dg_journeys_not_found (error, _("The cohort no longer exists"));

  dg_database_notify_changed (db, DG_TABLE_COHORTS);

  return TRUE;
}

gboolean
dg_cohorts_delete (DgDatabase  *db,
                   gint64       id,
                   GError     **error)
{
  const char *steps[] = {
    /* The reference cascades (see the migration): unlink first. */
    "UPDATE enrollments SET cohort_id = NULL WHERE cohort_id = ?1",
    "DELETE FROM cohorts WHERE id = ?1",
  };

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);

  if (!dg_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_auto(DgStatement) stmt = dg_database_prepare (db, steps[i], error);

      if (stmt == NULL)
        return fail (db);

      sqlite3_bind_int64 (stmt, 1, id);
      if (!dg_database_run (db, stmt, error))
        return fail (db);
      if (i == 1 && dg_database_changes (db) == 0)
        {
          dg_journeys_not_found (error, _("The cohort no longer exists"));
          return fail (db);
        }
    }

  dg_database_notify_changed (db, DG_TABLE_COHORTS);
  dg_database_notify_changed (db, DG_TABLE_ENROLLMENTS);

  return dg_database_commit (db, error);
}

DgCohort *
dg_cohorts_get (DgDatabase  *db,
                gint64       id,
                GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  stmt = dg_database_prepare (db, "SELECT " DG_COHORT_COLUMNS "FROM cohorts WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return dg_cohorts_from_row (stmt);
  if (rc == SQLITE_DONE)
    dg_journeys_not_found (error, _("The cohort no longer exists"));
  else
    dg_database_set_error (db, error);

  return NULL;
}

GPtrArray *
dg_cohorts_list (DgDatabase  *db,
                 gint64       journey_id,
                 gboolean     include_archived,
                 GError     **error)
{
  g_auto(DgStatement) stmt = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  stmt = dg_database_prepare (db,
                              "SELECT " DG_COHORT_COLUMNS "FROM cohorts "
                              "WHERE journey_id = ?1 AND (?2 OR archived = 0) "
                              "ORDER BY date IS NULL, date, name, id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, journey_id);
  sqlite3_bind_int (stmt, 2, include_archived ? 1 : 0);

  return collect (db, stmt, (gpointer) dg_cohorts_from_row, (GDestroyNotify) dg_cohort_free, error);
}
