/* dg-record-private.h
 *
 * Small pieces the record objects (customers, interactions, follow-ups)
 * and the modules that store them share: how a text field is cleaned up,
 * how a time is held and how it is written to and read from the database,
 * how their properties are declared, and the per-type names of the base's
 * accessors.
 */
#pragma once

#include <glib-object.h>

#include "dg-record.h"

G_BEGIN_DECLS

/* Valid UTF-8 without white space at either end; NULL becomes "". A
 * one-line field has its line breaks and control characters turned into
 * spaces; a multi-line one keeps lines and tabs. */
char      *dg_record_normalize_text (const char  *text,
                                     gboolean     single_line);
/* Takes @value; TRUE when the field changed. */
gboolean   dg_record_set_string     (char       **field,
                                     char        *value);
/* Takes @value; TRUE when the field changed. */
gboolean   dg_record_set_time       (GDateTime  **field,
                                     GDateTime   *value);
/* @time in UTC to the whole second, as stored; NULL stays NULL. */
GDateTime *dg_record_normalize_time (GDateTime   *time);
/* ISO 8601 in UTC, "2026-11-24T03:22:01Z"; NULL stays NULL. */
char      *dg_record_format_time    (GDateTime   *time);
/* The reverse; NULL for NULL, "" or text that is not a time (logged). */
GDateTime *dg_record_parse_time     (const char  *text);


/* Sets the fields every stored record has, as the setters would leave
 * them, without notifying: for building a record from its row before
 * anyone can listen to it. */
void       dg_record_set_stored     (DgRecord     *self,
                                     gint64        id,
                                     const char   *uuid,
                                     GDateTime    *created_at,
                                     GDateTime    *updated_at);

/* Whether two values of the property @pspec are the same: times and
 * string lists by content, everything else as GLib compares it. */
gboolean   dg_record_same_value     (GParamSpec   *pspec,
                                     const GValue *a,
                                     const GValue *b);

/* Read-write, notified only when the value changed. */
GParamSpec *dg_record_string_property (const char  *name,
                                       const char  *default_value);
GParamSpec *dg_record_time_property   (const char  *name);

/* Defines type_name_copy(), _get_id(), _set_id(), _get_uuid(), _set_uuid(),
 * _get_created_at() and _set_created_at() for a DgRecord subclass, so that
 * callers keep reading dg_customer_get_id (customer); each only forwards to
 * the base. */
#define DG_RECORD_DEFINE_ACCESSORS(TypeName, type_name)                       \
TypeName *                                                                    \
type_name##_copy (TypeName *self)                                             \
{                                                                             \
  return (TypeName *) dg_record_copy (DG_RECORD (self));                      \
}                                                                             \
                                                                              \
gint64                                                                        \
type_name##_get_id (TypeName *self)                                           \
{                                                                             \
  return dg_record_get_id (DG_RECORD (self));                                 \
}                                                                             \
                                                                              \
void                                                                          \
type_name##_set_id (TypeName *self,                                           \
                    gint64    id)                                             \
{                                                                             \
  dg_record_set_id (DG_RECORD (self), id);                                    \
}                                                                             \
                                                                              \
const char *                                                                  \
type_name##_get_uuid (TypeName *self)                                         \
{                                                                             \
  return dg_record_get_uuid (DG_RECORD (self));                               \
}                                                                             \
                                                                              \
void                                                                          \
type_name##_set_uuid (TypeName   *self,                                       \
                      const char *uuid)                                       \
{                                                                             \
  dg_record_set_uuid (DG_RECORD (self), uuid);                                \
}                                                                             \
                                                                              \
GDateTime *                                                                   \
type_name##_get_created_at (TypeName *self)                                   \
{                                                                             \
  return dg_record_get_created_at (DG_RECORD (self));                         \
}                                                                             \
                                                                              \
void                                                                          \
type_name##_set_created_at (TypeName  *self,                                  \
                            GDateTime *created_at)                            \
{                                                                             \
  dg_record_set_created_at (DG_RECORD (self), created_at);                    \
}

/* Adds _get_updated_at() and _set_updated_at(), for a table that has the
 * column. */
#define DG_RECORD_DEFINE_UPDATED_AT(TypeName, type_name)                      \
GDateTime *                                                                   \
type_name##_get_updated_at (TypeName *self)                                   \
{                                                                             \
  return dg_record_get_updated_at (DG_RECORD (self));                         \
}                                                                             \
                                                                              \
void                                                                          \
type_name##_set_updated_at (TypeName  *self,                                  \
                            GDateTime *updated_at)                            \
{                                                                             \
  dg_record_set_updated_at (DG_RECORD (self), updated_at);                    \
}

/* For the fields of a record type, in its .c file: define
 * type_name_get_FIELD() and type_name_set_FIELD() for self->FIELD, whose
 * setter notifies properties[PROP] only when the value changed. Text is
 * cleaned by dg_record_normalize_text(); a time is held in UTC to the whole
 * second; an integer (a row id) may not be negative. */
#define DG_RECORD_DEFINE_TEXT_FIELD(TypeName, type_name, IS_TYPE, field, PROP, single_line) \
const char *                                                                  \
type_name##_get_##field (TypeName *self)                                      \
{                                                                             \
  g_return_val_if_fail (IS_TYPE (self), NULL);                                \
                                                                              \
  return self->field;                                                         \
}                                                                             \
                                                                              \
void                                                                          \
type_name##_set_##field (TypeName   *self,                                    \
                         const char *value)                                   \
{                                                                             \
  g_return_if_fail (IS_TYPE (self));                                          \
                                                                              \
  if (dg_record_set_string (&self->field,                                     \
                            dg_record_normalize_text (value, single_line)))   \
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP]);            \
}

#define DG_RECORD_DEFINE_TIME_FIELD(TypeName, type_name, IS_TYPE, field, PROP) \
GDateTime *                                                                   \
type_name##_get_##field (TypeName *self)                                      \
{                                                                             \
  g_return_val_if_fail (IS_TYPE (self), NULL);                                \
                                                                              \
  return self->field;                                                         \
}                                                                             \
                                                                              \
void                                                                          \
type_name##_set_##field (TypeName  *self,                                     \
                         GDateTime *value)                                    \
{                                                                             \
  g_return_if_fail (IS_TYPE (self));                                          \
                                                                              \
  if (dg_record_set_time (&self->field, dg_record_normalize_time (value)))    \
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP]);            \
}

#define DG_RECORD_DEFINE_ID_FIELD(TypeName, type_name, IS_TYPE, field, PROP)  \
gint64                                                                        \
type_name##_get_##field (TypeName *self)                                      \
{                                                                             \
  g_return_val_if_fail (IS_TYPE (self), 0);                                   \
                                                                              \
  return self->field;                                                         \
}                                                                             \
                                                                              \
void                                                                          \
type_name##_set_##field (TypeName *self,                                      \
                         gint64    value)                                     \
{                                                                             \
  g_return_if_fail (IS_TYPE (self));                                          \
  g_return_if_fail (value >= 0);                                              \
                                                                              \
  if (self->field != value)                                                   \
    {                                                                         \
      self->field = value;                                                    \
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP]);          \
    }                                                                         \
}

G_END_DECLS
