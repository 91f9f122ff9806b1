/* dg-followup-validate.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-error.h"
#include "dg-followup.h"

/* In characters, so that Korean text gets as much room as Latin text. */
#define TITLE_MAX_CHARS 200
#define NOTE_MAX_CHARS  20000

static gboolean
check_length (const char  *value,
              int          max_chars,
              const char  *format,
              GError     **error)
{
  if (g_utf8_strlen (value, -1) <= max_chars)
    return TRUE;

  g_set_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD, format, max_chars);

  return FALSE;
}

gboolean
dg_followup_validate_field (DgFollowup       *self,
                            DgFollowupField   field,
                            GError          **error)
{
  const char *due_date;
  GDate date;

  g_return_val_if_fail (DG_IS_FOLLOWUP (self), FALSE);

  due_date = dg_followup_get_due_date (self);

  switch (field)
    {
    case DG_FOLLOWUP_FIELD_TITLE:
      if (*dg_followup_get_title (self) == '\0')
        {
          g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                               _("Title: enter what to do"));
          return FALSE;
        }
      return check_length (dg_followup_get_title (self), TITLE_MAX_CHARS,
                           _("Title: use at most %d characters"), error);

    case DG_FOLLOWUP_FIELD_NOTE:
      return check_length (dg_followup_get_note (self), NOTE_MAX_CHARS,
                           _("Note: use at most %d characters"), error);

    case DG_FOLLOWUP_FIELD_DUE:
      if (dg_followup_get_due_at (self) == NULL && due_date == NULL)
        {
          g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                               _("Due: choose a date"));
          return FALSE;
        }
      if (due_date != NULL && !dg_recurrence_parse_date (due_date, &date))
        {
          g_set_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                       _("Due: “%s” is not a real date (use YYYY-MM-DD)"), due_date);
          return FALSE;
        }
      return TRUE;

    case DG_FOLLOWUP_FIELD_RECURRENCE:
      if (dg_followup_get_recurrence (self) == DG_RECURRENCE_NONE)
        return TRUE;
      if (dg_followup_get_recurrence_interval (self) < 1)
        {
          g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                               _("Repeat: the number of days, weeks or months must be at least 1"));
          return FALSE;
        }
      if (dg_followup_get_recurrence_interval (self) > DG_RECURRENCE_MAX_INTERVAL)
        {
          g_set_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                       _("Repeat: the number of days, weeks or months must be at most %d"),
                       DG_RECURRENCE_MAX_INTERVAL);
          return FALSE;
        }
      return TRUE;

    case DG_FOLLOWUP_FIELD_KEEP_IN_TOUCH:
      if (!dg_followup_get_keep_in_touch (self))
        return TRUE;
      if (dg_followup_get_customer_id (self) <= 0)
        {
          g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                               _("Keep in touch: choose the customer to keep in touch with"));
          return FALSE;
        }
      if (dg_followup_get_recurrence (self) == DG_RECURRENCE_NONE)
        {
          g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                               _("Keep in touch: choose how often, in days, weeks or months"));
          return FALSE;
        }
      return TRUE;

    case DG_FOLLOWUP_N_FIELDS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
dg_followup_validate (DgFollowup  *self,
                      GError     **error)
{
  g_return_val_if_fail (DG_IS_FOLLOWUP (self), FALSE);

  for (guint i = 0; i < DG_FOLLOWUP_N_FIELDS; i++)
    {
      if (!dg_followup_validate_field (self, i, error))
        return FALSE;
    }

  return TRUE;
}
