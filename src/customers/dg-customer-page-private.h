/* dg-customer-page-private.h
 *
 * What dg-customer-page.c (the customer's details) and
 * dg-customer-page-history.c (the customer's follow-ups, contact log and
 * their actions) and dg-customer-page-journeys.c (the journeys the
 * customer is in) share.
 */
#pragma once

#include <adwaita.h>

#include "dg-customer-page.h"
#include "dg-interaction-form.h"
#include "dg-note-fold.h"

G_BEGIN_DECLS

struct _DgCustomerPage
{
  GtkWidget          parent_instance;

  DgContext         *context;
  DgCustomer        *customer;
  gulong             customers_handler;
  gulong             interactions_handler;
  gulong             followups_handler;
  gulong             enrollments_handler;
  gulong             clock_handler;
  /* The timeline shows the latest contacts until asked for all of them. */
  gboolean           show_all_contacts;

  GtkMenuButton     *menu_button;
  GMenu             *page_menu;
  /* Archive or Unarchive, whichever the customer needs. */
  GMenu             *archive_section;
  GtkLabel          *name_label;
  GtkLabel          *archived_label;
  GtkLabel          *subtitle_label;
  GtkFlowBox        *tags_box;
  GtkLabel          *phone_value;
  GtkLabel          *email_value;
  GtkLabel          *organization_value;
  GtkLabel          *source_value;
  GtkLabel          *birthday_value;
  GtkLabel          *consent_value;
  DgNoteFold        *note_fold;
  GtkLabel          *times_label;

  GtkListBox        *followups_list;
  GtkLabel          *followups_empty;
  DgInteractionForm *contact_form;
  GtkListBox        *history_list;
  GtkLabel          *history_empty;
  GtkButton         *show_all_button;
  AdwPreferencesGroup *journeys_group;
  GtkListBox        *journeys_list;
};

void _dg_customer_page_class_history_init (GtkWidgetClass *widget_class);
/* Shows the customer's open follow-ups, and its contact log, as stored
 * now; empties them when there is no customer. */
void _dg_customer_page_reload_followups   (DgCustomerPage *self);
void _dg_customer_page_reload_history     (DgCustomerPage *self);
/* Shows the journeys the customer is in (dg-customer-page-journeys.c), or
 * hides their section when there are none. */
void _dg_customer_page_reload_journeys    (DgCustomerPage *self);

G_END_DECLS
