#define G_LOG_DOMAIN "Dangol-Test"
#include "config.h"
#include <glib/gi18n.h>
#include "dg-customers-test-util.h"
#include "dg-test-util.h"
#include "dg-ui-fixture.h"
#include "dg-ui-test-util.h"

static void
dump (GtkWidget *w, int depth)
{
  int min, nat;
  if (depth > 40) return;
  if (!gtk_widget_get_mapped (w)) return;
  gtk_widget_measure (w, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  if (min > 90)
    g_printerr ("%*s%s #%s min=%d nat=%d\n", depth, "", G_OBJECT_TYPE_NAME (w),
                gtk_buildable_get_buildable_id (GTK_BUILDABLE (w)) ?: "", min, nat);
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    dump (c, depth + 1);
}

static const DgUiFixtureOptions opts = { .width = 1100, .height = 720, .page = "customers" };

static void
test_probe (DgUiFixture *fixture, gconstpointer data)
{
  dg_customers_test_insert ("김민수", "010-1234-5678", "minsu@example.com", "Org", "vip");
  {
    const char *titles[] = { "수강 후기 설문 보내기", "Call back about the quote for the spring workshop" };
    for (int i = 0; i < 2; i++)
      {
        g_autoptr(DgFollowup) f = dg_followup_new ();
        g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (DG_CLOCK (fixture->clock));
        g_autoptr(GDateTime) due = dg_test_local_time (tz, 2026, 11, 24 - i, 9, 30);
        g_autoptr(GError) error = NULL;
        dg_followup_set_title (f, titles[i]);
        dg_followup_set_customer_id (f, dg_customers_test_find_id ("김민수"));
        dg_followup_set_due_at (f, due);
        dg_followups_insert (fixture->database, DG_CLOCK (fixture->clock), f, &error);
        g_assert_no_error (error);
      }
  }
  dg_ui_test_wait_painted (GTK_WIDGET (fixture->window), 2);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 720);
  dg_ui_test_wait_painted (GTK_WIDGET (fixture->window), 2);
  g_printerr ("=== customers\n");
  dump (GTK_WIDGET (fixture->window), 0);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (fixture->window), "probe-customers"));
  dg_customers_test_open ("김민수");
  dg_ui_test_wait_painted (GTK_WIDGET (fixture->window), 2);
  g_printerr ("=== customer page\n");
  dump (GTK_WIDGET (fixture->window), 0);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (fixture->window), "probe-customer"));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (dg_ui_test_find_by_id (GTK_WIDGET (fixture->window), "view_stack")), "today");
  dg_ui_test_wait_painted (GTK_WIDGET (fixture->window), 2);
  g_printerr ("=== today\n");
  dump (GTK_WIDGET (fixture->window), 0);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (fixture->window), "probe-today"));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (dg_ui_test_find_by_id (GTK_WIDGET (fixture->window), "view_stack")), "calendar");
  dg_ui_test_wait_painted (GTK_WIDGET (fixture->window), 2);
  g_printerr ("=== calendar\n");
  dump (GTK_WIDGET (fixture->window), 0);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (fixture->window), "probe-calendar"));
  g_printerr ("window w=%d content w=%d\n", gtk_widget_get_width (GTK_WIDGET (fixture->window)), gtk_widget_get_width (adw_application_window_get_content (ADW_APPLICATION_WINDOW (fixture->window))));
}

static GLogWriterOutput
writer_cb (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer data)
{
  const char *message = NULL;
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE"))
      message = fields[i].value;
  if (message && (level & G_LOG_LEVEL_WARNING))
    {
      const char *at = strstr (message, " 0x");
      g_printerr ("W: %s\n", message);
      if (at)
        {
          GtkWidget *w = (GtkWidget *) (gsize) g_ascii_strtoull (at + 1, NULL, 16);
          for (; w; w = gtk_widget_get_parent (w))
            g_printerr ("  in %s #%s\n", G_OBJECT_TYPE_NAME (w), gtk_buildable_get_buildable_id (GTK_BUILDABLE (w)) ?: "");
        }
    }
  return g_log_writer_standard_streams (level, fields, n_fields, data);
}

static gboolean
fatal_cb (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  const char *at = strstr (message, " 0x");
  if (at)
    {
      GtkWidget *w = (GtkWidget *) (gsize) g_ascii_strtoull (at + 1, NULL, 16);
      for (; w; w = gtk_widget_get_parent (w))
        g_printerr ("  in %s #%s\n", G_OBJECT_TYPE_NAME (w), gtk_buildable_get_buildable_id (GTK_BUILDABLE (w)) ?: "");
    }
  return FALSE;
}

int
main (int argc, char *argv[])
{
  g_test_log_set_fatal_handler (fatal_cb, NULL);
  g_log_set_writer_func (writer_cb, NULL, NULL);
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);
  DG_UI_TEST_ADD_WITH ("/ui/narrow/probe", &opts, test_probe);
  return g_test_run ();
}
