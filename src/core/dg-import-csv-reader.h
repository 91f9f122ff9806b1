/* dg-import-csv-reader.h
 *
 * Reads a CSV file as the sign-up and survey sheets people have: exported
 * by Google Forms or Naver Form, or saved by Excel on a Korean Windows
 * machine. The encoding is detected and said, never guessed silently:
 * a byte-order mark names UTF-8 or UTF-16 (LE/BE); without one, a file
 * whose bytes are all valid UTF-8 is UTF-8, and one whose bytes are not is
 * read as CP949 (EUC-KR and its Windows extension), which the detection
 * reports as a fallback. The caller can name the encoding instead.
 *
 * The delimiter (comma, semicolon or tab) is detected from the first
 * records, or named. Fields follow RFC 4180: a quoted field holds
 * delimiters, line breaks and doubled quotes; lines end in CRLF, LF or CR,
 * mixed. Rows are numbered as a spreadsheet shows them: the first record
 * is row 1, whatever line breaks its quoted fields hold.
 *
 * The file is streamed: the reader holds one chunk and one record, so a
 * large file costs time, not memory. It refuses, with a message that says
 * what to do, a file over DG_CSV_MAX_FILE_SIZE, a record over
 * DG_CSV_MAX_RECORD_SIZE (usually a quote that was never closed), NUL
 * characters, and bytes that are not text in the chosen encoding.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DG_CSV_MAX_FILE_SIZE   (G_GUINT64_CONSTANT (512) * 1024 * 1024)
#define DG_CSV_MAX_RECORD_SIZE (1024 * 1024)
#define DG_CSV_MAX_FIELDS      1000
#define DG_CSV_MAX_ROWS        1000000

typedef enum
{
  /* Detect (as an option); never the result of a detection. */
  DG_CSV_ENCODING_AUTO,
  DG_CSV_ENCODING_UTF8,
  DG_CSV_ENCODING_UTF16LE,
  DG_CSV_ENCODING_UTF16BE,
  DG_CSV_ENCODING_CP949,
} DgCsvEncoding;

typedef struct
{
  DgCsvEncoding encoding;
  /* The file starts with a byte-order mark (skipped). */
  gboolean      has_bom;
  /* Read as CP949 because the bytes are not valid UTF-8. */
  gboolean      fallback;
  /* Valid UTF-8, but with no Hangul where reading it as CP949 gives
   * Hangul: worth a question to the person importing it. */
  gboolean      maybe_cp949;
  /* ',', ';' or '\t'. */
  char          delimiter;
  /* The delimiter was detected rather than named. */
  gboolean      delimiter_detected;
} DgCsvDetection;

typedef struct _DgCsvReader DgCsvReader;

/* The encoding's name for people ("UTF-8", "Korean (CP949)"…). */
const char  *dg_csv_encoding_get_label   (DgCsvEncoding    encoding);

/* Opens @path, detecting what @encoding (AUTO) and @delimiter (0) leave
 * open. Detecting the encoding of a file without a byte-order mark reads
 * it once through. */
DgCsvReader *dg_csv_reader_open          (const char      *path,
                                          DgCsvEncoding    encoding,
                                          char             delimiter,
                                          GCancellable    *cancellable,
                                          GError         **error);
void         dg_csv_reader_free          (DgCsvReader     *self);
const DgCsvDetection *dg_csv_reader_get_detection (DgCsvReader *self);

/* Reads the next record into @fields (emptied first; UTF-8 strings).
 * @out_row receives its row number. FALSE at the end of the file (with
 * @error unset) or on an error (naming the row). */
gboolean     dg_csv_reader_next          (DgCsvReader     *self,
                                          GPtrArray       *fields,
                                          guint           *out_row,
                                          GCancellable    *cancellable,
                                          GError         **error);
/* Once the end was reached: the SHA-256 of the file's bytes, to tell that
 * a second reading saw the same file. */
const char  *dg_csv_reader_get_checksum  (DgCsvReader     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgCsvReader, dg_csv_reader_free)

G_END_DECLS
