/* dg-backup-counts.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-backup-counts.h"

/* What a person thinks in first: the people, then what was done with
 * them, then the journeys, then the rest. */
static const struct {
  const char *name;
  gsize       offset;
} kinds[] = {
  { NC_("backup contents", "Customers"), G_STRUCT_OFFSET (DgBackupCounts, n_customers) },
  { NC_("backup contents", "Tags"), G_STRUCT_OFFSET (DgBackupCounts, n_tags) },
  { NC_("backup contents", "Contacts logged"), G_STRUCT_OFFSET (DgBackupCounts, n_interactions) },
  { NC_("backup contents", "Follow-ups"), G_STRUCT_OFFSET (DgBackupCounts, n_followups) },
  { NC_("backup contents", "Journeys"), G_STRUCT_OFFSET (DgBackupCounts, n_journeys) },
  { NC_("backup contents", "Stages"), G_STRUCT_OFFSET (DgBackupCounts, n_stages) },
  { NC_("backup contents", "Stage follow-up rules"), G_STRUCT_OFFSET (DgBackupCounts, n_stage_rules) },
  { NC_("backup contents", "Cohorts"), G_STRUCT_OFFSET (DgBackupCounts, n_cohorts) },
  { NC_("backup contents", "Customers in journeys"), G_STRUCT_OFFSET (DgBackupCounts, n_enrollments) },
  { NC_("backup contents", "Moves between stages"), G_STRUCT_OFFSET (DgBackupCounts, n_stage_events) },
  { NC_("backup contents", "Settings"), G_STRUCT_OFFSET (DgBackupCounts, n_settings) },
};

guint
dg_backup_counts_n_kinds (void)
{
  return G_N_ELEMENTS (kinds);
}

const char *
dg_backup_counts_kind_name (guint i)
{
  g_return_val_if_fail (i < G_N_ELEMENTS (kinds), NULL);

  return g_dpgettext2 (NULL, "backup contents", kinds[i].name);
}

guint
dg_backup_counts_get (const DgBackupCounts *counts,
                      guint                 i)
{
  g_return_val_if_fail (counts != NULL, 0);
  g_return_val_if_fail (i < G_N_ELEMENTS (kinds), 0);

  return G_STRUCT_MEMBER (guint, counts, kinds[i].offset);
}
