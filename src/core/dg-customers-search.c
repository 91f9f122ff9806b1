/* dg-customers-search.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <string.h>

#include "dg-customers-private.h"
#include "dg-search.h"

/* SQLite 3.40's trigram index finds nothing for a query shorter than three
 * characters (LIKE '%민수%' against it returns no rows), so shorter queries
 * scan the narrow customer_search table instead. */
#define TRIGRAM_MIN_CHARS 3

/* Unicode white space off both ends (a Korean input method may add an
 * ideographic space). */
static char *
trim (const char *text)
{
  const char *start = text;
  const char *end;

  while (*start && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

/* @text as one FTS5 phrase: a trigram phrase matches as a substring. */
static char *
fts_phrase (const char *text)
{
  GString *phrase = g_string_new ("\"");

  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (phrase, '"');
      g_string_append_c (phrase, *p);
    }
  g_string_append_c (phrase, '"');

  return g_string_free (phrase, FALSE);
}

/* %text% for LIKE … ESCAPE '\', with the wildcards in @text taken literally. */
static char *
like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

/* Appends the condition that the normalized @needle is in a customer's
 * haystack, choosing the index by its length, and queues its parameter. */
static void
append_match (GString    *sql,
              GPtrArray  *params,
              const char *needle)
{
  if (g_utf8_strlen (needle, -1) >= TRIGRAM_MIN_CHARS)
    {
      g_string_append (sql, "c.id IN (SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?)");
      g_ptr_array_add (params, fts_phrase (needle));
    }
  else
    {
      g_string_append (sql, "c.id IN (SELECT customer_id FROM customer_search "
                            "WHERE haystack LIKE ? ESCAPE '\\')");
      g_ptr_array_add (params, like_pattern (needle));
    }
}

/* What a search for @text looks for: the normalized text, and the digits
 * of a phone-like text when they differ from it (both NULL for no text). */
static void
text_needles (const char  *text,
              char       **needle,
              char       **digits)
{
  g_autofree char *trimmed = NULL;

  *needle = NULL;
  *digits = NULL;

  if (text == NULL)
    return;

  trimmed = trim (text);
  *needle = dg_search_normalize (trimmed);
  if (**needle == '\0')
    {
      g_clear_pointer (needle, g_free);
      return;
    }

  /* "0101234" finds "010-1234-5678" through the stored digits, and
   * "010-1234" finds it too. */
  if (dg_search_is_phone_like (trimmed))
    {
      *digits = dg_search_digits (trimmed);
      if (**digits == '\0' || strcmp (*digits, *needle) == 0)
        g_clear_pointer (digits, g_free);
    }
}

static void
append_text_filter (GString    *sql,
                    GPtrArray  *params,
                    const char *needle,
                    const char *digits)
{
  g_string_append (sql, " AND (");
  append_match (sql, params, needle);
  if (digits != NULL)
    {
      /* The digits of "+82 10" are looked for in the phone number only,
       * not in an email or note that happens to hold "8210"; the index
       * narrows the rows, the phone digits decide. */
      g_string_append (sql, " OR (");
      append_match (sql, params, digits);
      g_string_append (sql, " AND instr (c.phone_digits, ?) > 0)");
      g_ptr_array_add (params, g_strdup (digits));
    }
  g_string_append (sql, ")");
}

/* The FROM and WHERE of a customer query; the parameters it needs, all
 * text, go to @params in order. */
static void
append_from_where (GString               *sql,
                   GPtrArray             *params,
                   const DgCustomerQuery *query)
{
  g_autofree char *needle = NULL;
  g_autofree char *digits = NULL;
  g_autofree char *tag = NULL;

  text_needles (query->text, &needle, &digits);

  /* A text the trigram index can find drives the query from its matches:
   * walking the sort order and testing every row took a quarter of a
   * second for a rare word among a million customers, the matches 15 ms. */
  if (needle != NULL && digits == NULL && g_utf8_strlen (needle, -1) >= TRIGRAM_MIN_CHARS)
    {
      g_string_append (sql, " FROM customer_fts f CROSS JOIN customers c ON c.id = f.rowid"
                            " WHERE customer_fts MATCH ? AND ");
      g_ptr_array_add (params, fts_phrase (needle));
      g_clear_pointer (&needle, g_free);
    }
  else
    {
      g_string_append (sql, " FROM customers c WHERE ");
    }

  switch (query->archived)
    {
    case DG_ARCHIVED_ONLY:
      g_string_append (sql, "c.archived = 1");
      break;

    case DG_ARCHIVED_INCLUDE:
      g_string_append (sql, "1");
      break;

    case DG_ARCHIVED_EXCLUDE:
    default:
      g_string_append (sql, "c.archived = 0");
      break;
    }

  if (needle != NULL)
    append_text_filter (sql, params, needle, digits);

  tag = query->tag ? trim (query->tag) : NULL;
  if (tag != NULL && *tag != '\0')
    {
      /* tags.name is COLLATE NOCASE, so this matches "VIP" for "vip". */
      g_string_append (sql, " AND c.id IN (SELECT ct.customer_id FROM customer_tags ct "
                            "JOIN tags t ON t.id = ct.tag_id WHERE t.name = ?)");
      g_ptr_array_add (params, g_steal_pointer (&tag));
    }
}

/* Each sort key with the collation of its index, so that SQLite walks the
 * index instead of sorting. */
static const char *
sort_column (DgCustomerSort sort)
{
  switch (sort)
    {
    case DG_CUSTOMER_SORT_PHONE:
      return "c.phone_digits";

    case DG_CUSTOMER_SORT_EMAIL:
      return "c.email COLLATE NOCASE";

    case DG_CUSTOMER_SORT_TAGS:
      return "c.tags_text COLLATE NOCASE";

    case DG_CUSTOMER_SORT_CREATED:
      return "c.created_at";

    case DG_CUSTOMER_SORT_LAST_CONTACT:
      return "c.last_contact_at";

    case DG_CUSTOMER_SORT_NAME:
    default:
      return "c.name COLLATE NOCASE";
    }
}

static sqlite3_stmt *
prepare_query (DgDatabase             *db,
               const char             *sql,
               GPtrArray              *params,
               GError                **error)
{
  sqlite3_stmt *stmt = dg_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < params->len; i++)
    sqlite3_bind_text (stmt, i + 1, g_ptr_array_index (params, i), -1, SQLITE_TRANSIENT);

  return stmt;
}

GArray *
dg_customers_search_ids (DgDatabase             *db,
                         const DgCustomerQuery  *query,
                         GError                **error)
{
  static const DgCustomerQuery everyone = { 0 };
  g_autoptr(GString) sql = g_string_new ("SELECT c.id");
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = NULL;
  g_auto(DgStatement) stmt = NULL;
  const char *direction;
  int rc;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  if (query == NULL)
    query = &everyone;

  direction = query->descending ? "DESC" : "ASC";
  append_from_where (sql, params, query);
  g_string_append_printf (sql, " ORDER BY %s %s, c.id %s",
                          sort_column (query->sort), direction, direction);
  if (query->limit > 0)
    g_string_append_printf (sql, " LIMIT %u", query->limit);

  stmt = prepare_query (db, sql->str, params, error);
  if (stmt == NULL)
    return NULL;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      dg_database_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

typedef struct
{
  char            *path;
  char            *text;
  char            *tag;
  DgCustomerQuery  query;
} SearchData;

static void
search_data_free (gpointer user_data)
{
  SearchData *data = user_data;

  g_free (data->path);
  g_free (data->text);
  g_free (data->tag);
  g_free (data);
}

static void
search_ids_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  SearchData *data = task_data;
  g_autoptr(DgDatabase) reader = NULL;
  GError *error = NULL;
  GArray *ids = NULL;

  reader = dg_database_open_reader (data->path, cancellable, &error);
  if (reader != NULL)
    ids = dg_customers_search_ids (reader, &data->query, &error);

  if (ids != NULL)
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
  else
    g_task_return_error (task, error);
}

void
dg_customers_search_ids_async (DgDatabase            *db,
                               const DgCustomerQuery *query,
                               GCancellable          *cancellable,
                               GAsyncReadyCallback    callback,
                               gpointer               user_data)
{
  static const DgCustomerQuery everyone = { 0 };
  g_autoptr(GTask) task = NULL;
  SearchData *data;

  g_return_if_fail (DG_IS_DATABASE (db));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  if (query == NULL)
    query = &everyone;

  data = g_new0 (SearchData, 1);
  data->path = g_strdup (dg_database_get_path (db));
  data->text = g_strdup (query->text);
  data->tag = g_strdup (query->tag);
  data->query = *query;
  data->query.text = data->text;
  data->query.tag = data->tag;

  /* No source object: the task may be freed in the worker thread, and
   * with it whatever it holds. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dg_customers_search_ids_async);
  g_task_set_task_data (task, data, search_data_free);
  g_task_run_in_thread (task, search_ids_thread);
}

GArray *
dg_customers_search_ids_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dg_customers_search_ids_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gint64
dg_customers_count (DgDatabase             *db,
                    const DgCustomerQuery  *query,
                    GError                **error)
{
  static const DgCustomerQuery everyone = { 0 };
  g_autoptr(GString) sql = g_string_new ("SELECT count(*)");
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_auto(DgStatement) stmt = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), -1);

  if (query == NULL)
    query = &everyone;

  append_from_where (sql, params, query);

  stmt = prepare_query (db, sql->str, params, error);
  if (stmt == NULL)
    return -1;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      dg_database_set_error (db, error);
      return -1;
    }

  return sqlite3_column_int64 (stmt, 0);
}
