/* dg-import-mapping.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dg-import-mapping.h"

typedef struct
{
  DgImportTarget  target;
  const char     *words;   /* normalized, "|"-separated */
} Guess;

/* Checked in this order, each word looked for inside the header: a
 * submission time or consent question names other fields ("전화 수신
 * 동의"), an e-mail column may say "연락처", an organization's "회사 이름"
 * holds "이름". */
static const Guess guesses[] = {
  { DG_IMPORT_TARGET_TIMESTAMP, "타임스탬프|timestamp|응답일시|제출일시|응답시간|제출시간|작성일시|"
                                "응답일|제출일|submittedat|submissiontime|submitted" },
  { DG_IMPORT_TARGET_CONSENT, "동의|consent|agree|수신여부|privacy" },
  { DG_IMPORT_TARGET_EMAIL, "이메일|email|메일|mail" },
  { DG_IMPORT_TARGET_PHONE, "연락처|휴대폰|핸드폰|휴대전화|전화|폰번호|phone|mobile|cell|tel|contactnumber" },
  { DG_IMPORT_TARGET_BIRTHDAY, "생년월일|생일|birthday|birthdate|dateofbirth" },
  { DG_IMPORT_TARGET_SOURCE, "유입경로|유입|알게|알게되|경로|source|howdidyouhear|howdidyoufind|referral|referrer" },
  { DG_IMPORT_TARGET_ORGANIZATION, "소속|회사|직장|단체|기관|학교|organization|organisation|company|"
                                   "affiliation|employer" },
  { DG_IMPORT_TARGET_TAGS, "태그|tag|분류|그룹|category" },
  { DG_IMPORT_TARGET_NAME, "이름|성함|성명|name" },
  { DG_IMPORT_TARGET_NOTE, "메모|비고|note|memo|comment|요청|문의|질문|하고싶은|남기실|기타|message" },
};

const char *
dg_import_target_get_label (DgImportTarget target)
{
  switch (target)
    {
    case DG_IMPORT_TARGET_NAME:
      return _("Name");
    case DG_IMPORT_TARGET_PHONE:
      return _("Phone");
    case DG_IMPORT_TARGET_EMAIL:
      return _("Email");
    case DG_IMPORT_TARGET_ORGANIZATION:
      return _("Organization");
    case DG_IMPORT_TARGET_SOURCE:
      return _("Source");
    case DG_IMPORT_TARGET_BIRTHDAY:
      return _("Birthday");
    case DG_IMPORT_TARGET_NOTE:
      return _("Note");
    case DG_IMPORT_TARGET_TAGS:
      return _("Tags");
    case DG_IMPORT_TARGET_CONSENT:
      return _("Marketing consent");
    case DG_IMPORT_TARGET_TIMESTAMP:
      /* Translators: a column of a form's export: when the answer was sent. */
      return _("Submitted at");
    case DG_IMPORT_TARGET_ANSWER:
      /* Translators: a column of a survey logged with the contact. */
      return _("Survey answer");
    case DG_IMPORT_TARGET_FEEDBACK:
      /* Translators: a survey column read as positive, neutral or negative. */
      return C_("import target", "Feeling");
    case DG_IMPORT_TARGET_IGNORE:
    case DG_IMPORT_N_TARGETS:
    default:
      /* Translators: a column of an imported file that goes nowhere. */
      return _("Do not import");
    }
}

gboolean
dg_import_target_allows_several (DgImportTarget target)
{
  return target == DG_IMPORT_TARGET_IGNORE
         || target == DG_IMPORT_TARGET_NOTE
         || target == DG_IMPORT_TARGET_TAGS
         || target == DG_IMPORT_TARGET_ANSWER;
}

char *
dg_import_normalize_header (const char *header)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  GString *out = g_string_new (NULL);
  const char *p;

  g_return_val_if_fail (header != NULL, NULL);

  normal = g_utf8_normalize (header, -1, G_NORMALIZE_NFKC);
  if (normal == NULL)
    return g_string_free (out, FALSE);
  folded = g_utf8_casefold (normal, -1);

  /* "1. 성함", "Q3) Name": the question's number says nothing. */
  p = folded;
  while (g_ascii_isspace (*p))
    p++;
  if (*p == 'q' && g_ascii_isdigit (p[1]))
    p++;
  while (g_ascii_isdigit (*p))
    p++;

  for (; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

DgImportTarget
dg_import_guess_target (const char *header)
{
  g_autofree char *normal = NULL;

  g_return_val_if_fail (header != NULL, DG_IMPORT_TARGET_IGNORE);

  normal = dg_import_normalize_header (header);
  if (*normal == '\0')
    return DG_IMPORT_TARGET_IGNORE;

  for (guint i = 0; i < G_N_ELEMENTS (guesses); i++)
    {
      g_auto(GStrv) words = g_strsplit (guesses[i].words, "|", -1);

      for (guint w = 0; words[w] != NULL; w++)
        {
          if (strstr (normal, words[w]) != NULL)
            return guesses[i].target;
        }
    }

  return DG_IMPORT_TARGET_IGNORE;
}

static gboolean
looks_like_email (const char *text)
{
  const char *at = strchr (text, '@');

  return at != NULL && at != text && strchr (at, '.') != NULL && strchr (text, ' ') == NULL;
}

static gboolean
looks_like_phone (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr (" +-.()/", *p) == NULL)
        return FALSE;
    }

  return digits >= 7 && digits <= 15;
}

DgImportTarget
dg_import_guess_target_from_values (GPtrArray *values)
{
  guint n = 0, emails = 0, phones = 0, dates = 0;

  g_return_val_if_fail (values != NULL, DG_IMPORT_TARGET_IGNORE);

  for (guint i = 0; i < values->len; i++)
    {
      g_autofree char *value = g_strstrip (g_strdup (g_ptr_array_index (values, i)));
      g_autofree char *date = NULL;

      if (*value == '\0')
        continue;

      n++;
      emails += looks_like_email (value);
      date = dg_import_parse_birthday (value);
      if (date != NULL)
        dates++;
      else
        phones += looks_like_phone (value);
    }

  if (n == 0)
    return DG_IMPORT_TARGET_IGNORE;
  if (emails * 2 > n)
    return DG_IMPORT_TARGET_EMAIL;
  if (phones * 2 > n)
    return DG_IMPORT_TARGET_PHONE;
  if (dates * 2 > n)
    return DG_IMPORT_TARGET_BIRTHDAY;

  return DG_IMPORT_TARGET_IGNORE;
}

static gboolean
word_in (const char *normal,
         const char *words,
         gboolean    whole)
{
  g_auto(GStrv) list = g_strsplit (words, "|", -1);

  for (guint i = 0; list[i] != NULL; i++)
    {
      if (whole ? g_str_equal (normal, list[i]) : strstr (normal, list[i]) != NULL)
        return TRUE;
    }

  return FALSE;
}

gboolean
dg_import_parse_consent (const char *text,
                         gboolean   *out_consent)
{
  g_autofree char *normal = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_consent != NULL, FALSE);

  normal = dg_import_normalize_header (text);

  /* "동의하지 않습니다" holds "동의": the refusals are looked for first. */
  if (*normal == '\0'
      || word_in (normal, "n|no|x|false|0|아니오|아니요|아니|ㄴ", TRUE)
      || word_in (normal, "않|안함|안합|미동의|비동의|거부|거절|disagree|notagree|dontagree|donotagree|optout",
                  FALSE))
    {
      *out_consent = FALSE;
      return TRUE;
    }

  if (word_in (normal, "y|yes|o|v|true|1|예|네|ㅇ|checked", TRUE)
      || word_in (normal, "동의|agree|수신|허용|optin|accept", FALSE))
    {
      *out_consent = TRUE;
      return TRUE;
    }

  return FALSE;
}

/* The runs of ASCII digits in @text, at most @max. */
static guint
digit_groups (const char *text,
              char        groups[][16],
              guint       max)
{
  guint n = 0;
  const char *p = text;

  while (*p && n < max)
    {
      gsize len = 0;

      if (!g_ascii_isdigit (*p))
        {
          p++;
          continue;
        }
      while (g_ascii_isdigit (p[len]))
        len++;
      if (len >= 16)
        return 0;
      memcpy (groups[n], p, len);
      groups[n][len] = '\0';
      n++;
      p += len;
    }

  return n;
}

char *
dg_import_parse_birthday (const char *text)
{
  char groups[4][16];
  guint n;
  guint year, month, day;

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Only digits, separators and the Korean 년 월 일. */
      if (!g_ascii_isdigit (c) && strchr (" -./", c) == NULL
          && c != 0xB144 && c != 0xC6D4 && c != 0xC77C)
        return NULL;
    }

  n = digit_groups (text, groups, 4);
  if (n == 1 && strlen (groups[0]) == 8)
    {
      year = g_ascii_strtoull (groups[0], NULL, 10) / 10000;
      month = g_ascii_strtoull (groups[0], NULL, 10) / 100 % 100;
      day = g_ascii_strtoull (groups[0], NULL, 10) % 100;
    }
  else if (n == 3 && strlen (groups[0]) == 4 && strlen (groups[1]) <= 2 && strlen (groups[2]) <= 2)
    {
      year = g_ascii_strtoull (groups[0], NULL, 10);
      month = g_ascii_strtoull (groups[1], NULL, 10);
      day = g_ascii_strtoull (groups[2], NULL, 10);
    }
  else
    return NULL;

  if (!g_date_valid_dmy (day, month, year))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/* "GMT+9", "UTC+09:00" at the end of a form's time. */
static GTimeZone *
zone_in (const char *text,
         const char **out_start)
{
  const char *zone = strstr (text, "GMT");
  int hours, minutes = 0;
  char sign;

  if (zone == NULL)
    zone = strstr (text, "UTC");
  if (zone == NULL)
    return NULL;

  *out_start = zone;
  sign = zone[3];
  if (sign != '+' && sign != '-')
    return g_time_zone_new_utc ();
  if (!g_ascii_isdigit (zone[4]))
    return NULL;
  hours = g_ascii_strtoull (zone + 4, (char **) &zone, 10);
  if (*zone == ':')
    minutes = g_ascii_strtoull (zone + 1, NULL, 10);
  if (hours > 14 || minutes > 59)
    return NULL;

  return g_time_zone_new_offset ((sign == '-' ? -1 : 1) * (hours * 3600 + minutes * 60));
}

GDateTime *
dg_import_parse_timestamp (const char *text,
                           GTimeZone  *tz)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *date_part = NULL;
  const char *zone_start = NULL;
  char groups[7][16];
  gboolean pm, am;
  guint n, year, month, day, hour = 0, minute = 0, second = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (tz != NULL, NULL);

  {
    GDateTime *iso = g_date_time_new_from_iso8601 (text, tz);

    if (iso != NULL)
      return iso;
  }

  zone = zone_in (text, &zone_start);
  date_part = zone_start != NULL ? g_strndup (text, zone_start - text) : g_strdup (text);
  pm = strstr (date_part, "오후") != NULL || strstr (date_part, "PM") != NULL
       || strstr (date_part, "pm") != NULL;
  am = strstr (date_part, "오전") != NULL || strstr (date_part, "AM") != NULL
       || strstr (date_part, "am") != NULL;

  n = digit_groups (date_part, groups, 7);
  if (n < 3)
    return NULL;

  if (strlen (groups[0]) == 4)
    {
      year = g_ascii_strtoull (groups[0], NULL, 10);
      month = g_ascii_strtoull (groups[1], NULL, 10);
      day = g_ascii_strtoull (groups[2], NULL, 10);
    }
  else if (strlen (groups[2]) == 4)
    {
      /* Google Forms in English: month/day/year. */
      month = g_ascii_strtoull (groups[0], NULL, 10);
      day = g_ascii_strtoull (groups[1], NULL, 10);
      year = g_ascii_strtoull (groups[2], NULL, 10);
    }
  else
    return NULL;

  if (n >= 5)
    {
      hour = g_ascii_strtoull (groups[3], NULL, 10);
      minute = g_ascii_strtoull (groups[4], NULL, 10);
      if (n >= 6)
        second = g_ascii_strtoull (groups[5], NULL, 10);
    }
  else if (n == 4)
    return NULL;

  if (pm && hour < 12)
    hour += 12;
  else if (am && hour == 12)
    hour = 0;

  if (!g_date_valid_dmy (day, month, year) || hour > 23 || minute > 59 || second > 59)
    return NULL;

  return g_date_time_new (zone != NULL ? zone : tz, year, month, day, hour, minute, second);
}
