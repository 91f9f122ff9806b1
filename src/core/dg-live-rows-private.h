/* dg-live-rows-private.h
 *
 * The row objects a DgIdList has handed out and that something still holds
 * (a view showing the row, a selection), by id. The list hands out the
 * same object again while one lives, and after a change to the data reads
 * each one again and copies what changed into it, so that only the
 * properties that changed notify. The table holds weak references: an
 * object leaves it when its last user lets go.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _DgLiveRows DgLiveRows;

DgLiveRows *dg_live_rows_new    (void);
/* Stops following the objects; whoever holds them keeps them. */
void        dg_live_rows_free   (DgLiveRows  *self);
/* The live object of the row with @id, or NULL; not a new reference. */
GObject    *dg_live_rows_lookup (DgLiveRows  *self,
                                 gint64       id);
/* Follows @row as the row with @id until it is finalized. */
void        dg_live_rows_add    (DgLiveRows  *self,
                                 gint64       id,
                                 GObject     *row);
/* The ids of the rows followed now, in no order. */
GArray     *dg_live_rows_get_ids (DgLiveRows *self);
/* Stops following the row with @id, if it is. */
void        dg_live_rows_forget (DgLiveRows  *self,
                                 gint64       id);

/* Copies into @row what differs in @fresh, the same record as stored now,
 * through its property setters, so that only the properties that changed
 * notify. Returns whether @row now reads the same as @fresh in every
 * readable property; a property without a setter leaves it behind. */
gboolean    dg_live_rows_copy_properties (GObject *row,
                                          GObject *fresh);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgLiveRows, dg_live_rows_free)

G_END_DECLS
