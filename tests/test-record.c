/* test-record.c
 *
 * The record base as every record type uses it: a copy equals its original,
 * any one property changed makes them differ, a setter given the value a
 * property already has notifies nothing, and an update notifies exactly
 * the properties whose value changed. Every property of every type is
 * walked, so a field added later is covered without a new test.
 */
#include "config.h"

#include "dg-core.h"

typedef struct
{
  const char *name;
  DgRecord *(*build) (void);
} RecordType;

static GDateTime *
utc (int year,
     int month,
     int day,
     int hour)
{
  return g_date_time_new_utc (year, month, day, hour, 30, 0);
}

/* Every field set away from its default, so that each one is compared. */
static DgRecord *
build_customer (void)
{
  DgCustomer *customer = dg_customer_new ();
  g_autoptr(GDateTime) consent_at = utc (2025, 3, 1, 9);
  g_autoptr(GDateTime) created_at = utc (2025, 2, 1, 10);
  g_autoptr(GDateTime) updated_at = utc (2025, 4, 1, 11);
  g_autoptr(GDateTime) last_contact_at = utc (2025, 5, 1, 12);
  const char *tags[] = { "vip", "신규", NULL };

  dg_customer_set_id (customer, 7);
  dg_customer_set_uuid (customer, "0b7c6a8e-0000-4000-8000-000000000007");
  dg_customer_set_name (customer, "김민수");
  dg_customer_set_phone (customer, "010-1234-5678");
  dg_customer_set_email (customer, "minsu@example.com");
  dg_customer_set_organization (customer, "단골상회");
  dg_customer_set_source (customer, "블로그");
  dg_customer_set_birthday (customer, "1990-05-01");
  dg_customer_set_marketing_consent (customer, TRUE, consent_at);
  dg_customer_set_note (customer, "first line\nsecond line");
  dg_customer_set_archived (customer, TRUE);
  dg_customer_set_tags (customer, tags);
  dg_customer_set_created_at (customer, created_at);
  dg_customer_set_updated_at (customer, updated_at);
  dg_customer_set_last_contact_at (customer, last_contact_at);

  return DG_RECORD (customer);
}

static DgRecord *
build_interaction (void)
{
  DgInteraction *interaction = dg_interaction_new ();
  g_autoptr(GDateTime) occurred_at = utc (2025, 6, 2, 14);
  g_autoptr(GDateTime) created_at = utc (2025, 6, 2, 15);

  dg_interaction_set_id (interaction, 21);
  dg_interaction_set_uuid (interaction, "0b7c6a8e-0000-4000-8000-000000000021");
  dg_interaction_set_customer_id (interaction, 7);
  dg_interaction_set_occurred_at (interaction, occurred_at);
  dg_interaction_set_channel (interaction, DG_INTERACTION_CHANNEL_MESSAGE);
  dg_interaction_set_summary (interaction, "Sent the reminder text");
  dg_interaction_set_feedback (interaction, DG_INTERACTION_FEEDBACK_POSITIVE);
  dg_interaction_set_created_at (interaction, created_at);

  return DG_RECORD (interaction);
}

static void
fill_followup (DgFollowup *followup)
{
  g_autoptr(GDateTime) done_at = utc (2025, 7, 3, 8);
  g_autoptr(GDateTime) snoozed_until = utc (2025, 7, 2, 8);
  g_autoptr(GDateTime) notified_at = utc (2025, 7, 1, 8);
  g_autoptr(GDateTime) created_at = utc (2025, 6, 1, 8);
  g_autoptr(GDateTime) updated_at = utc (2025, 6, 5, 8);

  dg_followup_set_id (followup, 33);
  dg_followup_set_uuid (followup, "0b7c6a8e-0000-4000-8000-000000000033");
  dg_followup_set_customer_id (followup, 7);
  dg_followup_set_customer_name (followup, "김민수");
  dg_followup_set_title (followup, "Invite to the next course");
  dg_followup_set_note (followup, "Ask about Saturday\nor Sunday");
  dg_followup_set_status (followup, DG_FOLLOWUP_STATUS_DONE);
  dg_followup_set_done_at (followup, done_at);
  dg_followup_set_snoozed_until (followup, snoozed_until);
  dg_followup_set_notified_at (followup, notified_at);
  dg_followup_set_recurrence (followup, DG_RECURRENCE_WEEKS);
  dg_followup_set_recurrence_interval (followup, 2);
  dg_followup_set_recurrence_anchor (followup, "2025-07-01T09:00:00");
  dg_followup_set_keep_in_touch (followup, TRUE);
  dg_followup_set_created_at (followup, created_at);
  dg_followup_set_updated_at (followup, updated_at);
}

static DgRecord *
build_timed_followup (void)
{
  DgFollowup *followup = dg_followup_new ();
  g_autoptr(GDateTime) due_at = utc (2025, 7, 1, 0);

  fill_followup (followup);
  dg_followup_set_due_at (followup, due_at);

  return DG_RECORD (followup);
}

static DgRecord *
build_all_day_followup (void)
{
  DgFollowup *followup = dg_followup_new ();

  fill_followup (followup);
  dg_followup_set_due_date (followup, "2025-07-01");

  return DG_RECORD (followup);
}

static GParamSpec **
list_properties (DgRecord *record,
                 guint    *n_pspecs)
{
  return g_object_class_list_properties (G_OBJECT_GET_CLASS (record), n_pspecs);
}

static gboolean
is_writable (GParamSpec *pspec)
{
  return (pspec->flags & G_PARAM_WRITABLE) != 0;
}

/* A value of @pspec's type that differs from @current and that its setter
 * keeps as given. */
static void
different_value (GParamSpec   *pspec,
                 const GValue *current,
                 GValue       *out)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (out, type);

  if (type == G_TYPE_INT64)
    g_value_set_int64 (out, g_value_get_int64 (current) + 1);
  else if (type == G_TYPE_UINT)
    g_value_set_uint (out, g_value_get_uint (current) + 1);
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (out, !g_value_get_boolean (current));
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      int value = g_value_get_enum (current);
      guint i = 0;

      while (enum_class->values[i].value != value)
        i++;
      g_value_set_enum (out, enum_class->values[(i + 1) % enum_class->n_values].value);
    }
  else if (type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (current);

      if (text == NULL || *text == '\0')
        g_value_set_string (out, "2026-01-02");
      else
        g_value_take_string (out, g_strconcat (text, "더", NULL));
    }
  else if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *time = g_value_get_boxed (current);

      if (time == NULL)
        g_value_take_boxed (out, utc (2026, 1, 2, 3));
      else
        g_value_take_boxed (out, g_date_time_add_hours (time, 1));
    }
  else if (type == G_TYPE_STRV)
    {
      const char * const *tags = g_value_get_boxed (current);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      g_strv_builder_addv (builder, (const char **) tags);
      g_strv_builder_add (builder, "추가");
      g_value_take_boxed (out, g_strv_builder_end (builder));
    }
  else
    g_error ("No different value for property %s of type %s", pspec->name, g_type_name (type));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 GHashTable *counts)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pspec->name));

  g_hash_table_insert (counts, (gpointer) pspec->name, GUINT_TO_POINTER (count + 1));
}

static GHashTable *
watch_notify (DgRecord *record)
{
  GHashTable *counts = g_hash_table_new (g_str_hash, g_str_equal);

  g_signal_connect (record, "notify", G_CALLBACK (count_notify_cb), counts);

  return counts;
}

static void
test_copy_equals (gconstpointer data)
{
  const RecordType *type = data;
  g_autoptr(DgRecord) record = type->build ();
  g_autoptr(DgRecord) copy = dg_record_copy (record);
  g_autoptr(DgRecord) empty = g_object_new (G_OBJECT_TYPE (record), NULL);
  g_autoptr(DgRecord) other_type = NULL;

  g_assert_true (copy != record);
  g_assert_true (G_OBJECT_TYPE (copy) == G_OBJECT_TYPE (record));
  g_assert_true (dg_record_equal (copy, record));
  g_assert_true (dg_record_equal (record, copy));
  g_assert_true (dg_record_equal (record, record));
  g_assert_false (dg_record_equal (record, empty));

  other_type = DG_IS_CUSTOMER (record) ? build_interaction () : build_customer ();
  g_assert_false (dg_record_equal (record, other_type));

  /* Not shared: changing the copy leaves the original as it was. */
  dg_record_set_uuid (copy, "another");
  g_assert_cmpstr (dg_record_get_uuid (record), !=, "another");
}

static void
test_any_change_differs (gconstpointer data)
{
  const RecordType *type = data;
  g_autoptr(DgRecord) record = type->build ();
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;
  guint n_writable = 0;

  pspecs = list_properties (record, &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_autoptr(DgRecord) copy = dg_record_copy (record);
      g_auto(GValue) current = G_VALUE_INIT;
      g_auto(GValue) changed = G_VALUE_INIT;

      if (!is_writable (pspecs[i]))
        continue;
      n_writable++;

      g_value_init (&current, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (copy), pspecs[i]->name, &current);
      different_value (pspecs[i], &current, &changed);
      g_object_set_property (G_OBJECT (copy), pspecs[i]->name, &changed);

      if (dg_record_equal (copy, record))
        g_error ("Changing %s left the records equal", pspecs[i]->name);
      g_assert_false (dg_record_equal (record, copy));

      /* An update brings the original's value back. */
      g_assert_true (dg_record_update (copy, record));
      g_assert_true (dg_record_equal (copy, record));
    }

  /* id, uuid, created-at and updated-at at least. */
  g_assert_cmpuint (n_writable, >=, 4);
}

static void
test_same_value_no_notify (gconstpointer data)
{
  const RecordType *type = data;
  g_autoptr(DgRecord) record = type->build ();
  g_autoptr(DgRecord) copy = dg_record_copy (record);
  g_autoptr(GHashTable) counts = watch_notify (record);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = list_properties (record, &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!is_writable (pspecs[i]))
        continue;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (record), pspecs[i]->name, &value);
      g_object_set_property (G_OBJECT (record), pspecs[i]->name, &value);

      if (g_hash_table_size (counts) != 0)
        g_error ("Setting %s to its own value notified", pspecs[i]->name);
    }

  /* Nor does an update from an equal record. */
  g_assert_true (dg_record_update (record, copy));
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);
  g_assert_true (dg_record_equal (record, copy));
}

/* Each readable property's value, by name. */
static GHashTable *
snapshot (DgRecord *record)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = list_properties (record, &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GValue *value = g_new0 (GValue, 1);

      g_value_init (value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (record), pspecs[i]->name, value);
      g_hash_table_insert (values, (gpointer) pspecs[i]->name, value);
    }

  return values;
}

static void
free_snapshot (GHashTable *values)
{
  GHashTableIter iter;
  GValue *value;

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &value))
    g_value_unset (value);
  g_hash_table_unref (values);
}

static gboolean
values_differ (const GValue *a,
               const GValue *b)
{
  g_autofree char *x = g_strdup_value_contents (a);
  g_autofree char *y = g_strdup_value_contents (b);

  if (G_VALUE_HOLDS (a, G_TYPE_DATE_TIME))
    {
      GDateTime *s = g_value_get_boxed (a);
      GDateTime *t = g_value_get_boxed (b);

      return s == NULL || t == NULL ? s != t : !g_date_time_equal (s, t);
    }

  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    {
      const char * const *s = g_value_get_boxed (a);
      const char * const *t = g_value_get_boxed (b);

      return s == NULL || t == NULL ? s != t : !g_strv_equal (s, t);
    }

  return g_strcmp0 (x, y) != 0;
}

static void
test_update_notifies_changes (gconstpointer data)
{
  const RecordType *type = data;
  g_autoptr(DgRecord) record = type->build ();
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = list_properties (record, &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_autoptr(DgRecord) live = dg_record_copy (record);
      g_autoptr(DgRecord) fresh = dg_record_copy (record);
      g_autoptr(GHashTable) counts = NULL;
      GHashTable *before;
      GHashTable *after;
      g_auto(GValue) current = G_VALUE_INIT;
      g_auto(GValue) changed = G_VALUE_INIT;
      guint n_changed = 0;

      if (!is_writable (pspecs[i]))
        continue;

      g_value_init (&current, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (fresh), pspecs[i]->name, &current);
      different_value (pspecs[i], &current, &changed);
      g_object_set_property (G_OBJECT (fresh), pspecs[i]->name, &changed);

      before = snapshot (live);
      counts = watch_notify (live);
      g_assert_true (dg_record_update (live, fresh));
      after = snapshot (live);

      g_assert_true (dg_record_equal (live, fresh));

      /* Notified once each: exactly the properties that read otherwise. */
      for (guint j = 0; j < n_pspecs; j++)
        {
          const char *name = pspecs[j]->name;
          gboolean differs = values_differ (g_hash_table_lookup (before, name),
                                            g_hash_table_lookup (after, name));
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));

          if (count != (differs ? 1 : 0))
            g_error ("Changing %s notified %s %u times, its value %s",
                     pspecs[i]->name, name, count, differs ? "changed" : "did not change");
          n_changed += differs;
        }
      g_assert_cmpuint (n_changed, >=, 1);
      g_assert_true (GPOINTER_TO_UINT (g_hash_table_lookup (counts, pspecs[i]->name)) == 1);

      free_snapshot (before);
      free_snapshot (after);
    }
}

static void
test_base_properties (void)
{
  g_autoptr(DgInteraction) interaction = dg_interaction_new ();
  g_autoptr(GDateTime) created_at = g_date_time_new_local (2025, 1, 2, 3, 4, 5.5);
  g_autoptr(GHashTable) counts = watch_notify (DG_RECORD (interaction));

  g_assert_cmpint (dg_interaction_get_id (interaction), ==, 0);
  g_assert_cmpstr (dg_interaction_get_uuid (interaction), ==, "");
  g_assert_null (dg_interaction_get_created_at (interaction));
  g_assert_null (dg_record_get_updated_at (DG_RECORD (interaction)));

  dg_interaction_set_id (interaction, 5);
  dg_interaction_set_uuid (interaction, "  abc \n");
  dg_interaction_set_created_at (interaction, created_at);

  /* The per-type names read the base. */
  g_assert_cmpint (dg_record_get_id (DG_RECORD (interaction)), ==, 5);
  g_assert_cmpstr (dg_record_get_uuid (DG_RECORD (interaction)), ==, "abc");
  /* Held in UTC to the whole second, as stored. */
  g_assert_cmpint (g_date_time_get_utc_offset (dg_interaction_get_created_at (interaction)), ==, 0);
  g_assert_cmpint (g_date_time_get_microsecond (dg_interaction_get_created_at (interaction)), ==, 0);
  g_assert_cmpint (g_date_time_to_unix (dg_interaction_get_created_at (interaction)), ==,
                   g_date_time_to_unix (created_at));

  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "id")), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "uuid")), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "created-at")), ==, 1);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  static const RecordType types[] = {
    { "customer", build_customer },
    { "interaction", build_interaction },
    { "followup-timed", build_timed_followup },
    { "followup-all-day", build_all_day_followup },
  };
  const struct
  {
    const char    *name;
    GTestDataFunc  func;
  } cases[] = {
    { "copy-equals", test_copy_equals },
    { "any-change-differs", test_any_change_differs },
    { "same-value-no-notify", test_same_value_no_notify },
    { "update-notifies-changes", test_update_notifies_changes },
  };

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record/base-properties", test_base_properties);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      for (guint j = 0; j < G_N_ELEMENTS (cases); j++)
        {
          g_autofree char *path = g_strdup_printf ("/record/%s/%s", types[i].name, cases[j].name);

          g_test_add_data_func (path, &types[i], cases[j].func);
        }
    }

  return g_test_run ();
}
