/* dg-customers-bulk-private.h
 *
 * What a bulk action records for its Undo while it writes, shared by the
 * actions (dg-customers-bulk.c) and the undo (dg-customers-bulk-undo.c).
 */
#pragma once

#include "dg-customer-snapshot.h"
#include "dg-customers-bulk.h"
#include "dg-database-private.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 customer_id;
  gint64 tag_id;
} DgBulkLink;

/* A row as stored, column by column, to be written back over its id. */
typedef struct
{
  GPtrArray *columns;   /* char * */
  GPtrArray *values;    /* sqlite3_value * */
} DgBulkRow;

DgBulkUndo *dg_bulk_undo_new               (DgDatabase    *db,
                                            DgBulkAction   action);
/* A customer the action changed, with its updated_at before. */
void        dg_bulk_undo_add_customer      (DgBulkUndo    *self,
                                            gint64         id,
                                            const char    *updated_at);
/* A tag linked (add) or unlinked (remove). */
void        dg_bulk_undo_add_link          (DgBulkUndo    *self,
                                            gint64         customer_id,
                                            gint64         tag_id);
/* A tag the action created. */
void        dg_bulk_undo_add_created_tag   (DgBulkUndo    *self,
                                            gint64         tag_id);
/* A contact or follow-up the action created. */
void        dg_bulk_undo_add_created_row   (DgBulkUndo    *self,
                                            gint64         id);
/* A follow-up as it was before the action may have moved it. */
void        dg_bulk_undo_add_followup_row  (DgBulkUndo    *self,
                                            DgBulkRow     *row);
/* A row of @table (a catalogue table with an id column, named by its
 * DG_TABLE_ constant) the action created: Undo deletes it. Rows are
 * deleted in the reverse order they were added. */
void        dg_bulk_undo_add_created_in    (DgBulkUndo    *self,
                                            const char    *table,
                                            gint64         id);
/* Whether row @id of @table was recorded as created. */
gboolean    dg_bulk_undo_has_created_in    (DgBulkUndo    *self,
                                            const char    *table,
                                            gint64         id);
/* How many spans of consecutive ids the rows created take. */
guint       dg_bulk_undo_get_n_created_spans (DgBulkUndo  *self);
/* A row of @table as it was before the action changed it (every column,
 * with its id): Undo writes it back over its id. Takes @row. */
void        dg_bulk_undo_add_row_in        (DgBulkUndo    *self,
                                            const char    *table,
                                            DgBulkRow     *row);
/* One more record changed, for dg_bulk_undo_get_n_changed() of the
 * actions that record rows with the two functions above. */
void        dg_bulk_undo_count_changed     (DgBulkUndo    *self);
/* A deleted customer; takes @snapshot. */
void        dg_bulk_undo_add_snapshot      (DgBulkUndo    *self,
                                            DgCustomerSnapshot *snapshot);

/* The row @stmt is on, copied. NULL when out of memory. */
DgBulkRow  *dg_bulk_row_new_from_statement (sqlite3_stmt  *stmt);
void        dg_bulk_row_free               (DgBulkRow     *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgBulkRow, dg_bulk_row_free)

G_END_DECLS
