/* dg-id-set.h
 *
 * A set of record ids, such as the customers selected in a list: adding
 * every id of a list of a million costs a hash table and no allocation per
 * id where a pointer holds 64 bits.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DgIdSet DgIdSet;

DgIdSet  *dg_id_set_new      (void);
void      dg_id_set_free     (DgIdSet      *self);
guint     dg_id_set_size     (DgIdSet      *self);
gboolean  dg_id_set_contains (DgIdSet      *self,
                              gint64        id);
/* Returns whether @id was not in the set. */
gboolean  dg_id_set_add      (DgIdSet      *self,
                              gint64        id);
/* Returns whether @id was in the set. */
gboolean  dg_id_set_remove   (DgIdSet      *self,
                              gint64        id);
void      dg_id_set_clear    (DgIdSet      *self);
/* Keeps only the ids that are among @ids; returns whether any went. */
gboolean  dg_id_set_retain   (DgIdSet      *self,
                              const gint64 *ids,
                              guint         n_ids);
/* The ids, in no order. */
GArray   *dg_id_set_to_array (DgIdSet      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgIdSet, dg_id_set_free)

G_END_DECLS
