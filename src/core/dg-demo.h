/* dg-demo.h
 *
 * The demo data Dangol ships in its seeds folder (seeds/README.md): a
 * backup of a made-up business in Korean (demo-ko.json) and in English
 * (demo-en.json), offered while a database holds no customers, so that a
 * new user can look around a working board before typing in their own.
 */
#pragma once

#include <gio/gio.h>

#include "dg-backup.h"
#include "dg-clock.h"
#include "dg-database.h"

G_BEGIN_DECLS

/* The demo file in @dir (NULL: dg_journey_templates_get_dir()) for the
 * first of @languages (NULL: g_get_language_names()) it is written in,
 * else the English one. NULL with DG_ERROR_NOT_FOUND when there is none. */
char     *dg_demo_find_file (const char          *dir,
                             const char * const  *languages,
                             GError             **error);

/* Replaces what @db holds with the demo data of @path (NULL:
 * dg_demo_find_file (NULL, NULL)), every date moved by whole days so
 * that its "today" is today by @clock (NULL: the system clock), whose
 * zone the local times are computed in. Refused (DG_ERROR_FAILED) when @db holds a
 * customer; when it holds anything else (journeys made before adding
 * anyone), that is first copied aside and *@out_safety_copy (may be NULL)
 * set to where; else it is NULL. @out_counts (may be NULL) receives what
 * was loaded. */
gboolean  dg_demo_load      (DgDatabase          *db,
                             DgClock             *clock,
                             const char          *path,
                             DgBackupCounts      *out_counts,
                             char               **out_safety_copy,
                             GCancellable        *cancellable,
                             GError             **error);

G_END_DECLS
