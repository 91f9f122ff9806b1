/* dg-month-grid.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include "dg-date-names.h"
#include "dg-month-grid.h"

#define N_COLUMNS 7
#define N_ROWS    6

struct _DgMonthGrid
{
  GtkWidget  parent_instance;

  GDate      first_day;

  GtkWidget *weekday_labels[N_COLUMNS];
  GtkWidget *cells[DG_MONTH_GRID_N_DAYS];
};

G_DEFINE_FINAL_TYPE (DgMonthGrid, dg_month_grid, GTK_TYPE_WIDGET)

enum {
  DAY_CLICKED,
  FOLLOWUP_ACTIVATED,
  FOLLOWUP_DROPPED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

void
dg_month_grid_set_days (DgMonthGrid *self,
                        const GDate *first_day,
                        GDateMonth   month)
{
  GDate date;

  g_return_if_fail (DG_IS_MONTH_GRID (self));
  g_return_if_fail (first_day != NULL && g_date_valid (first_day));

  self->first_day = *first_day;

  date = *first_day;
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      gtk_label_set_text (GTK_LABEL (self->weekday_labels[i]),
                          dg_date_names_weekday (g_date_get_weekday (&date), TRUE));
      g_date_add_days (&date, 1);
    }

  date = *first_day;
  for (guint i = 0; i < DG_MONTH_GRID_N_DAYS; i++)
    {
      dg_month_cell_set_date (DG_MONTH_CELL (self->cells[i]), &date,
                              g_date_get_month (&date) != month);
      g_date_add_days (&date, 1);
    }
}

static int
dg_month_grid_index_of (DgMonthGrid *self,
                        const GDate *date)
{
  int index;

  if (date == NULL || !g_date_valid (date) || !g_date_valid (&self->first_day))
    return -1;

  index = g_date_days_between (&self->first_day, date);

  return index >= 0 && index < DG_MONTH_GRID_N_DAYS ? index : -1;
}

void
dg_month_grid_set_marks (DgMonthGrid *self,
                         const GDate *today,
                         const GDate *selected)
{
  int today_index, selected_index;

  g_return_if_fail (DG_IS_MONTH_GRID (self));

  today_index = dg_month_grid_index_of (self, today);
  selected_index = dg_month_grid_index_of (self, selected);

  for (int i = 0; i < DG_MONTH_GRID_N_DAYS; i++)
    {
      dg_month_cell_set_today (DG_MONTH_CELL (self->cells[i]), i == today_index);
      dg_month_cell_set_selected (DG_MONTH_CELL (self->cells[i]), i == selected_index);
    }
}

void
dg_month_grid_set_followups (DgMonthGrid *self,
                             GPtrArray  **per_day,
                             DgClock     *clock,
                             GTimeZone   *tz)
{
  g_return_if_fail (DG_IS_MONTH_GRID (self));

  for (guint i = 0; i < DG_MONTH_GRID_N_DAYS; i++)
    dg_month_cell_set_followups (DG_MONTH_CELL (self->cells[i]),
                                 per_day != NULL ? per_day[i] : NULL,
                                 clock, tz);
}

DgMonthCell *
dg_month_grid_get_cell (DgMonthGrid *self,
                        guint        index)
{
  g_return_val_if_fail (DG_IS_MONTH_GRID (self), NULL);
  g_return_val_if_fail (index < DG_MONTH_GRID_N_DAYS, NULL);

  return DG_MONTH_CELL (self->cells[index]);
}

DgMonthCell *
dg_month_grid_get_cell_for_date (DgMonthGrid *self,
                                 const GDate *date)
{
  int index;

  g_return_val_if_fail (DG_IS_MONTH_GRID (self), NULL);

  index = dg_month_grid_index_of (self, date);

  return index >= 0 ? DG_MONTH_CELL (self->cells[index]) : NULL;
}

const char *
dg_month_grid_get_weekday_label (DgMonthGrid *self,
                                 guint        column)
{
  g_return_val_if_fail (DG_IS_MONTH_GRID (self), NULL);
  g_return_val_if_fail (column < N_COLUMNS, NULL);

  return gtk_label_get_text (GTK_LABEL (self->weekday_labels[column]));
}

static void
on_cell_clicked_cb (DgMonthCell *cell,
                    int          n_press,
                    DgMonthGrid *self)
{
  GDate date;

  dg_month_cell_get_date (cell, &date);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  g_signal_emit (self, signals [DAY_CLICKED], 0, &date, n_press);
}

static void
on_cell_followup_activated_cb (DgMonthCell *cell,
                               DgFollowup  *followup,
                               int          n_press,
                               DgMonthGrid *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  g_signal_emit (self, signals [FOLLOWUP_ACTIVATED], 0, followup, n_press);
}

static void
on_cell_followup_dropped_cb (DgMonthCell *cell,
                             gint64       followup_id,
                             DgMonthGrid *self)
{
  GDate date;

  dg_month_cell_get_date (cell, &date);
  g_signal_emit (self, signals [FOLLOWUP_DROPPED], 0, followup_id, &date);
}

static void
dg_month_grid_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  DgMonthGrid *self = DG_MONTH_GRID (widget);
  int label_min = 0, label_nat = 0, cell_min = 0, cell_nat = 0;

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      int min, nat;

      gtk_widget_measure (self->weekday_labels[i], orientation, -1, &min, &nat, NULL, NULL);
      label_min = MAX (label_min, min);
      label_nat = MAX (label_nat, nat);
    }

  for (guint i = 0; i < DG_MONTH_GRID_N_DAYS; i++)
    {
      int min, nat;

      gtk_widget_measure (self->cells[i], orientation, -1, &min, &nat, NULL, NULL);
      cell_min = MAX (cell_min, min);
      cell_nat = MAX (cell_nat, nat);
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = N_COLUMNS * MAX (label_min, cell_min);
      *natural = N_COLUMNS * MAX (label_nat, cell_nat);
    }
  else
    {
      *minimum = label_nat + N_ROWS * cell_min;
      *natural = label_nat + N_ROWS * cell_nat;
    }
}

static void
dg_month_grid_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  DgMonthGrid *self = DG_MONTH_GRID (widget);
  int header_height = 0;

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      int nat;

      gtk_widget_measure (self->weekday_labels[i], GTK_ORIENTATION_VERTICAL, -1, NULL, &nat, NULL, NULL);
      header_height = MAX (header_height, nat);
    }

  /* Column and row edges are computed from the whole size, so the days
   * differ by at most one pixel and the last one ends at the edge. */
  for (int column = 0; column < N_COLUMNS; column++)
    {
      int x = column * width / N_COLUMNS;
      int x_end = (column + 1) * width / N_COLUMNS;

      gtk_widget_size_allocate (self->weekday_labels[column],
                                &(GtkAllocation) { x, 0, x_end - x, header_height },
                                -1);

      for (int row = 0; row < N_ROWS; row++)
        {
          int y = header_height + row * (height - header_height) / N_ROWS;
          int y_end = header_height + (row + 1) * (height - header_height) / N_ROWS;

          gtk_widget_size_allocate (self->cells[row * N_COLUMNS + column],
                                    &(GtkAllocation) { x, y, x_end - x, y_end - y },
                                    -1);
        }
    }
}

static void
dg_month_grid_dispose (GObject *object)
{
  DgMonthGrid *self = (DgMonthGrid *)object;

  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_pointer (&self->weekday_labels[i], gtk_widget_unparent);
  for (guint i = 0; i < DG_MONTH_GRID_N_DAYS; i++)
    g_clear_pointer (&self->cells[i], gtk_widget_unparent);

  G_OBJECT_CLASS (dg_month_grid_parent_class)->dispose (object);
}

static void
dg_month_grid_class_init (DgMonthGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_month_grid_dispose;

  widget_class->measure = dg_month_grid_measure;
  widget_class->size_allocate = dg_month_grid_size_allocate;

  /* A click (1) or double click (2) on a day, not on one of its items. */
  signals [DAY_CLICKED] =
    g_signal_new ("day-clicked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_DATE | G_SIGNAL_TYPE_STATIC_SCOPE, G_TYPE_INT);

  /* A click (1) or double click (2) on a follow-up. */
  signals [FOLLOWUP_ACTIVATED] =
    g_signal_new ("followup-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, DG_TYPE_FOLLOWUP, G_TYPE_INT);

  /* The follow-up with this id was dropped on this day. */
  signals [FOLLOWUP_DROPPED] =
    g_signal_new ("followup-dropped",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_DATE | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_css_name (widget_class, "monthgrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
dg_month_grid_init (DgMonthGrid *self)
{
  g_date_clear (&self->first_day, 1);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      self->weekday_labels[i] = gtk_label_new (NULL);
      gtk_label_set_ellipsize (GTK_LABEL (self->weekday_labels[i]), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (self->weekday_labels[i], "weekday");
      gtk_widget_set_parent (self->weekday_labels[i], GTK_WIDGET (self));
    }

  for (guint i = 0; i < DG_MONTH_GRID_N_DAYS; i++)
    {
      self->cells[i] = dg_month_cell_new ();
      g_signal_connect_object (self->cells[i], "clicked", G_CALLBACK (on_cell_clicked_cb), self, 0);
      g_signal_connect_object (self->cells[i], "followup-activated",
                               G_CALLBACK (on_cell_followup_activated_cb), self, 0);
      g_signal_connect_object (self->cells[i], "followup-dropped",
                               G_CALLBACK (on_cell_followup_dropped_cb), self, 0);
      gtk_widget_set_parent (self->cells[i], GTK_WIDGET (self));
    }
}
