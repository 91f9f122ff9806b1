/* dg-make-demo.c
 *
 * Writes the demo data set of seeds/ (demo-ko.json, demo-en.json): about
 * two hundred customers of a small flower studio whose owner also gives a
 * public lecture, as they would have built up over half a year. The data
 * goes through the same core functions the app uses, on a fake clock set
 * to each moment in turn, so that every record reads as if it had been
 * written then: customers added on their first contact, the journeys made
 * from the shipped templates, students enrolled in a lecture's cohort and
 * moved stage by stage (the stage rules making their follow-ups), some
 * dropping out with a reason, contacts logged with feedback during each
 * stay, follow-ups done on their day, a few left overdue, repeating ones.
 * Who does what when is planned in dg-make-demo-plan.c.
 *
 * Usage: dg-make-demo LANGUAGE OUTPUT, with DANGOL_SEEDS_DIR holding the
 * templates. The random numbers have a fixed seed and the clock a fixed
 * day (TODAY), so the same program writes the same bytes: the tests
 * compare a fresh run with the committed files. A restore with
 * DG_BACKUP_RESTORE_SHIFT_TO_TODAY moves the data from TODAY to the day it
 * is loaded on.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gstdio.h>
#include <time.h>

#include "dg-backup.h"
#include "dg-make-demo.h"

/* How likely a contact is logged during a stay in each stage. */
static const double lecture_contact_chance[] = { 0.5, 0.5, 0.4, 0.8, 0.85, 0.6, 0.7 };
static const double shop_contact_chance[] = { 0.9, 0.7, 0.9, 0.8 };

static GArray *
create_journey (Demo       *demo,
                const char *template_id,
                gint64     *out_id)
{
  const char * const languages[] = { demo->texts->language, NULL };
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GError) error = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  templates = dg_journey_templates_list (NULL, languages, &error);
  check (templates != NULL, error);
  for (guint i = 0; i < templates->len; i++)
    {
      DgJourneyTemplate *tmpl = g_ptr_array_index (templates, i);

      if (g_str_equal (tmpl->id, template_id))
        {
          if (!g_str_equal (tmpl->language, demo->texts->language))
            g_error ("No %s template in %s", template_id, demo->texts->language);
          check (dg_journey_template_create_journey (demo->db, tmpl, out_id, &error), error);
          stages = dg_stages_list (demo->db, *out_id, &error);
          check (stages != NULL, error);
          for (guint j = 0; j < stages->len; j++)
            g_array_append_val (ids, ((DgStage *) g_ptr_array_index (stages, j))->id);
          return ids;
        }
    }

  g_error ("No journey template “%s” in %s", template_id, dg_journey_templates_get_dir ());
}

static void
create_cohorts (Demo *demo)
{
  for (guint i = 0; i < N_COHORTS; i++)
    {
      GDate day = demo->today;
      g_autofree char *date = NULL;
      g_autoptr(DgCohort) cohort = NULL;
      g_autoptr(GError) error = NULL;

      if (cohort_days[i] >= 0)
        g_date_add_days (&day, cohort_days[i]);
      else
        g_date_subtract_days (&day, -cohort_days[i]);
      date = dg_recurrence_format_date (&day);
      cohort = dg_cohort_new (demo->lecture_id, demo->texts->cohort_names[i], date);
      set_clock (demo, local_time (demo, cohort_days[i] - 30, 10, 0));
      check (dg_cohorts_insert (demo->db, cohort, &error), error);
      demo->cohort_ids[i] = cohort->id;
    }
}

static void
log_contact (Demo              *demo,
             gint64             customer_id,
             gint64             at,
             const DemoContact *contact)
{
  g_autoptr(DgInteraction) interaction = dg_interaction_new ();
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (at);
  g_autoptr(GError) error = NULL;

  dg_interaction_set_customer_id (interaction, customer_id);
  dg_interaction_set_occurred_at (interaction, when);
  dg_interaction_set_channel (interaction, contact->channel);
  dg_interaction_set_summary (interaction, contact->summary);
  dg_interaction_set_feedback (interaction, contact->feedback);
  /* Logged a little after it happened. */
  set_clock (demo, MIN (at + g_rand_int_range (demo->rand, 5, 90) * 60, demo->now));
  check (dg_interactions_insert (demo->db, DG_CLOCK (demo->clock), interaction, &error), error);
}

/* The contacts of one stay in a stage, from @from until @until. */
static void
log_stay (Demo                    *demo,
          gint64                   customer_id,
          const DemoStageContacts *contacts,
          double                   probability,
          int                      stage,
          gint64                   from,
          gint64                   until)
{
  const DemoStageContacts *list = &contacts[stage];
  gint64 length = until - from;
  guint n = chance (demo, probability) ? 1 : 0;

  /* A long stay as a regular has more to tell. */
  if (n > 0 && length > 30 * DAY && chance (demo, 0.6))
    n += 1 + (length > 60 * DAY && chance (demo, 0.5));

  for (guint i = 0; i < n; i++)
    {
      const DemoContact *contact = &list->contacts[g_rand_int_range (demo->rand, 0, list->n_contacts)];
      gint64 at;

      if (contact->channel == DG_INTERACTION_CHANNEL_MEETING && (i == 0))
        at = from + g_rand_int_range (demo->rand, 5, 40) * 60;
      else
        at = daytime (demo, from + HOUR + uniform (demo, 0, MIN (length * 0.8, 4 * DAY + i * 20 * DAY)));
      at = MIN (at, until - 30 * 60);
      at = MIN (at, demo->now - HOUR);
      at -= at % 60;
      if (at <= from)
        at = from + 60;
      log_contact (demo, customer_id, at, contact);
    }
}

/* Enrolls @person in a journey and moves them through @steps, logging
 * what was said along the way. */
static void
walk (Demo                    *demo,
      Person                  *person,
      GArray                  *steps,
      GArray                  *stage_ids,
      gint64                   cohort_id,
      const DemoStageContacts *contacts,
      const double            *contact_chance)
{
  gint64 customer_id = dg_customer_get_id (person->customer);
  gint64 enrollment_id = 0;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < steps->len; i++)
    {
      const Step *step = &g_array_index (steps, Step, i);
      gint64 until = i + 1 < steps->len ? g_array_index (steps, Step, i + 1).at : demo->now;

      set_clock (demo, step->at);
      if (i == 0)
        {
          check (dg_enrollments_enroll (demo->db, DG_CLOCK (demo->clock), customer_id,
                                        g_array_index (stage_ids, gint64, step->stage), cohort_id,
                                        &enrollment_id, &error), error);
        }
      else
        {
          g_autoptr(DgBulkUndo) undo = NULL;

          if (step->stage == STEP_DROP)
            undo = dg_enrollments_drop (demo->db, DG_CLOCK (demo->clock), &enrollment_id, 1, step->reason, &error);
          else if (step->stage == STEP_COMPLETE)
            undo = dg_enrollments_complete (demo->db, DG_CLOCK (demo->clock), &enrollment_id, 1, &error);
          else
            undo = dg_enrollments_move (demo->db, DG_CLOCK (demo->clock), &enrollment_id, 1,
                                        g_array_index (stage_ids, gint64, step->stage), &error);
          check (undo != NULL, error);
        }

      if (step->stage >= 0)
        log_stay (demo, customer_id, contacts, contact_chance[step->stage], step->stage, step->at, until);
    }
}

/* When a follow-up is due: its instant, or 9:00 of its day. */
static gint64
due_time (Demo       *demo,
          DgFollowup *followup)
{
  GDate day;

  if (!dg_followup_get_all_day (followup))
    return g_date_time_to_unix (dg_followup_get_due_at (followup));

  if (!dg_recurrence_parse_date (dg_followup_get_due_date (followup), &day))
    g_error ("Bad due date %s", dg_followup_get_due_date (followup));

  return local_time (demo, g_date_days_between (&demo->today, &day), 9, 0);
}

/* Closes the follow-up of @id that was due at @due, as the owner would
 * have: mostly done that day; one due in the last week now and then left
 * open, overdue; one due after @ended (the customer left the journey then)
 * cancelled. Returns the next of a series when completing one made it. */
static DgFollowup *
close_followup (Demo   *demo,
                gint64  id,
                gint64  due,
                gint64  ended,
                double  overdue_chance)
{
  gint64 today = local_time (demo, 0, 0, 0);
  DgFollowup *next = NULL;
  g_autoptr(GError) error = NULL;

  if (ended > 0 && due > ended)
    {
      set_clock (demo, MIN (ended + HOUR, demo->now));
      check (dg_followups_cancel (demo->db, DG_CLOCK (demo->clock), id, &error), error);
      return NULL;
    }
  if (due >= today || (due >= today - 7 * DAY && chance (demo, overdue_chance)))
    return NULL;

  set_clock (demo, MIN (due + g_rand_int_range (demo->rand, 0, 4 * 60) * 60, demo->now));
  check (dg_followups_complete (demo->db, DG_CLOCK (demo->clock), id, &next, &error), error);

  return next;
}

/* When the last journey of @person ended in a drop; 0 while one goes on. */
static gint64
ended_at (Person *person)
{
  GArray *lists[] = { person->lecture, person->shop };
  gint64 ended = 0;

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      const Step *last;

      if (lists[i]->len == 0)
        continue;
      last = &g_array_index (lists[i], Step, lists[i]->len - 1);
      if (last->stage != STEP_DROP)
        return 0;
      ended = MAX (ended, last->at);
    }

  return ended;
}

static void
close_followups (Demo   *demo,
                 Person *person)
{
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ended = ended_at (person);

  open = dg_followups_list_for_customer (demo->db, dg_customer_get_id (person->customer),
                                         DG_FOLLOWUP_FILTER_OPEN, &error);
  check (open != NULL, error);
  for (guint i = 0; i < open->len; i++)
    {
      DgFollowup *followup = g_ptr_array_index (open, i);
      g_autoptr(DgFollowup) next = close_followup (demo, dg_followup_get_id (followup),
                                                   due_time (demo, followup), ended, 0.03);
    }
}

static void
add_contacts (Demo *demo)
{
  const DemoTexts *texts = demo->texts;

  for (guint i = 0; i < demo->people->len; i++)
    {
      Person *person = g_ptr_array_index (demo->people, i);
      gint64 id = dg_customer_get_id (person->customer);
      guint n;

      walk (demo, person, person->lecture, demo->lecture_stages,
            person->cohort >= 0 ? demo->cohort_ids[person->cohort] : 0,
            texts->lecture_contacts, lecture_contact_chance);
      walk (demo, person, person->shop, demo->shop_stages, 0, texts->shop_contacts, shop_contact_chance);

      /* The customers in no journey: business contacts. */
      n = person->lecture->len == 0 && person->shop->len == 0 ? g_rand_int_range (demo->rand, 1, 4) : 0;
      for (guint j = 0; j < n; j++)
        {
          gint64 span = demo->now - person->created;
          gint64 at = j == 0 ? person->created : daytime (demo, person->created + uniform (demo, 0.1, 1) * span);

          log_contact (demo, id, MIN (at, demo->now - HOUR),
                       &texts->other_contacts[g_rand_int_range (demo->rand, 0, texts->n_other_contacts)]);
        }

      close_followups (demo, person);
    }
}

static void
add_customers (Demo *demo)
{
  for (guint i = 0; i < demo->people->len; i++)
    {
      Person *person = g_ptr_array_index (demo->people, i);
      g_autoptr(GError) error = NULL;

      set_clock (demo, person->created);
      check (dg_customers_insert (demo->db, person->customer, &error), error);
    }
}

/* A person who was there by @before (and is not archived). */
static Person *
pick_person (Demo     *demo,
             gint64    before,
             gboolean  with_organization)
{
  for (;;)
    {
      Person *person = g_ptr_array_index (demo->people, g_rand_int_range (demo->rand, 0, demo->people->len));

      if (person->created < before && !dg_customer_get_archived (person->customer)
          && (!with_organization || *dg_customer_get_organization (person->customer) != '\0'))
        return person;
    }
}

static void
set_due (DgFollowup *followup,
         Demo       *demo,
         int         days,
         int         hour,
         int         minute)
{
  if (hour >= 0)
    {
      g_autoptr(GDateTime) due = g_date_time_new_from_unix_utc (local_time (demo, days, hour, minute));

      dg_followup_set_due_at (followup, due);
    }
  else
    {
      GDate day = demo->today;
      g_autofree char *date = NULL;

      if (days >= 0)
        g_date_add_days (&day, days);
      else
        g_date_subtract_days (&day, -days);
      date = dg_recurrence_format_date (&day);
      dg_followup_set_due_date (followup, date);
    }
}

/* Promises made by hand, across the weeks around TODAY: a few due today,
 * the past ones mostly done. */
static void
add_followups (Demo *demo)
{
  const DemoTexts *texts = demo->texts;

  for (guint i = 0; i < N_MANUAL; i++)
    {
      const DemoFollowup *text = &texts->followups[g_rand_int_range (demo->rand, 0, texts->n_followups)];
      int days = i < 4 ? 0 : g_rand_int_range (demo->rand, -24, 28);
      gint64 due = local_time (demo, days, MAX (text->hour, 9), 0);
      Person *person = pick_person (demo, due - DAY, FALSE);
      g_autoptr(DgFollowup) followup = dg_followup_new ();
      g_autoptr(DgFollowup) next = NULL;
      g_autoptr(GError) error = NULL;

      dg_followup_set_customer_id (followup, dg_customer_get_id (person->customer));
      dg_followup_set_title (followup, text->title);
      dg_followup_set_note (followup, text->note);
      set_due (followup, demo, days, text->hour, text->hour >= 0 ? g_rand_int_range (demo->rand, 0, 2) * 30 : 0);
      set_clock (demo, MIN (MAX (person->created, due - uniform (demo, 1, 10) * DAY), demo->now - HOUR));
      check (dg_followups_insert (demo->db, DG_CLOCK (demo->clock), followup, &error), error);
      next = close_followup (demo, dg_followup_get_id (followup), due_time (demo, followup), 0, 0.2);
    }
}

/* Repeating follow-ups kept for two months, each occurrence done on its
 * day up to TODAY. */
static void
add_series (Demo *demo)
{
  const DemoTexts *texts = demo->texts;

  for (guint i = 0; i < texts->n_series; i++)
    {
      const DemoSeries *series = &texts->series[i];
      gint64 start = local_time (demo, -64 + (int) i * 3, 9, 0);
      g_autoptr(DgFollowup) followup = dg_followup_new ();
      g_autoptr(GError) error = NULL;

      if (series->with_customer)
        dg_followup_set_customer_id (followup,
                                     dg_customer_get_id (pick_person (demo, start, TRUE)->customer));
      dg_followup_set_title (followup, series->title);
      dg_followup_set_note (followup, series->note);
      set_due (followup, demo, -63 + (int) i * 3, series->hour, 0);
      dg_followup_set_recurrence (followup, series->unit);
      dg_followup_set_recurrence_interval (followup, series->interval);
      set_clock (demo, start - DAY);
      check (dg_followups_insert (demo->db, DG_CLOCK (demo->clock), followup, &error), error);

      while (followup != NULL)
        {
          DgFollowup *next = close_followup (demo, dg_followup_get_id (followup), due_time (demo, followup), 0, 0);

          g_clear_object (&followup);
          followup = next;
        }
    }
}

/* The reminders of what is overdue were shown when it fell due: loading
 * the demo does not bring a burst of them. */
static void
mark_reminders_shown (Demo *demo)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (demo->now);
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  set_clock (demo, demo->now);
  due = dg_reminders_collect_due (demo->db, now, &error);
  check (due != NULL, error);
  for (guint i = 0; i < due->len; i++)
    {
      gint64 id = dg_followup_get_id (g_ptr_array_index (due, i));

      g_array_append_val (ids, id);
    }
  check (dg_reminders_mark_notified_many (demo->db, (const gint64 *) ids->data, ids->len, now, &error), error);
}

int
main (int   argc,
      char *argv[])
{
  Demo demo = { 0 };
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) exported_at = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (argc != 3 || (!g_str_equal (argv[1], "ko") && !g_str_equal (argv[1], "en")))
    {
      g_printerr ("Usage: %s ko|en OUTPUT\n", argv[0]);
      return 2;
    }

  demo.texts = g_str_equal (argv[1], "ko") ? &demo_texts_ko : &demo_texts_en;
  /* The data set's own zone, for what is read in the local zone too. */
  g_setenv ("TZ", demo.texts->zone, TRUE);
  tzset ();

  demo.rand = g_rand_new_with_seed (SEED);
  /* Record uuids come from GLib's own generator. */
  g_random_set_seed (SEED);
  demo.tz = g_time_zone_new_identifier (demo.texts->zone);
  if (demo.tz == NULL)
    g_error ("Unknown time zone %s", demo.texts->zone);
  g_date_set_dmy (&demo.today, TODAY_DAY, TODAY_MONTH, TODAY_YEAR);
  /* The owner opens the app in the morning: nothing has happened today. */
  demo.now = local_time (&demo, 0, 8, 0);
  now = g_date_time_new_from_unix_utc (demo.now);
  demo.clock = dg_fake_clock_new (now, demo.tz);
  demo.people = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);
  demo.used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  dir = g_dir_make_tmp ("dangol-demo-XXXXXX", &error);
  check (dir != NULL, error);
  path = g_build_filename (dir, "demo.db", NULL);
  demo.db = dg_database_open (path, &error);
  check (demo.db != NULL, error);
  /* Records written without a clock of their own (created and updated
   * times, journeys) follow the fake one, so every run writes the same. */
  dg_database_set_clock (demo.db, DG_CLOCK (demo.clock));

  set_clock (&demo, local_time (&demo, -210, 9, 0));
  demo.lecture_stages = create_journey (&demo, "lecture", &demo.lecture_id);
  set_clock (&demo, local_time (&demo, -205, 9, 0));
  demo.shop_stages = create_journey (&demo, "shop", &demo.shop_id);
  create_cohorts (&demo);

  plan_people (&demo);
  add_customers (&demo);
  add_contacts (&demo);
  add_followups (&demo);
  add_series (&demo);
  mark_reminders_shown (&demo);

  /* Noon of TODAY: the same date in most zones a restore may run in. */
  exported_at = g_date_time_new_from_unix_utc (local_time (&demo, 0, 12, 0));
  check (dg_backup_export (demo.db, argv[2], exported_at, NULL, NULL, &error), error);

  g_clear_object (&demo.db);
  {
    g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
    const char *name;

    while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_unlink (file);
      }
    g_rmdir (dir);
  }

  g_array_unref (demo.lecture_stages);
  g_array_unref (demo.shop_stages);
  g_ptr_array_unref (demo.people);
  g_hash_table_unref (demo.used);
  g_object_unref (demo.clock);
  g_time_zone_unref (demo.tz);
  g_rand_free (demo.rand);

  return 0;
}
