/* dg-customers-private.h
 *
 * What the files of the customers module share, and what the other core
 * modules need to know about a customer's row: that it exists, and the
 * values it derives from what a person entered (phone digits, tag text,
 * last contact, the search row). Each derived value has one function that
 * recomputes it from the source columns; the table catalogue names them.
 * Every function here runs inside the caller's transaction.
 */
#pragma once

#include "dg-customers.h"
#include "dg-database-private.h"

G_BEGIN_DECLS

void       dg_customers_set_not_found   (GError        **error);
/* TRUE when customer @id exists; else FALSE with DG_ERROR_NOT_FOUND, worded
 * for the customer field of an editor, or with a database error. */
gboolean   dg_customers_require         (DgDatabase     *db,
                                         gint64          id,
                                         GError        **error);
/* dg_customers_update() stamped with @now instead of the database's
 * clock: for a writer given a clock of its own (an import). */
gboolean   dg_customers_update_at       (DgDatabase     *db,
                                         DgCustomer     *customer,
                                         GDateTime      *now,
                                         GError        **error);

/* The recompute functions: each writes the value that customer @id's
 * column should hold, from the source columns alone. */
gboolean   dg_customers_recompute_phone_digits (DgDatabase  *db,
                                                gint64       id,
                                                GError     **error);
/* From the linked tags: their names sorted as dg_tags_parse() sorts them,
 * ", " joined. */
gboolean   dg_customers_recompute_tags_text    (DgDatabase  *db,
                                                gint64       id,
                                                GError     **error);
/* The latest occurred_at of the customer's contact log (NULL when none). */
gboolean   dg_customers_recompute_last_contact (DgDatabase  *db,
                                                gint64       id,
                                                GError     **error);
/* Rewrites the customer's search row (and, through its triggers, its
 * entries in the trigram index and the index of short pieces) from what
 * its customers row holds now. */
gboolean   dg_customers_sync_search_row (DgDatabase     *db,
                                         gint64          id,
                                         GError        **error);
/* Rebuilds the whole trigram index from the search rows. */
gboolean   dg_customers_rebuild_search_index (DgDatabase  *db,
                                              GError     **error);
/* Rebuilds the whole index of short pieces from the search rows. */
gboolean   dg_customers_rebuild_pieces_index (DgDatabase  *db,
                                              GError     **error);

/* Makes the customer's linked tags exactly @tags, creating missing ones. */
gboolean   dg_customers_replace_tags    (DgDatabase          *db,
                                         gint64               id,
                                         const char * const  *tags,
                                         GError             **error);

/* The id of the tag named @name (ignoring case), created when there is
 * none; sets @out_created then. 0 on error. */
gint64     dg_customers_ensure_tag      (DgDatabase     *db,
                                         const char     *name,
                                         gboolean       *out_created,
                                         GError        **error);
/* Recomputes customers.tags_text from the linked tags and bumps
 * updated_at, after tags were linked or unlinked on their own. */
gboolean   dg_customers_refresh_tags_text (DgDatabase   *db,
                                           gint64        id,
                                           GError      **error);
/* The tag names in @text (comma-separated), checked as a customer's tags
 * are; an error naming the field when there is none or one is invalid. */
char     **dg_customers_parse_tag_argument (const char  *text,
                                            GError     **error);

G_END_DECLS
