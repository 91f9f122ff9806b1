/* dg-application-cli.c
 *
 * `dangol --backup FILE` and `dangol --restore FILE [--yes]` (and the
 * import and exports of dg-application-cli-data.c): done in the process
 * that was started, before it would register or open a window,
 * so that they work in scripts, over ssh and from cron. What they print
 * for people goes to stdout, errors to stderr, and the exit status says
 * what happened (DG_CLI_EXIT_*).
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "dg-application-private.h"
#include "dg-backup-counts.h"
#include "dg-format.h"

void
_dg_application_cli_print_error (const char *message)
{
  g_printerr ("dangol: %s\n", message);
}

static const char *
missing_database_message (DgCliDatabaseUse use)
{
  switch (use)
    {
    case DG_CLI_DATABASE_FOR_BACKUP:
      /* Translators: %s is the path of a database. */
      return _("There is no database at “%s”: nothing was backed up.");
    case DG_CLI_DATABASE_FOR_EXPORT:
      /* Translators: %s is the path of a database. */
      return _("There is no database at “%s”: nothing was exported.");
    case DG_CLI_DATABASE_FOR_IMPORT:
    default:
      /* Translators: %s is the path of a database. */
      return _("There is no database at “%s”: nothing was imported.");
    }
}

DgDatabase *
_dg_application_cli_open_database (const char       *db_path,
                                   DgCliDatabaseUse  use,
                                   gboolean          may_create_default)
{
  g_autofree char *default_path = NULL;
  g_autoptr(GError) error = NULL;
  DgDatabase *db;

  if (db_path == NULL)
    db_path = default_path = dg_database_get_default_path ();
  else
    may_create_default = FALSE;

  if (!may_create_default && !g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (db_path);
      g_autofree char *message = NULL;

      message = g_strdup_printf (missing_database_message (use), display);
      _dg_application_cli_print_error (message);
      return NULL;
    }

  db = dg_database_open (db_path, &error);
  if (db == NULL)
    _dg_application_cli_print_error (error->message);

  return db;
}

/* The running instance writes to the database on its own (reminders,
 * birthday follow-ups) and shows what it read: replacing everything under
 * it would leave it showing data that is gone. */
gboolean
_dg_application_cli_dangol_is_running (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  if (bus == NULL)
    return FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", APPLICATION_ID),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                       -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);

  return owned;
}

/* How many terminal columns @text takes: Hangul takes two. */
static int
display_width (const char *text)
{
  int width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;

  return width;
}

/* @text padded with spaces to @width columns, on the left when @right. */
static char *
padded (const char *text,
        int         width,
        gboolean    right)
{
  int pad = MAX (width - display_width (text), 0);
  g_autofree char *spaces = g_strnfill (pad, ' ');

  return right ? g_strconcat (spaces, text, NULL) : g_strconcat (text, spaces, NULL);
}

static void
print_counts (const DgBackupCounts *in_file,
              const DgBackupCounts *now)
{
  /* Translators: column headings of the table `dangol --restore` prints,
   * and of the restore dialog; keep them short. */
  const char *file_heading = _("In the Backup");
  const char *now_heading = _("Now");
  int name_width = 0;
  int file_width = MAX (display_width (file_heading), 8);
  int now_width = MAX (display_width (now_heading), 8);

  for (guint i = 0; i < dg_backup_counts_n_kinds (); i++)
    name_width = MAX (name_width, display_width (dg_backup_counts_kind_name (i)));

  {
    g_autofree char *blank = padded ("", name_width, FALSE);
    g_autofree char *file_text = padded (file_heading, file_width, TRUE);
    g_autofree char *now_text = padded (now_heading, now_width, TRUE);

    g_print ("  %s  %s  %s\n", blank, file_text, now_text);
  }

  for (guint i = 0; i < dg_backup_counts_n_kinds (); i++)
    {
      g_autofree char *name = padded (dg_backup_counts_kind_name (i), name_width, FALSE);

      g_print ("  %s  %*u  %*u\n", name,
               file_width, dg_backup_counts_get (in_file, i),
               now_width, dg_backup_counts_get (now, i));
    }
}

static gboolean
ask_yes_no (const char *question)
{
  char answer[64] = "";
  g_autofree char *stripped = NULL;

  g_print ("%s ", question);
  fflush (stdout);
  if (fgets (answer, sizeof answer, stdin) == NULL)
    return FALSE;

  stripped = g_utf8_casefold (g_strstrip (answer), -1);

  /* Translators: what a person may type to say yes to a y/N question on
   * the terminal, besides "y" and "yes"; several separated by "|". */
  {
    g_auto(GStrv) yeses = g_strsplit (_("y|yes"), "|", -1);

    if (g_str_equal (stripped, "y") || g_str_equal (stripped, "yes"))
      return TRUE;
    for (guint i = 0; yeses[i] != NULL; i++)
      {
        if (yeses[i][0] != '\0' && g_str_equal (stripped, yeses[i]))
          return TRUE;
      }
  }

  return FALSE;
}

static int
run_backup (const char *db_path,
            const char *path)
{
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  DgBackupCounts counts = { 0 };

  /* A backup of a path mistyped would be an empty file that looks like a
   * backup. */
  db = _dg_application_cli_open_database (db_path, DG_CLI_DATABASE_FOR_BACKUP, FALSE);
  if (db == NULL)
    return DG_CLI_EXIT_FAILED;

  if (!dg_backup_export (db, path, NULL, &counts, NULL, &error))
    {
      _dg_application_cli_print_error (error->message);
      return DG_CLI_EXIT_FAILED;
    }

  {
    g_autofree char *display = g_filename_display_name (path);

    /* Translators: %s is the backup file written. */
    g_print (_("Backed up to “%s”:"), display);
    g_print ("\n");
    for (guint i = 0; i < dg_backup_counts_n_kinds (); i++)
      g_print ("  %s: %u\n", dg_backup_counts_kind_name (i), dg_backup_counts_get (&counts, i));
  }

  return DG_CLI_EXIT_OK;
}

static int
run_restore (const char *db_path,
             const char *path,
             gboolean    yes)
{
  g_autofree char *default_path = NULL;
  DgBackupRestoreFlags flags = DG_BACKUP_RESTORE_NONE;
  g_autoptr(DgBackupFile) file = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *safety_copy = NULL;
  g_autofree char *display = g_filename_display_name (path);
  DgBackupCounts now = { 0 };

  if (_dg_application_cli_dangol_is_running ())
    {
      _dg_application_cli_print_error (_("Dangol is running: quit it first (also in the background), or restore from its main menu. Nothing was changed."));
      return DG_CLI_EXIT_FAILED;
    }

  /* The file is checked before the database is even opened. */
  file = dg_backup_file_load (path, NULL, &problems, &error);
  if (file == NULL)
    {
      if (problems != NULL && problems->len > 0)
        {
          for (guint i = 0; i < problems->len; i++)
            g_printerr ("%s: %s\n", display, (const char *) g_ptr_array_index (problems, i));
        }
      else
        _dg_application_cli_print_error (error->message);

      return g_error_matches (error, DG_ERROR, DG_ERROR_INVALID_BACKUP)
             ? DG_CLI_EXIT_INVALID_FILE : DG_CLI_EXIT_FAILED;
    }

  /* Only a person at a terminal can say yes; a script says --yes. */
  if (!yes && !isatty (STDIN_FILENO))
    {
      _dg_application_cli_print_error (_("Not restored: a restore replaces everything, so it asks first, and there is no terminal to ask on. Add --yes to restore without asking."));
      return DG_CLI_EXIT_NOT_CONFIRMED;
    }

  if (db_path == NULL)
    db_path = default_path = dg_database_get_default_path ();

  /* A database that is not there yet holds nothing, and is created only
   * once the restore was confirmed. */
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      db = dg_database_open (db_path, &error);
      if (db == NULL || !dg_backup_count_database (db, &now, &error))
        {
          _dg_application_cli_print_error (error->message);
          return DG_CLI_EXIT_FAILED;
        }
    }

  if (!yes)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
      g_autofree char *when = dg_format_date_time (dg_backup_file_get_exported_at (file), tz);
      g_autofree char *db_display = g_filename_display_name (db_path);

      /* Translators: the first %s is a file name, the second when it was made. */
      g_print (_("The backup “%s” was made on %s. It holds:"), display, when != NULL ? when : "?");
      g_print ("\n");
      print_counts (dg_backup_file_get_counts (file), &now);
      g_print ("\n");
      {
        /* Translators: %s is the database; the answer is typed after it. */
        g_autofree char *question = g_strdup_printf (_("Replace everything in “%s” with this backup? [y/N]"),
                                                     db_display);

        if (!ask_yes_no (question))
          {
            g_print ("%s\n", _("Not restored: nothing was changed."));
            return DG_CLI_EXIT_NOT_CONFIRMED;
          }
      }
    }

  /* A database made just now for the restore has nothing to keep. */
  if (db == NULL)
    {
      flags |= DG_BACKUP_RESTORE_NO_SAFETY_COPY;
      db = dg_database_open (db_path, &error);
    }
  if (db == NULL
      || !dg_backup_file_restore (file, db, flags, &safety_copy, NULL, &error))
    {
      _dg_application_cli_print_error (error->message);
      return DG_CLI_EXIT_FAILED;
    }

  if (safety_copy != NULL)
    {
      g_autofree char *copy_display = g_filename_display_name (safety_copy);

      /* Translators: %s is the file that keeps the data as it was before. */
      g_print (_("Restored. The data from before is kept in “%s”."), copy_display);
    }
  else
    g_print ("%s", _("Restored."));
  g_print ("\n");

  return DG_CLI_EXIT_OK;
}

/* The options that each run one command and exit. */
static const char * const commands[] = {
  "backup", "restore", "import", "export-csv", "export-vcard", "export-ical",
};

int
_dg_application_run_cli (DgApplication *self,
                         GVariantDict  *options)
{
  static const char * const import_options[] = { "journey", "stage", "cohort", "cohort-date" };
  const char *command = NULL;
  const char *path = NULL;
  const char *db_arg = NULL;
  g_autofree char *db_path = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *value = NULL;

      if (!g_variant_dict_lookup (options, commands[i], "^&ay", &value))
        continue;
      if (command != NULL)
        {
          g_autofree char *message = NULL;

          /* Translators: two options of the command line, as typed. */
          message = g_strdup_printf (_("--%s and --%s cannot be used together."), command, commands[i]);
          _dg_application_cli_print_error (message);
          return DG_CLI_EXIT_NOT_CONFIRMED;
        }
      command = commands[i];
      path = value;
    }

  if (command == NULL || !g_str_equal (command, "restore"))
    {
      if (g_variant_dict_contains (options, "yes"))
        {
          _dg_application_cli_print_error (_("--yes goes with --restore."));
          return DG_CLI_EXIT_NOT_CONFIRMED;
        }
    }
  if (command == NULL || !g_str_equal (command, "import"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (import_options); i++)
        {
          if (g_variant_dict_contains (options, import_options[i]))
            {
              g_autofree char *message = NULL;

              /* Translators: an option of the command line, as typed. */
              message = g_strdup_printf (_("--%s goes with --import."), import_options[i]);
              _dg_application_cli_print_error (message);
              return DG_CLI_EXIT_NOT_CONFIRMED;
            }
        }
    }
  if (command == NULL)
    return -1;

  if (g_variant_dict_contains (options, "background"))
    {
      g_autofree char *message = NULL;

      /* Translators: an option of the command line, as typed. */
      message = g_strdup_printf (_("--background cannot be used with --%s."), command);
      _dg_application_cli_print_error (message);
      return DG_CLI_EXIT_NOT_CONFIRMED;
    }

  if (g_variant_dict_lookup (options, "db", "^&ay", &db_arg))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (db_arg);

      db_path = g_file_get_path (file);
    }

  if (g_str_equal (command, "backup"))
    return run_backup (db_path, path);
  if (g_str_equal (command, "restore"))
    return run_restore (db_path, path, g_variant_dict_contains (options, "yes"));
  if (g_str_equal (command, "import"))
    return _dg_application_cli_import (db_path, path, options);

  return _dg_application_cli_export (db_path, command, path);
}
