/* test-backup-format.c
 *
 * The backup format covers the whole catalogue: every table that holds
 * source data, every source column of it, every rule the checker must
 * apply. A table or column added to the catalogue without a place in the
 * format fails here.
 */
#include "config.h"

#include <string.h>

#include "dg-backup-private.h"
#include "dg-test-util.h"

/* Whether some field of some kind stores @table.@column. */
static gboolean
covered (const char *table,
         const char *column)
{
  guint n_kinds;
  const DgBackupKind *kinds = dg_backup_get_kinds (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    {
      for (guint f = 0; f < kinds[k].n_fields; f++)
        {
          if (g_str_equal (kinds[k].fields[f].table, table)
              && g_str_equal (kinds[k].fields[f].column, column))
            return TRUE;
        }
    }

  return FALSE;
}

static void
test_every_source_column (void)
{
  guint n_tables;
  const DgCatalogTable *tables = dg_catalog_get_tables (&n_tables);

  for (guint t = 0; t < n_tables; t++)
    {
      const DgCatalogTable *table = &tables[t];

      if (table->flags & DG_CATALOG_TABLE_DERIVED)
        continue;

      /* meta's source columns are name and value: the settings. */
      if (table->flags & DG_CATALOG_TABLE_META)
        {
          guint n_settings;

          dg_backup_get_settings (&n_settings);
          g_assert_cmpuint (n_settings, >, 0);
          continue;
        }

      /* A table whose rows have a uuid is a kind of its own; a link table
       * is held by the kinds it links. */
      if (table->uuid_column != NULL && dg_backup_kind_for_table (table->name) < 0)
        g_error ("The catalogue table %s has no array in the backup format", table->name);

      for (guint c = 0; c < table->n_columns; c++)
        {
          const DgCatalogColumn *column = &table->columns[c];

          if (column->kind == DG_CATALOG_COLUMN_SOURCE && !covered (table->name, column->name))
            g_error ("The source column %s.%s is not in the backup format", table->name, column->name);
        }
    }
}

/* No field names a column that is not a source column of the catalogue:
 * derived values are never backed up. */
static void
test_fields_are_source_columns (void)
{
  guint n_kinds;
  const DgBackupKind *kinds = dg_backup_get_kinds (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    {
      g_assert_nonnull (dg_catalog_lookup (kinds[k].table));
      g_assert_cmpuint (kinds[k].n_fields, <=, 32);

      for (guint f = 0; f < kinds[k].n_fields; f++)
        {
          const DgBackupField *field = &kinds[k].fields[f];
          const DgCatalogColumn *column = dg_backup_field_get_column (field);

          if (column == NULL)
            g_error ("%s: %s.%s is not in the catalogue", kinds[k].key, field->table, field->column);
          g_assert_cmpint (column->kind, ==, DG_CATALOG_COLUMN_SOURCE);

          if (field->type == DG_BACKUP_VALUE_REFERENCE || field->type == DG_BACKUP_VALUE_REFERENCE_LIST)
            {
              /* A referenced kind comes earlier in the file. */
              int target = dg_backup_kind_for_table (field->target);

              g_assert_cmpint (target, >=, 0);
              g_assert_cmpint (target, <, (int) k);
            }
        }

      if (kinds[k].parent >= 0)
        g_assert_cmpint (kinds[k].parent, <, (int) k);
    }
}

/* Every CHECK and UNIQUE rule is one the checker knows. */
static void
test_every_rule_checked (void)
{
  guint n_tables;
  const DgCatalogTable *tables = dg_catalog_get_tables (&n_tables);
  const char * const *checked = dg_backup_get_checked_rules ();

  for (guint t = 0; t < n_tables; t++)
    {
      for (guint r = 0; r < tables[t].n_rules; r++)
        {
          const DgCatalogRule *rule = &tables[t].rules[r];

          if (rule->kind == DG_CATALOG_RULE_ONE_OF || rule->kind == DG_CATALOG_RULE_RANGE)
            {
              /* Applied through the field of its column. */
              g_assert_true (covered (tables[t].name, rule->column));
              continue;
            }

          if (!g_strv_contains (checked, rule->name))
            g_error ("The backup checker does not know the rule %s", rule->name);
        }
    }
}

/* The settings are meta values the app reads; machine-local ones are not. */
static void
test_settings (void)
{
  g_assert_nonnull (dg_backup_lookup_setting ("reminder_lead_minutes"));
  g_assert_null (dg_backup_lookup_setting ("all_day_zone"));
  g_assert_true (dg_backup_is_local_meta ("all_day_zone"));
  g_assert_true (dg_backup_is_local_meta ("morning_agenda_day"));
  g_assert_false (dg_backup_is_local_meta ("reminder_lead_minutes"));
}

/* The example of data/backup-format.md is a backup that loads, restores,
 * and is written back the same way. */
static void
test_documented_example (void)
{
  g_autofree char *doc_path = g_test_build_filename (G_TEST_DIST, "..", "data", "backup-format.md", NULL);
  g_autofree char *doc = NULL;
  g_autofree char *path = dg_test_temp_path ("example.json");
  g_autofree char *again_path = dg_test_temp_path ("again.json");
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DgBackupFile) file = NULL;
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  const char *start, *end;
  g_autofree char *example = NULL;
  const DgBackupCounts *counts;

  g_assert_true (g_file_get_contents (doc_path, &doc, NULL, &error));
  start = strstr (doc, "## An example");
  g_assert_nonnull (start);
  start = strstr (start, "```json\n");
  g_assert_nonnull (start);
  start += strlen ("```json\n");
  end = strstr (start, "```");
  g_assert_nonnull (end);
  example = g_strndup (start, end - start);

  g_assert_true (g_file_set_contents (path, example, -1, NULL));
  file = dg_backup_file_load (path, NULL, NULL, &error);
  g_assert_no_error (error);
  counts = dg_backup_file_get_counts (file);
  g_assert_cmpuint (counts->n_settings, ==, 1);
  g_assert_cmpuint (counts->n_stage_rules, ==, 1);
  g_assert_cmpuint (counts->n_followups, ==, 2);

  g_assert_true (dg_backup_file_restore (file, db, DG_BACKUP_RESTORE_NO_SAFETY_COPY, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (dg_backup_export (db, again_path, dg_backup_file_get_exported_at (file), NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (again_path, &again, NULL, NULL));
  g_assert_cmpstr (again, ==, example);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backup/format/every-source-column", test_every_source_column);
  g_test_add_func ("/backup/format/fields-are-source-columns", test_fields_are_source_columns);
  g_test_add_func ("/backup/format/every-rule-checked", test_every_rule_checked);
  g_test_add_func ("/backup/format/settings", test_settings);
  g_test_add_func ("/backup/format/documented-example", test_documented_example);

  return g_test_run ();
}
