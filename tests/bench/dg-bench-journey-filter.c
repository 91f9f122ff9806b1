/* dg-bench-journey-filter.c
 *
 * Times the customer list's journey filter on a copy of a benchmark
 * database (dg-bench-generate): every customer is enrolled in a journey
 * of 8 stages and 500 cohorts (90% active, 6% dropped, 4% completed), then
 * each filter (the journey, a stage, a cohort, both, a status, with and
 * without search text) is read through dg_customers_search_ids() and, for
 * comparison, as one SQL statement that does the same in SQLite alone.
 * Prints the median of several runs of each, in milliseconds, and the
 * query plan of each filter's read of the enrollments.
 */
#define G_LOG_DOMAIN "Dangol-Bench"

#include "config.h"

#include <locale.h>

#include "dg-core.h"
#include "dg-database-private.h"

#define N_STAGES  8
#define N_COHORTS 500
#define N_RUNS    7

typedef struct
{
  const char        *name;
  const char        *text;
  gboolean           with_stage;
  gboolean           with_cohort;
  DgEnrollmentStatus status;
} Case;

static const Case cases[] = {
  { "no filter", NULL, FALSE, FALSE, -1 },
  { "journey", NULL, FALSE, FALSE, DG_ENROLLMENT_ACTIVE },
  { "journey, dropped", NULL, FALSE, FALSE, DG_ENROLLMENT_DROPPED },
  { "stage", NULL, TRUE, FALSE, DG_ENROLLMENT_ACTIVE },
  { "stage, dropped", NULL, TRUE, FALSE, DG_ENROLLMENT_DROPPED },
  { "cohort", NULL, FALSE, TRUE, DG_ENROLLMENT_ACTIVE },
  { "stage and cohort", NULL, TRUE, TRUE, DG_ENROLLMENT_ACTIVE },
  { "stage, text 김", "김", TRUE, FALSE, DG_ENROLLMENT_ACTIVE },
};

static void
check (gboolean  ok,
       GError   *error)
{
  if (!ok)
    g_error ("%s", error ? error->message : "failed");
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values)
{
  qsort (values, N_RUNS, sizeof (double), compare_doubles);

  return values[N_RUNS / 2];
}

/* A journey of N_STAGES stages and N_COHORTS cohorts, and every customer
 * in it, written in one transaction. */
static void
enroll_everyone (DgDatabase *db,
                 gint64     *journey_id,
                 gint64     *stages,
                 gint64     *cohorts)
{
  g_autoptr(DgJourney) journey = dg_journey_new ("공개강의");
  g_autoptr(GRand) rand = g_rand_new_with_seed (1215);
  g_autoptr(GError) error = NULL;
  g_auto(DgStatement) customers = NULL;
  g_auto(DgStatement) insert = NULL;
  guint n = 0;

  check (dg_journeys_insert (db, journey, &error), error);
  *journey_id = journey->id;
  for (guint i = 0; i < N_STAGES; i++)
    {
      g_autofree char *name = g_strdup_printf ("단계 %u", i + 1);
      g_autoptr(DgStage) stage = dg_stage_new (journey->id, name);

      check (dg_stages_insert (db, stage, &error), error);
      stages[i] = stage->id;
    }

  check (dg_database_begin (db, &error), error);
  for (guint i = 0; i < N_COHORTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("기수 %u", i + 1);
      g_autoptr(DgCohort) cohort = dg_cohort_new (journey->id, name, NULL);

      check (dg_cohorts_insert (db, cohort, &error), error);
      cohorts[i] = cohort->id;
    }

  customers = dg_database_prepare (db, "SELECT id FROM customers ORDER BY id", &error);
  check (customers != NULL, error);
  insert = dg_database_prepare (db,
                                "INSERT INTO enrollments (uuid, customer_id, journey_id, stage_id, cohort_id,"
                                " status, drop_reason, since, created_at, updated_at)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?8)",
                                &error);
  check (insert != NULL, error);

  while (sqlite3_step (customers) == SQLITE_ROW)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      guint32 roll = g_rand_int_range (rand, 0, 100);
      DgEnrollmentStatus status = roll < 90 ? DG_ENROLLMENT_ACTIVE : roll < 96 ? DG_ENROLLMENT_DROPPED : DG_ENROLLMENT_COMPLETED;

      sqlite3_reset (insert);
      sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (insert, 2, sqlite3_column_int64 (customers, 0));
      sqlite3_bind_int64 (insert, 3, journey->id);
      sqlite3_bind_int64 (insert, 4, stages[g_rand_int_range (rand, 0, N_STAGES)]);
      sqlite3_bind_int64 (insert, 5, cohorts[g_rand_int_range (rand, 0, N_COHORTS)]);
      sqlite3_bind_text (insert, 6, dg_enrollment_status_to_string (status), -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 7, status == DG_ENROLLMENT_DROPPED ? "바빠서" : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 8, "2026-11-01T00:00:00Z", -1, SQLITE_STATIC);
      if (sqlite3_step (insert) != SQLITE_DONE)
        g_error ("insert: %s", sqlite3_errmsg (dg_database_get_handle (db)));
      n++;
    }
  check (dg_database_commit (db, &error), error);
  g_print ("enrolled %u customers\n", n);
}

/* The same filter as one statement, SQLite alone: the ids in name order. */
static char *
plain_sql (const Case *c)
{
  GString *sql = g_string_new ("SELECT c.id FROM customers c WHERE c.archived = 0");

  if ((int) c->status >= 0)
    {
      g_string_append (sql, " AND c.id IN (SELECT customer_id FROM enrollments"
                            " WHERE journey_id = ?2 AND status = ?3");
      if (c->with_stage)
        g_string_append (sql, " AND stage_id = ?1");
      if (c->with_cohort)
        g_string_append (sql, " AND cohort_id = ?4");
      g_string_append (sql, ")");
    }
  if (c->text != NULL)
    g_string_append (sql, " AND c.id IN (SELECT rowid FROM customer_pieces WHERE customer_pieces MATCH '\"김\"')");
  g_string_append (sql, " ORDER BY c.name COLLATE NOCASE, c.id");

  return g_string_free (sql, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 journey_id = 0;
  gint64 stages[N_STAGES];
  gint64 cohorts[N_COHORTS];

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      g_printerr ("usage: %s COPY-OF-A-BENCHMARK-DATABASE (it is changed)\n", argv[0]);
      return 2;
    }

  db = dg_database_open (argv[1], &error);
  check (db != NULL, error);
  enroll_everyone (db, &journey_id, stages, cohorts);

  g_print ("| filter | rows | dg_customers_search_ids ms | same SQL alone ms | enrollments plan |\n");
  g_print ("|---|---|---|---|---|\n");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      DgCustomerQuery query = {
        .text = c->text,
        .journey_id = (int) c->status >= 0 ? journey_id : 0,
        .stage_id = c->with_stage ? stages[3] : 0,
        .cohort_id = c->with_cohort ? cohorts[250] : 0,
        .journey_status = (int) c->status >= 0 ? c->status : DG_ENROLLMENT_ACTIVE,
      };
      g_autofree char *sql = plain_sql (c);
      g_autofree char *plan = NULL;
      double api[N_RUNS], alone[N_RUNS];
      guint n_rows = 0;

      for (guint run = 0; run < N_RUNS; run++)
        {
          g_autoptr(GArray) ids = NULL;
          g_auto(DgStatement) stmt = NULL;
          gint64 start = g_get_monotonic_time ();
          guint n_alone = 0;

          ids = dg_customers_search_ids (db, &query, &error);
          check (ids != NULL, error);
          api[run] = (g_get_monotonic_time () - start) / 1000.0;
          n_rows = ids->len;

          start = g_get_monotonic_time ();
          stmt = dg_database_prepare (db, sql, &error);
          check (stmt != NULL, error);
          sqlite3_bind_int64 (stmt, 1, query.stage_id);
          sqlite3_bind_int64 (stmt, 2, query.journey_id);
          sqlite3_bind_text (stmt, 3, dg_enrollment_status_to_string (query.journey_status), -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 4, query.cohort_id);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            n_alone++;
          alone[run] = (g_get_monotonic_time () - start) / 1000.0;
          if (n_alone != n_rows)
            g_error ("%s: %u rows, the SQL alone %u", c->name, n_rows, n_alone);
        }

      if ((int) c->status >= 0)
        {
          g_autoptr(GString) read = g_string_new ("SELECT customer_id FROM enrollments WHERE journey_id = ?2 AND status = ?3");
          g_auto(DgStatement) explain = NULL;
          g_autofree char *explain_sql = NULL;

          if (c->with_stage)
            g_string_append (read, " AND stage_id = ?1");
          if (c->with_cohort)
            g_string_append (read, " AND cohort_id = ?4");
          explain_sql = g_strdup_printf ("EXPLAIN QUERY PLAN %s", read->str);
          explain = dg_database_prepare (db, explain_sql, &error);
          check (explain != NULL, error);
          if (sqlite3_step (explain) == SQLITE_ROW)
            plan = g_strdup ((const char *) sqlite3_column_text (explain, 3));
        }

      g_print ("| %s | %u | %.1f | %.1f | %s |\n", c->name, n_rows, median (api), median (alone),
               plan ? plan : "");
    }

  return 0;
}
