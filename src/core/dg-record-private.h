/* dg-record-private.h
 *
 * Small pieces the record objects (customers, interactions, follow-ups)
 * and the modules that store them share: how a text field is cleaned up,
 * how a time is held and how it is written to and read from the database.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Valid UTF-8 without white space at either end; NULL becomes "". A
 * one-line field has its line breaks and control characters turned into
 * spaces; a multi-line one keeps lines and tabs. */
char      *dg_record_normalize_text (const char  *text,
                                     gboolean     single_line);
/* Takes @value; TRUE when the field changed. */
gboolean   dg_record_set_string     (char       **field,
                                     char        *value);
/* Takes @value; TRUE when the field changed. */
gboolean   dg_record_set_time       (GDateTime  **field,
                                     GDateTime   *value);
/* @time in UTC to the whole second, as stored; NULL stays NULL. */
GDateTime *dg_record_normalize_time (GDateTime   *time);
/* Now, in UTC, to the second: what a stored time can hold. */
GDateTime *dg_record_now            (void);
/* ISO 8601 in UTC, "2026-11-24T03:22:01Z"; NULL stays NULL. */
char      *dg_record_format_time    (GDateTime   *time);
/* The reverse; NULL for NULL, "" or text that is not a time (logged). */
GDateTime *dg_record_parse_time     (const char  *text);

G_END_DECLS
