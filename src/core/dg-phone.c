/* dg-phone.c
 *
 * A phone number is kept exactly as it was typed; only its display is
 * normalised, so that a list of customers reads alike whether someone
 * typed "01012345678", "010 1234 5678" or "010.1234.5678".
 *
 * Korean numbers are grouped the way they are written in Korea:
 *   mobile 010-1234-5678, and 011-123-4567 for the old 10-digit ones;
 *   Seoul 02-123-4567 and 02-1234-5678;
 *   other areas and 070/080 numbers 031-123-4567 and 031-1234-5678;
 *   8-digit service numbers 1588-1234.
 * A number typed with +82 keeps its international form, grouped the same
 * way without the trunk 0 ("+82 10-1234-5678"): whoever typed it that way
 * dials it that way, from abroad or from a phone that stores it so.
 * Numbers with another country code, and anything else not recognised
 * (extensions, letters, too few or too many digits), are shown exactly as
 * typed, since a wrong grouping would be worse than none.
 */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <string.h>

#include "dg-phone.h"

/* The digits of @text when it holds nothing but digits and the usual
 * separators, with an optional leading "+"; NULL otherwise. */
static char *
collect_digits (const char *text,
                gboolean   *international)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p = text;

  while (*p == ' ')
    p++;

  *international = *p == '+';
  if (*international)
    p++;

  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (strchr (" -.()", *p) == NULL)
        return NULL;
    }

  return g_string_free (g_steal_pointer (&digits), FALSE);
}

/* The lengths of the groups of a domestic number (with its trunk 0, or a
 * service number without one), ending in 0; FALSE when it is no Korean
 * number known here. */
static gboolean
domestic_groups (const char *digits,
                 int         groups[4])
{
  size_t len = strlen (digits);

  groups[3] = 0;

  /* 15xx, 16xx, 18xx: nationwide service numbers, always 8 digits. */
  if (len == 8 && digits[0] == '1' && strchr ("568", digits[1]) != NULL)
    {
      groups[0] = 4, groups[1] = 4, groups[2] = 0;
      return TRUE;
    }

  if (digits[0] != '0')
    return FALSE;

  /* Seoul has the only two-digit area code. */
  if (digits[1] == '2')
    {
      if (len != 9 && len != 10)
        return FALSE;
      groups[0] = 2, groups[1] = (int) len - 6, groups[2] = 4;
      return TRUE;
    }

  if (len != 10 && len != 11)
    return FALSE;

  /* Mobile 010, 011, 016-019; internet phones 070; toll-free 080. */
  if ((digits[1] == '1' && strchr ("016789", digits[2]) != NULL) ||
      (digits[1] == '7' && digits[2] == '0') ||
      (digits[1] == '8' && digits[2] == '0'))
    {
      /* 010 numbers have had eight digits after the prefix since 2004. */
      if (digits[2] == '0' && digits[1] == '1' && len != 11)
        return FALSE;
      groups[0] = 3, groups[1] = (int) len - 7, groups[2] = 4;
      return TRUE;
    }

  /* Area codes 031-033, 041-044, 051-055, 061-064. */
  if (digits[1] >= '3' && digits[1] <= '6' && digits[2] >= '1' && digits[2] <= '5')
    {
      groups[0] = 3, groups[1] = (int) len - 7, groups[2] = 4;
      return TRUE;
    }

  return FALSE;
}

static void
append_groups (GString    *out,
               const char *digits,
               const int   groups[4])
{
  for (int i = 0; groups[i] != 0; i++)
    {
      if (i > 0)
        g_string_append_c (out, '-');
      g_string_append_len (out, digits, groups[i]);
      digits += groups[i];
    }
}

/**
 * dg_phone_format_display:
 * @stored: (nullable): a phone number as it was typed
 *
 * Returns: (transfer full) (nullable): the number as it is shown; @stored
 * itself when it is not a Korean number recognised here, NULL for NULL.
 */
char *
dg_phone_format_display (const char *stored)
{
  g_autofree char *digits = NULL;
  g_autoptr(GString) out = NULL;
  const char *national;
  g_autofree char *with_trunk = NULL;
  gboolean international = FALSE;
  int groups[4];

  if (stored == NULL)
    return NULL;

  digits = collect_digits (stored, &international);
  if (digits == NULL || digits[0] == '\0')
    return g_strdup (stored);

  if (!international)
    {
      if (!domestic_groups (digits, groups))
        return g_strdup (stored);

      out = g_string_new (NULL);
      append_groups (out, digits, groups);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  if (!g_str_has_prefix (digits, "82"))
    return g_strdup (stored);

  /* "+82 (0)10…" is written too; the trunk 0 is not dialled after +82. */
  national = digits + 2;
  if (national[0] == '0')
    national++;
  if (national[0] == '\0')
    return g_strdup (stored);

  /* Recognise the number in its domestic form, then drop the 0 again. */
  with_trunk = national[0] == '1' && strlen (national) == 8
               ? g_strdup (national)
               : g_strconcat ("0", national, NULL);
  if (!domestic_groups (with_trunk, groups))
    return g_strdup (stored);

  out = g_string_new ("+82 ");
  if (with_trunk[0] == '0')
    {
      groups[0]--;
      append_groups (out, with_trunk + 1, groups);
    }
  else
    append_groups (out, with_trunk, groups);

  return g_string_free (g_steal_pointer (&out), FALSE);
}
