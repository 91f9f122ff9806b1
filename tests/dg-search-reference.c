/* dg-search-reference.c
 *
 * The plain scan a customer search must equal, row for row: every generated
 * text is ASCII or precomposed Hangul, on which NFC + case folding (what the
 * search does) is ASCII lower-casing, exactly what LIKE ignores, so LIKE over
 * the raw columns is an independent answer.
 */
#include "config.h"

#include <string.h>

#include "dg-database-private.h"
#include "dg-search-reference.h"

static void
sql_chosung (sqlite3_context *context,
             int              argc,
             sqlite3_value  **argv)
{
  g_autofree char *chosung = dg_search_chosung ((const char *) sqlite3_value_text (argv[0]));

  sqlite3_result_text (context, chosung, -1, SQLITE_TRANSIENT);
}

/* %, _ and \ stand for themselves in the reference pattern. */
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

/* The 19 consonants that begin a Hangul syllable, as a keyboard types them. */
static const char initial_consonants[] = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";

static gboolean
is_syllable (gunichar c)
{
  return c >= 0xAC00 && c <= 0xD7A3;
}

static gboolean
is_initial_consonant (gunichar c)
{
  char text[8] = { 0 };

  g_unichar_to_utf8 (c, text);

  return strstr (initial_consonants, text) != NULL;
}

/* TRUE for a word of Hangul syllables mixed with initial consonants, at
 * least one of each. */
gboolean
dg_search_reference_is_mixed (const char *word)
{
  gboolean syllable = FALSE;
  gboolean consonant = FALSE;

  for (const char *p = word; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_syllable (c))
        syllable = TRUE;
      else if (is_initial_consonant (c))
        consonant = TRUE;
      else
        return FALSE;
    }

  return syllable && consonant;
}

/* test_mixed (name, word): whether some run of characters of the name
 * fits the mixed word, a syllable standing for itself and a consonant for
 * any syllable that begins with it. */
static void
sql_mixed (sqlite3_context *context,
           int              argc,
           sqlite3_value  **argv)
{
  const char *name = (const char *) sqlite3_value_text (argv[0]);
  const char *word = (const char *) sqlite3_value_text (argv[1]);
  g_autofree gunichar *n = g_utf8_to_ucs4_fast (name ? name : "", -1, NULL);
  g_autofree gunichar *w = g_utf8_to_ucs4_fast (word ? word : "", -1, NULL);
  glong n_len = 0;
  glong w_len = 0;

  while (n[n_len])
    n_len++;
  while (w[w_len])
    w_len++;

  for (glong start = 0; start + w_len <= n_len; start++)
    {
      gboolean fits = TRUE;

      for (glong j = 0; j < w_len && fits; j++)
        {
          gunichar nc = n[start + j];

          if (is_syllable (w[j]))
            fits = nc == w[j];
          else
            {
              char text[8] = { 0 };
              g_autofree char *initial = NULL;
              g_autofree char *wanted = g_ucs4_to_utf8 (&w[j], 1, NULL, NULL, NULL);

              g_unichar_to_utf8 (nc, text);
              initial = dg_search_chosung (text);
              fits = is_syllable (nc) && g_strcmp0 (initial, wanted) == 0;
            }
        }

      if (fits)
        {
          sqlite3_result_int (context, 1);
          return;
        }
    }

  sqlite3_result_int (context, 0);
}

/* The words a search text asks for, each of which some field must hold: a
 * phone number stays whole ("010 1234"), anything else is split at white
 * space. */
char **
dg_search_reference_words (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autoptr(GString) word = g_string_new (NULL);

  /* Trimmed of ASCII white space, which is all the queries hold. */
  if (dg_search_is_phone_like (trimmed))
    {
      g_ptr_array_add (words, g_strdup (trimmed));
      g_ptr_array_add (words, NULL);
      return (char **) g_ptr_array_free (g_steal_pointer (&words), FALSE);
    }

  for (const char *p = trimmed;; p = g_utf8_next_char (p))
    {
      if (*p == '\0' || g_unichar_isspace (g_utf8_get_char (p)))
        {
          if (word->len > 0)
            g_ptr_array_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
          if (*p == '\0')
            break;
        }
      else
        g_string_append_unichar (word, g_utf8_get_char (p));
    }
  g_ptr_array_add (words, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&words), FALSE);
}

/* The ids a plain scan finds for @text, as the search should find them:
 * the test's own copy of the searchable columns of customers (with the
 * initial consonants of each name added), every word LIKE some column. */
GArray *
dg_search_reference_ids (DgDatabase       *db,
                         const char       *text,
                         DgArchivedFilter  archived)
{
  sqlite3 *handle = dg_database_get_handle (db);
  g_auto(GStrv) words = dg_search_reference_words (text);
  g_autoptr(GString) sql = g_string_new ("SELECT id FROM reference_rows WHERE ");
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  int rc;

  switch (archived)
    {
    case DG_ARCHIVED_EXCLUDE:
      g_string_append (sql, "archived = 0");
      break;
    case DG_ARCHIVED_ONLY:
      g_string_append (sql, "archived = 1");
      break;
    case DG_ARCHIVED_INCLUDE:
    default:
      g_string_append (sql, "1");
      break;
    }

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_string_append (sql, " AND (name LIKE ? ESCAPE '\\'"
                            " OR organization LIKE ? ESCAPE '\\'"
                            " OR email LIKE ? ESCAPE '\\'"
                            " OR note LIKE ? ESCAPE '\\'"
                            " OR tags_text LIKE ? ESCAPE '\\'"
                            " OR chosung LIKE ? ESCAPE '\\'");
      for (guint j = 0; j < 6; j++)
        g_ptr_array_add (params, like_pattern (words[i]));

      if (dg_search_is_phone_like (words[i]))
        {
          g_autofree char *digits = dg_search_digits (words[i]);

          g_string_append (sql, " OR phone_digits LIKE ?");
          g_ptr_array_add (params, like_pattern (digits));
        }

      if (dg_search_reference_is_mixed (words[i]))
        {
          g_string_append (sql, " OR test_mixed (name, ?)");
          g_ptr_array_add (params, g_strdup (words[i]));
        }
      g_string_append (sql, ")");
    }
  g_string_append (sql, " ORDER BY name COLLATE NOCASE, id");

  rc = sqlite3_prepare_v2 (handle, sql->str, -1, &stmt, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  for (guint i = 0; i < params->len; i++)
    sqlite3_bind_text (stmt, i + 1, params->pdata[i], -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  return ids;
}

void
dg_search_reference_install (DgDatabase *db)
{
  sqlite3 *handle = dg_database_get_handle (db);
  int rc;

  rc = sqlite3_create_function (handle, "test_chosung", 1,
                                SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                NULL, sql_chosung, NULL, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  rc = sqlite3_create_function (handle, "test_mixed", 2,
                                SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                NULL, sql_mixed, NULL, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  /* The initial consonants of each name are worked out once by the test's
   * own SQL function rather than once per row and query. */
  rc = sqlite3_exec (handle,
                     "DROP TABLE IF EXISTS temp.reference_rows;"
                     "CREATE TEMP TABLE reference_rows AS"
                     " SELECT id, archived, name, organization, email, note, tags_text,"
                     "        test_chosung (name) AS chosung, phone_digits"
                     " FROM customers",
                     NULL, NULL, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
}
