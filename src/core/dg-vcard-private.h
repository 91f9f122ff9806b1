/* dg-vcard-private.h
 *
 * EVCard for the vCard import and export. The library's only public
 * header also pulls in libedataserver, whose API still names the
 * deprecated GTimeVal; our build refuses deprecated API, so the include is
 * fenced.
 */
#pragma once

#include <glib.h>

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libebook-contacts/libebook-contacts.h>
G_GNUC_END_IGNORE_DEPRECATIONS

/* evolution-data-server 3.46 declares no g_autoptr() for it. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVCard, g_object_unref)
