/* dg-bench-first-frame.c
 *
 * How long a window takes to show its first painted frame: a bare
 * AdwApplicationWindow with a label, or Dangol's window on the Customers
 * view once its column view has rows (--page=customers), on the Today
 * page it opens on (--page=today), or on the Journeys page once the board
 * of the first journey shows its columns, with cards in each column that
 * has any (--page=journeys). Both apps register a unique application
 * id on the session bus, as Dangol does when a user starts it, each an id
 * of its own so that a Dangol already running is not asked instead. Each
 * run is a fresh process that this program spawns and times from just
 * before the spawn; the median of the runs is printed.
 */
#define G_LOG_DOMAIN "Dangol-Bench"

#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>

#include <adwaita.h>

#include "dg-application.h"
#include "dg-database-private.h"
#include "dg-journey-card.h"
#include "dg-journey-column.h"
#include "dg-journeys-view.h"
#include "dg-today-view.h"

/* A run that shows nothing for this long is stuck, not slow: under
 * valgrind (counting instructions) on a busy machine a run takes minutes. */
#define GIVE_UP_SECONDS 600

typedef enum
{
  MARK_SPAWN,
  MARK_MAIN,
  MARK_ACTIVATE,
  MARK_WINDOW,
  MARK_FIRST_FRAME,
  MARK_ROWS_FRAME,
  N_MARKS
} Mark;

/* What each interval between two marks is called in the output. */
static const char * const interval_names[N_MARKS] = {
  NULL,
  "exec",       /* spawn → main(): loading the program and its libraries */
  "startup",    /* main() → activate: GTK, the application, the database */
  "window",     /* activate → window constructed */
  "frame",      /* window constructed → first frame painted */
  "rows",       /* first frame → first frame with rows in the list */
};

typedef struct
{
  gint64      marks[N_MARKS];
  gboolean    bare;
  gboolean    today;
  gboolean    journeys;
  GtkWindow  *window;
  gulong      after_paint_id;
  GdkFrameClock *frame_clock;
} Child;

static Child child;

static char    *opt_mode = NULL;
static char    *opt_db = NULL;
static char    *opt_page = NULL;
static int      opt_runs = 5;
static gboolean opt_child = FALSE;
static gint64   opt_spawned_at = 0;

static const GOptionEntry entries[] = {
  { "mode", 'm', 0, G_OPTION_ARG_STRING, &opt_mode, "bare or dangol", "MODE" },
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &opt_db, "Database for the dangol mode", "PATH" },
  { "page", 'p', 0, G_OPTION_ARG_STRING, &opt_page, "Page to time: customers (default), today or journeys", "PAGE" },
  { "runs", 'r', 0, G_OPTION_ARG_INT, &opt_runs, "Fresh processes to time (default 5)", "N" },
  { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &opt_child, NULL, NULL },
  { "spawned-at", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT64, &opt_spawned_at, NULL, NULL },
  { NULL }
};

static GtkColumnView *
find_column_view (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    return GTK_COLUMN_VIEW (widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkColumnView *found = find_column_view (c);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
list_has_rows (void)
{
  GtkColumnView *view = find_column_view (GTK_WIDGET (child.window));
  GtkSelectionModel *model;

  if (view == NULL || !gtk_widget_get_mapped (GTK_WIDGET (view)))
    return FALSE;

  model = gtk_column_view_get_model (view);

  return model != NULL && g_list_model_get_n_items (G_LIST_MODEL (model)) > 0;
}

static GtkWidget *
find_widget_of_type (GtkWidget *widget,
                     GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget_of_type (c, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The Today page lists what it shows before it is mapped: its first frame
 * mapped is its first frame with rows. */
static gboolean
today_is_shown (void)
{
  GtkWidget *today = find_widget_of_type (GTK_WIDGET (child.window), DG_TYPE_TODAY_VIEW);

  return today != NULL && gtk_widget_get_mapped (today);
}

static gboolean
has_mapped_card (GtkWidget *widget)
{
  if (DG_IS_JOURNEY_CARD (widget))
    return gtk_widget_get_mapped (widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      if (has_mapped_card (c))
        return TRUE;
    }

  return FALSE;
}

/* Whether every column of the board is on screen with its first cards:
 * the list of a column that holds any shows at least one. */
static gboolean
columns_are_shown (GtkWidget *widget,
                   guint     *n_columns)
{
  if (DG_IS_JOURNEY_COLUMN (widget))
    {
      GtkWidget *list = find_widget_of_type (widget, GTK_TYPE_LIST_VIEW);
      GListModel *model = list != NULL ? G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list))) : NULL;

      (*n_columns)++;
      if (!gtk_widget_get_mapped (widget))
        return FALSE;

      return model == NULL || g_list_model_get_n_items (model) == 0 || has_mapped_card (list);
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      if (!columns_are_shown (c, n_columns))
        return FALSE;
    }

  return TRUE;
}

static gboolean
board_is_shown (void)
{
  GtkWidget *view = find_widget_of_type (GTK_WIDGET (child.window), DG_TYPE_JOURNEYS_VIEW);
  guint n_columns = 0;

  if (view == NULL || !gtk_widget_get_mapped (view))
    return FALSE;

  return columns_are_shown (view, &n_columns) && n_columns > 0;
}

static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n += count_widgets (c);

  return n;
}

/* With DG_BENCH_VERBOSE set, tells on stderr how much the first frame
 * built: widgets in the list, and customer objects the model made. */
static void
report_list_size (void)
{
  GtkColumnView *view = find_column_view (GTK_WIDGET (child.window));
  GListModel *model;

  if (view == NULL || g_getenv ("DG_BENCH_VERBOSE") == NULL)
    return;

  model = G_LIST_MODEL (gtk_column_view_get_model (view));
  if (GTK_IS_SINGLE_SELECTION (model))
    model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model));

  g_printerr ("list: %u widgets in the column view, %u rows in the model",
              count_widgets (GTK_WIDGET (view)), g_list_model_get_n_items (model));
  if (DG_IS_CUSTOMER_LIST (model))
    g_printerr (", %u customers built", dg_customer_list_get_n_built (DG_CUSTOMER_LIST (model)));
  g_printerr ("\n");
}

static void
finish (void)
{
  struct rusage usage;

  g_signal_handler_disconnect (child.frame_clock, child.after_paint_id);
  report_list_size ();

  for (guint i = MARK_MAIN; i < N_MARKS; i++)
    g_print ("%s=%.3f ", interval_names[i],
             (child.marks[i] - child.marks[i - 1]) / 1000.0);
  g_print ("total=%.3f", (child.marks[N_MARKS - 1] - child.marks[MARK_SPAWN]) / 1000.0);

  /* Processor time of the whole process, every thread, until now: on a
   * busy machine it varies less than the wall-clock times above. */
  if (getrusage (RUSAGE_SELF, &usage) == 0)
    g_print (" cpu=%.3f",
             (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
             + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0);
  g_print ("\n");

  /* Closing the window drops the last user of the database, so that it is
   * closed cleanly and leaves no write-ahead log behind. */
  gtk_window_destroy (child.window);
  g_application_quit (g_application_get_default ());
}

static void
on_after_paint_cb (GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (child.marks[MARK_FIRST_FRAME] == 0)
    child.marks[MARK_FIRST_FRAME] = now;

  if (child.bare
      || (child.today ? today_is_shown ()
          : child.journeys ? board_is_shown ()
          : list_has_rows ()))
    {
      child.marks[MARK_ROWS_FRAME] = now;
      finish ();
    }
}

static AdwViewStack *
find_view_stack (GtkWidget *widget)
{
  if (ADW_IS_VIEW_STACK (widget))
    return ADW_VIEW_STACK (widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      AdwViewStack *found = find_view_stack (c);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
on_window_realize_cb (GtkWidget *widget,
                      gpointer   user_data)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (widget));
  AdwViewStack *stack = child.bare ? NULL : find_view_stack (widget);
  const char *page = child.journeys ? "journeys" : "customers";

  /* The window opens on Today; with --page=customers (or journeys) what
   * is timed is the first frame of that page, as a user who goes straight
   * there sees it. */
  if (!child.today && stack != NULL && adw_view_stack_get_child_by_name (stack, page) != NULL)
    adw_view_stack_set_visible_child_name (stack, page);

  child.frame_clock = gdk_surface_get_frame_clock (surface);
  child.after_paint_id = g_signal_connect (child.frame_clock, "after-paint",
                                           G_CALLBACK (on_after_paint_cb), NULL);
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window,
                    gpointer        user_data)
{
  if (child.window != NULL)
    return;

  child.marks[MARK_WINDOW] = g_get_monotonic_time ();
  child.window = window;
  g_signal_connect (window, "realize", G_CALLBACK (on_window_realize_cb), NULL);
}

/* Connected before the class handler, so it runs before the window exists. */
static void
on_activate_cb (GApplication *app,
                gpointer      user_data)
{
  if (child.marks[MARK_ACTIVATE] == 0)
    child.marks[MARK_ACTIVATE] = g_get_monotonic_time ();
}

static void
on_bare_activate_cb (GApplication *app,
                     gpointer      user_data)
{
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *label;

  window = adw_application_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_set_title (GTK_WINDOW (window), "Bare");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  label = gtk_label_new ("A bare libadwaita window");
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  gtk_window_present (GTK_WINDOW (window));
}

/* With DG_BENCH_SQL=MS, tells on stderr each statement the app ran on its
 * connection that took MS milliseconds or longer, and when. */
static int
profile_cb (unsigned  type,
            void     *user_data,
            void     *p,
            void     *x)
{
  double ms = *(sqlite3_int64 *) x / 1e6;

  if (type == SQLITE_TRACE_PROFILE && ms >= g_ascii_strtod (g_getenv ("DG_BENCH_SQL"), NULL))
    g_printerr ("sql %.1f ms at %.1f ms: %.300s\n", ms,
                (g_get_monotonic_time () - child.marks[MARK_SPAWN]) / 1000.0, sqlite3_sql (p));

  return 0;
}

static gboolean
give_up_cb (gpointer user_data)
{
  g_printerr ("No frame with rows after %d s\n", GIVE_UP_SECONDS);
  exit (1);
}

static int
run_child (void)
{
  g_autoptr(GtkApplication) app = NULL;
  char *argv[] = { (char *) g_get_prgname (), NULL };

  child.marks[MARK_SPAWN] = opt_spawned_at;
  child.bare = g_strcmp0 (opt_mode, "bare") == 0;
  child.today = g_strcmp0 (opt_page, "today") == 0;
  child.journeys = g_strcmp0 (opt_page, "journeys") == 0;

  if (child.bare)
    {
      app = GTK_APPLICATION (adw_application_new ("io.github.dangol.BenchBare",
                                                  G_APPLICATION_DEFAULT_FLAGS));
      g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
      g_signal_connect (app, "activate", G_CALLBACK (on_bare_activate_cb), NULL);
    }
  else
    {
      g_autoptr(GError) error = NULL;

      app = GTK_APPLICATION (dg_application_new ());
      /* Unique on the bus like the real app, but under an id of its own:
       * beside a Dangol the user runs, this must be a process of its own. */
      g_application_set_application_id (G_APPLICATION (app), "io.github.dangol.BenchDangol");
      if (!dg_application_open_database (DG_APPLICATION (app), opt_db, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
      if (g_getenv ("DG_BENCH_SQL") != NULL)
        {
          DgDatabase *db = dg_context_get_database (dg_application_get_context (DG_APPLICATION (app)));

          sqlite3_trace_v2 (dg_database_get_handle (db), SQLITE_TRACE_PROFILE, profile_cb, NULL);
        }
    }

  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), NULL);
  g_timeout_add_seconds (GIVE_UP_SECONDS, give_up_cb, NULL);

  return g_application_run (G_APPLICATION (app), 1, argv);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);

  if (values->len % 2 == 1)
    return g_array_index (values, double, values->len / 2);

  return (g_array_index (values, double, values->len / 2 - 1)
          + g_array_index (values, double, values->len / 2)) / 2;
}

/* Spawns @opt_runs children and prints "name=median" for each interval and
 * the total, in milliseconds, on one line. */
static int
run_parent (const char *self_path)
{
  g_autoptr(GHashTable) samples = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                         g_free, (GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);

  for (int run = 0; run < opt_runs; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_auto(GStrv) fields = NULL;
      int status;

      g_ptr_array_add (args, g_strdup (self_path));
      g_ptr_array_add (args, g_strdup ("--child"));
      g_ptr_array_add (args, g_strdup_printf ("--mode=%s", opt_mode));
      if (opt_db != NULL)
        g_ptr_array_add (args, g_strdup_printf ("--db=%s", opt_db));
      if (opt_page != NULL)
        g_ptr_array_add (args, g_strdup_printf ("--page=%s", opt_page));
      g_ptr_array_add (args, g_strdup_printf ("--spawned-at=%" G_GINT64_FORMAT,
                                              g_get_monotonic_time ()));
      g_ptr_array_add (args, NULL);

      if (!g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT,
                         NULL, NULL, &out, &err, &status, &error)
          || !g_spawn_check_wait_status (status, &error))
        {
          g_printerr ("Run %d failed: %s\n%s", run + 1, error->message, err ? err : "");
          return 1;
        }

      if (err != NULL && *err != '\0' && g_getenv ("DG_BENCH_VERBOSE") != NULL)
        g_printerr ("%s", err);

      fields = g_strsplit_set (g_strstrip (out), " ", -1);
      for (guint i = 0; fields[i] != NULL; i++)
        {
          g_auto(GStrv) pair = g_strsplit (fields[i], "=", 2);
          GArray *values;
          double value;

          if (pair[0] == NULL || pair[1] == NULL)
            continue;

          values = g_hash_table_lookup (samples, pair[0]);
          if (values == NULL)
            {
              values = g_array_new (FALSE, FALSE, sizeof (double));
              g_hash_table_insert (samples, g_strdup (pair[0]), values);
              g_ptr_array_add (order, g_strdup (pair[0]));
            }
          value = g_ascii_strtod (pair[1], NULL);
          g_array_append_val (values, value);
        }
    }

  for (guint i = 0; i < order->len; i++)
    g_print ("%s%s=%.1f", i > 0 ? " " : "", (char *) order->pdata[i],
             median (g_hash_table_lookup (samples, order->pdata[i])));
  g_print ("\n");

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  gint64 main_at = g_get_monotonic_time ();
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *self_path = NULL;

  context = g_option_context_new ("- time the first painted frame");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (g_strcmp0 (opt_mode, "bare") != 0 && g_strcmp0 (opt_mode, "dangol") != 0)
    {
      g_printerr ("--mode must be bare or dangol\n");
      return 2;
    }

  if (opt_page != NULL && g_strcmp0 (opt_page, "today") != 0 && g_strcmp0 (opt_page, "customers") != 0
      && g_strcmp0 (opt_page, "journeys") != 0)
    {
      g_printerr ("--page must be customers, today or journeys\n");
      return 2;
    }

  if (opt_child)
    {
      child.marks[MARK_MAIN] = main_at;
      return run_child ();
    }

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (self_path == NULL)
    self_path = g_strdup (argv[0]);

  return run_parent (self_path);
}
