/* dg-customer.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <string.h>

#include "dg-customer.h"
#include "dg-record-private.h"

struct _DgCustomer
{
  DgRecord   parent_instance;

  char      *name;
  char      *phone;
  char      *email;
  char      *organization;
  char      *source;
  char      *birthday;
  GDateTime *consent_at;
  char      *note;
  GDateTime *last_contact_at;
  char     **tags;

  guint      marketing_consent : 1;
  guint      archived : 1;
  guint      birthday_lunar : 1;
  guint      birthday_leap_month : 1;
};

G_DEFINE_FINAL_TYPE (DgCustomer, dg_customer, DG_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_ORGANIZATION,
  PROP_SOURCE,
  PROP_BIRTHDAY,
  PROP_BIRTHDAY_LUNAR,
  PROP_BIRTHDAY_LEAP_MONTH,
  PROP_MARKETING_CONSENT,
  PROP_CONSENT_AT,
  PROP_NOTE,
  PROP_ARCHIVED,
  PROP_TAGS,
  PROP_TAGS_TEXT,
  PROP_LAST_CONTACT_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Case-insensitive for ASCII only and by bytes otherwise, exactly as
 * SQLite's NOCASE, which the tags table uses for uniqueness. */
static int
compare_nocase (const char *a,
                const char *b)
{
  const guchar *x = (const guchar *) a;
  const guchar *y = (const guchar *) b;

  while (*x != 0 && g_ascii_tolower (*x) == g_ascii_tolower (*y))
    {
      x++;
      y++;
    }

  return (int) (guchar) g_ascii_tolower (*x) - (int) (guchar) g_ascii_tolower (*y);
}

static int
compare_tags (gconstpointer a,
              gconstpointer b)
{
  const char *x = *(const char * const *) a;
  const char *y = *(const char * const *) b;
  int cmp = compare_nocase (x, y);

  return cmp != 0 ? cmp : strcmp (x, y);
}

static char **
normalize_tags (const char * const *tags)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *unique = g_ptr_array_new ();

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_auto(GStrv) pieces = g_strsplit (tags[i], ",", -1);

      for (guint j = 0; pieces[j] != NULL; j++)
        {
          char *name = dg_record_normalize_text (pieces[j], TRUE);

          if (*name != '\0')
            g_ptr_array_add (names, name);
          else
            g_free (name);
        }
    }

  g_ptr_array_sort (names, compare_tags);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (unique->len > 0
          && compare_nocase (g_ptr_array_index (unique, unique->len - 1), name) == 0)
        continue;
      g_ptr_array_add (unique, g_strdup (name));
    }
  g_ptr_array_add (unique, NULL);

  return (char **) g_ptr_array_free (unique, FALSE);
}

char **
dg_tags_parse (const char *text)
{
  const char * const tags[] = { text, NULL };

  return normalize_tags (tags);
}

static void
dg_customer_finalize (GObject *object)
{
  DgCustomer *self = (DgCustomer *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->organization, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->birthday, g_free);
  g_clear_pointer (&self->consent_at, g_date_time_unref);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->last_contact_at, g_date_time_unref);
  g_clear_pointer (&self->tags, g_strfreev);

  G_OBJECT_CLASS (dg_customer_parent_class)->finalize (object);
}

static void
dg_customer_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DgCustomer *self = DG_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_ORGANIZATION:
      g_value_set_string (value, self->organization);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_BIRTHDAY:
      g_value_set_string (value, self->birthday);
      break;

    case PROP_BIRTHDAY_LUNAR:
      g_value_set_boolean (value, self->birthday_lunar);
      break;

    case PROP_BIRTHDAY_LEAP_MONTH:
      g_value_set_boolean (value, self->birthday_leap_month);
      break;

    case PROP_MARKETING_CONSENT:
      g_value_set_boolean (value, self->marketing_consent);
      break;

    case PROP_CONSENT_AT:
      g_value_set_boxed (value, self->consent_at);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    case PROP_TAGS_TEXT:
      g_value_take_string (value, dg_customer_dup_tags_text (self));
      break;

    case PROP_LAST_CONTACT_AT:
      g_value_set_boxed (value, self->last_contact_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_customer_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  DgCustomer *self = DG_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      dg_customer_set_name (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      dg_customer_set_phone (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      dg_customer_set_email (self, g_value_get_string (value));
      break;

    case PROP_ORGANIZATION:
      dg_customer_set_organization (self, g_value_get_string (value));
      break;

    case PROP_SOURCE:
      dg_customer_set_source (self, g_value_get_string (value));
      break;

    case PROP_BIRTHDAY:
      dg_customer_set_birthday (self, g_value_get_string (value));
      break;

    case PROP_BIRTHDAY_LUNAR:
      dg_customer_set_birthday_lunar (self, g_value_get_boolean (value));
      break;

    case PROP_BIRTHDAY_LEAP_MONTH:
      dg_customer_set_birthday_leap_month (self, g_value_get_boolean (value));
      break;

    case PROP_MARKETING_CONSENT:
      dg_customer_set_marketing_consent (self, g_value_get_boolean (value), NULL);
      break;

    case PROP_CONSENT_AT:
      {
        GDateTime *at = g_value_get_boxed (value);

        dg_customer_set_marketing_consent (self, at != NULL, at);
      }
      break;

    case PROP_NOTE:
      dg_customer_set_note (self, g_value_get_string (value));
      break;

    case PROP_ARCHIVED:
      dg_customer_set_archived (self, g_value_get_boolean (value));
      break;

    case PROP_TAGS:
      dg_customer_set_tags (self, g_value_get_boxed (value));
      break;

    case PROP_LAST_CONTACT_AT:
      dg_customer_set_last_contact_at (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_customer_class_init (DgCustomerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dg_customer_finalize;
  object_class->get_property = dg_customer_get_property;
  object_class->set_property = dg_customer_set_property;

  properties [PROP_NAME] = dg_record_string_property ("name", "");
  properties [PROP_PHONE] = dg_record_string_property ("phone", "");
  properties [PROP_EMAIL] = dg_record_string_property ("email", "");
  properties [PROP_ORGANIZATION] = dg_record_string_property ("organization", "");
  properties [PROP_SOURCE] = dg_record_string_property ("source", "");
  properties [PROP_BIRTHDAY] = dg_record_string_property ("birthday", NULL);
  properties [PROP_NOTE] = dg_record_string_property ("note", "");

  /* A lunar birthday holds lunar months and days; see dg-birthdays.h. */
  properties [PROP_BIRTHDAY_LUNAR] =
    g_param_spec_boolean ("birthday-lunar", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Only read when the birthday is lunar. */
  properties [PROP_BIRTHDAY_LEAP_MONTH] =
    g_param_spec_boolean ("birthday-leap-month", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Setting it to TRUE records the current time in :consent-at. */
  properties [PROP_MARKETING_CONSENT] =
    g_param_spec_boolean ("marketing-consent", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Setting a time gives consent then, NULL withdraws it, so that a copy
   * keeps when consent was given. */
  properties [PROP_CONSENT_AT] = dg_record_time_property ("consent-at");

  properties [PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TAGS_TEXT] =
    g_param_spec_string ("tags-text", NULL, NULL,
                         "",
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* Filled in when the customer is loaded; writing it stores nothing. */
  properties [PROP_LAST_CONTACT_AT] = dg_record_time_property ("last-contact-at");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dg_customer_init (DgCustomer *self)
{
  self->name = g_strdup ("");
  self->phone = g_strdup ("");
  self->email = g_strdup ("");
  self->organization = g_strdup ("");
  self->source = g_strdup ("");
  self->note = g_strdup ("");
  self->tags = g_new0 (char *, 1);
}

DgCustomer *
dg_customer_new (void)
{
  return g_object_new (DG_TYPE_CUSTOMER, NULL);
}

DG_RECORD_DEFINE_ACCESSORS (DgCustomer, dg_customer)
DG_RECORD_DEFINE_UPDATED_AT (DgCustomer, dg_customer)

DG_RECORD_DEFINE_TEXT_FIELD (DgCustomer, dg_customer, DG_IS_CUSTOMER, name, PROP_NAME, TRUE)
DG_RECORD_DEFINE_TEXT_FIELD (DgCustomer, dg_customer, DG_IS_CUSTOMER, email, PROP_EMAIL, TRUE)
DG_RECORD_DEFINE_TEXT_FIELD (DgCustomer, dg_customer, DG_IS_CUSTOMER, organization, PROP_ORGANIZATION, TRUE)
DG_RECORD_DEFINE_TEXT_FIELD (DgCustomer, dg_customer, DG_IS_CUSTOMER, source, PROP_SOURCE, TRUE)
DG_RECORD_DEFINE_TEXT_FIELD (DgCustomer, dg_customer, DG_IS_CUSTOMER, note, PROP_NOTE, FALSE)
DG_RECORD_DEFINE_TIME_FIELD (DgCustomer, dg_customer, DG_IS_CUSTOMER, last_contact_at, PROP_LAST_CONTACT_AT)

const char *
dg_customer_get_phone (DgCustomer *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER (self), NULL);

  return self->phone;
}

void
dg_customer_set_phone (DgCustomer *self,
                       const char *phone)
{
  g_autofree char *line = NULL;

  g_return_if_fail (DG_IS_CUSTOMER (self));

  /* Full-width digits and signs from a Korean input method become ASCII. */
  line = dg_record_normalize_text (phone, TRUE);
  if (dg_record_set_string (&self->phone, g_utf8_normalize (line, -1, G_NORMALIZE_NFKC)))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PHONE]);
}

const char *
dg_customer_get_birthday (DgCustomer *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER (self), NULL);

  return self->birthday;
}

void
dg_customer_set_birthday (DgCustomer *self,
                          const char *birthday)
{
  char *value;

  g_return_if_fail (DG_IS_CUSTOMER (self));

  value = dg_record_normalize_text (birthday, TRUE);
  if (*value == '\0')
    g_clear_pointer (&value, g_free);

  if (dg_record_set_string (&self->birthday, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BIRTHDAY]);
}

gboolean
dg_customer_get_birthday_lunar (DgCustomer *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER (self), FALSE);

  return self->birthday_lunar;
}

void
dg_customer_set_birthday_lunar (DgCustomer *self,
                                gboolean    lunar)
{
  g_return_if_fail (DG_IS_CUSTOMER (self));

  lunar = !!lunar;

  if (self->birthday_lunar != lunar)
    {
      self->birthday_lunar = lunar;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BIRTHDAY_LUNAR]);
    }
}

gboolean
dg_customer_get_birthday_leap_month (DgCustomer *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER (self), FALSE);

  return self->birthday_leap_month;
}

void
dg_customer_set_birthday_leap_month (DgCustomer *self,
                                     gboolean    leap_month)
{
  g_return_if_fail (DG_IS_CUSTOMER (self));

  leap_month = !!leap_month;

  if (self->birthday_leap_month != leap_month)
    {
      self->birthday_leap_month = leap_month;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BIRTHDAY_LEAP_MONTH]);
    }
}

gboolean
dg_customer_get_marketing_consent (DgCustomer *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER (self), FALSE);

  return self->marketing_consent;
}

GDateTime *
dg_customer_get_consent_at (DgCustomer *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER (self), NULL);

  return self->consent_at;
}

void
dg_customer_set_marketing_consent (DgCustomer *self,
                                   gboolean    consent,
                                   GDateTime  *at)
{
  GDateTime *consent_at = NULL;

  g_return_if_fail (DG_IS_CUSTOMER (self));

  consent = !!consent;

  if (consent)
    {
      if (at != NULL)
        consent_at = dg_record_normalize_time (at);
      else if (self->consent_at != NULL)
        /* Ticking an already given consent again keeps when it was given. */
        consent_at = g_date_time_ref (self->consent_at);
      else
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

          consent_at = dg_record_normalize_time (now);
        }
    }

  g_object_freeze_notify (G_OBJECT (self));

  if (self->marketing_consent != consent)
    {
      self->marketing_consent = consent;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MARKETING_CONSENT]);
    }

  if (dg_record_set_time (&self->consent_at, consent_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONSENT_AT]);

  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
dg_customer_get_archived (DgCustomer *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER (self), FALSE);

  return self->archived;
}

void
dg_customer_set_archived (DgCustomer *self,
                          gboolean    archived)
{
  g_return_if_fail (DG_IS_CUSTOMER (self));

  archived = !!archived;

  if (self->archived != archived)
    {
      self->archived = archived;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ARCHIVED]);
    }
}

const char * const *
dg_customer_get_tags (DgCustomer *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER (self), NULL);

  return (const char * const *) self->tags;
}

void
dg_customer_set_tags (DgCustomer         *self,
                      const char * const *tags)
{
  g_auto(GStrv) normalized = NULL;

  g_return_if_fail (DG_IS_CUSTOMER (self));

  normalized = normalize_tags (tags);
  if (g_strv_equal ((const char * const *) normalized, (const char * const *) self->tags))
    return;

  g_strfreev (self->tags);
  self->tags = g_steal_pointer (&normalized);

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TAGS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TAGS_TEXT]);
  g_object_thaw_notify (G_OBJECT (self));
}

char *
dg_customer_dup_tags_text (DgCustomer *self)
{
  g_return_val_if_fail (DG_IS_CUSTOMER (self), NULL);

  return g_strjoinv (", ", self->tags);
}
