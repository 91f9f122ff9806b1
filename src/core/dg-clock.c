/* dg-clock.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-clock-private.h"
#include "dg-recurrence.h"

typedef struct
{
  /* The local date last seen, to tell when it is another one. */
  GDate  day;
  /* Wakes the system clock just after the next local midnight. */
  guint  midnight_source;
  guint  follows_real_time : 1;
} DgClockPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (DgClock, dg_clock, G_TYPE_OBJECT)

enum {
  CHANGED,
  DAY_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void dg_clock_arm_midnight (DgClock *self);

static GDateTime *
dg_clock_real_get_now_utc (DgClock *self)
{
  return g_date_time_new_now_utc ();
}

static GTimeZone *
dg_clock_real_dup_time_zone (DgClock *self)
{
  return g_time_zone_new_local ();
}

static void
dg_clock_get_today (DgClock *self,
                    GDate   *out_date)
{
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (self);
  g_autoptr(GTimeZone) tz = dg_clock_dup_time_zone (self);

  dg_recurrence_local_date (now, tz, out_date);
}

/* Emits ::day-changed when the local date is not the one last seen. */
static void
dg_clock_check_day (DgClock *self)
{
  DgClockPrivate *priv = dg_clock_get_instance_private (self);
  GDate today;

  dg_clock_get_today (self, &today);
  if (g_date_valid (&priv->day) && g_date_compare (&priv->day, &today) == 0)
    return;

  priv->day = today;
  g_signal_emit (self, signals [DAY_CHANGED], 0);
}

static gboolean
on_midnight_cb (gpointer user_data)
{
  DgClock *self = user_data;
  DgClockPrivate *priv = dg_clock_get_instance_private (self);

  priv->midnight_source = 0;
  dg_clock_check_day (self);
  dg_clock_arm_midnight (self);

  return G_SOURCE_REMOVE;
}

/* One timer for the whole app, armed for the next local midnight of the
 * clock's zone. A timeout counts monotonic time, which stops while the
 * computer sleeps: a resume or a new zone comes through
 * dg_clock_changed(), which arms it again. */
static void
dg_clock_arm_midnight (DgClock *self)
{
  DgClockPrivate *priv = dg_clock_get_instance_private (self);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  GDate tomorrow;
  GTimeSpan wait;

  g_clear_handle_id (&priv->midnight_source, g_source_remove);

  if (!priv->follows_real_time)
    return;

  now = dg_clock_get_now_utc (self);
  tz = dg_clock_dup_time_zone (self);
  dg_recurrence_local_date (now, tz, &tomorrow);
  g_date_add_days (&tomorrow, 1);
  midnight = dg_recurrence_day_start (tz, &tomorrow);
  if (midnight == NULL)
    return;

  /* A second past midnight, so that the new day has surely begun. */
  wait = g_date_time_difference (midnight, now) / G_USEC_PER_SEC + 1;
  priv->midnight_source = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT,
                                                      (guint)CLAMP (wait, 1, 2 * 24 * 60 * 60),
                                                      on_midnight_cb, self, NULL);
}

static void
dg_clock_finalize (GObject *object)
{
  DgClock *self = (DgClock *)object;
  DgClockPrivate *priv = dg_clock_get_instance_private (self);

  g_clear_handle_id (&priv->midnight_source, g_source_remove);

  G_OBJECT_CLASS (dg_clock_parent_class)->finalize (object);
}

static void
dg_clock_class_init (DgClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dg_clock_finalize;

  klass->get_now_utc = dg_clock_real_get_now_utc;
  klass->dup_time_zone = dg_clock_real_dup_time_zone;

  /**
   * DgClock::changed:
   *
   * The time jumped or the local zone changed; whatever waits for a
   * moment must compute its wait again.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  /**
   * DgClock::day-changed:
   *
   * The local date is another one: midnight passed, or the time or the
   * zone moved to another day. What shows "today" looks again.
   */
  signals [DAY_CHANGED] =
    g_signal_new ("day-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
dg_clock_init (DgClock *self)
{
  DgClockPrivate *priv = dg_clock_get_instance_private (self);

  g_date_clear (&priv->day, 1);
}

DgClock *
dg_clock_new_system (void)
{
  DgClock *self = g_object_new (DG_TYPE_CLOCK, NULL);
  DgClockPrivate *priv = dg_clock_get_instance_private (self);

  priv->follows_real_time = TRUE;
  dg_clock_get_today (self, &priv->day);
  dg_clock_arm_midnight (self);

  return self;
}

GDateTime *
dg_clock_get_now_utc (DgClock *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (DG_IS_CLOCK (self), NULL);

  now = DG_CLOCK_GET_CLASS (self)->get_now_utc (self);
  g_return_val_if_fail (now != NULL, NULL);

  /* The database stores whole seconds; so does every comparison. */
  return g_date_time_new_from_unix_utc (g_date_time_to_unix (now));
}

GDateTime *
dg_clock_get_now_local (DgClock *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GTimeZone) tz = NULL;

  g_return_val_if_fail (DG_IS_CLOCK (self), NULL);

  now = dg_clock_get_now_utc (self);
  tz = dg_clock_dup_time_zone (self);

  return g_date_time_to_timezone (now, tz);
}

GTimeZone *
dg_clock_dup_time_zone (DgClock *self)
{
  g_return_val_if_fail (DG_IS_CLOCK (self), NULL);

  return DG_CLOCK_GET_CLASS (self)->dup_time_zone (self);
}

void
_dg_clock_reset_day (DgClock *self)
{
  DgClockPrivate *priv = dg_clock_get_instance_private (self);

  dg_clock_get_today (self, &priv->day);
}

void
dg_clock_changed (DgClock *self)
{
  g_return_if_fail (DG_IS_CLOCK (self));

  g_object_ref (self);
  g_signal_emit (self, signals [CHANGED], 0);
  dg_clock_check_day (self);
  dg_clock_arm_midnight (self);
  g_object_unref (self);
}
