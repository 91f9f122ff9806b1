/* dg-export-progress.h
 *
 * What the exports (CSV, vCard, iCalendar) tell while they run, so that a
 * window can show how far a long one has come.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @done of @total records are written. Called on the thread the export
 * runs on, every few hundred records and once at the end. */
typedef void (*DgExportProgressFunc) (guint    done,
                                      guint    total,
                                      gpointer user_data);

G_END_DECLS
