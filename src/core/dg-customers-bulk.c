/* dg-customers-bulk.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-customers-bulk-private.h"
#include "dg-catalog.h"
#include "dg-customers-private.h"
#include "dg-error.h"
#include "dg-followups-private.h"
#include "dg-interactions-private.h"
#include "dg-record-private.h"
#include "dg-recurrence.h"

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The ids once each, ascending: the order of the tables' keys, so that a
 * large selection writes through the b-trees in one sweep. */
static GArray *
unique_ids (const gint64 *ids,
            guint         n_ids)
{
  GArray *sorted = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  guint kept = 0;

  if (n_ids > 0)
    g_array_append_vals (sorted, ids, n_ids);
  g_array_sort (sorted, compare_ids);

  for (guint i = 0; i < sorted->len; i++)
    {
      gint64 id = g_array_index (sorted, gint64, i);

      if (kept == 0 || g_array_index (sorted, gint64, kept - 1) != id)
        g_array_index (sorted, gint64, kept++) = id;
    }
  g_array_set_size (sorted, kept);

  return sorted;
}

/* Says which action failed for how many, before what went wrong. */
static void
prefix_error (GError       **error,
              DgBulkAction   action,
              guint          n)
{
  g_autofree char *prefix = NULL;

  switch (action)
    {
    case DG_BULK_ACTION_ADD_TAG:
      prefix = g_strdup_printf (ngettext ("The tag could not be added to %u customer; nothing was changed. ",
                                          "The tag could not be added to %u customers; nothing was changed. ", n), n);
      break;
    case DG_BULK_ACTION_REMOVE_TAG:
      prefix = g_strdup_printf (ngettext ("The tag could not be removed from %u customer; nothing was changed. ",
                                          "The tag could not be removed from %u customers; nothing was changed. ", n), n);
      break;
    case DG_BULK_ACTION_ARCHIVE:
      prefix = g_strdup_printf (ngettext ("%u customer could not be archived; nothing was changed. ",
                                          "%u customers could not be archived; nothing was changed. ", n), n);
      break;
    case DG_BULK_ACTION_UNARCHIVE:
      prefix = g_strdup_printf (ngettext ("%u customer could not be unarchived; nothing was changed. ",
                                          "%u customers could not be unarchived; nothing was changed. ", n), n);
      break;
    case DG_BULK_ACTION_DELETE:
      prefix = g_strdup_printf (ngettext ("%u customer could not be deleted; nothing was changed. ",
                                          "%u customers could not be deleted; nothing was changed. ", n), n);
      break;
    case DG_BULK_ACTION_LOG_CONTACT:
      prefix = g_strdup_printf (ngettext ("The contact could not be logged for %u customer; nothing was changed. ",
                                          "The contact could not be logged for %u customers; nothing was changed. ", n), n);
      break;
    case DG_BULK_ACTION_ADD_FOLLOWUP:
      prefix = g_strdup_printf (ngettext ("The follow-up could not be added for %u customer; nothing was changed. ",
                                          "The follow-up could not be added for %u customers; nothing was changed. ", n), n);
      break;
    default:
      g_assert_not_reached ();
    }

  g_prefix_error (error, "%s", prefix);
}

/* Rolls back the action's transaction and explains the failure. */
static DgBulkUndo *
fail (DgDatabase    *db,
      DgBulkAction   action,
      guint          n,
      GError       **error)
{
  dg_database_rollback (db);

  /* Said the same way whichever step found the customer gone. */
  if (error != NULL && g_error_matches (*error, DG_ERROR, DG_ERROR_NOT_FOUND))
    {
      g_clear_error (error);
      g_set_error_literal (error, DG_ERROR, DG_ERROR_NOT_FOUND,
                           _("One of the selected customers no longer exists; it may have been deleted."));
    }
  prefix_error (error, action, n);

  return NULL;
}

/* The transaction could not start: nothing to roll back. */
static DgBulkUndo *
begin_failed (DgBulkAction   action,
              guint          n,
              GError       **error)
{
  prefix_error (error, action, n);

  return NULL;
}

/* Commits, or explains why not. */
static DgBulkUndo *
finish (DgDatabase    *db,
        DgBulkUndo    *undo,
        guint          n,
        GError       **error)
{
  g_autoptr(DgBulkUndo) owned = undo;

  if (!dg_database_commit (db, error))
    {
      prefix_error (error, dg_bulk_undo_get_action (undo), n);
      return NULL;
    }

  return g_steal_pointer (&owned);
}

/* The customer's updated_at; NOT_FOUND when it does not exist. Optionally
 * its archived flag too. */
static gboolean
read_customer (DgDatabase  *db,
               gint64       id,
               char       **out_updated_at,
               gboolean    *out_archived,
               GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  int rc;

  stmt = dg_database_prepare (db, "SELECT updated_at, archived FROM customers WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      /* fail() says which. */
      g_set_error_literal (error, DG_ERROR, DG_ERROR_NOT_FOUND, "");
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return dg_database_set_error (db, error);

  *out_updated_at = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (out_archived != NULL)
    *out_archived = sqlite3_column_int (stmt, 1) != 0;

  return TRUE;
}

/* Links (or unlinks) @tag_id and the customer; TRUE in @out_changed when
 * that changed something. */
static gboolean
change_link (DgDatabase  *db,
             gboolean     add,
             gint64       customer_id,
             gint64       tag_id,
             gboolean    *out_changed,
             GError     **error)
{
  g_auto(DgStatement) stmt = NULL;

  stmt = dg_database_prepare (db,
                              add ? "INSERT OR IGNORE INTO customer_tags (customer_id, tag_id) VALUES (?1, ?2)"
                                  : "DELETE FROM customer_tags WHERE customer_id = ?1 AND tag_id = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int64 (stmt, 2, tag_id);
  if (!dg_database_run (db, stmt, error))
    return FALSE;

  *out_changed = dg_database_changes (db) > 0;

  return TRUE;
}

/* The ids of the tags named @names that exist (removing) or are created
 * when missing (adding). */
static GArray *
resolve_tags (DgDatabase   *db,
              DgBulkUndo   *undo,
              char        **names,
              gboolean      add,
              GError      **error)
{
  g_autoptr(GArray) tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; names[i] != NULL; i++)
    {
      gint64 tag_id = 0;

      if (add)
        {
          gboolean created = FALSE;

          tag_id = dg_customers_ensure_tag (db, names[i], &created, error);
          if (tag_id == 0)
            return NULL;
          if (created)
            dg_bulk_undo_add_created_tag (undo, tag_id);
        }
      else
        {
          g_auto(DgStatement) stmt = NULL;
          int rc;

          stmt = dg_database_prepare (db, "SELECT id FROM tags WHERE name = ?1", error);
          if (stmt == NULL)
            return NULL;

          dg_database_bind_text (stmt, 1, names[i]);
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW)
            tag_id = sqlite3_column_int64 (stmt, 0);
          else if (rc != SQLITE_DONE)
            {
              dg_database_set_error (db, error);
              return NULL;
            }
        }

      if (tag_id != 0)
        g_array_append_val (tag_ids, tag_id);
    }

  return g_steal_pointer (&tag_ids);
}

static DgBulkUndo *
change_tags (DgDatabase    *db,
             const gint64  *ids,
             guint          n_ids,
             const char    *tag,
             gboolean       add,
             GError       **error)
{
  DgBulkAction action = add ? DG_BULK_ACTION_ADD_TAG : DG_BULK_ACTION_REMOVE_TAG;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GArray) unique = NULL;
  g_autoptr(GArray) tag_ids = NULL;
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  names = dg_customers_parse_tag_argument (tag, error);
  if (names == NULL)
    return NULL;

  unique = unique_ids (ids, n_ids);
  undo = dg_bulk_undo_new (db, action);

  if (!dg_database_begin (db, error))
    return begin_failed (action, unique->len, error);

  tag_ids = resolve_tags (db, undo, names, add, error);
  if (tag_ids == NULL)
    return fail (db, action, unique->len, error);

  for (guint i = 0; i < unique->len; i++)
    {
      gint64 id = g_array_index (unique, gint64, i);
      g_autofree char *updated_at = NULL;
      gboolean changed = FALSE;

      if (!read_customer (db, id, &updated_at, NULL, error))
        return fail (db, action, unique->len, error);

      for (guint t = 0; t < tag_ids->len; t++)
        {
          gint64 tag_id = g_array_index (tag_ids, gint64, t);
          gboolean one_changed = FALSE;

          if (!change_link (db, add, id, tag_id, &one_changed, error))
            return fail (db, action, unique->len, error);
          if (one_changed)
            dg_bulk_undo_add_link (undo, id, tag_id);
          changed |= one_changed;
        }

      if (!changed)
        continue;

      if (!dg_customers_refresh_tags_text (db, id, error)
          || !dg_customers_sync_search_row (db, id, error))
        return fail (db, action, unique->len, error);

      dg_bulk_undo_add_customer (undo, id, updated_at);
    }

  if (dg_bulk_undo_get_n_changed (undo) > 0)
    dg_database_notify_changed (db, DG_TABLE_CUSTOMERS);

  return finish (db, g_steal_pointer (&undo), unique->len, error);
}

DgBulkUndo *
dg_customers_bulk_add_tag (DgDatabase    *db,
                           const gint64  *ids,
                           guint          n_ids,
                           const char    *tag,
                           GError       **error)
{
  return change_tags (db, ids, n_ids, tag, TRUE, error);
}

DgBulkUndo *
dg_customers_bulk_remove_tag (DgDatabase    *db,
                              const gint64  *ids,
                              guint          n_ids,
                              const char    *tag,
                              GError       **error)
{
  return change_tags (db, ids, n_ids, tag, FALSE, error);
}

DgBulkUndo *
dg_customers_bulk_set_archived (DgDatabase    *db,
                                const gint64  *ids,
                                guint          n_ids,
                                gboolean       archived,
                                GError       **error)
{
  DgBulkAction action = archived ? DG_BULK_ACTION_ARCHIVE : DG_BULK_ACTION_UNARCHIVE;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GArray) unique = NULL;
  g_autoptr(GDateTime) now = dg_database_now (db);
  g_autofree char *now_text = dg_record_format_time (now);

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  unique = unique_ids (ids, n_ids);
  undo = dg_bulk_undo_new (db, action);

  if (!dg_database_begin (db, error))
    return begin_failed (action, unique->len, error);

  for (guint i = 0; i < unique->len; i++)
    {
      gint64 id = g_array_index (unique, gint64, i);
      g_autofree char *updated_at = NULL;
      g_auto(DgStatement) stmt = NULL;
      gboolean was_archived = FALSE;

      if (!read_customer (db, id, &updated_at, &was_archived, error))
        return fail (db, action, unique->len, error);
      if (was_archived == !!archived)
        continue;

      stmt = dg_database_prepare (db,
                                  "UPDATE customers SET archived = ?2, updated_at = ?3 WHERE id = ?1",
                                  error);
      if (stmt == NULL)
        return fail (db, action, unique->len, error);

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, !!archived);
      dg_database_bind_text (stmt, 3, now_text);
      if (!dg_database_run (db, stmt, error))
        return fail (db, action, unique->len, error);

      dg_bulk_undo_add_customer (undo, id, updated_at);
    }

  if (dg_bulk_undo_get_n_changed (undo) > 0)
    dg_database_notify_changed (db, DG_TABLE_CUSTOMERS);

  return finish (db, g_steal_pointer (&undo), unique->len, error);
}

DgBulkUndo *
dg_customers_bulk_delete (DgDatabase    *db,
                          const gint64  *ids,
                          guint          n_ids,
                          GError       **error)
{
  DgBulkAction action = DG_BULK_ACTION_DELETE;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GArray) unique = NULL;
  gboolean had_interactions = FALSE;
  gboolean had_followups = FALSE;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  unique = unique_ids (ids, n_ids);
  undo = dg_bulk_undo_new (db, action);

  if (!dg_database_begin (db, error))
    return begin_failed (action, unique->len, error);

  for (guint i = 0; i < unique->len; i++)
    {
      gint64 id = g_array_index (unique, gint64, i);
      g_autoptr(DgCustomerSnapshot) snapshot = NULL;
      g_auto(DgStatement) stmt = NULL;

      /* Read inside this transaction, so it holds exactly what goes. */
      snapshot = dg_customers_take_snapshot (db, id, error);
      if (snapshot == NULL)
        return fail (db, action, unique->len, error);

      /* Foreign keys cascade to the customer's tags, search entry, contact
       * log and follow-ups. */
      stmt = dg_database_prepare (db, "DELETE FROM customers WHERE id = ?1", error);
      if (stmt == NULL)
        return fail (db, action, unique->len, error);

      sqlite3_bind_int64 (stmt, 1, id);
      if (!dg_database_run (db, stmt, error))
        return fail (db, action, unique->len, error);

      had_interactions |= dg_customer_snapshot_get_n_interactions (snapshot) > 0;
      had_followups |= dg_customer_snapshot_get_n_followups (snapshot) > 0;
      dg_bulk_undo_add_snapshot (undo, g_steal_pointer (&snapshot));
    }

  if (unique->len > 0)
    dg_database_notify_changed (db, DG_TABLE_CUSTOMERS);
  if (had_interactions)
    dg_database_notify_changed (db, DG_TABLE_INTERACTIONS);
  if (had_followups)
    dg_database_notify_changed (db, DG_TABLE_FOLLOWUPS);

  return finish (db, g_steal_pointer (&undo), unique->len, error);
}

/* Keeps the customer's open keep-in-touch follow-ups as they are, for
 * Undo: a logged contact may move them. */
static gboolean
keep_followups_in_touch (DgDatabase  *db,
                         DgBulkUndo  *undo,
                         gint64       customer_id,
                         GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  int rc;

  stmt = dg_database_prepare (db,
                              "SELECT * FROM followups "
                              "WHERE customer_id = ?1 AND status = 'open' AND keep_in_touch = 1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DgBulkRow *row = dg_bulk_row_new_from_statement (stmt);

      if (row == NULL)
        {
          g_set_error_literal (error, DG_ERROR, DG_ERROR_DATABASE,
                               _("Out of memory while keeping the follow-ups for Undo."));
          return FALSE;
        }
      dg_bulk_undo_add_followup_row (undo, row);
    }

  if (rc != SQLITE_DONE)
    return dg_database_set_error (db, error);

  return TRUE;
}

/* Logs @contacts[i] for customer @ids->data[i], each already checked. */
static DgBulkUndo *
log_contacts (DgDatabase            *db,
              DgClock               *clock,
              GArray                *ids,
              DgInteraction * const *contacts,
              GError               **error)
{
  DgBulkAction action = DG_BULK_ACTION_LOG_CONTACT;
  g_autoptr(DgBulkUndo) undo = dg_bulk_undo_new (db, action);
  g_autoptr(GDateTime) now = NULL;

  if (ids->len == 0)
    return g_steal_pointer (&undo);

  now = dg_clock_get_now_utc (clock);

  if (!dg_database_begin (db, error))
    return begin_failed (action, ids->len, error);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(DgInteraction) row = dg_interaction_copy (contacts[i]);

      dg_interaction_set_id (row, 0);
      dg_interaction_set_uuid (row, "");
      dg_interaction_set_created_at (row, NULL);
      dg_interaction_set_customer_id (row, id);

      if (!keep_followups_in_touch (db, undo, id, error)
          || !dg_interactions_insert_locked (db, clock, row, now, error))
        return fail (db, action, ids->len, error);

      dg_bulk_undo_add_created_row (undo, dg_interaction_get_id (row));
    }

  return finish (db, g_steal_pointer (&undo), ids->len, error);
}

/* Checks @contact as logged for @customer_id. */
static gboolean
check_contact (DgInteraction  *contact,
               gint64          customer_id,
               DgClock        *clock,
               GError        **error)
{
  g_autoptr(DgInteraction) check = dg_interaction_copy (contact);

  dg_interaction_set_customer_id (check, customer_id);

  return dg_interaction_validate (check, clock, error);
}

DgBulkUndo *
dg_customers_bulk_log_contact (DgDatabase     *db,
                               DgClock        *clock,
                               const gint64   *ids,
                               guint           n_ids,
                               DgInteraction  *contact,
                               GError        **error)
{
  g_autoptr(GArray) unique = NULL;
  g_autoptr(GPtrArray) contacts = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (DG_IS_INTERACTION (contact), NULL);

  unique = unique_ids (ids, n_ids);

  /* The entry is the same for all but its customer: check it once. */
  if (unique->len > 0 && !check_contact (contact, g_array_index (unique, gint64, 0), clock, error))
    return NULL;

  contacts = g_ptr_array_sized_new (unique->len);
  for (guint i = 0; i < unique->len; i++)
    g_ptr_array_add (contacts, contact);

  return log_contacts (db, clock, unique, (DgInteraction * const *) contacts->pdata, error);
}

DgBulkUndo *
dg_customers_bulk_log_contacts (DgDatabase            *db,
                                DgClock               *clock,
                                const gint64          *ids,
                                DgInteraction * const *contacts,
                                guint                  n_ids,
                                GError               **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) unique = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (contacts != NULL || n_ids == 0, NULL);

  for (guint i = 0; i < n_ids; i++)
    {
      g_return_val_if_fail (DG_IS_INTERACTION (contacts[i]), NULL);

      if (!g_hash_table_add (seen, (gpointer) &ids[i]))
        continue;
      if (!check_contact (contacts[i], ids[i], clock, error))
        return NULL;
      g_array_append_val (unique, ids[i]);
      g_ptr_array_add (kept, contacts[i]);
    }

  return log_contacts (db, clock, unique, (DgInteraction * const *) kept->pdata, error);
}

DgBulkUndo *
dg_customers_bulk_add_followup (DgDatabase    *db,
                                DgClock       *clock,
                                const gint64  *ids,
                                guint          n_ids,
                                DgFollowup    *followup,
                                GError       **error)
{
  DgBulkAction action = DG_BULK_ACTION_ADD_FOLLOWUP;
  g_auto(DgFollowupsWrite) ctx = { 0 };
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GArray) unique = NULL;
  g_autoptr(DgFollowup) check = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (DG_IS_FOLLOWUP (followup), NULL);

  unique = unique_ids (ids, n_ids);
  undo = dg_bulk_undo_new (db, action);
  if (unique->len == 0)
    return g_steal_pointer (&undo);

  check = dg_followup_copy (followup);
  dg_followup_set_customer_id (check, g_array_index (unique, gint64, 0));
  if (!dg_followup_validate (check, error))
    return NULL;

  if (!dg_followups_begin_write (db, clock, &ctx, error))
    return begin_failed (action, unique->len, error);

  for (guint i = 0; i < unique->len; i++)
    {
      gint64 id = g_array_index (unique, gint64, i);
      g_autoptr(DgFollowup) row = dg_followup_copy (followup);

      /* A new follow-up of its own, not a copy of a stored one. */
      dg_followup_set_id (row, 0);
      dg_followup_set_uuid (row, "");
      dg_followup_set_created_at (row, NULL);
      dg_followup_set_updated_at (row, NULL);
      dg_followup_set_customer_id (row, id);

      if (!dg_followups_insert_locked (db, row, &ctx, error))
        return fail (db, action, unique->len, error);

      dg_bulk_undo_add_created_row (undo, dg_followup_get_id (row));
    }

  return finish (db, g_steal_pointer (&undo), unique->len, error);
}

char *
dg_customers_bulk_date_in_days (DgClock *clock,
                                guint    days)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) then = NULL;
  int year, month, day;
  GDate date;

  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);

  /* Calendar days, so a change to or from daylight time does not move it. */
  now = dg_clock_get_now_local (clock);
  then = g_date_time_add_days (now, days);
  g_date_time_get_ymd (then, &year, &month, &day);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return dg_recurrence_format_date (&date);
}
