/* dg-customer-validate.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dg-birthdays.h"
#include "dg-customer.h"
#include "dg-date-parse.h"
#include "dg-error.h"

/* In characters, so that a Korean name gets as much room as a Latin one. */
#define NAME_MAX_CHARS  200
#define LINE_MAX_CHARS  200
#define TAG_MAX_CHARS   200
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

static gboolean
is_email (const char *text)
{
  const char *at = strchr (text, '@');
  const char *domain;
  gsize domain_len;

  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      if (g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  domain = at + 1;
  domain_len = strlen (domain);

  return domain_len >= 3
         && strchr (domain, '.') != NULL
         && domain[0] != '.'
         && domain[domain_len - 1] != '.'
         && strstr (domain, "..") == NULL;
}

static gboolean
validate_phone (const char  *phone,
                GError     **error)
{
  gboolean has_digit = FALSE;
  gboolean only_allowed = TRUE;

  if (!check_length (phone, LINE_MAX_CHARS, _("Phone: use at most %d characters"), error))
    return FALSE;

  for (const char *p = phone; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        has_digit = TRUE;
      else if (strchr (" +-.()/", *p) == NULL)
        only_allowed = FALSE;
    }

  if (*phone != '\0' && !has_digit)
    {
      g_set_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                   _("Phone: “%s” has no digits"), phone);
      return FALSE;
    }

  if (!only_allowed)
    {
      g_set_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                   _("Phone: “%s” may hold only digits, spaces and + - . ( ) /"),
                   phone);
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_birthday (DgCustomer  *self,
                   GError     **error)
{
  const char *birthday = dg_customer_get_birthday (self);
  gboolean lunar = dg_customer_get_birthday_lunar (self);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  g_autofree char *solar = NULL;
  gboolean well_formed;
  guint year = 0, month = 0, day = 0;
  GDate date;

  if (birthday == NULL)
    return TRUE;

  /* A lunar month has 29 or 30 days, whichever month it is. */
  if (lunar)
    well_formed = dg_date_split_iso (birthday, &year, &month, &day)
                  && year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= 30;
  else
    well_formed = dg_date_is_iso (birthday)
                  && dg_date_split_iso (birthday, &year, &month, &day);

  if (!well_formed)
    {
      if (lunar)
        g_set_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                     _("Birthday: “%s” is not a lunar date (use YYYY-MM-DD, days up to 30)"),
                     birthday);
      else
        g_set_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                     _("Birthday: “%s” is not a real date (use YYYY-MM-DD)"),
                     birthday);
      return FALSE;
    }

  if (year < 1900)
    {
      g_set_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                   _("Birthday: “%s” is before 1900"), birthday);
      return FALSE;
    }

  /* A lunar birth date is compared as the solar day it was. */
  if (lunar
      && dg_birthday_in_year (birthday, TRUE, dg_customer_get_birthday_leap_month (self),
                              year, &date))
    solar = dg_date_format_iso (&date);

  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  if (strcmp (solar != NULL ? solar : birthday, today) > 0)
    {
      g_set_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                   _("Birthday: “%s” is in the future"), birthday);
      return FALSE;
    }

  return TRUE;
}

gboolean
dg_customer_validate_field (DgCustomer       *self,
                            DgCustomerField   field,
                            GError          **error)
{
  const char * const *tags;

  g_return_val_if_fail (DG_IS_CUSTOMER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  tags = dg_customer_get_tags (self);

  switch (field)
    {
    case DG_CUSTOMER_FIELD_NAME:
      if (*dg_customer_get_name (self) == '\0')
        {
          g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                               _("Name: enter a name"));
          return FALSE;
        }
      return check_length (dg_customer_get_name (self), NAME_MAX_CHARS,
                           _("Name: use at most %d characters"), error);

    case DG_CUSTOMER_FIELD_PHONE:
      return validate_phone (dg_customer_get_phone (self), error);

    case DG_CUSTOMER_FIELD_EMAIL:
      if (!check_length (dg_customer_get_email (self), LINE_MAX_CHARS,
                         _("Email: use at most %d characters"), error))
        return FALSE;
      if (*dg_customer_get_email (self) != '\0' && !is_email (dg_customer_get_email (self)))
        {
          g_set_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                       _("Email: “%s” is not an email address"), dg_customer_get_email (self));
          return FALSE;
        }
      return TRUE;

    case DG_CUSTOMER_FIELD_ORGANIZATION:
      return check_length (dg_customer_get_organization (self), LINE_MAX_CHARS,
                           _("Organization: use at most %d characters"), error);

    case DG_CUSTOMER_FIELD_SOURCE:
      return check_length (dg_customer_get_source (self), LINE_MAX_CHARS,
                           _("Source: use at most %d characters"), error);

    case DG_CUSTOMER_FIELD_BIRTHDAY:
      return validate_birthday (self, error);

    case DG_CUSTOMER_FIELD_NOTE:
      return check_length (dg_customer_get_note (self), NOTE_MAX_CHARS,
                           _("Note: use at most %d characters"), error);

    case DG_CUSTOMER_FIELD_TAGS:
      for (guint i = 0; tags[i] != NULL; i++)
        {
          if (g_utf8_strlen (tags[i], -1) > TAG_MAX_CHARS)
            {
              g_set_error (error, DG_ERROR, DG_ERROR_INVALID_FIELD,
                           _("Tags: “%s” is longer than %d characters"),
                           tags[i], TAG_MAX_CHARS);
              return FALSE;
            }
        }
      return TRUE;

    case DG_CUSTOMER_N_FIELDS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
dg_customer_validate (DgCustomer  *self,
                      GError     **error)
{
  g_return_val_if_fail (DG_IS_CUSTOMER (self), FALSE);

  for (guint field = 0; field < DG_CUSTOMER_N_FIELDS; field++)
    {
      if (!dg_customer_validate_field (self, field, error))
        return FALSE;
    }

  return TRUE;
}
