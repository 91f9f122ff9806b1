/* dg-interactions-private.h
 *
 * Logging a contact inside a transaction the caller already opened, so
 * that a write of many (a contact logged for a whole selection) takes the
 * one path a single contact takes.
 */
#pragma once

#include "dg-database-private.h"
#include "dg-interactions.h"

G_BEGIN_DECLS

/* What dg_interactions_insert() does between its BEGIN and COMMIT: the
 * row, the customer's last contact and the keep-in-touch follow-ups that
 * follow it. @interaction must have been validated; @now is its created
 * time when it has none. On success it holds its id, uuid and created
 * time. */
gboolean dg_interactions_insert_locked (DgDatabase     *db,
                                        DgClock        *clock,
                                        DgInteraction  *interaction,
                                        GDateTime      *now,
                                        GError        **error);

G_END_DECLS
