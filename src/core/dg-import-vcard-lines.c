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
  /* Where the first value of CHARSET starts and how long it is; 0 for
   * none. */
  gsize     charset_start;
  gsize     charset_len;
  gsize     value_start;
} LineParts;

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

/* The physical line at @pos, without its line break; FALSE at the end. */
static gboolean
peek_physical (DgVcardSplitter  *self,
               const char      **out_start,
               gsize            *out_len,
               gsize            *out_next)
{
  const char *start, *nl;
  gsize len;

  if (self->pos >= self->len)
    return FALSE;

  start = self->data + self->pos;
  nl = memchr (start, '\n', self->len - self->pos);
  len = nl != NULL ? (gsize) (nl - start) : self->len - self->pos;
  *out_next = self->pos + len + (nl != NULL ? 1 : 0);
  if (len > 0 && start[len - 1] == '\r')
    len--;
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

/* Splits @line into name, parameters and value the way EVCard reads it,
 * and marks it to be dropped where EVCard would warn or lose it. */
static void
split_line (const GString *line,
            LineParts     *parts)
{
  const char *s = line->str;
  gsize i = 0, name_start = 0;
  gboolean in_quote = FALSE, in_value = FALSE, is_charset = FALSE;
  gsize token_start;

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

  /* Parameters: NAME=VALUE[,VALUE] or a bare TYPE, up to the first colon
   * outside quotes. */
  token_start = i + 1;
  while (s[i] == ';' || s[i] == ',' || s[i] == '=')
    {
      if (s[i] == ';')
        {
          in_value = FALSE;
          is_charset = FALSE;
        }
      else if (s[i] == '=' && !in_value)
        {
          in_value = TRUE;
          is_charset = i - token_start == 7
                       && g_ascii_strncasecmp (s + token_start, "CHARSET", 7) == 0;
        }
      i++;
      token_start = i;

      for (; i < line->len; i++)
        {
          if (s[i] == '"')
            in_quote = !in_quote;
          else if (in_quote)
            continue;
          else if (s[i] == ':' || s[i] == ';' || s[i] == ',' || s[i] == '=')
            break;
          else if (!in_value && !is_name_char (s[i]))
            {
              parts->drop = TRUE;
              return;
            }
        }

      if (i == line->len)
        {
          parts->drop = TRUE;
          return;
        }

      if (in_value && is_charset && parts->charset_len == 0 && i > token_start)
        {
          parts->charset_start = token_start;
          parts->charset_len = i - token_start;
        }
      else if (!in_value && i - token_start == 16
               && g_ascii_strncasecmp (s + token_start, "QUOTED-PRINTABLE", 16) == 0)
        parts->is_qp = TRUE;
      else if (in_value && i - token_start == 16
               && g_ascii_strncasecmp (s + token_start, "QUOTED-PRINTABLE", 16) == 0)
        parts->is_qp = TRUE;

      if (s[i] == ':')
        break;
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
  LineParts parts;
  g_autofree char *charset = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *converted = NULL;
  const char *value;
  GString *text = card->text;
  gsize line_start;

  /* Android ends a photo with an empty line. */
  if (text_is (line->str, line->len, ""))
    return TRUE;

  split_line (line, &parts);
  if (parts.drop)
    {
      card->n_lines_skipped++;
      g_free (parts.name);
      return TRUE;
    }

  g_autofree char *name = parts.name;

  if (strcmp (name, "PHOTO") == 0)
    {
      card->n_photos++;
      return TRUE;
    }
  if (strcmp (name, "LOGO") == 0 || strcmp (name, "SOUND") == 0 || strcmp (name, "KEY") == 0)
    return TRUE;

  value = line->str + parts.value_start;

  if (strcmp (name, "VERSION") == 0 && card->version == NULL)
    card->version = g_strstrip (g_strdup (value));

  if (parts.is_qp && !qp_is_well_formed (value))
    {
      card->problem = g_strdup_printf (_("%s: the quoted-printable text is broken"), name);
      return FALSE;
    }

  if (parts.charset_len > 0)
    {
      charset = g_strndup (line->str + parts.charset_start, parts.charset_len);
      g_strstrip (charset);
      if (charset[0] == '"')
        {
          memmove (charset, charset + 1, strlen (charset));
          if (g_str_has_suffix (charset, "\""))
            charset[strlen (charset) - 1] = '\0';
        }
      canonical = canonical_charset (charset);
      if (canonical != NULL && !iconv_knows (canonical))
        {
          card->problem = g_strdup_printf (_("%s: the character set “%s” is unknown"),
                                           name, charset);
          return FALSE;
        }
    }

  if (canonical != NULL && !parts.is_qp && has_high_bytes (value))
    {
      converted = g_convert (value, -1, "UTF-8", canonical, NULL, NULL, NULL);
      if (converted == NULL)
        {
          card->problem = g_strdup_printf (_("%s: the text is not valid in the character set “%s”"),
                                           name, charset);
          return FALSE;
        }
      /* Converted here, so EVCard must not convert it again. */
      g_clear_pointer (&canonical, g_free);
      canonical = g_strdup ("UTF-8");
    }

  line_start = text->len;
  if (canonical != NULL)
    {
      g_string_append_len (text, line->str, parts.charset_start);
      g_string_append (text, canonical);
      g_string_append_len (text, line->str + parts.charset_start + parts.charset_len,
                           parts.value_start - parts.charset_start - parts.charset_len);
    }
  else
    {
      g_string_append_len (text, line->str, parts.value_start);
    }
  append_value_escaped (text, converted != NULL ? converted : value);

  if (!g_utf8_validate (text->str + line_start, text->len - line_start, NULL))
    {
      card->problem = g_strdup_printf (_("%s: the text is not UTF-8 and names no character set"),
                                       name);
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
      g_string_free (card->text, TRUE);
      card->text = NULL;
    }
  else
    g_string_append (card->text, "END:VCARD\r\n");

  return TRUE;
}
