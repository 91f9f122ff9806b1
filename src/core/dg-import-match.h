/* dg-import-match.h
 *
 * Finding the customer an imported record is already: the same uuid, a
 * phone number with the same digits (010-… and +82 10-… are the same
 * number) or the same e-mail address whatever its case. Archived customers
 * count: importing them again would make a second one. Any import (vCard,
 * CSV) asks this before it offers to add, update or skip a record.
 */
#pragma once

#include "dg-database.h"

G_BEGIN_DECLS

/* The digits of @phone as dialled at home: a Korean +82 (or 0082) prefix
 * read as the leading 0. "" for no digits. */
char   *dg_import_phone_digits (const char *phone);
/* The digits two phone numbers share when they are the same number (as
 * dg_import_phone_digits()). NULL for a number too short to tell one
 * person from another: fewer than 7 digits. Every import matches on this. */
char   *dg_import_phone_key   (const char  *phone);

/* The id of the customer with uuid @uuid, or else whose phone matches
 * @phone, or else whose e-mail is @email; 0 when none, -1 on error. Any of
 * them may be NULL or empty. */
gint64  dg_import_find_match  (DgDatabase  *db,
                               const char  *uuid,
                               const char  *phone,
                               const char  *email,
                               GError     **error);

G_END_DECLS
