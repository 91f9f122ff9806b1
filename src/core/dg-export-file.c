/* dg-export-file.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dg-export-file-private.h"

#define FLUSH_BYTES (256 * 1024)
/* Often enough for a progress bar and a prompt Cancel, seldom enough to
 * cost nothing. */
#define STEP_RECORDS 200

struct _DgExportFile
{
  char    *path;
  char    *temp_path;
  char    *display_path;
  GString *out;
  int      fd;
  DgExportFileKind kind;
};

static gboolean
set_io_error (DgExportFile  *self,
              int            saved_errno,
              GError       **error)
{
  /* Whole sentences, so that each translates naturally. */
  if (self->kind == DG_EXPORT_FILE_BACKUP)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("Could not write the backup “%s”: %s"),
                 self->display_path, g_strerror (saved_errno));
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("Could not write “%s”: %s"),
                 self->display_path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
flush (DgExportFile  *self,
       GError       **error)
{
  gsize done = 0;

  while (done < self->out->len)
    {
      gssize n = write (self->fd, self->out->str + done, self->out->len - done);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return set_io_error (self, errno, error);
        }
      done += n;
    }

  g_string_truncate (self->out, 0);

  return TRUE;
}

static void
free_file (DgExportFile *self)
{
  g_free (self->path);
  g_free (self->temp_path);
  g_free (self->display_path);
  g_string_free (self->out, TRUE);
  g_free (self);
}

DgExportFile *
dg_export_file_open (const char  *path,
                     GError     **error)
{
  return dg_export_file_open_full (path, DG_EXPORT_FILE_EXPORT, error);
}

DgExportFile *
dg_export_file_open_full (const char        *path,
                          DgExportFileKind   kind,
                          GError           **error)
{
  DgExportFile *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (DgExportFile, 1);
  self->kind = kind;
  self->path = g_strdup (path);
  self->display_path = g_filename_display_name (path);
  self->temp_path = g_strconcat (path, ".XXXXXX", NULL);
  self->out = g_string_sized_new (FLUSH_BYTES + 64 * 1024);

  /* mkstemp creates it 0600: the customers' data is never readable by
   * others, not even for a moment. */
  self->fd = g_mkstemp_full (self->temp_path, O_RDWR | O_CLOEXEC, 0600);
  if (self->fd < 0)
    {
      set_io_error (self, errno, error);
      free_file (self);
      return NULL;
    }

  return self;
}

gboolean
dg_export_file_write (DgExportFile  *self,
                      const char    *data,
                      gssize         len,
                      GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  g_string_append_len (self->out, data, len < 0 ? (gssize) strlen (data) : len);

  return dg_export_file_flush_if_full (self, error);
}

GString *
dg_export_file_get_buffer (DgExportFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->out;
}

gboolean
dg_export_file_flush_if_full (DgExportFile  *self,
                              GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->out->len < FLUSH_BYTES || flush (self, error);
}

/* Makes the rename itself durable. */
static gboolean
sync_folder (DgExportFile  *self,
             GError       **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* Some file systems cannot open or sync a folder; the rename happened
   * all the same. A real I/O error, though, may have lost it. */
  if (fd < 0)
    return TRUE;

  if (fsync (fd) != 0 && errno != EINVAL && errno != ENOTSUP)
    {
      int saved_errno = errno;

      close (fd);
      return set_io_error (self, saved_errno, error);
    }

  close (fd);

  return TRUE;
}

gboolean
dg_export_file_commit (DgExportFile  *self,
                       GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  ok = flush (self, error);

  if (ok && fsync (self->fd) != 0)
    ok = set_io_error (self, errno, error);

  if (close (self->fd) != 0 && ok)
    ok = set_io_error (self, errno, error);
  self->fd = -1;

  if (ok && g_rename (self->temp_path, self->path) != 0)
    ok = set_io_error (self, errno, error);

  if (!ok)
    g_unlink (self->temp_path);
  else
    ok = sync_folder (self, error);

  free_file (self);

  return ok;
}

void
dg_export_file_abort (DgExportFile *self)
{
  if (self == NULL)
    return;

  if (self->fd >= 0)
    close (self->fd);
  g_unlink (self->temp_path);
  free_file (self);
}

gboolean
dg_export_file_step (guint                 done,
                     guint                 total,
                     GCancellable         *cancellable,
                     DgExportProgressFunc  progress,
                     gpointer              progress_data,
                     GError              **error)
{
  if (done % STEP_RECORDS != 0 && done != total)
    return TRUE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (progress != NULL)
    progress (done, total, progress_data);

  return TRUE;
}
