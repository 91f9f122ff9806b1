/* dg-id-diff.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <string.h>

#include "dg-id-diff-private.h"

/* Whether the stretch [@start, @end) of @old_ids became @new_ids by one row
 * moving from one end of it to the other, as an edit that changes a
 * customer's place in the order does. */
static void
find_move (const GArray *old_ids,
           const GArray *new_ids,
           guint         start,
           guint         end,
           DgIdDiff     *diff)
{
  const gint64 *before;
  const gint64 *after;
  gsize n = end - start;

  if (n < 2 || old_ids->len != new_ids->len)
    return;

  before = (const gint64 *) (gpointer) old_ids->data;
  after = (const gint64 *) (gpointer) new_ids->data;

  if (before[start] == after[end - 1] &&
      memcmp (before + start + 1, after + start, (n - 1) * sizeof (gint64)) == 0)
    {
      diff->moved_from = start;
      diff->moved_to = end - 1;
    }
  else if (before[end - 1] == after[start] &&
           memcmp (before + start, after + start + 1, (n - 1) * sizeof (gint64)) == 0)
    {
      diff->moved_from = end - 1;
      diff->moved_to = start;
    }
}

gboolean
dg_id_diff (const GArray *old_ids,
            const GArray *new_ids,
            GHashTable   *stale,
            DgIdDiff     *diff)
{
  guint old_len = old_ids->len;
  guint new_len = new_ids->len;
  guint prefix, suffix, start, tail;
  gboolean same_ids;

  diff->moved_from = G_MAXUINT;
  diff->moved_to = G_MAXUINT;

  for (prefix = 0; prefix < old_len && prefix < new_len; prefix++)
    if (g_array_index (old_ids, gint64, prefix) != g_array_index (new_ids, gint64, prefix))
      break;

  for (suffix = 0; suffix < old_len - prefix && suffix < new_len - prefix; suffix++)
    if (g_array_index (old_ids, gint64, old_len - 1 - suffix) != g_array_index (new_ids, gint64, new_len - 1 - suffix))
      break;

  same_ids = prefix == old_len && prefix == new_len;

  /* The stretch that changed is every row but the first @start and the
   * last @tail; with the same ids, it starts out empty. A stale row widens
   * it, so a view asks for a new one. */
  start = prefix;
  tail = same_ids ? new_len : suffix;

  if (stale != NULL)
    {
      for (guint pos = 0; pos < new_len; pos++)
        {
          if (pos >= prefix && pos < new_len - suffix)
            continue;
          if (!g_hash_table_contains (stale, &g_array_index (new_ids, gint64, pos)))
            continue;

          start = MIN (start, pos);
          tail = MIN (tail, new_len - 1 - pos);
        }
    }

  if (same_ids && start == new_len)
    return FALSE;

  if (stale == NULL)
    find_move (old_ids, new_ids, start, old_len - tail, diff);

  diff->position = start;
  diff->removed = old_len - tail - start;
  diff->added = new_len - tail - start;

  return TRUE;
}
