/* dg-bench-backup-data.c */
#define G_LOG_DOMAIN "Dangol-Bench"

#include "config.h"

#include "dg-bench-backup-data.h"
#include "dg-bench-followups-data.h"
#include "dg-database-private.h"

/* Inserts grouped in one transaction, as the other generators do. */
#define BATCH 10000

/* How far back the contact log goes, in seconds. */
#define LOG_SPAN (3 * 365 * 24 * 3600)

static const char * const summaries[] = {
  "수업 문의 전화, 다음 주 일정 안내함",
  "견적서 요청, 단체 수강 10명 기준",
  "후기 남겨 주심. 다음 과정에 관심 있음",
  "결제 확인 문자 보냄",
  "강의 자료 메일로 전달",
  "일정 변경 요청, 목요일 저녁으로 옮김",
  "지인 두 분 소개해 주심",
  "환불 문의, 규정 안내함",
  "주차 가능 여부 물어보심",
  "설문 응답: 진행 속도가 조금 빠름",
  "생일 축하 메시지 보냄",
  "",
  "",
  "Asked about the weekend workshop",
  "Sent the invoice, paid the same day",
  "Follow-up call: happy with the session, wants the advanced course",
  "Quick chat at the event; will bring a colleague",
  "첫 상담\n- 목표: 발표 자신감\n- 예산: 월 20만 원 이내\n- 선호 시간: 평일 저녁",
};

static const DgInteractionChannel channels[] = {
  DG_INTERACTION_CHANNEL_CALL, DG_INTERACTION_CHANNEL_CALL, DG_INTERACTION_CHANNEL_CALL,
  DG_INTERACTION_CHANNEL_MESSAGE, DG_INTERACTION_CHANNEL_MESSAGE, DG_INTERACTION_CHANNEL_MESSAGE,
  DG_INTERACTION_CHANNEL_MESSAGE, DG_INTERACTION_CHANNEL_EMAIL, DG_INTERACTION_CHANNEL_MEETING,
  DG_INTERACTION_CHANNEL_OTHER,
};

static const DgInteractionFeedback feedbacks[] = {
  DG_INTERACTION_FEEDBACK_NONE, DG_INTERACTION_FEEDBACK_NONE, DG_INTERACTION_FEEDBACK_NONE,
  DG_INTERACTION_FEEDBACK_NONE, DG_INTERACTION_FEEDBACK_POSITIVE, DG_INTERACTION_FEEDBACK_POSITIVE,
  DG_INTERACTION_FEEDBACK_POSITIVE, DG_INTERACTION_FEEDBACK_NEUTRAL, DG_INTERACTION_FEEDBACK_NEUTRAL,
  DG_INTERACTION_FEEDBACK_NEGATIVE,
};

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static gboolean
first_customer_id (DgDatabase  *db,
                   gint64      *out_id,
                   GError     **error)
{
  g_auto(DgStatement) stmt = dg_database_prepare (db, "SELECT min (id) FROM customers", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return dg_database_set_error (db, error);

  *out_id = sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

static gboolean
fill_interactions (DgDatabase  *db,
                   DgClock     *clock,
                   GRand       *rand,
                   gint64       first_id,
                   gint64       n_customers,
                   gint64       count,
                   gboolean     progress,
                   GError     **error)
{
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (clock);
  gint64 start = g_get_monotonic_time ();

  for (gint64 i = 0; i < count; i++)
    {
      g_autoptr(DgInteraction) interaction = dg_interaction_new ();
      g_autoptr(GDateTime) occurred = NULL;
      g_autoptr(GDateTime) created = NULL;
      gint64 back = g_rand_int_range (rand, 60, LOG_SPAN);

      if (i % BATCH == 0 && !dg_database_begin (db, error))
        return FALSE;

      occurred = g_date_time_add_seconds (now, -(gdouble) back);
      /* Written down a little after, never after "now". */
      created = g_date_time_add_seconds (occurred, g_rand_int_range (rand, 0, 60));
      dg_interaction_set_customer_id (interaction,
                                      first_id + (gint64) g_rand_double_range (rand, 0, n_customers));
      dg_interaction_set_occurred_at (interaction, occurred);
      dg_interaction_set_created_at (interaction, created);
      dg_interaction_set_channel (interaction, PICK (rand, channels));
      dg_interaction_set_summary (interaction, PICK (rand, summaries));
      dg_interaction_set_feedback (interaction, PICK (rand, feedbacks));

      if (!dg_interactions_insert (db, clock, interaction, error))
        {
          g_prefix_error (error, "interaction %" G_GINT64_FORMAT ": ", i);
          dg_database_rollback (db);
          return FALSE;
        }

      if (((i + 1) % BATCH == 0 || i + 1 == count) && !dg_database_commit (db, error))
        return FALSE;

      if (progress && (i + 1) % 100000 == 0)
        g_printerr ("  %" G_GINT64_FORMAT " interactions, %.1f s\n", i + 1,
                    (g_get_monotonic_time () - start) / 1e6);
    }

  return TRUE;
}

static gboolean
bulk_done (DgBulkUndo  *undo,
           GError     **error)
{
  if (undo == NULL)
    return FALSE;
  g_object_unref (undo);

  return TRUE;
}

/* The ids of the enrollments, in order. */
static GArray *
list_enrollments (DgDatabase  *db,
                  GError     **error)
{
  g_auto(DgStatement) stmt = dg_database_prepare (db, "SELECT id FROM enrollments ORDER BY id", error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;

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

/* The lecture journey with three cohorts; @enrolled customers (one in
 * every few) enter its first stage, half of them move on to the second,
 * some of those finish and some drop out. */
static gboolean
fill_journey (DgDatabase  *db,
              DgClock     *clock,
              const char  *seeds_dir,
              gint64       first_id,
              gint64       n_customers,
              gint64       enrolled,
              GError     **error)
{
  static const char * const cohort_dates[] = { "2026-10-24", "2026-11-28", "2026-12-19" };
  g_autofree char *path = g_build_filename (seeds_dir, "lecture-ko.json", NULL);
  g_autoptr(DgJourneyTemplate) tmpl = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GArray) customers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) enrollments = NULL;
  gint64 cohorts[G_N_ELEMENTS (cohort_dates)];
  gint64 journey_id = 0;
  gint64 step;
  gint64 first_stage, second_stage;

  if (enrolled <= 0 || n_customers <= 0)
    return TRUE;

  tmpl = dg_journey_template_load (path, error);
  if (tmpl == NULL || !dg_journey_template_create_journey (db, tmpl, &journey_id, error))
    return FALSE;

  stages = dg_stages_list (db, journey_id, error);
  if (stages == NULL)
    return FALSE;
  g_assert (stages->len >= 2);
  first_stage = ((DgStage *) stages->pdata[0])->id;
  second_stage = ((DgStage *) stages->pdata[1])->id;

  for (guint c = 0; c < G_N_ELEMENTS (cohort_dates); c++)
    {
      g_autofree char *name = g_strdup_printf ("%u기", c + 1);
      DgCohort *cohort = dg_cohort_new (journey_id, name, cohort_dates[c]);
      gboolean ok = dg_cohorts_insert (db, cohort, error);

      cohorts[c] = cohort->id;
      dg_cohort_free (cohort);
      if (!ok)
        return FALSE;
    }

  step = MAX (n_customers / enrolled, 1);
  for (gint64 i = 0; i < enrolled && i * step < n_customers; i++)
    {
      gint64 id = first_id + i * step;

      g_array_append_val (customers, id);
    }

  /* Each cohort takes a third of them. */
  for (guint c = 0; c < G_N_ELEMENTS (cohorts); c++)
    {
      guint from = customers->len * c / G_N_ELEMENTS (cohorts);
      guint to = customers->len * (c + 1) / G_N_ELEMENTS (cohorts);

      if (!bulk_done (dg_enrollments_enroll_many (db, clock, &g_array_index (customers, gint64, from),
                                                  to - from, first_stage, cohorts[c], error),
                      error))
        return FALSE;
    }

  enrollments = list_enrollments (db, error);
  if (enrollments == NULL)
    return FALSE;

  /* Every other one moves on; of those, one in five finishes and one in
   * five drops out. */
  {
    g_autoptr(GArray) moved = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autoptr(GArray) finished = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autoptr(GArray) dropped = g_array_new (FALSE, FALSE, sizeof (gint64));

    for (guint i = 0; i < enrollments->len; i += 2)
      {
        gint64 id = g_array_index (enrollments, gint64, i);

        g_array_append_val (moved, id);
        if (i % 10 == 2)
          g_array_append_val (finished, id);
        else if (i % 10 == 6)
          g_array_append_val (dropped, id);
      }

    if (!bulk_done (dg_enrollments_move (db, clock, (gint64 *) moved->data, moved->len,
                                         second_stage, error), error)
        || !bulk_done (dg_enrollments_complete (db, clock, (gint64 *) finished->data,
                                                finished->len, error), error)
        || !bulk_done (dg_enrollments_drop (db, clock, (gint64 *) dropped->data, dropped->len,
                                            "일정이 맞지 않음", error), error))
      return FALSE;
  }

  return TRUE;
}

gboolean
dg_bench_backup_fill (DgDatabase              *db,
                      const char              *seeds_dir,
                      guint32                  seed,
                      const DgBenchBackupSize *size,
                      gboolean                 progress,
                      GError                 **error)
{
  g_autoptr(DgFakeClock) clock = dg_bench_followups_clock_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed + 2);
  gint64 first_id = 0;
  gint64 start = g_get_monotonic_time ();

  if (!dg_bench_followups_fill (db, seed, size->customers, size->followups, progress, error)
      || !first_customer_id (db, &first_id, error)
      || !dg_reminders_set_lead_minutes (db, 15, error)
      || !fill_interactions (db, DG_CLOCK (clock), rand, first_id, size->customers,
                             size->interactions, progress, error))
    return FALSE;

  if (progress)
    g_printerr ("  %" G_GINT64_FORMAT " interactions in %.1f s\n", size->interactions,
                (g_get_monotonic_time () - start) / 1e6);

  return fill_journey (db, DG_CLOCK (clock), seeds_dir, first_id, size->customers,
                       size->enrolled, error);
}
