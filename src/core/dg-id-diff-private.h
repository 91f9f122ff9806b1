/* dg-id-diff-private.h
 *
 * How one ordered list of ids became another, as a list model tells it: the
 * one stretch of rows that differs, and whether that change is a single row
 * that moved while every other one kept its order.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  /* The stretch, as items-changed takes it. */
  guint position;
  guint removed;
  guint added;
  /* Where the one row that moved was and is now; G_MAXUINT for both when
   * the change is not one such move. */
  guint moved_from;
  guint moved_to;
} DgIdDiff;

/* FALSE when nothing changed. Rows whose ids are in @stale (a set of
 * gint64) count as changed even where they kept their place; a move is
 * looked for only without @stale. */
gboolean dg_id_diff (const GArray *old_ids,
                     const GArray *new_ids,
                     GHashTable   *stale,
                     DgIdDiff     *diff);

G_END_DECLS
