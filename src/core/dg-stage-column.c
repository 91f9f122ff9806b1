/* dg-stage-column.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-catalog.h"
#include "dg-enrollments.h"
#include "dg-stage-column.h"

struct _DgStageColumn
{
  DgIdList  parent_instance;

  DgClock  *clock;
  gulong    day_changed_handler;
  gint64    stage_id;
  gint64    cohort_id;
};

G_DEFINE_FINAL_TYPE (DgStageColumn, dg_stage_column, DG_TYPE_ID_LIST)

enum {
  PROP_0,
  PROP_CLOCK,
  PROP_STAGE_ID,
  PROP_COHORT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  gint64 stage_id;
  gint64 cohort_id;
} Query;

static gpointer
dg_stage_column_dup_query (DgIdList *list)
{
  DgStageColumn *self = DG_STAGE_COLUMN (list);
  Query *query = g_new (Query, 1);

  query->stage_id = self->stage_id;
  query->cohort_id = self->cohort_id;

  return query;
}

static GArray *
dg_stage_column_run_query (DgDatabase     *db,
                           gconstpointer   query,
                           guint           limit,
                           GError        **error)
{
  const Query *q = query;

  return dg_enrollments_stage_ids (db, q->stage_id, q->cohort_id, limit, error);
}

static GPtrArray *
dg_stage_column_build_rows (DgIdList      *list,
                            const gint64  *ids,
                            guint          n_ids,
                            GError       **error)
{
  DgStageColumn *self = DG_STAGE_COLUMN (list);

  return dg_enrollments_get_cards (dg_id_list_get_database (list), self->clock, ids, n_ids, error);
}

static void
on_clock_day_changed_cb (DgClock       *clock,
                         DgStageColumn *self)
{
  dg_id_list_reload (DG_ID_LIST (self));
}

static void
dg_stage_column_dispose (GObject *object)
{
  DgStageColumn *self = DG_STAGE_COLUMN (object);

  g_clear_signal_handler (&self->day_changed_handler, self->clock);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (dg_stage_column_parent_class)->dispose (object);
}

static void
dg_stage_column_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DgStageColumn *self = DG_STAGE_COLUMN (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    case PROP_STAGE_ID:
      g_value_set_int64 (value, self->stage_id);
      break;

    case PROP_COHORT_ID:
      g_value_set_int64 (value, self->cohort_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_stage_column_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DgStageColumn *self = DG_STAGE_COLUMN (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      self->day_changed_handler = g_signal_connect (self->clock, "day-changed",
                                                    G_CALLBACK (on_clock_day_changed_cb), self);
      break;

    case PROP_STAGE_ID:
      self->stage_id = g_value_get_int64 (value);
      break;

    case PROP_COHORT_ID:
      dg_stage_column_set_cohort_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_stage_column_class_init (DgStageColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  DgIdListClass *list_class = DG_ID_LIST_CLASS (klass);

  object_class->dispose = dg_stage_column_dispose;
  object_class->get_property = dg_stage_column_get_property;
  object_class->set_property = dg_stage_column_set_property;

  list_class->dup_query = dg_stage_column_dup_query;
  list_class->free_query = g_free;
  list_class->run_query = dg_stage_column_run_query;
  list_class->build_rows = dg_stage_column_build_rows;

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, DG_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAGE_ID] =
    g_param_spec_int64 ("stage-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COHORT_ID] =
    g_param_spec_int64 ("cohort-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dg_stage_column_init (DgStageColumn *self)
{
  dg_id_list_watch_table (DG_ID_LIST (self), DG_TABLE_ENROLLMENTS);
  dg_id_list_watch_table (DG_ID_LIST (self), DG_TABLE_CUSTOMERS);
  dg_id_list_watch_table (DG_ID_LIST (self), DG_TABLE_FOLLOWUPS);
  dg_id_list_watch_table (DG_ID_LIST (self), DG_TABLE_STAGES);
  dg_id_list_watch_table (DG_ID_LIST (self), DG_TABLE_COHORTS);
}

DgStageColumn *
dg_stage_column_new (DgDatabase *db,
                     DgClock    *clock,
                     gint64      stage_id,
                     gint64      cohort_id)
{
  return dg_stage_column_new_partial (db, clock, stage_id, cohort_id, 0);
}

DgStageColumn *
dg_stage_column_new_partial (DgDatabase *db,
                             DgClock    *clock,
                             gint64      stage_id,
                             gint64      cohort_id,
                             guint       first_rows)
{
  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);

  return g_object_new (DG_TYPE_STAGE_COLUMN,
                       "database", db,
                       "item-type", DG_TYPE_ENROLLMENT_CARD,
                       "first-rows", first_rows,
                       "clock", clock,
                       "stage-id", stage_id,
                       "cohort-id", cohort_id,
                       NULL);
}

guint
dg_stage_column_count (DgStageColumn  *self,
                       GError        **error)
{
  guint count = 0;

  g_return_val_if_fail (DG_IS_STAGE_COLUMN (self), 0);

  if (dg_id_list_is_complete (DG_ID_LIST (self)))
    return g_list_model_get_n_items (G_LIST_MODEL (self));

  if (!dg_enrollments_count_in_stage (dg_id_list_get_database (DG_ID_LIST (self)),
                                      self->stage_id, self->cohort_id, &count, error))
    return g_list_model_get_n_items (G_LIST_MODEL (self));

  return count;
}

gint64
dg_stage_column_get_stage_id (DgStageColumn *self)
{
  g_return_val_if_fail (DG_IS_STAGE_COLUMN (self), 0);

  return self->stage_id;
}

gint64
dg_stage_column_get_cohort_id (DgStageColumn *self)
{
  g_return_val_if_fail (DG_IS_STAGE_COLUMN (self), 0);

  return self->cohort_id;
}

void
dg_stage_column_set_cohort_id (DgStageColumn *self,
                               gint64         cohort_id)
{
  g_return_if_fail (DG_IS_STAGE_COLUMN (self));

  if (self->cohort_id == cohort_id)
    return;

  self->cohort_id = cohort_id;
  dg_id_list_query_changed (DG_ID_LIST (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COHORT_ID]);
}
