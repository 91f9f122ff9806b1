/* dg-test-util.c */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "dg-test-util.h"

static GPtrArray *tempdirs;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }

  g_chmod (path, 0700);
  g_rmdir (path);
}

static void
remove_tempdirs (void)
{
  for (guint i = 0; tempdirs && i < tempdirs->len; i++)
    remove_tree (g_ptr_array_index (tempdirs, i));
  g_clear_pointer (&tempdirs, g_ptr_array_unref);
}

const char *
dg_test_tempdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir;

  dir = g_dir_make_tmp ("dangol-test-XXXXXX", &error);
  g_assert_no_error (error);

  if (tempdirs == NULL)
    {
      tempdirs = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_tempdirs);
    }
  g_ptr_array_add (tempdirs, dir);

  return dir;
}

char *
dg_test_temp_path (const char *basename)
{
  return g_build_filename (dg_test_tempdir (), basename, NULL);
}

DgDatabase *
dg_test_open_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dg_test_temp_path ("dangol.db");
  DgDatabase *db;

  db = dg_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  return db;
}

GBytes *
dg_test_read_file (const char *path)
{
  char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return NULL;

  return g_bytes_new_take (contents, len);
}

void
dg_test_init_i18n (void)
{
  const char *lang = g_getenv ("DANGOL_TEST_LANG");
  const char *localedir = g_getenv ("DANGOL_LOCALEDIR");

  if (lang != NULL)
    g_setenv ("LANGUAGE", lang, TRUE);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
