/* dg-fake-clock.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include "dg-clock-private.h"
#include "dg-fake-clock.h"

struct _DgFakeClock
{
  DgClock    parent_instance;

  GDateTime *now;
  GTimeZone *tz;
};

G_DEFINE_FINAL_TYPE (DgFakeClock, dg_fake_clock, DG_TYPE_CLOCK)

static GDateTime *
dg_fake_clock_get_now_utc (DgClock *clock)
{
  DgFakeClock *self = DG_FAKE_CLOCK (clock);

  return g_date_time_ref (self->now);
}

static GTimeZone *
dg_fake_clock_dup_time_zone (DgClock *clock)
{
  DgFakeClock *self = DG_FAKE_CLOCK (clock);

  return g_time_zone_ref (self->tz);
}

static void
dg_fake_clock_finalize (GObject *object)
{
  DgFakeClock *self = (DgFakeClock *)object;

  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->tz, g_time_zone_unref);

  G_OBJECT_CLASS (dg_fake_clock_parent_class)->finalize (object);
}

static void
dg_fake_clock_class_init (DgFakeClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  DgClockClass *clock_class = DG_CLOCK_CLASS (klass);

  object_class->finalize = dg_fake_clock_finalize;

  clock_class->get_now_utc = dg_fake_clock_get_now_utc;
  clock_class->dup_time_zone = dg_fake_clock_dup_time_zone;
}

static void
dg_fake_clock_init (DgFakeClock *self)
{
  self->now = g_date_time_new_from_unix_utc (0);
  self->tz = g_time_zone_new_utc ();
}

DgFakeClock *
dg_fake_clock_new (GDateTime *now,
                   GTimeZone *tz)
{
  DgFakeClock *self;

  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (DG_TYPE_FAKE_CLOCK, NULL);
  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_date_time_to_utc (now);
  if (tz != NULL)
    {
      g_clear_pointer (&self->tz, g_time_zone_unref);
      self->tz = g_time_zone_ref (tz);
    }
  _dg_clock_reset_day (DG_CLOCK (self));

  return self;
}

void
dg_fake_clock_set_now (DgFakeClock *self,
                       GDateTime   *now)
{
  g_return_if_fail (DG_IS_FAKE_CLOCK (self));
  g_return_if_fail (now != NULL);

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_date_time_to_utc (now);

  dg_clock_changed (DG_CLOCK (self));
}

void
dg_fake_clock_advance (DgFakeClock *self,
                       GTimeSpan    span)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (DG_IS_FAKE_CLOCK (self));

  now = g_date_time_add (self->now, span);
  g_return_if_fail (now != NULL);

  dg_fake_clock_set_now (self, now);
}

void
dg_fake_clock_set_time_zone (DgFakeClock *self,
                             GTimeZone   *tz)
{
  g_return_if_fail (DG_IS_FAKE_CLOCK (self));
  g_return_if_fail (tz != NULL);

  g_clear_pointer (&self->tz, g_time_zone_unref);
  self->tz = g_time_zone_ref (tz);

  dg_clock_changed (DG_CLOCK (self));
}
