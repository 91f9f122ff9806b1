/* dg-bench-bulk.c
 *
 * Bulk actions on a selection: tagging, archiving, logging one contact
 * for all and adding one follow-up for each, on N customers picked at
 * random from a benchmark database, each through dg-customers-bulk.h and
 * as the floor: the same rows written by plain prepared statements in one
 * transaction, with every value (uuids, tag text, search rows, due keys)
 * computed beforehand. The difference is what core adds around the
 * writes: its checks, the reads for Undo and recomputing derived values.
 *
 * The runs alternate API and floor, so that a slow moment of the machine
 * hits both alike; after each run its rows are removed again (the API's by
 * its Undo, whose time is reported too), so every run starts from the same
 * database. The database is changed while it runs: give it a copy.
 */
#define G_LOG_DOMAIN "Dangol-Bench"

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "dg-core.h"
#include "dg-database-private.h"

static int      opt_selected = 10000;
static int      opt_runs = 5;
static int      opt_seed = 20261206;
static char    *opt_db = NULL;
static int      opt_only = -1;

static const GOptionEntry entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &opt_db, "Database to change (a copy)", "PATH" },
  { "selected", 'n', 0, G_OPTION_ARG_INT, &opt_selected, "Customers selected (default 10000)", "N" },
  { "runs", 'r', 0, G_OPTION_ARG_INT, &opt_runs, "Timed runs of each (default 5)", "N" },
  { "seed", 0, 0, G_OPTION_ARG_INT, &opt_seed, "Random seed of the selection", "SEED" },
  { "only", 0, 0, G_OPTION_ARG_INT, &opt_only, "Time only action N (0 tag, 1 archive, 2 contact, 3 follow-up)", "N" },
  { NULL }
};

#define BENCH_TAG "벌크 벤치"

typedef struct
{
  DgDatabase *db;
  DgClock    *clock;
  GArray     *ids;            /* gint64, the selection, ascending */
  gint64      tag_id;
  /* Per selected customer, before and after the tag was added. */
  GPtrArray  *tags_before, *tags_after;
  GPtrArray  *search_before, *search_after;
  GPtrArray  *updated_before;
  GPtrArray  *uuids;          /* fresh ones for the floor's rows */
  char       *now_text;
  /* One stored follow-up of the API, whose values the floor copies. */
  char       *due_key, *remind_at, *anchor;
} Bench;

static void
check (gboolean  ok,
       GError   *error,
       const char *what)
{
  if (!ok)
    g_error ("%s: %s", what, error != NULL ? error->message : "failed");
}

static sqlite3_stmt *
prepare (Bench      *bench,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (dg_database_get_handle (bench->db), sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (dg_database_get_handle (bench->db)));

  return stmt;
}

static void
step (Bench        *bench,
      sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("%s: %s", sqlite3_sql (stmt), sqlite3_errmsg (dg_database_get_handle (bench->db)));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static void
exec (Bench      *bench,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (dg_database_get_handle (bench->db), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Column @column of each selected customer's row in @table (keyed by
 * @key), as text. */
static GPtrArray *
read_column (Bench      *bench,
             const char *table,
             const char *key,
             const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s = ?1", column, table, key);
  sqlite3_stmt *stmt = prepare (bench, sql);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < bench->ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (bench->ids, gint64, i));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        g_error ("no %s for customer %" G_GINT64_FORMAT, column, g_array_index (bench->ids, gint64, i));
      g_ptr_array_add (values, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  return values;
}

static gint64
query_int (Bench      *bench,
           const char *sql)
{
  sqlite3_stmt *stmt = prepare (bench, sql);
  gint64 value;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s: no row", sql);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* @n distinct customers, at random, not archived and without the bench
 * tag, sorted. */
static GArray *
pick_selection (Bench *bench,
                int    n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (opt_seed);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 max_id = query_int (bench, "SELECT max (id) FROM customers");
  sqlite3_stmt *exists = prepare (bench, "SELECT 1 FROM customers WHERE id = ?1 AND archived = 0");
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (query_int (bench, "SELECT count (*) FROM customers WHERE archived = 0") < n)
    g_error ("the database has fewer than %d customers", n);

  while ((int) ids->len < n)
    {
      gint64 id = g_rand_int_range (rand, 1, (gint32) MIN (max_id, G_MAXINT32 - 1) + 1);
      gboolean found;

      if (g_hash_table_contains (taken, &id))
        continue;
      sqlite3_bind_int64 (exists, 1, id);
      found = sqlite3_step (exists) == SQLITE_ROW;
      sqlite3_reset (exists);
      if (!found)
        continue;

      g_array_append_val (ids, id);
      g_hash_table_add (taken, g_memdup2 (&id, sizeof id));
    }
  sqlite3_finalize (exists);

  g_array_sort (ids, compare_ids);

  return ids;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Empties the write-ahead log, so that no timed run pays for a checkpoint
 * the one before it made due. */
static void
checkpoint (Bench *bench)
{
  exec (bench, "PRAGMA wal_checkpoint (TRUNCATE)");
}

/* --- the floors: the same rows, plain SQL, one transaction -------------- */

static void
floor_tag (Bench *bench)
{
  sqlite3_stmt *link = prepare (bench, "INSERT INTO customer_tags (customer_id, tag_id) VALUES (?1, ?2)");
  sqlite3_stmt *row = prepare (bench, "UPDATE customers SET tags_text = ?2, updated_at = ?3 WHERE id = ?1");
  sqlite3_stmt *search = prepare (bench, "UPDATE customer_search SET haystack = ?2 WHERE customer_id = ?1");

  exec (bench, "BEGIN IMMEDIATE");
  for (guint i = 0; i < bench->ids->len; i++)
    {
      gint64 id = g_array_index (bench->ids, gint64, i);

      sqlite3_bind_int64 (link, 1, id);
      sqlite3_bind_int64 (link, 2, bench->tag_id);
      step (bench, link);
      sqlite3_bind_int64 (row, 1, id);
      sqlite3_bind_text (row, 2, g_ptr_array_index (bench->tags_after, i), -1, SQLITE_STATIC);
      sqlite3_bind_text (row, 3, bench->now_text, -1, SQLITE_STATIC);
      step (bench, row);
      sqlite3_bind_int64 (search, 1, id);
      sqlite3_bind_text (search, 2, g_ptr_array_index (bench->search_after, i), -1, SQLITE_STATIC);
      step (bench, search);
    }
  exec (bench, "COMMIT");

  sqlite3_finalize (link);
  sqlite3_finalize (row);
  sqlite3_finalize (search);
}

/* Puts back what floor_tag() changed; not timed. */
static void
floor_tag_clean (Bench *bench)
{
  sqlite3_stmt *link = prepare (bench, "DELETE FROM customer_tags WHERE customer_id = ?1 AND tag_id = ?2");
  sqlite3_stmt *row = prepare (bench, "UPDATE customers SET tags_text = ?2, updated_at = ?3 WHERE id = ?1");
  sqlite3_stmt *search = prepare (bench, "UPDATE customer_search SET haystack = ?2 WHERE customer_id = ?1");

  exec (bench, "BEGIN IMMEDIATE");
  for (guint i = 0; i < bench->ids->len; i++)
    {
      gint64 id = g_array_index (bench->ids, gint64, i);

      sqlite3_bind_int64 (link, 1, id);
      sqlite3_bind_int64 (link, 2, bench->tag_id);
      step (bench, link);
      sqlite3_bind_int64 (row, 1, id);
      sqlite3_bind_text (row, 2, g_ptr_array_index (bench->tags_before, i), -1, SQLITE_STATIC);
      sqlite3_bind_text (row, 3, g_ptr_array_index (bench->updated_before, i), -1, SQLITE_STATIC);
      step (bench, row);
      sqlite3_bind_int64 (search, 1, id);
      sqlite3_bind_text (search, 2, g_ptr_array_index (bench->search_before, i), -1, SQLITE_STATIC);
      step (bench, search);
    }
  exec (bench, "COMMIT");

  sqlite3_finalize (link);
  sqlite3_finalize (row);
  sqlite3_finalize (search);
}

static void
floor_archive (Bench *bench)
{
  sqlite3_stmt *row = prepare (bench, "UPDATE customers SET archived = 1, updated_at = ?2 WHERE id = ?1");

  exec (bench, "BEGIN IMMEDIATE");
  for (guint i = 0; i < bench->ids->len; i++)
    {
      sqlite3_bind_int64 (row, 1, g_array_index (bench->ids, gint64, i));
      sqlite3_bind_text (row, 2, bench->now_text, -1, SQLITE_STATIC);
      step (bench, row);
    }
  exec (bench, "COMMIT");
  sqlite3_finalize (row);
}

static void
floor_archive_clean (Bench *bench)
{
  sqlite3_stmt *row = prepare (bench, "UPDATE customers SET archived = 0, updated_at = ?2 WHERE id = ?1");

  exec (bench, "BEGIN IMMEDIATE");
  for (guint i = 0; i < bench->ids->len; i++)
    {
      sqlite3_bind_int64 (row, 1, g_array_index (bench->ids, gint64, i));
      sqlite3_bind_text (row, 2, g_ptr_array_index (bench->updated_before, i), -1, SQLITE_STATIC);
      step (bench, row);
    }
  exec (bench, "COMMIT");
  sqlite3_finalize (row);
}

static void
floor_contact (Bench *bench)
{
  /* The schema's triggers keep last_contact_at, as for the API. */
  sqlite3_stmt *row = prepare (bench,
                               "INSERT INTO interactions (uuid, customer_id, occurred_at, channel, "
                               "  summary, feedback, created_at) "
                               "VALUES (?1, ?2, ?3, 'message', '특강 감사 문자 보냄', 'positive', ?3)");

  exec (bench, "BEGIN IMMEDIATE");
  for (guint i = 0; i < bench->ids->len; i++)
    {
      sqlite3_bind_text (row, 1, g_ptr_array_index (bench->uuids, i), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (row, 2, g_array_index (bench->ids, gint64, i));
      sqlite3_bind_text (row, 3, bench->now_text, -1, SQLITE_STATIC);
      step (bench, row);
    }
  exec (bench, "COMMIT");
  sqlite3_finalize (row);
}

static void
floor_followup (Bench *bench)
{
  g_autofree char *due = dg_customers_bulk_date_in_days (bench->clock, 14);
  sqlite3_stmt *row = prepare (bench,
                               "INSERT INTO followups (uuid, customer_id, title, note, all_day, "
                               "  due_date, due_key, recurrence_anchor, remind_at, created_at, updated_at) "
                               "VALUES (?1, ?2, '다음 강의 초대', '4월 특강 안내', 1, ?3, ?4, ?5, ?6, ?7, ?7)");

  exec (bench, "BEGIN IMMEDIATE");
  for (guint i = 0; i < bench->ids->len; i++)
    {
      sqlite3_bind_text (row, 1, g_ptr_array_index (bench->uuids, i), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (row, 2, g_array_index (bench->ids, gint64, i));
      sqlite3_bind_text (row, 3, due, -1, SQLITE_STATIC);
      sqlite3_bind_text (row, 4, bench->due_key, -1, SQLITE_STATIC);
      sqlite3_bind_text (row, 5, bench->anchor, -1, SQLITE_STATIC);
      sqlite3_bind_text (row, 6, bench->remind_at, -1, SQLITE_STATIC);
      sqlite3_bind_text (row, 7, bench->now_text, -1, SQLITE_STATIC);
      step (bench, row);
    }
  exec (bench, "COMMIT");
  sqlite3_finalize (row);
}

/* Deletes the rows of @table with an id above @max_id, as the floor added
 * them; not timed. */
static void
delete_above (Bench      *bench,
              const char *table,
              gint64      max_id)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id > %" G_GINT64_FORMAT, table, max_id);

  exec (bench, "BEGIN IMMEDIATE");
  exec (bench, sql);
  exec (bench, "COMMIT");
}

/* --- the API ------------------------------------------------------------ */

typedef enum
{
  ACTION_TAG,
  ACTION_ARCHIVE,
  ACTION_CONTACT,
  ACTION_FOLLOWUP,
  N_ACTIONS
} Action;

static const char * const action_labels[N_ACTIONS] = {
  "add a tag",
  "archive",
  "log one contact for all",
  "add one follow-up for each",
};

static DgBulkUndo *
run_api (Bench  *bench,
         Action  action)
{
  const gint64 *ids = (const gint64 *) bench->ids->data;
  guint n = bench->ids->len;
  g_autoptr(GError) error = NULL;
  DgBulkUndo *undo = NULL;

  switch (action)
    {
    case ACTION_TAG:
      undo = dg_customers_bulk_add_tag (bench->db, ids, n, BENCH_TAG, &error);
      break;
    case ACTION_ARCHIVE:
      undo = dg_customers_bulk_set_archived (bench->db, ids, n, TRUE, &error);
      break;
    case ACTION_CONTACT:
      {
        g_autoptr(DgInteraction) contact = dg_interaction_new ();
        g_autoptr(GDateTime) now = dg_clock_get_now_utc (bench->clock);

        dg_interaction_set_occurred_at (contact, now);
        dg_interaction_set_channel (contact, DG_INTERACTION_CHANNEL_MESSAGE);
        dg_interaction_set_summary (contact, "특강 감사 문자 보냄");
        dg_interaction_set_feedback (contact, DG_INTERACTION_FEEDBACK_POSITIVE);
        undo = dg_customers_bulk_log_contact (bench->db, bench->clock, ids, n, contact, &error);
      }
      break;
    case ACTION_FOLLOWUP:
      {
        g_autoptr(DgFollowup) followup = dg_followup_new ();
        g_autofree char *due = dg_customers_bulk_date_in_days (bench->clock, 14);

        dg_followup_set_title (followup, "다음 강의 초대");
        dg_followup_set_note (followup, "4월 특강 안내");
        dg_followup_set_due_date (followup, due);
        undo = dg_customers_bulk_add_followup (bench->db, bench->clock, ids, n, followup, &error);
      }
      break;
    default:
      g_assert_not_reached ();
    }

  check (undo != NULL, error, action_labels[action]);
  if (dg_bulk_undo_get_n_changed (undo) != n)
    g_error ("%s changed %u of %u customers", action_labels[action], dg_bulk_undo_get_n_changed (undo), n);

  return undo;
}

static void
run_floor (Bench  *bench,
           Action  action)
{
  switch (action)
    {
    case ACTION_TAG: floor_tag (bench); break;
    case ACTION_ARCHIVE: floor_archive (bench); break;
    case ACTION_CONTACT: floor_contact (bench); break;
    case ACTION_FOLLOWUP: floor_followup (bench); break;
    default: g_assert_not_reached ();
    }
}

static void
clean_floor (Bench  *bench,
             Action  action,
             gint64  max_interaction,
             gint64  max_followup)
{
  switch (action)
    {
    case ACTION_TAG: floor_tag_clean (bench); break;
    case ACTION_ARCHIVE: floor_archive_clean (bench); break;
    case ACTION_CONTACT: delete_above (bench, "interactions", max_interaction); break;
    case ACTION_FOLLOWUP: delete_above (bench, "followups", max_followup); break;
    default: g_assert_not_reached ();
    }
}

/* Runs the API once untimed, reading what it wrote for the floor to
 * write the same, then undoes it. */
static void
prepare_floor (Bench  *bench,
               Action  action)
{
  g_autoptr(DgBulkUndo) undo = run_api (bench, action);
  g_autoptr(GError) error = NULL;

  if (action == ACTION_TAG)
    {
      bench->tags_after = read_column (bench, "customers", "id", "tags_text");
      bench->search_after = read_column (bench, "customer_search", "customer_id", "haystack");
    }
  else if (action == ACTION_FOLLOWUP)
    {
      sqlite3_stmt *stmt = prepare (bench, "SELECT due_key, remind_at, recurrence_anchor FROM followups "
                                           "ORDER BY id DESC LIMIT 1");

      if (sqlite3_step (stmt) != SQLITE_ROW)
        g_error ("no follow-up was added");
      bench->due_key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      bench->remind_at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      bench->anchor = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      sqlite3_finalize (stmt);
    }

  check (dg_bulk_undo_apply (undo, &error), error, "undo");
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);

  if (samples->len % 2 == 1)
    return g_array_index (samples, double, samples->len / 2);

  return (g_array_index (samples, double, samples->len / 2 - 1)
          + g_array_index (samples, double, samples->len / 2)) / 2;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  Bench bench = { 0 };
  double worst = 0;

  setlocale (LC_ALL, "");

  context = g_option_context_new ("- time bulk actions against the same writes alone");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (opt_db == NULL || opt_selected <= 0 || opt_runs <= 0)
    {
      g_printerr ("Usage: dg-bench-bulk --db PATH [--selected N] [--runs N]\n");
      return 2;
    }

  bench.db = dg_database_open (opt_db, &error);
  check (bench.db != NULL, error, opt_db);
  bench.clock = dg_clock_new_system ();
  check (dg_followups_sync_time_zone (bench.db, bench.clock, &error), error, "time zone");

  /* The tag exists beforehand, so that the floor links the same one. */
  exec (&bench, "INSERT OR IGNORE INTO tags (uuid, name) VALUES ('bench-bulk-tag', '" BENCH_TAG "')");
  bench.tag_id = query_int (&bench, "SELECT id FROM tags WHERE name = '" BENCH_TAG "'");

  bench.ids = pick_selection (&bench, opt_selected);
  bench.tags_before = read_column (&bench, "customers", "id", "tags_text");
  bench.search_before = read_column (&bench, "customer_search", "customer_id", "haystack");
  bench.updated_before = read_column (&bench, "customers", "id", "updated_at");
  now = dg_clock_get_now_utc (bench.clock);
  bench.now_text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  g_print ("%d selected of %" G_GINT64_FORMAT " customers, median of %d runs (ms)\n",
           opt_selected, query_int (&bench, "SELECT count (*) FROM customers"), opt_runs);
  g_print ("%-28s %9s %9s %7s %9s\n", "", "API", "floor", "ratio", "undo");

  for (Action action = 0; action < N_ACTIONS; action++)
    {
      g_autoptr(GArray) api = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) undo_times = g_array_new (FALSE, FALSE, sizeof (double));
      double ratio;

      if (opt_only >= 0 && (int) action != opt_only)
        continue;

      prepare_floor (&bench, action);

      for (int run = 0; run < opt_runs; run++)
        {
          gint64 max_interaction = query_int (&bench, "SELECT coalesce (max (id), 0) FROM interactions");
          gint64 max_followup = query_int (&bench, "SELECT coalesce (max (id), 0) FROM followups");
          gint64 start;
          double ms;

          g_clear_pointer (&bench.uuids, g_ptr_array_unref);
          bench.uuids = g_ptr_array_new_with_free_func (g_free);
          for (guint i = 0; i < bench.ids->len; i++)
            g_ptr_array_add (bench.uuids, g_uuid_string_random ());

          /* Which goes first alternates: the second finds the pages the
           * first (and its clean-up) left in the caches. */
          for (int turn = 0; turn < 2; turn++)
            {
              if ((turn + run) % 2 == 0)
                {
                  checkpoint (&bench);
                  start = g_get_monotonic_time ();
                  run_floor (&bench, action);
                  ms = ms_since (start);
                  g_array_append_val (floor, ms);
                  clean_floor (&bench, action, max_interaction, max_followup);
                }
              else
                {
                  g_autoptr(DgBulkUndo) undo = NULL;

                  checkpoint (&bench);
                  start = g_get_monotonic_time ();
                  undo = run_api (&bench, action);
                  ms = ms_since (start);
                  g_array_append_val (api, ms);

                  checkpoint (&bench);
                  start = g_get_monotonic_time ();
                  check (dg_bulk_undo_apply (undo, &error), error, "undo");
                  ms = ms_since (start);
                  g_array_append_val (undo_times, ms);
                }
            }
        }

      ratio = median (api) / median (floor);
      worst = MAX (worst, ratio);
      g_print ("%-28s %9.1f %9.1f %7.2f %9.1f\n", action_labels[action],
               median (api), median (floor), ratio, median (undo_times));
    }

  if (opt_only >= 0)
    goto done;

  /* Deleting has no plain-SQL twin worth the name (the cascade does the
   * work); its time and its Undo's, from snapshots, are shown as they are. */
  {
    g_autoptr(DgBulkUndo) undo = NULL;
    gint64 start = g_get_monotonic_time ();
    double delete_ms, undo_ms;

    undo = dg_customers_bulk_delete (bench.db, (const gint64 *) bench.ids->data, bench.ids->len, &error);
    check (undo != NULL, error, "delete");
    delete_ms = ms_since (start);
    start = g_get_monotonic_time ();
    check (dg_bulk_undo_apply (undo, &error), error, "undo delete");
    undo_ms = ms_since (start);
    g_print ("%-28s %9.1f %9s %7s %9.1f\n", "delete (one run)", delete_ms, "-", "-", undo_ms);
  }

done:
  g_print ("worst ratio: %.2f\n", worst);

  /* What the runs left: the bench tag, unlinked. */
  exec (&bench, "DELETE FROM tags WHERE name = '" BENCH_TAG "'");

  g_clear_pointer (&bench.ids, g_array_unref);
  g_clear_pointer (&bench.tags_before, g_ptr_array_unref);
  g_clear_pointer (&bench.tags_after, g_ptr_array_unref);
  g_clear_pointer (&bench.search_before, g_ptr_array_unref);
  g_clear_pointer (&bench.search_after, g_ptr_array_unref);
  g_clear_pointer (&bench.updated_before, g_ptr_array_unref);
  g_clear_pointer (&bench.uuids, g_ptr_array_unref);
  g_free (bench.now_text);
  g_free (bench.due_key);
  g_free (bench.remind_at);
  g_free (bench.anchor);
  g_clear_object (&bench.clock);
  g_clear_object (&bench.db);

  return 0;
}
