/* dg-catalog.h
 *
 * The table catalogue: one description of every table of a Dangol
 * database, so that what must touch every table (Undo of a delete, backup,
 * restore, import, the listeners of DgDatabase::changed) works from one
 * list and a new table cannot be forgotten by one of them.
 *
 * Each table lists its columns, each one either the row's own id, source
 * data (what a person entered or an action recorded: what a backup holds)
 * or derived (computed from source columns, with the one function that
 * recomputes it); its foreign keys; its uuid column, by which backups and
 * imports refer to a row; the change name its listeners subscribe to (the
 * detail of DgDatabase::changed); and the rules its rows keep that SQLite
 * enforces (unique names, allowed values, ranges), so that a validator can
 * check them by name before anything is written.
 *
 * The tables come in an order where every table follows the tables it
 * refers to: write rows back in this order, delete in the reverse one.
 *
 * Descriptions are for developers, in English; a validator words its own
 * messages for people, and refers to a rule by its name.
 */
#pragma once

#include "dg-database.h"

G_BEGIN_DECLS

#define DG_TABLE_CUSTOMERS       "customers"
#define DG_TABLE_TAGS            "tags"
#define DG_TABLE_CUSTOMER_TAGS   "customer_tags"
#define DG_TABLE_CUSTOMER_SEARCH "customer_search"
#define DG_TABLE_CUSTOMER_FTS    "customer_fts"
#define DG_TABLE_CUSTOMER_PIECES "customer_pieces"
#define DG_TABLE_INTERACTIONS    "interactions"
#define DG_TABLE_FOLLOWUPS       "followups"
#define DG_TABLE_META            "meta"

/* Journeys */
#define DG_TABLE_JOURNEYS             "journeys"
#define DG_TABLE_STAGES               "stages"
#define DG_TABLE_STAGE_RULES          "stage_rules"
#define DG_TABLE_COHORTS              "cohorts"
#define DG_TABLE_ENROLLMENTS          "enrollments"
#define DG_TABLE_STAGE_EVENTS         "stage_events"
#define DG_TABLE_ENROLLMENT_FOLLOWUPS "enrollment_followups"

/* The detailed signal to connect to for changes of a table's change name:
 *   g_signal_connect (db, DG_DATABASE_CHANGED (DG_TABLE_CUSTOMERS), …); */
#define DG_DATABASE_CHANGED(change_name) "changed::" change_name

typedef enum
{
  /* The row's own integer id: local to this file (backups refer to rows
   * by uuid). */
  DG_CATALOG_COLUMN_ID,
  /* What a person entered or an action recorded. */
  DG_CATALOG_COLUMN_SOURCE,
  /* Computed from source columns; never entered, never backed up. */
  DG_CATALOG_COLUMN_DERIVED,
} DgCatalogColumnKind;

/* Writes the value a derived column should hold in one row, computed from
 * the source columns (and the database's meta values) alone. @row_id is the
 * id of a row of the table's row source (see DgCatalogTable). Runs inside
 * the caller's transaction and emits nothing. */
typedef gboolean (*DgCatalogRecomputeFunc) (DgDatabase  *db,
                                            gint64       row_id,
                                            GError     **error);

/* Rebuilds a whole derived table (a full-text index) from its content. */
typedef gboolean (*DgCatalogRebuildFunc)   (DgDatabase  *db,
                                            GError     **error);

typedef struct
{
  const char             *name;
  /* As declared: "INTEGER", "TEXT", or "" for a full-text column. */
  const char             *type;
  /* NULL is not a value of this column. */
  gboolean                not_null;
  DgCatalogColumnKind     kind;
  const char             *description;
  /* DG_CATALOG_COLUMN_DERIVED only; NULL when the table is rebuilt whole. */
  DgCatalogRecomputeFunc  recompute;
} DgCatalogColumn;

typedef enum
{
  /* Deleting the referenced row deletes this one. */
  DG_CATALOG_ON_DELETE_CASCADE,
  DG_CATALOG_ON_DELETE_SET_NULL,
  /* The referenced row cannot be deleted while this one refers to it. */
  DG_CATALOG_ON_DELETE_RESTRICT,
} DgCatalogOnDelete;

typedef struct
{
  const char        *column;
  /* The table referred to, by its id column. */
  const char        *table;
  DgCatalogOnDelete  on_delete;
} DgCatalogForeignKey;

typedef enum
{
  /* No two rows share the column's value (ignoring case when
   * ignore_case). */
  DG_CATALOG_RULE_UNIQUE,
  /* The value is one of @values; NULL too when the column allows it. */
  DG_CATALOG_RULE_ONE_OF,
  /* An integer from @min to @max. */
  DG_CATALOG_RULE_RANGE,
  /* A condition between columns, described in words. */
  DG_CATALOG_RULE_CHECK,
  /* No two rows share the values of the columns of the unique index
   * @index (a CREATE UNIQUE INDEX, partial when it has a WHERE: only the
   * rows it selects count), described in words. */
  DG_CATALOG_RULE_UNIQUE_INDEX,
} DgCatalogRuleKind;

typedef struct
{
  /* "table.what", stable: validators and their messages refer to it. */
  const char         *name;
  DgCatalogRuleKind   kind;
  /* The column the rule is about; NULL for DG_CATALOG_RULE_CHECK; the
   * first column of the index for DG_CATALOG_RULE_UNIQUE_INDEX. */
  const char         *column;
  const char         *description;
  /* DG_CATALOG_RULE_ONE_OF: NULL-terminated. */
  const char * const *values;
  /* DG_CATALOG_RULE_RANGE. */
  gint64              min;
  gint64              max;
  /* DG_CATALOG_RULE_UNIQUE. */
  gboolean            ignore_case;
  /* DG_CATALOG_RULE_UNIQUE_INDEX: the index's name. */
  const char         *index;
} DgCatalogRule;

typedef enum
{
  DG_CATALOG_TABLE_NONE = 0,
  /* Every column is derived: the table is rebuilt, never backed up. */
  DG_CATALOG_TABLE_DERIVED = 1 << 0,
  /* A virtual (full-text) table: SQLite keeps its shadow tables. */
  DG_CATALOG_TABLE_VIRTUAL = 1 << 1,
  /* Values of this database that are not records (settings, the zone
   * keys were computed in): no one's Undo touches them. */
  DG_CATALOG_TABLE_META    = 1 << 2,
} DgCatalogTableFlags;

typedef struct
{
  const char                *name;
  const char                *description;
  DgCatalogTableFlags        flags;
  /* The detail of DgDatabase::changed emitted when its rows change; NULL
   * when no one listens (changes show through the tables they affect). */
  const char                *change_name;
  /* The INTEGER PRIMARY KEY that is the row's own id; NULL when none. */
  const char                *id_column;
  /* NULL when its rows are not referred to from outside the database. */
  const char                *uuid_column;
  /* The table whose row ids the recompute functions of this table's
   * derived columns take: a derived table has one row per row of it.
   * NULL: the table's own rows. */
  const char                *row_source;
  /* DG_CATALOG_TABLE_VIRTUAL: how it is rebuilt from its content. */
  DgCatalogRebuildFunc       rebuild;
  const DgCatalogColumn     *columns;
  guint                      n_columns;
  const DgCatalogForeignKey *foreign_keys;
  guint                      n_foreign_keys;
  const DgCatalogRule       *rules;
  guint                      n_rules;
} DgCatalogTable;

/* Every table, each after the tables it refers to. */
const DgCatalogTable  *dg_catalog_get_tables       (guint                 *n_tables);
/* NULL when @name is not a table of the catalogue. */
const DgCatalogTable  *dg_catalog_lookup           (const char            *name);
const DgCatalogColumn *dg_catalog_table_get_column (const DgCatalogTable  *table,
                                                    const char            *name);
/* The rule named @name ("tags.name-unique"), in whichever table. */
const DgCatalogRule   *dg_catalog_lookup_rule      (const char            *name,
                                                    const DgCatalogTable **out_table);

/* Recomputes the derived @column of every row of @table (or rebuilds a
 * virtual table when @column is NULL), in one transaction. Emits nothing:
 * the caller knows what it means to its listeners. */
gboolean dg_catalog_recompute_column (DgDatabase             *db,
                                      const DgCatalogTable   *table,
                                      const DgCatalogColumn  *column,
                                      GError                **error);
/* Recomputes every derived value of the database in catalogue order (a
 * value derived from another derived one comes after it), in one
 * transaction: what a restore or an import runs once the source rows are
 * written. Emits nothing. */
gboolean dg_catalog_recompute_all    (DgDatabase             *db,
                                      GError                **error);
/* The same inside the caller's open transaction, without a savepoint of
 * its own; on failure the caller rolls back. Under an open savepoint
 * SQLite keeps the first image of every page changed since in its
 * statement journal and walks that journal from its start at the end of
 * every statement, so inside a large transaction (a restore, an import)
 * dg_catalog_recompute_all() grows with the square of the rows: at 100k
 * customers and 1M contacts most of a restore's time went there. */
gboolean dg_catalog_recompute_all_locked (DgDatabase         *db,
                                          GError            **error);

G_END_DECLS
