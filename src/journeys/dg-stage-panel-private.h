/* dg-stage-panel-private.h
 *
 * What the files of the stage panel share: dg-stage-panel.c builds the
 * window and keeps the texts and the digitisation level written;
 * dg-stage-panel-messages.c copies the filled messages and logs them as
 * contacts; dg-stage-panel-rules.c lists, adds, edits and removes the
 * stage's rules.
 */
#pragma once

#include "dg-stage-panel.h"

G_BEGIN_DECLS

struct _DgStagePanel
{
  AdwWindow        parent_instance;

  DgContext       *context;
  GWeakRef         view;
  gint64           stage_id;
  gulong           stages_handler;
  /* Set while the fields are filled from the stage, so they do not save. */
  gboolean         loading;
  /* The messages copied last, for Log as Contacts. */
  DgStageMessages *copied;

  AdwToastOverlay *toast_overlay;
  AdwViewSwitcherTitle *window_title;
  GtkLabel        *stage_label;
  /* The AdwViewStack of the three sections. */
  GtkWidget       *page;
  GtkTextView     *scenario_view;
  GtkEntry        *touchpoint_entry;
  GtkTextView     *pain_view;
  GtkTextView     *needs_view;
  GtkTextView     *steps_view;
  GtkTextView     *script_view;
  GtkLabel        *placeholders_label;
  GtkWidget       *copy_button;
  GtkLabel        *report_label;
  GtkDropDown     *digitisation_dropdown;
  GtkListBox      *rules_list;
};

/* journeys.copy-messages, panel.log-contacts */
void _dg_stage_panel_class_messages_init (GtkWidgetClass *widget_class);
/* panel.add-rule, panel.edit-rule, panel.remove-rule */
void _dg_stage_panel_class_rules_init    (GtkWidgetClass *widget_class);
/* Reads the stage's rules into the list. */
void _dg_stage_panel_fill_rules          (DgStagePanel   *self);
/* The widget toasts of the panel are shown from. */
GtkWidget *_dg_stage_panel_toast_widget  (DgStagePanel   *self);

G_END_DECLS
