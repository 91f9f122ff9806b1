/* dg-customers-contacts.h
 *
 * The phone numbers or e-mail addresses of many customers at once, read in
 * one statement, for copying those of a selection into an SMS or mail
 * service.
 */
#pragma once

#include "dg-database.h"

G_BEGIN_DECLS

typedef enum
{
  DG_CONTACT_FIELD_PHONE,
  DG_CONTACT_FIELD_EMAIL,
} DgContactField;

/* The @field of each customer in @ids, in the order of @ids, as stored
 * (trimmed); customers without one, and values already given for an
 * earlier customer (a phone number with the same digits, an address in
 * another case), are left out. An empty array when none has one. */
GStrv dg_customers_get_contacts (DgDatabase    *db,
                                 const gint64  *ids,
                                 guint          n_ids,
                                 DgContactField field,
                                 GError       **error);

G_END_DECLS
