/* dg-demo-ui.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "dg-demo-ui.h"
#include "dg-toast.h"

static char *
describe_load (const DgBackupCounts *counts,
               const char           *safety_copy)
{
  if (safety_copy != NULL)
    /* Translators: after loading the demo data into a database that held
     * journeys but no customers; %s is the file those were copied to. */
    return g_strdup_printf (_("Demo data loaded; what was here before is kept in “%s”"), safety_copy);

  /* Translators: a toast after loading the demo data. */
  return g_strdup_printf (ngettext ("Demo data loaded: %u customer", "Demo data loaded: %u customers",
                                    counts->n_customers),
                          counts->n_customers);
}

static void
load_demo_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  DgWindow *window = DG_WINDOW (user_data);
  DgContext *context = dg_window_get_context (window);
  /* The toasts show over whichever page is on screen. */
  GtkWidget *page = dg_window_get_page (window, "today");
  g_autofree char *safety_copy = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  DgBackupCounts counts = { 0 };

  if (context == NULL)
    return;

  if (!dg_demo_load (dg_context_get_database (context), dg_context_get_clock (context), NULL,
                     &counts, &safety_copy, NULL, &error))
    {
      dg_toast_show_error (page, error);
      return;
    }

  message = describe_load (&counts, safety_copy);
  dg_toast_show (page, message);
}

void
dg_demo_ui_add_window_action (DgWindow *window)
{
  static const GActionEntry entries[] = {
    { "load-demo", load_demo_action },
  };

  g_return_if_fail (DG_IS_WINDOW (window));

  g_action_map_add_action_entries (G_ACTION_MAP (window), entries, G_N_ELEMENTS (entries), window);
}

/* Runs in the launching process before it looks for a running Dangol:
 * the demo is in the database before any window reads it. */
static int
handle_local_options (GApplication *app,
                      GVariantDict *options,
                      gpointer      user_data)
{
  g_autoptr(DgDatabase) database = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  DgBackupCounts counts = { 0 };
  const char *arg = NULL;

  if (!g_variant_dict_contains (options, "demo"))
    return -1;
  g_variant_dict_remove (options, "demo");

  /* NULL is the default database, as the app opens it. */
  if (g_variant_dict_lookup (options, "db", "^&ay", &arg))
    path = g_canonicalize_filename (arg, NULL);

  database = dg_database_open (path, &error);
  if (database == NULL || !dg_demo_load (database, NULL, NULL, &counts, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  message = describe_load (&counts, NULL);
  g_print ("%s\n", message);

  return -1;
}

void
dg_demo_ui_add_option (DgApplication *app)
{
  static const GOptionEntry entries[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Load the demo data first (only into a database without customers)"), NULL },
    { NULL }
  };

  g_return_if_fail (DG_IS_APPLICATION (app));

  g_application_add_main_option_entries (G_APPLICATION (app), entries);
  /* Before the class handler, which ends the start at --version. */
  g_signal_connect (app, "handle-local-options", G_CALLBACK (handle_local_options), NULL);
}
