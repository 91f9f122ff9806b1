/* dg-demo-texts.h
 *
 * What the demo data set says, one table per language, for
 * tests/dg-make-demo.c: names, organizations, notes, what was said at each
 * stage of the two shipped journeys, follow-ups. The business behind it is
 * a small flower studio whose owner also gives a public lecture on
 * marketing a small shop: the studio's visitors walk the "shop" journey,
 * the lecture's students the "lecture" one.
 *
 * No text may name a date, a month or a weekday: a restored demo is moved
 * to the present, and its texts have to stay true.
 */
#pragma once

#include "dg-core.h"

G_BEGIN_DECLS

/* A family or given name, and how it is written in an e-mail address. */
typedef struct
{
  const char *text;
  const char *roman;
  /* How often it is picked, relative to the others of its list. */
  guint       weight;
} DemoName;

typedef struct
{
  const char *text;
  guint       weight;
} DemoWeighted;

/* Something logged with a customer, and how it went. */
typedef struct
{
  DgInteractionChannel  channel;
  const char           *summary;
  DgInteractionFeedback feedback;
} DemoContact;

/* The contacts of one stage; an empty list ends a journey's stages. */
typedef struct
{
  const DemoContact *contacts;
  guint              n_contacts;
} DemoStageContacts;

typedef struct
{
  const char *title;
  const char *note;
  /* The local hour it is due at; -1 for all day. */
  int         hour;
} DemoFollowup;

typedef struct
{
  const char       *title;
  const char       *note;
  DgRecurrenceUnit  unit;
  guint             interval;
  int               hour;
  /* A customer with an organization is picked for it. */
  gboolean          with_customer;
} DemoSeries;

typedef struct
{
  const char          *language;
  /* The zone the data is made in: times of day read right there. */
  const char          *zone;
  /* "김" "민수" → "김민수"; else "Emma" "Clark" → "Emma Clark". */
  gboolean             family_name_first;
  /* A phone number of the country, made up from @rand: mobile numbers
   * of the range set aside for fiction where there is one. */
  char              *(*make_phone) (GRand *rand);
  const DemoName      *family_names;
  guint                n_family_names;
  const DemoName      *given_names;
  guint                n_given_names;
  const char * const  *email_domains;
  const char * const  *organizations;
  /* Where students of the lecture and visitors of the studio came from. */
  const DemoWeighted  *lecture_sources;
  guint                n_lecture_sources;
  const DemoWeighted  *shop_sources;
  guint                n_shop_sources;
  const char * const  *lecture_notes;
  const char * const  *shop_notes;
  /* Tags: a student who came to a lecture, a regular, a VIP, one who
   * introduced others, a business customer, a flower subscriber. */
  const char          *tag_student;
  const char          *tag_regular;
  const char          *tag_vip;
  const char          *tag_referrer;
  const char          *tag_business;
  const char          *tag_subscriber;
  /* The four lecture cohorts, oldest first. */
  const char * const  *cohort_names;
  /* Indexed by stage, as many as the template has. */
  const DemoStageContacts *lecture_contacts;
  const DemoStageContacts *shop_contacts;
  const DemoContact   *other_contacts;
  guint                n_other_contacts;
  /* Why students dropped out: before signing up, before paying, on the
   * lecture day, when invited to the next course. */
  const char * const  *drop_before_signup;
  const char * const  *drop_before_payment;
  const char * const  *drop_no_show;
  const char * const  *drop_next_course;
  /* Why visitors of the studio dropped out. */
  const char * const  *drop_shop;
  const DemoFollowup  *followups;
  guint                n_followups;
  const DemoSeries    *series;
  guint                n_series;
} DemoTexts;

extern const DemoTexts demo_texts_ko;
extern const DemoTexts demo_texts_en;

G_END_DECLS
