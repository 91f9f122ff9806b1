/* dg-demo-texts-en.c: the English demo data (see dg-demo-texts.h). */
#include "config.h"

#include "dg-demo-texts.h"

#define CALL     DG_INTERACTION_CHANNEL_CALL
#define MESSAGE  DG_INTERACTION_CHANNEL_MESSAGE
#define EMAIL    DG_INTERACTION_CHANNEL_EMAIL
#define MEETING  DG_INTERACTION_CHANNEL_MEETING
#define OTHER    DG_INTERACTION_CHANNEL_OTHER
#define NONE     DG_INTERACTION_FEEDBACK_NONE
#define GOOD     DG_INTERACTION_FEEDBACK_POSITIVE
#define SO_SO    DG_INTERACTION_FEEDBACK_NEUTRAL
#define BAD      DG_INTERACTION_FEEDBACK_NEGATIVE
#define N(array) G_N_ELEMENTS (array)

static const DemoName family_names[] = {
  { "Smith", "smith", 1 }, { "Jones", "jones", 1 }, { "Taylor", "taylor", 1 },
  { "Brown", "brown", 1 }, { "Williams", "williams", 1 }, { "Wilson", "wilson", 1 },
  { "Johnson", "johnson", 1 }, { "Davies", "davies", 1 }, { "Robinson", "robinson", 1 },
  { "Wright", "wright", 1 }, { "Thompson", "thompson", 1 }, { "Evans", "evans", 1 },
  { "Walker", "walker", 1 }, { "White", "white", 1 }, { "Roberts", "roberts", 1 },
  { "Green", "green", 1 }, { "Hall", "hall", 1 }, { "Wood", "wood", 1 },
  { "Jackson", "jackson", 1 }, { "Clarke", "clarke", 1 }, { "Patel", "patel", 1 },
  { "Khan", "khan", 1 }, { "Lewis", "lewis", 1 }, { "Harris", "harris", 1 },
  { "Martin", "martin", 1 }, { "Cooper", "cooper", 1 }, { "King", "king", 1 },
  { "Baker", "baker", 1 }, { "Garcia", "garcia", 1 }, { "Nguyen", "nguyen", 1 },
  { "Kim", "kim", 1 }, { "O'Brien", "obrien", 1 }, { "Murphy", "murphy", 1 },
  { "Ward", "ward", 1 }, { "Hughes", "hughes", 1 }, { "Edwards", "edwards", 1 },
};

/* Ofcom keeps 07700 900000 to 900999 for drama. */
static char *
make_phone (GRand *rand)
{
  return g_strdup_printf ("07700 900%03d", g_rand_int_range (rand, 0, 1000));
}

static const DemoName given_names[] = {
  { "Olivia", "olivia", 1 }, { "Amelia", "amelia", 1 }, { "Isla", "isla", 1 },
  { "Ava", "ava", 1 }, { "Emily", "emily", 1 }, { "Sophie", "sophie", 1 },
  { "Grace", "grace", 1 }, { "Lily", "lily", 1 }, { "Chloe", "chloe", 1 },
  { "Hannah", "hannah", 1 }, { "Ella", "ella", 1 }, { "Lucy", "lucy", 1 },
  { "Charlotte", "charlotte", 1 }, { "Mia", "mia", 1 }, { "Ruby", "ruby", 1 },
  { "Zoe", "zoe", 1 }, { "Sarah", "sarah", 1 }, { "Laura", "laura", 1 },
  { "Rachel", "rachel", 1 }, { "Helen", "helen", 1 }, { "Priya", "priya", 1 },
  { "Aisha", "aisha", 1 }, { "Maria", "maria", 1 }, { "Anna", "anna", 1 },
  { "Oliver", "oliver", 1 }, { "George", "george", 1 }, { "Harry", "harry", 1 },
  { "Jack", "jack", 1 }, { "Noah", "noah", 1 }, { "Leo", "leo", 1 },
  { "Oscar", "oscar", 1 }, { "Thomas", "thomas", 1 }, { "James", "james", 1 },
  { "William", "william", 1 }, { "Daniel", "daniel", 1 }, { "Samuel", "samuel", 1 },
  { "Joseph", "joseph", 1 }, { "David", "david", 1 }, { "Matthew", "matthew", 1 },
  { "Ben", "ben", 1 }, { "Adam", "adam", 1 }, { "Ryan", "ryan", 1 },
  { "Omar", "omar", 1 }, { "Luca", "luca", 1 }, { "Ethan", "ethan", 1 },
  { "Mark", "mark", 1 }, { "Peter", "peter", 1 }, { "Simon", "simon", 1 },
};

static const char * const email_domains[] = {
  "gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me", NULL
};

static const char * const organizations[] = {
  "Crumb & Co. Bakery", "Corner Cup Coffee", "Forest Books", "Daily Yoga Studio",
  "Straight Line Accounting", "Maple Interiors", "Greenleaf Clinic", "Spring Lettings",
  "Warm Hands Nails", "Nori Design", "Today Pilates", "Raindrop Online Shop",
  "Starlight Candles", "Harper Law", "Good Food Deli", "Friendly Fish & Chips",
  "Clear View Opticians", "Little Acorns Nursery", "Grain Hair Salon", "Small Wood Café",
  "Lantern Photo Studio", "Together Co-op", "Rice Cake Corner", "Tree Ring Woodwork",
  "Snug Pet Grooming", "Pine Tailoring", "Bright Smile Dental", "Local Brew House",
  "Mind Matters Counselling", "Green Plot Market",
  NULL
};

static const DemoWeighted lecture_sources[] = {
  { "Blog", 30 }, { "Instagram", 25 }, { "Referral", 20 },
  { "Newsletter", 12 }, { "Small business forum", 8 }, { "YouTube", 5 },
};

static const DemoWeighted shop_sources[] = {
  { "Instagram", 30 }, { "Walk-in", 22 }, { "Google Maps", 20 },
  { "Referral", 20 }, { "Local market app", 8 },
};

static const char * const lecture_notes[] = {
  "Has run an online shop for three years. Struggles with product pages.",
  "Getting ready to open a café. Interested in choosing a location.",
  "New to selling online. Wants to start with taking photos.",
  "Runs two shops with three staff. Prefers calls in the morning.",
  "Writes a blog regularly but has never used Instagram.",
  "Needs invoices with the company number.",
  "Can only be reached in the evening after work.",
  "Asked whether the lecture may be recorded. Said yes.",
  "Came on the recommendation of a former colleague.",
  "Very interested in managing Google reviews.",
  "Prefers messages to calls.",
  "Treasurer of the local traders' association: a group lecture may follow.",
  NULL
};

static const char * const shop_notes[] = {
  "Loves peonies and ranunculus.",
  "Dislikes the scent of lilies.",
  "Always wrap in kraft paper.",
  "Works nearby; usually drops in at lunchtime.",
  "Comes in with her dog.",
  "Leave deliveries with the concierge.",
  "Orders a bouquet for every anniversary. Prefers pastel colours.",
  "Posts photos of the workshops on social media.",
  "Always asks for a receipt.",
  "Can only come on weekend afternoons.",
  NULL
};

static const char * const cohort_names[] = {
  "Cohort 1 · Social media for small shops",
  "Cohort 2 · Social media for small shops",
  "Cohort 3 · Getting found on maps",
  "Cohort 4 · Social media for small shops",
  NULL
};

static const DemoContact announcement[] = {
  { MESSAGE, "Saw the blog post and asked whether there is an evening class too.", NONE },
  { CALL, "Asked about the fee and parking. Told them about the car park behind the building.", SO_SO },
  { MESSAGE, "Asked on Instagram whether the slides can be had in advance.", NONE },
  { EMAIL, "Wants to come with two of their staff; asked for a group price. Offered 10% off.", GOOD },
  { CALL, "Worried the lecture is not for beginners. Explained it is hands-on.", SO_SO },
};

static const DemoContact signup[] = {
  { MESSAGE, "Sent the sign-up form back. Sent the bank details.", NONE },
  { MESSAGE, "Payment arrived. Replied with thanks to the confirmation.", GOOD },
  { CALL, "Payment will be a day late. Agreed to hold the seat.", SO_SO },
  { MESSAGE, "Asked for a receipt for their accounts. Sent it.", SO_SO },
};

static const DemoContact guidance[] = {
  { MESSAGE, "Sent the guidance the day before. Replied that they have everything.", GOOD },
  { CALL, "Asked where the venue is. Gave the directions from the station again.", SO_SO },
  { MESSAGE, "Asked whether a laptop is needed. A phone will do.", SO_SO },
  { MESSAGE, "Said they may be ten minutes late.", SO_SO },
};

static const DemoContact lecture[] = {
  { MEETING, "Came to the lecture. Talked about their shop in the break; many questions.", GOOD },
  { MEETING, "Came to the lecture. Found the exercises a bit fast.", BAD },
  { MEETING, "Came to the lecture. Sat at the front taking notes.", GOOD },
  { MEETING, "Came to the lecture. Swapped business cards afterwards.", SO_SO },
  { MEETING, "Came to the lecture. Especially liked the shop examples.", GOOD },
};

static const DemoContact survey[] = {
  { OTHER, "Survey: satisfied. Liked the real examples.", GOOD },
  { OTHER, "Survey: neutral. The lecture felt too short.", SO_SO },
  { OTHER, "Survey: unsatisfied. The room was hot and crowded.", BAD },
  { MESSAGE, "Answered the survey right after the reminder; asked when the next course is.", GOOD },
  { OTHER, "Survey: very satisfied. Will recommend it to other shop owners.", GOOD },
};

static const DemoContact next_course[] = {
  { MESSAGE, "Sent the invitation to the advanced course. Will check their diary.", SO_SO },
  { CALL, "Called about the advanced course. Signed up on the spot.", GOOD },
  { CALL, "No reply to the invitation, so called. Too busy at the shop for now.", BAD },
  { EMAIL, "Emailed the course outline. Checking whether training funds cover it.", SO_SO },
};

static const DemoContact member[] = {
  { CALL, "Checked in after a month. Started on Instagram as shown; more enquiries now.", GOOD },
  { MEETING, "Took the advanced course. Introduced the owner of the shop next door.", GOOD },
  { MESSAGE, "Sent a link to the review they wrote on their blog.", GOOD },
  { MESSAGE, "News: they are opening a second shop.", SO_SO },
};

static const DemoStageContacts lecture_contacts[] = {
  { announcement, N (announcement) }, { signup, N (signup) }, { guidance, N (guidance) },
  { lecture, N (lecture) }, { survey, N (survey) }, { next_course, N (next_course) },
  { member, N (member) }, { NULL, 0 },
};

static const DemoContact first_visit[] = {
  { MEETING, "Bought a bouquet for their mother's birthday.", GOOD },
  { MEETING, "Came to the centrepiece workshop. Quick hands, a good eye for colour.", GOOD },
  { MEETING, "Walked in off the street. Asked prices and took a card.", SO_SO },
  { MEETING, "Asked about a bouquet for a proposal. Budget around 100.", SO_SO },
};

static const DemoContact thanks[] = {
  { MESSAGE, "Sent the thank-you. Replied with a photo: the flowers are lasting well.", GOOD },
  { MESSAGE, "Sent the thank-you. No reply.", NONE },
  { MESSAGE, "Replied to the thank-you: the wrapping could have been better.", BAD },
  { CALL, "Called to confirm the delivery time of the basket.", SO_SO },
};

static const DemoContact second_visit[] = {
  { MEETING, "Came back. Ordered a plant for a friend's shop opening.", GOOD },
  { MEETING, "Second workshop; brought a friend along.", GOOD },
  { MEETING, "Came back for a bouquet. Found it dearer than last time.", BAD },
  { MESSAGE, "Asked about the fortnightly flower subscription. Sent the options.", GOOD },
};

static const DemoContact regular[] = {
  { MEETING, "Picked up the subscription flowers. Loved this week's mix.", GOOD },
  { MESSAGE, "Introduced a friend. Applying the referral discount.", GOOD },
  { CALL, "Checked in. Has been busy; booked for next week.", SO_SO },
  { MEETING, "Ordered five gift baskets for the holidays.", GOOD },
};

static const DemoStageContacts shop_contacts[] = {
  { first_visit, N (first_visit) }, { thanks, N (thanks) },
  { second_visit, N (second_visit) }, { regular, N (regular) }, { NULL, 0 },
};

static const DemoContact other_contacts[] = {
  { CALL, "Referred by a supplier. Asked about regular flowers for their shop window.", SO_SO },
  { EMAIL, "Asked for a quote for flowers at a company event. Sent it.", NONE },
  { MEETING, "Coffee to talk about working together. We will try a joint workshop.", GOOD },
  { MESSAGE, "Asked again about the quote; still waiting for an answer.", SO_SO },
  { CALL, "The delivered flowers were not in good shape. Agreed to replace them.", BAD },
  { MESSAGE, "Asked whether the lecture can be given at their company. Sent the outline.", NONE },
};

static const char * const drop_before_signup[] = { "The dates do not suit them", "Chose another course", NULL };
static const char * const drop_before_payment[] = { "Fee too high", "Never paid", NULL };
static const char * const drop_no_show[] = { "Did not come", NULL };
static const char * const drop_next_course[] = { "Not interested in the next course", "Too busy at the shop", NULL };
static const char * const drop_shop[] = { "No reply", "Moved away", "Too expensive", NULL };

static const DemoFollowup followups[] = {
  { "Send the quote", "Event flowers for ten tables.", 11 },
  { "Send the invoice", NULL, -1 },
  { "Deliver the shop-opening plant", "Must arrive before two.", 10 },
  { "Resend the lecture slides", "The email went to their spam folder.", -1 },
  { "Send the proposal for a company lecture", "Twenty staff, a two-hour session.", -1 },
  { "Call to confirm the bouquet pick-up", NULL, 15 },
  { "Write up the consultation and send it", NULL, -1 },
  { "Post the review prize", "A small bouquet and a handwritten card.", -1 },
  { "Book a one-to-one session", "Wants their Instagram account reviewed.", 14 },
  { "Confirm the subscription delivery address", NULL, 16 },
  { "Call to check the wreath order", "Check the ribbon text again.", 9 },
  { "Resend the payment link", NULL, 13 },
};

static const DemoSeries series[] = {
  { "Order from the flower market", "Check next week's workshop numbers first.", DG_RECURRENCE_WEEKS, 1, 9, FALSE },
  { "Month-end accounts", "Cards, transfers and cash separately.", DG_RECURRENCE_MONTHS, 1, -1, FALSE },
  { "Post a lecture review on the blog", NULL, DG_RECURRENCE_WEEKS, 2, -1, FALSE },
  { "Replace the lobby flowers", "Two vases in the lobby and one on the counter.", DG_RECURRENCE_WEEKS, 2, 14, TRUE },
};

const DemoTexts demo_texts_en = {
  .language = "en",
  .zone = "UTC",
  .family_name_first = FALSE,
  .make_phone = make_phone,
  .family_names = family_names, .n_family_names = N (family_names),
  .given_names = given_names, .n_given_names = N (given_names),
  .email_domains = email_domains,
  .organizations = organizations,
  .lecture_sources = lecture_sources, .n_lecture_sources = N (lecture_sources),
  .shop_sources = shop_sources, .n_shop_sources = N (shop_sources),
  .lecture_notes = lecture_notes,
  .shop_notes = shop_notes,
  .tag_student = "Student",
  .tag_regular = "Regular",
  .tag_vip = "VIP",
  .tag_referrer = "Referrer",
  .tag_business = "Business",
  .tag_subscriber = "Subscriber",
  .cohort_names = cohort_names,
  .lecture_contacts = lecture_contacts,
  .shop_contacts = shop_contacts,
  .other_contacts = other_contacts, .n_other_contacts = N (other_contacts),
  .drop_before_signup = drop_before_signup,
  .drop_before_payment = drop_before_payment,
  .drop_no_show = drop_no_show,
  .drop_next_course = drop_next_course,
  .drop_shop = drop_shop,
  .followups = followups, .n_followups = N (followups),
  .series = series, .n_series = N (series),
};
