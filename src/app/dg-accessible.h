/* dg-accessible.h
 *
 * Accessible names that GTK 4.8 gets wrong for every button of a kind,
 * put right in one place for the whole app rather than button by button:
 * a button whose label has a mnemonic is read with the underscore and the
 * text twice ("_Save Save"), and an icon-only button or menu button is read
 * by its type name ("GtkMenuButton") although its tooltip says what it
 * does; so is a drop-down and the button inside it. A translated label
 * keeps its bracketed mnemonic letter ("저장(S)"), also for the switch or
 * spin button of a row. Controls that need a name of their own (an entry under a visible
 * label, a text view) get it in their .ui file.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* From now on, every button of the process gets a clean name as it is
 * mapped. Safe to call more than once. */
void dg_accessible_install_button_names (void);
/* Puts the name of @widget right now, if it is a button of those kinds;
 * what the installed hook does on map. */
void dg_accessible_fix_button_name      (GtkWidget *widget);

/* @label without its mnemonic: "_Save" → "Save", "저장(_S)" → "저장". */
char *dg_accessible_strip_mnemonic      (const char *label);

G_END_DECLS
