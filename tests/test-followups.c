/* test-followups.c */
#include "config.h"

#include <string.h>

#include "dg-followup-test-util.h"
#include "dg-test-util.h"

typedef DgFollowupFixture Fixture;

static void
test_insert_and_get (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 customer = dg_test_add_customer (fixture, "김민수 <VIP>");
  g_autoptr(GDateTime) due = dg_test_at (fixture, 2026, 3, 12, 15, 0);
  g_autoptr(DgFollowup) timed = dg_test_make_timed ("  Call back about the course  ", due);
  g_autoptr(DgFollowup) all_day = dg_test_make_all_day ("Send the invitation", "2026-03-12");
  g_autoptr(DgFollowup) loaded = NULL;
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (fixture->base);
  GDate day;

  dg_followup_set_customer_id (timed, customer);
  dg_followup_set_note (timed, "Prefers mornings\nAsk about the group price");
  dg_test_insert_followup (fixture, timed);
  dg_test_insert_followup (fixture, all_day);
  g_assert_cmpuint (fixture->followups_changed, ==, 2);

  g_assert_cmpuint (strlen (dg_followup_get_uuid (timed)), ==, 36);
  g_assert_cmpstr (dg_followup_get_recurrence_anchor (timed), ==, "2026-03-12T15:00:00");
  g_assert_cmpstr (dg_followup_get_recurrence_anchor (all_day), ==, "2026-03-12");
  g_assert_true (g_date_time_equal (dg_followup_get_created_at (timed), now));

  loaded = dg_test_get_followup (fixture, dg_followup_get_id (timed));
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

  loaded = dg_test_get_followup (fixture, dg_followup_get_id (all_day));
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
  g_autoptr(GDateTime) due = dg_test_at (fixture, 2026, 3, 12, 15, 0);
  gint64 customer = dg_test_add_customer (fixture, "Anna");

  {
    g_autoptr(DgFollowup) f = dg_test_make_timed ("   ", due);

    assert_insert_fails (fixture, f, DG_ERROR_INVALID_FIELD, "Title: ");
  }
  {
    g_autoptr(DgFollowup) f = dg_test_make_timed ("No date", NULL);

    assert_insert_fails (fixture, f, DG_ERROR_INVALID_FIELD, "Due: ");
  }
  {
    g_autoptr(DgFollowup) f = dg_test_make_all_day ("Bad date", "2026-02-30");

    assert_insert_fails (fixture, f, DG_ERROR_INVALID_FIELD, "Due: ");
  }
  {
    g_autoptr(DgFollowup) f = dg_test_make_timed ("Zero", due);

    dg_followup_set_recurrence (f, DG_RECURRENCE_DAYS);
    dg_followup_set_recurrence_interval (f, 0);
    assert_insert_fails (fixture, f, DG_ERROR_INVALID_FIELD, "Repeat: ");
    dg_followup_set_recurrence_interval (f, 1000);
    assert_insert_fails (fixture, f, DG_ERROR_INVALID_FIELD, "Repeat: ");
  }
  {
    g_autoptr(DgFollowup) f = dg_test_make_all_day ("Keep in touch", "2026-04-01");

    dg_followup_set_keep_in_touch (f, TRUE);
    dg_followup_set_recurrence (f, DG_RECURRENCE_DAYS);
    dg_followup_set_recurrence_interval (f, 30);
    assert_insert_fails (fixture, f, DG_ERROR_INVALID_FIELD, "Keep in touch: ");
    dg_followup_set_customer_id (f, customer);
    dg_followup_set_recurrence (f, DG_RECURRENCE_NONE);
    assert_insert_fails (fixture, f, DG_ERROR_INVALID_FIELD, "Keep in touch: ");
  }
  {
    g_autoptr(DgFollowup) f = dg_test_make_timed ("Someone gone", due);

    dg_followup_set_customer_id (f, customer + 50);
    assert_insert_fails (fixture, f, DG_ERROR_NOT_FOUND, "Customer: ");
  }

  g_assert_cmpuint (fixture->followups_changed, ==, 0);

  /* The interval of one that does not repeat is not checked. */
  {
    g_autoptr(DgFollowup) f = dg_test_make_timed ("Once", due);

    dg_followup_set_recurrence_interval (f, 0);
    dg_test_insert_followup (fixture, f);
  }

  /* A follow-up that no longer exists cannot be changed. */
  {
    g_autoptr(DgFollowup) f = dg_test_make_timed ("Gone", due);
    g_autoptr(GError) error = NULL;
    gint64 id = dg_test_insert_followup (fixture, f);

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

/* A daily 9:00 stays at 9:00 across both daylight saving changes. */
/* A daily 02:30 across the spring-forward gap: 03:30 on that day, then
 * 02:30 again. */
static void
test_cascade (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 customer = dg_test_add_customer (fixture, "Leaving");
  g_autoptr(GDateTime) due = dg_test_at (fixture, 2026, 3, 12, 9, 0);
  g_autoptr(DgFollowup) theirs = dg_test_make_timed ("theirs", due);
  g_autoptr(DgFollowup) also = dg_test_make_all_day ("also theirs", "2026-03-12");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) left = NULL;
  gint64 nobody;

  dg_followup_set_customer_id (theirs, customer);
  dg_followup_set_customer_id (also, customer);
  dg_test_insert_followup (fixture, theirs);
  dg_test_insert_followup (fixture, also);
  nobody = dg_test_add_timed (fixture, "no customer", due);

  g_assert_true (dg_customers_delete (fixture->db, customer, &error));
  g_assert_no_error (error);

  {
    g_autoptr(GDateTime) start = dg_test_at (fixture, 2026, 3, 12, 0, 0);
    g_autoptr(GDateTime) end = dg_test_at (fixture, 2026, 3, 13, 0, 0);

    left = dg_followups_list_range (fixture->db, start, end, DG_FOLLOWUP_FILTER_ALL, 0, &error);
    dg_test_assert_followup_ids (left, (gint64[]) { nobody, 0 });
  }
}

static void
test_delete_and_restore (Fixture       *fixture,
                         gconstpointer  data)
{
  gint64 customer = dg_test_add_customer (fixture, "Kim");
  g_autoptr(GDateTime) due = dg_test_at (fixture, 2026, 3, 12, 9, 0);
  g_autoptr(GDateTime) until = dg_test_at (fixture, 2026, 3, 11, 9, 0);
  g_autoptr(DgFollowup) followup = dg_test_make_timed ("Call", due);
  g_autoptr(DgFollowup) deleted = NULL;
  g_autoptr(DgFollowup) restored = NULL;
  g_autoptr(DgFollowup) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  dg_followup_set_customer_id (followup, customer);
  dg_followup_set_recurrence (followup, DG_RECURRENCE_WEEKS);
  dg_followup_set_recurrence_interval (followup, 2);
  id = dg_test_insert_followup (fixture, followup);
  g_assert_true (dg_followups_snooze (fixture->db, fixture->base, id, until, &error));
  g_assert_no_error (error);

  deleted = dg_test_get_followup (fixture, id);
  fixture->followups_changed = 0;
  g_assert_true (dg_followups_delete (fixture->db, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->followups_changed, ==, 1);

  dg_fake_clock_advance (fixture->clock, G_TIME_SPAN_MINUTE);
  restored = dg_followup_copy (deleted);
  dg_test_insert_followup (fixture, restored);
  g_assert_cmpint (dg_followup_get_id (restored), ==, id);

  loaded = dg_test_get_followup (fixture, id);
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

    dg_test_complete_followup (fixture, id, NULL);
    done = dg_test_get_followup (fixture, id);
    g_assert_true (dg_followups_delete (fixture->db, id, &error));
    back = dg_followup_copy (done);
    dg_test_insert_followup (fixture, back);
    g_clear_object (&loaded);
    loaded = dg_test_get_followup (fixture, id);
    g_assert_cmpint (dg_followup_get_status (loaded), ==, DG_FOLLOWUP_STATUS_DONE);
    g_assert_true (g_date_time_equal (dg_followup_get_done_at (loaded), dg_followup_get_done_at (done)));
  }

  /* Its old id taken meanwhile: a new id, the same uuid. */
  {
    g_autoptr(DgFollowup) again = dg_test_get_followup (fixture, id);
    g_autoptr(DgFollowup) copy = NULL;

    g_autoptr(DgFollowup) squatter = dg_test_make_timed ("took the id", due);

    g_assert_true (dg_followups_delete (fixture->db, id, &error));
    dg_followup_set_id (squatter, id);
    g_assert_cmpint (dg_test_insert_followup (fixture, squatter), ==, id);
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
  gint64 customer = dg_test_add_customer (fixture, "Choi");
  g_autoptr(GDateTime) due = dg_test_at (fixture, 2026, 3, 12, 9, 0);
  g_autoptr(GDateTime) new_due = dg_test_at (fixture, 2026, 3, 14, 16, 30);
  g_autoptr(GDateTime) until = dg_test_at (fixture, 2026, 3, 11, 9, 0);
  g_autoptr(DgFollowup) followup = dg_test_make_timed ("Call", due);
  g_autoptr(GError) error = NULL;
  gint64 id;

  dg_followup_set_recurrence (followup, DG_RECURRENCE_DAYS);
  id = dg_test_insert_followup (fixture, followup);
  g_assert_true (dg_followups_snooze (fixture->db, fixture->base, id, until, &error));
  g_assert_no_error (error);

  /* A new title keeps the snooze and the anchor. */
  {
    g_autoptr(DgFollowup) edited = dg_test_get_followup (fixture, id);

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
    g_autoptr(DgFollowup) stored = dg_test_get_followup (fixture, id);
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
    g_autoptr(DgFollowup) edited = dg_test_get_followup (fixture, id);
    g_autoptr(DgFollowup) stored = NULL;

    dg_followup_set_due_at (edited, new_due);
    dg_followup_set_status (edited, DG_FOLLOWUP_STATUS_DONE);
    g_assert_true (dg_followups_update (fixture->db, fixture->base, edited, &error));
    g_assert_no_error (error);
    g_assert_cmpint (dg_followup_get_status (edited), ==, DG_FOLLOWUP_STATUS_OPEN);
    g_assert_null (dg_followup_get_snoozed_until (edited));
    g_assert_cmpstr (dg_followup_get_recurrence_anchor (edited), ==, "2026-03-14T16:30:00");

    stored = dg_test_get_followup (fixture, id);
    g_assert_cmpint (dg_followup_get_status (stored), ==, DG_FOLLOWUP_STATUS_OPEN);
    g_assert_null (dg_followup_get_snoozed_until (stored));
    g_assert_true (g_date_time_equal (dg_followup_get_due_at (stored), new_due));
  }

  /* Made all-day, then given a customer that does not exist. */
  {
    g_autoptr(DgFollowup) edited = dg_test_get_followup (fixture, id);
    g_autoptr(DgFollowup) stored = NULL;

    dg_followup_set_due_date (edited, "2026-03-20");
    g_assert_true (dg_followups_update (fixture->db, fixture->base, edited, &error));
    g_assert_no_error (error);
    stored = dg_test_get_followup (fixture, id);
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
  g_autoptr(GDateTime) due = dg_test_at (fixture, 2026, 3, 6, 9, 15);
  g_autoptr(GError) error = NULL;
  gint64 timed = dg_test_add_timed (fixture, "timed", due);
  gint64 all_day = dg_test_add_all_day (fixture, "all day", "2026-03-06");
  GDate monday = dg_test_date (2026, 3, 9);

  fixture->followups_changed = 0;
  g_assert_true (dg_followups_move_to_date (fixture->db, fixture->base, timed, &monday, &error));
  g_assert_no_error (error);
  g_assert_true (dg_followups_move_to_date (fixture->db, fixture->base, all_day, &monday, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->followups_changed, ==, 2);

  {
    g_autoptr(DgFollowup) moved = dg_test_get_followup (fixture, timed);
    g_autoptr(DgFollowup) moved_all_day = dg_test_get_followup (fixture, all_day);

    /* 9:15 in standard time before, 9:15 in daylight time after. */
    dg_test_assert_due_at (moved, "2026-03-09T09:15:00-04:00");
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
  g_autoptr(GDateTime) due = dg_test_at (fixture, 2026, 3, 10, 9, 0);
  g_autoptr(GDateTime) past = dg_test_at (fixture, 2026, 3, 10, 9, 30);
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (fixture->base);
  g_autoptr(GDateTime) later = dg_test_at (fixture, 2026, 3, 10, 11, 0);
  g_autoptr(GError) error = NULL;
  gint64 id = dg_test_add_timed (fixture, "due", due);

  g_assert_false (dg_followups_snooze (fixture->db, fixture->base, id, past, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD);
  g_assert_true (g_str_has_prefix (error->message, "Snooze: "));
  g_clear_error (&error);
  g_assert_false (dg_followups_snooze (fixture->db, fixture->base, id, now, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD);
  g_clear_error (&error);

  dg_test_complete_followup (fixture, id, NULL);
  g_assert_false (dg_followups_snooze (fixture->db, fixture->base, id, later, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "Snooze: "));
}

/* The follow-up form may give a follow-up to someone else, or to no one:
 * the update writes the new customer, and its name is read with it. */
static void
test_change_customer (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 minsu = dg_test_add_customer (fixture, "김민수");
  gint64 seoyeon = dg_test_add_customer (fixture, "이서연");
  g_autoptr(DgFollowup) followup = dg_test_make_all_day ("Send the invitation", "2026-03-20");
  g_autoptr(GError) error = NULL;
  gint64 id;

  dg_followup_set_customer_id (followup, minsu);
  id = dg_test_insert_followup (fixture, followup);

  {
    g_autoptr(DgFollowup) edited = dg_test_get_followup (fixture, id);
    g_autoptr(DgFollowup) stored = NULL;

    dg_followup_set_customer_id (edited, seoyeon);
    fixture->followups_changed = 0;
    g_assert_true (dg_followups_update (fixture->db, fixture->base, edited, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (fixture->followups_changed, ==, 1);

    stored = dg_test_get_followup (fixture, id);
    g_assert_cmpint (dg_followup_get_customer_id (stored), ==, seoyeon);
    g_assert_cmpstr (dg_followup_get_customer_name (stored), ==, "이서연");
  }

  /* For no one in particular. */
  {
    g_autoptr(DgFollowup) edited = dg_test_get_followup (fixture, id);
    g_autoptr(DgFollowup) stored = NULL;
    g_autoptr(GPtrArray) theirs = NULL;

    dg_followup_set_customer_id (edited, 0);
    g_assert_true (dg_followups_update (fixture->db, fixture->base, edited, &error));
    g_assert_no_error (error);

    stored = dg_test_get_followup (fixture, id);
    g_assert_cmpint (dg_followup_get_customer_id (stored), ==, 0);
    g_assert_cmpstr (dg_followup_get_customer_name (stored), ==, "");

    theirs = dg_followups_list_for_customer (fixture->db, seoyeon, DG_FOLLOWUP_FILTER_ALL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (theirs->len, ==, 0);
  }

  /* Keeping in touch with no one is refused, and changes nothing. */
  {
    g_autoptr(DgFollowup) edited = dg_test_get_followup (fixture, id);
    g_autoptr(DgFollowup) stored = NULL;

    dg_followup_set_recurrence (edited, DG_RECURRENCE_WEEKS);
    dg_followup_set_recurrence_interval (edited, 2);
    dg_followup_set_keep_in_touch (edited, TRUE);
    g_assert_false (dg_followups_update (fixture->db, fixture->base, edited, &error));
    g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD);
    g_clear_error (&error);

    stored = dg_test_get_followup (fixture, id);
    g_assert_false (dg_followup_get_keep_in_touch (stored));
    g_assert_cmpint (dg_followup_get_recurrence (stored), ==, DG_RECURRENCE_NONE);
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

  ADD ("/followups/insert-and-get", test_insert_and_get);
  ADD ("/followups/validation", test_validation);
  ADD ("/followups/cascade", test_cascade);
  ADD ("/followups/delete-and-restore", test_delete_and_restore);
  ADD ("/followups/update", test_update);
  ADD ("/followups/change-customer", test_change_customer);
  ADD ("/followups/move-to-date", test_move_to_date);
  ADD ("/followups/snooze-rules", test_snooze_rules);

#undef ADD

  return g_test_run ();
}
