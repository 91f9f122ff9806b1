/* dg-import-vcard.h
 *
 * Reading contacts from a vCard file (versions 2.1, 3.0 and 4.0, as phones,
 * GNOME Contacts, Outlook and Google export them) into customer records to
 * preview, without touching any database. EVCard (evolution-data-server's
 * libebook-contacts) parses each card: folded lines, quoted-printable,
 * CHARSET, escapes; dg-import-vcard-private.h says what is done before it.
 *
 * How a card becomes a customer:
 *  - name: FN, or else N (family name then given name, without a space for
 *    Hangul names); a card with neither is refused;
 *  - phone: the first mobile number (TYPE=CELL), or else the first one;
 *    every other number is kept in the note as a line "Phone: … (home)";
 *  - e-mail: the first one; the others go into the note the same way, and
 *    so do postal addresses (ADR);
 *  - organization: ORG's parts joined by spaces; note: NOTE, then the lines
 *    above after an empty line;
 *  - birthday: BDAY with a year (1990-03-05, 19900305, or a date-time);
 *    one without a year or not a real date is left out and counted;
 *  - tags: CATEGORIES;
 *  - uuid: UID when it is a uuid (what Dangol's own export writes), so that
 *    importing an export finds the customers it came from;
 *  - photos are left out and counted; other properties are ignored.
 * A card whose record does not pass the customer's checks (a phone with
 * letters, a name over 200 characters) is refused, with the reason.
 *
 * Duplicates: dg_vcard_import_get_earlier_duplicate() names an earlier
 * card of the same file with the same phone number or e-mail address;
 * dg_import_find_match() (dg-import-match.h) finds an existing customer.
 * What to do with one (update, skip, add anyway) is the caller's plan, the
 * same as for a CSV import.
 */
#pragma once

#include <gio/gio.h>

#include "dg-customer.h"

G_BEGIN_DECLS

/* A file larger than this is refused before it is read. */
#define DG_VCARD_IMPORT_MAX_BYTES (256 * 1024 * 1024)

typedef struct
{
  /* Cards in the file (BEGIN:VCARD … END:VCARD). */
  guint n_cards;
  /* Cards made into customers, and cards refused (see the problems). */
  guint n_customers;
  guint n_refused;
  /* Photos left out. */
  guint n_photos;
  /* Numbers, e-mail addresses and postal addresses kept in the note. */
  guint n_extra_phones;
  guint n_extra_emails;
  guint n_addresses;
  /* Birthdays left out: no year, or not a real date. */
  guint n_birthdays_ignored;
  /* Lines not understood (inside or outside cards), left out. */
  guint n_lines_skipped;
} DgVcardImportCounts;

typedef struct _DgVcardImport DgVcardImport;

/* Reads the vCard file at @path (UTF-8, 8-bit text with CHARSET, or
 * UTF-16 with a byte order mark). Fails with DG_ERROR_INVALID_IMPORT when it
 * holds no card at all (or is too large), or with an I/O error; a file
 * with some bad cards loads, and lists them. */
DgVcardImport             *dg_vcard_import_read_file   (const char     *path,
                                                        GCancellable   *cancellable,
                                                        GError        **error);
DgVcardImport             *dg_vcard_import_read_data   (const char     *data,
                                                        gsize           len,
                                                        GCancellable   *cancellable,
                                                        GError        **error);
void                       dg_vcard_import_free        (DgVcardImport  *self);

/* The customers read, in the file's order; not stored (id 0). */
guint                      dg_vcard_import_get_n_customers (DgVcardImport *self);
DgCustomer                *dg_vcard_import_get_customer    (DgVcardImport *self,
                                                            guint          index);
/* Which card of the file (1 for the first) customer @index came from. */
guint                      dg_vcard_import_get_card_number (DgVcardImport *self,
                                                            guint          index);
/* The index of an earlier customer of the same file with the same phone
 * number, e-mail address or uuid; -1 when none. */
int                        dg_vcard_import_get_earlier_duplicate (DgVcardImport *self,
                                                                  guint          index);
/* One translated line per refused card: "Card 12: Phone: …". */
const char * const        *dg_vcard_import_get_problems    (DgVcardImport *self);
const DgVcardImportCounts *dg_vcard_import_get_counts      (DgVcardImport *self);

/* Whether @data, the start of a file, is a vCard file: BEGIN:VCARD after
 * an optional byte order mark (UTF-8 or UTF-16) and blank lines. */
gboolean                   dg_vcard_import_sniff           (const char    *data,
                                                            gsize          len);
/* One translated line for each kind of thing the import left out or moved
 * into the note ("3 photos left out"); empty when there is none. */
GStrv                      dg_vcard_import_describe_counts (const DgVcardImportCounts *counts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgVcardImport, dg_vcard_import_free)

G_END_DECLS
