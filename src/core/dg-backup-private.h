/* dg-backup-private.h
 *
 * The backup format as data: which JSON array holds which catalogue table,
 * and which key of a record holds which source column, as what kind of
 * value. The writer, the checker and the restore all walk these tables,
 * and tests/test-backup-format.c fails when the catalogue has a table or a
 * source column that no field covers.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "dg-backup.h"
#include "dg-catalog.h"
#include "dg-clock.h"

G_BEGIN_DECLS

typedef enum
{
  /* A string of at most max_length characters. */
  DG_BACKUP_VALUE_TEXT,
  /* A whole number; its range is the catalogue's RANGE rule for the
   * column, or min/max of the field. */
  DG_BACKUP_VALUE_INTEGER,
  /* true or false for a 0/1 column. */
  DG_BACKUP_VALUE_BOOLEAN,
  /* An instant, "YYYY-MM-DDTHH:MM:SSZ" (UTC). */
  DG_BACKUP_VALUE_INSTANT,
  /* A real date, "YYYY-MM-DD". */
  DG_BACKUP_VALUE_DATE,
  /* A birthday, "YYYY-MM-DD" (a lunar one may be a 30th of any month):
   * not moved by DG_BACKUP_RESTORE_SHIFT_TO_TODAY. */
  DG_BACKUP_VALUE_BIRTHDAY,
  /* A recurrence anchor, "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS" (local). */
  DG_BACKUP_VALUE_ANCHOR,
  /* A local time of day, "HH:MM". */
  DG_BACKUP_VALUE_TIME_OF_DAY,
  /* The record's own uuid. */
  DG_BACKUP_VALUE_UUID,
  /* The uuid of a record of the kind whose table is `target`. */
  DG_BACKUP_VALUE_REFERENCE,
  /* An array of such uuids, each once: the rows of a link table. */
  DG_BACKUP_VALUE_REFERENCE_LIST,
  /* The record it is nested in: no key of its own. */
  DG_BACKUP_VALUE_PARENT,
} DgBackupValueType;

typedef struct
{
  /* The key in the record; NULL for DG_BACKUP_VALUE_PARENT. */
  const char        *key;
  /* The catalogue table and source column the value is: the kind's own
   * table, or a link table (customer_tags, enrollment_followups) whose
   * row refers to the kind's record. */
  const char        *table;
  const char        *column;
  DgBackupValueType  type;
  /* DG_BACKUP_VALUE_REFERENCE(_LIST): the table referred to. */
  const char        *target;
  /* DG_BACKUP_VALUE_TEXT: in characters. */
  guint              max_length;
  /* DG_BACKUP_VALUE_INTEGER without a catalogue RANGE rule. */
  gint64             min;
  gint64             max;
} DgBackupField;

typedef struct
{
  /* The key of its array: at the top level, or in the parent's record. */
  const char          *key;
  const char          *table;
  /* Index into the kinds of the kind it is nested in, or -1. */
  int                  parent;
  const DgBackupField *fields;
  guint                n_fields;
  /* The offset of its counter in DgBackupCounts. */
  gsize                count_offset;
} DgBackupKind;

/* Every kind, in the order of the file: each after the kinds it refers to
 * and after the kind it is nested in. */
const DgBackupKind *dg_backup_get_kinds       (guint              *n_kinds);
/* -1 when @table is not a kind's table. */
int                 dg_backup_kind_for_table  (const char         *table);
/* The catalogue column a field stores. */
const DgCatalogColumn *dg_backup_field_get_column (const DgBackupField *field);
/* The column of the link table @link_table (customer_tags) that refers
 * to a row of @table (customers). */
const char         *dg_backup_link_column     (const char          *link_table,
                                               const char          *table);
/* The range a DG_BACKUP_VALUE_INTEGER field's value must be in. */
void                dg_backup_field_get_range (const DgBackupField *field,
                                               gint64              *out_min,
                                               gint64              *out_max);
/* Whether the field may be NULL (or left out): its column may, or it is
 * a link row's, which is there or not. */
gboolean            dg_backup_field_is_nullable (const DgBackupField *field);
/* The values a text field may hold (a ONE_OF rule of the catalogue), or
 * NULL. */
const char * const *dg_backup_field_get_values (const DgBackupField *field);

/* The settings: meta values that are a person's choices, as opposed to
 * values that describe this machine (the zone keys were computed in) or
 * what it already did (the day the agenda was shown). */
typedef struct
{
  const char *name;
  gint64      min;
  gint64      max;
  gint64      default_value;
} DgBackupSetting;

const DgBackupSetting *dg_backup_get_settings  (guint              *n_settings);
const DgBackupSetting *dg_backup_lookup_setting (const char         *name);

/* Meta values that are not settings and stay with the database. */
gboolean            dg_backup_is_local_meta   (const char         *name);

/* The names of the catalogue's CHECK and UNIQUE rules the checker applies
 * (or knows not to apply, for a rule about a derived column), so that a
 * test fails when the catalogue gains one it does not know. */
const char * const *dg_backup_get_checked_rules (void);

guint              *dg_backup_counts_slot     (DgBackupCounts     *counts,
                                               const DgBackupKind *kind);

/* The scanner: checks a whole document (syntax, UTF-8, depth, string
 * sizes) without building anything, and finds each record of the arrays
 * of the root object. */

#define DG_BACKUP_MAX_DEPTH        16
/* Longer strings are refused before json-glib sees them. */
#define DG_BACKUP_MAX_STRING_BYTES (4 * 1024 * 1024)

typedef struct
{
  /* Byte offsets of the record's text, braces included. */
  gsize offset;
  gsize length;
} DgBackupSpan;

typedef struct _DgBackupProblems DgBackupProblems;

/* Collects problems, keeping at most a fixed number of lines. */
DgBackupProblems *dg_backup_problems_new      (void);
void              dg_backup_problems_free     (DgBackupProblems *problems);
void              dg_backup_problems_add      (DgBackupProblems *problems,
                                               const char       *place,
                                               const char       *format,
                                               ...) G_GNUC_PRINTF (3, 4);
guint             dg_backup_problems_count    (DgBackupProblems *problems);
/* Sets @error to the first problem and hands the list (with its "and N
 * more" line) to @out_problems. */
void              dg_backup_problems_report   (DgBackupProblems  *problems,
                                               GPtrArray        **out_problems,
                                               GError           **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgBackupProblems, dg_backup_problems_free)

typedef struct _DgBackupScan DgBackupScan;

/* Scans @data. Returns NULL after adding the problem found (one: a
 * document that is not JSON has no further places). */
DgBackupScan     *dg_backup_scan              (const char       *data,
                                               gsize             length,
                                               DgBackupProblems *problems);
void              dg_backup_scan_free         (DgBackupScan     *scan);
/* The span of the value of the root object's @key, or FALSE. A key given
 * twice is reported by the scan. */
gboolean          dg_backup_scan_lookup       (DgBackupScan     *scan,
                                               const char       *key,
                                               DgBackupSpan     *out_value,
                                               gboolean         *out_is_array);
/* The spans of the elements of the root object's array @key; NULL when
 * @key is missing or not an array. */
GArray           *dg_backup_scan_get_elements (DgBackupScan     *scan,
                                               const char       *key);
/* Every key of the root object, in order. */
GPtrArray        *dg_backup_scan_get_keys     (DgBackupScan     *scan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgBackupScan, dg_backup_scan_free)

/* Parses one scanned span with json-glib: safe, since the scanner checked
 * its depth and sizes. */
JsonNode         *dg_backup_parse_span        (JsonParser       *parser,
                                               const char       *data,
                                               const DgBackupSpan *span,
                                               GError          **error);

typedef struct
{
  const DgBackupSetting *setting;
  gint64                 value;
} DgBackupSettingValue;

/* A loaded file: its text, the spans of its records and what the checker
 * learned that the restore needs (every uuid's row number). */
struct _DgBackupFile
{
  char           *path;
  char           *data;
  gsize           length;
  GDateTime      *exported_at;
  DgBackupCounts  counts;
  /* Per kind (dg_backup_get_kinds order): a GArray of DgBackupSpan of
   * every record of a top-level kind; NULL for a nested kind, whose
   * records are read inside their parents'. */
  GPtrArray      *spans;
  /* Per kind: uuid → row number from 1, the id the restore gives it. */
  GPtrArray      *ids;
  /* DgBackupSettingValue */
  GArray         *settings;
  DgClock        *clock;
};

/* dg_backup_file_load() of a text in memory: @data (@length bytes and a
 * NUL after them) is taken, and freed with the file. For the fuzzer. */
DgBackupFile     *dg_backup_file_load_data    (const char       *name,
                                               char             *data,
                                               gsize             length,
                                               GPtrArray       **out_problems,
                                               GError          **error);

/* Checks the records of @file's text, filling its spans and ids; adds
 * every problem to @problems. */
gboolean          dg_backup_check_file        (DgBackupFile     *file,
                                               DgBackupScan     *scan,
                                               GCancellable     *cancellable,
                                               DgBackupProblems *problems);

typedef struct
{
  gboolean    is_null;
  gint64      number;
  /* Owned by the record. */
  const char *text;
} DgBackupValue;

/* Reads the value of @field (not a list, not a parent) from @record into
 * @out; NULL, or what is wrong with it (translated; free it). A missing
 * key of a column that may be NULL reads as NULL. */
char             *dg_backup_read_value        (JsonObject          *record,
                                               const DgBackupField *field,
                                               DgBackupValue       *out);

typedef enum
{
  DG_BACKUP_TEXT_OK,
  DG_BACKUP_TEXT_MALFORMED,
  /* Well written, but no such date or time (2026-02-30). */
  DG_BACKUP_TEXT_IMPOSSIBLE,
} DgBackupTextCheck;

DgBackupTextCheck dg_backup_check_instant     (const char *text);
DgBackupTextCheck dg_backup_check_date        (const char *text);
DgBackupTextCheck dg_backup_check_birthday    (const char *text,
                                               gboolean    lunar);
/* @text cut to a length a message can show. */
char             *dg_backup_shorten           (const char *text);

/* Formats @n (bytes) for a message. */
char             *dg_backup_format_size       (guint64           n);

G_END_DECLS
