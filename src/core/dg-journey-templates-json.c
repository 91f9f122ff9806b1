/* dg-journey-templates-json.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dg-error.h"
#include "dg-journey-templates-private.h"
#include "dg-record-private.h"

/* A template is a few kilobytes; anything near this is not one. */
#define MAX_FILE_SIZE (512 * 1024)
/* json-glib 1.6 overflows its stack on deep nesting; a template needs 6. */
#define MAX_DEPTH 16
/* json-glib 1.6 silently wraps integers beyond 64 bits (to -1, a valid
 * offset); no field of a template needs more digits than this. */
#define MAX_DIGITS 9

gboolean
dg_template_fail_at (DgTemplateCheck *check,
                     const char      *path,
                     const char      *problem)
{
  /* The file, the place in it, then what is wrong, as compilers write it. */
  g_set_error (check->error, DG_ERROR, DG_ERROR_INVALID_FIELD, "%s: %s: %s",
               check->file, path, problem);
  return FALSE;
}

gboolean
dg_template_fail_atf (DgTemplateCheck *check,
                      const char      *path,
                      const char      *format,
                      ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  return dg_template_fail_at (check, path, problem);
}

gboolean
dg_template_fail_file (DgTemplateCheck *check,
                       const char      *problem)
{
  g_set_error (check->error, DG_ERROR, DG_ERROR_INVALID_FIELD, "%s: %s", check->file, problem);
  return FALSE;
}

/* Before json-glib sees the text: its size, encoding, nesting and the
 * length of its numbers, which json-glib itself gets wrong. */
gboolean
dg_template_check_text (DgTemplateCheck *check,
                        const char      *text,
                        gsize            length)
{
  gboolean in_string = FALSE;
  guint depth = 0, digits = 0, line = 1;

  if (length > MAX_FILE_SIZE)
    return dg_template_fail_file (check, _("The file is too large to be a journey template"));
  if (!g_utf8_validate_len (text, length, NULL))
    return dg_template_fail_file (check, _("The file is not UTF-8 text"));

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '\n')
        line++;

      if (in_string)
        {
          if (c == '\\' && i + 1 < length)
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      digits = g_ascii_isdigit (c) ? digits + 1 : 0;
      if (digits > MAX_DIGITS)
        {
          g_autofree char *where = g_strdup_printf (_("line %u"), line);

          return dg_template_fail_at (check, where, _("A number is too long"));
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_DEPTH)
            {
              g_autofree char *where = g_strdup_printf (_("line %u"), line);

              return dg_template_fail_at (check, where, _("Lists and objects are nested too deeply"));
            }
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }

  return TRUE;
}

/* Members */

char *
dg_template_member_path (const char *path,
                         const char *member)
{
  return *path != '\0' ? g_strconcat (path, ".", member, NULL) : g_strdup (member);
}

/* Fails on a member the format does not have: a misspelt field would
 * otherwise be dropped without a word. */
gboolean
dg_template_check_members (DgTemplateCheck    *check,
                           JsonObject         *object,
                           const char         *path,
                           const char * const *fields)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (fields, l->data))
      {
        g_autofree char *where = dg_template_member_path (path, l->data);

        return dg_template_fail_at (check, where, _("Not a field of a journey template; check its spelling"));
      }

  return TRUE;
}

/* The member @name of @object. Unless @optional, a missing one fails;
 * *@out_node is NULL for a missing one or a JSON null. */
static gboolean
get_member (DgTemplateCheck  *check,
            JsonObject       *object,
            const char       *path,
            const char       *name,
            gboolean          optional,
            JsonNode        **out_node)
{
  JsonNode *node = json_object_get_member (object, name);

  *out_node = NULL;
  if (node == NULL && !optional)
    {
      g_autofree char *where = dg_template_member_path (path, name);

      return dg_template_fail_at (check, where, _("This field is missing"));
    }
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    *out_node = node;

  return TRUE;
}

/* A text member; with @nullable, null (or absent when @optional) gives
 * NULL, else "". */
gboolean
dg_template_get_text (DgTemplateCheck  *check,
                      JsonObject       *object,
                      const char       *path,
                      const char       *name,
                      gboolean          optional,
                      gboolean          nullable,
                      char            **out_text)
{
  JsonNode *node = NULL;
  g_autofree char *where = dg_template_member_path (path, name);

  if (!get_member (check, object, path, name, optional, &node))
    return FALSE;

  if (node == NULL)
    {
      if (json_object_get_member (object, name) != NULL && !nullable)
        return dg_template_fail_at (check, where, _("Must be text"));
      *out_text = nullable ? NULL : g_strdup ("");
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return dg_template_fail_at (check, where, nullable ? _("Must be text or null") : _("Must be text"));

  *out_text = g_strdup (json_node_get_string (node));
  return TRUE;
}

/* A one-line text that must not be empty once trimmed. */
gboolean
dg_template_get_name (DgTemplateCheck  *check,
                      JsonObject       *object,
                      const char       *path,
                      const char       *name,
                      char            **out_text)
{
  g_autofree char *text = NULL;
  g_autofree char *clean = NULL;

  if (!dg_template_get_text (check, object, path, name, FALSE, FALSE, &text))
    return FALSE;

  clean = dg_record_normalize_text (text, TRUE);
  if (*clean == '\0')
    {
      g_autofree char *where = dg_template_member_path (path, name);

      return dg_template_fail_at (check, where, _("Must not be empty"));
    }

  *out_text = g_steal_pointer (&text);
  return TRUE;
}

/* A whole number from @min to @max; with @nullable, null gives
 * *@out_is_null. */
gboolean
dg_template_get_number (DgTemplateCheck *check,
                        JsonObject      *object,
                        const char      *path,
                        const char      *name,
                        gboolean         nullable,
                        int              min,
                        int              max,
                        int             *out_value,
                        gboolean        *out_is_null)
{
  JsonNode *node = NULL;
  g_autofree char *where = dg_template_member_path (path, name);
  gint64 value;

  if (!get_member (check, object, path, name, FALSE, &node))
    return FALSE;

  if (out_is_null != NULL)
    *out_is_null = node == NULL;
  if (node == NULL && nullable)
    return TRUE;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return dg_template_fail_at (check, where,
                                nullable ? _("Must be a whole number or null") : _("Must be a whole number"));

  /* dg_template_check_text() let no number of more than MAX_DIGITS digits through,
   * so it fits an int. */
  value = json_node_get_int (node);
  if (value < min || value > max)
    /* Translators: a number in a journey template out of its range. */
    return dg_template_fail_atf (check, where, _("%d is not from %d to %d"), (int) value, min, max);

  *out_value = (int) value;
  return TRUE;
}

/* The object or array member @name. */
gboolean
dg_template_get_object (DgTemplateCheck  *check,
                        JsonObject       *object,
                        const char       *path,
                        const char       *name,
                        JsonObject      **out_object)
{
  JsonNode *node = NULL;
  g_autofree char *where = dg_template_member_path (path, name);

  if (!get_member (check, object, path, name, FALSE, &node))
    return FALSE;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return dg_template_fail_at (check, where, _("Must be an object: {…}"));

  *out_object = json_node_get_object (node);
  return TRUE;
}

gboolean
dg_template_get_array (DgTemplateCheck  *check,
                       JsonObject       *object,
                       const char       *path,
                       const char       *name,
                       JsonArray       **out_array)
{
  JsonNode *node = NULL;
  g_autofree char *where = dg_template_member_path (path, name);

  if (!get_member (check, object, path, name, FALSE, &node))
    return FALSE;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return dg_template_fail_at (check, where, _("Must be a list: […]"));

  *out_array = json_node_get_array (node);
  return TRUE;
}

/* The element @index of @array, which must be an object. */
gboolean
dg_template_get_element (DgTemplateCheck  *check,
                         JsonArray        *array,
                         const char       *path,
                         guint             index,
                         char            **out_path,
                         JsonObject      **out_object)
{
  JsonNode *node = json_array_get_element (array, index);

  *out_path = g_strdup_printf ("%s[%u]", path, index);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return dg_template_fail_at (check, *out_path, _("Must be an object: {…}"));

  *out_object = json_node_get_object (node);
  return TRUE;
}

/* An identifier such as "lecture" or "ko": lowercase ASCII letters,
 * digits, "-" and "_". */
gboolean
dg_template_get_identifier (DgTemplateCheck  *check,
                            JsonObject       *object,
                            const char       *name,
                            char            **out_text)
{
  g_autofree char *text = NULL;

  if (!dg_template_get_name (check, object, "", name, &text))
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-' && *p != '_')
      /* Translators: %s is the id or language given in a journey template. */
      return dg_template_fail_atf (check, name, _("“%s” may hold only lowercase letters, digits, “-” and “_”"), text);

  *out_text = g_steal_pointer (&text);
  return TRUE;
}
