/* dg-seed-database.c
 *
 * Writes a small database for tests that start the real app: a few
 * customers (one with a long note and a contact log), follow-ups overdue,
 * due today and later, one for no one in particular. Usage:
 * dg-seed-database PATH. The text is in the language of DANGOL_TEST_LANG
 * (en or ko); the dates follow the system clock, as the app's will.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include "dg-core.h"

typedef struct
{
  const char *name;
  const char *phone;
  const char *organization;
  const char *note;
} SeedCustomer;

static const SeedCustomer customers_en[] = {
  { "김민수", "010-1234-5678", "Hanbit Academy",
    "Prefers calls after six.\nAsked about the weekend class twice.\nHis daughter may join "
    "the spring course.\nLikes printed handouts.\nPays by bank transfer, not by card.\n"
    "Met at the Seoul book fair in 2025." },
  { "Park & Sons Bakery", "02-123-4567", NULL, "Orders cakes for every workshop." },
  { "이서연", "010-9876-5432", "Choi Design", NULL },
};

static const SeedCustomer customers_ko[] = {
  { "김민수", "010-1234-5678", "한빛 아카데미",
    "여섯 시 이후 통화를 선호함.\n주말반에 대해 두 번 물어봄.\n딸이 봄 강좌에 함께할 수도 있음.\n"
    "인쇄한 자료를 좋아함.\n카드 대신 계좌 이체로 결제.\n2025년 서울 도서전에서 만남." },
  { "박가네 빵집", "02-123-4567", NULL, "워크숍마다 케이크를 주문함." },
  { "이서연", "010-9876-5432", "최디자인", NULL },
};

static gint64
add_customer (DgDatabase         *db,
              const SeedCustomer *seed)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;

  dg_customer_set_name (customer, seed->name);
  dg_customer_set_phone (customer, seed->phone);
  dg_customer_set_organization (customer, seed->organization);
  dg_customer_set_note (customer, seed->note);
  if (!dg_customers_insert (db, customer, &error))
    g_error ("%s", error->message);

  return dg_customer_get_id (customer);
}

static void
add_followup (DgDatabase *db,
              DgClock    *clock,
              gint64      customer_id,
              const char *title,
              int         days_from_now)
{
  g_autoptr(DgFollowup) followup = dg_followup_new ();
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (clock);
  g_autoptr(GDateTime) due = g_date_time_add_days (now, days_from_now);
  g_autoptr(GError) error = NULL;

  dg_followup_set_customer_id (followup, customer_id);
  dg_followup_set_title (followup, title);
  dg_followup_set_due_at (followup, due);
  if (!dg_followups_insert (db, clock, followup, &error))
    g_error ("%s", error->message);
}

static void
add_contact (DgDatabase *db,
             DgClock    *clock,
             gint64      customer_id,
             const char *summary)
{
  g_autoptr(DgInteraction) interaction = dg_interaction_new ();
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (clock);
  g_autoptr(GDateTime) when = g_date_time_add_days (now, -2);
  g_autoptr(GError) error = NULL;

  dg_interaction_set_customer_id (interaction, customer_id);
  dg_interaction_set_occurred_at (interaction, when);
  dg_interaction_set_channel (interaction, DG_INTERACTION_CHANNEL_CALL);
  dg_interaction_set_summary (interaction, summary);
  if (!dg_interactions_insert (db, clock, interaction, &error))
    g_error ("%s", error->message);
}

/* The first shipped template (in the test's language), its first stage
 * holding every customer but the last and its second stage the last. */
static void
add_journey (DgDatabase   *db,
             DgClock      *clock,
             const gint64 *customer_ids,
             guint         n_customers)
{
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GError) error = NULL;
  gint64 journey_id = 0;

  templates = dg_journey_templates_list (NULL, NULL, &error);
  if (templates == NULL || templates->len == 0)
    g_error ("No journey template: %s", error != NULL ? error->message : "none shipped");
  if (!dg_journey_template_create_journey (db, g_ptr_array_index (templates, 0), &journey_id, &error))
    g_error ("%s", error->message);
  stages = dg_stages_list (db, journey_id, &error);
  if (stages == NULL || stages->len < 2)
    g_error ("The template has too few stages");

  for (guint i = 0; i < n_customers; i++)
    {
      const DgStage *stage = g_ptr_array_index (stages, i + 1 < n_customers ? 0 : 1);

      if (!dg_enrollments_enroll (db, clock, customer_ids[i], stage->id, 0, NULL, &error))
        g_error ("%s", error->message);
    }
}

int
main (int   argc,
      char *argv[])
{
  gboolean korean = g_strcmp0 (g_getenv ("DANGOL_TEST_LANG"), "ko") == 0;
  const SeedCustomer *seeds = korean ? customers_ko : customers_en;
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(DgClock) clock = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[G_N_ELEMENTS (customers_en)];

  if (argc != 2)
    {
      g_printerr ("Usage: %s PATH\n", argv[0]);
      return 2;
    }

  db = dg_database_open (argv[1], &error);
  if (db == NULL)
    g_error ("%s", error->message);
  clock = dg_clock_new_system ();

  for (guint i = 0; i < G_N_ELEMENTS (customers_en); i++)
    ids[i] = add_customer (db, &seeds[i]);

  add_contact (db, clock, ids[0],
               korean ? "주말반 일정 문의. 다음 주에 시간표를 보내 주기로 함."
                      : "Asked about the weekend class; promised to send the timetable next week.");
  add_followup (db, clock, ids[0], korean ? "봄 강좌 안내 전화" : "Call about the spring course", -1);
  add_followup (db, clock, ids[1], korean ? "청구서 보내기" : "Send the invoice", 0);
  add_followup (db, clock, ids[2], korean ? "가을 워크숍 초대" : "Invite to the autumn workshop", 3);
  add_followup (db, clock, 0, korean ? "새 명함 주문" : "Order new name cards", 1);

  add_journey (db, clock, ids, G_N_ELEMENTS (ids));

  return 0;
}
