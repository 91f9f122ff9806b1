/* dg-followup-test-util.c */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include "dg-database-private.h"
#include "dg-followup-test-util.h"
#include "dg-journey-test-util.h"
#include "dg-test-util.h"

static void
on_followups_changed (DgDatabase        *db,
                      const char        *table,
                      DgFollowupFixture *fixture)
{
  /* Listeners must never see a half-written transaction. */
  g_assert_true (sqlite3_get_autocommit (dg_database_get_handle (db)));
  fixture->followups_changed++;
}

void
dg_followup_fixture_set_up (DgFollowupFixture *fixture,
                            gconstpointer      data)
{
  fixture->db = dg_test_open_database ();
  fixture->clock = dg_test_fake_clock ("America/New_York", 2026, 3, 10, 10, 0);
  fixture->base = DG_CLOCK (fixture->clock);
  fixture->tz = dg_clock_dup_time_zone (fixture->base);
  g_assert_true (dg_followups_sync_time_zone (fixture->db, fixture->base, NULL));
  g_signal_connect (fixture->db, "changed::followups", G_CALLBACK (on_followups_changed), fixture);
  dg_journey_test_set_database (fixture->db, fixture->base);
}

void
dg_followup_fixture_tear_down (DgFollowupFixture *fixture,
                               gconstpointer      data)
{
  dg_journey_test_set_database (NULL, NULL);
  g_clear_object (&fixture->db);
  g_clear_object (&fixture->clock);
  g_clear_pointer (&fixture->tz, g_time_zone_unref);
}

GDateTime *
dg_test_at (DgFollowupFixture *fixture,
            int                year,
            int                month,
            int                day,
            int                hour,
            int                minute)
{
  return dg_test_local_time (fixture->tz, year, month, day, hour, minute);
}

void
dg_test_set_now (DgFollowupFixture *fixture,
                 int                year,
                 int                month,
                 int                day,
                 int                hour,
                 int                minute)
{
  g_autoptr(GDateTime) now = dg_test_at (fixture, year, month, day, hour, minute);

  dg_fake_clock_set_now (fixture->clock, now);
}

GDate
dg_test_date (int year,
              int month,
              int day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, year);

  return d;
}

gint64
dg_test_add_customer (DgFollowupFixture *fixture,
                      const char        *name)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  g_assert_true (dg_customers_insert (fixture->db, customer, &error));
  g_assert_no_error (error);

  return dg_customer_get_id (customer);
}

void
dg_test_log_contact (DgFollowupFixture *fixture,
                     gint64             customer_id,
                     GDateTime         *when)
{
  g_autoptr(DgInteraction) interaction = dg_interaction_new ();
  g_autoptr(GError) error = NULL;

  dg_interaction_set_customer_id (interaction, customer_id);
  dg_interaction_set_occurred_at (interaction, when);
  g_assert_true (dg_interactions_insert (fixture->db, fixture->base, interaction, &error));
  g_assert_no_error (error);
}

DgFollowup *
dg_test_make_timed (const char *title,
                    GDateTime  *due)
{
  DgFollowup *followup = dg_followup_new ();

  dg_followup_set_title (followup, title);
  dg_followup_set_due_at (followup, due);

  return followup;
}

DgFollowup *
dg_test_make_all_day (const char *title,
                      const char *due_date)
{
  DgFollowup *followup = dg_followup_new ();

  dg_followup_set_title (followup, title);
  dg_followup_set_due_date (followup, due_date);

  return followup;
}

gint64
dg_test_insert_followup (DgFollowupFixture *fixture,
                         DgFollowup        *followup)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_followups_insert (fixture->db, fixture->base, followup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_followup_get_id (followup), >, 0);

  return dg_followup_get_id (followup);
}

gint64
dg_test_add_timed (DgFollowupFixture *fixture,
                   const char        *title,
                   GDateTime         *due)
{
  g_autoptr(DgFollowup) followup = dg_test_make_timed (title, due);

  return dg_test_insert_followup (fixture, followup);
}

gint64
dg_test_add_all_day (DgFollowupFixture *fixture,
                     const char        *title,
                     const char        *due_date)
{
  g_autoptr(DgFollowup) followup = dg_test_make_all_day (title, due_date);

  return dg_test_insert_followup (fixture, followup);
}

DgFollowup *
dg_test_get_followup (DgFollowupFixture *fixture,
                      gint64             id)
{
  g_autoptr(GError) error = NULL;
  DgFollowup *followup = dg_followups_get (fixture->db, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (followup);

  return followup;
}

void
dg_test_complete_followup (DgFollowupFixture *fixture,
                           gint64             id,
                           DgFollowup       **out_next)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_followups_complete (fixture->db, fixture->base, id, out_next, &error));
  g_assert_no_error (error);
}

void
dg_test_assert_followup_ids (GPtrArray    *list,
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

void
dg_test_assert_due_at (DgFollowup *followup,
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
