/* dg-search-pieces.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <string.h>

#include "dg-search-pieces-private.h"

/* Separates the fields of a search row (see build_haystack()). */
#define FIELD_SEPARATOR '\x1f'

typedef int (*TokenFunc) (void       *user_data,
                          int         flags,
                          const char *token,
                          int         n_token,
                          int         start,
                          int         end);

/* The end of the character that starts at @i: past its continuation
 * bytes, never past @n, whatever the bytes are. */
static int
char_end (const char *text,
          int         n,
          int         i)
{
  i++;
  while (i < n && ((guchar) text[i] & 0xC0) == 0x80)
    i++;

  return i;
}

/* Calls @emit for every piece of one character and of two characters of
 * @text that lies inside one field; a piece that occurs twice is given
 * twice (FTS5 keeps one entry per row anyway). */
static int
foreach_piece (const char *text,
               int         n,
               TokenFunc   emit,
               void       *user_data)
{
  int i = 0;

  while (i < n)
    {
      int one = char_end (text, n, i);
      int rc;

      if (text[i] == FIELD_SEPARATOR)
        {
          i = one;
          continue;
        }

      rc = emit (user_data, 0, text + i, one - i, i, one);
      if (rc != SQLITE_OK)
        return rc;

      if (one < n && text[one] != FIELD_SEPARATOR)
        {
          int two = char_end (text, n, one);

          rc = emit (user_data, 0, text + i, two - i, i, two);
          if (rc != SQLITE_OK)
            return rc;
        }

      i = one;
    }

  return SQLITE_OK;
}

/* The tokenizer keeps no state: any non-NULL pointer serves as its
 * instance. */
static char tokenizer_instance;

static int
pieces_create (void           *context,
               const char    **args,
               int             n_args,
               Fts5Tokenizer **out)
{
  if (n_args > 0)
    return SQLITE_ERROR;

  *out = (Fts5Tokenizer *) &tokenizer_instance;

  return SQLITE_OK;
}

static void
pieces_delete (Fts5Tokenizer *tokenizer)
{
}

static int
pieces_tokenize (Fts5Tokenizer *tokenizer,
                 void          *context,
                 int            flags,
                 const char    *text,
                 int            n_text,
                 TokenFunc      token)
{
  if (text == NULL || n_text <= 0)
    return SQLITE_OK;

  /* A query looks up one piece: the normalized text it was given, not
   * the pieces of it. */
  if (flags & FTS5_TOKENIZE_QUERY)
    return token (context, 0, text, n_text, 0, n_text);

  return foreach_piece (text, n_text, token, context);
}

static fts5_api *
find_fts5_api (sqlite3 *handle)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (handle, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;

  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  return api;
}

int
dg_search_pieces_register (sqlite3 *handle)
{
  static fts5_tokenizer tokenizer = {
    pieces_create,
    pieces_delete,
    pieces_tokenize,
  };
  fts5_api *api;

  g_return_val_if_fail (handle != NULL, SQLITE_MISUSE);

  api = find_fts5_api (handle);
  if (api == NULL || api->iVersion < 2)
    return SQLITE_ERROR;

  return api->xCreateTokenizer (api, DG_SEARCH_PIECES_TOKENIZER, NULL, &tokenizer, NULL);
}

static int
collect_piece (void       *user_data,
               int         flags,
               const char *token,
               int         n_token,
               int         start,
               int         end)
{
  GPtrArray *pieces = user_data;

  for (guint i = 0; i < pieces->len; i++)
    {
      const char *seen = g_ptr_array_index (pieces, i);

      if (strncmp (seen, token, n_token) == 0 && seen[n_token] == '\0')
        return SQLITE_OK;
    }

  g_ptr_array_add (pieces, g_strndup (token, n_token));

  return SQLITE_OK;
}

GPtrArray *
dg_search_pieces_of (const char *haystack)
{
  GPtrArray *pieces = g_ptr_array_new_with_free_func (g_free);

  if (haystack != NULL)
    foreach_piece (haystack, strlen (haystack), collect_piece, pieces);

  return pieces;
}
