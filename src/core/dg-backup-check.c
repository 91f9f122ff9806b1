/* dg-backup-check.c
 *
 * Checks every record of a scanned backup, one at a time as json-glib
 * parses it, and remembers of each only what later records need: its uuid
 * (to find duplicates and resolve references) and, for stages and cohorts,
 * their journey. Kinds come in an order where every reference points back,
 * so a reference is resolved as soon as it is read.
 *
 * The catalogue's rules are applied by name: ONE_OF and RANGE through the
 * field (dg-backup-values.c), the CHECK and UNIQUE ones here.
 */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dg-backup-private.h"

#define MAX_RECORD_BYTES (64 * 1024 * 1024)

typedef struct
{
  DgBackupFile     *file;
  DgBackupProblems *problems;
  JsonParser       *parser;
  GCancellable     *cancellable;
  const DgBackupKind *kinds;
  guint             n_kinds;
  /* Per kind: the journey row of each record (stages, rules, cohorts,
   * enrollments). */
  GArray          **journey_of;
  GHashTable       *tag_names;
  GHashTable       *active_enrollments;
  guint             since_check;
} Checker;

static void
field_problem (Checker    *c,
               const char *place,
               const char *key,
               const char *message)
{
  g_autofree char *where = g_strdup_printf ("%s.%s", place, key);

  dg_backup_problems_add (c->problems, where, "%s", message);
}

static guint
kind_index (Checker    *c,
            const char *table)
{
  int index = dg_backup_kind_for_table (table);

  g_assert (index >= 0);

  return index;
}

static const DgBackupField *
find_field (const DgBackupKind *kind,
            const char         *key)
{
  for (guint i = 0; i < kind->n_fields; i++)
    {
      if (g_strcmp0 (kind->fields[i].key, key) == 0)
        return &kind->fields[i];
    }

  return NULL;
}

/* The row of the record of @target_table with @uuid; 0 after a problem. */
static guint
resolve (Checker    *c,
         const char *place,
         const char *key,
         const char *target_table,
         const char *uuid)
{
  GHashTable *ids = g_ptr_array_index (c->file->ids, kind_index (c, target_table));
  gpointer row = g_hash_table_lookup (ids, uuid);

  if (row == NULL)
    {
      g_autofree char *shown = dg_backup_shorten (uuid);
      g_autofree char *message =
        g_strdup_printf (_("no record of “%s” has the uuid “%s”"),
                         c->kinds[kind_index (c, target_table)].key, shown);

      field_problem (c, place, key, message);
      return 0;
    }

  return GPOINTER_TO_UINT (row);
}

static void
check_reference_list (Checker             *c,
                      JsonObject          *record,
                      const DgBackupField *field,
                      const char          *place)
{
  JsonNode *node = json_object_get_member (record, field->key);
  g_autoptr(GHashTable) seen = NULL;
  JsonArray *array;

  if (node == NULL)
    return;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      field_problem (c, place, field->key, _("not a list"));
      return;
    }

  array = json_node_get_array (node);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *key = g_strdup_printf ("%s[%u]", field->key, i);
      const char *uuid;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          field_problem (c, place, key, _("not a uuid (a text)"));
          continue;
        }

      uuid = json_node_get_string (element);
      if (!g_hash_table_add (seen, (gpointer) uuid))
        field_problem (c, place, key, _("given twice"));
      else
        resolve (c, place, key, field->target, uuid);
    }
}

static void
register_uuid (Checker    *c,
               guint       k,
               const char *place,
               const char *uuid,
               guint       row)
{
  GHashTable *ids = g_ptr_array_index (c->file->ids, k);

  if (g_hash_table_contains (ids, uuid))
    {
      g_autofree char *shown = dg_backup_shorten (uuid);
      g_autofree char *message =
        g_strdup_printf (_("the uuid “%s” is given to another record too"), shown);

      field_problem (c, place, "uuid", message);
      return;
    }

  g_hash_table_insert (ids, g_strdup (uuid), GUINT_TO_POINTER (row));
}

/* The values of one record, by field index. */
typedef struct
{
  DgBackupValue values[32];
  guint         rows[32];
  gboolean      ok[32];
} RecordValues;

static const DgBackupValue *
value_of (const DgBackupKind *kind,
          RecordValues       *v,
          const char         *key,
          gboolean           *out_ok)
{
  for (guint i = 0; i < kind->n_fields; i++)
    {
      if (g_strcmp0 (kind->fields[i].key, key) == 0)
        {
          *out_ok = v->ok[i];
          return &v->values[i];
        }
    }

  g_assert_not_reached ();
}

static guint
row_of (const DgBackupKind *kind,
        RecordValues       *v,
        const char         *key)
{
  for (guint i = 0; i < kind->n_fields; i++)
    {
      if (g_strcmp0 (kind->fields[i].key, key) == 0)
        return v->ok[i] ? v->rows[i] : 0;
    }

  g_assert_not_reached ();
}

static guint
journey_of (Checker    *c,
            const char *table,
            guint       row)
{
  GArray *journeys = c->journey_of[kind_index (c, table)];

  if (row == 0 || journeys == NULL || row > journeys->len)
    return 0;

  return g_array_index (journeys, guint, row - 1);
}

static void
check_customer (Checker            *c,
                const DgBackupKind *kind,
                RecordValues       *v,
                const char         *place)
{
  gboolean birthday_ok, calendar_ok;
  const DgBackupValue *birthday = value_of (kind, v, "birthday", &birthday_ok);
  const DgBackupValue *calendar = value_of (kind, v, "birthday_calendar", &calendar_ok);

  if (birthday_ok && calendar_ok && !birthday->is_null
      && !g_str_equal (calendar->text, "lunar")
      && dg_backup_check_birthday (birthday->text, FALSE) != DG_BACKUP_TEXT_OK)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is a date or time that does not exist"), birthday->text);

      field_problem (c, place, "birthday", message);
    }
}

static void
check_tag (Checker            *c,
           const DgBackupKind *kind,
           RecordValues       *v,
           const char         *place)
{
  gboolean ok;
  const DgBackupValue *name = value_of (kind, v, "name", &ok);
  char *folded;

  if (!ok)
    return;

  /* As COLLATE NOCASE compares: ASCII letters only. */
  folded = g_ascii_strdown (name->text, -1);
  if (!g_hash_table_add (c->tag_names, folded))
    {
      g_autofree char *shown = dg_backup_shorten (name->text);
      g_autofree char *message =
        g_strdup_printf (_("another tag is named “%s” too (tags.name-unique)"), shown);

      field_problem (c, place, "name", message);
    }
}

static void
check_enrollment (Checker            *c,
                  const DgBackupKind *kind,
                  RecordValues       *v,
                  const char         *place)
{
  guint customer = row_of (kind, v, "customer");
  guint journey = row_of (kind, v, "journey");
  guint stage = row_of (kind, v, "stage");
  guint cohort = row_of (kind, v, "cohort");
  gboolean status_ok, reason_ok;
  const DgBackupValue *status = value_of (kind, v, "status", &status_ok);
  const DgBackupValue *reason = value_of (kind, v, "drop_reason", &reason_ok);

  if (journey != 0 && stage != 0 && journey_of (c, DG_TABLE_STAGES, stage) != journey)
    field_problem (c, place, "stage", _("a stage of another journey"));

  if (journey != 0 && cohort != 0 && journey_of (c, DG_TABLE_COHORTS, cohort) != journey)
    field_problem (c, place, "cohort", _("a cohort of another journey"));

  if (status_ok && reason_ok && !g_str_equal (status->text, "dropped") && *reason->text != '\0')
    field_problem (c, place, "drop_reason",
                   _("only a dropped enrollment has a reason (enrollments.reason-when-dropped)"));

  if (status_ok && g_str_equal (status->text, "active") && customer != 0 && journey != 0
      && !g_hash_table_add (c->active_enrollments,
                            g_strdup_printf ("%u:%u", customer, journey)))
    field_problem (c, place, "status",
                   _("the customer is active in this journey twice "
                     "(enrollments.one-active-per-journey)"));
}

/* A move between stages of the enrollment's journey. */
static void
check_stage_event (Checker            *c,
                   const DgBackupKind *kind,
                   RecordValues       *v,
                   const char         *place)
{
  guint journey = journey_of (c, DG_TABLE_ENROLLMENTS, row_of (kind, v, "enrollment"));
  static const char * const stages[] = { "from_stage", "to_stage" };

  if (journey == 0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      guint stage = row_of (kind, v, stages[i]);

      if (stage != 0 && journey_of (c, DG_TABLE_STAGES, stage) != journey)
        field_problem (c, place, stages[i], _("a stage of another journey than the enrollment's"));
    }
}

static void
check_followup (Checker            *c,
                const DgBackupKind *kind,
                RecordValues       *v,
                const char         *place)
{
  gboolean all_day_ok, at_ok, date_ok, touch_ok, customer_ok, recurrence_ok, enrollment_ok, rule_ok;
  const DgBackupValue *all_day = value_of (kind, v, "all_day", &all_day_ok);
  const DgBackupValue *due_at = value_of (kind, v, "due_at", &at_ok);
  const DgBackupValue *due_date = value_of (kind, v, "due_date", &date_ok);
  const DgBackupValue *touch = value_of (kind, v, "keep_in_touch", &touch_ok);
  const DgBackupValue *customer = value_of (kind, v, "customer", &customer_ok);
  const DgBackupValue *recurrence = value_of (kind, v, "recurrence", &recurrence_ok);
  const DgBackupValue *enrollment = value_of (kind, v, "enrollment", &enrollment_ok);
  const DgBackupValue *rule = value_of (kind, v, "rule", &rule_ok);

  if (all_day_ok && at_ok && date_ok)
    {
      if (all_day->number && (due_date->is_null || !due_at->is_null))
        field_problem (c, place, "due_date",
                       _("an all-day follow-up has a due_date and no due_at (followups.due)"));
      else if (!all_day->number && (due_at->is_null || !due_date->is_null))
        field_problem (c, place, "due_at",
                       _("a timed follow-up has a due_at and no due_date (followups.due)"));
    }

  if (touch_ok && customer_ok && recurrence_ok && touch->number
      && (customer->is_null || g_str_equal (recurrence->text, "none")))
    field_problem (c, place, "keep_in_touch",
                   _("a keep-in-touch follow-up has a customer and repeats "
                     "(followups.keep-in-touch-repeats)"));

  if (enrollment_ok && rule_ok && enrollment->is_null != rule->is_null)
    field_problem (c, place, enrollment->is_null ? "enrollment" : "rule",
                   _("a follow-up made by a stage rule names both the enrollment and the rule"));
  else if (enrollment_ok && rule_ok && !enrollment->is_null)
    {
      guint journey = journey_of (c, DG_TABLE_ENROLLMENTS, row_of (kind, v, "enrollment"));
      guint rule_journey = journey_of (c, DG_TABLE_STAGE_RULES, row_of (kind, v, "rule"));

      if (journey != 0 && rule_journey != 0 && journey != rule_journey)
        field_problem (c, place, "rule", _("a rule of another journey than the enrollment's"));
    }
}

static guint check_record (Checker    *c,
                           guint       k,
                           JsonNode   *node,
                           const char *place,
                           guint       parent_row);

static void
check_children (Checker    *c,
                guint       k,
                JsonObject *record,
                const char *place,
                guint       row)
{
  for (guint child = 0; child < c->n_kinds; child++)
    {
      JsonNode *node;
      JsonArray *array;

      if (c->kinds[child].parent != (int) k)
        continue;

      node = json_object_get_member (record, c->kinds[child].key);
      if (node == NULL)
        continue;
      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          field_problem (c, place, c->kinds[child].key, _("not a list"));
          continue;
        }

      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *child_place = g_strdup_printf ("%s.%s[%u]", place, c->kinds[child].key, i);

          check_record (c, child, json_array_get_element (array, i), child_place, row);
        }
    }
}

static gboolean
is_known_key (Checker            *c,
              guint               k,
              const char         *key)
{
  if (find_field (&c->kinds[k], key) != NULL)
    return TRUE;

  for (guint child = 0; child < c->n_kinds; child++)
    {
      if (c->kinds[child].parent == (int) k && g_str_equal (c->kinds[child].key, key))
        return TRUE;
    }

  return FALSE;
}

static guint
check_record (Checker    *c,
              guint       k,
              JsonNode   *node,
              const char *place,
              guint       parent_row)
{
  const DgBackupKind *kind = &c->kinds[k];
  guint *count = dg_backup_counts_slot (&c->file->counts, kind);
  RecordValues v = { 0 };
  JsonObject *record;
  guint row;

  g_assert (kind->n_fields <= G_N_ELEMENTS (v.values));

  row = ++*count;

  if (c->journey_of[k] != NULL)
    g_array_set_size (c->journey_of[k], row);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      dg_backup_problems_add (c->problems, place, "%s", _("not an object"));
      return row;
    }

  record = json_node_get_object (node);

  {
    JsonObjectIter iter;
    const char *key;

    json_object_iter_init (&iter, record);
    while (json_object_iter_next (&iter, &key, NULL))
      {
        if (!is_known_key (c, k, key))
          {
            g_autofree char *shown = dg_backup_shorten (key);

            field_problem (c, place, shown, _("not a field of this record"));
          }
      }
  }

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const DgBackupField *field = &kind->fields[i];
      g_autofree char *problem = NULL;

      if (field->type == DG_BACKUP_VALUE_PARENT)
        {
          v.rows[i] = parent_row;
          v.ok[i] = TRUE;
          continue;
        }

      if (field->type == DG_BACKUP_VALUE_REFERENCE_LIST)
        {
          check_reference_list (c, record, field, place);
          continue;
        }

      problem = dg_backup_read_value (record, field, &v.values[i]);
      if (problem != NULL)
        {
          field_problem (c, place, field->key, problem);
          continue;
        }

      v.ok[i] = TRUE;
      if (field->type == DG_BACKUP_VALUE_UUID)
        register_uuid (c, k, place, v.values[i].text, row);
      else if (field->type == DG_BACKUP_VALUE_REFERENCE && !v.values[i].is_null)
        {
          v.rows[i] = resolve (c, place, field->key, field->target, v.values[i].text);
          v.ok[i] = v.rows[i] != 0;
        }
    }

  if (g_str_equal (kind->table, DG_TABLE_STAGES))
    g_array_index (c->journey_of[k], guint, row - 1) = parent_row;
  else if (g_str_equal (kind->table, DG_TABLE_STAGE_RULES))
    g_array_index (c->journey_of[k], guint, row - 1) = journey_of (c, DG_TABLE_STAGES, parent_row);
  else if (g_str_equal (kind->table, DG_TABLE_COHORTS))
    g_array_index (c->journey_of[k], guint, row - 1) = row_of (kind, &v, "journey");
  else if (g_str_equal (kind->table, DG_TABLE_TAGS))
    check_tag (c, kind, &v, place);
  else if (g_str_equal (kind->table, DG_TABLE_CUSTOMERS))
    check_customer (c, kind, &v, place);
  else if (g_str_equal (kind->table, DG_TABLE_ENROLLMENTS))
    {
      g_array_index (c->journey_of[k], guint, row - 1) = row_of (kind, &v, "journey");
      check_enrollment (c, kind, &v, place);
    }
  else if (g_str_equal (kind->table, DG_TABLE_STAGE_EVENTS))
    check_stage_event (c, kind, &v, place);
  else if (g_str_equal (kind->table, DG_TABLE_FOLLOWUPS))
    check_followup (c, kind, &v, place);

  check_children (c, k, record, place, row);

  return row;
}

static gboolean
check_kind (Checker      *c,
            guint         k,
            DgBackupScan *scan)
{
  const DgBackupKind *kind = &c->kinds[k];
  GArray *spans = dg_backup_scan_get_elements (scan, kind->key);
  const char *data = c->file->data;

  if (spans == NULL)
    {
      gboolean is_array = FALSE;

      dg_backup_problems_add (c->problems, kind->key, "%s",
                              dg_backup_scan_lookup (scan, kind->key, NULL, &is_array)
                              ? _("not a list") : _("missing"));
      return TRUE;
    }

  for (guint i = 0; i < spans->len; i++)
    {
      const DgBackupSpan *span = &g_array_index (spans, DgBackupSpan, i);
      g_autofree char *place = g_strdup_printf ("%s[%u]", kind->key, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;

      /* A record is a few kilobytes; a journey with all its stages some
       * more. Far more is not parsed into a tree. */
      if (span->length > MAX_RECORD_BYTES)
        {
          g_autofree char *size = dg_backup_format_size (span->length);

          dg_backup_problems_add (c->problems, place, _("a record of %s: far too big"), size);
          continue;
        }

      node = dg_backup_parse_span (c->parser, data, span, &error);
      /* The scanner accepted it: json-glib refusing it is a difference
       * between the two, reported rather than trusted. */
      if (node == NULL)
        {
          dg_backup_problems_add (c->problems, place, "%s", error->message);
          continue;
        }

      check_record (c, k, node, place, 0);

      if (++c->since_check >= 1000)
        {
          c->since_check = 0;
          if (g_cancellable_is_cancelled (c->cancellable))
            return FALSE;
        }
    }

  return TRUE;
}

gboolean
dg_backup_check_file (DgBackupFile     *file,
                      DgBackupScan     *scan,
                      GCancellable     *cancellable,
                      DgBackupProblems *problems)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) tag_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) active = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Checker c = { 0 };
  gboolean ok = TRUE;

  c.file = file;
  c.problems = problems;
  c.parser = parser;
  c.cancellable = cancellable;
  c.kinds = dg_backup_get_kinds (&c.n_kinds);
  c.tag_names = tag_names;
  c.active_enrollments = active;
  c.journey_of = g_new0 (GArray *, c.n_kinds);
  c.journey_of[dg_backup_kind_for_table (DG_TABLE_STAGES)] = g_array_new (FALSE, TRUE, sizeof (guint));
  c.journey_of[dg_backup_kind_for_table (DG_TABLE_COHORTS)] = g_array_new (FALSE, TRUE, sizeof (guint));
  c.journey_of[dg_backup_kind_for_table (DG_TABLE_STAGE_RULES)] = g_array_new (FALSE, TRUE, sizeof (guint));
  c.journey_of[dg_backup_kind_for_table (DG_TABLE_ENROLLMENTS)] = g_array_new (FALSE, TRUE, sizeof (guint));

  for (guint k = 0; k < c.n_kinds && ok; k++)
    {
      if (c.kinds[k].parent < 0)
        ok = check_kind (&c, k, scan);
    }

  for (guint k = 0; k < c.n_kinds; k++)
    g_clear_pointer (&c.journey_of[k], g_array_unref);
  g_free (c.journey_of);

  return ok;
}
