/* dg-import-csv-reader.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dg-error.h"
#include "dg-import-csv-reader.h"

#define RAW_CHUNK    (64 * 1024)
/* Room for what two raw chunks decode to: at most 3 bytes of UTF-8 for 2
 * bytes of CP949 or UTF-16, the same for UTF-8. */
#define OUT_CHUNK    (RAW_CHUNK * 4)
/* How much decoded text the delimiter is guessed from, and in how many
 * records. */
#define SAMPLE_BYTES (64 * 1024)
#define SAMPLE_ROWS  20

struct _DgCsvReader
{
  GInputStream   *stream;
  GConverter     *converter;
  GChecksum      *checksum;
  char           *checksum_text;
  DgCsvDetection  detection;

  guint8         *raw;
  gsize           raw_len;
  gsize           raw_pos;
  guint8         *out;
  gboolean        raw_eof;
  gboolean        converted_all;
  /* The text decoded next is not UTF-8 (see valid_prefix()). */
  gboolean        bad_text;

  /* Decoded UTF-8 not parsed yet, from text_pos. */
  GByteArray     *text;
  gsize           text_pos;

  guint           row;
  /* Some of record @row was read: text that fails to decode now is in
   * it, not in the next. */
  gboolean        in_record;
  GString        *field;
};

const char *
dg_csv_encoding_get_label (DgCsvEncoding encoding)
{
  switch (encoding)
    {
    case DG_CSV_ENCODING_UTF8:
      return "UTF-8";
    case DG_CSV_ENCODING_UTF16LE:
      return _("UTF-16 (little-endian)");
    case DG_CSV_ENCODING_UTF16BE:
      return _("UTF-16 (big-endian)");
    case DG_CSV_ENCODING_CP949:
      /* Translators: the encoding of Korean Windows (CP949, a superset of EUC-KR). */
      return _("Korean (CP949/EUC-KR)");
    case DG_CSV_ENCODING_AUTO:
    default:
      return _("Detect");
    }
}

static const char *
iconv_name (DgCsvEncoding encoding)
{
  switch (encoding)
    {
    case DG_CSV_ENCODING_UTF16LE:
      return "UTF-16LE";
    case DG_CSV_ENCODING_UTF16BE:
      return "UTF-16BE";
    case DG_CSV_ENCODING_CP949:
      return "CP949";
    case DG_CSV_ENCODING_UTF8:
    case DG_CSV_ENCODING_AUTO:
    default:
      /* UTF-8 to UTF-8 still goes through iconv: that checks it. */
      return "UTF-8";
    }
}

void
dg_csv_reader_free (DgCsvReader *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  g_clear_object (&self->converter);
  g_clear_pointer (&self->checksum, g_checksum_free);
  g_free (self->checksum_text);
  g_free (self->raw);
  g_free (self->out);
  g_clear_pointer (&self->text, g_byte_array_unref);
  if (self->field != NULL)
    g_string_free (self->field, TRUE);
  g_free (self);
}

static gboolean
set_decode_error (DgCsvReader  *self,
                  GError      **error)
{
  g_set_error (error, DG_ERROR, DG_ERROR_INVALID_IMPORT,
               _("Row %u: the file is not valid %s text; choose another encoding."),
               self->in_record ? self->row : self->row + 1,
               dg_csv_encoding_get_label (self->detection.encoding));
  return FALSE;
}

/* Reads more raw bytes after those not converted yet. */
static gboolean
read_raw (DgCsvReader   *self,
          GCancellable  *cancellable,
          GError       **error)
{
  gssize n;

  if (self->raw_pos > 0)
    {
      memmove (self->raw, self->raw + self->raw_pos, self->raw_len - self->raw_pos);
      self->raw_len -= self->raw_pos;
      self->raw_pos = 0;
    }

  n = g_input_stream_read (self->stream, self->raw + self->raw_len,
                           RAW_CHUNK * 2 - self->raw_len, cancellable, error);
  if (n < 0)
    return FALSE;

  if (n == 0)
    self->raw_eof = TRUE;
  else
    g_checksum_update (self->checksum, self->raw + self->raw_len, n);
  self->raw_len += n;

  return TRUE;
}

/* How much of @text is UTF-8. NUL characters count as text here: the
 * parser refuses them with a message of their own. */
static gsize
valid_prefix (const char *text,
              gsize       len)
{
  const char *p = text;
  const char *end = text + len;

  while (p < end)
    {
      const char *stop;

      if (g_utf8_validate_len (p, end - p, &stop))
        break;
      if (*stop != '\0')
        return stop - text;
      p = stop + 1;
    }

  return len;
}

/* Appends more decoded text; TRUE with nothing appended at the end. */
static gboolean
fill (DgCsvReader   *self,
      GCancellable  *cancellable,
      GError       **error)
{
  gsize before;

  if (self->text_pos > 0)
    {
      g_byte_array_remove_range (self->text, 0, self->text_pos);
      self->text_pos = 0;
    }
  if (self->bad_text)
    return set_decode_error (self, error);
  before = self->text->len;

  while (!self->converted_all && self->text->len == before)
    {
      g_autoptr(GError) local_error = NULL;
      gsize n_read = 0, n_written = 0, valid;
      GConverterResult result;

      if (!self->raw_eof && self->raw_len - self->raw_pos < RAW_CHUNK
          && !read_raw (self, cancellable, error))
        return FALSE;

      result = g_converter_convert (self->converter,
                                    self->raw + self->raw_pos, self->raw_len - self->raw_pos,
                                    self->out, OUT_CHUNK,
                                    self->raw_eof ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS,
                                    &n_read, &n_written, &local_error);
      if (result == G_CONVERTER_ERROR)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) && !self->raw_eof)
            {
              if (!read_raw (self, cancellable, error))
                return FALSE;
              continue;
            }
          return set_decode_error (self, error);
        }

      self->raw_pos += n_read;

      /* glibc's iconv lets through UTF-8 sequences of code points past
       * U+10FFFF, which are not text: the text before them is kept, and
       * they are refused when the row that holds them is read. */
      valid = valid_prefix ((const char *) self->out, n_written);
      g_byte_array_append (self->text, self->out, valid);
      if (valid < n_written)
        {
          self->bad_text = TRUE;
          return self->text->len > before || set_decode_error (self, error);
        }
      if (result == G_CONVERTER_FINISHED)
        self->converted_all = TRUE;
    }

  return TRUE;
}

static DgCsvReader *
reader_new (GFile          *file,
            DgCsvEncoding   encoding,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autoptr(DgCsvReader) self = g_new0 (DgCsvReader, 1);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  guint64 size;

  self->stream = G_INPUT_STREAM (g_file_read (file, cancellable, error));
  if (self->stream == NULL)
    return NULL;

  info = g_file_input_stream_query_info (G_FILE_INPUT_STREAM (self->stream),
                                         G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, error);
  if (info == NULL)
    return NULL;

  size = g_file_info_get_size (info);
  if (size > DG_CSV_MAX_FILE_SIZE)
    {
      g_autofree char *size_text = g_format_size (size);
      g_autofree char *max_text = g_format_size (DG_CSV_MAX_FILE_SIZE);

      g_set_error (error, DG_ERROR, DG_ERROR_INVALID_IMPORT,
                   _("The file is %s; Dangol imports files up to %s. Split it into smaller files."),
                   size_text, max_text);
      return NULL;
    }

  self->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  self->raw = g_malloc (RAW_CHUNK * 2);
  self->out = g_malloc (OUT_CHUNK);
  self->text = g_byte_array_new ();
  self->field = g_string_new (NULL);

  if (!read_raw (self, cancellable, error))
    return NULL;

  /* A byte-order mark names the encoding, unless the caller named one. */
  if (self->raw_len >= 3 && memcmp (self->raw, "\xEF\xBB\xBF", 3) == 0
      && (encoding == DG_CSV_ENCODING_AUTO || encoding == DG_CSV_ENCODING_UTF8))
    {
      encoding = DG_CSV_ENCODING_UTF8;
      self->raw_pos = 3;
      self->detection.has_bom = TRUE;
    }
  else if (self->raw_len >= 2 && memcmp (self->raw, "\xFF\xFE", 2) == 0
           && (encoding == DG_CSV_ENCODING_AUTO || encoding == DG_CSV_ENCODING_UTF16LE))
    {
      encoding = DG_CSV_ENCODING_UTF16LE;
      self->raw_pos = 2;
      self->detection.has_bom = TRUE;
    }
  else if (self->raw_len >= 2 && memcmp (self->raw, "\xFE\xFF", 2) == 0
           && (encoding == DG_CSV_ENCODING_AUTO || encoding == DG_CSV_ENCODING_UTF16BE))
    {
      encoding = DG_CSV_ENCODING_UTF16BE;
      self->raw_pos = 2;
      self->detection.has_bom = TRUE;
    }

  self->detection.encoding = encoding;
  self->converter = G_CONVERTER (g_charset_converter_new ("UTF-8", iconv_name (encoding), &local_error));
  if (self->converter == NULL)
    {
      g_set_error (error, DG_ERROR, DG_ERROR_INVALID_IMPORT,
                   _("This system cannot read %s text."), dg_csv_encoding_get_label (encoding));
      return NULL;
    }

  return g_steal_pointer (&self);
}

static gboolean
has_hangul (const char *text,
            gssize      len)
{
  const char *end = text + len;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F))
        return TRUE;
    }

  return FALSE;
}

/* Reads the whole file as UTF-8: whether it is, and whether it holds
 * other letters than ASCII but no Hangul. */
static gboolean
scan_utf8 (GFile         *file,
           gboolean      *out_valid,
           gboolean      *out_foreign_no_hangul,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(DgCsvReader) scan = reader_new (file, DG_CSV_ENCODING_UTF8, cancellable, error);
  gboolean non_ascii = FALSE;
  gboolean hangul = FALSE;

  if (scan == NULL)
    return FALSE;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;

      if (!fill (scan, cancellable, &local_error))
        {
          if (g_error_matches (local_error, DG_ERROR, DG_ERROR_INVALID_IMPORT))
            {
              *out_valid = FALSE;
              return TRUE;
            }
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (scan->text->len == 0)
        break;

      for (guint i = 0; i < scan->text->len && !non_ascii; i++)
        non_ascii = scan->text->data[i] >= 0x80;
      hangul = hangul || has_hangul ((const char *) scan->text->data, scan->text->len);
      scan->text_pos = scan->text->len;
    }

  *out_valid = TRUE;
  *out_foreign_no_hangul = non_ascii && !hangul;

  return TRUE;
}

/* Whether the start of the file read as CP949 holds Hangul. */
static gboolean
start_reads_as_cp949_hangul (GFile        *file,
                             GCancellable *cancellable)
{
  g_autoptr(DgCsvReader) scan = reader_new (file, DG_CSV_ENCODING_CP949, cancellable, NULL);

  if (scan == NULL || !fill (scan, cancellable, NULL))
    return FALSE;

  return has_hangul ((const char *) scan->text->data, scan->text->len);
}

/* Counts @delimiter outside quotes in each of the first records of the
 * sample, and scores how regular the counts are. */
static guint
score_delimiter (const guint8 *text,
                 gsize         len,
                 gboolean      complete,
                 char          delimiter)
{
  guint counts[SAMPLE_ROWS] = { 0 };
  guint n_records = 0;
  guint count = 0;
  gboolean quoted = FALSE;
  guint score = 0;

  for (gsize i = 0; i < len && n_records < SAMPLE_ROWS; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && c == delimiter)
        count++;
      else if (!quoted && (c == '\n' || c == '\r'))
        {
          if (c == '\r' && i + 1 < len && text[i + 1] == '\n')
            i++;
          counts[n_records++] = count;
          count = 0;
        }
    }
  if (complete && count > 0 && n_records < SAMPLE_ROWS)
    counts[n_records++] = count;

  if (n_records == 0 || counts[0] == 0)
    return 0;

  for (guint r = 0; r < n_records; r++)
    score += counts[r] == counts[0] ? 1000 : 0;

  return score + MIN (counts[0], 999);
}

static gboolean
detect_delimiter (DgCsvReader   *self,
                  GCancellable  *cancellable,
                  GError       **error)
{
  static const char candidates[] = { ',', '\t', ';' };
  guint best_score = 0;

  while (self->text->len < SAMPLE_BYTES && !self->converted_all)
    {
      g_autoptr(GError) local_error = NULL;
      gsize before = self->text->len;

      /* Text that does not decode is refused when its row is read, so
       * that the message names that row: the sample ends before it. */
      if (!fill (self, cancellable, &local_error))
        {
          if (g_error_matches (local_error, DG_ERROR, DG_ERROR_INVALID_IMPORT))
            break;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (self->text->len == before)
        break;
    }

  self->detection.delimiter = ',';
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      guint score = score_delimiter (self->text->data, MIN (self->text->len, SAMPLE_BYTES),
                                     self->converted_all, candidates[i]);

      if (score > best_score)
        {
          best_score = score;
          self->detection.delimiter = candidates[i];
        }
    }

  return TRUE;
}

DgCsvReader *
dg_csv_reader_open (const char     *path,
                    DgCsvEncoding   encoding,
                    char            delimiter,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(DgCsvReader) self = NULL;
  gboolean fallback = FALSE;
  gboolean maybe_cp949 = FALSE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (delimiter == 0 || delimiter == ',' || delimiter == ';' || delimiter == '\t', NULL);

  file = g_file_new_for_path (path);
  self = reader_new (file, encoding, cancellable, error);
  if (self == NULL)
    return NULL;

  if (self->detection.encoding == DG_CSV_ENCODING_AUTO)
    {
      gboolean valid = FALSE;
      gboolean foreign_no_hangul = FALSE;

      if (!scan_utf8 (file, &valid, &foreign_no_hangul, cancellable, error))
        return NULL;

      fallback = !valid;
      maybe_cp949 = valid && foreign_no_hangul && start_reads_as_cp949_hangul (file, cancellable);

      g_clear_pointer (&self, dg_csv_reader_free);
      self = reader_new (file, valid ? DG_CSV_ENCODING_UTF8 : DG_CSV_ENCODING_CP949,
                         cancellable, error);
      if (self == NULL)
        return NULL;
      self->detection.fallback = fallback;
      self->detection.maybe_cp949 = maybe_cp949;
    }

  if (delimiter != 0)
    self->detection.delimiter = delimiter;
  else
    {
      self->detection.delimiter_detected = TRUE;
      if (!detect_delimiter (self, cancellable, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

const DgCsvDetection *
dg_csv_reader_get_detection (DgCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->detection;
}

const char *
dg_csv_reader_get_checksum (DgCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->checksum_text;
}

typedef enum
{
  FIELD_START,
  UNQUOTED,
  QUOTED,
  QUOTE_IN_QUOTED,
} ParseState;

static void
end_field (DgCsvReader *self,
           GPtrArray   *fields)
{
  g_ptr_array_add (fields, g_strndup (self->field->str, self->field->len));
  g_string_truncate (self->field, 0);
}

gboolean
dg_csv_reader_next (DgCsvReader   *self,
                    GPtrArray     *fields,
                    guint         *out_row,
                    GCancellable  *cancellable,
                    GError       **error)
{
  ParseState state = FIELD_START;
  char delimiter;
  gsize record_bytes = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  delimiter = self->detection.delimiter;
  g_ptr_array_set_size (fields, 0);
  g_string_truncate (self->field, 0);

  for (;;)
    {
      char c;

      if (self->text_pos == self->text->len)
        {
          if (!fill (self, cancellable, error))
            return FALSE;

          if (self->text->len == 0)
            {
              if (self->checksum_text == NULL)
                self->checksum_text = g_strdup (g_checksum_get_string (self->checksum));

              if (state == QUOTED)
                {
                  g_set_error (error, DG_ERROR, DG_ERROR_INVALID_IMPORT,
                               _("Row %u: a quoted field is never closed; a \" is missing."),
                               self->row);
                  return FALSE;
                }
              if (record_bytes == 0)
                return FALSE;

              end_field (self, fields);
              self->in_record = FALSE;
              *out_row = self->row;
              return TRUE;
            }
        }

      c = self->text->data[self->text_pos++];

      if (record_bytes++ == 0)
        {
          self->in_record = TRUE;
          if (self->row >= DG_CSV_MAX_ROWS)
            {
              g_set_error (error, DG_ERROR, DG_ERROR_INVALID_IMPORT,
                           _("The file has more than %u rows; split it into smaller files."),
                           DG_CSV_MAX_ROWS);
              return FALSE;
            }
          self->row++;
        }

      if (c == '\0')
        {
          g_set_error (error, DG_ERROR, DG_ERROR_INVALID_IMPORT,
                       _("Row %u holds a NUL character: this is not a text file, or not in this encoding."),
                       self->row);
          return FALSE;
        }
      if (record_bytes > DG_CSV_MAX_RECORD_SIZE)
        {
          g_set_error (error, DG_ERROR, DG_ERROR_INVALID_IMPORT,
                       _("Row %u is longer than 1 MB; a quote may be missing."), self->row);
          return FALSE;
        }

      switch (state)
        {
        case QUOTED:
          if (c == '"')
            state = QUOTE_IN_QUOTED;
          else
            g_string_append_c (self->field, c);
          continue;

        case QUOTE_IN_QUOTED:
          if (c == '"')
            {
              g_string_append_c (self->field, '"');
              state = QUOTED;
              continue;
            }
          break;

        case FIELD_START:
          if (c == '"')
            {
              state = QUOTED;
              continue;
            }
          break;

        case UNQUOTED:
        default:
          break;
        }

      /* Outside quotes. */
      if (c == delimiter)
        {
          end_field (self, fields);
          if (fields->len >= DG_CSV_MAX_FIELDS)
            {
              g_set_error (error, DG_ERROR, DG_ERROR_INVALID_IMPORT,
                           _("Row %u has more than %u columns."), self->row, DG_CSV_MAX_FIELDS);
              return FALSE;
            }
          state = FIELD_START;
        }
      else if (c == '\n' || c == '\r')
        {
          self->in_record = FALSE;
          if (c == '\r')
            {
              if (self->text_pos == self->text->len && !fill (self, cancellable, error))
                return FALSE;
              if (self->text_pos < self->text->len && self->text->data[self->text_pos] == '\n')
                self->text_pos++;
            }
          end_field (self, fields);
          *out_row = self->row;
          return TRUE;
        }
      else
        {
          /* A quote inside an unquoted field, or text after a closing
           * quote, is kept as written. */
          g_string_append_c (self->field, c);
          state = UNQUOTED;
        }
    }
}
