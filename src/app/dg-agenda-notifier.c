/* dg-agenda-notifier.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "dg-agenda-notifier.h"

struct _DgAgendaNotifier
{
  GObject             parent_instance;

  DgReminderService  *service;
  /* The agenda on screen, if any. */
  NotifyNotification *notification;
  gulong              agenda_handler;
};

G_DEFINE_FINAL_TYPE (DgAgendaNotifier, dg_agenda_notifier, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SERVICE,
  N_PROPS
};

enum {
  OPEN_TODAY,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

char *
dg_agenda_notifier_format_body (const DgMorningSummary *summary)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;

  g_return_val_if_fail (summary != NULL, NULL);

  /* Only what there is: "2 overdue" alone on a day with nothing else. */
  if (summary->due_today > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u follow-up due today",
                                                       "%u follow-ups due today",
                                                       summary->due_today),
                                             summary->due_today));
  if (summary->overdue > 0)
    /* Translators: follow-ups whose due has passed, in the morning
     * agenda after "5 follow-ups due today, ". */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u overdue",
                                                       "%u overdue",
                                                       summary->overdue),
                                             summary->overdue));
  if (summary->going_cold > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u customer going cold",
                                                       "%u customers going cold",
                                                       summary->going_cold),
                                             summary->going_cold));
  if (summary->birthdays > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u birthday today",
                                                       "%u birthdays today",
                                                       summary->birthdays),
                                             summary->birthdays));
  g_ptr_array_add (parts, NULL);

  /* Translators: what separates the parts of the morning agenda, as in
   * "5 follow-ups due today, 2 overdue, 3 customers going cold". */
  text = g_strjoinv (_(", "), (char **) parts->pdata);

  /* Notification services read the body as markup. */
  return g_markup_escape_text (text, -1);
}

static void
on_closed_cb (NotifyNotification *notification,
              DgAgendaNotifier   *self)
{
  if (notification == self->notification)
    g_clear_object (&self->notification);
}

static void
on_action_cb (NotifyNotification *notification,
              char               *action,
              gpointer            user_data)
{
  g_signal_emit (DG_AGENDA_NOTIFIER (user_data), signals [OPEN_TODAY], 0);
}

gboolean
dg_agenda_notifier_show (DgAgendaNotifier       *self,
                         const DgMorningSummary *summary)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (DG_IS_AGENDA_NOTIFIER (self), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  body = dg_agenda_notifier_format_body (summary);

  /* Yesterday's agenda, if still there, gives way to today's. */
  if (self->notification != NULL)
    notify_notification_update (self->notification, _("Today’s Agenda"), body, APPLICATION_ID);
  else
    {
      self->notification = notify_notification_new (_("Today’s Agenda"), body, APPLICATION_ID);
      g_signal_connect_object (self->notification, "closed",
                               G_CALLBACK (on_closed_cb), self, 0);
    }

  /* What the reminders' notifications share, but a category of its own. */
  notify_notification_clear_actions (self->notification);
  notify_notification_clear_hints (self->notification);
  notify_notification_set_hint_string (self->notification, "desktop-entry", APPLICATION_ID);
  notify_notification_set_category (self->notification, "x-dangol.agenda");
  notify_notification_set_urgency (self->notification, NOTIFY_URGENCY_NORMAL);
  notify_notification_set_timeout (self->notification, NOTIFY_EXPIRES_NEVER);
  notify_notification_add_action (self->notification, "open-today", _("Open Today"),
                                  on_action_cb, self, NULL);
  /* Clicking the notification itself opens Today too. */
  notify_notification_add_action (self->notification, "default", _("Open Today"),
                                  on_action_cb, self, NULL);

  if (!notify_notification_show (self->notification, &error))
    {
      /* The reminders' notifier says once that no service runs; the agenda
       * is offered again at the next check. */
      g_debug ("The morning agenda was not shown: %s", error->message);
      g_clear_object (&self->notification);
      return FALSE;
    }

  return TRUE;
}

guint
dg_agenda_notifier_get_notification_id (DgAgendaNotifier *self)
{
  int id = 0;

  g_return_val_if_fail (DG_IS_AGENDA_NOTIFIER (self), 0);

  if (self->notification != NULL)
    g_object_get (self->notification, "id", &id, NULL);

  return (guint) id;
}

static gboolean
on_morning_agenda_cb (DgReminderService      *service,
                      const DgMorningSummary *summary,
                      DgAgendaNotifier       *self)
{
  return dg_agenda_notifier_show (self, summary);
}

static void
dg_agenda_notifier_constructed (GObject *object)
{
  DgAgendaNotifier *self = (DgAgendaNotifier *)object;

  G_OBJECT_CLASS (dg_agenda_notifier_parent_class)->constructed (object);

  /* libnotify keeps the first name it is given for the whole process. */
  notify_init (_("Dangol"));

  self->agenda_handler = g_signal_connect (self->service, "morning-agenda",
                                           G_CALLBACK (on_morning_agenda_cb), self);
}

static void
dg_agenda_notifier_dispose (GObject *object)
{
  DgAgendaNotifier *self = (DgAgendaNotifier *)object;

  if (self->service != NULL)
    g_clear_signal_handler (&self->agenda_handler, self->service);
  g_clear_object (&self->notification);
  g_clear_object (&self->service);

  G_OBJECT_CLASS (dg_agenda_notifier_parent_class)->dispose (object);
}

static void
dg_agenda_notifier_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DgAgendaNotifier *self = DG_AGENDA_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_SERVICE:
      g_value_set_object (value, self->service);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_agenda_notifier_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DgAgendaNotifier *self = DG_AGENDA_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_SERVICE:
      self->service = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_agenda_notifier_class_init (DgAgendaNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = dg_agenda_notifier_constructed;
  object_class->dispose = dg_agenda_notifier_dispose;
  object_class->get_property = dg_agenda_notifier_get_property;
  object_class->set_property = dg_agenda_notifier_set_property;

  properties [PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL,
                         DG_TYPE_REMINDER_SERVICE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DgAgendaNotifier::open-today:
   *
   * The person opened the morning agenda (Open Today, or a click on it).
   */
  signals [OPEN_TODAY] =
    g_signal_new ("open-today",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
dg_agenda_notifier_init (DgAgendaNotifier *self)
{
}

DgAgendaNotifier *
dg_agenda_notifier_new (DgReminderService *service)
{
  g_return_val_if_fail (DG_IS_REMINDER_SERVICE (service), NULL);

  return g_object_new (DG_TYPE_AGENDA_NOTIFIER,
                       "service", service,
                       NULL);
}
