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

/* One word of a search text: a customer matches it when @needle is part
 * of one of their searchable fields (the name's initial consonants count
 * as one), when @digits is part of their phone number, or when the name
 * fits @name_glob. */
typedef struct
{
  /* The word, normalized; never empty. */
  char *needle;
  /* For a word that looks like part of a phone number: its digits, when
   * they differ from @needle; else NULL. */
  char *digits;
  /* For a word of Hangul syllables mixed with initial consonants (이ㅁㅅ,
   * 이민ㅅ): a GLOB pattern that a normalized name fits when it holds the
   * word with each consonant standing for a syllable that starts with
   * it; else NULL. */
  char *name_glob;
  /* With @name_glob: the word's initial consonants (이ㅁㅅ → ㅇㅁㅅ), which
   * a fitting name's initial consonants hold. */
  char *chosung_key;
} DgSearchTerm;

void       dg_search_term_free     (DgSearchTerm *term);
/* The words of a search text, in order, as DgSearchTerm: split at white
 * space, so that each word must match some field; a text that looks like
 * a phone number as a whole ("010 1234 5678") stays one word. Empty for a
 * blank text or NULL. */
GPtrArray *dg_search_terms         (const char   *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgSearchTerm, dg_search_term_free)

G_END_DECLS
