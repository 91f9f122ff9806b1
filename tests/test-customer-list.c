/* test-customer-list.c */
#include "config.h"

#include "dg-test-util.h"

int
main (int argc, char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  return g_test_run ();
}
