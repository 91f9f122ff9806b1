/* dg-followup-test-util.h
 *
 * The fixture and helpers the follow-up tests share: a fresh database and a
 * fake clock in New York, and short ways to add customers, contacts and
 * follow-ups and to check lists of them.
 */
#pragma once

#include "dg-core.h"

G_BEGIN_DECLS

/* A fresh database and a fake clock in New York, on Tuesday 2026-03-10 at
 * 10:00 (daylight time since the 8th), unless a test moves it. */
typedef struct
{
  DgDatabase  *db;
  DgFakeClock *clock;
  DgClock     *base;
  GTimeZone   *tz;
  /* Emissions of "changed::followups", each checked to come after commit. */
  guint        followups_changed;
} DgFollowupFixture;

void        dg_followup_fixture_set_up    (DgFollowupFixture *fixture,
                                           gconstpointer      data);
void        dg_followup_fixture_tear_down (DgFollowupFixture *fixture,
                                           gconstpointer      data);

/* The instant of a local wall-clock time in the fixture's zone. */
GDateTime  *dg_test_at                    (DgFollowupFixture *fixture,
                                           int                year,
                                           int                month,
                                           int                day,
                                           int                hour,
                                           int                minute);
/* Moves the fake clock to a local wall-clock time. */
void        dg_test_set_now               (DgFollowupFixture *fixture,
                                           int                year,
                                           int                month,
                                           int                day,
                                           int                hour,
                                           int                minute);
GDate       dg_test_date                  (int                year,
                                           int                month,
                                           int                day);
/* The id of a new customer named @name. */
gint64      dg_test_add_customer          (DgFollowupFixture *fixture,
                                           const char        *name);
/* Logs a contact with @customer_id at @when. */
void        dg_test_log_contact           (DgFollowupFixture *fixture,
                                           gint64             customer_id,
                                           GDateTime         *when);
/* A new, not yet stored follow-up due at an instant or on a day. */
DgFollowup *dg_test_make_timed            (const char        *title,
                                           GDateTime         *due);
DgFollowup *dg_test_make_all_day          (const char        *title,
                                           const char        *due_date);
/* Stores @followup, which must succeed, and returns its new id. */
gint64      dg_test_insert_followup       (DgFollowupFixture *fixture,
                                           DgFollowup        *followup);
gint64      dg_test_add_timed             (DgFollowupFixture *fixture,
                                           const char        *title,
                                           GDateTime         *due);
gint64      dg_test_add_all_day           (DgFollowupFixture *fixture,
                                           const char        *title,
                                           const char        *due_date);
/* The stored follow-up @id, which must exist. */
DgFollowup *dg_test_get_followup          (DgFollowupFixture *fixture,
                                           gint64             id);
/* Completes follow-up @id, which must succeed. */
void        dg_test_complete_followup     (DgFollowupFixture *fixture,
                                           gint64             id,
                                           DgFollowup       **out_next);
/* The list holds exactly the ids in @expected (0-terminated), in order. */
void        dg_test_assert_followup_ids   (GPtrArray         *list,
                                           const gint64      *expected);
/* @followup is timed and due at @expected_local, written in New York time
 * as "%Y-%m-%dT%H:%M:%S%:z". */
void        dg_test_assert_due_at         (DgFollowup        *followup,
                                           const char        *expected_local);

G_END_DECLS
