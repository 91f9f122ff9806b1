/* dg-keep-all.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include "dg-keep-all.h"

/* In columns: a Hangul syllable (wide) takes two, a Latin letter one. 24
 * columns are about 170 px in the default 11 pt font, which leaves a 360 px
 * window room for margins and a row's buttons. */
#define LONG_WORD_COLUMNS 24

#define WATCHED_KEY "dg-keep-all-watched"
#define UPDATING_KEY "dg-keep-all-updating"

/* Finds the next word of @text at or after @from: sets @start and @end to
 * its bytes and @keep to whether it must stay whole. FALSE at the end. */
static gboolean
next_word (const char  *from,
           const char **start,
           const char **end,
           gboolean    *keep)
{
  const char *p = from;
  guint columns = 0;
  guint chars = 0;

  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (*p == '\0')
    return FALSE;

  *start = p;
  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        break;
      columns += g_unichar_iswide (c) ? 2 : 1;
      chars++;
    }
  *end = p;
  /* A single character has nowhere to break anyway. */
  *keep = chars > 1 && columns <= LONG_WORD_COLUMNS;
  return TRUE;
}

gboolean
dg_keep_all_is_line_start (const char *text,
                           int         index)
{
  const char *p = text;
  const char *start;
  const char *end;
  gboolean keep;

  g_return_val_if_fail (text != NULL, FALSE);

  while (next_word (p, &start, &end, &keep))
    {
      if (index <= start - text)
        return TRUE;
      if (index < end - text)
        return !keep;
      p = end;
    }
  return TRUE;
}

static gboolean
is_allow_breaks (PangoAttribute *attr,
                 gpointer        user_data)
{
  return attr->klass->type == PANGO_ATTR_ALLOW_BREAKS;
}

/* @base without allow-breaks attributes, plus one over each word of @text
 * to keep whole; NULL when that leaves nothing. */
static PangoAttrList *
keep_all_attributes (PangoAttrList *base,
                     const char    *text)
{
  PangoAttrList *attrs = base != NULL ? pango_attr_list_copy (base) : pango_attr_list_new ();
  PangoAttrList *removed = pango_attr_list_filter (attrs, is_allow_breaks, NULL);
  const char *p = text;
  const char *start;
  const char *end;
  gboolean keep;

  g_clear_pointer (&removed, pango_attr_list_unref);

  while (next_word (p, &start, &end, &keep))
    {
      if (keep)
        {
          PangoAttribute *attr = pango_attr_allow_breaks_new (FALSE);

          attr->start_index = start - text;
          attr->end_index = end - text;
          pango_attr_list_insert (attrs, attr);
        }
      p = end;
    }

  if (pango_attr_list_get_attributes (attrs) == NULL)
    g_clear_pointer (&attrs, pango_attr_list_unref);

  return attrs;
}

/* Not pango_attr_list_equal(): Pango 1.50 finds a list of more than 32
 * attributes unequal to its own copy (it keeps which ones matched in the
 * bits of an int), and a label with that many words would be set again
 * and again. Both lists are built in the same order, so comparing them in
 * order is enough; a list in another order is set once more, no more. */
static gboolean
attr_lists_equal (PangoAttrList *a,
                  PangoAttrList *b)
{
  g_autoslist(PangoAttribute) list_a = NULL;
  g_autoslist(PangoAttribute) list_b = NULL;
  GSList *la;
  GSList *lb;

  if (a == NULL || b == NULL)
    return a == b;

  list_a = pango_attr_list_get_attributes (a);
  list_b = pango_attr_list_get_attributes (b);
  for (la = list_a, lb = list_b; la != NULL && lb != NULL; la = la->next, lb = lb->next)
    {
      PangoAttribute *attr_a = la->data;
      PangoAttribute *attr_b = lb->data;

      if (attr_a->start_index != attr_b->start_index ||
          attr_a->end_index != attr_b->end_index ||
          !pango_attribute_equal (attr_a, attr_b))
        return FALSE;
    }

  return la == NULL && lb == NULL;
}

static void
keep_all_update (GtkLabel *label)
{
  PangoAttrList *current = gtk_label_get_attributes (label);
  g_autoptr(PangoAttrList) wanted = NULL;

  /* Setting the attributes notifies ::attributes, which calls this again. */
  if (g_object_get_data (G_OBJECT (label), UPDATING_KEY) != NULL)
    return;

  /* The layout's text: without markup and mnemonic underscores, so that
   * its byte offsets are those the attributes apply to. */
  if (gtk_label_get_wrap (label))
    wanted = keep_all_attributes (current, gtk_label_get_text (label));
  else if (current != NULL)
    wanted = keep_all_attributes (current, "");

  /* The same list again would lay the label out again for nothing. */
  if (attr_lists_equal (current, wanted))
    return;

  g_object_set_data (G_OBJECT (label), UPDATING_KEY, GINT_TO_POINTER (TRUE));
  gtk_label_set_attributes (label, wanted);
  g_object_set_data (G_OBJECT (label), UPDATING_KEY, NULL);
}

static void
on_label_notify_cb (GtkLabel   *label,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  keep_all_update (label);
}

void
dg_keep_all_watch_label (GtkLabel *label)
{
  static const char * const signals[] = {
    "notify::label",
    "notify::use-markup",
    "notify::use-underline",
    "notify::attributes",
    "notify::wrap",
  };

  g_return_if_fail (GTK_IS_LABEL (label));

  if (g_object_get_data (G_OBJECT (label), WATCHED_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (label), WATCHED_KEY, GINT_TO_POINTER (TRUE));

  /* Each of these can change the text or drop the attributes; GtkLabel
   * notifies them after it parsed the new text. */
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    g_signal_connect (label, signals[i], G_CALLBACK (on_label_notify_cb), NULL);

  keep_all_update (label);
}

static gboolean
on_widget_realize_hook (GSignalInvocationHint *hint,
                        guint                  n_params,
                        const GValue          *params,
                        gpointer               user_data)
{
  GObject *widget = g_value_get_object (&params[0]);

  if (GTK_IS_LABEL (widget))
    dg_keep_all_watch_label (GTK_LABEL (widget));

  return TRUE;
}

void
dg_keep_all_install (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      /* Realize comes before a label is first drawn, and before it is first
       * measured once it is in a window; libadwaita's labels are built
       * where no call of ours can reach them. */
      gpointer klass = g_type_class_ref (GTK_TYPE_LABEL);
      guint realize;

      /* The signal exists once the class was initialized, which may not
       * have happened yet at application startup. */
      realize = g_signal_lookup ("realize", GTK_TYPE_WIDGET);
      g_signal_add_emission_hook (realize, 0, on_widget_realize_hook, NULL, NULL);
      g_type_class_unref (klass);
      g_once_init_leave (&installed, 1);
    }
}
