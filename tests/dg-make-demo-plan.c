/* dg-make-demo-plan.c
 *
 * Who the demo customers are and what each of them does when: the plan
 * that dg-make-demo.c then writes through the core API.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include "dg-make-demo.h"

const int cohort_days[N_COHORTS] = { -66, -38, -6, 12 };

void
check (gboolean      ok,
       const GError *error)
{
  if (!ok)
    g_error ("%s", error != NULL ? error->message : "failed");
}

/* Unix seconds of @hour:@minute local, @days from TODAY. */
gint64
local_time (Demo *demo,
            int   days,
            int   hour,
            int   minute)
{
  GDate day = demo->today;
  g_autoptr(GDateTime) time = NULL;

  if (days >= 0)
    g_date_add_days (&day, days);
  else
    g_date_subtract_days (&day, -days);
  time = g_date_time_new (demo->tz, g_date_get_year (&day), g_date_get_month (&day),
                          g_date_get_day (&day), hour, minute, 0);

  return g_date_time_to_unix (time);
}

void
set_clock (Demo   *demo,
           gint64  at)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (at);

  dg_fake_clock_set_now (demo->clock, time);
}

double
uniform (Demo   *demo,
         double  low,
         double  high)
{
  return g_rand_double_range (demo->rand, low, high);
}

gboolean
chance (Demo   *demo,
        double  probability)
{
  return g_rand_double (demo->rand) < probability;
}

const char *
pick (Demo               *demo,
      const char * const *list)
{
  guint n = g_strv_length ((char **) list);

  return list[g_rand_int_range (demo->rand, 0, n)];
}

static const char *
pick_weighted (Demo               *demo,
               const DemoWeighted *list,
               guint               n)
{
  guint total = 0, r;

  for (guint i = 0; i < n; i++)
    total += list[i].weight;
  r = g_rand_int_range (demo->rand, 0, total);
  for (guint i = 0; i < n; i++)
    {
      if (r < list[i].weight)
        return list[i].text;
      r -= list[i].weight;
    }

  return list[0].text;
}

static const DemoName *
pick_name (Demo           *demo,
           const DemoName *list,
           guint           n)
{
  guint total = 0, r;

  for (guint i = 0; i < n; i++)
    total += list[i].weight;
  r = g_rand_int_range (demo->rand, 0, total);
  for (guint i = 0; i < n; i++)
    {
      if (r < list[i].weight)
        return &list[i];
      r -= list[i].weight;
    }

  return &list[0];
}

/* @at moved into the working day (9:00 to 20:00) of its own date. */
gint64
daytime (Demo   *demo,
         gint64  at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, demo->tz);
  int hour = g_date_time_get_hour (local);

  if (hour < 9)
    return at + (9 - hour) * HOUR;
  if (hour >= 20)
    return at - (hour - 19) * HOUR;

  return at;
}

static void
add_step (GArray     *steps,
          gint64      at,
          int         stage,
          const char *reason)
{
  /* To the minute, as a person would note it. */
  Step step = { at - at % 60, stage, reason };

  g_array_append_val (steps, step);
}

/* Drops the steps that would come after TODAY's morning. */
static void
cut_at_now (Demo   *demo,
            GArray *steps)
{
  for (guint i = 0; i < steps->len; i++)
    if (g_array_index (steps, Step, i).at >= demo->now)
      {
        g_array_set_size (steps, i);
        return;
      }
}

/* A student of @cohort from hearing of the lecture on: signing up, the
 * guidance before it, the lecture, the survey, the invitation to the next
 * course and, for some, becoming a regular member; with who drops out
 * where, and why. */
static void
plan_lecture (Demo   *demo,
              Person *person,
              int     cohort)
{
  const DemoTexts *texts = demo->texts;
  int day = cohort_days[cohort];
  GArray *steps = person->lecture;
  gint64 announced = local_time (demo, day - g_rand_int_range (demo->rand, 12, 27),
                                 g_rand_int_range (demo->rand, 9, 22), g_rand_int_range (demo->rand, 0, 60));
  gint64 signed_up, guided, lecture = local_time (demo, day, 10, 0);
  gint64 survey, invited, latest;

  person->cohort = cohort;
  person->created = announced;
  add_step (steps, announced, LECTURE_ANNOUNCED, NULL);
  if (chance (demo, 0.15))
    {
      add_step (steps, daytime (demo, announced + uniform (demo, 3, 10) * DAY), STEP_DROP,
                pick (demo, texts->drop_before_signup));
      goto done;
    }

  latest = MIN (announced + 6 * DAY, local_time (demo, day - 3, 20, 0));
  signed_up = daytime (demo, announced + 4 * HOUR + uniform (demo, 0, MAX (latest - announced - 4 * HOUR, HOUR)));
  signed_up = MAX (signed_up, announced + HOUR);
  add_step (steps, signed_up, LECTURE_SIGNED_UP, NULL);
  if (chance (demo, 0.08))
    {
      add_step (steps, daytime (demo, signed_up + uniform (demo, 2, 4) * DAY), STEP_DROP,
                pick (demo, texts->drop_before_payment));
      goto done;
    }

  guided = MIN (daytime (demo, signed_up + uniform (demo, 1, 3) * DAY), local_time (demo, day - 1, 9, 0));
  add_step (steps, MAX (guided, signed_up + HOUR), LECTURE_GUIDED, NULL);
  add_step (steps, lecture, LECTURE_DAY, NULL);
  if (chance (demo, 0.1))
    {
      add_step (steps, local_time (demo, day, 21, 30), STEP_DROP, pick (demo, texts->drop_no_show));
      goto done;
    }

  survey = local_time (demo, day, 21, 30) + g_rand_int_range (demo->rand, 0, 60) * 60;
  add_step (steps, survey, LECTURE_SURVEY, NULL);
  invited = daytime (demo, survey + uniform (demo, 3, 6) * DAY);
  add_step (steps, invited, LECTURE_INVITED, NULL);
  if (chance (demo, 0.3))
    {
      add_step (steps, daytime (demo, invited + uniform (demo, 5, 12) * DAY), STEP_DROP,
                pick (demo, texts->drop_next_course));
      goto done;
    }
  if (chance (demo, 0.6))
    {
      gint64 member = daytime (demo, invited + uniform (demo, 4, 14) * DAY);

      add_step (steps, member, LECTURE_MEMBER, NULL);
      if (chance (demo, 0.25))
        add_step (steps, daytime (demo, member + uniform (demo, 30, 60) * DAY), STEP_COMPLETE, NULL);
    }

done:
  cut_at_now (demo, steps);
}

/* A visitor of the studio from the first visit on, from @first. */
static void
plan_shop (Demo   *demo,
           Person *person,
           gint64  first)
{
  GArray *steps = person->shop;
  gint64 second;

  add_step (steps, first, SHOP_FIRST_VISIT, NULL);
  add_step (steps, first - (first % HOUR) + DAY + g_rand_int_range (demo->rand, 0, 90) * 60, SHOP_THANKED, NULL);
  if (chance (demo, 0.55))
    {
      second = daytime (demo, first + uniform (demo, 7, 45) * DAY);
      add_step (steps, second, SHOP_SECOND_VISIT, NULL);
      if (chance (demo, 0.6))
        add_step (steps, daytime (demo, second + uniform (demo, 10, 40) * DAY), SHOP_REGULAR, NULL);
      else if (chance (demo, 0.2))
        add_step (steps, daytime (demo, second + uniform (demo, 40, 70) * DAY), STEP_DROP,
                  pick (demo, demo->texts->drop_shop));
    }
  else if (chance (demo, 0.4))
    {
      add_step (steps, daytime (demo, first + uniform (demo, 25, 50) * DAY), STEP_DROP,
                pick (demo, demo->texts->drop_shop));
    }

  cut_at_now (demo, steps);
}

static gboolean
reached (GArray *steps,
         int     stage)
{
  for (guint i = 0; i < steps->len; i++)
    if (g_array_index (steps, Step, i).stage == stage)
      return TRUE;

  return FALSE;
}

static char *
unique_name (Demo            *demo,
             const DemoName **out_family,
             const DemoName **out_given)
{
  const DemoTexts *texts = demo->texts;

  for (;;)
    {
      const DemoName *family = pick_name (demo, texts->family_names, texts->n_family_names);
      const DemoName *given = pick_name (demo, texts->given_names, texts->n_given_names);
      g_autofree char *name = texts->family_name_first
                              ? g_strconcat (family->text, given->text, NULL)
                              : g_strconcat (given->text, " ", family->text, NULL);

      if (g_hash_table_add (demo->used, g_strdup (name)))
        {
          *out_family = family;
          *out_given = given;
          return g_steal_pointer (&name);
        }
    }
}

static char *
unique_phone (Demo *demo)
{
  for (;;)
    {
      g_autofree char *phone = demo->texts->make_phone (demo->rand);

      if (g_hash_table_add (demo->used, g_strdup (phone)))
        return g_steal_pointer (&phone);
    }
}

static char *
make_email (Demo           *demo,
            const DemoName *family,
            const DemoName *given)
{
  g_autofree char *number = chance (demo, 0.35) ? g_strdup_printf ("%d", g_rand_int_range (demo->rand, 70, 100))
                                                : g_strdup ("");
  const char *domain = pick (demo, demo->texts->email_domains);
  g_autofree char *email = g_strdup_printf ("%s.%s%s@%s", given->roman, family->roman, number, domain);

  if (!g_hash_table_add (demo->used, g_strdup (email)))
    return g_strdup_printf ("%s%s%d@%s", given->roman, family->roman,
                            g_rand_int_range (demo->rand, 1, 100), domain);

  return g_steal_pointer (&email);
}

static void
add_tag (GPtrArray  *tags,
         const char *tag)
{
  g_ptr_array_add (tags, (gpointer) tag);
}

/* Who the person is, from what they will do. */
static void
describe (Demo   *demo,
          Person *person,
          int     kind)
{
  const DemoTexts *texts = demo->texts;
  const DemoName *family, *given;
  g_autofree char *name = unique_name (demo, &family, &given);
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (person->created);
  DgCustomer *customer = dg_customer_new ();
  gboolean lecture = kind == 0, other = kind == 2;

  person->customer = customer;
  dg_customer_set_name (customer, name);
  if (chance (demo, 0.97))
    {
      g_autofree char *phone = unique_phone (demo);

      dg_customer_set_phone (customer, phone);
    }
  if (chance (demo, lecture ? 0.75 : 0.4))
    {
      g_autofree char *email = make_email (demo, family, given);

      dg_customer_set_email (customer, email);
    }
  if (chance (demo, lecture ? 0.8 : other ? 0.6 : 0.1))
    dg_customer_set_organization (customer, pick (demo, texts->organizations));
  if (chance (demo, 0.9))
    dg_customer_set_source (customer, lecture
                            ? pick_weighted (demo, texts->lecture_sources, texts->n_lecture_sources)
                            : pick_weighted (demo, texts->shop_sources, texts->n_shop_sources));
  if (chance (demo, 0.35))
    {
      g_autofree char *birthday = g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (demo->rand, 1962, 2002),
                                                   g_rand_int_range (demo->rand, 1, 13),
                                                   g_rand_int_range (demo->rand, 1, 29));

      dg_customer_set_birthday (customer, birthday);
      if (g_str_equal (texts->language, "ko") && chance (demo, 0.15))
        dg_customer_set_birthday_lunar (customer, TRUE);
    }
  if (chance (demo, 0.6))
    dg_customer_set_marketing_consent (customer, TRUE, created);
  if (chance (demo, lecture ? 0.35 : 0.3))
    dg_customer_set_note (customer, pick (demo, lecture || other ? texts->lecture_notes : texts->shop_notes));

  if (reached (person->lecture, LECTURE_SURVEY))
    add_tag (tags, texts->tag_student);
  if (reached (person->lecture, LECTURE_MEMBER) || reached (person->shop, SHOP_REGULAR))
    add_tag (tags, texts->tag_regular);
  if (reached (person->shop, SHOP_REGULAR) && chance (demo, 0.4))
    add_tag (tags, texts->tag_subscriber);
  if (chance (demo, 0.05))
    add_tag (tags, texts->tag_vip);
  if (chance (demo, 0.08))
    add_tag (tags, texts->tag_referrer);
  if (other && *dg_customer_get_organization (customer) != '\0' && chance (demo, 0.5))
    add_tag (tags, texts->tag_business);
  g_ptr_array_add (tags, NULL);
  dg_customer_set_tags (customer, (const char * const *) tags->pdata);
}

static Person *
person_new (void)
{
  Person *person = g_new0 (Person, 1);

  person->cohort = -1;
  person->lecture = g_array_new (FALSE, FALSE, sizeof (Step));
  person->shop = g_array_new (FALSE, FALSE, sizeof (Step));

  return person;
}

void
person_free (Person *person)
{
  g_array_unref (person->lecture);
  g_array_unref (person->shop);
  g_clear_object (&person->customer);
  g_free (person);
}

static int
compare_created (gconstpointer a,
                 gconstpointer b)
{
  const Person *x = *(const Person * const *) a;
  const Person *y = *(const Person * const *) b;

  return x->created < y->created ? -1 : x->created > y->created;
}

/* Everyone, in the order they were added. */
void
plan_people (Demo *demo)
{
  for (guint i = 0; i < N_LECTURE + N_SHOP + N_OTHER; i++)
    {
      Person *person = person_new ();
      int kind = i < N_LECTURE ? 0 : i < N_LECTURE + N_SHOP ? 1 : 2;

      if (kind == 0)
        {
          plan_lecture (demo, person, i * N_COHORTS / N_LECTURE);
          /* Some students come to the studio too. */
          if (i % (N_LECTURE / N_BOTH) == 0)
            plan_shop (demo, person, daytime (demo, person->created + uniform (demo, 5, 40) * DAY));
        }
      else if (kind == 1)
        {
          person->created = local_time (demo, -g_rand_int_range (demo->rand, 1, 151),
                                        g_rand_int_range (demo->rand, 11, 19), g_rand_int_range (demo->rand, 0, 60));
          plan_shop (demo, person, person->created);
        }
      else
        {
          person->created = daytime (demo, local_time (demo, -g_rand_int_range (demo->rand, 3, 201), 10, 0)
                                           + g_rand_int_range (demo->rand, 0, 9 * 60) * 60);
        }

      describe (demo, person, kind);
      if (kind == 2 && i >= N_LECTURE + N_SHOP + N_OTHER - 3)
        dg_customer_set_archived (person->customer, TRUE);
      g_ptr_array_add (demo->people, person);
    }

  g_ptr_array_sort (demo->people, compare_created);
}
