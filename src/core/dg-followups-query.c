/* dg-followups-query.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-error.h"
#include "dg-customers-private.h"
#include "dg-followup-private.h"
#include "dg-followups-private.h"
#include "dg-record-private.h"

void
dg_followups_set_not_found (GError **error)
{
  g_set_error_literal (error, DG_ERROR, DG_ERROR_NOT_FOUND,
                       _("This follow-up no longer exists; it may have been deleted."));
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

DgFollowup *
dg_followups_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) due_at = dg_record_parse_time (column_text (stmt, 6));
  g_autoptr(GDateTime) done_at = dg_record_parse_time (column_text (stmt, 9));
  g_autoptr(GDateTime) snoozed_until = dg_record_parse_time (column_text (stmt, 10));
  g_autoptr(GDateTime) notified_at = dg_record_parse_time (column_text (stmt, 15));
  g_autoptr(GDateTime) created_at = dg_record_parse_time (column_text (stmt, 16));
  g_autoptr(GDateTime) updated_at = NULL;
  DgFollowupStored stored = {
    .id = sqlite3_column_int64 (stmt, 0),
    .uuid = column_text (stmt, 1),
    .customer_id = sqlite3_column_int64 (stmt, 2),
    .title = column_text (stmt, 3),
    .note = column_text (stmt, 4),
    .all_day = sqlite3_column_int (stmt, 5) != 0,
    .due_at = due_at,
    .due_date = column_text (stmt, 7),
    .status = DG_FOLLOWUP_STATUS_OPEN,
    .done_at = done_at,
    .snoozed_until = snoozed_until,
    .recurrence = DG_RECURRENCE_NONE,
    .recurrence_interval = sqlite3_column_int (stmt, 12),
    .recurrence_anchor = column_text (stmt, 13),
    .keep_in_touch = sqlite3_column_int (stmt, 14) != 0,
    .notified_at = notified_at,
    .created_at = created_at,
    .customer_name = column_text (stmt, 18),
  };

  /* A follow-up never edited was updated when it was made: one time
   * object serves both. */
  if (created_at != NULL && g_strcmp0 (column_text (stmt, 16), column_text (stmt, 17)) == 0)
    updated_at = g_date_time_ref (created_at);
  else
    updated_at = dg_record_parse_time (column_text (stmt, 17));
  stored.updated_at = updated_at;

  dg_followup_status_from_string (column_text (stmt, 8), &stored.status);
  dg_recurrence_unit_from_string (column_text (stmt, 11), &stored.recurrence);

  return dg_followup_new_stored (&stored);
}

GPtrArray *
dg_followups_collect_rows (DgDatabase    *db,
                           sqlite3_stmt  *stmt,
                           GError       **error)
{
  g_autoptr(GPtrArray) followups = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (followups, dg_followups_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      dg_database_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&followups);
}

static DgFollowup *
get_one (DgDatabase    *db,
         sqlite3_stmt  *stmt,
         GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return dg_followups_from_row (stmt);

  if (rc == SQLITE_DONE)
    dg_followups_set_not_found (error);
  else
    dg_database_set_error (db, error);

  return NULL;
}

DgFollowup *
dg_followups_get (DgDatabase  *db,
                  gint64       id,
                  GError     **error)
{
  g_auto(DgStatement) stmt = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  stmt = dg_database_prepare (db, DG_FOLLOWUP_SELECT "WHERE f.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);

  return get_one (db, stmt, error);
}

DgFollowup *
dg_followups_get_by_uuid (DgDatabase  *db,
                          const char  *uuid,
                          GError     **error)
{
  g_auto(DgStatement) stmt = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  stmt = dg_database_prepare (db, DG_FOLLOWUP_SELECT "WHERE f.uuid = ?1", error);
  if (stmt == NULL)
    return NULL;

  dg_database_bind_text (stmt, 1, uuid);

  return get_one (db, stmt, error);
}

/* Every list walks one index in due order: the partial index of open
 * follow-ups, or the one of all of them (which also holds the status, so
 * that counting the not-cancelled ones needs no row). The status terms are
 * written out, not bound, so that SQLite can match the partial index. */
#define ORDER_LIMIT " ORDER BY f.due_key, f.id LIMIT ?3"

/* Where an open follow-up is listed: at its due, or at its snooze while
 * that snooze is later than the due and its reminder is still to come
 * (remind_at is then the snooze's instant, see dg-followups.c). A snooze
 * before the due only brings the reminder earlier. Once the snooze's
 * reminder was shown, the follow-up is back at its due. The two are
 * exact complements; the second reads followups_snoozed_by_remind. */
#define AT_DUE                                                                  \
  "(f.snoozed_until IS NULL OR f.remind_at IS NULL OR f.remind_at <= f.due_key)"
#define AT_SNOOZE                                                               \
  "(f.snoozed_until IS NOT NULL AND f.remind_at IS NOT NULL AND f.remind_at > f.due_key)"

static const char *
range_sql (DgFollowupFilter filter)
{
  switch (filter)
    {
    case DG_FOLLOWUP_FILTER_NOT_CANCELLED:
      return "SELECT " DG_FOLLOWUP_COLUMNS ", f.due_key " DG_FOLLOWUP_FROM
             "WHERE f.due_key >= ?1 AND f.due_key < ?2 AND f.status <> 'cancelled' "
             "  AND " AT_DUE
             ORDER_LIMIT;

    case DG_FOLLOWUP_FILTER_ALL:
      return "SELECT " DG_FOLLOWUP_COLUMNS ", f.due_key " DG_FOLLOWUP_FROM
             "WHERE f.due_key >= ?1 AND f.due_key < ?2 AND " AT_DUE
             ORDER_LIMIT;

    case DG_FOLLOWUP_FILTER_OPEN:
    default:
      return "SELECT " DG_FOLLOWUP_COLUMNS ", f.due_key " DG_FOLLOWUP_FROM
             "WHERE f.status = 'open' AND f.due_key >= ?1 AND f.due_key < ?2 "
             "  AND " AT_DUE
             ORDER_LIMIT;
    }
}

/* The snoozed ones listed at their snooze in [?1, ?2). Only an open
 * follow-up has a remind_at, so this serves every filter. */
#define SNOOZED_SQL                                                             \
  "SELECT " DG_FOLLOWUP_COLUMNS ", f.remind_at " DG_FOLLOWUP_FROM               \
  "WHERE f.remind_at >= ?1 AND f.remind_at < ?2 AND " AT_SNOOZE                 \
  " ORDER BY f.remind_at, f.id LIMIT ?3"

/* LIMIT -1 is no limit to SQLite. */
static gint64
sql_limit (guint limit)
{
  return limit == 0 ? -1 : (gint64) limit;
}

/* A follow-up with the instant it is listed at. */
typedef struct
{
  DgFollowup *followup;
  gint64      key;
} Keyed;

static void
keyed_clear (gpointer data)
{
  g_clear_object (&((Keyed *) data)->followup);
}

/* The rows of @stmt, whose last column (after DG_FOLLOWUP_COLUMNS) is the
 * instant each is listed at. */
static GArray *
collect_keyed (DgDatabase    *db,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Keyed));
  int rc;

  g_array_set_clear_func (rows, keyed_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Keyed keyed = { dg_followups_from_row (stmt), sqlite3_column_int64 (stmt, 19) };

      g_array_append_val (rows, keyed);
    }
  if (rc != SQLITE_DONE)
    {
      dg_database_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static GArray *
run_keyed (DgDatabase  *db,
           const char  *sql,
           gint64       from,
           gint64       to,
           guint        limit,
           GError     **error)
{
  g_auto(DgStatement) stmt = NULL;

  stmt = dg_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, sql_limit (limit));

  return collect_keyed (db, stmt, error);
}

/* Merges two lists, each in the order of its instants, into one (ties by
 * id), at most @limit long when not 0. */
static GPtrArray *
merge_keyed (GArray *a,
             GArray *b,
             guint   limit)
{
  GPtrArray *merged = g_ptr_array_new_with_free_func (g_object_unref);
  guint i = 0, j = 0;

  while ((i < a->len || j < b->len) && (limit == 0 || merged->len < limit))
    {
      Keyed *next;

      if (j >= b->len)
        next = &g_array_index (a, Keyed, i++);
      else if (i >= a->len)
        next = &g_array_index (b, Keyed, j++);
      else
        {
          Keyed *x = &g_array_index (a, Keyed, i);
          Keyed *y = &g_array_index (b, Keyed, j);
          gboolean take_a = x->key < y->key
                            || (x->key == y->key
                                && dg_followup_get_id (x->followup) <= dg_followup_get_id (y->followup));

          next = take_a ? &g_array_index (a, Keyed, i++) : &g_array_index (b, Keyed, j++);
        }
      g_ptr_array_add (merged, g_steal_pointer (&next->followup));
    }

  return merged;
}

/* Listed in [@from, @to): due then (per @due_sql) or, snoozed past the
 * due, at the snooze. */
static GPtrArray *
list_between (DgDatabase   *db,
              const char   *due_sql,
              gint64        from,
              gint64        to,
              guint         limit,
              GError      **error)
{
  g_autoptr(GArray) due = NULL;
  g_autoptr(GArray) snoozed = NULL;

  due = run_keyed (db, due_sql, from, to, limit, error);
  if (due == NULL)
    return NULL;
  snoozed = run_keyed (db, SNOOZED_SQL, from, to, limit, error);
  if (snoozed == NULL)
    return NULL;

  return merge_keyed (due, snoozed, limit);
}

GPtrArray *
dg_followups_list_range (DgDatabase        *db,
                         GDateTime         *from,
                         GDateTime         *to,
                         DgFollowupFilter   filter,
                         guint              limit,
                         GError           **error)
{
  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (from != NULL, NULL);
  g_return_val_if_fail (to != NULL, NULL);

  return list_between (db, range_sql (filter),
                       g_date_time_to_unix (from), g_date_time_to_unix (to),
                       limit, error);
}

/* The starts of the local day @date and of the day @n_days later. */
static gboolean
day_bounds (GTimeZone   *tz,
            const GDate *date,
            guint        n_days,
            gint64      *out_start,
            gint64      *out_end)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  GDate last = *date;

  g_date_add_days (&last, n_days);

  start = dg_recurrence_day_start (tz, date);
  end = dg_recurrence_day_start (tz, &last);
  if (start == NULL || end == NULL)
    return FALSE;

  *out_start = g_date_time_to_unix (start);
  *out_end = g_date_time_to_unix (end);

  return TRUE;
}

GPtrArray *
dg_followups_list_day (DgDatabase        *db,
                       DgClock           *clock,
                       const GDate       *date,
                       DgFollowupFilter   filter,
                       guint              limit,
                       GError           **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  gint64 start, end;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  tz = dg_clock_dup_time_zone (clock);
  if (!day_bounds (tz, date, 1, &start, &end))
    return g_ptr_array_new_with_free_func (g_object_unref);

  return list_between (db, range_sql (filter), start, end, limit, error);
}

/* Now, the start of today and of tomorrow, by @clock. */
typedef struct
{
  GDateTime *now;
  char      *now_text;
  GDate      today;
  gint64     today_start;
  gint64     tomorrow_start;
} Today;

static void
today_clear (Today *today)
{
  g_clear_pointer (&today->now, g_date_time_unref);
  g_clear_pointer (&today->now_text, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Today, today_clear)

static void
today_init (Today   *today,
            DgClock *clock)
{
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (clock);

  today->now = dg_clock_get_now_utc (clock);
  today->now_text = dg_record_format_time (today->now);
  dg_recurrence_local_date (today->now, tz, &today->today);
  if (!day_bounds (tz, &today->today, 1, &today->today_start, &today->tomorrow_start))
    today->today_start = today->tomorrow_start = g_date_time_to_unix (today->now);
}

/* Timed ones before now; all-day ones dated before today. */
#define OVERDUE_WHERE                                                           \
  "WHERE f.status = 'open' AND f.due_key < ?1 "                                 \
  "  AND (f.all_day = 0 OR f.due_key < ?2) "                                    \
  "  AND (f.snoozed_until IS NULL OR f.snoozed_until <= ?4) "

GPtrArray *
dg_followups_list_overdue (DgDatabase  *db,
                           DgClock     *clock,
                           guint        limit,
                           GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  g_auto(Today) today = { 0 };

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);

  today_init (&today, clock);

  stmt = dg_database_prepare (db, DG_FOLLOWUP_SELECT OVERDUE_WHERE ORDER_LIMIT, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (today.now));
  sqlite3_bind_int64 (stmt, 2, today.today_start);
  sqlite3_bind_int64 (stmt, 3, sql_limit (limit));
  sqlite3_bind_text (stmt, 4, today.now_text, -1, SQLITE_STATIC);

  return dg_followups_collect_rows (db, stmt, error);
}

gint64
dg_followups_count_overdue (DgDatabase  *db,
                            DgClock     *clock,
                            guint        limit,
                            GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  g_auto(Today) today = { 0 };
  gint64 count = 0;
  int rc;

  g_return_val_if_fail (DG_IS_DATABASE (db), -1);
  g_return_val_if_fail (DG_IS_CLOCK (clock), -1);

  today_init (&today, clock);

  /* The WHERE is the list's, its ?3 the limit: the rows are counted as
   * they are stepped, so that a limit stops early. */
  stmt = dg_database_prepare (db, "SELECT 1 FROM followups f " OVERDUE_WHERE "LIMIT ?3", error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (today.now));
  sqlite3_bind_int64 (stmt, 2, today.today_start);
  sqlite3_bind_int64 (stmt, 3, sql_limit (limit));
  sqlite3_bind_text (stmt, 4, today.now_text, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    count++;

  if (rc != SQLITE_DONE)
    {
      dg_database_set_error (db, error);
      return -1;
    }

  return count;
}

GPtrArray *
dg_followups_list_due_today (DgDatabase  *db,
                             DgClock     *clock,
                             guint        limit,
                             GError     **error)
{
  g_auto(Today) today = { 0 };
  g_auto(DgStatement) stmt = NULL;
  g_autoptr(GArray) due = NULL;
  g_autoptr(GArray) snoozed = NULL;
  gint64 now;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);

  today_init (&today, clock);
  now = g_date_time_to_unix (today.now);

  /* Due today and not past, unless snoozed past the due until later: a
   * snooze that has ended leaves it at its due again. */
  stmt = dg_database_prepare (db,
                              "SELECT " DG_FOLLOWUP_COLUMNS ", f.due_key " DG_FOLLOWUP_FROM
                              "WHERE f.status = 'open' AND f.due_key >= ?1 AND f.due_key < ?2 "
                              "  AND (f.all_day = 1 OR f.due_key >= ?4) "
                              "  AND (" AT_DUE " OR f.snoozed_until <= ?5)"
                              ORDER_LIMIT,
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, today.today_start);
  sqlite3_bind_int64 (stmt, 2, today.tomorrow_start);
  sqlite3_bind_int64 (stmt, 3, sql_limit (limit));
  sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_text (stmt, 5, today.now_text, -1, SQLITE_STATIC);

  due = collect_keyed (db, stmt, error);
  if (due == NULL)
    return NULL;

  /* Snoozed from whenever it was due to later today. From the next
   * second: at the snooze's very instant it is due (or overdue) again. */
  snoozed = run_keyed (db, SNOOZED_SQL, now + 1, today.tomorrow_start, limit, error);
  if (snoozed == NULL)
    return NULL;

  return merge_keyed (due, snoozed, limit);
}

GPtrArray *
dg_followups_list_upcoming (DgDatabase  *db,
                            DgClock     *clock,
                            guint        n_days,
                            guint        limit,
                            GError     **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_auto(Today) today = { 0 };
  GDate tomorrow;
  gint64 start, end;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);

  today_init (&today, clock);
  tz = dg_clock_dup_time_zone (clock);
  tomorrow = today.today;
  g_date_add_days (&tomorrow, 1);

  if (n_days == 0 || !day_bounds (tz, &tomorrow, n_days, &start, &end))
    return g_ptr_array_new_with_free_func (g_object_unref);

  return list_between (db, range_sql (DG_FOLLOWUP_FILTER_OPEN), start, end, limit, error);
}

GPtrArray *
dg_followups_list_for_customer (DgDatabase       *db,
                                gint64            customer_id,
                                DgFollowupFilter  filter,
                                GError          **error)
{
  g_auto(DgStatement) stmt = NULL;
  const char *sql;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  switch (filter)
    {
    case DG_FOLLOWUP_FILTER_NOT_CANCELLED:
      sql = DG_FOLLOWUP_SELECT
            "WHERE f.customer_id = ?1 AND f.status <> 'cancelled' ORDER BY f.due_key, f.id";
      break;

    case DG_FOLLOWUP_FILTER_ALL:
      sql = DG_FOLLOWUP_SELECT "WHERE f.customer_id = ?1 ORDER BY f.due_key, f.id";
      break;

    case DG_FOLLOWUP_FILTER_OPEN:
    default:
      sql = DG_FOLLOWUP_SELECT
            "WHERE f.customer_id = ?1 AND f.status = 'open' ORDER BY f.due_key, f.id";
      break;
    }

  stmt = dg_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, customer_id);

  return dg_followups_collect_rows (db, stmt, error);
}

static const char *
count_sql (DgFollowupFilter filter)
{
  switch (filter)
    {
    case DG_FOLLOWUP_FILTER_NOT_CANCELLED:
      return "SELECT due_key FROM followups "
             "WHERE due_key >= ?1 AND due_key < ?2 AND status <> 'cancelled' "
             "ORDER BY due_key";

    case DG_FOLLOWUP_FILTER_ALL:
      return "SELECT due_key FROM followups "
             "WHERE due_key >= ?1 AND due_key < ?2 ORDER BY due_key";

    case DG_FOLLOWUP_FILTER_OPEN:
    default:
      return "SELECT due_key FROM followups "
             "WHERE status = 'open' AND due_key >= ?1 AND due_key < ?2 ORDER BY due_key";
    }
}

GArray *
dg_followups_count_per_day (DgDatabase        *db,
                            GTimeZone         *tz,
                            const GDate       *first,
                            guint              n_days,
                            DgFollowupFilter   filter,
                            GError           **error)
{
  g_autoptr(GArray) counts = NULL;
  g_autofree gint64 *bounds = NULL;
  g_auto(DgStatement) stmt = NULL;
  guint day = 0;
  int rc;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (tz != NULL, NULL);
  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);

  counts = g_array_sized_new (FALSE, TRUE, sizeof (guint), n_days);
  g_array_set_size (counts, n_days);
  if (n_days == 0)
    return g_steal_pointer (&counts);

  /* The start of each day and of the day after the last: one range query
   * in due order, split where each day begins. */
  bounds = g_new (gint64, n_days + 1);
  for (guint i = 0; i <= n_days; i++)
    {
      g_autoptr(GDateTime) start = NULL;
      GDate day = *first;

      g_date_add_days (&day, i);
      start = dg_recurrence_day_start (tz, &day);
      if (start == NULL)
        return g_steal_pointer (&counts);
      bounds[i] = g_date_time_to_unix (start);
    }

  stmt = dg_database_prepare (db, count_sql (filter), error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, bounds[0]);
  sqlite3_bind_int64 (stmt, 2, bounds[n_days]);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 key = sqlite3_column_int64 (stmt, 0);

      while (day + 1 < n_days && key >= bounds[day + 1])
        day++;
      g_array_index (counts, guint, day)++;
    }

  if (rc != SQLITE_DONE)
    {
      dg_database_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&counts);
}

GArray *
dg_followups_count_month (DgDatabase        *db,
                          GTimeZone         *tz,
                          int                year,
                          int                month,
                          DgFollowupFilter   filter,
                          GError           **error)
{
  GDate first;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (year >= 1 && year <= 9999, NULL);
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, month, year);

  return dg_followups_count_per_day (db, tz, &first, g_date_get_days_in_month (month, year),
                                     filter, error);
}
