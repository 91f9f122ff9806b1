/* dg-interaction-form.h
 *
 * The quick "Log contact" form of a customer's page: the channel, what was
 * said, how it went and, when it was not just now, when it happened
 * ("HH:MM" today, or "YYYY-MM-DD HH:MM"). Enter or Ctrl+Enter logs it; a
 * problem is written under its field as it is typed, and nothing is logged
 * while there is one. Logging writes through the core and emits ::logged.
 */
#pragma once

#include <gtk/gtk.h>

#include "dg-core.h"

G_BEGIN_DECLS

#define DG_TYPE_INTERACTION_FORM (dg_interaction_form_get_type ())

G_DECLARE_FINAL_TYPE (DgInteractionForm, dg_interaction_form, DG, INTERACTION_FORM, GtkWidget)

void      dg_interaction_form_set_context     (DgInteractionForm *self,
                                               DgContext         *context);
/* The customer contacts are logged for; 0 for none (the form is then
 * insensitive). Changing it clears the form. */
void      dg_interaction_form_set_customer_id (DgInteractionForm *self,
                                               gint64             customer_id);
/* Logs what the form holds; FALSE (the problem shown) when it cannot. */
gboolean  dg_interaction_form_log             (DgInteractionForm *self);
/* Empties the fields and forgets any problem shown. */
void      dg_interaction_form_clear           (DgInteractionForm *self);

G_END_DECLS
