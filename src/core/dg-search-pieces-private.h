/* dg-search-pieces-private.h
 *
 * The index of short pieces behind one- and two-character searches.
 * SQLite's trigram index finds nothing for a query shorter than three
 * characters, and scanning every search row for one took tens of
 * milliseconds at 100k customers. The customer_pieces FTS5 table indexes
 * each search row (customer_search.haystack) by every piece of one and of
 * two characters inside one of its fields, so a short query is one token
 * to look up. FTS5 keeps, per piece, only the compressed list of rows that
 * hold it (detail=none): a few bytes per customer and piece.
 *
 * The pieces come from the "dangol_pieces" tokenizer, which every
 * connection to a Dangol database registers before it touches the table
 * (the table cannot be read or written without it).
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define DG_SEARCH_PIECES_TOKENIZER "dangol_pieces"
/* The longest query, in characters, the pieces index answers. */
#define DG_SEARCH_PIECES_MAX_CHARS 2

/* Registers the tokenizer on @handle; returns an SQLite result code. */
int    dg_search_pieces_register (sqlite3    *handle);
/* The pieces the index holds for @haystack, each once, in the order they
 * first occur: what the tokenizer gives FTS5 for a search row. */
GPtrArray *dg_search_pieces_of   (const char *haystack);

G_END_DECLS
