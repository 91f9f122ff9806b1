/* dg-backup-values.c
 *
 * One value of a record, read and checked against its field: the type,
 * the length, the catalogue's allowed values and range, and the way dates
 * and times are written. The checker and the restore read values through
 * here alike, so what was checked is what is written.
 */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dg-backup-private.h"
#include "dg-recurrence.h"

#define SHOWN_CHARS 40

char *
dg_backup_shorten (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  g_autofree char *head = NULL;

  if (g_utf8_strlen (valid, -1) <= SHOWN_CHARS)
    return g_steal_pointer (&valid);

  head = g_utf8_substring (valid, 0, SHOWN_CHARS);

  return g_strconcat (head, "…", NULL);
}

static gboolean
digits (const char *text,
        int         n,
        int        *out)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }

  *out = value;

  return TRUE;
}

/* "YYYY-MM-DD" well formed: sets the numbers, without checking the date. */
static gboolean
split_date (const char *text,
            int        *year,
            int        *month,
            int        *day)
{
  return digits (text, 4, year) && text[4] == '-'
         && digits (text + 5, 2, month) && text[7] == '-'
         && digits (text + 8, 2, day);
}

static gboolean
real_date (int year,
           int month,
           int day)
{
  return year >= 1 && month >= 1 && month <= 12 && day >= 1
         && day <= g_date_get_days_in_month (month, year);
}

DgBackupTextCheck
dg_backup_check_instant (const char *text)
{
  int year, month, day, hour, minute, second;

  if (strlen (text) != 20 || !split_date (text, &year, &month, &day)
      || text[10] != 'T' || !digits (text + 11, 2, &hour) || text[13] != ':'
      || !digits (text + 14, 2, &minute) || text[16] != ':'
      || !digits (text + 17, 2, &second) || text[19] != 'Z')
    return DG_BACKUP_TEXT_MALFORMED;

  if (!real_date (year, month, day) || hour > 23 || minute > 59 || second > 59)
    return DG_BACKUP_TEXT_IMPOSSIBLE;

  return DG_BACKUP_TEXT_OK;
}

DgBackupTextCheck
dg_backup_check_date (const char *text)
{
  int year, month, day;

  if (strlen (text) != 10 || !split_date (text, &year, &month, &day))
    return DG_BACKUP_TEXT_MALFORMED;

  return real_date (year, month, day) ? DG_BACKUP_TEXT_OK : DG_BACKUP_TEXT_IMPOSSIBLE;
}

DgBackupTextCheck
dg_backup_check_birthday (const char *text,
                          gboolean    lunar)
{
  int year, month, day;

  if (strlen (text) != 10 || !split_date (text, &year, &month, &day))
    return DG_BACKUP_TEXT_MALFORMED;

  /* A lunar month has 29 or 30 days, whichever year it is. */
  if (lunar)
    return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= 30
           ? DG_BACKUP_TEXT_OK : DG_BACKUP_TEXT_IMPOSSIBLE;

  return real_date (year, month, day) ? DG_BACKUP_TEXT_OK : DG_BACKUP_TEXT_IMPOSSIBLE;
}

static DgBackupTextCheck
check_anchor (const char *text)
{
  GDate date;
  int seconds;
  int year, month, day;

  if (dg_recurrence_parse_anchor (text, &date, &seconds))
    return DG_BACKUP_TEXT_OK;

  if (strlen (text) >= 10 && split_date (text, &year, &month, &day) && !real_date (year, month, day))
    return DG_BACKUP_TEXT_IMPOSSIBLE;

  return DG_BACKUP_TEXT_MALFORMED;
}

static DgBackupTextCheck
check_time_of_day (const char *text)
{
  int hour, minute;

  if (strlen (text) != 5 || !digits (text, 2, &hour) || text[2] != ':' || !digits (text + 3, 2, &minute))
    return DG_BACKUP_TEXT_MALFORMED;

  return hour <= 23 && minute <= 59 ? DG_BACKUP_TEXT_OK : DG_BACKUP_TEXT_IMPOSSIBLE;
}

static char *
check_text_format (const DgBackupField *field,
                   const char          *text)
{
  g_autofree char *shown = NULL;
  DgBackupTextCheck result;
  const char *malformed;

  switch (field->type)
    {
    case DG_BACKUP_VALUE_INSTANT:
      result = dg_backup_check_instant (text);
      malformed = _("“%s” is not a time written YYYY-MM-DDTHH:MM:SSZ");
      break;
    case DG_BACKUP_VALUE_DATE:
      result = dg_backup_check_date (text);
      malformed = _("“%s” is not a date written YYYY-MM-DD");
      break;
    case DG_BACKUP_VALUE_BIRTHDAY:
      /* Lunar or solar: the record checks it against its calendar. */
      result = dg_backup_check_birthday (text, TRUE);
      malformed = _("“%s” is not a date written YYYY-MM-DD");
      break;
    case DG_BACKUP_VALUE_ANCHOR:
      result = check_anchor (text);
      malformed = _("“%s” is not a date written YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS");
      break;
    case DG_BACKUP_VALUE_TIME_OF_DAY:
      result = check_time_of_day (text);
      malformed = _("“%s” is not a time of day written HH:MM");
      break;
    default:
      return NULL;
    }

  if (result == DG_BACKUP_TEXT_OK)
    return NULL;

  shown = dg_backup_shorten (text);
  if (result == DG_BACKUP_TEXT_IMPOSSIBLE)
    return g_strdup_printf (_("“%s” is a date or time that does not exist"), shown);

  return g_strdup_printf (malformed, shown);
}

static char *
check_text (const DgBackupField *field,
            const char          *text)
{
  const char * const *values = dg_backup_field_get_values (field);

  if (field->type == DG_BACKUP_VALUE_UUID && *text == '\0')
    return g_strdup (_("empty: every record needs a uuid"));

  if ((field->type == DG_BACKUP_VALUE_TEXT || field->type == DG_BACKUP_VALUE_UUID)
      && g_utf8_strlen (text, -1) > field->max_length)
    return g_strdup_printf (ngettext ("too long: at most %u character",
                                      "too long: at most %u characters", field->max_length),
                            field->max_length);

  if (values != NULL && !g_strv_contains (values, text))
    {
      g_autofree char *shown = dg_backup_shorten (text);
      g_autofree char *allowed = g_strjoinv (", ", (char **) values);

      return g_strdup_printf (_("“%s” is not one of %s"), shown, allowed);
    }

  return check_text_format (field, text);
}

char *
dg_backup_read_value (JsonObject          *record,
                      const DgBackupField *field,
                      DgBackupValue       *out)
{
  JsonNode *node = json_object_get_member (record, field->key);
  GType type;

  memset (out, 0, sizeof *out);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      out->is_null = TRUE;
      if (dg_backup_field_is_nullable (field))
        return NULL;
      return g_strdup (node == NULL ? _("missing") : _("empty (null), but required"));
    }

  if (!JSON_NODE_HOLDS_VALUE (node))
    goto wrong_type;

  type = json_node_get_value_type (node);

  switch (field->type)
    {
    case DG_BACKUP_VALUE_INTEGER:
      {
        gint64 min, max;

        if (type == G_TYPE_DOUBLE)
          return g_strdup (_("not a whole number"));
        if (type != G_TYPE_INT64)
          goto wrong_type;

        out->number = json_node_get_int (node);
        dg_backup_field_get_range (field, &min, &max);
        if (out->number < min || out->number > max)
          {
            g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, out->number);
            g_autofree char *low = g_strdup_printf ("%" G_GINT64_FORMAT, min);
            g_autofree char *high = g_strdup_printf ("%" G_GINT64_FORMAT, max);

            return g_strdup_printf (_("%s is out of range (%s to %s)"), number, low, high);
          }
        return NULL;
      }

    case DG_BACKUP_VALUE_BOOLEAN:
      if (type == G_TYPE_BOOLEAN)
        out->number = json_node_get_boolean (node) ? 1 : 0;
      else if (type == G_TYPE_INT64 && (json_node_get_int (node) == 0 || json_node_get_int (node) == 1))
        out->number = json_node_get_int (node);
      else
        goto wrong_type;
      return NULL;

    case DG_BACKUP_VALUE_REFERENCE_LIST:
    case DG_BACKUP_VALUE_PARENT:
      g_return_val_if_reached (NULL);

    default:
      if (type != G_TYPE_STRING)
        goto wrong_type;
      out->text = json_node_get_string (node);
      return check_text (field, out->text);
    }

wrong_type:
  switch (field->type)
    {
    case DG_BACKUP_VALUE_INTEGER:
      return g_strdup (_("not a number"));
    case DG_BACKUP_VALUE_BOOLEAN:
      return g_strdup (_("not true or false"));
    case DG_BACKUP_VALUE_REFERENCE:
    case DG_BACKUP_VALUE_UUID:
      return g_strdup (_("not a uuid (a text)"));
    default:
      return g_strdup (_("not a text"));
    }
}
