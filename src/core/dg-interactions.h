/* dg-interactions.h
 *
 * Storing and finding the contact log. Every write is one short transaction
 * and emits DgDatabase::changed::interactions after it committed; when the
 * customer's last contact changed it also emits ::changed::customers (the
 * customer list shows it), and when an open keep-in-touch follow-up of the
 * customer moved with it, ::changed::followups.
 *
 * "Last contact" is the latest :occurred-at of a customer's interactions,
 * kept in the database by triggers and read with the customer
 * (dg_customer_get_last_contact_at()).
 *
 * "Going cold": customers not archived whose last contact is more than N
 * days before now. A customer never contacted counts from when it was
 * added, so that one added today is not cold at once but one added and
 * forgotten a month ago is.
 */
#pragma once

#include "dg-clock.h"
#include "dg-database.h"
#include "dg-interaction.h"

G_BEGIN_DECLS

/* Validates, then inserts. Sets the id, and the uuid and created time when
 * unset: an entry brought back by Undo keeps its uuid, and its id when that
 * is free. Moves the customer's open keep-in-touch follow-ups to one
 * interval after the (new) last contact. */
gboolean       dg_interactions_insert            (DgDatabase     *db,
                                                  DgClock        *clock,
                                                  DgInteraction  *interaction,
                                                  GError        **error);
/* Validates, then writes every field but the uuid and created time. */
gboolean       dg_interactions_update            (DgDatabase     *db,
                                                  DgClock        *clock,
                                                  DgInteraction  *interaction,
                                                  GError        **error);
/* Deletes it; keep-in-touch follow-ups follow the last contact left. */
gboolean       dg_interactions_delete            (DgDatabase     *db,
                                                  DgClock        *clock,
                                                  gint64          id,
                                                  GError        **error);
DgInteraction *dg_interactions_get               (DgDatabase     *db,
                                                  gint64          id,
                                                  GError        **error);
/* The customer's interactions (DgInteraction), newest first; @limit 0
 * means all. */
GPtrArray     *dg_interactions_list_for_customer (DgDatabase     *db,
                                                  gint64          customer_id,
                                                  guint           limit,
                                                  GError        **error);
/* The customer's last contact; NULL with @error unset when never. */
GDateTime     *dg_interactions_get_last_contact  (DgDatabase     *db,
                                                  gint64          customer_id,
                                                  GError        **error);
/* Customers (DgCustomer, with :last-contact-at) going cold: no contact for
 * more than @days days by @clock, coldest first; @limit 0 means all. */
GPtrArray     *dg_interactions_list_going_cold   (DgDatabase     *db,
                                                  DgClock        *clock,
                                                  guint           days,
                                                  guint           limit,
                                                  GError        **error);
/* How many customers are going cold, counting no further than @limit (0
 * counts all); -1 on error. */
gint64         dg_interactions_count_going_cold  (DgDatabase     *db,
                                                  DgClock        *clock,
                                                  guint           days,
                                                  guint           limit,
                                                  GError        **error);

G_END_DECLS
