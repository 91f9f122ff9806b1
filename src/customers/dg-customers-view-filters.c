/* dg-customers-view-filters.c
 *
 * The filters of the customer list: a tag, a source (how customers found
 * the business), "no contact for N days" and a journey (its own file,
 * dg-customers-view-journey-filter.c). They are properties of the
 * view, changed through stateful actions, so that a menu shows which one
 * is on and anything inside the view (the tags of a customer's page) can
 * ask for them. The list filters in SQL; here they are chosen from the
 * Filter menu, shown as chips above the list, and cleared.
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-customers-view-private.h"

/* The choices of "no contact for" besides the going-cold days. */
static const guint no_contact_choices[] = { 14, 30, 60, 90, 180, 365 };

#define DEFAULT_GOING_COLD_DAYS 30

/* The "going-cold-days" setting, as the Today page reads it. */
static guint
get_going_cold_days (DgCustomersView *self)
{
  GSettings *settings = self->context ? dg_context_get_settings (self->context) : NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings == NULL)
    return DEFAULT_GOING_COLD_DAYS;

  g_object_get (settings, "settings-schema", &schema, NULL);
  if (schema == NULL || !g_settings_schema_has_key (schema, "going-cold-days"))
    return DEFAULT_GOING_COLD_DAYS;

  return MAX (1, g_settings_get_int (settings, "going-cold-days"));
}

gboolean
_dg_customers_view_has_filters (DgCustomersView *self)
{
  return self->filter_tag != NULL || self->filter_source != NULL ||
         self->filter_no_contact_days > 0 || self->filter_journey_id > 0;
}

void
_dg_customers_view_get_filters (DgCustomersView *self,
                                DgCustomerQuery *query)
{
  query->tag = self->filter_tag;
  query->source = self->filter_source;
  query->no_contact_days = self->filter_no_contact_days;
  query->journey_id = self->filter_journey_id;
  query->stage_id = self->filter_stage_id;
  query->cohort_id = self->filter_cohort_id;
  query->journey_status = self->filter_journey_status;
}

/* A label for a menu item: GMenu reads "_" as a mnemonic. */
static char *
escape_underlines (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

static char *
format_days (guint days)
{
  /* Translators: a choice of the filter "No Contact For" of the customer
   * list. */
  return g_strdup_printf (ngettext ("%u day", "%u days", days), days);
}

/* A chip of the filter bar: what a filter keeps, and a button that
 * removes it through @action_name with @target. */
static GtkWidget *
make_chip (const char *text,
           int         max_width_chars,
           const char *action_name,
           GVariant   *target)
{
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");
  g_autofree char *remove = NULL;

  gtk_widget_add_css_class (chip, "filter-chip");
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), max_width_chars);
  gtk_widget_set_margin_start (label, 4);
  gtk_box_append (GTK_BOX (chip), label);

  /* Translators: the tooltip and accessible name of the button that
   * removes one filter of the customer list; %s is the filter, such as
   * "Tag: VIP". */
  remove = g_strdup_printf (_("Remove “%s”"), text);
  gtk_widget_set_tooltip_text (button, remove);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove,
                                  -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_box_append (GTK_BOX (chip), button);

  return chip;
}

static void
add_chip (DgCustomersView *self,
          GtkWidget       *chip)
{
  gtk_box_append (self->filter_chips, chip);
}

static void
dg_customers_view_update_filter_bar (DgCustomersView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->filter_chips))))
    gtk_box_remove (self->filter_chips, child);

  if (self->filter_tag != NULL)
    {
      /* Translators: a chip above the customer list while it shows only
       * the customers with a tag; %s is the tag. */
      g_autofree char *text = g_strdup_printf (_("Tag: %s"), self->filter_tag);

      add_chip (self, make_chip (text, 28, "customers.filter-tag", g_variant_new_string ("")));
    }

  if (self->filter_source != NULL)
    {
      /* Translators: a chip above the customer list while it shows only
       * the customers who found the business one way; %s is that source. */
      g_autofree char *text = g_strdup_printf (_("Source: %s"), self->filter_source);

      add_chip (self, make_chip (text, 28, "customers.filter-source", g_variant_new_string ("")));
    }

  if (self->filter_no_contact_days > 0)
    {
      guint days = self->filter_no_contact_days;
      /* Translators: a chip above the customer list while it shows only
       * the customers with no call, message or meeting logged for at
       * least %u days. */
      g_autofree char *text = g_strdup_printf (ngettext ("No contact for %u day", "No contact for %u days", days),
                                               days);

      add_chip (self, make_chip (text, 28, "customers.filter-no-contact", g_variant_new_uint32 (0)));
    }

  if (_dg_customers_view_get_journey_chip_text (self) != NULL)
    /* Its parts (journey, stage, cohort, status) make it longer. */
    add_chip (self, make_chip (_dg_customers_view_get_journey_chip_text (self), 60,
                               "customers.filter-journey", g_variant_new_string ("")));

  gtk_widget_set_visible (self->filter_bar, _dg_customers_view_has_filters (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.clear-filters",
                                 _dg_customers_view_has_filters (self));
}

void
_dg_customers_view_filters_changed (DgCustomersView *self)
{
  if (self->list != NULL)
    {
      DgCustomerQuery query;

      dg_customer_list_get_query (self->list, &query);
      _dg_customers_view_get_filters (self, &query);
      dg_customer_list_set_query (self->list, &query);
    }

  dg_customers_view_update_filter_bar (self);
  _dg_customers_view_update_state (self);
}

/* NULL for NULL or blank, else @text without the white space around it. */
static char *
dup_filter_text (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  return *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
}

static gboolean
set_filter_text (char       **field,
                 const char  *text)
{
  g_autofree char *value = dup_filter_text (text);

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_steal_pointer (&value);

  return TRUE;
}

void
_dg_customers_view_set_filter_tag (DgCustomersView *self,
                                   const char      *tag)
{
  if (!set_filter_text (&self->filter_tag, tag))
    return;

  _dg_customers_view_filters_changed (self);
  g_object_notify (G_OBJECT (self), "filter-tag");
}

void
_dg_customers_view_set_filter_source (DgCustomersView *self,
                                      const char      *source)
{
  if (!set_filter_text (&self->filter_source, source))
    return;

  _dg_customers_view_filters_changed (self);
  g_object_notify (G_OBJECT (self), "filter-source");
}

void
_dg_customers_view_set_no_contact_days (DgCustomersView *self,
                                        guint            days)
{
  if (self->filter_no_contact_days == days)
    return;

  self->filter_no_contact_days = days;
  _dg_customers_view_filters_changed (self);
  g_object_notify (G_OBJECT (self), "no-contact-days");
}

static void
dg_customers_view_clear_filters (DgCustomersView *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  _dg_customers_view_set_filter_tag (self, NULL);
  _dg_customers_view_set_filter_source (self, NULL);
  _dg_customers_view_set_no_contact_days (self, 0);
  _dg_customers_view_set_journey_filter (self, 0, 0, 0, DG_ENROLLMENT_ACTIVE);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  dg_customers_view_clear_filters (DG_CUSTOMERS_VIEW (widget));
}

/* Shows the list with one filter alone: the search and the other filters
 * go, or they would hide some of the customers asked for. */
static void
show_only (DgCustomersView    *self,
           const char         *tag,
           gint64              journey_id,
           gint64              stage_id,
           gint64              cohort_id,
           DgEnrollmentStatus  status)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  if (self->list != NULL)
    dg_customer_list_set_text (self->list, NULL);

  g_object_freeze_notify (G_OBJECT (self));
  _dg_customers_view_set_filter_source (self, NULL);
  _dg_customers_view_set_no_contact_days (self, 0);
  _dg_customers_view_set_journey_filter (self, journey_id, stage_id, cohort_id, status);
  _dg_customers_view_set_filter_tag (self, tag);
  g_object_thaw_notify (G_OBJECT (self));

  _dg_customers_view_show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* Clicking a tag: the customers with that tag, all of them, in the list. */
static void
show_tagged_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  show_only (DG_CUSTOMERS_VIEW (widget), g_variant_get_string (parameter, NULL),
             0, 0, 0, DG_ENROLLMENT_ACTIVE);
}

void
dg_customers_view_show_journey (DgCustomersView *self,
                                gint64           journey_id,
                                gint64           stage_id,
                                gint64           cohort_id)
{
  g_return_if_fail (DG_IS_CUSTOMERS_VIEW (self));

  show_only (self, NULL, journey_id, stage_id, cohort_id, DG_ENROLLMENT_ACTIVE);
}

/* A radio item of the filter menu: @action_name set to @target. */
static void
append_choice (GMenu      *section,
               const char *label,
               const char *action_name,
               GVariant   *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action_name, target);
  g_menu_append_item (section, item);
}

/* An item that says why there is nothing to choose: its action does not
 * exist, so it shows greyed out. */
static void
append_note (GMenu      *section,
             const char *label)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_attribute (item, G_MENU_ATTRIBUTE_ACTION, "s", "customers.none");
  g_menu_append_item (section, item);
}

static void
fill_names (GMenu       *section,
            char       **names,
            const char  *any_label,
            const char  *none_label,
            const char  *action_name)
{
  g_menu_remove_all (section);
  append_choice (section, any_label, action_name, g_variant_new_string (""));

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *label = escape_underlines (names[i]);

      append_choice (section, label, action_name, g_variant_new_string (names[i]));
    }

  if (names == NULL || names[0] == NULL)
    append_note (section, none_label);
}

/* The menu reads the tags and sources in use each time it opens. */
static void
dg_customers_view_fill_filter_menu (DgCustomersView *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) sources = NULL;
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (guint));
  guint cold_days = get_going_cold_days (self);
  DgDatabase *database;

  if (self->context == NULL)
    return;

  database = dg_context_get_database (self->context);
  tags = dg_tags_list (database, &error);
  if (tags == NULL)
    {
      g_warning ("Could not list the tags: %s", error->message);
      g_clear_error (&error);
    }
  sources = dg_customers_list_sources (database, &error);
  if (sources == NULL)
    g_warning ("Could not list the sources: %s", error->message);

  fill_names (self->filter_tag_section, tags,
              /* Translators: in the filter menu of the customer list: no
               * tag filter. */
              _("Any Tag"), _("No tags yet"), "customers.filter-tag");
  fill_names (self->filter_source_section, sources,
              /* Translators: in the filter menu of the customer list: no
               * source filter. */
              _("Any Source"), _("No sources yet"), "customers.filter-source");

  _dg_customers_view_fill_journey_menu (self, database);

  g_menu_remove_all (self->filter_no_contact_section);
  append_choice (self->filter_no_contact_section,
                 /* Translators: in the filter menu of the customer list, under
                  * "No Contact For": no filter on the last contact. */
                 _("Any Time"), "customers.filter-no-contact", g_variant_new_uint32 (0));

  /* The going-cold days of the Today page among the usual choices, and
   * whatever the filter stands at now. */
  for (guint i = 0; i < G_N_ELEMENTS (no_contact_choices); i++)
    g_array_append_val (days, no_contact_choices[i]);
  g_array_append_val (days, cold_days);
  if (self->filter_no_contact_days > 0)
    g_array_append_val (days, self->filter_no_contact_days);

  for (guint last = 0;;)
    {
      guint next = G_MAXUINT;
      g_autofree char *label = NULL;

      /* The next larger one, so that each shows once, in order. */
      for (guint i = 0; i < days->len; i++)
        {
          guint d = g_array_index (days, guint, i);

          if (d > last && d < next)
            next = d;
        }
      if (next == G_MAXUINT)
        break;
      last = next;

      if (next == cold_days)
        {
          g_autofree char *plain = format_days (next);

          /* Translators: a choice of "No Contact For" in the filter menu
           * of the customer list: %s is "30 days", the days after which
           * the Today page lists a customer as going cold. */
          label = g_strdup_printf (_("%s (going cold)"), plain);
        }
      else
        {
          label = format_days (next);
        }

      append_choice (self->filter_no_contact_section, label,
                     "customers.filter-no-contact", g_variant_new_uint32 (next));
    }
}

static void
on_filter_popover_show_cb (GtkWidget       *popover,
                           DgCustomersView *self)
{
  dg_customers_view_fill_filter_menu (self);
}

/* The popover is built when first opened, not with the view's first
 * frame; it is filled again each time it shows. */
static void
create_filter_popup_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  DgCustomersView *self = DG_CUSTOMERS_VIEW (user_data);
  GtkPopover *popover;

  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;

  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (self->filter_menu));
  popover = gtk_menu_button_get_popover (button);
  g_signal_connect_object (popover, "show",
                           G_CALLBACK (on_filter_popover_show_cb),
                           self, 0);
  dg_customers_view_fill_filter_menu (self);
}

/* "No contact for N days" counts back from now: when the clock jumps or a
 * day begins, the list is read again. */
static void
on_clock_changed_cb (DgClock         *clock,
                     DgCustomersView *self)
{
  if (self->list != NULL && self->filter_no_contact_days > 0)
    dg_customer_list_reload (self->list);
}

void
_dg_customers_view_filters_set_context (DgCustomersView *self,
                                        DgContext       *old_context)
{
  if (old_context != NULL)
    {
      DgClock *old_clock = dg_context_get_clock (old_context);

      g_clear_signal_handler (&self->clock_changed_handler, old_clock);
      g_clear_signal_handler (&self->clock_day_handler, old_clock);
    }

  if (self->context != NULL)
    {
      DgClock *clock = dg_context_get_clock (self->context);

      self->clock_changed_handler = g_signal_connect_object (clock, "changed",
                                                             G_CALLBACK (on_clock_changed_cb),
                                                             self, 0);
      self->clock_day_handler = g_signal_connect_object (clock, "day-changed",
                                                         G_CALLBACK (on_clock_changed_cb),
                                                         self, 0);
      if (self->list != NULL)
        dg_customer_list_set_clock (self->list, clock);
    }

  _dg_customers_view_journey_filter_set_context (self, old_context);
  dg_customers_view_update_filter_bar (self);
}

void
_dg_customers_view_dispose_filters (DgCustomersView *self)
{
  if (self->context != NULL)
    {
      DgClock *clock = dg_context_get_clock (self->context);

      g_clear_signal_handler (&self->clock_changed_handler, clock);
      g_clear_signal_handler (&self->clock_day_handler, clock);
    }

  g_clear_pointer (&self->filter_tag, g_free);
  g_clear_pointer (&self->filter_source, g_free);
  _dg_customers_view_dispose_journey_filter (self);
}

void
_dg_customers_view_init_filters (DgCustomersView *self)
{
  gtk_menu_button_set_create_popup_func (self->filter_button, create_filter_popup_cb, self, NULL);
}

void
_dg_customers_view_class_filters_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "customers.filter-tag", "filter-tag");
  gtk_widget_class_install_property_action (widget_class, "customers.filter-source", "filter-source");
  gtk_widget_class_install_property_action (widget_class, "customers.filter-no-contact", "no-contact-days");
  gtk_widget_class_install_property_action (widget_class, "customers.filter-journey", "filter-journey");
  gtk_widget_class_install_action (widget_class, "customers.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "customers.show-tagged", "s", show_tagged_action);
}
