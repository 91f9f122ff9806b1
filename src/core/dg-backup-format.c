/* dg-backup-format.c
 *
 * The format of data/backup-format.md, as tables the writer, the checker
 * and the restore share. The key of a column is its catalogue name; a
 * reference drops the "_id" ("customer_id" is written "customer", the
 * uuid of that customer).
 */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <stddef.h>

#include "dg-backup-private.h"
#include "dg-reminders.h"

/* In characters. A line is a name or a title; a text is a note, a script,
 * a summary. Far above what the editors allow (not every editor limits
 * what it takes, and a backup Dangol wrote must restore), far below what
 * could hurt; the scanner's limit in bytes holds the longest text of any
 * script. */
#define LINE_MAX_CHARS 10000
#define TEXT_MAX_CHARS 1000000
#define UUID_MAX_CHARS 100

#define F_UUID(table_) \
  { "uuid", table_, "uuid", DG_BACKUP_VALUE_UUID, NULL, UUID_MAX_CHARS, 0, 0 }
#define F_LINE(table_, column_) \
  { column_, table_, column_, DG_BACKUP_VALUE_TEXT, NULL, LINE_MAX_CHARS, 0, 0 }
#define F_TEXT(table_, column_) \
  { column_, table_, column_, DG_BACKUP_VALUE_TEXT, NULL, TEXT_MAX_CHARS, 0, 0 }
#define F_TYPED(table_, column_, type_) \
  { column_, table_, column_, type_, NULL, 0, 0, 0 }
#define F_INT(table_, column_, min_, max_) \
  { column_, table_, column_, DG_BACKUP_VALUE_INTEGER, NULL, 0, min_, max_ }
#define F_REF(key_, table_, column_, target_) \
  { key_, table_, column_, DG_BACKUP_VALUE_REFERENCE, target_, 0, 0, 0 }
#define F_PARENT(table_, column_) \
  { NULL, table_, column_, DG_BACKUP_VALUE_PARENT, NULL, 0, 0, 0 }
#define F_CREATED(table_) F_TYPED (table_, "created_at", DG_BACKUP_VALUE_INSTANT)
#define F_UPDATED(table_) F_TYPED (table_, "updated_at", DG_BACKUP_VALUE_INSTANT)

/* Positions are whatever the app numbered; only their order counts. */
#define POSITION_MAX ((gint64) G_MAXINT32)

static const DgBackupField tag_fields[] = {
  F_UUID (DG_TABLE_TAGS),
  F_LINE (DG_TABLE_TAGS, "name"),
  F_LINE (DG_TABLE_TAGS, "color"),
};

static const DgBackupField customer_fields[] = {
  F_UUID (DG_TABLE_CUSTOMERS),
  F_LINE (DG_TABLE_CUSTOMERS, "name"),
  F_LINE (DG_TABLE_CUSTOMERS, "phone"),
  F_LINE (DG_TABLE_CUSTOMERS, "email"),
  F_LINE (DG_TABLE_CUSTOMERS, "organization"),
  F_LINE (DG_TABLE_CUSTOMERS, "source"),
  F_TYPED (DG_TABLE_CUSTOMERS, "birthday", DG_BACKUP_VALUE_BIRTHDAY),
  F_LINE (DG_TABLE_CUSTOMERS, "birthday_calendar"),
  F_TYPED (DG_TABLE_CUSTOMERS, "birthday_leap", DG_BACKUP_VALUE_BOOLEAN),
  F_INT (DG_TABLE_CUSTOMERS, "birthday_followup_year", 1, 9999),
  F_TYPED (DG_TABLE_CUSTOMERS, "marketing_consent", DG_BACKUP_VALUE_BOOLEAN),
  F_TYPED (DG_TABLE_CUSTOMERS, "consent_at", DG_BACKUP_VALUE_INSTANT),
  F_TEXT (DG_TABLE_CUSTOMERS, "note"),
  F_TYPED (DG_TABLE_CUSTOMERS, "archived", DG_BACKUP_VALUE_BOOLEAN),
  { "tags", DG_TABLE_CUSTOMER_TAGS, "tag_id", DG_BACKUP_VALUE_REFERENCE_LIST, DG_TABLE_TAGS, 0, 0, 0 },
  F_PARENT (DG_TABLE_CUSTOMER_TAGS, "customer_id"),
  F_CREATED (DG_TABLE_CUSTOMERS),
  F_UPDATED (DG_TABLE_CUSTOMERS),
};

static const DgBackupField journey_fields[] = {
  F_UUID (DG_TABLE_JOURNEYS),
  F_LINE (DG_TABLE_JOURNEYS, "name"),
  F_TEXT (DG_TABLE_JOURNEYS, "description"),
  F_INT (DG_TABLE_JOURNEYS, "position", -POSITION_MAX, POSITION_MAX),
  F_CREATED (DG_TABLE_JOURNEYS),
  F_UPDATED (DG_TABLE_JOURNEYS),
};

static const DgBackupField stage_fields[] = {
  F_UUID (DG_TABLE_STAGES),
  F_PARENT (DG_TABLE_STAGES, "journey_id"),
  F_INT (DG_TABLE_STAGES, "position", -POSITION_MAX, POSITION_MAX),
  F_LINE (DG_TABLE_STAGES, "name"),
  F_TEXT (DG_TABLE_STAGES, "scenario"),
  F_TEXT (DG_TABLE_STAGES, "touchpoint"),
  F_TEXT (DG_TABLE_STAGES, "detail_steps"),
  F_TEXT (DG_TABLE_STAGES, "message_script"),
  F_TEXT (DG_TABLE_STAGES, "pain_points"),
  F_TEXT (DG_TABLE_STAGES, "unmet_needs"),
  F_LINE (DG_TABLE_STAGES, "digitisation"),
  F_TYPED (DG_TABLE_STAGES, "usual_days", DG_BACKUP_VALUE_INTEGER),
  F_CREATED (DG_TABLE_STAGES),
  F_UPDATED (DG_TABLE_STAGES),
};

static const DgBackupField stage_rule_fields[] = {
  F_UUID (DG_TABLE_STAGE_RULES),
  F_PARENT (DG_TABLE_STAGE_RULES, "stage_id"),
  F_INT (DG_TABLE_STAGE_RULES, "position", -POSITION_MAX, POSITION_MAX),
  F_LINE (DG_TABLE_STAGE_RULES, "title"),
  F_TEXT (DG_TABLE_STAGE_RULES, "note"),
  F_LINE (DG_TABLE_STAGE_RULES, "anchor"),
  F_TYPED (DG_TABLE_STAGE_RULES, "offset_days", DG_BACKUP_VALUE_INTEGER),
  F_TYPED (DG_TABLE_STAGE_RULES, "time_of_day", DG_BACKUP_VALUE_TIME_OF_DAY),
  F_CREATED (DG_TABLE_STAGE_RULES),
  F_UPDATED (DG_TABLE_STAGE_RULES),
};

static const DgBackupField cohort_fields[] = {
  F_UUID (DG_TABLE_COHORTS),
  F_REF ("journey", DG_TABLE_COHORTS, "journey_id", DG_TABLE_JOURNEYS),
  F_LINE (DG_TABLE_COHORTS, "name"),
  F_TYPED (DG_TABLE_COHORTS, "date", DG_BACKUP_VALUE_DATE),
  F_TYPED (DG_TABLE_COHORTS, "archived", DG_BACKUP_VALUE_BOOLEAN),
  F_CREATED (DG_TABLE_COHORTS),
  F_UPDATED (DG_TABLE_COHORTS),
};

static const DgBackupField enrollment_fields[] = {
  F_UUID (DG_TABLE_ENROLLMENTS),
  F_REF ("customer", DG_TABLE_ENROLLMENTS, "customer_id", DG_TABLE_CUSTOMERS),
  F_REF ("journey", DG_TABLE_ENROLLMENTS, "journey_id", DG_TABLE_JOURNEYS),
  F_REF ("stage", DG_TABLE_ENROLLMENTS, "stage_id", DG_TABLE_STAGES),
  F_REF ("cohort", DG_TABLE_ENROLLMENTS, "cohort_id", DG_TABLE_COHORTS),
  F_LINE (DG_TABLE_ENROLLMENTS, "status"),
  F_TEXT (DG_TABLE_ENROLLMENTS, "drop_reason"),
  F_TYPED (DG_TABLE_ENROLLMENTS, "since", DG_BACKUP_VALUE_INSTANT),
  F_CREATED (DG_TABLE_ENROLLMENTS),
  F_UPDATED (DG_TABLE_ENROLLMENTS),
};

static const DgBackupField stage_event_fields[] = {
  F_UUID (DG_TABLE_STAGE_EVENTS),
  F_REF ("enrollment", DG_TABLE_STAGE_EVENTS, "enrollment_id", DG_TABLE_ENROLLMENTS),
  F_REF ("from_stage", DG_TABLE_STAGE_EVENTS, "from_stage_id", DG_TABLE_STAGES),
  F_REF ("to_stage", DG_TABLE_STAGE_EVENTS, "to_stage_id", DG_TABLE_STAGES),
  F_LINE (DG_TABLE_STAGE_EVENTS, "status"),
  F_TEXT (DG_TABLE_STAGE_EVENTS, "reason"),
  F_TYPED (DG_TABLE_STAGE_EVENTS, "occurred_at", DG_BACKUP_VALUE_INSTANT),
};

static const DgBackupField interaction_fields[] = {
  F_UUID (DG_TABLE_INTERACTIONS),
  F_REF ("customer", DG_TABLE_INTERACTIONS, "customer_id", DG_TABLE_CUSTOMERS),
  F_TYPED (DG_TABLE_INTERACTIONS, "occurred_at", DG_BACKUP_VALUE_INSTANT),
  F_LINE (DG_TABLE_INTERACTIONS, "channel"),
  F_TEXT (DG_TABLE_INTERACTIONS, "summary"),
  F_LINE (DG_TABLE_INTERACTIONS, "feedback"),
  F_CREATED (DG_TABLE_INTERACTIONS),
};

static const DgBackupField followup_fields[] = {
  F_UUID (DG_TABLE_FOLLOWUPS),
  F_REF ("customer", DG_TABLE_FOLLOWUPS, "customer_id", DG_TABLE_CUSTOMERS),
  F_LINE (DG_TABLE_FOLLOWUPS, "title"),
  F_TEXT (DG_TABLE_FOLLOWUPS, "note"),
  F_TYPED (DG_TABLE_FOLLOWUPS, "all_day", DG_BACKUP_VALUE_BOOLEAN),
  F_TYPED (DG_TABLE_FOLLOWUPS, "due_at", DG_BACKUP_VALUE_INSTANT),
  F_TYPED (DG_TABLE_FOLLOWUPS, "due_date", DG_BACKUP_VALUE_DATE),
  F_LINE (DG_TABLE_FOLLOWUPS, "status"),
  F_TYPED (DG_TABLE_FOLLOWUPS, "done_at", DG_BACKUP_VALUE_INSTANT),
  F_TYPED (DG_TABLE_FOLLOWUPS, "snoozed_until", DG_BACKUP_VALUE_INSTANT),
  F_LINE (DG_TABLE_FOLLOWUPS, "recurrence"),
  F_TYPED (DG_TABLE_FOLLOWUPS, "recurrence_interval", DG_BACKUP_VALUE_INTEGER),
  F_TYPED (DG_TABLE_FOLLOWUPS, "recurrence_anchor", DG_BACKUP_VALUE_ANCHOR),
  F_TYPED (DG_TABLE_FOLLOWUPS, "keep_in_touch", DG_BACKUP_VALUE_BOOLEAN),
  F_TYPED (DG_TABLE_FOLLOWUPS, "notified_at", DG_BACKUP_VALUE_INSTANT),
  /* The stage rule that made it, for which enrollment: both or neither. */
  F_REF ("enrollment", DG_TABLE_ENROLLMENT_FOLLOWUPS, "enrollment_id", DG_TABLE_ENROLLMENTS),
  F_REF ("rule", DG_TABLE_ENROLLMENT_FOLLOWUPS, "rule_id", DG_TABLE_STAGE_RULES),
  F_CREATED (DG_TABLE_FOLLOWUPS),
  F_UPDATED (DG_TABLE_FOLLOWUPS),
};

#define KIND(key_, table_, parent_, fields_, counter_) \
  { key_, table_, parent_, fields_, G_N_ELEMENTS (fields_), offsetof (DgBackupCounts, counter_) }

enum { KIND_TAGS, KIND_CUSTOMERS, KIND_JOURNEYS, KIND_STAGES };

static const DgBackupKind kinds[] = {
  KIND ("tags", DG_TABLE_TAGS, -1, tag_fields, n_tags),
  KIND ("customers", DG_TABLE_CUSTOMERS, -1, customer_fields, n_customers),
  KIND ("journeys", DG_TABLE_JOURNEYS, -1, journey_fields, n_journeys),
  KIND ("stages", DG_TABLE_STAGES, KIND_JOURNEYS, stage_fields, n_stages),
  KIND ("rules", DG_TABLE_STAGE_RULES, KIND_STAGES, stage_rule_fields, n_stage_rules),
  KIND ("cohorts", DG_TABLE_COHORTS, -1, cohort_fields, n_cohorts),
  KIND ("enrollments", DG_TABLE_ENROLLMENTS, -1, enrollment_fields, n_enrollments),
  KIND ("stage_events", DG_TABLE_STAGE_EVENTS, -1, stage_event_fields, n_stage_events),
  KIND ("interactions", DG_TABLE_INTERACTIONS, -1, interaction_fields, n_interactions),
  KIND ("followups", DG_TABLE_FOLLOWUPS, -1, followup_fields, n_followups),
};

static const DgBackupSetting settings[] = {
  { "reminder_lead_minutes", 0, DG_REMINDERS_MAX_LEAD_MINUTES, DG_REMINDERS_DEFAULT_LEAD_MINUTES },
};

/* The zone all-day keys were computed in belongs to the machine; the day
 * the morning agenda was last shown to what this machine did. */
static const char * const local_meta[] = { "all_day_zone", "morning_agenda_day", NULL };

static const char * const checked_rules[] = {
  "tags.name-unique",
  "followups.due",
  "followups.keep-in-touch-repeats",
  /* About remind_at, which is derived: the restore computes it. */
  "followups.closed-no-reminder",
  "stage_rules.time-of-day",
  "enrollments.reason-when-dropped",
  "enrollments.one-active-per-journey",
  NULL,
};

const DgBackupKind *
dg_backup_get_kinds (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (kinds);

  return kinds;
}

int
dg_backup_kind_for_table (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_str_equal (kinds[i].table, table))
        return i;
    }

  return -1;
}

const DgCatalogColumn *
dg_backup_field_get_column (const DgBackupField *field)
{
  const DgCatalogTable *table = dg_catalog_lookup (field->table);

  return table != NULL ? dg_catalog_table_get_column (table, field->column) : NULL;
}

static const DgCatalogRule *
find_rule (const DgBackupField *field,
           DgCatalogRuleKind    kind)
{
  const DgCatalogTable *table = dg_catalog_lookup (field->table);

  if (table == NULL)
    return NULL;

  for (guint i = 0; i < table->n_rules; i++)
    {
      if (table->rules[i].kind == kind
          && g_strcmp0 (table->rules[i].column, field->column) == 0)
        return &table->rules[i];
    }

  return NULL;
}

/* What the catalogue says of each field, looked up once: the checker and
 * the restore ask for every value of every record. */
typedef struct
{
  gboolean            nullable;
  const char * const *values;
  gint64              min;
  gint64              max;
} FieldInfo;

static FieldInfo *field_infos[G_N_ELEMENTS (kinds)];

static void
compute_field_info (const DgBackupField *field,
                    FieldInfo           *info)
{
  const DgCatalogColumn *column = dg_backup_field_get_column (field);
  const DgCatalogTable *table = dg_catalog_lookup (field->table);
  const DgCatalogRule *range = find_rule (field, DG_CATALOG_RULE_RANGE);
  const DgCatalogRule *one_of = find_rule (field, DG_CATALOG_RULE_ONE_OF);

  /* A link row (a table with no uuid of its own) is there or not. */
  info->nullable = table == NULL || table->uuid_column == NULL || column == NULL || !column->not_null;
  info->values = one_of != NULL ? one_of->values : NULL;
  info->min = range != NULL ? range->min : field->min;
  info->max = range != NULL ? range->max : field->max;
}

static const FieldInfo *
get_field_info (const DgBackupField *field)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          field_infos[k] = g_new0 (FieldInfo, kinds[k].n_fields);
          for (guint f = 0; f < kinds[k].n_fields; f++)
            compute_field_info (&kinds[k].fields[f], &field_infos[k][f]);
        }
      g_once_init_leave (&initialized, 1);
    }

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      if (field >= kinds[k].fields && field < kinds[k].fields + kinds[k].n_fields)
        return &field_infos[k][field - kinds[k].fields];
    }

  g_return_val_if_reached (NULL);
}

void
dg_backup_field_get_range (const DgBackupField *field,
                           gint64              *out_min,
                           gint64              *out_max)
{
  const FieldInfo *info = get_field_info (field);

  *out_min = info->min;
  *out_max = info->max;
}

const char * const *
dg_backup_field_get_values (const DgBackupField *field)
{
  return get_field_info (field)->values;
}

gboolean
dg_backup_field_is_nullable (const DgBackupField *field)
{
  return get_field_info (field)->nullable;
}

const DgBackupSetting *
dg_backup_get_settings (guint *n_settings)
{
  *n_settings = G_N_ELEMENTS (settings);

  return settings;
}

const DgBackupSetting *
dg_backup_lookup_setting (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      if (g_str_equal (settings[i].name, name))
        return &settings[i];
    }

  return NULL;
}

gboolean
dg_backup_is_local_meta (const char *name)
{
  return g_strv_contains (local_meta, name);
}

const char * const *
dg_backup_get_checked_rules (void)
{
  return checked_rules;
}

guint *
dg_backup_counts_slot (DgBackupCounts     *counts,
                       const DgBackupKind *kind)
{
  return G_STRUCT_MEMBER_P (counts, kind->count_offset);
}

const char *
dg_backup_link_column (const char *link_table,
                       const char *table)
{
  const DgCatalogTable *link = dg_catalog_lookup (link_table);

  for (guint i = 0; i < link->n_foreign_keys; i++)
    {
      if (g_str_equal (link->foreign_keys[i].table, table))
        return link->foreign_keys[i].column;
    }

  g_return_val_if_reached (NULL);
}
