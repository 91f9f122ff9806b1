/* dg-customers-test-util.h
 *
 * Short ways to reach the Customers page of the window of the case that
 * runs (dg-ui-fixture.h): the view's widgets, its list and its selection,
 * and customers stored directly. A case added with DG_CUSTOMERS_TEST_ADD()
 * gets a fresh database and a 1100×720 window of its own, opened on the
 * Customers page, with toasts that stay until pressed.
 */
#pragma once

#include <adwaita.h>

#include "dg-application.h"
#include "dg-bulk-dialog.h"
#include "dg-customer-editor.h"
#include "dg-customers-view.h"
#include "dg-ui-fixture.h"
#include "dg-window.h"

G_BEGIN_DECLS

/* The Customers page in a window of 1100×720. */
extern const DgUiFixtureOptions dg_customers_test_options;

#define DG_CUSTOMERS_TEST_ADD(path, func)                                    \
  DG_UI_TEST_ADD_WITH ((path), &dg_customers_test_options, (func))

/* The window and database of the case that runs; the window is NULL once
 * the case destroyed it. */
DgWindow          *dg_customers_test_get_window      (void);
DgApplication     *dg_customers_test_get_app         (void);
DgDatabase        *dg_customers_test_get_database    (void);
DgCustomersView   *dg_customers_test_get_view        (void);
/* Shows the Customers page again, after a case went to another one. */
void               dg_customers_test_show_page       (void);
/* A widget of the view's template, else the first descendant with @id. */
GtkWidget         *dg_customers_test_view_child      (const char       *id);
/* Activates a customers.* action of the view; it must be enabled. */
void               dg_customers_test_activate        (const char       *name);

guint              dg_customers_test_n_items         (void);
/* The name of the customer in row @position of the list. */
char              *dg_customers_test_dup_name        (guint             position);
/* Whether the list holds exactly one customer, named @name. */
gboolean           dg_customers_test_shows_only      (const char       *name);
/* The id of the customer named @name in the list; fails without one. */
gint64             dg_customers_test_find_id         (const char       *name);
/* Customers in the database, archived or not. */
gint64             dg_customers_test_count_all       (void);

/* The column view's selection, through GTK's interface only. */
GtkSelectionModel *dg_customers_test_get_selection   (void);
/* The id of the one selected customer, or 0. */
gint64             dg_customers_test_selected_id     (void);

/* Stores a customer directly, as another part of the app would. */
void               dg_customers_test_insert          (const char       *name,
                                                      const char       *phone,
                                                      const char       *email,
                                                      const char       *organization,
                                                      const char       *tags_text);
/* Stores @n customers named "Bulk 000000", "Bulk 000001", … with phone
 * numbers 010-0000-0000, 010-0000-0001, … and e-mail addresses
 * bulk000000@example.com, … in one transaction of plain SQL: a hundred
 * thousand take a second instead of the quarter minute of the customer
 * API. Their search rows hold what the API would store for these ASCII
 * fields. Emits ::changed::customers once. */
void               dg_customers_test_insert_generated (guint           n);
/* Sets the string @property of the stored customer @id and saves it. */
void               dg_customers_test_update_field    (gint64            id,
                                                      const char       *property,
                                                      const char       *value);

/* Opens the page of the customer named @name, as Enter or a double click
 * on its row does, and waits until the page shows them. */
void               dg_customers_test_open            (const char       *name);

DgCustomerEditor  *dg_customers_test_wait_for_editor (void);
GtkWidget         *dg_customers_test_editor_child    (DgCustomerEditor *editor,
                                                      const char       *id);
void               dg_customers_test_editor_set_text (DgCustomerEditor *editor,
                                                      const char       *id,
                                                      const char       *text);

/* The dialog of a bulk action, once it has painted. */
DgBulkDialog      *dg_customers_test_wait_for_bulk_dialog (void);
/* Presses the button labelled @label of @dialog, as a user would: the
 * dialog responds, then closes. */
void               dg_customers_test_press_response  (gpointer          dialog,
                                                      const char       *label);

/* Saves a screenshot of @widget's window and checks it is a real PNG. */
void               dg_customers_test_screenshot      (GtkWidget        *widget,
                                                      const char       *name);

G_END_DECLS
