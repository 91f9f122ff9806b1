/* test-search.c
 *
 * The text functions search is built on: normalization, initial consonants,
 * phone digits, the words of a search and the pieces the short index holds.
 */
#include "config.h"

#include <string.h>

#include "dg-search-pieces-private.h"
#include "dg-test-util.h"

/* 김 decomposed into conjoining jamo, as macOS writes file names. */
#define NFD_KIM "\xe1\x84\x80\xe1\x85\xb5\xe1\x86\xb7"
/* 김민수 decomposed. */
#define NFD_KIM_MINSU NFD_KIM "\xe1\x84\x86\xe1\x85\xb5\xe1\x86\xab" "\xe1\x84\x89\xe1\x85\xae"
/* Conjoining (not compatibility) ㄱ and ㅁ, standing alone. */
#define CHOSEONG_G "\xe1\x84\x80"
#define CHOSEONG_M "\xe1\x84\x86"

static void
assert_normalize (const char *in,
                  const char *expected)
{
  g_autofree char *out = dg_search_normalize (in);

  g_assert_cmpstr (out, ==, expected);
}

static void
test_normalize (void)
{
  assert_normalize (NULL, "");
  assert_normalize ("", "");
  assert_normalize ("김민수", "김민수");
  assert_normalize ("Kim MINSU", "kim minsu");
  assert_normalize ("Acme Corp 삼성", "acme corp 삼성");
  assert_normalize (NFD_KIM_MINSU, "김민수");
  assert_normalize ("Straße", "strasse");
  assert_normalize ("ÀÉÎ", "àéî");
  /* A lone conjoining consonant meets the one a keyboard types. */
  assert_normalize (CHOSEONG_G CHOSEONG_M, "ㄱㅁ");
  assert_normalize ("ㄱㅁㅅ", "ㄱㅁㅅ");
  assert_normalize ("100% \"VIP\" a_b \\", "100% \"vip\" a_b \\");
}

static void
test_normalize_invalid_utf8 (void)
{
  g_autofree char *out = dg_search_normalize ("\xff\xfe" "Kim\xc3" "김");

  g_assert_true (g_utf8_validate (out, -1, NULL));
  g_assert_nonnull (strstr (out, "kim"));
  g_assert_nonnull (strstr (out, "김"));
}

static void
test_normalize_meets (void)
{
  g_autofree char *stored = dg_search_normalize ("고객 " NFD_KIM_MINSU " (Seoul)");
  g_autofree char *query = dg_search_normalize ("민수");
  g_autofree char *query_nfd = dg_search_normalize (NFD_KIM);

  g_assert_nonnull (strstr (stored, query));
  g_assert_nonnull (strstr (stored, query_nfd));
}

static void
assert_chosung (const char *in,
                const char *expected)
{
  g_autofree char *out = dg_search_chosung (in);

  g_assert_cmpstr (out, ==, expected);
}

static void
test_chosung (void)
{
  static const char * const initials[] = {
    "ㄱ", "ㄲ", "ㄴ", "ㄷ", "ㄸ", "ㄹ", "ㅁ", "ㅂ", "ㅃ", "ㅅ",
    "ㅆ", "ㅇ", "ㅈ", "ㅉ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ",
  };

  assert_chosung ("김민수", "ㄱㅁㅅ");
  assert_chosung ("이서연", "ㅇㅅㅇ");
  assert_chosung ("남궁민", "ㄴㄱㅁ");
  assert_chosung ("Kim 민수 (VIP) 010", "ㅁㅅ");
  assert_chosung ("한빛소프트㈜", "ㅎㅂㅅㅍㅌ");
  assert_chosung (NFD_KIM_MINSU, "ㄱㅁㅅ");
  assert_chosung ("가", "ㄱ");
  assert_chosung ("힣", "ㅎ");
  assert_chosung ("까똑", "ㄲㄸ");
  assert_chosung ("ㄱㅁㅅ", "");
  assert_chosung ("Smith", "");
  assert_chosung ("", "");
  assert_chosung (NULL, "");
  /* Just outside the syllable block. */
  assert_chosung ("\xea\xaf\xbf\xed\x9e\xa4", "");

  /* The last syllable of each initial's block of 588. */
  for (guint i = 0; i < G_N_ELEMENTS (initials); i++)
    {
      char syllable[8] = { 0 };

      g_unichar_to_utf8 (0xAC00 + i * 588 + 587, syllable);
      assert_chosung (syllable, initials[i]);
      g_unichar_to_utf8 (0xAC00 + i * 588, syllable);
      assert_chosung (syllable, initials[i]);
    }
}

static void
test_is_chosung (void)
{
  g_assert_true (dg_search_is_chosung ("ㄱㅁㅅ"));
  g_assert_true (dg_search_is_chosung ("ㅅ"));
  g_assert_true (dg_search_is_chosung ("ㄲㅎ"));
  g_assert_true (dg_search_is_chosung (CHOSEONG_G CHOSEONG_M));
  g_assert_true (dg_search_is_chosung ("ㄱ" CHOSEONG_M));
  g_assert_false (dg_search_is_chosung (""));
  g_assert_false (dg_search_is_chosung (NULL));
  g_assert_false (dg_search_is_chosung ("김"));
  g_assert_false (dg_search_is_chosung ("ㄱ김"));
  g_assert_false (dg_search_is_chosung ("ㄱa"));
  g_assert_false (dg_search_is_chosung ("ㄱ ㅁ"));
  /* ㅏ is a vowel. */
  g_assert_false (dg_search_is_chosung ("ㅏ"));
  g_assert_false (dg_search_is_chosung ("\xff"));
}

static void
assert_digits (const char *in,
               const char *expected)
{
  g_autofree char *out = dg_search_digits (in);

  g_assert_cmpstr (out, ==, expected);
}

static void
test_digits (void)
{
  assert_digits ("010-1234 5678", "01012345678");
  assert_digits ("01012345678", "01012345678");
  assert_digits ("+82 10 1234 5678", "821012345678");
  assert_digits ("(031) 123.4567", "0311234567");
  assert_digits ("전화 010-9 번", "0109");
  /* Full-width digits from a Korean input method. */
  assert_digits ("０１０-１２", "01012");
  assert_digits ("abc", "");
  assert_digits ("", "");
  assert_digits (NULL, "");
  assert_digits ("\xff" "12", "12");
}

static void
test_is_phone_like (void)
{
  g_assert_true (dg_search_is_phone_like ("010-1234-5678"));
  g_assert_true (dg_search_is_phone_like ("01012345678"));
  g_assert_true (dg_search_is_phone_like ("+82 10 1234 5678"));
  g_assert_true (dg_search_is_phone_like ("(02) 123.4567"));
  g_assert_true (dg_search_is_phone_like ("12/34"));
  g_assert_true (dg_search_is_phone_like ("5"));
  g_assert_true (dg_search_is_phone_like (" 010 "));
  g_assert_true (dg_search_is_phone_like ("０１０"));
  g_assert_false (dg_search_is_phone_like (""));
  g_assert_false (dg_search_is_phone_like (NULL));
  g_assert_false (dg_search_is_phone_like ("---"));
  g_assert_false (dg_search_is_phone_like ("+ ()"));
  g_assert_false (dg_search_is_phone_like ("a1"));
  g_assert_false (dg_search_is_phone_like ("010 김"));
  g_assert_false (dg_search_is_phone_like ("10%"));
  g_assert_false (dg_search_is_phone_like ("1_2"));
  g_assert_false (dg_search_is_phone_like ("\xff" "1"));
  /* A multi-byte character whose low byte is a space must not pass. */
  g_assert_false (dg_search_is_phone_like ("1\xea\xb0\xa0"));
}

/* Fails unless @text splits into the words of @expected ("needle" or
 * "needle|digits|glob|key", with "" for NULL), ending with NULL. */
static void
assert_terms (const char         *text,
              const char * const *expected)
{
  g_autoptr(GPtrArray) terms = dg_search_terms (text);
  guint n = g_strv_length ((char **) expected);

  g_assert_cmpuint (terms->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const DgSearchTerm *term = g_ptr_array_index (terms, i);
      g_autofree char *got = NULL;

      if (term->digits == NULL && term->name_glob == NULL)
        got = g_strdup (term->needle);
      else
        got = g_strdup_printf ("%s|%s|%s|%s", term->needle,
                               term->digits ? term->digits : "",
                               term->name_glob ? term->name_glob : "",
                               term->chosung_key ? term->chosung_key : "");
      g_assert_cmpstr (got, ==, expected[i]);
    }
}

static void
test_terms (void)
{
  assert_terms (NULL, (const char *[]) { NULL });
  assert_terms ("", (const char *[]) { NULL });
  assert_terms (" \t\xe3\x80\x80 ", (const char *[]) { NULL });
  assert_terms ("Baker  Nancy", (const char *[]) { "baker", "nancy", NULL });
  assert_terms (" 민수\xe3\x80\x80서울 ", (const char *[]) { "민수", "서울", NULL });
  assert_terms ("카페 온도", (const char *[]) { "카페", "온도", NULL });
  /* A phone number stays whole; a phone-like word keeps its digits. */
  assert_terms (" 010 1234-5678 ", (const char *[]) { "010 1234-5678|01012345678||", NULL });
  assert_terms ("0101234", (const char *[]) { "0101234", NULL });
  assert_terms ("김 010-12", (const char *[]) { "김", "010-12|01012||", NULL });
  /* Syllables mixed with initial consonants. */
  assert_terms ("이ㅁㅅ", (const char *[]) { "이ㅁㅅ||*이[마-밓][사-싷]*|ㅇㅁㅅ", NULL });
  assert_terms ("이민ㅅ", (const char *[]) { "이민ㅅ||*이민[사-싷]*|ㅇㅁㅅ", NULL });
  assert_terms ("ㄲ가ㅎ", (const char *[]) { "ㄲ가ㅎ||*[까-낗]가[하-힣]*|ㄲㄱㅎ", NULL });
  assert_terms (CHOSEONG_G "김", (const char *[]) { "ㄱ김||*[가-깋]김*|ㄱㄱ", NULL });
  /* All consonants, all syllables, or anything else: text only. */
  assert_terms ("ㄱㅁㅅ", (const char *[]) { "ㄱㅁㅅ", NULL });
  assert_terms ("김민수", (const char *[]) { "김민수", NULL });
  assert_terms ("김ㄳ", (const char *[]) { "김ㄳ", NULL });
  assert_terms ("김ㅏ", (const char *[]) { "김ㅏ", NULL });
  assert_terms ("김ㅁa", (const char *[]) { "김ㅁa", NULL });
}

static void
assert_pieces (const char         *haystack,
               const char * const *expected)
{
  g_autoptr(GPtrArray) pieces = dg_search_pieces_of (haystack);
  guint n = g_strv_length ((char **) expected);

  g_assert_cmpuint (pieces->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (g_ptr_array_index (pieces, i), ==, expected[i]);
}

static void
test_pieces (void)
{
  assert_pieces (NULL, (const char *[]) { NULL });
  assert_pieces ("", (const char *[]) { NULL });
  assert_pieces ("김민수", (const char *[]) { "김", "김민", "민", "민수", "수", NULL });
  /* No piece spans two fields; an empty field has none. */
  assert_pieces ("ab\x1f\x1f" "c\x1f", (const char *[]) { "a", "ab", "b", "c", NULL });
  assert_pieces ("aaa", (const char *[]) { "a", "aa", NULL });
  assert_pieces ("a b", (const char *[]) { "a", "a ", " ", " b", "b", NULL });
}

int
main (int argc, char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/normalize", test_normalize);
  g_test_add_func ("/search/normalize/invalid-utf8", test_normalize_invalid_utf8);
  g_test_add_func ("/search/normalize/meets", test_normalize_meets);
  g_test_add_func ("/search/chosung", test_chosung);
  g_test_add_func ("/search/is-chosung", test_is_chosung);
  g_test_add_func ("/search/digits", test_digits);
  g_test_add_func ("/search/is-phone-like", test_is_phone_like);
  g_test_add_func ("/search/terms", test_terms);
  g_test_add_func ("/search/pieces", test_pieces);

  return g_test_run ();
}
