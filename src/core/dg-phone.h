/* dg-phone.h
 *
 * Phone numbers as they are shown: stored as typed, displayed in one
 * Korean form.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *dg_phone_format_display (const char *stored);

G_END_DECLS
