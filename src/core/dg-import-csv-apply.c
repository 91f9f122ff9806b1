/* dg-import-csv-apply.c
 *
 * Writing a previewed import: the sheet read again (or the vCard file's
 * cards), each record added, skipped or filled into the customer it
 * matches, all in one transaction that one DgBulkUndo reverses.
 */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-catalog.h"
#include "dg-customers-private.h"
#include "dg-error.h"
#include "dg-import-csv-private.h"
#include "dg-journeys-private.h"
#include "dg-journeys.h"
#include "dg-stages.h"

typedef struct
{
  DgCsvImport     *self;
  DgDatabase      *db;
  DgBulkUndo      *undo;
  /* Customers whose row before is kept for Undo (those added are known
   * to the undo). */
  GHashTable      *kept;
  /* The customers to enrol, added, updated or matched: only when there
   * is a stage to enrol them in. */
  GArray          *enrol;
  /* A survey's customers whose follow-ups are kept for Undo. */
  GHashTable      *kept_followups;
  /* The clock's time: when the customers added were created and those
   * filled in were updated. */
  GDateTime       *now;
  DgImportSummary  summary;
} Apply;

static void
set_file_changed (GError **error)
{
  g_set_error_literal (error, DG_ERROR, DG_ERROR_IMPORT_FILE_CHANGED,
                       _("The file changed since the preview; preview it again."));
}

/* The ids of the tags named in @tags, created when missing (which Undo
 * then removes). */
static GArray *
ensure_tags (Apply               *apply,
             const char * const  *tags,
             GError             **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; tags[i] != NULL; i++)
    {
      gboolean created = FALSE;
      gint64 id = dg_customers_ensure_tag (apply->db, tags[i], &created, error);

      if (id == 0)
        return NULL;
      if (created)
        dg_bulk_undo_add_created_tag (apply->undo, id);
      g_array_append_val (ids, id);
    }

  return g_steal_pointer (&ids);
}

static void
to_enrol (Apply  *apply,
          gint64  id)
{
  if (apply->self->stage_id != 0)
    g_array_append_val (apply->enrol, id);
}

static gboolean
add_customer (Apply       *apply,
              DgCustomer  *customer,
              GError     **error)
{
  g_autoptr(GArray) tag_ids = ensure_tags (apply, dg_customer_get_tags (customer), error);
  gint64 id;

  if (tag_ids == NULL)
    return FALSE;

  /* The import's clock says when, not the database's. */
  if (dg_customer_get_created_at (customer) == NULL)
    dg_customer_set_created_at (customer, apply->now);
  if (dg_customer_get_updated_at (customer) == NULL)
    dg_customer_set_updated_at (customer, apply->now);
  if (!dg_customers_insert (apply->db, customer, error))
    return FALSE;

  id = dg_customer_get_id (customer);
  dg_bulk_undo_add_created_in (apply->undo, DG_TABLE_CUSTOMERS, id);
  dg_bulk_undo_count_changed (apply->undo);
  to_enrol (apply, id);
  apply->summary.n_added++;

  return TRUE;
}

/* Keeps customer @id's row as it is now, once, for Undo. */
static gboolean
keep_row (Apply   *apply,
          gint64   id,
          GError **error)
{
  g_auto(DgStatement) stmt = NULL;
  DgBulkRow *row;

  if (dg_bulk_undo_has_created_in (apply->undo, DG_TABLE_CUSTOMERS, id)
      || g_hash_table_contains (apply->kept, &id))
    return TRUE;

  stmt = dg_database_prepare (apply->db, "SELECT * FROM customers WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return dg_database_set_error (apply->db, error);

  row = dg_bulk_row_new_from_statement (stmt);
  if (row == NULL)
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_DATABASE,
                           _("Out of memory while keeping the customers for Undo."));
      return FALSE;
    }

  dg_bulk_undo_add_row_in (apply->undo, DG_TABLE_CUSTOMERS, row);
  dg_bulk_undo_count_changed (apply->undo);
  g_hash_table_add (apply->kept, g_memdup2 (&id, sizeof id));

  return TRUE;
}

static gboolean
update_customer (Apply       *apply,
                 gint64       id,
                 DgCustomer  *incoming,
                 guint        row,
                 GError     **error)
{
  g_autoptr(DgCustomer) existing = dg_customers_get (apply->db, id, error);
  g_auto(GStrv) tags_before = NULL;
  g_autoptr(GPtrArray) new_tags = g_ptr_array_new ();
  g_autoptr(GArray) tag_ids = NULL;
  guint n_conflicts = 0;

  if (existing == NULL)
    return FALSE;
  to_enrol (apply, id);

  tags_before = g_strdupv ((char **) dg_customer_get_tags (existing));
  if (!dg_csv_import_merge (existing, incoming, apply->self->format, row, NULL, &n_conflicts))
    {
      apply->summary.n_unchanged++;
      apply->summary.n_conflicts += n_conflicts;
      return TRUE;
    }
  apply->summary.n_conflicts += n_conflicts;

  for (const char * const *t = dg_customer_get_tags (existing); *t != NULL; t++)
    {
      if (!g_strv_contains ((const char * const *) tags_before, *t))
        g_ptr_array_add (new_tags, (gpointer) *t);
    }
  g_ptr_array_add (new_tags, NULL);

  tag_ids = ensure_tags (apply, (const char * const *) new_tags->pdata, error);
  if (tag_ids == NULL
      || !keep_row (apply, id, error)
      || !dg_customers_update_at (apply->db, existing, apply->now, error))
    return FALSE;

  for (guint i = 0; i < tag_ids->len; i++)
    dg_bulk_undo_add_link (apply->undo, id, g_array_index (tag_ids, gint64, i));
  apply->summary.n_updated++;

  return TRUE;
}

static gboolean
apply_row (Apply        *apply,
           DgImportRow  *info,
           DgCustomer   *customer,
           GError      **error)
{
  gint64 id = 0;

  if (customer == NULL)
    {
      apply->summary.n_refused++;
      return TRUE;
    }

  if (!dg_csv_import_find_customer (apply->db, customer, &id, error))
    return FALSE;

  /* An earlier row of the file is in the database by now: matching it
   * there updates the customer that row added. */
  if (id == 0)
    return add_customer (apply, customer, error);
  if (info->plan == DG_IMPORT_PLAN_ADD)
    {
      /* Added anyway, a duplicate is someone else: the uuid it matched
       * (a card's UID) stays its customer's. */
      dg_customer_set_uuid (customer, "");
      return add_customer (apply, customer, error);
    }
  if (info->plan == DG_IMPORT_PLAN_SKIP)
    {
      apply->summary.n_skipped++;
      return TRUE;
    }

  return update_customer (apply, id, customer, info->row, error);
}

/* A survey's row: its contact logged for the customer it matches, or
 * for the one it adds when the caller wants the unmatched added. */
static gboolean
apply_survey_row (Apply      *apply,
                  GPtrArray  *fields,
                  GTimeZone  *tz,
                  GError    **error)
{
  DgCsvImport *self = apply->self;
  g_autoptr(DgCustomer) customer = NULL;
  g_autofree char *problem = NULL;
  gint64 id = 0;

  if (!dg_csv_import_survey_find (self, apply->db, fields, &id, error))
    return FALSE;

  if (id == 0)
    {
      customer = dg_csv_import_build_customer (self, fields, tz, &problem);
      if (!self->add_unmatched || customer == NULL)
        {
          apply->summary.n_unmatched++;
          return TRUE;
        }
      if (!add_customer (apply, customer, error))
        return FALSE;
      id = dg_customer_get_id (customer);
    }
  else
    to_enrol (apply, id);

  return dg_csv_import_survey_log (self, apply->db, apply->undo, apply->kept_followups, fields, tz, id,
                                   &apply->summary, error);
}

static gboolean
apply_rows (Apply         *apply,
            GCancellable  *cancellable,
            GError       **error)
{
  DgCsvImport *self = apply->self;
  g_auto(DgImportSource) source = { 0 };
  g_autoptr(GError) local_error = NULL;
  guint index = 0;

  if (!dg_import_source_open (&source, self, cancellable, error))
    return FALSE;

  while (dg_import_source_next (&source, cancellable, &local_error))
    {
      DgImportRow *info;

      /* @index rows are written. */
      if (self->progress_func != NULL && index > 0 && index % DG_CSV_IMPORT_PROGRESS_ROWS == 0)
        self->progress_func (index, self->n_rows, self->progress_data);

      if (index >= self->n_rows || (info = dg_csv_import_lookup_row (self, index++))->row != source.row)
        {
          set_file_changed (error);
          return FALSE;
        }

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (info->kind == DG_IMPORT_ROW_REFUSED)
        {
          apply->summary.n_refused++;
          continue;
        }

      if (self->survey_clock != NULL ? !apply_survey_row (apply, source.fields, source.tz, error)
                                     : !apply_row (apply, info, source.customer, error))
        {
          dg_import_source_prefix_error (&source, error);
          return FALSE;
        }
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (index != self->n_rows
      || g_strcmp0 (dg_import_source_get_checksum (&source), self->checksum) != 0)
    {
      set_file_changed (error);
      return FALSE;
    }
  if (self->progress_func != NULL)
    self->progress_func (index, self->n_rows, self->progress_data);

  return TRUE;
}

/* Enrols the customers in the stage, in a cohort made for them. */
static gboolean
enrol_customers (Apply    *apply,
                 DgClock  *clock,
                 GError  **error)
{
  DgCsvImport *self = apply->self;
  g_autoptr(DgStage) stage = NULL;
  gint64 cohort_id = 0;
  guint before;

  if (self->stage_id == 0 || apply->enrol->len == 0)
    return TRUE;

  stage = dg_stages_get (apply->db, self->stage_id, error);
  if (stage == NULL)
    return FALSE;

  if (self->cohort_name != NULL)
    {
      g_autoptr(DgCohort) cohort = dg_cohort_new (stage->journey_id, self->cohort_name, self->cohort_date);

      if (!dg_cohorts_insert_with_clock (apply->db, cohort, clock, error))
        return FALSE;
      cohort_id = cohort->id;
      dg_bulk_undo_add_created_in (apply->undo, DG_TABLE_COHORTS, cohort_id);
    }

  before = dg_bulk_undo_get_n_changed (apply->undo);
  if (!dg_enrollments_enroll_many_into (apply->db, clock, apply->undo,
                                        (const gint64 *) apply->enrol->data, apply->enrol->len,
                                        stage->id, cohort_id, error))
    return FALSE;
  apply->summary.n_enrolled = dg_bulk_undo_get_n_changed (apply->undo) - before;

  return TRUE;
}

void
dg_csv_import_set_progress_func (DgCsvImport          *self,
                                 DgImportProgressFunc  func,
                                 gpointer              user_data)
{
  g_return_if_fail (DG_IS_CSV_IMPORT (self));

  self->progress_func = func;
  self->progress_data = user_data;
}

DgBulkUndo *
dg_csv_import_apply (DgCsvImport      *self,
                     DgDatabase       *db,
                     DgClock          *clock,
                     GCancellable     *cancellable,
                     DgImportSummary  *out_summary,
                     GError          **error)
{
  g_autoptr(DgBulkUndo) undo = NULL;
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) enrol = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) kept_followups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GDateTime) now = NULL;
  Apply apply = { 0 };

  g_return_val_if_fail (DG_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);

  if (!self->previewed)
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_IMPORT,
                           _("Preview the file before importing it."));
      return NULL;
    }

  undo = dg_bulk_undo_new (db, DG_BULK_ACTION_IMPORT);
  apply.self = self;
  apply.db = db;
  apply.undo = undo;
  apply.kept = kept;
  apply.enrol = enrol;
  apply.kept_followups = kept_followups;
  apply.now = now = dg_clock_get_now_utc (clock);

  if (!dg_database_begin (db, error))
    goto failed;

  self->applying_at = now;
  if (!apply_rows (&apply, cancellable, error) || !enrol_customers (&apply, clock, error))
    {
      self->applying_at = NULL;
      dg_database_rollback (db);
      goto failed;
    }
  self->applying_at = NULL;

  if (dg_bulk_undo_get_n_changed (undo) > 0)
    dg_database_notify_changed (db, DG_TABLE_CUSTOMERS);
  if (apply.summary.n_logged > 0)
    dg_database_notify_changed (db, DG_TABLE_INTERACTIONS);

  if (!dg_database_commit (db, error))
    goto failed;

  if (out_summary != NULL)
    *out_summary = apply.summary;

  return g_steal_pointer (&undo);

failed:
  g_prefix_error (error, "%s", _("Nothing was imported. "));
  return NULL;
}
