/* dg-enroll-dialog.h
 *
 * Enrolling customers in a journey from outside the board: the customer
 * page enrolls the customer it shows, the customer list the customers
 * selected in it. A dialog asks which journey (and, when it has any,
 * which cohort); the customers then start in its first stage, in one
 * transaction, with an Undo toast. Customers already walking that
 * journey are left where they are.
 */
#pragma once

#include <adwaita.h>

#include "dg-core.h"

G_BEGIN_DECLS

/* Presents the dialog over @widget's window for the @n_ids customers of
 * @customer_ids; the toast shows in the overlay @widget is in. */
AdwMessageDialog *dg_enroll_dialog_present (GtkWidget    *widget,
                                            DgContext    *context,
                                            const gint64 *customer_ids,
                                            guint         n_ids);

G_END_DECLS
