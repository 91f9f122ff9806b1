/* dg-notification-demo.c
 *
 * The real app on a temporary database with a fake clock standing at
 * Tuesday 2026-11-24 10:00 in Seoul, where a few follow-ups are due: its
 * window opens and its reminders go to whatever notification service owns
 * the bus name. tests/screenshot-notification.sh runs it under a real
 * notification daemon to take screenshots of a reminder run. It prints
 * "ready" once the reminders were shown and the window painted, and quits
 * on SIGTERM or SIGINT.
 *
 * With --many, seven fall due at once and become one summary notification.
 * With --agenda, the clock stands at 8:30 instead, and the morning agenda
 * says what the day holds: three follow-ups due, two overdue from the day
 * before (their reminders shown then) and three customers going cold.
 * The data is in the language of DANGOL_TEST_LANG (en or ko).
 */
#define G_LOG_DOMAIN "Dangol-Demo"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "dg-application.h"
#include "dg-test-util.h"
#include "dg-window.h"

typedef struct
{
  const char *customer;
  const char *title;
  const char *note;
  int         hour;   /* -1: all day */
  int         minute;
} DemoFollowup;

static const DemoFollowup demo_en[] = {
  { "김민수", "Call about the spring course", "Asked whether the weekend class still has seats", 10, 5 },
  { "Park & Sons <Bakery>", "Send the invoice", "With the <b>draft</b> & the receipt", -1, 0 },
  { NULL, "Order new name cards", NULL, 10, 0 },
};

static const DemoFollowup demo_ko[] = {
  { "김민수", "봄 강좌 안내 전화", "주말반에 자리가 남았는지 물어보셨음", 10, 5 },
  { "박&아들 <베이커리>", "청구서 보내기", "<b>초안</b>과 영수증 함께 보내기", -1, 0 },
  { NULL, "새 명함 주문", NULL, 10, 0 },
};

static const DemoFollowup many_en[] = {
  { "김민수", "Call about the spring course", NULL, 9, 0 },
  { "Park & Sons <Bakery>", "Send the invoice", NULL, -1, 0 },
  { "이서연", "Invite to the autumn workshop", NULL, 9, 30 },
  { "Choi Design", "Thank for the review", NULL, 10, 0 },
  { "정하늘", "Confirm the venue", NULL, 10, 5 },
  { NULL, "Send the survey", NULL, -1, 0 },
  { NULL, "Renew the membership", NULL, -1, 0 },
};

static const DemoFollowup many_ko[] = {
  { "김민수", "봄 강좌 안내 전화", NULL, 9, 0 },
  { "박&아들 <베이커리>", "청구서 보내기", NULL, -1, 0 },
  { "이서연", "가을 워크숍 초대", NULL, 9, 30 },
  { "최디자인", "후기 감사 인사", NULL, 10, 0 },
  { "정하늘", "장소 확정", NULL, 10, 5 },
  { NULL, "설문 보내기", NULL, -1, 0 },
  { NULL, "회원권 갱신", NULL, -1, 0 },
};

static const char *cold_en[] = { "Lee Ji-eun", "Oak Tree Yoga", "한지민" };
static const char *cold_ko[] = { "이지은", "참나무 요가", "한지민" };

static const DemoFollowup overdue_en[] = {
  { "김민수", "Send the course timetable", NULL, 15, 0 },
  { NULL, "Renew the membership", NULL, -1, 0 },
};

static const DemoFollowup overdue_ko[] = {
  { "김민수", "강좌 시간표 보내기", NULL, 15, 0 },
  { NULL, "회원권 갱신", NULL, -1, 0 },
};

static gboolean many;
static gboolean agenda;
static gboolean ready;

static gint64
find_or_add_customer (DgDatabase *db,
                      GHashTable *customers,
                      const char *name)
{
  g_autoptr(DgCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  gpointer id;

  if (name == NULL)
    return 0;

  if ((id = g_hash_table_lookup (customers, name)) != NULL)
    return GPOINTER_TO_SIZE (id);

  customer = dg_customer_new ();
  dg_customer_set_name (customer, name);
  if (!dg_customers_insert (db, customer, &error))
    g_error ("%s", error->message);

  g_hash_table_insert (customers, (gpointer) name, GSIZE_TO_POINTER (dg_customer_get_id (customer)));

  return dg_customer_get_id (customer);
}

static void
add_followups (DgContext          *context,
               GHashTable         *customers,
               const DemoFollowup *demo,
               guint               n,
               const char         *date,
               int                 day)
{
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (dg_context_get_clock (context));
  DgDatabase *db = dg_context_get_database (context);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DgFollowup) followup = dg_followup_new ();
      g_autoptr(GError) error = NULL;

      dg_followup_set_customer_id (followup, find_or_add_customer (db, customers, demo[i].customer));
      dg_followup_set_title (followup, demo[i].title);
      dg_followup_set_note (followup, demo[i].note);
      if (demo[i].hour < 0)
        dg_followup_set_due_date (followup, date);
      else
        {
          g_autoptr(GDateTime) due = dg_test_local_time (tz, 2026, 11, day, demo[i].hour, demo[i].minute);

          dg_followup_set_due_at (followup, due);
        }

      if (!dg_followups_insert (db, dg_context_get_clock (context), followup, &error))
        g_error ("%s", error->message);

      /* The day before, its reminder was shown. */
      if (day < 24)
        {
          g_autoptr(GDateTime) now = dg_clock_get_now_utc (dg_context_get_clock (context));

          if (!dg_reminders_mark_notified (db, dg_followup_get_id (followup), now, &error))
            g_error ("%s", error->message);
        }
    }
}

static void
add_cold_customers (DgContext   *context,
                    const char **names,
                    guint        n)
{
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (dg_context_get_clock (context));
  g_autoptr(GDateTime) long_ago = g_date_time_add_days (now, -60);
  DgDatabase *db = dg_context_get_database (context);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DgCustomer) customer = dg_customer_new ();
      g_autoptr(GError) error = NULL;

      dg_customer_set_name (customer, names[i]);
      dg_customer_set_created_at (customer, long_ago);
      if (!dg_customers_insert (db, customer, &error))
        g_error ("%s", error->message);
    }
}

static void
add_agenda_data (DgContext *context)
{
  gboolean korean = g_strcmp0 (g_getenv ("DANGOL_TEST_LANG"), "ko") == 0;
  g_autoptr(GHashTable) customers = g_hash_table_new (g_str_hash, g_str_equal);

  add_followups (context, customers, korean ? demo_ko : demo_en, G_N_ELEMENTS (demo_en),
                 "2026-11-24", 24);
  add_followups (context, customers, korean ? overdue_ko : overdue_en, G_N_ELEMENTS (overdue_en),
                 "2026-11-23", 23);
  add_cold_customers (context, korean ? cold_ko : cold_en, G_N_ELEMENTS (cold_en));
}

static void
add_demo_data (DgContext *context)
{
  gboolean korean = g_strcmp0 (g_getenv ("DANGOL_TEST_LANG"), "ko") == 0;
  g_autoptr(GHashTable) customers = g_hash_table_new (g_str_hash, g_str_equal);

  if (many)
    add_followups (context, customers, korean ? many_ko : many_en, G_N_ELEMENTS (many_en),
                   "2026-11-24", 24);
  else
    add_followups (context, customers, korean ? demo_ko : demo_en, G_N_ELEMENTS (demo_en),
                   "2026-11-24", 24);
}

static gboolean
on_quit_signal_cb (gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));

  return G_SOURCE_REMOVE;
}

static void
on_after_paint_cb (GdkFrameClock *frame_clock,
                   DgApplication *app)
{
  DgNotifier *notifier = dg_application_get_notifier (app);
  DgReminderService *service = dg_notifier_get_service (notifier);

  if (ready)
    return;

  /* Painted before the first check: paint again, so that "ready" comes
   * once the reminders were shown too. */
  if (dg_reminder_service_get_n_checks (service) == 0)
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

      if (window != NULL)
        gtk_widget_queue_draw (GTK_WIDGET (window));
      return;
    }

  ready = TRUE;
  g_print ("ready\n");
  fflush (stdout);
}

static void
on_window_added_cb (GtkApplication *application,
                    GtkWindow      *window,
                    DgApplication  *app)
{
  if (!DG_IS_WINDOW (window))
    return;

  gtk_window_set_default_size (window, 1000, 700);
  gtk_widget_realize (GTK_WIDGET (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint_cb), app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DgApplication) app = NULL;
  g_autoptr(DgFakeClock) clock = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  char *app_argv[] = { (char *) "dangol", NULL };

  dg_test_init_i18n ();
  g_set_application_name (_("Dangol"));
  many = argc > 1 && g_str_equal (argv[1], "--many");
  agenda = argc > 1 && g_str_equal (argv[1], "--agenda");

  app = dg_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);

  clock = dg_test_fake_clock ("Asia/Seoul", 2026, 11, 24, agenda ? 8 : 10, agenda ? 30 : 0);

  /* The agenda comes while reminders run in the background; this run's
   * settings are in memory (GSETTINGS_BACKEND=memory), and an autostart
   * entry, if one were written, in a folder of its own. */
  if (agenda)
    {
      g_autoptr(GSettings) settings = NULL;
      g_autofree char *config = g_build_filename (dg_test_tempdir (), "config", NULL);

      g_setenv ("XDG_CONFIG_HOME", config, TRUE);
      settings = g_settings_new (APPLICATION_ID);
      g_settings_set_boolean (settings, "run-in-background", TRUE);
      g_settings_set_boolean (settings, "morning-agenda", TRUE);
    }
  dg_application_set_clock (app, DG_CLOCK (clock));

  path = dg_test_temp_path ("dangol.db");
  if (!dg_application_open_database (app, path, &error))
    g_error ("%s", error->message);
  if (agenda)
    add_agenda_data (dg_application_get_context (app));
  else
    add_demo_data (dg_application_get_context (app));
  dg_application_start_reminders (app);

  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), app);
  g_unix_signal_add (SIGTERM, on_quit_signal_cb, app);
  g_unix_signal_add (SIGINT, on_quit_signal_cb, app);

  return g_application_run (G_APPLICATION (app), 1, app_argv);
}
