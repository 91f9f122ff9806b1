/* dg-backup-auto.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dg-backup-async.h"
#include "dg-backup-auto.h"

#define NAME_PREFIX "dangol-backup-"
#define NAME_SUFFIX ".json"
/* How often to look again even when nothing said the day changed, in
 * seconds: a missed midnight or a folder that came back (a USB disk, a
 * network share) is then caught within the hour. */
#define SAFETY_NET_SECONDS (60 * 60)

struct _DgBackupAuto
{
  GObject       parent_instance;

  DgDatabase   *database;
  DgClock      *clock;
  GMainContext *context;
  GSource      *idle;
  GSource      *safety_net;
  GCancellable *cancellable;
  char         *folder;
  int           keep;
  GDateTime    *last_backup;
  /* Back Up Now requests that came while a backup was being written:
   * answered by the one written after it. */
  GPtrArray    *waiting;
  guint         enabled : 1;
  guint         started : 1;
  guint         busy : 1;
};

G_DEFINE_FINAL_TYPE (DgBackupAuto, dg_backup_auto, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENABLED,
  PROP_FOLDER,
  PROP_KEEP,
  PROP_LAST_BACKUP,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  BACKED_UP,
  FAILED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void dg_backup_auto_write (DgBackupAuto *self,
                                  GPtrArray    *tasks);

char *
dg_backup_auto_file_name (GDateTime *local_time)
{
  g_return_val_if_fail (local_time != NULL, NULL);

  return g_strdup_printf (NAME_PREFIX "%04d-%02d-%02d" NAME_SUFFIX,
                          g_date_time_get_year (local_time),
                          g_date_time_get_month (local_time),
                          g_date_time_get_day_of_month (local_time));
}

gboolean
dg_backup_auto_is_backup_name (const char *name)
{
  const char *date;
  int year, month, day;

  g_return_val_if_fail (name != NULL, FALSE);

  if (strlen (name) != strlen (NAME_PREFIX "0000-00-00" NAME_SUFFIX)
      || !g_str_has_prefix (name, NAME_PREFIX)
      || !g_str_has_suffix (name, NAME_SUFFIX))
    return FALSE;

  date = name + strlen (NAME_PREFIX);
  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7 ? date[i] != '-' : !g_ascii_isdigit (date[i]))
        return FALSE;
    }

  year = atoi (date);
  month = atoi (date + 5);
  day = atoi (date + 8);

  return g_date_valid_dmy (day, month, year);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  return strcmp (*(const char * const *) b, *(const char * const *) a);
}

/* The names of the automatic backups in @folder, newest first: the date
 * in a name sorts as its text does. Only regular files count, not a
 * folder or a link that happens to have such a name. */
static GPtrArray *
list_backups (const char  *folder,
              GError     **error)
{
  g_autoptr(GFile) dir = g_file_new_for_path (folder);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  children = g_file_enumerate_children (dir,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                        NULL, error);
  if (children == NULL)
    return NULL;

  for (;;)
    {
      GFileInfo *info = NULL;
      const char *name;

      if (!g_file_enumerator_iterate (children, &info, NULL, NULL, error))
        return NULL;
      if (info == NULL)
        break;

      name = g_file_info_get_name (info);
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR
          && dg_backup_auto_is_backup_name (name))
        g_ptr_array_add (names, g_strdup (name));
    }

  g_ptr_array_sort (names, compare_newest_first);

  return g_steal_pointer (&names);
}

gboolean
dg_backup_auto_rotate (const char  *folder,
                       guint        keep,
                       GError     **error)
{
  g_autoptr(GPtrArray) names = NULL;
  GError *first_error = NULL;

  g_return_val_if_fail (folder != NULL, FALSE);

  names = list_backups (folder, error);
  if (names == NULL)
    return FALSE;

  for (guint i = keep; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, names->pdata[i], NULL);

      if (g_unlink (path) != 0 && errno != ENOENT && first_error == NULL)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (&first_error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       /* Translators: the first %s is a file, the second why it failed. */
                       _("Could not delete the old backup “%s”: %s"),
                       display, g_strerror (saved_errno));
        }
    }

  if (first_error != NULL)
    {
      g_propagate_error (error, first_error);
      return FALSE;
    }

  return TRUE;
}

char *
dg_backup_auto_dup_default_folder (DgBackupAuto *self)
{
  g_autofree char *db_dir = NULL;

  g_return_val_if_fail (DG_IS_BACKUP_AUTO (self), NULL);

  db_dir = g_path_get_dirname (dg_database_get_path (self->database));

  return g_build_filename (db_dir, "backups", NULL);
}

char *
dg_backup_auto_dup_target_folder (DgBackupAuto *self)
{
  g_return_val_if_fail (DG_IS_BACKUP_AUTO (self), NULL);

  if (self->folder != NULL && self->folder[0] != '\0')
    return g_strdup (self->folder);

  return dg_backup_auto_dup_default_folder (self);
}

static void
dg_backup_auto_set_busy (DgBackupAuto *self,
                         gboolean      busy)
{
  if (self->busy == !!busy)
    return;

  self->busy = !!busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

/* Reads from the folder when its newest backup was written. */
static void
dg_backup_auto_refresh_last_backup (DgBackupAuto *self)
{
  g_autofree char *folder = dg_backup_auto_dup_target_folder (self);
  g_autoptr(GPtrArray) names = list_backups (folder, NULL);
  g_autoptr(GDateTime) last = NULL;

  if (names != NULL && names->len > 0)
    {
      g_autofree char *path = g_build_filename (folder, names->pdata[0], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFileInfo) info = NULL;

      info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                G_FILE_QUERY_INFO_NONE, NULL, NULL);
      if (info != NULL)
        last = g_file_info_get_modification_date_time (info);
    }

  if (last == self->last_backup
      || (last != NULL && self->last_backup != NULL && g_date_time_equal (last, self->last_backup)))
    return;

  g_clear_pointer (&self->last_backup, g_date_time_unref);
  self->last_backup = g_steal_pointer (&last);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LAST_BACKUP]);
}

typedef struct
{
  DgBackupAuto *self;
  GPtrArray    *tasks;
  char         *folder;
  char         *path;
} Write;

static void
write_free (Write *write)
{
  g_object_unref (write->self);
  g_ptr_array_unref (write->tasks);
  g_free (write->folder);
  g_free (write->path);
  g_free (write);
}

static void
on_export_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Write *write = user_data;
  DgBackupAuto *self = write->self;
  g_autoptr(GError) error = NULL;

  if (dg_backup_export_finish (result, NULL, &error))
    {
      g_autoptr(GError) rotate_error = NULL;

      g_debug ("Wrote the backup %s", write->path);
      if (!dg_backup_auto_rotate (write->folder, (guint) self->keep, &rotate_error))
        g_warning ("%s", rotate_error->message);

      dg_backup_auto_refresh_last_backup (self);
      for (guint i = 0; i < write->tasks->len; i++)
        g_task_return_pointer (write->tasks->pdata[i], g_strdup (write->path), g_free);
      g_signal_emit (self, signals [BACKED_UP], 0, write->path);
    }
  else
    {
      for (guint i = 0; i < write->tasks->len; i++)
        g_task_return_error (write->tasks->pdata[i], g_error_copy (error));
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Asked for, the caller shows it; made by itself, the log does. */
          if (write->tasks->len == 0)
            g_warning ("Could not write the automatic backup: %s", error->message);
          g_signal_emit (self, signals [FAILED], 0, error);
        }
    }

  dg_backup_auto_set_busy (self, FALSE);

  if (self->waiting->len > 0 && !g_cancellable_is_cancelled (self->cancellable))
    {
      GPtrArray *waiting = g_steal_pointer (&self->waiting);

      self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
      dg_backup_auto_write (self, waiting);
    }

  write_free (write);
}

/* Writes today's backup; takes @tasks (Back Up Now requests, may be empty). */
static void
dg_backup_auto_write (DgBackupAuto *self,
                      GPtrArray    *tasks)
{
  g_autoptr(GDateTime) now_utc = dg_clock_get_now_utc (self->clock);
  g_autoptr(GDateTime) now_local = dg_clock_get_now_local (self->clock);
  g_autofree char *name = dg_backup_auto_file_name (now_local);
  Write *write;

  write = g_new0 (Write, 1);
  write->self = g_object_ref (self);
  write->tasks = tasks;
  write->folder = dg_backup_auto_dup_target_folder (self);
  write->path = g_build_filename (write->folder, name, NULL);

  /* A folder made here holds the customers' data: for the owner only. An
   * existing one keeps the mode it was given. */
  if (g_mkdir_with_parents (write->folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (write->folder);
      g_autoptr(GError) error = NULL;

      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: the first %s is a folder, the second why it failed. */
                   _("Could not create the backup folder “%s”: %s"),
                   display, g_strerror (saved_errno));
      for (guint i = 0; i < tasks->len; i++)
        g_task_return_error (tasks->pdata[i], g_error_copy (error));
      if (tasks->len == 0)
        g_warning ("Could not write the automatic backup: %s", error->message);
      g_signal_emit (self, signals [FAILED], 0, error);
      write_free (write);
      return;
    }

  dg_backup_auto_set_busy (self, TRUE);
  dg_backup_export_async (self->database, write->path, now_utc, self->cancellable,
                          on_export_done_cb, write);
}

/* Writes today's backup unless it was made already. */
static void
dg_backup_auto_check (DgBackupAuto *self)
{
  g_autoptr(GDateTime) now_local = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  dg_backup_auto_refresh_last_backup (self);

  if (!self->enabled || self->busy)
    return;

  now_local = dg_clock_get_now_local (self->clock);
  name = dg_backup_auto_file_name (now_local);
  folder = dg_backup_auto_dup_target_folder (self);
  path = g_build_filename (folder, name, NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return;

  dg_backup_auto_write (self, g_ptr_array_new_with_free_func (g_object_unref));
}

static gboolean
on_idle_cb (gpointer user_data)
{
  DgBackupAuto *self = user_data;

  g_clear_pointer (&self->idle, g_source_unref);
  dg_backup_auto_check (self);

  return G_SOURCE_REMOVE;
}

static void
dg_backup_auto_queue (DgBackupAuto *self)
{
  if (!self->started || self->idle != NULL)
    return;

  self->idle = g_idle_source_new ();
  g_source_set_static_name (self->idle, "[dangol] automatic backup");
  g_source_set_callback (self->idle, on_idle_cb, self, NULL);
  g_source_attach (self->idle, self->context);
}

static gboolean
on_safety_net_cb (gpointer user_data)
{
  dg_backup_auto_queue (user_data);

  return G_SOURCE_CONTINUE;
}

static void
on_clock_changed_cb (DgClock      *clock,
                     DgBackupAuto *self)
{
  dg_backup_auto_queue (self);
}

void
dg_backup_auto_start (DgBackupAuto *self)
{
  g_return_if_fail (DG_IS_BACKUP_AUTO (self));

  if (self->started)
    return;

  self->started = TRUE;
  self->context = g_main_context_ref_thread_default ();
  g_signal_connect_object (self->clock, "changed",
                           G_CALLBACK (on_clock_changed_cb), self, 0);
  g_signal_connect_object (self->clock, "day-changed",
                           G_CALLBACK (on_clock_changed_cb), self, 0);

  self->safety_net = g_timeout_source_new_seconds (SAFETY_NET_SECONDS);
  g_source_set_static_name (self->safety_net, "[dangol] automatic backup check");
  g_source_set_callback (self->safety_net, on_safety_net_cb, self, NULL);
  g_source_attach (self->safety_net, self->context);

  dg_backup_auto_queue (self);
}

void
dg_backup_auto_back_up_now_async (DgBackupAuto        *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  GPtrArray *tasks;

  g_return_if_fail (DG_IS_BACKUP_AUTO (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dg_backup_auto_back_up_now_async);

  /* The one being written may have read the database before what the
   * person just did: another one follows it. */
  if (self->busy)
    {
      g_ptr_array_add (self->waiting, task);
      return;
    }

  tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (tasks, task);
  dg_backup_auto_write (self, tasks);
}

char *
dg_backup_auto_back_up_now_finish (DgBackupAuto  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (DG_IS_BACKUP_AUTO (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
dg_backup_auto_get_enabled (DgBackupAuto *self)
{
  g_return_val_if_fail (DG_IS_BACKUP_AUTO (self), FALSE);

  return self->enabled;
}

void
dg_backup_auto_set_enabled (DgBackupAuto *self,
                            gboolean      enabled)
{
  g_return_if_fail (DG_IS_BACKUP_AUTO (self));

  if (self->enabled == !!enabled)
    return;

  self->enabled = !!enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ENABLED]);
  dg_backup_auto_queue (self);
}

const char *
dg_backup_auto_get_folder (DgBackupAuto *self)
{
  g_return_val_if_fail (DG_IS_BACKUP_AUTO (self), NULL);

  return self->folder;
}

void
dg_backup_auto_set_folder (DgBackupAuto *self,
                           const char   *folder)
{
  g_return_if_fail (DG_IS_BACKUP_AUTO (self));

  if (folder != NULL && folder[0] == '\0')
    folder = NULL;

  if (g_strcmp0 (self->folder, folder) == 0)
    return;

  g_free (self->folder);
  self->folder = g_strdup (folder);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FOLDER]);
  if (self->started)
    dg_backup_auto_refresh_last_backup (self);
  dg_backup_auto_queue (self);
}

int
dg_backup_auto_get_keep (DgBackupAuto *self)
{
  g_return_val_if_fail (DG_IS_BACKUP_AUTO (self), DG_BACKUP_AUTO_DEFAULT_KEEP);

  return self->keep;
}

void
dg_backup_auto_set_keep (DgBackupAuto *self,
                         int           keep)
{
  g_return_if_fail (DG_IS_BACKUP_AUTO (self));

  keep = CLAMP (keep, 1, DG_BACKUP_AUTO_MAX_KEEP);
  if (self->keep == keep)
    return;

  /* Fewer kept takes effect at the next backup, not at once: a keep
   * count lowered by a slip of the spin button deletes nothing. */
  self->keep = keep;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KEEP]);
}

GDateTime *
dg_backup_auto_get_last_backup (DgBackupAuto *self)
{
  g_return_val_if_fail (DG_IS_BACKUP_AUTO (self), NULL);

  return self->last_backup;
}

gboolean
dg_backup_auto_get_busy (DgBackupAuto *self)
{
  g_return_val_if_fail (DG_IS_BACKUP_AUTO (self), FALSE);

  return self->busy;
}

static void
dg_backup_auto_dispose (GObject *object)
{
  DgBackupAuto *self = (DgBackupAuto *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->idle != NULL)
    g_source_destroy (self->idle);
  g_clear_pointer (&self->idle, g_source_unref);
  if (self->safety_net != NULL)
    g_source_destroy (self->safety_net);
  g_clear_pointer (&self->safety_net, g_source_unref);
  g_clear_object (&self->database);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->last_backup, g_date_time_unref);

  G_OBJECT_CLASS (dg_backup_auto_parent_class)->dispose (object);
}

static void
dg_backup_auto_finalize (GObject *object)
{
  DgBackupAuto *self = (DgBackupAuto *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);
  g_free (self->folder);

  G_OBJECT_CLASS (dg_backup_auto_parent_class)->finalize (object);
}

static void
dg_backup_auto_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DgBackupAuto *self = DG_BACKUP_AUTO (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;

    case PROP_FOLDER:
      g_value_set_string (value, self->folder);
      break;

    case PROP_KEEP:
      g_value_set_int (value, self->keep);
      break;

    case PROP_LAST_BACKUP:
      g_value_set_boxed (value, self->last_backup);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_backup_auto_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DgBackupAuto *self = DG_BACKUP_AUTO (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      dg_backup_auto_set_enabled (self, g_value_get_boolean (value));
      break;

    case PROP_FOLDER:
      dg_backup_auto_set_folder (self, g_value_get_string (value));
      break;

    case PROP_KEEP:
      dg_backup_auto_set_keep (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_backup_auto_class_init (DgBackupAutoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dg_backup_auto_dispose;
  object_class->finalize = dg_backup_auto_finalize;
  object_class->get_property = dg_backup_auto_get_property;
  object_class->set_property = dg_backup_auto_set_property;

  properties [PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FOLDER] =
    g_param_spec_string ("folder", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_KEEP] =
    g_param_spec_int ("keep", NULL, NULL,
                      1, DG_BACKUP_AUTO_MAX_KEEP, DG_BACKUP_AUTO_DEFAULT_KEEP,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LAST_BACKUP] =
    g_param_spec_boxed ("last-backup", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A backup was written at the path given. */
  signals [BACKED_UP] =
    g_signal_new ("backed-up",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /* Writing a backup failed, for the GError given. */
  signals [FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
dg_backup_auto_init (DgBackupAuto *self)
{
  self->enabled = TRUE;
  self->keep = DG_BACKUP_AUTO_DEFAULT_KEEP;
  self->cancellable = g_cancellable_new ();
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
}

DgBackupAuto *
dg_backup_auto_new (DgDatabase *db,
                    DgClock    *clock)
{
  DgBackupAuto *self;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);

  self = g_object_new (DG_TYPE_BACKUP_AUTO, NULL);
  self->database = g_object_ref (db);
  self->clock = g_object_ref (clock);

  return self;
}
