/* dg-application.h
 *
 * The running Dangol: one instance per session. The primary instance opens
 * the database (the default one or the one named with --db), keeps the
 * shared DgContext, shows the main window and owns the reminders: a
 * DgReminderService whose due follow-ups a DgNotifier shows as desktop
 * notifications. A second launch only presents the window of the first.
 *
 * `dangol --background` starts without a window (as the autostart entry
 * does at login) and keeps running for the reminders; the window appears
 * when Dangol is launched again. Closing the window keeps the app running
 * while the "run-in-background" setting is on, and ends it otherwise; Quit
 * always ends it. Turning the setting on writes the autostart entry,
 * turning it off removes it (see dg-autostart.h); in a sandbox, it asks the
 * Background portal instead (dg-background-portal.h).
 *
 * The setting is off until the person agrees: the first time the window
 * is closed while follow-ups are still to come, a dialog asks whether to
 * keep reminding in the background. The answer is remembered
 * ("background-asked") and asked no more; Quit does not ask.
 *
 * While reminders run in the background, the morning agenda
 * ("morning-agenda", at "morning-agenda-time") gives one notification a
 * day with what the day holds.
 */
#pragma once

#include <adwaita.h>

#include "dg-agenda-notifier.h"
#include "dg-backup-auto.h"
#include "dg-core.h"
#include "dg-notifier.h"

G_BEGIN_DECLS

#define DG_TYPE_APPLICATION (dg_application_get_type ())

G_DECLARE_FINAL_TYPE (DgApplication, dg_application, DG, APPLICATION, AdwApplication)

DgApplication *dg_application_new           (void);
/* NULL until a database was opened. */
DgContext     *dg_application_get_context   (DgApplication  *self);
/* The clock the context will be built with (the system clock when never
 * set): for tests and screenshots. Only before the database is opened. */
void           dg_application_set_clock     (DgApplication  *self,
                                             DgClock        *clock);
/* Opens the database at @path (the default path when NULL) and builds the
 * context from it, with the settings when their schema is installed.
 * Fails, leaving the file untouched, when the database is refused; a
 * context that is already open is kept. */
gboolean       dg_application_open_database (DgApplication  *self,
                                             const char     *path,
                                             GError        **error);
/* Starts the reminders of the open database. A launch from the command
 * line or an activation does this itself; a test that opened the database
 * with dg_application_open_database() calls it when it wants reminders. */
void           dg_application_start_reminders (DgApplication *self);
/* NULL until the reminders were started. */
DgNotifier    *dg_application_get_notifier  (DgApplication  *self);
/* The daily backup, made by the instance that reminds; NULL before. */
DgBackupAuto  *dg_application_get_backup_auto (DgApplication *self);
/* The morning agenda's notifier; NULL until the reminders were started. */
DgAgendaNotifier *dg_application_get_agenda_notifier (DgApplication *self);
/* The startup id or activation token the main window was last presented
 * with (from a second launch's platform data or a notification's action),
 * NULL if none came with it. */
const char    *dg_application_get_presented_startup_id (DgApplication *self);
/* Tells the user why the database could not be opened, and quits when they
 * have read it; the process then ends with a failure (see
 * dg_application_get_exit_status()). Returns the dialog. */
GtkWidget     *dg_application_show_open_error (DgApplication *self,
                                               const GError  *error);
/* EXIT_FAILURE once the database was refused, EXIT_SUCCESS otherwise:
 * what main() returns when g_application_run() says nothing worse. A
 * primary instance that ran its loop returns 0 from g_application_run()
 * whatever its command line returned. */
int            dg_application_get_exit_status (DgApplication *self);
/* What the main window calls when it is asked to close. TRUE when the app
 * asks something first (whether to keep reminding in the background): the
 * window then stays, and is closed again once the question is answered. */
gboolean       dg_application_window_close_requested (DgApplication *self,
                                                      GtkWindow     *window);
/* Whether the run-in-background setting goes through the Background portal
 * (TRUE) or the autostart entry; by default the portal only in a sandbox.
 * For tests. */
void           dg_application_set_use_background_portal (DgApplication *self,
                                                         gboolean       use_portal);

G_END_DECLS
