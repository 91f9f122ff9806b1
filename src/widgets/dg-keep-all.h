/* dg-keep-all.h
 *
 * Korean is written with spaces between words, but Pango follows UAX #14,
 * which lets a line break between any two Hangul syllables: a wrapping label
 * showed "날/마다" and "찾아보십/시오". Browsers call the fix "word-break:
 * keep-all": a line breaks only where there is a space. This module gives
 * GtkLabels that rule by covering every word (a run between white space)
 * with an allow-breaks=false attribute, kept up to date when the label's
 * text, markup or attributes change.
 *
 * A word wider than about twelve Hangul syllables (or 24 narrow characters)
 * is left breakable: Pango never breaks inside a span that forbids it, so
 * such a word would overflow the label, or set the label's minimum width
 * and keep the window from getting narrow.
 *
 * dg_keep_all_install() is the one call the application makes: from then on
 * every label of the process gets the rule when it is realized, those of
 * libadwaita's rows, status pages, dialogs and toasts too, and no view has
 * to remember it.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Applies the rule to @label now and again whenever its text changes, while
 * it wraps; the label's own attributes and markup stay as they are. The
 * label's allow-breaks attributes belong to this module from then on. */
void     dg_keep_all_watch_label (GtkLabel *label);

/* Makes every GtkLabel watched once it is realized. Idempotent. */
void     dg_keep_all_install     (void);

/* Whether a line may start at byte @index of @text under the rule: at the
 * start, after white space, or inside a word too long to keep whole. */
gboolean dg_keep_all_is_line_start (const char *text,
                                    int         index);

G_END_DECLS
