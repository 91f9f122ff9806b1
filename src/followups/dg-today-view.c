/* dg-today-view.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-date-names.h"
#include "dg-followup-editor.h"
#include "dg-followup-row.h"
#include "dg-page.h"
#include "dg-row.h"
#include "dg-today-birthdays.h"
#include "dg-today-lists.h"
#include "dg-today-view.h"

/* How many rows a section shows until "Show All" is pressed: enough for a
 * busy day, few enough that a backlog of hundreds stays quick to list. */
#define FOLLOWUPS_LIMIT 50
#define COLD_LIMIT      10
/* The overdue and going-cold counts stop here and show "999+": counting
 * every one of a large list would delay the page the app opens on. */
#define COUNT_LIMIT 1000
#define UPCOMING_DAYS   7
/* The rows built before the page's first frame, about what a first screen
 * shows; the others come in the frame after. */
#define FIRST_FRAME_ROWS 12
/* Without the setting (no schema installed, as in tests). */
#define DEFAULT_GOING_COLD_DAYS 30

typedef enum
{
  SECTION_OVERDUE,
  SECTION_TODAY,
  SECTION_UPCOMING,
  SECTION_COLD,
  N_SECTIONS
} Section;

struct _DgTodayView
{
  GtkWidget   parent_instance;

  DgContext  *context;
  gulong      changed_handlers[3];
  gulong      clock_handlers[2];
  gulong      settings_handler;
  guint       refresh_source;
  /* Something changed while the page was hidden: refresh when shown. */
  gboolean    needs_refresh;
  /* Sections whose "Show All" was pressed; kept until the day changes. */
  gboolean    expanded[N_SECTIONS];
  /* Until the page's first frame is painted, the rows below its first
   * screen wait here, as spans [from, to) of each section's list; the
   * clock whose next frame brings them. */
  gboolean       painted;
  GPtrArray     *pending[N_SECTIONS];
  guint          pending_from[N_SECTIONS];
  guint          pending_to[N_SECTIONS];
  GdkFrameClock *paint_clock;
  gulong         after_paint_handler;

  GtkWidget  *main_box;
  GtkLabel   *date_label;
  GtkStack   *stack;
  GtkWidget  *caught_up_section;
  GtkWidget  *overdue_section;
  GtkLabel   *overdue_count;
  GtkListBox *overdue_list;
  GtkWidget  *today_section;
  GtkListBox *today_list;
  GtkWidget  *upcoming_section;
  GtkBox     *upcoming_box;
  GtkWidget  *cold_section;
  GtkLabel   *cold_count;
  GtkLabel   *cold_description;
  GtkListBox *cold_list;
  DgTodayBirthdays *birthdays_section;
  GtkButton  *more_buttons[N_SECTIONS];
};

static void
dg_today_view_page_init (DgPageInterface *iface)
{
  iface->name = "today";
  /* Translators: the page of what is due today */
  iface->title = N_("Today");
  iface->icon_name = "alarm-symbolic";
}

G_DEFINE_FINAL_TYPE_WITH_CODE (DgTodayView, dg_today_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (DG_TYPE_PAGE, dg_today_view_page_init))

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static guint
get_going_cold_days (DgTodayView *self)
{
  GSettings *settings = dg_context_get_settings (self->context);
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings == NULL)
    return DEFAULT_GOING_COLD_DAYS;

  g_object_get (settings, "settings-schema", &schema, NULL);
  if (schema == NULL || !g_settings_schema_has_key (schema, "going-cold-days"))
    return DEFAULT_GOING_COLD_DAYS;

  return MAX (1, g_settings_get_int (settings, "going-cold-days"));
}

/* A count as a section's heading shows it, "999+" once at its limit. */
static char *
format_count (gint64 total)
{
  if (total >= COUNT_LIMIT)
    /* Translators: a count that stopped at its limit, as in "999+". */
    return g_strdup_printf (_("%d+"), COUNT_LIMIT - 1);

  return g_strdup_printf ("%" G_GINT64_FORMAT, total);
}

/* "Show All (N)" under a section that is cut short, until pressed. */
static void
update_more_button (DgTodayView *self,
                    Section      section,
                    gboolean     has_more,
                    gint64       total)
{
  GtkButton *button = self->more_buttons[section];

  gtk_widget_set_visible (GTK_WIDGET (button), has_more && !self->expanded[section]);
  if (total > 0)
    {
      g_autofree char *label = NULL;

      /* Translators: under a list that shows only its first rows; %d is
       * how many there are in all. */
      label = g_strdup_printf (_("Show All (%d)"), (int)MIN (total, G_MAXINT));
      gtk_button_set_label (button, label);
    }
  else
    gtk_button_set_label (button, _("Show All"));
}

static void
dg_today_view_update_date (DgTodayView *self)
{
  g_autoptr(GDateTime) now = dg_clock_get_now_local (dg_context_get_clock (self->context));
  g_autofree char *text = NULL;

  /* Translators: today's date above the Today page, in
   * g_date_time_format() notation where %A is the weekday name (from
   * Dangol's own translations), %B the month name and %-d the day of the
   * month. Korean would use "%Y년 %-m월 %-d일 %A". */
  text = dg_date_names_format (now, _("%A, %B %-d, %Y"));
  gtk_label_set_text (self->date_label, text);
}

/* Shows the page @name of the stack ("sections", "caught-up" or
 * "no-customers"). The last two are built the first time they are shown,
 * from dg-today-states.ui: most starts show neither, and as hidden pages
 * of the template they cost their widgets, icons and styles before the
 * first frame. */
static void
dg_today_view_show_state (DgTodayView *self,
                          const char  *name)
{
  if (gtk_stack_get_child_by_name (self->stack, name) == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *id = g_strdelimit (g_strconcat (name, "-page", NULL), "-", '_');
      const char *ids[] = { id, NULL };

      if (!gtk_builder_add_objects_from_resource (builder, RESOURCE_BASE_PATH "/followups/dg-today-states.ui",
                                                  ids, &error))
        g_error ("The Today page's “%s” cannot be built: %s", name, error->message);

      gtk_stack_add_named (self->stack, GTK_WIDGET (gtk_builder_get_object (builder, id)), name);
    }

  gtk_stack_set_visible_child_name (self->stack, name);
}

static void
fill_span (DgTodayView *self,
           Section      section,
           GPtrArray   *rows,
           guint        from,
           guint        to)
{
  switch (section)
    {
    case SECTION_OVERDUE:
      dg_today_fill_list (self->context, self->overdue_list, rows, from, to, TRUE);
      break;
    case SECTION_TODAY:
      dg_today_fill_list (self->context, self->today_list, rows, from, to, FALSE);
      break;
    case SECTION_UPCOMING:
      dg_today_fill_upcoming (self->context, self->upcoming_box, rows, from, to);
      break;
    case SECTION_COLD:
    case N_SECTIONS:
    default:
      dg_today_fill_cold (dg_context_get_clock (self->context), self->cold_list, rows);
      gtk_widget_set_visible (self->cold_section, rows->len > 0);
      break;
    }
}

static gboolean
has_pending (DgTodayView *self)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      if (self->pending[i] != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
cancel_pending (DgTodayView *self)
{
  if (self->paint_clock != NULL && self->after_paint_handler != 0)
    g_signal_handler_disconnect (self->paint_clock, self->after_paint_handler);
  self->after_paint_handler = 0;
  g_clear_weak_pointer (&self->paint_clock);
  for (guint i = 0; i < N_SECTIONS; i++)
    g_clear_pointer (&self->pending[i], g_ptr_array_unref);
}

/* Lists what fill_section() kept back. */
static void
fill_pending (DgTodayView *self)
{
  GPtrArray *pending[N_SECTIONS];

  for (guint i = 0; i < N_SECTIONS; i++)
    pending[i] = g_steal_pointer (&self->pending[i]);
  cancel_pending (self);

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      if (pending[i] != NULL)
        fill_span (self, i, pending[i], self->pending_from[i], self->pending_to[i]);
      g_clear_pointer (&pending[i], g_ptr_array_unref);
    }
}

static void
on_after_paint_cb (GdkFrameClock *frame_clock,
                   DgTodayView   *self)
{
  self->painted = TRUE;
  fill_pending (self);
}

/* Lists @rows[0, @to) of @section: all of them once the page was painted;
 * before its first frame, only as many as @budget has left, the others in
 * the frame after, so that the user does not wait for what is below the
 * first screen. Going Cold, the last section, whose rows cost as much as
 * all the others, shows whole or not at all: before the first frame it
 * waits whole, hidden (its heading alone, with the line under it, is 2% of
 * that frame). */
static void
fill_section (DgTodayView *self,
              Section      section,
              GPtrArray   *rows,
              guint        to,
              guint       *budget)
{
  guint now;

  to = MIN (to, rows->len);
  if (section == SECTION_COLD)
    {
      now = self->painted ? to : 0;
      gtk_widget_set_visible (self->cold_section, FALSE);
    }
  else
    now = MIN (to, *budget);

  if (now > 0)
    fill_span (self, section, rows, 0, now);
  *budget -= now;

  if (now < to)
    {
      self->pending[section] = g_ptr_array_ref (rows);
      self->pending_from[section] = now;
      self->pending_to[section] = to;
    }
}

/* The first time the page is shown, its next frame brings the rows that
 * fill_section() kept back; without a frame clock, they come at once. */
static void
fill_pending_after_first_frame (DgTodayView *self)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->painted)
    return;

  if (frame_clock == NULL)
    {
      fill_pending (self);
      return;
    }

  g_set_weak_pointer (&self->paint_clock, frame_clock);
  self->after_paint_handler = g_signal_connect (frame_clock, "after-paint",
                                                G_CALLBACK (on_after_paint_cb), self);
}

/* Lists everything again from the database. */
static void
dg_today_view_refresh (DgTodayView *self)
{
  DgDatabase *database;
  DgClock *clock;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) today = NULL;
  g_autoptr(GPtrArray) upcoming = NULL;
  g_autoptr(GPtrArray) cold = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *description = NULL;
  gint64 overdue_total, cold_total = -1, n_cold;
  guint cold_days;
  guint limit;
  guint budget;
  gboolean nothing_due;
  gboolean has_birthdays;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->needs_refresh = FALSE;

  dg_today_clear (GTK_WIDGET (self->overdue_list));
  dg_today_clear (GTK_WIDGET (self->today_list));
  dg_today_clear (GTK_WIDGET (self->upcoming_box));
  dg_today_clear (GTK_WIDGET (self->cold_list));
  cancel_pending (self);

  if (self->context == NULL)
    return;

  database = dg_context_get_database (self->context);
  clock = dg_context_get_clock (self->context);
  cold_days = get_going_cold_days (self);

  dg_today_view_update_date (self);

  /* One more than shown tells whether there are more. */
  limit = FOLLOWUPS_LIMIT + 1;
  overdue_total = dg_followups_count_overdue (database, clock, COUNT_LIMIT, &error);
  if (overdue_total >= 0)
    overdue = dg_followups_list_overdue (database, clock, self->expanded[SECTION_OVERDUE] ? 0 : limit, &error);
  if (overdue != NULL)
    today = dg_followups_list_due_today (database, clock, self->expanded[SECTION_TODAY] ? 0 : limit, &error);
  if (today != NULL)
    upcoming = dg_followups_list_upcoming (database, clock, UPCOMING_DAYS,
                                           self->expanded[SECTION_UPCOMING] ? 0 : limit, &error);
  if (upcoming != NULL)
    cold_total = dg_interactions_count_going_cold (database, clock, cold_days, COUNT_LIMIT, &error);
  if (upcoming != NULL && cold_total >= 0)
    cold = dg_interactions_list_going_cold (database, clock, cold_days,
                                            self->expanded[SECTION_COLD] ? 0 : COLD_LIMIT, &error);
  if (cold == NULL)
    {
      g_warning ("Could not list what is due today: %s", error->message);
      dg_today_view_show_state (self, "caught-up");
      return;
    }

  has_birthdays = dg_today_birthdays_refresh (self->birthdays_section, database, clock);

  nothing_due = overdue->len == 0 && today->len == 0 && upcoming->len == 0;
  if (nothing_due && cold->len == 0 && !has_birthdays)
    {
      DgCustomerQuery query = { .archived = DG_ARCHIVED_INCLUDE };
      gint64 customers = dg_customers_count (database, &query, NULL);

      dg_today_view_show_state (self, customers == 0 ? "no-customers" : "caught-up");
      return;
    }

  dg_today_view_show_state (self, "sections");
  gtk_widget_set_visible (self->caught_up_section, nothing_due);

  budget = self->painted ? G_MAXUINT : FIRST_FRAME_ROWS;
  gtk_widget_set_visible (self->overdue_section, overdue->len > 0);
  fill_section (self, SECTION_OVERDUE, overdue, self->expanded[SECTION_OVERDUE] ? G_MAXUINT : FOLLOWUPS_LIMIT,
                &budget);
  count = format_count (overdue_total);
  gtk_label_set_text (self->overdue_count, count);
  update_more_button (self, SECTION_OVERDUE, overdue->len > FOLLOWUPS_LIMIT,
                      overdue_total < COUNT_LIMIT ? overdue_total : 0);

  gtk_widget_set_visible (self->today_section, today->len > 0);
  fill_section (self, SECTION_TODAY, today, self->expanded[SECTION_TODAY] ? G_MAXUINT : FOLLOWUPS_LIMIT, &budget);
  update_more_button (self, SECTION_TODAY, today->len > FOLLOWUPS_LIMIT, 0);

  gtk_widget_set_visible (self->upcoming_section, upcoming->len > 0);
  fill_section (self, SECTION_UPCOMING, upcoming, self->expanded[SECTION_UPCOMING] ? G_MAXUINT : FOLLOWUPS_LIMIT,
                &budget);
  update_more_button (self, SECTION_UPCOMING, upcoming->len > FOLLOWUPS_LIMIT, 0);

  n_cold = cold->len;
  fill_section (self, SECTION_COLD, cold, G_MAXUINT, &budget);
  fill_pending_after_first_frame (self);
  g_free (count);
  count = format_count (cold_total);
  gtk_label_set_text (self->cold_count, count);
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "No contact logged for more than %u day, coldest first",
                                              "No contact logged for more than %u days, coldest first",
                                              cold_days), cold_days);
  gtk_label_set_text (self->cold_description, description);
  update_more_button (self, SECTION_COLD, cold_total > n_cold,
                      cold_total < COUNT_LIMIT ? cold_total : 0);
}

/* A hidden page reads nothing: it is brought up to date when shown. */
static void
dg_today_view_refresh_when_shown (DgTodayView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      dg_today_view_refresh (self);
    }
  else
    {
      g_clear_handle_id (&self->refresh_source, g_source_remove);
      self->needs_refresh = TRUE;
    }
}

static gboolean
on_refresh_cb (gpointer user_data)
{
  DgTodayView *self = user_data;

  self->refresh_source = 0;
  dg_today_view_refresh_when_shown (self);

  return G_SOURCE_REMOVE;
}

static void
dg_today_view_map (GtkWidget *widget)
{
  DgTodayView *self = DG_TODAY_VIEW (widget);

  /* Before the children map, so the first frame shows the new rows. */
  if (self->needs_refresh)
    dg_today_view_refresh (self);

  GTK_WIDGET_CLASS (dg_today_view_parent_class)->map (widget);
}

/* Hidden before its first frame, which may then never come on that frame
 * clock (its window gone), the page lists Going Cold again when shown. */
static void
dg_today_view_unmap (GtkWidget *widget)
{
  DgTodayView *self = DG_TODAY_VIEW (widget);

  if (has_pending (self))
    {
      cancel_pending (self);
      self->needs_refresh = TRUE;
    }

  GTK_WIDGET_CLASS (dg_today_view_parent_class)->unmap (widget);
}

/* Changes come in bursts (a completed follow-up also creates the next
 * one); the lists are rebuilt once, after the burst, and never while a
 * row's own action is still running. */
static void
dg_today_view_queue_refresh (DgTodayView *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (on_refresh_cb, self);
}

static void
on_database_changed_cb (DgDatabase  *database,
                        const char  *table,
                        DgTodayView *self)
{
  dg_today_view_queue_refresh (self);
}

static void
on_settings_changed_cb (GSettings   *settings,
                        const char  *key,
                        DgTodayView *self)
{
  dg_today_view_queue_refresh (self);
}

static void
dg_today_view_day_changed (DgTodayView *self)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    self->expanded[i] = FALSE;
  dg_today_view_queue_refresh (self);
}

/* The day changed (DgClock::day-changed), or the time jumped or the zone
 * changed (::changed): the day may be another one, and what is overdue
 * surely is. */
static void
on_clock_changed_cb (DgClock     *clock,
                     DgTodayView *self)
{
  dg_today_view_day_changed (self);
}

static void
on_more_button_clicked_cb (GtkButton   *button,
                           DgTodayView *self)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      if (self->more_buttons[i] == button)
        self->expanded[i] = TRUE;
    }

  dg_today_view_refresh (self);
}

static void
present_editor (DgTodayView *self,
                DgFollowup  *followup)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  DgFollowupEditor *editor;

  editor = dg_followup_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   self->context, followup);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_followup_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DgTodayView *self = DG_TODAY_VIEW (widget);
  g_autoptr(DgFollowup) followup = dg_followup_new ();

  present_editor (self, followup);
}

/* A new follow-up for a customer going cold: a keep-in-touch one, due
 * today, that comes back as often as the going-cold threshold, so the
 * customer does not go cold again. */
static void
add_followup_for_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  DgTodayView *self = DG_TODAY_VIEW (widget);
  g_autoptr(DgFollowup) followup = dg_followup_new ();
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (dg_context_get_clock (self->context));
  g_autoptr(GDateTime) now = dg_clock_get_now_local (dg_context_get_clock (self->context));
  g_autofree char *today = NULL;
  GDate date;

  dg_recurrence_local_date (now, tz, &date);
  today = dg_recurrence_format_date (&date);

  dg_followup_set_customer_id (followup, g_variant_get_int64 (parameter));
  dg_followup_set_title (followup, _("Get in touch"));
  dg_followup_set_due_date (followup, today);
  dg_followup_set_recurrence (followup, DG_RECURRENCE_DAYS);
  dg_followup_set_recurrence_interval (followup, get_going_cold_days (self));
  dg_followup_set_keep_in_touch (followup, TRUE);

  present_editor (self, followup);
}

static void
show_customer_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_widget_activate_action_variant (widget, "win.show-customer", parameter);
}

static void
show_customers_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkWidget *stack = gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_STACK);

  if (stack != NULL)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "customers");
}

DgContext *
dg_today_view_get_context (DgTodayView *self)
{
  g_return_val_if_fail (DG_IS_TODAY_VIEW (self), NULL);

  return self->context;
}

static void
dg_today_view_disconnect (DgTodayView *self)
{
  if (self->context == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (self->changed_handlers); i++)
    g_clear_signal_handler (&self->changed_handlers[i], dg_context_get_database (self->context));
  for (guint i = 0; i < G_N_ELEMENTS (self->clock_handlers); i++)
    g_clear_signal_handler (&self->clock_handlers[i], dg_context_get_clock (self->context));
  if (dg_context_get_settings (self->context) != NULL)
    g_clear_signal_handler (&self->settings_handler, dg_context_get_settings (self->context));
  g_clear_handle_id (&self->refresh_source, g_source_remove);
}

void
dg_today_view_set_context (DgTodayView *self,
                           DgContext   *context)
{
  static const char * const tables[] = { "followups", "interactions", "customers" };

  g_return_if_fail (DG_IS_TODAY_VIEW (self));
  g_return_if_fail (!context || DG_IS_CONTEXT (context));

  if (self->context == context)
    return;

  dg_today_view_disconnect (self);
  g_set_object (&self->context, context);

  if (context != NULL)
    {
      DgDatabase *database = dg_context_get_database (context);
      GSettings *settings = dg_context_get_settings (context);

      G_STATIC_ASSERT (G_N_ELEMENTS (tables) == G_N_ELEMENTS (self->changed_handlers));
      for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
        {
          g_autofree char *signal = g_strconcat ("changed::", tables[i], NULL);

          self->changed_handlers[i] = g_signal_connect_object (database, signal,
                                                               G_CALLBACK (on_database_changed_cb),
                                                               self, 0);
        }
      self->clock_handlers[0] = g_signal_connect_object (dg_context_get_clock (context), "changed",
                                                         G_CALLBACK (on_clock_changed_cb),
                                                         self, 0);
      self->clock_handlers[1] = g_signal_connect_object (dg_context_get_clock (context), "day-changed",
                                                         G_CALLBACK (on_clock_changed_cb),
                                                         self, 0);
      if (settings != NULL)
        self->settings_handler = g_signal_connect_object (settings, "changed::going-cold-days",
                                                          G_CALLBACK (on_settings_changed_cb),
                                                          self, 0);
    }

  dg_today_view_refresh_when_shown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTEXT]);
}

static void
dg_today_view_dispose (GObject *object)
{
  DgTodayView *self = (DgTodayView *)object;

  dg_today_view_disconnect (self);
  cancel_pending (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_TODAY_VIEW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (dg_today_view_parent_class)->dispose (object);
}

static void
dg_today_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DgTodayView *self = DG_TODAY_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_today_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  DgTodayView *self = DG_TODAY_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      dg_today_view_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_today_view_class_init (DgTodayViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_today_view_dispose;
  object_class->get_property = dg_today_view_get_property;
  object_class->set_property = dg_today_view_set_property;

  widget_class->map = dg_today_view_map;
  widget_class->unmap = dg_today_view_unmap;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         DG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/followups/dg-today-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "todayview");
  gtk_widget_class_bind_template_child (widget_class, DgTodayView, main_box);
  gtk_widget_class_bind_template_child (widget_class, DgTodayView, date_label);
  gtk_widget_class_bind_template_child (widget_class, DgTodayView, stack);
  gtk_widget_class_bind_template_child (widget_class, DgTodayView, caught_up_section);
  gtk_widget_class_bind_template_child (widget_class, DgTodayView, overdue_section);
  gtk_widget_class_bind_template_child (widget_class, DgTodayView, overdue_count);
  gtk_widget_class_bind_template_child (widget_class, DgTodayView, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, DgTodayView, today_section);
  gtk_widget_class_bind_template_child (widget_class, DgTodayView, today_list);
  gtk_widget_class_bind_template_child (widget_class, DgTodayView, upcoming_section);
  gtk_widget_class_bind_template_child (widget_class, DgTodayView, upcoming_box);
  gtk_widget_class_bind_template_child (widget_class, DgTodayView, cold_section);
  gtk_widget_class_bind_template_child (widget_class, DgTodayView, cold_count);
  gtk_widget_class_bind_template_child (widget_class, DgTodayView, cold_description);
  gtk_widget_class_bind_template_child (widget_class, DgTodayView, cold_list);
  gtk_widget_class_bind_template_child (widget_class, DgTodayView, birthdays_section);
  gtk_widget_class_bind_template_child_full (widget_class, "overdue_more_button", FALSE,
                                             G_STRUCT_OFFSET (DgTodayView, more_buttons[SECTION_OVERDUE]));
  gtk_widget_class_bind_template_child_full (widget_class, "today_more_button", FALSE,
                                             G_STRUCT_OFFSET (DgTodayView, more_buttons[SECTION_TODAY]));
  gtk_widget_class_bind_template_child_full (widget_class, "upcoming_more_button", FALSE,
                                             G_STRUCT_OFFSET (DgTodayView, more_buttons[SECTION_UPCOMING]));
  gtk_widget_class_bind_template_child_full (widget_class, "cold_more_button", FALSE,
                                             G_STRUCT_OFFSET (DgTodayView, more_buttons[SECTION_COLD]));
  gtk_widget_class_bind_template_callback (widget_class, on_more_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "today.add-followup", NULL, add_followup_action);
  gtk_widget_class_install_action (widget_class, "today.add-followup-for", "x", add_followup_for_action);
  gtk_widget_class_install_action (widget_class, "today.show-customer", "x", show_customer_action);
  gtk_widget_class_install_action (widget_class, "today.show-customers", NULL, show_customers_action);

  g_type_ensure (DG_TYPE_FOLLOWUP_ROW);
  g_type_ensure (DG_TYPE_ROW);
  g_type_ensure (DG_TYPE_TODAY_BIRTHDAYS);
}

static void
dg_today_view_init (DgTodayView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
