/* dg-search-plan.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <string.h>

#include "dg-record-private.h"
#include "dg-search.h"
#include "dg-search-pieces-private.h"
#include "dg-search-plan-private.h"

/* SQLite 3.40's trigram index finds nothing for a query shorter than three
 * characters (LIKE '%민수%' against it returns no rows); shorter ones go to
 * the index of short pieces. */
#define TRIGRAM_MIN_CHARS (DG_SEARCH_PIECES_MAX_CHARS + 1)

/* A word that few customers hold drives the query from its matches, which
 * are then sorted: at most this many, or at most one customer in
 * DRIVE_SHARE. A commoner one is cheaper to test while walking the sort
 * order: sorting 19k matches of 100k took three times as long as walking
 * all 100k. */
#define DRIVE_ALWAYS 500
#define DRIVE_SHARE  16

#define SECONDS_PER_DAY 86400

/* The widest id range kept as a bitmap (16 MiB); a wider one, which only
 * ids set by hand could make, is searched by bisection. */
#define MAX_BITMAP_BITS (G_GUINT64_CONSTANT (1) << 27)

/* The ids one word matches, sorted, with a bitmap over their range once
 * the set is used as a filter. */
typedef struct
{
  GArray  *ids;
  gint64   first;
  guint64  n_bits;
  guint32 *bits;
  /* The set holds the ids a row must not have. */
  gboolean negated;
} IdSet;

static void
id_set_free (gpointer data)
{
  IdSet *set = data;

  if (set == NULL)
    return;

  g_clear_pointer (&set->ids, g_array_unref);
  g_free (set->bits);
  g_free (set);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
id_set_make_bitmap (IdSet *set)
{
  const gint64 *ids = (const gint64 *) set->ids->data;
  guint64 range;

  if (set->ids->len == 0)
    return;

  set->first = ids[0];
  range = (guint64) (ids[set->ids->len - 1] - ids[0]) + 1;
  if (range > MAX_BITMAP_BITS)
    return;

  set->n_bits = range;
  set->bits = g_new0 (guint32, (range + 31) / 32);
  for (guint i = 0; i < set->ids->len; i++)
    {
      guint64 bit = (guint64) (ids[i] - set->first);

      set->bits[bit / 32] |= 1u << (bit % 32);
    }
}

static gboolean
id_set_contains (const IdSet *set,
                 gint64       id)
{
  const gint64 *ids = (const gint64 *) set->ids->data;
  guint low = 0;
  guint high = set->ids->len;

  if (set->bits != NULL)
    {
      guint64 bit;

      if (id < set->first)
        return FALSE;
      bit = (guint64) (id - set->first);

      return bit < set->n_bits && (set->bits[bit / 32] & (1u << (bit % 32))) != 0;
    }

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (ids[mid] < id)
        low = mid + 1;
      else if (ids[mid] > id)
        high = mid;
      else
        return TRUE;
    }

  return FALSE;
}

/* The ids of @set as a JSON array, "[3,17,42]". */
static char *
id_set_to_json (const IdSet *set)
{
  GString *json = g_string_sized_new (set->ids->len * 8 + 2);

  g_string_append_c (json, '[');
  for (guint i = 0; i < set->ids->len; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      g_string_append_printf (json, "%" G_GINT64_FORMAT, g_array_index (set->ids, gint64, i));
    }
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

/* @text as one FTS5 phrase: a trigram phrase matches as a substring, and
 * the pieces index looks the phrase up as one piece. */
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

/* Appends a SELECT of the ids (column "id") of the customers whose search
 * row holds normalized @needle, from the index that answers its length. */
static void
append_index_ids (GString    *sql,
                  GPtrArray  *params,
                  const char *needle)
{
  if (g_utf8_strlen (needle, -1) < TRIGRAM_MIN_CHARS)
    g_string_append (sql, "SELECT rowid AS id FROM customer_pieces WHERE customer_pieces MATCH ?");
  else
    g_string_append (sql, "SELECT rowid AS id FROM customer_fts WHERE customer_fts MATCH ?");
  g_ptr_array_add (params, fts_phrase (needle));
}

/* Appends a SELECT of the ids (column "id") of the customers that match
 * @term. */
static void
append_term_ids (GString            *sql,
                 GPtrArray          *params,
                 const DgSearchTerm *term)
{
  append_index_ids (sql, params, term->needle);

  if (term->digits != NULL)
    {
      /* The digits of "+82 10" are looked for in the phone number only,
       * not in an email or note that happens to hold "8210"; the index
       * narrows the rows, the phone digits decide. */
      g_string_append (sql, " UNION SELECT id FROM customers WHERE id IN (");
      append_index_ids (sql, params, term->digits);
      g_string_append (sql, ") AND instr (phone_digits, ?) > 0");
      g_ptr_array_add (params, g_strdup (term->digits));
    }

  if (term->name_glob != NULL)
    {
      /* 이ㅁㅅ: the names whose initial consonants hold ㅇㅁㅅ, then the
       * name itself (the first field of the search row) with 이 in place. */
      g_string_append (sql, " UNION SELECT customer_id FROM customer_search WHERE customer_id IN (");
      append_index_ids (sql, params, term->chosung_key);
      g_string_append (sql, ") AND substr (haystack, 1, instr (haystack, char (31)) - 1) GLOB ?");
      g_ptr_array_add (params, g_strdup (term->name_glob));
    }
}

static sqlite3_stmt *
prepare_with_params (DgDatabase  *db,
                     const char  *sql,
                     GPtrArray   *params,
                     GError     **error)
{
  sqlite3_stmt *stmt = dg_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < params->len; i++)
    sqlite3_bind_text (stmt, i + 1, g_ptr_array_index (params, i), -1, SQLITE_TRANSIENT);

  return stmt;
}

/* The ids that @stmt, a SELECT of one column, returns, each once; with
 * @max_ids above 0, NULL without an error once there are more. */
static IdSet *
read_stmt_ids (DgDatabase    *db,
               sqlite3_stmt  *stmt,
               guint          max_ids,
               GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean sorted = TRUE;
  IdSet *set;
  int rc;

  /* An index gives its rows in id order; a union need not, nor a
   * customer's several enrollments in a journey. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (max_ids > 0 && ids->len == max_ids)
        return NULL;
      if (ids->len > 0 && id <= g_array_index (ids, gint64, ids->len - 1))
        sorted = FALSE;
      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      dg_database_set_error (db, error);
      return NULL;
    }

  if (!sorted)
    {
      guint n_kept = 0;

      /* Each id once: a query that starts from them must not find a
       * customer twice. */
      g_array_sort (ids, compare_ids);
      for (guint i = 0; i < ids->len; i++)
        if (n_kept == 0 || g_array_index (ids, gint64, i) != g_array_index (ids, gint64, n_kept - 1))
          g_array_index (ids, gint64, n_kept++) = g_array_index (ids, gint64, i);
      g_array_set_size (ids, n_kept);
    }

  set = g_new0 (IdSet, 1);
  set->ids = g_steal_pointer (&ids);

  return set;
}

/* The ids that @sql, a SELECT of one column with @params, returns; with
 * @max_ids above 0, NULL without an error once there are more. */
static IdSet *
read_ids_at_most (DgDatabase  *db,
                  const char  *sql,
                  GPtrArray   *params,
                  guint        max_ids,
                  GError     **error)
{
  g_auto(DgStatement) stmt = NULL;

  stmt = prepare_with_params (db, sql, params, error);
  if (stmt == NULL)
    return NULL;

  return read_stmt_ids (db, stmt, max_ids, error);
}

static IdSet *
read_ids (DgDatabase  *db,
          const char  *sql,
          GPtrArray   *params,
          GError     **error)
{
  return read_ids_at_most (db, sql, params, 0, error);
}

/* The ids of the customers that match @term. */
static IdSet *
read_term_ids (DgDatabase          *db,
               const DgSearchTerm  *term,
               GError             **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);

  append_term_ids (sql, params, term);

  return read_ids (db, sql->str, params, error);
}

/* The ids of the customers that pass one filter of the list: @sql reads
 * them through an index, with @param (taken). */
static IdSet *
read_filter_ids (DgDatabase  *db,
                 const char  *sql,
                 char        *param,
                 GError     **error)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (params, param);

  return read_ids (db, sql, params, error);
}

static gboolean read_max_id (DgDatabase *db, gint64 *max_id, GError **error);

/* The filter "no contact since @cutoff" (taken). In a business that runs,
 * most customers have gone a month without contact: the few contacted
 * since are read instead, and kept out (96k cold customers of 100k took
 * 140 ms to read, the index of contacts giving each row of the table).
 * When they are many, the cold ones are the fewer, and are read. */
static IdSet *
read_no_contact_ids (DgDatabase  *db,
                     char        *cutoff,
                     GError     **error)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  gint64 max_id = 0;
  IdSet *set;

  g_ptr_array_add (params, cutoff);
  if (!read_max_id (db, &max_id, error))
    return NULL;

  /* Archived or not, as the list's own condition decides, through the
   * index that "going cold" reads. */
  set = read_ids_at_most (db,
                          "SELECT id FROM customers WHERE archived IN (0, 1) "
                          "AND coalesce (last_contact_at, created_at) >= ?",
                          params, MAX (DRIVE_ALWAYS, max_id / 2), error);
  if (set != NULL)
    {
      set->negated = TRUE;
      return set;
    }
  if (error != NULL && *error != NULL)
    return NULL;

  return read_ids (db,
                   "SELECT id FROM customers WHERE archived IN (0, 1) "
                   "AND coalesce (last_contact_at, created_at) < ?",
                   params, error);
}

/* The customers with an enrollment of @query's journey, status, stage
 * and cohort, through the index of enrollments by journey or by stage. A
 * customer with several ended enrollments in the journey counts once. */
static IdSet *
read_journey_ids (DgDatabase             *db,
                  const DgCustomerQuery  *query,
                  GError                **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT customer_id FROM enrollments");
  g_auto(DgStatement) stmt = NULL;
  const char *status = dg_enrollment_status_to_string (query->journey_status);

  if (status == NULL)
    status = dg_enrollment_status_to_string (DG_ENROLLMENT_ACTIVE);

  g_string_append (sql, " WHERE journey_id = ?2 AND status = ?3");
  if (query->stage_id > 0)
    g_string_append (sql, " AND stage_id = ?1");
  if (query->cohort_id > 0)
    g_string_append (sql, " AND cohort_id = ?4");

  stmt = dg_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, query->stage_id);
  sqlite3_bind_int64 (stmt, 2, query->journey_id);
  sqlite3_bind_text (stmt, 3, status, -1, SQLITE_STATIC);
  if (query->cohort_id > 0)
    sqlite3_bind_int64 (stmt, 4, query->cohort_id);

  return read_stmt_ids (db, stmt, 0, error);
}

static char *trim               (const char            *text);
static char *no_contact_cutoff  (const DgCustomerQuery *query);

/* Adds to @sets the ids each filter of @query keeps. A filter is answered
 * like a word of the search: a rare tag drives the query from its
 * customers, a common one is tested while the sort order is walked. As a
 * condition of that walk instead, a filter read each row of the table:
 * 300 ms for a source at 100k customers, against 10 ms through its
 * index. */
static gboolean
read_filters (DgDatabase             *db,
              const DgCustomerQuery  *query,
              GPtrArray              *sets,
              GError                **error)
{
  g_autofree char *tag = query->tag ? trim (query->tag) : NULL;
  g_autofree char *source = query->source ? trim (query->source) : NULL;
  IdSet *set;

  if (tag != NULL && *tag != '\0')
    {
      /* tags.name is COLLATE NOCASE, so this matches "VIP" for "vip". */
      set = read_filter_ids (db,
                             "SELECT ct.customer_id FROM tags t "
                             "JOIN customer_tags ct ON ct.tag_id = t.id WHERE t.name = ?",
                             g_steal_pointer (&tag), error);
      if (set == NULL)
        return FALSE;
      g_ptr_array_add (sets, set);
    }

  if (source != NULL && *source != '\0')
    {
      set = read_filter_ids (db, "SELECT id FROM customers WHERE source = ? COLLATE NOCASE",
                             g_steal_pointer (&source), error);
      if (set == NULL)
        return FALSE;
      g_ptr_array_add (sets, set);
    }

  if (query->no_contact_days > 0)
    {
      set = read_no_contact_ids (db, no_contact_cutoff (query), error);
      if (set == NULL)
        return FALSE;
      g_ptr_array_add (sets, set);
    }

  if (query->journey_id > 0)
    {
      set = read_journey_ids (db, query, error);
      if (set == NULL)
        return FALSE;
      g_ptr_array_add (sets, set);
    }

  return TRUE;
}

/* The highest customer id: about how many customers there are, at the
 * cost of one index step. */
static gboolean
read_max_id (DgDatabase  *db,
             gint64      *max_id,
             GError     **error)
{
  g_auto(DgStatement) stmt = NULL;

  stmt = dg_database_prepare (db, "SELECT max (id) FROM customers", error);
  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return dg_database_set_error (db, error);

  *max_id = sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

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

/* The stored time before which the last contact (or, never contacted, the
 * day they were added) must be for @query's no_contact_days: the going-cold
 * cutoff of dg_interactions_list_going_cold(), whole days back from now. */
static char *
no_contact_cutoff (const DgCustomerQuery *query)
{
  g_autoptr(GDateTime) system_now = NULL;
  g_autoptr(GDateTime) cutoff = NULL;
  GDateTime *now = query->now;

  if (now == NULL)
    now = system_now = g_date_time_new_now_utc ();

  cutoff = g_date_time_add_seconds (now, -(gdouble) query->no_contact_days * SECONDS_PER_DAY);

  /* Further back than a date can go: nobody was added before that. */
  if (cutoff == NULL)
    return g_strdup ("");

  return dg_record_format_time (cutoff);
}

sqlite3_stmt *
dg_search_plan_prepare (const DgSearchPlan  *plan,
                        DgDatabase          *db,
                        const char          *sql,
                        GError             **error)
{
  return prepare_with_params (db, sql, plan->params, error);
}

void
dg_search_plan_clear (DgSearchPlan *plan)
{
  if (plan->from_where != NULL)
    g_string_free (g_steal_pointer (&plan->from_where), TRUE);
  g_clear_pointer (&plan->params, g_ptr_array_unref);
  g_clear_pointer (&plan->filters, g_ptr_array_unref);
}

gboolean
dg_search_plan_init (DgSearchPlan           *plan,
                     DgDatabase             *db,
                     const DgCustomerQuery  *query,
                     GError                **error)
{
  g_autoptr(GPtrArray) terms = dg_search_terms (query->text);
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func (id_set_free);
  IdSet *smallest = NULL;
  guint driver = G_MAXUINT;
  GString *sql;

  plan->from_where = g_string_new (NULL);
  plan->params = g_ptr_array_new_with_free_func (g_free);
  plan->filters = g_ptr_array_new_with_free_func (id_set_free);
  sql = plan->from_where;

  for (guint i = 0; i < terms->len; i++)
    {
      IdSet *set = read_term_ids (db, g_ptr_array_index (terms, i), error);

      if (set == NULL)
        return FALSE;
      g_ptr_array_add (sets, set);
    }

  if (!read_filters (db, query, sets, error))
    return FALSE;

  for (guint i = 0; i < sets->len; i++)
    {
      IdSet *set = g_ptr_array_index (sets, i);

      /* The ids a row must not have cannot be where the query starts. */
      if (set->negated)
        continue;
      if (smallest == NULL || set->ids->len < smallest->ids->len)
        {
          smallest = set;
          driver = i;
        }
    }

  if (smallest != NULL && smallest->ids->len > DRIVE_ALWAYS)
    {
      gint64 max_id = 0;

      if (!read_max_id (db, &max_id, error))
        return FALSE;
      if ((gint64) smallest->ids->len * DRIVE_SHARE >= max_id)
        driver = G_MAXUINT;
    }

  if (driver != G_MAXUINT)
    {
      /* The query starts from the rarest word's matches, handed over as
       * they were read (asking the index again took as long as the rest
       * of a rare word's search), and finds each customer by its key. */
      g_string_append (sql, " FROM json_each (?) m CROSS JOIN customers c ON c.id = m.value WHERE ");
      g_ptr_array_add (plan->params, id_set_to_json (smallest));
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

  /* The other words' and the filters' ids filter the rows. */
  for (guint i = 0; i < sets->len; i++)
    {
      if (i == driver)
        continue;

      id_set_make_bitmap (g_ptr_array_index (sets, i));
      g_ptr_array_add (plan->filters, g_ptr_array_index (sets, i));
      sets->pdata[i] = NULL;
    }

  return TRUE;
}

gboolean
dg_search_plan_keeps (const DgSearchPlan *plan,
                      gint64              id)
{
  for (guint i = 0; i < plan->filters->len; i++)
    {
      const IdSet *set = g_ptr_array_index (plan->filters, i);

      if (id_set_contains (set, id) == set->negated)
        return FALSE;
    }

  return TRUE;
}
