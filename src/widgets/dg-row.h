/* dg-row.h
 *
 * A list row with a title, a subtitle under it, and widgets before and
 * after them: what AdwActionRow shows, styled by the same style classes,
 * for the lists a page fills before its first frame.
 *
 * The title and subtitle wrap as AdwActionRow's do. What differs is how
 * the row is measured: it gives the texts the width its other widgets leave
 * and asks them only how tall they are at that width. A row of GtkBox asks
 * its texts how wide they must be for the height it has, which a wrapping
 * label answers by laying its text out again and again until it fits;
 * with a few dozen rows that was most of the Today page's first frame.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DG_TYPE_ROW (dg_row_get_type ())

G_DECLARE_FINAL_TYPE (DgRow, dg_row, DG, ROW, GtkListBoxRow)

GtkWidget  *dg_row_new          (void);

const char *dg_row_get_title    (DgRow      *self);
void        dg_row_set_title    (DgRow      *self,
                                 const char *title);

/* The line under the title; NULL or "" hides it. */
const char *dg_row_get_subtitle (DgRow      *self);
void        dg_row_set_subtitle (DgRow      *self,
                                 const char *subtitle);

/* Before the texts (at the start of the line), in the order added. */
void        dg_row_add_prefix   (DgRow      *self,
                                 GtkWidget  *widget);
/* After the texts, in the order added. */
void        dg_row_add_suffix   (DgRow      *self,
                                 GtkWidget  *widget);

G_END_DECLS
