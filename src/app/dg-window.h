/* dg-window.h
 *
 * The main window: a header bar with a view switcher over the app's pages
 * (Today, Customers, Calendar), a primary menu and a toast overlay that
 * every page uses (through dg-toast.h) to offer Undo after a destructive
 * action. It opens on Today. Pages reach it through its actions:
 * win.show-customer(id), win.show-followup(id), win.show-enrollment(id),
 * win.show-today, win.show-page(name), win.new-customer (the customer
 * editor) and win.show-stage-customers((stage, cohort)): the customer list
 * of the customers in a stage of a journey, where they can be acted on
 * together.
 */
#pragma once

#include <adwaita.h>

#include "dg-application.h"
#include "dg-core.h"

G_BEGIN_DECLS

#define DG_TYPE_WINDOW (dg_window_get_type ())

G_DECLARE_FINAL_TYPE (DgWindow, dg_window, DG, WINDOW, AdwApplicationWindow)

DgWindow  *dg_window_new            (DgApplication  *application,
                                     DgContext      *context);
DgContext *dg_window_get_context    (DgWindow       *self);
/* How long the toasts added from now on stay, in seconds; 0 keeps each
 * until it is dismissed. 5 unless set: the UI tests keep them, so that a
 * slow machine does not see an Undo go before the test presses it. */
void       dg_window_set_toast_timeout (DgWindow *self,
                                        guint     seconds);
/* Presents the window on the Customers page, showing the page of the
 * customer with @customer_id; a toast says so when there is no such
 * customer. */
void       dg_window_show_customer  (DgWindow       *self,
                                     gint64          customer_id);
/* Presents the window on the Customers page, listing the customers active
 * in stage @stage_id (of cohort @cohort_id when above 0) alone; a toast
 * says so when there is no such stage. */
void       dg_window_show_stage_customers (DgWindow *self,
                                           gint64    stage_id,
                                           gint64    cohort_id);
/* Presents the window on the follow-up with @followup_id: the calendar on
 * its day with it selected; without a calendar, the page of its customer,
 * or the follow-up editor when it is for no one in particular. A toast
 * says so when it no longer exists. What a reminder's "Open" does for a
 * follow-up that is for no one in particular. */
void       dg_window_show_followup  (DgWindow       *self,
                                     gint64          followup_id);
/* Presents the window on the Journeys page, on the board of the journey
 * of enrollment @enrollment_id with its card selected (see
 * dg_journeys_view_show_enrollment()); a toast says so when there is no
 * such enrollment. What a customer page's Open Board does. */
void       dg_window_show_enrollment (DgWindow      *self,
                                      gint64         enrollment_id);
/* Presents the window on the Today page: what opening a reminder that
 * lists several follow-ups does. */
void       dg_window_show_today     (DgWindow       *self);
/* The page named @name ("today", "customers", "calendar"), built now if
 * it was not shown yet; NULL for no such page. */
GtkWidget *dg_window_get_page       (DgWindow       *self,
                                     const char     *name);

G_END_DECLS
