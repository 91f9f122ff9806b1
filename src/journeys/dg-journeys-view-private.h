/* dg-journeys-view-private.h
 *
 * What the files of the Journeys page share: dg-journeys-view.c builds
 * the header and the board and follows the database;
 * dg-journeys-view-actions.c does what the user asks (moves, completes,
 * drops, enrolls, creates a journey); dg-journeys-view-contacts.c logs
 * contacts and copies messages for the selection; dg-journeys-empty.c
 * fills the page shown before there is any journey.
 */
#pragma once

#include "dg-journey-column.h"
#include "dg-journeys-view.h"

G_BEGIN_DECLS

struct _DgJourneysView
{
  GtkWidget      parent_instance;

  DgContext     *context;
  gulong         changed_handlers[5];
  gulong         day_handler;
  gulong         customers_handler;
  guint          reload_source;
  gboolean       needs_reload;
  gboolean       needs_figures;
  /* The column headers' figures: the frame clock whose next paint starts
   * reading them, and the worker reading them. */
  GdkFrameClock *figures_clock;
  gulong         figures_handler;
  GCancellable  *figures_cancellable;
  /* Set while the drop-downs are filled, so they do not act on it. */
  gboolean       updating;

  /* DgJourney *, in the journey drop-down's order. */
  GPtrArray     *journeys;
  gint64         journey_id;
  /* DgCohort *, after “All cohorts” in the cohort drop-down. */
  GPtrArray     *cohorts;
  gint64         cohort_id;
  /* DgStage *, shared with the columns and their cards. */
  GPtrArray     *stages;
  /* DgJourneyColumn *, owned by columns_box. */
  GPtrArray     *columns;

  GtkWidget     *main_box;
  GtkWidget     *toolbar;
  GtkDropDown   *journey_dropdown;
  GtkStringList *journey_names;
  GtkDropDown   *cohort_dropdown;
  GtkStringList *cohort_names;
  GtkWidget     *add_button;
  GtkRevealer   *selection_revealer;
  GtkLabel      *selection_label;
  GtkMenuButton *move_selected_button;
  GtkStack      *stack;
  GtkWidget     *empty_actions;
  /* Offered while the database holds no customers, which is when the
   * demo data can be loaded. */
  GtkWidget     *empty_demo_button;
  GtkWidget     *board_scroller;
  GtkWidget     *columns_box;
  GtkToggleButton *board_toggle;
  GtkToggleButton *map_toggle;
  GtkWidget     *map;

  /* The card dg_journeys_view_show_enrollment() focuses once it is on
   * screen, and the frames it has waited for it. */
  gint64         pending_card;
  guint          pending_ticks;
  guint          pending_tick_id;

  /* The messages Copy Messages copied last, for Log as Contacts. */
  DgStageMessages *copied_messages;
};

void     _dg_journeys_view_class_actions_init (GtkWidgetClass *widget_class);
/* journeys.log-contact-selected and journeys.copy-messages-selected
 * (dg-journeys-view-contacts.c). */
void     _dg_journeys_view_class_contacts_init (GtkWidgetClass *widget_class);
void     _dg_journeys_view_update_contact_actions (DgJourneysView *self,
                                                   gboolean        has_selection);
/* Reports an action on enrollments or customers: its error, or @title
 * with Undo when it changed any. */
void     _dg_journeys_view_report             (DgJourneysView *self,
                                               DgBulkUndo     *undo,
                                               const GError   *error,
                                               const char     *title);
/* Enables the actions that need a selection, a journey… */
void     _dg_journeys_view_update_actions     (DgJourneysView *self);
/* The enrollments an action on the card of enrollment @id applies to:
 * the whole selection when the card is selected, else the card alone. */
GArray  *_dg_journeys_view_ids_for_card       (DgJourneysView *self,
                                               gint64          id);
/* The column that holds enrollment @id, or NULL. */
DgJourneyColumn *_dg_journeys_view_find_column_of (DgJourneysView *self,
                                                   gint64          id);
void     _dg_journeys_view_clear_selection    (DgJourneysView *self);
/* Reads the journeys again now if a change asked for it. */
void     _dg_journeys_view_reload_pending     (DgJourneysView *self);
/* Forgets the card dg_journeys_view_show_enrollment() was to focus. */
void     _dg_journeys_view_clear_pending_card (DgJourneysView *self);
/* Adds the buttons of the page shown without journeys to @box. */
void     _dg_journeys_view_fill_empty_actions (DgJourneysView *self,
                                               GtkBox         *box);
/* Shows Load Demo Data on that page while there is no customer. */
void     _dg_journeys_view_update_empty_demo  (DgJourneysView *self);

/* dg-journeys-view-figures.c: reads the headers' figures again after the
 * next paint; stops a read under way; unmapping stops both. */
void _dg_journeys_view_refresh_figures (DgJourneysView *self);
void _dg_journeys_view_cancel_figures  (DgJourneysView *self);
void _dg_journeys_view_unmap           (DgJourneysView *self);

G_END_DECLS
