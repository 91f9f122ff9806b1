/* dg-interactions.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-catalog.h"
#include "dg-customers-private.h"
#include "dg-error.h"
#include "dg-followups-private.h"
#include "dg-interactions-private.h"
#include "dg-record-private.h"

#define SECONDS_PER_DAY 86400

#define SELECT_INTERACTION                                                    \
  "SELECT id, uuid, customer_id, occurred_at, channel, summary, feedback, "   \
  "  created_at FROM interactions "

static void
set_not_found (GError **error)
{
  g_set_error_literal (error, DG_ERROR, DG_ERROR_NOT_FOUND,
                       _("This contact entry no longer exists; it may have been deleted."));
}

static gboolean
rollback (DgDatabase *db)
{
  dg_database_rollback (db);

  return FALSE;
}

static DgInteraction *
interaction_from_row (sqlite3_stmt *stmt)
{
  DgInteraction *interaction = dg_interaction_new ();
  g_autoptr(GDateTime) occurred_at = dg_record_parse_time ((const char *) sqlite3_column_text (stmt, 3));
  g_autoptr(GDateTime) created_at = dg_record_parse_time ((const char *) sqlite3_column_text (stmt, 7));
  DgInteractionChannel channel = DG_INTERACTION_CHANNEL_OTHER;
  DgInteractionFeedback feedback = DG_INTERACTION_FEEDBACK_NONE;

  dg_interaction_channel_from_string ((const char *) sqlite3_column_text (stmt, 4), &channel);
  dg_interaction_feedback_from_string ((const char *) sqlite3_column_text (stmt, 6), &feedback);

  dg_interaction_set_id (interaction, sqlite3_column_int64 (stmt, 0));
  dg_interaction_set_uuid (interaction, (const char *) sqlite3_column_text (stmt, 1));
  dg_interaction_set_customer_id (interaction, sqlite3_column_int64 (stmt, 2));
  dg_interaction_set_occurred_at (interaction, occurred_at);
  dg_interaction_set_channel (interaction, channel);
  dg_interaction_set_summary (interaction, (const char *) sqlite3_column_text (stmt, 5));
  dg_interaction_set_feedback (interaction, feedback);
  dg_interaction_set_created_at (interaction, created_at);

  return interaction;
}

/* The stored last contact of a customer, as text; NULL when never. */
static gboolean
read_last_contact (DgDatabase  *db,
                   gint64       customer_id,
                   char       **out_text,
                   GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  int rc;

  stmt = dg_database_prepare (db, "SELECT last_contact_at FROM customers WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return dg_database_set_error (db, error);

  *out_text = rc == SQLITE_ROW ? g_strdup ((const char *) sqlite3_column_text (stmt, 0)) : NULL;

  return TRUE;
}

/* What a change to the log of @customer_id (whose last contact was
 * @before) does beyond the row: keep-in-touch follow-ups follow the last
 * contact, and the customer list hears of a new one. */
static gboolean
after_change (DgDatabase  *db,
              DgClock     *clock,
              gint64       customer_id,
              const char  *before,
              GError     **error)
{
  g_autofree char *after = NULL;

  if (!read_last_contact (db, customer_id, &after, error)
      || !dg_followups_follow_contact (db, clock, customer_id, error))
    return FALSE;

  if (g_strcmp0 (before, after) != 0)
    dg_database_notify_changed (db, DG_TABLE_CUSTOMERS);

  return TRUE;
}


static gboolean
read_customer_of (DgDatabase  *db,
                  gint64       id,
                  gint64      *out_customer_id,
                  GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  int rc;

  stmt = dg_database_prepare (db, "SELECT customer_id FROM interactions WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      set_not_found (error);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return dg_database_set_error (db, error);

  *out_customer_id = sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

/* Binds the fields shared by insert and update, ?3 to ?7. */
static void
bind_fields (sqlite3_stmt  *stmt,
             DgInteraction *interaction)
{
  g_autofree char *occurred_text = dg_record_format_time (dg_interaction_get_occurred_at (interaction));

  sqlite3_bind_int64 (stmt, 3, dg_interaction_get_customer_id (interaction));
  dg_database_bind_text (stmt, 4, occurred_text);
  dg_database_bind_text (stmt, 5, dg_interaction_channel_to_string (dg_interaction_get_channel (interaction)));
  dg_database_bind_text (stmt, 6, dg_interaction_get_summary (interaction));
  dg_database_bind_text (stmt, 7, dg_interaction_feedback_to_string (dg_interaction_get_feedback (interaction)));
}

gboolean
dg_interactions_insert_locked (DgDatabase     *db,
                               DgClock        *clock,
                               DgInteraction  *interaction,
                               GDateTime      *now,
                               GError        **error)
{
  g_auto(DgStatement) stmt = NULL;
  g_autoptr(GDateTime) created_at = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *before = NULL;
  gint64 customer_id;
  gint64 wanted_id;
  gint64 id;

  created_at = dg_interaction_get_created_at (interaction)
               ? g_date_time_ref (dg_interaction_get_created_at (interaction))
               : g_date_time_ref (now);
  uuid = *dg_interaction_get_uuid (interaction) != '\0'
         ? g_strdup (dg_interaction_get_uuid (interaction))
         : g_uuid_string_random ();
  customer_id = dg_interaction_get_customer_id (interaction);

  if (!dg_customers_require (db, customer_id, error)
      || !read_last_contact (db, customer_id, &before, error))
    return FALSE;

  /* Brought back by Undo: its old id when that is free. */
  wanted_id = dg_interaction_get_id (interaction);
  if (wanted_id > 0)
    {
      gint64 holder = 0;
      g_autoptr(GError) local_error = NULL;

      if (read_customer_of (db, wanted_id, &holder, &local_error))
        wanted_id = 0;
      else if (!g_error_matches (local_error, DG_ERROR, DG_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  stmt = dg_database_prepare (db,
                              "INSERT INTO interactions (id, uuid, customer_id, occurred_at, "
                              "  channel, summary, feedback, created_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                              error);
  if (stmt == NULL)
    return FALSE;

  if (wanted_id > 0)
    sqlite3_bind_int64 (stmt, 1, wanted_id);
  else
    sqlite3_bind_null (stmt, 1);
  dg_database_bind_text (stmt, 2, uuid);
  bind_fields (stmt, interaction);
  {
    g_autofree char *created_text = dg_record_format_time (created_at);

    dg_database_bind_text (stmt, 8, created_text);
  }

  if (!dg_database_run (db, stmt, error))
    return FALSE;

  id = sqlite3_last_insert_rowid (dg_database_get_handle (db));

  if (!after_change (db, clock, customer_id, before, error))
    return FALSE;

  dg_database_notify_changed (db, DG_TABLE_INTERACTIONS);

  g_object_freeze_notify (G_OBJECT (interaction));
  dg_interaction_set_id (interaction, id);
  dg_interaction_set_uuid (interaction, uuid);
  dg_interaction_set_created_at (interaction, created_at);
  g_object_thaw_notify (G_OBJECT (interaction));

  return TRUE;
}

gboolean
dg_interactions_insert (DgDatabase     *db,
                        DgClock        *clock,
                        DgInteraction  *interaction,
                        GError        **error)
{
  g_autoptr(DgInteraction) row = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DG_IS_CLOCK (clock), FALSE);
  g_return_val_if_fail (DG_IS_INTERACTION (interaction), FALSE);

  if (!dg_interaction_validate (interaction, clock, error))
    return FALSE;

  now = dg_clock_get_now_utc (clock);

  if (!dg_database_begin (db, error))
    return FALSE;

  /* Written through a copy, so that a failed commit leaves the caller's
   * entry as it was. */
  row = dg_interaction_copy (interaction);
  if (!dg_interactions_insert_locked (db, clock, row, now, error))
    return rollback (db);

  if (!dg_database_commit (db, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (interaction));
  dg_interaction_set_id (interaction, dg_interaction_get_id (row));
  dg_interaction_set_uuid (interaction, dg_interaction_get_uuid (row));
  dg_interaction_set_created_at (interaction, dg_interaction_get_created_at (row));
  g_object_thaw_notify (G_OBJECT (interaction));

  return TRUE;
}

gboolean
dg_interactions_update (DgDatabase     *db,
                        DgClock        *clock,
                        DgInteraction  *interaction,
                        GError        **error)
{
  g_auto(DgStatement) stmt = NULL;
  g_autofree char *before_old = NULL;
  g_autofree char *before_new = NULL;
  gint64 old_customer_id = 0;
  gint64 customer_id;
  gint64 id;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DG_IS_CLOCK (clock), FALSE);
  g_return_val_if_fail (DG_IS_INTERACTION (interaction), FALSE);

  if (!dg_interaction_validate (interaction, clock, error))
    return FALSE;

  id = dg_interaction_get_id (interaction);
  customer_id = dg_interaction_get_customer_id (interaction);
  if (id <= 0)
    {
      set_not_found (error);
      return FALSE;
    }

  if (!dg_database_begin (db, error))
    return FALSE;

  if (!read_customer_of (db, id, &old_customer_id, error)
      || !dg_customers_require (db, customer_id, error)
      || !read_last_contact (db, old_customer_id, &before_old, error)
      || !read_last_contact (db, customer_id, &before_new, error))
    return rollback (db);

  /* The uuid and created time stay as stored. */
  stmt = dg_database_prepare (db,
                              "UPDATE interactions SET customer_id = ?3, occurred_at = ?4, "
                              "  channel = ?5, summary = ?6, feedback = ?7 "
                              "WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return rollback (db);

  sqlite3_bind_int64 (stmt, 1, id);
  bind_fields (stmt, interaction);

  if (!dg_database_run (db, stmt, error)
      || !after_change (db, clock, customer_id, before_new, error)
      || (old_customer_id != customer_id
          && !after_change (db, clock, old_customer_id, before_old, error)))
    return rollback (db);

  dg_database_notify_changed (db, DG_TABLE_INTERACTIONS);

  return dg_database_commit (db, error);
}

gboolean
dg_interactions_delete (DgDatabase  *db,
                        DgClock     *clock,
                        gint64       id,
                        GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  g_autofree char *before = NULL;
  gint64 customer_id = 0;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DG_IS_CLOCK (clock), FALSE);

  if (!dg_database_begin (db, error))
    return FALSE;

  if (!read_customer_of (db, id, &customer_id, error)
      || !read_last_contact (db, customer_id, &before, error))
    return rollback (db);

  stmt = dg_database_prepare (db, "DELETE FROM interactions WHERE id = ?1", error);
  if (stmt == NULL)
    return rollback (db);

  sqlite3_bind_int64 (stmt, 1, id);
  if (!dg_database_run (db, stmt, error)
      || !after_change (db, clock, customer_id, before, error))
    return rollback (db);

  dg_database_notify_changed (db, DG_TABLE_INTERACTIONS);

  return dg_database_commit (db, error);
}

DgInteraction *
dg_interactions_get (DgDatabase  *db,
                     gint64       id,
                     GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  stmt = dg_database_prepare (db, SELECT_INTERACTION "WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return interaction_from_row (stmt);

  if (rc == SQLITE_DONE)
    set_not_found (error);
  else
    dg_database_set_error (db, error);

  return NULL;
}

GPtrArray *
dg_interactions_list_for_customer (DgDatabase  *db,
                                   gint64       customer_id,
                                   guint        limit,
                                   GError     **error)
{
  g_autoptr(GPtrArray) interactions = NULL;
  g_auto(DgStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  stmt = dg_database_prepare (db,
                              SELECT_INTERACTION
                              "WHERE customer_id = ?1 "
                              "ORDER BY occurred_at DESC, id DESC LIMIT ?2",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);

  interactions = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (interactions, interaction_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      dg_database_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&interactions);
}

GDateTime *
dg_interactions_get_last_contact (DgDatabase  *db,
                                  gint64       customer_id,
                                  GError     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  if (!read_last_contact (db, customer_id, &text, error))
    return NULL;

  return dg_record_parse_time (text);
}

/* The instant before which a customer's last contact (or, never
 * contacted, its creation) makes it cold. */
static char *
cold_cutoff (DgClock *clock,
             guint    days)
{
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (clock);
  g_autoptr(GDateTime) cutoff = g_date_time_add_seconds (now, -(gdouble) days * SECONDS_PER_DAY);

  return dg_record_format_time (cutoff ? cutoff : now);
}

#define COLD_WHERE                                                            \
  "FROM customers WHERE archived = 0 "                                        \
  "  AND coalesce (last_contact_at, created_at) < ?1 "

GPtrArray *
dg_interactions_list_going_cold (DgDatabase  *db,
                                 DgClock     *clock,
                                 guint        days,
                                 guint        limit,
                                 GError     **error)
{
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *cutoff = NULL;
  int rc;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);

  cutoff = cold_cutoff (clock, days);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  {
    g_auto(DgStatement) stmt = NULL;

    stmt = dg_database_prepare (db,
                                "SELECT id " COLD_WHERE
                                "ORDER BY coalesce (last_contact_at, created_at), id LIMIT ?2",
                                error);
    if (stmt == NULL)
      return NULL;

    sqlite3_bind_text (stmt, 1, cutoff, -1, SQLITE_STATIC);
    sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);

        g_array_append_val (ids, id);
      }

    if (rc != SQLITE_DONE)
      {
        dg_database_set_error (db, error);
        return NULL;
      }
  }

  customers = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ids->len; i++)
    {
      DgCustomer *customer = dg_customers_get (db, g_array_index (ids, gint64, i), error);

      if (customer == NULL)
        return NULL;
      g_ptr_array_add (customers, customer);
    }

  return g_steal_pointer (&customers);
}

gint64
dg_interactions_count_going_cold (DgDatabase  *db,
                                  DgClock     *clock,
                                  guint        days,
                                  guint        limit,
                                  GError     **error)
{
  g_auto(DgStatement) stmt = NULL;
  g_autofree char *cutoff = NULL;
  gint64 count = 0;
  int rc;

  g_return_val_if_fail (DG_IS_DATABASE (db), -1);
  g_return_val_if_fail (DG_IS_CLOCK (clock), -1);

  cutoff = cold_cutoff (clock, days);

  /* Counting a million cold customers walks a million index entries;
   * with a limit it stops early, so that the Today page can say "999+"
   * before its first frame at any size. The rows are counted here, as
   * they are stepped: count(*) over a limited subquery would be the same
   * work with a scan of the subquery added. */
  stmt = dg_database_prepare (db, "SELECT 1 " COLD_WHERE "LIMIT ?2", error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, cutoff, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    count++;

  if (rc != SQLITE_DONE)
    {
      dg_database_set_error (db, error);
      return -1;
    }

  return count;
}
