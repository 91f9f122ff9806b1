/* dg-bench-followups-data.c */
#define G_LOG_DOMAIN "Dangol-Bench"

#include "config.h"

#include "dg-bench-data.h"
#include "dg-bench-followups-data.h"
#include "dg-database-private.h"

/* Inserts grouped in one transaction; each insert is its own savepoint
 * inside it. One commit per row would time the disk, not Dangol. */
#define BATCH 10000

/* Two years either side of "now", in days. */
#define SPREAD_DAYS 730
/* The share (in a hundred) due in the weeks around "now", and how far. */
#define NEAR_PERCENT 15
#define NEAR_DAYS 60

static const char * const titles[] = {
  "전화로 수강 후기 묻기", "다음 강의 안내 문자 보내기", "견적서 보내기",
  "상담 일정 잡기", "결제 확인", "설문 링크 보내기", "재등록 안내",
  "생일 축하 메시지", "워크숍 초대장 보내기", "자료 메일로 보내기",
  "수업 시간 변경 확인", "영수증 재발행", "소개해 준 분께 감사 인사",
  "Call back about the group course", "Send the invoice", "Check in after the session",
  "Invite to the next workshop", "Ask for a review", "Confirm the booking",
};

static const char * const notes[] = {
  "오전에만 통화 가능", "문자 선호", "지난번 통화에서 다음 달 다시 연락 달라고 함",
  "단체 수강 견적 포함", "아이 동반 여부 확인", "Prefers email",
  "Mentioned a colleague who might join",
};

struct _DgBenchFollowups
{
  GRand     *rand;
  GTimeZone *tz;
  GDateTime *now;
  gint64     now_unix;
  GDate      today;
  gint64     first_customer_id;
  gint64     n_customers;
};

/* Monday 16 November 2026, 10:00 in Seoul. */
static GDateTime *
fixed_now (GTimeZone *tz)
{
  return g_date_time_new (tz, 2026, 11, 16, 10, 0, 0);
}

DgFakeClock *
dg_bench_followups_clock_new (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (DG_BENCH_FOLLOWUPS_ZONE);
  g_autoptr(GDateTime) now = NULL;

  g_assert (tz != NULL);
  now = fixed_now (tz);

  return dg_fake_clock_new (now, tz);
}

DgBenchFollowups *
dg_bench_followups_new (guint32 seed,
                        gint64  first_customer_id,
                        gint64  n_customers)
{
  DgBenchFollowups *self = g_new0 (DgBenchFollowups, 1);
  g_autoptr(GDateTime) local_now = NULL;

  self->rand = g_rand_new_with_seed (seed);
  self->tz = g_time_zone_new_identifier (DG_BENCH_FOLLOWUPS_ZONE);
  g_assert (self->tz != NULL);
  local_now = fixed_now (self->tz);
  self->now = g_date_time_to_utc (local_now);
  self->now_unix = g_date_time_to_unix (self->now);
  dg_recurrence_local_date (self->now, self->tz, &self->today);
  self->first_customer_id = first_customer_id;
  self->n_customers = n_customers;

  return self;
}

void
dg_bench_followups_free (DgBenchFollowups *self)
{
  if (self == NULL)
    return;

  g_rand_free (self->rand);
  g_time_zone_unref (self->tz);
  g_date_time_unref (self->now);
  g_free (self);
}

static guint
pick (DgBenchFollowups *self,
      guint             n)
{
  return g_rand_int_range (self->rand, 0, n);
}

/* TRUE with a probability of @percent in a hundred. */
static gboolean
chance (DgBenchFollowups *self,
        guint             percent)
{
  return pick (self, 100) < percent;
}

#define PICK(self, array) ((array)[pick ((self), G_N_ELEMENTS (array))])

static GDateTime *
from_unix (gint64 seconds)
{
  return g_date_time_new_from_unix_utc (seconds);
}

/* Days from today: most spread evenly over the two years either side, the
 * rest piled up around today (a triangle), where promises crowd. */
static int
pick_offset (DgBenchFollowups *self)
{
  if (chance (self, NEAR_PERCENT))
    return (int) pick (self, NEAR_DAYS + 1) + (int) pick (self, NEAR_DAYS + 1) - NEAR_DAYS;

  return (int) pick (self, 2 * SPREAD_DAYS + 1) - SPREAD_DAYS;
}

static void
set_recurrence (DgBenchFollowups *self,
                DgFollowup       *followup)
{
  if (dg_followup_get_customer_id (followup) > 0 && chance (self, 35))
    {
      const guint days[] = { 14, 30, 30, 30, 60, 90 };

      dg_followup_set_keep_in_touch (followup, TRUE);
      dg_followup_set_recurrence (followup, DG_RECURRENCE_DAYS);
      dg_followup_set_recurrence_interval (followup, days[pick (self, G_N_ELEMENTS (days))]);
      return;
    }

  switch (pick (self, 3))
    {
    case 0:
      dg_followup_set_recurrence (followup, DG_RECURRENCE_DAYS);
      dg_followup_set_recurrence_interval (followup, 1 + pick (self, 14));
      break;

    case 1:
      dg_followup_set_recurrence (followup, DG_RECURRENCE_WEEKS);
      dg_followup_set_recurrence_interval (followup, 1 + pick (self, 4));
      break;

    default:
      dg_followup_set_recurrence (followup, DG_RECURRENCE_MONTHS);
      dg_followup_set_recurrence_interval (followup, 1 + pick (self, 6));
      break;
    }
}

DgFollowup *
dg_bench_followups_make (DgBenchFollowups *self)
{
  g_autoptr(DgFollowup) followup = dg_followup_new ();
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) done = NULL;
  gboolean all_day = chance (self, 40);
  gboolean past;
  gint64 due;
  gint64 remind;
  gint64 created_unix;
  guint roll;
  GDate date = self->today;
  int offset = pick_offset (self);

  if (self->n_customers > 0 && chance (self, 85))
    dg_followup_set_customer_id (followup, self->first_customer_id + pick (self, self->n_customers));

  dg_followup_set_title (followup, PICK (self, titles));
  if (chance (self, 30))
    dg_followup_set_note (followup, PICK (self, notes));

  if (offset >= 0)
    g_date_add_days (&date, offset);
  else
    g_date_subtract_days (&date, -offset);

  if (all_day)
    {
      g_autofree char *text = dg_recurrence_format_date (&date);
      g_autoptr(GDateTime) start = dg_recurrence_day_start (self->tz, &date);
      g_autoptr(GDateTime) nine = dg_recurrence_local_time (self->tz, &date, 9 * 3600);

      dg_followup_set_due_date (followup, text);
      due = g_date_time_to_unix (start);
      remind = g_date_time_to_unix (nine);
      past = g_date_compare (&date, &self->today) < 0;
    }
  else
    {
      /* On the hour or half past, in working hours. */
      g_autoptr(GDateTime) local = dg_recurrence_local_time (self->tz, &date,
                                                             9 * 3600 + pick (self, 21) * 1800);
      g_autoptr(GDateTime) at = g_date_time_to_utc (local);

      dg_followup_set_due_at (followup, at);
      due = g_date_time_to_unix (at);
      remind = due - DG_REMINDERS_DEFAULT_LEAD_MINUTES * 60;
      past = due < self->now_unix;
    }

  /* Written a few days to two months before it was due, and never after
   * now. */
  created_unix = due - 86400 * (gint64) (1 + pick (self, 60));
  created_unix = MIN (created_unix, self->now_unix - 3600);
  created = from_unix (created_unix);

  /* Most of the past was done, some of it dropped, the rest is overdue;
   * the future is open but for a few done early or called off. */
  roll = pick (self, 100);
  if (past)
    {
      if (roll < 80)
        {
          gint64 done_unix = due + pick (self, 3 * 86400);

          done = from_unix (MIN (done_unix, self->now_unix - 60));
          dg_followup_set_status (followup, DG_FOLLOWUP_STATUS_DONE);
          dg_followup_set_done_at (followup, done);
        }
      else if (roll < 87)
        dg_followup_set_status (followup, DG_FOLLOWUP_STATUS_CANCELLED);
    }
  else if (roll < 2)
    {
      done = from_unix (created_unix + pick (self, self->now_unix - created_unix));
      dg_followup_set_status (followup, DG_FOLLOWUP_STATUS_DONE);
      dg_followup_set_done_at (followup, done);
    }
  else if (roll < 4)
    dg_followup_set_status (followup, DG_FOLLOWUP_STATUS_CANCELLED);

  if (chance (self, 8))
    set_recurrence (self, followup);

  /* Every reminder that fell due before now was shown, but for those of
   * the last quarter of an hour: the next check shows them. */
  if (dg_followup_get_status (followup) == DG_FOLLOWUP_STATUS_OPEN
      && remind <= self->now_unix - 15 * 60)
    {
      g_autoptr(GDateTime) shown = from_unix (remind + pick (self, 120));

      dg_followup_set_notified_at (followup, shown);

      /* Some were put off after they were shown: they remind again. */
      if (chance (self, 3))
        {
          g_autoptr(GDateTime) until = from_unix (self->now_unix + 3600 * (1 + pick (self, 168)));

          dg_followup_set_snoozed_until (followup, until);
        }
    }

  dg_followup_set_created_at (followup, created);
  dg_followup_set_updated_at (followup, done != NULL ? done : created);

  return g_steal_pointer (&followup);
}

static void
report (const char *what,
        gint64      done,
        gint64      start,
        gint64     *batch_start)
{
  gint64 now = g_get_monotonic_time ();

  g_printerr ("  %" G_GINT64_FORMAT " %s, %.1f s (last 100k: %.1f s)\n",
              done, what, (now - start) / 1e6, (now - *batch_start) / 1e6);
  *batch_start = now;
}

/* Runs @insert @count times in transactions of BATCH rows. */
static gboolean
insert_batched (DgDatabase  *db,
                gint64       count,
                gboolean   (*insert) (gpointer data, gint64 i, GError **error),
                gpointer     data,
                const char  *what,
                gboolean     progress,
                GError     **error)
{
  gint64 start = g_get_monotonic_time ();
  gint64 batch_start = start;

  for (gint64 i = 0; i < count; i++)
    {
      if (i % BATCH == 0 && !dg_database_begin (db, error))
        return FALSE;

      if (!insert (data, i, error))
        {
          dg_database_rollback (db);
          return FALSE;
        }

      if ((i + 1) % BATCH == 0 || i + 1 == count)
        {
          if (!dg_database_commit (db, error))
            return FALSE;

          if (progress && (i + 1) % 100000 == 0)
            report (what, i + 1, start, &batch_start);
        }
    }

  if (progress)
    g_printerr ("  %" G_GINT64_FORMAT " %s in %.1f s (%.1f µs each)\n", count, what,
                (g_get_monotonic_time () - start) / 1e6,
                count > 0 ? (g_get_monotonic_time () - start) / (double) count : 0.0);

  return TRUE;
}

typedef struct
{
  DgDatabase       *db;
  DgClock          *clock;
  DgBenchData      *customers;
  DgBenchFollowups *followups;
  gint64            first_id;
} Fill;

static gboolean
insert_customer (gpointer   data,
                 gint64     i,
                 GError   **error)
{
  Fill *fill = data;
  g_autoptr(DgCustomer) customer = dg_bench_data_make_customer (fill->customers);

  if (!dg_customers_insert (fill->db, customer, error))
    {
      g_prefix_error (error, "customer %" G_GINT64_FORMAT ": ", i);
      return FALSE;
    }

  if (i == 0)
    fill->first_id = dg_customer_get_id (customer);

  return TRUE;
}

static gboolean
insert_followup (gpointer   data,
                 gint64     i,
                 GError   **error)
{
  Fill *fill = data;
  g_autoptr(DgFollowup) followup = dg_bench_followups_make (fill->followups);

  if (!dg_followups_insert (fill->db, fill->clock, followup, error))
    {
      g_prefix_error (error, "follow-up %" G_GINT64_FORMAT ": ", i);
      return FALSE;
    }

  return TRUE;
}

gboolean
dg_bench_followups_fill (DgDatabase  *db,
                         guint32      seed,
                         gint64       n_customers,
                         gint64       n_followups,
                         gboolean     progress,
                         GError     **error)
{
  g_autoptr(DgFakeClock) clock = dg_bench_followups_clock_new ();
  g_autoptr(DgBenchData) customers = dg_bench_data_new (seed);
  g_autoptr(DgBenchFollowups) followups = NULL;
  Fill fill = { db, DG_CLOCK (clock), customers, NULL, 0 };

  /* A large page cache only makes the generator faster; the app's own
   * settings apply whenever the file is opened again. */
  if (!dg_database_exec (db, "PRAGMA cache_size = -262144;", error)
      || !dg_followups_sync_time_zone (db, DG_CLOCK (clock), error)
      || !insert_batched (db, n_customers, insert_customer, &fill, "customers", progress, error))
    return FALSE;

  followups = dg_bench_followups_new (seed + 1, fill.first_id, n_customers);
  fill.followups = followups;

  return insert_batched (db, n_followups, insert_followup, &fill, "follow-ups", progress, error);
}

gboolean
dg_bench_followups_digest (DgDatabase  *db,
                           GChecksum   *checksum,
                           GError     **error)
{
  sqlite3 *handle = dg_database_get_handle (db);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (handle,
                          "SELECT name FROM sqlite_master WHERE type = 'table' "
                          "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                          "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
                          -1, &stmt, NULL) != SQLITE_OK)
    return dg_database_set_error (db, error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len; t++)
    {
      char *sql = sqlite3_mprintf ("SELECT * FROM \"%w\"", (char *) tables->pdata[t]);
      int rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);

      sqlite3_free (sql);
      if (rc != SQLITE_OK)
        return dg_database_set_error (db, error);

      g_checksum_update (checksum, (const guchar *) tables->pdata[t], -1);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const guchar *value;

              /* Random for every row; everything else comes from the seed
               * and the fixed "now". */
              if (g_str_equal (sqlite3_column_name (stmt, c), "uuid"))
                continue;

              value = sqlite3_column_text (stmt, c);
              g_checksum_update (checksum, value != NULL ? value : (const guchar *) "\1NULL", -1);
              g_checksum_update (checksum, (const guchar *) "\x1f", 1);
            }
          g_checksum_update (checksum, (const guchar *) "\x1e", 1);
        }
      sqlite3_finalize (stmt);
    }

  return TRUE;
}
