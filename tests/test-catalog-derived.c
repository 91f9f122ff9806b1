/* test-catalog-derived.c
 *
 * The derived values of the table catalogue: on a database filled through
 * the core API, each one recomputed through the catalogue's function from
 * the source columns equals what was stored, and a stale one is put right.
 */
#include "config.h"

#include "dg-database-private.h"
#include "dg-test-util.h"

/* A database with what every derived value is computed from: customers
 * with phones, tags added and removed, a contact log, and follow-ups of
 * every kind and state, written through the core API. */
typedef struct
{
  DgDatabase  *db;
  DgFakeClock *clock;
  GTimeZone   *tz;
} Filled;

static gint64
add_customer (Filled     *filled,
              const char *name,
              const char *phone,
              const char *tags_text)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_auto(GStrv) tags = dg_tags_parse (tags_text);
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  dg_customer_set_phone (customer, phone);
  dg_customer_set_email (customer, "someone@example.com");
  dg_customer_set_organization (customer, "Seoul Bakery");
  dg_customer_set_note (customer, "Likes the morning workshop.\nCall after six.");
  dg_customer_set_tags (customer, (const char * const *) tags);
  g_assert_true (dg_customers_insert (filled->db, customer, &error));
  g_assert_no_error (error);

  return dg_customer_get_id (customer);
}

static DgInteraction *
log_contact (Filled               *filled,
             gint64                customer_id,
             int                   day,
             DgInteractionChannel  channel)
{
  g_autoptr(DgInteraction) interaction = dg_interaction_new ();
  g_autoptr(GDateTime) when = dg_test_local_time (filled->tz, 2026, 11, day, 9, 30);
  g_autoptr(GError) error = NULL;

  dg_interaction_set_customer_id (interaction, customer_id);
  dg_interaction_set_occurred_at (interaction, when);
  dg_interaction_set_channel (interaction, channel);
  dg_interaction_set_summary (interaction, "Talked about the next course");
  g_assert_true (dg_interactions_insert (filled->db, DG_CLOCK (filled->clock), interaction, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&interaction);
}

static gint64
add_followup (Filled           *filled,
              gint64            customer_id,
              const char       *due_date,
              int               hour,
              DgRecurrenceUnit  unit,
              gboolean          keep_in_touch)
{
  g_autoptr(DgFollowup) followup = dg_followup_new ();
  g_autoptr(GError) error = NULL;

  dg_followup_set_customer_id (followup, customer_id);
  dg_followup_set_title (followup, "Invite to the next course");
  if (hour >= 0)
    {
      g_autoptr(GDateTime) due = NULL;
      GDate date;

      g_assert_true (dg_recurrence_parse_date (due_date, &date));
      due = dg_recurrence_local_time (filled->tz, &date, hour * 3600);
      dg_followup_set_due_at (followup, due);
    }
  else
    {
      dg_followup_set_due_date (followup, due_date);
    }
  dg_followup_set_recurrence (followup, unit);
  dg_followup_set_recurrence_interval (followup, unit != DG_RECURRENCE_NONE ? 14 : 1);
  dg_followup_set_keep_in_touch (followup, keep_in_touch);
  g_assert_true (dg_followups_insert (filled->db, DG_CLOCK (filled->clock), followup, &error));
  g_assert_no_error (error);

  return dg_followup_get_id (followup);
}

static void
fill (Filled *filled)
{
  g_autoptr(DgInteraction) dropped = NULL;
  g_autoptr(DgCustomer) changed = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(GError) error = NULL;
  gint64 minsu, jisung, nancy, done_id, snoozed_id, shown_id;

  filled->db = dg_test_open_database ();
  filled->clock = dg_test_fake_clock ("Asia/Seoul", 2026, 11, 24, 10, 0);
  filled->tz = dg_clock_dup_time_zone (DG_CLOCK (filled->clock));
  g_assert_true (dg_followups_sync_time_zone (filled->db, DG_CLOCK (filled->clock), &error));
  g_assert_no_error (error);
  g_assert_true (dg_reminders_set_lead_minutes (filled->db, 30, &error));
  g_assert_no_error (error);

  minsu = add_customer (filled, "김민수", "010-1234-5678", "VIP, workshop");
  jisung = add_customer (filled, "박지성", "+82 (10) 9876 5432", "vip, 서울");
  nancy = add_customer (filled, "Nancy Baker", "", "");

  /* Tags changed on their own, and a customer edited. */
  g_assert_true (dg_customers_add_tag (filled->db, nancy, "Alumni, workshop", &error));
  g_assert_true (dg_customers_remove_tag (filled->db, minsu, "workshop", &error));
  g_assert_no_error (error);
  changed = dg_customers_get (filled->db, jisung, &error);
  g_assert_no_error (error);
  dg_customer_set_phone (changed, "02-555-0101");
  g_assert_true (dg_customers_update (filled->db, changed, &error));
  g_assert_no_error (error);

  /* A contact log, one entry of which is deleted again. */
  g_clear_object (&dropped);
  dropped = log_contact (filled, minsu, 20, DG_INTERACTION_CHANNEL_CALL);
  g_clear_object (&dropped);
  dropped = log_contact (filled, minsu, 10, DG_INTERACTION_CHANNEL_MESSAGE);
  g_clear_object (&dropped);
  dropped = log_contact (filled, jisung, 22, DG_INTERACTION_CHANNEL_EMAIL);
  g_assert_true (dg_interactions_delete (filled->db, DG_CLOCK (filled->clock),
                                         dg_interaction_get_id (dropped), &error));
  g_assert_no_error (error);
  g_clear_object (&dropped);
  dropped = log_contact (filled, jisung, 5, DG_INTERACTION_CHANNEL_MEETING);

  /* Follow-ups: timed and all-day, repeating, keep in touch, for no
   * one, done, snoozed and with their reminder shown. */
  add_followup (filled, minsu, "2026-11-26", 14, DG_RECURRENCE_NONE, FALSE);
  add_followup (filled, minsu, "2026-12-20", -1, DG_RECURRENCE_DAYS, TRUE);
  add_followup (filled, 0, "2026-11-25", -1, DG_RECURRENCE_WEEKS, FALSE);
  done_id = add_followup (filled, jisung, "2026-11-20", -1, DG_RECURRENCE_NONE, FALSE);
  snoozed_id = add_followup (filled, nancy, "2026-11-24", 11, DG_RECURRENCE_MONTHS, FALSE);
  shown_id = add_followup (filled, nancy, "2026-11-24", 10, DG_RECURRENCE_NONE, FALSE);

  now = dg_clock_get_now_utc (DG_CLOCK (filled->clock));
  later = g_date_time_add_hours (now, 3);
  g_assert_true (dg_followups_complete (filled->db, DG_CLOCK (filled->clock), done_id, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (dg_followups_snooze (filled->db, DG_CLOCK (filled->clock), snoozed_id, later, &error));
  g_assert_no_error (error);
  g_assert_true (dg_reminders_mark_notified (filled->db, shown_id, now, &error));
  g_assert_no_error (error);
}

static void
filled_clear (Filled *filled)
{
  g_clear_object (&filled->db);
  g_clear_object (&filled->clock);
  g_clear_pointer (&filled->tz, g_time_zone_unref);
}

static void
exec_sql (DgDatabase *db,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  dg_database_exec (db, sql, &error);
  g_assert_no_error (error);
}

/* FTS5's own check of the trigram index against the search rows. */
static void
assert_index_matches (DgDatabase *db)
{
  exec_sql (db, "INSERT INTO customer_fts (customer_fts, rank) VALUES ('integrity-check', 1)");
}

static guint
search_count (DgDatabase *db,
              const char *text)
{
  DgCustomerQuery query = { .text = text, .archived = DG_ARCHIVED_INCLUDE };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = dg_customers_search_ids (db, &query, &error);
  g_assert_no_error (error);

  return ids->len;
}

/* Stale values a derived column could hold, each to be put right. */
static void
spoil (DgDatabase            *db,
       const DgCatalogTable  *table,
       const DgCatalogColumn *column,
       guint                  how)
{
  g_autofree char *sql = NULL;

  if (how == 0)
    sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = %s", table->name, column->name,
                           !column->not_null ? "NULL"
                           : g_str_equal (column->type, "INTEGER") ? "-1" : "'stale'");
  else if (g_str_equal (column->type, "INTEGER"))
    sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = \"%s\" + 1 WHERE \"%s\" IS NOT NULL",
                           table->name, column->name, column->name, column->name);
  else
    sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = 'stale'", table->name, column->name);

  exec_sql (db, sql);
}

static void
test_derived_values (void)
{
  Filled filled = { 0 };
  g_autofree char *stored = NULL;
  const DgCatalogTable *tables;
  guint n_tables;
  guint n_derived = 0;

  fill (&filled);
  stored = dg_test_dump_database (filled.db);
  assert_index_matches (filled.db);
  g_assert_cmpuint (search_count (filled.db, "ㄱㅁㅅ"), ==, 1);

  tables = dg_catalog_get_tables (&n_tables);
  for (guint i = 0; i < n_tables; i++)
    {
      const DgCatalogTable *table = &tables[i];

      for (guint c = 0; c < table->n_columns; c++)
        {
          const DgCatalogColumn *column = &table->columns[c];
          g_autoptr(GError) error = NULL;

          if (column->kind != DG_CATALOG_COLUMN_DERIVED || column->recompute == NULL)
            continue;

          n_derived++;
          for (guint how = 0; how < 2; how++)
            {
              g_autofree char *recomputed = NULL;
              g_autofree char *spoiled = NULL;

              g_test_message ("%s.%s, spoiled %u", table->name, column->name, how);

              /* Recomputing what was stored changes nothing… */
              g_assert_true (dg_catalog_recompute_column (filled.db, table, column, &error));
              g_assert_no_error (error);
              recomputed = dg_test_dump_database (filled.db);
              g_assert_cmpstr (recomputed, ==, stored);

              /* …and puts a stale value right, so it does recompute. */
              spoil (filled.db, table, column, how);
              spoiled = dg_test_dump_database (filled.db);
              g_assert_cmpstr (spoiled, !=, stored);
              g_clear_pointer (&recomputed, g_free);
              g_assert_true (dg_catalog_recompute_column (filled.db, table, column, &error));
              g_assert_no_error (error);
              recomputed = dg_test_dump_database (filled.db);
              g_assert_cmpstr (recomputed, ==, stored);
            }
        }
    }

  /* phone digits, tag text, last contact, the search row, due key, remind
   * time. */
  g_assert_cmpuint (n_derived, ==, 6);
  assert_index_matches (filled.db);

  /* Search rows gone altogether come back from the customers. */
  {
    const DgCatalogTable *search = dg_catalog_lookup (DG_TABLE_CUSTOMER_SEARCH);
    g_autofree char *recomputed = NULL;
    g_autoptr(GError) error = NULL;

    exec_sql (filled.db, "DELETE FROM customer_search");
    g_assert_cmpuint (search_count (filled.db, "김민수"), ==, 0);
    g_assert_true (dg_catalog_recompute_column (filled.db, search,
                                                dg_catalog_table_get_column (search, "haystack"), &error));
    g_assert_no_error (error);
    recomputed = dg_test_dump_database (filled.db);
    g_assert_cmpstr (recomputed, ==, stored);
    g_assert_cmpuint (search_count (filled.db, "김민수"), ==, 1);
  }

  filled_clear (&filled);
}

/* The trigram index is rebuilt whole, and everything at once by
 * dg_catalog_recompute_all(). */
static void
test_recompute_all (void)
{
  Filled filled = { 0 };
  g_autofree char *stored = NULL;
  g_autofree char *recomputed = NULL;
  g_autoptr(GError) error = NULL;

  fill (&filled);
  stored = dg_test_dump_database (filled.db);

  /* An index emptied behind the search rows' back fails FTS5's check. */
  exec_sql (filled.db, "INSERT INTO customer_fts (customer_fts) VALUES ('delete-all')");
  g_assert_cmpuint (search_count (filled.db, "Nancy Baker"), ==, 0);
  g_assert_false (dg_database_exec (filled.db,
                                    "INSERT INTO customer_fts (customer_fts, rank) VALUES ('integrity-check', 1)",
                                    NULL));
  g_assert_true (dg_catalog_recompute_column (filled.db, dg_catalog_lookup (DG_TABLE_CUSTOMER_FTS), NULL, &error));
  g_assert_no_error (error);
  assert_index_matches (filled.db);
  g_assert_cmpuint (search_count (filled.db, "Nancy Baker"), ==, 1);

  exec_sql (filled.db,
            "UPDATE customers SET phone_digits = '', tags_text = 'stale', last_contact_at = NULL;"
            "DELETE FROM customer_search;"
            "UPDATE followups SET due_key = 0, remind_at = NULL;");

  g_assert_true (dg_catalog_recompute_all (filled.db, &error));
  g_assert_no_error (error);

  recomputed = dg_test_dump_database (filled.db);
  g_assert_cmpstr (recomputed, ==, stored);
  assert_index_matches (filled.db);
  g_assert_cmpuint (search_count (filled.db, "Nancy Baker"), ==, 1);
  g_assert_cmpuint (search_count (filled.db, "9876"), ==, 0);
  g_assert_cmpuint (search_count (filled.db, "5550101"), ==, 1);

  filled_clear (&filled);
}

/* A change of zone recomputes what the zone derives (the start of an
 * all-day follow-up's day and its reminder) exactly as the catalogue's
 * functions do, and leaves every other column as it was. */
static void
test_zone_change (void)
{
  Filled filled = { 0 };
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autofree char *before = NULL;
  g_autofree char *synced = NULL;
  g_autofree char *recomputed = NULL;
  g_autofree char *others_before = NULL;
  g_autofree char *others_synced = NULL;
  g_autoptr(GError) error = NULL;
  const char *others = "SELECT id, uuid, customer_id, title, note, all_day, due_at, due_date, status, "
                       "  done_at, snoozed_until, recurrence, recurrence_interval, recurrence_anchor, "
                       "  keep_in_touch, notified_at, created_at, updated_at FROM followups ORDER BY id";

  fill (&filled);
  before = dg_test_dump_database (filled.db);
  others_before = dg_test_query_rows (filled.db, others);

  dg_fake_clock_set_time_zone (filled.clock, new_york);
  g_assert_true (dg_followups_sync_time_zone (filled.db, DG_CLOCK (filled.clock), &error));
  g_assert_no_error (error);
  synced = dg_test_dump_database (filled.db);
  g_assert_cmpstr (synced, !=, before);
  others_synced = dg_test_query_rows (filled.db, others);
  g_assert_cmpstr (others_synced, ==, others_before);

  g_assert_true (dg_catalog_recompute_all (filled.db, &error));
  g_assert_no_error (error);
  recomputed = dg_test_dump_database (filled.db);
  g_assert_cmpstr (recomputed, ==, synced);

  filled_clear (&filled);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/derived-values", test_derived_values);
  g_test_add_func ("/catalog/recompute-all", test_recompute_all);
  g_test_add_func ("/catalog/zone-change", test_zone_change);

  return g_test_run ();
}
