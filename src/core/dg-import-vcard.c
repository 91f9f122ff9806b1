/* dg-import-vcard.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dg-error.h"
#include "dg-import-match.h"
#include "dg-import-vcard.h"
#include "dg-import-vcard-private.h"
#include "dg-vcard-private.h"

struct _DgVcardImport
{
  GPtrArray           *customers;
  GArray              *card_numbers;
  GArray              *earlier;
  GPtrArray           *problems;
  /* The card number of each problem. */
  GArray              *problem_cards;
  DgVcardImportCounts  counts;
  /* Phone keys, lower-case e-mail addresses and uuids seen, to the index
   * of the first customer with them. */
  GHashTable          *seen;
};

static void
import_free (DgVcardImport *self)
{
  g_ptr_array_unref (self->customers);
  g_array_unref (self->card_numbers);
  g_array_unref (self->earlier);
  g_ptr_array_unref (self->problems);
  g_array_unref (self->problem_cards);
  g_hash_table_unref (self->seen);
  g_free (self);
}

void
dg_vcard_import_free (DgVcardImport *self)
{
  if (self != NULL)
    import_free (self);
}

/* The attribute's values joined by @separator, NULL when all are empty,
 * or when one is not UTF-8 (set *@bad then). */
static char *
join_values (EVCardAttribute *attr,
             const char      *separator,
             gboolean         skip_empty,
             gboolean        *bad)
{
  GString *out = g_string_new (NULL);
  gboolean any = FALSE;

  for (GList *l = e_vcard_attribute_get_values (attr); l != NULL; l = l->next)
    {
      const char *value = l->data;

      if (!g_utf8_validate (value, -1, NULL))
        *bad = TRUE;
      if (skip_empty && *value == '\0')
        continue;
      if (out->len > 0 || (any && !skip_empty))
        g_string_append (out, separator);
      g_string_append (out, value);
      any = TRUE;
    }

  if (*bad || out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_strstrip (g_string_free (out, FALSE));
}

/* Whether one of the TYPE values (TYPE=cell,voice or TYPE=CELL;TYPE=VOICE)
 * is @type. */
static gboolean
has_type (EVCardAttribute *attr,
          const char      *type)
{
  for (GList *l = e_vcard_attribute_get_param (attr, "TYPE"); l != NULL; l = l->next)
    {
      g_auto(GStrv) parts = g_strsplit (l->data, ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          if (g_ascii_strcasecmp (g_strstrip (parts[i]), type) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

static const char *
type_label (EVCardAttribute *attr)
{
  /* Translators: the kind of a phone number or address a contacts file
   * gave, shown after it in brackets in the customer's note:
   * "Phone: 02-555-1234 (home)". */
  if (has_type (attr, "CELL"))
    return _("mobile");
  if (has_type (attr, "FAX"))
    return _("fax");
  if (has_type (attr, "WORK"))
    return _("work");
  if (has_type (attr, "HOME"))
    return _("home");

  return NULL;
}

static void
add_note_line (GString         *extra,
               const char      *format,
               const char      *value,
               EVCardAttribute *attr)
{
  const char *label = type_label (attr);

  if (extra->len > 0)
    g_string_append_c (extra, '\n');
  g_string_append_printf (extra, format, value);
  if (label != NULL)
    g_string_append_printf (extra, " (%s)", label);
}

/* A 4.0 TEL is a URI ("tel:+82-10-…"); its value may carry parameters
 * after ";" (EVCard splits them into further values). */
static char *
phone_text (EVCardAttribute *attr,
            gboolean        *bad)
{
  GList *values = e_vcard_attribute_get_values (attr);
  const char *value = values != NULL ? values->data : "";

  if (!g_utf8_validate (value, -1, NULL))
    {
      *bad = TRUE;
      return NULL;
    }
  if (g_ascii_strncasecmp (value, "tel:", 4) == 0)
    value += 4;

  return g_strstrip (g_strdup (value));
}

/* "YYYY-MM-DD" from 1990-03-05, 19900305 or 1990-03-05T00:00:00Z; NULL
 * for anything else (4.0's --0305 has no year). */
static char *
parse_birthday (const char *value)
{
  char digits[9];
  guint n = 0;
  const char *p = value;

  while (g_ascii_isspace (*p))
    p++;
  for (; *p && *p != 'T' && n < 9; p++)
    {
      if (g_ascii_isdigit (*p))
        digits[n++] = *p;
      else if (*p != '-')
        return NULL;
    }
  if (n != 8 || (value[0] == '-'))
    return NULL;

  return g_strdup_printf ("%.4s-%.2s-%.2s", digits, digits + 4, digits + 6);
}

static gboolean
is_hangul_or_cjk (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (p));

      if (script != G_UNICODE_SCRIPT_HANGUL && script != G_UNICODE_SCRIPT_HAN)
        return FALSE;
    }

  return TRUE;
}

/* The name from N (family;given;additional;prefix;suffix). */
static char *
name_from_n (EVCardAttribute *attr,
             gboolean        *bad)
{
  GList *values = e_vcard_attribute_get_values (attr);
  const char *family = values != NULL ? values->data : "";
  const char *given = values != NULL && values->next != NULL ? values->next->data : "";

  if (!g_utf8_validate (family, -1, NULL) || !g_utf8_validate (given, -1, NULL))
    {
      *bad = TRUE;
      return NULL;
    }
  if (*family == '\0' && *given == '\0')
    return NULL;
  if (*family == '\0' || *given == '\0')
    return g_strstrip (g_strconcat (family, given, NULL));
  if (is_hangul_or_cjk (family) && is_hangul_or_cjk (given))
    return g_strconcat (family, given, NULL);

  return g_strconcat (given, " ", family, NULL);
}

/* Makes a customer of @evc; NULL with @problem set when refused. */
static DgCustomer *
customer_from_card (DgVcardImport  *self,
                    EVCard         *evc,
                    char          **problem)
{
  g_autoptr(DgCustomer) customer = dg_customer_new ();
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) extra = g_string_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *n_name = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GError) error = NULL;
  EVCardAttribute *cell = NULL;
  gboolean bad = FALSE;

  /* The phone is the first mobile number; find it before the others go
   * into the note. */
  for (GList *l = e_vcard_get_attributes (evc); l != NULL && cell == NULL; l = l->next)
    {
      if (g_ascii_strcasecmp (e_vcard_attribute_get_name (l->data), "TEL") == 0
          && has_type (l->data, "CELL"))
        cell = l->data;
    }

  for (GList *l = e_vcard_get_attributes (evc); l != NULL && !bad; l = l->next)
    {
      EVCardAttribute *attr = l->data;
      const char *attr_name = e_vcard_attribute_get_name (attr);

      if (g_ascii_strcasecmp (attr_name, "FN") == 0 && name == NULL)
        name = join_values (attr, ";", FALSE, &bad);
      else if (g_ascii_strcasecmp (attr_name, "N") == 0 && n_name == NULL)
        n_name = name_from_n (attr, &bad);
      else if (g_ascii_strcasecmp (attr_name, "TEL") == 0)
        {
          g_autofree char *number = phone_text (attr, &bad);

          if (number == NULL || *number == '\0')
            continue;
          if (phone == NULL && (cell == NULL || cell == attr))
            phone = g_steal_pointer (&number);
          else
            {
              /* Translators: a further phone number of an imported
               * contact, kept as a line of the customer's note. */
              add_note_line (extra, _("Phone: %s"), number, attr);
              self->counts.n_extra_phones++;
            }
        }
      else if (g_ascii_strcasecmp (attr_name, "EMAIL") == 0)
        {
          g_autofree char *email = join_values (attr, ";", TRUE, &bad);

          if (email == NULL)
            continue;
          if (*dg_customer_get_email (customer) == '\0')
            dg_customer_set_email (customer, email);
          else
            {
              /* Translators: a further e-mail address of an imported
               * contact, kept as a line of the customer's note. */
              add_note_line (extra, _("Email: %s"), email, attr);
              self->counts.n_extra_emails++;
            }
        }
      else if (g_ascii_strcasecmp (attr_name, "ADR") == 0)
        {
          g_autofree char *address = join_values (attr, " ", TRUE, &bad);

          if (address == NULL)
            continue;
          /* Translators: a postal address of an imported contact, kept
           * as a line of the customer's note. */
          add_note_line (extra, _("Address: %s"), address, attr);
          self->counts.n_addresses++;
        }
      else if (g_ascii_strcasecmp (attr_name, "ORG") == 0
               && *dg_customer_get_organization (customer) == '\0')
        {
          g_autofree char *org = join_values (attr, " ", TRUE, &bad);

          if (org != NULL)
            dg_customer_set_organization (customer, org);
        }
      else if (g_ascii_strcasecmp (attr_name, "NOTE") == 0 && note == NULL)
        note = join_values (attr, ";", FALSE, &bad);
      else if (g_ascii_strcasecmp (attr_name, "BDAY") == 0
               && dg_customer_get_birthday (customer) == NULL)
        {
          g_autofree char *text = join_values (attr, ";", TRUE, &bad);
          g_autofree char *birthday = text != NULL ? parse_birthday (text) : NULL;
          g_autoptr(GError) birthday_error = NULL;

          if (text == NULL)
            continue;
          if (birthday != NULL)
            {
              dg_customer_set_birthday (customer, birthday);
              if (!dg_customer_validate_field (customer, DG_CUSTOMER_FIELD_BIRTHDAY,
                                               &birthday_error))
                g_clear_pointer (&birthday, g_free);
            }
          if (birthday == NULL)
            {
              dg_customer_set_birthday (customer, NULL);
              self->counts.n_birthdays_ignored++;
            }
        }
      else if (g_ascii_strcasecmp (attr_name, "CATEGORIES") == 0)
        {
          for (GList *v = e_vcard_attribute_get_values (attr); v != NULL; v = v->next)
            {
              if (!g_utf8_validate (v->data, -1, NULL))
                bad = TRUE;
              else
                g_ptr_array_add (tags, g_strdup (v->data));
            }
        }
      else if (g_ascii_strcasecmp (attr_name, "UID") == 0)
        {
          g_autofree char *uid = join_values (attr, ";", TRUE, &bad);

          if (uid != NULL && g_uuid_string_is_valid (uid))
            dg_customer_set_uuid (customer, uid);
        }
    }

  if (bad)
    {
      *problem = g_strdup (_("its text is not UTF-8 (name the character set with CHARSET)"));
      return NULL;
    }

  if (name == NULL)
    name = g_steal_pointer (&n_name);
  if (name == NULL)
    {
      *problem = g_strdup (_("it has no name (FN or N)"));
      return NULL;
    }

  dg_customer_set_name (customer, name);
  dg_customer_set_phone (customer, phone);
  g_ptr_array_add (tags, NULL);
  dg_customer_set_tags (customer, (const char * const *) tags->pdata);

  if (extra->len > 0)
    {
      g_autofree char *joined = note != NULL ? g_strconcat (note, "\n\n", extra->str, NULL)
                                             : g_strdup (extra->str);

      dg_customer_set_note (customer, joined);
    }
  else
    {
      dg_customer_set_note (customer, note);
    }

  if (!dg_customer_validate (customer, &error))
    {
      *problem = g_strdup (error->message);
      return NULL;
    }

  return g_steal_pointer (&customer);
}

/* Notes the customer's keys; the index of the first earlier customer with
 * one of them, or -1. */
static int
remember_keys (DgVcardImport *self,
               DgCustomer    *customer,
               int            index)
{
  char *keys[3] = {
    dg_import_phone_key (dg_customer_get_phone (customer)),
    *dg_customer_get_email (customer) != '\0'
      ? g_strconcat ("@", dg_customer_get_email (customer), NULL) : NULL,
    dg_customer_get_uuid (customer) != NULL && *dg_customer_get_uuid (customer) != '\0'
      ? g_strconcat ("#", dg_customer_get_uuid (customer), NULL) : NULL,
  };
  int earlier = -1;

  if (keys[1] != NULL)
    {
      char *lower = g_utf8_strdown (keys[1], -1);

      g_free (keys[1]);
      keys[1] = lower;
    }

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      gpointer found;

      if (keys[i] == NULL)
        continue;
      if (g_hash_table_lookup_extended (self->seen, keys[i], NULL, &found))
        {
          if (earlier < 0)
            earlier = GPOINTER_TO_INT (found);
          g_free (keys[i]);
        }
      else
        {
          g_hash_table_insert (self->seen, keys[i], GINT_TO_POINTER (index));
        }
    }

  return earlier;
}

DgVcardImport *
dg_vcard_import_read_data (const char    *data,
                           gsize          len,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(DgVcardSplitter) splitter = NULL;
  g_autoptr(DgVcardImport) self = NULL;
  g_autofree char *from_utf16 = NULL;
  DgVcardCard card;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  /* Windows tools may write a contacts file in UTF-16, with its byte
   * order mark. */
  if (len >= 2 && ((guchar) data[0] == 0xFF || (guchar) data[0] == 0xFE)
      && (guchar) data[1] == ((guchar) data[0] ^ 0x01))
    {
      gsize written = 0;

      from_utf16 = g_convert (data + 2, len - 2, "UTF-8",
                              (guchar) data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE",
                              NULL, &written, NULL);
      if (from_utf16 == NULL)
        {
          g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_IMPORT,
                               _("The file starts as UTF-16 text but is not valid UTF-16"));
          return NULL;
        }
      data = from_utf16;
      len = written;
    }

  self = g_new0 (DgVcardImport, 1);
  self->customers = g_ptr_array_new_with_free_func (g_object_unref);
  self->card_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  self->earlier = g_array_new (FALSE, FALSE, sizeof (int));
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->problem_cards = g_array_new (FALSE, FALSE, sizeof (guint));
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  splitter = dg_vcard_splitter_new (data, len);

  while (dg_vcard_splitter_next (splitter, &card))
    {
      g_autofree char *problem = g_steal_pointer (&card.problem);
      g_autoptr(DgCustomer) customer = NULL;

      self->counts.n_cards++;
      self->counts.n_photos += card.n_photos;
      self->counts.n_lines_skipped += card.n_lines_skipped;

      if (problem == NULL)
        {
          g_autoptr(EVCard) evc = e_vcard_new_from_string (card.text->str);

          customer = customer_from_card (self, evc, &problem);
        }

      if (customer != NULL)
        {
          int index = self->customers->len;
          int earlier = remember_keys (self, customer, index);

          g_ptr_array_add (self->customers, g_steal_pointer (&customer));
          g_array_append_val (self->card_numbers, card.number);
          g_array_append_val (self->earlier, earlier);
        }
      else
        {
          self->counts.n_refused++;
          g_ptr_array_add (self->problems,
                           /* Translators: a contact card of a vCard file
                            * that cannot be imported: its number in the
                            * file, then why. */
                           g_strdup_printf (_("Card %u: %s"), card.number, problem));
          g_array_append_val (self->problem_cards, card.number);
        }

      dg_vcard_card_clear (&card);

      if (self->counts.n_cards % 100 == 0
          && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
    }

  self->counts.n_lines_skipped += dg_vcard_splitter_get_n_stray_lines (splitter);
  self->counts.n_customers = self->customers->len;
  g_ptr_array_add (self->problems, NULL);

  if (self->counts.n_cards == 0)
    {
      g_set_error_literal (error, DG_ERROR, DG_ERROR_INVALID_IMPORT,
                           _("The file holds no contact cards (no BEGIN:VCARD line)"));
      return NULL;
    }

  return g_steal_pointer (&self);
}

DgVcardImport *
dg_vcard_import_read_file (const char    *path,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_size (info) > DG_VCARD_IMPORT_MAX_BYTES)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, DG_ERROR, DG_ERROR_INVALID_IMPORT,
                   _("“%s” is too large for a contacts file (more than %d MB)"),
                   display, DG_VCARD_IMPORT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &data, &len, NULL, error))
    return NULL;

  return dg_vcard_import_read_data (data, len, cancellable, error);
}

guint
dg_vcard_import_get_n_customers (DgVcardImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->customers->len;
}

DgCustomer *
dg_vcard_import_get_customer (DgVcardImport *self,
                              guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->customers->len, NULL);

  return g_ptr_array_index (self->customers, index);
}

guint
dg_vcard_import_get_card_number (DgVcardImport *self,
                                 guint          index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->card_numbers->len, 0);

  return g_array_index (self->card_numbers, guint, index);
}

int
dg_vcard_import_get_earlier_duplicate (DgVcardImport *self,
                                       guint          index)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (index < self->earlier->len, -1);

  return g_array_index (self->earlier, int, index);
}

const char * const *
dg_vcard_import_get_problems (DgVcardImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->problems->pdata;
}

const DgVcardImportCounts *
dg_vcard_import_get_counts (DgVcardImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->counts;
}

guint
dg_vcard_import_get_problem_card (DgVcardImport *self,
                                  guint          index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->problem_cards->len, 0);

  return g_array_index (self->problem_cards, guint, index);
}

/* Reads the UTF-16 prefix one code unit at a time instead of converting it:
 * the prefix may end halfway through a surrogate pair, or the file may hold
 * a lone surrogate further on, and neither says anything about its format. */
static gboolean
sniff_utf16 (const guchar *data,
             gsize         len,
             gboolean      little_endian)
{
  static const char begin[] = "BEGIN:VCARD";
  gsize n_units = len / 2;
  gsize i = 0;

  while (i < n_units)
    {
      gunichar unit = little_endian ? data[2 * i] | (data[2 * i + 1] << 8)
                                    : (data[2 * i] << 8) | data[2 * i + 1];

      if (unit >= 0x80 || !g_ascii_isspace ((char) unit))
        break;
      i++;
    }

  if (n_units - i < strlen (begin))
    return FALSE;

  for (gsize k = 0; k < strlen (begin); k++, i++)
    {
      gunichar unit = little_endian ? data[2 * i] | (data[2 * i + 1] << 8)
                                    : (data[2 * i] << 8) | data[2 * i + 1];

      if (unit >= 0x80 || g_ascii_toupper ((char) unit) != begin[k])
        return FALSE;
    }

  return TRUE;
}

gboolean
dg_vcard_import_sniff (const char *data,
                       gsize       len)
{
  static const char begin[] = "BEGIN:VCARD";
  gsize i = 0;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (len >= 2 && ((guchar) data[0] == 0xFF || (guchar) data[0] == 0xFE)
      && (guchar) data[1] == ((guchar) data[0] ^ 0x01))
    return sniff_utf16 ((const guchar *) data + 2, len - 2, (guchar) data[0] == 0xFF);
  else if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;

  while (i < len && g_ascii_isspace (data[i]))
    i++;

  return len - i >= strlen (begin) && g_ascii_strncasecmp (data + i, begin, strlen (begin)) == 0;
}

GStrv
dg_vcard_import_describe_counts (const DgVcardImportCounts *counts)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (counts != NULL, NULL);

  {
    const struct
    {
      guint       n;
      const char *text;
    } notes[] = {
      { counts->n_photos,
        ngettext ("%u photo left out", "%u photos left out", counts->n_photos) },
      { counts->n_extra_phones,
        ngettext ("%u further phone number kept in the note",
                  "%u further phone numbers kept in the note", counts->n_extra_phones) },
      { counts->n_extra_emails,
        ngettext ("%u further email address kept in the note",
                  "%u further email addresses kept in the note", counts->n_extra_emails) },
      { counts->n_addresses,
        ngettext ("%u postal address kept in the note",
                  "%u postal addresses kept in the note", counts->n_addresses) },
      { counts->n_birthdays_ignored,
        ngettext ("%u birthday left out (no year, or not a date)",
                  "%u birthdays left out (no year, or not a date)", counts->n_birthdays_ignored) },
      { counts->n_lines_skipped,
        ngettext ("%u line not understood, left out",
                  "%u lines not understood, left out", counts->n_lines_skipped) },
    };

    for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
      {
        g_autofree char *text = NULL;

        if (notes[i].n == 0)
          continue;
        text = g_strdup_printf (notes[i].text, notes[i].n);
        g_strv_builder_add (builder, text);
      }
  }

  return g_strv_builder_end (builder);
}
