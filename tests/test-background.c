/* test-background.c
 *
 * Dangol running in the background, on a private session bus: the real
 * binary started with --background owns the app's bus name with no window,
 * a second launch shows the window in that same process, the
 * run-in-background setting writes and removes the autostart entry, and
 * Quit ends it; a refused database ends it with a failure after its
 * dialog, and a start on the default database makes its folder and file
 * private. In this process: closing the window keeps the app running
 * only while the setting is on, every start puts the autostart entry in
 * line with the setting, and the Preferences window changes the
 * settings it shows (screenshots in the language under test).
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#ifdef __linux__
#include <signal.h>
#include <sys/prctl.h>
#endif

#include "dg-application.h"
#include "dg-autostart.h"
#include "dg-preferences-window.h"
#include "dg-test-util.h"
#include "dg-ui-test-util.h"
#include "dg-window.h"

#define APP_PATH            "/io/github/dangol/Dangol"
#define WINDOW_PATH         APP_PATH "/window/1"
/* Starting GTK in a new process on a loaded machine can take a while. */
#define PROCESS_TIMEOUT_USEC (60 * G_USEC_PER_SEC)

static GTestDBus *test_bus;
static GDBusConnection *connection;
static char *app_owner;
static char *db_path;

/* The Dangol started with --background. */
static GSubprocess *primary;
static gboolean primary_exited;
static int primary_status;

static void
on_owner_appeared_cb (GDBusConnection *bus_connection,
                      const char      *name,
                      const char      *owner,
                      gpointer         user_data)
{
  g_free (app_owner);
  app_owner = g_strdup (owner);
}

static void
on_owner_vanished_cb (GDBusConnection *bus_connection,
                      const char      *name,
                      gpointer         user_data)
{
  g_clear_pointer (&app_owner, g_free);
}

#ifdef __linux__
/* A test that fails half-way must not leave a Dangol running. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}
#endif

/* Starts the real binary with ARGS…; with XDG_DATA_HOME at @data_home
 * unless NULL. */
static GSubprocess *
spawn_dangol_valist (const char  *data_home,
                     GError     **error,
                     va_list      args)
{
  const char *exe = g_getenv ("DANGOL_EXE");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;

  g_assert_nonnull (exe);

  g_ptr_array_add (argv, (char *) exe);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  if (data_home != NULL)
    g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
#ifdef __linux__
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
#endif

  return g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, error);
}

static GSubprocess *
spawn_dangol (GError **error,
              ...)
{
  GSubprocess *process;
  va_list args;

  va_start (args, error);
  process = spawn_dangol_valist (NULL, error, args);
  va_end (args);

  return process;
}

static GSubprocess *
spawn_dangol_in (const char  *data_home,
                 GError     **error,
                 ...)
{
  GSubprocess *process;
  va_list args;

  va_start (args, error);
  process = spawn_dangol_valist (data_home, error, args);
  va_end (args);

  return process;
}

static void
on_primary_exited_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GSubprocess *process = G_SUBPROCESS (object);

  g_subprocess_wait_finish (process, result, NULL);
  primary_exited = TRUE;
  primary_status = g_subprocess_get_exit_status (process);
}

/* Runs the main loop until @condition holds, up to PROCESS_TIMEOUT_USEC. */
#define wait_long_for(condition)                                           \
  G_STMT_START {                                                           \
    gint64 deadline_ = g_get_monotonic_time () + PROCESS_TIMEOUT_USEC;     \
    while (!(condition) && dg_ui_test_iterate (deadline_))                 \
      ;                                                                    \
    g_assert_true (condition);                                             \
  } G_STMT_END

static void
on_process_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  *done = TRUE;
}

/* Runs a second `dangol ARGS…` and waits for it to hand over and exit. */
static void
run_second_launch (const char *first_arg,
                   ...)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  if (first_arg != NULL && g_str_equal (first_arg, "--background"))
    process = spawn_dangol (&error, "--background", "--db", db_path, NULL);
  else
    process = spawn_dangol (&error, "--db", db_path, NULL);
  g_assert_no_error (error);

  g_subprocess_wait_async (process, NULL, on_process_done_cb, &done);
  wait_long_for (done);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
}

static GVariant *
call_app (const char         *path,
          const char         *method,
          GVariant           *parameters,
          const GVariantType *reply_type,
          GError            **error)
{
  return g_dbus_connection_call_sync (connection, APPLICATION_ID, path,
                                      "org.gtk.Actions", method, parameters,
                                      reply_type, G_DBUS_CALL_FLAGS_NONE,
                                      -1, NULL, error);
}

/* Whether the app exports the actions of a main window: GTK does so for
 * each window of a GtkApplication, at APP_PATH/window/ID. */
static gboolean
app_has_window (void)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = call_app (WINDOW_PATH, "List", NULL, G_VARIANT_TYPE ("(as)"), &error);

  return reply != NULL;
}

static gboolean
app_has_action (const char *name)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree const char **names = NULL;

  reply = call_app (APP_PATH, "List", NULL, G_VARIANT_TYPE ("(as)"), &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(^a&s)", &names);

  return g_strv_contains (names, name);
}

static void
set_app_state (const char *action,
               GVariant   *state)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = call_app (APP_PATH, "SetState",
                    g_variant_new ("(sva{sv})", action, state, NULL),
                    NULL, &error);
  g_assert_no_error (error);
}

static guint32
get_owner_pid (void)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 pid = 0;

  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "GetConnectionUnixProcessID",
                                       g_variant_new ("(s)", APPLICATION_ID),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE,
                                       -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &pid);

  return pid;
}

static gboolean
autostart_matches_template (void)
{
  g_autofree char *path = dg_autostart_get_path ();
  g_autofree char *template_path = dg_autostart_get_template_path ();
  g_autoptr(GBytes) written = dg_test_read_file (path);
  g_autoptr(GBytes) expected = dg_test_read_file (template_path);

  g_assert_nonnull (expected);

  return written != NULL && g_bytes_equal (written, expected);
}

static gboolean
autostart_exists (void)
{
  g_autofree char *path = dg_autostart_get_path ();

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_start_in_background (void)
{
  const char *exe = g_getenv ("DANGOL_EXE");
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (exe);
  primary = spawn_dangol (&error, "--background", "--db", db_path, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (primary, NULL, on_primary_exited_cb, NULL);

  wait_long_for (app_owner != NULL || primary_exited);
  g_assert_false (primary_exited);
  g_assert_cmpuint (get_owner_pid (), ==, (guint32) atoi (g_subprocess_get_identifier (primary)));

  /* An answer from the app means it has handled its command line: it
   * would have made its window by now. */
  g_assert_true (app_has_action ("preferences"));
  g_assert_false (app_has_window ());

  /* The autostart entry of a session where it already runs: nothing to
   * see, and the first one keeps running. */
  run_second_launch ("--background", NULL);
  g_assert_true (app_has_action ("quit"));
  g_assert_false (app_has_window ());
  g_assert_false (primary_exited);
}

static void
test_second_launch_shows_window (void)
{
  const char *pid = g_subprocess_get_identifier (primary);

  run_second_launch (NULL);

  /* The window is the first process's: the second one handed over and
   * left. */
  wait_long_for (app_has_window ());
  g_assert_false (primary_exited);
  g_assert_cmpuint (get_owner_pid (), ==, (guint32) atoi (pid));
}

static void
test_autostart_follows_setting (void)
{
  g_autofree char *path = dg_autostart_get_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) listing = NULL;

  g_assert_false (autostart_exists ());

  /* The setting is an action of the running app too. */
  set_app_state ("run-in-background", g_variant_new_boolean (TRUE));
  wait_long_for (autostart_matches_template ());

  /* Written in one piece: nothing else is left in the folder. */
  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  g_assert_cmpstr (g_dir_read_name (listing), ==, APPLICATION_ID ".desktop");
  g_assert_null (g_dir_read_name (listing));

  set_app_state ("run-in-background", g_variant_new_boolean (FALSE));
  wait_long_for (!autostart_exists ());

  set_app_state ("run-in-background", g_variant_new_boolean (TRUE));
  wait_long_for (autostart_matches_template ());
}

static void
test_quit_ends_background (void)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  /* Quit ends it even while it is meant to run in the background. */
  reply = call_app (APP_PATH, "Activate",
                    g_variant_new ("(sava{sv})", "quit", NULL, NULL),
                    NULL, &error);
  g_assert_no_error (error);

  wait_long_for (primary_exited);
  g_assert_cmpint (primary_status, ==, 0);
  wait_long_for (app_owner == NULL);
  g_clear_object (&primary);

  /* The autostart entry stays: the setting is still on. */
  g_assert_true (autostart_exists ());
}

static void
test_autostart_replaces_entry (void)
{
  g_autofree char *path = dg_autostart_get_path ();
  g_autoptr(GError) error = NULL;

  /* An old or broken entry is replaced as a whole. */
  g_assert_true (g_file_set_contents (path, "[Desktop Entry]\nExec=old\n", -1, NULL));
  g_assert_true (dg_autostart_set_enabled (TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (autostart_matches_template ());

  g_assert_true (dg_autostart_set_enabled (FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (autostart_exists ());
  g_assert_false (dg_autostart_get_enabled ());

  /* Removing what is not there is fine. */
  g_assert_true (dg_autostart_set_enabled (FALSE, &error));
  g_assert_no_error (error);

  /* A folder that cannot be made is an error that says where. */
  {
    g_autofree char *dir = g_path_get_dirname (path);
    g_autofree char *aside = g_strconcat (dir, ".aside", NULL);

    g_assert_cmpint (g_rename (dir, aside), ==, 0);
    g_assert_true (g_file_set_contents (dir, "not a folder", -1, NULL));

    g_assert_false (dg_autostart_set_enabled (TRUE, &error));
    g_assert_nonnull (error);
    g_assert_true (error->domain == G_FILE_ERROR);
    g_assert_nonnull (strstr (error->message, dir));
    g_clear_error (&error);

    g_assert_cmpint (g_unlink (dir), ==, 0);
    g_assert_cmpint (g_rename (aside, dir), ==, 0);
  }
}

static void
quit_app (void)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = call_app (APP_PATH, "Activate",
                    g_variant_new ("(sava{sv})", "quit", NULL, NULL),
                    NULL, &error);
  g_assert_no_error (error);
}

static void
craft_database (const char *path,
                const char *sql)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

/* Starts the real binary on @path, which it must refuse: it shows its
 * dialog (in a window of its own, exported on the bus), and once that is
 * closed (as Quit closes every window) it ends with a failure. */
static void
assert_start_refused (const char *path)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  g_test_message ("Starting on %s", path);
  g_assert_null (app_owner);

  process = spawn_dangol (&error, "--db", path, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, on_process_done_cb, &done);

  wait_long_for (app_has_window () || done);
  g_assert_false (done);

  quit_app ();
  wait_long_for (done);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, EXIT_FAILURE);
  wait_long_for (app_owner == NULL);
}

static void
test_refused_database_fails (void)
{
  const char *dir = dg_test_tempdir ();
  g_autofree char *newer = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *foreign = g_build_filename (dir, "contacts.sqlite", NULL);
  g_autofree char *random = g_build_filename (dir, "random.db", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.db", NULL);
  g_autofree char *file = g_build_filename (dir, "file", NULL);
  g_autofree char *under_file = g_build_filename (file, "dangol.db", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint8 bytes[4096];

  sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 100000;"
                         "CREATE TABLE future (x);",
                         DG_DATABASE_APPLICATION_ID);
  craft_database (newer, sql);
  craft_database (foreign, "CREATE TABLE contacts (name TEXT);");
  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (random, (const char *) bytes, sizeof bytes, NULL));
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  /* A place nothing can be written to, even by root: under a file. */
  g_assert_true (g_file_set_contents (file, "a file", -1, NULL));

  assert_start_refused (newer);
  assert_start_refused (foreign);
  assert_start_refused (random);
  assert_start_refused (folder);
  assert_start_refused (under_file);

  /* Refused means untouched. */
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_false (g_file_test (under_file, G_FILE_TEST_EXISTS));
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);

  return st.st_mode & 0777;
}

/* The app started as a user starts it, on its default database: a data
 * folder left open to everyone (0777) and a database file readable by all
 * (0644, as `touch` or `sqlite3` make it) are made private. */
static void
test_start_makes_data_private (void)
{
  const char *data_home = dg_test_tempdir ();
  g_autofree char *dir = g_build_filename (data_home, "dangol", NULL);
  g_autofree char *path = g_build_filename (dir, "dangol.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  g_assert_null (app_owner);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0777), ==, 0);
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  process = spawn_dangol_in (data_home, &error, "--background", NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, on_process_done_cb, &done);

  /* An answer from the app means it has opened its database. */
  wait_long_for (app_owner != NULL || done);
  g_assert_false (done);
  g_assert_true (app_has_action ("quit"));

  g_assert_cmpuint (file_mode (dir), ==, 0700);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    g_assert_cmpuint (file_mode (wal), ==, 0600);
  if (g_file_test (shm, G_FILE_TEST_EXISTS))
    g_assert_cmpuint (file_mode (shm), ==, 0600);

  quit_app ();
  wait_long_for (done);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  wait_long_for (app_owner == NULL);
}

/* The in-process cases run a DgApplication through g_application_run(),
 * as main() does, and script it from the main loop. */
typedef struct
{
  DgApplication *app;
  gboolean       run_in_background;
  gboolean       closed;
  gboolean       shut_down;
  /* Whether the app's loop still ran after the window closed. */
  gboolean       ran_after_close;
  gboolean       timed_out;
  guint          after_close_id;
} CloseRun;

static gboolean
on_close_run_timeout_cb (gpointer user_data)
{
  CloseRun *run = user_data;

  run->timed_out = TRUE;
  g_application_quit (G_APPLICATION (run->app));

  return G_SOURCE_REMOVE;
}

static gboolean
after_close_cb (gpointer user_data)
{
  CloseRun *run = user_data;
  GSettings *settings = dg_context_get_settings (dg_application_get_context (run->app));

  run->after_close_id = 0;

  /* g_application_run() lets pending sources run after the app shut
   * down; this one then only says it came too late. */
  if (run->shut_down)
    return G_SOURCE_REMOVE;

  /* Still running with no window; turning the setting off lets it end. */
  run->ran_after_close = TRUE;
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (run->app)));
  g_settings_set_boolean (settings, "run-in-background", FALSE);

  return G_SOURCE_REMOVE;
}

static gboolean
close_window_cb (gpointer user_data)
{
  CloseRun *run = user_data;
  GSettings *settings = dg_context_get_settings (dg_application_get_context (run->app));
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (run->app));

  g_assert_true (DG_IS_WINDOW (window));
  g_assert_nonnull (settings);
  g_settings_set_boolean (settings, "run-in-background", run->run_in_background);

  gtk_window_close (window);
  run->closed = TRUE;

  /* This runs in a later iteration of the app's loop, which it only
   * reaches before shutting down when the app did not end with its
   * window. */
  run->after_close_id = g_idle_add (after_close_cb, run);

  return G_SOURCE_REMOVE;
}

static void
on_shutdown_cb (GApplication *application,
                CloseRun     *run)
{
  run->shut_down = TRUE;
}

static void
on_window_added_cb (GtkApplication *application,
                    GtkWindow      *window,
                    CloseRun       *run)
{
  if (DG_IS_WINDOW (window) && !run->closed)
    g_idle_add (close_window_cb, run);
}

static void
run_and_close (CloseRun *run)
{
  char *argv[] = { (char *) "dangol", (char *) "--db", db_path, NULL };
  guint timeout;
  int status;

  run->app = dg_application_new ();
  g_application_set_flags (G_APPLICATION (run->app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (run->app, "window-added", G_CALLBACK (on_window_added_cb), run);
  g_signal_connect (run->app, "shutdown", G_CALLBACK (on_shutdown_cb), run);
  timeout = g_timeout_add_seconds (60, on_close_run_timeout_cb, run);

  status = g_application_run (G_APPLICATION (run->app), G_N_ELEMENTS (argv) - 1, argv);

  g_assert_false (run->timed_out);
  g_source_remove (timeout);
  g_clear_handle_id (&run->after_close_id, g_source_remove);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (run->closed);
  g_clear_object (&run->app);
}

static void
test_close_window_in_background (void)
{
  CloseRun run = { .run_in_background = TRUE };

  run_and_close (&run);
  g_assert_true (run.ran_after_close);
}

static void
test_close_window_quits (void)
{
  CloseRun run = { .run_in_background = FALSE };

  run_and_close (&run);
  g_assert_false (run.ran_after_close);
}

typedef enum
{
  ENTRY_MISSING,
  ENTRY_OTHER,
  ENTRY_INSTALLED,
} EntryState;

static EntryState
get_entry_state (void)
{
  if (!autostart_exists ())
    return ENTRY_MISSING;

  return autostart_matches_template () ? ENTRY_INSTALLED : ENTRY_OTHER;
}

static gboolean
quit_cb (gpointer user_data)
{
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);

  return G_SOURCE_REMOVE;
}

static void
on_start_window_added_cb (GtkApplication *application,
                          GtkWindow      *window,
                          EntryState     *state)
{
  if (!DG_IS_WINDOW (window))
    return;

  *state = get_entry_state ();
  g_idle_add (quit_cb, application);
}

/* Starts the app as main() does, with run-in-background @enabled, and
 * tells what the autostart entry was once its window was there. */
static EntryState
start_with_setting (gboolean enabled)
{
  char *argv[] = { (char *) "dangol", (char *) "--db", db_path, NULL };
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(DgApplication) app = dg_application_new ();
  EntryState state = ENTRY_OTHER;
  int status;

  /* The memory backend is one for the whole process: the app reads this. */
  g_settings_set_boolean (settings, "run-in-background", enabled);

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (on_start_window_added_cb), &state);
  status = g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpint (dg_application_get_exit_status (app), ==, 0);

  g_settings_set_boolean (settings, "run-in-background", FALSE);

  return state;
}

/* Every start puts the entry right: written when the setting is on and
 * the entry is missing or not the installed one, removed when it is off. */
static void
test_autostart_synced_at_start (void)
{
  g_autofree char *path = dg_autostart_get_path ();

  g_assert_true (dg_autostart_set_enabled (FALSE, NULL));
  g_assert_cmpint (start_with_setting (TRUE), ==, ENTRY_INSTALLED);

  /* An entry edited by hand, or left by an older version. */
  g_assert_true (g_file_set_contents (path, "[Desktop Entry]\nExec=old\n", -1, NULL));
  g_assert_cmpint (start_with_setting (TRUE), ==, ENTRY_INSTALLED);

  g_assert_cmpint (start_with_setting (FALSE), ==, ENTRY_MISSING);

  /* Left behind although the setting is off. */
  g_assert_true (g_file_set_contents (path, "[Desktop Entry]\nExec=old\n", -1, NULL));
  g_assert_cmpint (start_with_setting (FALSE), ==, ENTRY_MISSING);
}

static guint
count_preferences_windows (DgApplication *app)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    n += DG_IS_PREFERENCES_WINDOW (l->data);

  return n;
}

static void
test_preferences_window (void)
{
  g_autoptr(DgApplication) app = dg_application_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accels = NULL;
  DgPreferencesWindow *preferences = NULL;
  GtkWindow *window;
  GSettings *settings;
  DgDatabase *database;
  GtkWidget *background_switch, *lead_spin, *cold_spin;

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  dg_ui_test_settle_gtk ();

  dg_application_open_database (app, db_path, &error);
  g_assert_no_error (error);
  settings = dg_context_get_settings (dg_application_get_context (app));
  database = dg_context_get_database (dg_application_get_context (app));
  g_assert_nonnull (settings);
  g_settings_set_boolean (settings, "run-in-background", FALSE);

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (DG_IS_WINDOW (window));
  gtk_window_set_default_size (window, 1100, 720);
  dg_ui_test_wait_painted (GTK_WIDGET (window), 1);

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
  g_assert_cmpstr (accels[0], ==, "<Control>comma");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "preferences"));

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  dg_ui_test_wait_for ((preferences = (DgPreferencesWindow *) dg_ui_test_find_window (DG_TYPE_PREFERENCES_WINDOW)) != NULL);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preferences)) == window);
  g_assert_true (dg_preferences_window_get_settings (preferences) == settings);

  /* Asking again brings the same window forward. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_cmpuint (count_preferences_windows (app), ==, 1);

  background_switch = dg_ui_test_find_by_id (GTK_WIDGET (preferences), "background_switch");
  lead_spin = dg_ui_test_find_by_id (GTK_WIDGET (preferences), "lead_spin");
  cold_spin = dg_ui_test_find_by_id (GTK_WIDGET (preferences), "cold_spin");
  g_assert_nonnull (background_switch);
  g_assert_nonnull (lead_spin);
  g_assert_nonnull (cold_spin);

  /* Each row shows its setting… */
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (background_switch)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (lead_spin)), ==, 10);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (cold_spin)), ==, 30);
  dg_ui_test_wait_painted (GTK_WIDGET (preferences), 1);
  {
    g_autofree char *path = dg_ui_test_screenshot (GTK_WIDGET (preferences), "preferences");
    g_autoptr(GBytes) png = dg_test_read_file (path);

    g_assert_nonnull (png);
    g_assert_cmpuint (g_bytes_get_size (png), >, 1000);
  }

  /* …and changes it, at once. The lead time reaches the reminders. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (lead_spin), 30);
  g_assert_cmpint (g_settings_get_int (settings, "reminder-lead-minutes"), ==, 30);
  dg_ui_test_wait_for (dg_reminders_get_lead_minutes (database, NULL) == 30);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (cold_spin), 45);
  g_assert_cmpint (g_settings_get_int (settings, "going-cold-days"), ==, 45);

  g_settings_set_int (settings, "reminder-lead-minutes", 15);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (lead_spin)), ==, 15);
  dg_ui_test_wait_for (dg_reminders_get_lead_minutes (database, NULL) == 15);

  /* Running in the background writes the autostart entry. */
  g_assert_true (dg_autostart_set_enabled (FALSE, NULL));
  gtk_switch_set_active (GTK_SWITCH (background_switch), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "run-in-background"));
  dg_ui_test_wait_for (autostart_matches_template ());
  dg_ui_test_wait_painted (GTK_WIDGET (preferences), 1);
  {
    g_autofree char *path = dg_ui_test_screenshot (GTK_WIDGET (preferences), "preferences-background");

    g_assert_nonnull (path);
  }

  gtk_switch_set_active (GTK_SWITCH (background_switch), FALSE);
  dg_ui_test_wait_for (!autostart_exists ());

  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (window);
  dg_ui_test_wait_for (gtk_application_get_windows (GTK_APPLICATION (app)) == NULL);
}

static void
test_preferences_without_schema (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(DgApplication) app = dg_application_new ();
      g_autoptr(GError) error = NULL;

      g_application_set_flags (G_APPLICATION (app),
                               G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);

      /* Nothing to keep preferences in: the action is there, but off. */
      g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "preferences"));
      g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "preferences"));
      g_assert_false (g_action_group_has_action (G_ACTION_GROUP (app), "run-in-background"));
      return;
    }

  g_unsetenv ("GSETTINGS_SCHEMA_DIR");
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  g_autofree char *config_home = NULL;
  g_autoptr(GError) error = NULL;
  guint watch;
  int ret;

  /* Everything, here and in the processes started, writes its autostart
   * entry into a folder of its own. */
  config_home = g_build_filename (dg_test_tempdir (), "config", NULL);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);

  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  if (!g_test_subprocess ())
    {
      /* A bus of our own, so that the app's name is free whatever else
       * runs; GTestDBus unsets DISPLAY, which the app needs. */
      test_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      g_test_dbus_up (test_bus);
      if (display != NULL)
        g_setenv ("DISPLAY", display, TRUE);
    }

  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  watch = g_bus_watch_name_on_connection (connection, APPLICATION_ID,
                                          G_BUS_NAME_WATCHER_FLAGS_NONE,
                                          on_owner_appeared_cb,
                                          on_owner_vanished_cb,
                                          NULL, NULL);
  db_path = dg_test_temp_path ("dangol.db");

  g_test_add_func ("/background/start-without-window", test_start_in_background);
  g_test_add_func ("/background/second-launch-shows-window", test_second_launch_shows_window);
  g_test_add_func ("/background/autostart-follows-setting", test_autostart_follows_setting);
  g_test_add_func ("/background/quit-ends-background", test_quit_ends_background);
  g_test_add_func ("/background/autostart-replaces-entry", test_autostart_replaces_entry);
  g_test_add_func ("/background/refused-database-fails", test_refused_database_fails);
  g_test_add_func ("/background/close-window-keeps-running", test_close_window_in_background);
  g_test_add_func ("/background/close-window-quits", test_close_window_quits);
  g_test_add_func ("/background/autostart-synced-at-start", test_autostart_synced_at_start);
  g_test_add_func ("/preferences/window", test_preferences_window);
  g_test_add_func ("/preferences/without-schema", test_preferences_without_schema);
  g_test_add_func ("/start/makes-data-private", test_start_makes_data_private);

  ret = g_test_run ();

  if (primary != NULL)
    {
      g_subprocess_force_exit (primary);
      while (!primary_exited)
        g_main_context_iteration (NULL, TRUE);
      g_clear_object (&primary);
    }

  g_bus_unwatch_name (watch);
  g_clear_object (&connection);
  /* GTK keeps the bus connection of the apps run here to the end of the
   * process, so the bus is stopped without waiting for the connection to
   * go (which g_test_dbus_down() and finalizing @test_bus would do). */
  if (test_bus != NULL)
    g_test_dbus_stop (test_bus);
  g_free (db_path);
  g_free (app_owner);

  return ret;
}
