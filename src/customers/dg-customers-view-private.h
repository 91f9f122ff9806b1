/* dg-customers-view-private.h
 *
 * What the files of DgCustomersView share: dg-customers-view.c (the
 * widget), -columns.c (cells and sorting), -rows.c (the list of a narrow
 * window), -loading.c (the first frame), -actions.c (what its actions do
 * to one customer), -bulk.c (the selection bar and what it does to many)
 * -filters.c (the filter menu, the bar of filters in use and their
 * actions) and -journey-filter.c (the filter by journey, stage, cohort
 * and status).
 */
#pragma once

#include <adwaita.h>

#include "dg-customer-page.h"
#include "dg-customer-selection.h"
#include "dg-customers-view.h"

G_BEGIN_DECLS

typedef struct
{
  DgCustomersView *view;
  DgCustomerSort   sort;
} DgSortProbe;

struct _DgCustomersView
{
  GtkWidget            parent_instance;

  DgContext           *context;
  DgCustomerList      *list;
  DgCustomerSelection *selection;
  gulong               changed_handler;
  /* Reads the rest of the list once the first rows are on screen. */
  GdkFrameClock       *load_rest_clock;
  gulong               load_rest_handler;

  /* Customers matching the archive filter whatever the search text, and
   * customers at all; -1 until counted. Counted only when shown. */
  gint64               filter_total;
  gint64               total;

  /* The column view's sorter only tells which header was clicked; these
   * find out which, and the list is sorted in SQL. */
  DgSortProbe          probes[6];
  GtkColumnViewColumn *sort_columns[6];
  const DgSortProbe   *probed;
  /* The column whose header shows the order the list is in. */
  GtkColumnViewColumn *sorted_column;
  gboolean             in_apply_sort;
  /* Whether the view shows the two-line rows rather than the table, and
   * the least width of the table's layout when last measured. */
  gboolean             narrow;
  int                  wide_minimum;
  /* Whether the view was allocated, and so knows which list shows. */
  gboolean             layout_known;

  AdwLeaflet          *leaflet;
  GtkWidget           *list_box;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *archived_dropdown;
  GtkLabel            *count_label;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  GtkStack            *list_stack;
  GtkStack            *list_mode_stack;
  GtkWidget           *add_button;
  GtkWidget           *add_icon_button;
  GtkColumnView       *column_view;
  /* The two-line rows of a narrow window; NULL until first needed. */
  GtkListView         *row_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *phone_column;
  GtkColumnViewColumn *email_column;
  GtkColumnViewColumn *tags_column;
  GtkColumnViewColumn *last_contact_column;
  GtkColumnViewColumn *created_column;
  AdwStatusPage       *no_results_page;         /* NULL until first shown */
  GtkRevealer         *selection_revealer;
  GtkLabel            *selection_label;
  GtkMenuButton       *bulk_menu_button;
  GMenuModel          *bulk_menu;
  /* NULL until a customer is first opened. */
  DgCustomerPage      *customer_page;

  /* The filters, kept here while there is no list; NULL or 0 for none. */
  char                *filter_tag;
  char                *filter_source;
  guint                filter_no_contact_days;
  gulong               clock_changed_handler;
  gulong               clock_day_handler;
  GtkMenuButton       *filter_button;
  GMenu               *filter_menu;
  GMenu               *filter_tag_section;
  GMenu               *filter_source_section;
  GMenu               *filter_no_contact_section;
  GMenu               *filter_journey_section;
  /* The journey filter (see DgCustomerQuery), 0 for none, and the text of
   * its chip. */
  gint64               filter_journey_id;
  gint64               filter_stage_id;
  gint64               filter_cohort_id;
  DgEnrollmentStatus   filter_journey_status;
  char                *filter_journey_label;
  /* On changes of the journeys, stages and cohorts that the chip names. */
  gulong               journeys_changed_handlers[3];
  GtkWidget           *filter_bar;
  GtkBox              *filter_chips;
  GtkWidget           *no_results_clear_button; /* NULL until first shown */
};

void        _dg_customers_view_class_actions_init (GtkWidgetClass  *widget_class);
void        _dg_customers_view_update_actions     (DgCustomersView *self);
/* The customer the actions work on: the one on the page while it is
 * shown, else the one selected in the list; NULL when there is none. */
DgCustomer *_dg_customers_view_get_current        (DgCustomersView *self);
/* Selects the customer with @id in the list and scrolls to it. */
void        _dg_customers_view_select             (DgCustomersView *self,
                                                   gint64           id);
void        _dg_customers_view_show_list          (DgCustomersView *self);

/* The selection bar: its actions, and its state after the selection or
 * the list changed. */
void        _dg_customers_view_class_bulk_init    (GtkWidgetClass  *widget_class);
void        _dg_customers_view_update_selection_bar (DgCustomersView *self);
/* The ids (gint64) of the selected customers, in list order. */
GArray     *_dg_customers_view_get_selected_ids   (DgCustomersView *self);
/* "23 selected", as the bar says it. */
char       *_dg_customers_view_format_n_selected  (guint            n_selected);

/* The filters: their actions and properties, the bar that shows them. */
void        _dg_customers_view_class_filters_init (GtkWidgetClass  *widget_class);
void        _dg_customers_view_init_filters       (DgCustomersView *self);
void        _dg_customers_view_dispose_filters    (DgCustomersView *self);
/* Gives the list the filters and the context's clock; follows the clock. */
void        _dg_customers_view_filters_set_context (DgCustomersView *self,
                                                    DgContext       *old_context);
/* The setters of the :filter-tag, :filter-source and :no-contact-days
 * properties; NULL, "" or 0 clears. */
void        _dg_customers_view_set_filter_tag     (DgCustomersView *self,
                                                   const char      *tag);
void        _dg_customers_view_set_filter_source  (DgCustomersView *self,
                                                   const char      *source);
void        _dg_customers_view_set_no_contact_days (DgCustomersView *self,
                                                    guint            days);
/* After a filter changed: the list, the bar, the count. */
void        _dg_customers_view_filters_changed    (DgCustomersView *self);

/* The journey filter (-journey-filter.c): :filter-journey as text, its
 * setters (a journey of 0 or "" clears; what no longer exists is left
 * out), the chip's text (NULL without the filter), the Journey submenu. */
char       *_dg_customers_view_dup_journey_filter (DgCustomersView *self);
void        _dg_customers_view_set_journey_filter (DgCustomersView    *self,
                                                   gint64              journey_id,
                                                   gint64              stage_id,
                                                   gint64              cohort_id,
                                                   DgEnrollmentStatus  status);
void        _dg_customers_view_set_journey_filter_key (DgCustomersView *self,
                                                       const char      *key);
const char *_dg_customers_view_get_journey_chip_text (DgCustomersView *self);
void        _dg_customers_view_fill_journey_menu  (DgCustomersView *self,
                                                   DgDatabase      *database);
void        _dg_customers_view_journey_filter_set_context (DgCustomersView *self,
                                                           DgContext       *old_context);
void        _dg_customers_view_dispose_journey_filter (DgCustomersView *self);
/* Whether any filter narrows the list. */
gboolean    _dg_customers_view_has_filters        (DgCustomersView *self);
/* Fills @query's filters (its strings belong to @self). */
void        _dg_customers_view_get_filters        (DgCustomersView *self,
                                                   DgCustomerQuery *query);
/* Shows the list's count and empty state again: from -filters.c. */
void        _dg_customers_view_update_state       (DgCustomersView *self);

/* Sets up the cells and the sorters of the columns, from init. */
void        _dg_customers_view_init_columns       (DgCustomersView *self);
/* Reads the primary column and its order off the column view's sorter;
 * FALSE when no column is sorted. */
gboolean    _dg_customers_view_probe_sort         (DgCustomersView *self,
                                                   DgCustomerSort  *sort,
                                                   gboolean        *descending);
/* Sorts the list as the headers say, and shows one arrow only. */
void        _dg_customers_view_apply_sort         (DgCustomersView *self);

/* The table, or the two-line rows in a narrow window (-rows.c). */
GtkWidget  *_dg_customers_view_get_list_widget    (DgCustomersView *self);
/* Gives the selection to the list on show, and none to the other. */
void        _dg_customers_view_attach_model       (DgCustomersView *self);
void        _dg_customers_view_scroll_to          (DgCustomersView *self,
                                                   guint            position);
/* Opens the customer in row @position, as Enter or a double click does. */
void        _dg_customers_view_activate_row       (DgCustomersView *self,
                                                   guint            position);
void        _dg_customers_view_measure            (GtkWidget       *widget,
                                                   GtkOrientation   orientation,
                                                   int              for_size,
                                                   int             *minimum,
                                                   int             *natural,
                                                   int             *minimum_baseline,
                                                   int             *natural_baseline);
void        _dg_customers_view_size_allocate      (GtkWidget       *widget,
                                                   int              width,
                                                   int              height,
                                                   int              baseline);

/* How many rows the window can show in its first frame. */
guint       _dg_customers_view_get_first_rows     (DgCustomersView *self);
/* Reads the rest of the list once the first rows are painted. */
void        _dg_customers_view_queue_load_rest    (DgCustomersView *self);
void        _dg_customers_view_cancel_load_rest   (DgCustomersView *self);

G_END_DECLS
