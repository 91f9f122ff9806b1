/* dg-customer-snapshot-private.h
 *
 * What the two halves of the snapshot share: dg-customer-snapshot.c reads
 * the rows that go with a record, dg-customer-snapshot-restore.c writes
 * them back.
 */
#pragma once

#include "dg-catalog.h"
#include "dg-customer-snapshot.h"
#include "dg-database-private.h"

G_BEGIN_DECLS

/* One row, column by column as SQLite stored it, so that a column added by
 * a later migration is kept too. */
typedef GPtrArray Row;   /* sqlite3_value * */

/* The rows of one table that went with the customers, and those they
 * referred to that stayed. */
typedef struct
{
  const DgCatalogTable *table;
  GPtrArray            *columns;  /* char *, as read */
  GPtrArray            *owned;    /* Row * */
  GPtrArray            *shared;   /* Row * */
  /* Keys of the rows read, so that a row reached twice is kept once. */
  GHashTable           *seen;
  /* The id_column values of the owned rows (gint64), in the order read
   * and as a set; and the ids of the shared rows. */
  GArray               *owned_ids;
  GHashTable           *owned_set;
  GHashTable           *shared_set;
  /* Built once per restore: the INSERT of every column read, and for each
   * column the table its values refer to (NULL when none). */
  char                 *insert_sql;
  const char          **column_refs;
} TableRows;

struct _DgCustomerSnapshot
{
  GPtrArray *customers;   /* DgCustomer *, in the order asked */
  TableRows *tables;      /* one per catalogue table, in its order */
  guint      n_tables;
  /* A snapshot of another record than customers (a journey): its name,
   * for messages; the rows it refers to (its customers) are not written
   * back when they went meanwhile. */
  char      *root_name;
};

/* The rows of catalogue table @table in @snapshot. */
TableRows *dg_snapshot_find_rows    (DgCustomerSnapshot *snapshot,
                                     const char         *table);
/* Where column @name is in the rows of @rows, or -1. */
int        dg_snapshot_column_index (TableRows          *rows,
                                     const char         *name);

G_END_DECLS
