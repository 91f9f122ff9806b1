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
