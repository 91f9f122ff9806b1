/* dg-search.h
 *
 * The text side of customer search: how stored text and typed queries are
 * normalized so that both meet, and Korean initial-consonant (chosung) keys.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* NFC and case-folded; NULL becomes "". */
char     *dg_search_normalize     (const char *text);
/* The initial consonant of every Hangul syllable (김민수 → ㄱㅁㅅ);
 * other characters are dropped. */
char     *dg_search_chosung       (const char *text);
/* TRUE when @text is made only of Hangul compatibility consonants (ㄱ..ㅎ). */
gboolean  dg_search_is_chosung    (const char *text);
/* The digits of @text, in order ("010-1234 5678" → "01012345678"). */
char     *dg_search_digits        (const char *text);
/* TRUE when @text looks like part of a phone number: digits, with only
 * spaces, dashes, dots, parentheses or a plus between them. */
gboolean  dg_search_is_phone_like (const char *text);

G_END_DECLS
