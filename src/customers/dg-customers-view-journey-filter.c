/* dg-customers-view-journey-filter.c
 *
 * The journey filter of the customer list: the customers in a journey,
 * narrowed to a stage, a cohort, and whether they are still walking it,
 * finished it or dropped out. The :filter-journey property holds it as
 * text ("JOURNEY:STAGE:COHORT:STATUS", "" for none) so that the stateful
 * action customers.filter-journey can set it and the Filter menu show
 * which choice is on. The menu's Journey submenu lists each journey with
 * its stages, its cohorts and the three statuses; a choice there changes
 * that part of the filter and keeps the others. The chip names the
 * journey and its parts, and follows their renames; a journey, stage or
 * cohort deleted leaves the filter.
 */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-customers-view-private.h"

/* The cohorts a journey's submenu lists at most: the last ones in date
 * order, which are the latest lectures. A business that runs one a week
 * for years has hundreds, and a menu of hundreds is no use. */
#define MAX_MENU_COHORTS 15

typedef struct
{
  gint64             journey_id;
  gint64             stage_id;
  gint64             cohort_id;
  DgEnrollmentStatus status;
} JourneyFilter;

static char *
format_key (const JourneyFilter *filter)
{
  if (filter->journey_id <= 0)
    return g_strdup ("");

  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s",
                          filter->journey_id, filter->stage_id, filter->cohort_id,
                          dg_enrollment_status_to_string (filter->status));
}

/* FALSE, with no filter in @filter, for "" or text that is not a key. */
static gboolean
parse_key (const char    *key,
           JourneyFilter *filter)
{
  g_auto(GStrv) parts = NULL;
  guint64 ids[3];

  *filter = (JourneyFilter) { 0 };
  if (key == NULL || *key == '\0')
    return FALSE;

  parts = g_strsplit (key, ":", -1);
  if (g_strv_length (parts) != 4)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    if (!g_ascii_string_to_unsigned (parts[i], 10, 0, G_MAXINT64, &ids[i], NULL))
      return FALSE;

  if (ids[0] == 0 || !dg_enrollment_status_from_string (parts[3], &filter->status))
    return FALSE;

  filter->journey_id = (gint64) ids[0];
  filter->stage_id = (gint64) ids[1];
  filter->cohort_id = (gint64) ids[2];

  return TRUE;
}

static void
get_filter (DgCustomersView *self,
            JourneyFilter   *filter)
{
  filter->journey_id = self->filter_journey_id;
  filter->stage_id = self->filter_stage_id;
  filter->cohort_id = self->filter_cohort_id;
  filter->status = self->filter_journey_status;
}

char *
_dg_customers_view_dup_journey_filter (DgCustomersView *self)
{
  JourneyFilter filter;

  get_filter (self, &filter);

  return format_key (&filter);
}

static const char *
status_label (DgEnrollmentStatus status)
{
  switch (status)
    {
    case DG_ENROLLMENT_COMPLETED:
      return C_("journey status", "Completed");

    case DG_ENROLLMENT_DROPPED:
      return C_("journey status", "Dropped");

    case DG_ENROLLMENT_ACTIVE:
    default:
      /* Translators: in the filter menu of the customer list, the
       * customers still walking a journey (not finished, not dropped
       * out). */
      return C_("journey status", "Active");
    }
}

/* Reads the names of @filter's journey, stage and cohort into the chip's
 * text; a stage or cohort that is gone or of another journey leaves the
 * filter. FALSE when the journey is gone: no filter then. */
static gboolean
read_names (DgCustomersView *self,
            JourneyFilter   *filter,
            char           **out_label)
{
  DgDatabase *database = dg_context_get_database (self->context);
  g_autoptr(DgJourney) journey = NULL;
  g_autoptr(DgStage) stage = NULL;
  g_autoptr(DgCohort) cohort = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  journey = dg_journeys_get (database, filter->journey_id, &error);
  if (journey == NULL)
    {
      if (!g_error_matches (error, DG_ERROR, DG_ERROR_NOT_FOUND))
        g_warning ("Could not read the journey of the filter: %s", error->message);
      return FALSE;
    }

  if (filter->stage_id > 0)
    {
      stage = dg_stages_get (database, filter->stage_id, NULL);
      if (stage == NULL || stage->journey_id != filter->journey_id)
        filter->stage_id = 0;
    }

  if (filter->cohort_id > 0)
    {
      cohort = dg_cohorts_get (database, filter->cohort_id, NULL);
      if (cohort == NULL || cohort->journey_id != filter->journey_id)
        filter->cohort_id = 0;
    }

  /* Translators: the start of the chip above the customer list while it
   * shows the customers in a journey; %s is the journey. The parts of
   * the chip are joined by “ · ”. */
  g_ptr_array_add (parts, g_strdup_printf (_("Journey: %s"), journey->name));
  if (filter->stage_id > 0)
    /* Translators: a part of the journey chip of the customer list; %s is
     * a stage of the journey. */
    g_ptr_array_add (parts, g_strdup_printf (_("Stage: %s"), stage->name));
  if (filter->cohort_id > 0)
    /* Translators: a part of the journey chip of the customer list; %s is
     * a cohort (a group going through the journey together). */
    g_ptr_array_add (parts, g_strdup_printf (_("Cohort: %s"), cohort->name));
  if (filter->status != DG_ENROLLMENT_ACTIVE)
    g_ptr_array_add (parts, g_strdup (status_label (filter->status)));
  g_ptr_array_add (parts, NULL);

  *out_label = g_strjoinv (" · ", (char **) parts->pdata);

  return TRUE;
}

/* Sets the filter as given, or as much of it as still exists; returns
 * whether it changed. */
static gboolean
set_filter (DgCustomersView     *self,
            const JourneyFilter *in_filter)
{
  JourneyFilter filter = *in_filter;
  g_autofree char *label = NULL;

  if (filter.journey_id <= 0 || self->context == NULL ||
      !read_names (self, &filter, &label))
    filter = (JourneyFilter) { 0 };

  g_free (self->filter_journey_label);
  self->filter_journey_label = g_steal_pointer (&label);

  if (self->filter_journey_id == filter.journey_id &&
      self->filter_stage_id == filter.stage_id &&
      self->filter_cohort_id == filter.cohort_id &&
      self->filter_journey_status == filter.status)
    return FALSE;

  self->filter_journey_id = filter.journey_id;
  self->filter_stage_id = filter.stage_id;
  self->filter_cohort_id = filter.cohort_id;
  self->filter_journey_status = filter.status;

  return TRUE;
}

static void
apply_filter (DgCustomersView     *self,
              const JourneyFilter *filter)
{
  gboolean changed = set_filter (self, filter);

  /* The chip's names may have changed without the filter. */
  _dg_customers_view_filters_changed (self);
  if (changed)
    g_object_notify (G_OBJECT (self), "filter-journey");
}

void
_dg_customers_view_set_journey_filter (DgCustomersView    *self,
                                       gint64              journey_id,
                                       gint64              stage_id,
                                       gint64              cohort_id,
                                       DgEnrollmentStatus  status)
{
  JourneyFilter filter = { journey_id, MAX (stage_id, 0), MAX (cohort_id, 0), status };

  apply_filter (self, &filter);
}

void
_dg_customers_view_set_journey_filter_key (DgCustomersView *self,
                                           const char      *key)
{
  JourneyFilter filter;

  parse_key (key, &filter);
  apply_filter (self, &filter);
}

const char *
_dg_customers_view_get_journey_chip_text (DgCustomersView *self)
{
  return self->filter_journey_id > 0 ? self->filter_journey_label : NULL;
}

static void
append_choice (GMenu               *section,
               const char          *label,
               const JourneyFilter *filter)
{
  g_autoptr(GMenuItem) item = NULL;
  g_auto(GStrv) parts = g_strsplit (label, "_", -1);
  g_autofree char *escaped = g_strjoinv ("__", parts);
  g_autofree char *key = format_key (filter);

  /* GMenu reads "_" as a mnemonic. */
  item = g_menu_item_new (escaped, NULL);
  g_menu_item_set_action_and_target_value (item, "customers.filter-journey", g_variant_new_string (key));
  g_menu_append_item (section, item);
}

/* The submenu of journey @journey: each choice is the filter now on (or
 * the whole journey, for another one) with one part changed, so that a
 * stage and a cohort and a status can be chosen one after the other. */
static GMenu *
build_journey_menu (DgCustomersView *self,
                    DgDatabase      *database,
                    const DgJourney *journey)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) stages_section = g_menu_new ();
  g_autoptr(GMenu) cohorts_section = g_menu_new ();
  g_autoptr(GMenu) status_section = g_menu_new ();
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(GError) error = NULL;
  static const DgEnrollmentStatus statuses[] = { DG_ENROLLMENT_ACTIVE, DG_ENROLLMENT_COMPLETED, DG_ENROLLMENT_DROPPED };
  JourneyFilter base = { journey->id, 0, 0, DG_ENROLLMENT_ACTIVE };
  JourneyFilter choice;
  guint first_cohort = 0;
  gboolean current_listed = FALSE;

  if (self->filter_journey_id == journey->id)
    get_filter (self, &base);

  stages = dg_stages_list (database, journey->id, &error);
  if (stages == NULL)
    {
      g_warning ("Could not list the stages of a journey: %s", error->message);
      g_clear_error (&error);
    }
  cohorts = dg_cohorts_list (database, journey->id, FALSE, &error);
  if (cohorts == NULL)
    g_warning ("Could not list the cohorts of a journey: %s", error->message);

  choice = base;
  choice.stage_id = 0;
  /* Translators: in the filter menu of the customer list, under a
   * journey: no stage filter. */
  append_choice (stages_section, _("Any Stage"), &choice);
  for (guint i = 0; stages != NULL && i < stages->len; i++)
    {
      const DgStage *stage = g_ptr_array_index (stages, i);

      choice.stage_id = stage->id;
      append_choice (stages_section, stage->name, &choice);
    }

  choice = base;
  choice.cohort_id = 0;
  /* Translators: in the filter menu of the customer list, under a
   * journey: no cohort filter. */
  append_choice (cohorts_section, _("Any Cohort"), &choice);
  if (cohorts != NULL && cohorts->len > MAX_MENU_COHORTS)
    first_cohort = cohorts->len - MAX_MENU_COHORTS;
  for (guint i = 0; cohorts != NULL && i < cohorts->len; i++)
    {
      const DgCohort *cohort = g_ptr_array_index (cohorts, i);

      /* The one chosen shows even when it is not among the latest. */
      if (i < first_cohort && cohort->id != base.cohort_id)
        continue;
      choice.cohort_id = cohort->id;
      current_listed |= cohort->id == base.cohort_id;
      append_choice (cohorts_section, cohort->name, &choice);
    }
  /* An archived cohort chosen elsewhere (the board) is listed too. */
  if (base.cohort_id > 0 && !current_listed)
    {
      g_autoptr(DgCohort) cohort = dg_cohorts_get (database, base.cohort_id, NULL);

      if (cohort != NULL)
        {
          choice.cohort_id = cohort->id;
          append_choice (cohorts_section, cohort->name, &choice);
        }
    }

  choice = base;
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      choice.status = statuses[i];
      append_choice (status_section, status_label (statuses[i]), &choice);
    }

  /* Translators: a heading in the filter menu of the customer list, above
   * the stages of a journey. */
  g_menu_append_section (menu, _("Stage"), G_MENU_MODEL (stages_section));
  /* Translators: a heading in the filter menu of the customer list, above
   * the cohorts of a journey. */
  g_menu_append_section (menu, _("Cohort"), G_MENU_MODEL (cohorts_section));
  /* Translators: a heading in the filter menu of the customer list, above
   * the choice of active, completed or dropped out. */
  g_menu_append_section (menu, _("Status"), G_MENU_MODEL (status_section));

  return menu;
}

void
_dg_customers_view_fill_journey_menu (DgCustomersView *self,
                                      DgDatabase      *database)
{
  g_autoptr(GPtrArray) journeys = NULL;
  g_autoptr(GError) error = NULL;
  JourneyFilter none = { 0 };

  g_menu_remove_all (self->filter_journey_section);
  /* Translators: in the filter menu of the customer list: no journey
   * filter. */
  append_choice (self->filter_journey_section, _("Any Journey"), &none);

  journeys = dg_journeys_list (database, &error);
  if (journeys == NULL)
    {
      g_warning ("Could not list the journeys: %s", error->message);
      return;
    }

  for (guint i = 0; i < journeys->len; i++)
    {
      const DgJourney *journey = g_ptr_array_index (journeys, i);
      g_autoptr(GMenu) submenu = build_journey_menu (self, database, journey);
      g_auto(GStrv) parts = g_strsplit (journey->name, "_", -1);
      g_autofree char *label = g_strjoinv ("__", parts);

      g_menu_append_submenu (self->filter_journey_section, label, G_MENU_MODEL (submenu));
    }

  if (journeys->len == 0)
    {
      /* Its action does not exist, so it shows greyed out. */
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No journeys yet"), NULL);

      g_menu_item_set_attribute (item, G_MENU_ATTRIBUTE_ACTION, "s", "customers.none");
      g_menu_append_item (self->filter_journey_section, item);
    }
}

/* A journey, stage or cohort renamed or deleted: the chip's names again,
 * or less of the filter. */
static void
on_journeys_changed_cb (DgDatabase      *database,
                        const char      *table,
                        DgCustomersView *self)
{
  JourneyFilter filter;

  if (self->filter_journey_id <= 0)
    return;

  get_filter (self, &filter);
  apply_filter (self, &filter);
}

static void
disconnect_journeys (DgCustomersView *self,
                     DgContext       *context)
{
  DgDatabase *database = dg_context_get_database (context);

  for (guint i = 0; i < G_N_ELEMENTS (self->journeys_changed_handlers); i++)
    g_clear_signal_handler (&self->journeys_changed_handlers[i], database);
}

void
_dg_customers_view_journey_filter_set_context (DgCustomersView *self,
                                               DgContext       *old_context)
{
  static const char * const tables[] = { DG_TABLE_JOURNEYS, DG_TABLE_STAGES, DG_TABLE_COHORTS };
  JourneyFilter filter;

  G_STATIC_ASSERT (G_N_ELEMENTS (tables) == G_N_ELEMENTS (((DgCustomersView *) NULL)->journeys_changed_handlers));

  if (old_context != NULL)
    disconnect_journeys (self, old_context);

  if (self->context == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *signal = g_strdup_printf ("changed::%s", tables[i]);

      self->journeys_changed_handlers[i] = g_signal_connect_object (dg_context_get_database (self->context),
                                                                    signal,
                                                                    G_CALLBACK (on_journeys_changed_cb),
                                                                    self, 0);
    }

  /* The ids were of the other database. */
  filter = (JourneyFilter) { 0 };
  if (set_filter (self, &filter))
    {
      _dg_customers_view_filters_changed (self);
      g_object_notify (G_OBJECT (self), "filter-journey");
    }
}

void
_dg_customers_view_dispose_journey_filter (DgCustomersView *self)
{
  if (self->context != NULL)
    disconnect_journeys (self, self->context);

  g_clear_pointer (&self->filter_journey_label, g_free);
}
