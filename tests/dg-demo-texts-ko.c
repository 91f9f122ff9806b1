/* dg-demo-texts-ko.c: the Korean demo data (see dg-demo-texts.h). */
#include "config.h"

#include "dg-demo-texts.h"

#define CALL     DG_INTERACTION_CHANNEL_CALL
#define MESSAGE  DG_INTERACTION_CHANNEL_MESSAGE
#define EMAIL    DG_INTERACTION_CHANNEL_EMAIL
#define MEETING  DG_INTERACTION_CHANNEL_MEETING
#define OTHER    DG_INTERACTION_CHANNEL_OTHER
#define NONE     DG_INTERACTION_FEEDBACK_NONE
#define GOOD     DG_INTERACTION_FEEDBACK_POSITIVE
#define SO_SO    DG_INTERACTION_FEEDBACK_NEUTRAL
#define BAD      DG_INTERACTION_FEEDBACK_NEGATIVE
#define N(array) G_N_ELEMENTS (array)

/* Roughly how common each family name is. */
static const DemoName family_names[] = {
  { "김", "kim", 21 }, { "이", "lee", 15 }, { "박", "park", 8 }, { "최", "choi", 5 },
  { "정", "jung", 5 }, { "강", "kang", 2 }, { "조", "cho", 2 }, { "윤", "yoon", 2 },
  { "장", "jang", 2 }, { "임", "lim", 2 }, { "한", "han", 1 }, { "오", "oh", 1 },
  { "서", "seo", 1 }, { "신", "shin", 1 }, { "권", "kwon", 1 }, { "황", "hwang", 1 },
  { "안", "ahn", 1 }, { "송", "song", 1 }, { "류", "ryu", 1 }, { "홍", "hong", 1 },
  { "전", "jeon", 1 }, { "고", "ko", 1 }, { "문", "moon", 1 }, { "양", "yang", 1 },
  { "손", "son", 1 }, { "배", "bae", 1 }, { "백", "baek", 1 }, { "허", "heo", 1 },
  { "남", "nam", 1 }, { "노", "noh", 1 },
};

static char *
make_phone (GRand *rand)
{
  return g_strdup_printf ("010-%04d-%04d", g_rand_int_range (rand, 2000, 10000),
                          g_rand_int_range (rand, 0, 10000));
}

static const DemoName given_names[] = {
  { "민준", "minjun", 1 }, { "서연", "seoyeon", 1 }, { "지훈", "jihoon", 1 },
  { "수빈", "subin", 1 }, { "예린", "yerin", 1 }, { "도윤", "doyun", 1 },
  { "하은", "haeun", 1 }, { "지우", "jiwoo", 1 }, { "현우", "hyunwoo", 1 },
  { "지민", "jimin", 1 }, { "은지", "eunji", 1 }, { "정민", "jungmin", 1 },
  { "성호", "sungho", 1 }, { "미경", "mikyung", 1 }, { "혜진", "hyejin", 1 },
  { "상훈", "sanghoon", 1 }, { "재원", "jaewon", 1 }, { "수진", "sujin", 1 },
  { "경희", "kyunghee", 1 }, { "동현", "donghyun", 1 }, { "유진", "yujin", 1 },
  { "민지", "minji", 1 }, { "승현", "seunghyun", 1 }, { "은영", "eunyoung", 1 },
  { "준호", "junho", 1 }, { "지영", "jiyoung", 1 }, { "태희", "taehee", 1 },
  { "소영", "soyoung", 1 }, { "하준", "hajun", 1 }, { "서준", "seojun", 1 },
  { "채원", "chaewon", 1 }, { "다은", "daeun", 1 }, { "윤서", "yoonseo", 1 },
  { "건우", "gunwoo", 1 }, { "나연", "nayeon", 1 }, { "우진", "woojin", 1 },
  { "가은", "gaeun", 1 }, { "미숙", "misook", 1 }, { "영수", "youngsoo", 1 },
  { "정훈", "junghoon", 1 }, { "현정", "hyunjung", 1 }, { "진영", "jinyoung", 1 },
  { "보람", "boram", 1 }, { "세영", "seyoung", 1 }, { "한결", "hangyeol", 1 },
  { "슬기", "seulgi", 1 }, { "아름", "areum", 1 }, { "민호", "minho", 1 },
  { "선영", "sunyoung", 1 }, { "주희", "juhee", 1 }, { "병철", "byungchul", 1 },
  { "혜원", "hyewon", 1 }, { "성민", "sungmin", 1 }, { "은비", "eunbi", 1 },
  { "재훈", "jaehoon", 1 }, { "지현", "jihyun", 1 }, { "영미", "youngmi", 1 },
  { "동욱", "dongwook", 1 }, { "수아", "sua", 1 }, { "예지", "yeji", 1 },
};

static const char * const email_domains[] = {
  "naver.com", "gmail.com", "daum.net", "kakao.com", "hanmail.net", NULL
};

static const char * const organizations[] = {
  "소담 베이커리", "이음 커피", "숲속 책방", "하루 요가 스튜디오", "바른 세무회계",
  "마루 인테리어", "다온 한의원", "새봄 부동산", "온기 네일", "누리 디자인",
  "오늘 필라테스", "단비 스마트스토어", "별빛 캔들 공방", "한결 법률사무소", "모아 반찬가게",
  "정다운 분식", "푸른 안경원", "도담 어린이집", "결 헤어", "작은 숲 카페",
  "빛고을 사진관", "함께 협동조합", "라온 떡집", "그루 목공방", "포근 펫살롱",
  "솔 한복", "해맑은 치과", "동네 수제맥주", "마음 심리상담센터", "초록 텃밭 마켓",
  NULL
};

static const DemoWeighted lecture_sources[] = {
  { "네이버 블로그", 30 }, { "인스타그램", 25 }, { "지인 소개", 20 },
  { "카카오톡 채널", 12 }, { "소상공인 커뮤니티", 8 }, { "유튜브", 5 },
};

static const DemoWeighted shop_sources[] = {
  { "인스타그램", 30 }, { "지나가다 방문", 22 }, { "네이버 지도", 20 },
  { "지인 소개", 20 }, { "당근마켓", 8 },
};

static const char * const lecture_notes[] = {
  "스마트스토어 운영 3년 차. 상세페이지 고민이 많음.",
  "카페 창업 준비 중. 상권 분석에 관심.",
  "온라인 판매는 처음. 사진 찍는 법부터 궁금해함.",
  "가게 두 곳 운영, 직원 세 명. 오전 통화 선호.",
  "블로그는 꾸준히 쓰는데 인스타그램은 처음이라고 함.",
  "세금계산서 필요. 사업자 번호 받아 둠.",
  "퇴근 후 저녁 시간에만 연락 가능.",
  "강의 내용 녹음 가능한지 물어봄. 허락함.",
  "예전 직장 동료 소개로 옴.",
  "네이버 플레이스 리뷰 관리에 관심 많음.",
  "문자보다 카카오톡 선호.",
  "동네 상인회 총무. 단체 강의 가능성 있음.",
  NULL
};

static const char * const shop_notes[] = {
  "작약과 라넌큘러스 좋아함.",
  "백합 향을 싫어함.",
  "매번 포장은 크라프트지로.",
  "회사 근처라 점심시간에 주로 들름.",
  "반려견과 함께 방문.",
  "배송은 경비실에 맡겨 달라고 함.",
  "기념일마다 꽃다발 주문. 파스텔 톤 선호.",
  "원데이 클래스 사진을 SNS에 올려 줌.",
  "현금영수증 항상 요청.",
  "주말 오후에만 방문 가능.",
  NULL
};

static const char * const cohort_names[] = {
  "1기 · 작은 가게 SNS 마케팅",
  "2기 · 작은 가게 SNS 마케팅",
  "3기 · 네이버 플레이스 활용",
  "4기 · 작은 가게 SNS 마케팅",
  NULL
};

static const DemoContact announcement[] = {
  { MESSAGE, "블로그 공지를 보고 문자로 문의. 평일 저녁반도 있는지 물어봄.", NONE },
  { CALL, "수강료와 주차 가능 여부 문의. 건물 뒤 공영주차장 안내함.", SO_SO },
  { MESSAGE, "인스타그램 DM으로 강의 자료를 미리 받을 수 있는지 문의.", NONE },
  { EMAIL, "가게 직원 두 명과 같이 듣고 싶다며 단체 할인 문의. 10% 할인 안내.", GOOD },
  { CALL, "초보도 들을 수 있는지 걱정함. 실습 위주라 괜찮다고 안내.", SO_SO },
};

static const DemoContact signup[] = {
  { MESSAGE, "신청서 작성 완료. 입금 계좌 안내 문자 보냄.", NONE },
  { MESSAGE, "입금 확인. 자리 확정 문자에 고맙다는 답장.", GOOD },
  { CALL, "입금이 하루 늦어진다고 연락 옴. 자리 잡아 두기로 함.", SO_SO },
  { MESSAGE, "현금영수증 발행 요청. 번호 받아 처리함.", SO_SO },
};

static const DemoContact guidance[] = {
  { MESSAGE, "강의 전날 안내 문자 발송. 준비물 확인했다는 답장.", GOOD },
  { CALL, "강의장 위치 문의. 지하철 출구 번호 다시 안내함.", SO_SO },
  { MESSAGE, "노트북을 꼭 가져와야 하는지 문의. 휴대폰으로도 된다고 안내.", SO_SO },
  { MESSAGE, "당일 10분쯤 늦을 수 있다고 연락 옴.", SO_SO },
};

static const DemoContact lecture[] = {
  { MEETING, "강의 참석. 쉬는 시간에 가게 상황을 상담, 질문이 많았음.", GOOD },
  { MEETING, "강의 참석. 실습 속도가 조금 빠르다고 함.", BAD },
  { MEETING, "강의 참석. 맨 앞자리에서 열심히 필기함.", GOOD },
  { MEETING, "강의 참석. 끝나고 명함 교환.", SO_SO },
  { MEETING, "강의 참석. 예시로 든 가게 사례를 특히 좋아함.", GOOD },
};

static const DemoContact survey[] = {
  { OTHER, "설문 응답: 만족. 실제 사례가 많아서 좋았다고 함.", GOOD },
  { OTHER, "설문 응답: 보통. 강의 시간이 짧게 느껴졌다는 의견.", SO_SO },
  { OTHER, "설문 응답: 불만족. 강의장이 덥고 자리가 좁았다는 의견.", BAD },
  { MESSAGE, "설문 다시 알림 문자에 바로 응답. 다음 과정 일정을 물어봄.", GOOD },
  { OTHER, "설문 응답: 매우 만족. 주변 사장님들께 추천하겠다고 함.", GOOD },
};

static const DemoContact next_course[] = {
  { MESSAGE, "심화 과정 초대 문자 발송. 일정 확인 후 답하겠다고 함.", SO_SO },
  { CALL, "심화 과정 안내 전화. 바로 신청하겠다고 함.", GOOD },
  { CALL, "초대에 답이 없어 전화. 요즘 가게가 바빠 다음에 듣겠다고 함.", BAD },
  { EMAIL, "심화 과정 커리큘럼을 메일로 보냄. 교육비 지원이 되는지 알아본다고 함.", SO_SO },
};

static const DemoContact member[] = {
  { CALL, "한 달 안부 전화. 배운 대로 인스타그램을 시작해 문의가 늘었다고 함.", GOOD },
  { MEETING, "심화 과정 수강. 옆 가게 사장님 한 분을 소개해 줌.", GOOD },
  { MESSAGE, "후기 부탁에 블로그 후기 링크를 보내 옴.", GOOD },
  { MESSAGE, "근황 문자. 두 번째 매장을 연다는 소식.", SO_SO },
};

static const DemoStageContacts lecture_contacts[] = {
  { announcement, N (announcement) }, { signup, N (signup) }, { guidance, N (guidance) },
  { lecture, N (lecture) }, { survey, N (survey) }, { next_course, N (next_course) },
  { member, N (member) }, { NULL, 0 },
};

static const DemoContact first_visit[] = {
  { MEETING, "꽃다발 구매. 어머니 생신 선물이라고 함.", GOOD },
  { MEETING, "원데이 클래스(센터피스) 참여. 손이 빠르고 색감이 좋음.", GOOD },
  { MEETING, "가게 앞을 지나다 들어옴. 가격 물어보고 명함 가져감.", SO_SO },
  { MEETING, "프러포즈용 꽃다발 상담. 예산 10만 원.", SO_SO },
};

static const DemoContact thanks[] = {
  { MESSAGE, "감사 문자 발송. 꽃이 오래간다며 사진을 보내 줌.", GOOD },
  { MESSAGE, "감사 문자 발송. 답장은 없음.", NONE },
  { MESSAGE, "감사 문자에 답장: 포장이 조금 아쉬웠다고 함.", BAD },
  { CALL, "주문한 꽃바구니 배송 시간 확인 전화.", SO_SO },
};

static const DemoContact second_visit[] = {
  { MEETING, "다시 방문. 지인 개업 축하 화분 주문.", GOOD },
  { MEETING, "원데이 클래스 두 번째 참여. 친구와 함께 옴.", GOOD },
  { MEETING, "다시 와서 꽃다발 구매. 지난번보다 비싸다고 함.", BAD },
  { MESSAGE, "격주 꽃 정기구독 문의. 구성과 가격 안내.", GOOD },
};

static const DemoContact regular[] = {
  { MEETING, "정기구독 꽃 수령. 이번 구성이 마음에 든다고 함.", GOOD },
  { MESSAGE, "지인 한 분을 소개해 줌. 소개 할인 적용하기로.", GOOD },
  { CALL, "안부 전화. 요즘 바빠서 못 왔다며 다음 주에 예약.", SO_SO },
  { MEETING, "명절 선물용 꽃바구니 다섯 개 주문.", GOOD },
};

static const DemoStageContacts shop_contacts[] = {
  { first_visit, N (first_visit) }, { thanks, N (thanks) },
  { second_visit, N (second_visit) }, { regular, N (regular) }, { NULL, 0 },
};

static const DemoContact other_contacts[] = {
  { CALL, "거래처 소개로 연락. 매장 디스플레이 꽃 정기 납품 문의.", SO_SO },
  { EMAIL, "회사 행사 꽃 장식 견적 요청. 견적서 보냄.", NONE },
  { MEETING, "커피 한잔하며 협업 이야기. 공동 클래스를 해 보기로 함.", GOOD },
  { MESSAGE, "지난번 견적에 대한 답을 기다린다며 다시 문의.", SO_SO },
  { CALL, "납품한 꽃 상태가 좋지 않았다는 연락. 교환해 드리기로 함.", BAD },
  { MESSAGE, "기업 강의 가능 여부 문의. 강의 소개서 보냄.", NONE },
};

static const char * const drop_before_signup[] = { "일정이 맞지 않음", "다른 강의를 듣기로 함", NULL };
static const char * const drop_before_payment[] = { "수강료 부담", "입금하지 않음", NULL };
static const char * const drop_no_show[] = { "당일 불참", NULL };
static const char * const drop_next_course[] = { "다음 과정에 관심 없음", "가게 일이 바빠짐", NULL };
static const char * const drop_shop[] = { "연락 없음", "이사함", "가격 부담", NULL };

static const DemoFollowup followups[] = {
  { "견적서 보내기", "행사 꽃 장식, 테이블 열 개 기준.", 11 },
  { "세금계산서 발행하기", NULL, -1 },
  { "개업 축하 화분 배송", "오후 두 시 전에 도착하도록.", 10 },
  { "강의 자료 다시 보내 드리기", "메일이 스팸함으로 갔다고 함.", -1 },
  { "기업 강의 제안서 보내기", "직원 20명, 두 시간 과정.", -1 },
  { "꽃다발 픽업 확인 전화", NULL, 15 },
  { "상담 내용 정리해서 보내기", NULL, -1 },
  { "후기 이벤트 선물 발송", "작은 꽃다발과 손편지.", -1 },
  { "1:1 컨설팅 일정 잡기", "인스타그램 계정 점검 요청.", 14 },
  { "정기구독 배송 주소 확인", NULL, 16 },
  { "화환 주문 내용 확인 전화", "리본 문구 다시 확인.", 9 },
  { "결제 링크 다시 보내기", NULL, 13 },
};

static const DemoSeries series[] = {
  { "꽃 도매시장 주문하기", "다음 주 클래스 인원 확인 후 주문.", DG_RECURRENCE_WEEKS, 1, 9, FALSE },
  { "월말 매출 정리", "카드·계좌·현금 따로 정리.", DG_RECURRENCE_MONTHS, 1, -1, FALSE },
  { "블로그에 강의 후기 글 올리기", NULL, DG_RECURRENCE_WEEKS, 2, -1, FALSE },
  { "매장 꽃 교체 납품", "로비 화병 두 개와 카운터 꽃.", DG_RECURRENCE_WEEKS, 2, 14, TRUE },
};

const DemoTexts demo_texts_ko = {
  .language = "ko",
  .zone = "Asia/Seoul",
  .family_name_first = TRUE,
  .make_phone = make_phone,
  .family_names = family_names, .n_family_names = N (family_names),
  .given_names = given_names, .n_given_names = N (given_names),
  .email_domains = email_domains,
  .organizations = organizations,
  .lecture_sources = lecture_sources, .n_lecture_sources = N (lecture_sources),
  .shop_sources = shop_sources, .n_shop_sources = N (shop_sources),
  .lecture_notes = lecture_notes,
  .shop_notes = shop_notes,
  .tag_student = "수강생",
  .tag_regular = "단골",
  .tag_vip = "VIP",
  .tag_referrer = "소개해 준 분",
  .tag_business = "기업 고객",
  .tag_subscriber = "정기구독",
  .cohort_names = cohort_names,
  .lecture_contacts = lecture_contacts,
  .shop_contacts = shop_contacts,
  .other_contacts = other_contacts, .n_other_contacts = N (other_contacts),
  .drop_before_signup = drop_before_signup,
  .drop_before_payment = drop_before_payment,
  .drop_no_show = drop_no_show,
  .drop_next_course = drop_next_course,
  .drop_shop = drop_shop,
  .followups = followups, .n_followups = N (followups),
  .series = series, .n_series = N (series),
};
