/* dg-row-cache-private.h
 *
 * The row objects of a DgIdList: the pages of rows it built last (a few,
 * most recently used first), and every row object handed out that is
 * still in use somewhere (see dg-live-rows-private.h). Rows are built
 * through the list's class (build_rows, update_row, new_placeholder).
 */
#pragma once

#include "dg-id-list.h"

G_BEGIN_DECLS

typedef struct _DgRowCache DgRowCache;

/* Does not hold @list: the list owns the cache. */
DgRowCache *dg_row_cache_new        (DgIdList      *list);
void        dg_row_cache_free       (DgRowCache    *self);
/* The row at @position of @ids, a new reference, built with its page when
 * not cached. A read that failed sets @error and the row stands in as a
 * placeholder. */
GObject    *dg_row_cache_get        (DgRowCache    *self,
                                     const GArray  *ids,
                                     guint          position,
                                     GError       **error);
/* Forgets the pages; rows in use stay followed. */
void        dg_row_cache_drop_pages (DgRowCache    *self);
/* Builds every row in use again and copies the new values into it.
 * Returns the ids of rows that could not be updated in place, as a set of
 * gint64, or NULL for none: a view must be told to ask for them again. A
 * row deleted meanwhile keeps its last values. */
GHashTable *dg_row_cache_reload     (DgRowCache    *self,
                                     GError       **error);
guint       dg_row_cache_get_n_built (DgRowCache   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgRowCache, dg_row_cache_free)

G_END_DECLS
