/* dg-database.c
 *
 * The connection: opening a file dg-database-file.c has found to be ours,
 * migrating it, statements, transactions and the ::changed signal.
 */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-catalog.h"
#include "dg-clock.h"
#include "dg-database-file-private.h"
#include "dg-database-private.h"
#include "dg-error.h"
#include "dg-migrations.h"
#include "dg-search-pieces-private.h"

#define BUSY_TIMEOUT_MS 5000

struct _DgDatabase
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *handle;
  /* SQL text → sqlite3_stmt, finalized with the database. */
  GHashTable *statements;
  int         schema_version;

  /* 0 outside a transaction; nested levels are savepoints. */
  guint       transaction_depth;
  /* dg_database_begin_read() calls not yet ended, and whether the
   * outermost one opened the transaction (counted in transaction_depth). */
  guint       read_depth;
  gboolean    read_owned;
  /* Tables changed by the open transaction, each once, in order. */
  GPtrArray  *pending_changes;

  /* A reader's statements stop once it is cancelled. */
  GCancellable *cancellable;

  /* What dg_database_now() reads; NULL: the system time. */
  DgClock      *clock;
};

G_DEFINE_FINAL_TYPE (DgDatabase, dg_database, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_SCHEMA_VERSION,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
dg_database_dispose (GObject *object)
{
  DgDatabase *self = (DgDatabase *)object;

  g_clear_object (&self->clock);

  G_OBJECT_CLASS (dg_database_parent_class)->dispose (object);
}

static void
dg_database_finalize (GObject *object)
{
  DgDatabase *self = (DgDatabase *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);

  if (self->handle != NULL && sqlite3_close (self->handle) != SQLITE_OK)
    g_warning ("Could not close the database %s: %s",
               self->path, sqlite3_errmsg (self->handle));
  self->handle = NULL;

  g_clear_pointer (&self->pending_changes, g_ptr_array_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (dg_database_parent_class)->finalize (object);
}

static void
dg_database_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DgDatabase *self = DG_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_SCHEMA_VERSION:
      g_value_set_int (value, self->schema_version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_database_class_init (DgDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dg_database_dispose;
  object_class->finalize = dg_database_finalize;
  object_class->get_property = dg_database_get_property;

  properties [PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_SCHEMA_VERSION] =
    g_param_spec_int ("schema-version", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DgDatabase::changed:
   * @table: the name of the table that changed, also the detail
   *
   * Emitted after a write to @table committed; once per table and
   * transaction.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
dg_database_init (DgDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
  self->pending_changes = g_ptr_array_new_with_free_func (g_free);
}

/* SQLite answers a journal mode it cannot switch to with the old mode
 * instead of an error (for example when -wal cannot be created). */
static gboolean
set_journal_mode_wal (sqlite3 *handle)
{
  sqlite3_stmt *stmt = NULL;
  gboolean is_wal = FALSE;

  if (sqlite3_prepare_v2 (handle, "PRAGMA journal_mode = WAL", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    is_wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);

  return is_wal;
}

static gboolean
exec_sql (DgDatabase  *self,
          const char  *sql,
          GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->handle, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      sqlite3_free (message);
      return dg_database_set_error (self, error);
    }

  return TRUE;
}

/* Runs migration @version in its own transaction. The version is read
 * again inside it, in case another process migrated in the meantime. */
static gboolean
run_migration (DgDatabase  *self,
               int          version,
               const char  *display_path,
               GError     **error)
{
  g_autofree char *finish = NULL;
  int current = 0;

  if (!exec_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!dg_database_query_int (self->handle, "PRAGMA user_version", &current))
    {
      dg_database_set_error (self, error);
      exec_sql (self, "ROLLBACK", NULL);
      return FALSE;
    }

  if (current >= version)
    {
      exec_sql (self, "ROLLBACK", NULL);
      if (current > dg_migrations_latest ())
        {
          dg_database_file_set_too_new (error, display_path, current);
          return FALSE;
        }
      return TRUE;
    }

  finish = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                            (int) DG_DATABASE_APPLICATION_ID, version);

  if (!exec_sql (self, dg_migration_sql (version), error)
      || !exec_sql (self, finish, error)
      || !exec_sql (self, "COMMIT", error))
    {
      g_prefix_error (error, _("Could not update the database “%s” to version %d: "),
                      display_path, version);
      exec_sql (self, "ROLLBACK", NULL);
      return FALSE;
    }

  g_debug ("Migrated %s to schema version %d", self->path, version);

  return TRUE;
}

/* Everything after the file is known to be ours (or new): only now may it
 * change. */
static gboolean
configure_and_migrate (DgDatabase  *self,
                       int          version,
                       const char  *display_path,
                       GError     **error)
{
  if (!set_journal_mode_wal (self->handle))
    {
      if (sqlite3_extended_errcode (self->handle) == SQLITE_OK)
        dg_database_file_set_error (error, display_path, SQLITE_CANTOPEN,
                        _("its write-ahead log cannot be created"));
      else
        dg_database_set_error (self, error);
      return FALSE;
    }

  /* Nested transactions are savepoints, whose journals would otherwise be
   * temporary files: in memory a bulk import runs twice as fast. */
  if (!exec_sql (self,
                 "PRAGMA synchronous = FULL;"
                 "PRAGMA foreign_keys = ON;"
                 "PRAGMA temp_store = MEMORY;",
                 error))
    return FALSE;

  for (int v = version + 1; v <= dg_migrations_latest (); v++)
    {
      if (!run_migration (self, v, display_path, error))
        return FALSE;
    }

  if (!dg_database_query_int (self->handle, "PRAGMA user_version", &self->schema_version))
    return dg_database_set_error (self, error);

  return TRUE;
}

DgDatabase *
dg_database_open (const char  *path,
                  GError     **error)
{
  g_autoptr(DgDatabase) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_path = NULL;
  gboolean created = FALSE;
  int version = 0;
  int rc;

  self = g_object_new (DG_TYPE_DATABASE, NULL);
  self->path = path ? g_strdup (path) : dg_database_get_default_path ();
  display_path = g_filename_display_name (self->path);

  if (!dg_database_file_prepare (self->path, display_path, &created, error))
    return NULL;

  if (!created && !dg_database_file_inspect (self->path, display_path, &version, error))
    return NULL;

  /* Ours (or new): only now may anything about it change. */
  dg_database_file_make_private (self->path);

  rc = sqlite3_open_v2 (self->path, &self->handle,
                        SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      dg_database_file_set_error (error, display_path, rc,
                      self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, TRUE);
  sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);

  /* Before the migrations: one of them builds the index it tokenizes. */
  rc = dg_search_pieces_register (self->handle);
  if (rc != SQLITE_OK)
    {
      dg_database_file_set_error (error, display_path, rc, sqlite3_errstr (rc));
      return NULL;
    }

  if (!configure_and_migrate (self, version, display_path, &local_error))
    {
      int code = sqlite3_extended_errcode (self->handle);

      /* A folder that lets us read but not create -wal or -shm shows up
       * only now; say so rather than pass on SQLite's words. */
      if (dg_database_file_is_access_error (code) && !g_error_matches (local_error, DG_ERROR, DG_ERROR_DATABASE_TOO_NEW))
        dg_database_file_set_error (error, display_path, code, sqlite3_errmsg (self->handle));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* The -wal and -shm the connection just made. */
  dg_database_file_make_private (self->path);

  return g_steal_pointer (&self);
}

static int
reader_progress_cb (void *user_data)
{
  return g_cancellable_is_cancelled (user_data);
}

DgDatabase *
dg_database_open_reader (const char    *path,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(DgDatabase) self = NULL;
  g_autofree char *display_path = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);

  self = g_object_new (DG_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (self->path, &self->handle, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      display_path = g_filename_display_name (self->path);
      dg_database_file_set_error (error, display_path, rc,
                      self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, TRUE);
  sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);
  rc = dg_search_pieces_register (self->handle);
  if (rc != SQLITE_OK)
    {
      display_path = g_filename_display_name (self->path);
      dg_database_file_set_error (error, display_path, rc, sqlite3_errstr (rc));
      return NULL;
    }
  if (g_set_object (&self->cancellable, cancellable))
    sqlite3_progress_handler (self->handle, 1000, reader_progress_cb, cancellable);

  if (!dg_database_query_int (self->handle, "PRAGMA user_version", &self->schema_version))
    {
      dg_database_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
dg_database_get_path (DgDatabase *self)
{
  g_return_val_if_fail (DG_IS_DATABASE (self), NULL);

  return self->path;
}

int
dg_database_get_schema_version (DgDatabase *self)
{
  g_return_val_if_fail (DG_IS_DATABASE (self), 0);

  return self->schema_version;
}

void
dg_database_set_clock (DgDatabase *self,
                       DgClock    *clock)
{
  g_return_if_fail (DG_IS_DATABASE (self));
  g_return_if_fail (!clock || DG_IS_CLOCK (clock));

  g_set_object (&self->clock, clock);
}

DgClock *
dg_database_get_clock (DgDatabase *self)
{
  g_return_val_if_fail (DG_IS_DATABASE (self), NULL);

  return self->clock;
}

GDateTime *
dg_database_now (DgDatabase *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (self), NULL);

  if (self->clock != NULL)
    return dg_clock_get_now_utc (self->clock);

  /* Whole seconds in UTC, as dg_clock_get_now_utc() gives and a stored
   * time holds. */
  now = g_date_time_new_now_utc ();
  return g_date_time_new_from_unix_utc (g_date_time_to_unix (now));
}

sqlite3 *
dg_database_get_handle (DgDatabase *self)
{
  g_return_val_if_fail (DG_IS_DATABASE (self), NULL);

  return self->handle;
}

sqlite3_stmt *
dg_database_prepare (DgDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DG_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT,
                          &stmt, NULL) != SQLITE_OK)
    {
      dg_database_set_error (self, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

void
dg_statement_release (sqlite3_stmt *stmt)
{
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
}

gboolean
dg_database_begin (DgDatabase  *self,
                   GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (self), FALSE);

  if (self->transaction_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT dg_%u", self->transaction_depth);

  if (!dg_database_exec (self, sql, error))
    return FALSE;

  self->transaction_depth++;

  return TRUE;
}

static void
emit_pending_changes (DgDatabase *self)
{
  g_autoptr(GPtrArray) tables = NULL;

  if (self->pending_changes->len == 0)
    return;

  /* Handlers may write again; they queue into a fresh array. */
  tables = g_steal_pointer (&self->pending_changes);
  self->pending_changes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);

      g_signal_emit (self, signals [CHANGED], g_quark_from_string (table), table);
    }
}

gboolean
dg_database_commit (DgDatabase  *self,
                    GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);
  g_return_val_if_fail (self->transaction_depth > 1 || !self->read_owned || self->read_depth == 0, FALSE);

  if (self->transaction_depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE dg_%u", self->transaction_depth - 1);

  if (!dg_database_exec (self, sql, error))
    {
      /* The caller sees one outcome: a failed commit wrote nothing. */
      dg_database_rollback (self);
      return FALSE;
    }

  self->transaction_depth--;

  if (self->transaction_depth == 0)
    emit_pending_changes (self);

  return TRUE;
}

void
dg_database_rollback (DgDatabase *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (DG_IS_DATABASE (self));
  g_return_if_fail (self->transaction_depth > 0);
  /* A read transaction is ended by dg_database_end_read() only. */
  g_return_if_fail (self->transaction_depth > 1 || !self->read_owned || self->read_depth == 0);

  self->transaction_depth--;

  if (self->transaction_depth == 0)
    {
      if (sqlite3_get_autocommit (self->handle) == 0)
        exec_sql (self, "ROLLBACK", NULL);
      g_ptr_array_set_size (self->pending_changes, 0);
    }
  else
    {
      /* Changes queued inside the savepoint stay queued: an extra
       * ::changed only makes a view refresh once more. */
      sql = g_strdup_printf ("ROLLBACK TO dg_%u; RELEASE dg_%u",
                             self->transaction_depth, self->transaction_depth);
      exec_sql (self, sql, NULL);
    }
}

gboolean
dg_database_begin_read (DgDatabase  *self,
                        GError     **error)
{
  g_return_val_if_fail (DG_IS_DATABASE (self), FALSE);

  if (self->read_depth == 0)
    {
      /* The caller's transaction, whether ours or not, already reads one
       * snapshot. */
      if (self->transaction_depth > 0 || sqlite3_get_autocommit (self->handle) == 0)
        self->read_owned = FALSE;
      else
        {
          if (!dg_database_exec (self, "BEGIN DEFERRED", error))
            return FALSE;
          self->read_owned = TRUE;
          self->transaction_depth++;
        }
    }
  self->read_depth++;

  return TRUE;
}

gboolean
dg_database_end_read (DgDatabase  *self,
                      GError     **error)
{
  g_return_val_if_fail (DG_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->read_depth > 0, FALSE);

  self->read_depth--;
  if (self->read_depth > 0 || !self->read_owned)
    return TRUE;

  self->read_owned = FALSE;
  g_return_val_if_fail (self->transaction_depth == 1, FALSE);

  return dg_database_commit (self, error);
}

gboolean
dg_database_exec (DgDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  g_return_val_if_fail (DG_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  return exec_sql (self, sql, error);
}

gboolean
dg_database_run (DgDatabase    *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;

  if (rc != SQLITE_DONE)
    return dg_database_set_error (self, error);

  return TRUE;
}

void
dg_database_bind_text (sqlite3_stmt *stmt,
                       int           index,
                       const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

int
dg_database_changes (DgDatabase *self)
{
  g_return_val_if_fail (DG_IS_DATABASE (self), 0);

  return sqlite3_changes (self->handle);
}

gboolean
dg_database_has_row (DgDatabase  *self,
                     const char  *table,
                     gint64       id,
                     gboolean    *out_exists,
                     GError     **error)
{
  g_autofree char *sql = NULL;
  g_auto(DgStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (DG_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE id = ?1", table);
  stmt = dg_database_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return dg_database_set_error (self, error);

  *out_exists = rc == SQLITE_ROW;

  return TRUE;
}

/* What a person can act on, in their language; NULL keeps SQLite's words.
 * Out of memory or a file moved away is no disk or read-only error. */
static const char *
describe_error (int code)
{
  if (code == SQLITE_IOERR_NOMEM || code == SQLITE_READONLY_DBMOVED)
    return NULL;

  switch (code & 0xff)
    {
    case SQLITE_FULL:
      return _("The disk is full. Free some space and try again.");
    case SQLITE_IOERR:
      return _("The disk could not read or write the database file. Check the disk and try again.");
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return _("The database cannot be changed: its file or folder is read-only.");
    case SQLITE_BUSY:
      return _("Another program is using the database. Try again in a moment.");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return _("The database file is damaged. Restore it from a backup.");
    default:
      return NULL;
    }
}

gboolean
dg_database_set_error (DgDatabase  *self,
                       GError     **error)
{
  const char *words;

  g_return_val_if_fail (DG_IS_DATABASE (self), FALSE);

  words = describe_error (sqlite3_extended_errcode (self->handle));
  if (words != NULL)
    g_set_error_literal (error, DG_ERROR, DG_ERROR_DATABASE, words);
  else
    g_set_error (error, DG_ERROR, DG_ERROR_DATABASE, _("Database error: %s"), sqlite3_errmsg (self->handle));

  return FALSE;
}

static void
queue_change (DgDatabase *self,
              const char *table)
{
  for (guint i = 0; i < self->pending_changes->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->pending_changes, i), table))
        return;
    }

  g_ptr_array_add (self->pending_changes, g_strdup (table));
}

void
dg_database_notify_all (DgDatabase *self)
{
  const DgCatalogTable *tables;
  guint n_tables;

  g_return_if_fail (DG_IS_DATABASE (self));

  tables = dg_catalog_get_tables (&n_tables);
  for (guint i = 0; i < n_tables; i++)
    {
      if (tables[i].change_name != NULL)
        queue_change (self, tables[i].change_name);
    }

  if (self->transaction_depth == 0)
    emit_pending_changes (self);
}

void
dg_database_notify_changed (DgDatabase *self,
                            const char *table)
{
  g_return_if_fail (DG_IS_DATABASE (self));
  g_return_if_fail (table != NULL);

  queue_change (self, table);

  if (self->transaction_depth == 0)
    emit_pending_changes (self);
}
