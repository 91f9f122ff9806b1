/* dg-database.h
 *
 * One Dangol database: a single SQLite file that holds every record. Opening
 * creates the file (and its directory) with private permissions, runs the
 * numbered schema migrations and refuses, without touching the file, a
 * database from a newer Dangol or a file that is not a Dangol database.
 *
 * The object emits ::changed with the name of a table as detail after a
 * transaction that changed it committed, so models can refresh.
 *
 * The database also knows the clock of the context it belongs to (set by
 * DgContext): the created and updated times of the records written
 * through it come from that clock, so that with a DgFakeClock they are
 * the fake clock's time. A function that is given a clock of its own
 * stamps with that one; without any clock the time is the system's.
 */
#pragma once

#include <gio/gio.h>

#include "dg-clock.h"

G_BEGIN_DECLS

#define DG_TYPE_DATABASE (dg_database_get_type ())

G_DECLARE_FINAL_TYPE (DgDatabase, dg_database, DG, DATABASE, GObject)

/* The schema version this build writes (PRAGMA user_version). */
#define DG_DATABASE_SCHEMA_VERSION 8
/* PRAGMA application_id of a Dangol database: "Dang" in ASCII. */
#define DG_DATABASE_APPLICATION_ID 0x44616E67

char       *dg_database_get_default_path   (void);
DgDatabase *dg_database_open               (const char  *path,
                                            GError     **error);
const char *dg_database_get_path           (DgDatabase  *self);
int         dg_database_get_schema_version (DgDatabase  *self);
/* Emits ::changed once for every change name of the table catalogue, at
 * once or after the open transaction commits: for a change so wide (a
 * restore) that every listener must read everything again. */
void        dg_database_notify_all         (DgDatabase  *self);
/* The clock records written through @self are stamped with; NULL (the
 * default): the system time. A DgContext sets its own clock here, so a
 * database shared by two contexts stamps by the one made last. */
void        dg_database_set_clock          (DgDatabase  *self,
                                            DgClock     *clock);
DgClock    *dg_database_get_clock          (DgDatabase  *self);

G_END_DECLS
