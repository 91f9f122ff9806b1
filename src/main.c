/* main.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "dg-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DgApplication) app = NULL;
  const char *localedir = g_getenv ("DANGOL_LOCALEDIR");
  int status;

  /* DANGOL_LOCALEDIR lets the tests and a run from the build tree use the
   * translations compiled there instead of the installed ones. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Dangol"));

  app = dg_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);

  /* A refused database is a failed start, also after its dialog. */
  return status != 0 ? status : dg_application_get_exit_status (app);
}
