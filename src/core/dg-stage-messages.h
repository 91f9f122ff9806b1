/* dg-stage-messages.h
 *
 * The personalised messages of a journey for some of its customers: for
 * each enrollment, the message script of the stage it is in, filled with
 * that customer's values (dg-stage-script.h). What Copy Message of the
 * stage panel (the cards selected in its stage's column) and Copy
 * Messages of the board's selection bar (cards selected in any columns,
 * each with the script of its own stage) put on the clipboard, and what
 * their Log as Contacts logs.
 *
 * The messages are joined, in the order of the ids, by
 * DG_STAGE_MESSAGES_SEPARATOR: a blank line, a line "---" and a blank
 * line, which a texting service that takes many messages at once can
 * split on. A customer whose message cannot go out as it is is left out,
 * and the report says who and why: their stage has no script yet, or its
 * script has a placeholder that does not exist ("{이름}"), or the
 * customer has no value for one it uses ({organization} for someone with
 * no organization). A message with "{organization}" in it must not reach
 * the customer, and the complete ones can go out now while the owner
 * fixes the others.
 */
#pragma once

#include "dg-clock.h"
#include "dg-customers-bulk.h"
#include "dg-database.h"

G_BEGIN_DECLS

#define DG_STAGE_MESSAGES_SEPARATOR "\n\n---\n\n"

typedef struct _DgStageMessages DgStageMessages;

/* Fills the messages of enrollments @ids now by @clock; NULL with @error
 * when one could not be read (it left the journey meanwhile…). */
DgStageMessages *dg_stage_messages_fill           (DgDatabase       *db,
                                                   DgClock          *clock,
                                                   const gint64     *ids,
                                                   guint             n_ids,
                                                   GError          **error);
/* The messages, joined; "" when there is none. */
const char      *dg_stage_messages_get_text       (DgStageMessages  *self);
guint            dg_stage_messages_get_n_messages (DgStageMessages  *self);
/* Who was left out and why, one line per reason; "" when no one was. */
const char      *dg_stage_messages_get_report     (DgStageMessages  *self);
/* Logs a message sent now to each customer whose message was filled,
 * saying which stage's message it was, in one transaction; see
 * dg_customers_bulk_log_contacts(). */
DgBulkUndo      *dg_stage_messages_log            (DgStageMessages  *self,
                                                   DgDatabase       *db,
                                                   DgClock          *clock,
                                                   GError          **error);
void             dg_stage_messages_free           (DgStageMessages  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgStageMessages, dg_stage_messages_free)

G_END_DECLS
