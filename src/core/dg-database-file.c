/* dg-database-file.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dg-database.h"
#include "dg-database-file-private.h"
#include "dg-error.h"
#include "dg-migrations.h"

#define BUSY_TIMEOUT_MS 5000

char *
dg_database_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "dangol", "dangol.db", NULL);
}

gboolean
dg_database_file_is_access_error (int code)
{
  switch (code & 0xff)
    {
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_AUTH:
    case SQLITE_IOERR:
    case SQLITE_FULL:
      return TRUE;

    default:
      return FALSE;
    }
}

void
dg_database_file_set_error (GError     **error,
                            const char  *display_path,
                            int          code,
                            const char  *message)
{
  if ((code & 0xff) == SQLITE_NOTADB)
    g_set_error (error, DG_ERROR, DG_ERROR_NOT_A_DANGOL_DATABASE,
                 _("“%s” is not a Dangol database, so Dangol did not open it. "
                   "The file was not changed; choose another file."),
                 display_path);
  else if ((code & 0xff) == SQLITE_CORRUPT)
    g_set_error (error, DG_ERROR, DG_ERROR_NOT_A_DANGOL_DATABASE,
                 _("“%s” is damaged, so Dangol did not open it. "
                   "The file was not changed; restore it from a backup."),
                 display_path);
  else if (dg_database_file_is_access_error (code))
    g_set_error (error, DG_ERROR, DG_ERROR_DATABASE_ACCESS,
                 _("Could not open the database “%s”: %s. "
                   "Check that you may read and write the file and its folder."),
                 display_path, message);
  else
    g_set_error (error, DG_ERROR, DG_ERROR_DATABASE,
                 _("Could not open the database “%s”: %s."),
                 display_path, message);
}

void
dg_database_file_set_too_new (GError     **error,
                              const char  *display_path,
                              int          version)
{
  g_set_error (error, DG_ERROR, DG_ERROR_DATABASE_TOO_NEW,
               _("“%s” was made by a newer version of Dangol "
                 "(database version %d; this Dangol knows up to %d). "
                 "The file was not changed; update Dangol to open it."),
               display_path, version, dg_migrations_latest ());
}

static void
set_errno_error (GError     **error,
                 const char  *display_path,
                 int          saved_errno)
{
  g_set_error (error, DG_ERROR, DG_ERROR_DATABASE_ACCESS,
               _("Could not open the database “%s”: %s. "
                 "Check that you may read and write the file and its folder."),
               display_path, g_strerror (saved_errno));
}

/* Whether @dir is Dangol's default data folder, however it is spelled (a
 * relative path, a symbolic link). */
static gboolean
is_default_folder (const char *dir)
{
  g_autofree char *default_path = dg_database_get_default_path ();
  g_autofree char *default_dir = g_path_get_dirname (default_path);
  GStatBuf st;
  GStatBuf default_st;

  return g_stat (dir, &st) == 0
         && g_stat (default_dir, &default_st) == 0
         && st.st_dev == default_st.st_dev
         && st.st_ino == default_st.st_ino;
}

/* Takes group and other access away from @path (or what a symbolic link
 * there points to) when it is ours and has any; it keeps its owner's bits
 * within @keep. */
static void
make_private (const char *path,
              mode_t      keep)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0 || st.st_uid != getuid () || (st.st_mode & 077) == 0)
    return;

  if (g_chmod (path, st.st_mode & keep) != 0)
    g_debug ("Could not make %s private: %s", path, g_strerror (errno));
}

void
dg_database_file_make_private (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  const char *suffixes[] = { "", "-wal", "-shm" };

  /* The default folder is Dangol's own, so it is kept private even when an
   * earlier tool created it with a looser mode. A folder the user chose
   * with --db (their home, /tmp) is left as it is. */
  if (is_default_folder (dir))
    make_private (dir, 0700);

  /* SQLite gives -wal and -shm the mode of the database when it creates
   * them; ones that exist (from a crash, a copy) keep theirs. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      make_private (file, 0600);
    }
}

gboolean
dg_database_file_prepare (const char  *path,
                          const char  *display_path,
                          gboolean    *out_created,
                          GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display_dir = g_filename_display_name (dir);

      g_set_error (error, DG_ERROR, DG_ERROR_DATABASE_ACCESS,
                   _("Could not create the folder “%s” for the database: %s. "
                     "Choose another place for the database."),
                   display_dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      close (fd);
      *out_created = TRUE;
      return TRUE;
    }

  if (errno != EEXIST)
    {
      int saved_errno = errno;

      g_set_error (error, DG_ERROR, DG_ERROR_DATABASE_ACCESS,
                   _("Could not create the database “%s”: %s. "
                     "Choose another place for the database."),
                   display_path, g_strerror (saved_errno));
      return FALSE;
    }

  if (g_stat (path, &st) != 0)
    {
      set_errno_error (error, display_path, errno);
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, DG_ERROR, DG_ERROR_DATABASE_ACCESS,
                   _("“%s” is a folder or a device, not a database file. "
                     "Choose a file for the database."),
                   display_path);
      return FALSE;
    }

  if (g_access (path, R_OK | W_OK) != 0)
    {
      set_errno_error (error, display_path, errno);
      return FALSE;
    }

  /* An existing file, even an empty one, is inspected: a WAL beside it
   * may hold what another process has written. */
  *out_created = FALSE;

  return TRUE;
}

gboolean
dg_database_query_int (sqlite3     *handle,
                       const char  *sql,
                       int         *out_value)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_value = sqlite3_column_int (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  return rc == SQLITE_OK;
}

static gboolean
has_sibling (const char *path,
             const char *suffix)
{
  g_autofree char *sibling = g_strconcat (path, suffix, NULL);
  GStatBuf st;

  return g_stat (sibling, &st) == 0 && st.st_size > 0;
}

/* What the inspection reads of a database. */
typedef struct
{
  int application_id;
  int user_version;
  int n_objects;
} Header;

/* Reads @header through a read-only connection to @path opened as
 * @mode: "immutable" reads the file alone and never creates anything
 * beside it (SQLite's read-only connections otherwise create -shm, and even
 * -wal, beside a database in WAL mode); "ro" also reads a journal. */
static int
read_header (const char  *path,
             const char  *mode,
             Header      *header,
             char       **out_message)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);
  g_autofree char *full_uri = NULL;
  sqlite3 *handle = NULL;
  int rc;

  if (uri == NULL)
    return SQLITE_CANTOPEN;

  full_uri = g_strconcat (uri, g_str_equal (mode, "immutable") ? "?immutable=1" : "?mode=ro", NULL);
  rc = sqlite3_open_v2 (full_uri, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (handle, BUSY_TIMEOUT_MS);
      if (!dg_database_query_int (handle, "PRAGMA application_id", &header->application_id)
          || !dg_database_query_int (handle, "PRAGMA user_version", &header->user_version)
          || !dg_database_query_int (handle, "SELECT count(*) FROM sqlite_master", &header->n_objects))
        rc = sqlite3_extended_errcode (handle);
    }

  if (rc != SQLITE_OK)
    *out_message = g_strdup (handle ? sqlite3_errmsg (handle) : sqlite3_errstr (rc));
  sqlite3_close (handle);

  return rc;
}

/* Copies @path and its -wal into a private folder and reads the copy, so
 * that what the log holds counts and nothing appears beside @path. */
static int
read_header_with_wal (const char  *path,
                      Header      *header,
                      char       **out_message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dangol-inspect-XXXXXX", &error);
  g_autofree char *copy = NULL;
  const char *suffixes[] = { "", "-wal" };
  int rc = SQLITE_OK;

  if (dir == NULL)
    {
      *out_message = g_strdup (error->message);
      return SQLITE_CANTOPEN;
    }

  copy = g_build_filename (dir, "inspected.db", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes) && rc == SQLITE_OK; i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (copy, suffixes[i], NULL);
      g_autoptr(GFile) source = g_file_new_for_path (from);
      g_autoptr(GFile) target = g_file_new_for_path (to);

      if (!g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
        {
          *out_message = g_strdup (error->message);
          rc = SQLITE_CANTOPEN;
        }
    }

  if (rc == SQLITE_OK)
    rc = read_header (copy, "ro", header, out_message);

  /* A copy in WAL mode leaves -wal and -shm behind it. */
  {
    const char *all[] = { "", "-wal", "-shm", "-journal" };

    for (guint i = 0; i < G_N_ELEMENTS (all); i++)
      {
        g_autofree char *file = g_strconcat (copy, all[i], NULL);

        g_unlink (file);
      }
    g_rmdir (dir);
  }

  return rc;
}

gboolean
dg_database_file_inspect (const char  *path,
                          const char  *display_path,
                          int         *out_version,
                          GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autofree char *message = NULL;
  char bytes[16] = { 0 };
  Header header = { 0, };
  gboolean maybe_later;
  gssize n_read;
  int fd;
  int rc;

  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    {
      set_errno_error (error, display_path, errno);
      return FALSE;
    }
  n_read = read (fd, bytes, sizeof bytes);
  close (fd);

  /* An empty file is an empty database to SQLite; anything else must
   * start like one. */
  if (n_read != 0 && (n_read != sizeof bytes || memcmp (bytes, magic, sizeof magic) != 0))
    {
      dg_database_file_set_error (error, display_path, SQLITE_NOTADB, NULL);
      return FALSE;
    }

  /* A hot rollback journal means the file alone may be half written; a
   * read-only connection reads through it (and, in that mode, creates
   * nothing beside it). */
  if (has_sibling (path, "-journal"))
    rc = read_header (path, "ro", &header, &message);
  else
    rc = read_header (path, "immutable", &header, &message);

  /* What the file alone says may be out of date when a -wal beside it
   * holds later transactions: a database never checkpointed looks empty,
   * one of ours may have been migrated further. A file that is not ours,
   * or too new, on its own is refused as it is. */
  maybe_later = (header.application_id == 0 && header.user_version == 0 && header.n_objects == 0)
                || ((guint32) header.application_id == DG_DATABASE_APPLICATION_ID
                    && header.user_version <= dg_migrations_latest ());
  if (rc == SQLITE_OK && maybe_later && has_sibling (path, "-wal"))
    {
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_clear_pointer (&message, g_free);
      /* With its -shm there (a crash, another process holding it), a
       * read-only connection creates nothing; without, it would create
       * one, so a copy is read instead. */
      if (g_file_test (shm, G_FILE_TEST_EXISTS))
        rc = read_header (path, "ro", &header, &message);
      else
        rc = read_header_with_wal (path, &header, &message);
    }

  if (rc != SQLITE_OK)
    {
      dg_database_file_set_error (error, display_path, rc, message);
      return FALSE;
    }

  if ((guint32) header.application_id == DG_DATABASE_APPLICATION_ID)
    {
      if (header.user_version > dg_migrations_latest ())
        {
          dg_database_file_set_too_new (error, display_path, header.user_version);
          return FALSE;
        }
    }
  else if (header.application_id != 0 || header.user_version != 0 || header.n_objects != 0)
    {
      dg_database_file_set_error (error, display_path, SQLITE_NOTADB, NULL);
      return FALSE;
    }

  *out_version = header.user_version;

  return TRUE;
}
