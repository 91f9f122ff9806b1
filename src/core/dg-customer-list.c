/* dg-customer-list.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-catalog.h"
#include "dg-customer-list.h"
#include "dg-error.h"
#include "dg-live-rows-private.h"

struct _DgCustomerList
{
  DgIdList          parent_instance;

  char             *text;
  char             *tag;
  char             *source;
  guint             no_contact_days;
  /* Where "now" comes from for no_contact_days; NULL for the system. */
  DgClock          *clock;
  DgArchivedFilter  archived;
  DgCustomerSort    sort;
  gboolean          descending;
  /* The journey filter (see DgCustomerQuery); 0 for none. */
  gint64            journey_id;
  gint64            stage_id;
  gint64            cohort_id;
  DgEnrollmentStatus journey_status;
  /* Customers moving between stages change the rows of a journey
   * filter, and only then is the list read again. */
  gulong            enrollments_handler;
};

G_DEFINE_FINAL_TYPE (DgCustomerList, dg_customer_list, DG_TYPE_ID_LIST)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_TAG,
  PROP_QUERY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The query as a worker thread reads it: a copy with strings of its own. */
typedef struct
{
  DgCustomerQuery  query;
  char            *text;
  char            *tag;
  char            *source;
} QueryCopy;

static gpointer
dg_customer_list_dup_query (DgIdList *list)
{
  DgCustomerList *self = DG_CUSTOMER_LIST (list);
  QueryCopy *copy = g_new0 (QueryCopy, 1);

  dg_customer_list_get_query (self, &copy->query);
  copy->text = g_strdup (copy->query.text);
  copy->tag = g_strdup (copy->query.tag);
  copy->source = g_strdup (copy->query.source);
  copy->query.text = copy->text;
  copy->query.tag = copy->tag;
  copy->query.source = copy->source;
  /* Read here, in the main thread, each time the query runs: a list kept
   * open for days still counts "no contact for N days" from now. */
  copy->query.now = self->clock ? dg_clock_get_now_utc (self->clock) : g_date_time_new_now_utc ();

  return copy;
}

static void
dg_customer_list_free_query (gpointer query)
{
  QueryCopy *copy = query;

  g_free (copy->text);
  g_free (copy->tag);
  g_free (copy->source);
  g_clear_pointer (&copy->query.now, g_date_time_unref);
  g_free (copy);
}

static GArray *
dg_customer_list_run_query (DgDatabase     *db,
                            gconstpointer   query,
                            guint           limit,
                            GError        **error)
{
  DgCustomerQuery limited = ((const QueryCopy *) query)->query;

  limited.limit = limit;

  return dg_customers_search_ids (db, &limited, error);
}

static void
unref_row (gpointer row)
{
  if (row != NULL)
    g_object_unref (row);
}

static GPtrArray *
dg_customer_list_build_rows (DgIdList      *list,
                             const gint64  *ids,
                             guint          n_ids,
                             GError       **error)
{
  DgDatabase *db = dg_id_list_get_database (list);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_full (n_ids, unref_row);

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(GError) local_error = NULL;
      DgCustomer *customer = dg_customers_get (db, ids[i], &local_error);

      if (customer == NULL && !g_error_matches (local_error, DG_ERROR, DG_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      g_ptr_array_add (rows, customer);
    }

  return g_steal_pointer (&rows);
}

static gboolean
dg_customer_list_update_row (DgIdList *list,
                             GObject  *row,
                             GObject  *fresh)
{
  return dg_record_update (DG_RECORD (row), DG_RECORD (fresh));
}

static GObject *
dg_customer_list_new_placeholder (DgIdList *list,
                                  gint64    id)
{
  DgCustomer *customer = dg_customer_new ();

  dg_customer_set_id (customer, id);

  return G_OBJECT (customer);
}

static void
on_enrollments_changed_cb (DgDatabase     *db,
                           const char     *table,
                           DgCustomerList *self)
{
  if (self->journey_id > 0)
    dg_id_list_query_changed (DG_ID_LIST (self));
}

static void
dg_customer_list_constructed (GObject *object)
{
  DgCustomerList *self = DG_CUSTOMER_LIST (object);

  G_OBJECT_CLASS (dg_customer_list_parent_class)->constructed (object);

  self->enrollments_handler = g_signal_connect (dg_id_list_get_database (DG_ID_LIST (self)),
                                                DG_DATABASE_CHANGED (DG_TABLE_ENROLLMENTS),
                                                G_CALLBACK (on_enrollments_changed_cb), self);
}

static void
dg_customer_list_dispose (GObject *object)
{
  DgCustomerList *self = DG_CUSTOMER_LIST (object);
  DgDatabase *db = dg_id_list_get_database (DG_ID_LIST (self));

  if (db != NULL)
    g_clear_signal_handler (&self->enrollments_handler, db);

  G_OBJECT_CLASS (dg_customer_list_parent_class)->dispose (object);
}

static void
dg_customer_list_finalize (GObject *object)
{
  DgCustomerList *self = DG_CUSTOMER_LIST (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->tag, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (dg_customer_list_parent_class)->finalize (object);
}

static gboolean set_string (char **field, const char *value);
static void     normalize_journey_filter (DgCustomerQuery *query);

static void
dg_customer_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DgCustomerList *self = DG_CUSTOMER_LIST (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, dg_customer_list_get_text (self));
      break;

    case PROP_TAG:
      g_value_set_string (value, self->tag);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_customer_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DgCustomerList *self = DG_CUSTOMER_LIST (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      dg_customer_list_set_text (self, g_value_get_string (value));
      break;

    case PROP_TAG:
      dg_customer_list_set_tag (self, g_value_get_string (value));
      break;

    case PROP_QUERY:
      if (g_value_get_pointer (value) != NULL)
        {
          DgCustomerQuery query_copy = *(const DgCustomerQuery *) g_value_get_pointer (value);
          const DgCustomerQuery *query = &query_copy;

          normalize_journey_filter (&query_copy);

          set_string (&self->text, query->text);
          set_string (&self->tag, query->tag);
          set_string (&self->source, query->source);
          self->no_contact_days = query->no_contact_days;
          self->archived = query->archived;
          self->sort = query->sort;
          self->descending = !!query->descending;
          self->journey_id = query->journey_id;
          self->stage_id = query->stage_id;
          self->cohort_id = query->cohort_id;
          self->journey_status = query->journey_status;
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_customer_list_class_init (DgCustomerListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  DgIdListClass *list_class = DG_ID_LIST_CLASS (klass);

  object_class->constructed = dg_customer_list_constructed;
  object_class->dispose = dg_customer_list_dispose;
  object_class->finalize = dg_customer_list_finalize;
  object_class->get_property = dg_customer_list_get_property;
  object_class->set_property = dg_customer_list_set_property;

  list_class->dup_query = dg_customer_list_dup_query;
  list_class->free_query = dg_customer_list_free_query;
  list_class->run_query = dg_customer_list_run_query;
  list_class->build_rows = dg_customer_list_build_rows;
  list_class->update_row = dg_customer_list_update_row;
  list_class->new_placeholder = dg_customer_list_new_placeholder;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TAG] =
    g_param_spec_string ("tag", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The query to start with; its limit is not read (see :first-rows). */
  properties[PROP_QUERY] =
    g_param_spec_pointer ("query", NULL, NULL,
                          G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dg_customer_list_init (DgCustomerList *self)
{
  self->archived = DG_ARCHIVED_EXCLUDE;
  self->sort = DG_CUSTOMER_SORT_NAME;
  dg_id_list_watch_table (DG_ID_LIST (self), DG_TABLE_CUSTOMERS);
}

DgCustomerList *
dg_customer_list_new (DgDatabase *db)
{
  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  return g_object_new (DG_TYPE_CUSTOMER_LIST,
                       "database", db,
                       "item-type", DG_TYPE_CUSTOMER,
                       NULL);
}

DgCustomerList *
dg_customer_list_new_partial (DgDatabase            *db,
                              const DgCustomerQuery *query,
                              guint                  n_rows)
{
  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (n_rows > 0, NULL);

  return g_object_new (DG_TYPE_CUSTOMER_LIST,
                       "database", db,
                       "item-type", DG_TYPE_CUSTOMER,
                       "query", query,
                       "first-rows", n_rows,
                       NULL);
}

DgDatabase *
dg_customer_list_get_database (DgCustomerList *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_LIST (self), NULL);

  return dg_id_list_get_database (DG_ID_LIST (self));
}

/* An empty string is stored as NULL: both mean "no filter", and setting one
 * where the other was is no change. */
static gboolean
set_string (char       **field,
            const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

/* The journey filter of @query as the list keeps it: without a journey,
 * none of its parts. */
static void
normalize_journey_filter (DgCustomerQuery *query)
{
  if (query->journey_id > 0)
    return;

  query->journey_id = 0;
  query->stage_id = 0;
  query->cohort_id = 0;
  query->journey_status = DG_ENROLLMENT_ACTIVE;
}

void
dg_customer_list_set_query (DgCustomerList        *self,
                            const DgCustomerQuery *in_query)
{
  DgCustomerQuery normalized;
  const DgCustomerQuery *query = &normalized;
  gboolean text_changed, tag_changed, source_changed;

  g_return_if_fail (DG_IS_CUSTOMER_LIST (self));
  g_return_if_fail (in_query != NULL);

  normalized = *in_query;
  normalize_journey_filter (&normalized);

  text_changed = set_string (&self->text, query->text);
  tag_changed = set_string (&self->tag, query->tag);
  source_changed = set_string (&self->source, query->source);

  if (!text_changed && !tag_changed && !source_changed &&
      self->no_contact_days == query->no_contact_days &&
      self->archived == query->archived &&
      self->sort == query->sort &&
      self->descending == query->descending &&
      self->journey_id == query->journey_id &&
      self->stage_id == query->stage_id &&
      self->cohort_id == query->cohort_id &&
      self->journey_status == query->journey_status)
    return;

  self->no_contact_days = query->no_contact_days;
  self->archived = query->archived;
  self->sort = query->sort;
  self->descending = query->descending;
  self->journey_id = query->journey_id;
  self->stage_id = query->stage_id;
  self->cohort_id = query->cohort_id;
  self->journey_status = query->journey_status;

  g_object_freeze_notify (G_OBJECT (self));
  dg_id_list_query_changed (DG_ID_LIST (self));
  if (text_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  if (tag_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
dg_customer_list_get_query (DgCustomerList  *self,
                            DgCustomerQuery *query)
{
  g_return_if_fail (DG_IS_CUSTOMER_LIST (self));
  g_return_if_fail (query != NULL);

  query->text = self->text;
  query->tag = self->tag;
  query->source = self->source;
  query->no_contact_days = self->no_contact_days;
  /* The list's clock says when "now" is, each time the query runs. */
  query->now = NULL;
  query->archived = self->archived;
  query->sort = self->sort;
  query->descending = self->descending;
  query->limit = 0;
  query->journey_id = self->journey_id;
  query->stage_id = self->stage_id;
  query->cohort_id = self->cohort_id;
  query->journey_status = self->journey_status;
}

const char *
dg_customer_list_get_text (DgCustomerList *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_LIST (self), NULL);

  return self->text ? self->text : "";
}

void
dg_customer_list_set_text (DgCustomerList *self,
                           const char     *text)
{
  DgCustomerQuery query;

  g_return_if_fail (DG_IS_CUSTOMER_LIST (self));

  dg_customer_list_get_query (self, &query);
  query.text = text;
  dg_customer_list_set_query (self, &query);
}

const char *
dg_customer_list_get_tag (DgCustomerList *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_LIST (self), NULL);

  return self->tag;
}

void
dg_customer_list_set_tag (DgCustomerList *self,
                          const char     *tag)
{
  DgCustomerQuery query;

  g_return_if_fail (DG_IS_CUSTOMER_LIST (self));

  dg_customer_list_get_query (self, &query);
  query.tag = tag;
  dg_customer_list_set_query (self, &query);
}

const char *
dg_customer_list_get_source (DgCustomerList *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_LIST (self), NULL);

  return self->source;
}

void
dg_customer_list_set_source (DgCustomerList *self,
                             const char     *source)
{
  DgCustomerQuery query;

  g_return_if_fail (DG_IS_CUSTOMER_LIST (self));

  dg_customer_list_get_query (self, &query);
  query.source = source;
  dg_customer_list_set_query (self, &query);
}

guint
dg_customer_list_get_no_contact_days (DgCustomerList *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER_LIST (self), 0);

  return self->no_contact_days;
}

void
dg_customer_list_set_no_contact_days (DgCustomerList *self,
                                      guint           days)
{
  DgCustomerQuery query;

  g_return_if_fail (DG_IS_CUSTOMER_LIST (self));

  dg_customer_list_get_query (self, &query);
  query.no_contact_days = days;
  dg_customer_list_set_query (self, &query);
}

void
dg_customer_list_get_journey_filter (DgCustomerList     *self,
                                     gint64             *journey_id,
                                     gint64             *stage_id,
                                     gint64             *cohort_id,
                                     DgEnrollmentStatus *status)
{
  g_return_if_fail (DG_IS_CUSTOMER_LIST (self));

  if (journey_id != NULL)
    *journey_id = self->journey_id;
  if (stage_id != NULL)
    *stage_id = self->stage_id;
  if (cohort_id != NULL)
    *cohort_id = self->cohort_id;
  if (status != NULL)
    *status = self->journey_status;
}

void
dg_customer_list_set_journey_filter (DgCustomerList     *self,
                                     gint64              journey_id,
                                     gint64              stage_id,
                                     gint64              cohort_id,
                                     DgEnrollmentStatus  status)
{
  DgCustomerQuery query;

  g_return_if_fail (DG_IS_CUSTOMER_LIST (self));

  dg_customer_list_get_query (self, &query);
  query.journey_id = journey_id;
  query.stage_id = stage_id;
  query.cohort_id = cohort_id;
  query.journey_status = status;
  dg_customer_list_set_query (self, &query);
}

void
dg_customer_list_set_clock (DgCustomerList *self,
                            DgClock        *clock)
{
  g_return_if_fail (DG_IS_CUSTOMER_LIST (self));
  g_return_if_fail (!clock || DG_IS_CLOCK (clock));

  if (!g_set_object (&self->clock, clock))
    return;

  /* Another clock may stand at another time. */
  if (self->no_contact_days > 0)
    dg_id_list_query_changed (DG_ID_LIST (self));
}

void
dg_customer_list_set_sort (DgCustomerList *self,
                           DgCustomerSort  sort,
                           gboolean        descending)
{
  DgCustomerQuery query;

  g_return_if_fail (DG_IS_CUSTOMER_LIST (self));

  dg_customer_list_get_query (self, &query);
  query.sort = sort;
  query.descending = !!descending;
  dg_customer_list_set_query (self, &query);
}

void
dg_customer_list_set_archived (DgCustomerList   *self,
                               DgArchivedFilter  archived)
{
  DgCustomerQuery query;

  g_return_if_fail (DG_IS_CUSTOMER_LIST (self));

  dg_customer_list_get_query (self, &query);
  query.archived = archived;
  dg_customer_list_set_query (self, &query);
}

/* What follows is the list's own API, kept for its callers. */

void
dg_customer_list_reload (DgCustomerList *self)
{
  dg_id_list_reload (DG_ID_LIST (self));
}

gboolean
dg_customer_list_is_complete (DgCustomerList *self)
{
  return dg_id_list_is_complete (DG_ID_LIST (self));
}

void
dg_customer_list_load_rest (DgCustomerList *self)
{
  dg_id_list_load_rest (DG_ID_LIST (self));
}

void
dg_customer_list_cancel_load (DgCustomerList *self)
{
  dg_id_list_cancel_load (DG_ID_LIST (self));
}

gboolean
dg_customer_list_is_loading (DgCustomerList *self)
{
  return dg_id_list_is_loading (DG_ID_LIST (self));
}

guint
dg_customer_list_find (DgCustomerList *self,
                       gint64          id)
{
  return dg_id_list_find (DG_ID_LIST (self), id);
}

gint64
dg_customer_list_get_id (DgCustomerList *self,
                         guint           position)
{
  return dg_id_list_get_id (DG_ID_LIST (self), position);
}

gboolean
dg_customer_list_get_move (DgCustomerList *self,
                           guint          *from,
                           guint          *to)
{
  return dg_id_list_get_move (DG_ID_LIST (self), from, to);
}

const GError *
dg_customer_list_get_error (DgCustomerList *self)
{
  return dg_id_list_get_error (DG_ID_LIST (self));
}

guint
dg_customer_list_get_n_built (DgCustomerList *self)
{
  return dg_id_list_get_n_built (DG_ID_LIST (self));
}
