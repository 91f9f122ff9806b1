/* test-customer-list-contacts.c
 *
 * The phone numbers and e-mail addresses of a selection of customers, as
 * the list's "copy" actions read them: in the order given, without blanks
 * or repeats, from one statement whatever the number of customers.
 */
#include "config.h"

#include <string.h>

#include "dg-database-private.h"
#include "dg-test-util.h"

static gint64
add (DgDatabase *db,
     const char *name,
     const char *phone,
     const char *email)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, name);
  dg_customer_set_phone (customer, phone);
  dg_customer_set_email (customer, email);
  dg_customers_insert (db, customer, &error);
  g_assert_no_error (error);

  return dg_customer_get_id (customer);
}

static void
test_contacts (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) phones = NULL;
  g_auto(GStrv) emails = NULL;
  g_auto(GStrv) none = NULL;
  gint64 ids[5];

  ids[0] = add (db, "김민수", "010-1234-5678", "minsu@example.com");
  ids[1] = add (db, "Alice", NULL, "alice@example.com");
  ids[2] = add (db, "박지성", "010-5555-1212", NULL);
  ids[3] = add (db, "Minsu's twin", "010-1234-5678", "twin@example.com");
  ids[4] = 999999;

  /* In the order asked for, not the order stored. */
  {
    gint64 order[] = { ids[2], ids[1], ids[0], ids[3], ids[4] };

    phones = dg_customers_get_contacts (db, order, G_N_ELEMENTS (order), DG_CONTACT_FIELD_PHONE, &error);
    g_assert_no_error (error);
    emails = dg_customers_get_contacts (db, order, G_N_ELEMENTS (order), DG_CONTACT_FIELD_EMAIL, &error);
    g_assert_no_error (error);
  }

  g_assert_cmpstrv (phones, ((const char *[]) { "010-5555-1212", "010-1234-5678", NULL }));
  g_assert_cmpstrv (emails, ((const char *[]) { "alice@example.com", "minsu@example.com", "twin@example.com", NULL }));

  none = dg_customers_get_contacts (db, NULL, 0, DG_CONTACT_FIELD_PHONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

/* 5,000 customers at once: one statement, in order. */
static void
test_many (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trace = NULL;
  g_auto(GStrv) phones = NULL;
  guint n_statements = 0;

  g_assert_true (dg_database_begin (db, &error));
  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Customer %05u", i);
      g_autofree char *phone = g_strdup_printf ("010-%04u-%04u", i / 10000, i % 10000);
      gint64 id = add (db, name, phone, NULL);

      g_array_prepend_val (ids, id);
    }
  g_assert_true (dg_database_commit (db, &error));

  dg_test_trace_begin (db);
  phones = dg_customers_get_contacts (db, (const gint64 *) (gpointer) ids->data, ids->len,
                                      DG_CONTACT_FIELD_PHONE, &error);
  trace = dg_test_trace_end (db);
  g_assert_no_error (error);

  for (guint i = 0; i < trace->len; i++)
    if (strstr (g_ptr_array_index (trace, i), "json_each") != NULL)
      n_statements++;
  g_assert_cmpuint (n_statements, ==, 1);
  g_assert_cmpuint (g_strv_length (phones), ==, 5000);
  g_assert_cmpstr (phones[0], ==, "010-0000-4999");
  g_assert_cmpstr (phones[4999], ==, "010-0000-0000");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/customer-list/contacts/order-and-blanks", test_contacts);
  g_test_add_func ("/customer-list/contacts/many", test_many);

  return g_test_run ();
}
