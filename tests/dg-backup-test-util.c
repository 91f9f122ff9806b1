/* dg-backup-test-util.c */
#include "config.h"

#include "dg-backup-test-util.h"
#include "dg-database-private.h"
#include "dg-meta-private.h"

/* Every table with rows, Korean text, escapes, all-day and timed
 * follow-ups, repeats, an enrollment walked through stages with its
 * events and the follow-ups its stage rules made. Written as SQL so that
 * every source column holds a value the editors would rarely give it. */
static const char fill_sql[] =
  "INSERT INTO tags (id, uuid, name, color) VALUES"
  " (1, 'tag-vip', 'VIP', '#e01b24'),"
  " (2, 'tag-lecture', '강의 수강생', ''),"
  " (3, 'tag-quote', 'say \"hi\" \\ back', '#33d17a');"
  "INSERT INTO customers (id, uuid, name, phone, email, organization, source, birthday,"
  "  marketing_consent, consent_at, note, archived, created_at, updated_at,"
  "  birthday_calendar, birthday_leap, birthday_followup_year) VALUES"
  " (1, 'cust-kim', '김민수', '010-1234-5678', 'minsu@example.kr', '단골상회', '지인 소개',"
  "  '1990-03-15', 1, '2026-01-02T03:04:05Z', '첫 줄' || char(10) || '둘째 줄' || char(9) || '탭',"
  "  0, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', 'solar', 0, 2026),"
  " (2, 'cust-lee', '이서연', '', '', '', '', '1985-04-30', 0, NULL, '', 1,"
  "  '2026-01-05T09:00:00Z', '2026-01-05T09:00:00Z', 'lunar', 1, NULL),"
  " (3, 'cust-park', 'Park \"Jay\" 박', '+82 2 555 0101', 'jay@example.com', 'ACME', 'web', NULL,"
  "  0, NULL, 'control ' || char(1) || ' char', 0,"
  "  '2026-03-01T12:00:00Z', '2026-03-02T12:00:00Z', 'solar', 0, NULL);"
  "INSERT INTO customer_tags (customer_id, tag_id) VALUES (1, 1), (1, 2), (3, 3), (2, 2);"
  "INSERT INTO journeys (id, uuid, name, description, position, created_at, updated_at) VALUES"
  " (1, 'jour-lecture', '특강 여정', '강의 공지부터 단골까지', 0,"
  "  '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
  " (2, 'jour-empty', 'Empty journey', '', 1, '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z');"
  "INSERT INTO stages (id, uuid, journey_id, position, name, scenario, touchpoint, detail_steps,"
  "  message_script, pain_points, unmet_needs, digitisation, usual_days, created_at, updated_at) VALUES"
  " (1, 'stage-notice', 1, 0, '공지', '공지를 본다', '인스타그램', '1. 올린다', '{name}님 안녕하세요',"
  "  '놓친다', '알림', 'template', 3, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
  " (2, 'stage-signup', 1, 1, '신청', '', '', '', '', '', '', 'manual', NULL,"
  "  '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
  " (3, 'stage-regular', 1, 2, '단골', '', '', '', '', '', '', 'automated', 0,"
  "  '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
  "INSERT INTO stage_rules (id, uuid, stage_id, position, title, note, anchor, offset_days,"
  "  time_of_day, created_at, updated_at) VALUES"
  " (1, 'rule-call', 2, 0, '확인 전화', '', 'stage_entered', 1, '10:30',"
  "  '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
  " (2, 'rule-remind', 2, 1, '하루 전 안내', '문자', 'cohort_date', -1, NULL,"
  "  '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
  "INSERT INTO cohorts (id, uuid, journey_id, name, date, archived, created_at, updated_at) VALUES"
  " (1, 'cohort-dec', 1, '12월 특강', '2026-12-20', 0, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z'),"
  " (2, 'cohort-old', 1, '지난 특강', NULL, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
  "INSERT INTO enrollments (id, uuid, customer_id, journey_id, stage_id, cohort_id, status,"
  "  drop_reason, since, created_at, updated_at) VALUES"
  " (1, 'enr-kim', 1, 1, 2, 1, 'active', '', '2026-12-01T01:00:00Z',"
  "  '2026-11-30T01:00:00Z', '2026-12-01T01:00:00Z'),"
  " (2, 'enr-lee', 2, 1, 1, NULL, 'dropped', '시간이 없음', '2026-11-02T00:00:00Z',"
  "  '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z');"
  "INSERT INTO stage_events (id, uuid, enrollment_id, from_stage_id, to_stage_id, status, reason,"
  "  occurred_at) VALUES"
  " (1, 'ev-1', 1, NULL, 1, 'active', '', '2026-11-30T01:00:00Z'),"
  " (2, 'ev-2', 1, 1, 2, 'active', '', '2026-12-01T01:00:00Z'),"
  " (3, 'ev-3', 2, NULL, 1, 'active', '', '2026-11-01T00:00:00Z'),"
  " (4, 'ev-4', 2, 1, 1, 'dropped', '시간이 없음', '2026-11-02T00:00:00Z');"
  "INSERT INTO interactions (id, uuid, customer_id, occurred_at, channel, summary, feedback,"
  "  created_at) VALUES"
  " (1, 'int-1', 1, '2026-11-20T05:00:00Z', 'call', '수업 문의 통화', 'positive',"
  "  '2026-11-20T05:10:00Z'),"
  " (2, 'int-2', 1, '2026-11-25T05:00:00Z', 'message', '', NULL, '2026-11-25T05:00:00Z'),"
  " (3, 'int-3', 3, '2026-10-01T00:00:00Z', 'meeting', 'Coffee ☕', 'negative',"
  "  '2026-10-01T00:00:00Z');"
  "INSERT INTO followups (id, uuid, customer_id, title, note, all_day, due_at, due_date, due_key,"
  "  status, done_at, snoozed_until, recurrence, recurrence_interval, recurrence_anchor,"
  "  keep_in_touch, notified_at, remind_at, created_at, updated_at) VALUES"
  " (1, 'fu-call', 1, '확인 전화', '', 0, '2026-12-02T01:30:00Z', NULL, 0, 'open', NULL, NULL,"
  "  'none', 1, '2026-12-02T10:30:00', 0, NULL, NULL, '2026-12-01T01:00:00Z', '2026-12-01T01:00:00Z'),"
  " (2, 'fu-remind', 1, '하루 전 안내', '문자', 1, NULL, '2026-12-19', 0, 'open', NULL, NULL,"
  "  'none', 1, '2026-12-19', 0, NULL, NULL, '2026-12-01T01:00:00Z', '2026-12-01T01:00:00Z'),"
  " (3, 'fu-touch', 3, '안부 연락', '', 1, NULL, '2026-12-10', 0, 'open', NULL,"
  "  '2026-12-10T00:00:00Z', 'month', 2, '2026-10-10', 1, '2026-12-09T23:00:00Z', NULL,"
  "  '2026-10-01T00:00:00Z', '2026-12-09T23:00:00Z'),"
  " (4, 'fu-weekly', NULL, '주간 정리', 'no one', 0, '2026-12-07T08:00:00Z', NULL, 0, 'open',"
  "  NULL, NULL, 'week', 1, '2026-11-30T17:00:00', 0, NULL, NULL,"
  "  '2026-11-30T00:00:00Z', '2026-11-30T00:00:00Z'),"
  " (5, 'fu-done', 2, '끝난 일', '', 0, '2026-11-03T00:00:00Z', NULL, 0, 'done',"
  "  '2026-11-03T01:00:00Z', NULL, 'none', 1, '2026-11-03T09:00:00', 0, '2026-11-02T23:50:00Z',"
  "  NULL, '2026-11-01T00:00:00Z', '2026-11-03T01:00:00Z'),"
  " (6, 'fu-cancel', 1, '취소', '', 1, NULL, '2026-11-05', 0, 'cancelled', NULL, NULL, 'day', 3,"
  "  '2026-11-05', 0, NULL, NULL, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z');"
  "INSERT INTO enrollment_followups (followup_id, enrollment_id, rule_id) VALUES (1, 1, 1), (2, 1, 2);"
  "INSERT INTO meta (name, value) VALUES ('reminder_lead_minutes', '25');";

void
dg_backup_test_fill (DgDatabase *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_database_exec (db, fill_sql, &error));
  g_assert_no_error (error);
  g_assert_true (dg_catalog_recompute_all (db, &error));
  g_assert_no_error (error);
}

GBytes *
dg_backup_test_export (DgDatabase *db,
                       const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 12, 7, 9, 15, 0);

  g_assert_true (dg_backup_export (db, path, when, NULL, NULL, &error));
  g_assert_no_error (error);

  return dg_test_read_file (path);
}
