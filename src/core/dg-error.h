/* dg-error.h
 *
 * The error domain of Dangol's core. Every function that can fail takes a
 * GError and fills it with one of these codes and a translated message that
 * says what was wrong and where, in words a user can act on.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DG_ERROR (dg_error_quark ())

typedef enum
{
  DG_ERROR_FAILED,
  /* A field of a record does not hold an acceptable value. */
  DG_ERROR_INVALID_FIELD,
  DG_ERROR_NOT_FOUND,
  /* The database was written by a newer Dangol. */
  DG_ERROR_DATABASE_TOO_NEW,
  /* The file is not a Dangol database (another app's, or not SQLite at all). */
  DG_ERROR_NOT_A_DANGOL_DATABASE,
  /* The path cannot be read, written or created. */
  DG_ERROR_DATABASE_ACCESS,
  /* SQLite reported an error while working on an open database. */
  DG_ERROR_DATABASE,
  DG_ERROR_INVALID_BACKUP,
  /* A file to import cannot be read as what it claims to be (its
   * encoding, its size, a record that never ends, a broken card). */
  DG_ERROR_INVALID_IMPORT,
  /* The file to import changed between its preview and the import: a
   * race, not a bad file; previewing it again is enough. */
  DG_ERROR_IMPORT_FILE_CHANGED,
} DgError;

GQuark dg_error_quark (void);

G_END_DECLS
