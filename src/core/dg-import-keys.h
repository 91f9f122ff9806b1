/* dg-import-keys.h
 *
 * The match keys of the rows an import has read so far ("p:01012345678",
 * "e:kim@example.kr"), each with the row it came from, to find a row that
 * repeats an earlier one of the same file. A hash table in memory grew
 * with the file (about 100 bytes a row); the keys go instead to a private
 * temporary SQLite database on disk, whose page cache bounds the memory
 * and which SQLite deletes when it is closed. It is a connection of its
 * own, not a TEMP table of the customers' database, whose temp_store is
 * MEMORY.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DgImportKeys DgImportKeys;

DgImportKeys *dg_import_keys_new    (GError        **error);
void          dg_import_keys_free   (DgImportKeys   *self);
/* Whether @key was added; @out_row (may be NULL) receives its row. */
gboolean      dg_import_keys_lookup (DgImportKeys   *self,
                                     const char     *key,
                                     gboolean       *out_found,
                                     guint          *out_row,
                                     GError        **error);
/* Adds @key for @row, or gives it @row when it was added before. */
gboolean      dg_import_keys_add    (DgImportKeys   *self,
                                     const char     *key,
                                     guint           row,
                                     GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgImportKeys, dg_import_keys_free)

G_END_DECLS
