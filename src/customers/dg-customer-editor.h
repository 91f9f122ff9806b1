/* dg-customer-editor.h
 *
 * The form that adds a customer or changes one: a modal window with a row
 * per field, each checked by the core as it is typed, with the problem
 * written under the field. Save writes through the core and emits ::saved;
 * nothing is written while a field is invalid.
 */
#pragma once

#include <adwaita.h>

#include "dg-core.h"

G_BEGIN_DECLS

#define DG_TYPE_CUSTOMER_EDITOR (dg_customer_editor_get_type ())

G_DECLARE_FINAL_TYPE (DgCustomerEditor, dg_customer_editor, DG, CUSTOMER_EDITOR, AdwWindow)

/* Edits a copy of @customer, or a new customer when @customer is NULL. */
DgCustomerEditor *dg_customer_editor_new  (GtkWindow        *parent,
                                           DgDatabase       *database,
                                           DgCustomer       *customer);
/* Validates every field and writes the customer; FALSE when a field is
 * invalid (its message shown) or the database refused (shown too). */
gboolean          dg_customer_editor_save (DgCustomerEditor *self);

G_END_DECLS
