/* dg-customer-picker.h
 *
 * A field that chooses one customer, or none, by typing: what is typed is
 * searched as the customer list searches (part of a name, Hangul initial
 * consonants such as ㄱㅁㅅ, phone digits), and a popover under the field
 * lists the first matches, each with its phone and organization. Up and
 * Down move through them, Enter (or a click) picks one, Escape closes the
 * list; the clear button, or emptying the field, chooses no customer.
 *
 * Only the first DG_CUSTOMER_PICKER_MAX_MATCHES matches are read, in a
 * worker thread, so typing stays quick however many customers there are.
 * Archived customers are not offered, but one already chosen is shown.
 *
 * Text typed but not turned into a choice is a problem of the field:
 * dg_customer_picker_check() says so under it (it is a DgFieldRow).
 */
#pragma once

#include "dg-core.h"
#include "dg-field-row.h"

G_BEGIN_DECLS

#define DG_CUSTOMER_PICKER_MAX_MATCHES 20

#define DG_TYPE_CUSTOMER_PICKER (dg_customer_picker_get_type ())

G_DECLARE_FINAL_TYPE (DgCustomerPicker, dg_customer_picker, DG, CUSTOMER_PICKER, DgFieldRow)

GtkWidget  *dg_customer_picker_new                (void);

DgDatabase *dg_customer_picker_get_database       (DgCustomerPicker *self);
void        dg_customer_picker_set_database       (DgCustomerPicker *self,
                                                   DgDatabase       *database);

/* The chosen customer; 0 for none. */
gint64      dg_customer_picker_get_customer_id    (DgCustomerPicker *self);
/* Chooses the customer with @customer_id (0 for none) and shows its name;
 * a customer that cannot be read leaves none chosen. Needs the database
 * set first. */
void        dg_customer_picker_set_customer_id    (DgCustomerPicker *self,
                                                   gint64            customer_id);
/* The chosen customer's name; NULL when none is chosen. */
const char *dg_customer_picker_get_customer_name  (DgCustomerPicker *self);

/* FALSE, with the problem shown under the field, when text was typed but
 * no customer chosen for it; TRUE (and no problem shown) otherwise. */
gboolean    dg_customer_picker_check              (DgCustomerPicker *self);

/* Whether the list of matches is open, and how many it lists. */
gboolean    dg_customer_picker_get_popup_shown    (DgCustomerPicker *self);
guint       dg_customer_picker_get_n_matches      (DgCustomerPicker *self);
/* The popover that lists the matches. */
GtkWidget  *dg_customer_picker_get_popover        (DgCustomerPicker *self);

G_END_DECLS
