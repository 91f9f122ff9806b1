/* dg-customer-editor.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-birthdays.h"
#include "dg-customer-editor.h"
#include "dg-date-button.h"
#include "dg-field-row.h"

/* The fields typed into a field row, which shows its own problem; the
 * note is a text view and handled on its own. */
#define N_ENTRY_FIELDS 7

struct _DgCustomerEditor
{
  AdwWindow       parent_instance;

  DgDatabase     *database;
  /* The customer being edited, or NULL when adding one. */
  DgCustomer     *original;
  /* What the form holds; validated and written on Save. */
  DgCustomer     *customer;

  AdwWindowTitle *window_title;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  DgFieldRow     *name_row;
  DgFieldRow     *phone_row;
  DgFieldRow     *email_row;
  DgFieldRow     *organization_row;
  DgFieldRow     *source_row;
  DgFieldRow     *birthday_row;
  GtkWidget      *birthday_hint;
  DgDateButton   *birthday_button;
  AdwComboRow    *birthday_calendar_row;
  GtkWidget      *birthday_leap_row;
  GtkCheckButton *birthday_leap_check;
  DgFieldRow     *tags_row;
  GtkSwitch      *consent_switch;
  GtkTextView    *note_view;
  GtkWidget      *note_frame;
  GtkLabel       *note_error;

  struct {
    DgCustomerField  field;
    DgFieldRow      *row;
  } fields[N_ENTRY_FIELDS];
};

G_DEFINE_FINAL_TYPE (DgCustomerEditor, dg_customer_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Trimmed text, or NULL when nothing but blanks was typed: an optional
 * field left empty is stored as unknown, not as an empty string. */
static char *
dup_trimmed (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

static char *
dg_customer_editor_dup_note (DgCustomerEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *trimmed = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  trimmed = dup_trimmed (text);

  /* Only blank notes become NULL; a real note keeps its own line breaks. */
  return trimmed != NULL ? g_steal_pointer (&text) : NULL;
}

/* Copies what field @field holds in the form into the working customer. */
/* The birthday in its stored form, YYYY-MM-DD, from any form the field
 * reads (12/15, 1990년 3월 2일, …); NULL with the problem in @error when
 * @text is none. "Today" is the system's, as in the core's check that a
 * birthday is not in the future. A lunar birthday is read as a year, a
 * month and a day, whose 30th may be no solar date. */
static char *
dg_customer_editor_read_birthday (DgCustomerEditor  *self,
                                  const char        *text,
                                  GError           **error)
{
  GDate today;
  GDate date;

  if (text == NULL)
    return NULL;

  if (dg_customer_get_birthday_lunar (self->customer))
    return dg_birthday_parse_lunar (text, error);

  dg_date_button_get_today (self->birthday_button, &today);
  if (dg_date_parse (text, &today, &date, error) != DG_DATE_PARSE_OK)
    return NULL;
  return dg_date_format_iso (&date);
}

static void
dg_customer_editor_read_field (DgCustomerEditor *self,
                               DgCustomerField   field)
{
  g_autofree char *text = NULL;

  if (field == DG_CUSTOMER_FIELD_NOTE)
    {
      text = dg_customer_editor_dup_note (self);
      dg_customer_set_note (self->customer, text);
      return;
    }

  for (guint i = 0; i < N_ENTRY_FIELDS; i++)
    {
      if (self->fields[i].field == field)
        text = dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->fields[i].row)));
    }

  switch (field)
    {
    case DG_CUSTOMER_FIELD_NAME:
      dg_customer_set_name (self->customer, text ? text : "");
      break;

    case DG_CUSTOMER_FIELD_PHONE:
      dg_customer_set_phone (self->customer, text);
      break;

    case DG_CUSTOMER_FIELD_EMAIL:
      dg_customer_set_email (self->customer, text);
      break;

    case DG_CUSTOMER_FIELD_ORGANIZATION:
      dg_customer_set_organization (self->customer, text);
      break;

    case DG_CUSTOMER_FIELD_SOURCE:
      dg_customer_set_source (self->customer, text);
      break;

    case DG_CUSTOMER_FIELD_BIRTHDAY:
      {
        g_autofree char *iso = dg_customer_editor_read_birthday (self, text, NULL);

        dg_customer_set_birthday (self->customer, iso != NULL ? iso : text);
      }
      break;

    case DG_CUSTOMER_FIELD_TAGS:
      {
        g_auto(GStrv) tags = dg_tags_parse (text);

        dg_customer_set_tags (self->customer, (const char * const *)tags);
      }
      break;

    case DG_CUSTOMER_FIELD_NOTE:
    case DG_CUSTOMER_N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

/* The note is a text view, not a field row: its message is a label. */
static void
show_note_error (DgCustomerEditor *self,
                 const GError     *error)
{
  if (error != NULL)
    {
      gtk_label_set_text (self->note_error, error->message);
      gtk_widget_add_css_class (self->note_frame, "error");
    }
  else
    {
      gtk_widget_remove_css_class (self->note_frame, "error");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->note_error), error != NULL);
}

/* Reads and checks one field, shows or hides its message, and returns the
 * widget to focus when it is invalid. */
static GtkWidget *
dg_customer_editor_check_field (DgCustomerEditor *self,
                                DgCustomerField   field)
{
  g_autoptr(GError) error = NULL;

  dg_customer_editor_read_field (self, field);
  if (field == DG_CUSTOMER_FIELD_BIRTHDAY)
    {
      g_autofree char *text = dg_field_row_dup_trimmed_text (self->birthday_row);
      g_autofree char *iso = NULL;

      /* A text that is no date says so in the parser's words, which
       * name the short forms too. */
      if (*text != '\0')
        iso = dg_customer_editor_read_birthday (self, text, &error);
    }
  if (error == NULL)
    dg_customer_validate_field (self->customer, field, &error);

  if (field == DG_CUSTOMER_FIELD_NOTE)
    {
      show_note_error (self, error);
      return error ? GTK_WIDGET (self->note_view) : NULL;
    }

  for (guint i = 0; i < N_ENTRY_FIELDS; i++)
    {
      if (self->fields[i].field != field)
        continue;

      return dg_field_row_show_gerror (self->fields[i].row, error)
               ? GTK_WIDGET (self->fields[i].row)
               : NULL;
    }

  return NULL;
}

static void
on_entry_row_changed_cb (GtkEditable      *editable,
                         DgCustomerEditor *self)
{
  for (guint i = 0; i < N_ENTRY_FIELDS; i++)
    {
      if (GTK_EDITABLE (self->fields[i].row) == editable)
        dg_customer_editor_check_field (self, self->fields[i].field);
    }
}

static void
on_note_buffer_changed_cb (GtkTextBuffer    *buffer,
                           DgCustomerEditor *self)
{
  dg_customer_editor_check_field (self, DG_CUSTOMER_FIELD_NOTE);
}

static void
on_consent_switch_active_cb (GtkSwitch        *consent_switch,
                             GParamSpec       *pspec,
                             DgCustomerEditor *self)
{
  gboolean active = gtk_switch_get_active (consent_switch);
  DgClock *clock = dg_database_get_clock (self->database);
  g_autoptr(GDateTime) now = NULL;
  GDateTime *given_at = NULL;

  /* Switching consent off and on again keeps the day it was first given;
   * consent given now is dated now, by the clock the customer's other
   * times are stamped with. */
  if (active && self->original != NULL && dg_customer_get_marketing_consent (self->original))
    given_at = dg_customer_get_consent_at (self->original);
  else if (active && clock != NULL)
    given_at = now = dg_clock_get_now_utc (clock);

  dg_customer_set_marketing_consent (self->customer, active, given_at);
}

/* The calendar button picks solar days, and only a lunar birthday can be
 * in a leap month. */
static void
dg_customer_editor_update_calendar (DgCustomerEditor *self)
{
  gboolean lunar = dg_customer_get_birthday_lunar (self->customer);

  gtk_widget_set_visible (GTK_WIDGET (self->birthday_button), !lunar);
  gtk_widget_set_visible (self->birthday_leap_row, lunar);
}

static void
on_birthday_calendar_selected_cb (AdwComboRow      *row,
                                  GParamSpec       *pspec,
                                  DgCustomerEditor *self)
{
  dg_customer_set_birthday_lunar (self->customer, adw_combo_row_get_selected (row) == 1);
  dg_customer_editor_update_calendar (self);

  /* A lunar 30th that was fine may be no solar date, and back. */
  dg_customer_editor_check_field (self, DG_CUSTOMER_FIELD_BIRTHDAY);
}

static void
on_birthday_leap_active_cb (GtkCheckButton   *check,
                            GParamSpec       *pspec,
                            DgCustomerEditor *self)
{
  dg_customer_set_birthday_leap_month (self->customer, gtk_check_button_get_active (check));
}

static void
dg_customer_editor_show_error (DgCustomerEditor *self,
                               const char       *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

gboolean
dg_customer_editor_save (DgCustomerEditor *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *first_invalid = NULL;
  gboolean saved;

  g_return_val_if_fail (DG_IS_CUSTOMER_EDITOR (self), FALSE);

  dg_customer_editor_show_error (self, NULL);

  for (guint field = 0; field < DG_CUSTOMER_N_FIELDS; field++)
    {
      GtkWidget *invalid = dg_customer_editor_check_field (self, field);

      if (first_invalid == NULL)
        first_invalid = invalid;
    }

  if (first_invalid != NULL)
    {
      gtk_widget_grab_focus (first_invalid);
      return FALSE;
    }

  if (self->original == NULL)
    saved = dg_customers_insert (self->database, self->customer, &error);
  else
    saved = dg_customers_update (self->database, self->customer, &error);

  if (!saved)
    {
      g_autofree char *message = NULL;

      /* Translators: shown in the customer form when writing failed; %s is
       * the reason, a full sentence. */
      message = g_strdup_printf (_("The customer could not be saved. %s"), error->message);
      dg_customer_editor_show_error (self, message);
      return FALSE;
    }

  g_signal_emit (self, signals [SAVED], 0, self->customer);
  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}

static void
dg_customer_editor_save_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  dg_customer_editor_save (DG_CUSTOMER_EDITOR (widget));
}

static void
dg_customer_editor_fill (DgCustomerEditor *self)
{
  DgCustomer *customer = self->customer;
  g_autofree char *tags = dg_customer_dup_tags_text (customer);
  const char *note = dg_customer_get_note (customer);
  const char *texts[] = {
    dg_customer_get_name (customer),
    dg_customer_get_phone (customer),
    dg_customer_get_email (customer),
    dg_customer_get_organization (customer),
    dg_customer_get_source (customer),
    dg_customer_get_birthday (customer),
    tags,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (texts) == N_ENTRY_FIELDS);

  for (guint i = 0; i < N_ENTRY_FIELDS; i++)
    gtk_editable_set_text (GTK_EDITABLE (self->fields[i].row), texts[i] ? texts[i] : "");

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note ? note : "", -1);
  gtk_switch_set_active (self->consent_switch, dg_customer_get_marketing_consent (customer));
  adw_combo_row_set_selected (self->birthday_calendar_row,
                              dg_customer_get_birthday_lunar (customer) ? 1 : 0);
  gtk_check_button_set_active (self->birthday_leap_check,
                               dg_customer_get_birthday_leap_month (customer));
  dg_customer_editor_update_calendar (self);
}

static void
dg_customer_editor_dispose (GObject *object)
{
  DgCustomerEditor *self = (DgCustomerEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_CUSTOMER_EDITOR);

  g_clear_object (&self->database);
  g_clear_object (&self->original);
  g_clear_object (&self->customer);

  G_OBJECT_CLASS (dg_customer_editor_parent_class)->dispose (object);
}

static void
dg_customer_editor_class_init (DgCustomerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_customer_editor_dispose;

  /**
   * DgCustomerEditor::saved:
   * @customer: the customer as written, with its id
   *
   * Emitted after the customer was written, just before the form closes.
   */
  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, DG_TYPE_CUSTOMER);

  g_type_ensure (DG_TYPE_FIELD_ROW);
  g_type_ensure (DG_TYPE_DATE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/customers/dg-customer-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DgCustomerEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerEditor, organization_row);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerEditor, source_row);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerEditor, birthday_row);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerEditor, birthday_hint);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerEditor, birthday_button);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerEditor, birthday_calendar_row);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerEditor, birthday_leap_row);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerEditor, birthday_leap_check);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerEditor, tags_row);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerEditor, consent_switch);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerEditor, note_view);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerEditor, note_frame);
  gtk_widget_class_bind_template_child (widget_class, DgCustomerEditor, note_error);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, dg_customer_editor_save_action);

  /* Ctrl+Enter saves from anywhere, the note included; see init for the
   * capture-phase controller that makes that work inside the text view. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dg_customer_editor_init (DgCustomerEditor *self)
{

  gtk_widget_init_template (GTK_WIDGET (self));
  dg_date_button_bind (self->birthday_button, self->birthday_row, DG_DATE_BUTTON_DATE, self->birthday_hint);

  self->fields[0].field = DG_CUSTOMER_FIELD_NAME;
  self->fields[0].row = self->name_row;
  self->fields[1].field = DG_CUSTOMER_FIELD_PHONE;
  self->fields[1].row = self->phone_row;
  self->fields[2].field = DG_CUSTOMER_FIELD_EMAIL;
  self->fields[2].row = self->email_row;
  self->fields[3].field = DG_CUSTOMER_FIELD_ORGANIZATION;
  self->fields[3].row = self->organization_row;
  self->fields[4].field = DG_CUSTOMER_FIELD_SOURCE;
  self->fields[4].row = self->source_row;
  self->fields[5].field = DG_CUSTOMER_FIELD_BIRTHDAY;
  self->fields[5].row = self->birthday_row;
  self->fields[6].field = DG_CUSTOMER_FIELD_TAGS;
  self->fields[6].row = self->tags_row;

  dg_form_add_save_shortcut (GTK_WIDGET (self), "editor.save");
}

DgCustomerEditor *
dg_customer_editor_new (GtkWindow  *parent,
                        DgDatabase *database,
                        DgCustomer *customer)
{
  DgCustomerEditor *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DG_IS_DATABASE (database), NULL);
  g_return_val_if_fail (!customer || DG_IS_CUSTOMER (customer), NULL);

  self = g_object_new (DG_TYPE_CUSTOMER_EDITOR,
                       "transient-for", parent,
                       NULL);

  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));

  self->database = g_object_ref (database);
  self->original = customer ? g_object_ref (customer) : NULL;
  self->customer = customer ? dg_customer_copy (customer) : dg_customer_new ();

  if (customer != NULL)
    {
      adw_window_title_set_title (self->window_title, _("Edit Customer"));
      adw_window_title_set_subtitle (self->window_title, dg_customer_get_name (customer));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Customer"));
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("New Customer"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Customer"));
    }

  dg_customer_editor_fill (self);

  /* Connected after filling in, so that the values from the database are
   * taken as they are and only what the user types is checked. */
  for (guint i = 0; i < N_ENTRY_FIELDS; i++)
    g_signal_connect_object (self->fields[i].row, "changed",
                             G_CALLBACK (on_entry_row_changed_cb),
                             self, 0);
  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (on_note_buffer_changed_cb),
                           self, 0);
  g_signal_connect_object (self->consent_switch, "notify::active",
                           G_CALLBACK (on_consent_switch_active_cb),
                           self, 0);
  g_signal_connect_object (self->birthday_calendar_row, "notify::selected",
                           G_CALLBACK (on_birthday_calendar_selected_cb),
                           self, 0);
  g_signal_connect_object (self->birthday_leap_check, "notify::active",
                           G_CALLBACK (on_birthday_leap_active_cb),
                           self, 0);

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}
