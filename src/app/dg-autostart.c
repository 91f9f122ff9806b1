/* dg-autostart.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "dg-autostart.h"

char *
dg_autostart_get_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart",
                           APPLICATION_ID ".desktop", NULL);
}

char *
dg_autostart_get_template_path (void)
{
  const char *datadir = g_getenv ("DANGOL_DATADIR");

  return g_build_filename (datadir != NULL ? datadir : PKGDATADIR,
                           APPLICATION_ID "-autostart.desktop", NULL);
}

static gboolean
install (GError **error)
{
  g_autofree char *template_path = dg_autostart_get_template_path ();
  g_autofree char *path = dg_autostart_get_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (template_path, &contents, &length, error))
    return FALSE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   /* Translators: %s is a folder, %s a system error message. */
                   _("Could not create the folder “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* A session that starts while this is written finds the old entry or
   * the new one, never half of one. */
  return g_file_set_contents_full (path, contents, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0644, error);
}

static gboolean
uninstall (GError **error)
{
  g_autofree char *path = dg_autostart_get_path ();

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   /* Translators: %s is a file, %s a system error message. */
                   _("Could not remove “%s”: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

gboolean
dg_autostart_set_enabled (gboolean   enabled,
                          GError   **error)
{
  return enabled ? install (error) : uninstall (error);
}

gboolean
dg_autostart_sync (gboolean   enabled,
                   GError   **error)
{
  g_autofree char *template_path = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  gsize expected_length = 0, written_length = 0;

  if (!enabled)
    return dg_autostart_get_enabled () ? uninstall (error) : TRUE;

  /* Reading two small files costs less than the durable write would at
   * every start; the entry is written only when it is not the one this
   * version installs (missing, edited, or left by an older version). */
  template_path = dg_autostart_get_template_path ();
  path = dg_autostart_get_path ();
  if (g_file_get_contents (template_path, &expected, &expected_length, NULL)
      && g_file_get_contents (path, &written, &written_length, NULL)
      && expected_length == written_length
      && memcmp (expected, written, expected_length) == 0)
    return TRUE;

  return install (error);
}

gboolean
dg_autostart_get_enabled (void)
{
  g_autofree char *path = dg_autostart_get_path ();

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}
