/* test-followups.c */
#include "config.h"

#include <string.h>

#include "dg-database-private.h"
#include "dg-test-util.h"

/* A fresh database and a fake clock in New York, on Tuesday 2026-03-10 at
 * 10:00 (daylight time since the 8th), unless a test moves it. */
typedef struct
{
  DgDatabase  *db;
  DgFakeClock *clock;
  DgClock     *base;
  GTimeZone   *tz;
  guint        followups_changed;
} Fixture;

static void
on_followups_changed (DgDatabase *db,
                      const char *table,
                      Fixture    *fixture)
{
  g_assert_true (sqlite3_get_autocommit (dg_database_get_handle (db)));
  fixture->followups_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = dg_test_open_database ();
  fixture->clock = dg_test_fake_clock ("America/New_York", 2026, 3, 10, 10, 0);
  fixture->base = DG_CLOCK (fixture->clock);
  fixture->tz = dg_clock_dup_time_zone (fixture->base);
  g_assert_true (dg_followups_sync_time_zone (fixture->db, fixture->base, NULL));
  g_signal_connect (fixture->db, "changed::followups", G_CALLBACK (on_followups_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  g_clear_object (&fixture->clock);
  g_clear_pointer (&fixture->tz, g_time_zone_unref);
}

static GDateTime *
at (Fixture *fixture,
    int      year,
    int      month,
    int      day,
    int      hour,
    int      minute)
{
  return dg_test_local_time (fixture->tz, year, month, day, hour, minute);
}

static void
set_now (Fixture *fixture,
         int      year,
         int      month,
         int      day,
         int      hour,
         int      minute)
{
  g_autoptr(GDateTime) now = at (fixture, year, month, day, hour, minute);

  dg_fake_clock_set_now (fixture->clock, now);
}

static GDate
date (int year,
      int month,
      int day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, year);

  return d;
}

static gint64
add_customer (Fixture    *fixture,
              const char *name)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  g_assert_true (dg_customers_insert (fixture->db, customer, &error));
  g_assert_no_error (error);

  return dg_customer_get_id (customer);
}

static void
log_contact (Fixture   *fixture,
             gint64     customer_id,
             GDateTime *when)
{
  g_autoptr(DgInteraction) interaction = dg_interaction_new ();
  g_autoptr(GError) error = NULL;

  dg_interaction_set_customer_id (interaction, customer_id);
  dg_interaction_set_occurred_at (interaction, when);
  g_assert_true (dg_interactions_insert (fixture->db, fixture->base, interaction, &error));
  g_assert_no_error (error);
}

static DgFollowup *
make_timed (const char *title,
            GDateTime  *due)
{
  DgFollowup *followup = dg_followup_new ();

  dg_followup_set_title (followup, title);
  dg_followup_set_due_at (followup, due);

  return followup;
}

static DgFollowup *
make_all_day (const char *title,
              const char *due_date)
{
  DgFollowup *followup = dg_followup_new ();

  dg_followup_set_title (followup, title);
  dg_followup_set_due_date (followup, due_date);

  return followup;
}

static gint64
insert (Fixture    *fixture,
        DgFollowup *followup)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_followups_insert (fixture->db, fixture->base, followup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_followup_get_id (followup), >, 0);

  return dg_followup_get_id (followup);
}

static gint64
add_timed (Fixture    *fixture,
           const char *title,
           GDateTime  *due)
{
  g_autoptr(DgFollowup) followup = make_timed (title, due);

  return insert (fixture, followup);
}

static gint64
add_all_day (Fixture    *fixture,
             const char *title,
             const char *due_date)
{
  g_autoptr(DgFollowup) followup = make_all_day (title, due_date);

  return insert (fixture, followup);
}

static DgFollowup *
get (Fixture *fixture,
     gint64   id)
{
  g_autoptr(GError) error = NULL;
  DgFollowup *followup = dg_followups_get (fixture->db, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (followup);

  return followup;
}

/* The list holds exactly the ids in @expected (0-terminated), in order. */
static void
assert_ids (GPtrArray    *list,
            const gint64 *expected)
{
  guint n = 0;

  g_assert_nonnull (list);
  while (expected[n] != 0)
    n++;

  for (guint i = 0; i < list->len; i++)
    g_test_message ("  [%u] %" G_GINT64_FORMAT " %s", i,
                    dg_followup_get_id (g_ptr_array_index (list, i)),
                    dg_followup_get_title (g_ptr_array_index (list, i)));

  g_assert_cmpuint (list->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (dg_followup_get_id (g_ptr_array_index (list, i)), ==, expected[i]);
}

static void
assert_due_at (DgFollowup *followup,
               const char *expected_local)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *text = NULL;

  g_assert_false (dg_followup_get_all_day (followup));
  g_assert_nonnull (dg_followup_get_due_at (followup));
  local = g_date_time_to_timezone (dg_followup_get_due_at (followup), tz);
  text = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
  g_assert_cmpstr (text, ==, expected_local);
}

static void
test_insert_and_get (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 customer = add_customer (fixture, "김민수 <VIP>");
  g_autoptr(GDateTime) due = at (fixture, 2026, 3, 12, 15, 0);
  g_autoptr(DgFollowup) timed = make_timed ("  Call back about the course  ", due);
  g_autoptr(DgFollowup) all_day = make_all_day ("Send the invitation", "2026-03-12");
  g_autoptr(DgFollowup) loaded = NULL;
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (fixture->base);
  GDate day;

  dg_followup_set_customer_id (timed, customer);
  dg_followup_set_note (timed, "Prefers mornings\nAsk about the group price");
  insert (fixture, timed);
  insert (fixture, all_day);
  g_assert_cmpuint (fixture->followups_changed, ==, 2);

  g_assert_cmpuint (strlen (dg_followup_get_uuid (timed)), ==, 36);
  g_assert_cmpstr (dg_followup_get_recurrence_anchor (timed), ==, "2026-03-12T15:00:00");
  g_assert_cmpstr (dg_followup_get_recurrence_anchor (all_day), ==, "2026-03-12");
  g_assert_true (g_date_time_equal (dg_followup_get_created_at (timed), now));

  loaded = get (fixture, dg_followup_get_id (timed));
  g_assert_cmpstr (dg_followup_get_title (loaded), ==, "Call back about the course");
  g_assert_cmpstr (dg_followup_get_note (loaded), ==, "Prefers mornings\nAsk about the group price");
  g_assert_cmpint (dg_followup_get_customer_id (loaded), ==, customer);
  g_assert_cmpstr (dg_followup_get_customer_name (loaded), ==, "김민수 <VIP>");
  g_assert_cmpstr (dg_followup_get_uuid (loaded), ==, dg_followup_get_uuid (timed));
  g_assert_cmpint (dg_followup_get_status (loaded), ==, DG_FOLLOWUP_STATUS_OPEN);
  g_assert_true (g_date_time_equal (dg_followup_get_due_at (loaded), due));
  g_assert_null (dg_followup_get_done_at (loaded));
  g_assert_null (dg_followup_get_notified_at (loaded));
  g_assert_true (dg_followup_get_due_day (loaded, fixture->tz, &day));
  g_assert_cmpint (g_date_get_day (&day), ==, 12);
  g_clear_object (&loaded);

  loaded = get (fixture, dg_followup_get_id (all_day));
  g_assert_true (dg_followup_get_all_day (loaded));
  g_assert_cmpstr (dg_followup_get_due_date (loaded), ==, "2026-03-12");
  g_assert_null (dg_followup_get_due_at (loaded));
  g_assert_cmpstr (dg_followup_get_customer_name (loaded), ==, "");
  g_clear_object (&loaded);

  {
    g_autoptr(GError) error = NULL;

    loaded = dg_followups_get_by_uuid (fixture->db, dg_followup_get_uuid (all_day), &error);
    g_assert_no_error (error);
    g_assert_cmpint (dg_followup_get_id (loaded), ==, dg_followup_get_id (all_day));
    g_assert_null (dg_followups_get (fixture->db, 9999, &error));
    g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
  }
}

static void
assert_insert_fails (Fixture    *fixture,
                     DgFollowup *followup,
                     int         code,
                     const char *prefix)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (dg_followups_insert (fixture->db, fixture->base, followup, &error));
  g_assert_error (error, DG_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_cmpint (dg_followup_get_id (followup), ==, 0);
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) due = at (fixture, 2026, 3, 12, 15, 0);
  gint64 customer = add_customer (fixture, "Anna");

  {
    g_autoptr(DgFollowup) f = make_timed ("   ", due);

    assert_insert_fails (fixture, f, DG_ERROR_INVALID_FIELD, "Title: ");
  }
  {
    g_autoptr(DgFollowup) f = make_timed ("No date", NULL);

    assert_insert_fails (fixture, f, DG_ERROR_INVALID_FIELD, "Due: ");
  }
  {
    g_autoptr(DgFollowup) f = make_all_day ("Bad date", "2026-02-30");

    assert_insert_fails (fixture, f, DG_ERROR_INVALID_FIELD, "Due: ");
  }
  {
    g_autoptr(DgFollowup) f = make_timed ("Zero", due);

    dg_followup_set_recurrence (f, DG_RECURRENCE_DAYS);
    dg_followup_set_recurrence_interval (f, 0);
    assert_insert_fails (fixture, f, DG_ERROR_INVALID_FIELD, "Repeat: ");
    dg_followup_set_recurrence_interval (f, 1000);
    assert_insert_fails (fixture, f, DG_ERROR_INVALID_FIELD, "Repeat: ");
  }
  {
    g_autoptr(DgFollowup) f = make_all_day ("Keep in touch", "2026-04-01");

    dg_followup_set_keep_in_touch (f, TRUE);
    dg_followup_set_recurrence (f, DG_RECURRENCE_DAYS);
    dg_followup_set_recurrence_interval (f, 30);
    assert_insert_fails (fixture, f, DG_ERROR_INVALID_FIELD, "Keep in touch: ");
    dg_followup_set_customer_id (f, customer);
    dg_followup_set_recurrence (f, DG_RECURRENCE_NONE);
    assert_insert_fails (fixture, f, DG_ERROR_INVALID_FIELD, "Keep in touch: ");
  }
  {
    g_autoptr(DgFollowup) f = make_timed ("Someone gone", due);

    dg_followup_set_customer_id (f, customer + 50);
    assert_insert_fails (fixture, f, DG_ERROR_NOT_FOUND, "Customer: ");
  }

  g_assert_cmpuint (fixture->followups_changed, ==, 0);

  /* The interval of one that does not repeat is not checked. */
  {
    g_autoptr(DgFollowup) f = make_timed ("Once", due);

    dg_followup_set_recurrence_interval (f, 0);
    insert (fixture, f);
  }

  /* A follow-up that no longer exists cannot be changed. */
  {
    g_autoptr(DgFollowup) f = make_timed ("Gone", due);
    g_autoptr(GError) error = NULL;
    gint64 id = insert (fixture, f);

    g_assert_true (dg_followups_delete (fixture->db, id, &error));
    g_assert_false (dg_followups_update (fixture->db, fixture->base, f, &error));
    g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (dg_followups_complete (fixture->db, fixture->base, id, NULL, &error));
    g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (dg_followups_delete (fixture->db, id, &error));
    g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
  }
}

/* Around local midnight in New York, where UTC is already on the next day. */
static void
test_today_lists (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) t_2300 = at (fixture, 2026, 3, 10, 23, 0);
  g_autoptr(GDateTime) t_2345 = at (fixture, 2026, 3, 10, 23, 45);
  g_autoptr(GDateTime) t_0015 = at (fixture, 2026, 3, 11, 0, 15);
  g_autoptr(GDateTime) yesterday_late = at (fixture, 2026, 3, 9, 23, 59);
  g_autoptr(GDateTime) t_2200 = at (fixture, 2026, 3, 10, 22, 0);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a, b, c, d, e, f, g, h, done;

  set_now (fixture, 2026, 3, 10, 23, 30);

  f = add_timed (fixture, "F yesterday 23:59", yesterday_late);
  e = add_all_day (fixture, "E all day yesterday", "2026-03-09");
  a = add_timed (fixture, "A 23:00 today", t_2300);
  d = add_all_day (fixture, "D all day today", "2026-03-10");
  b = add_timed (fixture, "B 23:45 today", t_2345);
  c = add_timed (fixture, "C 00:15 tomorrow", t_0015);
  g = add_all_day (fixture, "G all day in a week", "2026-03-17");
  h = add_all_day (fixture, "H all day in eight days", "2026-03-18");
  done = add_timed (fixture, "done 22:00", t_2200);
  g_assert_true (dg_followups_complete (fixture->db, fixture->base, done, NULL, &error));
  g_assert_no_error (error);

  list = dg_followups_list_overdue (fixture->db, fixture->base, 0, &error);
  g_assert_no_error (error);
  assert_ids (list, (gint64[]) { e, f, a, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_cmpint (dg_followups_count_overdue (fixture->db, fixture->base, &error), ==, 3);

  list = dg_followups_list_overdue (fixture->db, fixture->base, 2, &error);
  assert_ids (list, (gint64[]) { e, f, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dg_followups_list_due_today (fixture->db, fixture->base, 0, &error);
  g_assert_no_error (error);
  assert_ids (list, (gint64[]) { d, b, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dg_followups_list_upcoming (fixture->db, fixture->base, 7, 0, &error);
  g_assert_no_error (error);
  assert_ids (list, (gint64[]) { c, g, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  {
    g_autoptr(DgFollowup) fd = get (fixture, d);
    g_autoptr(DgFollowup) fa = get (fixture, a);

    g_assert_false (dg_followup_is_overdue (fd, fixture->base));
    g_assert_true (dg_followup_is_overdue (fa, fixture->base));
  }

  /* Just past midnight: yesterday's all-day item and 23:45 are overdue,
   * 00:15 is due today, and the eight-day one is within the week. */
  set_now (fixture, 2026, 3, 11, 0, 0);
  dg_fake_clock_advance (fixture->clock, 30 * G_TIME_SPAN_SECOND);

  list = dg_followups_list_overdue (fixture->db, fixture->base, 0, &error);
  assert_ids (list, (gint64[]) { e, f, d, a, b, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dg_followups_list_due_today (fixture->db, fixture->base, 0, &error);
  assert_ids (list, (gint64[]) { c, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dg_followups_list_upcoming (fixture->db, fixture->base, 7, 0, &error);
  assert_ids (list, (gint64[]) { g, h, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Snoozed until later: out of the way until the snooze ends. */
  {
    g_autoptr(GDateTime) until = at (fixture, 2026, 3, 11, 9, 0);

    g_assert_true (dg_followups_snooze (fixture->db, fixture->base, e, until, &error));
    g_assert_no_error (error);

    list = dg_followups_list_overdue (fixture->db, fixture->base, 0, &error);
    assert_ids (list, (gint64[]) { f, d, a, b, 0 });
    g_clear_pointer (&list, g_ptr_array_unref);

    set_now (fixture, 2026, 3, 11, 9, 0);
    list = dg_followups_list_overdue (fixture->db, fixture->base, 0, &error);
    assert_ids (list, (gint64[]) { e, f, d, a, b, c, 0 });
    g_clear_pointer (&list, g_ptr_array_unref);
  }
}

static void
test_range_and_day (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) morning = at (fixture, 2026, 3, 12, 9, 0);
  g_autoptr(GDateTime) midnight = at (fixture, 2026, 3, 12, 0, 0);
  g_autoptr(GDateTime) night = at (fixture, 2026, 3, 12, 23, 59);
  g_autoptr(GDateTime) next_day = at (fixture, 2026, 3, 13, 0, 0);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  GDate day = date (2026, 3, 12);
  gint64 timed = add_timed (fixture, "timed 9:00", morning);
  gint64 all_day = add_all_day (fixture, "all day", "2026-03-12");
  gint64 at_midnight = add_timed (fixture, "at midnight", midnight);
  gint64 late = add_timed (fixture, "23:59", night);
  gint64 done = add_timed (fixture, "done", morning);
  gint64 cancelled = add_timed (fixture, "cancelled", morning);
  gint64 tomorrow = add_timed (fixture, "next day", next_day);

  g_assert_true (dg_followups_complete (fixture->db, fixture->base, done, NULL, &error));
  g_assert_true (dg_followups_cancel (fixture->db, fixture->base, cancelled, &error));
  g_assert_no_error (error);

  /* On one day the all-day ones come first, then by time, then by id. */
  list = dg_followups_list_day (fixture->db, fixture->base, &day, DG_FOLLOWUP_FILTER_OPEN, 0, &error);
  g_assert_no_error (error);
  assert_ids (list, (gint64[]) { all_day, at_midnight, timed, late, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dg_followups_list_day (fixture->db, fixture->base, &day, DG_FOLLOWUP_FILTER_NOT_CANCELLED, 0, &error);
  assert_ids (list, (gint64[]) { all_day, at_midnight, timed, done, late, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dg_followups_list_day (fixture->db, fixture->base, &day, DG_FOLLOWUP_FILTER_ALL, 0, &error);
  assert_ids (list, (gint64[]) { all_day, at_midnight, timed, done, cancelled, late, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dg_followups_list_day (fixture->db, fixture->base, &day, DG_FOLLOWUP_FILTER_ALL, 2, &error);
  assert_ids (list, (gint64[]) { all_day, at_midnight, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  /* [from, to) */
  list = dg_followups_list_range (fixture->db, midnight, next_day, DG_FOLLOWUP_FILTER_OPEN, 0, &error);
  assert_ids (list, (gint64[]) { all_day, at_midnight, timed, late, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dg_followups_list_range (fixture->db, morning, next_day, DG_FOLLOWUP_FILTER_OPEN, 0, &error);
  assert_ids (list, (gint64[]) { timed, late, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  {
    GDate next = date (2026, 3, 13);

    list = dg_followups_list_day (fixture->db, fixture->base, &next, DG_FOLLOWUP_FILTER_OPEN, 0, &error);
    assert_ids (list, (gint64[]) { tomorrow, 0 });
  }
}

static void
assert_counts (GArray      *counts,
               const guint *expected,
               guint        n)
{
  g_assert_nonnull (counts);
  g_assert_cmpuint (counts->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      if (g_array_index (counts, guint, i) != expected[i])
        g_error ("day %u: %u follow-ups, expected %u", i + 1,
                 g_array_index (counts, guint, i), expected[i]);
    }
}

static void
test_count_month (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) counts = NULL;
  guint expected[31] = { 0 };

  add_all_day (fixture, "first", "2026-03-01");
  add_all_day (fixture, "first again", "2026-03-01");
  /* The 23-hour day: 00:30 and 23:30 are both on the 8th. */
  {
    g_autoptr(GDateTime) early = at (fixture, 2026, 3, 8, 0, 30);
    g_autoptr(GDateTime) late = at (fixture, 2026, 3, 8, 23, 30);

    add_timed (fixture, "dst early", early);
    add_timed (fixture, "dst late", late);
  }
  /* 23:30 on the 31st is April 1st in UTC; 00:30 on April 1st is not March. */
  {
    g_autoptr(GDateTime) last = at (fixture, 2026, 3, 31, 23, 30);
    g_autoptr(GDateTime) april = at (fixture, 2026, 4, 1, 0, 30);
    g_autoptr(GDateTime) feb = at (fixture, 2026, 2, 28, 23, 59);

    add_timed (fixture, "last evening", last);
    add_timed (fixture, "april", april);
    add_timed (fixture, "february", feb);
  }
  add_all_day (fixture, "last day", "2026-03-31");
  add_all_day (fixture, "april all day", "2026-04-01");
  {
    gint64 done = add_all_day (fixture, "done on the 15th", "2026-03-15");
    gint64 cancelled = add_all_day (fixture, "cancelled on the 15th", "2026-03-15");

    g_assert_true (dg_followups_complete (fixture->db, fixture->base, done, NULL, &error));
    g_assert_true (dg_followups_cancel (fixture->db, fixture->base, cancelled, &error));
    g_assert_no_error (error);
  }

  expected[0] = 2;
  expected[7] = 2;
  expected[30] = 2;
  counts = dg_followups_count_month (fixture->db, fixture->tz, 2026, 3, DG_FOLLOWUP_FILTER_OPEN, &error);
  g_assert_no_error (error);
  assert_counts (counts, expected, 31);
  g_clear_pointer (&counts, g_array_unref);

  expected[14] = 1;
  counts = dg_followups_count_month (fixture->db, fixture->tz, 2026, 3, DG_FOLLOWUP_FILTER_NOT_CANCELLED, &error);
  assert_counts (counts, expected, 31);
  g_clear_pointer (&counts, g_array_unref);

  expected[14] = 2;
  counts = dg_followups_count_month (fixture->db, fixture->tz, 2026, 3, DG_FOLLOWUP_FILTER_ALL, &error);
  assert_counts (counts, expected, 31);
  g_clear_pointer (&counts, g_array_unref);

  /* A 6×7 grid from Sunday, February 22nd. */
  {
    GDate first = date (2026, 2, 22);
    guint grid[42] = { 0 };

    grid[6] = 1;        /* Feb 28 */
    grid[7] = 2;        /* Mar 1 */
    grid[14] = 2;       /* Mar 8 */
    grid[37] = 2;       /* Mar 31 */
    grid[38] = 2;       /* Apr 1 */
    counts = dg_followups_count_per_day (fixture->db, fixture->tz, &first, 42, DG_FOLLOWUP_FILTER_OPEN, &error);
    g_assert_no_error (error);
    assert_counts (counts, grid, 42);
    g_clear_pointer (&counts, g_array_unref);
  }

  /* In Seoul the same instants fall on other days, and all-day dates do
   * not move. */
  {
    g_autoptr(GTimeZone) seoul = g_time_zone_new_identifier ("Asia/Seoul");
    guint in_seoul[30] = { 0 };

    dg_fake_clock_set_time_zone (fixture->clock, seoul);
    g_assert_true (dg_followups_sync_time_zone (fixture->db, fixture->base, &error));
    g_assert_no_error (error);

    in_seoul[0] = 2 + 1;        /* April 1st all day + 23:30 EDT and 00:30 EDT */
    counts = dg_followups_count_month (fixture->db, seoul, 2026, 4, DG_FOLLOWUP_FILTER_OPEN, &error);
    g_assert_no_error (error);
    assert_counts (counts, in_seoul, 30);
  }
}

static void
complete (Fixture     *fixture,
          gint64       id,
          DgFollowup **out_next)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_followups_complete (fixture->db, fixture->base, id, out_next, &error));
  g_assert_no_error (error);
}

static gint64
add_repeating_timed (Fixture          *fixture,
                     GDateTime        *due,
                     DgRecurrenceUnit  unit,
                     guint             interval)
{
  g_autoptr(DgFollowup) followup = make_timed ("repeating", due);

  dg_followup_set_recurrence (followup, unit);
  dg_followup_set_recurrence_interval (followup, interval);

  return insert (fixture, followup);
}

static gint64
add_repeating_all_day (Fixture          *fixture,
                       const char       *due,
                       DgRecurrenceUnit  unit,
                       guint             interval)
{
  g_autoptr(DgFollowup) followup = make_all_day ("repeating", due);

  dg_followup_set_recurrence (followup, unit);
  dg_followup_set_recurrence_interval (followup, interval);

  return insert (fixture, followup);
}

static void
test_complete (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GDateTime) due = at (fixture, 2026, 3, 10, 9, 0);
  g_autoptr(DgFollowup) next = NULL;
  g_autoptr(DgFollowup) done = NULL;
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (fixture->base);
  gint64 once = add_timed (fixture, "once", due);

  complete (fixture, once, &next);
  g_assert_null (next);
  done = get (fixture, once);
  g_assert_cmpint (dg_followup_get_status (done), ==, DG_FOLLOWUP_STATUS_DONE);
  g_assert_true (g_date_time_equal (dg_followup_get_done_at (done), now));

  /* Done twice (a stale notification's button): nothing changes. */
  fixture->followups_changed = 0;
  dg_fake_clock_advance (fixture->clock, G_TIME_SPAN_HOUR);
  complete (fixture, once, &next);
  g_assert_null (next);
  g_assert_cmpuint (fixture->followups_changed, ==, 0);
  g_clear_object (&done);
  done = get (fixture, once);
  g_assert_true (g_date_time_equal (dg_followup_get_done_at (done), now));

  /* Undo brings it back open. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DgFollowup) reopened = NULL;

    g_assert_true (dg_followups_reopen (fixture->db, fixture->base, once, 0, &error));
    g_assert_no_error (error);
    reopened = get (fixture, once);
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
    cancelled = get (fixture, id);
    g_assert_cmpint (dg_followup_get_status (cancelled), ==, DG_FOLLOWUP_STATUS_CANCELLED);
    g_assert_null (dg_followup_get_done_at (cancelled));
    complete (fixture, id, &next);
    g_assert_null (next);
  }
}

/* A daily 9:00 stays at 9:00 across both daylight saving changes. */
static void
test_daily_nine_across_dst (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GDateTime) due = at (fixture, 2026, 3, 7, 9, 0);
  g_autoptr(DgFollowup) next = NULL;
  g_autoptr(DgFollowup) after = NULL;
  gint64 id;

  set_now (fixture, 2026, 3, 7, 9, 5);
  id = add_repeating_timed (fixture, due, DG_RECURRENCE_DAYS, 1);
  complete (fixture, id, &next);
  assert_due_at (next, "2026-03-08T09:00:00-04:00");
  g_assert_cmpint (dg_followup_get_status (next), ==, DG_FOLLOWUP_STATUS_OPEN);
  g_assert_cmpstr (dg_followup_get_recurrence_anchor (next), ==, "2026-03-07T09:00:00");
  g_assert_cmpstr (dg_followup_get_uuid (next), !=, "");

  set_now (fixture, 2026, 3, 8, 9, 30);
  complete (fixture, dg_followup_get_id (next), &after);
  assert_due_at (after, "2026-03-09T09:00:00-04:00");

  /* As stored, too. */
  {
    g_autoptr(DgFollowup) stored = get (fixture, dg_followup_get_id (after));

    assert_due_at (stored, "2026-03-09T09:00:00-04:00");
    g_assert_cmpint (dg_followup_get_recurrence (stored), ==, DG_RECURRENCE_DAYS);
  }

  /* November. */
  {
    g_autoptr(GDateTime) oct31 = at (fixture, 2026, 10, 31, 9, 0);
    g_autoptr(DgFollowup) nov = NULL;

    set_now (fixture, 2026, 10, 31, 9, 10);
    id = add_repeating_timed (fixture, oct31, DG_RECURRENCE_DAYS, 1);
    complete (fixture, id, &nov);
    assert_due_at (nov, "2026-11-01T09:00:00-05:00");
  }
}

/* A daily 02:30 across the spring-forward gap: 03:30 on that day, then
 * 02:30 again. */
static void
test_daily_half_past_two_across_dst (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GDateTime) due = at (fixture, 2026, 3, 7, 2, 30);
  g_autoptr(DgFollowup) gap_day = NULL;
  g_autoptr(DgFollowup) after = NULL;
  gint64 id;

  set_now (fixture, 2026, 3, 7, 2, 45);
  id = add_repeating_timed (fixture, due, DG_RECURRENCE_DAYS, 1);
  complete (fixture, id, &gap_day);
  assert_due_at (gap_day, "2026-03-08T03:30:00-04:00");

  set_now (fixture, 2026, 3, 8, 4, 0);
  complete (fixture, dg_followup_get_id (gap_day), &after);
  assert_due_at (after, "2026-03-09T02:30:00-04:00");
}

static void
test_monthly_and_leap (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const month_ends[] = { "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31" };
  static const char * const leap[] = { "2029-02-28", "2030-02-28", "2031-02-28", "2032-02-29" };
  gint64 id;

  set_now (fixture, 2026, 1, 31, 12, 0);
  id = add_repeating_all_day (fixture, "2026-01-31", DG_RECURRENCE_MONTHS, 1);
  for (guint i = 0; i < G_N_ELEMENTS (month_ends); i++)
    {
      g_autoptr(DgFollowup) next = NULL;

      complete (fixture, id, &next);
      g_assert_cmpstr (dg_followup_get_due_date (next), ==, month_ends[i]);
      g_assert_cmpstr (dg_followup_get_recurrence_anchor (next), ==, "2026-01-31");
      id = dg_followup_get_id (next);
    }

  set_now (fixture, 2028, 2, 29, 12, 0);
  id = add_repeating_all_day (fixture, "2028-02-29", DG_RECURRENCE_MONTHS, 12);
  for (guint i = 0; i < G_N_ELEMENTS (leap); i++)
    {
      g_autoptr(DgFollowup) next = NULL;
      GDate due;

      complete (fixture, id, &next);
      g_assert_cmpstr (dg_followup_get_due_date (next), ==, leap[i]);
      id = dg_followup_get_id (next);

      /* Done on the day each time. */
      g_assert_true (dg_recurrence_parse_date (leap[i], &due));
      set_now (fixture, g_date_get_year (&due), g_date_get_month (&due), g_date_get_day (&due), 12, 0);
    }
}

/* Completing late skips the occurrences missed in between. */
static void
test_complete_late (Fixture       *fixture,
                    gconstpointer  data)
{
  /* Tuesdays at 9:00 from February 3rd; now is Tuesday March 10th, 10:00. */
  g_autoptr(GDateTime) due = at (fixture, 2026, 2, 3, 9, 0);
  g_autoptr(DgFollowup) next = NULL;
  g_autoptr(DgFollowup) all_day_next = NULL;
  gint64 id = add_repeating_timed (fixture, due, DG_RECURRENCE_WEEKS, 1);
  gint64 all_day = add_repeating_all_day (fixture, "2026-02-03", DG_RECURRENCE_WEEKS, 1);

  complete (fixture, id, &next);
  assert_due_at (next, "2026-03-17T09:00:00-04:00");

  /* An all-day one due weekly: today's occurrence counts as done too. */
  complete (fixture, all_day, &all_day_next);
  g_assert_cmpstr (dg_followup_get_due_date (all_day_next), ==, "2026-03-17");

  /* Done early: the next is still the one after its own due. */
  {
    g_autoptr(GDateTime) friday = at (fixture, 2026, 3, 13, 15, 0);
    g_autoptr(DgFollowup) following = NULL;
    gint64 early = add_repeating_timed (fixture, friday, DG_RECURRENCE_DAYS, 2);

    complete (fixture, early, &following);
    assert_due_at (following, "2026-03-15T15:00:00-04:00");
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
    reopened = get (fixture, id);
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
  g_autoptr(DgFollowup) followup = due_date ? make_all_day ("Keep in touch", due_date)
                                            : make_timed ("Keep in touch", due_at);

  dg_followup_set_customer_id (followup, customer);
  dg_followup_set_keep_in_touch (followup, TRUE);
  dg_followup_set_recurrence (followup, unit);
  dg_followup_set_recurrence_interval (followup, interval);

  return insert (fixture, followup);
}

static void
test_keep_in_touch (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 customer = add_customer (fixture, "Regular");
  gint64 other = add_customer (fixture, "Someone else");
  g_autoptr(GDateTime) feb1 = at (fixture, 2026, 2, 1, 10, 0);
  g_autoptr(GDateTime) today_9 = at (fixture, 2026, 3, 10, 9, 0);
  g_autoptr(GDateTime) older = at (fixture, 2026, 3, 5, 9, 0);
  g_autoptr(GDateTime) three_pm = at (fixture, 2026, 3, 20, 15, 0);
  g_autoptr(GError) error = NULL;
  gint64 kit, timed, others, closed;

  log_contact (fixture, customer, feb1);
  kit = add_keep_in_touch (fixture, customer, "2026-03-03", NULL, DG_RECURRENCE_DAYS, 30);
  timed = add_keep_in_touch (fixture, customer, NULL, three_pm, DG_RECURRENCE_DAYS, 30);
  others = add_keep_in_touch (fixture, other, "2026-03-03", NULL, DG_RECURRENCE_DAYS, 30);
  closed = add_keep_in_touch (fixture, customer, "2026-03-03", NULL, DG_RECURRENCE_DAYS, 30);
  complete (fixture, closed, NULL);

  /* A snooze of the old date ends with it. */
  {
    g_autoptr(GDateTime) until = at (fixture, 2026, 3, 10, 12, 0);

    g_assert_true (dg_followups_snooze (fixture->db, fixture->base, kit, until, &error));
    g_assert_no_error (error);
  }

  /* A contact today moves it to 30 days from today. */
  fixture->followups_changed = 0;
  log_contact (fixture, customer, today_9);
  g_assert_cmpuint (fixture->followups_changed, ==, 1);
  {
    g_autoptr(DgFollowup) moved = get (fixture, kit);
    g_autoptr(DgFollowup) moved_timed = get (fixture, timed);
    g_autoptr(DgFollowup) untouched = get (fixture, others);

    g_assert_cmpstr (dg_followup_get_due_date (moved), ==, "2026-04-09");
    g_assert_null (dg_followup_get_snoozed_until (moved));
    g_assert_cmpstr (dg_followup_get_recurrence_anchor (moved), ==, "2026-04-09");
    assert_due_at (moved_timed, "2026-04-09T15:00:00-04:00");
    g_assert_cmpstr (dg_followup_get_due_date (untouched), ==, "2026-03-03");
  }
  {
    g_autoptr(DgFollowup) done = get (fixture, closed);
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
  log_contact (fixture, customer, older);
  g_assert_cmpuint (fixture->followups_changed, ==, 0);

  /* Deleting today's contact moves it back to 30 days after March 5th. */
  {
    g_autoptr(GPtrArray) log = dg_interactions_list_for_customer (fixture->db, customer, 1, &error);
    g_autoptr(DgFollowup) moved = NULL;

    g_assert_true (dg_interactions_delete (fixture->db, fixture->base,
                                           dg_interaction_get_id (g_ptr_array_index (log, 0)), &error));
    g_assert_no_error (error);
    moved = get (fixture, kit);
    g_assert_cmpstr (dg_followup_get_due_date (moved), ==, "2026-04-04");
  }

  /* Completing it counts as being in touch now: 30 days from April 20th,
   * not from the last logged contact. */
  {
    g_autoptr(DgFollowup) next = NULL;

    set_now (fixture, 2026, 4, 20, 11, 0);
    complete (fixture, kit, &next);
    g_assert_cmpstr (dg_followup_get_due_date (next), ==, "2026-05-20");
    g_assert_true (dg_followup_get_keep_in_touch (next));
  }

  /* Monthly, from a contact on January 31st: February 28th. */
  {
    gint64 someone = add_customer (fixture, "Monthly");
    g_autoptr(GDateTime) jan31 = at (fixture, 2026, 1, 31, 18, 0);
    gint64 monthly = add_keep_in_touch (fixture, someone, "2026-01-01", NULL, DG_RECURRENCE_MONTHS, 1);
    g_autoptr(DgFollowup) moved = NULL;

    log_contact (fixture, someone, jan31);
    moved = get (fixture, monthly);
    g_assert_cmpstr (dg_followup_get_due_date (moved), ==, "2026-02-28");
  }
}

static void
test_cascade (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 customer = add_customer (fixture, "Leaving");
  g_autoptr(GDateTime) due = at (fixture, 2026, 3, 12, 9, 0);
  g_autoptr(DgFollowup) theirs = make_timed ("theirs", due);
  g_autoptr(DgFollowup) also = make_all_day ("also theirs", "2026-03-12");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) left = NULL;
  gint64 nobody;

  dg_followup_set_customer_id (theirs, customer);
  dg_followup_set_customer_id (also, customer);
  insert (fixture, theirs);
  insert (fixture, also);
  nobody = add_timed (fixture, "no customer", due);

  g_assert_true (dg_customers_delete (fixture->db, customer, &error));
  g_assert_no_error (error);

  {
    g_autoptr(GDateTime) start = at (fixture, 2026, 3, 12, 0, 0);
    g_autoptr(GDateTime) end = at (fixture, 2026, 3, 13, 0, 0);

    left = dg_followups_list_range (fixture->db, start, end, DG_FOLLOWUP_FILTER_ALL, 0, &error);
    assert_ids (left, (gint64[]) { nobody, 0 });
  }
}

static void
test_delete_and_restore (Fixture       *fixture,
                         gconstpointer  data)
{
  gint64 customer = add_customer (fixture, "Kim");
  g_autoptr(GDateTime) due = at (fixture, 2026, 3, 12, 9, 0);
  g_autoptr(GDateTime) until = at (fixture, 2026, 3, 11, 9, 0);
  g_autoptr(DgFollowup) followup = make_timed ("Call", due);
  g_autoptr(DgFollowup) deleted = NULL;
  g_autoptr(DgFollowup) restored = NULL;
  g_autoptr(DgFollowup) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  dg_followup_set_customer_id (followup, customer);
  dg_followup_set_recurrence (followup, DG_RECURRENCE_WEEKS);
  dg_followup_set_recurrence_interval (followup, 2);
  id = insert (fixture, followup);
  g_assert_true (dg_followups_snooze (fixture->db, fixture->base, id, until, &error));
  g_assert_no_error (error);

  deleted = get (fixture, id);
  fixture->followups_changed = 0;
  g_assert_true (dg_followups_delete (fixture->db, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->followups_changed, ==, 1);

  dg_fake_clock_advance (fixture->clock, G_TIME_SPAN_MINUTE);
  restored = dg_followup_copy (deleted);
  insert (fixture, restored);
  g_assert_cmpint (dg_followup_get_id (restored), ==, id);

  loaded = get (fixture, id);
  g_assert_cmpstr (dg_followup_get_uuid (loaded), ==, dg_followup_get_uuid (deleted));
  g_assert_cmpstr (dg_followup_get_recurrence_anchor (loaded), ==, "2026-03-12T09:00:00");
  g_assert_true (g_date_time_equal (dg_followup_get_snoozed_until (loaded), until));
  g_assert_true (g_date_time_equal (dg_followup_get_created_at (loaded),
                                    dg_followup_get_created_at (deleted)));
  g_assert_true (g_date_time_equal (dg_followup_get_updated_at (loaded),
                                    dg_followup_get_updated_at (deleted)));
  g_assert_cmpint (dg_followup_get_recurrence_interval (loaded), ==, 2);

  /* A done one comes back done. */
  {
    g_autoptr(DgFollowup) done = NULL;
    g_autoptr(DgFollowup) back = NULL;

    complete (fixture, id, NULL);
    done = get (fixture, id);
    g_assert_true (dg_followups_delete (fixture->db, id, &error));
    back = dg_followup_copy (done);
    insert (fixture, back);
    g_clear_object (&loaded);
    loaded = get (fixture, id);
    g_assert_cmpint (dg_followup_get_status (loaded), ==, DG_FOLLOWUP_STATUS_DONE);
    g_assert_true (g_date_time_equal (dg_followup_get_done_at (loaded), dg_followup_get_done_at (done)));
  }

  /* Its old id taken meanwhile: a new id, the same uuid. */
  {
    g_autoptr(DgFollowup) again = get (fixture, id);
    g_autoptr(DgFollowup) copy = NULL;

    g_autoptr(DgFollowup) squatter = make_timed ("took the id", due);

    g_assert_true (dg_followups_delete (fixture->db, id, &error));
    dg_followup_set_id (squatter, id);
    g_assert_cmpint (insert (fixture, squatter), ==, id);
    copy = dg_followup_copy (again);
    g_assert_true (dg_followups_insert (fixture->db, fixture->base, copy, &error));
    g_assert_no_error (error);
    g_assert_cmpint (dg_followup_get_id (copy), !=, id);
    g_assert_cmpstr (dg_followup_get_uuid (copy), ==, dg_followup_get_uuid (again));
  }
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 customer = add_customer (fixture, "Choi");
  g_autoptr(GDateTime) due = at (fixture, 2026, 3, 12, 9, 0);
  g_autoptr(GDateTime) new_due = at (fixture, 2026, 3, 14, 16, 30);
  g_autoptr(GDateTime) until = at (fixture, 2026, 3, 11, 9, 0);
  g_autoptr(DgFollowup) followup = make_timed ("Call", due);
  g_autoptr(GError) error = NULL;
  gint64 id;

  dg_followup_set_recurrence (followup, DG_RECURRENCE_DAYS);
  id = insert (fixture, followup);
  g_assert_true (dg_followups_snooze (fixture->db, fixture->base, id, until, &error));
  g_assert_no_error (error);

  /* A new title keeps the snooze and the anchor. */
  {
    g_autoptr(DgFollowup) edited = get (fixture, id);

    dg_followup_set_title (edited, "Call about the invoice");
    dg_followup_set_customer_id (edited, customer);
    dg_fake_clock_advance (fixture->clock, G_TIME_SPAN_MINUTE);
    fixture->followups_changed = 0;
    g_assert_true (dg_followups_update (fixture->db, fixture->base, edited, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (fixture->followups_changed, ==, 1);
    g_assert_nonnull (dg_followup_get_snoozed_until (edited));
  }
  {
    g_autoptr(DgFollowup) stored = get (fixture, id);
    g_autoptr(GDateTime) now = dg_clock_get_now_utc (fixture->base);

    g_assert_cmpstr (dg_followup_get_title (stored), ==, "Call about the invoice");
    g_assert_cmpstr (dg_followup_get_customer_name (stored), ==, "Choi");
    g_assert_true (g_date_time_equal (dg_followup_get_snoozed_until (stored), until));
    g_assert_cmpstr (dg_followup_get_recurrence_anchor (stored), ==, "2026-03-12T09:00:00");
    g_assert_true (g_date_time_equal (dg_followup_get_updated_at (stored), now));
  }

  /* A new due drops the snooze and restarts the series. Status is not the
   * editor's to change. */
  {
    g_autoptr(DgFollowup) edited = get (fixture, id);
    g_autoptr(DgFollowup) stored = NULL;

    dg_followup_set_due_at (edited, new_due);
    dg_followup_set_status (edited, DG_FOLLOWUP_STATUS_DONE);
    g_assert_true (dg_followups_update (fixture->db, fixture->base, edited, &error));
    g_assert_no_error (error);
    g_assert_cmpint (dg_followup_get_status (edited), ==, DG_FOLLOWUP_STATUS_OPEN);
    g_assert_null (dg_followup_get_snoozed_until (edited));
    g_assert_cmpstr (dg_followup_get_recurrence_anchor (edited), ==, "2026-03-14T16:30:00");

    stored = get (fixture, id);
    g_assert_cmpint (dg_followup_get_status (stored), ==, DG_FOLLOWUP_STATUS_OPEN);
    g_assert_null (dg_followup_get_snoozed_until (stored));
    g_assert_true (g_date_time_equal (dg_followup_get_due_at (stored), new_due));
  }

  /* Made all-day, then given a customer that does not exist. */
  {
    g_autoptr(DgFollowup) edited = get (fixture, id);
    g_autoptr(DgFollowup) stored = NULL;

    dg_followup_set_due_date (edited, "2026-03-20");
    g_assert_true (dg_followups_update (fixture->db, fixture->base, edited, &error));
    g_assert_no_error (error);
    stored = get (fixture, id);
    g_assert_true (dg_followup_get_all_day (stored));
    g_assert_cmpstr (dg_followup_get_recurrence_anchor (stored), ==, "2026-03-20");

    dg_followup_set_customer_id (edited, customer + 10);
    g_assert_false (dg_followups_update (fixture->db, fixture->base, edited, &error));
    g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
    g_clear_error (&error);

    dg_followup_set_customer_id (edited, customer);
    dg_followup_set_title (edited, "");
    g_assert_false (dg_followups_update (fixture->db, fixture->base, edited, &error));
    g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD);
  }
}

static void
test_move_to_date (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) due = at (fixture, 2026, 3, 6, 9, 15);
  g_autoptr(GError) error = NULL;
  gint64 timed = add_timed (fixture, "timed", due);
  gint64 all_day = add_all_day (fixture, "all day", "2026-03-06");
  GDate monday = date (2026, 3, 9);

  fixture->followups_changed = 0;
  g_assert_true (dg_followups_move_to_date (fixture->db, fixture->base, timed, &monday, &error));
  g_assert_no_error (error);
  g_assert_true (dg_followups_move_to_date (fixture->db, fixture->base, all_day, &monday, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->followups_changed, ==, 2);

  {
    g_autoptr(DgFollowup) moved = get (fixture, timed);
    g_autoptr(DgFollowup) moved_all_day = get (fixture, all_day);

    /* 9:15 in standard time before, 9:15 in daylight time after. */
    assert_due_at (moved, "2026-03-09T09:15:00-04:00");
    g_assert_cmpstr (dg_followup_get_recurrence_anchor (moved), ==, "2026-03-09T09:15:00");
    g_assert_cmpstr (dg_followup_get_due_date (moved_all_day), ==, "2026-03-09");
  }

  /* To the same day: nothing to write. */
  fixture->followups_changed = 0;
  g_assert_true (dg_followups_move_to_date (fixture->db, fixture->base, timed, &monday, &error));
  g_assert_cmpuint (fixture->followups_changed, ==, 0);
}

static void
test_snooze_rules (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) due = at (fixture, 2026, 3, 10, 9, 0);
  g_autoptr(GDateTime) past = at (fixture, 2026, 3, 10, 9, 30);
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (fixture->base);
  g_autoptr(GDateTime) later = at (fixture, 2026, 3, 10, 11, 0);
  g_autoptr(GError) error = NULL;
  gint64 id = add_timed (fixture, "due", due);

  g_assert_false (dg_followups_snooze (fixture->db, fixture->base, id, past, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD);
  g_assert_true (g_str_has_prefix (error->message, "Snooze: "));
  g_clear_error (&error);
  g_assert_false (dg_followups_snooze (fixture->db, fixture->base, id, now, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD);
  g_clear_error (&error);

  complete (fixture, id, NULL);
  g_assert_false (dg_followups_snooze (fixture->db, fixture->base, id, later, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "Snooze: "));
}

/* The owner flies from New York to Seoul: all-day follow-ups stay on their
 * dates, timed ones on their instants. */
static void
test_time_zone_change (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GTimeZone) seoul = g_time_zone_new_identifier ("Asia/Seoul");
  g_autoptr(GDateTime) due = at (fixture, 2026, 3, 12, 20, 0);  /* 09:00 on the 13th in Seoul */
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  GDate the_12th = date (2026, 3, 12);
  GDate the_13th = date (2026, 3, 13);
  gint64 all_day = add_all_day (fixture, "all day on the 12th", "2026-03-12");
  gint64 timed = add_timed (fixture, "timed", due);

  dg_fake_clock_set_time_zone (fixture->clock, seoul);

  /* A write (or the sync at start) brings the keys along. */
  add_all_day (fixture, "written in Seoul", "2026-03-20");

  list = dg_followups_list_day (fixture->db, fixture->base, &the_12th, DG_FOLLOWUP_FILTER_OPEN, 0, &error);
  g_assert_no_error (error);
  assert_ids (list, (gint64[]) { all_day, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dg_followups_list_day (fixture->db, fixture->base, &the_13th, DG_FOLLOWUP_FILTER_OPEN, 0, &error);
  assert_ids (list, (gint64[]) { timed, 0 });
  g_clear_pointer (&list, g_ptr_array_unref);

  /* In Seoul it is 2026-03-10 23:00 now; the 12th is not overdue. Two days
   * later at 00:30 it is. */
  list = dg_followups_list_overdue (fixture->db, fixture->base, 0, &error);
  assert_ids (list, (gint64[]) { 0 });
  g_clear_pointer (&list, g_ptr_array_unref);
  {
    g_autoptr(GDateTime) later = g_date_time_new (seoul, 2026, 3, 13, 0, 30, 0);

    dg_fake_clock_set_now (fixture->clock, later);
    list = dg_followups_list_overdue (fixture->db, fixture->base, 0, &error);
    assert_ids (list, (gint64[]) { all_day, 0 });
  }
}

static void
assert_statements_index_bound (DgDatabase *db,
                               GPtrArray  *statements)
{
  for (guint i = 0; i < statements->len; i++)
    {
      const char *sql = g_ptr_array_index (statements, i);

      if (g_str_has_prefix (sql, "SELECT") || g_str_has_prefix (sql, "UPDATE")
          || g_str_has_prefix (sql, "DELETE"))
        dg_test_assert_index_bound (db, sql);
    }
}

/* The plan of the first statement in @statements that holds @needle. */
static char *
plan_of (DgDatabase *db,
         GPtrArray  *statements,
         const char *needle)
{
  for (guint i = 0; i < statements->len; i++)
    {
      const char *sql = g_ptr_array_index (statements, i);

      if (strstr (sql, needle) != NULL)
        return dg_test_query_plan (db, sql);
    }

  g_error ("No statement with “%s” ran", needle);
}

static void
test_query_plans (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 customer = add_customer (fixture, "Plans");
  g_autoptr(GDateTime) due = at (fixture, 2026, 3, 12, 9, 0);
  g_autoptr(GDateTime) end = at (fixture, 2026, 4, 12, 9, 0);
  g_autoptr(GDateTime) until = at (fixture, 2026, 3, 11, 9, 0);
  g_autoptr(GDateTime) contact = at (fixture, 2026, 3, 9, 9, 0);
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GError) error = NULL;
  GDate day = date (2026, 3, 12);
  gint64 id;

  /* Enough rows that a scan would look cheap to no one. */
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_hours (due, i * 5);
      g_autoptr(DgFollowup) f = make_timed ("row", when);

      dg_followup_set_customer_id (f, i % 3 == 0 ? customer : 0);
      insert (fixture, f);
    }
  log_contact (fixture, customer, contact);

  dg_test_trace_begin (fixture->db);
  {
    g_autoptr(DgFollowup) kit = make_all_day ("keep in touch", "2026-03-20");
    g_autoptr(DgFollowup) next = NULL;
    g_autoptr(GPtrArray) a = NULL;
    g_autoptr(GArray) counts = NULL;

    dg_followup_set_customer_id (kit, customer);
    dg_followup_set_keep_in_touch (kit, TRUE);
    dg_followup_set_recurrence (kit, DG_RECURRENCE_DAYS);
    id = insert (fixture, kit);
    log_contact (fixture, customer, contact);
    g_assert_true (dg_followups_update (fixture->db, fixture->base, kit, &error));
    g_assert_true (dg_followups_snooze (fixture->db, fixture->base, id, until, &error));
    g_assert_true (dg_followups_move_to_date (fixture->db, fixture->base, id, &day, &error));
    g_assert_true (dg_followups_complete (fixture->db, fixture->base, id, &next, &error));
    g_assert_true (dg_followups_reopen (fixture->db, fixture->base, id, dg_followup_get_id (next), &error));
    g_assert_true (dg_followups_cancel (fixture->db, fixture->base, id, &error));

    for (DgFollowupFilter filter = DG_FOLLOWUP_FILTER_OPEN; filter <= DG_FOLLOWUP_FILTER_ALL; filter++)
      {
        g_clear_pointer (&a, g_ptr_array_unref);
        a = dg_followups_list_range (fixture->db, due, end, filter, 0, &error);
        g_clear_pointer (&a, g_ptr_array_unref);
        a = dg_followups_list_for_customer (fixture->db, customer, filter, &error);
        g_clear_pointer (&counts, g_array_unref);
        counts = dg_followups_count_month (fixture->db, fixture->tz, 2026, 3, filter, &error);
      }
    g_clear_pointer (&a, g_ptr_array_unref);
    a = dg_followups_list_overdue (fixture->db, fixture->base, 10, &error);
    g_clear_pointer (&a, g_ptr_array_unref);
    a = dg_followups_list_due_today (fixture->db, fixture->base, 10, &error);
    g_clear_pointer (&a, g_ptr_array_unref);
    a = dg_followups_list_upcoming (fixture->db, fixture->base, 7, 10, &error);
    dg_followups_count_overdue (fixture->db, fixture->base, &error);
    g_assert_true (dg_followups_delete (fixture->db, id, &error));
    g_assert_no_error (error);
  }
  statements = dg_test_trace_end (fixture->db);
  g_assert_cmpuint (statements->len, >, 15);
  assert_statements_index_bound (fixture->db, statements);

  /* The open lists walk the small index of open follow-ups; the counts
   * read no table row. */
  {
    g_autofree char *overdue = plan_of (fixture->db, statements, "f.due_key < ?1");
    g_autofree char *open_count = plan_of (fixture->db, statements,
                                           "SELECT due_key FROM followups WHERE status = 'open'");
    g_autofree char *not_cancelled_count = plan_of (fixture->db, statements,
                                                    "SELECT due_key FROM followups WHERE due_key >= ?1 AND due_key < ?2 AND status <> 'cancelled'");
    g_autofree char *per_customer = plan_of (fixture->db, statements, "WHERE f.customer_id = ?1 AND f.status = 'open' ORDER");

    g_assert_nonnull (strstr (overdue, "followups_open_by_due"));
    g_assert_nonnull (strstr (open_count, "COVERING INDEX"));
    g_assert_nonnull (strstr (not_cancelled_count, "COVERING INDEX followups_by_due"));
    g_assert_nonnull (strstr (per_customer, "followups_by_customer"));
  }
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/followups/insert-and-get", test_insert_and_get);
  ADD ("/followups/validation", test_validation);
  ADD ("/followups/today-lists", test_today_lists);
  ADD ("/followups/range-and-day", test_range_and_day);
  ADD ("/followups/count-month", test_count_month);
  ADD ("/followups/complete", test_complete);
  ADD ("/followups/daily-nine-across-dst", test_daily_nine_across_dst);
  ADD ("/followups/daily-half-past-two-across-dst", test_daily_half_past_two_across_dst);
  ADD ("/followups/monthly-and-leap", test_monthly_and_leap);
  ADD ("/followups/complete-late", test_complete_late);
  ADD ("/followups/keep-in-touch", test_keep_in_touch);
  ADD ("/followups/cascade", test_cascade);
  ADD ("/followups/delete-and-restore", test_delete_and_restore);
  ADD ("/followups/update", test_update);
  ADD ("/followups/move-to-date", test_move_to_date);
  ADD ("/followups/snooze-rules", test_snooze_rules);
  ADD ("/followups/time-zone-change", test_time_zone_change);
  ADD ("/followups/query-plans", test_query_plans);

#undef ADD

  return g_test_run ();
}
