/* dg-field-row.h
 *
 * One field of a form: an entry row that writes its own problem under the
 * text it holds. Setting an error shows the message inside the row, marks
 * the row with the `error` style class and gives the message to assistive
 * technologies as the field's description (with the invalid state); an
 * error of NULL takes all of that away again.
 *
 * Enter and Ctrl+Enter in the row submit the form the row belongs to: they
 * activate the row's submit action (such as "contact-form.log"), or, when
 * it has none, the default widget of the window (an editor's Save button).
 * The row handles Enter itself, so leave AdwEntryRow:activates-default off.
 *
 * Every editor builds its entry fields from it: the customer and follow-up
 * editors, the "Log contact" form, and the forms to come.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DG_TYPE_FIELD_ROW (dg_field_row_get_type ())

G_DECLARE_DERIVABLE_TYPE (DgFieldRow, dg_field_row, DG, FIELD_ROW, AdwEntryRow)

struct _DgFieldRowClass
{
  AdwEntryRowClass parent_class;

  /*< private >*/
  gpointer padding[4];
};

GtkWidget  *dg_field_row_new                   (void);

/* The message shown under the text; NULL when the field is fine. */
const char *dg_field_row_get_error             (DgFieldRow   *self);
/* Shows @error (NULL or "" hides it). */
void        dg_field_row_set_error             (DgFieldRow   *self,
                                                const char   *error);
/* Shows the message of @error, or hides the message when it is NULL;
 * returns whether there was one, to write `if (show_gerror (…)) focus…`. */
gboolean    dg_field_row_show_gerror           (DgFieldRow   *self,
                                                const GError *error);

/* The detailed action that Enter and Ctrl+Enter activate; NULL for the
 * window's default widget. */
const char *dg_field_row_get_submit_action     (DgFieldRow   *self);
void        dg_field_row_set_submit_action     (DgFieldRow   *self,
                                                const char   *action_name);

/* The text with blanks trimmed at both ends, never NULL. */
char       *dg_field_row_dup_trimmed_text      (DgFieldRow   *self);

/* Ctrl+Enter anywhere in @form activates @action_name (such as
 * "editor.save"), a multi-line text view included: a GtkTextView takes
 * Enter for itself, so the shortcut is caught before the focused widget
 * sees it. */
void        dg_form_add_save_shortcut          (GtkWidget    *form,
                                                const char   *action_name);

G_END_DECLS
