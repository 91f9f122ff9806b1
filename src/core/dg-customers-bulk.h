/* dg-customers-bulk.h
 *
 * Acting on many customers at once: after a lecture the owner selects the
 * attendees and tags them, logs the thank-you message for all of them,
 * schedules the next invitation for each, archives or deletes them, or
 * copies their phone numbers for an SMS service.
 *
 * The customers are given as an array of ids (a GArray of gint64 from a
 * selection passes as (gint64 *) array->data, array->len); an id given
 * twice counts once. Each action is one transaction: when one customer
 * fails (it was deleted meanwhile, a constraint refuses a row), nothing is
 * written and the GError says what failed. Each write goes through the
 * same code a single customer's does, so the values derived from it (tag
 * text and search entry, last contact, due keys and reminder times) stay
 * right. DgDatabase::changed is emitted once per table, after the commit.
 *
 * Each action returns a DgBulkUndo that reverses exactly what it did, in
 * one transaction: a tag is removed again only where it was added, only
 * the customers it archived are unarchived, only the contacts and
 * follow-ups it created are deleted, and deleted customers come back with
 * their whole history.
 */
#pragma once

#include "dg-clock.h"
#include "dg-database.h"
#include "dg-followup.h"
#include "dg-interaction.h"

G_BEGIN_DECLS

typedef enum
{
  DG_BULK_ACTION_ADD_TAG,
  DG_BULK_ACTION_REMOVE_TAG,
  DG_BULK_ACTION_ARCHIVE,
  DG_BULK_ACTION_UNARCHIVE,
  DG_BULK_ACTION_DELETE,
  DG_BULK_ACTION_LOG_CONTACT,
  DG_BULK_ACTION_ADD_FOLLOWUP,
  /* Journeys (dg-enrollments.h): customers enrolled, moved to another
   * stage, marked completed or dropped. */
  DG_BULK_ACTION_ENROLL,
  DG_BULK_ACTION_MOVE_STAGE,
  DG_BULK_ACTION_COMPLETE_ENROLLMENT,
  DG_BULK_ACTION_DROP_ENROLLMENT,
  /* A stage removed, its customers moved to another (dg-stages.h). */
  DG_BULK_ACTION_DELETE_STAGE,
  /* Customers added and updated by an import (dg-import-csv.h). */
  DG_BULK_ACTION_IMPORT,
} DgBulkAction;

#define DG_TYPE_BULK_UNDO (dg_bulk_undo_get_type ())

G_DECLARE_FINAL_TYPE (DgBulkUndo, dg_bulk_undo, DG, BULK_UNDO, GObject)

/* What the action was. */
DgBulkAction dg_bulk_undo_get_action     (DgBulkUndo     *self);
/* How many customers the action changed (those that already had the tag,
 * were already archived… are not counted), or deleted, or how many
 * contacts or follow-ups it created, or how many enrollments it created
 * or changed. */
guint        dg_bulk_undo_get_n_changed  (DgBulkUndo     *self);
/* Reverses the action in one transaction, once; a second call fails. When
 * it fails (a restored customer's record was added again meanwhile…),
 * nothing is written and it may be tried again. */
gboolean     dg_bulk_undo_apply          (DgBulkUndo     *self,
                                          GError        **error);

/* Links the tag(s) named in @tag (comma-separated, as typed) to each
 * customer, creating a tag that does not exist yet. */
DgBulkUndo *dg_customers_bulk_add_tag      (DgDatabase     *db,
                                            const gint64   *ids,
                                            guint           n_ids,
                                            const char     *tag,
                                            GError        **error);
/* Unlinks the tag(s) named in @tag from each customer; the tags stay. */
DgBulkUndo *dg_customers_bulk_remove_tag   (DgDatabase     *db,
                                            const gint64   *ids,
                                            guint           n_ids,
                                            const char     *tag,
                                            GError        **error);
DgBulkUndo *dg_customers_bulk_set_archived (DgDatabase     *db,
                                            const gint64   *ids,
                                            guint           n_ids,
                                            gboolean        archived,
                                            GError        **error);
/* Deletes each customer with everything that belongs to it; the undo
 * holds a snapshot of each (see dg-customer-snapshot.h). */
DgBulkUndo *dg_customers_bulk_delete       (DgDatabase     *db,
                                            const gint64   *ids,
                                            guint           n_ids,
                                            GError        **error);
/* Logs @contact (its time, channel, summary and feedback; its customer is
 * ignored) once for each customer, as dg_interactions_insert() would:
 * their last contact and keep-in-touch follow-ups follow. */
DgBulkUndo *dg_customers_bulk_log_contact  (DgDatabase     *db,
                                            DgClock        *clock,
                                            const gint64   *ids,
                                            guint           n_ids,
                                            DgInteraction  *contact,
                                            GError        **error);
/* The same with a contact of its own for each customer: @contacts[i] for
 * @ids[i] (a customer given twice gets the first). What logging the
 * personalised messages of a journey's stages needs, each summary naming
 * the customer's stage. */
DgBulkUndo *dg_customers_bulk_log_contacts (DgDatabase            *db,
                                            DgClock               *clock,
                                            const gint64          *ids,
                                            DgInteraction * const *contacts,
                                            guint                  n_ids,
                                            GError               **error);
/* Adds a copy of @followup (title, note, due, repeat; its customer is
 * ignored) for each customer, as dg_followups_insert() would. */
DgBulkUndo *dg_customers_bulk_add_followup (DgDatabase     *db,
                                            DgClock        *clock,
                                            const gint64   *ids,
                                            guint           n_ids,
                                            DgFollowup     *followup,
                                            GError        **error);

/* The local date @days days after today by @clock, as an all-day
 * follow-up's due date ("2026-03-24"): "in 14 days". */
char       *dg_customers_bulk_date_in_days (DgClock        *clock,
                                            guint           days);

G_END_DECLS
