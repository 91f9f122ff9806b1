/* dg-stage-messages.c */
#define G_LOG_DOMAIN "Dangol-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "dg-enrollments.h"
#include "dg-interaction.h"
#include "dg-stage-messages.h"
#include "dg-stage-script.h"
#include "dg-stages.h"

struct _DgStageMessages
{
  GString   *text;
  /* Of the messages filled, in order: the customer, and the stage whose
   * message it is. */
  GArray    *customer_ids;   /* gint64 */
  GPtrArray *stage_names;    /* char * */
  char      *report;
};

/* What each stage met holds, read once. */
typedef struct
{
  DgStage   *stage;
  /* "{이름}, {x}" when its script has placeholders that do not exist. */
  char      *unknown;
  /* The customers left out for the stage's own script: names. */
  GPtrArray *left_out;
} StageInfo;

static void
stage_info_free (StageInfo *info)
{
  g_clear_pointer (&info->stage, dg_stage_free);
  g_free (info->unknown);
  g_ptr_array_unref (info->left_out);
  g_free (info);
}

void
dg_stage_messages_free (DgStageMessages *self)
{
  if (self == NULL)
    return;

  g_string_free (self->text, TRUE);
  g_array_unref (self->customer_ids);
  g_ptr_array_unref (self->stage_names);
  g_free (self->report);
  g_free (self);
}

static char *
join_braced (GPtrArray *names)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (text, "%s{%s}", i > 0 ? ", " : "", (const char *) g_ptr_array_index (names, i));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
join_names (GPtrArray *names)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", (const char *) g_ptr_array_index (names, i));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static StageInfo *
get_stage_info (DgDatabase  *db,
                GHashTable  *stages,
                GPtrArray   *order,
                gint64       stage_id,
                GError     **error)
{
  StageInfo *info = g_hash_table_lookup (stages, &stage_id);
  g_autoptr(GPtrArray) unknown = NULL;

  if (info != NULL)
    return info;

  info = g_new0 (StageInfo, 1);
  info->left_out = g_ptr_array_new_with_free_func (g_free);
  info->stage = dg_stages_get (db, stage_id, error);
  if (info->stage == NULL)
    {
      stage_info_free (info);
      return NULL;
    }

  g_free (dg_stage_script_fill (info->stage->message_script, NULL, NULL, &unknown));
  if (unknown->len > 0)
    info->unknown = join_braced (unknown);

  g_hash_table_insert (stages, &info->stage->id, info);
  g_ptr_array_add (order, info);

  return info;
}

/* Who was left out because of a stage's script, stage by stage. */
static void
describe_scripts (GString   *report,
                  GPtrArray *order)
{
  for (guint i = 0; i < order->len; i++)
    {
      StageInfo *info = g_ptr_array_index (order, i);
      g_autofree char *names = NULL;
      guint n = info->left_out->len;

      if (n == 0)
        continue;

      names = join_names (info->left_out);
      if (report->len > 0)
        g_string_append_c (report, '\n');
      if (info->unknown == NULL)
        /* Translators: after copying the messages of a journey's
         * stages; %1$s is a stage, %2$u how many customers, %3$s their
         * names. */
        g_string_append_printf (report, ngettext ("“%1$s” has no message script yet, so %2$u customer was left out: %3$s",
                                                  "“%1$s” has no message script yet, so %2$u customers were left out: %3$s",
                                                  n),
                                info->stage->name, n, names);
      else
        /* Translators: after copying the messages of a journey's
         * stages; %1$s is a stage, %2$s what looks like placeholders but
         * is none (“{이름}”), %3$u how many customers, %4$s their names. */
        g_string_append_printf (report, ngettext ("The script of “%1$s” has placeholders that do not exist (%2$s), so %3$u customer was left out: %4$s",
                                                  "The script of “%1$s” has placeholders that do not exist (%2$s), so %3$u customers were left out: %4$s",
                                                  n),
                                info->stage->name, info->unknown, n, names);
    }
}

/* One line per placeholder that lacked a value ("{organization}" in
 * @placeholders, in the order met): who lacks it. */
static void
describe_missing (GString    *report,
                  GPtrArray  *placeholders,
                  GHashTable *who)
{
  for (guint i = 0; i < placeholders->len; i++)
    {
      const char *name = g_ptr_array_index (placeholders, i);
      GPtrArray *people = g_hash_table_lookup (who, name);
      g_autofree char *list = join_names (people);

      if (report->len > 0)
        g_string_append_c (report, '\n');
      /* Translators: in the stage panel after Copy Message; %1$u is how
       * many customers, %2$s the placeholder (“{organization}”), %3$s
       * their names. Their messages were not copied. */
      g_string_append_printf (report, ngettext ("%1$u customer has no value for %2$s: %3$s",
                                                "%1$u customers have no value for %2$s: %3$s",
                                                people->len),
                              people->len, name, list);
    }
}

DgStageMessages *
dg_stage_messages_fill (DgDatabase    *db,
                        DgClock       *clock,
                        const gint64  *ids,
                        guint          n_ids,
                        GError       **error)
{
  g_autoptr(DgStageMessages) self = NULL;
  g_autoptr(GHashTable) stages = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                        (GDestroyNotify) stage_info_free);
  g_autoptr(GPtrArray) stage_order = g_ptr_array_new ();
  g_autoptr(GHashTable) who = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                     (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) missing_order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) report = g_string_new (NULL);

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  self = g_new0 (DgStageMessages, 1);
  self->text = g_string_new (NULL);
  self->customer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->stage_names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(DgEnrollment) enrollment = dg_enrollments_get (db, ids[i], error);
      g_autoptr(GHashTable) values = NULL;
      g_autoptr(GPtrArray) missing = NULL;
      g_autofree char *message = NULL;
      StageInfo *info;

      if (enrollment == NULL
          || (info = get_stage_info (db, stages, stage_order, enrollment->stage_id, error)) == NULL)
        return NULL;

      if (info->stage->message_script[0] == '\0' || info->unknown != NULL)
        {
          g_ptr_array_add (info->left_out, g_strdup (enrollment->customer_name));
          continue;
        }

      values = dg_stage_script_values (db, clock, ids[i], error);
      if (values == NULL)
        return NULL;

      message = dg_stage_script_fill (info->stage->message_script, values, &missing, NULL);
      for (guint j = 0; j < missing->len; j++)
        {
          g_autofree char *name = g_strdup_printf ("{%s}", (const char *) g_ptr_array_index (missing, j));
          GPtrArray *people = g_hash_table_lookup (who, name);

          if (people == NULL)
            {
              people = g_ptr_array_new_with_free_func (g_free);
              g_hash_table_insert (who, g_strdup (name), people);
              g_ptr_array_add (missing_order, g_strdup (name));
            }
          g_ptr_array_add (people, g_strdup (enrollment->customer_name));
        }
      if (missing->len > 0)
        continue;

      if (self->text->len > 0)
        g_string_append (self->text, DG_STAGE_MESSAGES_SEPARATOR);
      g_string_append (self->text, g_strstrip (message));
      g_array_append_val (self->customer_ids, enrollment->customer_id);
      g_ptr_array_add (self->stage_names, g_strdup (info->stage->name));
    }

  describe_scripts (report, stage_order);
  describe_missing (report, missing_order, who);
  if (report->len > 0)
    {
      g_string_append_c (report, '\n');
      g_string_append (report, self->customer_ids->len > 0
                               ? _("Their messages were not copied; fill in what is missing, then copy again.")
                               : _("Nothing was copied; fill in what is missing, then copy again."));
    }
  self->report = g_string_free (g_steal_pointer (&report), FALSE);

  return g_steal_pointer (&self);
}

const char *
dg_stage_messages_get_text (DgStageMessages *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text->str;
}

guint
dg_stage_messages_get_n_messages (DgStageMessages *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->customer_ids->len;
}

const char *
dg_stage_messages_get_report (DgStageMessages *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->report;
}

DgBulkUndo *
dg_stage_messages_log (DgStageMessages  *self,
                       DgDatabase       *db,
                       DgClock          *clock,
                       GError          **error)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);
  g_return_val_if_fail (DG_IS_CLOCK (clock), NULL);

  now = dg_clock_get_now_utc (clock);
  for (guint i = 0; i < self->customer_ids->len; i++)
    {
      DgInteraction *contact = dg_interaction_new ();
      g_autofree char *summary = NULL;

      /* Translators: the summary of the contact logged for each customer a
       * stage's message was sent to; %s is the stage. */
      summary = g_strdup_printf (_("Sent the “%s” message"), (const char *) g_ptr_array_index (self->stage_names, i));
      dg_interaction_set_occurred_at (contact, now);
      dg_interaction_set_channel (contact, DG_INTERACTION_CHANNEL_MESSAGE);
      dg_interaction_set_summary (contact, summary);
      g_ptr_array_add (contacts, contact);
    }

  return dg_customers_bulk_log_contacts (db, clock, (const gint64 *) (gpointer) self->customer_ids->data,
                                         (DgInteraction * const *) contacts->pdata, self->customer_ids->len,
                                         error);
}
