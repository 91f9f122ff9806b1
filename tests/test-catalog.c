/* test-catalog.c
 *
 * The table catalogue against the schema of a freshly migrated database:
 * every table, column, foreign key, unique index and CHECK the schema has
 * is described, and nothing the catalogue describes is missing. The
 * derived values are checked in test-catalog-derived.c.
 */
#include "config.h"

#include <string.h>

#include "dg-database-private.h"
#include "dg-test-util.h"

static sqlite3_stmt *
query (DgDatabase *db,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (dg_database_get_handle (db), sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (dg_database_get_handle (db)));

  return stmt;
}

static const char *
text_at (sqlite3_stmt *stmt,
         int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static guint
table_index (const char *name)
{
  const DgCatalogTable *tables;
  guint n_tables;

  tables = dg_catalog_get_tables (&n_tables);
  for (guint i = 0; i < n_tables; i++)
    {
      if (g_str_equal (tables[i].name, name))
        return i;
    }

  g_error ("“%s” is not in the catalogue", name);
}

static const char *
on_delete_name (DgCatalogOnDelete on_delete)
{
  switch (on_delete)
    {
    case DG_CATALOG_ON_DELETE_CASCADE:
      return "CASCADE";
    case DG_CATALOG_ON_DELETE_SET_NULL:
      return "SET NULL";
    case DG_CATALOG_ON_DELETE_RESTRICT:
      return "RESTRICT";
    default:
      g_assert_not_reached ();
    }
}

/* The tables of the schema that are ours (not SQLite's, not shadow tables
 * of a full-text index), as "name" → "table" or "virtual". */
static GHashTable *
schema_tables (DgDatabase *db)
{
  GHashTable *tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = query (db,
                              "SELECT name, type FROM pragma_table_list "
                              "WHERE schema = 'main' AND type IN ('table', 'virtual') "
                              "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (tables, g_strdup (text_at (stmt, 0)), g_strdup (text_at (stmt, 1)));
  sqlite3_finalize (stmt);

  return tables;
}

static void
check_columns (DgDatabase           *db,
               const DgCatalogTable *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name, type, \"notnull\", pk FROM pragma_table_info ('%s') "
                                          "ORDER BY cid", table->name);
  sqlite3_stmt *stmt = query (db, sql);
  guint n = 0;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = text_at (stmt, 0);
      const DgCatalogColumn *column;

      if (n >= table->n_columns)
        g_error ("%s.%s is in the schema, not in the catalogue", table->name, name);

      column = &table->columns[n];
      g_test_message ("%s.%s", table->name, name);
      /* In the schema's order, so that a column a migration appends is
       * appended here too. */
      g_assert_cmpstr (column->name, ==, name);
      g_assert_cmpstr (column->type, ==, text_at (stmt, 1));
      g_assert_cmpint (column->not_null, ==, sqlite3_column_int (stmt, 2) || sqlite3_column_int (stmt, 3) > 0);
      g_assert_nonnull (column->description);

      if (column->kind == DG_CATALOG_COLUMN_DERIVED)
        g_assert_true (column->recompute != NULL || table->rebuild != NULL);
      else
        g_assert_null (column->recompute);
      if (column->kind == DG_CATALOG_COLUMN_ID)
        g_assert_cmpstr (column->type, ==, "INTEGER");
      if (table->flags & DG_CATALOG_TABLE_DERIVED)
        g_assert_cmpint (column->kind, !=, DG_CATALOG_COLUMN_SOURCE);

      n++;
    }
  sqlite3_finalize (stmt);

  if (n < table->n_columns)
    g_error ("%s.%s is in the catalogue, not in the schema", table->name, table->columns[n].name);
}

static void
check_keys (DgDatabase           *db,
            const DgCatalogTable *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT \"from\", \"table\", \"to\", on_delete "
                                          "FROM pragma_foreign_key_list ('%s')", table->name);
  sqlite3_stmt *stmt = query (db, sql);
  guint n = 0;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *from = text_at (stmt, 0);
      const DgCatalogForeignKey *key = NULL;
      const DgCatalogTable *target;

      for (guint k = 0; k < table->n_foreign_keys; k++)
        {
          if (g_str_equal (table->foreign_keys[k].column, from))
            key = &table->foreign_keys[k];
        }
      if (key == NULL)
        g_error ("The foreign key %s.%s → %s is not in the catalogue", table->name, from, text_at (stmt, 1));

      g_assert_cmpstr (key->table, ==, text_at (stmt, 1));
      g_assert_cmpstr (on_delete_name (key->on_delete), ==, text_at (stmt, 3));
      /* Undo of a delete (dg-customer-snapshot.c) brings back what a delete
       * cascades to; a reference that sets NULL needs it to re-point the
       * rows that keep living first. */
      if (key->on_delete != DG_CATALOG_ON_DELETE_CASCADE)
        g_error ("%s.%s: teach the Undo snapshot to restore a %s reference", table->name,
                 key->column, on_delete_name (key->on_delete));
      g_assert_nonnull (dg_catalog_table_get_column (table, key->column));

      /* A reference is to the id of a table written back before this one. */
      target = dg_catalog_lookup (key->table);
      g_assert_nonnull (target);
      g_assert_cmpstr (target->id_column, ==, text_at (stmt, 2));
      g_assert_cmpuint (table_index (key->table), <, table_index (table->name));
      n++;
    }
  sqlite3_finalize (stmt);

  g_assert_cmpuint (n, ==, table->n_foreign_keys);
}

/* The unique indexes a UNIQUE constraint made, and whether the uuid column
 * and each UNIQUE rule have theirs. */
static void
check_unique (DgDatabase           *db,
              const DgCatalogTable *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT i.name, x.name, x.coll FROM pragma_index_list ('%s') i "
                                          "JOIN pragma_index_xinfo (i.name) x ON x.key "
                                          "WHERE i.\"unique\" AND i.origin = 'u'", table->name);
  sqlite3_stmt *stmt = query (db, sql);
  guint n_unique_rules = 0;
  guint n_found = 0;
  gboolean uuid_found = FALSE;

  for (guint r = 0; r < table->n_rules; r++)
    n_unique_rules += table->rules[r].kind == DG_CATALOG_RULE_UNIQUE;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *column = text_at (stmt, 1);
      gboolean ignore_case = g_ascii_strcasecmp (text_at (stmt, 2), "NOCASE") == 0;

      if (g_strcmp0 (column, table->uuid_column) == 0)
        {
          g_assert_false (ignore_case);
          uuid_found = TRUE;
          continue;
        }

      for (guint r = 0; r < table->n_rules; r++)
        {
          const DgCatalogRule *rule = &table->rules[r];

          if (rule->kind == DG_CATALOG_RULE_UNIQUE && g_str_equal (rule->column, column))
            {
              g_assert_cmpint (rule->ignore_case, ==, ignore_case);
              n_found++;
              column = NULL;
              break;
            }
        }
      if (column != NULL)
        g_error ("%s.%s is unique in the schema; the catalogue has no rule for it", table->name, column);
    }
  sqlite3_finalize (stmt);

  g_assert_cmpuint (n_found, ==, n_unique_rules);
  g_assert_cmpint (uuid_found, ==, table->uuid_column != NULL);
}

/* Each unique index a CREATE UNIQUE INDEX made (a partial one, such as one
 * active enrollment per journey) is a rule of the catalogue, and the
 * reverse. */
static void
check_unique_indexes (DgDatabase           *db,
                      const DgCatalogTable *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT i.name, (SELECT x.name FROM pragma_index_xinfo (i.name) x "
                                          "  WHERE x.key ORDER BY x.seqno LIMIT 1) "
                                          "FROM pragma_index_list ('%s') i "
                                          "WHERE i.\"unique\" AND i.origin = 'c'", table->name);
  sqlite3_stmt *stmt = query (db, sql);
  guint n_rules = 0;
  guint n_found = 0;

  for (guint r = 0; r < table->n_rules; r++)
    n_rules += table->rules[r].kind == DG_CATALOG_RULE_UNIQUE_INDEX;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *index = text_at (stmt, 0);
      const DgCatalogRule *found = NULL;

      for (guint r = 0; r < table->n_rules; r++)
        {
          if (table->rules[r].kind == DG_CATALOG_RULE_UNIQUE_INDEX
              && g_strcmp0 (table->rules[r].index, index) == 0)
            found = &table->rules[r];
        }
      if (found == NULL)
        g_error ("The unique index %s of %s has no rule in the catalogue", index, table->name);
      g_assert_cmpstr (found->column, ==, text_at (stmt, 1));
      n_found++;
    }
  sqlite3_finalize (stmt);

  g_assert_cmpuint (n_found, ==, n_rules);
}

/* Each CHECK of the table is a rule, and each value rule is written in the
 * table's SQL as the catalogue says. */
static void
check_rules (DgDatabase           *db,
             const DgCatalogTable *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT sql FROM sqlite_master WHERE name = '%s'", table->name);
  sqlite3_stmt *stmt = query (db, sql);
  g_autofree char *create = NULL;
  guint n_checks = 0;
  guint n_check_rules = 0;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  create = g_strdup (text_at (stmt, 0));
  sqlite3_finalize (stmt);

  {
    g_autoptr(GRegex) check = g_regex_new ("\\bCHECK\\s*\\(", G_REGEX_CASELESS, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;

    for (g_regex_match (check, create, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
      n_checks++;
  }

  for (guint r = 0; r < table->n_rules; r++)
    {
      const DgCatalogRule *rule = &table->rules[r];
      const DgCatalogTable *owner = NULL;
      g_autoptr(GString) expected = g_string_new (NULL);

      g_test_message ("rule %s", rule->name);
      g_assert_true (g_str_has_prefix (rule->name, table->name));
      g_assert_true (dg_catalog_lookup_rule (rule->name, &owner) == rule);
      g_assert_true (owner == table);
      g_assert_nonnull (rule->description);
      if (rule->kind != DG_CATALOG_RULE_CHECK)
        g_assert_nonnull (dg_catalog_table_get_column (table, rule->column));

      switch (rule->kind)
        {
        case DG_CATALOG_RULE_ONE_OF:
          g_string_append_printf (expected, "CHECK (%s IN (", rule->column);
          for (guint v = 0; rule->values[v] != NULL; v++)
            g_string_append_printf (expected, "%s'%s'", v > 0 ? ", " : "", rule->values[v]);
          g_string_append (expected, "))");
          break;

        case DG_CATALOG_RULE_RANGE:
          if (rule->min == 0 && rule->max == 1)
            g_string_append_printf (expected, "CHECK (%s IN (0, 1))", rule->column);
          else
            g_string_append_printf (expected, "CHECK (%s BETWEEN %" G_GINT64_FORMAT " AND %" G_GINT64_FORMAT ")",
                                    rule->column, rule->min, rule->max);
          break;

        case DG_CATALOG_RULE_CHECK:
        case DG_CATALOG_RULE_UNIQUE:
        case DG_CATALOG_RULE_UNIQUE_INDEX:
        default:
          break;
        }

      if (rule->kind != DG_CATALOG_RULE_UNIQUE && rule->kind != DG_CATALOG_RULE_UNIQUE_INDEX)
        n_check_rules++;
      if (expected->len > 0 && strstr (create, expected->str) == NULL)
        g_error ("%s: the schema of %s has no “%s”", rule->name, table->name, expected->str);
    }

  g_assert_cmpuint (n_check_rules, ==, n_checks);
}

static void
test_schema (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(GHashTable) schema = schema_tables (db);
  const DgCatalogTable *tables;
  guint n_tables;

  tables = dg_catalog_get_tables (&n_tables);
  g_assert_cmpuint (n_tables, >, 0);

  for (guint i = 0; i < n_tables; i++)
    {
      const DgCatalogTable *table = &tables[i];
      const char *type = g_hash_table_lookup (schema, table->name);

      g_test_message ("table %s", table->name);
      if (type == NULL)
        g_error ("The table %s is in the catalogue, not in the schema", table->name);
      g_assert_cmpint (g_str_equal (type, "virtual"), ==, (table->flags & DG_CATALOG_TABLE_VIRTUAL) != 0);
      g_assert_true (dg_catalog_lookup (table->name) == table);
      g_assert_nonnull (table->description);

      /* What listeners subscribe to is a table's name. */
      if (table->change_name != NULL)
        g_assert_nonnull (dg_catalog_lookup (table->change_name));
      else
        g_assert_true (table->flags & DG_CATALOG_TABLE_META);

      if (table->id_column != NULL)
        g_assert_cmpint (dg_catalog_table_get_column (table, table->id_column)->kind, ==, DG_CATALOG_COLUMN_ID);
      if (table->uuid_column != NULL)
        {
          g_assert_nonnull (table->id_column);
          g_assert_cmpint (dg_catalog_table_get_column (table, table->uuid_column)->kind, ==,
                           DG_CATALOG_COLUMN_SOURCE);
        }
      if (table->row_source != NULL)
        g_assert_cmpuint (table_index (table->row_source), <, i);
      g_assert_cmpint (table->rebuild != NULL, ==, (table->flags & DG_CATALOG_TABLE_VIRTUAL) != 0);

      check_columns (db, table);
      check_keys (db, table);
      check_unique (db, table);
      check_unique_indexes (db, table);
      check_rules (db, table);

      g_hash_table_remove (schema, table->name);
    }

  if (g_hash_table_size (schema) > 0)
    {
      g_autofree char **names = (char **) g_hash_table_get_keys_as_array (schema, NULL);

      g_error ("The table %s is in the schema, not in the catalogue", names[0]);
    }
}

/* The values the rules allow are the ones the record objects write. */
static void
test_enum_rules (void)
{
  struct {
    const char *rule;
    int         n_values;
    const char *(*to_string) (int value);
    int         first;
  } rules[] = {
    { "interactions.channel", DG_INTERACTION_CHANNEL_OTHER + 1,
      (const char *(*) (int)) dg_interaction_channel_to_string, 0 },
    /* NONE is stored as NULL. */
    { "interactions.feedback", DG_INTERACTION_FEEDBACK_NEGATIVE + 1,
      (const char *(*) (int)) dg_interaction_feedback_to_string, DG_INTERACTION_FEEDBACK_POSITIVE },
    { "followups.status", DG_FOLLOWUP_STATUS_CANCELLED + 1,
      (const char *(*) (int)) dg_followup_status_to_string, 0 },
    { "followups.recurrence", DG_RECURRENCE_MONTHS + 1,
      (const char *(*) (int)) dg_recurrence_unit_to_string, 0 },
  };
  const DgCatalogRule *interval;

  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    {
      const DgCatalogRule *rule = dg_catalog_lookup_rule (rules[r].rule, NULL);
      int v;

      g_assert_nonnull (rule);
      g_assert_cmpint (rule->kind, ==, DG_CATALOG_RULE_ONE_OF);
      for (v = rules[r].first; v < rules[r].n_values; v++)
        g_assert_cmpstr (rule->values[v - rules[r].first], ==, rules[r].to_string (v));
      g_assert_null (rule->values[v - rules[r].first]);
    }

  g_assert_null (dg_interaction_feedback_to_string (DG_INTERACTION_FEEDBACK_NONE));

  interval = dg_catalog_lookup_rule ("followups.recurrence-interval", NULL);
  g_assert_nonnull (interval);
  g_assert_cmpint (interval->max, ==, DG_RECURRENCE_MAX_INTERVAL);
  g_assert_null (dg_catalog_lookup_rule ("followups.no-such-rule", NULL));
}

/* The rule on tag names is the database's: "vip" is "VIP". */
static void
test_unique_rule_holds (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(GError) error = NULL;
  const DgCatalogRule *rule = dg_catalog_lookup_rule ("tags.name-unique", NULL);

  g_assert_nonnull (rule);
  g_assert_true (rule->ignore_case);
  g_assert_true (dg_database_exec (db, "INSERT INTO tags (uuid, name) VALUES ('a', 'VIP')", &error));
  g_assert_no_error (error);
  g_assert_false (dg_database_exec (db, "INSERT INTO tags (uuid, name) VALUES ('b', 'vip')", &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_DATABASE);
}

static void
on_changed (DgDatabase *db,
            const char *table,
            GPtrArray  *heard)
{
  g_assert_true (sqlite3_get_autocommit (dg_database_get_handle (db)));
  g_ptr_array_add (heard, g_strdup (table));
}

static void
test_notify_all (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(GPtrArray) heard = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const DgCatalogTable *tables;
  guint n_tables;

  tables = dg_catalog_get_tables (&n_tables);
  for (guint i = 0; i < n_tables; i++)
    {
      if (tables[i].change_name != NULL
          && !g_ptr_array_find_with_equal_func (expected, tables[i].change_name, g_str_equal, NULL))
        g_ptr_array_add (expected, (gpointer) tables[i].change_name);
    }
  g_assert_cmpuint (expected->len, >=, 4);

  g_signal_connect (db, "changed", G_CALLBACK (on_changed), heard);

  /* Each change name once, at once outside a transaction. */
  dg_database_notify_all (db);
  g_assert_cmpuint (heard->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_true (g_ptr_array_find_with_equal_func (heard, g_ptr_array_index (expected, i), g_str_equal, NULL));

  /* After the commit inside one, and a table already queued only once. */
  g_ptr_array_set_size (heard, 0);
  g_assert_true (dg_database_begin (db, &error));
  dg_database_notify_changed (db, DG_TABLE_CUSTOMERS);
  dg_database_notify_all (db);
  g_assert_cmpuint (heard->len, ==, 0);
  g_assert_true (dg_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (heard->len, ==, expected->len);

  /* Listeners of one table hear it through the detail. */
  {
    g_autoptr(GPtrArray) customers = g_ptr_array_new_with_free_func (g_free);
    gulong handler = g_signal_connect (db, DG_DATABASE_CHANGED (DG_TABLE_CUSTOMERS),
                                       G_CALLBACK (on_changed), customers);

    dg_database_notify_all (db);
    g_assert_cmpuint (customers->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (customers, 0), ==, DG_TABLE_CUSTOMERS);
    g_signal_handler_disconnect (db, handler);
  }
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/schema", test_schema);
  g_test_add_func ("/catalog/enum-rules", test_enum_rules);
  g_test_add_func ("/catalog/unique-rule-holds", test_unique_rule_holds);
  g_test_add_func ("/catalog/notify-all", test_notify_all);

  return g_test_run ();
}
