/* dg-bench-journey-move.c
 *
 * The bulk move of a column: the first N cards of the busy journey's
 * "survey" column, as the board lists them, moved to the next stage (two
 * rules: a timed follow-up three days after entering, an all-day one two
 * weeks after the cohort's date) through dg_enrollments_move(), against
 * the floor: the same rows written by plain prepared statements in one
 * transaction. After each run its rows are removed again (the API's by
 * its Undo, whose time is reported too), so every run starts from the
 * same database.
 */
#define G_LOG_DOMAIN "Dangol-Bench"

#include "config.h"

#include "dg-bench-journey-data.h"
#include "dg-bench-journey.h"
#include "dg-record-private.h"

/* "설문" → "다음 과정 초대" */
#define FROM_STAGE 4

/* A follow-up the API made, which the floor writes again. */
typedef struct
{
  gint64  enrollment_id;
  gint64  rule_id;
  gint64  customer_id;
  char   *title;
  char   *note;
  int     all_day;
  char   *due_at;
  char   *due_date;
  gint64  due_key;
  char   *anchor;
  gint64  remind_at;      /* 0 for NULL */
} Made;

static void
made_clear (Made *made)
{
  g_free (made->title);
  g_free (made->note);
  g_free (made->due_at);
  g_free (made->due_date);
  g_free (made->anchor);
}

typedef struct
{
  DgDatabase *db;
  DgClock    *clock;
  gint64      from_stage;
  gint64      to_stage;
  GArray     *ids;            /* gint64, the column's order */
  /* Each enrollment as it was, to put back after the floor. */
  GPtrArray  *since_before;
  GPtrArray  *updated_before;
  GArray     *made;           /* Made, in the order the API made them */
  char       *now_text;
  GPtrArray  *uuids;          /* fresh ones for the floor's rows */
} Move;

static char *
column_text_or_null (sqlite3_stmt *stmt,
                     int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL
         ? NULL : g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           column,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, column);
}

static GPtrArray *
read_column (Move       *move,
             const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM enrollments WHERE id = ?1", column);
  sqlite3_stmt *stmt = bench_prepare (move->db, sql);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < move->ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (move->ids, gint64, i));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        g_error ("no enrollment %" G_GINT64_FORMAT, g_array_index (move->ids, gint64, i));
      g_ptr_array_add (values, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  return values;
}

static DgBulkUndo *
run_api (Move *move)
{
  g_autoptr(GError) error = NULL;
  DgBulkUndo *undo;

  undo = dg_enrollments_move (move->db, move->clock, (const gint64 *) move->ids->data, move->ids->len,
                              move->to_stage, &error);
  bench_check (undo != NULL, error, "move");
  if (dg_bulk_undo_get_n_changed (undo) != move->ids->len)
    g_error ("the move changed %u of %u enrollments", dg_bulk_undo_get_n_changed (undo), move->ids->len);

  return undo;
}

/* Moves once through the API and keeps the follow-ups it made, for the
 * floor to write the same; then undoes it. */
static void
prepare_floor (Move *move)
{
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  gint64 max_followup = bench_query_int (move->db, "SELECT coalesce (max (id), 0) FROM followups");
  sqlite3_stmt *stmt;

  undo = run_api (move);
  stmt = bench_prepare (move->db,
                        "SELECT l.enrollment_id, l.rule_id, f.customer_id, f.title, f.note, f.all_day, "
                        "  f.due_at, f.due_date, f.due_key, f.recurrence_anchor, f.remind_at "
                        "FROM enrollment_followups l JOIN followups f ON f.id = l.followup_id "
                        "WHERE f.id > ?1 ORDER BY f.id");
  sqlite3_bind_int64 (stmt, 1, max_followup);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Made made = {
        .enrollment_id = sqlite3_column_int64 (stmt, 0),
        .rule_id = sqlite3_column_int64 (stmt, 1),
        .customer_id = sqlite3_column_int64 (stmt, 2),
        .title = column_text_or_null (stmt, 3),
        .note = column_text_or_null (stmt, 4),
        .all_day = sqlite3_column_int (stmt, 5),
        .due_at = column_text_or_null (stmt, 6),
        .due_date = column_text_or_null (stmt, 7),
        .due_key = sqlite3_column_int64 (stmt, 8),
        .anchor = column_text_or_null (stmt, 9),
        .remind_at = sqlite3_column_int64 (stmt, 10),
      };

      g_array_append_val (move->made, made);
    }
  sqlite3_finalize (stmt);

  bench_check (dg_bulk_undo_apply (undo, &error), error, "undo");
}

static void
run_floor (Move *move)
{
  sqlite3_stmt *enrollment = bench_prepare (move->db,
                                            "UPDATE enrollments SET stage_id = ?2, status = 'active', "
                                            "  drop_reason = '', since = ?3, updated_at = ?3 WHERE id = ?1");
  sqlite3_stmt *event = bench_prepare (move->db,
                                       "INSERT INTO stage_events (uuid, enrollment_id, from_stage_id, "
                                       "  to_stage_id, status, reason, occurred_at) "
                                       "VALUES (?1, ?2, ?3, ?4, 'active', '', ?5)");
  sqlite3_stmt *followup = bench_prepare (move->db,
                                          "INSERT INTO followups (uuid, customer_id, title, note, all_day, "
                                          "  due_at, due_date, due_key, recurrence_anchor, remind_at, "
                                          "  created_at, updated_at) "
                                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)");
  sqlite3_stmt *link = bench_prepare (move->db,
                                      "INSERT INTO enrollment_followups (followup_id, enrollment_id, rule_id) "
                                      "VALUES (?1, ?2, ?3)");
  sqlite3 *handle = dg_database_get_handle (move->db);
  guint next_made = 0;
  guint next_uuid = 0;

  bench_exec (move->db, "BEGIN IMMEDIATE");
  for (guint i = 0; i < move->ids->len; i++)
    {
      gint64 id = g_array_index (move->ids, gint64, i);

      sqlite3_bind_int64 (enrollment, 1, id);
      sqlite3_bind_int64 (enrollment, 2, move->to_stage);
      sqlite3_bind_text (enrollment, 3, move->now_text, -1, SQLITE_STATIC);
      bench_step (move->db, enrollment);

      sqlite3_bind_text (event, 1, g_ptr_array_index (move->uuids, next_uuid++), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (event, 2, id);
      sqlite3_bind_int64 (event, 3, move->from_stage);
      sqlite3_bind_int64 (event, 4, move->to_stage);
      sqlite3_bind_text (event, 5, move->now_text, -1, SQLITE_STATIC);
      bench_step (move->db, event);

      for (; next_made < move->made->len
             && g_array_index (move->made, Made, next_made).enrollment_id == id; next_made++)
        {
          Made *made = &g_array_index (move->made, Made, next_made);

          sqlite3_bind_text (followup, 1, g_ptr_array_index (move->uuids, next_uuid++), -1, SQLITE_STATIC);
          sqlite3_bind_int64 (followup, 2, made->customer_id);
          sqlite3_bind_text (followup, 3, made->title, -1, SQLITE_STATIC);
          sqlite3_bind_text (followup, 4, made->note, -1, SQLITE_STATIC);
          sqlite3_bind_int (followup, 5, made->all_day);
          bind_text_or_null (followup, 6, made->due_at);
          bind_text_or_null (followup, 7, made->due_date);
          sqlite3_bind_int64 (followup, 8, made->due_key);
          sqlite3_bind_text (followup, 9, made->anchor, -1, SQLITE_STATIC);
          if (made->remind_at != 0)
            sqlite3_bind_int64 (followup, 10, made->remind_at);
          sqlite3_bind_text (followup, 11, move->now_text, -1, SQLITE_STATIC);
          bench_step (move->db, followup);

          sqlite3_bind_int64 (link, 1, sqlite3_last_insert_rowid (handle));
          sqlite3_bind_int64 (link, 2, id);
          sqlite3_bind_int64 (link, 3, made->rule_id);
          bench_step (move->db, link);
        }
    }
  bench_exec (move->db, "COMMIT");

  sqlite3_finalize (enrollment);
  sqlite3_finalize (event);
  sqlite3_finalize (followup);
  sqlite3_finalize (link);
}

/* Puts back what run_floor() changed; not timed. */
static void
clean_floor (Move   *move,
             gint64  max_event,
             gint64  max_followup)
{
  sqlite3_stmt *enrollment = bench_prepare (move->db,
                                            "UPDATE enrollments SET stage_id = ?2, since = ?3, updated_at = ?4 "
                                            "WHERE id = ?1");
  g_autofree char *events = g_strdup_printf ("DELETE FROM stage_events WHERE id > %" G_GINT64_FORMAT, max_event);
  g_autofree char *links = g_strdup_printf ("DELETE FROM enrollment_followups WHERE followup_id > %" G_GINT64_FORMAT,
                                            max_followup);
  g_autofree char *followups = g_strdup_printf ("DELETE FROM followups WHERE id > %" G_GINT64_FORMAT, max_followup);

  bench_exec (move->db, "BEGIN IMMEDIATE");
  bench_exec (move->db, links);
  bench_exec (move->db, followups);
  bench_exec (move->db, events);
  for (guint i = 0; i < move->ids->len; i++)
    {
      sqlite3_bind_int64 (enrollment, 1, g_array_index (move->ids, gint64, i));
      sqlite3_bind_int64 (enrollment, 2, move->from_stage);
      sqlite3_bind_text (enrollment, 3, g_ptr_array_index (move->since_before, i), -1, SQLITE_STATIC);
      sqlite3_bind_text (enrollment, 4, g_ptr_array_index (move->updated_before, i), -1, SQLITE_STATIC);
      bench_step (move->db, enrollment);
    }
  bench_exec (move->db, "COMMIT");
  sqlite3_finalize (enrollment);
}

int
dg_bench_journey_move (DgDatabase *db,
                       int         n_cards,
                       int         runs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GArray) api = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) undo_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GDateTime) now = NULL;
  Move move = { .db = db };
  guint n_in_column;
  double ratio;

  move.clock = dg_clock_new_system ();
  bench_check (dg_followups_sync_time_zone (db, move.clock, &error), error, "time zone");

  stages = dg_stages_list (db, bench_journey_id (db, DG_BENCH_JOURNEY_NAME), &error);
  bench_check (stages != NULL && stages->len == DG_BENCH_JOURNEY_STAGES, error, "stages");
  move.from_stage = ((DgStage *) g_ptr_array_index (stages, FROM_STAGE))->id;
  move.to_stage = ((DgStage *) g_ptr_array_index (stages, FROM_STAGE + 1))->id;

  move.ids = dg_enrollments_stage_ids (db, move.from_stage, 0, 0, &error);
  bench_check (move.ids != NULL, error, "column");
  n_in_column = move.ids->len;
  if (n_in_column < (guint) n_cards)
    g_error ("the column holds %u cards, fewer than %d", n_in_column, n_cards);
  g_array_set_size (move.ids, n_cards);

  move.since_before = read_column (&move, "since");
  move.updated_before = read_column (&move, "updated_at");
  move.made = g_array_new (FALSE, FALSE, sizeof (Made));
  g_array_set_clear_func (move.made, (GDestroyNotify) made_clear);
  now = dg_clock_get_now_utc (move.clock);
  move.now_text = dg_record_format_time (now);

  prepare_floor (&move);

  g_print ("%d of the %u cards of “%s” to “%s”, %u rule follow-ups; median and slowest of %d runs (ms)\n",
           n_cards, n_in_column, ((DgStage *) g_ptr_array_index (stages, FROM_STAGE))->name,
           ((DgStage *) g_ptr_array_index (stages, FROM_STAGE + 1))->name, move.made->len, runs);
  g_print ("%-30s %9s %9s %9s %9s %7s %9s\n", "", "API", "slowest", "floor", "slowest", "ratio", "undo");

  for (int run = 0; run < runs; run++)
    {
      gint64 max_event = bench_query_int (db, "SELECT coalesce (max (id), 0) FROM stage_events");
      gint64 max_followup = bench_query_int (db, "SELECT coalesce (max (id), 0) FROM followups");

      g_clear_pointer (&move.uuids, g_ptr_array_unref);
      move.uuids = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < move.ids->len + move.made->len; i++)
        g_ptr_array_add (move.uuids, g_uuid_string_random ());

      /* Which goes first alternates: the second finds the pages the first
       * (and its clean-up) left in the caches. */
      for (int turn = 0; turn < 2; turn++)
        {
          gint64 start;
          double ms;

          bench_checkpoint (db);
          start = g_get_monotonic_time ();
          if ((turn + run) % 2 == 0)
            {
              run_floor (&move);
              ms = bench_ms_since (start);
              g_array_append_val (floor, ms);
              clean_floor (&move, max_event, max_followup);
            }
          else
            {
              g_autoptr(DgBulkUndo) undo = run_api (&move);

              ms = bench_ms_since (start);
              g_array_append_val (api, ms);

              bench_checkpoint (db);
              start = g_get_monotonic_time ();
              bench_check (dg_bulk_undo_apply (undo, &error), error, "undo");
              ms = bench_ms_since (start);
              g_array_append_val (undo_times, ms);
            }
        }
    }

  ratio = bench_median (api) / bench_median (floor);
  g_print ("%-30s %9.1f %9.1f %9.1f %9.1f %7.2f %9.1f\n", "move a column",
           bench_median (api), bench_slowest (api), bench_median (floor), bench_slowest (floor),
           ratio, bench_median (undo_times));
  g_print ("worst ratio: %.2f\n", ratio);

  g_clear_pointer (&move.ids, g_array_unref);
  g_clear_pointer (&move.since_before, g_ptr_array_unref);
  g_clear_pointer (&move.updated_before, g_ptr_array_unref);
  g_clear_pointer (&move.made, g_array_unref);
  g_clear_pointer (&move.uuids, g_ptr_array_unref);
  g_free (move.now_text);
  g_clear_object (&move.clock);

  return 0;
}
