/* dg-backup-scan.c
 *
 * A JSON scanner that builds nothing: it walks the whole text once,
 * checking the syntax, UTF-8, escapes, the depth, the size of each string
 * and that each integer fits in 64 bits, and notes where each record of
 * the root object's arrays starts and ends. json-glib 1.6 then only ever
 * sees one record at a time, of a depth and size known to be safe: it
 * overflows its stack on deep nesting, wraps integers past 64 bits, and a
 * tree of the whole file would take many times its size.
 *
 * The first problem ends the scan: after a syntax error there are no
 * further places to name.
 */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>

#include "dg-backup-private.h"

/* Keys of one object compared for duplicates; a record has far fewer. */
#define MAX_KEYS_COMPARED 64

typedef struct
{
  char     *key;
  DgBackupSpan value;
  gboolean  is_array;
  GArray   *elements;
} RootMember;

struct _DgBackupScan
{
  GArray *members;
};

typedef struct
{
  /* The key of a member (raw text between its quotes), or -1 and the
   * index of an element, or -2 before either. */
  const char *key;
  gssize      key_length;
  gsize       index;
} PathStep;

typedef struct
{
  const char       *data;
  gsize             length;
  gsize             pos;
  int               depth;
  PathStep          path[DG_BACKUP_MAX_DEPTH + 2];
  DgBackupProblems *problems;
  DgBackupScan     *scan;
  gboolean          failed;
} Scanner;

static void
free_member (gpointer data)
{
  RootMember *member = data;

  g_free (member->key);
  g_clear_pointer (&member->elements, g_array_unref);
}

void
dg_backup_scan_free (DgBackupScan *scan)
{
  if (scan == NULL)
    return;

  g_array_unref (scan->members);
  g_free (scan);
}

/* "customers[12].email", or "line 3, column 14" where no key or index
 * names the place yet. */
static char *
describe_place (Scanner *s)
{
  GString *place = g_string_new (NULL);

  for (int i = 1; i <= s->depth && i < (int) G_N_ELEMENTS (s->path); i++)
    {
      PathStep *step = &s->path[i];

      if (step->key_length == -2)
        continue;

      if (step->key_length >= 0)
        {
          if (place->len > 0)
            g_string_append_c (place, '.');
          g_string_append_len (place, step->key, MIN (step->key_length, 60));
        }
      else
        g_string_append_printf (place, "[%" G_GSIZE_FORMAT "]", step->index);
    }

  if (place->len == 0)
    {
      gsize line = 1, column = 1;

      for (gsize i = 0; i < s->pos && i < s->length; i++)
        {
          if (s->data[i] == '\n')
            {
              line++;
              column = 1;
            }
          else if (((guchar) s->data[i] & 0xc0) != 0x80)
            column++;
        }

      g_string_printf (place, _("line %lu, column %lu"), (gulong) line, (gulong) column);
    }

  /* Keys come from the file; keep them to valid text. */
  if (!g_utf8_validate (place->str, place->len, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (place->str, place->len);

      g_string_assign (place, valid);
    }

  return g_string_free (place, FALSE);
}

static gboolean
fail (Scanner    *s,
      const char *message)
{
  g_autofree char *place = NULL;

  if (s->failed)
    return FALSE;

  s->failed = TRUE;
  if (message == NULL || s->pos >= s->length)
    {
      dg_backup_problems_add (s->problems, _("the file"),
                              "%s", _("it ends too early: the file is cut off"));
      return FALSE;
    }

  place = describe_place (s);
  dg_backup_problems_add (s->problems, place, "%s", message);

  return FALSE;
}

static void
skip_space (Scanner *s)
{
  while (s->pos < s->length)
    {
      char c = s->data[s->pos];

      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        break;
      s->pos++;
    }
}

static gboolean
expect_word (Scanner    *s,
             const char *word)
{
  gsize n = strlen (word);

  if (s->length - s->pos < n || memcmp (s->data + s->pos, word, n) != 0)
    {
      if (s->length - s->pos < n && memcmp (s->data + s->pos, word, s->length - s->pos) == 0)
        s->pos = s->length;
      return fail (s, _("not valid JSON"));
    }

  s->pos += n;

  return TRUE;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Four hex digits at s->pos + 2 (after "\u"), or -1. */
static int
read_hex4 (Scanner *s,
           gsize    at)
{
  int value = 0;

  if (s->length - at < 6)
    {
      s->pos = s->length;
      return -1;
    }

  for (int i = 2; i < 6; i++)
    {
      int digit = hex_value (s->data[at + i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

static gboolean
scan_string (Scanner *s)
{
  gsize start = ++s->pos;

  while (s->pos < s->length)
    {
      guchar c = s->data[s->pos];

      if (c == '"')
        break;

      if (c < 0x20)
        return fail (s, _("not valid JSON: a control character inside a text"));

      if (c == '\\')
        {
          char e;

          if (s->pos + 1 >= s->length)
            {
              s->pos = s->length;
              break;
            }
          e = s->data[s->pos + 1];
          if (e == 'u')
            {
              int code = read_hex4 (s, s->pos);

              if (code < 0)
                return fail (s, _("not valid JSON: a broken \\u escape"));
              if (code == 0)
                return fail (s, _("a text holds a NUL character"));
              if (code >= 0xdc00 && code <= 0xdfff)
                return fail (s, _("not valid JSON: a broken \\u escape"));
              if (code >= 0xd800 && code <= 0xdbff)
                {
                  int low;

                  s->pos += 6;
                  if (s->length - s->pos < 2 || s->data[s->pos] != '\\' || s->data[s->pos + 1] != 'u')
                    return fail (s, _("not valid JSON: a broken \\u escape"));
                  low = read_hex4 (s, s->pos);
                  if (low < 0xdc00 || low > 0xdfff)
                    return fail (s, _("not valid JSON: a broken \\u escape"));
                }
              s->pos += 6;
            }
          else if (strchr ("\"\\/bfnrt", e) != NULL && e != '\0')
            s->pos += 2;
          else
            return fail (s, _("not valid JSON: a broken escape"));
        }
      else
        s->pos++;

      if (s->pos - start > DG_BACKUP_MAX_STRING_BYTES)
        {
          g_autofree char *limit = dg_backup_format_size (DG_BACKUP_MAX_STRING_BYTES);
          g_autofree char *message =
            g_strdup_printf (_("a text longer than %s: too long for any field"), limit);

          s->pos = start;
          return fail (s, message);
        }
    }

  if (s->pos >= s->length)
    return fail (s, NULL);

  s->pos++;

  return TRUE;
}

/* Checks the number's grammar, and that an integer fits in 64 bits. */
static gboolean
scan_number (Scanner *s)
{
  gsize start = s->pos;
  gboolean integer = TRUE;
  gsize digits;

  if (s->data[s->pos] == '-')
    s->pos++;

  digits = s->pos;
  while (s->pos < s->length && g_ascii_isdigit (s->data[s->pos]))
    s->pos++;
  if (s->pos == digits)
    return fail (s, _("not valid JSON"));
  if (s->pos - digits > 1 && s->data[digits] == '0')
    return fail (s, _("not valid JSON: a number starts with 0"));

  if (s->pos < s->length && s->data[s->pos] == '.')
    {
      gsize frac = ++s->pos;

      integer = FALSE;
      while (s->pos < s->length && g_ascii_isdigit (s->data[s->pos]))
        s->pos++;
      if (s->pos == frac)
        return fail (s, _("not valid JSON"));
    }

  if (s->pos < s->length && (s->data[s->pos] == 'e' || s->data[s->pos] == 'E'))
    {
      gsize exp;

      integer = FALSE;
      s->pos++;
      if (s->pos < s->length && (s->data[s->pos] == '+' || s->data[s->pos] == '-'))
        s->pos++;
      exp = s->pos;
      while (s->pos < s->length && g_ascii_isdigit (s->data[s->pos]))
        s->pos++;
      if (s->pos == exp)
        return fail (s, _("not valid JSON"));
    }

  if (integer)
    {
      char text[32];
      gsize n = s->pos - start;
      gint64 value;
      char *end = NULL;

      if (n >= sizeof text)
        {
          s->pos = start;
          return fail (s, _("a number too large"));
        }
      memcpy (text, s->data + start, n);
      text[n] = '\0';
      errno = 0;
      value = g_ascii_strtoll (text, &end, 10);
      if (errno == ERANGE)
        {
          s->pos = start;
          return fail (s, _("a number too large"));
        }
      (void) value;
    }

  return TRUE;
}

static gboolean scan_value (Scanner *s);

static gboolean
enter (Scanner *s)
{
  if (s->depth >= DG_BACKUP_MAX_DEPTH)
    return fail (s, _("nested too deeply: not a Dangol backup"));

  s->depth++;
  s->path[s->depth].key = NULL;
  /* Neither a key nor an index yet. */
  s->path[s->depth].key_length = -2;
  s->path[s->depth].index = 0;

  return TRUE;
}

static gboolean
scan_array (Scanner *s)
{
  RootMember *member = NULL;
  gsize index = 0;

  if (s->depth == 1 && s->scan != NULL && s->scan->members->len > 0)
    {
      member = &g_array_index (s->scan->members, RootMember, s->scan->members->len - 1);
      member->is_array = TRUE;
      member->elements = g_array_new (FALSE, FALSE, sizeof (DgBackupSpan));
    }

  if (!enter (s))
    return FALSE;

  s->pos++;
  skip_space (s);
  if (s->pos < s->length && s->data[s->pos] == ']')
    {
      s->pos++;
      s->depth--;
      return TRUE;
    }

  for (;;)
    {
      DgBackupSpan span;

      s->path[s->depth].key_length = -1;
      s->path[s->depth].index = index++;

      skip_space (s);
      span.offset = s->pos;
      if (!scan_value (s))
        return FALSE;
      span.length = s->pos - span.offset;
      if (member != NULL)
        g_array_append_val (member->elements, span);

      skip_space (s);
      if (s->pos >= s->length)
        return fail (s, NULL);
      if (s->data[s->pos] == ']')
        break;
      if (s->data[s->pos] != ',')
        return fail (s, _("not valid JSON: a “,” or “]” is missing"));
      s->pos++;
    }

  s->pos++;
  s->depth--;

  return TRUE;
}

static gboolean
scan_object (Scanner *s)
{
  struct { const char *key; gsize length; } keys[MAX_KEYS_COMPARED];
  guint n_keys = 0;

  if (!enter (s))
    return FALSE;

  s->pos++;
  skip_space (s);
  if (s->pos < s->length && s->data[s->pos] == '}')
    {
      s->pos++;
      s->depth--;
      return TRUE;
    }

  for (;;)
    {
      gsize key_start;
      gsize key_length;

      skip_space (s);
      if (s->pos >= s->length)
        return fail (s, NULL);
      if (s->data[s->pos] != '"')
        return fail (s, _("not valid JSON: a key is missing"));

      key_start = s->pos + 1;
      if (!scan_string (s))
        return FALSE;
      key_length = s->pos - 1 - key_start;

      s->path[s->depth].key = s->data + key_start;
      s->path[s->depth].key_length = key_length;

      for (guint i = 0; i < n_keys; i++)
        {
          if (keys[i].length == key_length
              && memcmp (keys[i].key, s->data + key_start, key_length) == 0)
            return fail (s, _("given twice"));
        }
      if (n_keys < MAX_KEYS_COMPARED)
        {
          keys[n_keys].key = s->data + key_start;
          keys[n_keys].length = key_length;
          n_keys++;
        }

      skip_space (s);
      if (s->pos >= s->length)
        return fail (s, NULL);
      if (s->data[s->pos] != ':')
        return fail (s, _("not valid JSON: a “:” is missing"));
      s->pos++;
      skip_space (s);

      if (s->depth == 1 && s->scan != NULL)
        {
          RootMember member = { 0 };

          member.key = g_strndup (s->data + key_start, key_length);
          member.value.offset = s->pos;
          g_array_append_val (s->scan->members, member);
        }

      if (!scan_value (s))
        return FALSE;

      if (s->depth == 1 && s->scan != NULL)
        {
          RootMember *member = &g_array_index (s->scan->members, RootMember,
                                               s->scan->members->len - 1);

          member->value.length = s->pos - member->value.offset;
        }

      skip_space (s);
      if (s->pos >= s->length)
        return fail (s, NULL);
      if (s->data[s->pos] == '}')
        break;
      if (s->data[s->pos] != ',')
        return fail (s, _("not valid JSON: a “,” or “}” is missing"));
      s->pos++;
    }

  s->pos++;
  s->depth--;

  return TRUE;
}

static gboolean
scan_value (Scanner *s)
{
  if (s->pos >= s->length)
    return fail (s, NULL);

  switch (s->data[s->pos])
    {
    case '{':
      return scan_object (s);
    case '[':
      return scan_array (s);
    case '"':
      return scan_string (s);
    case 't':
      return expect_word (s, "true");
    case 'f':
      return expect_word (s, "false");
    case 'n':
      return expect_word (s, "null");
    default:
      if (s->data[s->pos] == '-' || g_ascii_isdigit (s->data[s->pos]))
        return scan_number (s);
      return fail (s, _("not valid JSON"));
    }
}

DgBackupScan *
dg_backup_scan (const char       *data,
                gsize             length,
                DgBackupProblems *problems)
{
  g_autoptr(DgBackupScan) scan = g_new0 (DgBackupScan, 1);
  Scanner s = { 0 };
  const char *invalid = NULL;

  scan->members = g_array_new (FALSE, TRUE, sizeof (RootMember));
  g_array_set_clear_func (scan->members, free_member);

  s.data = data;
  s.length = length;
  s.problems = problems;
  s.scan = scan;

  /* A byte order mark, as some editors save UTF-8 with. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    s.pos = 3;

  skip_space (&s);
  if (s.pos >= length)
    {
      dg_backup_problems_add (problems, _("the file"), "%s",
                              _("it is empty: not a Dangol backup"));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      /* Only the place matters; scan up to it for a line and column. */
      s.pos = invalid - data;
      s.depth = 0;
      fail (&s, _("not valid UTF-8 text"));
      return NULL;
    }

  if (data[s.pos] != '{')
    {
      dg_backup_problems_add (problems, _("the file"), "%s",
                              _("it does not hold a JSON object: not a Dangol backup"));
      return NULL;
    }

  if (!scan_value (&s))
    return NULL;

  skip_space (&s);
  if (s.pos < length)
    {
      fail (&s, _("not valid JSON: more text after the end"));
      return NULL;
    }

  return g_steal_pointer (&scan);
}

static RootMember *
find_member (DgBackupScan *scan,
             const char   *key)
{
  for (guint i = 0; i < scan->members->len; i++)
    {
      RootMember *member = &g_array_index (scan->members, RootMember, i);

      if (g_str_equal (member->key, key))
        return member;
    }

  return NULL;
}

gboolean
dg_backup_scan_lookup (DgBackupScan *scan,
                       const char   *key,
                       DgBackupSpan *out_value,
                       gboolean     *out_is_array)
{
  RootMember *member = find_member (scan, key);

  if (member == NULL)
    return FALSE;

  if (out_value != NULL)
    *out_value = member->value;
  if (out_is_array != NULL)
    *out_is_array = member->is_array;

  return TRUE;
}

GArray *
dg_backup_scan_get_elements (DgBackupScan *scan,
                             const char   *key)
{
  RootMember *member = find_member (scan, key);

  return member != NULL && member->elements != NULL ? member->elements : NULL;
}

GPtrArray *
dg_backup_scan_get_keys (DgBackupScan *scan)
{
  GPtrArray *keys = g_ptr_array_new ();

  for (guint i = 0; i < scan->members->len; i++)
    g_ptr_array_add (keys, g_array_index (scan->members, RootMember, i).key);

  return keys;
}

JsonNode *
dg_backup_parse_span (JsonParser         *parser,
                      const char         *data,
                      const DgBackupSpan *span,
                      GError            **error)
{
  if (!json_parser_load_from_data (parser, data + span->offset, span->length, error))
    return NULL;

  return json_parser_steal_root (parser);
}
