/* dg-customers-search.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-customers-private.h"
#include "dg-search-plan-private.h"

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

/* Steps @stmt and appends to @ids (when not NULL) the id in its first
 * column of every row that passes @plan's filters, until @limit ids (0: no
 * limit); @n_kept counts them. */
static gboolean
collect_ids (DgDatabase         *db,
             sqlite3_stmt       *stmt,
             const DgSearchPlan *plan,
             guint               limit,
             GArray             *ids,
             gint64             *n_kept,
             GError            **error)
{
  int rc;

  *n_kept = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (!dg_search_plan_keeps (plan, id))
        continue;

      if (ids != NULL)
        g_array_append_val (ids, id);
      if (++*n_kept == limit)
        return TRUE;
    }

  if (rc != SQLITE_DONE)
    return dg_database_set_error (db, error);

  return TRUE;
}

GArray *
dg_customers_search_ids (DgDatabase             *db,
                         const DgCustomerQuery  *query,
                         GError                **error)
{
  static const DgCustomerQuery everyone = { 0 };
  g_autoptr(GString) sql = g_string_new ("SELECT c.id");
  g_auto(DgSearchPlan) plan = { 0 };
  g_autoptr(GArray) ids = NULL;
  g_auto(DgStatement) stmt = NULL;
  const char *direction;
  gint64 n_kept;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  if (query == NULL)
    query = &everyone;

  if (!dg_search_plan_init (&plan, db, query, error))
    return NULL;

  direction = query->descending ? "DESC" : "ASC";
  g_string_append (sql, plan.from_where->str);
  g_string_append_printf (sql, " ORDER BY %s %s, c.id %s",
                          sort_column (query->sort), direction, direction);
  /* With filters the limit counts the rows that pass them. */
  if (query->limit > 0 && plan.filters->len == 0)
    g_string_append_printf (sql, " LIMIT %u", query->limit);

  stmt = dg_search_plan_prepare (&plan, db, sql->str, error);
  if (stmt == NULL)
    return NULL;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!collect_ids (db, stmt, &plan, query->limit, ids, &n_kept, error))
    return NULL;

  return g_steal_pointer (&ids);
}

typedef struct
{
  char            *path;
  char            *text;
  char            *tag;
  char            *source;
  DgCustomerQuery  query;
} SearchData;

static void
search_data_free (gpointer user_data)
{
  SearchData *data = user_data;

  g_free (data->path);
  g_free (data->text);
  g_free (data->tag);
  g_free (data->source);
  g_clear_pointer (&data->query.now, g_date_time_unref);
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
  data->source = g_strdup (query->source);
  data->query = *query;
  data->query.text = data->text;
  data->query.tag = data->tag;
  data->query.source = data->source;
  /* "No contact for N days" counts back from the moment of the call. */
  data->query.now = query->now ? g_date_time_ref (query->now) : g_date_time_new_now_utc ();

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
  g_autoptr(GString) sql = g_string_new (NULL);
  g_auto(DgSearchPlan) plan = { 0 };
  g_auto(DgStatement) stmt = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), -1);

  if (query == NULL)
    query = &everyone;

  if (!dg_search_plan_init (&plan, db, query, error))
    return -1;

  /* With filters, the rows are counted as they pass them. */
  g_string_append (sql, plan.filters->len > 0 ? "SELECT c.id" : "SELECT count(*)");
  g_string_append (sql, plan.from_where->str);

  stmt = dg_search_plan_prepare (&plan, db, sql->str, error);
  if (stmt == NULL)
    return -1;

  if (plan.filters->len > 0)
    {
      gint64 n_kept;

      if (!collect_ids (db, stmt, &plan, 0, NULL, &n_kept, error))
        return -1;

      return n_kept;
    }

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      dg_database_set_error (db, error);
      return -1;
    }

  return sqlite3_column_int64 (stmt, 0);
}
