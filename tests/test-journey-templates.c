/* test-journey-templates.c
 *
 * The journey templates shipped in seeds/ and their loader: every template
 * in every language loads and creates a journey whose stages and rules are
 * the file's, with only known placeholders in its scripts; the languages
 * of one template stay in step; the language is chosen from the UI's;
 * broken files are refused with an error naming the file and the place,
 * and a failed creation leaves the database as it was.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "dg-test-util.h"

static const char * const shipped[] = {
  "lecture-en.json", "lecture-ko.json", "shop-en.json", "shop-ko.json", NULL
};

static char *
seed_path (const char *name)
{
  return g_build_filename (dg_journey_templates_get_dir (), name, NULL);
}

/* The file read on its own by json-glib, to compare the loader against. */
static JsonNode *
read_json (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
journey_of (JsonNode *root)
{
  return json_object_get_object_member (json_node_get_object (root), "journey");
}

static JsonObject *
stage_of (JsonNode *root,
          guint     index)
{
  JsonArray *stages = json_object_get_array_member (journey_of (root), "stages");

  return json_array_get_object_element (stages, index);
}

static gboolean
has_hangul (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xAC00 && c <= 0xD7A3)
        return TRUE;
    }

  return FALSE;
}

/* The placeholders @script uses, sorted, each once, as "a,b". */
static char *
placeholders_of (const char *script)
{
  const char * const *names = dg_stage_script_get_placeholders ();
  g_autoptr(GHashTable) empty = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) unknown = NULL;
  g_autofree char *filled = dg_stage_script_fill (script, empty, &missing, &unknown);
  g_autoptr(GString) list = g_string_new (NULL);

  g_assert_cmpuint (unknown->len, ==, 0);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_ptr_array_find_with_equal_func (missing, names[i], g_str_equal, NULL))
      g_string_append_printf (list, "%s%s", list->len > 0 ? "," : "", names[i]);

  return g_strdup (list->str);
}

/* Every placeholder filled: nothing missing, unknown or left in braces. */
static void
assert_script_fills (const char *script)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) unknown = NULL;
  g_autofree char *filled = NULL;
  const char * const *names = dg_stage_script_get_placeholders ();

  for (guint i = 0; names[i] != NULL; i++)
    g_hash_table_insert (values, (gpointer) names[i], "VALUE");
  filled = dg_stage_script_fill (script, values, &missing, &unknown);

  g_assert_cmpuint (missing->len, ==, 0);
  g_assert_cmpuint (unknown->len, ==, 0);
  g_assert_null (strchr (filled, '{'));
  g_assert_null (strchr (filled, '}'));
}

static void
assert_text_member (JsonObject *object,
                    const char *member,
                    const char *stored)
{
  const char *expected = json_object_get_string_member (object, member);

  g_assert_cmpstr (stored, ==, expected);
  /* A template is there to be used: no field of its playbook is empty. */
  g_assert_cmpstr (stored, !=, "");
}

static void
assert_rule_matches (JsonObject  *object,
                     DgStageRule *rule)
{
  JsonNode *time = json_object_get_member (object, "time_of_day");
  const char *note = json_object_has_member (object, "note")
                       ? json_object_get_string_member (object, "note") : "";

  g_assert_cmpstr (rule->title, ==, json_object_get_string_member (object, "title"));
  g_assert_cmpstr (rule->note, ==, note);
  g_assert_cmpstr (dg_rule_anchor_to_string (rule->anchor), ==,
                   json_object_get_string_member (object, "anchor"));
  g_assert_cmpint (rule->offset_days, ==, json_object_get_int_member (object, "offset_days"));
  if (time == NULL || JSON_NODE_HOLDS_NULL (time))
    g_assert_null (rule->time_of_day);
  else
    g_assert_cmpstr (rule->time_of_day, ==, json_node_get_string (time));
}

/* The journey @journey_id holds exactly what the file @root says. */
static void
assert_journey_matches (DgDatabase *db,
                        gint64      journey_id,
                        JsonNode   *root)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgJourney) journey = dg_journeys_get (db, journey_id, &error);
  g_autoptr(GPtrArray) stages = dg_stages_list (db, journey_id, &error);
  JsonObject *object = journey_of (root);
  JsonArray *expected = json_object_get_array_member (object, "stages");
  gboolean korean = g_strcmp0 (json_object_get_string_member (json_node_get_object (root), "language"),
                               "ko") == 0;

  g_assert_no_error (error);
  g_assert_cmpstr (journey->name, ==, json_object_get_string_member (object, "name"));
  g_assert_cmpstr (journey->description, ==, json_object_get_string_member (object, "description"));
  g_assert_true (has_hangul (journey->name) == korean);
  g_assert_cmpuint (stages->len, ==, json_array_get_length (expected));

  for (guint i = 0; i < stages->len; i++)
    {
      DgStage *stage = stages->pdata[i];
      JsonObject *want = json_array_get_object_element (expected, i);
      JsonNode *usual = json_object_get_member (want, "usual_days");
      JsonArray *want_rules = json_object_get_array_member (want, "rules");
      g_autoptr(GPtrArray) rules = dg_stage_rules_list (db, stage->id, &error);

      g_assert_no_error (error);
      g_assert_cmpint (stage->position, ==, i);
      assert_text_member (want, "name", stage->name);
      assert_text_member (want, "scenario", stage->scenario);
      assert_text_member (want, "touchpoint", stage->touchpoint);
      assert_text_member (want, "detail_steps", stage->detail_steps);
      assert_text_member (want, "message_script", stage->message_script);
      assert_text_member (want, "pain_points", stage->pain_points);
      assert_text_member (want, "unmet_needs", stage->unmet_needs);
      g_assert_cmpstr (dg_digitisation_to_string (stage->digitisation), ==,
                       json_object_get_string_member (want, "digitisation"));
      g_assert_cmpint (stage->usual_days, ==,
                       JSON_NODE_HOLDS_NULL (usual) ? -1 : json_node_get_int (usual));
      g_assert_true (has_hangul (stage->scenario) == korean);
      g_assert_true (has_hangul (stage->message_script) == korean);

      /* Only known placeholders, and every one of them fills. */
      g_free (placeholders_of (stage->message_script));
      assert_script_fills (stage->message_script);

      g_assert_cmpuint (rules->len, ==, json_array_get_length (want_rules));
      for (guint j = 0; j < rules->len; j++)
        assert_rule_matches (json_array_get_object_element (want_rules, j), rules->pdata[j]);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every template in seeds/ is one of those this test knows (other JSON
 * there, such as demo data, is not a template). */
static void
test_shipped_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dg_journey_templates_get_dir (), 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = seed_path (name);
      g_autoptr(JsonNode) root = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      root = read_json (path);
      if (g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (root), "format", ""),
                     DG_JOURNEY_TEMPLATE_FORMAT) == 0)
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

  g_assert_cmpuint (names->len, ==, g_strv_length ((char **) shipped));
  for (guint i = 0; i < names->len; i++)
    g_assert_cmpstr (names->pdata[i], ==, shipped[i]);
}

static void
test_shipped_create (void)
{
  for (guint i = 0; shipped[i] != NULL; i++)
    {
      g_autoptr(DgDatabase) db = dg_test_open_database ();
      g_autofree char *path = seed_path (shipped[i]);
      g_autoptr(JsonNode) root = read_json (path);
      g_autoptr(DgJourneyTemplate) tmpl = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) journeys = NULL;
      gint64 id = 0;

      g_test_message ("%s", shipped[i]);
      tmpl = dg_journey_template_load (path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (tmpl);
      g_assert_cmpstr (tmpl->path, ==, path);
      g_assert_true (g_str_has_prefix (shipped[i], tmpl->id));
      g_assert_cmpstr (tmpl->language, ==, json_object_get_string_member (json_node_get_object (root),
                                                                          "language"));
      g_assert_true (dg_journey_template_create_journey (db, tmpl, &id, &error));
      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
      assert_journey_matches (db, id, root);

      /* Twice gives two journeys, the second last in the list. */
      g_assert_true (dg_journey_template_create_journey (db, tmpl, NULL, &error));
      g_assert_no_error (error);
      journeys = dg_journeys_list (db, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (journeys->len, ==, 2);
      g_assert_cmpint (((DgJourney *) journeys->pdata[0])->id, ==, id);
    }
}

/* The languages of one template differ in words only. */
static void
assert_in_step (const char *id)
{
  g_autofree char *en_name = g_strdup_printf ("%s-en.json", id);
  g_autofree char *ko_name = g_strdup_printf ("%s-ko.json", id);
  g_autofree char *en_path = seed_path (en_name);
  g_autofree char *ko_path = seed_path (ko_name);
  g_autoptr(GError) error = NULL;
  g_autoptr(DgJourneyTemplate) en = dg_journey_template_load (en_path, &error);
  g_autoptr(DgJourneyTemplate) ko = dg_journey_template_load (ko_path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (en->id, ==, id);
  g_assert_cmpstr (ko->id, ==, id);
  g_assert_cmpstr (en->language, ==, "en");
  g_assert_cmpstr (ko->language, ==, "ko");
  g_assert_cmpuint (en->stages->len, ==, ko->stages->len);

  for (guint i = 0; i < en->stages->len; i++)
    {
      DgJourneyTemplateStage *a = en->stages->pdata[i];
      DgJourneyTemplateStage *b = ko->stages->pdata[i];
      g_autofree char *a_placeholders = placeholders_of (a->stage->message_script);
      g_autofree char *b_placeholders = placeholders_of (b->stage->message_script);

      g_test_message ("%s stage %u: %s / %s", id, i, a->stage->name, b->stage->name);
      g_assert_cmpint (a->stage->digitisation, ==, b->stage->digitisation);
      g_assert_cmpint (a->stage->usual_days, ==, b->stage->usual_days);
      g_assert_cmpstr (a_placeholders, ==, b_placeholders);
      g_assert_cmpuint (a->rules->len, ==, b->rules->len);

      for (guint j = 0; j < a->rules->len; j++)
        {
          DgStageRule *x = a->rules->pdata[j];
          DgStageRule *y = b->rules->pdata[j];

          g_assert_cmpint (x->anchor, ==, y->anchor);
          g_assert_cmpint (x->offset_days, ==, y->offset_days);
          g_assert_cmpstr (x->time_of_day, ==, y->time_of_day);
          g_assert_true (*x->note == '\0' ? *y->note == '\0' : *y->note != '\0');
        }
    }
}

static void
test_shipped_in_step (void)
{
  assert_in_step ("lecture");
  assert_in_step ("shop");
}

static DgStageRule *
find_rule (DgJourneyTemplate *tmpl,
           guint              stage,
           DgRuleAnchor       anchor,
           int                offset_days)
{
  DgJourneyTemplateStage *entry = tmpl->stages->pdata[stage];

  for (guint i = 0; i < entry->rules->len; i++)
    {
      DgStageRule *rule = entry->rules->pdata[i];

      if (rule->anchor == anchor && rule->offset_days == offset_days)
        return rule;
    }

  return NULL;
}

/* The rules do what the journeys promise. */
static void
test_shipped_rules (void)
{
  g_autofree char *lecture_path = seed_path ("lecture-en.json");
  g_autofree char *shop_path = seed_path ("shop-en.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(DgJourneyTemplate) lecture = dg_journey_template_load (lecture_path, &error);
  g_autoptr(DgJourneyTemplate) shop = dg_journey_template_load (shop_path, &error);
  DgJourneyTemplateStage *guidance, *thanks;
  DgStageRule *rule;

  g_assert_no_error (error);

  /* announcement → sign-up → guidance → lecture → survey → invitation → regular */
  g_assert_cmpuint (lecture->stages->len, ==, 7);
  guidance = lecture->stages->pdata[2];
  g_assert_nonnull (strstr (guidance->stage->message_script, "{name}"));
  g_assert_nonnull (strstr (guidance->stage->message_script, "{cohort_date}"));
  /* The guidance text goes out the day before the lecture, at 10:00… */
  rule = find_rule (lecture, 2, DG_RULE_ANCHOR_COHORT_DATE, -1);
  g_assert_nonnull (rule);
  g_assert_cmpstr (rule->time_of_day, ==, "10:00");
  /* …and the survey the day after it. */
  g_assert_nonnull (find_rule (lecture, 3, DG_RULE_ANCHOR_COHORT_DATE, 1));
  g_assert_cmpint (((DgJourneyTemplateStage *) lecture->stages->pdata[6])->stage->usual_days, ==, -1);

  /* first visit → thank-you → second visit → regular */
  g_assert_cmpuint (shop->stages->len, ==, 4);
  thanks = shop->stages->pdata[1];
  g_assert_nonnull (strstr (thanks->stage->message_script, "{name}"));
  rule = thanks->rules->pdata[0];
  g_assert_cmpint (rule->anchor, ==, DG_RULE_ANCHOR_STAGE_ENTERED);
  /* Within 3 days of the first visit, whose stage lasts a day. */
  g_assert_cmpint (((DgJourneyTemplateStage *) shop->stages->pdata[0])->stage->usual_days, ==, 1);
  g_assert_cmpint (rule->offset_days, <=, 2);
}

/* Listing and languages */

static void
assert_listed (GPtrArray  *list,
               const char *language)
{
  const char *ids[] = { "lecture", "shop" };
  const guint n_stages[] = { 7, 4 };

  g_assert_cmpuint (list->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      DgJourneyTemplate *tmpl = list->pdata[i];
      g_autofree char *file = g_strdup_printf ("%s-%s.json", ids[i], language);
      g_autofree char *path = seed_path (file);
      g_autoptr(JsonNode) root = read_json (path);

      g_assert_cmpstr (tmpl->id, ==, ids[i]);
      g_assert_cmpstr (tmpl->language, ==, language);
      g_assert_cmpstr (tmpl->path, ==, path);
      g_assert_cmpstr (tmpl->name, ==, json_object_get_string_member (journey_of (root), "name"));
      g_assert_cmpstr (tmpl->description, ==,
                       json_object_get_string_member (journey_of (root), "description"));
      g_assert_cmpuint (tmpl->stages->len, ==, n_stages[i]);
    }
}

static void
test_languages (void)
{
  const char * const korean[] = { "ko_KR.UTF-8", "ko_KR", "ko.UTF-8", "ko", "C", NULL };
  const char * const english[] = { "en_GB.UTF-8", "en_GB", "en", "C", NULL };
  const char * const french[] = { "fr_FR", "fr", "C", NULL };
  const char * const plain[] = { "C", NULL };
  const char * const both[] = { "de", "ko", "en", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  list = dg_journey_templates_list (NULL, korean, &error);
  g_assert_no_error (error);
  assert_listed (list, "ko");
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dg_journey_templates_list (NULL, english, &error);
  assert_listed (list, "en");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* A language no template is written in falls back to English. */
  list = dg_journey_templates_list (NULL, french, &error);
  assert_listed (list, "en");
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dg_journey_templates_list (NULL, plain, &error);
  assert_listed (list, "en");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The first language the user prefers wins. */
  list = dg_journey_templates_list (NULL, both, &error);
  assert_listed (list, "ko");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Without a list, the UI's languages. */
  g_setenv ("LANGUAGE", "ko", TRUE);
  list = dg_journey_templates_list (NULL, NULL, &error);
  assert_listed (list, "ko");
  g_clear_pointer (&list, g_ptr_array_unref);

  g_setenv ("LANGUAGE", "en", TRUE);
  list = dg_journey_templates_list (NULL, NULL, &error);
  assert_listed (list, "en");
  g_clear_pointer (&list, g_ptr_array_unref);

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  g_assert_no_error (error);
}

static void
write_text (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static char *
read_seed (const char *name)
{
  g_autofree char *path = seed_path (name);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return text;
}

/* A folder with one good template, a broken one, the demo data and other
 * files: only the good one is listed, the broken one with a warning. */
static void
test_list_folder (void)
{
  const char *dir = dg_test_tempdir ();
  g_autofree char *lecture = read_seed ("lecture-ko.json");
  g_autofree char *missing_dir = g_build_filename (dir, "none", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  DgJourneyTemplate *tmpl;
  const char * const english[] = { "en", NULL };

  write_text (dir, "lecture-ko.json", lecture);
  write_text (dir, "broken.json", "{ \"format\": \"dangol-journey-template\", \"version\": 1,");
  write_text (dir, "demo.json", "{ \"format\": \"dangol-backup\", \"version\": 1, \"customers\": [] }");
  write_text (dir, "README.md", "Not a template");

  dg_test_expect_warning ("A journey template was left out: broken.json:1:*");
  list = dg_journey_templates_list (dir, english, &error);
  dg_test_expect_warning (NULL);
  g_assert_cmpuint (dg_test_n_expected_warnings (), ==, 1);
  g_assert_no_error (error);

  /* Only Korean there: shown in Korean rather than not at all. */
  g_assert_cmpuint (list->len, ==, 1);
  tmpl = list->pdata[0];
  g_assert_cmpstr (tmpl->id, ==, "lecture");
  g_assert_cmpstr (tmpl->language, ==, "ko");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* No seeds folder at all: no templates, and no error. */
  list = dg_journey_templates_list (missing_dir, english, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
}

/* Broken files */

typedef void (*Breaker) (JsonNode *root);

static void
break_name (JsonNode *root)
{
  json_object_remove_member (journey_of (root), "name");
}

static void
break_blank_name (JsonNode *root)
{
  json_object_set_string_member (journey_of (root), "name", "  ");
}

static void
break_digitisation (JsonNode *root)
{
  json_object_set_string_member (stage_of (root, 2), "digitisation", "robot");
}

static void
break_usual_days (JsonNode *root)
{
  json_object_set_int_member (stage_of (root, 1), "usual_days", -2);
}

static void
break_usual_days_text (JsonNode *root)
{
  json_object_set_string_member (stage_of (root, 1), "usual_days", "14");
}

static void
break_usual_days_fraction (JsonNode *root)
{
  json_object_set_double_member (stage_of (root, 1), "usual_days", 1.5);
}

static void
break_placeholder (JsonNode *root)
{
  json_object_set_string_member (stage_of (root, 0), "message_script", "{이름}님, 안녕하세요. {name}");
}

static void
break_field_name (JsonNode *root)
{
  JsonObject *stage = stage_of (root, 3);

  json_object_set_string_member (stage, "scenaro", json_object_get_string_member (stage, "scenario"));
}

static void
break_missing_field (JsonNode *root)
{
  json_object_remove_member (stage_of (root, 4), "pain_points");
}

static JsonObject *
rule_of (JsonNode *root,
         guint     stage,
         guint     index)
{
  return json_array_get_object_element (json_object_get_array_member (stage_of (root, stage), "rules"),
                                        index);
}

static void
break_anchor (JsonNode *root)
{
  json_object_set_string_member (rule_of (root, 2, 0), "anchor", "lecture_day");
}

static void
break_offset (JsonNode *root)
{
  json_object_set_int_member (rule_of (root, 1, 1), "offset_days", -2);
}

static void
break_offset_range (JsonNode *root)
{
  json_object_set_int_member (rule_of (root, 2, 0), "offset_days", -4000);
}

static void
break_time (JsonNode *root)
{
  json_object_set_string_member (rule_of (root, 2, 0), "time_of_day", "25:00");
}

static void
break_no_stages (JsonNode *root)
{
  json_object_set_array_member (journey_of (root), "stages", json_array_new ());
}

static void
break_format (JsonNode *root)
{
  json_object_set_string_member (json_node_get_object (root), "format", "dangol-backup");
}

static void
break_version (JsonNode *root)
{
  json_object_set_int_member (json_node_get_object (root), "version", 2);
}

static void
break_id (JsonNode *root)
{
  json_object_set_string_member (json_node_get_object (root), "id", "Lecture!");
}

static void
break_rule_element (JsonNode *root)
{
  json_array_add_string_element (json_object_get_array_member (stage_of (root, 5), "rules"), "call");
}

static char *
write_broken (Breaker breaker)
{
  g_autofree char *path = seed_path ("lecture-en.json");
  g_autoptr(JsonNode) root = read_json (path);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *out = g_build_filename (dg_test_tempdir (), "broken.json", NULL);
  g_autoptr(GError) error = NULL;

  breaker (root);
  json_generator_set_root (generator, root);
  json_generator_to_file (generator, out, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&out);
}

static void
assert_refused (const char *path,
                int         code,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgJourneyTemplate) tmpl = dg_journey_template_load (path, &error);

  g_assert_null (tmpl);
  g_assert_error (error, DG_ERROR, code);
  if (strchr (message, '*') != NULL)
    g_assert_true (g_pattern_match_simple (message, error->message));
  else
    g_assert_cmpstr (error->message, ==, message);
}

static void
test_broken_fields (void)
{
  static const struct
  {
    Breaker     breaker;
    const char *message;
  } cases[] = {
    { break_name, "broken.json: journey.name: This field is missing" },
    { break_blank_name, "broken.json: journey.name: Must not be empty" },
    { break_digitisation,
      "broken.json: journey.stages[2].digitisation: “robot” is not one of manual, template, automated" },
    { break_usual_days, "broken.json: journey.stages[1].usual_days: -2 is not from 0 to 3650" },
    { break_usual_days_text, "broken.json: journey.stages[1].usual_days: Must be a whole number or null" },
    { break_usual_days_fraction, "broken.json: journey.stages[1].usual_days: Must be a whole number or null" },
    { break_placeholder,
      "broken.json: journey.stages[0].message_script: {이름} is not a placeholder; use one of "
      "{name}, {organization}, {stage}, {cohort}, {cohort_date}, {next_followup}" },
    { break_field_name,
      "broken.json: journey.stages[3].scenaro: Not a field of a journey template; check its spelling" },
    { break_missing_field, "broken.json: journey.stages[4].pain_points: This field is missing" },
    { break_anchor,
      "broken.json: journey.stages[2].rules[0].anchor: “lecture_day” is not one of stage_entered, cohort_date" },
    { break_offset,
      "broken.json: journey.stages[1].rules[1].offset_days: A follow-up counted from entering the stage "
      "cannot come before it: use 0 or more days" },
    { break_offset_range, "broken.json: journey.stages[2].rules[0].offset_days: -4000 is not from -3650 to 3650" },
    { break_time,
      "broken.json: journey.stages[2].rules[0].time_of_day: “25:00” is not a time of day: write it as HH:MM, "
      "from 00:00 to 23:59" },
    { break_no_stages, "broken.json: journey.stages: A journey template needs at least one stage" },
    { break_format, "broken.json: format: “dangol-backup” is not a Dangol journey template" },
    { break_version,
      "broken.json: version: The template was made for a newer Dangol; update Dangol to use it" },
    { break_id, "broken.json: id: “Lecture!” may hold only lowercase letters, digits, “-” and “_”" },
    { break_rule_element, "broken.json: journey.stages[5].rules[2]: Must be an object: {…}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_broken (cases[i].breaker);

      g_test_message ("%s", cases[i].message);
      assert_refused (path, DG_ERROR_INVALID_FIELD, cases[i].message);
    }
}

static void
test_broken_text (void)
{
  const char *dir = dg_test_tempdir ();
  g_autofree char *path = g_build_filename (dir, "broken.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autofree char *lecture = read_seed ("lecture-en.json");
  g_autofree char *truncated = g_strndup (lecture, strlen (lecture) / 2);
  g_autoptr(GString) deep = g_string_new ("{\"format\": \"dangol-journey-template\", \"x\": ");
  g_autoptr(GString) huge = g_string_new (lecture);

  /* Cut in the middle. */
  write_text (dir, "broken.json", truncated);
  assert_refused (path, DG_ERROR_INVALID_FIELD, "broken.json:*");

  write_text (dir, "broken.json", "{ \"format\": \"dangol-journey-template\", \"version\": 1,, }");
  assert_refused (path, DG_ERROR_INVALID_FIELD, "broken.json:1:*");

  /* An empty file is valid to json-glib, with no root at all. */
  write_text (dir, "broken.json", "");
  assert_refused (path, DG_ERROR_INVALID_FIELD, "broken.json: The file holds no JSON object");
  write_text (dir, "broken.json", "[1, 2]");
  assert_refused (path, DG_ERROR_INVALID_FIELD, "broken.json: The file holds no JSON object");

  /* json-glib would wrap this to -1, a valid number of days. */
  g_string_replace (huge, "\"offset_days\": 3,", "\"offset_days\": 99999999999999999999,", 1);
  g_assert_cmpstr (huge->str, !=, lecture);
  write_text (dir, "broken.json", huge->str);
  assert_refused (path, DG_ERROR_INVALID_FIELD, "broken.json: line * A number is too long");

  /* json-glib would overflow its stack. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  write_text (dir, "broken.json", deep->str);
  assert_refused (path, DG_ERROR_INVALID_FIELD, "broken.json: line 1: Lists and objects are nested too deeply");

  write_text (dir, "broken.json", "{\"format\": \"dangol-journey-template\xff\"}");
  assert_refused (path, DG_ERROR_INVALID_FIELD, "broken.json: The file is not UTF-8 text");

  assert_refused (missing, DG_ERROR_NOT_FOUND, "*missing.json*");
}

/* A template that fails while its journey is being written (here the
 * database refuses its last rule) leaves nothing behind. */
static void
test_create_rolls_back (void)
{
  g_autoptr(DgDatabase) db = dg_test_open_database ();
  g_autofree char *path = seed_path ("lecture-ko.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(DgJourneyTemplate) tmpl = dg_journey_template_load (path, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  DgJourneyTemplateStage *last;
  DgStageRule *rule;
  gint64 id = -1;

  g_assert_no_error (error);
  g_assert_true (dg_journey_template_create_journey (db, tmpl, NULL, &error));
  g_assert_no_error (error);
  before = dg_test_dump_database (db);

  last = tmpl->stages->pdata[tmpl->stages->len - 1];
  rule = last->rules->pdata[last->rules->len - 1];
  g_free (rule->time_of_day);
  rule->time_of_day = g_strdup ("9 o'clock");

  g_assert_false (dg_journey_template_create_journey (db, tmpl, &id, &error));
  g_assert_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD);
  g_assert_true (g_str_has_prefix (error->message, "lecture-ko.json: "));
  g_assert_cmpint (id, ==, -1);

  after = dg_test_dump_database (db);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/journey-templates/shipped/files", test_shipped_files);
  g_test_add_func ("/journey-templates/shipped/create", test_shipped_create);
  g_test_add_func ("/journey-templates/shipped/in-step", test_shipped_in_step);
  g_test_add_func ("/journey-templates/shipped/rules", test_shipped_rules);
  g_test_add_func ("/journey-templates/list/languages", test_languages);
  g_test_add_func ("/journey-templates/list/folder", test_list_folder);
  g_test_add_func ("/journey-templates/broken/fields", test_broken_fields);
  g_test_add_func ("/journey-templates/broken/text", test_broken_text);
  g_test_add_func ("/journey-templates/create/rolls-back", test_create_rolls_back);

  return g_test_run ();
}
