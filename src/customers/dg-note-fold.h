/* dg-note-fold.h
 *
 * A note that may be long, folded to its first lines (DG_NOTE_FOLD_LINES)
 * with a "Show More" button under it that unfolds it ("Show Less" folds
 * it again). The button is there only when the text does not fit those
 * lines at the width it is given. Used for a customer's note and the
 * notes of the contact history.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DG_NOTE_FOLD_LINES 4

#define DG_TYPE_NOTE_FOLD (dg_note_fold_get_type ())

G_DECLARE_FINAL_TYPE (DgNoteFold, dg_note_fold, DG, NOTE_FOLD, GtkWidget)

GtkWidget *dg_note_fold_new          (void);
void       dg_note_fold_set_text     (DgNoteFold *self,
                                      const char *text);
/* The label showing the text, for its style and selection. */
GtkLabel  *dg_note_fold_get_label    (DgNoteFold *self);
/* The Show More / Show Less button; not shown when the text fits. */
GtkWidget *dg_note_fold_get_button   (DgNoteFold *self);
/* Whether the text has more lines than are shown folded, at the width it
 * was last given. */
gboolean   dg_note_fold_get_overflows (DgNoteFold *self);
gboolean   dg_note_fold_get_expanded (DgNoteFold *self);
void       dg_note_fold_set_expanded (DgNoteFold *self,
                                      gboolean    expanded);

G_END_DECLS
