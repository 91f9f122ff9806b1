/* test-search-generated.c
 *
 * The search on ten thousand generated customers, query by query, against
 * a plain LIKE scan over the same rows: every word of a query LIKE some
 * column, and a word mixing syllables with initial consonants also
 * checked against the name character by character.
 */
#include "config.h"

#include <string.h>

#include "dg-database-private.h"
#include "dg-search-reference.h"
#include "dg-test-util.h"

#define N_CUSTOMERS 10000
#define SEED        20240611

/* Every generated text is ASCII or precomposed Hangul, which the
 * reference scan (dg-search-reference.h) relies on. */

static const char * const surnames[] = {
  "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오",
  "서", "신", "권", "황", "안", "송", "류", "전", "홍", "고", "문", "양",
  "손", "배", "백", "허", "유", "남", "심", "노", "하", "곽", "성", "차",
  "주", "우", "구", "민", "진", "나", "남궁", "선우", "제갈",
};

static const char * const given_syllables[] = {
  "민", "수", "서", "연", "지", "현", "준", "영", "우", "호", "은", "정",
  "혜", "진", "성", "훈", "아", "유", "하", "윤", "재", "경", "미", "희",
  "태", "동", "상", "석", "철", "숙", "자", "옥", "선", "나", "다", "빈",
  "주", "원", "규", "범", "혁", "찬", "솔", "별", "람", "결",
};

static const char * const latin_first[] = {
  "James", "Mary", "John", "Anna", "Sophie", "Liam", "Olivia", "Noah",
  "Emma", "Lucas", "Mia", "Ethan", "Chloe", "Daniel", "Grace", "Minsu",
  "Jiyeon", "Sarah", "David", "Hannah",
};

static const char * const latin_last[] = {
  "Smith", "Kim", "Park", "Lee", "O'Brien", "McDonald", "Garcia", "Miller",
  "Brown", "Wilson", "Taylor", "Moore", "Nguyen", "Choi", "Anderson",
  "de la Cruz", "Van Dijk",
};

static const char * const organizations[] = {
  "삼성전자", "(주)한빛소프트", "서울대학교", "카페 온도", "민수네 꽃집",
  "한국전력공사", "부산요가센터", "더 배움 아카데미", "Acme Corp",
  "Blue Whale Studio", "Naver Labs", "Kakao Mobility", "Open Source 협회",
  "ACME Korea", "100% Coffee", "Studio_Nine", "Lee & Park LLP",
};

static const char * const domains[] = {
  "example.com", "naver.com", "daum.net", "gmail.com", "company.co.kr",
  "univ.ac.kr", "Mail.Example.org",
};

static const char * const note_pieces[] = {
  "첫 상담 완료", "다음 주 화요일 통화", "강의 후기 긍정적", "소개로 방문",
  "재방문 의사 있음", "가격 문의", "할인 10% 적용", "\"VIP\" 대우 요청",
  "O'Brien 씨 소개", "file C:\\고객\\자료 확인", "follow_up 필요",
  "prefers email", "Called twice, no answer", "Workshop in March",
  "coaching 3회차", "뉴스레터 구독", "100%_만족", "예약 변경 (2회)",
  "민수 님과 동행", "ask about Q3 budget",
};

static const char * const tag_names[] = {
  "VIP", "신규", "재방문", "강의", "코칭", "newsletter", "follow_up", "B2B",
  "수강생_2024", "50%할인",
};

static const char * const sources[] = {
  "blog", "블로그", "a friend", "인스타그램", "search", "",
};

static const char *
pick (GRand              *rand,
      const char * const *list,
      guint               n)
{
  return list[g_rand_int_range (rand, 0, n)];
}

#define PICK(rand, list) pick (rand, list, G_N_ELEMENTS (list))

static char *
make_korean_name (GRand *rand)
{
  GString *name = g_string_new (PICK (rand, surnames));
  int n_given = g_rand_int_range (rand, 0, 10) == 0 ? 1 : 2;

  for (int i = 0; i < n_given; i++)
    g_string_append (name, PICK (rand, given_syllables));

  return g_string_free (name, FALSE);
}

static char *
make_phone (GRand *rand)
{
  int a = g_rand_int_range (rand, 1000, 10000);
  int b = g_rand_int_range (rand, 1000, 10000);

  switch (g_rand_int_range (rand, 0, 7))
    {
    case 0:
      return g_strdup_printf ("010-%04d-%04d", a, b);
    case 1:
      return g_strdup_printf ("010%04d%04d", a, b);
    case 2:
      return g_strdup_printf ("+82 10 %04d %04d", a, b);
    case 3:
      return g_strdup_printf ("02-%03d-%04d", a % 1000, b);
    case 4:
      return g_strdup_printf ("(031) %03d-%04d", a % 1000, b);
    case 5:
      return g_strdup_printf ("010.%04d.%04d", a, b);
    default:
      return g_strdup ("");
    }
}

static char *
make_email (GRand      *rand,
            const char *latin_hint)
{
  static const char * const locals[] = {
    "minsu", "jiyeon", "kim", "park.j", "lee_s", "coach", "hello", "Sophie.M",
    "info", "o.brien", "d_garcia", "HANNAH",
  };

  if (g_rand_int_range (rand, 0, 8) == 0)
    return g_strdup ("");

  return g_strdup_printf ("%s%d@%s",
                          latin_hint ? latin_hint : PICK (rand, locals),
                          g_rand_int_range (rand, 0, 1000),
                          PICK (rand, domains));
}

static DgCustomer *
make_customer (GRand *rand,
               guint  i)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autofree char *name = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  const char *tags[4] = { NULL };
  guint n_tags;
  const char *local = NULL;

  /* Plenty of exact namesakes, so that ordering by name ties on the id. */
  if (i % 97 == 0)
    name = g_strdup ("김민수");
  else if (g_rand_int_range (rand, 0, 4) == 0)
    {
      const char *first = PICK (rand, latin_first);

      name = g_strdup_printf ("%s %s", first, PICK (rand, latin_last));
      if (g_rand_boolean (rand))
        local = first;
    }
  else
    name = make_korean_name (rand);

  phone = make_phone (rand);
  email = make_email (rand, local);

  for (int j = g_rand_int_range (rand, 0, 3); j > 0; j--)
    {
      if (note->len > 0)
        g_string_append (note, ". ");
      g_string_append (note, PICK (rand, note_pieces));
    }

  n_tags = g_rand_int_range (rand, 0, 4);
  for (guint j = 0; j < n_tags; j++)
    tags[j] = PICK (rand, tag_names);

  dg_customer_set_name (customer, name);
  dg_customer_set_phone (customer, phone);
  dg_customer_set_email (customer, email);
  if (g_rand_int_range (rand, 0, 3) != 0)
    dg_customer_set_organization (customer, PICK (rand, organizations));
  dg_customer_set_source (customer, PICK (rand, sources));
  dg_customer_set_note (customer, note->str);
  dg_customer_set_tags (customer, tags);
  dg_customer_set_archived (customer, g_rand_int_range (rand, 0, 10) == 0);

  return g_steal_pointer (&customer);
}

typedef struct
{
  DgDatabase   *db;
  GPtrArray    *queries;
} SearchFixture;

static void
add_query (GPtrArray  *queries,
           const char *text)
{
  for (guint i = 0; i < queries->len; i++)
    if (g_strcmp0 (g_ptr_array_index (queries, i), text) == 0)
      return;

  g_ptr_array_add (queries, g_strdup (text));
}

/* A substring of @text, @len characters long, from a random place. */
static char *
random_piece (GRand      *rand,
              const char *text,
              glong       len)
{
  glong n = g_utf8_strlen (text, -1);
  glong start;

  if (n < len)
    return NULL;

  start = g_rand_int_range (rand, 0, n - len + 1);

  return g_utf8_substring (text, start, start + len);
}

static char *
random_case (GRand      *rand,
             const char *text)
{
  char *out = g_strdup (text);

  for (char *p = out; *p; p++)
    if (g_ascii_isalpha (*p) && g_rand_boolean (rand))
      *p = g_ascii_isupper (*p) ? g_ascii_tolower (*p) : g_ascii_toupper (*p);

  return out;
}

static const char * const fixed_queries[] = {
  /* Korean, one and two characters: the trigram index cannot answer these. */
  "민", "수", "김", "민수", "김민", "서연", "남궁", "꽃", "전자",
  /* Three and more. */
  "김민수", "민수네", "삼성전자", "한빛소프트", "재방문", "뉴스레터 구독",
  /* Initial consonants, full, partial and single. */
  "ㄱㅁㅅ", "ㅁㅅ", "ㄱㅁ", "ㅅ", "ㄱ", "ㅎ", "ㄴㄱㅁ", "ㅇㅅㅇ", "ㅋㅋㅋ",
  "ㄲ", "ㅃㅃ",
  /* Latin in any case. */
  "kim", "KIM", "Kim", "smith", "SMI", "sm", "o'brien", "O'BRIEN", "de la",
  "van dijk", "acme", "ACME corp", "corp", "studio", "Labs", "a", "e",
  /* Emails. */
  "@", "@naver", "naver.com", ".co.kr", "mail.example", "minsu1", "lee_s",
  "d_garcia", "HANNAH", "sophie.m",
  /* Tags. */
  "vip", "VIP", "신규", "follow_up", "b2b", "수강생_2024", "50%할인",
  /* Characters that mean something to LIKE, FTS5 or SQL. */
  "%", "%%", "_", "__", "\\", "\\고객", "C:\\", "10%", "0%", "%_", "a_b",
  "_2024", "\"", "\"VIP\"", "'", "O'B", "''", "\"\"", "*", "NEAR", "AND",
  "OR", "a OR b", "(주)", "()", "-", "+", "^", ":",
  /* Phones, with and without separators. */
  "010", "0101", "01012", "010-1", "010-12", "+82 10", "+82", "82 10",
  "(031)", "031", "02-", "02", "5678", "1234 5678", "010.1", "1", "0",
  /* Notes. */
  "상담", "통화", "10% 적용", "prefers", "twice, no", "Q3", "march",
  "(2회)", "3회차",
  /* Spaces. */
  " ", "  ", " 민수 ", "카페 온도", "카페 ", " 온도", "김 민수",
  /* Syllables mixed with initial consonants; ㄳ and ㅏ begin no syllable. */
  "이ㅁㅅ", "이민ㅅ", "김ㅁㅅ", "김민ㅅ", "ㄱ민수", "ㄱ민ㅅ", "김ㅁ", "민ㅅ", "ㅁ수",
  "남궁ㅁ", "ㄴ궁", "ㅅㅇ연", "ㄱㅁ수네", "민수ㄴ", "김ㄳ", "김ㅏ", "ㅋ김",
  /* Several words, in any order, each in some field. */
  "smith sophie", "Sophie Smith", "민수 서울", "서울 민수", "김 삼성", "kim naver",
  "vip 신규", "신규 VIP", "민수 010", "김 010-12", "acme 민수 vip", "ㄱㅁㅅ 서울",
  "이ㅁㅅ 삼성", "a e", "zzzq 김", "  민수   서울  ", "민수\xe3\x80\x80서울", "민수\t삼성",
  "김 김", "상담 완료 김", "coach 코칭",
  /* Not in the data, and not in the search fields (source). */
  "zzzq", "없는이름", "qq", "xyz123", "blog", "블로그", "인스타그램",
  "가나다라마바사", "ㅊㅊㅊㅊ",
};

static void
build_queries (SearchFixture *fixture,
               GRand         *rand,
               GPtrArray     *customers)
{
  fixture->queries = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (fixed_queries); i++)
    add_query (fixture->queries, fixed_queries[i]);

  /* Pieces of real rows, so that most queries find something. */
  for (guint i = 0; i < 40; i++)
    {
      DgCustomer *c = g_ptr_array_index (customers, g_rand_int_range (rand, 0, customers->len));
      const char *name = dg_customer_get_name (c);
      g_autofree char *chosung = dg_search_chosung (name);
      g_autofree char *digits = dg_search_digits (dg_customer_get_phone (c));
      const char *email = dg_customer_get_email (c);
      const char *org = dg_customer_get_organization (c);
      const char *note = dg_customer_get_note (c);
      g_autofree char *piece = NULL;

      for (glong len = 1; len <= 3; len++)
        {
          g_autofree char *p = random_piece (rand, name, len);
          g_autofree char *cased = p ? random_case (rand, p) : NULL;

          if (cased)
            add_query (fixture->queries, cased);
        }

      if (*chosung)
        {
          g_autofree char *p = random_piece (rand, chosung, g_rand_int_range (rand, 1, 3));

          add_query (fixture->queries, chosung);
          if (p)
            add_query (fixture->queries, p);
        }

      if (*email)
        {
          g_autofree char *p = random_piece (rand, email, g_rand_int_range (rand, 2, 7));
          g_autofree char *cased = p ? random_case (rand, p) : NULL;

          if (cased)
            add_query (fixture->queries, cased);
        }

      if (org && *org)
        {
          g_autofree char *p = random_piece (rand, org, g_rand_int_range (rand, 1, 5));

          if (p)
            add_query (fixture->queries, p);
        }

      if (note && *note)
        {
          g_autofree char *p = random_piece (rand, note, g_rand_int_range (rand, 2, 6));

          if (p)
            add_query (fixture->queries, p);
        }

      if (strlen (digits) >= 8)
        {
          g_autofree char *p = random_piece (rand, digits, g_rand_int_range (rand, 3, 9));
          g_autofree char *dashed = NULL;

          add_query (fixture->queries, p);
          /* The same digits as a person types them, with a dash. */
          dashed = g_strdup_printf ("%.3s-%s", digits, digits + 3);
          dashed[g_rand_int_range (rand, 5, strlen (dashed) + 1)] = '\0';
          add_query (fixture->queries, dashed);
        }

      /* Part of a Korean name with some syllables as their initial
       * consonant, as one types while the input method composes. */
      if (g_utf8_strlen (chosung, -1) >= 2 && g_utf8_strlen (chosung, -1) == g_utf8_strlen (name, -1))
        {
          glong n = g_utf8_strlen (name, -1);
          glong start = g_rand_int_range (rand, 0, n - 1);
          glong len = g_rand_int_range (rand, 2, n - start + 1);
          gboolean first_whole = g_rand_boolean (rand);
          g_autoptr(GString) mixed = g_string_new (NULL);

          /* The first two characters differ in kind, the rest at random. */
          for (glong j = start; j < start + len; j++)
            {
              g_autofree char *syllable = g_utf8_substring (name, j, j + 1);
              g_autofree char *initial = g_utf8_substring (chosung, j, j + 1);
              gboolean whole = j == start ? first_whole
                               : j == start + 1 ? !first_whole
                               : g_rand_boolean (rand);

              g_string_append (mixed, whole ? syllable : initial);
            }
          add_query (fixture->queries, mixed->str);
        }

      /* Two pieces of different fields of one customer, in either order,
       * and one of them with a piece of someone else. */
      {
        DgCustomer *other = g_ptr_array_index (customers, g_rand_int_range (rand, 0, customers->len));
        const char *fields[] = { name, email, org, note, dg_customer_get_name (other) };
        g_autofree char *a = NULL;
        g_autofree char *b = NULL;
        g_autofree char *c_piece = NULL;
        g_autofree char *pair = NULL;
        g_autofree char *with_other = NULL;

        const char *second = fields[g_rand_int_range (rand, 2, 4)];

        a = random_piece (rand, fields[g_rand_int_range (rand, 0, 2)], g_rand_int_range (rand, 1, 4));
        b = random_piece (rand, second ? second : "", g_rand_int_range (rand, 1, 4));
        c_piece = random_piece (rand, fields[4], g_rand_int_range (rand, 1, 3));
        if (a && b && !strchr (a, ' ') && !strchr (b, ' '))
          {
            pair = g_rand_boolean (rand) ? g_strdup_printf ("%s %s", a, b) : g_strdup_printf ("%s %s", b, a);
            add_query (fixture->queries, pair);
          }
        if (a && c_piece && !strchr (a, ' ') && !strchr (c_piece, ' '))
          {
            with_other = g_strdup_printf ("%s %s", c_piece, a);
            add_query (fixture->queries, with_other);
          }
      }

      piece = random_piece (rand, dg_customer_get_phone (c), 6);
      if (piece)
        add_query (fixture->queries, piece);
    }
}

static SearchFixture *search_fixture;

static SearchFixture *
get_search_fixture (void)
{
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (search_fixture != NULL)
    return search_fixture;

  search_fixture = g_new0 (SearchFixture, 1);
  search_fixture->db = dg_test_open_database ();
  rand = g_rand_new_with_seed (SEED);
  customers = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < N_CUSTOMERS; i++)
    g_ptr_array_add (customers, make_customer (rand, i));

  start = g_get_monotonic_time ();
  g_assert_true (dg_database_begin (search_fixture->db, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < customers->len; i++)
    {
      dg_customers_insert (search_fixture->db, g_ptr_array_index (customers, i), &error);
      g_assert_no_error (error);
    }
  g_assert_true (dg_database_commit (search_fixture->db, &error));
  g_assert_no_error (error);
  g_test_message ("Inserted %u customers in %.2f s", N_CUSTOMERS,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  dg_search_reference_install (search_fixture->db);

  build_queries (search_fixture, rand, customers);

  return search_fixture;
}

static void
free_search_fixture (void)
{
  if (search_fixture == NULL)
    return;

  g_clear_pointer (&search_fixture->queries, g_ptr_array_unref);
  g_clear_object (&search_fixture->db);
  g_clear_pointer (&search_fixture, g_free);
}

/* The first id of @a that @b lacks, or 0. */
static gint64
first_missing (GArray *a,
               GArray *b)
{
  g_autoptr(GHashTable) in_b = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < b->len; i++)
    g_hash_table_add (in_b, &g_array_index (b, gint64, i));

  for (guint i = 0; i < a->len; i++)
    if (!g_hash_table_contains (in_b, &g_array_index (a, gint64, i)))
      return g_array_index (a, gint64, i);

  return 0;
}

/* What a customer holds, to show in a failure. */
static char *
describe (DgDatabase *db,
          gint64      id)
{
  g_autoptr(DgCustomer) c = dg_customers_get (db, id, NULL);
  g_autofree char *tags = NULL;

  if (c == NULL)
    return g_strdup_printf ("%" G_GINT64_FORMAT " (gone)", id);

  tags = dg_customer_dup_tags_text (c);

  return g_strdup_printf ("%" G_GINT64_FORMAT " {%s | %s | %s | %s | %s | %s}",
                          id,
                          dg_customer_get_name (c),
                          dg_customer_get_phone (c),
                          dg_customer_get_email (c),
                          dg_customer_get_organization (c),
                          dg_customer_get_note (c),
                          tags);
}

/* NULL when @got and @expected are the same list, else what differs. */
static char *
compare_ids (DgDatabase *db,
             GArray     *got,
             GArray     *expected,
             const char *query)
{
  gint64 id;

  /* An empty GArray's data may be NULL, which memcmp must not see. */
  if (got->len == expected->len &&
      (got->len == 0 || memcmp (got->data, expected->data, got->len * sizeof (gint64)) == 0))
    return NULL;

  if ((id = first_missing (got, expected)) != 0)
    {
      g_autofree char *row = describe (db, id);

      return g_strdup_printf ("“%s”: %u results, LIKE finds %u; only the search finds %s",
                              query, got->len, expected->len, row);
    }

  if ((id = first_missing (expected, got)) != 0)
    {
      g_autofree char *row = describe (db, id);

      return g_strdup_printf ("“%s”: %u results, LIKE finds %u; only LIKE finds %s",
                              query, got->len, expected->len, row);
    }

  for (guint i = 0; i < got->len; i++)
    if (g_array_index (got, gint64, i) != g_array_index (expected, gint64, i))
      return g_strdup_printf ("“%s”: same rows, but result %u is %" G_GINT64_FORMAT
                              " where LIKE has %" G_GINT64_FORMAT,
                              query, i, g_array_index (got, gint64, i),
                              g_array_index (expected, gint64, i));

  return g_strdup_printf ("“%s”: the same rows, one of them twice", query);
}

/* Runs one query both ways; a difference goes to @failures. Returns how
 * many customers the query finds. */
static guint
check_query (SearchFixture    *fixture,
             const char       *text,
             DgArchivedFilter  archived,
             GString          *failures)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) got = NULL;
  g_autoptr(GArray) expected = NULL;
  g_autofree char *difference = NULL;
  DgCustomerQuery query = {
    .text = text,
    .archived = archived,
    .sort = DG_CUSTOMER_SORT_NAME,
  };
  gint64 count;

  got = dg_customers_search_ids (fixture->db, &query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (got);
  expected = dg_search_reference_ids (fixture->db, text, archived);

  difference = compare_ids (fixture->db, got, expected, text ? text : "(null)");
  if (difference != NULL)
    {
      g_string_append_printf (failures, "\n  %s", difference);
      return expected->len;
    }

  count = dg_customers_count (fixture->db, &query, &error);
  g_assert_no_error (error);
  if (count != expected->len)
    g_string_append_printf (failures, "\n  “%s”: count %" G_GINT64_FORMAT ", LIKE finds %u",
                            text, count, expected->len);

  return expected->len;
}

static void
assert_no_failures (GString *failures)
{
  if (failures->len > 0)
    g_error ("The search and a plain LIKE scan differ:%s", failures->str);
}

static void
test_generated_matches_like (void)
{
  SearchFixture *fixture = get_search_fixture ();
  g_autoptr(GString) failures = g_string_new (NULL);
  guint n_with_results = 0;
  guint n_mixed = 0;
  guint n_several = 0;
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpuint (fixture->queries->len, >=, 200);

  for (guint i = 0; i < fixture->queries->len; i++)
    {
      const char *text = g_ptr_array_index (fixture->queries, i);
      g_auto(GStrv) words = dg_search_reference_words (text);

      if (check_query (fixture, text, DG_ARCHIVED_EXCLUDE, failures) > 0)
        {
          n_with_results++;
          if (g_strv_length (words) > 1)
            n_several++;
          for (guint j = 0; words[j] != NULL; j++)
            if (dg_search_reference_is_mixed (words[j]))
              {
                n_mixed++;
                break;
              }
        }
    }

  g_test_message ("%u queries (%u with results, %u of several words, %u mixing "
                  "syllables and initials) in %.2f s",
                  fixture->queries->len, n_with_results, n_several, n_mixed,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  assert_no_failures (failures);

  /* The set must exercise both outcomes to mean anything, and the
   * queries of several words and of mixed initials must find some. */
  g_assert_cmpuint (n_with_results, >, fixture->queries->len / 2);
  g_assert_cmpuint (n_with_results, <, fixture->queries->len);
  g_assert_cmpuint (n_several, >=, 20);
  g_assert_cmpuint (n_mixed, >=, 20);
}

static void
test_generated_archived (void)
{
  SearchFixture *fixture = get_search_fixture ();
  g_autoptr(GString) failures = g_string_new (NULL);

  for (guint i = 0; i < fixture->queries->len; i += 15)
    {
      const char *text = g_ptr_array_index (fixture->queries, i);

      check_query (fixture, text, DG_ARCHIVED_ONLY, failures);
      check_query (fixture, text, DG_ARCHIVED_INCLUDE, failures);
    }
  assert_no_failures (failures);
}

/* In every other order, a search finds the customers the reference scan
 * finds, in the order that the whole list has in that sort: whichever
 * index answers a word, the sort is the list's. */
static void
test_generated_sorts (void)
{
  static const DgCustomerSort sorts[] = {
    DG_CUSTOMER_SORT_PHONE, DG_CUSTOMER_SORT_EMAIL, DG_CUSTOMER_SORT_TAGS,
    DG_CUSTOMER_SORT_CREATED, DG_CUSTOMER_SORT_LAST_CONTACT,
  };
  SearchFixture *fixture = get_search_fixture ();

  for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
    for (guint descending = 0; descending < 2; descending++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GArray) everyone = NULL;
        DgCustomerQuery all = { .sort = sorts[s], .descending = descending };

        everyone = dg_customers_search_ids (fixture->db, &all, &error);
        g_assert_no_error (error);

        for (guint i = s + descending; i < fixture->queries->len; i += 7)
          {
            const char *text = g_ptr_array_index (fixture->queries, i);
            g_autoptr(GArray) expected_set = dg_search_reference_ids (fixture->db, text, DG_ARCHIVED_EXCLUDE);
            g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
            g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (gint64));
            g_autoptr(GArray) got = NULL;
            DgCustomerQuery query = all;

            for (guint j = 0; j < expected_set->len; j++)
              g_hash_table_add (wanted, &g_array_index (expected_set, gint64, j));
            for (guint j = 0; j < everyone->len; j++)
              if (g_hash_table_contains (wanted, &g_array_index (everyone, gint64, j)))
                g_array_append_val (expected, g_array_index (everyone, gint64, j));

            query.text = text;
            got = dg_customers_search_ids (fixture->db, &query, &error);
            g_assert_no_error (error);
            if (got->len != expected->len
                || (got->len > 0 && memcmp (got->data, expected->data, got->len * sizeof (gint64)) != 0))
              g_error ("“%s” in sort %d%s: %u results, %u expected, or another order",
                       text, sorts[s], descending ? " descending" : "", got->len, expected->len);
          }
      }
}

static void
test_generated_blank (void)
{
  SearchFixture *fixture = get_search_fixture ();
  g_autoptr(GString) failures = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  DgCustomerQuery query = { .archived = DG_ARCHIVED_INCLUDE };

  check_query (fixture, NULL, DG_ARCHIVED_EXCLUDE, failures);
  check_query (fixture, "", DG_ARCHIVED_EXCLUDE, failures);
  check_query (fixture, " \t ", DG_ARCHIVED_EXCLUDE, failures);
  assert_no_failures (failures);
  g_assert_cmpint (dg_customers_count (fixture->db, &query, &error), ==, N_CUSTOMERS);
  g_assert_no_error (error);
}

/* The cases the issue names, on the generated set. */
static void
test_generated_named_cases (void)
{
  SearchFixture *fixture = get_search_fixture ();
  static const char * const finds_kim_minsu[] = {
    "민수", "ㄱㅁㅅ", "ㅁㅅ", "김민수", "김", "민",
    "김ㅁㅅ", "김민ㅅ", "ㄱ민수", "ㄱㅁ수", "민ㅅ", "민수 김", "ㅅ 김ㅁ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (finds_kim_minsu); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = NULL;
      DgCustomerQuery query = { .text = finds_kim_minsu[i] };
      guint n_kim_minsu = 0;

      ids = dg_customers_search_ids (fixture->db, &query, &error);
      g_assert_no_error (error);

      for (guint j = 0; j < ids->len; j++)
        {
          g_autoptr(DgCustomer) c = dg_customers_get (fixture->db, g_array_index (ids, gint64, j), &error);

          g_assert_no_error (error);
          if (g_strcmp0 (dg_customer_get_name (c), "김민수") == 0)
            n_kim_minsu++;
        }
      g_assert_cmpuint (n_kim_minsu, >, 50);
    }
}

int
main (int argc, char *argv[])
{
  int ret;

  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/generated/matches-like", test_generated_matches_like);
  g_test_add_func ("/search/generated/archived", test_generated_archived);
  g_test_add_func ("/search/generated/sorts", test_generated_sorts);
  g_test_add_func ("/search/generated/blank", test_generated_blank);
  g_test_add_func ("/search/generated/named-cases", test_generated_named_cases);

  ret = g_test_run ();
  free_search_fixture ();

  return ret;
}
