/* test-followups-repeat.c */
#include "config.h"

#include "dg-followup-test-util.h"
#include "dg-test-util.h"

typedef DgFollowupFixture Fixture;

static gint64
add_repeating_timed (Fixture          *fixture,
                     GDateTime        *due,
                     DgRecurrenceUnit  unit,
                     guint             interval)
{
  g_autoptr(DgFollowup) followup = dg_test_make_timed ("repeating", due);

  dg_followup_set_recurrence (followup, unit);
  dg_followup_set_recurrence_interval (followup, interval);

  return dg_test_insert_followup (fixture, followup);
}

static gint64
add_repeating_all_day (Fixture          *fixture,
                       const char       *due,
                       DgRecurrenceUnit  unit,
                       guint             interval)
{
  g_autoptr(DgFollowup) followup = dg_test_make_all_day ("repeating", due);

  dg_followup_set_recurrence (followup, unit);
  dg_followup_set_recurrence_interval (followup, interval);

  return dg_test_insert_followup (fixture, followup);
}

static void
test_complete (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GDateTime) due = dg_test_at (fixture, 2026, 3, 10, 9, 0);
  g_autoptr(DgFollowup) next = NULL;
  g_autoptr(DgFollowup) done = NULL;
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (fixture->base);
  gint64 once = dg_test_add_timed (fixture, "once", due);

  dg_test_complete_followup (fixture, once, &next);
  g_assert_null (next);
  done = dg_test_get_followup (fixture, once);
  g_assert_cmpint (dg_followup_get_status (done), ==, DG_FOLLOWUP_STATUS_DONE);
  g_assert_true (g_date_time_equal (dg_followup_get_done_at (done), now));

  /* Done twice (a stale notification's button): nothing changes. */
  fixture->followups_changed = 0;
  dg_fake_clock_advance (fixture->clock, G_TIME_SPAN_HOUR);
  dg_test_complete_followup (fixture, once, &next);
  g_assert_null (next);
  g_assert_cmpuint (fixture->followups_changed, ==, 0);
  g_clear_object (&done);
  done = dg_test_get_followup (fixture, once);
  g_assert_true (g_date_time_equal (dg_followup_get_done_at (done), now));

  /* Undo brings it back open. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DgFollowup) reopened = NULL;

    g_assert_true (dg_followups_reopen (fixture->db, fixture->base, once, 0, &error));
    g_assert_no_error (error);
    reopened = dg_test_get_followup (fixture, once);
    g_assert_cmpint (dg_followup_get_status (reopened), ==, DG_FOLLOWUP_STATUS_OPEN);
    g_assert_null (dg_followup_get_done_at (reopened));
  }

  /* Cancelled: closed, with no next one even when it repeats. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DgFollowup) cancelled = NULL;
    gint64 id = add_repeating_timed (fixture, due, DG_RECURRENCE_DAYS, 1);

    g_assert_true (dg_followups_cancel (fixture->db, fixture->base, id, &error));
    g_assert_no_error (error);
    cancelled = dg_test_get_followup (fixture, id);
    g_assert_cmpint (dg_followup_get_status (cancelled), ==, DG_FOLLOWUP_STATUS_CANCELLED);
    g_assert_null (dg_followup_get_done_at (cancelled));
    dg_test_complete_followup (fixture, id, &next);
    g_assert_null (next);
  }
}

/* A daily 9:00 stays at 9:00 across both daylight saving changes. */
static void
test_daily_nine_across_dst (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GDateTime) due = dg_test_at (fixture, 2026, 3, 7, 9, 0);
  g_autoptr(DgFollowup) next = NULL;
  g_autoptr(DgFollowup) after = NULL;
  gint64 id;

  dg_test_set_now (fixture, 2026, 3, 7, 9, 5);
  id = add_repeating_timed (fixture, due, DG_RECURRENCE_DAYS, 1);
  dg_test_complete_followup (fixture, id, &next);
  dg_test_assert_due_at (next, "2026-03-08T09:00:00-04:00");
  g_assert_cmpint (dg_followup_get_status (next), ==, DG_FOLLOWUP_STATUS_OPEN);
  g_assert_cmpstr (dg_followup_get_recurrence_anchor (next), ==, "2026-03-07T09:00:00");
  g_assert_cmpstr (dg_followup_get_uuid (next), !=, "");

  dg_test_set_now (fixture, 2026, 3, 8, 9, 30);
  dg_test_complete_followup (fixture, dg_followup_get_id (next), &after);
  dg_test_assert_due_at (after, "2026-03-09T09:00:00-04:00");

  /* As stored, too. */
  {
    g_autoptr(DgFollowup) stored = dg_test_get_followup (fixture, dg_followup_get_id (after));

    dg_test_assert_due_at (stored, "2026-03-09T09:00:00-04:00");
    g_assert_cmpint (dg_followup_get_recurrence (stored), ==, DG_RECURRENCE_DAYS);
  }

  /* November. */
  {
    g_autoptr(GDateTime) oct31 = dg_test_at (fixture, 2026, 10, 31, 9, 0);
    g_autoptr(DgFollowup) nov = NULL;

    dg_test_set_now (fixture, 2026, 10, 31, 9, 10);
    id = add_repeating_timed (fixture, oct31, DG_RECURRENCE_DAYS, 1);
    dg_test_complete_followup (fixture, id, &nov);
    dg_test_assert_due_at (nov, "2026-11-01T09:00:00-05:00");
  }
}

/* A daily 02:30 across the spring-forward gap: 03:30 on that day, then
 * 02:30 again. */
static void
test_daily_half_past_two_across_dst (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GDateTime) due = dg_test_at (fixture, 2026, 3, 7, 2, 30);
  g_autoptr(DgFollowup) gap_day = NULL;
  g_autoptr(DgFollowup) after = NULL;
  gint64 id;

  dg_test_set_now (fixture, 2026, 3, 7, 2, 45);
  id = add_repeating_timed (fixture, due, DG_RECURRENCE_DAYS, 1);
  dg_test_complete_followup (fixture, id, &gap_day);
  dg_test_assert_due_at (gap_day, "2026-03-08T03:30:00-04:00");

  dg_test_set_now (fixture, 2026, 3, 8, 4, 0);
  dg_test_complete_followup (fixture, dg_followup_get_id (gap_day), &after);
  dg_test_assert_due_at (after, "2026-03-09T02:30:00-04:00");
}

static void
test_monthly_and_leap (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const month_ends[] = { "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31" };
  static const char * const leap[] = { "2029-02-28", "2030-02-28", "2031-02-28", "2032-02-29" };
  gint64 id;

  dg_test_set_now (fixture, 2026, 1, 31, 12, 0);
  id = add_repeating_all_day (fixture, "2026-01-31", DG_RECURRENCE_MONTHS, 1);
  for (guint i = 0; i < G_N_ELEMENTS (month_ends); i++)
    {
      g_autoptr(DgFollowup) next = NULL;

      dg_test_complete_followup (fixture, id, &next);
      g_assert_cmpstr (dg_followup_get_due_date (next), ==, month_ends[i]);
      g_assert_cmpstr (dg_followup_get_recurrence_anchor (next), ==, "2026-01-31");
      id = dg_followup_get_id (next);
    }

  dg_test_set_now (fixture, 2028, 2, 29, 12, 0);
  id = add_repeating_all_day (fixture, "2028-02-29", DG_RECURRENCE_MONTHS, 12);
  for (guint i = 0; i < G_N_ELEMENTS (leap); i++)
    {
      g_autoptr(DgFollowup) next = NULL;
      GDate due;

      dg_test_complete_followup (fixture, id, &next);
      g_assert_cmpstr (dg_followup_get_due_date (next), ==, leap[i]);
      id = dg_followup_get_id (next);

      /* Done on the day each time. */
      g_assert_true (dg_recurrence_parse_date (leap[i], &due));
      dg_test_set_now (fixture, g_date_get_year (&due), g_date_get_month (&due), g_date_get_day (&due), 12, 0);
    }
}

/* Completing late skips the occurrences missed in between. */
static void
test_complete_late (Fixture       *fixture,
                    gconstpointer  data)
{
  /* Tuesdays at 9:00 from February 3rd; now is Tuesday March 10th, 10:00. */
  g_autoptr(GDateTime) due = dg_test_at (fixture, 2026, 2, 3, 9, 0);
  g_autoptr(DgFollowup) next = NULL;
  g_autoptr(DgFollowup) all_day_next = NULL;
  gint64 id = add_repeating_timed (fixture, due, DG_RECURRENCE_WEEKS, 1);
  gint64 all_day = add_repeating_all_day (fixture, "2026-02-03", DG_RECURRENCE_WEEKS, 1);

  dg_test_complete_followup (fixture, id, &next);
  dg_test_assert_due_at (next, "2026-03-17T09:00:00-04:00");

  /* An all-day one due weekly: today's occurrence counts as done too. */
  dg_test_complete_followup (fixture, all_day, &all_day_next);
  g_assert_cmpstr (dg_followup_get_due_date (all_day_next), ==, "2026-03-17");

  /* Done early: the next is still the one after its own due. */
  {
    g_autoptr(GDateTime) friday = dg_test_at (fixture, 2026, 3, 13, 15, 0);
    g_autoptr(DgFollowup) following = NULL;
    gint64 early = add_repeating_timed (fixture, friday, DG_RECURRENCE_DAYS, 2);

    dg_test_complete_followup (fixture, early, &following);
    dg_test_assert_due_at (following, "2026-03-15T15:00:00-04:00");
  }

  /* Undo of a completion removes the occurrence it created. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DgFollowup) gone = NULL;
    g_autoptr(DgFollowup) reopened = NULL;

    g_assert_true (dg_followups_reopen (fixture->db, fixture->base, id, dg_followup_get_id (next), &error));
    g_assert_no_error (error);
    gone = dg_followups_get (fixture->db, dg_followup_get_id (next), &error);
    g_assert_null (gone);
    g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
    reopened = dg_test_get_followup (fixture, id);
    g_assert_cmpint (dg_followup_get_status (reopened), ==, DG_FOLLOWUP_STATUS_OPEN);
  }
}

static gint64
add_keep_in_touch (Fixture          *fixture,
                   gint64            customer,
                   const char       *due_date,
                   GDateTime        *due_at,
                   DgRecurrenceUnit  unit,
                   guint             interval)
{
  g_autoptr(DgFollowup) followup = due_date ? dg_test_make_all_day ("Keep in touch", due_date)
                                            : dg_test_make_timed ("Keep in touch", due_at);

  dg_followup_set_customer_id (followup, customer);
  dg_followup_set_keep_in_touch (followup, TRUE);
  dg_followup_set_recurrence (followup, unit);
  dg_followup_set_recurrence_interval (followup, interval);

  return dg_test_insert_followup (fixture, followup);
}

static void
test_keep_in_touch (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 customer = dg_test_add_customer (fixture, "Regular");
  gint64 other = dg_test_add_customer (fixture, "Someone else");
  g_autoptr(GDateTime) feb1 = dg_test_at (fixture, 2026, 2, 1, 10, 0);
  g_autoptr(GDateTime) today_9 = dg_test_at (fixture, 2026, 3, 10, 9, 0);
  g_autoptr(GDateTime) older = dg_test_at (fixture, 2026, 3, 5, 9, 0);
  g_autoptr(GDateTime) three_pm = dg_test_at (fixture, 2026, 3, 20, 15, 0);
  g_autoptr(GError) error = NULL;
  gint64 kit, timed, others, closed;

  dg_test_log_contact (fixture, customer, feb1);
  kit = add_keep_in_touch (fixture, customer, "2026-03-03", NULL, DG_RECURRENCE_DAYS, 30);
  timed = add_keep_in_touch (fixture, customer, NULL, three_pm, DG_RECURRENCE_DAYS, 30);
  others = add_keep_in_touch (fixture, other, "2026-03-03", NULL, DG_RECURRENCE_DAYS, 30);
  closed = add_keep_in_touch (fixture, customer, "2026-03-03", NULL, DG_RECURRENCE_DAYS, 30);
  dg_test_complete_followup (fixture, closed, NULL);

  /* A snooze of the old date ends with it. */
  {
    g_autoptr(GDateTime) until = dg_test_at (fixture, 2026, 3, 10, 12, 0);

    g_assert_true (dg_followups_snooze (fixture->db, fixture->base, kit, until, &error));
    g_assert_no_error (error);
  }

  /* A contact today moves it to 30 days from today. */
  fixture->followups_changed = 0;
  dg_test_log_contact (fixture, customer, today_9);
  g_assert_cmpuint (fixture->followups_changed, ==, 1);
  {
    g_autoptr(DgFollowup) moved = dg_test_get_followup (fixture, kit);
    g_autoptr(DgFollowup) moved_timed = dg_test_get_followup (fixture, timed);
    g_autoptr(DgFollowup) untouched = dg_test_get_followup (fixture, others);

    g_assert_cmpstr (dg_followup_get_due_date (moved), ==, "2026-04-09");
    g_assert_null (dg_followup_get_snoozed_until (moved));
    g_assert_cmpstr (dg_followup_get_recurrence_anchor (moved), ==, "2026-04-09");
    dg_test_assert_due_at (moved_timed, "2026-04-09T15:00:00-04:00");
    g_assert_cmpstr (dg_followup_get_due_date (untouched), ==, "2026-03-03");
  }
  {
    g_autoptr(DgFollowup) done = dg_test_get_followup (fixture, closed);
    g_autoptr(GPtrArray) open = NULL;

    /* The closed one's successor (from completing it) moved too. */
    g_assert_cmpstr (dg_followup_get_due_date (done), ==, "2026-03-03");
    open = dg_followups_list_for_customer (fixture->db, customer, DG_FOLLOWUP_FILTER_OPEN, &error);
    g_assert_cmpuint (open->len, ==, 3);
    for (guint i = 0; i < open->len; i++)
      {
        DgFollowup *f = g_ptr_array_index (open, i);

        if (dg_followup_get_all_day (f))
          g_assert_cmpstr (dg_followup_get_due_date (f), ==, "2026-04-09");
      }
  }

  /* An older contact is not the last one: nothing moves. */
  fixture->followups_changed = 0;
  dg_test_log_contact (fixture, customer, older);
  g_assert_cmpuint (fixture->followups_changed, ==, 0);

  /* Deleting today's contact moves it back to 30 days after March 5th. */
  {
    g_autoptr(GPtrArray) log = dg_interactions_list_for_customer (fixture->db, customer, 1, &error);
    g_autoptr(DgFollowup) moved = NULL;

    g_assert_true (dg_interactions_delete (fixture->db, fixture->base,
                                           dg_interaction_get_id (g_ptr_array_index (log, 0)), &error));
    g_assert_no_error (error);
    moved = dg_test_get_followup (fixture, kit);
    g_assert_cmpstr (dg_followup_get_due_date (moved), ==, "2026-04-04");
  }

  /* Completing it counts as being in touch now: 30 days from April 20th,
   * not from the last logged contact. */
  {
    g_autoptr(DgFollowup) next = NULL;

    dg_test_set_now (fixture, 2026, 4, 20, 11, 0);
    dg_test_complete_followup (fixture, kit, &next);
    g_assert_cmpstr (dg_followup_get_due_date (next), ==, "2026-05-20");
    g_assert_true (dg_followup_get_keep_in_touch (next));
  }

  /* Monthly, from a contact on January 31st: February 28th. */
  {
    gint64 someone = dg_test_add_customer (fixture, "Monthly");
    g_autoptr(GDateTime) jan31 = dg_test_at (fixture, 2026, 1, 31, 18, 0);
    gint64 monthly = add_keep_in_touch (fixture, someone, "2026-01-01", NULL, DG_RECURRENCE_MONTHS, 1);
    g_autoptr(DgFollowup) moved = NULL;

    dg_test_log_contact (fixture, someone, jan31);
    moved = dg_test_get_followup (fixture, monthly);
    g_assert_cmpstr (dg_followup_get_due_date (moved), ==, "2026-02-28");
  }
}

/* The owner flies from New York to Seoul: all-day follow-ups stay on their
 * dates, timed ones on their instants. */
/* The plan of the first statement in @statements that holds @needle. */
int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, dg_followup_fixture_set_up, func, dg_followup_fixture_tear_down)

  ADD ("/followups/repeat/complete", test_complete);
  ADD ("/followups/repeat/daily-nine-across-dst", test_daily_nine_across_dst);
  ADD ("/followups/repeat/daily-half-past-two-across-dst", test_daily_half_past_two_across_dst);
  ADD ("/followups/repeat/monthly-and-leap", test_monthly_and_leap);
  ADD ("/followups/repeat/complete-late", test_complete_late);
  ADD ("/followups/repeat/keep-in-touch", test_keep_in_touch);

#undef ADD

  return g_test_run ();
}
