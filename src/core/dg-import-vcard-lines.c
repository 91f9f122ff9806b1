/* dg-import-vcard-lines.c
 *
 * Splitting a vCard file into cards and making each one safe for EVCard;
 * see dg-import-vcard-private.h for what is done to each line and why.
 */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dg-import-vcard-private.h"

struct _DgVcardSplitter
{
  const char *data;
  gsize       len;
  gsize       pos;
  guint       n_cards;
  guint       n_stray_lines;
  GString    *line;
  /* A logical line read ahead: the first line after a card without END. */
  gboolean    have_pending;
};

typedef struct
{
  gboolean  drop;
  gboolean  is_qp;
  char     *name;
  /* The name with its group ("item1.TEL"), and the parameters to keep,
   * each with its leading ";": everything but ENCODING and CHARSET. */
  GString  *head;
  /* The first value of CHARSET; NULL for none. */
  char     *charset;
  gsize     value_start;
} LineParts;

static void
line_parts_clear (LineParts *parts)
{
  g_free (parts->name);
  g_free (parts->charset);
  if (parts->head != NULL)
    g_string_free (parts->head, TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LineParts, line_parts_clear)

void
dg_vcard_card_clear (DgVcardCard *card)
{
  if (card->text != NULL)
    g_string_free (card->text, TRUE);
  g_free (card->problem);
  g_free (card->version);
  memset (card, 0, sizeof *card);
}

DgVcardSplitter *
dg_vcard_splitter_new (const char *data,
                       gsize       len)
{
  DgVcardSplitter *self = g_new0 (DgVcardSplitter, 1);

  self->data = data;
  self->len = len;
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    self->pos = 3;
  self->line = g_string_new (NULL);

  return self;
}

void
dg_vcard_splitter_free (DgVcardSplitter *self)
{
  if (self == NULL)
    return;
  g_string_free (self->line, TRUE);
  g_free (self);
}

guint
dg_vcard_splitter_get_n_stray_lines (DgVcardSplitter *self)
{
  return self->n_stray_lines;
}

/* The physical line at @pos, without its line break (CRLF, LF, or a CR
 * alone, which EVCard also reads as one); FALSE at the end. */
static gboolean
peek_physical (DgVcardSplitter  *self,
               const char      **out_start,
               gsize            *out_len,
               gsize            *out_next)
{
  const char *start;
  gsize len, rest;

  if (self->pos >= self->len)
    return FALSE;

  start = self->data + self->pos;
  rest = self->len - self->pos;
  for (len = 0; len < rest && start[len] != '\n' && start[len] != '\r'; len++)
    ;
  *out_next = self->pos + len;
  if (len < rest)
    *out_next += start[len] == '\r' && len + 1 < rest && start[len + 1] == '\n' ? 2 : 1;
  *out_start = start;
  *out_len = len;

  return TRUE;
}

static gboolean
text_is (const char *text,
         gsize       len,
         const char *word)
{
  while (len > 0 && g_ascii_isspace (*text))
    text++, len--;
  while (len > 0 && g_ascii_isspace (text[len - 1]))
    len--;

  return len == strlen (word) && g_ascii_strncasecmp (text, word, len) == 0;
}

/* Whether the part of @line before its value declares quoted-printable. */
static gboolean
declares_qp (const GString *line)
{
  const char *colon = memchr (line->str, ':', line->len);
  gsize head = colon != NULL ? (gsize) (colon - line->str) : line->len;
  g_autofree char *upper = g_ascii_strup (line->str, head);

  return strstr (upper, "QUOTED-PRINTABLE") != NULL;
}

/* Joins folded lines (a line break then a space or tab) and, in
 * quoted-printable text, soft line breaks ("=" at the end of a line), as
 * EVCard unfolds them. */
static gboolean
read_logical (DgVcardSplitter *self)
{
  const char *start;
  gsize len, next;
  gboolean qp;

  if (self->have_pending)
    {
      self->have_pending = FALSE;
      return TRUE;
    }

  if (!peek_physical (self, &start, &len, &next))
    return FALSE;
  g_string_truncate (self->line, 0);
  g_string_append_len (self->line, start, len);
  self->pos = next;
  qp = declares_qp (self->line);

  while (peek_physical (self, &start, &len, &next))
    {
      if (qp && self->line->len > 0 && self->line->str[self->line->len - 1] == '='
          && !text_is (start, len, "END:VCARD"))
        {
          g_string_truncate (self->line, self->line->len - 1);
          if (len > 0 && (*start == ' ' || *start == '\t'))
            start++, len--;
        }
      else if (len > 0 && (*start == ' ' || *start == '\t'))
        {
          start++, len--;
        }
      else
        {
          break;
        }

      g_string_append_len (self->line, start, len);
      self->pos = next;
    }

  return TRUE;
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_';
}

static gboolean
is_encoding_word (const char *text,
                  gsize       len)
{
  static const char * const words[] = { "QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT", NULL };

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (len == strlen (words[i]) && g_ascii_strncasecmp (text, words[i], len) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Reads one parameter, @text up to the next ";" or ":" outside quotes:
 * NAME=VALUE[,VALUE] or a bare TYPE. ENCODING and CHARSET are noted and
 * left out (add_line() writes them again as EVCard needs them: it warns
 * about an ENCODING it does not know, or given twice). FALSE when EVCard
 * would warn about its characters. */
static gboolean
read_param (const char *text,
            gsize       len,
            LineParts  *parts)
{
  const char *eq = memchr (text, '=', len);
  gsize name_len = eq != NULL ? (gsize) (eq - text) : len;
  gboolean quoted = FALSE;

  if (len == 0)
    return TRUE;

  for (gsize i = 0; i < name_len; i++)
    {
      if (text[i] == '"')
        quoted = !quoted;
      else if (!quoted && !is_name_char (text[i]))
        return FALSE;
    }
  if (eq != NULL && name_len == 0)
    return FALSE;

  if (eq == NULL)
    {
      if (is_encoding_word (text, len))
        {
          parts->is_qp |= g_ascii_strncasecmp (text, "QUOTED-PRINTABLE", len) == 0 && len == 16;
          return TRUE;
        }
    }
  else if (name_len == 8 && g_ascii_strncasecmp (text, "ENCODING", 8) == 0)
    {
      parts->is_qp |= len - 9 == 16 && g_ascii_strncasecmp (eq + 1, "QUOTED-PRINTABLE", 16) == 0;
      return TRUE;
    }
  else if (name_len == 7 && g_ascii_strncasecmp (text, "CHARSET", 7) == 0)
    {
      if (parts->charset == NULL)
        {
          g_autofree char *value = g_strndup (eq + 1, len - 8);
          char *comma = strchr (value, ',');

          if (comma != NULL)
            *comma = '\0';
          g_strdelimit (value, "\"", ' ');
          parts->charset = g_strdup (g_strstrip (value));
        }
      return TRUE;
    }

  g_string_append_c (parts->head, ';');
  g_string_append_len (parts->head, text, len);

  return TRUE;
}

/* Splits @line into name, parameters and value the way EVCard reads it,
 * and marks it to be dropped where EVCard would warn or lose it. */
static void
split_line (const GString *line,
            LineParts     *parts)
{
  const char *s = line->str;
  gsize i = 0, name_start = 0;

  memset (parts, 0, sizeof *parts);

  if (memchr (s, '\0', line->len) != NULL)
    {
      parts->drop = TRUE;
      return;
    }

  for (; i < line->len && s[i] != ':' && s[i] != ';'; i++)
    {
      if (s[i] == '.' && name_start == 0 && i > 0)
        name_start = i + 1;
      else if (!is_name_char (s[i]))
        {
          parts->drop = TRUE;
          return;
        }
    }

  if (i == line->len || i == name_start)
    {
      parts->drop = TRUE;
      return;
    }
  parts->name = g_ascii_strup (s + name_start, i - name_start);
  parts->head = g_string_new_len (s, i);

  while (s[i] == ';')
    {
      gsize start = ++i;
      gboolean in_quote = FALSE;

      for (; i < line->len; i++)
        {
          if (s[i] == '"')
            in_quote = !in_quote;
          else if (!in_quote && (s[i] == ':' || s[i] == ';'))
            break;
        }

      if (i == line->len || !read_param (s + start, i - start, parts))
        {
          parts->drop = TRUE;
          return;
        }
    }

  parts->value_start = i + 1;
}

static gboolean
qp_is_well_formed (const char *value)
{
  for (const char *p = value; *p; p++)
    {
      if (*p != '=')
        continue;
      if (p[1] == '\0')
        return TRUE;
      if (!g_ascii_isxdigit (p[1]) || !g_ascii_isxdigit (p[2]))
        return FALSE;
      p += 2;
    }

  return TRUE;
}

/* The name iconv knows for a vCard's CHARSET; NULL for UTF-8. */
static char *
canonical_charset (const char *charset)
{
  static const char * const korean[] = {
    "EUC-KR", "EUCKR", "KS_C_5601-1987", "KS_C_5601", "KSC5601", "KSC_5601",
    "KS_C_5601-1989", "CP949", "UHC", "X-WINDOWS-949", NULL,
  };

  if (g_ascii_strcasecmp (charset, "UTF-8") == 0 || g_ascii_strcasecmp (charset, "UTF8") == 0)
    return NULL;
  for (guint i = 0; korean[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (charset, korean[i]) == 0)
        return g_strdup ("CP949");
    }

  return g_strdup (charset);
}

static gboolean
iconv_knows (const char *charset)
{
  GIConv conv = g_iconv_open ("UTF-8", charset);

  if (conv == (GIConv) -1)
    return FALSE;
  g_iconv_close (conv);

  return TRUE;
}

static gboolean
has_high_bytes (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p; p++)
    {
      if (*p >= 0x80)
        return TRUE;
    }

  return FALSE;
}

/* EVCard passes a backslash that starts no escape through, with a
 * warning; a doubled one gives the same text without one. */
static void
append_value_escaped (GString    *out,
                      const char *value)
{
  for (const char *p = value; *p; p++)
    {
      g_string_append_c (out, *p);
      if (*p != '\\')
        continue;
      if (p[1] != '\0' && strchr ("nNrR;,\\", p[1]) != NULL)
        g_string_append_c (out, *++p);
      else
        g_string_append_c (out, '\\');
    }
}

/* Adds @line to @card in the form EVCard should read; FALSE (with the
 * card's problem set) when the card must be refused. */
static gboolean
add_line (DgVcardCard   *card,
          const GString *line)
{
  g_auto(LineParts) parts = { 0 };
  g_autofree char *canonical = NULL;
  g_autofree char *converted = NULL;
  const char *value;
  GString *text = card->text;
  gsize line_start;

  /* Android ends a photo with an empty line. */
  if (text_is (line->str, line->len, ""))
    return TRUE;

  split_line (line, &parts);
  /* EVCard stops reading at any END (a grouped one too). */
  if (!parts.drop && (strcmp (parts.name, "END") == 0 || strcmp (parts.name, "BEGIN") == 0))
    parts.drop = TRUE;
  if (parts.drop)
    {
      card->n_lines_skipped++;
      return TRUE;
    }

  if (strcmp (parts.name, "PHOTO") == 0)
    {
      card->n_photos++;
      return TRUE;
    }
  if (strcmp (parts.name, "LOGO") == 0 || strcmp (parts.name, "SOUND") == 0
      || strcmp (parts.name, "KEY") == 0)
    return TRUE;

  value = line->str + parts.value_start;

  if (strcmp (parts.name, "VERSION") == 0 && card->version == NULL)
    card->version = g_strstrip (g_strdup (value));

  /* Translators: in the reasons below, the first %s is the name of a
   * property of a vCard contact, such as FN (the name) or TEL. */
  if (parts.is_qp && !qp_is_well_formed (value))
    {
      card->problem = g_strdup_printf (_("%s: the quoted-printable text is broken"), parts.name);
      return FALSE;
    }

  if (parts.charset != NULL)
    {
      canonical = canonical_charset (parts.charset);
      if (canonical != NULL && !iconv_knows (canonical))
        {
          card->problem = g_strdup_printf (_("%s: the character set “%s” is unknown"),
                                           parts.name, parts.charset);
          return FALSE;
        }
    }

  if (canonical != NULL && !parts.is_qp && has_high_bytes (value))
    {
      converted = g_convert (value, -1, "UTF-8", canonical, NULL, NULL, NULL);
      if (converted == NULL)
        {
          card->problem = g_strdup_printf (_("%s: the text is not valid in the character set “%s”"),
                                           parts.name, parts.charset);
          return FALSE;
        }
    }

  line_start = text->len;
  g_string_append_len (text, parts.head->str, parts.head->len);
  /* A soft line break at the very end would make EVCard read on into the
   * next line. */
  if (parts.is_qp && converted == NULL && g_str_has_suffix (value, "="))
    converted = g_strndup (value, strlen (value) - 1);
  if (parts.is_qp)
    {
      /* EVCard converts quoted-printable text from its CHARSET itself. */
      g_string_append (text, ";ENCODING=QUOTED-PRINTABLE");
      if (canonical != NULL)
        g_string_append_printf (text, ";CHARSET=%s", canonical);
    }
  g_string_append_c (text, ':');
  append_value_escaped (text, converted != NULL ? converted : value);

  if (!g_utf8_validate (text->str + line_start, text->len - line_start, NULL))
    {
      card->problem = g_strdup_printf (_("%s: the text is not UTF-8 and names no character set"),
                                       parts.name);
      return FALSE;
    }

  g_string_append (text, "\r\n");

  return TRUE;
}

gboolean
dg_vcard_splitter_next (DgVcardSplitter *self,
                        DgVcardCard     *card)
{
  gboolean refused = FALSE;

  memset (card, 0, sizeof *card);

  /* Up to the next BEGIN:VCARD. */
  for (;;)
    {
      if (!read_logical (self))
        return FALSE;
      if (text_is (self->line->str, self->line->len, "BEGIN:VCARD"))
        break;
      if (!text_is (self->line->str, self->line->len, ""))
        self->n_stray_lines++;
    }

  card->number = ++self->n_cards;
  card->text = g_string_new ("BEGIN:VCARD\r\n");

  for (;;)
    {
      if (!read_logical (self))
        {
          if (!refused)
            card->problem = g_strdup (_("the file ends before END:VCARD"));
          break;
        }

      if (text_is (self->line->str, self->line->len, "END:VCARD"))
        {
          if (!refused && card->version == NULL)
            card->problem = g_strdup (_("VERSION is missing"));
          else if (!refused && strcmp (card->version, "2.1") != 0
                   && strcmp (card->version, "3.0") != 0 && strcmp (card->version, "4.0") != 0)
            card->problem = g_strdup_printf (_("version “%s” is not 2.1, 3.0 or 4.0"),
                                             card->version);
          break;
        }

      if (text_is (self->line->str, self->line->len, "BEGIN:VCARD"))
        {
          /* Read again as the start of the next card. */
          self->have_pending = TRUE;
          if (!refused)
            card->problem = g_strdup (_("END:VCARD is missing before the next card"));
          break;
        }

      if (!refused && !add_line (card, self->line))
        refused = TRUE;
    }

  if (card->problem != NULL)
    {
      /* A reason quotes the file's CHARSET or VERSION as written: it must
       * still be text to show. */
      char *valid = g_utf8_make_valid (card->problem, -1);

      g_free (card->problem);
      card->problem = valid;
      g_string_free (card->text, TRUE);
      card->text = NULL;
    }
  else
    g_string_append (card->text, "END:VCARD\r\n");

  return TRUE;
}
