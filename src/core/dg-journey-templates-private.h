/* dg-journey-templates-private.h
 *
 * Reading the JSON of a journey template, for dg-journey-templates.c:
 * the text checked before json-glib parses it, then typed members, each
 * problem reported as DG_ERROR_INVALID_FIELD with the file's name and the
 * place in the file ("lecture-ko.json: journey.stages[2].name: …").
 * Every function returns FALSE when it set the error.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Where the problems go. */
typedef struct
{
  /* The file's name, as the messages show it. */
  const char  *file;
  GError     **error;
} DgTemplateCheck;

gboolean  dg_template_fail_at        (DgTemplateCheck     *check,
                                      const char          *path,
                                      const char          *problem);
gboolean  dg_template_fail_atf       (DgTemplateCheck     *check,
                                      const char          *path,
                                      const char          *format,
                                      ...) G_GNUC_PRINTF (3, 4);
/* A problem of the whole file. */
gboolean  dg_template_fail_file      (DgTemplateCheck     *check,
                                      const char          *problem);

/* Its size, encoding, nesting depth and the length of its numbers, which
 * json-glib 1.6 gets wrong (a stack overflow, silently wrapped integers). */
gboolean  dg_template_check_text     (DgTemplateCheck     *check,
                                      const char          *text,
                                      gsize                length);

/* "PATH.MEMBER", or "MEMBER" at the top. */
char     *dg_template_member_path    (const char          *path,
                                      const char          *member);
/* Fails on a member that is none of @fields: a misspelt field would
 * otherwise be dropped without a word. */
gboolean  dg_template_check_members  (DgTemplateCheck     *check,
                                      JsonObject          *object,
                                      const char          *path,
                                      const char * const  *fields);

/* The member @name of @object at @path. Unless @optional it must be
 * there. A text: with @nullable, null (or absent) gives NULL, else "". */
gboolean  dg_template_get_text       (DgTemplateCheck     *check,
                                      JsonObject          *object,
                                      const char          *path,
                                      const char          *name,
                                      gboolean             optional,
                                      gboolean             nullable,
                                      char               **out_text);
/* A text that is not empty once trimmed. */
gboolean  dg_template_get_name       (DgTemplateCheck     *check,
                                      JsonObject          *object,
                                      const char          *path,
                                      const char          *name,
                                      char               **out_text);
/* A whole number from @min to @max, always there; with @nullable it may
 * be null, which sets *@out_is_null. */
gboolean  dg_template_get_number     (DgTemplateCheck     *check,
                                      JsonObject          *object,
                                      const char          *path,
                                      const char          *name,
                                      gboolean             nullable,
                                      int                  min,
                                      int                  max,
                                      int                 *out_value,
                                      gboolean            *out_is_null);
gboolean  dg_template_get_object     (DgTemplateCheck     *check,
                                      JsonObject          *object,
                                      const char          *path,
                                      const char          *name,
                                      JsonObject         **out_object);
gboolean  dg_template_get_array      (DgTemplateCheck     *check,
                                      JsonObject          *object,
                                      const char          *path,
                                      const char          *name,
                                      JsonArray          **out_array);
/* Element @index of @array at @path, which must be an object; sets
 * *@out_path to "PATH[INDEX]" (to free) either way. */
gboolean  dg_template_get_element    (DgTemplateCheck     *check,
                                      JsonArray           *array,
                                      const char          *path,
                                      guint                index,
                                      char               **out_path,
                                      JsonObject         **out_object);
/* A top-level identifier such as "lecture" or "ko": lowercase ASCII
 * letters, digits, "-" and "_". */
gboolean  dg_template_get_identifier (DgTemplateCheck     *check,
                                      JsonObject          *object,
                                      const char          *name,
                                      char               **out_text);

G_END_DECLS
