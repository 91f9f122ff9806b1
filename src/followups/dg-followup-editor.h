/* dg-followup-editor.h
 *
 * The form that adds a follow-up or changes one: a modal window with its
 * title, the customer it is for (chosen by searching, or none), when it
 * is due (a day, or a day and a time), how it repeats, whether it
 * keeps in touch with the customer, and a note. Each field is checked by
 * the core as it is typed and its problem written under it; Save writes
 * through the core and emits ::saved, and nothing is written while a field
 * is invalid.
 *
 * The calendar, the Today view and the customer page all open it: a new
 * follow-up comes prefilled by the caller (a customer, who can then be
 * changed, a day), and a day is proposed when none is given (today, by
 * the context's clock).
 */
#pragma once

#include <adwaita.h>

#include "dg-core.h"

G_BEGIN_DECLS

#define DG_TYPE_FOLLOWUP_EDITOR (dg_followup_editor_get_type ())

G_DECLARE_FINAL_TYPE (DgFollowupEditor, dg_followup_editor, DG, FOLLOWUP_EDITOR, AdwWindow)

/* Edits a copy of @followup: an existing one (its id set) is changed, one
 * with id 0 is added, starting from what it holds (customer id, due day or
 * time). */
DgFollowupEditor *dg_followup_editor_new  (GtkWindow        *parent,
                                           DgContext        *context,
                                           DgFollowup       *followup);
/* Validates every field and writes the follow-up; FALSE when a field is
 * invalid (its message shown) or the database refused (shown too). */
gboolean          dg_followup_editor_save (DgFollowupEditor *self);

G_END_DECLS
