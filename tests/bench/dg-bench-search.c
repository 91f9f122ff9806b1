/* dg-bench-search.c
 *
 * Search latency: each query of a fixed set goes through
 * dg_customers_search_ids() N times, and the SQL that call ran goes to
 * SQLite directly N times, on the same connection. The SQL is captured
 * with sqlite3_trace_v2() while the API runs, with its bound values
 * expanded, so the comparison is with exactly what core asks SQLite to do;
 * the difference is what core adds around it. For a word of one or two
 * characters that many customers hold, core reads its matches from the
 * index of short pieces and keeps those rows of the sort order: the SQL
 * then returns more rows than the search finds ("SQL rows"), and the
 * keeping is part of what core adds.
 */
#define G_LOG_DOMAIN "Dangol-Bench"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>

#include "dg-core.h"
#include "dg-database-private.h"

typedef struct
{
  const char *kind;
  const char *text;
  /* The list's filters, as the Filter menu sets them. */
  const char *tag;
  const char *source;
  guint       no_contact_days;
} Query;

static const Query queries[] = {
  { "all (the list)", "" },
  { "Korean, 1 char", "김" },
  { "Korean, 1 char", "수" },
  { "Korean, 2 chars", "민수" },
  { "Korean, 2 chars", "서연" },
  { "Korean, 3 chars", "김민수" },
  { "Korean, 3 chars", "이서연" },
  { "chosung", "ㄱㅁㅅ" },
  { "chosung", "ㅁㅅ" },
  { "mixed", "이ㅁㅅ" },
  { "mixed", "김민ㅅ" },
  { "two words", "baker nancy" },
  { "two words", "민수 서울" },
  { "two words", "김 naver" },
  { "Latin", "kim" },
  { "Latin", "Emma" },
  { "Latin", "wilson" },
  { "phone digits", "0101234" },
  { "phone digits", "010-5678" },
  { "organization", "삼성" },
  { "tag", "VIP" },
  { "tag filter", "", "VIP" },
  { "tag filter", "", "후기작성" },
  { "source filter", "", NULL, "블로그" },
  { "no contact 30d", "", NULL, NULL, 30 },
  { "tag filter+text", "김", "VIP" },
  { "tag filter+text", "민수", "단골" },
  { "all filters", "", "VIP", "블로그", 30 },
};

static int      opt_iterations = 100;
static char    *opt_db = NULL;
static gboolean opt_verbose = FALSE;

static const GOptionEntry entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &opt_db, "Database to search", "PATH" },
  { "iterations", 'n', 0, G_OPTION_ARG_INT, &opt_iterations, "Runs of each query (default 100)", "N" },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose, "Print the captured SQL", NULL },
  { NULL }
};

static int
trace_cb (unsigned  type,
          void     *user_data,
          void     *p,
          void     *x)
{
  GPtrArray *captured = user_data;
  const char *sql = x;
  char *expanded;

  /* Statements of triggers come as "-- comment" lines; they run anyway as
   * part of their statement. */
  if (type != SQLITE_TRACE_STMT || g_str_has_prefix (sql, "--"))
    return 0;

  expanded = sqlite3_expanded_sql (p);
  g_ptr_array_add (captured, g_strdup (expanded != NULL ? expanded : sql));
  sqlite3_free (expanded);

  return 0;
}

/* @text padded with spaces to @columns terminal columns; Hangul takes two. */
static char *
pad (const char *text,
     guint       columns)
{
  GString *padded = g_string_new (text);
  guint width = 0;

  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    width += g_unichar_iswide (g_utf8_get_char (c)) ? 2 : 1;

  while (width++ < columns)
    g_string_append_c (padded, ' ');

  return g_string_free (padded, FALSE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Nearest-rank percentile of sorted @values. */
static double
percentile (GArray *values,
            double  p)
{
  guint rank = (guint) ceil (p / 100.0 * values->len);

  return g_array_index (values, double, MAX (rank, 1) - 1);
}

/* Runs the captured statements as one would by hand: step each to the end,
 * keeping the integer first column of every row as an id. Returns the rows
 * of the last statement that returned any. */
static guint
run_plain (GPtrArray *statements,
           GArray    *ids)
{
  guint rows = 0;

  for (guint i = 0; i < statements->len; i++)
    {
      sqlite3_stmt *stmt = statements->pdata[i];
      guint n = 0;

      g_array_set_size (ids, 0);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
          n++;
        }
      sqlite3_reset (stmt);

      if (n > 0)
        rows = n;
    }

  return rows;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(GArray) plain_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 customers;
  sqlite3 *handle;
  double worst_ratio = 0;
  const Query *worst_query = &queries[0];
  DgCustomerQuery all = { .archived = DG_ARCHIVED_INCLUDE };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("- time customer search");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (opt_db == NULL || opt_iterations < 1)
    {
      g_printerr ("Usage: %s --db PATH [--iterations N]\n", g_get_prgname ());
      return 2;
    }

  db = dg_database_open (opt_db, &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  handle = dg_database_get_handle (db);

  customers = dg_customers_count (db, &all, &error);
  if (customers < 0)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("%" G_GINT64_FORMAT " customers, %d runs of each query, times in ms\n",
           customers, opt_iterations);
  g_print ("%-16s %-10s %8s %8s  %8s %8s  %8s %8s  %6s\n",
           "query", "", "rows", "SQL rows", "API p50", "p99", "SQL p50", "p99", "p99 ×");

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GPtrArray) captured = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func ((GDestroyNotify) sqlite3_finalize);
      g_autoptr(GArray) api_times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) plain_times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) ids = NULL;
      DgCustomerQuery query = {
        .text = queries[q].text,
        .tag = queries[q].tag,
        .source = queries[q].source,
        .no_contact_days = queries[q].no_contact_days,
        .archived = DG_ARCHIVED_EXCLUDE,
        .sort = DG_CUSTOMER_SORT_NAME,
      };
      g_autofree char *kind = pad (queries[q].kind, 16);
      g_autofree char *text = pad (queries[q].text, 10);
      guint plain_rows;
      double ratio;

      /* The first call prepares and caches core's statements; capture the
       * SQL of the second, which is what every later call runs. */
      ids = dg_customers_search_ids (db, &query, &error);
      if (ids == NULL)
        {
          g_printerr ("%s: %s\n", queries[q].text, error->message);
          return 1;
        }
      g_clear_pointer (&ids, g_array_unref);

      sqlite3_trace_v2 (handle, SQLITE_TRACE_STMT, trace_cb, captured);
      ids = dg_customers_search_ids (db, &query, &error);
      sqlite3_trace_v2 (handle, 0, NULL, NULL);
      if (ids == NULL)
        {
          g_printerr ("%s: %s\n", queries[q].text, error->message);
          return 1;
        }

      for (guint i = 0; i < captured->len; i++)
        {
          sqlite3_stmt *stmt = NULL;

          if (opt_verbose)
            g_printerr ("-- %s\n%s;\n", queries[q].text, (char *) captured->pdata[i]);

          if (sqlite3_prepare_v2 (handle, captured->pdata[i], -1, &stmt, NULL) != SQLITE_OK)
            {
              g_printerr ("%s: %s\n", (char *) captured->pdata[i], sqlite3_errmsg (handle));
              return 1;
            }
          g_ptr_array_add (statements, stmt);
        }

      plain_rows = run_plain (statements, plain_ids);
      if (plain_rows < ids->len)
        {
          g_printerr ("%s: the API found %u rows and its SQL %u\n",
                      queries[q].text, ids->len, plain_rows);
          return 1;
        }

      /* Alternate the two so that drift in the machine hits both alike. */
      for (int i = 0; i < opt_iterations; i++)
        {
          gint64 start;
          double elapsed;

          start = g_get_monotonic_time ();
          g_clear_pointer (&ids, g_array_unref);
          ids = dg_customers_search_ids (db, &query, &error);
          elapsed = (g_get_monotonic_time () - start) / 1000.0;
          if (ids == NULL)
            {
              g_printerr ("%s: %s\n", queries[q].text, error->message);
              return 1;
            }
          g_array_append_val (api_times, elapsed);

          start = g_get_monotonic_time ();
          run_plain (statements, plain_ids);
          elapsed = (g_get_monotonic_time () - start) / 1000.0;
          g_array_append_val (plain_times, elapsed);
        }

      g_array_sort (api_times, compare_doubles);
      g_array_sort (plain_times, compare_doubles);
      ratio = percentile (api_times, 99) / MAX (percentile (plain_times, 99), 0.001);
      if (ratio > worst_ratio)
        {
          worst_ratio = ratio;
          worst_query = &queries[q];
        }

      g_print ("%s %s %8u %8u  %8.2f %8.2f  %8.2f %8.2f  %6.2f\n",
               kind, text, ids->len, plain_rows,
               percentile (api_times, 50), percentile (api_times, 99),
               percentile (plain_times, 50), percentile (plain_times, 99),
               ratio);
    }

  g_print ("worst p99 ratio: %.2f (%s “%s”)\n",
           worst_ratio, worst_query->kind, worst_query->text);

  return 0;
}
