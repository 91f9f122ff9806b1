/* dg-journeys-empty.c
 *
 * The ways to start that the Journeys page offers before there is any
 * journey: each is a button in the page's status page, added here.
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-journeys-view-private.h"

static GtkWidget *
new_action_button (const char *label,
                   const char *action_name)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_add_css_class (button, "pill");

  return button;
}

void
_dg_journeys_view_fill_empty_actions (DgJourneysView *self,
                                      GtkBox         *box)
{
  GtkWidget *create = new_action_button (_("Create a Journey"), "journeys.create-journey");

  gtk_widget_add_css_class (create, "suggested-action");
  gtk_box_append (box, create);
}
