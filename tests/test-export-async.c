/* test-export-async.c
 *
 * The exports on a worker thread: the same bytes as the export run in
 * place, progress heard in the caller's thread, and a cancelled export
 * leaving no file (no temporary one either) and an older file as it was.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "dg-core.h"
#include "dg-test-util.h"

/* More than one step of progress (they come every 200 records). */
#define N_CUSTOMERS 450

static GThread *main_thread;

static void
fill (DgDatabase *db,
      guint       n)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DgCustomer) customer = dg_customer_new ();
      g_autofree char *name = g_strdup_printf ("고객 %03u", i);
      const char *tags[] = { i % 3 == 0 ? "vip" : "강의", NULL };

      dg_customer_set_name (customer, name);
      dg_customer_set_phone (customer, "010-1234-5678");
      dg_customer_set_tags (customer, tags);
      g_assert_true (dg_customers_insert (db, customer, &error));
      g_assert_no_error (error);
    }
}

typedef struct
{
  GAsyncResult *result;
  guint         n_reports;
  guint         done;
  guint         total;
  gboolean      finished;
} Run;

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  Run *run = user_data;

  g_assert_true (g_thread_self () == main_thread);
  g_assert_false (run->finished);
  g_assert_cmpuint (done, >=, run->done);
  g_assert_cmpuint (done, <=, total);
  run->n_reports++;
  run->done = done;
  run->total = total;
}

static void
on_done (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Run *run = user_data;

  run->result = g_object_ref (result);
}

static gboolean
finish (Run     *run,
        guint   *count,
        GError **error)
{
  gboolean ok;

  while (run->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  ok = dg_export_finish (run->result, count, error);
  run->finished = TRUE;
  g_clear_object (&run->result);

  /* Nothing is reported once finished, though a report may be queued. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return ok;
}

/* The customer list's CSV of the "vip" customers: the bytes that
 * dg_export_csv() writes in place, with progress up to every one. */
static void
test_csv (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autofree char *path = dg_test_temp_path ("async.csv");
  g_autofree char *reference = dg_test_temp_path ("reference.csv");
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Seoul");
  g_autoptr(GBytes) got = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  const DgExportCsvColumn *columns;
  DgCustomerQuery query = { 0 };
  Run run = { 0 };
  guint n_columns, count = 0;

  fill (db, N_CUSTOMERS);
  query.tag = "vip";
  query.sort = DG_CUSTOMER_SORT_NAME;
  query.descending = TRUE;

  dg_export_async (db, DG_EXPORT_CUSTOMERS_CSV, &query, NULL, 0, tz, path, NULL,
                   on_progress, &run, on_done, &run);
  /* The query was copied: the caller's may change at once. */
  query.tag = "강의";
  g_assert_true (finish (&run, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, N_CUSTOMERS / 3);
  g_assert_cmpuint (run.n_reports, >=, 1);
  g_assert_cmpuint (run.total, ==, N_CUSTOMERS / 3);

  query.tag = "vip";
  columns = dg_export_csv_list_columns (&n_columns);
  g_assert_true (dg_export_csv (db, &query, NULL, 0, columns, n_columns, tz, reference,
                                NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  got = dg_test_read_file (path);
  expected = dg_test_read_file (reference);
  g_assert_true (g_bytes_equal (got, expected));
}

/* Chosen customers as vCard, in the order given. */
static void
test_vcard_ids (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autofree char *path = dg_test_temp_path ("chosen.vcf");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[] = { 3, 1 };
  const char *text;
  Run run = { 0 };
  guint count = 0;

  fill (db, 5);
  dg_export_async (db, DG_EXPORT_CONTACTS_VCARD, NULL, ids, G_N_ELEMENTS (ids), NULL, path,
                   NULL, NULL, NULL, on_done, &run);
  g_assert_true (finish (&run, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 2);

  bytes = dg_test_read_file (path);
  text = g_bytes_get_data (bytes, NULL);
  g_assert_nonnull (strstr (text, "FN:고객 002"));
  g_assert_true (strstr (text, "FN:고객 002") < strstr (text, "FN:고객 000"));
  g_assert_null (strstr (text, "FN:고객 001"));
}

/* Cancelled before the worker began: G_IO_ERROR_CANCELLED, the older file
 * as it was, no temporary file beside it. */
static void
test_cancelled (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autofree char *path = dg_test_temp_path ("contacts.vcf");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  Run run = { 0 };

  fill (db, 20);
  g_assert_true (g_file_set_contents (path, "older", -1, &error));
  g_cancellable_cancel (cancellable);

  for (DgExportFormat format = DG_EXPORT_CUSTOMERS_CSV; format <= DG_EXPORT_FOLLOWUPS_ICAL;
       format++)
    {
      memset (&run, 0, sizeof run);
      dg_export_async (db, format, NULL, NULL, 0, NULL, path, cancellable,
                       on_progress, &run, on_done, &run);
      g_assert_false (finish (&run, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      g_assert_cmpuint (run.n_reports, ==, 0);
    }

  bytes = dg_test_read_file (path);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "older", 5);
  names = dg_test_list_dir (dir);
  g_assert_cmpstr (names, ==, "contacts.vcf");
}

static void
cancel_on_first_report (guint    done,
                        guint    total,
                        gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

/* Cancelled half way, and after the last record, before the commit: the
 * temporary file is removed each time and the older file stays. In place,
 * where progress is heard on the export's own thread. */
static void
test_cancelled_while_writing (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autofree char *path = dg_test_temp_path ("list.csv");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  const DgExportCsvColumn *columns;
  guint n_columns;

  fill (db, N_CUSTOMERS);
  columns = dg_export_csv_list_columns (&n_columns);
  g_assert_true (g_file_set_contents (path, "older", -1, &error));

  /* Cancelled as the first progress comes, the export notices it at 200
   * of 450, or after the last of 150, when only the commit was left. */
  static const guint sizes[] = { N_CUSTOMERS, 150 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      guint n = sizes[s];
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GArray) ids = NULL;
      DgCustomerQuery query = { .limit = n, .archived = DG_ARCHIVED_EXCLUDE };

      ids = dg_customers_search_ids (db, &query, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (ids->len, ==, n);

      g_assert_false (dg_export_csv (db, NULL, (const gint64 *) ids->data, ids->len, columns,
                                     n_columns, NULL, path, cancellable,
                                     cancel_on_first_report, cancellable, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);

      g_assert_false (dg_export_vcard (db, (const gint64 *) ids->data, ids->len, path,
                                       cancellable, NULL, NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
    }

  bytes = dg_test_read_file (path);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "older", 5);
  names = dg_test_list_dir (dir);
  g_assert_cmpstr (names, ==, "list.csv");
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();

  g_test_add_func ("/export-async/csv", test_csv);
  g_test_add_func ("/export-async/vcard-ids", test_vcard_ids);
  g_test_add_func ("/export-async/cancelled", test_cancelled);
  g_test_add_func ("/export-async/cancelled-while-writing", test_cancelled_while_writing);

  return g_test_run ();
}
