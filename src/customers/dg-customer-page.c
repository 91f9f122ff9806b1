/* dg-customer-page.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-customer-page-private.h"
#include "dg-format.h"
#include "dg-interaction-form.h"

G_DEFINE_FINAL_TYPE (DgCustomerPage, dg_customer_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CUSTOMER,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Shows @text, or a dimmed dash when the field is empty, so that every
 * field keeps its row and the page reads the same for every customer. */
static void
set_value (GtkLabel   *label,
           const char *text)
{
  gboolean empty = text == NULL || *text == '\0';

  gtk_label_set_text (label, empty ? "—" : text);
  if (empty)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
}

static void
dg_customer_page_fill_tags (DgCustomerPage *self)
{
  const char * const *tags = dg_customer_get_tags (self->customer);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))))
    gtk_flow_box_remove (self->tags_box, child);

  /* A tag is a button: the list of every customer with it, through the
   * Customers view's customers.show-tagged. */
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (tags[i]);
      g_autofree char *tooltip = NULL;

      gtk_widget_add_css_class (button, "tag-pill");
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "customers.show-tagged");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (tags[i]));
      /* Translators: the tooltip of a tag on a customer's page; %s is the
       * tag. */
      tooltip = g_strdup_printf (_("Show the customers tagged “%s”"), tags[i]);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_flow_box_append (self->tags_box, button);
      /* Tab goes to the tag's button, not to the flow box's child. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->tags_box), tags != NULL && tags[0] != NULL);
}

static void
dg_customer_page_fill (DgCustomerPage *self)
{
  DgCustomer *customer = self->customer;
  const char *organization = dg_customer_get_organization (customer);
  const char *note = dg_customer_get_note (customer);
  g_autofree char *phone = NULL;
  g_autofree char *birthday = NULL;
  g_autofree char *consent = NULL;
  g_autofree char *created = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *times = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  gboolean archived = dg_customer_get_archived (customer);

  tz = self->context != NULL
       ? dg_clock_dup_time_zone (dg_context_get_clock (self->context))
       : g_time_zone_new_local ();

  gtk_label_set_text (self->name_label, dg_customer_get_name (customer));
  gtk_widget_set_visible (GTK_WIDGET (self->archived_label), archived);
  g_menu_remove_all (self->archive_section);
  g_menu_append (self->archive_section,
                 archived ? _("_Unarchive") : _("_Archive"),
                 "customers.archive");

  gtk_label_set_text (self->subtitle_label, organization ? organization : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label),
                          organization != NULL && *organization != '\0');

  dg_customer_page_fill_tags (self);

  phone = dg_phone_format_display (dg_customer_get_phone (customer));
  set_value (self->phone_value, phone);
  set_value (self->email_value, dg_customer_get_email (customer));
  set_value (self->organization_value, organization);
  set_value (self->source_value, dg_customer_get_source (customer));

  /* A birthday the core accepted is a real date; should it ever not be,
   * the stored text is still better than nothing. A lunar one is no
   * solar date: it is shown as stored, marked lunar. */
  if (dg_customer_get_birthday (customer) != NULL && dg_customer_get_birthday_lunar (customer))
    birthday = g_strdup_printf (dg_customer_get_birthday_leap_month (customer)
                                  /* Translators: a lunar birthday (음력) in a leap month (윤달); %s is YYYY-MM-DD. */
                                  ? _("Lunar %s, leap month")
                                  /* Translators: a lunar birthday (음력); %s is YYYY-MM-DD. */
                                  : _("Lunar %s"),
                                dg_customer_get_birthday (customer));
  else
    birthday = dg_format_iso_date (dg_customer_get_birthday (customer));
  set_value (self->birthday_value, birthday ? birthday : dg_customer_get_birthday (customer));

  if (dg_customer_get_marketing_consent (customer))
    {
      g_autofree char *date = dg_format_date (dg_customer_get_consent_at (customer), tz);

      if (date != NULL)
        /* Translators: marketing consent; %s is the day it was given. */
        consent = g_strdup_printf (_("Given on %s"), date);
      else
        consent = g_strdup (_("Given"));
    }
  else
    {
      consent = g_strdup (_("Not given"));
    }
  set_value (self->consent_value, consent);

  if (note != NULL && *note != '\0')
    {
      dg_note_fold_set_text (self->note_fold, note);
      gtk_widget_remove_css_class (GTK_WIDGET (dg_note_fold_get_label (self->note_fold)), "dim-label");
    }
  else
    {
      dg_note_fold_set_text (self->note_fold, _("No note yet."));
      gtk_widget_add_css_class (GTK_WIDGET (dg_note_fold_get_label (self->note_fold)), "dim-label");
    }

  created = dg_format_date_time (dg_customer_get_created_at (customer), tz);
  updated = dg_format_date_time (dg_customer_get_updated_at (customer), tz);
  /* Translators: at the bottom of a customer's page; %1$s is when the
   * customer was added, %2$s when they were last changed. */
  times = g_strdup_printf (_("Added %1$s · Updated %2$s"),
                           created ? created : "—",
                           updated ? updated : "—");
  gtk_label_set_text (self->times_label, times);
}

static gint64
get_id (DgCustomer *customer)
{
  return customer != NULL ? dg_customer_get_id (customer) : 0;
}

static void
dg_customer_page_set_customer (DgCustomerPage *self,
                               DgCustomer     *customer)
{
  gboolean changed = self->customer != customer;
  gboolean other_customer = get_id (self->customer) != get_id (customer);

  g_set_object (&self->customer, customer);

  if (self->customer != NULL)
    dg_customer_page_fill (self);

  /* The same customer read again (its last contact moved, say) keeps its
   * history as shown; the lists follow their own tables. */
  if (other_customer)
    {
      self->show_all_contacts = FALSE;
      dg_interaction_form_set_customer_id (self->contact_form, get_id (customer));
      _dg_customer_page_reload_followups (self);
      _dg_customer_page_reload_history (self);
      _dg_customer_page_reload_journeys (self);
    }

  /* The Customers view follows this to enable its actions and to leave a
   * page whose customer is gone. */
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CUSTOMER]);
}

gboolean
dg_customer_page_load (DgCustomerPage  *self,
                       gint64           id,
                       GError         **error)
{
  g_autoptr(DgCustomer) customer = NULL;

  g_return_val_if_fail (DG_IS_CUSTOMER_PAGE (self), FALSE);
  g_return_val_if_fail (self->context != NULL, FALSE);

  customer = dg_customers_get (dg_context_get_database (self->context), id, error);
  if (customer == NULL)
    return FALSE;

  dg_customer_page_set_customer (self, customer);

  return TRUE;
}

void
dg_customer_page_clear (DgCustomerPage *self)
{
  g_return_if_fail (DG_IS_CUSTOMER_PAGE (self));

  dg_customer_page_set_customer (self, NULL);
}

DgCustomer *
dg_customer_page_get_customer (DgCustomerPage *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_PAGE (self), NULL);

  return self->customer;
}

static void
on_customers_changed_cb (DgDatabase     *database,
                         const char     *table,
                         DgCustomerPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->customer == NULL)
    return;

  if (!dg_customer_page_load (self, dg_customer_get_id (self->customer), &error))
    {
      if (!g_error_matches (error, DG_ERROR, DG_ERROR_NOT_FOUND))
        g_warning ("Could not reload the customer: %s", error->message);
      dg_customer_page_clear (self);
    }
}

static void
on_interactions_changed_cb (DgDatabase     *database,
                            const char     *table,
                            DgCustomerPage *self)
{
  _dg_customer_page_reload_history (self);
}

static void
on_followups_changed_cb (DgDatabase     *database,
                         const char     *table,
                         DgCustomerPage *self)
{
  _dg_customer_page_reload_followups (self);
}

static void
on_enrollments_changed_cb (DgDatabase     *database,
                           const char     *table,
                           DgCustomerPage *self)
{
  _dg_customer_page_reload_journeys (self);
}

/* "Today", "Yesterday" and overdue depend on the time: a jump (a resume
 * from suspend, a new time zone) redraws them. */
static void
on_clock_changed_cb (DgClock        *clock,
                     DgCustomerPage *self)
{
  _dg_customer_page_reload_followups (self);
  _dg_customer_page_reload_history (self);
  _dg_customer_page_reload_journeys (self);
}

static void
dg_customer_page_disconnect (DgCustomerPage *self)
{
  DgDatabase *database;

  if (self->context == NULL)
    return;

  database = dg_context_get_database (self->context);
  g_clear_signal_handler (&self->customers_handler, database);
  g_clear_signal_handler (&self->interactions_handler, database);
  g_clear_signal_handler (&self->followups_handler, database);
  g_clear_signal_handler (&self->enrollments_handler, database);
  g_clear_signal_handler (&self->clock_handler, dg_context_get_clock (self->context));
}

DgContext *
dg_customer_page_get_context (DgCustomerPage *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_PAGE (self), NULL);

  return self->context;
}

void
dg_customer_page_set_context (DgCustomerPage *self,
                              DgContext      *context)
{
  g_return_if_fail (DG_IS_CUSTOMER_PAGE (self));
  g_return_if_fail (!context || DG_IS_CONTEXT (context));

  if (self->context == context)
    return;

  dg_customer_page_disconnect (self);
  dg_customer_page_clear (self);
  g_set_object (&self->context, context);
  dg_interaction_form_set_context (self->contact_form, context);

  if (self->context != NULL)
    {
      DgDatabase *database = dg_context_get_database (self->context);

      self->customers_handler =
        g_signal_connect_object (database, "changed::customers",
                                 G_CALLBACK (on_customers_changed_cb),
                                 self, 0);
      self->interactions_handler =
        g_signal_connect_object (database, "changed::interactions",
                                 G_CALLBACK (on_interactions_changed_cb),
                                 self, 0);
      self->followups_handler =
        g_signal_connect_object (database, "changed::followups",
                                 G_CALLBACK (on_followups_changed_cb),
                                 self, 0);
      self->enrollments_handler =
        g_signal_connect_object (database, "changed::" DG_TABLE_ENROLLMENTS,
                                 G_CALLBACK (on_enrollments_changed_cb),
                                 self, 0);
      self->clock_handler =
        g_signal_connect_object (dg_context_get_clock (self->context), "changed",
                                 G_CALLBACK (on_clock_changed_cb),
                                 self, 0);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTEXT]);
}

static void
dg_customer_page_dispose (GObject *object)
{
  DgCustomerPage *self = (DgCustomerPage *)object;
  GtkWidget *child;

  dg_customer_page_disconnect (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_CUSTOMER_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->customer);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (dg_customer_page_parent_class)->dispose (object);
}

static void
dg_customer_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DgCustomerPage *self = DG_CUSTOMER_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_CUSTOMER:
      g_value_set_object (value, self->customer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_customer_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DgCustomerPage *self = DG_CUSTOMER_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      dg_customer_page_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_customer_page_class_init (DgCustomerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_customer_page_dispose;
  object_class->get_property = dg_customer_page_get_property;
  object_class->set_property = dg_customer_page_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         DG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CUSTOMER] =
    g_param_spec_object ("customer", NULL, NULL,
                         DG_TYPE_CUSTOMER,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "customerpage");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/customers/dg-customer-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DgCustomerPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerPage, page_menu);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerPage, archive_section);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerPage, archived_label);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerPage, tags_box);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerPage, phone_value);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerPage, email_value);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerPage, organization_value);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerPage, source_value);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerPage, birthday_value);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerPage, consent_value);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerPage, note_fold);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerPage, times_label);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerPage, followups_list);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerPage, followups_empty);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerPage, contact_form);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerPage, history_empty);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerPage, show_all_button);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerPage, journeys_group);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerPage, journeys_list);

  _dg_customer_page_class_history_init (widget_class);

  g_type_ensure (DG_TYPE_INTERACTION_FORM);
  g_type_ensure (DG_TYPE_NOTE_FOLD);
}

static void
dg_customer_page_init (DgCustomerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Opened from the window's corner, the menu grows leftwards and stays
   * inside the window. */
  gtk_widget_set_halign (GTK_WIDGET (gtk_menu_button_get_popover (self->menu_button)), GTK_ALIGN_END);
}
