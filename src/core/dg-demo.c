/* dg-demo.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dg-customers.h"
#include "dg-demo.h"
#include "dg-error.h"
#include "dg-journey-templates.h"

/* A language name that can be part of a file name: "ko", "en_GB", not
 * "C" or "en_GB.UTF-8". */
static gboolean
is_plain_language (const char *language)
{
  if (strcmp (language, "C") == 0 || strcmp (language, "POSIX") == 0 || *language == '\0')
    return FALSE;

  for (const char *p = language; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;

  return TRUE;
}

char *
dg_demo_find_file (const char          *dir,
                   const char * const  *languages,
                   GError             **error)
{
  if (dir == NULL)
    dir = dg_journey_templates_get_dir ();
  if (languages == NULL)
    languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;

      if (!is_plain_language (languages[i]))
        continue;
      name = g_strdup_printf ("demo-%s.json", languages[i]);
      path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }

  {
    g_autofree char *path = g_build_filename (dir, "demo-en.json", NULL);

    if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
      return g_steal_pointer (&path);
  }

  /* Translators: %s is the folder Dangol's seeds are installed in. */
  g_set_error (error, DG_ERROR, DG_ERROR_NOT_FOUND, _("There is no demo data in “%s”"), dir);
  return NULL;
}

/* Whether @counts holds nothing that a restore would lose. */
static gboolean
holds_nothing (const DgBackupCounts *counts)
{
  return counts->n_tags == 0 && counts->n_customers == 0 && counts->n_journeys == 0
         && counts->n_cohorts == 0 && counts->n_enrollments == 0 && counts->n_interactions == 0
         && counts->n_followups == 0;
}

gboolean
dg_demo_load (DgDatabase      *db,
              DgClock         *clock,
              const char      *path,
              DgBackupCounts  *out_counts,
              char           **out_safety_copy,
              GCancellable    *cancellable,
              GError         **error)
{
  g_autofree char *found = NULL;
  g_autoptr(DgBackupFile) file = NULL;
  DgBackupCounts current = { 0 };
  DgBackupRestoreFlags flags = DG_BACKUP_RESTORE_SHIFT_TO_TODAY;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (clock == NULL || DG_IS_CLOCK (clock), FALSE);

  if (out_safety_copy != NULL)
    *out_safety_copy = NULL;

  if (!dg_backup_count_database (db, &current, error))
    return FALSE;
  if (current.n_customers > 0)
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_FAILED,
                           _("The demo data can only be loaded while there are no customers"));
      return FALSE;
    }
  if (holds_nothing (&current))
    flags |= DG_BACKUP_RESTORE_NO_SAFETY_COPY;

  if (path == NULL)
    {
      found = dg_demo_find_file (NULL, NULL, error);
      if (found == NULL)
        return FALSE;
      path = found;
    }

  file = dg_backup_file_load (path, cancellable, NULL, error);
  if (file == NULL)
    return FALSE;
  if (clock != NULL)
    dg_backup_file_set_clock (file, clock);
  if (!dg_backup_file_restore (file, db, flags, out_safety_copy, cancellable, error))
    return FALSE;

  if (out_counts != NULL)
    *out_counts = *dg_backup_file_get_counts (file);

  return TRUE;
}
