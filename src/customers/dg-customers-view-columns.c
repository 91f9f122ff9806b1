/* dg-customers-view-columns.c
 *
 * The customer list's columns: their cells, built in code, and their
 * sorting, which the column view's headers choose and SQL does.
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-customers-view-private.h"
#include "dg-format.h"

static GtkOrdering
probe_sort_cb (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  DgSortProbe *probe = user_data;

  /* The first column the view's sorter asks is the primary one; answering
   * "smaller" stops it there and tells the order by how it comes back. */
  if (probe->view->probed == NULL)
    probe->view->probed = probe;

  return GTK_ORDERING_SMALLER;
}

/* Reads the primary column and its order off the view's sorter. */
gboolean
_dg_customers_view_probe_sort (DgCustomersView *self,
                               DgCustomerSort  *sort,
                               gboolean        *descending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GtkOrdering ordering;
  gboolean found;

  self->probed = NULL;
  ordering = gtk_sorter_compare (sorter, self, self->column_view);
  found = self->probed != NULL;

  if (found)
    {
      *sort = self->probed->sort;
      *descending = ordering == GTK_ORDERING_LARGER;
    }
  self->probed = NULL;

  return found;
}

static GtkColumnViewColumn *
dg_customers_view_get_sort_column (DgCustomersView *self,
                                   DgCustomerSort   sort)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->probes); i++)
    {
      if (self->probes[i].sort == sort)
        return self->sort_columns[i];
    }

  return self->name_column;
}

void
_dg_customers_view_apply_sort (DgCustomersView *self)
{
  DgCustomerSort sort = DG_CUSTOMER_SORT_NAME;
  GtkColumnViewColumn *column;
  gboolean descending = FALSE;

  /* While the view is disposed of, its column view may still report. */
  if (self->in_apply_sort || self->column_view == NULL)
    return;

  _dg_customers_view_probe_sort (self, &sort, &descending);

  column = dg_customers_view_get_sort_column (self, sort);

  /* SQL sorts by one column, so only that header may show an arrow. GTK
   * 4.8 keeps earlier columns as secondary keys after a click, and when it
   * drops them it does not redraw their headers; clearing the sorter while
   * the old column is primary is what makes its header forget its arrow. */
  self->in_apply_sort = TRUE;
  if (self->sorted_column != NULL && self->sorted_column != column)
    {
      gtk_column_view_sort_by_column (self->column_view, self->sorted_column, GTK_SORT_ASCENDING);
      gtk_column_view_sort_by_column (self->column_view, NULL, GTK_SORT_ASCENDING);
    }
  gtk_column_view_sort_by_column (self->column_view, column,
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  self->sorted_column = column;
  self->in_apply_sort = FALSE;

  if (self->list != NULL)
    dg_customer_list_set_sort (self->list, sort, descending);
}

static void
on_column_view_sorter_changed_cb (GtkSorter       *sorter,
                                  GtkSorterChange  change,
                                  DgCustomersView *self)
{
  _dg_customers_view_apply_sort (self);
}

/* A day in the zone of the view's clock, as every other page shows days. */
static char *
format_day (DgCustomersView *self,
            GDateTime       *datetime)
{
  g_autoptr(GTimeZone) tz = NULL;

  if (self->context == NULL)
    return NULL;

  tz = dg_clock_dup_time_zone (dg_context_get_clock (self->context));

  return dg_format_date (datetime, tz);
}

static char *
format_created_cb (GtkListItem     *item,
                   GDateTime       *created_at,
                   DgCustomersView *self)
{
  return format_day (self, created_at);
}

static char *
format_last_contact_cb (GtkListItem     *item,
                        GDateTime       *last_contact_at,
                        DgCustomersView *self)
{
  if (last_contact_at == NULL)
    /* Translators: in the Last Contact column, for a customer with no
     * contact logged. */
    return g_strdup (C_("last contact", "Never"));

  return format_day (self, last_contact_at);
}

/* Shown in one Korean form; the stored number stays as typed (and is what
 * the bulk copy takes). */
static char *
format_phone_cb (GtkListItem     *item,
                 const char      *phone,
                 DgCustomersView *self)
{
  return dg_phone_format_display (phone);
}

/* The view a cell factory makes cells for, as data on the factory. */
#define VIEW_KEY "dg-customers-view"

typedef struct
{
  const char *property;
  /* Turns the property's value into the text shown, when it is no string. */
  GCallback   format;
  int         nat_chars;
  gboolean    dim;
} ColumnCell;

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  const ColumnCell         *cell)
{
  DgCustomersView *self = g_object_get_data (G_OBJECT (factory), VIEW_KEY);
  GtkWidget *inscription = gtk_inscription_new (NULL);
  GtkExpression *expression;

  /* In GTK 4.8 each cell of a column view row takes clicks like the row
   * does: a Ctrl+click toggled the row twice, once for the cell and once
   * for the row, and left it as it was. The row alone selects. */
  gtk_list_item_set_selectable (item, FALSE);
  gtk_list_item_set_activatable (item, FALSE);

  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), cell->nat_chars);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (cell->dim)
    gtk_widget_add_css_class (inscription, "dim-label");

  expression = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");
  expression = gtk_property_expression_new (DG_TYPE_CUSTOMER, expression, cell->property);
  if (cell->format != NULL)
    expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, &expression,
                                              cell->format, self, NULL);
  gtk_expression_bind (expression, inscription, "text", item);

  gtk_list_item_set_child (item, inscription);
}

/* The cells are made in code: a builder factory parses its template anew
 * for every cell, a large part of each row's cost before the first frame.
 * @columns are the view's columns in the order of the cells below. */
static void
set_up_cells (DgCustomersView             *self,
              GtkColumnViewColumn * const *columns,
              guint                        n_columns)
{
  static const ColumnCell cells[] = {
    { "name", NULL, 18, FALSE },
    /* Wide enough for "010-1234-5678" and "+82 10-1234-5678": digits are
     * wider than the font's average character, which nat-chars counts. */
    { "phone", G_CALLBACK (format_phone_cb), 18, FALSE },
    { "email", NULL, 22, FALSE },
    { "tags-text", NULL, 14, TRUE },
    { "last-contact-at", G_CALLBACK (format_last_contact_cb), 12, FALSE },
    { "created-at", G_CALLBACK (format_created_cb), 12, FALSE },
  };

  g_assert (n_columns == G_N_ELEMENTS (cells));

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      /* The view owns the columns, so it outlives their factories. */
      g_object_set_data (G_OBJECT (factory), VIEW_KEY, self);
      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), (gpointer) &cells[i]);
      gtk_column_view_column_set_factory (columns[i], factory);
    }
}

void
_dg_customers_view_init_columns (DgCustomersView *self)
{
  GtkColumnViewColumn *columns[] = {
    self->name_column,
    self->phone_column,
    self->email_column,
    self->tags_column,
    self->last_contact_column,
    self->created_column,
  };
  const DgCustomerSort sorts[] = {
    DG_CUSTOMER_SORT_NAME,
    DG_CUSTOMER_SORT_PHONE,
    DG_CUSTOMER_SORT_EMAIL,
    DG_CUSTOMER_SORT_TAGS,
    DG_CUSTOMER_SORT_LAST_CONTACT,
    DG_CUSTOMER_SORT_CREATED,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (columns) == G_N_ELEMENTS (self->probes));

  set_up_cells (self, columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkSorter) sorter = NULL;

      self->sort_columns[i] = columns[i];
      self->probes[i].view = self;
      self->probes[i].sort = sorts[i];
      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_sort_cb, &self->probes[i], NULL));
      gtk_column_view_column_set_sorter (columns[i], sorter);
    }

  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_column_view_sorter_changed_cb),
                           self, 0);
}
