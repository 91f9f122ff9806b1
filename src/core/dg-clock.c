/* dg-clock.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-clock.h"

G_DEFINE_TYPE (DgClock, dg_clock, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

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
dg_clock_class_init (DgClockClass *klass)
{
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
}

static void
dg_clock_init (DgClock *self)
{
}

DgClock *
dg_clock_new_system (void)
{
  return g_object_new (DG_TYPE_CLOCK, NULL);
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
dg_clock_changed (DgClock *self)
{
  g_return_if_fail (DG_IS_CLOCK (self));

  g_signal_emit (self, signals [CHANGED], 0);
}
