/* dg-catalog.c
 *
 * The descriptions are checked against a freshly migrated database by
 * tests/test-catalog.c: a table, column, foreign key or CHECK the schema
 * has and this file does not describe (or the reverse) fails it. Adding a
 * table is: its DgCatalogColumn array, its foreign keys and rules, and one
 * entry in `tables` after the tables it refers to.
 */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-catalog.h"
#include "dg-customers-private.h"
#include "dg-database-private.h"
#include "dg-followups-private.h"
#include "dg-recurrence.h"

#define ID(name_, description_) \
  { name_, "INTEGER", TRUE, DG_CATALOG_COLUMN_ID, description_, NULL }
#define SOURCE(name_, type_, not_null_, description_) \
  { name_, type_, not_null_, DG_CATALOG_COLUMN_SOURCE, description_, NULL }
#define DERIVED(name_, type_, not_null_, description_, recompute_) \
  { name_, type_, not_null_, DG_CATALOG_COLUMN_DERIVED, description_, recompute_ }

#define ROW_ID ID ("id", "The row's own id")
#define ROW_UUID SOURCE ("uuid", "TEXT", TRUE, "The row's stable id, kept by backups and imports")
#define CREATED_AT SOURCE ("created_at", "TEXT", TRUE, "When it was added (ISO 8601, UTC)")
#define UPDATED_AT SOURCE ("updated_at", "TEXT", TRUE, "When it was last changed (ISO 8601, UTC)")

#define N(array) G_N_ELEMENTS (array)

/* customers */

static const DgCatalogColumn customer_columns[] = {
  ROW_ID,
  ROW_UUID,
  SOURCE ("name", "TEXT", TRUE, "The customer's name"),
  SOURCE ("phone", "TEXT", TRUE, "Phone number as entered"),
  DERIVED ("phone_digits", "TEXT", TRUE, "The phone number's digits, for search and sorting",
           dg_customers_recompute_phone_digits),
  SOURCE ("email", "TEXT", TRUE, "E-mail address"),
  SOURCE ("organization", "TEXT", TRUE, "Company or organization"),
  SOURCE ("source", "TEXT", TRUE, "How they found the business"),
  SOURCE ("birthday", "TEXT", FALSE,
          "Birthday, YYYY-MM-DD; a lunar one in lunar months and days (a 30th in any month)"),
  SOURCE ("marketing_consent", "INTEGER", TRUE, "1 when they agreed to marketing messages"),
  SOURCE ("consent_at", "TEXT", FALSE, "When that consent was given (ISO 8601, UTC)"),
  SOURCE ("note", "TEXT", TRUE, "Free note"),
  SOURCE ("archived", "INTEGER", TRUE, "1 when archived: kept, but out of the usual lists"),
  DERIVED ("tags_text", "TEXT", TRUE, "The linked tags' names, sorted and \", \" joined, for sorting",
           dg_customers_recompute_tags_text),
  CREATED_AT,
  UPDATED_AT,
  DERIVED ("last_contact_at", "TEXT", FALSE, "The latest occurred_at of their contact log",
           dg_customers_recompute_last_contact),
  SOURCE ("birthday_calendar", "TEXT", TRUE, "The birthday's calendar: solar or lunar"),
  SOURCE ("birthday_leap", "INTEGER", TRUE, "1 when a lunar birthday falls in a leap month"),
  SOURCE ("birthday_followup_year", "INTEGER", FALSE,
          "The year of the last birthday a birthday follow-up was made for, so one is made "
          "once a year and one deleted is not made again"),
};

static const char * const birthday_calendar_values[] = { "solar", "lunar", NULL };

static const DgCatalogRule customer_rules[] = {
  { .name = "customers.birthday-calendar", .kind = DG_CATALOG_RULE_ONE_OF,
    .column = "birthday_calendar",
    .description = "A birthday is solar or lunar", .values = birthday_calendar_values },
  { .name = "customers.birthday-leap", .kind = DG_CATALOG_RULE_RANGE, .column = "birthday_leap",
    .description = "birthday_leap is 0 or 1", .min = 0, .max = 1 },
};

/* tags */

static const DgCatalogColumn tag_columns[] = {
  ROW_ID,
  ROW_UUID,
  SOURCE ("name", "TEXT", TRUE, "The tag's name"),
  SOURCE ("color", "TEXT", TRUE, "Its colour, or empty for the default one"),
};

static const DgCatalogRule tag_rules[] = {
  { .name = "tags.name-unique", .kind = DG_CATALOG_RULE_UNIQUE, .column = "name",
    .description = "No two tags have the same name, ignoring case: VIP and vip are one tag",
    .ignore_case = TRUE },
};

/* customer_tags */

static const DgCatalogColumn customer_tag_columns[] = {
  SOURCE ("customer_id", "INTEGER", TRUE, "The tagged customer"),
  SOURCE ("tag_id", "INTEGER", TRUE, "The tag"),
};

static const DgCatalogForeignKey customer_tag_keys[] = {
  { "customer_id", DG_TABLE_CUSTOMERS, DG_CATALOG_ON_DELETE_CASCADE },
  { "tag_id", DG_TABLE_TAGS, DG_CATALOG_ON_DELETE_CASCADE },
};

/* customer_search */

static const DgCatalogColumn customer_search_columns[] = {
  ID ("customer_id", "The customer this search row is for"),
  DERIVED ("haystack", "TEXT", TRUE,
           "Name, organization, e-mail, note, tags, the name's initial consonants and the "
           "phone digits, each normalized as queries are and separated by U+001F",
           dg_customers_sync_search_row),
};

static const DgCatalogForeignKey customer_search_keys[] = {
  { "customer_id", DG_TABLE_CUSTOMERS, DG_CATALOG_ON_DELETE_CASCADE },
};

/* customer_fts */

static const DgCatalogColumn customer_fts_columns[] = {
  DERIVED ("haystack", "", FALSE,
           "The trigram index of customer_search.haystack, kept by its triggers", NULL),
};

/* customer_pieces */

static const DgCatalogColumn customer_pieces_columns[] = {
  DERIVED ("haystack", "", FALSE,
           "The index of every one- and two-character piece of each field of "
           "customer_search.haystack (tokenizer dangol_pieces), kept by its triggers", NULL),
};

/* interactions */

static const char * const channel_values[] = { "call", "message", "email", "meeting", "other", NULL };
static const char * const feedback_values[] = { "positive", "neutral", "negative", NULL };

static const DgCatalogColumn interaction_columns[] = {
  ROW_ID,
  ROW_UUID,
  SOURCE ("customer_id", "INTEGER", TRUE, "Whom it was with"),
  SOURCE ("occurred_at", "TEXT", TRUE, "When it happened (ISO 8601, UTC)"),
  SOURCE ("channel", "TEXT", TRUE, "How: call, message, e-mail, meeting or other"),
  SOURCE ("summary", "TEXT", TRUE, "What was said or done"),
  SOURCE ("feedback", "TEXT", FALSE, "How the customer felt about it, when noted"),
  CREATED_AT,
};

static const DgCatalogForeignKey interaction_keys[] = {
  { "customer_id", DG_TABLE_CUSTOMERS, DG_CATALOG_ON_DELETE_CASCADE },
};

static const DgCatalogRule interaction_rules[] = {
  { .name = "interactions.channel", .kind = DG_CATALOG_RULE_ONE_OF, .column = "channel",
    .description = "The channel is one of call, message, email, meeting, other",
    .values = channel_values },
  { .name = "interactions.feedback", .kind = DG_CATALOG_RULE_ONE_OF, .column = "feedback",
    .description = "The feedback is positive, neutral, negative or none",
    .values = feedback_values },
};

/* followups */

static const char * const status_values[] = { "open", "done", "cancelled", NULL };
static const char * const recurrence_values[] = { "none", "day", "week", "month", NULL };

static const DgCatalogColumn followup_columns[] = {
  ROW_ID,
  ROW_UUID,
  SOURCE ("customer_id", "INTEGER", FALSE, "Whom it is about; NULL for no one"),
  SOURCE ("title", "TEXT", TRUE, "What to do"),
  SOURCE ("note", "TEXT", TRUE, "Free note"),
  SOURCE ("all_day", "INTEGER", TRUE, "1 when due on a date rather than at a time"),
  SOURCE ("due_at", "TEXT", FALSE, "A timed follow-up's due (ISO 8601, UTC)"),
  SOURCE ("due_date", "TEXT", FALSE, "An all-day follow-up's date, YYYY-MM-DD"),
  DERIVED ("due_key", "INTEGER", TRUE,
           "Unix seconds ordering every due on one axis: the due instant, or the start of "
           "the due date in the zone recorded in meta",
           dg_followups_recompute_due_key),
  SOURCE ("status", "TEXT", TRUE, "open, done or cancelled"),
  SOURCE ("done_at", "TEXT", FALSE, "When it was marked done (ISO 8601, UTC)"),
  SOURCE ("snoozed_until", "TEXT", FALSE, "When its snoozed reminder fires again (ISO 8601, UTC)"),
  SOURCE ("recurrence", "TEXT", TRUE, "Repeats every N days, weeks or months, or none"),
  SOURCE ("recurrence_interval", "INTEGER", TRUE, "The N of the repeat"),
  SOURCE ("recurrence_anchor", "TEXT", TRUE, "The local date[Ttime] the series counts from"),
  SOURCE ("keep_in_touch", "INTEGER", TRUE, "1 when it follows the customer's last contact"),
  SOURCE ("notified_at", "TEXT", FALSE, "When its reminder was last shown (ISO 8601, UTC)"),
  DERIVED ("remind_at", "INTEGER", FALSE,
           "Unix seconds when its reminder fires; NULL once shown or when closed",
           dg_followups_recompute_remind_at),
  CREATED_AT,
  UPDATED_AT,
};

static const DgCatalogForeignKey followup_keys[] = {
  { "customer_id", DG_TABLE_CUSTOMERS, DG_CATALOG_ON_DELETE_CASCADE },
};

static const DgCatalogRule followup_rules[] = {
  { .name = "followups.all-day", .kind = DG_CATALOG_RULE_RANGE, .column = "all_day",
    .description = "all_day is 0 or 1", .min = 0, .max = 1 },
  { .name = "followups.status", .kind = DG_CATALOG_RULE_ONE_OF, .column = "status",
    .description = "The status is open, done or cancelled", .values = status_values },
  { .name = "followups.recurrence", .kind = DG_CATALOG_RULE_ONE_OF, .column = "recurrence",
    .description = "It repeats by day, week or month, or not at all", .values = recurrence_values },
  { .name = "followups.recurrence-interval", .kind = DG_CATALOG_RULE_RANGE,
    .column = "recurrence_interval",
    .description = "It repeats every 1 to 999 units (the recurrence cap)",
    .min = 1, .max = DG_RECURRENCE_MAX_INTERVAL },
  { .name = "followups.keep-in-touch", .kind = DG_CATALOG_RULE_RANGE, .column = "keep_in_touch",
    .description = "keep_in_touch is 0 or 1", .min = 0, .max = 1 },
  { .name = "followups.due", .kind = DG_CATALOG_RULE_CHECK,
    .description = "An all-day follow-up has a due_date and no due_at; a timed one a due_at "
                   "and no due_date" },
  { .name = "followups.keep-in-touch-repeats", .kind = DG_CATALOG_RULE_CHECK,
    .description = "A keep-in-touch follow-up has a customer and repeats" },
  { .name = "followups.closed-no-reminder", .kind = DG_CATALOG_RULE_CHECK,
    .description = "Only an open follow-up has a pending reminder (remind_at)" },
};

/* meta */

static const DgCatalogColumn meta_columns[] = {
  SOURCE ("name", "TEXT", TRUE, "What the value is, e.g. reminder_lead_minutes"),
  SOURCE ("value", "TEXT", TRUE, "The value, as text"),
};

static const DgCatalogTable tables[] = {
  { .name = DG_TABLE_CUSTOMERS,
    .description = "The customers",
    .change_name = DG_TABLE_CUSTOMERS,
    .id_column = "id",
    .uuid_column = "uuid",
    .columns = customer_columns, .n_columns = N (customer_columns),
    .rules = customer_rules, .n_rules = N (customer_rules) },
  { .name = DG_TABLE_TAGS,
    .description = "Tags, each name once",
    .change_name = DG_TABLE_TAGS,
    .id_column = "id",
    .uuid_column = "uuid",
    .columns = tag_columns, .n_columns = N (tag_columns),
    .rules = tag_rules, .n_rules = N (tag_rules) },
  { .name = DG_TABLE_CUSTOMER_TAGS,
    .description = "Which customer has which tag",
    /* A customer's tags are part of the customer to its listeners. */
    .change_name = DG_TABLE_CUSTOMERS,
    .columns = customer_tag_columns, .n_columns = N (customer_tag_columns),
    .foreign_keys = customer_tag_keys, .n_foreign_keys = N (customer_tag_keys) },
  { .name = DG_TABLE_CUSTOMER_SEARCH,
    .description = "One normalized search text per customer",
    .flags = DG_CATALOG_TABLE_DERIVED,
    .change_name = DG_TABLE_CUSTOMERS,
    .row_source = DG_TABLE_CUSTOMERS,
    .columns = customer_search_columns, .n_columns = N (customer_search_columns),
    .foreign_keys = customer_search_keys, .n_foreign_keys = N (customer_search_keys) },
  { .name = DG_TABLE_CUSTOMER_FTS,
    .description = "The trigram full-text index of the search texts",
    .flags = DG_CATALOG_TABLE_DERIVED | DG_CATALOG_TABLE_VIRTUAL,
    .change_name = DG_TABLE_CUSTOMERS,
    .row_source = DG_TABLE_CUSTOMER_SEARCH,
    .rebuild = dg_customers_rebuild_search_index,
    .columns = customer_fts_columns, .n_columns = N (customer_fts_columns) },
  { .name = DG_TABLE_CUSTOMER_PIECES,
    .description = "The index of short pieces of the search texts, for one- and two-character searches",
    .flags = DG_CATALOG_TABLE_DERIVED | DG_CATALOG_TABLE_VIRTUAL,
    .change_name = DG_TABLE_CUSTOMERS,
    .row_source = DG_TABLE_CUSTOMER_SEARCH,
    .rebuild = dg_customers_rebuild_pieces_index,
    .columns = customer_pieces_columns, .n_columns = N (customer_pieces_columns) },
  { .name = DG_TABLE_INTERACTIONS,
    .description = "The contact log",
    .change_name = DG_TABLE_INTERACTIONS,
    .id_column = "id",
    .uuid_column = "uuid",
    .columns = interaction_columns, .n_columns = N (interaction_columns),
    .foreign_keys = interaction_keys, .n_foreign_keys = N (interaction_keys),
    .rules = interaction_rules, .n_rules = N (interaction_rules) },
  { .name = DG_TABLE_FOLLOWUPS,
    .description = "Follow-ups: what to do when, and their reminders",
    .change_name = DG_TABLE_FOLLOWUPS,
    .id_column = "id",
    .uuid_column = "uuid",
    .columns = followup_columns, .n_columns = N (followup_columns),
    .foreign_keys = followup_keys, .n_foreign_keys = N (followup_keys),
    .rules = followup_rules, .n_rules = N (followup_rules) },
  { .name = DG_TABLE_META,
    .description = "Values of this database that are not records: the reminder lead time, "
                   "the zone all-day keys were computed in",
    .flags = DG_CATALOG_TABLE_META,
    /* Its values change follow-ups' reminders, which say so themselves. */
    .change_name = NULL,
    .columns = meta_columns, .n_columns = N (meta_columns) },
};

const DgCatalogTable *
dg_catalog_get_tables (guint *n_tables)
{
  g_return_val_if_fail (n_tables != NULL, NULL);

  *n_tables = N (tables);

  return tables;
}

const DgCatalogTable *
dg_catalog_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < N (tables); i++)
    {
      if (g_str_equal (tables[i].name, name))
        return &tables[i];
    }

  return NULL;
}

const DgCatalogColumn *
dg_catalog_table_get_column (const DgCatalogTable *table,
                             const char           *name)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < table->n_columns; i++)
    {
      if (g_str_equal (table->columns[i].name, name))
        return &table->columns[i];
    }

  return NULL;
}

const DgCatalogRule *
dg_catalog_lookup_rule (const char            *name,
                        const DgCatalogTable **out_table)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < N (tables); i++)
    {
      for (guint r = 0; r < tables[i].n_rules; r++)
        {
          if (g_str_equal (tables[i].rules[r].name, name))
            {
              if (out_table != NULL)
                *out_table = &tables[i];
              return &tables[i].rules[r];
            }
        }
    }

  return NULL;
}

/* The ids a recompute function of @table's columns takes, read before any
 * row is rewritten. */
static GArray *
read_row_ids (DgDatabase            *db,
              const DgCatalogTable  *table,
              GError               **error)
{
  g_autofree char *sql = NULL;
  g_auto(DgStatement) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  sql = g_strdup_printf ("SELECT rowid FROM \"%s\" ORDER BY rowid",
                         table->row_source != NULL ? table->row_source : table->name);
  stmt = dg_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      dg_database_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static gboolean
recompute_locked (DgDatabase             *db,
                  const DgCatalogTable   *table,
                  const DgCatalogColumn  *column,
                  GError                **error)
{
  g_autoptr(GArray) ids = NULL;

  if (column == NULL || column->recompute == NULL)
    {
      g_return_val_if_fail (table->rebuild != NULL, FALSE);
      return table->rebuild (db, error);
    }

  g_return_val_if_fail (column->kind == DG_CATALOG_COLUMN_DERIVED, FALSE);

  ids = read_row_ids (db, table, error);
  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      if (!column->recompute (db, g_array_index (ids, gint64, i), error))
        return FALSE;
    }

  return TRUE;
}

gboolean
dg_catalog_recompute_column (DgDatabase             *db,
                             const DgCatalogTable   *table,
                             const DgCatalogColumn  *column,
                             GError                **error)
{
  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  if (!dg_database_begin (db, error))
    return FALSE;

  if (!recompute_locked (db, table, column, error))
    {
      dg_database_rollback (db);
      return FALSE;
    }

  return dg_database_commit (db, error);
}

gboolean
dg_catalog_recompute_all (DgDatabase  *db,
                          GError     **error)
{
  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);

  if (!dg_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < N (tables); i++)
    {
      const DgCatalogTable *table = &tables[i];

      if (table->rebuild != NULL)
        {
          if (!recompute_locked (db, table, NULL, error))
            goto failed;
          continue;
        }

      for (guint c = 0; c < table->n_columns; c++)
        {
          if (table->columns[c].kind == DG_CATALOG_COLUMN_DERIVED
              && !recompute_locked (db, table, &table->columns[c], error))
            goto failed;
        }
    }

  return dg_database_commit (db, error);

failed:
  dg_database_rollback (db);
  return FALSE;
}
