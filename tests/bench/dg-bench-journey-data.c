/* dg-bench-journey-data.c */
#define G_LOG_DOMAIN "Dangol-Bench"

#include "config.h"

#include "dg-bench-journey-data.h"
#include "dg-database-private.h"
#include "dg-followups-private.h"
#include "dg-journeys-private.h"
#include "dg-record-private.h"

#define DAY ((gint64) 86400)

typedef struct
{
  const char *name;
  const char *touchpoint;
  int         usual_days;
} StageSpec;

/* The lecture journey of the first user, with a re-enrolment at the end. */
static const StageSpec stage_specs[DG_BENCH_JOURNEY_STAGES] = {
  { "공지", "인스타그램, 단체 문자", 7 },
  { "신청", "신청 폼", 3 },
  { "사전 안내", "문자", 5 },
  { "강의", "강의실", 1 },
  { "설문", "설문 링크", 7 },
  { "다음 과정 초대", "전화, 문자", 14 },
  { "정회원", "모임", 30 },
  { "재등록", "문자", -1 },
};

typedef struct
{
  guint        stage;
  const char  *title;
  DgRuleAnchor anchor;
  int          offset_days;
  const char  *time_of_day;
} RuleSpec;

static const RuleSpec rule_specs[] = {
  { 1, "사전 안내 문자 보내기", DG_RULE_ANCHOR_STAGE_ENTERED, 1, "10:00" },
  { 2, "강의 전날 안내", DG_RULE_ANCHOR_COHORT_DATE, -1, NULL },
  { 4, "설문 응답 확인", DG_RULE_ANCHOR_STAGE_ENTERED, 2, NULL },
  { 5, "초대 후 안부 전화", DG_RULE_ANCHOR_STAGE_ENTERED, 3, "14:00" },
  { 5, "다음 과정 안내", DG_RULE_ANCHOR_COHORT_DATE, 14, NULL },
  { 6, "정회원 안부 묻기", DG_RULE_ANCHOR_STAGE_ENTERED, 30, NULL },
};

/* Where customers stop going forward: most go some way, fewer far. */
static const int target_weights[DG_BENCH_JOURNEY_STAGES] = { 8, 14, 12, 12, 16, 14, 12, 12 };

static const char * const drop_reasons[] = {
  "일정이 안 맞음", "가격 부담", "연락 두절", "다른 과정 선택", "",
};

static const char * const contact_summaries[] = {
  "강의 문의 전화", "안내 문자 답장", "설문 답변", "수강 후기", "다음 과정 문의",
};

static const char * const channels[] = { "call", "message", "meeting", "message" };

typedef struct
{
  gint64  id;
  gint64  ids[DG_BENCH_JOURNEY_STAGES];
  gint64  cohort_ids[2048];
  gint64  cohort_days[2048];   /* Unix seconds of the cohort's date, UTC noon */
  guint   n_cohorts;
} Journey;

static gboolean
make_journey (DgDatabase   *db,
              const char   *name,
              guint         n_cohorts,
              gint64        now,
              Journey      *out,
              GError      **error)
{
  g_autoptr(DgJourney) journey = dg_journey_new (name);

  g_free (journey->description);
  journey->description = g_strdup ("공지부터 재등록까지, 강의 날짜별 기수로");
  if (!dg_journeys_insert (db, journey, error))
    return FALSE;
  out->id = journey->id;

  for (guint i = 0; i < DG_BENCH_JOURNEY_STAGES; i++)
    {
      g_autoptr(DgStage) stage = dg_stage_new (journey->id, stage_specs[i].name);

      g_free (stage->scenario);
      stage->scenario = g_strdup_printf ("%s 단계에서 고객이 겪는 일", stage_specs[i].name);
      g_free (stage->touchpoint);
      stage->touchpoint = g_strdup (stage_specs[i].touchpoint);
      g_free (stage->detail_steps);
      stage->detail_steps = g_strdup ("1. 명단 확인\n2. 문자 보내기\n3. 답장 기록");
      g_free (stage->message_script);
      stage->message_script = g_strdup ("{name}님, 안녕하세요. {cohort} ({cohort_date}) 안내드립니다.");
      g_free (stage->pain_points);
      stage->pain_points = g_strdup ("안내를 놓침");
      stage->digitisation = i % 3 == 0 ? DG_DIGITISATION_MANUAL
                            : i % 3 == 1 ? DG_DIGITISATION_TEMPLATE : DG_DIGITISATION_AUTOMATED;
      stage->usual_days = stage_specs[i].usual_days;
      if (!dg_stages_insert (db, stage, error))
        return FALSE;
      out->ids[i] = stage->id;
    }

  for (guint i = 0; i < G_N_ELEMENTS (rule_specs); i++)
    {
      g_autoptr(DgStageRule) rule = dg_stage_rule_new (out->ids[rule_specs[i].stage], rule_specs[i].title,
                                                       rule_specs[i].anchor, rule_specs[i].offset_days);

      rule->time_of_day = g_strdup (rule_specs[i].time_of_day);
      if (!dg_stage_rules_insert (db, rule, error))
        return FALSE;
    }

  /* One lecture every so often over the two years before now, the last
   * a month ahead. */
  out->n_cohorts = MIN (n_cohorts, G_N_ELEMENTS (out->cohort_ids));
  for (guint i = 0; i < out->n_cohorts; i++)
    {
      gint64 day = now - 730 * DAY + (gint64) i * 760 * DAY / MAX (out->n_cohorts, 1);
      g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (day);
      g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");
      g_autofree char *cohort_name = g_strdup_printf ("공개강의 %d/%d (%u기)",
                                                      g_date_time_get_month (date),
                                                      g_date_time_get_day_of_month (date), i + 1);
      g_autoptr(DgCohort) cohort = dg_cohort_new (journey->id, cohort_name, text);

      if (!dg_cohorts_insert (db, cohort, error))
        return FALSE;
      out->cohort_ids[i] = cohort->id;
      out->cohort_days[i] = day - day % DAY + DAY / 2;
    }

  return TRUE;
}

typedef struct
{
  DgDatabase       *db;
  DgFollowupsWrite  ctx;
  GRand            *rand;
  sqlite3_stmt     *insert_enrollment;
  sqlite3_stmt     *insert_event;
  sqlite3_stmt     *insert_contact;
  sqlite3_stmt     *close_followup;
  GArray           *created;
} Writer;

static sqlite3_stmt *
prepare (DgDatabase  *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (dg_database_get_handle (db), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      dg_database_set_error (db, error);
      return NULL;
    }

  return stmt;
}

static gboolean
step (DgDatabase    *db,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return dg_database_set_error (db, error);

  return TRUE;
}

static char *
format_unix (gint64 t)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (t);

  return dg_record_format_time (time);
}

/* The rule follow-ups of entering @stage_id at @at, made by the core's own
 * rule code; done at @closed_at when the stay ended (0: it goes on). */
static gboolean
enter_stage (Writer   *w,
             gint64    enrollment_id,
             gint64    stage_id,
             gint64    at,
             gint64    closed_at,
             GError  **error)
{
  g_clear_pointer (&w->ctx.now, g_date_time_unref);
  w->ctx.now = g_date_time_new_from_unix_utc (at);
  g_array_set_size (w->created, 0);

  if (!dg_enrollments_apply_rules_locked (w->db, enrollment_id, stage_id, &w->ctx, w->created, error))
    return FALSE;

  if (closed_at == 0)
    return TRUE;

  for (guint i = 0; i < w->created->len; i++)
    {
      g_autofree char *done = format_unix (closed_at);

      sqlite3_bind_int64 (w->close_followup, 1, g_array_index (w->created, gint64, i));
      sqlite3_bind_text (w->close_followup, 2, done, -1, SQLITE_TRANSIENT);
      if (!step (w->db, w->close_followup, error))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  guint               stage;
  DgEnrollmentStatus  status;
  gint64              at;
} Event;

/* The walk of one customer: @n events, times from @start to before @now. */
static guint
walk (GRand               *rand,
      guint                n,
      gint64               start,
      gint64               now,
      Event               *events,
      char               **out_reason)
{
  int weight = g_rand_int_range (rand, 0, 100);
  guint target = 0;
  guint cur = 0;
  gboolean ends;
  DgEnrollmentStatus end_status = DG_ENROLLMENT_ACTIVE;
  gint64 t = start;

  while (target + 1 < DG_BENCH_JOURNEY_STAGES && weight >= target_weights[target])
    weight -= target_weights[target++];

  /* A few finish the journey, some drop out on the way. */
  if (target == DG_BENCH_JOURNEY_STAGES - 1 && g_rand_int_range (rand, 0, 100) < 40)
    end_status = DG_ENROLLMENT_COMPLETED;
  else if (g_rand_int_range (rand, 0, 100) < 20)
    end_status = DG_ENROLLMENT_DROPPED;
  ends = end_status != DG_ENROLLMENT_ACTIVE;

  events[0] = (Event) { 0, DG_ENROLLMENT_ACTIVE, t };
  for (guint i = 1; i < n; i++)
    {
      int usual = stage_specs[cur].usual_days > 0 ? stage_specs[cur].usual_days : 20;

      t += (gint64) (g_rand_double_range (rand, 0.2, 1.6) * usual * DAY);
      if (ends && i == n - 1)
        {
          events[i] = (Event) { cur, end_status, t };
          break;
        }

      if (cur < target && (cur == 0 || g_rand_int_range (rand, 0, 100) < 85))
        cur++;
      else if (cur > 0)
        cur--;
      else
        cur++;
      events[i] = (Event) { cur, DG_ENROLLMENT_ACTIVE, t };
    }

  /* Squeeze the walk into the time there was, so it ends before now. */
  if (events[n - 1].at > now - 3600)
    {
      double factor = (double) (now - 3600 - start) / (events[n - 1].at - start);

      for (guint i = 0; i < n; i++)
        events[i].at = start + (gint64) ((events[i].at - start) * factor);
    }

  *out_reason = end_status == DG_ENROLLMENT_DROPPED
                ? g_strdup (drop_reasons[g_rand_int_range (rand, 0, G_N_ELEMENTS (drop_reasons))])
                : g_strdup ("");

  return n;
}

static gboolean
enroll_customer (Writer                   *w,
                 const DgBenchJourneySpec *spec,
                 gint64                    journey_id,
                 const Journey            *journey,
                 gint64                    customer_id,
                 guint                     n_events,
                 gint64                    now,
                 GError                  **error)
{
  guint c = (guint) ((customer_id - 1) % journey->n_cohorts);
  gint64 cohort_day = journey->cohort_days[c];
  gint64 start = cohort_day - (gint64) g_rand_double_range (w->rand, 1, 21) * DAY;
  g_autofree Event *events = g_new (Event, n_events);
  g_autofree char *reason = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *created = NULL;
  g_autofree char *since = NULL;
  g_autofree char *updated = NULL;
  const Event *last;
  gint64 enrollment_id;
  gint64 since_at = 0;

  if (start > now - 2 * DAY)
    start = now - (gint64) g_rand_double_range (w->rand, 2, 21) * DAY;

  walk (w->rand, n_events, start, now, events, &reason);
  last = &events[n_events - 1];
  for (guint i = 0; i < n_events; i++)
    if (events[i].status == DG_ENROLLMENT_ACTIVE)
      since_at = events[i].at;

  created = format_unix (events[0].at);
  since = format_unix (since_at);
  updated = format_unix (last->at);
  sqlite3_bind_text (w->insert_enrollment, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (w->insert_enrollment, 2, customer_id);
  sqlite3_bind_int64 (w->insert_enrollment, 3, journey_id);
  sqlite3_bind_int64 (w->insert_enrollment, 4, journey->ids[last->stage]);
  sqlite3_bind_int64 (w->insert_enrollment, 5, journey->cohort_ids[c]);
  sqlite3_bind_text (w->insert_enrollment, 6, dg_enrollment_status_to_string (last->status), -1, SQLITE_STATIC);
  sqlite3_bind_text (w->insert_enrollment, 7, reason, -1, SQLITE_STATIC);
  sqlite3_bind_text (w->insert_enrollment, 8, since, -1, SQLITE_STATIC);
  sqlite3_bind_text (w->insert_enrollment, 9, created, -1, SQLITE_STATIC);
  sqlite3_bind_text (w->insert_enrollment, 10, updated, -1, SQLITE_STATIC);
  if (!step (w->db, w->insert_enrollment, error))
    return FALSE;
  enrollment_id = sqlite3_last_insert_rowid (dg_database_get_handle (w->db));

  for (guint i = 0; i < n_events; i++)
    {
      const Event *e = &events[i];
      g_autofree char *event_uuid = g_uuid_string_random ();
      g_autofree char *at = format_unix (e->at);

      sqlite3_bind_text (w->insert_event, 1, event_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (w->insert_event, 2, enrollment_id);
      if (i > 0)
        sqlite3_bind_int64 (w->insert_event, 3, journey->ids[events[i - 1].stage]);
      sqlite3_bind_int64 (w->insert_event, 4, journey->ids[e->stage]);
      sqlite3_bind_text (w->insert_event, 5, dg_enrollment_status_to_string (e->status), -1, SQLITE_STATIC);
      sqlite3_bind_text (w->insert_event, 6, e->status == DG_ENROLLMENT_DROPPED ? reason : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (w->insert_event, 7, at, -1, SQLITE_STATIC);
      if (!step (w->db, w->insert_event, error))
        return FALSE;

      /* Entering a stage: its rules' follow-ups, done by the time the
       * customer moved on. */
      if (e->status == DG_ENROLLMENT_ACTIVE
          && !enter_stage (w, enrollment_id, journey->ids[e->stage], e->at,
                           i + 1 < n_events && events[i + 1].status == DG_ENROLLMENT_ACTIVE ? events[i + 1].at : 0,
                           error))
        return FALSE;
    }

  for (guint i = 0; i < spec->contacts_each; i++)
    {
      static const char * const feedback[] = { "positive", "positive", "neutral", "negative", NULL };
      g_autofree char *contact_uuid = g_uuid_string_random ();
      gint64 t = events[0].at + (gint64) (g_rand_double (w->rand) * (MAX (last->at, now - DAY) - events[0].at));
      g_autofree char *at = format_unix (t);
      const char *f = feedback[g_rand_int_range (w->rand, 0, G_N_ELEMENTS (feedback))];

      sqlite3_bind_text (w->insert_contact, 1, contact_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (w->insert_contact, 2, customer_id);
      sqlite3_bind_text (w->insert_contact, 3, at, -1, SQLITE_STATIC);
      sqlite3_bind_text (w->insert_contact, 4, channels[g_rand_int_range (w->rand, 0, G_N_ELEMENTS (channels))],
                         -1, SQLITE_STATIC);
      sqlite3_bind_text (w->insert_contact, 5,
                         contact_summaries[g_rand_int_range (w->rand, 0, G_N_ELEMENTS (contact_summaries))],
                         -1, SQLITE_STATIC);
      if (f != NULL)
        sqlite3_bind_text (w->insert_contact, 6, f, -1, SQLITE_STATIC);
      if (!step (w->db, w->insert_contact, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
fill_enrollments (DgDatabase                *db,
                  const DgBenchJourneySpec  *spec,
                  gint64                     journey_id,
                  const Journey             *journey,
                  GError                   **error)
{
  g_autoptr(DgClock) clock = dg_clock_new_system ();
  g_autoptr(GDateTime) now_time = dg_clock_get_now_utc (clock);
  gint64 now = g_date_time_to_unix (now_time);
  g_autofree char *now_text = dg_record_format_time (now_time);
  g_autoptr(GRand) rand = g_rand_new_with_seed (spec->seed);
  gint64 start = g_get_monotonic_time ();
  Writer w = { .db = db, .rand = rand };
  gboolean ok = FALSE;
  sqlite3_stmt *shown = NULL;
  gint64 spread = 0;

  w.created = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!dg_followups_begin_write (db, clock, &w.ctx, error))
    goto out;

  w.insert_enrollment = prepare (db,
                                 "INSERT INTO enrollments (uuid, customer_id, journey_id, stage_id, cohort_id, "
                                 "  status, drop_reason, since, created_at, updated_at) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                 error);
  w.insert_event = prepare (db,
                            "INSERT INTO stage_events (uuid, enrollment_id, from_stage_id, to_stage_id, "
                            "  status, reason, occurred_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                            error);
  w.insert_contact = prepare (db,
                              "INSERT INTO interactions (uuid, customer_id, occurred_at, channel, summary, "
                              "  feedback, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?3)",
                              error);
  w.close_followup = prepare (db,
                              "UPDATE followups SET status = 'done', done_at = ?2, remind_at = NULL, "
                              "  updated_at = ?2 WHERE id = ?1",
                              error);
  if (w.insert_enrollment == NULL || w.insert_event == NULL || w.insert_contact == NULL
      || w.close_followup == NULL)
    goto rollback;

  for (gint64 id = 1; id <= spec->n_customers; id++)
    {
      /* The events of each customer vary around their mean, by pairs of
       * customers so that the total stays, and so their walks end in
       * every stage: with a fixed number each, every walk would end on a
       * stage of the same parity. */
      gint64 mean = spec->n_events / spec->n_customers;
      gint64 n_events = mean;

      if (id % 2 == 1)
        spread = id < spec->n_customers ? g_rand_int_range (rand, 0, (gint32) MAX (mean / 2, 1)) : 0;
      n_events += id % 2 == 1 ? spread : -spread;

      if (!enroll_customer (&w, spec, journey_id, journey, id, (guint) MAX (n_events, 1), now, error))
        goto rollback;

      if (spec->progress && id % 20000 == 0)
        g_printerr ("  %" G_GINT64_FORMAT " customers enrolled, %.1f s\n",
                    id, (g_get_monotonic_time () - start) / 1e6);
    }

  /* Every reminder that fell due was shown, as by a reminder service
   * that has been running all along. */
  shown = prepare (db,
                   "UPDATE followups SET notified_at = ?1, remind_at = NULL "
                   "WHERE remind_at IS NOT NULL AND remind_at <= ?2",
                   error);
  if (shown == NULL)
    goto rollback;
  sqlite3_bind_text (shown, 1, now_text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (shown, 2, now);
  if (!step (db, shown, error))
    goto rollback;

  ok = dg_database_commit (db, error);
  goto out;

rollback:
  dg_database_rollback (db);
out:
  sqlite3_finalize (w.insert_enrollment);
  sqlite3_finalize (w.insert_event);
  sqlite3_finalize (w.insert_contact);
  sqlite3_finalize (w.close_followup);
  sqlite3_finalize (shown);
  g_array_unref (w.created);
  dg_followups_write_clear (&w.ctx);

  return ok;
}

gboolean
dg_bench_journey_fill (DgDatabase                *db,
                       const DgBenchJourneySpec  *spec,
                       GError                   **error)
{
  g_autofree Journey *busy = g_new0 (Journey, 1);
  g_autofree Journey *empty = g_new0 (Journey, 1);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_val_if_fail (spec->n_customers > 0 && spec->n_cohorts > 0, FALSE);

  return make_journey (db, DG_BENCH_JOURNEY_NAME, spec->n_cohorts, now, busy, error)
         && make_journey (db, DG_BENCH_EMPTY_JOURNEY_NAME, 0, now, empty, error)
         && fill_enrollments (db, spec, busy->id, busy, error);
}
