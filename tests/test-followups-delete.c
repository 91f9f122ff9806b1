/* test-followups-delete.c */
#include "config.h"

#include "dg-followup-test-util.h"
#include "dg-test-util.h"

typedef DgFollowupFixture Fixture;

static gint64
add_weekly (Fixture   *fixture,
            GDateTime *due)
{
  g_autoptr(DgFollowup) followup = dg_test_make_timed ("weekly call", due);

  dg_followup_set_recurrence (followup, DG_RECURRENCE_WEEKS);
  dg_followup_set_recurrence_interval (followup, 1);

  return dg_test_insert_followup (fixture, followup);
}

static guint
count_all (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) from = dg_test_at (fixture, 2000, 1, 1, 0, 0);
  g_autoptr(GDateTime) to = dg_test_at (fixture, 2100, 1, 1, 0, 0);
  g_autoptr(GPtrArray) all = dg_followups_list_range (fixture->db, from, to,
                                                       DG_FOLLOWUP_FILTER_ALL, 0, &error);

  g_assert_no_error (error);

  return all->len;
}

static void
assert_missing (Fixture *fixture,
                gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgFollowup) gone = dg_followups_get (fixture->db, id, &error);

  g_assert_null (gone);
  g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
}

/* A follow-up that does not repeat: deleted, then brought back by Undo
 * with its id, uuid and reminder state. */
static void
test_delete_once (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) due = dg_test_at (fixture, 2026, 3, 12, 9, 0);
  g_autoptr(DgFollowup) removed = NULL;
  g_autoptr(DgFollowup) next = NULL;
  g_autoptr(DgFollowup) back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = dg_test_add_timed (fixture, "once", due);
  g_autofree char *uuid = g_strdup (dg_followup_get_uuid (dg_test_get_followup (fixture, id)));

  fixture->followups_changed = 0;
  g_assert_true (dg_followups_remove (fixture->db, fixture->base, id, TRUE, &removed, &next, &error));
  g_assert_no_error (error);
  g_assert_null (next);
  g_assert_nonnull (removed);
  g_assert_cmpint (dg_followup_get_id (removed), ==, id);
  g_assert_cmpuint (fixture->followups_changed, ==, 1);
  assert_missing (fixture, id);
  g_assert_cmpuint (count_all (fixture), ==, 0);

  g_assert_true (dg_followups_restore (fixture->db, fixture->base, removed, 0, &error));
  g_assert_no_error (error);
  back = dg_test_get_followup (fixture, id);
  g_assert_cmpstr (dg_followup_get_uuid (back), ==, uuid);
  g_assert_cmpstr (dg_followup_get_title (back), ==, "once");
  dg_test_assert_due_at (back, "2026-03-12T09:00:00-04:00");
  g_assert_cmpint (dg_followup_get_status (back), ==, DG_FOLLOWUP_STATUS_OPEN);
  g_assert_cmpuint (count_all (fixture), ==, 1);

  /* A missing one cannot be removed, and nothing changes. */
  g_clear_object (&removed);
  g_assert_false (dg_followups_remove (fixture->db, fixture->base, id + 100, FALSE, &removed, NULL, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_NOT_FOUND);
  g_assert_null (removed);
  g_assert_cmpuint (count_all (fixture), ==, 1);
}

/* "Only this one": the series goes on with the occurrence completing it
 * would have made; Undo removes that one and brings this one back. */
static void
test_delete_only_this_one (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GDateTime) due = dg_test_at (fixture, 2026, 3, 12, 9, 0);
  g_autoptr(DgFollowup) removed = NULL;
  g_autoptr(DgFollowup) next = NULL;
  g_autoptr(DgFollowup) stored_next = NULL;
  g_autoptr(DgFollowup) back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_weekly (fixture, due);

  g_assert_true (dg_followups_remove (fixture->db, fixture->base, id, TRUE, &removed, &next, &error));
  g_assert_no_error (error);
  g_assert_nonnull (next);
  assert_missing (fixture, id);
  g_assert_cmpuint (count_all (fixture), ==, 1);

  stored_next = dg_test_get_followup (fixture, dg_followup_get_id (next));
  dg_test_assert_due_at (stored_next, "2026-03-19T09:00:00-04:00");
  g_assert_cmpint (dg_followup_get_status (stored_next), ==, DG_FOLLOWUP_STATUS_OPEN);
  g_assert_cmpint (dg_followup_get_recurrence (stored_next), ==, DG_RECURRENCE_WEEKS);
  g_assert_cmpstr (dg_followup_get_uuid (stored_next), !=, dg_followup_get_uuid (removed));

  g_assert_true (dg_followups_restore (fixture->db, fixture->base, removed, dg_followup_get_id (next), &error));
  g_assert_no_error (error);
  assert_missing (fixture, dg_followup_get_id (next));
  back = dg_test_get_followup (fixture, id);
  dg_test_assert_due_at (back, "2026-03-12T09:00:00-04:00");
  g_assert_cmpint (dg_followup_get_recurrence (back), ==, DG_RECURRENCE_WEEKS);
  g_assert_cmpstr (dg_followup_get_recurrence_anchor (back), ==, dg_followup_get_recurrence_anchor (removed));
  g_assert_cmpuint (count_all (fixture), ==, 1);
}

/* "This and all later": the open occurrence goes and nothing takes its
 * place; the done ones before it stay as history. */
static void
test_delete_this_and_later (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GDateTime) due = dg_test_at (fixture, 2026, 3, 3, 9, 0);
  g_autoptr(DgFollowup) first_next = NULL;
  g_autoptr(DgFollowup) removed = NULL;
  g_autoptr(DgFollowup) next = NULL;
  g_autoptr(DgFollowup) done = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_weekly (fixture, due);
  gint64 open_id;

  dg_test_complete_followup (fixture, id, &first_next);
  open_id = dg_followup_get_id (first_next);
  g_assert_cmpuint (count_all (fixture), ==, 2);

  g_assert_true (dg_followups_remove (fixture->db, fixture->base, open_id, FALSE, &removed, &next, &error));
  g_assert_no_error (error);
  g_assert_null (next);
  assert_missing (fixture, open_id);
  g_assert_cmpuint (count_all (fixture), ==, 1);
  done = dg_test_get_followup (fixture, id);
  g_assert_cmpint (dg_followup_get_status (done), ==, DG_FOLLOWUP_STATUS_DONE);

  g_assert_true (dg_followups_restore (fixture->db, fixture->base, removed, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_all (fixture), ==, 2);
  g_clear_object (&removed);
  removed = dg_test_get_followup (fixture, open_id);
  g_assert_cmpint (dg_followup_get_recurrence (removed), ==, DG_RECURRENCE_WEEKS);
}

/* Stop repeating keeps this one, which then ends the series when done;
 * Undo makes it repeat again from the same anchor. */
static void
test_stop_repeating (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GDateTime) due = dg_test_at (fixture, 2026, 3, 12, 9, 0);
  g_autoptr(DgFollowup) before = NULL;
  g_autoptr(DgFollowup) stopped = NULL;
  g_autoptr(DgFollowup) back = NULL;
  g_autoptr(DgFollowup) next = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_weekly (fixture, due);
  g_autofree char *anchor = g_strdup (dg_followup_get_recurrence_anchor (dg_test_get_followup (fixture, id)));

  fixture->followups_changed = 0;
  g_assert_true (dg_followups_stop_repeating (fixture->db, fixture->base, id, &before, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->followups_changed, ==, 1);
  g_assert_cmpint (dg_followup_get_recurrence (before), ==, DG_RECURRENCE_WEEKS);
  stopped = dg_test_get_followup (fixture, id);
  g_assert_cmpint (dg_followup_get_recurrence (stopped), ==, DG_RECURRENCE_NONE);
  g_assert_false (dg_followup_get_keep_in_touch (stopped));
  dg_test_assert_due_at (stopped, "2026-03-12T09:00:00-04:00");
  g_assert_cmpint (dg_followup_get_status (stopped), ==, DG_FOLLOWUP_STATUS_OPEN);

  g_assert_true (dg_followups_restore (fixture->db, fixture->base, before, 0, &error));
  g_assert_no_error (error);
  back = dg_test_get_followup (fixture, id);
  g_assert_cmpint (dg_followup_get_recurrence (back), ==, DG_RECURRENCE_WEEKS);
  g_assert_cmpstr (dg_followup_get_recurrence_anchor (back), ==, anchor);
  g_assert_cmpuint (count_all (fixture), ==, 1);

  /* Stopped again, then done: no next occurrence. */
  g_clear_object (&before);
  g_assert_true (dg_followups_stop_repeating (fixture->db, fixture->base, id, &before, &error));
  g_assert_no_error (error);
  dg_test_complete_followup (fixture, id, &next);
  g_assert_null (next);
  g_assert_cmpuint (count_all (fixture), ==, 1);

  /* One that does not repeat is left alone. */
  fixture->followups_changed = 0;
  g_clear_object (&before);
  g_assert_true (dg_followups_stop_repeating (fixture->db, fixture->base, id, &before, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->followups_changed, ==, 0);
}

/* A keep-in-touch follow-up deleted "only this one" moves on one interval
 * from the last contact, as completing it would; stopping it ends keeping
 * in touch. */
static void
test_keep_in_touch (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(DgFollowup) followup = dg_test_make_all_day ("keep in touch", "2026-03-10");
  g_autoptr(DgFollowup) removed = NULL;
  g_autoptr(DgFollowup) next = NULL;
  g_autoptr(DgFollowup) before = NULL;
  g_autoptr(DgFollowup) stopped = NULL;
  g_autoptr(GError) error = NULL;
  gint64 customer = dg_test_add_customer (fixture, "Regular");
  gint64 id;

  dg_followup_set_customer_id (followup, customer);
  dg_followup_set_recurrence (followup, DG_RECURRENCE_WEEKS);
  dg_followup_set_recurrence_interval (followup, 2);
  dg_followup_set_keep_in_touch (followup, TRUE);
  id = dg_test_insert_followup (fixture, followup);

  g_assert_true (dg_followups_remove (fixture->db, fixture->base, id, TRUE, &removed, &next, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dg_followup_get_due_date (next), ==, "2026-03-24");
  g_assert_true (dg_followup_get_keep_in_touch (next));

  g_assert_true (dg_followups_stop_repeating (fixture->db, fixture->base, dg_followup_get_id (next), &before, &error));
  g_assert_no_error (error);
  stopped = dg_test_get_followup (fixture, dg_followup_get_id (next));
  g_assert_false (dg_followup_get_keep_in_touch (stopped));
  g_assert_cmpint (dg_followup_get_recurrence (stopped), ==, DG_RECURRENCE_NONE);
  g_assert_true (dg_followup_validate (stopped, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, dg_followup_fixture_set_up, func, dg_followup_fixture_tear_down)

  ADD ("/followups/delete/once", test_delete_once);
  ADD ("/followups/delete/only-this-one", test_delete_only_this_one);
  ADD ("/followups/delete/this-and-later", test_delete_this_and_later);
  ADD ("/followups/delete/stop-repeating", test_stop_repeating);
  ADD ("/followups/delete/keep-in-touch", test_keep_in_touch);

#undef ADD

  return g_test_run ();
}
