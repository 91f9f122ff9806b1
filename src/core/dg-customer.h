/* dg-customer.h
 *
 * A customer as the rest of the app sees it: a record (dg-record.h) with one
 * property per field, plus validation of each field. It holds no database
 * handle; dg-customers.h stores and loads it.
 */
#pragma once

#include <glib-object.h>

#include "dg-record.h"

G_BEGIN_DECLS

#define DG_TYPE_CUSTOMER (dg_customer_get_type ())

G_DECLARE_FINAL_TYPE (DgCustomer, dg_customer, DG, CUSTOMER, DgRecord)

typedef enum
{
  DG_CUSTOMER_FIELD_NAME,
  DG_CUSTOMER_FIELD_PHONE,
  DG_CUSTOMER_FIELD_EMAIL,
  DG_CUSTOMER_FIELD_ORGANIZATION,
  DG_CUSTOMER_FIELD_SOURCE,
  DG_CUSTOMER_FIELD_BIRTHDAY,
  DG_CUSTOMER_FIELD_NOTE,
  DG_CUSTOMER_FIELD_TAGS,
  DG_CUSTOMER_N_FIELDS
} DgCustomerField;

DgCustomer *dg_customer_new                  (void);
DgCustomer *dg_customer_copy                 (DgCustomer   *self);

gint64      dg_customer_get_id               (DgCustomer   *self);
void        dg_customer_set_id               (DgCustomer   *self,
                                              gint64        id);
const char *dg_customer_get_uuid             (DgCustomer   *self);
void        dg_customer_set_uuid             (DgCustomer   *self,
                                              const char   *uuid);
const char *dg_customer_get_name             (DgCustomer   *self);
void        dg_customer_set_name             (DgCustomer   *self,
                                              const char   *name);
const char *dg_customer_get_phone            (DgCustomer   *self);
void        dg_customer_set_phone            (DgCustomer   *self,
                                              const char   *phone);
const char *dg_customer_get_email            (DgCustomer   *self);
void        dg_customer_set_email            (DgCustomer   *self,
                                              const char   *email);
const char *dg_customer_get_organization     (DgCustomer   *self);
void        dg_customer_set_organization     (DgCustomer   *self,
                                              const char   *organization);
/* How the customer found the business ("blog", "a friend", ...). */
const char *dg_customer_get_source           (DgCustomer   *self);
void        dg_customer_set_source           (DgCustomer   *self,
                                              const char   *source);
/* "YYYY-MM-DD", or NULL when unknown; in lunar months and days when the
 * birthday is lunar (a 30th is then allowed in any month). */
const char *dg_customer_get_birthday         (DgCustomer   *self);
void        dg_customer_set_birthday         (DgCustomer   *self,
                                              const char   *birthday);
/* Whether the birthday is kept in the Korean lunar calendar (음력). */
gboolean    dg_customer_get_birthday_lunar   (DgCustomer   *self);
void        dg_customer_set_birthday_lunar   (DgCustomer   *self,
                                              gboolean      lunar);
/* Whether a lunar birthday falls in a leap month (윤달); stored only
 * with a lunar birthday. */
gboolean    dg_customer_get_birthday_leap_month (DgCustomer *self);
void        dg_customer_set_birthday_leap_month (DgCustomer *self,
                                                 gboolean    leap_month);
gboolean    dg_customer_get_marketing_consent (DgCustomer  *self);
/* NULL when consent was never given. */
GDateTime  *dg_customer_get_consent_at       (DgCustomer   *self);
/* Giving consent records @at (now when NULL, or the time already recorded);
 * withdrawing clears the time. Writing :consent-at gives consent at that
 * time, or withdraws it with NULL. */
void        dg_customer_set_marketing_consent (DgCustomer  *self,
                                               gboolean     consent,
                                               GDateTime   *at);
const char *dg_customer_get_note             (DgCustomer   *self);
void        dg_customer_set_note             (DgCustomer   *self,
                                              const char   *note);
gboolean    dg_customer_get_archived         (DgCustomer   *self);
void        dg_customer_set_archived         (DgCustomer   *self,
                                              gboolean      archived);
GDateTime  *dg_customer_get_created_at       (DgCustomer   *self);
void        dg_customer_set_created_at       (DgCustomer   *self,
                                              GDateTime    *created_at);
GDateTime  *dg_customer_get_updated_at       (DgCustomer   *self);
void        dg_customer_set_updated_at       (DgCustomer   *self,
                                              GDateTime    *updated_at);
/* The latest logged contact (interaction), as loaded with the customer;
 * NULL when never in touch. Kept by the database, not written back. */
GDateTime  *dg_customer_get_last_contact_at  (DgCustomer   *self);
void        dg_customer_set_last_contact_at  (DgCustomer   *self,
                                              GDateTime    *last_contact_at);
/* Tag names, sorted, without duplicates. Never NULL. */
const char * const *dg_customer_get_tags     (DgCustomer   *self);
void        dg_customer_set_tags             (DgCustomer   *self,
                                              const char * const *tags);
/* The tags joined by ", " for display. */
char       *dg_customer_dup_tags_text        (DgCustomer   *self);

/* Checks one field; the message names the field and the problem. */
gboolean    dg_customer_validate_field       (DgCustomer      *self,
                                              DgCustomerField  field,
                                              GError         **error);
/* Checks every field and stops at the first problem. */
gboolean    dg_customer_validate             (DgCustomer      *self,
                                              GError         **error);

/* Splits "a, b,,c " into sorted, unique, trimmed tag names. */
char      **dg_tags_parse                    (const char *text);

G_END_DECLS
