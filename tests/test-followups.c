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
complete (Fixture     *fixture,
          gint64       id,
          DgFollowup **out_next)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_followups_complete (fixture->db, fixture->base, id, out_next, &error));
  g_assert_no_error (error);
}

/* A daily 9:00 stays at 9:00 across both daylight saving changes. */
/* A daily 02:30 across the spring-forward gap: 03:30 on that day, then
 * 02:30 again. */
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
/* The plan of the first statement in @statements that holds @needle. */
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
  ADD ("/followups/cascade", test_cascade);
  ADD ("/followups/delete-and-restore", test_delete_and_restore);
  ADD ("/followups/update", test_update);
  ADD ("/followups/move-to-date", test_move_to_date);
  ADD ("/followups/snooze-rules", test_snooze_rules);

#undef ADD

  return g_test_run ();
}
