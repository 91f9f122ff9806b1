/* dg-bench-data.c */
#define G_LOG_DOMAIN "Dangol-Bench"

#include "config.h"

#include "dg-bench-data.h"

typedef struct
{
  const char *hangul;
  const char *roman;
  guint       weight;
} Syllables;

/* Surnames with their share of the population in thousandths, roughly as
 * the census counts them, so that 김 and 이 dominate as they do. */
static const Syllables surnames[] = {
  { "김", "kim", 215 }, { "이", "lee", 147 }, { "박", "park", 84 },
  { "최", "choi", 47 }, { "정", "jung", 44 }, { "강", "kang", 23 },
  { "조", "cho", 21 }, { "윤", "yoon", 20 }, { "장", "jang", 20 },
  { "임", "lim", 17 }, { "한", "han", 15 }, { "오", "oh", 15 },
  { "서", "seo", 15 }, { "신", "shin", 14 }, { "권", "kwon", 14 },
  { "황", "hwang", 14 }, { "안", "ahn", 13 }, { "송", "song", 13 },
  { "전", "jeon", 11 }, { "홍", "hong", 11 }, { "유", "yoo", 10 },
  { "고", "ko", 9 }, { "문", "moon", 9 }, { "양", "yang", 9 },
  { "손", "son", 9 }, { "배", "bae", 8 }, { "백", "baek", 8 },
  { "허", "heo", 6 }, { "남", "nam", 5 }, { "심", "shim", 5 },
  { "노", "noh", 4 }, { "하", "ha", 4 }, { "곽", "kwak", 4 },
  { "성", "sung", 4 }, { "차", "cha", 4 }, { "주", "joo", 4 },
  { "우", "woo", 4 }, { "구", "koo", 4 }, { "민", "min", 3 },
  { "류", "ryu", 3 }, { "나", "na", 3 }, { "진", "jin", 3 },
  { "지", "ji", 3 }, { "엄", "eom", 3 }, { "채", "chae", 2 },
  { "원", "won", 2 }, { "천", "chun", 2 }, { "방", "bang", 2 },
  { "공", "kong", 2 }, { "현", "hyun", 2 }, { "함", "ham", 2 },
  { "변", "byun", 2 }, { "염", "yeom", 1 }, { "여", "yeo", 1 },
  { "추", "choo", 1 }, { "도", "do", 1 }, { "소", "so", 1 },
  { "석", "seok", 1 }, { "선", "sun", 1 }, { "설", "seol", 1 },
  { "마", "ma", 1 }, { "길", "gil", 1 }, { "연", "yeon", 1 },
  { "위", "wi", 1 }, { "표", "pyo", 1 }, { "명", "myung", 1 },
  { "기", "ki", 1 }, { "반", "ban", 1 }, { "왕", "wang", 1 },
  { "금", "keum", 1 }, { "남궁", "namgung", 1 }, { "황보", "hwangbo", 1 },
  { "제갈", "jegal", 1 }, { "선우", "sunwoo", 1 },
};

/* Given names that were popular in one generation or another. */
static const Syllables given_names[] = {
  { "민준", "minjun", 1 }, { "서준", "seojun", 1 }, { "도윤", "doyoon", 1 },
  { "예준", "yejun", 1 }, { "시우", "siwoo", 1 }, { "하준", "hajun", 1 },
  { "주원", "juwon", 1 }, { "지호", "jiho", 1 }, { "지후", "jihu", 1 },
  { "준우", "junwoo", 1 }, { "준서", "junseo", 1 }, { "건우", "gunwoo", 1 },
  { "도현", "dohyun", 1 }, { "현우", "hyunwoo", 1 }, { "지훈", "jihoon", 1 },
  { "우진", "woojin", 1 }, { "서진", "seojin", 1 }, { "민재", "minjae", 1 },
  { "현준", "hyunjun", 1 }, { "연우", "yeonwoo", 1 }, { "정우", "jungwoo", 1 },
  { "승우", "seungwoo", 1 }, { "승현", "seunghyun", 1 }, { "준혁", "junhyuk", 1 },
  { "은우", "eunwoo", 1 }, { "지환", "jihwan", 1 }, { "승민", "seungmin", 1 },
  { "민수", "minsu", 1 }, { "영수", "youngsu", 1 }, { "영호", "youngho", 1 },
  { "정호", "jungho", 1 }, { "성호", "sungho", 1 }, { "성민", "sungmin", 1 },
  { "상훈", "sanghoon", 1 }, { "동현", "donghyun", 1 }, { "재현", "jaehyun", 1 },
  { "성진", "sungjin", 1 }, { "태현", "taehyun", 1 }, { "진우", "jinwoo", 1 },
  { "광수", "kwangsu", 1 }, { "철수", "cheolsu", 1 }, { "종훈", "jonghoon", 1 },
  { "병철", "byungcheol", 1 }, { "서연", "seoyeon", 1 }, { "서윤", "seoyoon", 1 },
  { "지우", "jiwoo", 1 }, { "서현", "seohyun", 1 }, { "민서", "minseo", 1 },
  { "하은", "haeun", 1 }, { "하윤", "hayoon", 1 }, { "윤서", "yoonseo", 1 },
  { "지유", "jiyu", 1 }, { "지민", "jimin", 1 }, { "채원", "chaewon", 1 },
  { "수아", "sua", 1 }, { "지아", "jia", 1 }, { "지윤", "jiyoon", 1 },
  { "은서", "eunseo", 1 }, { "다은", "daeun", 1 }, { "예은", "yeeun", 1 },
  { "수빈", "subin", 1 }, { "소율", "soyul", 1 }, { "예린", "yerin", 1 },
  { "지원", "jiwon", 1 }, { "유진", "yujin", 1 }, { "민지", "minji", 1 },
  { "수진", "sujin", 1 }, { "지영", "jiyoung", 1 }, { "은정", "eunjung", 1 },
  { "미경", "mikyung", 1 }, { "영희", "younghee", 1 }, { "정숙", "jungsook", 1 },
  { "순자", "sunja", 1 }, { "미숙", "misook", 1 }, { "경희", "kyunghee", 1 },
  { "혜진", "hyejin", 1 }, { "은영", "eunyoung", 1 }, { "현정", "hyunjung", 1 },
  { "지혜", "jihye", 1 }, { "수연", "suyeon", 1 }, { "민정", "minjung", 1 },
  { "소영", "soyoung", 1 }, { "하나", "hana", 1 }, { "보람", "boram", 1 },
  { "아름", "areum", 1 }, { "슬기", "seulgi", 1 }, { "다인", "dain", 1 },
  { "나연", "nayeon", 1 }, { "혜원", "hyewon", 1 }, { "유나", "yuna", 1 },
  { "가은", "gaeun", 1 },
};

/* Syllables for the given names not in the list above. */
static const Syllables first_syllables[] = {
  { "민", "min", 1 }, { "서", "seo", 1 }, { "지", "ji", 1 }, { "현", "hyun", 1 },
  { "수", "su", 1 }, { "준", "jun", 1 }, { "예", "ye", 1 }, { "도", "do", 1 },
  { "하", "ha", 1 }, { "은", "eun", 1 }, { "유", "yu", 1 }, { "승", "seung", 1 },
  { "성", "sung", 1 }, { "영", "young", 1 }, { "정", "jung", 1 }, { "재", "jae", 1 },
  { "태", "tae", 1 }, { "동", "dong", 1 }, { "상", "sang", 1 }, { "진", "jin", 1 },
  { "우", "woo", 1 }, { "혜", "hye", 1 }, { "미", "mi", 1 }, { "소", "so", 1 },
  { "다", "da", 1 }, { "채", "chae", 1 }, { "시", "si", 1 }, { "주", "ju", 1 },
  { "경", "kyung", 1 }, { "연", "yeon", 1 }, { "윤", "yoon", 1 }, { "가", "ga", 1 },
  { "나", "na", 1 }, { "보", "bo", 1 }, { "세", "se", 1 }, { "한", "han", 1 },
  { "희", "hee", 1 }, { "선", "sun", 1 }, { "명", "myung", 1 }, { "종", "jong", 1 },
};

static const Syllables second_syllables[] = {
  { "수", "su", 1 }, { "준", "jun", 1 }, { "호", "ho", 1 }, { "훈", "hoon", 1 },
  { "민", "min", 1 }, { "영", "young", 1 }, { "아", "a", 1 }, { "은", "eun", 1 },
  { "연", "yeon", 1 }, { "희", "hee", 1 }, { "진", "jin", 1 }, { "우", "woo", 1 },
  { "현", "hyun", 1 }, { "서", "seo", 1 }, { "윤", "yoon", 1 }, { "원", "won", 1 },
  { "빈", "bin", 1 }, { "기", "ki", 1 }, { "석", "seok", 1 }, { "철", "cheol", 1 },
  { "숙", "sook", 1 }, { "정", "jung", 1 }, { "경", "kyung", 1 }, { "지", "ji", 1 },
  { "율", "yul", 1 }, { "린", "rin", 1 }, { "혁", "hyuk", 1 }, { "환", "hwan", 1 },
  { "재", "jae", 1 }, { "람", "ram", 1 }, { "솔", "sol", 1 }, { "별", "byul", 1 },
  { "미", "mi", 1 }, { "나", "na", 1 }, { "인", "in", 1 },
};

static const char * const latin_first_names[] = {
  "James", "John", "Robert", "Michael", "David", "William", "Richard",
  "Joseph", "Thomas", "Daniel", "Matthew", "Andrew", "Emma", "Olivia",
  "Sophia", "Isabella", "Mia", "Charlotte", "Amelia", "Emily", "Sarah",
  "Jessica", "Hannah", "Grace", "Anna", "Laura", "Julia", "Lucas", "Noah",
  "Liam", "Ethan", "Oliver", "Benjamin", "Samuel", "Chloe", "Zoe", "Claire",
  "Peter", "Paul", "Mark", "Kevin", "Brian", "Steven", "Jennifer", "Linda",
  "Susan", "Karen", "Nancy", "Marie", "Lukas",
};

static const char * const latin_last_names[] = {
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
  "Davis", "Rodriguez", "Martinez", "Wilson", "Anderson", "Taylor", "Thomas",
  "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris",
  "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
  "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell",
  "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Schmidt",
  "Dubois", "Rossi", "Tanaka", "Suzuki", "Nguyen", "Tran", "Becker",
};

static const char * const email_domains[] = {
  "naver.com", "naver.com", "naver.com", "naver.com", "naver.com",
  "naver.com", "naver.com", "gmail.com", "gmail.com", "gmail.com",
  "gmail.com", "gmail.com", "gmail.com", "daum.net", "daum.net",
  "hanmail.net", "kakao.com", "nate.com", "outlook.com", "icloud.com",
};

static const char * const organizations[] = {
  "삼성전자", "현대자동차", "LG전자", "SK하이닉스", "네이버", "카카오",
  "쿠팡", "우아한형제들", "비바리퍼블리카", "당근마켓", "서울대학교",
  "연세대학교", "고려대학교", "한양대학교", "이화여자대학교", "부산대학교",
  "서울특별시청", "마포구청", "국민건강보험공단", "한국전력공사", "신한은행",
  "KB국민은행", "우리은행", "하나은행", "스타벅스 코리아", "CJ올리브영",
  "교보문고", "한빛미디어", "푸른숲 어린이집", "햇살 필라테스", "온누리약국",
  "바른치과의원", "새봄한의원", "다온 카페", "미래공인중개사사무소",
  "개인사업자", "프리랜서", "Google Korea", "Microsoft Korea", "Samsung SDS",
  "LINE Plus", "Amorepacific", "Hyundai Card", "Seoul Foreign School",
};

static const char * const sources[] = {
  "블로그", "지인 소개", "인스타그램", "네이버 검색", "유튜브",
  "카카오톡 채널", "강의", "박람회", "홈페이지", "전단지", "Facebook",
};

static const char * const tag_names[] = {
  "VIP", "신규", "재구매", "단골", "강의", "코칭", "상담", "워크숍",
  "온라인", "오프라인", "소개", "블로그", "인스타", "뉴스레터", "2025봄",
  "2025가을", "기업", "개인", "휴면", "후기작성",
};

static const char * const note_phrases[] = {
  "3월 강의 수강", "재등록 문의함", "소개로 처음 방문", "다음 달 워크숍에 관심 있음",
  "전화보다 문자 선호", "오전에만 통화 가능", "설문 응답 완료", "후기 작성 약속",
  "수업 시간 변경 요청", "결제 영수증 재발행 요청", "주말 수업 희망",
  "아이 동반 가능 여부 문의", "단체 수강 견적 요청", "환불 규정 안내함",
  "Prefers email", "Asked about the group course", "Interested in 1:1 coaching",
  "Came with a colleague", "Wants an invoice for the company",
};

struct _DgBenchData
{
  GRand     *rand;
  guint      surname_total;
  GDateTime *end;
};

DgBenchData *
dg_bench_data_new (guint32 seed)
{
  DgBenchData *self = g_new0 (DgBenchData, 1);

  self->rand = g_rand_new_with_seed (seed);
  for (guint i = 0; i < G_N_ELEMENTS (surnames); i++)
    self->surname_total += surnames[i].weight;
  self->end = g_date_time_new_utc (2026, 11, 1, 0, 0, 0);

  return self;
}

void
dg_bench_data_free (DgBenchData *self)
{
  if (self == NULL)
    return;

  g_rand_free (self->rand);
  g_date_time_unref (self->end);
  g_free (self);
}

static guint
pick (DgBenchData *self,
      guint        n)
{
  return g_rand_int_range (self->rand, 0, n);
}

/* TRUE with a probability of @percent in a hundred. */
static gboolean
chance (DgBenchData *self,
        guint        percent)
{
  return pick (self, 100) < percent;
}

#define PICK(self, array) ((array)[pick ((self), G_N_ELEMENTS (array))])

static const Syllables *
pick_surname (DgBenchData *self)
{
  guint n = pick (self, self->surname_total);

  for (guint i = 0; i < G_N_ELEMENTS (surnames); i++)
    {
      if (n < surnames[i].weight)
        return &surnames[i];
      n -= surnames[i].weight;
    }

  return &surnames[0];
}

static char *
make_email (DgBenchData *self,
            const char  *first,
            const char  *last)
{
  g_autofree char *handle = NULL;
  g_autofree char *lower = NULL;
  const char *separators[] = { ".", "_", "", "" };

  handle = g_strconcat (first, separators[pick (self, G_N_ELEMENTS (separators))], last, NULL);
  lower = g_ascii_strdown (handle, -1);

  if (chance (self, 40))
    return g_strdup_printf ("%s%02u@%s", lower, pick (self, 100), PICK (self, email_domains));

  return g_strdup_printf ("%s@%s", lower, PICK (self, email_domains));
}

static char *
make_phone (DgBenchData *self)
{
  guint kind = pick (self, 100);
  guint a = 1000 + pick (self, 9000);
  guint b = pick (self, 10000);
  const char *area_codes[] = { "02", "031", "032", "051", "053", "062", "064" };

  if (kind < 72)
    return g_strdup_printf ("010-%04u-%04u", a, b);
  if (kind < 77)
    return g_strdup_printf ("010%04u%04u", a, b);
  if (kind < 80)
    return g_strdup_printf ("010 %04u %04u", a, b);
  if (kind < 88)
    return g_strdup_printf ("%s-%03u-%04u", PICK (self, area_codes), 200 + pick (self, 800), b);

  return NULL;
}

static char *
make_note (DgBenchData *self)
{
  if (chance (self, 40))
    return NULL;

  if (chance (self, 70))
    return g_strdup (PICK (self, note_phrases));

  return g_strdup_printf ("%s. %s", PICK (self, note_phrases), PICK (self, note_phrases));
}

static void
set_tags (DgBenchData *self,
          DgCustomer  *customer)
{
  guint roll = pick (self, 100);
  guint n = roll < 35 ? 0 : roll < 70 ? 1 : roll < 90 ? 2 : 3;
  const char *tags[4] = { NULL, };

  for (guint i = 0; i < n; i++)
    tags[i] = PICK (self, tag_names);

  /* The setter sorts and drops duplicates. */
  dg_customer_set_tags (customer, tags);
}

DgCustomer *
dg_bench_data_make_customer (DgBenchData *self)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *note = NULL;
  const char *first_roman;
  const char *last_roman;
  g_autofree char *combined_roman = NULL;

  if (chance (self, 86))
    {
      const Syllables *surname = pick_surname (self);

      if (chance (self, 65))
        {
          const Syllables *given = &PICK (self, given_names);

          name = g_strconcat (surname->hangul, given->hangul, NULL);
          first_roman = given->roman;
        }
      else
        {
          const Syllables *one = &PICK (self, first_syllables);
          const Syllables *two = &PICK (self, second_syllables);

          name = g_strconcat (surname->hangul, one->hangul, two->hangul, NULL);
          combined_roman = g_strconcat (one->roman, two->roman, NULL);
          first_roman = combined_roman;
        }
      last_roman = surname->roman;
    }
  else
    {
      first_roman = PICK (self, latin_first_names);
      last_roman = PICK (self, latin_last_names);
      name = g_strdup_printf ("%s %s", first_roman, last_roman);
    }

  dg_customer_set_name (customer, name);

  phone = make_phone (self);
  if (phone != NULL)
    dg_customer_set_phone (customer, phone);

  if (chance (self, 70))
    {
      email = make_email (self, first_roman, last_roman);
      dg_customer_set_email (customer, email);
    }

  if (chance (self, 55))
    dg_customer_set_organization (customer, PICK (self, organizations));

  if (chance (self, 70))
    dg_customer_set_source (customer, PICK (self, sources));

  if (chance (self, 40))
    {
      g_autofree char *birthday = g_strdup_printf ("%04u-%02u-%02u",
                                                   1960 + pick (self, 46),
                                                   1 + pick (self, 12),
                                                   1 + pick (self, 28));
      dg_customer_set_birthday (customer, birthday);
    }

  note = make_note (self);
  if (note != NULL)
    dg_customer_set_note (customer, note);

  set_tags (self, customer);

  /* Up to three years before the fixed end, so runs give the same data. */
  created = g_date_time_add_seconds (self->end, -(gdouble) pick (self, 3 * 365 * 24 * 3600));
  dg_customer_set_created_at (customer, created);
  dg_customer_set_updated_at (customer, created);

  if (chance (self, 50))
    dg_customer_set_marketing_consent (customer, TRUE, created);

  /* A few past customers, as a real list has. */
  if (chance (self, 3))
    dg_customer_set_archived (customer, TRUE);

  return g_steal_pointer (&customer);
}
