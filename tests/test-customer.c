/* test-customer.c */
#include "config.h"

#include "dg-test-util.h"

static void
assert_field_ok (DgCustomer      *customer,
                 DgCustomerField  field)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_customer_validate_field (customer, field, &error));
  g_assert_no_error (error);
}

/* Checks that @field is refused with a message that starts with @label
 * and, when given, quotes the offending value. */
static void
assert_field_refused (DgCustomer      *customer,
                      DgCustomerField  field,
                      const char      *label,
                      const char      *quoted)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (dg_customer_validate_field (customer, field, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD);
  g_assert_true (g_str_has_prefix (error->message, label));
  if (quoted != NULL)
    {
      g_autofree char *expected = g_strdup_printf ("“%s”", quoted);

      g_assert_nonnull (strstr (error->message, expected));
    }

  /* The whole record is refused for the same reason. */
  g_clear_error (&error);
  g_assert_false (dg_customer_validate (customer, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD);
}

static DgCustomer *
valid_customer (void)
{
  DgCustomer *customer = dg_customer_new ();

  dg_customer_set_name (customer, "김민수");

  return customer;
}

static char *
repeat (const char *piece,
        guint       times)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (s, piece);

  return g_string_free (s, FALSE);
}

static void
test_defaults (void)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autofree char *tags_text = NULL;

  g_assert_cmpint (dg_customer_get_id (customer), ==, 0);
  g_assert_cmpstr (dg_customer_get_uuid (customer), ==, "");
  g_assert_cmpstr (dg_customer_get_name (customer), ==, "");
  g_assert_cmpstr (dg_customer_get_phone (customer), ==, "");
  g_assert_cmpstr (dg_customer_get_email (customer), ==, "");
  g_assert_cmpstr (dg_customer_get_organization (customer), ==, "");
  g_assert_cmpstr (dg_customer_get_source (customer), ==, "");
  g_assert_null (dg_customer_get_birthday (customer));
  g_assert_false (dg_customer_get_marketing_consent (customer));
  g_assert_null (dg_customer_get_consent_at (customer));
  g_assert_cmpstr (dg_customer_get_note (customer), ==, "");
  g_assert_false (dg_customer_get_archived (customer));
  g_assert_null (dg_customer_get_created_at (customer));
  g_assert_null (dg_customer_get_updated_at (customer));
  g_assert_nonnull (dg_customer_get_tags (customer));
  g_assert_null (dg_customer_get_tags (customer)[0]);

  tags_text = dg_customer_dup_tags_text (customer);
  g_assert_cmpstr (tags_text, ==, "");
}

static void
test_validate_name (void)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autofree char *long_latin = repeat ("a", 201);
  g_autofree char *long_korean = repeat ("가", 200);
  g_autoptr(GError) error = NULL;

  assert_field_refused (customer, DG_CUSTOMER_FIELD_NAME, "Name:", NULL);

  g_assert_false (dg_customer_validate_field (customer, DG_CUSTOMER_FIELD_NAME, &error));
  g_assert_cmpstr (error->message, ==, "Name: enter a name");

  dg_customer_set_name (customer, "   \t ");
  assert_field_refused (customer, DG_CUSTOMER_FIELD_NAME, "Name:", NULL);

  dg_customer_set_name (customer, long_latin);
  assert_field_refused (customer, DG_CUSTOMER_FIELD_NAME, "Name:", NULL);

  /* The limit counts characters, not bytes. */
  dg_customer_set_name (customer, long_korean);
  assert_field_ok (customer, DG_CUSTOMER_FIELD_NAME);

  dg_customer_set_name (customer, "Kim Minsu");
  assert_field_ok (customer, DG_CUSTOMER_FIELD_NAME);
  g_assert_true (dg_customer_validate (customer, NULL));
}

static void
test_validate_email (void)
{
  static const char *valid[] = {
    "kim@example.com", "min.su+dangol@mail.example.co.kr", "a@b.c",
  };
  static const char *invalid[] = {
    "abc", "a@b", "@example.com", "kim@@example.com", "kim@example@com",
    "kim minsu@example.com", "kim@.com", "kim@example.", "kim@example..com",
    "김민수",
  };
  g_autoptr(DgCustomer) customer = valid_customer ();
  g_autoptr(GError) error = NULL;

  assert_field_ok (customer, DG_CUSTOMER_FIELD_EMAIL);

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      dg_customer_set_email (customer, valid[i]);
      assert_field_ok (customer, DG_CUSTOMER_FIELD_EMAIL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      dg_customer_set_email (customer, invalid[i]);
      assert_field_refused (customer, DG_CUSTOMER_FIELD_EMAIL, "Email:", invalid[i]);
    }

  dg_customer_set_email (customer, "abc");
  g_assert_false (dg_customer_validate_field (customer, DG_CUSTOMER_FIELD_EMAIL, &error));
  g_assert_cmpstr (error->message, ==, "Email: “abc” is not an email address");
}

static void
test_validate_phone (void)
{
  static const char *valid[] = {
    "+82 10-1234-5678", "010-1234-5678", "01012345678", "(02) 123.4567", "02 123 4567 / 8",
  };
  g_autoptr(DgCustomer) customer = valid_customer ();
  g_autoptr(GError) error = NULL;

  assert_field_ok (customer, DG_CUSTOMER_FIELD_PHONE);

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      dg_customer_set_phone (customer, valid[i]);
      assert_field_ok (customer, DG_CUSTOMER_FIELD_PHONE);
    }

  dg_customer_set_phone (customer, "call me");
  assert_field_refused (customer, DG_CUSTOMER_FIELD_PHONE, "Phone:", "call me");
  g_assert_false (dg_customer_validate_field (customer, DG_CUSTOMER_FIELD_PHONE, &error));
  g_assert_cmpstr (error->message, ==, "Phone: “call me” has no digits");

  dg_customer_set_phone (customer, "---");
  assert_field_refused (customer, DG_CUSTOMER_FIELD_PHONE, "Phone:", "---");

  /* Digits among other words are still not a phone number. */
  dg_customer_set_phone (customer, "010-1234 ext 5");
  assert_field_refused (customer, DG_CUSTOMER_FIELD_PHONE, "Phone:", "010-1234 ext 5");
  dg_customer_set_phone (customer, "010 전화");
  assert_field_refused (customer, DG_CUSTOMER_FIELD_PHONE, "Phone:", "010 전화");
}

static void
test_validate_birthday (void)
{
  static const char *valid[] = {
    "2024-02-29", "2000-02-29", "1900-01-01", "1985-12-31",
  };
  static const char *not_a_date[] = {
    "2023-02-29", "2023-13-01", "2023-00-10", "2023-04-31", "1900-02-29",
    "2023-1-01", "20230101", "abcd-ef-gh", "yesterday", "2023-01-01T00:00",
    "0000-01-01",
  };
  g_autoptr(DgCustomer) customer = valid_customer ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) next_year = g_date_time_add_years (now, 1);
  g_autofree char *today_text = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *tomorrow_text = g_date_time_format (tomorrow, "%Y-%m-%d");
  g_autofree char *next_year_text = g_date_time_format (next_year, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;

  assert_field_ok (customer, DG_CUSTOMER_FIELD_BIRTHDAY);

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      dg_customer_set_birthday (customer, valid[i]);
      assert_field_ok (customer, DG_CUSTOMER_FIELD_BIRTHDAY);
    }

  for (guint i = 0; i < G_N_ELEMENTS (not_a_date); i++)
    {
      dg_customer_set_birthday (customer, not_a_date[i]);
      assert_field_refused (customer, DG_CUSTOMER_FIELD_BIRTHDAY, "Birthday:", not_a_date[i]);
    }

  dg_customer_set_birthday (customer, "2023-02-29");
  g_assert_false (dg_customer_validate_field (customer, DG_CUSTOMER_FIELD_BIRTHDAY, &error));
  g_assert_cmpstr (error->message, ==, "Birthday: “2023-02-29” is not a real date (use YYYY-MM-DD)");
  g_clear_error (&error);

  dg_customer_set_birthday (customer, "1899-12-31");
  assert_field_refused (customer, DG_CUSTOMER_FIELD_BIRTHDAY, "Birthday:", "1899-12-31");
  g_assert_false (dg_customer_validate_field (customer, DG_CUSTOMER_FIELD_BIRTHDAY, &error));
  g_assert_nonnull (strstr (error->message, "1900"));
  g_clear_error (&error);

  dg_customer_set_birthday (customer, today_text);
  assert_field_ok (customer, DG_CUSTOMER_FIELD_BIRTHDAY);

  dg_customer_set_birthday (customer, tomorrow_text);
  assert_field_refused (customer, DG_CUSTOMER_FIELD_BIRTHDAY, "Birthday:", tomorrow_text);
  g_assert_false (dg_customer_validate_field (customer, DG_CUSTOMER_FIELD_BIRTHDAY, &error));
  g_assert_nonnull (strstr (error->message, "future"));

  dg_customer_set_birthday (customer, next_year_text);
  assert_field_refused (customer, DG_CUSTOMER_FIELD_BIRTHDAY, "Birthday:", next_year_text);
}

static void
test_validate_lengths (void)
{
  g_autoptr(DgCustomer) customer = valid_customer ();
  g_autofree char *line_ok = repeat ("가", 200);
  g_autofree char *line_long = repeat ("가", 201);
  g_autofree char *note_ok = repeat ("가", 20000);
  g_autofree char *note_long = repeat ("a", 20001);
  const char *tags_long[] = { "vip", line_long, NULL };

  dg_customer_set_organization (customer, line_ok);
  assert_field_ok (customer, DG_CUSTOMER_FIELD_ORGANIZATION);
  dg_customer_set_organization (customer, line_long);
  assert_field_refused (customer, DG_CUSTOMER_FIELD_ORGANIZATION, "Organization:", NULL);
  dg_customer_set_organization (customer, NULL);

  dg_customer_set_source (customer, line_ok);
  assert_field_ok (customer, DG_CUSTOMER_FIELD_SOURCE);
  dg_customer_set_source (customer, line_long);
  assert_field_refused (customer, DG_CUSTOMER_FIELD_SOURCE, "Source:", NULL);
  dg_customer_set_source (customer, NULL);

  dg_customer_set_email (customer, line_long);
  assert_field_refused (customer, DG_CUSTOMER_FIELD_EMAIL, "Email:", NULL);
  dg_customer_set_email (customer, NULL);

  dg_customer_set_note (customer, note_ok);
  assert_field_ok (customer, DG_CUSTOMER_FIELD_NOTE);
  dg_customer_set_note (customer, note_long);
  assert_field_refused (customer, DG_CUSTOMER_FIELD_NOTE, "Note:", NULL);
  dg_customer_set_note (customer, NULL);

  dg_customer_set_tags (customer, tags_long);
  assert_field_refused (customer, DG_CUSTOMER_FIELD_TAGS, "Tags:", NULL);
  dg_customer_set_tags (customer, NULL);

  g_assert_true (dg_customer_validate (customer, NULL));
}

static void
test_validate_first_error (void)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GError) error = NULL;

  dg_customer_set_email (customer, "abc");
  dg_customer_set_phone (customer, "call me");

  /* Each field reports its own problem for the form... */
  assert_field_refused (customer, DG_CUSTOMER_FIELD_NAME, "Name:", NULL);
  assert_field_refused (customer, DG_CUSTOMER_FIELD_PHONE, "Phone:", NULL);
  assert_field_refused (customer, DG_CUSTOMER_FIELD_EMAIL, "Email:", NULL);
  assert_field_ok (customer, DG_CUSTOMER_FIELD_BIRTHDAY);

  /* ... and the record stops at the first one, in field order. */
  g_assert_false (dg_customer_validate (customer, &error));
  g_assert_true (g_str_has_prefix (error->message, "Name:"));
}

static void
test_normalize (void)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  const char *tags[] = { " vip ", "b2b", "VIP", "", "  ", "신규, 단골", NULL };
  const char * const *got;
  g_autofree char *tags_text = NULL;

  dg_customer_set_name (customer, "  김민수 \n");
  g_assert_cmpstr (dg_customer_get_name (customer), ==, "김민수");

  /* Ideographic spaces from a Korean input method are trimmed too. */
  dg_customer_set_name (customer, "\u3000김민수\u3000");
  g_assert_cmpstr (dg_customer_get_name (customer), ==, "김민수");

  /* A pasted line break or tab in a one-line field becomes a space. */
  dg_customer_set_name (customer, "Kim\tMin\nsu");
  g_assert_cmpstr (dg_customer_get_name (customer), ==, "Kim Min su");

  dg_customer_set_name (customer, NULL);
  g_assert_cmpstr (dg_customer_get_name (customer), ==, "");

  dg_customer_set_name (customer, "Kim\xff");
  g_assert_true (g_utf8_validate (dg_customer_get_name (customer), -1, NULL));

  dg_customer_set_phone (customer, " 010-1234-5678 ");
  g_assert_cmpstr (dg_customer_get_phone (customer), ==, "010-1234-5678");
  /* Full-width digits from a Korean input method. */
  dg_customer_set_phone (customer, "０１０－１２３４");
  g_assert_cmpstr (dg_customer_get_phone (customer), ==, "010-1234");
  dg_customer_set_email (customer, " kim@example.com\n");
  g_assert_cmpstr (dg_customer_get_email (customer), ==, "kim@example.com");
  dg_customer_set_organization (customer, "  단골상회 ");
  g_assert_cmpstr (dg_customer_get_organization (customer), ==, "단골상회");
  dg_customer_set_source (customer, NULL);
  g_assert_cmpstr (dg_customer_get_source (customer), ==, "");

  dg_customer_set_birthday (customer, " 1990-05-01 ");
  g_assert_cmpstr (dg_customer_get_birthday (customer), ==, "1990-05-01");
  dg_customer_set_birthday (customer, "   ");
  g_assert_null (dg_customer_get_birthday (customer));

  /* A note keeps its lines but not the blank around them. */
  dg_customer_set_note (customer, "\n  first line\n\tsecond line\n\n");
  g_assert_cmpstr (dg_customer_get_note (customer), ==, "first line\n\tsecond line");
  dg_customer_set_note (customer, NULL);
  g_assert_cmpstr (dg_customer_get_note (customer), ==, "");

  dg_customer_set_tags (customer, tags);
  got = dg_customer_get_tags (customer);
  g_assert_cmpuint (g_strv_length ((char **) got), ==, 4);
  g_assert_cmpstr (got[0], ==, "b2b");
  g_assert_cmpstr (got[1], ==, "VIP");
  g_assert_cmpstr (got[2], ==, "단골");
  g_assert_cmpstr (got[3], ==, "신규");
  tags_text = dg_customer_dup_tags_text (customer);
  g_assert_cmpstr (tags_text, ==, "b2b, VIP, 단골, 신규");

  dg_customer_set_tags (customer, NULL);
  g_assert_nonnull (dg_customer_get_tags (customer));
  g_assert_null (dg_customer_get_tags (customer)[0]);
}

static void
test_times (void)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GTimeZone) seoul = g_time_zone_new_offset (9 * 3600);
  g_autoptr(GDateTime) local = g_date_time_new (seoul, 2026, 11, 24, 12, 22, 1.75);
  GDateTime *stored;

  dg_customer_set_created_at (customer, local);
  stored = dg_customer_get_created_at (customer);

  /* Held as it will be stored: UTC, whole seconds. */
  g_assert_cmpint (g_date_time_get_utc_offset (stored), ==, 0);
  g_assert_cmpint (g_date_time_get_hour (stored), ==, 3);
  g_assert_cmpint (g_date_time_get_second (stored), ==, 1);
  g_assert_cmpint (g_date_time_get_microsecond (stored), ==, 0);

  dg_customer_set_updated_at (customer, local);
  g_assert_true (g_date_time_equal (dg_customer_get_updated_at (customer), stored));
  dg_customer_set_updated_at (customer, NULL);
  g_assert_null (dg_customer_get_updated_at (customer));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              GHashTable *counts)
{
  const char *name = g_param_spec_get_name (pspec);

  g_hash_table_insert (counts, (gpointer) name,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, name)) + 1));
}

static guint
take_count (GHashTable *counts,
            const char *name)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));

  g_hash_table_remove (counts, name);

  return count;
}

static void
test_notify (void)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2025, 3, 1, 9, 0, 0);
  g_autoptr(GDateTime) same_second = g_date_time_add (when, 300000);
  const char *tags_ba[] = { "b", "a", NULL };
  const char *tags_ab[] = { "a", " b ", "a, b", NULL };

  g_signal_connect (customer, "notify", G_CALLBACK (count_notify), counts);

  dg_customer_set_name (customer, "Kim");
  g_assert_cmpuint (take_count (counts, "name"), ==, 1);
  dg_customer_set_name (customer, " Kim ");
  dg_customer_set_name (customer, "Kim");
  g_assert_cmpuint (take_count (counts, "name"), ==, 0);

  dg_customer_set_id (customer, 7);
  dg_customer_set_id (customer, 7);
  g_assert_cmpuint (take_count (counts, "id"), ==, 1);

  dg_customer_set_birthday (customer, NULL);
  g_assert_cmpuint (take_count (counts, "birthday"), ==, 0);
  dg_customer_set_birthday (customer, "1990-01-01");
  dg_customer_set_birthday (customer, "1990-01-01 ");
  g_assert_cmpuint (take_count (counts, "birthday"), ==, 1);

  dg_customer_set_archived (customer, FALSE);
  g_assert_cmpuint (take_count (counts, "archived"), ==, 0);
  dg_customer_set_archived (customer, TRUE);
  dg_customer_set_archived (customer, 2);
  g_assert_cmpuint (take_count (counts, "archived"), ==, 1);

  dg_customer_set_created_at (customer, when);
  dg_customer_set_created_at (customer, same_second);
  g_assert_cmpuint (take_count (counts, "created-at"), ==, 1);

  dg_customer_set_tags (customer, tags_ba);
  g_assert_cmpuint (take_count (counts, "tags"), ==, 1);
  g_assert_cmpuint (take_count (counts, "tags-text"), ==, 1);
  dg_customer_set_tags (customer, tags_ab);
  g_assert_cmpuint (take_count (counts, "tags"), ==, 0);
  g_assert_cmpuint (take_count (counts, "tags-text"), ==, 0);

  /* Consent records when it was given, and keeps that time. */
  dg_customer_set_marketing_consent (customer, TRUE, NULL);
  g_assert_cmpuint (take_count (counts, "marketing-consent"), ==, 1);
  g_assert_cmpuint (take_count (counts, "consent-at"), ==, 1);
  g_assert_nonnull (dg_customer_get_consent_at (customer));
  dg_customer_set_marketing_consent (customer, TRUE, NULL);
  g_assert_cmpuint (take_count (counts, "marketing-consent"), ==, 0);
  g_assert_cmpuint (take_count (counts, "consent-at"), ==, 0);
  dg_customer_set_marketing_consent (customer, TRUE, when);
  g_assert_cmpuint (take_count (counts, "marketing-consent"), ==, 0);
  g_assert_cmpuint (take_count (counts, "consent-at"), ==, 1);
  g_assert_true (g_date_time_equal (dg_customer_get_consent_at (customer), when));
  dg_customer_set_marketing_consent (customer, FALSE, when);
  g_assert_cmpuint (take_count (counts, "marketing-consent"), ==, 1);
  g_assert_cmpuint (take_count (counts, "consent-at"), ==, 1);
  g_assert_null (dg_customer_get_consent_at (customer));

  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);
}

static void
test_properties (void)
{
  g_autoptr(DgCustomer) customer = NULL;
  g_autoptr(GDateTime) created = g_date_time_new_utc (2024, 5, 6, 7, 8, 9);
  g_autoptr(GDateTime) consent_at = NULL;
  g_autoptr(GDateTime) created_out = NULL;
  g_autofree char *name = NULL;
  g_autofree char *tags_text = NULL;
  g_auto(GStrv) tags_out = NULL;
  const char *tags[] = { "신규", "vip", NULL };
  gboolean consent = FALSE;
  gint64 id = 0;

  customer = g_object_new (DG_TYPE_CUSTOMER,
                           "id", (gint64) 12,
                           "name", " 박지은 ",
                           "tags", tags,
                           "created-at", created,
                           "marketing-consent", TRUE,
                           NULL);

  g_object_get (customer,
                "id", &id,
                "name", &name,
                "tags", &tags_out,
                "tags-text", &tags_text,
                "created-at", &created_out,
                "marketing-consent", &consent,
                "consent-at", &consent_at,
                NULL);

  g_assert_cmpint (id, ==, 12);
  g_assert_cmpstr (name, ==, "박지은");
  g_assert_cmpstr (tags_out[0], ==, "vip");
  g_assert_cmpstr (tags_out[1], ==, "신규");
  g_assert_cmpstr (tags_text, ==, "vip, 신규");
  g_assert_true (g_date_time_equal (created_out, created));
  g_assert_true (consent);
  g_assert_nonnull (consent_at);
}

static void
test_copy (void)
{
  g_autoptr(DgCustomer) customer = valid_customer ();
  g_autoptr(DgCustomer) copy = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2025, 1, 2, 3, 4, 5);
  const char *tags[] = { "vip", NULL };

  dg_customer_set_id (customer, 3);
  dg_customer_set_uuid (customer, "0b7c6a8e-0000-4000-8000-000000000001");
  dg_customer_set_phone (customer, "010-1234-5678");
  dg_customer_set_email (customer, "minsu@example.com");
  dg_customer_set_organization (customer, "단골상회");
  dg_customer_set_source (customer, "블로그");
  dg_customer_set_birthday (customer, "1990-05-01");
  dg_customer_set_marketing_consent (customer, TRUE, when);
  dg_customer_set_note (customer, "line 1\nline 2");
  dg_customer_set_archived (customer, TRUE);
  dg_customer_set_created_at (customer, when);
  dg_customer_set_updated_at (customer, when);
  dg_customer_set_tags (customer, tags);

  copy = dg_customer_copy (customer);
  g_assert_true (copy != customer);
  g_assert_cmpint (dg_customer_get_id (copy), ==, 3);
  g_assert_cmpstr (dg_customer_get_uuid (copy), ==, dg_customer_get_uuid (customer));
  g_assert_cmpstr (dg_customer_get_name (copy), ==, "김민수");
  g_assert_cmpstr (dg_customer_get_phone (copy), ==, "010-1234-5678");
  g_assert_cmpstr (dg_customer_get_email (copy), ==, "minsu@example.com");
  g_assert_cmpstr (dg_customer_get_organization (copy), ==, "단골상회");
  g_assert_cmpstr (dg_customer_get_source (copy), ==, "블로그");
  g_assert_cmpstr (dg_customer_get_birthday (copy), ==, "1990-05-01");
  g_assert_true (dg_customer_get_marketing_consent (copy));
  g_assert_true (g_date_time_equal (dg_customer_get_consent_at (copy), when));
  g_assert_cmpstr (dg_customer_get_note (copy), ==, "line 1\nline 2");
  g_assert_true (dg_customer_get_archived (copy));
  g_assert_true (g_date_time_equal (dg_customer_get_created_at (copy), when));
  g_assert_true (g_date_time_equal (dg_customer_get_updated_at (copy), when));
  g_assert_true (g_strv_equal (dg_customer_get_tags (copy), dg_customer_get_tags (customer)));

  /* Independent afterwards. */
  dg_customer_set_name (copy, "Other");
  g_assert_cmpstr (dg_customer_get_name (customer), ==, "김민수");
}

static void
assert_parsed (const char *text,
               const char *expected_joined)
{
  g_auto(GStrv) tags = dg_tags_parse (text);
  g_autofree char *joined = g_strjoinv ("|", tags);

  g_assert_cmpstr (joined, ==, expected_joined);
}

static void
test_tags_parse (void)
{
  assert_parsed ("a, b,,c ", "a|b|c");
  assert_parsed ("c, b, a", "a|b|c");
  assert_parsed (NULL, "");
  assert_parsed ("", "");
  assert_parsed (" , ,, ", "");
  assert_parsed ("vip, VIP, Vip", "VIP");
  assert_parsed ("Beta, alpha, Alpha", "Alpha|Beta");
  assert_parsed ("신규,  단골 , 신규", "단골|신규");
  assert_parsed ("가을 세미나, vip", "vip|가을 세미나");
}

int
main (int argc, char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/customer/defaults", test_defaults);
  g_test_add_func ("/customer/validate/name", test_validate_name);
  g_test_add_func ("/customer/validate/email", test_validate_email);
  g_test_add_func ("/customer/validate/phone", test_validate_phone);
  g_test_add_func ("/customer/validate/birthday", test_validate_birthday);
  g_test_add_func ("/customer/validate/lengths", test_validate_lengths);
  g_test_add_func ("/customer/validate/first-error", test_validate_first_error);
  g_test_add_func ("/customer/normalize", test_normalize);
  g_test_add_func ("/customer/times", test_times);
  g_test_add_func ("/customer/notify", test_notify);
  g_test_add_func ("/customer/properties", test_properties);
  g_test_add_func ("/customer/copy", test_copy);
  g_test_add_func ("/customer/tags-parse", test_tags_parse);

  return g_test_run ();
}
