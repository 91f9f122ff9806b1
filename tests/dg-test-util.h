/* dg-test-util.h
 *
 * Helpers every test shares: a private temporary directory that is removed
 * at exit, and a fresh database inside it.
 */
#pragma once

#include "dg-core.h"

G_BEGIN_DECLS

/* A new empty directory, removed with its contents when the test ends. */
const char *dg_test_tempdir          (void);
/* A path inside a new temporary directory; the file does not exist yet. */
char       *dg_test_temp_path        (const char *basename);
/* A newly created database in a temporary directory. */
DgDatabase *dg_test_open_database    (void);
/* The whole content of @path, or NULL when it does not exist. */
GBytes     *dg_test_read_file        (const char *path);
/* Selects the language named by DANGOL_TEST_LANG and binds the text domain to
 * the build tree's translations. Call first in main(). */
void        dg_test_init_i18n        (void);

G_END_DECLS
