/* dg-journeys-view-figures.c
 *
 * The column headers' figures (count, conversion, median days): read in a
 * worker on a connection of its own once the board is painted, so that a
 * journey of many thousands of customers shows its board first, and shown
 * in the headers when they come.
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include "dg-journey-map.h"
#include "dg-journeys-view-private.h"

static void
show_figures (DgJourneysView *self,
              GPtrArray      *figures)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      DgJourneyColumn *column = g_ptr_array_index (self->columns, i);
      DgStageFigures *found = NULL;

      for (guint j = 0; j < figures->len && found == NULL; j++)
        {
          DgStageFigures *stage_figures = g_ptr_array_index (figures, j);

          if (stage_figures->stage_id == dg_journey_column_get_stage_id (column))
            found = stage_figures;
        }
      dg_journey_column_set_figures (column, found);
    }
}

/* A cancelled read (the page changed or went away since) says nothing. */
static void
on_figures_read_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(DgJourneysView) self = user_data;
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GError) error = NULL;

  figures = dg_journey_analytics_finish (DG_DATABASE (source_object), result, &error);
  if (figures == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the figures of journey %" G_GINT64_FORMAT ": %s",
                   self->journey_id, error->message);
      return;
    }

  g_clear_object (&self->figures_cancellable);
  show_figures (self, figures);
}

static void
read_figures (DgJourneysView *self)
{
  self->figures_cancellable = g_cancellable_new ();
  dg_journey_analytics_async (dg_context_get_database (self->context), dg_context_get_clock (self->context),
                              self->journey_id, self->cohort_id, self->figures_cancellable,
                              on_figures_read_cb, g_object_ref (self));
}

void
_dg_journeys_view_cancel_figures (DgJourneysView *self)
{
  g_cancellable_cancel (self->figures_cancellable);
  g_clear_object (&self->figures_cancellable);
  if (self->figures_clock != NULL)
    g_clear_signal_handler (&self->figures_handler, self->figures_clock);
  g_clear_object (&self->figures_clock);
}

static void
on_after_paint_cb (GdkFrameClock  *frame_clock,
                   DgJourneysView *self)
{
  g_clear_signal_handler (&self->figures_handler, self->figures_clock);
  g_clear_object (&self->figures_clock);
  read_figures (self);
}

/* A page hidden before its next frame reads them at once: its frame
 * clock may go with its window. */
void
_dg_journeys_view_unmap (DgJourneysView *self)
{
  if (self->figures_clock != NULL)
    on_after_paint_cb (self->figures_clock, self);
}

/* The figures are read over every stage event of the journey, which takes
 * seconds on a large one: a worker reads them on a connection of its own
 * once the board is painted, so that it neither holds up the board nor
 * takes the processor from its first frame, and the column headers show
 * them when they come. */
void
_dg_journeys_view_refresh_figures (DgJourneysView *self)
{
  GdkFrameClock *frame_clock;

  _dg_journeys_view_cancel_figures (self);

  if (self->journey_id == 0 || self->columns->len == 0)
    return;

  /* The map reads the same figures, with the stages' texts. */
  if (gtk_toggle_button_get_active (self->map_toggle))
    dg_journey_map_show (DG_JOURNEY_MAP (self->map), self->context, self->journey_id, self->cohort_id);

  frame_clock = gtk_widget_get_mapped (GTK_WIDGET (self)) ? gtk_widget_get_frame_clock (GTK_WIDGET (self)) : NULL;
  if (frame_clock == NULL)
    {
      read_figures (self);
      return;
    }

  self->figures_clock = g_object_ref (frame_clock);
  self->figures_handler = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint_cb), self);
  gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

