/* dg-search-reference.h
 *
 * What a customer search should find, worked out by a plain scan over a
 * copy of the customers' searchable columns: every word of the text LIKE
 * some column (the name's initial consonants count as one, the phone
 * digits for a word that looks like a phone number), and a word mixing
 * Hangul syllables with initial consonants also compared with the name
 * character by character.
 */
#pragma once

#include "dg-core.h"

G_BEGIN_DECLS

/* Copies the searchable columns of @db's customers (as they are now) into
 * a temporary table, with the SQL functions the scan needs. */
void     dg_search_reference_install  (DgDatabase       *db);
/* The ids of the customers the search for @text should find, in the order
 * of their names (then ids). */
GArray  *dg_search_reference_ids      (DgDatabase       *db,
                                       const char       *text,
                                       DgArchivedFilter  archived);
/* The words of @text: a phone number stays whole ("010 1234"), anything
 * else is split at white space. */
char   **dg_search_reference_words    (const char       *text);
/* TRUE for a word of Hangul syllables mixed with initial consonants, at
 * least one of each. */
gboolean dg_search_reference_is_mixed (const char       *word);

G_END_DECLS
