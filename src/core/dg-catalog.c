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

/* journeys, stages, stage_rules, cohorts, enrollments, stage_events,
 * enrollment_followups */

static const DgCatalogColumn journey_columns[] = {
  ROW_ID,
  ROW_UUID,
  SOURCE ("name", "TEXT", TRUE, "The journey's name"),
  SOURCE ("description", "TEXT", TRUE, "What the journey is for"),
  SOURCE ("position", "INTEGER", TRUE, "Its place in the list of journeys"),
  CREATED_AT,
  UPDATED_AT,
};

static const char * const digitisation_values[] = { "manual", "template", "automated", NULL };

static const DgCatalogColumn stage_columns[] = {
  ROW_ID,
  ROW_UUID,
  SOURCE ("journey_id", "INTEGER", TRUE, "The journey it is a stage of"),
  SOURCE ("position", "INTEGER", TRUE, "Its place in the journey, left to right"),
  SOURCE ("name", "TEXT", TRUE, "The stage's name"),
  SOURCE ("scenario", "TEXT", TRUE, "Scenario: what the customer experiences at this touchpoint"),
  SOURCE ("touchpoint", "TEXT", TRUE, "Where it happens: the touchpoint or channel"),
  SOURCE ("detail_steps", "TEXT", TRUE, "Detail: how it is done, step by step"),
  SOURCE ("message_script", "TEXT", TRUE, "The message to send, with placeholders such as {name}"),
  SOURCE ("pain_points", "TEXT", TRUE, "What goes wrong for customers here"),
  SOURCE ("unmet_needs", "TEXT", TRUE, "What customers need here and do not get yet"),
  SOURCE ("digitisation", "TEXT", TRUE, "Action: how far the stage is digitised"),
  SOURCE ("usual_days", "INTEGER", FALSE, "The usual days in the stage; longer is stuck. NULL: no limit"),
  CREATED_AT,
  UPDATED_AT,
};

static const DgCatalogForeignKey stage_keys[] = {
  { "journey_id", DG_TABLE_JOURNEYS, DG_CATALOG_ON_DELETE_CASCADE },
};

static const DgCatalogRule stage_rules_rules[] = {
  { .name = "stages.digitisation", .kind = DG_CATALOG_RULE_ONE_OF, .column = "digitisation",
    .description = "The digitisation level is manual, template or automated",
    .values = digitisation_values },
  { .name = "stages.usual-days", .kind = DG_CATALOG_RULE_RANGE, .column = "usual_days",
    .description = "The usual days in a stage are 0 to 3650, or none", .min = 0, .max = 3650 },
};

static const char * const anchor_values[] = { "stage_entered", "cohort_date", NULL };

static const DgCatalogColumn stage_rule_columns[] = {
  ROW_ID,
  ROW_UUID,
  SOURCE ("stage_id", "INTEGER", TRUE, "The stage whose entry creates the follow-up"),
  SOURCE ("position", "INTEGER", TRUE, "Its place among the stage's rules"),
  SOURCE ("title", "TEXT", TRUE, "The follow-up's title"),
  SOURCE ("note", "TEXT", TRUE, "The follow-up's note"),
  SOURCE ("anchor", "TEXT", TRUE, "What the days count from: entering the stage, or the cohort's date"),
  SOURCE ("offset_days", "INTEGER", TRUE, "Days after the anchor (negative: before)"),
  SOURCE ("time_of_day", "TEXT", FALSE, "Local HH:MM it is due at; NULL: all day"),
  CREATED_AT,
  UPDATED_AT,
};

static const DgCatalogForeignKey stage_rule_keys[] = {
  { "stage_id", DG_TABLE_STAGES, DG_CATALOG_ON_DELETE_CASCADE },
};

static const DgCatalogRule stage_rule_rules[] = {
  { .name = "stage_rules.anchor", .kind = DG_CATALOG_RULE_ONE_OF, .column = "anchor",
    .description = "A rule counts from entering the stage or from the cohort's date",
    .values = anchor_values },
  { .name = "stage_rules.offset-days", .kind = DG_CATALOG_RULE_RANGE, .column = "offset_days",
    .description = "A rule's days are -3650 to 3650", .min = -3650, .max = 3650 },
  { .name = "stage_rules.time-of-day", .kind = DG_CATALOG_RULE_CHECK,
    .description = "The time of day is NULL or written HH:MM" },
};

static const DgCatalogColumn cohort_columns[] = {
  ROW_ID,
  ROW_UUID,
  SOURCE ("journey_id", "INTEGER", TRUE, "The journey the cohort walks"),
  SOURCE ("name", "TEXT", TRUE, "The cohort's name, e.g. a lecture and its date"),
  SOURCE ("date", "TEXT", FALSE, "Its date, YYYY-MM-DD; NULL for none"),
  SOURCE ("archived", "INTEGER", TRUE, "1 when archived: kept, but out of the usual lists"),
  CREATED_AT,
  UPDATED_AT,
};

static const DgCatalogForeignKey cohort_keys[] = {
  { "journey_id", DG_TABLE_JOURNEYS, DG_CATALOG_ON_DELETE_CASCADE },
};

static const DgCatalogRule cohort_rules[] = {
  { .name = "cohorts.archived", .kind = DG_CATALOG_RULE_RANGE, .column = "archived",
    .description = "archived is 0 or 1", .min = 0, .max = 1 },
};

static const char * const enrollment_status_values[] = { "active", "completed", "dropped", NULL };

static const DgCatalogColumn enrollment_columns[] = {
  ROW_ID,
  ROW_UUID,
  SOURCE ("customer_id", "INTEGER", TRUE, "The customer walking the journey"),
  SOURCE ("journey_id", "INTEGER", TRUE, "The journey"),
  SOURCE ("stage_id", "INTEGER", TRUE, "The stage they are in (or completed or dropped at)"),
  SOURCE ("cohort_id", "INTEGER", FALSE, "The cohort they walk it with; NULL for none"),
  SOURCE ("status", "TEXT", TRUE, "active, completed or dropped"),
  SOURCE ("drop_reason", "TEXT", TRUE, "Why they dropped out; empty unless dropped"),
  SOURCE ("since", "TEXT", TRUE, "When they entered their stage (ISO 8601, UTC)"),
  CREATED_AT,
  UPDATED_AT,
};

static const DgCatalogForeignKey enrollment_keys[] = {
  { "customer_id", DG_TABLE_CUSTOMERS, DG_CATALOG_ON_DELETE_CASCADE },
  { "journey_id", DG_TABLE_JOURNEYS, DG_CATALOG_ON_DELETE_CASCADE },
  { "stage_id", DG_TABLE_STAGES, DG_CATALOG_ON_DELETE_CASCADE },
  { "cohort_id", DG_TABLE_COHORTS, DG_CATALOG_ON_DELETE_CASCADE },
};

static const DgCatalogRule enrollment_rules[] = {
  { .name = "enrollments.status", .kind = DG_CATALOG_RULE_ONE_OF, .column = "status",
    .description = "The status is active, completed or dropped",
    .values = enrollment_status_values },
  { .name = "enrollments.reason-when-dropped", .kind = DG_CATALOG_RULE_CHECK,
    .description = "Only a dropped enrollment has a drop reason" },
  { .name = "enrollments.one-active-per-journey", .kind = DG_CATALOG_RULE_UNIQUE_INDEX,
    .column = "customer_id", .index = "enrollments_one_active",
    .description = "A customer has at most one active enrollment in a journey" },
};

static const DgCatalogColumn stage_event_columns[] = {
  ROW_ID,
  ROW_UUID,
  SOURCE ("enrollment_id", "INTEGER", TRUE, "Whose move it was"),
  SOURCE ("from_stage_id", "INTEGER", FALSE, "The stage left; NULL when entering the journey"),
  SOURCE ("to_stage_id", "INTEGER", TRUE, "The stage entered (or completed or dropped at)"),
  SOURCE ("status", "TEXT", TRUE, "The enrollment's status after it"),
  SOURCE ("reason", "TEXT", TRUE, "Why they dropped out, for a drop"),
  SOURCE ("occurred_at", "TEXT", TRUE, "When (ISO 8601, UTC)"),
};

static const DgCatalogForeignKey stage_event_keys[] = {
  { "enrollment_id", DG_TABLE_ENROLLMENTS, DG_CATALOG_ON_DELETE_CASCADE },
  { "from_stage_id", DG_TABLE_STAGES, DG_CATALOG_ON_DELETE_CASCADE },
  { "to_stage_id", DG_TABLE_STAGES, DG_CATALOG_ON_DELETE_CASCADE },
};

static const DgCatalogRule stage_event_rules[] = {
  { .name = "stage_events.status", .kind = DG_CATALOG_RULE_ONE_OF, .column = "status",
    .description = "The status after the event is active, completed or dropped",
    .values = enrollment_status_values },
};

static const DgCatalogColumn enrollment_followup_columns[] = {
  ID ("followup_id", "The follow-up a stage rule created"),
  SOURCE ("enrollment_id", "INTEGER", TRUE, "The enrollment it was created for"),
  SOURCE ("rule_id", "INTEGER", TRUE, "The stage rule that created it"),
};

static const DgCatalogForeignKey enrollment_followup_keys[] = {
  { "followup_id", DG_TABLE_FOLLOWUPS, DG_CATALOG_ON_DELETE_CASCADE },
  { "enrollment_id", DG_TABLE_ENROLLMENTS, DG_CATALOG_ON_DELETE_CASCADE },
  { "rule_id", DG_TABLE_STAGE_RULES, DG_CATALOG_ON_DELETE_CASCADE },
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
  /* Journeys */
  { .name = DG_TABLE_JOURNEYS,
    .description = "Journeys: the paths customers walk",
    .change_name = DG_TABLE_JOURNEYS,
    .id_column = "id",
    .uuid_column = "uuid",
    .columns = journey_columns, .n_columns = N (journey_columns) },
  { .name = DG_TABLE_STAGES,
    .description = "The stages of each journey, with their SDA playbook",
    .change_name = DG_TABLE_STAGES,
    .id_column = "id",
    .uuid_column = "uuid",
    .columns = stage_columns, .n_columns = N (stage_columns),
    .foreign_keys = stage_keys, .n_foreign_keys = N (stage_keys),
    .rules = stage_rules_rules, .n_rules = N (stage_rules_rules) },
  { .name = DG_TABLE_STAGE_RULES,
    .description = "The follow-ups a stage creates for each customer entering it",
    /* A stage's rules are part of the stage to its listeners. */
    .change_name = DG_TABLE_STAGES,
    .id_column = "id",
    .uuid_column = "uuid",
    .columns = stage_rule_columns, .n_columns = N (stage_rule_columns),
    .foreign_keys = stage_rule_keys, .n_foreign_keys = N (stage_rule_keys),
    .rules = stage_rule_rules, .n_rules = N (stage_rule_rules) },
  { .name = DG_TABLE_COHORTS,
    .description = "Groups of customers walking a journey together, usually one date",
    .change_name = DG_TABLE_COHORTS,
    .id_column = "id",
    .uuid_column = "uuid",
    .columns = cohort_columns, .n_columns = N (cohort_columns),
    .foreign_keys = cohort_keys, .n_foreign_keys = N (cohort_keys),
    .rules = cohort_rules, .n_rules = N (cohort_rules) },
  { .name = DG_TABLE_ENROLLMENTS,
    .description = "Customers in journeys: their stage, cohort and status",
    .change_name = DG_TABLE_ENROLLMENTS,
    .id_column = "id",
    .uuid_column = "uuid",
    .columns = enrollment_columns, .n_columns = N (enrollment_columns),
    .foreign_keys = enrollment_keys, .n_foreign_keys = N (enrollment_keys),
    .rules = enrollment_rules, .n_rules = N (enrollment_rules) },
  { .name = DG_TABLE_STAGE_EVENTS,
    .description = "Every move of an enrollment between stages, and its completion or drop",
    /* The history is part of the enrollment to its listeners. */
    .change_name = DG_TABLE_ENROLLMENTS,
    .id_column = "id",
    .uuid_column = "uuid",
    .columns = stage_event_columns, .n_columns = N (stage_event_columns),
    .foreign_keys = stage_event_keys, .n_foreign_keys = N (stage_event_keys),
    .rules = stage_event_rules, .n_rules = N (stage_event_rules) },
  { .name = DG_TABLE_ENROLLMENT_FOLLOWUPS,
    .description = "Which follow-ups a stage rule created for which enrollment",
    /* The link is part of the follow-up to its listeners. */
    .change_name = DG_TABLE_FOLLOWUPS,
    .columns = enrollment_followup_columns, .n_columns = N (enrollment_followup_columns),
    .foreign_keys = enrollment_followup_keys, .n_foreign_keys = N (enrollment_followup_keys) },
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
dg_catalog_recompute_all_locked (DgDatabase  *db,
                                 GError     **error)
{
  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);

  for (guint i = 0; i < N (tables); i++)
    {
      const DgCatalogTable *table = &tables[i];

      if (table->rebuild != NULL)
        {
          if (!recompute_locked (db, table, NULL, error))
            return FALSE;
          continue;
        }

      for (guint c = 0; c < table->n_columns; c++)
        {
          if (table->columns[c].kind == DG_CATALOG_COLUMN_DERIVED
              && !recompute_locked (db, table, &table->columns[c], error))
            return FALSE;
        }
    }

  return TRUE;
}

gboolean
dg_catalog_recompute_all (DgDatabase  *db,
                          GError     **error)
{
  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);

  if (!dg_database_begin (db, error))
    return FALSE;

  if (!dg_catalog_recompute_all_locked (db, error))
    {
      dg_database_rollback (db);
      return FALSE;
    }

  return dg_database_commit (db, error);
}
