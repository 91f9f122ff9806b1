/* dg-database-file-private.h
 *
 * What a database file is before a connection opens it: the folder and
 * the file made to exist with private modes, and the inspection of an
 * existing file that decides, without changing it or creating anything
 * beside it, whether Dangol may open it (a Dangol database of this version
 * or older, or an empty file) or must refuse it (a newer Dangol's, another
 * program's, not SQLite at all).
 */
#pragma once

#include <sqlite3.h>

#include <glib.h>

G_BEGIN_DECLS

/* Makes sure the folder and the file exist, creating them private (0700,
 * 0600). Sets @out_created when the file is new. */
gboolean dg_database_file_prepare       (const char  *path,
                                         const char  *display_path,
                                         gboolean    *out_created,
                                         GError     **error);
/* Looks at an existing file without changing it or creating anything
 * beside it; sets @out_version to the schema version found (0 for an empty
 * database), or refuses it with DG_ERROR_NOT_A_DANGOL_DATABASE,
 * DG_ERROR_DATABASE_TOO_NEW or DG_ERROR_DATABASE_ACCESS. */
gboolean dg_database_file_inspect       (const char  *path,
                                         const char  *display_path,
                                         int         *out_version,
                                         GError     **error);
/* Takes group and other access away from a database file that is ours and
 * from its -wal and -shm (whatever made them: touch, sqlite3, cp), and from
 * the folder when it is Dangol's default one; a folder the user chose is
 * theirs. */
void     dg_database_file_make_private  (const char  *path);

/* The error of a failed open or check of the file, by SQLite's @code.
 * Every one of these leaves the file as it was. */
void     dg_database_file_set_error     (GError     **error,
                                         const char  *display_path,
                                         int          code,
                                         const char  *message);
void     dg_database_file_set_too_new   (GError     **error,
                                         const char  *display_path,
                                         int          version);
/* Whether SQLite's @code says the file or its folder may not be used. */
gboolean dg_database_file_is_access_error (int        code);
/* Runs @sql, which answers one integer, on @handle. */
gboolean dg_database_query_int          (sqlite3     *handle,
                                         const char  *sql,
                                         int         *out_value);

G_END_DECLS
