/* dg-search.h
 *
 * The text side of customer search: how stored text and typed queries are
 * normalized so that both meet, and Korean initial-consonant (chosung) keys.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* NFC and case-folded; NULL becomes "" and invalid UTF-8 is repaired.
 * A lone conjoining initial consonant (U+1100..U+1112, left over when
 * decomposed text is recomposed) becomes the compatibility consonant a
 * keyboard types (U+3131..), so that stored text and queries meet. */
char     *dg_search_normalize     (const char *text);
/* The initial consonant of every Hangul syllable (김민수 → ㄱㅁㅅ), as
 * compatibility consonants; other characters are dropped. Decomposed
 * (NFD) syllables are recomposed first. */
char     *dg_search_chosung       (const char *text);
/* TRUE when @text is not empty and made only of Hangul consonants:
 * compatibility consonants (ㄱ..ㅎ, U+3131..U+314E) or conjoining initial
 * consonants (U+1100..U+1112), which dg_search_normalize() maps onto the
 * former. */
gboolean  dg_search_is_chosung    (const char *text);
/* The digits of @text, in order, as ASCII ("010-1234 5678" → "01012345678");
 * full-width and other decimal digits count too. */
char     *dg_search_digits        (const char *text);
/* TRUE when @text looks like part of a phone number: at least one digit,
 * and nothing but digits, spaces, dashes, dots, slashes, parentheses and
 * plus signs. */
gboolean  dg_search_is_phone_like (const char *text);

G_END_DECLS
