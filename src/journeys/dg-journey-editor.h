/* dg-journey-editor.h
 *
 * Editing the journeys of the Journeys page: the journey menu in the
 * page's header (rename, duplicate, delete with Undo, a new journey, one
 * from a template, the stages and cohorts dialogs) and the journeys.*
 * actions behind it, and the small name dialog the editors share.
 */
#pragma once

#include "dg-journeys-view-private.h"

G_BEGIN_DECLS

/* Called with the trimmed, non-empty name the user accepted. */
typedef void (*DgNameFunc) (const char *name,
                            gpointer    user_data);

/* Asks for a name in a message dialog over @widget's window, @text filled
 * in; its accept response is "save" and is enabled only while the name is
 * not blank. @func runs only when accepted, and only while @owner lives. */
GtkWidget *dg_journey_editor_ask_name (GtkWidget  *widget,
                                       GObject    *owner,
                                       const char *heading,
                                       const char *body,
                                       const char *text,
                                       const char *accept_label,
                                       DgNameFunc  func,
                                       gpointer    user_data);

/* Installs journeys.rename-journey, journeys.duplicate-journey,
 * journeys.delete-journey, journeys.use-template (s: a template's id),
 * journeys.edit-stages and journeys.edit-cohorts. */
void _dg_journeys_view_class_editor_init   (GtkWidgetClass *widget_class);
/* Puts the journey menu button into the header, after @sibling. */
void _dg_journeys_view_add_journey_menu    (DgJourneysView *self,
                                            GtkWidget      *sibling);
/* Enables the actions that need a journey. */
void _dg_journeys_view_update_editor_actions (DgJourneysView *self);

G_END_DECLS
