/* dg-make-demo.h: the demo data generator's pieces (see dg-make-demo.c). */
#pragma once

#include "dg-core.h"
#include "dg-demo-texts.h"

G_BEGIN_DECLS

#define SEED        20261116
#define TODAY_YEAR  2026
#define TODAY_MONTH 11
#define TODAY_DAY   16

#define N_LECTURE   112
#define N_SHOP      68
#define N_OTHER     20
#define N_BOTH      12
#define N_MANUAL    44

#define HOUR (G_GINT64_CONSTANT (3600))
#define DAY  (24 * HOUR)

/* The lecture days of the four cohorts, in days from TODAY. */
#define N_COHORTS 4
extern const int cohort_days[N_COHORTS];

enum { LECTURE_ANNOUNCED, LECTURE_SIGNED_UP, LECTURE_GUIDED, LECTURE_DAY, LECTURE_SURVEY,
       LECTURE_INVITED, LECTURE_MEMBER };
enum { SHOP_FIRST_VISIT, SHOP_THANKED, SHOP_SECOND_VISIT, SHOP_REGULAR };

#define STEP_COMPLETE (-1)
#define STEP_DROP     (-2)

typedef struct
{
  gint64      at;
  /* The stage entered, or STEP_COMPLETE or STEP_DROP where the last was. */
  int         stage;
  const char *reason;
} Step;

typedef struct
{
  gint64      created;
  int         cohort;
  GArray     *lecture;
  GArray     *shop;
  DgCustomer *customer;
} Person;

typedef struct
{
  const DemoTexts *texts;
  GRand           *rand;
  GTimeZone       *tz;
  DgFakeClock     *clock;
  DgDatabase      *db;
  GDate            today;
  gint64           now;
  gint64           lecture_id;
  gint64           shop_id;
  GArray          *lecture_stages;
  GArray          *shop_stages;
  gint64           cohort_ids[N_COHORTS];
  GPtrArray       *people;
  GHashTable      *used;
} Demo;

/* Ends the program with @error's message unless @ok. */
void        check        (gboolean            ok,
                          const GError       *error);
/* Unix seconds of @hour:@minute local, @days from TODAY. */
gint64      local_time   (Demo               *demo,
                          int                 days,
                          int                 hour,
                          int                 minute);
void        set_clock    (Demo               *demo,
                          gint64              at);
double      uniform      (Demo               *demo,
                          double              low,
                          double              high);
gboolean    chance       (Demo               *demo,
                          double              probability);
const char *pick         (Demo               *demo,
                          const char * const *list);
/* @at moved into the working day (9:00 to 20:00) of its own date. */
gint64      daytime      (Demo               *demo,
                          gint64              at);
/* Fills @demo->people, in the order they were added. */
void        plan_people  (Demo               *demo);
void        person_free  (Person             *person);

G_END_DECLS
