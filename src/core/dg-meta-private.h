/* dg-meta-private.h
 *
 * The meta table: values of a database that are not records, such as the
 * reminder lead time and the time zone its all-day keys were computed in.
 * Both functions run inside the caller's transaction, if any.
 */
#pragma once

#include "dg-database-private.h"

G_BEGIN_DECLS

/* Sets *@out_value to the stored text (free it), or NULL when unset. */
gboolean dg_meta_get (DgDatabase  *db,
                      const char  *name,
                      char       **out_value,
                      GError     **error);
gboolean dg_meta_set (DgDatabase  *db,
                      const char  *name,
                      const char  *value,
                      GError     **error);

G_END_DECLS
