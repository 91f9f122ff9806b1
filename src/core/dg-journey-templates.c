/* dg-journey-templates.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "dg-backup.h"
#include "dg-error.h"
#include "dg-journey-templates.h"
#include "dg-journey-templates-private.h"
#include "dg-journeys-private.h"
#include "dg-journeys.h"
#include "dg-stage-script.h"
#include "dg-stages.h"

#define USUAL_DAYS_MAX  3650
#define OFFSET_DAYS_MAX 3650

static const char * const template_fields[] = {
  "format", "version", "id", "language", "journey", NULL
};
static const char * const journey_fields[] = {
  "name", "description", "stages", NULL
};
static const char * const stage_fields[] = {
  "name", "scenario", "touchpoint", "detail_steps", "message_script", "pain_points",
  "unmet_needs", "digitisation", "usual_days", "rules", NULL
};
static const char * const rule_fields[] = {
  "title", "note", "anchor", "offset_days", "time_of_day", NULL
};

static void
stage_free (DgJourneyTemplateStage *stage)
{
  g_clear_pointer (&stage->stage, dg_stage_free);
  g_clear_pointer (&stage->rules, g_ptr_array_unref);
  g_free (stage);
}

void
dg_journey_template_free (DgJourneyTemplate *tmpl)
{
  if (tmpl == NULL)
    return;

  g_free (tmpl->id);
  g_free (tmpl->language);
  g_free (tmpl->path);
  g_free (tmpl->name);
  g_free (tmpl->description);
  g_clear_pointer (&tmpl->stages, g_ptr_array_unref);
  g_free (tmpl);
}

const char *
dg_journey_templates_get_dir (void)
{
  const char *dir = g_getenv ("DANGOL_SEEDS_DIR");

  return dir != NULL && *dir != '\0' ? dir : SEEDS_DIR;
}

/* Stages and rules */

static char *
placeholder_list (void)
{
  const char * const *names = dg_stage_script_get_placeholders ();
  GString *list = g_string_new (NULL);

  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (list, "%s{%s}", i > 0 ? ", " : "", names[i]);

  return g_string_free (list, FALSE);
}

static gboolean
check_script (DgTemplateCheck *check,
              const char      *path,
              const char      *script)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) unknown = NULL;
  g_autofree char *where = dg_template_member_path (path, "message_script");
  g_autofree char *known = NULL;

  /* Only the placeholders it does not know matter here, not the text. */
  g_free (dg_stage_script_fill (script, values, NULL, &unknown));
  if (unknown->len == 0)
    return TRUE;

  known = placeholder_list ();
  /* Translators: the first %s is what was written in braces in a message
   * script, the second the list of placeholders, such as "{name}, {stage}". */
  return dg_template_fail_atf (check, where, _("{%s} is not a placeholder; use one of %s"),
                               (const char *) unknown->pdata[0], known);
}

static gboolean
read_rule (DgTemplateCheck  *check,
           JsonObject       *object,
           const char       *path,
           DgStageRule     **out_rule)
{
  g_autoptr(DgStageRule) rule = dg_stage_rule_new (0, NULL, DG_RULE_ANCHOR_STAGE_ENTERED, 0);
  g_autofree char *anchor = NULL;
  g_autoptr(GError) time_error = NULL;

  if (!dg_template_check_members (check, object, path, rule_fields)
      || !dg_template_get_name (check, object, path, "title", &rule->title)
      || !dg_template_get_text (check, object, path, "note", TRUE, FALSE, &rule->note)
      || !dg_template_get_text (check, object, path, "anchor", FALSE, FALSE, &anchor))
    return FALSE;

  if (!dg_rule_anchor_from_string (anchor, &rule->anchor))
    {
      g_autofree char *where = dg_template_member_path (path, "anchor");

      /* Translators: the first %s is what a journey template gives; the
       * second lists the values it may take, which stay in English. */
      return dg_template_fail_atf (check, where, _("“%s” is not one of %s"), anchor, "stage_entered, cohort_date");
    }

  if (!dg_template_get_number (check, object, path, "offset_days", FALSE,
                               -OFFSET_DAYS_MAX, OFFSET_DAYS_MAX, &rule->offset_days, NULL))
    return FALSE;
  if (rule->anchor == DG_RULE_ANCHOR_STAGE_ENTERED && rule->offset_days < 0)
    {
      g_autofree char *where = dg_template_member_path (path, "offset_days");

      return dg_template_fail_at (check, where,
                                  _("A follow-up counted from entering the stage cannot come before it: "
                                    "use 0 or more days"));
    }

  if (!dg_template_get_text (check, object, path, "time_of_day", TRUE, TRUE, &rule->time_of_day))
    return FALSE;
  if (!dg_journeys_check_time (rule->time_of_day, &time_error))
    {
      g_autofree char *where = dg_template_member_path (path, "time_of_day");

      return dg_template_fail_at (check, where, time_error->message);
    }

  *out_rule = g_steal_pointer (&rule);
  return TRUE;
}

static gboolean
read_stage (DgTemplateCheck         *check,
            JsonObject              *object,
            const char              *path,
            DgJourneyTemplateStage **out_stage)
{
  g_autoptr(DgStage) stage = dg_stage_new (0, NULL);
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_stage_rule_free);
  g_autofree char *digitisation = NULL;
  gboolean no_limit = FALSE;
  JsonArray *array = NULL;
  DgJourneyTemplateStage *result;

  if (!dg_template_check_members (check, object, path, stage_fields)
      || !dg_template_get_name (check, object, path, "name", &stage->name)
      || !dg_template_get_text (check, object, path, "scenario", FALSE, FALSE, &stage->scenario)
      || !dg_template_get_text (check, object, path, "touchpoint", FALSE, FALSE, &stage->touchpoint)
      || !dg_template_get_text (check, object, path, "detail_steps", FALSE, FALSE, &stage->detail_steps)
      || !dg_template_get_text (check, object, path, "message_script", FALSE, FALSE, &stage->message_script)
      || !check_script (check, path, stage->message_script)
      || !dg_template_get_text (check, object, path, "pain_points", FALSE, FALSE, &stage->pain_points)
      || !dg_template_get_text (check, object, path, "unmet_needs", FALSE, FALSE, &stage->unmet_needs)
      || !dg_template_get_text (check, object, path, "digitisation", FALSE, FALSE, &digitisation))
    return FALSE;

  if (!dg_digitisation_from_string (digitisation, &stage->digitisation))
    {
      g_autofree char *where = dg_template_member_path (path, "digitisation");

      return dg_template_fail_atf (check, where, _("“%s” is not one of %s"), digitisation,
                                   "manual, template, automated");
    }

  if (!dg_template_get_number (check, object, path, "usual_days", TRUE, 0, USUAL_DAYS_MAX,
                               &stage->usual_days, &no_limit))
    return FALSE;
  if (no_limit)
    stage->usual_days = -1;

  if (!dg_template_get_array (check, object, path, "rules", &array))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *rule_path = NULL;
      g_autofree char *rules_path = dg_template_member_path (path, "rules");
      JsonObject *element = NULL;
      DgStageRule *rule = NULL;

      if (!dg_template_get_element (check, array, rules_path, i, &rule_path, &element)
          || !read_rule (check, element, rule_path, &rule))
        return FALSE;
      g_ptr_array_add (rules, rule);
    }

  result = g_new0 (DgJourneyTemplateStage, 1);
  result->stage = g_steal_pointer (&stage);
  result->rules = g_steal_pointer (&rules);
  *out_stage = result;

  return TRUE;
}

static gboolean
read_journey (DgTemplateCheck   *check,
              JsonObject        *root,
              DgJourneyTemplate *tmpl)
{
  JsonObject *journey = NULL;
  JsonArray *stages = NULL;

  if (!dg_template_get_object (check, root, "", "journey", &journey)
      || !dg_template_check_members (check, journey, "journey", journey_fields)
      || !dg_template_get_name (check, journey, "journey", "name", &tmpl->name)
      || !dg_template_get_text (check, journey, "journey", "description", TRUE, FALSE, &tmpl->description)
      || !dg_template_get_array (check, journey, "journey", "stages", &stages))
    return FALSE;

  if (json_array_get_length (stages) == 0)
    return dg_template_fail_at (check, "journey.stages", _("A journey template needs at least one stage"));

  for (guint i = 0; i < json_array_get_length (stages); i++)
    {
      g_autofree char *path = NULL;
      JsonObject *element = NULL;
      DgJourneyTemplateStage *stage = NULL;

      if (!dg_template_get_element (check, stages, "journey.stages", i, &path, &element)
          || !read_stage (check, element, path, &stage))
        return FALSE;
      g_ptr_array_add (tmpl->stages, stage);
    }

  return TRUE;
}

/* Reads the template at @path. *@out_other is set when the file is JSON
 * of another format (the demo data beside the templates). */
static DgJourneyTemplate *
load_template (const char  *path,
               gboolean    *out_other,
               GError     **error)
{
  g_autofree char *file = g_path_get_basename (path);
  DgTemplateCheck check = { file, error };
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(DgJourneyTemplate) tmpl = NULL;
  g_autofree char *format = NULL;
  JsonNode *root;
  JsonObject *object;
  gsize length;
  int version;

  *out_other = FALSE;

  if (!g_file_get_contents (path, &text, &length, &local_error))
    {
      g_set_error_literal (error, DG_ERROR,
                           g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                             ? DG_ERROR_NOT_FOUND : DG_ERROR_FAILED,
                           local_error->message);
      return NULL;
    }

  /* A backup beside the templates (the demo data) is no template, and too
   * large to be read as one: Dangol writes its format first. */
  if (g_strstr_len (text, MIN (length, 256), "\"" DG_BACKUP_FORMAT_NAME "\"") != NULL)
    {
      *out_other = TRUE;
      /* Translators: %s is the format a JSON file says it is in. */
      dg_template_fail_atf (&check, "format", _("“%s” is not a Dangol journey template"), DG_BACKUP_FORMAT_NAME);
      return NULL;
    }

  if (!dg_template_check_text (&check, text, length))
    return NULL;

  if (!json_parser_load_from_data (parser, text, length, &local_error))
    {
      /* json-glib names the text "<data>"; the file's name says more. */
      const char *message = local_error->message;

      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      g_set_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD, "%s:%s", file, message);
      return NULL;
    }

  /* An empty file parses to no root at all. */
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      dg_template_fail_file (&check, _("The file holds no JSON object"));
      return NULL;
    }
  object = json_node_get_object (root);

  if (!dg_template_get_text (&check, object, "", "format", FALSE, FALSE, &format))
    return NULL;
  if (g_strcmp0 (format, DG_JOURNEY_TEMPLATE_FORMAT) != 0)
    {
      *out_other = TRUE;
      /* Translators: %s is the format a JSON file says it is in. */
      dg_template_fail_atf (&check, "format", _("“%s” is not a Dangol journey template"), format);
      return NULL;
    }

  if (!dg_template_get_number (&check, object, "", "version", FALSE, 1, G_MAXINT, &version, NULL))
    return NULL;
  if (version > DG_JOURNEY_TEMPLATE_VERSION)
    {
      /* Translators: the version of a journey template file is newer
       * than this Dangol reads. */
      dg_template_fail_at (&check, "version", _("The template was made for a newer Dangol; update Dangol to use it"));
      return NULL;
    }

  tmpl = g_new0 (DgJourneyTemplate, 1);
  tmpl->path = g_strdup (path);
  tmpl->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) stage_free);

  if (!dg_template_check_members (&check, object, "", template_fields)
      || !dg_template_get_identifier (&check, object, "id", &tmpl->id)
      || !dg_template_get_identifier (&check, object, "language", &tmpl->language)
      || !read_journey (&check, object, tmpl))
    return NULL;

  return g_steal_pointer (&tmpl);
}

DgJourneyTemplate *
dg_journey_template_load (const char  *path,
                          GError     **error)
{
  gboolean other;

  g_return_val_if_fail (path != NULL, NULL);

  return load_template (path, &other, error);
}

/* Listing */

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  const DgJourneyTemplate *x = *(const DgJourneyTemplate * const *) a;
  const DgJourneyTemplate *y = *(const DgJourneyTemplate * const *) b;

  return strcmp (x->id, y->id);
}

/* The *.json files of @dir, by name; an empty list when it does not exist. */
static GPtrArray *
list_files (const char  *dir,
            GError     **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  handle = g_dir_open (dir, 0, &local_error);
  if (handle == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&paths);
      g_set_error_literal (error, DG_ERROR, DG_ERROR_FAILED, local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (paths, compare_paths);

  return g_steal_pointer (&paths);
}

/* Of the languages of one template, the one to show. */
static DgJourneyTemplate *
choose_language (GPtrArray          *versions,
                 const char * const *languages)
{
  for (guint i = 0; languages[i] != NULL; i++)
    for (guint j = 0; j < versions->len; j++)
      {
        DgJourneyTemplate *tmpl = versions->pdata[j];

        if (strcmp (tmpl->language, languages[i]) == 0)
          return tmpl;
      }

  for (guint j = 0; j < versions->len; j++)
    {
      DgJourneyTemplate *tmpl = versions->pdata[j];

      if (strcmp (tmpl->language, "en") == 0)
        return tmpl;
    }

  return versions->pdata[0];
}

GPtrArray *
dg_journey_templates_list (const char          *dir,
                           const char * const  *languages,
                           GError             **error)
{
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GHashTable) by_id = NULL;
  GPtrArray *result;

  if (dir == NULL)
    dir = dg_journey_templates_get_dir ();
  if (languages == NULL)
    languages = g_get_language_names ();

  paths = list_files (dir, error);
  if (paths == NULL)
    return NULL;

  /* id → every language of it (DgJourneyTemplate *, owned). */
  by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(DgJourneyTemplate) tmpl = NULL;
      GPtrArray *versions;
      gboolean other;

      tmpl = load_template (paths->pdata[i], &other, &local_error);
      if (tmpl == NULL)
        {
          if (!other)
            g_warning ("A journey template was left out: %s", local_error->message);
          continue;
        }

      versions = g_hash_table_lookup (by_id, tmpl->id);
      if (versions == NULL)
        {
          versions = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_journey_template_free);
          g_hash_table_insert (by_id, tmpl->id, versions);
          g_ptr_array_add (ids, tmpl->id);
        }
      else
        {
          gboolean seen = FALSE;

          for (guint j = 0; j < versions->len && !seen; j++)
            seen = strcmp (((DgJourneyTemplate *) versions->pdata[j])->language, tmpl->language) == 0;
          if (seen)
            {
              g_warning ("The journey template %s was left out: another file has template “%s” in “%s”",
                         tmpl->path, tmpl->id, tmpl->language);
              continue;
            }
        }
      g_ptr_array_add (versions, g_steal_pointer (&tmpl));
    }

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_journey_template_free);
  for (guint i = 0; i < ids->len; i++)
    {
      GPtrArray *versions = g_hash_table_lookup (by_id, ids->pdata[i]);
      DgJourneyTemplate *chosen = choose_language (versions, languages);
      guint index;

      g_ptr_array_find (versions, chosen, &index);
      g_ptr_array_add (result, g_ptr_array_steal_index (versions, index));
    }
  g_ptr_array_sort (result, compare_ids);

  return result;
}

/* Creating */

gboolean
dg_journey_template_create_journey (DgDatabase               *db,
                                    const DgJourneyTemplate  *tmpl,
                                    gint64                   *out_journey_id,
                                    GError                  **error)
{
  g_autofree char *file = NULL;
  g_autoptr(DgJourney) journey = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (tmpl != NULL, FALSE);

  file = g_path_get_basename (tmpl->path != NULL ? tmpl->path : tmpl->id);

  /* The inserts below are savepoints inside this one transaction. */
  if (!dg_database_begin (db, error))
    return FALSE;

  journey = dg_journey_new (tmpl->name);
  g_free (journey->description);
  journey->description = g_strdup (tmpl->description);
  if (!dg_journeys_insert (db, journey, error))
    goto failed;

  for (guint i = 0; i < tmpl->stages->len; i++)
    {
      DgJourneyTemplateStage *source = tmpl->stages->pdata[i];
      g_autoptr(DgStage) stage = dg_stage_copy (source->stage);

      stage->journey_id = journey->id;
      if (!dg_stages_insert (db, stage, error))
        goto failed;

      for (guint j = 0; j < source->rules->len; j++)
        {
          g_autoptr(DgStageRule) rule = dg_stage_rule_copy (source->rules->pdata[j]);

          rule->stage_id = stage->id;
          if (!dg_stage_rules_insert (db, rule, error))
            goto failed;
        }
    }

  if (!dg_database_commit (db, error))
    {
      g_prefix_error (error, "%s: ", file);
      return FALSE;
    }

  if (out_journey_id != NULL)
    *out_journey_id = journey->id;

  return TRUE;

failed:
  dg_database_rollback (db);
  g_prefix_error (error, "%s: ", file);
  return FALSE;
}
