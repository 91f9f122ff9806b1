/* dg-application-private.h
 *
 * What the application's files share: its state, and the app.* actions
 * kept in dg-application-actions.c.
 */
#pragma once

#include "dg-agenda-notifier.h"
#include "dg-backup-auto.h"
#include "dg-application.h"
#include "dg-window.h"

G_BEGIN_DECLS

struct _DgApplication
{
  AdwApplication     parent_instance;

  /* NULL when the schema is not installed. */
  GSettings         *settings;
  /* The clock the context is built with; NULL for the system clock. */
  DgClock           *clock;
  DgContext         *context;
  DgReminderService *reminders;
  DgNotifier        *notifier;
  DgBirthdayFollowups *birthday_followups;
  DgBackupAuto      *backup_auto;
  DgAgendaNotifier  *agenda_notifier;
  GCancellable      *cancellable;
  GDBusConnection   *system_bus;
  /* The question asked at the first close, while it is on screen. */
  GtkWidget         *background_dialog;
  guint              sleep_subscription;
  guint              backup_start_id;
  /* What the process ends with: g_application_run() returns the status of
   * the first command line only when the app did not go on running. */
  int                exit_status;
  /* The activation token or startup id for the window presented next, and
   * the one the last window was presented with. */
  char              *startup_id;
  char              *presented_startup_id;

  /* Started with --background and no window shown since. */
  guint              background_start : 1;
  /* Whether the app holds itself running with no window. */
  guint              held : 1;
  guint              quitting : 1;
  guint              settings_checked : 1;
  /* Whether running in the background is asked of the Background portal
   * rather than written as an autostart entry. */
  guint              use_portal : 1;
};

/* The main window, or NULL. */
DgWindow *_dg_application_find_window     (DgApplication *self);
/* The main window, made if there is none, and presented. */
DgWindow *_dg_application_present_window  (DgApplication *self);
/* Remembers the token of what asks for a window now (a launch, a
 * notification), for the window presented next. */
void      _dg_application_set_startup_id  (DgApplication *self,
                                           const char    *startup_id);
/* Starts or stops the morning agenda as its settings say. */
void      _dg_application_apply_morning_agenda (DgApplication *self);
/* Holds the app running with no window while it should remind in the
 * background, and lets it end with its last window otherwise. */
void      _dg_application_update_hold     (DgApplication *self);
/* Asks the desktop to start Dangol at login (or not any more): through
 * the Background portal in a sandbox, with the autostart entry otherwise. */
void      _dg_application_request_background (DgApplication *self,
                                              gboolean       enabled);
/* The autostart entry follows the setting at every start, so that one
 * removed or edited by hand, or written by another version, is put right. */
void      _dg_application_sync_autostart  (DgApplication *self);
/* Adds app.quit, app.preferences, app.about (and app.run-in-background
 * when there are @settings) with their accelerators. */
/* Runs --backup, --restore, --import or an --export-… (see
 * dg-application-cli.c) and returns the exit status, or -1 when none was
 * asked for. */
int       _dg_application_run_cli         (DgApplication *self,
                                           GVariantDict  *options);

/* The exit statuses of the command line. 2 is kept apart from 1 so that
 * a script can tell a bad file from a failure it may retry (a full disk,
 * a locked database). */
enum {
  DG_CLI_EXIT_OK = 0,
  DG_CLI_EXIT_FAILED = 1,
  DG_CLI_EXIT_INVALID_FILE = 2,
  DG_CLI_EXIT_NOT_CONFIRMED = 3,
};

/* What a command that needs an existing database would have done. */
typedef enum {
  DG_CLI_DATABASE_FOR_BACKUP,
  DG_CLI_DATABASE_FOR_EXPORT,
  DG_CLI_DATABASE_FOR_IMPORT,
} DgCliDatabaseUse;

/* "dangol: @message" on stderr. */
void      _dg_application_cli_print_error (const char    *message);
/* The database at @db_path (the default one when NULL), opened, or NULL
 * with the reason printed. Opening would create a database that is not
 * there: a path mistyped is refused instead, saying nothing was done.
 * @may_create_default lets the default database be created (an import
 * before Dangol was ever started). */
DgDatabase *_dg_application_cli_open_database (const char       *db_path,
                                               DgCliDatabaseUse  use,
                                               gboolean          may_create_default);
/* Whether another Dangol holds the application id on the session bus:
 * it writes to the database on its own and shows what it read. */
gboolean  _dg_application_cli_dangol_is_running (void);
/* dangol --import FILE with --journey, --stage, --cohort, --cohort-date
 * from @options, and the --export-csv, --export-vcard and --export-ical
 * named by @what (dg-application-cli-data.c); each returns the exit
 * status. @db_path NULL is the default database. */
int       _dg_application_cli_import      (const char    *db_path,
                                           const char    *path,
                                           GVariantDict  *options);
int       _dg_application_cli_export      (const char    *db_path,
                                           const char    *what,
                                           const char    *path);
void      _dg_application_install_actions (DgApplication *self,
                                           GSettings     *settings);

G_END_DECLS
