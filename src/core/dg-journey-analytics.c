/* dg-journey-analytics.c
 *
 * Each figure is one grouped query over the journey's enrollments (of
 * the cohort asked for) and their stage events; a stay in a stage is an
 * event that made the enrollment active there, up to the next event of
 * the same enrollment (LEAD over its events in time order).
 */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-journey-analytics.h"
#include "dg-journeys-private.h"
#include "dg-record-private.h"
#include "dg-stages.h"

/* ?1 the journey, ?2 the cohort or NULL, ?3 now. */
#define ENROLLED                                                               \
  "WITH e AS (SELECT id, customer_id FROM enrollments "                        \
  "  WHERE journey_id = ?1 AND (?2 IS NULL OR cohort_id = ?2)) "
#define STAYS                                                                  \
  ", ev AS (SELECT s.enrollment_id, s.to_stage_id AS stage_id, s.status, "     \
  "    s.occurred_at AS start_at, LEAD (s.occurred_at) OVER "                  \
  "    (PARTITION BY s.enrollment_id ORDER BY s.occurred_at, s.id) AS end_at " \
  "  FROM stage_events s JOIN e ON e.id = s.enrollment_id), "                  \
  "stays AS (SELECT enrollment_id, stage_id, start_at, end_at FROM ev "        \
  "  WHERE status = 'active') "

static const char *now_sql =
  "SELECT en.stage_id, count (*), "
  "  sum (s.usual_days IS NOT NULL AND unixepoch (?3) - unixepoch (en.since) > s.usual_days * 86400) "
  "FROM enrollments en JOIN stages s ON s.id = en.stage_id "
  "WHERE en.journey_id = ?1 AND (?2 IS NULL OR en.cohort_id = ?2) AND en.status = 'active' "
  "GROUP BY en.stage_id";

static const char *conversion_sql =
  ENROLLED
  ", reached AS (SELECT DISTINCT s.enrollment_id, s.to_stage_id AS stage_id "
  "  FROM stage_events s JOIN e ON e.id = s.enrollment_id WHERE s.status = 'active'), "
  "ordered AS (SELECT id, LAG (id) OVER (ORDER BY position, id) AS prev_id "
  "  FROM stages WHERE journey_id = ?1) "
  "SELECT o.id, "
  "  (SELECT count (*) FROM reached r WHERE r.stage_id = o.id), "
  "  (SELECT count (*) FROM reached r WHERE r.stage_id = o.prev_id), "
  "  (SELECT count (*) FROM reached r JOIN reached r2 ON r2.enrollment_id = r.enrollment_id "
  "    WHERE r.stage_id = o.prev_id AND r2.stage_id = o.id) "
  "FROM ordered o";

/* One window, so the stays are sorted once: by stage, then days. */
static const char *median_sql =
  ENROLLED STAYS
  ", d AS (SELECT stage_id, (unixepoch (coalesce (end_at, ?3)) - unixepoch (start_at)) / 86400.0 AS days "
  "  FROM stays), "
  "r AS (SELECT stage_id, days, ROW_NUMBER () OVER w AS rn, "
  "  count (*) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS n FROM d "
  "  WINDOW w AS (PARTITION BY stage_id ORDER BY days)) "
  "SELECT stage_id, avg (days) FROM r WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY stage_id";

static const char *dropped_sql =
  "SELECT stage_id, drop_reason, count (*) FROM enrollments "
  "WHERE journey_id = ?1 AND (?2 IS NULL OR cohort_id = ?2) AND status = 'dropped' "
  "GROUP BY stage_id, drop_reason ORDER BY stage_id, count (*) DESC, drop_reason";

/* From each contact with feedback, the stay it fell in: the latest event
 * of the enrollment at or before it (the later of two at one moment, as
 * the stays are ordered), when that event made the enrollment active. A
 * seek in the enrollment's events per contact, rather than every stay of
 * the journey matched against every contact. */
static const char *feeling_sql =
  ENROLLED
  "SELECT st.to_stage_id, i.feedback, count (*) FROM e "
  "JOIN interactions i ON i.customer_id = e.customer_id "
  "JOIN stage_events st ON st.id = (SELECT s.id FROM stage_events s "
  "  WHERE s.enrollment_id = e.id AND s.occurred_at <= i.occurred_at "
  "  ORDER BY s.occurred_at DESC, s.id DESC LIMIT 1) "
  "WHERE i.feedback IS NOT NULL AND st.status = 'active' "
  "GROUP BY st.to_stage_id, i.feedback";

static void
drop_reason_free (DgDropReason *reason)
{
  g_free (reason->reason);
  g_free (reason);
}

void
dg_stage_figures_free (DgStageFigures *figures)
{
  if (figures == NULL)
    return;

  g_clear_pointer (&figures->drop_reasons, g_ptr_array_unref);
  g_free (figures);
}

double
dg_stage_figures_get_feeling (DgStageFigures *figures)
{
  guint all;

  g_return_val_if_fail (figures != NULL, 0);

  all = figures->n_positive + figures->n_neutral + figures->n_negative;

  return all > 0 ? ((double) figures->n_positive - figures->n_negative) / all : 0;
}

typedef void (*RowFunc) (DgStageFigures *figures,
                         sqlite3_stmt   *stmt);

static void
read_now (DgStageFigures *figures,
          sqlite3_stmt   *stmt)
{
  figures->n_now = sqlite3_column_int (stmt, 1);
  figures->n_stuck = sqlite3_column_int (stmt, 2);
}

static void
read_conversion (DgStageFigures *figures,
                 sqlite3_stmt   *stmt)
{
  figures->n_reached = sqlite3_column_int (stmt, 1);
  figures->n_reached_previous = sqlite3_column_int (stmt, 2);
  figures->n_converted = sqlite3_column_int (stmt, 3);
}

static void
read_median (DgStageFigures *figures,
             sqlite3_stmt   *stmt)
{
  figures->median_days = sqlite3_column_double (stmt, 1);
}

static void
read_dropped (DgStageFigures *figures,
              sqlite3_stmt   *stmt)
{
  DgDropReason *reason = g_new0 (DgDropReason, 1);

  reason->reason = dg_journeys_column_text (stmt, 1);
  reason->count = sqlite3_column_int (stmt, 2);
  figures->n_dropped += reason->count;
  g_ptr_array_add (figures->drop_reasons, reason);
}

static void
read_feeling (DgStageFigures *figures,
              sqlite3_stmt   *stmt)
{
  const char *feedback = (const char *) sqlite3_column_text (stmt, 1);
  guint count = sqlite3_column_int (stmt, 2);

  if (g_strcmp0 (feedback, "positive") == 0)
    figures->n_positive = count;
  else if (g_strcmp0 (feedback, "neutral") == 0)
    figures->n_neutral = count;
  else if (g_strcmp0 (feedback, "negative") == 0)
    figures->n_negative = count;
}

/* Runs @sql and hands each row to @func with the figures of its stage
 * (column 0); rows of a stage not in @by_stage are skipped. */
static gboolean
run (DgDatabase  *db,
     const char  *sql,
     gint64       journey_id,
     gint64       cohort_id,
     const char  *now,
     GHashTable  *by_stage,
     RowFunc      func,
     GError     **error)
{
  g_auto(DgStatement) stmt = dg_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, journey_id);
  if (cohort_id != 0)
    sqlite3_bind_int64 (stmt, 2, cohort_id);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    dg_database_bind_text (stmt, 3, now);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 stage_id = sqlite3_column_int64 (stmt, 0);
      DgStageFigures *figures = g_hash_table_lookup (by_stage, &stage_id);

      if (figures != NULL)
        func (figures, stmt);
    }

  if (rc != SQLITE_DONE)
    return dg_database_set_error (db, error);

  return TRUE;
}

static gboolean
compute_locked (DgDatabase  *db,
                gint64       journey_id,
                gint64       cohort_id,
                const char  *now,
                GPtrArray   *result,
                GError     **error)
{
  g_autoptr(GPtrArray) stages = dg_stages_list (db, journey_id, error);
  g_autoptr(GHashTable) by_stage = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (stages == NULL)
    return FALSE;

  for (guint i = 0; i < stages->len; i++)
    {
      DgStageFigures *figures = g_new0 (DgStageFigures, 1);

      figures->stage_id = ((DgStage *) g_ptr_array_index (stages, i))->id;
      figures->conversion = -1;
      figures->median_days = -1;
      figures->drop_reasons = g_ptr_array_new_with_free_func ((GDestroyNotify) drop_reason_free);
      g_ptr_array_add (result, figures);
      g_hash_table_insert (by_stage, &figures->stage_id, figures);
    }

  if (!run (db, now_sql, journey_id, cohort_id, now, by_stage, read_now, error)
      || !run (db, conversion_sql, journey_id, cohort_id, now, by_stage, read_conversion, error)
      || !run (db, median_sql, journey_id, cohort_id, now, by_stage, read_median, error)
      || !run (db, dropped_sql, journey_id, cohort_id, now, by_stage, read_dropped, error)
      || !run (db, feeling_sql, journey_id, cohort_id, now, by_stage, read_feeling, error))
    return FALSE;

  for (guint i = 1; i < result->len; i++)
    {
      DgStageFigures *figures = g_ptr_array_index (result, i);

      if (figures->n_reached_previous > 0)
        figures->conversion = (double) figures->n_converted / figures->n_reached_previous;
    }

  return TRUE;
}

/* The figures as of @now; on a reader connection too. */
static GPtrArray *
analytics_at (DgDatabase  *db,
              GDateTime   *now,
              gint64       journey_id,
              gint64       cohort_id,
              GError     **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_stage_figures_free);
  g_autofree char *now_text = dg_record_format_time (now);

  /* One read transaction, so that every figure sees the same moment. A
   * savepoint outside a transaction begins a deferred one: it takes no
   * write lock, so the figures hold up no one's writes, and a read-only
   * connection can read them. */
  if (!dg_database_exec (db, "SAVEPOINT dg_journey_analytics", error))
    return NULL;

  if (!compute_locked (db, journey_id, cohort_id, now_text, result, error))
    {
      dg_database_exec (db, "ROLLBACK TO dg_journey_analytics; RELEASE dg_journey_analytics", NULL);
      return NULL;
    }

  if (!dg_database_exec (db, "RELEASE dg_journey_analytics", error))
    return NULL;

  return g_steal_pointer (&result);
}

GPtrArray *
dg_journey_analytics (DgDatabase  *db,
                      DgClock     *clock,
                      gint64       journey_id,
                      gint64       cohort_id,
                      GError     **error)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);

  now = dg_clock_get_now_utc (clock);

  return analytics_at (db, now, journey_id, cohort_id, error);
}

typedef struct
{
  char      *path;
  GDateTime *now;
  gint64     journey_id;
  gint64     cohort_id;
  /* See dg_journey_analytics_hold_for_testing(); the next two are under
   * hold_lock. */
  gboolean   held;
  gboolean   released;
  GError    *fail;
} Query;

static GMutex hold_lock;
static GCond hold_cond;
static gboolean hold_for_testing;
/* Query *, of the held reads not yet let go in their workers. */
static GPtrArray *held_queries;
/* Counted in the main thread only: reads start and finish there. */
static guint n_unfinished_for_testing;

static void
query_free (Query *query)
{
  g_free (query->path);
  g_date_time_unref (query->now);
  g_clear_error (&query->fail);
  g_free (query);
}

void
dg_journey_analytics_hold_for_testing (gboolean hold)
{
  g_mutex_lock (&hold_lock);
  hold_for_testing = hold;
  if (hold)
    n_unfinished_for_testing = 0;
  g_cond_broadcast (&hold_cond);
  g_mutex_unlock (&hold_lock);
}

void
dg_journey_analytics_release_for_testing (gint64        journey_id,
                                          gint64        cohort_id,
                                          const GError *error)
{
  g_mutex_lock (&hold_lock);
  for (guint i = 0; held_queries != NULL && i < held_queries->len; i++)
    {
      Query *query = g_ptr_array_index (held_queries, i);

      if (query->journey_id != journey_id || query->cohort_id != cohort_id || query->released)
        continue;
      query->released = TRUE;
      if (error != NULL)
        query->fail = g_error_copy (error);
    }
  g_cond_broadcast (&hold_cond);
  g_mutex_unlock (&hold_lock);
}

guint
dg_journey_analytics_get_n_unfinished_for_testing (void)
{
  return n_unfinished_for_testing;
}

static void
wake_held (GCancellable *cancellable,
           gpointer      user_data)
{
  g_mutex_lock (&hold_lock);
  g_cond_broadcast (&hold_cond);
  g_mutex_unlock (&hold_lock);
}

/* In the worker; a cancelled read goes on at once, as it would unheld. */
static void
wait_while_held (Query        *query,
                 GCancellable *cancellable)
{
  gulong handler = 0;

  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (wake_held), NULL, NULL);

  g_mutex_lock (&hold_lock);
  while (hold_for_testing && !query->released && !g_cancellable_is_cancelled (cancellable))
    g_cond_wait (&hold_cond, &hold_lock);
  g_ptr_array_remove_fast (held_queries, query);
  if (held_queries->len == 0)
    g_clear_pointer (&held_queries, g_ptr_array_unref);
  g_mutex_unlock (&hold_lock);

  /* Not under hold_lock: disconnecting waits for a wake_held() under way. */
  if (cancellable != NULL)
    g_cancellable_disconnect (cancellable, handler);
}

static void
analytics_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Query *query = task_data;
  g_autoptr(DgDatabase) reader = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *figures = NULL;

  if (query->held)
    {
      wait_while_held (query, cancellable);
      if (query->fail != NULL)
        {
          g_task_return_error (task, g_error_copy (query->fail));
          return;
        }
    }

  reader = dg_database_open_reader (query->path, cancellable, &error);
  if (reader != NULL)
    figures = analytics_at (reader, query->now, query->journey_id, query->cohort_id, &error);

  if (figures != NULL)
    g_task_return_pointer (task, figures, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
dg_journey_analytics_async (DgDatabase          *db,
                            DgClock             *clock,
                            gint64               journey_id,
                            gint64               cohort_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Query *query;

  g_return_if_fail (DG_IS_DATABASE (db));
  g_return_if_fail (DG_IS_CLOCK (clock));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  query = g_new0 (Query, 1);
  query->path = g_strdup (dg_database_get_path (db));
  query->now = dg_clock_get_now_utc (clock);
  query->journey_id = journey_id;
  query->cohort_id = cohort_id;
  /* Listed from the start, so that a release finds it before its worker
   * has begun. */
  g_mutex_lock (&hold_lock);
  query->held = hold_for_testing;
  if (query->held)
    {
      if (held_queries == NULL)
        held_queries = g_ptr_array_new ();
      g_ptr_array_add (held_queries, query);
    }
  g_mutex_unlock (&hold_lock);
  if (query->held)
    n_unfinished_for_testing++;

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, dg_journey_analytics_async);
  g_task_set_task_data (task, query, (GDestroyNotify) query_free);
  g_task_run_in_thread (task, analytics_thread);
}

GPtrArray *
dg_journey_analytics_finish (DgDatabase    *db,
                             GAsyncResult  *result,
                             GError       **error)
{
  Query *query;

  g_return_val_if_fail (g_task_is_valid (result, db), NULL);

  query = g_task_get_task_data (G_TASK (result));
  if (query->held && n_unfinished_for_testing > 0)
    n_unfinished_for_testing--;

  return g_task_propagate_pointer (G_TASK (result), error);
}
