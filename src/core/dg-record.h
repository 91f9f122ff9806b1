/* dg-record.h
 *
 * What every stored record has, written once: its row id, its stable uuid
 * (used by backups and imports) and when it was created and last updated.
 * Customers, interactions and follow-ups derive from it; a table without
 * one of these columns leaves the property at its default (interactions
 * keep no :updated-at).
 *
 * Copying and comparing go through the properties, so a field added to a
 * record is copied and compared without further code: a copy is a new
 * object of the same type with every readable and writable property set,
 * in the order the properties were installed; two records are equal when
 * every readable property reads the same.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DG_TYPE_RECORD (dg_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (DgRecord, dg_record, DG, RECORD, GObject)

struct _DgRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer padding[4];
};

/* 0 until stored. */
gint64      dg_record_get_id         (DgRecord   *self);
void        dg_record_set_id         (DgRecord   *self,
                                      gint64      id);
/* "" until stored; a restored record keeps its own. */
const char *dg_record_get_uuid       (DgRecord   *self);
void        dg_record_set_uuid       (DgRecord   *self,
                                      const char *uuid);
GDateTime  *dg_record_get_created_at (DgRecord   *self);
void        dg_record_set_created_at (DgRecord   *self,
                                      GDateTime  *created_at);
GDateTime  *dg_record_get_updated_at (DgRecord   *self);
void        dg_record_set_updated_at (DgRecord   *self,
                                      GDateTime  *updated_at);

DgRecord   *dg_record_copy           (DgRecord   *self);
gboolean    dg_record_equal          (DgRecord   *a,
                                      DgRecord   *b);
/* Sets on @self, through its setters, every writable property that differs
 * in @source (a record of the same type), so that only what changed
 * notifies, all at once. Returns whether @self now equals @source. */
gboolean    dg_record_update         (DgRecord   *self,
                                      DgRecord   *source);

G_END_DECLS
