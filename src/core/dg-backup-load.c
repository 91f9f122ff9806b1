/* dg-backup-load.c
 *
 * Loading a backup: the file is read whole (a regular file of a bounded
 * size, checked before a byte is read), scanned without building anything,
 * its header and settings checked, then each record checked on its own
 * (dg-backup-check.c). What is kept is the text, the spans of the records
 * and a uuid → row table per kind: the restore parses each record again
 * from the text, so the peak stays near the file's size.
 */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "dg-backup-private.h"
#include "dg-error.h"
#include "dg-record-private.h"

/* Far above 100 000 customers with a million contacts (about 400 MB). */
#define MAX_FILE_BYTES ((goffset) 2 * 1024 * 1024 * 1024)
#define MAX_PROBLEMS   100
/* Far above what the header and the settings hold. */
#define MAX_MEMBER_BYTES (64 * 1024)

struct _DgBackupProblems
{
  GPtrArray *lines;
  guint      total;
};

DgBackupProblems *
dg_backup_problems_new (void)
{
  DgBackupProblems *problems = g_new0 (DgBackupProblems, 1);

  problems->lines = g_ptr_array_new_with_free_func (g_free);

  return problems;
}

void
dg_backup_problems_free (DgBackupProblems *problems)
{
  if (problems == NULL)
    return;

  g_ptr_array_unref (problems->lines);
  g_free (problems);
}

void
dg_backup_problems_add (DgBackupProblems *problems,
                        const char       *place,
                        const char       *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  problems->total++;
  if (problems->lines->len >= MAX_PROBLEMS)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: a problem of a backup file: its place
   * ("customers[12].email") and what is wrong there. */
  g_ptr_array_add (problems->lines, g_strdup_printf (_("%s: %s"), place, message));
}

guint
dg_backup_problems_count (DgBackupProblems *problems)
{
  return problems->total;
}

void
dg_backup_problems_report (DgBackupProblems  *problems,
                           GPtrArray        **out_problems,
                           GError           **error)
{
  g_return_if_fail (problems->total > 0);

  if (problems->total == 1)
    g_set_error (error, DG_ERROR, DG_ERROR_INVALID_BACKUP,
                 _("This file cannot be restored: %s"),
                 (const char *) g_ptr_array_index (problems->lines, 0));
  else
    g_set_error (error, DG_ERROR, DG_ERROR_INVALID_BACKUP,
                 ngettext ("This file cannot be restored: %s (and %u more problem)",
                           "This file cannot be restored: %s (and %u more problems)",
                           problems->total - 1),
                 (const char *) g_ptr_array_index (problems->lines, 0), problems->total - 1);

  if (out_problems == NULL)
    return;

  *out_problems = g_ptr_array_ref (problems->lines);
  if (problems->total > problems->lines->len)
    {
      guint more = problems->total - problems->lines->len;

      g_ptr_array_add (*out_problems,
                       g_strdup_printf (ngettext ("and %u more problem", "and %u more problems", more),
                                        more));
    }
}

char *
dg_backup_format_size (guint64 n)
{
  return g_format_size_full (n, G_FORMAT_SIZE_DEFAULT);
}

void
dg_backup_file_free (DgBackupFile *file)
{
  if (file == NULL)
    return;

  g_free (file->path);
  g_free (file->data);
  g_clear_pointer (&file->exported_at, g_date_time_unref);
  g_clear_pointer (&file->spans, g_ptr_array_unref);
  g_clear_pointer (&file->ids, g_ptr_array_unref);
  g_clear_pointer (&file->settings, g_array_unref);
  g_clear_object (&file->clock);
  g_free (file);
}

const char *
dg_backup_file_get_path (DgBackupFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);

  return file->path;
}

GDateTime *
dg_backup_file_get_exported_at (DgBackupFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);

  return file->exported_at;
}

const DgBackupCounts *
dg_backup_file_get_counts (DgBackupFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);

  return &file->counts;
}

void
dg_backup_file_set_clock (DgBackupFile *file,
                          DgClock      *clock)
{
  g_return_if_fail (file != NULL);
  g_return_if_fail (DG_IS_CLOCK (clock));

  g_set_object (&file->clock, clock);
}

static gboolean
set_read_error (GError     **error,
                int          saved_errno,
                const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not read “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

/* Reads the regular file @path whole, refusing one too big to be a
 * backup before reading it. */
static gboolean
read_file (DgBackupFile  *file,
           GError       **error)
{
  struct stat st;
  gsize done = 0;
  int fd;

  fd = open (file->path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return set_read_error (error, errno, file->path);

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      close (fd);
      return set_read_error (error, saved_errno, file->path);
    }

  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, DG_ERROR, DG_ERROR_INVALID_BACKUP, "%s",
                   _("This file cannot be restored: it is not a regular file"));
      return FALSE;
    }

  if (st.st_size > MAX_FILE_BYTES)
    {
      g_autofree char *size = dg_backup_format_size (st.st_size);
      g_autofree char *limit = dg_backup_format_size (MAX_FILE_BYTES);

      close (fd);
      g_set_error (error, DG_ERROR, DG_ERROR_INVALID_BACKUP,
                   _("This file cannot be restored: at %s it is bigger than any backup "
                     "Dangol makes (at most %s)"), size, limit);
      return FALSE;
    }

  file->length = st.st_size;
  file->data = g_try_malloc (file->length + 1);
  if (file->data == NULL)
    {
      close (fd);
      return set_read_error (error, ENOMEM, file->path);
    }

  while (done < file->length)
    {
      gssize n = read (fd, file->data + done, file->length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          return set_read_error (error, saved_errno, file->path);
        }
      if (n == 0)
        break;
      done += n;
    }

  close (fd);
  /* A file that shrank while it was read is read as far as it went. */
  file->length = done;
  file->data[done] = '\0';

  return TRUE;
}

/* Parses the small root member @key; NULL (a problem added) when it is
 * missing. */
static JsonNode *
parse_member (DgBackupFile     *file,
              DgBackupScan     *scan,
              JsonParser       *parser,
              const char       *key,
              DgBackupProblems *problems)
{
  DgBackupSpan span;
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  if (!dg_backup_scan_lookup (scan, key, &span, NULL))
    {
      dg_backup_problems_add (problems, key, "%s", _("missing"));
      return NULL;
    }

  /* The header's values and the settings are small; something else in
   * their place is not parsed into a tree. */
  if (span.length > MAX_MEMBER_BYTES)
    {
      dg_backup_problems_add (problems, key, "%s", _("far too long for what it should hold"));
      return NULL;
    }

  node = dg_backup_parse_span (parser, file->data, &span, &error);
  if (node == NULL)
    dg_backup_problems_add (problems, key, "%s", error->message);

  return node;
}

static gboolean
node_is (JsonNode *node,
         GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* The format name and version: FALSE when the file is not one this
 * build can read at all, and nothing else is worth saying. */
static gboolean
check_header (DgBackupFile     *file,
              DgBackupScan     *scan,
              JsonParser       *parser,
              DgBackupProblems *problems)
{
  g_autoptr(JsonNode) format = NULL;
  g_autoptr(JsonNode) version = NULL;
  g_autoptr(JsonNode) exported_at = NULL;

  if (!dg_backup_scan_lookup (scan, "format", NULL, NULL))
    {
      dg_backup_problems_add (problems, _("the file"), "%s",
                              _("it is not a Dangol backup (it has no “format”)"));
      return FALSE;
    }

  format = parse_member (file, scan, parser, "format", problems);
  if (format == NULL)
    return FALSE;
  if (!node_is (format, G_TYPE_STRING) || !g_str_equal (json_node_get_string (format), DG_BACKUP_FORMAT_NAME))
    {
      dg_backup_problems_add (problems, "format", "%s",
                              _("not “dangol-backup”: this is not a Dangol backup"));
      return FALSE;
    }

  version = parse_member (file, scan, parser, "version", problems);
  if (version == NULL)
    return FALSE;
  if (!node_is (version, G_TYPE_INT64) || json_node_get_int (version) < 1)
    {
      dg_backup_problems_add (problems, "version", "%s", _("not a format version"));
      return FALSE;
    }
  if (json_node_get_int (version) > DG_BACKUP_FORMAT_VERSION)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (version));

      dg_backup_problems_add (problems, "version",
                              _("made by a newer Dangol (format %s); "
                                "this one reads format %d: update Dangol to restore it"),
                              number, DG_BACKUP_FORMAT_VERSION);
      return FALSE;
    }

  exported_at = parse_member (file, scan, parser, "exported_at", problems);
  if (exported_at != NULL)
    {
      if (node_is (exported_at, G_TYPE_STRING)
          && dg_backup_check_instant (json_node_get_string (exported_at)) == DG_BACKUP_TEXT_OK)
        file->exported_at = dg_record_parse_time (json_node_get_string (exported_at));
      else
        dg_backup_problems_add (problems, "exported_at", "%s",
                                _("not a time written YYYY-MM-DDTHH:MM:SSZ"));
    }

  return TRUE;
}

static void
check_settings (DgBackupFile     *file,
                DgBackupScan     *scan,
                JsonParser       *parser,
                DgBackupProblems *problems)
{
  g_autoptr(JsonNode) node = parse_member (file, scan, parser, "settings", problems);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (node == NULL)
    return;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      dg_backup_problems_add (problems, "settings", "%s", _("not a list"));
      return;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *place = g_strdup_printf ("settings[%u]", i);
      const DgBackupSetting *setting;
      JsonObject *object;
      JsonNode *name, *value;
      DgBackupSettingValue entry;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          dg_backup_problems_add (problems, place, "%s", _("not an object"));
          continue;
        }

      object = json_node_get_object (element);
      name = json_object_get_member (object, "name");
      value = json_object_get_member (object, "value");
      if (json_object_get_size (object) != 2 || name == NULL || value == NULL)
        {
          dg_backup_problems_add (problems, place, "%s", _("a setting has a name and a value only"));
          continue;
        }

      if (!node_is (name, G_TYPE_STRING)
          || (setting = dg_backup_lookup_setting (json_node_get_string (name))) == NULL)
        {
          dg_backup_problems_add (problems, place, "%s", _("not a setting this Dangol knows"));
          continue;
        }

      if (!g_hash_table_add (seen, (gpointer) setting->name))
        {
          dg_backup_problems_add (problems, place, "%s", _("given twice"));
          continue;
        }

      if (!node_is (value, G_TYPE_INT64)
          || json_node_get_int (value) < setting->min || json_node_get_int (value) > setting->max)
        {
          g_autofree char *min = g_strdup_printf ("%" G_GINT64_FORMAT, setting->min);
          g_autofree char *max = g_strdup_printf ("%" G_GINT64_FORMAT, setting->max);

          dg_backup_problems_add (problems, place, _("the value is not a number from %s to %s"),
                                  min, max);
          continue;
        }

      entry.setting = setting;
      entry.value = json_node_get_int (value);
      g_array_append_val (file->settings, entry);
    }
}

static void
check_root_keys (DgBackupScan     *scan,
                 DgBackupProblems *problems)
{
  static const char * const header[] = { "format", "version", "exported_at", "settings", NULL };
  g_autoptr(GPtrArray) keys = dg_backup_scan_get_keys (scan);

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      int k = -1;
      guint n_kinds;
      const DgBackupKind *kinds = dg_backup_get_kinds (&n_kinds);

      for (guint j = 0; j < n_kinds; j++)
        {
          if (kinds[j].parent < 0 && g_str_equal (kinds[j].key, key))
            k = j;
        }

      if (k < 0 && !g_strv_contains (header, key))
        {
          g_autofree char *shown = dg_backup_shorten (key);

          dg_backup_problems_add (problems, shown, "%s", _("not a part of a Dangol backup"));
        }
    }
}

static void
unref_spans (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

static DgBackupFile *
new_file (const char *path)
{
  DgBackupFile *file = g_new0 (DgBackupFile, 1);
  guint n_kinds;

  file->path = g_strdup (path);
  file->settings = g_array_new (FALSE, FALSE, sizeof (DgBackupSettingValue));
  file->ids = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  dg_backup_get_kinds (&n_kinds);
  for (guint k = 0; k < n_kinds; k++)
    g_ptr_array_add (file->ids, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL));

  return file;
}

/* Checks @file, whose text is read. */
static gboolean
check (DgBackupFile  *file,
       GCancellable  *cancellable,
       GPtrArray    **out_problems,
       GError       **error)
{
  g_autoptr(DgBackupProblems) problems = dg_backup_problems_new ();
  g_autoptr(DgBackupScan) scan = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  const DgBackupKind *kinds;
  guint n_kinds;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  scan = dg_backup_scan (file->data, file->length, problems);
  if (scan != NULL && check_header (file, scan, parser, problems))
    {
      check_root_keys (scan, problems);
      check_settings (file, scan, parser, problems);
      if (!dg_backup_check_file (file, scan, cancellable, problems))
        {
          g_cancellable_set_error_if_cancelled (cancellable, error);
          return FALSE;
        }
    }

  if (dg_backup_problems_count (problems) > 0)
    {
      dg_backup_problems_report (problems, out_problems, error);
      return FALSE;
    }

  file->counts.n_settings = file->settings->len;

  /* Only the spans of the top-level arrays are needed again. */
  file->spans = g_ptr_array_new_with_free_func (unref_spans);
  kinds = dg_backup_get_kinds (&n_kinds);
  for (guint k = 0; k < n_kinds; k++)
    {
      GArray *spans = kinds[k].parent < 0 ? dg_backup_scan_get_elements (scan, kinds[k].key) : NULL;

      g_ptr_array_add (file->spans, spans != NULL ? g_array_ref (spans) : NULL);
    }

  return TRUE;
}

DgBackupFile *
dg_backup_file_load (const char    *path,
                     GCancellable  *cancellable,
                     GPtrArray    **out_problems,
                     GError       **error)
{
  g_autoptr(DgBackupFile) file = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);

  if (out_problems != NULL)
    *out_problems = NULL;

  file = new_file (path);
  if (!read_file (file, error) || !check (file, cancellable, out_problems, error))
    return NULL;

  return g_steal_pointer (&file);
}

DgBackupFile *
dg_backup_file_load_data (const char  *name,
                          char        *data,
                          gsize        length,
                          GPtrArray  **out_problems,
                          GError     **error)
{
  g_autoptr(DgBackupFile) file = new_file (name);

  if (out_problems != NULL)
    *out_problems = NULL;

  file->data = data;
  file->length = length;
  if (!check (file, NULL, out_problems, error))
    return NULL;

  return g_steal_pointer (&file);
}
