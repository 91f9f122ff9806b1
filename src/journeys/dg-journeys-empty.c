/* dg-journeys-empty.c
 *
 * The ways to start that the Journeys page offers before there is any
 * journey, added to the page's status page here: an empty journey of
 * their own, the demo data (while there is no customer, as on the Today
 * and Customers pages), or one of the templates Dangol ships, each with
 * what it is for, in the language of the interface.
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

  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *list;

  gtk_widget_add_css_class (create, "suggested-action");
  gtk_widget_set_halign (create, GTK_ALIGN_CENTER);
  gtk_box_append (box, create);

  /* Translators: fills an empty Dangol with made-up customers to look
   * around with. */
  self->empty_demo_button = new_action_button (_("Load Demo Data"), "win.load-demo");
  gtk_widget_set_name (self->empty_demo_button, "empty-demo-button");
  gtk_widget_set_tooltip_text (self->empty_demo_button,
                               _("Fill Dangol with made-up customers, journeys and follow-ups to "
                                 "see how it works"));
  gtk_widget_set_halign (self->empty_demo_button, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->empty_demo_button, FALSE);
  gtk_box_append (box, self->empty_demo_button);

  templates = dg_journey_templates_list (NULL, NULL, &error);
  if (templates == NULL)
    {
      g_warning ("Could not read the journey templates: %s", error->message);
      return;
    }
  if (templates->len == 0)
    return;

  list = gtk_list_box_new ();
  gtk_widget_set_name (list, "template-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Or start from a template"), -1);

  for (guint i = 0; i < templates->len; i++)
    {
      DgJourneyTemplate *tmpl = g_ptr_array_index (templates, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *use = gtk_button_new_with_label (_("Use"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tmpl->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), tmpl->description);
      gtk_widget_set_valign (use, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (use), "journeys.use-template");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (use), g_variant_new_string (tmpl->id));
      /* Translators: the tooltip of the button that creates a journey
       * from a template; %s is the template's name. */
      {
        g_autofree char *tooltip = g_strdup_printf (_("Create a journey from “%s”"), tmpl->name);

        gtk_widget_set_tooltip_text (use, tooltip);
      }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), use);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), use);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  {
    GtkWidget *label = gtk_label_new (_("Or start from a template"));

    gtk_widget_add_css_class (label, "heading");
    gtk_widget_set_margin_top (label, 12);
    gtk_box_append (box, label);
  }
  {
    /* The descriptions are long: they wrap instead of widening the page. */
    GtkWidget *clamp = adw_clamp_new ();

    adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
    gtk_widget_set_size_request (clamp, 360, -1);
    adw_clamp_set_child (ADW_CLAMP (clamp), list);
    gtk_box_append (box, clamp);
  }
}

void
_dg_journeys_view_update_empty_demo (DgJourneysView *self)
{
  DgCustomerQuery everyone = { .archived = DG_ARCHIVED_INCLUDE };
  g_autoptr(GError) error = NULL;
  gint64 n = -1;

  /* Counted only while the page shows no journey. */
  if (self->context != NULL && self->journey_id == 0)
    n = dg_customers_count (dg_context_get_database (self->context), &everyone, &error);
  if (error != NULL)
    g_warning ("Could not count the customers: %s", error->message);

  gtk_widget_set_visible (self->empty_demo_button, n == 0);
}
