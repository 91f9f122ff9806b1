/* dg-date-button.h
 *
 * The calendar button at the end of a date field. It opens a popover with
 * a calendar on the day the field holds (or today when it holds none);
 * picking a day writes it into the field as YYYY-MM-DD, the form the field
 * stores. Typing stays possible: the field itself reads the short forms
 * (see dg-date-parse.h).
 *
 * A field that holds a day and a time (the "Log contact" form's "When")
 * keeps its time when a day is picked, or gets the time of now when it
 * had none.
 *
 * Bound to its field, the button also hides the field's format hint (the
 * dim "YYYY-MM-DD" at its end) once the field holds a value, and shows a
 * day typed in a short form in the stored form once the field is left.
 */
#pragma once

#include <gtk/gtk.h>

#include "dg-clock.h"
#include "dg-field-row.h"

G_BEGIN_DECLS

#define DG_TYPE_DATE_BUTTON (dg_date_button_get_type ())

G_DECLARE_FINAL_TYPE (DgDateButton, dg_date_button, DG, DATE_BUTTON, GtkWidget)

typedef enum
{
  /* The field holds a day alone. */
  DG_DATE_BUTTON_DATE,
  /* The field holds a day followed by a time, "2026-12-15 14:30". */
  DG_DATE_BUTTON_DATE_AND_TIME,
} DgDateButtonMode;

GtkWidget   *dg_date_button_new          (void);

/* Makes @self fill @row in @mode; @hint (may be NULL) is shown only while
 * @row is empty. The row must outlive the button (it holds it). */
void         dg_date_button_bind         (DgDateButton     *self,
                                          DgFieldRow       *row,
                                          DgDateButtonMode  mode,
                                          GtkWidget        *hint);

/* The clock giving "today"; NULL for the system's. */
void         dg_date_button_set_clock    (DgDateButton     *self,
                                          DgClock          *clock);

GtkPopover  *dg_date_button_get_popover  (DgDateButton     *self);
GtkCalendar *dg_date_button_get_calendar (DgDateButton     *self);

/* Today by the clock, as a date. */
void         dg_date_button_get_today    (DgDateButton     *self,
                                          GDate            *out_today);

G_END_DECLS
