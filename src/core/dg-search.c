/* dg-search.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <string.h>

#include "dg-search.h"

#define HANGUL_SYLLABLE_FIRST 0xAC00
#define HANGUL_SYLLABLE_LAST  0xD7A3
/* 21 vowels × 28 finals share one initial consonant. */
#define HANGUL_PER_INITIAL    588

#define CHOSEONG_FIRST        0x1100
#define CHOSEONG_LAST         0x1112

#define COMPAT_CONSONANT_FIRST 0x3131
#define COMPAT_CONSONANT_LAST  0x314E

/* The 19 initial consonants in syllable order, as compatibility jamo: the
 * code points a Korean keyboard types for a lone consonant. */
static const gunichar initial_consonants[] = {
  0x3131, /* ㄱ */
  0x3132, /* ㄲ */
  0x3134, /* ㄴ */
  0x3137, /* ㄷ */
  0x3138, /* ㄸ */
  0x3139, /* ㄹ */
  0x3141, /* ㅁ */
  0x3142, /* ㅂ */
  0x3143, /* ㅃ */
  0x3145, /* ㅅ */
  0x3146, /* ㅆ */
  0x3147, /* ㅇ */
  0x3148, /* ㅈ */
  0x3149, /* ㅉ */
  0x314A, /* ㅊ */
  0x314B, /* ㅋ */
  0x314C, /* ㅌ */
  0x314D, /* ㅍ */
  0x314E, /* ㅎ */
};

G_STATIC_ASSERT (G_N_ELEMENTS (initial_consonants) == CHOSEONG_LAST - CHOSEONG_FIRST + 1);

/* Valid UTF-8 in NFC; text from other systems may be decomposed (NFD Hangul
 * from macOS file names, for one) or broken. */
static char *
to_valid_nfc (const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return g_strdup ("");

  if (!g_utf8_validate (text, -1, NULL))
    valid = g_utf8_make_valid (text, -1);

  return g_utf8_normalize (valid ? valid : text, -1, G_NORMALIZE_NFC);
}

static gboolean
is_choseong (gunichar c)
{
  return c >= CHOSEONG_FIRST && c <= CHOSEONG_LAST;
}

static gboolean
is_compat_consonant (gunichar c)
{
  return c >= COMPAT_CONSONANT_FIRST && c <= COMPAT_CONSONANT_LAST;
}

char *
dg_search_normalize (const char *text)
{
  g_autofree char *nfc = to_valid_nfc (text);
  g_autofree char *folded = g_utf8_casefold (nfc, -1);
  GString *out;

  /* NFC already joined every leading consonant that has a vowel after it
   * into its syllable; one left alone is the same letter as the
   * compatibility consonant a keyboard types, so write it as that. */
  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_choseong (c))
        c = initial_consonants[c - CHOSEONG_FIRST];
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

char *
dg_search_chosung (const char *text)
{
  g_autofree char *nfc = to_valid_nfc (text);
  GString *out = g_string_new (NULL);

  for (const char *p = nfc; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= HANGUL_SYLLABLE_FIRST && c <= HANGUL_SYLLABLE_LAST)
        g_string_append_unichar (out, initial_consonants[(c - HANGUL_SYLLABLE_FIRST) / HANGUL_PER_INITIAL]);
    }

  return g_string_free (out, FALSE);
}

gboolean
dg_search_is_chosung (const char *text)
{
  g_autofree char *nfc = to_valid_nfc (text);

  if (*nfc == '\0')
    return FALSE;

  for (const char *p = nfc; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_compat_consonant (c) && !is_choseong (c))
        return FALSE;
    }

  return TRUE;
}

char *
dg_search_digits (const char *text)
{
  g_autofree char *valid = to_valid_nfc (text);
  GString *out = g_string_new (NULL);

  /* Any decimal digit counts, so that full-width digits typed with a
   * Korean input method find the ASCII ones stored. */
  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      int value = g_unichar_digit_value (g_utf8_get_char (p));

      if (value >= 0)
        g_string_append_c (out, '0' + value);
    }

  return g_string_free (out, FALSE);
}

gboolean
dg_search_is_phone_like (const char *text)
{
  g_autofree char *valid = to_valid_nfc (text);
  gboolean has_digit = FALSE;

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_digit_value (c) >= 0)
        has_digit = TRUE;
      else if (c >= 0x80 || strchr (" +-.()/", (int) c) == NULL)
        return FALSE;
    }

  return has_digit;
}

static gboolean
is_syllable (gunichar c)
{
  return c >= HANGUL_SYLLABLE_FIRST && c <= HANGUL_SYLLABLE_LAST;
}

/* The position of @c among the 19 initial consonants, or -1. */
static int
initial_index (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (initial_consonants); i++)
    if (initial_consonants[i] == c)
      return i;

  return -1;
}

/* TRUE when normalized @word holds only Hangul syllables and the
 * consonants that begin one, and at least one of each. */
static gboolean
is_mixed_chosung (const char *word)
{
  gboolean has_syllable = FALSE;
  gboolean has_consonant = FALSE;

  for (const char *p = word; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_syllable (c))
        has_syllable = TRUE;
      else if (initial_index (c) >= 0)
        has_consonant = TRUE;
      else
        return FALSE;
    }

  return has_syllable && has_consonant;
}

/* For a mixed word: the GLOB pattern a name holding it fits, and its
 * initial consonants. */
static void
mixed_chosung_patterns (const char  *word,
                        char       **glob,
                        char       **key)
{
  GString *pattern = g_string_new ("*");
  GString *initials = g_string_new (NULL);

  for (const char *p = word; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_syllable (c))
        {
          g_string_append_unichar (pattern, c);
          g_string_append_unichar (initials, initial_consonants[(c - HANGUL_SYLLABLE_FIRST) / HANGUL_PER_INITIAL]);
        }
      else
        {
          /* is_mixed_chosung() let only initial consonants through. */
          int initial = initial_index (c);
          gunichar first = HANGUL_SYLLABLE_FIRST + initial * HANGUL_PER_INITIAL;

          /* The syllables of one initial consonant are one block. */
          g_string_append_c (pattern, '[');
          g_string_append_unichar (pattern, first);
          g_string_append_c (pattern, '-');
          g_string_append_unichar (pattern, first + HANGUL_PER_INITIAL - 1);
          g_string_append_c (pattern, ']');
          g_string_append_unichar (initials, c);
        }
    }
  g_string_append_c (pattern, '*');

  *glob = g_string_free (pattern, FALSE);
  *key = g_string_free (initials, FALSE);
}

void
dg_search_term_free (DgSearchTerm *term)
{
  if (term == NULL)
    return;

  g_free (term->needle);
  g_free (term->digits);
  g_free (term->name_glob);
  g_free (term->chosung_key);
  g_free (term);
}

static void
add_term (GPtrArray  *terms,
          const char *word)
{
  g_autoptr(DgSearchTerm) term = g_new0 (DgSearchTerm, 1);

  term->needle = dg_search_normalize (word);
  if (*term->needle == '\0')
    return;

  /* "0101234" finds "010-1234-5678" through the stored digits, and
   * "010-1234" finds it too. */
  if (dg_search_is_phone_like (word))
    {
      term->digits = dg_search_digits (word);
      if (*term->digits == '\0' || strcmp (term->digits, term->needle) == 0)
        g_clear_pointer (&term->digits, g_free);
    }

  if (is_mixed_chosung (term->needle))
    mixed_chosung_patterns (term->needle, &term->name_glob, &term->chosung_key);

  g_ptr_array_add (terms, g_steal_pointer (&term));
}

GPtrArray *
dg_search_terms (const char *text)
{
  GPtrArray *terms = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_search_term_free);
  g_autofree char *valid = NULL;
  const char *start = NULL;

  if (text == NULL)
    return terms;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  /* A phone number holds only ASCII spaces among its separators. */
  if (dg_search_is_phone_like (text))
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (text));

      add_term (terms, trimmed);
      return terms;
    }

  /* White space of any kind separates words (a Korean input method may
   * type an ideographic space). */
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gboolean end = *p == '\0' || g_unichar_isspace (g_utf8_get_char (p));

      if (end && start != NULL)
        {
          g_autofree char *word = g_strndup (start, p - start);

          add_term (terms, word);
          start = NULL;
        }
      else if (!end && start == NULL)
        {
          start = p;
        }

      if (*p == '\0')
        break;
    }

  return terms;
}
