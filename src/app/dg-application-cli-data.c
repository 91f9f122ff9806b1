/* dg-application-cli-data.c
 *
 * `dangol --import FILE [--journey NAME --stage NAME [--cohort NAME
 * [--cohort-date YYYY-MM-DD]]]` and `dangol --export-csv|--export-vcard|
 * --export-ical FILE`: the import and exports of the main menu, for
 * scripts. The import takes a CSV sheet (its encoding, delimiter, header
 * and columns guessed) or a vCard file, updates the customers it matches
 * without overwriting what they hold, and prints what it did; see
 * dg-application-cli.c for the exit statuses.
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "dg-application-private.h"
#include "dg-core.h"

/* How often a terminal's progress line is written again. */
#define PROGRESS_INTERVAL_USEC (G_USEC_PER_SEC / 10)

/* A line on stderr, written over in place, that tells how far a long
 * import or export has come: only on a terminal, where a person waits;
 * in a file or a pipe the lines would pile up. */
typedef enum
{
  CLI_PROGRESS_CHECK,
  CLI_PROGRESS_IMPORT,
  CLI_PROGRESS_EXPORT_CUSTOMERS,
  CLI_PROGRESS_EXPORT_FOLLOWUPS,
} CliProgressKind;

typedef struct
{
  CliProgressKind kind;
  gboolean        on_terminal;
  gboolean        shown;
  gint64          last_shown;
} CliProgress;

static void
cli_progress_init (CliProgress     *progress,
                   CliProgressKind  kind)
{
  *progress = (CliProgress) {
    .kind = kind,
    /* A terminal that cannot move back on its line would show each. */
    .on_terminal = isatty (STDERR_FILENO) && g_strcmp0 (g_getenv ("TERM"), "dumb") != 0,
  };
}

static const char *
cli_progress_format (CliProgressKind kind,
                     guint           total)
{
  switch (kind)
    {
    case CLI_PROGRESS_CHECK:
      /* Translators: while `dangol --import` reads the file and checks its
       * rows against the customers, before it writes; %u is how many rows
       * it has read so far, of a number not known yet. */
      return ngettext ("Checking: %u row", "Checking: %u rows", total);

    case CLI_PROGRESS_IMPORT:
      /* Translators: while `dangol --import` writes; the first %u is how
       * many of the second are done. Shown on one line, written over. */
      return ngettext ("Importing: %u of %u row", "Importing: %u of %u rows", total);

    case CLI_PROGRESS_EXPORT_CUSTOMERS:
      /* Translators: while `dangol --export-csv` or `--export-vcard`
       * writes; the first %u is how many of the second are done. */
      return ngettext ("Writing: %u of %u customer", "Writing: %u of %u customers", total);

    case CLI_PROGRESS_EXPORT_FOLLOWUPS:
    default:
      /* Translators: while `dangol --export-ical` writes; the first %u is
       * how many of the second are done. */
      return ngettext ("Writing: %u of %u follow-up", "Writing: %u of %u follow-ups", total);
    }
}

/* How many of a terminal's columns @text takes. */
static guint
text_columns (const char *text)
{
  guint columns = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      columns += g_unichar_iswide (c) ? 2 : 1;
    }

  return columns;
}

static void
cli_progress_update (guint    done,
                     guint    total,
                     gpointer user_data)
{
  CliProgress *progress = user_data;
  gint64 now = g_get_monotonic_time ();
  g_autofree char *text = NULL;
  struct winsize size;

  if (!progress->on_terminal)
    return;
  /* The last one always: it is what stays until the summary. */
  if (progress->shown && (total == 0 || done < total) && now - progress->last_shown < PROGRESS_INTERVAL_USEC)
    return;

  /* The check's total is not known: it counts what it has read. */
  if (progress->kind == CLI_PROGRESS_CHECK)
    text = g_strdup_printf (cli_progress_format (progress->kind, done), done);
  else
    text = g_strdup_printf (cli_progress_format (progress->kind, total), done, total);
  /* A line wider than the terminal wraps, and going back to its start
   * would then leave the first part behind at every update. */
  if (ioctl (STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    {
      if (text_columns (text) >= size.ws_col)
        {
          g_free (text);
          text = progress->kind == CLI_PROGRESS_CHECK ? g_strdup_printf ("%u", done)
                                                      : g_strdup_printf ("%u/%u", done, total);
        }
      if (text_columns (text) >= size.ws_col)
        return;
    }

  g_printerr ("\r\033[K%s", text);
  progress->shown = TRUE;
  progress->last_shown = now;
}

/* Takes the line away, before what is printed next. */
static void
cli_progress_clear (CliProgress *progress)
{
  if (progress->shown)
    g_printerr ("\r\033[K");
  progress->shown = FALSE;
}

/* The journey named @name (case aside), its stage @stage_name, or NULL
 * with @error set. */
static DgStage *
find_stage (DgDatabase  *db,
            const char  *journey_name,
            const char  *stage_name,
            GError     **error)
{
  g_autoptr(GPtrArray) journeys = dg_journeys_list (db, error);
  g_autofree char *journey_key = g_utf8_casefold (journey_name, -1);
  g_autofree char *stage_key = g_utf8_casefold (stage_name, -1);
  DgJourney *journey = NULL;
  g_autoptr(GPtrArray) stages = NULL;

  if (journeys == NULL)
    return NULL;

  for (guint i = 0; i < journeys->len && journey == NULL; i++)
    {
      DgJourney *candidate = g_ptr_array_index (journeys, i);
      g_autofree char *key = g_utf8_casefold (candidate->name, -1);

      if (g_str_equal (key, journey_key))
        journey = candidate;
    }
  if (journey == NULL)
    {
      /* Translators: %s is the journey named on the command line. */
      g_set_error (error, DG_ERROR, DG_ERROR_NOT_FOUND, _("There is no journey named “%s”."), journey_name);
      return NULL;
    }

  stages = dg_stages_list (db, journey->id, error);
  if (stages == NULL)
    return NULL;

  for (guint i = 0; i < stages->len; i++)
    {
      DgStage *stage = g_ptr_array_index (stages, i);
      g_autofree char *key = g_utf8_casefold (stage->name, -1);

      if (g_str_equal (key, stage_key))
        return dg_stages_get (db, stage->id, error);
    }

  /* Translators: the first %s is the stage named on the command line,
   * the second its journey. */
  g_set_error (error, DG_ERROR, DG_ERROR_NOT_FOUND, _("There is no stage named “%s” in the journey “%s”."),
               stage_name, journey->name);
  return NULL;
}

static void
print_messages (GPtrArray *messages)
{
  for (guint i = 0; i < messages->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (messages, i));
}

/* The preview keeps DG_CSV_IMPORT_MAX_MESSAGES refusals and conflicts;
 * its summary counts them all, and says how many were not printed. */
static void
print_problems_and_conflicts (DgCsvImport *import)
{
  const DgImportSummary *summary = dg_csv_import_get_summary (import);
  GPtrArray *problems = dg_csv_import_get_problems (import);
  GPtrArray *conflicts = dg_csv_import_get_conflicts (import);

  print_messages (problems);
  if (summary->n_refused > problems->len)
    {
      guint n_more = summary->n_refused - problems->len;

      if (dg_csv_import_get_format (import) == DG_IMPORT_FORMAT_VCARD)
        g_printerr (ngettext ("… and %u more refused card", "… and %u more refused cards", n_more), n_more);
      else
        g_printerr (ngettext ("… and %u more refused row", "… and %u more refused rows", n_more), n_more);
      g_printerr ("\n");
    }

  print_messages (conflicts);
  if (summary->n_conflicts > conflicts->len)
    {
      guint n_more = summary->n_conflicts - conflicts->len;

      g_printerr (ngettext ("… and %u more field kept as it was", "… and %u more fields kept as they were",
                            n_more),
                  n_more);
      g_printerr ("\n");
    }
}

static void
print_summary (DgCsvImport           *import,
               const DgImportSummary *summary,
               const char            *stage_name)
{
  const DgVcardImportCounts *counts = dg_csv_import_get_vcard_counts (import);

  /* Translators: what `dangol --import` did, counted in customers and rows. */
  g_print (_("%u added, %u updated, %u skipped, %u refused"),
           summary->n_added, summary->n_updated, summary->n_skipped, summary->n_refused);
  g_print ("\n");
  if (summary->n_unchanged > 0)
    {
      g_print (ngettext ("%u already known with nothing to add", "%u already known with nothing to add",
                         summary->n_unchanged),
               summary->n_unchanged);
      g_print ("\n");
    }
  if (summary->n_conflicts > 0)
    {
      g_print (ngettext ("%u field kept as it was, the file having another value (see above)",
                         "%u fields kept as they were, the file having another value (see above)",
                         summary->n_conflicts),
               summary->n_conflicts);
      g_print ("\n");
    }
  if (stage_name != NULL)
    {
      /* Translators: %u customers were enrolled in the stage named %s. */
      g_print (ngettext ("%u enrolled in “%s”", "%u enrolled in “%s”", summary->n_enrolled),
               summary->n_enrolled, stage_name);
      g_print ("\n");
    }
  if (counts != NULL)
    {
      g_auto(GStrv) notes = dg_vcard_import_describe_counts (counts);

      for (guint i = 0; notes[i] != NULL; i++)
        g_print ("%s\n", notes[i]);
    }
}

/* A file the import cannot take (no rows, no name column, no cards) is
 * the caller's to fix; anything else, a file that changed under the
 * import among them, may go away on a retry. */
static int
exit_status_for (const GError *error)
{
  return g_error_matches (error, DG_ERROR, DG_ERROR_INVALID_IMPORT) ? DG_CLI_EXIT_INVALID_FILE
                                                                     : DG_CLI_EXIT_FAILED;
}

/* Prints @error, said for a terminal where the core's words are the
 * window's ("preview it again"). */
static void
print_import_error (const GError *error,
                    const char   *path)
{
  g_autofree char *display = NULL;
  g_autofree char *message = NULL;

  if (!g_error_matches (error, DG_ERROR, DG_ERROR_IMPORT_FILE_CHANGED))
    {
      _dg_application_cli_print_error (error->message);
      return;
    }

  display = g_filename_display_name (path);
  /* Translators: %s is the file given to --import. */
  message = g_strdup_printf (_("“%s” changed while it was being imported: nothing was imported. Run the command again."),
                             display);
  _dg_application_cli_print_error (message);
}

/* Whether the columns guessed for a sheet hold the names; the preview
 * would fail with the window's words ("Choose the column…"). */
static gboolean
has_name_column (DgCsvImport *import)
{
  if (dg_csv_import_get_format (import) != DG_IMPORT_FORMAT_CSV)
    return TRUE;

  for (guint i = 0; i < dg_csv_import_get_n_columns (import); i++)
    {
      if (dg_csv_import_get_column_target (import, i) == DG_IMPORT_TARGET_NAME)
        return TRUE;
    }

  return FALSE;
}

int
_dg_application_cli_import (const char   *db_path,
                            const char   *path,
                            GVariantDict *options)
{
  const char *journey_name = NULL;
  const char *stage_name = NULL;
  const char *cohort_name = NULL;
  const char *cohort_date = NULL;
  g_autoptr(DgCsvImport) import = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(DgStage) stage = NULL;
  g_autoptr(DgClock) clock = NULL;
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  DgImportSummary summary = { 0 };
  CliProgress progress;
  gboolean ok;

  g_variant_dict_lookup (options, "journey", "&s", &journey_name);
  g_variant_dict_lookup (options, "stage", "&s", &stage_name);
  g_variant_dict_lookup (options, "cohort", "&s", &cohort_name);
  g_variant_dict_lookup (options, "cohort-date", "&s", &cohort_date);

  if ((journey_name == NULL) != (stage_name == NULL)
      || (cohort_name != NULL && stage_name == NULL)
      || (cohort_date != NULL && cohort_name == NULL))
    {
      _dg_application_cli_print_error (_("--journey and --stage go together; --cohort needs them, and --cohort-date needs --cohort."));
      return DG_CLI_EXIT_NOT_CONFIRMED;
    }
  if (cohort_date != NULL && !dg_date_is_iso (cohort_date))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is what was given after --cohort-date. */
      message = g_strdup_printf (_("“%s” is not a date: give --cohort-date as YYYY-MM-DD."), cohort_date);
      _dg_application_cli_print_error (message);
      return DG_CLI_EXIT_INVALID_FILE;
    }

  /* It writes to the database the running instance shows. */
  if (_dg_application_cli_dangol_is_running ())
    {
      _dg_application_cli_print_error (_("Dangol is running: quit it first (also in the background), or import from its main menu. Nothing was changed."));
      return DG_CLI_EXIT_FAILED;
    }

  import = dg_csv_import_new (path);
  if (!dg_csv_import_load (import, NULL, &error))
    {
      _dg_application_cli_print_error (error->message);
      return exit_status_for (error);
    }

  /* Into a --db mistyped, the import would fill a new, empty database and
   * report success. The default one is created as Dangol would. */
  db = _dg_application_cli_open_database (db_path, DG_CLI_DATABASE_FOR_IMPORT, TRUE);
  if (db == NULL)
    return DG_CLI_EXIT_FAILED;

  if (stage_name != NULL)
    {
      stage = find_stage (db, journey_name, stage_name, &error);
      if (stage == NULL)
        {
          _dg_application_cli_print_error (error->message);
          return g_error_matches (error, DG_ERROR, DG_ERROR_NOT_FOUND) ? DG_CLI_EXIT_INVALID_FILE
                                                                       : DG_CLI_EXIT_FAILED;
        }
      dg_csv_import_set_enrollment (import, stage->id, cohort_name, cohort_date);
    }

  if (!has_name_column (import))
    {
      g_autofree char *display = g_filename_display_name (path);
      g_autofree char *message = NULL;

      /* Translators: %s is the file given to --import. */
      message = g_strdup_printf (_("No column of names was found in “%s”."), display);
      _dg_application_cli_print_error (message);
      return DG_CLI_EXIT_INVALID_FILE;
    }

  cli_progress_init (&progress, CLI_PROGRESS_CHECK);
  dg_csv_import_set_progress_func (import, cli_progress_update, &progress);
  ok = dg_csv_import_preview (import, db, NULL, &error);
  cli_progress_clear (&progress);
  if (!ok)
    {
      print_import_error (error, path);
      return exit_status_for (error);
    }

  cli_progress_init (&progress, CLI_PROGRESS_IMPORT);
  clock = dg_clock_new_system ();
  undo = dg_csv_import_apply (import, db, clock, NULL, &summary, &error);
  cli_progress_clear (&progress);
  print_problems_and_conflicts (import);
  if (undo == NULL)
    {
      print_import_error (error, path);
      return exit_status_for (error);
    }

  print_summary (import, &summary, stage != NULL ? stage->name : NULL);

  return DG_CLI_EXIT_OK;
}

int
_dg_application_cli_export (const char *db_path,
                            const char *what,
                            const char *path)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  CliProgress progress;
  gboolean ok;
  guint count = 0;

  /* An export of a path mistyped would be an empty file. */
  db = _dg_application_cli_open_database (db_path, DG_CLI_DATABASE_FOR_EXPORT, FALSE);
  if (db == NULL)
    return DG_CLI_EXIT_FAILED;

  cli_progress_init (&progress, g_str_equal (what, "export-ical") ? CLI_PROGRESS_EXPORT_FOLLOWUPS
                                                                   : CLI_PROGRESS_EXPORT_CUSTOMERS);

  if (g_str_equal (what, "export-csv"))
    {
      guint n_columns = 0;
      const DgExportCsvColumn *columns = dg_export_csv_list_columns (&n_columns);

      ok = dg_export_csv (db, NULL, NULL, 0, columns, n_columns, NULL, path,
                          NULL, cli_progress_update, &progress, &count, &error);
    }
  else if (g_str_equal (what, "export-vcard"))
    ok = dg_export_vcard (db, NULL, 0, path, NULL, cli_progress_update, &progress, &count, &error);
  else
    ok = dg_export_ical (db, NULL, NULL, path, NULL, NULL, cli_progress_update, &progress, &count, &error);
  cli_progress_clear (&progress);

  if (!ok)
    {
      _dg_application_cli_print_error (error->message);
      return DG_CLI_EXIT_FAILED;
    }

  if (g_str_equal (what, "export-ical"))
    /* Translators: %u follow-ups were written to the file %s. */
    g_print (ngettext ("Wrote %u open follow-up to “%s”.", "Wrote %u open follow-ups to “%s”.", count),
             count, display);
  else
    /* Translators: %u customers were written to the file %s. */
    g_print (ngettext ("Wrote %u customer to “%s”.", "Wrote %u customers to “%s”.", count), count, display);
  g_print ("\n");

  return DG_CLI_EXIT_OK;
}
